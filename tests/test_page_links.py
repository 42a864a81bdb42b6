"""The link describes what the page shows (issue #14): a value the page refuses never goes into
the link, a table's edits do, and every refusal is in the page's language."""

from __future__ import annotations

import re

import numpy as np
import pytest

GRADIENT = "pages/1_Gradient.py"
SGD = "pages/2_Gradient_descent.py"
SOFTMAX = "pages/5_Softmax.py"
AUTODIFF = "pages/6_Autodiff.py"


def link(at, key: str):
    value = at.query_params[key]
    return value[0] if isinstance(value, list) else value


@pytest.mark.parametrize("script", [GRADIENT, AUTODIFF])
def test_a_rejected_formula_leaves_the_link_on_the_formula_shown(run_page, script):
    at = run_page(script, lang="es")
    at.text_input(key="f").input("x*y + 1").run()
    assert link(at, "f") == "x*y + 1"
    at.text_input(key="f").input("x**").run()
    assert at.error, "the refusal is shown"
    assert link(at, "f") == "x*y + 1", "the link keeps the formula the page shows"
    at.text_input(key="f").input("sin(x)").run()  # a good one goes into the link again
    assert link(at, "f") == "sin(x)" and not at.error


def test_a_rejected_formula_in_a_link_is_replaced_by_the_default(run_page):
    at = run_page(GRADIENT, lang="en", f="x**")
    assert "missing operand after `**`" in at.error[0].value
    assert link(at, "f") == "x^2 y + y"


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("es", "x**", "falta un operando después de `**` (columna 2)"),
        ("en", "x**", "missing operand after `**` at column 2"),
        ("es", "x^", "falta un operando después de `^` (columna 2)"),
        ("es", "2 $ 3", "carácter inesperado `$` en la columna 3"),
        ("es", "foo(x)", "nombre desconocido `foo` en la columna 1"),
        ("es", "sin x", "la función `sin` de la columna 1 necesita paréntesis"),
        ("es", "(x + 1", "falta el ')' del '(' de la columna 1"),
        ("es", "x 2", "número inesperado `2` en la columna 3 (use * para multiplicar)"),
        ("es", "x\u200b", "carácter invisible U+200B en la columna 2"),
        ("es", "", "la fórmula está vacía"),
    ],
)
def test_parser_refusals_are_in_the_page_language_and_name_what_was_typed(
    run_page, lang, text, expected
):
    at = run_page(GRADIENT, lang=lang)
    at.text_input(key="f").input(text).run()
    message = at.error[0].value
    assert expected in message, message
    if lang == "es":
        assert not re.search(r"\b(missing|column|unexpected|unknown)\b", message)


def test_user_text_in_a_parser_refusal_is_shown_as_text(run_page):
    at = run_page(GRADIENT, lang="en")
    at.text_input(key="f").input("x <img src=a onerror=alert(1)>").run()
    message = at.error[0].value
    assert "`<`" in message and "<img" not in message.replace("`<`", "")


def test_pasted_data_the_page_refuses_stays_out_of_the_link(run_page):
    at = run_page(SGD, lang="es")
    good = "x,y\n1,2\n2,4\n3,7"
    at.text_area(key="data").input(good).run()
    assert link(at, "data") == good and not at.error
    at.text_area(key="data").input("x,y\n1,2").run()  # too few rows: refused
    assert at.error
    assert link(at, "data") == good


@pytest.mark.parametrize(
    ("lang", "query", "reason"),
    [
        ("es", {"eta": "10"}, "fuera de [1e-07, 1]"),
        ("es", {"epochs": "abc"}, "no es un número entero"),
        ("es", {"eta": "x"}, "no es un número"),
        ("es", {"tab": "nope"}, "no es uno de: slide, compare, sweep, timing"),
        ("en", {"eta": "x"}, "not a number"),
    ],
)
def test_tampered_link_reasons_are_in_the_page_language(run_page, lang, query, reason):
    at = run_page(SGD, lang=lang, **query)
    assert any(reason in w.value for w in at.warning), [w.value for w in at.warning]
    if lang == "es":
        assert not any("not a" in w.value or "outside" in w.value for w in at.warning)


def losses(at) -> np.ndarray:
    frame = next(df.value for df in at.dataframe if "L⁽ⁱ⁾" in df.value.columns)
    return frame["L⁽ⁱ⁾"].to_numpy(dtype=float)


EDIT = {
    "edited_rows": {0: {"a1": 0.5, "a2": 0.25, "a3": 0.25}},
    "added_rows": [],
    "deleted_rows": [],
}


def test_a_table_edit_goes_into_the_link_and_the_link_opens_on_it(run_page):
    at = run_page(SOFTMAX, lang="en")
    assert link(at, "table").startswith("1,0,0,0.3792")  # the slide's table, y then a
    at.session_state["ya"] = EDIT
    at.run()
    shared = link(at, "table")
    assert shared.startswith("1,0,0,0.5,0.25,0.25;")
    assert np.isclose(losses(at)[0], -np.log(0.5))
    opened = run_page(SOFTMAX, lang="en", table=shared)  # whoever opens the link
    assert np.isclose(losses(opened)[0], -np.log(0.5)) and not opened.warning


def test_a_refused_table_edit_stays_out_of_the_link(run_page):
    at = run_page(SOFTMAX, lang="en")
    at.session_state["ya"] = EDIT
    at.run()
    good = link(at, "table")
    at.session_state["ya"] = {"edited_rows": {0: {"a1": 0.9}}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert at.error and link(at, "table") == good


@pytest.mark.parametrize("table", ["1,0,0", "1,0,0,x,0.5,0.5", ";".join(["1,0,0,1,0,0"] * 21)])
def test_a_tampered_table_link_falls_back_with_a_warning(run_page, table):
    at = run_page(SOFTMAX, lang="es", table=table)
    assert any("table=" in w.value for w in at.warning)
    assert np.isclose(losses(at)[0], 0.969692, atol=1e-6)  # the slide's table
    assert not at.exception


def test_a_refused_logistic_csv_stays_out_of_the_link(run_page):
    at = run_page("pages/4_Logistic_regression.py", lang="es", source="csv")
    good = "x,y\n1,0\n2,0\n3,1\n4,1\n2.5,0\n3.5,1"
    at.text_area(key="csv_text").input(good).run()
    assert not at.error and link(at, "csv_text") == good
    at.text_area(key="csv_text").input("x,y\n1,0\n2,maybe").run()
    assert at.error and "maybe" in at.error[0].value
    assert link(at, "csv_text") == good
