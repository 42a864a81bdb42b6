"""Softmax page: the slide's 4×3 example of cross-entropy, the function, its derivatives, the
matrix form and softmax regression on handwritten digits (lecture 03, "Regresión Logística
Multiclase"), one section at a time."""

import numpy as np
import streamlit as st

from dlviz import params, ui
from dlviz import softmax as sm
from dlviz import softmax_display as show
from dlviz import softmax_regression as sr
from dlviz.digits import summary
from dlviz.handwriting import from_canvas
from dlviz.params import FloatParam, GridParam, IntParam, TextParam, log_grid
from dlviz.texts.softmax import TEXT
from dlviz.views import softmax as views

K_SPEC, T_SPEC = IntParam(3, 2, 10), GridParam(1.0, log_grid(-1, 1))
Z_SPECS = [FloatParam(z, -10.0, 10.0) for z in sm.EXPLORER_Z]

page = ui.Page(TEXT, "page.softmax")
t = page.t

st.markdown(t("intro"))
st.latex(show.SOFTMAX_LATEX)
page.alert("info", t("slip.denominator"))
st.caption(t("slide.notation"))


def bad(kept: str):  # what was wrong with the input, and what is shown instead
    return lambda error: views.bad_input(error, page.lang) + " " + t(kept)


def loss():  # the slide's example: labels → one-hot Y, then the cross-entropy sample by sample
    left, right = st.columns([1, 2], vertical_alignment="center")
    text = page.text("labels", TextParam("0 1 2 2", 120), "labels", where=left)
    _, labels = page.kept("labels", text, sm.parse_labels, "0 1 2 2", bad("labels.kept"))
    right.latex(show.one_hot_latex(labels))
    st.subheader(t("loss.header"))
    st.latex(show.LOSS_LATEX)
    st.markdown(t("loss.edit"))
    _, (Y, A) = page.editor(
        "ya", "table", views.EXAMPLE_SPEC, list(views.EXAMPLE.columns), show.example_from_table,
        bad("kept"), num_rows="dynamic", hide_index=True,
    )  # fmt: skip
    st.session_state.softmax_ya = Y, A
    losses, sums, mean = views.losses(Y, A)
    st.latex(sums)
    page.table(losses, key="losses", formats={"loss": "%.6f"}, download="cross_entropy.csv")
    st.latex(mean)
    if not np.isfinite(losses["loss"]).all():
        page.alert("warning", t("loss.inf"))
    st.caption(t("loss.rounding"))
    page.show_code(sm.cross_entropy)


def explorer():  # logits and temperature → probabilities; large logits overflow the naive form
    c1, c2 = st.columns(2)
    K = page.slider("K", K_SPEC, "K", where=c1)
    T = page.log_slider("T", T_SPEC, "T", where=c2)
    columns = st.columns(5)
    z = tuple(
        page.slider(f"z{k + 1}", Z_SPECS[k], f"z{k + 1}", step=0.1, where=columns[k % 5])
        for k in range(K)
    )
    bars, latex = views.probabilities(z, T, page.lang)
    page.plot(bars, key="bars")
    st.latex(latex)
    st.subheader(t("overflow.header"))
    shift = page.log_slider("shift", GridParam(1000.0, sm.SHIFTS), "shift")
    demo, nan = views.overflow(z, shift)
    page.table(demo, key="overflow", formats=dict.fromkeys(demo.columns[1:-1], "%.6g"))
    kind, verdict = ("warning", "nan") if nan else ("success", "ok")
    page.alert(kind, t(f"overflow.{verdict}", zmax=f"{demo['z'].max():g}"))
    page.show_code(sm.softmax)


def derivatives():  # the Jacobian and ∂l/∂z = a − y at the explorer's logits
    K, T = page.state("K", K_SPEC), page.state("T", T_SPEC)
    z = tuple(page.state(f"z{k + 1}", Z_SPECS[k]) for k in range(K))
    st.latex(show.DERIVATIVES_LATEX)
    st.markdown(t("deriv.at"))
    st.latex(views.probabilities(z, T, page.lang)[1])
    left, right = st.columns(2)
    with left:
        jacobian, gap, entries = views.jacobian(z, T, page.lang)
        st.latex(entries)
        page.plot(jacobian, key="jacobian")
        st.caption(t("jac.check", gap=gap))
    with right:
        true_class = page.slider("cls", IntParam(1, 1, 10), "cls", hi=K)  # a class of the K
        st.markdown(t("dz.title", cls=true_class))
    # the whole width: five columns of eight decimals did not fit beside the heatmap
    page.table(views.logit_check(z, T, true_class), key="dz", formats=views.CHECK_FORMATS)


