"""The graph as SVG: nodes once, the current node highlighted, edges of the step coloured, the
boxes still from step to step, text escaped."""

import re
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from test_autodiff_steps import random_formula

from dlviz import autodiff_steps as steps
from dlviz import graph_svg, softmax_paths
from dlviz.autodiff import Tensor
from dlviz.expr import parse

SVG = "{http://www.w3.org/2000/svg}"


def svg_at(text: str, step: int, x: float = 1.0, y: float = 1.0) -> str:
    trace = steps.trace(parse(text), x, y)
    return graph_svg.step_svg(trace, steps.step_state(trace, step), graph_svg.graph_layout(trace))


def texts(svg: str) -> list[str]:
    """Every line of text in the drawing."""
    return [span.text for span in ET.fromstring(svg).iter(f"{SVG}tspan")]


def boxes(svg: str) -> list[str]:
    return re.findall(r'<rect x="[^"]+" y="[^"]+" width="[^"]+" height="[^"]+" rx="6"', svg)


def test_the_lecture_graph_before_and_after():
    start = svg_at("x^2 y + y", 0)
    ET.fromstring(start)  # well-formed XML
    assert start.startswith("<svg") and start.endswith("</svg>")
    assert len(boxes(start)) == 5  # x, y and three ops; the constant 2 is plain text
    assert texts(start).count("= ?") == 5  # two inputs and three ops, nothing computed yet
    assert "x^2·y + y" in texts(start) and "2" in texts(start)
    done = texts(svg_at("x^2 y + y", 11))
    assert "= ?" not in done
    assert {"∂f/∂x = 2", "∂f/∂y = 2", "∂f/∂v3 = 1"} <= set(done)


def test_boxes_stay_put_while_stepping():
    drawn = [boxes(svg_at("x^2 y + y", step)) for step in range(12)]
    assert all(b == drawn[0] for b in drawn)
    assert svg_at("x^2 y + y", 4) != svg_at("x^2 y + y", 5)


def test_shared_sub_expression_is_one_box_and_x_times_x_two_edges():
    svg = svg_at("sin(x) + sin(x)^2", 5)
    assert len(boxes(svg)) + texts(svg).count("2") == 5 and texts(svg).count("sin(x)") == 1
    square = svg_at("x*x", 2)
    assert square.count("<path") == 2


def test_current_node_and_its_edges_are_highlighted():
    forward = svg_at("x^2 y + y", 5)  # v2 = v1·y
    assert forward.count(f'fill="{graph_svg.CURRENT["fill"]}"') == 1
    assert forward.count(f'stroke="{graph_svg.FORWARD_EDGE}"') == 2  # its two incoming edges
    backward = svg_at("x^2 y + y", 8)
    lines = texts(backward)
    assert "∂v2/∂v1 = 1" in lines and "∂v2/∂y = 1" in lines
    assert "∂f/∂y = 2 + …" in lines  # y is still partial: its own step comes next
    assert backward.count(f'stroke="{graph_svg.BACKWARD_EDGE}"') == 2
    assert backward.count(f'fill="{graph_svg.PARTIAL["fill"]}"') == 2  # v1 and y


def test_edge_colours_and_no_current_node_in_the_final_state():
    trace = steps.trace(parse("x + y"), 1.0, 2.0)
    placed = graph_svg.graph_layout(trace, edge_labels=False)
    svg = graph_svg.step_svg(
        trace, steps.final_state(trace), placed, edge_colors={(0, 2): "#123456"}
    )
    assert svg.count('stroke="#123456"') == 1 and graph_svg.CURRENT["fill"] not in svg


def test_text_is_escaped():
    a = Tensor(1.0, requires_grad=True, label='<b>"&</b>')
    out = a * 2.0
    out.label = "<script>alert(1)</script>"
    trace = steps.trace_tensor(out)
    svg = graph_svg.step_svg(
        trace, steps.step_state(trace, 0), graph_svg.graph_layout(trace), title='say "hi" <now>'
    )
    assert "<script" not in svg and "<b>" not in svg
    root = ET.fromstring(svg)
    assert '<b>"&</b>' in texts(svg) and root.get("aria-label") == 'say "hi" <now>'


