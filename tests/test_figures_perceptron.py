"""dlviz.figures.perceptron: geometry of the decision lines, and every figure is valid plotly."""

import base64
import json

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio
import pytest

from dlviz import mlp
from dlviz import perceptron as pc
from dlviz.figures import perceptron as figures
from dlviz.figures.animation import GAP
from dlviz.texts.perceptron import TEXT

NAMES = {key[4:]: pair[1] for key, pair in TEXT.items() if key.startswith("fig.")}


def validated(fig) -> dict:
    """Serialise (as Streamlit does) and rebuild with plotly's full validation."""
    spec = json.loads(pio.to_json(fig, validate=False))
    frames = spec.pop("frames", [])
    go.Figure(spec)  # raises on any invalid property
    for frame in frames:
        go.Frame(frame)
    spec["frames"] = frames
    return spec


@pytest.mark.parametrize(("w", "offset"), [((1, 1), 1), ((1, -0.5), 1), ((-0.5, 1), 1),
                                           ((0, 2), 1), ((3, 0), -1), ((1, 1), 0)])  # fmt: skip
def test_half_plane_and_boundary_are_exact(w, offset):
    xs, ys = figures.half_plane(w, offset)
    assert xs[0] == xs[-1] and ys[0] == ys[-1]  # closed polygon
    for x, y in zip(xs, ys, strict=True):
        assert w[0] * x + w[1] * y >= offset - 1e-12
        assert -0.5 <= x <= 1.5 and -0.5 <= y <= 1.5
    lx, ly = figures.boundary(w, offset)
    assert len(lx) == 2
    for x, y in zip(lx, ly, strict=True):
        assert w[0] * x + w[1] * y == pytest.approx(offset, abs=1e-12)


def test_empty_and_full_regions():
    assert figures.half_plane((0, 0), 1) == ([], [])  # 0 ≥ 1 nowhere
    xs, _ = figures.half_plane((0, 0), -1)  # everywhere: the whole square
    assert len(xs) == 5
    assert figures.boundary((0, 0), 1) == ([], [])
    assert figures.boundary((1, 0), 5) == ([], [])  # x₁ = 5 is outside the view


def test_unit_figure_has_one_frame_per_presentation():
    run = pc.train(pc.INPUTS, pc.GATES["AND1"], (1.0, 1.0), 1.5, 1.0, 10)
    spec = validated(figures.unit_figure(pc.INPUTS, pc.GATES["AND1"], run.weights, 1.0, 2, NAMES))
    assert len(spec["frames"]) == 9  # start + 8 presentations
    assert spec["layout"]["sliders"][0]["active"] == 2
    line = spec["data"][1]  # after presentation 2 the weights are [1, −0.5]: x₁ − 0.5x₂ = 1
    for x, y in zip(line["x"], line["y"], strict=True):
        assert x - 0.5 * y == pytest.approx(1.0)
    ring = spec["data"][2]
    assert (ring["x"], ring["y"]) == ([0.0], [1.0])  # presentation 2 is the input [0, 1]
    # the points' labels sit above them (on the right, "(1, 1)" ran out of the plot) and the
    # slider below the x axis's title
    assert {trace["textposition"] for trace in spec["data"][3:]} == {"top center"}
    assert spec["layout"]["sliders"][0]["pad"]["t"] == GAP


def test_network_figure_maps_inputs_to_hidden_space():
    net = pc.network_table(pc.INPUTS, pc.XOR_HIDDEN, pc.XOR_OUTPUT, 1.0, pc.GATES["XOR"])
    spec = validated(figures.network_figure(pc.INPUTS, pc.GATES["XOR"], net, pc.XOR_HIDDEN,
                                            pc.XOR_OUTPUT, 1.0, NAMES))  # fmt: skip
    hidden = [t for t in spec["data"] if t.get("xaxis") == "x2" and "markers+text" == t["mode"]]
    zeros = next(t for t in hidden if 0.0 in t["x"])
    assert "(0, 0) (1, 1)" in zeros["text"]  # both XOR-0 inputs land on (A, B) = (0, 0)
    assert spec["layout"]["xaxis2"]["dtick"] == 0.5
    W = np.full((2, 2), -4.5)  # sums down to −9: ticks every 0.5 would pile up
    net = pc.network_table(pc.INPUTS, W, [-4.5, -4.5], -1.5, pc.GATES["XOR"])
    spec = validated(figures.network_figure(pc.INPUTS, pc.GATES["XOR"], net, W, [-4.5, -4.5],
                                            -1.5, NAMES))  # fmt: skip
    assert "dtick" not in spec["layout"]["xaxis2"] and spec["layout"]["xaxis"]["dtick"] == 0.5


def test_convergence_figure_shades_the_cycle():
    runs = pc.train_gates(("AND", "OR", "XOR"), 8, **pc.RULE_SLIDE)
    spec = validated(figures.convergence_figure(runs, "XOR", NAMES))
    assert len(spec["layout"]["shapes"]) == 1
    assert len(spec["data"]) == 3 + 3  # errors of 3 gates; w1, w2, b of XOR
    assert spec["data"][3]["name"] == "XOR: w1"


