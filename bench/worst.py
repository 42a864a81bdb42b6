"""The worst input a student may legally give each page: server time and peak memory.

``python -m bench.worst`` (also run by ``python -m bench``) prints a table. Each row is one case
of ``CASES``: a page, the section open, and what the student gives it: the largest accepted
upload (a valid CSV of as many rows as the page's reader takes, an MNIST-sized ``.npz`` made in
memory), the heaviest formula the parser and the symbolic differentiator accept, and the heavy
controls at the end of their range. A control's range is read from the page's own spec
(``dlviz.params``, recorded as the page creates its controls), so ``MAX``/``MIN`` follow the page;
every value set is checked against that spec, so no case goes beyond what the link or the widget
allows.

Every case runs in a process of its own, so that its peak memory is that page's:

1. a session opens the section at its defaults (``?lang=en&tab=<section>`` and the case's
   ``query``): the controls' specs are recorded;
2. **first run**: without an upload, a new session opens the link carrying the worst values (the
   way a shared link arrives; Streamlit's caches cleared first); with an upload, the student of
   step 1 sets the controls and uploads, in one run;
3. **rerun**: one control moves (``move``; a button may be pressed with it) and the page reruns.

Each run is the whole page's run (a control inside a section would rerun that section alone:
this is the upper bound). "CPU s" is ``time.process_time`` of the process over the run (every
thread: the script's, numpy's; and AppTest polling for the end, about 1%); "wall s" is the
script run itself, as the server runs it (``bench.__main__``). "peak RSS" is
``ru_maxrss`` after both runs, "rise" its growth over the two runs. "input used" says whether
the page shows the case's ``shows`` text (e.g. the number of rows) after each run: "no" means
the page did not take the input (it refused or capped it; see "shown"). "shown" lists the
error boxes and exceptions of both runs. A run still going after ``--timeout`` seconds is
stopped: its figures are marked ">" (what it had used by then).

``python -m bench.worst [--pages Softmax,Gradient] [--timeout 240]`` runs a part; the table goes
to stdout, the progress to stderr. ``--case N`` runs the N-th case alone and prints its result
as JSON (what the table is made of).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from dlviz import binary_data, csvdata, params, symbolic
from dlviz import playground as pg
from dlviz.expr import ExprError, parse

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 240.0  # seconds a run may take before it is stopped (and marked ">")
MARK = "WORST-RESULT "  # the line of a case's process that carries its result


class Want:
    """A value chosen from the control's own spec: its top, its bottom or the next value."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


MAX, MIN, NEXT = Want("MAX"), Want("MIN"), Want("NEXT")
CLICK = Want("CLICK")  # press the button of this key (in ``move`` only)


# -- inputs --------------------------------------------------------------------------------------
def linear_csv(rows: int, seed: int = 0) -> bytes:
    """A valid ``x,y`` CSV for the SGD page: the lecture's kind of data (x from 50 to 120, y
    near 2x + 50), ``rows`` rows."""
    rng = np.random.default_rng(seed)
    x = rng.uniform(50.0, 120.0, rows)
    y = 2.0 * x + 50.0 + rng.normal(0.0, 10.0, rows)
    lines = ["x,y", *(f"{a:.6g},{b:.6g}" for a, b in zip(x, y, strict=True))]
    return ("\n".join(lines) + "\n").encode()


def binary_csv(rows: int, features: int = 2, seed: int = 0) -> bytes:
    """A valid CSV for the Logistic page: two overlapping Gaussian clouds, label ``y`` 0/1,
    columns ``x1, x2, y`` (or ``x, y`` for one feature), ``rows`` rows."""
    rng = np.random.default_rng(seed)
    y = np.arange(rows) % 2
    X = (2.0 * y - 1.0)[:, None] + 1.5 * rng.standard_normal((rows, features))
    names = ["x"] if features == 1 else [f"x{k + 1}" for k in range(features)]
    lines = [",".join([*names, "y"])]
    lines += [
        ",".join([*(f"{v:.6g}" for v in row), str(label)]) for row, label in zip(X, y, strict=False)
    ]
    return ("\n".join(lines) + "\n").encode()


