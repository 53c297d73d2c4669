"""Lineage questions: what a model is derived from (up) or what derives from it (down).

:func:`lineage` resolves a name to an entity of a build (by label or alias,
ignoring case, spaces and hyphens, as :func:`kg.link.normalize` does), then
follows the lineage predicates (``kg:distillsFrom``, ``kg:compresses``,
``kg:fineTunedFrom``, ``kg:basedOn``, and plain ``kg:derivedFrom``) through the
build's SPARQL store. Each step carries the evidence of the ``rdf:Statement``
behind it: the paper, its title and date, the sentence and the confidence.

User text never becomes query text: names are matched in Python against the
labels the store holds, and the chosen entity's IRI enters the queries as a
bound value (SPARQL substitution), so ``"} ; DROP ALL"`` is just a name that is
not found.

>>> store = ox.Store()
>>> def triple(s, p, o): store.add(ox.Quad(ox.NamedNode(PREFIXES["model"] + s), ox.NamedNode(p), o))
>>> for m, label in [("tinybert", "TinyBERT"), ("bert", "BERT")]:
...     triple(m, PREFIXES["rdf"] + "type", ox.NamedNode(PREFIXES["kg"] + "Model"))
...     triple(m, PREFIXES["skos"] + "prefLabel", ox.Literal(label))
>>> for p in ("distillsFrom", "derivedFrom"):
...     triple("tinybert", PREFIXES["kg"] + p, ox.NamedNode(PREFIXES["model"] + "bert"))
>>> found = lineage(store, "tiny-bert")
>>> [(s.child.label, s.relation, s.parent.label, s.depth) for s in found.steps]
[('TinyBERT', 'distillsFrom', 'BERT', 1)]
>>> print(lineage(store, "BERT", down=True).tree())
BERT: descendants
└─ TinyBERT  (distillsFrom)
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.errors import KGError, QueryError
from kg.link import normalize
from kg.model import ENTITY_TYPES, LINEAGE_PREDICATES
from kg.vocab import KG, PREFIXES, SCHEMA_DIR

__all__ = [
    "LINEAGE_RELATIONS", "QUERIES_DIR", "Lineage", "Node", "Source", "Step", "UnknownNameError",
    "find_entity", "lineage", "named_query", "open_source", "select",
]

#: Every predicate a lineage step may carry, most specific first; ``derivedFrom`` is
#: reported only where no more specific predicate links the same pair.
LINEAGE_RELATIONS = (*LINEAGE_PREDICATES, "derivedFrom")
_KG = str(KG._NS)
#: The tested SPARQL queries (``schema/queries/*.rq``), each with a header saying what it answers.
QUERIES_DIR = SCHEMA_DIR / "queries"


class UnknownNameError(KGError, LookupError):
    """No entity of the build has the name asked for; ``close`` lists similar names."""

    def __init__(self, message: str, close: tuple[str, ...] = ()):
        super().__init__(message)
        self.close = close


def _line(text: str) -> str:
    """``text`` on one line: runs of whitespace (newlines, tabs) become one space."""
    return " ".join(text.split())


@dataclass(frozen=True, slots=True, order=True)
class Node:
    """An entity of the build: its IRI, label and type (``Model``, ``Dataset`` ...)."""

    iri: str
    label: str
    type: str = "Model"

    def to_dict(self) -> dict:
        return {"iri": self.iri, "label": self.label, "type": self.type}


@dataclass(frozen=True, slots=True)
class Source:
    """One paper's evidence for a step."""

    paper: str  # paper IRI
    title: str | None
    date: str | None
    evidence: str | None
    confidence: float | None

    def to_dict(self) -> dict:
        return {"paper": self.paper, "title": self.title, "date": self.date, "evidence": self.evidence,
                "confidence": self.confidence}


