"""Precomputed node positions for the HTML view, so the browser draws at once.

Force-directed layout in the browser costs ~30 s for 500 nodes; here the
``core`` (the best-connected nodes, at most ``core_max``) gets a
Fruchterman-Reingold layout in numpy, and every other node is placed in
breadth-first order on a sunflower spiral around the centroid of its placed
neighbours: papers gather around the entities they mention. Linear in the
graph beyond the core; deterministic for a seed.

>>> import networkx as nx
>>> pos = layout_positions(nx.path_graph(4))
>>> sorted(pos) == [0, 1, 2, 3] and all(isinstance(c, int) for xy in pos.values() for c in xy)
True
"""
from __future__ import annotations

import math
from collections import defaultdict

import networkx as nx
import numpy as np

__all__ = ["CORE_MAX", "force_layout", "layout_positions"]

#: The most nodes laid out by force simulation; the rest go on spirals.
CORE_MAX = 1200
#: Distance in pixels between neighbouring nodes of a spiral.
SPACING = 26.0
_GOLDEN = math.pi * (3.0 - math.sqrt(5.0))


def force_layout(weights: np.ndarray, seed: int = 0, iterations: int = 60, gravity: float = 0.6) -> np.ndarray:
    """Fruchterman-Reingold positions (n x 2, about [-1, 1]) for a dense symmetric weight matrix.

    ``gravity`` pulls every node towards the centre, so components stay together.
    """
    n = len(weights)
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2), dtype=np.float32)
    if n < 2:
        return pos * 0
    a = weights.astype(np.float32)
    k = np.float32(math.sqrt(1.0 / n))
    t = np.float32(0.1)
    dt = t / (iterations + 1)
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.sqrt((delta * delta).sum(-1))
        np.clip(dist, 0.01, None, out=dist)
        force = k * k / (dist * dist) - a * dist / k
        disp = np.einsum("ijk,ij->ik", delta, force) - gravity * k * (pos - pos.mean(0))
        length = np.sqrt((disp * disp).sum(-1))
        np.clip(length, 0.01, None, out=length)
        pos += disp * (t / length)[:, None]
        t -= dt
    pos -= pos.mean(0)
    extent = float(np.quantile(np.sqrt((pos * pos).sum(-1)), 0.98))
    return pos / max(extent, 1e-9)


def _spiral(centre: tuple[float, float], count: int, start: float) -> list[tuple[float, float]]:
    """``count`` points of a sunflower spiral around ``centre``, from radius ``start`` outwards."""
    first = (start / SPACING) ** 2
    out = []
    for i in range(count):
        r = SPACING * math.sqrt(first + i + 0.5)
        out.append((centre[0] + r * math.cos(i * _GOLDEN), centre[1] + r * math.sin(i * _GOLDEN)))
    return out


def _core_weights(graph: nx.Graph, core: list) -> np.ndarray:
    """Direct edges among the core, plus one link per shared non-core neighbour."""
    index = {n: i for i, n in enumerate(core)}
    w = np.zeros((len(core), len(core)), dtype=np.float32)
    for u, v in graph.edges():
        if u in index and v in index:
            w[index[u], index[v]] += 1.0
    for node in graph:
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


def layout_positions(graph: nx.Graph, core_max: int = CORE_MAX, seed: int = 0) -> dict:
    """Integer ``(x, y)`` pixel positions for every node of ``graph`` (any networkx graph)."""
    simple = nx.Graph(graph)
    simple.remove_edges_from(nx.selfloop_edges(simple))
    isolates = sorted((n for n in simple if not simple.degree(n)), key=str)
    simple.remove_nodes_from(isolates)
    order = sorted(simple, key=lambda n: (-simple.degree(n), str(n)))
    core = order[:core_max]
    radius = SPACING * math.sqrt(len(order)) * 1.3 + SPACING
    coords = force_layout(_core_weights(simple, core), seed=seed) * radius
    pos: dict = {n: (float(x), float(y)) for n, (x, y) in zip(core, coords)}
    placed_components = {n for n in core}
    # breadth first from the core; nodes sharing the same placed neighbours share a spiral
    frontier = [n for n in core]
    while len(pos) < len(order):
        groups: dict[tuple, list] = defaultdict(list)
        for node in frontier:
            for m in simple[node]:
                if m not in pos:
                    groups[()].append(m)
        candidates = sorted(set(groups[()]), key=str) if groups[()] else []
        if not candidates:
            # a component the core does not reach: seed it on the rim
            rest = [n for n in order if n not in pos]
            start = rest[0]
            angle = len(placed_components) * _GOLDEN
            rim = radius * 1.25 + SPACING * math.sqrt(len(placed_components))
            pos[start] = (rim * math.cos(angle), rim * math.sin(angle))
            placed_components.add(start)
            frontier = [start]
            continue
        by_anchor: dict[tuple, list] = defaultdict(list)
        for m in candidates:
            by_anchor[tuple(sorted((str(p) for p in simple[m] if p in pos)))].append(m)
        frontier = []
        for anchor, members in sorted(by_anchor.items()):
            anchors = [p for p in simple[members[0]] if p in pos]
            cx = sum(pos[p][0] for p in anchors) / len(anchors)
            cy = sum(pos[p][1] for p in anchors) / len(anchors)
            start = 2 * SPACING if len(anchors) == 1 else 0.5 * SPACING
            for m, xy in zip(members, _spiral((cx, cy), len(members), start)):
                pos[m] = xy
            frontier.extend(members)
    if isolates:
        # unconnected nodes: a disc beside the graph
        right = max((x for x, _ in pos.values()), default=0.0)
        side = SPACING * math.sqrt(len(isolates)) * 1.05
        for m, xy in zip(isolates, _spiral((right + side + 3 * SPACING, 0.0), len(isolates), 0.0)):
            pos[m] = xy
    return {n: (int(round(x)), int(round(y))) for n, (x, y) in pos.items()}
