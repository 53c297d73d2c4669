"""Load a build into a triple store over the SPARQL 1.1 Graph Store Protocol.

One HTTP ``PUT`` of ``graph.nt`` to ``ENDPOINT?graph=IRI`` (or ``?default``)
replaces that graph with the build's triples in a single request, so readers
see the old graph or the new one, never a mix. Works with any GSP server
(Oxigraph's ``/store``, Fuseki's ``/DATASET/data``, GraphDB, RDF4J, ...).
Credentials may be given in the URL (``https://user:secret@host/...``).

>>> graph_url("http://localhost:7878/store", "https://w3id.org/lmkg/graph")
'http://localhost:7878/store?graph=https%3A%2F%2Fw3id.org%2Flmkg%2Fgraph'
>>> graph_url("http://localhost:7878/store")
'http://localhost:7878/store?default'
"""
from __future__ import annotations

import base64
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from kg.errors import GraphNotFoundError, KGError

__all__ = ["PushError", "PushResult", "graph_url", "push"]

NT_MEDIA = "application/n-triples"


class PushError(KGError):
    """The server could not be reached or refused the graph."""


@dataclass(frozen=True)
class PushResult:
    target: str
    status: int
    triples: int
    bytes: int
    seconds: float


def graph_url(endpoint: str, graph: str | None = None) -> str:
    """The Graph Store Protocol URL of ``graph`` (``None``: the default graph) at ``endpoint``."""
    parts = urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise PushError(f"{endpoint!r} is not an http(s) URL of a Graph Store Protocol endpoint")
    if graph is not None and not urlsplit(graph).scheme:
        raise PushError(f"graph {graph!r} is not an absolute IRI (e.g. https://example.org/graph)")
    selector = "default" if graph is None else "graph=" + quote(graph, safe="")
    query = f"{parts.query}&{selector}" if parts.query else selector
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))


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


def push(out: Path | str, endpoint: str, graph: str | None = None, *, timeout: float = 600.0) -> PushResult:
    """Replace ``graph`` at the Graph Store Protocol ``endpoint`` with the build in ``out``."""
    nt = Path(out) / "graph.nt"
    if not nt.is_file():
        raise GraphNotFoundError(f"{out}: no graph.nt here; run 'kg build --out {out}' first")
    url, headers = _credentials(graph_url(endpoint, graph))
    size = nt.stat().st_size
    start = time.perf_counter()
    with open(nt, "rb") as handle:
        body = _CountingReader(handle)
        request = urllib.request.Request(url, data=body, method="PUT", headers={
            "Content-Type": NT_MEDIA, "Content-Length": str(size), **headers})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                status = response.status
        except urllib.error.HTTPError as err:
            detail = " ".join(err.read(300).decode("utf-8", errors="replace").split())
            raise PushError(f"{url}: the server refused the graph: HTTP {err.code} {err.reason}"
                            + (f": {detail}" if detail else "")) from err
        except (urllib.error.URLError, OSError) as err:
            reason = getattr(err, "reason", err)
            raise PushError(f"{url}: cannot reach the server: {reason}") from err
    return PushResult(url, status, body.lines, size, time.perf_counter() - start)