def test_mlp_figure_animates_three_panels():
    history = mlp.train(pc.INPUTS, pc.GATES["XOR"], seed=1, epochs=60)
    snap = mlp.snapshots(history, pc.INPUTS, n=9)
    spec = validated(figures.mlp_figure(snap, pc.INPUTS, pc.GATES["XOR"], NAMES))
    assert len(spec["frames"]) == len(snap["epochs"])
    assert spec["frames"][0]["traces"] == [0, 1, 2, 5, 6, 7, 9]
    assert spec["data"][0]["type"] == "heatmap" and spec["data"][8]["xaxis"] == "x3"
    loss = spec["data"][8]["y"]  # plotly ships large arrays base64-encoded
    curve = np.frombuffer(base64.b64decode(loss["bdata"]), dtype=np.float32)
    assert len(curve) == 61  # the loss at every epoch (float32: 7 digits on a log axis)
    np.testing.assert_allclose(curve, history.loss, rtol=1e-6)
    # a frame carries only what moves; the rest (colours, axes, names) stays the figure's
    first = spec["frames"][0]["data"]
    assert [sorted(trace) for trace in first[:2]] == [["type", "z"], ["type", "x", "y"]]
    z = np.frombuffer(base64.b64decode(first[0]["z"]["bdata"]), dtype=np.float32).reshape(9, 9)
    assert z == pytest.approx(snap["probs"][0], abs=1e-6)  # float32 keeps the 3 decimals shown
    assert spec["data"][0]["colorscale"] == "RdBu" and spec["data"][0]["zmax"] == 1
    # the colour bar between the first two panels, clear of both; the slider below the titles
    layout = spec["layout"]
    bar = spec["data"][0]["colorbar"]["x"]
    assert layout["xaxis"]["domain"][1] < bar < layout["xaxis2"]["domain"][0] - 0.1
    assert layout["sliders"][0]["pad"]["t"] == GAP


def test_mlp_figure_of_a_long_run_ships_little():
    """3000 epochs: about 25 frames, the loss curve through at most 301 epochs (the first and
    the last among them), coordinates to 4 significant digits; under 40 KiB in all (a 2-D section: 50 KiB a change)."""
    runs = mlp.train_many(pc.INPUTS, pc.GATES["XOR"], [1], (1.0,), 3000)
    snap = mlp.frames(*runs.history(0, 0, 3000), pc.INPUTS)
    fig = figures.mlp_figure(snap, pc.INPUTS, pc.GATES["XOR"], NAMES)
    text = pio.to_json(fig, validate=False)
    spec = json.loads(text)
    assert len(spec["frames"]) == len(mlp.frame_epochs(3000)) <= 50
    epochs = np.frombuffer(base64.b64decode(spec["data"][8]["x"]["bdata"]), dtype=np.int32)
    assert len(epochs) <= figures.CURVE_POINTS and (epochs[0], epochs[-1]) == (0, 3000)
    curve = np.frombuffer(base64.b64decode(spec["data"][8]["y"]["bdata"]), dtype=np.float32)
    np.testing.assert_allclose(curve, runs.loss[epochs, 0, 0], rtol=1e-6)
    for frame in spec["frames"]:
        for trace in frame["data"][1:]:
            assert all(v == float(f"{v:.4g}") for v in trace["x"] + trace["y"])
    assert len(text) < 40 * 1024


def test_unit_figure_animates_at_most_41_presentations_around_the_step():
    run = pc.train(pc.INPUTS, pc.GATES["XOR"], (1.0, 1.0), 1.5, 1.0, 30)  # 120 presentations
    assert len(run.weights) == 121
    for step, first in ((0, 0), (7, 0), (60, 40), (118, 80), (120, 80)):
        fig = figures.unit_figure(pc.INPUTS, pc.GATES["XOR"], run.weights, 1.0, step, NAMES)
        spec = validated(fig)
        slider = spec["layout"]["sliders"][0]
        assert len(spec["frames"]) == figures.MAX_FRAMES == 41
        assert slider["steps"][slider["active"]]["label"] == (str(step) if step else NAMES["start"])
        assert slider["steps"][0]["label"] == (str(first) if first else NAMES["start"])
        # the figure shows the step itself; a frame carries only the coordinates that move
        line = spec["data"][1]
        assert (line["x"], line["y"]) == tuple(figures.boundary(run.weights[step], 1.0))
        assert all(sorted(t) == ["type", "x", "y"] for t in spec["frames"][0]["data"])
        assert len(pio.to_json(fig, validate=False)) < 25 * 1024


def test_sweep_and_compare_figures():
    validated(figures.sweep_figure(range(4), np.array([0.3, 0.01, 0.4, 0.02]),
                                   np.array([False, True, False, True]), 1, NAMES))  # fmt: skip
    per, ada = pc.compare_rules("AND", 0.1, 10)
    spec = validated(figures.compare_figure(per, ada, NAMES))
    assert len(spec["data"]) == 4
