"""Server time of every control of every page, moved once from the page's defaults.

The table of ``bench/__main__.py`` moves one slider per page; here every control of a page is
moved, each time in a new session that starts at the page's defaults with Streamlit's caches
cleared (the defaults' own results are computed again, untimed, before the move): the first
move a student makes. A slider goes one or two steps away, a choice box to another option, a
toggle over, a button is pressed. The process is warmed up first by one move of every control,
so Python's one-off costs (first imports, first calls) are not counted. The figure is the
median of ``SAMPLES`` such moves, script only (see ``__main__``). Buttons that start long,
labelled work on purpose (a timing run, training) are left out.
"""

from __future__ import annotations

import statistics

import streamlit as st
from streamlit.testing.v1 import AppTest

from bench.__main__ import ROOT, _timed_run
from dlviz import nav, ui

LONG_WORK = ("measure", "train", "run", "fit")  # buttons whose work is long by design
SAMPLES = 3
KINDS = ("slider", "select_slider", "number_input", "selectbox", "radio", "toggle", "button")
OPTIONS: dict[str, tuple] = {}  # a choice control's options (values, not labels), by key


def _recording(method):
    def record(self, key, spec, *args, **kwargs):
        OPTIONS[key] = tuple(spec.options)
        return method(self, key, spec, *args, **kwargs)

    return record


ui.Page.select = _recording(ui.Page.select)
ui.Page.log_slider = _recording(ui.Page.log_slider)


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


def _fresh(script: str) -> AppTest:
    """A new session at the page's defaults, after the caches were cleared."""
    st.cache_data.clear()
    st.cache_resource.clear()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    if script != "app.py":
        at.switch_page(script)
    return at.run()


def _move(at: AppTest, kind: str, key: str, value) -> float:
    widget = next(w for w in at.get(kind) if w.key == key)
    widget.click() if kind == "button" else widget.set_value(value)
    return _timed_run(at)[0]


def control_times(script: str) -> list[tuple[str, float]]:
    """(control, median server ms of its first move from the defaults) for every control in
    the page's body that is enabled at the defaults."""
    at = _fresh(script)
    controls = []
    for kind in KINDS:
        for widget in at.main.get(kind):
            if widget.key and not getattr(widget, "disabled", False):
                if kind == "button" and any(word in widget.key for word in LONG_WORK):
                    continue
                values = _new_values(widget)
                if len(values) > 1:
                    controls.append((kind, widget.key, values))
    for kind, key, values in controls:  # warm the process up
        _move(at, kind, key, values[0])
    rows = []
    for kind, key, values in controls:
        samples = [_move(_fresh(script), kind, key, value) for value in values[1:]]
        rows.append((f"{kind} {key}", statistics.median(samples)))
    return rows


def main() -> None:
    print("every control, first move from the page's defaults (server ms, median of 3)")
    print(f"{'page':<31} | {'controls':>8} | {'median':>6} | {'worst':>6} | worst control")
    details = {}
    for script in [p.script for p in nav.pages()]:
        details[script] = rows = control_times(script)
        worst = max(rows, key=lambda row: row[1])
        median = statistics.median(ms for _, ms in rows)
        print(f"{script:<31} | {len(rows):>8} | {median:>6.0f} | {worst[1]:>6.0f} | {worst[0]}")
    print()
    print("each control (server ms, median of 3 first moves)")
    for script, rows in details.items():
        print(f"  {script}")
        for name, ms in rows:
            print(f"    {name:<32} {ms:6.0f}")


if __name__ == "__main__":
    main()
