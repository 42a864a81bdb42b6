"""Perceptron & XOR page (lecture 03, "Perceptrón multicapa (MLP)"), one section at a time: the
perceptron rule on the slide's gates, XOR = OR(AND1, AND2), one unit cycling on XOR, a sigmoid
MLP learning XOR by backprop, and the perceptron rule next to ADALINE."""

from string import Template

import streamlit as st

from dlviz import mlp, ui
from dlviz import perceptron as pc
from dlviz.params import ChoiceParam, FloatParam, GridParam, IntParam, log_grid
from dlviz.texts.perceptron import TEXT, TEXT_LATEX
from dlviz.views import perceptron as views

GATES = tuple(pc.GATES)
# The slide section's controls; the convergence section reads them from the link.
UNIT = {
    "gamma": FloatParam(1.5, 0.1, 3.0),
    "theta": FloatParam(1.0, -2.0, 3.0),
    "w1": FloatParam(1.0, -5.0, 5.0),
    "w2": FloatParam(1.0, -5.0, 5.0),
    "epochs": IntParam(10, 1, 30),
}
OUTCOME_ALERT = {"converged": "success", "cycle": "warning", "open": "warning"}
SUMS = {c: "%g" for c in ("x1", "x2", "weighted_sum", "dw1", "dw2", "w1", "w2")}

page = ui.Page(TEXT, "page.perceptron")
t = page.t

st.markdown(t("intro"))
st.latex(TEXT_LATEX["rule"])


def slide():  # one unit trained presentation by presentation: AND1 → [1, −0.5], AND2 → [−0.5, 1]
    intro, truth = st.columns(2)
    intro.markdown(t("train.intro"))
    with truth:
        page.table(pc.truth_table(), key="truth")
    c = [*st.columns(3), *st.columns(3)]  # two rows: whole labels on a projector
    gate = page.select("gate", ChoiceParam("AND1", GATES), "gate", where=c[0])
    gamma = page.slider("gamma", UNIT["gamma"], "gamma", step=0.1, where=c[1])
    theta = page.slider("theta", UNIT["theta"], "theta", step=0.1, where=c[2])
    w = tuple(page.number(k, UNIT[k], k, step=0.5, where=c[j]) for j, k in ((3, "w1"), (4, "w2")))
    epochs = page.slider("epochs", UNIT["epochs"], "epochs", where=c[5])
    chosen = {"gate": gate, "w": w, "gamma": gamma, "theta": theta, "epochs": epochs}
    run, shown = views.training(**chosen)
    kind, numbers = pc.outcome(run)
    page.alert(OUTCOME_ALERT[kind], t(f"train.{kind}", gate=gate, **numbers))
    if kind == "cycle" and gate != "XOR":
        page.alert("info", t("train.lattice", gate=gate))
    P = len(run.trace)
    k = page.stepper("step", P)
    fig_col, step_col = st.columns([3, 2])
    with step_col:
        if k == 0:
            st.markdown(t("step.start", w=pc.latex_weights(run.weights[0])))
        else:
            row = run.trace.iloc[k - 1]
            st.markdown(t("step.now", k=k, P=P, epoch=int(row["epoch"])))
            st.latex(pc.presentation_latex(row, run.weights[k - 1], gamma, theta))
            which = "step.changed" if row["error"] else "step.nothing"
            st.markdown(t(which, which=row["changed"]))
        st.markdown(t("step.weights", w=pc.latex_weights(run.weights[k])))
    with fig_col:
        page.plot(views.unit_figure(k=k, lang=page.lang, **chosen), key="unit")
    page.table(shown, key="trace", download=f"perceptron_{gate}.csv", formats=SUMS)
    st.caption(t("trace.caption"))
    with st.expander(t("slips.title"), expanded=gate in ("AND1", "AND2")):
        st.markdown("\n".join(f"- {t(f'slip.{n}')}" for n in range(1, 8)))
    page.show_code(pc.train)


def network():  # the slide's XOR = OR(AND1, AND2) with the learned weights, and hidden space
    st.markdown(t("net.intro"))
    st.latex(TEXT_LATEX["xor"])
    c = [*st.columns(4), *st.columns(3)]  # the hidden weights W, then the output's v and θ

    def weight(key, default, where):
        return page.number(key, FloatParam(default, -5.0, 5.0), key, step=0.5, where=where)

    W = tuple(
        tuple(weight(f"W{i}{j}", pc.XOR_HIDDEN[i - 1, j - 1], c[2 * i + j - 3]) for j in (1, 2))
        for i in (1, 2)
    )
    v = tuple(weight(f"v{j}", pc.XOR_OUTPUT[j - 1], c[3 + j]) for j in (1, 2))
    theta = weight("theta_net", 1.0, c[6])
    net, shown, net_latex, net_figure = views.network(W, v, theta, page.lang)
    wrong = [
        f"({a}, {b})" for a, b, ok in net[["x1", "x2", "ok"]].itertuples(index=False) if not ok
    ]
    if wrong:
        page.alert("warning", t("net.wrong", inputs=", ".join(wrong)))
    else:
        page.alert("success", t("net.ok"))
    st.latex(net_latex)
    page.plot(net_figure, key="network")
    page.table(shown, key="network_table", formats={c: "%g" for c in ("z_A", "z_B", "z_out")})
    st.caption(t("net.caption"))


