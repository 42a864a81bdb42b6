"""dlviz.logistic_report: the numbers and formulas the page shows, and what it says about training."""

import numpy as np
import pytest

from dlviz import logistic
from dlviz import logistic_report as report
from dlviz.binary_data import SAMPLE_CSV, from_csv, smoking_example, two_classes


def test_latex_number():
    assert report.latex_number(0.5) == "0.5"
    assert report.latex_number(0.0) == "0"
    assert report.latex_number(2.2844e-6) == r"2.284 \times 10^{-6}"
    assert report.latex_number(-12.98941, 6) == "-12.9894"


def test_analyse_the_exam_data():
    data = from_csv(SAMPLE_CSV)
    facts = report.analyse(data.X, data.y)
    assert facts.separation is None and facts.best is not None
    assert facts.numbers["best_b0"] == "-4.07771" and facts.numbers["best_beta"] == "1.50465"
    assert facts.target == (-4.08, 1.5)  # rounded into the controls' step
    lo, hi = float(facts.numbers["lo"]), float(facts.numbers["hi"])
    assert lo < 0 or hi > 1  # the least-squares line leaves [0, 1]


def test_analyse_separable_data_has_no_maximum():
    data = two_classes(100, 0.3, 0)
    facts = report.analyse(data.X, data.y)
    assert facts.separation == "complete" and facts.best is None and facts.target is None


def test_point_underflow_and_surface_numbers_match_the_core():
    data = smoking_example(30, 1)
    point = report.at_point(data.X, data.y, -2.0, 0.5)
    ll = logistic.log_likelihood(data.X, data.y, -2.0, [0.5])
    assert point.numbers["ll"] == f"{ll:.6g}" and point.numbers["loss"] == f"{-ll / 30:.6g}"
    assert point.numbers["over"] + point.numbers["under"] == 30
    np.testing.assert_allclose(point.z, -2.0 + 0.5 * data.X[:, 0])
    run, numbers = report.underflow(data.X, data.y, -2.0, 0.5, 3000)
    assert numbers["zero_at"] == run.zero_at and run.product.shape == (3000,)
    assert numbers["nmax"] == 3000 and numbers["ll_max"] == f"{run.log_sum[-1]:.6g}"
    fitted = (-4.3, 0.88)
    b0s, betas, surface = report.likelihood_surface(data.X, data.y, -2.0, 0.5, fitted)
    assert surface.shape == (len(betas), len(b0s)) == (41, 41)
    assert b0s[0] <= min(0.0, -2.0, fitted[0]) and b0s[-1] >= max(0.0, fitted[0])
    assert betas[0] <= min(0.0, 0.5, fitted[1]) and betas[-1] >= max(0.0, 0.5, fitted[1])
    assert surface[7, 11] == pytest.approx(
        logistic.log_likelihood(data.X, data.y, b0s[11], [betas[7]])
    )


def test_likelihood_and_gradient_latex():
    data = smoking_example(30, 1)
    text = report.likelihood_latex(data.X, data.y, -2.0, [0.5])
    assert r"\prod_{i=1}^{30}" in text and "J(\\beta)" in text
    d_b0, d_beta = logistic.gradient(data.X, data.y, -2.0, [0.5])
    grad = report.gradient_latex(data.X, data.y, -2.0, [0.5], "check")
    assert grad.count(f"{d_b0:.6g}") == 2 and grad.count(f"{d_beta[0]:.6g}") == 2
    assert r"\text{check: }" in grad


def test_training_messages():
    data = smoking_example(30, 1)
    facts = report.analyse(data.X, data.y)
    fit = logistic.fit(data.X, data.y, 0.5, 5000)
    kinds = {
        key: kind
        for kind, key, _ in report.training_messages(fit, None, facts.best, data.X, data.y)
    }
    assert kinds["train.result"] == "info" and kinds["train.reached"] == "success"
    assert kinds["train.rose"] == "warning"  # η = 0.5 overshoots at first
    short = logistic.fit(data.X, data.y, 0.01, 10)
    keys = [key for _, key, _ in report.training_messages(short, None, facts.best, data.X, data.y)]
    assert keys == ["train.result", "train.gap"]
    blobs = two_classes(100, 0.3, 0)
    grow = logistic.fit(blobs.X, blobs.y, 1.0, 400)
    messages = report.training_messages(grow, "complete", None, blobs.X, blobs.y)
    growing = [numbers for _, key, numbers in messages if key == "train.growing"][0]
    assert "(k = 100)" in growing["norms"] and "(k = 400)" in growing["norms"]
    X = np.array([[-3e5], [-1e5], [2e5], [4e5]])
    boom = logistic.fit(X, np.array([0.0, 1.0, 0.0, 1.0]), 10.0, 50)
    keys = [
        key for _, key, _ in report.training_messages(boom, None, None, X, np.array([0, 1, 0, 1.0]))
    ]
    assert "train.diverged" in keys and "train.worse" in keys


@pytest.mark.parametrize("data", [smoking_example(30, 1), two_classes(60, 1.0, 0)])
def test_loss_view_covers_the_path_and_the_optimum(data):
    facts = report.analyse(data.X, data.y)
    fit = logistic.fit(data.X, data.y, 0.5, 200)
    view = report.loss_view(data.X, data.y, fit, facts.best)
    assert view.J.shape == (len(view.ax2), len(view.ax1))
    for px, py in [*view.path, view.star]:
        assert view.ax1[0] <= px <= view.ax1[-1] and view.ax2[0] <= py <= view.ax2[-1]
    assert (view.slice_b0 is None) == (data.m == 1)
    assert np.nanmin(view.J) >= fit.loss[-1] - 0.05 or data.m == 2
    # Given the longer run it is the start of, the view covers that run: it stays put.
    longer = logistic.fit(data.X, data.y, 0.5, 2000)
    wide = report.loss_view(data.X, data.y, fit, facts.best, longest=longer)
    for px, py in logistic.path_points(longer):
        assert wide.ax1[0] <= px <= wide.ax1[-1] and wide.ax2[0] <= py <= wide.ax2[-1]
    assert len(wide.path) == 201
    again = report.loss_view(data.X, data.y, longer.until(50), facts.best, longest=longer)
    if data.m == 1:
        np.testing.assert_array_equal(again.J, wide.J)
