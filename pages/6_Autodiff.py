"""Autodiff page: the computational graph of a formula, its forward and backward passes step by
step, the derivative rules in the engine, forward vs reverse mode, a gradient check, the
lecture's softmax two-path example and backward() twice (lecture 03, "Autodiferenciación")."""

import numpy as np
import streamlit as st

from dlviz import autodiff_steps as steps
from dlviz import derivative_rules, forward_mode, gradcheck, graph_dot, softmax_paths, ui
from dlviz.autodiff import Tensor
from dlviz.figures import autodiff as figures
from dlviz.params import ChoiceParam, FloatParam, GridParam, IntParam
from dlviz.texts.autodiff import TEXT

LECTURE_F = "x^2 y + y"
EXAMPLES = {"lecture": LECTURE_F, "shared": "sin(x y) + x y", "quotient": "x / (x + y)",
            "sigmoid": "1 / (1 + exp(-x y))"}  # fmt: skip
SIZES = (10.0, 20.0, 50.0, 100.0, 200.0)
STEP = IntParam(0, 0, 999)

page = ui.Page(TEXT, "page.autodiff")
t = page.t
font = 20 if page.present else 14


@ui.cache_data(max_entries=16)
def timings(n, seed):
    return forward_mode.compare_modes([int(s) for s in SIZES if s <= n], seed, repeats=3)


def go_to(step):  # button callback: runs before the script, so page.state sees the new step
    st.session_state.step = step


def use_formula(formula=None):
    if formula is not None:
        st.session_state.f = formula
    go_to(0)


st.markdown(t("intro"))
st.latex(r"\bar v_p = \frac{\partial f}{\partial v_p} = \sum_{c\,:\,p \to c} \bar v_c\,"
         r"\frac{\partial v_c}{\partial v_p}, \qquad \bar f = 1")  # fmt: skip

# -- the formula and the point ------------------------------------------------------------------
cols = st.columns([5] + [2] * len(EXAMPLES), vertical_alignment="bottom")
for col, (name, formula) in zip(cols[1:], EXAMPLES.items(), strict=True):
    col.button(t(f"example.{name}"), key=f"ex_{name}", help=formula, width="stretch",
               on_click=use_formula, args=(formula,))  # fmt: skip
expr = page.formula("f", LECTURE_F, "f", where=cols[0], on_change=use_formula)
c1, c2 = st.columns(2)
x0 = page.slider("x0", FloatParam(1.0, -5.0, 5.0), "x0", step=0.05, where=c1)
y0 = page.slider("y0", FloatParam(1.0, -5.0, 5.0), "y0", step=0.05, where=c2)

# -- the graph, step by step ----------------------------------------------------------------------
trace = steps.trace(expr, x0, y0)
total = trace.total_steps
step = page.state("step", STEP)
if step > total:
    page.alert("warning", t("step.clamped", step=step, total=total))
    step = total
    page.set_state("step", STEP, step)
state = steps.step_state(trace, step)
st.subheader(t("graph.header"))
buttons = st.columns(4)
for col, (key, target, off) in zip(buttons, [("reset", 0, step == 0),
        ("back", step - 1, step == 0), ("next", step + 1, step == total),
        ("all", total, step == total)], strict=True):  # fmt: skip
    col.button(t(f"btn.{key}"), key=f"btn_{key}", on_click=go_to, args=(target,), disabled=off,
               width="stretch", help=t("btn.help"))  # fmt: skip
st.markdown(t(f"phase.{state.phase}", **steps.step_summary(trace, state)))
st.graphviz_chart(graph_dot.step_dot(trace, state, font_size=font))
st.caption(t("graph.caption"))
if not all(np.isfinite([n.value for n in trace.nodes] + [trace.adjoint_of("x")])):
    page.alert("warning", t("undefined", x=x0, y=y0))
left, right = st.columns([2, 3])
with left:
    st.markdown(f"**{t('forward.table')}**")
    page.table(steps.forward_table(trace, state), key="forward", formats={"value": "%.6g"})
with right:
    st.markdown(f"**{t('backward.table')}**")
    page.table(steps.backward_table(trace, state), key="backward",
               formats={c: "%.6g" for c in ("local", "incoming", "contribution", "accumulated")})  # fmt: skip

# -- the lecture's derivative rules, linked to the engine ----------------------------------------
st.subheader(t("rules.header"))
st.markdown(t("rules.intro"))
active = trace.nodes[state.current] if state.phase in ("backward", "done") else None
rule_names = {k: t(k) for k in ("rule", "function", "derivative", "ops", "engine")}
rule_names |= {f"rule.{r[0]}": t(f"rule.{r[0]}") for r in derivative_rules.RULES}
st.markdown(derivative_rules.rules_markdown(
    rule_names, active and derivative_rules.rule_of(trace, active)))  # fmt: skip
st.caption(t("rules.slip"))
page.show_code(Tensor.__mul__, Tensor.__truediv__, Tensor.backward)

