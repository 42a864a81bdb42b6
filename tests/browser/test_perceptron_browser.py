"""The Perceptron & XOR page in Chromium: opened by its URL on a fresh server, training stepped
with the buttons (the step lands in the URL), a slider moved, both languages photographed."""

import pytest
from browserkit import (
    all_formulas,
    assert_no_error,
    screenshot,
    wait_changed,
    wait_idle,
    wait_plots,
)

pytestmark = pytest.mark.browser
PLOTS = 6  # unit, network, convergence, MLP, seed sweep, perceptron vs ADALINE


def test_opens_on_the_lecture_example_and_steps_training(server, open_page):
    page = open_page(f"{server}/Perceptron?lang=en")
    assert_no_error(page)
    success = page.locator("[data-testid=stAlertContentSuccess]").first.inner_text()
    assert "AND1 converges: w = [1, -0.5] after 1 update(s)" in success
    formulas = all_formulas(page)
    assert r"\xrightarrow{\sigma} 1" in formulas  # the network's trace, one input per formula
    wait_plots(page, PLOTS)
    screenshot(page, "perceptron_en")

    main = page.locator("[data-testid=stMain]")
    page.get_by_role("button", name="Next", exact=False).click()
    page.wait_for_url("**step=1**")
    wait_idle(page)
    assert "Presentation 1 of 8" in main.inner_text()
    page.get_by_role("button", name="Next", exact=False).click()
    page.wait_for_url("**step=2**")
    wait_idle(page)
    text = main.inner_text()
    assert "Presentation 2 of 8" in text and "Only w2 changes" in text
    formulas = all_formulas(page)
    assert r"1(0) + 1(1) = 1 \rightarrow \sigma[1] = 1" in formulas
    assert "w'_{2} = 1 + 1.5(0 - 1)1 = -0.5" in formulas
    assert_no_error(page)

    before = page.locator("[data-testid=stAlertContentSuccess]").first.inner_text()
    thumb = page.get_by_role("slider", name="Learning rate γ")
    thumb.focus()
    for _ in range(5):  # step 0.1 → γ = 1.0
        thumb.press("ArrowLeft")
    page.wait_for_url("**gamma=1&**")
    after = wait_changed(page, "[data-testid=stAlertContentSuccess] >> nth=0", before)
    assert "w = [1, -1] after 3 update(s)" in after  # γ = 1: [1,1] → [1,0] → [0,−1] → [1,−1]
    assert_no_error(page)


def test_spanish_and_presentation_mode(server, open_page):
    page = open_page(f"{server}/Perceptron?gate=AND2", locale="es-CO")
    assert page.get_by_role("heading", name="Perceptrón y XOR", exact=True).is_visible()
    success = page.locator("[data-testid=stAlertContentSuccess]").first.inner_text()
    assert "AND2 converge: w = [-0.5, 1]" in success
    wait_plots(page, PLOTS)
    assert_no_error(page)
    screenshot(page, "perceptron_es")
    page.goto(f"{server}/Perceptron?lang=en&present=1")
    wait_idle(page)
    wait_plots(page, PLOTS)
    assert_no_error(page)
    screenshot(page, "perceptron_present")


def test_mlp_animation_moves_only_the_data(server, open_page):
    """The MLP's frames carry only z (heatmap) and x/y (lines, points): jumping to the first
    epoch changes those and keeps the colours, colour bar and names of the figure's traces."""
    page = open_page(f"{server}/Perceptron?lang=en")
    wait_plots(page, PLOTS)
    state = """async ([k]) => {
        const gd = document.querySelectorAll("[data-testid=stMain] .js-plotly-plot")[3];
        if (k !== null) {
            await window.Plotly.animate(gd, [String(k)], {mode: "immediate",
                frame: {duration: 0, redraw: true}, transition: {duration: 0}});
        }
        const [heat, h1] = gd._fullData;  // arrays decoded from their base64 form
        return {type: heat.type, scale: JSON.stringify(heat.colorscale), zmax: heat.zmax,
                z: Array.from(heat.z[10]), name: h1.name, color: h1.line.color,
                x: Array.from(h1.x)};
    }"""
    last = page.evaluate(state, [None])
    first = page.evaluate(state, [0])
    assert first["type"] == "heatmap" and first["zmax"] == 1 and first["scale"] == last["scale"]
    assert first["name"] == last["name"] and first["color"] == last["color"] == "#2ca02c"
    assert first["z"] != last["z"] and first["x"] != last["x"]  # epoch 0 vs the trained net
    assert_no_error(page)
