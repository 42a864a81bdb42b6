"""Cached work of the Logistic regression page: the data and what they say, one (β₀, β) on one
feature, and training by gradient descent, run once per (data, η) to the epochs slider's end.

A data set is named by a plain key (see :func:`data_key`); every function here takes keys,
numbers and the language code, never arrays, so its cache is cheap to look up.
"""

from __future__ import annotations

from typing import NamedTuple

import pandas as pd
import streamlit as st

from dlviz import binary_data, logistic
from dlviz import logistic_report as report
from dlviz.csvdata import check_pasted, too_big
from dlviz.figures import Figure
from dlviz.figures import logistic as figures
from dlviz.i18n import texts, translator
from dlviz.texts.logistic import TEXT
from dlviz.views import refusals_kept

MAX_EPOCHS = 5000  # the epochs slider's end: each (data, η) is trained this far, once
PASTE_CHARS = 40_000  # the paste box holds this many characters: a text that fills it is refused
DataKey = tuple  # (source, N, seed, noise, CSV text or bytes, or TooBig): see data_key


class TooBig(NamedTuple):
    """Stands in a data set's key for a file over the size limit: the key stays cheap to hash
    (every cached function below hashes it), and ``load`` refuses it."""

    size: int


def data_key(source: str, n: int, seed: int, noise: float, csv: str | bytes) -> DataKey:
    """The data set's key, without what does not change it (the noise of the 1-D example, the
    CSV text when another source is chosen)."""
    if source != "csv":
        csv = ""
    elif len(csv) > binary_data.MAX_CSV_BYTES:
        csv = TooBig(len(csv))
    return (source, n, seed, noise if source == "blobs" else 1.0, csv)


def one_feature(key: DataKey) -> DataKey:
    """The data of the one-feature sections: these data, or the 1-D example (same N and seed)
    when they have two features."""
    return key if load(key).m == 1 else data_key("example", key[1], key[2], 1.0, "")


def load(key: DataKey) -> binary_data.Dataset:
    """The data set; a CSV that cannot be used raises ``CSVError`` (a ``ValueError``).

    A pasted text that fills its box is refused before anything else. Otherwise the outcome
    is kept, a refusal too: a bad file is read once, not again on every rerun of the page."""
    csv = key[4]
    if isinstance(csv, str):
        check_pasted(csv, PASTE_CHARS)
    return _load(key)


@refusals_kept(max_entries=16)  # read only: shared, not copied
def _load(key: DataKey) -> binary_data.Dataset:
    source, n, seed, noise, csv = key
    if source == "blobs":
        return binary_data.two_classes(n, noise, seed)
    if source != "csv":
        return binary_data.smoking_example(n, seed)
    if isinstance(csv, TooBig):
        raise too_big(csv.size, binary_data.MAX_CSV_BYTES)
    return binary_data.from_csv(csv)


@st.cache_resource(max_entries=16, show_spinner=False)
def analysed(key: DataKey) -> report.Analysis:
    """Separation, the maximum likelihood and the least-squares contrast of the data."""
    data = load(key)
    return report.analyse(data.X, data.y)


def _names(lang: str) -> dict[str, str]:
    return texts(TEXT, lang, "fig.")


# -- the sigmoid; odds -----------------------------------------------------------------------------
@st.cache_resource(max_entries=16, show_spinner=False)
def sigmoid_figure(z: float, lang: str) -> Figure:
    return figures.sigmoid_figure(z, _names(lang))


@st.cache_resource(max_entries=16, show_spinner=False)
def linear_figure(key: DataKey, lang: str) -> Figure:
    """The least-squares line against the maximum-likelihood sigmoid (stays while β₀, β move)."""
    data, facts = load(key), analysed(key)
    return figures.linear_vs_logistic_figure(
        data.X[:, 0], data.y, facts.line, facts.fitted, _names(lang)
    )


@st.cache_resource(max_entries=16, show_spinner=False)
def odds_figure(key: DataKey, b0: float, beta: float, lang: str) -> Figure:
    data = load(key)
    return figures.odds_figure(data.X[:, 0], data.y, b0, beta, _names(lang))


# -- one (β₀, β): likelihood, cross-entropy and gradient --------------------------------------------
@st.cache_resource(max_entries=16, show_spinner=False)
def point(key: DataKey, b0: float, beta: float) -> report.Point:
    """Logits, Bernoulli probabilities and the numbers for the texts at (β₀, β)."""
    data = load(key)
    return report.at_point(data.X, data.y, b0, beta)


