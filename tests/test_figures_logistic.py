"""Figure builders of the Logistic regression page: right traces, values and animation frames."""

import base64
import json

import numpy as np
import plotly.io as pio
import pytest

from dlviz import logistic
from dlviz import logistic_report as report
from dlviz.binary_data import smoking_example, two_classes
from dlviz.figures import logistic as figures
from dlviz.figures.animation import GAP
from dlviz.texts.logistic import TEXT

NAMES = {key[4:]: key[4:] for key in TEXT if key.startswith("fig.")}
DATA = smoking_example(30, 1)
X, Y = DATA.X[:, 0], DATA.y


def as_json(fig) -> dict:
    """What the browser receives (also proves the figure serialises)."""
    return json.loads(pio.to_json(fig.to_dict(), validate=False))


def values(trace: dict, key: str) -> np.ndarray:
    """A trace's array, decoding plotly's base64 typed arrays."""
    value = trace[key]
    if isinstance(value, dict):
        return np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"])
    return np.array(value, dtype=float)


def test_sigmoid_figure_marks_the_point_and_threshold():
    spec = as_json(figures.sigmoid_figure(0.0, NAMES))
    point = spec["data"][1]
    assert point["y"] == [0.5] and "σ(0) = 0.5 → 1" in point["text"][0]
    assert spec["layout"]["shapes"][0]["y0"] == 0.5
    curve = values(spec["data"][0], "y")
    assert 0 < curve.min() and curve.max() < 1


def test_linear_line_leaves_unit_interval_but_sigmoid_does_not():
    facts = report.analyse(DATA.X, Y)
    spec = as_json(figures.linear_vs_logistic_figure(X, Y, facts.line, facts.fitted, NAMES))
    names = [trace["name"] for trace in spec["data"]]
    assert names == ["class0", "class1", "linear", "logistic"]
    line, sigmoid = values(spec["data"][2], "y"), values(spec["data"][3], "y")
    assert line.min() < 0 or line.max() > 1
    assert 0 < sigmoid.min() and sigmoid.max() < 1


def test_log_odds_panel_is_a_straight_line():
    spec = as_json(figures.odds_figure(X, Y, -2.0, 0.5, NAMES))
    xs, log_odds = values(spec["data"][4], "x"), values(spec["data"][4], "y")
    np.testing.assert_allclose(log_odds, -2.0 + 0.5 * xs)
    p = values(spec["data"][0], "y")
    np.testing.assert_allclose(np.log(p / (1 - p)), log_odds, atol=1e-9)
    assert spec["layout"]["xaxis3"]["anchor"] == "y3"
    # each panel named above it, not by a vertical title as long as the plot is tall
    titles = [(a["text"], a["xref"]) for a in spec["layout"]["annotations"]]
    assert titles == [("p", "x domain"), ("odds", "x2 domain"), ("logodds", "x3 domain")]
    assert not any("title" in spec["layout"][f"yaxis{k}"] for k in ("", "2", "3"))
    domains = [spec["layout"][f"xaxis{k}"]["domain"] for k in ("", "2", "3")]
    assert all(b[0] - a[1] >= 0.1 for a, b in zip(domains, domains[1:], strict=False))


def test_likelihood_bars_and_underflow():
    point = report.at_point(DATA.X, Y, -2.0, 0.5)
    bars = as_json(figures.likelihood_bars_figure(X, Y, point.probs, NAMES))
    total = np.sort(np.r_[values(bars["data"][0], "y"), values(bars["data"][1], "y")])
    np.testing.assert_allclose(total, np.sort(point.probs))
    run, _ = report.underflow(DATA.X, Y, -2.0, 0.5, 3000)
    spec = as_json(figures.underflow_figure(run.product, run.log_sum, NAMES))
    n, product = values(spec["data"][1], "x"), values(spec["data"][1], "y")  # NaN: a gap at 0.0
    assert len(n) <= figures.MAX_LINE_POINTS and np.isfinite(product[0])
    assert np.all(np.isnan(product[n >= run.zero_at]))
    assert np.all(np.isfinite(product[n < run.zero_at]))
    assert spec["data"][2]["x"] == [run.zero_at]
    assert np.all(np.isfinite(values(spec["data"][0], "y")))


