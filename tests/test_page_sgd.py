"""AppTest of the Gradient descent & SGD page: the lecture's numbers, stepping, modes, bad input,
tampered URL, divergence, own data, the comparison, the η sweep, the for-vs-vectorised timing,
one section at a time (``?tab=``)."""

import json

import numpy as np
import pytest

from dlviz import csvdata, linreg

PAGE = "pages/2_Gradient_descent.py"
SECTIONS = ("slide", "compare", "sweep", "timing")
CHARTS = {"slide": 1, "compare": 1, "sweep": 1, "timing": 0}


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
    assert query(at, "tab") == "slide"  # the slide's worked example opens first
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
    assert len(at.get("plotly_chart")) == 1  # only this section's figure (line + loss surface)
    assert not at.error and not at.warning


@pytest.mark.parametrize("tab", SECTIONS)
@pytest.mark.parametrize("lang", ["es", "en"])
def test_each_section_opens_by_its_link(run_page, tab, lang):
    at = run_page(PAGE, lang=lang, tab=tab)
    assert not at.error and not at.warning
    assert len(at.tabs) == len(SECTIONS)
    assert len(at.get("plotly_chart")) == CHARTS[tab]
    assert query(at, "tab") == tab
    assert "β = 1.86486" in text(at)  # the data's summary stands above every section


def test_a_bogus_section_falls_back_to_the_slide_with_a_warning(run_page):
    at = run_page(PAGE, lang="en", tab="nope")
    assert "tab=nope" in at.warning[0].value
    assert query(at, "tab") == "slide" and "w = 2.5369" in text(at)


@pytest.mark.parametrize(
    ("lang", "title", "button", "tab"), [("es", "Gradiente descendente y SGD", "Siguiente", "Barrido de η"),
                                         ("en", "Gradient descent & SGD", "Next", "η sweep")]
)  # fmt: skip
def test_both_languages(run_page, lang, title, button, tab):
    at = run_page(PAGE, lang=lang)
    assert at.title[0].value == title
    assert at.button(key="step_next").label == button
    assert at.slider(key="epochs").label == ("Épocas" if lang == "es" else "Epochs")
    assert [tab.label for tab in at.tabs][2] == tab


def test_stepping_next_back_first_last(run_page):
    at = run_page(PAGE, lang="en")
    at.button(key="step_next").click().run()
    assert query(at, "step") == "4" and len(trace_table(at)) == 4
    assert "Iteration 4** of 30 (epoch 2, sample 1)" in text(at)
    at.button(key="step_back").click().run()
    at.button(key="step_back").click().run()
    assert query(at, "step") == "2" and "w = 1.8699" in text(at)
    at.button(key="step_first").click().run()
    assert query(at, "step") == "0" and len(at.dataframe) == 1  # only the slide's table
    assert "(empty table)" in [c.value for c in at.caption]  # no iteration yet: said in words
    assert "Iteration 0** of 30 (start)" in text(at)
    assert at.button(key="step_back").disabled  # never below 0: a browser cannot press it
    assert at.button(key="step_first").disabled
    at.button(key="step_last").click().run()
    assert query(at, "step") == "30" and "w = 2.2674" in text(at) and "b = 0.0515" in text(at)
    assert at.button(key="step_next").disabled  # never beyond the last iteration
    assert at.button(key="step_last").disabled and query(at, "step") == "30"
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


def test_a_long_run_ships_at_most_50_frames_of_rounded_lines(run_page):
    at = run_page(PAGE, lang="en", epochs="200", step="600")
    assert "Iteration 600** of 600" in text(at)
    raw = at.get("plotly_chart")[0].proto.spec
    spec = json.loads(raw)
    assert 40 <= len(spec["frames"]) <= 50
    assert len(raw) < 50 * 1024  # what one step or one control change sends
    line = spec["frames"][-1]["data"][1]["y"]  # the line's ends: 4 significant digits
    assert all(v == float(f"{v:.4g}") for v in line)


