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


def test_likelihood_bars_and_underflow():
    ex = report.explore(DATA.X, Y, -2.0, 0.5, 3000, (-4.3, 0.88))
    bars = as_json(figures.likelihood_bars_figure(X, Y, ex.probs, NAMES))
    total = np.sort(np.r_[values(bars["data"][0], "y"), values(bars["data"][1], "y")])
    np.testing.assert_allclose(total, np.sort(ex.probs))
    spec = as_json(figures.underflow_figure(ex.underflow.product, ex.underflow.log_sum, NAMES))
    n, product = values(spec["data"][1], "x"), values(spec["data"][1], "y")  # NaN: a gap at 0.0
    assert len(n) <= figures.MAX_LINE_POINTS and np.isfinite(product[0])
    assert np.all(np.isnan(product[n >= ex.underflow.zero_at]))
    assert np.all(np.isfinite(product[n < ex.underflow.zero_at]))
    assert spec["data"][2]["x"] == [ex.underflow.zero_at]
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
    assert values(spec["frames"][0]["data"][0], "y").tolist() == [0.5] * 160  # β = 0 at the start
    k = int(epochs[5])
    boundary = values(spec["frames"][5]["data"][1], "x")[0]
    assert boundary is None or boundary == pytest.approx(-fit.b0[k] / fit.beta[k, 0])
    assert spec["layout"]["sliders"][0]["steps"][-1]["label"] == "100"


def test_training_2d_heatmap_and_boundary():
    data = two_classes(60, 1.0, 0)
    fit = logistic.fit(data.X, data.y, 0.5, 60)
    spec = as_json(figures.training_2d_figure(data.X, data.y, fit, NAMES))
    assert spec["data"][0]["type"] == "heatmap" and spec["data"][1]["name"] == "boundary"
    x1, x2 = values(spec["data"][1], "x"), values(spec["data"][1], "y")
    b0, (b1, b2) = fit.b0_, fit.beta_
    np.testing.assert_allclose(b0 + b1 * x1 + b2 * x2, 0, atol=1e-9)
    assert len(spec["frames"]) == len(figures.frame_epochs(60))
    assert spec["frames"][0]["data"][1]["x"] == [None]  # β = 0: no boundary yet


def test_loss_curve_and_confusion():
    fit = logistic.fit(DATA.X, Y, 0.2, 50)
    spec = as_json(figures.loss_curve_figure(fit, NAMES))
    np.testing.assert_allclose(values(spec["data"][0], "y"), fit.loss)
    conf = as_json(figures.confusion_figure(np.array([[3, 1], [2, 4]]), NAMES))
    assert conf["data"][0]["text"] == [[3, 1], [2, 4]] or "bdata" in conf["data"][0]["text"]


def test_exploration_figures_by_chart_key():
    facts = report.analyse(DATA.X, Y)
    ex = report.explore(DATA.X, Y, -2.0, 0.5, 3000, facts.fitted)
    figs = figures.exploration_figures(X, Y, facts, -2.0, 0.5, ex, NAMES)
    assert sorted(figs) == ["bars", "bce", "gradient", "surface", "underflow"]
    surface = as_json(figs["surface"])["data"]
    assert surface[2]["x"] == [-2.0] and surface[1]["x"] == [pytest.approx(facts.best[0])]
    assert ex.surface.shape == (len(ex.betas), len(ex.b0s))
    assert ex.b0s[0] <= min(0.0, -2.0, facts.fitted[0]) and ex.b0s[-1] >= max(0.0, facts.fitted[0])
