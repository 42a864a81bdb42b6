"""What a class sees: ``python -m bench.audit`` opens every section of every page in Chromium,
as a projector shows it (1280×720, presentation mode, each language), and lists what a student
would trip over:

- **cut**: a formula, table or text wider than the box that holds it, with nothing to scroll it;
- **scrolls**: a formula wider than its column that the reader must scroll (allowed, not ideal);
- **truncated**: text cut with an ellipsis ("Rosen…");
- **small**: a control's text (input, button, slider value, tab, table cell) under ``--min-font``
  pixels in presentation mode;
- **english**: an English word (``GIVEAWAYS``) on a Spanish page, outside formulas and code;
- **missing**: a raw ``None``/``NaN`` cell; **negative_zero**: a "-0";
- **console**: the browser console's errors and every HTTP answer of 400 or more;
- **exception**: a traceback on the page.

``--pages Gradient,Softmax`` (URL paths), ``--sections point,digits``, ``--langs es``,
``--size 1400x900``, ``--normal`` (presentation mode off), ``--url`` (a running server instead of
a fresh one), ``--shots DIR`` (a full-page screenshot of each). The browser test
``tests/browser/test_class_view_browser.py`` asserts an empty audit for every section.
"""

from __future__ import annotations

import argparse
import contextlib
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

from bench.browser import free_port, names, started, wanted
from bench.chromium import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dlviz import nav  # noqa: E402
from dlviz.serve import worker_command  # noqa: E402

SCRIPT = (Path(__file__).with_name("audit.js")).read_text()
KINDS = ("cut", "scrolls", "truncated", "small", "english", "missing", "negative_zero")
# English words that give away an untranslated string on a Spanish page: common English words
# that are not Spanish words, and Streamlit's own English ("Drag and drop", "Browse files").
GIVEAWAYS = (
    "the", "and", "with", "from", "which", "this", "that", "not", "too", "of", "to", "is",
    "are", "at", "on", "or", "by", "it", "be", "than", "empty", "missing", "column",
    "outside", "number", "upload", "drag", "drop", "browse", "files?", "limit", "step", "steps",
    "epochs?", "weights?", "loss", "rate", "show", "hide", "click", "choose",
    "press", "diverged", "reached", "unknown", "expected", "unexpected", "operand", "large",
    "small", "whole", "none", "shuffle", "seed", "train", "test", "option", "per",
)  # fmt: skip
# Written lower-case or capitalised: "AND"/"OR" are the lecture's gate names, "for" a loop, and
# "batch" is the lecture's own word in Spanish, so they are not on the list.
# Streamlit's own page opened by its path first asks for /<Page>/_stcore/health and host-config
# (in case the app is served under that path), gets 404 and retries at the root: its issue #7074,
# not ours. The console's line for each is dropped with it.
STREAMLIT_PROBE = re.compile(r"/[^/]+/_stcore/(health|host-config)$")
SETTLED = """() => document.querySelector('[data-testid=stApp][data-test-script-state=notRunning]')
  && !document.querySelector('[data-stale=true]')
  && !document.querySelector('[data-testid=stMain] [data-testid=stSkeleton]')
  && [...document.querySelectorAll('[data-testid=stMain] .js-plotly-plot')]
       .every(p => p.querySelector('.main-svg') && p._fullLayout)"""


HOME = ""  # the home page's URL path


@dataclass
class Finding:
    """What one section showed in one language."""

    page: str
    section: str
    lang: str
    problems: dict[str, list[str]] = field(default_factory=dict)

    @property
    def count(self) -> int:
        return sum(len(v) for v in self.problems.values())


def address(base: str, page: str, section: str, lang: str, present: bool) -> str:
    query = {"lang": lang, "present": "1" if present else "0"} | (
        {"tab": section} if section else {}
    )
    return f"{base}/{page}?{urlencode(query)}"


