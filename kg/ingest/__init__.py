"""Input readers, one module per format, registered here.

>>> sorted(READERS)
['arxiv', 'jsonl', 'listing']
"""
from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.errors import FormatError, KGError
from kg.ingest._text import decode, display_name, normalise_title, paper_key
from kg.ingest.jsonl import looks_like_arxiv, read_arxiv, read_jsonl
from kg.ingest.listing import looks_like_listing, read_listing
from kg.model import Paper

__all__ = [
    "READERS", "PaperMerger", "detect_format", "expand_inputs", "get_reader", "merge_papers",
    "normalise_title", "paper_key", "read_papers",
]

log = logging.getLogger(__name__)

READERS = {"listing": read_listing, "jsonl": read_jsonl, "arxiv": read_arxiv}

#: File endings read when a directory is given.
INPUT_SUFFIXES = (".txt", ".jsonl", ".json", ".ndjson")


def get_reader(name: str):
    """The reader registered under ``name``; a clear error for unknown names."""
    try:
        return READERS[name]
    except KeyError:
        raise KGError(f"unknown input format {name!r}; choose one of {', '.join(sorted(READERS))}") from None


def detect_format(path: Path | str) -> str:
    """Guess a file's format from its first bytes."""
    path = Path(path)
    name = display_name(path)
    with path.open("rb") as handle:
        head = handle.read(65536)
    if not head.strip():
        raise FormatError("empty file", name)
    text = decode(head, name, partial=len(head) == 65536)
    stripped = text.lstrip()
    first, cut = stripped.split("\n", 1)[0], "\n" not in stripped and len(head) == 65536
    if stripped.startswith("{"):
        if cut:  # a first record longer than the head: judge it by its keys
            return "arxiv" if '"versions"' in first else "jsonl"
        try:
            record = json.loads(first)
        except (ValueError, RecursionError):
            record = None
        if isinstance(record, dict):
            return "arxiv" if looks_like_arxiv(record) else "jsonl"
        raise FormatError("starts like JSON but its first line is not a JSON object", name)
    if first.strip() == "[" or (stripped.startswith("[") and _is_json(first)):
        raise FormatError("a JSON array; kg reads JSON Lines (one object per line)", name)
    if looks_like_listing(text):
        return "listing"
    raise FormatError("matches no input format (listing text, JSON lines, arXiv snapshot)", name)


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except (ValueError, RecursionError):
        return False
    return True


def _glob(pattern: str) -> list[Path]:
    """Files matching ``pattern``; ``**`` does not follow symbolic links, so links that loop cannot hang it."""
    parts = Path(pattern).parts
    i = next(i for i, part in enumerate(parts) if any(ch in part for ch in "*?["))
    base = Path(*parts[:i]) if i else Path()
    return [p for p in base.glob("/".join(parts[i:])) if p.is_file()]


def expand_inputs(inputs: Iterable[str | Path]) -> list[Path]:
    """Files named by paths, directories (their input files, recursively) and globs, sorted and unique.

    Symbolic links inside a directory are not followed; a file reached by two
    paths is read once.
    """
    found: dict[Path, Path] = {}
    for item in inputs:
        item = str(item)
        path = Path(item)
        if path.is_dir():
            matches = [sub for sub in path.rglob("*")
                       if sub.suffix.lower() in INPUT_SUFFIXES and sub.is_file() and not sub.is_symlink()]
        elif path.is_file():
            matches = [path]
        elif any(ch in item for ch in "*?["):
            matches = _glob(item)
            if not matches:
                raise KGError(f"{display_name(item)}: no file matches")
        elif path.is_symlink():
            raise KGError(f"{display_name(item)}: a symbolic link to nothing (broken, or a loop)")
        else:
            raise KGError(f"{display_name(item)}: no such file or directory")
        for match in matches:
            found.setdefault(match.resolve(), match)
    return sorted(found.values())


