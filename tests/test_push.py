"""kg push into a real Oxigraph server (the ``oxigraph`` package's ``serve``), started by the test itself."""
from __future__ import annotations

import re
import shutil
import socket
import subprocess
import sys
import sysconfig
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest
from SPARQLWrapper import POST, SPARQLWrapper

from kg.cli import main
from kg.errors import GraphNotFoundError
from kg.push import PushError, diff_update, graph_url, push, update_url
from kg.store import QueryResult, open_store, prefixed_query, query

ROOT = Path(__file__).resolve().parent.parent
#: Every query file, by a unique id: the lineage queries of schema/queries and the store's own test queries.
QUERY_FILES = {f"{name}/{path.stem}": path
               for name, folder in (("schema", ROOT / "schema" / "queries"), ("sparql", ROOT / "tests" / "data" / "sparql"))
               for path in sorted(folder.glob("*.rq"))}
CORPUS_GRAPH = "https://w3id.org/lmkg/graph/corpus"
LINEAGE_GRAPH = "https://w3id.org/lmkg/graph/lineage"


def _oxigraph_binary(tmp_path_factory) -> str:
    """The ``oxigraph`` CLI of the test extra; installed into a temporary directory when missing."""
    for folder in (sysconfig.get_path("scripts"), str(Path(sys.executable).parent)):
        found = shutil.which("oxigraph", path=folder)
        if found:
            return found
    if shutil.which("oxigraph"):
        return shutil.which("oxigraph")
    target = tmp_path_factory.mktemp("oxigraph-cli")
    installed = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--target", str(target), "oxigraph"],
                               capture_output=True, text=True, timeout=600)
    binary = target / "bin" / "oxigraph"
    if installed.returncode != 0 or not binary.is_file():
        pytest.skip(f"the oxigraph server is not installed and could not be: {installed.stderr.strip()[-200:]}")
    return str(binary)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "/query?" + urlencode({"query": "ASK {}"}), timeout=5) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory):
    """A real Oxigraph server on a free loopback port; its URL. Stopped (and killed if need be) afterwards."""
    binary = _oxigraph_binary(tmp_path_factory)
    for _attempt in range(3):  # another process may take the free port between probe and bind
        port = _free_port()
        location = tmp_path_factory.mktemp("oxigraph-data")
        process = subprocess.Popen([binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while process.poll() is None and time.monotonic() < deadline and not _answers(url):
            time.sleep(0.1)
        if process.poll() is None and _answers(url):
            break
        process.kill()
        process.wait()
    else:
        pytest.fail(f"the oxigraph server did not start: {process.stderr.read().decode(errors='replace')[-500:]}")
    try:
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process.stderr.close()


def _remote(url: str, text: str, graph: str | None) -> QueryResult:
    """Ask the server with SPARQLWrapper over ``graph`` (``None``: the server's default graph); the answer."""
    client = SPARQLWrapper(url + "/query")
    # SPARQLWrapper strips only every other line of a block of # comments before it looks for the query form,
    # so a word like "drop" in a header comment makes it send an update (RDFLib/sparqlwrapper#232): send the
    # query without its whole-line comments
    client.setQuery(prefixed_query(re.sub(r"(?m)^[ \t]*#.*\n?", "", text)))
    if graph is not None:
        client.addDefaultGraph(graph)
    client.setMethod(POST)
    client.setTimeout(120)
    kind = client.queryType
    if kind in ("CONSTRUCT", "DESCRIBE"):
        client.addCustomHttpHeader("Accept", "application/n-triples")
        return QueryResult("graph", client.query().response.read(), "nt")
    client.addCustomHttpHeader("Accept", "application/sparql-results+json")
    return QueryResult(kind.lower(), client.query().response.read(), "json")


def _count(url: str, graph: str | None) -> int:
    result = _remote(url, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", graph)
    return int(result.canonical()[0][0].split('"')[1])


def _triples(out: Path) -> int:
    return sum(1 for _ in open(out / "graph.nt", "rb"))


@pytest.fixture(scope="module")
def pushed(oxigraph, built_out, lineage_out):
    """The lineage graph pushed, then replaced by the bundled corpus while a reader counts it; the counts seen."""
    push(lineage_out, oxigraph + "/store", CORPUS_GRAPH)
    old, new = _triples(lineage_out), _triples(built_out)
    assert _count(oxigraph, CORPUS_GRAPH) == old != new
    seen, done = [], threading.Event()

    def watch():
        while not done.wait(0.02):
            seen.append(_count(oxigraph, CORPUS_GRAPH))

    reader = threading.Thread(target=watch)
    reader.start()
    try:
        result = push(built_out, oxigraph + "/store", CORPUS_GRAPH)
    finally:
        done.set()
        reader.join()
    push(lineage_out, oxigraph + "/store", LINEAGE_GRAPH)
    return result, seen, old, new


@pytest.mark.slow
def test_push_replaces_the_named_graph_atomically(oxigraph, pushed, built_out):
    result, seen, old, new = pushed
    assert result.atomic and result.triples == new
    assert _count(oxigraph, CORPUS_GRAPH) == new
    assert seen and set(seen) <= {old, new}, "a reader saw the graph half-replaced"
    graphs = _remote(oxigraph, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", None).canonical()
    assert graphs == sorted([(f"<{CORPUS_GRAPH}>",), (f"<{LINEAGE_GRAPH}>",)]), "the staging graph was left behind"


@pytest.mark.slow
@pytest.mark.parametrize("name", QUERY_FILES)
@pytest.mark.parametrize("graph, build", [(CORPUS_GRAPH, "built_out"), (LINEAGE_GRAPH, "lineage_out")],
                         ids=["corpus", "lineage"])
def test_push_remote_answers_match_the_embedded_store(oxigraph, pushed, request, name, graph, build):
    text = QUERY_FILES[name].read_text(encoding="utf-8")
    embedded = query(open_store(request.getfixturevalue(build)), text)
    remote = _remote(oxigraph, text, graph)
    assert remote.kind == embedded.kind
    assert remote.canonical() == embedded.canonical()
    if build == "built_out" and name.startswith("schema/"):  # the lineage queries answer on the bundled corpus
        assert remote.canonical(), f"{name} answers nothing on the bundled corpus"


@pytest.mark.slow
def test_cli_push_default_graph(oxigraph, pushed, lineage_out, capsys):
    assert main(["push", str(lineage_out), "--endpoint", oxigraph + "/store"]) == 0
    assert "atomically" in capsys.readouterr().out
    assert _count(oxigraph, None) == _triples(lineage_out)
    assert _remote(oxigraph, "ASK { model:m1 kg:derivedFrom+ model:m0 }", None).canonical() is True


@pytest.mark.slow
def test_cli_push_named_graph(oxigraph, pushed, built_out, lineage_out, capsys):
    graph = "https://example.org/graphs/cli"
    try:
        assert main(["push", str(built_out), "--endpoint", oxigraph + "/store", "--graph", graph]) == 0
        assert f"graph={quote(graph, safe='')}" in capsys.readouterr().out
        assert _count(oxigraph, graph) == _triples(built_out)
        assert _count(oxigraph, LINEAGE_GRAPH) == _triples(lineage_out)  # the other named graphs are untouched
    finally:
        drop = urllib.request.Request(oxigraph + "/update", data=f"DROP SILENT GRAPH <{graph}>".encode(),
                                      method="POST", headers={"Content-Type": "application/sparql-update"})
        urllib.request.urlopen(drop, timeout=30).close()


@pytest.mark.slow
def test_push_broken_graph_is_refused_before_the_server_is_touched(oxigraph, pushed, tmp_path):
    (tmp_path / "graph.nt").write_text("<https://example.org/a> <https://example.org/b> broken .\n", encoding="utf-8")
    before = _count(oxigraph, CORPUS_GRAPH)
    with pytest.raises(PushError, match="cannot read the graph"):
        push(tmp_path, oxigraph + "/store", CORPUS_GRAPH)
    assert _count(oxigraph, CORPUS_GRAPH) == before


@pytest.mark.slow
def test_push_refused_update_keeps_the_old_graph(oxigraph, pushed, lineage_out):
    before = _count(oxigraph, CORPUS_GRAPH)
    with pytest.raises(PushError, match="refused the update: HTTP 404"):
        push(lineage_out, oxigraph + "/store", CORPUS_GRAPH, update=oxigraph + "/no-such-endpoint")
    assert _count(oxigraph, CORPUS_GRAPH) == before


def _dump(url: str, graph: str) -> list[str]:
    request = urllib.request.Request(graph_url(url + "/store", graph), headers={"Accept": "application/n-triples"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return sorted(response.read().decode("utf-8").splitlines())


def _variant(out: Path, tmp_path: Path) -> tuple[Path, int, int]:
    """A copy of the build with every 50th triple dropped and 7 new ones; the copy, triples in, triples out."""
    lines = (out / "graph.nt").read_text(encoding="utf-8").splitlines(keepends=True)
    dropped = lines[::50]
    kept = [line for i, line in enumerate(lines) if i % 50]
    new = [f'<https://example.org/new/{i}> <https://example.org/p> "{i}"@en .\n' for i in range(7)]
    (tmp_path / "graph.nt").write_text("".join(sorted(kept + new)), encoding="utf-8")
    return tmp_path, len(new), len(dropped)


@pytest.mark.slow
def test_push_sends_only_the_difference(oxigraph, pushed, lineage_out, tmp_path):
    graph = "https://example.org/graphs/difference"
    first = push(lineage_out, oxigraph + "/store", graph)
    assert (first.method, first.inserted, first.deleted) == ("update", _triples(lineage_out), 0)
    again = push(lineage_out, oxigraph + "/store", graph)
    assert (again.method, again.inserted, again.deleted, again.atomic) == ("unchanged", 0, 0, True)
    changed, added, dropped = _variant(lineage_out, tmp_path)
    result = push(changed, oxigraph + "/store", graph)
    assert (result.method, result.inserted, result.deleted) == ("update", added, dropped)
    assert _dump(oxigraph, graph) == sorted((changed / "graph.nt").read_text(encoding="utf-8").splitlines())


@pytest.mark.slow
def test_push_typed_literals_compare_as_the_store_keeps_them(oxigraph, pushed, built_out):
    """The corpus holds "1.000"^^xsd:decimal, which Oxigraph keeps as "1": a re-push must still write nothing."""
    assert '.000"^^<http://www.w3.org/2001/XMLSchema#decimal>' in (built_out / "graph.nt").read_text(encoding="utf-8")
    assert push(built_out, oxigraph + "/store", CORPUS_GRAPH).method == "unchanged"


@pytest.mark.slow
def test_push_too_large_an_update_falls_back_atomically(oxigraph, pushed, lineage_out, built_out):
    graph = "https://example.org/graphs/fallback"
    try:
        first = push(lineage_out, oxigraph + "/store", graph, max_update_bytes=1)
        assert first.method == "put" and _count(oxigraph, graph) == _triples(lineage_out)  # the target was empty
        seen, done = [], threading.Event()

        def watch():
            while not done.wait(0.02):
                seen.append(_count(oxigraph, graph))

        reader = threading.Thread(target=watch)
        reader.start()
        try:
            result = push(built_out, oxigraph + "/store", graph, max_update_bytes=1)
        finally:
            done.set()
            reader.join()
        assert result.method == "move" and _count(oxigraph, graph) == _triples(built_out)
        assert seen and set(seen) <= {_triples(lineage_out), _triples(built_out)}
        graphs = _remote(oxigraph, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", None).canonical()
        assert not any("urn:kg:push" in g for (g,) in graphs)
    finally:
        drop = urllib.request.Request(oxigraph + "/update", data=f"DROP SILENT GRAPH <{graph}>".encode(),
                                      method="POST", headers={"Content-Type": "application/sparql-update"})
        urllib.request.urlopen(drop, timeout=30).close()


@pytest.mark.parametrize("graph, deletions, insertions, expected", [
    (None, [], [b"<urn:a> <urn:b> <urn:c> ."], "INSERT DATA {\n<urn:a> <urn:b> <urn:c> .\n}"),
    (None, None, [], "CLEAR SILENT DEFAULT"),
    ("urn:g", None, [b"<urn:a> <urn:b> _:x ."], "CLEAR SILENT GRAPH <urn:g> ;\nINSERT DATA { GRAPH <urn:g> {\n<urn:a> <urn:b> _:x .\n} }"),
    ("urn:g", [b"<urn:a> <urn:b> <urn:c> ."], [], "DELETE DATA { GRAPH <urn:g> {\n<urn:a> <urn:b> <urn:c> .\n} }"),
    ("urn:g", [], [], ""),
])
def test_push_diff_update(graph, deletions, insertions, expected):
    assert diff_update(graph, deletions, insertions).decode() == expected


@pytest.mark.parametrize("endpoint, graph, expected", [
    ("http://localhost:7878/store", None, "http://localhost:7878/store?default"),
    ("http://h/ds/data?x=1", "https://e.org/g#1", "http://h/ds/data?x=1&graph=https%3A%2F%2Fe.org%2Fg%231"),
])
def test_push_graph_url(endpoint, graph, expected):
    assert graph_url(endpoint, graph) == expected


@pytest.mark.parametrize("endpoint, update, expected", [
    ("http://localhost:7878/store", None, "http://localhost:7878/update"),
    ("https://u:p@host/fuseki/lm/data/", None, "https://u:p@host/fuseki/lm/update"),
    ("http://host/repositories/lm/rdf-graphs/service", None, None),
    ("http://host/repositories/lm/rdf-graphs/service", "http://host/repositories/lm/statements",
     "http://host/repositories/lm/statements"),
])
def test_push_update_url(endpoint, update, expected):
    assert update_url(endpoint, update) == expected


@pytest.mark.parametrize("endpoint, graph, message", [
    ("ftp://host/store", None, "not an http"),
    ("http://host/store", "relative/graph", "not an absolute IRI"),
    ("http://host/store", "https://e.org/a> <b", "not an absolute IRI"),
])
def test_push_bad_arguments(built_out, endpoint, graph, message):
    with pytest.raises(PushError, match=message):
        push(built_out, endpoint, graph)


def test_push_unreachable_server_is_one_line(built_out, capsys):
    url = f"http://127.0.0.1:{_free_port()}/store"
    assert main(["push", str(built_out), "--endpoint", url]) == 1
    err = capsys.readouterr().err
    assert "cannot reach the server" in err and err.count("\n") == 1


def test_push_without_build(tmp_path):
    with pytest.raises(GraphNotFoundError, match="kg build"):
        push(tmp_path, "http://127.0.0.1:9/store")
