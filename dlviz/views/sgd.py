"""Cached work of the Gradient descent & SGD page: the data, the training runs, figures and
tables, per setting.

A run is trained once per setting (η, start, mode, order) to the epochs sliders' top,
``MAX_EPOCHS`` (or ``CMP_EPOCHS`` for a longer comparison), and the sliders show its first
epochs (``linreg.first_epochs``); the η sweep likewise runs once to ``MAX_EPOCHS``. Figures are
kept per input, so an unchanged one is the same object and is not sent again.

One rerun's work is bounded whatever the data and the controls: a run stops after
``linreg.update_budget`` updates (at most ``linreg.MAX_VISITS`` per-sample gradients: N ×
epochs), and the η sweep's 71 runs train on at most ``SWEEP_SAMPLES`` samples, drawn at random,
with the loss measured on all the data.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import pandas as pd
import streamlit as st

from dlviz import csvdata, linreg, sgd_table
from dlviz.figures import Figure
from dlviz.figures import linreg as figures
from dlviz.i18n import texts
from dlviz.texts.sgd import TEXT
from dlviz.views import refusals_kept

LECTURE_CSV = "x,y\n50,150\n80,200\n120,280"
PASTE_CHARS = 10_000  # the paste box holds this many characters: a text that fills it is refused
MAX_EPOCHS = 200  # the training epochs slider's top: a run is trained this far, once
CMP_EPOCHS = 500  # the comparison's epochs slider's top (beyond 200: a run trained this far)
SWEEP_ETAS = np.logspace(-7, 0, 71)
SWEEP_SAMPLES = 2_000  # the η sweep trains its 71 runs on at most this many samples
SURFACE_N = 35  # L(w, b) grid points a side under the animated path (sent on every step)


@dataclass(frozen=True, eq=False)
class Data:
    """The data read from the pasted text or the uploaded file, with its statistics. The
    caches below know it by ``key`` (a digest of the source), not by hashing the arrays."""

    x: np.ndarray
    y: np.ndarray
    stats: linreg.Stats
    key: str


class Setting(NamedTuple):
    """How the samples are visited: only what changes the run (the batch size only in
    mini-batch mode, the seed only when shuffling), so other moves find the cached run."""

    mode: str
    batch_size: int
    shuffle: bool
    seed: int


def setting(mode: str, batch_size: int, shuffle: bool, seed: int) -> Setting:
    return Setting(mode, batch_size if mode == "minibatch" else 2, shuffle, seed if shuffle else 0)


BY_KEY = {Data: lambda data: data.key}


def data(source: str | bytes) -> Data:
    """The x, y columns of the pasted text (a ``str``) or the uploaded file (``bytes``);
    ``CSVError``, a ``ValueError``, when they cannot be used.

    A pasted text that fills its box, or a file over the size limit, is refused before
    anything else (without hashing it for the cache). Otherwise the outcome is kept, a refusal
    too: a bad file is read once, not again on every rerun of the page."""
    if isinstance(source, str):
        csvdata.check_pasted(source, PASTE_CHARS)
    csvdata.check_size(source)
    return _read(source)


@refusals_kept(max_entries=8)  # read only: shared, not copied
def _read(source: str | bytes) -> Data:
    frame = csvdata.load_csv(source, ("x", "y"), not_constant=("x",))
    x, y = frame["x"].to_numpy(dtype=float), frame["y"].to_numpy(dtype=float)
    x.flags.writeable = y.flags.writeable = False  # shared by every session: read only
    raw = source.encode() if isinstance(source, str) else source
    return Data(x, y, linreg.stats(x, y), hashlib.blake2b(raw, digest_size=16).hexdigest())


@st.cache_resource(max_entries=16, show_spinner=False, hash_funcs=BY_KEY)
def _history(data: Data, kind: str, eta: float, w0: float, b0: float, how: Setting, epochs: int):
    """The run to ``epochs`` (or to the update budget): plain SGD, SGD on standardised x,
    AdaGrad or Adam."""
    options = how._asdict() | {"max_updates": budget(data, how)}
    if kind == "standardized":
        return linreg.standardized_trace(data.x, data.y, eta, epochs, w0, b0, **options)
    return linreg.sgd_trace(data.x, data.y, eta, epochs, w0, b0, optimizer=kind, **options)


def budget(data: Data, how: Setting) -> int:
    """The most updates one run makes on these data in this mode (``linreg.update_budget``)."""
    return linreg.update_budget(len(data.x), how.mode, how.batch_size)


def cut(trace: pd.DataFrame) -> dict[str, str] | None:
    """The numbers of the note that a run was cut by the budget (None if it was not): the
    updates made, the epochs they are, the epochs asked and the limits."""
    a = trace.attrs
    if not a["stopped"]:
        return None
    per_epoch = linreg.updates_per_epoch(a["n"], a["mode"], a["batch_size"])
    return {
        "n": f"{len(trace):,}",
        "done": f"{len(trace) / per_epoch:.3g}",
        "epochs": str(a["epochs"]),
        "updates": f"{linreg.MAX_UPDATES:,}",
        "batch_updates": f"{linreg.MAX_BATCH_UPDATES:,}",
        "visits": f"{linreg.MAX_VISITS:,}",
    }


@st.cache_resource(max_entries=16, show_spinner=False, hash_funcs=BY_KEY)
def run(
    data: Data, eta: float, epochs: int, w0: float, b0: float, how: Setting, kind: str = "sgd"
) -> pd.DataFrame:
    """The run's first ``epochs`` epochs (one row per update; read only), cut from the run to
    the sliders' top (the comparison's when the budget stops the run before ``MAX_EPOCHS``
    anyway: the same work, and one run for both sections)."""
    per_epoch = linreg.updates_per_epoch(len(data.x), how.mode, how.batch_size)
    short = epochs <= MAX_EPOCHS and MAX_EPOCHS * per_epoch <= budget(data, how)
    longest = MAX_EPOCHS if short else CMP_EPOCHS
    return linreg.first_epochs(_history(data, kind, eta, w0, b0, how, longest), epochs)


@st.cache_resource(max_entries=16, show_spinner=False, hash_funcs=BY_KEY)
def _step_surface(data: Data, eta: float, epochs: int, w0: float, b0: float, how: Setting):
    s = data.stats
    trace = run(data, eta, epochs, w0, b0, how)
    return linreg.loss_surface(s, *linreg.view_box(s, [linreg.path(trace)]), SURFACE_N)


@st.cache_resource(max_entries=16, show_spinner=False, hash_funcs=BY_KEY)
def step_figure(
    data: Data, eta: float, epochs: int, w0: float, b0: float, how: Setting, step: int, lang: str
) -> Figure:
    """The data with the line after ``step`` updates, and (w, b) on L(w, b): one ▶ for both."""
    s = data.stats
    trace = run(data, eta, epochs, w0, b0, how)
    surface = _step_surface(data, eta, epochs, w0, b0, how)
    return figures.step_figure(
        data.x, data.y, trace, step, surface, (s.beta, s.beta0), texts(TEXT, lang, "fig.")
    )


def sweep_sample(data: Data) -> np.ndarray | None:
    """The samples the η sweep trains on (indices), or None for all of them."""
    return linreg.sample(len(data.x), SWEEP_SAMPLES)


def sweep_cut(data: Data, epochs: int, how: Setting) -> dict[str, str] | None:
    """The numbers of the note that the sweep does less than ``epochs`` epochs on all the data
    (None if it does not): the samples it trains on and the updates each run makes."""
    m = min(len(data.x), SWEEP_SAMPLES)
    per_epoch = linreg.updates_per_epoch(m, how.mode, how.batch_size)
    updates = min(epochs * per_epoch, linreg.SWEEP_UPDATES)
    if m == len(data.x) and updates == epochs * per_epoch:
        return None
    return {"m": f"{m:,}", "n": f"{len(data.x):,}", "k": f"{updates:,}",
            "done": f"{updates / per_epoch:.3g}"}  # fmt: skip


@st.cache_resource(max_entries=16, show_spinner=False, hash_funcs=BY_KEY)
def _sweep(data: Data, w0: float, b0: float, how: Setting) -> linreg.SweepRuns:
    """Every η's run to ``MAX_EPOCHS`` (η and the epochs only pick from it), on the sweep's
    sample of the data; the loss is that of all the data."""
    chosen = sweep_sample(data)
    x, y = (data.x, data.y) if chosen is None else (data.x[chosen], data.y[chosen])
    return linreg.sweep_runs(x, y, SWEEP_ETAS, MAX_EPOCHS, w0, b0, *how, s=data.stats)


@st.cache_resource(max_entries=16, show_spinner=False, hash_funcs=BY_KEY)
def sweep_figure(
    data: Data, eta: float, epochs: int, w0: float, b0: float, how: Setting, lang: str
) -> Figure:
    """Final loss after ``epochs`` against η, the current η marked."""
    table = _sweep(data, w0, b0, how).table(epochs)
    return figures.sweep_figure(table, eta, texts(TEXT, lang, "fig."))


@st.cache_resource(max_entries=2, show_spinner=False)
def slide_table(lang: str) -> pd.DataFrame:
    """The slide's w, b next to the exact ones (the lecture's run, whatever the controls)."""
    lecture, how = data(LECTURE_CSV), setting("online", 2, False, 0)
    trace = run(lecture, linreg.LECTURE_ETA, linreg.LECTURE_EPOCHS, 0.0, 0.0, how)
    compared = sgd_table.slide_comparison(trace)
    return compared.assign(how=compared["how"].map(texts(TEXT, lang, "how.")))


@st.cache_resource(max_entries=16, show_spinner=False, hash_funcs=BY_KEY)
def comparison(
    data: Data,
    etas: tuple[float, float, float],
    method: str,
    epochs: int,
    w0: float,
    b0: float,
    how: Setting,
    lang: str,
) -> tuple[Figure, pd.DataFrame]:
    """Plain SGD, SGD on standardised x and ``method`` on L(w, b), and a table of how far each
    got; ``etas`` in that order."""
    label = texts(TEXT, lang, "cmp.")
    kinds = ("sgd", "standardized", method)
    runs = {
        k: (eta, run(data, eta, epochs, w0, b0, how, k)) for k, eta in zip(kinds, etas, strict=True)
    }
    paths = [(label[name], *linreg.path(trace)) for name, (_, trace) in runs.items()]
    s = data.stats
    surface = linreg.loss_surface(s, *linreg.view_box(s, [(w, b) for _, w, b in paths]))
    summary = linreg.summary(runs, s)
    summary["method"] = summary["method"].map(label)
    # A run that did not diverge says so in a word (an empty cell would read as unknown).
    never = texts(TEXT, lang, "cell.")["never"]
    summary["diverged_at"] = [never if pd.isna(k) else str(k) for k in summary["diverged_at"]]
    figure = figures.loss_figure(surface, paths, (s.beta, s.beta0), texts(TEXT, lang, "fig."))
    return figure, summary
