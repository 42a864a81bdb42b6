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


INJECTIONS = (  # issue #12: user text that tried to become a link or an image in a message box
    "Gradient_descent?lang=en&data=[Session expired: log in again](https://evil.example/login),"
    "![](http://127.0.0.1:9/probe.png)%0A1,2%0A3,4",
    "Gradient?lang=en&tab=descent&eta=`[Click here](https://evil.example)`",
    "Softmax?lang=en&labels=1 [Login](//evil.io) 2",
)


@pytest.mark.parametrize("address", INJECTIONS)
def test_user_text_in_a_message_makes_no_link_and_fetches_nothing(server, open_page, address):
    """The page says what was wrong in a message box, showing the text as typed: no <a> leads
    out of the app and the browser asks no other host for anything (a Markdown image would be
    fetched as the message is drawn)."""
    page = open_page(f"{server}/?lang=en")
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(f"{server}/{address}")
    wait_idle(page)
    problems = "[data-testid=stMain] :is([data-testid=stAlertContentError], [data-testid=stAlertContentWarning])"
    assert page.locator(problems).count() >= 1
    outside = page.evaluate(
        "() => [...document.querySelectorAll('[data-testid=stMain] a[href], [data-testid=stMain] img[src]')]"
        ".map(e => e.href || e.src).filter(h => !h.startsWith('data:') && new URL(h).origin !== location.origin)"
    )
    assert outside == []
    # blob: and data: addresses are the page's own (plotly and Streamlit make some).
    asked = [url.removeprefix("blob:") for url in asked if not url.startswith("data:")]
    assert [url for url in asked if not url.startswith(server)] == []
    assert page.locator("[data-testid=stException]").count() == 0
