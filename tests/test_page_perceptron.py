"""AppTest of the Perceptron & XOR page, one section (tab) at a time: the lecture's numbers,
languages, stepping, editing, the MLP read from one long training, bad and tampered input."""

import base64
import json

import numpy as np
import pytest

from dlviz import mlp
from dlviz import perceptron as pc

PAGE = "pages/3_Perceptron.py"
SECTIONS = {"slide": 1, "network": 1, "convergence": 1, "mlp": 2, "adaline": 1}  # charts each


def texts(elements) -> str:
    return " | ".join(e.value for e in elements)


def table(at, index: int):
    """The section's index-th table (the slide section starts with the truth table)."""
    return at.dataframe[index].value


def test_defaults_open_the_slide_with_the_lecture_example(run_page):
    at = run_page(PAGE, lang="en")
    assert at.query_params["tab"] in (["slide"], "slide")  # the slide's section opens first
    assert at.selectbox(key="gate").value == "AND1"
    assert (at.slider(key="gamma").value, at.slider(key="theta").value) == (1.5, 1.0)
    assert (at.number_input(key="w1").value, at.number_input(key="w2").value) == (1.0, 1.0)
    assert "**AND1** converges: w = [1, -0.5] after 1 update(s)" in texts(at.success)
    trace = table(at, 1)
    assert len(trace) == 8 and list(trace.iloc[:, -1]).count("w2") == 1
    truth = at.dataframe[0].value
    assert list(truth["XOR"]) == [0, 1, 1, 0] and list(truth["AND2"]) == [0, 1, 0, 0]
    markdown = texts(at.markdown)
    assert "σ[−0.5] = 0" in markdown and "w₂₂ = 1 + 1.5(0 − 1)·0 = 1" in markdown  # the slips
    assert len(at.get("plotly_chart")) == 1  # only this section's figure is drawn


def test_the_network_section_shows_the_slide_network(run_page):
    at = run_page(PAGE, lang="en", tab="network")
    assert "The network computes XOR on all four inputs." in texts(at.success)
    net = table(at, 0)
    assert list(net.iloc[:, 7]) == [0, 1, 1, 0]  # ŷ of the network: XOR
    latex = texts(at.latex)
    assert r"\begin{bmatrix} 0.5 \\ 0.5 \end{bmatrix} \xrightarrow{\sigma} " in latex
    assert (at.number_input(key="W12").value, at.number_input(key="W21").value) == (-0.5, -0.5)


def raw_cells(frame) -> list:
    """Cells a student would read as a raw Python value: True/False, None, NaN."""

    def raw(v) -> bool:
        return isinstance(v, bool | np.bool_) or v is None or (isinstance(v, float) and v != v)

    return [v for v in frame.to_numpy().ravel() if raw(v) or str(v) in ("True", "False", "nan")]


def test_the_network_table_marks_agreement_with_xor_in_spanish(run_page):
    """Issue #14: the "= XOR" column showed a raw "True" on the Spanish page."""
    at = run_page(PAGE, lang="es", tab="network")
    net = table(at, 0)
    assert list(net.iloc[:, -1]) == ["✓", "✓", "✓", "✓"] and not raw_cells(net)
    at.number_input(key="W12").set_value(1.0).run()  # A = x₁ OR x₂ now: [1,1] goes wrong
    net = table(at, 0)
    assert list(net.iloc[:, -1]) == ["✓", "✓", "✓", "✗"]
    assert "no calcula XOR en: (1, 1)" in texts(at.warning)


@pytest.mark.parametrize("tab", ["slide", "network", "mlp", "adaline"])
@pytest.mark.parametrize("lang", ["es", "en"])
def test_no_table_shows_a_raw_value(run_page, tab, lang):
    at = run_page(PAGE, lang=lang, tab=tab)
    if tab == "mlp":  # the gradient check's table sits in an expander: shown when opened
        assert len(at.dataframe) == 1
    for element in at.dataframe:
        assert not raw_cells(element.value), (tab, element.value)


def test_the_formulas_speak_the_page_language(run_page):
    at = run_page(PAGE, lang="es", tab="adaline")
    latex = texts(at.latex)
    assert r"\text{Perceptrón: }" in latex and r"\text{if" not in latex
    assert "$perceptron" not in latex
    at = run_page(PAGE, lang="en", tab="adaline")
    assert r"\text{Perceptron: }" in texts(at.latex)


def test_the_convergence_section_shows_xor_never_converging(run_page):
    at = run_page(PAGE, lang="en", tab="convergence")
    markdown = texts(at.markdown)
    assert "XOR**: **never converges**" in markdown and "AND**: converges in epoch 6" in markdown


def test_the_mlp_section_reports_the_default_seed_and_the_sweep_honestly(run_page):
    at = run_page(PAGE, lang="en", tab="mlp")
    assert "Seed 1 solves XOR" in texts(at.success)
    assert "**13 of 20** seeds" in texts(at.markdown)


