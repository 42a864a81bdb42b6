"""AppTest of the Gradient descent & SGD page: the lecture's numbers, stepping, modes, bad input,
tampered URL, divergence, own data, the for-vs-vectorised timing."""

import json

import pytest

PAGE = "pages/2_Gradient_descent.py"


def text(at) -> str:
    return " ".join(m.value for m in at.markdown)


def latex(at) -> str:
    return " ".join(element.value for element in at.latex)


def trace_table(at):
    return at.dataframe[0].value


def query(at, key):
    value = at.query_params.get(key)
    return value[0] if isinstance(value, list) else value


def test_defaults_show_the_lecture_numbers(run_page):
    at = run_page(PAGE, lang="en")
    shown = text(at)
    assert "Iteration 3** of 30" in shown and "**w = 2.5369 (2.5369)**" in shown
    assert "**b = 0.0346 (0.034557)**" in shown
    assert "β = 1.86486" in shown and "β₀ = 54.5946" in shown
    table = trace_table(at)
    assert len(table) == 3
    assert [round(v, 4) for v in table.iloc[:, 9]] == [0.75, 1.8699, 2.5369]  # w
    assert [round(v, 4) for v in table.iloc[:, 10]] == [0.015, 0.029, 0.0346]  # b
    slide = at.dataframe[1].value
    assert list(slide.iloc[:, 3]) == ["0.750", "0.015", "1.869", "0.028", "2.536", "0.034", "2.26", "0.051"]  # fmt: skip
    assert list(slide.iloc[:, 7])[2:] == ["truncated"] * 6
    assert [round(v, 4) for v in slide.iloc[6:, 4]] == [2.2674, 0.0515]
    assert "0.0289985" in shown and "truncates" in shown
    formulas = latex(at)
    assert r"\tfrac12(\hat y - y)^2" in formulas and r"\sum_i" in formulas
    assert r"1.86988 + 0.0001\cdot(55.5854)\cdot120 = 2.5369" in formulas
    assert "The loss went down from 140900 to 1743.99" in at.success[0].value
    assert len(at.get("plotly_chart")) == 3  # steps (line + loss surface), comparison, η sweep
    assert not at.error and not at.warning


@pytest.mark.parametrize(
    ("lang", "title", "button"), [("es", "Descenso de gradiente y SGD", "Siguiente paso"),
                                  ("en", "Gradient descent & SGD", "Next step")]
)  # fmt: skip
def test_both_languages(run_page, lang, title, button):
    at = run_page(PAGE, lang=lang)
    assert at.title[0].value == title
    assert at.button(key="step_next").label == button
    assert at.slider(key="epochs").label == ("Épocas" if lang == "es" else "Epochs")


def test_stepping_next_back_reset_end(run_page):
    at = run_page(PAGE, lang="en")
    at.button(key="step_next").click().run()
    assert query(at, "step") == "4" and len(trace_table(at)) == 4
    assert "Iteration 4** of 30 (epoch 2, sample 1)" in text(at)
    at.button(key="step_back").click().run()
    at.button(key="step_back").click().run()
    assert query(at, "step") == "2" and "w = 1.8699" in text(at)
    at.button(key="step_reset").click().run()
    assert query(at, "step") == "0" and len(trace_table(at)) == 0
    assert "Iteration 0** of 30 (start)" in text(at)
    at.button(key="step_back").click().run()  # never below 0
    assert query(at, "step") == "0"
    at.button(key="step_end").click().run()
    assert query(at, "step") == "30" and "w = 2.2674" in text(at) and "b = 0.0515" in text(at)
    at.button(key="step_next").click().run()  # never beyond the last iteration
    assert query(at, "step") == "30"
    assert not at.exception


def test_step_in_url_and_animation_start_there(run_page):
    at = run_page(PAGE, lang="en", step="7")
    assert len(trace_table(at)) == 7
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert len(spec["frames"]) == 31 and spec["layout"]["sliders"][0]["active"] == 7
    assert spec["layout"]["updatemenus"][0]["buttons"][0]["method"] == "animate"


def test_step_is_clamped_when_the_run_gets_shorter(run_page):
    at = run_page(PAGE, lang="en", step="30")
    at.slider(key="epochs").set_value(2).run()
    assert query(at, "step") == "6" and len(trace_table(at)) == 6


