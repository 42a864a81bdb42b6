"""Tests for dlviz.expr: grammar, numerics, autodiff gradients, errors and bounds.

The printers and the tree utilities are tested in test_exprtree.py.
"""

from __future__ import annotations

import pathlib
import time
import warnings

import numpy as np
import pytest

from dlviz import autodiff, exprtree
from dlviz import expr as expr_module
from dlviz.expr import MAX_DEPTH, MAX_LENGTH, MAX_TOKENS, Bin, Call, ExprError, Num, Var, parse

RNG = np.random.default_rng(0)
X = RNG.uniform(-2.0, 2.0, size=(7, 5))
Y = RNG.uniform(-2.0, 2.0, size=(7, 5))


# ------------------------------------------------------------------------------ grammar
EVALUATED = [
    ("x^2 y + y", lambda x, y: x**2 * y + y),
    ("x**2*y+y", lambda x, y: x**2 * y + y),
    ("-x^2", lambda x, y: -(x**2)),
    ("(-x)^2", lambda x, y: x**2),
    ("2^3^2", lambda x, y: 512.0 + 0 * x),
    ("2**3**2", lambda x, y: 512.0 + 0 * x),
    ("1/2x", lambda x, y: 0.5 * x),
    ("x/2/y", lambda x, y: (x / 2) / y),
    ("x-y-1", lambda x, y: (x - y) - 1),
    ("2e", lambda x, y: 2 * np.e + 0 * x),
    ("2ex", lambda x, y: 2 * np.e * x),
    ("1e-3x", lambda x, y: 1e-3 * x),
    ("1.5E+2 + .5 + 2.", lambda x, y: 152.5 + 0 * x),
    ("xy", lambda x, y: x * y),
    ("2xy", lambda x, y: 2 * x * y),
    ("3x y", lambda x, y: 3 * x * y),
    ("2x", lambda x, y: 2 * x),
    ("2(x+1)", lambda x, y: 2 * (x + 1)),
    ("(x+1)(y-1)", lambda x, y: (x + 1) * (y - 1)),
    ("x(y+1)", lambda x, y: x * (y + 1)),
    ("2sin(x)", lambda x, y: 2 * np.sin(x)),
    ("xsin(y)", lambda x, y: x * np.sin(y)),
    ("2pi x", lambda x, y: 2 * np.pi * x),
    ("pix", lambda x, y: np.pi * x),
    ("2x^2", lambda x, y: 2 * x**2),
    ("2^-x", lambda x, y: 2.0**-x),
    ("e^-x^2", lambda x, y: np.exp(-(x**2))),
    ("-x y", lambda x, y: -x * y),
    ("+x - -y", lambda x, y: x + y),
    ("abs(x)^2^0.5", lambda x, y: np.abs(x) ** (2**0.5)),
    ("sin(x)cos(y)", lambda x, y: np.sin(x) * np.cos(y)),
    ("tan(x/4) + tanh(y)", lambda x, y: np.tan(x / 4) + np.tanh(y)),
    ("exp(x) - abs(y)", lambda x, y: np.exp(x) - np.abs(y)),
    ("sqrt(x^2 + y^2)", lambda x, y: np.sqrt(x**2 + y**2)),
    ("log(1 + x^2)", lambda x, y: np.log(1 + x**2)),
    ("sigmoid(3x - y)", lambda x, y: 1 / (1 + np.exp(-(3 * x - y)))),
    ("  x\t+\ny  ", lambda x, y: x + y),
    ("π x · y", lambda x, y: np.pi * x * y),
]


