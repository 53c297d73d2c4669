"""Load a built graph back into networkx, in the shape :mod:`kg.graph` builds.

The build writes ``graph.nt``; :func:`load_graph` parses it (pyoxigraph) and
rebuilds the :class:`networkx.MultiDiGraph`: nodes ``paper:<key>`` and
``<Type>:<name>`` with ``kind``, ``name``, ``aliases`` (entities) and
``paper`` (a :class:`~kg.model.Paper`, papers); edges keyed by their most
specific predicate, each with its ``evidence`` tuple read from the
``rdf:Statement`` of every (edge, paper). Super-properties and super-classes,
which the export materialises, are not turned into edges or kinds.

>>> from kg.build import build
>>> g = load_graph(build(out="out").out)  # doctest: +SKIP
>>> g.nodes["Model:TinyBERT"]["kind"]  # doctest: +SKIP
'Model'
"""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from kg.errors import GraphNotFoundError, ParseError
from kg.graph import ALIASES, EVIDENCE, KIND, NAME, PAPER, Evidence, entity_id, paper_id
from kg.ingest._text import paper_key
from kg.model import ENTITY_TYPES, Paper
from kg.vocab import DCTERMS, KG, RDF, SCHEMA, SKOS

__all__ = ["load_graph", "parse_triples"]

_KINDS = {str(KG[k]): k for k in ("Paper", *ENTITY_TYPES)}
_A = str(RDF.type)
_STATEMENT = str(RDF.Statement)
_KG = str(KG._NS)
# statement part -> field
_PARTS = {str(RDF.subject): "s", str(RDF.predicate): "p", str(RDF.object): "o",
          "http://www.w3.org/ns/prov#wasDerivedFrom": "paper", str(KG.evidence): "sentence",
          str(KG.confidence): "confidence"}
_PAPER_FIELDS = {str(DCTERMS.title): "title", str(DCTERMS.abstract): "abstract", str(DCTERMS.date): "date",
                 str(KG.arxivId): "arxiv_id", str(SCHEMA.url): "url"}
_ENTITY_FIELDS = {str(SKOS.prefLabel): NAME, str(KG.isoCode): "iso", str(KG.arxivId): "arxiv"}


def _node_of(iri: str, kind: str, fields: dict, lists: dict) -> tuple[str, dict]:
    if kind == "Paper":
        title = fields.get("title", "")
        arxiv = fields.get("arxiv_id")
        paper = Paper(key=paper_key(title, arxiv), title=title, abstract=fields.get("abstract", ""),
                      arxiv_id=arxiv, url=fields.get("url"), date=fields.get("date"),
                      authors=tuple(sorted(lists.get("authors", ()))), sources=tuple(sorted(lists.get("sources", ()))))
        return paper_id(paper.key), {KIND: "Paper", NAME: title, PAPER: paper}
    name = fields.get(NAME, iri.rsplit("/", 1)[-1])
    data = {KIND: kind, NAME: name, ALIASES: tuple(sorted(set(lists.get("aliases", ())) - {name})),
            "wikidata": None, "arxiv": fields.get("arxiv")}
    for same in lists.get("sameAs", ()):
        if same.startswith("http://www.wikidata.org/entity/"):
            data["wikidata"] = same.rsplit("/", 1)[-1]
    if fields.get("iso"):
        data["iso"] = fields["iso"]
    return entity_id(kind, name), data


def parse_triples(triples) -> nx.MultiDiGraph:
    """The graph of an iterable of pyoxigraph triples written by :mod:`kg.export.rdf`."""
    kinds: dict[str, str] = {}
    fields: dict[str, dict] = defaultdict(dict)
    lists: dict[str, dict] = defaultdict(lambda: defaultdict(list))
    statements: dict[str, dict] = defaultdict(dict)
    statement_iris: set[str] = set()
    for t in triples:
        s, p, o = t.subject.value, t.predicate.value, t.object
        if p == _A:
            if o.value == _STATEMENT:
                statement_iris.add(s)
            elif o.value in _KINDS:
                kinds[s] = _KINDS[o.value]
        elif p in _PARTS:
            statements[s][_PARTS[p]] = o.value
        elif p in _PAPER_FIELDS:
            fields[s][_PAPER_FIELDS[p]] = o.value
            if p in _ENTITY_FIELDS:
                fields[s][_ENTITY_FIELDS[p]] = o.value
        elif p in _ENTITY_FIELDS:
            fields[s][_ENTITY_FIELDS[p]] = o.value
        elif p == str(SKOS.altLabel):
            lists[s]["aliases"].append(o.value)
        elif p == str(DCTERMS.creator):
            lists[s]["authors"].append(o.value)
        elif p == str(KG.sourceListing):
            lists[s]["sources"].append(o.value)
        elif p == "http://www.w3.org/2002/07/owl#sameAs":
            lists[s]["sameAs"].append(o.value)
    graph = nx.MultiDiGraph()
    node_of: dict[str, str] = {}
    key_of: dict[str, str] = {}
    for iri in sorted(kinds, key=lambda i: (kinds[i] != "Paper", i)):
        # a paper is also a prov:Entity but never a kg:Model; keep the most specific kind
        node, data = _node_of(iri, kinds[iri], fields[iri], lists[iri])
        node_of[iri] = node
        if kinds[iri] == "Paper":
            key_of[iri] = data[PAPER].key
        graph.add_node(node, **data)
    edges: dict[tuple[str, str, str], list[Evidence]] = defaultdict(list)
    for iri in sorted(statement_iris):
        st = statements[iri]
        try:
            u, v, predicate = node_of[st["s"]], node_of[st["o"]], st["p"].removeprefix(_KG)
            evidence = Evidence(key_of.get(st.get("paper", ""), st.get("paper", "")), st.get("sentence", ""),
                                float(st.get("confidence", 1.0)))
        except (KeyError, ValueError) as err:
            raise ParseError(f"statement {iri} is incomplete or names an unknown node: {err}") from err
        edges[(u, v, predicate)].append(evidence)
    for (u, v, predicate), evidence in sorted(edges.items()):
        graph.add_edge(u, v, key=predicate, **{EVIDENCE: tuple(sorted(evidence))})
    return graph


def load_graph(out: Path | str) -> nx.MultiDiGraph:
    """The graph of a build directory (its ``graph.nt``), as :func:`kg.graph.build_graph` made it."""
    path = Path(out) / "graph.nt"
    if not path.is_file():
        raise GraphNotFoundError(f"{out}: no graph.nt here; run 'kg build --out {out}' first")
    try:
        return parse_triples(ox.parse(path=str(path), format=ox.RdfFormat.N_TRIPLES))
    except SyntaxError as err:
        raise ParseError(f"not valid N-Triples: {err}", file=str(path)) from err
