"""Softmax regression trained by mini-batch gradient descent (the lecture's MNIST slides).

What it is: a one-layer classifier Z = X Wᵀ + b, A = softmax(Z), trained on batches of N_b
flattened images (the slide's N_b × 784) with W ← W − η ∂L/∂W, ∂L/∂W = (A − Y)ᵀ X / N_b.
Estimator-style (Raschka / scikit-learn): ``fit`` returns ``self``; learned state ends in ``_``
(``W_``, ``b_``, ``history_``). What it is not: a general neural-network library.

Speed and memory: float32 batches, the gradient written out by hand (no autodiff graph), one-hot
targets built once, one shuffle of the indices per epoch, and the per-epoch train/test metrics
from one product per set. The images are only read, never copied: a training on the full MNIST
(70,000 × 784 float32, 220 MB) adds its one-hot targets and its weights, a few MB.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dlviz.softmax import log_softmax, softmax

# The page's default schedule, for its default data (MNIST's 5,000 real digits, 4,000 to train).
# On the seeded 80/20 split (seeds 0, 1, 2) its 10 epochs end at or above scikit-learn's
# LogisticRegression(max_iter=200) test accuracy (89.4 % against 88.7 % for seed 0) in about a
# sixth of its time on one thread, per-epoch history included (``python -m bench.softmax``).
DEFAULT_ETA, DEFAULT_BATCH, DEFAULT_EPOCHS = 0.2, 64, 10


@dataclass
class Metrics:
    """Loss (mean cross-entropy) and accuracy of the model on one set."""

    loss: float
    accuracy: float


class SoftmaxRegression:
    """Multiclass logistic (softmax) regression with mini-batch SGD.

    Parameters
    ----------
    eta : float
        Learning rate η.
    batch_size : int
        N_b, samples per update (the last batch of an epoch may be smaller).
    epochs : int
        Passes over the training set.
    seed : int
        Seeds the shuffling of every epoch (weights start at zero).

    Attributes
    ----------
    W_ : ndarray of shape (K, m); b_ : ndarray of shape (K,)
    history_ : DataFrame, one row per epoch (epoch 0 = before training):
        epoch, train_loss, train_accuracy, test_loss, test_accuracy (test columns NaN without
        a test set).
    diverged_ : int or None
        The epoch where the loss stopped being finite (training stops there), else None.
    """

    def __init__(self, eta: float = 0.5, batch_size: int = 32, epochs: int = 20, seed: int = 0):
        self.eta, self.batch_size, self.epochs, self.seed = eta, batch_size, epochs, seed

    def net_input(self, X: np.ndarray) -> np.ndarray:
        """Z = X Wᵀ + b: (N, m) @ (m, K) + (K,) -> (N, K)."""
        return X @ self.W_.T + self.b_

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        """A = softmax(Z), shape (N, K)."""
        return softmax(self.net_input(np.asarray(X, dtype=np.float32)))

    def predict(self, X: np.ndarray) -> np.ndarray:
        """The most probable class of each row, shape (N,)."""
        return self.net_input(np.asarray(X, dtype=np.float32)).argmax(axis=1)

    def evaluate(self, X: np.ndarray, y: np.ndarray) -> Metrics:
        """Mean cross-entropy (from the logits, stable) and accuracy on (X, y)."""
        Z = self.net_input(X)  # (N, K)
        log_a = log_softmax(Z)
        loss = -float(log_a[np.arange(len(y)), y].mean())
        return Metrics(loss, float((Z.argmax(axis=1) == y).mean()))

    def fit(
        self,
        X: np.ndarray,
        y: np.ndarray,
        X_test: np.ndarray | None = None,
        y_test: np.ndarray | None = None,
        n_classes: int | None = None,
        callback: Callable[[int, dict], bool | None] | None = None,
    ) -> SoftmaxRegression:
        """Train on X (N, m) with labels y (N,) in 0…K−1; ``callback(epoch, row)`` after each
        epoch (for a progress bar and live curves); training stops early if it returns True."""
        run = Training(X, y, X_test, y_test, self.eta, self.batch_size, self.seed, n_classes)
        if callback:
            callback(0, run.rows[0])
        run.train(self.epochs, callback)
        return run.model(self.epochs, into=self)


# What one epoch costs, in CPU seconds, on the course's 2-core server (``time.process_time``,
# best of three; the figures of a full MNIST are overestimated by up to a third): a fixed cost
# per mini-batch (a dozen small numpy calls), per value of the images the epoch reads (the
# batches' products and the metrics over the training and test sets) and per epoch.
STEP_SECONDS, VALUE_SECONDS, EPOCH_SECONDS = 30e-6, 3e-9, 5e-4


def epoch_seconds(n_train: int, n_test: int, m: int, batch_size: int) -> float:
    """The estimated CPU seconds of one epoch on n_train images of m pixels in batches of
    ``batch_size`` (and the metrics on n_test more): 44 ms for the 8×8 digits with N_b = 1,
    about 2 s for a full MNIST with N_b = 1, 0.3 s with N_b = 32."""
    steps = -(-n_train // batch_size)
    values = (2 * n_train + n_test) * (m + 1)
    return STEP_SECONDS * steps + VALUE_SECONDS * values + EPOCH_SECONDS


class Training:
    """Softmax regression trained epoch by epoch, keeping the weights after every epoch.

    ``train(E)`` trains on to epoch E (it may be called again with a larger E and goes on
    where it stopped); ``model(e)`` is the model after epoch e ≤ E, exactly what
    ``SoftmaxRegression(eta, batch_size, e, seed).fit(...)`` gives: the weights start at zero
    and each epoch draws its shuffle from one seeded generator, so the first e epochs of a
    longer training are the same e epochs. An epochs slider thus shows part of one training.
    ``train`` holds a lock: one training may be shared by several sessions.
    """

    def __init__(
        self,
        X: np.ndarray,
        y: np.ndarray,
        X_test: np.ndarray | None = None,
        y_test: np.ndarray | None = None,
        eta: float = 0.5,
        batch_size: int = 32,
        seed: int = 0,
        n_classes: int | None = None,
    ) -> None:
        self.X = np.asarray(X, dtype=np.float32)  # (N, m): the caller's array, only read
        y = np.asarray(y, dtype=np.intp)
        N, m = self.X.shape
        K = n_classes or int(y.max()) + 1
        self.eta, self.batch_size, self.seed = eta, batch_size, seed
        self.Y = np.eye(K, dtype=np.float32)[y]  # one-hot targets, built once: (N, K)
        # W₁ = [W | b] in one array, kept after every epoch; W and b are views of it.
        self.W1 = np.zeros((K, m + 1), dtype=np.float32)
        self.W, self.b = self.W1[:, :m], self.W1[:, m]
        self.metrics = _EpochMetrics(self.X, y, X_test, y_test)
        self.rng = np.random.default_rng(seed)
        self.rows = [self.metrics.row(0, self.W1)]  # one per epoch, epoch 0 = before training
        self.weights = [_frozen(self.W1)]  # W₁ after each epoch, read only (shared)
        self.diverged: int | None = None  # the epoch where the loss stopped being finite
        self._lock = threading.Lock()

    @property
    def epoch_seconds(self) -> float:
        """The estimated CPU seconds of one more epoch (``epoch_seconds``)."""
        n_test = len(self.metrics.sets[1][1]) if len(self.metrics.sets) == 2 else 0
        return epoch_seconds(len(self.X), n_test, self.X.shape[1], self.batch_size)

    @property
    def epochs(self) -> int:
        """Epochs trained so far."""
        return len(self.rows) - 1

    def train(
        self, epochs: int, callback: Callable[[int, dict], bool | None] | None = None
    ) -> None:
        """Train on up to epoch ``epochs`` (not past a divergence); ``callback(epoch, row)``
        after each epoch stops the training when it returns True."""
        with self._lock:
            while self.epochs < epochs and self.diverged is None:
                row = self.step()
                if callback and callback(row["epoch"], row) is True:
                    break

    def step(self) -> dict:
        """One epoch of mini-batch gradient descent, per batch of N_b shuffled images:
        W ← W − η (A − Y)ᵀ X / N_b and b ← b − η Σᵢ (aᵢ − yᵢ) / N_b."""
        W, b, nb = self.W, self.b, self.batch_size
        order = self.rng.permutation(len(self.X))  # a new shuffle each epoch
        with np.errstate(over="ignore", invalid="ignore"):
            for start in range(0, len(order), nb):
                batch = order[start : start + nb]
                Xb, Yb = self.X[batch], self.Y[batch]  # (N_b, m), (N_b, K)
                Z = Xb @ W.T  # (N_b, m) @ (m, K) -> (N_b, K)
                Z += b
                Z -= Z.max(axis=1, keepdims=True)
                A = np.exp(Z, out=Z)
                A /= A.sum(axis=1, keepdims=True)
                A -= Yb  # A − Y = ∂L/∂Z · N_b
                A *= np.float32(self.eta / len(Xb))  # η (A − Y) / N_b
                W -= A.T @ Xb  # (K, N_b) @ (N_b, m) -> (K, m)
                b -= A.sum(axis=0)
        row = self.metrics.row(self.epochs + 1, self.W1)
        self.rows.append(row)
        self.weights.append(_frozen(self.W1))
        if not np.isfinite(row["train_loss"]):
            self.diverged = row["epoch"]
        return row

    def model(self, epochs: int, into: SoftmaxRegression | None = None) -> SoftmaxRegression:
        """The model after ``epochs`` epochs (or after the last one trained, if fewer)."""
        model = into or SoftmaxRegression(self.eta, self.batch_size, epochs, self.seed)
        e = min(epochs, self.epochs)
        W1 = self.weights[e]
        model.W_, model.b_ = W1[:, :-1], W1[:, -1]  # views of W₁ = [W | b]
        model.history_ = pd.DataFrame(self.rows[: e + 1])
        model.diverged_ = (
            self.diverged if self.diverged is not None and self.diverged <= e else None
        )
        return model


def _frozen(array: np.ndarray) -> np.ndarray:
    copy = array.copy()
    copy.flags.writeable = False
    return copy


class _EpochMetrics:
    """Loss and accuracy of W₁ = [W | b] on the training and test sets after each epoch, one
    matrix product per set (its images only read: Xᵀ is a view). The logits are laid out (K, N),
    so the reductions over the K classes run along long contiguous rows: the history costs
    little next to an epoch."""

    def __init__(self, X, y, X_test, y_test) -> None:
        self.sets = [(X, y)]
        if X_test is not None and y_test is not None:
            self.sets.append((np.asarray(X_test, np.float32), np.asarray(y_test, np.intp)))

    @staticmethod
    def _measure(W1: np.ndarray, X: np.ndarray, y: np.ndarray) -> tuple[float, float]:
        """Mean cross-entropy and accuracy of W₁ on (X, y)."""
        with np.errstate(over="ignore", invalid="ignore"):
            Z = W1[:, :-1] @ X.T  # (K, m) @ (m, N) -> (K, N)
            Z += W1[:, -1:]
            zmax = Z.max(axis=0)
            lse = zmax + np.log(np.exp(Z - zmax).sum(axis=0, dtype=np.float64))
            loss = lse - Z[y, np.arange(len(y))]  # −log a_true, per sample
            return float(loss.mean()), float((Z.argmax(axis=0) == y).mean())

    def row(self, epoch: int, W1: np.ndarray) -> dict:
        train = self._measure(W1, *self.sets[0])
        test = self._measure(W1, *self.sets[1]) if len(self.sets) == 2 else (np.nan, np.nan)
        return {
            "epoch": epoch,
            "train_loss": train[0],
            "train_accuracy": train[1],
            "test_loss": float(test[0]),
            "test_accuracy": float(test[1]),
        }


def confusion_matrix(y_true: np.ndarray, y_pred: np.ndarray, K: int) -> np.ndarray:
    """Counts C[t, p] of samples of true class t predicted as p, shape (K, K)."""
    C = np.zeros((K, K), dtype=int)
    np.add.at(C, (np.asarray(y_true), np.asarray(y_pred)), 1)
    return C


def misclassified(
    model: SoftmaxRegression, X: np.ndarray, y: np.ndarray, limit: int = 12
) -> tuple[np.ndarray, np.ndarray]:
    """Indices of up to ``limit`` wrongly predicted rows of X (most confident mistakes first)
    and their class probabilities, shape (n, K)."""
    A = model.predict_proba(X)
    wrong = np.flatnonzero(A.argmax(axis=1) != y)
    wrong = wrong[np.argsort(-A[wrong].max(axis=1), kind="stable")][:limit]
    return wrong, A[wrong]


def summary(row: pd.Series | dict) -> dict[str, str]:
    """One epoch's row of the history, formatted for a sentence: epoch, test/train accuracy
    (percent) and test/train loss."""
    return {
        "epoch": str(int(row["epoch"])),
        "test": f"{row['test_accuracy']:.2%}",
        "train": f"{row['train_accuracy']:.2%}",
        "loss": f"{row['test_loss']:.4f}",
        "train_loss": f"{row['train_loss']:.4f}",
    }


def mistakes(
    model: SoftmaxRegression, X: np.ndarray, y: np.ndarray, limit: int = 10
) -> tuple[np.ndarray, list[str], pd.DataFrame]:
    """The misclassified images (n, m), titles "true → predicted (probability)" and a table of
    every class probability with the true class."""
    wrong, probs = misclassified(model, X, y, limit)
    titles = [f"{y[i]} → {p.argmax()} ({p.max():.0%})" for i, p in zip(wrong, probs, strict=True)]
    table = pd.DataFrame(probs, columns=[str(k) for k in range(probs.shape[1])])
    return X[wrong], titles, table.assign(true=y[wrong])


def report_on_test_set(model: SoftmaxRegression, X: np.ndarray, y: np.ndarray, K: int = 10) -> dict:
    """What the page shows of a trained model on the test set, computed once per training:
    ``confusion`` (K, K) and ``mistakes`` (images, titles, probability table)."""
    return {
        "confusion": confusion_matrix(y, model.predict(X), K),
        "mistakes": mistakes(model, X, y),
    }
