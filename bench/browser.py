"""Browser benchmark: ``python -m bench --browser`` prints what a student waits for, per section.

It starts the dlviz app (``streamlit run app.py``) and the floor app (``bench/floor.py``: one
slider redrawing one 200-point plotly line chart) in the same run, each on a free port, with the
same server flags and the same ``.streamlit/config.toml`` (the floor app runs from a temporary
folder holding a copy of it), and drives Debian's Chromium with Playwright. For each page and
each of its sections (the tabs, found in the browser; the section's key is the ``tab=`` of the
address once its tab is clicked):

- **load**: a fresh browser context opens ``/<Page>?lang=en&tab=<key>``; the time from the
  start of the navigation until the script run is over and every chart in the main block has
  drawn (see ``probe.js``). Median of ``--repeat`` loads. The server's caches are warm (the
  section was opened once to find it), as on a server that students already use.
- **repaint**, for the first ``--controls`` controls a student would move in the section (its
  own controls in page order, then the ones above the tabs, shared by all sections, marked ↑):
  from the key press or pointer press until the rerun is over and the main block has not
  changed for two animation frames with every chart drawn (page time, ``probe.js``). Sliders
  get ArrowRight (ArrowLeft from the top), number boxes their + button (or ArrowUp), radios and
  choice boxes the next option, toggles a click, step navigators Next; each move goes on to a
  value this browser has not shown yet, as a student dragging a slider does (``--alternate``:
  back and forth instead, which Streamlit partly serves from the browser's message cache).
  Median of ``--repeat`` moves. "server done" is when the rerun's "script finished" message
  arrived: the server's time plus the round trip; the rest is the browser's.
- **KiB**: what the server sent over the websocket (decoded frame payloads, from Chrome's
  DevTools protocol) from the press until the wait is over; for a load, all of the load.

Every figure is also given as a ratio to the floor app's, measured the same way in the same
run, at its start and at its end (both taken together). The issue's targets are marked with
"!": a load over 2× the floor's (3× for a section with a 3-D chart), a repaint over 2× the
floor's, over 50 KiB per change in a 2-D section.

``--pages Gradient,Softmax`` (URL paths) and ``--sections point,digits`` (tab keys) measure a
part; ``--repeat`` and ``--controls`` set the medians' size and the controls per section. The
tables go to stdout, the progress to stderr.
"""

from __future__ import annotations

import argparse
import base64
import math
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from bench.chromium import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
# Both servers get these flags; the rest of their configuration is the same config.toml.
SERVER_FLAGS = [
    "--server.address",
    "127.0.0.1",
    "--server.headless",
    "true",
    "--server.fileWatcherType",
    "none",
    "--browser.gatherUsageStats",
    "false",
]
VIEWPORT = {"width": 1280, "height": 800}
LOAD_TIMEOUT_MS = 120_000
MOVE_TIMEOUT_MS = 60_000
KIB_TARGET = 50  # per change, 2-D sections
RATIO_TARGET = 2.0
RATIO_TARGET_3D = 3.0
WHOLE_PAGE = ""  # the section key of a page without tabs
FLOOR = ("floor app", WHOLE_PAGE)


# -- pure helpers ------------------------------------------------------------------------------
def frame_bytes(opcode: int, payload: str) -> int:
    """Bytes of one websocket frame as DevTools reports it: a binary frame (opcode 2, all of
    Streamlit's messages) comes base64-encoded, a text frame (opcode 1) as text; control
    frames (ping, pong, close) are not data and count 0."""
    if opcode == 2:
        return len(base64.b64decode(payload))
    if opcode == 1:
        return len(payload.encode("utf-8"))
    return 0


def tab_key(url: str) -> str:
    """The open section's key in a page address (``?tab=<key>``), or ``""`` if none."""
    return parse_qs(urlsplit(url).query).get("tab", [WHOLE_PAGE])[0]


def names(text: str | None) -> list[str] | None:
    """``"Gradient, Softmax"`` → ``["Gradient", "Softmax"]``; None or blank → None (all)."""
    if not text or not text.strip():
        return None
    return [name.strip() for name in text.split(",") if name.strip()]


