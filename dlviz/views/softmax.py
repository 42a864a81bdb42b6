"""Cached work of the Softmax page: figures and tables per input, the digits, their training
(once per setting, to the epochs slider's end) and what the page shows after each epoch, and
the drawing canvas (a component registered once, here, at import)."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd
import streamlit as st

from dlviz import digits
from dlviz import softmax as sm
from dlviz import softmax_display as show
from dlviz import softmax_regression as sr
from dlviz.figures import Figure
from dlviz.figures import softmax as figures
from dlviz.i18n import texts, translator
from dlviz.texts.softmax import TEXT

EPOCHS_MAX = 100  # the epochs slider's end
# A setting is trained to EPOCHS_MAX at once when that is at most this much work, counted as
# N·(m+1) per epoch for the products plus BATCH_WORK per mini-batch for numpy's fixed cost of
# each step: on the 8×8 digits with N_b = 32, 1.4e7 (about 0.4 s). More work than that (small
# batches, a full MNIST) is trained to the epochs asked for, and on from there when more are.
FULL_WORK, BATCH_WORK = 2e7, 1000
TEST_FRACTION = 0.2
EXAMPLE = show.example_table()  # the slide's Y and A as the editable table (made once)

# The drawing canvas: the student draws, the component sends the ink as a 64×64 grid (``ink``).
CANVAS = st.components.v2.component(
    "dlviz.digit_canvas", html=figures.CANVAS_HTML, css=figures.CANVAS_CSS, js=figures.CANVAS_JS
)


# -- the slide's example, the explorer, the derivatives -----------------------------------------
@st.cache_resource(max_entries=32, show_spinner=False)
def losses(Y: np.ndarray, A: np.ndarray) -> tuple[pd.DataFrame, list[str], str]:
    """The loss of every sample (table), the slide's aligned sums (first four) and the mean."""
    table = sm.loss_table(Y, A)
    sums = [show.loss_latex(Y[i], A[i], i + 1, table["loss"][i]) for i in range(min(len(Y), 4))]
    return table, sums, show.mean_loss_latex(Y, A)


@st.cache_resource(max_entries=64, show_spinner=False)
def probabilities(z: tuple[float, ...], T: float, lang: str) -> tuple[Figure, str]:
    """a = softmax(z / T) as bars (the sum in the title) and as LaTeX."""
    a = sm.softmax(np.array(z), T)
    bars = figures.probability_bars(a, texts(TEXT, lang, "bars."))
    return bars, show.explorer_latex(np.array(z), T, a)


@st.cache_resource(max_entries=64, show_spinner=False)
def overflow(z: tuple[float, ...], shift: float) -> tuple[pd.DataFrame, bool]:
    """The naive and the stable softmax of z + c side by side; whether the naive one gave nan."""
    demo = sm.overflow_demo(np.array(z) + shift)
    return demo, bool((demo["naive"] == "nan").any())


@st.cache_resource(max_entries=64, show_spinner=False)
def jacobian(z: tuple[float, ...], T: float, lang: str) -> tuple[Figure, str]:
    """∂a/∂z at z / T as a heatmap, and its largest gap to finite differences."""
    logits = np.array(z) / T
    J = sm.softmax_jacobian(sm.softmax(logits))
    gap = f"{np.abs(sm.numeric_jacobian(logits) - J).max():.1e}"
    return figures.jacobian_heatmap(J, texts(TEXT, lang, "jac.")), gap


# How the table of ``logit_check`` is shown: the three derivatives to 8 decimals, the gap.
CHECK_FORMATS = {
    "a_minus_y": "%.8f",
    "autodiff": "%.8f",
    "finite_difference": "%.8f",
    "gap": "%.1e",
}


@st.cache_resource(max_entries=64, show_spinner=False)
def logit_check(z: tuple[float, ...], T: float, true_class: int) -> pd.DataFrame:
    """∂l/∂z = a − y by the formula, by autodiff and by finite differences (class 1-based)."""
    return sm.logit_gradient_check(np.array(z) / T, sm.one_hot([true_class - 1], len(z))[0])


@st.cache_resource(max_entries=64, show_spinner=False)
def paths(
    a: tuple[float, ...], y: tuple[float, ...], k: int, x2: float
) -> tuple[pd.DataFrame, str, str]:
    """The paths from w_k,2 to L: their table, the sum as LaTeX and the picture (DOT without
    numbers, so it stays still while x₂ moves: the numbers are in the table)."""
    table = sm.chain_paths(np.array(a), np.array(y), k - 1, x2)
    latex = show.paths_latex(table, np.array(a), np.array(y), k, x2)
    return table, latex, show.chain_graph(table, k, 2, numbers=False)


# -- the digits --------------------------------------------------------------------------------
UPLOAD = "softmax_upload"  # the session's MNIST files: (their ids, {name: bytes})


def keep_upload() -> None:
    """Keep the student's MNIST files (the uploader has just changed) in the session, so that
    they stay while the uploader is off the page (another section open)."""
    files = st.session_state.get(UPLOADER["key"]) or []
    if files:
        st.session_state[UPLOAD] = (
            tuple(f.file_id for f in files),
            {f.name: f.getvalue() for f in files},
        )
    else:  # removed by the student
        st.session_state.pop(UPLOAD, None)


# The MNIST uploader's arguments: the files it takes, and the callback that keeps them.
UPLOADER = {"key": "mnist", "accept_multiple_files": True, "on_change": keep_upload}