def convergence():  # one unit on AND, OR and XOR: XOR never converges
    st.markdown(t("conv.intro"))
    choice = ChoiceParam("rule", ("rule", "mlp"))
    setting = page.select("setting", choice, "setting", radio=True, horizontal=True)
    unit = {key: page.state(key, spec) for key, spec in UNIT.items()}  # the slide section's
    if setting == "rule":
        st.caption(t("conv.rule", epochs=unit["epochs"]))
        chosen = None
    else:
        w = (unit["w1"], unit["w2"])
        st.caption(t("conv.slide", w=pc.latex_weights(w), **unit))
        chosen = (w, unit["gamma"], unit["theta"])
    runs, figure = views.convergence(chosen, unit["epochs"], page.lang)
    lines = [(g, *pc.outcome(r)) for g, r in runs.items()]
    st.markdown("\n".join(f"- **{g}**: " + t(f"conv.{kind}", **n) for g, kind, n in lines))
    page.plot(figure, key="convergence")


def sigmoid_mlp():  # beyond the slide: a 2-2-1 sigmoid MLP learns XOR by backprop; seed sweep
    st.markdown(t("mlp.intro"))
    st.latex(TEXT_LATEX["mlp"])
    c = [*st.columns(2), *st.columns(2)]  # two rows: the loss's names stay whole on a projector
    seed = page.number("seed", IntParam(1, 0, 999), "seed", step=1, where=c[0])
    eta = page.log_slider("eta", GridParam(1.0, views.ETAS), "eta", where=c[1])
    epochs_spec = IntParam(1000, views.EPOCH_STEP, views.MAX_EPOCHS)
    epochs = page.slider("mlp_epochs", epochs_spec, "mlp_epochs", step=views.EPOCH_STEP, where=c[3])
    loss = page.select("loss", ChoiceParam("bce", mlp.LOSSES), "loss", where=c[2])
    with st.spinner(t("mlp.training", epochs=views.MAX_EPOCHS, seeds=views.SEEDS)):
        view = views.mlp_view(seed, eta, epochs, loss, page.lang)  # trained once per setting
    if view.solved:
        page.alert("success", t("mlp.solved", seed=seed, loss=view.final))
    else:
        page.alert("warning", t("mlp.stuck", seed=seed, loss=view.final))
    page.plot(view.figure, key="mlp")
    st.markdown(t("sweep.result", solved=view.sweep_solved, total=views.SEEDS))
    page.plot(view.sweep, key="sweep")
    st.caption(t("sweep.caption"))
    with st.expander(t("check.title", seed=seed)):
        formats = {"autodiff": "%.10g", "backprop": "%.10g", "gap": "%.1e"}
        page.table(views.gradient_check(seed, loss), key="gradient_check", formats=formats)
        st.caption(t("check.caption"))
    page.show_code(mlp.forward_backward, mlp.loss_tensor)


def adaline():  # the perceptron rule next to ADALINE / SGD, from w = 0, b = 0
    st.markdown(t("cmp.intro"))
    st.latex(Template(TEXT_LATEX["compare"]).substitute(perceptron=t("latex.perceptron")))
    c = st.columns(3)
    gate = page.select("cmp_gate", ChoiceParam("AND", GATES), "gate", where=c[0])
    eta = page.log_slider("eta_ada", GridParam(0.1, log_grid(-3, 1)), "eta_ada", where=c[1])
    epochs = page.slider("cmp_epochs", IntParam(30, 1, 100), "cmp_epochs", where=c[2])
    per, ada, figure, table = views.comparison(gate, eta, epochs, page.lang)
    if ada.diverged_at:
        page.alert("error", t("cmp.diverged", k=ada.diverged_at, eta=f"{eta:g}"))
    else:
        numbers = {"per": int(per.errors[-1]), "ada": int(ada.errors[-1]), "pu": per.updates}
        st.markdown(t("cmp.result", mse=f"{ada.mse[-1]:.4f}", au=len(ada.outputs), **numbers))
    page.plot(figure, key="compare")
    if table is not None:
        formats = {"perceptron_z": "%g", "adaline_y_hat": "%.4f"}
        page.table(table, key="compare_table", formats=formats)
    st.caption(t("cmp.caption"))
    page.show_code(pc.adaline_train)


page.sections(
    {
        "slide": slide,
        "network": network,
        "convergence": convergence,
        "mlp": sigmoid_mlp,
        "adaline": adaline,
    }
)
