"""RDF namespaces: the project vocabulary (matching ``schema/ontology.ttl``)
and the instance namespace, plus the shared vocabularies we reuse, as rdflib
namespaces. The same IRIs as plain strings, without importing rdflib, are in
:mod:`kg.prefixes`.

>>> str(KG.distillsFrom)
'https://w3id.org/lmkg/ns#distillsFrom'
>>> KG.distilsFrom  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
AttributeError: term 'distilsFrom' not in namespace 'https://w3id.org/lmkg/ns#'
"""
from __future__ import annotations

from pathlib import Path

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

from kg.prefixes import FAIR4ML_NS, ID_NS, KG_NS, SCHEMA_NS
from kg.prefixes import PREFIXES as _PREFIXES

__all__ = [
    "DCTERMS", "FAIR4ML", "ID", "KG", "OWL", "PREFIXES", "PROV", "RDF", "RDFS",
    "SCHEMA", "SCHEMA_DIR", "SKOS", "XSD",
]

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schema"


class KG(DefinedNamespace):
    """The kg ontology. A misspelled term raises ``AttributeError``."""

    _NS = Namespace(KG_NS)
    _fail = True

    Entity: URIRef
    Paper: URIRef
    Model: URIRef
    Dataset: URIRef
    Language: URIRef
    Technique: URIRef

    introduces: URIRef
    mentions: URIRef
    derivedFrom: URIRef
    distillsFrom: URIRef
    compresses: URIRef
    fineTunedFrom: URIRef
    basedOn: URIRef
    evaluatedOn: URIRef
    trainedOn: URIRef
    forLanguage: URIRef
    usesTechnique: URIRef
    outperforms: URIRef

    evidence: URIRef
    confidence: URIRef
    isoCode: URIRef
    arxivId: URIRef
    sourceListing: URIRef


#: Where papers, entities and statements live: ``ID["model/bert"]``.
ID = Namespace(ID_NS)
SCHEMA = Namespace(SCHEMA_NS)
FAIR4ML = Namespace(FAIR4ML_NS)

#: Prefixes declared in every export and every ``kg query`` (the plain strings of :mod:`kg.prefixes`).
PREFIXES: dict[str, str] = _PREFIXES
