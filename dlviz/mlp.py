"""A 2-2-1 sigmoid multilayer perceptron trained on XOR by backpropagation (beyond the slide).

The slide builds XOR from step units with hand-set weights; here the same shape of network
learns them: H = σ(X W₁ᵀ + b₁), ŷ = σ(H w₂ + b₂), full-batch gradient descent on the mean binary
cross-entropy (or mean squared error). Two trainers give the same numbers: :func:`train` takes
the gradients from ``dlviz.autodiff`` (reverse mode) one network at a time; :func:`train_many`
writes backprop out by hand (the chain rule, :func:`backprop`) and trains many networks at once
(every seed with every η, one numpy step per epoch), which is what a page can afford. The tests
check one against the other. Some random starts get stuck in a flat region or a local minimum:
:func:`seed_sweep` counts how many seeds solve XOR. Pure numpy; no plotting, no Streamlit.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from dlviz import autodiff as ad
from dlviz.activations import sigmoid

LOSSES = ("bce", "mse")
# The parameters in the order of Params.flat: W₁ row by row (row j = hidden unit j), b₁, w₂, b₂.
PARAMETER_NAMES = (
    "W₁[1,1]",
    "W₁[1,2]",
    "W₁[2,1]",
    "W₁[2,2]",
    "b₁[1]",
    "b₁[2]",
    "w₂[1]",
    "w₂[2]",
    "b₂",
)
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


def forward_backward(
    W1: np.ndarray, b1: np.ndarray, w2: np.ndarray, b2: np.ndarray, X, y, loss: str
) -> tuple[np.ndarray, np.ndarray, tuple[np.ndarray, ...]]:
    """Loss (N,), output ŷ (N, n) and gradients (of W1, b1, w2, b2) of N networks at once:
    ``W1`` (N, 2, 2), ``b1`` (N, 2), ``w2`` (N, 2), ``b2`` (N,) on the inputs X (n, 2).

    Backprop by hand: with a = σ(z₂), dL/dz₂ = (a − y)/n for the mean BCE and
    2(a − y)a(1 − a)/n for the mean squared error; dL/dZ₁ = dL/dz₂ w₂ ⊙ H(1 − H).
    """
    n = len(y)
    Z1 = X @ W1.transpose(0, 2, 1) + b1[:, None, :]  # (N, n, 2)
    H = sigmoid(Z1)
    z2 = (H @ w2[:, :, None])[:, :, 0] + b2[:, None]  # (N, n)
    a = sigmoid(z2)
    if loss == "bce":
        values = np.mean(np.logaddexp(0.0, z2) - y * z2, axis=1)
        d_z2 = (a - y) / n
    else:
        values = np.mean((a - y) ** 2, axis=1)
        d_z2 = 2.0 * (a - y) * a * (1.0 - a) / n
    d_Z1 = d_z2[:, :, None] * w2[:, None, :] * H * (1.0 - H)  # (N, n, 2)
    grads = (
        d_Z1.transpose(0, 2, 1) @ X,  # W1 (N, 2, 2)
        d_Z1.sum(axis=1),  # b1 (N, 2)
        (d_z2[:, None, :] @ H)[:, 0],  # w2 (N, 2); matmul: einsum costs more here
        d_z2.sum(axis=1),  # b2 (N,)
    )
    return values, a, grads


def backprop(p: Params, X: np.ndarray, y: np.ndarray, loss: str = "bce") -> tuple[float, Params]:
    """Loss value and gradient by the chain rule written out by hand (what the fast trainer
    uses); :func:`loss_and_gradient` gets the same numbers from ``dlviz.autodiff``."""
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    values, _, (gW1, gb1, gw2, gb2) = forward_backward(
        p.W1[None], p.b1[None], p.w2[None], np.array([p.b2]), X, y, loss
    )
    return float(values[0]), Params(gW1[0], gb1[0], gw2[0], float(gb2[0]))


def _flat(W1: np.ndarray, b1: np.ndarray, w2: np.ndarray, b2: np.ndarray) -> np.ndarray:
    """(N, 9) in the order of :meth:`Params.flat`."""
    return np.concatenate([W1.reshape(len(W1), 4), b1, w2, b2[:, None]], axis=1)


def _descend(
    start: np.ndarray, eta: np.ndarray, X, y, epochs: int, loss: str, keep: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Full-batch gradient descent of N networks from ``start`` (N, 9) with their own η (N,).

    Returns the loss (epochs+1, N) and solved? (epochs+1, N) after every epoch, and the
    parameters (len(keep), N, 9) after the epochs ``keep`` (sorted, ≤ epochs).
    """
    W1, b1 = start[:, :4].reshape(-1, 2, 2), start[:, 4:6]
    w2, b2 = start[:, 6:8], start[:, 8]
    N = len(start)
    losses, solved = np.empty((epochs + 1, N)), np.empty((epochs + 1, N), dtype=bool)
    kept, wanted = [], set(int(k) for k in keep)
    target = y == 1
    eta1, eta2 = eta[:, None], eta[:, None, None]
    with np.errstate(over="ignore"):
        for k in range(epochs + 1):
            if k in wanted:
                kept.append(_flat(W1, b1, w2, b2))
            values, a, (gW1, gb1, gw2, gb2) = forward_backward(W1, b1, w2, b2, X, y, loss)
            losses[k] = values
            solved[k] = np.all((a >= 0.5) == target, axis=1)
            if k == epochs:
                break
            W1, b1, w2, b2 = W1 - eta2 * gW1, b1 - eta1 * gb1, w2 - eta1 * gw2, b2 - eta * gb2
    return losses, solved, np.array(kept).reshape(len(kept), N, 9)