def mnist_npz(train: int, test: int) -> bytes:
    """A valid MNIST file as Keras ships it (``x_train`` (train, 28, 28) uint8, ``y_train``,
    ``x_test``, ``y_test``): scikit-learn's 8×8 digits scaled up to 20×20 boxes in 28×28
    images, repeated to the counts asked for. Saved uncompressed."""
    from dlviz import digits

    data = digits.load_digits(0.2, 0)
    X = np.concatenate([data.X_train, data.X_test]).reshape(-1, 8, 8)
    y = np.concatenate([data.y_train, data.y_test])
    big = np.kron(X, np.ones((3, 3)))[:, 2:22, 2:22]  # 24×24, cut to 20×20
    images = np.zeros((len(X), 28, 28), dtype=np.uint8)
    images[:, 4:24, 4:24] = np.round(255 * np.clip(big, 0, 1)).astype(np.uint8)
    pick = np.arange(train + test) % len(X)
    buffer = io.BytesIO()
    np.savez(
        buffer,
        x_train=images[pick[:train]],
        y_train=y[pick[:train]].astype(np.uint8),
        x_test=images[pick[train:]],
        y_test=y[pick[train:]].astype(np.uint8),
    )
    return buffer.getvalue()


def largest_formula(term: str, joiner: str, fits: Callable[[Any], bool] = lambda e: True) -> str:
    """Terms ``term.format(k=1), term.format(k=2), …`` joined by ``joiner`` for as long as the
    parser accepts the formula and ``fits(expression)`` holds: the largest formula of that
    shape a student can type. The terms differ (k), so none is shared in the graph."""
    text, k = "", 1
    while True:
        candidate = (text + joiner if text else "") + term.format(k=k)
        try:
            expression = parse(candidate)
        except ExprError:
            return text
        if not fits(expression):
            return text
        text, k = candidate, k + 1


def symbolic_fits(expression) -> bool:
    """Whether ``dlviz.symbolic`` still differentiates it (above ``MAX_NODES`` it refuses,
    which is less work)."""
    return symbolic._count_nodes(expression.tree) <= symbolic.MAX_NODES


# The Gradient page: a product (its derivatives have a term per factor, each of every factor)
# as large as the symbolic derivatives take. The Autodiff page: the largest graph the parser
# accepts (≈200 nodes).
SYMBOLIC_FORMULA = largest_formula("sigmoid({k}x y)", "*", symbolic_fits)
GRAPH_FORMULA = largest_formula("{k}x y", "*")


@dataclass(frozen=True)
class Upload:
    """A file given to the page's uploader (``key``; None: the page's only uploader)."""

    key: str | None
    name: str
    make: Callable[[], bytes]
    mime: str = "application/octet-stream"

    def file(self) -> tuple[str, bytes, str]:
        return self.name, self.make(), self.mime


def _sgd_csv() -> bytes:
    return linear_csv(csvdata.MAX_ROWS)


def _logistic_csv() -> bytes:
    return binary_csv(binary_data.MAX_CSV_ROWS)


def _logistic_csv_1d() -> bytes:
    return binary_csv(binary_data.MAX_CSV_ROWS, features=1)


def _playground_csv() -> bytes:
    return binary_csv(pg.MAX_CSV_ROWS)  # the Playground's most points (x1, x2, y)


def _mnist() -> bytes:
    return mnist_npz(60_000, 10_000)  # the real MNIST's counts (Keras' mnist.npz)


SGD_CSV = Upload(None, "data.csv", _sgd_csv, "text/csv")
LOGISTIC_CSV = Upload("csv_file", "data.csv", _logistic_csv, "text/csv")
LOGISTIC_CSV_1D = Upload("csv_file", "data.csv", _logistic_csv_1d, "text/csv")
MNIST = Upload("mnist", "mnist.npz", _mnist)
PLAYGROUND_CSV = Upload("csv_file", "points.csv", _playground_csv, "text/csv")