def wanted(name: str, chosen: Sequence[str] | None) -> bool:
    """Whether ``name`` passes a ``--pages``/``--sections`` filter (case-insensitive)."""
    return chosen is None or name.lower() in {c.lower() for c in chosen}


def pick_controls(found: Iterable[dict], limit: int) -> list[dict]:
    """The first ``limit`` controls a student would move in a section: the section's own
    (``where == "section"``) in page order, then those of the page around it (above the tabs)."""
    found = list(found)
    own = [c for c in found if c["where"] == "section"]
    return (own + [c for c in found if c["where"] != "section"])[:limit]


def direction(at_bottom: bool, at_top: bool, before: int | None, alternate: bool) -> int:
    """Which way (+1 up, -1 down) to move a control next, the last move having gone ``before``
    (None at first). Onward (the default): one way until the end, then back, so every move
    reaches a value not shown before in this browser, as when a student drags a slider
    (Streamlit's browser keeps the messages of 10 kB or more it has seen, and the server then
    sends only a reference: back-and-forth moves would ship almost nothing). ``alternate``:
    up and down in turn. Either starts up, or down at the top."""
    want = (-1 if at_top else 1) if before is None else (-before if alternate else before)
    if want > 0 and at_top:
        return -1
    if want < 0 and at_bottom:
        return 1
    return want


def choice_target(original: int, count: int, move: int, alternate: bool) -> int:
    """Option to pick on the ``move``-th move of a choice that started at ``original``: the
    following options in turn (back to the original after the last), or with ``alternate``
    the next option and the original in turn."""
    if alternate:
        return (original + 1) % count if move % 2 == 0 else original
    return (original + move + 1) % count


def median(values: Iterable[float | None]) -> float:
    """Median of the values measured (None: not measured); NaN if there are none."""
    kept = [v for v in values if v is not None and not math.isnan(v)]
    return statistics.median(kept) if kept else math.nan


def ratio(value: float, floor: float) -> float:
    if math.isnan(value) or math.isnan(floor) or floor <= 0:
        return math.nan
    return value / floor


def cell(value: float, digits: int = 0, suffix: str = "", mark: bool = False) -> str:
    """A number for a table cell ("—" when not measured), "!" after it when over a target."""
    if math.isnan(value):
        return "—"
    return f"{value:.{digits}f}{suffix}" + (" !" if mark else "")


def _is_number(text: str) -> bool:
    return text[:1].isdigit() or text == "—" or (text[:1] == "-" and text[1:2].isdigit())


def markdown_table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A plain-text table in markdown form, columns padded to their widest cell; a column of
    numbers ("—": not measured) right-aligned."""
    rows = [[str(c) for c in row] for row in rows]
    columns = list(zip(header, *rows, strict=True))
    widths = [max(len(c) for c in column) for column in columns]
    numeric = [
        any(_is_number(c) for c in column[1:]) and all(_is_number(c) or not c for c in column[1:])
        for column in columns
    ]

    def line(cells: Sequence[str]) -> str:
        padded = (
            c.rjust(w) if n else c.ljust(w) for c, w, n in zip(cells, widths, numeric, strict=True)
        )
        return "| " + " | ".join(padded) + " |"

    rule = "|".join(
        "-" * (w + 1) + (":" if n else "-") for w, n in zip(widths, numeric, strict=True)
    )
    return "\n".join([line(header), f"|{rule}|", *(line(r) for r in rows)])


@dataclass(frozen=True)
class Settings:
    repeat: int = 3  # loads and moves per figure (median of)
    controls: int = 3  # controls per section
    alternate: bool = False  # moves back and forth instead of onward


@dataclass
class Sample:
    """One measurement: milliseconds until all was drawn, KiB received, and milliseconds until
    the server's "script finished" message arrived."""

    ms: float
    kib: float
    server_ms: float | None = None


@dataclass
class ControlResult:
    key: str
    kind: str
    where: str
    moves: list[Sample] = field(default_factory=list)
    error: str | None = None

    @property
    def ms(self) -> float:
        return median(s.ms for s in self.moves)

    @property
    def kib(self) -> float:
        return median(s.kib for s in self.moves)

    @property
    def server_ms(self) -> float:
        return median(s.server_ms for s in self.moves)


