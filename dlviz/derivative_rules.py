"""The lecture's table of derivative rules, linked to the ops of :mod:`dlviz.autodiff` that use them.

What it is
    ``RULES``: sum, difference, product, quotient, reciprocal and chain rule (the slide's table,
    with the reciprocal rule corrected: the slide prints −[f'(x)]²/f(x)², the rule is
    −f'(x)/f(x)²), each with the engine ops whose backward rule is that derivative, and
    :func:`engine_rule` reading the backward rule of an op straight from the engine's source.
    :func:`rule_of` names the rule a backward step at a node uses; :func:`rules_markdown` draws
    the table with that rule marked.

What it is not
    Not a symbolic differentiator (that is :mod:`dlviz.symbolic`).
"""

from __future__ import annotations

import functools
import inspect
import re
from collections.abc import Mapping

from dlviz.autodiff import Tensor
from dlviz.autodiff_steps import GraphNode, Trace

# (rule, f as LaTeX, its derivative as LaTeX, the engine ops whose backward applies it)
RULES: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("sum", r"f(x) + g(x)", r"f'(x) + g'(x)", ("add",)),
    ("difference", r"f(x) - g(x)", r"f'(x) - g'(x)", ("sub", "neg")),
    ("product", r"f(x)\,g(x)", r"f'(x)\,g(x) + f(x)\,g'(x)", ("mul",)),
    ("quotient", r"f(x)/g(x)", r"\dfrac{g(x)\,f'(x) - f(x)\,g'(x)}{g(x)^2}", ("div",)),
    ("reciprocal", r"1/f(x)", r"-\dfrac{f'(x)}{f(x)^2}", ("div",)),
    ("chain", r"f(g(x))", r"f'(g(x))\,g'(x)",
     ("sin", "cos", "exp", "log", "tan", "sqrt", "abs", "tanh", "sigmoid", "pow")),
)  # fmt: skip
SLIDE_RECIPROCAL = r"-[f'(x)]^2/f(x)^2"  # as printed on the slide (a slip)
METHODS = {"add": "__add__", "sub": "__sub__", "mul": "__mul__", "div": "__truediv__",
           "neg": "__neg__", "pow": "__pow__"}  # fmt: skip


@functools.lru_cache(maxsize=32)
def engine_rule(op: str) -> str | None:
    """The backward rule of ``op`` as written in :mod:`dlviz.autodiff`, e.g. ``(g * b.data, g *
    a.data)`` for mul; None when the op spells it over several lines (pow, sqrt…)."""
    method = getattr(Tensor, METHODS.get(op, op), None)
    if method is None:
        return None
    found = re.search(r"lambda g: (\(.*\)),?\)?\s*(#.*)?$", inspect.getsource(method), re.M)
    if not found:
        return None
    text = found.group(1)
    depth, end = 0, len(text)
    for i, ch in enumerate(text):  # the lambda's tuple ends where its parenthesis closes
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth == 0:
            end = i + 1
            break
    return text[:end]


def rule_of(trace: Trace, node: GraphNode) -> str | None:
    """The rule the backward step at ``node`` uses (None for a leaf)."""
    if node.kind != "op":
        return None
    if node.op == "div":
        numerator = trace.nodes[node.parents[0]]
        return "reciprocal" if numerator.kind == "constant" else "quotient"
    for rule, _, _, ops in RULES:
        if node.op in ops:
            return rule
    return "chain"


def rules_markdown(names: Mapping[str, str], active: str | None = None) -> str:
    """The rules as a markdown table (LaTeX in $…$); the ``active`` rule's row is marked ▶.

    ``names`` holds the translated column titles ("rule", "function", "derivative", "ops",
    "engine") and rule names ("rule.sum", …).
    """
    head = [names[k] for k in ("rule", "function", "derivative", "ops", "engine")]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for rule, f, derivative, ops in RULES:
        mark = "▶ " if rule == active else ""
        shown = ops if rule != "chain" else ops[:4] + ("…",)
        code = engine_rule(ops[0])
        name = f"**{mark}{names['rule.' + rule]}**" if mark else names["rule." + rule]
        lines.append(f"| {name} | ${f}$ | ${derivative}$ | {', '.join(shown)} | `{code}` |")
    return "\n".join(lines)