def test_the_epochs_slider_shows_part_of_one_training_run(run_page, monkeypatch):
    at = run_page(PAGE, lang="en")
    calls = []
    trained = linreg.sgd_trace
    monkeypatch.setattr(linreg, "sgd_trace", lambda *a, **k: calls.append(a) or trained(*a, **k))
    for epochs in (20, 200, 1, 10):
        at.slider(key="epochs").set_value(epochs).run()
    assert calls == []  # trained once, to the largest epoch count; the slider cuts it
    assert "Iteration 3** of 30" in text(at) and "w = 2.5369" in text(at)
    at.button(key="step_last").click().run()
    assert "w = 2.2674" in text(at) and "b = 0.0515" in text(at)


def test_diverging_eta_says_at_which_iteration(run_page):
    at = run_page(PAGE, lang="en", eta="0.001", step="30")
    assert "Diverged at iteration 5" in at.error[0].value
    assert len(trace_table(at)) == 4 and not at.exception
    assert len(at.get("plotly_chart")) == 1
    compare = run_page(PAGE, lang="en", tab="compare", eta="0.001")
    assert list(compare.dataframe[0].value.iloc[:, 8]) == ["5", "never", "never"]  # plain SGD
    sweep = run_page(PAGE, lang="en", tab="sweep", eta="0.001")
    assert len(sweep.get("plotly_chart")) == 1 and not sweep.exception


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
    at = run_page(PAGE, lang="en", eta="abc", epochs="0", step="-1", mode="sideways", w0="1e9")
    assert at.select_slider(key="eta").value == 1e-4
    assert at.slider(key="epochs").value == 10
    warnings = " ".join(w.value for w in at.warning)
    for name in ("eta=abc", "epochs=0", "step=-1", "mode=sideways", "w0=1e9"):
        assert name in warnings
    assert "w = 2.5369" in text(at)


@pytest.mark.parametrize(
    ("tab", "key", "bad"), [("compare", "method", "sgd"), ("compare", "cmp_epochs", "501"),
                            ("timing", "n", "7")]
)  # fmt: skip
def test_tampered_url_of_a_section_falls_back_with_a_warning(run_page, tab, key, bad):
    at = run_page(PAGE, lang="en", tab=tab, **{key: bad})
    assert f"{key}={bad}" in " ".join(w.value for w in at.warning)
    assert not at.error


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


def test_bad_csv_in_url_keeps_every_section_working(run_page):
    for tab in SECTIONS:
        at = run_page(PAGE, lang="en", tab=tab, data="x,y\n1,abc\n2,3")
        assert "is not a number" in at.error[0].value and "β = 1.86486" in text(at)
        assert len(at.get("plotly_chart")) == CHARTS[tab]


def test_own_data_by_paste(run_page):
    at = run_page(PAGE, lang="en")
    at.text_area(key="data").input("x,y\n0,1\n1,3\n2,5\n3,7").run()
    assert "4 samples" in text(at) and "β = 2" in text(at) and "β₀ = 1" in text(at)
    assert not at.error
    at.button[0].click().run()  # "Lecture data" puts the slide's points back
    assert "β = 1.86486" in text(at)


def test_comparison_table_shows_three_methods(run_page):
    at = run_page(PAGE, lang="en", tab="compare")
    summary = at.dataframe[0].value
    assert list(summary.iloc[:, 0]) == ["plain SGD", "SGD on standardised x", "Adam"]
    assert list(summary.iloc[:, 8]) == ["never"] * 3  # none diverged: a word, not None/<NA>
    assert not summary.isna().any().any()
    gap_b = list(summary.iloc[:, 7])
    assert gap_b[1] < gap_b[2] < gap_b[0]  # standardising best, Adam better than plain SGD
    at.selectbox(key="method").set_value("adagrad").run()
    assert at.dataframe[0].value.iloc[2, 0] == "AdaGrad"
    assert query(at, "tab") == "compare"


