"""The benchmarks' own helpers (``bench/``): parsing, moving, aggregating and printing. Nothing
here is timed; the browser benchmark itself is run by hand (``python -m bench --browser``)."""

from __future__ import annotations

import base64
import json
import math
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from bench import browser
from bench.browser import (
    ControlResult,
    Sample,
    SectionResult,
    Settings,
    cell,
    choice_target,
    direction,
    frame_bytes,
    markdown_table,
    median,
    names,
    pick_controls,
    ratio,
    tab_key,
    wanted,
)

ROOT = Path(__file__).resolve().parents[1]


def test_binary_frames_count_their_decoded_bytes():
    payload = bytes(range(256)) * 3
    assert frame_bytes(2, base64.b64encode(payload).decode()) == 768
    assert frame_bytes(1, "héllo") == 6  # a text frame: its UTF-8 bytes
    assert frame_bytes(9, "") == 0 and frame_bytes(10, "abc") == 0  # ping, pong


def test_the_section_key_is_read_from_the_address():
    assert tab_key("http://127.0.0.1:8501/Gradient?lang=en&tab=descent&x0=1") == "descent"
    assert tab_key("http://127.0.0.1:8501/Perceptron?lang=en") == ""
    assert tab_key("http://h/Softmax?tab=digits%20x") == "digits x"


def test_filters_by_name_ignore_case_and_blanks():
    assert names("Gradient, Softmax,") == ["Gradient", "Softmax"]
    assert names(None) is None and names("  ") is None
    assert wanted("Softmax", ["gradient", "softmax"]) and not wanted("Autodiff", ["Softmax"])
    assert wanted("anything", None)


def test_a_sections_own_controls_come_before_the_shared_ones():
    found = [
        {"key": "x0", "kind": "slider", "where": "page"},
        {"key": "y0", "kind": "slider", "where": "page"},
        {"key": "mode", "kind": "radio", "where": "section"},
        {"key": "eta", "kind": "slider", "where": "section"},
    ]
    assert [c["key"] for c in pick_controls(found, 3)] == ["mode", "eta", "x0"]
    assert [c["key"] for c in pick_controls(found, 10)] == ["mode", "eta", "x0", "y0"]
    assert pick_controls(found, 0) == []


def test_onward_moves_go_one_way_until_the_end_then_back():
    way, ways = None, []
    for value, lo, hi in [(8, 0, 10), (9, 0, 10), (10, 0, 10), (9, 0, 10)]:
        way = direction(value <= lo, value >= hi, way, alternate=False)
        ways.append(way)
    assert ways == [1, 1, -1, -1]
    assert direction(False, True, None, alternate=False) == -1  # starts at the top: down
    assert direction(True, False, -1, alternate=False) == 1  # reached the bottom: up


def test_alternate_moves_go_back_and_forth():
    way, ways = None, []
    for _ in range(4):
        way = direction(False, False, way, alternate=True)
        ways.append(way)
    assert ways == [1, -1, 1, -1]
    assert direction(False, True, -1, alternate=True) == -1  # never past the top


def test_choices_go_through_the_other_options():
    assert [choice_target(1, 3, n, alternate=False) for n in range(4)] == [2, 0, 1, 2]
    assert [choice_target(1, 3, n, alternate=True) for n in range(4)] == [2, 1, 2, 1]
    assert [choice_target(0, 2, n, alternate=False) for n in range(3)] == [1, 0, 1]


def test_medians_and_ratios_skip_what_was_not_measured():
    assert median([3.0, None, 1.0, 2.0]) == 2.0
    assert math.isnan(median([None])) and math.isnan(median([]))
    assert ratio(300.0, 100.0) == 3.0
    assert math.isnan(ratio(math.nan, 100.0)) and math.isnan(ratio(1.0, 0.0))


def test_cells_show_dashes_for_nothing_and_marks_over_a_target():
    assert cell(1234.56) == "1235"
    assert cell(2.345, 1, "×", mark=True) == "2.3× !"
    assert cell(math.nan, 2) == "—"


