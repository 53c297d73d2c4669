"""Relation extraction: typed edges with their evidence sentence."""
from __future__ import annotations

from kg.extract.sentences import split_sentences
from kg.model import Mention, Paper, Relation

__all__ = ["extract_relations", "paper_sentences"]

#: Paper -> entity relation implied by an entity type being named.
_PAPER_RELATION = {"Dataset": "evaluatedOn", "Language": "forLanguage", "Technique": "usesTechnique"}


def paper_sentences(paper: Paper) -> list[tuple[int, str]]:
    """``(offset into paper.text, sentence)``: the title, then the abstract's sentences."""
    base = len(paper.title) + 1
    return [(0, paper.title)] + [(base + o, s) for o, s in split_sentences(paper.abstract)]


def extract_relations(paper: Paper, mentions: list[Mention]) -> list[Relation]:
    relations = []
    for offset, sentence in paper_sentences(paper):
        for m in mentions:
            if offset <= m.start < offset + len(sentence) and m.type in _PAPER_RELATION:
                relations.append(Relation(("Paper", paper.key), _PAPER_RELATION[m.type], (m.type, m.name),
                                          paper.key, sentence, 0.5))
    return list(dict.fromkeys(relations))