@pytest.mark.parametrize(("text", "reference"), EVALUATED, ids=[t for t, _ in EVALUATED])
def test_evaluates_like_numpy_written_by_hand(text, reference):
    np.testing.assert_allclose(parse(text)(X, Y), reference(X, Y), rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize(("text", "reference"), EVALUATED, ids=[t for t, _ in EVALUATED])
def test_canonical_text_parses_back_to_the_same_tree(text, reference):
    expr = parse(text)
    assert parse(str(expr)).tree == expr.tree


def test_tree_shapes():
    assert parse("1/2x").tree == Bin("*", Bin("/", Num(1.0), Num(2.0)), Var("x"))
    assert parse("2^3^2").tree == Bin("^", Num(2.0), Bin("^", Num(3.0), Num(2.0)))
    assert parse("xsin(y)").tree == Bin("*", Var("x"), Call("sin", Var("y")))
    assert parse("x^2 y + y").variables == frozenset("xy")
    assert parse("2pi").variables == frozenset()
    assert parse("x").text == "x"


def test_tree_names_are_re_exported_from_exprtree():
    for name in ("Num", "Const", "Var", "Neg", "Bin", "Call", "Node", "VARIABLES", "CONSTANTS",
                 "FUNCTIONS", "to_text", "to_latex", "constant_value", "variables_of"):  # fmt: skip
        assert name in expr_module.__all__
        assert getattr(expr_module, name) is getattr(exprtree, name)


# ------------------------------------------------------------------------------ numerics
def test_result_has_the_broadcast_shape_and_float64():
    assert parse("3")(np.zeros(4), 0.0).shape == (4,)
    np.testing.assert_array_equal(
        parse("2pi")(np.zeros((2, 1)), np.zeros(3)), np.full((2, 3), 2 * np.pi)
    )
    assert parse("x + y")(np.zeros((3, 1)), np.zeros((1, 4))).shape == (3, 4)
    value = parse("x")(1, 2)
    assert value.shape == () and value.dtype == np.float64
    assert parse("x")([1, 2], 0).dtype == np.float64


def test_undefined_points_are_nan_without_warnings():
    x = np.array([-1.0, 0.0, 1.0])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        np.testing.assert_array_equal(parse("log(x)")(x, 0.0), [np.nan, np.nan, 0.0])
        np.testing.assert_array_equal(parse("1/x")(x, 0.0), [-1.0, np.nan, 1.0])
        np.testing.assert_array_equal(parse("sqrt(x)")(x, 0.0), [np.nan, 0.0, 1.0])
        np.testing.assert_array_equal(parse("exp(1000x)")(x, 0.0), [0.0, 1.0, np.nan])
        dx, _ = parse("log(x)").grad(x, 0.0)
        np.testing.assert_array_equal(dx, [np.nan, np.nan, 1.0])


def test_sigmoid_is_stable_at_extremes():
    z = np.array([-1e6, -1000.0, 0.0, 1000.0, 1e6])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        value = parse("sigmoid(x)")(z, 0.0)
        dx, _ = parse("sigmoid(x)").grad(z, 0.0)
    np.testing.assert_array_equal(value, [0.0, 0.0, 0.5, 1.0, 1.0])
    np.testing.assert_array_equal(dx, [0.0, 0.0, 0.25, 0.0, 0.0])


# ------------------------------------------------------------------------------ gradients
def test_lecture_example_gradient():
    expr = parse("x^2 y + y")
    dx, dy = expr.grad(1.0, 1.0)
    assert (float(dx), float(dy)) == (2.0, 2.0)
    dx, dy = expr.grad(X, Y)
    np.testing.assert_allclose(dx, 2 * X * Y, rtol=1e-12)
    np.testing.assert_allclose(dy, X**2 + 1, rtol=1e-12)


SMOOTH = [
    "x^2 y + y",
    "sin(x)cos(y)",
    "exp(x y)/(1 + y^2)",
    "log(x) + sqrt(y)",
    "tanh(x - y) + tan(x/3)",
    "sigmoid(2x - y)",
    "x^y",
    "2^x y",
    "abs(x - 3y)",
    "(x+1)(y-1)^3",
    "e^-x^2 pi y",
    "1/(x + y)",
    "sin(x) + sin(x)^2",
    "-x/y - -y",
]


@pytest.mark.parametrize("text", SMOOTH)
def test_gradient_matches_central_differences(text):
    expr = parse(text)
    x = RNG.uniform(0.5, 2.0, size=50)  # a safe domain: log, sqrt, x^y and 1/(x+y) are smooth
    y = RNG.uniform(0.5, 2.0, size=50)
    h = 1e-6
    fd_x = (expr(x + h, y) - expr(x - h, y)) / (2 * h)
    fd_y = (expr(x, y + h) - expr(x, y - h)) / (2 * h)
    dx, dy = expr.grad(x, y)
    np.testing.assert_allclose(dx, fd_x, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(dy, fd_y, rtol=1e-5, atol=1e-6)


def test_gradient_shapes_and_missing_variables():
    dx, dy = parse("x^2").grad(np.arange(3.0), 0.0)
    np.testing.assert_array_equal(dx, [0.0, 2.0, 4.0])
    np.testing.assert_array_equal(dy, np.zeros(3))
    dx, dy = parse("7").grad(np.zeros((2, 1)), np.zeros(3))
    assert dx.shape == dy.shape == (2, 3) and not dx.any() and not dy.any()
    dx, dy = parse("y").grad(np.zeros((2, 1)), np.zeros(3))
    np.testing.assert_array_equal(dy, np.ones((2, 3)))


def test_shared_subexpression_is_one_node_in_the_graph():
    x = autodiff.Tensor(np.array([0.1, 0.7]), requires_grad=True)
    y = autodiff.Tensor(np.array([1.0, 2.0]), requires_grad=True)
    out = parse("sin(x) + sin(x)^2 + x^2 y + x^2").to_tensor(x, y)
    nodes = out.graph()["nodes"]
    assert [n["op"] for n in nodes].count("sin") == 1
    assert [n["label"] for n in nodes].count("x^2") == 1
    labels = {n["label"] for n in nodes}
    assert {"x", "y", "sin(x)", "sin(x)^2", "x^2*y"} <= labels
    np.testing.assert_allclose(out.data, parse("sin(x) + sin(x)^2 + x^2 y + x^2")(x.data, y.data))


# ------------------------------------------------------------------------------ errors
BAD = [
    ("x +", "missing operand after '+' at column 3", 3),
    (")", "unexpected ')' at column 1", 1),
    ("(x", "missing ')' for '(' at column 1", 1),
    ("2*(x", "missing ')' for '(' at column 3", 3),
    ("z", "unknown name 'z' at column 1", 1),
    ("x + z", "unknown name 'z' at column 5", 5),
    ("foo(x)", "unknown name 'foo' at column 1", 1),
    ("sin x", "function 'sin' at column 1 needs parentheses", 1),
    ("2sinx", "function 'sin' at column 2 needs parentheses", 2),
    ("2 $ 3", "unexpected character '$' at column 3", 3),
    ("", "empty formula", None),
    ("   ", "empty formula", None),
    ("x^^2", "unexpected '^' at column 3", 3),
    ("1..2", "malformed number '1..2' at column 1", 1),
    ("x (y))", "unexpected ')' at column 6", 6),
    ("()", "empty parentheses at column 1", 1),
    ("x 3", "unexpected number '3' at column 3", 3),
    ("1e999", "number '1e999' at column 1 is too large", 1),
    ("x.__class__", "unexpected character '.' at column 2", 2),
    ("__import__('os')", "unexpected character '_' at column 1", 1),
    ("lambda: 0", "unknown name 'lambda' at column 1", 1),
    ("x\u200b", "unexpected character U+200B at column 2", 2),
]


@pytest.mark.parametrize(("text", "message", "column"), BAD, ids=[repr(t) for t, _, _ in BAD])
def test_bad_input_names_the_problem_and_where(text, message, column):
    with pytest.raises(ExprError) as info:
        parse(text)
    assert message in str(info.value)
    assert info.value.column == column
    assert isinstance(info.value, ValueError)


def test_non_text_is_an_error():
    with pytest.raises(ExprError):
        parse(None)


# ------------------------------------------------------------------------------ bounds
def _finishes_fast(fn, seconds=1.0):
    start = time.perf_counter()
    result = fn()
    assert time.perf_counter() - start < seconds
    return result


def test_tower_of_powers_is_float64_inf_then_nan():
    expr = _finishes_fast(lambda: parse("9^9^9^9^9"))
    value = _finishes_fast(lambda: expr(np.zeros(3), 0.0))
    assert np.isnan(value).all()
    assert np.isnan(_finishes_fast(lambda: parse("x^9^9^9").grad(2.0, 0.0)[0]))


@pytest.mark.parametrize(
    "text",
    ["(" * 10_000, "x" * 100_000, "(" * MAX_LENGTH, "-" * 100 + "x", "2^" * 60 + "x"],
    ids=["10k-parens", "100k-chars", "300-parens", "100-minus", "60-powers"],
)
def test_adversarial_input_is_a_quick_expr_error(text):
    start = time.perf_counter()
    with pytest.raises(ExprError):
        parse(text)
    assert time.perf_counter() - start < 1.0


def test_limits_are_exact():
    assert parse("(" * MAX_DEPTH + "x" + ")" * MAX_DEPTH)(2.0, 0.0) == 2.0
    with pytest.raises(ExprError, match=rf"nesting too deep \(at most {MAX_DEPTH} levels\)"):
        parse("(" * (MAX_DEPTH + 1) + "x" + ")" * (MAX_DEPTH + 1))
    assert parse("x" + " " * (MAX_LENGTH - 1))(1.0, 0.0) == 1.0
    with pytest.raises(ExprError, match=r"formula too long \(301 characters, at most 300\)"):
        parse("x" + " " * MAX_LENGTH)
    half = MAX_TOKENS // 2
    assert parse("+".join(["x"] * half))(1.0, 0.0) == half  # 2 * half - 1 tokens
    with pytest.raises(ExprError, match="formula too long"):
        parse("+".join(["x"] * (half + 1)))


def test_longest_allowed_chain_evaluates_and_differentiates():
    expr = parse("+".join(["x y"] * (MAX_TOKENS // 3)))
    dx, dy = expr.grad(2.0, 3.0)
    assert (float(dx), float(dy)) == (3.0 * (MAX_TOKENS // 3), 2.0 * (MAX_TOKENS // 3))


def test_longest_implicit_product_is_handled_without_deep_recursion():
    expr = parse("x" * MAX_TOKENS)  # a chain of MAX_TOKENS - 1 multiplications
    assert float(expr(1.0, 0.0)) == 1.0
    assert float(expr.grad(1.0, 0.0)[0]) == MAX_TOKENS
    assert str(expr).count("x") == expr.latex().count("x") == MAX_TOKENS


@pytest.mark.parametrize("module", ["expr.py", "exprtree.py"])
def test_parser_source_never_executes_text(module):
    source = pathlib.Path(__file__).parents[1].joinpath("dlviz", module).read_text()
    for name in ("eval", "exec", "compile", "sympify", "parse_expr", "literal_eval"):
        assert f"{name}(" not in source
