"""Plotly figure builders, one module per lecture topic. Pure: arrays in, ``go.Figure`` out."""

from __future__ import annotations

import base64
import math
import re
from typing import Any

import numpy as np
import plotly.graph_objects as go

AXIS = re.compile(r"[xy]axis\d*")  # a 2D figure's axes in its layout: xaxis, yaxis2, …
THREE_D = {"surface", "scatter3d", "mesh3d", "cone", "isosurface", "volume", "streamtube"}
DIGITS = 4  # significant digits of what moves or changes often: what the eye can see


def single(values: Any) -> np.ndarray:
    """A long array as float32 (7 significant digits, half the bytes sent, base64-encoded),
    unless a finite value lies beyond float32's range: then float64, as it is."""
    values = np.asarray(values, dtype=float)
    finite = np.abs(values[np.isfinite(values)])
    return (
        values
        if finite.size and finite.max() > np.finfo(np.float32).max
        else values.astype(np.float32)
    )


def rounded(values: Any, digits: int = DIGITS) -> list:
    """A few numbers as a plain JSON list, to ``digits`` significant digits (None, nan and ±inf
    as None: a gap), a few bytes each."""
    flat = values.tolist() if isinstance(values, np.ndarray) else list(values)
    return [float(f"{v:.{digits}g}") if v is not None and math.isfinite(v) else None for v in flat]


def _plain(value: Any) -> Any:
    """Numpy arrays and scalars anywhere in a (nested) dict or list as plain Python values."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, np.ndarray):
        return (
            np.where(np.isfinite(value), value, None).tolist()
            if value.dtype.kind == "f"
            else value.tolist()
        )
    if isinstance(value, np.generic):
        return value.item()
    return value


_SHORT_TYPES = {"int8": "i1", "uint8": "u1", "int16": "i2", "uint16": "u2", "int32": "i4",
                "uint32": "u4", "float32": "f4", "float64": "f8"}  # fmt: skip
_SKIPPED_KEYS = {"geojson", "layer", "layers", "range"}  # plotly keeps these as plain lists


def _typed_array(value: np.ndarray) -> Any:
    """A numpy array as plotly.js's typed-array spec (base64), the way plotly.py encodes it."""
    if value.ndim == 0:
        return value.item()
    if value.dtype.kind in "iu" and value.size and value.dtype.itemsize == 8:
        small = np.iinfo(np.int32)
        if value.min() < small.min or value.max() > small.max:
            return value.tolist()
        value = value.astype(np.int32)
    short = _SHORT_TYPES.get(str(value.dtype))
    if short is None or value.size == 0:
        return value.tolist()
    spec = {"dtype": short, "bdata": base64.b64encode(np.ascontiguousarray(value)).decode("ascii")}
    if value.ndim > 1:
        spec["shape"] = str(value.shape)[1:-1]
    return spec


_PLAIN = {float, int, str, bool, type(None)}


def _encoded(value: Any, key: str = "") -> Any:
    """The trace/layout structure with arrays encoded for the browser. Parts that hold no numpy
    value are returned as they are, not copied (the figure's dicts are never changed)."""
    kind = type(value)
    if kind in _PLAIN:
        return value
    if kind is list or kind is tuple:
        if all(type(item) in _PLAIN for item in value):  # most frame coordinates: no copy
            return value
        return [_encoded(item) for item in value]
    if isinstance(value, dict):
        return {k: _encoded(v, k) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_encoded(item) for item in value]
    if isinstance(value, np.ndarray):
        return value.tolist() if key in _SKIPPED_KEYS else _typed_array(value)
    if isinstance(value, np.generic):
        return value.item()
    return value


class Spec(dict):
    """A trace, layout or frame dict whose keys also read as attributes (``fig.data[0].z``), as
    on plotly's objects. A read-only view: nested dicts come back as new ``Spec`` copies."""

    def __getattr__(self, name: str) -> Any:
        try:
            value = self[name]
        except KeyError:
            raise AttributeError(name) from None
        return Spec(value) if isinstance(value, dict) else value

    def to_plotly_json(self) -> dict:
        return dict(self)