def test_softmax_graph_top_to_bottom_with_the_two_paths():
    ex = softmax_paths.example((1.0, 2.0), (0.5, 0.5))
    placed = graph_svg.graph_layout(ex.trace, rankdir="TB", edge_labels=False)
    svg = graph_svg.step_svg(
        ex.trace,
        steps.final_state(ex.trace),
        placed,
        edge_colors=softmax_paths.edge_colors(ex.trace),
    )
    lines = texts(svg)
    assert "w₁,₂" in lines and "a₂   ÷" in lines
    centers = dict(zip((n.label for n in ex.trace.nodes), placed.layout.centers, strict=True))
    assert centers["w₁,₂"][1] < centers["z₁"][1] < centers["L"][1]  # inputs on top
    for color in set(softmax_paths.edge_colors(ex.trace).values()):
        assert f'stroke="{color}"' in svg


def test_text_width_grows_with_the_text_and_the_font():
    assert graph_svg.text_width("", 14) == 0
    assert graph_svg.text_width("mm", 14) > graph_svg.text_width("ii", 14)
    assert graph_svg.text_width("v1", 20) > graph_svg.text_width("v1", 14)


@pytest.mark.parametrize("text", ["x", "3", "pi", "x - x", "sin(x) + sin(x)^2"])
def test_tiny_graphs_draw_at_every_step(text):
    trace = steps.trace(parse(text), 1.0, 1.0)
    placed = graph_svg.graph_layout(trace)
    for step in range(trace.total_steps + 1):
        ET.fromstring(graph_svg.step_svg(trace, steps.step_state(trace, step), placed))


@pytest.mark.parametrize("seed", range(12))
def test_random_formulas_boxes_never_overlap(seed):
    trace = steps.trace(parse(random_formula(np.random.default_rng(seed), depth=5)), 0.5, 0.5)
    for rankdir in ("LR", "TB"):
        placed = graph_svg.graph_layout(trace, rankdir=rankdir).layout
        rects = [
            (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)
            for (cx, cy), (w, h) in zip(placed.centers, placed.sizes, strict=True)
        ]
        for i, a in enumerate(rects):
            assert a[0] >= 0 and a[1] >= 0 and a[2] <= placed.width and a[3] <= placed.height
            for b in rects[i + 1 :]:
                assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3])


def test_split_adjoints_keep_the_softmax_graph_readable_on_a_projector():
    """Issue 14: the softmax graph's node text was too small to read: at 20 px its boxes made a
    1250 px wide drawing, shrunk to ~17 px type in a 1080 px page. With each adjoint on two
    lines ("∂L/∂w₁,₂x₂" over "= -0.622459") the same graph at 22 px fits in 1000 px, whole."""
    ex = softmax_paths.example((1.0, 2.0), (1.0, 0.0))
    args = {"font_size": 22, "rankdir": "TB", "edge_labels": False, "inputs_first": False}
    one_line = graph_svg.graph_layout(ex.trace, **args)
    placed = graph_svg.graph_layout(ex.trace, **args, split=True)
    assert one_line.layout.width > 1080 and placed.layout.width < 1000
    svg = graph_svg.step_svg(ex.trace, steps.final_state(ex.trace), placed)
    lines = texts(svg)
    assert "∂L/∂w₁,₂x₂" in lines and "= -0.622459" in lines
    assert not any(line.startswith("∂L/∂") and "=" in line for line in lines)
    for (cx, cy), (w, h) in zip(placed.layout.centers, placed.layout.sizes, strict=True):
        assert 0 <= cx - w / 2 and cx + w / 2 <= placed.layout.width  # the graph stays whole
        assert 0 <= cy - h / 2 and cy + h / 2 <= placed.layout.height
    boxes_tall = [h for (w, h), n in zip(placed.layout.sizes, ex.trace.nodes, strict=True)]
    assert max(boxes_tall) >= 4 * 22 * graph_svg.LINE  # name, value and the two adjoint lines
