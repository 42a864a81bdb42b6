"""AppTest of the Autodiff page: defaults, stepping, buttons, bad input, tampered URL, languages."""

import pytest

PAGE = "pages/6_Autodiff.py"


def markdown(at) -> str:
    return "\n".join(m.value for m in at.markdown)


def latex(at) -> str:
    return "\n".join(element.value for element in at.latex)


def graphs(at) -> list[str]:
    return [chart.proto.spec for chart in at.get("graphviz_chart")]


def step_text(at) -> str:
    return next(m.value for m in at.markdown if m.value.startswith(("**Step", "**Paso")))


def test_defaults_show_the_lecture_example(run_page):
    at = run_page(PAGE, lang="en")
    assert at.text_input(key="f").value == "x^2 y + y"
    assert (at.slider(key="x0").value, at.slider(key="y0").value) == (1.0, 1.0)
    assert step_text(at).startswith("**Step 0 of 11**")
    main, softmax = graphs(at)
    assert main.count("= ?") == 5 and "x^2·y + y" in main
    assert "w₁,₂" in softmax and "a₂" in softmax
    text = markdown(at)
    assert "∇f = (2, 2); **reverse mode**, 1 forward + 1 backward pass → ∇f = (2, 2)" in text
    assert "| **▶" not in text  # no backward step yet: no rule marked
    assert r"f(1 + 1\varepsilon,\; 1 + 0\varepsilon) = 2 + 2\,\varepsilon" in latex(at)
    assert "Sum of the paths = -1.244918662; `w₁,₂.grad` of the graph = -1.244918662" in text
    assert len(at.get("plotly_chart")) == 2  # timing, gradient check
    assert not at.error
    twice = at.dataframe[-1].value
    assert list(twice.iloc[:, 3]) == [2.0, 4.0, 6.0, 2.0]  # accumulate=True doubles, then zeroed


def test_stepping_forward_and_backward_with_the_buttons(run_page):
    at = run_page(PAGE, lang="en")
    assert at.button(key="btn_reset").disabled and at.button(key="btn_back").disabled
    for _ in range(3):
        at.button(key="btn_next").click().run()
    assert step_text(at) == "**Step 3 of 11 — forward**: `v1 = x^2` = **1**."
    assert at.query_params["step"] in (["3"], "3")
    assert list(at.dataframe[0].value.iloc[:, 0]) == ["x", "2", "v1"]
    at.button(key="btn_all").click().run()
    assert step_text(at).startswith("**Step 11 of 11 — done**: f = 2, **∂f/∂x = 2**, **∂f/∂y = 2**")
    assert at.button(key="btn_next").disabled
    done = graphs(at)[0]
    assert "∂f/∂x = 2" in done and "= ?" not in done
    at.button(key="btn_back").click().run()
    at.button(key="btn_back").click().run()
    assert step_text(at).startswith("**Step 9 of 11 — backward**: the adjoint of `y` is complete")
    at.button(key="btn_back").click().run()
    assert "`v2`" in step_text(at) and "v1: 1 × 1 = 1; y: 1 × 1 = 1" in step_text(at)
    assert "| **▶ Product** |" in markdown(at)  # the rule of the current node is marked
    assert len(at.dataframe[1].value) == 4  # the backward table has grown to four edges
    at.button(key="btn_reset").click().run()
    assert step_text(at).startswith("**Step 0 of 11**")


def test_step_in_the_url_and_a_step_beyond_the_end(run_page):
    at = run_page(PAGE, lang="en", step="7")
    assert step_text(at).startswith("**Step 7 of 11 — backward**")
    assert "| **▶ Sum** |" in markdown(at)
    at = run_page(PAGE, lang="en", step="50")
    assert "Step 50 of the link does not exist" in at.warning[0].value
    assert step_text(at).startswith("**Step 11 of 11 — done**")


def test_a_new_formula_restarts_the_step_through(run_page):
    at = run_page(PAGE, lang="en", step="11")
    at.text_input(key="f").input("sin(x) + sin(x)^2").run()
    assert step_text(at).startswith("**Step 0 of 9**")
    at.button(key="ex_quotient").click().run()
    assert at.text_input(key="f").value == "x / (x + y)"
    at.button(key="btn_all").click().run()
    assert "∂f/∂x = 0.25" in step_text(at) and "∂f/∂y = -0.25" in step_text(at)


def test_bad_formula_keeps_the_last_good_one(run_page):
    at = run_page(PAGE, lang="en")
    at.text_input(key="f").input("x^2 + ").run()
    assert not at.exception
    assert "x^2 y + y" in at.error[0].value and "column" in at.error[0].value
    assert step_text(at).startswith("**Step 0 of 11**")
    assert "∇f = (2, 2)" in markdown(at)


@pytest.mark.parametrize("bad", ["z + 1", "__import__('os')", "(" * 500, "sin x", "x $ y"])
def test_hostile_formulas_in_url(run_page, bad):
    at = run_page(PAGE, lang="en", f=bad)
    assert at.error or at.warning


def test_tampered_url_falls_back_with_warnings(run_page):
    at = run_page(PAGE, lang="en", step="abc", x0="1e9", n="7", var="z", y1="2", calls="0")
    assert step_text(at).startswith("**Step 0 of 11**")
    assert at.slider(key="x0").value == 1.0 and at.select_slider(key="n").value == 50.0
    warnings = " ".join(w.value for w in at.warning)
    for name in ("step=abc", "x0=1e9", "n=7", "var=z", "y1=2", "calls=0"):
        assert name in warnings


def test_undefined_point_is_explained(run_page):
    at = run_page(PAGE, lang="en", f="log(x) + y", x0="-1", step="99")
    assert any("not defined" in w.value for w in at.warning)
    assert not at.exception


def test_gradient_check_and_softmax_controls(run_page):
    at = run_page(PAGE, lang="en", f="exp(x) sin(y)")
    assert not any("no truncation" in i.value for i in at.info)  # exp(x) has a real V
    at.slider(key="y1").set_value(0.7).run()
    assert "one of the two paths contributes 0" not in " ".join(i.value for i in at.info)
    assert "Sum of the paths = -0.6449186624" in markdown(at)
    at.radio(key="var").set_value("y").run()
    assert "Autodiff: ∂f/∂y = " in markdown(at)


@pytest.mark.parametrize(("lang", "title"), [("es", "Autodiferenciación"),
                                             ("en", "Automatic differentiation")])  # fmt: skip
def test_both_languages(run_page, lang, title):
    at = run_page(PAGE, lang=lang)
    assert at.title[0].value == title
    assert at.button(key="btn_next").label == ("Siguiente ▶" if lang == "es" else "Next ▶")
    assert step_text(at).startswith("**Paso 0 de 11**" if lang == "es" else "**Step 0 of 11**")
