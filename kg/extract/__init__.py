"""Extraction: find entity mentions and relations in a paper's text.

>>> from kg.model import Paper
>>> ex = Extractor()
>>> p = Paper(key="t:x", title="TinyBERT: Distilling BERT", abstract="We evaluate on GLUE.")
>>> sorted(m.name for m in ex(p).mentions)
['BERT', 'GLUE', 'TinyBERT', 'knowledge distillation']
"""
from __future__ import annotations

from kg.extract.gazetteer import Gazetteer, load_gazetteer
from kg.extract.pipeline import Extractor

__all__ = ["Extractor", "Gazetteer", "load_gazetteer"]
