"""The Softmax page in Chromium, one section at a time: the slide's numbers, a logit moved in the
explorer, the digits trained once per setting (the epochs slider shows part of the training, a
new setting trains on the button), a digit drawn on the canvas, and a section opened by its link
on a fresh server."""

import pytest
from browserkit import (
    FORMULAS,
    all_formulas,
    assert_no_error,
    open_tab,
    screenshot,
    wait_changed,
    wait_idle,
    wait_plots,
)

pytestmark = pytest.mark.browser


def main_text(page) -> str:
    return page.locator("[data-testid=stMain]").inner_text()


def wait_text(page, text: str) -> None:
    page.wait_for_function(
        "(text) => document.querySelector('[data-testid=stMain]').innerText.includes(text)",
        arg=text,
    )
    wait_idle(page)


def press(page, name: str, key: str, times: int = 1) -> None:
    """Move a slider with the keyboard (one step a press)."""
    thumb = page.get_by_role("slider", name=name)
    thumb.focus()
    for _ in range(times):
        thumb.press(key)


def test_slide_numbers_logit_slider_training_and_drawing(server, open_page):
    page = open_page(f"{server}/Softmax?lang=en&epochs=3")
    assert_no_error(page)
    formulas = all_formulas(page)
    for value in ("0.969692", "0.880200", "1.05268", "0.831490", "0.933516"):
        assert value in formulas
    assert r"-\left[1\cdot\log 0.3792 + 0\cdot\log 0.3104" in formulas  # no "(−0)"
    wait_plots(page, 0)  # the slide's example: formulas and tables, nothing else runs
    screenshot(page, "softmax_loss_en")

    # the explorer: move the first logit, the probabilities (second formula) change
    open_tab(page, "Explorer")
    wait_plots(page, 1)
    before = page.locator(FORMULAS).nth(1).text_content()
    press(page, "Logit z1", "ArrowRight", 5)  # step 0.1 → z1 = 2.5
    page.wait_for_url("**z1=2.5**")
    after = wait_changed(page, f"{FORMULAS} >> nth=1", before)
    assert r"\begin{bmatrix}2.5 \\ 1 \\ 0.1\end{bmatrix}" in after  # z as a column
    assert_no_error(page)

    # the digits: trained once; the epochs slider shows part of that training at once
    open_tab(page, "Digits")
    wait_plots(page, 3)
    assert "After 3 epochs: test accuracy" in main_text(page)
    press(page, "Epochs", "ArrowRight")  # 3 → 4 epochs
    page.wait_for_url("**epochs=4**")
    wait_text(page, "After 4 epochs")
    assert "Press Train" not in main_text(page)
    # a new setting is trained on the button
    press(page, "Batch size N_b", "ArrowRight")  # 64 → 65
    page.wait_for_url("**nb=65**")
    wait_text(page, "Press Train")
    page.get_by_role("button", name="Train").click()
    page.wait_for_function(
        "!document.querySelector('[data-testid=stMain]').innerText.includes('Press Train')"
    )
    wait_idle(page)
    assert "After 4 epochs" in main_text(page)
    assert_no_error(page)
    screenshot(page, "softmax_en")

    # draw a "1" on the canvas: the class probabilities appear
    open_tab(page, "Mistakes & drawing")
    wait_plots(page, 1)
    canvas = page.locator("canvas[aria-label='digit canvas']")
    canvas.scroll_into_view_if_needed()
    box = canvas.bounding_box()
    x = box["x"] + box["width"] / 2
    page.mouse.move(x, box["y"] + 30)
    page.mouse.down()
    for step in range(1, 11):
        page.mouse.move(x, box["y"] + 30 + step * (box["height"] - 60) / 10)
    page.mouse.up()
    wait_text(page, "The model sees a")
    wait_plots(page, 3)  # the mistakes, the drawing and its bars, the weights that pushed
    assert_no_error(page)
    screenshot(page, "softmax_draw_en")


def test_spanish_and_presentation_mode(server, open_page):
    page = open_page(f"{server}/Softmax?present=1&tab=digits&epochs=3", locale="es-CO")
    assert page.get_by_role("heading", name="Softmax", exact=True).is_visible()
    assert "60.000 dígitos por clase" in main_text(page)
    wait_plots(page, 3)
    assert_no_error(page)
    screenshot(page, "softmax_es")


def test_a_section_opens_by_its_link_on_a_fresh_server(fresh_server, open_page):
    """The issue's example link, opened as a fresh server's first visitor: the digits section
    opens, and its epochs slider moves the results."""
    page = open_page(f"{fresh_server}/Softmax?tab=digits&lang=en")
    selected = page.locator("[role=tab][aria-selected=true]").inner_text().strip()
    assert selected == "Digits"
    wait_plots(page, 3)
    assert "After 10 epochs: test accuracy" in main_text(page)  # MNIST's 5,000 digits
    press(page, "Epochs", "ArrowLeft", 5)  # 10 → 5 epochs
    page.wait_for_url("**epochs=5**")
    wait_text(page, "After 5 epochs: test accuracy")
    assert "tab=digits" in page.url
    assert_no_error(page)


def test_a_section_reads_another_sections_controls_across_its_own_reruns(server, open_page):
    # The derivatives are taken at the explorer's logits: K moved there, then the derivatives'
    # own slider moved twice (fragment reruns), after Streamlit has forgotten the explorer's
    # widgets. This raised a KeyError once.
    page = open_page(f"{server}/Softmax?lang=en&tab=explorer")
    thumb = page.get_by_role("slider", name="Number of classes K")
    thumb.focus()
    thumb.press("ArrowRight")  # K = 3 → 4
    page.wait_for_url("**K=4**")
    wait_idle(page)
    open_tab(page, "Derivatives")
    shown = r"\mathbf z = \begin{bmatrix}2 \\ 1 \\ 0.1 \\ -1\end{bmatrix}"  # z₄ from the explorer
    assert shown in all_formulas(page)
    for cls in (2, 3):
        thumb = page.get_by_role("slider", name="True class y (for ∂l/∂z)")
        thumb.focus()
        thumb.press("ArrowRight")
        page.wait_for_url(f"**cls={cls}**")
        wait_idle(page)
        assert_no_error(page)
        assert page.get_by_role("slider", name="True class y (for ∂l/∂z)").count() == 1
        assert shown in all_formulas(page)
