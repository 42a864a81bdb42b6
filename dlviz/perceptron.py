"""The perceptron learning rule, the logic gates of the XOR example, the XOR network and ADALINE.

Section "Perceptrón multicapa (MLP)" of lecture 03: a unit outputs σ[w·x] = 1 when the weighted
sum reaches the threshold θ (no bias, as on the slides), and learns with
w ← w + γ(y − ŷ)x after each presentation, so only the weights of *active* inputs (x_i ≠ 0) of a
*wrong* answer change. XOR is not linearly separable, but XOR = OR(AND1, AND2) with
AND1 = x₁∧¬x₂ and AND2 = ¬x₁∧x₂ is a two-layer network of such units. ADALINE (section
"Regla de aprendizaje del perceptrón") uses the same update with a real-valued output ŷ = w·x, so
it updates after every presentation. Pure numpy/pandas; no plotting, no Streamlit.

What it is not: a general classifier library. Inputs are small (the four points of a gate).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

INPUTS = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)  # (4, 2): the slide's order
GATES: dict[str, np.ndarray] = {
    "AND": np.array([0, 0, 0, 1]),
    "OR": np.array([0, 1, 1, 1]),
    "XOR": np.array([0, 1, 1, 0]),
    "AND1": np.array([0, 0, 1, 0]),  # x₁ ∧ ¬x₂
    "AND2": np.array([0, 1, 0, 0]),  # ¬x₁ ∧ x₂
}
XOR_HIDDEN = np.array([[1.0, -0.5], [-0.5, 1.0]])  # (2, 2): row j = weights of AND_j
XOR_OUTPUT = np.array([1.0, 1.0])  # the OR unit on (A, B)
LECTURE = {"w": (1.0, 1.0), "gamma": 1.5, "threshold": 1.0}  # the XOR slides: no bias
RULE_SLIDE = {"w": (0.0, 0.0), "gamma": 1.0, "threshold": 0.0, "b": 0.0}  # "Regla de aprendizaje"
DIVERGENCE_BOUND = 1e6  # a weight beyond this (or non-finite) means ADALINE diverged
_DECIMALS = 10  # sums are rounded before the step so that 0.1 + 0.2 counts as 0.3


def step(z: np.ndarray | float, threshold: float) -> np.ndarray:
    """σ[z] = 1 if z ≥ θ else 0 (the slide's step activation), as int."""
    return (np.round(np.asarray(z, dtype=float), _DECIMALS) >= threshold).astype(int)


def truth_table() -> pd.DataFrame:
    """x₁, x₂ and every gate of the example: AND, OR, XOR, AND1, AND2."""
    return pd.DataFrame({"x1": INPUTS[:, 0].astype(int), "x2": INPUTS[:, 1].astype(int), **GATES})


@dataclass(frozen=True)
class Training:
    """The result of :func:`train`.

    ``w`` final weights (m,); ``weights`` (P+1, m): the start and the weights after each of the P
    presentations; ``trace`` one row per presentation (a DataFrame built when first asked
    for); ``errors`` wrong answers per epoch; ``updates`` presentations that changed a weight;
    ``converged_epoch`` the first epoch without errors (None if none); ``biases`` (P+1,) like
    ``weights`` when a bias is learned, else None; ``cycle`` ``(first, period)``
    when the weights at the start of epoch ``first + period`` equal those at the start of epoch
    ``first`` (the rule then repeats itself forever), else None.
    """

    w: np.ndarray
    weights: np.ndarray
    errors: np.ndarray
    converged_epoch: int | None
    cycle: tuple[int, int] | None
    biases: np.ndarray | None
    updates: int
    _rows: list = field(repr=False)
    _columns: list = field(repr=False)
    _table: list = field(default_factory=list, repr=False)  # the DataFrame, once built

    @property
    def b(self) -> float | None:
        """The final bias (None when no bias is learned)."""
        return None if self.biases is None else float(self.biases[-1])

    @property
    def trace(self) -> pd.DataFrame:
        """One row per presentation: input, weighted sum, output, target, error, update, new
        weights, and which weights changed ("changed")."""
        if not self._table:
            trace = pd.DataFrame(self._rows, columns=self._columns)
            names = [c[1:] for c in self._columns if c.startswith("d")]  # dw1 → w1, db → b
            deltas = trace[["d" + n for n in names]].to_numpy() != 0
            trace["changed"] = [
                ", ".join(n for n, d in zip(names, row, strict=True) if d) or "—" for row in deltas
            ]
            self._table.append(trace)
        return self._table[0]


def train(
    X: np.ndarray,
    y: np.ndarray,
    w: np.ndarray | tuple[float, ...],
    gamma: float = 1.5,
    threshold: float = 1.0,
    epochs: int = 10,
    stop_when_converged: bool = True,
    b: float | None = None,
) -> Training:
    r"""Online perceptron rule: present the rows of ``X`` in order, update after each one.

    Parameters
    ----------
    X : ndarray of shape (n_samples, m)
    y : ndarray of shape (n_samples,), targets 0/1
    w : array_like of shape (m,), starting weights (no bias, as on the slides)
    gamma, threshold : learning rate γ and step threshold θ (output 1 when w·x ≥ θ)
    epochs : at most this many passes over the data
    stop_when_converged : stop after the first epoch without errors
    b : starting bias, learned as b ← b + γ(y − ŷ) (the rule slide); None: no bias (MLP slides)

    Notes
    -----
    :math:`\hat y = \sigma[\mathbf{w}\cdot\mathbf{x}]`, :math:`w_i \leftarrow w_i +
    \gamma (y - \hat y) x_i`: the loop over samples is the algorithm itself (per-sample).
    """
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=int)
    w = np.array(w, dtype=float)
    m = X.shape[1]
    bias = 0.0 if b is None else float(b)
    rows, weights, errors, starts, biases = [], [w.copy()], [], [], [bias]
    converged = cycle = None
    updates = 0
    for epoch in range(1, epochs + 1):
        key = (*np.round(w, _DECIMALS), round(bias, _DECIMALS))
        if cycle is None and key in starts:
            first = starts.index(key) + 1
            cycle = (first, epoch - first)
        starts.append(key)
        wrong = 0
        for i, (x, target) in enumerate(zip(X, y, strict=True)):  # per-sample: the rule itself
            z = round(float(x @ w) + bias, _DECIMALS) + 0.0  # as ``step`` on one number
            y_hat = int(z >= threshold)  # σ[z]
            error = int(target - y_hat)
            dw = gamma * error * x + 0.0  # + 0.0 turns −0 (a wrong answer, x_i = 0) into 0
            # Weights stay on their lattice w₀ + γ·(integers): 4.5 − 15·0.3 is 0, not 1.2e-15.
            w = np.round(w + dw, _DECIMALS) + 0.0
            extra = []
            if b is not None:
                bias = round(bias + gamma * error, _DECIMALS) + 0.0
                extra = [gamma * error, bias]
            wrong += error != 0
            updates += bool(np.any(dw != 0) or (b is not None and error != 0))
            weights.append(w.copy())
            biases.append(bias)
            rows.append([len(rows) + 1, epoch, i + 1, *x, z, y_hat, target, error, *dw, *w, *extra])
        errors.append(wrong)
        if wrong == 0 and converged is None:
            converged = epoch
            if stop_when_converged:
                break
    names = [f"x{j + 1}" for j in range(m)]
    columns = ["presentation", "epoch", "sample", *names, "weighted_sum", "y_hat", "y", "error"]
    columns += [f"dw{j + 1}" for j in range(m)] + [f"w{j + 1}" for j in range(m)]
    columns += [] if b is None else ["db", "b"]
    history = None if b is None else np.array(biases)
    return Training(
        w, np.array(weights), np.array(errors), converged, cycle, history, updates, rows, columns
    )


