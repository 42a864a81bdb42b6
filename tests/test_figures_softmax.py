"""Figure builders of the Softmax page: they serialise and show the right things."""

import json

import numpy as np
import pandas as pd
import plotly.io as pio

from dlviz import softmax as sm
from dlviz.figures import softmax as figures


def as_json(fig) -> dict:
    return json.loads(pio.to_json(fig.to_dict(), validate=False))


NAMES = {k: k for k in ("title", "class", "prob", "x", "y", "train", "test", "epoch", "loss",
                        "accuracy", "true", "pred", "hover", "seen")} | {"title": "sum = {total}"}  # fmt: skip


def test_probability_bars_sum_in_title_and_highlight():
    a = sm.softmax([2.0, 1.0, 0.1])
    fig = as_json(figures.probability_bars(a, NAMES, highlight=1))
    assert fig["layout"]["title"]["text"] == "sum = 1.000000"
    assert fig["data"][0]["x"] == ["1", "2", "3"]
    assert fig["data"][0]["marker"]["color"][1] == figures.TRUE_COLOR


def test_jacobian_heatmap_marks_the_slide_entries():
    J = sm.softmax_jacobian(sm.softmax([2.0, 1.0, 0.1]))
    fig = as_json(figures.jacobian_heatmap(J, NAMES))
    assert [(s["x0"], s["y0"]) for s in fig["layout"]["shapes"]] == [(-0.5, -0.5), (-0.5, 0.5)]
    assert "title" not in fig["layout"]  # no chart label to run into the axis title


def test_training_curves_confusion_and_images():
    h = pd.DataFrame({"epoch": [0, 1], "train_loss": [2.3, 1.0], "test_loss": [2.3, 1.1],
                      "train_accuracy": [0.1, 0.8], "test_accuracy": [0.1, 0.7]})  # fmt: skip
    assert len(as_json(figures.training_curves(h, NAMES))["data"]) == 4
    C = np.eye(10, dtype=int) * 3
    assert figures.confusion_figure(C, NAMES).data[0].z[0][0] == 3
    W = np.random.default_rng(0).normal(size=(10, 64))
    fig = as_json(figures.weight_images(W, 8, "W"))
    assert len(fig["data"]) == 1 and fig["layout"]["title"]["text"] == "W"
    assert [a["text"] for a in fig["layout"]["annotations"]] == [f"w{k}" for k in range(10)]
    mosaic = np.asarray(figures.weight_images(W, 8, "W").data[0].z)
    assert np.allclose(mosaic[4:12, 0:8], W[0].reshape(8, 8))  # first tile under its title
    assert np.isnan(mosaic[:4]).all()  # half a tile of room for the title (22 px type too)
    assert np.isnan(mosaic).any()  # gaps between tiles
    drawn = as_json(figures.drawn_digit(np.zeros(64), 8, sm.softmax(np.arange(10.0)), NAMES))
    assert drawn["data"][0]["x"][0] == "0" and drawn["data"][1]["type"] == "heatmap"


def test_canvas_component_sends_a_64_by_64_ink_grid():
    assert "<canvas" in figures.CANVAS_HTML
    assert 'setStateValue("ink"' in figures.CANVAS_JS and "64, 64" in figures.CANVAS_JS
