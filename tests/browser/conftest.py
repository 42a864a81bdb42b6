"""Browser tests: real Chromium (Debian's /usr/bin/chromium driven by Playwright) against a
``streamlit run app.py`` server started for the test session (``server``), or for one test alone
when it must be that server's first visitor (``fresh_server``).

Outside CI the tests skip when Chromium or Playwright is missing; with ``CI=true`` they fail
instead, so CI can never pass without having run them.
"""

from __future__ import annotations

import shutil
from contextlib import contextmanager
from pathlib import Path

import pytest
from browserkit import wait_idle

from bench.browser import free_port, started
from bench.chromium import CHROMIUM, CHROMIUM_ARGS
from dlviz.serve import worker_command
from tests.support import unavailable

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        unavailable(f"Chromium not found at {CHROMIUM}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("the playwright package is not installed")
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@contextmanager
def _started():
    """The app started as the README starts it, on a free loopback port, as dlviz.serve starts
    a worker (the server settings come from .streamlit/config.toml)."""
    port = free_port()
    with started(worker_command(port), ROOT, port) as (url, _):
        yield url


@pytest.fixture(scope="session")
def server():
    """One server for the whole test session, started as the README starts it."""
    with _started() as url:
        yield url


@pytest.fixture
def fresh_server():
    """A server started for this test alone: the test is its first visitor (deep links)."""
    with _started() as url:
        yield url


@pytest.fixture
def open_page(browser):
    """``open_page(url, locale, size)`` → a Playwright page in a fresh browser context (a
    window of ``size``, 1500×1100 by default) that has finished its first run; ``url=None``:
    a blank page, for a caller that opens it its own way."""
    contexts = []

    def _open(url: str | None, locale: str = "en-US", size: tuple[int, int] = (1500, 1100)):
        width, height = size
        context = browser.new_context(viewport={"width": width, "height": height}, locale=locale)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(120_000)
        if url:
            page.goto(url)
            wait_idle(page)
        return page

    yield _open
    for context in contexts:
        context.close()
