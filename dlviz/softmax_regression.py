"""Softmax regression trained by mini-batch gradient descent (the lecture's MNIST slides).

What it is: a one-layer classifier Z = X Wᵀ + b, A = softmax(Z), trained on batches of N_b
flattened images (the slide's N_b × 784) with W ← W − η ∂L/∂W, ∂L/∂W = (A − Y)ᵀ X / N_b.
Estimator-style (Raschka / scikit-learn): ``fit`` returns ``self``; learned state ends in ``_``
(``W_``, ``b_``, ``history_``). What it is not: a general neural-network library.

Speed: float32 batches, the gradient written out by hand (no autodiff graph), one shuffle per
epoch, and train/test metrics from one matrix product each.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dlviz.softmax import log_softmax, softmax


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
        X = np.ascontiguousarray(X, dtype=np.float32)
        y = np.asarray(y, dtype=np.intp)
        has_test = X_test is not None and y_test is not None
        if has_test:
            X_test = np.ascontiguousarray(X_test, dtype=np.float32)
            y_test = np.asarray(y_test, dtype=np.intp)
        N, m = X.shape
        K = n_classes or int(y.max()) + 1
        self.W_ = np.zeros((K, m), dtype=np.float32)
        self.b_ = np.zeros(K, dtype=np.float32)
        self.diverged_ = None
        eye = np.eye(K, dtype=np.float32)
        rng = np.random.default_rng(self.seed)
        eta = np.float32(self.eta)
        rows = [self._record(0, X, y, X_test, y_test, has_test)]
        if callback:
            callback(0, rows[0])
        for epoch in range(1, self.epochs + 1):
            order = rng.permutation(N)
            Xs, Ys = X[order], eye[y[order]]  # shuffled once per epoch: (N, m), (N, K)
            with np.errstate(over="ignore", invalid="ignore"):
                for start in range(0, N, self.batch_size):
                    Xb, Yb = (
                        Xs[start : start + self.batch_size],
                        Ys[start : start + self.batch_size],
                    )
                    Z = Xb @ self.W_.T + self.b_  # (N_b, m) @ (m, K) -> (N_b, K)
                    Z -= Z.max(axis=1, keepdims=True)
                    A = np.exp(Z)
                    A /= A.sum(axis=1, keepdims=True)
                    d_loss__d_z = (A - Yb) * (eta / len(Xb))  # η (A − Y) / N_b
                    self.W_ -= d_loss__d_z.T @ Xb  # (K, N_b) @ (N_b, m) -> (K, m)
                    self.b_ -= d_loss__d_z.sum(axis=0)
            rows.append(self._record(epoch, X, y, X_test, y_test, has_test))
            if not np.isfinite(rows[-1]["train_loss"]):
                self.diverged_ = epoch
            if (callback and callback(epoch, rows[-1]) is True) or self.diverged_:
                break
        self.history_ = pd.DataFrame(rows)
        return self

    def _record(self, epoch, X, y, X_test, y_test, has_test) -> dict:
        with np.errstate(over="ignore", invalid="ignore"):
            train = self.evaluate(X, y)
            test = self.evaluate(X_test, y_test) if has_test else Metrics(np.nan, np.nan)
        return {
            "epoch": epoch,
            "train_loss": train.loss,
            "train_accuracy": train.accuracy,
            "test_loss": test.loss,
            "test_accuracy": test.accuracy,
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
