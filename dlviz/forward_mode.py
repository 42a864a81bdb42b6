"""Forward-mode automatic differentiation with dual numbers, and its cost against reverse mode.

What it is
    A :class:`Dual` number ``a + a' ε`` (ε² = 0) carries a value and one tangent (a directional
    derivative) through every operation, so one evaluation gives f and ∂f/∂x_i for the ONE input
    whose tangent was seeded with 1. The gradient of f: Rⁿ → R needs n such passes; reverse mode
    (:mod:`dlviz.autodiff`) needs one forward and one backward pass, whatever n is.
    :func:`gradient` runs the passes on a formula; :func:`compare_modes` times both modes on a
    generated function of many inputs.

What it is not
    Not vectorised and not fast: plain Python floats, one tangent per pass, to count passes.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dlviz.autodiff import Tensor
from dlviz.expr import Bin, Call, Expression, Neg, Node, Var, constant_value, variables_of


def _times(dot: float, factor: float) -> float:
    """dot · factor, where a zero tangent stays exactly zero (no 0·inf = nan from an unused input)."""
    return 0.0 if dot == 0.0 else dot * factor


def _np(fn: Callable, value: float) -> float:
    with np.errstate(all="ignore"):
        return float(fn(np.float64(value)))


class Dual:
    """A dual number ``value + dot·ε`` with ε² = 0: f(a + a'ε) = f(a) + f'(a) a' ε."""

    __slots__ = ("value", "dot")

    def __init__(self, value: float, dot: float = 0.0) -> None:
        self.value, self.dot = float(value), float(dot)

    def __repr__(self) -> str:
        return f"Dual({self.value!r}, {self.dot!r})"

    def __add__(self, other: Dual | float) -> Dual:
        b = _dual(other)
        return Dual(self.value + b.value, self.dot + b.dot)  # sum rule

    __radd__ = __add__

    def __sub__(self, other: Dual | float) -> Dual:
        b = _dual(other)
        return Dual(self.value - b.value, self.dot - b.dot)  # difference rule

    def __rsub__(self, other: float) -> Dual:
        return _dual(other) - self

    def __mul__(self, other: Dual | float) -> Dual:
        b = _dual(other)  # product rule: (ab)' = a'b + ab'
        return Dual(self.value * b.value, _times(self.dot, b.value) + _times(b.dot, self.value))

    __rmul__ = __mul__

    def __truediv__(self, other: Dual | float) -> Dual:
        b = _dual(other)  # quotient rule: (a/b)' = a'/b - a b'/b²
        with np.errstate(all="ignore"):
            a_, b_ = np.float64(self.value), np.float64(b.value)
            dot = _times(self.dot, float(1.0 / b_)) - _times(b.dot, float(a_ / b_**2))
            return Dual(float(a_ / b_), dot)

    def __rtruediv__(self, other: float) -> Dual:
        return _dual(other) / self

    def __pow__(self, other: Dual | float) -> Dual:
        b = _dual(other)  # (a^b)' = b a^(b-1) a' + a^b ln(a) b'
        with np.errstate(all="ignore"):
            a_, b_ = np.float64(self.value), np.float64(b.value)
            y = float(a_**b_)
            dot = _times(self.dot, float(b_ * a_ ** (b_ - 1)))
            dot += _times(b.dot, float(a_**b_ * np.log(a_)))
        return Dual(y, dot)

    def __rpow__(self, other: float) -> Dual:
        return _dual(other) ** self

    def __neg__(self) -> Dual:
        return Dual(-self.value, -self.dot)

    # chain rule: f(g)' = f'(g) g'
    def exp(self) -> Dual:
        y = _np(np.exp, self.value)
        return Dual(y, _times(self.dot, y))

    def log(self) -> Dual:
        return Dual(_np(np.log, self.value), _times(self.dot, _np(lambda v: 1.0 / v, self.value)))

    def sin(self) -> Dual:
        return Dual(_np(np.sin, self.value), _times(self.dot, _np(np.cos, self.value)))

    def cos(self) -> Dual:
        return Dual(_np(np.cos, self.value), _times(self.dot, -_np(np.sin, self.value)))

    def tan(self) -> Dual:
        y = _np(np.tan, self.value)
        return Dual(y, _times(self.dot, 1.0 + y * y))

    def sqrt(self) -> Dual:
        y = _np(np.sqrt, self.value)
        return Dual(y, _times(self.dot, _np(lambda v: 0.5 / v, y)))

    def abs(self) -> Dual:
        return Dual(abs(self.value), _times(self.dot, _np(np.sign, self.value)))

    def tanh(self) -> Dual:
        y = _np(np.tanh, self.value)
        return Dual(y, _times(self.dot, 1.0 - y * y))

    def sigmoid(self) -> Dual:
        s = _np(lambda z: np.exp(-np.logaddexp(0.0, -z)), self.value)  # stable σ(z)
        return Dual(s, _times(self.dot, s * (1.0 - s)))


def _dual(value: Dual | float) -> Dual:
    return value if isinstance(value, Dual) else Dual(value)


def evaluate(node: Node, x: Dual, y: Dual, memo: dict | None = None) -> Dual:
    """f at dual inputs: one forward-mode pass over the syntax tree (shared sub-trees once)."""
    memo = {} if memo is None else memo
    if node in memo:
        return memo[node]
    if isinstance(node, Var):
        out = x if node.name == "x" else y
    elif not variables_of(node):
        out = Dual(constant_value(node))
    elif isinstance(node, Neg):
        out = -evaluate(node.arg, x, y, memo)
    elif isinstance(node, Bin):
        a, b = evaluate(node.left, x, y, memo), evaluate(node.right, x, y, memo)
        out = {"+": a.__add__, "-": a.__sub__, "*": a.__mul__, "/": a.__truediv__,
               "^": a.__pow__}[node.op](b)  # fmt: skip
    elif isinstance(node, Call):
        out = getattr(evaluate(node.arg, x, y, memo), node.fn)()
    memo[node] = out
    return out


@dataclass(frozen=True)
class ForwardGradient:
    """∇f by forward mode: ``passes`` holds (seed name, f, tangent) for each pass."""

    value: float
    gradient: tuple[float, float]
    passes: tuple[tuple[str, float, float], ...]


def gradient(expr: Expression, x: float, y: float) -> ForwardGradient:
    """(∂f/∂x, ∂f/∂y) with dual numbers: pass 1 seeds x' = 1, pass 2 seeds y' = 1."""
    passes = []
    for name, seeds in (("x", (1.0, 0.0)), ("y", (0.0, 1.0))):
        out = evaluate(expr.tree, Dual(x, seeds[0]), Dual(y, seeds[1]))
        passes.append((name, out.value, out.dot))
    return ForwardGradient(passes[0][1], (passes[0][2], passes[1][2]), tuple(passes))


# ------------------------------------------------------------------ many inputs: the cost
def many_input_function(n: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray, Callable]:
    """A generated f: Rⁿ → R and a point: f(v) = Σ_i c_i v_i v_{i+1} + sin(v_i) (cyclic).

    Returns ``(point, c, f)``; ``f`` takes a sequence of Dual or Tensor scalars (5n operations).
    The exact gradient is ∂f/∂v_i = c_i v_{i+1} + c_{i-1} v_{i-1} + cos(v_i).
    """
    rng = np.random.default_rng(seed)
    point, c = rng.normal(size=n), rng.normal(size=n)
    coefficients = [float(ci) for ci in c]

    def f(v: Sequence) -> Dual | Tensor:
        total = 0.0
        for i in range(n):
            total = total + coefficients[i] * v[i] * v[(i + 1) % n] + v[i].sin()
        return total

    return point, c, f


def forward_mode_gradient(f: Callable, point: np.ndarray) -> np.ndarray:
    """n forward passes, each seeding one input's tangent with 1."""
    grad = np.empty(len(point))
    for i in range(len(point)):
        duals = [Dual(v, 1.0 if j == i else 0.0) for j, v in enumerate(point)]
        grad[i] = f(duals).dot
    return grad


def reverse_mode_gradient(f: Callable, point: np.ndarray) -> np.ndarray:
    """One forward pass building the graph, one backward pass through it."""
    leaves = [Tensor(v, requires_grad=True) for v in point]
    f(leaves).backward()
    return np.array([float(t.grad) for t in leaves])


def compare_modes(sizes: Sequence[int], seed: int = 0, repeats: int = 3) -> pd.DataFrame:
    """Measured seconds (best of ``repeats``) for both modes on ``many_input_function(n)``.

    Columns: n, mode ("forward"/"reverse"), passes (n, or 2 = one forward + one backward),
    seconds, max_gap (largest |forward − reverse| over the gradient's entries).
    """
    rows = []
    for n in sizes:
        point, _, f = many_input_function(n, seed)
        grads, best = {}, {}
        for mode, run in (("forward", forward_mode_gradient), ("reverse", reverse_mode_gradient)):
            times = []
            gc.disable()  # as timeit does: a collection in the middle is not the mode's cost
            try:
                for _ in range(repeats):
                    start = time.perf_counter()
                    grads[mode] = run(f, point)
                    times.append(time.perf_counter() - start)
            finally:
                gc.enable()
            best[mode] = min(times)
        gap = float(np.max(np.abs(grads["forward"] - grads["reverse"])))
        for mode in ("forward", "reverse"):
            rows.append({"n": n, "mode": mode, "passes": n if mode == "forward" else 2,
                         "seconds": best[mode], "max_gap": gap})  # fmt: skip
    return pd.DataFrame(rows)


def dual_latex(result: ForwardGradient, x: float, y: float) -> str:
    """The two forward-mode passes as dual-number equations, e.g. f(1 + 1ε, 1 + 0ε) = 2 + 2ε."""

    def n(v: float) -> str:
        return f"{v:.6g}"

    lines = []
    for name, value, dot in result.passes:
        sx, sy = ("1", "0") if name == "x" else ("0", "1")
        lines.append(
            rf"f({n(x)} + {sx}\varepsilon,\; {n(y)} + {sy}\varepsilon) = {n(value)} + "
            rf"{n(dot)}\,\varepsilon \;\Rightarrow\; \frac{{\partial f}}{{\partial {name}}} = {n(dot)}"
        )
    return r"\begin{aligned}" + r"\\ ".join(lines) + r"\end{aligned}"