@dataclass
class SectionResult:
    page: str
    section: str
    loads: list[Sample] = field(default_factory=list)
    charts: dict = field(default_factory=dict)
    controls: list[ControlResult] = field(default_factory=list)
    error: str | None = None

    @property
    def load_ms(self) -> float:
        return median(s.ms for s in self.loads)

    @property
    def load_kib(self) -> float:
        return median(s.kib for s in self.loads)

    @property
    def three_d(self) -> bool:
        return bool(self.charts.get("three_d"))


def pooled(first: SectionResult, second: SectionResult) -> SectionResult:
    """One section's measurements from two runs taken together (controls matched by key)."""
    both = SectionResult(first.page, first.section, first.loads + second.loads, first.charts)
    both.error = first.error or second.error
    later = {c.key: c for c in second.controls}
    for c in first.controls:
        other = later.get(c.key, ControlResult(c.key, c.kind, c.where))
        both.controls.append(
            ControlResult(c.key, c.kind, c.where, c.moves + other.moves, c.error or other.error)
        )
    return both


def _charts_text(charts: dict) -> str:
    parts = []
    if charts.get("plotly"):
        three = charts.get("three_d", 0)
        parts.append(f"{charts['plotly']} plotly" + (f" ({three} 3-D)" if three else ""))
    if charts.get("graphviz"):
        parts.append(f"{charts['graphviz']} graphviz")
    return ", ".join(parts) or "none"


def section_rows(results: Sequence[SectionResult], floor: SectionResult) -> list[list[str]]:
    rows = []
    for r in [floor, *results]:
        times = ratio(r.load_ms, floor.load_ms)
        limit = RATIO_TARGET_3D if r.three_d else RATIO_TARGET
        rows.append(
            [
                r.page,
                r.section or "(whole page)",
                cell(r.load_ms / 1000, 2),
                cell(times, 1, "×", times > limit),
                cell(median(s.server_ms for s in r.loads) / 1000, 2),
                cell(r.load_kib),
                cell(ratio(r.load_kib, floor.load_kib), 1, "×"),
                _charts_text(r.charts),
                r.error or "",
            ]
        )
    return rows


def control_rows(results: Sequence[SectionResult], floor: SectionResult) -> list[list[str]]:
    base = floor.controls[0] if floor.controls else ControlResult("", "", "")
    rows = []
    for r in [floor, *results]:
        for c in r.controls:
            times, more = ratio(c.ms, base.ms), ratio(c.kib, base.kib)
            rows.append(
                [
                    r.page,
                    r.section or "(whole page)",
                    c.key + ("" if c.where == "section" else " ↑"),
                    c.kind,
                    cell(c.ms),
                    cell(times, 1, "×", times > RATIO_TARGET),
                    cell(c.server_ms),
                    cell(c.kib, 1, "", c.kib > KIB_TARGET and not r.three_d),
                    cell(more, 1, "×"),
                    c.error or "",
                ]
            )
    return rows


SECTION_HEADER = (
    "page",
    "section",
    "load (s)",
    "× floor",
    "server done (s)",
    "load KiB",
    "× floor",
    "charts",
    "note",
)
CONTROL_HEADER = (
    "page",
    "section",
    "control",
    "kind",
    "repaint (ms)",
    "× floor",
    "server done (ms)",
    "KiB/change",
    "× floor",
    "note",
)


def report(results: Sequence[SectionResult], floor: SectionResult, settings: Settings) -> str:
    moves = "back and forth" if settings.alternate else "onward, each to a new value"
    return "\n".join(
        [
            f"Load: navigation → script run over and every chart drawn, median of "
            f"{settings.repeat} (a fresh browser context each; the server's caches warm). "
            "Server done: the run's last message arrived. The floor app is measured at the start "
            "and at the end of the run. ! = over 2× the floor app's (3× with a 3-D chart).",
            markdown_table(SECTION_HEADER, section_rows(results, floor)),
            "",
            f"Repaint: key or pointer press → rerun over and every chart drawn, median of "
            f"{settings.repeat} moves ({moves}). Server done: the rerun's last message arrived. "
            "KiB: websocket bytes received per change. ↑ = a control above the tabs (shared "
            "by the sections). ! = over 2× the floor app's repaint, over 50 KiB in a 2-D section.",
            markdown_table(CONTROL_HEADER, control_rows(results, floor)),
        ]
    )


