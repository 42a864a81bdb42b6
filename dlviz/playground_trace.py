"""One training point through the Playground's network, by :mod:`dlviz.autodiff`, in the
lecture's notation: its forward pass (every z⁽ˡ⁾, a⁽ˡ⁾), its loss, its backward pass (every δ⁽ˡ⁾,
∂J/∂W⁽ˡ⁾, ∂J/∂b⁽ˡ⁾) checked against central finite differences; the formulas of the network as
built (LaTeX for ``st.latex``); the same point's numbers written on those formulas; and the
network's output written as a formula of x and y that the Autodiff page draws as a graph.

What it is
    The inspection of ONE point. Every weight and bias is a :class:`~dlviz.autodiff.Tensor`
    with ``requires_grad``, and so are the raw inputs x₁, x₂: the features (x₁², sin x₁, …)
    are computed in the graph too, so one pass also gives ∂ŷ/∂x. Its objective is exactly
    :func:`dlviz.playground.objective` on a data set of this one point:

    - the data part, :attr:`Trace.loss`, ℒ = log(1 + e^z) − y z (binary cross-entropy of
      σ(z), computed from the logit z = z⁽ᴸ⁾ as ``z/2 + |z|/2 + log(1 + e^(−|z|))`` − y z:
      finite for every z and with the exact slope σ(z) − y also at z = 0), or ½(ŷ − y)²;
    - the regularisation part, :attr:`Trace.penalty`, λ Σ|w| (L1) or (λ/2) Σ w² (L2) over the
      weights, not the biases (0 with "none");
    - J = ℒ + λR(W), :attr:`Trace.objective`; ``grad_W``/``grad_b`` are ∂J/∂W, ∂J/∂b, and
      ``grad_W_loss``/``grad_W_penalty`` the two parts of ∂J/∂W. δ⁽ˡ⁾ = ∂ℒ/∂z⁽ˡ⁾ (= ∂J/∂z⁽ˡ⁾:
      the penalty does not depend on z).

What it is not
    Not the trainer: :mod:`dlviz.playground` trains with numpy (a test checks the two agree to
    1e-10). Not a page: pure (numpy, pandas), no Streamlit. Words a page shows are in
    :data:`TEXT` (``key: (es, en)``), never inside the LaTeX.

Numbers shown (LaTeX, table names) have 6 significant digits and never read "-0".
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dlviz import autodiff, expr
from dlviz import playground as pg
from dlviz.activations import sigmoid as np_sigmoid
from dlviz.autodiff import Tensor
from dlviz.autodiff_steps import POINT_RANGE
from dlviz.graph_svg import number
from dlviz.softmax_paths import SUB

Weights = list[tuple[np.ndarray, np.ndarray]]

# ------------------------------------------------------------------------------------ helpers


def _weights(weights: Weights) -> tuple[tuple[np.ndarray, np.ndarray], ...]:
    return tuple((np.array(W, dtype=np.float64), np.array(b, dtype=np.float64)) for W, b in weights)


def _point(x_raw) -> np.ndarray:
    x = np.asarray(x_raw, dtype=np.float64).reshape(-1)
    if x.shape != (2,):
        raise ValueError(f"a point has two coordinates (x₁, x₂), got shape {np.shape(x_raw)}")
    return x


# --------------------------------------------------- numpy twin (the finite differences' f)
def _np_data_loss(net, z_out: float, y: float) -> float:
    return pg.data_loss(net.classification, np.array([z_out]), np.array([y]))


def _np_rest(net, weights, layer: int, value: np.ndarray, kind: str, y: float) -> float:
    """The data loss ℒ when the point's ``kind`` ("z" or "a") of hidden layer ``layer`` (or
    z of the output, layer L) is ``value``, the rest of the network computed from there (numpy,
    for finite differences)."""
    L = len(weights)
    z = value
    with np.errstate(all="ignore"):
        a = pg.activate(net.activation, value) if kind == "z" and layer < L else value
        for k, (W, b) in enumerate(weights[layer:], start=layer + 1):
            z = W @ a + b
            if k < L:
                a = pg.activate(net.activation, z)
        return _np_data_loss(net, float(z[0]), y)


def _central(f, value: np.ndarray) -> np.ndarray:
    """Central differences (f(v + h e_i) − f(v − h e_i)) / 2h of the scalar ``f`` at every entry
    of ``value``, with h = 1e-5 · max(1, |v_i|) (truncation ~h² ≈ 1e-10, round-off
    ~ε·|f|/h ≈ 1e-11 · |f|)."""
    grad = np.zeros_like(value)
    for index in np.ndindex(value.shape):
        h = 1e-5 * max(1.0, abs(float(value[index])))
        up, down = value.copy(), value.copy()
        up[index] += h
        down[index] -= h
        grad[index] = (f(up) - f(down)) / (up[index] - down[index])
    return grad


# ----------------------------------------------------------------------------------- the trace
@dataclass(frozen=True, eq=False)
class Trace:
    """One point's forward and backward pass. Per-layer tuples hold layers l = 1..L (index
    l − 1); vectors have n_l entries, matrices are (n_l, n_{l−1}) as W⁽ˡ⁾.

    loss is ℒ (the data part for this point), penalty λR(W), objective J = loss + penalty;
    grad_W = grad_W_loss + grad_W_penalty = ∂J/∂W⁽ˡ⁾; grad_b = ∂J/∂b⁽ˡ⁾ = δ⁽ˡ⁾; delta = ∂ℒ/∂z⁽ˡ⁾;
    grad_a = ∂ℒ/∂a⁽ˡ⁾; dyhat_dx = (∂ŷ/∂x₁, ∂ŷ/∂x₂). fd_* are the same by central finite
    differences (numpy), for the check.
    """

    net: object
    weights: tuple[tuple[np.ndarray, np.ndarray], ...]
    x_raw: np.ndarray
    y: float
    a0: np.ndarray
    z: tuple[np.ndarray, ...]
    a: tuple[np.ndarray, ...]
    loss: float
    penalty: float
    objective: float
    delta: tuple[np.ndarray, ...]
    grad_a: tuple[np.ndarray, ...]
    grad_W: tuple[np.ndarray, ...]
    grad_b: tuple[np.ndarray, ...]
    grad_W_loss: tuple[np.ndarray, ...]
    grad_W_penalty: tuple[np.ndarray, ...]
    dyhat_dx: np.ndarray
    fd_W: tuple[np.ndarray, ...]
    fd_b: tuple[np.ndarray, ...]
    fd_z: tuple[np.ndarray, ...]
    fd_a: tuple[np.ndarray, ...]

    @property
    def L(self) -> int:
        """The number of layers with weights (hidden layers + the output)."""
        return len(self.weights)

    @property
    def y_hat(self) -> float:
        """ŷ = a⁽ᴸ⁾: σ(z⁽ᴸ⁾) (classification) or z⁽ᴸ⁾ (regression)."""
        return float(self.a[-1][0])

    @property
    def error(self) -> float:
        """The largest relative difference between autodiff and finite differences, over every
        weight, bias, z and a (see :func:`relative_difference`)."""
        pairs = [
            *zip(self.grad_W, self.fd_W, strict=True),
            *zip(self.grad_b, self.fd_b, strict=True),
            *zip(self.delta, self.fd_z, strict=True),
            *zip(self.grad_a, self.fd_a, strict=True),
        ]
        return max(float(np.max(relative_difference(g, f), initial=0.0)) for g, f in pairs)


# A gradient is compared with its finite difference relative to its size, but not below
# FLOOR: round-off in a central difference is ~ε·|J|/h ≈ 1e-11·|J|, so a gradient of 1e-8
# cannot be checked relatively (a tanh neuron far in its tail has one).
FLOOR = 1e-5


def relative_difference(exact: np.ndarray, approx: np.ndarray) -> np.ndarray:
    """|exact − approx| / max(|exact|, |approx|, FLOOR), entrywise."""
    exact, approx = np.asarray(exact, dtype=float), np.asarray(approx, dtype=float)
    scale = np.maximum(np.maximum(np.abs(exact), np.abs(approx)), FLOOR)
    return np.abs(exact - approx) / scale


def _activation(name: str, z: Tensor) -> Tensor:
    return z if name == "linear" else getattr(autodiff, name)(z)


def _graph(net, weights, x: np.ndarray, y: float) -> dict:
    """The point's autodiff graph: every tensor the trace reads, by name."""
    x1 = Tensor(x[0], requires_grad=True, label="x₁")
    x2 = Tensor(x[1], requires_grad=True, label="x₂")
    n0 = len(net.features)
    # a⁽⁰⁾ as one vector: Σ_k f_k e_k (autodiff has no stacking; a 0-d f_k times the constant
    # unit vector e_k broadcasts, and its gradient sums back to f_k).
    a = sum(
        (
            pg.feature(name, x1, x2, sin=autodiff.sin) * np.eye(n0)[k]
            for k, name in enumerate(net.features)
        ),
        start=Tensor(np.zeros(n0)),
    )
    a0 = a
    params, zs, acts = [], [], []
    L = len(weights)
    for k, (W, b) in enumerate(weights, start=1):
        W_t = Tensor(W, requires_grad=True, label=f"W[{k}]")
        b_t = Tensor(b, requires_grad=True, label=f"b[{k}]")
        z = W_t @ a + b_t
        if k < L:
            a = _activation(net.activation, z)
        else:
            a = autodiff.sigmoid(z) if net.classification else z
        params.append((W_t, b_t))
        zs.append(z)
        acts.append(a)
    z_out = zs[-1]
    if net.classification:
        # log(1 + e^z) = z/2 + |z|/2 + log(1 + e^(−|z|)): no e^|z| is formed, and its slope
        # ½ + sign(z)/2 − sign(z)·σ(−|z|) is σ(z) also at z = 0 (½ + 0 − 0).
        softplus = (
            z_out * 0.5
            + autodiff.abs(z_out) * 0.5
            + autodiff.log(1.0 + autodiff.exp(-autodiff.abs(z_out)))
        )
        loss = (softplus - y * z_out).sum()
    else:
        loss = ((z_out - y) ** 2 * 0.5).sum()
    reg = net.reg
    if reg == 0.0:
        penalty = None
    elif net.regularization == "l1":
        penalty = sum((autodiff.abs(W_t).sum() for W_t, _ in params), start=Tensor(0.0)) * reg
    else:
        penalty = sum(((W_t * W_t).sum() for W_t, _ in params), start=Tensor(0.0)) * (0.5 * reg)
    objective = loss if penalty is None else loss + penalty
    return {"x": (x1, x2), "a0": a0, "params": params, "z": zs, "a": acts, "loss": loss,
            "penalty": penalty, "objective": objective}  # fmt: skip


