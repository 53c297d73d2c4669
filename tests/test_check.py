"""kg.check and ``kg check``: cycles, parents introduced later, type conflicts, outperforming a parent."""
from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest

from kg.check import CHECKS, _later, check, format_report
from kg.cli import main
from kg.export.lines import literal
from kg.store import build_store
from kg.vocab import PREFIXES

KG, RDF, SKOS, DCT, XSD = PREFIXES["kg"], PREFIXES["rdf"], PREFIXES["skos"], PREFIXES["dcterms"], PREFIXES["xsd"]


def _write(out: Path, lines: list[str]) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    (out / "graph.nt").write_text("".join(line + "\n" for line in sorted(set(lines))), encoding="utf-8")
    build_store(out / "graph.nt", out)
    return out


def _model(name: str, kind: str = "Model", label: str | None = None) -> list[str]:
    node = f"<{PREFIXES[kind.lower()]}{name}>"
    return [f"{node} <{RDF}type> <{KG}{kind}> .", f"{node} <{SKOS}prefLabel> {literal(label or name)} ."]


def _edge(child: str, how: str, parent: str) -> list[str]:
    c, p = f"<{PREFIXES['model']}{child}>", f"<{PREFIXES['model']}{parent}>"
    return [f"{c} <{KG}{how}> {p} .", f"{c} <{KG}derivedFrom> {p} ."]


def test_check_corpus_findings(lineage_corpus_out):
    report = check(lineage_corpus_out)
    assert [(f.kind, f.message) for f in report.findings] == [
        ("cycle", "lineage cycle: AlphaNet -> BetaNet -> AlphaNet"),
        ("parent-later", "parent introduced after its child: AlphaNet (2021-01-05) basedOn BetaNet (2021-02-05)"),
        ("parent-later", "parent introduced after its child: OldNet (2018-01-01) distillsFrom NewNet (2023-01-01)"),
        ("type-conflict", "typed differently: 'Orca' is a Model and a Dataset"),
        ("outperforms-parent", "outperforms its own parent: RoBERTa basedOn BERT and outperforms it"),
    ]
    cycle = report.findings[0]
    assert ("AlphaNet", "basedOn", "BetaNet", "AlphaNet", "AlphaNet is based on BetaNet.") in cycle.evidence
    conflict = report.by_kind()["type-conflict"][0]
    assert {e[1:] for e in conflict.evidence} == {("Dataset", "The Orca corpus"), ("Model", "Orca: a model")}
    outperforms = report.by_kind()["outperforms-parent"][0]
    assert [e[4] for e in outperforms.evidence] == ["RoBERTa is based on BERT.", "RoBERTa outperforms BERT on every task."]
    assert report.checked == {"lineage_edges": 11, "entities": 18, "dated_entities": 13}


def test_check_text_and_json(lineage_corpus_out):
    report = check(lineage_corpus_out)
    text = format_report(report)
    assert text.startswith("5 findings (11 lineage edges, 18 entities, 13 dated)")
    assert "cycle (1)" in text and "parent-later (2)" in text
    assert '      OldNet distillsFrom NewNet: "OldNet is distilled from NewNet." (OldNet)' in text
    data = json.loads(format_report(report, "json"))
    assert data["counts"] == {"cycle": 1, "parent-later": 2, "type-conflict": 1, "outperforms-parent": 1}
    assert data["findings"][0]["entities"][0] == {"iri": f"{PREFIXES['model']}alphanet", "label": "AlphaNet"}


@pytest.mark.parametrize("a, b, later", [
    ("2020-01-02", "2020-01-01", True), ("2020-01-01", "2020-01-01", False), ("2019", "2019-05-01", False),
    ("2020", "2019-12-31", True), ("2019-06", "2019-05-30", True), ("2019-05", "2019-05-30", False),
])
def test_check_later_at_shared_precision(a, b, later):
    assert _later(a, b) is later


def test_check_cycles_one_per_component(tmp_path):
    lines = [*_model("a"), *_model("b"), *_model("c"), *_model("d"), *_model("e"), *_model("f")]
    lines += _edge("a", "distillsFrom", "b") + _edge("b", "compresses", "c") + _edge("c", "basedOn", "a")
    lines += _edge("d", "fineTunedFrom", "d") + _edge("e", "basedOn", "f")  # a self-loop; e -> f is no cycle
    report = check(_write(tmp_path, lines))
    assert [f.message for f in report.findings] == ["lineage cycle: a -> b -> c -> a", "lineage cycle: d -> d"]
    assert [e[:3] for e in report.findings[0].evidence] == [
        ("a", "distillsFrom", "b"), ("b", "compresses", "c"), ("c", "basedOn", "a")]
    assert report.findings[0].evidence[0][3:] == (None, None)  # no statement in this graph


def test_check_types_on_one_entity_and_by_alias(tmp_path):
    lines = [*_model("x"), f"<{PREFIXES['model']}x> <{RDF}type> <{KG}Technique> ."]
    lines += [*_model("gpt", label="GPT"), *_model("gpt-tech", "Technique", label="G.P.T.")]
    lines += [*_model("xlm", label="XLM"), *_model("xlm-r", "Dataset", label="XLM-R corpus"),
              f"<{PREFIXES['dataset']}xlm-r> <{SKOS}altLabel> \"xlm\" ."]
    report = check(_write(tmp_path, lines))
    assert sorted(f.message for f in report.findings) == [
        "typed differently: 'GPT' is a Model and a Technique (G.P.T.)",
        "typed differently: 'XLM' is a Model and a Dataset (XLM-R corpus)",
        "typed differently: 'x' is a Model/Technique"]


