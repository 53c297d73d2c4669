"""kg view: name resolution, hostile names, neighbourhoods, lineage trees, the CLI. Browser checks: test_view_browser.py."""
from __future__ import annotations

import hashlib
import json
import re

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import HTML_HOSTILE_NAME, HTML_XSS_TITLE
from kg.cli import main
from kg.export.layout import layered_positions, levels
from kg.graph import ALIASES, KIND, NAME
from kg.load import load_graph
from kg.view import UnknownEntityError, lineage_nodes, neighbourhood, resolve, view

#: Names that would change a query built by pasting them into SPARQL.
HOSTILE_UNKNOWN = [
    "} ; DROP ALL",
    'BERT" . } DELETE WHERE { ?s ?p ?o } #',
    "BERT> ?p ?o } UNION { ?s ?p ?o",
    "<script>alert(1)</script>",
    "x' OR '1'='1",
    "\\u0022; CLEAR DEFAULT",
    "{{7*7}}",
]


@pytest.fixture(scope="module")
def family(html_family_out):
    return load_graph(html_family_out)


def _data(path) -> dict:
    html = path.read_text(encoding="utf-8")
    return json.loads(re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S)[1])


def _digest(out) -> str:
    return hashlib.sha256((out / "graph.nt").read_bytes()).hexdigest()


@pytest.mark.parametrize(("name", "node"), [
    ("TinyBERT", "Model:TinyBERT"),
    ("tinybert", "Model:TinyBERT"),
    ("Tiny-BERT", "Model:TinyBERT"),
    ("TINY BERT", "Model:TinyBERT"),
    ("bert-large-uncased", "Model:BERT"),
    ("xlm roberta", "Model:XLM-R"),
    ("Model:BERT", "Model:BERT"),
    ("evil model", f"Model:{HTML_HOSTILE_NAME}"),
    (HTML_HOSTILE_NAME, f"Model:{HTML_HOSTILE_NAME}"),
])
def test_view_resolve_by_label_or_alias_ignoring_case_and_hyphens(family, name, node):
    assert resolve(family, name) == node


def test_view_resolve_prefers_a_name_to_an_alias_and_an_entity_to_a_paper():
    g = nx.MultiDiGraph()
    g.add_node("Model:A", **{KIND: "Model", NAME: "A", ALIASES: ("X",)})
    g.add_node("Model:X-1", **{KIND: "Model", NAME: "X", ALIASES: ()})
    g.add_node("paper:x", **{KIND: "Paper", NAME: "X"})
    assert resolve(g, "X") == "Model:X-1"
    g.remove_node("Model:X-1")
    assert resolve(g, "x") == "paper:x"


@pytest.mark.parametrize("name", HOSTILE_UNKNOWN)
def test_view_hostile_unknown_names_are_only_compared_never_run(family, html_family_out, name):
    before = _digest(html_family_out)
    with pytest.raises(UnknownEntityError) as err:
        resolve(family, name)
    assert "\n" not in str(err.value) and repr(name) in str(err.value)
    assert _digest(html_family_out) == before


def test_view_unknown_name_suggests_close_names(family):
    with pytest.raises(UnknownEntityError) as err:
        resolve(family, "Robrta")
    assert err.value.suggestions[0] == "RoBERTa"
    assert "close names: 'RoBERTa'" in str(err.value)


@pytest.mark.parametrize(("hops", "expected"), [
    (0, {"Model:TinyBERT"}),
    (1, {"Model:TinyBERT", "Model:BERT", "Dataset:GLUE",
         "paper:t:tinybert distilling bert for natural language understanding"}),
])
def test_view_neighbourhood_follows_links_both_ways(family, hops, expected):
    assert neighbourhood(family, "Model:TinyBERT", hops) == expected


def test_view_neighbourhood_grows_with_hops(family):
    sizes = [len(neighbourhood(family, "Model:TinyBERT", h)) for h in range(4)]
    assert sizes == sorted(sizes) and sizes[2] > sizes[1]
    assert "Model:RoBERTa" in neighbourhood(family, "Model:TinyBERT", 2)


def test_view_lineage_is_ancestors_and_descendants_only(family):
    assert lineage_nodes(family, "Model:RoBERTa") == {
        "Model:RoBERTa", "Model:BERT", "Technique:Transformer",  # ancestors
        "Model:DistilRoBERTa", "Model:XLM-R", "Model:XLM-R-NER",  # descendants
    }
    assert lineage_nodes(family, "Dataset:GLUE") == {"Dataset:GLUE"}


