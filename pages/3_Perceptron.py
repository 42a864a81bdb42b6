"""Perceptron & XOR page: the perceptron rule on the slide's gates, XOR = OR(AND1, AND2) as a
two-layer network, a single unit cycling on XOR, a sigmoid MLP learning XOR by backprop, and the
perceptron rule next to ADALINE (lecture 03, "Perceptrón multicapa (MLP)")."""

import streamlit as st

from dlviz import i18n, mlp, ui
from dlviz import perceptron as pc
from dlviz.figures import perceptron as figures
from dlviz.params import ChoiceParam, FloatParam, GridParam, IntParam, log_grid
from dlviz.texts.perceptron import TEXT

X, GATES, SEEDS = pc.INPUTS, tuple(pc.GATES), 20
page = ui.Page(TEXT, "page.perceptron")
t = page.t


def fig_names(lang):  # the figures' legends in one language
    return i18n.texts(TEXT, lang, "fig.")


# Pure and deterministic: each result is kept as it is (no copy) so a rerun rebuilds only what
# moved. Figures are cached per language (``lang``): their legends are translated.
@ui.cache_resource(max_entries=64)
def training(gate, w, gamma, theta, epochs):  # the run and its table as shown
    run = pc.train(X, pc.GATES[gate], w, gamma, theta, epochs)
    return run, run.trace.drop(columns=["sample"])


@ui.cache_resource(max_entries=64)
def unit_figure(gate, w, gamma, theta, epochs, k, lang):
    run = training(gate=gate, w=w, gamma=gamma, theta=theta, epochs=epochs)[0]
    return figures.unit_figure(X, pc.GATES[gate], run.weights, theta, k, fig_names(lang))


@ui.cache_resource(max_entries=32)
def network(W, v, theta, lang):
    net = pc.network_table(X, W, v, theta, pc.GATES["XOR"])
    fig = figures.network_figure(X, pc.GATES["XOR"], net, W, v, theta, fig_names(lang))
    return net, pc.network_trace_latex(net, W, v), fig


@ui.cache_resource(max_entries=32)
def convergence(kw, epochs, lang):
    runs = pc.train_gates(("AND", "OR", "XOR"), epochs, **kw)
    return runs, figures.convergence_figure(runs, "XOR", fig_names(lang))


@ui.cache_resource(max_entries=32)
def comparison(gate, eta, epochs, lang):
    per, ada = pc.compare_rules(gate, eta, epochs)
    table = None if ada.diverged_at else pc.compare_table(X, pc.GATES[gate], per, ada)
    return per, ada, figures.compare_figure(per, ada, fig_names(lang)), table


@ui.cache_resource(max_entries=16)
def mlp_run(seed, eta, epochs, loss):
    history = mlp.train(X, pc.GATES["XOR"], seed, eta, epochs, loss)
    return mlp.snapshots(history, X), "solved" if history.solved else "stuck"


@ui.cache_resource(max_entries=16)
def sweep(eta, epochs, loss):
    return mlp.seed_sweep(X, pc.GATES["XOR"], range(SEEDS), eta, epochs, loss)


@ui.cache_resource(max_entries=32, show_spinner=False)  # the whole section: one lookup per rerun
def mlp_view(seed, eta, epochs, loss, lang):
    snap, status = mlp_run(seed=seed, eta=eta, epochs=epochs, loss=loss)
    losses, ok = sweep(eta=eta, epochs=epochs, loss=loss)
    fig = figures.mlp_figure(snap, X, pc.GATES["XOR"], fig_names(lang))
    sweep_fig = figures.sweep_figure(range(SEEDS), losses, ok, seed, fig_names(lang))
    return f"{snap['loss_curve'][-1]:.4g}", status, fig, int(ok.sum()), sweep_fig


st.markdown(t("intro"))
st.latex(r"\hat y = \sigma[\mathbf w\cdot\mathbf x] = \begin{cases} 1 & \text{if } "
         r"\mathbf w\cdot\mathbf x \ge \theta \\ 0 & \text{if } \mathbf w\cdot\mathbf x < \theta"
         r"\end{cases} \qquad w'_i = w_i + \gamma\,(y-\hat y)\,x_i")  # fmt: skip
st.latex(r"\text{XOR} = \text{OR}\big[\text{AND1}(x_1,\bar x_2),\ \text{AND2}(\bar x_1, x_2)"
         r"\big],\quad y = x_1\bar x_2 + \bar x_1 x_2")  # fmt: skip