def read_papers(inputs: Iterable[str | Path], format: str | None = None, errors: str = "raise") -> Iterator[Paper]:
    """Stream the papers of every input file, in file order, not yet merged.

    ``errors="skip"`` logs and skips bad records and unreadable files instead of raising.
    """
    for path in expand_inputs(inputs):
        try:
            reader = get_reader(format or detect_format(path))
            yield from reader(path, errors=errors)
        except FormatError as err:
            if errors == "raise":
                raise
            log.warning("skipped %s", err)
        except OSError as err:
            if errors == "raise":
                raise FormatError(f"cannot read: {err.strerror or err}", display_name(path)) from err
            log.warning("skipped %s: %s", display_name(path), err.strerror or err)


class PaperMerger:
    """Merges paper records as they stream in: one paper per identity, held merged.

    Records with the same arXiv id, or the same normalised title, are one
    paper: it takes the arXiv id if any record has one, the longest abstract,
    the first date and URL given, and every source. Merging one record at a
    time gives the same papers as merging all at once, and only the merged
    papers are held.

    >>> m = PaperMerger()
    >>> m.add(Paper("t:bert", "BERT", "Short.", sources=("a:1",)))
    'bert'
    >>> m.add(Paper("arxiv:1810.04805", "BERT", "A longer abstract.", arxiv_id="1810.04805", sources=("b:1",)))
    'bert'
    >>> [(p.key, p.sources) for p in m.papers()]
    [('arxiv:1810.04805', ('a:1', 'b:1'))]
    """

    def __init__(self):
        self.groups: dict[str, Paper] = {}
        self.by_title: dict[str, str] = {}
        self.by_arxiv: dict[str, str] = {}

    def add(self, paper: Paper) -> str:
        """Merge one record; returns the identity (group) it joined."""
        title = normalise_title(paper.title)
        group = (paper.arxiv_id and self.by_arxiv.get(paper.arxiv_id)) or self.by_title.get(title)
        if group is None:
            group = title
            self.groups[group] = paper if _merged_alone(paper, title) else _merge([paper])
        else:
            self.groups[group] = _merge([self.groups[group], paper])
        self.by_title.setdefault(title, group)
        if paper.arxiv_id:
            self.by_arxiv.setdefault(paper.arxiv_id, group)
        return group

    def __len__(self) -> int:
        return len(self.groups)

    def papers(self) -> list[Paper]:
        """The merged papers, sorted by key."""
        return sorted(self.groups.values(), key=lambda p: p.key)


def merge_papers(papers: Iterable[Paper]) -> list[Paper]:
    """One paper per identity (see :class:`PaperMerger`), sorted by key."""
    merger = PaperMerger()
    for paper in papers:
        merger.add(paper)
    return merger.papers()


def _merged_alone(paper: Paper, title: str) -> bool:
    """Whether ``_merge([paper])`` would equal ``paper`` (``title``: its normalised title): skip making it."""
    key = paper_key(paper.title, paper.arxiv_id) if paper.arxiv_id else "t:" + title
    return (paper.key == key and list(paper.sources) == sorted(set(paper.sources))
            and list(paper.categories) == sorted(set(paper.categories)) and isinstance(paper.authors, tuple)
            and all(v is None or v for v in (paper.arxiv_id, paper.url, paper.date)))


def _first(values):
    return next((v for v in values if v), None)


def _merge(records: list[Paper]) -> Paper:
    arxiv = _first(sorted(p.arxiv_id for p in records if p.arxiv_id))
    best = max(records, key=lambda p: (len(p.abstract), p.title))
    sources = tuple(sorted({s for p in records for s in p.sources}))
    return Paper(
        key=paper_key(best.title, arxiv),
        title=best.title,
        abstract=best.abstract,
        arxiv_id=arxiv,
        url=_first(p.url for p in records),
        date=_first(sorted(p.date for p in records if p.date)),
        authors=_first(p.authors for p in records) or (),
        categories=tuple(sorted({c for p in records for c in p.categories})),
        sources=sources,
    )
