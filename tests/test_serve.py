"""kg serve: the SPARQL 1.1 Protocol over HTTP, queried with a standard client (SPARQLWrapper)."""
from __future__ import annotations

import csv
import io
import json
import multiprocessing
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic
from SPARQLWrapper import CSV, JSON, POST, POSTDIRECTLY, TURTLE, URLENCODED, SPARQLWrapper

import kg.serve
from kg.errors import GraphNotFoundError, KGError
from kg.serve import Limits, in_memory_by_default, make_server, negotiate
from kg.store import open_store, query

ROOT = Path(__file__).resolve().parent.parent
CAP = 5000  # above the bundled corpus's Model count, far below its triples
MODELS = "SELECT ?m ?l WHERE { ?m a kg:Model ; rdfs:label ?l }"


def _serving(out, limits: Limits, workers: int, memory: bool | None = None):
    server = make_server(out, port=0, limits=limits, workers=workers, memory=memory)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="module")
def server(built_out):
    """The bundled-corpus build served from memory on a free loopback port, with a small result cap."""
    running = _serving(built_out, Limits(timeout=60, max_results=CAP), workers=2, memory=True)
    yield running
    running.close()


@pytest.fixture(scope="module")
def strict(lineage_out):
    """A one-worker server on the on-disk store, with a one-second timeout, over the synthetic lineage build
    (no graph.html)."""
    running = _serving(lineage_out, Limits(timeout=1, max_results=10_000), workers=1, memory=False)
    yield running
    running.close()


def _client(server, text: str, method: str = "GET", request: str = URLENCODED, fmt=JSON) -> SPARQLWrapper:
    client = SPARQLWrapper(server.url + "/sparql")
    client.setQuery(text)
    client.setMethod(method)
    client.setRequestMethod(request)
    client.setReturnFormat(fmt)
    client.setTimeout(60)
    return client


def _http(url: str, data: bytes | None = None, method: str | None = None, headers=None) -> tuple[int, str, bytes]:
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers["Content-Type"], err.read()


def _rows(results: dict) -> list[tuple]:
    names = results["head"]["vars"]
    return sorted(tuple(b.get(v, {}).get("value") for v in names) for b in results["results"]["bindings"])


@pytest.mark.parametrize("method, request_method", [("GET", URLENCODED), (POST, URLENCODED), (POST, POSTDIRECTLY)])
def test_serve_select_over_http_matches_the_embedded_store(server, built_out, method, request_method):
    expected = sorted(query(open_store(built_out), MODELS).rows)
    assert expected and len(expected) <= CAP
    results = _client(server, MODELS, method, request_method).query().convert()
    assert _rows(results) == expected


@pytest.mark.parametrize("method", ["GET", POST])
def test_serve_ask_construct_and_describe(server, built_out, method):
    assert _client(server, "ASK { ?m a kg:Model }", method).query().convert()["boolean"] is True
    assert _client(server, "ASK { ?m a kg:NoSuchClass }", method).query().convert()["boolean"] is False
    model = query(open_store(built_out), "SELECT ?m WHERE { ?m a kg:Model } ORDER BY ?m LIMIT 1").rows[0][0]
    for text in ("CONSTRUCT { ?m rdfs:label ?l } WHERE { ?m a kg:Model ; rdfs:label ?l }", f"DESCRIBE <{model}>"):
        served = _client(server, text, method, fmt=TURTLE).query().convert()
        graph = Graph().parse(data=served, format="turtle")
        expected = Graph().parse(data=query(open_store(built_out), text).serialize("nt"), format="nt")
        assert len(graph) > 0 and isomorphic(graph, expected)


@pytest.mark.parametrize("accept, parse", [
    ("text/csv", lambda body: list(csv.reader(io.StringIO(body.decode("utf-8"))))),
    ("text/tab-separated-values", lambda body: [line.split("\t") for line in body.decode("utf-8").splitlines()]),
])
def test_serve_negotiates_csv_and_tsv(server, built_out, accept, parse):
    status, media, body = _http(server.url + "/sparql?" + urlencode({"query": MODELS}), headers={"Accept": accept})
    assert status == 200 and media.startswith(accept)
    rows = parse(body)
    expected = sorted(query(open_store(built_out), MODELS).rows)
    if accept == "text/csv":
        assert rows[0] == ["m", "l"] and sorted(map(tuple, rows[1:])) == expected
    else:  # TSV keeps the terms' syntax: <IRI> and "literal"
        assert rows[0] == ["?m", "?l"]
        assert sorted((m[1:-1], label[1:-1]) for m, label in rows[1:]) == expected