def trace(net, weights: Weights, x_raw, y: float) -> Trace:
    """Forward and backward pass of the point ``x_raw`` = (x₁, x₂) with target ``y`` through
    ``net`` with ``weights`` (per layer (W (n_l, n_{l−1}), b (n_l,))), by :mod:`dlviz.autodiff`,
    with central finite differences of every weight, bias, z and a for the check."""
    pg.check_weights(net, weights)
    weights = _weights(weights)
    x, y = _point(x_raw), float(y)
    g = _graph(net, weights, x, y)
    params = g["params"]

    def copies(tensors):
        return tuple(np.array(t.grad, dtype=np.float64) for t in tensors)

    g["loss"].backward()  # the data part alone
    grad_W_loss = copies(W for W, _ in params)
    if g["penalty"] is not None:
        g["penalty"].backward()
        grad_W_penalty = copies(W for W, _ in params)
    else:
        grad_W_penalty = tuple(np.zeros_like(W) for W, _ in weights)
    g["objective"].backward()  # J: ∂J/∂W, ∂J/∂b, and δ = ∂J/∂z = ∂ℒ/∂z
    grad_W, grad_b = copies(W for W, _ in params), copies(b for _, b in params)
    delta, grad_a = copies(g["z"]), copies(g["a"])
    if net.classification:  # ℒ is computed from the logit: ∂ℒ/∂ŷ by a graph of ℒ(ŷ)
        grad_a = (*grad_a[:-1], _loss_slope_in_yhat(float(g["a"][-1].data[0]), y))
    g["a"][-1].sum().backward()  # ŷ's slope along the raw inputs
    # A coordinate no feature uses (only x₁², say) is not in the graph: its slope is 0.
    dyhat_dx = np.array([0.0 if t.grad is None else float(t.grad) for t in g["x"]])

    z = tuple(np.array(t.data) for t in g["z"])
    a = tuple(np.array(t.data) for t in g["a"])
    fd_W, fd_b, fd_z, fd_a = _finite_differences(net, weights, x, y, z, a)
    return Trace(
        net=net, weights=weights, x_raw=x, y=y, a0=np.array(g["a0"].data), z=z, a=a,
        loss=float(g["loss"].data), penalty=0.0 if g["penalty"] is None else float(g["penalty"].data),
        objective=float(g["objective"].data), delta=delta, grad_a=grad_a, grad_W=grad_W,
        grad_b=grad_b, grad_W_loss=grad_W_loss, grad_W_penalty=grad_W_penalty, dyhat_dx=dyhat_dx,
        fd_W=fd_W, fd_b=fd_b, fd_z=fd_z, fd_a=fd_a,
    )  # fmt: skip


