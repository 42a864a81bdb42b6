"""Plotly figures for the Playground page: the output over the plane with the data on top, the
network drawn with a small picture of every neuron, and the loss curve.

Pure: arrays in, ``go.Figure`` out. Text shown is passed in already translated, as a dict
``texts`` (each builder names the keys it reads). A ``grid`` is ``dlviz.playground.Grid`` (or
anything with its fields): ``axis`` (n,), ``output`` (n, n), ``neurons`` (per layer l = 1..L an
array (n_l, n, n)) and ``inputs`` (k, n, n), with [row i, col j] at (x₁ = axis[j], x₂ = axis[i]).

The page draws these again every ~0.5 s while training plays, so they are kept light: the
neurons' pictures are small PNG images (layout images, not one heatmap trace each), and the
edges are drawn by a fixed handful of traces whatever the network.
"""

from __future__ import annotations

import base64
import functools
import math
import struct
import zlib
from collections.abc import Mapping, Sequence

import numpy as np
import plotly.graph_objects as go

from dlviz.figures import figure, room, rounded, single
from dlviz.figures.animation import shown_frames
from dlviz.softmax_paths import SUB

# TensorFlow Playground's colours: orange for negative values and class 0, blue for positive
# values and class 1, a light grey in between.
ORANGE, MIDDLE, BLUE = "#f59322", "#e8eaeb", "#0877bd"
SCALE = [[0.0, ORANGE], [0.5, MIDDLE], [1.0, BLUE]]
STEPS = [[0.0, ORANGE], [0.5, ORANGE], [0.5, BLUE], [1.0, BLUE]]  # discretised: two colours
HEAT_OPACITY = 0.6  # the surface lighter than the points on it
LEGEND_GREY = "#9aa0a6"

# The network diagram, in data units (a tile is 1 × 1) and pixels.
TILE_PX = 44  # a neuron's picture: 44 px square (8 of them, 8 columns, fit 1280 × 720)
PITCH = (1.65, 1.35)  # vertical distance between tiles: inputs (the gap holds a name), others
COLUMN_PITCH = (2.0, 4.0)  # horizontal distance between columns, least and most
TITLE_ROOM = 60  # px above the tiles for the columns' titles (two lines)
EDGE = 0.8  # data units beside the outer tiles (an input's name in large type is wider)
LABEL_ROOM = 0.45  # data units under the lowest tile for its input's name
WIDTHS = (0.2, 0.6, 1.5)  # |w| thresholds of the edges' width classes
LINE_WIDTHS = (1.0, 2.0, 3.5, 5.5)  # px, per width class (|w| below 0.2, 0.6, 1.5, beyond)
SPOTS = np.linspace(0.2, 0.8, 25)  # where along its edge a weight may be read (0: its source)
MAX_CURVE_POINTS = 300  # a loss curve is drawn through at most this many epochs


LEVELS = 65  # colours of a neuron's picture: −1 to 1 in steps of 1/32

# One point's numbers written on the network (``network(..., trace=...)``).
WRITTEN = 4  # a layer's z, a and δ are written under its tiles up to this many neurons
# A character's width and a line's height, in font sizes: the chart's digits, "=", "−" and
# spaces measured 0.42 on average in Chromium, plotly spaces lines 1.3 apart.
CHAR_EM, LINE_EM = 0.5, 1.3
TEXT_GAP = 0.4  # data units between two columns' written numbers, and under a tile's numbers
INK, DELTA = "#202124", "#8e24aa"  # z and a; δ (the backward pass)
GRADIENT_WIDTHS = (0.05, 0.25, 0.6)  # |∂J/∂w| / max |∂J/∂w|: the edges' width classes


# -- colours and images ----------------------------------------------------------------------
def _rgb(hex_color: str) -> np.ndarray:
    return np.array([int(hex_color[k : k + 2], 16) for k in (1, 3, 5)], dtype=float)