# -- the cases -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Case:
    page: str  # URL path (``dlviz.nav``)
    section: str  # ``?tab=``
    input: str  # what the student gives, as the table says it
    controls: tuple[tuple[str, Any], ...] = ()  # key → MAX, MIN or a value, for the first run
    upload: Upload | None = None
    move: tuple[tuple[str, Any], ...] = ()  # then: key → NEXT, MAX, MIN, a value, or CLICK
    query: tuple[tuple[str, str], ...] = ()  # the link's other choices (at step 1 already)
    shows: str = ""  # text the page shows when it took the input ("" : nothing to check)


_CSV_ROWS = f"{csvdata.MAX_ROWS:,}-row x,y CSV upload"
_BIN_ROWS = f"{binary_data.MAX_CSV_ROWS:,}-row CSV upload"
_BIG_NETWORK = (("layers", "8,8,8,8,8,8"), ("features", "x1,x2,x1sq,x2sq,x1x2,sin1,sin2"),
                ("act", "relu"), ("epoch", "100000"))  # fmt: skip
CASES: list[Case] = [
    Case("Gradient", "point", "largest symbolic formula", (("f", SYMBOLIC_FORMULA), ("span", MAX)),
         move=(("x0", NEXT),)),
    Case("Gradient", "surface", "largest symbolic formula",
         (("f", SYMBOLIC_FORMULA), ("span", MAX)), move=(("x0", NEXT),)),
    Case("Gradient", "descent", "largest symbolic formula",
         (("f", SYMBOLIC_FORMULA), ("span", MAX), ("steps", MAX)), move=(("x0", NEXT),)),
    Case("Gradient_descent", "slide", _CSV_ROWS, (("mode", "batch"), ("epochs", MAX)), SGD_CSV,
         (("w0", NEXT),), shows=f"{csvdata.MAX_ROWS:,} samples"),
    Case("Gradient_descent", "slide", _CSV_ROWS, (("mode", "online"), ("epochs", MAX)), SGD_CSV,
         (("w0", NEXT),), shows=f"{csvdata.MAX_ROWS:,} samples"),
    Case("Gradient_descent", "compare", _CSV_ROWS,
         (("mode", "batch"), ("epochs", MAX), ("cmp_epochs", MAX)), SGD_CSV, (("w0", NEXT),),
         shows=f"{csvdata.MAX_ROWS:,} samples"),
    Case("Gradient_descent", "sweep", _CSV_ROWS, (("mode", "batch"), ("epochs", MAX)), SGD_CSV,
         (("w0", NEXT),), shows=f"{csvdata.MAX_ROWS:,} samples"),
    Case("Perceptron", "mlp", "—",
         (("seed", MAX), ("eta", MAX), ("mlp_epochs", MAX)), move=(("loss", NEXT),)),
    Case("Logistic_regression", "train", "blobs, N at its maximum",
         (("source", "blobs"), ("n", MAX), ("noise", MAX), ("epochs", MAX)), move=(("eta", NEXT),),
         shows="N = {n} points"),
    Case("Logistic_regression", "train", _BIN_ROWS + " (x1, x2, y)", (("epochs", MAX),),
         LOGISTIC_CSV, (("eta", NEXT),), (("source", "csv"),),
         shows=f"N = {binary_data.MAX_CSV_ROWS} points"),
    Case("Logistic_regression", "mle", _BIN_ROWS + " (x, y)", (("nmax", MAX),), LOGISTIC_CSV_1D,
         (("b0", NEXT),), (("source", "csv"),), shows=f"N = {binary_data.MAX_CSV_ROWS} points"),
    Case("Softmax", "digits", "MNIST 5,000 (default)", (("nb", MIN), ("epochs", MAX)),
         move=(("eta", NEXT), ("train", CLICK))),
    Case("Softmax", "digits", "8×8 digits", (("nb", MIN), ("epochs", MAX)),
         move=(("eta", NEXT), ("train", CLICK)), query=(("data", "digits"),)),
    Case("Softmax", "digits", "MNIST-sized .npz upload (60,000 + 10,000)",
         (("epochs", MAX),), MNIST, (("eta", NEXT), ("train", CLICK)), (("data", "mnist"),),
         shows="60000 training images"),
    Case("Softmax", "digits", "MNIST-sized .npz upload (60,000 + 10,000)",
         (("nb", MIN), ("epochs", MAX)), MNIST, (("eta", NEXT), ("train", CLICK)),
         (("data", "mnist"),), shows="60000 training images"),
    Case("Playground", "build", "6 × 8 network, all 7 inputs, link at the last epoch",
         (("batch", MIN), ("ratio", MAX)), move=(("lr", NEXT),), query=_BIG_NETWORK),
    Case("Playground", "build", "2,000-point CSV upload, 6 × 8 network",
         (("batch", MIN), ("ratio", MAX)), PLAYGROUND_CSV, (("lr", NEXT),),
         (("data", "csv"), *_BIG_NETWORK), shows="2,000 points"),
    Case("Playground", "point", "6 × 8 network, all 7 inputs, link at the last epoch",
         query=_BIG_NETWORK + (("batch", "1"), ("ratio", "90")), move=(("point", MAX),)),
    Case("Autodiff", "graph", "largest graph formula", (("f", GRAPH_FORMULA),),
         move=(("x0", NEXT),)),
    Case("Autodiff", "modes", "largest graph formula", (("f", GRAPH_FORMULA), ("n", MAX)),
         move=(("x0", NEXT),)),
]  # fmt: skip


