"""Figure builders of the Gradient descent & SGD page: traces, frames, log colours, sweep bands."""

import base64
import json

import numpy as np
import plotly.io as pio

from dlviz import linreg
from dlviz.figures import linreg as figures

NAMES = {
    k: k
    for k in ("data", "line", "before", "current", "error", "optimum", "step", "loss", "path",
              "update", "slow", "good", "diverged", "eta", "lossfinal", "now")
}  # fmt: skip
X, Y = linreg.LECTURE_X, linreg.LECTURE_Y
S = linreg.stats(X, Y)
OPT = (S.beta, S.beta0)
TRACE = linreg.sgd_trace(X, Y, 1e-4, 10)


def as_json(fig) -> dict:
    """What the browser receives (also proves the figure serialises)."""
    return json.loads(pio.to_json(fig.to_dict(), validate=False))


def values(a) -> list:
    """A plotly array as a list (numpy arrays travel base64-encoded)."""
    if isinstance(a, dict) and "bdata" in a:
        flat = np.frombuffer(base64.b64decode(a["bdata"]), dtype=a["dtype"])
        return flat.reshape([int(n) for n in str(a.get("shape", len(flat))).split(",")]).tolist()
    return a


def surface(paths):
    return linreg.loss_surface(S, *linreg.view_box(S, paths), 21)


def test_frame_steps():
    assert figures.frame_steps(30, 3) == list(range(31))
    many = figures.frame_steps(5000, 1234, max_frames=50)
    assert many[0] == 0 and many[-1] == 5000 and 1234 in many and len(many) <= 51


def test_fit_figure_highlights_the_sample_and_moves_the_line():
    spec = as_json(figures.fit_figure(X, Y, TRACE, 2, OPT, NAMES))
    names = [trace["name"] for trace in spec["data"]]
    assert names == ["data", "optimum", "before", "line", "error", "current"]
    line, current, error = spec["data"][3], spec["data"][5], spec["data"][4]
    lo, hi = values(line["x"])
    assert lo < 0 < 50 and hi > 120  # the intercept at x = 0 is in view
    w, b = TRACE.loc[1, ["w", "b"]]
    np.testing.assert_allclose(values(line["y"]), [w * lo + b, w * hi + b], rtol=5e-4)  # 4 digits
    assert values(line["y"]) == [float(f"{v:.4g}") for v in (w * lo + b, w * hi + b)]
    assert values(current["x"]) == [80.0] and values(current["y"]) == [200.0]  # sample 2
    assert values(error["y"])[:2] == [200.0, 0.75 * 80 + 0.015]  # y and ŷ before the update
    assert len(spec["frames"]) == 31 and spec["layout"]["sliders"][0]["active"] == 2
    assert spec["frames"][0]["data"][3]["x"] == []  # no sample highlighted at the start
    assert spec["frames"][0]["data"][0]["y"] == [None, None]  # no previous line at the start
    assert [sorted(d) for d in spec["frames"][5]["data"]] == [["y"], ["y"], ["x", "y"], ["x", "y"]]
    assert values(spec["frames"][5]["data"][3]["x"]) == [80.0]  # only what moves is sent


def test_loss_figure_uses_log_colours_marks_optimum_and_animates_the_path():
    w, b = linreg.path(TRACE)
    spec = as_json(figures.loss_figure(surface([(w, b)]), [("path", w, b)], OPT, NAMES, step=5))
    contour = spec["data"][0]
    ws, bs, L = surface([(w, b)])
    np.testing.assert_allclose(np.array(values(contour["z"])), np.log10(L), rtol=1e-6)
    assert L.shape == (21, 21) and contour["z"]["dtype"] == "f4"  # float32: half the bytes
    np.testing.assert_allclose(values(contour["x"]), ws, rtol=1e-6)
    assert "log₁₀ L=%{z" in contour["hovertemplate"]
    assert contour["colorbar"]["ticktext"][0].startswith("1e")
    star = next(t for t in spec["data"] if t["name"] == "optimum")
    assert values(star["x"]) == [S.beta] and star["marker"]["symbol"] == "star"
    path = next(t for t in spec["data"] if t["name"] == "path")
    np.testing.assert_allclose(values(path["x"]), w, rtol=1e-6)  # the whole path, drawn once
    update, point = spec["data"][-2:]
    assert update["name"] == "update" and values(point["x"]) == [float(f"{w[5]:.6g}")]
    assert len(spec["frames"]) == 31
    last = spec["frames"][30]["data"]
    assert last[0]["x"] == [float(f"{v:.4g}") for v in (w[29], w[30])]  # the 30th update
    assert last[1]["x"] == [float(f"{w[30]:.6g}")] and round(last[1]["x"][0], 4) == 2.2674
    assert round(last[1]["y"][0], 4) == 0.0515  # the point after epoch 10: the lecture's numbers
    assert spec["frames"][0]["data"][1]["x"] == [0.0]  # the start
    assert L.min() > 0


