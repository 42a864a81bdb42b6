"""Symbolic partial derivatives of a parsed formula, for display: ∂/∂x (x²y + y) = 2xy.

What it is
    A translation of the syntax tree (:mod:`dlviz.exprtree`) into sympy, node by node (never from
    text), followed by a plain ``sympy.diff``. The result is only shown to students; the
    numbers on every plot come from :mod:`dlviz.autodiff`.

What it is not
    Not a simplifier: ``simplify`` is never called (it can be slow), so the derivative is what
    the differentiation rules give. Not a fallback for bad input: it refuses (returns None)
    instead of trying hard.

Guards (so a student's formula can never hang the page)
    * at most ``MAX_NODES`` nodes in the tree;
    * every sub-tree without variables is evaluated in float64 first and must be finite; those
      made of numbers only are folded into one number (``1/2`` → ½, ``2^10`` → 1024);
    * a constant exponent may not exceed ``MAX_EXPONENT`` in size, nor may nested constant
      exponents multiply past it (``(x^100)^100`` is refused: sympy would expand it);
    * results are cached per (formula text, variable); sympy is imported only when needed.
"""

from __future__ import annotations

import functools
import math
from fractions import Fraction
from typing import Any

from dlviz.expr import Expression, parse
from dlviz.exprtree import Bin, Call, Const, Neg, Node, Num, Var, constant_value
from dlviz.exprtree import variables_of as _variables_of

MAX_NODES = 80
MAX_EXPONENT = 1000.0


class _Refused(Exception):
    """The formula is outside what this module promises to handle quickly."""


def _count_nodes(node: Node) -> int:
    if isinstance(node, Bin):
        return 1 + _count_nodes(node.left) + _count_nodes(node.right)
    if isinstance(node, (Neg, Call)):
        return 1 + _count_nodes(node.arg)
    return 1


def _has_constant_name(node: Node) -> bool:
    """Whether ``pi`` or ``e`` occurs (they stay symbolic instead of being folded)."""
    if isinstance(node, Const):
        return True
    if isinstance(node, Bin):
        return _has_constant_name(node.left) or _has_constant_name(node.right)
    if isinstance(node, (Neg, Call)):
        return _has_constant_name(node.arg)
    return False


@functools.lru_cache(maxsize=1)
def symbols() -> tuple[Any, Any]:
    """The sympy symbols x and y (real), as used in every derivative returned here."""
    import sympy

    return sympy.Symbol("x", real=True), sympy.Symbol("y", real=True)


@functools.lru_cache(maxsize=1)
def sigmoid_function() -> Any:
    """The sympy function σ, with σ' = σ(1 − σ) and printed as ``\\sigma`` in LaTeX."""
    import sympy

    class sigmoid(sympy.Function):  # noqa: N801 (named as it prints)
        def fdiff(self, argindex: int = 1) -> Any:
            s = self.func(*self.args)
            return s * (1 - s)

        def _eval_rewrite_as_exp(self, z: Any, **kwargs: Any) -> Any:
            return 1 / (1 + sympy.exp(-z))

        def _eval_evalf(self, prec: int) -> Any:
            return self.rewrite(sympy.exp)._eval_evalf(prec)

        def _latex(self, printer: Any, exp: Any = None) -> str:
            tex = rf"\sigma{{\left({printer._print(self.args[0])} \right)}}"
            return tex if exp is None else rf"{tex}^{{{exp}}}"

    return sigmoid


def _number(value: float) -> Any:
    """A folded float64 as a readable sympy number: Integer, a small Rational, else Float."""
    import sympy

    if value.is_integer() and abs(value) < 1e6:
        return sympy.Integer(int(value))
    fraction = Fraction(value).limit_denominator(1000)
    if fraction.denominator > 1 and abs(fraction.numerator) < 1e6 and float(fraction) == value:
        return sympy.Rational(fraction.numerator, fraction.denominator)
    return sympy.Float(value)


