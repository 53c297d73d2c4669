"""Precomputed node positions for the HTML view, so the browser draws at once.

Force-directed layout in the browser costs ~30 s for 500 nodes; here every
connected component is laid out on its own and the components are packed in
rows under the largest one, isolated nodes last:

- in a component, the ``core`` (its best-connected nodes, at most
  ``core_max``) gets a Fruchterman-Reingold layout in numpy, and every other
  node is placed in breadth-first order on a sunflower spiral around the
  centroid of its placed neighbours: papers gather around the entities they
  mention. Linear in the graph beyond the core; deterministic for a seed.
- :func:`layered_positions` draws a lineage tree: ancestors above, each
  level ordered to keep parents over their children (barycentre sweeps).

>>> import networkx as nx
>>> pos = layout_positions(nx.path_graph(4))
>>> sorted(pos) == [0, 1, 2, 3] and all(isinstance(c, int) for xy in pos.values() for c in xy)
True
>>> layered_positions(nx.DiGraph([("child", "parent")]))["child"][1] > 0
True
"""
from __future__ import annotations

import math
from collections import defaultdict

import networkx as nx
import numpy as np

__all__ = ["CORE_MAX", "SPACING", "force_layout", "layered_positions", "levels", "layout_positions"]

#: The most nodes of one component laid out by force simulation; the rest go on spirals.
CORE_MAX = 600
#: Distance in pixels between neighbouring nodes of a spiral.
SPACING = 26.0
_GOLDEN = math.pi * (3.0 - math.sqrt(5.0))


def force_layout(weights: np.ndarray, seed: int = 0, iterations: int = 60, gravity: float = 0.6) -> np.ndarray:
    """Fruchterman-Reingold positions (n x 2, about [-1, 1]) for a dense symmetric weight matrix.

    ``gravity`` pulls every node towards the centre, so the layout stays round.

    >>> force_layout(np.ones((3, 3)) - np.eye(3)).shape
    (3, 2)
    """
    n = len(weights)
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2), dtype=np.float64).astype(np.float32)
    if n < 2:
        return pos * 0
    a = weights.astype(np.float32)
    k = np.float32(math.sqrt(1.0 / n))
    t = 0.1
    dt = t / (iterations + 1)
    for _ in range(iterations):
        x, y = pos[:, 0], pos[:, 1]
        dx = x[:, None] - x[None, :]
        dy = y[:, None] - y[None, :]
        dist = np.hypot(dx, dy)
        np.clip(dist, 0.01, None, out=dist)
        force = k * k / (dist * dist) - a * dist / k
        centre = pos.mean(0)
        disp = np.stack([(dx * force).sum(1), (dy * force).sum(1)], axis=1) - gravity * k * (pos - centre)
        length = np.hypot(disp[:, 0], disp[:, 1])
        np.clip(length, 0.01, None, out=length)
        pos += disp * (np.float32(t) / length)[:, None]
        t -= dt
    pos -= pos.mean(0)
    extent = float(np.quantile(np.hypot(pos[:, 0], pos[:, 1]), 0.98))
    return pos / max(extent, 1e-9)


def _spiral(centre: tuple[float, float], count: int, start: float) -> list[tuple[float, float]]:
    """``count`` points of a sunflower spiral around ``centre``, from radius ``start`` outwards."""
    first = (start / SPACING) ** 2
    out = []
    for i in range(count):
        r = SPACING * math.sqrt(first + i + 0.5)
        out.append((centre[0] + r * math.cos(i * _GOLDEN), centre[1] + r * math.sin(i * _GOLDEN)))
    return out


def _core_weights(graph: nx.Graph, core: list, nodes: set) -> np.ndarray:
    """Direct edges among the core, plus one link per shared non-core neighbour (``nodes``: the component)."""
    index = {n: i for i, n in enumerate(core)}
    w = np.zeros((len(core), len(core)), dtype=np.float32)
    for u in core:
        for v in graph[u]:
            if v in index and v != u:
                w[index[u], index[v]] = 1.0
    for node in nodes:
        if node in index:
            continue
        inner = [index[m] for m in graph[node] if m in index]
        if 1 < len(inner) <= 20:
            for i in inner:
                for j in inner:
                    if i != j:
                        w[i, j] += 0.5
    w = np.maximum(w, w.T)
    return np.log1p(w)


def _component(graph: nx.Graph, nodes: set, core_max: int, seed: int) -> dict:
    """Positions of one connected component, the ``nodes`` of ``graph`` (float pixels, centred near the origin)."""
    n = len(nodes)
    if n == 1:
        return {next(iter(nodes)): (0.0, 0.0)}
    if n == 2:
        a, b = sorted(nodes, key=str)
        return {a: (-SPACING, 0.0), b: (SPACING, 0.0)}
    order = sorted(nodes, key=lambda m: (-len(graph[m]), str(m)))
    core = order[:core_max]
    radius = SPACING * math.sqrt(n) * 1.5 + SPACING
    coords = force_layout(_core_weights(graph, core, nodes), seed=seed) * radius
    pos: dict = {m: (float(x), float(y)) for m, (x, y) in zip(core, coords)}
    frontier = list(core)
    while len(pos) < n:
        candidates = sorted({m for node in frontier for m in graph[node] if m not in pos}, key=str)
        # nodes sharing the same placed neighbours share a spiral
        by_anchor: dict[tuple, list] = defaultdict(list)
        for m in candidates:
            by_anchor[tuple(sorted(str(p) for p in graph[m] if p in pos))].append(m)
        frontier = []
        for _, members in sorted(by_anchor.items()):
            anchors = [p for p in graph[members[0]] if p in pos]
            cx = sum(pos[p][0] for p in anchors) / len(anchors)
            cy = sum(pos[p][1] for p in anchors) / len(anchors)
            start = 2 * SPACING if len(anchors) == 1 else 0.5 * SPACING
            for m, xy in zip(members, _spiral((cx, cy), len(members), start)):
                pos[m] = xy
            frontier.extend(members)
    return pos