def colors(values: np.ndarray) -> np.ndarray:
    """Values on [−1, 1] (beyond it: clipped) as RGB bytes (…, 3): orange at −1, grey at 0, blue
    at 1, linearly in between, exactly as the colour scale ``SCALE`` from −1 to 1."""
    v = np.clip(np.nan_to_num(np.asarray(values, dtype=float)), -1.0, 1.0)[..., None]
    middle = _rgb(MIDDLE)
    far = np.where(v < 0, _rgb(ORANGE), _rgb(BLUE))
    return np.round(middle + (far - middle) * np.abs(v)).astype(np.uint8)


def levels(values: np.ndarray) -> np.ndarray:
    """Values on [−1, 1] (beyond it: clipped; NaN as 0) as the index of the nearest of the
    ``LEVELS`` evenly spaced colours of ``PALETTE`` (steps of 1/32: too small to see)."""
    v = np.clip(np.nan_to_num(np.asarray(values, dtype=float)), -1.0, 1.0)
    return np.round((v + 1) / 2 * (LEVELS - 1)).astype(np.uint8)


def png(indices: np.ndarray, palette: np.ndarray) -> bytes:
    """An image (h, w) of indices into ``palette`` (k, 3) RGB bytes as a PNG file, each row
    filtered by "Up" (smooth pictures compress well)."""
    h, w = indices.shape
    up = np.diff(indices.astype(np.int16), axis=0, prepend=0).astype(np.uint8)  # mod 256
    raw = np.concatenate([np.full((h, 1), 2, dtype=np.uint8), up], axis=1).tobytes()

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + body))
        return struct.pack(">I", len(body)) + kind + body + crc

    header = struct.pack(">IIBBBBB", w, h, 8, 3, 0, 0, 0)  # 8-bit indices into a palette
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"PLTE", np.ascontiguousarray(palette, dtype=np.uint8).tobytes())
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))  # fmt: skip


PALETTE = colors(np.linspace(-1.0, 1.0, LEVELS))


def picture(values: np.ndarray) -> str:
    """A neuron's values over the plane ([row i] at x₂ = axis[i], rising) as a PNG data URI,
    the highest x₂ on top. A palette of 65 colours makes it a third of an RGB image's size."""
    data = png(levels(values[::-1]), PALETTE)
    return "data:image/png;base64," + base64.b64encode(data).decode("ascii")


def number(value: float) -> str:
    """A weight or bias to read: three decimals, a tiny one in scientific notation, never −0."""
    text = f"{value:.3f}"
    if float(text) == 0.0:
        return f"{value:.1e}" if value != 0 and np.isfinite(value) else "0.000"
    return text


def short(value: float, digits: int = 3) -> str:
    """A number of the point's trace to write on the network: ``digits`` significant digits
    (trailing zeros too), powers of ten as "4.51e−5", a true minus sign "−", never "−0" (a value that rounds to 0 is
    "0")."""
    value = float(value)
    if not np.isfinite(value):
        return "∞" if value > 0 else "−∞" if value < 0 else "?"
    small = 0 < abs(value) < 1e-3  # "4.00e−4", not "0.000400"
    text = f"{value:#.{digits - 1}e}" if small else f"{value:#.{digits}g}"  # "#": "7.60", not "7.6"
    if float(text) == 0.0:
        return "0"
    mantissa, _, exponent = text.partition("e")
    text = mantissa.rstrip(".") + (f"e{int(exponent)}" if exponent else "")
    return text.replace("-", "−")


