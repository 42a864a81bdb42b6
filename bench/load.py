"""A class on one server: ``python -m bench.load`` prints how long simulated students wait.

Each student is a protocol-level client: it speaks Streamlit's websocket protocol as the browser
does (checked once against Chromium's own frames, see the README), without drawing anything.
It fetches the page (keeping cookies, so a proxy's sticky cookie routes it), opens
``/_stcore/stream``, sends the first ``rerun_script`` with the page and its query string, and
then, every 2–5 s, moves one slider of what it was sent by one to three steps and sends the
rerun the browser would send: the widget states it holds, the query string the page last set,
the fragment the slider belongs to, the cached message hashes. It never sends a move before the
previous run has finished. Latency = send → ``script_finished`` (the browser's drawing comes
on top); page open = first HTTP request → the first run's ``script_finished``.

A dropped connection is reconnected the browser's way (health check, then the websocket with the
old session id, then a rerun with the page's current query string) and counted; a student that
cannot get back within 30 s, a traceback element, or a run that never finishes is an error.

Students who play (``--play``: all; ``--play-share 0.5``: every other one) open the
Playground's build section (``/Playground?tab=build``), which plays at once, and keep the
browser's auto-rerun timers as Streamlit 1.67's frontend does (App.tsx): an ``auto_rerun`` message
starts a ``setInterval`` for its fragment (none without a fragment id; the same interval again
keeps the running timer), ``stop_auto_rerun`` ends those named, and a full run's ``new_session``
ends all (a fragment run's keeps them). Each tick sends the fragment's rerun (``is_auto_rerun``)
with the widget states and query string the student holds, whether or not a run is in progress
(the frontend does not check: the server folds it into the next run). A request is answered by
the first run that started after it was sent and finished. Recorded: ticks sent, tick → its
run's end, the time between two ends of a timer's runs (frames), and the epochs the status
line ("epoch **N**") moved on per second of frames; the players' moves (a control of the build
section every 2–5 s, which restarts the network) apart from the other students'.

With no ``--url`` it starts the server itself, the README's way (``streamlit run app.py``) or
``python -m dlviz.serve --workers N``, and reads that process tree's CPU and memory from /proc.
With ``--url`` it measures anything (a deployment too); ``--pid`` names a local process tree
whose CPU and memory to read. ``--kill-worker-at S`` (with ``--workers``) kills one worker S
seconds into each level: its students must reconnect to another one.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import http.cookiejar
import math
import os
import random
import re
import signal
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.Slider_pb2 import Slider
from streamlit.proto.WidgetStates_pb2 import WidgetState

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.browser import SERVER_FLAGS, free_port, markdown_table, started  # noqa: E402
from dlviz import nav  # noqa: E402

MOVABLE = ("slider", "number_input")  # what a simulated student moves
RUN_TIMEOUT_S = 60.0  # a run not finished by then is an error
RECONNECT_TIMEOUT_S = 30.0
DONE = {
    ForwardMsg.FINISHED_SUCCESSFULLY,
    ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY,
    ForwardMsg.FINISHED_WITH_COMPILE_ERROR,
}  # FINISHED_EARLY_FOR_RERUN is followed by another run


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0–100, numpy's linear interpolation); NaN for no values."""
    return float(np.percentile(values, q)) if values else math.nan


# -- the widgets a student holds -----------------------------------------------------------------
def widget_state(element) -> WidgetState | None:
    """The state the browser sends for a widget as it was drawn (None: a kind not sent here,
    e.g. buttons, whose trigger is sent only when clicked; the server keeps the others' values)."""
    kind = element.WhichOneof("type")
    proto = getattr(element, kind) if kind else None
    state = WidgetState(id=getattr(proto, "id", ""))
    if not state.id:
        return None
    if kind == "slider":
        if proto.type == Slider.SELECT_SLIDER:  # the browser sends the options' text
            chosen = list(proto.raw_value) or [proto.options[int(i)] for i in proto.default]
            state.string_array_value.data.extend(chosen)
        else:
            values = proto.value if proto.set_value and proto.value else proto.default
            state.double_array_value.data.extend(values)
    elif kind == "checkbox":
        state.bool_value = proto.value if proto.set_value else proto.default
    elif kind == "number_input":
        value = proto.value if proto.set_value else proto.default
        if proto.data_type == proto.INT:
            state.int_value = int(value)
        else:
            state.double_value = value
    elif kind in ("text_input", "text_area"):
        state.string_value = proto.value if proto.set_value else proto.default
    elif kind in ("selectbox", "radio"):
        if proto.raw_value:
            state.string_value = proto.raw_value
        elif proto.options:
            state.string_value = proto.options[proto.default]
        else:
            return None
    else:
        return None
    return state


