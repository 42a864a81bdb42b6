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


EXAMPLE = smoking_example(30, 1)
FACTS = report.analyse(EXAMPLE.X, EXAMPLE.y)


def diagnosis(eta: float, epochs: int) -> report.Diagnosis:
    fit = logistic.fit(EXAMPLE.X, EXAMPLE.y, eta, epochs)
    return report.diagnose(fit, None, FACTS.best, EXAMPLE.X, EXAMPLE.y)


@pytest.mark.parametrize(
    ("eta", "epochs", "verdict", "kind"),
    [
        (10.0, 1000, "worse", "error"),  # the issue's ?eta=10: J ends at 4.75 from 0.693
        (2.0, 10, "oscillating", "warning"),
        (1.0, 5000, "oscillating", "warning"),  # a two-cycle that never settles
        (0.5, 200, "overshot", "info"),  # rose until epoch 81, falls every epoch since
        (0.5, 5000, "reached", "success"),
        (0.2, 1000, "short", "info"),  # the page's default
        (0.001, 1000, "short", "info"),  # η too small: crawls
    ],
)
def test_one_verdict_per_run(eta, epochs, verdict, kind):
    said = diagnosis(eta, epochs)
    assert (said.verdict, said.kind) == (verdict, kind)
    assert said.keys[0] == "train.result" and said.keys.count(f"train.{verdict}") == 1


def test_a_run_told_to_lower_eta_is_never_told_to_raise_it():
    """The issue: at η = 10 a red box said "reduce η" and a blue one "more epochs or a larger
    η". Whatever the run, the keys of its one message give one piece of advice."""
    lower = {"train.worse", "train.diverged", "train.oscillating"}
    for eta in (10.0, 5.0, 2.0, 1.0, 0.5, 0.2, 0.05, 0.001):
        for epochs in (1, 10, 37, 200, 1000, 5000):
            keys = set(diagnosis(eta, epochs).keys)
            assert not (keys & lower and "train.short" in keys), (eta, epochs)
            assert len(keys - {"train.result", "train.gap", "train.rose_first"}) == 1


def test_the_numbers_of_each_verdict():
    worse = diagnosis(10.0, 1000)
    assert worse.keys == ("train.result", "train.worse")  # no gap, no "more epochs"
    assert (worse.numbers["loss0"], worse.numbers["loss"], worse.numbers["eta"]) == (
        "0.693147",
        "4.74961",
        "10",
    )
    short = diagnosis(0.2, 1000)
    assert short.keys == ("train.result", "train.gap", "train.short")
    assert short.numbers["gap"] == "0.00012" and short.numbers["best_loss"] == "0.374249"
    overshot = diagnosis(0.5, 200)
    assert (overshot.numbers["first"], overshot.numbers["last"]) == ("1", "81")
    reached = diagnosis(0.5, 5000)
    assert reached.keys == ("train.result", "train.reached", "train.rose_first")
    assert diagnosis(0.2, 5000).keys == ("train.result", "train.reached")
    oscillating = diagnosis(1.0, 5000)
    assert oscillating.numbers["last"] == "5000"


def test_separable_and_diverging_runs():
    blobs = two_classes(100, 0.3, 0)
    grow = logistic.fit(blobs.X, blobs.y, 1.0, 400)
    said = report.diagnose(grow, "complete", None, blobs.X, blobs.y)
    assert (said.verdict, said.kind) == ("growing", "warning")
    assert "(k = 100)" in said.numbers["norms"] and "(k = 400)" in said.numbers["norms"]
    X, y = np.array([[-3e5], [-1e5], [2e5], [4e5]]), np.array([0.0, 1.0, 0.0, 1.0])
    boom = logistic.fit(X, y, 10.0, 50)
    said = report.diagnose(boom, None, None, X, y)
    assert (said.verdict, said.kind) == ("diverged", "error")
    assert said.keys == ("train.result", "train.diverged")
    assert said.numbers["at"] == str(boom.diverged_at)


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