_UNDERSCORED = {"paper_bgcolor", "plot_bgcolor"}  # layout names that contain "_" themselves


class Figure(go.Figure):
    """A figure kept as our own plain dicts and serialised without plotly's machinery.

    It is a ``go.Figure`` only so that ``st.plotly_chart`` and ``plotly.io`` take it as one:
    ``go.Figure.__init__`` is deliberately not called, because plotly would build, validate and
    deep-copy an object per trace and layout key, and inspect every array, on each rerun (tens
    of milliseconds per page). The builders' dicts are checked by the tests instead, which
    serialise every figure and compare this encoding with plotly's own.

    Traces and frames never change after building, so they are encoded for the browser once:
    a figure kept between reruns (``st.cache_resource``) costs nothing to show again. The layout
    may change (``update_layout``, e.g. the font size of presentation mode); only the changed
    top-level entries are encoded again.
    """

    def __init__(self, data: list[dict], layout: dict, frames: list[dict] | None = None) -> None:
        self._spec_data = list(data)
        self._spec_layout = dict(layout)
        self._raw_frames = list(frames or [])
        self._encoded_data: tuple[list, list] | None = None
        self._encoded_layout: dict[str, Any] = {}

    @property
    def data(self) -> tuple[Spec, ...]:
        return tuple(Spec(trace) for trace in self._spec_data)

    @property
    def layout(self) -> Spec:
        return Spec(self._spec_layout)

    @property
    def frames(self) -> tuple[Spec, ...]:
        return tuple(Spec(frame) for frame in self._raw_frames)

    @property
    def raw_frames(self) -> list[dict]:
        return self._raw_frames

    def room(self, size: int) -> dict:
        """The margins this (2-D) figure needs with ``size`` px type (``room``)."""
        return room(self._spec_layout, self._spec_data, size)

    def __getitem__(self, key: str) -> Any:
        return {"data": self.data, "layout": self.layout, "frames": self.frames}[key]

    def __repr__(self) -> str:
        return f"Figure({len(self._spec_data)} traces, {len(self._raw_frames)} frames)"

    def __reduce__(self) -> tuple:
        return (self.__class__, (self._spec_data, self._spec_layout, self._raw_frames))

    def update_layout(self, dict1: dict | None = None, overwrite: bool = False, **kwargs: Any):
        """Merge into the layout as plotly does: nested dicts merge key by key, and a name with
        underscores is a path (``font_size=22`` is ``font={"size": 22}``)."""
        for key, value in {**(dict1 or {}), **kwargs}.items():
            path = [key] if key in _UNDERSCORED or "_" not in key else key.split("_")
            for name in reversed(path[1:]):
                value = {name: value}
            top = path[0]
            old = self._spec_layout.get(top)
            merge = isinstance(old, dict) and isinstance(value, dict) and not overwrite
            self._spec_layout[top] = _merged(old, value) if merge else value
            self._encoded_layout.pop(top, None)
        return self

    def restyled(self, dict1: dict | None = None, **kwargs: Any) -> Figure:
        """A copy with its own layout, changed as ``update_layout`` would; this figure stays as
        it is (a cached figure is shown by several sessions at once, in different type sizes).
        The copy shares the traces and frames, and their encoding, made once for both."""
        if self._encoded_data is None:
            self._encoded_data = (_encoded(self._spec_data), _encoded(self._raw_frames))
        for key, value in self._spec_layout.items():
            self._encoded_layout.setdefault(key, _encoded(value, key))
        copy = Figure(self._spec_data, self._spec_layout, self._raw_frames)
        copy._encoded_data, copy._encoded_layout = self._encoded_data, dict(self._encoded_layout)
        return copy.update_layout(dict1, **kwargs)

    def to_dict(self) -> dict:
        if self._encoded_data is None:
            self._encoded_data = (_encoded(self._spec_data), _encoded(self._raw_frames))
        layout = {}
        for key, value in self._spec_layout.items():
            if key not in self._encoded_layout:
                self._encoded_layout[key] = _encoded(value, key)
            layout[key] = self._encoded_layout[key]
        data, frames = self._encoded_data
        return {"data": data, "layout": layout, **({"frames": frames} if frames else {})}

    def to_plotly_json(self) -> dict:
        return self.to_dict()