def _loss_slope_in_yhat(y_hat: float, y: float) -> np.ndarray:
    """∂ℒ/∂ŷ of ℒ(ŷ) = −[y ln ŷ + (1 − y) ln(1 − ŷ)] by autodiff: (ŷ − y) / (ŷ(1 − ŷ))."""
    p = Tensor(y_hat, requires_grad=True, label="ŷ")
    (-(y * autodiff.log(p) + (1.0 - y) * autodiff.log(1.0 - p))).backward()
    return np.array([float(p.grad)])


def _finite_differences(net, weights, x, y, z, a):
    """Central differences of J along every W and b entry, and of ℒ along every z and a."""
    fd_W, fd_b, fd_z, fd_a = [], [], [], []
    X, Y = x[None, :], np.array([y])

    def objective_with(k: int, part: int):  # J as a function of W⁽ᵏ⁺¹⁾ (part 0) or b⁽ᵏ⁺¹⁾ (1)
        def f(value):
            changed = [list(pair) for pair in weights]
            changed[k][part] = value
            return pg.objective(net, changed, X, Y)

        return f

    for k, (W, b) in enumerate(weights):
        fd_W.append(_central(objective_with(k, 0), W))
        fd_b.append(_central(objective_with(k, 1), b))
        layer = k + 1
        fd_z.append(_central(lambda v, layer=layer: _np_rest(net, weights, layer, v, "z", y), z[k]))
        if layer == len(weights):  # ℒ as a function of ŷ = a⁽ᴸ⁾
            fd_a.append(_central(lambda v: _output_loss(net, v, y), a[k]))
        else:
            fd_a.append(
                _central(lambda v, layer=layer: _np_rest(net, weights, layer, v, "a", y), a[k])
            )
    return tuple(fd_W), tuple(fd_b), tuple(fd_z), tuple(fd_a)