def test_view_lineage_page_draws_the_tree_parents_above(html_family_out, tmp_path, family):
    result = view(html_family_out, "roberta", lineage=True, path=tmp_path / "t.html", graph=family)
    data = _data(result.path)
    assert result.nodes == data["drawn"] == len(data["nodes"]) == 6 and data["hierarchical"]
    y = {data["info"][n["id"]][1]: n["y"] for n in data["nodes"]}
    assert y["Transformer"] < y["BERT"] < y["RoBERTa"] < y["XLM-R"] < y["XLM-R-NER"]
    assert data["info"][data["focus"]][1] == "RoBERTa"
    arrows = {data["links"][e["id"]][2] for e in data["edges"] if e.get("arrows")}
    assert arrows == {"basedOn", "distillsFrom", "fineTunedFrom"}
    # details still name the papers that introduce a drawn entity, though papers are not drawn
    links = [link for link in data["links"] if data["info"][link[1]][1] == "RoBERTa" and link[2] == "introduces"]
    assert [data["info"][link[0]][1] for link in links] == ["RoBERTa: A Robustly Optimized BERT Pretraining Approach"]


def test_view_neighbourhood_page_and_default_path(html_family_out, family):
    result = view(html_family_out, "Tiny-BERT", hops=1, graph=family)
    assert result.path == html_family_out / "view-tinybert.html"
    data = _data(result.path)
    assert data["drawn"] == 4 and not data["hierarchical"]
    assert data["info"][data["focus"]][1] == "TinyBERT"


def test_view_hostile_entity_page_keeps_its_name_as_data(html_family_out, tmp_path, family):
    result = view(html_family_out, HTML_HOSTILE_NAME, hops=1, path=tmp_path / "evil.html", graph=family)
    html = result.path.read_text(encoding="utf-8")
    assert HTML_HOSTILE_NAME not in html and HTML_XSS_TITLE not in html
    assert len(re.findall(r"</script", html, re.I)) == 3
    names = {row[1] for row in _data(result.path)["info"]}
    assert {HTML_HOSTILE_NAME, HTML_XSS_TITLE} <= names


def test_view_cli_writes_the_file(html_family_out, tmp_path, capsys):
    path = tmp_path / "v.html"
    assert main(["view", str(html_family_out), "TinyBERT", "--hops", "1", "-o", str(path)]) == 0
    assert capsys.readouterr().out.strip() == f"TinyBERT: 1-hop neighbourhood, 4 nodes, 5 edges; wrote {path}"
    assert main(["view", str(html_family_out), "xlm-r", "--lineage", "-o", str(path)]) == 0
    assert "XLM-R: lineage tree, 5 nodes, 4 edges" in capsys.readouterr().out
    assert _data(path)["hierarchical"]


@pytest.mark.parametrize("name", HOSTILE_UNKNOWN)
def test_view_cli_hostile_unknown_name_is_one_line_error(html_family_out, tmp_path, capsys, name):
    before = _digest(html_family_out)
    path = tmp_path / "v.html"
    assert main(["view", str(html_family_out), name, "-o", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("kg: error: no entity or paper named") and err.count("\n") == 1
    assert not path.exists() and _digest(html_family_out) == before


def test_view_cli_missing_build_and_bad_hops(tmp_path, capsys):
    assert main(["view", str(tmp_path), "BERT"]) == 1
    assert "no graph.nt here" in capsys.readouterr().err
    assert main(["view", str(tmp_path), "BERT", "--hops", "-1"]) == 2


def test_view_levels_collapse_cycles_and_order_rows():
    tree = nx.DiGraph([("a", "b"), ("b", "a"), ("c", "a"), ("b", "root")])
    assert levels(tree) == {"root": 0, "a": 1, "b": 1, "c": 2}
    pos = layered_positions(nx.DiGraph([(f"child{i}", "root") for i in range(100)]), wrap=40)
    rows = sorted({y for _, y in pos.values()})
    assert len(rows) == 4 and pos["root"][1] == rows[0]
    assert len(set(pos.values())) == len(pos)


def test_view_large_neighbourhood_keeps_the_nearest_best_connected(html_family_out, tmp_path, family, caplog):
    full = neighbourhood(family, "Model:BERT", 2)
    ring = {family.nodes[n][NAME] for n in neighbourhood(family, "Model:BERT", 1)}
    limit = len(ring) + 2
    result = view(html_family_out, "BERT", hops=2, max_nodes=limit, path=tmp_path / "b.html", graph=family)
    assert result.truncated and result.nodes == limit < len(full)
    drawn = {row[1] for row in _data(result.path)["info"][:limit]}
    assert ring < drawn  # the first ring fits, so it is kept whole; then the best-connected of the second
    assert "best-connected" in caplog.text
    assert not view(html_family_out, "BERT", hops=2, path=tmp_path / "c.html", graph=family).truncated


@given(st.text(max_size=40))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_view_resolve_any_text_finds_a_node_or_says_no(family, text):
    try:
        node = resolve(family, text)
    except UnknownEntityError as err:
        assert "\n" not in str(err) or "\n" in text
    else:
        assert node in family
