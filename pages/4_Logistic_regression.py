"""Logistic regression page: sigmoid, odds, Bernoulli likelihood, binary cross-entropy, its
gradient and training by gradient descent (lecture 03, section "Regresión Logística")."""

import streamlit as st

from dlviz import binary_data, i18n, logistic, ui
from dlviz import logistic_report as report
from dlviz.csvdata import CSVError
from dlviz.figures import logistic as figures
from dlviz.params import ChoiceParam, FloatParam, GridParam, IntParam, log_grid
from dlviz.texts.logistic import TEXT

DEFAULT_DATA = ("example", 30, 1, 1.0, "")
page = ui.Page(TEXT, "page.logistic")
t = page.t


def fig_names(lang):  # the figures' legends in one language
    return i18n.texts(TEXT, lang, "fig.")


names = fig_names(page.lang)


@ui.cache_data(max_entries=32)
def load(source, n, seed, noise, csv_data):
    if source == "csv":
        return binary_data.from_csv(csv_data)
    return binary_data.smoking_example(n, seed) if source == "example" else binary_data.two_classes(n, noise, seed)  # fmt: skip


@ui.cache_data(max_entries=32)
def analysed(key):
    data = load(*key)
    return report.analyse(data.X, data.y)


@ui.cache_data(max_entries=32)
def trained(key, eta, epochs):
    data = load(*key)
    fit = logistic.fit(data.X, data.y, eta, epochs)
    return fit, report.loss_view(data.X, data.y, fit, analysed(key).best)


@ui.cache_resource(max_entries=64)
def explored(one_key, b0, beta, nmax, lang):  # sections 5–8 for one (β₀, β): numbers, figures
    one, facts = load(*one_key), analysed(one_key)
    ex = report.explore(one.X, one.y, b0, beta, nmax, facts.fitted)
    return ex, figures.exploration_figures(one.X[:, 0], one.y, facts, b0, beta, ex, fig_names(lang))


@ui.cache_resource(max_entries=32)
def training_figures(key, eta, epochs, lang):  # cheap keys: the arrays are not hashed per rerun
    data, (fit, view) = load(*key), trained(key, eta, epochs)
    x = data.X[:, 0] if data.m == 1 else data.X
    z_end = logistic.net_input(data.X, fit.b0_, fit.beta_)
    names = fig_names(lang)
    return (getattr(figures, f"training_{min(data.m, 2)}d_figure")(x, data.y, fit, names),
            figures.loss_curve_figure(fit, names),
            figures.surface_figure(view.ax1, view.ax2, view.J, view.axes, None, view.star, view.path, "J", names),
            figures.confusion_figure(logistic.confusion_matrix(data.y, z_end), names))  # fmt: skip


def plot(key, builder, *args):
    page.plot(getattr(figures, builder)(*args, names), key=key)


st.markdown(t("intro"))
st.latex(report.FORMULAS["model"])

# -- 1. the sigmoid ------------------------------------------------------------------------------
st.subheader(t("sigmoid.header"))
left, right = st.columns([2, 3])
z = page.slider("z", FloatParam(0.0, -10.0, 10.0), "z", step=0.1, where=left)
a = float(logistic.sigmoid(z))
left.latex(rf"\sigma({z:g}) = \frac{{1}}{{1 + e^{{{0.0 - z + 0.0:g}}}}} = {a:.6g}")
left.latex(report.FORMULAS["threshold"])
left.markdown(t("sigmoid.class", z=f"{z:g}", a=f"{a:.6g}", cmp="≥" if a >= 0.5 else "<", cls=int(a >= 0.5)))  # fmt: skip
with right:
    plot("sigmoid", "sigmoid_figure", z)

# -- 2. the data ---------------------------------------------------------------------------------
st.subheader(t("data.header"))
c1, c2, c3, c4 = st.columns([3, 2, 1, 2])
source = page.select("source", ChoiceParam("example", ("example", "blobs", "csv")), "source", where=c1)  # fmt: skip
n = page.slider("n", IntParam(30, 10, 400), "n", where=c2, disabled=source == "csv")
seed = page.number("seed", IntParam(1, 0, 9999), "seed", where=c3, disabled=source == "csv")
noise = page.slider("noise", FloatParam(1.0, 0.1, 3.0), "noise", step=0.1, where=c4, disabled=source != "blobs")  # fmt: skip
csv_data = ""
if source == "csv":
    st.markdown(t("data.csv", rows=binary_data.MAX_CSV_ROWS))
    up, paste = st.columns(2)
    upload = up.file_uploader(t("csv.upload"), type=["csv", "txt"], help=t("csv.upload.help"))
    pasted = paste.text_area(t("csv.paste"), binary_data.SAMPLE_CSV, height=160, key="csv_text", help=t("csv.paste.help"))  # fmt: skip
    csv_data = upload.getvalue() if upload is not None else pasted
else:
    st.markdown(t(f"data.{source}"))
key = (source, n, seed, noise, csv_data)
try:
    data = load(*key)
    st.session_state.logistic_good = key
