"""Linear regression ŷ = w x + b fitted by the closed form and by (stochastic) gradient descent.

Sections "Gradiente como regla de actualización" and "Gradiente descendente estocástico" of
lecture 03. The lecture's loss is L(w, b) = Σᵢ (ŷ⁽ⁱ⁾ − y⁽ⁱ⁾)² (a sum, not a mean); its SGD update
w ← w + η (y − ŷ) x, b ← b + η (y − ŷ) is −η times the gradient of the per-sample loss
½ (ŷ − y)². Mini-batch and full-batch updates average the per-sample gradients over the batch,
so a batch of one sample is exactly the online rule. Pure numpy/pandas; no plotting, no
Streamlit. Step rules other than plain SGD live in ``dlviz.optimizers``.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from dataclasses import dataclass
from math import fsum

import numpy as np
import pandas as pd

from dlviz import optimizers

LECTURE_X = np.array([50.0, 80.0, 120.0])
LECTURE_Y = np.array([150.0, 200.0, 280.0])
LECTURE_ETA = 1e-4
LECTURE_EPOCHS = 10
MODES = ("online", "minibatch", "batch")
DIVERGENCE_FACTOR = 1e6  # the loss growing beyond 10⁶ × its start value (or not finite) = diverged
MAX_UPDATES = 50_000  # a trace stops after this many updates (one table row each)
MAX_BATCH_UPDATES = 20_000  # … and a page's run of batches (2 samples or more) after this many
MAX_VISITS = 5_000_000  # … and after this many per-sample gradients (N × epochs in full batch)
SWEEP_UPDATES = 3000  # each run of an η sweep stops after this many updates
SMALL_BATCH = 32  # batches up to this size are computed on Python floats (faster than numpy)
COLUMNS = ("iteration", "epoch", "sample", "x", "y", "y_hat", "error", "dw", "db", "w", "b", "loss")


@dataclass(frozen=True)
class Stats:
    """Centred sums of a data set: everything L(w, b) and the closed form need, in O(1)."""

    n: int
    x_mean: float
    y_mean: float
    sxx: float  # Σ (x − x̄)²
    sxy: float  # Σ (x − x̄)(y − ȳ)
    beta: float  # least-squares slope
    beta0: float  # least-squares intercept
    loss_min: float  # L at (β, β₀)


def stats(x: np.ndarray, y: np.ndarray) -> Stats:
    """Sufficient statistics of ``x``, ``y`` (arrays of shape (n,), n ≥ 2, x not constant)."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if x.shape != y.shape or x.ndim != 1 or len(x) < 2:
        raise ValueError("x and y must be 1-D arrays of the same length, at least 2")
    x_mean, y_mean = float(x.mean()), float(y.mean())
    dx, dy = x - x_mean, y - y_mean
    sxx, sxy = float(dx @ dx), float(dx @ dy)
    if sxx == 0:
        raise ValueError("x is constant: the slope is not determined")
    beta = sxy / sxx
    beta0 = y_mean - beta * x_mean
    residual = y - (beta * x + beta0)
    return Stats(len(x), x_mean, y_mean, sxx, sxy, beta, beta0, float(residual @ residual))


