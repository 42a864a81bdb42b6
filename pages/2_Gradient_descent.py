"""Gradient descent & SGD page: linear regression on the lecture's three points, stepped one
update at a time (lecture 03, "Gradiente como regla de actualización" and "Gradiente descendente
estocástico"), one section at a time."""

import streamlit as st

from dlviz import csvdata, linreg, sgd_table, timing, ui
from dlviz.params import (
    BoolParam,
    ChoiceParam,
    FloatParam,
    GridParam,
    IntParam,
    TextParam,
    log_grid,
)
from dlviz.texts.sgd import TEXT
from dlviz.views import sgd as views

FORMULAS = {  # the model, the per-sample gradients, the update; the closed form beside them
    "left": (
        r"\begin{aligned} \hat y &= w\,x + b \\ \mathcal{L}(w, b) &= \sum_i \big(\hat y^{[i]} - "
        r"y^{[i]}\big)^2 \end{aligned}",
        r"\begin{aligned} \frac{\partial}{\partial w}\,\tfrac12(\hat y - y)^2 &= (\hat y - y)\,x"
        r"\\[4pt] \frac{\partial}{\partial b}\,\tfrac12(\hat y - y)^2 &= \hat y - y \end{aligned}",
        r"\begin{aligned} w &\leftarrow w + \eta\,(y - \hat y)\,x \\ b &\leftarrow b + \eta\,"
        r"(y - \hat y) \end{aligned}",
    ),
    "right": r"\begin{aligned} \beta &= \frac{n \sum x_i y_i - \sum x_i \sum y_i}{n \sum x_i^2 - "
    r"\left(\sum x_i\right)^2} \\ \beta_0 &= \bar{Y} - \beta \bar{X} \end{aligned}",
}
ALERT = {"diverged": "error", "growing": "error", "slow": "warning", "good": "success"}
NUMBERS = ("x", "y", "y_hat", "error", "dw", "db", "w", "b", "loss", "gap_w", "gap_b")

page = ui.Page(TEXT, "page.sgd")
t = page.t
f = "{:.6g}".format


def formats(table, **extra):
    return {**{column: "%.6g" for column in NUMBERS if column in table}, **extra}


# -- the data: the lecture's three points, pasted text or an uploaded file (every section) -------
with st.expander(t("data.header")):
    st.button(
        t("data.lecture"),
        help=t("data.lecture.help"),
        on_click=lambda: st.session_state.update(data=views.LECTURE_CSV),
    )
    pasted = page.text_area(
        "data", TextParam(views.LECTURE_CSV, views.PASTE_CHARS), "data", height=140
    )
    upload = page.upload("upload", "upload", ["csv", "txt"], csvdata.MAX_BYTES)
source = upload.getvalue() if upload is not None else pasted
_, data = page.kept("data", source, views.data, views.LECTURE_CSV, lambda e: csvdata.explain(e, t))
s = data.stats
st.markdown(t("data.summary", n=f"{s.n:,}", beta=f(s.beta), beta0=f(s.beta0), best=f(s.loss_min)))

# -- training: the slide's run, the comparison and the η sweep all use it ------------------------
c = st.columns(4)
eta = page.log_slider("eta", GridParam(linreg.LECTURE_ETA, log_grid(-7, 0)), "eta", where=c[0])
epochs = page.slider(
    "epochs", IntParam(linreg.LECTURE_EPOCHS, 1, views.MAX_EPOCHS), "epochs", where=c[1]
)
w0 = page.number("w0", FloatParam(0.0, -1000.0, 1000.0), "w0", where=c[2])
b0 = page.number("b0", FloatParam(0.0, -1000.0, 1000.0), "b0", where=c[3])
c = st.columns([5, 4, 5])  # the order's two controls share a column: the toggle reads whole
mode = page.select(
    "mode", ChoiceParam("online", linreg.MODES), "mode", where=c[0], radio=True, horizontal=True
)
size = page.slider("batch", IntParam(2, 1, 1000), "batch", where=c[1], disabled=mode != "minibatch")
shuffle = page.toggle("shuffle", BoolParam(False), "shuffle", where=c[2])
seed = page.number("seed", IntParam(0, 0, 1_000_000), "seed", where=c[2], disabled=not shuffle)
how = views.setting(mode, size, shuffle, seed)


