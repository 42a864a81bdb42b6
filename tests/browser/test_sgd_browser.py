"""The Gradient descent & SGD page in Chromium: the instructor steps once and the table grows; the
animation plays in the browser; a bad η is reported; a section opens by its link on a fresh server
and its control reruns it alone, sending little; Spanish and presentation mode."""

from pathlib import Path

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
STATUS = "[data-testid=stMain] [data-testid=stMarkdownContainer] p:has-text('of 30')"
SELECTED_TAB = "[data-testid=stMain] [role=tab][aria-selected=true]"
PATHS = (  # each trace of the section's first chart: name, number of points, last w
    "() => document.querySelector('[data-testid=stMain] .js-plotly-plot')._fullData"
    ".map(d => [d.name, d.x ? d.x.length : 0, d.x ? d.x[d.x.length - 1] : null])"
)


def test_steps_once_and_the_table_grows(server, open_page):
    page = open_page(f"{server}/Gradient_descent?lang=en")
    assert_no_error(page)
    assert page.locator(SELECTED_TAB).inner_text() == "SGD step by step (slide)"
    wait_plots(page, 1)  # only the open section is drawn
    before = page.locator(STATUS).first.text_content()
    assert "Iteration 3 of 30" in before and "w = 2.5369" in before
    formulas = " | ".join(page.locator(FORMULAS).all_text_contents())
    assert r"\tfrac12(\hat y - y)^2" in formulas
    screenshot(page, "sgd_en")

    page.get_by_role("button", name="Next", exact=True).click()
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
    wait_plots(page, 1)
    frame = (  # the line (trace 3), the point (w, b) (trace 10) and the whole path (trace 7)
        "name => { const gd = document.querySelectorAll('[data-testid=stMain] .js-plotly-plot')[0];"
        " return Plotly.animate(gd, [name], {frame: {duration: 0}, transition: {duration: 0},"
        " mode: 'immediate'}).then(() => [Array.from(gd._fullData[3].y),"
        " [gd._fullData[10].x[0], gd._fullData[10].y[0]], gd._fullData[7].x.length]); }"
    )  # _fullData: base64-encoded arrays decoded, the way plotly draws them
    line, point, path = page.evaluate(frame, "0")
    assert line == [0, 0] and point == [0, 0] and path == 31  # the start: w = b = 0
    line, point, path = page.evaluate(frame, "30")
    assert [round(v, 4) for v in point] == [2.2674, 0.0515]  # 30 updates: epoch 10
    assert line[1] > line[0] and path == 31
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


def test_a_section_opens_by_its_link_and_its_control_reruns_it(fresh_server, open_page):
    page = open_page(f"{fresh_server}/Gradient_descent?lang=en&tab=compare")
    assert page.locator(SELECTED_TAB).inner_text() == "Same η: standardise or Adam"
    wait_plots(page, 1)
    assert_no_error(page)
    before = page.evaluate(PATHS)
    assert [name for name, *_ in before][1:4] == ["plain SGD", "SGD on standardised x", "Adam"]
    cdp = page.context.new_cdp_session(page)  # what the server sends for the move
    cdp.send("Network.enable")
    sent = []
    cdp.on("Network.webSocketFrameReceived", lambda e: sent.append(e["response"]["payloadData"]))
    thumb = page.get_by_role("slider", name="η with standardised x")
    thumb.focus()
    thumb.press("ArrowRight")  # 0.1 → 0.2
    page.wait_for_url("**eta_std=0.2**")
    page.wait_for_function(f"({PATHS})()[2][2] !== {before[2][2]!r}")
    wait_idle(page)
    after = page.evaluate(PATHS)
    assert after[2][2] != before[2][2]  # the standardised run's end moved
    assert after[1] == before[1] and after[3] == before[3]  # plain SGD and Adam did not
    assert "tab=compare" in page.url and page.locator(SELECTED_TAB).inner_text().startswith("Same")
    assert 0 < sum(len(data) * 3 / 4 for data in sent) < 50 * 1024  # base64 → bytes: ≤ 50 KiB
    assert_no_error(page)


def test_spanish_and_presentation_mode(server, open_page):
    page = open_page(f"{server}/Gradient_descent", locale="es-CO")
    assert page.get_by_role("heading", name="Gradiente descendente y SGD", exact=True).is_visible()
    wait_plots(page, 1)
    assert_no_error(page)
    screenshot(page, "sgd_es")
    open_tab(page, "Barrido de η")  # a click on a tab: that section alone runs and is drawn
    wait_plots(page, 1)
    assert (
        "tab=sweep" in page.url
        and "Pérdida final" in page.locator("[data-testid=stMain]").inner_text()
    )
    assert_no_error(page)
    page.goto(f"{server}/Gradient_descent?lang=en&present=1")
    wait_idle(page)
    wait_plots(page, 1)
    assert_no_error(page)
    sizes = page.evaluate(  # the projector's type size, also where Streamlit's theme sets its own
        "() => Array.from(document.querySelectorAll('[data-testid=stMain] .js-plotly-plot'))"
        ".map(gd => [gd._fullLayout.xaxis.tickfont.size, gd._fullLayout.yaxis.title.font.size,"
        " gd._fullLayout.legend.font.size])"
    )
    assert sizes == [[22, 22, 22]]
    screenshot(page, "sgd_present")


def test_charts_are_drawn_once_with_the_room_their_labels_need(server, open_page):
    """plotly.js draws a chart a second time when its labels need wider margins than the figure
    asks for; dlviz.figures.room asks for them at once. The margins drawn are the ones asked."""
    margins = (
        "() => [...document.querySelectorAll('[data-testid=stMain] .js-plotly-plot')].map(gd =>"
        " ['l', 'r', 'b'].map(side => [gd.layout.margin[side], Math.round(gd._fullLayout._size[side])]))"
    )
    for address in ("Gradient_descent?lang=en", "Gradient_descent?lang=en&tab=compare",
                    "Gradient?lang=en&tab=descent",  # and with projector-size type:
                    "Gradient_descent?lang=en&tab=compare&present=1"):  # fmt: skip
        page = open_page(f"{server}/{address}")
        wait_plots(page, 1)
        for chart in page.evaluate(margins):
            assert all(asked == drawn for asked, drawn in chart), (address, chart)
