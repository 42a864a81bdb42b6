"""Softmax page: the function, one-hot targets, cross-entropy on the slide's 4×3 example, the
derivatives, the matrix form, and softmax regression on handwritten digits (lecture 03,
"Regresión Logística Multiclase")."""

import numpy as np
import streamlit as st

from dlviz import digits, params, ui
from dlviz import softmax as sm
from dlviz import softmax_display as show
from dlviz import softmax_regression as sr
from dlviz.figures import softmax as figures
from dlviz.params import ChoiceParam, FloatParam, GridParam, IntParam, TextParam, log_grid
from dlviz.softmax_regression import SoftmaxRegression, summary
from dlviz.texts.softmax import TEXT

page = ui.Page(TEXT, "page.softmax")
t = page.t


def names(prefix, *keys):
    return {k: t(f"{prefix}.{k}") for k in keys}


@ui.cache_resource()
def canvas():
    return st.components.v2.component("dlviz.digit_canvas", html=figures.CANVAS_HTML,
                                      css=figures.CANVAS_CSS, js=figures.CANVAS_JS)  # fmt: skip


@ui.cache_resource(max_entries=8)  # shared, not copied: the data are only read
def dataset(seed, upload=None):
    return digits.load_digits(0.2, seed) if upload is None else digits.load_mnist(upload, 0.2, seed)


st.markdown(t("intro"))
st.latex(show.SOFTMAX_LATEX)
st.caption(t("slide.notation"))

# -- explorer -----------------------------------------------------------------------------------
st.header(t("explorer.header"))
c1, c2, c3 = st.columns(3)
K = page.slider("K", IntParam(3, 2, 10), "K", where=c1)
T = page.log_slider("T", GridParam(1.0, log_grid(-1, 1)), "T", where=c2)
true_class = min(page.slider("cls", IntParam(1, 1, 10), "cls", where=c3), K)  # at most K
zcols = st.columns(5)
z = np.array([page.slider(f"z{k + 1}", FloatParam(sm.EXPLORER_Z[k], -10.0, 10.0), f"z{k + 1}",
                          step=0.1, where=zcols[k % 5]) for k in range(K)])  # fmt: skip
a = sm.softmax(z, T)
bar_names = names("bars", "title", "class", "prob")
page.plot(figures.probability_bars(a, bar_names, true_class - 1), key="bars")
st.latex(show.explorer_latex(z, T, a))

st.subheader(t("overflow.header"))
shift = page.log_slider("shift", GridParam(1000.0, sm.SHIFTS), "shift")
demo = sm.overflow_demo(z + shift)
page.table(demo, key="overflow", formats=dict.fromkeys(demo.columns[1:-1], "%.6g"))
kind, verdict = ("warning", "nan") if (demo["naive"] == "nan").any() else ("success", "ok")
page.alert(kind, t(f"overflow.{verdict}", zmax=f"{demo['z'].max():g}"))

# -- one-hot ------------------------------------------------------------------------------------
st.header(t("onehot.header"))
labels = page.text("labels", TextParam("0 1 2 2", 120), "labels")
try:
    st.latex(show.one_hot_latex(sm.parse_labels(labels)))
except sm.SoftmaxInputError as error:
    page.alert("error", t(f"bad.{error.code}", **error.details))

# -- cross-entropy on the slide's example --------------------------------------------------------
st.header(t("loss.header"))
st.latex(show.LOSS_LATEX)
st.markdown(t("loss.edit"))
start = show.example_table()
edited = st.data_editor(start, key="ya", num_rows="dynamic", hide_index=True, column_config=dict.fromkeys(
                        start.columns, st.column_config.NumberColumn(format="%.4f")))  # fmt: skip
try:
    st.session_state.ya_good = show.example_from_table(edited)
except sm.SoftmaxInputError as error:
    page.alert("error", t(f"bad.{error.code}", **error.details) + " " + t("kept"))
Y, A = st.session_state.get("ya_good", (sm.LECTURE_Y, sm.LECTURE_A))
losses = sm.loss_table(Y, A)
for i, (col, loss) in enumerate(zip(st.columns(min(len(Y), 4)), losses["loss"], strict=False)):
    col.latex(show.loss_latex(Y[i], A[i], i + 1, loss))
page.table(losses, key="losses", formats={"loss": "%.6f"}, download="cross_entropy.csv")
st.latex(show.mean_loss_latex(Y, A))
if not np.isfinite(losses["loss"]).all():
    page.alert("warning", t("loss.inf"))
st.caption(t("loss.rounding"))

# -- derivatives ----------------------------------------------------------------------------------
st.header(t("deriv.header"))
st.latex(show.DERIVATIVES_LATEX)
left, right = st.columns(2)
with left:
    J = sm.softmax_jacobian(a)
    page.plot(figures.jacobian_heatmap(J, names("jac", "x", "y", "diag", "off")), key="jacobian")
    st.caption(t("jac.check", gap=f"{np.abs(sm.numeric_jacobian(z / T) - J).max():.1e}"))
with right:
    st.markdown(t("dz.title", cls=true_class))
    check = sm.logit_gradient_check(z / T, sm.one_hot([true_class - 1], K)[0])
    page.table(check, key="dz", formats=dict.fromkeys(check.columns[1:4], "%.8f") | {"gap": "%.1e"})