def train_gates(gates: tuple[str, ...], epochs: int, **setting) -> dict[str, Training]:
    """The same rule and starting point on several gates, all ``epochs`` (no early stop)."""
    return {g: train(INPUTS, GATES[g], epochs=epochs, stop_when_converged=False, **setting)
            for g in gates}  # fmt: skip


def compare_rules(gate: str, eta: float, epochs: int) -> tuple[Training, AdalineTraining]:
    """The perceptron rule (the rule slide: w = 0, b = 0, γ = 1, θ = 0) and ADALINE with ``eta``
    from w = 0, b = 0, on the same gate for ``epochs`` epochs."""
    per = train(INPUTS, GATES[gate], epochs=epochs, stop_when_converged=False, **RULE_SLIDE)
    return per, adaline_train(INPUTS, GATES[gate], (0.0, 0.0), eta, epochs)


def outcome(run: Training) -> tuple[str, dict[str, object]]:
    """What happened, for a message: ("converged" | "cycle" | "open", numbers to show)."""
    fields: dict[str, object] = {"w": latex_weights(run.w), "b": _num(run.b or 0.0)}
    fields |= {"updates": run.updates, "epochs": len(run.errors)}
    if run.converged_epoch is not None:
        return "converged", {**fields, "epoch": run.converged_epoch}
    if run.cycle is not None:
        first, period = run.cycle
        wrong = int(run.errors[first - 1 : first - 1 + period].sum())
        return "cycle", {**fields, "first": first, "again": first + period, "period": period,
                         "wrong": wrong}  # fmt: skip
    return "open", fields