def _merged(old: dict, new: dict) -> dict:
    out = dict(old)
    for key, value in new.items():
        both = isinstance(out.get(key), dict) and isinstance(value, dict)
        out[key] = _merged(out[key], value) if both else value
    return out


# Room (px) that Streamlit's chart theme needs around a plot, as plotly.js measured it in
# Chromium for our charts (1280 px wide window), for 13 px type and for presentation mode's
# 22 px: the tick labels and title of an axis, an animation slider below, a colour bar on the
# right, each row of a legend above, and the last x tick label's overhang on the right.
ROOM = {
    # "slider": animation.GAP (70) below the plot, then the slider and its labels (88 / 114 px,
    # as Chromium draws them).
    13: {"axis": 86, "x": 74, "slider": 158, "colorbar": 90, "edge": 20,
         "legend": 52, "legend_row": 18, "legend_width": 700, "item": 40, "char": 5},
    22: {"axis": 118, "x": 104, "slider": 184, "colorbar": 120, "edge": 28,
         "legend": 64, "legend_row": 30, "legend_width": 700, "item": 55, "char": 8},
}  # fmt: skip
_SCALED = {"contour", "heatmap", "histogram2d", "histogram2dcontour"}


def room(layout: dict, data: list[dict], size: int = 13) -> dict:
    """The margins a 2-D chart will need with ``size`` px type (a size in ``ROOM``), and at
    least the ones ``layout`` asks for.

    plotly.js draws a chart, finds that its labels, legend or colour bar need more room than
    the margins give, and draws it all again ("automargin"): 60 of the ~200 ms a contour chart
    with a legend and an animation slider takes in Chromium. Streamlit draws a changed chart
    anew on every rerun, so asking for the room at once saves that second drawing on every
    move. Where a label needs still more (a long number, large type), plotly grows the margin
    as before: nothing is clipped.
    """
    px = ROOM[size]
    axes = {key: axis for key, axis in layout.items() if AXIS.fullmatch(key) and axis}
    titled = {(key[0], axis.get("side")) for key, axis in axes.items() if axis.get("title")}
    need = {"r": px["edge"]} if axes else {}
    if ("y", None) in titled or ("y", "left") in titled:
        need["l"] = px["axis"]
    if ("y", "right") in titled:
        need["r"] = px["axis"]
    if layout.get("sliders"):
        need["b"] = px["slider"]
    elif ("x", None) in titled or ("x", "bottom") in titled:
        need["b"] = px["x"]
    if ("x", "top") in titled:  # an x axis drawn above the plot takes its room there
        need["t"] = max(need.get("t", 0), px["x"])
    if any(trace.get("type") in _SCALED and trace.get("showscale", True) for trace in data):
        need["r"] = px["colorbar"]
    legend = layout.get("legend") or {}
    names = [str(trace.get("name", "")) for trace in data if trace.get("showlegend", True)]
    if layout.get("showlegend", len(names) > 1) and legend.get("orientation") == "h":
        if legend.get("y", 0) > 1:  # above the plot, in as many rows as the names need
            width = sum(px["item"] + px["char"] * len(name) for name in names)
            rows = max(1, math.ceil(width / px["legend_width"]))
            need["t"] = px["legend"] + px["legend_row"] * (rows - 1)
    asked = layout.get("margin") or {}
    return {**asked, **{side: max(px, asked.get(side, 0)) for side, px in need.items()}}


def figure(data: list[dict], layout: dict, frames: list[dict] | None = None) -> go.Figure:
    """A figure from plain trace/layout dicts, skipping plotly's per-property validation.

    Validation costs tens of milliseconds per figure on every rerun; the builders' dicts are
    checked by the tests (which serialise every figure) instead. Streamlit's theme styles the
    chart in the browser, so plotly's default template (another ~20 ms of copying) is left out.
    The margins leave the room the chart's labels need (``room``).
    """
    layout = {"template": "none", **layout}
    if not any(trace.get("type") in THREE_D for trace in data):
        layout["margin"] = room(layout, data)
    return Figure(data, layout, frames)
