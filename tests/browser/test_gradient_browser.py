"""The Gradient page in Chromium: opened by its URL on a fresh server, controls moved."""

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


def test_opens_on_the_lecture_example_and_reacts_to_the_point_slider(server, open_page):
    page = open_page(f"{server}/Gradient?lang=en")
    assert_no_error(page)
    before = all_formulas(page)
    assert r"\nabla f(1,\,1) = \begin{bmatrix}2 x y \\ x^{2} + 1\end{bmatrix}" in before
    assert r"\begin{bmatrix} 2 \\ 2 \end{bmatrix}" in before
    wait_plots(page, 3)
    screenshot(page, "gradient_en")

    at_point = page.locator(FORMULAS).nth(2).text_content()
    thumb = page.get_by_role("slider", name="Point x₀")
    thumb.focus()
    for _ in range(4):  # step 0.05 → x₀ = 1.2
        thumb.press("ArrowRight")
    page.wait_for_url("**x0=1.2**")
    after = wait_changed(page, f"{FORMULAS} >> nth=2", at_point)
    assert r"\nabla f(1.2,\,1)" in after
    assert r"\begin{bmatrix} 2.4 \\ 2.44 \end{bmatrix}" in after  # (2xy, x²+1) at (1.2, 1)
    assert_no_error(page)


def test_spanish_and_a_bad_formula_keeps_the_last_good_plot(server, open_page):
    page = open_page(f"{server}/Gradient", locale="es-CO")
    assert page.get_by_role("heading", name="Gradiente", exact=True).is_visible()
    wait_plots(page, 3)
    screenshot(page, "gradient_es")
    box = page.get_by_role("textbox", name="Función f(x, y)")
    box.fill("x^2 + ")
    box.press("Enter")
    page.wait_for_selector("[data-testid=stAlertContentError]")
    wait_idle(page)
    error = page.locator("[data-testid=stAlertContentError]").first.inner_text()
    assert "x^2 y + y" in error  # the last good formula is still shown
    wait_plots(page, 3)
    assert page.locator("[data-testid=stException]").count() == 0


def test_large_eta_reports_divergence(server, open_page):
    page = open_page(f"{server}/Gradient?lang=en&eta=1")
    page.wait_for_selector("[data-testid=stAlertContentError]")
    assert "Diverged at step 6" in page.locator("[data-testid=stAlertContentError]").inner_text()
    assert page.locator("[data-testid=stException]").count() == 0


def test_the_walk_animation_scrubs_in_the_browser(server, open_page):
    page = open_page(f"{server}/Gradient?lang=en&steps=5")
    wait_plots(page, 3)
    markers = (
        "() => document.querySelectorAll('[data-testid=stMain] .js-plotly-plot')[1]"
        ".querySelectorAll('.scatterlayer .trace:last-child .points path').length"
    )
    assert page.evaluate(markers) == 6  # the start and five steps
    rail = page.locator(".js-plotly-plot").nth(1).locator(".slider-rail-touch-rect").first
    rail.scroll_into_view_if_needed()
    box = rail.bounding_box()
    page.mouse.click(box["x"] + 3, box["y"] + box["height"] / 2)  # frame 0: no rerun, no server
    page.wait_for_function(f"({markers})() == 1")
    page.mouse.click(box["x"] + box["width"] * 0.42, box["y"] + box["height"] / 2)
    page.wait_for_function(f"({markers})() == 3")
    assert_no_error(page)
