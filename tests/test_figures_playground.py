"""dlviz.figures.playground: the decision surface, the network diagram and the loss curve are
valid plotly, show what the network computes, and stay light enough to redraw while training."""

import base64
import io
import itertools
import json

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio
import pytest
from PIL import Image

from dlviz import playground as pg
from dlviz.figures import playground as figures
from dlviz.figures.playground import SUB

TEXTS = {
    "train": "entrenamiento", "test": "prueba", "y": "y", "epoch": "época",
    "inputs": "entradas", "output": "salida", "hidden": "capa oculta {layer}",
    "neurons": "{n} neuronas", "neuron": "1 neurona",
}  # fmt: skip
LABELS = {"x1": "x₁", "x2": "x₂", "x1sq": "x₁²", "x2sq": "x₂²", "x1x2": "x₁x₂",
          "sin1": "sin x₁", "sin2": "sin x₂"}  # fmt: skip
BIGGEST = pg.Network(pg.FEATURES, (pg.MAX_NEURONS,) * pg.MAX_LAYERS, "tanh", "classification")
SMALL = pg.Network(("x1", "x2"), (4, 4), "tanh", "classification")


def validated(fig) -> dict:
    """Serialise (as Streamlit does) and rebuild with plotly's full validation."""
    spec = json.loads(pio.to_json(fig, validate=False), parse_constant=_not_a_number)
    _all_finite(spec)
    go.Figure(spec)  # raises on any invalid property
    return spec


def _not_a_number(token: str):
    raise AssertionError(f"{token} in the figure's JSON")


def _all_finite(item) -> None:
    """No NaN or infinity in a typed array either."""
    if isinstance(item, dict) and "bdata" in item:
        assert np.isfinite(values(item)).all()
    elif isinstance(item, dict):
        for value in item.values():
            _all_finite(value)
    elif isinstance(item, list):
        for value in item:
            _all_finite(value)


def values(item) -> np.ndarray:
    """A JSON array, decoding plotly's base64 typed arrays."""
    if isinstance(item, dict):
        flat = np.frombuffer(base64.b64decode(item["bdata"]), dtype=item["dtype"])
        shape = [int(n) for n in str(item.get("shape", len(flat))).split(",")]
        return flat.reshape(shape)
    return np.array(item, dtype=float)


def trained(net: pg.Network, seed: int = 3):
    """Weights with both signs and a spread of sizes (a few epochs of training)."""
    data = pg.dataset("xor" if net.problem == "classification" else "plane", n=200, seed=seed)
    run = pg.train(net, pg.init_weights(net, seed), data, epochs=5, seed=seed)
    return run.weights, data


def network_figure(net, n=20, selected=None, width=1200):
    weights, _ = trained(net)
    grid = pg.grid(net, weights, n)
    labels = [LABELS[f] for f in net.features]
    fig = figures.network(grid, net.sizes, labels, weights, TEXTS, selected, problem=net.problem,
                          width=width)  # fmt: skip
    return fig, grid, weights


def tiles(spec: dict) -> list[tuple[float, float, float, float]]:
    """Every neuron's picture as (left, right, bottom, top) in data units."""
    return [(im["x"], im["x"] + im["sizex"], im["y"] - im["sizey"], im["y"])
            for im in spec["layout"]["images"]]  # fmt: skip


def decoded_png(source: str) -> np.ndarray:
    head = "data:image/png;base64,"
    assert source.startswith(head)
    return np.asarray(Image.open(io.BytesIO(base64.b64decode(source[len(head) :]))).convert("RGB"))


