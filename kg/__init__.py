"""kg: a knowledge graph of language-model research.

>>> import kg
>>> result = kg.build(out="out")  # doctest: +SKIP
>>> result.papers  # doctest: +SKIP
576
>>> g = kg.load(result)  # or kg.load("out"): SPARQL, networkx, lookups  # doctest: +SKIP
>>> g.entity("TinyBERT").type  # doctest: +SKIP
'Model'

``kg.build``, ``kg.BuildResult``, ``kg.load``, ``kg.Graph`` and ``kg.Rows``
(:mod:`kg.api`) are imported on first use: the build
pulls in networkx, pyvis and the extractors (~0.7 s), which ``kg query`` and
``kg serve`` never need.
"""
import importlib
import sys
import types

from kg.errors import FormatError, GraphNotFoundError, KGError, ParseError, QueryError
from kg.model import Entity, Extraction, Mention, Paper, Relation

__all__ = [
    "BuildResult", "Entity", "Extraction", "FormatError", "Graph", "GraphNotFoundError", "KGError",
    "Mention", "Paper", "ParseError", "QueryError", "Relation", "Rows", "build", "load",
]
__version__ = "0.1.0"

_LAZY = {"build": "kg.build", "BuildResult": "kg.build", "load": "kg.api", "Graph": "kg.api", "Rows": "kg.api"}


class _Package(types.ModuleType):
    """``kg`` itself: resolves ``_LAZY`` names on first use. The submodule
    ``kg.build`` must not shadow the function ``kg.build`` once imported."""

    def __getattr__(self, name: str):
        if name not in _LAZY:
            raise AttributeError(f"module 'kg' has no attribute {name!r}")
        value = getattr(importlib.import_module(_LAZY[name]), name)
        super().__setattr__(name, value)
        return value

    def __setattr__(self, name: str, value) -> None:
        if name in _LAZY and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