# -- servers -----------------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve(script: str, cwd: Path):
    """``streamlit run <script>`` in ``cwd`` (which holds its ``.streamlit/config.toml``) on a
    free port with ``SERVER_FLAGS``; yields its address and stops it afterwards."""
    port = free_port()
    command = [sys.executable, "-m", "streamlit", "run", script, "--server.port", str(port)]
    with started(command + SERVER_FLAGS, cwd, port) as (url, _):
        yield url


@contextmanager
def started(command: list[str], cwd: Path, port: int, seconds: float = 120):
    """``command`` (a server that will answer on ``port``) run in ``cwd`` until its health
    check answers; yields its address and process, and stops it afterwards."""
    log = tempfile.TemporaryFile()
    process = subprocess.Popen(
        command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=log
    )  # stderr to a file: a pipe left unread fills up and stalls the server
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + seconds
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    log.seek(0)
                    tail = log.read().decode()[-2000:]
                    raise RuntimeError(f"{command} did not start: {tail}") from None
                time.sleep(0.3)  # polling the health endpoint until the server answers
        yield url, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


@contextmanager
def floor_folder():
    """A temporary folder holding the floor app and a copy of the app's server config."""
    with tempfile.TemporaryDirectory(prefix="dlviz-floor-") as folder:
        path = Path(folder)
        (path / ".streamlit").mkdir()
        shutil.copy(ROOT / ".streamlit" / "config.toml", path / ".streamlit" / "config.toml")
        shutil.copy(HERE / "floor.py", path / "floor.py")
        yield path


# -- the browser -------------------------------------------------------------------------------
def _error(error: Exception) -> str:
    """A short note for the table: the error's kind and the start of its message."""
    text = (str(error).splitlines() or [""])[0].removeprefix("Error: ")
    return f"{type(error).__name__}: {text}"[:70]


def _why(result: dict) -> str:
    if result.get("t0") is None:
        return " (no key or pointer press reached the page)"
    if result.get("finished") is None:
        return f" (no script run finished; {result.get('messages', 0)} messages)"
    return " (still drawing)"


class Tab:
    """One browser page in its own fresh context, with the probe and a websocket byte count."""

    def __init__(self, browser, probe: str):
        self.context = browser.new_context(viewport=VIEWPORT, locale="en-US")
        self.context.add_init_script(probe)
        self.page = self.context.new_page()
        self.page.set_default_timeout(LOAD_TIMEOUT_MS)
        self.received = 0
        cdp = self.context.new_cdp_session(self.page)
        cdp.on("Network.webSocketFrameReceived", self._frame)
        cdp.send("Network.enable")

    def _frame(self, event: dict) -> None:
        response = event["response"]
        self.received += frame_bytes(response["opcode"], response["payloadData"])

    def close(self) -> None:
        self.context.close()

    def open(self, url: str) -> Sample:
        """Navigate to ``url`` and wait until it is all drawn (times from the navigation)."""
        self.received = 0
        self.page.goto(url)
        result = self.page.evaluate("(ms) => window.__bench.wait(ms)", LOAD_TIMEOUT_MS)
        if result.get("timeout"):
            raise TimeoutError(f"not drawn in {LOAD_TIMEOUT_MS / 1000:.0f} s{_why(result)}")
        self.last = result
        return Sample(result["end"], self.received / 1024, result["finished"])

    def timed(self, act) -> Sample:
        """Arm the probe, ``act()`` (a key or pointer press), wait until it is all drawn."""
        self.page.evaluate("() => window.__bench.arm()")
        start = self.received
        act()
        result = self.page.evaluate("(ms) => window.__bench.wait(ms)", MOVE_TIMEOUT_MS)
        if result.get("timeout") or result.get("t0") is None:
            raise TimeoutError(f"no repaint in {MOVE_TIMEOUT_MS / 1000:.0f} s{_why(result)}")
        self.last = result
        t0 = result["t0"]
        return Sample(result["end"] - t0, (self.received - start) / 1024, result["finished"] - t0)

    def error(self) -> str | None:
        exceptions = self.page.locator("[data-testid=stMain] [data-testid=stException]")
        if exceptions.count():
            text = (exceptions.first.inner_text().splitlines() or [""])[0]
            return f"exception: {text}"[:70]
        return None


