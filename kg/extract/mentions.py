"""Mention finding: gazetteer phrases and name-shaped tokens.

:class:`PhraseMatcher` runs one Aho-Corasick scan over a paper for every
curated (or learned) surface form. Names that are short or all capitals
(``GLUE``, ``RACE``, ``OPT``) and names flagged ``cs`` in the gazetteer match
with their exact case; the rest match case-insensitively. Model and dataset
names must stand alone as a token: ``BERT`` is not found inside ``KR-BERT``
or ``GottBERT`` (those go to :func:`name_tokens` and linking), while a
technique may end a hyphenated word (``layer-pruning``).

>>> from kg.model import Entity
>>> pm = PhraseMatcher([("BERT", Entity("BERT", "Model")), ("pruning", Entity("pruning", "Technique"))])
>>> [(s, e, ent.name) for s, e, ent in pm.find("KR-BERT and BERT use layer-pruning.")]
[(12, 16, 'BERT'), (21, 34, 'pruning')]
>>> [t for _, _, t in name_tokens("We compare BERT_LARGE, KR-BERT's and LLaMA-2-7B (2.2x).")]
['BERT_LARGE', 'KR-BERT', 'LLaMA-2-7B', '2.2x']
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import ahocorasick

from kg.model import Entity

__all__ = ["PhraseMatcher", "lower_same_length", "name_tokens", "overlaps", "strip_affixes"]

_NAME_TYPES = frozenset({"Model", "Dataset"})
_TOKEN = re.compile(r"[A-Za-z0-9\u00C0-\u024F][\w\-.+'\\\u00C0-\u024F]*[\w+\u00C0-\u024F]|[A-Za-z0-9]")
_POSSESSIVE = re.compile(r"(?:'s|s'|')$")


def lower_same_length(text: str) -> str:
    """``text.lower()``, keeping every character at its offset."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _case_sensitive(surface: str, exact: frozenset[str] | set[str]) -> bool:
    if surface in exact or len(surface) <= 3:
        return True
    return len(surface) <= 5 and not any(c.islower() for c in surface)


def _joined(text: str, i: int, step: int) -> bool:
    """Does a hyphen/underscore/dot at ``i`` glue the word to an alphanumeric one?"""
    j = i + step
    return 0 <= i < len(text) and text[i] in "-_." and 0 <= j < len(text) and text[j].isalnum()


class PhraseMatcher:
    """Longest leftmost non-overlapping gazetteer matches in a text."""

    def __init__(self, pairs: Iterable[tuple[str, Entity]], exact_case: frozenset[str] | set[str] = frozenset()):
        self._folded = ahocorasick.Automaton()
        self._exact = ahocorasick.Automaton()
        self.size = 0
        for surface, entity in pairs:
            automaton, key = ((self._exact, surface) if _case_sensitive(surface, exact_case)
                              else (self._folded, surface.lower()))
            if key and key not in automaton:
                automaton.add_word(key, (len(key), entity, entity.type in _NAME_TYPES))
                self.size += 1
        for automaton in (self._folded, self._exact):
            if len(automaton):
                automaton.make_automaton()

    def find(self, text: str, lowered: str | None = None) -> list[tuple[int, int, Entity]]:
        lowered = lower_same_length(text) if lowered is None else lowered
        found = []
        for automaton, haystack in ((self._folded, lowered), (self._exact, text)):
            if not len(automaton):
                continue
            for last, (length, entity, is_name) in automaton.iter(haystack):
                start, end = last - length + 1, last + 1
                if (start > 0 and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum()):
                    continue
                if is_name and (_joined(text, start - 1, -1) or _joined(text, end, 1)):
                    continue
                found.append((start, end, entity))
        found.sort(key=lambda f: (f[0], f[0] - f[1]))
        out, reach = [], -1
        for start, end, entity in found:
            if start >= reach:
                out.append((start, end, entity))
                reach = end
        return out


def name_tokens(text: str) -> Iterator[tuple[int, int, str]]:
    """Tokens that may be names: with an inner capital, a digit or an underscore.

    A trailing possessive or full stop is left out of the token.
    """
    for match in _TOKEN.finditer(text):
        token = match.group()
        if not (any(c.isdigit() or c == "_" for c in token) or any(c.isupper() for c in token[1:])):
            continue
        start, end = match.span()
        trimmed = _POSSESSIVE.sub("", token).rstrip(".")
        if trimmed:
            yield start, start + len(trimmed), trimmed


def strip_affixes(token: str, modifiers: frozenset[str] | set[str]) -> tuple[int, str]:
    """Drop lower-case words glued by hyphens around a name: ``(offset, core)``.

    >>> strip_affixes("model-CamemBERTav2-designed", {"based"})
    (6, 'CamemBERTav2')
    >>> strip_affixes("RoBERTa-based", {"based"})
    (0, 'RoBERTa')
    >>> strip_affixes("bert-large-uncased", {"based"})
    (0, 'bert-large-uncased')
    """
    parts = token.split("-")
    if len(parts) == 1 or all(p.islower() or p.isdigit() for p in parts):
        return 0, token
    lo, hi = 0, len(parts)
    while hi - lo > 1 and (parts[hi - 1].lower() in modifiers or (parts[hi - 1].isalpha() and parts[hi - 1].islower()
                                                                   and len(parts[hi - 1]) > 3)):
        hi -= 1
    while hi - lo > 1 and parts[lo].isalpha() and parts[lo].islower() and len(parts[lo]) > 3:
        lo += 1
    offset = sum(len(p) + 1 for p in parts[:lo])
    return offset, "-".join(parts[lo:hi])


def overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)
