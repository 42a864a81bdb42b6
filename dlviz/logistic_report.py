"""What the Logistic regression page says in words and formulas, computed from the core.

The page's texts have ``{placeholders}``; the functions here return the numbers that fill them
(already formatted, as strings) and the LaTeX of the formulas with the data's values, so the
page stays a thin list of widgets and figures. Also the cheap summaries behind each section:
:func:`analyse` (the data as a whole), :func:`at_point`, :func:`underflow` and
:func:`likelihood_surface` (one (β₀, β) on one feature) and :func:`loss_view` (the training path
on the loss surface). Pure numpy; no Streamlit.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from dlviz import logistic

REFERENCE_ETA, REFERENCE_EPOCHS = 0.2, 1000  # the sigmoid drawn when there is no maximum
SLIDER_RANGES = ((-20.0, 20.0), (-5.0, 5.0))  # the page's β₀ and β controls

# The lecture's formulas as the page shows them (LaTeX, the same in both languages).
FORMULAS = {
    "model": r"P(Y=1\mid x) = p = \sigma(\beta_0 + \beta^T x) = \frac{1}{1 + e^{-(\beta_0 + \beta^T x)}}",
    "threshold": r"\begin{gathered} 0 < \sigma(z) < 1 \quad \forall z \in \mathbb{R} \\"
    r" \sigma(z) \ge 0.5 \rightarrow 1, \quad \sigma(z) < 0.5 \rightarrow 0 \end{gathered}",
    "odds": r"\ln\left(\frac{p}{1-p}\right) = \beta_0 + \beta x \quad\rightarrow\quad \frac{p}{1-p}"
    r" = e^{\beta_0 + \beta x}",
    "likelihood": r"\begin{aligned} L(\beta) &= \prod_{i=1}^N \sigma(z_i)^{y_i}"
    r"[1-\sigma(z_i)]^{1-y_i} \\ l(\beta) &= \ln L(\beta) = \sum_{i=1}^N [y_i \ln\sigma(z_i)"
    r" + (1-y_i)\ln(1-\sigma(z_i))] \end{aligned}",
    "bce": r"J(\beta) = -\frac{1}{N}\sum_{i=1}^N [y_i \ln\sigma(z_i) + (1-y_i)\ln(1-\sigma(z_i))]"
    r" = -\frac{l(\beta)}{N}",
    "gradient": r"\nabla J(\beta) = \frac{1}{N}\sum_{i=1}^N (\hat{y}_i - y_i)\,x_i, \qquad "
    r"\frac{\partial J}{\partial \beta_0} = \frac{1}{N}\sum_{i=1}^N (\hat{y}_i - y_i)",
    "update": r"\beta \leftarrow \beta - \eta\,\nabla J(\beta), \qquad \beta_0 \leftarrow \beta_0"
    r" - \eta\,\frac{\partial J}{\partial \beta_0}",
}


def _num(value: float, digits: int = 4) -> str:
    return f"{value:.{digits}g}"


@dataclass(frozen=True)
class Analysis:
    """The data as a whole: separation ("complete", "quasi" or None), the maximum-likelihood (β₀, β) (None when it
    does not exist), the least-squares line (intercept, slope) on the first feature, the
    sigmoid drawn against it (the maximum, else a reference descent), the maximum rounded into
    the page's controls, and the numbers for the texts."""

    separation: str | None
    best: tuple[float, np.ndarray] | None
    line: tuple[float, float]
    fitted: tuple[float, float]
    target: tuple[float, float] | None
    numbers: dict[str, str] = field(default_factory=dict)


def analyse(X: np.ndarray, y: np.ndarray) -> Analysis:
    """Separation (linear programs), the maximum (Newton) and the linear-regression contrast."""
    separation = logistic.separation(X, y)
    best = None if separation else logistic.fit_newton(X, y)
    x = X[:, 0]
    line = logistic.least_squares_line(x, y)
    if best is None:
        fit = logistic.fit(X, y, REFERENCE_ETA, REFERENCE_EPOCHS)
        fitted = (fit.b0_, float(fit.beta_[0]))
    else:
        fitted = (best[0], float(best[1][0]))
    ends = (line[0] + line[1] * x.min(), line[0] + line[1] * x.max())
    numbers = {"lo": f"{min(ends):.3f}", "hi": f"{max(ends):.3f}", "b0": _num(fitted[0]),
               "beta": _num(fitted[1])}  # fmt: skip
    target = None
    if best is not None:
        ll = logistic.log_likelihood(X, y, *best)
        numbers.update(best_b0=_num(best[0], 6), best_beta=_num(best[1][0], 6), best_ll=_num(ll, 6))
        target = tuple(
            min(max(round(v, 2), lo), hi)
            for v, (lo, hi) in zip((best[0], best[1][0]), SLIDER_RANGES, strict=True)
        )
    return Analysis(separation, best, line, fitted, target, numbers)


@dataclass(frozen=True)
class Point:
    """One (β₀, β) on one feature: logits ``z``, per-point Bernoulli probabilities ``probs``
    and the numbers for the texts (β₀, β, N, J, l and how many points ŷ over/under-estimates)."""

    z: np.ndarray
    probs: np.ndarray
    numbers: dict[str, object]


