"""Plotly figures for the Logistic regression page. Pure: arrays in, ``go.Figure`` out.

Text shown in the figures is passed in already translated, as a dict ``names`` whose keys are
the page's ``fig.*`` text keys without the prefix (e.g. ``names["class0"]``).
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from dlviz import logistic
from dlviz.figures import figure
from dlviz.figures.animation import frames_and_controls
from dlviz.logistic_report import Analysis, Exploration

CLASS_COLORS = ("#1f77b4", "#d62728")  # y = 0, y = 1
CURVE = "#ff7f0e"
LINE = "#2ca02c"
LEGEND = {"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0}
MARGIN = {"l": 10, "r": 10, "t": 40, "b": 10}
MAX_LINE_POINTS = 800  # points drawn per line of the underflow figure
SMALLEST_FLOAT = np.log10(np.nextafter(0.0, 1.0))  # log10 of 5e-324, the smallest float64 > 0


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
    log-odds ln(p/(1−p)) = β₀ + βx (a straight line), with the data's points on each curve."""
    xs = _span(x)
    zs, z = b0 + beta * xs, b0 + beta * x
    odds_max = float(np.exp(min(np.max(zs), 6.0)))
    panels = [(logistic.sigmoid(zs), logistic.sigmoid(z), names["p"]),
              (np.exp(np.minimum(zs, 700)), np.exp(np.minimum(z, 700)), names["odds"]),
              (zs, z, names["logodds"])]  # fmt: skip
    data, layout = [], {"height": 340, "margin": MARGIN, "showlegend": False}
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
        layout[f"xaxis{suffix}"] = {"domain": [(k - 1) / 3 + 0.03, k / 3 - 0.03],
                                    "title": {"text": names["x"]}, "anchor": f"y{suffix}"}  # fmt: skip
        layout[f"yaxis{suffix}"] = {"anchor": f"x{suffix}", "title": {"text": title}}
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
    annotations.append({"xref": "paper", "x": 0.01, "y": SMALLEST_FLOAT, "yanchor": "bottom",
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
    current point, the maximum/minimum and a training path (shape (k+1, 2)) on it."""
    data = [
        {"type": "contour", "x": xs, "y": ys, "z": Z, "colorscale": "Viridis", "ncontours": 30,
         "contours": {"coloring": "heatmap", "showlines": True}, "line": {"width": 0.5},
         "colorbar": {"title": {"text": value_name}, "thickness": 12}, "name": value_name,
         "hovertemplate": f"{axes[0]}=%{{x:.3f}}<br>{axes[1]}=%{{y:.3f}}<br>"
                          f"{value_name}=%{{z:.4g}}<extra></extra>"},
    ]  # fmt: skip
    if path is not None:
        data.append({"type": "scatter", "x": path[:, 0], "y": path[:, 1], "mode": "lines+markers",
                     "name": names["path"], "line": {"color": CURVE, "width": 2.5},
                     "marker": {"size": 4, "color": "white", "line": {"color": CURVE, "width": 1}}})  # fmt: skip
    if best is not None:
        data.append({"type": "scatter", "x": [best[0]], "y": [best[1]], "mode": "markers",
                     "name": names["best"], "marker": {"symbol": "star", "size": 16,
                     "color": "#ffd700", "line": {"color": "black", "width": 1}}})  # fmt: skip
    if point is not None:
        data.append({"type": "scatter", "x": [point[0]], "y": [point[1]], "mode": "markers",
                     "name": names["point"], "marker": {"size": 12, "color": CLASS_COLORS[1],
                     "line": {"color": "white", "width": 1.5}}})  # fmt: skip
    layout = {
        "xaxis": {"title": {"text": axes[0]}, "range": [xs[0], xs[-1]]},
        "yaxis": {"title": {"text": axes[1]}, "range": [ys[0], ys[-1]]},
        "legend": LEGEND, "height": 420, "margin": MARGIN,
    }  # fmt: skip
    return figure(data, layout)


def bce_curves_figure(y: np.ndarray, z: np.ndarray, names: dict) -> go.Figure:
    """−ln(ŷ) (cost when y = 1) and −ln(1 − ŷ) (when y = 0) over ŷ, with each point on its curve."""
    p = np.linspace(0.002, 0.998, 300)
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


def frame_epochs(epochs: int, count: int = 40) -> np.ndarray:
    """Up to ``count`` epochs to animate, log-spaced (early epochs change most), 0 and last included."""
    if epochs <= count:
        return np.arange(epochs + 1)
    return np.unique(np.r_[0, np.round(np.geomspace(1, epochs, count - 1)).astype(int)])


def training_1d_figure(x: np.ndarray, y: np.ndarray, fit: logistic.Fit, names: dict) -> go.Figure:
    """The points and the fitted sigmoid with its 0.5 boundary x* = −β₀/β, one frame per epoch."""
    xs = _span(x)
    lo, hi = float(xs[0]), float(xs[-1])

    def curve(k: int) -> list[dict]:
        b0, beta = float(fit.b0[k]), float(fit.beta[k, 0])
        cut = -b0 / beta if beta != 0 and lo <= -b0 / beta <= hi else None
        return [
            {"type": "scatter", "x": xs, "y": logistic.sigmoid(b0 + beta * xs), "mode": "lines",
             "name": names["fitted"], "line": {"color": CURVE, "width": 3}},
            {"type": "scatter", "x": [cut, cut], "y": [0, 1] if cut is not None else [None, None],
             "mode": "lines", "name": names["boundary"], "line": {"color": "black", "dash": "dash"}},
        ]  # fmt: skip

    epochs = frame_epochs(fit.epochs)
    frames, controls = frames_and_controls(
        [curve(k) for k in epochs], [0, 1], [str(k) for k in epochs], prefix=names["epoch"] + " "
    )
    layout = {
        "xaxis": {"title": {"text": names["x"]}, "range": [lo, hi]},
        "yaxis": {"title": {"text": names["p"]}, "range": [-0.05, 1.05]},
        "shapes": [_hline(0.5, "lightgray")], "legend": LEGEND, "height": 460,
        "margin": {**MARGIN, "b": 90}, **controls,
    }  # fmt: skip
    return figure([*curve(fit.epochs), *_classes(x, y, names)], layout, frames)


def training_2d_figure(X: np.ndarray, y: np.ndarray, fit: logistic.Fit, names: dict) -> go.Figure:
    """σ(β₀ + β₁x₁ + β₂x₂) as a heatmap and the boundary β₀ + βᵀx = 0, one frame per epoch."""
    g1, g2 = _span(X[:, 0], 0.05)[::5], _span(X[:, 1], 0.05)[::5]  # 40 × 40 grid
    G1, G2 = np.meshgrid(g1, g2)  # (n₂, n₁)

    def state(k: int) -> list[dict]:
        b0, (b1, b2) = float(fit.b0[k]), fit.beta[k]
        line = {"type": "scatter", "x": [None], "y": [None], "mode": "lines",
                "name": names["boundary"], "line": {"color": "black", "width": 3}}  # fmt: skip
        if b2 != 0 or b1 != 0:  # points of β₀ + β₁x₁ + β₂x₂ = 0 across the view
            if abs(b2) >= abs(b1):
                line.update(x=g1[[0, -1]], y=-(b0 + b1 * g1[[0, -1]]) / b2)
            else:
                line.update(x=-(b0 + b2 * g2[[0, -1]]) / b1, y=g2[[0, -1]])
        heat = {"type": "heatmap", "x": g1, "y": g2, "z": logistic.sigmoid(b0 + b1 * G1 + b2 * G2),
                "zmin": 0, "zmax": 1, "zsmooth": "best", "colorscale": [[0, CLASS_COLORS[0]], [0.5, "white"],
                [1, CLASS_COLORS[1]]], "opacity": 0.55, "name": "σ(z)",
                "colorbar": {"title": {"text": "P(Y=1|x)"}, "thickness": 12},
                "hovertemplate": "x₁=%{x:.2f}<br>x₂=%{y:.2f}<br>P=%{z:.3f}<extra></extra>"}  # fmt: skip
        return [heat, line]

    epochs = frame_epochs(fit.epochs)
    frames, controls = frames_and_controls(
        [state(k) for k in epochs], [0, 1], [str(k) for k in epochs], prefix=names["epoch"] + " "
    )
    points = [
        {"type": "scatter", "x": X[y == c, 0], "y": X[y == c, 1], "mode": "markers",
         "name": names[f"class{c}"], "marker": {"color": CLASS_COLORS[c], "size": 8,
         "line": {"color": "white", "width": 1}}}
        for c in (0, 1)
    ]  # fmt: skip
    layout = {
        "xaxis": {"title": {"text": "x₁"}, "range": [g1[0], g1[-1]]},
        "yaxis": {"title": {"text": "x₂"}, "range": [g2[0], g2[-1]]},
        "legend": LEGEND, "height": 520, "margin": {**MARGIN, "b": 90}, **controls,
    }  # fmt: skip
    return figure([*state(fit.epochs), *points], layout, frames)


def loss_curve_figure(fit: logistic.Fit, names: dict) -> go.Figure:
    """J per epoch (left axis) and accuracy per epoch (right axis)."""
    k = np.arange(fit.epochs + 1)
    data = [
        {"type": "scatter", "x": k, "y": fit.loss, "mode": "lines", "name": names["loss"],
         "line": {"color": CURVE, "width": 3}},
        {"type": "scatter", "x": k, "y": fit.accuracy, "mode": "lines", "name": names["accuracy"],
         "line": {"color": LINE, "width": 2, "dash": "dot"}, "yaxis": "y2"},
    ]  # fmt: skip
    layout = {
        "xaxis": {"title": {"text": names["epoch"]}},
        "yaxis": {"title": {"text": names["loss"]}, "rangemode": "tozero"},
        "yaxis2": {"title": {"text": names["accuracy"]}, "overlaying": "y", "side": "right",
                   "range": [0, 1.02], "showgrid": False, "tickmode": "linear", "tick0": 0,
                   "dtick": 0.2, "tickformat": ".0%"},
        "legend": LEGEND, "height": 420, "margin": MARGIN,
    }  # fmt: skip
    return figure(data, layout)


def confusion_figure(matrix: np.ndarray, names: dict) -> go.Figure:
    """The 2×2 confusion matrix [[TN, FP], [FN, TP]] with its counts written in the cells."""
    labels = [names["class0"], names["class1"]]
    data = [
        {"type": "heatmap", "x": labels, "y": labels, "z": matrix, "colorscale": "Blues", "reversescale": True,
         "showscale": False, "text": matrix, "texttemplate": "%{text}", "textfont": {"size": 22},
         "hovertemplate": "%{y} → %{x}: %{z}<extra></extra>"},
    ]  # fmt: skip
    layout = {
        "xaxis": {"title": {"text": names["predicted"]}, "side": "top"},
        "yaxis": {"title": {"text": names["true"]}, "autorange": "reversed"},
        "height": 300, "margin": MARGIN,
    }  # fmt: skip
    return figure(data, layout)


def exploration_figures(
    x: np.ndarray,
    y: np.ndarray,
    facts: Analysis,
    b0: float,
    beta: float,
    ex: Exploration,
    names: dict,
) -> dict[str, go.Figure]:
    """The figures of sections 5–8 for one (β₀, β) on one feature, by the page's chart key."""
    star = None if facts.best is None else logistic.plane_point(*facts.best)
    return {
        "underflow": underflow_figure(ex.underflow.product, ex.underflow.log_sum, names),
        "bars": likelihood_bars_figure(x, y, ex.probs, names),
        "surface": surface_figure(ex.b0s, ex.betas, ex.surface, ("β₀", "β"), (b0, beta), star,
                                  None, "l(β)", names),
        "bce": bce_curves_figure(y, ex.z, names),
        "gradient": gradient_points_figure(x, y, ex.z, names),
    }  # fmt: skip
