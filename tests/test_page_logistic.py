"""AppTest of the Logistic regression page: the lecture's numbers, languages, data sources, bad
CSV files, tampered URL parameters and the interactions, each in the section (tab) that shows
it."""

import json

import numpy as np
import pytest

from dlviz import binary_data, i18n, logistic
from dlviz import logistic_report as report
from dlviz.texts.logistic import TEXT

PAGE = "pages/4_Logistic_regression.py"
SECTIONS = ["sigmoid", "odds", "mle", "bce", "train"]
CHARTS = {  # the charts each section draws, in order
    "sigmoid": ["sigmoid"],
    "odds": ["linear", "odds"],
    "mle": ["bars", "underflow", "surface"],
    "bce": ["bce", "gradient"],
    "train": ["training", "loss", "path"],
}
LABELS = {
    "en": {"odds": "Odds and log-odds", "bce": "Loss and gradient"},
    "es": {"odds": "Odds y log-odds", "bce": "Pérdida y gradiente"},
}


def latex_text(at) -> str:
    return " ".join(element.value for element in at.latex)


def markdown_text(at) -> str:
    return " ".join(element.value for element in at.markdown)


def captions(at) -> str:
    return " ".join(c.value for c in at.caption)


def alerts(at, kind) -> str:
    return " ".join(element.value for element in getattr(at, kind))


def chart(at, tab, key) -> dict:
    charts = at.get("plotly_chart")
    assert len(charts) == len(CHARTS[tab])
    return json.loads(charts[CHARTS[tab].index(key)].proto.spec)


def open_tab(at, lang, tab):
    """Click another section's tab (a full rerun, as in the browser)."""
    at.session_state[f"_tab_{lang}"] = LABELS[lang][tab]
    return at.run()


def test_opens_on_the_slide_sigma_of_zero(run_page):
    at = run_page(PAGE, lang="en")
    assert r"\sigma(0) = \frac{1}{1 + e^{0}} = 0.5" in latex_text(at)  # σ(0) = 0.5
    assert "predicted **class 1**" in markdown_text(at)
    assert at.slider(key="z").value == 0.0
    assert len(at.get("plotly_chart")) == 1
    assert at.query_params["tab"] in (["sigmoid"], "sigmoid")
    assert not at.error and not at.warning


@pytest.mark.parametrize("lang", ["es", "en"])
@pytest.mark.parametrize("tab", SECTIONS)
def test_each_section_opens_by_its_link(run_page, tab, lang):
    at = run_page(PAGE, lang=lang, tab=tab)
    assert len(at.get("plotly_chart")) == len(CHARTS[tab])
    assert not at.error and not at.warning
    assert at.query_params["tab"] in ([tab], tab)
    shown = [tab_.label for tab_ in at.tabs if len(tab_.children)]
    assert len(shown) == 1  # only the open section ran


def test_a_bogus_section_falls_back_to_the_first_with_a_warning(run_page):
    at = run_page(PAGE, lang="en", tab="nonsense")
    assert "tab=nonsense" in alerts(at, "warning")
    assert r"\sigma(0)" in latex_text(at) and len(at.get("plotly_chart")) == 1


def test_the_lecture_formulas_and_numbers(run_page):
    bce = run_page(PAGE, lang="en", tab="bce")
    shown = latex_text(bce)
    assert r"\nabla J(\beta) = \frac{1}{N}\sum_{i=1}^N (\hat{y}_i - y_i)\,x_i" in shown
    assert (
        r"\frac{\partial J}{\partial \beta_0} = \frac{1}{N}\sum_{i=1}^N (\hat{y}_i - y_i)" in shown
    )
    mle = run_page(PAGE, lang="en", tab="mle")
    assert r"L(\beta) = \prod_{i=1}^{30} P_i = 2.284 \times 10^{-6}" in latex_text(mle)
    train = run_page(PAGE, lang="en", tab="train")
    assert "After 1000 epochs" in alerts(train, "info")
    assert train.select_slider(key="eta").value == 0.2
    assert train.metric[0].value == "83.3%"


@pytest.mark.parametrize(("lang", "title", "label"), [("es", "Regresión logística", "Entrada z"), ("en", "Logistic regression", "Input z")])  # fmt: skip
def test_both_languages(run_page, lang, title, label):
    at = run_page(PAGE, lang=lang)
    assert at.title[0].value == title
    assert at.slider(key="z").label == label
    at = run_page(PAGE, lang=lang, tab="bce")
    assert ("diferencias finitas" if lang == "es" else "finite differences") in latex_text(at)


def test_moving_z_changes_sigma_and_class(run_page):
    at = run_page(PAGE, lang="en")
    at.slider(key="z").set_value(-2.0).run()
    assert r"\sigma(-2) = \frac{1}{1 + e^{2}} = 0.119203" in latex_text(at)
    assert "predicted **class 0**" in markdown_text(at)
    assert at.query_params["z"] in (["-2"], "-2")


