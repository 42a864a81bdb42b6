"""AppTest of the Gradient page: the lecture's example, languages, bad input, tampered URL."""

import json

import pytest

PAGE = "pages/1_Gradient.py"


def latex_text(at) -> str:
    return " ".join(element.value for element in at.latex)


def check_table(at):
    return at.dataframe[0].value


def test_defaults_show_the_lecture_example(run_page):
    at = run_page(PAGE)
    assert at.text_input(key="f").value == "x^2 y + y"
    assert (at.slider(key="x0").value, at.slider(key="y0").value) == (1.0, 1.0)
    table = check_table(at)
    assert list(table.iloc[:, 2]) == [2.0, 2.0]  # autodiff, exact
    assert max(abs(table.iloc[:, 3] - 2.0)) < 1e-8  # finite differences agree
    shown = latex_text(at)
    assert "2 x y" in shown and "x^{2} + 1" in shown
    assert r"\begin{bmatrix} 2 \\ 2 \end{bmatrix}" in shown
    assert at.query_params["f"] in (["x^2 y + y"], "x^2 y + y")
    assert at.query_params["tab"] in (["point"], "point")  # the slide's section opens first
    assert len(at.get("plotly_chart")) == 1  # only this section's contour is drawn


@pytest.mark.parametrize(("tab", "charts"), [("point", 1), ("surface", 1), ("descent", 1),
                                             ("direction", 1)])  # fmt: skip
@pytest.mark.parametrize("lang", ["es", "en"])
def test_each_section_opens_by_its_link(run_page, tab, charts, lang):
    at = run_page(PAGE, lang=lang, tab=tab)
    assert not at.error and not at.warning
    assert len(at.tabs) == 4
    assert len(at.get("plotly_chart")) == charts
    assert at.query_params["tab"] in ([tab], tab)


def test_a_bogus_section_falls_back_to_the_slide_with_a_warning(run_page):
    at = run_page(PAGE, lang="en", tab="nope")
    assert "tab=nope" in at.warning[0].value
    assert list(check_table(at).iloc[:, 2]) == [2.0, 2.0]


def test_the_surface_shows_the_point_and_its_gradient(run_page):
    at = run_page(PAGE, lang="en", tab="surface", x0="2")
    surface = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert {trace["type"] for trace in surface["data"]} >= {"surface", "scatter3d"}


@pytest.mark.parametrize(("lang", "title"), [("es", "Gradiente"), ("en", "Gradient")])
def test_both_languages(run_page, lang, title):
    at = run_page(PAGE, lang=lang, tab="direction")
    assert at.title[0].value == title
    assert at.slider(key="angle").label.startswith("Dirección" if lang == "es" else "Direction")


def test_bad_formula_shows_error_and_keeps_last_good_plot(run_page):
    at = run_page(PAGE, lang="en")
    at.text_input(key="f").input("x^2 + ").run()
    assert not at.exception
    assert "x^2 y + y" in at.error[0].value and "column" in at.error[0].value
    assert list(check_table(at).iloc[:, 2]) == [2.0, 2.0]
    assert len(at.get("plotly_chart")) == 1


@pytest.mark.parametrize(
    "bad", ["z + 1", "__import__('os')", "9^9^9^9^9", "(" * 500, "sin x", "x $ y"]
)
def test_hostile_formulas_in_url(run_page, bad):
    at = run_page(PAGE, lang="en", f=bad)
    assert at.error or at.warning  # a clear message, never a traceback


def test_tampered_url_falls_back_with_warnings(run_page):
    query = {"x0": "abc", "eta": "-5", "steps": "0", "angle": "1e9", "mode": "sideways"}
    at = run_page(PAGE, lang="en", tab="descent", **query)
    assert at.slider(key="x0").value == 1.0
    assert at.select_slider(key="eta").value == 0.1
    assert at.slider(key="steps").value == 20
    warnings = " ".join(w.value for w in at.warning)
    for name in ("x0=abc", "eta=-5", "steps=0", "mode=sideways"):
        assert name in warnings
    # A section's controls are read from the link when that section is open.
    at = run_page(PAGE, lang="en", tab="direction", **query)
    assert at.slider(key="angle").value == 45.0
    assert "angle=1e9" in " ".join(w.value for w in at.warning)


def test_url_reproduces_the_view(run_page):
    at = run_page(PAGE, lang="en", f="x^2 + 5y^2", x0="-1.5", y0="0.5", eta="0.2", steps="7")
    assert at.text_input(key="f").value == "x^2 + 5y^2"
    assert list(check_table(at).iloc[:, 2]) == [-3.0, 5.0]
    assert not at.warning