def _output_loss(net, a_out: np.ndarray, y: float) -> float:
    """ℒ as a function of ŷ: −[y ln ŷ + (1 − y) ln(1 − ŷ)] or ½(ŷ − y)²."""
    p = float(a_out[0])
    if net.classification:
        with np.errstate(all="ignore"):
            return float(-(y * np.log(p) + (1.0 - y) * np.log1p(-p)))
    return 0.5 * (p - y) ** 2


def check(net, weights: Weights, x_raw, y: float) -> float:
    """The largest relative difference between autodiff's gradients and central finite
    differences for this point (every ∂J/∂W, ∂J/∂b, ∂ℒ/∂z, ∂ℒ/∂a), relative to
    max(|autodiff|, |finite difference|, FLOOR)."""
    return trace(net, weights, x_raw, y).error


# ---------------------------------------------------------------------- the formulas as built
# The inputs a⁽⁰⁾ as the lecture writes them (x₁, x₂ are the point's coordinates).
FEATURE_LATEX = {"x1": "x_1", "x2": "x_2", "x1sq": "x_1^2", "x2sq": "x_2^2", "x1x2": "x_1 x_2",
                 "sin1": r"\sin x_1", "sin2": r"\sin x_2"}  # fmt: skip
# g(z) of each hidden activation, and g'(z) written with a = g(z) where that is the usual form.
ACTIVATION_LATEX = {
    "relu": r"g(z) = \mathrm{ReLU}(z) = \max(0, z),\quad g'(z) = \begin{cases} 1 & z > 0 \\ "
    r"0 & z \le 0 \end{cases}",
    "tanh": r"g(z) = \tanh(z) = \frac{e^{z} - e^{-z}}{e^{z} + e^{-z}},\quad g'(z) = 1 - a^2",
    "sigmoid": r"g(z) = \sigma(z) = \frac{1}{1 + e^{-z}},\quad g'(z) = a\,(1 - a)",
    "linear": r"g(z) = z,\quad g'(z) = 1",
}
_G = {"relu": r"\mathrm{ReLU}", "tanh": r"\tanh", "sigmoid": r"\sigma", "linear": ""}


def _g(name: str, arg: str) -> str:
    """g(arg) in LaTeX; the linear activation is arg itself."""
    return arg if name == "linear" else rf"{_G[name]}({arg})"


def _sup(li: int | str) -> str:
    return rf"^{{[{li}]}}"


def _rate(value: float) -> str:
    """η or λ as the page's controls say them: 0.03, 0.00001, 10 (never 1e-05)."""
    text = np.format_float_positional(float(value), trim="-")
    return text


def _activation_of(net, layer: int) -> tuple[str, str]:
    """Layer ``layer``'s activation as (left side, right side): a⁽ˡ⁾ = g(z⁽ˡ⁾) for a hidden
    layer, ŷ = a⁽ᴸ⁾ = σ(z⁽ᴸ⁾) or z⁽ᴸ⁾ for the output."""
    z = f"z{_sup(layer)}"
    if layer < len(net.sizes) - 1:
        return f"a{_sup(layer)}", _g(net.activation, z)
    return rf"\hat y = a{_sup(layer)}", (rf"\sigma({z})" if net.classification else z)