def moved(element, state: WidgetState, steps: int) -> WidgetState:
    """A slider's or number input's ``state`` moved by one to three steps, as a student drags
    or clicks it (the other way at an end)."""
    kind = element.WhichOneof("type")
    proto = getattr(element, kind)
    state = WidgetState.FromString(state.SerializeToString())
    if kind == "slider" and proto.type == Slider.SELECT_SLIDER:
        index = list(proto.options).index(state.string_array_value.data[0])
        target = index + steps if 0 <= index + steps < len(proto.options) else index - steps
        state.string_array_value.data[0] = proto.options[
            min(max(target, 0), len(proto.options) - 1)
        ]
        return state
    if kind == "slider":
        lo, hi, step, now = proto.min, proto.max, proto.step, state.double_array_value.data[0]
    else:
        lo = proto.min if proto.has_min else -math.inf
        hi = proto.max if proto.has_max else math.inf
        step = proto.step or (1 if proto.data_type == proto.INT else 0.01)
        now = state.int_value if proto.data_type == proto.INT else state.double_value
    value = now + steps * step if lo <= now + steps * step <= hi else now - steps * step
    value = round(min(max(value, lo), hi), 12)
    if kind == "slider":
        state.double_array_value.data[0] = value
    elif proto.data_type == proto.INT:
        state.int_value = int(value)
    else:
        state.double_value = value
    return state


def url_value(state: WidgetState) -> str:
    """A control's value as the browser writes it into the address (JavaScript's ``String``)."""
    kind = state.WhichOneof("value")
    if kind == "string_array_value":
        return state.string_array_value.data[0]
    value = (
        state.double_array_value.data[0] if kind == "double_array_value" else getattr(state, kind)
    )
    return str(int(value)) if value == int(value) else repr(value)


def with_param(query: str, key: str, value: str) -> str:
    """``query`` with ``key`` set to ``value`` (in place if present, else appended)."""
    pairs = urllib.parse.parse_qsl(query, keep_blank_values=True)
    if any(k == key for k, _ in pairs):
        pairs = [(k, value if k == key else v) for k, v in pairs]
    else:
        pairs.append((key, value))
    return urllib.parse.urlencode(pairs)


STATUS_EPOCH = re.compile(r"(?:[Ee]poch|[ÉéEe]poca) \*\*([\d\s]+)\*\*")


def status_epoch(markdown: str) -> int | None:
    """The epoch of the Playground's status line ("▶ Training · epoch **1 000** · …", in
    Spanish "época"), None for any other text."""
    found = STATUS_EPOCH.search(markdown)
    return int(re.sub(r"\D", "", found.group(1))) if found else None


# -- one student ---------------------------------------------------------------------------------
@dataclass
class Tally:
    """What all students of one level measured."""

    moves: list[float] = field(default_factory=list)  # seconds
    opens: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    reconnects: int = 0
    reconnect_s: list[float] = field(default_factory=list)
    ticks: int = 0  # auto-rerun requests sent by the students' timers
    tick_s: list[float] = field(default_factory=list)  # a tick's request → its run's end
    frames: list[float] = field(default_factory=list)  # between two ends of a timer's runs
    epochs: int = 0  # epochs the status line moved on between those frames
    epoch_s: float = 0.0  # the frames' intervals over which they moved on
    players: int = 0  # students of this tally who opened a page that plays


