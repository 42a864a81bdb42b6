"""``python -m dlviz.serve --workers 2`` in Chromium: a browser is pinned to one worker by the
``dlviz_worker`` cookie, so its CSV upload reaches the worker that holds its session and the page
uses it; when that worker is killed (``--no-restart``: the other one must take over) the page
reconnects through HAProxy to the other worker, the cookie names it, and the page answers again.
Stopping serve leaves none of its processes behind."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from browserkit import assert_no_error, wait_changed, wait_idle
from playwright.sync_api import expect

from tests import support

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
SUMMARY = "[data-testid=stMain] p:has-text('samples. Closed-form')"
STATUS = (
    "[data-testid=stMain] [data-testid=stMarkdownContainer] p:text-matches('^Iteration [0-9]+ of')"
)
# y = 1.25 x + 4.5 exactly: β = 1.25 and β₀ = 4.5, which no other data on the page gives.
CSV = "x,y\n" + "".join(f"{x},{1.25 * x + 4.5:g}\n" for x in (1, 2, 3, 5, 8, 13))


@pytest.fixture(scope="module")
def served():
    """serve with two workers, no restarts: ``(address, {"w1": pid, "w2": pid, "haproxy": pid})``;
    stopped by SIGTERM afterwards, which must exit 0 and leave none of those processes."""
    if shutil.which("haproxy") is None:
        support.unavailable("haproxy is not installed (Debian: apt-get install haproxy)")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    out = tempfile.NamedTemporaryFile("w+", suffix=".out")  # a file, not a pipe: never fills up
    command = [sys.executable, "-m", "dlviz.serve", "--workers", "2", "--port", str(port)]
    process = subprocess.Popen(
        [*command, "--no-restart"], cwd=ROOT, stdout=out, stderr=subprocess.STDOUT
    )

    def text() -> str:
        return Path(out.name).read_text()

    pids: dict[str, int] = {}
    try:
        support.until(
            lambda: "open http" in text() or process.poll() is not None, "serve ready", 120
        )
        assert process.poll() is None, text()
        pids.update((name, int(pid)) for name, pid in re.findall(r"^(\w+) pid (\d+)", text(), re.M))
        assert set(pids) == {"w1", "w2", "haproxy"}, text()
        yield f"http://127.0.0.1:{port}", pids
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=60) == 0, text()
        support.until(
            lambda: not any(map(support.alive, pids.values())),
            "serve's processes still running",
            30,
        )
    finally:  # after a failure too: nothing left running
        if process.poll() is None:
            process.terminate()
            process.wait(timeout=60)
        for pid in filter(support.alive, pids.values()):
            os.kill(pid, signal.SIGKILL)
        out.close()


def _worker(context) -> str | None:
    return {c["name"]: c["value"] for c in context.cookies()}.get("dlviz_worker")


def test_upload_reaches_its_worker_and_the_page_survives_that_workers_death(browser, served):
    url, pids = served
    context = browser.new_context(viewport={"width": 1500, "height": 1100}, locale="en-US")
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(f"{url}/Gradient_descent?lang=en&tab=slide")
    wait_idle(page)
    pinned = _worker(context)
    assert pinned in ("w1", "w2")
    before = page.locator(SUMMARY).first.text_content()
    assert before.startswith("3 samples")

    page.get_by_text("Data: the lecture's or your own").click()  # the expander with the uploader
    with page.expect_response(lambda r: "/_stcore/upload_file/" in r.url) as upload:
        page.locator("[data-testid=stFileUploader] input[type=file]").set_input_files(
            files=[{"name": "line.csv", "mimeType": "text/csv", "buffer": CSV.encode()}]
        )
    assert upload.value.ok, upload.value.status  # round-robin answered some of these with 400
    summary = wait_changed(page, SUMMARY, before)
    assert summary.startswith("6 samples") and "β = 1.25" in summary and "β₀ = 4.5" in summary
    assert _worker(context) == pinned
    assert_no_error(page)

    step = page.locator(STATUS).first.text_content()
    thumb = page.get_by_role("slider", name="Learning rate η")
    with page.expect_websocket():  # Streamlit's client reconnects by itself, on a new websocket
        os.kill(pids[pinned], signal.SIGKILL)
    # Disabled while the client is disconnected, enabled again once it is connected.
    expect(thumb).to_be_enabled()
    # HAProxy sent it to the other worker (redispatch) and set the cookie to name that worker.
    other = ({"w1", "w2"} - {pinned}).pop()
    assert _worker(context) == other
    # The first control moved there runs the page on the new worker, a first run: from its link,
    # as a shared link would (dlviz.ui seeds controls from the URL on a session's first run, so
    # the move itself gives way to the link's value), and without the upload, which died with
    # its worker. A button inside a fragment (such as Next) does nothing until then: the new
    # session has never run that fragment.
    thumb.focus()
    thumb.press("ArrowRight")
    again = wait_changed(page, STATUS, step)
    assert again.startswith("Iteration 3 of 30")  # the link's data: the lecture's 3 points
    assert page.locator(SUMMARY).first.text_content().startswith("3 samples")
    link = page.url
    thumb.press("ArrowRight")  # and from then on the page answers as before
    page.wait_for_url(lambda address: address != link)
    assert wait_changed(page, STATUS, again).startswith("Iteration 3 of 30")
    assert _worker(context) == other
    assert_no_error(page)
    context.close()