# -- choosing values from a spec -----------------------------------------------------------------
def resolve(spec: params.Param, want: Any, current: Any = None, step: float | None = None) -> Any:
    """The value ``want`` asks for, under the control's ``spec``: ``MAX``/``MIN`` its range's
    ends (a grid's largest and smallest value), ``NEXT`` the value after ``current`` (one
    ``step`` up, the next option, the other side of a toggle; back down at the top), or a
    value given as is. Raises ``ValueError`` when the value is not one the spec accepts."""
    if want is MAX or want is MIN:
        if isinstance(spec, params.IntParam | params.FloatParam):
            value = spec.hi if want is MAX else spec.lo
        elif isinstance(spec, params.GridParam):
            value = max(spec.options) if want is MAX else min(spec.options)
        else:
            raise ValueError(f"{type(spec).__name__} has no {want!r}")
    elif want is NEXT:
        value = _next(spec, current, step)
    elif isinstance(want, Want):
        raise ValueError(f"{want!r} is not a value")
    else:
        value = want
    try:
        read = spec.parse(spec.dump(value))
    except params.ParamError as error:
        raise ValueError(f"{value!r} is not allowed: {error}") from None
    if read != value:  # e.g. 2.5 for a whole number: the link would say 2
        raise ValueError(f"{value!r} is not allowed: the control would hold {read!r}")
    return value


def _next(spec: params.Param, current: Any, step: float | None) -> Any:
    if isinstance(spec, params.BoolParam):
        return not current
    if isinstance(spec, params.ChoiceParam | params.GridParam):
        options = list(spec.options)
        here = options.index(current)
        if isinstance(spec, params.ChoiceParam):
            return options[(here + 1) % len(options)]
        return options[here + 1] if here + 1 < len(options) else options[here - 1]
    if isinstance(spec, params.IntParam | params.FloatParam):
        step = step or 1
        up = current + step
        value = up if up <= spec.hi else current - step
        return int(value) if isinstance(spec, params.IntParam) else round(float(value), 10)
    raise ValueError(f"{type(spec).__name__} has no next value")


def said(key: str, value: Any) -> str:
    """``key=value`` for the table (a long text by its length)."""
    if value is CLICK:
        return f"{key} pressed"
    if isinstance(value, str) and len(value) > 24:
        return f"{key}=<{len(value)} characters>"
    return f"{key}={value:g}" if isinstance(value, float) else f"{key}={value}"


# -- one case, in its own process ----------------------------------------------------------------
def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


@dataclass
class Result:
    """What one case's process measured (``run`` in it; printed as JSON)."""

    settings: str = ""
    moved: str = ""
    first: dict = field(default_factory=dict)  # cpu, wall (s), timed_out
    rerun: dict = field(default_factory=dict)
    rss_before: float = float("nan")  # MB, peak before the first run
    rss_peak: float = float("nan")  # MB, peak after the runs
    used: list = field(default_factory=list)  # per run: the page shows ``shows`` (None: no check)
    shown: list = field(default_factory=list)  # error boxes and exceptions, per run
    failed: str = ""  # the case could not be run (a control missing, …)


