"""The curated gazetteer and cue tables: data under ``schema/``, loaded once.

``schema/gazetteer.tsv`` has one entity a line: canonical name, type,
``|``-separated aliases, Wikidata id, arXiv id of the introducing paper, and
flags (``cs``: match the name and its aliases case-sensitively, for names that
are also English words; ``label``: the name is the node's label only, matched
through its aliases, for a name that is also a plain word or verb: "probing" is
named by "probing tasks", not by "probing into the loss surface").
``schema/cues.toml`` holds the cue words of mention finding, discovery and
language contexts.

>>> g = parse_gazetteer(["BERT\\tModel\\tBERT-base\\t\\t1810.04805", "Pile\\tDataset\\t\\t\\t\\tcs"])
>>> [(e.name, e.arxiv) for e in g.entities], sorted(g.exact_case)
([('BERT', '1810.04805'), ('Pile', None)], ['Pile'])
>>> g = parse_gazetteer(["probing\\tTechnique\\tprobing tasks\\t\\t\\tlabel"])
>>> [surface for surface, _ in g.surfaces()]
['probing tasks']
"""
from __future__ import annotations

import re

import tomllib
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from kg.errors import KGError
from kg.model import ENTITY_TYPES, Entity
from kg.vocab import SCHEMA_DIR

__all__ = ["DEFAULT_CUES", "DEFAULT_GAZETTEER", "Gazetteer", "load_cues", "load_gazetteer", "parse_gazetteer"]

DEFAULT_GAZETTEER = SCHEMA_DIR / "gazetteer.tsv"
DEFAULT_CUES = SCHEMA_DIR / "cues.toml"
_FLAGS = {"cs", "label"}


@dataclass(frozen=True)
class Gazetteer:
    entities: tuple[Entity, ...]
    #: surface forms (names and aliases) matched only with their exact case
    exact_case: frozenset[str] = frozenset()
    #: names that are labels only, not looked for in text by the phrase scan (flag ``label``); linking a name
    #: to its node still knows them
    labels: frozenset[str] = frozenset()

    def surfaces(self):
        """Every (surface form, entity) pair: names (but :attr:`labels`) and aliases."""
        for entity in self.entities:
            if entity.name not in self.labels:
                yield entity.name, entity
            for alias in sorted(entity.aliases):
                yield alias, entity

    def extended(self, entities) -> Gazetteer:
        """A gazetteer with ``entities`` added after the curated ones."""
        return replace(self, entities=self.entities + tuple(entities))


#: a prefix papers write both joined and hyphenated: "fine-tuning" / "finetuning", "pre-training" / "pretraining"
_PREFIXED = re.compile(r"\b(fine|pre|multi|re)(?:[- ])?(tun|train|task|rank)", re.IGNORECASE)


def _joined_spellings(surface: str) -> set[str]:
    """The other spellings of a technique's name with a prefix joined or hyphenated (the phrase matcher takes a
    hyphen for a space already).

    >>> sorted(_joined_spellings("supervised fine-tuning")), sorted(_joined_spellings("multitask learning"))
    (['supervised finetuning'], ['multi-task learning'])
    """
    joined = _PREFIXED.sub(r"\1\2", surface)
    hyphened = _PREFIXED.sub(r"\1-\2", surface)
    return {joined, hyphened} - {surface}


def parse_gazetteer(lines, source: str = "<string>") -> Gazetteer:
    entities, exact, labels = [], set(), set()
    seen: dict[tuple[str, str], int] = {}
    for number, line in enumerate(lines, 1):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t") + [""] * 6
        name, etype, aliases, wikidata, arxiv, flags = (c.strip() for c in cols[:6])
        if not name:
            raise KGError(f"{source}:{number}: empty name")
        if etype not in ENTITY_TYPES:
            raise KGError(f"{source}:{number}: unknown entity type {etype!r}")
        if (etype, name) in seen:
            raise KGError(f"{source}:{number}: {etype} {name!r} already defined on line {seen[etype, name]}")
        seen[etype, name] = number
        unknown = set(flags.split(",")) - _FLAGS - {""}
        if unknown:
            raise KGError(f"{source}:{number}: unknown flag(s) {', '.join(sorted(unknown))}")
        alias_set = frozenset(a.strip() for a in aliases.split("|") if a.strip() and a.strip() != name)
        if etype == "Technique":
            alias_set |= {v for a in (name, *alias_set) for v in _joined_spellings(a)} - {name}
        if "cs" in flags:
            exact.update({name, *alias_set})
        if "label" in flags:
            labels.add(name)
        entities.append(Entity(name=name, type=etype, aliases=alias_set,
                               wikidata=wikidata or None, arxiv=arxiv or None))
    return Gazetteer(tuple(entities), frozenset(exact), frozenset(labels))


@lru_cache(maxsize=4)
def load_gazetteer(path: Path | str = DEFAULT_GAZETTEER) -> Gazetteer:
    path = Path(path)
    try:
        with path.open(encoding="utf-8") as handle:
            return parse_gazetteer(handle, str(path))
    except OSError as err:
        raise KGError(f"cannot read gazetteer {path}: {err.strerror}") from err


@lru_cache(maxsize=4)
def load_cues(path: Path | str = DEFAULT_CUES) -> dict:
    """The cue tables of ``schema/cues.toml`` as a dict of sections."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as err:
        raise KGError(f"cannot read cue tables {path}: {err.strerror}") from err
    except tomllib.TOMLDecodeError as err:
        raise KGError(f"{path}: {err}") from err
