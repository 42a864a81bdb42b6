"""Playground page (lecture 03, "Perceptrón multicapa"): the lecture's 2-2-1 network on XOR
beside the perceptron that cannot learn it; a network the student builds and watches learn, as
in TensorFlow Playground, with its formulas; one training point's forward and backward pass."""

import streamlit as st

from dlviz import csvdata, ui
from dlviz import playground as pg
from dlviz.params import (
    BoolParam,
    ChoiceParam,
    GridParam,
    IntParam,
    SetParam,
    SizesParam,
    VectorParam,
)
from dlviz.texts.playground import TEXT
from dlviz.views import playground as views

DATA = ChoiceParam("circle", ("lecture", *pg.DATASETS, "csv"))  # TensorFlow Playground's defaults
SPECS = {
    "ratio": IntParam(50, 10, 90), "noise": IntParam(0, 0, 50), "batch": IntParam(10, 1, 30),
    "seed": IntParam(0, 0, 9999), "wseed": IntParam(0, 0, 9999),
    "features": SetParam(("x1", "x2"), pg.FEATURES),
    "layers": SizesParam((4, 2), pg.MAX_LAYERS, 1, pg.MAX_NEURONS),
    "act": ChoiceParam("tanh", pg.ACTIVATIONS), "reg": ChoiceParam("none", pg.REGULARIZATIONS),
    "lam": GridParam(0.0, pg.REG_RATES), "lr": GridParam(0.03, pg.LEARNING_RATES),
    "epoch": IntParam(0, 0, views.MAX_EPOCH), "w": VectorParam(1000), "from": IntParam(0, 0, views.MAX_EPOCH),
    "test": BoolParam(False), "discrete": BoolParam(False),
}  # fmt: skip

page = ui.Page(TEXT, "page.playground")
t = page.t
st.markdown(t("intro"))


def lecture():  # the slide's XOR: a perceptron cannot, the 2-2-1 network can
    st.markdown(t("lecture.intro", epochs=views.PRESET_EPOCHS))
    for column, one in zip(st.columns(2), views.lecture_pair(page.lang, page.present), strict=True):  # fmt: skip
        name = "mlp" if one.net.hidden else "perceptron"
        with column:
            st.subheader(t(f"lecture.{name}"))
            st.latex(t(f"lecture.{name}.latex"))
            page.alert("success" if one.right == 4 else "warning", t(f"lecture.{name}.result",
                       right=one.right, loss=f"{one.run.train_loss[-1]:.4f}"))  # fmt: skip
            page.plot(one.figure, key=f"lecture_{name}")
            page.table(
                one.table,
                key=f"lecture_{name}_table",
                formats={"x1": "%g", "x2": "%g", "y": "%g", "y_hat": "%.4f"},
            )
            for line in views.weights_latex(one.run.weights):
                st.latex(line)
    st.button(t("lecture.open"), key="open_preset", icon=":material/open_in_new:", type="primary",
              help=t("lecture.open.help"), on_click=preset)  # fmt: skip


def preset():  # the lecture's 2-2-1 in the builder, at epoch 0
    for key, value in (*views.PRESET.items(), ("epoch", 0), ("w", ()), ("from", 0)):
        page.set_state(key, DATA if key == "data" else SPECS[key], value, later=True)
    page.go_to("build")


def setting():  # the data and the network as the link holds them (every section reads them)
    v = {key: page.state(key, spec) for key, spec in SPECS.items()}
    name = page.state("data", DATA)
    csv, data = "", views.dataset(name, v["noise"], v["ratio"], v["seed"])
    if name == "csv":  # the file or text of the build section, else the link's pasted text
        given = st.session_state.get("_playground_csv") or page.state("csv", views.CSV_TEXT)
        csv, data = page.kept("csv_data", given, lambda s: views.csv_data(s, v["ratio"], v["seed"]),
                              views.CSV_SAMPLE, lambda e: csvdata.explain(e, t), link="csv")  # fmt: skip
    net = pg.Network(v["features"], v["layers"], v["act"], data.problem, v["reg"], v["lam"],
                     v["lr"], v["batch"])  # fmt: skip
    w, offset = v["w"], v["from"] if v["w"] else 0
    if w and len(w) != pg.count(net):  # edited weights of another network
        page.alert("warning", t("weights.stale", count=pg.count(net)))
        page.set_state("w", SPECS["w"], ())
        w, offset = (), 0
    key = (name, v["noise"], v["ratio"], v["seed"], hash(csv), net, v["wseed"], w, offset)
    return v, data, net, key, views.start(net, v["wseed"], w), offset


