"""Score a build against hand-annotated gold papers (``tests/gold/*.jsonl``).

Papers are matched by normalised title. Within a paper, predicted entities
(those the paper ``kg:mentions`` or ``kg:introduces``) are matched one-to-one
to gold entities of the same type whose names agree after
:func:`normalise_name` (gold name or alias against label or ``skos:altLabel``).
Predicted relations are the ``rdf:Statement`` s derived from the paper; their
ends are resolved through that matching, or by name, and compared as triples.

>>> normalise_name("GPT-2") == normalise_name("gpt 2"), normalise_name("BERT-base") == normalise_name("BERT")
(True, False)
>>> s = Score(tp=3, fp=1, fn=1)
>>> (s.precision, s.recall, s.f1)
(0.75, 0.75, 0.75)
>>> report = evaluate(["tests/gold/dev.jsonl"], "out")  # doctest: +SKIP
>>> print(format_report(report, show_errors=10))  # doctest: +SKIP
"""
from __future__ import annotations

import json
import logging
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from kg.errors import GraphNotFoundError, KGError, ParseError
from kg.ingest import normalise_title
from kg.link import name_signs
from kg.model import ENTITY_TYPES, LINEAGE_PREDICATES
from kg.vocab import DCTERMS, KG, PROV, RDF, RDFS, SKOS

__all__ = [
    "ANY_LINEAGE", "GOLD_PREDICATES", "PAPER", "Error", "GoldEntity", "GoldPaper", "PredEntity", "PredPaper",
    "Report", "Score", "evaluate", "format_report", "match_entities", "normalise_name", "read_annotation",
    "read_gold", "read_prediction", "score_paper",
]

log = logging.getLogger(__name__)

#: The predicates annotated in the gold set (``tests/gold/GUIDELINES.md``).
GOLD_PREDICATES = LINEAGE_PREDICATES + (
    "evaluatedOn", "trainedOn", "forLanguage", "usesTechnique", "outperforms")
#: How gold relations name the paper itself.
PAPER = "@paper"
#: The report line where a lineage edge counts with any lineage predicate.
ANY_LINEAGE = "lineage, any sub-type"

_NS = str(KG._NS)
_TYPE_OF = {_NS + t: t for t in ENTITY_TYPES}
_PREDICATE_OF = {_NS + p: p for p in GOLD_PREDICATES}


def normalise_name(name: str) -> str:
    """Case-folded letters and digits only: case, hyphens, spaces and punctuation do not count, but the
    signs that end a name do, as in linking (:func:`kg.link.name_signs`: HumanEval+ is not HumanEval).

    >>> normalise_name("Knowledge-Distillation"), normalise_name("BERTić"), normalise_name("QuIP#")
    ('knowledgedistillation', 'bertic', 'quip#')
    """
    text = unicodedata.normalize("NFKD", name).casefold()
    key = "".join(ch for ch in text if ch.isalnum() and not unicodedata.combining(ch))
    return key + name_signs(text) if key else key


