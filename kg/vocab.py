"""RDF namespaces: the project vocabulary (matching ``schema/ontology.ttl``)
and the instance namespace, plus the shared vocabularies we reuse.

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

__all__ = [
    "DCTERMS", "FAIR4ML", "ID", "KG", "OWL", "PREFIXES", "PROV", "RDF", "RDFS",
    "SCHEMA", "SCHEMA_DIR", "SKOS", "XSD",
]

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schema"


class KG(DefinedNamespace):
    """The kg ontology. A misspelled term raises ``AttributeError``."""

    _NS = Namespace("https://w3id.org/lmkg/ns#")
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
ID = Namespace("https://w3id.org/lmkg/id/")
SCHEMA = Namespace("https://schema.org/")
FAIR4ML = Namespace("https://w3id.org/fair4ml#")

#: Prefixes declared in every export and every ``kg query``.
PREFIXES: dict[str, str] = {
    "kg": str(KG._NS),
    "id": str(ID),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "dcterms": str(DCTERMS),
    "prov": str(PROV),
    "skos": str(SKOS),
    "schema": str(SCHEMA),
    "fair4ml": str(FAIR4ML),
    "paper": f"{ID}paper/",
    "model": f"{ID}model/",
    "dataset": f"{ID}dataset/",
    "language": f"{ID}language/",
    "technique": f"{ID}technique/",
    "stmt": f"{ID}stmt/",
}
