"""The lecture's derivative rules, linked to the engine ops that apply them."""

import numpy as np
import pytest

from dlviz import autodiff_steps as steps
from dlviz import derivative_rules as rules
from dlviz.autodiff import Tensor
from dlviz.expr import parse


def test_engine_rules_are_read_from_the_source():
    assert rules.engine_rule("add") == "(g, g)"
    assert rules.engine_rule("sub") == "(g, -g)"
    assert rules.engine_rule("mul") == "(g * b.data, g * a.data)"
    assert rules.engine_rule("div") == "(g / b.data, -g * a.data / b.data**2)"
    assert rules.engine_rule("exp") == "(g * y,)"
    assert rules.engine_rule("pow") is None and rules.engine_rule("nonsense") is None


def test_reciprocal_rule_is_the_corrected_one():
    f = Tensor(3.0, requires_grad=True)
    f_of = f * f  # f(t) = t², f' = 2t = 6, f = 9
    (1.0 / f_of).backward()
    assert float(f.grad) == pytest.approx(-6 / 81)  # -f'/f², as the page says
    assert float(f.grad) != pytest.approx(-(6**2) / 81)  # not the slide's -[f']²/f²


@pytest.mark.parametrize(
    ("text", "rule"),
    [("x + y", "sum"), ("x - y", "difference"), ("-x", "difference"), ("x y", "product"),
     ("x / y", "quotient"), ("1 / y", "reciprocal"), ("sin(x)", "chain"), ("x^3", "chain")],
)  # fmt: skip
def test_rule_of_each_op(text, rule):
    trace = steps.trace(parse(text), 1.0, 2.0)
    assert rules.rule_of(trace, trace.nodes[-1]) == rule
    assert rules.rule_of(trace, trace.nodes[0]) is None


def test_markdown_table_marks_the_active_rule():
    names = {k: k.upper() for k in ("rule", "function", "derivative", "ops", "engine")}
    names |= {f"rule.{r[0]}": r[0].title() for r in rules.RULES}
    table = rules.rules_markdown(names, "product")
    lines = table.splitlines()
    assert lines[0] == "| RULE | FUNCTION | DERIVATIVE | OPS | ENGINE |" and len(lines) == 8
    assert "**▶ Product**" in table and table.count("▶") == 1
    assert r"$-\dfrac{f'(x)}{f(x)^2}$" in table
    assert "▶" not in rules.rules_markdown(names, None)


def test_each_rule_holds_numerically():
    f, g, df, dg = np.sin, np.exp, np.cos, np.exp
    x, h = 0.4, 1e-6

    def num(fn):
        return (fn(x + h) - fn(x - h)) / (2 * h)

    assert num(lambda t: f(t) * g(t)) == pytest.approx(df(x) * g(x) + f(x) * dg(x), rel=1e-8)
    assert num(lambda t: f(t) / g(t)) == pytest.approx(
        (g(x) * df(x) - f(x) * dg(x)) / g(x) ** 2, rel=1e-8
    )
    assert num(lambda t: 1 / f(t)) == pytest.approx(-df(x) / f(x) ** 2, rel=1e-8)
    assert num(lambda t: f(g(t))) == pytest.approx(df(g(x)) * dg(x), rel=1e-8)
