"""dlviz.gradient: the lecture's example, autodiff vs finite differences, descent walks."""

import numpy as np
import pytest

from dlviz import gradient
from dlviz.expr import parse

LECTURE = parse("x^2 y + y")


def test_lecture_example_gradient_is_2_2():
    point = gradient.at_point(LECTURE, 1.0, 1.0)
    assert point.value == 2.0
    np.testing.assert_array_equal(point.gradient, [2.0, 2.0])
    np.testing.assert_allclose(point.finite_difference, [2.0, 2.0], atol=1e-8)


def test_grid_gradient_matches_formula_everywhere():
    g = gradient.grid(LECTURE, (0.0, 0.0), 2.0, 21)
    np.testing.assert_allclose(g.dZdx, 2 * g.X * g.Y, atol=1e-12)
    np.testing.assert_allclose(g.dZdy, g.X**2 + 1, atol=1e-12)
    np.testing.assert_allclose(g.Z, g.X**2 * g.Y + g.Y, atol=1e-12)


@pytest.mark.parametrize(
    "text", ["sin(x) cos(y)", "exp(-(x^2 + y^2))", "(1 - x)^2 + 5(y - x^2)^2", "x y / (1 + x^2)"]
)
def test_autodiff_agrees_with_finite_differences(text):
    expr = parse(text)
    rng = np.random.default_rng(0)
    for x, y in rng.uniform(-2, 2, size=(20, 2)):
        point = gradient.at_point(expr, x, y)
        np.testing.assert_allclose(point.gradient, point.finite_difference, rtol=1e-6, atol=1e-6)


def test_directional_derivative_is_largest_along_gradient_and_zero_along_level_curve():
    g = np.array([2.0, 2.0])
    angles = np.arange(0, 360, 0.5)
    values = gradient.directional_derivative(g, angles)
    assert angles[np.argmax(values)] == pytest.approx(gradient.gradient_angle(g)) == 45.0
    assert values.max() == pytest.approx(np.hypot(2, 2))
    assert gradient.directional_derivative(g, 135.0) == pytest.approx(0.0, abs=1e-12)
    summary = gradient.direction_summary(g, 45.0)
    assert summary["value"] == summary["norm"] == "2.82843"
    assert (summary["zero1"], summary["zero2"]) == ("135.0", "315.0")


def test_descent_on_a_bowl_converges_to_the_minimum():
    walk = gradient.walk(parse("x^2 + 5y^2"), (1.5, 1.0), eta=0.05, steps=200)
    assert walk.diverged_at is None
    np.testing.assert_allclose(walk.points[-1], [0.0, 0.0], atol=1e-6)
    assert np.all(np.diff(walk.values) <= 0)
    assert gradient.walk_verdict(walk, 4.0)[0] == "ok"


def test_each_step_is_the_update_rule():
    walk = gradient.walk(LECTURE, (1.0, 1.0), eta=0.1, steps=3)
    for k in range(3):
        np.testing.assert_allclose(walk.points[k + 1], walk.points[k] - 0.1 * walk.gradients[k])
    np.testing.assert_allclose(walk.points[1], [0.8, 0.8])  # (1,1) − 0.1·(2,2)


def test_ascent_goes_up():
    walk = gradient.walk(parse("-(x^2 + y^2)"), (1.0, 1.0), eta=0.1, steps=10, ascent=True)
    assert walk.values[-1] > walk.values[0]


def test_the_lecture_function_has_no_minimum_and_descent_runs_off_whatever_eta():
    walk = gradient.walk(LECTURE, (1.0, 1.0), eta=1.0, steps=20)
    # (1,1) → (−1,−1) → (−3,−3) → (−21,−13) → (−567,−455) → (−516537,−321945) → ~(3e11, 2e11)
    assert walk.diverged_at == 6
    np.testing.assert_allclose(walk.points[4], [-567.0, -455.0])
    assert np.all(np.isfinite(walk.points))
    # f = y(x² + 1) fell at every step, 2 → −2 → −30 → …: not an overshoot, no minimum to find.
    assert np.all(np.diff(walk.values) < 0)
    assert gradient.runaway(walk) == "unbounded"
    verdict, numbers = gradient.walk_verdict(walk, 4.0)
    assert verdict == "unbounded_below"
    assert (numbers["step"], numbers["start"], numbers["x"]) == (6, "2", "-5.165e+05")


def test_issue_14_rosenbrock_ascent_at_the_smallest_eta_is_unbounded_not_a_large_eta():
    walk = gradient.walk(parse("(1 - x)^2 + 5(y - x^2)^2"), (5.0, 1.0), 0.001, 20, ascent=True)
    assert walk.diverged_at == 5
    assert gradient.runaway(walk) == "unbounded"
    verdict, numbers = gradient.walk_verdict(walk, 4.0)
    assert verdict == "unbounded_above" and numbers["start"] == "2896"  # f(5, 1) = 16 + 2880
    assert gradient.worse_step(walk) is None  # f rose at every step, the last one included


