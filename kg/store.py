"""The SPARQL store of a build: Oxigraph persisted in ``out/store``.

Queries run on Oxigraph by default, which also writes the answers (SPARQL
TSV, N-Triples) without a Python object per row; rdflib's API is available
over the same store (:func:`rdflib_graph`), and rdflib's own in-memory store
stays as a fallback engine (``engine="rdflib"``, which parses ``graph.nt``
each time). ``open_store(out, memory=True)`` loads an in-memory copy instead,
2-3x faster on joins and property paths, for long-running processes such as
``kg serve``.

>>> import pyoxigraph as ox
>>> store = ox.Store()
>>> store.add(ox.Quad(ox.NamedNode("https://w3id.org/lmkg/id/model/bert"),
...     ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), ox.Literal("BERT")))
>>> query(store, "SELECT ?l WHERE { model:bert rdfs:label ?l }").rows
[('BERT',)]
>>> query(store, "ASK { model:bert ?p ?o }").boolean
True
"""
from __future__ import annotations

import contextlib
import json
import logging
import re
import shutil
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Callable, TypeVar

import pyoxigraph as ox

from kg.errors import GraphNotFoundError, QueryError, ResultLimitError
from kg.prefixes import PREFIXES

log = logging.getLogger(__name__)

__all__ = [
    "ENGINES", "GRAPH_FORMATS", "NATIVE_FORMATS", "READ_ONLY", "RESULT_FORMATS", "STORE_DIR", "QueryResult",
    "build_store", "execute", "grouped_by_object", "is_update", "open_engine", "open_store", "prefixed_query", "query",
    "rdflib_graph", "remove_store", "restore_store", "syntax_error",
]

STORE_DIR = "store"
#: ``oxigraph``: the persisted store (fast, no parsing); ``rdflib``: rdflib's in-memory store.
ENGINES = ("oxigraph", "rdflib")
RESULT_FORMATS = {"csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
                  "json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML}
GRAPH_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD,
                 "xml": ox.RdfFormat.RDF_XML}
_UPDATE = re.compile(r"^\s*(?:(?:PREFIX\s+[\w-]*:\s*<[^>]*>|BASE\s*<[^>]*>|#[^\n]*(?:\n|$))\s*)*"
                     r"(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", re.IGNORECASE)
READ_ONLY = "SPARQL updates are refused: the store is read-only"
T = TypeVar("T")


def is_update(text: str) -> bool:
    """Whether ``text`` is a SPARQL update (INSERT, DELETE, LOAD, CLEAR, DROP ...) rather than a query.

    >>> is_update("PREFIX ex: <https://example.org/>\\n# add one\\nINSERT DATA { ex:a ex:b ex:c }")
    True
    >>> is_update("SELECT ?insert WHERE { ?insert ?p ?o }")
    False
    """
    return _UPDATE.match(text) is not None


def restore_store(out: Path | str) -> None:
    """Put back the previous store of a build killed between moving it aside and moving the new one in.

    :func:`build_store` replaces ``out/store`` in two renames (the old store to
    ``out/.store.old``, the new one in); a build killed between them leaves no
    ``out/store``. This renames the old one back; it does nothing otherwise.

    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp())
    >>> (out / ".store.old").mkdir()
    >>> restore_store(out)
    >>> sorted(p.name for p in out.iterdir())
    ['store']
    """
    out = Path(out)
    final, old = out / STORE_DIR, out / f".{STORE_DIR}.old"
    if not final.exists() and old.is_dir():
        old.rename(final)




def build_store(nt_file: Path, out: Path) -> Path:
    """Load an N-Triples file into a fresh on-disk store in ``out/store``, replacing the old one."""
    final = out / STORE_DIR
    tmp = out / f".{STORE_DIR}.new"
    old = out / f".{STORE_DIR}.old"
    restore_store(out)
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


def remove_store(out: Path) -> None:
    """Remove the store of the build in ``out``, and the earlier one a killed build may have left aside.

    Each is first renamed out of the way (atomic), so nothing half-deleted
    is ever opened or put back.
    """
    gone = out / f".{STORE_DIR}.gone"
    for path in (out / f".{STORE_DIR}.old", out / STORE_DIR):
        if path.exists():
            shutil.rmtree(gone, ignore_errors=True)
            path.rename(gone)
    shutil.rmtree(gone, ignore_errors=True)


