"""Plotly figures for the Autodiff page: the finite-difference error against h (log-log) and
the measured time of forward- and reverse-mode gradients against the number of inputs.

Pure: tables in, ``go.Figure`` out; text is passed in already translated.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dlviz.figures import figure
from dlviz.gradcheck import EPS, best_step

CENTRAL_COLOR = "#1f77b4"
FORWARD_COLOR = "#ff7f0e"
REVERSE_COLOR = "#2ca02c"
GUIDE_COLOR = "#9e9e9e"
LEGEND = {"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0}
FLOOR = 1e-17  # an error of exactly 0 is drawn here (log axes have no 0)


def _positive(values: np.ndarray) -> np.ndarray:
    values = np.asarray(values, dtype=float)
    return np.where(np.isfinite(values), np.maximum(values, FLOOR), np.nan)


def gradcheck_figure(table: pd.DataFrame, f_scale: float, names: Mapping[str, str]) -> go.Figure:
    """|finite difference − autodiff| against h on log-log axes, with the round-off guide ε|f|/h.

    ``names`` holds the translated "central", "forward", "roundoff", "best", "h", "error".
    """
    h = table["h"].to_numpy()
    data = []
    for column, key, color in (("error_forward", "forward", FORWARD_COLOR),
                               ("error_central", "central", CENTRAL_COLOR)):  # fmt: skip
        data.append({"type": "scatter", "mode": "lines+markers", "x": h,
                     "y": _positive(table[column].to_numpy()), "name": names[key],
                     "line": {"color": color, "width": 2}, "marker": {"size": 5}})  # fmt: skip
        best_h, best_error = best_step(table, column)
        if np.isfinite(best_h):
            data.append({"type": "scatter", "mode": "markers", "x": [best_h],
                         "y": [max(best_error, FLOOR)], "name": f"{names['best']} ({names[key]})",
                         "marker": {"color": color, "size": 14, "symbol": "star"}})  # fmt: skip
    roundoff = EPS * max(abs(f_scale), 1.0) / h
    data.append({"type": "scatter", "mode": "lines", "x": h, "y": roundoff,
                 "name": names["roundoff"], "line": {"color": GUIDE_COLOR, "dash": "dot"}})  # fmt: skip
    layout = {
        "xaxis": {"type": "log", "title": {"text": names["h"]}, "exponentformat": "power"},
        "yaxis": {"type": "log", "title": {"text": names["error"]}, "exponentformat": "power"},
        "legend": LEGEND,
        "margin": {"l": 60, "r": 20, "t": 40, "b": 50},
        "height": 420,
    }
    return figure(data, layout)


def timing_figure(timings: pd.DataFrame, names: Mapping[str, str]) -> go.Figure:
    """Seconds against n (log-log) for forward mode (n passes) and reverse mode (one pass)."""
    data = []
    for mode, color in (("forward", FORWARD_COLOR), ("reverse", REVERSE_COLOR)):
        rows = timings[timings["mode"] == mode]
        data.append({"type": "scatter", "mode": "lines+markers", "x": rows["n"].to_numpy(),
                     "y": rows["seconds"].to_numpy() * 1000, "name": names[mode],
                     "line": {"color": color, "width": 2}, "marker": {"size": 8}})  # fmt: skip
    layout = {
        "xaxis": {
            "type": "log",
            "title": {"text": names["n"]},
            "tickvals": sorted(set(timings["n"].tolist())),
        },
        "yaxis": {"type": "log", "title": {"text": names["ms"]}, "dtick": 1},
        "legend": LEGEND,
        "margin": {"l": 60, "r": 20, "t": 40, "b": 50},
        "height": 380,
    }
    return figure(data, layout)
