"""The shell in a real browser: home page, deep links on a fresh server, presentation mode."""

import pytest
from browserkit import assert_no_error, screenshot, wait_idle, wait_plots

pytestmark = pytest.mark.browser


def test_home_page_links_to_the_pages(server, open_page):
    page = open_page(f"{server}/?lang=en")
    assert_no_error(page)
    assert page.get_by_role("heading", name="Map of the lecture").is_visible()
    screenshot(page, "home_en")
    page.locator(
        "[data-testid=stMain] [data-testid=stPageLink] a", has_text="Gradient"
    ).first.click()
    page.wait_for_url("**/Gradient**")
    wait_idle(page)
    assert page.get_by_role("heading", name="Gradient", exact=True).is_visible()
    assert "lang=en" in page.url
    assert_no_error(page)


def test_deep_link_on_a_fresh_server_shows_sidebar_and_content(fresh_server, open_page):
    # The first visitor of this new server opens a page by its URL (not the home page).
    page = open_page(f"{fresh_server}/Gradient?lang=es", locale="en-US")
    sidebar = page.locator("[data-testid=stSidebar]")
    assert sidebar.get_by_text("Idioma").is_visible()
    assert sidebar.get_by_text("Modo presentación").is_visible()
    assert sidebar.locator("[data-testid=stPageLink]").count() >= 2
    assert page.get_by_role("heading", name="Gradiente", exact=True).is_visible()
    wait_plots(page, 1)
    assert_no_error(page)


def test_language_follows_the_browser(server, open_page):
    page = open_page(f"{server}/", locale="es-CO")
    assert page.get_by_role("heading", name="Mapa de la lección").is_visible()
    screenshot(page, "home_es")
    assert "lang=es" in page.url


def test_presentation_mode_enlarges_type(server, open_page):
    page = open_page(f"{server}/?lang=en")
    paragraph = page.locator("[data-testid=stMain] [data-testid=stMarkdownContainer] p").first
    normal = float(paragraph.evaluate("e => parseFloat(getComputedStyle(e).fontSize)"))
    page.locator("[data-testid=stSidebar]").get_by_text("Presentation mode").click()
    page.wait_for_url("**present=1**")
    wait_idle(page)
    large = float(paragraph.evaluate("e => parseFloat(getComputedStyle(e).fontSize)"))
    assert large >= 1.5 * normal
    assert_no_error(page)
