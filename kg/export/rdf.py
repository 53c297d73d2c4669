"""RDF export: the graph as triples under ``schema/ontology.ttl``.

Every relation is a direct triple and an ``rdf:Statement`` that carries the
source paper (``prov:wasDerivedFrom``), the evidence sentence and the
confidence; one Statement per (relation, paper). Super-classes and
super-properties declared in the ontology are materialised, so a query for
``kg:derivedFrom`` or ``prov:wasDerivedFrom`` needs no reasoner. Triples are
written sorted, so the same graph gives byte-identical files.
"""
from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from kg.export.lines import entity_iris, graph_lines
from kg.vocab import PREFIXES

__all__ = ["FORMATS", "atomic_write", "graph_triples", "sorted_triples", "write_rdf"]

#: File name -> pyoxigraph format, for every RDF file a build writes.
FORMATS = {"graph.ttl": ox.RdfFormat.TURTLE, "graph.nt": ox.RdfFormat.N_TRIPLES, "graph.jsonld": ox.RdfFormat.JSON_LD}


def graph_triples(graph: nx.MultiDiGraph) -> Iterator[ox.Triple]:
    """Every triple of the graph, unsorted (the lines of :mod:`kg.export.lines` as terms)."""
    lines = graph_lines(graph, entity_iris(graph))
    return ox.parse("".join(lines).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)


def sorted_triples(graph: nx.MultiDiGraph) -> list[ox.Triple]:
    """Every triple of the graph once, sorted by subject, predicate and object (as N-Triples)."""
    lines = sorted(set(graph_lines(graph, entity_iris(graph))))
    return list(ox.parse("".join(lines).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES))


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