# -- decision ----------------------------------------------------------------------------------
def test_decision_draws_the_output_and_both_sets_of_points():
    weights, data = trained(SMALL)
    grid = pg.grid(SMALL, weights, 40)
    spec = validated(figures.decision(grid, data.X_train, data.y_train, data.X_test, data.y_test,
                                      "classification", TEXTS))  # fmt: skip
    heat, *points = spec["data"]
    assert heat["type"] == "heatmap" and len(points) == 4  # per set: the points, a legend entry
    np.testing.assert_allclose(values(heat["z"]), grid.output, rtol=1e-6, atol=1e-7)
    np.testing.assert_allclose(values(heat["x"]), grid.axis, rtol=1e-6)
    train, test = points[0], points[2]
    np.testing.assert_allclose(values(train["x"]), data.X_train[:, 0], rtol=1e-6)
    np.testing.assert_allclose(values(test["y"]), data.X_test[:, 1], rtol=1e-6)
    np.testing.assert_array_equal(values(train["marker"]["color"]), data.y_train)
    assert (
        train["marker"]["line"]["color"] == "white" and test["marker"]["line"]["color"] == "black"
    )
    assert [p["name"] for p in points if p.get("showlegend", True)] == ["entrenamiento", "prueba"]
    assert "ŷ = %{z:.3f}" in heat["hovertemplate"] and "x₁" in heat["hovertemplate"]
    layout = spec["layout"]
    assert layout["yaxis"]["scaleanchor"] == "x"  # a square plot
    assert layout["xaxis"]["range"] == layout["yaxis"]["range"] == [-pg.BOX, pg.BOX]
    axis = layout["coloraxis"]
    assert (axis["cmin"], axis["cmax"]) == (0, 1)
    assert axis["colorscale"][0][1] == figures.ORANGE and axis["colorscale"][-1][1] == figures.BLUE


def test_decision_without_test_points():
    weights, data = trained(SMALL)
    fig = figures.decision(pg.grid(SMALL, weights, 20), data.X_train, data.y_train, data.X_test,
                           data.y_test, "classification", TEXTS, show_test=False)  # fmt: skip
    spec = validated(fig)
    assert [t["name"] for t in spec["data"][1:]] == ["entrenamiento"] * 2


@pytest.mark.parametrize("problem", ["classification", "regression"])
def test_discretize_paints_two_colours_split_at_the_middle(problem):
    net = pg.Network(("x1", "x2"), (3,), "tanh", problem)
    weights, data = trained(net)
    fig = figures.decision(pg.grid(net, weights, 20), data.X_train, data.y_train, data.X_test,
                           data.y_test, problem, TEXTS, discretize=True)  # fmt: skip
    axis = validated(fig)["layout"]["coloraxis"]
    scale = axis["colorscale"]
    assert {color for _, color in scale} == {figures.ORANGE, figures.BLUE}
    split = [position for (position, a), (_, b) in itertools.pairwise(scale) if a != b]
    middle = 0.5 if problem == "classification" else 0.0
    assert axis["cmin"] + split[0] * (axis["cmax"] - axis["cmin"]) == middle
    assert (axis["cmin"], axis["cmax"]) == ((0, 1) if problem == "classification" else (-1, 1))


def test_decision_of_regression_colours_points_by_target():
    net = pg.Network(("x1", "x2"), (3,), "tanh", "regression")
    weights, data = trained(net)
    spec = validated(figures.decision(pg.grid(net, weights, 20), data.X_train, data.y_train,
                                      data.X_test, data.y_test, "regression", TEXTS))  # fmt: skip
    np.testing.assert_allclose(values(spec["data"][1]["marker"]["color"]), data.y_train, rtol=1e-6)
    assert ":.3f" in spec["data"][1]["hovertemplate"]


def test_decision_width_makes_the_square_plot_fill_it():
    weights, data = trained(SMALL)
    fig = figures.decision(pg.grid(SMALL, weights, 20), data.X_train, data.y_train, data.X_test,
                           data.y_test, "classification", TEXTS, width=600)  # fmt: skip
    layout = validated(fig)["layout"]
    margin = layout["margin"]
    assert layout["height"] - margin["t"] - margin["b"] == 600 - margin["l"] - margin["r"]