def test_diverging_eta_says_at_which_step(run_page):
    at = run_page(PAGE, lang="en", tab="descent", f="x^2 + y^2", eta="2")
    assert "Diverged at step 13" in at.error[0].value  # p ← (1 − 2η)p = −3p: 3¹³ > 10⁶
    assert "got worse at step 1 (from 2 to 18)" in at.error[0].value
    assert "try a smaller η" in at.error[0].value


@pytest.mark.parametrize("lang", ["es", "en"])
def test_issue_14_rosenbrock_ascent_at_the_smallest_eta_is_not_called_a_large_eta(run_page, lang):
    query = {"f": "(1 - x)^2 + 5(y - x^2)^2", "mode": "ascent", "eta": "0.001", "x0": "5"}
    at = run_page(PAGE, lang=lang, tab="descent", **query)
    assert not at.error
    said = " ".join(w.value for w in at.warning)
    if lang == "en":
        assert "f has no maximum in that direction" in said and "from 2896 to" in said
        assert "This is not a too-large η" in said and "try a smaller η" not in said
    else:
        assert "f no tiene máximo en esa dirección" in said and "de 2896 a" in said
        assert "No es un η demasiado grande" in said and "pruebe un η menor" not in said


@pytest.mark.parametrize("lang", ["es", "en"])
def test_issue_14_log_with_descent_leaves_the_domain(run_page, lang):
    at = run_page(PAGE, lang=lang, tab="descent", f="log(x)")
    assert not at.error
    said = " ".join(w.value for w in at.warning)
    expected = (
        "Left the domain of f at step 6" if lang == "en" else "Sale del dominio de f en el paso 6"
    )
    assert expected in said and "(-0.00157, 1)" in said
    assert ("smaller η" if lang == "en" else "η menor") not in said


def test_the_lecture_function_has_no_minimum(run_page):
    at = run_page(PAGE, lang="en", tab="descent", eta="1")
    assert not at.error
    assert any("f has no minimum in that direction" in w.value for w in at.warning)


def test_tiny_eta_barely_moves(run_page):
    at = run_page(PAGE, lang="en", tab="descent", f="x^2 + 5y^2", eta="0.001", steps="3")
    assert any("Barely moves" in w.value for w in at.warning)


def test_undefined_point_is_explained(run_page):
    at = run_page(PAGE, lang="en", f="log(x)", x0="-1")
    assert any("not defined" in w.value for w in at.warning)


def test_walk_is_animated_with_frames(run_page):
    at = run_page(PAGE, lang="en", tab="descent", steps="5")
    contour = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert len(contour["frames"]) == 6  # the start and five steps
    assert contour["layout"]["updatemenus"][0]["buttons"][0]["method"] == "animate"


def test_moving_the_point_changes_the_gradient(run_page):
    at = run_page(PAGE, lang="en")
    at.slider(key="x0").set_value(2.0).run()
    assert list(check_table(at).iloc[:, 2]) == [4.0, 5.0]  # (2xy, x²+1) at (2, 1)


def test_presentation_mode_draws_tables_as_large_text(run_page):
    at = run_page(PAGE, lang="en", present="1")
    assert at.table  # the check table is a static table that scales with the large type
    assert not at.dataframe


def test_switching_language_keeps_the_open_section(run_page):
    at = run_page(PAGE, lang="en", tab="descent", eta="1")
    at.radio(key="lang").set_value("es").run()
    assert at.query_params["tab"] in (["descent"], "descent")
    assert at.slider(key="steps").label.startswith("Número de pasos")
    # the section's own link values, in es
    assert any("f no tiene mínimo en esa dirección" in w.value for w in at.warning)
    assert "en el paso 6" in " ".join(w.value for w in at.warning)


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_slide_writing_delta_f_for_the_gradient_is_flagged(run_page, lang):
    at = run_page(PAGE, lang=lang)
    note = " ".join(c.value for c in at.caption)
    assert "«Δf»" in note or "“Δf”" in note
    assert "**∇f**" in note and "∂²f/∂x² + ∂²f/∂y²" in note and "Δf = 2y" in note
    assert ("laplaciano" if lang == "es" else "Laplacian") in note


def test_each_example_button_puts_its_formula_in_the_box(run_page):
    at = run_page(PAGE, lang="en")
    expected = {
        "ex_bowl": "x^2 + 5y^2",
        "ex_saddle": "x^2 - y^2",
        "ex_waves": "sin(x) cos(y)",
        "ex_rosenbrock": "(1 - x)^2 + 5(y - x^2)^2",
        "ex_lecture": "x^2 y + y",
    }
    for key, formula in expected.items():
        at.button(key=key).click().run()
        assert at.text_input(key="f").value == formula
        assert at.query_params["f"] in ([formula], formula)
    assert at.button(key="ex_rosenbrock").label == "Rosenbrock"
    assert list(check_table(at).iloc[:, 2]) == [2.0, 2.0]