def test_go_to_the_maximum_button_and_the_point_follows_to_another_section(run_page):
    at = run_page(PAGE, lang="en", tab="mle")
    at.button(key="best").click().run()
    assert (at.slider(key="b0").value, at.slider(key="beta").value) == (-4.31, 0.88)
    gradient = chart(at, "mle", "surface")["data"]
    assert [trace.get("name") for trace in gradient[1:]] == ["maximum likelihood", "current point"]
    open_tab(at, "en", "bce")
    assert at.query_params["tab"] in (["bce"], "bce")
    assert (at.slider(key="b0").value, at.slider(key="beta").value) == (-4.31, 0.88)
    assert "J = **0.374" in markdown_text(at)  # close to the minimum 0.374249


def test_training_to_the_optimum(run_page):
    at = run_page(PAGE, lang="en", tab="train", eta="0.5", epochs="5000")
    assert len(at.success) == 1 and not at.info and not at.warning and not at.error
    assert "Gradient descent reached the maximum likelihood" in alerts(at, "success")
    assert "J went up and down (from epoch 1 to 81)" in alerts(at, "success")
    training = chart(at, "train", "training")
    assert training["layout"]["sliders"][0]["steps"][-1]["label"] == "5000"
    assert training["layout"]["updatemenus"][0]["buttons"][0]["method"] == "animate"
    assert len(training["frames"]) <= 50


def test_changing_epochs_retrains(run_page):
    at = run_page(PAGE, lang="en", tab="train")
    at.slider(key="epochs").set_value(10).run()
    assert "After 10 epochs" in alerts(at, "info")
    assert len(chart(at, "train", "training")["frames"]) == 11


@pytest.mark.parametrize(
    ("eta", "epochs"), [("0.2", "10"), ("0.2", "1000"), ("10", "37"), ("0.005", "4999")]
)
def test_the_epochs_shown_are_exactly_that_training(run_page, eta, epochs):
    """The page trains once to the slider's end and shows the start of it: the numbers must be
    those of a training of exactly that many epochs."""
    at = run_page(PAGE, lang="en", tab="train", eta=eta, epochs=epochs)
    data = binary_data.smoking_example(30, 1)
    fit = logistic.fit(data.X, data.y, float(eta), int(epochs))
    facts = report.analyse(data.X, data.y)
    t = i18n.translator(TEXT, "en")
    said = report.diagnose(fit, None, facts.best, data.X, data.y)
    kinds = ("error", "warning", "info", "success")
    shown = [(kind, alert.value) for kind in kinds for alert in getattr(at, kind)]
    assert shown == [(said.kind, " ".join(t(key, **said.numbers) for key in said.keys))]
    assert f"After {epochs} epochs: β₀ = {fit.b0_:.4g}, β = {fit.beta_[0]:.4g}" in shown[0][1]
    assert f"J = {fit.loss[-1]:.6g}" in shown[0][1]
    assert at.metric[0].value == f"{fit.accuracy[-1]:.1%}"
    matrix = logistic.confusion_matrix(data.y, logistic.net_input(data.X, fit.b0_, fit.beta_))
    assert at.dataframe[0].value.iloc[:, 1:].to_numpy().tolist() == matrix.tolist()
    loss = chart(at, "train", "loss")["data"][0]
    assert loss["x"][-1] == int(epochs)
    assert loss["y"][-1] == pytest.approx(fit.loss[-1], rel=1e-3)


def shown_alerts(at) -> list[tuple[str, str]]:
    return [(k, a.value) for k in ("error", "warning", "info", "success") for a in getattr(at, k)]


@pytest.mark.parametrize(
    ("lang", "lower", "raise_", "more"),
    [("en", "Lower η", "larger η", "more epochs"), ("es", "Reduzca η", "η mayor", "más épocas")],
)
def test_eta_10_gets_one_diagnosis(run_page, lang, lower, raise_, more):
    """Issue #14: at ?eta=10 a red box said "reduce η" and a blue box "more epochs or a larger
    η". Now one box, red, that says to lower η and nothing else."""
    at = run_page(PAGE, lang=lang, tab="train", eta="10")
    (kind, text), *rest = shown_alerts(at)
    assert not rest and kind == "error"
    assert lower in text and "J = 4.74961" in text and "0.693147" in text
    assert raise_ not in text and more not in text