@dataclass(frozen=True, slots=True)
class Step:
    """One lineage edge: ``child`` ``relation`` ``parent`` (the child is derived from the parent).

    ``depth`` is how many edges the far end of the step is from the root (1 for
    the root's own parents or children). ``paper``, ``title``, ``date``,
    ``evidence`` and ``confidence`` are those of the best source (most
    confident, then earliest); ``sources`` holds every paper that states it.
    """

    child: Node
    relation: str
    parent: Node
    depth: int
    sources: tuple[Source, ...] = ()

    @property
    def _best(self) -> Source | None:
        return self.sources[0] if self.sources else None

    @property
    def paper(self) -> str | None:
        return self._best and self._best.paper

    @property
    def title(self) -> str | None:
        return self._best and self._best.title

    @property
    def date(self) -> str | None:
        return self._best and self._best.date

    @property
    def evidence(self) -> str | None:
        return self._best and self._best.evidence

    @property
    def confidence(self) -> float | None:
        return self._best and self._best.confidence

    def to_dict(self) -> dict:
        return {"child": self.child.label, "child_iri": self.child.iri, "child_type": self.child.type,
                "relation": self.relation, "parent": self.parent.label, "parent_iri": self.parent.iri,
                "parent_type": self.parent.type, "depth": self.depth,
                "paper": self.paper, "title": self.title, "date": self.date, "evidence": self.evidence,
                "confidence": self.confidence, "sources": [s.to_dict() for s in self.sources]}


@dataclass(frozen=True, slots=True)
class Lineage:
    """The ancestry (``down=False``) or descendants (``down=True``) of ``root``.

    ``steps`` are in breadth-first order; each edge appears once, even where
    the lineage is a DAG or holds a cycle.
    """

    root: Node
    down: bool = False
    depth: int | None = None
    steps: tuple[Step, ...] = field(default_factory=tuple)

    def __len__(self) -> int:
        return len(self.steps)

    @property
    def nodes(self) -> tuple[Node, ...]:
        """Every entity reached, root excluded, in the order first reached."""
        seen = {self.root: None}
        for step in self.steps:
            seen.setdefault(step.child if self.down else step.parent, None)
        return tuple(seen)[1:]

    def to_dict(self) -> dict:
        return {"root": self.root.to_dict(), "direction": "down" if self.down else "up", "depth": self.depth,
                "steps": [s.to_dict() for s in self.steps]}

    def tree(self) -> str:
        """An indented text tree: each step with its relation, paper title (date) and evidence sentence.

        A node reached again is marked ``(shown above)`` and a path back to a node
        on it ``(cycle)``, neither expanded again.
        """
        below: dict[Node, list[Step]] = defaultdict(list)
        for step in self.steps:
            below[step.parent if self.down else step.child].append(step)
        lines = [f"{_line(self.root.label)}: {'descendants' if self.down else 'ancestry'}"]
        if not self.steps:
            lines.append(f"  (no {'descendants' if self.down else 'ancestors'} in the graph)")
        expanded = {self.root}

        def walk(node: Node, prefix: str, path: tuple[Node, ...]) -> None:
            steps = below.get(node, [])
            for i, step in enumerate(steps):
                last = i == len(steps) - 1
                other = step.child if self.down else step.parent
                mark = ""
                if other in path:
                    mark = "  (cycle)"
                elif other in expanded and below.get(other):
                    mark = "  (shown above)"
                lines.append(f"{prefix}{'└─ ' if last else '├─ '}{_line(other.label)}  ({step.relation}){mark}")
                inner = prefix + ("   " if last else "│  ")
                for source in step.sources:
                    when = f" ({source.date})" if source.date else ""
                    lines.append(f"{inner}   {_line(source.title or source.paper)}{when}")
                    if source.evidence:
                        lines.append(f'{inner}   "{_line(source.evidence)}"')
                if not mark and other not in expanded:
                    expanded.add(other)
                    walk(other, inner, (*path, other))

        walk(self.root, "", (self.root,))
        return "\n".join(lines)


# -- the store ---------------------------------------------------------------

def open_source(source) -> ox.Store:
    """An Oxigraph store from a build directory (path) or a store."""
    if isinstance(source, ox.Store):
        return source
    inner = getattr(getattr(source, "store", None), "_inner", None)  # an rdflib graph over Oxigraph
    if isinstance(inner, ox.Store):
        return inner
    if isinstance(source, (str, Path)):
        from kg.store import open_store

        return open_store(source)
    raise TypeError(f"expected a build directory or a pyoxigraph Store, not {type(source).__name__}")


