"""AppTest of the Logistic regression page: the lecture's numbers, languages, data sources, bad
CSV files, tampered URL parameters and the interactions."""

import json

import pytest

PAGE = "pages/4_Logistic_regression.py"


def latex_text(at) -> str:
    return " ".join(element.value for element in at.latex)


def markdown_text(at) -> str:
    return " ".join(element.value for element in at.markdown)


def alerts(at, kind) -> str:
    return " ".join(element.value for element in getattr(at, kind))


def chart(at, key) -> dict:
    return json.loads(at.get("plotly_chart")[KEYS.index(key)].proto.spec)


KEYS = ["sigmoid", "linear", "odds", "underflow", "bars", "surface", "bce", "gradient",
        "training", "loss", "path", "confusion"]  # fmt: skip


def test_defaults_show_the_lecture_formulas_and_numbers(run_page):
    at = run_page(PAGE, lang="en")
    shown = latex_text(at)
    assert r"\sigma(0) = \frac{1}{1 + e^{0}} = 0.5" in shown  # σ(0) = 0.5
    assert r"\nabla J(\beta) = \frac{1}{N}\sum_{i=1}^N (\hat{y}_i - y_i)\,x_i" in shown
    assert (
        r"\frac{\partial J}{\partial \beta_0} = \frac{1}{N}\sum_{i=1}^N (\hat{y}_i - y_i)" in shown
    )
    assert r"L(\beta) = \prod_{i=1}^{30} P_i = 2.284 \times 10^{-6}" in shown
    assert "predicted **class 1**" in markdown_text(at)
    assert len(at.get("plotly_chart")) == 12
    assert not at.error and not at.warning
    assert "After 1000 epochs" in alerts(at, "info")
    assert at.slider(key="z").value == 0.0 and at.select_slider(key="eta").value == 0.2
    assert at.metric[0].value == "83.3%"


@pytest.mark.parametrize(("lang", "title", "label"), [("es", "Regresión logística", "Entrada z"), ("en", "Logistic regression", "Input z")])  # fmt: skip
def test_both_languages(run_page, lang, title, label):
    at = run_page(PAGE, lang=lang)
    assert at.title[0].value == title
    assert at.slider(key="z").label == label
    assert ("diferencias finitas" if lang == "es" else "finite differences") in latex_text(at)


def test_moving_z_changes_sigma_and_class(run_page):
    at = run_page(PAGE, lang="en")
    at.slider(key="z").set_value(-2.0).run()
    assert r"\sigma(-2) = \frac{1}{1 + e^{2}} = 0.119203" in latex_text(at)
    assert "predicted **class 0**" in markdown_text(at)
    assert at.query_params["z"] in (["-2"], "-2")


def test_go_to_the_maximum_button(run_page):
    at = run_page(PAGE, lang="en")
    at.button(key="best").click().run()
    assert (at.slider(key="b0").value, at.slider(key="beta").value) == (-4.31, 0.88)
    gradient = chart(at, "surface")["data"]
    assert [trace.get("name") for trace in gradient[1:]] == ["maximum likelihood", "current point"]
    assert "J = **0.374" in markdown_text(at)  # close to the minimum 0.374249


def test_training_to_the_optimum(run_page):
    at = run_page(PAGE, lang="en", eta="0.5", epochs="5000")
    assert "Descent reached the maximum likelihood" in alerts(at, "success")
    assert "J went up at epoch 1" in alerts(at, "warning")
    training = chart(at, "training")
    assert training["layout"]["sliders"][0]["steps"][-1]["label"] == "5000"
    assert training["layout"]["updatemenus"][0]["buttons"][0]["method"] == "animate"


def test_changing_epochs_retrains(run_page):
    at = run_page(PAGE, lang="en")
    at.slider(key="epochs").set_value(10).run()
    assert "After 10 epochs" in alerts(at, "info")
    assert len(chart(at, "training")["frames"]) == 11


