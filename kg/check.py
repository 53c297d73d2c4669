"""Consistency report over a build: what no single sentence can catch.

:func:`check` looks at the whole graph for

- ``cycle``: lineage that loops (A derived from B derived from A);
- ``parent-later``: a parent introduced later than its child, by the
  ``dcterms:date`` of the papers introducing each (the earliest one where
  several do; compared at the precision both dates share). A child also
  existed by the date of any paper stating its lineage, so a parent
  introduced after such a paper is found too;
- ``type-conflict``: one name (labels folded by :func:`kg.link.normalize`)
  under two entity types, i.e. papers that disagree on what it is, or one
  entity carrying two types;
- ``outperforms-parent``: a model that both ``outperforms`` and is
  ``derivedFrom`` the same model.

Each finding names the entities and the evidence (paper, sentence) behind it.

>>> report = check("out")  # doctest: +SKIP
>>> [f.kind for f in report.findings]  # doctest: +SKIP
['cycle', 'parent-later']
>>> print(format_report(report))  # doctest: +SKIP
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field

import networkx as nx

from kg.errors import KGError
from kg.lineage import LINEAGE_RELATIONS, open_source, select
from kg.link import normalize
from kg.model import ENTITY_TYPES

__all__ = ["CHECKS", "CheckFailed", "Finding", "Report", "check", "format_report"]

#: Every kind of finding, in the order reported.
CHECKS = ("cycle", "parent-later", "type-conflict", "outperforms-parent")
_KG = "https://w3id.org/lmkg/ns#"
_ORDER = {t: i for i, t in enumerate(ENTITY_TYPES)}
_TYPES = "VALUES ?type { kg:Model kg:Dataset kg:Language kg:Technique }"
_VALUES_LINEAGE = "VALUES ?how { " + " ".join(f"kg:{p}" for p in LINEAGE_RELATIONS) + " }"


class CheckFailed(KGError):
    """``kg check --strict`` found something."""


@dataclass(frozen=True, slots=True)
class Finding:
    """One inconsistency: its ``kind`` (one of :data:`CHECKS`), a one-line ``message``,
    the entities involved (IRI -> label) and the evidence: ``(subject, relation,
    object, paper title, sentence)`` for each edge involved, or ``(entity, type,
    paper title)`` for a type conflict."""

    kind: str
    message: str
    entities: tuple[tuple[str, str], ...] = ()
    evidence: tuple[tuple[str | None, ...], ...] = ()

    def to_dict(self) -> dict:
        return {"kind": self.kind, "message": self.message,
                "entities": [{"iri": i, "label": label} for i, label in self.entities],
                "evidence": [list(e) for e in self.evidence]}


@dataclass(frozen=True, slots=True)
class Report:
    """The findings of :func:`check` and how much was looked at."""

    findings: tuple[Finding, ...] = ()
    checked: dict = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.findings)

    def by_kind(self) -> dict[str, list[Finding]]:
        found: dict[str, list[Finding]] = {k: [] for k in CHECKS}
        for f in self.findings:
            found[f.kind].append(f)
        return found

    def to_dict(self) -> dict:
        return {"findings": [f.to_dict() for f in self.findings],
                "counts": {k: len(v) for k, v in self.by_kind().items()}, "checked": self.checked}


# -- queries (constant text: nothing of the user's enters them) ---------------

_EDGES = f"""
SELECT ?child ?how ?parent WHERE {{ ?child ?how ?parent . {_VALUES_LINEAGE} }}"""
_OUTPERFORMS = "SELECT ?a ?b WHERE { ?a kg:outperforms ?b . ?a kg:derivedFrom ?b }"
_LABELS = f"""
SELECT ?entity ?type ?label WHERE {{
  ?entity a ?type . {_TYPES}
  {{ ?entity skos:prefLabel ?label }} UNION {{ ?entity skos:altLabel ?label }}
}}"""
_PREF = f"SELECT ?entity ?label WHERE {{ ?entity a ?type ; skos:prefLabel ?label . {_TYPES} }}"
_INTRODUCED = "SELECT ?entity ?date WHERE { ?paper kg:introduces ?entity ; dcterms:date ?date }"
_STATEMENTS = """
SELECT ?s ?p ?o ?title ?date ?paper ?evidence WHERE {
  ?st a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; prov:wasDerivedFrom ?paper .
  VALUES ?p { kg:distillsFrom kg:compresses kg:fineTunedFrom kg:basedOn kg:derivedFrom kg:outperforms }
  OPTIONAL { ?st kg:evidence ?evidence }
  OPTIONAL { ?paper dcterms:title ?title }
  OPTIONAL { ?paper dcterms:date ?date }
}"""
_NAMED_BY = "SELECT ?entity ?title WHERE { ?paper kg:mentions ?entity ; dcterms:title ?title }"


def _later(a: str, b: str) -> bool:
    """Whether date ``a`` is after date ``b`` at the precision both have (``2019`` is not after ``2019-05``)."""
    n = min(len(a), len(b))
    return a[:n] > b[:n]


def _earlier(a: str, b: str) -> bool:
    """Whether date ``a`` is before ``b``; at equal shared precision the more precise one counts as earlier.

    >>> _earlier("2019-05-01", "2019"), _earlier("2019", "2019-05-01"), _earlier("2018", "2019-05-01")
    (True, False, True)
    """
    return _later(b, a) or (not _later(a, b) and len(a) > len(b))


def check(source) -> Report:
    """The consistency :class:`Report` of a build (output directory or store)."""
    store = open_source(source)
    label: dict[str, str] = {r["entity"]: r["label"] for r in select(store, _PREF)}

    def name(iri: str) -> str:
        return " ".join(label.get(iri, iri.rsplit("/", 1)[-1]).split())

    statements: dict[tuple[str, str, str], list[tuple[str, str | None]]] = defaultdict(list)
    stated: dict[str, str] = {}  # model -> earliest date of a paper stating its lineage
    for r in select(store, _STATEMENTS):
        how = r["p"].removeprefix(_KG)
        statements[(r["s"], how, r["o"])].append((r["title"] or r["paper"], r["evidence"]))
        if how in LINEAGE_RELATIONS and r["date"] and (r["s"] not in stated or _earlier(r["date"], stated[r["s"]])):
            stated[r["s"]] = r["date"]

    def evidence(s: str, relation: str, o: str) -> list[tuple[str | None, ...]]:
        found = sorted(statements.get((s, relation, o), ()), key=lambda e: (e[0] or "", e[1] or ""))
        return [(name(s), relation, name(o), title, sentence) for title, sentence in found] or \
            [(name(s), relation, name(o), None, None)]

    relations: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in select(store, _EDGES):
        relations[(r["child"], r["parent"])].add(r["how"].removeprefix(_KG))

    def specific(pair: tuple[str, str]) -> list[str]:
        return sorted(relations[pair] - {"derivedFrom"}, key=LINEAGE_RELATIONS.index) or ["derivedFrom"]

    def edge_evidence(child: str, parent: str) -> list[tuple[str | None, ...]]:
        return [e for rel in specific((child, parent)) for e in evidence(child, rel, parent)]

    findings: list[Finding] = []
    graph = nx.DiGraph(list(relations))
    # cycles: one per strongly connected component (or self-loop)
    for component in sorted((sorted(c) for c in nx.strongly_connected_components(graph)), key=lambda c: c[0]):
        start = component[0]
        if len(component) == 1 and not graph.has_edge(start, start):
            continue
        cycle = [u for u, _ in nx.find_cycle(graph.subgraph(component), source=start)]
        names = " -> ".join(name(n) for n in [*cycle, cycle[0]])
        edges = list(zip(cycle, [*cycle[1:], cycle[0]]))
        findings.append(Finding("cycle", f"lineage cycle: {names}",
                                tuple((n, name(n)) for n in cycle),
                                tuple(e for u, v in edges for e in edge_evidence(u, v))))
    # a parent introduced after its child
    introduced: dict[str, str] = {}
    for r in select(store, _INTRODUCED):
        if r["entity"] not in introduced or _earlier(r["date"], introduced[r["entity"]]):
            introduced[r["entity"]] = r["date"]
    existed = dict(introduced)  # a child existed by its introduction, or by a paper stating its lineage
    for entity, date in stated.items():
        if entity not in existed or _earlier(date, existed[entity]):
            existed[entity] = date
    for child, parent in sorted(relations):
        c, p = existed.get(child), introduced.get(parent)
        if child != parent and c and p and _later(p, c):
            how = "/".join(specific((child, parent)))
            findings.append(Finding(
                "parent-later", f"parent introduced after its child: {name(child)} ({c}) {how} {name(parent)} ({p})",
                ((child, name(child)), (parent, name(parent))), tuple(edge_evidence(child, parent))))
    # one name, several types
    types_of: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))  # key -> entity -> types
    for r in select(store, _LABELS):
        key = normalize(r["label"])
        if key:
            types_of[key][r["entity"]].add(r["type"].removeprefix(_KG))
    named_by: dict[str, list[str]] = defaultdict(list)
    conflicts = {key: by_entity for key, by_entity in types_of.items()
                 if len({t for ts in by_entity.values() for t in ts}) > 1}
    if conflicts:
        for r in select(store, _NAMED_BY):
            named_by[r["entity"]].append(r["title"])
    seen: set[frozenset] = set()
    for key in sorted(conflicts):
        by_entity = conflicts[key]
        group = frozenset(by_entity)
        if group in seen:  # the same entities under another shared label
            continue
        seen.add(group)
        entities = sorted(by_entity, key=lambda e: (sorted(_ORDER.get(t, 9) for t in by_entity[e]), e))
        shown = next((name(e) for e in entities if normalize(name(e)) == key), name(entities[0]))
        kinds = " and ".join(f"a {'/'.join(sorted(by_entity[e]))}" + (f" ({name(e)})" if name(e) != shown else "")
                             for e in entities)
        findings.append(Finding(
            "type-conflict", f"typed differently: {shown!r} is {kinds}",
            tuple((e, name(e)) for e in entities),
            tuple((name(e), "/".join(sorted(by_entity[e])), title)
                  for e in entities for title in sorted(named_by.get(e, ()))[:5])))
    # outperforms what it derives from
    for r in sorted(select(store, _OUTPERFORMS), key=lambda r: (r["a"], r["b"])):
        a, b = r["a"], r["b"]
        how = "/".join(specific((a, b)))
        findings.append(Finding(
            "outperforms-parent", f"outperforms its own parent: {name(a)} {how} {name(b)} and outperforms it",
            ((a, name(a)), (b, name(b))), tuple(edge_evidence(a, b) + evidence(a, "outperforms", b))))
    order = {k: i for i, k in enumerate(CHECKS)}
    findings.sort(key=lambda f: order[f.kind])
    checked = {"lineage_edges": len(relations), "entities": len(label), "dated_entities": len(existed)}
    return Report(tuple(findings), checked)


def format_report(report: Report, fmt: str = "text") -> str:
    """The report as text (grouped by kind, each finding with its evidence) or JSON."""
    if fmt == "json":
        return json.dumps(report.to_dict(), indent=2, ensure_ascii=False)
    c = report.checked
    head = (f"{len(report.findings)} finding{'s' if len(report.findings) != 1 else ''} "
            f"({c.get('lineage_edges', 0)} lineage edges, {c.get('entities', 0)} entities, "
            f"{c.get('dated_entities', 0)} dated)")
    lines = [head]
    for kind, found in report.by_kind().items():
        if not found:
            continue
        lines.append(f"{kind} ({len(found)})")
        for f in found:
            lines.append(f"  {f.message}")
            for e in f.evidence:
                e = tuple(None if v is None else " ".join(v.split()) for v in e)
                if len(e) == 3:
                    lines.append(f"      {e[0]} as {e[1]}: {e[2]}")
                elif e[4]:
                    lines.append(f'      {e[0]} {e[1]} {e[2]}: "{e[4]}" ({e[3]})')
    return "\n".join(lines)
