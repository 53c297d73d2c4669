"""kg diff: papers, entities and edges with evidence, added and removed between two builds."""
from __future__ import annotations

import json

import pytest

from kg.cli import main
from kg.diff import diff_graphs, diff_lines, format_diff
from kg.graph import build_graph
from kg.model import Extraction, Mention, Paper, Relation

P1 = Paper("t:a", "Alpha", "We use BERT. It is good.")
P2 = Paper("t:b", "Beta", "We distil BERT into TinyBERT.")
BERT = Mention("BERT", "BERT", "Model", 13, 17)


def _graph(*extractions):
    return build_graph(extractions)


@pytest.mark.parametrize("old, new, expected", [
    ([], ["a"], [("+", "a")]),
    (["a"], [], [("-", "a")]),
    (["a", "c"], ["b", "c", "d"], [("-", "a"), ("+", "b"), ("+", "d")]),
    (["a", "b"], ["a", "b"], []),
])
def test_diff_lines_of_sorted_streams(old, new, expected):
    assert list(diff_lines(old, new)) == expected


def test_diff_graphs_papers_entities_edges_and_evidence():
    tiny = Mention("TinyBERT", "TinyBERT", "Model", 25, 33, introduced=True)
    distils = Relation(("Model", "TinyBERT"), "distillsFrom", ("Model", "BERT"), "t:b", "We distil BERT into TinyBERT.", 0.9)
    old = _graph(Extraction(P1, (BERT,)))
    new = _graph(Extraction(P1, (BERT,)), Extraction(P2, (Mention("BERT", "BERT", "Model", 15, 19), tiny), (distils,)))
    d = diff_graphs(old, new)
    assert d.papers == {"added": [{"key": "t:b", "title": "Beta"}], "removed": [], "changed": []}
    assert d.entities["added"] == [{"type": "Model", "name": "TinyBERT"}]
    edge = next(e for e in d.edges["added"] if e["predicate"] == "distillsFrom")
    assert edge["subject"] == "Model TinyBERT" and edge["object"] == "Model BERT"
    assert edge["evidence"] == [{"paper": "t:b", "sentence": "We distil BERT into TinyBERT.", "confidence": 0.9}]
    back = diff_graphs(new, old)
    assert back.papers["removed"] == d.papers["added"] and back.edges["removed"] == d.edges["added"]
    assert diff_graphs(new, new).empty()


def test_diff_graphs_evidence_on_kept_edge():
    old = _graph(Extraction(P1, (BERT,)))
    other = Paper("t:a", "Alpha", "We use BERT. It is good.", sources=("x",))
    new = _graph(Extraction(other, (Mention("BERT", "BERT", "Model", 13, 17, confidence=0.5),)))
    d = diff_graphs(old, new)
    assert not d.edges["added"] and not d.edges["removed"]
    assert [e["confidence"] for e in d.evidence["added"]] == [0.5]
    assert [e["confidence"] for e in d.evidence["removed"]] == [1.0]
    assert d.papers["changed"] == [{"key": "t:a", "title": "Alpha", "changes": {"sources": {"old": [], "new": ["x"]}}}]
    text = format_diff(d)
    assert "+ evidence of paper t:a mentions Model BERT" in text and "(0.500)" in text
    assert "~ paper t:a: sources changed" in text and text.splitlines()[-1].startswith("papers +0 -0 ~1")


def test_diff_graphs_changed_paper_and_entity_fields():
    from kg.model import Entity

    old = build_graph([Extraction(P1, (BERT,))], [Entity("BERT", "Model", frozenset({"Bert"}))])
    edited = Paper("t:a", "Alpha", "We use BERT. It is very good.", date="2024-05-01")
    new = build_graph([Extraction(edited, (BERT,))], [Entity("BERT", "Model", frozenset({"Bert", "BERT-base"}),
                                                             wikidata="Q61726893")])
    d = diff_graphs(old, new)
    assert d.papers["changed"] == [{"key": "t:a", "title": "Alpha", "changes": {
        "abstract": {"old": "We use BERT. It is good.", "new": "We use BERT. It is very good."},
        "date": {"old": None, "new": "2024-05-01"}}}]
    [entity] = d.entities["changed"]
    assert entity["name"] == "BERT" and entity["changes"] == {
        "aliases": {"old": ["Bert"], "new": ["BERT-base", "Bert"]}, "wikidata": {"old": None, "new": "Q61726893"}}
    assert not d.papers["added"] and not d.entities["added"] and not d.edges["added"]
    assert json.loads(format_diff(d, "json"))["entities"]["changed"] == [entity]
    assert diff_graphs(new, new).empty()


