"""Server time of every control of every section of every page, moved once from its defaults.

A page's sections are its tabs (``ui.Page.sections``): each is opened by its link,
``?tab=<key>`` (the keys are recorded from the page's own ``sections`` call), and every control
shown there is moved: the section's own ones and the ones above the tabs (shared by all
sections, marked ↑; they rerun the whole page, which runs the open section only). Each move is
made in a new session that starts at the section's defaults with Streamlit's caches cleared
(the defaults' own results are computed again, untimed): the first move a student makes. A
slider goes one or two steps away, a choice box to another option, a toggle over, a button is
pressed. As on the real server, a control inside a section that runs as a fragment reruns that
fragment alone (Streamlit's browser asks for exactly that); the others rerun the page. The
process is warmed up first by one move of every control of the section, so Python's one-off
costs (first imports, first calls) are not counted. The figure is the median of ``SAMPLES``
such moves, script only (see ``__main__``); "!" marks one over the issue's 30 ms. Buttons that
start long, labelled work on purpose (a timing run, training) are left out.

``python -m bench.controls [--pages Gradient,Softmax]`` runs it alone.
"""

from __future__ import annotations

import argparse
import functools
import math
import statistics
from dataclasses import dataclass

import streamlit as st
from streamlit.runtime.scriptrunner import RerunData
from streamlit.runtime.scriptrunner_utils.script_run_context import ThreadState
from streamlit.testing.v1 import AppTest, local_script_runner

from bench.__main__ import ROOT, _timed_run
from bench.browser import markdown_table, names
from dlviz import nav, ui

LONG_WORK = ("measure", "train", "run", "fit")  # buttons whose work is long by design
SAMPLES = 3
TARGET_MS = 30
KINDS = ("slider", "select_slider", "number_input", "selectbox", "radio", "toggle", "button")
OPTIONS: dict[str, tuple] = {}  # a choice control's options (values, not labels), by key
WHOLE_PAGE = ""  # the section key of a page without sections


def _recording(method):
    def record(self, key, spec, *args, **kwargs):
        OPTIONS[key] = tuple(spec.options)
        return method(self, key, spec, *args, **kwargs)

    return record


ui.Page.select = _recording(ui.Page.select)
ui.Page.log_slider = _recording(ui.Page.log_slider)


@dataclass
class Sections:
    """What the last run's ``page.sections`` call showed: its keys, and the open section's
    fragment (None if it reruns the whole page)."""

    keys: tuple[str, ...] = ()
    fragment: str | None = None


SEEN = Sections()
_sections = ui.Page.sections


def _recorded_sections(self, sections, *, whole=()):
    SEEN.keys = tuple(sections)

    def recorded(key, draw):
        @functools.wraps(draw)  # the same name: the same fragment id as without this wrapper
        def run():
            SEEN.fragment = None if key in whole else ThreadState.get().fragment_id
            return draw()

        return run

    return _sections(self, {k: recorded(k, f) for k, f in sections.items()}, whole=whole)


ui.Page.sections = _recorded_sections

# A rerun scoped to one fragment, as the browser asks when a control inside it moves: AppTest
# has no way to ask for it, so its runner's RerunData gets the fragment when one is set here.
_SCOPE: list[str] = []


def _rerun_data(**kwargs) -> RerunData:
    if _SCOPE:
        kwargs["fragment_id_queue"] = list(_SCOPE)
    return RerunData(**kwargs)


local_script_runner.RerunData = _rerun_data


def _new_values(widget) -> list:
    """Values next to the widget's default: one to warm up with, then ``SAMPLES`` to time."""
    kind, value, wanted = type(widget).__name__, widget.value, SAMPLES + 1
    if kind in ("Slider", "NumberInput"):
        step = widget.step or 1
        near = [value + k * step for k in (1, 2, -1, 3, -2, 4, -3)]
        return [type(value)(v) for v in near if widget.min <= v <= widget.max][:wanted]
    if kind == "SelectSlider":
        options = OPTIONS[widget.key]
        here = options.index(value)
        picks = (here + 1, here + 2, here - 1, here + 3, here - 2, here + 4)
        return [options[k] for k in picks if 0 <= k < len(options)][:wanted]
    if kind in ("Selectbox", "Radio"):
        others = [option for option in OPTIONS[widget.key] if option != value]
        return (others * wanted)[:wanted]
    if kind == "Toggle":
        return [not value] * wanted
    if kind == "Button":
        return [None] * wanted
    return []


def _fresh(script: str, tab: str = WHOLE_PAGE) -> AppTest:
    """A new session at the section's defaults, after the caches were cleared."""
    st.cache_data.clear()
    st.cache_resource.clear()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    if script != "app.py":
        at.switch_page(script)
    if tab:
        at.query_params["tab"] = tab
    SEEN.keys, SEEN.fragment = (), None
    at.run()
    if at.exception:
        raise RuntimeError(f"{script} ?tab={tab}: {at.exception[0].value}")
    return at


