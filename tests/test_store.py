"""The embedded store: Oxigraph, rdflib over Oxigraph, and rdflib's in-memory fallback."""
from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest

from kg.cli import main
from kg.errors import GraphNotFoundError, QueryError, ResultLimitError
import kg.store
from kg.store import (ENGINES, NATIVE_FORMATS, RESULT_FORMATS, execute, grouped_by_object, is_update, open_engine,
                      open_store, query, rdflib_graph, restore_store)
from kg.vocab import PREFIXES

ROOT = Path(__file__).resolve().parent.parent
#: Every query file, by a unique id: the lineage queries of schema/queries and the store's own test queries.
QUERY_FILES = {f"{name}/{path.stem}": path
               for name, folder in (("schema", ROOT / "schema" / "queries"), ("sparql", ROOT / "tests" / "data" / "sparql"))
               for path in sorted(folder.glob("*.rq"))}
MODEL = PREFIXES["model"]


def _lineage_dag(out) -> nx.DiGraph:
    """kg:derivedFrom edges read straight from graph.nt, independently of any SPARQL engine."""
    dag = nx.DiGraph()
    derived = f"<{PREFIXES['kg']}derivedFrom>"
    for line in (out / "graph.nt").read_text(encoding="utf-8").splitlines():
        s, p, o = line.split(" ", 2)
        if p == derived:
            dag.add_edge(s[1:-1], o.rstrip(" .")[1:-1])
    return dag


@pytest.fixture(scope="module")
def engines(built_out, lineage_out):
    """Each build opened on disk, in memory and in rdflib's store, once for the module."""
    return {build: {"disk": open_store(out), "memory": open_store(out, memory=True), "rdflib": open_engine(out, "rdflib")}
            for build, out in (("corpus", built_out), ("lineage", lineage_out))}


def _rdflib_canonical(answer, text: str):
    """rdflib's answer, less the one all-unbound row it gives for a GROUP BY that matches nothing
    (RDFLib/rdflib#3382: SPARQL 1.1 says no groups, no rows; Oxigraph gives none)."""
    rows = answer.canonical()
    if re.search(r"(?i)\bGROUP\s+BY\b", text) and rows == [("",) * len(answer.variables)]:
        return []
    return rows


@pytest.mark.parametrize("build", ["corpus", "lineage"])
@pytest.mark.parametrize("name", QUERY_FILES)
def test_store_engines_agree_on_every_query_file(engines, build, name):
    text = QUERY_FILES[name].read_text(encoding="utf-8")
    answers = {engine: query(source, text) for engine, source in engines[build].items()}
    assert {a.kind for a in answers.values()} == {answers["disk"].kind}
    assert answers["disk"].canonical() == answers["memory"].canonical() == _rdflib_canonical(answers["rdflib"], text)


def test_store_ancestors_match_the_derivation_dag(lineage_out):
    dag = _lineage_dag(lineage_out)
    models = sorted(dag.nodes)[:20]
    values = " ".join(f"<{m}>" for m in models)
    result = query(open_store(lineage_out), f"SELECT ?m ?a WHERE {{ VALUES ?m {{ {values} }} ?m kg:derivedFrom+ ?a }}")
    expected = sorted((m, a) for m in models for a in nx.descendants(dag, m))
    assert expected and sorted(result.rows) == expected


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("kind, text", [
    ("select", "SELECT ?m WHERE { ?m kg:distillsFrom ?p }"),
    ("ask", "ASK { model:m1 kg:derivedFrom* model:m0 }"),
    ("graph", "CONSTRUCT { ?m kg:derivedFrom ?p } WHERE { ?m kg:derivedFrom ?p }"),
    ("graph", "DESCRIBE model:m0"),
])
def test_store_query_forms(lineage_out, engine, kind, text):
    result = query(open_engine(lineage_out, engine), text)
    assert result.kind == kind
    assert result.rows or result.boolean or result.triples


