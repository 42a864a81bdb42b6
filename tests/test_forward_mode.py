"""Forward mode with dual numbers: each rule, equality with reverse mode, the cost in passes."""

import numpy as np
import pytest
from test_autodiff_steps import random_formula

from dlviz import forward_mode as fm
from dlviz.expr import parse


@pytest.mark.parametrize(
    ("method", "reference"),
    [
        ("exp", np.exp), ("log", np.log), ("sin", np.sin), ("cos", np.cos), ("tan", np.tan),
        ("sqrt", np.sqrt), ("abs", np.abs), ("tanh", np.tanh),
        ("sigmoid", lambda v: 1 / (1 + np.exp(-v))),
    ],
)  # fmt: skip
def test_each_function_against_central_differences(method, reference):
    a, h = 0.7, 1e-6
    out = getattr(fm.Dual(a, 1.0), method)()
    assert out.value == pytest.approx(reference(a), rel=1e-14)
    assert out.dot == pytest.approx((reference(a + h) - reference(a - h)) / (2 * h), rel=1e-8)


def test_arithmetic_rules():
    a, b = fm.Dual(3.0, 1.0), fm.Dual(2.0, 0.0)  # d/da
    assert (a * b).dot == 2.0 and (a / b).dot == 0.5 and (a - b).dot == 1.0
    assert (b / a).dot == pytest.approx(-2 / 9)  # quotient: -b/a²
    assert (a**b).dot == 6.0 and (b**a).dot == pytest.approx(8 * np.log(2))
    assert (2.0 - a).dot == -1.0 and (1.0 / a).dot == pytest.approx(-1 / 9)  # reciprocal
    assert (-a).dot == -1.0 and (5 + a).value == 8.0 and (2 ** fm.Dual(3.0, 1.0)).value == 8.0


def test_lecture_example_two_passes():
    result = fm.gradient(parse("x^2 y + y"), 1.0, 1.0)
    assert result.gradient == (2.0, 2.0) and result.value == 2.0
    assert [p[0] for p in result.passes] == ["x", "y"]  # one pass per input
    latex = fm.dual_latex(result, 1.0, 1.0)
    assert r"f(1 + 1\varepsilon,\; 1 + 0\varepsilon) = 2 + 2\,\varepsilon" in latex


@pytest.mark.parametrize("seed", range(40))
def test_forward_mode_equals_reverse_mode_on_random_formulas(seed):
    rng = np.random.default_rng(100 + seed)
    expr = parse(random_formula(rng))
    x, y = rng.uniform(-1.5, 1.5, size=2)
    forward = fm.gradient(expr, x, y).gradient
    reverse = expr.grad(np.float64(x), np.float64(y))
    np.testing.assert_allclose(forward, [float(r) for r in reverse], rtol=1e-12, atol=1e-12)


def test_unused_input_does_not_poison_the_tangent():
    # x · log(y) at y = 0: reverse mode gives ∂/∂x = log 0 = -inf; the y-tangent never mixes in
    assert fm.gradient(parse("x log(y)"), 1.0, 0.0).gradient[0] == -np.inf
    assert fm.gradient(parse("x + sqrt(y)"), 2.0, 0.0).gradient[0] == 1.0


def test_huge_values_stay_silent():
    result = fm.gradient(parse("exp(x) + sigmoid(y)"), 1e6, -1e6)
    assert result.value == np.inf and result.gradient[1] == 0.0


def test_many_input_function_against_its_closed_form_gradient():
    point, c, f = fm.many_input_function(30, seed=4)
    exact = c * np.roll(point, -1) + np.roll(c, 1) * np.roll(point, 1) + np.cos(point)
    np.testing.assert_allclose(fm.forward_mode_gradient(f, point), exact, rtol=1e-12)
    np.testing.assert_allclose(fm.reverse_mode_gradient(f, point), exact, rtol=1e-12)


def test_compare_modes_counts_passes_and_agrees():
    table = fm.compare_modes([5, 20], seed=1, repeats=1)
    assert list(table["n"]) == [5, 5, 20, 20]
    assert list(table["passes"]) == [5, 2, 20, 2]
    assert (table["seconds"] > 0).all() and (table["max_gap"] < 1e-12).all()
