"""kg.lineage and ``kg lineage``: trees up and down, depth, cycles, JSON, unknown names, hostile names."""
from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.cli import main
from kg.errors import KGError
from kg.export.lines import literal
from kg.lineage import Lineage, UnknownNameError, find_entity, lineage, select
from kg.store import build_store, open_store
from kg.vocab import PREFIXES


def _triples(step_list):
    return {(s.child.label, s.relation, s.parent.label) for s in step_list}


# -- the hand-made corpus -----------------------------------------------------------

def test_lineage_up_tree(lineage_corpus_out):
    found = lineage(lineage_corpus_out, "RobBERT")
    assert isinstance(found, Lineage)
    assert found.root.label == "RobBERT" and not found.down
    assert [(s.child.label, s.relation, s.parent.label, s.depth) for s in found.steps] == [
        ("RobBERT", "basedOn", "RoBERTa", 1), ("RoBERTa", "basedOn", "BERT", 2)]
    first = found.steps[0]
    assert first.title == "RobBERT: a Dutch RoBERTa-based Language Model"
    assert first.date == "2020-01-17"
    assert first.evidence == "RobBERT is based on RoBERTa."
    assert first.confidence == pytest.approx(0.9)
    assert first.paper.endswith("/paper/arxiv-2001.06286")
    assert [n.label for n in found.nodes] == ["RoBERTa", "BERT"]


def test_lineage_keeps_every_source(lineage_corpus_out):
    (step,) = lineage(lineage_corpus_out, "TinyBERT").steps
    assert (step.child.label, step.relation, step.parent.label) == ("TinyBERT", "distillsFrom", "BERT")
    assert [s.title for s in step.sources] == ["TinyBERT: Distilling BERT for Natural Language Understanding",
                                               "A second look at TinyBERT"]
    assert step.evidence == "TinyBERT is distilled from BERT."  # equal confidence: the earliest paper first


def test_lineage_down_tree(lineage_corpus_out):
    found = lineage(lineage_corpus_out, "BERT", down=True)
    assert found.down
    assert _triples(found.steps) == {
        ("TinyBERT", "distillsFrom", "BERT"), ("DistilBERT", "distillsFrom", "BERT"), ("Q8BERT", "compresses", "BERT"),
        ("RoBERTa", "basedOn", "BERT"), ("CamemBERT", "basedOn", "RoBERTa"), ("RobBERT", "basedOn", "RoBERTa"),
        ("Orca", "fineTunedFrom", "RoBERTa"), ("MiniDistil", "compresses", "DistilBERT")}
    depths = {s.child.label: s.depth for s in found.steps}
    assert depths["TinyBERT"] == 1 and depths["CamemBERT"] == 2 and depths["MiniDistil"] == 2
    # outperforms is no lineage: RoBERTa appears once, by basedOn
    assert [s.relation for s in found.steps if s.child.label == "RoBERTa"] == ["basedOn"]
    text = found.tree()
    assert text.splitlines()[0] == "BERT: descendants"
    assert "CamemBERT  (basedOn)" in text and '"MiniDistil compresses DistilBERT."' in text
    assert "Undated compression of DistilBERT" in text


@pytest.mark.parametrize("depth, expected", [(0, 0), (1, 4), (2, 8), (5, 8), (None, 8)])
def test_lineage_depth(lineage_corpus_out, depth, expected):
    found = lineage(lineage_corpus_out, "BERT", down=True, depth=depth)
    assert len(found.steps) == expected
    assert all(s.depth <= (depth if depth is not None else 99) for s in found.steps)


def test_lineage_depth_negative(lineage_corpus_out):
    with pytest.raises(KGError, match="depth"):
        lineage(lineage_corpus_out, "BERT", depth=-1)