@pytest.mark.parametrize("memory", [False, True])
def test_store_rdflib_graph_runs_on_oxigraph(lineage_out, memory):
    from oxrdflib import OxigraphStore
    from rdflib import RDF, URIRef

    graph = rdflib_graph(lineage_out, memory=memory)
    assert isinstance(graph.store, OxigraphStore)
    models = set(graph.subjects(RDF.type, URIRef(PREFIXES["kg"] + "Model")))
    assert len(models) == 200
    rows = graph.query("SELECT ?p WHERE { ?p kg:introduces model:m3 }")
    assert [str(r[0]) for r in rows] == [PREFIXES["paper"] + "p3"]
    assert query(graph, "SELECT (COUNT(*) AS ?n) WHERE { ?m a kg:Model }").rows == [("200",)]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("text, where", [
    ("SELECT ?x WHERE { ?x", "line 1, column"),
    ("SELECT ?x\nWHERE {\n  ?x kg:derivedFrom ?y ?z }", "line 3, column"),
    ("SELECT ?x WHERE { ?x undeclared:p ?y }", ""),
])
def test_store_syntax_error_has_the_position(lineage_out, engine, text, where):
    with pytest.raises(QueryError) as caught:
        query(open_engine(lineage_out, engine), text)
    message = str(caught.value)
    assert where in message and "\n" not in message


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("text, what", [
    ("SELECT ?m WHERE { ?m a kg:Model }", "rows"),
    ("CONSTRUCT { ?m a kg:Model } WHERE { ?m a kg:Model }", "triples"),
])
def test_store_result_cap(lineage_out, engine, text, what):
    source = open_engine(lineage_out, engine)
    answer = query(source, text, max_rows=200)
    assert len(answer) == len(answer.rows or answer.triples) == 200
    with pytest.raises(ResultLimitError, match=f"more than 199 {what}"):
        query(source, text, max_rows=199)


HOSTILE = [  # (subject, object) of ex:p triples: terms that a results format must carry exactly
    (ox.NamedNode("https://e.org/a"), ox.Literal("two\nlines\tand a tab, \"quotes\", commas")),
    (ox.NamedNode("https://e.org/a"), ox.Literal("Modèle", language="fr")),
    (ox.NamedNode("https://e.org/a"), ox.Literal("\\backslash \U0001F600 \r")),
    (ox.BlankNode("b1"), ox.Literal("42", datatype=ox.NamedNode(PREFIXES["xsd"] + "integer"))),
    (ox.BlankNode("b1"), ox.Literal("2020-01-01", datatype=ox.NamedNode(PREFIXES["xsd"] + "date"))),
    (ox.BlankNode("b1"), ox.NamedNode("https://e.org/with%20space?q=1#frag")),
]


@pytest.mark.parametrize("native", NATIVE_FORMATS)
@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv"])
def test_store_results_are_exactly_oxigraphs_own(native, fmt):
    """Rows written by Oxigraph in any native format, then given in any format: Oxigraph's own bytes."""
    store = ox.Store()
    store.extend(ox.Quad(s, ox.NamedNode("https://e.org/p"), o) for s, o in HOSTILE)
    text = "SELECT ?s ?o ?unbound WHERE { ?s <https://e.org/p> ?o OPTIONAL { ?s <https://e.org/none> ?unbound } }"
    result = query(store, text, max_rows=len(HOSTILE), result_format=native)
    assert result.data_format == native
    own = store.query(text).serialize(format=RESULT_FORMATS[fmt])
    assert result.serialize(fmt) == own
    assert sorted(result.rows, key=repr) == sorted(((s.value, o.value, None) for s, o in HOSTILE), key=repr)


def _literal_store(values: list[str]) -> ox.Store:
    store = ox.Store()
    store.extend(ox.Quad(ox.NamedNode(f"https://e.org/s{i}"), ox.NamedNode("https://e.org/p"), ox.Literal(v))
                 for i, v in enumerate(values))
    return store


@pytest.mark.parametrize("native", NATIVE_FORMATS)
@pytest.mark.parametrize("text", [
    "SELECT ?s ?o WHERE { ?s <https://e.org/p> ?o }",
    # rows with no binding at all: "{}" in JSON
    "SELECT ?none WHERE { ?s <https://e.org/p> ?o OPTIONAL { ?s <https://e.org/none> ?none } }",
])
def test_store_result_cap_in_every_native_format(native, text):
    """Literals that hold what a row looks like in JSON, XML or TSV do not count as rows; the cap is exact."""
    values = [',{"a":1}', '[{}]', ",{},", "<result>", "two\nlines", "x" * 5000, "plain"]
    store = _literal_store(values)
    assert len(query(store, text, max_rows=len(values), result_format=native).rows) == len(values)
    with pytest.raises(ResultLimitError, match=f"more than {len(values) - 1} rows"):
        query(store, text, max_rows=len(values) - 1, result_format=native)


def test_store_execute_is_the_one_oxigraph_step():
    store = _literal_store(["a"])
    assert execute(store, "SELECT ?o WHERE { ?s ?p ?o }", lambda r: [s["o"].value for s in r]) == ["a"]
    with pytest.raises(QueryError, match="read-only"):
        execute(store, "INSERT DATA { <https://e.org/a> <https://e.org/p> 1 }", list)
    with pytest.raises(QueryError, match="line 1, column"):
        execute(store, "SELECT ?o WHERE { ?s ?p }", list)