def _term(value) -> ox.NamedNode | ox.Literal | ox.BlankNode:
    if isinstance(value, (ox.NamedNode, ox.Literal, ox.BlankNode)):
        return value
    if isinstance(value, Node):
        return ox.NamedNode(value.iri)
    if isinstance(value, bool):
        return ox.Literal(str(value).lower(), datatype=ox.NamedNode(PREFIXES["xsd"] + "boolean"))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode(PREFIXES["xsd"] + "integer"))
    return ox.Literal(str(value))


def select(store: ox.Store, text: str, bindings: Mapping[str, object] | None = None) -> list[dict]:
    """Rows of a SELECT query as ``{variable: value}`` (``None`` where unbound).

    ``bindings`` give variables a value before the query runs (SPARQL
    substitution): an :class:`ox.NamedNode`, a :class:`Node`, or a plain
    value taken as a literal. The query text is never built from them. A bound
    variable must be in the projection (Oxigraph's rule for substitutions).

    >>> store = ox.Store()
    >>> store.add(ox.Quad(ox.NamedNode("https://w3id.org/lmkg/id/model/bert"),
    ...     ox.NamedNode(PREFIXES["rdfs"] + "label"), ox.Literal("BERT")))
    >>> select(store, "SELECT ?m ?name WHERE { ?m rdfs:label ?name }", {"name": "BERT"})
    [{'m': 'https://w3id.org/lmkg/id/model/bert', 'name': 'BERT'}]
    >>> select(store, "SELECT ?m ?name WHERE { ?m rdfs:label ?name }", {"name": '"} ; DROP ALL ; {"'})
    []
    """
    substitutions = {ox.Variable(k): _term(v) for k, v in (bindings or {}).items()}
    try:
        result = store.query(text, prefixes=PREFIXES, substitutions=substitutions)
    except SyntaxError as err:
        raise QueryError(f"SPARQL syntax error: {err}") from err
    except (OSError, RuntimeError) as err:
        raise QueryError(f"query failed: {err}") from err
    if not isinstance(result, ox.QuerySolutions):
        raise QueryError("select() runs SELECT queries only")
    names = [v.value for v in result.variables]
    return [{n: (None if s[n] is None else s[n].value) for n in names} for s in result]


def named_query(source, name: str, bindings: Mapping[str, object] | None = None) -> list[dict]:
    """Run ``schema/queries/<name>.rq`` with ``bindings`` (see each file's ``# Bind:`` line).

    >>> rows = named_query("out", "distilled_from_teacher", {"teacher": ox.NamedNode(PREFIXES["model"] + "bert")})  # doctest: +SKIP
    """
    path = QUERIES_DIR / f"{name}.rq"
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in QUERIES_DIR.glob("*.rq")))
        raise QueryError(f"no query named {name!r}; known: {known}")
    return select(open_source(source), path.read_text(encoding="utf-8"), bindings)


# -- names -------------------------------------------------------------------
# (Each query starts from a bound value or a single predicate: Oxigraph plans a join with
# ``?entity a ?type`` over every entity otherwise, which costs seconds on a million triples.)

_LABELS = """
SELECT ?entity ?label ?pref WHERE {
  { ?entity skos:prefLabel ?label BIND(true AS ?pref) } UNION { ?entity skos:altLabel ?label BIND(false AS ?pref) }
}"""
_LABELS_EXACT = """
SELECT ?label ?entity ?pref WHERE {
  { ?entity skos:prefLabel ?label BIND(true AS ?pref) } UNION { ?entity skos:altLabel ?label BIND(false AS ?pref) }
}"""
_ENTITY = """
SELECT ?entity ?type ?label WHERE {
  ?entity a ?type .
  FILTER(?type IN (kg:Model, kg:Dataset, kg:Language, kg:Technique))
  OPTIONAL { ?entity skos:prefLabel ?label }
}"""


