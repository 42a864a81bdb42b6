"""Step-through of the forward and backward passes: graph export, states, the engine's numbers."""

import numpy as np
import pytest

from dlviz import autodiff_steps as steps
from dlviz.autodiff import Tensor
from dlviz.expr import parse

FUNCTIONS = ("sin", "cos", "tanh", "exp", "sigmoid")


def random_formula(rng: np.random.Generator, depth: int = 4) -> str:
    """A random formula of the parser's grammar that is defined everywhere it is evaluated."""
    if depth == 0 or rng.random() < 0.25:
        return str(rng.choice(["x", "y", "x", "y", f"{rng.integers(1, 4)}", "0.5"]))
    kind = rng.integers(0, 6)
    a, b = random_formula(rng, depth - 1), random_formula(rng, depth - 1)
    if kind == 0:
        return f"{rng.choice(FUNCTIONS)}({a})"
    if kind == 1:
        return f"({a})^{rng.integers(2, 4)}"
    if kind == 2:
        return f"({a}) / (1 + ({b})^2)"
    return f"({a}) {rng.choice(['+', '-', '*'])} ({b})"


def test_lecture_graph_node_count_order_and_names():
    trace = steps.trace(parse("x^2 y + y"), 1.0, 1.0)
    assert [n.label for n in trace.nodes] == ["x", "2", "x^2", "y", "x^2*y", "x^2*y + y"]
    assert [n.name for n in trace.nodes] == ["x", "2", "v1", "y", "v2", "v3"]
    assert [n.kind for n in trace.nodes] == ["input", "constant", "op", "input", "op", "op"]
    for node in trace.nodes:  # topological: every parent before its child
        assert all(p < node.id for p in node.parents)
    assert trace.backward_order == (5, 4, 3, 2, 0)  # the constant 2 needs no adjoint
    assert trace.total_steps == 11
    assert trace.nodes[-1].value == 2.0
    assert (trace.adjoint_of("x"), trace.adjoint_of("y")) == (2.0, 2.0)  # ∇f(1,1) = (2, 2)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("sin(x) + sin(x)^2", 5),  # x, sin, 2, pow, add: sin(x) once
        ("x*x", 2),  # one x node, two edges
        ("(x + y) * (x + y)", 4),
        ("x y + x y + x y", 5),
        ("exp(x) / (1 + exp(x))", 5),
    ],
)
def test_shared_sub_expressions_are_one_node(text, count):
    trace = steps.trace(parse(text), 0.3, -0.7)
    assert len(trace.nodes) == count
    labels = [n.label for n in trace.nodes]
    assert len(labels) == len(set(labels))


def test_x_times_x_sends_two_contributions_along_two_edges():
    trace = steps.trace(parse("x*x"), 3.0, 0.0)
    assert trace.nodes[1].parents == (0, 0)
    rows = [r for r in trace.rows if r.parent == 0]
    assert [r.contribution for r in rows] == [3.0, 3.0]
    assert [r.accumulated for r in rows] == [3.0, 6.0]  # d(x²)/dx = 2x = 6
    assert trace.adjoint_of("x") == 6.0


def test_backward_rows_follow_the_chain_rule():
    trace = steps.trace(parse("x^2 y + y"), 1.0, 1.0)
    assert [(trace.nodes[r.node].name, trace.nodes[r.parent].name) for r in trace.rows] == [
        ("v3", "v2"), ("v3", "y"), ("v2", "v1"), ("v2", "y"), ("v1", "x")
    ]  # fmt: skip
    for row in trace.rows:
        assert row.contribution == pytest.approx(row.incoming * row.local)
    y_rows = [r for r in trace.rows if trace.nodes[r.parent].name == "y"]
    assert [r.accumulated for r in y_rows] == [1.0, 2.0]  # 1 from the sum + x² = 1 from the product
    assert trace.rows[-1].local_text == "∂v1/∂x = 2·x^(2-1)"


@pytest.mark.parametrize("seed", range(25))
def test_accumulated_adjoints_equal_the_engine_and_finite_differences(seed):
    rng = np.random.default_rng(seed)
    expr = parse(random_formula(rng))
    x, y = rng.uniform(-1.5, 1.5, size=2)
    trace = steps.trace(expr, x, y)
    gx, gy = expr.grad(np.float64(x), np.float64(y))
    assert trace.adjoint_of("x") == pytest.approx(float(gx), rel=1e-12, abs=1e-12)
    assert trace.adjoint_of("y") == pytest.approx(float(gy), rel=1e-12, abs=1e-12)
    final = steps.step_state(trace, trace.total_steps)
    for node in trace.nodes:  # the step-through's last adjoints are the engine's .grad
        if node.adjoint is not None:
            assert final.adjoints[node.id] == pytest.approx(node.adjoint, rel=1e-12, abs=1e-12)
    h = 1e-6
    fd = (expr(x + h, y) - expr(x - h, y)) / (2 * h), (expr(x, y + h) - expr(x, y - h)) / (2 * h)
    scale = 1 + abs(float(expr(x, y)))
    assert trace.adjoint_of("x") == pytest.approx(float(fd[0]), abs=1e-5 * scale)
    assert trace.adjoint_of("y") == pytest.approx(float(fd[1]), abs=1e-5 * scale)


