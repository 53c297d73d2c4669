"""A read-only SPARQL 1.1 Protocol endpoint over a build, and its HTML view.

``GET /sparql?query=...`` and ``POST /sparql`` (form-encoded ``query=`` or an
``application/sparql-query`` body) answer in the negotiated format: SPARQL
JSON, XML, CSV or TSV results; Turtle, N-Triples, JSON-LD or RDF/XML graphs.
Updates are refused (403). ``GET /`` serves ``graph.html``.

Queries run in worker processes, so a query past the timeout is stopped for
real: its worker is killed and replaced. Each worker answers from an
in-memory copy of the graph (by default for builds up to
:data:`MEMORY_AUTO_BYTES` of N-Triples: 2-4x faster on joins and property
paths than the on-disk store, whose every step is a RocksDB lookup; see
:func:`kg.store.grouped_by_object`) or from the on-disk store opened
read-only. Oxigraph writes the answer in the negotiated format as it
evaluates the query, with no Python object per row. Answers larger than the
result cap are refused with a message. With a cache (``cache_bytes``, ``kg
serve --cache-mb``), the answer to a query asked again with the same
``Accept`` header is sent from memory (:class:`ResultCache`): the graph is
read-only while served.

>>> server = make_server("out", port=0)  # doctest: +SKIP
>>> threading.Thread(target=server.serve_forever, daemon=True).start()  # doctest: +SKIP
>>> server.close()  # doctest: +SKIP
"""
from __future__ import annotations

import logging
import multiprocessing
import queue
import signal
import threading
from collections import OrderedDict
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from kg.errors import GraphNotFoundError, KGError, QueryError, ResultLimitError

__all__ = ["MEMORY_AUTO_BYTES", "Limits", "QueryPool", "Response", "ResultCache", "SparqlServer", "answer",
           "in_memory_by_default", "make_server", "negotiate", "serve"]

log = logging.getLogger(__name__)

#: Media types of SELECT/ASK answers and of graphs, each to a kg.store format name.
RESULT_TYPES = {"application/sparql-results+json": "json", "application/json": "json",
                "application/sparql-results+xml": "xml", "application/xml": "xml", "text/xml": "xml",
                "text/csv": "csv", "text/tab-separated-values": "tsv"}
GRAPH_TYPES = {"text/turtle": "turtle", "application/x-turtle": "turtle", "application/n-triples": "nt",
               "text/plain": "nt", "application/ld+json": "jsonld", "application/rdf+xml": "xml"}
READ_ONLY = "this endpoint is read-only: SPARQL updates are refused"
#: Builds whose graph.nt is at most this size are served from memory unless told otherwise
#: (about 2M triples; each worker then holds ~1 GB).
MEMORY_AUTO_BYTES = 256 << 20


@dataclass(frozen=True)
class Limits:
    """Per-query limits: seconds before a query is stopped, rows (or triples) in an answer."""

    timeout: float = 30.0
    max_results: int = 100_000


@dataclass(frozen=True)
class Response:
    status: int
    content_type: str
    body: bytes

    @classmethod
    def error(cls, status: int, message: str) -> Response:
        return cls(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"))


class ResultCache:
    """Successful answers by (query text, ``Accept`` header), at most ``max_bytes`` of bodies; least recently used go first.

    Safe to share between the server's threads. An answer larger than the
    whole cache is not kept; nor is an error (a timeout may not recur).

    >>> cache = ResultCache(max_bytes=20)  # bodies and keys
    >>> cache.put(("ASK {}", "*/*"), Response(200, "text/plain", b"yes"))
    >>> cache.get(("ASK {}", "*/*")).body, cache.get(("ASK {}", "text/csv"))
    (b'yes', None)
    >>> cache.put(("q2", "*/*"), Response(200, "text/plain", b"0123456789"))  # evicts the first
    >>> cache.get(("ASK {}", "*/*")), len(cache), cache.hits, cache.misses
    (None, 1, 1, 2)
    """

    def __init__(self, max_bytes: int):
        self.max_bytes, self.size, self.hits, self.misses = max_bytes, 0, 0, 0
        self._answers: OrderedDict[tuple[str, str], Response] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._answers)

    def get(self, key: tuple[str, str]) -> Response | None:
        with self._lock:
            response = self._answers.get(key)
            if response is None:
                self.misses += 1
                return None
            self._answers.move_to_end(key)
            self.hits += 1
            return response

    @staticmethod
    def _bytes(key: tuple[str, str], response: Response) -> int:
        """What one entry counts against ``max_bytes``: its body and its key."""
        return len(response.body) + len(key[0]) + len(key[1])

    def put(self, key: tuple[str, str], response: Response) -> None:
        size = self._bytes(key, response)
        if response.status != HTTPStatus.OK or size > self.max_bytes:
            return
        with self._lock:
            old = self._answers.pop(key, None)
            if old is not None:
                self.size -= self._bytes(key, old)
            self._answers[key] = response
            self.size += size
            while self.size > self.max_bytes:
                self.size -= self._bytes(*self._answers.popitem(last=False))