class Student:
    def __init__(
        self, base: str, path: str, rng: random.Random, tally: Tally, locale: str = "es-ES"
    ):
        self.base, self.path, self.rng, self.tally = base.rstrip("/"), path, rng, tally
        self.locale = locale
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))
        parsed = urllib.parse.urlsplit(self.base + path)
        self.page_name = parsed.path.strip("/")
        self.query = parsed.query
        self.page_hash = ""
        self.session_id = ""
        self.widgets: dict[str, tuple[object, str]] = {}  # id → (element, fragment id)
        self.states: dict[str, WidgetState] = {}  # the values the browser would hold
        self.cache: dict[str, ForwardMsg] = {}  # the browser's message cache (by hash)
        self.ws = None
        self.reader: asyncio.Task | None = None
        self.moves = True  # False: a student who only watches (the timers' runs alone)
        # Requests waiting for their run: (runs started when sent, future). A request is
        # answered by the first run that started after it was sent and finished (the server
        # folds requests that arrive during a run into the next one).
        self.pending: list[tuple[int, asyncio.Future]] = []
        self.runs_started = 0
        self.run_fragments: tuple[str, ...] = ()  # the fragments the current run reruns
        # The browser's auto-rerun timers (fragment id → (interval s, task)), as App.tsx keeps
        # them: handleAutoRerun, handleStopAutoRerun, cleanupAutoReruns on a full run.
        self.timers: dict[str, tuple[float, asyncio.Task | None]] = {}
        self.epoch: int | None = None  # the status line's epoch of the current run
        self.last_frame: tuple[float, int | None] | None = None  # (end, epoch) of a tick's run

    # the protocol --------------------------------------------------------------------------
    def _get(self, url: str) -> None:
        with self.opener.open(url, timeout=RECONNECT_TIMEOUT_S) as response:
            response.read()

    async def _connect(self) -> None:
        scheme = "wss" if self.base.startswith("https") else "ws"
        stream = f"{scheme}://{urllib.parse.urlsplit(self.base).netloc}/_stcore/stream"
        cookie = "; ".join(f"{c.name}={c.value}" for c in self.cookies)
        # The browser's subprotocols: "streamlit", its XSRF token (only read for signed-in users:
        # a placeholder here, as a subprotocol may not be empty), the session to resume.
        protocols = ["streamlit", "xsrf", self.session_id] if self.session_id else ["streamlit"]
        self.ws = await websockets.connect(
            stream,
            subprotocols=protocols,
            additional_headers={"Cookie": cookie} if cookie else None,
            origin=self.base,
            max_size=None,
            open_timeout=RECONNECT_TIMEOUT_S,
        )
        self.reader = asyncio.create_task(self._read(self.ws))

    async def _read(self, ws) -> None:
        try:
            async for frame in ws:
                self._receive(frame)
        except websockets.ConnectionClosed:
            pass
        for _, future in self.pending:
            if not future.done():
                future.set_exception(ConnectionError("connection closed during a run"))
        self.pending.clear()

    def _receive(self, frame: bytes) -> None:
        msg = ForwardMsg()
        msg.ParseFromString(frame)
        if msg.WhichOneof("type") == "ref_hash":
            cached = self.cache.get(msg.ref_hash)
            if cached is None:
                self.tally.errors.append("a reference to a message never sent")
                return
            metadata = msg.metadata
            msg = ForwardMsg()
            msg.CopyFrom(cached)
            msg.metadata.CopyFrom(metadata)
        elif msg.metadata.cacheable and msg.hash:
            self.cache[msg.hash] = msg
        kind = msg.WhichOneof("type")
        if kind == "new_session":
            self.session_id = msg.new_session.initialize.session_id or self.session_id
            self.runs_started += 1
            self.run_fragments = tuple(msg.metadata.run.fragment_ids)
            self.epoch = None
            if not self.run_fragments:  # a full run: the browser clears every timer
                for fragment in list(self.timers):
                    self._stop_timer(fragment)
                self.last_frame = None
        elif kind == "navigation":  # the page that runs (new_session names the main script)
            self.page_hash = msg.navigation.page_script_hash
        elif kind == "page_info_changed":
            self.query = msg.page_info_changed.query_string
        elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            element = msg.delta.new_element
            if element.WhichOneof("type") == "exception":
                self.tally.errors.append(f"exception: {element.exception.message}"[:80])
            elif element.WhichOneof("type") == "markdown":
                shown = status_epoch(element.markdown.body)  # epoch 0 is an epoch
                self.epoch = self.epoch if shown is None else shown
            state = widget_state(element)
            if state is not None:
                self.widgets[state.id] = (element, msg.delta.fragment_id)
                # The browser keeps a widget's value across runs unless the server sets it.
                if (
                    state.id not in self.states
                    or getattr(element, element.WhichOneof("type")).set_value
                ):
                    self.states[state.id] = state
        elif kind == "script_finished" and msg.script_finished in DONE:
            self._finished()
        elif kind == "auto_rerun":
            self._auto_rerun(msg.auto_rerun.fragment_id, msg.auto_rerun.interval)
        elif kind == "stop_auto_rerun":
            for fragment in msg.stop_auto_rerun.fragment_ids:
                self._stop_timer(fragment)

    def _finished(self) -> None:
        """A run ended: answer the requests it served; a timer's run is a frame."""
        now = time.perf_counter()
        waiting = []
        for sent_at, future in self.pending:
            if self.runs_started > sent_at:
                if not future.done():
                    future.set_result(now)
            else:
                waiting.append((sent_at, future))
        self.pending = waiting
        if self.run_fragments and any(f in self.timers for f in self.run_fragments):
            if self.last_frame is not None:
                then, epoch = self.last_frame
                self.tally.frames.append(now - then)
                if epoch is not None and self.epoch is not None and self.epoch >= epoch:
                    self.tally.epochs += self.epoch - epoch
                    self.tally.epoch_s += now - then
            self.last_frame = (now, self.epoch)

    def _auto_rerun(self, fragment: str, interval: float) -> None:
        """handleAutoRerun: a timer for the fragment, unless one runs at that interval."""
        if not fragment:  # the browser ignores it
            return
        if fragment in self.timers and self.timers[fragment][0] == interval:
            return
        self._stop_timer(fragment)
        task = None
        with contextlib.suppress(RuntimeError):  # no event loop: a unit test of the bookkeeping
            task = asyncio.get_running_loop().create_task(self._tick(fragment, interval))
        self.timers[fragment] = (interval, task)

    def _stop_timer(self, fragment: str) -> None:
        _, task = self.timers.pop(fragment, (0.0, None))
        if task is not None:
            task.cancel()

    async def _tick(self, fragment: str, interval: float) -> None:
        """setInterval: every ``interval`` s a rerun of the fragment with the widgets' states,
        sent whether or not a run is in progress (the frontend does not check; the server
        folds it into the run that follows); none while disconnected."""
        due = time.perf_counter()
        while True:
            due += interval
            await asyncio.sleep(max(0.0, due - time.perf_counter()))
            due = max(due, time.perf_counter() - interval)  # a late timer does not catch up
            if self.ws is None or self.ws.state != websockets.State.OPEN:
                continue
            self.tally.ticks += 1
            asyncio.get_running_loop().create_task(self._timed_tick(fragment))

    async def _timed_tick(self, fragment: str) -> None:
        try:
            self.tally.tick_s.append(await self._rerun(fragment, auto=True))
        except (ConnectionError, websockets.ConnectionClosed):
            pass  # the student's loop reconnects
        except TimeoutError:
            self.tally.errors.append(f"a tick of {self.page_name} did not finish")

    def rerun_message(self, fragment: str = "", auto: bool = False) -> BackMsg:
        """The rerun the browser sends: page, query string, the widgets it holds, its cache."""
        client = BackMsg()
        rerun = client.rerun_script
        rerun.query_string = self.query
        if self.page_hash:
            rerun.page_script_hash = self.page_hash
        else:
            rerun.page_name = self.page_name
        rerun.fragment_id = fragment
        rerun.is_auto_rerun = auto
        rerun.cached_message_hashes.extend(self.cache)
        rerun.widget_states.widgets.extend(self.states[wid] for wid in self.widgets)
        rerun.context_info.timezone = "UTC"
        rerun.context_info.locale = self.locale
        rerun.context_info.url = self.base + "/" + self.page_name
        return client

    async def _rerun(
        self, fragment: str = "", bound: tuple[str, str] | None = None, auto: bool = False
    ) -> float:
        """Send a rerun as the browser does and wait for its end; its latency in seconds."""
        client = self.rerun_message(fragment, auto)
        finished = asyncio.get_running_loop().create_future()
        self.pending.append((self.runs_started, finished))
        start = time.perf_counter()
        await self.ws.send(client.SerializeToString())
        if bound is not None:  # the browser writes a bound widget's new value into its address
            self.query = with_param(self.query, *bound)
        return await asyncio.wait_for(finished, RUN_TIMEOUT_S) - start

    # what a student does ---------------------------------------------------------------------
    async def open(self) -> None:
        start = time.perf_counter()
        await asyncio.to_thread(self._get, self.base + self.path)
        await asyncio.to_thread(self._get, self.base + "/_stcore/health")
        await self._connect()
        await self._rerun()
        self.tally.opens.append(time.perf_counter() - start)

    def controls(self) -> list[tuple[str, object, str]]:
        """(widget id, element, fragment id) of each enabled control a student moves."""
        return [
            (wid, element, fragment)
            for wid, (element, fragment) in self.widgets.items()
            if element.WhichOneof("type") in MOVABLE
            and not getattr(element, element.WhichOneof("type")).disabled
        ]

    async def move(self, key: str | None = None, steps: int | None = None) -> None:
        """Move a control (by its key, or one at random) by ``steps`` (or one to three either
        way) and time the rerun."""
        controls = self.controls()
        if key is not None:
            controls = [c for c in controls if c[0].endswith(f"-{key}")]
        if not controls:
            return
        wid, element, fragment = self.rng.choice(controls)
        steps = steps or self.rng.choice([-3, -2, -1, 1, 2, 3])
        state = moved(element, self.states[wid], steps)
        self.states[wid] = state
        key = getattr(element, element.WhichOneof("type")).query_param_key
        bound = (key, url_value(state)) if key else None
        try:
            self.tally.moves.append(await self._rerun(fragment, bound))
        except (ConnectionError, websockets.ConnectionClosed):
            await self.reconnect()
        except TimeoutError:
            self.tally.errors.append(f"a run of {self.page_name} did not finish")

    async def reconnect(self) -> None:
        """The browser's way back: health check until it answers, the websocket with the old
        session id, a rerun with the page's current query string (the new worker knows no
        session: the controls come back from the link)."""
        self.tally.reconnects += 1
        start = time.perf_counter()
        while time.perf_counter() - start < RECONNECT_TIMEOUT_S:
            try:
                await asyncio.to_thread(self._get, self.base + "/_stcore/health")
                self.widgets.clear()
                self.states.clear()
                await self._connect()
                await self._rerun()
                self.tally.reconnect_s.append(time.perf_counter() - start)
                return
            except (TimeoutError, OSError, websockets.WebSocketException, ConnectionError):
                await asyncio.sleep(0.5)  # the frontend's back-off between attempts
        self.tally.errors.append("could not reconnect within 30 s")

    async def attend(self, until: float) -> None:
        try:
            await self.open()
        except Exception as error:  # noqa: BLE001 — any failure to open is an error to count
            self.tally.errors.append(f"open: {type(error).__name__}: {error}"[:80])
            return
        while time.perf_counter() < until:
            await asyncio.sleep(self.rng.uniform(2.0, 5.0))
            if self.ws is None or self.ws.state != websockets.State.OPEN:
                await self.reconnect()
            elif time.perf_counter() < until and self.moves:
                await self.move()
        await self.leave()

    async def leave(self) -> None:
        for fragment in list(self.timers):
            self._stop_timer(fragment)
        if self.ws is not None:
            await self.ws.close()
        if self.reader is not None:
            with contextlib.suppress(Exception):
                await self.reader