def predict(X: np.ndarray, w: np.ndarray, threshold: float) -> np.ndarray:
    """σ[X w] for every row of X."""
    return step(np.asarray(X, dtype=float) @ np.asarray(w, dtype=float), threshold)


def network_table(
    X: np.ndarray, W: np.ndarray, v: np.ndarray, threshold: float, y: np.ndarray | None = None
) -> pd.DataFrame:
    """The two-layer step network of the slide, row by row.

    ``W`` (2, 2): hidden weights (row j feeds hidden unit j: A, B); ``v`` (2,): output weights.
    Columns: x1, x2, z_A, z_B (the matrix product W x), A, B (after the step), z_out (v·[A, B]),
    y_hat (after the step) and, when ``y`` is given, the target and whether they agree.
    """
    X = np.asarray(X, dtype=float)
    Z = X @ np.asarray(W, dtype=float).T  # (n, 2): [z_A, z_B] = W x for each row
    H = step(Z, threshold)  # (n, 2)
    z_out = H @ np.asarray(v, dtype=float)  # (n,)
    table = pd.DataFrame({"x1": X[:, 0].astype(int), "x2": X[:, 1].astype(int)})
    table["z_A"], table["z_B"], table["A"], table["B"] = Z[:, 0], Z[:, 1], H[:, 0], H[:, 1]
    table["z_out"], table["y_hat"] = z_out, step(z_out, threshold)
    if y is not None:
        table["y"] = np.asarray(y, dtype=int)
        table["ok"] = table["y"] == table["y_hat"]
    return table


def _num(value: float) -> str:
    """A number as the slide writes it: 1, -0.5, 0.25 (never "-0")."""
    text = f"{float(value):.6g}"
    return "0" if text == "-0" else text


def _vector(values: np.ndarray) -> str:
    return r"\begin{bmatrix} " + r" \\ ".join(_num(v) for v in values) + r" \end{bmatrix}"


def network_latex(row: pd.Series, W: np.ndarray, v: np.ndarray) -> str:
    """One input through the network, as on the slide: W x = [z_A; z_B] → σ → v·[A; B] → σ."""
    matrix = r"\begin{bmatrix} " + r" \\ ".join(
        " & ".join(_num(w) for w in line) for line in np.asarray(W)
    )
    x = np.array([row["x1"], row["x2"]])
    return (
        rf"[{_num(x[0])},{_num(x[1])}]:\ {matrix} \end{{bmatrix}} {_vector(x)} = "
        rf"{_vector([row['z_A'], row['z_B']])} \xrightarrow{{\sigma}} "
        rf"{_vector([row['A'], row['B']])},\quad \begin{{bmatrix}} {_num(v[0])} & {_num(v[1])}"
        r" \end{bmatrix}"  # a row of cells: "-4.5 -4.5" alone would read as a subtraction
        rf"{_vector([row['A'], row['B']])} = {_num(row['z_out'])} \xrightarrow{{\sigma}} "
        rf"{int(row['y_hat'])}"
    )


def network_trace_latex(table: pd.DataFrame, W: np.ndarray, v: np.ndarray) -> str:
    """Every row of :func:`network_table` through the network, one line per input."""
    lines = r" \\[6pt] ".join(network_latex(row, W, v) for _, row in table.iterrows())
    return r"\begin{gathered} " + lines + r" \end{gathered}"


def presentation_latex(row: pd.Series, before: np.ndarray, gamma: float, threshold: float) -> str:
    """One presentation in the slide's notation, a short line each (so that it fits a narrow
    column on a projector): the weighted sum, σ against the target, and each weight's update."""
    x = [row["x1"], row["x2"]]
    total = " + ".join(f"{_num(w)}({_num(xi)})" for w, xi in zip(before, x, strict=True))
    s, y_hat, y = _num(row["weighted_sum"]), int(row["y_hat"]), int(row["y"])
    verdict = r"= y\ \checkmark" if y_hat == y else rf"\ne y = {y}"
    lines = [
        rf"[{_num(x[0])},{_num(x[1])}] &\rightarrow {total} = {s}".replace("+ -", "- "),
        rf"&\rightarrow \sigma[{s}] = {y_hat} {verdict}",
        *(
            rf"w'_{{{j}}} &= {_num(before[j - 1])} + {_num(gamma)}({y} - {y_hat}){_num(x[j - 1])}"
            rf" = {_num(row[f'w{j}'])}"
            for j in (1, 2)
        ),
    ]
    return r"\begin{aligned} " + r" \\ ".join(lines) + r" \end{aligned}"


