"""``kg serve`` under hostile and heavy use: loopback by default, no way to
change the store, capped time and answers, and a bounded load with no error
and no memory growth (the 1,000-query run with figures is
``benchmarks/serve_load.py``)."""
from __future__ import annotations

import ipaddress
import json
import time
import urllib.error
import urllib.request
from urllib.parse import quote, urlsplit

import psutil
import pytest

from benchmarks.serve_load import MB, post, run_load, start_server, stop_server, workload

pytestmark = pytest.mark.slow

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
PLANTED = "ASK { <http://x/s> ?p ?o }"
INSERT = "INSERT DATA { <http://x/s> <http://x/p> <http://x/o> }"


@pytest.fixture(scope="module")
def server(built_out):
    proc, url = start_server(built_out)
    yield proc, url
    stop_server(proc)


@pytest.fixture(scope="module")
def strict(built_out):
    proc, url = start_server(built_out, "--timeout", "1", "--max-results", "100", "--workers", "1")
    yield proc, url
    stop_server(proc)


def _count(url: str) -> int:
    status, body = post(url, COUNT, "application/sparql-results+json")
    assert status == 200, body
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


def _request(url: str, method: str, data: bytes | None = None, content_type: str | None = None) -> int:
    headers = {"Content-Type": content_type} if content_type else {}
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=data, method=method, headers=headers), timeout=60) as r:
            return r.status
    except urllib.error.HTTPError as err:
        return err.code


def test_hardening_serve_binds_loopback_by_default(server):
    proc, url = server
    assert ipaddress.ip_address(urlsplit(url).hostname).is_loopback
    listening = [c for p in (psutil.Process(proc.pid),) for c in p.net_connections("inet") if c.status == psutil.CONN_LISTEN]
    assert listening and all(ipaddress.ip_address(c.laddr.ip).is_loopback for c in listening)


UPDATES = [
    ("POST", "/sparql", "update=" + quote(INSERT), "application/x-www-form-urlencoded"),
    ("POST", "/sparql", INSERT, "application/sparql-update"),
    ("GET", "/sparql?update=" + quote(INSERT), None, None),
    ("POST", "/sparql", "query=" + quote(INSERT), "application/x-www-form-urlencoded"),
    ("POST", "/sparql", "# hidden\nPREFIX x: <http://x/>\n  insert data { x:s x:p x:o }", "application/sparql-query"),
    ("POST", "/sparql", "SELECT * WHERE { ?s ?p ?o } ; " + INSERT, "application/sparql-query"),
    ("GET", "/sparql?query=" + quote("DELETE WHERE { ?s ?p ?o }"), None, None),
    ("GET", "/sparql?query=" + quote("CLEAR ALL"), None, None),
    ("GET", "/sparql?query=" + quote("DROP DEFAULT"), None, None),
    ("GET", "/sparql?query=" + quote("LOAD <file:///etc/passwd>"), None, None),
    ("GET", "/sparql?query=" + quote("WITH <http://x/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }"), None, None),
    ("PUT", "/sparql", "<http://x/s> <http://x/p> <http://x/o> .", "application/n-triples"),
    ("DELETE", "/sparql", None, None),
    ("POST", "/sparql?update=" + quote(INSERT), "", "application/x-www-form-urlencoded"),
]


def test_hardening_serve_updates_cannot_change_the_store(server):
    _, url = server
    before = _count(url)
    statuses = [_request(url + path, method, body.encode() if body is not None else None, ctype)
                for method, path, body, ctype in UPDATES]
    assert all(400 <= s < 500 for s in statuses), statuses
    assert _count(url) == before
    assert post(url, PLANTED, "application/sparql-results+json")[1].count(b"false") == 1


def test_hardening_serve_caps_time_and_answer_size(strict):
    _, url = strict
    status, body = post(url, "SELECT * WHERE { ?s ?p ?o }", "text/csv")
    assert status == 400 and b"100" in body
    start = time.perf_counter()
    status, body = post(url, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", "text/csv")
    assert status == 503 and b"timed out" in body
    assert time.perf_counter() - start < 20
    assert post(url, "ASK { ?s ?p ?o }", "application/sparql-results+json")[0] == 200  # a fresh worker answers


def test_hardening_serve_bounded_load_no_errors_no_growth(server):
    """200 queries from 16 threads: every answer 200, memory after the last 50 within 16 MB of after the first 50."""
    proc, url = server
    report = run_load(url, proc.pid, workload(url, 200), concurrency=16, window=50)
    assert report.errors == [], report.summary()
    assert len(report.latencies) == 200
    assert report.growth < 16 * MB, report.summary()


def test_hardening_serve_burst_of_connections_all_answered(server):
    """64 clients connecting at the same instant: none is reset or stalls in SYN retries
    (the listen backlog must exceed the burst; the standard library's default of 5 does not)."""
    import socket
    import threading

    _, url = server
    host, port = urlsplit(url).hostname, urlsplit(url).port
    barrier, results = threading.Barrier(64), []

    def client():
        barrier.wait()
        started = time.monotonic()
        try:
            with socket.create_connection((host, port), timeout=30) as s:
                s.sendall(f"GET /sparql?query={quote('ASK {}')} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
                head = s.recv(64)
            results.append((head.split(b" ")[1] if head else b"", time.monotonic() - started))
        except OSError as err:
            results.append((repr(err).encode(), time.monotonic() - started))

    threads = [threading.Thread(target=client) for _ in range(64)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [code for code, _ in results] == [b"200"] * 64
    assert max(elapsed for _, elapsed in results) < 3  # dropped SYNs are retried after 1 s, 3 s, 7 s...
