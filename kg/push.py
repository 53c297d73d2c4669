"""Load a build into a triple store over the SPARQL 1.1 Graph Store Protocol.

The graph is replaced atomically and the server writes only what changed:
``kg push`` reads the target graph (a Graph Store ``GET``), compares it with
the build, and sends one SPARQL 1.1 Update request, ``DELETE DATA`` of the
triples that went and ``INSERT DATA`` of those that came. A store applies an
update request as one transaction (SPARQL 1.1 Update, section 2.2), so its
readers see the old graph or the new one, never a half-replaced one, and a
failed request leaves the target as it was. A push of an unchanged build
writes nothing.

Why not copy the whole graph each time: a transactional write is the costly
part of a triple store (Oxigraph 0.5 spends ~20-30 us of CPU per quad in
RocksDB's transaction batch and memtable, with no fsync), and the former way,
a ``PUT`` into a staging graph and a ``MOVE`` onto the target, costs four
times a plain load: the ``MOVE`` deletes the target, inserts it again and
deletes the staging graph, 18 index writes per quad.

When the update would be too large for one request (``max_update_bytes``,
under Oxigraph's 128 MiB cap; or the server answers 413), or the graphs hold
blank nodes, which ``DELETE DATA`` cannot name: an empty target gets one
``PUT`` (a store loads it in one transaction: readers see nothing, then the
whole graph), a non-empty one the staging ``PUT`` and ``MOVE``.

The update endpoint is ``--update``, or found next to the Graph Store
endpoint by the common layouts (Oxigraph ``/store`` -> ``/update``, Fuseki
``/DATASET/data`` -> ``/DATASET/update``); with neither, one ``PUT`` of the
target graph is the best the protocol offers (Oxigraph 0.5 and Fuseki apply
it in one transaction; the protocol does not promise it). Credentials may be
given in the URLs (``https://user:secret@host/...``). The push assumes nobody
else writes the target graph while it runs.

>>> graph_url("http://localhost:7878/store", "https://w3id.org/lmkg/graph")
'http://localhost:7878/store?graph=https%3A%2F%2Fw3id.org%2Flmkg%2Fgraph'
>>> graph_url("http://localhost:7878/store")
'http://localhost:7878/store?default'
>>> update_url("http://localhost:3030/lm/data")
'http://localhost:3030/lm/update'
>>> diff_update("https://example.org/g", [b"<urn:a> <urn:b> <urn:c> ."], [b"<urn:a> <urn:b> <urn:d> ."]).decode()
'DELETE DATA { GRAPH <https://example.org/g> {\\n<urn:a> <urn:b> <urn:c> .\\n} } ;\\nINSERT DATA { GRAPH <https://example.org/g> {\\n<urn:a> <urn:b> <urn:d> .\\n} }'
"""
from __future__ import annotations

import base64
import itertools
import logging
import re
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from kg.errors import GraphNotFoundError, KGError

__all__ = ["PushError", "PushResult", "diff_update", "graph_url", "move_update", "push", "update_url"]

log = logging.getLogger(__name__)

NT_MEDIA = "application/n-triples"
UPDATE_MEDIA = "application/sparql-update"
#: Last path segments of Graph Store endpoints whose sibling ``update`` takes SPARQL updates.
_GSP_SEGMENTS = ("store", "data")
#: The largest update body sent in one request: under Oxigraph's 128 MiB cap on SPARQL bodies.
MAX_UPDATE_BYTES = 120 << 20
#: Characters an IRI cannot hold between ``<`` and ``>`` in SPARQL.
_BAD_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')
#: A blank node as subject or object of an N-Triples line.
_BLANK = re.compile(rb"^_:|> _:")
#: Literals a store may keep by value and write back in canonical form ("1.000"^^xsd:decimal -> "1").
_XSD_TYPED = b'"^^<http://www.w3.org/2001/XMLSchema#'


class PushError(KGError):
    """The server could not be reached or refused the graph."""


