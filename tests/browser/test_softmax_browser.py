"""The Softmax page in Chromium: opened by its URL on a fresh server, a logit moved, the digits
trained for a few epochs with the button, and a digit drawn on the canvas."""

import pytest
from browserkit import (
    FORMULAS,
    all_formulas,
    assert_no_error,
    screenshot,
    wait_changed,
    wait_idle,
    wait_plots,
)

pytestmark = pytest.mark.browser
PLOTS = 6  # bars, Jacobian, curves, confusion, weights, misclassified


def main_text(page) -> str:
    return page.locator("[data-testid=stMain]").inner_text()


def test_slide_numbers_logit_slider_training_and_drawing(server, open_page):
    page = open_page(f"{server}/Softmax?lang=en&epochs=3")
    assert_no_error(page)
    formulas = all_formulas(page)
    for value in ("0.969692", "0.880200", "1.05268", "0.831490", "0.933516"):
        assert value in formulas
    assert r"[(-1) \cdot \log(0.3792)]" in formulas
    wait_plots(page, PLOTS)
    assert "After 3 epochs: test accuracy" in main_text(page)

    # move the first logit: the probabilities (second formula) change
    before = page.locator(FORMULAS).nth(1).text_content()
    thumb = page.get_by_role("slider", name="Logit z1")
    thumb.focus()
    for _ in range(5):  # step 0.1 → z1 = 2.5
        thumb.press("ArrowRight")
    page.wait_for_url("**z1=2.5**")
    after = wait_changed(page, f"{FORMULAS} >> nth=1", before)
    assert r"\begin{bmatrix}2.5 & 1 & 0.1\end{bmatrix}" in after
    assert_no_error(page)

    # train for a few more epochs with the button
    epochs = page.get_by_role("slider", name="Epochs")
    epochs.focus()
    epochs.press("ArrowRight")  # 3 → 4 epochs
    page.wait_for_url("**epochs=4**")
    wait_idle(page)
    assert "Press Train" in main_text(page)
    page.get_by_role("button", name="Train").click()
    page.wait_for_function(
        "document.querySelector('[data-testid=stMain]').innerText.includes('After 4 epochs')"
    )
    wait_idle(page)
    assert_no_error(page)

    # draw a "1" on the canvas: the class probabilities appear
    canvas = page.locator("canvas[aria-label='digit canvas']")
    canvas.scroll_into_view_if_needed()
    box = canvas.bounding_box()
    x = box["x"] + box["width"] / 2
    page.mouse.move(x, box["y"] + 30)
    page.mouse.down()
    for step in range(1, 11):
        page.mouse.move(x, box["y"] + 30 + step * (box["height"] - 60) / 10)
    page.mouse.up()
    page.wait_for_function(
        "document.querySelector('[data-testid=stMain]').innerText.includes('The model sees a')"
    )
    wait_idle(page)
    wait_plots(page, PLOTS + 1)
    assert_no_error(page)
    screenshot(page, "softmax_en")


def test_spanish_and_presentation_mode(server, open_page):
    page = open_page(f"{server}/Softmax?present=1&epochs=3", locale="es-CO")
    assert page.get_by_role("heading", name="Softmax", exact=True).is_visible()
    assert "60.000 dígitos por clase" in main_text(page)
    wait_plots(page, PLOTS)
    assert_no_error(page)
    screenshot(page, "softmax_es")
