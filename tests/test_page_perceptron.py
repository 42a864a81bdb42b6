"""AppTest of the Perceptron & XOR page: the lecture's numbers, languages, stepping, editing,
bad and tampered input."""

import json

import pytest

PAGE = "pages/3_Perceptron.py"


def texts(elements) -> str:
    return " | ".join(e.value for e in elements)


def test_defaults_show_the_lecture_example(run_page):
    at = run_page(PAGE, lang="en")
    assert at.selectbox(key="gate").value == "AND1"
    assert (at.slider(key="gamma").value, at.slider(key="theta").value) == (1.5, 1.0)
    assert (at.number_input(key="w1").value, at.number_input(key="w2").value) == (1.0, 1.0)
    success = texts(at.success)
    assert "**AND1** converges: w = [1, -0.5] after 1 update(s)" in success
    assert "The network computes XOR on all four inputs." in success
    assert "Seed 1 solves XOR" in success
    trace = at.dataframe[1].value
    assert len(trace) == 8 and list(trace.iloc[:, -1]).count("w2") == 1
    net = at.dataframe[2].value
    assert list(net.iloc[:, 7]) == [0, 1, 1, 0]  # ŷ of the network: XOR
    latex = texts(at.latex)
    assert r"\begin{bmatrix} 0.5 \\ 0.5 \end{bmatrix} \xrightarrow{\sigma} " in latex
    markdown = texts(at.markdown)
    assert "XOR**: **never converges**" in markdown and "AND**: converges in epoch 6" in markdown
    assert "**13 of 20** seeds" in markdown
    assert "σ[−0.5] = 0" in markdown and "w₂₂ = 1 + 1.5(0 − 1)·0 = 1" in markdown  # the slips
    assert len(at.get("plotly_chart")) == 6


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
    assert "w'_{2} = 1 + 1.5(0 - 1)1 = -0.5" in texts(at.latex)
    unit = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert unit["layout"]["sliders"][0]["active"] == 2 and len(unit["frames"]) == 9
    at.button(key="step_last").click().run()
    assert "Presentation 8 of 8" in texts(at.markdown)
    at.button(key="step_first").click().run()
    assert "**Start**: w = [1, 1]." in texts(at.markdown)


def test_step_from_the_url_is_clamped_to_the_training(run_page):
    at = run_page(PAGE, lang="en", step="50")
    assert "Presentation 8 of 8" in texts(at.markdown)
    assert at.query_params["step"] in (["8"], "8")


def test_xor_gate_cycles_and_and_without_bias_is_explained(run_page):
    at = run_page(PAGE, lang="en", gate="XOR")
    assert "**XOR** does not converge" in texts(at.warning)
    at = run_page(PAGE, lang="en", gate="AND")
    assert "**AND** does not converge" in texts(at.warning)
    assert "convergence theorem assumes the threshold is learned" in texts(at.info)


def test_editing_the_network_by_hand(run_page):
    at = run_page(PAGE, lang="en")
    at.number_input(key="W12").set_value(1.0).run()
    assert "does not compute XOR at: (1, 1)" in texts(at.warning)
    assert list(at.dataframe[2].value.iloc[:, 7]) == [0, 1, 1, 1]


def test_setting_without_bias_shows_and_cycling(run_page):
    at = run_page(PAGE, lang="en", setting="mlp")
    markdown = texts(at.markdown)
    assert "AND**: **never converges**" in markdown and "OR**: converges in epoch 1" in markdown


def test_stuck_seed_is_reported_honestly(run_page):
    at = run_page(PAGE, lang="en", seed="0")
    assert "Seed 0 **does not solve** XOR" in texts(at.warning)


def test_diverging_adaline_says_where(run_page):
    at = run_page(PAGE, lang="en", eta_ada="1")
    assert "ADALINE diverges at presentation" in texts(at.error)
    assert len(at.get("plotly_chart")) == 6


def test_tampered_url_falls_back_with_warnings(run_page):
    bad = {"gate": "NAND", "gamma": "abc", "theta": "1e9", "step": "-3", "W11": "nan",
           "seed": "x", "eta": "7", "loss": "hinge", "setting": "?", "cmp_epochs": "0"}  # fmt: skip
    at = run_page(PAGE, lang="en", **bad)
    assert at.selectbox(key="gate").value == "AND1" and at.slider(key="gamma").value == 1.5
    warnings = texts(at.warning)
    for key, value in bad.items():
        assert f"{key}={value}" in warnings
    assert "**AND1** converges: w = [1, -0.5]" in texts(at.success)


def test_moving_gamma_changes_the_result(run_page):
    at = run_page(PAGE, lang="en")
    at.slider(key="gamma").set_value(1.0).run()
    assert "**AND1** converges: w = [1, -1] after 3 update(s)" in texts(at.success)
