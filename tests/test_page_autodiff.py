"""AppTest of the Autodiff page: defaults, stepping, buttons, bad input, tampered URL, languages,
one section (tab) at a time."""

import re

import pytest

from dlviz import nav

PAGE = "pages/6_Autodiff.py"
SECTIONS = ("graph", "rules", "modes", "check", "softmax", "twice")


def markdown(at) -> str:
    return "\n".join(m.value for m in at.markdown if "<svg" not in m.value)


def latex(at) -> str:
    return "\n".join(element.value for element in at.latex)


def graphs(at) -> list[str]:
    """The SVG drawings of computational graphs on the page."""
    return [m.value for m in at.markdown if "<svg" in m.value]


def step_text(at) -> str:
    return next(m.value for m in at.markdown if m.value.startswith(("**Step", "**Paso")))


def test_defaults_show_the_lecture_example(run_page):
    at = run_page(PAGE, lang="en")
    assert at.text_input(key="f").value == "x^2 y + y"
    assert (at.slider(key="x0").value, at.slider(key="y0").value) == (1.0, 1.0)
    assert step_text(at).startswith("**Step 0 of 11**")
    (main,) = graphs(at)
    assert main.count("= ?") == 5 and "x^2·y + y" in main
    assert "| **▶" not in markdown(at)  # no backward step yet: no rule named
    assert not at.get("plotly_chart") and not at.error  # only the open section is drawn


def test_the_other_sections_show_the_lecture_numbers(run_page):
    at = run_page(PAGE, lang="en", tab="modes")
    text = markdown(at)
    assert "∇f = (2, 2); **reverse mode**, 1 forward + 1 backward pass → ∇f = (2, 2)" in text
    assert r"f(1 + 1\varepsilon,\; 1 + 0\varepsilon) = 2 + 2\,\varepsilon" in latex(at)
    assert len(at.get("plotly_chart")) == 1  # the timing
    at = run_page(PAGE, lang="en", tab="softmax")
    (softmax,) = graphs(at)
    assert "w₁,₂" in softmax and "a₂" in softmax
    assert "Sum of the paths = -1.244918662; `w₁,₂.grad` of the graph = -1.244918662" in (
        markdown(at)
    )
    at = run_page(PAGE, lang="en", tab="check")
    assert len(at.get("plotly_chart")) == 1  # the gradient check
    at = run_page(PAGE, lang="en", tab="rules")
    assert "| **▶" not in markdown(at)  # step 0: no rule marked
    at = run_page(PAGE, lang="en", tab="twice")
    assert not at.error
    twice = at.dataframe[-1].value
    assert list(twice.iloc[:, 3]) == [2.0, 4.0, 6.0, 2.0]  # accumulate=True doubles, then zeroed


def test_stepping_forward_and_backward_with_the_buttons(run_page):
    at = run_page(PAGE, lang="en")
    assert at.button(key="step_first").disabled and at.button(key="step_back").disabled
    for _ in range(3):
        at.button(key="step_next").click().run()
    assert step_text(at) == "**Step 3 of 11 — forward**: `v1 = x^2` = **1**."
    assert at.query_params["step"] in (["3"], "3")
    assert list(at.dataframe[0].value.iloc[:, 0]) == ["x", "2", "v1"]
    at.button(key="step_last").click().run()
    assert step_text(at).startswith("**Step 11 of 11 — done**: f = 2, **∂f/∂x = 2**, **∂f/∂y = 2**")
    assert at.button(key="step_next").disabled
    done = graphs(at)[0]
    assert "∂f/∂x = 2" in done and "= ?" not in done
    at.button(key="step_back").click().run()
    at.button(key="step_back").click().run()
    assert step_text(at).startswith("**Step 9 of 11 — backward**: the adjoint of `y` is complete")
    at.button(key="step_back").click().run()
    assert "`v2`" in step_text(at) and "v1: 1 × 1 = 1; y: 1 × 1 = 1" in step_text(at)
    assert any("rule of this step: **Product**" in c.value for c in at.caption)
    assert len(at.dataframe[1].value) == 4  # the backward table has grown to four edges
    assert at.query_params["step"] in (["8"], "8")
    at.button(key="step_first").click().run()
    assert step_text(at).startswith("**Step 0 of 11**")