def slide():  # the slide: the update rule, one iteration at a time, the slide's table
    st.markdown(t("intro"))
    left, right = st.columns(2)
    for formula in FORMULAS["left"]:  # one per line: each fits half a projector's width
        left.latex(formula)
    right.latex(FORMULAS["right"])
    right.caption(t("slide.sign"))
    with st.spinner(t("busy")):  # shown only if it takes over half a second (a large file)
        run = views.run(data, eta, epochs, w0, b0, how)
    verdict, numbers = linreg.verdict(run, s)
    page.alert(ALERT[verdict], t(f"verdict.{verdict}", eta=f(eta), **numbers))
    if cut := views.cut(run):
        page.alert("warning", t("stopped", **cut))

    @st.fragment  # the step buttons rerun (and send) only this part
    def iterations():
        step = page.stepper("step", len(run), default=3)  # opens on the slide's iterations 1-3
        st.markdown(t("step.now" if step else "step.start", **sgd_table.step_numbers(run, step, s)))
        if step:
            st.latex(sgd_table.update_latex(run, step, eta))
        page.plot(views.step_figure(data, eta, epochs, w0, b0, how, step, page.lang), key="steps")
        st.caption(t("figs.caption"))
        page.table(run, key="trace", rows=step, formats=formats(run), download="sgd_iterations.csv")

    st.subheader(t("step.header"))
    iterations()
    st.subheader(t("slide.header"))
    page.table(views.slide_table(page.lang), key="slide", formats={"exact": "%.7g"})
    st.markdown(t("slide.note"))
    page.show_code(linreg.sgd_trace)


def compare():  # one η for all parameters: plain SGD vs standardised x vs an adaptive step
    st.subheader(t("cmp.header"))
    st.markdown(t("cmp.intro"))
    c = st.columns(4)
    cmp_epochs = page.slider(
        "cmp_epochs", IntParam(50, 1, views.CMP_EPOCHS), "cmp_epochs", where=c[0]
    )
    eta_std = page.log_slider("eta_std", GridParam(0.1, log_grid(-4, 0)), "eta_std", where=c[1])
    method = page.select("method", ChoiceParam("adam", ("adagrad", "adam")), "method", where=c[2])
    eta_ada = page.log_slider("eta_ada", GridParam(5.0, log_grid(-3, 2)), "eta_ada", where=c[3])
    etas = (eta, eta_std, eta_ada)
    with st.spinner(t("busy")):
        fig, summary = views.comparison(data, etas, method, cmp_epochs, w0, b0, how, page.lang)
    if cut := views.cut(views.run(data, eta, cmp_epochs, w0, b0, how)):
        page.alert("warning", t("stopped", **cut))
    page.plot(fig, key="compare")
    # 4 digits for the distances: the nine columns fit a projector's width
    page.table(
        summary, key="summary", formats=formats(summary, eta="%g", gap_w="%.4g", gap_b="%.4g")
    )


def sweep():  # the final loss for 71 values of η: slow, good, diverging
    st.markdown(t("sweep.intro"))
    if cut := views.sweep_cut(data, epochs, how):
        st.caption(t("sweep.cut", **cut))
    with st.spinner(t("busy")):
        page.plot(views.sweep_figure(data, eta, epochs, w0, b0, how, page.lang), key="sweep")


def loop_vs_numpy():  # the same step as a for loop and as numpy: measured on request only
    st.markdown(t("timing.intro"))
    c = st.columns([2, 1, 3], vertical_alignment="bottom")
    sizes = ChoiceParam("100000", ("1000", "10000", "100000"))
    n = int(page.select("n", sizes, "n", where=c[0], format_func=lambda v: f"{int(v):,}"))
    if c[1].button(t("timing.run"), help=t("timing.run.help"), key="measure"):
        st.session_state.sgd_timing = timing.loop_vs_vectorized(n)
    measured = st.session_state.get("sgd_timing")
    if measured and measured["n"] == n:
        st.markdown(t("timing.result", **timing.as_text(measured)))
    else:
        st.caption(t("timing.none"))
    page.show_code(timing.loop_vs_vectorized)


page.sections({"slide": slide, "compare": compare, "sweep": sweep, "timing": loop_vs_numpy})
