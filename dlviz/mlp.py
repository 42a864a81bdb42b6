"""A 2-2-1 sigmoid multilayer perceptron trained on XOR by backpropagation (beyond the slide).

The slide builds XOR from step units with hand-set weights; here the same shape of network
learns them: H = σ(X W₁ᵀ + b₁), ŷ = σ(H w₂ + b₂), full-batch gradient descent on the mean binary
cross-entropy (or mean squared error), with the gradients from ``dlviz.autodiff`` (reverse mode).
Some random starts get stuck in a flat region or a local minimum: :func:`seed_sweep` counts how
many seeds solve XOR. It runs many seeds at once with the same equations written out by hand
(backprop by the chain rule, vectorised over seeds); the tests check it against the autodiff
trainer. Pure numpy; no plotting, no Streamlit.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from dlviz import autodiff as ad
from dlviz.activations import sigmoid

LOSSES = ("bce", "mse")
_PICK_Z = np.array([[0.0, 1.0]])  # (1, 2): z (n, 1) @ this = [0, z], so logsumexp = log(1 + e^z)


@dataclass(frozen=True)
class Params:
    """W1 (2, 2) hidden weights (row j = hidden unit j), b1 (2,), w2 (2,) output weights, b2."""

    W1: np.ndarray
    b1: np.ndarray
    w2: np.ndarray
    b2: float

    def flat(self) -> np.ndarray:
        return np.concatenate([self.W1.ravel(), self.b1, self.w2, [self.b2]])

    @staticmethod
    def from_flat(v: np.ndarray) -> Params:
        v = np.asarray(v, dtype=float)
        return Params(v[:4].reshape(2, 2), v[4:6], v[6:8], float(v[8]))


def init_params(seed: int, scale: float = 1.0) -> Params:
    """Weights and biases drawn uniformly from [−scale, scale] with ``default_rng(seed)``."""
    return Params.from_flat(np.random.default_rng(seed).uniform(-scale, scale, 9))


def loss_tensor(params: dict[str, ad.Tensor], X: np.ndarray, y: np.ndarray, loss: str) -> ad.Tensor:
    """The loss as an autodiff graph of the parameters ``W1, b1, w2, b2`` (Tensors)."""
    Z1 = ad.Tensor(X) @ params["W1"].T + params["b1"]  # (n, 2) @ (2, 2) -> (n, 2)
    H = ad.sigmoid(Z1)  # (n, 2): hidden activations
    z2 = H @ params["w2"] + params["b2"]  # (n, 2) @ (2,) -> (n,)
    if loss == "bce":  # mean of log(1 + e^z) − y z: the cross-entropy from logits, stable
        softplus = ad.logsumexp(z2.reshape(-1, 1) @ _PICK_Z, axis=-1)  # (n,)
        return ad.mean(softplus - ad.Tensor(y) * z2)
    return ad.mean((ad.sigmoid(z2) - ad.Tensor(y)) ** 2)


def loss_and_gradient(
    p: Params, X: np.ndarray, y: np.ndarray, loss: str = "bce"
) -> tuple[float, Params]:
    """Loss value and its gradient with respect to every parameter, by autodiff."""
    leaves = {
        "W1": ad.Tensor(p.W1, requires_grad=True),
        "b1": ad.Tensor(p.b1, requires_grad=True),
        "w2": ad.Tensor(p.w2, requires_grad=True),
        "b2": ad.Tensor(p.b2, requires_grad=True),
    }
    value = loss_tensor(leaves, X, y, loss)
    value.backward()
    grads = Params(
        leaves["W1"].grad, leaves["b1"].grad, leaves["w2"].grad, float(leaves["b2"].grad)
    )
    return value.item(), grads


def forward(p: Params, X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Hidden activations H (n, 2) and output probabilities (n,), in plain numpy."""
    H = sigmoid(X @ p.W1.T + p.b1)  # (n, 2)
    return H, sigmoid(H @ p.w2 + p.b2)


@dataclass(frozen=True)
class History:
    """Per-epoch record: ``params[k]`` before epoch k+1 (``params[0]`` the start), ``loss[k]``
    the loss there, ``solved`` whether the final network classifies every input (ŷ ≥ 0.5)."""

    params: list[Params]
    loss: np.ndarray
    solved: bool

    @property
    def epochs(self) -> int:
        return len(self.loss) - 1


