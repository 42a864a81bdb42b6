"""Logistic regression: sigmoid, Bernoulli likelihood, binary cross-entropy and its gradient.

Section "Regresión Logística" of lecture 03. For features x (a row of X, shape (N, m)) and a
0/1 label y the model says P(Y = 1 | x) = σ(z) with z = β₀ + βᵀx; the likelihood of the data is
the product of the per-point Bernoulli probabilities σ(zᵢ)^yᵢ (1 − σ(zᵢ))^(1−yᵢ); the binary
cross-entropy J(β) = −(1/N) l(β) is the negative mean log-likelihood, with gradient
∂J/∂β₀ = (1/N)Σ(ŷᵢ − yᵢ) and ∇_β J = (1/N)Σ(ŷᵢ − yᵢ)xᵢ. Everything that takes logs works from
the logits z (log σ(z) = −logaddexp(0, −z)), so it stays finite for |z| up to 1e6 and beyond.
Pure numpy (and scipy's linear programming for the separability test); no plotting, no
Streamlit.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.optimize import linprog
from scipy.special import expit

from dlviz.activations import sigmoid  # noqa: F401  (public: dlviz.logistic.sigmoid)

DIVERGENCE_BOUND = 1e6  # |β| beyond this (or a non-finite value) means gradient descent diverged
PROB_EPS = 1e-15  # bce(y, p) clips probabilities to [ε, 1 − ε]; the logits form needs no clip


def log_sigmoid(z: np.ndarray | float) -> np.ndarray:
    """ln σ(z) = −ln(1 + e^(−z)) = −logaddexp(0, −z): finite for any finite z."""
    return -np.logaddexp(0.0, -np.asarray(z, dtype=float))


def bce(y: np.ndarray, p: np.ndarray) -> float:
    """Binary cross-entropy (mean) from probabilities: −(1/N)Σ[y ln p + (1 − y) ln(1 − p)].

    ``p`` is clipped to [1e-15, 1 − 1e-15] so a confident mistake costs ~34.5 instead of ∞;
    use :func:`bce_with_logits` when the logits are at hand (exact, no clipping).
    """
    y = np.asarray(y, dtype=float)
    p = np.clip(np.asarray(p, dtype=float), PROB_EPS, 1.0 - PROB_EPS)
    return float(-np.mean(y * np.log(p) + (1.0 - y) * np.log1p(-p)))


def bce_with_logits(y: np.ndarray, z: np.ndarray) -> float:
    """Binary cross-entropy (mean) from logits z: −(1/N)Σ[y ln σ(z) + (1 − y) ln σ(−z)].

    Uses 1 − σ(z) = σ(−z) and the log-sigmoid, so it is exact and finite for |z| up to 1e6.
    """
    return float(np.mean(point_losses(y, z)))


def point_losses(y: np.ndarray, z: np.ndarray) -> np.ndarray:
    """Each point's loss −[yᵢ ln σ(zᵢ) + (1 − yᵢ) ln(1 − σ(zᵢ))], shape (N,)."""
    y, z = np.asarray(y, dtype=float), np.asarray(z, dtype=float)
    return -(y * log_sigmoid(z) + (1.0 - y) * log_sigmoid(-z))


def net_input(X: np.ndarray, b0: float, beta: np.ndarray) -> np.ndarray:
    """z = β₀ + Xβ, shape (N,) for X of shape (N, m) and β of shape (m,)."""
    return X @ np.asarray(beta, dtype=float) + b0  # (N, m) @ (m,) -> (N,)


def bernoulli_probability(y: np.ndarray, z: np.ndarray) -> np.ndarray:
    """P(Y = yᵢ | xᵢ) = σ(zᵢ)^yᵢ (1 − σ(zᵢ))^(1−yᵢ) = σ((2yᵢ − 1) zᵢ) for 0/1 labels."""
    return sigmoid((2.0 * np.asarray(y, dtype=float) - 1.0) * z)


def log_likelihood(X: np.ndarray, y: np.ndarray, b0: float, beta: np.ndarray) -> float:
    """l(β) = ln L(β) = Σ ln P(Y = yᵢ | xᵢ): the sum of logs, finite where the product is 0."""
    z = net_input(X, b0, beta)
    return float(np.sum(log_sigmoid((2.0 * y - 1.0) * z)))


