"""Softmax, one-hot targets, categorical cross-entropy and their derivatives (lecture 03,
"Regresión Logística Multiclase").

What it is: the math of the Softmax page, in the lecture's notation: a row of logits z gives
probabilities a = softmax(z); a batch is Z = X Wᵀ + b (N×K) with W of shape K×m; A and Y are
N×K (softmax outputs, one-hot targets); the loss is the mean over rows of −Σ_j y_j log a_j.
What it is not: the training loop (``dlviz.softmax_regression``) or data loading (``dlviz.digits``).

Numerics: ``softmax`` subtracts the row max, so logits of ±1e6 stay finite; the loss from
logits uses log-sum-exp. ``naive_softmax`` exists only to *show* the overflow, and computes
under ``np.errstate`` so no RuntimeWarning escapes.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from dlviz import autodiff
from dlviz.activations import softmax  # noqa: F401  (public: dlviz.softmax.softmax)
from dlviz.params import WHOLE

# The slide's 4×3 example ("Función de costo"): one-hot targets and rounded softmax outputs.
LECTURE_Y = np.array([[1, 0, 0], [0, 1, 0], [0, 0, 1], [0, 0, 1]], dtype=float)
LECTURE_A = np.array(
    [
        [0.3792, 0.3104, 0.3104],
        [0.3072, 0.4147, 0.2780],
        [0.4263, 0.2248, 0.3490],
        [0.2668, 0.2978, 0.4354],
    ]
)
EXPLORER_Z = (2.0, 1.0, 0.1, -1.0, 0.5, 1.5, -0.5, 3.0, -2.0, 0.0)  # default logits z1…z10
SHIFTS = (0.0, 10.0, 100.0, 500.0, 700.0, 710.0, 1000.0, 10000.0)  # the overflow demo's c
OVERFLOWED = "inf/inf = nan"  # a naive softmax entry whose e^z and Σ e^z overflowed
ROW_SUM_TOLERANCE = 1e-3  # the slide rounds A to 4 decimals: its rows sum to 0.9999 … 1.0001


class SoftmaxInputError(ValueError):
    """A matrix A or Y (or a label list) that cannot be used; ``code`` and ``details`` let the
    page show a translated message (text keys ``bad.<code>``)."""

    def __init__(self, code: str, **details: object) -> None:
        super().__init__(f"{code}: {details}")
        self.code = code
        self.details = details


# -- the function -----------------------------------------------------------------------------
def naive_softmax(z: np.ndarray) -> np.ndarray:
    """e^z / Σ e^z exactly as written, without the max shift: overflows to inf/inf = nan for
    logits above ~709 (computed silently: the page shows the nan, no warning is raised)."""
    with np.errstate(over="ignore", invalid="ignore"):
        E = np.exp(np.asarray(z, dtype=float))
        return E / E.sum(axis=-1, keepdims=True)


def overflow_demo(z: np.ndarray) -> pd.DataFrame:
    """Max-subtracted and naive softmax of the logits ``z`` side by side (one row per class);
    the naive column is text, so that where e^z overflowed it reads what happened,
    "inf/inf = nan" (a raw nan would show as a missing value)."""
    z = np.asarray(z, dtype=float)
    with np.errstate(over="ignore"):
        exp_z = np.exp(z)
    return pd.DataFrame(
        {
            "class": np.arange(1, len(z) + 1),
            "z": z,
            "exp_z": exp_z,
            "exp_shifted": np.exp(z - z.max()),
            "stable": softmax(z),
            "naive": [f"{v:.6g}" if np.isfinite(v) else OVERFLOWED for v in naive_softmax(z)],
        }
    )


def log_softmax(Z: np.ndarray) -> np.ndarray:
    """log softmax(Z) row-wise, as Z − logsumexp(Z) (finite for any finite logits)."""
    Z = np.asarray(Z, dtype=float)
    m = Z.max(axis=-1, keepdims=True)
    return Z - m - np.log(np.exp(Z - m).sum(axis=-1, keepdims=True))


# -- one-hot targets and validation -----------------------------------------------------------
def one_hot(labels: np.ndarray, K: int | None = None) -> np.ndarray:
    """Labels 0…K−1 (shape (N,)) as one-hot rows, shape (N, K); K defaults to max label + 1."""
    labels = np.asarray(labels)
    if labels.ndim != 1 or labels.size == 0:
        raise SoftmaxInputError("labels_empty")
    if labels.dtype.kind == "f" and not np.all(np.isfinite(labels) & (labels == np.round(labels))):
        raise SoftmaxInputError("labels_int")
    labels = labels.astype(int)
    if labels.min() < 0:
        raise SoftmaxInputError("labels_negative", value=int(labels.min()))
    K = int(labels.max()) + 1 if K is None else K
    if labels.max() >= K:
        raise SoftmaxInputError("labels_range", value=int(labels.max()), K=K)
    Y = np.zeros((labels.size, K))
    Y[np.arange(labels.size), labels] = 1.0
    return Y


def parse_labels(text: str, max_count: int = 30, max_label: int = 9) -> np.ndarray:
    """A label vector typed by a student, "2, 0, 1 1": whole numbers 0…``max_label``."""
    parts = text.replace(",", " ").replace(";", " ").split()
    if not parts:
        raise SoftmaxInputError("labels_empty")
    if len(parts) > max_count:
        raise SoftmaxInputError("labels_many", count=len(parts), maximum=max_count)
    for part in parts:  # ASCII digits only: "2²" or "①" pass str.isdigit() but not int()
        if not WHOLE.fullmatch(part) or int(part) < 0:
            raise SoftmaxInputError("labels_int_text", value=part[:20])
        if int(part) > max_label:
            raise SoftmaxInputError("labels_range", value=int(part), K=max_label + 1)
    return np.array([int(part) for part in parts])


def _as_matrix(M: object, name: str) -> np.ndarray:
    try:
        M = np.asarray(M, dtype=float)
    except (TypeError, ValueError):
        raise SoftmaxInputError("not_numbers", name=name) from None
    if M.ndim != 2 or M.shape[0] == 0 or M.shape[1] < 2:
        raise SoftmaxInputError("shape", name=name)
    bad = np.argwhere(~np.isfinite(M))
    if bad.size:
        raise SoftmaxInputError("missing", name=name, row=bad[0][0] + 1, col=bad[0][1] + 1)
    return M


def check_distribution(A: object, tolerance: float = ROW_SUM_TOLERANCE) -> np.ndarray:
    """A as a float matrix whose rows are probability distributions, else SoftmaxInputError.

    Each entry must be in [0, 1] and each row must sum to 1 within ``tolerance`` (the slide's
    rounded rows sum to 0.9999 or 1.0001 and are accepted as they are, not renormalised).
    """
    A = _as_matrix(A, "A")
    bad = np.argwhere((A < 0) | (A > 1))
    if bad.size:
        i, j = bad[0]
        raise SoftmaxInputError("probability", row=i + 1, col=j + 1, value=f"{A[i, j]:g}")
    sums = A.sum(axis=1)
    off = np.flatnonzero(np.abs(sums - 1) > tolerance)
    if off.size:
        i = off[0]
        raise SoftmaxInputError("row_sum", row=i + 1, total=f"{sums[i]:.6g}", tol=f"{tolerance:g}")
    return A


def check_one_hot(Y: object, shape: tuple[int, int] | None = None) -> np.ndarray:
    """Y as a float matrix of one-hot rows (exactly one 1, the rest 0), else SoftmaxInputError."""
    Y = _as_matrix(Y, "Y")
    if shape is not None and Y.shape != shape:
        raise SoftmaxInputError(
            "shape_match", a=f"{shape[0]}×{shape[1]}", y=f"{Y.shape[0]}×{Y.shape[1]}"
        )
    for i, row in enumerate(Y):
        if not np.all((row == 0) | (row == 1)) or row.sum() != 1:
            raise SoftmaxInputError("one_hot", row=i + 1)
    return Y


# -- the loss -----------------------------------------------------------------------------------
def sample_losses(Y: np.ndarray, A: np.ndarray) -> np.ndarray:
    """Per-sample cross-entropy L⁽ⁱ⁾ = −Σ_j y_j log a_j, shape (N,).

    Terms with y_j = 0 count as 0 even where a_j = 0; a true class with a_j = 0 gives +inf.
    """
    Y, A = np.asarray(Y, dtype=float), np.asarray(A, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):  # log 0 = −inf; 0·(−inf) masked below
        terms = Y * np.log(A)
    return -np.where(Y != 0, terms, 0.0).sum(axis=1)


def cross_entropy(Y: np.ndarray, A: np.ndarray) -> float:
    r"""Categorical cross-entropy, the **mean** over rows:
    :math:`\mathcal{L} = \frac{1}{n}\sum_i \sum_j -y_j^{[i]} \log a_j^{[i]}`."""
    return float(sample_losses(Y, A).mean())


def cross_entropy_from_logits(Y: np.ndarray, Z: np.ndarray) -> float:
    """The same loss from logits: mean of logsumexp(z) − Σ_j y_j z_j (stable, no log(0))."""
    return float(-(np.asarray(Y, dtype=float) * log_softmax(Z)).sum(axis=1).mean())


def loss_table(Y: np.ndarray, A: np.ndarray) -> pd.DataFrame:
    """One row per sample: the sum −Σ_j y_j log a_j written out, −[1·log(0.3792) + 0·log(…) +
    …], and its value (the slide's numbers; a zero reads 0, never −0)."""
    rows = []
    for i, (y, a) in enumerate(zip(Y, A, strict=True)):
        terms = " + ".join(f"{y_j + 0.0:g}·log({a_j:.4f})" for y_j, a_j in zip(y, a, strict=True))
        rows.append({"sample": i + 1, "sum": f"−[{terms}]"})
    table = pd.DataFrame(rows)
    table["loss"] = sample_losses(Y, A)
    return table


# -- derivatives ---------------------------------------------------------------------------------
def softmax_jacobian(a: np.ndarray) -> np.ndarray:
    """∂a/∂z = diag(a) − a aᵀ (K×K): entry (k, j) is ∂a_k/∂z_j = a_k(δ_kj − a_j).

    Diagonal a_k(1 − a_k) (the slide's a₁(1−a₁)); off-diagonal −a_k a_j (the slide's −a₂a₁).
    """
    a = np.asarray(a, dtype=float)
    return np.diag(a) - np.outer(a, a)


def loss_of_logits(z: np.ndarray, y: np.ndarray) -> float:
    """l(y, z) = log Σ_k e^{z_k} − Σ_j y_j z_j, the loss of one sample from its logits."""
    return float(-(np.asarray(y, dtype=float) * log_softmax(z)).sum())


def finite_difference(
    f: Callable[[np.ndarray], float], x: np.ndarray, h: float = 1e-6
) -> np.ndarray:
    """Central differences (f(x + h e_i) − f(x − h e_i)) / 2h for every entry of x."""
    x = np.asarray(x, dtype=float)
    grad = np.zeros_like(x)
    for index in np.ndindex(x.shape):  # one entry at a time: this is what the check is
        step = np.zeros_like(x)
        step[index] = h
        grad[index] = (f(x + step) - f(x - step)) / (2 * h)
    return grad


def autodiff_dl_dz(z: np.ndarray, y: np.ndarray) -> np.ndarray:
    """∂l/∂z by reverse-mode autodiff (``dlviz.autodiff``) of l = logsumexp(z) − Σ y z."""
    zt = autodiff.Tensor(z, requires_grad=True, label="z")
    loss = autodiff.logsumexp(zt) - autodiff.sum(zt * np.asarray(y, dtype=float))
    loss.backward()
    return zt.grad


def logit_gradient_check(z: np.ndarray, y: np.ndarray) -> pd.DataFrame:
    """∂l/∂z three ways: the formula a − y, autodiff, and finite differences (one row per class)."""
    z, y = np.asarray(z, dtype=float), np.asarray(y, dtype=float)
    formula = softmax(z) - y
    numeric = finite_difference(lambda v: loss_of_logits(v, y), z)
    return pd.DataFrame(
        {
            "class": np.arange(1, len(z) + 1),
            "a_minus_y": formula,
            "autodiff": autodiff_dl_dz(z, y),
            "finite_difference": numeric,
            "gap": np.abs(numeric - formula),
        }
    )


def numeric_jacobian(z: np.ndarray, h: float = 1e-6) -> np.ndarray:
    """∂a/∂z by central differences: column j is (softmax(z + h e_j) − softmax(z − h e_j)) / 2h."""
    z = np.asarray(z, dtype=float)
    steps = np.eye(len(z)) * h
    return np.column_stack([(softmax(z + s) - softmax(z - s)) / (2 * h) for s in steps])


def chain_paths(a: np.ndarray, y: np.ndarray, k: int, x_j: float) -> pd.DataFrame:
    """The slide's picture for ∂L/∂w_{k,j}: one path per class c through a_c,
    (∂L/∂a_c)(∂a_c/∂z_k)(∂z_k/∂w_{k,j}) = (−y_c/a_c)·J[c, k]·x_j; the paths add up to
    (a_k − y_k)·x_j. ``k`` is 0-based."""
    a, y = np.asarray(a, dtype=float), np.asarray(y, dtype=float)
    J = softmax_jacobian(a)
    with np.errstate(divide="ignore", invalid="ignore"):
        dl_da = np.where(y != 0, -y / a, 0.0)  # −y_c/a_c (0 for the classes with y_c = 0)
    return pd.DataFrame(
        {
            "path": [f"a{c + 1}" for c in range(len(a))],
            "dL_da": dl_da,
            "da_dz": J[:, k],
            "dz_dw": np.full(len(a), float(x_j)),
            "product": dl_da * J[:, k] * x_j + 0.0,  # + 0.0 turns −0 into 0
        }
    )


# -- the batch, in matrix form: Z = X Wᵀ + b --------------------------------------------------
def gradients(X: np.ndarray, A: np.ndarray, Y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    r"""Gradients of the mean cross-entropy for Z = X Wᵀ + b, A = softmax(Z).

    Parameters
    ----------
    X : ndarray of shape (N, m)
    A, Y : ndarray of shape (N, K)

    Returns
    -------
    dW : ndarray of shape (K, m), ∂L/∂W = (A − Y)ᵀ X / N
    db : ndarray of shape (K,), ∂L/∂b = column means of A − Y

    Notes
    -----
    ∂L/∂Z = (A − Y)/N. The slide writes :math:`\nabla_W \mathcal{L} = X^\top (A - Y)`, an m×K
    matrix for the sum loss: the transpose of this dW (times N), since here W is K×m.
    """
    X, A, Y = (np.asarray(M, dtype=float) for M in (X, A, Y))
    d_loss__d_z = (A - Y) / X.shape[0]  # (N, K)
    dW = d_loss__d_z.T @ X  # (K, N) @ (N, m) -> (K, m)
    db = d_loss__d_z.sum(axis=0)  # (K,)
    return dW, db


def batch_loss(X: np.ndarray, W: np.ndarray, b: np.ndarray, Y: np.ndarray) -> float:
    """Mean cross-entropy of the batch for weights W (K×m) and bias b (K), from the logits."""
    return cross_entropy_from_logits(Y, X @ W.T + b)  # (N, m) @ (m, K) -> (N, K)


def autodiff_gradients(
    X: np.ndarray, W: np.ndarray, b: np.ndarray, Y: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """(∂L/∂W, ∂L/∂b) by ``dlviz.autodiff``: L = mean(logsumexp(X Wᵀ + b) − Σ Y ⊙ Z)."""
    Wt = autodiff.Tensor(W, requires_grad=True, label="W")
    bt = autodiff.Tensor(b, requires_grad=True, label="b")
    Z = autodiff.Tensor(X) @ Wt.T + bt  # (N, K)
    loss = autodiff.mean(autodiff.logsumexp(Z, axis=1) - autodiff.sum(Z * Y, axis=1))
    loss.backward()
    return Wt.grad, bt.grad


def batch_example(N: int, m: int, K: int, seed: int) -> dict[str, np.ndarray]:
    """A small seeded batch for the matrix-form section: X (N×m), W (K×m), b (K), labels → Y."""
    rng = np.random.default_rng(seed)
    X = np.round(rng.normal(size=(N, m)), 2)
    W = np.round(rng.normal(scale=0.5, size=(K, m)), 2)
    b = np.round(rng.normal(scale=0.1, size=K), 2)
    Y = one_hot(rng.integers(0, K, size=N), K)
    A = softmax(X @ W.T + b)  # (N, m) @ (m, K) + (K,) -> (N, K)
    return {"X": X, "W": W, "b": b, "Y": Y, "A": A}
