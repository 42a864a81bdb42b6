"""Gradient descent & SGD page: linear regression on the lecture's three points, stepped one
update at a time (lecture 03, "Gradiente como regla de actualización" and "Gradiente descendente
estocástico")."""

import numpy as np
import streamlit as st

from dlviz import i18n, linreg, sgd_table, timing, ui
from dlviz.csvdata import CSVError, load_csv
from dlviz.figures import linreg as figures
from dlviz.params import (  # fmt: skip
    BoolParam,
    ChoiceParam,
    FloatParam,
    GridParam,
    IntParam,
    TextParam,
    log_grid,
)
from dlviz.texts.sgd import TEXT

LECTURE_CSV = "x,y\n50,150\n80,200\n120,280"
SWEEP_ETAS = np.logspace(-7, 0, 71)
ICONS = {"reset": "skip_previous", "back": "chevron_left", "next": "chevron_right", "end": "skip_next"}  # fmt: skip
ALERT = {"diverged": "error", "growing": "error", "slow": "warning", "good": "success"}
STEP = IntParam(3, 0, linreg.MAX_UPDATES)  # opens on the slide's table: iterations 1-3
NUMBERS = ("x", "y", "y_hat", "error", "dw", "db", "w", "b", "loss", "gap_w", "gap_b")

page = ui.Page(TEXT, "page.sgd")
t = page.t
f = "{:.6g}".format


def formats(table, **extra):
    return {**{column: "%.6g" for column in NUMBERS if column in table}, **extra}


def fig_names(lang):  # the figures' legends in one language
    return i18n.texts(TEXT, lang, "fig.")


# Pure and deterministic: results are kept between reruns (figures, tables as shown, per
# language), so a rerun rebuilds only what its control changed.
@ui.cache_resource(max_entries=8, show_spinner=False)
def read_data(source):  # the pasted text or the uploaded bytes: also the key of the caches below
    data = load_csv(source, ("x", "y"), max_rows=100_000, not_constant=("x",))
    x, y = data["x"].to_numpy(dtype=float), data["y"].to_numpy(dtype=float)
    x.flags.writeable = y.flags.writeable = False  # shared by every session: read only
    return x, y


@ui.cache_resource(max_entries=64, show_spinner=False)  # read only: kept as it is, not copied
def train(source, eta, epochs, w0, b0, **options):
    return fit(*read_data(source), eta, epochs, w0, b0, "sgd", **options)


def fit(x, y, eta, epochs, w0, b0, kind, **options):  # plain SGD, standardised x, or adaptive
    if kind == "standardized":
        return linreg.standardized_trace(x, y, eta, epochs, w0, b0, **options)
    return linreg.sgd_trace(x, y, eta, epochs, w0, b0, optimizer=kind, **options)


@ui.cache_resource(max_entries=64, show_spinner=False)
def step_figure(source, eta, epochs, w0, b0, step, lang, **options):
    run, (x, y) = train(source, eta, epochs, w0, b0, **options), read_data(source)
    s = linreg.stats(x, y)
    surface = linreg.loss_surface(s, *linreg.view_box(s, [linreg.path(run)]))
    return figures.step_figure(x, y, run, step, surface, (s.beta, s.beta0), fig_names(lang))


@ui.cache_resource(max_entries=16, show_spinner=False)
def sweep(source, epochs, w0, b0, **options):  # does not depend on η: kept when η moves
    return linreg.eta_sweep(*read_data(source), SWEEP_ETAS, epochs, w0, b0, **options)


@ui.cache_resource(max_entries=16, show_spinner=False)
def sweep_figure(source, eta, epochs, w0, b0, lang, **options):
    return figures.sweep_figure(sweep(source, epochs, w0, b0, **options), eta, fig_names(lang))


@ui.cache_resource(max_entries=2, show_spinner=False)
def slide_table(lang):
    lecture = train(LECTURE_CSV, linreg.LECTURE_ETA, linreg.LECTURE_EPOCHS, 0.0, 0.0)
    compared = sgd_table.slide_comparison(lecture)
    return compared.assign(how=compared["how"].map(i18n.texts(TEXT, lang, "how.")))