# -- network -----------------------------------------------------------------------------------
@pytest.mark.parametrize("net", [SMALL, BIGGEST], ids=["2-4-4-1", "7-8x6-1"])
def test_network_has_a_tile_per_neuron_and_few_traces(net):
    fig, _, _ = network_figure(net)
    spec = validated(fig)
    assert len(spec["layout"]["images"]) == sum(net.sizes)
    assert len(spec["data"]) <= 12  # the edges in a fixed handful of traces, whatever the size
    boxes = tiles(spec)
    for a, b in itertools.combinations(boxes, 2):  # no two tiles overlap
        assert a[1] <= b[0] or b[1] <= a[0] or a[3] <= b[2] or b[3] <= a[2]
    (x0, x1), (y0, y1) = spec["layout"]["xaxis"]["range"], spec["layout"]["yaxis"]["range"]
    assert all(x0 < left and right < x1 and y0 < bottom and top < y1
               for left, right, bottom, top in boxes)  # fmt: skip


def test_tiles_picture_what_each_neuron_computes():
    fig, grid, _ = network_figure(SMALL, n=20)
    images = validated(fig)["layout"]["images"]
    values_per_tile = [*grid.inputs, *grid.neurons[0], *grid.neurons[1], 2 * grid.output - 1]
    assert len(images) == len(values_per_tile)
    for image, tile in zip(images, values_per_tile, strict=True):
        shown = decoded_png(image["source"])
        np.testing.assert_array_equal(shown, figures.PALETTE[figures.levels(tile[::-1])])
        # Within half a step (1/64) of the scale: grey to blue's red channel runs 232 → 8.
        exact = figures.colors(tile[::-1]).astype(int)
        assert np.abs(shown.astype(int) - exact).max() <= np.ceil(224 / 64) + 1


def test_tile_colours_follow_the_scale():
    rgb = figures.colors(np.array([-3.0, -1.0, 0.0, 1.0, 5.0, np.nan]))
    orange, middle, blue = (figures._rgb(c) for c in (figures.ORANGE, figures.MIDDLE, figures.BLUE))
    np.testing.assert_array_equal(rgb, [orange, orange, middle, blue, blue, middle])
    np.testing.assert_array_equal(figures.colors(0.5), np.round((middle + blue) / 2))


def test_png_round_trip():
    rng = np.random.default_rng(0)
    palette = rng.integers(0, 256, (9, 3), dtype=np.uint8)
    indices = rng.integers(0, 9, (7, 5), dtype=np.uint8)
    image = Image.open(io.BytesIO(figures.png(indices, palette)))
    np.testing.assert_array_equal(np.asarray(image.convert("RGB")), palette[indices])


def test_levels_run_evenly_from_minus_one_to_one():
    assert figures.levels(np.array([-5.0, -1.0, 0.0, 1 / 32, 1.0, np.nan])).tolist() == [
        0, 0, 32, 33, 64, 32]  # fmt: skip
    np.testing.assert_array_equal(figures.PALETTE[[0, 32, 64]],
                                  figures.colors(np.array([-1.0, 0.0, 1.0])))  # fmt: skip


@pytest.mark.parametrize("net", [SMALL, BIGGEST], ids=["2-4-4-1", "7-8x6-1"])
def test_every_edge_is_drawn_once_in_its_bin(net):
    fig, _, weights = network_figure(net)
    spec = validated(fig)
    edges = sum(W.size for W, _ in weights)
    bins = figures.edge_bins(weights)
    assert len(bins) == 8
    listed = [(layer, i, j) for _, _, group in bins for layer, i, j, _ in group]
    assert len(listed) == len(set(listed)) == edges
    for sign, klass, group in bins:
        for _, _, _, w in group:
            assert (w >= 0) == bool(sign)
            assert klass == np.searchsorted(figures.WIDTHS, abs(w), side="right")
    lines = spec["data"][:8]
    assert sum(sum(v is None for v in t["x"]) for t in lines) == edges  # one segment per edge
    for (sign, klass, _), trace in zip(bins, lines, strict=True):
        assert trace["line"]["color"] == (figures.BLUE if sign else figures.ORANGE)
        assert trace["line"]["width"] == figures.LINE_WIDTHS[klass]


