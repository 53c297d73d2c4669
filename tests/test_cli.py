from __future__ import annotations

import csv
import io
import json

from kg.cli import main


def test_cli_stats(built_out, capsys):
    assert main(["stats", str(built_out), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["papers"] == 576
    assert figures["triples"] > 1000


def test_cli_query_table_csv_json(built_out, capsys):
    q = "SELECT ?p ?t WHERE { ?p a kg:Paper ; dcterms:title ?t } ORDER BY ?t LIMIT 3"
    assert main(["query", str(built_out), q]) == 0
    out = capsys.readouterr().out
    assert "(3 rows)" in out and out.splitlines()[0].split() == ["p", "t"]
    assert main(["query", str(built_out), q, "--format", "csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0] == ["p", "t"] and len(rows) == 4
    assert main(["query", str(built_out), q, "--format", "json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["head"]["vars"] == ["p", "t"] and len(answer["results"]["bindings"]) == 3


def test_cli_query_syntax_error_is_one_line(built_out, capsys):
    assert main(["query", str(built_out), "SELECT ?x WHERE { ?x"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("kg: error: SPARQL syntax error") and "line 1" in err and "Traceback" not in err


def test_cli_query_without_build_is_clear_error(tmp_path, capsys):
    assert main(["query", str(tmp_path), "ASK {}"]) == 1
    assert "kg build" in capsys.readouterr().err


def test_cli_build_jsonl(tmp_path, capsys):
    src = tmp_path / "p.jsonl"
    src.write_text(json.dumps({"title": "TinyBERT: Distilling BERT", "abstract": "We evaluate on GLUE."}) + "\n", encoding="utf-8")
    assert main(["build", str(src), "--out", str(tmp_path / "o"), "--no-html"]) == 0
    assert "1 papers" in capsys.readouterr().out
    assert (tmp_path / "o" / "graph.ttl").exists() and not (tmp_path / "o" / "graph.html").exists()


def test_cli_build_verbose_prints_seconds_by_stage(tmp_path, capsys):
    import logging

    src = tmp_path / "p.jsonl"
    src.write_text(json.dumps({"title": "TinyBERT: Distilling BERT", "abstract": "We evaluate on GLUE."}) + "\n", encoding="utf-8")
    assert main(["build", str(src), "--out", str(tmp_path / "a"), "--no-html", "--no-store"]) == 0
    assert "seconds by stage" not in capsys.readouterr().out
    level = logging.getLogger().level
    try:
        assert main(["-v", "build", str(src), "--out", str(tmp_path / "b"), "--no-html", "--no-store"]) == 0
    finally:
        logging.getLogger().setLevel(level)
    stages = [line for line in capsys.readouterr().out.splitlines() if line.startswith("  seconds by stage: ")]
    assert len(stages) == 1 and "extract " in stages[0] and "ingest " in stages[0]


def test_cli_build_bad_input_is_clear_error(tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01")
    assert main(["build", str(bad), "--out", str(tmp_path / "o")]) == 1
    err = capsys.readouterr().err
    assert "bad.txt" in err and "Traceback" not in err


def test_cli_query_table_shows_prefixed_names_csv_full_iris(built_out, capsys):
    q = "SELECT ?c ?label WHERE { VALUES ?c { kg:Model } BIND(\"kg:Model\" AS ?label) }"
    assert main(["query", str(built_out), q]) == 0
    assert capsys.readouterr().out.splitlines()[2].split() == ["kg:Model", "kg:Model"]
    assert main(["query", str(built_out), q, "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[1] == "https://w3id.org/lmkg/ns#Model,kg:Model"
