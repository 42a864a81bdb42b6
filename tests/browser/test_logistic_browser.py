"""The Logistic regression page in Chromium: opened by its URL on a fresh server, trained with
another η (the decision boundary moves), a 2-D set in Spanish, and a bad CSV."""

import pytest
from browserkit import all_formulas, assert_no_error, screenshot, wait_idle, wait_plots

pytestmark = pytest.mark.browser
PLOTS = "[data-testid=stMain] .js-plotly-plot"
TRAINING = 8  # the training figure is the ninth chart on the page


def boundary(page) -> list:
    """The x of the drawn decision boundary (trace 1 of the training figure), read from plotly."""
    return page.evaluate(
        f"() => Array.from(document.querySelectorAll('{PLOTS}')[{TRAINING}]._fullData[1].x)"
    )


def test_opens_on_the_lecture_example_and_training_moves_the_boundary(server, open_page):
    page = open_page(f"{server}/Logistic_regression?lang=en")
    assert_no_error(page)
    formulas = all_formulas(page)
    assert r"\sigma(0) = \frac{1}{1 + e^{0}} = 0.5" in formulas
    assert r"\nabla J(\beta) = \frac{1}{N}\sum_{i=1}^N (\hat{y}_i - y_i)\,x_i" in formulas
    wait_plots(page, 12)
    screenshot(page, "logistic_en")
    before = boundary(page)
    info = page.locator("[data-testid=stAlertContentInfo]").first.inner_text()
    assert "After 1000 epochs" in info

    thumb = page.get_by_role("slider", name="Learning rate η")
    thumb.focus()
    thumb.press("ArrowLeft")  # η: 0.2 → 0.1, so 1000 epochs get less far
    page.wait_for_url("**eta=0.1**")
    page.wait_for_function(
        "(before) => { const p = document.querySelectorAll('[data-testid=stMain] .js-plotly-plot');"
        f" return p.length >= 12 && String(Array.from(p[{TRAINING}]._fullData[1].x)) !== String(before); }}",
        arg=before,
    )
    wait_idle(page)
    after = boundary(page)
    assert after != before  # less far along: the boundary x* = −β₀/β is elsewhere
    assert (
        "After 1000 epochs" in page.locator("[data-testid=stAlertContentInfo]").first.inner_text()
    )
    assert_no_error(page)

    # The animation steps through the epochs in the browser, without a rerun. (_fullData holds
    # the decoded arrays; plotly.js keeps base64 arrays encoded in gd.data.)
    first = page.evaluate(
        f"() => {{ const gd = document.querySelectorAll('{PLOTS}')[{TRAINING}];"
        " return Plotly.animate(gd, ['0'], {frame: {duration: 0}, transition: {duration: 0},"
        " mode: 'immediate'}).then(() => Array.from(gd._fullData[0].y).slice(0, 3)); }"
    )
    assert first == [0.5, 0.5, 0.5]  # epoch 0: β = 0, ŷ = 0.5 everywhere


def test_two_classes_in_spanish_with_a_separable_warning(server, open_page):
    page = open_page(f"{server}/Logistic_regression?source=blobs&noise=0.3", locale="es-CO")
    assert page.get_by_role("heading", name="Regresión logística", exact=True).is_visible()
    wait_plots(page, 12)
    warning = page.locator("[data-testid=stAlertContentWarning]").first.inner_text()
    assert "perfectamente separables" in warning
    heatmaps = page.evaluate(f"() => document.querySelectorAll('{PLOTS}')[{TRAINING}].data[0].type")
    assert heatmaps == "heatmap"
    screenshot(page, "logistic_es")
    page.goto(f"{server}/Logistic_regression?lang=es&present=1")
    wait_idle(page)
    wait_plots(page, 12)
    page.screenshot(path="/tmp/logistic_present.png", full_page=False)
    assert_no_error(page)


def test_a_bad_csv_shows_a_message_and_keeps_the_data(server, open_page):
    page = open_page(f"{server}/Logistic_regression?lang=en&source=csv")
    wait_plots(page, 12)
    box = page.get_by_role("textbox", name="…or paste the CSV here")
    box.fill("x,y\n1,0\n2,7\n")
    box.press("Control+Enter")
    page.wait_for_selector("[data-testid=stAlertContentError]")
    wait_idle(page)
    error = page.locator("[data-testid=stAlertContentError]").first.inner_text()
    assert "The label y in row 2 is 7" in error and "previous data are kept" in error
    assert page.locator("[data-testid=stException]").count() == 0
    wait_plots(page, 12)
