"""The layered layout: ranks, no overlaps, few crossings, edges from side to side, label room."""

import itertools

import pytest

from dlviz import graph_layout as gl

LECTURE = [(0, 2), (1, 2), (2, 4), (3, 4), (4, 5), (3, 5)]  # x, 2, v1 = x^2, y, v2 = v1·y, v3


def boxes(placed: gl.Layout) -> list[tuple[float, float, float, float]]:
    """(left, top, right, bottom) of every box."""
    return [
        (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)
        for (cx, cy), (w, h) in zip(placed.centers, placed.sizes, strict=True)
    ]


def overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def test_ranks_inputs_first_constants_just_before_their_use():
    assert gl.ranks_of(6, LECTURE, first=(0, 3)) == [0, 0, 1, 0, 2, 3]
    assert gl.ranks_of(6, LECTURE) == [0, 0, 1, 1, 2, 3]  # y is no input here: a constant
    assert gl.ranks_of(3, [(0, 2), (0, 2), (1, 2)], first=(0,)) == [0, 0, 1]  # x·x: two edges
    with pytest.raises(ValueError, match="cycle"):
        gl.ranks_of(2, [(0, 1), (1, 0)])


@pytest.mark.parametrize("rankdir", ["LR", "TB"])
def test_boxes_never_overlap_and_fit_the_canvas(rankdir):
    sizes = [(40, 30), (20, 18), (60, 50), (40, 30), (70, 50), (90, 50)]
    placed = gl.layout(sizes, LECTURE, first=(0, 3), rankdir=rankdir)
    for a, b in itertools.combinations(boxes(placed), 2):
        assert not overlap(a, b)
    for left, top, right, bottom in boxes(placed):
        assert left >= 0 and top >= 0 and right <= placed.width and bottom <= placed.height
    main = 0 if rankdir == "LR" else 1  # inputs left (LR) or on top (TB), the output last
    ordered = sorted(range(6), key=lambda i: placed.centers[i][main])
    assert ordered[-1] == 5 and set(ordered[:2]) <= {0, 1, 3}


def test_edges_run_from_the_parent_side_to_the_child_side_through_bends():
    sizes = [(40, 30)] * 6
    placed = gl.layout(sizes, LECTURE, first=(0, 3))
    for (p, c), points in zip(LECTURE, placed.edges, strict=True):
        (px, py), (pw, ph) = placed.centers[p], placed.sizes[p]
        (cx, cy), (cw, ch) = placed.centers[c], placed.sizes[c]
        assert points[0][0] == pytest.approx(px + pw / 2)  # leaves on the right side …
        assert points[-1][0] == pytest.approx(cx - cw / 2)  # … arrives on the left side
        assert abs(points[0][1] - py) < ph / 2 and abs(points[-1][1] - cy) < ch / 2
        xs = [x for x, _ in points]
        assert xs == sorted(xs)  # always forward
    y_to_v3 = placed.edges[LECTURE.index((3, 5))]
    assert len(y_to_v3) == 6  # y (rank 0) → v3 (rank 3): straight through ranks 1 and 2
    assert y_to_v3[1][1] == y_to_v3[2][1] and y_to_v3[3][1] == y_to_v3[4][1]


def test_two_edges_between_the_same_boxes_are_apart():
    placed = gl.layout([(30, 40), (30, 40)], [(0, 1), (0, 1)], first=(0,))
    (a, b) = placed.edges
    assert a[0][1] != b[0][1] and a[-1][1] != b[-1][1]


def test_label_room_widens_only_the_gap_before_the_labelled_rank():
    sizes = [(40, 30)] * 6
    plain = gl.layout(sizes, LECTURE, first=(0, 3), rank_gap=30)
    labels = [None] * len(LECTURE)
    labels[LECTURE.index((2, 4))] = (120.0, 16.0)  # an edge into v2 (rank 2)
    wide = gl.layout(sizes, LECTURE, first=(0, 3), rank_gap=30, label_sizes=labels)
    assert wide.centers[2][0] == plain.centers[2][0]  # ranks 0 and 1 do not move
    assert wide.centers[4][0] - wide.centers[2][0] >= 40 + 120  # room for the label
    assert wide.width > plain.width


def test_a_symmetric_graph_has_no_crossings():
    # Two chains a → b → c and d → e → f, joined at the end: nothing should cross.
    edges = [(0, 1), (1, 2), (3, 4), (4, 5), (2, 6), (5, 6)]
    placed = gl.layout([(30, 20)] * 7, edges, first=(0, 3))
    ys = [y for _, y in placed.centers]
    assert (ys[0] < ys[3]) == (ys[1] < ys[4]) == (ys[2] < ys[5])
    assert min(ys[2], ys[5]) <= ys[6] <= max(ys[2], ys[5])  # the join sits between its inputs


def test_order_reduces_crossings():
    # Given in an order that crosses: 0→3, 1→2 with 2 above 3 at first.
    layers = [[0, 1], [2, 3]]
    links = [(0, 3), (1, 2)]
    ordered = gl._order(layers, links)
    pos = {item: k for layer in ordered for k, item in enumerate(layer)}
    assert (pos[0] < pos[1]) == (pos[3] < pos[2])


def test_pava_is_the_closest_non_decreasing_sequence():
    assert gl._pava([1.0, 3.0, 2.0, 4.0], [1, 1, 1, 1]) == [1.0, 2.5, 2.5, 4.0]
    assert gl._pava([3.0, 1.0], [3, 1]) == [2.5, 2.5]
