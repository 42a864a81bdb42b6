"""Plotly figures for the Logistic regression page. Pure: arrays in, ``go.Figure`` out.

Text shown in the figures is passed in already translated, as a dict ``names`` whose keys are
the page's ``fig.*`` text keys without the prefix (e.g. ``names["class0"]``).
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from dlviz import logistic
from dlviz.figures import figure, rounded, single
from dlviz.figures.animation import frames_and_controls

CLASS_COLORS = ("#1f77b4", "#d62728")  # y = 0, y = 1
CURVE = "#ff7f0e"
LINE = "#2ca02c"
LEGEND = {"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0}
MARGIN = {"l": 10, "r": 10, "t": 40, "b": 10}
MAX_LINE_POINTS = 300  # points drawn per line of the underflow figure (straight enough)
MAX_PATH_POINTS = 120  # a training path is drawn through at most this many of its epochs
MAX_CURVE_POINTS = 200  # a loss curve is drawn through at most this many epochs
CURVE_POINTS = 61  # points of the sigmoid drawn in each frame of the 1-D training animation
PROBABILITY_DECIMALS = 3  # a probability drawn on [0, 1]: 0.001 is under a pixel
LOGIT_VIEW = 6.0  # the 2-D probability map's colours run over z ∈ [−6, 6] (σ = 0.0025 … 0.9975)
SMALLEST_FLOAT = np.log10(np.nextafter(0.0, 1.0))  # log10 of 5e-324, the smallest float64 > 0


def _probability(values: np.ndarray) -> list:
    """Probabilities to ``PROBABILITY_DECIMALS`` decimals, as a short JSON list."""
    return np.round(values, PROBABILITY_DECIMALS).tolist()


def _shown_epochs(epochs: int, most: int, dense: int) -> np.ndarray:
    """Epochs 0..``epochs`` to draw a line through: every one of the first ``dense`` (where a
    large η zigzags), then evenly spaced ones, ``most`` at most, the last always included."""
    if epochs < most:
        return np.arange(epochs + 1)
    rest = np.linspace(dense, epochs, most - dense).round().astype(int)
    return np.unique(np.r_[np.arange(dense), rest])


def _classes(x: np.ndarray, y: np.ndarray, names: dict) -> list[dict]:
    """Two marker traces, class 0 and class 1, at (x, y) of the points."""
    return [
        {
            "type": "scatter",
            "x": x[y == c],
            "y": y[y == c],
            "mode": "markers",
            "name": names[f"class{c}"],
            "marker": {"color": CLASS_COLORS[c], "size": 9, "line": {"color": "white", "width": 1}},
        }
        for c in (0, 1)
    ]


def _hline(y: float, color: str = "gray", dash: str = "dash", xref: str = "x domain") -> dict:
    return {"type": "line", "xref": xref, "x0": 0, "x1": 1, "y0": y, "y1": y,
            "line": {"color": color, "dash": dash, "width": 1.5}}  # fmt: skip


def _span(x: np.ndarray, pad: float = 0.08) -> np.ndarray:
    lo, hi = float(np.min(x)), float(np.max(x))
    width = max(hi - lo, 1e-9)
    return np.linspace(lo - pad * width, hi + pad * width, 160)


def sigmoid_figure(z: float, names: dict) -> go.Figure:
    """σ(z) over z ∈ [−10, 10], the point (z, σ(z)), the 0.5 threshold and the two classes."""
    zs = np.linspace(-10, 10, 201)
    a = float(logistic.sigmoid(z))
    cls = int(a >= 0.5)
    data = [
        {"type": "scatter", "x": zs, "y": logistic.sigmoid(zs), "mode": "lines", "name": "σ(z)",
         "line": {"color": CURVE, "width": 3}},
        {"type": "scatter", "x": [z], "y": [a], "mode": "markers+text", "name": names["point"],
         "text": [f"σ({z:g}) = {a:.4g} → {cls}"], "textposition": "top left" if z > 0 else "top right",
         "marker": {"color": CLASS_COLORS[cls], "size": 13}},
    ]  # fmt: skip
    shapes = [
        _hline(0.5),
        _hline(1.0, "lightgray", "dot"),
        _hline(0.0, "lightgray", "dot"),
        {"type": "rect", "xref": "x", "yref": "paper", "x0": -10, "x1": 0, "y0": 0, "y1": 1,
         "fillcolor": CLASS_COLORS[0], "opacity": 0.07, "line": {"width": 0}},
        {"type": "rect", "xref": "x", "yref": "paper", "x0": 0, "x1": 10, "y0": 0, "y1": 1,
         "fillcolor": CLASS_COLORS[1], "opacity": 0.07, "line": {"width": 0}},
    ]  # fmt: skip
    annotations = [
        {"x": -5, "y": 0.9, "text": names["predict0"], "showarrow": False},
        {"x": 5, "y": 0.1, "text": names["predict1"], "showarrow": False},
    ]
    layout = {
        "xaxis": {"title": {"text": "z"}, "range": [-10, 10], "zeroline": True},
        "yaxis": {"title": {"text": "σ(z)"}, "range": [-0.05, 1.05]},
        "shapes": shapes, "annotations": annotations, "height": 340, "margin": MARGIN,
        "showlegend": False,
    }  # fmt: skip
    return figure(data, layout)


def linear_vs_logistic_figure(
    x: np.ndarray, y: np.ndarray, line: tuple[float, float], fit: tuple[float, float], names: dict
) -> go.Figure:
    """The 0/1 points, the least-squares line (leaves [0, 1]) and the fitted sigmoid (does not)."""
    xs = _span(x)
    data = [
        *_classes(x, y, names),
        {"type": "scatter", "x": xs, "y": line[0] + line[1] * xs, "mode": "lines",
         "name": names["linear"], "line": {"color": LINE, "width": 3, "dash": "dash"}},
        {"type": "scatter", "x": xs, "y": logistic.sigmoid(fit[0] + fit[1] * xs), "mode": "lines",
         "name": names["logistic"], "line": {"color": CURVE, "width": 3}},
    ]  # fmt: skip
    layout = {
        "xaxis": {"title": {"text": names["x"]}},
        "yaxis": {"title": {"text": names["p"]}},
        "shapes": [_hline(0.0, "gray", "dot"), _hline(1.0, "gray", "dot"), _hline(0.5, "lightgray")],
        "legend": LEGEND, "height": 380, "margin": MARGIN,
    }  # fmt: skip
    return figure(data, layout)


def odds_figure(x: np.ndarray, y: np.ndarray, b0: float, beta: float, names: dict) -> go.Figure:
    """Three panels over x: p = σ(β₀ + βx) (an S), the odds p/(1−p) = e^z (exponential) and the
    log-odds ln(p/(1−p)) = β₀ + βx (a straight line), with the data's points on each curve. Each
    panel is named above it (a vertical axis title that long would run over its neighbour)."""
    xs = _span(x)
    zs, z = b0 + beta * xs, b0 + beta * x
    odds_max = float(np.exp(min(np.max(zs), 6.0)))
    panels = [(logistic.sigmoid(zs), logistic.sigmoid(z), names["p"]),
              (np.exp(np.minimum(zs, 700)), np.exp(np.minimum(z, 700)), names["odds"]),
              (zs, z, names["logodds"])]  # fmt: skip
    data, layout = [], {"height": 340, "margin": {**MARGIN, "t": 50}, "showlegend": False,
                        "annotations": []}  # fmt: skip
    for k, (curve, at_points, title) in enumerate(panels, start=1):
        suffix = "" if k == 1 else str(k)
        data += [
            {"type": "scatter", "x": xs, "y": curve, "mode": "lines", "name": title,
             "line": {"color": CURVE if k < 3 else LINE, "width": 3},
             "xaxis": f"x{suffix}", "yaxis": f"y{suffix}"},
            {"type": "scatter", "x": x, "y": at_points, "mode": "markers", "name": title,
             "marker": {"color": [CLASS_COLORS[int(c)] for c in y], "size": 7},
             "xaxis": f"x{suffix}", "yaxis": f"y{suffix}"},
        ]  # fmt: skip
        layout[f"xaxis{suffix}"] = {"domain": [(k - 1) * 0.37, (k - 1) * 0.37 + 0.26],
                                    "title": {"text": names["x"]}, "anchor": f"y{suffix}"}  # fmt: skip
        layout[f"yaxis{suffix}"] = {"anchor": f"x{suffix}"}
        layout["annotations"].append({"text": title, "xref": f"x{suffix} domain", "x": 0.5,
                                      "yref": "paper", "y": 1.0, "yanchor": "bottom",
                                      "showarrow": False})  # fmt: skip
    layout["yaxis2"]["range"] = [0, 1.05 * odds_max]
    return figure(data, layout)


def likelihood_bars_figure(
    x: np.ndarray, y: np.ndarray, probs: np.ndarray, names: dict
) -> go.Figure:
    """One bar per point: P(Y = yᵢ | xᵢ) = pᵢ^yᵢ (1 − pᵢ)^(1−yᵢ), coloured by the point's class."""
    i = np.arange(1, len(y) + 1)
    data = [
        {"type": "bar", "x": i[y == c], "y": probs[y == c], "name": names[f"class{c}"],
         "marker": {"color": CLASS_COLORS[c]}, "customdata": x[y == c],
         "hovertemplate": "i=%{x}<br>x=%{customdata:.3g}<br>P=%{y:.4f}<extra></extra>"}
        for c in (0, 1)
    ]  # fmt: skip
    layout = {
        "xaxis": {"title": {"text": names["i"]}},
        "yaxis": {"title": {"text": names["bernoulli"]}, "range": [0, 1.02]},
        "barmode": "overlay", "legend": LEGEND, "height": 340, "margin": MARGIN,
    }  # fmt: skip
    return figure(data, layout)


