"""The HTML view as a file: offline, escaped, deterministic. Browser tests live in test_view_browser.py."""
from __future__ import annotations

import json
import re

import networkx as nx
import pytest

from kg.export.html import generate_html, script_json
from kg.export.layout import layout_positions
from kg.graph import ALIASES, EVIDENCE, KIND, NAME, PAPER, Evidence
from kg.model import Paper

HOSTILE = ["</script><script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\"'><svg onload=alert(1)>",
           "<!-- x", "]]>", "a\u2028b"]


def _graph(title: str = "A paper", name: str = "TinyBERT") -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    paper = Paper(key="p1", title=title, abstract="abs", date="2020-01-02", url="https://example.org/p1")
    g.add_node("paper:p1", **{KIND: "Paper", NAME: title, PAPER: paper})
    g.add_node(f"Model:{name}", **{KIND: "Model", NAME: name, ALIASES: ("Tiny-BERT",)})
    g.add_node("Model:BERT", **{KIND: "Model", NAME: "BERT", ALIASES: ()})
    g.add_edge(f"Model:{name}", "Model:BERT", key="distillsFrom",
               **{EVIDENCE: (Evidence(paper="p1", sentence=f"{name} is distilled from BERT.", confidence=0.9),)})
    g.add_edge("paper:p1", f"Model:{name}", key="introduces", **{EVIDENCE: ()})
    return g


def _data(html: str) -> dict:
    block = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S)
    return json.loads(block[1])


@pytest.mark.parametrize("payload", HOSTILE)
def test_html_script_json_round_trips_without_breaking_out(payload):
    text = script_json({"t": payload})
    assert not re.search(r"</|<!--|\]\]>|[<>&\u2028\u2029]", text)
    assert json.loads(text) == {"t": payload}


@pytest.mark.parametrize("payload", HOSTILE)
def test_html_hostile_title_and_name_stay_data(payload):
    html = generate_html(_graph(title=payload, name=payload + "M"))
    assert payload not in html
    # exactly our three script blocks close, whatever the data says
    assert len(re.findall(r"</script", html, re.I)) == 3
    data = _data(html)
    names = {row[1] for row in data["info"]}
    assert payload in names and payload + "M" in names


def test_html_is_offline_and_self_contained():
    html = generate_html(_graph())
    assert not re.search(r"<(script|link|img|iframe)[^>]*\b(src|href)=", html, re.I)
    assert "cdn" not in html.lower().replace("cdn_resources", "")
    assert "new vis.Network" in html and "vis.DataSet" in html


def test_html_same_graph_same_bytes():
    assert generate_html(_graph()) == generate_html(_graph())


def test_html_tables_carry_evidence_and_styles():
    data = _data(generate_html(_graph()))
    assert data["drawn"] == len(data["nodes"]) == 3
    links = {link[2]: link for link in data["links"]}
    [(paper_ref, sentence, confidence)] = links["distillsFrom"][3]
    assert data["info"][paper_ref][1] == "A paper" and sentence == "TinyBERT is distilled from BERT."
    edge = next(e for e in data["edges"] if data["links"][e["id"]][2] == "distillsFrom")
    child, parent = data["info"][edge["from"]][1], data["info"][edge["to"]][1]
    assert (child, parent) == ("TinyBERT", "BERT")
    assert {n["group"] for n in data["nodes"]} == {"Paper", "Model"}
    sizes = {data["info"][n["id"]][1]: n["size"] for n in data["nodes"]}
    assert sizes["TinyBERT"] > sizes["BERT"]


@pytest.mark.parametrize("graph", [nx.path_graph(5), nx.star_graph(30), nx.empty_graph(4),
                                   nx.disjoint_union(nx.cycle_graph(6), nx.path_graph(3))])
def test_layout_positions_places_every_node_apart(graph):
    pos = layout_positions(graph)
    assert set(pos) == set(graph)
    assert len(set(pos.values())) == len(pos)
    assert layout_positions(graph) == pos


