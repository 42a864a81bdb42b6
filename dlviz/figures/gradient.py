"""Plotly figures for the Gradient page: surface, contour map with gradient field, directional
derivative, and the animated descent walk. Pure: arrays in, ``go.Figure`` out.

Text shown in the figures (legend names, axis titles) is passed in already translated.
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from dlviz.figures import figure, single
from dlviz.figures.animation import frames_and_controls
from dlviz.gradient import Grid, Walk

COLORSCALE = "Viridis"
POINT_COLOR = "#d62728"
DIRECTION_COLOR = "#1f77b4"
WALK_COLOR = "#ff7f0e"
FIELD_COLOR = "rgba(255,255,255,0.85)"
LEGEND = {"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0}


def arrow_markers(
    x: np.ndarray, y: np.ndarray, u: np.ndarray, v: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Where and which way to draw one arrow marker per grid point: ``(x, y, angle)``, the
    angle in plotly's convention (degrees clockwise from up). Points where (u, v) is zero or
    undefined are left out. A marker per arrow, not line segments: 3 numbers an arrow instead
    of 14, and the figure is sent again whenever the point moves."""
    x, y, u, v = (np.ravel(a) for a in (x, y, u, v))
    with np.errstate(all="ignore"):
        norm = np.hypot(u, v)
    keep = np.isfinite(norm) & (norm > 0)
    angle = 90.0 - np.degrees(np.arctan2(v[keep], u[keep]))
    return x[keep], y[keep], angle


def _walk_frames(walk: Walk, three_d: bool) -> list[dict]:
    """Frame k's walk trace: its points up to step k (a frame carries only what it changes: the
    style stays the trace's, and every frame is shipped on each change)."""
    pts, values = walk.points, walk.values
    frames = []
    for k in range(walk.steps + 1):
        frame = {"x": pts[: k + 1, 0], "y": pts[: k + 1, 1]}
        if three_d:
            frame["z"] = values[: k + 1]
        frames.append(frame)
    return frames


def _walk_trace(walk: Walk, name: str, three_d: bool) -> dict:
    """The whole walk as one trace."""
    pts, values = walk.points, walk.values
    trace = {
        "type": "scatter3d" if three_d else "scatter",
        "mode": "lines+markers",
        "name": name,
        "line": {"color": WALK_COLOR, "width": 5 if three_d else 3},
        "marker": {"color": WALK_COLOR, "size": 3 if three_d else 6},
        "x": pts[:, 0],
        "y": pts[:, 1],
    }
    if three_d:
        trace["z"] = values
    return trace


def _with_walk(
    data: list[dict], layout: dict, walk: Walk | None, text: dict[str, str], three_d: bool
) -> go.Figure:
    """Append the walk as the last trace and animate it, one frame per step."""
    if walk is None or walk.steps == 0:
        return figure(data, layout)
    steps = _walk_frames(walk, three_d)
    frames, controls = frames_and_controls(
        [[frame] for frame in steps],
        [len(data)],
        [str(k) for k in range(len(steps))],
        prefix=text["step"] + " ",
    )
    return figure([*data, _walk_trace(walk, text["walk"], three_d)], {**layout, **controls}, frames)


