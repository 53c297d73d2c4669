"""The extractor: mentions, then relations, for one paper at a time."""
from __future__ import annotations

from kg.extract.gazetteer import Gazetteer, load_gazetteer
from kg.extract.mentions import MentionFinder
from kg.extract.relations import extract_relations
from kg.model import Extraction, Paper

__all__ = ["Extractor"]


class Extractor:
    """Callable: ``Extractor()(paper) -> Extraction``."""

    def __init__(self, gazetteer: Gazetteer | None = None):
        self.gazetteer = gazetteer or load_gazetteer()
        self.find_mentions = MentionFinder(self.gazetteer)

    def __call__(self, paper: Paper) -> Extraction:
        mentions = self.find_mentions(paper)
        relations = extract_relations(paper, mentions)
        return Extraction(paper, tuple(mentions), tuple(relations))
