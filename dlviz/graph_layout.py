"""A layered layout for drawing a small directed acyclic graph (a computational graph).

What it is
    :func:`layout` places the boxes of a DAG in ranks, inputs first (Sugiyama's method, in
    four steps): (1) a node's rank is one more than its highest parent's; an input (a leaf in
    ``first``) takes rank 0, another leaf (a constant) the rank just before its first use;
    (2) an edge that skips ranks gets a bend point in each rank it crosses; (3) the order
    inside each rank is improved by barycentre sweeps, keeping the order with the fewest
    crossings; (4) each rank is a column (``rankdir="LR"``) or a row (``"TB"``), and the boxes
    along it are pulled towards their neighbours by isotonic regression (pool adjacent
    violators), never overlapping. Every edge comes back as the points it passes through,
    from the parent's side to the child's, spread along the box sides; it crosses a rank it
    skips straight (two points, one on each side of the rank), so it bends only in the gaps. Room between two ranks
    can be reserved for the labels of the edges that end in the later one.

What it is not
    Not Graphviz: no spline fitting, no label placement search; meant for tens of nodes.
    Pure geometry: sizes in, coordinates out (drawing is :mod:`dlviz.graph_svg`).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

Point = tuple[float, float]
SWEEPS = 8  # barycentre sweeps when ordering, rounds of pulling when placing


@dataclass(frozen=True)
class Layout:
    """Box centres (``x``, ``y``) and sizes per node, each edge's points, the canvas size."""

    centers: tuple[Point, ...]
    sizes: tuple[Point, ...]
    edges: tuple[tuple[Point, ...], ...]
    width: float
    height: float
    ranks: tuple[int, ...]


def ranks_of(
    count: int, edges: Sequence[tuple[int, int]], first: Collection[int] = ()
) -> list[int]:
    """Each node's rank: 1 + its parents' highest; a leaf in ``first`` (or one that feeds
    nothing) at 0, any other leaf just before its first use."""
    parents: list[list[int]] = [[] for _ in range(count)]
    children: list[list[int]] = [[] for _ in range(count)]
    for p, c in edges:
        parents[c].append(p)
        children[p].append(c)
    rank = [-1] * count
    pending = [len(set(ps)) for ps in parents]
    ready = [i for i in range(count) if not parents[i]]
    for i in ready:
        rank[i] = 0
    seen = 0
    while seen < len(ready):
        i = ready[seen]
        seen += 1
        for c in dict.fromkeys(children[i]):
            rank[c] = max(rank[c], rank[i] + 1)
            pending[c] -= 1
            if pending[c] == 0:
                ready.append(c)
    if len(ready) < count:
        raise ValueError("the graph has a cycle")
    for i in range(count):
        if not parents[i] and children[i] and i not in first:
            rank[i] = min(rank[c] for c in children[i]) - 1
    return rank


def _crossings(upper: dict[int, int], segments: list[tuple[int, int]]) -> int:
    """Pairs of segments (from an item of one rank to an item of the next) that cross."""
    ends = sorted((upper[a], b) for a, b in segments)
    count = 0
    for i, (a1, b1) in enumerate(ends):
        for a2, b2 in ends[i + 1 :]:
            if a2 > a1 and b2 < b1:
                count += 1
    return count


