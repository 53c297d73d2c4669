"""What changed between two builds, and the store change an update makes.

:func:`diff_builds` compares two build directories node by node and edge by
edge (as :func:`kg.load.load_graph` reads them back): papers, entities and
edges added and removed, each edge with its evidence; papers and entities
in both whose fields changed (title, abstract, date, authors, sources;
aliases and external ids), each field old and new; and the evidence added
to or removed from edges in both. :func:`diff_lines` compares two
sorted N-Triples files line by line in one streaming pass;
:func:`update_store` applies that difference to a store in one transaction.

>>> list(diff_lines(["<a> <p> <b> .\\n", "<c> <p> <d> .\\n"], ["<c> <p> <d> .\\n", "<e> <p> <f> .\\n"]))
[('-', '<a> <p> <b> .\\n'), ('+', '<e> <p> <f> .\\n')]
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from kg.graph import EVIDENCE, KIND, NAME, PAPER

__all__ = ["BuildDiff", "diff_builds", "diff_graphs", "diff_lines", "format_diff", "update_store"]

#: Changed triples above which an update loads a fresh store instead of changing it in place.
STORE_UPDATE_LIMIT = 200_000


def diff_lines(old: Iterable[str], new: Iterable[str]) -> Iterator[tuple[str, str]]:
    """``("-", line)`` / ``("+", line)`` for the lines only in ``old`` / only in ``new`` (both sorted, unique)."""
    old, new = iter(old), iter(new)
    a, b = next(old, None), next(new, None)
    while a is not None or b is not None:
        if b is None or (a is not None and a < b):
            yield "-", a
            a = next(old, None)
        elif a is None or b < a:
            yield "+", b
            b = next(new, None)
        else:
            a, b = next(old, None), next(new, None)


def _lines(path: Path) -> Iterator[str]:
    with path.open(encoding="utf-8", newline="\n") as handle:
        yield from handle


def update_store(store_dir: Path, old_nt: Path, new_nt: Path, limit: int = STORE_UPDATE_LIMIT) -> int:
    """Change the store in ``store_dir`` from ``old_nt``'s triples to ``new_nt``'s; returns the triples changed.

    One SPARQL update (one transaction): on failure the store is as it was.
    Past ``limit`` changed triples a fresh store is loaded and swapped in.
    """
    from kg.store import build_store

    removed, added = [], []
    for sign, line in diff_lines(_lines(old_nt), _lines(new_nt)):
        (removed if sign == "-" else added).append(line)
        if len(removed) + len(added) > limit:
            build_store(new_nt, store_dir.parent)
            return -1
    if removed or added:
        store = ox.Store(str(store_dir))
        try:
            store.update(f"DELETE DATA {{\n{''.join(removed)}}} ;\nINSERT DATA {{\n{''.join(added)}}}")
            store.flush()
        finally:
            del store
    return len(removed) + len(added)


@dataclass
class BuildDiff:
    """Papers, entities and edges added and removed; papers and entities changed; evidence added and
    removed on kept edges."""

    papers: dict[str, list[dict]] = field(default_factory=lambda: {"added": [], "removed": [], "changed": []})
    entities: dict[str, list[dict]] = field(default_factory=lambda: {"added": [], "removed": [], "changed": []})
    edges: dict[str, list[dict]] = field(default_factory=lambda: {"added": [], "removed": []})
    evidence: dict[str, list[dict]] = field(default_factory=lambda: {"added": [], "removed": []})

    def as_dict(self) -> dict:
        return {"papers": self.papers, "entities": self.entities, "edges": self.edges, "evidence": self.evidence}

    def empty(self) -> bool:
        return not any(v for part in self.as_dict().values() for v in part.values())


def _node(graph: nx.MultiDiGraph, node: str) -> dict:
    data = graph.nodes[node]
    if data[KIND] == "Paper":
        return {"key": data[PAPER].key, "title": data[NAME]}
    return {"type": data[KIND], "name": data[NAME]}


def _label(graph: nx.MultiDiGraph, node: str) -> str:
    data = graph.nodes[node]
    return f"paper {data[PAPER].key}" if data[KIND] == "Paper" else f"{data[KIND]} {data[NAME]}"


def _evidence(ev) -> dict:
    return {"paper": ev.paper, "sentence": ev.sentence, "confidence": round(ev.confidence, 3)}


_PAPER_FIELDS = ("title", "abstract", "arxiv_id", "url", "date", "authors", "sources")
_ENTITY_FIELDS = ("aliases", "wikidata", "arxiv", "iso")


def _fields(data: dict) -> dict:
    if data[KIND] == "Paper":
        paper = data[PAPER]
        values = {f: getattr(paper, f) for f in _PAPER_FIELDS}
    else:
        values = {f: data.get(f) for f in _ENTITY_FIELDS}
    return {f: list(v) if isinstance(v, tuple) else v for f, v in values.items()}


def _changes(old: nx.MultiDiGraph, new: nx.MultiDiGraph, node: str) -> dict | None:
    """``{field: {"old": .., "new": ..}}`` for the fields of ``node`` that differ, or None."""
    a, b = _fields(old.nodes[node]), _fields(new.nodes[node])
    changed = {f: {"old": a[f], "new": b[f]} for f in a if a[f] != b.get(f)}
    return {**_node(new, node), "changes": changed} if changed else None


def diff_graphs(old: nx.MultiDiGraph, new: nx.MultiDiGraph) -> BuildDiff:
    """The difference between two graphs of :mod:`kg.graph`'s shape."""
    d = BuildDiff()
    for node in sorted(n for n in new if n in old):
        if (change := _changes(old, new, node)) is not None:
            (d.papers if new.nodes[node][KIND] == "Paper" else d.entities)["changed"].append(change)
    for sign, a, b in (("removed", old, new), ("added", new, old)):
        for node in sorted(n for n in a if n not in b):
            part = d.papers if a.nodes[node][KIND] == "Paper" else d.entities
            part[sign].append(_node(a, node))
        for u, v, k, data in sorted(a.edges(keys=True, data=True), key=lambda e: e[:3]):
            edge = {"subject": _label(a, u), "predicate": k, "object": _label(a, v)}
            if not b.has_edge(u, v, k):
                d.edges[sign].append({**edge, "evidence": [_evidence(ev) for ev in data[EVIDENCE]]})
                continue
            other = set(b.edges[u, v, k][EVIDENCE])
            d.evidence[sign] += [{**edge, **_evidence(ev)} for ev in data[EVIDENCE] if ev not in other]
    return d