@pytest.mark.parametrize("name, down", [("AlphaNet", False), ("AlphaNet", True), ("BetaNet", False)])
def test_lineage_cycle_terminates(lineage_corpus_out, name, down):
    found = lineage(lineage_corpus_out, name, down=down)
    assert _triples(found.steps) == {("AlphaNet", "basedOn", "BetaNet"), ("BetaNet", "fineTunedFrom", "AlphaNet")}
    assert len(found.steps) == 2
    assert "(cycle)" in found.tree()


def test_lineage_empty(lineage_corpus_out):
    found = lineage(lineage_corpus_out, "NewNet")
    assert found.steps == () and "(no ancestors in the graph)" in found.tree()
    assert [s.child.label for s in lineage(lineage_corpus_out, "NewNet", down=True).steps] == ["OldNet"]


def test_lineage_to_dict_is_json(lineage_corpus_out):
    data = json.loads(json.dumps(lineage(lineage_corpus_out, "CamemBERT").to_dict()))
    assert data["root"] == {"iri": "https://w3id.org/lmkg/id/model/camembert", "label": "CamemBERT", "type": "Model"}
    assert data["direction"] == "up" and data["depth"] is None
    assert [(s["child"], s["relation"], s["parent"], s["depth"]) for s in data["steps"]] == [
        ("CamemBERT", "basedOn", "RoBERTa", 1), ("RoBERTa", "basedOn", "BERT", 2)]
    assert data["steps"][0]["evidence"] == "CamemBERT is based on RoBERTa."
    assert (data["steps"][0]["child_type"], data["steps"][0]["parent_type"]) == ("Model", "Model")
    assert data["steps"][0]["sources"][0]["date"] == "2019-11-10"


@pytest.mark.parametrize("name", ["tinybert", "TINYBERT", "Tiny-BERT", "tiny bert", " TinyBERT ", "Tiny_BERT"])
def test_lineage_name_folding(lineage_corpus_out, name):
    assert lineage(lineage_corpus_out, name).root.label == "TinyBERT"


def test_lineage_prefers_the_model(lineage_corpus_out):
    # "Orca" is a Dataset in one paper and a Model in another: lineage means the model
    assert find_entity(lineage_corpus_out, "Orca").type == "Model"
    assert find_entity(lineage_corpus_out, "GLUE").type == "Dataset"


def test_lineage_unknown_name_lists_close_names(lineage_corpus_out):
    with pytest.raises(UnknownNameError) as err:
        lineage(lineage_corpus_out, "RobBERTa-large-xx")
    assert "RobBERT" in err.value.close or "RoBERTa" in err.value.close
    assert "close names:" in str(err.value)
    with pytest.raises(UnknownNameError, match="no model or other entity named 'zzzqqq'") as err:
        lineage(lineage_corpus_out, "zzzqqq")
    assert err.value.close == ()


def test_lineage_accepts_a_store(lineage_corpus_out):
    store = open_store(lineage_corpus_out)
    assert _triples(lineage(store, "Q8BERT").steps) == {("Q8BERT", "compresses", "BERT")}


# -- the CLI --------------------------------------------------------------------------

