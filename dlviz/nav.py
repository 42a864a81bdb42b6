"""The page <-> lecture map: which page covers which section of lecture 03.

Only pages whose script exists are listed (so the home page and the sidebar never link to a page
that is not built yet). Titles are text keys in ``dlviz.texts.common``. Pure: no Streamlit.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path

from dlviz import i18n

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class PageInfo:
    """One page: its script under ``pages/``, its URL path, and its text keys."""

    script: str  # relative to the repository root
    title_key: str
    section_key: str
    example_key: str

    @property
    def url_path(self) -> str:
        """The path Streamlit serves the page at: the file name without its number prefix."""
        stem = Path(self.script).stem
        return stem.split("_", 1)[1] if stem[0].isdigit() else stem

    def exists(self) -> bool:
        return (ROOT / self.script).is_file()

    def sections(self, lang: str) -> dict[str, str]:
        """The page's sections, ``?tab=<key>`` → translated label, in the page's order (the
        ``tab.<key>`` texts of ``dlviz/texts/<topic>.py``)."""
        topic = self.title_key.removeprefix("page.")
        table = importlib.import_module(f"dlviz.texts.{topic}").TEXT
        return i18n.texts(table, lang, "tab.")


ALL_PAGES: tuple[PageInfo, ...] = (
    PageInfo("pages/1_Gradient.py", "page.gradient", "section.gradient", "example.gradient"),
    PageInfo("pages/2_Gradient_descent.py", "page.sgd", "section.sgd", "example.sgd"),
    PageInfo(
        "pages/3_Perceptron.py", "page.perceptron", "section.perceptron", "example.perceptron"
    ),
    PageInfo(
        "pages/4_Logistic_regression.py", "page.logistic", "section.logistic", "example.logistic"
    ),
    PageInfo("pages/5_Softmax.py", "page.softmax", "section.softmax", "example.softmax"),
    PageInfo("pages/6_Autodiff.py", "page.autodiff", "section.autodiff", "example.autodiff"),
    PageInfo(
        "pages/7_Playground.py", "page.playground", "section.playground", "example.playground"
    ),
)


def pages() -> list[PageInfo]:
    """The pages that exist, in lecture order."""
    return [page for page in ALL_PAGES if page.exists()]
