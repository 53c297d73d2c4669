"""``kg view``: the HTML view of one entity's neighbourhood or lineage tree.

A name is resolved over the labels and aliases of the loaded graph
(:func:`kg.load.load_graph`), ignoring case, accents, spaces and hyphens
(:func:`kg.link.normalize`); the user's text is only ever compared with
names, never put into a query, so quotes, braces or SPARQL keywords in it
change nothing. The drawn part is chosen with networkx:

- :func:`neighbourhood`: every node within ``hops`` links, any direction;
- :func:`lineage_nodes`: the entity, all its ancestors and all its
  descendants along the lineage predicates (``kg:derivedFrom`` and its
  sub-properties), drawn as a tree with ancestors on top.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("Model:TinyBERT", kind="Model", name="TinyBERT", aliases=("Tiny-BERT",))
>>> g.add_node("Model:BERT", kind="Model", name="BERT", aliases=())
>>> _ = g.add_edge("Model:TinyBERT", "Model:BERT", key="distillsFrom")
>>> resolve(g, "tiny bert")
'Model:TinyBERT'
>>> sorted(lineage_nodes(g, "Model:BERT"))
['Model:BERT', 'Model:TinyBERT']
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
from rapidfuzz import fuzz, process

from kg.errors import KGError
from kg.export.html import MAX_NODES, write_html
from kg.graph import ALIASES, KIND, NAME
from kg.link import normalize
from kg.load import load_graph
from kg.model import LINEAGE_PREDICATES

__all__ = [
    "LINEAGE", "MAX_NODES", "UnknownEntityError", "View", "lineage_graph", "lineage_nodes", "neighbourhood", "resolve", "view",
]

log = logging.getLogger(__name__)

#: Edge keys followed by ``--lineage``: ``derivedFrom`` and its sub-properties (edges child -> parent).
LINEAGE = frozenset((*LINEAGE_PREDICATES, "derivedFrom"))


class UnknownEntityError(KGError, LookupError):
    """No node of the graph has the given name or alias. ``suggestions`` holds close names."""

    def __init__(self, name: str, suggestions: tuple[str, ...] = ()):
        self.name = name
        self.suggestions = suggestions
        hint = f"; close names: {', '.join(repr(s) for s in suggestions)}" if suggestions else \
            "; 'kg stats' lists what the graph holds"
        super().__init__(f"no entity or paper named {name!r}{hint}")


@dataclass(frozen=True, slots=True)
class View:
    """What :func:`view` wrote: the file, the resolved node and the counts drawn."""

    path: Path
    node: str
    name: str
    nodes: int
    edges: int
    truncated: bool = False


def _names(graph: nx.MultiDiGraph, node: str) -> tuple[str, tuple[str, ...]]:
    data = graph.nodes[node]
    return str(data.get(NAME, node)), tuple(str(a) for a in data.get(ALIASES, ()))


def resolve(graph: nx.MultiDiGraph, name: str, suggestions: int = 5) -> str:
    """The node whose canonical name, alias or id is ``name`` (case, accents, spaces, hyphens ignored).

    Several matches: an exact name beats a normalised one, a name beats an
    alias, an entity beats a paper, more links beat fewer. No match:
    :class:`UnknownEntityError` with up to ``suggestions`` close names.
    """
    if name in graph:
        return name
    key = normalize(name)
    best = None
    for node in graph:
        label, aliases = _names(graph, node)
        if label == name:
            rank = 0
        elif key and normalize(label) == key:
            rank = 1
        elif name in aliases:
            rank = 2
        elif key and any(normalize(a) == key for a in aliases):
            rank = 3
        else:
            continue
        candidate = (rank, graph.nodes[node].get(KIND) == "Paper", -graph.degree(node), str(node))
        if best is None or candidate < best[0]:
            best = (candidate, node)
    if best is not None:
        return best[1]
    raise UnknownEntityError(name, _close(graph, key or name.casefold(), suggestions))


def _close(graph: nx.MultiDiGraph, key: str, limit: int) -> tuple[str, ...]:
    """Up to ``limit`` entity names (or aliases' entities) whose normalised form is close to ``key``."""
    choices: dict[str, str] = {}
    for node, data in sorted(graph.nodes(data=True)):
        if data.get(KIND) == "Paper":
            continue
        label, aliases = _names(graph, node)
        for text in (label, *aliases):
            choices.setdefault(normalize(text) or text.casefold(), label)
    keys = list(choices)
    found = process.extract(key, keys, scorer=fuzz.ratio, limit=limit * 4, score_cutoff=60)
    out: list[str] = []
    for choice, _, _ in sorted(found, key=lambda hit: (-hit[1], hit[0])):
        label = choices[choice]
        if label not in out:
            out.append(label)
    return tuple(out[:limit])


def neighbourhood(graph: nx.MultiDiGraph, node: str, hops: int = 2, limit: int | None = None) -> set[str]:
    """Every node within ``hops`` links of ``node``, following links either way.

    With ``limit``, at most that many: a ring that does not fit whole keeps
    its best-connected nodes.

    >>> g = nx.MultiDiGraph([(1, 2), (2, 3), (3, 4), (2, 5), (5, 6), (5, 7)])
    >>> sorted(neighbourhood(g, 1, hops=2)), sorted(neighbourhood(g, 1, hops=2, limit=3))
    ([1, 2, 3, 5], [1, 2, 5])
    """
    if hops < 0:
        raise ValueError(f"hops must be 0 or more, not {hops}")
    seen = {node}
    frontier = [node]
    for _ in range(hops):
        ring = {m for n in frontier for m in (*graph.successors(n), *graph.predecessors(n))} - seen
        if limit is not None and len(seen) + len(ring) > limit:
            best = sorted(ring, key=lambda m: (-graph.degree(m), str(m)))
            seen.update(best[:max(0, limit - len(seen))])
            break
        seen |= ring
        frontier = sorted(ring, key=str)
    return seen


def lineage_graph(graph: nx.MultiDiGraph) -> nx.DiGraph:
    """The lineage edges of ``graph`` (child -> parent) as a simple directed graph."""
    tree = nx.DiGraph()
    tree.add_edges_from((u, v) for u, v, k in graph.edges(keys=True) if k in LINEAGE and u != v)
    return tree


def lineage_nodes(graph: nx.MultiDiGraph, node: str) -> set[str]:
    """``node`` with every ancestor (what it derives from, transitively) and every descendant."""
    tree = lineage_graph(graph)
    if node not in tree:
        return {node}
    return {node} | nx.descendants(tree, node) | nx.ancestors(tree, node)


def view(out: Path | str, name: str, *, hops: int = 2, lineage: bool = False, path: Path | str | None = None,
         max_nodes: int | None = MAX_NODES, graph: nx.MultiDiGraph | None = None) -> View:
    """Write the HTML view of ``name``'s neighbourhood (or lineage tree) of the build in ``out``.

    ``path`` defaults to ``OUT/view-<name>.html`` (``lineage-<name>.html``
    with ``lineage``), the name reduced to letters and digits. A
    neighbourhood larger than ``max_nodes`` keeps the nearest, best-connected
    nodes (:func:`neighbourhood`) and says so. ``graph`` skips loading ``out`` again.
    """
    graph = load_graph(out) if graph is None else graph
    node = resolve(graph, name)
    truncated = False
    label = _names(graph, node)[0]
    if lineage:
        drawn = lineage_nodes(graph, node)
        title = f"Lineage of {label}"
        tree = lineage_graph(graph.subgraph(drawn))
        ancestors = len(nx.descendants(tree, node)) if node in tree else 0
        note = (f"{ancestors} ancestor{'s' * (ancestors != 1)}, {len(drawn) - 1 - ancestors} "
                f"descendant{'s' * (len(drawn) - 1 - ancestors != 1)}; arrows point from child to parent")
        if len(drawn) == 1:
            log.warning("%s has no lineage edges in %s; the tree is the entity alone", label, out)
    else:
        drawn = neighbourhood(graph, node, hops)
        title = f"{label}: {hops}-hop neighbourhood"
        note = f"{len(drawn)} nodes within {hops} link{'s' * (hops != 1)}"
        if max_nodes is not None and len(drawn) > max_nodes:
            truncated = True
            log.warning("%s: the %d-hop neighbourhood has %d nodes; drawing the %d best-connected "
                        "(fewer --hops, or a larger --max-nodes, for all)", label, hops, len(drawn), max_nodes)
            drawn = neighbourhood(graph, node, hops, limit=max_nodes)
            note = f"{len(drawn)} best-connected nodes within {hops} links (fewer hops for all)"
    if path is None:
        slug = normalize(label)[:60] or "entity"
        path = Path(out) / f"{'lineage' if lineage else 'view'}-{slug}.html"
    written = write_html(graph, Path(path), title=title, nodes=drawn, note=note, hierarchical=lineage, focus=node,
                         max_nodes=max_nodes)
    edges = graph.subgraph(drawn).number_of_edges()
    return View(written, node, label, len(drawn), edges, truncated)
