"""Readers for JSON Lines: plain paper records and the arXiv metadata snapshot.

Plain records have ``title`` and ``abstract`` and optionally ``id``, ``url``,
``date`` and ``authors``. arXiv snapshot records have ``id``, ``title``,
``abstract``, ``authors`` (one string), ``categories`` (space separated),
``update_date`` and ``versions`` (``[{"version": "v1", "created": "Mon, 2 Apr
2007 19:18:42 GMT"}]``). Files are streamed line by line; a bad record raises
:class:`ParseError` naming file and line, or with ``errors="skip"`` is logged
and skipped.

>>> rec = '{"title": "BERT", "abstract": "We introduce BERT.", "id": "1810.04805"}'
>>> [p.key for p in parse_jsonl([rec])]
['arxiv:1810.04805']
"""
from __future__ import annotations

import io
import json
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from email.utils import parsedate_to_datetime
from pathlib import Path

from kg.errors import FormatError, ParseError
from kg.ingest._text import ARXIV_ID, clean_text, display_name, encoding_of, paper_key
from kg.model import Paper

__all__ = ["parse_arxiv", "parse_jsonl", "read_arxiv", "read_jsonl", "looks_like_arxiv", "iter_json_lines"]

log = logging.getLogger(__name__)

_URL_ARXIV = re.compile(r"arxiv\.org/(?:abs|pdf)/(" + ARXIV_ID.pattern + r")", re.IGNORECASE)
_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?")
#: A JSON line longer than this (characters; bytes in a UTF-8 file) is a bad record, not a paper.
MAX_RECORD_CHARS = 1_000_000


def bounded_lines(handle, limit: int = MAX_RECORD_CHARS) -> Iterator[str | bytes | None]:
    """The lines of an open file, none held longer than ``limit``: ``None`` stands
    for a longer line, whose rest is read past in small pieces.

    >>> list(bounded_lines(io.BytesIO(b"ab\\n" + b"x" * 10 + b"\\ncd"), limit=5))
    [b'ab\\n', None, b'cd']
    """
    while line := handle.readline(limit + 1):
        if len(line) <= limit:
            yield line
            continue
        while line[-1:] not in ("\n", b"\n") and (line := handle.readline(1 << 20)):
            pass
        yield None


def iter_json_lines(lines: Iterable[str | bytes | None], source: str) -> Iterator[tuple[int, dict | ParseError]]:
    """Yield ``(line number, record or the error that line raised)``; blank lines are skipped.

    A ``None`` line (see :func:`bounded_lines`) is a record too long to read.
    """
    for number, raw in enumerate(lines, 1):
        try:
            if raw is None:
                raise ValueError(f"record longer than {MAX_RECORD_CHARS} characters")
            if isinstance(raw, bytes):
                raw = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            if not raw.strip():
                continue
            if len(raw) > MAX_RECORD_CHARS:
                raise ValueError(f"record of {len(raw)} characters is longer than {MAX_RECORD_CHARS}")
            record = json.loads(raw)
            if not isinstance(record, dict):
                raise ValueError(f"expected a JSON object, got {type(record).__name__}")
        except RecursionError:
            yield number, ParseError("JSON nested too deeply", source, number)
        except (ValueError, UnicodeDecodeError) as err:
            yield number, ParseError(str(err).splitlines()[0][:200], source, number)
        else:
            yield number, record


def _text(record: dict, field: str, required: bool = False) -> str | None:
    value = record.get(field)
    if value is None or value == "":
        if required:
            raise ValueError(f"missing '{field}'")
        return None
    if not isinstance(value, (str, int, float)):
        raise ValueError(f"'{field}' must be a string, got {type(value).__name__}")
    text = clean_text(str(value))
    if not text and required:
        raise ValueError(f"empty '{field}' (nothing but white space or control characters)")
    return text or None


def _arxiv_id(value: str | None) -> str | None:
    if value and ARXIV_ID.fullmatch(value.strip()):
        return re.sub(r"v\d+$", "", value.strip())
    return None


def _authors(value) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        parts = re.split(r",\s*|\s+and\s+", value)
    elif isinstance(value, list):
        parts = [" ".join(str(x) for x in reversed(a) if x) if isinstance(a, list) else str(a) for a in value]
    else:
        raise ValueError("'authors' must be a string or a list")
    return tuple(a for a in (clean_text(p) for p in parts) if a)


