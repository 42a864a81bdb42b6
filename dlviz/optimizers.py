"""Step rules that turn a gradient into a parameter update: plain SGD, AdaGrad and Adam.

Lecture 03 ends its SGD example with "el mismo η para todos los parámetros no es óptimo": w
multiplies x ≈ 100 while b multiplies 1, so one η is either too large for w or too small for b.
AdaGrad and Adam give every parameter its own effective step size. Each rule keeps its state in
arrays of the parameters' shape (or a float, for one parameter); ``step(g)`` returns the update
Δθ to add (θ ← θ + Δθ). Pure numpy; no plotting, no Streamlit.
"""

from __future__ import annotations

import numpy as np

OPTIMIZERS = ("sgd", "adagrad", "adam")


class SGD:
    """θ ← θ − η g (the lecture's rule)."""

    def __init__(self, eta: float) -> None:
        self.eta = eta

    def step(self, g: np.ndarray) -> np.ndarray:
        return -self.eta * g


class AdaGrad:
    """θ ← θ − η g / (√G + ε) with G the running sum of g² per parameter (Duchi et al., 2011)."""

    def __init__(self, eta: float, eps: float = 1e-8) -> None:
        self.eta, self.eps = eta, eps
        self.G: np.ndarray | None = None

    def step(self, g: np.ndarray) -> np.ndarray:
        self.G = g * g if self.G is None else self.G + g * g
        return -self.eta * g / (np.sqrt(self.G) + self.eps)


class Adam:
    """Adam (Kingma & Ba, 2015): bias-corrected running means of g and g², step η m̂ / (√v̂ + ε)."""

    def __init__(
        self, eta: float, beta1: float = 0.9, beta2: float = 0.999, eps: float = 1e-8
    ) -> None:
        self.eta, self.beta1, self.beta2, self.eps = eta, beta1, beta2, eps
        self.m: np.ndarray | float = 0.0
        self.v: np.ndarray | float = 0.0
        self.t = 0

    def step(self, g: np.ndarray) -> np.ndarray:
        self.t += 1
        self.m = self.beta1 * self.m + (1 - self.beta1) * g
        self.v = self.beta2 * self.v + (1 - self.beta2) * g * g
        m_hat = self.m / (1 - self.beta1**self.t)
        v_hat = self.v / (1 - self.beta2**self.t)
        return -self.eta * m_hat / (np.sqrt(v_hat) + self.eps)


def make(name: str, eta: float) -> SGD | AdaGrad | Adam:
    """The step rule called ``name`` (one of ``OPTIMIZERS``) with learning rate ``eta``."""
    rules = {"sgd": SGD, "adagrad": AdaGrad, "adam": Adam}
    if name not in rules:
        raise ValueError(f"unknown optimizer {name!r}; use one of {', '.join(OPTIMIZERS)}")
    return rules[name](eta)