def formulas(net) -> dict[str, str]:
    """The lecture's formulas for the network as built, in LaTeX, in the order a page shows
    them: "inputs" (a⁽⁰⁾ and its features), "layer.1" … "layer.L" (z⁽ˡ⁾ = W⁽ˡ⁾a⁽ˡ⁻¹⁾ + b⁽ˡ⁾,
    a⁽ˡ⁾ = g(z⁽ˡ⁾) with the shapes of W⁽ˡ⁾ and b⁽ˡ⁾), "activation" (g and g' of the hidden
    layers; absent without hidden layers), "output" (ŷ = σ(z⁽ᴸ⁾) or z⁽ᴸ⁾), "loss" (J, with the
    regulariser when it is on), "backprop" (δ and the gradients) and "update" (the step with η
    and N_b)."""
    sizes, L = net.sizes, len(net.sizes) - 1
    names = ",\\ ".join(FEATURE_LATEX[f] for f in net.features)
    out = {"inputs": rf"a{_sup(0)} = \left({names}\right)^{{\top}} \in \mathbb{{R}}^{{{sizes[0]}}}"}
    for li in range(1, L + 1):
        act = "{} = {}".format(*_activation_of(net, li))
        out[f"layer.{li}"] = (
            rf"z{_sup(li)} = W{_sup(li)} a{_sup(li - 1)} + b{_sup(li)},\quad {act},\quad "
            rf"W{_sup(li)} \in \mathbb{{R}}^{{{sizes[li]}\times {sizes[li - 1]}}},\ "
            rf"b{_sup(li)} \in \mathbb{{R}}^{{{sizes[li]}}}"
        )
    if L > 1:
        out["activation"] = ACTIVATION_LATEX[net.activation]
    if net.classification:
        out["output"] = rf"\hat y = \sigma(z{_sup('L')}) = \frac{{1}}{{1 + e^{{-z{_sup('L')}}}}}"
        point = r"\mathcal{L}_i = -\left[y_i \ln \hat y_i + (1 - y_i) \ln(1 - \hat y_i)\right]"
    else:
        out["output"] = rf"\hat y = z{_sup('L')}"
        point = r"\mathcal{L}_i = \tfrac{1}{2}\left(\hat y_i - y_i\right)^2"
    reg, regularizer = net.reg, ""
    if reg and net.regularization == "l1":
        regularizer = rf" + \lambda \sum_{{l}} \sum_{{j,k}} \left|w{_sup('l')}_{{jk}}\right|"
    elif reg:
        regularizer = (
            rf" + \frac{{\lambda}}{{2}} \sum_{{l}} \sum_{{j,k}} \left(w{_sup('l')}_{{jk}}\right)^2"
        )
    rate = rf",\quad \lambda = {_rate(reg)}" if regularizer else ""
    out["loss"] = (
        rf"\begin{{aligned}} J &= \frac{{1}}{{N}} \sum_{{i=1}}^{{N}} \mathcal{{L}}_i{regularizer}"
        rf"{rate} \\ {point.replace('=', '&=', 1)} \end{{aligned}}"
    )
    out["backprop"] = (
        rf"\begin{{aligned}} \delta{_sup('L')} &= \hat y - y, & \delta{_sup('l')} &= "
        rf"\left(W^{{[l+1]\top}} \delta{_sup('l+1')}\right) \odot g'(z{_sup('l')}) \\ "
        rf"\frac{{\partial \mathcal{{L}}}}{{\partial W{_sup('l')}}} &= \delta{_sup('l')} "
        rf"a^{{[l-1]\top}}, & \frac{{\partial \mathcal{{L}}}}{{\partial b{_sup('l')}}} &= "
        rf"\delta{_sup('l')} \end{{aligned}}"
    )
    out["update"] = (
        rf"\begin{{aligned}} W{_sup('l')} &\leftarrow W{_sup('l')} - \eta\,\frac{{\partial J}}"
        rf"{{\partial W{_sup('l')}}}, & \eta &= {_rate(net.learning_rate)} \\ "
        rf"b{_sup('l')} &\leftarrow b{_sup('l')} - \eta\,\frac{{\partial J}}{{\partial b{_sup('l')}}},"
        rf" & N &= N_b = {int(net.batch_size)} \end{{aligned}}"
    )
    return out


# ------------------------------------------------------------- the point's numbers, in LaTeX
COLUMNS = 3  # a matrix wider than this is shown in blocks of COLUMNS columns (4 columns of
# 6-digit numbers overflow a 1280 px page in presentation mode: 883 px in a 780 px box)


def number_latex(value: float) -> str:
    """:func:`number` in LaTeX: 1.5e-07 → 1.5 \\cdot 10^{-7}; ∞ and NaN as symbols."""
    value = float(value)
    if math.isnan(value):
        return r"\mathrm{NaN}"
    if math.isinf(value):
        return r"\infty" if value > 0 else r"-\infty"
    text = number(value)  # 6 significant digits, never "-0"
    if "e" not in text:
        return text
    mantissa, exponent = text.split("e")
    return rf"{mantissa} \cdot 10^{{{int(exponent)}}}"


def vector_latex(v: np.ndarray) -> str:
    """A column vector as a bmatrix; one entry is the number itself."""
    v = np.asarray(v, dtype=float).reshape(-1)
    if v.size == 1:
        return number_latex(v[0])
    return r"\begin{bmatrix} " + r" \\ ".join(map(number_latex, v)) + r" \end{bmatrix}"