def test_two_features_separable_is_detected(run_page):
    at = run_page(PAGE, lang="en", source="blobs", noise="0.3")
    warnings = alerts(at, "warning")
    assert "perfectly separable" in warnings and "keeps growing without bound" in warnings
    assert "1-D example" in alerts(at, "info")
    assert chart(at, "training")["data"][0]["type"] == "heatmap"
    assert at.metric[0].value == "100.0%"


def test_two_features_overlapping_have_a_maximum(run_page):
    at = run_page(PAGE, lang="es", source="blobs", noise="1.5", n="200", seed="3")
    assert not at.warning or "separables" not in alerts(at, "warning")
    assert "Corte de J" in " ".join(c.value for c in at.caption)


def test_csv_default_sample_fits_the_published_values(run_page):
    at = run_page(PAGE, lang="en", source="csv")
    assert at.text_area(key="csv_text").value.startswith("x,y")
    assert "β₀ = -4.07771, β = 1.50465" in markdown_text(at)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("x,y\n1,0\n2,3\n", "The label y in row 2 is 3: it must be 0 or 1."),
        ("x,y\n1,1\n2,1\n", "Every label is 1"),
        ("x,y\n1,0\nabc,1\n", "is not a number"),
        ("x,y\n1,0\n,1\n", "A value is missing"),
        ("h,k\n1,0\n2,1\n", "Missing columns"),
        ("x,y\n" + "".join(f"{k},{k % 2}\n" for k in range(2001)), "the maximum is 2,000"),
    ],
)
def test_bad_csv_keeps_the_previous_data(run_page, text, message):
    at = run_page(PAGE, lang="en", source="csv")
    at.text_area(key="csv_text").input(text).run()
    assert not at.exception
    error = alerts(at, "error")
    assert message in error and "The previous data are kept." in error
    assert "N = 20 points" in " ".join(c.value for c in at.caption)  # the sample is still used
    assert len(at.get("plotly_chart")) == 12


def test_bad_csv_first_falls_back_to_the_example(run_page):
    at = run_page(PAGE, lang="es", source="csv")
    at.session_state["logistic_good"] = ("example", 30, 1, 1.0, "")
    at.text_area(key="csv_text").input("x,y\n1,0\n2,5\n").run()
    assert "debe ser 0 o 1" in alerts(at, "error")
    assert "N = 30 puntos" in " ".join(c.value for c in at.caption)


def test_tampered_url_falls_back_with_warnings(run_page):
    at = run_page(PAGE, lang="en", z="abc", eta="7", epochs="0", source="mine", b0="1e9", seed="-3")
    assert at.slider(key="z").value == 0.0
    assert at.select_slider(key="eta").value == 0.2
    assert at.slider(key="epochs").value == 1000
    assert at.slider(key="b0").value == -2.0
    warnings = alerts(at, "warning")
    for name in ("z=abc", "eta=7", "epochs=0", "source=mine", "b0=1e9", "seed=-3"):
        assert name in warnings
    assert len(at.get("plotly_chart")) == 12


def test_url_reproduces_the_view(run_page):
    at = run_page(
        PAGE, lang="en", z="1.5", b0="-4", beta="0.9", eta="0.05", epochs="300", nmax="500"
    )
    assert not at.warning
    assert r"\sigma(1.5)" in latex_text(at)
    assert "At (β₀, β) = (-4, 0.9)" in markdown_text(at)
    assert "After 300 epochs" in alerts(at, "info")
    assert "has not reached 0.0 yet" in markdown_text(at)  # N up to 500 only


def test_quasi_separable_csv_is_explained(run_page):
    at = run_page(PAGE, lang="en", source="csv")
    at.text_area(key="csv_text").input("x,y\n0,0\n1,0\n1,1\n2,1\n").run()
    assert "quasi-separable" in alerts(at, "warning")
    assert "No maximum" in markdown_text(at)
    assert not at.error
