"""Load a build into a triple store over the SPARQL 1.1 Graph Store Protocol.

The graph is replaced atomically: ``graph.nt`` is ``PUT`` into a fresh
staging graph, then one SPARQL 1.1 Update request ``MOVE``\\ s it onto the
target graph. A store applies an update request as one transaction, so its
readers see the old graph or the new one, never an empty or a half-loaded
one; if anything fails, the target is left as it was and the staging graph is
dropped. (A bare ``PUT`` is not enough: Oxigraph, for one, clears the graph
and loads the new triples in two steps.)

The update endpoint is ``--update``, or found next to the Graph Store
endpoint by the common layouts (Oxigraph ``/store`` -> ``/update``, Fuseki
``/DATASET/data`` -> ``/DATASET/update``); with neither, one ``PUT`` of the
target graph is the best the protocol offers. Credentials may be given in
the URLs (``https://user:secret@host/...``).

>>> graph_url("http://localhost:7878/store", "https://w3id.org/lmkg/graph")
'http://localhost:7878/store?graph=https%3A%2F%2Fw3id.org%2Flmkg%2Fgraph'
>>> graph_url("http://localhost:7878/store")
'http://localhost:7878/store?default'
>>> update_url("http://localhost:3030/lm/data")
'http://localhost:3030/lm/update'
"""
from __future__ import annotations

import base64
import logging
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from kg.errors import GraphNotFoundError, KGError

__all__ = ["PushError", "PushResult", "graph_url", "move_update", "push", "update_url"]

log = logging.getLogger(__name__)

NT_MEDIA = "application/n-triples"
UPDATE_MEDIA = "application/sparql-update"
#: Last path segments of Graph Store endpoints whose sibling ``update`` takes SPARQL updates.
_GSP_SEGMENTS = ("store", "data")


class PushError(KGError):
    """The server could not be reached or refused the graph."""


@dataclass(frozen=True)
class PushResult:
    target: str
    status: int
    triples: int
    bytes: int
    seconds: float
    atomic: bool


def _http_url(url: str, what: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise PushError(f"{url!r} is not an http(s) URL of a {what}")


def graph_url(endpoint: str, graph: str | None = None) -> str:
    """The Graph Store Protocol URL of ``graph`` (``None``: the default graph) at ``endpoint``."""
    _http_url(endpoint, "Graph Store Protocol endpoint")
    if graph is not None and not urlsplit(graph).scheme:
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


class _CountingReader:
    """A binary file that counts the lines read through it (one per triple in N-Triples)."""

    def __init__(self, handle):
        self.handle, self.lines = handle, 0

    def read(self, size: int = -1) -> bytes:
        block = self.handle.read(size)
        self.lines += block.count(b"\n")
        return block


def _credentials(url: str) -> tuple[str, dict[str, str]]:
    parts = urlsplit(url)
    if parts.username is None:
        return url, {}
    netloc = parts.hostname + (f":{parts.port}" if parts.port else "")
    secret = f"{unquote(parts.username)}:{unquote(parts.password or '')}".encode()
    bare = urlunsplit((parts.scheme, netloc, parts.path, parts.query, ""))
    return bare, {"Authorization": "Basic " + base64.b64encode(secret).decode("ascii")}


def _send(url: str, method: str, body, media: str, size: int, timeout: float, what: str) -> int:
    url, headers = _credentials(url)
    request = urllib.request.Request(url, data=body, method=method, headers={
        "Content-Type": media, "Content-Length": str(size), **headers})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as err:
        detail = " ".join(err.read(300).decode("utf-8", errors="replace").split())
        raise PushError(f"{url}: the server refused {what}: HTTP {err.code} {err.reason}"
                        + (f": {detail}" if detail else "")) from err
    except (urllib.error.URLError, OSError) as err:
        reason = getattr(err, "reason", err)
        raise PushError(f"{url}: cannot reach the server: {reason}") from err


def _update(url: str, text: str, timeout: float, what: str) -> int:
    body = text.encode("utf-8")
    return _send(url, "POST", body, UPDATE_MEDIA, len(body), timeout, what)


def push(out: Path | str, endpoint: str, graph: str | None = None, *, update: str | None = None,
         timeout: float = 600.0) -> PushResult:
    """Replace ``graph`` (``None``: the default graph) at the Graph Store ``endpoint`` with the build in ``out``.

    Atomic when a SPARQL Update endpoint is known (``update`` or derived by
    :func:`update_url`); otherwise one ``PUT``.
    """
    nt = Path(out) / "graph.nt"
    if not nt.is_file():
        raise GraphNotFoundError(f"{out}: no graph.nt here; run 'kg build --out {out}' first")
    target = graph_url(endpoint, graph)
    updates = update_url(endpoint, update)
    staging = f"urn:kg:push:{uuid.uuid4()}" if updates else None
    size = nt.stat().st_size
    start = time.perf_counter()
    with open(nt, "rb") as handle:
        body = _CountingReader(handle)
        url = graph_url(endpoint, staging) if staging else target
        try:
            status = _send(url, "PUT", body, NT_MEDIA, size, timeout, "the graph")
            if staging:
                status = _update(updates, move_update(staging, graph), timeout, "the graph swap")
        except PushError as err:
            if staging and isinstance(err.__cause__, urllib.error.HTTPError):
                _drop_quietly(updates, staging, timeout)
            raise
    if not staging:
        log.warning("no SPARQL Update endpoint known for %s: replaced the graph with one PUT, which some "
                    "stores apply in two steps; pass --update URL for an atomic swap", endpoint)
    return PushResult(target, status, body.lines, size, time.perf_counter() - start, staging is not None)


def _drop_quietly(updates: str, staging: str, timeout: float) -> None:
    try:
        _update(updates, f"DROP SILENT GRAPH <{staging}>", timeout, "dropping the staging graph")
    except PushError as err:
        log.warning("could not drop the staging graph <%s>: %s", staging, err)
