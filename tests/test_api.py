"""The public Python API (kg.api): kg.load, Graph.query with bindings, Rows, entity, nx, view."""
from __future__ import annotations

import subprocess
import sys

import pyoxigraph as ox
import pytest

import kg
from kg.api import Graph, Rows, bind, to_term
from kg.errors import GraphNotFoundError, KGError, QueryError
from kg.lineage import UnknownNameError


@pytest.fixture(scope="module")
def g(built) -> Graph:
    return kg.load(built)


def test_api_load_takes_a_result_or_a_directory(built, built_out):
    assert kg.load(built).out == built_out
    assert kg.load(str(built_out)).out == built_out
    assert isinstance(kg.load(built_out), kg.Graph)


def test_api_load_without_a_graph_raises(tmp_path):
    with pytest.raises(GraphNotFoundError, match="no graph here"):
        kg.load(tmp_path)


def test_api_load_rejects_other_values():
    with pytest.raises(TypeError, match="build directory"):
        kg.load(42)


def test_api_import_kg_stays_cheap():
    code = ("import sys, kg; kg.load, kg.Graph, kg.Rows; "
            "print(sorted(m for m in ('pandas', 'networkx', 'matplotlib') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_api_query_gives_named_rows_with_python_values(g):
    rows = g.query("""SELECT ?label (COUNT(DISTINCT ?p) AS ?papers) WHERE {
        ?m a kg:Model ; skos:prefLabel ?label . ?p kg:mentions ?m } GROUP BY ?label ORDER BY DESC(?papers) LIMIT 3""")
    assert isinstance(rows, Rows) and len(rows) == 3
    assert rows.variables == ("label", "papers")
    first = rows[0]
    assert isinstance(first.label, str) and isinstance(first.papers, int)
    assert rows.column("papers") == sorted(rows.column("papers"), reverse=True)
    assert rows.dicts()[0] == {"label": first.label, "papers": first.papers}


def test_api_query_df_has_one_column_per_variable(g):
    df = g.query("SELECT ?m ?label WHERE { ?m a kg:Dataset ; skos:prefLabel ?label } ORDER BY ?label").df()
    assert list(df.columns) == ["m", "label"]
    assert len(df) == g.query("SELECT (COUNT(*) AS ?n) WHERE { ?m a kg:Dataset }")[0].n
    assert df["label"].tolist() == sorted(df["label"].tolist())


def test_api_query_binding_equals_the_value_written_in(g):
    written = g.query('SELECT ?p WHERE { ?p kg:mentions ?m . ?m skos:prefLabel "BERT" } ORDER BY ?p')
    bound = g.query("SELECT ?p WHERE { ?p kg:mentions ?m . ?m skos:prefLabel ?name } ORDER BY ?p", name="BERT")
    assert len(written) > 0
    assert bound.column("p") == written.column("p")


def test_api_query_binding_applies_before_aggregates(g):
    """A trailing VALUES would join after GROUP BY and count every model's papers."""
    total = g.query("SELECT (COUNT(*) AS ?n) WHERE { ?p kg:mentions ?m . ?m a kg:Model }")[0].n
    one = g.query("SELECT (COUNT(*) AS ?n) WHERE { ?p kg:mentions ?m . ?m skos:prefLabel ?name }", name="BERT")
    written = g.query('SELECT (COUNT(*) AS ?n) WHERE { ?p kg:mentions ?m . ?m skos:prefLabel "BERT" }')
    assert one[0].n == written[0].n < total


def test_api_query_binding_a_list_gives_one_solution_per_value(g):
    rows = g.query("SELECT ?name ?m WHERE { ?m skos:prefLabel ?name } ORDER BY ?name", name=["RoBERTa", "BERT"])
    assert rows.column("name") == ["BERT", "RoBERTa"]
    assert all(m.startswith(kg.vocab.PREFIXES["model"]) for m in rows.column("m"))


def test_api_query_binding_an_entity_binds_its_iri(g):
    bert = g.entity("BERT")
    assert g.query("ASK { ?e a kg:Model }", e=bert) is True
    assert g.query("ASK { ?e a kg:Dataset }", e=bert) is False


def test_api_query_binding_an_unknown_variable_raises(g):
    with pytest.raises(QueryError, match=r"no variable \?nme"):
        g.query("SELECT ?m WHERE { ?m skos:prefLabel ?name }", nme="BERT")


def test_api_query_construct_gives_triples(g):
    rows = g.query("CONSTRUCT { ?m rdfs:label ?l } WHERE { ?m skos:prefLabel ?name ; rdfs:label ?l }", name="BERT")
    assert rows.variables == ("subject", "predicate", "object")
    assert [tuple(r) for r in rows] == [(f"{kg.vocab.PREFIXES['model']}bert", f"{kg.vocab.PREFIXES['rdfs']}label",
                                         "BERT")]


@pytest.mark.parametrize("text, match", [
    ("SELECT ?x WHERE { ?x ?p }", "line 1, column"),
    ("INSERT DATA { model:a kg:mentions model:b }", "read-only"),
    ("SELECT ?x WHERE { ?x nope:thing ?y }", "unknown prefix nope:"),
])
def test_api_query_errors_are_one_line_query_errors(g, text, match):
    with pytest.raises(QueryError, match=match) as err:
        g.query(text)
    assert "\n" not in str(err.value)


@pytest.mark.parametrize("text, expected", [
    ("SELECT ?m WHERE { ?m ?p ?name }", 'SELECT ?m WHERE { VALUES ?name { "B" } ?m ?p ?name }'),
    ("SELECT * { ?m ?p ?name }", 'SELECT * { VALUES ?name { "B" } ?m ?p ?name }'),
    ("ASK { ?m ?p ?name }", 'ASK { VALUES ?name { "B" } ?m ?p ?name }'),
    ("CONSTRUCT { ?m ?p ?name } WHERE { ?m ?p ?name }",
     'CONSTRUCT { ?m ?p ?name } WHERE { VALUES ?name { "B" } ?m ?p ?name }'),
    # braces and WHERE inside strings, IRIs and comments are not syntax
    ('SELECT ?m # where {\nWHERE { ?m <urn:x{> "where { }" ; ?p ?name }',
     'SELECT ?m # where {\nWHERE { VALUES ?name { "B" } ?m <urn:x{> "where { }" ; ?p ?name }'),
    # a subquery's WHERE is not the outer one
    ("SELECT ?name WHERE { { SELECT ?name WHERE { ?m ?p ?name } } }",
     'SELECT ?name WHERE { VALUES ?name { "B" } { SELECT ?name WHERE { ?m ?p ?name } } }'),
])
def test_api_bind_puts_values_at_the_top_of_the_where_group(text, expected):
    assert bind(text, {"name": "B"}) == expected


def test_api_bind_escapes_literals():
    text = bind("SELECT ?m WHERE { ?m ?p ?name }", {"name": 'say "}" \\ now'})
    assert text == 'SELECT ?m WHERE { VALUES ?name { "say \\"}\\" \\\\ now" } ?m ?p ?name }'
    ox.Store().query(text)  # parses


@pytest.mark.parametrize("value, expected", [
    ("x", ox.Literal("x")),
    (3, ox.Literal(3)),
    (2.5, ox.Literal(2.5)),
    (True, ox.Literal(True)),
    (ox.NamedNode("urn:a"), ox.NamedNode("urn:a")),
])
def test_api_to_term(value, expected):
    assert to_term(value) == expected


def test_api_to_term_converts_rdflib_terms():
    from rdflib import Literal, URIRef

    assert to_term(URIRef("urn:a")) == ox.NamedNode("urn:a")
    assert to_term(Literal("x", lang="en")) == ox.Literal("x", language="en")


def test_api_to_term_refuses_other_values():
    with pytest.raises(QueryError, match="cannot bind a dict"):
        to_term({})


def test_api_rows_repr_and_html_show_a_bounded_table():
    rows = Rows(("n", "s"), [(i, "<b>") for i in range(30)])
    text = repr(rows)
    assert text.splitlines()[0].split() == ["n", "s"]
    assert "... 10 more" in text and text.endswith("(30 rows)")
    assert "&lt;b&gt;" in rows._repr_html_() and "<b>" not in rows._repr_html_()


def test_api_rows_column_of_an_unknown_variable_raises():
    with pytest.raises(KeyError, match="the rows have n"):
        Rows(("n",), [(1,)]).column("m")


def test_api_entity_by_alias_and_any_case(g):
    alias = g.query("""SELECT ?label ?alias WHERE { ?m a kg:Model ; skos:prefLabel ?label ; skos:altLabel ?alias .
        FILTER NOT EXISTS { ?other skos:prefLabel|skos:altLabel ?alias FILTER(?other != ?m) } }
        ORDER BY ?label ?alias LIMIT 1""")[0]
    entity = g.entity(alias.alias)
    assert (entity.name, entity.type) == (alias.label, "Model")
    assert alias.alias in entity.aliases and entity.name not in entity.aliases
    assert g.entity(alias.label.swapcase()).name == alias.label


def test_api_entity_lists_the_papers_naming_it(g):
    bert = g.entity("BERT")
    mentions = g.query("SELECT DISTINCT ?p WHERE { ?p kg:mentions model:bert }").column("p")
    assert sorted(p.iri for p in bert.papers) == sorted(mentions)
    dated = [p.date for p in bert.papers if p.date]
    assert dated == sorted(dated) and bert.papers[:len(dated)] == tuple(p for p in bert.papers if p.date)
    assert "BERT" in repr(bert) and f"{len(bert.papers)} papers" in repr(bert)


def test_api_entity_type_picks_among_homonyms(g):
    name = g.query("SELECT ?label WHERE { ?d a kg:Dataset ; skos:prefLabel ?label } ORDER BY ?label LIMIT 1")[0].label
    assert g.entity(name, type="Dataset").type == "Dataset"
    with pytest.raises(UnknownNameError, match=f"no Language named {name!r}"):
        g.entity(name, type="Language")
    with pytest.raises(KGError, match="unknown entity type"):
        g.entity(name, type="Person")


def test_api_entity_unknown_raises_a_lookup_error(g):
    with pytest.raises(LookupError, match="no model or other entity named"):
        g.entity("No Such Model 9000")


def test_api_nx_is_loaded_on_first_use_and_matches_the_store(built_out):
    graph = kg.load(built_out)
    assert "nx" not in graph.__dict__
    nodes = graph.nx
    assert graph.nx is nodes
    assert graph.node("BERT") == "Model:BERT" and nodes.nodes["Model:BERT"]["kind"] == "Model"
    papers = graph.query("SELECT (COUNT(*) AS ?n) WHERE { ?p a kg:Paper }")[0].n
    assert sum(1 for _, d in nodes.nodes(data=True) if d["kind"] == "Paper") == papers


def test_api_view_draws_the_named_nodes(g, tmp_path):
    view = g.view(["BERT", "Model:RoBERTa"], title="two models")
    assert "two models" in view.html and "RoBERTa" in view.html
    assert view._repr_html_().startswith("<iframe srcdoc=") and "<script" not in view._repr_html_()
    path = view.save(tmp_path / "v.html")
    assert path.read_text(encoding="utf-8") == view.html
    assert len(g.view(["BERT"]).html) < len(view.html)


def test_api_view_of_draws_what_kg_view_draws(lineage_corpus_out):
    from kg.view import view

    graph = kg.load(lineage_corpus_out)
    tree = graph.view_of("TinyBERT", lineage=True)
    assert tree.path.is_file() and tree.path.read_text(encoding="utf-8") == tree.html
    assert "Lineage of TinyBERT" in tree.html and "1 ancestor, 0 descendants" in tree.html
    written = view(lineage_corpus_out, "TinyBERT", lineage=True)
    assert written.path.read_text(encoding="utf-8") == tree.html


def test_api_graph_lineage_delegates_to_kg_lineage(lineage_out):
    from kg.lineage import lineage

    graph = kg.load(lineage_out)
    down = graph.lineage("Model 0", down=True, depth=2)
    assert len(down) > 0
    assert down.to_dict() == lineage(lineage_out, "Model 0", down=True, depth=2).to_dict()


def test_api_lineage_and_entity_on_a_corpus_stating_lineage(lineage_corpus_out):
    graph = kg.load(lineage_corpus_out)
    steps = graph.lineage("tinybert").steps
    assert [(s.child.label, s.relation, s.parent.label) for s in steps] == [("TinyBERT", "distillsFrom", "BERT")]
    assert steps[0].evidence.startswith("TinyBERT is distilled from BERT")
    tiny = graph.entity("TinyBERT")
    assert [p.date for p in tiny.papers] == ["2019-09-23", "2020-02-01"]
    assert tiny.papers[0].introduces and not tiny.papers[1].introduces
    students = graph.query("""SELECT ?label WHERE { ?s kg:distillsFrom ?t ; skos:prefLabel ?label }
                              ORDER BY ?label""", t=graph.entity("BERT"))
    assert students.column("label") == ["DistilBERT", "TinyBERT"]


def test_api_docstring_examples_run():
    import doctest

    import kg.api

    failed, attempted = doctest.testmod(kg.api, optionflags=doctest.ELLIPSIS)
    assert attempted > 5 and failed == 0