@ui.cache_resource(max_entries=16, show_spinner=False)
def comparison(source, lang, etas, method, epochs, w0, b0, **options):
    (x, y), label = read_data(source), i18n.texts(TEXT, lang, "cmp.")
    runs = {k: (eta, fit(x, y, eta, epochs, w0, b0, k, **options))
            for k, eta in zip(("sgd", "standardized", method), etas, strict=True)}  # fmt: skip
    paths = [(label[name], *linreg.path(trace)) for name, (_, trace) in runs.items()]
    s = linreg.stats(x, y)
    surface = linreg.loss_surface(s, *linreg.view_box(s, [(w, b) for _, w, b in paths]))
    summary = linreg.summary(runs, s)
    summary["method"] = summary["method"].map(label)
    return figures.loss_figure(surface, paths, (s.beta, s.beta0), fig_names(lang)), summary


st.markdown(t("intro"))
left, right = st.columns(2)
left.latex(r"\hat y = w\,x + b,\qquad \mathcal{L}(w, b) = \sum_i \big(\hat y^{[i]} - y^{[i]}\big)^2")  # fmt: skip
left.latex(r"\frac{\partial}{\partial w}\,\tfrac12(\hat y - y)^2 = (\hat y - y)\,x,\qquad"
           r"\frac{\partial}{\partial b}\,\tfrac12(\hat y - y)^2 = \hat y - y")  # fmt: skip
left.latex(r"w \leftarrow w + \eta\,(y - \hat y)\,x,\qquad b \leftarrow b + \eta\,(y - \hat y)")
right.latex(r"\beta = \frac{n \sum x_i y_i - \sum x_i \sum y_i}{n \sum x_i^2 - \left(\sum x_i"
            r"\right)^2},\qquad \beta_0 = \bar{Y} - \beta \bar{X}")  # fmt: skip
right.caption(t("slide.sign"))

# -- the data: the lecture's three points, pasted text or an uploaded file ------------------------
with st.expander(t("data.header")):
    st.button(t("data.lecture"), help=t("data.lecture.help"),
              on_click=lambda: st.session_state.update(data=LECTURE_CSV))  # fmt: skip
    pasted = page.text_area("data", TextParam(LECTURE_CSV, 10_000), "data", height=140)
    upload = st.file_uploader(t("upload"), type=["csv", "txt"], help=t("upload.help"))
source = upload.getvalue() if upload is not None else pasted
try:
    x, y = read_data(source)
    st.session_state.sgd_good = source
except CSVError as error:
    page.alert("error", t(f"csv.{error.code}", **error.details) + " " + t("csv.kept"))
    source = st.session_state.get("sgd_good", LECTURE_CSV)
    x, y = read_data(source)
s = linreg.stats(x, y)
st.markdown(t("data.summary", n=f"{s.n:,}", beta=f(s.beta), beta0=f(s.beta0), best=f(s.loss_min)))

# -- training controls ----------------------------------------------------------------------------
st.subheader(t("train.header"))
c = st.columns(4)
eta = page.log_slider("eta", GridParam(linreg.LECTURE_ETA, log_grid(-7, 0)), "eta", where=c[0])
epochs = page.slider("epochs", IntParam(linreg.LECTURE_EPOCHS, 1, 200), "epochs", where=c[1])
w0 = page.number("w0", FloatParam(0.0, -1000.0, 1000.0), "w0", where=c[2])
b0 = page.number("b0", FloatParam(0.0, -1000.0, 1000.0), "b0", where=c[3])
c = st.columns(4)
mode = page.select("mode", ChoiceParam("online", linreg.MODES), "mode", where=c[0], radio=True,
                   horizontal=True)  # fmt: skip
