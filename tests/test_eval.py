"""The scorer on tiny hand-built graphs: exported by the real graph and RDF code, so
the reader sees exactly what a build writes."""
from __future__ import annotations

import json

import pytest

from kg.cli import main
from kg.errors import ParseError
from kg.eval import (ANY_LINEAGE, GoldEntity, PredEntity, Score, evaluate, match_entities, normalise_name,
                     read_gold)
from kg.export.rdf import sorted_triples, write_rdf
from kg.graph import build_graph
from kg.ingest import paper_key
from kg.model import Extraction, Mention, Paper, Relation

TITLE = "TinyBERT: Distilling BERT for Natural Language Understanding"
GOLD_ENTITIES = [
    {"name": "TinyBERT", "type": "Model", "introduced": True},
    {"name": "BERT", "type": "Model", "introduced": False, "aliases": ["BERT-base"]},
    {"name": "GLUE", "type": "Dataset", "introduced": False},
]
GOLD_RELATIONS = [
    {"subject": "TinyBERT", "predicate": "distillsFrom", "object": "BERT", "evidence": "s"},
    {"subject": "@paper", "predicate": "evaluatedOn", "object": "GLUE", "evidence": "s"},
]
# predicted mentions: (surface, canonical name, type, introduced)
PERFECT = [("TinyBERT", "TinyBERT", "Model", True), ("BERT", "BERT", "Model", False),
           ("GLUE", "GLUE", "Dataset", False)]
PERFECT_RELATIONS = [(("Model", "TinyBERT"), "distillsFrom", ("Model", "BERT")), ("@paper", "evaluatedOn", ("Dataset", "GLUE"))]


def write_graph(out, papers):
    """Write ``out/graph.nt`` for ``[(title, mentions, relations)]`` through the real export."""
    extractions = []
    for title, mentions, relations in papers:
        paper = Paper(key=paper_key(title), title=title, abstract="An abstract.")
        ms = tuple(Mention(surface, name, etype, 0, len(surface), introduced) for surface, name, etype, introduced in mentions)
        rs = tuple(Relation(("Paper", paper.key) if s == "@paper" else s, p, o, paper.key, title, 0.9)
                   for s, p, o in relations)
        extractions.append(Extraction(paper, ms, rs))
    out.mkdir(exist_ok=True)
    write_rdf(sorted_triples(build_graph(extractions)), out, names=("graph.nt",))
    return out


def write_gold(path, papers):
    path.write_text("".join(json.dumps(p) + "\n" for p in papers), encoding="utf-8")
    return path


def run(tmp_path, mentions, relations, entities=GOLD_ENTITIES, gold_relations=GOLD_RELATIONS, graph_title=TITLE):
    out = write_graph(tmp_path / "out", [(graph_title, mentions, relations)])
    gold = write_gold(tmp_path / "gold.jsonl", [{"title": TITLE, "entities": entities, "relations": gold_relations}])
    return evaluate([gold], out)


@pytest.mark.parametrize("text,other,same", [
    ("GPT-2", "gpt2", True),
    ("GPT-2", "GPT 2", True),
    ("Knowledge-Distillation", "knowledge distillation", True),
    ("BERTić", "BERTic", True),
    ("BERT-base", "BERT", False),
    ("GPT-2", "GPT-3", False),
    ("mBERT", "BERT", False),
    ("HumanEval+", "HumanEval", False),
    ("QuIP#", "quip #", False),
    ("QuIP#", "quip#", True),
    ("BERT+CRF", "BERT-CRF", True),
])
def test_eval_normalise_name(text, other, same):
    assert (normalise_name(text) == normalise_name(other)) is same


@pytest.mark.parametrize("tp,fp,fn,p,r,f1", [
    (3, 1, 1, 0.75, 0.75, 0.75),
    (1, 0, 3, 1.0, 0.25, 0.4),
    (0, 0, 2, 0.0, 0.0, 0.0),
    (0, 0, 0, 0.0, 0.0, 0.0),
])
def test_eval_score_figures(tp, fp, fn, p, r, f1):
    s = Score(tp, fp, fn)
    assert (s.precision, s.recall, round(s.f1, 6)) == (p, r, f1)
    assert (s + s).f1 == s.f1


def test_eval_match_entities_is_one_to_one_and_prefers_the_label():
    gold = [GoldEntity("BERT", "Model", aliases=("BERT-base",))]
    pred = [PredEntity("a", "Model", "BERT-base"), PredEntity("b", "Model", "BERT")]
    assert match_entities(gold, pred) == {0: 1}
    gold.append(GoldEntity("BERT-base", "Model"))
    assert match_entities(gold, pred) == {0: 1, 1: 0}