def likelihood(X: np.ndarray, y: np.ndarray, b0: float, beta: np.ndarray) -> float:
    """L(β) = Π P(Y = yᵢ | xᵢ) multiplied out in float64, as the slide writes it.

    Deliberately naive: for a few hundred points the product underflows to exactly 0.0, which
    is why one maximises the log-likelihood instead (see :func:`running_likelihood`).
    """
    return float(np.prod(bernoulli_probability(y, net_input(X, b0, beta))))


@dataclass(frozen=True)
class Underflow:
    """The likelihood as N grows: ``product`` (the float64 product of the first n probabilities)
    and ``log_sum`` (their sum of logs), shape (n_max,); ``zero_at`` the first n whose product
    is exactly 0.0 (None if it never underflows)."""

    product: np.ndarray
    log_sum: np.ndarray
    zero_at: int | None


def running_likelihood(
    X: np.ndarray, y: np.ndarray, b0: float, beta: np.ndarray, n_max: int | None = None
) -> Underflow:
    """For n = 1..n_max: the naive product of the first n probabilities and their sum of logs.

    With ``n_max`` beyond N the data set is repeated (point N + 1 is point 1 again), so the first
    N values are those of the data themselves. The product reaches 0.0 (underflow), the sum of
    logs stays finite.
    """
    n_max = len(y) if n_max is None else n_max
    z = np.resize(net_input(X, b0, beta), n_max)
    s = np.resize(2.0 * np.asarray(y, dtype=float) - 1.0, n_max)
    product = np.cumprod(sigmoid(s * z))  # numpy's underflow to 0.0 is silent by default
    log_sum = np.cumsum(log_sigmoid(s * z))
    zero = np.flatnonzero(product == 0.0)
    return Underflow(product, log_sum, int(zero[0]) + 1 if len(zero) else None)


def loss(X: np.ndarray, y: np.ndarray, b0: float, beta: np.ndarray) -> float:
    """J(β) = −l(β)/N, the binary cross-entropy of the model on the data."""
    return bce_with_logits(y, net_input(X, b0, beta))


def gradient(X: np.ndarray, y: np.ndarray, b0: float, beta: np.ndarray) -> tuple[float, np.ndarray]:
    """(∂J/∂β₀, ∇_β J) = ((1/N)Σ(ŷᵢ − yᵢ), (1/N)Σ(ŷᵢ − yᵢ)xᵢ), the slide's formulas.

    Notes
    -----
    By the chain rule, ∂Jᵢ/∂zᵢ = σ(zᵢ) − yᵢ = ŷᵢ − yᵢ, and ∂zᵢ/∂β = xᵢ, ∂zᵢ/∂β₀ = 1.
    """
    d_loss__d_z = sigmoid(net_input(X, b0, beta)) - y  # ŷ − y, shape (N,)
    return float(np.mean(d_loss__d_z)), X.T @ d_loss__d_z / len(y)  # (m, N) @ (N,) -> (m,)


def finite_difference_gradient(
    X: np.ndarray, y: np.ndarray, b0: float, beta: np.ndarray, h: float = 1e-6
) -> tuple[float, np.ndarray]:
    """Central differences (J(β + h eₖ) − J(β − h eₖ)) / 2h: the independent check."""
    beta = np.asarray(beta, dtype=float)
    d_b0 = (loss(X, y, b0 + h, beta) - loss(X, y, b0 - h, beta)) / (2 * h)
    step = h * np.eye(len(beta))
    d_beta = np.array(
        [(loss(X, y, b0, beta + e) - loss(X, y, b0, beta - e)) / (2 * h) for e in step]
    )
    return d_b0, d_beta


def log_likelihood_grid(
    x: np.ndarray, y: np.ndarray, b0s: np.ndarray, betas: np.ndarray
) -> np.ndarray:
    """l(β₀, β) for one feature on a grid: shape (len(betas), len(b0s)) (rows follow β).

    Vectorised over the grid and the points at once: z has shape (nβ, nβ₀, N).
    """
    z = betas[:, None, None] * x[None, None, :] + b0s[None, :, None]  # (nβ, nβ₀, N)
    return np.sum(log_sigmoid((2.0 * y - 1.0) * z), axis=2)


