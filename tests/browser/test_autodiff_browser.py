"""The Autodiff page in Chromium: opened by URL on a fresh server, the backward pass stepped."""

import pytest
from browserkit import FORMULAS, assert_no_error, screenshot, wait_changed, wait_idle, wait_plots

pytestmark = pytest.mark.browser
GRAPH = "[data-testid=stMain] [data-testid=stGraphVizChart] svg"


def graph_text(page) -> str:
    page.wait_for_selector(GRAPH)
    return page.locator(GRAPH).first.text_content()


def test_steps_the_backward_pass_and_the_graph_changes(server, open_page):
    page = open_page(f"{server}/Autodiff?lang=en&step=6")
    assert_no_error(page)
    before = graph_text(page)
    assert "= 2" in before and "∂f/∂" not in before  # forward pass done, no adjoint yet
    assert r"f(1 + 1\varepsilon" in " ".join(page.locator(FORMULAS).all_text_contents())

    page.get_by_role("button", name="Next ▶").click()
    page.wait_for_url("**step=7**")
    first = wait_changed(page, GRAPH, before)
    assert "∂f/∂v3 = 1" in first and "∂v3/∂v2 = 1" in first  # the seed and its edge labels
    page.get_by_role("button", name="Next ▶").click()
    page.wait_for_url("**step=8**")
    second = wait_changed(page, GRAPH, first)
    assert "∂f/∂y = 2 + …" in second  # y has two contributions, its own step comes later
    assert page.get_by_text("Step 8 of 11 — backward").is_visible()
    wait_plots(page, 2)
    assert_no_error(page)
    screenshot(page, "autodiff_en")

    page.get_by_role("button", name="Run all").click()
    page.wait_for_url("**step=11**")
    done = wait_changed(page, GRAPH, second)
    assert "∂f/∂x = 2" in done and "+ …" not in done
    assert_no_error(page)


def test_spanish_and_a_bad_formula(server, open_page):
    page = open_page(f"{server}/Autodiff?step=9", locale="es-CO")
    assert page.get_by_role("heading", name="Autodiferenciación", exact=True).is_visible()
    graph_text(page)
    wait_plots(page, 2)
    screenshot(page, "autodiff_es")
    box = page.get_by_role("textbox", name="Función f(x, y)")
    box.fill("x^2 + ")
    box.press("Enter")
    page.wait_for_selector("[data-testid=stAlertContentError]")
    wait_idle(page)
    assert "x^2 y + y" in page.locator("[data-testid=stAlertContentError]").first.inner_text()
    assert page.locator("[data-testid=stException]").count() == 0