def matrix_blocks(M: np.ndarray, columns: int = COLUMNS) -> list[tuple[int, int, str]]:
    """A matrix as bmatrix blocks of at most ``columns`` columns: (first, last, LaTeX), 1-based
    column numbers."""
    M = np.atleast_2d(np.asarray(M, dtype=float))
    blocks = []
    for start in range(0, M.shape[1], columns):
        part = M[:, start : start + columns]
        rows = [" & ".join(map(number_latex, row)) for row in part]
        latex = r"\begin{bmatrix} " + r" \\ ".join(rows) + r" \end{bmatrix}"
        blocks.append((start + 1, start + part.shape[1], latex))
    return blocks


def forward_latex(t: Trace) -> list[str]:
    """The forward pass with this point's numbers, one LaTeX formula per layer (inputs first,
    the loss last): a⁽⁰⁾ from x₁, x₂; z⁽ˡ⁾ = W⁽ˡ⁾a⁽ˡ⁻¹⁾ + b⁽ˡ⁾ = […] over a⁽ˡ⁾ = g(z⁽ˡ⁾) = […];
    ℒ, and J = ℒ + λR(W) when the regulariser is on."""
    net, L = t.net, t.L
    names = r" \\ ".join(FEATURE_LATEX[f] for f in net.features)
    names = rf"\begin{{bmatrix}} {names} \end{{bmatrix}}" if len(net.features) > 1 else names
    point = rf"{number_latex(t.x_raw[0])},\ {number_latex(t.x_raw[1])}"
    lines = [
        rf"\begin{{aligned}} (x_1,\ x_2) &= \left({point}\right) \\ a{_sup(0)} &= {names} = "
        rf"{vector_latex(t.a0)} \end{{aligned}}"
    ]
    for li in range(1, L + 1):
        z, a = t.z[li - 1], t.a[li - 1]
        act = "{} &= {}".format(*_activation_of(net, li)) + f" = {vector_latex(a)}"
        lines.append(
            rf"\begin{{aligned}} z{_sup(li)} &= W{_sup(li)} a{_sup(li - 1)} + b{_sup(li)} = "
            rf"{vector_latex(z)} \\ {act} \end{{aligned}}"
        )
    y, y_hat = number_latex(t.y), number_latex(t.y_hat)
    if net.classification:
        rest = number_latex(np_sigmoid(-t.z[-1][0]))  # 1 − ŷ = σ(−z), exact also near ŷ = 1
        rows = [
            r"\mathcal{L} &= -\left[y \ln \hat y + (1 - y) \ln(1 - \hat y)\right]",
            rf"&= -\left[{y} \cdot \ln {y_hat} + {number_latex(1.0 - t.y)} \cdot \ln {rest}\right]"
            rf" = {number_latex(t.loss)}",
        ]
    else:
        rows = [
            rf"\mathcal{{L}} &= \tfrac{{1}}{{2}}(\hat y - y)^2 = "
            rf"\tfrac{{1}}{{2}}({y_hat} - {_paren(t.y)})^2 = {number_latex(t.loss)}"
        ]
    if net.reg:
        rows.append(
            rf"J &= \mathcal{{L}} + \lambda R(W) = {number_latex(t.loss)} + "
            rf"{number_latex(t.penalty)} = {number_latex(t.objective)}"
        )
    lines.append(r"\begin{aligned} " + r" \\ ".join(rows) + r" \end{aligned}")
    return lines


def _paren(value: float) -> str:
    """A number to subtract: (−0.4) in parentheses when negative."""
    text = number_latex(value)
    return f"({text})" if text.startswith("-") else text


