"""The forward and backward passes of a computational graph, one node at a time.

What it is
    :func:`trace` builds the :mod:`dlviz.autodiff` graph of a formula at one point (0-d tensors,
    shared sub-expressions once) and records, with the engine's own backward rules
    (:meth:`~dlviz.autodiff.Tensor.local_gradients`), what each step of reverse-mode autodiff
    does: the forward pass evaluates the nodes in topological order; the backward pass visits
    them in reverse, and each visited node v sends along every edge p → v the contribution
    v̄ · ∂v/∂p, which is added into p̄ (the adjoint ∂f/∂p). :func:`step_state` says what is
    known after step k; :func:`backward_twice` shows what a second ``backward()`` does to
    ``.grad``.

What it is not
    Not a second engine: every number comes from :mod:`dlviz.autodiff` (the tests check that the
    accumulated adjoints equal the engine's ``.grad``). Scalars only (one point, not a grid).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import pandas as pd

from dlviz.autodiff import Tensor
from dlviz.expr import Expression

# ∂out/∂(argument i) as text; {a}, {b} are the arguments' names, {out} the node's own name.
POINT_RANGE = 6.0  # the page's point (x, y) lies in [−POINT_RANGE, POINT_RANGE]²
LOCAL_TEXT = {
    "add": ("1", "1"),
    "sub": ("1", "-1"),
    "mul": ("{b}", "{a}"),
    "div": ("1/{b}", "-{a}/{b}^2"),
    "pow": ("{b}·{a}^({b}-1)", "{out}·ln({a})"),
    "neg": ("-1",),
    "exp": ("exp({a})",),
    "log": ("1/{a}",),
    "sin": ("cos({a})",),
    "cos": ("-sin({a})",),
    "tan": ("1 + tan({a})^2",),
    "sqrt": ("1/(2·sqrt({a}))",),
    "abs": ("sign({a})",),
    "tanh": ("1 - tanh({a})^2",),
    "sigmoid": ("σ({a})·(1 - σ({a}))",),
    "logsumexp": ("softmax({a})",),
}
# How the forward step computes a node from its arguments.
FORWARD_TEXT = {"add": "{a} + {b}", "sub": "{a} - {b}", "mul": "{a}·{b}", "div": "{a}/{b}",
                "pow": "{a}^{b}", "neg": "-{a}"}  # fmt: skip


@dataclass(frozen=True)
class GraphNode:
    """One node of the graph at the point: ``kind`` is "input", "constant" or "op"."""

    id: int
    name: str
    op: str
    label: str
    kind: str
    parents: tuple[int, ...]
    value: float
    adjoint: float | None  # ∂f/∂node after the full backward pass; None for constants
    local: tuple[float | None, ...]  # ∂node/∂parent_i, from the engine's backward rule


@dataclass(frozen=True)
class BackwardRow:
    """The backward step ``step`` at node ``node`` sends a contribution to ``parent``."""

    step: int
    node: int
    parent: int
    local: float
    local_text: str
    incoming: float
    contribution: float
    accumulated: float


@dataclass(frozen=True)
class Trace:
    """The graph at one point and every step of its forward and backward pass.

    Node ids are the topological order (inputs first, output last), which is also the forward
    pass; ``backward_order`` is the reverse, keeping the nodes that need a gradient.
    """

    nodes: tuple[GraphNode, ...]
    backward_order: tuple[int, ...]
    rows: tuple[BackwardRow, ...]
    symbol: str  # the output's name in ∂f/∂v ("f", or "L")

    @property
    def output(self) -> int:
        return len(self.nodes) - 1

    @property
    def forward_steps(self) -> int:
        return len(self.nodes)

    @property
    def total_steps(self) -> int:
        return len(self.nodes) + len(self.backward_order)

    def adjoint_of(self, label: str) -> float:
        """∂f/∂(the node labelled ``label``), 0 if no node has it (the variable is absent)."""
        found = [n.adjoint for n in self.nodes if n.label == label and n.adjoint is not None]
        return found[0] if found else 0.0


def _fmt(value: float) -> str:
    return f"{value + 0.0:.6g}"  # + 0.0: a zero reads 0, never "-0" (IEEE's −0.0 + 0.0 = 0.0)


def trace_tensor(out: Tensor, symbol: str = "f", number_ops: bool = True) -> Trace:
    """Record the forward and backward passes of the scalar graph that ends at ``out``.

    ``number_ops`` names op nodes v1, v2, … in topological order (leaves keep their label);
    otherwise every node is named by its label. Runs ``out.backward()`` when it needs grad.
    """
    order = out.topological_order()
    index = {id(t): i for i, t in enumerate(order)}
    if out.requires_grad:
        out.backward()
    names, count = [], 0
    for t in order:
        if t.parents and (number_ops or not t.label):
            count += 1
            names.append(f"v{count}")
        else:
            names.append(t.label or _fmt(float(t.data)))
    nodes = []
    for i, t in enumerate(order):
        kind = "op" if t.parents else ("input" if t.requires_grad else "constant")
        local = tuple(None if d is None else float(d) for d in t.local_gradients())
        grad = float(t.grad) if t.requires_grad and t.grad is not None else None
        parents = tuple(index[id(p)] for p in t.parents)
        nodes.append(
            GraphNode(i, names[i], t.op, t.label, kind, parents, float(t.data), grad, local)
        )
    backward_order = tuple(i for i in reversed(range(len(order))) if order[i].requires_grad)
    rows, adjoint = [], dict.fromkeys(backward_order, 0.0)
    if backward_order:
        adjoint[backward_order[0]] = 1.0  # the seed ∂f/∂f = 1
    for step, i in enumerate(backward_order, start=len(order) + 1):
        node = nodes[i]
        sent = order[i].local_gradients(adjoint[i])  # the engine's rule with the real adjoint
        for slot, (p, contribution) in enumerate(zip(node.parents, sent, strict=True)):
            if p not in adjoint or contribution is None:
                continue  # a constant needs no gradient
            adjoint[p] += float(contribution)
            text = _local_text(nodes, node, slot)
            rows.append(BackwardRow(step, i, p, node.local[slot], text, adjoint[i],
                                    float(contribution), adjoint[p]))  # fmt: skip
    return Trace(tuple(nodes), backward_order, tuple(rows), symbol)


def _local_text(nodes: tuple[GraphNode, ...] | list[GraphNode], node: GraphNode, slot: int) -> str:
    names = [nodes[p].name for p in node.parents]
    a, b = (names + [""])[:2]
    forms = LOCAL_TEXT.get(node.op, ("?",) * len(names))
    return f"∂{node.name}/∂{names[slot]} = " + forms[slot].format(a=a, b=b, out=node.name)


def trace(expr: Expression, x: float, y: float) -> Trace:
    """The step-by-step record of f(x, y) at one point (see :func:`trace_tensor`)."""
    x_t = Tensor(x, requires_grad=True, label="x")
    y_t = Tensor(y, requires_grad=True, label="y")
    return trace_tensor(expr.to_tensor(x_t, y_t), "f")


def forward_text(trace: Trace, node: GraphNode) -> str:
    """``v2 = v1·y`` for an op (the function form for sin, exp, …); the bare name for a leaf."""
    names = [trace.nodes[p].name for p in node.parents]
    if node.kind != "op":
        return node.name
    a, b = (names + [""])[:2]
    rhs = FORWARD_TEXT.get(node.op, f"{node.op}({{a}})").format(a=a, b=b)
    return f"{node.name} = {rhs}"


@dataclass(frozen=True)
class StepState:
    """What is known after ``step`` steps (0 = nothing computed yet).

    ``phase`` is "start", "forward", "backward" or "done"; ``current`` the node of this step;
    ``values`` the node ids whose value is known; ``adjoints`` the adjoint accumulated so far per
    node; ``finished`` the nodes whose adjoint is complete; ``rows`` the backward rows so far.
    """

    step: int
    phase: str
    current: int | None
    values: frozenset[int]
    adjoints: dict[int, float]
    finished: frozenset[int]
    rows: tuple[BackwardRow, ...]


def step_state(trace: Trace, step: int) -> StepState:
    """The state after ``step`` steps; ``step`` is clamped to [0, total_steps]."""
    step = min(max(int(step), 0), trace.total_steps)
    n = trace.forward_steps
    visited = trace.backward_order[: max(step - n, 0)]
    rows = tuple(r for r in trace.rows if r.step <= step)
    adjoints: dict[int, float] = {}
    if visited:
        adjoints[trace.output] = 1.0
        for row in rows:
            adjoints[row.parent] = row.accumulated
    if step == 0:
        phase, current = "start", None
    elif step == trace.total_steps:
        phase, current = "done", (visited[-1] if visited else step - 1)
    elif step <= n:
        phase, current = "forward", step - 1
    else:
        phase, current = "backward", visited[-1]
    return StepState(step, phase, current, frozenset(range(min(step, n))), adjoints,
                     frozenset(visited), rows)  # fmt: skip


def final_state(trace: Trace) -> StepState:
    """Both passes finished, no node highlighted (for a graph drawn whole)."""
    return dataclasses.replace(step_state(trace, trace.total_steps), current=None)


def forward_table(trace: Trace, state: StepState) -> pd.DataFrame:
    """One row per node evaluated so far: node, its sub-expression, computation, value."""
    rows = [
        {
            "node": n.name,
            "expression": (n.label or n.name).replace("*", "·"),
            "computation": forward_text(trace, n),
            "value": n.value + 0.0,  # + 0.0: never "-0"
        }  # fmt: skip
        for n in trace.nodes
        if n.id in state.values
    ]
    return pd.DataFrame(rows, columns=["node", "expression", "computation", "value"])


def backward_table(trace: Trace, state: StepState) -> pd.DataFrame:
    """One row per edge used by the backward pass so far (the chain rule, term by term)."""
    rows = [
        {
            "edge": f"{trace.nodes[r.node].name} → {trace.nodes[r.parent].name}",
            "local_derivative": r.local_text,
            "local": r.local + 0.0,  # + 0.0: never "-0"
            "incoming": r.incoming + 0.0,
            "contribution": r.contribution + 0.0,
            "accumulated": r.accumulated + 0.0,
        }  # fmt: skip
        for r in state.rows
    ]
    columns = ["edge", "local_derivative", "local", "incoming", "contribution", "accumulated"]
    return pd.DataFrame(rows, columns=columns)


def backward_twice(expr: Expression, x: float, y: float, calls: int) -> pd.DataFrame:
    """``.grad`` of x and y after each of ``calls`` backward() calls on the same graph.

    Columns: call, then (x, y) gradients with dlviz's default rule (recomputed: the same every
    time) and with ``accumulate=True`` (PyTorch: added up, so call k gives k times ∇f); a last
    row shows ``zero_grad()`` followed by one more ``backward()`` under each rule (both give
    ∇f: every cell is a number the engine left in ``.grad``). Empty for a constant formula
    (nothing requires grad).
    """
    runs = {}
    for accumulate in (False, True):
        x_t = Tensor(x, requires_grad=True, label="x")
        y_t = Tensor(y, requires_grad=True, label="y")
        out = expr.to_tensor(x_t, y_t)
        if not out.requires_grad:
            return pd.DataFrame()
        grads = []
        for _ in range(calls):
            out.backward(accumulate=accumulate)
            grads.append([_leaf_grad(x_t), _leaf_grad(y_t)])
        x_t.zero_grad(), y_t.zero_grad()
        out.backward(accumulate=accumulate)
        grads.append([_leaf_grad(x_t), _leaf_grad(y_t)])
        runs[accumulate] = grads
    calls_shown = [str(k + 1) for k in range(calls)] + ["zero_grad(); backward()"]
    rows = [
        {
            "call": call,
            "default_x": d[0],
            "default_y": d[1],
            "accumulate_x": a[0],
            "accumulate_y": a[1],
        }  # fmt: skip
        for call, d, a in zip(calls_shown, runs[False], runs[True], strict=True)
    ]
    return pd.DataFrame(rows)


def _leaf_grad(t: Tensor) -> float:
    return 0.0 if t.grad is None else float(t.grad) + 0.0  # + 0.0: never "-0"


def step_summary(trace: Trace, state: StepState) -> dict[str, object]:
    """Numbers that describe a step in words: ``step``, ``total``, ``node``, ``computation``,
    ``value``, ``adjoint``, ``sent`` (the contributions the node sends) and ``gx``, ``gy``."""
    info: dict[str, object] = {"step": state.step, "total": trace.total_steps,
                               "gx": _fmt(trace.adjoint_of("x")), "gy": _fmt(trace.adjoint_of("y")),
                               "f": _fmt(trace.nodes[-1].value), "symbol": trace.symbol}  # fmt: skip
    if state.current is None:
        return info | {"node": "", "computation": "", "value": "", "adjoint": "", "sent": "—"}
    node = trace.nodes[state.current]
    sent = [f"{trace.nodes[r.parent].name}: {_fmt(r.incoming)} × {_fmt(r.local)} = "
            f"{_fmt(r.contribution)}" for r in state.rows if r.step == state.step]  # fmt: skip
    adjoint = state.adjoints.get(node.id)
    return info | {"node": node.name, "computation": forward_text(trace, node),
                   "value": _fmt(node.value), "sent": "; ".join(sent) or "—",
                   "adjoint": "" if adjoint is None else _fmt(adjoint)}  # fmt: skip