def _plain(record: dict) -> Paper:
    title = _text(record, "title", required=True)
    abstract = _text(record, "abstract", required=True)
    url = _text(record, "url")
    arxiv = _arxiv_id(_text(record, "id"))
    if not arxiv and url and (m := _URL_ARXIV.search(url)):
        arxiv = _arxiv_id(m.group(1))
    date = _text(record, "date")
    date = m.group(0) if date and (m := _ISO_DATE.match(date)) else None
    return Paper(
        key=paper_key(title, arxiv), title=title, abstract=abstract, arxiv_id=arxiv, url=url,
        date=date, authors=_authors(record.get("authors")),
    )


def _snapshot(record: dict) -> Paper:
    title = _text(record, "title", required=True)
    abstract = _text(record, "abstract", required=True)
    arxiv = _arxiv_id(_text(record, "id", required=True))
    if not arxiv:
        raise ValueError(f"'id' is not an arXiv identifier: {str(record.get('id'))[:40]!r}")
    date = None
    versions = record.get("versions")
    if isinstance(versions, list) and versions and isinstance(versions[0], dict) and versions[0].get("created"):
        try:
            date = parsedate_to_datetime(str(versions[0]["created"])).date().isoformat()
        except (TypeError, ValueError):
            date = None
    if date is None and (updated := _text(record, "update_date")) and (m := _ISO_DATE.match(updated)):
        date = m.group(0)
    categories = tuple((_text(record, "categories") or "").split())
    return Paper(
        key=paper_key(title, arxiv), title=title, abstract=abstract, arxiv_id=arxiv,
        url=f"https://arxiv.org/abs/{arxiv}", date=date,
        authors=_authors(record.get("authors")), categories=categories,
    )


def _parse(convert: Callable[[dict], Paper], lines: Iterable[str | bytes], source: str, errors: str) -> Iterator[Paper]:
    for number, record in iter_json_lines(lines, source):
        if not isinstance(record, ParseError):
            try:
                paper = convert(record)
            except RecursionError:
                record = ParseError("a field is nested too deeply", source, number)
            except ValueError as err:
                record = ParseError(str(err).splitlines()[0][:200], source, number)
            else:
                yield Paper(**{**_fields(paper), "sources": (f"{source}:{number}",)})
                continue
        if errors == "raise":
            raise record
        log.warning("skipped bad record: %s", record)


def _fields(paper: Paper) -> dict:
    return {f: getattr(paper, f) for f in Paper.__slots__}


def parse_jsonl(lines: Iterable[str | bytes], source: str = "<string>", errors: str = "raise") -> Iterator[Paper]:
    """Papers from plain JSON-lines records."""
    return _parse(_plain, lines, source, errors)


def parse_arxiv(lines: Iterable[str | bytes], source: str = "<string>", errors: str = "raise") -> Iterator[Paper]:
    """Papers from arXiv metadata snapshot records."""
    return _parse(_snapshot, lines, source, errors)


def _read(parse, path: Path | str, errors: str) -> Iterator[Paper]:
    path = Path(path)
    name = display_name(path.name)
    with path.open("rb") as handle:
        if encoding_of(handle.peek(2)[:2]) == "utf-8-sig":
            yield from parse(bounded_lines(handle), name, errors)
            return
        # UTF-16 with a BOM: decoded as a stream, so one bad character ends the file
        text = io.TextIOWrapper(handle, encoding="utf-16")
        try:
            yield from parse(bounded_lines(text), name, errors)
        except UnicodeDecodeError as err:
            raise FormatError(f"invalid UTF-16 text ({err.reason})", name) from err
        finally:
            text.detach()


def read_jsonl(path: Path | str, errors: str = "raise") -> Iterator[Paper]:
    """Stream the papers of a plain JSON-lines file."""
    return _read(parse_jsonl, path, errors)


def read_arxiv(path: Path | str, errors: str = "raise") -> Iterator[Paper]:
    """Stream the papers of an arXiv metadata snapshot file."""
    return _read(parse_arxiv, path, errors)


def looks_like_arxiv(record: dict) -> bool:
    return "versions" in record or ("categories" in record and "update_date" in record)