@dataclass(frozen=True, slots=True)
class Score:
    """True positives, false positives and false negatives; micro-averaged by adding."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "support": self.tp + self.fn, "predicted": self.tp + self.fp, **asdict(self)}


@dataclass(frozen=True, slots=True)
class GoldEntity:
    name: str
    type: str
    introduced: bool = False
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> frozenset[str]:
        return frozenset(map(normalise_name, (self.name, *self.aliases)))


@dataclass(frozen=True, slots=True)
class GoldPaper:
    title: str
    entities: tuple[GoldEntity, ...]
    relations: tuple[tuple[str, str, str], ...]  # (subject name | PAPER, predicate, object name | PAPER)


@dataclass(frozen=True, slots=True)
class PredEntity:
    iri: str
    type: str
    label: str
    aliases: tuple[str, ...] = ()
    introduced: bool = False

    @property
    def names(self) -> frozenset[str]:
        return frozenset(map(normalise_name, (self.label, *self.aliases)))


@dataclass(frozen=True, slots=True)
class PredPaper:
    iris: frozenset[str]
    entities: tuple[PredEntity, ...]
    relations: tuple[tuple[str, str, str], ...]  # (subject IRI, predicate, object IRI)
    ends: tuple[PredEntity, ...] = ()  # relation ends the paper does not link to


@dataclass(frozen=True, slots=True)
class Error:
    """A miss (gold item not predicted) or a false hit (predicted item not in gold)."""

    kind: str  # "miss" | "false"
    section: str  # "entity" | "introduced" | "relation"
    title: str
    item: str


@dataclass
class Report:
    """Scores per entity type and per predicate, plus every miss and false hit."""

    papers: int = 0
    missing: list[str] = field(default_factory=list)
    entities: dict[str, Score] = field(default_factory=dict)
    relations: dict[str, Score] = field(default_factory=dict)
    errors: list[Error] = field(default_factory=list)

    def __post_init__(self) -> None:
        for key in (*ENTITY_TYPES, "overall", "untyped", "introduced"):
            self.entities.setdefault(key, Score())
        for key in (*GOLD_PREDICATES, "overall", "lineage", ANY_LINEAGE):
            self.relations.setdefault(key, Score())

    def add(self, table: str, key: str, **counts: int) -> None:
        scores = getattr(self, table)
        scores[key] = scores[key] + Score(**{k: int(v) for k, v in counts.items()})

    def as_dict(self) -> dict:
        return {"papers": self.papers, "missing_papers": list(self.missing),
                "entities": {k: s.as_dict() for k, s in self.entities.items()},
                "relations": {k: s.as_dict() for k, s in self.relations.items()},
                "errors": [asdict(e) for e in self.errors]}


# -- reading -----------------------------------------------------------------

def _gold_paper(record, path: str, line: int) -> GoldPaper:
    def fail(message: str):
        return ParseError(message, path, line)

    if not isinstance(record, dict) or not isinstance(record.get("title"), str):
        raise fail("a gold line must be a JSON object with a 'title'")
    entities = []
    for e in record.get("entities", []):
        if not isinstance(e, dict) or not isinstance(e.get("name"), str) or e.get("type") not in ENTITY_TYPES:
            raise fail(f"bad entity {e!r}: needs a 'name' and a 'type' among {', '.join(ENTITY_TYPES)}")
        entities.append(GoldEntity(e["name"], e["type"], bool(e.get("introduced")), tuple(e.get("aliases") or ())))
    names = {e.name for e in entities} | {PAPER}
    relations = []
    for r in record.get("relations", []):
        if not isinstance(r, dict) or r.get("predicate") not in GOLD_PREDICATES:
            raise fail(f"bad relation {r!r}: needs a 'predicate' among {', '.join(GOLD_PREDICATES)}")
        for end in (r.get("subject"), r.get("object")):
            if end not in names:
                raise fail(f"relation end {end!r} is neither an entity name of this line nor {PAPER!r}")
        relations.append((r["subject"], r["predicate"], r["object"]))
    return GoldPaper(record["title"], tuple(entities), tuple(dict.fromkeys(relations)))


def read_gold(path: str | Path) -> list[GoldPaper]:
    """The gold papers of one JSON Lines file; a bad line is a :class:`ParseError` naming file and line."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise KGError(f"{path}: cannot read gold file: {err}") from err
    papers = []
    for number, text in enumerate(lines, 1):
        if not text.strip():
            continue
        try:
            record = json.loads(text)
        except ValueError as err:
            raise ParseError(f"not JSON: {err}", str(path), number) from err
        papers.append(_gold_paper(record, str(path), number))
    return papers


_RDF_TYPE, _STATEMENT = str(RDF.type), str(RDF.Statement)
_STATEMENT_PARTS = {str(RDF.subject): "s", str(RDF.predicate): "p", str(RDF.object): "o", str(PROV.wasDerivedFrom): "paper"}