def _entity_of(store: ox.Store, node: Node | ox.NamedNode) -> Node | None:
    """The :class:`Node` of an entity IRI (its preferred label, its type: a model first), or None."""
    if isinstance(node, Node):
        return node
    rows = select(store, _ENTITY, {"entity": node})
    if not rows:
        return None
    row = min(rows, key=lambda r: (ENTITY_TYPES.index(r["type"].removeprefix(_KG)), r["label"] or ""))
    return Node(node.value, row["label"] or node.value.rsplit("/", 1)[-1], row["type"].removeprefix(_KG))


def _best(store: ox.Store, rows: list[dict], name: str) -> Node | None:
    """Of the label rows matching ``name``: a model over other types, the exact label over a
    folded one, a preferred label over an alias; then the IRI."""
    ranked = []
    for row in rows:
        node = _entity_of(store, ox.NamedNode(row["entity"]))
        if node is not None:
            ranked.append(((node.type != "Model", row["label"] != name, row["pref"] != "true",
                            ENTITY_TYPES.index(node.type), node.iri), node))
    return min(ranked, key=lambda r: r[0])[1] if ranked else None


def find_entity(source, name: str, *, limit: int = 5) -> Node:
    """The entity named ``name`` (label or alias, case-, space- and hyphen-insensitive).

    Where several match, a model wins over other types, an exact label over a
    folded one, a preferred label over an alias. Raises
    :class:`UnknownNameError` listing up to ``limit`` close names otherwise.
    """
    store = open_source(source)
    if not isinstance(name, str) or not name.strip():
        raise UnknownNameError("give a model name")
    found = _best(store, select(store, _LABELS_EXACT, {"label": name}), name)
    if found is not None:
        return found
    key = normalize(name)
    rows = select(store, _LABELS)
    found = _best(store, [r for r in rows if key and normalize(r["label"]) == key], name)
    if found is not None:
        return found
    close = _close_names(name, rows, limit)
    hint = f"; close names: {', '.join(close)}" if close else ""
    raise UnknownNameError(f"no model or other entity named {name!r} in the graph{hint}", close)


def _close_names(name: str, rows: Iterable[dict], limit: int) -> tuple[str, ...]:
    from rapidfuzz import fuzz, process

    labels: dict[str, str] = {}
    for r in sorted(rows, key=lambda r: (r["pref"] != "true", r["label"])):
        labels.setdefault(normalize(r["label"]), r["label"])
    key = normalize(name) or name.casefold()
    # WRatio ranks (a name inside a longer one scores well); a plain ratio of 50 keeps out short
    # labels that merely share a few letters ("ETC" for "TinyBRET")
    found = process.extract(key, list(labels), scorer=fuzz.WRatio, limit=4 * limit, score_cutoff=70)
    close = [labels[k] for k, _, _ in found if fuzz.ratio(key, k) >= 50]
    return tuple(dict.fromkeys(close))[:limit]


# -- lineage -----------------------------------------------------------------
# One query per node reached, the node bound: a walk costs what it finds, and never loops.

_STEPS = """
SELECT ?child ?how ?parent ?label ?type WHERE {
  ?child ?how ?parent .
  VALUES ?how { kg:distillsFrom kg:compresses kg:fineTunedFrom kg:basedOn kg:derivedFrom }
  OPTIONAL { ?%(far)s skos:prefLabel ?prefLabel }
  OPTIONAL { ?%(far)s rdfs:label ?anyLabel }
  BIND(COALESCE(?prefLabel, ?anyLabel) AS ?label)
  OPTIONAL { ?%(far)s a ?type . VALUES ?type { kg:Model kg:Dataset kg:Language kg:Technique kg:Paper } }
}"""
_STEPS_UP = _STEPS % {"far": "parent"}
_STEPS_DOWN = _STEPS % {"far": "child"}
# The statements in a query of their own: as an OPTIONAL group next to the edges, Oxigraph
# evaluates the group over every statement of the graph before joining (~50 ms a node on the
# bundled build); as the main pattern, from the bound end, it takes well under a millisecond.
_SOURCES = """
SELECT ?child ?how ?parent ?paper ?title ?date ?evidence ?confidence WHERE {
  ?statement rdf:subject ?child ; rdf:predicate ?how ; rdf:object ?parent ; prov:wasDerivedFrom ?paper .
  VALUES ?how { kg:distillsFrom kg:compresses kg:fineTunedFrom kg:basedOn kg:derivedFrom }
  OPTIONAL { ?statement kg:evidence ?evidence }
  OPTIONAL { ?statement kg:confidence ?confidence }
  OPTIONAL { ?paper dcterms:title ?title }
  OPTIONAL { ?paper dcterms:date ?date }
}"""