st.subheader(t("paths.header"))
p1, p2, p3 = st.columns(3)
k_row = page.slider("k", IntParam(1, 1, 3), "k", where=p2)
x_2 = page.number("x2", FloatParam(1.0, -100.0, 100.0), "x2", where=p3)
s = min(page.slider("i", IntParam(1, 1, 4), "i", where=p1), len(Y)) - 1  # a row of A and Y
paths = sm.chain_paths(A[s], Y[s], k_row - 1, x_2)
st.latex(show.paths_latex(paths, A[s], Y[s], k_row, x_2))
st.graphviz_chart(show.chain_graph(paths, k_row, 2))
page.table(paths, key="paths", formats=dict.fromkeys(paths.columns[1:], "%.6g"))
st.caption(t("paths.caption"))

# -- matrix form ------------------------------------------------------------------------------------
st.header(t("matrix.header"))
m1, m2 = st.columns(2)
m = page.slider("m", IntParam(2, 1, 6), "m", where=m1)
bseed = page.number("bseed", IntParam(0, 0, 10_000), "bseed", where=m2)
form = show.matrix_form(m, bseed)  # cached in dlviz: a few ms of autodiff
st.latex(form["latex"])
st.markdown(t("matrix.note", ad=form["ad"], fd=form["fd"]))

# -- softmax regression on handwritten digits ------------------------------------------------------
st.header(t("digits.header"))
page.alert("info", t("slip.mnist"))
source = page.select("data", ChoiceParam("digits", ("digits", "mnist")), "data", radio=True)
d1, d2, d3, d4 = st.columns(4)
nb = page.slider("nb", IntParam(sr.DEFAULT_BATCH, 1, 512), "nb", where=d1)
eta = page.log_slider("eta", GridParam(sr.DEFAULT_ETA, log_grid(-3, 2)), "eta", where=d2)
epochs = page.slider("epochs", IntParam(sr.DEFAULT_EPOCHS, 1, 100), "epochs", where=d3)
seed = page.number("seed", IntParam(0, 0, 10_000), "seed", where=d4)
files = st.file_uploader(t("upload"), accept_multiple_files=True, key="mnist", help=t("upload.help")) if source == "mnist" else []  # fmt: skip
upload = {f.name: f.getvalue() for f in files} or None
try:
    data = dataset(seed, upload)
except digits.DigitsError as error:
    page.alert("error", t(f"mnist.{error.code}", **error.details) + " " + t("mnist.fallback"))
    data = dataset(seed)
if source == "mnist" and data.name == "digits" and not upload:
    page.alert("info", t("mnist.none"))
st.caption(t("data.summary", name=t(f"data.{data.name}"), **digits.summary(data)))
settings = dict(data=(data.name, len(data.y_train)), nb=nb, eta=eta, epochs=epochs, seed=seed)
run = st.session_state.get("softmax_run")
pressed = st.button(t("train"), type="primary", key="train", help=t("train.help"))
if pressed or run is None or run[0]["data"] != settings["data"]:
    bar = st.progress(0.0, text=t("progress", epochs=epochs))
    live = lambda epoch, row: bar.progress(epoch / epochs, t("live", epochs=epochs, **summary(row)))  # noqa: E731
    model = SoftmaxRegression(eta, nb, epochs, seed).fit(data.X_train, data.y_train, data.X_test, data.y_test, 10, live)  # fmt: skip
    bar.empty()
    run = st.session_state.softmax_run = (settings, model, data, sr.report_on_test_set(model, data.X_test, data.y_test))  # fmt: skip
settings_run, model, data, report = run  # show the data the model was trained and tested on
if settings_run != settings:
    page.alert("info", t("stale", **settings_run))
h = model.history_
if model.diverged_:
    page.alert("error", t("diverged", epoch=model.diverged_))
else:
    st.markdown(t("result", **summary(h.iloc[-1])))
images, titles, probs = report["mistakes"]
if page.lang not in report:  # this training's figures, built once per language (plots only read)
    report[page.lang] = dict(curves=figures.training_curves(h, names("curve", "train", "test", "epoch", "loss", "accuracy")), weights=figures.weight_images(model.W_, data.side, t("weights.title")),
                             confusion=figures.confusion_figure(report["confusion"], names("conf", "title", "true", "pred", "hover")), wrong=figures.image_grid(images, data.side, titles) if len(titles) else None)  # fmt: skip
page.plot(report[page.lang]["curves"], key="curves")
for column, name in zip(st.columns(2), ("confusion", "weights"), strict=True):
    with column:
        page.plot(report[page.lang][name], key=name)
st.subheader(t("wrong.header"))
if len(titles):
    page.plot(report[page.lang]["wrong"], key="wrong")
    if page.toggle("wrong_p", params.BoolParam(False), "wrong.table"):  # 10×11 numbers: on request
        page.table(probs, key="wrong_p", formats=dict.fromkeys(probs.columns[:10], "%.3f"))

st.subheader(t("draw.header"))
w1, w2 = st.columns([1, 2])
with w1:
    ink = canvas()(key="draw", data={"clear": t("draw.clear")}, on_ink_change=lambda: None)
drawn = digits.from_canvas(ink.get("ink"), data.side)
with w2:
    if drawn is None:
        page.alert("info", t("draw.empty"))
    else:
        a_draw = model.predict_proba(drawn[None, :])[0]
        st.markdown(t("draw.result", k=int(a_draw.argmax()), p=f"{a_draw.max():.1%}"))
        draw_names = names("drawbars", "title", "class", "prob", "seen")
        page.plot(figures.drawn_digit(drawn, data.side, a_draw, draw_names), key="drawbars")
page.show_code(sm.softmax, sm.cross_entropy, sm.gradients, SoftmaxRegression.fit)
