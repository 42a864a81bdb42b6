"""The gradient of a function of two variables, and gradient descent/ascent on it.

Section "Gradiente" of lecture 03: ∇f = (∂f/∂x, ∂f/∂y) points where f increases fastest; the
directional derivative along a unit vector u is ∇f·u; the update rule p ← p − η∇f(p) walks
downhill. Gradients come from ``Expression.grad`` (reverse-mode autodiff); central finite
differences are here only as an independent check. Pure numpy; no plotting, no Streamlit.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from dlviz.expr import Expression

DIVERGENCE_BOUND = 1e6  # a coordinate beyond this (or a non-finite value) means the walk diverged
OVERFLOW = 1e100  # |f| or |∇f| this large before a non-finite value: overflow, not a domain edge


@dataclass(frozen=True)
class Grid:
    """f and ∇f sampled on a square grid: ``X``, ``Y``, ``Z`` and ``dZdx``, ``dZdy`` of shape (n, n)."""

    X: np.ndarray
    Y: np.ndarray
    Z: np.ndarray
    dZdx: np.ndarray
    dZdy: np.ndarray


def grid(expr: Expression, center: tuple[float, float], half_width: float, n: int) -> Grid:
    """Sample f and its gradient on an n×n grid around ``center`` in one autodiff pass."""
    xs = np.linspace(center[0] - half_width, center[0] + half_width, n)
    ys = np.linspace(center[1] - half_width, center[1] + half_width, n)
    X, Y = np.meshgrid(xs, ys)  # (n, n): rows follow y, columns follow x
    dZdx, dZdy = expr.grad(X, Y)
    return Grid(X, Y, expr(X, Y), dZdx, dZdy)


def gradient_at(expr: Expression, x: float, y: float) -> np.ndarray:
    """∇f(x, y) by reverse-mode autodiff, shape (2,); nan where f is not differentiable/defined."""
    dfdx, dfdy = expr.grad(np.float64(x), np.float64(y))
    return np.array([float(dfdx), float(dfdy)])


def finite_difference_gradient(expr: Expression, x: float, y: float, h: float = 1e-6) -> np.ndarray:
    """Central differences (f(p+he) − f(p−he)) / 2h for each axis: the independent check."""
    xs = np.array([x + h, x - h, x, x])
    ys = np.array([y, y, y + h, y - h])
    f = expr(xs, ys)
    return np.array([(f[0] - f[1]) / (2 * h), (f[2] - f[3]) / (2 * h)])


def unit_vector(angle_deg: float) -> np.ndarray:
    """u = (cos θ, sin θ) for an angle in degrees."""
    theta = np.deg2rad(angle_deg)
    return np.array([np.cos(theta), np.sin(theta)])


def directional_derivative(gradient: np.ndarray, angle_deg: float | np.ndarray) -> np.ndarray:
    """D_u f = ∇f·u = |∇f| cos(θ − θ_∇f): largest along ∇f, zero along the level curve."""
    theta = np.deg2rad(angle_deg)
    return gradient[0] * np.cos(theta) + gradient[1] * np.sin(theta)


def gradient_angle(gradient: np.ndarray) -> float:
    """Direction of ∇f in degrees in [0, 360)."""
    return float(np.rad2deg(np.arctan2(gradient[1], gradient[0])) % 360.0)


@dataclass(frozen=True)
class Rejected:
    """The step that stopped a walk: the point it led to, and f and ∇f there (any of them may
    be non-finite)."""

    point: np.ndarray
    value: float
    gradient: np.ndarray


@dataclass(frozen=True)
class Walk:
    """A gradient descent (or ascent) walk.

    ``points`` has shape (k+1, 2): the start and each point reached; ``values`` f at each point;
    ``gradients`` ∇f at each point (shape (k+1, 2)). ``diverged_at`` is the step whose result
    was non-finite or beyond ``DIVERGENCE_BOUND`` (the walk stops before it; ``rejected`` is
    where that step led), ``stationary_at`` the step where ∇f vanished (nothing more to do),
    ``undefined`` whether f or ∇f is not defined at the start.
    """

    points: np.ndarray
    values: np.ndarray
    gradients: np.ndarray
    eta: float
    ascent: bool
    diverged_at: int | None = None
    stationary_at: int | None = None
    undefined: bool = False
    rejected: Rejected | None = None

    @property
    def steps(self) -> int:
        return len(self.points) - 1

    @property
    def distance(self) -> float:
        """Straight-line distance from the start to the last point."""
        return float(np.linalg.norm(self.points[-1] - self.points[0]))


def walk(
    expr: Expression, start: tuple[float, float], eta: float, steps: int, ascent: bool = False
) -> Walk:
    """Follow p ← p − η∇f(p) (or + for ascent) for ``steps`` steps, stopping on divergence.

    A per-step loop because each step needs the gradient at the point the previous one reached.
    """
    sign = 1.0 if ascent else -1.0
    p = np.array(start, dtype=float)
    points, values, gradients = [p], [float(expr(p[0], p[1]))], [gradient_at(expr, *p)]
    if not (np.isfinite(values[0]) and np.all(np.isfinite(gradients[0]))):
        return Walk(
            np.array(points), np.array(values), np.array(gradients), eta, ascent, undefined=True
        )
    diverged_at = stationary_at = rejected = None
    for k in range(1, steps + 1):
        if not np.any(gradients[-1]):
            stationary_at = k - 1
            break
        p = p + sign * eta * gradients[-1]
        value = float(expr(p[0], p[1]))
        gradient = gradient_at(expr, *p)
        finite = np.isfinite(value) and np.all(np.isfinite(gradient)) and np.all(np.isfinite(p))
        if not finite or np.max(np.abs(p)) > DIVERGENCE_BOUND:
            diverged_at, rejected = k, Rejected(p, value, gradient)
            break
        points.append(p)
        values.append(value)
        gradients.append(gradient)
    return Walk(
        np.array(points),
        np.array(values),
        np.array(gradients),
        eta,
        ascent,
        diverged_at,
        stationary_at,
        rejected=rejected,
    )


@dataclass(frozen=True)
class PointGradient:
    """f and ∇f at one point, with the finite-difference check beside the autodiff value."""

    x: float
    y: float
    value: float
    gradient: np.ndarray  # (2,) by reverse-mode autodiff
    finite_difference: np.ndarray  # (2,) by central differences

    @property
    def defined(self) -> bool:
        return bool(np.isfinite(self.value) and np.all(np.isfinite(self.gradient)))

    @property
    def norm(self) -> float:
        return float(np.hypot(*self.gradient))


def at_point(expr: Expression, x: float, y: float) -> PointGradient:
    """Evaluate f, ∇f (autodiff) and the central-difference check at (x, y)."""
    return PointGradient(
        x, y, float(expr(x, y)), gradient_at(expr, x, y), finite_difference_gradient(expr, x, y)
    )


def check_table(point: PointGradient, formulas: tuple[str | None, str | None]) -> pd.DataFrame:
    """One row per partial derivative: its formula, autodiff value, finite difference, gap."""
    return pd.DataFrame(
        {
            "derivative": ["∂f/∂x", "∂f/∂y"],
            # "·" rather than "*": reads like the slide, and is not markdown emphasis.
            "formula": [(formula or "—").replace("*", "·") for formula in formulas],
            "autodiff": point.gradient,
            "finite_difference": point.finite_difference,
            "gap": np.abs(point.gradient - point.finite_difference),
        }
    )


def gradient_latex(expr_latex: str, point: PointGradient, partials: tuple[str | None, ...]) -> str:
    """``f = …`` over ``∇f(x₀, y₀) = [∂f/∂x; ∂f/∂y] = [value; value]`` (symbolic part when
    available)."""
    symbolic = ""
    if all(partials):
        symbolic = r"\begin{bmatrix}" + r" \\ ".join(partials) + r"\end{bmatrix} = "
    g = point.gradient + 0.0  # never −0
    # Two lines: with a long formula one line would be wider than a projector's column.
    return (
        rf"\begin{{gathered}}f = {expr_latex}\\ \nabla f({point.x + 0.0:g},\,{point.y + 0.0:g}) = "
        rf"{symbolic}\begin{{bmatrix}} {g[0]:.6g} \\ {g[1]:.6g} \end{{bmatrix}}\end{{gathered}}"
    )


def direction_summary(gradient: np.ndarray, angle_deg: float) -> dict[str, str]:
    """Formatted numbers for the directional-derivative sentence: value, maximum, zeros."""
    best = gradient_angle(gradient)
    return {
        "angle": f"{angle_deg:g}",
        "value": f"{float(directional_derivative(gradient, angle_deg)):.6g}",
        "norm": f"{float(np.hypot(*gradient)):.6g}",
        "best": f"{best:.1f}",
        "zero1": f"{(best + 90) % 360:.1f}",
        "zero2": f"{(best + 270) % 360:.1f}",
    }


def walk_table(walk: Walk) -> pd.DataFrame:
    """One row per point of the walk: step, x, y, f and ∇f."""
    return pd.DataFrame(
        {
            "step": np.arange(walk.steps + 1),
            "x": walk.points[:, 0],
            "y": walk.points[:, 1],
            "f": walk.values,
            "∂f/∂x": walk.gradients[:, 0],
            "∂f/∂y": walk.gradients[:, 1],
        }
    )


def runaway(walk: Walk) -> str:
    """Why a walk that stopped (``diverged_at``) ran away, in the three cases a class must
    tell apart (only the last one is a matter of η):

    ``"domain"``: the step led to a point (finite, within ``DIVERGENCE_BOUND``) where f or ∇f
    is not defined — nan (log or √ of a negative number, 0/0), or an infinite ∇f beside a finite
    f (√x at 0) — while f and ∇f had stayed below ``OVERFLOW``: the walk left f's domain.
    ``"unbounded"``: f improved (went down in descent, up in ascent) at every step, the one
    that ran off included, while the point ran away: f has no minimum (maximum) that way, and
    the walk does what it is asked.
    ``"too_large"``: f got worse at some step: the step overshoots and the walk blows up, the
    classic divergence of a too-large η (``worse_step`` says where).
    """
    r = walk.rejected
    if r is None:
        raise ValueError("the walk did not run away")
    inside = bool(np.all(np.isfinite(r.point)) and np.max(np.abs(r.point)) <= DIVERGENCE_BOUND)
    moderate = abs(walk.values[-1]) < OVERFLOW and np.max(np.abs(walk.gradients[-1])) < OVERFLOW
    undefined = bool(
        np.isnan(r.value)
        or np.any(np.isnan(r.gradient))
        or (np.isfinite(r.value) and not np.all(np.isfinite(r.gradient)))
    )
    if inside and moderate and undefined:
        return "domain"
    changes = _changes(walk)
    return "unbounded" if len(changes) and np.all(changes > 0) else "too_large"


def _changes(walk: Walk) -> np.ndarray:
    """How much each step improved f (f's change, its sign flipped in descent), the step that
    stopped the walk included when f has a value there (±∞ counts: it is a direction)."""
    values = walk.values
    if walk.rejected is not None and not np.isnan(walk.rejected.value):
        values = np.append(values, walk.rejected.value)
    with np.errstate(invalid="ignore"):  # ∞ − ∞ (nan) counts as no improvement
        changes = np.diff(values) * (1.0 if walk.ascent else -1.0)
    return np.nan_to_num(changes, nan=0.0)


def worse_step(walk: Walk) -> int | None:
    """The first step after which f was worse than before it (or no better), if any."""
    bad = np.flatnonzero(_changes(walk) <= 0)
    return int(bad[0]) + 1 if len(bad) else None


def _shown(value: float, spec: str = ".6g") -> str:
    """A number for a message: ∞ and −∞ as such, never −0."""
    if np.isnan(value):
        return "—"
    if np.isinf(value):
        return "∞" if value > 0 else "−∞"
    return format(float(value) + 0.0, spec)


def walk_verdict(walk: Walk, view_width: float) -> tuple[str, dict[str, object]]:
    """What the walk shows, with the numbers to say so.

    A walk that ran off (``runaway``): ``"domain"`` (left f's domain), ``"unbounded_below"`` /
    ``"unbounded_above"`` (f has no minimum / maximum that way: not η) or ``"too_large"`` (f
    got worse and the walk blew up: η too large). Otherwise ``"stationary"`` (∇f = 0 reached),
    ``"overshoot"`` (f moved the wrong way: η too large), ``"slow"`` (moved less than 1% of the
    view: η too small) or ``"ok"``.
    """
    last = walk.points[-1]
    numbers: dict[str, object] = {
        "eta": _shown(walk.eta, "g"),
        "steps": walk.steps,
        "start": _shown(walk.values[0]),
        "end": _shown(walk.values[-1]),
        "x": _shown(last[0], ".4g"),
        "y": _shown(last[1], ".4g"),
    }
    if walk.diverged_at is not None:
        numbers["step"] = walk.diverged_at
        cause = runaway(walk)
        if cause == "domain":
            nx, ny = walk.rejected.point
            return "domain", {**numbers, "nx": _shown(nx, ".4g"), "ny": _shown(ny, ".4g")}
        if cause == "unbounded":
            return ("unbounded_above" if walk.ascent else "unbounded_below"), numbers
        k = worse_step(walk)
        values = [*walk.values, walk.rejected.value]
        return "too_large", {
            **numbers, "worse": k, "before": _shown(values[k - 1]), "after": _shown(values[k])
        }  # fmt: skip
    if walk.stationary_at is not None:
        return "stationary", {"step": walk.stationary_at}
    if walk.steps > 0 and (walk.values[-1] > walk.values[0]) != walk.ascent:
        return "overshoot", numbers
    if walk.distance < 0.01 * view_width:
        return "slow", {**numbers, "distance": _shown(walk.distance, ".3g")}
    norm = float(np.hypot(*walk.gradients[-1]))
    return "ok", {**numbers, "norm": _shown(norm, ".3g")}
