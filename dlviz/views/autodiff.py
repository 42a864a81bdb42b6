"""Cached work of the Autodiff page: the graph of a formula at a point, its drawing at each
step, the rules table, forward vs reverse mode, the gradient check, the lecture's softmax
example and backward() twice."""

from __future__ import annotations

import functools
import inspect

import numpy as np
import pandas as pd
import streamlit as st

from dlviz import autodiff_steps as steps
from dlviz import derivative_rules, forward_mode, gradcheck, graph_svg, softmax_paths
from dlviz.expr import parse
from dlviz.figures import Figure
from dlviz.figures import autodiff as figures
from dlviz.i18n import texts
from dlviz.texts.autodiff import TEXT

SIZES = (10, 20, 50, 100, 200)  # numbers of inputs the two modes are timed at


@st.cache_resource(max_entries=16, show_spinner=False)  # read only: shared, not copied
def trace(text: str, x: float, y: float) -> steps.Trace:
    """Every step of the forward and backward pass of f at (x, y)."""
    return steps.trace(parse(text), x, y)


# Font sizes a graph may span before it shrinks on a projector (1080 px of page at 20 px type).
WIDE = 54


@st.cache_resource(max_entries=16, show_spinner=False)
def _layout(text: str, x: float, y: float, font: int) -> graph_svg.GraphLayout:
    """The graph's layout; a graph wider than WIDE font sizes gets its adjoints and edge labels
    on two lines, so that it shrinks less (sin(x y) + x y: 1180 → 867 px at 20 px type)."""
    at = trace(text, x, y)
    placed = graph_svg.graph_layout(at, font_size=font)
    if placed.layout.width > WIDE * font:
        placed = graph_svg.graph_layout(at, font_size=font, split=True)
    return placed


@st.cache_resource(max_entries=64, show_spinner=False)
def graph(text: str, x: float, y: float, step: int, font: int, lang: str) -> str:
    """The graph at step ``step`` as SVG (in HTML): the boxes stay put from step to step."""
    at = trace(text, x, y)
    state = steps.step_state(at, step)
    title = texts(TEXT, lang, "tab.")["graph"]
    return _scrolling(graph_svg.step_svg(at, state, _layout(text, x, y, font), title=title))


def _scrolling(svg: str) -> str:
    """The drawing in a box that scrolls sideways when the graph is too wide to shrink; for
    ``st.markdown(..., unsafe_allow_html=True)`` (``st.html`` removes SVG), safe because every
    text in it is escaped. One line: markdown leaves an HTML block alone up to a blank line."""
    return f'<div style="overflow-x:auto">{svg}</div>'


