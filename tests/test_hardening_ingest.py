"""Hostile input for every reader: each file parses, or fails with one clear
line naming the file; nothing crashes with another exception or hangs.

The readers are driven through :func:`kg.ingest.read_papers` (format
detection included) and through ``kg build`` on the command line.
"""
from __future__ import annotations

import contextlib
import itertools
import json
import os
import re
import signal
import string
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.cli import main
from kg.errors import FormatError, KGError, ParseError
from kg.ingest import read_papers
from kg.ingest._text import display_name
from kg.ingest.listing import MAX_TITLE_CHARS

#: Characters that break naive text handling: RTL and bidi controls, combining
#: marks, emoji with joiners, NUL and other controls, lone surrogates, Unicode
#: line separators, BOM and non-characters, and the punctuation of Turtle,
#: JSON and SPARQL.
HOSTILE = [
    "\u202e", "\u200f", "\u2067", "مرحبا", "שלום", "e\u0301", "\u0327\u0301\u20dd", "👩\u200d👩\u200d👧", "🏳️\u200d🌈",
    "\x00", "\x07", "\x1b[31m", "\x7f", "\ud800", "\udfff", "\udcff", "\r\n", "\r", "\n", "\u2028", "\u2029",
    "\x85", "\ufeff", "\ufffe", "\uffff", '"', "'", "\\", "{", "}", "<", ">", "^", "`", "|", "@", "#", "%",
    "\"\"\"", "'''", "} ; DROP ALL ; {", "SELECT * WHERE", "FILTER(", "_:b0", "^^xsd:int", "@en", "<http://x/>",
    "ﬁ", "Ⅻ", "ǅ", "İ", "ß", "\u0130\u0307",
]
hostile_text = st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=6), st.characters()), max_size=12).map("".join)
line_end = st.sampled_from(["\n", "\r\n", "\r"])
encoding = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le"])
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


@contextlib.contextmanager
def within(seconds: float):
    """Fail (rather than hang) when the block runs longer than ``seconds``."""
    def expire(*_):
        raise TimeoutError(f"took longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def read_or_clear_error(path, **kwargs):
    """The papers of ``path``, or None after checking the error is one clear line naming the file."""
    with within(20):
        try:
            return list(read_papers([path], **kwargs))
        except KGError as err:
            message = str(err)
            assert "\n" not in message and message.strip() == message and message
            assert display_name(path.name) in message, message
            return None


def assert_clean(papers):
    """What a reader yields holds no control character, lone surrogate or overlong title."""
    for p in papers:
        for text in (p.title, p.abstract, *p.authors, *p.sources, p.url or "", p.date or ""):
            assert not _CONTROL.search(text), repr(text)
            assert text == unicodedata.normalize("NFC", text)
        assert p.title and p.abstract and len(p.title) <= 100_000
        assert p.key.startswith(("arxiv:", "t:"))


def _encode(text: str, codec: str) -> bytes:
    # lone surrogates become the (invalid) bytes a broken writer would produce
    return text.encode(codec, "surrogatepass")


_counter = itertools.count()


@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    return tmp_path_factory.mktemp("hostile")


def _file(scratch, suffix: str, data: bytes):
    path = scratch / f"f{next(_counter)}{suffix}"
    path.write_bytes(data)
    return path


@SETTINGS
@given(data=st.binary(max_size=2000), suffix=st.sampled_from([".txt", ".jsonl", ".json"]),
       fmt=st.sampled_from([None, "listing", "jsonl", "arxiv"]))
def test_hardening_ingest_random_bytes(scratch, data, suffix, fmt):
    papers = read_or_clear_error(_file(scratch, suffix, data), format=fmt)
    assert_clean(papers or ())


@SETTINGS
@given(lines=st.lists(hostile_text, max_size=10), end=line_end, codec=encoding,
       fmt=st.sampled_from([None, "listing"]))
def test_hardening_ingest_hostile_listing(scratch, lines, end, codec, fmt):
    data = _encode(end.join(lines), codec)
    papers = read_or_clear_error(_file(scratch, ".txt", data), format=fmt)
    assert_clean(papers or ())
    assert all(len(p.title) <= MAX_TITLE_CHARS for p in papers or ())


json_value = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | hostile_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(hostile_text, inner, max_size=3),
    max_leaves=8,
)
real_text = hostile_text.map(lambda t: "T " + t)
arxiv_id = st.sampled_from(["1810.04805", "cs/0501001v2", "2104.01234v12", "math.GT/0309136"])
created = st.sampled_from(["Mon, 2 Apr 2007 19:18:42 GMT", "Mon, 2 Apr 99999 19:18:42 GMT", "yesterday", ""])
record = st.fixed_dictionaries(
    {"title": real_text | json_value, "abstract": real_text | json_value},
    optional={"id": arxiv_id | json_value, "url": json_value, "date": st.sampled_from(["2024-02-30", "2024-05"]) | json_value,
              "authors": json_value, "categories": json_value, "update_date": json_value,
              "versions": st.lists(st.fixed_dictionaries({"created": created | json_value}), max_size=2) | json_value},
)


