"""Spanish and English text for every page.

A text table maps a key to its two translations, ``(es, en)``. Pages never hold literal UI
strings: they ask a translator for a key, so a test can prove that every key exists in both
languages with the same ``{placeholders}``. This module is pure (no Streamlit).
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Mapping

LANGUAGES: tuple[str, ...] = ("es", "en")
LANGUAGE_NAMES: dict[str, str] = {"es": "Español", "en": "English"}

Table = Mapping[str, tuple[str, str]]


def language_from_locale(locale: str | None) -> str:
    """Pick the UI language from a browser locale such as ``"es-CO"`` or ``"en-US"``.

    Spanish for Spanish locales and when the browser says nothing (the lecture is in Spanish);
    English for every other locale.
    """
    if not locale:
        return "es"
    return "es" if locale.lower().startswith("es") else "en"


def translator(table: Table, lang: str) -> Callable[..., str]:
    """Return ``t(key, **fmt)`` giving the text of ``key`` in ``lang``, formatted with ``fmt``.

    A missing key raises ``KeyError`` (loudly, so page tests catch it).
    """
    index = LANGUAGES.index(lang)

    def t(key: str, **fmt: object) -> str:
        text = table[key][index]
        return text.format(**fmt) if fmt else text

    return t


def texts(table: Table, lang: str, prefix: str) -> dict[str, str]:
    """Every text whose key starts with ``prefix``, in ``lang``, keyed without the prefix: e.g.
    the legend names a figure builder takes (``texts(TEXT, "en", "fig.")``)."""
    index = LANGUAGES.index(lang)
    return {key.removeprefix(prefix): pair[index] for key, pair in table.items()
            if key.startswith(prefix)}  # fmt: skip


def placeholders(text: str) -> set[str]:
    """Names of the ``{placeholders}`` in a format string."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def problems(table: Table) -> list[str]:
    """Everything wrong with a table: a missing or empty translation, placeholders that differ."""
    found = []
    for key, pair in table.items():
        if not (isinstance(pair, tuple) and len(pair) == len(LANGUAGES)):
            found.append(f"{key}: needs exactly {len(LANGUAGES)} translations {LANGUAGES}")
            continue
        for lang, text in zip(LANGUAGES, pair, strict=True):
            if not isinstance(text, str) or not text.strip():
                found.append(f"{key}: missing text in '{lang}'")
        if all(isinstance(text, str) for text in pair):
            names = [placeholders(text) for text in pair]
            if any(n != names[0] for n in names):
                found.append(f"{key}: placeholders differ between languages {names}")
    return found


# Markdown (CommonMark + GFM, as Streamlit renders it) gives meaning to ASCII punctuation only.
_PUNCTUATION = frozenset(string.punctuation)
# Where GFM's autolink literals begin: before "://", after "www" before ".", and before "@".
_AUTOLINK = re.compile(r"(?=://)|(?i:(?<=www)(?=\.))|(?=@)")


def escaped(text: object, limit: int = 200) -> str:
    """User text (a file's column, a pasted label, a parser's message) to put inside a message
    as plain text: every ASCII punctuation mark is backslash-escaped, so no link, image, emphasis,
    formula or HTML can be made of it. A bare address (``https://…``, ``www.…``, ``a@b.c``)
    gets an invisible word joiner where GFM would start a link: Streamlit's Markdown finds those
    in the text after escapes are undone, so escaping alone leaves them clickable (seen in
    Chromium). Line breaks become spaces; text over ``limit`` characters is cut with "…"."""
    flat = " ".join(str(text).split())
    cut = flat if len(flat) <= limit else flat[:limit] + "…"
    cut = _AUTOLINK.sub("\u2060", cut)
    return "".join("\\" + char if char in _PUNCTUATION else char for char in cut)


def quoted(text: object, limit: int = 60) -> str:
    """User text (a link's value, a formula) as a Markdown code span that shows it as typed:
    fenced by more backticks than it holds in a row, so a backtick in it cannot end the span.
    Line breaks become "⏎"; text over ``limit`` characters is cut with "…"."""
    flat = str(text).replace("\r\n", "\n").replace("\n", "⏎")
    cut = flat if len(flat) <= limit else flat[:limit] + "…"
    runs = [len(run) for run in "".join(c if c == "`" else " " for c in cut).split()]
    fence = "`" * (max(runs, default=0) + 1)
    pad = " " if cut.startswith("`") or cut.endswith("`") or not cut.strip() else ""
    return f"{fence}{pad}{cut}{pad}{fence}"
