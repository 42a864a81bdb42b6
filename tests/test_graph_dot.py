"""DOT text of the graph: nodes once, the current node highlighted, edges of the step coloured."""

import re

from dlviz import autodiff_steps as steps
from dlviz import graph_dot
from dlviz.expr import parse


def dot_at(text: str, step: int, x: float = 1.0, y: float = 1.0) -> str:
    trace = steps.trace(parse(text), x, y)
    return graph_dot.step_dot(trace, steps.step_state(trace, step))


def nodes(dot: str) -> list[str]:
    return re.findall(r"^\s+n\d+ \[", dot, re.M)


def test_the_lecture_graph_before_and_after():
    start = dot_at("x^2 y + y", 0)
    assert start.startswith("digraph G {") and start.endswith("}")
    assert "rankdir=LR" in start and len(nodes(start)) == 6
    assert start.count("= ?") == 5  # two inputs and three ops, nothing computed yet
    done = dot_at("x^2 y + y", 11)
    assert "= ?" not in done
    assert "∂f/∂x = 2" in done and "∂f/∂y = 2" in done and "∂f/∂v3 = 1" in done


def test_shared_sub_expression_is_one_box_and_x_times_x_two_edges():
    dot = dot_at("sin(x) + sin(x)^2", 5)
    assert len(nodes(dot)) == 5 and dot.count("sin(x)\\n") == 1
    square = dot_at("x*x", 2)
    assert square.count("n0 -> n1") == 2


def test_current_node_and_its_edges_are_highlighted():
    forward = dot_at("x^2 y + y", 5)  # v2 = v1·y
    current = re.search(r"n4 \[(.*)\];", forward).group(1)
    assert graph_dot.CURRENT["fillcolor"] in current
    assert forward.count(graph_dot.FORWARD_EDGE) == 2  # its two incoming edges
    backward = dot_at("x^2 y + y", 8)
    assert 'label="∂v2/∂v1 = 1"' in backward and 'label="∂v2/∂y = 1"' in backward
    assert "∂f/∂y = 2 + …" in backward  # y is still partial: its own step comes next
    assert backward.count(graph_dot.BACKWARD_EDGE) == 4  # 2 edges × (colour + font colour)


def test_quoting_and_edge_colours():
    assert graph_dot.quote('a "b" \\ c\nd') == '"a \\"b\\" \\\\ c\\nd"'
    trace = steps.trace(parse("x + y"), 1.0, 2.0)
    dot = graph_dot.step_dot(trace, steps.final_state(trace), edge_colors={(0, 2): "#123456"})
    assert 'n0 -> n2 [color="#123456"' in dot and graph_dot.CURRENT["fillcolor"] not in dot
