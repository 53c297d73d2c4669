"""A first extractor: gazetteer names matched on word boundaries."""
from __future__ import annotations

import re

import ahocorasick

from kg.extract.gazetteer import Gazetteer, load_gazetteer
from kg.model import Extraction, Mention, Paper, Relation

__all__ = ["Extractor", "split_sentences"]

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9])")

#: Paper -> entity relation implied by an entity type being named.
_PAPER_RELATION = {"Dataset": "evaluatedOn", "Language": "forLanguage", "Technique": "usesTechnique"}


def split_sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pairs."""
    out, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        out.append((start, text[start:m.start()]))
        start = m.end()
    if start < len(text):
        out.append((start, text[start:]))
    return out


class Extractor:
    def __init__(self, gazetteer: Gazetteer | None = None):
        self.gazetteer = gazetteer or load_gazetteer()
        self._automaton = ahocorasick.Automaton()
        for surface, entity in self.gazetteer.surfaces():
            self._automaton.add_word(surface.casefold(), (len(surface), entity))
        self._automaton.make_automaton()

    def __call__(self, paper: Paper) -> Extraction:
        text = paper.text
        folded = text.casefold()
        mentions = []
        for end, (length, entity) in self._automaton.iter(folded):
            start = end - length + 1
            if (start > 0 and folded[start - 1].isalnum()) or (end + 1 < len(folded) and folded[end + 1].isalnum()):
                continue
            introduced = start == 0 and text[end + 1:end + 2] == ":"
            mentions.append(Mention(text[start:end + 1], entity.name, entity.type, start, end + 1, introduced))
        mentions.sort(key=lambda m: (m.start, -m.end))
        relations = []
        for offset, sentence in [(0, paper.title)] + [(len(paper.title) + 1 + o, s) for o, s in split_sentences(paper.abstract)]:
            for m in mentions:
                if offset <= m.start < offset + len(sentence) and m.type in _PAPER_RELATION:
                    relations.append(Relation(("Paper", paper.key), _PAPER_RELATION[m.type], (m.type, m.name), paper.key, sentence, 0.5))
        return Extraction(paper, tuple(mentions), tuple(dict.fromkeys(relations)))