def _move(at: AppTest, kind: str, key: str, value, fragment: str | None = None) -> float:
    widget = next(w for w in at.get(kind) if w.key == key)
    widget.click() if kind == "button" else widget.set_value(value)
    _SCOPE[:] = [fragment] if fragment else []
    try:
        return _timed_run(at)[0]
    finally:
        _SCOPE.clear()


def sections(script: str) -> list[str]:
    """The page's section keys, in tab order (``[""]`` for a page without sections)."""
    _fresh(script)
    return list(SEEN.keys) or [WHOLE_PAGE]


@dataclass
class Control:
    kind: str
    key: str
    values: list
    shared: bool  # above the tabs: reruns the whole page


def section_controls(at: AppTest) -> list[Control]:
    """Every control of the open section that is enabled at its defaults and can move."""
    inside = {(w.key, kind) for tab in at.tabs for kind in KINDS for w in tab.get(kind)}
    controls = []
    for kind in KINDS:
        for widget in at.main.get(kind):
            if not widget.key or getattr(widget.proto, "disabled", False):
                continue
            if kind == "button" and any(word in widget.key for word in LONG_WORK):
                continue
            values = _new_values(widget)
            if len(values) > 1:
                shared = bool(SEEN.keys) and (widget.key, kind) not in inside
                controls.append(Control(kind, widget.key, values, shared))
    return sorted(controls, key=lambda control: control.shared)  # the section's own first


def control_times(script: str, tab: str) -> list[tuple[str, float]]:
    """(control, median server ms of its first move from the section's defaults) for every
    control of the section (``tab``) that is enabled at its defaults."""
    at = _fresh(script, tab)
    fragment = SEEN.fragment
    controls = section_controls(at)
    for control in controls:  # warm the process up, all in one session
        try:
            scope = None if control.shared else fragment
            _move(at, control.kind, control.key, control.values[0], scope)
        except Exception:  # an earlier move may have disabled it (a stepper at its end)
            at = _fresh(script, tab)
            continue
        if scope:
            at.run()  # AppTest keeps only the fragment's elements after a fragment's run
    rows = []
    for control in controls:
        scope = None if control.shared else fragment
        name = f"{control.kind} {control.key}" + (" ↑" if control.shared else "")
        try:
            samples = [
                _move(_fresh(script, tab), control.kind, control.key, value, scope)
                for value in control.values[1:]
            ]
        except Exception as error:
            rows.append((f"{name} ({_error(error)})", math.nan))
            continue
        rows.append((name, statistics.median(samples)))
    return rows


def mark(ms: float) -> str:
    """Milliseconds for the table, with "!" when over the target ("—": not measured)."""
    if math.isnan(ms):
        return "—"
    return f"{ms:.0f}" + (" !" if ms > TARGET_MS else "")


def _error(error: Exception) -> str:
    return f"{type(error).__name__}: {(str(error).splitlines() or [''])[0]}"[:70]


def main(pages: list[str] | None = None) -> None:
    summary, each = [], []
    for info in nav.pages():
        if pages and info.url_path.lower() not in {p.lower() for p in pages}:
            continue
        try:
            tabs = sections(info.script)
        except Exception as error:  # a page that fails is reported, the others measured
            summary.append((info.url_path, "", "—", "—", "—", _error(error)))
            continue
        for tab in tabs:
            name = tab or "(whole page)"
            try:
                rows = control_times(info.script, tab)
            except Exception as error:
                summary.append((info.url_path, name, "—", "—", "—", _error(error)))
                continue
            each += [(info.url_path, name, control, mark(ms)) for control, ms in rows]
            if not rows:
                summary.append((info.url_path, name, "0", "—", "—", ""))
                continue
            measured = [row for row in rows if not math.isnan(row[1])] or [("—", math.nan)]
            worst = max(measured, key=lambda row: row[1])
            median = statistics.median(ms for _, ms in measured)
            summary.append(
                (info.url_path, name, str(len(rows)), mark(median), mark(worst[1]), worst[0])
            )
    print(
        f"Every control of every section, first move from the section's defaults: server ms, "
        f"median of {SAMPLES} (! = over {TARGET_MS} ms; ↑ = above the tabs, reruns the page)"
    )
    header = ("page", "section", "controls", "median (ms)", "worst (ms)", "worst control")
    print(markdown_table(header, summary))
    print()
    print(markdown_table(("page", "section", "control", "median (ms)"), each))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        prog="python -m bench.controls",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--pages", help="pages to measure, by URL path: Gradient,Softmax")
    main(names(parser.parse_args().pages))