def _box(page, key: str):
    return page.locator(f"[data-testid=stMain] .st-key-{key}").first


def move(tab: Tab, control: dict, n: int, alternate: bool = False) -> Sample:
    """The ``n``-th move of a control (see the module's docstring), timed."""
    page, kind, key = tab.page, control["kind"], control["key"]
    box = _box(page, key)

    def way(at_bottom: bool, at_top: bool) -> int:
        control["way"] = direction(at_bottom, at_top, control.get("way"), alternate)
        return control["way"]

    if kind == "slider":
        thumb = box.locator("input[type=range]").first  # role slider (react-aria)
        thumb.focus()
        lo, hi = (float(thumb.get_attribute(a)) for a in ("min", "max"))
        now = float(thumb.input_value())
        press = "ArrowRight" if way(now <= lo, now >= hi) > 0 else "ArrowLeft"
        return tab.timed(lambda: thumb.press(press))
    if kind == "number":
        field_ = box.locator("input")
        lo, hi = (float(field_.get_attribute(a) or s) for a, s in (("min", "-inf"), ("max", "inf")))
        now = float(field_.input_value() or 0)
        up = way(now <= lo, now >= hi) > 0
        button = box.locator(f"[data-testid=stNumberInputStep{'Up' if up else 'Down'}]")
        if button.count() and button.is_visible() and button.is_enabled():
            return tab.timed(lambda: button.click())
        field_.focus()
        return tab.timed(lambda: field_.press("ArrowUp" if up else "ArrowDown"))
    if kind == "radio":
        inputs = box.locator("input[type=radio]")
        checked = inputs.evaluate_all("(all) => all.findIndex(i => i.checked)")
        control.setdefault("original", max(checked, 0))
        target = choice_target(control["original"], inputs.count(), n, alternate)
        option = box.locator("[data-testid=stRadioOption]").nth(target)
        return tab.timed(lambda: option.click())
    if kind in ("toggle", "checkbox"):
        label = box.locator("label").first
        return tab.timed(lambda: label.click())
    if kind == "select":
        combo = box.locator("[role=combobox]")
        current = combo.input_value()
        combo.click()
        options = page.locator("[role=listbox] [role=option]")
        options.first.wait_for()
        texts = [t.strip() for t in options.all_inner_texts()]
        control.setdefault("original", texts.index(current) if current in texts else 0)
        option = options.nth(choice_target(control["original"], len(texts), n, alternate))
        return tab.timed(lambda: option.click())
    if kind == "stepper":
        forward = _box(page, f"{key}_next").locator("[data-testid=stButton] button").first
        back = _box(page, f"{key}_{control.get('back', 'back')}")
        back = back.locator("[data-testid=stButton] button").first
        button = forward if way(not back.is_enabled(), not forward.is_enabled()) > 0 else back
        return tab.timed(lambda: button.click())
    raise ValueError(f"cannot move a {kind}")


def find_controls(tab: Tab) -> list[dict]:
    return tab.page.evaluate("() => window.__bench.controls()")


def measure_section(
    browser, probe: str, base: str, page_name: str, section: str, path: str, settings: Settings
) -> SectionResult:
    """Loads of ``base + path`` in fresh contexts, then moves of its first controls."""
    result = SectionResult(page_name, section)
    tab = None
    try:
        for _ in range(settings.repeat):
            if tab is not None:
                tab.close()
            tab = Tab(browser, probe)
            result.loads.append(tab.open(base + path))
        result.charts = tab.page.evaluate("() => window.__bench.charts()")
        result.error = tab.error()
        for control in pick_controls(find_controls(tab), settings.controls):
            done = ControlResult(control["key"], control["kind"], control["where"])
            result.controls.append(done)
            try:
                for n in range(settings.repeat):
                    done.moves.append(move(tab, control, n, settings.alternate))
            except Exception as error:  # one control failing does not stop the others
                done.error = _error(error)
            done.error = done.error or tab.error()
    except Exception as error:
        result.error = _error(error)
    finally:
        if tab is not None:
            tab.close()
    return result