@pytest.mark.parametrize("tab", SECTIONS)
@pytest.mark.parametrize("lang", ["es", "en"])
def test_each_section_opens_by_its_link(run_page, tab, lang):
    at = run_page(PAGE, lang=lang, tab=tab)
    assert not at.error and not at.warning
    assert len(at.tabs) == len(SECTIONS)
    assert len(at.get("plotly_chart")) == SECTIONS[tab]
    assert at.query_params["tab"] in ([tab], tab)


def test_a_bogus_section_falls_back_to_the_slide_with_a_warning(run_page):
    at = run_page(PAGE, lang="en", tab="nope")
    assert "tab=nope" in texts(at.warning)
    assert at.query_params["tab"] in (["slide"], "slide")
    assert "**AND1** converges: w = [1, -0.5]" in texts(at.success)


def test_and2_reaches_the_slide_weights(run_page):
    at = run_page(PAGE, lang="en", gate="AND2")
    assert "**AND2** converges: w = [-0.5, 1] after 1 update(s)" in texts(at.success)


@pytest.mark.parametrize(("lang", "title", "label"), [("es", "Perceptrón y XOR", "Compuerta"),
                                                      ("en", "Perceptron & XOR", "Gate")])  # fmt: skip
def test_both_languages(run_page, lang, title, label):
    at = run_page(PAGE, lang=lang)
    assert at.title[0].value == title
    assert at.selectbox(key="gate").label == label


def test_step_buttons_walk_the_presentations_and_keep_the_step_in_the_url(run_page):
    at = run_page(PAGE, lang="en")
    at.button(key="step_next").click().run()
    at.button(key="step_next").click().run()
    assert at.query_params["step"] in (["2"], "2")
    markdown = texts(at.markdown)
    assert "Presentation 2 of 8" in markdown and "Only **w2** changes" in markdown
    assert "w'_{2} &= 1 + 1.5(0 - 1)1 = -0.5" in texts(at.latex)
    unit = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert unit["layout"]["sliders"][0]["active"] == 2 and len(unit["frames"]) == 9
    at.button(key="step_back").click().run()
    assert "Presentation 1 of 8" in texts(at.markdown)
    at.button(key="step_last").click().run()
    assert "Presentation 8 of 8" in texts(at.markdown)
    at.button(key="step_first").click().run()
    assert "**Start**: w = [1, 1]." in texts(at.markdown)


def test_step_from_the_url_is_clamped_to_the_training(run_page):
    at = run_page(PAGE, lang="en", step="50")
    assert "Presentation 8 of 8" in texts(at.markdown)
    assert at.query_params["step"] in (["8"], "8")
    assert "asked for step 50" in texts(at.warning)


def test_a_long_training_is_animated_around_the_step(run_page):
    at = run_page(PAGE, lang="en", gate="XOR", epochs="30", step="100")
    unit = json.loads(at.get("plotly_chart")[0].proto.spec)
    slider = unit["layout"]["sliders"][0]
    assert len(unit["frames"]) <= 50 and slider["steps"][slider["active"]]["label"] == "100"
    assert "Presentation 100 of 120" in texts(at.markdown)


def test_xor_gate_cycles_and_and_without_bias_is_explained(run_page):
    at = run_page(PAGE, lang="en", gate="XOR")
    assert "**XOR** does not converge" in texts(at.warning)
    at = run_page(PAGE, lang="en", gate="AND")
    assert "**AND** does not converge" in texts(at.warning)
    assert "convergence theorem assumes the threshold is learned" in texts(at.info)


def test_editing_the_network_by_hand(run_page):
    at = run_page(PAGE, lang="en", tab="network")
    at.number_input(key="W12").set_value(1.0).run()
    assert "does not compute XOR at: (1, 1)" in texts(at.warning)
    assert list(table(at, 0).iloc[:, 7]) == [0, 1, 1, 1]


def test_setting_without_bias_shows_and_cycling(run_page):
    at = run_page(PAGE, lang="en", tab="convergence", setting="mlp")
    markdown = texts(at.markdown)
    assert "AND**: **never converges**" in markdown and "OR**: converges in epoch 1" in markdown
    assert "w₀ = [1, 1], γ = 1.5, θ = 1, 10 epochs" in texts(at.caption)


def test_setting_without_bias_follows_the_slide_controls_in_the_link(run_page):
    at = run_page(PAGE, lang="en", tab="convergence", setting="mlp", gamma="0.5", epochs="12")
    markdown = texts(at.markdown)
    assert "AND**: converges in epoch 2" in markdown and "XOR**: **never converges**" in markdown
    assert "γ = 0.5, θ = 1, 12 epochs" in texts(at.caption)


def test_stuck_seed_is_reported_honestly(run_page):
    at = run_page(PAGE, lang="en", tab="mlp", seed="0")
    assert "Seed 0 **does not solve** XOR" in texts(at.warning)


