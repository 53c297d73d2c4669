"""The project's namespaces and SPARQL prefixes as plain strings, importable without rdflib.

:mod:`kg.vocab` builds its rdflib namespaces from these; ``kg query``,
``kg serve`` and ``kg push`` need only the strings, and start faster for not
importing rdflib (~0.1-0.2 s).

>>> PREFIXES["model"]
'https://w3id.org/lmkg/id/model/'
>>> PREFIXES["kg"] == KG_NS
True
"""
from __future__ import annotations

__all__ = ["FAIR4ML_NS", "ID_NS", "KG_NS", "PREFIXES", "SCHEMA_NS"]

#: The kg ontology (``schema/ontology.ttl``).
KG_NS = "https://w3id.org/lmkg/ns#"
#: Where papers, entities and statements live.
ID_NS = "https://w3id.org/lmkg/id/"
SCHEMA_NS = "https://schema.org/"
FAIR4ML_NS = "https://w3id.org/fair4ml#"

#: Prefixes declared in every export and every ``kg query``.
PREFIXES: dict[str, str] = {
    "kg": KG_NS,
    "id": ID_NS,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "schema": SCHEMA_NS,
    "fair4ml": FAIR4ML_NS,
    "paper": f"{ID_NS}paper/",
    "model": f"{ID_NS}model/",
    "dataset": f"{ID_NS}dataset/",
    "language": f"{ID_NS}language/",
    "technique": f"{ID_NS}technique/",
    "stmt": f"{ID_NS}stmt/",
}