def negotiate(accept: str, kind: str) -> tuple[str, str]:
    """The (media type, kg.store format) to answer with, by the Accept header's preference.

    >>> negotiate("text/csv;q=0.5, application/sparql-results+xml", "select")
    ('application/sparql-results+xml', 'xml')
    >>> negotiate("*/*", "graph")
    ('text/turtle', 'turtle')
    """
    table = GRAPH_TYPES if kind == "graph" else RESULT_TYPES
    ranked = []
    for position, part in enumerate(accept.split(",")):
        media, *params = [p.strip() for p in part.split(";")]
        quality = 1.0
        for param in params:
            if param.startswith("q="):
                try:
                    quality = float(param[2:])
                except ValueError:
                    quality = 0.0
        ranked.append((-quality, position, media.lower()))
    for quality, _, media in sorted(ranked):
        if quality < 0 and media in table:
            return media, table[media]
    return next(iter(table.items()))


def answer(source, text: str, accept: str, max_results: int | None) -> Response:
    """Run one query and serialize its answer as negotiated; errors become 4xx responses."""
    from kg.store import NATIVE_FORMATS, is_update, query

    if is_update(text):
        return Response.error(HTTPStatus.FORBIDDEN, READ_ONLY)
    rows_as = negotiate(accept, "select")[1]  # Oxigraph writes rows in it as it evaluates (CSV: made from TSV)
    try:
        result = query(source, text, max_rows=max_results, result_format=rows_as if rows_as in NATIVE_FORMATS else "tsv")
    except ResultLimitError as err:
        return Response.error(HTTPStatus.BAD_REQUEST, f"{err} (the server's result cap)")
    except QueryError as err:
        return Response.error(HTTPStatus.BAD_REQUEST, str(err))
    media, fmt = negotiate(accept, result.kind)
    charset = "" if media.endswith("xml") or "json" in media else "; charset=utf-8"
    return Response(HTTPStatus.OK, media + charset, result.serialize(fmt))


def _worker(out: str, conn, max_results: int, memory: bool) -> None:
    from kg.store import open_store

    store = open_store(out, memory=memory)
    conn.send("ready")
    while True:
        try:
            text, accept = conn.recv()
        except EOFError:
            return
        response = answer(store, text, accept, max_results)
        conn.send((response.status, response.content_type))
        conn.send_bytes(response.body)  # as is: not pickled, so not copied once more on either side


def in_memory_by_default(out: Path | str) -> bool:
    """Whether ``kg serve`` loads the build into memory when not told: ``graph.nt`` under :data:`MEMORY_AUTO_BYTES`."""
    nt = Path(out) / "graph.nt"
    return nt.is_file() and nt.stat().st_size <= MEMORY_AUTO_BYTES


