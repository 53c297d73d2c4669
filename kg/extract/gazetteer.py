"""The curated gazetteer: canonical names, types, aliases and external ids.

The data lives in ``schema/gazetteer.tsv``; this module only loads it.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.errors import KGError
from kg.model import ENTITY_TYPES, Entity
from kg.vocab import SCHEMA_DIR

__all__ = ["DEFAULT_GAZETTEER", "Gazetteer", "load_gazetteer"]

DEFAULT_GAZETTEER = SCHEMA_DIR / "gazetteer.tsv"


@dataclass(frozen=True)
class Gazetteer:
    entities: tuple[Entity, ...]

    def surfaces(self):
        """Every (surface form, entity) pair: names and aliases."""
        for entity in self.entities:
            yield entity.name, entity
            for alias in sorted(entity.aliases):
                yield alias, entity


def parse_gazetteer(lines, source: str = "<string>") -> Gazetteer:
    entities = []
    for number, line in enumerate(lines, 1):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t") + [""] * 5
        name, etype, aliases, wikidata, arxiv = (c.strip() for c in cols[:5])
        if etype not in ENTITY_TYPES:
            raise KGError(f"{source}:{number}: unknown entity type {etype!r}")
        entities.append(Entity(
            name=name, type=etype,
            aliases=frozenset(a.strip() for a in aliases.split("|") if a.strip()),
            wikidata=wikidata or None, arxiv=arxiv or None,
        ))
    return Gazetteer(tuple(entities))


@lru_cache(maxsize=4)
def load_gazetteer(path: Path | str = DEFAULT_GAZETTEER) -> Gazetteer:
    path = Path(path)
    with path.open(encoding="utf-8") as handle:
        return parse_gazetteer(handle, str(path))