def _order(source: Source) -> tuple:
    return (-(source.confidence or 0.0), source.date is None, source.date or "", source.paper)


def _neighbours(store: ox.Store, node: str, down: bool) -> list[tuple[str, Node, tuple[Source, ...]]]:
    """``(relation, far end, sources)`` of every lineage edge at ``node``: its parents (up) or children (down).

    Each pair keeps its specific relations; ``derivedFrom`` only where none more specific holds.
    """
    bound = {"parent" if down else "child": ox.NamedNode(node)}
    rows = select(store, _STEPS_DOWN if down else _STEPS_UP, bound)
    far_of: dict[str, Node] = {}
    relations: dict[str, set[str]] = defaultdict(set)
    sources: dict[tuple[str, str], dict[str, Source]] = defaultdict(dict)
    for r in rows:
        far = r["child" if down else "parent"]
        how = r["how"].removeprefix(_KG)
        kind = (r["type"] or str(KG.Model)).removeprefix(_KG)
        old = far_of.get(far)
        if old is None or (kind == "Model" and old.type != "Model"):
            far_of[far] = Node(far, r["label"] or far.rsplit("/", 1)[-1], kind)
        relations[far].add(how)
    for r in select(store, _SOURCES, bound) if rows else ():
        far, how = r["child" if down else "parent"], r["how"].removeprefix(_KG)
        if far in far_of:
            confidence = float(r["confidence"]) if r["confidence"] is not None else None
            source = Source(r["paper"], r["title"], r["date"], r["evidence"], confidence)
            kept = sources[(far, how)].get(r["paper"])
            if kept is None or _order(source) < _order(kept):
                sources[(far, how)][r["paper"]] = source
    out = []
    for far, node in sorted(far_of.items(), key=lambda item: (item[1].label, item[0])):
        for how in sorted(relations[far] - {"derivedFrom"}, key=LINEAGE_RELATIONS.index) or ["derivedFrom"]:
            out.append((how, node, tuple(sorted(sources[(far, how)].values(), key=_order))))
    return out


def lineage(source, name: str | Node | ox.NamedNode, *, down: bool = False, depth: int | None = None) -> Lineage:
    """The ancestry of the entity named ``name`` (``down=True``: its descendants).

    ``name`` is a label or alias (see :func:`find_entity`), or the entity itself
    (a :class:`Node` or its IRI as an ``ox.NamedNode``). ``source`` is a build's
    output directory or its (Oxigraph) store; ``depth`` limits how many edges
    away from the root the walk goes (``None``: no limit). The walk is
    breadth-first and expands each entity once, so cycles end.

    >>> tree = lineage("out", "TinyBERT")  # doctest: +SKIP
    >>> [(s.child.label, s.relation, s.parent.label) for s in tree.steps]  # doctest: +SKIP
    [('TinyBERT', 'distillsFrom', 'BERT')]
    """
    if depth is not None and depth < 0:
        raise KGError(f"depth must be 0 or more, not {depth}")
    store = open_source(source)
    if isinstance(name, (Node, ox.NamedNode)):
        root = _entity_of(store, name)
        if root is None:
            raise UnknownNameError(f"no entity {name} in the graph")
    else:
        root = find_entity(store, name)
    steps: list[Step] = []
    nodes: dict[str, Node] = {root.iri: root}  # one Node per IRI reached
    level, d = [root], 0
    while level and (depth is None or d < depth):
        d += 1
        upcoming = []
        for near in level:
            for how, far, sources in _neighbours(store, near.iri, down):
                if far.iri not in nodes:
                    nodes[far.iri] = far
                    upcoming.append(far)
                far = nodes[far.iri]
                child, parent = (far, near) if down else (near, far)
                steps.append(Step(child, how, parent, d, sources))
        level = upcoming
    return Lineage(root, down, depth, tuple(steps))
