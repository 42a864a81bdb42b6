"""The syntax tree of a formula in x and y, e.g. ``x^2 y + y`` = Bin("+", Bin("*", …), Var("y")).

What it is
    The frozen, hashable node dataclasses (:class:`Num`, :class:`Const`, :class:`Var`,
    :class:`Neg`, :class:`Bin`, :class:`Call`), the names a formula may use (``VARIABLES``,
    ``CONSTANTS``, ``FUNCTIONS``) and what they mean in float64, and the tree utilities built on
    them: :func:`numeric_value`, :func:`constant_value`, :func:`variables_of` and the printers
    :func:`to_text` (canonical text that parses back to the same tree) and :func:`to_latex`
    (minimal parentheses by precedence).

What it is not
    Not the parser and not the user-facing object: text becomes a tree in :mod:`dlviz.expr`,
    whose :class:`~dlviz.expr.Expression` evaluates it on grids (broadcasting, inf/nan → nan)
    and builds its autodiff graph. Not symbolic: derivatives live in :mod:`dlviz.symbolic`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from dlviz.activations import sigmoid

VARIABLES = ("x", "y")
CONSTANTS = {"pi": np.pi, "e": np.e}
FUNCTIONS = ("sin", "cos", "tan", "exp", "log", "sqrt", "abs", "tanh", "sigmoid")


# ------------------------------------------------------------------------------ the tree
@dataclass(frozen=True)
class Num:
    value: float


@dataclass(frozen=True)
class Const:
    name: str  # "pi" | "e"


@dataclass(frozen=True)
class Var:
    name: str  # "x" | "y"


@dataclass(frozen=True)
class Neg:
    arg: Node


@dataclass(frozen=True)
class Bin:
    op: str  # one of "+-*/^"
    left: Node
    right: Node


@dataclass(frozen=True)
class Call:
    fn: str  # one of FUNCTIONS
    arg: Node


Node = Num | Const | Var | Neg | Bin | Call


# ------------------------------------------------------------------------------ values
_NUMPY_FUNCTIONS = {"sin": np.sin, "cos": np.cos, "tan": np.tan, "exp": np.exp, "log": np.log,
                    "sqrt": np.sqrt, "abs": np.abs, "tanh": np.tanh, "sigmoid": sigmoid}  # fmt: skip
_NUMPY_OPS = {"+": np.add, "-": np.subtract, "*": np.multiply, "/": np.divide, "^": np.power}


def numeric_value(node: Node, x: np.ndarray, y: np.ndarray, memo: dict) -> np.ndarray:
    """Value of ``node`` in float64 (call under ``np.errstate(all="ignore")``).

    ``x`` and ``y`` are the values of the variables (arrays broadcast elementwise); ``memo``
    maps each sub-tree already evaluated to its value, so a repeated sub-tree is computed once.
    """
    if node in memo:
        return memo[node]
    if isinstance(node, Num):
        value = np.float64(node.value)
    elif isinstance(node, Const):
        value = np.float64(CONSTANTS[node.name])
    elif isinstance(node, Var):
        value = x if node.name == "x" else y
    elif isinstance(node, Neg):
        value = np.negative(numeric_value(node.arg, x, y, memo))
    elif isinstance(node, Bin):
        left, right = numeric_value(node.left, x, y, memo), numeric_value(node.right, x, y, memo)
        value = _NUMPY_OPS[node.op](left, right)
    else:
        value = _NUMPY_FUNCTIONS[node.fn](numeric_value(node.arg, x, y, memo))
    memo[node] = value
    return value


def constant_value(node: Node) -> float:
    """The float64 value of a sub-tree without variables (inf/nan possible, never raises)."""
    with np.errstate(all="ignore"):
        return float(numeric_value(node, np.float64(np.nan), np.float64(np.nan), {}))


def variables_of(node: Node) -> frozenset[str]:
    """The variable names ("x", "y") that occur in ``node``."""
    if isinstance(node, Var):
        return frozenset((node.name,))
    if isinstance(node, Bin):
        return variables_of(node.left) | variables_of(node.right)
    if isinstance(node, (Neg, Call)):
        return variables_of(node.arg)
    return frozenset()


# ------------------------------------------------------------------------------ printers
_PRECEDENCE = {"+": 1, "-": 1, "*": 2, "/": 2, "neg": 3, "^": 4, "atom": 5}


def _precedence(node: Node) -> int:
    if isinstance(node, Bin):
        return _PRECEDENCE[node.op]
    return _PRECEDENCE["neg" if isinstance(node, Neg) else "atom"]


def _number_text(value: float) -> str:
    return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)


def _parenthesize(text: str, needs: bool, left: str = "(", right: str = ")") -> str:
    """Wrap ``text`` when precedence asks for it or when it starts with a sign."""
    return f"{left}{text}{right}" if needs or text.startswith("-") else text


def to_text(node: Node) -> str:
    """Canonical text with explicit ``*`` and minimal parentheses; parses back to ``node``."""
    if isinstance(node, Num):
        return _number_text(node.value)
    if isinstance(node, (Const, Var)):
        return node.name
    if isinstance(node, Call):
        return f"{node.fn}({to_text(node.arg)})"
    if isinstance(node, Neg):
        return "-" + _parenthesize(to_text(node.arg), _precedence(node.arg) <= _PRECEDENCE["neg"])
    p, left, right = _PRECEDENCE[node.op], node.left, node.right
    text_right = _parenthesize(to_text(right), _precedence(right) < p + (node.op != "^"))
    if node.op == "^":
        return f"{_parenthesize(to_text(left), _precedence(left) <= p)}^{text_right}"
    text_left = to_text(left)
    text_left = f"({text_left})" if _precedence(left) < p else text_left  # -x*y stays as is
    return f"{text_left} {node.op} {text_right}" if p == 1 else f"{text_left}{node.op}{text_right}"


_LATEX_FUNCTIONS = {"sin": r"\sin", "cos": r"\cos", "tan": r"\tan", "exp": r"\exp",
                    "log": r"\ln", "tanh": r"\tanh", "sigmoid": r"\sigma"}  # fmt: skip


def _number_latex(value: float) -> str:
    text = _number_text(value)
    if "e" not in text:
        return text
    mantissa, exponent = text.split("e")
    power = f"10^{{{int(exponent)}}}"
    return power if mantissa == "1.0" or mantissa == "1" else rf"{mantissa} \cdot {power}"


def to_latex(node: Node) -> str:
    """LaTeX with minimal parentheses by precedence (``x^{2} y + y``, ``\\frac{a}{b}``)."""

    def wrap(child: Node, needs: bool) -> str:
        return _parenthesize(to_latex(child), needs, r"\left(", r"\right)")

    if isinstance(node, Num):
        return _number_latex(node.value)
    if isinstance(node, Const):
        return r"\pi" if node.name == "pi" else "e"
    if isinstance(node, Var):
        return node.name
    if isinstance(node, Call):
        inner = to_latex(node.arg)
        if node.fn == "sqrt":
            return rf"\sqrt{{{inner}}}"
        if node.fn == "abs":
            return rf"\left|{inner}\right|"
        return rf"{_LATEX_FUNCTIONS[node.fn]}\left({inner}\right)"
    if isinstance(node, Neg):
        return "-" + wrap(node.arg, _precedence(node.arg) == 1)
    left, right = node.left, node.right
    if node.op == "/":
        return rf"\frac{{{to_latex(left)}}}{{{to_latex(right)}}}"
    if node.op == "^":
        needs = _precedence(left) <= _PRECEDENCE["^"] or (isinstance(left, Bin) and left.op == "/")
        return f"{wrap(left, needs)}^{{{to_latex(right)}}}"
    if node.op == "*":
        text_left = to_latex(left)
        text_left = rf"\left({text_left}\right)" if _precedence(left) == 1 else text_left
        text_right = wrap(right, _precedence(right) == 1)
        joint = r" \cdot " if text_right[0] in "0123456789" else " "  # 2 \cdot 3, but 2 x
        return text_left + joint + text_right
    return f"{to_latex(left)} {node.op} {wrap(right, node.op == '-' and _precedence(right) == 1)}"
