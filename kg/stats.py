"""Counts over a built graph, read from its store."""
from __future__ import annotations

from pathlib import Path

from kg.model import ENTITY_TYPES, PREDICATES
from kg.store import open_store, query

__all__ = ["graph_stats"]

_TYPES = "SELECT ?t (COUNT(?s) AS ?n) WHERE { ?s a ?t . FILTER(STRSTARTS(STR(?t), STR(kg:))) } GROUP BY ?t"
_EDGES = "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o . FILTER(STRSTARTS(STR(?p), STR(kg:))) FILTER(isIRI(?o)) } GROUP BY ?p"
_TRIPLES = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def graph_stats(out: Path | str) -> dict:
    """``{"papers": n, "entities": {type: n}, "edges": {predicate: n}, "triples": n}``."""
    store = open_store(out)
    ns = "https://w3id.org/lmkg/ns#"
    types = {row[0].removeprefix(ns): int(row[1]) for row in query(store, _TYPES).rows}
    edges = {row[0].removeprefix(ns): int(row[1]) for row in query(store, _EDGES).rows}
    return {
        "papers": types.get("Paper", 0),
        "entities": {t: types.get(t, 0) for t in ENTITY_TYPES},
        "edges": {p: edges[p] for p in ("introduces", "mentions", *PREDICATES) if edges.get(p)},
        "triples": int(query(store, _TRIPLES).rows[0][0]),
    }
