"""Reader for saved listing pages of papers (plain text).

Three layouts are understood, and mixtures of them:

1. a title line, then an abstract line;
2. title, blank line, abstract, blank line;
3. title, abstract, an ``• N authors`` line, a ``·`` line and a date line
   (``Aug 13 1``: date and up-votes; ``May 8, 2024``).

Page chrome ("Get trending papers...", "Subscribe" glued to the first title,
"byAK and the research community", a bare date above the first paper) is
skipped.

>>> text = "Subscribe\\nBERT: Deep Bidirectional Transformers\\nWe introduce BERT."
>>> [p.title for p in parse_listing(text, "page.txt")]
['BERT: Deep Bidirectional Transformers']
"""
from __future__ import annotations

import logging
import re
from datetime import date
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.errors import FormatError
from kg.ingest._text import clean_text, display_name, paper_key, read_text
from kg.model import Paper

__all__ = ["looks_like_listing", "parse_listing", "read_listing"]

log = logging.getLogger(__name__)

_CHROME = re.compile(
    r"^(new|subscribe|daily papers|trending papers|"
    r"get trending papers in your email inbox( once a day)?!?|"
    r"by\s*ak and the research community)$",
    re.IGNORECASE,
)
_GLUED_SUBSCRIBE = re.compile(r"^Subscribe(?=[A-Z0-9\"'(\[])")
_AUTHORS = re.compile(r"^[•·*\-]?\s*\d+\s+authors?$", re.IGNORECASE)
_MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
_DATE = re.compile(rf"^(?P<mon>{_MONTHS})\w*\.? (?P<day>\d{{1,2}})(?:, (?P<year>\d{{4}}))?(?: \d+)?$")
_MONTH_NUM = {m: i for i, m in enumerate(("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), 1)}
#: A title is a single line; anything longer is prose, not a title.
MAX_TITLE_CHARS = 400


def _is_meta(line: str) -> bool:
    return line in {"·", "•"} or bool(_AUTHORS.match(line))


def _date(line: str) -> tuple[bool, str | None]:
    """(is a date line, ISO date when the year is given)."""
    m = _DATE.match(line)
    if not m:
        return False, None
    if not m["year"]:
        return True, None
    try:
        return True, date(int(m["year"]), _MONTH_NUM[m["mon"][:3]], int(m["day"])).isoformat()
    except ValueError:
        return True, None


def parse_listing(text: str, source: str = "<string>") -> Iterator[Paper]:
    """Yield the papers of one listing page held in ``text``.

    ``source`` names the listing; each paper records ``source:line``.
    """
    pending: tuple[int, str] | None = None  # (line number, title) waiting for its abstract
    current: dict | None = None  # the last complete paper, waiting for its metadata
    seen_paper = False

    def finish() -> Iterator[Paper]:
        nonlocal current
        if current is not None:
            yield Paper(
                key=paper_key(current["title"]),
                title=current["title"],
                abstract=current["abstract"],
                date=current.get("date"),
                sources=(f"{source}:{current['line']}",),
            )
            current = None

    for number, raw in enumerate(text.splitlines(), 1):
        line = clean_text(raw)
        if not line:
            continue
        if not seen_paper and pending is None:
            line = _GLUED_SUBSCRIBE.sub("", line)
            if _CHROME.match(line) or _date(line)[0]:
                continue
        if _is_meta(line):
            continue
        is_date, iso = _date(line)
        if is_date and pending is None:
            if current is not None and iso:
                current["date"] = iso
            continue
        if pending is None:
            if len(line) > MAX_TITLE_CHARS:
                if current is not None:  # a second paragraph of the previous abstract
                    current["abstract"] += " " + line
                else:
                    log.warning("%s:%d: line of %d characters is too long for a title; skipped", source, number, len(line))
                continue
            yield from finish()
            pending = (number, line)
        else:
            seen_paper = True
            current = {"line": pending[0], "title": pending[1], "abstract": line}
            pending = None
    yield from finish()
    if pending is not None:
        log.warning("%s:%d: title without an abstract skipped: %.60s", source, pending[0], pending[1])


def looks_like_listing(text: str) -> bool:
    """True when ``text`` holds at least one title/abstract pair."""
    return next(parse_listing(text[:200_000]), None) is not None


def read_listing(path: Path | str, errors: str = "raise") -> Iterable[Paper]:
    """Read one listing file. Raises :class:`FormatError` if it holds no paper."""
    path = Path(path)
    papers = list(parse_listing(read_text(path), display_name(path.name)))
    if not papers:
        raise FormatError("no title/abstract pairs found: not a listing", display_name(path))
    return papers