def train(
    X: np.ndarray,
    y: np.ndarray,
    seed: int = 0,
    eta: float = 1.0,
    epochs: int = 2000,
    loss: str = "bce",
    scale: float = 1.0,
) -> History:
    """Full-batch gradient descent p ← p − η ∇L(p), gradients by ``dlviz.autodiff``."""
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    p = init_params(seed, scale)
    history, losses = [p], []
    for _ in range(epochs):
        value, g = loss_and_gradient(p, X, y, loss)
        losses.append(value)
        p = Params.from_flat(p.flat() - eta * g.flat())
        history.append(p)
    losses.append(loss_and_gradient(p, X, y, loss)[0])
    return History(history, np.array(losses), bool(np.all((forward(p, X)[1] >= 0.5) == (y == 1))))


def seed_sweep(
    X: np.ndarray,
    y: np.ndarray,
    seeds: np.ndarray,
    eta: float = 1.0,
    epochs: int = 2000,
    loss: str = "bce",
    scale: float = 1.0,
) -> tuple[np.ndarray, np.ndarray]:
    """Final loss and solved? for every seed, all seeds trained at once (same start, same steps).

    Backprop by hand, vectorised over S seeds: with a = σ(z₂), dL/dz₂ = (a − y)/n for the mean
    BCE and 2(a − y)a(1 − a)/n for the mean squared error; dL/dZ₁ = dL/dz₂ w₂ ⊙ H(1 − H).
    """
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    P = np.stack([init_params(int(s), scale).flat() for s in seeds])  # (S, 9)
    W1, b1, w2, b2 = P[:, :4].reshape(-1, 2, 2), P[:, 4:6], P[:, 6:8], P[:, 8]
    n = len(y)
    with np.errstate(over="ignore"):
        for _ in range(epochs + 1):
            Z1 = X @ W1.transpose(0, 2, 1) + b1[:, None, :]  # (S, n, 2)
            H = sigmoid(Z1)
            z2 = (H @ w2[:, :, None])[:, :, 0] + b2[:, None]  # (S, n)
            a = sigmoid(z2)
            if loss == "bce":
                values = np.mean(np.logaddexp(0.0, z2) - y * z2, axis=1)
                d_z2 = (a - y) / n
            else:
                values = np.mean((a - y) ** 2, axis=1)
                d_z2 = 2.0 * (a - y) * a * (1.0 - a) / n
            if _ == epochs:
                break
            d_Z1 = d_z2[:, :, None] * w2[:, None, :] * H * (1.0 - H)  # (S, n, 2)
            w2 = w2 - eta * (d_z2[:, None, :] @ H)[:, 0]  # matmul: einsum costs more here
            b2 = b2 - eta * d_z2.sum(axis=1)
            W1 = W1 - eta * (d_Z1.transpose(0, 2, 1) @ X)
            b1 = b1 - eta * d_Z1.sum(axis=1)
    solved = np.all((a >= 0.5) == (y == 1), axis=1)
    return values, solved


def frame_epochs(epochs: int, count: int = 40) -> np.ndarray:
    """About ``count`` epochs to animate, denser at the start where most change happens."""
    picks = np.unique(np.round(np.geomspace(1, epochs + 1, count)).astype(int) - 1)
    return np.union1d(picks, [0, epochs])


def snapshots(
    history: History, X: np.ndarray, count: int = 25, n: int = 21, box: tuple = (-0.5, 1.5)
) -> dict[str, np.ndarray]:
    """What the animation shows at about ``count`` epochs.

    ``epochs`` (F,), ``xs`` (n,) grid coordinates, ``probs`` (F, n, n) ŷ on the grid (rows follow
    x₂), ``hidden`` (F, n_samples, 2) the inputs in hidden space, ``W1`` (F, 2, 2), ``b1`` (F, 2),
    ``w2`` (F, 2), ``b2`` (F,), ``loss`` (F,), ``loss_curve`` (epochs+1,) every epoch.
    """
    epochs = frame_epochs(history.epochs, count)
    xs = np.linspace(box[0], box[1], n)
    grid = np.stack(np.meshgrid(xs, xs), axis=-1).reshape(-1, 2)  # (n*n, 2), x₁ fastest
    picked = [history.params[k] for k in epochs]
    return {
        "epochs": epochs,
        "xs": xs,
        "probs": np.round([forward(p, grid)[1].reshape(n, n) for p in picked], 3),  # for display
        "hidden": np.array([forward(p, np.asarray(X, dtype=float))[0] for p in picked]),
        "W1": np.array([p.W1 for p in picked]),
        "b1": np.array([p.b1 for p in picked]),
        "w2": np.array([p.w2 for p in picked]),
        "b2": np.array([p.b2 for p in picked]),
        "loss": history.loss[epochs],
        "loss_curve": history.loss,
    }