@dataclass(frozen=True)
class PushResult:
    """What :func:`push` did.

    ``method``: ``"update"`` (one SPARQL update of the difference),
    ``"unchanged"`` (nothing to write), ``"put"`` (one ``PUT`` of the
    target), ``"move"`` (a staging ``PUT`` and a ``MOVE``). ``inserted`` and
    ``deleted``: triples written and taken out (``deleted`` is ``None`` when
    the old graph was cleared without being read).
    """

    target: str
    status: int
    triples: int
    bytes: int
    seconds: float
    atomic: bool
    method: str = "put"
    inserted: int = 0
    deleted: int | None = None


def _http_url(url: str, what: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise PushError(f"{url!r} is not an http(s) URL of a {what}")


def graph_url(endpoint: str, graph: str | None = None) -> str:
    """The Graph Store Protocol URL of ``graph`` (``None``: the default graph) at ``endpoint``."""
    _http_url(endpoint, "Graph Store Protocol endpoint")
    if graph is not None and (not urlsplit(graph).scheme or _BAD_IRI.search(graph)):
        raise PushError(f"graph {graph!r} is not an absolute IRI (e.g. https://example.org/graph)")
    parts = urlsplit(endpoint)
    selector = "default" if graph is None else "graph=" + quote(graph, safe="")
    query = f"{parts.query}&{selector}" if parts.query else selector
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))


def update_url(endpoint: str, update: str | None = None) -> str | None:
    """The SPARQL Update URL: ``update`` if given, else the sibling ``update`` of a ``store``/``data`` endpoint.

    >>> update_url("http://localhost:7878/store"), update_url("http://host/graphs")
    ('http://localhost:7878/update', None)
    """
    if update:
        _http_url(update, "SPARQL Update endpoint")
        return update
    parts = urlsplit(endpoint)
    head, _, last = parts.path.rstrip("/").rpartition("/")
    if last not in _GSP_SEGMENTS:
        return None
    return urlunsplit((parts.scheme, parts.netloc, f"{head}/update", "", ""))


def move_update(staging: str, graph: str | None) -> str:
    """The SPARQL update that replaces ``graph`` (``None``: default) by ``staging`` in one operation.

    >>> move_update("urn:kg:staging", "https://example.org/g")
    'MOVE GRAPH <urn:kg:staging> TO GRAPH <https://example.org/g>'
    """
    return f"MOVE GRAPH <{staging}> TO " + ("DEFAULT" if graph is None else f"GRAPH <{graph}>")


def diff_update(graph: str | None, deletions: list[bytes] | None, insertions: list[bytes]) -> bytes:
    """One SPARQL update taking ``deletions`` out of ``graph`` and putting ``insertions`` in (N-Triples lines).

    ``deletions=None`` clears the graph first instead. Empty when there is nothing to do.
    """
    opening, closing = (b"{\n", b"}") if graph is None else (f"{{ GRAPH <{graph}> {{\n".encode(), b"} }")
    parts = []
    if deletions is None:
        parts.append(b"CLEAR SILENT " + (b"DEFAULT" if graph is None else f"GRAPH <{graph}>".encode()))
    elif deletions:
        parts.append(b"DELETE DATA " + opening + b"\n".join(deletions) + b"\n" + closing)
    if insertions:
        parts.append(b"INSERT DATA " + opening + b"\n".join(insertions) + b"\n" + closing)
    return b" ;\n".join(parts)


def _credentials(url: str) -> tuple[str, dict[str, str]]:
    parts = urlsplit(url)
    if parts.username is None:
        return url, {}
    netloc = parts.hostname + (f":{parts.port}" if parts.port else "")
    secret = f"{unquote(parts.username)}:{unquote(parts.password or '')}".encode()
    bare = urlunsplit((parts.scheme, netloc, parts.path, parts.query, ""))
    return bare, {"Authorization": "Basic " + base64.b64encode(secret).decode("ascii")}