@pytest.mark.parametrize("accept, kind, expected", [
    ("text/csv;q=0.5, application/sparql-results+xml", "select", "xml"),
    ("text/tab-separated-values", "select", "tsv"),
    ("text/html, */*;q=0.1", "select", "json"),
    ("application/n-triples", "graph", "nt"),
    ("application/sparql-results+json", "graph", "turtle"),
])
def test_serve_negotiate(accept, kind, expected):
    assert negotiate(accept, kind)[1] == expected


UPDATE = "INSERT DATA { model:intruder a kg:Model }"


@pytest.mark.parametrize("method, request_method", [(POST, URLENCODED), (POST, POSTDIRECTLY)])
def test_serve_refuses_updates_from_the_client(server, method, request_method):
    client = _client(server, UPDATE, method, request_method)
    with pytest.raises(urllib.error.HTTPError) as caught:
        client.query()
    assert caught.value.code == 403
    assert _client(server, "ASK { model:intruder ?p ?o }").query().convert()["boolean"] is False


@pytest.mark.parametrize("path, data, method, headers, status", [
    ("/sparql?" + urlencode({"update": UPDATE}), None, "GET", {}, 403),
    ("/sparql?" + urlencode({"query": UPDATE}), None, "GET", {}, 403),
    ("/sparql", UPDATE.encode(), "POST", {"Content-Type": "application/sparql-update"}, 403),
    ("/sparql", urlencode({"update": UPDATE}).encode(), "POST",
     {"Content-Type": "application/x-www-form-urlencoded"}, 403),
    ("/sparql", b"<a> <b> <c> .", "PUT", {"Content-Type": "application/n-triples"}, 405),
    ("/sparql", None, "DELETE", {}, 405),
])
def test_serve_refuses_updates_on_every_route(server, path, data, method, headers, status):
    assert _http(server.url + path, data, method, headers)[0] == status


def test_serve_result_cap(server):
    everything = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"  # every triple: far more than CAP
    status, _, body = _http(server.url + "/sparql?" + urlencode({"query": everything}))
    assert status == 400 and f"more than {CAP} rows" in body.decode()
    capped = _client(server, everything + f" LIMIT {CAP}").query().convert()
    assert len(capped["results"]["bindings"]) == CAP


@pytest.mark.parametrize("accept", ["application/sparql-results+json", "application/sparql-results+xml",
                                    "text/tab-separated-values", "text/csv"])
def test_serve_result_cap_in_every_format(server, built_out, accept):
    """Rows are written in the negotiated format as they are evaluated, and counted exactly in each."""
    everything = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
    status, _, body = _http(server.url + "/sparql?" + urlencode({"query": everything}), headers={"Accept": accept})
    assert status == 400 and f"more than {CAP} rows" in body.decode()
    text = everything + f" ORDER BY ?s ?p ?o LIMIT {CAP}"
    status, media, body = _http(server.url + "/sparql?" + urlencode({"query": text}), headers={"Accept": accept})
    own = query(open_store(built_out), text).serialize(negotiate(accept, "select")[1])
    assert status == 200 and media.startswith(accept) and body == own


def test_serve_syntax_error_is_a_bad_request_with_the_position(server):
    status, media, body = _http(server.url + "/sparql?" + urlencode({"query": "SELECT ?x WHERE {\n ?x"}))
    assert status == 400 and media.startswith("text/plain") and "line 2, column" in body.decode()


def test_serve_html_view_at_root(server, built_out):
    status, media, body = _http(server.url + "/")
    assert status == 200 and media.startswith("text/html")
    assert body == (built_out / "graph.html").read_bytes()
    assert _http(server.url + "/nowhere")[0] == 404


def test_serve_without_html_view_says_so(strict):
    status, _, body = _http(strict.url + "/")
    assert status == 404 and b"--no-html" in body


def test_serve_timeout_stops_the_query_and_recovers(strict):
    endless = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    start = time.perf_counter()
    status, _, body = _http(strict.url + "/sparql?" + urlencode({"query": endless}))
    assert status == 503 and b"timed out after 1 s" in body
    assert time.perf_counter() - start < 30
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?m a kg:Model }"
    assert _client(strict, count).query().convert()["results"]["bindings"][0]["n"]["value"] == "200"