def _star(n: int) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    g.add_node("Technique:hub", **{KIND: "Technique", NAME: "hub", ALIASES: ()})
    for i in range(n):
        g.add_node(f"Model:m{i}", **{KIND: "Model", NAME: f"m{i}", ALIASES: ()})
        g.add_edge(f"Model:m{i}", "Technique:hub", key="usesTechnique", **{EVIDENCE: ()})
    return g


@pytest.mark.parametrize(("n", "big"), [(20, False), (40, True)])
def test_html_large_graph_turns_physics_off_and_says_how_to_narrow(n, big):
    data = _data(generate_html(_star(n), physics_max=30))
    assert data["big"] is big and data["physics"] is not big
    assert data["options"]["physics"]["enabled"] is not big
    hub = next(node for node in data["nodes"] if data["info"][node["id"]][1] == "hub")
    # only a large graph gives its hubs larger labels, to be read when all of it is in view
    assert ("font" in hub) is big
    html = generate_html(_star(n), physics_max=30)
    assert "kg view OUT NAME --hops 2" in html  # the hint the page shows when data.big


def test_html_every_node_has_a_precomputed_position_and_focus_is_a_drawn_index():
    g = _graph()
    data = _data(generate_html(g, focus="Model:BERT", nodes=["Model:BERT", "Model:TinyBERT"]))
    assert all(isinstance(n["x"], int) and isinstance(n["y"], int) for n in data["nodes"])
    assert data["info"][data["focus"]][1] == "BERT"
    # the paper is not drawn but still named in the details (context row after the drawn ones)
    assert data["drawn"] == 2 and data["info"][2][1] == "A paper"
    assert _data(generate_html(g, focus="paper:p1", nodes=["Model:BERT"]))["focus"] == -1


def test_html_relation_phrases_cover_links_to_undrawn_nodes():
    data = _data(generate_html(_graph(), nodes=["Model:BERT", "Model:TinyBERT"]))
    assert {p[0] for p in data["predicates"]} == {"distillsFrom"}
    assert data["phrases"]["introduces"] == ["Introduces", "Introduced by", False]
    assert data["phrases"]["distillsFrom"][2] is True


def test_html_page_data_is_pyvis_network_data(monkeypatch):
    from pyvis.network import Network

    from kg.export import html as module

    made = []
    monkeypatch.setattr(module, "Network", lambda **kw: made.append(Network(**kw)) or made[-1])
    data = _data(generate_html(_graph()))
    [net] = made
    nodes, edges, _, _, _, options = net.get_network_data()
    assert data["nodes"] == nodes and data["edges"] == edges and data["options"] == json.loads(options)
    assert net.get_nodes() == [n["id"] for n in data["nodes"]]
    # pyvis's Node gives each node its shape; its directed Edge the arrow of a relation
    assert {n["group"]: n["shape"] for n in data["nodes"]} == {"Paper": "square", "Model": "dot"}
    lineage = next(e for e in data["edges"] if data["links"][e["id"]][2] == "distillsFrom")
    intro = next(e for e in data["edges"] if data["links"][e["id"]][2] == "introduces")
    assert lineage["arrows"]["to"]["enabled"] and "arrows" not in intro


def test_html_too_many_nodes_draws_the_best_connected_and_says_so():
    g = _star(40)
    paper = Paper(key="p", title="P", abstract="")
    g.add_node("paper:p", **{KIND: "Paper", NAME: "P", PAPER: paper})
    g.add_edge("paper:p", "Technique:hub", key="mentions", **{EVIDENCE: ()})
    data = _data(generate_html(g, max_nodes=10))
    assert data["drawn"] == len(data["nodes"]) == 10
    names = {row[1] for row in data["info"][:10]}
    assert "hub" in names and "P" not in names  # papers go first
    assert "the 10 best-connected of 42 nodes" in data["note"]
    hub = next(row for row in data["info"] if row[1] == "hub")
    assert hub[4] == 41  # its relations in the whole graph, for the details panel
    assert all(u < 10 and v < 10 for u, v, _, _ in data["links"])
    assert len(_data(generate_html(g))["nodes"]) == 42