def build():  # TensorFlow Playground: data, inputs, layers, training, the pictures
    c = st.columns([7, 6, 4, 6, 5])  # whole words in the labels at 1280 px, large type
    name = page.select("data", DATA, "data", where=c[0])
    page.slider("ratio", SPECS["ratio"], "ratio", step=10, format="%d %%", where=c[1])
    page.slider("noise", SPECS["noise"], "noise", step=5, format="%d %%", where=c[2],
                disabled=name in ("csv", "lecture"))  # fmt: skip
    page.slider("batch", SPECS["batch"], "batch", where=c[3])
    seed = page.number("seed", SPECS["seed"], "seed", where=c[4])
    c[4].button(t("regenerate"), key="regenerate", icon=":material/refresh:", help=t("regenerate.help"),
                on_click=page.set_state, args=("seed", SPECS["seed"], (seed + 1) % 10_000))  # fmt: skip
    if name == "csv":
        own_data()
    v, data, net, key, first, offset = setting()
    line, outside = views.describe(data, t)
    st.caption(line)
    if outside:
        page.alert("info", outside)
    run = views.Training(page, SPECS, key, offset, bool(v["w"]))  # play, pause, one epoch, reset
    c = st.columns([2, 2, 2, 2, 3])
    page.log_slider("lr", SPECS["lr"], "lr", where=c[0])
    page.select("act", SPECS["act"], "act", where=c[1])
    page.select("reg", SPECS["reg"], "reg", where=c[2])
    page.log_slider("lam", SPECS["lam"], "lam", where=c[3])
    page.toggle("test", SPECS["test"], "test", where=c[4])
    page.toggle("discrete", SPECS["discrete"], "discrete", where=c[4])
    page.pills("features", SPECS["features"], "features")
    run.layers(v["layers"])
    run.toolbar(v["wseed"])
    run.live(net, data, first, v["wseed"], (v["test"], v["discrete"]), views.plane(name))
    formulas(net)
    run.weights_editor(net, [t(f"fig.feature.{f}") for f in net.features])


def own_data():  # the student's points: a CSV file or pasted text
    st.markdown(t("csv.format"))
    upload = page.upload("csv_file", "csv.upload", ["csv", "txt"], pg.MAX_CSV_BYTES)
    pasted = page.text_area("csv", views.CSV_TEXT, "csv.paste", height=140)
    st.session_state["_playground_csv"] = upload.getvalue() if upload is not None else pasted


def formulas(net):
    st.markdown(t("formulas.title"))
    for line in views.formulas(net):
        st.latex(line)


def point():  # one training point forward and backward, by autodiff, checked
    v, data, net, key, first, offset = setting()
    state = views.kept_or_trained(key, net, data, first, offset, v["wseed"], v["epoch"])
    if state.epoch < v["epoch"]:
        page.alert("warning", t("point.short", epoch=state.epoch, goal=v["epoch"]))
    n = len(data.y_train)  # one training point: nothing to choose
    i = page.slider("point", IntParam(0, 0, pg.MAX_CSV_ROWS - 1), "point", hi=n - 1) if n > 1 else 0
    view = views.inspect(net, state.weights, data.X_train[i], float(data.y_train[i]))
    x1, x2, y = (f"{value:.4g}".replace("-", "−") for value in (*data.X_train[i], data.y_train[i]))
    st.markdown(t("point.intro", i=i, epoch=state.epoch, x1=x1, x2=x2, y=y))
    pictures = views.point_pictures(net, data, state.weights, view.trace, i, page.lang, page.present)  # fmt: skip
    for column, figure, name in zip(st.columns([2, 3]), pictures, ("decision", "network"), strict=True):  # fmt: skip
        with column:
            page.plot(figure, key=f"point_{name}")
    st.caption(t("point.edges"))
    for part, lines in (("forward", view.forward), ("backward", view.backward)):
        st.markdown(t(f"point.{part}"))
        for line in lines:
            st.latex(line)
    trace = view.trace
    st.markdown(t("trace.parts", loss=f"{trace.loss:.6g}", penalty=f"{trace.penalty:.6g}",
                  objective=f"{trace.objective:.6g}") + " " + t("trace.minibatch", batch=net.batch_size))  # fmt: skip
    page.alert(
        "success" if trace.error < 1e-4 else "warning", t("trace.check", error=f"{trace.error:.1e}")
    )
    page.table(
        view.table, key="trace", download="playground_point.csv", formats=views.TRACE_FORMATS
    )
    if view.autodiff:
        st.page_link("pages/6_Autodiff.py", label=t("trace.autodiff"), icon=":material/account_tree:",
                     query_params={**view.autodiff, "lang": page.lang})  # fmt: skip
    else:
        st.caption(t(view.why_not[0], **view.why_not[1]))


page.sections({"lecture": lecture, "build": build, "point": point})