def diff_builds(old: Path | str, new: Path | str) -> BuildDiff:
    """The difference between the builds in two output directories."""
    from kg.load import load_graph

    return diff_graphs(load_graph(old), load_graph(new))


def format_diff(d: BuildDiff, fmt: str = "text") -> str:
    """The difference as ``text`` (one line per change, ``+``/``-``) or ``json``."""
    if fmt == "json":
        return json.dumps(d.as_dict(), indent=2, ensure_ascii=False)
    lines = []
    for what, part in (("paper", d.papers), ("entity", d.entities)):
        for c in part["changed"]:
            name = f"paper {c['key']}" if what == "paper" else f"{c['type']} {c['name']}"
            lines.append(f"~ {name}: " + ", ".join(sorted(c["changes"])) + " changed")
            lines += [f"    {f}: {_short(v['old'])} -> {_short(v['new'])}" for f, v in sorted(c["changes"].items())]
    for sign, mark in (("removed", "-"), ("added", "+")):
        lines += [f"{mark} paper {p['key']}: {p['title']}" for p in d.papers[sign]]
        lines += [f"{mark} {e['type']} {e['name']}" for e in d.entities[sign]]
        for e in d.edges[sign]:
            lines.append(f"{mark} {e['subject']} {e['predicate']} {e['object']}")
            lines += [f"    {ev['paper']} ({ev['confidence']:.3f}): {ev['sentence']}" for ev in e["evidence"]]
        for e in d.evidence[sign]:
            lines.append(f"{mark} evidence of {e['subject']} {e['predicate']} {e['object']}")
            lines.append(f"    {e['paper']} ({e['confidence']:.3f}): {e['sentence']}")
    counts = ", ".join(f"{what} +{len(part['added'])} -{len(part['removed'])}"
                       + (f" ~{len(part['changed'])}" if "changed" in part else "")
                       for what, part in d.as_dict().items())
    return "\n".join(lines + [counts])


def _short(value, limit: int = 80) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[:limit - 1] + "\u2026"
