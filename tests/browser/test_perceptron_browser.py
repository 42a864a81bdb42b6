"""The Perceptron & XOR page in Chromium, one section at a time: training stepped with the
buttons (the step lands in the URL), a slider moved, the network's section opened by its tab,
the MLP section opened by its link on a fresh server with a control moved there, both languages
photographed."""

import pytest
from browserkit import (
    all_formulas,
    as_text,
    assert_no_error,
    open_tab,
    received,
    screenshot,
    wait_changed,
    wait_idle,
    wait_plots,
)

pytestmark = pytest.mark.browser
SUCCESS = "[data-testid=stAlertContentSuccess]"


def test_opens_on_the_lecture_example_and_steps_training(server, open_page):
    page = open_page(f"{server}/Perceptron?lang=en")
    assert_no_error(page)
    selected = page.locator("[role=tab][aria-selected=true]")
    assert selected.inner_text().strip() == "Perceptron rule"  # the slide's section first
    success = page.locator(SUCCESS).first.inner_text()
    assert "AND1 converges: w = [1, -0.5] after 1 update(s)" in success
    wait_plots(page, 1)  # only the open section's figure
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
    assert r"[0,1] &\rightarrow 1(0) + 1(1) = 1 \\ &\rightarrow \sigma[1] = 1" in formulas
    assert "w'_{2} &= 1 + 1.5(0 - 1)1 = -0.5" in formulas
    assert_no_error(page)

    before = page.locator(SUCCESS).first.inner_text()
    thumb = page.get_by_role("slider", name="Learning rate γ")
    thumb.focus()
    for _ in range(5):  # step 0.1 → γ = 1.0
        thumb.press("ArrowLeft")
    page.wait_for_url("**gamma=1&**")
    after = wait_changed(page, f"{SUCCESS} >> nth=0", before)
    assert "w = [1, -1] after 3 update(s)" in after  # γ = 1: [1,1] → [1,0] → [0,−1] → [1,−1]
    assert_no_error(page)

    open_tab(page, "XOR network")  # the slide's network, one input per formula
    page.wait_for_url("**tab=network**")
    assert r"\xrightarrow{\sigma} 1" in all_formulas(page)
    assert (
        "The network computes XOR on all four inputs." in page.locator(SUCCESS).first.inner_text()
    )
    wait_plots(page, 1)
    assert_no_error(page)


def test_a_linked_step_opens_there(server, open_page):
    page = open_page(f"{server}/Perceptron?lang=en&tab=slide&gate=AND2&step=2")
    text = page.locator("[data-testid=stMain]").inner_text()
    assert "Presentation 2 of 8" in text and "w = [-0.5, 1]" in text
    assert_no_error(page)


def test_spanish_and_presentation_mode(server, open_page):
    page = open_page(f"{server}/Perceptron?gate=AND2", locale="es-CO")
    assert page.get_by_role("heading", name="Perceptrón y XOR", exact=True).is_visible()
    success = page.locator(SUCCESS).first.inner_text()
    assert "AND2 converge: w = [-0.5, 1]" in success
    wait_plots(page, 1)
    assert_no_error(page)
    screenshot(page, "perceptron_es")
    page.goto(f"{server}/Perceptron?lang=en&present=1")
    wait_idle(page)
    wait_plots(page, 1)
    assert_no_error(page)
    screenshot(page, "perceptron_present")


def test_mlp_animation_moves_only_the_data(server, open_page):
    """The MLP's frames carry only z (heatmap) and x/y (lines, points): jumping to the first
    epoch changes those and keeps the colours, colour bar and names of the figure's traces."""
    page = open_page(f"{server}/Perceptron?lang=en&tab=mlp")
    wait_plots(page, 2)  # the MLP and the seed sweep
    state = """async ([k]) => {
        const gd = document.querySelectorAll("[data-testid=stMain] .js-plotly-plot")[0];
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


def test_the_mlp_section_opens_by_its_link_and_its_control_reruns_only_it(fresh_server, open_page):
    # The first visitor of a new server opens the MLP section by its link (and trains it).
    page = open_page(f"{fresh_server}/Perceptron?lang=en&tab=mlp&mlp_epochs=500")
    selected = page.locator("[role=tab][aria-selected=true]")
    assert selected.inner_text().strip() == "Sigmoid MLP"
    wait_plots(page, 2)
    sent = received(page)  # what the server sends over the websocket from here on
    before = page.locator(SUCCESS).first.inner_text()
    assert "Seed 1 solves XOR" in before
    thumb = page.get_by_role("slider", name="Epochs")
    thumb.focus()
    thumb.press("ArrowRight")  # 500 → 600 epochs: read from the one long training
    page.wait_for_url("**mlp_epochs=600**")
    after = wait_changed(page, f"{SUCCESS} >> nth=0", before)
    wait_idle(page)
    assert "Seed 1 solves XOR" in after and after != before  # a lower final loss
    epochs = page.evaluate(
        """() => {const gd = document.querySelectorAll("[data-testid=stMain] .js-plotly-plot")[0];
                  return gd.layout.sliders[0].steps.at(-1).label;}"""
    )
    assert epochs == "600"
    assert sent, "the move reran nothing"
    text = as_text(sent)
    # A fragment rerun sends its own section, not the header above the tabs (its formula),
    # and little of it.
    assert "Learning rate" in text
    assert r"w'_i = w_i + \gamma" not in text
    assert sum(len(frame) for frame in sent) < 50 * 1024
    assert selected.inner_text().strip() == "Sigmoid MLP"
    assert_no_error(page)
