"""Gradient page: ∇f of a function the student types, its field, directional derivative and
gradient descent from the point (lecture 03, section "Gradiente")."""

import streamlit as st

from dlviz import gradient, symbolic, ui
from dlviz.expr import parse
from dlviz.figures import gradient as figures
from dlviz.params import ChoiceParam, FloatParam, GridParam, IntParam, log_grid
from dlviz.texts.gradient import TEXT

LECTURE_F = "x^2 y + y"
EXAMPLES = {"lecture": LECTURE_F, "bowl": "x^2 + 5y^2", "saddle": "x^2 - y^2",
            "waves": "sin(x) cos(y)", "rosenbrock": "(1 - x)^2 + 5(y - x^2)^2"}  # fmt: skip
VERDICT_ALERT = {"diverged": "error", "stationary": "info", "overshoot": "warning",
                 "slow": "warning", "ok": "success"}  # fmt: skip

page = ui.Page(TEXT, "page.gradient")
t = page.t


@ui.cache_data(max_entries=32)
def sampled(text, half_width, n):
    return gradient.grid(parse(text), (0.0, 0.0), half_width, n)


st.markdown(t("intro"))
st.latex(r"\nabla f = \frac{\partial f}{\partial x}\,\hat{i} + \frac{\partial f}{\partial y}"
           r"\,\hat{j} = \begin{bmatrix} \partial f/\partial x \\ \partial f/\partial y \end{bmatrix}")  # fmt: skip
st.latex(r"f(x,y) = x^2y + y \;\Rightarrow\; \nabla f = \begin{bmatrix} 2xy \\ x^2+1"
            r"\end{bmatrix},\quad \nabla f(1,1) = \begin{bmatrix} 2 \\ 2 \end{bmatrix}")  # fmt: skip

# -- the function and the point --------------------------------------------------------------
cols = st.columns([5] + [2] * len(EXAMPLES), vertical_alignment="bottom")
for col, (name, formula) in zip(cols[1:], EXAMPLES.items(), strict=True):
    col.button(t(f"example.{name}"), key=f"ex_{name}", help=formula, width="stretch",
               on_click=lambda formula=formula: st.session_state.update(f=formula))  # fmt: skip
expr = page.formula("f", LECTURE_F, "f", where=cols[0])

c1, c2, c3 = st.columns(3)
x0 = page.slider("x0", FloatParam(1.0, -5.0, 5.0), "x0", step=0.05, where=c1)
y0 = page.slider("y0", FloatParam(1.0, -5.0, 5.0), "y0", step=0.05, where=c2)
span = page.slider("span", FloatParam(2.0, 0.5, 10.0), "span", step=0.5, where=c3)
if max(abs(x0), abs(y0)) > span:
    page.alert("info", t("outside", x=x0, y=y0))

# -- the gradient at the point: symbolic, autodiff, finite differences -------------------------
st.subheader(t("result"))
point = gradient.at_point(expr, x0, y0)
partials = tuple(symbolic.partial_latex(expr, v) for v in "xy")
if point.defined:
    st.latex(gradient.gradient_latex(expr.latex(), point, partials))
else:
    page.alert("warning", t("undefined", x=x0, y=y0))
if not all(partials):
    st.caption(t("no.symbolic"))
formulas = tuple(symbolic.derivative_text(expr, v) for v in "xy")
page.table(gradient.check_table(point, formulas), key="check",
           formats={"autodiff": "%.10g", "finite_difference": "%.10g", "gap": "%.2e"})  # fmt: skip
st.caption(t("check.caption"))

# -- the walk and the direction: controls below, figures drawn above them ------------------------
figure_area = st.container()
st.subheader(t("walk.header"))
st.markdown(t("walk.intro"))
st.latex(r"p^{(k+1)} \leftarrow p^{(k)} - \eta\,\nabla f\big(p^{(k)}\big)")
m1, m2, m3 = st.columns(3)
mode = page.select("mode", ChoiceParam("descent", ("descent", "ascent", "off")), "mode",
                   where=m1, radio=True, horizontal=True)  # fmt: skip
eta = page.log_slider("eta", GridParam(0.1, log_grid(-3, 1)), "eta", where=m2)
steps = page.slider("steps", IntParam(20, 1, 200), "steps", where=m3)
walk = None
if mode != "off" and point.defined:
    walk = gradient.walk(expr, (x0, y0), eta, steps, ascent=mode == "ascent")
    verdict, numbers = gradient.walk_verdict(walk, 2 * span)
    page.alert(VERDICT_ALERT[verdict], t(f"walk.{verdict}", **numbers))
    with st.expander(t("walk.table")):
        page.table(gradient.walk_table(walk), key="walk", download="gradient_walk.csv")

st.subheader(t("direction.header"))
st.markdown(t("direction.intro"))
angle = page.slider("angle", FloatParam(45.0, 0.0, 360.0), "angle", step=1.0)
if point.defined and point.norm > 0:
    st.markdown(t("direction.result", **gradient.direction_summary(point.gradient, angle)))
    names = {k: t(f"fig.{k}") for k in ("max", "level", "theta")}
    page.plot(figures.directional_figure(point.gradient, angle, names), key="directional")
elif point.defined:
    page.alert("info", t("direction.zero"))

# -- figures -------------------------------------------------------------------------------------
names = {k: t(f"fig.{k}") for k in ("f", "field", "level", "point", "grad", "u", "walk", "step")}
with figure_area:
    s_col, c_col = st.columns(2)
    s_col.markdown(f"**{t('surface.title', x=f'{x0:g}', y=f'{y0:g}')}**")
    with s_col:
        surface = sampled(expr.text, span, 41)
        page.plot(figures.surface_figure(surface, (x0, y0), point.value, point.gradient, walk, names),
                  key="surface")  # fmt: skip
    c_col.markdown(f"**{t('contour.title')}**")
    with c_col:
        fine, coarse = sampled(expr.text, span, 61), sampled(expr.text, span, 15)
        direction = gradient.unit_vector(angle)
        page.plot(figures.contour_figure(fine, coarse, (x0, y0), point.value, point.gradient,
                                         direction, walk, names), key="contour")  # fmt: skip
        st.caption(t("contour.caption"))
page.show_code(gradient.gradient_at, gradient.walk)