def kept_upload() -> tuple[tuple, Mapping[str, bytes]] | None:
    """The MNIST files kept in this session, if any."""
    return st.session_state.get(UPLOAD)


RUN = "softmax_run"  # the setting whose results this session shows, and its data


def model(
    source: str, nb: int, eta: float, epochs: int, seed: int, train: bool, lang: str
) -> tuple[digits.Dataset, Mapping, list[tuple[str, str]]]:
    """The data, the report of their training after ``epochs`` epochs, and what to tell the
    student about them (alert kind, text).

    The data: for ``source`` "mnist" the files kept in this session (else, or when they are
    not MNIST, the 8×8 digits). A setting (data, N_b, η, seed) is trained once per server, to
    the epochs slider's end when that is little work: the epochs slider then only shows part
    of it. A setting never trained before is trained when ``train`` (the button) is pressed,
    or when the session has no results for these data yet; until then the results shown are
    those of the session's last setting, and the student is told so."""
    t = translator(TEXT, lang)
    notes, upload = [], kept_upload() if source == "mnist" else None
    try:
        data = dataset(seed, upload)
    except digits.DigitsError as error:
        data, upload = dataset(seed, None), None
        notes.append(
            ("error", t(f"mnist.{error.code}", **error.details) + " " + t("mnist.fallback"))
        )
    if source == "mnist" and not upload and not notes:
        notes.append(("info", t("mnist.none")))
    setting = ((data.name, upload[0] if upload else None, seed), nb, eta, seed)
    last = st.session_state.get(RUN)
    if train or setting in _trained() or last is None or last[0][0][:2] != setting[0][:2]:
        st.session_state[RUN] = last = (setting, data)
    (key, nb, eta, seed), data = last
    if last[0] != setting:
        notes.append(("info", t("stale", nb=nb, eta=eta, epochs=epochs, seed=seed)))
    run = _training(key, nb, eta, seed, data)
    N, m = data.X_train.shape
    small = (N * (m + 1) + BATCH_WORK * -(-N // nb)) * EPOCHS_MAX <= FULL_WORK
    _train(run, EPOCHS_MAX if small else epochs, t)
    _trained().add(last[0])
    return data, report(key, nb, eta, seed, epochs, lang, run, data), notes


def dataset(seed: int, upload: tuple[tuple, Mapping[str, bytes]] | None) -> digits.Dataset:
    """The 8×8 digits, or the student's MNIST files ``upload`` = (their ids, {name: bytes}),
    split with ``seed``. A file that is not MNIST raises ``digits.DigitsError``."""
    key, files = upload if upload else (None, None)
    return _dataset(seed, key, files)


@st.cache_resource(max_entries=8, show_spinner=False)  # shared, not copied: only read
def _dataset(seed: int, key: tuple | None, _files: Mapping[str, bytes] | None) -> digits.Dataset:
    if key is None:
        return digits.load_digits(TEST_FRACTION, seed)
    return digits.load_mnist(dict(_files), TEST_FRACTION, seed)


@st.cache_resource(max_entries=1, show_spinner=False)
def _trained() -> set[tuple]:
    """The settings trained in this server (shared by every session): shown without the
    button. (One evicted from ``_training`` is trained again when shown.)"""
    return set()


@st.cache_resource(max_entries=16, show_spinner=False)
def _training(data: tuple, nb: int, eta: float, seed: int, _set: digits.Dataset) -> sr.Training:
    """One setting's training, shared by every session (made untrained: ``_train``)."""
    return sr.Training(
        _set.X_train, _set.y_train, _set.X_test, _set.y_test, eta, nb, seed, n_classes=10
    )


def _train(run: sr.Training, epochs: int, t) -> None:
    """Train ``run`` on to ``epochs`` epochs, with a progress bar (nothing when it is there)."""
    if run.epochs < epochs and run.diverged is None:
        bar = st.progress(0.0, text=t("progress", epochs=epochs))

        def live(epoch: int, row: dict) -> None:
            bar.progress(epoch / epochs, t("live", epochs=epochs, **sr.summary(row)))

        run.train(epochs, live)
        bar.empty()


@st.cache_resource(max_entries=64, show_spinner=False)
def report(
    data: tuple,
    nb: int,
    eta: float,
    seed: int,
    epochs: int,
    lang: str,
    _run: sr.Training,
    _set: digits.Dataset,
) -> Mapping:
    """The model after ``epochs`` epochs of one setting and its figures: training curves up
    to there, confusion matrix and mistakes on the test set, the rows of W as images."""
    model = _run.model(epochs)
    X, y = _set.X_test, _set.y_test
    test = sr.report_on_test_set(model, X, y)
    images, titles, probs = test["mistakes"]
    t = translator(TEXT, lang)
    return {
        "model": model,
        "summary": sr.summary(model.history_.iloc[-1]),
        "diverged": model.diverged_,
        "curves": figures.training_curves(model.history_, texts(TEXT, lang, "curve.")),
        "confusion": figures.confusion_figure(test["confusion"], texts(TEXT, lang, "conf.")),
        "weights": figures.weight_images(model.W_, _set.side, t("weights.title")),
        "wrong": figures.image_grid(images, _set.side, titles) if titles else None,
        "probs": probs,
    }


def drawn(image: np.ndarray, side: int, a: np.ndarray, lang: str) -> Figure:
    """The student's drawing as the model sees it, and its class probabilities."""
    return figures.drawn_digit(image, side, a, texts(TEXT, lang, "drawbars."))
