"""The safe parser for the functions of x and y that students type, e.g. ``x^2 y + y``.

What it is
    A hand-written tokenizer and recursive-descent parser that turns text into the syntax tree
    of :mod:`dlviz.exprtree` (:class:`Num`, :class:`Const`, :class:`Var`, :class:`Neg`,
    :class:`Bin`, :class:`Call`), wrapped in an :class:`Expression` that evaluates it on numpy
    grids, builds its :mod:`dlviz.autodiff` graph (for the gradient and the graph drawing) and
    prints it as text or LaTeX. The tree's names (``Bin``, ``to_latex``, …) are re-exported
    here, so ``from dlviz.expr import Bin`` keeps working.

What it is not
    Not Python: the text is never executed, compiled or handed to sympy; only the grammar below
    is understood. Not a CAS: symbolic derivatives live in :mod:`dlviz.symbolic`.

Grammar (whitespace ignored)
    ::

        expr    := term (("+" | "-") term)*
        term    := unary (("*" | "/") unary | power)*     # a juxtaposed power: 2x, x(y+1)
        unary   := ("+" | "-") unary | power               # -x^2 = -(x^2)
        power   := primary (("^" | "**") unary)?           # right-associative: 2^3^2 = 2^9
        primary := number | "pi" | "e" | "x" | "y" | "(" expr ")" | function "(" expr ")"

    A run of letters that is not a known name is split into known names, longest first
    (``xy`` = x·y, ``pix`` = pi·x, ``xsin(y)`` = x·sin(y)). Numbers: ``1 1.5 .5 2. 1e-3``;
    ``2e`` is 2·e. Functions: sin cos tan exp log (natural) sqrt abs tanh sigmoid.

Bounds
    At most ``MAX_LENGTH`` characters, ``MAX_TOKENS`` tokens and ``MAX_DEPTH`` nesting levels
    (parentheses, function calls, signs and exponents each add one), so no input can hang,
    recurse deeply or eat memory. Evaluation is float64 only: ``9^9^9^9^9`` is inf, then nan.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from dlviz.exprtree import (
    CONSTANTS,
    FUNCTIONS,
    VARIABLES,
    Bin,
    Call,
    Const,
    Neg,
    Node,
    Num,
    Var,
    constant_value,
    numeric_value,
    to_latex,
    to_text,
    variables_of,
)

if TYPE_CHECKING:
    from dlviz.autodiff import Tensor

__all__ = ["CONSTANTS", "FUNCTIONS", "VARIABLES", "Bin", "Call", "Const", "Neg", "Node", "Num",
           "Var", "constant_value", "to_latex", "to_text", "variables_of",  # from dlviz.exprtree
           "ENGLISH", "MAX_DEPTH", "MAX_LENGTH", "MAX_TOKENS", "ExprError", "Expression", "parse"]  # fmt: skip

MAX_LENGTH = 300
MAX_TOKENS = 200
MAX_DEPTH = 40

_NAMES = sorted((*VARIABLES, *CONSTANTS, *FUNCTIONS), key=len, reverse=True)  # longest first
_DIGITS = "0123456789"
_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_ALIASES = {"−": "-", "·": "*", "×": "*", "π": "pi"}  # friendly unicode a student may paste


# What each refusal says in English (``str(error)``, for logs and tests); a page shows the
# ``expr.<code>`` text of its language, with ``details`` (``text``/``name`` are what the student
# typed: show them quoted).
ENGLISH = {
    "malformed_number": "malformed number '{text}' at column {column}",
    "number_too_large": "number '{text}' at column {column} is too large",
    "unknown_name": "unknown name '{name}' at column {column} (known: {known})",
    "unexpected_character": "unexpected character '{text}' at column {column}",
    "invisible_character": "unexpected character {point} at column {column}",
    "too_many_symbols": "formula too long (more than {maximum} symbols)",
    "too_deep": "nesting too deep (at most {maximum} levels)",
    "missing_operand": "missing operand after '{text}' at column {column}",
    "unexpected_number": "unexpected number '{text}' at column {column} (use * to multiply)",
    "unexpected": "unexpected '{text}' at column {column}",
    "needs_parentheses": (
        "function '{name}' at column {column} needs parentheses: write {name}(...)"
    ),
    "empty_parentheses": "empty parentheses at column {column}",
    "missing_closing": "missing ')' for '(' at column {column}",
    "too_long": "formula too long ({length} characters, at most {maximum})",
    "empty": "empty formula",
    "not_text": "a formula must be text, not {kind}",
}


class ExprError(ValueError):
    """A formula that cannot be parsed. ``code`` names the problem (a key of ``ENGLISH``),
    ``details`` fill its message; ``column`` is 1-based (None when it is not one place)."""

    def __init__(self, code: str, column: int | None = None, **details: object) -> None:
        self.code, self.column = code, column
        self.details = {"column": column, **details}
        super().__init__(ENGLISH[code].format(**self.details))


# ------------------------------------------------------------------------------ tokenizer
@dataclass(frozen=True)
class _Token:
    kind: str  # "num" | "name" | "op" (text in "+-*/^") | "(" | ")" | "end"
    text: str
    column: int
    value: float = 0.0
    typed: str = ""  # what the student wrote, when it differs ("**" for "^", "−" for "-")

    @property
    def shown(self) -> str:
        return self.typed or self.text


def _split_letters(run: str) -> list[str] | None:
    """Split a run of letters into known names, longest name first; None if impossible.

    Dynamic programming from the end (no recursion): ``first[i]`` is the name that starts a
    valid split of ``run[i:]``, so "exp" stays exp while "ex" becomes e·x.
    """
    first: list[str | None] = [None] * len(run) + [""]
    for i in range(len(run) - 1, -1, -1):
        first[i] = next(
            (n for n in _NAMES if run.startswith(n, i) and first[i + len(n)] is not None), None
        )
    if first[0] is None:
        return None
    names, i = [], 0
    while i < len(run):
        names.append(first[i])
        i += len(first[i])
    return names


def _scan_number(text: str, i: int) -> tuple[_Token, int]:
    """Read ``1``, ``1.5``, ``.5``, ``2.``, ``1e-3`` starting at ``i``."""
    n, j = len(text), i
    while j < n and text[j] in _DIGITS:
        j += 1
    if j < n and text[j] == ".":
        j += 1
        while j < n and text[j] in _DIGITS:
            j += 1
    if j < n and text[j] in "eE":  # an exponent only if digits follow: "2e" is 2·e
        k = j + 1 + (j + 1 < n and text[j + 1] in "+-")
        if k < n and text[k] in _DIGITS:
            while k < n and text[k] in _DIGITS:
                k += 1
            j = k
    if j < n and text[j] in "." + _DIGITS:
        k = j
        while k < n and text[k] in "." + _DIGITS:
            k += 1
        raise ExprError("malformed_number", i + 1, text=text[i:k])
    value = float(text[i:j])  # only digits, '.', 'e' and a sign reach float()
    if not np.isfinite(value):
        raise ExprError("number_too_large", i + 1, text=text[i:j])
    return _Token("num", text[i:j], i + 1, value), j


def _tokenize(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    i, n = 0, len(text)
    while i < n:
        ch, col = _ALIASES.get(text[i], text[i]), i + 1
        if ch.isspace():
            i += 1
        elif ch in _DIGITS or (ch == "." and i + 1 < n and text[i + 1] in _DIGITS):
            token, i = _scan_number(text, i)
            tokens.append(token)
        elif ch == "pi":  # the letter π
            tokens.append(_Token("name", "pi", col, typed="π"))
            i += 1
        elif ch in _LETTERS:
            j = i + 1
            while j < n and text[j] in _LETTERS:
                j += 1
            run = text[i:j]
            names = _split_letters(run)
            if names is None:
                known = ", ".join((*VARIABLES, *CONSTANTS, *FUNCTIONS))
                raise ExprError("unknown_name", col, name=run, known=known)
            for name in names:  # columns of the pieces of "2xy" stay exact
                tokens.append(_Token("name", name, col))
                col += len(name)
            i = j
        elif text[i : i + 2] == "**":
            tokens.append(_Token("op", "^", col, typed="**"))
            i += 2
        elif ch in "+-*/^":
            tokens.append(_Token("op", ch, col, typed=text[i] if text[i] != ch else ""))
            i += 1
        elif ch in "()":
            tokens.append(_Token(ch, ch, col))
            i += 1
        else:
            if ch.isprintable():
                raise ExprError("unexpected_character", col, text=ch)
            raise ExprError("invisible_character", col, point=f"U+{ord(ch):04X}")
        if len(tokens) > MAX_TOKENS:
            raise ExprError("too_many_symbols", maximum=MAX_TOKENS)
    tokens.append(_Token("end", "", n + 1))
    return tokens


# ------------------------------------------------------------------------------ parser
class _Parser:
    """Recursive descent over the token list; ``depth`` bounds the recursion (MAX_DEPTH)."""

    def __init__(self, tokens: list[_Token]) -> None:
        self.tokens, self.pos, self.depth = tokens, 0, 0

    def peek(self) -> _Token:
        return self.tokens[self.pos]

    def take(self) -> _Token:  # never called on "end"
        self.pos += 1
        return self.tokens[self.pos - 1]

    def is_op(self, ops: str) -> bool:
        token = self.peek()
        return token.kind == "op" and token.text in ops

    def nested(self, token: _Token, rule: Callable[[], Node]) -> Node:
        """Parse ``rule`` one nesting level deeper (a parenthesis, sign or exponent)."""
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExprError("too_deep", token.column, maximum=MAX_DEPTH)
        node = rule()
        self.depth -= 1
        return node

    def unexpected(self, token: _Token) -> ExprError:
        if token.kind == "end":
            before = self.tokens[self.pos - 1]
            return ExprError("missing_operand", before.column, text=before.shown)
        if token.kind == "num":
            return ExprError("unexpected_number", token.column, text=token.text)
        return ExprError("unexpected", token.column, text=token.shown)

    def formula(self) -> Node:
        node = self.expr()
        if self.peek().kind != "end":
            raise self.unexpected(self.peek())
        return node

    def expr(self) -> Node:
        node = self.term()
        while self.is_op("+-"):
            op = self.take().text
            node = Bin(op, node, self.term())
        return node

    def term(self) -> Node:
        node = self.unary()
        while True:
            if self.is_op("*/"):
                op = self.take().text
                node = Bin(op, node, self.unary())
            elif self.peek().kind in ("name", "("):  # implicit multiplication: 2x, x(y+1)
                node = Bin("*", node, self.power())
            else:
                return node

    def unary(self) -> Node:
        if self.is_op("+-"):
            token = self.take()
            arg = self.nested(token, self.unary)
            return Neg(arg) if token.text == "-" else arg
        return self.power()

    def power(self) -> Node:
        base = self.primary()
        if self.is_op("^"):
            token = self.take()
            return Bin("^", base, self.nested(token, self.unary))
        return base

    def primary(self) -> Node:
        token = self.peek()
        if token.kind == "num":
            return Num(self.take().value)
        if token.kind == "name" and token.text in VARIABLES:
            return Var(self.take().text)
        if token.kind == "name" and token.text in CONSTANTS:
            return Const(self.take().text)
        if token.kind == "name":  # a function: parentheses are required
            self.take()
            if self.peek().kind != "(":
                raise ExprError("needs_parentheses", token.column, name=token.text)
            return Call(token.text, self.group(self.take()))
        if token.kind == "(":
            return self.group(self.take())
        if token.kind == ")" and self.pos > 0 and self.tokens[self.pos - 1].kind == "(":
            column = self.tokens[self.pos - 1].column
            raise ExprError("empty_parentheses", column)
        raise self.unexpected(token)

    def group(self, opening: _Token) -> Node:
        """The inside of a parenthesis that ``opening`` opened, and its ')'."""
        node = self.nested(opening, self.expr)
        closing = self.peek()
        if closing.kind == ")":
            self.take()
            return node
        if closing.kind == "end":
            raise ExprError("missing_closing", opening.column)
        raise self.unexpected(closing)


# ------------------------------------------------------------------------------ numerics
_OPERATORS = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv,
              "^": operator.pow}  # fmt: skip


def _masked(value: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    """A float64 copy of ``value`` broadcast to ``shape`` with inf/nan replaced by nan."""
    out = np.array(np.broadcast_to(value, shape), dtype=np.float64)
    out[~np.isfinite(out)] = np.nan
    return out


# ------------------------------------------------------------------------------ Expression
class Expression:
    """A parsed formula f(x, y): call it on arrays, differentiate it, print it.

    Attributes
    ----------
    text : str
        The text as typed.
    tree : Node
        Root of the syntax tree.
    variables : frozenset of str
        The variables ("x", "y") that occur in the formula.
    """

    __slots__ = ("text", "tree", "variables")

    def __init__(self, text: str, tree: Node) -> None:
        self.text, self.tree, self.variables = text, tree, variables_of(tree)

    def __repr__(self) -> str:
        return f"Expression({self.text!r})"

    def __str__(self) -> str:
        return to_text(self.tree)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Expression) and self.tree == other.tree

    def __hash__(self) -> int:
        return hash(self.tree)

    def latex(self) -> str:
        """LaTeX of f itself, e.g. ``x^{2} y + y``."""
        return to_latex(self.tree)

    def __call__(self, x, y) -> np.ndarray:
        """f(x, y) elementwise, float64 of the broadcast shape of x and y; inf/nan become nan."""
        x, y = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
        shape = np.broadcast_shapes(x.shape, y.shape)
        with np.errstate(all="ignore"):
            return _masked(numeric_value(self.tree, x, y, {}), shape)

    def grad(self, x, y) -> tuple[np.ndarray, np.ndarray]:
        """(∂f/∂x, ∂f/∂y) at every point, by one reverse-mode pass of :mod:`dlviz.autodiff`.

        Both arrays have the broadcast shape of x and y; they are nan wherever f or the
        derivative is not finite, and zeros for a variable that does not occur.
        """
        from dlviz.autodiff import Tensor

        x, y = np.broadcast_arrays(np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64))
        shape = x.shape
        if not self.variables:
            return np.zeros(shape), np.zeros(shape)
        x_t = Tensor(x, requires_grad=True, label="x")
        y_t = Tensor(y, requires_grad=True, label="y")
        with np.errstate(all="ignore"):
            out = self.to_tensor(x_t, y_t)
            out.backward()  # seed = ones: per-point gradients of an elementwise graph
        undefined = ~np.isfinite(np.broadcast_to(out.data, shape))
        grads = []
        for t in (x_t, y_t):
            g = _masked(np.zeros(shape) if t.grad is None else t.grad, shape)
            g[undefined] = np.nan  # no slope where f itself is undefined
            grads.append(g)
        return grads[0], grads[1]

    def to_tensor(self, x_tensor: Tensor, y_tensor: Tensor) -> Tensor:
        """Build f's autodiff graph on the given input tensors and return the output tensor.

        Structurally identical sub-trees become ONE node (``sin(x) + sin(x)^2`` has one sin);
        a sub-tree without variables becomes one constant leaf. Each node is labelled with the
        text of its sub-expression (shortened past 32 characters).
        """
        from dlviz import autodiff

        for tensor, name in ((x_tensor, "x"), (y_tensor, "y")):
            tensor.label = tensor.label or name
        memo: dict[Node, Tensor] = {Var("x"): x_tensor, Var("y"): y_tensor}

        def build(node: Node) -> Tensor:
            if node in memo:
                return memo[node]
            if not variables_of(node):
                tensor = autodiff.Tensor(constant_value(node))
            elif isinstance(node, Neg):
                tensor = -build(node.arg)
            elif isinstance(node, Bin):
                tensor = _OPERATORS[node.op](build(node.left), build(node.right))
            else:
                tensor = getattr(autodiff, node.fn)(build(node.arg))
            label = to_text(node)
            tensor.label = label if len(label) <= 32 else label[:31] + "…"
            memo[node] = tensor
            return tensor

        out = build(self.tree)
        if not self.variables:  # a constant formula still fills the grid
            shape = np.broadcast_shapes(x_tensor.data.shape, y_tensor.data.shape)
            out = autodiff.Tensor(np.full(shape, out.data), label=out.label)
        return out


@functools.lru_cache(maxsize=256)
def _parse_cached(text: str) -> Expression:
    if len(text) > MAX_LENGTH:  # first, before any work proportional to the length
        raise ExprError("too_long", length=len(text), maximum=MAX_LENGTH)
    tokens = _tokenize(text)
    if len(tokens) == 1:
        raise ExprError("empty")
    return Expression(text, _Parser(tokens).formula())


def parse(text: str) -> Expression:
    """Parse a formula in x and y (see the module docstring); raises :class:`ExprError`."""
    if not isinstance(text, str):
        raise ExprError("not_text", kind=type(text).__name__)
    if len(text) > MAX_LENGTH:  # do not even hash a huge string into the cache
        raise ExprError("too_long", length=len(text), maximum=MAX_LENGTH)
    return _parse_cached(text)
