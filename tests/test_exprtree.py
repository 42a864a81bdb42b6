"""Tests for dlviz.exprtree: the printers and the tree utilities (values, variables).

Trees are built by hand where the shape matters, and by :func:`dlviz.expr.parse` where a
formula reads better than its tree.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from dlviz.expr import parse
from dlviz.exprtree import (
    Bin,
    Call,
    Const,
    Neg,
    Num,
    Var,
    constant_value,
    numeric_value,
    to_latex,
    to_text,
    variables_of,
)

X_SQUARED_Y_PLUS_Y = Bin("+", Bin("*", Bin("^", Var("x"), Num(2.0)), Var("y")), Var("y"))


# ------------------------------------------------------------------------------ text
def test_canonical_text():
    assert to_text(parse("x^2 y + y").tree) == "x^2*y + y"
    assert to_text(parse("2^-x").tree) == "2^(-x)"
    assert to_text(parse("x - (y + 1)").tree) == "x - (y + 1)"
    assert to_text(parse("-(x y)").tree) == "-(x*y)"


@pytest.mark.parametrize(
    ("tree", "text"),
    [
        (X_SQUARED_Y_PLUS_Y, "x^2*y + y"),
        (Num(3.0), "3"),
        (Num(0.5), "0.5"),
        (Num(1e20), "1e+20"),
        (Const("pi"), "pi"),
        (Call("sigmoid", Bin("-", Var("x"), Var("y"))), "sigmoid(x - y)"),
        (Neg(Neg(Var("x"))), "-(-x)"),
        (Bin("^", Neg(Var("x")), Num(2.0)), "(-x)^2"),
        (Bin("^", Bin("^", Var("x"), Var("y")), Num(2.0)), "(x^y)^2"),
        (Bin("^", Var("x"), Bin("^", Var("y"), Num(2.0))), "x^y^2"),
        (Bin("/", Var("x"), Bin("*", Var("y"), Num(2.0))), "x/(y*2)"),
        (Bin("*", Neg(Var("x")), Var("y")), "-x*y"),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_to_text_of_hand_built_trees(tree, text):
    assert to_text(tree) == text
    assert parse(text).tree == tree  # canonical text parses back to the same tree


# ------------------------------------------------------------------------------ LaTeX
LATEX = [
    ("x^2 y + y", r"x^{2} y + y"),
    ("x/(y+1)", r"\frac{x}{y + 1}"),
    ("sin(x)", r"\sin\left(x\right)"),
    ("sigmoid(x)", r"\sigma\left(x\right)"),
    ("sqrt(x) + abs(y)", r"\sqrt{x} + \left|y\right|"),
    ("2pi x", r"2 \pi x"),
    ("e^-x", r"e^{-x}"),
    ("log(x)", r"\ln\left(x\right)"),
    ("(x+1)^2", r"\left(x + 1\right)^{2}"),
    ("-(x+y)", r"-\left(x + y\right)"),
    ("2*3x", r"2 \cdot 3 x"),
    ("(x/2)^y", r"\left(\frac{x}{2}\right)^{y}"),
    ("x - (y - 1)", r"x - \left(y - 1\right)"),
    ("x + (y - 1)", r"x + y - 1"),
    ("1e-5 x", r"10^{-5} x"),
]


@pytest.mark.parametrize(("text", "latex"), LATEX, ids=[t for t, _ in LATEX])
def test_latex(text, latex):
    assert to_latex(parse(text).tree) == latex
    assert parse(text).latex() == latex  # Expression.latex is this printer


def test_to_latex_of_hand_built_trees():
    assert to_latex(X_SQUARED_Y_PLUS_Y) == r"x^{2} y + y"
    assert to_latex(Num(2.5e-7)) == r"2.5 \cdot 10^{-7}"
    assert to_latex(Const("e")) == "e"
    assert to_latex(Neg(Call("exp", Var("x")))) == r"-\exp\left(x\right)"
    assert to_latex(Bin("*", Bin("+", Var("x"), Num(1.0)), Var("y"))) == r"\left(x + 1\right) y"


# ------------------------------------------------------------------------------ utilities
def test_constant_value():
    assert constant_value(Num(2.0)) == 2.0
    assert constant_value(Bin("*", Num(2.0), Const("pi"))) == 2 * math.pi
    assert constant_value(Call("sigmoid", Num(0.0))) == 0.5
    assert constant_value(Neg(Call("log", Const("e")))) == -1.0
    assert constant_value(Bin("/", Num(1.0), Num(0.0))) == math.inf  # never raises
    assert math.isnan(constant_value(Call("sqrt", Num(-1.0))))
    assert math.isnan(constant_value(Var("x")))  # variables are nan here
    assert isinstance(constant_value(Num(1.0)), float)


def test_variables_of():
    assert variables_of(X_SQUARED_Y_PLUS_Y) == frozenset("xy")
    assert variables_of(Call("sin", Neg(Var("x")))) == frozenset("x")
    assert variables_of(Bin("^", Const("e"), Num(2.0))) == frozenset()
    assert variables_of(Num(1.0)) == frozenset()


def test_numeric_value_reuses_the_memo():
    x, y = np.array([1.0, 2.0]), np.array([3.0, 4.0])
    memo: dict = {}
    np.testing.assert_array_equal(numeric_value(X_SQUARED_Y_PLUS_Y, x, y, memo), x**2 * y + y)
    assert memo[Var("y")] is y  # a repeated sub-tree is evaluated once and stored
    memo[Var("x")] = np.zeros(2)
    np.testing.assert_array_equal(numeric_value(Bin("+", Var("x"), Num(1.0)), x, y, memo), 1.0)