except CSVError as error:
    page.alert("error", t(f"csv.{error.code}", **error.details) + " " + t("csv.kept"))
    key = st.session_state.get("logistic_good", DEFAULT_DATA)
    data = load(*key)
ones = int(data.y.sum())
st.caption(t("data.summary", n=data.n, ones=ones, zeros=data.n - ones, m=data.m))
if analysed(key).separation:
    page.alert("warning", t(f"separable.{analysed(key).separation}"))

# -- 3.–8. one feature: the chosen data, or the 1-D example when the data have two ----------------
one_key = key if data.m == 1 else ("example", n, seed, 1.0, "")
if data.m > 1:
    page.alert("info", t("one.feature"))
one, facts = load(*one_key), analysed(one_key)
x, y = one.X[:, 0], one.y

st.subheader(t("linear.header"))
st.markdown(t("linear.leaves", **facts.numbers))
plot("linear", "linear_vs_logistic_figure", x, y, facts.line, facts.fitted)

st.subheader(t("odds.header"))
st.markdown(t("odds.intro"))
st.latex(report.FORMULAS["odds"])
st.caption(t("odds.slip"))
c1, c2, c3 = st.columns([3, 3, 2], vertical_alignment="bottom")
b0 = page.slider("b0", FloatParam(-2.0, -20.0, 20.0), "b0", step=0.05, where=c1)
beta = page.slider("beta", FloatParam(0.5, -5.0, 5.0), "beta", step=0.01, where=c2)
target = dict(zip(("b0", "beta"), facts.target or (b0, beta), strict=True))
c3.button(t("best"), key="best", help=t("best.help"), disabled=facts.target is None, width="stretch",
          on_click=lambda: st.session_state.update(target))  # fmt: skip
plot("odds", "odds_figure", x, y, b0, beta)

# -- 5. maximum likelihood -------------------------------------------------------------------------
st.subheader(t("mle.header"))
st.markdown(t("mle.intro"))
st.latex(report.FORMULAS["likelihood"])
st.caption(t("mle.slip"))
st.latex(report.likelihood_latex(one.X, y, b0, [beta]))
bars, under = st.columns(2)
with under:
    nmax = page.slider("nmax", IntParam(3000, 100, 20000), "nmax", step=100)
    ex, figs = explored(one_key, b0, beta, nmax, page.lang)
    page.plot(figs["underflow"], key="underflow")
with bars:
    page.plot(figs["bars"], key="bars")
st.markdown(t("underflow.zero" if ex.underflow.zero_at else "underflow.none", **ex.numbers))

# -- 6. the log-likelihood surface ---------------------------------------------------------------
st.subheader(t("surface.header"))
page.plot(figs["surface"], key="surface")
st.markdown(t("surface.none") if facts.best is None else t("surface.best", **facts.numbers))

# -- 7. binary cross-entropy -----------------------------------------------------------------------
st.subheader(t("bce.header"))
st.markdown(t("bce.intro"))
st.latex(report.FORMULAS["bce"])
st.markdown(t("bce.value", **ex.numbers))
page.plot(figs["bce"], key="bce")

# -- 8. the gradient -------------------------------------------------------------------------------
st.subheader(t("grad.header"))
st.latex(report.FORMULAS["gradient"])
st.latex(report.gradient_latex(one.X, y, b0, [beta], t("grad.check")))
st.markdown(t("grad.cases", **ex.numbers))
page.plot(figs["gradient"], key="gradient")

# -- 9. training -----------------------------------------------------------------------------------
st.subheader(t("train.header"))
st.markdown(t("train.intro"))
st.latex(report.FORMULAS["update"])
st.caption(t("train.slip"))
c1, c2 = st.columns(2)
eta = page.log_slider("eta", GridParam(0.2, log_grid(-3, 1)), "eta", where=c1)
epochs = page.slider("epochs", IntParam(1000, 1, 5000), "epochs", where=c2)
fit, view = trained(key, eta, epochs)
info = analysed(key)
for kind, text_key, numbers in report.training_messages(fit, info.separation, info.best, data.X, data.y):  # fmt: skip
    page.alert(kind, t(text_key, **numbers))
figs = training_figures(key, eta, epochs, page.lang)
f1, f2 = st.columns([3, 2])
with f1:
    st.markdown(f"**{t('train.figure')}**")
    page.plot(figs[0], key="training")
with f2:
    st.markdown(f"**{t('train.loss')}**")
    page.plot(figs[1], key="loss")
s1, s2 = st.columns([3, 2])
with s1:
    st.markdown(f"**{t('train.path')}**")
    page.plot(figs[2], key="path")
    st.caption(t("train.path.1d") if view.slice_b0 is None else t("train.path.slice", b0=f"{view.slice_b0:.4g}"))  # fmt: skip
with s2:
    st.markdown(f"**{t('train.end')}**")
    st.metric(t("accuracy"), f"{fit.accuracy[-1]:.1%}")
    page.plot(figs[3], key="confusion")
page.show_code(logistic.bce_with_logits, logistic.gradient, logistic.fit)