def test_the_drawing_stays_put_while_stepping(run_page):
    at = run_page(PAGE, lang="en", step="5")
    before = graphs(at)[0]
    at.button(key="step_next").click().run()
    after = graphs(at)[0]
    assert before != after  # the values and the current node changed …
    boxes = 'rect x="'
    assert [p.split('"')[1] for p in before.split(boxes)[1:]][:6] == [
        p.split('"')[1] for p in after.split(boxes)[1:]
    ][:6]  # … the boxes did not move
    assert 'rx="6" fill="#ffb74d"' in after  # the current node is highlighted


def test_step_in_the_url_and_a_step_beyond_the_end(run_page):
    at = run_page(PAGE, lang="en", step="7")
    assert step_text(at).startswith("**Step 7 of 11 — backward**")
    assert any("**Sum**" in c.value for c in at.caption)
    at = run_page(PAGE, lang="en", step="50")
    assert "The link asked for step 50, but there are only 11" in at.warning[0].value
    assert step_text(at).startswith("**Step 11 of 11 — done**")


def test_the_rules_section_marks_the_rule_of_the_linked_step(run_page):
    at = run_page(PAGE, lang="en", tab="rules", step="7")
    assert "| **▶ Sum** |" in markdown(at)
    at = run_page(PAGE, lang="en", tab="rules", step="8")
    assert "| **▶ Product** |" in markdown(at)
    assert any("def backward" in c.value for c in at.code)  # the engine's own code
    at = run_page(PAGE, lang="en", tab="rules", step="50")  # past the end: the last step,
    assert "| Product |" in markdown(at) and "| **▶" not in markdown(at)  # at a leaf


def test_a_new_formula_restarts_the_step_through(run_page):
    at = run_page(PAGE, lang="en", step="11")
    at.text_input(key="f").input("sin(x) + sin(x)^2").run()
    assert step_text(at).startswith("**Step 0 of 9**")
    assert at.query_params["step"] in (["0"], "0")
    at.button(key="ex_quotient").click().run()
    assert at.text_input(key="f").value == "x / (x + y)"
    at.button(key="step_last").click().run()
    assert "∂f/∂x = 0.25" in step_text(at) and "∂f/∂y = -0.25" in step_text(at)


def test_bad_formula_keeps_the_last_good_one(run_page):
    at = run_page(PAGE, lang="en")
    at.text_input(key="f").input("x^2 + ").run()
    assert not at.exception
    assert "x^2 y + y" in at.error[0].value and "column" in at.error[0].value
    assert step_text(at).startswith("**Step 0 of 11**")
    at = run_page(PAGE, lang="en", tab="modes")
    at.text_input(key="f").input("x^2 + ").run()
    assert "x^2 y + y" in at.error[0].value
    assert "∇f = (2, 2)" in markdown(at)


@pytest.mark.parametrize("bad", ["z + 1", "__import__('os')", "(" * 500, "sin x", "x $ y"])
def test_hostile_formulas_in_url(run_page, bad):
    at = run_page(PAGE, lang="en", f=bad)
    assert at.error or at.warning


def test_tampered_url_falls_back_with_warnings(run_page):
    at = run_page(PAGE, lang="en", step="abc", x0="1e9")
    assert step_text(at).startswith("**Step 0 of 11**")
    assert at.slider(key="x0").value == 1.0
    at2 = run_page(PAGE, lang="en", tab="modes", n="7")
    at3 = run_page(PAGE, lang="en", tab="check", var="z")
    at4 = run_page(PAGE, lang="en", tab="softmax", y1="2")
    at5 = run_page(PAGE, lang="en", tab="twice", calls="0")
    assert at2.select_slider(key="n").value == 50.0
    warnings = " ".join(w.value for a in (at, at2, at3, at4, at5) for w in a.warning)
    for name in ("step=abc", "x0=1e9", "n=7", "var=z", "y1=2", "calls=0"):
        assert name in warnings


