"""Helpers shared by the browser tests (waiting for reruns, checking for errors, screenshots)."""

from __future__ import annotations

import base64
import os
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Screenshots go outside the repository: a test run never rewrites tracked files. Refresh the
# README's pictures on purpose with DLVIZ_SCREENSHOTS=docs/screenshots.
SHOTS = Path(os.environ.get("DLVIZ_SCREENSHOTS") or Path(tempfile.gettempdir()) / "dlviz-shots")
IDLE = "[data-testid=stApp][data-test-script-state=notRunning]"
FORMULAS = "[data-testid=stMain] .katex-mathml annotation"  # the TeX source of each st.latex
# The run is over, nothing on the page is left from the previous run (Streamlit marks such
# elements stale until the new run replaces or removes them) and no element is still loading its
# code (a skeleton: KaTeX, for one, arrives with the first formula a page shows).
SETTLED = """() => document.querySelector('[data-testid=stApp][data-test-script-state=notRunning]')
  && !document.querySelector('[data-stale=true]')
  && !document.querySelector('[data-testid=stMain] [data-testid=stSkeleton]')"""


def wait_idle(page) -> None:
    """Wait until the script run is over and the page shows only what that run sent."""
    page.wait_for_selector(IDLE, state="attached")
    page.wait_for_function(SETTLED)


def open_tab(page, label: str) -> None:
    """Click a section's tab and wait for its run (only the open section runs)."""
    page.get_by_role("tab", name=label).click()
    # The click selects the tab at once; its panel starts empty (a closed section never ran) and
    # fills when the rerun it asked for has sent the section.
    page.wait_for_function(
        """(label) => {
            const tab = [...document.querySelectorAll('[role=tab][aria-selected=true]')]
                .find(t => t.innerText.trim() === label);
            const panel = tab && document.getElementById(tab.getAttribute('aria-controls'));
            return panel && panel.querySelector('[data-testid=stElementContainer]');
        }""",
        arg=label,
    )
    wait_idle(page)


def wait_changed(page, selector: str, before: str, timeout_s: float = 30) -> str:
    """Wait until the rerun is over and the text of ``selector`` differs from ``before``."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        page.wait_for_selector(IDLE, state="attached")
        now = page.locator(selector).first.text_content()
        if now != before:
            return now
        page.wait_for_timeout(100)  # polling the condition
    raise AssertionError(f"{selector} did not change from {before!r}")


def assert_no_error(page) -> None:
    """No traceback and no red error box on the page."""
    assert page.locator("[data-testid=stException]").count() == 0, page.locator(
        "[data-testid=stException]"
    ).first.inner_text()
    errors = page.locator("[data-testid=stAlertContentError]")
    assert errors.count() == 0, errors.first.inner_text()


def screenshot(page, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    # Streamlit scrolls inside its main block, so grow the window to the content's height.
    size = page.viewport_size
    height = page.evaluate("document.querySelector('[data-testid=stMain]').scrollHeight")
    page.set_viewport_size(
        {"width": size["width"], "height": min(max(height, size["height"]), 6000)}
    )
    wait_drawn(page)
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size(size)
    return path


def wait_drawn(page) -> None:
    """Wait until every plotly chart on the page has drawn its plot area."""
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-testid=stMain] .js-plotly-plot')]"
        ".every(p => p.querySelector('.main-svg') && p._fullLayout)"
    )


def wait_plots(page, count: int) -> None:
    """Wait until ``count`` plotly charts have been drawn (3D ones draw slowly without a GPU)."""
    page.wait_for_function(
        f"document.querySelectorAll('[data-testid=stMain] .js-plotly-plot').length >= {count}"
    )
    assert page.locator("[data-testid=stMain] .js-plotly-plot").count() == count


def all_formulas(page) -> str:
    """The TeX of every formula on the page, joined (KaTeX keeps the source in an annotation)."""
    return " | ".join(page.locator(FORMULAS).all_text_contents())


def received(page) -> list[bytes]:
    """The websocket frames the server sends from now on, as bytes (read through Chrome's
    DevTools protocol: the socket is already open). Grows as frames arrive."""
    frames: list[bytes] = []

    def add(event: dict) -> None:
        payload = event["response"]["payloadData"]
        try:  # Streamlit's frames are binary: base64 over the protocol
            frames.append(base64.b64decode(payload, validate=True))
        except ValueError:
            frames.append(payload.encode())

    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.on("Network.webSocketFrameReceived", add)
    return frames


def as_text(frames: list[bytes]) -> str:
    """The frames' bytes read as text, to look for what a rerun sent."""
    return b"".join(frames).decode("utf-8", "replace")