def test_comparison_epochs_cut_one_run_per_method(run_page):
    at = run_page(PAGE, lang="en", tab="compare", cmp_epochs="10")
    summary = at.dataframe[0].value
    assert list(summary.iloc[:, 2]) == [30, 30, 30]  # updates: 10 epochs of 3 samples
    assert (round(summary.iloc[0, 3], 4), round(summary.iloc[0, 4], 4)) == (2.2674, 0.0515)
    at.slider(key="cmp_epochs").set_value(500).run()
    assert list(at.dataframe[0].value.iloc[:, 2]) == [1500, 1500, 1500]


def test_sweep_marks_the_current_eta(run_page):
    at = run_page(PAGE, lang="en", tab="sweep", eta="0.0002")
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert spec["data"][-1]["x"] == [0.0002, 0.0002]
    assert "71 values of η" in text(at)


def test_timing_runs_only_on_request(run_page):
    at = run_page(PAGE, lang="en", tab="timing", n="1000")
    assert "Press *Measure*" in " ".join(c.value for c in at.caption)
    at.button(key="measure").click().run()
    shown = text(at)
    assert "N = 1,000: for loop" in shown and "faster" in shown and "round-off only" in shown


# -- issue #12: data that cannot break, slow or mislead the page --------------------------------------
INJECTION = (
    "[Session expired: log in again](https://evil.example/login),"
    "![](http://127.0.0.1:8501/probe.png)\n1,2\n3,4"
)


def test_the_issue_link_shows_no_link_and_no_image(run_page):
    """Finding 4: ``?data=[Session expired…](https://evil.example/login),![](…)%0A1,2%0A3,4``
    showed a clickable link in the red box, and the browser fetched the image."""
    at = run_page(PAGE, lang="en", data=INJECTION)
    body = at.error[0].value
    assert body.startswith("Missing columns: x, y (columns found: \\[Session expired\\: log in")
    assert "](" not in body  # every bracket and parenthesis escaped: plain text
    assert "β = 1.86486" in text(at) and "w = 2.5369" in text(at)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            "x,y\n1,2,3\n4,5,6",
            "Row 1 does not have one value per column: it has 3 and the header names 2",
        ),  # fmt: skip
        (
            "x,y\n1\n4,5",
            "Row 1 does not have one value per column: it has 1 and the header names 2",
        ),
    ],
)
def test_a_row_with_an_extra_or_a_missing_field_is_refused(run_page, data, message):
    """Finding 7a: pandas read ``x,y\\n1,2,3\\n4,5,6`` as (2, 3), (5, 6) without a word."""
    at = run_page(PAGE, lang="en", data=data)
    assert message in at.error[0].value and "The previous data are kept" in at.error[0].value
    assert "β = 1.86486" in text(at)


def test_a_wide_upload_is_refused_from_its_header(run_page):
    """Finding 2: a 2.3 MB file of 200,000 columns cost ~8 s, again on every rerun."""
    wide = "x,y," + ",".join(f"c{k}" for k in range(199_998)) + "\n" + "1," * 199_999 + "2\n"
    at = run_page(PAGE, lang="en")
    at.file_uploader[0].set_value(("wide.csv", wide.encode(), "text/csv")).run()
    assert "The header has 200,000 columns; at most 50 are read" in at.error[0].value
    assert "β = 1.86486" in text(at) and not at.exception


def test_a_bad_file_is_read_once_not_on_every_rerun(run_page, monkeypatch):
    """Finding 2: failed reads were not remembered, so each click read the file again."""
    at = run_page(PAGE, lang="en")
    calls = []
    reader = csvdata.load_csv
    monkeypatch.setattr(csvdata, "load_csv", lambda *a, **k: calls.append(a) or reader(*a, **k))
    at.text_area(key="data").input("x,y\n1,2\n3,abc").run()
    at.number_input(key="w0").set_value(1.0).run()
    at.button(key="step_next").click().run()
    assert len(calls) == 1  # read once; the two reruns found the refusal kept
    assert "is not a number" in at.error[0].value and "Iteration 4" in text(at)