@pytest.mark.parametrize(
    ("seed", "eta", "epochs", "loss"),
    [(1, "1", "300", "bce"), (4, "2", "1000", "mse"), (23, "0.5", "1234", "bce")],
)
def test_the_mlp_shows_exactly_the_training_for_the_chosen_epochs(
    run_page, seed, eta, epochs, loss
):
    """One long training per setting, read at the chosen epoch count: the numbers are those of
    the autodiff trainer run for exactly that many epochs (1234: off the slider's grid)."""
    query = {"seed": str(seed), "eta": eta, "mlp_epochs": epochs, "loss": loss}
    at = run_page(PAGE, lang="en", tab="mlp", **query)
    y = pc.GATES["XOR"]
    history = mlp.train(pc.INPUTS, y, seed, float(eta), int(epochs), loss)
    alerts = texts(at.success) + texts(at.warning)
    word = "solves" if history.solved else "**does not solve**"
    assert f"Seed {seed} {word} XOR" in alerts and f"{history.loss[-1]:.4g}" in alerts
    figure = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert figure["layout"]["sliders"][0]["steps"][-1]["label"] == epochs
    assert len(figure["frames"]) <= 50
    losses, solved = mlp.seed_sweep(pc.INPUTS, y, range(20), float(eta), int(epochs), loss)
    assert f"**{int(solved.sum())} of 20** seeds" in texts(at.markdown)
    sweep = json.loads(at.get("plotly_chart")[1].proto.spec)
    heights = np.concatenate([_values(bar["y"]) for bar in sweep["data"]])
    np.testing.assert_allclose(np.sort(heights), np.sort(losses), rtol=1e-12)


def _values(array) -> np.ndarray:
    if isinstance(array, dict):  # plotly's base64 form
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"])
    return np.asarray(array, dtype=float)


def test_the_gradient_check_puts_autodiff_beside_backprop_by_hand(run_page):
    at = run_page(PAGE, lang="en", tab="mlp", seed="7", loss="mse")
    check = table(at, 0)
    assert list(check.iloc[:, 0]) == list(mlp.PARAMETER_NAMES)
    assert (check.iloc[:, 3] < 1e-12).all()
    _, expected = mlp.loss_and_gradient(mlp.init_params(7), pc.INPUTS, pc.GATES["XOR"], "mse")
    np.testing.assert_allclose(check.iloc[:, 1], expected.flat(), rtol=1e-12)


def test_moving_the_mlp_controls_changes_the_result(run_page):
    at = run_page(PAGE, lang="en", tab="mlp")
    at.number_input(key="seed").set_value(0).run()
    assert "Seed 0 **does not solve** XOR" in texts(at.warning)
    at.select_slider(key="eta").set_value(2.0).run()
    at.slider(key="mlp_epochs").set_value(3000).run()
    at.selectbox(key="loss").set_value("mse").run()
    history = mlp.train(pc.INPUTS, pc.GATES["XOR"], 0, 2.0, 3000, "mse")
    assert f"{history.loss[-1]:.4g}" in texts(at.success) + texts(at.warning)
    assert at.query_params["mlp_epochs"] in (["3000"], "3000")


def test_diverging_adaline_says_where(run_page):
    at = run_page(PAGE, lang="en", tab="adaline", eta_ada="1")
    assert "ADALINE diverges at presentation" in texts(at.error)
    at = run_page(PAGE, lang="es", tab="adaline", eta_ada="10")
    assert "con η = 10:" in texts(at.error)  # as the slider shows it, not 10.0
    assert len(at.get("plotly_chart")) == 1


BAD = {"gate": "NAND", "gamma": "abc", "theta": "1e9", "step": "-3", "W11": "nan",
       "seed": "x", "eta": "7", "loss": "hinge", "setting": "?", "cmp_epochs": "0"}  # fmt: skip
BAD_IN = {
    "slide": ("gate", "gamma", "theta", "step"),
    "network": ("W11",),
    "convergence": ("setting",),
    "mlp": ("seed", "eta", "loss"),
    "adaline": ("cmp_epochs",),
}


@pytest.mark.parametrize("tab", BAD_IN)
def test_tampered_url_falls_back_with_warnings(run_page, tab):
    """Every tampered control is named where it stands: in its own section."""
    at = run_page(PAGE, lang="en", tab=tab, **BAD)
    warnings = texts(at.warning)
    for key in BAD_IN[tab]:
        assert f"{key}={BAD[key]}" in warnings
    if tab == "slide":
        assert at.selectbox(key="gate").value == "AND1" and at.slider(key="gamma").value == 1.5
        assert "**AND1** converges: w = [1, -0.5]" in texts(at.success)
    if tab == "mlp":
        assert "Seed 1 solves XOR" in texts(at.success)


def test_moving_gamma_changes_the_result(run_page):
    at = run_page(PAGE, lang="en")
    at.slider(key="gamma").set_value(1.0).run()
    assert "**AND1** converges: w = [1, -1] after 3 update(s)" in texts(at.success)