page.table(pc.truth_table(), key="truth")

# -- one unit, trained presentation by presentation -------------------------------------------
st.subheader(t("train.header"))
st.markdown(t("train.intro"))
c = st.columns(6)
gate = page.select("gate", ChoiceParam("AND1", GATES), "gate", where=c[0])
gamma = page.slider("gamma", FloatParam(1.5, 0.1, 3.0), "gamma", step=0.1, where=c[1])
theta = page.slider("theta", FloatParam(1.0, -2.0, 3.0), "theta", step=0.1, where=c[2])
w1 = page.number("w1", FloatParam(1.0, -5.0, 5.0), "w1", step=0.5, where=c[3])
w2 = page.number("w2", FloatParam(1.0, -5.0, 5.0), "w2", step=0.5, where=c[4])
epochs = page.slider("epochs", IntParam(10, 1, 30), "epochs", where=c[5])
chosen = {"gate": gate, "w": (w1, w2), "gamma": gamma, "theta": theta, "epochs": epochs}
run, shown = training(**chosen)
kind, numbers = pc.outcome(run)
page.alert({"converged": "success", "cycle": "warning", "open": "warning"}[kind],
           t(f"train.{kind}", gate=gate, **numbers))  # fmt: skip
if kind == "cycle" and gate != "XOR":
    page.alert("info", t("train.lattice", gate=gate))

P, spec = len(run.trace), IntParam(0, 0, 999)
asked = page.state("step", spec)
k = min(asked, P)
if k != asked:
    page.set_state("step", spec, k)
moves = [("first", 0, "first_page"), ("prev", max(k - 1, 0), "chevron_left"),
         ("next", min(k + 1, P), "chevron_right"), ("last", P, "last_page")]  # fmt: skip
for col, (name, target, icon) in zip(st.columns(4), moves, strict=True):
    col.button(t(f"step.{name}"), key=f"step_{name}", help=t("step.help"), width="stretch",
               icon=f":material/{icon}:", on_click=lambda v=target: st.session_state.update(step=v))  # fmt: skip
fig_col, step_col = st.columns([3, 2])
with step_col:
    if k == 0:
        st.markdown(t("step.start", w=pc.latex_weights(run.weights[0])))
    else:
        row = run.trace.iloc[k - 1]
        st.markdown(t("step.now", k=k, P=P, epoch=int(row["epoch"])))
        st.latex(pc.presentation_latex(row, run.weights[k - 1], gamma, theta))
        st.markdown(t("step.changed" if row["error"] else "step.nothing", which=row["changed"]))
    st.markdown(t("step.weights", w=pc.latex_weights(run.weights[k])))
with fig_col:
    page.plot(unit_figure(k=k, lang=page.lang, **chosen), key="unit")
page.table(shown, key="trace", download=f"perceptron_{gate}.csv",
           formats={c: "%g" for c in ("x1", "x2", "weighted_sum", "dw1", "dw2", "w1", "w2")})  # fmt: skip
st.caption(t("trace.caption"))
with st.expander(t("slips.title"), expanded=gate in ("AND1", "AND2")):
    st.markdown("\n".join(f"- {t(f'slip.{n}')}" for n in range(1, 8)))

# -- the network of the slide ------------------------------------------------------------------
st.subheader(t("net.header"))
st.markdown(t("net.intro"))
c = st.columns(7)
W = [[page.number(f"W{i}{j}", FloatParam(pc.XOR_HIDDEN[i - 1, j - 1], -5.0, 5.0), f"W{i}{j}",
                  step=0.5, where=c[2 * (i - 1) + j - 1]) for j in (1, 2)] for i in (1, 2)]  # fmt: skip
v = [page.number(f"v{j}", FloatParam(1.0, -5.0, 5.0), f"v{j}", step=0.5, where=c[3 + j])
     for j in (1, 2)]  # fmt: skip
theta_net = page.number("theta_net", FloatParam(1.0, -5.0, 5.0), "theta_net", step=0.5, where=c[6])
net, net_latex, net_figure = network(W=W, v=v, theta=theta_net, lang=page.lang)
wrong = [f"({a}, {b})" for a, b, ok in zip(net["x1"], net["x2"], net["ok"], strict=True) if not ok]
page.alert(*(("warning", t("net.wrong", inputs=", ".join(wrong))) if wrong else ("success", t("net.ok"))))  # fmt: skip
st.latex(net_latex)
page.plot(net_figure, key="network")
page.table(net, key="network_table", formats={c: "%g" for c in ("z_A", "z_B", "z_out")})
st.caption(t("net.caption"))