@pytest.mark.parametrize(
    ("eta", "kind", "says"),
    [
        ("0.2", "info", "J falls every epoch: more epochs or a larger η bring it closer."),
        ("0.001", "info", "J falls every epoch: more epochs or a larger η bring it closer."),
        ("1", "warning", "J still goes up and down (it last rose at epoch 1000)"),
    ],
)
def test_one_diagnosis_for_the_default_a_small_and_a_large_eta(run_page, eta, kind, says):
    at = run_page(PAGE, lang="en", tab="train", eta=eta)
    (shown_kind, text), *rest = shown_alerts(at)
    assert not rest and shown_kind == kind and says in text
    assert ("Lower η" in text) == (kind == "warning")
    assert ("larger η" in text) == (kind == "info")


def test_two_features_separable_is_detected(run_page):
    at = run_page(PAGE, lang="en", tab="train", source="blobs", noise="0.3")
    warnings = alerts(at, "warning")
    assert "perfectly separable" in warnings and "keeps growing without bound" in warnings
    assert chart(at, "train", "training")["data"][0]["type"] == "heatmap"
    assert at.metric[0].value == "100.0%"
    at = run_page(PAGE, lang="en", tab="odds", source="blobs", noise="0.3")
    assert "1-D example" in alerts(at, "info")


def test_two_features_overlapping_have_a_maximum(run_page):
    at = run_page(PAGE, lang="es", tab="train", source="blobs", noise="1.5", n="200", seed="3")
    assert not at.warning or "separables" not in alerts(at, "warning")
    assert "Corte de J" in captions(at)


def test_csv_default_sample_fits_the_published_values(run_page):
    at = run_page(PAGE, lang="en", tab="mle", source="csv")
    assert at.text_area(key="csv_text").value.startswith("x,y")
    assert "β₀ = -4.07771, β = 1.50465" in markdown_text(at)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("x,y\n1,0\n2,3\n", "The label y in row 2 is `3`: it must be 0 or 1."),
        ("x,y\n1,1\n2,1\n", "Every label is 1"),
        ("x,y\n1,0\nabc,1\n", "is not a number"),
        ("x,y\n1,0\n,1\n", "A value is missing"),
        ("h,k\n1,0\n2,1\n", "Missing columns"),
        ("x,y\n" + "".join(f"{k},{k % 2}\n" for k in range(2001)), "the maximum is 2,000"),
    ],
)
@pytest.mark.parametrize("tab", ["mle", "train"])
def test_bad_csv_keeps_the_previous_data(run_page, text, message, tab):
    at = run_page(PAGE, lang="en", tab=tab, source="csv")
    at.text_area(key="csv_text").input(text).run()
    assert not at.exception
    error = alerts(at, "error")
    assert message in error and "The previous data are kept." in error
    assert "N = 20 points" in captions(at)  # the sample is still used
    assert len(at.get("plotly_chart")) == len(CHARTS[tab])


def test_bad_csv_first_falls_back_to_the_example(run_page):
    at = run_page(PAGE, lang="es", source="csv")
    at.session_state["_data_good"] = ("example", 30, 1, 1.0, "")
    at.text_area(key="csv_text").input("x,y\n1,0\n2,5\n").run()
    assert "debe ser 0 o 1" in alerts(at, "error")
    assert "N = 30 puntos" in captions(at)


TAMPERED = {"z": "abc", "eta": "7", "epochs": "0", "source": "mine", "b0": "1e9", "seed": "-3"}


@pytest.mark.parametrize(
    ("tab", "checked"),
    [
        ("sigmoid", {"z": 0.0}),
        ("odds", {"b0": -2.0}),
        ("train", {"eta": 0.2, "epochs": 1000}),
    ],
)
def test_tampered_url_falls_back_with_warnings(run_page, tab, checked):
    at = run_page(PAGE, lang="en", tab=tab, **TAMPERED)
    for key, value in checked.items():
        widget = at.select_slider(key=key) if key == "eta" else at.slider(key=key)
        assert widget.value == value
    assert at.selectbox(key="source").value == "example" and at.number_input(key="seed").value == 1
    warnings = alerts(at, "warning")
    for name in ("source=mine", "seed=-3", *(f"{key}={TAMPERED[key]}" for key in checked)):
        assert name in warnings
    assert len(at.get("plotly_chart")) == len(CHARTS[tab])


def test_url_reproduces_the_view(run_page):
    url = {"z": "1.5", "b0": "-4", "beta": "0.9", "eta": "0.05", "epochs": "300", "nmax": "500"}
    at = run_page(PAGE, lang="en", **url)
    assert not at.warning
    assert r"\sigma(1.5)" in latex_text(at)
    at = run_page(PAGE, lang="en", tab="bce", **url)
    assert not at.warning
    assert "At (β₀, β) = (-4, 0.9)" in markdown_text(at)
    at = run_page(PAGE, lang="en", tab="train", **url)
    assert not at.warning
    assert "After 300 epochs" in alerts(at, "info")
    at = run_page(PAGE, lang="en", tab="mle", **url)
    assert not at.warning
    assert "has not reached 0.0 yet" in markdown_text(at)  # N up to 500 only


