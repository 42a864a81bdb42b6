"""Gradient page: ∇f of a function the student types, its surface, gradient descent from the
point and the directional derivative (lecture 03, section "Gradiente"), one section at a time."""

import streamlit as st

from dlviz import gradient, symbolic, ui
from dlviz.params import ChoiceParam, FloatParam, GridParam, IntParam, log_grid
from dlviz.texts.gradient import TEXT
from dlviz.views import gradient as views

LECTURE_F = "x^2 y + y"
EXAMPLES = {
    "lecture": LECTURE_F,
    "bowl": "x^2 + 5y^2",
    "saddle": "x^2 - y^2",
    "waves": "sin(x) cos(y)",
    "rosenbrock": "(1 - x)^2 + 5(y - x^2)^2",
}
VERDICT_ALERT = {
    "too_large": "error",
    "unbounded_below": "warning",
    "unbounded_above": "warning",
    "domain": "warning",
    "stationary": "info",
    "overshoot": "warning",
    "slow": "warning",
    "ok": "success",
}

page = ui.Page(TEXT, "page.gradient")
t = page.t

st.markdown(t("intro"))
st.latex(
    r"\nabla f = \frac{\partial f}{\partial x}\,\hat{i} + \frac{\partial f}{\partial y}"
    r"\,\hat{j} = \begin{bmatrix} \partial f/\partial x \\ \partial f/\partial y \end{bmatrix}"
)

# -- the function and the point: every section shows them ---------------------------------------
box, examples = st.columns([2, 3], vertical_alignment="bottom")
expr = page.formula("f", LECTURE_F, "f", where=box)
with examples.container(horizontal=True, vertical_alignment="center"):  # wraps, never cut
    for name, formula in EXAMPLES.items():
        st.button(
            t(f"example.{name}"),
            key=f"ex_{name}",
            help=formula,
            on_click=lambda formula=formula: st.session_state.update(f=formula),
        )
c1, c2, c3 = st.columns(3)
x0 = page.slider("x0", FloatParam(1.0, -5.0, 5.0), "x0", step=0.05, where=c1)
y0 = page.slider("y0", FloatParam(1.0, -5.0, 5.0), "y0", step=0.05, where=c2)
span = page.slider("span", FloatParam(2.0, 0.5, 10.0), "span", step=0.5, where=c3)
if max(abs(x0), abs(y0)) > span:
    page.alert("info", t("outside", x=x0, y=y0))
point = gradient.at_point(expr, x0, y0)
f, p = expr.text, (x0, y0)


def at_point():  # the slide: ∇f symbolically, by autodiff and by finite differences; the field
    st.latex(
        r"f(x,y) = x^2y + y \;\Rightarrow\; \nabla f = \begin{bmatrix} 2xy \\ x^2+1"
        r"\end{bmatrix},\quad \nabla f(1,1) = \begin{bmatrix} 2 \\ 2 \end{bmatrix}"
    )
    st.caption(t("slip.delta"))  # the slide writes Δf (the Laplacian) for ∇f
    partials = tuple(symbolic.partial_latex(expr, v) for v in "xy")
    if point.defined:
        st.latex(gradient.gradient_latex(expr.latex(), point, partials))
    else:
        page.alert("warning", t("undefined", x=x0, y=y0))
    if not all(partials):
        st.caption(t("no.symbolic"))
    formulas = tuple(symbolic.derivative_text(expr, v) for v in "xy")
    page.table(
        gradient.check_table(point, formulas),
        key="check",
        formats={"autodiff": "%.10g", "finite_difference": "%.10g", "gap": "%.2e"},
    )
    st.caption(t("check.caption"))
    figure, notes = st.columns([3, 2])
    figure.markdown(f"**{t('contour.title')}**")
    with figure:
        page.plot(views.contour_figure(f, span, p, None, None, page.lang), key="contour")
    notes.caption(t("contour.caption"))
    page.show_code(gradient.gradient_at)


def surface():  # the surface with ∇f in the tangent plane (3-D: drawn only in this section)
    st.markdown(f"**{t('surface.title', x=f'{x0:g}', y=f'{y0:g}')}**")
    page.plot(views.surface_figure(f, span, p, page.lang), key="surface")


def descent():  # p ← p − η∇f(p) from the point, animated in the browser
    st.markdown(t("walk.intro"))
    st.latex(r"p^{(k+1)} \leftarrow p^{(k)} - \eta\,\nabla f\big(p^{(k)}\big)")
    m1, m2, m3 = st.columns(3)
    mode = page.select(
        "mode",
        ChoiceParam("descent", ("descent", "ascent", "off")),
        "mode",
        where=m1,
        radio=True,
        horizontal=True,
    )
    eta = page.log_slider("eta", GridParam(0.1, log_grid(-3, 1)), "eta", where=m2)
    steps = page.slider("steps", IntParam(20, 1, 200), "steps", where=m3)
    if not point.defined:
        page.alert("warning", t("undefined", x=x0, y=y0))
        return
    setting = None if mode == "off" else (eta, steps, mode == "ascent")
    if setting:
        walk, table = views.walk(f, p, *setting)
        verdict, numbers = gradient.walk_verdict(walk, 2 * span)
        page.alert(VERDICT_ALERT[verdict], t(f"walk.{verdict}", **numbers))
    page.plot(views.contour_figure(f, span, p, None, setting, page.lang), key="walk_contour")
    if setting:
        with st.expander(t("walk.table")):
            page.table(table, key="walk", download="gradient_walk.csv")
    page.show_code(gradient.walk)


def direction():  # ∇f·u for every direction u
    st.markdown(t("direction.intro"))
    angle = page.slider("angle", FloatParam(45.0, 0.0, 360.0), "angle", step=1.0)
    if not (point.defined and point.norm > 0):
        page.alert("info", t("direction.zero" if point.defined else "undefined", x=x0, y=y0))
        return
    st.markdown(t("direction.result", **gradient.direction_summary(point.gradient, angle)))
    grad = tuple(float(g) for g in point.gradient)
    page.plot(views.directional_figure(grad, angle, page.lang), key="directional")


page.sections({"point": at_point, "surface": surface, "descent": descent, "direction": direction})