def test_surface_figure_with_point_best_and_path():
    b0s, betas = np.linspace(-6, 1, 8), np.linspace(-0.5, 1.5, 6)
    grid = logistic.log_likelihood_grid(X, Y, b0s, betas)
    path = np.array([[0.0, 0.0], [-1.0, 0.3]])
    spec = as_json(
        figures.surface_figure(
            b0s, betas, grid, ("β₀", "β"), (-2, 0.5), (-4.3, 0.88), path, "l", NAMES
        )
    )
    assert [t["type"] for t in spec["data"]] == ["contour", "scatter", "scatter", "scatter"]
    assert [t.get("name") for t in spec["data"][1:]] == ["path", "best", "point"]
    assert spec["data"][2]["marker"]["symbol"] == "star"


def test_bce_curves_put_each_point_on_its_curve():
    z = logistic.net_input(DATA.X, -2.0, [0.5])
    spec = as_json(figures.bce_curves_figure(Y, z, NAMES))
    ones = spec["data"][3]
    np.testing.assert_allclose(values(ones, "y"), -np.log(values(ones, "x")), rtol=1e-9)
    zeros = spec["data"][2]
    np.testing.assert_allclose(values(zeros, "y"), -np.log1p(-values(zeros, "x")), rtol=1e-9)


def test_gradient_bars_are_coloured_by_sign():
    z = logistic.net_input(DATA.X, -2.0, [0.5])
    spec = as_json(figures.gradient_points_figure(X, Y, z, NAMES))
    err = values(spec["data"][0], "y")
    colors = spec["data"][0]["marker"]["color"]
    assert all((c == figures.CLASS_COLORS[1]) == (e > 0) for c, e in zip(colors, err, strict=True))
    np.testing.assert_allclose(values(spec["data"][1], "y"), err * X)


def test_frame_epochs():
    assert figures.frame_epochs(5).tolist() == [0, 1, 2, 3, 4, 5]
    many = figures.frame_epochs(1000)
    assert many[0] == 0 and many[-1] == 1000 and len(many) <= 40 and np.all(np.diff(many) > 0)


def test_training_1d_is_animated_per_epoch():
    fit = logistic.fit(DATA.X, Y, 0.2, 100)
    spec = as_json(figures.training_1d_figure(X, Y, fit, NAMES))
    epochs = figures.frame_epochs(100)
    assert len(spec["frames"]) == len(epochs)
    first = spec["frames"][0]["data"]
    assert first[0]["y"] == [0.5] * figures.CURVE_POINTS  # β = 0 at the start
    assert first[1]["x"] == [None, None]  # and no boundary
    k = int(epochs[5])
    boundary = spec["frames"][5]["data"][1]["x"][0]
    assert boundary is None or boundary == pytest.approx(-fit.b0[k] / fit.beta[k, 0], rel=1e-3)
    assert spec["layout"]["sliders"][0]["steps"][-1]["label"] == "100"
    assert spec["layout"]["sliders"][0]["pad"]["t"] == GAP  # below the x axis's title
    # A frame holds only what moves, rounded: the curve's heights against the figure's x.
    xs = values(spec["data"][0], "x")
    curve = values(spec["frames"][5]["data"][0], "y")
    np.testing.assert_allclose(curve, logistic.sigmoid(fit.b0[k] + fit.beta[k, 0] * xs), atol=5e-4)
    assert all(set(frame["data"][0]) == {"y"} for frame in spec["frames"])
    np.testing.assert_allclose(  # the figure itself shows the last epoch
        values(spec["data"][0], "y"), logistic.sigmoid(fit.b0_ + fit.beta_[0] * xs), atol=5e-4
    )


