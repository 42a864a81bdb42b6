"""The Gradient descent & SGD page in Chromium: opened by its URL on a fresh server, the
instructor steps once and the table grows; a bad η is reported; Spanish and presentation mode."""

from pathlib import Path

import pytest
from browserkit import FORMULAS, assert_no_error, screenshot, wait_changed, wait_idle, wait_plots

pytestmark = pytest.mark.browser
STATUS = "[data-testid=stMain] [data-testid=stMarkdownContainer] p:has-text('of 30')"


def test_steps_once_and_the_table_grows(server, open_page):
    page = open_page(f"{server}/Gradient_descent?lang=en")
    assert_no_error(page)
    wait_plots(page, 3)
    before = page.locator(STATUS).first.text_content()
    assert "Iteration 3 of 30" in before and "w = 2.5369" in before
    formulas = " | ".join(page.locator(FORMULAS).all_text_contents())
    assert r"\tfrac12(\hat y - y)^2" in formulas
    screenshot(page, "sgd_en")

    page.get_by_role("button", name="Next step").click()
    page.wait_for_url("**step=4**")
    after = wait_changed(page, STATUS, before)
    assert "Iteration 4 of 30 (epoch 2, sample 1)" in after
    assert "w = 2.6525" in after  # w after iteration 4
    rows = page.locator("[data-testid=stMain] [data-testid=stDataFrame]").first
    assert rows.is_visible()
    # The table as CSV, made on the click: the four iterations done, with the slide's numbers.
    with page.expect_download() as download:
        page.get_by_role("button", name="Download table (CSV)").first.click()
    lines = Path(download.value.path()).read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("iteration,epoch,sample,x,y,ŷ,y − ŷ,Δw,Δb,w,b,L")
    assert len(lines) == 5 and lines[3].startswith("3,1,3,120.0,280.0,")
    assert [round(float(v), 4) for v in lines[3].split(",")[9:11]] == [2.5369, 0.0346]
    assert_no_error(page)


def test_the_step_animation_plays_in_the_browser(server, open_page):
    page = open_page(f"{server}/Gradient_descent?lang=en")
    wait_plots(page, 3)
    frame = (  # the line (trace 3) and the path on the loss surface (trace 8) as drawn
        "name => { const gd = document.querySelectorAll('[data-testid=stMain] .js-plotly-plot')[0];"
        " return Plotly.animate(gd, [name], {frame: {duration: 0}, transition: {duration: 0},"
        " mode: 'immediate'}).then(() => [3, 8].map(k => Array.from(gd._fullData[k][k === 3 ?"
        " 'y' : 'x']))); }"
    )  # _fullData: base64-encoded arrays decoded, the way plotly draws them
    line, path = page.evaluate(frame, "0")
    assert line == [0, 0] and path == [0]  # the start: w = b = 0
    line, path = page.evaluate(frame, "30")
    assert len(path) == 31 and round(path[-1], 4) == 2.2674 and line[1] > line[0]  # 30 updates
    assert_no_error(page)


def test_moving_eta_too_far_reports_divergence(server, open_page):
    page = open_page(f"{server}/Gradient_descent?lang=en&eta=0.0005")
    thumb = page.get_by_role("slider", name="Learning rate η")
    thumb.focus()
    thumb.press("ArrowRight")  # 0.0005 → 0.001
    page.wait_for_url("**eta=0.001**")
    page.wait_for_selector("[data-testid=stAlertContentError]")
    wait_idle(page)
    error = page.locator("[data-testid=stAlertContentError]").first.inner_text()
    assert "Diverged at iteration 5" in error
    assert page.locator("[data-testid=stException]").count() == 0


def test_spanish_and_presentation_mode(server, open_page):
    page = open_page(f"{server}/Gradient_descent", locale="es-CO")
    assert page.get_by_role("heading", name="Descenso de gradiente y SGD", exact=True).is_visible()
    wait_plots(page, 3)
    assert_no_error(page)
    screenshot(page, "sgd_es")
    page.goto(f"{server}/Gradient_descent?lang=en&present=1")
    wait_idle(page)
    wait_plots(page, 3)
    assert_no_error(page)
    sizes = page.evaluate(  # the projector's type size, also where Streamlit's theme sets its own
        "() => Array.from(document.querySelectorAll('[data-testid=stMain] .js-plotly-plot'))"
        ".map(gd => [gd._fullLayout.xaxis.tickfont.size, gd._fullLayout.yaxis.title.font.size,"
        " gd._fullLayout.legend.font.size])"
    )
    assert sizes == [[22, 22, 22]] * 3
    page.screenshot(path="/tmp/sgd_present.png", full_page=False)