@contextlib.contextmanager
def _locked(out: Path):
    """Hold ``out/.store.lock``: one process at a time builds a missing store."""
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock
        yield
        return
    with open(out / f".{STORE_DIR}.lock", "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _graph_file(out: Path) -> Path:
    nt = out / "graph.nt"
    if not nt.is_file():
        raise GraphNotFoundError(f"{out}: no graph here; run 'kg build --out {out}' first")
    return nt


def _object_of(line: bytes) -> bytes:
    return line.split(b" ", 2)[-1]


def grouped_by_object(ntriples: bytes) -> bytes:
    """The same N-Triples lines, reordered so that the triples of each object are adjacent.

    How an in-memory store is laid out: Oxigraph's keeps, for each term, a
    list of the quads it is the subject (or predicate, object) of, linked
    through the quads in load order, and a look-up walks one such list.
    ``graph.nt`` is sorted, so a subject's triples are adjacent in memory
    and its list is walked in a few cache lines; an object's are scattered,
    one cache miss per triple. Loading grouped by object turns it round:
    the walks that follow links backwards (what derives from, mentions,
    introduces or is evaluated on X; the descendants in a lineage), whose
    lists are the long ones in a graph with popular models and datasets,
    become sequential. At 1M triples: descendants of a root, 30k models,
    1.6-1.7x faster; look-ups by subject (a title per paper) 1.1-1.5x
    slower. Only the order changes: the same triples, the same answers (a
    line whose terms are not one space apart, or a comment, is placed by
    its text).

    >>> grouped_by_object(b"<a> <p> <y> .\\n<b> <p> <x> .\\n<c> <p> <y> .\\n")
    b'<b> <p> <x> .\\n<a> <p> <y> .\\n<c> <p> <y> .\\n'
    """
    lines = ntriples.splitlines()
    lines.sort(key=_object_of)
    lines.append(b"")
    return b"\n".join(lines)


def open_store(out: Path | str, *, memory: bool = False) -> ox.Store:
    """Open a build's store read-only; builds it from ``graph.nt`` if missing.

    ``memory=True``: an in-memory copy loaded from ``graph.nt`` instead (about
    3 s and 400 MB per million triples), which answers joins and property
    paths 2-4x faster than the on-disk store; what ``kg serve`` uses for builds
    of moderate size. It is loaded :func:`grouped_by_object`. Either way,
    :func:`query` refuses updates.
    """
    out = Path(out)
    if memory:
        nt = _graph_file(out)
        store = ox.Store()
        try:
            store.bulk_load(grouped_by_object(nt.read_bytes()), format=ox.RdfFormat.N_TRIPLES)
        except (OSError, SyntaxError) as err:
            raise GraphNotFoundError(f"{nt}: cannot load the graph ({err}); rebuild with 'kg build --out {out}'") from err
        return store
    path = out / STORE_DIR
    restore_store(out)
    if not path.is_dir():  # a build made without one (kg build --no-store)
        nt = _graph_file(out)
        with _locked(out):
            if not path.is_dir():
                log.warning("building the SPARQL store of %s (once)", out)
                build_store(nt, out)
    try:
        return ox.Store.read_only(str(path))
    except OSError as err:
        raise GraphNotFoundError(f"{path}: cannot open the store ({err}); rebuild with 'kg build --out {out}'") from err


def rdflib_graph(out: Path | str, engine: str = "oxigraph", *, memory: bool = False):
    """The build as an :class:`rdflib.Graph`.

    ``oxigraph``: rdflib's API over the persisted store (oxrdflib), opened at
    once (``memory=True``: over an in-memory copy, see :func:`open_store`);
    ``rdflib``: rdflib's default in-memory store, parsed from ``graph.nt``.

    >>> g = rdflib_graph("out")  # doctest: +SKIP
    >>> g.query("SELECT ?m WHERE { ?m kg:distillsFrom model:bert }")  # doctest: +SKIP
    """
    import rdflib

    if engine not in ENGINES:
        raise QueryError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if engine == "rdflib":
        graph = rdflib.Graph()
        graph.parse(_graph_file(Path(out)), format="nt")
    else:
        from oxrdflib import OxigraphStore
        from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

        store = OxigraphStore(store=open_store(out, memory=memory))
        graph = rdflib.Graph(store=store, identifier=DATASET_DEFAULT_GRAPH_ID)
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri, override=True)
    return graph


def open_engine(out: Path | str, engine: str = "oxigraph"):
    """What :func:`query` runs on: the Oxigraph store, or an rdflib in-memory graph."""
    if engine == "oxigraph":
        return open_store(out)
    return rdflib_graph(out, engine)


def prefixed_query(text: str) -> str:
    """The query text with the project prefixes it does not declare itself, for remote endpoints."""
    declared = {m.lower() for m in re.findall(r"(?im)^\s*PREFIX\s+([\w-]*):", text)}
    head = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items() if p.lower() not in declared)
    return head + text


