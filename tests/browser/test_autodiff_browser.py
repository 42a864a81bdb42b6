"""The Autodiff page in Chromium: the backward pass stepped on a still drawing, sections opened by
their link, Spanish and a bad formula."""

import pytest
from browserkit import (
    FORMULAS,
    assert_no_error,
    open_tab,
    screenshot,
    wait_changed,
    wait_idle,
    wait_plots,
)

pytestmark = pytest.mark.browser
GRAPH = "[data-testid=stMain] svg[role=img]"  # the graph, drawn as SVG by dlviz.graph_svg


def graph_text(page) -> str:
    page.wait_for_selector(GRAPH)
    return page.locator(GRAPH).first.text_content()


def boxes(page) -> list[dict]:
    """Where the graph's boxes are drawn, relative to the drawing itself (what sits above the
    graph, a formula whose font is still loading, must not count)."""
    return page.locator(f"{GRAPH} rect[rx='6']").evaluate_all(
        """rs => rs.map(r => {
            const b = r.getBoundingClientRect(), o = r.ownerSVGElement.getBoundingClientRect();
            return [b.x - o.x, b.y - o.y, b.width]; })"""
    )


def test_steps_the_backward_pass_on_a_still_drawing(server, open_page):
    page = open_page(f"{server}/Autodiff?lang=en&step=6")
    assert_no_error(page)
    before = graph_text(page)
    assert "= 2" in before and "∂f/∂" not in before  # forward pass done, no adjoint yet
    placed = boxes(page)
    assert page.locator("[data-testid=stGraphVizChart]").count() == 0  # nothing animates

    page.get_by_role("button", name="Next").click()
    page.wait_for_url("**step=7**")
    first = wait_changed(page, GRAPH, before)
    assert "∂f/∂v3 = 1" in first and "∂v3/∂v2 = 1" in first  # the seed and its edge labels
    assert boxes(page) == placed  # the values changed, the boxes did not move
    page.get_by_role("button", name="Next").click()
    page.wait_for_url("**step=8**")
    second = wait_changed(page, GRAPH, first)
    assert "∂f/∂y = 2 + …" in second  # y has two contributions, its own step comes later
    assert page.get_by_text("Step 8 of 11 — backward").is_visible()
    assert page.get_by_text("Derivative rule of this step: Product").is_visible()
    assert_no_error(page)
    screenshot(page, "autodiff_en")

    page.get_by_role("button", name="End").click()
    page.wait_for_url("**step=11**")
    done = wait_changed(page, GRAPH, second)
    assert "∂f/∂x = 2" in done and "+ …" not in done
    assert_no_error(page)

    open_tab(page, "Forward vs reverse")  # the dual numbers of the same formula
    page.wait_for_url("**tab=modes**")
    assert r"f(1 + 1\varepsilon" in " ".join(page.locator(FORMULAS).all_text_contents())
    wait_plots(page, 1)
    assert page.locator(GRAPH).count() == 0  # the graph's section is closed
    assert_no_error(page)


def test_a_section_opens_by_its_link_and_its_control_moves(server, open_page):
    page = open_page(f"{server}/Autodiff?lang=en&tab=softmax")
    selected = page.locator("[role=tab][aria-selected=true]").inner_text()
    assert selected.strip() == "Softmax: two paths"
    before = graph_text(page)
    assert "w₁,₂" in before and "a₂" in before
    assert page.get_by_text("one of the two paths contributes 0").is_visible()
    label = "Label y₁ (y₂ = 1 − y₁)"
    slider = page.get_by_role("slider", name=label)
    if not slider.count():
        slider = page.get_by_role("slider").nth(4)  # x, y, x₁, x₂, y₁
    slider.focus()
    slider.press("ArrowLeft")
    page.wait_for_url("**y1=0.95**")
    after = wait_changed(page, GRAPH, before)
    assert after != before
    wait_idle(page)
    assert page.get_by_text("one of the two paths contributes 0").count() == 0
    assert_no_error(page)
    screenshot(page, "autodiff_softmax_en")


def test_spanish_and_a_bad_formula(server, open_page):
    page = open_page(f"{server}/Autodiff?step=9", locale="es-CO")
    assert page.get_by_role("heading", name="Autodiferenciación", exact=True).is_visible()
    assert "∂f/∂y = 2" in graph_text(page)
    screenshot(page, "autodiff_es")
    box = page.get_by_role("textbox", name="Función f(x, y)")
    box.fill("x^2 + ")
    box.press("Enter")
    page.wait_for_selector("[data-testid=stAlertContentError]")
    wait_idle(page)
    assert "x^2 y + y" in page.locator("[data-testid=stAlertContentError]").first.inner_text()
    assert page.locator("[data-testid=stException]").count() == 0
