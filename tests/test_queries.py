"""Every ``schema/queries/*.rq``: its header, its answers on a hand-made corpus, bound values on both
engines, and agreement with :func:`kg.lineage.lineage` on synthetic graphs and the bundled build."""
from __future__ import annotations

import re

import pyoxigraph as ox
import pytest

from kg.errors import QueryError
from kg.lineage import QUERIES_DIR, lineage, named_query, select
from kg.store import open_store, rdflib_graph
from kg.vocab import PREFIXES

QUERY_FILES = sorted(QUERIES_DIR.glob("*.rq"))
MODEL, LANGUAGE = PREFIXES["model"], PREFIXES["language"]
TINY_TITLE = "TinyBERT: Distilling BERT for Natural Language Understanding"


def local(value):
    """``https://.../model/bert`` -> ``bert``; ``...ns#basedOn`` -> ``basedOn``; literals as they are."""
    if isinstance(value, str) and value.startswith(("https://w3id.org/lmkg/", "http")):
        return re.split(r"[/#]", value)[-1]
    return value


def header(path) -> tuple[str, list[str]]:
    text = path.read_text(encoding="utf-8")
    comments = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        comments.append(line[1:].strip())
    joined = " ".join(comments)
    answers = re.search(r"Answers:\s*(.+?)(?=\s*Bind:|$)", joined)
    bind = re.search(r"Bind:\s*(.+)$", joined)
    assert answers and bind, f"{path.name}: the header must say 'Answers:' and 'Bind:'"
    variables = [] if bind[1].lower().startswith("none") else re.findall(r"\?(\w+)", bind[1].split("(")[0])
    return answers[1], variables


# stem -> [(bindings, columns, expected rows)] on tests/data/lineage/papers.jsonl
EXPECTED = {
    "compressed_on_glue": [({}, ("model", "how", "base"), {("q8bert", "compresses", "bert"),
                                                          ("tinybert", "distillsFrom", "bert")})],
    # MiniDistil compresses DistilBERT but is evaluated on nothing; TinyBERT distils (not compresses) BERT
    "compressed_on_glue_with_papers": [({}, ("model", "base", "paper", "title"), {
        ("q8bert", "bert", "arxiv-1910.06188", "Q8BERT: Quantized 8Bit BERT")})],
    "descended_from_bert": [({}, ("descendant",), {(m,) for m in (
        "orca", "q8bert", "minidistil", "distilbert", "tinybert", "camembert", "robbert", "roberta")})],
    "distilled_from_teacher": [
        ({"teacher": "bert"}, ("student", "paper", "evidence"), {
            ("distilbert", "arxiv-1910.01108", "DistilBERT is distilled from BERT."),
            ("tinybert", "arxiv-1909.10351", "TinyBERT is distilled from BERT."),
            ("tinybert", "arxiv-2002.00001", "TinyBERT is distilled from BERT, as its authors state.")}),
        ({}, ("teacher", "student"), {("bert", "distilbert"), ("bert", "tinybert"), ("newnet", "oldnet")}),
    ],
    "lineage_ancestors": [
        ({"model": "camembert"}, ("child", "relation", "parent", "title", "evidence"), {
            ("camembert", "basedOn", "roberta", "CamemBERT: a Tasty French Language Model",
             "CamemBERT is based on RoBERTa."),
            ("roberta", "basedOn", "bert", "RoBERTa: A Robustly Optimized BERT Pretraining Approach",
             "RoBERTa is based on BERT.")}),
        ({"model": "alphanet"}, ("child", "relation", "parent"), {
            ("alphanet", "basedOn", "betanet"), ("betanet", "fineTunedFrom", "alphanet")}),
        ({"model": "bert"}, ("child",), set()),
    ],
    "lineage_descendants": [
        ({"root": "roberta"}, ("descendant", "relation", "parent"), {
            ("orca", "fineTunedFrom", "roberta"), ("camembert", "basedOn", "roberta"), ("robbert", "basedOn", "roberta")}),
        ({"root": "distilbert"}, ("descendant", "relation", "parent", "paper"), {
            ("minidistil", "compresses", "distilbert", "undated-compression-of-distilbert")}),
    ],
    "models_for_language": [({"language": "dutch"}, ("model", "label"), {("robbert", "RobBERT")}),
                            ({}, ("language", "model"), {("dutch", "robbert"), ("french", "camembert")})],
    "models_per_language": [({}, ("name", "models"), {("Dutch", "1"), ("French", "1")})],
    "tinybert_derived_from": [({}, ("relation", "parentLabel", "title", "date", "evidence"), {
        ("distillsFrom", "BERT", TINY_TITLE, "2019-09-23", "TinyBERT is distilled from BERT."),
        ("distillsFrom", "BERT", "A second look at TinyBERT", "2020-02-01",
         "TinyBERT is distilled from BERT, as its authors state.")})],
}
_NAMESPACE = {"teacher": MODEL, "model": MODEL, "root": MODEL, "language": LANGUAGE}


def _bound(bindings: dict) -> dict:
    return {k: ox.NamedNode(_NAMESPACE[k] + v) for k, v in bindings.items()}


def test_queries_every_file_is_tested():
    assert QUERY_FILES and {p.stem for p in QUERY_FILES} == set(EXPECTED)


