"""Logistic regression page: server time per control, and the core's costs.

``python -m bench.logistic`` (also run by ``python -m bench``) prints

1. for each control of the page at its section's default settings (the section opened by its
   link, ``?tab=``), the median server time of a rerun after moving it (wall and CPU time of
   this process; a control inside a section reruns that section's fragment, as in the
   browser): the exploration controls reuse the cached training; η and the epochs start a new
   training run (first time, then cached);
2. the core: gradient descent per epoch, the separability linear programs, Newton's method, and
   the optimum against scikit-learn's unpenalised ``LogisticRegression`` on the same data.
"""

from __future__ import annotations

import math
import statistics
import time
from pathlib import Path

import numpy as np
from streamlit.testing.v1 import AppTest

from bench import controls
from dlviz import binary_data, logistic

ROOT = Path(__file__).resolve().parents[1]
PAGE = "pages/4_Logistic_regression.py"
CONTROLS = [("z", "slider"), ("b0", "slider"), ("beta", "slider"), ("nmax", "slider"),
            ("eta", "select_slider"), ("epochs", "slider")]  # fmt: skip


def _rerun(at: AppTest, fragment: str | None = None) -> tuple[float, float]:
    """(wall ms, CPU ms) of a rerun: of the page, or of one section's fragment (as the browser
    asks when a control inside it moves)."""
    controls._SCOPE[:] = [fragment] if fragment else []
    cpu, wall = time.process_time(), time.perf_counter()
    try:
        at.run()
    finally:
        controls._SCOPE.clear()
    if at.exception:
        raise RuntimeError(at.exception[0].value)
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


def _homes() -> dict[tuple[str, str], tuple[str, bool]]:
    """Each control's section (its ``?tab=`` key) and whether it is shared (above the tabs)."""
    homes = {}
    for tab in controls.sections(PAGE):
        shown = controls.section_controls(controls._fresh(PAGE, tab))
        for control in shown:
            homes.setdefault((control.key, control.kind), (tab, control.shared))
    return homes


def control_times(changes: int = 4) -> list[tuple[str, str, float, float, float]]:
    """(control, section, first change ms, median wall ms, median CPU ms) per control."""
    homes = _homes()
    rows = []
    for key, kind in CONTROLS:
        if (key, kind) not in homes:
            rows.append((key, "(not found)", math.nan, math.nan, math.nan))
            continue
        tab, shared = homes[key, kind]
        at = controls._fresh(PAGE, tab)
        fragment = None if shared else controls.SEEN.fragment
        widget = getattr(at, kind)(key=key)
        options = widget.options if kind == "select_slider" else None
        values = (
            [float(options[k]) for k in (4, 6, 4, 6, 4)]  # η: 0.005 … 0.02, then cached
            if options
            else [widget.min + (widget.max - widget.min) * f for f in (0.3, 0.4, 0.3, 0.4, 0.3)]
        )
        times = []
        for value in values[: changes + 1]:
            widget = getattr(at, kind)(key=key)
            widget.set_value(type(widget.value)(value))
            times.append(_rerun(at, fragment))
        walls, cpus = [w for w, _ in times[1:]], [c for _, c in times[1:]]
        rows.append((key, tab, times[0][0], statistics.median(walls), statistics.median(cpus)))
    return rows


def core_times() -> list[tuple[str, str]]:
    example = binary_data.smoking_example(30, 1)
    csv = binary_data.from_csv(binary_data.SAMPLE_CSV)
    rows = []
    for epochs in (1000, 5000):
        start = time.perf_counter()
        logistic.fit(example.X, example.y, 0.2, epochs)
        rows.append(
            (f"fit, {epochs} epochs (N = 30)", f"{(time.perf_counter() - start) * 1000:.0f} ms")
        )
    start = time.perf_counter()
    logistic.separation(example.X, example.y)
    rows.append(
        ("separation (two linear programs)", f"{(time.perf_counter() - start) * 1000:.1f} ms")
    )
    start = time.perf_counter()
    best = logistic.fit_newton(csv.X, csv.y)
    rows.append(("Newton's method (exam data)", f"{(time.perf_counter() - start) * 1000:.2f} ms"))
    try:
        from sklearn.linear_model import LogisticRegression
    except ImportError:
        rows.append(("scikit-learn reference", "not installed"))
        return rows
    model = LogisticRegression(C=np.inf, tol=1e-10, max_iter=10_000).fit(csv.X, csv.y)
    gap = np.max(np.abs(np.r_[best[0] - model.intercept_[0], best[1] - model.coef_[0]]))
    rows.append(("max |Newton − scikit-learn| (β₀, β)", f"{gap:.1e}"))
    return rows


def main() -> None:
    print("Logistic regression page: a rerun after moving each control (its section's defaults)")
    print("control | section     | first change (ms) | median wall (ms) | median CPU (ms)")
    for key, tab, first, wall, cpu in control_times():
        print(f"{key:7} | {tab:11} | {first:17.0f} | {wall:16.0f} | {cpu:15.0f}")
    print()
    for name, value in core_times():
        print(f"{name}: {value}")


if __name__ == "__main__":
    main()