def latex_weights(w: np.ndarray) -> str:
    """[w₁, w₂] as the slide writes it."""
    return "[" + ", ".join(_num(v) for v in w) + "]"


# -- ADALINE: the same data with a real-valued output ------------------------------------------
@dataclass(frozen=True)
class AdalineTraining:
    """ADALINE (online least squares): ``weights`` (P+1, m) and ``biases`` (P+1,) at the start
    and after each presentation, ``outputs`` real ŷ per presentation, ``mse`` mean squared error
    after each epoch, ``errors`` wrong classes after each epoch (ŷ ≥ ``cut`` → 1),
    ``diverged_at`` the presentation after which a parameter was non-finite or beyond
    ``DIVERGENCE_BOUND``, or after which the epoch's MSE passed 10 times that of the start (and
    10): training stops there. Else None."""

    weights: np.ndarray
    biases: np.ndarray
    outputs: np.ndarray
    mse: np.ndarray
    errors: np.ndarray
    diverged_at: int | None

    @property
    def w(self) -> np.ndarray:
        return self.weights[-1]

    @property
    def b(self) -> float:
        return float(self.biases[-1])


def adaline_train(
    X: np.ndarray,
    y: np.ndarray,
    w: np.ndarray | tuple[float, ...],
    eta: float = 0.1,
    epochs: int = 20,
    b: float = 0.0,
    cut: float = 0.5,
) -> AdalineTraining:
    r"""ADALINE / SGD on the squared error, one presentation at a time (the SGD slide).

    Notes
    -----
    :math:`\hat y = \mathbf{w}\cdot\mathbf{x} + b` (a real number, no step), loss
    :math:`\tfrac12 (y-\hat y)^2`, gradient :math:`-(y-\hat y)\mathbf{x}` (and
    :math:`-(y-\hat y)` for b), so the SGD step is :math:`\mathbf{w} \leftarrow \mathbf{w} +
    \eta (y-\hat y)\mathbf{x}` after *every* presentation. The class is read off as
    ŷ ≥ ``cut`` (halfway between the targets 0 and 1).
    """
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    w, b = np.array(w, dtype=float), float(b)
    weights, biases, outputs, mse, errors = [w.copy()], [b], [], [], []
    diverged = None
    start_mse = float(np.mean((y - (X @ w + b)) ** 2))
    with np.errstate(all="ignore"):
        for _ in range(epochs):
            for x, target in zip(X, y, strict=True):  # per-sample: online SGD
                y_hat = float(x @ w) + b
                w, b = w + eta * (target - y_hat) * x, b + eta * (target - y_hat)
                outputs.append(y_hat)
                weights.append(w.copy())
                biases.append(b)
                if not (
                    abs(b) <= DIVERGENCE_BOUND and np.abs(w).max() <= DIVERGENCE_BOUND
                ):  # or nan
                    diverged = len(outputs)
                    break
            if diverged:
                break
            out = X @ w + b
            mse.append(float(np.mean((y - out) ** 2)))
            errors.append(int(np.sum((out >= cut).astype(int) != y)))
            if mse[-1] > max(10.0, 10.0 * start_mse):  # growing oscillation: diverging
                diverged = len(outputs)
                break
    return AdalineTraining(
        np.array(weights),
        np.array(biases),
        np.array(outputs),
        np.array(mse),
        np.array(errors),
        diverged,
    )


def update_sizes(weights: np.ndarray, biases: np.ndarray | None = None) -> np.ndarray:
    """|Δ(w, b)| of each presentation, from the parameters before and after it."""
    params = np.column_stack([weights, np.zeros(len(weights)) if biases is None else biases])
    return np.linalg.norm(np.diff(params, axis=0), axis=1)


def compare_table(
    X: np.ndarray, y: np.ndarray, perceptron: Training, adaline: AdalineTraining, cut: float = 0.5
) -> pd.DataFrame:
    """The final rules side by side on every input: the perceptron's step output σ[w·x + b] (θ = 0,
    the rule slide) and ADALINE's real output w·x + b with its class (≥ ``cut``)."""
    X = np.asarray(X, dtype=float)
    table = pd.DataFrame({"x1": X[:, 0].astype(int), "x2": X[:, 1].astype(int), "y": y})
    table["perceptron_z"] = X @ perceptron.w + (perceptron.b or 0.0)
    table["perceptron_y_hat"] = step(table["perceptron_z"].to_numpy(), 0.0)
    with np.errstate(all="ignore"):
        table["adaline_y_hat"] = X @ adaline.w + adaline.b
    table["adaline_class"] = (table["adaline_y_hat"] >= cut).astype(int)
    return table
