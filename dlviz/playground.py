"""The Playground's pure core: TensorFlow Playground's data, inputs and network, trained in numpy.

- Data (:func:`generate`, as TensorFlow Playground's ``dataset.ts``): classification sets
  ``gauss`` (two Gaussian clouds), ``xor`` (four quadrants), ``circle`` (a disc inside a ring),
  ``spiral`` (two interleaved spirals), with labels y ∈ {0, 1}; regression sets ``plane`` and
  ``bumps`` (six Gaussian bumps) with targets y ∈ [−1, 1]. Points lie in the square
  [−BOX, BOX]² (BOX = 6); ``noise`` ∈ [0, 0.5] is TensorFlow Playground's 0–50 % and scales the
  data the same way. Seeded with ``np.random.default_rng(seed)``.
- Inputs (:func:`features`): x₁, x₂, x₁², x₂², x₁x₂, sin x₁, sin x₂.
- Network: the lecture's notation, per layer l = 1..L: z⁽ˡ⁾ = W⁽ˡ⁾a⁽ˡ⁻¹⁾ + b⁽ˡ⁾,
  a⁽ˡ⁾ = g(z⁽ˡ⁾), W⁽ˡ⁾ of shape (n_l, n_{l−1}); in code the samples are rows, Z = A W⁽ˡ⁾ᵀ + b.
  Hidden layers use the chosen activation; the output is σ (classification, mean binary
  cross-entropy from the logit, ``dlviz.logistic.bce_with_logits``, finite for |z| up to 1e6 and
  beyond) or linear (regression, mean ½(ŷ − y)²). Weights start uniform in [−0.5, 0.5] and
  biases at 0.1, as in TensorFlow Playground.
- Objective: the data loss plus reg_rate · R(W), with R = Σ|w| (L1) or ½Σw² (L2) over the
  weights (not the biases); :func:`gradients` is its exact gradient by backpropagation
  written out with numpy (relu'(0) = 0 and, for L1, the subgradient sign(0) = 0, as
  ``dlviz.autodiff``).
- Training (:func:`train`): mini-batch stochastic gradient descent, w ← w − η ∂J/∂w, where J is
  the objective on the batch. Epoch e visits the training points in the order of
  ``np.random.default_rng([seed, e]).permutation``, so training in chunks (0→4, then 4→10)
  gives the same weights bit for bit as training at once (0→10). Non-finite values stop the run
  and keep the last finite weights.
- Pictures (:func:`grid`): one forward pass over an n × n grid of the plane returns every
  neuron's activation, for the decision surface and the per-neuron heatmaps.
- The student's own points (:func:`read_csv_points`): a CSV with columns x1, x2, label (or y),
  parsed by ``dlviz.csvdata``; every problem is a ``CSVError`` with a code.

The training loop is the hot path (the page trains hundreds of epochs per second): the inputs'
features are computed once, each epoch is one index permutation, and a step is a handful of
numpy calls per layer on small float64 arrays (``bench/playground.py`` times it against the same
network in PyTorch). Pure numpy; no plotting, no Streamlit.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from dlviz.activations import sigmoid
from dlviz.csvdata import CSVError, load_csv
from dlviz.logistic import bce_with_logits

CLASSIFICATION = ("gauss", "xor", "circle", "spiral")  # labels y ∈ {0, 1}
REGRESSION = ("plane", "bumps")  # targets y ∈ [-1, 1]
DATASETS = CLASSIFICATION + REGRESSION
PROBLEMS = ("classification", "regression")
FEATURES = (
    "x1",
    "x2",
    "x1sq",
    "x2sq",
    "x1x2",
    "sin1",
    "sin2",
)  # x₁, x₂, x₁², x₂², x₁x₂, sin x₁, sin x₂
ACTIVATIONS = ("relu", "tanh", "sigmoid", "linear")
REGULARIZATIONS = ("none", "l1", "l2")
# TensorFlow Playground's presets.
LEARNING_RATES = (0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
REG_RATES = (0.0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
MAX_LAYERS, MAX_NEURONS, MAX_BATCH = 6, 8, 30
BOX = 6.0  # the plane shown is [-BOX, BOX]², as TF Playground
MAX_NOISE = 0.5
MIN_RATIO, MAX_RATIO = 0.1, 0.9
INIT_WEIGHT, INIT_BIAS = 0.5, 0.1  # weights uniform in [-0.5, 0.5], biases 0.1 (TF Playground)
MAX_CSV_ROWS = 2000
MAX_CSV_BYTES = 2_000_000

Weights = list[tuple[np.ndarray, np.ndarray]]  # per layer l = 1..L: (W (n_l, n_{l-1}), b (n_l,))


def problem_of(name: str) -> str:
    """``"classification"`` or ``"regression"``: the problem a data set name poses."""
    if name in CLASSIFICATION:
        return "classification"
    if name in REGRESSION:
        return "regression"
    raise ValueError(f"unknown data set {name!r}; expected one of {DATASETS}")


# ---------------------------------------------------------------------------------------- data
def _gauss(rng: np.random.Generator, n: int, noise: float) -> tuple[np.ndarray, np.ndarray]:
    variance = 0.5 + noise * (4.0 - 0.5) / 0.5  # TF Playground: noise 0..0.5 → variance 0.5..4
    half = n // 2
    centres = np.repeat(np.array([[2.0, 2.0], [-2.0, -2.0]]), [n - half, half], axis=0)
    X = centres + np.sqrt(variance) * rng.standard_normal((n, 2))
    y = np.repeat([1.0, 0.0], [n - half, half])
    return X, y


def _xor(rng: np.random.Generator, n: int, noise: float) -> tuple[np.ndarray, np.ndarray]:
    X = rng.uniform(-5.0, 5.0, (n, 2))
    X += np.where(X > 0, 0.3, -0.3)  # padding: no point within 0.3 of an axis
    shifted = X + rng.uniform(-5.0, 5.0, (n, 2)) * noise
    y = (shifted[:, 0] * shifted[:, 1] >= 0).astype(float)
    return X, y


def _circle(rng: np.random.Generator, n: int, noise: float) -> tuple[np.ndarray, np.ndarray]:
    radius = 5.0
    half = n // 2
    r = np.concatenate(
        [rng.uniform(0.0, radius * 0.5, n - half), rng.uniform(radius * 0.7, radius, half)]
    )
    angle = rng.uniform(0.0, 2.0 * np.pi, n)
    X = np.column_stack([r * np.sin(angle), r * np.cos(angle)])
    shifted = X + rng.uniform(-radius, radius, (n, 2)) * noise
    y = (np.hypot(shifted[:, 0], shifted[:, 1]) < radius * 0.5).astype(float)
    return X, y


def _spiral(rng: np.random.Generator, n: int, noise: float) -> tuple[np.ndarray, np.ndarray]:
    parts, labels = [], []
    for count, delta, label in ((n - n // 2, 0.0, 1.0), (n // 2, np.pi, 0.0)):
        i = np.arange(count)
        r = i / count * 5.0
        t = 1.75 * i / count * 2.0 * np.pi + delta
        jitter = rng.uniform(-1.0, 1.0, (count, 2)) * noise
        parts.append(np.column_stack([r * np.sin(t), r * np.cos(t)]) + jitter)
        labels.append(np.full(count, label))
    return np.concatenate(parts), np.concatenate(labels)


def _uniform_box(rng: np.random.Generator, n: int, noise: float) -> tuple[np.ndarray, np.ndarray]:
    X = rng.uniform(-BOX, BOX, (n, 2))
    return X, X + rng.uniform(-BOX, BOX, (n, 2)) * noise  # the points, where the label is read


def _plane(rng: np.random.Generator, n: int, noise: float) -> tuple[np.ndarray, np.ndarray]:
    X, shifted = _uniform_box(rng, n, noise)
    # TF Playground's (x₁ + x₂) / 10, kept in [-1, 1] (unclipped it reaches ±1.2 in two
    # corners of the box, ±1.8 with noise).
    return X, np.clip((shifted[:, 0] + shifted[:, 1]) / 10.0, -1.0, 1.0)


BUMPS = (
    (-4.0, 2.5, 1.0),
    (0.0, 2.5, -1.0),
    (4.0, 2.5, 1.0),
    (-4.0, -2.5, -1.0),
    (0.0, -2.5, 1.0),
    (4.0, -2.5, -1.0),
)  # fmt: skip  (centre, sign)


def _bumps(rng: np.random.Generator, n: int, noise: float) -> tuple[np.ndarray, np.ndarray]:
    X, shifted = _uniform_box(rng, n, noise)
    # Each bump: sign · max(0, 1 − d/2) at distance d from its centre; the label is the bump
    # largest in absolute value (the first on a tie), as TF Playground.
    values = np.stack(
        [
            s * np.clip(1.0 - np.hypot(shifted[:, 0] - cx, shifted[:, 1] - cy) / 2.0, 0.0, 1.0)
            for cx, cy, s in BUMPS
        ]  # fmt: skip
    )
    return X, values[np.argmax(np.abs(values), axis=0), np.arange(n)]


_GENERATORS = {"gauss": _gauss, "xor": _xor, "circle": _circle, "spiral": _spiral,
               "plane": _plane, "bumps": _bumps}  # fmt: skip


def generate(
    name: str, n: int = 500, noise: float = 0.0, seed: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """``n`` points X (n, 2) and their labels y (n,) of data set ``name``; noise in [0, 0.5].

    ``gauss``, ``circle`` and ``spiral`` list their label-1 half first (split shuffles)."""
    problem_of(name)
    if not 0.0 <= noise <= MAX_NOISE:
        raise ValueError(f"noise must be in [0, {MAX_NOISE}], got {noise}")
    if n < 2:
        raise ValueError(f"n must be at least 2, got {n}")
    X, y = _GENERATORS[name](np.random.default_rng(seed), int(n), float(noise))
    return X.astype(float), y.astype(float)


@dataclass(frozen=True)
class Data:
    """Raw 2-D points (x₁, x₂) before features, split into training and test points."""

    X_train: np.ndarray  # (n_train, 2)
    y_train: np.ndarray  # (n_train,)
    X_test: np.ndarray  # (n_test, 2)
    y_test: np.ndarray  # (n_test,)
    problem: str  # "classification" | "regression"


def infer_problem(y: np.ndarray) -> str:
    """Classification when every label is 0 or 1, else regression."""
    y = np.asarray(y, dtype=float)
    return "classification" if np.all((y == 0) | (y == 1)) else "regression"


def split(
    X: np.ndarray, y: np.ndarray, ratio: float = 0.5, seed: int = 0, problem: str | None = None
) -> Data:
    """A seeded shuffle, then the first round(ratio · n) points train (at least one point in
    each part when n ≥ 2); ``problem`` is inferred from the labels when not given."""
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if not MIN_RATIO <= ratio <= MAX_RATIO:
        raise ValueError(f"ratio must be in [{MIN_RATIO}, {MAX_RATIO}], got {ratio}")
    if X.ndim != 2 or X.shape[1] != 2 or y.shape != (len(X),) or len(X) < 2:
        raise ValueError(f"expected X (n, 2) and y (n,) with n ≥ 2, got {X.shape}, {y.shape}")
    problem = infer_problem(y) if problem is None else problem
    if problem not in PROBLEMS:
        raise ValueError(f"unknown problem {problem!r}")
    n = len(y)
    order = np.random.default_rng(seed).permutation(n)
    n_train = min(max(round(ratio * n), 1), n - 1)
    train, test = order[:n_train], order[n_train:]
    return Data(X[train], y[train], X[test], y[test], problem)


def dataset(name: str, n: int = 500, noise: float = 0.0, ratio: float = 0.5, seed: int = 0) -> Data:
    """:func:`generate` then :func:`split`, both with ``seed``."""
    X, y = generate(name, n, noise, seed)
    return split(X, y, ratio, seed, problem_of(name))


def points_outside(X: np.ndarray, box: float = BOX) -> int:
    """How many points lie outside the square [−box, box]² (the plane the page draws)."""
    return int(np.count_nonzero(np.any(np.abs(np.asarray(X, dtype=float)) > box, axis=1)))


# ------------------------------------------------------------------------------------ features
_FEATURE_FUNCTIONS = {
    "x1": lambda x1, x2, sin: x1,
    "x2": lambda x1, x2, sin: x2,
    "x1sq": lambda x1, x2, sin: x1 * x1,
    "x2sq": lambda x1, x2, sin: x2 * x2,
    "x1x2": lambda x1, x2, sin: x1 * x2,
    "sin1": lambda x1, x2, sin: sin(x1),
    "sin2": lambda x1, x2, sin: sin(x2),
}


def feature(name: str, x1, x2, sin=np.sin):
    """One feature of the inputs: numpy arrays, or (``sin=autodiff.sin``) autodiff tensors."""
    return _FEATURE_FUNCTIONS[name](x1, x2, sin)


def features(X: np.ndarray, names: tuple[str, ...] | list[str]) -> np.ndarray:
    """The input matrix (n, len(names)): one column per feature, in the order of ``names``."""
    X = np.asarray(X, dtype=float)
    unknown = [name for name in names if name not in _FEATURE_FUNCTIONS]
    if unknown:
        raise ValueError(f"unknown features {unknown}; expected names from {FEATURES}")
    out = np.empty((len(X), len(names)))
    x1, x2 = X[:, 0], X[:, 1]
    with np.errstate(all="ignore"):  # a student's 1e200 squares to inf: training reports it
        for j, name in enumerate(names):
            out[:, j] = feature(name, x1, x2)
    return out


# ------------------------------------------------------------------------------------- network
@dataclass(frozen=True)
class Network:
    """The network as built: inputs, hidden layers, activation, problem and training settings."""

    features: tuple[str, ...]  # non-empty subset of FEATURES, in FEATURES order
    hidden: tuple[int, ...]  # 0..6 layers of 1..8 neurons
    activation: str  # hidden layers; the output is σ (classification) or linear (regression)
    problem: str
    regularization: str = "none"
    reg_rate: float = 0.0
    learning_rate: float = 0.03
    batch_size: int = 10

    def __post_init__(self) -> None:
        feats, hidden = tuple(self.features), tuple(int(h) for h in self.hidden)
        object.__setattr__(self, "features", feats)
        object.__setattr__(self, "hidden", hidden)
        if not feats or any(f not in FEATURES for f in feats):
            raise ValueError(f"features must be a non-empty subset of {FEATURES}, got {feats}")
        if list(feats) != sorted(set(feats), key=FEATURES.index):
            raise ValueError(f"features must be distinct and in FEATURES order, got {feats}")
        if len(hidden) > MAX_LAYERS or any(not 1 <= h <= MAX_NEURONS for h in hidden):
            raise ValueError(f"hidden: 0..{MAX_LAYERS} layers of 1..{MAX_NEURONS}, got {hidden}")
        if self.activation not in ACTIVATIONS:
            raise ValueError(f"activation must be one of {ACTIVATIONS}, got {self.activation!r}")
        if self.problem not in PROBLEMS:
            raise ValueError(f"problem must be one of {PROBLEMS}, got {self.problem!r}")
        if self.regularization not in REGULARIZATIONS:
            raise ValueError(f"regularization must be one of {REGULARIZATIONS}")
        if not (np.isfinite(self.reg_rate) and self.reg_rate >= 0):
            raise ValueError(f"reg_rate must be finite and ≥ 0, got {self.reg_rate}")
        if not (np.isfinite(self.learning_rate) and self.learning_rate > 0):
            raise ValueError(f"learning_rate must be finite and > 0, got {self.learning_rate}")
        if not 1 <= int(self.batch_size) <= MAX_BATCH:
            raise ValueError(f"batch_size must be in 1..{MAX_BATCH}, got {self.batch_size}")

    @property
    def sizes(self) -> tuple[int, ...]:
        """(n_features, *hidden, 1): the number of units of every layer, inputs first."""
        return (len(self.features), *self.hidden, 1)

    @property
    def classification(self) -> bool:
        return self.problem == "classification"

    @property
    def reg(self) -> float:
        """The regularisation rate in effect (0 with regularization "none")."""
        return 0.0 if self.regularization == "none" else float(self.reg_rate)


def count(net: Network) -> int:
    """The number of parameters: Σ_l n_l (n_{l−1} + 1), every weight and bias."""
    sizes = net.sizes
    return sum(n_out * (n_in + 1) for n_in, n_out in zip(sizes[:-1], sizes[1:], strict=True))


def init_weights(net: Network, seed: int) -> Weights:
    """W⁽ˡ⁾ uniform in [−0.5, 0.5] (drawn layer by layer, row by row with
    ``default_rng(seed)``) and every bias 0.1, as TensorFlow Playground."""
    rng = np.random.default_rng(seed)
    sizes = net.sizes
    return [
        (rng.uniform(-INIT_WEIGHT, INIT_WEIGHT, (n_out, n_in)), np.full(n_out, INIT_BIAS))
        for n_in, n_out in zip(sizes[:-1], sizes[1:], strict=True)
    ]


def check_weights(net: Network, weights: Weights) -> None:
    sizes = net.sizes
    if len(weights) != len(sizes) - 1:
        raise ValueError(f"expected {len(sizes) - 1} layers of weights, got {len(weights)}")
    for k, (W, b) in enumerate(weights, start=1):
        if np.shape(W) != (sizes[k], sizes[k - 1]) or np.shape(b) != (sizes[k],):
            raise ValueError(
                f"layer {k}: expected W {(sizes[k], sizes[k - 1])} and b {(sizes[k],)}, "
                f"got {np.shape(W)} and {np.shape(b)}"
            )


def activate(name: str, Z: np.ndarray) -> np.ndarray:
    """g(Z) for a hidden layer's activation ``name``."""
    if name == "relu":
        return np.maximum(Z, 0.0)
    if name == "tanh":
        return np.tanh(Z)
    if name == "sigmoid":
        return sigmoid(Z)
    return Z.copy()