def _refused(url: str, err: urllib.error.HTTPError, what: str) -> PushError:
    detail = " ".join(err.read(300).decode("utf-8", errors="replace").split())
    return PushError(f"{url}: the server refused {what}: HTTP {err.code} {err.reason}" + (f": {detail}" if detail else ""))


def _open(url: str, method: str, body: bytes | None, headers: dict[str, str], timeout: float, what: str):
    url, auth = _credentials(url)
    request = urllib.request.Request(url, data=body, method=method, headers={**headers, **auth})
    try:
        return urllib.request.urlopen(request, timeout=timeout)
    except urllib.error.HTTPError as err:
        raise _refused(url, err, what) from err
    except (urllib.error.URLError, OSError) as err:
        reason = getattr(err, "reason", err)
        raise PushError(f"{url}: cannot reach the server: {reason}") from err


def _send(url: str, method: str, body: bytes, media: str, timeout: float, what: str) -> int:
    with _open(url, method, body, {"Content-Type": media}, timeout, what) as response:
        return response.status


def _update(url: str, body: bytes | str, timeout: float, what: str) -> int:
    return _send(url, "POST", body.encode("utf-8") if isinstance(body, str) else body, UPDATE_MEDIA, timeout, what)


def _canonical(data: bytes, media: str = NT_MEDIA) -> list[bytes]:
    """N-Triples lines of a graph (``data`` in the format of ``media``) as Oxigraph writes them."""
    import pyoxigraph as ox

    fmt = ox.RdfFormat.from_media_type(media)
    if fmt is None:
        raise ValueError(f"unknown RDF media type {media!r}")
    return ox.serialize(ox.parse(input=data, format=fmt), format=ox.RdfFormat.N_TRIPLES).splitlines()


def _as_stored(lines: list[bytes]) -> set[bytes]:
    """N-Triples lines as a store keeps them: Oxigraph's syntax, typed literals by value ("1.000"^^xsd:decimal -> "1")."""
    import pyoxigraph as ox

    canonical = _canonical(b"\n".join(lines))
    typed = [line for line in canonical if _XSD_TYPED in line]
    if not typed:
        return set(canonical)
    store = ox.Store()
    store.bulk_load(input=b"\n".join(typed), format=ox.RdfFormat.N_TRIPLES)
    return {line for line in canonical if _XSD_TYPED not in line} | set(
        store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()).splitlines())


def _their_lines(target: str, timeout: float) -> set[bytes] | None:
    """The target graph's triples as N-Triples lines; empty if the graph does not exist; ``None`` if unreadable."""
    try:
        response = _open(target, "GET", None, {"Accept": NT_MEDIA}, timeout, "reading the graph")
    except PushError as err:
        cause = err.__cause__
        if isinstance(cause, urllib.error.HTTPError) and cause.code == 404:
            return set()
        if isinstance(cause, urllib.error.HTTPError):
            log.warning("%s; replacing the graph without comparing", err)
            return None
        raise
    with response:
        media = (response.headers.get("Content-Type") or NT_MEDIA).split(";")[0].strip().lower()
        data = response.read()
    if media in (NT_MEDIA, "text/plain"):
        return set(data.splitlines()) - {b""}
    try:
        return set(_canonical(data, media))
    except (SyntaxError, ValueError) as err:
        log.warning("%s: cannot read the graph the server sent (%s); replacing it without comparing", target, err)
        return None


def _difference(ours: set[bytes], theirs: set[bytes], nt: Path) -> tuple[list[bytes], list[bytes]]:
    """Lines to delete from the target and to insert, sorted.

    Equal lines are equal triples; only the lines that differ are compared
    again, ours as a store keeps them (:func:`_as_stored`), so a store's own
    way of writing a term is not taken for a change.
    """
    only_ours, only_theirs = ours - theirs, theirs - ours
    if not only_ours and not only_theirs:
        return [], []
    mine = _mine(only_ours, nt)
    try:  # the store's lines are taken out as the store wrote them (in Oxigraph's syntax)
        stored = set(_canonical(b"\n".join(sorted(only_theirs))))
    except SyntaxError:
        stored = only_theirs
    return sorted(stored - mine), sorted(mine - stored)