def backward_latex(t: Trace) -> list[str]:
    """The backward pass with this point's numbers, one LaTeX formula per layer from the
    output down: δ⁽ᴸ⁾ = ŷ − y; δ⁽ˡ⁾ = (W⁽ˡ⁺¹⁾ᵀδ⁽ˡ⁺¹⁾) ⊙ g'(z⁽ˡ⁾); ∂J/∂W⁽ˡ⁾ = δ⁽ˡ⁾a⁽ˡ⁻¹⁾ᵀ (+ the
    regulariser's part) as a matrix in blocks of at most COLUMNS columns; ∂J/∂b⁽ˡ⁾ = δ⁽ˡ⁾.
    Every number is autodiff's."""
    net, L = t.net, t.L
    reg = net.reg
    lines = []
    for li in range(L, 0, -1):
        delta = t.delta[li - 1]
        if li == L:
            rows = [
                rf"\delta{_sup(li)} &= \hat y - y = {number_latex(t.y_hat)} - {_paren(t.y)} = "
                rf"{number_latex(delta[0])}"
            ]
        else:
            slope = pg.derivative(net.activation, t.z[li - 1], t.a[li - 1])
            rows = [
                rf"\delta{_sup(li)} &= \left(W^{{[{li + 1}]\top}} \delta{_sup(li + 1)}\right) \odot "
                rf"g'(z{_sup(li)})",
            ]
            factors = rf"&= {vector_latex(t.grad_a[li - 1])} \odot {vector_latex(slope)}"
            if r"\cdot 10" in factors + vector_latex(delta):  # wide numbers: δ on a row of its own
                rows += [factors, rf"&= {vector_latex(delta)}"]
            else:
                rows.append(rf"{factors} = {vector_latex(delta)}")
        a_prev = rf"a^{{[{li - 1}]\top}}"
        if reg and net.regularization == "l1":
            part = rf" + \lambda\,\mathrm{{sign}}(W{_sup(li)})"
        elif reg:
            part = rf" + \lambda W{_sup(li)}"
        else:
            part = ""
        blocks = matrix_blocks(t.grad_W[li - 1])
        dW = rf"\frac{{\partial J}}{{\partial W{_sup(li)}}}"
        if len(blocks) == 1:
            rows.append(rf"{dW} &= \delta{_sup(li)} {a_prev}{part} = {blocks[0][2]}")
        else:
            rows.append(rf"{dW} &= \delta{_sup(li)} {a_prev}{part}")
            for first, last, latex in blocks:
                cols = f"{first}" if first == last else f"{first}..{last}"
                rows.append(
                    rf"\frac{{\partial J}}{{\partial W{_sup(li)}_{{\cdot,\,{cols}}}}} &= {latex}"
                )
        rows.append(rf"\frac{{\partial J}}{{\partial b{_sup(li)}}} &= \delta{_sup(li)}")
        lines.append(r"\begin{aligned} " + r" \\ ".join(rows) + r" \end{aligned}")
    return lines


def _name(symbol: str, layer: int, *index: int) -> str:
    """W[2]₃,₁: the symbol, its layer in brackets, its 1-based indices as subscripts."""
    return f"{symbol}[{layer}]" + ",".join(str(i) for i in index).translate(SUB)


def trace_table(t: Trace) -> pd.DataFrame:
    """One row per weight, bias and neuron, layer by layer: ``layer``, ``name`` (W[2]₃,₁,
    b[2]₃, z[2]₃, a[2]₃), ``value``, ``autodiff`` and ``finite_diff``: ∂J/∂W, ∂J/∂b for the
    parameters; δ = ∂ℒ/∂z for z and ∂ℒ/∂a for a (= ∂J/∂·: the penalty does not depend on
    them)."""
    rows = []
    for li in range(1, t.L + 1):
        W, b = t.weights[li - 1]
        for j, k in np.ndindex(W.shape):
            rows.append((li, _name("W", li, j + 1, k + 1), W[j, k], t.grad_W[li - 1][j, k],
                         t.fd_W[li - 1][j, k]))  # fmt: skip
        for j in range(len(b)):
            rows.append((li, _name("b", li, j + 1), b[j], t.grad_b[li - 1][j], t.fd_b[li - 1][j]))
        for symbol, values, grads, fds in (
            ("z", t.z, t.delta, t.fd_z),
            ("a", t.a, t.grad_a, t.fd_a),
        ):
            for j in range(len(values[li - 1])):
                rows.append((li, _name(symbol, li, j + 1), values[li - 1][j], grads[li - 1][j],
                             fds[li - 1][j]))  # fmt: skip
    table = pd.DataFrame(rows, columns=["layer", "name", "value", "autodiff", "finite_diff"])
    for column in ("value", "autodiff", "finite_diff"):
        table[column] = table[column].astype(float) + 0.0  # never "-0"
    return table


# ------------------------------------------------------------------ the Autodiff page's graph
# The Autodiff page (pages/6_Autodiff.py) takes f(x, y) as ?f= (parsed by dlviz.expr: at most
# expr.MAX_LENGTH characters, MAX_TOKENS tokens, MAX_DEPTH levels; functions sin cos tan exp log
# sqrt abs tanh sigmoid, no relu) and the point as ?x0= &y0= (its sliders span
# ±autodiff_steps.POINT_RANGE), the open section as ?tab=.
AUTODIFF_RANGE = POINT_RANGE
MAX_NODES = 40  # a larger graph is no longer readable on the page (nodes of its autodiff graph)
# The inputs of the formula: x = x₁, y = x₂; (text, atomic): a non-atomic text is put in
# parentheses when a weight multiplies it (x·y stays one node of the graph).
FEATURE_FORMULA = {"x1": ("x", True), "x2": ("y", True), "x1sq": ("x^2", True),
                   "x2sq": ("y^2", True), "x1x2": ("x*y", False), "sin1": ("sin(x)", True),
                   "sin2": ("sin(y)", True)}  # fmt: skip