@pytest.mark.parametrize("case,mentions,relations,entity,relation", [
    ("perfect", PERFECT, PERFECT_RELATIONS, Score(3, 0, 0), Score(2, 0, 0)),
    ("missing entity", PERFECT[:2], PERFECT_RELATIONS[:1], Score(2, 0, 1), Score(1, 0, 1)),
    ("false hit", PERFECT + [("RoBERTa", "RoBERTa", "Model", False)], PERFECT_RELATIONS, Score(3, 1, 0), Score(2, 0, 0)),
    ("type mismatch", PERFECT[:2] + [("GLUE", "GLUE", "Technique", False)], PERFECT_RELATIONS[:1],
     Score(2, 1, 1), Score(1, 0, 1)),
    ("alias as label", [PERFECT[0], ("BERT-base", "BERT-base", "Model", False), PERFECT[2]],
     [(("Model", "TinyBERT"), "distillsFrom", ("Model", "BERT-base")), PERFECT_RELATIONS[1]], Score(3, 0, 0), Score(2, 0, 0)),
    ("entity subject where gold says @paper", PERFECT,
     [PERFECT_RELATIONS[0], (("Model", "TinyBERT"), "evaluatedOn", ("Dataset", "GLUE"))], Score(3, 0, 0), Score(1, 1, 1)),
    ("wrong lineage predicate", PERFECT, [(("Model", "TinyBERT"), "compresses", ("Model", "BERT")), PERFECT_RELATIONS[1]],
     Score(3, 0, 0), Score(1, 1, 1)),
])
def test_eval_scores(tmp_path, case, mentions, relations, entity, relation):
    report = run(tmp_path, mentions, relations)
    assert report.entities["overall"] == entity, case
    assert report.relations["overall"] == relation, case
    misses = [e for e in report.errors if e.kind == "miss" and e.section != "introduced"]
    false = [e for e in report.errors if e.kind == "false" and e.section != "introduced"]
    assert (len(misses), len(false)) == (entity.fn + relation.fn, entity.fp + relation.fp)
    if case == "perfect":
        assert report.entities["overall"].f1 == report.relations["overall"].f1 == 1.0
        assert report.entities["introduced"] == Score(1, 0, 0)


def test_eval_type_mismatch_is_miss_and_false_hit_but_untyped_match(tmp_path):
    report = run(tmp_path, PERFECT[:2] + [("GLUE", "GLUE", "Model", False)], [])
    assert report.entities["Dataset"] == Score(0, 0, 1)
    assert report.entities["Model"] == Score(2, 1, 0)
    assert report.entities["untyped"] == Score(3, 0, 0)
    assert {(e.kind, e.item) for e in report.errors if e.section == "entity"} == {("miss", "Dataset GLUE"), ("false", "Model GLUE")}


def test_eval_alias_only_through_annotated_aliases(tmp_path):
    entities = [{"name": "BERT", "type": "Model", "introduced": False}]
    report = run(tmp_path, [("BERT-large", "BERT-large", "Model", False)], [], entities, [])
    assert report.entities["overall"] == Score(0, 1, 1)
    # the predicted node's altLabel (its surface form) matches the gold name
    report = run(tmp_path, [("bert", "Bert Model", "Model", False)], [], entities, [])
    assert report.entities["overall"] == Score(1, 0, 0)


def test_eval_introduced_flag(tmp_path):
    mentions = [("TinyBERT", "TinyBERT", "Model", False), ("BERT", "BERT", "Model", True), PERFECT[2]]
    report = run(tmp_path, mentions, PERFECT_RELATIONS)
    assert report.entities["introduced"] == Score(0, 1, 1)
    assert report.entities["overall"] == Score(3, 0, 0)


def test_eval_lineage_any_subtype(tmp_path):
    report = run(tmp_path, PERFECT, [(("Model", "TinyBERT"), "basedOn", ("Model", "BERT"))])
    assert report.relations["distillsFrom"] == Score(0, 0, 1)
    assert report.relations["basedOn"] == Score(0, 1, 0)
    assert report.relations["lineage"] == Score(0, 1, 1)
    assert report.relations[ANY_LINEAGE] == Score(1, 0, 0)