def test_hovering_an_edge_reads_its_weight_and_a_neuron_its_bias():
    fig, _, weights = network_figure(SMALL)
    spec = validated(fig)
    hover = next(t for t in spec["data"] if t["name"] == "W")
    texts = dict(zip(hover["text"], zip(hover["x"], hover["y"], strict=True), strict=True))
    xs, ys, _ = figures.layout_of(SMALL.sizes, 1200)
    for layer, (W, _) in enumerate(weights, start=1):
        for (i, j), w in np.ndenumerate(W):
            name = f"W[{layer}]{str(i + 1).translate(SUB)},{str(j + 1).translate(SUB)}"
            text = f"{name} = {w:.3f}"
            assert text in texts, text
            x, y = texts[text]  # on the edge drawn, from neuron j to neuron i
            (x0, y0), (x1, y1) = (
                (xs[layer - 1] + 0.5, ys[layer - 1][j]),
                (xs[layer] - 0.5, ys[layer][i]),
            )
            t = (x - x0) / (x1 - x0)
            assert 0.1 < t < 0.9 and y == pytest.approx(y0 + t * (y1 - y0), abs=0.01)
    neurons = next(t for t in spec["data"] if t["name"] == "b")
    assert neurons["text"][:2] == ["x₁", "x₂"]
    b = weights[1][1]
    assert neurons["text"][2 + 4 + 2] == f"b[2]₃ = {b[2]:.3f}"
    assert neurons["text"][-1] == f"b[3]₁ = {weights[2][1][0]:.3f}"


@pytest.mark.parametrize("sizes", [(7, 8, 8, 8, 8, 8, 8, 1), (2, 4, 4, 1), (8, 8, 1), (3, 1)])
@pytest.mark.parametrize("width", [600, 760, 1200])
def test_weights_are_read_at_spots_apart(sizes, width):
    """Each weight's hover point is ≥ 0.19 tile (≥ 8 px) from every other: the middles of the
    edges j → i and i → j coincide, so middles would hide one weight of each such pair."""
    spots = figures.weight_spots(sizes, width)
    assert len(spots) == sum(a * b for a, b in itertools.pairwise(sizes))
    points = np.array(list(spots.values()))
    gaps = np.hypot(*(points[:, None] - points[None]).transpose(2, 0, 1))
    assert gaps[~np.eye(len(points), dtype=bool)].min() >= 0.19
    assert figures.weight_spots(sizes, width) == spots  # the same place on every redraw


def test_weight_text_reads_like_the_lecture():
    assert figures.number(0.1234) == "0.123"
    assert figures.number(-0.0001234) == "-1.2e-04"
    assert figures.number(-0.0) == "0.000"
    assert figures.number(12.3456) == "12.346"


def test_network_labels_and_titles():
    fig, _, _ = network_figure(SMALL)
    spec = validated(fig)
    notes = spec["layout"]["annotations"]
    assert [a["text"] for a in notes if a["yref"] == "paper"] == [
        "entradas", "capa oculta 1<br>4 neuronas", "capa oculta 2<br>4 neuronas", "salida"]  # fmt: skip
    labels = [a for a in notes if a["yref"] == "y"]
    assert [a["text"] for a in labels] == ["x₁", "x₂"]
    inputs = tiles(spec)[:2]
    for label, (left, right, bottom, _) in zip(labels, inputs, strict=True):
        assert label["x"] == pytest.approx((left + right) / 2) and label["y"] < bottom
    one = pg.Network(("x1",), (1,), "tanh", "classification")
    spec = validated(network_figure(one)[0])
    assert "capa oculta 1<br>1 neurona" in [a["text"] for a in spec["layout"]["annotations"]]


