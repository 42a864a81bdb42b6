"""What the Softmax page shows, built from ``dlviz.softmax``: the lecture's formulas and the
worked examples as LaTeX (the slide's aligned sums, the paths to ∂L/∂w₁,₂, the matrix form with
shapes), the path picture as Graphviz DOT, and the editable 4×3 example as a table.

What it is not: math (every number comes from ``dlviz.softmax``). Pure: no Streamlit.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from types import MappingProxyType

import numpy as np
import pandas as pd

from dlviz.softmax import (
    LECTURE_A,
    LECTURE_Y,
    autodiff_gradients,
    batch_example,
    batch_loss,
    check_distribution,
    check_one_hot,
    cross_entropy,
    finite_difference,
    gradients,
    one_hot,
)
from dlviz.softmax_paths import SUB

# The lecture's formulas, as shown on the page.
SOFTMAX_LATEX = (
    r"a_k = \mathrm{softmax}(\mathbf z)_k = \frac{e^{z_k}}{\sum_{j=1}^{K} e^{z_j}},\qquad "
    r"\sum_{k=1}^{K} a_k = 1"
)
LOSS_LATEX = r"\mathcal{L} = \frac{1}{n}\sum_{i=1}^{n}\sum_{j=1}^{h} -y_j^{[i]} \log(a_j^{[i]})"
DERIVATIVES_LATEX = (
    r"\frac{\partial a_k}{\partial z_j} = a_k(\delta_{kj} - a_j),\quad \frac{\partial \mathbf a}"
    r"{\partial \mathbf z} = \operatorname{diag}(\mathbf a) - \mathbf a \mathbf a^\top,\quad "
    r"\frac{\partial l}{\partial \mathbf z} = \mathbf a - \mathbf y"
)


def matrix_latex(M: np.ndarray, digits: int = 4) -> str:
    """A matrix as a LaTeX bmatrix (rounded to ``digits`` significant digits; a zero reads 0,
    never −0)."""
    rows = [" & ".join(f"{v + 0.0:.{digits}g}" for v in row) for row in np.atleast_2d(M)]
    return r"\begin{bmatrix}" + r" \\ ".join(rows) + r"\end{bmatrix}"


def loss_latex(Y: np.ndarray, A: np.ndarray, losses: np.ndarray, rows: int = 4) -> str:
    r"""The loss of each of the first ``rows`` samples written out as the lecture's
    l = −Σ_j y_j log a_j, one aligned line each (the slide's four sums, which write "(−0)·log",
    without a −0): L⁽¹⁾ = −[1·log 0.3792 + 0·log 0.3104 + 0·log 0.3104] = 0.969692."""
    lines = []
    for i, (y, a, loss) in enumerate(zip(Y[:rows], A[:rows], losses[:rows], strict=True)):
        terms = " + ".join(
            rf"{y_j + 0.0:g}\cdot\log {a_j:.4f}" for y_j, a_j in zip(y, a, strict=True)
        )
        value = f"{loss:#.6g}" if np.isfinite(loss) else r"\infty"
        lines.append(rf"\mathcal{{L}}^{{[{i + 1}]}} &= -\left[{terms}\right] &&= {value}")
    return r"\begin{alignedat}{2}" + r" \\ ".join(lines) + r"\end{alignedat}"


# Streamlit draws a Graphviz chart's text at 12 px of the drawing, whatever the DOT's fontsize;
# the drawing is scaled up to SIZE (inches, "!"), so its text reads ~20 px where it fits.
GRAPH_FONT, GRAPH_SIZE = 12, "10.5,4!"


def _sub(n: int) -> str:  # a number in subscript digits: w₁,₂
    return str(n).translate(SUB)


def chain_graph(paths: pd.DataFrame, k: int, j: int, numbers: bool = True) -> str:
    """Graphviz DOT of the paths from w_{k,j} to L, each edge labelled with its local derivative
    (k, j 1-based, as on the slide): with its value, or (``numbers=False``) as a symbol only, so
    that the picture stays the same while the values change (the page shows them in a table)."""

    def label(symbol: str, value: float) -> str:
        return f"{symbol} = {value + 0.0:.4g}" if numbers else symbol

    x_j = paths["dz_dw"].iloc[0]
    w, z, x = f"w{_sub(k)},{_sub(j)}", f"z{_sub(k)}", f"x{_sub(j)}"
    font = f'fontname="Helvetica", fontsize={GRAPH_FONT}'
    lines = [
        "digraph G {",
        f'rankdir=LR; size="{GRAPH_SIZE}"; nodesep=0.3; ranksep=0.5;',
        f"node [shape=circle, {font}]; edge [{font}];",
        f'w [label="{w}", shape=box]; z [label="{z}"]; L [label="L", shape=doublecircle];',
        f'w -> z [label="{label(f"∂{z}/∂{w} = {x}", x_j)}", color="#2ca02c"];',
    ]
    columns = (paths[name].to_numpy() for name in ("da_dz", "dL_da"))
    for c, (da_dz, dl_da) in enumerate(zip(*columns, strict=True)):
        node, name = f"a{c + 1}", f"a{_sub(c + 1)}"
        style = "" if dl_da != 0 else ", style=dashed"  # y_c = 0: this path adds 0
        lines.append(f'{node} [label="{name}"];')
        lines.append(
            f'z -> {node} [label="{label(f"∂{name}/∂{z}", da_dz)}", color="#1f77b4"{style}];'
        )
        lines.append(
            f'{node} -> L [label="{label(f"∂L/∂{name}", dl_da)}", color="#ff7f0e"{style}];'
        )
    lines.append("}")
    return "\n".join(lines)


def jacobian_entries_latex(J: np.ndarray) -> str:
    r"""The slide's two entries of ∂a/∂z with their values, in the red of their outlines on the
    heatmap: ∂a₁/∂z₁ = a₁(1 − a₁) and ∂a₂/∂z₁ = −a₂a₁ (K ≥ 2)."""
    d = r"\partial"
    return (
        r"\color{#d62728}\begin{aligned}"
        rf"\frac{{{d} a_1}}{{{d} z_1}} &= a_1(1 - a_1) = {J[0, 0] + 0.0:.4f} \\ "
        rf"\frac{{{d} a_2}}{{{d} z_1}} &= -a_2 a_1 = {J[1, 0] + 0.0:.4f}\end{{aligned}}"
    )


def explorer_latex(z: np.ndarray, T: float, a: np.ndarray) -> str:
    """z, T ⇒ a = softmax(z / T) and Σ a; z and a as column vectors, so that ten classes are
    as wide as two (on a projector a row of ten probabilities did not fit)."""
    return (
        rf"\mathbf z = {matrix_latex(z[:, None])},\; T = {T:g} \;\Rightarrow\; \mathbf a = "
        rf"\mathrm{{softmax}}(\mathbf z / T) = {matrix_latex(a[:, None])},\;\; "
        rf"\textstyle\sum_k a_k = {a.sum():.6f}"
    )


def one_hot_latex(labels: np.ndarray) -> str:
    """Labels ⇒ one-hot rows (at least 3 columns, like the slide's Y); the labels as a column,
    each beside its row (thirty labels make a tall formula, never a wide one)."""
    Y = one_hot(labels, max(int(labels.max()) + 1, 3))
    return (
        rf"\mathbf y = {matrix_latex(labels[:, None])} \Rightarrow "  # ten columns fit 1280 px
        rf"\mathbf Y_\text{{onehot}} = {matrix_latex(Y)}"
    )


def mean_loss_latex(Y: np.ndarray, A: np.ndarray) -> str:
    """L = (1/n) Σ L⁽ⁱ⁾ with its value (6 decimals; the slide shows ≈ 0.9335)."""
    n = len(Y)
    return (
        rf"\mathcal{{L}} = \frac{{1}}{{{n}}}\sum_{{i=1}}^{{{n}}} \mathcal{{L}}^{{[i]}} = "
        rf"{cross_entropy(Y, A):.6f}"
    )


def paths_latex(paths: pd.DataFrame, a: np.ndarray, y: np.ndarray, k: int, x_j: float) -> str:
    """∂L/∂w_{k,2} as the sum over the paths, and as (a_k − y_k) x₂ (k 1-based)."""
    d = r"\partial"
    return (
        rf"\frac{{{d} L}}{{{d} w_{{{k},2}}}} = \sum_c \frac{{{d} L}}{{{d} a_c}}\,\frac{{{d} a_c}}"
        rf"{{{d} z_{k}}}\,\frac{{{d} z_{k}}}{{{d} w_{{{k},2}}}} = {paths['product'].sum():.6g} = "
        rf"(a_{k} - y_{k})\,x_2 = ({a[k - 1]:.4g} - {y[k - 1]:g}) \cdot {x_j:g}"
    )


@functools.lru_cache(maxsize=256)
def matrix_form(m: int, seed: int, N: int = 4, K: int = 3) -> Mapping[str, object]:
    """The matrix-form section for a seeded batch: LaTeX of the data (``data``: X, W, b, A − Y)
    and of the gradients (``grads``), one formula per matrix with its shape, so that the page
    lays them side by side where they fit and one under the other where not; and the largest
    gaps of dW, db to autodiff and of dW to finite differences (``ad``, ``fd``). Cached (a few
    milliseconds of autodiff and finite differences per call), hence read-only."""
    B = batch_example(N, m, K, seed)
    dW, db = gradients(B["X"], B["A"], B["Y"])
    adW, adb = autodiff_gradients(B["X"], B["W"], B["b"], B["Y"])
    fdW = finite_difference(lambda W: batch_loss(B["X"], W, B["b"], B["Y"]), B["W"])
    X_, W_, A_, Y_, L_ = r"\mathbf X", r"\mathbf W", r"\mathbf A", r"\mathbf Y", r"\mathcal L"
    dL_dW = rf"\frac{{\partial {L_}}}{{\partial {W_}}}"
    data = (
        rf"\underbrace{{{X_}}}_{{{N}\times {m}}} = {matrix_latex(B['X'], 3)}",
        rf"\underbrace{{{W_}}}_{{{K}\times {m}}} = {matrix_latex(B['W'], 3)}",
        rf"\underbrace{{\mathbf b}}_{{{K}}} = {matrix_latex(B['b'][None, :], 3)}",
        rf"\underbrace{{{A_} - {Y_}}}_{{{N}\times {K}}} = {matrix_latex(B['A'] - B['Y'])}",
    )
    grads = (  # ∂L/∂W over two lines: with m = 6 its one line was wider than a projector's page
        rf"\begin{{aligned}}\underbrace{{{dL_dW}}}_{{{K}\times {m}}} &= "
        rf"\frac{{1}}{{N}}({A_}-{Y_})^\top {X_} \\ &= {matrix_latex(dW)}\end{{aligned}}",
        rf"\underbrace{{\frac{{\partial {L_}}}{{\partial \mathbf b}}}}_{{{K}}} = "
        rf"{matrix_latex(db[None, :])}",
        rf"\underbrace{{{X_}^\top({A_}-{Y_})}}_{{{m}\times {K}}} = "
        rf"N\left({dL_dW}\right)^{{\!\top}}",
    )
    gap_ad = max(np.abs(adW - dW).max(), np.abs(adb - db).max())
    fd = f"{np.abs(fdW - dW).max():.1e}"
    return MappingProxyType({"data": data, "grads": grads, "ad": f"{gap_ad:.1e}", "fd": fd})


def example_from_table(table: pd.DataFrame, K: int = 3) -> tuple[np.ndarray, np.ndarray]:
    """(Y, A) from the editable table with columns y1…yK, a1…aK; SoftmaxInputError if bad."""
    columns = [f"a{j + 1}" for j in range(K)] + [f"y{j + 1}" for j in range(K)]
    index = table.columns.get_indexer(columns)
    if (index < 0).any():
        raise KeyError([c for c, i in zip(columns, index, strict=True) if i < 0])
    values = table.to_numpy(dtype=object)[:, index]  # one conversion for both halves
    A = check_distribution(values[:, :K])
    return check_one_hot(values[:, K:], A.shape), A


def example_table(Y: np.ndarray = LECTURE_Y, A: np.ndarray = LECTURE_A) -> pd.DataFrame:
    """The editable table of the example: columns y1…yK then a1…aK."""
    K = Y.shape[1]
    columns = [f"y{j + 1}" for j in range(K)] + [f"a{j + 1}" for j in range(K)]
    return pd.DataFrame(np.hstack([Y, A]), columns=columns)
