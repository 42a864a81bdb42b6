"""The load test's simulated student (``bench/load.py``) sends what Chromium sends.

Chromium opens a section and moves a slider one step; the simulated student does the same on
its own session. Their ``rerun_script`` messages must agree on everything that decides the
run: the page, the fragment, the widgets and their values, the address's query string.
"""

from __future__ import annotations

import asyncio
import base64
import random
import threading

import pytest
from browserkit import wait_idle
from streamlit.proto.BackMsg_pb2 import BackMsg

from bench import load

pytestmark = pytest.mark.browser


def _browser_reruns(browser, url: str, key: str) -> list[BackMsg]:
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="en-US")
    page = context.new_page()
    sent: list[BackMsg] = []
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.on(
        "Network.webSocketFrameSent",
        lambda e: sent.append(BackMsg.FromString(base64.b64decode(e["response"]["payloadData"]))),
    )
    page.goto(url)
    wait_idle(page)
    page.locator(f".st-key-{key} input[type=range]").press("ArrowRight")
    page.wait_for_function(
        "() => document.querySelector('[data-testid=stApp]')"
        ".getAttribute('data-test-script-state') === 'notRunning'"
        f" && location.search.includes('{key}=')"
    )
    wait_idle(page)
    context.close()
    return [m.rerun_script for m in sent if m.WhichOneof("type") == "rerun_script"]


def _student_reruns(base: str, path: str, key: str) -> tuple[list, load.Tally]:
    """The student's reruns, run in a thread of its own (Playwright's sync API owns this one)."""
    tally, sent = load.Tally(), []

    async def attend():
        student = load.Student(base, path, random.Random(0), tally, locale="en-US")
        await student.open()
        send = student.ws.send

        async def spy(frame: bytes):
            sent.append(BackMsg.FromString(frame).rerun_script)
            await send(frame)

        student.ws.send = spy
        await student.move(key, steps=1)
        await student.leave()

    thread = threading.Thread(target=lambda: asyncio.run(attend()))
    thread.start()
    thread.join(120)
    return sent, tally


def _values(rerun) -> dict[str, str]:
    return {w.id: str(w).split("\n", 1)[1] for w in rerun.widget_states.widgets}


@pytest.mark.parametrize(
    ("path", "key"),
    [("/Logistic_regression?lang=en&tab=sigmoid", "z"), ("/Perceptron?lang=en&tab=slide", "theta")],
)
def test_a_simulated_student_sends_what_chromium_sends(browser, server, path, key):
    by_browser = _browser_reruns(browser, server + path, key)
    by_student, tally = _student_reruns(server, path, key)
    assert not tally.errors and len(tally.moves) == 1
    assert len(by_browser) == 2 and len(by_student) == 1  # (the first run), the move
    first, move = by_browser[1], by_student[0]
    assert move.page_script_hash == first.page_script_hash != ""
    assert move.fragment_id == first.fragment_id  # the section's fragment, not the whole page
    assert move.query_string == first.query_string
    # The widgets the student holds are the browser's, with the browser's values; the browser
    # also holds widgets the student does not move (tabs, the share box), which keep their
    # values on the server either way.
    student, chromium = _values(move), _values(first)
    assert student.keys() <= chromium.keys() and any(i.endswith(f"-{key}") for i in student)
    assert {i: chromium[i] for i in student} == student