class _Facts:
    """What the scorer needs from a graph's triples, gathered in one pass."""

    def __init__(self) -> None:
        self.types: dict[str, str] = {}
        self.labels: dict[str, str] = {}
        self.titles: dict[str, str] = {}
        self.aliases: dict[str, list[str]] = defaultdict(list)
        self.links: dict[str, dict[str, bool]] = defaultdict(dict)  # paper -> entity -> introduced
        self.statements: dict[str, dict[str, str]] = defaultdict(dict)
        self.fields = {str(DCTERMS.title): self.titles, str(RDFS.label): self.labels}

    def take(self, t: ox.Triple) -> None:
        s, p, o = t.subject.value, t.predicate.value, t.object.value
        if p == _RDF_TYPE:
            if o in _TYPE_OF:
                self.types.setdefault(s, _TYPE_OF[o])
            elif o == _STATEMENT:
                self.statements[s]["is"] = ""
        elif p in self.fields:
            self.fields[p][s] = o
        elif p == str(SKOS.altLabel):
            self.aliases[s].append(o)
        elif p == str(KG.introduces):
            self.links[s][o] = True
        elif p == str(KG.mentions):
            self.links[s].setdefault(o, False)
        elif p in _STATEMENT_PARTS:
            self.statements[s][_STATEMENT_PARTS[p]] = o

    def entity(self, iri: str, introduced: bool = False) -> PredEntity:
        return PredEntity(iri, self.types[iri], self.labels.get(iri, iri), tuple(sorted(self.aliases[iri])), introduced)

    def papers(self) -> dict[str, PredPaper]:
        by_paper: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
        for st in self.statements.values():
            if "is" in st and st.get("p") in _PREDICATE_OF and {"s", "o", "paper"} <= st.keys():
                by_paper[st["paper"]].append((st["s"], _PREDICATE_OF[st["p"]], st["o"]))
        grouped: dict[str, list[str]] = defaultdict(list)
        for iri, title in sorted(self.titles.items()):
            grouped[normalise_title(title)].append(iri)
        papers = {}
        for key, iris in grouped.items():
            linked: dict[str, bool] = {}
            for iri in iris:
                for entity, introduced in self.links[iri].items():
                    linked[entity] = linked.get(entity, False) or introduced
            relations = tuple(sorted(r for iri in iris for r in by_paper[iri]))
            ends = {x for s, _, o in relations for x in (s, o) if x in self.types and x not in linked}
            papers[key] = PredPaper(frozenset(iris),
                                    tuple(self.entity(e, i) for e, i in sorted(linked.items()) if e in self.types),
                                    relations, tuple(self.entity(e) for e in sorted(ends)))
        return papers


def read_prediction(out: str | Path) -> dict[str, PredPaper]:
    """The papers of a build (``OUT/graph.nt``, or that file itself), keyed by normalised title."""
    out = Path(out)
    path = out if out.is_file() else out / "graph.nt"
    if not path.is_file():
        raise GraphNotFoundError(f"{out}: no graph.nt here; run 'kg build --out {out}' first")
    facts = _Facts()
    try:
        for triple in ox.parse(path=str(path), format=ox.RdfFormat.N_TRIPLES):
            facts.take(triple)
    except (OSError, SyntaxError, ValueError) as err:
        raise KGError(f"{path}: cannot read the graph: {err}") from err
    return facts.papers()


def read_annotation(path: str | Path) -> dict[str, PredPaper]:
    """Another annotation of gold papers (a gold JSON Lines file) as a prediction, keyed by normalised title.

    Scoring it against a gold file measures how far two annotators agree.

    >>> import tempfile
    >>> line = json.dumps({"title": "T", "entities": [{"name": "BERT", "type": "Model"}],
    ...                    "relations": [{"subject": "@paper", "predicate": "usesTechnique", "object": "BERT"}]})
    >>> with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
    ...     _ = f.write(line + "\\n")
    >>> paper = read_annotation(f.name)["t"]
    >>> [e.label for e in paper.entities], paper.relations
    (['BERT'], (('annotation:paper', 'usesTechnique', 'annotation:0'),))
    """
    papers = {}
    for gp in read_gold(path):
        iri = {e.name: f"annotation:{j}" for j, e in enumerate(gp.entities)} | {PAPER: "annotation:paper"}
        entities = tuple(PredEntity(f"annotation:{j}", e.type, e.name, e.aliases, e.introduced)
                         for j, e in enumerate(gp.entities))
        relations = tuple((iri[s], p, iri[o]) for s, p, o in gp.relations)
        papers[normalise_title(gp.title)] = PredPaper(frozenset({"annotation:paper"}), entities, relations)
    return papers