class QueryPool:
    """Worker processes that answer queries; one past its timeout is killed and replaced.

    Each worker holds the store open read-only or, with ``memory``, its own
    in-memory copy of the graph. A replacement starts in the background, so
    the answer to a query that timed out does not wait for it.
    """

    def __init__(self, out: Path | str, limits: Limits, workers: int = 2, memory: bool = False):
        self.out, self.limits, self.memory = str(out), limits, memory
        self._context = multiprocessing.get_context("spawn")
        self._idle: queue.Queue = queue.Queue()
        self._all: set = set()
        self._lock = threading.Lock()
        self._closed = False
        self._starting = 0
        nt = Path(out) / "graph.nt"
        size = nt.stat().st_size if memory and nt.is_file() else 0
        self._start_timeout = 60 + size / 2e6  # loading into memory: ~40 MB/s; leave room on a busy machine
        spawned = [self._spawn() for _ in range(workers)]  # they load the graph side by side
        try:
            for process, conn in spawned:
                worker = self._ready(process, conn)
                if worker is not None:
                    self._idle.put(worker)
        except KGError:
            self.close()
            for process, conn in spawned:
                if process.is_alive():
                    process.kill()
                    process.join()
                conn.close()
            raise

    def _spawn(self):
        parent, child = self._context.Pipe()
        process = self._context.Process(target=_worker, args=(self.out, child, self.limits.max_results, self.memory),
                                        daemon=True)
        process.start()
        child.close()
        return process, parent

    def _ready(self, process, parent):
        """Wait for a spawned worker to be ready; the worker, or ``None`` if the pool closed meanwhile."""
        try:
            started = parent.poll(self._start_timeout) and parent.recv() == "ready"
        except (EOFError, OSError):
            started = False
        if not started:
            process.kill()
            process.join()
            parent.close()
            raise KGError(f"{self.out}: the query worker did not start; see the messages above")
        with self._lock:
            if not self._closed:
                self._all.add((process, parent))
                return process, parent
        process.kill()  # the pool closed while this worker was starting
        process.join()
        parent.close()
        return None

    def _start(self):
        return self._ready(*self._spawn())

    def _replace(self) -> None:
        try:
            worker = self._start()
        except KGError as err:
            log.error("cannot replace a query worker: %s", err)
            return
        finally:
            with self._lock:
                self._starting -= 1
        if worker is not None:
            self._idle.put(worker)

    def _stop(self, worker) -> None:
        process, conn = worker
        process.kill()
        process.join()
        conn.close()
        with self._lock:
            self._all.discard(worker)

    def _retire(self, worker) -> None:
        self._stop(worker)
        with self._lock:
            self._starting += 1
        threading.Thread(target=self._replace, name="kg-serve-worker-start", daemon=True).start()

    def run(self, text: str, accept: str) -> Response:
        timeout = self.limits.timeout
        try:
            worker = self._idle.get(timeout=timeout + (self._start_timeout if self._starting else 0))
        except queue.Empty:
            return Response.error(HTTPStatus.SERVICE_UNAVAILABLE, "all query workers are busy; try again")
        process, conn = worker
        try:
            conn.send((text, accept))
            if conn.poll(timeout):
                status, content_type = conn.recv()
                body = conn.recv_bytes()
                self._idle.put(worker)
                return Response(status, content_type, body)
        except (EOFError, OSError) as err:
            log.warning("query worker %s failed: %s", process.pid, err)
            self._retire(worker)
            return Response.error(HTTPStatus.INTERNAL_SERVER_ERROR, "the query worker failed; see the server log")
        self._retire(worker)
        return Response.error(HTTPStatus.SERVICE_UNAVAILABLE, f"query timed out after {timeout:g} s (the server's timeout)")

    def close(self) -> None:
        with self._lock:
            self._closed = True
            workers = list(self._all)
        for worker in workers:
            self._stop(worker)