@dataclass(frozen=True)
class Runs:
    """Networks trained together by :func:`train_many`, one per (η, seed): ``etas`` (E,) ×
    ``seeds`` (S,).

    ``loss[k, i, j]`` and ``solved[k, i, j]`` after k epochs with η = etas[i] from seed
    seeds[j]; ``params[q, i, j]`` (9,) after ``kept[q]`` epochs (``kept`` sorted, with 0 and
    every epoch of :func:`frame_epochs`).
    """

    X: np.ndarray
    y: np.ndarray
    loss_name: str
    etas: np.ndarray
    seeds: np.ndarray
    loss: np.ndarray
    solved: np.ndarray
    kept: np.ndarray
    params: np.ndarray

    @property
    def epochs(self) -> int:
        return len(self.loss) - 1

    def params_at(self, i: int, j: int, epochs: int) -> np.ndarray:
        """The flat parameters (9,) of network (i, j) after ``epochs`` epochs: kept, or the
        descent resumed from the last kept epoch before (the same arithmetic, one network)."""
        q = int(np.searchsorted(self.kept, epochs, side="right")) - 1
        start, done = self.params[q, i, j], int(self.kept[q])
        if done == epochs:
            return start
        eta = self.etas[i : i + 1]
        _, _, end = _descend(start[None], eta, self.X, self.y, epochs - done, self.loss_name,
                             np.array([epochs - done]))  # fmt: skip
        return end[0, 0]

    def history(self, i: int, j: int, epochs: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Network (i, j) trained for exactly ``epochs`` epochs, as the animation shows it: the
        epochs of :func:`frame_epochs`, the flat parameters there (F, 9), and the loss after
        every epoch (epochs+1,)."""
        picks = frame_epochs(epochs)
        rows = np.searchsorted(self.kept, picks[:-1])
        flat = np.vstack([self.params[rows, i, j], self.params_at(i, j, epochs)[None]])
        return picks, flat, self.loss[: epochs + 1, i, j]


def train_many(
    X: np.ndarray,
    y: np.ndarray,
    seeds,
    etas=(1.0,),
    epochs: int = 2000,
    loss: str = "bce",
    scale: float = 1.0,
    keep=(),
) -> Runs:
    """Every seed with every η, all trained at once with the backprop of :func:`backprop`
    (vectorised over the networks: one numpy step per epoch for all of them). Each network's
    numbers are those of training it alone; the tests check them against :func:`train`
    (autodiff). Parameters are kept at 0, at every :func:`frame_epochs` epoch and at ``keep``.
    """
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    seeds, etas = np.asarray(seeds, dtype=int), np.asarray(etas, dtype=float)
    start = np.stack([init_params(int(s), scale).flat() for s in seeds])  # (S, 9)
    E, S = len(etas), len(seeds)
    kept = np.union1d(frame_epochs(epochs), [k for k in keep if 0 <= k <= epochs]).astype(int)
    losses, solved, params = _descend(np.tile(start, (E, 1)), np.repeat(etas, S), X, y,
                                      epochs, loss, kept)  # fmt: skip
    return Runs(X, y, loss, etas, seeds, losses.reshape(-1, E, S), solved.reshape(-1, E, S),
                kept, params.reshape(len(kept), E, S, 9))  # fmt: skip


def seed_sweep(
    X: np.ndarray,
    y: np.ndarray,
    seeds: np.ndarray,
    eta: float = 1.0,
    epochs: int = 2000,
    loss: str = "bce",
    scale: float = 1.0,
) -> tuple[np.ndarray, np.ndarray]:
    """Final loss and solved? for every seed, all seeds trained at once (:func:`train_many`)."""
    runs = train_many(X, y, seeds, (eta,), epochs, loss, scale)
    return runs.loss[-1, 0], runs.solved[-1, 0]


# Epochs the animation shows: round numbers, denser at the start where most change happens.
# Fixed (not spread over each run's length), so that runs of any length share them.
_NICE = (1, 2, 3, 5)


def frame_epochs(epochs: int) -> np.ndarray:
    """The epochs to animate: 0 and the round numbers 1, 2, 3, 5, 10, 20, 30, 50, 100, 200, …
    below ``epochs``, and ``epochs`` itself (16 frames for 3000 epochs)."""
    nice = [m * 10**e for e in range(len(str(max(epochs, 1)))) for m in _NICE]
    picks = {v for v in nice if v < epochs}
    return np.array(sorted({0, *picks, epochs}))


def snapshots(history: History, X: np.ndarray, n: int = 13, box: tuple = (-0.5, 1.5)) -> dict:
    """What the animation shows of an autodiff :class:`History` (see :func:`frames`)."""
    picks = frame_epochs(history.epochs)
    flat = np.array([history.params[k].flat() for k in picks])
    return frames(picks, flat, history.loss, X, n, box)


def frames(
    epochs: np.ndarray,
    flat: np.ndarray,
    loss_curve: np.ndarray,
    X: np.ndarray,
    n: int = 13,
    box: tuple = (-0.5, 1.5),
) -> dict[str, np.ndarray]:
    """What the animation shows at the ``epochs`` (F,) where the parameters are ``flat`` (F, 9).

    ``epochs``, ``xs`` (n,) grid coordinates, ``probs`` (F, n, n) ŷ on the grid (rows follow
    x₂), ``hidden`` (F, n_samples, 2) the inputs in hidden space, ``W1`` (F, 2, 2), ``b1`` (F, 2),
    ``w2`` (F, 2), ``b2`` (F,), ``loss`` (F,), ``loss_curve`` (epochs+1,) every epoch.
    """
    xs = np.linspace(box[0], box[1], n)
    grid = np.stack(np.meshgrid(xs, xs), axis=-1).reshape(-1, 2)  # (n*n, 2), x₁ fastest
    picked = [Params.from_flat(v) for v in flat]
    return {
        "epochs": np.asarray(epochs),
        "xs": xs,
        "probs": np.round([forward(p, grid)[1].reshape(n, n) for p in picked], 3),  # for display
        "hidden": np.array([forward(p, np.asarray(X, dtype=float))[0] for p in picked]),
        "W1": np.array([p.W1 for p in picked]),
        "b1": np.array([p.b1 for p in picked]),
        "w2": np.array([p.w2 for p in picked]),
        "b2": np.array([p.b2 for p in picked]),
        "loss": np.asarray(loss_curve)[np.asarray(epochs)],
        "loss_curve": np.asarray(loss_curve),
    }