def test_comparison_figure_has_one_path_per_method_and_no_frames():
    paths = [(name, *linreg.path(linreg.sgd_trace(X, Y, 1e-4, 5))) for name in ("a", "b", "c")]
    spec = as_json(figures.loss_figure(surface([p[1:] for p in paths]), paths, OPT, NAMES))
    assert [t["name"] for t in spec["data"][1:4]] == ["a", "b", "c"]
    assert not spec.get("frames")


def test_step_figure_moves_line_and_path_together():
    w, b = linreg.path(TRACE)
    spec = as_json(figures.step_figure(X, Y, TRACE, 3, surface([(w, b)]), OPT, NAMES))
    assert spec["layout"]["xaxis2"]["anchor"] == "y2" and spec["layout"]["xaxis"]["domain"][1] < 0.5
    on_right = [t["name"] for t in spec["data"] if t.get("xaxis") == "x2"]
    assert on_right == ["loss", "path", "optimum", "update", "current"]  # "point" → "current"
    frame = spec["frames"][3]
    assert len(frame["traces"]) == 6 and len(frame["data"]) == 6  # 4 on the left, 2 on the right
    assert frame["data"][5]["x"] == [2.5369] and frame["data"][5]["y"] == [0.034557]  # iteration 3
    assert frame["data"][2]["y"][:2] == [280.0, 224.415]  # y and ŷ of sample 3 before the update


def test_diverged_and_large_runs_still_draw():
    diverged = linreg.sgd_trace(X, Y, 1e-3, 10)
    w, b = linreg.path(diverged)
    as_json(figures.step_figure(X, Y, diverged, len(diverged), surface([(w, b)]), OPT, NAMES))
    rng = np.random.default_rng(0)
    x = rng.uniform(0, 100, 5000)
    y = 2 * x + rng.normal(0, 5, 5000)
    big = linreg.sgd_trace(x, y, 1e-5, 1)
    s = linreg.stats(x, y)
    spec = as_json(figures.fit_figure(x, y, big, 4000, (s.beta, s.beta0), NAMES))
    assert len(values(spec["data"][0]["x"])) == 2000  # the data are thinned for drawing
    assert len(spec["frames"]) <= 201


def test_sweep_figure_shades_slow_good_diverged():
    sweep = linreg.eta_sweep(X, Y, np.logspace(-7, 0, 29), 10)
    spec = as_json(figures.sweep_figure(sweep, 1e-4, NAMES))
    bands = [t for t in spec["data"] if t.get("fill") == "toself"]
    order = [t["name"] for t in bands]
    assert order[0] == "slow" and "good" in order and order[-1] == "diverged"
    assert bands[-1]["name"] == "diverged"
    markers = {t["name"]: t for t in spec["data"] if t.get("mode") == "markers"}
    assert set(markers) == {"slow", "good", "diverged"}
    assert markers["diverged"]["marker"]["symbol"] == "x"
    now = spec["data"][-1]
    assert now["name"] == "now" and values(now["x"]) == [1e-4, 1e-4]
    assert spec["layout"]["xaxis"]["type"] == "log" and spec["layout"]["yaxis"]["type"] == "log"