def test_store_grouped_by_object_keeps_every_triple(tmp_path):
    lines = ['<https://e.org/a> <https://e.org/p> "with spaces . and a dot" .',
             "_:b1 <https://e.org/p> <https://e.org/z> .",
             "<https://e.org/c>\t<https://e.org/p>\t<https://e.org/a> .",  # tabs: allowed, kept
             "# a comment",
             '<https://e.org/z> <https://e.org/q> "x"@en .',
             "<https://e.org/b> <https://e.org/p> <https://e.org/a> ."]
    data = "\r\n".join(lines).encode()
    grouped = grouped_by_object(data)
    assert sorted(grouped.decode().splitlines()) == sorted(lines)
    assert grouped.index(b"<https://e.org/b>") < grouped.index(b"_:b1")  # the object <.../a> before <.../z>
    loaded = []
    for text in (data, grouped):
        dataset = ox.Dataset(ox.parse(text, format=ox.RdfFormat.N_TRIPLES))
        dataset.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)  # blank node ids, for comparing
        loaded.append(sorted(map(str, dataset)))
    assert loaded[0] == loaded[1] and len(loaded[0]) == 5


def test_store_restore_store_is_public(tmp_path):
    (tmp_path / ".store.old").mkdir()
    restore_store(tmp_path)
    assert (tmp_path / "store").is_dir() and not (tmp_path / ".store.old").exists()


def test_store_declared_prefix_wins(lineage_out):
    store = open_store(lineage_out)
    mine = "PREFIX model: <https://example.org/other/>\nSELECT ?p WHERE { ?p kg:introduces model:m3 }"
    assert query(store, mine).rows == []
    assert query(store, mine.replace("example.org/other", "w3id.org/lmkg/id/model")).rows


def _parse_csv(data: bytes) -> list[tuple]:
    return [tuple(row) for row in csv.reader(io.StringIO(data.decode("utf-8")))][1:]


def _parse_with(media):
    def parse(data: bytes) -> list[tuple]:
        return [(s["m"].value, s["l"].value) for s in ox.parse_query_results(data, format=media)]
    return parse


@pytest.mark.parametrize("fmt, parse", [("csv", _parse_csv), ("tsv", _parse_with(ox.QueryResultsFormat.TSV)),
                                        ("xml", _parse_with(ox.QueryResultsFormat.XML))])
def test_store_results_formats_round_trip(lineage_out, fmt, parse):
    result = query(open_store(lineage_out), "SELECT ?m ?l WHERE { ?m kg:compresses ?b ; rdfs:label ?l }")
    assert result.rows and sorted(parse(result.serialize(fmt))) == sorted(result.rows)
    assert json.loads(result.serialize("json"))["head"]["vars"] == ["m", "l"]


@pytest.mark.parametrize("opener", [lambda out: open_engine(out, "rdflib"), lambda out: open_store(out, memory=True),
                                    open_store])
def test_store_missing_build_is_clear(tmp_path, opener):
    with pytest.raises(GraphNotFoundError, match="kg build"):
        opener(tmp_path)


def test_store_in_memory_copy_is_the_build(lineage_out):
    memory, disk = open_store(lineage_out, memory=True), open_store(lineage_out)
    everything = "CONSTRUCT WHERE { ?s ?p ?o }"
    assert len(memory) == len(disk) == sum(1 for _ in open(lineage_out / "graph.nt", "rb"))
    assert query(memory, everything).canonical() == query(disk, everything).canonical()


@pytest.mark.parametrize("args, expected", [
    (["--format", "tsv"], "?m\n<https://w3id.org/lmkg/id/model/m0>"),
    (["--engine", "rdflib", "--format", "csv"], "m\r\nhttps://w3id.org/lmkg/id/model/m0"),
    ([], "(1 row)"),
])
def test_cli_query_file_engines_and_formats(lineage_out, tmp_path, capsysbinary, args, expected):
    rq = tmp_path / "root.rq"
    rq.write_text("SELECT ?m WHERE { ?m rdfs:label 'Model 0' }", encoding="utf-8")
    assert main(["query", str(lineage_out), "-f", str(rq), *args]) == 0
    assert expected in capsysbinary.readouterr().out.decode("utf-8")


def test_cli_query_does_not_import_the_builder():
    code = "import sys, kg, kg.cli, kg.store; print(sorted({'networkx', 'pyvis', 'kg.build'} & set(sys.modules)))"
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert found.stdout.strip() == "[]"
    assert callable(__import__("kg").build)