@SETTINGS
@given(records=st.lists(record, max_size=5), end=line_end, codec=encoding, ascii_only=st.booleans(),
       fmt=st.sampled_from([None, "jsonl", "arxiv"]), skip=st.booleans())
def test_hardening_ingest_hostile_json_lines(scratch, records, end, codec, ascii_only, fmt, skip):
    text = end.join(json.dumps(r, ensure_ascii=ascii_only) for r in records)
    path = _file(scratch, ".jsonl", _encode(text, codec))
    papers = read_or_clear_error(path, format=fmt, errors="skip" if skip else "raise")
    assert_clean(papers or ())


@SETTINGS
@given(title=hostile_text, abstract=hostile_text, end=st.sampled_from(["\n", "\r\n"]),
       codec=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_hardening_ingest_any_title_in_valid_json_lines_is_read(scratch, title, abstract, end, codec):
    """JSON escapes every hostile character, so a record with a real title is always read,
    with Unix or Windows line ends, in UTF-8 or UTF-16 with a byte-order mark."""
    title, abstract = "T " + title, "A " + abstract
    line = json.dumps({"title": title, "abstract": abstract})
    path = _file(scratch, ".jsonl", (line + end + line + end).encode(codec))
    with within(20):
        papers = list(read_papers([path]))
    assert len(papers) == 2
    assert_clean(papers)
    assert papers[0].title.split()[0] == "T"


@pytest.fixture(scope="module")
def fifty_megabytes(tmp_path_factory):
    """One line of 50 MB of words, as a listing and as a JSON record."""
    base = tmp_path_factory.mktemp("big")
    words = ("lorem ipsum dolor sit amet consectetur " * 1400)[:2**16]
    body = words * (50 * 2**20 // len(words))
    listing = base / "big.txt"
    listing.write_text(body, encoding="ascii")
    record = base / "big.jsonl"
    record.write_text('{"title": "T", "abstract": "' + body + '"}\n{"title": "Small", "abstract": "ok"}\n',
                      encoding="ascii")
    return listing, record


@pytest.mark.parametrize("which, fmt, skip", [
    (0, None, False), (0, "listing", False), (1, None, False), (1, "jsonl", False), (1, "jsonl", True),
])
def test_hardening_ingest_fifty_megabyte_line(fifty_megabytes, which, fmt, skip):
    path = fifty_megabytes[which]
    papers = read_or_clear_error(path, format=fmt, errors="skip" if skip else "raise")
    if skip:  # the huge record is skipped, the small one read
        assert [p.title for p in papers] == ["Small"]
    else:
        assert papers is None


CASES = {
    "empty.txt": b"",
    "blank.jsonl": b"\n\r\n  \n",
    "bom-only.txt": b"\xef\xbb\xbf",
    "utf16-bom-only.txt": b"\xff\xfe",
    "nul.txt": b"Title\x00\nAbstract\n",
    "latin1.txt": "Café model\nWe present café.\n".encode("latin-1"),
    "utf16-no-bom.jsonl": '{"title": "A", "abstract": "B"}\n'.encode("utf-16-le"),
    "utf16-odd.jsonl": '{"title": "A", "abstract": "B"}\n'.encode("utf-16") + b"\x00",
    "utf16-lone-surrogate.txt": "A model\nWe present A \ud800.\n".encode("utf-16", "surrogatepass"),
    "utf8-lone-surrogate.txt": "A model\nWe present A \ud800.\n".encode("utf-8", "surrogatepass"),
    "deep.jsonl": b'{"title": ' + b"[" * 100_000 + b"\n",
    "deep-second.jsonl": b'{"title": "A", "abstract": "B"}\n{"x": ' + b"[" * 100_000 + b"\n",
    "array.json": b'[{"title": "A", "abstract": "B"}]\n',
    "pretty-array.json": b'[\n  {\n    "title": "A",\n    "abstract": "B"\n  }\n]\n',
    "huge-int.jsonl": b'{"title": ' + b"9" * 10_000 + b', "abstract": "B"}\n',
    "not-object.jsonl": b'{"title": "A", "abstract": "B"}\n[1, 2]\n',
    "elf.txt": b"\x7fELF\x02\x01\x01" + bytes(range(256)) * 8,
    "gzip.jsonl": b"\x1f\x8b\x08\x00" + bytes(range(256)),
    "one-line.txt": b"only a title, no abstract\n",
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_hardening_ingest_hostile_file_is_one_clear_error(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(CASES[name])
    assert read_or_clear_error(path) is None


@pytest.mark.parametrize("name, data, titles", [
    ("crlf.txt", b"Alpha model\r\nWe present alpha.\r\n\r\nBeta net\r\nBeta is good.\r\n", ["Alpha model", "Beta net"]),
    ("cr.txt", b"Alpha model\rWe present alpha.\r", ["Alpha model"]),
    ("utf16.txt", "Alpha \u202emodel\nWe present alpha.\n".encode("utf-16"), ["Alpha \u202emodel"]),
    ("utf16.jsonl", '{"title": "A\u0301", "abstract": "B"}\r\n'.encode("utf-16"), ["\u00c1"]),
    ("utf16be.jsonl", '{"title": "A", "abstract": "B"}\n'.encode("utf-16-be").join([b"\xfe\xff", b""]), ["A"]),
    ("bom.jsonl", b'\xef\xbb\xbf{"title": "A", "abstract": "B"}\n', ["A"]),
    ("escaped.jsonl", b'{"title": "A\\u0000\\ud800\\u202e", "abstract": "B"}\n', ["A\u202e"]),
    ("crlf.jsonl", b'{"title": "A", "abstract": "B"}\r\n{"title": "C", "abstract": "D"}\r\n', ["A", "C"]),
])
def test_hardening_ingest_odd_but_valid_files_parse(tmp_path, name, data, titles):
    path = tmp_path / name
    path.write_bytes(data)
    papers = read_or_clear_error(path)
    assert [p.title for p in papers] == titles
    assert_clean(papers)


@pytest.fixture
def hostile_dir(tmp_path):
    """A directory holding binaries, a good file, symlink loops, broken links and a non-UTF-8 name."""
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "good.jsonl").write_text('{"title": "Alpha", "abstract": "We present Alpha."}\n', encoding="utf-8")
    (root / "sub" / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (root / "sub" / "program.bin").write_bytes(b"\x7fELF" + bytes(1000))
    for a, b in (("a", "b"), ("b", "a")):  # two looping directory links and two looping file links
        os.symlink(root / "sub", root / "sub" / f"loop-{a}")
        os.symlink(root / f"link-{b}.txt", root / f"link-{a}.txt")
    os.symlink(root / "missing.txt", root / "broken.txt")
    os.symlink(root / "good.jsonl", root / "alias.jsonl")
    with open(os.path.join(os.fsencode(root), b"caf\xe9 \xff.txt"), "wb") as handle:
        handle.write(b"Beta net\nWe present Beta.\n")
    return root


def test_hardening_ingest_hostile_directory(hostile_dir):
    with within(20):
        with pytest.raises(FormatError, match="binary"):
            list(read_papers([hostile_dir]))
        papers = list(read_papers([hostile_dir], errors="skip"))
        globbed = list(read_papers([str(hostile_dir / "**" / "*.jsonl")], errors="skip"))
    assert sorted(p.title for p in papers) == ["Alpha", "Beta net"]
    assert [p.sources for p in papers if p.title == "Beta net"] == [("caf\ufffd \ufffd.txt:1",)]
    assert [p.title for p in globbed] == ["Alpha"]
    assert_clean(papers)


@pytest.mark.parametrize("link", ["link-a.txt", "broken.txt"])
def test_hardening_ingest_dangling_link_is_clear_error(hostile_dir, link):
    assert read_or_clear_error(hostile_dir / link) is None


@pytest.mark.parametrize("name", ["empty.txt", "latin1.txt", "deep.jsonl", "array.json", "elf.txt", "utf16-odd.jsonl"])
def test_hardening_ingest_cli_build_bad_file_is_one_stderr_line(tmp_path, capsys, name):
    path = tmp_path / name
    path.write_bytes(CASES[name])
    with within(30):
        code = main(["build", str(path), "--out", str(tmp_path / "out"), "--no-html"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1 and err.startswith("kg: error: ") and name in err, err
    assert "Traceback" not in err
    assert not (tmp_path / "out" / "graph.nt").exists()


def test_hardening_ingest_cli_build_hostile_directory(hostile_dir, tmp_path, capsys):
    with within(60):
        assert main(["build", str(hostile_dir), "--out", str(tmp_path / "bad"), "--no-html"]) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "binary.txt" in err and "Traceback" not in err
        assert main(["build", str(hostile_dir), "--skip-bad", "--out", str(tmp_path / "out"), "--no-html"]) == 0
    assert "2 papers" in capsys.readouterr().out
    assert "caf\ufffd \ufffd.txt:1" in (tmp_path / "out" / "graph.nt").read_text(encoding="utf-8")


def test_hardening_ingest_printable_alphabet_titles_survive(scratch):
    """Every printable ASCII character in a listing title is kept as written."""
    title = "T " + string.punctuation + " end"
    papers = read_or_clear_error(_file(scratch, ".txt", f"{title}\nWe present it.\n".encode()))
    assert [p.title for p in papers] == [title]


@pytest.mark.parametrize("field", ["title", "abstract"])
def test_hardening_ingest_field_of_control_characters_only_is_empty(tmp_path, field):
    """A title or abstract that cleaning leaves empty ("\\x00", " \\r ") is an error in that record, not a crash."""
    record = {"title": "Kept", "abstract": "Kept too.", field: " \x00\r "}
    path = tmp_path / "papers.jsonl"
    path.write_text(json.dumps({"title": "First", "abstract": "Fine."}) + "\n" + json.dumps(record) + "\n",
                    encoding="utf-8")
    with pytest.raises(ParseError, match=rf"papers.jsonl:2: empty '{field}'"):
        list(read_papers([path]))
    assert [p.title for p in read_papers([path], errors="skip")] == ["First"]