def at_point(X: np.ndarray, y: np.ndarray, b0: float, beta: float) -> Point:
    """What the odds, likelihood and cross-entropy sections say about the point (β₀, β)."""
    z = logistic.net_input(X, b0, [beta])
    residual = logistic.sigmoid(z) - y
    numbers = {
        "b0": f"{b0:g}", "beta": f"{beta:g}", "n": len(y),
        "loss": f"{logistic.bce_with_logits(y, z):.6g}",
        "ll": f"{logistic.log_likelihood(X, y, b0, [beta]):.6g}",
        "over": int(np.sum(residual > 0)), "under": int(np.sum(residual < 0)),
    }  # fmt: skip
    return Point(z, logistic.bernoulli_probability(y, z), numbers)


def underflow(
    X: np.ndarray, y: np.ndarray, b0: float, beta: float, n_max: int
) -> tuple[logistic.Underflow, dict[str, object]]:
    """The likelihood as N grows to ``n_max`` (the data repeated) and the numbers for the
    texts: where the float64 product becomes 0.0 and the sum of logs at ``n_max``."""
    run = logistic.running_likelihood(X, y, b0, [beta], n_max)
    return run, {"nmax": n_max, "ll_max": f"{run.log_sum[-1]:.6g}", "zero_at": run.zero_at}