def test_tables_pad_columns_and_right_align_numbers():
    text = markdown_table(("page", "ms", "note"), [("Gradient", "12", ""), ("Softmax", "—", "x")])
    assert text.splitlines() == [
        "| page     | ms | note |",
        "|----------|---:|------|",
        "| Gradient | 12 |      |",
        "| Softmax  |  — | x    |",
    ]


def _floor() -> SectionResult:
    floor = SectionResult("floor app", "", loads=[Sample(1000, 8), Sample(1200, 8)])
    floor.charts = {"plotly": 1, "three_d": 0, "graphviz": 0}
    floor.controls = [ControlResult("a", "slider", "section", [Sample(100, 9, 20)] * 3)]
    return floor


def test_rows_are_given_against_the_floor_and_marked_over_the_targets():
    flat = SectionResult("Gradient", "point", loads=[Sample(2400, 60)] * 3)
    flat.charts = {"plotly": 2, "three_d": 0, "graphviz": 0}
    flat.controls = [
        ControlResult("x0", "slider", "page", [Sample(150, 60, 40), Sample(250, 70, 50)]),
        ControlResult("eta", "slider", "section", [Sample(300, 10, 30)], error="boom"),
    ]
    surface = SectionResult("Gradient", "surface", loads=[Sample(3000, 30)] * 3)
    surface.charts = {"plotly": 1, "three_d": 1, "graphviz": 0}
    surface.controls = [ControlResult("x0", "slider", "page", [Sample(190, 80, 40)])]
    loads = browser.section_rows([flat, surface], _floor())
    assert loads[0][:5] == ["floor app", "(whole page)", "1.10", "1.0×", "—"]
    assert loads[1][2:4] == ["2.40", "2.2× !"]  # over 2× the floor's load
    assert loads[2][2:4] == ["3.00", "2.7×"]  # a 3-D section may take 3×
    assert loads[2][7] == "1 plotly (1 3-D)"
    moves = browser.control_rows([flat, surface], _floor())
    assert moves[0][2:8] == ["a", "slider", "100", "1.0×", "20", "9.0"]
    assert moves[1][2:9] == ["x0 ↑", "slider", "200", "2.0×", "45", "65.0 !", "7.2×"]
    assert moves[2][4:6] == ["300", "3.0× !"] and moves[2][-1] == "boom"
    assert moves[3][7] == "80.0"  # the 50 KiB target is for 2-D sections
    text = browser.report([flat, surface], _floor(), Settings(repeat=3))
    assert "median of 3" in text and "onward" in text
    assert text.count("| floor app |") == 2


def test_the_floor_runs_at_both_ends_are_taken_together():
    first, second = _floor(), _floor()
    second.loads = [Sample(3000, 8)]
    second.controls[0].moves = [Sample(400, 9, 30)]
    both = browser.pooled(first, second)
    assert [s.ms for s in both.loads] == [1000, 1200, 3000] and both.load_ms == 1200
    assert len(both.controls) == 1 and both.controls[0].ms == 100  # median of 100, 100, 100, 400
    assert len(first.loads) == 2  # the runs themselves are left as they were


