"""The lecture's softmax example as a computational graph: two paths meet at ∂L/∂w₁,₂.

What it is
    The slide "Cálculo de las derivadas" writes, for two classes,
    ∂L/∂w₁,₂ = ∂L/∂a₁ ∂a₁/∂z₁ ∂z₁/∂w₁,₂ + ∂L/∂a₂ ∂a₂/∂z₁ ∂z₁/∂w₁,₂: w₁,₂ reaches the loss
    through z₁, and z₁ reaches it through BOTH softmax outputs (a₁ and a₂ share the denominator
    Σe^z). :func:`build` makes that graph from scalar :mod:`dlviz.autodiff` tensors,
    z = Wx + b, a = softmax(z), L = −Σ_k y_k log a_k, so every node can be drawn;
    :func:`paths` gives each path's three factors (the slide's formulas, with numbers) and
    :func:`path_edges` the edges of each path for colouring. :func:`matrix_gradient` is the
    same loss from whole tensors (``W @ x + b`` and ``logsumexp``), as an independent check.

Notation: W (K×m), w_{k,j} joins input j ("sale") to class k ("llega"); the lecture's
∂z₁/∂w₁,₂ = x₂.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from dlviz.activations import softmax
from dlviz.autodiff import Tensor
from dlviz.autodiff_steps import Trace, trace_tensor

SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
W_DEFAULT = np.array([[0.5, -0.25], [0.25, 0.5]])  # (K, m) = (2 classes, 2 inputs)
B_DEFAULT = np.array([0.25, -0.5])  # (K,), exact in binary: z prints as 0.25, not 2.8e-17
X_DEFAULT = (1.0, 2.0)


def _name(text: str) -> str:
    return text.translate(SUB)


def build(x: tuple[float, float], y: tuple[float, float], W=W_DEFAULT, b=B_DEFAULT) -> Tensor:
    """L = −Σ_k y_k log softmax(Wx + b)_k as a graph of scalar tensors (labels: w₁,₂, z₁, a₁, …).

    W and b require grad; x and y are constants.
    """
    K, m = W.shape
    xs = [Tensor(x[j], label=_name(f"x{j + 1}")) for j in range(m)]
    zs, exps = [], []
    for k in range(K):
        acc = None
        for j in range(m):
            w = Tensor(W[k, j], requires_grad=True, label=_name(f"w{k + 1},{j + 1}"))
            term = w * xs[j]
            term.label = _name(f"w{k + 1},{j + 1}x{j + 1}")
            if acc is not None:
                acc = acc + term
                acc.label = _name(f"w{k + 1}·x")
            else:
                acc = term
        z = acc + Tensor(b[k], requires_grad=True, label=_name(f"b{k + 1}"))
        z.label = _name(f"z{k + 1}")
        e = z.exp()
        e.label = _name(f"exp z{k + 1}")
        zs.append(z)
        exps.append(e)
    total = exps[0]
    for e in exps[1:]:
        total = total + e
    total.label = "Σ exp z"
    loss_terms = None
    for k in range(K):
        a = exps[k] / total
        a.label = _name(f"a{k + 1}")
        log_a = a.log()
        log_a.label = _name(f"log a{k + 1}")
        term = Tensor(y[k], label=_name(f"y{k + 1}")) * log_a
        term.label = _name(f"y{k + 1} log a{k + 1}")
        if loss_terms is not None:
            loss_terms = loss_terms + term
            loss_terms.label = "Σ y log a"
        else:
            loss_terms = term
    loss = -loss_terms
    loss.label = "L"
    return loss


def softmax_trace(x: tuple[float, float], y: tuple[float, float]) -> Trace:
    """The finished forward/backward record of :func:`build` (nodes named by their labels)."""
    return trace_tensor(build(x, y), symbol="L", number_ops=False)


@dataclass(frozen=True)
class Path:
    """One term of the slide's sum: the path through a_k, with its three factors."""

    k: int
    dL_da: float  # −y_k / a_k
    da_dz1: float  # a₁(1 − a₁) for k = 1, −a_k a₁ otherwise
    dz1_dw12: float  # x₂
    product: float


def paths(x: tuple[float, float], y: tuple[float, float], W=W_DEFAULT, b=B_DEFAULT) -> list[Path]:
    """The slide's formulas for ∂L/∂w₁,₂, one path per class (numpy, closed form).

    The scalar graph of :func:`build` forms e^z as the slide does, so it is meant for the page's
    |x| ≤ 3; these closed forms and :func:`matrix_gradient` stay finite for any x.
    """
    a = softmax(W @ np.asarray(x, dtype=float) + b)  # (K,)
    out = []
    with np.errstate(all="ignore"):  # a_k = 0 (|z| huge): -y_k/a_k = -inf, shown as it is
        for k in range(len(a)):
            dL_da = -y[k] / a[k]
            da_dz1 = a[0] * (1 - a[0]) if k == 0 else -a[k] * a[0]
            out.append(Path(k + 1, dL_da, da_dz1, x[1], dL_da * da_dz1 * x[1]))
    return out


