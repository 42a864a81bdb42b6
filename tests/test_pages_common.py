"""Every page (and the home page) runs in both languages with the shared sidebar."""

import ast
import builtins
from pathlib import Path

import pytest

from dlviz import nav, ui

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


def _page_globals_read(function: ast.FunctionDef) -> set[str]:
    """Names a function reads that it does not bind itself (parameters, assignments, loops)."""
    loaded, bound = set(), set()
    for node in ast.walk(function):
        if isinstance(node, ast.Name):
            (loaded if isinstance(node.ctx, ast.Load) else bound).add(node.id)
        elif isinstance(node, ast.arg):
            bound.add(node.arg)
        elif isinstance(node, ast.FunctionDef | ast.Lambda) and node is not function:
            bound.add(getattr(node, "name", ""))
    return loaded - bound - set(dir(builtins))


@pytest.mark.parametrize("script", SCRIPTS)
def test_cached_functions_read_nothing_of_one_run(script):
    """``ui.cache_data``/``ui.cache_resource`` keep the first run's function with that run's
    globals, so a cached function (and each page function it calls) may read only imports,
    upper-case constants and page functions: never ``t``, ``page`` or translated names, which
    would stay in the first run's language."""
    tree = ast.parse((ROOT / script).read_text())
    imports, functions, constants = set(), {}, set()
    for node in tree.body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            imports |= {(alias.asname or alias.name).split(".")[0] for alias in node.names}
        elif isinstance(node, ast.FunctionDef):
            functions[node.name] = node
        elif isinstance(node, ast.Assign):
            constants |= {
                n.id for n in ast.walk(node) if isinstance(n, ast.Name) and n.id.isupper()
            }
    cached = [
        f for f in functions.values()
        if any("cache" in ast.unparse(d) for d in f.decorator_list)
    ]  # fmt: skip
    for function in cached:
        assert all(ast.unparse(d).startswith("ui.cache_") for d in function.decorator_list), (
            f"{script}: {function.name} should use ui.cache_data/ui.cache_resource"
        )
    seen, todo = set(), list(cached)
    while todo:
        function = todo.pop()
        seen.add(function.name)
        for name in _page_globals_read(function):
            assert name in imports | constants | set(functions), (
                f"{script}: cached {function.name} reads {name!r}, a value of one run"
            )
            if name in functions and name not in seen:
                todo.append(functions[name])


def test_kept_cache_wrapper_is_made_once_per_function():
    source = "def f(a):\n    return a + 1\n\ndef g(a):\n    return a + 2\n"
    first, again = ({}, {})
    exec(compile(source, "page.py", "exec"), first)  # what every rerun of a page does
    exec(compile(source, "page.py", "exec"), again)
    kept = ui.cache_data(max_entries=2)(first["f"])
    assert ui.cache_data(max_entries=2)(again["f"]) is kept
    assert ui.cache_data(max_entries=3)(again["f"]) is not kept
    assert ui.cache_data(max_entries=2)(again["g"]) is not kept
    assert ui.cache_resource(max_entries=2)(again["f"]) is not kept
    assert kept(1) == 2


def test_kept_cache_wrapper_names_positional_arguments():
    calls = []

    def f(a, b=2, **options):
        calls.append((a, b, options))
        return a + b

    kept = ui.cache_data()(f)
    assert kept(1) == 3 and kept(a=1) == 3 and len(calls) == 1  # one key, either call style
    assert kept(1, 5, c=0) == 6 and kept(a=1, b=5, c=0) == 6 and len(calls) == 2
    with pytest.raises(TypeError):
        kept(1, 2, 3)


def test_home_links_every_section_of_every_page(run_page):
    at = run_page("app.py", lang="en")
    links = {(link.proto.page, link.proto.query_string) for link in at.main.get("page_link")}
    for page in nav.pages():
        for key in page.sections("en"):
            assert (page.url_path, f"lang=en&tab={key}") in links