def loss_slice(
    X: np.ndarray, y: np.ndarray, b0: float, b1s: np.ndarray, b2s: np.ndarray
) -> np.ndarray:
    """J(β₀, β₁, β₂) with β₀ fixed, on a (len(b2s), len(b1s)) grid (rows follow β₂)."""
    z = b2s[:, None, None] * X[None, None, :, 1] + b1s[None, :, None] * X[None, None, :, 0] + b0
    return np.mean(-log_sigmoid((2.0 * y - 1.0) * z), axis=2)  # (n₂, n₁, N) -> (n₂, n₁)


@dataclass(frozen=True)
class Fit:
    """Batch gradient descent, one update per epoch: β ← β − η∇J(β).

    ``b0`` has shape (k+1,), ``beta`` (k+1, m), ``loss`` and ``accuracy`` (k+1,): the start and
    each epoch reached. ``diverged_at`` is the epoch whose update was non-finite or beyond
    ``DIVERGENCE_BOUND`` (training stopped before it).
    """

    b0: np.ndarray
    beta: np.ndarray
    loss: np.ndarray
    accuracy: np.ndarray
    eta: float
    diverged_at: int | None = None

    @property
    def epochs(self) -> int:
        return len(self.b0) - 1

    @property
    def b0_(self) -> float:
        return float(self.b0[-1])

    @property
    def beta_(self) -> np.ndarray:
        return self.beta[-1]

    @property
    def loss_rises(self) -> np.ndarray:
        """The epochs whose loss is higher than the one before (the step overshot: η large)."""
        return np.flatnonzero(np.diff(self.loss) > 1e-12 * np.maximum(1.0, self.loss[:-1])) + 1

    @property
    def loss_rose_at(self) -> int | None:
        """First epoch whose loss is higher than the one before (η too large), if any."""
        rises = self.loss_rises
        return int(rises[0]) if len(rises) else None

    @property
    def loss_last_rose_at(self) -> int | None:
        """Last epoch whose loss is higher than the one before, if any."""
        rises = self.loss_rises
        return int(rises[-1]) if len(rises) else None

    def until(self, epochs: int) -> Fit:
        """This training as if asked for ``epochs`` epochs (at most the epochs asked of it):
        the same numbers as ``fit(X, y, eta, epochs)``, taken from the longer history."""
        if self.diverged_at is not None and epochs >= self.diverged_at:
            return self  # that run too stops before the same update
        if epochs > self.epochs:
            raise ValueError(f"trained for {self.epochs} epochs, not {epochs}")
        k = epochs + 1
        return Fit(self.b0[:k], self.beta[:k], self.loss[:k], self.accuracy[:k], self.eta)


def fit(
    X: np.ndarray,
    y: np.ndarray,
    eta: float,
    epochs: int,
    b0: float = 0.0,
    beta: np.ndarray | None = None,
) -> Fit:
    """Minimise J(β) by full-batch gradient descent, recording every epoch.

    A per-epoch loop because each update needs the gradient at the point the previous one
    reached; inside an epoch everything is vectorised over the N points. The parameters are
    θ = (β₀, β) and each point's row is (1, xᵢ), so one update is θ ← θ − (η/N)·Aᵀ(ŷ − y). The
    loss and accuracy of every epoch are computed afterwards, all epochs at once. Epoch k's
    numbers do not depend on how many epochs follow (see :meth:`Fit.until`).
    """
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    beta = np.zeros(X.shape[1]) if beta is None else np.asarray(beta, dtype=float)
    A = np.c_[np.ones(len(y)), X]  # (N, m+1): a column of ones for β₀
    theta = np.empty((epochs + 1, A.shape[1]))  # row k: (β₀, β) after k epochs
    theta[0] = (b0, *beta)
    reached, diverged_at = _descend(A, y, eta, theta)
    theta = theta[: reached + 1]
    loss, accuracy = _history_scores(theta, X, y)
    return Fit(theta[:, 0], theta[:, 1:], loss, accuracy, eta, diverged_at)


DESCENT_BLOCK = 100  # epochs between two checks for divergence (and for a fixed point)


