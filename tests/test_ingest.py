from __future__ import annotations

import json

import pytest

from kg.errors import FormatError, KGError, ParseError
from kg.ingest import detect_format, expand_inputs, get_reader, merge_papers, read_papers
from kg.ingest.jsonl import parse_arxiv, parse_jsonl
from kg.ingest.listing import parse_listing


def test_ingest_bundled_corpus_has_576_unique_papers(corpus_dir):
    records = list(read_papers([corpus_dir]))
    assert len(records) == 633
    papers = merge_papers(records)
    assert len(papers) == 576
    assert all(p.title and len(p.abstract) > 100 for p in papers)
    # a paper listed in several pages keeps every listing as a source
    assert sum(len(p.sources) for p in papers) == 633
    assert sum(len(p.sources) > 1 for p in papers) > 0


def test_ingest_chrome_is_not_a_paper(corpus_dir):
    titles = {p.title for p in read_papers([corpus_dir])}
    for chrome in ("Subscribe", "new", "byAK and the research community", "Mar 14", "Daily Papers"):
        assert chrome not in titles
    assert not any(t.startswith(("Subscribe", "Get trending")) for t in titles)
    assert "Variational Open-Domain Question Answering" in titles


LAYOUT_ONE_LINE = "Get trending papers in your email inbox!\nSubscribeAlpha: A Model\nWe present Alpha.\nBeta Net\nBeta is good.\n"
LAYOUT_BLANK = "new\n\nSubscribe\n\nbyAK and the research community\n\nMar 14\n\nAlpha: A Model\n\nWe present Alpha.\n\nBeta Net\n\nBeta is good.\n"
LAYOUT_META = ("Alpha: A Model\n\nWe present Alpha.\n\n  • 7 authors\n·\nAug 13 1\n\n"
               "Beta Net\n\nBeta is good.\n\n  • 1 authors\n·\nMay 8, 2024\n")


@pytest.mark.parametrize("text", [LAYOUT_ONE_LINE, LAYOUT_BLANK, LAYOUT_META, LAYOUT_ONE_LINE.replace("\n", "\r\n")])
def test_listing_layouts(text):
    papers = list(parse_listing(text, "page.txt"))
    assert [(p.title, p.abstract) for p in papers] == [("Alpha: A Model", "We present Alpha."), ("Beta Net", "Beta is good.")]


def test_listing_date_with_year_is_kept():
    papers = list(parse_listing(LAYOUT_META, "page.txt"))
    assert [p.date for p in papers] == [None, "2024-05-08"]


def test_listing_sources_name_file_and_line():
    papers = list(parse_listing(LAYOUT_ONE_LINE, "page.txt"))
    assert papers[0].sources == ("page.txt:2",)


def test_jsonl_reads_optional_fields():
    rec = {"title": "BERT", "abstract": "We introduce BERT.", "url": "https://arxiv.org/abs/1810.04805v2",
           "date": "2018-10-11", "authors": ["Jacob Devlin", "Ming-Wei Chang"]}
    (paper,) = parse_jsonl([json.dumps(rec)], "x.jsonl")
    assert paper.key == "arxiv:1810.04805"
    assert paper.authors == ("Jacob Devlin", "Ming-Wei Chang")
    assert paper.date == "2018-10-11"
    assert paper.sources == ("x.jsonl:1",)


def test_arxiv_snapshot_record():
    rec = {"id": "0704.0001", "title": "Calculation of prompt diphoton production", "abstract": " A fully ...\n",
           "authors": "C. Bal\\'azs, E. L. Berger and P. M. Nadolsky", "categories": "hep-ph cs.CL",
           "update_date": "2008-11-13", "versions": [{"version": "v1", "created": "Mon, 2 Apr 2007 19:18:42 GMT"}]}
    (paper,) = parse_arxiv([json.dumps(rec)])
    assert paper.arxiv_id == "0704.0001"
    assert paper.date == "2007-04-02"
    assert paper.categories == ("hep-ph", "cs.CL")
    assert len(paper.authors) == 3


def test_jsonl_bad_record_raises_with_file_and_line():
    lines = ['{"title": "A", "abstract": "B"}', "{not json", '{"title": "C"}']
    with pytest.raises(ParseError) as err:
        list(parse_jsonl(lines, "in.jsonl"))
    assert err.value.file == "in.jsonl" and err.value.line == 2


def test_jsonl_bad_records_skipped_with_warning(caplog):
    lines = ['{"title": "A", "abstract": "B"}', "{not json", '{"title": "C"}', '{"title": "D", "abstract": "E"}']
    papers = list(parse_jsonl(lines, "in.jsonl", errors="skip"))
    assert [p.title for p in papers] == ["A", "D"]
    assert "in.jsonl:2" in caplog.text and "in.jsonl:3" in caplog.text


@pytest.mark.parametrize("content, expected", [
    ('{"title": "A", "abstract": "B"}\n', "jsonl"),
    ('{"id": "0704.0001", "title": "A", "abstract": "B", "versions": []}\n', "arxiv"),
    ("Alpha: A Model\nWe present Alpha.\n", "listing"),
])
def test_ingest_detect_format(tmp_path, content, expected):
    path = tmp_path / "f.txt"
    path.write_text(content, encoding="utf-8")
    assert detect_format(path) == expected


@pytest.mark.parametrize("content", [b"", b"\x00\x01\x02binary", b"just one line\n", b"\xff\xfe\xfa\xfb bad utf8 \xc3"])
def test_ingest_unknown_format_is_clear_error(tmp_path, content):
    path = tmp_path / "weird.txt"
    path.write_bytes(content)
    with pytest.raises(FormatError, match="weird.txt"):
        list(read_papers([path]))


def test_ingest_bad_file_skipped_rest_goes_on(tmp_path, caplog):
    (tmp_path / "a.txt").write_bytes(b"\x00\x00")
    (tmp_path / "b.jsonl").write_text('{"title": "A", "abstract": "B"}\n', encoding="utf-8")
    papers = list(read_papers([tmp_path], errors="skip"))
    assert [p.title for p in papers] == ["A"]
    assert "a.txt" in caplog.text


def test_ingest_same_paper_in_several_inputs_is_one(tmp_path):
    (tmp_path / "a.txt").write_text("TinyBERT: Distilling BERT\nWe distil BERT.\n", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps({"id": "1909.10351", "title": "TinyBERT: distilling BERT",
                                                  "abstract": "We distil BERT into TinyBERT."}) + "\n", encoding="utf-8")
    (paper,) = merge_papers(read_papers([tmp_path]))
    assert paper.key == "arxiv:1909.10351"
    assert paper.abstract == "We distil BERT into TinyBERT."
    assert paper.sources == ("a.txt:1", "b.jsonl:1")


def test_ingest_forced_format_and_unknown_reader(tmp_path):
    path = tmp_path / "f.txt"
    path.write_text('{"title": "A", "abstract": "B"}\n', encoding="utf-8")
    assert [p.title for p in read_papers([path], format="jsonl")] == ["A"]
    with pytest.raises(KGError, match="unknown input format"):
        get_reader("csv")


def test_ingest_missing_input_is_error(tmp_path):
    with pytest.raises(KGError, match="no such file"):
        expand_inputs([tmp_path / "nope.txt"])
