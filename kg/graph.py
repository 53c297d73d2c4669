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

from kg.extract.languages import iso_code
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
    sentences = split_sentences(paper.abstract)
    base = len(paper.title) + 1
    starts = [0] + [base + o for o, _ in sentences]
    texts = [paper.title] + [t for _, t in sentences]
    entities: dict[tuple[str, str, str | None], None] = {}
    best: dict[tuple[str, str, str], Evidence] = {}

    def edge(u, v, predicate, ev):
        old = best.get((u, v, predicate))
        if old is None or (ev.confidence, ev.sentence) > (old.confidence, old.sentence):
            best[(u, v, predicate)] = ev

    for m in ex.mentions:
        # a surface with no letter names nothing by itself ("4" in "GPT-3.5/4"): no alias
        spelled = m.surface != m.name and any(c.isalpha() for c in m.surface)
        entities[(m.type, m.name, m.surface if spelled else None)] = None
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
    """Merges contributions into one graph, one contribution per paper key.

    Adding a paper's contribution again replaces the old one, and
    :meth:`remove` takes it out, so the graph can be updated in place. The
    networkx graph is made on demand by :meth:`graph`.

    >>> from kg.model import Mention
    >>> p = Paper(key="t:x", title="X", abstract="Uses Bert.", sources=("a.txt:1",))
    >>> asm = GraphAssembler()
    >>> asm.add(contribution(Extraction(p, (Mention("Bert", "BERT", "Model", 7, 11),))))
    >>> asm.graph().nodes["Model:BERT"][ALIASES]
    ('Bert',)
    >>> asm.remove("t:x")
    >>> sorted(asm.graph().nodes)
    []
    """

    def __init__(self, entities: Iterable[Entity] = ()):
        self.known = {e.key: e for e in entities}
        self.contributions: dict[str, Contribution] = {}  # paper key -> its contribution
        self._entities: dict[str, tuple[str, str]] = {}  # node -> (type, name)
        self._uses: dict[str, int] = {}  # node -> contributions naming it
        self._surfaces: dict[str, dict[str, int]] = {}  # node -> surface -> contributions using it
        # (u, v, predicate) -> paper -> evidence, for edges between entities; an edge touching a paper
        # node comes from that paper's contribution alone and is read from it (no index: most edges)
        self._edges: dict[tuple[str, str, str], dict[str, Evidence]] = {}
        self._strings: dict[str, str] = {}  # one copy of every node id and name

    def __len__(self) -> int:
        return len(self.contributions)

    def _one(self, text: str) -> str:
        return self._strings.setdefault(text, text)

    def add(self, c: Contribution) -> None:
        """Add a paper's contribution (replacing any earlier one of the same paper)."""
        key = c.paper.key
        if key in self.contributions:
            self.remove(key)
        one = self._one
        pid = paper_id(key)
        c = Contribution(c.paper, tuple((one(t), one(n), s) for t, n, s in c.entities),
                         tuple((u if u == pid else one(u), v if v == pid else one(v), one(k), ev)
                               for u, v, k, ev in c.edges))
        self.contributions[key] = c
        for etype, name, surface in c.entities:
            node = one(entity_id(etype, name))
            self._entities.setdefault(node, (etype, name))
            self._uses[node] = self._uses.get(node, 0) + 1
            if surface:
                counts = self._surfaces.setdefault(node, {})
                counts[surface] = counts.get(surface, 0) + 1
        for u, v, k, ev in c.edges:
            if u != pid and v != pid:
                self._edges.setdefault((u, v, k), {})[key] = ev

    def remove(self, key: str) -> None:
        """Take out the contribution of the paper with ``key`` (if any)."""
        c = self.contributions.pop(key, None)
        if c is None:
            return
        pid = paper_id(key)
        for u, v, k, _ in c.edges:
            if u == pid or v == pid:
                continue
            evidence = self._edges[(u, v, k)]
            del evidence[key]
            if not evidence:
                del self._edges[(u, v, k)]
        for etype, name, surface in c.entities:
            node = entity_id(etype, name)
            if surface:
                counts = self._surfaces[node]
                counts[surface] -= 1
                if not counts[surface]:
                    del counts[surface]
            self._uses[node] -= 1
            if not self._uses[node]:
                del self._uses[node], self._entities[node]
                self._surfaces.pop(node, None)

    def entity_data(self, node: str) -> dict:
        """The attributes of an entity node: kind, name, aliases (curated and as written), external ids (a
        language's ISO 639 code, or BCP 47 tag of a regional variety)."""
        etype, name = self._entities[node]
        entity = self.known.get((etype, name))
        aliases = {*(entity.aliases if entity else ()), *self._surfaces.get(node, ())}
        data = {KIND: etype, NAME: name, ALIASES: tuple(sorted(aliases)),
                "wikidata": entity.wikidata if entity else None, "arxiv": entity.arxiv if entity else None}
        if etype == "Language" and (code := iso_code(name)):
            data["iso"] = code
        return data

    def entity_keys(self) -> dict[str, tuple[str, str]]:
        """Entity node -> (type, name), for every entity in the graph."""
        return self._entities

    def edges(self) -> Iterable[tuple[str, str, str, tuple[Evidence, ...]]]:
        """Every edge ``(u, v, predicate, evidence sorted)``: those of each paper, then those between entities."""
        for key, c in self.contributions.items():
            pid = paper_id(key)
            for u, v, k, ev in c.edges:
                if u == pid or v == pid:
                    yield u, v, k, (ev,)
        for (u, v, k), evidence in self._edges.items():
            yield u, v, k, tuple(sorted(evidence.values()))

    def graph(self) -> nx.MultiDiGraph:
        """The networkx graph: evidence as sorted tuples, aliases filled in."""
        g = nx.MultiDiGraph()
        g.add_nodes_from((paper_id(key), {KIND: "Paper", NAME: c.paper.title, PAPER: c.paper})
                         for key, c in self.contributions.items())
        g.add_nodes_from((node, self.entity_data(node)) for node in self._entities)
        g.add_edges_from((u, v, k, {EVIDENCE: evidence}) for u, v, k, evidence in self.edges())
        return g


def build_graph(extractions: Iterable[Extraction], entities: Iterable[Entity] = ()) -> nx.MultiDiGraph:
    """One graph from many extractions. ``entities`` supplies aliases and external ids."""
    assembler = GraphAssembler(entities)
    for ex in extractions:
        assembler.add(contribution(ex))
    return assembler.graph()