def matrix_gradient(x, y, W=W_DEFAULT, b=B_DEFAULT) -> np.ndarray:
    """∂L/∂W from whole tensors: z = W x + b, L = logsumexp(z) − y·z (the lecture's form)."""
    W_t = Tensor(W, requires_grad=True, label="W")
    z = W_t @ np.asarray(x, dtype=float) + b  # (K, m) @ (m,) -> (K,)
    loss = z.logsumexp(axis=0) - (z * np.asarray(y, dtype=float)).sum()
    loss.backward()
    return W_t.grad


def softmax_values(trace: Trace) -> dict[str, float]:
    """Value of each labelled node, e.g. ``values["a₁"]``."""
    return {n.label: n.value for n in trace.nodes}


def path_edges(trace: Trace, start: str = "w₁,₂") -> dict[int, set[tuple[int, int]]]:
    """For each class k, the edges (parent, child) on the paths start → a_k → L."""
    children: dict[int, list[int]] = {n.id: [] for n in trace.nodes}
    for n in trace.nodes:
        for p in n.parents:
            children[p].append(n.id)
    by_label = {n.label: n.id for n in trace.nodes}

    def reach(source: int, step) -> set[int]:
        seen, stack = {source}, [source]
        while stack:
            for nxt in step(stack.pop()):
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append(nxt)
        return seen

    below = reach(by_label[start], lambda i: children[i])
    out = {}
    for k in range(1, 1 + sum(1 for n in trace.nodes if n.label.startswith("a"))):
        a_k = by_label[_name(f"a{k}")]
        keep = (below & reach(a_k, lambda i: trace.nodes[i].parents)) | reach(a_k, children.get)
        out[k] = {(p, n.id) for n in trace.nodes if n.id in keep for p in n.parents if p in keep}
    return out


PATH_COLORS = {1: "#1f77b4", 2: "#ff7f0e"}
SHARED_COLOR = "#9467bd"  # an edge both paths use (w₁,₂ → … → exp z₁ → Σ exp z, Σ → L)


def edge_colors(trace: Trace) -> dict[tuple[int, int], str]:
    """Colour of each edge on a path from w₁,₂ to L: one colour per path, purple if shared."""
    by_path = path_edges(trace)
    colors: dict[tuple[int, int], str] = {}
    for k, edges in by_path.items():
        for edge in edges:
            colors[edge] = SHARED_COLOR if edge in colors else PATH_COLORS.get(k, SHARED_COLOR)
    return colors


@dataclass(frozen=True)
class Example:
    """Everything the page shows for one (x, y): the graph record and ∂L/∂w₁,₂ four ways."""

    trace: Trace
    paths: list[Path]
    autodiff: float  # w₁,₂.grad from the scalar graph
    matrix: float  # ∂L/∂W[0, 1] from W @ x + b and logsumexp
    closed_form: float  # (a₁ − y₁) x₂, the lecture's ∂l/∂z = a − y times ∂z₁/∂w₁,₂
    values: dict[str, float]


def example(x: tuple[float, float], y: tuple[float, float]) -> Example:
    trace = softmax_trace(x, y)
    values = softmax_values(trace)
    w12 = next(n.adjoint for n in trace.nodes if n.label == "w₁,₂")
    a = softmax(W_DEFAULT @ np.asarray(x, dtype=float) + B_DEFAULT)
    closed = (a[0] - y[0]) * x[1]
    return Example(trace, paths(x, y), w12, float(matrix_gradient(x, y)[0, 1]), closed, values)


def paths_latex(ex: Example, path_word: str) -> str:
    """The slide's two-path formula, then its factors and products with numbers, coloured."""

    def n(v: float) -> str:
        return f"{v + 0.0:.6g}"  # + 0.0: −y₂/a₂ with y₂ = 0 is −0.0; it reads 0, never −0

    symbolic = [
        rf"\underbrace{{\color{{{PATH_COLORS[p.k]}}}{{\frac{{\partial L}}{{\partial a_{p.k}}}"
        rf"\frac{{\partial a_{p.k}}}{{\partial z_1}}\frac{{\partial z_1}}{{\partial w_{{1,2}}}}}}}}"
        rf"_{{\text{{{path_word} }} a_{p.k}}}"
        for p in ex.paths
    ]
    forms = [
        rf"\color{{{PATH_COLORS[p.k]}}}{{\left(-\frac{{y_{p.k}}}{{a_{p.k}}}\right)"
        + (r"a_1(1-a_1)" if p.k == 1 else rf"\left(-a_{p.k}a_1\right)")
        + r"\,x_2}"
        for p in ex.paths
    ]
    numbers = [
        rf"\color{{{PATH_COLORS[p.k]}}}{{({n(p.dL_da)})\,({n(p.da_dz1)})\,({n(p.dz1_dw12)})}}"
        for p in ex.paths
    ]
    products = " + ".join(f"({n(p.product)})" for p in ex.paths)
    total = sum(p.product for p in ex.paths)
    return (
        r"\begin{aligned}\frac{\partial L}{\partial w_{1,2}} &= " + " + ".join(symbolic)
        + r"\\ &= " + " + ".join(forms) + r"\\ &= " + " + ".join(numbers)
        + rf"\\ &= {products} = {n(total)}\end{{aligned}}"
    )  # fmt: skip
