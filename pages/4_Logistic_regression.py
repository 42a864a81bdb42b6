"""Logistic regression page: sigmoid, odds, Bernoulli likelihood, binary cross-entropy, its
gradient and training by gradient descent (lecture 03, section "Regresión Logística"), one
section at a time."""

import streamlit as st

from dlviz import binary_data, csvdata, logistic, ui
from dlviz.logistic_report import FORMULAS, latex_number
from dlviz.params import ChoiceParam, FloatParam, GridParam, IntParam, TextParam, log_grid
from dlviz.texts.logistic import TEXT
from dlviz.views import logistic as views

DEFAULT_DATA = views.data_key("example", 30, 1, 1.0, "")

page = ui.Page(TEXT, "page.logistic")
t = page.t

st.markdown(t("intro"))
st.latex(FORMULAS["model"])

# -- the data: every section but the sigmoid's uses them --------------------------------------------
c1, c2, c3, c4 = st.columns([3, 2, 1, 2])
source = page.select(
    "source", ChoiceParam("example", ("example", "blobs", "csv")), "source", where=c1
)
n = page.slider("n", IntParam(30, 10, 400), "n", where=c2, disabled=source == "csv")
seed = page.number("seed", IntParam(1, 0, 9999), "seed", where=c3, disabled=source == "csv")
noise = page.slider(
    "noise", FloatParam(1.0, 0.1, 3.0), "noise", step=0.1, where=c4, disabled=source != "blobs"
)
csv = ""
if source == "csv":
    st.markdown(t("data.csv", rows=binary_data.MAX_CSV_ROWS, chars=views.PASTE_CHARS))
    up, paste = st.columns(2)
    upload = page.upload(
        "csv_file", "csv.upload", ["csv", "txt"], binary_data.MAX_CSV_BYTES, where=up
    )
    spec = TextParam(binary_data.SAMPLE_CSV, views.PASTE_CHARS)
    pasted = page.text_area("csv_text", spec, "csv.paste", where=paste, height=160)
    csv = upload.getvalue() if upload is not None else pasted
key, data = page.kept(
    "data",
    views.data_key(source, n, seed, noise, csv),
    views.load,
    DEFAULT_DATA,
    lambda error: csvdata.explain(error, t),
    link="csv_text",  # a pasted text it refuses stays out of the link
)
ones = int(data.y.sum())
summary = t("data.summary", n=data.n, ones=ones, zeros=data.n - ones, m=data.m)
st.caption(summary if source == "csv" else t(f"data.{source}") + " " + summary)


def separation(facts):  # data with no maximum of the likelihood
    if facts.separation:
        page.alert("warning", t(f"separable.{facts.separation}"))


def one_feature():  # the data of a one-feature section, and what they say
    one = views.one_feature(key)
    if one != key:
        page.alert("info", t("one.feature"))
    facts = views.analysed(one)
    separation(facts)
    return one, facts


def b0_beta(facts):  # the point (β₀, β) of z = β₀ + βx, and a button to the maximum
    c1, c2, c3 = st.columns([3, 3, 2], vertical_alignment="bottom")
    b0 = page.slider("b0", FloatParam(-2.0, -20.0, 20.0), "b0", step=0.05, where=c1)
    beta = page.slider("beta", FloatParam(0.5, -5.0, 5.0), "beta", step=0.01, where=c2)
    target = dict(zip(("b0", "beta"), facts.target or (b0, beta), strict=True))
    c3.button(
        t("best"),
        key="best",
        help=t("best.help"),
        disabled=facts.target is None,
        width="stretch",
        on_click=lambda: st.session_state.update(target),
    )
    return b0, beta


def sigmoid():  # the slide: σ(z), σ(0) = 0.5 and the 0.5 threshold
    st.subheader(t("sigmoid.header"))
    left, right = st.columns(2)  # the left one holds σ(−9.9) = 5.01722 × 10⁻⁵ whole
    z = page.slider("z", FloatParam(0.0, -10.0, 10.0), "z", step=0.1, where=left)
    a = float(logistic.sigmoid(z))
    left.latex(rf"\sigma({z:g}) = \frac{{1}}{{1 + e^{{{0.0 - z + 0.0:g}}}}} = {latex_number(a, 6)}")
    left.latex(FORMULAS["threshold"])
    cmp, cls = ("≥", 1) if a >= 0.5 else ("<", 0)
    left.markdown(t("sigmoid.class", z=f"{z:g}", a=f"{a:.6g}", cmp=cmp, cls=cls))
    with right:
        page.plot(views.sigmoid_figure(z, page.lang), key="sigmoid")