def test_check_parent_later_than_a_paper_stating_the_child(tmp_path):
    """A child no paper introduces existed by the date of a paper stating its lineage."""
    paper, new = (f"<{PREFIXES['paper']}{p}>" for p in ("note", "new"))
    st = f"<{PREFIXES['stmt']}s1>"
    lines = [*_model("gamma", label="GammaNet"), *_model("newnet", label="NewNet"), *_edge("gamma", "basedOn", "newnet")]
    lines += [f"{p} <{RDF}type> <{KG}Paper> ." for p in (paper, new)]
    lines += [f'{paper} <{DCT}date> "2019-01-01"^^<{XSD}date> .', f'{paper} <{DCT}title> "An early note" .',
              f'{new} <{DCT}date> "2023-01-01"^^<{XSD}date> .', f"{new} <{KG}introduces> <{PREFIXES['model']}newnet> .",
              f"{st} <{RDF}type> <{RDF}Statement> .", f"{st} <{RDF}subject> <{PREFIXES['model']}gamma> .",
              f"{st} <{RDF}predicate> <{KG}basedOn> .", f"{st} <{RDF}object> <{PREFIXES['model']}newnet> .",
              f"{st} <{PREFIXES['prov']}wasDerivedFrom> {paper} .", f'{st} <{KG}evidence> "GammaNet is based on NewNet." .']
    report = check(_write(tmp_path / "stated", lines))
    assert [f.message for f in report.findings] == [
        "parent introduced after its child: GammaNet (2019-01-01) basedOn NewNet (2023-01-01)"]
    assert report.findings[0].evidence == (("GammaNet", "basedOn", "NewNet", "An early note", "GammaNet is based on NewNet."),)
    # stated only in 2024, after NewNet was introduced (2023): consistent
    lines = [line for line in lines if "2019-01-01" not in line] + [f'{paper} <{DCT}date> "2024-01-01"^^<{XSD}date> .']
    assert not check(_write(tmp_path / "later", lines))


def test_check_clean_graph(tmp_path):
    lines = [*_model("a"), *_model("b"), *_edge("a", "distillsFrom", "b"), *_model("glue", "Dataset", "GLUE")]
    lines.append(f"<{PREFIXES['model']}b> <{KG}outperforms> <{PREFIXES['model']}a> .")  # a teacher beating its student
    report = check(_write(tmp_path, lines))
    assert not report and report.findings == ()
    assert format_report(report).startswith("0 findings (1 lineage edges, 3 entities, 0 dated)")


def test_check_synthetic_against_networkx(lineage_out):
    """Dated synthetic papers introduce models: parents introduced later agree with a direct count."""
    g, dates, introduces = nx.DiGraph(), {}, {}
    for line in (lineage_out / "graph.nt").read_text(encoding="utf-8").splitlines():
        s, p, o = line.split(" ", 2)
        o = o[:-2]
        if p == f"<{KG}derivedFrom>":
            g.add_edge(s, o)
        elif p == f"<{DCT}date>":
            dates[s] = o.split('"')[1]
        elif p == f"<{KG}introduces>":
            introduces.setdefault(o, []).append(s)
    born = {m: min(dates[p] for p in papers) for m, papers in introduces.items()}
    expected = sum(1 for c, p in g.edges if c in born and p in born and born[p] > born[c])
    report = check(lineage_out)
    counts = {k: len(v) for k, v in report.by_kind().items()}
    assert counts == {"cycle": 0, "parent-later": expected, "type-conflict": 0, "outperforms-parent": 0}
    assert expected > 10


# -- the CLI ---------------------------------------------------------------------------

def test_cli_check_strict_exit_codes(lineage_corpus_out, tmp_path, capsys):
    assert main(["check", str(lineage_corpus_out)]) == 0
    assert "5 findings" in capsys.readouterr().out
    assert main(["check", str(lineage_corpus_out), "--strict"]) == 1
    captured = capsys.readouterr()
    assert "lineage cycle" in captured.out and captured.err == "kg: error: 5 consistency findings (--strict)\n"
    clean = _write(tmp_path / "clean", [*_model("a"), *_model("b"), *_edge("a", "basedOn", "b")])
    assert main(["check", str(clean), "--strict"]) == 0
    assert capsys.readouterr().out.startswith("0 findings")


def test_cli_check_json(lineage_corpus_out, capsys):
    assert main(["check", str(lineage_corpus_out), "--format", "json", "--strict"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert set(data["counts"]) == set(CHECKS) and len(data["findings"]) == 5


def test_cli_check_no_graph(tmp_path, capsys):
    assert main(["check", str(tmp_path)]) == 1
    assert "no graph" in capsys.readouterr().err


def test_check_bundled(built_out, capsys):
    from kg.load import load_graph

    report = check(built_out)
    graph = load_graph(built_out)
    assert report.checked["entities"] == sum(1 for _, d in graph.nodes(data=True) if d["kind"] != "Paper")
    lineage_pairs = {(u, v) for u, v, k in graph.edges(keys=True)
                     if k in ("distillsFrom", "compresses", "fineTunedFrom", "basedOn", "derivedFrom")}
    assert report.checked["lineage_edges"] == len(lineage_pairs)
    pairs = nx.DiGraph(list(lineage_pairs))
    looping = [c for c in nx.strongly_connected_components(pairs) if len(c) > 1 or pairs.has_edge(*[*c] * 2)]
    assert len(report.by_kind()["cycle"]) == len(looping)
    assert main(["check", str(built_out), "--strict"]) == (1 if report else 0)


def test_check_docstring_examples():
    import doctest
    import importlib

    # importlib: the package attribute ``kg.check`` may be the function of that name
    result = doctest.testmod(importlib.import_module("kg.check"))
    assert result.attempted >= 1 and result.failed == 0