def test_a_paste_that_fills_the_box_is_refused_not_cut(run_page):
    """A 2.3 MB paste reaches the server cut to the box's 10,000 characters: refused, with why."""
    at = run_page(PAGE, lang="en")
    at.text_area(key="data").set_value("x,y\n" + "50,150\n" * 330_000).run()  # a crafted browser
    error = at.error[0].value
    assert "The pasted text has 10,000 characters and fills the box" in error
    assert "β = 1.86486" in text(at) and "w = 2.5369" in text(at)
    at = run_page(PAGE, lang="en", data="x,y\n" + "1,2\n3,4\n" * 1249)  # 9,996 characters: used
    assert not at.error and "2,498 samples" in text(at)


def large_csv(rows: int) -> bytes:
    rng = np.random.default_rng(0)
    x = rng.uniform(50.0, 120.0, rows)
    y = 2.0 * x + 50.0 + rng.normal(0.0, 10.0, rows)
    return ("x,y\n" + "\n".join(f"{a:.6g},{b:.6g}" for a, b in zip(x, y, strict=True))).encode()


@pytest.mark.parametrize("tab", ["slide", "compare"])
def test_a_large_file_in_full_batch_is_trained_within_the_budget_and_says_so(run_page, tab):
    """Finding 6: a valid 100,000-row CSV with ?mode=batch&epochs=200 kept the server 32 s."""
    at = run_page(PAGE, lang="en", tab=tab, mode="batch", epochs="200", cmp_epochs="500")
    at.file_uploader[0].set_value(("big.csv", large_csv(100_000), "text/csv")).run()
    assert "100,000 samples" in text(at) and not at.error
    asked = "200" if tab == "slide" else "500"
    assert (
        f"The run was cut after 50 updates, 50 of the {asked} epochs asked" in at.warning[0].value
    )
    if tab == "slide":
        at.button(key="step_last").click().run()
        assert len(trace_table(at)) == 50 and "Iteration 50** of 50" in text(at)
    else:
        assert list(at.dataframe[0].value.iloc[:, 2]) == [50, 50, 50]  # updates of each method


def test_the_sweep_of_a_large_file_trains_on_a_sample_and_says_so(run_page):
    at = run_page(PAGE, lang="en", tab="sweep", mode="batch", epochs="200")
    assert not at.caption  # the lecture's 3 points: every η on all of them, every epoch
    at.file_uploader[0].set_value(("big.csv", large_csv(100_000), "text/csv")).run()
    shown = " ".join(c.value for c in at.caption)
    assert "Each η is trained on 2,000 of the 100,000 samples (drawn at random) for 200" in shown
    assert len(at.get("plotly_chart")) == 1 and not at.error


def test_spanish_uses_the_lecture_terms(run_page):
    """Issue #14: the page said "descenso de gradiente estocástico" and "mini-lote"; the lecture
    says "gradiente descendente estocástico" and "batch"."""
    at = run_page(PAGE, lang="es")
    shown = text(at) + " " + " ".join(o for r in at.radio for o in r.options)
    assert "**gradiente descendente estocástico (SGD)**" in shown
    assert at.radio(key="mode").options == ["en línea (SGD)", "mini-batch", "batch completo"]
    assert at.slider(key="batch").label == "Tamaño del mini-batch"
    helps = " ".join(w.help or "" for w in (at.radio(key="mode"), at.slider(key="batch")))
    for wrong in ("lote", "Lote", "descenso de gradiente"):
        assert wrong not in shown and wrong not in helps
    compare = run_page(PAGE, lang="es", tab="compare")
    assert list(compare.dataframe[0].value.iloc[:, 8]) == ["nunca"] * 3