#: What marks a row (or triple) in each format Oxigraph writes, to count them as the bytes go by. TSV and
#: N-Triples escape line breaks in literals; XML escapes ``<``. JSON separates rows by ``,{`` (a term's object
#: follows a ``:``), a mark a literal or an IRI may also hold: counting it bounds the rows from above, exactly
#: when no term holds it (see :func:`_query_oxigraph`). One mark a format: each is one pass over the bytes.
_ROW_MARKS = {"tsv": b"\n", "nt": b"\n", "xml": b"<result>", "json": b",{"}
#: Marks that are not rows: the TSV header line; JSON has one row more than separators.
_EXTRA_MARKS = {"tsv": 1, "json": -1}


class _Cap:
    """A binary sink for Oxigraph's serializers: counts rows (or triples) by :data:`_ROW_MARKS`, stops past ``max_rows``.

    >>> sink = _Cap("json", 1, "too many")
    >>> sink.write(b'{"head":{"vars":["a"]},"results":{"bindings":[{"a":{"type":"literal","value":"x"}}')
    82
    >>> sink.write(b',{"a":{"type":"literal","value":"b"}}]}}')
    Traceback (most recent call last):
    kg.errors.ResultLimitError: too many
    """

    def __init__(self, fmt: str, max_rows: int | None, message: str):
        self.mark, self.message, self.parts = _ROW_MARKS[fmt], message, []
        self.max_marks = None if max_rows is None else max_rows + _EXTRA_MARKS.get(fmt, 0)
        self.overlap = len(self.mark) - 1  # a mark split between two writes
        self.marked, self.tail = 0, b""

    def write(self, block) -> int:
        block = bytes(block)
        self.parts.append(block)
        if self.max_marks is not None:
            self.marked += block.count(self.mark)
            if self.overlap:
                self.marked += (self.tail + block[:self.overlap]).count(self.mark)
                self.tail = (self.tail + block)[-self.overlap:]
            if self.marked > self.max_marks:
                raise ResultLimitError(self.message)
        return len(block)

    def flush(self) -> None:
        pass

    def getvalue(self) -> bytes:
        return b"".join(self.parts)


def _too_many(max_rows: int, what: str) -> str:
    return f"the answer has more than {max_rows} {what}; add a LIMIT to the query"


_LOCAL_NAME = re.compile(r"[A-Za-z_][\w.-]*(?<!\.)")
_NAMESPACES = sorted(((iri, prefix) for prefix, iri in PREFIXES.items()), key=lambda p: -len(p[0]))


def _short(term) -> str:
    """A term's value, an IRI under a known namespace as ``prefix:local``."""
    if isinstance(term, ox.NamedNode):
        for iri, prefix in _NAMESPACES:
            if term.value.startswith(iri) and _LOCAL_NAME.fullmatch(term.value[len(iri):]):
                return f"{prefix}:{term.value[len(iri):]}"
    return term.value


