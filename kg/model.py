"""Frozen values that cross stage boundaries.

A :class:`Paper` comes out of ingest; extraction turns it into
:class:`Mention` and :class:`Relation` values; linking maps mentions to
:class:`Entity` keys. No stage mutates another's objects.

>>> p = Paper(key="t:bert", title="BERT", abstract="We introduce BERT.")
>>> p.text
'BERT\\nWe introduce BERT.'
"""
from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "ENTITY_TYPES",
    "LINEAGE_PREDICATES",
    "PREDICATES",
    "Entity",
    "Extraction",
    "Mention",
    "Paper",
    "Relation",
]

#: Entity types, in the order they are reported.
ENTITY_TYPES = ("Model", "Dataset", "Language", "Technique")

#: Lineage predicates (all sub-properties of ``derivedFrom``).
LINEAGE_PREDICATES = ("distillsFrom", "compresses", "fineTunedFrom", "basedOn")

#: Every entity-to-entity predicate the extractor may produce.
PREDICATES = LINEAGE_PREDICATES + (
    "derivedFrom",
    "evaluatedOn",
    "trainedOn",
    "forLanguage",
    "usesTechnique",
    "outperforms",
)


@dataclass(frozen=True, slots=True)
class Paper:
    """One paper as read from a listing.

    ``key`` is the stable identity: ``arxiv:<id>`` when the arXiv id is known,
    else ``t:<normalised title>``. ``sources`` names every listing the paper
    appeared in (file name and line).
    """

    key: str
    title: str
    abstract: str
    arxiv_id: str | None = None
    url: str | None = None
    date: str | None = None  # ISO 8601 (YYYY-MM-DD or YYYY-MM) when known
    authors: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return f"{self.title}\n{self.abstract}"


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of a paper's text that names an entity.

    ``start``/``end`` are offsets into :attr:`Paper.text`. ``name`` is the
    canonical name the span links to, ``surface`` the text as written.
    """

    surface: str
    name: str
    type: str
    start: int
    end: int
    introduced: bool = False
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Entity:
    """A canonical node: one model, dataset, language or technique."""

    name: str
    type: str
    aliases: frozenset[str] = field(default_factory=frozenset)
    wikidata: str | None = None
    arxiv: str | None = None

    @property
    def key(self) -> tuple[str, str]:
        return (self.type, self.name)


@dataclass(frozen=True, slots=True)
class Relation:
    """A typed edge with its evidence.

    ``subject``/``object`` are ``(type, canonical name)`` pairs, or
    ``("Paper", paper key)`` when the subject is the paper itself.
    """

    subject: tuple[str, str]
    predicate: str
    object: tuple[str, str]
    paper: str
    sentence: str
    confidence: float


@dataclass(frozen=True, slots=True)
class Extraction:
    """What extraction found in one paper: linked mentions and relations."""

    paper: Paper
    mentions: tuple[Mention, ...] = ()
    relations: tuple[Relation, ...] = ()