def _mine(lines: set[bytes], nt: Path) -> set[bytes]:
    try:
        return _as_stored(sorted(lines))
    except SyntaxError as err:
        raise PushError(f"{nt}: cannot read the graph ({err}); rebuild with 'kg build'") from err


def push(out: Path | str, endpoint: str, graph: str | None = None, *, update: str | None = None,
         timeout: float = 600.0, max_update_bytes: int = MAX_UPDATE_BYTES) -> PushResult:
    """Replace ``graph`` (``None``: the default graph) at the Graph Store ``endpoint`` with the build in ``out``.

    Atomic when a SPARQL Update endpoint is known (``update`` or derived by
    :func:`update_url`): one update of the difference, or the fallbacks of
    the module docstring; otherwise one ``PUT``.
    """
    nt = Path(out) / "graph.nt"
    if not nt.is_file():
        raise GraphNotFoundError(f"{out}: no graph.nt here; run 'kg build --out {out}' first")
    target = graph_url(endpoint, graph)
    updates = update_url(endpoint, update)
    start = time.perf_counter()
    body = nt.read_bytes()
    ours = set(body.splitlines()) - {b""}

    def result(status: int, method: str, inserted: int, deleted: int | None, atomic: bool = True) -> PushResult:
        return PushResult(target, status, len(ours), len(body), time.perf_counter() - start, atomic, method,
                          inserted, deleted)

    if updates is None:
        status = _send(target, "PUT", body, NT_MEDIA, timeout, "the graph")
        log.warning("no SPARQL Update endpoint known for %s: replaced the graph with one PUT, which not every store "
                    "applies in one transaction; pass --update URL for an atomic replacement", endpoint)
        return result(status, "put", len(ours), None, atomic=False)
    theirs = _their_lines(target, timeout)
    if theirs is not None and any(_BLANK.search(line) for line in itertools.chain(ours, theirs)):
        theirs = None  # DELETE DATA cannot name blank nodes
    if theirs is None:
        deletions, insertions = None, sorted(_mine(ours, nt))
    else:
        deletions, insertions = _difference(ours, theirs, nt)
        if not insertions and not deletions:
            return result(200, "unchanged", 0, 0)
    text = diff_update(graph, deletions, insertions)
    if len(text) <= max_update_bytes:
        try:
            status = _update(updates, text, timeout, "the update")
            return result(status, "update", len(insertions), None if deletions is None else len(deletions))
        except PushError as err:
            if not (isinstance(err.__cause__, urllib.error.HTTPError) and err.__cause__.code == 413):
                raise
            log.warning("%s; sending the whole graph instead", err)
    if theirs is not None and not theirs:  # nothing to replace: one PUT, loaded in one transaction
        status = _send(target, "PUT", body, NT_MEDIA, timeout, "the graph")
        return result(status, "put", len(ours), 0)
    return _move(body, endpoint, graph, updates, timeout, lambda status: result(status, "move", len(ours), None))


def _move(body: bytes, endpoint: str, graph: str | None, updates: str, timeout: float, result) -> PushResult:
    """``PUT`` into a fresh staging graph, then one ``MOVE`` onto the target; the staging graph dropped on failure."""
    staging = f"urn:kg:push:{uuid.uuid4()}"
    try:
        _send(graph_url(endpoint, staging), "PUT", body, NT_MEDIA, timeout, "the graph")
        return result(_update(updates, move_update(staging, graph), timeout, "the graph swap"))
    except PushError as err:
        if isinstance(err.__cause__, urllib.error.HTTPError):
            _drop_quietly(updates, staging, timeout)
        raise


def _drop_quietly(updates: str, staging: str, timeout: float) -> None:
    try:
        _update(updates, f"DROP SILENT GRAPH <{staging}>", timeout, "dropping the staging graph")
    except PushError as err:
        log.warning("could not drop the staging graph <%s>: %s", staging, err)