def _descend(A: np.ndarray, y: np.ndarray, eta: float, theta: np.ndarray) -> tuple[int, int | None]:
    """Fill ``theta[1:]`` with the descent's steps from ``theta[0]``. Returns the last epoch
    reached and the epoch that diverged (None if none did).

    Each update is a handful of numpy calls writing into buffers made once (the loop runs up
    to 5,000 times per training). ``scipy.special.expit`` is σ in one call, the same function
    as :func:`sigmoid`. Every ``DESCENT_BLOCK`` epochs the new rows are checked: the first
    beyond ``DIVERGENCE_BOUND`` (or not finite) ends training before it; a step that changed
    nothing is a fixed point, so every later epoch is the same.
    """
    epochs = len(theta) - 1
    z, step, rows = np.empty(len(y)), np.empty(A.shape[1]), list(theta)  # rows: views, made once
    net_input_of, step_of = A.dot, (A.T * (eta / len(y))).dot  # z = Aθ; (η/N)·Aᵀ(ŷ − y)
    done = 0
    with np.errstate(all="ignore"):  # a diverging run overflows; it is cut off below
        while done < epochs:
            end = min(done + DESCENT_BLOCK, epochs)
            for k in range(done, end):
                net_input_of(rows[k], z)  # z = β₀ + Xβ, shape (N,)
                expit(z, z)  # ŷ = σ(z)
                np.subtract(z, y, z)  # ŷ − y
                step_of(z, step)  # (m+1, N) @ (N,) -> (m+1,)
                np.subtract(rows[k], step, rows[k + 1])
            bad = ~np.all(np.abs(theta[done + 1 : end + 1]) <= DIVERGENCE_BOUND, axis=1)
            if bad.any():
                first = done + 1 + int(np.argmax(bad))
                return first - 1, first
            if np.array_equal(theta[end], theta[end - 1]):
                theta[end + 1 :] = theta[end]
                return epochs, None
            done = end
    return epochs, None