def discover_sections(browser, probe: str, base: str, url_path: str) -> list[str]:
    """The keys of a page's sections, in tab order: each tab is clicked and its key read from
    the address (``[""]`` for a page without tabs)."""
    tab = Tab(browser, probe)
    try:
        tab.open(f"{base}/{url_path}?lang=en")
        tabs = tab.page.locator("[data-testid=stMain] [role=tab]")
        if not tabs.count():
            return [WHOLE_PAGE]
        keys = []
        for n in range(tabs.count()):
            if tabs.nth(n).get_attribute("aria-selected") != "true":
                tab.timed(lambda n=n: tabs.nth(n).click())
            keys.append(tab_key(tab.page.url))
        return keys
    finally:
        tab.close()


def run(
    pages: Sequence[str] | None, sections: Sequence[str] | None, settings: Settings, log=print
) -> tuple[list[SectionResult], SectionResult]:
    """Serve both apps, measure the floor app and then each chosen page's chosen sections."""
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT))
    from dlviz import nav

    probe = (HERE / "probe.js").read_text(encoding="utf-8")
    chosen = [p for p in nav.pages() if wanted(p.url_path, pages)]
    if pages and not chosen:
        raise SystemExit(f"no page named {pages}; pages: {[p.url_path for p in nav.pages()]}")
    results = []
    with (
        floor_folder() as folder,
        serve("floor.py", folder) as floor_url,
        serve("app.py", ROOT) as app_url,
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        try:
            for url in (floor_url + "/", app_url + "/?lang=en"):  # each server's first run
                first = Tab(browser, probe)
                first.open(url)
                first.close()
            floor_settings = replace(settings, controls=1)
            floor = measure_section(browser, probe, floor_url, *FLOOR, "/", floor_settings)
            log(f"floor app: {progress(floor)}")
            for info in chosen:
                for key in discover_sections(browser, probe, app_url, info.url_path):
                    if key != WHOLE_PAGE and not wanted(key, sections):
                        continue
                    path = f"/{info.url_path}?lang=en" + (f"&tab={key}" if key else "")
                    started = time.monotonic()
                    result = measure_section(
                        browser, probe, app_url, info.url_path, key, path, settings
                    )
                    results.append(result)
                    log(
                        f"{info.url_path} {key or '(whole page)'}: {progress(result)}, "
                        f"{time.monotonic() - started:.0f} s"
                    )
            # The floor again at the end: on a busy machine, both ends of the run count.
            again = measure_section(browser, probe, floor_url, *FLOOR, "/", floor_settings)
            log(f"floor app again: {progress(again)}")
            floor = pooled(floor, again)
        finally:
            browser.close()
    return results, floor


def progress(result: SectionResult) -> str:
    moved = ", ".join(f"{c.key} {cell(c.ms)} ms" for c in result.controls)
    text = f"load {cell(result.load_ms / 1000, 2)} s; {moved or 'no controls'}"
    return text + (f" — {result.error}" if result.error else "")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--pages", help="pages to measure, by URL path: Gradient,Softmax")
    parser.add_argument("--sections", help="sections to measure, by key: point,descent")
    parser.add_argument("--repeat", type=int, default=3, help="loads and moves (median of)")
    parser.add_argument("--controls", type=int, default=3, help="controls per section")
    parser.add_argument(
        "--alternate",
        action="store_true",
        help="move controls back and forth (default: onward, to new values)",
    )


def browse(args: argparse.Namespace) -> None:
    """Run the benchmark with parsed arguments; progress on stderr, the tables on stdout."""
    started = time.monotonic()
    settings = Settings(max(args.repeat, 1), max(args.controls, 0), args.alternate)
    results, floor = run(
        names(args.pages),
        names(args.sections),
        settings,
        log=lambda text: print(text, file=sys.stderr, flush=True),
    )
    print(report(results, floor, settings))
    print(f"\n({time.monotonic() - started:.0f} s in all)", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m bench.browser",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_arguments(parser)
    browse(parser.parse_args(argv))


if __name__ == "__main__":
    main()
