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
    assert d.papers == {"added": [{"key": "t:b", "title": "Beta"}], "removed": []}
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
    text = format_diff(d)
    assert "+ evidence of paper t:a mentions Model BERT" in text and "(0.500)" in text


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
