"""Every UI string exists in Spanish and English, with the same placeholders."""

import ast
import re
import string
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

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


# -- user text inside a message is shown as typed (never a link, an image, a formula) ------------
JOINER = "\u2060"  # the invisible word joiner that keeps GFM from making a link of an address
HOSTILE = (
    "[Session expired: log in again](https://evil.example/login)",
    "![](http://127.0.0.1:9/probe.png)",
    "`[Click here](https://evil.example)`",
    "1 [Login](//evil.io) 2",
    "<img src=x onerror=alert(1)> $x^2$ **bold** www.evil.io mail@evil.io",
)


def _unescape(text: str) -> str:
    out, escape = [], False
    for char in text:
        if escape or char != "\\":
            assert escape or char not in string.punctuation, (char, text)  # bare punctuation
            out.append(char)
            escape = False
        else:
            escape = True
    assert not escape
    return "".join(out)


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_has_no_markdown_left(text):
    assert _unescape(i18n.escaped(text)).replace(JOINER, "") == text
    assert "](" not in i18n.escaped(text)
    # where GFM would start a link of its own (mdast-util-gfm-autolink-literal's patterns)
    assert not re.search(r"(?i)https?://|www\.|[-.+\w]@", _unescape(i18n.escaped(text)))


@given(st.text(max_size=300))
def test_escaped_keeps_every_character_and_escapes_all_punctuation(text):
    flat = " ".join(text.split())
    shown = _unescape(i18n.escaped(text, limit=1000))
    assert shown.replace(JOINER, "") == flat.replace(JOINER, "")


def _span(code: str) -> str:
    """What CommonMark shows for ``code``, asserting that it is one whole code span: it ends at
    the first run of backticks as long as its opening one."""
    fence = len(code) - len(code.lstrip("`"))
    inner = code[fence:-fence]
    assert fence and code == "`" * fence + inner + "`" * fence
    runs = [len(run) for run in "".join(c if c == "`" else " " for c in inner).split()]
    assert fence not in runs
    both = inner.startswith(" ") and inner.endswith(" ") and inner.strip()
    return inner[1:-1] if both else inner


@pytest.mark.parametrize("text", HOSTILE)
def test_quoted_is_one_code_span_showing_the_text(text):
    assert _span(i18n.quoted(text, limit=100)) == text


@given(st.text(max_size=120))
def test_quoted_text_cannot_end_its_code_span_early(text):
    shown = _span(i18n.quoted(text, limit=1000))
    assert shown.strip() == text.replace("\r\n", "\n").replace("\n", "⏎").strip()


def test_long_user_text_is_cut():
    assert i18n.quoted("x" * 500).endswith("…`") and len(i18n.quoted("x" * 500)) < 70
    assert len(i18n.escaped("y" * 5000)) < 210


# The lecture's own Spanish terms (issue #14): one word for one idea on every page.
NOT_THE_LECTURES = {
    r"\bdescenso de(l)? gradiente\b": "gradiente descendente",
    r"\b(mini-)?lotes?\b": "batch / mini-batch",
}


@pytest.mark.parametrize("name", sorted(all_tables()))
def test_spanish_texts_use_the_lecture_terms(name):
    for key, (spanish, _) in all_tables()[name].items():
        for wrong, right in NOT_THE_LECTURES.items():
            assert not re.search(wrong, spanish, re.IGNORECASE), f"{name}:{key}: say {right}"