def _emit(result: Result) -> None:
    print(MARK + json.dumps(result.__dict__), flush=True)


def run_case(case: Case, timeout: float = TIMEOUT) -> Result:
    """Run ``case`` in this process (see the module's docstring) and return what it measured."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from bench.__main__ import _SCRIPT_MS
    from dlviz import nav, ui

    specs: dict[str, params.Param] = {}
    seed = ui.Page._seed

    def recording(self, key, spec, pending=None):
        specs[key] = spec
        return seed(self, key, spec, pending)

    ui.Page._seed = recording
    script = next(p.script for p in nav.pages() if p.url_path == case.page)
    base = {"lang": "en", "tab": case.section, **dict(case.query)}

    def session(query: dict[str, str]) -> AppTest:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=timeout + 600)
        at.switch_page(script)
        for key, value in query.items():
            at.query_params[key] = value
        return at

    result = Result()

    def timed(at: AppTest, name: str) -> None:
        """Run ``at`` once, timed; a run past ``timeout`` ends the process with what it had."""
        cpu, start = time.process_time(), time.perf_counter()
        _SCRIPT_MS.clear()

        def give_up() -> None:
            used = {"cpu": time.process_time() - cpu, "wall": time.perf_counter() - start}
            setattr(result, name, used | {"timed_out": True})
            result.rss_peak = _peak_mb()
            result.shown.append(f"stopped after {timeout:g} s")
            _emit(result)
            os._exit(0)

        watchdog = threading.Timer(timeout, give_up)
        watchdog.daemon = True
        watchdog.start()
        try:
            at.run(timeout=timeout + 600)
        finally:
            watchdog.cancel()
        used = {"cpu": time.process_time() - cpu, "wall": sum(_SCRIPT_MS) / 1000}
        setattr(result, name, used | {"timed_out": False})
        result.shown.append(_shown(at))
        result.used.append(None if not case.shows else case.shows.format(**values) in _text(at))

    print(f"  {case.page} ?tab={case.section}: opening at the defaults", file=sys.stderr)
    at = session(base)
    at.run()
    if at.exception:
        raise RuntimeError(f"at the defaults: {at.exception[0].value}")
    values = {key: resolve(_spec(specs, key), want) for key, want in case.controls}
    result.settings = ", ".join(said(key, value) for key, value in values.items())
    if case.upload is None:  # the worst values arrive in the link, on a cold server
        link = {key: _spec(specs, key).dump(value) for key, value in values.items()}
        st.cache_data.clear()
        st.cache_resource.clear()
        at = session(base | link)
    else:  # the student who opened the page sets the controls and uploads, in one run
        for key, value in values.items():
            at.session_state[key] = value
        uploader = at.file_uploader(key=case.upload.key) if case.upload.key else None
        (uploader or at.file_uploader[0]).set_value(case.upload.file())
    print("  first run", file=sys.stderr)
    result.rss_before = _peak_mb()
    timed(at, "first")
    moves = []
    for key, want in case.move:
        if want is CLICK:
            at.button(key=key).click()
            moves.append(said(key, CLICK))
            continue
        value = resolve(_spec(specs, key), want, at.session_state[key], _step(at, key))
        at.session_state[key] = value
        moves.append(said(key, value))
    result.moved = ", ".join(moves)
    print(f"  rerun after {result.moved}", file=sys.stderr)
    timed(at, "rerun")
    result.rss_peak = _peak_mb()
    return result


def _spec(specs: dict[str, params.Param], key: str) -> params.Param:
    if key not in specs:
        raise KeyError(f"the page has no control {key!r} (controls: {', '.join(sorted(specs))})")
    return specs[key]


def _step(at, key: str) -> float | None:
    """The step of the slider or number box of ``key`` (None for other controls)."""
    for kind in ("slider", "number_input"):
        for widget in at.get(kind):
            if widget.key == key:
                return widget.step
    return None


def _text(at) -> str:
    kinds = ("markdown", "caption", "latex", "error", "warning", "info", "success")
    return "\n".join(str(element.value) for kind in kinds for element in at.get(kind))


def _shown(at) -> str:
    """The run's exceptions and error boxes, shortened ("" when none)."""
    found = [f"exception: {e.value}" for e in at.exception]
    found += [f"error: {e.value}" for e in at.error]
    return "; ".join(" ".join(text.split())[:90] for text in found)