# -- one unit on XOR never converges -------------------------------------------------------------
st.subheader(t("conv.header"))
st.markdown(t("conv.intro"))
setting = page.select("setting", ChoiceParam("rule", ("rule", "mlp")), "setting", radio=True, horizontal=True)  # fmt: skip
kw = pc.RULE_SLIDE if setting == "rule" else {"w": (w1, w2), "gamma": gamma, "threshold": theta}
runs, conv_figure = convergence(kw=kw, epochs=epochs, lang=page.lang)
lines = [(g, *pc.outcome(r)) for g, r in runs.items()]
st.markdown("\n".join(f"- **{g}**: " + t(f"conv.{kind}", **numbers) for g, kind, numbers in lines))
page.plot(conv_figure, key="convergence")

# -- beyond the slide: a sigmoid MLP learns XOR by backpropagation --------------------------------
st.subheader(t("mlp.header"))
st.markdown(t("mlp.intro"))
st.latex(r"\mathbf h = \sigma(W_1\mathbf x + \mathbf b_1),\quad \hat y = \sigma(\mathbf w_2"
         r"\cdot\mathbf h + b_2),\quad \theta \leftarrow \theta - \eta\,\nabla_\theta L")  # fmt: skip
c = st.columns(4)
seed = page.number("seed", IntParam(1, 0, 999), "seed", step=1, where=c[0])
eta = page.log_slider("eta", GridParam(1.0, log_grid(-2, 1)), "eta", where=c[1])
mlp_epochs = page.slider("mlp_epochs", IntParam(1000, 100, 3000), "mlp_epochs", step=100, where=c[2])  # fmt: skip
loss = page.select("loss", ChoiceParam("bce", mlp.LOSSES), "loss", where=c[3])
with st.spinner(t("mlp.training", epochs=mlp_epochs, seeds=SEEDS)):  # ~1 s when not cached
    final, status, mlp_fig, solved, sweep_fig = mlp_view(seed=seed, eta=eta, epochs=mlp_epochs, loss=loss, lang=page.lang)  # fmt: skip
page.alert("success" if status == "solved" else "warning", t(f"mlp.{status}", seed=seed, loss=final))  # fmt: skip
page.plot(mlp_fig, key="mlp")
st.markdown(t("sweep.result", solved=solved, total=SEEDS))
page.plot(sweep_fig, key="sweep")
st.caption(t("sweep.caption"))

# -- perceptron rule vs ADALINE / SGD ------------------------------------------------------------
st.subheader(t("cmp.header"))
st.markdown(t("cmp.intro"))
st.latex(r"\begin{gathered}\text{Perceptron: } \hat y = \sigma[\mathbf w\cdot\mathbf x + b],\ "
         r"\mathbf w \leftarrow \mathbf w + (y-\hat y)\,\mathbf x \\ \text{ADALINE: } \hat y = "
         r"\mathbf w\cdot\mathbf x + b,\ \mathbf w \leftarrow \mathbf w + \eta\,(y-\hat y)\,"
         r"\mathbf x\end{gathered}")  # fmt: skip
c = st.columns(3)
cmp_gate = page.select("cmp_gate", ChoiceParam("AND", GATES), "gate", where=c[0])
eta_ada = page.log_slider("eta_ada", GridParam(0.1, log_grid(-3, 1)), "eta_ada", where=c[1])
cmp_epochs = page.slider("cmp_epochs", IntParam(30, 1, 100), "cmp_epochs", where=c[2])
per, ada, cmp_figure, cmp_table = comparison(gate=cmp_gate, eta=eta_ada, epochs=cmp_epochs, lang=page.lang)  # fmt: skip
if ada.diverged_at:
    page.alert("error", t("cmp.diverged", k=ada.diverged_at, eta=eta_ada))
else:
    st.markdown(t("cmp.result", per=int(per.errors[-1]), ada=int(ada.errors[-1]),
                  mse=f"{ada.mse[-1]:.4f}", pu=per.updates, au=len(ada.outputs)))  # fmt: skip
page.plot(cmp_figure, key="compare")
if cmp_table is not None:
    page.table(cmp_table, key="compare_table", formats={"perceptron_z": "%g", "adaline_y_hat": "%.4f"})  # fmt: skip
st.caption(t("cmp.caption"))
page.show_code(pc.train, mlp.loss_tensor)
