"""Plotly figure builders, one module per lecture topic. Pure: arrays in, ``go.Figure`` out."""

from __future__ import annotations

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


class AnimatedFigure(go.Figure):
    """A ``go.Figure`` whose animation frames are kept as plain dicts.

    plotly validates and deep-copies every frame's traces, which costs tens of milliseconds
    per rerun for a 20-step animation; these frames are built by our own code (and checked by
    the tests, which serialise every figure), so they are handed to ``to_dict`` as they are.
    ``raw_frames`` holds them; ``fig.frames`` stays empty.
    """

    def __init__(self, data: list[dict], layout: dict, frames: list[dict]) -> None:
        super().__init__(data=data, layout=layout, _validate=False)
        self._raw_frames = _plain(frames)  # plotly only lets "_" attributes be set

    @property
    def raw_frames(self) -> list[dict]:
        return self._raw_frames

    def to_dict(self) -> dict:
        figure_dict = super().to_dict()
        figure_dict["frames"] = self._raw_frames
        return figure_dict


def figure(data: list[dict], layout: dict, frames: list[dict] | None = None) -> go.Figure:
    """A figure from plain trace/layout dicts, skipping plotly's per-property validation.

    Validation costs tens of milliseconds per figure on every rerun; the builders' dicts are
    checked by the tests (which serialise every figure) instead. Streamlit's theme styles the
    chart in the browser, so plotly's default template (another ~20 ms of copying) is left out.
    """
    layout = {"template": "none", **layout}
    if frames:
        return AnimatedFigure(data, layout, frames)
    return go.Figure(data=data, layout=layout, _validate=False)
