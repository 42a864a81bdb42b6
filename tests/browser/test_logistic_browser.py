"""The Logistic regression page in Chromium: the slide's section first, a section opened by its
link on a fresh server, training with another η (the decision boundary moves), a 2-D set in
Spanish, a bad CSV, and a control that redraws its own chart only."""

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
PLOTS = "[data-testid=stMain] .js-plotly-plot"
INFO = "[data-testid=stAlertContentInfo]"
TRAINING = 0  # the training figure is the first chart of the training section


def boundary(page) -> list:
    """The x of the drawn decision boundary (trace 1 of the training figure), read from plotly."""
    return page.evaluate(
        f"() => Array.from(document.querySelectorAll('{PLOTS}')[{TRAINING}]._fullData[1].x)"
    )


def formulas(page, count: int) -> str:
    """The TeX of the page's formulas, once ``count`` of them are drawn (KaTeX draws after the
    run is over)."""
    page.wait_for_function(f"document.querySelectorAll('{FORMULAS}').length >= {count}")
    return all_formulas(page)


def press(page, slider: str, key: str, times: int = 1) -> None:
    thumb = page.get_by_role("slider", name=slider)
    thumb.focus()
    for _ in range(times):
        thumb.press(key)


def test_opens_on_the_slide_and_the_sigmoid_follows_z(server, open_page):
    page = open_page(f"{server}/Logistic_regression?lang=en")
    assert_no_error(page)
    assert page.get_by_role("tab", name="Sigmoid", selected=True).is_visible()
    assert r"\sigma(0) = \frac{1}{1 + e^{0}} = 0.5" in formulas(page, 3)
    wait_plots(page, 1)  # one section, one chart
    screenshot(page, "logistic_en")
    before = page.locator(FORMULAS).nth(1).text_content()
    press(page, "Input z", "ArrowLeft", 5)  # z: 0 → −0.5
    page.wait_for_url("**z=-0.5**")
    after = wait_changed(page, f"{FORMULAS} >> nth=1", before)
    assert r"\sigma(-0.5)" in after and "0.377541" in after
    assert_no_error(page)


def test_a_section_opens_by_its_link_on_a_fresh_server(fresh_server, open_page):
    page = open_page(f"{fresh_server}/Logistic_regression?lang=en&tab=mle")
    assert page.get_by_role("tab", name="Maximum likelihood", selected=True).is_visible()
    wait_plots(page, 3)  # bars, underflow, surface
    assert r"L(\beta) = \prod_{i=1}^{30} P_i = 2.284 \times 10^{-6}" in formulas(page, 3)
    before = page.locator(FORMULAS).nth(2).text_content()
    press(page, "β₀ (intercept)", "ArrowRight", 2)  # β₀: −2 → −1.9
    page.wait_for_url("**b0=-1.9**")
    after = wait_changed(page, f"{FORMULAS} >> nth=2", before)
    assert r"\prod_{i=1}^{30}" in after and after != before
    assert "tab=mle" in page.url
    wait_plots(page, 3)
    assert_no_error(page)


def test_training_moves_the_boundary(server, open_page):
    page = open_page(f"{server}/Logistic_regression?lang=en&tab=train")
    wait_plots(page, 3)
    assert_no_error(page)
    before = boundary(page)
    assert "After 1000 epochs" in page.locator(INFO).first.inner_text()
    press(page, "Learning rate η", "ArrowLeft")  # η: 0.2 → 0.1, so 1000 epochs get less far
    page.wait_for_url("**eta=0.1**")
    page.wait_for_function(
        "(before) => { const p = document.querySelectorAll('[data-testid=stMain] .js-plotly-plot');"
        f" return p.length >= 3 && String(Array.from(p[{TRAINING}]._fullData[1].x)) !== String(before); }}",
        arg=before,
    )
    wait_idle(page)
    assert boundary(page) != before  # less far along: the boundary x* = −β₀/β is elsewhere
    assert "After 1000 epochs" in page.locator(INFO).first.inner_text()
    assert_no_error(page)

    # The animation steps through the epochs in the browser, without a rerun. A frame holds
    # only the curve's heights: plotly keeps the x of the figure (and decodes nothing).
    first = page.evaluate(
        f"() => {{ const gd = document.querySelectorAll('{PLOTS}')[{TRAINING}];"
        " return Plotly.animate(gd, ['0'], {frame: {duration: 0}, transition: {duration: 0},"
        " mode: 'immediate'}).then(() => [Array.from(gd._fullData[0].y).slice(0, 3),"
        " gd._fullData[0].x.length, gd._fullData[0].y.length]); }"
    )
    assert first[0] == [0.5, 0.5, 0.5]  # epoch 0: β = 0, ŷ = 0.5 everywhere
    assert first[1] == first[2] > 50  # the curve keeps its x

    # Fewer epochs: the start of the same training, shown at once.
    before = page.locator(INFO).first.text_content()
    press(page, "Epochs", "Home")
    assert "After 1 epochs" in wait_changed(page, INFO, before)
    assert_no_error(page)