@dataclass(frozen=True)
class QueryResult:
    """A query's answer: ``kind`` is ``select``, ``ask`` or ``graph``.

    ``data`` is the answer serialized as ``data_format``: SPARQL results as
    ``tsv`` (one line per row, lossless; what Oxigraph writes fastest) or
    ``json``, a graph as ``nt``. Other formats are made from it natively,
    and the Python views (``rows``, ``triples``) only when asked for.

    >>> result = QueryResult("select", b"?m\\t?n\\n<https://e.org/a>\\t42\\n", "tsv")
    >>> result.variables, result.rows, len(result)
    (('m', 'n'), [('https://e.org/a', '42')], 1)
    >>> result.serialize("csv")
    b'm,n\\r\\nhttps://e.org/a,42\\r\\n'
    """

    kind: str
    data: bytes
    data_format: str = "json"

    def _parsed(self):
        return ox.parse_query_results(self.data, format=RESULT_FORMATS[self.data_format])

    @cached_property
    def variables(self) -> tuple[str, ...]:
        """The SELECT variables, in order (empty for ASK and graphs)."""
        if self.kind != "select":
            return ()
        return tuple(v.value for v in self._parsed().variables)

    @cached_property
    def boolean(self) -> bool | None:
        """The ASK answer (``None`` for the other forms)."""
        return bool(self._parsed()) if self.kind == "ask" else None

    @cached_property
    def rows(self) -> list[tuple] | None:
        """SELECT rows: tuples of term values (IRI, lexical form, blank node id; ``None`` if unbound)."""
        if self.kind != "select":
            return None
        parsed = self._parsed()
        variables = parsed.variables
        return [tuple(None if (t := s[v]) is None else t.value for v in variables) for s in parsed]

    def short_rows(self) -> list[tuple] | None:
        """:attr:`rows` for people to read: IRIs in a project namespace as prefixed names.

        >>> QueryResult("select", b"?m\\t?n\\n<https://w3id.org/lmkg/ns#basedOn>\\t\\"kg:x\\"\\n", "tsv").short_rows()
        [('kg:basedOn', 'kg:x')]
        """
        if self.kind != "select":
            return None
        parsed = self._parsed()
        return [tuple(None if (t := s[v]) is None else _short(t) for v in parsed.variables) for s in parsed]

    @property
    def triples(self) -> list | None:
        """The triples of a graph answer, as ``pyoxigraph.Triple``."""
        if self.kind != "graph":
            return None
        return list(ox.parse(self.data, format=ox.RdfFormat.N_TRIPLES))

    def __len__(self) -> int:
        """Rows of a SELECT answer, triples of a graph, 1 for ASK."""
        if self.kind == "ask":
            return 1
        if self.data_format in ("tsv", "nt"):
            return self.data.count(b"\n") - (self.data_format == "tsv")
        return len(self.rows)

    def canonical(self) -> bool | list:
        """An engine-independent form to compare answers by: the boolean, sorted rows of terms, or sorted triples.

        >>> QueryResult("ask", b'{"head": {}, "boolean": true}').canonical()
        True
        """
        if self.kind == "graph":
            return sorted(str(t) for t in self.triples)
        parsed = self._parsed()
        if isinstance(parsed, ox.QueryBoolean):
            return bool(parsed)
        variables = parsed.variables
        return sorted(tuple("" if s[v] is None else str(s[v]) for v in variables) for s in parsed)

    def serialize(self, fmt: str) -> bytes:
        """SPARQL 1.1 results (csv, tsv, json, xml) or, for graphs, turtle / nt / jsonld / xml (RDF/XML)."""
        if self.kind == "graph":
            target = GRAPH_FORMATS.get(fmt) or GRAPH_FORMATS["turtle"]
            if target == ox.RdfFormat.N_TRIPLES:
                return self.data
            prefixes = PREFIXES if target in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML) else None
            triples = ox.parse(self.data, format=ox.RdfFormat.N_TRIPLES)
            return ox.serialize(triples, format=target, prefixes=prefixes)
        if fmt not in RESULT_FORMATS:
            raise QueryError(f"unknown result format {fmt!r}; choose one of {', '.join(RESULT_FORMATS)}")
        if fmt == self.data_format:
            return self.data
        return self._parsed().serialize(format=RESULT_FORMATS[fmt])


def _prefix_before(source: str, column: int) -> str | None:
    """The prefix of the last prefixed name that ends before ``column`` (1-based) of a line."""
    names = re.findall(r"(?<![\w<?$-])([A-Za-z][\w.-]*)?:(?=[\w-]|\s|$)", source[:max(column - 1, 0)])
    return names[-1] if names else None


def syntax_error(err: Exception | str, text: str, line: int | None = None, column: int | None = None) -> QueryError:
    """A one-line :class:`QueryError` naming the line, column and what is found there."""
    message = " ".join(str(err).split())
    if line is None:
        found = re.search(r"(\d+):(\d+)", message)
        if found:
            line, column = int(found[1]), int(found[2])
            message = message[found.end():].lstrip(" :")
    message = message.split(", [")[0]
    if len(message) > 160:
        message = message[:157] + "..."
    lines = text.splitlines()
    source = lines[line - 1] if line is not None and 0 < line <= len(lines) else ""
    if "Prefix not found" in message:
        prefix = _prefix_before(source, column or 0)
        message = f"unknown prefix {prefix or ''}:; declare it with PREFIX"
    if line is None:
        return QueryError(f"SPARQL syntax error: {message}")
    near = source[max(column - 1, 0):][:30].strip()
    if near:
        where = f"line {line}, column {column} near {near!r}"
    else:
        where = f"line {line}, column {column}, at the end of the {'query' if line >= len(lines) else 'line'}"
    return QueryError(f"SPARQL syntax error at {where}: {message}")