# -- matching and scoring ----------------------------------------------------

def match_entities(gold: Sequence[GoldEntity], pred: Sequence[PredEntity], *, typed: bool = True) -> dict[int, int]:
    """A one-to-one matching, gold index -> predicted index, of the most pairs.

    A pair qualifies when the types agree (if ``typed``) and some gold name or
    alias equals some predicted label or alias after :func:`normalise_name`;
    among matchings of equal size, name-to-label agreement is preferred.

    >>> g = [GoldEntity("GPT-2", "Model", aliases=("GPT2-XL",)), GoldEntity("GLUE", "Dataset")]
    >>> p = [PredEntity("m", "Model", "GPT2-XL"), PredEntity("d", "Model", "GLUE")]
    >>> match_entities(g, p), match_entities(g, p, typed=False)
    ({0: 0}, {0: 0, 1: 1})
    """
    graph = nx.Graph()
    for i, ge in enumerate(gold):
        for j, pe in enumerate(pred):
            if typed and ge.type != pe.type:
                continue
            if normalise_name(ge.name) == normalise_name(pe.label):
                graph.add_edge(("g", i), ("p", j), weight=2)
            elif ge.names & pe.names:
                graph.add_edge(("g", i), ("p", j), weight=1)
    pairs = (sorted(pair) for pair in nx.max_weight_matching(graph, maxcardinality=True))
    return dict(sorted((g[1], p[1]) for g, p in pairs))


def _short(title: str, width: int = 48) -> str:
    return title if len(title) <= width else title[: width - 3] + "..."


def _resolver(gp: GoldPaper, pp: PredPaper, matched: dict[int, int]):
    """Map a predicted relation end (IRI) to a gold key: PAPER, a gold entity name, or ``?label``."""
    by_iri = {pp.entities[j].iri: gp.entities[i].name for i, j in matched.items()}
    pred_of = {e.iri: e for e in (*pp.entities, *pp.ends)}

    def resolve(iri: str) -> str:
        if iri in pp.iris:
            return PAPER
        if iri in by_iri:
            return by_iri[iri]
        entity = pred_of.get(iri)
        if entity is None:  # another paper, or an untyped node
            return "?" + iri
        hits = sorted((g for g in gp.entities if g.names & entity.names), key=lambda g: g.type != entity.type)
        return hits[0].name if hits else "?" + entity.label

    return resolve


def score_paper(gp: GoldPaper, pp: PredPaper | None, report: Report) -> None:
    """Add one paper's counts and errors to ``report``; ``pp`` None means the paper is not in the graph."""
    report.papers += 1
    title = _short(gp.title)
    if pp is None:
        report.missing.append(gp.title)
        pp = PredPaper(frozenset(), (), ())
    matched = match_entities(gp.entities, pp.entities)
    for i, ge in enumerate(gp.entities):
        hit = i in matched
        report.add("entities", ge.type, tp=hit, fn=not hit)
        report.add("entities", "overall", tp=hit, fn=not hit)
        if not hit:
            report.errors.append(Error("miss", "entity", title, f"{ge.type} {ge.name}"))
    for j in sorted(set(range(len(pp.entities))) - set(matched.values())):
        pe = pp.entities[j]
        report.add("entities", pe.type, fp=1)
        report.add("entities", "overall", fp=1)
        report.errors.append(Error("false", "entity", title, f"{pe.type} {pe.label}"))
    untyped = match_entities(gp.entities, pp.entities, typed=False)
    report.add("entities", "untyped", tp=len(untyped), fn=len(gp.entities) - len(untyped),
               fp=len(pp.entities) - len(untyped))
    for i, j in matched.items():
        gold_intro, pred_intro = gp.entities[i].introduced, pp.entities[j].introduced
        report.add("entities", "introduced", tp=gold_intro and pred_intro, fp=pred_intro and not gold_intro,
                   fn=gold_intro and not pred_intro)
        if gold_intro != pred_intro:
            kind = "miss" if gold_intro else "false"
            report.errors.append(Error(kind, "introduced", title, f"introduces {gp.entities[i].name}"))

    resolve = _resolver(gp, pp, matched)
    predicted = {(resolve(s), p, resolve(o)) for s, p, o in pp.relations}
    _score_relations(set(gp.relations), predicted, title, report)


