from __future__ import annotations

import rdflib
from rdflib.compare import isomorphic

from kg.build import build
from kg.export.iri import paper_iri, slug
from kg.validate import validate
from kg.vocab import KG, PROV, RDF


def test_export_writes_all_formats(built_out):
    for name in ("graph.ttl", "graph.nt", "graph.jsonld", "graph.html"):
        assert (built_out / name).stat().st_size > 0


def test_export_formats_parse_to_isomorphic_graphs(built_out):
    nt = rdflib.Graph().parse(built_out / "graph.nt", format="nt")
    ttl = rdflib.Graph().parse(built_out / "graph.ttl", format="turtle")
    jsonld = rdflib.Graph().parse(built_out / "graph.jsonld", format="json-ld")
    assert len(nt) > 1000
    assert isomorphic(nt, ttl)
    assert isomorphic(nt, jsonld)


def test_export_has_576_papers_with_abstracts(built_out):
    g = rdflib.Graph().parse(built_out / "graph.nt", format="nt")
    papers = set(g.subjects(RDF.type, KG.Paper))
    assert len(papers) == 576
    assert all(g.value(p, rdflib.namespace.DCTERMS.abstract) for p in papers)


def test_export_every_edge_is_a_statement_with_evidence(built_out):
    g = rdflib.Graph().parse(built_out / "graph.nt", format="nt")
    statements = set(g.subjects(RDF.type, RDF.Statement))
    assert statements
    for st in statements:
        s, p, o = g.value(st, RDF.subject), g.value(st, RDF.predicate), g.value(st, RDF.object)
        assert (s, p, o) in g
        assert (g.value(st, PROV.wasDerivedFrom), RDF.type, KG.Paper) in g
        assert str(g.value(st, KG.evidence))
        assert 0 <= float(g.value(st, KG.confidence)) <= 1


def test_export_is_shacl_valid(built_out):
    conforms, violations, report = validate(built_out / "graph.nt")
    assert conforms, report
    assert violations == 0


def test_export_is_byte_identical_across_builds(built_out, tmp_path, corpus_dir):
    again = build([corpus_dir], tmp_path, html=True)
    for name in ("graph.ttl", "graph.nt", "graph.jsonld", "graph.html"):
        assert (again.out / name).read_bytes() == (built_out / name).read_bytes(), name


def test_iri_slugs_are_safe():
    for text in ['<script>alert("x")</script>', "a b\nc", "Ünïcödé ∑", "", "x" * 500, "{}\\^`|"]:
        s = slug(text)
        assert s and all(c.isalnum() and c.isascii() or c in "-._~" for c in s) and len(s) <= 92
    assert paper_iri("arxiv:cs/0501001").endswith("arxiv-cs_0501001")


def test_export_paper_iri_never_carries_a_line_break():
    from kg.export.iri import paper_iri

    assert paper_iri("arxiv:2101.00001").endswith("paper/arxiv-2101.00001")
    for key in ("arxiv:0\n", "arxiv:1234\r\n", "arxiv:12 34"):
        assert not any(c.isspace() for c in paper_iri(key)), key


def test_export_languages_carry_their_code(built_out, tmp_path):
    g = rdflib.Graph().parse(built_out / "graph.nt")
    assert g.value(rdflib.URIRef("https://w3id.org/lmkg/id/language/dutch"), KG.isoCode) == rdflib.Literal("nl")
    coded = set(g.subjects(KG.isoCode, None))
    assert coded and coded <= set(g.subjects(RDF.type, KG.Language))
    # a regional variety gets its BCP 47 tag, which the shapes accept; one named by a demonym gets none
    papers = tmp_path / "papers.jsonl"
    papers.write_text('{"id": "x1", "title": "KoraBERT: a model for Brazilian Portuguese", "abstract": '
                      '"We train KoraBERT on Brazilian Portuguese and Mozambican Portuguese texts."}\n', encoding="utf-8")
    out = build([papers], tmp_path / "out", html=False, store=False, jobs=1).out
    g = rdflib.Graph().parse(out / "graph.nt")
    codes = {str(g.value(s, rdflib.URIRef("http://www.w3.org/2004/02/skos/core#prefLabel"))): str(c)
             for s, c in g.subject_objects(KG.isoCode)}
    assert codes == {"Brazilian Portuguese": "pt-BR"}
    assert validate(out / "graph.nt")[0]
