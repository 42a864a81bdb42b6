"""Every UI string exists in Spanish and English, with the same placeholders."""

import ast
import re
from pathlib import Path

import pytest

from dlviz import i18n, nav
from dlviz.texts import all_tables, common

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("name", sorted(all_tables()))
def test_every_text_has_both_languages(name):
    assert i18n.problems(all_tables()[name]) == []


def test_problems_finds_missing_and_mismatched():
    table = {"a": ("hola", ""), "b": ("{n} pasos", "{k} steps"), "c": ("solo",)}
    found = i18n.problems(table)
    assert any("a: missing text in 'en'" in p for p in found)
    assert any(p.startswith("b: placeholders differ") for p in found)
    assert any(p.startswith("c: needs exactly 2") for p in found)


def test_translator_formats_and_fails_loudly():
    t = i18n.translator({"k": ("{n} pasos", "{n} steps")}, "en")
    assert t("k", n=3) == "3 steps"
    with pytest.raises(KeyError):
        t("missing")


@pytest.mark.parametrize(
    ("locale", "lang"),
    [
        ("es-CO", "es"),
        ("es", "es"),
        ("ES-es", "es"),
        ("en-US", "en"),
        ("fr-FR", "en"),
        (None, "es"),
        ("", "es"),
    ],
)
def test_language_from_locale(locale, lang):
    assert i18n.language_from_locale(locale) == lang


def _keys_used(source: str) -> set[str]:
    """Literal keys passed to t(...), page.t(...) and to controls' label argument."""
    keys = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            if name == "t" and isinstance(node.args[0].value, str):
                keys.add(node.args[0].value)
            if name in {"slider", "number", "select", "toggle", "text"} and len(node.args) >= 3:
                label = node.args[2]
                if isinstance(label, ast.Constant) and isinstance(label.value, str):
                    keys |= {label.value, label.value + ".help"}
    return keys


@pytest.mark.parametrize("script", ["app.py"] + [p.script for p in nav.pages()])
def test_every_key_a_page_uses_exists(script):
    """A page asks only for keys its table (or the common one) has, including rare branches."""
    source = (ROOT / script).read_text()
    imported = re.findall(r"from dlviz\.texts\.(\w+) import TEXT", source)
    known = set(common.TEXT).union(*(all_tables()[name] for name in imported))
    missing = _keys_used(source) - known
    assert not missing, f"{script} uses text keys missing from its table: {sorted(missing)}"