def test_selected_neuron_is_outlined():
    fig, _, _ = network_figure(SMALL, selected=(2, 3))
    spec = validated(fig)
    (rect,) = spec["layout"]["shapes"]
    left, right, bottom, top = tiles(spec)[2 + 4 + 3]
    assert rect["x0"] < left < right < rect["x1"] and rect["y0"] < bottom < top < rect["y1"]
    assert not validated(network_figure(SMALL)[0])["layout"].get("shapes")


@pytest.mark.parametrize("hidden", [(), (1,), (8,) * 6], ids=["1-col", "3-col", "8-col"])
def test_tiles_stay_readable_at_1280_px(hidden):
    """8 tiles high and 8 columns wide fit a 1280 px wide page with tiles ≥ 40 px."""
    net = pg.Network(pg.FEATURES, hidden, "relu", "classification")
    spec = validated(network_figure(net, width=1200)[0])
    layout = spec["layout"]
    margin = layout["margin"]
    (x0, x1), (y0, y1) = layout["xaxis"]["range"], layout["yaxis"]["range"]
    plot_h = layout["height"] - margin["t"] - margin["b"]
    plot_w = 1200 - margin["l"] - margin["r"]
    assert min(plot_w / (x1 - x0), plot_h / (y1 - y0)) >= 40  # px per data unit: a tile's side


def test_height_grows_with_the_largest_layer():
    heights = [validated(network_figure(pg.Network(("x1", "x2"), (m,), "tanh",
                                                   "classification"))[0])["layout"]["height"]
               for m in (2, 4, 8)]  # fmt: skip
    assert heights[0] < heights[1] < heights[2]


def test_biggest_network_stays_light():
    fig, _, _ = network_figure(BIGGEST, n=20)
    assert len(pio.to_json(fig, validate=False)) < 90_000


def test_relu_and_regression_tiles_have_no_nan():
    net = pg.Network(("x1", "x2"), (4,), "relu", "regression")
    fig, _, _ = network_figure(net)
    validated(fig)  # no NaN / Infinity anywhere


# -- loss curve --------------------------------------------------------------------------------
def test_loss_curve_draws_both_losses():
    epochs = np.arange(0, 11)
    train, test = np.linspace(0.7, 0.2, 11), np.linspace(0.72, 0.3, 11)
    spec = validated(figures.loss_curve(epochs, train, test, TEXTS))
    assert [t["name"] for t in spec["data"]] == ["entrenamiento", "prueba"]
    np.testing.assert_allclose(values(spec["data"][1]["y"]), test, rtol=1e-4)
    assert spec["layout"]["yaxis"]["type"] == "linear" and spec["layout"]["height"] == 220
    assert spec["layout"]["hovermode"] == "x unified"
    assert spec["layout"]["legend"]["y"] < 1  # inside the plot
    log = validated(figures.loss_curve(epochs, train, test, TEXTS, log_y=True))
    assert log["layout"]["yaxis"]["type"] == "log"


def test_long_loss_curve_is_thinned_and_keeps_the_last_epoch():
    epochs = np.arange(0, 5001)
    loss = 1 / (1 + epochs)
    spec = validated(figures.loss_curve(epochs, loss, loss, TEXTS))
    xs = spec["data"][0]["x"]
    assert len(xs) <= figures.MAX_CURVE_POINTS and xs[0] == 0 and xs[-1] == 5000


def test_diverged_loss_leaves_a_gap():
    spec = validated(figures.loss_curve(np.arange(4), [0.7, 0.5, np.inf, np.nan],
                                        [0.7, 0.6, np.nan, np.nan], TEXTS))  # fmt: skip
    assert spec["data"][0]["y"] == [0.7, 0.5, None, None]
