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

from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx

from kg.extract.sentences import split_sentences
from kg.model import Entity, Extraction, Paper

__all__ = [
    "ALIASES", "EVIDENCE", "KIND", "NAME", "PAPER", "Evidence",
    "build_graph", "entity_id", "paper_id", "sentence_at",
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


def _add_edge(graph: nx.MultiDiGraph, u: str, v: str, predicate: str, evidence: Evidence) -> None:
    if graph.has_edge(u, v, predicate):
        data = graph.edges[u, v, predicate]
        # keep the most confident evidence of each paper
        by_paper = {e.paper: e for e in data[EVIDENCE]}
        old = by_paper.get(evidence.paper)
        if old is None or (evidence.confidence, evidence.sentence) > (old.confidence, old.sentence):
            by_paper[evidence.paper] = evidence
        data[EVIDENCE] = tuple(sorted(by_paper.values()))
    else:
        graph.add_edge(u, v, key=predicate, **{EVIDENCE: (evidence,)})


def _add_entity(graph: nx.MultiDiGraph, etype: str, name: str, surface: str | None, known: dict[tuple[str, str], Entity]) -> str:
    node = entity_id(etype, name)
    if node not in graph:
        entity = known.get((etype, name))
        graph.add_node(node, **{KIND: etype, NAME: name, ALIASES: tuple(sorted(entity.aliases)) if entity else (),
                                "wikidata": entity.wikidata if entity else None,
                                "arxiv": entity.arxiv if entity else None})
    if surface and surface != name and surface not in graph.nodes[node][ALIASES]:
        graph.nodes[node][ALIASES] = tuple(sorted({*graph.nodes[node][ALIASES], surface}))
    return node


def build_graph(extractions: Iterable[Extraction], entities: Iterable[Entity] = ()) -> nx.MultiDiGraph:
    """One graph from many extractions. ``entities`` supplies aliases and external ids."""
    known = {e.key: e for e in entities}
    graph = nx.MultiDiGraph()
    for ex in extractions:
        paper = ex.paper
        pid = paper_id(paper.key)
        graph.add_node(pid, **{KIND: "Paper", NAME: paper.title, PAPER: paper})
        for m in ex.mentions:
            node = _add_entity(graph, m.type, m.name, m.surface, known)
            predicate = "introduces" if m.introduced else "mentions"
            _add_edge(graph, pid, node, predicate, Evidence(paper.key, sentence_at(paper, m.start), m.confidence))
        for r in ex.relations:
            u = pid if r.subject[0] == "Paper" else _add_entity(graph, *r.subject, None, known)
            v = pid if r.object[0] == "Paper" else _add_entity(graph, *r.object, None, known)
            _add_edge(graph, u, v, r.predicate, Evidence(r.paper, r.sentence, r.confidence))
    # a paper that introduces an entity does not also merely mention it
    for u, v in [(u, v) for u, v, k in graph.edges(keys=True) if k == "introduces"]:
        if graph.has_edge(u, v, "mentions"):
            graph.remove_edge(u, v, "mentions")
    return graph