@st.cache_resource(max_entries=64, show_spinner=False)
def tables(text: str, x: float, y: float, step: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The forward pass (a row per node evaluated) and the backward pass (a row per edge
    used) after ``step`` steps."""
    at = trace(text, x, y)
    state = steps.step_state(at, step)
    return steps.forward_table(at, state), steps.backward_table(at, state)


def defined(text: str, x: float, y: float) -> bool:
    """Whether f and its gradient are finite at (x, y)."""
    at = trace(text, x, y)
    return bool(np.all(np.isfinite([n.value for n in at.nodes] + [at.adjoint_of("x")])))


def rule_of_step(text: str, x: float, y: float, step: int) -> str | None:
    """The derivative rule the backward pass uses at step ``step`` (None going forward)."""
    at = trace(text, x, y)
    state = steps.step_state(at, step)
    if state.phase not in ("backward", "done"):
        return None
    return derivative_rules.rule_of(at, at.nodes[state.current])


@st.cache_data(max_entries=16, show_spinner=False)
def rules_table(active: str | None, lang: str) -> str:
    """The lecture's rules as a markdown table, the ``active`` rule marked ▶."""
    names = texts(TEXT, lang, "")
    return derivative_rules.rules_markdown(names, active)


@functools.cache
def source(function) -> str:
    """A function's source, read once per process."""
    return inspect.getsource(function)


@st.cache_data(max_entries=16, show_spinner=False)
def modes(text: str, x: float, y: float) -> tuple[str, dict[str, str]]:
    """Forward mode's two dual-number passes as LaTeX, and both gradients with their gap."""
    dual = forward_mode.gradient(parse(text), x, y)
    at = trace(text, x, y)
    reverse = (at.adjoint_of("x"), at.adjoint_of("y"))
    gap = float(np.nanmax(np.abs(np.subtract(dual.gradient, reverse)), initial=0.0))
    numbers = {"fx": dual.gradient[0], "fy": dual.gradient[1], "rx": reverse[0], "ry": reverse[1]}
    # + 0.0: a zero shows as 0, never "-0" (∂(−x²)/∂y is −0.0 in IEEE arithmetic)
    shown = {k: f"{v + 0.0:.6g}" for k, v in numbers.items()} | {"gap": f"{gap:.1e}"}
    return forward_mode.dual_latex(dual, x, y), shown


@st.cache_data(max_entries=16, show_spinner=False)
def timings(n: int, seed: int) -> pd.DataFrame:
    """Both modes timed on the generated f: Rⁿ → R for every size up to n (best of 3): about
    a second and a half up to n = 200, so the page measures on a button press."""
    return forward_mode.compare_modes([s for s in SIZES if s <= n], seed, repeats=3)


@st.cache_resource(max_entries=16, show_spinner=False)
def timing_figure(n: int, measured: int, seed: int, lang: str) -> tuple[Figure, dict[str, str]]:
    """The timings measured up to ``measured`` inputs, shown up to ``n``, and the numbers of
    the largest n shown."""
    table = timings(measured, seed)
    table = table[table["n"] <= n].reset_index(drop=True)
    largest = int(table["n"].max())
    last = table[table["n"] == largest].set_index("mode")
    fwd, rev = last.loc["forward", "seconds"], last.loc["reverse", "seconds"]
    numbers = {
        "n": str(largest),
        "fwd": f"{fwd * 1000:.1f}",
        "rev": f"{rev * 1000:.1f}",
        "ratio": f"{fwd / rev:.1f}",
        "gap": f"{table['max_gap'].max():.1e}",
    }
    return figures.timing_figure(table, texts(TEXT, lang, "fig.")), numbers


@st.cache_resource(max_entries=16, show_spinner=False)
def gradient_check(
    text: str, x: float, y: float, var: str, lang: str
) -> tuple[dict[str, str], bool, Figure] | None:
    """Finite differences against autodiff for a range of steps h: the best h of each kind,
    whether the central difference is exact here (no truncation), and the log-log figure.
    None where the derivative is not defined."""
    check = gradcheck.error_table(parse(text), x, y, var)
    exact = check["exact"].iloc[0]
    if not np.isfinite(exact):
        return None
    (hc, ec), (hf, ef) = (gradcheck.best_step(check, f"error_{k}") for k in ("central", "forward"))
    numbers = {
        "var": var,
        "exact": f"{exact:.10g}",
        "hc": f"{hc:.1e}",
        "ec": f"{ec:.1e}",
        "hf": f"{hf:.1e}",
        "ef": f"{ef:.1e}",
    }
    no_truncation = bool(check["error_central"].iloc[-1] <= 1e-9 * max(1.0, abs(exact)))
    names = texts(TEXT, lang, "fig.")
    names["forward"] = names["forward_difference"]
    figure = figures.gradcheck_figure(check, trace(text, x, y).nodes[-1].value, names)
    return numbers, no_truncation, figure


@st.cache_resource(max_entries=16, show_spinner=False)
def softmax_example(
    x1: float, x2: float, y1: float, font: int, lang: str
) -> tuple[str, str, dict[str, str]]:
    """The lecture's softmax example at x = (x1, x2), y = (y1, 1 − y1): its graph as SVG (in
    HTML) with the two paths to w₁,₂ coloured, the two paths as LaTeX, and ∂L/∂w₁,₂ four ways."""
    ex = softmax_paths.example((x1, x2), (y1, 1.0 - y1))
    placed = graph_svg.graph_layout(
        ex.trace,
        font_size=font,
        rankdir="TB",
        edge_labels=False,
        inputs_first=False,
        split=True,  # "∂L/∂w₁,₂x₂" over "= -0.622459": 4 boxes a rank fit a projector
    )
    colors = softmax_paths.edge_colors(ex.trace)
    words = texts(TEXT, lang, "")
    svg = graph_svg.step_svg(
        ex.trace,
        steps.final_state(ex.trace),
        placed,
        edge_colors=colors,
        title=words["tab.softmax"],
    )
    total = sum(p.product for p in ex.paths)
    numbers = {
        "paths": total,
        "autodiff": ex.autodiff,
        "matrix": ex.matrix,
        "closed": ex.closed_form,
    }
    shown = {k: f"{v:.10g}" for k, v in numbers.items()}
    return _scrolling(svg), softmax_paths.paths_latex(ex, words["path"]), shown


@st.cache_resource(max_entries=16, show_spinner=False)
def twice(text: str, x: float, y: float, calls: int) -> pd.DataFrame:
    """``.grad`` of x and y after each of ``calls`` backward() calls, with and without
    accumulating."""
    return steps.backward_twice(parse(text), x, y, calls)
