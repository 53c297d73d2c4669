"""Sentence splitting for titles and abstracts."""
from __future__ import annotations

import re

__all__ = ["split_sentences"]

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9])")


def split_sentences(text: str) -> list[tuple[int, str]]:
    """``(offset, sentence)`` pairs covering ``text``.

    >>> split_sentences("We use BERT. It works.")
    [(0, 'We use BERT.'), (13, 'It works.')]
    """
    out, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        out.append((start, text[start:m.start()]))
        start = m.end()
    if start < len(text):
        out.append((start, text[start:]))
    return out