def underflow_figure(product: np.ndarray, log_sum: np.ndarray, names: dict) -> go.Figure:
    """log₁₀ of the likelihood against N: the float64 product (stops where it becomes 0.0) and
    the sum of logs divided by ln 10 (goes on), with the smallest positive float64."""
    n = np.arange(1, len(product) + 1)
    with np.errstate(divide="ignore"):
        from_product = np.where(product > 0, np.log10(np.where(product > 0, product, 1.0)), np.nan)
    zero = np.flatnonzero(product == 0)
    stride = -(-len(n) // MAX_LINE_POINTS)  # both lines are straight enough to thin out
    n, log_sum, from_product = n[::stride], log_sum[::stride], from_product[::stride]
    data = [
        {"type": "scatter", "x": n, "y": log_sum / np.log(10), "mode": "lines",
         "name": names["logsum"], "line": {"color": LINE, "width": 4}},
        {"type": "scatter", "x": n, "y": from_product, "mode": "lines", "name": names["product"],
         "line": {"color": CURVE, "width": 3, "dash": "dash"}},
    ]  # fmt: skip
    annotations = []
    if len(zero):
        data.append({"type": "scatter", "x": [int(zero[0]) + 1], "y": [SMALLEST_FLOAT],
                     "mode": "markers", "name": names["zero"],
                     "marker": {"color": CLASS_COLORS[1], "size": 12, "symbol": "x"}})  # fmt: skip
    # Under the dashed line on the left: the lines fall from 0 and are still above it there.
    annotations.append({"xref": "paper", "x": 0.01, "y": SMALLEST_FLOAT, "yanchor": "top",
                        "xanchor": "left", "text": names["smallest"], "showarrow": False})  # fmt: skip
    layout = {
        "xaxis": {"title": {"text": "N"}},
        "yaxis": {"title": {"text": names["log10L"]}},
        "shapes": [_hline(SMALLEST_FLOAT, CLASS_COLORS[1])], "annotations": annotations,
        "legend": LEGEND, "height": 340, "margin": MARGIN,
    }  # fmt: skip
    return figure(data, layout)


def surface_figure(
    xs: np.ndarray,
    ys: np.ndarray,
    Z: np.ndarray,
    axes: tuple[str, str],
    point: tuple[float, float] | None,
    best: tuple[float, float] | None,
    path: np.ndarray | None,
    value_name: str,
    names: dict,
) -> go.Figure:
    """Contours of a function of two parameters (the log-likelihood or the loss) with the
    current point, the maximum/minimum and a training path (shape (k+1, 2)) on it. The grid is
    sent as float32 and a long path through ``MAX_PATH_POINTS`` of its epochs."""
    data = [
        {
            "type": "contour",
            "x": xs,
            "y": ys,
            "z": single(Z),
            "colorscale": "Viridis",
            "ncontours": 30,
            "contours": {"coloring": "heatmap", "showlines": True},
            "line": {"width": 0.5},
            "colorbar": {"title": {"text": value_name}, "thickness": 12},
            "name": value_name,
            "hovertemplate": f"{axes[0]}=%{{x:.3f}}<br>{axes[1]}=%{{y:.3f}}<br>"
            f"{value_name}=%{{z:.4g}}<extra></extra>",
        },
    ]
    if path is not None:
        path = path[_shown_epochs(len(path) - 1, MAX_PATH_POINTS, MAX_PATH_POINTS // 2)]
        data.append(
            {
                "type": "scatter",
                "x": rounded(path[:, 0]),
                "y": rounded(path[:, 1]),
                "mode": "lines+markers",
                "name": names["path"],
                "line": {"color": CURVE, "width": 2.5},
                "marker": {"size": 4, "color": "white", "line": {"color": CURVE, "width": 1}},
            }
        )
    if best is not None:
        data.append(
            {
                "type": "scatter",
                "x": [best[0]],
                "y": [best[1]],
                "mode": "markers",
                "name": names["best"],
                "marker": {
                    "symbol": "star",
                    "size": 16,
                    "color": "#ffd700",
                    "line": {"color": "black", "width": 1},
                },
            }
        )
    if point is not None:
        data.append(
            {
                "type": "scatter",
                "x": [point[0]],
                "y": [point[1]],
                "mode": "markers",
                "name": names["point"],
                "marker": {
                    "size": 12,
                    "color": CLASS_COLORS[1],
                    "line": {"color": "white", "width": 1.5},
                },
            }
        )
    layout = {
        "xaxis": {"title": {"text": axes[0]}, "range": [xs[0], xs[-1]]},
        "yaxis": {"title": {"text": axes[1]}, "range": [ys[0], ys[-1]]},
        "legend": LEGEND,
        "height": 420,
        "margin": MARGIN,
    }
    return figure(data, layout)


def bce_curves_figure(y: np.ndarray, z: np.ndarray, names: dict) -> go.Figure:
    """−ln(ŷ) (cost when y = 1) and −ln(1 − ŷ) (when y = 0) over ŷ, with each point on its curve."""
    p = np.linspace(0.002, 0.998, 150)
    costs = logistic.point_losses(y, z)
    data = [
        {"type": "scatter", "x": p, "y": -np.log(p), "mode": "lines", "name": names["cost1"],
         "line": {"color": CLASS_COLORS[1], "width": 3}},
        {"type": "scatter", "x": p, "y": -np.log1p(-p), "mode": "lines", "name": names["cost0"],
         "line": {"color": CLASS_COLORS[0], "width": 3}},
    ]  # fmt: skip
    for c in (0, 1):
        data.append({"type": "scatter", "x": logistic.sigmoid(z[y == c]), "y": costs[y == c],
                     "mode": "markers", "name": names[f"class{c}"], "showlegend": False,
                     "marker": {"color": CLASS_COLORS[c], "size": 9,
                                "line": {"color": "black", "width": 1}}})  # fmt: skip
    layout = {
        "xaxis": {"title": {"text": "ŷ = σ(z)"}, "range": [0, 1]},
        "yaxis": {"title": {"text": names["cost"]}, "range": [0, 6]},
        "legend": LEGEND, "height": 360, "margin": MARGIN,
    }  # fmt: skip
    return figure(data, layout)


def gradient_points_figure(x: np.ndarray, y: np.ndarray, z: np.ndarray, names: dict) -> go.Figure:
    """Per point: ŷᵢ − yᵢ (red: over-estimates, > 0; blue: under-estimates, < 0) and its term
    (ŷᵢ − yᵢ)xᵢ of ∇J, each bar at the point's index."""
    err = logistic.sigmoid(z) - y
    i = np.arange(1, len(y) + 1)
    colors = np.where(err > 0, CLASS_COLORS[1], np.where(err < 0, CLASS_COLORS[0], "gray"))
    data = [
        {"type": "bar", "x": i, "y": err, "name": names["residual"], "marker": {"color": colors},
         "customdata": np.c_[x, y],
         "hovertemplate": "i=%{x}<br>x=%{customdata[0]:.3g}, y=%{customdata[1]:.0f}"
                          "<br>ŷ−y=%{y:.4f}<extra></extra>"},
        {"type": "scatter", "x": i, "y": err * x, "mode": "markers", "name": names["term"],
         "marker": {"color": "black", "symbol": "diamond", "size": 8}, "yaxis": "y2"},
    ]  # fmt: skip
    layout = {
        "xaxis": {"title": {"text": names["i"]}},
        "yaxis": {"title": {"text": "ŷᵢ − yᵢ"}, "range": [-1.05, 1.05]},
        "yaxis2": {"title": {"text": "(ŷᵢ − yᵢ) xᵢ"}, "overlaying": "y", "side": "right",
                   "showgrid": False, "tickmode": "auto", "zeroline": False},
        "shapes": [_hline(0.0, "black", "solid")], "legend": LEGEND, "height": 360, "margin": MARGIN,
    }  # fmt: skip
    return figure(data, layout)


def frame_epochs(epochs: int, count: int = 30) -> np.ndarray:
    """Up to ``count`` epochs to animate, log-spaced (early epochs change most), 0 and last included."""
    if epochs <= count:
        return np.arange(epochs + 1)
    return np.unique(np.r_[0, np.round(np.geomspace(1, epochs, count - 1)).astype(int)])


def training_1d_figure(x: np.ndarray, y: np.ndarray, fit: logistic.Fit, names: dict) -> go.Figure:
    """The points and the fitted sigmoid with its 0.5 boundary x* = −β₀/β, one frame per epoch
    of :func:`frame_epochs`. A frame carries only what moves, rounded: the curve's heights (its x
    stay) and the boundary's x."""
    xs = np.array(rounded(np.linspace(*_span(x)[[0, -1]], CURVE_POINTS)))  # as drawn
    lo, hi = float(xs[0]), float(xs[-1])

    def moving(k: int) -> list[dict]:
        b0, beta = float(fit.b0[k]), float(fit.beta[k, 0])
        cut = -b0 / beta if beta != 0 and lo <= -b0 / beta <= hi else None
        return [
            {"y": _probability(logistic.sigmoid(b0 + beta * xs))},
            {"x": [None, None] if cut is None else rounded([cut, cut])},
        ]

    epochs = frame_epochs(fit.epochs)
    frames, controls = frames_and_controls(
        [moving(k) for k in epochs], [0, 1], [str(k) for k in epochs], prefix=names["epoch"] + " "
    )
    curve, boundary = moving(fit.epochs)
    data = [
        {
            "type": "scatter",
            "x": xs.tolist(),
            **curve,
            "mode": "lines",
            "name": names["fitted"],
            "line": {"color": CURVE, "width": 3},
        },
        {
            "type": "scatter",
            **boundary,
            "y": [0, 1],
            "mode": "lines",
            "name": names["boundary"],
            "line": {"color": "black", "dash": "dash"},
        },
        *_classes(x, y, names),
    ]
    layout = {
        "xaxis": {"title": {"text": names["x"]}, "range": [lo, hi]},
        "yaxis": {"title": {"text": names["p"]}, "range": [-0.05, 1.05]},
        "shapes": [_hline(0.5, "lightgray")],
        "legend": LEGEND,
        "height": 460,
        "margin": {**MARGIN, "b": 90},
        **controls,
    }
    return figure(data, layout, frames)


def logit_colorscale(view: float = LOGIT_VIEW, steps: int = 24) -> list[list]:
    """Colours for z ∈ [−view, view] that show P(Y = 1 | x) = σ(z): blue (0) to white (0.5) to
    red (1), changing evenly in σ(z) (the stops sit where σ takes evenly spaced values)."""
    ends = (np.array([31, 119, 180]), np.array([214, 39, 40]))  # CLASS_COLORS as RGB
    stops = []
    for p in np.linspace(logistic.sigmoid(-view), logistic.sigmoid(view), steps + 1):
        far = ends[int(p >= 0.5)]
        rgb = np.round(255 + (far - 255) * abs(2 * p - 1)).astype(int)  # white at p = 0.5
        position = (np.log(p / (1 - p)) + view) / (2 * view)
        stops.append([round(float(position), 4), "rgb({},{},{})".format(*rgb)])
    stops[0][0], stops[-1][0] = 0.0, 1.0
    return stops


def training_2d_figure(X: np.ndarray, y: np.ndarray, fit: logistic.Fit, names: dict) -> go.Figure:
    """P(Y = 1 | x) = σ(β₀ + β₁x₁ + β₂x₂) as a colour map and the boundary β₀ + βᵀx = 0, one frame
    per epoch of :func:`frame_epochs`.

    The map is drawn from z at the view's four corners: z is a plane in (x₁, x₂), which the
    heatmap's bilinear smoothing reproduces exactly, and the colours follow σ(z)
    (:func:`logit_colorscale`). So a frame is a dozen numbers instead of a grid of σ."""
    g1, g2 = _span(X[:, 0], 0.05)[[0, -1]], _span(X[:, 1], 0.05)[[0, -1]]
    G1, G2 = np.meshgrid(g1, g2)  # (2, 2): the corners

    def moving(k: int) -> list[dict]:
        b0, (b1, b2) = float(fit.b0[k]), fit.beta[k]
        line: dict = {"x": [None], "y": [None]}
        if b2 != 0 or b1 != 0:  # points of β₀ + β₁x₁ + β₂x₂ = 0 across the view
            if abs(b2) >= abs(b1):
                line = {"x": rounded(g1), "y": rounded(-(b0 + b1 * g1) / b2)}
            else:
                line = {"x": rounded(-(b0 + b2 * g2) / b1), "y": rounded(g2)}
        z = b0 + b1 * G1 + b2 * G2
        return [{"z": [rounded(row) for row in z]}, line]

    epochs = frame_epochs(fit.epochs)
    frames, controls = frames_and_controls(
        [moving(k) for k in epochs], [0, 1], [str(k) for k in epochs], prefix=names["epoch"] + " "
    )
    heat, line = moving(fit.epochs)
    ticks = np.array([0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99])
    data = [
        {
            "type": "heatmap",
            "x": rounded(g1),
            "y": rounded(g2),
            **heat,
            "zsmooth": "best",
            "zmin": -LOGIT_VIEW,
            "zmax": LOGIT_VIEW,
            "colorscale": logit_colorscale(),
            "opacity": 0.55,
            "name": "σ(z)",
            "hoverinfo": "skip",
            "colorbar": {
                "title": {"text": "P(Y=1|x)"},
                "thickness": 12,
                "tickvals": rounded(np.log(ticks / (1 - ticks))),
                "ticktext": [f"{p:g}" for p in ticks],
            },
        },
        {
            "type": "scatter",
            **line,
            "mode": "lines",
            "name": names["boundary"],
            "line": {"color": "black", "width": 3},
        },
    ]
    data += [
        {
            "type": "scatter",
            "x": X[y == c, 0],
            "y": X[y == c, 1],
            "mode": "markers",
            "name": names[f"class{c}"],
            "marker": {"color": CLASS_COLORS[c], "size": 8, "line": {"color": "white", "width": 1}},
        }
        for c in (0, 1)
    ]
    layout = {
        "xaxis": {"title": {"text": "x₁"}, "range": [float(g1[0]), float(g1[-1])]},
        "yaxis": {"title": {"text": "x₂"}, "range": [float(g2[0]), float(g2[-1])]},
        "legend": LEGEND,
        "height": 520,
        "margin": {**MARGIN, "b": 90},
        **controls,
    }
    return figure(data, layout, frames)


def loss_curve_figure(fit: logistic.Fit, names: dict) -> go.Figure:
    """J per epoch (left axis) and accuracy per epoch (right axis), through at most
    ``MAX_CURVE_POINTS`` epochs (every one of the first half of them)."""
    k = _shown_epochs(fit.epochs, MAX_CURVE_POINTS, MAX_CURVE_POINTS // 2)
    data = [
        {
            "type": "scatter",
            "x": k.tolist(),
            "y": rounded(fit.loss[k]),
            "mode": "lines",
            "name": names["loss"],
            "line": {"color": CURVE, "width": 3},
        },
        {
            "type": "scatter",
            "x": k.tolist(),
            "y": rounded(fit.accuracy[k]),
            "mode": "lines",
            "name": names["accuracy"],
            "line": {"color": LINE, "width": 2, "dash": "dot"},
            "yaxis": "y2",
        },
    ]
    layout = {
        "xaxis": {"title": {"text": names["epoch"]}},
        "yaxis": {"title": {"text": names["loss"]}, "rangemode": "tozero"},
        "yaxis2": {
            "title": {"text": names["accuracy"]},
            "overlaying": "y",
            "side": "right",
            "range": [0, 1.02],
            "showgrid": False,
            "tickmode": "linear",
            "tick0": 0,
            "dtick": 0.2,
            "tickformat": ".0%",
        },
        "legend": LEGEND,
        "height": 420,
        "margin": MARGIN,
    }
    return figure(data, layout)