def test_step_states_walk_forward_then_backward():
    trace = steps.trace(parse("x^2 y + y"), 1.0, 1.0)
    start = steps.step_state(trace, 0)
    assert (start.phase, start.current, start.values, start.adjoints) == ("start", None, set(), {})
    third = steps.step_state(trace, 3)
    assert (third.phase, third.current, third.values) == ("forward", 2, {0, 1, 2})
    last_forward = steps.step_state(trace, 6)
    assert last_forward.phase == "forward" and not last_forward.adjoints
    first_back = steps.step_state(trace, 7)
    assert (first_back.phase, first_back.current) == ("backward", 5)
    assert first_back.adjoints == {5: 1.0, 4: 1.0, 3: 1.0}  # seed, then both inputs of the sum
    assert first_back.finished == {5} and len(first_back.rows) == 2
    eighth = steps.step_state(trace, 8)
    assert eighth.adjoints[3] == 2.0 and 3 not in eighth.finished  # y complete only at step 9
    done = steps.step_state(trace, 11)
    assert (done.phase, done.current, done.finished) == ("done", 0, {0, 2, 3, 4, 5})
    assert steps.step_state(trace, 500) == done  # clamped
    assert steps.step_state(trace, -3) == start
    assert steps.final_state(trace).current is None


def test_tables_grow_with_the_steps():
    trace = steps.trace(parse("x^2 y + y"), 1.0, 1.0)
    sizes = [
        (len(steps.forward_table(trace, s)), len(steps.backward_table(trace, s)))
        for s in (steps.step_state(trace, k) for k in range(12))
    ]
    assert sizes == [(0, 0), (1, 0), (2, 0), (3, 0), (4, 0), (5, 0), (6, 0), (6, 2), (6, 4),
                     (6, 4), (6, 5), (6, 5)]  # fmt: skip
    table = steps.forward_table(trace, steps.step_state(trace, 6))
    assert list(table["computation"]) == ["x", "2", "v1 = x^2", "y", "v2 = v1·y", "v3 = v2 + y"]


def test_summary_describes_each_phase():
    trace = steps.trace(parse("x^2 y + y"), 1.0, 1.0)
    info = steps.step_summary(trace, steps.step_state(trace, 8))
    assert info["node"] == "v2" and info["adjoint"] == "1"
    assert info["sent"] == "v1: 1 × 1 = 1; y: 1 × 1 = 1"
    done = steps.step_summary(trace, steps.step_state(trace, 11))
    assert (done["gx"], done["gy"], done["f"]) == ("2", "2", "2")


def test_constant_and_one_variable_formulas():
    constant = steps.trace(parse("2 + 3"), 1.0, 1.0)
    assert constant.backward_order == () and constant.total_steps == len(constant.nodes)
    assert steps.step_state(constant, constant.total_steps).phase == "done"
    only_x = steps.trace(parse("sin(x)"), 0.0, 5.0)
    assert only_x.adjoint_of("x") == 1.0 and only_x.adjoint_of("y") == 0.0


def test_undefined_point_flows_as_nan_without_warnings():
    trace = steps.trace(parse("log(x) + y"), -1.0, 1.0)
    assert np.isnan(trace.nodes[-1].value) and trace.adjoint_of("x") == -1.0  # 1/x
    assert trace.adjoint_of("y") == 1.0


def test_backward_twice_recomputes_by_default_and_doubles_when_accumulating():
    table = steps.backward_twice(parse("x^2 y + y"), 1.0, 1.0, 3)
    assert list(table["call"]) == ["1", "2", "3", "zero_grad(); backward()"]
    # issue 14: the last row was nan (None) under dlviz's rule; it is what the engine gives
    assert list(table["default_x"]) == [2.0, 2.0, 2.0, 2.0]
    assert list(table["default_y"]) == [2.0, 2.0, 2.0, 2.0]
    assert not table.isna().any().any()
    assert list(table["accumulate_x"]) == [2.0, 4.0, 6.0, 2.0]
    assert list(table["accumulate_y"]) == [2.0, 4.0, 6.0, 2.0]
    assert steps.backward_twice(parse("7"), 1.0, 1.0, 2).empty


def test_tables_and_step_texts_never_show_minus_zero():
    # f = −x·y at y = 0: ∂f/∂x = −y = −0.0 in IEEE arithmetic; shown as 0 everywhere
    expr = parse("-x y")
    twice = steps.backward_twice(expr, 1.0, 0.0, 2)
    assert all(np.copysign(1.0, v) == 1.0 for v in twice["default_x"])
    trace = steps.trace(expr, 1.0, 0.0)
    done = steps.step_state(trace, trace.total_steps)
    table = steps.backward_table(trace, done)
    numbers = table[["local", "incoming", "contribution", "accumulated"]].to_numpy().ravel()
    assert all(np.copysign(1.0, v) == 1.0 for v in numbers if v == 0)
    assert "-0" not in str(steps.step_summary(trace, done)).replace("-0.", "")


def test_tensor_parents_and_local_gradients_read_the_engine_rules():
    a, b = Tensor(3.0, requires_grad=True), Tensor(4.0, requires_grad=True)
    product = a * b
    assert product.parents == (a, b)
    assert [float(d) for d in product.local_gradients()] == [4.0, 3.0]  # ∂(ab)/∂a = b
    assert [float(d) for d in product.local_gradients(2.0)] == [8.0, 6.0]
    assert a.grad is None  # reading the rule changes no gradient
    quotient = 1.0 / b
    assert float(quotient.local_gradients()[1]) == pytest.approx(-1 / 16)  # -1/b²
    assert (a**2).local_gradients()[1] is None  # a constant exponent needs no gradient
    assert a.local_gradients() == ()