def odds():  # least squares leaves [0, 1], the sigmoid does not; odds and log-odds
    one, facts = one_feature()
    st.subheader(t("linear.header"))
    st.markdown(t("linear.leaves", **facts.numbers))
    page.plot(views.linear_figure(one, page.lang), key="linear")
    st.subheader(t("odds.header"))
    st.markdown(t("odds.intro"))
    st.latex(FORMULAS["odds"])
    st.caption(t("odds.slip"))
    b0, beta = b0_beta(facts)
    page.plot(views.odds_figure(one, b0, beta, page.lang), key="odds")


def mle():  # Bernoulli probabilities, the product that underflows, the log-likelihood surface
    one, facts = one_feature()
    st.subheader(t("mle.header"))
    st.markdown(t("mle.intro"))
    st.latex(FORMULAS["likelihood"])
    st.caption(t("mle.slip"))
    b0, beta = b0_beta(facts)
    st.latex(views.formulas(one, b0, beta, page.lang)[0])
    bars, under = st.columns(2)
    with under:
        nmax = page.slider("nmax", IntParam(3000, 100, 20000), "nmax", step=100)
        numbers, figure = views.underflow(one, b0, beta, nmax, page.lang)
        page.plot(figure, key="underflow")
    with bars:
        page.plot(views.bars_figure(one, b0, beta, page.lang), key="bars")
    st.markdown(t("underflow.zero" if numbers["zero_at"] else "underflow.none", **numbers))
    st.subheader(t("surface.header"))
    page.plot(views.surface_figure(one, b0, beta, page.lang), key="surface")
    st.markdown(t("surface.none") if facts.best is None else t("surface.best", **facts.numbers))


def bce():  # binary cross-entropy and its gradient (1/N)Σ(ŷ − y)x, checked numerically
    one, facts = one_feature()
    st.subheader(t("bce.header"))
    st.markdown(t("bce.intro"))
    st.latex(FORMULAS["bce"])
    b0, beta = b0_beta(facts)
    point = views.point(one, b0, beta)
    st.markdown(t("bce.value", **point.numbers))
    page.plot(views.bce_figure(one, b0, beta, page.lang), key="bce")
    st.subheader(t("grad.header"))
    st.latex(FORMULAS["gradient"])
    st.latex(views.formulas(one, b0, beta, page.lang)[1])
    st.markdown(t("grad.cases", **point.numbers))
    page.plot(views.gradient_figure(one, b0, beta, page.lang), key="gradient")
    page.show_code(logistic.bce_with_logits, logistic.gradient)


def train():  # gradient descent on the chosen data, animated per epoch in the browser
    st.subheader(t("train.header"))
    st.markdown(t("train.intro"))
    st.latex(FORMULAS["update"])
    st.caption(t("train.slip"))
    separation(views.analysed(key))
    c1, c2 = st.columns(2)
    eta = page.log_slider("eta", GridParam(0.2, log_grid(-3, 1)), "eta", where=c1)
    epochs = page.slider("epochs", IntParam(1000, 1, views.MAX_EPOCHS), "epochs", where=c2)
    run = views.training(key, eta, epochs, page.lang)
    said = run.diagnosis  # one verdict, one message
    page.alert(said.kind, " ".join(t(key, **said.numbers) for key in said.keys))
    animated, loss, path = run.figures
    f1, f2 = st.columns([3, 2])
    with f1:
        st.markdown(f"**{t('train.figure')}**")
        page.plot(animated, key="training")
    with f2:
        st.markdown(f"**{t('train.loss')}**")
        page.plot(loss, key="loss")
    s1, s2 = st.columns([3, 2])
    with s1:
        st.markdown(f"**{t('train.path')}**")
        page.plot(path, key="path")
        b0 = run.slice_b0
        st.caption(t("train.path.1d") if b0 is None else t("train.path.slice", b0=f"{b0:.4g}"))
    with s2:
        st.markdown(f"**{t('train.end')}**")
        st.metric(t("accuracy"), f"{run.fit.accuracy[-1]:.1%}")
        page.table(run.confusion, key="confusion")
        st.caption(t("train.confusion"))
    page.show_code(logistic.fit)


page.sections({"sigmoid": sigmoid, "odds": odds, "mle": mle, "bce": bce, "train": train})
