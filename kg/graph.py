"""Assemble extractions into one networkx graph.

Nodes are keyed by a string id: ``paper:<paper key>`` for papers,
``<Type>:<canonical name>`` for entities. Edges are keyed by predicate and
carry their evidence: a sorted tuple of :class:`Evidence` (one per paper).

>>> from kg.model import Paper, Extraction, Mention
>>> p = Paper(key="t:x", title="X", abstract="Uses BERT.", sources=("a.txt:1",))
>>> g = build_graph([Extraction(p, (Mention("BERT", "BERT", "Model", 7, 11),))])
>>> sorted(g.nodes)
['Model:BERT', 'paper:t:x']
>>> list(g.edges(keys=True))
[('paper:t:x', 'Model:BERT', 'mentions')]
"""
from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx

from kg.extract.sentences import split_sentences
from kg.model import Entity, Extraction, Paper

__all__ = [
    "ALIASES", "EVIDENCE", "KIND", "NAME", "PAPER", "Contribution", "Evidence", "GraphAssembler",
    "build_graph", "contribution", "entity_id", "paper_id", "sentence_at",
]

# Node attribute keys.
KIND = "kind"  # "Paper" or an entity type
NAME = "name"  # canonical name (entities) or title (papers)
ALIASES = "aliases"  # sorted tuple of surface forms and gazetteer aliases
PAPER = "paper"  # the Paper value (papers)
# Edge attribute key.
EVIDENCE = "evidence"


@dataclass(frozen=True, slots=True, order=True)
class Evidence:
    paper: str  # paper key
    sentence: str
    confidence: float


def paper_id(key: str) -> str:
    return f"paper:{key}"


def entity_id(etype: str, name: str) -> str:
    return f"{etype}:{name}"


def sentence_at(paper: Paper, offset: int) -> str:
    """The sentence of ``paper.text`` holding character ``offset``."""
    if offset <= len(paper.title):
        return paper.title
    base = len(paper.title) + 1
    sentence = paper.abstract
    for start, text in split_sentences(paper.abstract):
        if base + start <= offset:
            sentence = text
    return sentence


@dataclass(frozen=True, slots=True)
class Contribution:
    """What one paper adds to the graph: computed per paper (in any process), merged centrally.

    ``entities`` are ``(type, name, surface or None)``; ``edges`` are
    ``(u, v, predicate, Evidence)`` with node ids, one per (edge, paper): the
    paper's most confident evidence. A paper that introduces an entity does
    not also merely mention it.
    """

    paper: Paper
    entities: tuple[tuple[str, str, str | None], ...] = ()
    edges: tuple[tuple[str, str, str, Evidence], ...] = ()


def contribution(ex: Extraction) -> Contribution:
    """The :class:`Contribution` of one extraction."""
    paper = ex.paper
    pid = paper_id(paper.key)
    starts = [0] + [len(paper.title) + 1 + o for o, _ in split_sentences(paper.abstract)]
    texts = [paper.title] + [t for _, t in split_sentences(paper.abstract)]
    entities: dict[tuple[str, str, str | None], None] = {}
    best: dict[tuple[str, str, str], Evidence] = {}

    def edge(u, v, predicate, ev):
        old = best.get((u, v, predicate))
        if old is None or (ev.confidence, ev.sentence) > (old.confidence, old.sentence):
            best[(u, v, predicate)] = ev

    for m in ex.mentions:
        entities[(m.type, m.name, m.surface if m.surface != m.name else None)] = None
        sentence = paper.title if m.start <= len(paper.title) else texts[bisect.bisect_right(starts, m.start) - 1]
        edge(pid, entity_id(m.type, m.name), "introduces" if m.introduced else "mentions",
             Evidence(paper.key, sentence, m.confidence))
    for r in ex.relations:
        ends = []
        for etype, name in (r.subject, r.object):
            if etype == "Paper":
                ends.append(pid)
            else:
                entities.setdefault((etype, name, None), None)
                ends.append(entity_id(etype, name))
        edge(ends[0], ends[1], r.predicate, Evidence(r.paper, r.sentence, r.confidence))
    edges = tuple((u, v, k, ev) for (u, v, k), ev in best.items()
                  if not (k == "mentions" and (u, v, "introduces") in best))
    return Contribution(paper, tuple(entities), edges)