def _to_sympy(node: Node, budget: float = 1.0) -> Any:
    """Build the sympy object of ``node``; ``budget`` is the product of enclosing exponents."""
    import sympy

    if not _variables_of(node):
        value = constant_value(node)
        if not math.isfinite(value):
            raise _Refused
        if not _has_constant_name(node):
            return _number(value)
    if isinstance(node, Num):
        return _number(node.value)
    if isinstance(node, Const):
        return sympy.pi if node.name == "pi" else sympy.E
    if isinstance(node, Var):
        return symbols()[node.name == "y"]
    if isinstance(node, Neg):
        return -_to_sympy(node.arg, budget)
    if isinstance(node, Call):
        functions = {"sin": sympy.sin, "cos": sympy.cos, "tan": sympy.tan, "exp": sympy.exp,
                     "log": sympy.log, "sqrt": sympy.sqrt, "abs": sympy.Abs,
                     "tanh": sympy.tanh, "sigmoid": sigmoid_function()}  # fmt: skip
        return functions[node.fn](_to_sympy(node.arg, budget))
    if node.op == "^":
        if not _variables_of(node.right):
            exponent = abs(constant_value(node.right))
            budget *= max(1.0, exponent)
            if not exponent <= MAX_EXPONENT or budget > MAX_EXPONENT:
                raise _Refused
        return sympy.Pow(_to_sympy(node.left, budget), _to_sympy(node.right, budget))
    left, right = _to_sympy(node.left, budget), _to_sympy(node.right, budget)
    if node.op == "+":
        return sympy.Add(left, right)
    if node.op == "-":
        return sympy.Add(left, -right)
    if node.op == "*":
        return sympy.Mul(left, right)
    return sympy.Mul(left, sympy.Pow(right, -1))  # "/"


def _check_variable(var: str) -> None:
    if var not in ("x", "y"):
        raise ValueError(f"var must be 'x' or 'y', not {var!r}")


@functools.lru_cache(maxsize=256)
def _partial_of_text(text: str, var: str) -> Any:
    import sympy

    tree = parse(text).tree
    if _count_nodes(tree) > MAX_NODES:
        return None
    try:
        f = _to_sympy(tree)
    except _Refused:
        return None
    infinite = (sympy.zoo, sympy.oo, -sympy.oo, sympy.nan)  # e.g. tan(pi/2) is zoo in sympy
    if f.has(*infinite):
        return None
    derivative = sympy.diff(f, symbols()[var == "y"])
    return None if derivative.has(*infinite) else derivative


def partial(expr: Expression, var: str) -> Any:
    """∂f/∂var as a sympy expression (symbols from :func:`symbols`), or None when refused."""
    _check_variable(var)
    return _partial_of_text(expr.text, var)


@functools.lru_cache(maxsize=256)
def _printed(text: str, var: str) -> tuple[str, str] | None:
    import sympy
    from sympy.printing.str import StrPrinter

    class Printer(StrPrinter):
        def _print_Exp1(self, expr: Any) -> str:
            return "e"

        def _print_Abs(self, expr: Any) -> str:
            return f"abs({self._print(expr.args[0])})"

        def _print_Float(self, expr: Any) -> str:
            return repr(float(expr))  # 0.1, 10000000.0, 1e+300: no padding zeros

    derivative = _partial_of_text(text, var)
    if derivative is None:
        return None
    try:  # a huge integer (over 4300 digits) cannot be printed: refuse rather than fail
        latex = sympy.latex(derivative, ln_notation=True)
        plain = Printer().doprint(derivative).replace("**", "^")
    except ValueError:
        return None
    return latex, plain


def partial_latex(expr: Expression, var: str) -> str | None:
    """LaTeX of ∂f/∂var, e.g. ``2 x y`` for f = x²y + y and var = "x"; None when refused."""
    _check_variable(var)
    printed = _printed(expr.text, var)
    return None if printed is None else printed[0]


def derivative_text(expr: Expression, var: str) -> str | None:
    """Plain text of ∂f/∂var, e.g. ``2*x*y`` or ``x^2 + 1``; None when refused."""
    _check_variable(var)
    printed = _printed(expr.text, var)
    return None if printed is None else printed[1]