@st.cache_resource(max_entries=16, show_spinner=False)
def formulas(key: DataKey, b0: float, beta: float, lang: str) -> tuple[str, str]:
    """LaTeX with the data's values: L(β), l(β) and J(β); ∇J by the slide's formula and by
    finite differences."""
    data, check = load(key), translator(TEXT, lang)("grad.check")
    return (
        report.likelihood_latex(data.X, data.y, b0, [beta]),
        report.gradient_latex(data.X, data.y, b0, [beta], check),
    )


@st.cache_resource(max_entries=16, show_spinner=False)
def bars_figure(key: DataKey, b0: float, beta: float, lang: str) -> Figure:
    data = load(key)
    probs = point(key, b0, beta).probs
    return figures.likelihood_bars_figure(data.X[:, 0], data.y, probs, _names(lang))


@st.cache_resource(max_entries=16, show_spinner=False)
def underflow(key: DataKey, b0: float, beta: float, nmax: int, lang: str):
    """The numbers for the texts and the figure of the likelihood as N grows to ``nmax``."""
    data = load(key)
    run, numbers = report.underflow(data.X, data.y, b0, beta, nmax)
    return numbers, figures.underflow_figure(run.product, run.log_sum, _names(lang))


@st.cache_resource(max_entries=16, show_spinner=False)
def surface_figure(key: DataKey, b0: float, beta: float, lang: str) -> Figure:
    """The log-likelihood surface l(β₀, β) with the point and the maximum (★)."""
    data, facts = load(key), analysed(key)
    b0s, betas, values = report.likelihood_surface(data.X, data.y, b0, beta, facts.fitted)
    star = None if facts.best is None else logistic.plane_point(*facts.best)
    return figures.surface_figure(
        b0s, betas, values, ("β₀", "β"), (b0, beta), star, None, "l(β)", _names(lang)
    )


@st.cache_resource(max_entries=16, show_spinner=False)
def bce_figure(key: DataKey, b0: float, beta: float, lang: str) -> Figure:
    z = point(key, b0, beta).z
    return figures.bce_curves_figure(load(key).y, z, _names(lang))


@st.cache_resource(max_entries=16, show_spinner=False)
def gradient_figure(key: DataKey, b0: float, beta: float, lang: str) -> Figure:
    data, z = load(key), point(key, b0, beta).z
    return figures.gradient_points_figure(data.X[:, 0], data.y, z, _names(lang))


# -- training --------------------------------------------------------------------------------------
@st.cache_resource(max_entries=16, show_spinner=False)
def history(key: DataKey, eta: float) -> logistic.Fit:
    """Gradient descent on the data from β = 0, ``MAX_EPOCHS`` epochs: done once per (data, η);
    a shorter training is the start of it (``Fit.until``)."""
    data = load(key)
    return logistic.fit(data.X, data.y, eta, MAX_EPOCHS)


class Training(NamedTuple):
    fit: logistic.Fit  # exactly ``epochs`` epochs (or up to where it diverged)
    diagnosis: report.Diagnosis  # the one message on the run: its kind, text keys and numbers
    slice_b0: float | None  # β₀ of the loss surface's slice (two features), else None
    figures: tuple[Figure, Figure, Figure]  # the fit per epoch (animated), J per epoch, the path
    confusion: pd.DataFrame  # at the end: rows the true class y, columns the predicted ŷ


@st.cache_resource(max_entries=16, show_spinner=False)
def training(key: DataKey, eta: float, epochs: int, lang: str) -> Training:
    data, facts, longest = load(key), analysed(key), history(key, eta)
    fit = longest.until(epochs)
    diagnosis = report.diagnose(fit, facts.separation, facts.best, data.X, data.y)
    view = report.loss_view(data.X, data.y, fit, facts.best, longest=longest)
    names = _names(lang)
    x = data.X[:, 0] if data.m == 1 else data.X
    animated = getattr(figures, f"training_{min(data.m, 2)}d_figure")(x, data.y, fit, names)
    path = figures.surface_figure(
        view.ax1, view.ax2, view.J, view.axes, None, view.star, view.path, "J", names
    )
    matrix = logistic.confusion_matrix(data.y, logistic.net_input(data.X, fit.b0_, fit.beta_))
    confusion = pd.DataFrame(matrix, columns=["ŷ = 0", "ŷ = 1"])
    confusion.insert(0, "y \\ ŷ", ["y = 0", "y = 1"])
    return Training(
        fit,
        diagnosis,
        view.slice_b0,
        (animated, figures.loss_curve_figure(fit, names), path),
        confusion,
    )