def test_eval_paper_matched_by_normalised_title(tmp_path):
    report = run(tmp_path, PERFECT, PERFECT_RELATIONS, graph_title="TinyBERT -- distilling BERT for natural language understanding!")
    assert not report.missing and report.entities["overall"] == Score(3, 0, 0)


def test_eval_missing_paper_counts_all_misses(tmp_path):
    report = run(tmp_path, PERFECT, PERFECT_RELATIONS, graph_title="Another paper")
    assert report.missing == [TITLE]
    assert report.entities["overall"] == Score(0, 0, 3)
    assert report.relations["overall"] == Score(0, 0, 2)


@pytest.mark.parametrize("line,message", [
    ("not json", "not JSON"),
    (json.dumps({"entities": []}), "title"),
    (json.dumps({"title": "T", "entities": [{"name": "X", "type": "Thing"}]}), "bad entity"),
    (json.dumps({"title": "T", "entities": [], "relations": [{"subject": "X", "predicate": "basedOn", "object": "@paper"}]}),
     "neither an entity name"),
    (json.dumps({"title": "T", "relations": [{"subject": "@paper", "predicate": "likes", "object": "@paper"}]}), "bad relation"),
])
def test_eval_read_gold_bad_line(tmp_path, line, message):
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps({"title": "ok"}) + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(ParseError, match=message) as info:
        read_gold(path)
    assert info.value.line == 2


def test_eval_cli_table_json_and_errors(tmp_path, capsys):
    out = write_graph(tmp_path / "out", [(TITLE, PERFECT[:2] + [("RoBERTa", "RoBERTa", "Model", False)], PERFECT_RELATIONS[:1])])
    gold = write_gold(tmp_path / "gold.jsonl", [{"title": TITLE, "entities": GOLD_ENTITIES, "relations": GOLD_RELATIONS}])
    assert main(["eval", str(gold), "--graph", str(out)]) == 0
    text = capsys.readouterr().out
    assert "Dataset GLUE" in text and "Model RoBERTa" in text and "@paper evaluatedOn GLUE" in text
    overall = next(line for line in text.splitlines() if line.split()[:1] == ["overall"])
    assert overall.split()[1:] == ["0.667", "0.667", "0.667", "3", "3", "2"]
    assert main(["eval", str(gold), "--graph", str(out), "--json", "--show-errors", "0"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["entities"]["Model"]["precision"] == 0.6667 and answer["relations"]["overall"]["recall"] == 0.5
    assert main(["eval", str(gold), "--graph", str(tmp_path / "nothing")]) == 1
    assert "kg build" in capsys.readouterr().err


def test_eval_unreadable_graph_is_clear_error(tmp_path, capsys):
    (tmp_path / "graph.nt").write_text("not n-triples <x\n", encoding="utf-8")
    gold = write_gold(tmp_path / "gold.jsonl", [{"title": TITLE}])
    assert main(["eval", str(gold), "--graph", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "cannot read the graph" in err and "Traceback" not in err


def test_eval_against_another_annotation_measures_agreement(tmp_path, capsys):
    """``--graph B.jsonl``: a second annotator's file scored like a build (annotator agreement)."""
    gold = tmp_path / "a.jsonl"
    gold.write_text(json.dumps({"title": TITLE, "entities": GOLD_ENTITIES, "relations": GOLD_RELATIONS}) + "\n")
    other = tmp_path / "b.jsonl"
    entities = [*GOLD_ENTITIES[:2], {"name": "GLUE benchmark", "type": "Dataset", "aliases": ["GLUE"]},
                {"name": "knowledge distillation", "type": "Technique"}]
    relations = [{"subject": "TinyBERT", "predicate": "basedOn", "object": "BERT", "evidence": "s"},
                 {"subject": "@paper", "predicate": "evaluatedOn", "object": "GLUE benchmark", "evidence": "s"}]
    other.write_text(json.dumps({"title": TITLE.upper(), "entities": entities, "relations": relations}) + "\n")
    report = evaluate([gold], other)
    assert report.entities["overall"] == Score(tp=3, fp=1, fn=0)  # GLUE matched through the alias
    assert report.relations["evaluatedOn"] == Score(tp=1)
    assert report.relations["lineage"] == Score(fp=1, fn=1)
    assert report.relations[ANY_LINEAGE] == Score(tp=1)
    assert evaluate([gold], gold).relations["overall"] == Score(tp=2)
    assert main(["eval", str(gold), "--graph", str(other), "--show-errors", "0"]) in (0, None)
    assert "basedOn" in capsys.readouterr().out
