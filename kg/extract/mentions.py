"""Mention finding: gazetteer names matched on word boundaries."""
from __future__ import annotations

import ahocorasick

from kg.extract.gazetteer import Gazetteer
from kg.model import Mention, Paper

__all__ = ["MentionFinder"]


class MentionFinder:
    """Finds the linked mentions of a paper's text."""

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self._automaton = ahocorasick.Automaton()
        for surface, entity in gazetteer.surfaces():
            self._automaton.add_word(surface.casefold(), (len(surface), entity))
        self._automaton.make_automaton()

    def __call__(self, paper: Paper) -> list[Mention]:
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
        return mentions