def test_diff_cli_text_and_json(tmp_path, capsys):
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first = {"title": "Distilling BERT", "abstract": "We distil BERT on GLUE."}
    a.write_text(json.dumps(first) + "\n")
    b.write_text(json.dumps(first) + "\n" + json.dumps({"title": "Another", "abstract": "We use RoBERTa."}) + "\n")
    assert main(["build", str(a), "--out", str(tmp_path / "old"), "--no-html", "--jobs", "1"]) == 0
    assert main(["build", str(b), "--out", str(tmp_path / "new"), "--no-html", "--jobs", "1"]) == 0
    capsys.readouterr()
    assert main(["diff", str(tmp_path / "old"), str(tmp_path / "new")]) == 0
    text = capsys.readouterr().out
    assert "+ paper t:another: Another" in text and text.splitlines()[-1].startswith("papers +1 -0")
    assert main(["diff", str(tmp_path / "old"), str(tmp_path / "new"), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["papers"]["added"] == [{"key": "t:another", "title": "Another"}]
    assert main(["diff", str(tmp_path / "old"), str(tmp_path / "nothing")]) == 1
    assert "kg build" in capsys.readouterr().err


def test_diff_builds_removed_and_changed_papers_with_evidence(tmp_path):
    """Two real builds: one paper dropped (its edges go, with their evidence), one abstract edited."""
    from kg.build import build
    from kg.diff import diff_builds

    keep = {"title": "Distilling BERT", "abstract": "We distil BERT into a small model."}
    drop = {"title": "RoBERTa on GLUE", "abstract": "We evaluate RoBERTa on GLUE."}
    edited = dict(keep, abstract="We distil BERT into a small model for Korean.")
    (tmp_path / "old.jsonl").write_text(json.dumps(keep) + "\n" + json.dumps(drop) + "\n")
    (tmp_path / "new.jsonl").write_text(json.dumps(edited) + "\n")
    build([tmp_path / "old.jsonl"], tmp_path / "old", html=False, jobs=1)
    build([tmp_path / "new.jsonl"], tmp_path / "new", html=False, jobs=1)
    d = diff_builds(tmp_path / "old", tmp_path / "new")
    assert d.papers["removed"] == [{"key": "t:roberta on glue", "title": "RoBERTa on GLUE"}]
    assert [c["changes"]["abstract"]["new"] for c in d.papers["changed"]] == [edited["abstract"]]
    gone = {(e["subject"], e["predicate"], e["object"]): e["evidence"] for e in d.edges["removed"]}
    assert gone[("paper t:roberta on glue", "mentions", "Model RoBERTa")] == [
        {"paper": "t:roberta on glue", "sentence": "We evaluate RoBERTa on GLUE.", "confidence": 1.0}]
    assert any(e["object"] == "Language Korean" for e in d.edges["added"])
    # every edge of the old build is either kept or listed as removed (nothing is missed)
    from kg.load import load_graph

    old, new = load_graph(tmp_path / "old"), load_graph(tmp_path / "new")
    removed = {(e["subject"], e["predicate"], e["object"]) for e in d.edges["removed"]}
    label = lambda g, n: (f"paper {g.nodes[n]['paper'].key}" if g.nodes[n]["kind"] == "Paper"  # noqa: E731
                          else f"{g.nodes[n]['kind']} {g.nodes[n]['name']}")
    assert removed == {(label(old, u), k, label(old, v)) for u, v, k in old.edges(keys=True)
                       if not new.has_edge(u, v, k)}
