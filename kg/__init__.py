"""kg: a knowledge graph of language-model research.

>>> import kg
>>> result = kg.build(out="out")  # doctest: +SKIP
>>> result.papers  # doctest: +SKIP
576
"""
from kg.build import BuildResult, build
from kg.errors import FormatError, GraphNotFoundError, KGError, ParseError, QueryError
from kg.model import Entity, Extraction, Mention, Paper, Relation

__all__ = [
    "BuildResult", "Entity", "Extraction", "FormatError", "GraphNotFoundError", "KGError",
    "Mention", "Paper", "ParseError", "QueryError", "Relation", "build",
]
__version__ = "0.1.0"
