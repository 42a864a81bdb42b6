"""Figure builders of the Gradient page: right traces, perpendicular arrows, animation frames."""

import base64
import json

import numpy as np
import plotly.io as pio

from dlviz import gradient
from dlviz.expr import parse
from dlviz.figures import gradient as figures

NAMES = {
    k: k for k in ("f", "field", "level", "point", "grad", "u", "walk", "step", "max", "theta")
}
LECTURE = parse("x^2 y + y")


def values(array) -> list:
    """A plotly array from the JSON: a plain list, or a base64 typed-array spec decoded."""
    if isinstance(array, dict):
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"]).tolist()
    return list(array)


def as_json(fig) -> dict:
    """What the browser receives (also proves the figure serialises)."""
    return json.loads(pio.to_json(fig.to_dict(), validate=False))


def test_arrow_markers_point_along_the_vector_and_skip_zero_vectors():
    xs, ys, angle = figures.arrow_markers(
        np.array([0.0, 1.0, 2.0, 3.0]),
        np.zeros(4),
        np.array([0.0, 0.0, 1.0, 3.0]),
        np.array([1.0, 0.0, 0.0, -3.0]),
    )
    assert list(xs) == [0.0, 2.0, 3.0]  # the zero vector is left out
    # plotly's marker angle: degrees clockwise from up. Up, right, down-right.
    np.testing.assert_allclose(angle, [0.0, 90.0, 135.0])


def test_field_arrows_are_perpendicular_to_level_curves():
    # For f = x² + y² the level curves are circles, so ∇f points radially.
    field = gradient.grid(parse("x^2 + y^2"), (0.0, 0.0), 2.0, 5)
    xs, ys, angle = figures.arrow_markers(field.X, field.Y, field.dZdx, field.dZdy)
    direction = np.c_[np.sin(np.radians(angle)), np.cos(np.radians(angle))]  # back to (dx, dy)
    tangent = np.c_[-ys, xs]
    np.testing.assert_allclose(np.sum(direction * tangent, axis=1), 0.0, atol=1e-12)
    np.testing.assert_allclose(np.sum(direction * np.c_[xs, ys], axis=1), np.hypot(xs, ys))


def test_contour_figure_has_level_curve_point_and_animated_walk():
    fine = gradient.grid(LECTURE, (0.0, 0.0), 2.0, 21)
    coarse = gradient.grid(LECTURE, (0.0, 0.0), 2.0, 5)
    walk = gradient.walk(LECTURE, (1.0, 1.0), 0.1, 4)
    spec = as_json(
        figures.contour_figure(
            fine, coarse, (1.0, 1.0), 2.0, np.array([2.0, 2.0]), np.array([1.0, 0.0]), walk, NAMES
        )
    )
    names = [trace.get("name") for trace in spec["data"]]
    assert names == ["f", "field", "level", "point", "walk"]
    assert spec["data"][2]["contours"]["start"] == 2.0  # the level curve through f(1,1) = 2
    assert len(spec["frames"]) == 5
    assert values(spec["frames"][2]["data"][0]["x"]) == list(walk.points[:3, 0])
    assert spec["layout"]["yaxis"]["scaleanchor"] == "x"  # equal scales keep arrows perpendicular
    labels = [a["text"] for a in spec["layout"]["annotations"]]
    assert labels == ["grad", "u"]


def test_surface_figure_gradient_arrow_climbs_the_tangent_plane():
    grid = gradient.grid(LECTURE, (0.0, 0.0), 2.0, 11)
    spec = as_json(figures.surface_figure(grid, (1.0, 1.0), 2.0, np.array([2.0, 2.0]), None, NAMES))
    arrow = next(t for t in spec["data"] if t["type"] == "scatter3d" and t["name"] == "grad")
    dx, dy, dz = (arrow[k][1] - arrow[k][0] for k in "xyz")
    assert dz == np.float64(2.0 * dx + 2.0 * dy)  # dz = ∇f·dp
    assert "frames" not in spec or not spec["frames"]


def test_figures_survive_undefined_values():
    expr = parse("log(x)")
    fine = gradient.grid(expr, (0.0, 0.0), 2.0, 11)
    fig = figures.contour_figure(
        fine, fine, (-1.0, 0.0), float("nan"), np.array([np.nan, np.nan]), None, None, NAMES
    )
    as_json(fig)
    as_json(
        figures.surface_figure(
            fine, (-1.0, 0.0), float("nan"), np.array([np.nan, np.nan]), None, NAMES
        )
    )


def test_directional_figure_marks_maximum_and_zeros():
    spec = as_json(figures.directional_figure(np.array([2.0, 2.0]), 45.0, NAMES))
    best, zeros = spec["data"][1], spec["data"][2]
    assert best["x"] == [45.0] and abs(best["y"][0] - np.hypot(2, 2)) < 1e-12
    assert zeros["x"] == [135.0, 315.0]


def test_directional_labels_stay_inside_the_plot():
    """Issue #14: "máximo = |∇f|" above the maximum was clipped at the chart's top edge."""
    spec = as_json(figures.directional_figure(np.array([2.0, 2.0]), 45.0, NAMES))
    low, high = spec["layout"]["yaxis"]["range"]
    assert high >= 1.5 * np.hypot(2, 2) and low <= -1.2 * np.hypot(2, 2)  # room for the label
    assert spec["data"][1]["textposition"] == "top center"
    # A maximum near 0° or 360°: its label turns inward instead of sticking out at the side.
    near_ends = as_json(figures.directional_figure(np.array([1.0, 0.0]), 0.0, NAMES))
    assert near_ends["data"][1]["textposition"] == "top right"
    # The zeros' labels above the axis where the curve is below it: right of 90° (the curve
    # goes down), left of 270° (it comes up).
    assert near_ends["data"][2]["textposition"] == ["top right", "top left"]
    assert (
        as_json(figures.directional_figure(np.array([1.0, -0.1]), 0.0, NAMES))["data"][1][
            "textposition"
        ]
        == "top left"
    )
