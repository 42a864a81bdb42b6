"""Every page (and the home page) runs in both languages with the shared sidebar."""

import ast
from pathlib import Path

import pytest

from dlviz import nav

ROOT = Path(__file__).resolve().parents[1]

SCRIPTS = ["app.py"] + [page.script for page in nav.pages()]


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize("lang", ["es", "en"])
def test_page_runs_with_sidebar(run_page, script, lang):
    at = run_page(script, lang=lang)
    assert at.radio(key="lang").value == lang
    assert at.toggle(key="present").value is False
    assert not at.error
    # The link holds the page's state; the share box shows the browser's own address (what it
    # holds is checked in Chromium: tests/browser/test_gradient_browser.py).
    assert at.query_params["lang"] in ([lang], lang)
    shares = [e for e in at.sidebar if getattr(e, "type", None) == "bidi_component"]
    assert [e.proto.component_name for e in shares] == ["dlviz.share_link"]


@pytest.mark.parametrize("script", SCRIPTS)
def test_language_follows_browser_locale(run_page, script):
    assert run_page(script, locale="en-US").radio(key="lang").value == "en"
    assert run_page(script, locale="es-CO").radio(key="lang").value == "es"


@pytest.mark.parametrize("script", SCRIPTS)
def test_tampered_language_and_presentation_fall_back_with_warning(run_page, script):
    at = run_page(script, lang="fr", present="maybe")
    assert at.radio(key="lang").value == "es"
    assert at.toggle(key="present").value is False
    warnings = " ".join(w.value for w in at.warning)
    assert "lang=fr" in warnings and "present=maybe" in warnings


@pytest.mark.parametrize("script", SCRIPTS)
def test_presentation_mode_is_kept_in_url(run_page, script):
    at = run_page(script, present="1")
    assert at.toggle(key="present").value is True
    assert at.query_params["present"] == ["1"] or at.query_params["present"] == "1"
    at.toggle(key="present").set_value(False).run()
    assert at.query_params["present"] in (["0"], "0")


def test_home_maps_sections_to_existing_pages(run_page):
    at = run_page("app.py", lang="en")
    text = " ".join(m.value for m in at.markdown)
    for page in nav.pages():
        assert page.script  # every listed page exists
    assert "Gradiente" in text
    assert "How to use it in class" in [h.value for h in at.header]


@pytest.mark.parametrize("script", SCRIPTS)
def test_pages_keep_no_cache_of_their_own(script):
    """Cached work lives in ``dlviz/views/<topic>.py``, decorated once at import: a function
    cached inside a page would be decorated again on every rerun (and see one run's globals)."""
    tree = ast.parse((ROOT / script).read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef):
            decorators = [ast.unparse(d) for d in node.decorator_list]
            assert not any("cache" in d for d in decorators), f"{script}: {node.name}"


def test_home_links_every_section_of_every_page(run_page):
    at = run_page("app.py", lang="en")
    links = {(link.proto.page, link.proto.query_string) for link in at.main.get("page_link")}
    for page in nav.pages():
        for key in page.sections("en"):
            assert (page.url_path, f"lang=en&tab={key}") in links


TAMPERED_WHOLE_NUMBERS = [  # issue #12, finding 3: each crashed its page with a traceback
    ("pages/1_Gradient.py", "descent", "steps", "--5", "20"),
    ("pages/2_Gradient_descent.py", "slide", "epochs", "²", "10"),
    ("pages/6_Autodiff.py", "graph", "step", "①", "0"),
    ("pages/3_Perceptron.py", "mlp", "seed", "+-1", "1"),
    ("pages/4_Logistic_regression.py", "sigmoid", "n", "+-30", "30"),
    ("pages/5_Softmax.py", "digits", "epochs", "①", "10"),
]


@pytest.mark.parametrize(("script", "tab", "key", "raw", "default"), TAMPERED_WHOLE_NUMBERS)
def test_a_tampered_whole_number_falls_back_with_a_warning(
    run_page, script, tab, key, raw, default
):
    at = run_page(script, lang="en", tab=tab, **{key: raw})  # run_page: no exception
    warnings = " ".join(w.proto.body for w in at.warning)
    assert f"{key}={raw}" in warnings and f"using the default `{default}`" in warnings
    assert at.query_params[key] in ([default], default)  # the link is mended too
