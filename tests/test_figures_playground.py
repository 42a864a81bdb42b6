"""dlviz.figures.playground: the decision surface, the network diagram and the loss curve are
valid plotly, show what the network computes, and stay light enough to redraw while training."""

import base64
import io
import itertools
import json
import re

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio
import pytest
from PIL import Image

from dlviz import playground as pg
from dlviz import playground_trace as tr
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


def network_figure(net, n=20, width=1200):
    weights, _ = trained(net)
    grid = pg.grid(net, weights, n)
    labels = [LABELS[f] for f in net.features]
    fig = figures.network(grid, net.sizes, labels, weights, TEXTS, problem=net.problem,
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


# -- one point's trace written on the network ------------------------------------------------
LECTURE_NET = pg.Network(("x1", "x2"), (2,), "sigmoid", "classification")


def traced(net: pg.Network, width: int = 760, text_size: int = 13, point: int = 0, **kwargs):
    """The network figure with training point ``point``'s trace on trained weights."""
    weights, data = trained(net)
    trace = tr.trace(net, weights, data.X_train[point], float(data.y_train[point]))
    labels = [LABELS[f] for f in net.features]
    fig = figures.network(pg.grid(net, weights, 20), net.sizes, labels, weights, TEXTS,
                          problem=net.problem, width=width, trace=trace, text_size=text_size,
                          **kwargs)  # fmt: skip
    return validated(fig), trace, weights


def plain(text: str) -> list[str]:
    """An annotation's lines without their colour spans."""
    return [re.sub(r"<[^>]+>", "", line) for line in text.split("<br>")]


def read(text: str) -> float:
    """A number as the figure writes it ("−4.51e−5") back to a float."""
    return float(text.replace("−", "-"))


def close(shown: float, exact: float) -> bool:
    """Written with 3 significant digits: within half a unit of the third."""
    return abs(shown - exact) <= 5e-3 * abs(exact) + 1e-300


def written(spec: dict) -> list[dict]:
    """The annotations that hold the point's numbers (placed in data units, with a font size)."""
    return [a for a in spec["layout"]["annotations"] if a["yref"] == "y" and "font" in a]


def test_every_z_a_and_delta_of_a_2_2_1_network_is_written_under_its_tile():
    spec, trace, _ = traced(LECTURE_NET, width=500)
    xs = sorted({a["x"] for a in written(spec)})
    assert len(xs) == 3  # inputs, the hidden layer, the output
    by_column = [sorted((a for a in written(spec) if a["x"] == x), key=lambda a: -a["y"])
                 for x in xs]  # fmt: skip
    for (name, value), note in zip(zip(("x₁", "x₂"), trace.a0, strict=True), by_column[0],
                                   strict=True):  # fmt: skip
        (line,) = plain(note["text"])
        label, number = line.split(" = ")
        assert label == name and close(read(number), value)
    for layer, column in enumerate(by_column[1:], start=1):
        assert len(column) == trace.net.sizes[layer]
        for i, note in enumerate(column):
            lines = dict(line.split(" = ") for line in plain(note["text"]))
            a = "ŷ" if layer == trace.L else "a"
            assert list(lines) == ["z", a, "δ"]
            assert close(read(lines["z"]), trace.z[layer - 1][i])
            assert close(read(lines[a]), trace.a[layer - 1][i])
            assert close(read(lines["δ"]), trace.delta[layer - 1][i])
            assert f'color:{figures.DELTA}">δ' in note["text"]  # the backward pass apart
    assert close(read(dict(line.split(" = ") for line in plain(by_column[2][0]["text"]))["ŷ"]),
                 trace.y_hat)  # fmt: skip


def test_every_weight_hover_reads_its_gradient_and_every_neuron_its_numbers():
    spec, trace, weights = traced(LECTURE_NET, width=500)
    hover = next(t for t in spec["data"] if t["name"] == "W")["text"]
    assert len(hover) == sum(W.size for W, _ in weights)
    for layer, (W, _) in enumerate(weights, start=1):
        for (i, j), w in np.ndenumerate(W):
            name = f"W[{layer}]{str(i + 1).translate(SUB)},{str(j + 1).translate(SUB)} = "
            (text,) = [t for t in hover if t.startswith(name)]
            value, gradient = text.removeprefix(name).split(" · ∂J/∂W = ")
            assert read(value) == pytest.approx(w, abs=5e-4)
            assert close(read(gradient), trace.grad_W[layer - 1][i, j])
    neurons = next(t for t in spec["data"] if t["name"] == "b")["text"]
    first = neurons[len(LECTURE_NET.features)]  # neuron 1 of layer 1
    assert first.startswith(f"b[1]₁ = {figures.number(weights[0][1][0]).replace('-', '−')}")
    assert close(read(first.split("∂J/∂b = ")[1].split("<br>")[0]), trace.grad_b[0][0])
    assert f"δ = {figures.short(trace.delta[0][0])}" in first


def boxes(spec: dict, width: int) -> list[tuple[float, float, float, float]]:
    """Each written annotation's box (left, right, bottom, top) in data units, estimated from
    its longest line × 0.5 font sizes and its lines × 1.3 font sizes at the chart's scale."""
    layout = spec["layout"]
    margin = layout["margin"]
    (x0, x1), (y0, y1) = layout["xaxis"]["range"], layout["yaxis"]["range"]
    unit = min((width - margin["l"] - margin["r"]) / (x1 - x0),
               (layout["height"] - margin["t"] - margin["b"]) / (y1 - y0))  # fmt: skip
    out = []
    for note in written(spec):
        lines, size = plain(note["text"]), note["font"]["size"]
        w = max(len(line) for line in lines) * 0.5 * size / unit
        h = len(lines) * 1.3 * size / unit
        out.append((note["x"] - w / 2, note["x"] + w / 2, note["y"] - h, note["y"]))
    return out


def apart(a, b) -> bool:
    return a[1] <= b[0] or b[1] <= a[0] or a[3] <= b[2] or b[3] <= a[2]


@pytest.mark.parametrize("hidden", [(8, 8), (4, 2), (4, 4), (3,), (1, 1, 1, 1, 1, 1)])
@pytest.mark.parametrize(("width", "size"), [(760, 13), (500, 13), (680, 22)])
def test_written_numbers_do_not_overlap(hidden, width, size):
    net = pg.Network(pg.FEATURES[:2], hidden, "tanh", "classification")
    spec, _, _ = traced(net, width=width, text_size=size)
    notes, tiles_ = boxes(spec, width), tiles(spec)
    if len(net.sizes) * 2 * 44 < width:  # room for the inputs' values and the output's
        assert len(notes) >= len(net.features) + 1
    for a, b in itertools.combinations(notes, 2):
        assert apart(a, b)
    for note in notes:
        assert all(apart(note, tile) for tile in tiles_)
    (x0, x1), (y0, _) = spec["layout"]["xaxis"]["range"], spec["layout"]["yaxis"]["range"]
    assert all(x0 <= left and right <= x1 and y0 <= bottom for left, right, bottom, _ in notes)


def test_a_2_8_8_1_network_writes_its_inputs_and_output_and_keeps_the_rest_in_hover():
    net = pg.Network(("x1", "x2"), (8, 8), "tanh", "classification")
    spec, trace, _ = traced(net)
    assert len(written(spec)) == 2 + 1
    neurons = next(t for t in spec["data"] if t["name"] == "b")["text"]
    for i in range(8):  # layer 2's neurons: their numbers on hover
        text = neurons[2 + 8 + i]
        assert f"z = {figures.short(trace.z[1][i])}" in text
        assert f"a = {figures.short(trace.a[1][i])}" in text
        assert f"δ = {figures.short(trace.delta[1][i])}" in text


def test_numbers_that_do_not_fit_the_width_go_to_hover():
    net = pg.Network(("x1", "x2"), (2,) * 6, "tanh", "classification")
    wide, _, _ = traced(net, width=2000)
    narrow, _, _ = traced(net, width=500, text_size=22)
    assert len(written(wide)) == 2 + 6 * 2 + 1
    assert len(written(narrow)) < len(written(wide))
    spec, _, _ = traced(net, width=1000, text_size=22)
    assert 2 + 1 <= len(written(spec)) < len(written(wide))  # the inputs and output first


def test_gradient_edges_are_as_wide_as_the_gradient():
    spec, trace, weights = traced(SMALL, edges="gradient")
    top = max(np.abs(g).max() for g in trace.grad_W)
    bins = figures.edge_bins([(g / top, None) for g in trace.grad_W], figures.GRADIENT_WIDTHS)
    for (sign, klass, group), line in zip(bins, spec["data"][:8], strict=True):
        assert sum(v is None for v in line["x"]) == len(group)
        assert line["line"]["width"] == figures.LINE_WIDTHS[klass]
        for layer, i, j, _ in group:
            assert (trace.grad_W[layer - 1][i, j] >= 0) == bool(sign)
    widest = [line["line"]["width"] for line in spec["data"][:8] if line["x"]]
    assert max(widest) == figures.LINE_WIDTHS[-1]  # the largest gradient in the widest class


def test_short_numbers_have_three_significant_digits_and_no_minus_zero():
    assert figures.short(7.59943) == "7.60"
    assert figures.short(-0.0050234) == "−0.00502"
    assert figures.short(4.39e-5) == "4.39e−5"
    assert figures.short(-0.0004) == "−4.00e−4"
    assert figures.short(1234.5) == "1.23e3"
    assert figures.short(100.0) == "100"
    assert figures.short(-0.0) == figures.short(0.0) == "0"
    assert figures.short(-1e-320) != "−0"


def test_biggest_network_with_a_trace_stays_light():
    spec, _, _ = traced(BIGGEST)
    assert len(json.dumps(spec)) < 110_000


def test_decision_rings_the_point_on_top():
    weights, data = trained(SMALL)
    point = tuple(data.X_train[3])
    fig = figures.decision(pg.grid(SMALL, weights, 20), data.X_train, data.y_train, data.X_test,
                           data.y_test, "classification", TEXTS, point=point)  # fmt: skip
    spec = validated(fig)
    rings = [t for t in spec["data"] if t["name"] == "point"]
    assert spec["data"][-len(rings) :] == rings and len(rings) == 2  # drawn last: on top
    for ring in rings:
        assert (ring["x"], ring["y"]) == ([point[0]], [point[1]])
        assert ring["marker"]["symbol"] == "circle-open"
        assert ring["marker"]["size"] >= 2 * 7  # around the point (7 px), not over it
    without = validated(figures.decision(pg.grid(SMALL, weights, 20), data.X_train, data.y_train,
                                         data.X_test, data.y_test, "classification", TEXTS))  # fmt: skip
    assert not [t for t in without["data"] if t["name"] == "point"]