# -- the server under test -------------------------------------------------------------------------
def process_tree(pid: int) -> list[int]:
    """The process and all its descendants, from /proc."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        for task in Path(f"/proc/{current}/task").glob("*"):
            with contextlib.suppress(OSError):
                todo.extend(int(c) for c in (task / "children").read_text().split())
    return found


def usage(pid: int | None) -> tuple[float, float]:
    """(CPU seconds, resident MiB) of a process tree; NaN without a pid."""
    if pid is None:
        return math.nan, math.nan
    ticks, rss = 0, 0
    for p in process_tree(pid):
        with contextlib.suppress(OSError):
            stat = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            ticks += int(stat[11]) + int(stat[12])  # utime, stime
            status = Path(f"/proc/{p}/status").read_text()
            rss += int(status.split("VmRSS:")[1].split()[0]) if "VmRSS:" in status else 0
    return ticks / os.sysconf("SC_CLK_TCK"), rss / 1024


def launched(workers: int) -> contextlib.AbstractContextManager[tuple[str, subprocess.Popen]]:
    """The app started as the README starts it (``workers`` 0) or by ``dlviz.serve`` (which
    stops its workers and proxy when it is stopped)."""
    port = free_port()
    if workers:
        command = [sys.executable, "-m", "dlviz.serve", "--workers", str(workers)]
        command += ["--port", str(port)]
    else:
        command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port)]
        command += SERVER_FLAGS
    return started(command, ROOT, port)


def workers_of(pid: int) -> list[int]:
    """The Streamlit worker processes under a ``dlviz.serve`` process."""
    found = []
    for p in process_tree(pid)[1:]:
        with contextlib.suppress(OSError):
            if b"streamlit" in Path(f"/proc/{p}/cmdline").read_bytes():
                found.append(p)
    return found


# -- a level: N students for a while ----------------------------------------------------------------
async def level(base: str, paths: list[str], students: int, seconds: float, seed: int,
                ramp: float, kill: tuple[int, float] | None, play: float = 0.0,
                watch: bool = False) -> tuple[Tally, Tally]:  # fmt: skip
    """``students`` for ``seconds``: a share ``play`` of them (spread evenly over the
    arrivals) open the Playground's build section, which plays at once; the others open
    ``paths`` in turn; ``watch``: the players move nothing. (The others' tally, the
    players'.)"""
    tally, played = Tally(), Tally()
    rng = random.Random(seed)
    until = time.perf_counter() + seconds
    crowd, others = [], 0
    for i in range(students):
        player = math.floor((i + 1) * play) > math.floor(i * play)
        path = PLAY_PATH if player else paths[others % len(paths)]
        others += not player
        played.players += player
        crowd.append(Student(base, path, random.Random(rng.random()), played if player else tally))
        crowd[-1].moves = not (player and watch)

    async def arrive(student: Student, delay: float) -> None:
        await asyncio.sleep(delay)
        await student.attend(until)

    async def kill_one(pid: int, after: float) -> None:
        await asyncio.sleep(after)
        victims = workers_of(pid)
        if victims:
            os.kill(victims[0], signal.SIGKILL)

    tasks = [arrive(s, rng.uniform(0, ramp)) for s in crowd]
    if kill:
        tasks.append(kill_one(*kill))
    await asyncio.gather(*tasks)
    return tally, played


async def warm(base: str, paths: list[str], workers: int) -> None:
    """Every page opened once on every worker (first imports and caches are not the class's
    load): students arrive one after another and stay until all have come, so a proxy that
    sends each new browser to the least busy worker spreads each page's copies over all."""
    tally, crowd = Tally(), []
    for i in range(len(paths) * workers):
        crowd.append(Student(base, paths[i // workers], random.Random(i), tally))
        await crowd[-1].open()
    for student in crowd:
        await student.leave()
    if tally.errors:
        raise RuntimeError(f"warming up: {tally.errors[0]}")


def ms(values: list[float], q: float) -> str:
    value = percentile(values, q)
    return "—" if math.isnan(value) else f"{value * 1000:.0f}"


def row(students: int, tally: Tally, cpu: float, mem: tuple[float, float]) -> list[str]:
    return [
        str(students),
        str(len(tally.moves)),
        *(ms(tally.moves, q) for q in (50, 95, 99)),
        *(ms(tally.opens, q) for q in (50, 95, 99)),
        str(len(tally.errors)),
        f"{tally.reconnects}"
        + (f" ({ms(tally.reconnect_s, 95)} ms p95)" if tally.reconnect_s else ""),
        "—" if math.isnan(cpu) else f"{cpu:.0f} %",
        "—" if math.isnan(mem[0]) else f"{mem[0]:.0f} / {mem[1]:.0f}",
    ]


HEADER = [
    "students", "moves", "rerun p50 (ms)", "p95", "p99", "page open p50 (ms)", "p95", "p99",
    "errors", "reconnects", "server CPU", "server MiB (start / end)", "client CPU",
]  # fmt: skip


def play_row(students: int, others: Tally, played: Tally, cpu: float) -> list[str]:
    """A level with players: the others' and the players' moves, the players' frames and
    epochs per second of play (all players' epochs over all their frames' time)."""
    rate = played.epochs / played.epoch_s if played.epoch_s else math.nan
    return [
        str(students),
        str(played.players),
        str(len(others.moves)),
        *(ms(others.moves, q) for q in (50, 95, 99)),
        str(len(played.moves)),
        *(ms(played.moves, q) for q in (50, 95, 99)),
        str(played.ticks),
        str(len(played.frames)),
        *(ms(played.frames, q) for q in (50, 95)),
        *(ms(played.tick_s, q) for q in (50, 95)),
        "—" if math.isnan(rate) else f"{rate:.0f}",
        str(len(others.errors) + len(played.errors)),
        str(others.reconnects + played.reconnects),
        "—" if math.isnan(cpu) else f"{cpu:.0f} %",
    ]


PLAY_HEADER = [
    "students", "players", "others' moves", "p50 (ms)", "p95", "p99", "players' moves",
    "p50 (ms)", "p95", "p99", "ticks sent", "frames", "between frames p50 (ms)", "p95",
    "tick → frame p50 (ms)", "p95", "epochs/s a player", "errors", "reconnects", "server CPU",
    "client CPU",
]  # fmt: skip
PLAY_PATH = "/Playground?tab=build"  # opened at epoch 0, it plays at once


def default_paths() -> list[str]:
    """The six pages as a class opens them; the Softmax page's first section has no slider or
    number to move (its labels are typed), so its students open the softmax explorer."""
    return [f"/{p.url_path}" + ("?tab=explorer" if p.url_path == "Softmax" else "")
            for p in nav.pages()]  # fmt: skip


def run(args: argparse.Namespace) -> None:
    paths = args.paths or default_paths()
    context = contextlib.nullcontext((args.url, None)) if args.url else launched(args.workers)
    with context as (base, process):
        pid = process.pid if process else args.pid
        play = 1.0 if args.play else args.play_share
        print(f"# {base} — pages: {', '.join(paths)}; {args.seconds:.0f} s per level"
              + (f"; {play:.0%} of the students play {PLAY_PATH}" if play else "")
              + (" and only watch" if play and args.watch else ""))  # fmt: skip
        asyncio.run(warm(base, [*paths, PLAY_PATH] if play else paths, max(args.workers, 1)))
        time.sleep(args.settle)
        start_mib = usage(pid)[1]
        rows = []
        for n, students in enumerate(args.students):
            cpu0, mem0 = usage(pid)
            wall0, client0 = time.perf_counter(), time.process_time()
            kill = (pid, args.kill_worker_at) if args.kill_worker_at is not None and pid else None
            tally, played = asyncio.run(
                level(base, paths, students, args.seconds, args.seed + n, args.ramp, kill, play,
                      args.watch)
            )  # fmt: skip
            cpu1, wall1, client1 = usage(pid)[0], time.perf_counter(), time.process_time()
            time.sleep(args.settle)  # the sessions leave
            _, mem1 = usage(pid)
            cpu = (cpu1 - cpu0) / (wall1 - wall0) * 100
            if kill:  # a killed worker's CPU time leaves /proc with it: not measurable
                cpu = math.nan
            client = (client1 - client0) / (wall1 - wall0) * 100
            if play:
                rows.append(play_row(students, tally, played, cpu) + [f"{client:.0f} %"])
            else:
                rows.append(row(students, tally, cpu, (mem0, mem1)) + [f"{client:.0f} %"])
            header = PLAY_HEADER if play else HEADER
            print(markdown_table(header, rows[-1:]).splitlines()[-1], flush=True)
            errors = tally.errors + played.errors
            for error in sorted(set(errors))[:5]:
                print(f"    error ×{errors.count(error)}: {error}")
        print()
        print(markdown_table(header, rows))
        print("(CPU: % of one core, averaged over the level; the students run on this machine too)")
        if args.expire and pid:
            # Streamlit keeps up to 128 closed sessions for server.disconnectedSessionTTL (120 s)
            # in case their browsers come back, and drops the expired ones when it next stores
            # one: when the next student leaves. So: wait, then one more student comes and goes.
            time.sleep(args.expire)
            held_mib = usage(pid)[1]
            asyncio.run(level(base, paths[:1], 1, 1.0, args.seed, 0.0, None))
            time.sleep(args.settle)
            end_mib = usage(pid)[1]
            print(
                f"Server memory: {start_mib:.0f} MiB before the first level; "
                f"{held_mib:.0f} MiB {args.expire:.0f} s after the last student left "
                f"({held_mib / start_mib - 1:+.0%}); {end_mib:.0f} MiB once one more student came "
                f"and went, which makes Streamlit drop the expired sessions "
                f"({end_mib / start_mib - 1:+.0%})."
            )


# -- per control, one student: ``python -m bench --server`` ------------------------------------------
async def control_times(base: str, path: str, moves: int) -> list[tuple[str, float, float]]:
    """(control key, open seconds, median rerun seconds) for each control a student can move
    on ``path``, moved ``moves`` times one step back and forth by one student alone."""
    tally = Tally()
    student = Student(base, path, random.Random(0), tally)
    await student.open()
    keys = [wid.rsplit("-", 1)[1] for wid, _, _ in student.controls()]
    rows = []
    for key in keys:
        tally.moves.clear()
        for n in range(moves):
            await student.move(key, steps=1 if n % 2 == 0 else -1)
        rows.append((key, tally.opens[0], percentile(tally.moves, 50)))
    await student.leave()
    if tally.errors:
        raise RuntimeError(f"{path}: {tally.errors[0]}")
    return rows


def server_table(moves: int = 6) -> None:
    """Reruns through a real ``streamlit run`` server (its per-run costs included: garbage
    collection, file watcher, websocket and serialisation), beside the floor app's slider."""
    from bench.browser import floor_folder, serve

    with floor_folder() as folder, serve("floor.py", folder) as floor, launched(0) as (base, _):
        floor_ms = asyncio.run(control_times(floor, "/", moves))[0][2] * 1000
        header = ["page", "control", "first run (ms)", "rerun, median (ms)", "× floor"]
        rows = [["floor app", "a", "—", f"{floor_ms:.0f}", "1.0"]]
        for path in default_paths():
            for key, opened, rerun in asyncio.run(control_times(base, path, moves)):
                rows.append([path, key, f"{opened * 1000:.0f}", f"{rerun * 1000:.0f}",
                             f"{rerun * 1000 / floor_ms:.1f}"])  # fmt: skip
    print(f"Reruns through a real server, one student, {moves} moves per control (median):")
    print(markdown_table(header, rows))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m bench.load",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--url", help="measure this server (default: start one here)")
    parser.add_argument("--pid", type=int, help="with --url: a local process tree to read")
    parser.add_argument("--workers", type=int, default=0,
                        help="start `python -m dlviz.serve --workers N` instead of one server")  # fmt: skip
    parser.add_argument("--students", default="1,10,20,40,80",
                        type=lambda s: [int(n) for n in s.split(",")])  # fmt: skip
    parser.add_argument("--paths", nargs="*",
                        help="pages to open, e.g. /Gradient_descent (default: the six, mixed)")  # fmt: skip
    parser.add_argument("--seconds", type=float, default=60.0, help="per level")
    parser.add_argument("--ramp", type=float, default=10.0,
                        help="students arrive within this many seconds")  # fmt: skip
    parser.add_argument("--settle", type=float, default=5.0,
                        help="seconds after a level before memory is read")  # fmt: skip
    parser.add_argument("--kill-worker-at", type=float,
                        help="with --workers: kill one worker this many seconds into each level")  # fmt: skip
    parser.add_argument("--expire", type=float, default=135.0,
                        help="seconds to wait after the last level before reading memory again "
                        "(Streamlit keeps closed sessions 120 s); 0: don't")  # fmt: skip
    parser.add_argument("--play", action="store_true",
                        help=f"every student plays the Playground ({PLAY_PATH}: it plays at "
                        "once; a move every 2–5 s restarts its network)")  # fmt: skip
    parser.add_argument("--play-share", type=float, default=0.0,
                        help="this share of the students play, the others open --paths")  # fmt: skip
    parser.add_argument("--watch", action="store_true",
                        help="the players only watch (their timers' runs alone, no moves)")  # fmt: skip
    parser.add_argument("--seed", type=int, default=0)
    run(parser.parse_args(argv))


if __name__ == "__main__":
    main()