def _order(layers: list[list[int]], links: list[tuple[int, int]]) -> list[list[int]]:
    """Items of each rank in an order with few crossings (barycentre sweeps, best kept)."""
    below: dict[int, list[int]] = {}
    above: dict[int, list[int]] = {}
    for a, b in links:  # a in rank r, b in rank r + 1
        below.setdefault(a, []).append(b)
        above.setdefault(b, []).append(a)

    def total(order: list[list[int]]) -> int:
        count = 0
        for upper, lower in zip(order, order[1:], strict=False):
            pos = {item: k for k, item in enumerate(upper)}
            low = {item: k for k, item in enumerate(lower)}
            count += _crossings(pos, [(a, low[b]) for a in upper for b in below.get(a, [])])
        return count

    best, best_count = [list(layer) for layer in layers], total(layers)
    order = [list(layer) for layer in layers]
    for sweep in range(SWEEPS):
        down = sweep % 2 == 0
        indices = range(1, len(order)) if down else range(len(order) - 2, -1, -1)
        for r in indices:
            ref = order[r - 1] if down else order[r + 1]
            pos = {item: k for k, item in enumerate(ref)}
            near = above if down else below
            current = {item: k for k, item in enumerate(order[r])}

            def key(item: int, pos=pos, near=near, current=current) -> tuple[float, int]:
                linked = [pos[n] for n in near.get(item, []) if n in pos]
                return (sum(linked) / len(linked) if linked else current[item], current[item])

            order[r] = sorted(order[r], key=key)
        count = total(order)
        if count < best_count:
            best, best_count = [list(layer) for layer in order], count
    return best


def _pava(targets: list[float], weights: list[float]) -> list[float]:
    """The non-decreasing sequence closest to ``targets`` (weighted least squares)."""
    blocks: list[list[float]] = []  # [mean, weight, length]
    for t, w in zip(targets, weights, strict=True):
        blocks.append([t, w, 1])
        while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
            m2, w2, n2 = blocks.pop()
            m1, w1, n1 = blocks.pop()
            blocks.append([(m1 * w1 + m2 * w2) / (w1 + w2), w1 + w2, n1 + n2])
    out: list[float] = []
    for mean, _, length in blocks:
        out.extend([mean] * int(length))
    return out


def _place(
    layer: list[int],
    extent: dict[int, float],
    wanted: dict[int, float],
    weight: dict[int, float],
    gaps: tuple[float, float],
) -> dict[int, float]:
    """Cross-axis centres for one rank's items, in order, as close as possible to ``wanted``
    and never closer than ``gaps[0]`` (between two boxes) or ``gaps[1]`` (next to a bend)."""
    offsets, at = [], 0.0
    for k, item in enumerate(layer):
        if k:
            bend = extent[item] == 0.0 or extent[layer[k - 1]] == 0.0
            at += (extent[layer[k - 1]] + extent[item]) / 2 + gaps[1 if bend else 0]
        offsets.append(at)
    fitted = _pava(
        [wanted[i] - o for i, o in zip(layer, offsets, strict=True)], [weight[i] for i in layer]
    )
    return {item: q + o for item, q, o in zip(layer, fitted, offsets, strict=True)}