def test_training_2d_map_and_boundary():
    data = two_classes(60, 1.0, 0)
    fit = logistic.fit(data.X, data.y, 0.5, 60)
    spec = as_json(figures.training_2d_figure(data.X, data.y, fit, NAMES))
    heat, line = spec["data"][0], spec["data"][1]
    assert heat["type"] == "heatmap" and heat["zsmooth"] == "best" and line["name"] == "boundary"
    x1, x2 = values(line, "x"), values(line, "y")
    b0, (b1, b2) = fit.b0_, fit.beta_
    np.testing.assert_allclose(b0 + b1 * x1 + b2 * x2, 0, atol=1e-2)
    # The map is z = β₀ + β₁x₁ + β₂x₂ at the view's corners (a plane: bilinear smoothing is
    # exact), coloured through σ.
    g1, g2 = np.meshgrid(values(heat, "x"), values(heat, "y"))
    np.testing.assert_allclose(np.array(heat["z"]), b0 + b1 * g1 + b2 * g2, rtol=1e-3)
    assert len(spec["frames"]) == len(figures.frame_epochs(60))
    assert spec["frames"][0]["data"][1]["x"] == [None]  # β = 0: no boundary yet
    assert spec["frames"][0]["data"][0]["z"] == [[0.0, 0.0], [0.0, 0.0]]  # σ = 0.5 everywhere
    assert len(json.dumps(spec["frames"])) < 10_000


def test_logit_colorscale_follows_sigma():
    scale = figures.logit_colorscale()
    positions = [p for p, _ in scale]
    assert positions[0] == 0.0 and positions[-1] == 1.0 and positions == sorted(positions)
    middle = dict(scale)[0.5]
    assert middle == "rgb(255,255,255)"  # z = 0: σ = 0.5, white
    assert scale[0][1] == "rgb(32,120,180)" and scale[-1][1] == "rgb(214,40,41)"  # the classes


def test_loss_curve():
    fit = logistic.fit(DATA.X, Y, 0.2, 50)
    spec = as_json(figures.loss_curve_figure(fit, NAMES))
    np.testing.assert_allclose(values(spec["data"][0], "y"), fit.loss, rtol=1e-3)
    np.testing.assert_allclose(values(spec["data"][1], "y"), fit.accuracy, rtol=1e-3)
    long = logistic.fit(DATA.X, Y, 0.2, 5000)
    spec = as_json(figures.loss_curve_figure(long, NAMES))
    k = np.array(spec["data"][0]["x"])
    assert len(k) <= figures.MAX_CURVE_POINTS and k[0] == 0 and k[-1] == 5000
    assert np.all(np.diff(k) > 0) and np.array_equal(k[:100], np.arange(100))
    np.testing.assert_allclose(values(spec["data"][0], "y"), long.loss[k], rtol=1e-3)


def test_a_long_path_is_drawn_through_some_of_its_epochs():
    fit = logistic.fit(DATA.X, Y, 0.2, 5000)
    path = logistic.path_points(fit)
    b0s, betas = np.linspace(-6, 1, 8), np.linspace(-0.5, 1.5, 6)
    grid = logistic.log_likelihood_grid(X, Y, b0s, betas)
    spec = as_json(
        figures.surface_figure(b0s, betas, grid, ("β₀", "β"), None, None, path, "J", NAMES)
    )
    drawn = np.c_[values(spec["data"][1], "x"), values(spec["data"][1], "y")]
    assert len(drawn) <= figures.MAX_PATH_POINTS
    np.testing.assert_allclose(drawn[0], path[0]) and np.testing.assert_allclose(
        drawn[-1], path[-1], rtol=1e-3
    )
    assert spec["data"][0]["z"]["dtype"] == "f4"  # the grid as float32