def test_cli_lineage_text(lineage_corpus_out, capsys):
    assert main(["lineage", str(lineage_corpus_out), "TinyBERT"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[:4] == [
        "TinyBERT: ancestry", "└─ BERT  (distillsFrom)",
        "      TinyBERT: Distilling BERT for Natural Language Understanding (2019-09-23)",
        '      "TinyBERT is distilled from BERT."']


def test_cli_lineage_down_depth_json(lineage_corpus_out, capsys):
    assert main(["lineage", str(lineage_corpus_out), "bert", "--down", "--depth", "1", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["direction"] == "down" and data["depth"] == 1
    assert {s["child"] for s in data["steps"]} == {"TinyBERT", "DistilBERT", "Q8BERT", "RoBERTa"}


def test_cli_lineage_not_found(lineage_corpus_out, capsys):
    assert main(["lineage", str(lineage_corpus_out), "TinyBRT"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and captured.err.startswith("kg: error: no model")
    assert "TinyBERT" in captured.err


def test_cli_lineage_no_graph(tmp_path, capsys):
    assert main(["lineage", str(tmp_path), "BERT"]) == 1
    assert "no graph" in capsys.readouterr().err


# -- hostile names ---------------------------------------------------------------------

HOSTILE = [
    '"', "'", '"}', "'} ; DROP ALL ; {'", '} ; DROP ALL', '" } ; DROP ALL ; INSERT DATA { <a> <b> <c> } #',
    "BERT } UNION { ?entity ?p ?o", '") || true || ("', "SELECT * WHERE { ?s ?p ?o }", "DELETE WHERE { ?s ?p ?o }",
    "<script>alert(1)</script>", "x\nDROP ALL", "{{", "\\", '\\"', "?root", "$root", "#", "<https://w3id.org/lmkg/id/model/bert>",
]


@pytest.mark.parametrize("name", HOSTILE)
def test_lineage_hostile_name_is_just_not_found(lineage_corpus_out, name):
    store = open_store(lineage_corpus_out)
    before = len(store)
    with pytest.raises(UnknownNameError) as err:
        lineage(store, name)
    assert repr(name) in str(err.value) and "\n" not in str(err.value)
    assert len(open_store(lineage_corpus_out)) == before


@pytest.mark.parametrize("name", ["BERT\n", "\tBERT", "B-E-R-T"])
def test_lineage_noise_around_a_name_finds_it(lineage_corpus_out, name):
    assert lineage(lineage_corpus_out, name).root.label == "BERT"


@pytest.fixture(scope="module")
def hostile_out(tmp_path_factory) -> Path:
    """A graph whose model labels are hostile; each derives from a plain parent."""
    out = tmp_path_factory.mktemp("hostile")
    kg, rdf, rdfs, skos = PREFIXES["kg"], PREFIXES["rdf"], PREFIXES["rdfs"], PREFIXES["skos"]
    lines = []
    for i, name in enumerate([*HOSTILE, "Parent"]):
        node = f"<{PREFIXES['model']}m{i}>"
        lines += [f"{node} <{rdf}type> <{kg}Model> .", f"{node} <{rdfs}label> {literal(name)} .",
                  f"{node} <{skos}prefLabel> {literal(name)} ."]
        if name != "Parent":
            lines += [f"{node} <{kg}distillsFrom> <{PREFIXES['model']}m{len(HOSTILE)}> .",
                      f"{node} <{kg}derivedFrom> <{PREFIXES['model']}m{len(HOSTILE)}> ."]
    (out / "graph.nt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    build_store(out / "graph.nt", out)
    return out


@pytest.mark.parametrize("index", range(len(HOSTILE)))
def test_lineage_hostile_label_finds_its_entity(hostile_out, index):
    found = lineage(hostile_out, HOSTILE[index])
    assert found.root.iri == f"{PREFIXES['model']}m{index}" and found.root.label == HOSTILE[index]
    assert [(s.relation, s.parent.label) for s in found.steps] == [("distillsFrom", "Parent")]
    down = lineage(hostile_out, "Parent", down=True)
    assert len(down.steps) == len(HOSTILE)


def test_select_binds_values_not_text():
    store = ox.Store()
    s = ox.NamedNode(PREFIXES["model"] + "a")
    store.add(ox.Quad(s, ox.NamedNode(PREFIXES["rdfs"] + "label"), ox.Literal('a" } ; DROP ALL')))
    query = "SELECT ?m ?name WHERE { ?m rdfs:label ?name }"
    assert select(store, query, {"name": 'a" } ; DROP ALL'}) == [{"m": s.value, "name": 'a" } ; DROP ALL'}]
    assert select(store, query, {"name": "a"}) == []
    assert len(store) == 1


# -- synthetic graphs: agree with networkx ---------------------------------------------

def _derived_graph(out: Path) -> nx.DiGraph:
    g = nx.DiGraph()
    derived = f"<{PREFIXES['kg']}derivedFrom>"
    for line in (out / "graph.nt").read_text(encoding="utf-8").splitlines():
        parts = line.split(" ")
        if parts[1] == derived:
            g.add_edge(parts[0][1:-1], parts[2][1:-1])
    return g


@pytest.mark.parametrize("down", [False, True])
def test_lineage_synthetic_matches_networkx(lineage_out, down):
    g = _derived_graph(lineage_out)
    model = PREFIXES["model"]
    # the model with the most descendants (down) or ancestors (up)
    pick = max(sorted(g), key=lambda n: len(nx.ancestors(g, n) if down else nx.descendants(g, n)))
    name = f"Model {pick.removeprefix(model)[1:]}"
    found = lineage(lineage_out, name, down=down)
    expected = nx.ancestors(g, pick) if down else nx.descendants(g, pick)
    assert {n.iri for n in found.nodes} == expected and len(expected) > 3
    edges = {(s.child.iri, s.parent.iri) for s in found.steps}
    reach = expected | {pick}
    assert edges == {(u, v) for u, v in g.edges if (v if down else u) in reach}
    distance = nx.single_source_shortest_path_length(g.reverse() if down else g, pick)
    # each step's depth is one more than its near end's shortest distance
    for s in found.steps:
        near = s.parent.iri if down else s.child.iri
        assert s.depth == distance[near] + 1
    limited = lineage(lineage_out, name, down=down, depth=2)
    assert {n.iri for n in limited.nodes} == {n for n, d in distance.items() if 0 < d <= 2}
    assert all(step.sources == () for step in found.steps)  # synthetic edges carry no statements


def test_lineage_synthetic_tree_shows_each_step_once(lineage_out):
    found = lineage(lineage_out, "Model 0", down=True)
    lines = [line for line in found.tree().splitlines()[1:] if re.search(r"[├└]─ Model \d+  \(\w+\)", line)]
    assert len(lines) == len(found.steps) > 100
    assert sum("(shown above)" in line for line in lines) > 0


# -- the bundled corpus -----------------------------------------------------------------

def test_lineage_bundled_resolves_and_carries_evidence(built_out):
    found = lineage(built_out, "tiny-bert")
    assert found.root.label == "TinyBERT" and found.root.type == "Model"
    for step in lineage(built_out, "BERT", down=True, depth=2).steps:
        assert step.sources, f"{step} has no statement"
        assert step.title and step.evidence


@pytest.mark.parametrize("name, relation, parent", [
    ("TinyBERT", "distillsFrom", "BERT"), ("MobileBERT", "distillsFrom", "BERT"), ("Q8BERT", "compresses", "BERT"),
    ("RobBERT", "basedOn", "RoBERTa"), ("DistilBERT", "distillsFrom", "BERT"),
])
def test_lineage_bundled_well_known_families(built_out, name, relation, parent):
    """The abstracts of the bundled corpus say these plainly (issue 4's examples)."""
    found = lineage(built_out, name, depth=1)
    steps = [s for s in found.steps if s.parent.label == parent]
    assert [s.relation for s in steps] == [relation]
    assert all(name.casefold().replace("-", "") in (s.title + s.evidence).casefold().replace("-", "") or
               parent in s.evidence for s in steps)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.text(min_size=1, max_size=40) | st.sampled_from(HOSTILE).flatmap(
    lambda h: st.text(max_size=8).map(lambda extra: h + extra)) | st.sampled_from(["BERT", "TinyBERT", "Q8BERT"]).flatmap(
    lambda label: st.lists(st.sampled_from(["", "-", " ", "_", '"', "}"]), min_size=len(label), max_size=len(label)).map(
        lambda seps: "".join(c.swapcase() + sep for c, sep in zip(label, seps)))))
def test_lineage_any_text_is_a_name_or_not_found(lineage_corpus_out, name):
    """Whatever the text, the answer is the entity bearing that (folded) label, or "not found"."""
    from kg.link import normalize

    try:
        found = lineage(lineage_corpus_out, name)
    except UnknownNameError as err:
        assert "\n" not in str(err)
        return
    labels = {found.root.label, *[r["l"] for r in select(
        open_store(lineage_corpus_out), "SELECT ?m ?l WHERE { ?m skos:altLabel ?l }", {"m": ox.NamedNode(found.root.iri)})]}
    assert normalize(name) in {normalize(label) for label in labels} or name in labels


def test_lineage_docstring_examples():
    import doctest
    import importlib

    # importlib: the package attribute ``kg.lineage`` may be the function of that name
    result = doctest.testmod(importlib.import_module("kg.lineage"))
    assert result.attempted > 5 and result.failed == 0


def test_lineage_paper_as_subject(tmp_path):
    """A paper naming no model of its own can be the subject of a lineage edge; it shows by its title."""
    kg, rdf, rdfs, skos, dct = (PREFIXES[p] for p in ("kg", "rdf", "rdfs", "skos", "dcterms"))
    bert, paper = f"<{PREFIXES['model']}bert>", f"<{PREFIXES['paper']}p1>"
    lines = [f"{bert} <{rdf}type> <{kg}Model> .", f'{bert} <{skos}prefLabel> "BERT" .',
             f"{paper} <{rdf}type> <{kg}Paper> .", f'{paper} <{rdfs}label> "Distilling BERT for fun" .',
             f'{paper} <{dct}title> "Distilling BERT for fun" .',
             f"{paper} <{kg}distillsFrom> {bert} .", f"{paper} <{kg}derivedFrom> {bert} ."]
    (tmp_path / "graph.nt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    build_store(tmp_path / "graph.nt", tmp_path)
    (step,) = lineage(tmp_path, "BERT", down=True).steps
    assert (step.child.label, step.child.type, step.relation) == ("Distilling BERT for fun", "Paper", "distillsFrom")


def test_lineage_tree_keeps_one_line_per_row(hostile_out):
    found = lineage(hostile_out, "Parent", down=True)
    lines = found.tree().splitlines()
    assert len(lines) == 1 + len(HOSTILE)  # the header and one line per step: no label breaks a line
    assert any("x DROP ALL  (distillsFrom)" in line for line in lines)


@pytest.fixture(scope="module")
def lineage_real_out(tmp_path_factory) -> Path:
    """The hand-made corpus built by the real extractor (the statements there are plain)."""
    from kg.build import build

    corpus = Path(__file__).parent / "data" / "lineage" / "papers.jsonl"
    return build([corpus], tmp_path_factory.mktemp("lineage-real"), html=False, jobs=1).out


def test_lineage_real_extractor_end_to_end(lineage_real_out):
    found = lineage(lineage_real_out, "BERT", down=True)
    assert _triples(found.steps) == {
        ("TinyBERT", "distillsFrom", "BERT"), ("DistilBERT", "distillsFrom", "BERT"), ("Q8BERT", "compresses", "BERT"),
        ("RoBERTa", "basedOn", "BERT"), ("CamemBERT", "basedOn", "RoBERTa"), ("RobBERT", "basedOn", "RoBERTa"),
        ("Orca", "fineTunedFrom", "RoBERTa"), ("MiniDistil", "compresses", "DistilBERT")}
    assert all(step.evidence and step.title for step in found.steps)
    assert "(cycle)" in lineage(lineage_real_out, "AlphaNet").tree()


def test_lineage_bundled_close_names_are_close(built_out):
    with pytest.raises(UnknownNameError) as err:
        lineage(built_out, "TinyBRET")
    assert err.value.close[0] == "TinyBERT"
    assert all(len(name) >= 5 for name in err.value.close)  # no short label sharing a few letters
