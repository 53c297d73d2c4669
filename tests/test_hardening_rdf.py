"""Any title, name, alias, author or evidence sentence, however hostile, gives
valid IRIs and literals: Turtle, N-Triples and JSON-LD parse back to
isomorphic graphs that keep every text, and the graph passes the SHACL shapes.
"""
from __future__ import annotations

import json
import math
import re

import pyoxigraph as ox
import rdflib
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from rdflib.compare import isomorphic

from kg.build import build
from kg.export.rdf import FORMATS, sorted_triples, write_rdf
from kg.graph import build_graph
from kg.model import ENTITY_TYPES, LINEAGE_PREDICATES, Entity, Extraction, Mention, Paper, Relation
from kg.store import open_store, query
from kg.validate import validate
from kg.vocab import DCTERMS, RDFS, SKOS
from test_hardening_ingest import HOSTILE, hostile_text

PARSERS = {"graph.nt": "nt", "graph.ttl": "turtle", "graph.jsonld": "json-ld"}
_SURROGATE = re.compile(r"[\ud800-\udfff]")
name_text = st.one_of(hostile_text, st.sampled_from(HOSTILE)).filter(bool)
#: Predicates with the (subject, object) types the extractor gives them and the shapes demand.
SIGNATURES = {p: ("Model", "Model") for p in LINEAGE_PREDICATES + ("outperforms",)} | {"evaluatedOn": ("Model", "Dataset")}
confidence = st.floats(allow_nan=True, allow_infinity=True) | st.floats(0, 1)


@st.composite
def extractions(draw, text=hostile_text):
    """A few papers with hostile ``text``, entities with hostile names, and relations between them."""
    entities = draw(st.lists(st.builds(Entity, name=name_text, type=st.sampled_from(ENTITY_TYPES),
                                       aliases=st.frozensets(name_text, max_size=2),
                                       wikidata=st.none() | name_text | st.just("Q42"),
                                       arxiv=st.none() | name_text),
                             min_size=1, max_size=4, unique_by=lambda e: e.key))
    out = []
    for i in range(draw(st.integers(1, 3))):
        title, abstract = draw(text), draw(text)
        key = draw(st.sampled_from([f"t:{title}", f"arxiv:{title}", "arxiv:cs/0501001", f"t:{i}"]))
        paper = Paper(key=key, title=title, abstract=abstract, arxiv_id=draw(st.none() | name_text),
                      url=draw(st.none() | st.sampled_from(["https://arxiv.org/abs/1", "http://x/<a b>", "javascript:x"])),
                      date=draw(st.none() | st.sampled_from(["2024-02-30", "2024-05", "0000", "2024-05-08"]) | name_text),
                      authors=tuple(draw(st.lists(name_text, max_size=2))), sources=(draw(name_text),))
        length = len(paper.text)
        mentions = tuple(
            Mention(draw(name_text), e.name, e.type, start, start + 1, draw(st.booleans()), draw(confidence))
            for e in draw(st.lists(st.sampled_from(entities), max_size=3))
            for start in [draw(st.integers(0, length))]
        )
        pairs = [(a, p, b) for a in entities for b in entities for p, (ta, tb) in SIGNATURES.items()
                 if (a.type, b.type) == (ta, tb)]
        relations = tuple(
            Relation(a.key, p, b.key, paper.key, draw(text), draw(confidence))
            for a, p, b in (draw(st.lists(st.sampled_from(pairs), max_size=3)) if pairs else ())
        )
        out.append(Extraction(paper, mentions, relations))
    return out, entities


def _expected(text: str) -> str:
    return _SURROGATE.sub("\ufffd", text)


def _parse_all(out) -> dict[str, rdflib.Graph]:
    return {name: rdflib.Graph().parse(out / name, format=fmt) for name, fmt in PARSERS.items()}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=extractions())
def test_hardening_rdf_hostile_names_round_trip(tmp_path_factory, case):
    extracted, entities = case
    graph = build_graph(extracted, entities)
    triples = sorted_triples(graph)
    out = tmp_path_factory.mktemp("rdf")
    write_rdf(triples, out)
    graphs = _parse_all(out)
    nt = graphs["graph.nt"]
    assert len(nt) == len(triples)
    assert isomorphic(nt, graphs["graph.ttl"]) and isomorphic(nt, graphs["graph.jsonld"])
    titles = {str(o) for o in nt.objects(None, DCTERMS.title)}
    assert titles == {_expected(d["name"]) for n, d in graph.nodes(data=True) if d["kind"] == "Paper"}
    labels = {str(o) for o in nt.objects(None, SKOS.prefLabel)}
    assert labels == {_expected(d["name"]) for n, d in graph.nodes(data=True) if d["kind"] != "Paper"}
    for s, p, o in nt:
        assert isinstance(s, rdflib.URIRef) and all(c.isascii() and c.isprintable() and c not in '<>"{}|^`\\ '
                                                    for c in str(s)), s
        if isinstance(o, rdflib.Literal) and o.datatype is not None and o.datatype.endswith("decimal"):
            assert 0 <= float(o) <= 1 and not math.isnan(float(o))


# pyshacl is slow: no shrinking, so a failure reports at once (with a larger example)
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture],
          phases=(Phase.explicit, Phase.reuse, Phase.generate))
@given(case=extractions(text=name_text))
def test_hardening_rdf_hostile_graph_is_shacl_valid(tmp_path_factory, case):
    """Texts as readers and the extractor give them (never empty), otherwise hostile."""
    extracted, entities = case
    out = tmp_path_factory.mktemp("shacl")
    write_rdf(sorted_triples(build_graph(extracted, entities)), out, names=("graph.nt",))
    conforms, violations, report = validate(out / "graph.nt")
    assert conforms and violations == 0, report


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(titles=st.lists(hostile_text, min_size=1, max_size=3))
def test_hardening_rdf_build_of_hostile_titles_answers_queries(tmp_path_factory, titles):
    """The whole build on hostile JSON lines: files round-trip, the store holds every title as read."""
    base = tmp_path_factory.mktemp("build")
    src = base / "in.jsonl"
    records = [{"title": f"BERT {t}", "abstract": f"We distil BERT on GLUE. {t}"} for t in titles]
    src.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    result = build([src], base / "out", html=False)
    graphs = _parse_all(result.out)
    assert isomorphic(graphs["graph.nt"], graphs["graph.ttl"]) and isomorphic(graphs["graph.nt"], graphs["graph.jsonld"])
    read = {d["name"] for _, d in result.graph.nodes(data=True) if d["kind"] == "Paper"}
    answer = query(open_store(result.out), "SELECT ?t WHERE { ?p a kg:Paper ; dcterms:title ?t }")
    assert {row[0] for row in answer.rows} == read
    assert len(read) == result.papers >= 1
    assert set(FORMATS) <= {p.name for p in result.files}