def likelihood_surface(
    X: np.ndarray, y: np.ndarray, b0: float, beta: float, fitted: tuple[float, float], n: int = 41
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """l(β₀, β) on an n×n grid ``(b0s, betas, values)``, values of shape (len(betas), len(b0s)).

    The view covers the origin, the point and ``fitted`` (the maximum, when there is one), and
    at least 4 in β₀ and 4/std(x) in β.
    """
    x = X[:, 0]
    b0s, betas = logistic.parameter_box(
        [(0.0, 0.0), (b0, beta), fitted], (4.0, 4.0 / max(float(x.std()), 1e-9)), n
    )
    return b0s, betas, logistic.log_likelihood_grid(x, y, b0s, betas)


@dataclass(frozen=True)
class LossView:
    """The loss surface around a training path: grid axes ``ax1``, ``ax2``, values ``J`` of
    shape (len(ax2), len(ax1)), the ``path`` (k+1, 2), the maximum ``star`` (or None) and the
    axis names. For two features it is the slice at the final β₀ (``slice_b0``)."""

    ax1: np.ndarray
    ax2: np.ndarray
    J: np.ndarray
    path: np.ndarray
    star: tuple[float, float] | None
    axes: tuple[str, str]
    slice_b0: float | None


def loss_view(
    X: np.ndarray,
    y: np.ndarray,
    fit: logistic.Fit,
    best,
    n: int = 31,
    longest: logistic.Fit | None = None,
) -> LossView:
    """J over the plane of the path: (β₀, β) for one feature, (β₁, β₂) at the final β₀ for two.

    The view covers the path of ``longest`` when given (the same training run further on, of
    which ``fit`` is the start): then it stays put while fewer or more epochs are shown.
    """
    path = logistic.path_points(fit)
    star = None if best is None else logistic.plane_point(*best)
    seen = path if longest is None else logistic.path_points(longest)
    ax1, ax2 = logistic.parameter_box(seen if star is None else [*seen, star], (2.0, 2.0), n)
    if X.shape[1] == 1:
        J = -logistic.log_likelihood_grid(X[:, 0], y, ax1, ax2) / len(y)
        return LossView(ax1, ax2, J, path, star, ("β₀", "β"), None)
    J = logistic.loss_slice(X, y, fit.b0_, ax1, ax2)
    return LossView(ax1, ax2, J, path, star, ("β₁", "β₂"), fit.b0_)


def latex_number(value: float, digits: int = 4) -> str:
    """A number for LaTeX: 0.5, −12.3 or 1.234 × 10^{−56} (and 0 shown as 0)."""
    if value == 0 or 1e-4 <= abs(value) < 1e5:
        return f"{value:.{digits}g}"
    mantissa, exponent = f"{value:.{digits - 1}e}".split("e")
    return rf"{mantissa} \times 10^{{{int(exponent)}}}"


def likelihood_latex(X: np.ndarray, y: np.ndarray, b0: float, beta: np.ndarray) -> str:
    """L(β), l(β) = ln L(β) and J(β) = −l/N at (β₀, β), one below the other (a line each, so
    that it fits a projector's column)."""
    big_l, small_l = logistic.likelihood(X, y, b0, beta), logistic.log_likelihood(X, y, b0, beta)
    return (
        rf"\begin{{gathered}} L(\beta) = \prod_{{i=1}}^{{{len(y)}}} P_i = {latex_number(big_l)}"
        rf" \\ l(\beta) = \sum_{{i=1}}^{{{len(y)}}} \ln P_i = {latex_number(small_l, 6)} \\ "
        rf"J(\beta) = -\frac{{l(\beta)}}{{{len(y)}}} = {latex_number(-small_l / len(y), 6)}"
        r" \end{gathered}"
    )


def gradient_latex(
    X: np.ndarray, y: np.ndarray, b0: float, beta: np.ndarray, check_label: str
) -> str:
    """∂J/∂β₀ and ∇_β J at (β₀, β) by the slide's formula, then central finite differences
    (the line named ``check_label``) as an independent check."""
    exact = logistic.gradient(X, y, b0, beta)
    check = logistic.finite_difference_gradient(X, y, b0, beta)

    def vector(d_b0: float, d_beta: np.ndarray) -> str:
        entries = [latex_number(d_b0, 6), *(latex_number(v, 6) for v in d_beta)]
        return r"\begin{bmatrix}" + r" \\ ".join(entries) + r"\end{bmatrix}"

    return (
        r"\begin{bmatrix} \partial J/\partial \beta_0 \\ \nabla_\beta J \end{bmatrix} = "
        rf"{vector(*exact)} \qquad \text{{{check_label}: }} {vector(*check)}"
    )


# What a training run's one message says: verdict → the alert's kind.
VERDICTS = {
    "diverged": "error",  # β blew up: η too large
    "worse": "error",  # J ended above where it started: η too large
    "growing": "warning",  # separable data: |β| grows without bound, no maximum to reach
    "oscillating": "warning",  # J still goes up and down: η too large to settle
    "reached": "success",  # at the maximum likelihood (to 10⁻⁶ in J)
    "overshot": "info",  # J rose at first, now falls every epoch: more epochs
    "short": "info",  # J falls every epoch, not there yet: more epochs or a larger η
}
REACHED = 1e-6  # J within this of the maximum's: reached


@dataclass(frozen=True)
class Diagnosis:
    """One verdict on a training run (a key of ``VERDICTS``) and the one message that says it:
    ``kind`` the alert (error/warning/info/success), ``keys`` the page's ``train.*`` texts that
    make up the message, in order (what the run reached first), and the ``numbers`` that fill
    them. Every key's advice agrees with the verdict: a run told to lower η is never told to
    raise it."""

    verdict: str
    kind: str
    keys: tuple[str, ...]
    numbers: dict[str, str]


def diagnose(
    fit: logistic.Fit,
    separation: str | None,
    best: tuple[float, np.ndarray] | None,
    X: np.ndarray,
    y: np.ndarray,
) -> Diagnosis:
    """What a training run shows, decided once, from the first sign that settles it:

    1. β blew up (``fit.diverged_at``): η is too large ("diverged");
    2. J ended higher than it started: η is too large ("worse");
    3. the data are separable: |β| grows without bound while J → 0 ("growing");
    4. J is within ``REACHED`` of the maximum likelihood's ("reached");
    5. J still rose in the second half of the epochs shown: the steps overshoot, η is too large
       to settle ("oscillating");
    6. J rose at first but has fallen every epoch since the first half: more epochs
       ("overshot");
    7. J fell every epoch: more epochs or a larger η ("short").

    When the maximum is known (``best``), 5-7 also say where it is and how far J is from it.
    """

    def num(v: float) -> str:
        return f"{v:.4g}"

    numbers = {
        "epochs": str(fit.epochs), "b0": num(fit.b0_), "beta": ", ".join(num(b) for b in fit.beta_),
        "loss": f"{fit.loss[-1]:.6g}", "loss0": f"{fit.loss[0]:.6g}", "eta": f"{fit.eta:g}",
    }  # fmt: skip
    first, last = fit.loss_rose_at, fit.loss_last_rose_at
    gap = None
    if best is not None:
        best_loss = logistic.loss(X, y, best[0], best[1])
        gap = fit.loss[-1] - best_loss
        numbers |= {"best_b0": num(best[0]), "best_beta": ", ".join(num(b) for b in best[1]),
                    "best_loss": f"{best_loss:.6g}", "gap": f"{gap:.2g}"}  # fmt: skip
    if first is not None:
        numbers |= {"first": str(first), "last": str(last)}
    if fit.diverged_at is not None:
        verdict = "diverged"
        numbers["at"] = str(fit.diverged_at)
    elif fit.loss[-1] > fit.loss[0]:
        verdict = "worse"
    elif separation:
        verdict = "growing"
        norms = np.hypot(fit.b0, np.linalg.norm(fit.beta, axis=1))  # |(β₀, β)| per epoch
        ks = sorted({fit.epochs // 4, fit.epochs // 2, fit.epochs})
        numbers["norms"] = " → ".join(f"{norms[k]:.3g} (k = {k})" for k in ks)
        numbers["small_loss"] = f"{fit.loss[-1]:.3g}"
    elif gap is not None and gap < REACHED:
        verdict = "reached"
    elif last is not None and 2 * last > fit.epochs:
        verdict = "oscillating"
    else:
        verdict = "short" if first is None else "overshot"
    keys = ["train.result"]
    if verdict in ("oscillating", "overshot", "short") and gap is not None:
        keys.append("train.gap")
    keys.append(f"train.{verdict}")
    if verdict == "reached" and first is not None:
        keys.append("train.rose_first")
    return Diagnosis(verdict, VERDICTS[verdict], tuple(keys), numbers)