def test_two_classes_in_spanish_with_a_separable_warning(server, open_page):
    page = open_page(
        f"{server}/Logistic_regression?tab=train&source=blobs&noise=0.3", locale="es-CO"
    )
    assert page.get_by_role("heading", name="Regresión logística", exact=True).is_visible()
    wait_plots(page, 3)
    warning = page.locator("[data-testid=stAlertContentWarning]").first.inner_text()
    assert "perfectamente separables" in warning
    trace = page.evaluate(f"() => document.querySelectorAll('{PLOTS}')[{TRAINING}]._fullData[0]")
    assert trace["type"] == "heatmap" and trace["zsmooth"] == "best"
    screenshot(page, "logistic_es")
    open_tab(page, "Odds y log-odds")  # the one-feature sections show the 1-D example
    assert "ejemplo 1-D" in page.locator(INFO).first.inner_text()
    wait_plots(page, 2)
    page.goto(f"{server}/Logistic_regression?lang=es&present=1&tab=train")
    wait_idle(page)
    wait_plots(page, 3)
    page.screenshot(path="/tmp/logistic_present.png", full_page=False)
    assert_no_error(page)


def test_a_bad_csv_shows_a_message_and_keeps_the_data(server, open_page):
    page = open_page(f"{server}/Logistic_regression?lang=en&source=csv&tab=mle")
    wait_plots(page, 3)
    box = page.get_by_role("textbox", name="…or paste the CSV here")
    box.fill("x,y\n1,0\n2,7\n")
    box.press("Control+Enter")
    page.wait_for_selector("[data-testid=stAlertContentError]")
    wait_idle(page)
    error = page.locator("[data-testid=stAlertContentError]").first.inner_text()
    assert "The label y in row 2 is 7" in error and "previous data are kept" in error
    assert page.locator("[data-testid=stException]").count() == 0
    wait_plots(page, 3)


def test_a_control_redraws_its_own_chart_only(server, open_page):
    """β₀ changes the odds panels; the least-squares chart above them is not drawn again."""
    page = open_page(f"{server}/Logistic_regression?lang=en&tab=odds")
    wait_plots(page, 2)
    page.evaluate(
        f"() => document.querySelectorAll('{PLOTS}').forEach(p => {{ p.__plots = 0;"
        " p.on('plotly_afterplot', () => { p.__plots += 1; }); })"
    )
    odds = page.evaluate(f"() => document.querySelectorAll('{PLOTS}')[1]._fullData[4].y[0]")
    press(page, "β₀ (intercept)", "ArrowLeft", 20)  # β₀: −2 → −3
    page.wait_for_url("**b0=-3**")
    page.wait_for_function(
        f"(before) => document.querySelectorAll('{PLOTS}')[1]._fullData[4].y[0] !== before",
        arg=odds,
    )
    wait_idle(page)
    plots = page.evaluate(f"() => [...document.querySelectorAll('{PLOTS}')].map(p => p.__plots)")
    assert plots[0] == 0  # the linear chart: the same element, not drawn again
    assert plots[1] != 0  # the odds chart: drawn again (or a new element, without the counter)
    assert_no_error(page)
