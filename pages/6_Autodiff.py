"""Autodiff page: the computational graph of a formula, its forward and backward passes step by
step, the derivative rules in the engine, forward vs reverse mode, a gradient check, the
lecture's softmax two-path example and backward() twice (lecture 03, "Autodiferenciación"),
one section at a time."""

import streamlit as st

from dlviz import autodiff_steps as steps
from dlviz import softmax_paths, ui
from dlviz.autodiff import Tensor
from dlviz.forward_mode import Dual, forward_mode_gradient
from dlviz.params import ChoiceParam, FloatParam, GridParam, IntParam
from dlviz.texts.autodiff import TEXT
from dlviz.views import autodiff as views

LECTURE_F = "x^2 y + y"
EXAMPLES = {
    "lecture": LECTURE_F,
    "shared": "sin(x y) + x y",
    "quotient": "x / (x + y)",
    "sigmoid": "1 / (1 + exp(-x y))",
}
TRAINING_LOOP = """for x_batch, y_batch in loader:
    optimizer.zero_grad()   # .grad = 0
    loss = loss_fn(model(x_batch), y_batch)
    loss.backward()         # .grad += ∇loss
    optimizer.step()"""

page = ui.Page(TEXT, "page.autodiff")
t = page.t
font = 20 if page.present else 14  # the graphs' type (px); the softmax graph's is 2 px larger


def restart(formula=None):  # a new formula: its step-through starts again at step 0
    if formula is not None:
        st.session_state.f = formula
    st.session_state.step = 0
    st.query_params["step"] = "0"


st.markdown(t("intro"))
st.latex(
    r"\bar v_p = \frac{\partial f}{\partial v_p} = \sum_{c\,:\,p \to c} \bar v_c\,"
    r"\frac{\partial v_c}{\partial v_p}, \qquad \bar f = 1"
)

# -- the formula and the point: every section uses them -----------------------------------------
expr = page.formula("f", LECTURE_F, "f", on_change=restart)
# The examples in a row of their own, each button as wide as its label (in four narrow columns
# beside the formula they were cut: "lección: x…"); they wrap onto a second row if need be.
examples = st.container(horizontal=True, vertical_alignment="center")
examples.markdown(t("examples"), width="content")
for name, formula in EXAMPLES.items():
    examples.button(
        t(f"example.{name}"), key=f"ex_{name}", help=formula, on_click=restart, args=(formula,)
    )
c1, c2 = st.columns(2)
coordinate = FloatParam(1.0, -steps.POINT_RANGE, steps.POINT_RANGE)
x0 = page.slider("x0", coordinate, "x0", step=0.05, where=c1)
y0 = page.slider("y0", coordinate, "y0", step=0.05, where=c2)
f, trace = expr.text, views.trace(expr.text, x0, y0)


def graph():  # the slide: the graph of f, forward then backward, one node per step
    step = page.stepper("step", trace.total_steps)
    state = steps.step_state(trace, step)
    # The drawing right under the buttons: it stays put on the screen while stepping.
    st.markdown(views.graph(f, x0, y0, step, font, page.lang), unsafe_allow_html=True)
    st.markdown(t(f"phase.{state.phase}", **steps.step_summary(trace, state)))
    rule = views.rule_of_step(f, x0, y0, step)
    if rule and state.phase == "backward":
        st.caption(t("graph.rule", rule=t(f"rule.{rule}")))
    st.caption(t("graph.caption"))
    if not views.defined(f, x0, y0):
        page.alert("warning", t("undefined", x=x0, y=y0))
    forward, backward = views.tables(f, x0, y0, step)
    left, right = st.columns([2, 3])
    with left:
        st.markdown(f"**{t('forward.table')}**")
        if forward.empty:  # step 0: a line that says why, not an empty grid
            st.caption(t("forward.none"))
        else:
            page.table(forward, key="forward", formats={"value": "%.6g"})
    with right:
        st.markdown(f"**{t('backward.table')}**")
        numbers = ("local", "incoming", "contribution", "accumulated")
        if backward.empty:
            st.caption(t("backward.none"))
        else:
            page.table(backward, key="backward", formats=dict.fromkeys(numbers, "%.6g"))


