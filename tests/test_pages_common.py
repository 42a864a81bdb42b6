"""Every page (and the home page) runs in both languages with the shared sidebar."""

import pytest

from dlviz import nav

SCRIPTS = ["app.py"] + [page.script for page in nav.pages()]


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize("lang", ["es", "en"])
def test_page_runs_with_sidebar(run_page, script, lang):
    at = run_page(script, lang=lang)
    assert at.radio(key="lang").value == lang
    assert at.toggle(key="present").value is False
    assert not at.error
    # The share box holds a link with the page's state.
    assert any("lang=" + lang in code.value for code in at.sidebar.code)


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