def _exact(value: float) -> str:
    """A number as the shortest text that reads back as the same float64 (repr). (Rounding
    the weights would not make the page's graph narrower: its width comes from the chain of
    nodes, e.g. 2-2-1 tanh at 14 px: 3384 px exact, 2923 px with 3 digits.)"""
    return repr(float(value))


def _affine(W_row: np.ndarray, b: float, inputs: list[tuple[str, bool]]) -> tuple[str, bool]:
    """w₁·in₁ + w₂·in₂ + … + b (zeros left out); (text, atomic)."""
    terms = []
    for w, (text, atomic) in zip(W_row, inputs, strict=True):
        if w != 0.0:
            terms.append((w < 0, f"{_exact(abs(w))}*{text if atomic else f'({text})'}"))
    if b != 0.0:
        terms.append((b < 0, _exact(abs(b))))
    if not terms:
        return "0", True
    text = ("-" if terms[0][0] else "") + terms[0][1]
    for negative, term in terms[1:]:
        text += (" - " if negative else " + ") + term
    return text, len(terms) == 1 and not terms[0][0]


def _formula_activation(name: str, text: str) -> tuple[str, bool]:
    if name in ("tanh", "sigmoid"):
        return f"{name}({text})", True
    if name == "relu":  # dlviz.expr has no relu: max(0, s) = (s + |s|)/2, exact in float64
        return f"({text} + abs({text}))/2", False
    return text, True if text == "0" else False


def formula_text(net, weights: Weights, limit: int | None = None) -> str | None:
    """ŷ as a formula of x = x₁ and y = x₂ in dlviz.expr's language, every weight written
    exactly; None as soon as a neuron's text passes ``limit`` characters (each layer repeats
    the texts of the layer before, so a deep network's text grows as the product of its
    widths: 8⁶ copies for 6 layers of 8)."""
    pg.check_weights(net, weights)
    inputs = [FEATURE_FORMULA[name] for name in net.features]
    L = len(weights)
    for k, (W, b) in enumerate(_weights(weights), start=1):
        neurons = []
        for j in range(len(b)):
            text, atomic = _affine(W[j], float(b[j]), inputs)
            if k < L:
                text, atomic = _formula_activation(net.activation, text)
            elif net.classification:
                text = f"sigmoid({text})"
            if limit is not None and len(text) > limit:
                return None
            neurons.append((text, atomic))
        inputs = neurons
    return inputs[0][0]


def graph_nodes(text: str) -> int:
    """The number of nodes of the Autodiff page's graph of ``text`` (its dlviz.expr graph)."""
    f = expr.parse(text)
    out = f.to_tensor(Tensor(0.0, requires_grad=True), Tensor(0.0, requires_grad=True))
    return len(out.topological_order())


def on_autodiff_page(x_raw) -> bool:
    """Whether the Autodiff page's sliders reach the point: |x₁|, |x₂| ≤ ``AUTODIFF_RANGE``."""
    return bool(np.all(np.abs(_point(x_raw)) <= AUTODIFF_RANGE))


def autodiff_formula(net, weights: Weights, x_raw) -> str | None:
    """The network's output ŷ as a formula of x = x₁ and y = x₂ for the Autodiff page, or None
    when the page cannot show it readably: a formula longer than ``expr.MAX_LENGTH`` (300)
    characters (or past its token and depth bounds), a graph of more than ``MAX_NODES`` nodes,
    or a point outside the page's range (|x₁|, |x₂| ≤ ``AUTODIFF_RANGE``).

    Every weight is written exactly (Python's shortest round-trip text), so the page computes
    the same ŷ (to rounding) and the same ∂ŷ/∂x as the trace. ReLU is written (s + abs(s))/2
    while dlviz.expr has no relu. In practice one hidden layer of 2–3 tanh or sigmoid neurons
    on x₁, x₂ fits (the lecture's 2-2-1 network); with ReLU, 1–2 neurons.
    """
    if not on_autodiff_page(x_raw):
        return None
    text = formula_text(net, weights, limit=expr.MAX_LENGTH)
    if text is None:
        return None
    try:
        nodes = graph_nodes(text)
    except expr.ExprError:  # too many tokens or too deep
        return None
    return text if nodes <= MAX_NODES else None


def autodiff_query(net, weights: Weights, x_raw) -> dict[str, str]:
    """The query parameters that open the Autodiff page on the graph of ŷ at this point
    (``f``, ``x0``, ``y0`` written exactly, ``tab=graph``), or {} when
    :func:`autodiff_formula` is None. The page's language (``lang``) is the caller's."""
    text = autodiff_formula(net, weights, x_raw)
    if text is None:
        return {}
    x = _point(x_raw)
    return {"f": text, "x0": _exact(x[0]), "y0": _exact(x[1]), "tab": "graph"}
