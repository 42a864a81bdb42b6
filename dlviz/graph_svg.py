"""A computational graph at one step of its forward/backward pass, drawn as SVG text.

What it is
    :func:`graph_layout` places the nodes of a :class:`~dlviz.autodiff_steps.Trace` once
    (:mod:`dlviz.graph_layout`), each box as large as the most it will ever show, so stepping
    never moves a box. :func:`step_svg` draws that layout at a
    :class:`~dlviz.autodiff_steps.StepState`: one box per node (shared sub-expressions once, as
    the graph has them) with its operation, its value once the forward pass reached it and its
    adjoint ∂f/∂v once the backward pass did; the current node is highlighted and the edges it
    uses are coloured and, going backward, labelled with their local derivative. Optional
    ``edge_colors`` colour chosen edges (the softmax example's two paths).

    Static SVG, shown as it is: unlike Graphviz in the browser, nothing is laid out or
    animated there, so a step costs the browser next to nothing.

What it is not
    No Streamlit, no browser: pure string building. Text widths are estimated (Helvetica-like
    metrics), not measured. Every piece of text is XML-escaped (labels come from formulas
    students type).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from dlviz.autodiff_steps import GraphNode, StepState, Trace
from dlviz.graph_layout import Layout, layout

OP_SYMBOL = {"add": "+", "sub": "−", "mul": "×", "div": "÷", "pow": "^", "neg": "−x"}
PENDING = {"fill": "none", "stroke": "#9e9e9e", "dash": "5,3", "text": "#9e9e9e", "width": 1.2}
FORWARD = {"fill": "#dbe9f6", "stroke": "#4a6f94", "text": "#1a1a1a", "width": 1.2}
PARTIAL = {"fill": "#fff3c4", "stroke": "#8a7a2e", "text": "#1a1a1a", "width": 1.2}
FINISHED = {"fill": "#d7f0d7", "stroke": "#3f7a3f", "text": "#1a1a1a", "width": 1.2}
CURRENT = {"fill": "#ffb74d", "stroke": "#1a1a1a", "text": "#1a1a1a", "width": 3.0}
EDGE = "#8a8a8a"
FORWARD_EDGE = "#1f77b4"
BACKWARD_EDGE = "#d62728"
CONSTANT_TEXT = "#8a8a8a"
FONT = "Helvetica, Arial, sans-serif"
SHRINK = 0.6  # a wide graph shrinks to fit, down to this share of its size (then it scrolls)
PAD_X, PAD_Y, LINE = 9.0, 5.0, 1.3  # box padding (px) and line height (in font sizes)
# Advance widths of Helvetica in ems (1000 units per em), for estimating text widths.
NARROW = dict.fromkeys("ijlI|!.,:;'`", 0.25) | dict.fromkeys("ftr()[] -", 0.34)
WIDE = dict.fromkeys("mwMW", 0.86) | dict.fromkeys("ABCDEGHKNOQRUV", 0.72)
OTHER = 0.58  # lower case, digits and the rest (a little generous: better wide than cut)


def number(value: float) -> str:
    """A short number for a node box: 6 significant digits, "nan"/"inf" as they are, a zero
    as 0 (never "-0": + 0.0 turns IEEE's −0.0 into 0.0)."""
    return f"{value + 0.0:.6g}"


def text_width(text: str, size: float) -> float:
    """Estimated width in px of ``text`` at font size ``size``."""
    return size * sum(NARROW.get(ch, WIDE.get(ch, OTHER)) for ch in text)


def _adjoint_lines(
    trace: Trace, node: GraphNode, adjoint: float, partial: bool, split: bool = False
) -> list[str]:
    """ "∂f/∂v = 2", or (``split``) "∂f/∂v" over "= 2": a box half as wide, for a graph whose
    node names are long (the softmax example's "∂L/∂w₁,₂x₂ = -0.622459")."""
    name, value = (
        f"∂{trace.symbol}/∂{node.name}",
        f"= {number(adjoint)}" + (" + …" if partial else ""),
    )
    return [name, value] if split else [f"{name} {value}"]


def _head(node: GraphNode) -> list[str]:
    head = node.name
    if node.kind == "op":
        head += f"   {OP_SYMBOL.get(node.op, node.op)}"
    lines = [head]
    if node.label and node.label != node.name:
        lines.append(node.label.replace("*", "·"))
    return lines


def _node_lines(trace: Trace, node: GraphNode, state: StepState, split: bool = False) -> list[str]:
    """What the box of ``node`` shows at ``state`` (a constant: just its value)."""
    if node.kind == "constant":
        return [node.name]
    lines = _head(node)
    lines.append(f"= {number(node.value)}" if node.id in state.values else "= ?")
    if node.id in state.adjoints:
        partial = node.id not in state.finished
        lines += _adjoint_lines(trace, node, state.adjoints[node.id], partial, split)
    return lines


def _widest_lines(trace: Trace, node: GraphNode, split: bool = False) -> list[str]:
    """Every line the box may ever show, the widest version of each (sizes the box once)."""
    if node.kind == "constant":
        return [node.name]
    lines = _head(node) + [f"= {number(node.value)}", "= ?"]
    if node.adjoint is not None:
        seen = [r.accumulated for r in trace.rows if r.parent == node.id] + [node.adjoint, 1.0]
        for value in seen:
            lines += _adjoint_lines(trace, node, value, True, split)
    return lines


def _edges(trace: Trace) -> list[tuple[int, int, int]]:
    """(parent, child, slot) of every edge: an argument used twice gives two edges."""
    return [(p, n.id, slot) for n in trace.nodes for slot, p in enumerate(n.parents)]


def _edge_label(
    trace: Trace, parent: int, child: int, slot: int, split: bool = False
) -> list[str] | None:
    """The local derivative an edge carries on the backward pass, "∂v/∂p = 2" (or, ``split``,
    "∂v/∂p" over "= 2"); None where there is none."""
    node = trace.nodes[child]
    if node.local[slot] is None or node.adjoint is None:
        return None
    name, value = f"∂{node.name}/∂{trace.nodes[parent].name}", f"= {number(node.local[slot])}"
    return [name, value] if split else [f"{name} {value}"]


@dataclass(frozen=True)
class GraphLayout:
    """Where everything of one trace goes, at one font size."""

    layout: Layout
    font_size: int
    rankdir: str
    edge_labels: bool
    split: bool = False


def graph_layout(
    trace: Trace,
    *,
    font_size: int = 14,
    rankdir: str = "LR",
    edge_labels: bool = True,
    inputs_first: bool = True,
    split: bool = False,
) -> GraphLayout:
    """Lay the trace's graph out once: boxes sized for everything they will show, room
    between ranks for the local derivatives of the backward pass when ``edge_labels``. The
    inputs all come first when ``inputs_first``, else each just before its first use (like
    the constants). ``split`` writes each adjoint and each edge's local derivative on two
    lines, "∂f/∂v" over "= 2": narrower boxes and gaps, so that a wide graph keeps its type
    size instead of shrinking to fit."""
    line = font_size * LINE
    sizes = []
    for node in trace.nodes:
        lines = _widest_lines(trace, node, split)
        width = max(text_width(t, font_size) for t in lines) + 2 * PAD_X
        adjoint = (1 + split) * (node.adjoint is not None)
        count = len(_head(node)) + 1 + adjoint if node.kind != "constant" else 1
        sizes.append((width, count * line + 2 * PAD_Y))
    edges = _edges(trace)
    labels = None
    if edge_labels:
        small = font_size - 2
        texts = [_edge_label(trace, p, c, s, split) for p, c, s in edges]
        labels = [None if t is None else _label_size(t, small) for t in texts]
    first = [n.id for n in trace.nodes if n.kind == "input"] if inputs_first else []
    placed = layout(
        sizes,
        [(p, c) for p, c, _ in edges],
        first=first,
        rankdir=rankdir,
        rank_gap=1.6 * font_size + 14,
        node_gap=0.9 * font_size,
        label_sizes=labels,
    )
    return GraphLayout(placed, font_size, rankdir, edge_labels, split)


def _label_size(lines: list[str], size: float) -> tuple[float, float]:
    """Width and height of an edge label's white box."""
    return max(text_width(t, size) for t in lines) + 8, len(lines) * size * LINE


def _style(node: GraphNode, state: StepState) -> dict:
    if node.id == state.current:
        return CURRENT
    if node.id in state.finished:
        return FINISHED
    if node.id in state.adjoints:
        return PARTIAL
    if node.id in state.values:
        return FORWARD
    return PENDING


def _f(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def _curve(points: tuple, lr: bool, arrow: float) -> tuple[str, str]:
    """The edge as a smooth path (level tangents at every point) ending at an arrowhead."""
    *body, (ex, ey) = points
    end = (ex - arrow, ey) if lr else (ex, ey - arrow)
    pts = [*body, end]
    d = [f"M{_f(pts[0][0])},{_f(pts[0][1])}"]
    for (ax, ay), (bx, by) in zip(pts, pts[1:], strict=False):
        if lr:
            mx = (ax + bx) / 2
            d.append(f"C{_f(mx)},{_f(ay)} {_f(mx)},{_f(by)} {_f(bx)},{_f(by)}")
        else:
            my = (ay + by) / 2
            d.append(f"C{_f(ax)},{_f(my)} {_f(bx)},{_f(my)} {_f(bx)},{_f(by)}")
    half = arrow * 0.45
    if lr:
        corners = [(ex, ey), (ex - arrow, ey - half), (ex - arrow, ey + half)]
    else:
        corners = [(ex, ey), (ex - half, ey - arrow), (ex + half, ey - arrow)]
    head = " ".join(f"{_f(x)},{_f(y)}" for x, y in corners)
    return "".join(d), head


def _text(lines: list[str], cx: float, cy: float, size: float, color: str, **extra: str) -> str:
    line = size * LINE
    top = cy - line * (len(lines) - 1) / 2 + size * 0.35  # baseline of the first line
    attrs = "".join(f" {k.replace('_', '-')}={quoteattr(v)}" for k, v in extra.items())
    spans = "".join(
        f'<tspan x="{_f(cx)}" y="{_f(top + k * line)}">{escape(t)}</tspan>'
        for k, t in enumerate(lines)
    )
    return f'<text text-anchor="middle" font-size="{size:g}" fill="{color}"{attrs}>{spans}</text>'


def step_svg(
    trace: Trace,
    state: StepState,
    placed: GraphLayout,
    *,
    edge_colors: Mapping[tuple[int, int], str] | None = None,
    title: str = "",
) -> str:
    """The graph at ``state`` as an SVG document (inputs first: left, or top for "TB").

    An input has a double border; a constant is plain text. During the forward pass the
    current node's incoming edges are blue; during the backward pass they are red and
    labelled with the local derivative ∂v/∂p. ``edge_colors`` maps (parent id, child id) to a
    colour for other edges. ``title`` is the drawing's accessible name. The drawing shrinks
    to fit its container down to ``SHRINK`` of its size (put it in a box that scrolls).
    """
    box, size, lr = placed.layout, placed.font_size, placed.rankdir == "LR"
    small = size - 2
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_f(box.width)} {_f(box.height)}" '
        f'width="{_f(box.width)}" height="{_f(box.height)}" font-family="{FONT}" role="img" '
        f'aria-label={quoteattr(title)} style="width:100%;max-width:{_f(box.width)}px;'
        f'min-width:{_f(box.width * SHRINK)}px;height:auto;display:block;margin:0 auto">'
    ]
    labels = []
    for e, (p, c, slot) in enumerate(_edges(trace)):
        color, width = EDGE, 1.3
        if edge_colors and (p, c) in edge_colors:
            color, width = edge_colors[(p, c)], 2.6
        label = None
        if c == state.current and state.phase == "forward":
            color, width = FORWARD_EDGE, 2.6
        elif c == state.current and trace.nodes[c].local[slot] is not None:
            color, width = BACKWARD_EDGE, 2.6
            label = _edge_label(trace, p, c, slot, placed.split) if placed.edge_labels else None
        points = box.edges[e]
        path, head = _curve(points, lr, 4.0 + 2.5 * width)
        out.append(f'<path d="{path}" fill="none" stroke="{color}" stroke-width="{width:g}"/>')
        out.append(f'<polygon points="{head}" fill="{color}"/>')
        if label:
            (ax, ay), (bx, by) = points[-2], points[-1]
            labels.append((label, (ax + bx) / 2, (ay + by) / 2))
    for node in trace.nodes:
        (cx, cy), (w, h) = box.centers[node.id], box.sizes[node.id]
        lines = _node_lines(trace, node, state, placed.split)
        if node.kind == "constant":
            out.append(_text(lines, cx, cy, size, CONSTANT_TEXT))
            continue
        style = _style(node, state)
        dash = f' stroke-dasharray="{style["dash"]}"' if "dash" in style else ""
        rect = (
            f'<rect x="{_f(cx - w / 2)}" y="{_f(cy - h / 2)}" width="{_f(w)}" '
            f'height="{_f(h)}" rx="6" fill="{style["fill"]}" stroke="{style["stroke"]}" '
            f'stroke-width="{style["width"]:g}"{dash}/>'
        )
        out.append(rect)
        if node.kind == "input":  # a double border
            out.append(
                f'<rect x="{_f(cx - w / 2 + 3)}" y="{_f(cy - h / 2 + 3)}" '
                f'width="{_f(w - 6)}" height="{_f(h - 6)}" rx="4" fill="none" '
                f'stroke="{style["stroke"]}"{dash}/>'
            )
        weight = {"font_weight": "bold"} if node.id == state.current else {}
        out.append(_text(lines, cx, cy, size, style["text"], **weight))
    for label, x, y in labels:
        w, h = _label_size(label, small)
        out.append(
            f'<rect x="{_f(x - w / 2)}" y="{_f(y - h / 2)}" width="{_f(w)}" '
            f'height="{_f(h)}" rx="3" fill="#ffffff" fill-opacity="0.92"/>'
        )
        out.append(_text(label, x, y, small, BACKWARD_EDGE))
    out.append("</svg>")
    return "".join(out)
