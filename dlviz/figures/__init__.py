"""Plotly figure builders, one module per lecture topic. Pure: arrays in, ``go.Figure`` out."""

from __future__ import annotations

import base64
from typing import Any

import numpy as np
import plotly.graph_objects as go


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
_CONTROL_KEYS = ("updatemenus", "sliders")


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


def _encoded(value: Any, key: str = "") -> Any:
    """A copy of a trace/layout structure with arrays encoded for the browser."""
    if isinstance(value, dict):
        return {k: _encoded(v, k) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_encoded(v) for v in value]
    if isinstance(value, np.ndarray):
        return value.tolist() if key in _SKIPPED_KEYS else _typed_array(value)
    if isinstance(value, np.generic):
        return value.item()
    return value


class Figure(go.Figure):
    """A ``go.Figure`` built from our own plain dicts, serialised without plotly's machinery.

    plotly validates, deep-copies and inspects every array (through narwhals) of a figure on
    each rerun: tens of milliseconds per page. These figures come from our builders (and the
    tests serialise every one), so ``to_dict`` encodes them directly, as plotly.py would.
    Animation frames are kept as given in ``raw_frames`` (``fig.frames`` stays empty).
    """

    def __init__(self, data: list[dict], layout: dict, frames: list[dict] | None = None) -> None:
        # Animation controls stay plain dicts: plotly would build objects for every slider step.
        controls = {key: layout[key] for key in _CONTROL_KEYS if key in layout}
        layout = {key: value for key, value in layout.items() if key not in _CONTROL_KEYS}
        super().__init__(data=data, layout=layout, _validate=False)
        self._raw_frames = frames or []  # plotly only lets "_" attributes be set
        self._raw_controls = controls

    @property
    def raw_frames(self) -> list[dict]:
        return self._raw_frames

    def to_dict(self) -> dict:
        layout = {**self._layout, **self._raw_controls}
        figure_dict = {"data": _encoded(self._data), "layout": _encoded(layout)}
        if self._raw_frames:
            figure_dict["frames"] = _encoded(self._raw_frames)
        return figure_dict


AnimatedFigure = Figure  # the name the first pages used


def figure(data: list[dict], layout: dict, frames: list[dict] | None = None) -> go.Figure:
    """A figure from plain trace/layout dicts, skipping plotly's per-property validation.

    Validation costs tens of milliseconds per figure on every rerun; the builders' dicts are
    checked by the tests (which serialise every figure) instead. Streamlit's theme styles the
    chart in the browser, so plotly's default template (another ~20 ms of copying) is left out.
    """
    layout = {"template": "none", **layout}
    return Figure(data, layout, frames)