def test_cli_query_serve_and_push_do_not_import_rdflib(lineage_out):
    """A cold ``kg query`` answers without rdflib, networkx or pyvis; so do kg.serve and kg.push."""
    code = ("import sys\nfrom kg.cli import main\nrc = main(['query', sys.argv[1], 'ASK { model:m1 kg:derivedFrom+ model:m0 }'])\n"
            "import kg.serve, kg.push\n"
            "print(rc, sorted(m for m in ('rdflib', 'networkx', 'pyvis', 'spacy', 'kg.vocab', 'kg.build') if m in sys.modules))")
    found = subprocess.run([sys.executable, "-c", code, str(lineage_out)], capture_output=True, text=True, cwd=ROOT,
                           timeout=120)
    assert found.returncode == 0, found.stderr
    assert found.stdout.split() == ["yes", "0", "[]"]
    assert "rdflib" in subprocess.run([sys.executable, "-c", "import sys, kg.vocab; print(list(sys.modules))"],
                                      capture_output=True, text=True, cwd=ROOT, check=True).stdout


def test_store_prefixes_match_the_rdflib_namespaces():
    import rdflib.namespace as ns

    from kg import prefixes, vocab

    assert vocab.PREFIXES is prefixes.PREFIXES
    expected = {"rdf": ns.RDF, "rdfs": ns.RDFS, "owl": ns.OWL, "xsd": ns.XSD, "dcterms": ns.DCTERMS, "prov": ns.PROV,
                "skos": ns.SKOS, "kg": vocab.KG._NS, "id": vocab.ID, "schema": vocab.SCHEMA, "fair4ml": vocab.FAIR4ML}
    assert {name: PREFIXES[name] for name in expected} == {name: str(iri) for name, iri in expected.items()}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("text, prefix", [
    ("SELECT ?x WHERE { ?x undeclared:p ?y }", "undeclared:"),
    ("SELECT ?x WHERE {\n  ?x kg:derivedFrom ?y .\n  ?y my-ns:label ?l }", "my-ns:"),
])
def test_store_unknown_prefix_is_named(lineage_out, engine, text, prefix):
    with pytest.raises(QueryError, match=f"unknown prefix {prefix}"):
        query(open_engine(lineage_out, engine), text)


@pytest.mark.parametrize("text", [
    "# insert with care\nSELECT ?m WHERE { ?m kg:derivedFrom ?p }",
    "SELECT ?with WHERE { ?with a kg:Model }",
])
def test_store_queries_naming_update_words_run(lineage_out, text):
    assert not is_update(text) and query(open_store(lineage_out), text).rows


@pytest.mark.parametrize("text", [
    "INSERT DATA { model:x rdfs:label 'x' }",
    "PREFIX ex: <https://example.org/>\n# comment\nDELETE WHERE { ?s ?p ?o }",
    "drop all",
    "LOAD <https://example.org/graph.nt>",
])
def test_store_updates_are_refused(lineage_out, text):
    assert is_update(text)
    with pytest.raises(QueryError, match="read-only"):
        query(open_store(lineage_out), text)
    assert query(open_store(lineage_out), "SELECT (COUNT(*) AS ?n) WHERE { ?m a kg:Model }").rows == [("200",)]


def test_cli_query_forms(lineage_out, capsysbinary):
    def run(*args) -> bytes:
        assert main(["query", str(lineage_out), *args]) == 0
        return capsysbinary.readouterr().out

    assert run("ASK { model:m1 kg:derivedFrom* model:m0 }") == b"yes\n"
    assert run("ASK { model:m0 kg:derivedFrom model:m1 }") == b"no\n"
    assert json.loads(run("ASK { model:m0 a kg:Model }", "--format", "json")) == {"head": {}, "boolean": True}
    selected = json.loads(run("SELECT ?l WHERE { model:m0 rdfs:label ?l }", "--format", "json"))
    assert selected["results"]["bindings"] == [{"l": {"type": "literal", "value": "Model 0"}}]
    constructed = run("CONSTRUCT { ?m kg:derivedFrom model:m0 } WHERE { ?m kg:derivedFrom model:m0 }")
    children = {str(t.subject) for t in ox.parse(constructed, format=ox.RdfFormat.TURTLE)}
    expected = query(open_store(lineage_out), "SELECT ?m WHERE { ?m kg:derivedFrom model:m0 }").rows
    assert children and children == {f"<{m}>" for (m,) in expected}
    described = ox.parse(run("DESCRIBE model:m0", "--format", "nt"), format=ox.RdfFormat.N_TRIPLES)
    assert {str(t.subject) for t in described} == {f"<{MODEL}m0>"}


@pytest.mark.parametrize("text, expected", [
    ("SELECT ?x\nWHERE { ?x", "line 2, column"),
    ("SELECT ?x WHERE { ?x nope:p ?y }", "unknown prefix nope:"),
    ("INSERT DATA { model:x rdfs:label 'x' }", "read-only"),
])
def test_cli_query_errors_are_one_line(lineage_out, capsys, text, expected):
    assert main(["query", str(lineage_out), text]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("kg: error: ") and expected in captured.err
    assert captured.err.count("\n") == 1 and "Traceback" not in captured.err