def _score_relations(gold: set, predicted: set, title: str, report: Report) -> None:
    for predicate in GOLD_PREDICATES:
        g = {r for r in gold if r[1] == predicate}
        p = {r for r in predicted if r[1] == predicate}
        lines = [predicate, "overall"] + (["lineage"] if predicate in LINEAGE_PREDICATES else [])
        for line in lines:
            report.add("relations", line, tp=len(g & p), fp=len(p - g), fn=len(g - p))
        report.errors.extend(Error("miss", "relation", title, " ".join(r)) for r in sorted(g - p))
        report.errors.extend(Error("false", "relation", title, " ".join(r)) for r in sorted(p - g))
    g_pairs = {(s, o) for s, p, o in gold if p in LINEAGE_PREDICATES}
    p_pairs = {(s, o) for s, p, o in predicted if p in LINEAGE_PREDICATES}
    report.add("relations", ANY_LINEAGE, tp=len(g_pairs & p_pairs), fp=len(p_pairs - g_pairs),
               fn=len(g_pairs - p_pairs))


def evaluate(gold_paths: Iterable[str | Path], graph_out_dir: str | Path) -> Report:
    """Score the build in ``graph_out_dir`` against the gold files, micro-averaged over all their papers.

    ``graph_out_dir`` may also be another annotation of the same papers (a ``.jsonl`` gold file): the
    scores are then the agreement of two annotators (:func:`read_annotation`).
    """
    if str(graph_out_dir).endswith(".jsonl"):
        predicted = read_annotation(graph_out_dir)
    else:
        predicted = read_prediction(graph_out_dir)
    report = Report()
    seen: set[str] = set()
    for path in gold_paths:
        for gp in read_gold(path):
            key = normalise_title(gp.title)
            if key in seen:
                log.warning("%s: paper %r is annotated twice; scoring both", path, _short(gp.title))
            seen.add(key)
            score_paper(gp, predicted.get(key), report)
    if report.missing:
        log.warning("%d gold paper(s) not in the graph; their items count as misses", len(report.missing))
    return report


# -- text output -------------------------------------------------------------

def _row(name: str, s: Score) -> str:
    def num(value: float, defined: int) -> str:
        return f"{value:6.3f}" if defined else "     -"
    return (f"  {name:<22}{num(s.precision, s.tp + s.fp)} {num(s.recall, s.tp + s.fn)} "
            f"{num(s.f1, s.tp + s.fp and s.tp + s.fn)} {s.tp + s.fn:6d} {s.tp + s.fp:6d} {s.tp:6d}")


def format_report(report: Report, show_errors: int = 20) -> str:
    """The report as a text table, then up to ``show_errors`` misses and false hits each."""
    lines = [f"{report.papers} gold papers, {len(report.missing)} not in the graph"]
    for table in ("entities", "relations"):
        lines.append(f"{table:<24}{'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'pred':>6} {'tp':>6}")
        lines.extend(_row(name, s) for name, s in getattr(report, table).items())
    if report.missing:
        lines.append("papers not in the graph (all their items are misses):")
        lines.extend(f"  {_short(t, 100)}" for t in report.missing)
    for kind, heading in (("miss", "misses"), ("false", "false hits")):
        errors = [e for e in report.errors if e.kind == kind]
        if not errors or show_errors <= 0:
            continue
        lines.append(f"{heading} ({len(errors)}{f', first {show_errors}' if len(errors) > show_errors else ''}):")
        lines.extend(f"  {e.section:<11}{e.title:<50}{e.item}" for e in errors[:show_errors])
    return "\n".join(lines)