# -- the table -----------------------------------------------------------------------------------
def seconds(run: dict) -> tuple[str, str]:
    """(CPU, wall) of a run for the table: "—" when not run, ">" when stopped."""
    if not run:
        return "—", "—"
    mark = ">" if run.get("timed_out") else ""
    return f"{mark}{run['cpu']:.2f}", f"{mark}{run['wall']:.2f}"


def used_cell(used: list) -> str:
    """Whether each run showed the input ("yes"/"no", "—" when nothing to check)."""
    if not used or all(u is None for u in used):
        return "—"
    return "/".join("yes" if u else "no" for u in used)


HEADER = (
    "page", "section", "input", "settings", "first CPU s", "first wall s", "moved",
    "rerun CPU s", "rerun wall s", "peak RSS MB", "rise MB", "input used", "shown",
)  # fmt: skip


def row(case: Case, result: Result) -> list[str]:
    if result.failed:
        return [case.page, case.section, case.input, "", "—", "—", "", "—", "—", "—", "—", "—",
                result.failed]  # fmt: skip
    rise = result.rss_peak - result.rss_before
    runs = zip(("first", "rerun"), result.shown, strict=False)
    shown = " | ".join(f"{name}: {text}" for name, text in runs if text)
    return [
        case.page,
        case.section,
        case.input,
        result.settings,
        *seconds(result.first),
        result.moved,
        *seconds(result.rerun),
        f"{result.rss_peak:.0f}",
        f"{rise:.0f}",
        used_cell(result.used),
        shown or "none",
    ]


def measure(index: int, timeout: float) -> Result:
    """Case ``index`` in a new process: its result, or why it has none."""
    command = [sys.executable, "-m", "bench.worst", "--case", str(index), "--timeout", str(timeout)]
    try:
        done = subprocess.run(
            command, cwd=ROOT, stdout=subprocess.PIPE, text=True, timeout=3 * timeout + 900
        )
    except subprocess.TimeoutExpired:
        return Result(failed="its process did not end")
    for line in reversed(done.stdout.splitlines()):
        if line.startswith(MARK):
            return Result(**json.loads(line[len(MARK) :]))
    return Result(failed=f"its process ended with code {done.returncode} (see stderr)")


def main(pages: list[str] | None = None, timeout: float = TIMEOUT) -> None:
    from bench.browser import markdown_table, wanted

    chosen = [(i, case) for i, case in enumerate(CASES) if wanted(case.page, pages)]
    rows = []
    for n, (index, case) in enumerate(chosen, start=1):
        print(f"[{n}/{len(chosen)}] {case.page} ?tab={case.section}: {case.input}", file=sys.stderr)
        rows.append(row(case, measure(index, timeout)))
    print(
        "The worst legal input of each page: the first run and one rerun after a move, whole-page "
        f"runs in a process per case (> = stopped after {timeout:g} s)"
    )
    print(markdown_table(HEADER, rows))


def _child(index: int, timeout: float) -> None:
    try:
        result = run_case(CASES[index], timeout)
    except Exception as error:  # reported in the table; the other cases go on
        result = Result(failed=f"{type(error).__name__}: {error}"[:160])
    _emit(result)
    sys.stdout.flush()
    os._exit(0)  # without waiting for Streamlit's threads


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        prog="python -m bench.worst",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--pages", help="pages to measure, by URL path: Softmax,Gradient")
    parser.add_argument("--timeout", type=float, default=TIMEOUT, help="seconds a run may take")
    parser.add_argument("--case", type=int, help="run this case (index in CASES) alone: JSON")
    args = parser.parse_args()
    if args.case is not None:
        _child(args.case, args.timeout)
    from bench.browser import names

    main(names(args.pages), args.timeout)