def paths():  # the slide's picture: the paths from w_k,2 to L, with numbers
    st.markdown(f"**{t('paths.header')}**")
    Y, A = st.session_state.get("softmax_ya", (sm.LECTURE_Y, sm.LECTURE_A))
    p1, p2, p3 = st.columns(3)
    k = page.slider("k", IntParam(1, 1, 3), "k", where=p2)
    x2 = page.number("x2", FloatParam(1.0, -100.0, 100.0), "x2", where=p3)
    i = min(page.slider("i", IntParam(1, 1, 4), "i", where=p1), len(Y)) - 1  # a row of A, Y
    table, latex, dot = views.paths(tuple(A[i]), tuple(Y[i]), k, x2)
    st.latex(latex)
    st.graphviz_chart(dot)  # the page's width: in 3/5 of it the labels shrank to ~13 px
    st.caption(t("paths.caption"))
    page.table(table, key="paths", formats=dict.fromkeys(table.columns[1:], "%.6g"))


def matrix():  # a batch: Z = X Wᵀ + b and the gradients with their shapes
    st.subheader(t("matrix.header"))
    m1, m2 = st.columns(2)
    m = page.slider("m", IntParam(2, 1, 6), "m", where=m1)
    form = show.matrix_form(m, page.number("bseed", IntParam(0, 0, 10_000), "bseed", where=m2))
    for formulas in (form["data"], form["grads"]):  # side by side where they fit, else wrapped
        row = st.container(horizontal=True, gap="large", vertical_alignment="center")
        for latex in formulas:
            row.latex(latex, width="content")
    st.markdown(t("matrix.note", ad=form["ad"], fd=form["fd"]))
    page.show_code(sm.gradients)


def model():  # the training controls (the same in the digits and the drawing sections)
    source = page.select("data", views.DATA, "data", radio=True, horizontal=True)
    d1, d2, d3, d4 = st.columns(4)
    settings = {
        "nb": page.slider("nb", views.TRAINING["nb"], "nb", where=d1),
        "eta": page.log_slider("eta", views.TRAINING["eta"], "eta", where=d2),
        "epochs": page.slider("epochs", views.TRAINING["epochs"], "epochs", where=d3),
        "seed": page.number("seed", views.TRAINING["seed"], "seed", where=d4),
    }
    if source == "mnist":  # the files are kept in the session while another section is open
        page.upload(label="upload", **views.UPLOADER)
    train = st.button(t("train"), type="primary", key="train", help=t("train.help"))
    data, report, notes = views.model(source, **settings, train=train, lang=page.lang)
    for kind, text in notes:
        page.alert(kind, text)
    st.caption(t("data.summary", name=t(f"data.{data.name}"), **summary(data)))
    return data, report


def digits():  # softmax regression on the digits: curves, confusion matrix, weights
    page.alert("info", t("slip.mnist"))
    data, report = model()
    if report["diverged"]:
        page.alert("error", t("diverged", epoch=report["diverged"]))
    else:
        st.markdown(t("result", **report["summary"]))
    page.plot(report["curves"], key="curves")
    page.plot(report["confusion"], key="confusion")
    st.caption(t("data.weights", m=data.side**2, side=data.side))
    page.plot(report["weights"], key="weights")  # the page's width: 28×28 rows were 67 px in half
    page.show_code(sr.Training.step)


def draw():  # the model's mistakes, and a digit drawn by the student
    data, report = model()
    st.subheader(t("wrong.header"))
    if report["wrong"] is not None:
        page.plot(report["wrong"], key="wrong")
        if page.toggle("wrong_p", params.BoolParam(False), "wrong.table"):  # 10×11 numbers
            page.table(report["probs"], key="wrong_p", formats=dict.fromkeys("0123456789", "%.3f"))
    st.subheader(t("draw.header"))
    w1, w2 = st.columns([1, 2])
    with w1:
        ink = views.CANVAS(key="draw", data={"clear": t("draw.clear")}, on_ink_change=lambda: None)
    drawn = from_canvas(ink.get("ink"), data.side)
    if drawn is None:
        with w2:
            page.alert("info", t("draw.empty"))
        return
    seen = views.reading(drawn, data.side, report["model"], page.lang)
    with w2:
        st.markdown(seen["result"])
        page.plot(seen["bars"], key="drawbars")
        st.caption(seen["prepared"])
    st.subheader(t("push.header"))
    st.markdown(t("push.intro"))
    st.latex(seen["sums"])
    page.plot(seen["pushed"], key="pushed")


page.sections({f.__name__: f for f in (loss, explorer, derivatives, paths, matrix, digits, draw)})
