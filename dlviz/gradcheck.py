"""Gradient check: reverse-mode autodiff against finite differences, for every step h.

What it is
    A finite difference approximates ∂f/∂x with two evaluations of f. Its error against the exact
    (autodiff) derivative has two parts that pull in opposite directions: truncation (the Taylor
    terms left out: ∝ h for the forward difference (f(x+h) − f(x))/h, ∝ h² for the central one
    (f(x+h) − f(x−h))/2h) and round-off (f is known to about ε·|f| with ε = 2.2e-16, and the
    difference is divided by h: ∝ ε/h). :func:`error_table` measures both errors on a log grid
    of h; on a log-log plot they make a V whose bottom is the best h (≈ ε^{1/2} forward,
    ≈ ε^{1/3} central).

What it is not
    Not how gradients are computed here: finite differences are only the independent check.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from dlviz.expr import Expression

EPS = float(np.finfo(np.float64).eps)


def step_grid(lo_exp: float = -15.0, hi_exp: float = 0.0, per_decade: int = 4) -> np.ndarray:
    """h = 10^k on a log grid from 10^lo_exp to 10^hi_exp."""
    return np.logspace(lo_exp, hi_exp, int(round((hi_exp - lo_exp) * per_decade)) + 1)


def error_table(
    expr: Expression, x: float, y: float, variable: str, h: np.ndarray | None = None
) -> pd.DataFrame:
    """Central and forward differences of f along ``variable`` ("x" or "y") for each h.

    Columns: h, central, forward, exact (reverse-mode autodiff), error_central, error_forward
    (absolute errors; exactly 0 is possible when the difference happens to be exact).
    """
    h = step_grid() if h is None else np.asarray(h, dtype=np.float64)
    exact = float(expr.grad(np.float64(x), np.float64(y))[0 if variable == "x" else 1])
    dx, dy = (h, 0.0 * h) if variable == "x" else (0.0 * h, h)
    f0 = expr(np.float64(x), np.float64(y))
    with np.errstate(all="ignore"):
        plus, minus = expr(x + dx, y + dy), expr(x - dx, y - dy)
        central = (plus - minus) / (2 * h)
        forward = (plus - f0) / h
        table = pd.DataFrame({"h": h, "central": central, "forward": forward, "exact": exact,
                              "error_central": np.abs(central - exact),
                              "error_forward": np.abs(forward - exact)})  # fmt: skip
    return table


def best_step(table: pd.DataFrame, column: str) -> tuple[float, float]:
    """(h, error) with the smallest finite error in ``column``; (nan, nan) if none."""
    errors = table[column].to_numpy()
    finite = np.isfinite(errors)
    if not finite.any():
        return float("nan"), float("nan")
    i = int(np.argmin(np.where(finite, errors, np.inf)))
    return float(table["h"].iloc[i]), float(errors[i])