def audit(page, url: str, lang: str, present: bool, min_font: float) -> dict[str, list[str]]:
    """Open ``url`` in ``page`` (a Playwright page), wait until it is drawn, open its expanders,
    and return its problems by kind (empty lists when there are none)."""
    console: list[str] = []

    def on_console(message) -> None:
        probe = "404" in message.text and STREAMLIT_PROBE.search(message.location.get("url", ""))
        if message.type == "error" and not probe:
            console.append(message.text[:120])

    def on_response(response) -> None:
        if response.status >= 400 and not STREAMLIT_PROBE.search(response.url):
            console.append(f"HTTP {response.status} {response.url.split('//', 1)[-1][:100]}")

    page.on("console", on_console)
    page.on("response", on_response)
    try:
        page.goto(url)
        page.wait_for_function(SETTLED, timeout=120_000)
        open_expanders(page)
        page.wait_for_timeout(300)  # let the last layout pass (fonts, KaTeX) settle
        found = page.evaluate(
            SCRIPT,
            {
                "giveaways": list(GIVEAWAYS) if lang == "es" else [],
                "minFont": min_font if present else 0,
            },
        )
        exceptions = page.locator("[data-testid=stException]").all_inner_texts()
    finally:
        page.remove_listener("console", on_console)
        page.remove_listener("response", on_response)
    found["console"] = console
    found["exception"] = [text[:200] for text in exceptions]
    return found


def open_expanders(page) -> None:
    """Open every closed expander of the main block (what it holds is checked too)."""
    closed = page.locator(
        "[data-testid=stMain] [data-testid=stExpander] details:not([open]) > summary"
    )
    for _ in range(closed.count()):
        closed.first.click()
    page.wait_for_function(SETTLED, timeout=120_000)


def sections(chosen_pages: Sequence[str] | None, chosen: Sequence[str] | None):
    """(url path, section key) of every section asked for, in lecture order, after the home
    page (``home``: path and key ``""``)."""
    if wanted("home", chosen_pages) and chosen is None:
        yield HOME, ""
    for info in nav.pages():
        if not wanted(info.url_path, chosen_pages):
            continue
        for key in info.sections("en"):
            if wanted(key, chosen):
                yield info.url_path, key


@contextlib.contextmanager
def server(url: str | None) -> Iterator[str]:
    if url:
        yield url.rstrip("/")
        return
    port = free_port()
    with started(worker_command(port), ROOT, port) as (base, _):
        yield base


def run(args: argparse.Namespace) -> list[Finding]:
    from playwright.sync_api import sync_playwright

    width, height = (int(v) for v in args.size.split("x"))
    findings = []
    with server(args.url) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for page_path, key in sections(names(args.pages), names(args.sections)):
            for lang in names(args.langs):
                context = browser.new_context(viewport={"width": width, "height": height})
                tab = context.new_page()
                url = address(base, page_path, key, lang, not args.normal)
                problems = audit(tab, url, lang, not args.normal, args.min_font)
                finding = Finding(page_path, key, lang, {k: v for k, v in problems.items() if v})
                findings.append(finding)
                print(f"{page_path}/{key}/{lang}: {finding.count}", file=sys.stderr)
                if args.shots:
                    shot(tab, Path(args.shots) / f"{page_path}_{key}_{lang}.png")
                context.close()
        browser.close()
    return findings


def shot(page, path: Path) -> None:
    """A screenshot of the whole page (Streamlit scrolls inside its main block)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    size = page.viewport_size
    height = page.evaluate("document.querySelector('[data-testid=stMain]').scrollHeight")
    page.set_viewport_size(
        {"width": size["width"], "height": min(max(height, size["height"]), 8000)}
    )
    page.wait_for_timeout(300)  # charts resize to the new window
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size(size)


def report(findings: Sequence[Finding]) -> str:
    kinds = (*KINDS, "console", "exception")
    lines = ["| page | section | lang | " + " | ".join(kinds) + " |"]
    lines.append("|" + "---|" * (3 + len(kinds)))
    for f in findings:
        counts = [str(len(f.problems.get(k, []))) or "0" for k in kinds]
        lines.append(
            f"| {f.page or 'home'} | {f.section} | {f.lang} | " + " | ".join(counts) + " |"
        )
    lines.append("")
    for f in findings:
        for kind, items in f.problems.items():
            for item in items:
                lines.append(f"- {f.page}/{f.section}/{f.lang} {kind}: {item}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", help="URL paths, e.g. Gradient,Softmax (default: all)")
    parser.add_argument("--sections", help="section keys, e.g. point,digits (default: all)")
    parser.add_argument("--langs", default="es,en")
    parser.add_argument("--size", default="1280x720", help="window, WIDTHxHEIGHT")
    parser.add_argument("--normal", action="store_true", help="presentation mode off")
    parser.add_argument("--min-font", type=float, default=18, help="px, presentation mode")
    parser.add_argument("--url", help="a running server (default: start a fresh one)")
    parser.add_argument("--shots", help="folder for a screenshot of each section")
    print(report(run(parser.parse_args(argv))))


if __name__ == "__main__":
    main()