def test_queries_stems_do_not_clash_with_test_queries():
    others = {p.stem for p in (QUERIES_DIR.parent.parent / "tests" / "data" / "sparql").glob("*.rq")}
    assert not others & {p.stem for p in QUERY_FILES}


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.stem)
def test_queries_header_names_bindable_variables(path):
    answers, variables = header(path)
    assert len(answers) > 20
    projection = re.search(r"SELECT(?:\s+DISTINCT)?\s+(.*?)\s+WHERE", path.read_text(encoding="utf-8"), re.S)[1]
    for v in variables:
        assert f"?{v}" in projection.split(), f"{path.name}: ?{v} is bindable, so it must be projected"
    # clients that sniff the query form (SPARQLWrapper) must not take a word of the header for an update
    from SPARQLWrapper import SPARQLWrapper

    from kg.store import is_update, prefixed_query

    client = SPARQLWrapper("http://127.0.0.1:1/query")
    client.setQuery(prefixed_query(path.read_text(encoding="utf-8")))
    assert client.queryType == "SELECT" and not is_update(path.read_text(encoding="utf-8"))
    bound = {v for b, _, _ in EXPECTED[path.stem] for v in b}
    assert bound <= set(variables), f"{path.name}: the tests bind {bound - set(variables)}, not in its header"


CASES = [(stem, i) for stem, cases in sorted(EXPECTED.items()) for i in range(len(cases))]


@pytest.mark.parametrize("stem, case", CASES, ids=[f"{s}-{i}" for s, i in CASES])
def test_queries_answers_on_the_hand_made_corpus(lineage_corpus_out, stem, case):
    bindings, columns, expected = EXPECTED[stem][case]
    rows = named_query(lineage_corpus_out, stem, _bound(bindings))
    assert {tuple(local(r[c]) for c in columns) for r in rows} == expected
    for r in rows:  # a bound variable comes back as bound
        assert all(local(r[k]) == v for k, v in bindings.items())


@pytest.mark.parametrize("stem, case", [c for c in CASES if EXPECTED[c[0]][c[1]][0]],
                         ids=[f"{s}-{i}" for s, i in CASES if EXPECTED[s][i][0]])
def test_queries_bound_values_agree_on_rdflib(lineage_corpus_out, stem, case):
    from rdflib import URIRef

    bindings, columns, _ = EXPECTED[stem][case]
    text = (QUERIES_DIR / f"{stem}.rq").read_text(encoding="utf-8")
    graph = rdflib_graph(lineage_corpus_out, "rdflib")
    rows = graph.query(text, initBindings={k: URIRef(_NAMESPACE[k] + v) for k, v in bindings.items()})
    slow = {tuple(local(None if r[c] is None else str(r[c])) for c in columns) for r in rows}
    fast = {tuple(local(r[c]) for c in columns) for r in named_query(lineage_corpus_out, stem, _bound(bindings))}
    assert slow == fast


def test_queries_unknown_name(lineage_corpus_out):
    with pytest.raises(QueryError, match="no query named .nope.; known: compressed_on_glue, compressed_on_glue_with_papers"):
        named_query(lineage_corpus_out, "nope")


def test_queries_hostile_binding_is_a_value(lineage_corpus_out):
    rows = named_query(lineage_corpus_out, "distilled_from_teacher", {"teacher": "} ; DROP ALL ; {"})
    assert rows == []


# -- agreement with kg.lineage: synthetic graphs and the bundled build -------------------

def _with_lineage(store) -> list[str]:
    return [r["m"] for r in select(store, "SELECT DISTINCT ?m WHERE { ?m a kg:Model ; kg:derivedFrom ?p } ORDER BY ?m")]


@pytest.mark.parametrize("build", ["lineage_out", "built_out", "lineage_corpus_out"])
def test_queries_agree_with_lineage(request, build):
    out = request.getfixturevalue(build)
    store = open_store(out)
    models = _with_lineage(store)[:25]
    for model in models:
        node = ox.NamedNode(model)
        up = lineage(store, node)
        rows = named_query(store, "lineage_ancestors", {"model": node})
        assert {(r["child"], r["parent"]) for r in rows} == {(s.child.iri, s.parent.iri) for s in up.steps}
    roots = {r["p"] for r in select(store, "SELECT DISTINCT ?p WHERE { ?m kg:derivedFrom ?p }")}
    for root in sorted(roots)[:25]:
        down = lineage(store, ox.NamedNode(root), down=True)
        rows = named_query(store, "lineage_descendants", {"root": ox.NamedNode(root)})
        assert {r["descendant"] for r in rows} == {s.child.iri for s in down.steps}  # the root too, in a cycle
        assert {(r["descendant"], r["parent"]) for r in rows} == {(s.child.iri, s.parent.iri) for s in down.steps}


def test_queries_bundled_bert_and_tinybert(built_out):
    store = open_store(built_out)
    bert = lineage(store, "BERT", down=True)
    assert {r["descendant"] for r in named_query(store, "descended_from_bert")} == {n.iri for n in bert.nodes}
    tiny = lineage(store, "TinyBERT", depth=1)
    answered = {(local(r["relation"]), r["parent"], r["evidence"]) for r in named_query(store, "tinybert_derived_from")}
    assert answered == {(s.relation, s.parent.iri, src.evidence) for s in tiny.steps for src in s.sources}
    for r in named_query(store, "distilled_from_teacher", {"teacher": ox.NamedNode(MODEL + "bert")}):
        assert r["evidence"] and r["title"]
