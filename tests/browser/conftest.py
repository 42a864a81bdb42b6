"""Browser tests: real Chromium (Debian's /usr/bin/chromium driven by Playwright) against a
``streamlit run app.py`` server started for the test session (``server``), or for one test alone
when it must be that server's first visitor (``fresh_server``).

Outside CI the tests skip when Chromium or Playwright is missing; with ``CI=true`` they fail
instead, so CI can never pass without having run them.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest
from browserkit import wait_idle

from bench.chromium import CHROMIUM, CHROMIUM_ARGS
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


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start():
    port = _free_port()
    log = tempfile.TemporaryFile()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
            "--server.fileWatcherType",
            "none",
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=log,  # a file, not a pipe: a pipe left unread fills up and stalls the server
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            time.sleep(0.3)  # polling the health endpoint until the server answers
    else:
        process.kill()
        log.seek(0)
        pytest.fail(f"streamlit did not start: {log.read().decode()[-2000:]}")
    return process, url


def _stop(process) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture(scope="session")
def server():
    """One server for the whole test session, started as the README starts it."""
    process, url = _start()
    yield url
    _stop(process)


@pytest.fixture
def fresh_server():
    """A server started for this test alone: the test is its first visitor (deep links)."""
    process, url = _start()
    yield url
    _stop(process)


@pytest.fixture
def open_page(browser):
    """``open_page(url, locale)`` → a Playwright page that has finished its first run."""
    contexts = []

    def _open(url: str, locale: str = "en-US"):
        context = browser.new_context(viewport={"width": 1500, "height": 1100}, locale=locale)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(60_000)
        page.goto(url)
        wait_idle(page)
        return page

    yield _open
    for context in contexts:
        context.close()