def layout(
    sizes: Sequence[Point],
    edges: Sequence[tuple[int, int]],
    *,
    first: Collection[int] = (),
    rankdir: str = "LR",
    rank_gap: float = 40.0,
    node_gap: float = 18.0,
    margin: float = 8.0,
    label_sizes: Sequence[Point | None] | None = None,
) -> Layout:
    """Place boxes of ``sizes`` (width, height) joined by ``edges`` (parent, child).

    ``first`` are the inputs (rank 0). ``rank_gap`` is the room between two ranks, widened
    where an edge ending in the later rank carries a label of ``label_sizes[e]`` (width,
    height), which goes at the middle of the edge's last segment. An edge's points run from
    the parent's side facing the child to the child's side facing the parent.
    """
    count = len(sizes)
    lr = rankdir == "LR"
    rank = ranks_of(count, edges, first)
    depth = max(rank, default=-1) + 1
    # Items: the nodes (0 … count-1), then one bend point per rank an edge skips.
    items_rank = list(rank)
    chains: list[list[int]] = []
    links: list[tuple[int, int]] = []
    for p, c in edges:
        chain = [p]
        for r in range(rank[p] + 1, rank[c]):
            items_rank.append(r)
            chain.append(len(items_rank) - 1)
        chain.append(c)
        chains.append(chain)
        links.extend(zip(chain, chain[1:], strict=False))
    layers: list[list[int]] = [[] for _ in range(depth)]
    for item, r in enumerate(items_rank):
        layers[r].append(item)
    layers = _order(layers, links)

    along = [w if lr else h for w, h in sizes]  # extent along the rank axis
    across = {i: (h if lr else w) for i, (w, h) in enumerate(sizes)}
    bend = node_gap / 2
    across |= {item: 0.0 for item in range(count, len(items_rank))}
    # The rank axis: each rank as deep as its deepest box, gaps widened for labels.
    gaps = [rank_gap] * depth
    for e, (_, c) in enumerate(edges):
        size = label_sizes[e] if label_sizes else None
        if size is not None:
            need = (size[0] if lr else size[1]) + 16.0
            gaps[rank[c]] = max(gaps[rank[c]], need)
    depths = [max((along[i] for i in layer if i < count), default=0.0) for layer in layers]
    centre, at = [], margin
    for r in range(depth):
        at += gaps[r] if r else 0.0
        centre.append(at + depths[r] / 2)
        at += depths[r]
    length = at + margin

    # The cross axis: stacked, then pulled towards neighbours round after round.
    up: dict[int, list[int]] = {}
    down: dict[int, list[int]] = {}
    for a, b in links:
        down.setdefault(a, []).append(b)
        up.setdefault(b, []).append(a)
    weight = {i: (1.0 if i < count else 4.0) for i in range(len(items_rank))}
    pos: dict[int, float] = {}
    for layer in layers:
        pos |= _place(layer, across, {i: 0.0 for i in layer}, weight, (node_gap, bend))
    for sweep in range(2 * SWEEPS):
        forward = sweep % 2 == 0
        ordered = layers if forward else layers[::-1]
        last = sweep == 2 * SWEEPS - 1
        for layer in ordered:
            wanted = {}
            for item in layer:
                near = (up if forward else down).get(item, [])
                if last:
                    near = up.get(item, []) + down.get(item, [])
                wanted[item] = sum(pos[n] for n in near) / len(near) if near else pos[item]
            pos |= _place(layer, across, wanted, weight, (node_gap, bend))
    low = min(pos[i] - across[i] / 2 for i in pos)
    high = max(pos[i] + across[i] / 2 for i in pos)
    shift = margin - low
    breadth = high - low + 2 * margin

    def point(main: float, cross: float) -> Point:
        return (main, cross + shift) if lr else (cross + shift, main)

    centers = tuple(point(centre[rank[i]], pos[i]) for i in range(count))
    # Edge ends spread along the box side, in the order of where the edge comes from.
    ends: dict[tuple[int, int], float] = {}  # (edge, 0 = start / 1 = end) -> cross offset
    for node in range(count):
        for side in (0, 1):
            touching = [e for e, ch in enumerate(chains) if ch[-side] == node]
            neighbour = {e: pos[chains[e][-2 if side else 1]] for e in touching}
            touching.sort(key=lambda e: (neighbour[e], e))
            room = max(across[node] - 8.0, 0.0)
            for k, e in enumerate(touching):
                ends[(e, side)] = (k + 1) / (len(touching) + 1) * room - room / 2
    paths = []
    for e, chain in enumerate(chains):
        p, c = chain[0], chain[-1]
        start = point(centre[rank[p]] + along[p] / 2, pos[p] + ends[(e, 0)])
        stop = point(centre[rank[c]] - along[c] / 2, pos[c] + ends[(e, 1)])
        bends = []  # straight through the rank, as deep as its deepest box: bends in the gaps
        for i in chain[1:-1]:
            r = items_rank[i]
            bends += [
                point(centre[r] - depths[r] / 2, pos[i]),
                point(centre[r] + depths[r] / 2, pos[i]),
            ]
        paths.append((start, *bends, stop))
    width, height = (length, breadth) if lr else (breadth, length)
    sizes_out = tuple((float(w), float(h)) for w, h in sizes)
    return Layout(centers, sizes_out, tuple(paths), width, height, tuple(rank))
