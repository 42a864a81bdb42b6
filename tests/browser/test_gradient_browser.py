"""The Gradient page in Chromium: opened by its URL on a fresh server, controls moved."""

import re

import pytest
from browserkit import (
    FORMULAS,
    all_formulas,
    as_text,
    assert_no_error,
    received,
    screenshot,
    wait_changed,
    wait_idle,
    wait_plots,
)
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_opens_on_the_lecture_example_and_reacts_to_the_point_slider(server, open_page):
    page = open_page(f"{server}/Gradient?lang=en")
    assert_no_error(page)
    before = all_formulas(page)
    assert r"\nabla f(1,\,1) = \begin{bmatrix}2 x y \\ x^{2} + 1\end{bmatrix}" in before
    assert r"\begin{bmatrix} 2 \\ 2 \end{bmatrix}" in before
    wait_plots(page, 1)
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
    wait_plots(page, 1)
    screenshot(page, "gradient_es")
    box = page.get_by_role("textbox", name="Función f(x, y)")
    box.fill("x^2 + ")
    box.press("Enter")
    page.wait_for_selector("[data-testid=stAlertContentError]")
    wait_idle(page)
    error = page.locator("[data-testid=stAlertContentError]").first.inner_text()
    assert "x^2 y + y" in error  # the last good formula is still shown
    wait_plots(page, 1)
    assert page.locator("[data-testid=stException]").count() == 0


def test_large_eta_reports_divergence(server, open_page):
    # A bowl has a minimum: a walk that blows up there took too large a step (η = 2).
    page = open_page(f"{server}/Gradient?lang=en&tab=descent&f=x%5E2%20%2B%20y%5E2&eta=2")
    page.wait_for_selector("[data-testid=stAlertContentError]")
    assert "Diverged at step 13" in page.locator("[data-testid=stAlertContentError]").inner_text()
    assert page.locator("[data-testid=stException]").count() == 0


def test_a_walk_on_a_function_without_a_minimum_says_so(server, open_page):
    # The lecture's x²y + y has no minimum: η = 1 runs off, and the page says why (not "η").
    page = open_page(f"{server}/Gradient?lang=en&tab=descent&eta=1")
    page.wait_for_selector("[data-testid=stAlertContentWarning]")
    warning = page.locator("[data-testid=stAlertContentWarning]").inner_text()
    assert "no minimum" in warning and "not a too-large η" in warning
    assert page.locator("[data-testid=stException]").count() == 0


def test_the_walk_animation_scrubs_in_the_browser(server, open_page):
    page = open_page(f"{server}/Gradient?lang=en&tab=descent&steps=5")
    wait_plots(page, 1)
    markers = (
        "() => document.querySelectorAll('[data-testid=stMain] .js-plotly-plot')[0]"
        ".querySelectorAll('.scatterlayer .trace:last-child .points path').length"
    )
    assert page.evaluate(markers) == 6  # the start and five steps
    rail = page.locator(".js-plotly-plot").nth(0).locator(".slider-rail-touch-rect").first
    rail.scroll_into_view_if_needed()
    box = rail.bounding_box()
    page.mouse.click(box["x"] + 3, box["y"] + box["height"] / 2)  # frame 0: no rerun, no server
    page.wait_for_function(f"({markers})() == 1")
    page.mouse.click(box["x"] + box["width"] * 0.42, box["y"] + box["height"] / 2)
    page.wait_for_function(f"({markers})() == 3")
    assert_no_error(page)


def test_a_section_opens_by_its_link_and_its_control_reruns_only_it(fresh_server, open_page):
    # The first visitor of a new server opens the descent section by its link.
    page = open_page(f"{fresh_server}/Gradient?lang=en&tab=descent&eta=0.05")
    selected = page.locator("[role=tab][aria-selected=true]")
    assert selected.inner_text().strip() == "Gradient descent"
    wait_plots(page, 1)
    sent = received(page)  # what the server sends over the websocket from here on
    alert = page.locator("[data-testid=stAlert]").first.inner_text()
    thumb = page.get_by_role("slider", name="Learning rate η")
    thumb.focus()
    thumb.press("ArrowRight")  # η 0.05 → 0.1
    page.wait_for_url("**eta=0.1**")
    wait_changed(page, "[data-testid=stAlert]", alert)
    wait_idle(page)
    assert sent, "the move reran nothing"
    text = as_text(sent)
    # A fragment rerun sends its own section, not the header above the tabs (its formula).
    assert "Learning rate" in text
    assert "frac{\\partial f}{\\partial x}" not in text
    assert selected.inner_text().strip() == "Gradient descent"
    assert_no_error(page)
    # The share box shows the link of what is on screen, fragment reruns included.
    link = page.locator("[data-testid=stSidebar] input[aria-label=link]")
    expect(link).to_have_value(re.compile(r"eta=0\.1(&|$)"))  # polls: a condition, no sleep
    assert "tab=descent" in link.input_value()