def rules():  # the lecture's derivative rules beside the engine's backward code
    st.markdown(t("rules.intro"))
    step = min(page.state("step", ui.step_spec()), trace.total_steps)
    st.markdown(views.rules_table(views.rule_of_step(f, x0, y0, step), page.lang))
    st.caption(t("rules.slip"))
    st.markdown(t("rules.code"))
    # One under the other, the page's whole width: side by side, half of each line was hidden.
    st.code(views.source(Tensor.__mul__) + "\n" + views.source(Tensor.__truediv__))
    st.code(views.source(Tensor.backward))


def modes():  # dual numbers: n forward passes against one reverse pass
    st.markdown(t("modes.intro"))
    latex, numbers = views.modes(f, x0, y0)
    st.latex(latex)
    st.markdown(t("modes.result", **numbers))
    m1, m2, m3 = st.columns([3, 2, 1], vertical_alignment="bottom")
    n = int(page.log_slider("n", GridParam(50.0, views.SIZES), "n", where=m1))
    seed = page.number("seed", IntParam(0, 0, 9999), "seed", where=m2)
    # Timing takes up to ~2 s: done when asked (and for the link's values on arrival), kept.
    measured, measured_seed = st.session_state.setdefault("_timed", (n, seed))
    stale = seed != measured_seed or n > measured
    m3.button(
        t("measure"),
        key="measure",
        help=t("measure.help"),
        width="stretch",
        type="primary" if stale else "secondary",
        on_click=lambda: st.session_state.update(_timed=(n, seed)),
    )
    if stale:
        asked = {"measured": measured, "measured_seed": measured_seed, "n": n, "seed": seed}
        page.alert("info", t("modes.stale", **asked))
    shown = measured if stale else n
    figure, timing = views.timing_figure(shown, measured, measured_seed, page.lang)
    st.markdown(t("modes.timing", **timing))
    page.plot(figure, key="timing")
    page.show_code(Dual.__mul__, forward_mode_gradient)


def check():  # finite differences against autodiff: truncation against round-off
    st.markdown(t("check.intro"))
    var = page.select("var", ChoiceParam("x", ("x", "y")), "var", radio=True, horizontal=True)
    result = views.gradient_check(f, x0, y0, var, page.lang)
    if result is None:
        page.alert("warning", t("check.undefined"))
        return
    numbers, no_truncation, figure = result
    st.markdown(t("check.best", **numbers))
    if no_truncation:
        page.alert("info", t("check.exact", var=var))
    page.plot(figure, key="gradcheck")


def softmax():  # the lecture's ∂L/∂w₁,₂: two paths through a₁ and a₂
    W, b = softmax_paths.W_DEFAULT.tolist(), softmax_paths.B_DEFAULT.tolist()
    st.markdown(t("softmax.intro", W=W, b=b))
    s1, s2, s3 = st.columns(3)
    x1 = page.slider("x1", FloatParam(1.0, -3.0, 3.0), "x1", step=0.1, where=s1)
    x2 = page.slider("x2", FloatParam(2.0, -3.0, 3.0), "x2", step=0.1, where=s2)
    y1 = page.slider("y1", FloatParam(1.0, 0.0, 1.0), "y1", step=0.05, where=s3)
    svg, latex, numbers = views.softmax_example(x1, x2, y1, font + 2, page.lang)
    st.markdown(svg, unsafe_allow_html=True)
    st.latex(latex)
    st.markdown(t("softmax.check", **numbers))
    if y1 in (0.0, 1.0):
        page.alert("info", t("softmax.onehot"))
    st.caption(t("slide.arrows"))


def twice():  # backward() twice: recompute or accumulate, and why frameworks zero gradients
    st.markdown(t("twice.intro"))
    calls = page.slider("calls", IntParam(3, 1, 6), "calls")
    table = views.twice(f, x0, y0, calls)
    if table.empty:
        page.alert("info", t("twice.constant"))
    else:
        formats = {c: "%.6g" for c in table.columns if c != "call"}
        page.table(table, key="twice", formats=formats)
    st.code(TRAINING_LOOP, language="python")


page.sections(
    {
        "graph": graph,
        "rules": rules,
        "modes": modes,
        "check": check,
        "softmax": softmax,
        "twice": twice,
    }
)
