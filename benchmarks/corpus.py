"""Synthetic corpora for the benchmarks: the bundled corpus, recombined.

Each synthetic paper takes a title and four to nine abstract sentences drawn
from the bundled corpus, with every model-shaped name (``TinyBERT``,
``XLM-R``, ``GPT-2``) swapped for another name of the corpus, and a unique
arXiv-style id. The same ``seed`` gives the same file. ``fmt="arxiv"``
writes the records of the arXiv metadata snapshot instead (``authors`` one
string, ``categories``, ``versions``, ``update_date``).

>>> import io
>>> buf = io.StringIO()
>>> write_corpus(3, buf, seed=1)
3
>>> len(buf.getvalue().splitlines())
3
"""
from __future__ import annotations

import json
import random
import re
from functools import lru_cache
from pathlib import Path
from typing import TextIO

from kg.build import DEFAULT_CORPUS
from kg.extract.sentences import split_sentences
from kg.ingest import merge_papers, read_papers

__all__ = ["corpus_parts", "write_corpus"]

#: Model-shaped tokens: an upper-case letter, and another capital, digit or hyphen inside.
_NAME = re.compile(r"\b[A-Z][A-Za-z]*(?:[A-Z][A-Za-z]*|-?[0-9][A-Za-z0-9.]*|-[A-Z][A-Za-z0-9]*)\b")


@lru_cache(maxsize=1)
def corpus_parts(corpus: Path = DEFAULT_CORPUS) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """(titles, abstract sentences, names) of the bundled corpus, sorted."""
    papers = merge_papers(read_papers([corpus]))
    titles = sorted({p.title for p in papers})
    sentences = sorted({s for p in papers for _, s in split_sentences(p.abstract) if len(s) > 20})
    names = sorted({m for text in titles + sentences for m in _NAME.findall(text)})
    return tuple(titles), tuple(sentences), tuple(names)


def _recombine(text: str, names: tuple[str, ...], rng: random.Random) -> str:
    return _NAME.sub(lambda m: rng.choice(names) if rng.random() < 0.7 else m.group(0), text)


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_CATEGORIES = ("cs.CL", "cs.LG", "cs.AI", "cs.CV", "stat.ML")


def write_corpus(n: int, out: TextIO, seed: int = 0, fmt: str = "jsonl") -> int:
    """Write ``n`` synthetic paper records to ``out`` (``fmt``: ``jsonl`` or ``arxiv``); returns ``n``."""
    if fmt not in ("jsonl", "arxiv"):
        raise ValueError(f"unknown corpus format {fmt!r}")
    titles, sentences, names = corpus_parts()
    rng = random.Random(seed)
    for i in range(n):
        title = f"{_recombine(rng.choice(titles), names, rng)} {i}"
        abstract = " ".join(_recombine(s, names, rng) for s in rng.sample(sentences, rng.randint(4, 9)))
        year, month = 2000 + (i // 1_000_000) % 30, 1 + (i // 99_999) % 12
        arxiv = f"{year % 100:02d}{month:02d}.{i % 99_999 + 1:05d}"
        authors = [f"Author {rng.randint(1, 5000)}" for _ in range(rng.randint(1, 4))]
        if fmt == "arxiv":
            record = {"id": arxiv, "submitter": authors[0], "authors": ", ".join(authors), "title": title,
                      "comments": None, "journal-ref": None, "doi": None, "report-no": None,
                      "categories": " ".join(rng.sample(_CATEGORIES, 2)), "license": None,
                      "abstract": f"  {abstract}\n", "update_date": f"{year}-{month:02d}-15",
                      "versions": [{"version": "v1", "created": f"Mon, {1 + i % 28} {_MONTHS[month - 1]} {year} "
                                                                f"10:00:00 GMT"}],
                      "authors_parsed": [[a.split()[1], a.split()[0], ""] for a in authors]}
        else:
            record = {"id": arxiv, "title": title, "abstract": abstract, "date": f"{year}-{month:02d}-01",
                      "authors": authors}
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return n
