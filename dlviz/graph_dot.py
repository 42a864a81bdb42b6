"""DOT text (Graphviz) for a computational graph at one step of its forward/backward pass.

What it is
    :func:`step_dot` turns a :class:`~dlviz.autodiff_steps.Trace` and a
    :class:`~dlviz.autodiff_steps.StepState` into a DOT string for ``st.graphviz_chart``: one box
    per node (shared sub-expressions appear once, as the graph has them), its operation, its
    value once the forward pass reached it and its adjoint ∂f/∂v once the backward pass did; the
    current node is highlighted and the edges it uses are coloured and labelled with their local
    derivative. Optional ``edge_colors`` colour chosen edges (the softmax example's two paths).

What it is not
    No layout and no rendering: Graphviz (in the browser) does both. Pure string building.
"""

from __future__ import annotations

from collections.abc import Mapping

from dlviz.autodiff_steps import GraphNode, StepState, Trace

OP_SYMBOL = {"add": "+", "sub": "−", "mul": "×", "div": "÷", "pow": "^", "neg": "−x"}
PENDING = {"color": "#9e9e9e", "fontcolor": "#9e9e9e", "style": "dashed,rounded"}
FORWARD = {"fillcolor": "#dbe9f6", "style": "filled,rounded"}
PARTIAL = {"fillcolor": "#fff3c4", "style": "filled,rounded"}
FINISHED = {"fillcolor": "#d7f0d7", "style": "filled,rounded"}
CURRENT = {"fillcolor": "#ffb74d", "style": "filled,rounded,bold", "penwidth": "3"}
FORWARD_EDGE = "#1f77b4"
BACKWARD_EDGE = "#d62728"


def quote(text: str) -> str:
    """A DOT double-quoted string (backslashes and quotes escaped, newlines as \\n)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def number(value: float) -> str:
    """A short number for a node box: 6 significant digits, "nan"/"inf" as they are."""
    return f"{value:.6g}"


def _attrs(attrs: Mapping[str, str]) -> str:
    return ", ".join(f"{k}={quote(v)}" for k, v in attrs.items())


def _node_lines(trace: Trace, node: GraphNode, state: StepState) -> list[str]:
    head = node.name
    if node.kind == "op":
        head += f"   {OP_SYMBOL.get(node.op, node.op)}"
    lines = [head]
    if node.label and node.label != node.name:
        lines.append(node.label.replace("*", "·"))
    if node.kind == "op":
        lines.append(f"= {number(node.value)}" if node.id in state.values else "= ?")
    elif node.kind == "input" and node.id not in state.values:
        lines.append("= ?")
    elif node.kind == "input":
        lines.append(f"= {number(node.value)}")
    if node.id in state.adjoints:
        partial = "" if node.id in state.finished else " + …"
        adjoint = number(state.adjoints[node.id])
        lines.append(f"∂{trace.symbol}/∂{node.name} = {adjoint}{partial}")
    return lines


def _node_style(node: GraphNode, state: StepState) -> dict[str, str]:
    if node.id == state.current:
        return CURRENT
    if node.id in state.finished:
        return FINISHED
    if node.id in state.adjoints:
        return PARTIAL
    if node.id in state.values:
        return FORWARD
    return PENDING


def step_dot(
    trace: Trace,
    state: StepState,
    *,
    font_size: int = 14,
    rankdir: str = "LR",
    edge_colors: Mapping[tuple[int, int], str] | None = None,
) -> str:
    """The graph at ``state`` as DOT text, inputs first: on the left (``rankdir="LR"``) or on
    top (``"TB"``), the output last.

    A constant is plain text; an input has a double border. During the forward pass the current
    node's incoming edges are blue; during the backward pass they are red and labelled with the
    local derivative ∂v/∂p. ``edge_colors`` maps (parent id, child id) to a colour for the other
    edges. An argument used twice (``x·x``) gives two edges.
    """
    out = [
        "digraph G {",
        f'  graph [rankdir={rankdir}, bgcolor="transparent", nodesep=0.3, ranksep=0.45, '
        f"fontsize={font_size}];",
        f'  node [shape=box, fontname="Helvetica", fontsize={font_size}, margin="0.12,0.06"];',
        f'  edge [fontname="Helvetica", fontsize={font_size - 2}, color="#555555"];',
    ]
    for node in trace.nodes:
        attrs = {"label": "\n".join(_node_lines(trace, node, state)), **_node_style(node, state)}
        if node.kind == "input":
            attrs["peripheries"] = "2"  # a double border: ellipses would be far wider
        elif node.kind == "constant":
            attrs.update(shape="plaintext", style="", fontcolor="#555555")
            attrs.pop("fillcolor", None)
        out.append(f"  n{node.id} [{_attrs(attrs)}];")
    for node in trace.nodes:
        for slot, parent in enumerate(node.parents):
            attrs = {}
            color = (edge_colors or {}).get((parent, node.id))
            if color:
                attrs.update(color=color, penwidth="2.5")
            if node.id == state.current and state.phase == "forward":
                attrs.update(color=FORWARD_EDGE, penwidth="2.5")
            elif node.id == state.current and node.local[slot] is not None:
                attrs.update(color=BACKWARD_EDGE, penwidth="2.5", fontcolor=BACKWARD_EDGE)
                attrs["label"] = f"∂{node.name}/∂{trace.nodes[parent].name} = " + number(
                    node.local[slot]
                )
            out.append(f"  n{parent} -> n{node.id}" + (f" [{_attrs(attrs)}];" if attrs else ";"))
    out.append("}")
    return "\n".join(out)