def test_quasi_separable_csv_is_explained(run_page):
    at = run_page(PAGE, lang="en", tab="mle", source="csv")
    at.text_area(key="csv_text").input("x,y\n0,0\n1,0\n1,1\n2,1\n").run()
    assert "quasi-separable" in alerts(at, "warning")
    assert "No maximum" in markdown_text(at)
    assert not at.error


def test_the_data_and_the_point_stay_when_another_section_is_opened(run_page):
    at = run_page(PAGE, lang="es", tab="odds", source="blobs", noise="0.3", b0="-3")
    assert "ejemplo 1-D" in alerts(at, "info")
    open_tab(at, "es", "bce")
    assert at.selectbox(key="source").value == "blobs" and at.slider(key="noise").value == 0.3
    assert at.slider(key="b0").value == -3.0
    assert "ejemplo 1-D" in alerts(at, "info")


def test_the_animation_is_light(run_page):
    """At most ~50 frames, each with only what moves (the curve's heights, the boundary)."""
    at = run_page(PAGE, lang="en", tab="train")
    spec = chart(at, "train", "training")
    assert len(spec["frames"]) <= 50
    first = spec["frames"][0]["data"]
    assert set(first[0]) == {"y"} and set(first[1]) == {"x"}
    assert np.allclose(first[0]["y"], 0.5)  # β = 0: ŷ = 0.5 everywhere
    assert len(json.dumps(spec)) < 40_000


# -- issue #12: data that cannot break, slow or mislead the page --------------------------------------
def test_a_long_paste_is_refused_not_cut_and_costs_nothing_on_the_next_rerun(run_page, monkeypatch):
    """Finding 2: the paste box had no limit (a 2.3 MB paste: 8.5 s, then 8.7 s for an unrelated
    slider). Now it holds 40,000 characters, and a text that fills it is refused."""
    at = run_page(PAGE, lang="en", source="csv")
    wide = "x,y," + ",".join(f"c{k}" for k in range(199_998)) + "\n" + "1," * 199_999 + "1\n"
    at.text_area(key="csv_text").set_value(wide).run()  # what a crafted browser could send
    error = alerts(at, "error")
    assert "The pasted text has 40,000 characters and fills the box" in error
    assert "N = 20 points" in captions(at)  # the sample is still used
    calls = []
    reader = binary_data.from_csv
    monkeypatch.setattr(binary_data, "from_csv", lambda *a, **k: calls.append(a) or reader(*a, **k))
    at.slider(key="z").set_value(2.0).run()
    assert calls == [] and "fills the box" in alerts(at, "error")


def test_a_bad_file_is_read_once_not_on_every_rerun(run_page, monkeypatch):
    at = run_page(PAGE, lang="en", source="csv")
    calls = []
    reader = binary_data.from_csv
    monkeypatch.setattr(binary_data, "from_csv", lambda *a, **k: calls.append(a) or reader(*a, **k))
    at.text_area(key="csv_text").input("x,y\n1,2,3\n4,5,6").run()
    at.slider(key="z").set_value(2.0).run()
    at.slider(key="z").set_value(3.0).run()
    assert len(calls) == 1  # read once; the two reruns found the refusal kept
    assert "Row 1 does not have one value per column" in alerts(at, "error")  # finding 7a
    assert "N = 20 points" in captions(at)


def test_an_oversized_upload_is_refused_by_its_size(run_page):
    at = run_page(PAGE, lang="en", source="csv")
    big = b"x,y\n" + b"1,0\n2,1\n" * 300_000  # 2.4 MB
    at.file_uploader(key="csv_file").set_value(("big.csv", big, "text/csv")).run()
    assert "The file is too large (2.4 MB; at most 2 MB)." in alerts(at, "error")
    assert "N = 20 points" in captions(at) and not at.exception


def test_the_pasted_data_are_kept_in_the_link(run_page):
    at = run_page(PAGE, lang="en", tab="mle", source="csv", csv_text="x,y\n0,0\n1,1\n2,0\n3,1\n")
    assert at.text_area(key="csv_text").value == "x,y\n0,0\n1,1\n2,0\n3,1\n"
    assert "N = 4 points, 2 of class 1" in captions(at) and not at.warning


def test_column_names_are_shown_as_text(run_page):
    """Finding 4: user text reached the message boxes as Markdown."""
    at = run_page(PAGE, lang="en", source="csv")
    at.text_area(key="csv_text").input(
        "[Login](https://evil.example),![](http://e.io/p.png)\n1,0\n"
    ).run()
    error = alerts(at, "error")
    assert "Missing columns: x, y (columns found: \\[Login\\]\\(https\u2060\\:" in error
    assert "](" not in error