class _Handler(BaseHTTPRequestHandler):
    server: SparqlServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):  # noqa: A002 (the base class's name)
        log.info("%s %s", self.address_string(), format % args)

    def _send(self, response: Response, head: bool = False) -> None:
        self.send_response(response.status)
        self.send_header("Content-Type", response.content_type)
        self.send_header("Content-Length", str(len(response.body)))
        self.send_header("Vary", "Accept")
        if response.status == HTTPStatus.METHOD_NOT_ALLOWED:
            self.send_header("Allow", "GET, HEAD, POST")
        self.end_headers()
        if not head:
            self.wfile.write(response.body)

    def _query(self, text: str | None) -> Response:
        if not text or not text.strip():
            return Response.error(HTTPStatus.BAD_REQUEST, "no query: pass query=... (SPARQL 1.1 Protocol)")
        accept = self.headers.get("Accept") or "*/*"
        cache = self.server.cache
        if cache is None:
            return self.server.pool.run(text, accept)
        response = cache.get((text, accept))
        if response is None:
            response = self.server.pool.run(text, accept)
            cache.put((text, accept), response)
        return response

    def _get(self) -> Response:
        url = urlsplit(self.path)
        params = parse_qs(url.query)
        if "update" in params:
            return Response.error(HTTPStatus.FORBIDDEN, READ_ONLY)
        if "query" in params:
            return self._query(params["query"][0])
        if url.path in ("/", "/graph.html"):
            page = self.server.out / "graph.html"
            if not page.is_file():
                return Response.error(HTTPStatus.NOT_FOUND, f"no HTML view in {self.server.out}; build without --no-html")
            return Response(HTTPStatus.OK, "text/html; charset=utf-8", page.read_bytes())
        if url.path in ("/sparql", "/query"):
            return self._query(None)
        return Response.error(HTTPStatus.NOT_FOUND, "not found: the SPARQL endpoint is /sparql, the HTML view /")

    def do_GET(self):  # noqa: N802 (http.server's name)
        self._send(self._get())

    def do_HEAD(self):  # noqa: N802
        self._send(self._get(), head=True)

    def do_POST(self):  # noqa: N802
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8", errors="replace")
        media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = parse_qs(urlsplit(self.path).query)
        if media == "application/sparql-update" or "update" in params:
            return self._send(Response.error(HTTPStatus.FORBIDDEN, READ_ONLY))
        if media == "application/sparql-query":
            return self._send(self._query(body))
        if media == "application/x-www-form-urlencoded":
            form = parse_qs(body)
            if "update" in form:
                return self._send(Response.error(HTTPStatus.FORBIDDEN, READ_ONLY))
            return self._send(self._query((form.get("query") or [None])[0]))
        self._send(Response.error(HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                                  "POST a form (query=...) or an application/sparql-query body"))

    def _refuse(self):
        self._send(Response.error(HTTPStatus.METHOD_NOT_ALLOWED, READ_ONLY))

    do_PUT = do_DELETE = do_PATCH = _refuse  # noqa: N815


class SparqlServer(ThreadingHTTPServer):
    """The HTTP server; ``pool`` runs the queries. ``close()`` stops both."""

    daemon_threads = True
    #: listen backlog: the default 5 drops (resets) connections under a burst of concurrent clients
    request_queue_size = 128

    def __init__(self, out: Path, address: tuple[str, int], limits: Limits, workers: int, memory: bool = False,
                 cache_bytes: int = 0):
        self.out = out
        self.cache = ResultCache(cache_bytes) if cache_bytes > 0 else None
        self.pool = QueryPool(out, limits, workers, memory)
        try:
            super().__init__(address, _Handler)
        except OSError:
            self.pool.close()
            raise

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"

    def serve_forever(self, poll_interval: float = 0.5) -> None:
        self._serving = True
        try:
            super().serve_forever(poll_interval)
        finally:
            self._serving = False

    def close(self) -> None:
        """Stop serving (from another thread), release the port and stop the workers."""
        if getattr(self, "_serving", False):
            self.shutdown()
        self.server_close()
        self.pool.close()


def make_server(out: Path | str, host: str = "127.0.0.1", port: int = 7878, limits: Limits | None = None,
                workers: int = 2, memory: bool | None = None, cache_bytes: int = 0) -> SparqlServer:
    """A server for the build in ``out``, bound but not yet serving (port 0: any free port).

    ``memory``: each worker answers from an in-memory copy of the graph
    (``None``: when :func:`in_memory_by_default`) rather than the on-disk store.
    ``cache_bytes``: keep answers to repeated queries in a :class:`ResultCache`
    of that size (0: none).
    """
    from kg.store import open_store

    out = Path(out)
    open_store(out)  # fail here, clearly, when there is no build
    if memory is None:
        memory = in_memory_by_default(out)
    elif memory and not (out / "graph.nt").is_file():
        raise GraphNotFoundError(f"{out}: no graph.nt to load into memory; serve with --disk, or rebuild")
    try:
        return SparqlServer(out, (host, port), limits or Limits(), workers, memory, cache_bytes)
    except OSError as err:
        raise KGError(f"cannot listen on {host}:{port}: {err.strerror or err}") from err


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def serve(out: Path | str, host: str = "127.0.0.1", port: int = 7878, limits: Limits | None = None,
          workers: int = 2, ready=None, memory: bool | None = None, cache_bytes: int = 0) -> None:
    """Serve until interrupted; ``ready(url)`` is called once listening."""
    server = make_server(out, host, port, limits, workers, memory, cache_bytes)
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _interrupt)  # stop the workers on kill, too
    if ready is not None:
        ready(server.url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