def contour_figure(
    grid: Grid,
    field: Grid,
    point: tuple[float, float],
    value: float,
    gradient: np.ndarray,
    direction: np.ndarray | None,
    walk: Walk | None,
    text: dict[str, str],
    level: Grid | None = None,
) -> go.Figure:
    """Level curves of f, the (normalised) gradient field, the point's ∇f and direction u.

    ``level`` (default ``grid``) is the grid the level curve through the point is traced on: a
    coarser one keeps the figure small, since it is drawn anew whenever the point moves.

    ``field`` is a coarser grid for the arrows. Equal axis scales keep the arrows visibly
    perpendicular to the level curves; the level curve through the point is drawn dotted.
    ``text`` holds translated names: "f", "field", "level", "point", "grad", "u", "walk", "step".
    """
    xs, ys = grid.X[0], grid.Y[:, 0]
    half = (xs[-1] - xs[0]) / 2
    ax, ay, angle = (single(a) for a in arrow_markers(field.X, field.Y, field.dZdx, field.dZdy))
    # Sent again whenever the point moves: single precision halves the bytes.
    z = single(grid.Z)
    level = level or grid
    data = [
        {
            "type": "contour",
            "x": xs,
            "y": ys,
            "z": z,
            "colorscale": COLORSCALE,
            "ncontours": 24,
            "name": text["f"],
            "contours": {"coloring": "heatmap", "showlines": True},
            "line": {"width": 0.6},
            "colorbar": {"title": {"text": "f"}, "thickness": 12},
            "connectgaps": False,
            "hovertemplate": "x=%{x:.3f}<br>y=%{y:.3f}<br>f=%{z:.4g}<extra></extra>",
        },
        {
            "type": "scatter",
            "x": ax,
            "y": ay,
            "mode": "markers",
            "name": text["field"],
            "hoverinfo": "skip",
            "marker": {
                "symbol": "arrow",
                "angle": angle,
                "size": 9,
                "color": FIELD_COLOR,
                "line": {"width": 0},
            },  # fmt: skip
        },
    ]
    if np.isfinite(value):
        data.append(
            {
                "type": "contour",
                "x": level.X[0],
                "y": level.Y[:, 0],
                "z": single(level.Z),
                "showscale": False,
                "showlegend": True,
                "name": text["level"],
                "hoverinfo": "skip",
                "contours": {"coloring": "none", "start": value, "end": value, "size": 1.0},
                "line": {"color": POINT_COLOR, "width": 2.5, "dash": "dot"},
            }
        )
    data.append(
        {
            "type": "scatter",
            "x": [point[0]],
            "y": [point[1]],
            "mode": "markers",
            "name": text["point"],
            "marker": {"color": POINT_COLOR, "size": 11, "line": {"color": "white", "width": 1.5}},
        }
    )
    annotations = []
    norm = float(np.hypot(*gradient))
    if np.isfinite(norm) and norm > 0:
        annotations.append(_arrow(point, gradient / norm * 0.45 * half, POINT_COLOR, text["grad"]))
    if direction is not None:
        annotations.append(_arrow(point, direction * 0.36 * half, DIRECTION_COLOR, text["u"]))
    layout = {
        "xaxis": {"title": {"text": "x"}, "range": [xs[0], xs[-1]], "constrain": "domain"},
        "yaxis": {
            "title": {"text": "y"},
            "range": [ys[0], ys[-1]],
            "scaleanchor": "x",
            "scaleratio": 1,
            "constrain": "domain",
        },
        "annotations": annotations,
        "legend": LEGEND,
        "height": 600,
        "margin": {"l": 10, "r": 10, "t": 40, "b": 10},
    }
    return _with_walk(data, layout, walk, text, three_d=False)


def _arrow(start: tuple[float, float], delta: np.ndarray, color: str, label: str) -> dict:
    return {
        "x": start[0] + delta[0],
        "y": start[1] + delta[1],
        "ax": start[0],
        "ay": start[1],
        "xref": "x",
        "yref": "y",
        "axref": "x",
        "ayref": "y",
        "text": label,
        "showarrow": True,
        "arrowhead": 2,
        "arrowsize": 1.4,
        "arrowwidth": 3,
        "arrowcolor": color,
        "font": {"color": color, "size": 16},
        "xanchor": "left",
        "yanchor": "bottom",
    }


def surface_figure(
    grid: Grid,
    point: tuple[float, float],
    value: float,
    gradient: np.ndarray,
    walk: Walk | None,
    text: dict[str, str],
) -> go.Figure:
    """The surface z = f(x, y) with the point and its gradient drawn in the tangent plane.

    The arrow leaves (x₀, y₀, f₀) along ∇f in the xy-plane and rises along the tangent plane
    (dz = ∇f·dp = |∇f|·|dp|): the steepest way up the surface.
    """
    xs, ys = grid.X[0], grid.Y[:, 0]
    half = (xs[-1] - xs[0]) / 2
    data = [
        {
            "type": "surface",
            "x": xs,
            "y": ys,
            "z": grid.Z,
            "colorscale": COLORSCALE,
            "opacity": 0.92,
            "showscale": False,
            "name": "f",
            "hovertemplate": "x=%{x:.3f}<br>y=%{y:.3f}<br>f=%{z:.4g}<extra></extra>",
        },
        {
            "type": "scatter3d",
            "x": [point[0]],
            "y": [point[1]],
            "z": [value],
            "mode": "markers",
            "name": text["point"],
            "marker": {"size": 6, "color": POINT_COLOR},
        },
    ]
    norm = float(np.hypot(*gradient))
    if np.isfinite(norm) and norm > 0 and np.isfinite(value):
        dp = gradient / norm * 0.45 * half
        tip = (point[0] + dp[0], point[1] + dp[1], value + float(gradient @ dp))
        direction = np.array([dp[0], dp[1], tip[2] - value])
        direction = direction / np.linalg.norm(direction)
        data += [
            {
                "type": "scatter3d",
                "x": [point[0], tip[0]],
                "y": [point[1], tip[1]],
                "z": [value, tip[2]],
                "mode": "lines",
                "name": text["grad"],
                "line": {"color": POINT_COLOR, "width": 8},
            },
            {
                "type": "cone",
                "x": [tip[0]],
                "y": [tip[1]],
                "z": [tip[2]],
                "u": [direction[0]],
                "v": [direction[1]],
                "w": [direction[2]],
                "sizemode": "absolute",
                "sizeref": 0.25 * half,
                "anchor": "tip",
                "showscale": False,
                "colorscale": [[0, POINT_COLOR], [1, POINT_COLOR]],
                "hoverinfo": "skip",
                "name": text["grad"],
            },
        ]
    z = grid.Z[np.isfinite(grid.Z)]
    z_range = [float(z.min()), float(z.max())] if z.size else [-1.0, 1.0]
    pad = 0.05 * (z_range[1] - z_range[0] or 1.0)
    layout = {
        "scene": {
            "xaxis": {"title": {"text": "x"}, "range": [xs[0], xs[-1]]},
            "yaxis": {"title": {"text": "y"}, "range": [ys[0], ys[-1]]},
            "zaxis": {"title": {"text": "f(x, y)"}, "range": [z_range[0] - pad, z_range[1] + pad]},
            "camera": {"eye": {"x": 1.5, "y": -1.6, "z": 0.9}},
            "aspectmode": "cube",
        },
        "legend": LEGEND,
        "height": 600,
        "margin": {"l": 0, "r": 0, "t": 40, "b": 10},
    }
    return _with_walk(data, layout, walk, text, three_d=True)