size = page.slider("batch", IntParam(2, 1, 1000), "batch", where=c[1], disabled=mode != "minibatch")
shuffle = page.toggle("shuffle", BoolParam(False), "shuffle", where=c[2])
seed = page.number("seed", IntParam(0, 0, 1_000_000), "seed", where=c[3], disabled=not shuffle)
options = {"mode": mode, "batch_size": size, "shuffle": shuffle, "seed": seed}
run = train(source, eta, epochs, w0, b0, **options)
verdict, numbers = linreg.verdict(run, s)
page.alert(ALERT[verdict], t(f"verdict.{verdict}", eta=f(eta), **numbers))
if run.attrs["stopped"]:
    page.alert("warning", t("stopped", n=f"{len(run):,}"))

# -- one iteration at a time -------------------------------------------------------------------
st.subheader(t("step.header"))
step = page.state("step", STEP)
if step > len(run):
    step = len(run)
    page.set_state("step", STEP, step)
targets = {"reset": 0, "back": max(step - 1, 0), "next": min(step + 1, len(run)), "end": len(run)}
for col, (name, target) in zip(st.columns(4), targets.items(), strict=True):
    col.button(t(f"step.{name}"), key=f"step_{name}", help=t(f"step.{name}.help"), width="stretch",
               icon=f":material/{ICONS[name]}:", type="primary" if name == "next" else "secondary",
               on_click=lambda target=target: st.session_state.update(step=target))  # fmt: skip
st.markdown(t("step.now" if step else "step.start", **sgd_table.step_numbers(run, step, s)))
if step:
    st.latex(sgd_table.update_latex(run, step, eta))
page.plot(step_figure(source, eta, epochs, w0, b0, step, page.lang, **options), key="steps")
st.caption(t("figs.caption"))
page.table(run, key="trace", rows=step, formats=formats(run), download="sgd_iterations.csv")

# -- the slide's numbers ------------------------------------------------------------------------
st.subheader(t("slide.header"))
page.table(slide_table(page.lang), key="slide", formats={"exact": "%.7g"})
st.markdown(t("slide.note"))

# -- one η for all parameters: plain SGD vs standardised x vs an adaptive step ------------------
st.subheader(t("cmp.header"))
st.markdown(t("cmp.intro"))
c = st.columns(4)
cmp_epochs = page.slider("cmp_epochs", IntParam(50, 1, 500), "cmp_epochs", where=c[0])
eta_std = page.log_slider("eta_std", GridParam(0.1, log_grid(-4, 0)), "eta_std", where=c[1])
method = page.select("method", ChoiceParam("adam", ("adagrad", "adam")), "method", where=c[2])
eta_ada = page.log_slider("eta_ada", GridParam(5.0, log_grid(-3, 2)), "eta_ada", where=c[3])
fig, summary = comparison(source, page.lang, (eta, eta_std, eta_ada), method, cmp_epochs, w0, b0,
                          **options)  # fmt: skip
page.plot(fig, key="compare")
page.table(summary, key="summary", formats=formats(summary, eta="%g"))

# -- η sweep ---------------------------------------------------------------------------------------
st.subheader(t("sweep.header"))
st.markdown(t("sweep.intro"))
page.plot(sweep_figure(source, eta, epochs, w0, b0, page.lang, **options), key="sweep")

# -- for loop vs vectorised: measured on request, not on every rerun ------------------------------
st.subheader(t("timing.header"))
st.markdown(t("timing.intro"))
c = st.columns([2, 1, 3], vertical_alignment="bottom")
n = int(page.select("n", ChoiceParam("100000", ("1000", "10000", "100000")), "n", where=c[0],
                    format_func=lambda v: f"{int(v):,}"))  # fmt: skip
if c[1].button(t("timing.run"), help=t("timing.run.help"), key="measure"):
    st.session_state.sgd_timing = timing.loop_vs_vectorized(n)
measured = st.session_state.get("sgd_timing")
if measured and measured["n"] == n:
    st.markdown(t("timing.result", **timing.as_text(measured)))
else:
    st.caption(t("timing.none"))
page.show_code(linreg.sgd_trace, timing.loop_vs_vectorized)