def test_undefined_point_is_explained(run_page):
    at = run_page(PAGE, lang="en", f="log(x) + y", x0="-1", step="99")
    assert any("not defined" in w.value for w in at.warning)
    assert not at.exception
    at = run_page(PAGE, lang="en", f="log(x) + y", x0="-1", tab="check")
    assert any("not defined" in w.value for w in at.warning)


def test_gradient_check_controls(run_page):
    at = run_page(PAGE, lang="en", f="exp(x) sin(y)", tab="check")
    assert not any("no truncation" in i.value for i in at.info)  # exp(x) has a real V
    at.radio(key="var").set_value("y").run()
    assert "Autodiff: ∂f/∂y = " in markdown(at)
    at = run_page(PAGE, lang="en", tab="check")
    assert any("no truncation" in i.value for i in at.info)  # x²y + y is quadratic in x


def test_softmax_controls(run_page):
    at = run_page(PAGE, lang="en", f="exp(x) sin(y)", tab="softmax")
    assert "one of the two paths contributes 0" in " ".join(i.value for i in at.info)
    before = graphs(at)[0]
    at.slider(key="y1").set_value(0.7).run()
    assert "one of the two paths contributes 0" not in " ".join(i.value for i in at.info)
    assert "Sum of the paths = -0.6449186624" in markdown(at)
    assert graphs(at)[0] != before


def test_timing_is_measured_on_request_and_kept(run_page):
    at = run_page(PAGE, lang="en", tab="modes")
    assert "**n = 50** inputs" in markdown(at)
    at.select_slider(key="n").set_value(20.0).run()  # below what was measured: at once
    assert "**n = 20** inputs" in markdown(at) and not at.info
    at.select_slider(key="n").set_value(100.0).run()  # more: asks for a measurement
    assert "Press **Measure**" in at.info[0].value and "**n = 50** inputs" in markdown(at)
    at.number_input(key="seed").set_value(3).run()
    assert "seed 3" in at.info[0].value
    at.button(key="measure").click().run()
    assert not at.info and "**n = 100** inputs" in markdown(at)
    assert at.query_params["n"] in (["100"], "100") and at.query_params["seed"] in (["3"], "3")
    at = run_page(PAGE, lang="en", tab="modes", n="20", seed="5")  # a link is measured as sent
    assert not at.info and "**n = 20** inputs" in markdown(at)


@pytest.mark.parametrize("lang", ["es", "en"])
@pytest.mark.parametrize("tab", SECTIONS)
def test_every_section_opens_by_its_link(run_page, lang, tab):
    at = run_page(PAGE, lang=lang, tab=tab)
    assert at.query_params["tab"] in ([tab], tab)
    assert not at.error and not at.warning
    labels = {"es": "Grafo paso a paso", "en": "The graph, step by step"}
    assert labels[lang] in [t.label for t in at.tabs]


def test_the_home_page_links_the_sections_in_the_page_order():
    (info,) = [p for p in nav.pages() if p.script == PAGE]
    assert tuple(info.sections("en")) == SECTIONS


def test_a_bogus_tab_falls_back_to_the_graph(run_page):
    at = run_page(PAGE, lang="en", tab="nope")
    assert "tab=nope" in at.warning[0].value
    assert step_text(at).startswith("**Step 0 of 11**")
    assert at.query_params["tab"] in (["graph"], "graph")


@pytest.mark.parametrize(
    ("lang", "title"), [("es", "Autodiferenciación"), ("en", "Automatic differentiation")]
)
def test_both_languages(run_page, lang, title):
    at = run_page(PAGE, lang=lang)
    assert at.title[0].value == title
    assert at.button(key="step_next").label == ("Siguiente" if lang == "es" else "Next")
    assert step_text(at).startswith("**Paso 0 de 11**" if lang == "es" else "**Step 0 of 11**")