def closed_form(x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """The slide's least-squares solution (β, β₀) with β₀ = Ȳ − β X̄.

    Notes
    -----
    The slide writes β = (n Σxy − Σx Σy) / (n Σx² − (Σx)²); the same quotient is computed here
    from centred sums, Σ(x − x̄)(y − ȳ) / Σ(x − x̄)², which does not lose digits when x is large.
    """
    s = stats(x, y)
    return s.beta, s.beta0


def loss(s: Stats, w: np.ndarray | float, b: np.ndarray | float) -> np.ndarray | float:
    """L(w, b) = Σᵢ (w xᵢ + b − yᵢ)² for scalars or arrays of (w, b) (broadcast).

    Written as n (b + w x̄ − ȳ)² + Sxx (w − β)² + L_min: a sum of non-negative terms, exact, and
    O(1) per (w, b) whatever the number of samples.
    """
    with np.errstate(over="ignore", invalid="ignore"):
        offset = b + w * s.x_mean - s.y_mean
        slope = w - s.beta
        return s.n * offset * offset + s.sxx * slope * slope + s.loss_min


def loss_surface(
    s: Stats, w_range: tuple[float, float], b_range: tuple[float, float], n: int = 45
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(ws (n,), bs (n,), L (n, n))`` on a grid; rows of L follow b, columns follow w."""
    ws, bs = np.linspace(*w_range, n), np.linspace(*b_range, n)
    return ws, bs, loss(s, ws[None, :], bs[:, None])


def view_box(
    s: Stats, paths: list[tuple[np.ndarray, np.ndarray]], margin: float = 0.15
) -> tuple[tuple[float, float], tuple[float, float]]:
    """(w range, b range) around the optimum and the paths' finite points, with a margin.

    Points far beyond 20 × the distance from the optimum to the start are left out, so a
    diverging path does not shrink the rest of the picture to a dot.
    """
    ws = [s.beta] + [float(w[0]) for w, _ in paths if len(w)]
    bs = [s.beta0] + [float(b[0]) for _, b in paths if len(b)]
    reach_w = 20 * max(abs(w - s.beta) for w in ws) + 1e-9
    reach_b = 20 * max(abs(b - s.beta0) for b in bs) + 1e-9
    for w, b in paths:
        keep = np.isfinite(w) & np.isfinite(b)
        keep &= (np.abs(w - s.beta) <= reach_w) & (np.abs(b - s.beta0) <= reach_b)
        ws += w[keep].tolist()
        bs += b[keep].tolist()
    box = []
    for values in (ws, bs):
        lo, hi = min(values), max(values)
        pad = margin * (hi - lo) if hi > lo else max(abs(lo), 1.0) * 0.5
        box.append((lo - pad, hi + pad))
    return box[0], box[1]


def batches(
    n: int,
    epochs: int,
    mode: str = "online",
    batch_size: int = 2,
    shuffle: bool = False,
    seed: int = 0,
) -> Iterator[tuple[int, np.ndarray]]:
    """``(epoch, sample indices)`` for every update: online = one sample, batch = all of them."""
    size = _batch_size(n, mode, batch_size)
    rng = np.random.default_rng(seed)
    for epoch in range(1, epochs + 1):
        order = rng.permutation(n) if shuffle else np.arange(n)
        for start in range(0, n, size):
            yield epoch, order[start : start + size]


def _batch_size(n: int, mode: str, batch_size: int) -> int:
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}; use one of {', '.join(MODES)}")
    return {"online": 1, "minibatch": max(1, int(batch_size)), "batch": n}[mode]


def updates_per_epoch(n: int, mode: str = "online", batch_size: int = 2) -> int:
    """How many updates one epoch makes: one per batch (the last batch may be smaller)."""
    return -(-n // _batch_size(n, mode, batch_size))


def update_budget(n: int, mode: str = "online", batch_size: int = 2) -> int:
    """The most updates a page's run may make (its ``max_updates``): ``MAX_UPDATES`` of one
    sample, ``MAX_BATCH_UPDATES`` of a batch (each costs more), and at most ``MAX_VISITS``
    per-sample gradients in all. One server serves a whole class, so the work of one run is
    bounded (≲ 0.5 s) whatever N, the epochs and the mode: full batch on 100,000 samples makes
    50 updates, online 50,000."""
    size = _batch_size(n, mode, batch_size)
    updates = MAX_UPDATES if size == 1 else MAX_BATCH_UPDATES
    return max(1, min(updates, MAX_VISITS // size))


def sample(n: int, size: int, seed: int = 0) -> np.ndarray | None:
    """``size`` of ``n`` sample indices drawn at random without repetition (seeded), in their
    order in the data; None when ``n <= size`` (all of them)."""
    if n <= size:
        return None
    return np.sort(np.random.default_rng(seed).choice(n, size, replace=False))


def _sample_label(ids: list[int] | np.ndarray, n: int) -> str:
    """The samples of a batch, 1-based: "1–n" (all, in order), "n×" (all, shuffled) or a list."""
    if len(ids) == n and n > 1:
        in_order = ids == list(range(n)) if isinstance(ids, list) else not np.any(np.diff(ids) != 1)
        return f"1–{n}" if in_order else f"{n}×"
    shown = ", ".join(str(i + 1) for i in list(ids[:6]))
    return shown + (f", … ({len(ids)})" if len(ids) > 6 else "")


def sgd_trace(
    x: np.ndarray,
    y: np.ndarray,
    eta: float,
    epochs: int,
    w0: float = 0.0,
    b0: float = 0.0,
    mode: str = "online",
    batch_size: int = 2,
    shuffle: bool = False,
    seed: int = 0,
    optimizer: str = "sgd",
    max_updates: int = MAX_UPDATES,
) -> pd.DataFrame:
    """Train ŷ = w x + b and record every update, one row each.

    Parameters
    ----------
    x, y : ndarray of shape (n,)
    eta : learning rate η; epochs : passes over the data; w0, b0 : start.
    mode : "online" (one sample per update, the slide's SGD), "minibatch" (``batch_size``
        samples) or "batch" (all n samples: full-batch gradient descent).
    shuffle, seed : visit the samples in a new random order each epoch (seeded).
    optimizer : "sgd" (the lecture's rule), "adagrad" or "adam" (see ``dlviz.optimizers``).

    Returns
    -------
    DataFrame with columns ``COLUMNS``: the samples used (``sample``, 1-based), their x, y,
    ŷ and error y − ŷ before the update (batch means for a batch), the updates Δw, Δb, the new
    w, b, and the loss L(w, b) = Σ(ŷ − y)² over all the data after the update. ``attrs`` holds
    ``w0``, ``b0``, ``loss0`` (the start), ``batches`` (index arrays), ``diverged_at`` (the
    iteration whose update made the loss non-finite or 10⁶ × larger than at the start; the
    table stops before it) and ``stopped`` (True when ``max_updates`` cut the run short).

    Notes
    -----
    Gradient of the per-sample loss ½(ŷ − y)²: ∂/∂w = (ŷ − y) x, ∂/∂b = ŷ − y. Online SGD is a
    loop over samples by nature (each update needs the previous one); batches are vectorised.
    """
    return _frame(*_updates(x, y, eta, epochs, w0, b0, mode, batch_size, shuffle, seed,
                            optimizer, max_updates))  # fmt: skip


def _updates(x, y, eta, epochs, w0, b0, mode, batch_size, shuffle, seed, optimizer, max_updates):
    """``sgd_trace``'s columns (numpy arrays, by name) and attrs."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    s = stats(x, y)
    rule_w, rule_b = (optimizers.make(optimizer, eta) for _ in "wb")  # one per parameter
    plain = optimizer == "sgd"
    w, b = float(w0), float(b0)
    loss0 = float(loss(s, w, b))
    limit = DIVERGENCE_FACTOR * max(loss0, s.loss_min, 1e-300)
    rows = []
    diverged_at, stopped = None, False
    xs, ys = x.tolist(), y.tolist()
    for k, (epoch, idx) in enumerate(batches(len(x), epochs, mode, batch_size, shuffle, seed), 1):
        if k > max_updates:
            stopped = True
            break
        if len(idx) == 1:  # one sample: plain floats (the online loop runs per sample)
            i = int(idx[0])
            xb, yb = xs[i], ys[i]
            y_hat = w * xb + b
            err = yb - y_hat
            gw, gb = -err * xb, -err  # ∂(½(ŷ−y)²)/∂w, ∂/∂b
            label = str(i + 1)
        elif len(idx) <= SMALL_BATCH:  # a few samples: plain floats, as numpy's per-call cost
            ids, m = idx.tolist(), len(idx)  # would dominate; fsum: correctly rounded sums
            xv, yv = [xs[j] for j in ids], [ys[j] for j in ids]
            e = [yj - (w * xj + b) for xj, yj in zip(xv, yv, strict=True)]
            xb, yb, err = fsum(xv) / m, fsum(yv) / m, fsum(e) / m
            y_hat = yb - err
            gw, gb = -fsum(ej * xj for ej, xj in zip(e, xv, strict=True)) / m, -err
            label = _sample_label(ids, len(x))
        else:  # a batch: vectorised mean of the per-sample gradients
            xv, yv, m = x[idx], y[idx], len(idx)
            e = yv - (w * xv + b)  # (batch,)
            # sum / m is numpy's mean to the bit, without its per-call overhead (~2× faster)
            xb, yb, err = float(xv.sum()) / m, float(yv.sum()) / m, float(e.sum()) / m
            y_hat = yb - err
            gw, gb = -float(e @ xv) / m, -err
            label = _sample_label(idx, len(x))
        if plain:
            dw, db = eta * -gw, eta * -gb
        else:
            dw, db = float(rule_w.step(gw)), float(rule_b.step(gb))  # floats: ~3× faster
        w_new, b_new = w + dw, b + db
        offset, slope = b_new + w_new * s.x_mean - s.y_mean, w_new - s.beta  # ``loss`` inlined
        loss_new = s.n * offset * offset + s.sxx * slope * slope + s.loss_min
        if not loss_new <= limit:  # exploding, inf or nan
            diverged_at = k
            break
        w, b = w_new, b_new
        rows.append((k, epoch, label, xb, yb, y_hat, err, dw, db, w, b, loss_new))
    attrs = dict(
        w0=float(w0), b0=float(b0), loss0=loss0, n=len(x), epochs=epochs, mode=mode,
        batch_size=batch_size, shuffle=shuffle, seed=seed, diverged_at=diverged_at,
        stopped=stopped, max_updates=max_updates,
    )  # fmt: skip
    return _columns(rows), attrs


_DTYPES = {"iteration": np.int64, "epoch": np.int64, "sample": object}


def _columns(rows: list[tuple]) -> dict[str, np.ndarray]:
    """The rows' values as one numpy array per column: pandas builds a frame from these several
    times faster than from rows or lists (the sample labels stay plain Python strings)."""
    values = zip(*rows, strict=True) if rows else [()] * len(COLUMNS)
    return {name: np.array(column, dtype=_DTYPES.get(name, float))
            for name, column in zip(COLUMNS, values, strict=True)}  # fmt: skip


def _frame(columns: dict[str, np.ndarray], attrs: dict) -> pd.DataFrame:
    trace = pd.DataFrame(columns, copy=False)
    trace.attrs.update(attrs)
    return trace


def batch_at(trace: pd.DataFrame, steps: list[int]) -> dict[int, np.ndarray]:
    """The sample indices (0-based) used by the updates ``steps`` (1-based) of a trace."""
    a, wanted, found = trace.attrs, set(steps), {}
    order = batches(a["n"], a["epochs"], a["mode"], a["batch_size"], a["shuffle"], a["seed"])
    for k, (_, idx) in enumerate(order, 1):
        if k > max(wanted, default=0):
            break
        if k in wanted:
            found[k] = idx
    return found


def path(trace: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """(w, b) from the start through every update: two arrays of length len(trace) + 1."""
    w = np.concatenate([[trace.attrs["w0"]], trace["w"].to_numpy(dtype=float)])
    b = np.concatenate([[trace.attrs["b0"]], trace["b"].to_numpy(dtype=float)])
    return w, b


def first_epochs(trace: pd.DataFrame, epochs: int) -> pd.DataFrame:
    """The same run cut after its first ``epochs`` epochs (at most the trace's own).

    The first epochs of a run do not depend on how many follow (the samples' order included),
    so this is exactly the table and attrs that ``sgd_trace`` (or ``standardized_trace``) gives
    with ``epochs``: a page trains once to its largest epoch count and shows part of that run.
    """
    a = trace.attrs
    if not 1 <= epochs <= a["epochs"]:
        raise ValueError(f"epochs must be between 1 and {a['epochs']}, not {epochs}")
    if epochs == a["epochs"]:
        return trace
    needed = epochs * updates_per_epoch(a["n"], a["mode"], a["batch_size"])
    done = min(needed, a["max_updates"])  # updates the shorter run makes, unless it diverges
    diverged = (
        a["diverged_at"] if a["diverged_at"] is not None and a["diverged_at"] <= done else None
    )
    cut = trace.iloc[: min(len(trace), done)]
    stopped = diverged is None and needed > a["max_updates"]
    cut.attrs = {**a, "epochs": epochs, "diverged_at": diverged, "stopped": stopped}
    return cut


def standardized_trace(
    x: np.ndarray, y: np.ndarray, eta: float, epochs: int, w0: float = 0.0, b0: float = 0.0,
    **options: object,
) -> pd.DataFrame:  # fmt: skip
    """SGD on x' = (x − x̄)/s (s = standard deviation of x), with w, b mapped back to x.

    ŷ = w' x' + b' = (w'/s) x + (b' − w' x̄/s), so the trace's ``w``, ``b`` columns (and the
    start) are in the original units and its path can be drawn on the original loss surface;
    ``w_std``, ``b_std`` keep the parameters actually trained.
    """
    x = np.asarray(x, dtype=float)
    mean, sd = float(x.mean()), float(x.std())
    # sgd_trace's own defaults fill in the options (an unknown one raises its TypeError).
    call = inspect.signature(sgd_trace).bind((x - mean) / sd, y, eta, epochs, w0 * sd,
                                             b0 + w0 * mean, **options)  # fmt: skip
    call.apply_defaults()
    columns, attrs = _updates(*call.args)
    w_std, b_std = columns["w"], columns["b"]
    w, b = w_std / sd, b_std - w_std * mean / sd
    columns.update(w=w, b=b, x=columns["x"] * sd + mean, loss=loss(stats(x, y), w, b),
                   w_std=w_std, b_std=b_std)  # fmt: skip
    return _frame(columns, {**attrs, "w0": float(w0), "b0": float(b0)})


def eta_sweep(
    x: np.ndarray,
    y: np.ndarray,
    etas: np.ndarray,
    epochs: int,
    w0: float = 0.0,
    b0: float = 0.0,
    mode: str = "online",
    batch_size: int = 2,
    shuffle: bool = False,
    seed: int = 0,
    max_updates: int = SWEEP_UPDATES,
) -> pd.DataFrame:
    """Final loss of plain SGD for every η in ``etas`` (all run together, same sample order).

    Returns a DataFrame with columns ``eta``, ``loss`` (final L; nan if diverged),
    ``diverged_at`` (iteration, or 0) and ``verdict``: "diverged" (blew up, or ended with a
    larger loss than it started with), "slow" (less than 90 % of the way from the start loss
    down to the minimum) or "good".
    """
    runs = sweep_runs(x, y, etas, epochs, w0, b0, mode, batch_size, shuffle, seed, max_updates)
    return runs.table(epochs)


@dataclass(frozen=True, eq=False)
class SweepRuns:
    """Every run of an η sweep, update by update: ``table(epochs)`` is ``eta_sweep`` after any
    number of epochs up to the runs' own (the first epochs do not depend on how many follow)."""

    etas: np.ndarray  # (E,)
    s: Stats
    loss0: float
    per_epoch: int  # updates per epoch
    w: np.ndarray  # (updates + 1, E): (w, b) of every run from the start through every update
    b: np.ndarray
    bad: np.ndarray  # (updates, E): the loss past the divergence limit (or not finite)

    def table(self, epochs: int) -> pd.DataFrame:
        """The sweep after ``epochs`` epochs (``eta_sweep``'s table)."""
        upto = min(epochs * self.per_epoch, len(self.bad))
        bad = self.bad[:upto]
        diverged = np.where(bad.any(axis=0), bad.argmax(axis=0) + 1, 0)
        final = np.full_like(self.etas, np.nan)
        kept = diverged == 0
        final[kept] = loss(self.s, self.w[upto][kept], self.b[upto][kept])
        progress = (self.loss0 - final) / max(self.loss0 - self.s.loss_min, 1e-300)
        grew = (diverged > 0) | (progress < 0)
        verdict = np.where(grew, "diverged", np.where(progress < 0.9, "slow", "good"))
        return pd.DataFrame(
            {"eta": self.etas, "loss": final, "diverged_at": diverged, "verdict": verdict}
        )


def sweep_runs(
    x: np.ndarray,
    y: np.ndarray,
    etas: np.ndarray,
    epochs: int,
    w0: float = 0.0,
    b0: float = 0.0,
    mode: str = "online",
    batch_size: int = 2,
    shuffle: bool = False,
    seed: int = 0,
    max_updates: int = SWEEP_UPDATES,
    s: Stats | None = None,
) -> SweepRuns:
    """Plain SGD for every η in ``etas``, all run together (same sample order) for ``epochs``
    epochs or ``max_updates`` updates: ``eta_sweep``'s runs, kept update by update.

    ``s`` is the data the loss is measured on (``stats(x, y)`` by default): a sweep may train
    on a sample of the data (``x, y``) and measure L on all of it."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    s = stats(x, y) if s is None else s
    etas = np.asarray(etas, dtype=float)
    w, b = np.full_like(etas, w0), np.full_like(etas, b0)
    loss0 = float(loss(s, w0, b0))
    limit = DIVERGENCE_FACTOR * max(loss0, s.loss_min, 1e-300)

    def too_big(w: np.ndarray, b: np.ndarray) -> np.ndarray:  # ``loss`` inlined, nan counts
        offset, slope = b + w * s.x_mean - s.y_mean, w - s.beta
        return ~(s.n * offset * offset + s.sxx * slope * slope + s.loss_min <= limit)

    # Every run goes on after it blows up (inf/nan, ignored): the (w, b) of every update are
    # kept and the first update past the limit is found for all of them at once afterwards,
    # ~3× faster than checking (and freezing) the runs at every update.
    ws, bs = [w], [b]
    with np.errstate(over="ignore", invalid="ignore"):
        for k, (_, idx) in enumerate(batches(len(x), epochs, mode, batch_size, shuffle, seed), 1):
            if k > max_updates or (k % 64 == 0 and too_big(w, b).all()):
                break  # (all of them blown up: the rest changes nothing)
            if len(idx) == 1:  # one sample for every η at once: (E,) vectors
                xi, yi = x[idx[0]], y[idx[0]]
                step = etas * (yi - (w * xi + b))
                w, b = w + step * xi, b + step
            else:
                e = y[idx][None, :] - (w[:, None] * x[idx][None, :] + b[:, None])  # (E, batch)
                w, b = w + etas * (e @ x[idx]) / len(idx), b + etas * e.mean(axis=1)
            ws.append(w)
            bs.append(b)
        w_all, b_all = np.array(ws), np.array(bs)
        bad = too_big(w_all, b_all)[1:]  # (updates, E)
    per_epoch = updates_per_epoch(len(x), mode, batch_size)
    return SweepRuns(etas, s, loss0, per_epoch, w_all, b_all, bad)


def verdict(trace: pd.DataFrame, s: Stats) -> tuple[str, dict[str, str]]:
    """How the run went: "diverged", "growing" (the loss ended above its start), "slow" (less
    than 90 % of the way down to the minimum) or "good", with numbers for the message."""
    loss0 = trace.attrs["loss0"]
    end = float(trace["loss"].iloc[-1]) if len(trace) else loss0
    numbers = {"start": f"{loss0:.6g}", "end": f"{end:.6g}", "best": f"{s.loss_min:.6g}"}
    if trace.attrs["diverged_at"] is not None:
        return "diverged", {**numbers, "k": str(trace.attrs["diverged_at"])}
    if end > loss0:
        return "growing", numbers
    progress = (loss0 - end) / max(loss0 - s.loss_min, 1e-300)
    return ("slow" if progress < 0.9 else "good"), numbers


def summary(runs: dict[str, tuple[float, pd.DataFrame]], s: Stats) -> pd.DataFrame:
    """One row per named run ``{name: (eta, trace)}``: η, updates, final w, b and L, how far
    (w, b) still is from the least-squares (β, β₀), and the iteration it diverged at (empty if
    it did not)."""
    rows = []
    for name, (eta, trace) in runs.items():
        w, b = (float(v[-1]) for v in path(trace))
        rows.append((name, eta, len(trace), w, b, float(loss(s, w, b)), abs(w - s.beta),
                     abs(b - s.beta0), trace.attrs["diverged_at"]))  # fmt: skip
    columns = ["method", "eta", "updates", "w", "b", "loss", "gap_w", "gap_b", "diverged_at"]
    table = pd.DataFrame(rows, columns=columns)
    table["diverged_at"] = table["diverged_at"].astype("Int64")  # missing, not 0, when it did not
    return table