def test_both_servers_get_the_same_flags_and_config(monkeypatch):
    started = []

    class Process:
        def __init__(self, command, cwd, **kwargs):
            started.append((command, Path(cwd)))

        def poll(self):
            return None

        def terminate(self):
            pass

        def wait(self, timeout):
            return 0

    class Healthy:
        status = 200

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

    monkeypatch.setattr(browser.subprocess, "Popen", Process)
    monkeypatch.setattr(browser.urllib.request, "urlopen", lambda *a, **k: Healthy())
    with browser.floor_folder() as folder:
        config = (folder / ".streamlit" / "config.toml").read_text(encoding="utf-8")
        assert config == (ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8")
        assert (folder / "floor.py").read_bytes() == (ROOT / "bench" / "floor.py").read_bytes()
        with browser.serve("floor.py", folder) as floor_url, browser.serve("app.py", ROOT) as url:
            assert floor_url != url
    (floor, floor_cwd), (app, app_cwd) = started
    assert floor[:4] == app[:4] == [sys.executable, "-m", "streamlit", "run"]
    assert floor[7:] == app[7:] == browser.SERVER_FLAGS
    assert (floor[4], floor_cwd, app[4], app_cwd) == ("floor.py", folder, "app.py", ROOT)
    assert "--server.fileWatcherType" in browser.SERVER_FLAGS


def test_the_floor_app_redraws_one_200_point_line_from_one_slider():
    at = AppTest.from_file(str(ROOT / "bench" / "floor.py")).run()
    assert not at.exception
    assert len(at.slider) == 1 and len(at.get("plotly_chart")) == 1
    first = json.loads(at.get("plotly_chart")[0].proto.spec)["data"]
    assert len(first) == 1 and first[0]["type"] == "scatter"
    assert len(_array(first[0]["x"])) == len(_array(first[0]["y"])) == 200
    at.slider(key="a").set_value(5.1).run()
    moved = json.loads(at.get("plotly_chart")[0].proto.spec)["data"][0]
    assert not np.array_equal(_array(moved["y"]), _array(first[0]["y"]))


def _array(value) -> np.ndarray:
    """A plotly JSON array: a list, or typed binary data (``bdata``, base64)."""
    if isinstance(value, dict):
        return np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"])
    return np.asarray(value)


def test_python_m_bench_takes_the_browser_flags():
    result = subprocess.run(
        [sys.executable, "-m", "bench", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    for flag in ("--browser", "--pages", "--sections", "--repeat", "--controls"):
        assert flag in result.stdout


CONTROLS_PROBE = """
import json
from bench import controls
keys = controls.sections("pages/1_Gradient.py")
at = controls._fresh("pages/1_Gradient.py", "descent")
fragment = controls.SEEN.fragment
shared = {c.key: c.shared for c in controls.section_controls(at)}
controls._move(at, "slider", "steps", 21, fragment)
inside = sorted(w.key for w in at.main.get("slider"))
controls._move(at, "slider", "steps", 22)
print(json.dumps({"keys": keys, "fragment": fragment, "shared": shared, "inside": inside,
                  "page": sorted(w.key for w in at.main.get("slider"))}))
"""


def test_the_server_bench_opens_each_section_and_reruns_its_fragment_alone():
    # In a process of its own: bench.controls patches Streamlit and dlviz.ui for its timing.
    result = subprocess.run(
        [sys.executable, "-c", CONTROLS_PROBE],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["keys"] == ["point", "surface", "descent", "direction"]
    assert seen["fragment"]  # the descent section runs as a fragment
    assert seen["shared"]["x0"] and seen["shared"]["span"]  # above the tabs
    assert not seen["shared"]["eta"] and not seen["shared"]["mode"]  # the section's own
    assert seen["inside"] == ["steps"]  # the fragment's rerun: its elements only
    assert seen["page"] == ["span", "steps", "x0", "y0"]  # a page rerun: all of them


NODE_HARNESS = """
const fs = require("fs");
globalThis.window = globalThis;
globalThis.WebSocket = class extends EventTarget {};
globalThis.document = { querySelector: () => null, querySelectorAll: () => [] };
globalThis.MutationObserver = class { observe() {} };
globalThis.requestAnimationFrame = () => 0;
globalThis.addEventListener = () => {};
eval(fs.readFileSync(process.argv[1], "utf8"));
const socket = new WebSocket();
const seen = [];
for (const text of JSON.parse(fs.readFileSync(0, "utf8"))) {
  const bytes = Buffer.from(text, "base64");
  const event = new Event("message");
  const data = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
  Object.defineProperty(event, "data", { value: data });
  socket.dispatchEvent(event);
  seen.push(window.__bench.finished !== null);
}
console.log(JSON.stringify(seen));
"""


@pytest.mark.skipif(shutil.which("node") is None, reason="node runs the probe outside a browser")
def test_the_probe_knows_a_run_is_over_from_the_servers_messages():
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    def message(kind: str, value=None) -> str:
        msg = ForwardMsg()
        msg.hash = "0123456789abcdef"
        msg.metadata.delta_path.extend([0, 3])
        if kind == "new_session":
            msg.new_session.main_script_path = "app.py"
        elif kind == "delta":
            msg.delta.new_element.markdown.body = "x" * 300  # a payload longer than 127 bytes
        else:
            setattr(msg, kind, value)
        return base64.b64encode(msg.SerializeToString()).decode()

    messages = [
        message("new_session"),
        message("delta"),
        message("script_finished", 0),  # FINISHED_SUCCESSFULLY
        message("new_session"),  # another run starts: not over any more
        message("delta"),
        message("script_finished", 2),  # FINISHED_EARLY_FOR_RERUN: a run follows
        message("script_finished", 3),  # FINISHED_FRAGMENT_RUN_SUCCESSFULLY
    ]
    result = subprocess.run(
        ["node", "-e", NODE_HARNESS, str(ROOT / "bench" / "probe.js")],
        input=json.dumps(messages),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [False, False, True, False, False, False, True]


# -- bench/worst.py: the worst legal input of each page --------------------------------------------
def test_the_csv_inputs_are_the_largest_the_readers_accept():
    from bench.worst import binary_csv, linear_csv
    from dlviz import binary_data, csvdata

    frame = csvdata.load_csv(linear_csv(csvdata.MAX_ROWS), ("x", "y"), not_constant=("x",))
    assert len(frame) == csvdata.MAX_ROWS
    with pytest.raises(csvdata.CSVError) as refused:
        csvdata.load_csv(linear_csv(csvdata.MAX_ROWS + 1), ("x", "y"))
    assert refused.value.code == "too_many"
    two = binary_data.from_csv(binary_csv(binary_data.MAX_CSV_ROWS))
    assert (two.n, two.m, int(two.y.sum())) == (binary_data.MAX_CSV_ROWS, 2, two.n // 2)
    one = binary_data.from_csv(binary_csv(binary_data.MAX_CSV_ROWS, features=1))
    assert (one.n, one.features) == (binary_data.MAX_CSV_ROWS, ("x",))
    with pytest.raises(binary_data.CSVError, match="too_many"):
        binary_data.from_csv(binary_csv(binary_data.MAX_CSV_ROWS + 1))


def test_the_mnist_input_is_a_valid_keras_file():
    from bench.worst import mnist_npz
    from dlviz import digits

    data = digits.load_mnist({"mnist.npz": mnist_npz(50, 20)})
    assert (data.name, data.side) == ("mnist", 28)
    assert data.X_train.shape == (50, 784) and data.X_test.shape == (20, 784)
    assert set(data.y_train) == set(range(10))
    assert data.X_train.max() == 1.0 and data.X_train.min() == 0.0
    border = data.X_train.reshape(-1, 28, 28)[:, :4, :]
    assert not border.any()  # the digit sits in the middle 20×20, as MNIST's do


def test_the_formulas_are_the_largest_of_their_shape():
    from bench.worst import GRAPH_FORMULA, SYMBOLIC_FORMULA, largest_formula, symbolic_fits
    from dlviz import symbolic
    from dlviz.expr import ExprError, parse

    terms = SYMBOLIC_FORMULA.split("*")
    assert terms[0] == "sigmoid(1x y)" and len(terms) > 5
    assert symbolic.partial(parse(SYMBOLIC_FORMULA), "y") is not None  # differentiated
    assert not symbolic_fits(parse(SYMBOLIC_FORMULA + f"*sigmoid({len(terms) + 1}x y)"))
    count = len(GRAPH_FORMULA.split("*"))
    parse(GRAPH_FORMULA)
    with pytest.raises(ExprError, match="too long"):
        parse(GRAPH_FORMULA + f"*{count + 1}x y")
    assert largest_formula("x^{k}", "+", lambda e: len(e.text) < 10) == "x^1+x^2"


def test_values_are_chosen_within_the_controls_specs():
    from bench.worst import CLICK, MAX, MIN, NEXT, resolve
    from dlviz.params import BoolParam, ChoiceParam, FloatParam, GridParam, IntParam, TextParam

    count = IntParam(5, 1, 10)
    assert (resolve(count, MAX), resolve(count, MIN), resolve(count, 7)) == (10, 1, 7)
    assert resolve(count, NEXT, 5, 1) == 6 and resolve(count, NEXT, 10, 1) == 9  # back at the top
    assert resolve(FloatParam(1.0, -5.0, 5.0), NEXT, 1.0, 0.05) == 1.05
    grid = GridParam(0.1, (0.01, 0.1, 1.0))
    assert resolve(grid, MAX) == 1.0 and resolve(grid, MIN) == 0.01
    assert resolve(grid, NEXT, 0.1) == 1.0 and resolve(grid, NEXT, 1.0) == 0.1
    choice = ChoiceParam("a", ("a", "b"))
    assert resolve(choice, NEXT, "a") == "b" and resolve(choice, NEXT, "b") == "a"
    assert resolve(BoolParam(False), NEXT, False) is True
    for spec, want in [
        (count, 11),
        (count, 2.5),
        (choice, "c"),
        (choice, MAX),
        (TextParam("", 3), "abcd"),
        (count, CLICK),
    ]:
        with pytest.raises(ValueError):
            resolve(spec, want)


def test_the_cases_name_pages_that_exist_and_legal_fixed_values():
    from bench.worst import CASES, Want
    from dlviz import nav

    paths = {info.url_path for info in nav.pages()}
    assert {case.page for case in CASES} == paths  # every page, and only pages that exist
    for case in CASES:
        assert case.section and all(not isinstance(v, Want) or v.name != "CLICK"
                                    for _, v in case.controls)  # fmt: skip
        assert all(isinstance(v, str) for _, v in case.query)


def test_the_table_marks_what_was_not_run_or_was_stopped():
    from bench.worst import CASES, Result, row, seconds, used_cell

    assert seconds({}) == ("—", "—")
    assert seconds({"cpu": 1.234, "wall": 2.0, "timed_out": True}) == (">1.23", ">2.00")
    assert used_cell([None, None]) == "—" and used_cell([True, False]) == "yes/no"
    done = Result(
        settings="n=3",
        moved="x0=1",
        first={"cpu": 1.0, "wall": 0.5, "timed_out": False},
        rerun={"cpu": 0.25, "wall": 0.2, "timed_out": False},
        rss_before=200.0,
        rss_peak=300.4,
        used=[True, True],
        shown=["", "error: boom"],
    )
    cells = row(CASES[0], done)
    assert cells[4:] == ["1.00", "0.50", "x0=1", "0.25", "0.20", "300", "100", "yes/yes",
                         "rerun: error: boom"]  # fmt: skip
    assert row(CASES[0], Result(failed="KeyError: 'n'"))[-1] == "KeyError: 'n'"


def test_a_case_runs_in_a_process_of_its_own_and_reports_what_it_measured():
    from bench.worst import CASES, MARK

    index = next(i for i, c in enumerate(CASES) if (c.page, c.section) == ("Gradient", "point"))
    done = subprocess.run(
        [sys.executable, "-m", "bench.worst", "--case", str(index)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    line = next(line for line in done.stdout.splitlines() if line.startswith(MARK))
    result = json.loads(line[len(MARK) :])
    assert result["failed"] == "" and result["shown"] == ["", ""]
    assert "span=10" in result["settings"]  # the span slider's top, read from its spec
    assert result["moved"] == "x0=1.05"  # one step of the x0 slider (0.05) from 1
    assert result["first"]["cpu"] > 0 and not result["rerun"]["timed_out"]
    assert result["rss_peak"] >= result["rss_before"] > 0