def test_cli_serve_answers_and_stops_on_sigterm(lineage_out):
    process = subprocess.Popen([sys.executable, "-m", "kg", "serve", str(lineage_out), "--port", "0", "--workers", "1",
                                "--disk", "--cache-mb", "1"],
                               cwd=ROOT, stderr=subprocess.PIPE, text=True)
    try:
        line = process.stderr.readline()
        assert "SPARQL endpoint http://127.0.0.1:" in line
        endpoint = line.split("SPARQL endpoint ")[1].split()[0].rstrip(",")
        for _ in range(2):  # the second from the cache
            status, media, body = _http(endpoint + "?" + urlencode({"query": "ASK { model:m1 kg:derivedFrom+ model:m0 }"}),
                                        headers={"Accept": "application/sparql-results+json"})
            assert status == 200 and json.loads(body)["boolean"] is True
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        process.stderr.close()


@pytest.mark.parametrize("limit, expected", [(0, False), (10**12, True)])
def test_serve_in_memory_by_default_below_the_size_limit(lineage_out, monkeypatch, limit, expected):
    monkeypatch.setattr(kg.serve, "MEMORY_AUTO_BYTES", limit)
    assert in_memory_by_default(lineage_out) is expected
    server = make_server(lineage_out, port=0, workers=1)
    try:
        assert server.pool.memory is expected
    finally:
        server.close()


def test_serve_in_memory_needs_graph_nt(lineage_out, tmp_path):
    shutil.copytree(lineage_out / "store", tmp_path / "store")
    with pytest.raises(GraphNotFoundError, match="--disk"):
        make_server(tmp_path, port=0, workers=1, memory=True)
    server = make_server(tmp_path, port=0, workers=1)  # the default: on disk, as there is no graph.nt to load
    try:
        assert server.pool.memory is False
    finally:
        server.close()


def test_serve_workers_that_cannot_load_the_graph_fail_clearly_and_leave_nothing(lineage_out, tmp_path):
    shutil.copytree(lineage_out / "store", tmp_path / "store")
    (tmp_path / "graph.nt").write_text("<https://e.org/a> <https://e.org/b> broken .\n", encoding="utf-8")
    before = set(multiprocessing.active_children())  # the module's servers' workers
    with pytest.raises(KGError, match="did not start"):
        make_server(tmp_path, port=0, workers=2, memory=True)
    assert set(multiprocessing.active_children()) - before == set()


def test_serve_cache_answers_repeated_queries_without_the_workers(lineage_out):
    server = make_server(lineage_out, port=0, workers=1, memory=False, cache_bytes=1 << 20)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    ran = []
    run = server.pool.run
    server.pool.run = lambda text, accept: ran.append((text, accept)) or run(text, accept)
    try:
        text = "SELECT ?m WHERE { ?m kg:derivedFrom model:m0 } ORDER BY ?m"
        url = server.url + "/sparql?" + urlencode({"query": text})
        first = _http(url, headers={"Accept": "text/csv"})
        assert first[0] == 200 and first[2].count(b"\n") > 2
        assert _http(url, headers={"Accept": "text/csv"}) == first and len(ran) == 1  # from the cache
        as_json = _http(url, headers={"Accept": "application/sparql-results+json"})  # another format: evaluated
        assert as_json[1].startswith("application/sparql-results+json") and len(ran) == 2
        broken = server.url + "/sparql?" + urlencode({"query": "SELECT ?x WHERE {"})
        assert _http(broken)[0] == _http(broken)[0] == 400 and len(ran) == 4  # errors are not kept
        assert (server.cache.hits, len(server.cache)) == (1, 2)
    finally:
        server.close()


def test_serve_cache_is_off_by_default_and_bounded(lineage_out):
    server = make_server(lineage_out, port=0, workers=1, memory=False)
    try:
        assert server.cache is None
    finally:
        server.close()
    cache = kg.serve.ResultCache(max_bytes=100)
    big, small = kg.serve.Response(200, "text/csv", b"x" * 200), kg.serve.Response(200, "text/csv", b"x" * 40)
    cache.put(("big", "*/*"), big)
    assert cache.get(("big", "*/*")) is None
    for name in "abc":
        cache.put((name, "*/*"), small)
    assert cache.size <= 100 and cache.get(("a", "*/*")) is None and cache.get(("c", "*/*")) is small