def derivative(name: str, Z: np.ndarray, A: np.ndarray) -> np.ndarray:
    """g'(Z), written with the activation A = g(Z) where that is the usual form."""
    if name == "relu":
        return (Z > 0).astype(float)
    if name == "tanh":
        return 1.0 - A * A
    if name == "sigmoid":
        return A * (1.0 - A)
    return np.ones_like(Z)


def forward(net: Network, weights: Weights, A0: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
    """Per layer l = 1..L: (Z (n, n_l), A (n, n_l)); A0 is the input matrix (n, n_features)
    (rows = samples, see :func:`features`). The last layer's A is σ(Z) or Z."""
    check_weights(net, weights)
    A = np.asarray(A0, dtype=float)
    out = []
    with np.errstate(all="ignore"):
        for k, (W, b) in enumerate(weights, start=1):
            Z = A @ W.T + b
            if k < len(weights):
                A = activate(net.activation, Z)
            else:
                A = sigmoid(Z) if net.classification else Z.copy()
            out.append((Z, A))
    return out


def data_loss(classification: bool, z: np.ndarray, y: np.ndarray) -> float:
    """Mean binary cross-entropy from the logits (``dlviz.logistic.bce_with_logits``) or mean
    ½(z − y)²."""
    if len(y) == 0:
        return float("nan")
    with np.errstate(all="ignore"):
        if classification:
            return bce_with_logits(y, z)
        r = z - y
        return float(0.5 * np.mean(r * r))


def penalty(net: Network, weights: Weights) -> float:
    if net.reg == 0.0:
        return 0.0
    with np.errstate(all="ignore"):
        if net.regularization == "l1":
            total = sum(float(np.abs(W).sum()) for W, _ in weights)
        else:
            total = 0.5 * sum(float((W * W).sum()) for W, _ in weights)
    return net.reg * total


def loss(net: Network, weights: Weights, X_raw: np.ndarray, y: np.ndarray) -> float:
    """The data loss on raw points: mean binary cross-entropy (from σ's logit) or mean ½(ŷ−y)²."""
    z = forward(net, weights, features(X_raw, net.features))[-1][0][:, 0]
    return data_loss(net.classification, z, np.asarray(y, dtype=float))


def objective(net: Network, weights: Weights, X_raw: np.ndarray, y: np.ndarray) -> float:
    """J = loss + reg_rate · R(W), R = Σ|w| (L1) or ½Σw² (L2) over the weights, not biases."""
    return loss(net, weights, X_raw, y) + penalty(net, weights)


def gradients(
    net: Network, weights: Weights, X_raw: np.ndarray, y: np.ndarray
) -> tuple[float, Weights]:
    """J and its gradient (∂J/∂W⁽ˡ⁾, ∂J/∂b⁽ˡ⁾) per layer, by backpropagation:
    δ⁽ᴸ⁾ = (a⁽ᴸ⁾ − y)/n (σ with cross-entropy, or linear with ½ squared error),
    ∂J/∂W⁽ˡ⁾ = δ⁽ˡ⁾ᵀ a⁽ˡ⁻¹⁾ + reg_rate · R'(W⁽ˡ⁾), ∂J/∂b⁽ˡ⁾ = Σ δ⁽ˡ⁾,
    δ⁽ˡ⁻¹⁾ = (δ⁽ˡ⁾ W⁽ˡ⁾) ⊙ g'(z⁽ˡ⁻¹⁾)."""
    y = np.asarray(y, dtype=float)
    A0 = features(X_raw, net.features)
    layers = forward(net, weights, A0)
    z = layers[-1][0][:, 0]
    value = data_loss(net.classification, z, y) + penalty(net, weights)
    n = len(y)
    grads: Weights = [None] * len(weights)  # type: ignore[list-item]
    with np.errstate(all="ignore"):
        delta = (layers[-1][1] - y[:, None]) / n  # (n, 1)
        for k in range(len(weights) - 1, -1, -1):
            W = weights[k][0]
            A_prev = layers[k - 1][1] if k > 0 else A0
            gW = delta.T @ A_prev
            if net.reg:
                gW = gW + net.reg * (np.sign(W) if net.regularization == "l1" else W)
            grads[k] = (gW, delta.sum(axis=0))
            if k > 0:
                Z_prev, A_prev_act = layers[k - 1]
                delta = (delta @ W) * derivative(net.activation, Z_prev, A_prev_act)
    return value, grads


# ------------------------------------------------------------------------------------ training
@dataclass(frozen=True)
class Run:
    """The outcome of :func:`train`: the final weights and the loss after every epoch."""

    weights: Weights
    epochs: np.ndarray  # epoch numbers; ends at start_epoch + epochs unless diverged
    train_loss: np.ndarray  # data loss on the training points after each epoch in ``epochs``
    test_loss: np.ndarray  # the same on the test points (NaN when there are none)
    diverged: bool  # a non-finite value stopped the run; ``weights`` are the last finite ones


class _Trainer:
    """The SGD hot path: weights as flat per-layer arrays, updated in place, a few numpy calls
    per layer and step. The step scales δ⁽ᴸ⁾ by η/B at the top, so δᵀa is already the step."""

    def __init__(self, net: Network, weights: Weights) -> None:
        self.net = net
        self.Ws = [np.array(W, dtype=float) for W, _ in weights]
        self.bs = [np.array(b, dtype=float) for _, b in weights]
        self.WTs = [W.T for W in self.Ws]  # views: see the in-place updates
        self.L = len(self.Ws)
        self.act = net.activation
        self.sig_out = net.classification
        self.lr = float(net.learning_rate)
        self.reg = net.reg
        self.l1 = net.regularization == "l1"
        self.decay = 1.0 - self.lr * self.reg  # L2: W ← (1 − ηλ)W − η∇loss

    def weights(self) -> Weights:
        return [(W.copy(), b.copy()) for W, b in zip(self.Ws, self.bs, strict=True)]

    def set_weights(self, weights: Weights) -> None:
        for W, b, (W0, b0) in zip(self.Ws, self.bs, weights, strict=True):
            W[...] = W0
            b[...] = b0

    def logits(self, A: np.ndarray) -> np.ndarray:
        """The output layer's z for the input matrix A (used for the per-epoch losses)."""
        act, last = self.act, self.L - 1
        for k in range(self.L):
            A = A @ self.WTs[k] + self.bs[k]
            if k < last:
                A = _ACT_INPLACE[act](A)
        return A[:, 0]

    def epoch(self, F: np.ndarray, y: np.ndarray, batch: int) -> None:
        Ws, WTs, bs, L = self.Ws, self.WTs, self.bs, self.L
        act, sig_out, lr, reg, l1, decay = (self.act, self.sig_out, self.lr, self.reg,
                                            self.l1, self.decay)  # fmt: skip
        act_inplace = _ACT_INPLACE[act]
        matmul, subtract = np.matmul, np.subtract
        acts: list[np.ndarray] = [None] * (L + 1)  # type: ignore[list-item]
        n = len(y)
        for start in range(0, n, batch):
            A = F[start : start + batch]
            yb = y[start : start + batch]
            acts[0] = A
            for k in range(L - 1):
                A = matmul(A, WTs[k])
                A += bs[k]
                act_inplace(A)
                acts[k + 1] = A
            z = matmul(A, WTs[L - 1])
            z += bs[L - 1]
            if sig_out:  # σ(z) = 1/(1 + e^(−z)): overflow of e^(−z) gives the right 0
                np.negative(z, out=z)
                np.exp(z, out=z)
                z += 1.0
                np.reciprocal(z, out=z)
            delta = z
            delta -= yb[:, None]
            delta *= lr / len(yb)  # δ⁽ᴸ⁾ · η: δᵀa below is η ∂loss/∂W
            for k in range(L - 1, -1, -1):
                A_prev = acts[k]
                gW = matmul(delta.T, A_prev)
                gb = delta.sum(axis=0)
                if k:
                    back = matmul(delta, Ws[k])
                    if act == "tanh":  # g' = 1 − a²
                        d = A_prev * A_prev
                        subtract(1.0, d, out=d)
                        back *= d
                    elif act == "relu":  # g' = [a > 0]
                        back *= A_prev > 0
                    elif act == "sigmoid":  # g' = a(1 − a)
                        d = 1.0 - A_prev
                        d *= A_prev
                        back *= d
                    delta = back
                W = Ws[k]
                if reg:
                    if l1:
                        W -= (lr * reg) * np.sign(W)
                    else:
                        W *= decay
                W -= gW
                bs[k] -= gb


def _tanh_(A: np.ndarray) -> np.ndarray:
    return np.tanh(A, out=A)


def _relu_(A: np.ndarray) -> np.ndarray:
    return np.maximum(A, 0.0, out=A)


def _sigmoid_(A: np.ndarray) -> np.ndarray:
    np.negative(A, out=A)
    np.exp(A, out=A)
    A += 1.0
    return np.reciprocal(A, out=A)


def _linear_(A: np.ndarray) -> np.ndarray:
    return A


_ACT_INPLACE = {"tanh": _tanh_, "relu": _relu_, "sigmoid": _sigmoid_, "linear": _linear_}


def train(
    net: Network, weights: Weights, data: Data, epochs: int, seed: int, start_epoch: int = 0
) -> Run:
    """``epochs`` epochs of mini-batch SGD (``net.batch_size``, ``net.learning_rate``) from
    epoch ``start_epoch``; ``weights`` are not changed. Epoch e (0-based) visits the training
    points in the order ``np.random.default_rng([seed, e]).permutation(n_train)``; the last
    batch of an epoch holds the remainder. The losses are recorded after every epoch, and
    before the first when ``start_epoch == 0`` (epoch 0). A non-finite loss or weight stops
    the run: the weights of the last finite epoch are returned with ``diverged=True``."""
    check_weights(net, weights)
    if net.problem != data.problem:
        raise ValueError(f"a {net.problem} network cannot train on {data.problem} data")
    if epochs < 0 or start_epoch < 0:
        raise ValueError("epochs and start_epoch must be ≥ 0")
    trainer = _Trainer(net, weights)
    F_train = features(data.X_train, net.features)
    F_test = features(data.X_test, net.features)
    y_train = np.asarray(data.y_train, dtype=float)
    y_test = np.asarray(data.y_test, dtype=float)
    n, batch, cls = len(y_train), int(net.batch_size), net.classification
    numbers: list[int] = []
    train_losses: list[float] = []
    test_losses: list[float] = []
    diverged = False

    def record(epoch: int) -> bool:
        value = data_loss(cls, trainer.logits(F_train), y_train)
        if not (np.isfinite(value) and _finite_arrays(trainer.Ws, trainer.bs)):
            return False
        numbers.append(epoch)
        train_losses.append(value)
        test_losses.append(data_loss(cls, trainer.logits(F_test), y_test))
        return True

    with np.errstate(all="ignore"):
        if start_epoch == 0 and not record(0):
            diverged = True
            epochs = 0
        kept = trainer.weights() if epochs else None
        for e in range(start_epoch, start_epoch + epochs):
            order = np.random.default_rng([seed, e]).permutation(n)
            trainer.epoch(F_train[order], y_train[order], batch)
            if not record(e + 1):
                trainer.set_weights(kept)
                diverged = True
                break
            if e + 1 < start_epoch + epochs:
                kept = trainer.weights()
    return Run(
        trainer.weights(),
        np.array(numbers, dtype=int),
        np.array(train_losses),
        np.array(test_losses),
        diverged,
    )


def _finite_arrays(Ws: list[np.ndarray], bs: list[np.ndarray]) -> bool:
    return all(np.isfinite(W).all() for W in Ws) and all(np.isfinite(b).all() for b in bs)


def accuracy(net: Network, weights: Weights, X_raw: np.ndarray, y: np.ndarray) -> float:
    """Classification: the share of points with (ŷ ≥ 0.5) == y (NaN when there are none)."""
    if not net.classification:
        raise ValueError("accuracy is for classification; regression has the loss only")
    y = np.asarray(y, dtype=float)
    if len(y) == 0:
        return float("nan")
    p = forward(net, weights, features(X_raw, net.features))[-1][1][:, 0]
    return float(np.mean((p >= 0.5) == (y == 1)))


# --------------------------------------------------------------------------------------- grids
@dataclass(frozen=True)
class Grid:
    """Everything the network computes over an n × n grid of the plane, [row i, col j] being
    the point (x₁ = axis[j], x₂ = axis[i])."""

    axis: np.ndarray  # (n,)
    output: np.ndarray  # (n, n): ŷ (σ's probability, or the linear output)
    neurons: list[np.ndarray]  # per layer l = 1..L: (n_l, n, n) activations a⁽ˡ⁾ (L: the output)
    inputs: np.ndarray  # (k, n, n): the input features


def grid(
    net: Network, weights: Weights, n: int = 40, box: float = BOX, low: float | None = None
) -> Grid:
    """One forward pass over the n × n grid of [−box, box]² (of [low, box]² when given)."""
    axis = np.linspace(-box if low is None else low, box, n)
    x1, x2 = np.meshgrid(axis, axis)  # x1[i, j] = axis[j], x2[i, j] = axis[i]
    A0 = features(np.column_stack([x1.ravel(), x2.ravel()]), net.features)
    layers = forward(net, weights, A0)
    neurons = [np.ascontiguousarray(A.T).reshape(-1, n, n) for _, A in layers]
    inputs = np.ascontiguousarray(A0.T).reshape(-1, n, n)
    return Grid(axis, neurons[-1][0], neurons, inputs)


# ------------------------------------------------------------------------------------ CSV data
def csv_label_column(text: str) -> str:
    """``label``, or ``y`` when the header names y and no label column."""
    header = {
        name.strip().strip('"').lower()
        for name in text.lstrip("\ufeff").split("\n", 1)[0].split(",")
    }
    return "y" if "y" in header and "label" not in header else "label"


def read_csv_points(
    data: bytes | str, max_rows: int = MAX_CSV_ROWS, max_bytes: int = MAX_CSV_BYTES
) -> tuple[np.ndarray, np.ndarray, str]:
    """The student's points: (X (n, 2), labels (n,), problem) from CSV columns x1, x2, label
    (or y). Labels all 0 or 1: classification (both classes needed, else ``one_class``);
    any other numbers: regression. Points are kept as given (see :func:`points_outside`).
    Every problem raises ``dlviz.csvdata.CSVError`` with a code."""
    head = data[:4096].decode("utf-8-sig", errors="replace") if isinstance(data, bytes) else data
    label = csv_label_column(head[:4096])
    frame = load_csv(data, ("x1", "x2", label), min_rows=2, max_rows=max_rows, max_bytes=max_bytes)
    X = frame[["x1", "x2"]].to_numpy(dtype=float)
    y = frame[label].to_numpy(dtype=float)
    problem = infer_problem(y)
    if problem == "classification" and len(np.unique(y)) == 1:
        raise CSVError("one_class", label=f"{y[0]:g}")
    return X, y, problem