class GraphAssembler:
    """Merges contributions into one graph; a paper can be replaced or removed.

    Evidence lists and alias counts are kept open while assembling;
    :meth:`graph` closes them into the sorted tuples of the graph contract.

    >>> from kg.model import Mention
    >>> p = Paper(key="t:x", title="X", abstract="Uses Bert.", sources=("a.txt:1",))
    >>> asm = GraphAssembler()
    >>> asm.add(contribution(Extraction(p, (Mention("Bert", "BERT", "Model", 7, 11),))))
    >>> asm.graph().nodes["Model:BERT"][ALIASES]
    ('Bert',)
    >>> asm.remove(contribution(Extraction(p, (Mention("Bert", "BERT", "Model", 7, 11),))))
    >>> sorted(asm.graph().nodes)
    []
    """

    def __init__(self, entities: Iterable[Entity] = ()):
        self.known = {e.key: e for e in entities}
        self._graph = nx.MultiDiGraph()
        self._surfaces: dict[str, dict[str, int]] = {}  # entity node -> surface -> papers using it
        self._uses: dict[str, int] = {}  # entity node -> contributions naming it

    def _entity(self, etype: str, name: str) -> str:
        node = entity_id(etype, name)
        if node not in self._graph:
            entity = self.known.get((etype, name))
            self._graph.add_node(node, **{KIND: etype, NAME: name, ALIASES: tuple(sorted(entity.aliases)) if entity else (),
                                          "wikidata": entity.wikidata if entity else None,
                                          "arxiv": entity.arxiv if entity else None})
        return node

    def add(self, c: Contribution) -> None:
        g = self._graph
        g.add_node(paper_id(c.paper.key), **{KIND: "Paper", NAME: c.paper.title, PAPER: c.paper})
        for etype, name, surface in c.entities:
            node = self._entity(etype, name)
            self._uses[node] = self._uses.get(node, 0) + 1
            if surface:
                counts = self._surfaces.setdefault(node, {})
                counts[surface] = counts.get(surface, 0) + 1
        for u, v, k, ev in c.edges:
            if g.has_edge(u, v, k):
                g.edges[u, v, k][EVIDENCE].append(ev)
            else:
                g.add_edge(u, v, key=k, **{EVIDENCE: [ev]})

    def remove(self, c: Contribution) -> None:
        """Undo :meth:`add` of the same contribution."""
        g = self._graph
        for u, v, k, ev in c.edges:
            if g.has_edge(u, v, k):
                evidence = g.edges[u, v, k][EVIDENCE]
                evidence[:] = [e for e in evidence if e != ev]
                if not evidence:
                    g.remove_edge(u, v, k)
        for etype, name, surface in c.entities:
            node = entity_id(etype, name)
            if surface and (counts := self._surfaces.get(node)) and surface in counts:
                counts[surface] -= 1
                if not counts[surface]:
                    del counts[surface]
            self._uses[node] -= 1
            if not self._uses[node]:
                del self._uses[node]
                self._surfaces.pop(node, None)
                g.remove_node(node)
        g.remove_node(paper_id(c.paper.key))

    def graph(self) -> nx.MultiDiGraph:
        """The graph with evidence as sorted tuples and aliases filled in (assembly may go on)."""
        g = self._graph.copy()
        for node, counts in self._surfaces.items():
            g.nodes[node][ALIASES] = tuple(sorted({*g.nodes[node][ALIASES], *counts}))
        for _, _, data in g.edges(data=True):
            data[EVIDENCE] = tuple(sorted(data[EVIDENCE]))
        return g


def build_graph(extractions: Iterable[Extraction], entities: Iterable[Entity] = ()) -> nx.MultiDiGraph:
    """One graph from many extractions. ``entities`` supplies aliases and external ids."""
    assembler = GraphAssembler(entities)
    for ex in extractions:
        assembler.add(contribution(ex))
    return assembler.graph()