def _history_scores(
    theta: np.ndarray, X: np.ndarray, y: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """J and the accuracy after each epoch (rows of ``theta``), in chunks of epochs.

    z is built element by element (no matrix product), so an epoch's numbers are the same
    whichever chunk it falls in, and in a shorter run as in a longer one.
    """
    minus_sign, positive = 1.0 - 2.0 * y, y == 1  # a point's loss is ln(1 + e^(−sᵢzᵢ))
    rows = max(1, 200_000 // len(y))
    loss, accuracy = np.empty(len(theta)), np.empty(len(theta))
    for start in range(0, len(theta), rows):
        part = theta[start : start + rows]
        z = part[:, :1] + sum(part[:, j + 1 : j + 2] * X[:, j] for j in range(X.shape[1]))
        right = (z >= 0) == positive  # class by the 0.5 threshold, as :func:`accuracy`
        z *= minus_sign
        loss[start : start + rows] = np.logaddexp(0.0, z, out=z).mean(axis=1)
        accuracy[start : start + rows] = np.count_nonzero(right, axis=1) / len(y)
    return loss, accuracy


def fit_newton(
    X: np.ndarray, y: np.ndarray, iterations: int = 100, tol: float = 1e-12
) -> tuple[float, np.ndarray] | None:
    """The maximum-likelihood (β₀, β) by Newton's method, or ``None`` if it does not converge.

    Only meaningful when the data are not separable (otherwise there is no maximum). Used to
    mark the maximum on the surface; the tests check it against an independent IRLS.
    """
    A = np.c_[np.ones(len(y)), X]  # (N, m+1): a column of ones for β₀
    theta = np.zeros(A.shape[1])
    for _ in range(iterations):
        p = sigmoid(A @ theta)
        hessian = A.T @ (A * (p * (1.0 - p))[:, None])  # (m+1, m+1)
        try:
            step = np.linalg.solve(hessian, A.T @ (y - p))
        except np.linalg.LinAlgError:
            return None
        theta = theta + step
        if not np.all(np.isfinite(theta)) or np.max(np.abs(theta)) > DIVERGENCE_BOUND:
            return None
        if np.max(np.abs(step)) < tol * (1.0 + np.max(np.abs(theta))):
            return float(theta[0]), theta[1:]
    return None


def is_separable(X: np.ndarray, y: np.ndarray) -> bool:
    """Whether a hyperplane puts every point strictly on its class's side (complete separation).

    Feasibility of the linear program sᵢ(β₀ + βᵀxᵢ) ≥ 1 with sᵢ = 2yᵢ − 1. Then J can be pushed
    towards 0 by scaling β up without bound: the maximum-likelihood estimate does not exist.
    """
    s = 2.0 * np.asarray(y, dtype=float) - 1.0
    A = np.c_[np.ones(len(s)), np.asarray(X, dtype=float)]  # (N, m+1)
    result = linprog(
        np.zeros(A.shape[1]),
        A_ub=-(s[:, None] * A),
        b_ub=-np.ones(len(s)),
        bounds=[(None, None)] * A.shape[1],
        method="highs",
    )
    return result.status == 0


def separation(X: np.ndarray, y: np.ndarray) -> str | None:
    """ "complete" (see :func:`is_separable`), "quasi" or None: whether the MLE fails to exist.

    Quasi-complete separation: a hyperplane has every point on its class's side or on the
    hyperplane itself (e.g. the classes touch at one x). Then too |β| → ∞ raises the likelihood
    and there is no maximum. Detected by the linear program: maximise Σ sᵢ(β₀ + βᵀxᵢ) subject to
    sᵢ(β₀ + βᵀxᵢ) ≥ 0 and −1 ≤ β ≤ 1; a positive optimum means such a hyperplane exists.
    """
    if is_separable(X, y):
        return "complete"
    s = 2.0 * np.asarray(y, dtype=float) - 1.0
    A = s[:, None] * np.c_[np.ones(len(s)), np.asarray(X, dtype=float)]  # (N, m+1)
    result = linprog(
        -A.sum(axis=0),
        A_ub=-A,
        b_ub=np.zeros(len(s)),
        bounds=[(-1.0, 1.0)] * A.shape[1],
        method="highs",
    )
    tolerance = 1e-9 * (1.0 + float(np.abs(A).sum()))
    return "quasi" if result.status == 0 and -result.fun > tolerance else None


def accuracy(y: np.ndarray, z: np.ndarray) -> float:
    """Share of points whose class by the 0.5 threshold (σ(z) ≥ 0.5, i.e. z ≥ 0) is right."""
    return float(np.mean((np.asarray(z) >= 0) == (np.asarray(y) == 1)))


def confusion_matrix(y: np.ndarray, z: np.ndarray) -> np.ndarray:
    """[[TN, FP], [FN, TP]]: rows are the true class 0/1, columns the predicted class 0/1."""
    y_pred = (np.asarray(z) >= 0).astype(int)
    y = np.asarray(y).astype(int)
    return np.array([[np.sum((y == t) & (y_pred == p)) for p in (0, 1)] for t in (0, 1)])


def least_squares_line(x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """(intercept, slope) of the least-squares line through (x, y): linear regression on 0/1."""
    slope, intercept = np.polyfit(np.asarray(x, dtype=float), np.asarray(y, dtype=float), 1)
    return float(intercept), float(slope)


def odds(p: np.ndarray) -> np.ndarray:
    """p / (1 − p), the odds (razón de probabilidad); ∞ at p = 1."""
    p = np.asarray(p, dtype=float)
    with np.errstate(divide="ignore"):
        return p / (1.0 - p)


def parameter_box(
    points: np.ndarray, min_width: tuple[float, float], n: int = 61
) -> tuple[np.ndarray, np.ndarray]:
    """Two grid axes covering the parameter points (shape (k, 2)) with a margin, for a surface.

    Each axis spans 1.5 times the points' extent, and at least ``min_width``.
    """
    points = np.asarray(points, dtype=float)
    lo, hi = points.min(axis=0), points.max(axis=0)
    half = 0.75 * np.maximum(hi - lo, np.asarray(min_width, dtype=float))
    mid = (lo + hi) / 2
    return (np.linspace(mid[0] - half[0], mid[0] + half[0], n),
            np.linspace(mid[1] - half[1], mid[1] + half[1], n))  # fmt: skip


def plane_point(b0: float, beta: np.ndarray) -> tuple[float, float]:
    """The two parameters drawn on a surface: (β₀, β) for one feature, (β₁, β₂) for two."""
    return (float(b0), float(beta[0])) if len(beta) == 1 else (float(beta[0]), float(beta[1]))


def path_points(fit: Fit) -> np.ndarray:
    """The training path in the drawn parameter plane, shape (k+1, 2) (see :func:`plane_point`)."""
    return np.c_[fit.b0, fit.beta[:, 0]] if fit.beta.shape[1] == 1 else fit.beta[:, :2]
