"""RDF export: the graph as triples under ``schema/ontology.ttl``.

Every relation is a direct triple and an ``rdf:Statement`` that carries the
source paper (``prov:wasDerivedFrom``), the evidence sentence and the
confidence; one Statement per (relation, paper). Super-classes and
super-properties declared in the ontology are materialised, so a query for
``kg:derivedFrom`` or ``prov:wasDerivedFrom`` needs no reasoner. Triples are
written sorted, so the same graph gives byte-identical files.
"""
from __future__ import annotations

import datetime
import math
import os
import re
import tempfile
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import rdflib

from kg.export.iri import mint_entity_iris, paper_iri, statement_iri
from kg.graph import ALIASES, EVIDENCE, KIND, NAME, PAPER
from kg.vocab import DCTERMS, KG, OWL, PREFIXES, PROV, RDF, RDFS, SCHEMA, SCHEMA_DIR, SKOS, XSD

__all__ = ["FORMATS", "graph_triples", "write_rdf", "atomic_write"]

#: File name -> pyoxigraph format, for every RDF file a build writes.
FORMATS = {"graph.ttl": ox.RdfFormat.TURTLE, "graph.nt": ox.RdfFormat.N_TRIPLES, "graph.jsonld": ox.RdfFormat.JSON_LD}

_SAFE_URL = re.compile(r"^https?://[A-Za-z0-9._~:/?#\[\]@!$&'()*+,;=%-]+$")
_ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_WIKIDATA = re.compile(r"^[QP][1-9][0-9]*$")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _n(iri) -> ox.NamedNode:
    return ox.NamedNode(str(iri))


def _lit(value: str, datatype=None) -> ox.Literal:
    value = _SURROGATE.sub("\ufffd", value)  # a lone surrogate cannot be written as UTF-8
    return ox.Literal(value, datatype=_n(datatype)) if datatype else ox.Literal(value)


@lru_cache(maxsize=1)
def _closure() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """Super-properties and super-classes of every ontology term (transitive)."""
    onto = rdflib.Graph().parse(SCHEMA_DIR / "ontology.ttl")
    out = []
    for rel in (RDFS.subPropertyOf, RDFS.subClassOf):
        direct = nx.DiGraph((str(s), str(o)) for s, o in onto.subject_objects(rel))
        out.append({n: tuple(sorted(nx.descendants(direct, n))) for n in direct})
    return out[0], out[1]


def _unit(confidence: float) -> float:
    """``confidence`` clamped to [0, 1]; NaN counts as 0 (``NaN`` is no xsd:decimal)."""
    return 0.0 if math.isnan(confidence) else min(max(confidence, 0.0), 1.0)


def _date_literal(value: str) -> ox.Literal | None:
    """An xsd:date / gYearMonth / gYear literal, or None for an impossible date."""
    try:
        datetime.date.fromisoformat(value if len(value) == 10 else (value + "-01-01")[:10])
    except ValueError:
        return None
    return _lit(value, {4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}[len(value)])


def graph_triples(graph: nx.MultiDiGraph) -> Iterator[ox.Triple]:
    """Every triple of the graph, unsorted."""
    supers, superclasses = _closure()
    a = _n(RDF.type)
    keys = [(d[KIND], d[NAME]) for _, d in graph.nodes(data=True) if d[KIND] != "Paper"]
    entity_iris = mint_entity_iris(keys)
    iri_of: dict[str, ox.NamedNode] = {}
    for node, data in graph.nodes(data=True):
        kind = data[KIND]
        if kind == "Paper":
            paper = data[PAPER]
            s = iri_of[node] = _n(paper_iri(paper.key))
            yield ox.Triple(s, _n(DCTERMS.title), _lit(paper.title))
            yield ox.Triple(s, _n(RDFS.label), _lit(paper.title))
            yield ox.Triple(s, _n(DCTERMS.abstract), _lit(paper.abstract))
            if paper.date and _ISO.match(paper.date) and (date := _date_literal(paper.date)):
                yield ox.Triple(s, _n(DCTERMS.date), date)
            if paper.arxiv_id:
                yield ox.Triple(s, _n(KG.arxivId), _lit(paper.arxiv_id))
            if paper.url and _SAFE_URL.match(paper.url):
                yield ox.Triple(s, _n(SCHEMA.url), _n(paper.url))
            for author in paper.authors:
                yield ox.Triple(s, _n(DCTERMS.creator), _lit(author))
            for source in paper.sources:
                yield ox.Triple(s, _n(KG.sourceListing), _lit(source))
        else:
            s = iri_of[node] = _n(entity_iris[(kind, data[NAME])])
            yield ox.Triple(s, _n(RDFS.label), _lit(data[NAME]))
            yield ox.Triple(s, _n(SKOS.prefLabel), _lit(data[NAME]))
            for alias in data.get(ALIASES, ()):
                if alias != data[NAME]:
                    yield ox.Triple(s, _n(SKOS.altLabel), _lit(alias))
            if data.get("wikidata") and _WIKIDATA.match(data["wikidata"]):
                yield ox.Triple(s, _n(OWL.sameAs), _n(f"http://www.wikidata.org/entity/{data['wikidata']}"))
            if data.get("arxiv"):
                yield ox.Triple(s, _n(KG.arxivId), _lit(data["arxiv"]))
            if data.get("iso"):
                yield ox.Triple(s, _n(KG.isoCode), _lit(data["iso"]))
        cls = str(KG[kind])
        for c in (cls, *superclasses.get(cls, ())):
            yield ox.Triple(s, a, _n(c))
    for u, v, predicate, data in graph.edges(keys=True, data=True):
        s, o, p = iri_of[u], iri_of[v], str(KG[predicate])
        for q in (p, *supers.get(p, ())):
            yield ox.Triple(s, _n(q), o)
        for ev in data[EVIDENCE]:
            source = _n(paper_iri(ev.paper))
            st = _n(statement_iri(s.value, p, o.value, source.value))
            yield ox.Triple(st, a, _n(RDF.Statement))
            yield ox.Triple(st, _n(RDF.subject), s)
            yield ox.Triple(st, _n(RDF.predicate), _n(p))
            yield ox.Triple(st, _n(RDF.object), o)
            yield ox.Triple(st, _n(PROV.wasDerivedFrom), source)
            yield ox.Triple(st, _n(KG.evidence), _lit(ev.sentence))
            yield ox.Triple(st, _n(KG.confidence), _lit(f"{_unit(ev.confidence):.3f}", XSD.decimal))


def _sort_key(t: ox.Triple):
    return (t.subject.value, t.predicate.value, str(t.object))


def sorted_triples(graph: nx.MultiDiGraph) -> list[ox.Triple]:
    return sorted(set(graph_triples(graph)), key=_sort_key)


def atomic_write(path: Path, write) -> None:
    """Call ``write(binary file)`` on a temporary file, then move it over ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_rdf(triples: list[ox.Triple], out: Path, names=tuple(FORMATS)) -> list[Path]:
    """Write the sorted triples in every format of :data:`FORMATS` into ``out``."""
    written = []
    for name in names:
        fmt = FORMATS[name]
        prefixes = PREFIXES if fmt != ox.RdfFormat.N_TRIPLES else None
        atomic_write(out / name, lambda h, fmt=fmt, prefixes=prefixes: ox.serialize(triples, h, fmt, prefixes=prefixes))
        written.append(out / name)
    return written