def _above(theta: float) -> str:
    """Where the label above a marker at the angle θ goes: centred, or turned inward near an
    end of [0°, 360°] so that it stays within the plot."""
    return "top right" if theta < 40 else "top left" if theta > 320 else "top center"


def directional_figure(gradient: np.ndarray, angle_deg: float, text: dict[str, str]) -> go.Figure:
    """D_u f(θ) = ∇f·u(θ) for every direction θ, with the chosen θ, the maximum and the zeros."""
    thetas = np.linspace(0.0, 360.0, 361)
    radians = np.deg2rad(thetas)
    d = gradient[0] * np.cos(radians) + gradient[1] * np.sin(radians)
    best = float(np.rad2deg(np.arctan2(gradient[1], gradient[0])) % 360)
    zeros = [(best + 90) % 360, (best + 270) % 360]  # where the curve goes down, and up
    theta = np.deg2rad(angle_deg)
    current = float(gradient[0] * np.cos(theta) + gradient[1] * np.sin(theta))
    norm = float(np.hypot(*gradient))
    data = [
        {
            "type": "scatter",
            "x": thetas,
            "y": d,
            "mode": "lines",
            "name": "∇f·u(θ)",
            "line": {"color": DIRECTION_COLOR, "width": 3},
        },
        {
            "type": "scatter",
            "x": [best],
            "y": [norm],
            "mode": "markers+text",
            "text": [text["max"]],
            "textposition": _above(best),
            "name": text["max"],
            "marker": {"color": POINT_COLOR, "size": 12, "symbol": "star"},
            "cliponaxis": False,  # whole at θ = 0° or 360°, the plot's edges
        },
        {
            "type": "scatter",
            "x": zeros,
            "y": [0, 0],
            "mode": "markers+text",
            "text": [text["level"]] * 2,
            # Above the axis on the side where the curve is below it: clear of the line.
            "textposition": [
                "top left" if zeros[0] > 320 else "top right",
                "top right" if zeros[1] < 40 else "top left",
            ],
            "name": text["level"],
            "marker": {"color": "#2ca02c", "size": 10, "symbol": "diamond"},
        },
        {
            "type": "scatter",
            "x": [angle_deg],
            "y": [current],
            "mode": "markers",
            "name": "u",
            "marker": {
                "color": DIRECTION_COLOR,
                "size": 14,
                "line": {"color": "white", "width": 2},
            },
        },
    ]
    layout = {
        "xaxis": {
            "title": {"text": text["theta"]},
            "range": [0, 360],
            "tickvals": list(range(0, 361, 45)),
        },
        # Room above the maximum and below the curve for the labels (plotly clips a trace's
        # text at the plot area, and does not widen the range for it).
        "yaxis": {
            "title": {"text": "∇f·u"},
            "zeroline": True,
            "zerolinecolor": "grey",
            **({"range": [-1.25 * norm, 1.7 * norm]} if norm > 0 else {}),
        },
        "showlegend": False,
        "height": 340,
        "margin": {"l": 10, "r": 10, "t": 30, "b": 10},
    }
    return figure(data, layout)