def test_a_zero_derivative_is_shown_as_0_not_minus_0(run_page):
    # f = −x²: ∂f/∂y is −0.0 in IEEE arithmetic; the page writes 0, in the text and the graph.
    at = run_page(PAGE, lang="en", tab="modes", f="-x^2", x0="1", y0="1")
    text = " ".join(m.value for m in at.markdown)
    assert "∇f = (-2, 0)" in text and "-0" not in text.replace("-0.", "")


def test_graph_numbers_never_read_minus_0():
    from dlviz import graph_svg

    assert graph_svg.number(-0.0) == "0" and graph_svg.number(-2.5) == "-2.5"


# -- issue 14: what the class sees ----------------------------------------------------------
def test_the_example_buttons_have_a_row_of_their_own(run_page):
    """Issue 14: in four narrow columns beside the formula box the buttons read "lección: x…"
    and "subexpre…" at 1280×720. Now they sit in a row of their own, as wide as their labels,
    and still load their formula and restart the step-through."""
    at = run_page(PAGE, lang="es", present="1")
    assert not any(b.key.startswith("ex_") for column in at.columns for b in column.button)
    labels = [b.label for b in at.button if b.key.startswith("ex_")]
    assert labels == ["lección: x²y + y", "subexpresión compartida", "cociente", "recíproco"]
    at.button(key="ex_shared").click().run()
    assert at.text_input(key="f").value == "sin(x y) + x y"
    assert step_text(at).startswith("**Paso 0 de")


def test_backward_twice_has_a_number_in_every_cell(run_page):
    """Issue 14: the "zero_grad(); backward()" row showed nan/None under dlviz's rule."""
    at = run_page(PAGE, lang="es", tab="twice")
    table = at.dataframe[-1].value
    assert not table.isna().any().any()
    assert list(table.iloc[-1, 1:]) == [2.0, 2.0, 2.0, 2.0]  # ∇f = (2, 2) under both rules
    assert "lote" not in markdown(at)  # the lecture's word: batch


def test_empty_pass_tables_are_a_sentence(run_page):
    """Issue 14: at step 0 both tables read Streamlit's English "empty"; during the forward
    pass the backward one did."""
    at = run_page(PAGE, lang="es")
    assert not at.dataframe and not at.table
    captions = " ".join(c.value for c in at.caption)
    assert "Ningún nodo evaluado aún" in captions and "empieza cuando termina" in captions
    at = run_page(PAGE, lang="es", step="3")
    assert len(at.dataframe) == 1 and "empieza cuando termina" in " ".join(
        c.value for c in at.caption
    )
    assert len(run_page(PAGE, lang="es", step="8").dataframe) == 2


def test_the_softmax_graph_is_drawn_in_large_type_on_a_projector(run_page):
    """Issue 14: the node text of the softmax graph was too small to read at 1280×720: 20 px
    type in a 1250 px drawing shrunk to the page. Now 22 px, each adjoint on two lines, in a
    drawing narrow enough not to shrink."""
    at = run_page(PAGE, lang="es", tab="softmax", present="1")
    (svg,) = graphs(at)
    assert 'font-size="22"' in svg and ">∂L/∂w₁,₂x₂<" in svg
    width = float(re.search(r'viewBox="0 0 ([\d.]+)', svg).group(1))
    assert width < 1000  # the page's column at 1280×720 in presentation mode is 1080 px
    assert "(-0)" not in latex(at)  # −y₂/a₂ with y₂ = 0 reads 0


def test_a_wide_graph_writes_adjoints_on_two_lines_to_keep_its_type_size(run_page):
    """The shared sub-expression example at 20 px was 1180 px wide (shrunk in a 1080 px page);
    with each adjoint and local derivative on two lines it fits. The lecture's graph, narrow
    enough, keeps its one-line adjoints."""
    at = run_page(PAGE, lang="es", present="1", f="sin(x y) + x y", step="99")
    (svg,) = graphs(at)
    assert float(re.search(r'viewBox="0 0 ([\d.]+)', svg).group(1)) <= 1080
    assert ">∂f/∂v1<" in svg and ">= 1<" in svg
    at = run_page(PAGE, lang="es", present="1", step="99")
    assert ">∂f/∂x = 2<" in graphs(at)[0]
