"""Cached work of the Softmax page: figures and tables per input, the digits, their training
(once per setting, to the epochs slider's end) and what the page shows after each epoch, and
the drawing canvas (a component registered once, here, at import)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Mapping

import numpy as np
import pandas as pd
import streamlit as st
from threadpoolctl import ThreadpoolController  # installed with scikit-learn

from dlviz import digits, params
from dlviz import softmax as sm
from dlviz import softmax_display as show
from dlviz import softmax_regression as sr
from dlviz.figures import Figure
from dlviz.figures import softmax as figures
from dlviz.i18n import quoted, texts, translator
from dlviz.texts.softmax import TEXT

EPOCHS_MAX = 100  # the epochs slider's end
TEST_FRACTION = 0.2
EXAMPLE = show.example_table()  # the slide's Y and A as the editable table (made once)
# The table in the link (?table=y1,y2,y3,a1,a2,a3;…): up to 20 rows keep a link short.
EXAMPLE_SPEC = params.TableParam(params.TableParam.rows_of(EXAMPLE), len(EXAMPLE.columns), 20)

# The drawing canvas: the student draws, the component sends the ink as a 64×64 grid (``ink``).
CANVAS = st.components.v2.component(
    "dlviz.digit_canvas", html=figures.CANVAS_HTML, css=figures.CANVAS_CSS, js=figures.CANVAS_JS
)


# -- the slide's example, the explorer, the derivatives -----------------------------------------
@st.cache_resource(max_entries=16, show_spinner=False)
def losses(Y: np.ndarray, A: np.ndarray) -> tuple[pd.DataFrame, str, str]:
    """The loss of every sample (table), the slide's sums written out (first four, one aligned
    formula) and the mean."""
    table = sm.loss_table(Y, A)
    return table, show.loss_latex(Y, A, table["loss"].to_numpy()), show.mean_loss_latex(Y, A)


@st.cache_resource(max_entries=16, show_spinner=False)
def probabilities(z: tuple[float, ...], T: float, lang: str) -> tuple[Figure, str]:
    """a = softmax(z / T) as bars (the sum in the title) and as LaTeX."""
    a = sm.softmax(np.array(z), T)
    bars = figures.probability_bars(a, texts(TEXT, lang, "bars."))
    return bars, show.explorer_latex(np.array(z), T, a)


@st.cache_resource(max_entries=16, show_spinner=False)
def overflow(z: tuple[float, ...], shift: float) -> tuple[pd.DataFrame, bool]:
    """The naive and the stable softmax of z + c side by side; whether the naive one gave nan."""
    logits = np.array(z) + shift
    return sm.overflow_demo(logits), bool(np.isnan(sm.naive_softmax(logits)).any())


@st.cache_resource(max_entries=16, show_spinner=False)
def jacobian(z: tuple[float, ...], T: float, lang: str) -> tuple[Figure, str, str]:
    """∂a/∂z at z / T as a heatmap, its largest gap to finite differences, and the slide's two
    entries (outlined on the heatmap) as LaTeX."""
    logits = np.array(z) / T
    J = sm.softmax_jacobian(sm.softmax(logits))
    gap = f"{np.abs(sm.numeric_jacobian(logits) - J).max():.1e}"
    figure = figures.jacobian_heatmap(J, texts(TEXT, lang, "jac."))
    return figure, gap, show.jacobian_entries_latex(J)


# How the table of ``logit_check`` is shown: the three derivatives to 8 decimals, the gap.
CHECK_FORMATS = {
    "a_minus_y": "%.8f",
    "autodiff": "%.8f",
    "finite_difference": "%.8f",
    "gap": "%.1e",
}


@st.cache_resource(max_entries=16, show_spinner=False)
def logit_check(z: tuple[float, ...], T: float, true_class: int) -> pd.DataFrame:
    """∂l/∂z = a − y by the formula, by autodiff and by finite differences (class 1-based)."""
    return sm.logit_gradient_check(np.array(z) / T, sm.one_hot([true_class - 1], len(z))[0])


@st.cache_resource(max_entries=16, show_spinner=False)
def paths(
    a: tuple[float, ...], y: tuple[float, ...], k: int, x2: float
) -> tuple[pd.DataFrame, str, str]:
    """The paths from w_k,2 to L: their table, the sum as LaTeX and the picture (DOT without
    numbers, so it stays still while x₂ moves: the numbers are in the table)."""
    table = sm.chain_paths(np.array(a), np.array(y), k - 1, x2)
    latex = show.paths_latex(table, np.array(a), np.array(y), k, x2)
    return table, latex, show.chain_graph(table, k, 2, numbers=False)


def bad_input(error: sm.SoftmaxInputError, lang: str) -> str:
    """What is wrong with the labels or the table A, Y the student typed, translated; their
    own text (a label that is not one) as typed, in a code span: never a link or a formula."""
    details = dict(error.details)
    if error.code == "labels_int_text":
        details["value"] = quoted(details["value"])
    return translator(TEXT, lang)(f"bad.{error.code}", **details)


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


# The digits' data: the 5,000 real MNIST digits (28×28, the slide's), the 8×8 digits (fast), or
# a full MNIST file; and the training controls' links.
DATA = params.ChoiceParam(digits.MNIST_5K, (digits.MNIST_5K, "digits", "mnist"))
TRAINING = {
    "nb": params.IntParam(sr.DEFAULT_BATCH, 1, 512),
    "eta": params.GridParam(sr.DEFAULT_ETA, params.log_grid(-3, 2)),
    "epochs": params.IntParam(sr.DEFAULT_EPOCHS, 1, EPOCHS_MAX),
    "seed": params.IntParam(0, 0, 10_000),
}

# The MNIST uploader's arguments for ``Page.upload``: its key, any file type (npz, idx, gz), the
# largest file (the browser refuses a larger one before sending it), and the callback that keeps
# the files.
UPLOADER = {
    "key": "mnist",
    "types": None,
    "max_bytes": digits.MAX_UPLOAD_BYTES,
    "accept_multiple_files": True,
    "on_change": keep_upload,
}


def kept_upload() -> tuple[tuple, Mapping[str, bytes]] | None:
    """The MNIST files kept in this session, if any."""
    return st.session_state.get(UPLOAD)


def refusal(error: digits.DigitsError, lang: str) -> str:
    """What is wrong with the student's files, translated, then what is used instead. The file's
    own words (a file name, the keys of an .npz, a dtype) as code spans (``i18n.quoted``)."""
    t = translator(TEXT, lang)
    details = dict(error.details)
    where = []
    if "file" in details:
        where.append(t("mnist.in_file", name=quoted(details.pop("file"))))
    if "part" in details:
        where.append(t(f"mnist.in_{details.pop('part')}"))
    if "found" in details:
        details["found"] = ", ".join(quoted(key) for key in details["found"]) or "—"
    if "dtype" in details:
        details["dtype"] = quoted(details["dtype"])
    return " ".join([*where, t(f"mnist.{error.code}", **details), t("mnist.fallback")])


RUN = "softmax_run"  # the setting whose results this session shows
# A rerun trains at most this many estimated CPU seconds (``sr.epoch_seconds``), and at least
# one epoch; the next rerun (the button) goes on from there. A setting whose EPOCHS_MAX epochs
# take at most FULL_SECONDS is trained to the slider's end at once (then the epochs slider only
# shows part of it: the 8×8 digits with N_b ≥ 16 or so); another is trained to the epochs asked.
BUDGET_SECONDS, FULL_SECONDS = 2.0, 0.5


def model(
    source: str, nb: int, eta: float, epochs: int, seed: int, train: bool, lang: str
) -> tuple[digits.Dataset, Mapping, list[tuple[str, str]]]:
    """The data, the report of their training after ``epochs`` epochs, and what to tell the
    student about them (alert kind, text).

    The data: for ``source`` "mnist" the files kept in this session (else, or when they are
    not MNIST, the 5,000 MNIST digits: the default), for "digits" the 8×8 digits, else the
    5,000 real MNIST digits of 28×28 (``digits.MNIST_5K``). A setting (data, N_b, η, seed) is trained once per server, to
    the epochs slider's end when that is little work: the epochs slider then only shows part
    of it. A setting never trained before is trained when ``train`` (the button) is pressed,
    or when the session has no results for these data yet; until then the results shown are
    those of the session's last setting, and the student is told so. One rerun trains at most
    BUDGET_SECONDS of work: a setting that needs more is trained on at the next rerun, and the
    student is told how far it got."""
    t = translator(TEXT, lang)
    notes, upload = [], kept_upload() if source == "mnist" else None
    try:
        data = dataset(seed, upload, source)
    except digits.DigitsError as error:
        data, upload = dataset(seed, None), None
        notes.append(("error", refusal(error, lang)))
    if source == "mnist" and not upload and not notes:
        notes.append(("info", t("mnist.none")))
    setting = ((data.name, upload[0] if upload else None, seed), nb, eta, seed)
    last = st.session_state.get(RUN)
    if train or setting in _trained() or last is None or last[0][:2] != setting[0][:2]:
        st.session_state[RUN] = last = setting
    key, nb, eta, seed = last
    if last != setting:
        notes.append(("info", t("stale", nb=nb, eta=eta, epochs=epochs, seed=seed)))
        data = dataset(key[2], upload, key[0])  # the same data, split with the seed shown
    run = training(key, nb, eta, seed, data)
    per_run = max(1, int(BUDGET_SECONDS // run.epoch_seconds))
    cheap = EPOCHS_MAX * run.epoch_seconds <= FULL_SECONDS  # to the slider's end at once
    _train(run, EPOCHS_MAX if cheap else epochs, per_run, t)
    _trained().add(last)
    shown = min(epochs, run.epochs)
    if shown < epochs and run.diverged is None:
        budget = {"per": per_run, "seconds": f"{BUDGET_SECONDS:g}"}
        notes.append(("info", t("budget", done=shown, epochs=epochs, **budget)))
    return data, report(key, nb, eta, seed, shown, lang, run, data), notes


def dataset(
    seed: int, upload: tuple[tuple, Mapping[str, bytes]] | None, name: str = digits.MNIST_5K
) -> digits.Dataset:
    """The student's MNIST files ``upload`` = (their ids, {name: bytes}) if any, else the
    bundled data set ``name`` ("digits": the 8×8 digits; otherwise the 5,000 MNIST digits),
    split with ``seed``. A file that is not MNIST raises ``digits.DigitsError``."""
    if not upload:
        return _digits(seed) if name == "digits" else _mnist_5k(seed)
    ids, files = upload
    return _uploaded().dataset((ids, seed), files)


def training(key: tuple, nb: int, eta: float, seed: int, data: digits.Dataset) -> sr.Training:
    """One setting's training, shared by every session (made untrained: ``_train``): kept with
    the uploaded data it reads, or among the trainings on the bundled data sets."""
    if key[1] is None:
        return _training(key, nb, eta, seed, data)
    return _uploaded().training((key[1], key[2]), (nb, eta, seed), data)


@st.cache_resource(max_entries=8, show_spinner=False)  # shared, not copied: only read
def _digits(seed: int) -> digits.Dataset:
    return digits.load_digits(TEST_FRACTION, seed)


@st.cache_resource(max_entries=8, show_spinner=False)  # 16 MB each, shared: only read
def _mnist_5k(seed: int) -> digits.Dataset:
    """The 5,000 MNIST digits split with ``seed`` (the file is parsed once per server process:
    ``digits.mnist_5k``; a new seed only needs a new split)."""
    return digits.load_mnist_5k(TEST_FRACTION, seed)


def _nbytes(*arrays: np.ndarray) -> int:
    return sum(array.nbytes for array in arrays)


class Uploads:
    """The data sets made of uploaded files, shared by every session, with the trainings made on
    them (a training reads its data set's images, without a copy): at most ``entries`` data
    sets and ``size`` bytes in all, the least recently used dropped first, and at most
    ``trainings`` trainings per data set. Files that are not MNIST are remembered too (their
    error), so that they are not read again on every rerun."""

    def __init__(self, entries: int, size: int, trainings: int) -> None:
        self.entries, self.size, self.trainings = entries, size, trainings
        self._items: OrderedDict[tuple, tuple[object, OrderedDict]] = OrderedDict()
        self._lock = threading.Lock()

    def dataset(self, key: tuple, files: Mapping[str, bytes]) -> digits.Dataset:
        """The data set of ``files`` split with ``key[1]`` (the seed), read once."""
        with self._lock:  # one upload read at a time (under a second each)
            if key not in self._items:
                try:
                    made = digits.load_mnist(dict(files), TEST_FRACTION, key[1])
                except digits.DigitsError as error:
                    made = (error.code, error.details)
                self._items[key] = (made, OrderedDict())
                self._trim()
            self._items.move_to_end(key)
            made = self._items[key][0]
        if isinstance(made, tuple):  # a new error each time: a raised one keeps its traceback
            raise digits.DigitsError(made[0], **made[1])
        return made

    def training(self, key: tuple, setting: tuple, data: digits.Dataset) -> sr.Training:
        """The training ``setting`` = (N_b, η, seed) on the data set ``key``, made once."""
        with self._lock:
            entry = self._items.get(key)
            if entry is None or entry[0] is not data:  # dropped meanwhile: kept again
                entry = self._items[key] = (data, OrderedDict())
            runs = entry[1]
            if setting not in runs:
                nb, eta, seed = setting
                runs[setting] = sr.Training(data.X_train, data.y_train, data.X_test,
                                            data.y_test, eta, nb, seed, n_classes=10)  # fmt: skip
                while len(runs) > self.trainings:
                    runs.popitem(last=False)
            runs.move_to_end(setting)
            self._items.move_to_end(key)
            self._trim()
            return runs[setting]

    def nbytes(self) -> int:
        """The bytes the kept data sets and trainings hold (with every epoch's weights)."""
        return sum(self._entry_bytes(made, runs) for made, runs in self._items.values())

    @staticmethod
    def _entry_bytes(made: object, runs: Mapping) -> int:
        if not isinstance(made, digits.Dataset):
            return 0
        data = _nbytes(made.X_train, made.y_train, made.X_test, made.y_test)
        weights = (EPOCHS_MAX + 1) * made.X_train.shape[1] * 10 * 4  # at most, per training
        return data + sum(run.Y.nbytes + weights for run in runs.values())

    def _trim(self) -> None:
        """Drop the least recently used data sets over the bounds (never the newest)."""
        while len(self._items) > 1 and (
            len(self._items) > self.entries or self.nbytes() > self.size
        ):
            self._items.popitem(last=False)


@st.cache_resource(max_entries=1, show_spinner=False)
def _uploaded() -> Uploads:
    """The server's uploaded data sets: 8 at most, 1 GiB in all (four full MNIST in float32)."""
    return Uploads(entries=8, size=2**30, trainings=16)


@st.cache_resource(max_entries=1, show_spinner=False)
def _trained() -> set[tuple]:
    """The settings trained in this server (shared by every session): shown without the
    button. (One evicted from ``_training`` is trained again when shown.)"""
    return set()


@st.cache_resource(max_entries=16, show_spinner=False)
def _training(data: tuple, nb: int, eta: float, seed: int, _set: digits.Dataset) -> sr.Training:
    """One setting's training on a bundled data set (the 5,000 MNIST digits or the 8×8 digits),
    shared by every session (made untrained)."""
    return sr.Training(
        _set.X_train, _set.y_train, _set.X_test, _set.y_test, eta, nb, seed, n_classes=10
    )


class OneBlasThread:
    """While any session trains, numpy's BLAS runs on one thread (``with ONE_BLAS_THREAD:``).
    On the course's 2-core server, shared by a class, OpenBLAS's own threads made a batch's
    product 20 times slower under load (3.8 ms instead of 0.18 ms for 512 × 784 by 784 × 10)
    and spent a second core waiting; the last session to finish restores the setting."""

    def __init__(self) -> None:
        self._lock, self._users, self._limit = threading.Lock(), 0, None
        self._controller = ThreadpoolController()

    def __enter__(self) -> None:
        with self._lock:
            if self._users == 0:
                self._limit = self._controller.limit(limits=1, user_api="blas")
            self._users += 1

    def __exit__(self, *_) -> None:
        with self._lock:
            self._users -= 1
            if self._users == 0:
                self._limit.restore_original_limits()


ONE_BLAS_THREAD = OneBlasThread()


def _train(run: sr.Training, epochs: int, per_run: int, t) -> None:
    """Train ``run`` on to ``epochs`` epochs, at most ``per_run`` more in this rerun, with a
    progress bar (nothing when it is there)."""
    goal = min(epochs, run.epochs + per_run)
    if run.epochs < goal and run.diverged is None:
        bar = st.progress(0.0, text=t("progress", epochs=goal))

        def live(epoch: int, row: dict) -> None:
            bar.progress(epoch / goal, t("live", epochs=goal, **sr.summary(row)))

        with ONE_BLAS_THREAD:
            run.train(goal, live)
        bar.empty()


@st.cache_resource(max_entries=16, show_spinner=False)
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


def pushed(image: np.ndarray, model: sr.SoftmaxRegression, a: np.ndarray, lang: str):
    """Which weights pushed the decision: x ⊙ w_k for the predicted class and the runner-up
    (figure), and z_k = Σ(x ⊙ w_k) + b_k for both, with their probabilities (LaTeX)."""
    t = translator(TEXT, lang)
    first, second = (int(k) for k in np.argsort(-a, kind="stable")[:2])
    x = np.asarray(image, dtype=float)
    sums = {k: float(x @ model.W_[k]) for k in (first, second)}
    titles = [t("push.tile", k=k, s=f"{sums[k]:+.2f}") for k in (first, second)]
    figure = figures.pushed(x, model.W_, [first, second], titles, t("push.title"))
    z = model.net_input(x[None, :])[0]
    lines = [
        rf"z_{k} &= \textstyle\sum_j x_j w_{{{k},j}} + b_{k} = {sums[k]:.3f}"
        rf" {'-' if model.b_[k] < 0 else '+'} {abs(model.b_[k]):.3f}"
        rf" = {z[k]:.3f},\quad a_{k} = {a[k]:.3f}"
        for k in (first, second)
    ]
    return figure, r"\begin{aligned}" + r" \\ ".join(lines) + r"\end{aligned}"


def reading(image: np.ndarray, side: int, model: sr.SoftmaxRegression, lang: str) -> dict:
    """What the draw section shows of a prepared digit: the result line, the probabilities' bars,
    how the drawing was prepared, and which weights pushed the decision (formula and figure)."""
    t = translator(TEXT, lang)
    a = model.predict_proba(image[None, :])[0]
    figure, sums = pushed(image, model, a, lang)
    prepared = t(
        "draw.prepared" if side == 28 else "draw.prepared8",
        box=20 if side == 28 else side,
        side=side,
    )
    return {
        "result": t("draw.result", k=int(a.argmax()), p=f"{a.max():.1%}"),
        "bars": drawn(image, side, a, lang),
        "prepared": prepared,
        "sums": sums,
        "pushed": figure,
    }
