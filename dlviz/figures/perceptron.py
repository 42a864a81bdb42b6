"""Plotly figures for the Perceptron & XOR page: decision lines over the four inputs (animated
over presentations), the XOR network's hidden space, convergence vs cycling, the sigmoid MLP
learning XOR (animated over epochs), the seed sweep, and perceptron rule vs ADALINE.

Pure: arrays in, ``go.Figure`` out. Text (legend names, axis titles) is passed in translated.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go

from dlviz.figures import figure
from dlviz.figures.animation import frames_and_controls
from dlviz.perceptron import AdalineTraining, Training, update_sizes

BOX = (-0.5, 1.5)  # input space shown around the four points
CLASS_COLOR = {0: "#1f77b4", 1: "#d62728"}
LINE_COLOR = "#ff7f0e"
REGION = "rgba(255,127,14,0.18)"
UNIT_COLOR = ("#2ca02c", "#9467bd")  # hidden units A, B
UNIT_REGION = ("rgba(44,160,44,0.12)", "rgba(148,103,189,0.12)")
LOG_TICKS = [m * 10.0**e for e in range(-4, 1) for m in (1, 2, 5)]
LEGEND = {"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0}
MAX_FRAMES = 41  # presentations animated at most: those around the one shown
CURVE_POINTS = 301  # a loss curve is drawn through at most this many epochs (evenly spread)


def _r(values) -> list[float]:
    """Coordinates to 4 significant digits: what the eye can see, and short to send."""
    return [float(f"{v:.4g}") for v in values]


def half_plane(w: np.ndarray, offset: float, box: Sequence[float] = BOX) -> tuple[list, list]:
    """The polygon of the square ``box``² where w·p ≥ offset (closed; empty lists if none)."""
    lo, hi = float(box[0]), float(box[1])
    w1, w2, c = float(w[0]), float(w[1]), float(offset)
    corners = [(lo, lo), (hi, lo), (hi, hi), (lo, hi)]
    kept = []
    for k, p in enumerate(corners):  # Sutherland–Hodgman against one half-plane
        q = corners[(k + 1) % 4]
        fp, fq = w1 * p[0] + w2 * p[1] - c, w1 * q[0] + w2 * q[1] - c
        if fp >= 0:
            kept.append(p)
        if fp * fq < 0:
            s = fp / (fp - fq)
            kept.append((p[0] + s * (q[0] - p[0]), p[1] + s * (q[1] - p[1])))
    if not kept:
        return [], []
    kept.append(kept[0])
    return [p[0] for p in kept], [p[1] for p in kept]


def boundary(w: np.ndarray, offset: float, box: Sequence[float] = BOX) -> tuple[list, list]:
    """The segment of the line w·p = offset inside the square ``box``² (empty if it misses)."""
    w1, w2, c = float(w[0]), float(w[1]), float(offset)
    if max(abs(w1), abs(w2)) <= 1e-12:
        return [], []
    xs, ys = half_plane((w1, w2), c, box)
    scale = max(abs(w1), abs(w2), abs(c), 1.0)
    on = {(round(x, 12), round(y, 12)) for x, y in zip(xs, ys, strict=True)
          if abs(w1 * x + w2 * y - c) <= 1e-9 * scale}  # fmt: skip
    if len(on) < 2:
        return [], []
    ends = sorted(on, key=lambda p: w1 * p[1] - w2 * p[0])  # along the line
    return [ends[0][0], ends[-1][0]], [ends[0][1], ends[-1][1]]


def _points(X: np.ndarray, y: np.ndarray, text: dict[str, str], axes: str = "") -> list[dict]:
    """The inputs as two marker traces, one per target class, labelled (x₁, x₂) above (a label
    on the right would run out of the plot at x₁ = 1, or into its neighbour's)."""
    traces = []
    for c in (0, 1):
        sel = np.asarray(y) == c
        traces.append({
            "type": "scatter", "x": X[sel, 0], "y": X[sel, 1], "mode": "markers+text",
            "name": text[f"y{c}"], "text": [f"({a:g}, {b:g})" for a, b in X[sel]],
            "textposition": "top center", "hoverinfo": "text",
            "marker": {"color": CLASS_COLOR[c], "size": 16, "symbol": "circle" if c else "x",
                       "line": {"color": "#222", "width": 1.5}},
            **_axes(axes),
        })  # fmt: skip
    return traces


def _axes(axes: str) -> dict:
    return {"xaxis": f"x{axes}", "yaxis": f"y{axes}"} if axes else {}


def _unit_traces(w, offset, name, color, region, axes="", box=BOX, label=None) -> list[dict]:
    rx, ry = (_r(c) for c in half_plane(w, offset, box))
    lx, ly = (_r(c) for c in boundary(w, offset, box))
    return [
        {"type": "scatter", "x": rx, "y": ry, "fill": "toself", "fillcolor": region,
         "mode": "lines", "line": {"width": 0}, "name": label or name, "hoverinfo": "skip",
         "showlegend": label is not None, **_axes(axes)},
        {"type": "scatter", "x": lx, "y": ly, "mode": "lines", "name": name,
         "line": {"color": color, "width": 3}, "hoverinfo": "name", **_axes(axes)},
    ]  # fmt: skip


def _square_axes(title_x: str, title_y: str, box=BOX, **extra) -> dict:
    axis = {"range": list(box), "zeroline": False, "dtick": 0.5, "constrain": "domain"}
    return {"xaxis": {**axis, "title": {"text": title_x}, **extra.get("x", {})},
            "yaxis": {**axis, "title": {"text": title_y}, "scaleanchor": extra.get("anchor", "x"),
                      **extra.get("y", {})}}  # fmt: skip


def unit_figure(
    X: np.ndarray,
    y: np.ndarray,
    weights: np.ndarray,
    threshold: float,
    step: int,
    text: dict[str, str],
    biases: np.ndarray | None = None,
) -> go.Figure:
    """One unit's region w·x + b ≥ θ and line w·x + b = θ over the inputs, frame k = after
    presentation k (``weights`` (P+1, 2)); the slider starts at ``step``. The presented input
    is ringed. At most ``MAX_FRAMES`` presentations around ``step`` are animated, and a frame
    carries only the coordinates that move. ``text``: "region", "line", "y0", "y1", "shown",
    "start", "presentation", "x1", "x2"."""
    n = len(X)
    biases = np.zeros(len(weights)) if biases is None else np.asarray(biases)

    def frame(k: int) -> list[dict]:
        traces = _unit_traces(weights[k], threshold - biases[k], text["line"], LINE_COLOR,
                              REGION, label=text["region"])  # fmt: skip
        shown = [float(v) for v in X[(k - 1) % n]] if k else [None, None]  # none at the start
        traces.append({"type": "scatter", "x": shown[:1], "y": shown[1:],
                       "mode": "markers", "name": text["shown"], "hoverinfo": "skip",
                       "marker": {"size": 30, "color": "rgba(0,0,0,0)",
                                  "line": {"color": "black", "width": 2.5}}})  # fmt: skip
        return traces

    first = min(max(step - MAX_FRAMES // 2, 0), max(len(weights) - MAX_FRAMES, 0))
    ks = range(first, min(first + MAX_FRAMES, len(weights)))
    moving = [[{"type": "scatter", "x": t["x"], "y": t["y"]} for t in frame(k)] for k in ks]
    labels = [str(k) if k else text["start"] for k in ks]
    frames, controls = frames_and_controls(moving, [0, 1, 2], labels, text["presentation"] + " ")
    controls["sliders"][0]["active"] = step - first
    layout = {**_square_axes(text["x1"], text["x2"]), "legend": LEGEND, "height": 540,
              "margin": {"l": 50, "r": 10, "t": 40, "b": 40}, **controls}  # fmt: skip
    return figure([*frame(step), *_points(X, y, text)], layout, frames)


def network_figure(
    X: np.ndarray, y: np.ndarray, table, W: np.ndarray, v: np.ndarray, threshold: float, text
) -> go.Figure:
    """Left: the inputs with the hidden units' lines (A: W₁·x = θ, B: W₂·x = θ). Right: the
    hidden space — every input at its (A, B), its weighted sums (z_A, z_B) hollow, and the OR
    unit's line v·(A, B) = θ separating XOR. ``table`` is ``perceptron.network_table``.
    ``text``: "A", "B", "out", "region", "y0", "y1", "sums", "x1", "x2"."""
    data = []
    for j, name in enumerate(("A", "B")):
        data += _unit_traces(W[j], threshold, text[name], UNIT_COLOR[j], UNIT_REGION[j])
    data += _points(X, y, text)
    Z, H = table[["z_A", "z_B"]].to_numpy(), table[["A", "B"]].to_numpy()
    span = np.concatenate([Z.ravel(), [-0.5, 1.5]])
    box = (float(span.min()) - 0.3, float(span.max()) + 0.3)
    data += _unit_traces(v, threshold, text["out"], LINE_COLOR, REGION, "2", box, text["region"])
    links_x = np.column_stack([Z[:, 0], H[:, 0], np.full(len(H), np.nan)]).ravel()
    links_y = np.column_stack([Z[:, 1], H[:, 1], np.full(len(H), np.nan)]).ravel()
    data.append({"type": "scatter", "x": links_x, "y": links_y, "mode": "lines", "xaxis": "x2",
                 "yaxis": "y2", "line": {"color": "gray", "dash": "dot", "width": 1},
                 "hoverinfo": "skip", "showlegend": False})  # fmt: skip
    data.append({"type": "scatter", "x": Z[:, 0], "y": Z[:, 1], "mode": "markers",
                 "name": text["sums"], "xaxis": "x2", "yaxis": "y2", "hoverinfo": "text",
                 "text": [f"x=({a:g}, {b:g}): z=({p:g}, {q:g})" for (a, b), (p, q) in zip(X, Z, strict=True)],
                 "marker": {"size": 11, "color": "rgba(0,0,0,0)",
                            "line": {"color": "gray", "width": 1.5}}})  # fmt: skip
    groups: dict[tuple, list] = {}
    for (a, b), h, c in zip(X, H, y, strict=True):
        groups.setdefault((int(h[0]), int(h[1]), int(c)), []).append(f"({a:g}, {b:g})")
    for c in (0, 1):
        keys = [k for k in groups if k[2] == c]
        data.append({"type": "scatter", "x": [k[0] for k in keys], "y": [k[1] for k in keys],
                     "mode": "markers+text", "xaxis": "x2", "yaxis": "y2", "showlegend": False,
                     "text": [" ".join(groups[k]) for k in keys], "textposition": "top right",
                     "hoverinfo": "text", "marker": {"color": CLASS_COLOR[c], "size": 16,
                     "symbol": "circle" if c else "x"}})  # fmt: skip
    axis = {"zeroline": False, "dtick": 0.5, "constrain": "domain"}
    # Ticks every 0.5 while the sums stay near the square; past it plotly spaces them (with large
    # weights every 0.5 from −9 to 1.8 piled the labels on each other).
    hidden = axis if box[1] - box[0] <= 4 else {"zeroline": False, "constrain": "domain"}
    layout = {
        "xaxis": {**axis, "range": list(BOX), "domain": [0, 0.44], "title": {"text": text["x1"]}},
        "yaxis": {**axis, "range": list(BOX), "scaleanchor": "x", "title": {"text": text["x2"]}},
        "xaxis2": {**hidden, "range": list(box), "domain": [0.56, 1], "title": {"text": "A"}},
        "yaxis2": {**hidden, "range": list(box), "anchor": "x2", "scaleanchor": "x2",
                   "title": {"text": "B"}},
        "legend": LEGEND, "height": 480, "margin": {"l": 50, "r": 10, "t": 40, "b": 40},
    }  # fmt: skip
    return figure(data, layout)


def convergence_figure(
    runs: dict[str, Training], cycling: str, text: dict[str, str], per_epoch: int = 4
) -> go.Figure:
    """Left: wrong answers per epoch for each gate's run. Right: the weights (and bias) of the
    run ``cycling`` per presentation, its repeating stretch (``Training.cycle``) shaded.
    ``text``: "epoch", "errors", "presentation", "weight"."""
    errors = {name: run.errors for name, run in runs.items()}
    weights, biases, cycle = runs[cycling].weights, runs[cycling].biases, runs[cycling].cycle
    data = [{"type": "scatter", "x": np.arange(1, len(e) + 1), "y": e, "mode": "lines+markers",
             "name": name} for name, e in errors.items()]  # fmt: skip
    steps = np.arange(len(weights))
    series = [(f"w{j + 1}", weights[:, j]) for j in range(weights.shape[1])]
    series += [] if biases is None else [("b", biases)]
    for (name, values), color in zip(series, ("#8c564b", "#e377c2", "#7f7f7f"), strict=False):
        data.append({"type": "scatter", "x": steps, "y": values, "mode": "lines",
                     "line": {"shape": "hv", "color": color}, "name": f"{cycling}: {name}",
                     "xaxis": "x2", "yaxis": "y2"})  # fmt: skip
    shapes = []
    if cycle is not None:
        first, period = cycle
        start = (first - 1) * per_epoch
        shapes.append({"type": "rect", "xref": "x2", "yref": "y2 domain", "x0": start,
                       "x1": start + period * per_epoch, "y0": 0, "y1": 1,
                       "fillcolor": "rgba(214,39,40,0.12)", "line": {"width": 0}})  # fmt: skip
    layout = {
        "xaxis": {"domain": [0, 0.44], "title": {"text": text["epoch"]}, "dtick": 1},
        "yaxis": {"title": {"text": text["errors"]}, "rangemode": "tozero", "dtick": 1},
        "xaxis2": {"domain": [0.56, 1], "title": {"text": text["presentation"]}},
        "yaxis2": {"anchor": "x2", "title": {"text": text["weight"]}},
        "shapes": shapes, "legend": LEGEND, "height": 420,
        "margin": {"l": 50, "r": 10, "t": 40, "b": 40},
    }  # fmt: skip
    return figure(data, layout)


def mlp_figure(snap: dict[str, np.ndarray], X: np.ndarray, y: np.ndarray, text) -> go.Figure:
    """The 2-2-1 sigmoid MLP over epochs, one animation for three panels: ŷ over the input space
    with the hidden units' lines, the inputs in hidden space with the output's line (ŷ = 0.5),
    and the loss curve with the current epoch marked (through at most ``CURVE_POINTS`` epochs).
    ``snap`` is ``mlp.frames``. ``text``: "p", "h1", "h2", "out_mlp", "loss", "epoch", "y0",
    "y1", "x1", "x2"."""
    hbox = (-0.1, 1.1)
    probs = np.asarray(snap["probs"], dtype=np.float32)  # 3 decimals: float32 is enough

    def frame(k: int) -> list[dict]:
        traces = [{"type": "heatmap", "x": snap["xs"], "y": snap["xs"], "z": probs[k],
                   "zmin": 0, "zmax": 1, "colorscale": "RdBu", "zsmooth": "best",
                   "name": text["p"], "colorbar": {"x": 0.26, "thickness": 10, "len": 0.8,
                                                   "tickvals": [0, 0.5, 1]},
                   "hovertemplate": "x₁=%{x:.2f} x₂=%{y:.2f} ŷ=%{z:.3f}<extra></extra>"}]  # fmt: skip
        for j in (0, 1):
            lx, ly = (_r(c) for c in boundary(snap["W1"][k][j], -snap["b1"][k][j]))
            traces.append({"type": "scatter", "x": lx, "y": ly, "mode": "lines",
                           "name": text[f"h{j + 1}"], "line": {"color": UNIT_COLOR[j], "width": 3}})  # fmt: skip
        H = snap["hidden"][k]
        for c in (0, 1):
            sel = np.asarray(y) == c
            traces.append({"type": "scatter", "x": _r(H[sel, 0]), "y": _r(H[sel, 1]), "mode": "markers",
                           "xaxis": "x2", "yaxis": "y2", "showlegend": False, "hoverinfo": "x+y",
                           "marker": {"color": CLASS_COLOR[c], "size": 14,
                                      "symbol": "circle" if c else "x"}})  # fmt: skip
        lx, ly = (_r(c) for c in boundary(snap["w2"][k], -snap["b2"][k], hbox))
        traces.append({"type": "scatter", "x": lx, "y": ly, "mode": "lines", "xaxis": "x2",
                       "yaxis": "y2", "name": text["out_mlp"],
                       "line": {"color": LINE_COLOR, "width": 3}})  # fmt: skip
        traces.append({"type": "scatter", "x": [int(snap["epochs"][k])], "y": _r([snap["loss"][k]]),
                       "mode": "markers", "xaxis": "x3", "yaxis": "y3", "showlegend": False,
                       "marker": {"color": "black", "size": 11}})  # fmt: skip
        return traces

    # A frame carries only what moves (z of the heatmap, x/y of the rest): the other properties
    # stay those of the figure's traces, and the page sends a third of the bytes.
    full = [frame(k) for k in range(len(snap["epochs"]))]
    moving = {"heatmap": ("type", "z"), "scatter": ("type", "x", "y")}
    frames_data = [[{key: trace[key] for key in moving[trace["type"]]} for trace in traces]
                   for traces in full]  # fmt: skip
    last, curve = full[-1], np.asarray(snap["loss_curve"])
    spread = np.linspace(0, len(curve) - 1, min(len(curve), CURVE_POINTS))
    at = np.unique(spread.round()).astype(int)  # the epochs the curve is drawn through
    data = [*last[:3], *_points(X, y, text), *last[3:6],
            {"type": "scatter", "x": at, "y": curve[at].astype(np.float32),
             "mode": "lines", "name": text["loss"], "xaxis": "x3", "yaxis": "y3",
             "line": {"color": "#444"}}, last[6]]  # fmt: skip
    frames, controls = frames_and_controls(
        frames_data, [0, 1, 2, 5, 6, 7, 9], [str(e) for e in snap["epochs"]], text["epoch"] + " "
    )
    axis = {"zeroline": False}
    layout = {
        "xaxis": {**axis, "domain": [0, 0.25], "range": list(BOX), "title": {"text": text["x1"]}},
        "yaxis": {**axis, "range": list(BOX), "scaleanchor": "x", "title": {"text": text["x2"]}},
        "xaxis2": {**axis, "domain": [0.43, 0.66], "range": list(hbox), "title": {"text": "h₁"}},
        "yaxis2": {**axis, "anchor": "x2", "range": list(hbox), "scaleanchor": "x2",
                   "title": {"text": "h₂"}},
        "xaxis3": {"domain": [0.79, 1], "title": {"text": text["epoch"]}},
        "yaxis3": {"anchor": "x3", "type": "log", "tickvals": LOG_TICKS, "title": {"text": text["loss"]}},
        "legend": LEGEND, "height": 470, "margin": {"l": 50, "r": 10, "t": 40, "b": 40},
        **controls,
    }  # fmt: skip
    return figure(data, layout, frames)


def sweep_figure(
    seeds: np.ndarray, losses: np.ndarray, solved: np.ndarray, current: int, text
) -> go.Figure:
    """Final loss of every seed, solved ones green and stuck ones red; the shown seed outlined.
    ``text``: "seed", "final_loss", "solved", "stuck"."""
    data = []
    for ok in (True, False):
        sel = np.asarray(solved) == ok
        data.append({"type": "bar", "x": np.asarray(seeds)[sel], "y": np.asarray(losses)[sel],
                     "name": text["solved" if ok else "stuck"],
                     "marker": {"color": "#2ca02c" if ok else "#d62728",
                                "line": {"color": ["black" if s == current else "rgba(0,0,0,0)"
                                                   for s in np.asarray(seeds)[sel]], "width": 3}}})  # fmt: skip
    layout = {"xaxis": {"title": {"text": text["seed"]}, "dtick": 1},
              "yaxis": {"title": {"text": text["final_loss"]}}, "legend": LEGEND, "height": 330,
              "margin": {"l": 50, "r": 10, "t": 40, "b": 40}}  # fmt: skip
    return figure(data, layout)


def compare_figure(
    perceptron: Training, adaline: AdalineTraining, text: dict[str, str]
) -> go.Figure:
    """Left: the path of (w₁, w₂) under each rule. Right: the size of each update |Δw, Δb| per
    presentation (the perceptron moves only on mistakes, ADALINE on every presentation).
    ``text``: "perceptron", "adaline", "presentation", "update"."""
    data = []
    for name, run, color in (
        (text["perceptron"], perceptron, LINE_COLOR),
        (text["adaline"], adaline, "#17becf"),
    ):
        path, steps = run.weights, update_sizes(run.weights, run.biases)
        data.append({"type": "scatter", "x": path[:, 0], "y": path[:, 1], "mode": "lines+markers",
                     "name": name, "legendgroup": name, "line": {"color": color},
                     "marker": {"size": 5}})  # fmt: skip
        data.append({"type": "scatter", "x": np.arange(1, len(steps) + 1), "y": steps,
                     "mode": "markers", "name": name, "legendgroup": name, "showlegend": False,
                     "xaxis": "x2", "yaxis": "y2", "marker": {"color": color, "size": 6}})  # fmt: skip
    layout = {
        "xaxis": {"domain": [0, 0.44], "title": {"text": "w₁"}},
        "yaxis": {"title": {"text": "w₂"}, "scaleanchor": "x"},
        "xaxis2": {"domain": [0.56, 1], "title": {"text": text["presentation"]}},
        "yaxis2": {"anchor": "x2", "title": {"text": text["update"]}, "rangemode": "tozero"},
        "legend": LEGEND, "height": 400, "margin": {"l": 50, "r": 10, "t": 40, "b": 40},
    }  # fmt: skip
    return figure(data, layout)