def test_diverging_eta_says_at_which_iteration(run_page):
    at = run_page(PAGE, lang="en", eta="0.001", step="30")
    assert "Diverged at iteration 5" in at.error[0].value
    assert len(trace_table(at)) == 4 and not at.exception
    assert len(at.get("plotly_chart")) == 3


def test_too_small_eta_is_slow(run_page):
    at = run_page(PAGE, lang="en", eta="1e-07")
    assert any("Slow" in w.value for w in at.warning)


@pytest.mark.parametrize(
    ("query_params", "rows", "first_sample"),
    [({"mode": "batch"}, 10, "1–3"), ({"mode": "minibatch", "batch": "2"}, 20, "1, 2")],
)
def test_modes(run_page, query_params, rows, first_sample):
    at = run_page(PAGE, lang="en", step="100", **query_params)
    table = trace_table(at)
    assert len(table) == rows and table.iloc[0, 2] == first_sample


def test_shuffle_with_seed_is_reproducible(run_page):
    a = trace_table(run_page(PAGE, lang="en", shuffle="1", seed="5", step="30"))
    b = trace_table(run_page(PAGE, lang="en", shuffle="1", seed="5", step="30"))
    assert list(a.iloc[:, 2]) == list(b.iloc[:, 2])
    assert sorted(a.iloc[:3, 2]) == ["1", "2", "3"]


def test_tampered_url_falls_back_with_warnings(run_page):
    at = run_page(PAGE, lang="en", eta="abc", epochs="0", step="-1", mode="sideways", w0="1e9",
                  method="sgd", n="7")  # fmt: skip
    assert at.select_slider(key="eta").value == 1e-4
    assert at.slider(key="epochs").value == 10
    warnings = " ".join(w.value for w in at.warning)
    for name in ("eta=abc", "epochs=0", "step=-1", "mode=sideways", "w0=1e9", "method=sgd", "n=7"):
        assert name in warnings
    assert "w = 2.5369" in text(at)


def test_bad_pasted_csv_keeps_the_previous_data(run_page):
    at = run_page(PAGE, lang="en")
    at.text_area(key="data").input("x,y\n1,2\n3,abc").run()
    assert "Column y, row 2, is not a number" in at.error[0].value
    assert "The previous data are kept" in at.error[0].value
    assert "β = 1.86486" in text(at) and "w = 2.5369" in text(at)


@pytest.mark.parametrize(
    ("csv", "message"),
    [("x,y\n1,2", "at least 2"), ("a,b\n1,2\n3,4", "Missing columns"), ("x,y\n2,1\n2,5", "constant"),
     ("x,y\n1,\n2,3", "missing"), ("", "empty")],
)  # fmt: skip
def test_bad_csv_in_url_shows_a_clear_message(run_page, csv, message):
    at = run_page(PAGE, lang="en", data=csv)
    assert message in at.error[0].value and "β = 1.86486" in text(at)


def test_own_data_by_paste(run_page):
    at = run_page(PAGE, lang="en")
    at.text_area(key="data").input("x,y\n0,1\n1,3\n2,5\n3,7").run()
    assert "4 samples" in text(at) and "β = 2" in text(at) and "β₀ = 1" in text(at)
    assert not at.error
    at.button[0].click().run()  # "Lecture data" puts the slide's points back
    assert "β = 1.86486" in text(at)


def test_comparison_table_shows_three_methods(run_page):
    at = run_page(PAGE, lang="en")
    summary = at.dataframe[2].value
    assert list(summary.iloc[:, 0]) == ["plain SGD", "SGD on standardised x", "Adam"]
    gap_b = list(summary.iloc[:, 7])
    assert gap_b[1] < gap_b[2] < gap_b[0]  # standardising best, Adam better than plain SGD
    at.selectbox(key="method").set_value("adagrad").run()
    assert at.dataframe[2].value.iloc[2, 0] == "AdaGrad"


def test_timing_runs_only_on_request(run_page):
    at = run_page(PAGE, lang="en", n="1000")
    assert "Press *Measure*" in " ".join(c.value for c in at.caption)
    at.button(key="measure").click().run()
    shown = text(at)
    assert "N = 1,000: for loop" in shown and "faster" in shown and "round-off only" in shown
