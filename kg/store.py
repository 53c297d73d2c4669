"""The SPARQL store of a build: Oxigraph persisted in ``out/store``.

>>> import pyoxigraph as ox
>>> store = ox.Store()
>>> store.add(ox.Quad(ox.NamedNode("https://w3id.org/lmkg/id/model/bert"),
...     ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), ox.Literal("BERT")))
>>> query(store, "SELECT ?l WHERE { model:bert rdfs:label ?l }").rows
[('BERT',)]
"""
from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.errors import GraphNotFoundError, QueryError
from kg.vocab import PREFIXES

__all__ = ["STORE_DIR", "QueryResult", "build_store", "open_store", "prefixed_query", "query"]

STORE_DIR = "store"
RESULT_FORMATS = {"csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
                  "json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML}
GRAPH_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD}


def build_store(nt_file: Path, out: Path) -> Path:
    """Load an N-Triples file into a fresh on-disk store in ``out/store``, replacing the old one."""
    final = out / STORE_DIR
    tmp = out / f".{STORE_DIR}.new"
    old = out / f".{STORE_DIR}.old"
    for leftover in (tmp, old):
        shutil.rmtree(leftover, ignore_errors=True)
    store = ox.Store(str(tmp))
    store.bulk_load(path=str(nt_file), format=ox.RdfFormat.N_TRIPLES)
    store.optimize()
    del store
    if final.exists():
        final.rename(old)
    tmp.rename(final)
    shutil.rmtree(old, ignore_errors=True)
    return final


def open_store(out: Path | str) -> ox.Store:
    """Open a build's store read-only; builds it from ``graph.nt`` if missing."""
    out = Path(out)
    path = out / STORE_DIR
    if not path.is_dir():
        if (out / "graph.nt").is_file():
            build_store(out / "graph.nt", out)
        else:
            raise GraphNotFoundError(f"{out}: no graph here; run 'kg build --out {out}' first")
    return ox.Store.read_only(str(path))


def prefixed_query(text: str) -> str:
    """Declare the project prefixes the query does not declare itself."""
    declared = {m.lower() for m in re.findall(r"(?im)^\s*PREFIX\s+([\w-]*):", text)}
    head = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items() if p.lower() not in declared)
    return head + text


@dataclass
class QueryResult:
    """A query's answer: ``kind`` is ``select``, ``ask`` or ``graph``."""

    kind: str
    variables: tuple[str, ...] = ()
    rows: list[tuple] | None = None
    boolean: bool | None = None
    triples: list | None = None
    raw: object = None

    def serialize(self, fmt: str) -> bytes:
        """SPARQL 1.1 results (csv, tsv, json, xml) or, for graphs, turtle / nt / jsonld."""
        if self.kind == "graph":
            target = GRAPH_FORMATS.get(fmt) or GRAPH_FORMATS["turtle"]
            return ox.serialize(self.triples, format=target, prefixes=PREFIXES if target != ox.RdfFormat.N_TRIPLES else None)
        if fmt not in RESULT_FORMATS:
            raise QueryError(f"unknown result format {fmt!r}; choose one of {', '.join(RESULT_FORMATS)}")
        if self.kind == "ask":
            return self.raw.serialize(format=RESULT_FORMATS[fmt])
        if fmt == "json":
            return self.raw
        parsed = ox.parse_query_results(self.raw, format=ox.QueryResultsFormat.JSON)
        return parsed.serialize(format=RESULT_FORMATS[fmt])


def _value(term) -> str | None:
    if term is None:
        return None
    return term.value


def query(store: ox.Store, text: str) -> QueryResult:
    """Run a SPARQL query with the project prefixes declared."""
    full = prefixed_query(text)
    added = full.count("\n") - text.count("\n")
    try:
        result = store.query(full)
    except SyntaxError as err:
        message = re.sub(r"(\d+):(\d+)", lambda m: f"line {int(m[1]) - added}, column {m[2]}", str(err), count=1)
        raise QueryError(f"SPARQL syntax error: {message}") from err
    except OSError as err:
        raise QueryError(f"query failed: {err}") from err
    if isinstance(result, ox.QuerySolutions):
        # QuerySolutions is a one-shot iterator: keep the answer as SPARQL JSON
        # results, from which both the rows and any other format are made.
        variables = tuple(v.value for v in result.variables)
        answer = result.serialize(format=ox.QueryResultsFormat.JSON)
        rows = [tuple(_value(sol[v]) for v in variables)
                for sol in ox.parse_query_results(answer, format=ox.QueryResultsFormat.JSON)]
        return QueryResult("select", variables, rows, raw=answer)
    if isinstance(result, ox.QueryBoolean):
        return QueryResult("ask", boolean=bool(result), raw=result)
    return QueryResult("graph", triples=list(result))
