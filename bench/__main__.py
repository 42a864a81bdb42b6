"""Server time per page: ``python -m bench`` prints a table.

``python -m bench --browser`` runs the browser benchmark instead (``bench/browser.py``: load and
repaint per page, section and control against a floor app, in Chromium); see ``--help``.

For every page: the first run at default settings (cold caches), then the median over a few
control changes (each moves the page's first slider to another value and reruns, the way a
student drags it). Run with Streamlit's AppTest in this process. Two figures per rerun:
"server" is the script run itself, as the real server does it (our code, Streamlit's widget
handling and serialising every element to protobuf); "AppTest" adds the test harness's own
parsing of those messages, which a real server does not do. As on a real server, each page is
compiled once (AppTest alone would recompile it on every run). The browser's drawing time is in
neither. Page-specific benchmarks (modules ``bench/*.py`` with a ``main()``) follow the table.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import statistics
import sys
import time
from pathlib import Path

import streamlit as st
from streamlit.testing.v1 import AppTest, app_test
from streamlit.testing.v1.local_script_runner import LocalScriptRunner

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dlviz import nav  # noqa: E402

_SCRIPT_MS: list[float] = []
_run_script = LocalScriptRunner._run_script


def _timed_script(self, *args, **kwargs):
    start = time.perf_counter()
    try:
        return _run_script(self, *args, **kwargs)
    finally:
        _SCRIPT_MS.append((time.perf_counter() - start) * 1000)


LocalScriptRunner._run_script = _timed_script  # time the script run alone, in its thread

# AppTest compiles the page anew on every run; a real server compiles it once and keeps the
# bytecode. Share one script cache so the figures are those of the server.
_SHARED_SCRIPT_CACHE = app_test.ScriptCache()
app_test.ScriptCache = lambda: _SHARED_SCRIPT_CACHE


def _timed_run(at: AppTest) -> tuple[float, float]:
    """(server ms, AppTest ms) of one rerun."""
    _SCRIPT_MS.clear()
    start = time.perf_counter()
    at.run()
    elapsed = (time.perf_counter() - start) * 1000
    if at.exception:
        raise RuntimeError(at.exception[0].value)
    return sum(_SCRIPT_MS), elapsed


def page_times(script: str, changes: int = 5) -> tuple[float, float, float, float, str]:
    st.cache_data.clear()
    st.cache_resource.clear()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    if script != "app.py":
        at.switch_page(script)
    cold = _timed_run(at)[1]
    sliders = [s for s in at.main.get("slider") if s.key]
    if not sliders:
        return cold, float("nan"), float("nan"), float("nan"), "(no slider)"
    slider = at.slider(key=sliders[0].key)
    lo, hi = slider.min, slider.max
    samples = []
    for k in range(changes):
        value = lo + (hi - lo) * (0.3 + 0.1 * k)
        slider = at.slider(key=slider.key)
        slider.set_value(
            type(slider.value)(value) if not isinstance(slider.value, tuple) else slider.value
        )
        samples.append(_timed_run(at))
    server = [sample[0] for sample in samples]
    return (
        cold,
        statistics.median(server),
        max(server),
        statistics.median(s[1] for s in samples),
        slider.key,
    )


# Not run after the table: this module, the browser benchmark (``--browser``), the load test
# (``python -m bench.load``, minutes long) and the floor app (a Streamlit script, not a module).
NOT_RUN = {"__main__", "browser", "floor", "load"}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--browser", action="store_true", help="the browser benchmark (Chromium, Playwright)"
    )
    parser.add_argument(
        "--server",
        action="store_true",
        help="reruns through a real `streamlit run` server, per control, beside the floor app",
    )
    group = parser.add_argument_group("with --browser")
    from bench import browser

    browser.add_arguments(group)
    args = parser.parse_args(argv)
    if args.browser:
        browser.browse(args)
        return
    if args.server:
        from bench import load

        load.server_table()
        return
    server_tables()


def server_tables() -> None:
    rows = [
        ("page", "first run (ms)", "control change: server, median (ms)", "worst (ms)",
         "with AppTest (ms)", "control moved"),
    ]  # fmt: skip
    for script in ["app.py"] + [p.script for p in nav.pages()]:
        cold, median, worst, harness, key = page_times(script)
        rows.append((script, f"{cold:.0f}", f"{median:.0f}", f"{worst:.0f}", f"{harness:.0f}", key))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for n, row in enumerate(rows):
        print(" | ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
        if n == 0:
            print("-+-".join("-" * width for width in widths))
    for info in pkgutil.iter_modules([str(Path(__file__).parent)]):
        if info.name not in NOT_RUN:
            module = importlib.import_module(f"bench.{info.name}")
            if hasattr(module, "main"):
                print()
                module.main()


if __name__ == "__main__":
    main()
