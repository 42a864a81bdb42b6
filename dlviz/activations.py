"""The two squashing functions of the lecture, written once and imported everywhere.

``sigmoid`` (logistic regression, the MLP, the parser's ``sigmoid(z)``, autodiff's ``.sigmoid()``)
and ``softmax`` (multiclass regression, the lecture's paths to ∂L/∂w). Both are stable: finite for
any finite input, |z| up to 1e6 and beyond. Pure numpy. ``dlviz.logistic.sigmoid`` and
``dlviz.softmax.softmax`` are these same functions under their lecture topic's name.
"""

from __future__ import annotations

import numpy as np


def sigmoid(z: np.ndarray | float) -> np.ndarray:
    """σ(z) = 1 / (1 + e^(−z)), computed without overflow: e^(−|z|) never exceeds 1."""
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def softmax(Z: np.ndarray, temperature: float = 1.0) -> np.ndarray:
    r"""Row-wise softmax, stable for any finite logits.

    Parameters
    ----------
    Z : ndarray of shape (K,) or (N, K)
        Logits, one row per sample.
    temperature : float, default 1
        T > 0: a = softmax(z / T). Large T flattens the probabilities, small T sharpens them.

    Returns
    -------
    ndarray of the same shape: every row is ≥ 0 and sums to 1.

    Notes
    -----
    :math:`a_k = e^{z_k - m} / \sum_j e^{z_j - m}` with :math:`m = \max_j z_j`: the same value
    as :math:`e^{z_k} / \sum_j e^{z_j}`, but no exponent is positive, so nothing overflows.
    """
    Z = np.asarray(Z, dtype=float) / temperature
    shifted = Z - Z.max(axis=-1, keepdims=True)
    E = np.exp(shifted)
    return E / E.sum(axis=-1, keepdims=True)