def execute(store: ox.Store, text: str, read: Callable[[Any], T]) -> T:
    """Run ``text`` on an Oxigraph store with the project prefixes declared; ``read(answer)``.

    The one step where a query meets Oxigraph, for :func:`query` and
    :meth:`kg.Graph.query`: an update is refused; a syntax error becomes a
    one-line :class:`QueryError` with its line and column, and so does an
    evaluation error, raised by Oxigraph as ``read`` consumes the (lazy) answer.

    >>> execute(ox.Store(), "ASK { ?s kg:basedOn ?o }", bool)
    False
    >>> execute(ox.Store(), "SELECT ?s WHERE { ?s kg:basedOn }", list)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    kg.errors.QueryError: SPARQL syntax error at line 1, column 33 near '}': ...
    """
    if is_update(text):
        raise QueryError(READ_ONLY)
    try:
        return read(store.query(text, prefixes=PREFIXES))
    except SyntaxError as err:
        raise syntax_error(err, text) from err
    except OSError as err:
        raise QueryError(f"query failed: {err}") from err


#: The formats :func:`query` can have Oxigraph write SELECT answers in directly (CSV is made from TSV).
NATIVE_FORMATS = ("tsv", "json", "xml")


def _query_oxigraph(store: ox.Store, text: str, max_rows: int | None, fmt: str) -> QueryResult:
    """Run on Oxigraph and serialize natively (rows as ``fmt``, graphs as N-Triples), stopping past ``max_rows``."""

    def write(result) -> QueryResult:
        if isinstance(result, ox.QueryBoolean):
            return QueryResult("ask", json.dumps({"head": {}, "boolean": bool(result)}).encode())
        if isinstance(result, ox.QuerySolutions):
            kind, data_format, target, what = "select", fmt, RESULT_FORMATS[fmt], "rows"
        else:
            kind, data_format, target, what = "graph", "nt", ox.RdfFormat.N_TRIPLES, "triples"
        sink = _Cap(data_format, max_rows, _too_many(max_rows, what))
        result.serialize(sink, format=target)
        return QueryResult(kind, sink.getvalue(), data_format)

    try:
        return execute(store, text, write)
    except ResultLimitError:
        if fmt != "json":
            raise
        # JSON rows are counted by a mark a term may also hold (",{"): count exactly, in TSV
        return _query_oxigraph(store, text, max_rows, "tsv")


def _query_rdflib(graph, text: str, max_rows: int | None) -> QueryResult:
    from pyparsing import ParseBaseException

    try:
        result = graph.query(text, initNs=PREFIXES)
        if result.type == "ASK":
            return QueryResult("ask", result.serialize(format="json"))
        if result.type == "SELECT":
            kind, size, what = "select", len(result), "rows"
        else:
            kind, size, what = "graph", len(result.graph), "triples"
        if max_rows is not None and size > max_rows:
            raise ResultLimitError(_too_many(max_rows, what))
        if kind == "select":
            return QueryResult(kind, result.serialize(format="json"))
        return QueryResult(kind, result.graph.serialize(format="nt", encoding="utf-8"), "nt")
    except ParseBaseException as err:
        raise syntax_error(err.msg, text, err.lineno, err.col) from err
    except QueryError:
        raise
    except Exception as err:  # rdflib raises bare Exceptions for unknown prefixes and the like
        unknown = re.match(r"Unknown namespace prefix\s*:\s*(\S*)", str(err))
        if unknown:
            raise QueryError(f"SPARQL syntax error: unknown prefix {unknown[1]}:; declare it with PREFIX") from err
        raise QueryError(f"query failed: {err}") from err


def query(source, text: str, *, max_rows: int | None = None, result_format: str = "tsv") -> QueryResult:
    """Run a SPARQL query with the project prefixes declared.

    ``source`` is an Oxigraph store (:func:`open_store`) or an rdflib graph
    (:func:`rdflib_graph`); an rdflib graph over Oxigraph is queried on
    Oxigraph directly. More than ``max_rows`` rows (or triples) raises
    :class:`ResultLimitError`; a malformed query a :class:`QueryError` with
    the line and column; an update (INSERT, DELETE ...) is refused.
    ``result_format`` (one of :data:`NATIVE_FORMATS`): the format Oxigraph
    writes SELECT rows in, as they are evaluated; ask for the one you will
    serialize to, and :meth:`QueryResult.serialize` gives it as is.

    >>> store = ox.Store()
    >>> query(store, "SELECT ?s WHERE { ?s ?p ?o }", result_format="json").data
    b'{"head":{"vars":["s"]},"results":{"bindings":[]}}'
    """
    if result_format not in NATIVE_FORMATS:
        raise QueryError(f"unknown native result format {result_format!r}; choose one of {', '.join(NATIVE_FORMATS)}")
    if is_update(text):
        raise QueryError(READ_ONLY)
    if isinstance(source, ox.Store):
        return _query_oxigraph(source, text, max_rows, result_format)
    inner = getattr(source.store, "_inner", None)
    if isinstance(inner, ox.Store):
        return _query_oxigraph(inner, text, max_rows, result_format)
    return _query_rdflib(source, text, max_rows)
