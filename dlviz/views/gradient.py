"""Cached work of the Gradient page: sampled grids and figures per formula, view and point."""

from __future__ import annotations

import numpy as np
import streamlit as st

from dlviz import gradient
from dlviz.expr import parse
from dlviz.figures import Figure
from dlviz.figures import gradient as figures
from dlviz.i18n import texts
from dlviz.texts.gradient import TEXT

# Grid points a side: the 3-D surface, the contour, the level curve through the point, the arrows.
# The contour is drawn anew whenever the point moves: these keep it near 50 KiB.
SURFACE_N, CONTOUR_N, LEVEL_N, FIELD_N = 41, 51, 41, 15


@st.cache_resource(max_entries=16, show_spinner=False)  # read only: shared, not copied
def sampled(text: str, span: float, n: int) -> gradient.Grid:
    """f sampled on an n×n grid over [-span, span]² (the view stays put when the point moves)."""
    return gradient.grid(parse(text), (0.0, 0.0), span, n)


@st.cache_resource(max_entries=16, show_spinner=False)
def surface_figure(text: str, span: float, point: tuple[float, float], lang: str) -> Figure:
    """The 3-D surface with the point and its gradient in the tangent plane."""
    at = gradient.at_point(parse(text), *point)
    names = texts(TEXT, lang, "fig.")
    return figures.surface_figure(
        sampled(text, span, SURFACE_N), point, at.value, at.gradient, None, names
    )


@st.cache_resource(max_entries=16, show_spinner=False)
def contour_figure(
    text: str,
    span: float,
    point: tuple[float, float],
    angle: float | None,
    setting: tuple | None,
    lang: str,
) -> Figure:
    """Level curves, the gradient field, the point's ∇f, a direction u (when ``angle`` is given)
    and a descent/ascent walk (when ``setting`` = (η, steps, ascent) is given)."""
    at = gradient.at_point(parse(text), *point)
    direction = None if angle is None else gradient.unit_vector(angle)
    path = None if setting is None else walk(text, point, *setting)[0]
    return figures.contour_figure(
        sampled(text, span, CONTOUR_N),
        sampled(text, span, FIELD_N),
        point,
        at.value,
        at.gradient,
        direction,
        path,
        texts(TEXT, lang, "fig."),
        sampled(text, span, LEVEL_N),
    )


@st.cache_resource(max_entries=16, show_spinner=False)
def walk(text: str, point: tuple[float, float], eta: float, steps: int, ascent: bool):
    """The walk from the point and its table (one row per step)."""
    path = gradient.walk(parse(text), point, eta, steps, ascent=ascent)
    return path, gradient.walk_table(path)


@st.cache_resource(max_entries=16, show_spinner=False)
def directional_figure(grad: tuple[float, float], angle: float, lang: str) -> Figure:
    """∇f·u for every direction u, the chosen one marked."""
    return figures.directional_figure(np.array(grad), angle, texts(TEXT, lang, "fig."))