def _pack(parts: list[dict]) -> dict:
    """Place laid-out parts (largest first) in rows: the first on top, the rest on shelves beneath it."""
    boxes = []
    for part in parts:
        xs = [x for x, _ in part.values()]
        ys = [y for _, y in part.values()]
        boxes.append((min(xs), min(ys), max(xs) - min(xs) + 2 * SPACING, max(ys) - min(ys) + 2 * SPACING))
    area = sum(w * h for _, _, w, h in boxes)
    width = max(boxes[0][2], math.sqrt(area) * 1.2) if boxes else 0.0
    out: dict = {}
    x = y = row = 0.0
    for i, (part, (x0, y0, w, h)) in enumerate(zip(parts, boxes)):
        if i == 0:
            # the largest part sits centred above the shelves
            left = (width - w) / 2
            out.update({m: (px - x0 + left + SPACING, py - y0 + SPACING) for m, (px, py) in part.items()})
            y, row = h + 2 * SPACING, 0.0
            continue
        if x > 0 and x + w > width:
            x, y, row = 0.0, y + row, 0.0
        out.update({m: (px - x0 + x + SPACING, py - y0 + y + SPACING) for m, (px, py) in part.items()})
        x += w
        row = max(row, h)
    if out:
        cx = sum(x for x, _ in out.values()) / len(out)
        cy = sum(y for _, y in out.values()) / len(out)
        out = {m: (x - cx, y - cy) for m, (x, y) in out.items()}
    return out


def layout_positions(graph: nx.Graph, core_max: int = CORE_MAX, seed: int = 0) -> dict:
    """Integer ``(x, y)`` pixel positions for every node of ``graph`` (any networkx graph)."""
    simple = nx.Graph(graph)
    simple.remove_edges_from(nx.selfloop_edges(simple))
    components = sorted(nx.connected_components(simple), key=lambda c: (-len(c), min(map(str, c))))
    parts = [_component(simple, c, core_max, seed) for c in components if len(c) > 1]
    isolates = sorted((m for c in components if len(c) == 1 for m in c), key=str)
    if isolates:
        # unconnected nodes: one block of a square grid
        side = math.ceil(math.sqrt(len(isolates)))
        parts.append({m: ((i % side) * SPACING * 1.5, (i // side) * SPACING * 1.5) for i, m in enumerate(isolates)})
    return {n: (int(round(x)), int(round(y))) for n, (x, y) in _pack(parts).items()}


def levels(tree: nx.DiGraph) -> dict:
    """Level of every node of a lineage graph (edges child -> parent): roots 0, each child below all its parents.

    Cycles (contradictory extractions) are collapsed first, so every member of
    a cycle shares a level.

    >>> levels(nx.DiGraph([("TinyBERT", "BERT"), ("BERT", "Transformer")]))
    {'Transformer': 0, 'BERT': 1, 'TinyBERT': 2}
    """
    dag = nx.condensation(tree)
    members = dag.graph["mapping"]
    level: dict[int, int] = {}
    for c in reversed(list(nx.lexicographical_topological_sort(dag, key=str))):
        # successors are parents; they come later in topological order, so they are done
        level[c] = 1 + max((level[p] for p in dag.successors(c)), default=-1)
    out = {n: level[members[n]] for n in tree}
    return dict(sorted(out.items(), key=lambda item: (item[1], str(item[0]))))


def layered_positions(tree: nx.DiGraph, sweeps: int = 4, wrap: int = 40) -> dict:
    """Integer positions of a lineage graph (edges child -> parent): ancestors on top, levels as rows.

    Within a row, nodes are ordered by the mean position of their neighbours in
    the rows above and below (alternating sweeps), which keeps families together;
    a level of more than ``wrap`` nodes continues on further rows.
    """
    level = levels(tree)
    rows: dict[int, list] = defaultdict(list)
    for n, lv in level.items():
        rows[lv].append(n)
    undirected = tree.to_undirected(as_view=True)
    order = {n: float(i) for row in rows.values() for i, n in enumerate(row)}
    depth = sorted(rows)
    for sweep in range(sweeps):
        sequence = depth[1:] if sweep % 2 == 0 else depth[-2::-1]
        for lv in sequence:
            near = lv - 1 if sweep % 2 == 0 else lv + 1
            def key(n, near=near):
                ref = [order[m] for m in undirected[n] if level[m] == near]
                return (sum(ref) / len(ref) if ref else order[n], str(n))
            rows[lv].sort(key=key)
            order.update({n: float(i) for i, n in enumerate(rows[lv])})
    gap_x, gap_y = SPACING * 6.5, SPACING * 5
    pos = {}
    y = 0.0
    for lv in depth:
        row = rows[lv]
        # a very wide level wraps onto staggered sub-rows
        for start in range(0, len(row), wrap):
            part = row[start:start + wrap]
            offset = (len(part) - 1) / 2 - (0.5 if (start // wrap) % 2 else 0.0)
            for i, n in enumerate(part):
                pos[n] = (int(round((i - offset) * gap_x)), int(round(y)))
            y += gap_y * (0.6 if start + wrap < len(row) else 1.0)
    return pos