# -- forward mode vs reverse mode -----------------------------------------------------------------
st.subheader(t("modes.header"))
st.markdown(t("modes.intro"))
dual = forward_mode.gradient(expr, x0, y0)
st.latex(forward_mode.dual_latex(dual, x0, y0))
reverse = (trace.adjoint_of("x"), trace.adjoint_of("y"))
gap = float(np.nanmax(np.abs(np.subtract(dual.gradient, reverse)), initial=0.0))
st.markdown(t("modes.result", fx=f"{dual.gradient[0]:.6g}", fy=f"{dual.gradient[1]:.6g}",
              rx=f"{reverse[0]:.6g}", ry=f"{reverse[1]:.6g}", gap=f"{gap:.1e}"))  # fmt: skip
m1, m2 = st.columns(2)
n_max = page.log_slider("n", GridParam(50.0, SIZES), "n", where=m1)
seed = page.number("seed", IntParam(0, 0, 9999), "seed", where=m2)
timing = timings(n_max, seed)
last = timing[timing["n"] == int(n_max)].set_index("mode")
fwd_s, rev_s = last.loc["forward", "seconds"], last.loc["reverse", "seconds"]
st.markdown(t("modes.timing", n=int(n_max), fwd=f"{fwd_s * 1000:.1f}", rev=f"{rev_s * 1000:.1f}",
              ratio=f"{fwd_s / rev_s:.1f}", gap=f"{timing['max_gap'].max():.1e}"))  # fmt: skip
page.plot(figures.timing_figure(timing, {k: t(f"fig.{k}") for k in ("forward", "reverse", "n",
                                                                    "ms")}), key="timing")  # fmt: skip
page.show_code(forward_mode.Dual.__mul__, forward_mode.forward_mode_gradient)

# -- gradient check -------------------------------------------------------------------------------
st.subheader(t("check.header"))
st.markdown(t("check.intro"))
var = page.select("var", ChoiceParam("x", ("x", "y")), "var", radio=True, horizontal=True)
check = gradcheck.error_table(expr, x0, y0, var)
exact = check["exact"].iloc[0]
if np.isfinite(exact):
    (hc, ec), (hf, ef) = (gradcheck.best_step(check, f"error_{k}") for k in ("central", "forward"))
    st.markdown(t("check.best", var=var, exact=f"{exact:.10g}", hc=f"{hc:.1e}", ec=f"{ec:.1e}",
                  hf=f"{hf:.1e}", ef=f"{ef:.1e}"))  # fmt: skip
    if check["error_central"].iloc[-1] <= 1e-9 * max(1.0, abs(exact)):
        page.alert("info", t("check.exact", var=var))
    names = {k: t(f"fig.{k}") for k in ("central", "roundoff", "best", "h", "error")}
    names["forward"] = t("fig.forward_difference")
    page.plot(figures.gradcheck_figure(check, trace.nodes[-1].value, names), key="gradcheck")
else:
    page.alert("warning", t("check.undefined"))

# -- the lecture's softmax example ----------------------------------------------------------------
st.subheader(t("softmax.header"))
st.markdown(
    t("softmax.intro", W=softmax_paths.W_DEFAULT.tolist(), b=softmax_paths.B_DEFAULT.tolist())
)
s1, s2, s3 = st.columns(3)
x1 = page.slider("x1", FloatParam(1.0, -3.0, 3.0), "x1", step=0.1, where=s1)
x2 = page.slider("x2", FloatParam(2.0, -3.0, 3.0), "x2", step=0.1, where=s2)
y1 = page.slider("y1", FloatParam(1.0, 0.0, 1.0), "y1", step=0.05, where=s3)
ex = softmax_paths.example((x1, x2), (y1, 1.0 - y1))
colors = softmax_paths.edge_colors(ex.trace)
st.graphviz_chart(graph_dot.step_dot(ex.trace, steps.final_state(ex.trace), font_size=font,
                                     edge_colors=colors, rankdir="TB"))  # fmt: skip
st.latex(softmax_paths.paths_latex(ex, t("path")))
total_paths = sum(p.product for p in ex.paths)
st.markdown(t("softmax.check", paths=f"{total_paths:.10g}", autodiff=f"{ex.autodiff:.10g}",
              matrix=f"{ex.matrix:.10g}", closed=f"{ex.closed_form:.10g}"))  # fmt: skip
if y1 in (0.0, 1.0):
    page.alert("info", t("softmax.onehot"))
st.caption(t("slide.arrows"))

# -- backward() twice -----------------------------------------------------------------------------
st.subheader(t("twice.header"))
st.markdown(t("twice.intro"))
calls = page.slider("calls", IntParam(3, 1, 6), "calls")
twice = steps.backward_twice(expr, x0, y0, calls)
if twice.empty:
    page.alert("info", t("twice.constant"))
else:
    page.table(twice, key="twice", formats={c: "%.6g" for c in twice.columns if c != "call"})
st.code("for x_batch, y_batch in loader:\n    optimizer.zero_grad()   # .grad = 0\n"
        "    loss = loss_fn(model(x_batch), y_batch)\n    loss.backward()         # .grad += ∇loss\n"
        "    optimizer.step()", language="python")  # fmt: skip
