"""Plotly figures for the Gradient descent & SGD page: the data with the moving fitted line, the
loss surface L(w, b) with the parameters' path, and the η sweep. Pure: arrays in, Figure out.

Text shown in the figures (legend names, axis titles) is passed in already translated.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dlviz import linreg
from dlviz.figures import figure, rounded, single
from dlviz.figures.animation import frames_and_controls

DATA_COLOR = "#1f77b4"
LINE_COLOR = "#ff7f0e"
CURRENT_COLOR = "#d62728"
OPTIMUM_COLOR = "#2ca02c"
PATH_COLORS = ("#ff7f0e", "#17becf", "#e377c2")
VERDICT_COLORS = {"slow": "#bcbd22", "good": "#2ca02c", "diverged": "#d62728"}
LEGEND = {"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0}
PATH_POINTS = 200  # a long path is drawn through at most this many of its points
MAX_FRAMES = 50  # animation frames of a figure (a long run shows an even subset of its steps)
EXACT = 6  # …and of the numbers a hover reads: the samples, ŷ, the point (w, b) (the lecture's)
MARGIN = {"l": 10, "r": 10, "t": 40, "b": 10}


def frame_steps(total: int, step: int, max_frames: int = MAX_FRAMES) -> list[int]:
    """The steps 0..total that get an animation frame (all of them, or an even subset that
    always holds 0, ``total`` and ``step``)."""
    if total + 1 <= max_frames:
        return list(range(total + 1))
    chosen = set(np.linspace(0, total, max_frames - 1).round().astype(int).tolist())
    return sorted(chosen | {step})


def _array(values: np.ndarray | list) -> np.ndarray | list:
    """A frame's coordinates: a few numbers as a plain list (nan as None, a gap), cheaper to
    send than an encoded array; longer ones as float32 (sent base64-encoded, 4 bytes each)."""
    if len(values) > 8:
        return np.asarray([np.nan if v is None else v for v in values], dtype=np.float32)
    if isinstance(values, list):
        return values
    return [None if v != v else v for v in values.tolist()]


def _thin(k: int, most: int) -> np.ndarray:
    """Indices 0..k, all of them or ``most`` evenly spaced ones (always with 0 and k)."""
    return np.arange(k + 1) if k < most else np.linspace(0, k, most).round().astype(int)


def _x_range(x: np.ndarray) -> tuple[float, float]:
    lo, hi = float(x.min()), float(x.max())
    span = hi - lo
    if 0 < lo < span:  # show the intercept b at x = 0 when it is close by
        lo = 0.0
    if hi < 0 and -hi < span:
        hi = 0.0
    return lo - 0.05 * span, hi + 0.05 * span


Parts = tuple[list[dict], list[dict], Callable[[int], list[tuple]] | None, dict]


def _fit_parts(x, y, trace, steps, optimum, text, max_points):
    """(still traces, moving traces' styles, coords(k) of the moving traces, axes)."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    shown = np.linspace(0, len(x) - 1, min(len(x), max_points)).astype(int)
    lo, hi = _x_range(x)
    w, b = linreg.path(trace)
    samples = linreg.batch_at(trace, steps)
    y_lo, y_hi = float(min(y.min(), 0.0 if y.min() > 0 else y.min())), float(y.max())
    pad = 0.08 * (y_hi - y_lo or 1.0)
    ends = np.array([lo, hi])
    lines = w[:, None] * ends[None, :] + b[:, None]  # (steps + 1, 2): ŷ at both ends

    ends_list = rounded(ends.tolist())  # plain lists, rounded: cheap to send
    lines_list = [rounded(pair) for pair in lines.tolist()]

    def coords(k: int) -> list[tuple[list, list]]:
        """(x, y) of the previous line, the line, the errors and the samples at step k."""
        idx = samples[k][:200] if k > 0 else np.array([], dtype=int)
        xs, ys = rounded(x[idx].tolist(), EXACT), rounded(y[idx].tolist(), EXACT)
        w_before, b_before = float(w[max(k - 1, 0)]), float(b[max(k - 1, 0)])
        before = rounded([w_before * v + b_before for v in xs], EXACT)  # ŷ, as the table has it
        return [
            (ends_list, lines_list[k - 1] if k > 0 else [None, None]),
            (ends_list, lines_list[k]),
            ([v for xv in xs for v in (xv, xv, None)],
             [v for pair in zip(ys, before, strict=True) for v in (*pair, None)]),
            (xs, ys),
        ]  # fmt: skip

    styles = [
        {"name": text["before"], "mode": "lines",
         "line": {"color": LINE_COLOR, "dash": "dash", "width": 1.5}},
        {"name": text["line"], "mode": "lines", "line": {"color": LINE_COLOR, "width": 3}},
        {"name": text["error"], "mode": "lines",
         "line": {"color": CURRENT_COLOR, "width": 2, "dash": "dot"}},
        {"name": text["current"], "mode": "markers",
         "marker": {"color": CURRENT_COLOR, "size": 16, "symbol": "circle-open", "line": {"width": 3}}},
    ]  # fmt: skip
    still = [
        {"type": "scatter", "x": x[shown], "y": y[shown], "mode": "markers", "name": text["data"],
         "marker": {"color": DATA_COLOR, "size": 9 if len(shown) < 100 else 4}},
        {"type": "scatter", "x": ends, "y": optimum[0] * ends + optimum[1], "mode": "lines",
         "name": text["optimum"], "line": {"color": OPTIMUM_COLOR, "dash": "dot", "width": 2}},
    ]  # fmt: skip
    axes = {"title": {"text": "x"}, "range": [lo, hi]}, {
        "title": {"text": "y"}, "range": [y_lo - pad, y_hi + pad]}  # fmt: skip
    return still, styles, coords, axes


def _log_contour(surface: tuple[np.ndarray, np.ndarray, np.ndarray], name: str) -> dict:
    """L(w, b) as filled contours of log10 L, the colour bar labelled in powers of ten (the
    hover shows log10 L: L itself would double what is sent)."""
    ws, bs, L = surface
    z = np.log10(np.maximum(L, 1e-300))  # sent as float32 (colours and hover need no more)
    lo, hi = int(np.floor(z.min())), int(np.ceil(z.max()))
    ticks = list(range(lo, hi + 1))
    return {
        "type": "contour",
        "x": single(ws),
        "y": single(bs),
        "z": single(z),
        "colorscale": "Viridis",
        "ncontours": 30,
        "name": name,
        "contours": {"coloring": "heatmap", "showlines": True},
        "line": {"width": 0.5},
        "colorbar": {"title": {"text": "L"}, "thickness": 12, "tickvals": ticks,
                     "ticktext": [f"1e{t}" for t in ticks]},
        "hovertemplate": "w=%{x:.4g}<br>b=%{y:.4g}<br>log₁₀ L=%{z:.3f}<extra></extra>",
    }  # fmt: skip


def _loss_parts(surface, paths, optimum, text, animated):
    """Like ``_fit_parts`` for the contour. When ``animated``, the first path is drawn whole
    and its last update (from the previous (w, b) to the current one) moves along it."""
    still = [_log_contour(surface, text["loss"])]
    for n, (name, w, b) in enumerate(paths):
        still.append(_path(name, w, b, PATH_COLORS[n % len(PATH_COLORS)], faint=animated))
    still.append(
        {"type": "scatter", "x": [optimum[0]], "y": [optimum[1]], "mode": "markers",
         "name": text["optimum"], "marker": {"symbol": "star", "size": 18, "color": OPTIMUM_COLOR,
                                              "line": {"color": "white", "width": 1}}}
    )  # fmt: skip
    ws, bs, _ = surface
    axes = {"title": {"text": "w"}, "range": [ws[0], ws[-1]]}, {
        "title": {"text": "b"}, "range": [bs[0], bs[-1]]}  # fmt: skip
    if not animated:
        return still, [], None, axes
    _, w, b = paths[0]
    styles = [
        {"name": text.get("update", text["path"]), "mode": "lines",
         "line": {"color": CURRENT_COLOR, "width": 3}},
        {"name": text.get("point", text["current"]), "mode": "markers",
         "marker": {"color": CURRENT_COLOR, "size": 13, "line": {"color": "white", "width": 1.5}}},
    ]  # fmt: skip

    def coords(k: int) -> list[tuple[list, list]]:
        """The update that led to step k (a segment; none at the start) and the point (w, b)
        after it, to ``EXACT`` digits (its hover shows the lecture's numbers)."""
        previous = max(k - 1, 0)
        return [
            (rounded([w[previous], w[k]]), rounded([b[previous], b[k]])),
            (rounded([w[k]], EXACT), rounded([b[k]], EXACT)),
        ]

    return still, styles, coords, axes


def _animated(panels: list[Parts], steps: list[int], step: int, text: dict[str, str],
              layout: dict) -> go.Figure:  # fmt: skip
    """Put the panels' traces in one figure (panel p on axes x{p+1}, y{p+1}) whose frames move
    every panel's moving traces together, the slider starting at ``step``."""
    data, moving, frame_data = [], [], [[] for _ in steps]
    for p, (still, styles, coords, _) in enumerate(panels):
        axes = {"xaxis": f"x{p + 1 if p else ''}", "yaxis": f"y{p + 1 if p else ''}"}
        data += [{**trace, **axes} for trace in still]
        if coords is None:
            continue
        shown = coords(step)
        for style, (cx, cy) in zip(styles, shown, strict=True):
            moving.append(len(data))
            data.append({"type": "scatter", **style, **axes, "x": _array(cx), "y": _array(cy)})
        for frame, k in zip(frame_data, steps, strict=True):  # x only where it changes
            frame += [
                {"y": _array(cy)} if cx is x else {"x": _array(cx), "y": _array(cy)}
                for (cx, cy), (x, _) in zip(coords(k), shown, strict=True)
            ]
    frames, controls = frames_and_controls(
        frame_data, moving, [str(k) for k in steps], text["step"] + " "
    )
    controls["sliders"][0]["active"] = steps.index(step)
    return figure(data, {**layout, **controls}, frames)


def _layout(panels: list[Parts], height: int = 520) -> dict:
    layout = {"legend": LEGEND, "height": height, "margin": MARGIN}
    gap = 0.1 if len(panels) > 1 else 0.0
    width = (1 - gap * (len(panels) - 1)) / len(panels)
    for p, (*_, (x_axis, y_axis)) in enumerate(panels):
        suffix = str(p + 1) if p else ""
        domain = [p * (width + gap), p * (width + gap) + width]
        layout[f"xaxis{suffix}"] = {**x_axis, "domain": domain, "anchor": f"y{suffix}"}
        layout[f"yaxis{suffix}"] = {**y_axis, "anchor": f"x{suffix}"}
    return layout


def fit_figure(
    x: np.ndarray,
    y: np.ndarray,
    trace: pd.DataFrame,
    step: int,
    optimum: tuple[float, float],
    text: dict[str, str],
    max_points: int = 2000,
) -> go.Figure:
    """The data, the fitted line after ``step`` updates (the line before it dashed), the
    sample(s) of that update highlighted with their error y − ŷ, and the least-squares line.

    Animated in the browser: one frame per step (``frame_steps``), the slider starting at
    ``step``. ``text``: "data", "line", "before", "current", "error", "optimum", "step".
    """
    steps = frame_steps(len(trace), step)
    panels = [_fit_parts(x, y, trace, steps, optimum, text, max_points)]
    return _animated(panels, steps, step, text, _layout(panels))


def loss_figure(
    surface: tuple[np.ndarray, np.ndarray, np.ndarray],
    paths: list[tuple[str, np.ndarray, np.ndarray]],
    optimum: tuple[float, float],
    text: dict[str, str],
    step: int | None = None,
) -> go.Figure:
    """Contour of L(w, b) (colours on a log scale) with each path (name, w, b) and the
    least-squares optimum (β, β₀). With ``step``, the first path is animated in the browser
    (one frame per step, the slider starting at ``step``) and its current point is marked.
    ``text``: "loss", "optimum", "current", "step".
    """
    animated = step is not None and bool(paths)
    panels = [_loss_parts(surface, paths, optimum, text, animated)]
    if not animated:
        return figure(panels[0][0], _layout(panels))
    steps = frame_steps(len(paths[0][1]) - 1, step)
    return _animated(panels, steps, step, text, _layout(panels))


def step_figure(
    x: np.ndarray,
    y: np.ndarray,
    trace: pd.DataFrame,
    step: int,
    surface: tuple[np.ndarray, np.ndarray, np.ndarray],
    optimum: tuple[float, float],
    text: dict[str, str],
) -> go.Figure:
    """``fit_figure`` (left) and ``loss_figure`` with the trace's path (right) side by side in
    one figure, so one ▶ / slider moves the line and the point on the loss surface together.
    ``text``: the keys of both, plus "path"."""
    steps = frame_steps(len(trace), step)
    w, b = linreg.path(trace)
    panels = [
        _fit_parts(x, y, trace, steps, optimum, text, 2000),
        _loss_parts(surface, [(text["path"], w, b)], optimum, text, True),
    ]
    return _animated(panels, steps, step, text, _layout(panels))


def _path(name: str, w: np.ndarray, b: np.ndarray, color: str, faint: bool = False) -> dict:
    """A path (w, b) through at most ``PATH_POINTS`` of its points (always the first and last);
    ``faint`` under a moving part."""
    shown = _thin(len(w) - 1, PATH_POINTS)
    return {
        "type": "scatter",
        "x": single(w[shown]),
        "y": single(b[shown]),
        "mode": "lines" if len(shown) > 100 else "lines+markers",
        "name": name,
        "line": {"color": color, "width": 1.5 if faint else 2.5},
        "marker": {"color": color, "size": 4 if faint else 5},
        "opacity": 0.6 if faint else 1.0,
    }


def sweep_figure(sweep: pd.DataFrame, eta: float, text: dict[str, str]) -> go.Figure:
    """Final loss against η (both on log scales) with the slow / good / diverged regions shaded
    and the current η marked. Diverged runs are drawn as crosses along the top edge.
    ``text``: "slow", "good", "diverged", "eta", "lossfinal", "now".
    """
    etas = sweep["eta"].to_numpy()
    losses = sweep["loss"].to_numpy()
    finite = losses[np.isfinite(losses)]
    y_lo = float(finite.min()) / 3 if len(finite) else 1.0
    y_hi = float(finite.max()) * 3 if len(finite) else 10.0
    top = y_hi / 1.5
    log_eta = np.log10(etas)
    edges = np.concatenate([[log_eta[0]], (log_eta[1:] + log_eta[:-1]) / 2, [log_eta[-1]]])
    data = []
    verdicts = sweep["verdict"].to_numpy()
    start = 0
    for k in range(1, len(verdicts) + 1):  # one shaded band per run of equal verdicts
        if k == len(verdicts) or verdicts[k] != verdicts[start]:
            x0, x1 = 10 ** edges[start], 10 ** edges[k]
            data.append(
                {
                    "type": "scatter",
                    "x": [x0, x1, x1, x0, x0],
                    "y": [y_lo, y_lo, y_hi, y_hi, y_lo],
                    "fill": "toself",
                    "mode": "none",
                    "fillcolor": VERDICT_COLORS[verdicts[start]],
                    "opacity": 0.15,
                    "hoverinfo": "skip",
                    "showlegend": False,
                    "name": text[verdicts[start]],
                }
            )
            start = k
    for verdict, color in VERDICT_COLORS.items():
        pick = verdicts == verdict
        if not pick.any():
            continue
        data.append(
            {
                "type": "scatter",
                "x": etas[pick],
                "y": np.where(np.isfinite(losses[pick]), losses[pick], top),
                "mode": "markers",
                "name": text[verdict],
                "marker": {"color": color, "size": 8,
                           "symbol": "x" if verdict == "diverged" else "circle"},
                "hovertemplate": "η=%{x:.3g}<br>L=%{y:.5g}<extra>" + text[verdict] + "</extra>",
            }
        )  # fmt: skip
    data.append(
        {
            "type": "scatter",
            "x": [eta, eta],
            "y": [y_lo, y_hi],
            "mode": "lines",
            "name": text["now"],
            "line": {"color": "black", "dash": "dash", "width": 2},
        }
    )
    layout = {
        "xaxis": {"title": {"text": text["eta"]}, "type": "log"},
        "yaxis": {"title": {"text": text["lossfinal"]}, "type": "log",
                  "range": [np.log10(y_lo), np.log10(y_hi)]},
        "legend": LEGEND,
        "height": 420,
        "margin": MARGIN,
    }  # fmt: skip
    return figure(data, layout)
