"""SHACL validation of a built graph against ``schema/shapes.ttl``."""
from __future__ import annotations

from pathlib import Path

import rdflib

from kg.vocab import SCHEMA_DIR

__all__ = ["SHAPES", "validate"]

SHAPES = SCHEMA_DIR / "shapes.ttl"


def validate(data: rdflib.Graph | Path | str) -> tuple[bool, int, str]:
    """``(conforms, number of violations, report text)`` for a graph or an RDF file."""
    import pyshacl

    if not isinstance(data, rdflib.Graph):
        path = Path(data)
        data = rdflib.Graph().parse(path, format="nt" if path.suffix == ".nt" else None)
    conforms, report, text = pyshacl.validate(
        data, shacl_graph=rdflib.Graph().parse(SHAPES), inference="none", allow_warnings=True
    )
    violations = len(set(report.subjects(rdflib.RDF.type, rdflib.URIRef("http://www.w3.org/ns/shacl#ValidationResult"))))
    return bool(conforms), violations, text