# -- the decision surface --------------------------------------------------------------------
def decision(
    grid,
    X_train: np.ndarray,
    y_train: np.ndarray,
    X_test: np.ndarray,
    y_test: np.ndarray,
    problem: str,
    texts: Mapping[str, str],
    *,
    show_test: bool = True,
    discretize: bool = False,
    height: int = 440,
    width: int | None = None,
    point: tuple[float, float] | None = None,
) -> go.Figure:
    """The network's output over the plane as a colour map, the training points on it (filled,
    white outline) and, with ``show_test``, the test points (black outline).

    Classification: ŷ ∈ [0, 1], orange (class 0) to blue (class 1) through grey at 0.5;
    regression: ŷ from −1 (orange) to 1 (blue) through grey at 0. ``discretize`` paints the
    two sides of 0.5 (of 0) in two colours; the boundary between them follows ŷ interpolated
    between the grid's points. The points take the same colours from their labels.
    ``texts``: "train", "test" (legend), "y" (a point's label or target, in its hover).
    ``width``: the chart's width in px if known; then ``height`` is the one that makes the
    square plot fill it (the plot stays square either way). ``point``: (x₁, x₂) of one point
    to mark with a ring (dark in white, drawn last, wide enough to leave the point seen).
    """
    classify = problem == "classification"
    lo, hi = (0.0, 1.0) if classify else (-1.0, 1.0)
    axis = single(grid.axis)
    heat = {
        "type": "heatmap", "x": axis, "y": axis, "z": single(grid.output), "zsmooth": "best",
        "coloraxis": "coloraxis", "opacity": HEAT_OPACITY, "name": "ŷ",
        "hovertemplate": "x₁ = %{x:.2f}<br>x₂ = %{y:.2f}<br>ŷ = %{z:.3f}<extra></extra>",
    }  # fmt: skip
    label = "%{marker.color}" if classify else "%{marker.color:.3f}"
    sets = [(X_train, y_train, texts["train"], "white")]
    if show_test:
        sets.append((X_test, y_test, texts["test"], "black"))
    points = []
    for X, y, name, outline in sets:
        marker = {"size": 7, "line": {"color": outline, "width": 1}}
        points += [
            {"type": "scatter", "x": single(X[:, 0]), "y": single(X[:, 1]), "mode": "markers",
             "name": name, "legendgroup": name, "showlegend": False,
             "marker": {**marker, "color": np.asarray(y, dtype=np.int8) if classify else single(y),
                        "coloraxis": "coloraxis"},
             "hovertemplate": f"x₁ = %{{x:.2f}}<br>x₂ = %{{y:.2f}}<br>{texts['y']} = {label}"
                              f"<extra>{name}</extra>"},
            # The legend's entry: the points' colours come from the colour axis, which a
            # legend does not draw, so a grey point with the same outline stands for them.
            {"type": "scatter", "x": [None], "y": [None], "mode": "markers", "name": name,
             "legendgroup": name, "marker": {**marker, "size": 10, "color": LEGEND_GREY},
             "hoverinfo": "skip"},
        ]  # fmt: skip
    ticks = [lo, (lo + hi) / 2, hi]
    ends = [float(grid.axis[0]), float(grid.axis[-1])]  # [−6, 6]², the lecture's [−0.5, 1.5]²
    plane = {"range": ends, "constrain": "domain", "zeroline": False, "showgrid": False,
             "tickvals": np.linspace(*ends, 5).tolist()}  # fmt: skip
    layout = {
        "coloraxis": {
            "colorscale": STEPS if discretize else SCALE, "cmin": lo, "cmax": hi,
            "colorbar": {"title": {"text": "ŷ"}, "thickness": 12, "len": 0.8,
                         "tickvals": ticks, "ticktext": [f"{t:g}" for t in ticks]},
        },
        "xaxis": {**plane, "title": {"text": "x₁"}},
        "yaxis": {**plane, "title": {"text": "x₂"}, "scaleanchor": "x", "scaleratio": 1},
        "legend": {"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0},
        "showlegend": True, "height": height, "margin": {"l": 10, "r": 10, "t": 30, "b": 10},
        "plot_bgcolor": "white",
    }  # fmt: skip
    data = [heat, *points]
    if point is not None:
        ring = {"type": "scatter", "x": [float(point[0])], "y": [float(point[1])],
                "mode": "markers", "showlegend": False, "hoverinfo": "skip", "name": "point"}  # fmt: skip
        for color, line in (("white", 5), (INK, 2.5)):
            data.append({**ring, "marker": {"symbol": "circle-open", "size": 20, "color": color,
                                            "line": {"color": color, "width": line}}})  # fmt: skip
    if width is not None:
        margin = room(layout, data)
        layout["height"] = width - margin["l"] - margin["r"] + margin["t"] + margin["b"]
    return figure(data, layout)


# -- the network -----------------------------------------------------------------------------
def layout_of(sizes: Sequence[int], width: int) -> tuple[list[float], list[list[float]], float]:
    """Where the tiles go: each column's centre x, each column's tile centres y (top first)
    and the distance between columns. Columns spread to fill about ``width`` px (between
    ``COLUMN_PITCH``), tiles ``PITCH`` apart, every column centred on y = 0."""
    columns = len(sizes)
    across = width / TILE_PX - 1.0  # data units between the first and last column's centres
    pitch = min(max(across / max(columns - 1, 1), COLUMN_PITCH[0]), COLUMN_PITCH[1])
    xs = [c * pitch for c in range(columns)]
    ys = [[((m - 1) / 2 - i) * PITCH[c > 0] for i in range(m)] for c, m in enumerate(sizes)]
    return xs, ys, pitch


def weight_spots(sizes: tuple[int, ...], width: int) -> dict[tuple[int, int, int], tuple]:
    """Where hovering reads each weight: a point on its edge (l, i, j), from neuron j of layer
    l − 1 to neuron i of layer l, as far as can be from the others. Middles would not do: the
    edges j → i and i → j between two layers of the same size cross at their middles.

    Edge by edge (in a fixed shuffled order, so a weight's spot stays put while training),
    the point among ``SPOTS`` along the edge farthest from the points already placed.
    Cached (12 ms for the largest network, which the page redraws twice a second): the
    dict returned is shared, not to be changed."""
    xs, ys, _ = layout_of(sizes, width)
    return _spots(tuple(xs), tuple(tuple(column) for column in ys))


@functools.lru_cache(maxsize=64)
def _spots(xs: tuple[float, ...], ys: tuple[tuple[float, ...], ...]) -> dict:
    """``weight_spots`` for tiles centred at ``xs`` (per column) and ``ys`` (per tile)."""
    sizes = [len(column) for column in ys]
    spots = {}
    for layer in range(1, len(sizes)):
        x0, x1 = xs[layer - 1] + 0.5, xs[layer] - 0.5
        edges = [(i, j) for i in range(sizes[layer]) for j in range(sizes[layer - 1])]
        order = np.random.default_rng([sizes[layer - 1], sizes[layer]]).permutation(len(edges))
        placed = np.empty((0, 2))
        for k in order:
            i, j = edges[k]
            y0, y1 = ys[layer - 1][j], ys[layer][i]
            candidates = np.column_stack([x0 + SPOTS * (x1 - x0), y0 + SPOTS * (y1 - y0)])
            if len(placed):
                gaps = np.hypot(*(candidates[:, None, :] - placed[None]).transpose(2, 0, 1))
                best = int(np.argmax(gaps.min(axis=1) - 1e-3 * np.abs(SPOTS - 0.5)))
            else:
                best = len(SPOTS) // 2
            placed = np.vstack([placed, candidates[best]])
            spots[(layer, i, j)] = (float(candidates[best, 0]), float(candidates[best, 1]))
    return spots


def _title(layer: int, last: int, size: int, texts: Mapping[str, str]) -> str:
    if layer == 0:
        return texts["inputs"]
    if layer == last:
        return texts["output"]
    count = texts["neuron"] if size == 1 else texts["neurons"].format(n=size)
    return texts["hidden"].format(layer=layer) + "<br>" + count


def edge_bins(
    weights, widths: Sequence[float] = WIDTHS
) -> list[tuple[int, int, list[tuple[int, int, int, float]]]]:
    """The edges sorted into (sign, width class) bins: per bin (sign 0 negative / 1 positive
    or zero, width class 0..3, [(layer l, i, j, w), …]); every edge in exactly one bin. The
    classes are |w| below ``widths[0]``, ``widths[1]``, ``widths[2]`` and beyond; ``weights``
    may hold any per-edge values (W, _) instead, e.g. gradients."""
    bins = {(s, k): [] for s in (0, 1) for k in range(len(LINE_WIDTHS))}
    for layer, (W, _) in enumerate(weights, start=1):
        W = np.asarray(W, dtype=float)
        klass = np.searchsorted(widths, np.abs(np.nan_to_num(W)), side="right")
        for (i, j), w in np.ndenumerate(W):
            bins[(int(w >= 0 or not np.isfinite(w)), int(klass[i, j]))].append((layer, i, j, w))
    return [(s, k, edges) for (s, k), edges in bins.items()]


def _lines(trace, sizes: Sequence[int], feature_labels: Sequence[str]) -> list[list[list]]:
    """Per column, per tile: the point's numbers to write under it, as (text, colour) lines:
    an input's name and value (a⁽⁰⁾); a neuron's z, a (ŷ at the output) and δ = ∂ℒ/∂z."""
    last = len(sizes) - 1
    lines = [[[(f"{feature_labels[i]} = {short(v)}", INK)] for i, v in enumerate(trace.a0)]]
    for layer in range(1, last + 1):
        a = "ŷ" if layer == last else "a"
        lines.append([
            [(f"z = {short(z)}", INK), (f"{a} = {short(v)}", INK), (f"δ = {short(d)}", DELTA)]
            for z, v, d in zip(trace.z[layer - 1], trace.a[layer - 1], trace.delta[layer - 1],
                               strict=True)
        ])  # fmt: skip
    return lines


def text_box(lines: Sequence[tuple[str, str]], size: float) -> tuple[float, float]:
    """About how wide and tall (data units: a tile is ``TILE_PX``) text of ``lines`` is in
    ``size`` px type: ``CHAR_EM`` × size a character, ``LINE_EM`` × size a line."""
    longest = max((len(text) for text, _ in lines), default=0)
    return longest * CHAR_EM * size / TILE_PX, len(lines) * LINE_EM * size / TILE_PX


def plan(
    sizes: Sequence[int], width: int, lines: list[list[list]], size: float
) -> tuple[list[float], list[list[float]], list[bool], tuple[float, float]]:
    """Where the tiles go when a point's numbers are written under them (``size`` px type):
    each column's centre x, its tiles' centres y, whether its numbers are written, and the
    room (data units from the outer columns' centres) left and right.

    The inputs' values are written (one line, in place of their names); a layer's three
    lines when it has at most ``WRITTEN`` neurons. A written column's tiles are as far apart
    as its text needs, and neighbouring columns so far apart that their texts keep
    ``TEXT_GAP`` between them. If that makes the network wider than ``width`` px (its type
    would then overlap once the chart shrinks to fit), layers go back to hover only, the
    largest (then the first) first, then the output, last the inputs (their names written
    then, as without a trace)."""
    columns = len(sizes)
    written = [c == 0 or sizes[c] <= WRITTEN for c in range(columns)]  # the inputs: one each
    boxes = [[text_box(tile, size) for tile in column] for column in lines]
    across = (width - 40) / TILE_PX  # data units the chart has (margins 30 px, and some slack)
    while True:
        wide = [max([1.0] + [w for w, _ in boxes[c]]) if written[c] else 1.0
                for c in range(columns)]  # fmt: skip
        room = (max(EDGE, wide[0] / 2 + 0.1), max(EDGE, wide[-1] / 2 + 0.1))
        fill = (across - sum(room)) / max(columns - 1, 1)
        base = min(max(fill, COLUMN_PITCH[0]), COLUMN_PITCH[1])
        xs = [0.0]
        for c in range(1, columns):
            xs.append(xs[-1] + max(base, (wide[c - 1] + wide[c]) / 2 + TEXT_GAP))
        shown = [c for c in range(columns) if written[c]]
        if xs[-1] + sum(room) <= across + 1e-9 or not shown:
            break
        order = sorted(shown, key=lambda c: (c == 0, c == columns - 1, -sizes[c], c))
        written[order[0]] = False
    ys = []
    for c, m in enumerate(sizes):
        tall = max(h for _, h in boxes[c]) if written[c] else 0.0
        pitch = max(PITCH[c > 0], 1.0 + tall + TEXT_GAP) if written[c] else PITCH[c > 0]
        ys.append([((m - 1) / 2 - i) * pitch for i in range(m)])
    return xs, ys, written, room


def network(
    grid,
    net_sizes: Sequence[int],
    feature_labels: Sequence[str],
    weights,
    texts: Mapping[str, str],
    *,
    problem: str = "classification",
    width: int = 760,
    trace=None,
    edges: str = "weight",
    text_size: int = 13,
) -> go.Figure:
    """The network from left to right: a column per layer (the inputs, the hidden layers, the
    output), each neuron drawn as a small picture of what it computes over the plane
    (``grid.inputs``, ``grid.neurons``; the output as on the decision surface), and the
    edges between consecutive layers orange (w < 0) or blue (w ≥ 0), wider as |w| grows.

    Hovering an edge (near one point of it, apart from the others') reads its weight ("W[2]₃,₁ = 0.123": to neuron 3 of layer 2
    from neuron 1 of layer 1, z = W a + b), hovering a neuron its bias. ``net_sizes``:
    (n_features, *hidden, 1); ``weights``: per layer (W (n_l, n_{l−1}), b (n_l,));
    ``width``:
    about how many px wide the chart will be (the columns spread to fill it).
    ``texts``: "inputs", "output", "hidden" ("… {layer}"), "neurons" ("{n} …"), "neuron"
    (for one); a column's title is the layer's name over its size.

    ``trace``: a :class:`dlviz.playground_trace.Trace` of one point on these weights; its
    forward and backward pass is then written on the network in ``text_size`` px type (the
    size the page draws the chart's type in: 13, or 22 in presentation mode), numbers with 3
    significant digits (:func:`short`):

    - under each input tile, the point's feature value, "x₁ = 0.5" (a⁽⁰⁾), in place of the
      name (always written);
    - under each neuron tile of a layer of at most ``WRITTEN`` neurons, "z = …", "a = …"
      ("ŷ = …" at the output) and, in violet, "δ = …" (δ = ∂ℒ/∂z); a layer of more neurons,
      or one the width has no room for (see :func:`plan`), has them in the neuron's hover
      only. Every neuron's hover reads its bias, ∂J/∂b, z, a and δ;
    - every edge's hover reads its weight and its gradient: "W[2]₃,₁ = 0.123 · ∂J/∂W = −0.0045".

    ``edges="gradient"`` (with a trace): the edges are coloured by the sign of ∂J/∂w
    (gradient descent moves w the other way) and wide as |∂J/∂w| is large against the
    largest one (``GRADIENT_WIDTHS``): where the gradient flows for this point."""
    sizes = list(net_sizes)
    last = len(sizes) - 1
    if trace is None:
        xs, ys, _ = layout_of(sizes, width)
        written, room, lines = [False] * len(sizes), (EDGE, EDGE), None
    else:
        lines = _lines(trace, sizes, feature_labels)
        xs, ys, written, room = plan(sizes, width, lines, text_size)
    spots = _spots(tuple(xs), tuple(tuple(column) for column in ys))
    minus = (lambda text: text.replace("-", "−")) if trace is not None else (lambda text: text)
    output = np.asarray(grid.output, dtype=float)
    pictures = [np.asarray(grid.inputs, dtype=float)] + [
        np.asarray(a, dtype=float) for a in grid.neurons[:-1]
    ]
    pictures.append((2 * output - 1 if problem == "classification" else output)[None])
    images, outlines, centres, names, annotations = [], [[], []], [[], []], [], []
    low = math.inf
    for layer, size in enumerate(sizes):
        x = xs[layer]
        for i, y in enumerate(ys[layer]):
            images.append({"source": picture(pictures[layer][i]), "xref": "x", "yref": "y",
                           "x": x - 0.5, "y": y + 0.5, "sizex": 1, "sizey": 1,
                           "xanchor": "left", "yanchor": "top", "sizing": "stretch",
                           "layer": "above"})  # fmt: skip
            outlines[0] += [x - 0.5, x + 0.5, x + 0.5, x - 0.5, x - 0.5, None]
            outlines[1] += [y - 0.5, y - 0.5, y + 0.5, y + 0.5, y - 0.5, None]
            centres[0].append(x)
            centres[1].append(y)
            low = min(low, y - 0.6)
            sub = str(i + 1).translate(SUB)
            if lines is not None:
                names.append("<br>".join(text for text, _ in lines[layer][i]))
                if layer > 0:
                    bias = float(np.asarray(weights[layer - 1][1])[i])
                    gradient = short(trace.grad_b[layer - 1][i])
                    names[-1] = (f"b[{layer}]{sub} = {minus(number(bias))} · ∂J/∂b = {gradient}"
                                 f"<br>{names[-1]}")  # fmt: skip
            elif layer == 0:
                names.append(feature_labels[i])
            else:
                bias = float(np.asarray(weights[layer - 1][1])[i])
                names.append(f"b[{layer}]{sub} = {number(bias)}")
            if written[layer]:
                text = "<br>".join(
                    t if color == INK else f'<span style="color:{color}">{t}</span>'
                    for t, color in lines[layer][i]
                )
                annotations.append({"x": x, "y": y - 0.55, "text": text, "xref": "x", "yref": "y",
                                    "yanchor": "top", "showarrow": False, "borderpad": 0,
                                    "font": {"size": text_size, "color": INK},
                                    "bgcolor": "rgba(255,255,255,0.85)"})  # fmt: skip
                low = min(low, y - 0.55 - text_box(lines[layer][i], text_size)[1] - 0.1)
            elif layer == 0:
                annotations.append({"x": x, "y": y - 0.52, "text": feature_labels[i],
                                    "xref": "x", "yref": "y", "yanchor": "top",
                                    "showarrow": False})  # fmt: skip
                low = min(low, y - 0.5 - LABEL_ROOM)
        # The first and last columns' titles start (end) at their tiles' outer edge: centred,
        # a wide one in large type would run out of the chart.
        anchor = "left" if layer == 0 else "right" if layer == last else "center"
        edge = {"left": x - 0.5, "right": x + 0.5, "center": x}[anchor]
        annotations.append({"x": edge, "y": 1.0, "xref": "x", "yref": "paper", "yanchor": "bottom",
                            "xanchor": anchor, "text": _title(layer, last, size, texts),
                            "showarrow": False})  # fmt: skip

    if trace is not None and edges == "gradient":
        top_gradient = max(float(np.max(np.abs(g), initial=0.0)) for g in trace.grad_W)
        scale = top_gradient if np.isfinite(top_gradient) and top_gradient > 0 else 1.0
        bins = edge_bins([(np.asarray(g) / scale, None) for g in trace.grad_W], GRADIENT_WIDTHS)
    else:
        bins = edge_bins(weights)
    data = []
    hover = ([], [], [])
    for sign, klass, group in bins:
        line_x, line_y = [], []
        for layer, i, j, _ in group:
            x0, x1 = xs[layer - 1] + 0.5, xs[layer] - 0.5
            y0, y1 = ys[layer - 1][j], ys[layer][i]
            line_x += [x0, x1, None]
            line_y += [y0, y1, None]
            hover[0].append(spots[(layer, i, j)][0])
            hover[1].append(spots[(layer, i, j)][1])
            sub = f"{i + 1}".translate(SUB) + "," + f"{j + 1}".translate(SUB)
            w = float(np.asarray(weights[layer - 1][0])[i, j])
            text = f"W[{layer}]{sub} = {minus(number(w))}"
            if trace is not None:
                text += f" · ∂J/∂W = {short(trace.grad_W[layer - 1][i, j])}"
            hover[2].append(text)
        data.append({"type": "scatter", "x": rounded(line_x), "y": rounded(line_y),
                     "mode": "lines", "hoverinfo": "skip", "showlegend": False,
                     "name": f"{'+' if sign else '−'}{klass}",
                     "line": {"color": BLUE if sign else ORANGE, "width": LINE_WIDTHS[klass]}})  # fmt: skip
    invisible = {"color": "rgba(0,0,0,0)"}
    data += [
        {"type": "scatter", "x": rounded(outlines[0]), "y": rounded(outlines[1]), "mode": "lines",
         "line": {"color": LEGEND_GREY, "width": 1}, "hoverinfo": "skip", "showlegend": False,
         "name": "tiles"},
        {"type": "scatter", "x": rounded(hover[0]), "y": rounded(hover[1]), "mode": "markers",
         "text": hover[2], "hovertemplate": "%{text}<extra></extra>", "showlegend": False,
         "marker": {**invisible, "size": 10}, "name": "W"},
        {"type": "scatter", "x": rounded(centres[0]), "y": rounded(centres[1]), "mode": "markers",
         "text": names, "hovertemplate": "%{text}<extra></extra>", "showlegend": False,
         "marker": {**invisible, "size": TILE_PX, "symbol": "square"}, "name": "b"},
    ]  # fmt: skip
    top = max(column[0] for column in ys) + 0.6
    span = top - low
    hidden = {"visible": False, "fixedrange": True, "showgrid": False, "zeroline": False}
    layout = {
        "xaxis": {**hidden, "range": [xs[0] - room[0], xs[-1] + room[1]], "constrain": "domain"},
        "yaxis": {**hidden, "range": [low, top], "scaleanchor": "x", "scaleratio": 1,
                  "constrain": "domain"},
        "images": images, "annotations": annotations,
        "height": int(round(span * TILE_PX)) + TITLE_ROOM + 10,
        "margin": {"l": 10, "r": 10, "t": TITLE_ROOM, "b": 10},
        "showlegend": False, "hovermode": "closest", "dragmode": False,
        "plot_bgcolor": "white",
    }  # fmt: skip
    return figure(data, layout)


# -- the loss curve --------------------------------------------------------------------------
def loss_curve(
    epochs: np.ndarray,
    train_loss: np.ndarray,
    test_loss: np.ndarray,
    texts: Mapping[str, str],
    *,
    height: int = 220,
) -> go.Figure:
    """Train and test loss against the epoch (through at most ``MAX_CURVE_POINTS`` epochs,
    the last always), a small chart with its legend inside; hovering shows both values at an
    epoch. A loss that is not finite (training diverged) leaves a gap.
    ``texts``: "train", "test" (legend), "epoch" (the x axis)."""
    epochs = np.asarray(epochs)
    shown = np.asarray(shown_frames(len(epochs), MAX_CURVE_POINTS), dtype=int)
    curves = [(train_loss, texts["train"], LEGEND_GREY), (test_loss, texts["test"], INK)]
    data = [
        {"type": "scatter", "x": epochs[shown].astype(int).tolist(),
         "y": rounded(np.asarray(loss, dtype=float)[shown]), "mode": "lines", "name": name,
         "line": {"color": color, "width": 2}, "hovertemplate": "%{y:.4g}"}
        for loss, name, color in curves
    ]  # fmt: skip
    layout = {
        "xaxis": {"title": {"text": texts["epoch"]}, "rangemode": "tozero", "showgrid": False},
        "yaxis": {"type": "linear", "showgrid": True, "rangemode": "tozero"},
        "legend": {"x": 0.99, "xanchor": "right", "y": 0.98, "yanchor": "top",
                   "bgcolor": "rgba(255,255,255,0.7)"},
        "showlegend": True, "hovermode": "x unified", "height": height,
        "margin": {"l": 50, "r": 10, "t": 10, "b": 10},
    }  # fmt: skip
    return figure(data, layout)