def test_issue_14_log_with_descent_leaves_the_domain():
    walk = gradient.walk(parse("log(x)"), (1.0, 1.0), 0.1, 20)
    # x ← x − 0.1/x: 1, 0.9, 0.789, 0.662, 0.511, 0.315, then −0.00157 where log is not defined
    assert walk.diverged_at == 6 and walk.steps == 5
    assert walk.rejected.point[0] == pytest.approx(0.31544384893117583 - 0.1 / 0.31544384893117583)
    assert np.isnan(walk.rejected.value)
    assert gradient.runaway(walk) == "domain"
    verdict, numbers = gradient.walk_verdict(walk, 4.0)
    assert verdict == "domain"
    assert (numbers["x"], numbers["nx"], numbers["ny"], numbers["step"]) == (
        "0.3154", "-0.00157", "1", 6
    )  # fmt: skip


def test_a_square_root_also_leaves_its_domain():
    walk = gradient.walk(parse("sqrt(x)"), (1.0, 1.0), 0.1, 50)
    assert gradient.walk_verdict(walk, 4.0)[0] == "domain"


def test_classic_too_large_eta_on_a_bowl_blows_up_oscillating():
    walk = gradient.walk(parse("x^2 + y^2"), (1.0, 1.0), eta=1.1, steps=200)
    # p ← (1 − 2η)p = −1.2p: the sign flips and |p| grows by 1.2 a step, f by 1.44
    np.testing.assert_allclose(walk.points[1], [-1.2, -1.2])
    np.testing.assert_allclose(walk.points[2], [1.44, 1.44])
    assert walk.diverged_at == 76  # 1.2⁷⁶ ≈ 1.04e6
    assert gradient.runaway(walk) == "too_large"
    verdict, numbers = gradient.walk_verdict(walk, 4.0)
    assert verdict == "too_large"
    assert (numbers["worse"], numbers["before"], numbers["after"]) == (1, "2", "2.88")
    ascent = gradient.walk(parse("-(x^2 + y^2)"), (1.0, 1.0), eta=1.1, steps=200, ascent=True)
    assert gradient.walk_verdict(ascent, 4.0)[0] == "too_large"


def test_a_first_step_beyond_every_bound_on_a_steep_bowl_is_a_too_large_eta():
    walk = gradient.walk(parse("x^10"), (5.0, 0.0), eta=10.0, steps=20)
    assert walk.diverged_at == 1 and walk.steps == 0
    verdict, numbers = gradient.walk_verdict(walk, 4.0)
    assert verdict == "too_large" and numbers["worse"] == 1


def test_a_walk_that_did_not_run_away_has_no_runaway_cause():
    with pytest.raises(ValueError):
        gradient.runaway(gradient.walk(LECTURE, (1.0, 1.0), eta=0.1, steps=3))


def test_overshoot_on_a_bowl_is_reported():
    walk = gradient.walk(parse("x^2 + y^2"), (1.0, 1.0), eta=1.05, steps=10)  # |1 − 2η| > 1
    assert walk.diverged_at is None
    assert gradient.walk_verdict(walk, 4.0)[0] == "overshoot"


def test_tiny_eta_is_slow():
    walk = gradient.walk(parse("x^2 + y^2"), (1.0, 1.0), eta=0.001, steps=3)
    assert gradient.walk_verdict(walk, 4.0)[0] == "slow"


def test_stationary_point_stops_the_walk():
    walk = gradient.walk(parse("x^2 + y^2"), (0.0, 0.0), eta=0.1, steps=10)
    assert walk.stationary_at == 0 and walk.steps == 0


def test_undefined_start_gives_no_walk():
    walk = gradient.walk(parse("log(x)"), (-1.0, 0.0), eta=0.1, steps=10)
    assert walk.undefined and walk.steps == 0
    assert not gradient.at_point(parse("log(x)"), -1.0, 0.0).defined


def test_tables():
    point = gradient.at_point(LECTURE, 1.0, 1.0)
    table = gradient.check_table(point, ("2 x y", None))
    assert list(table.columns) == ["derivative", "formula", "autodiff", "finite_difference", "gap"]
    assert list(table["formula"]) == ["2 x y", "—"]
    walk = gradient.walk(LECTURE, (1.0, 1.0), eta=0.1, steps=4)
    assert len(gradient.walk_table(walk)) == 5


def test_x_to_the_y_at_a_zero_base_has_the_gradient_finite_differences_give():
    expr = parse("x^y")  # issue #12: ∂f/∂y was 0·log 0 = nan ("not defined") at (0, 2)
    np.testing.assert_array_equal(gradient.gradient_at(expr, 0.0, 2.0), [0.0, 0.0])
    np.testing.assert_allclose(
        gradient.finite_difference_gradient(expr, 0.0, 2.0), [0.0, 0.0], atol=1e-9
    )
