"""RDF as N-Triples lines: the one definition of a build's triples, made per paper.

A build's files are sorted N-Triples lines (code point order, as ``LC_ALL=C
sort``). Every line of one subject is made in one place, so the lines are
made and sorted in *blocks*, one per subject: a paper with its outgoing
edges, one ``rdf:Statement`` (an edge's evidence from one paper), or an
entity with its outgoing edges. Papers and statements come from one paper's
:class:`~kg.graph.Contribution` alone (in any process); entity blocks need
the whole graph. Since no IRI holds ``>``, sorting blocks by their text sorts
their lines. A block is written on one line, its lines joined by NUL (which
N-Triples always escapes), so shards of sorted blocks merge as text lines.

Every relation is a direct triple (plus its super-properties from the
ontology) and an ``rdf:Statement`` per (relation, paper) carrying the source
paper, the evidence sentence and the confidence. Classes are materialised
with their super-classes.

>>> literal('say "hi"\\n')
'"say \\\\"hi\\\\"\\\\n"'
>>> decode_block(encode_block(["<a> <b> <c> .\\n", "<a> <b> <d> .\\n"]))
'<a> <b> <c> .\\n<a> <b> <d> .\\n'
"""
from __future__ import annotations

import datetime
import heapq
import math
import os
import tempfile
import re
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path
from functools import lru_cache

import networkx as nx
import rdflib

from kg.export.iri import entity_iri, mint_entity_iris, paper_iri, statement_iri
from kg.graph import ALIASES, EVIDENCE, KIND, NAME, PAPER, Contribution, Evidence, GraphAssembler
from kg.model import Paper
from kg.vocab import DCTERMS, KG, OWL, PROV, RDF, RDFS, SCHEMA, SCHEMA_DIR, SKOS, XSD

__all__ = [
    "BlockSorter", "contribution_blocks", "decode_block", "encode_block", "entity_blocks", "entity_iris", "entity_lines",
    "graph_lines", "iri", "iri_overrides", "literal", "merge_blocks", "node_iri", "paper_lines", "write_ntriples",
    "write_shard",
]

_SAFE_URL = re.compile(r"^https?://[A-Za-z0-9._~:/?#\[\]@!$&'()*+,;=%-]+$")
_ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_SHARD, _SHARD_SUFFIX, _SHARD_DIR = "kg-shard-", ".nt0", ".kg-shards-"
_WIKIDATA = re.compile(r"^[QP][1-9][0-9]*$")
# Escaped so the literal is valid N-Triples, Turtle and the body of a JSON string alike; a lone
# surrogate (no UTF-8 for it) becomes U+FFFD.
_ESCAPES = ({i: f"\\u{i:04X}" for i in range(0x20)} | {0x22: '\\"', 0x5C: "\\\\", 0x0A: "\\n", 0x0D: "\\r", 0x09: "\\t"}
            | dict.fromkeys(range(0xD800, 0xE000), "\ufffd"))
_NEEDS_ESCAPE = re.compile(r'[\x00-\x1f"\\\ud800-\udfff]')


def iri(value: str) -> str:
    return f"<{value}>"


def literal(value: str, datatype: str | None = None) -> str:
    if _NEEDS_ESCAPE.search(value):
        value = value.translate(_ESCAPES)
    return f'"{value}"^^<{datatype}>' if datatype else f'"{value}"'


_A, _LABEL, _PREF, _ALT = iri(RDF.type), iri(RDFS.label), iri(SKOS.prefLabel), iri(SKOS.altLabel)
_DATE_TYPES = {4: str(XSD.gYear), 7: str(XSD.gYearMonth), 10: str(XSD.date)}
_DECIMAL = str(XSD.decimal)
_STMT = [iri(t) for t in (RDF.Statement, RDF.subject, RDF.predicate, RDF.object, PROV.wasDerivedFrom, KG.evidence, KG.confidence)]
_P = {name: iri(term) for name, term in {
    "title": DCTERMS.title, "abstract": DCTERMS.abstract, "date": DCTERMS.date, "creator": DCTERMS.creator,
    "arxiv": KG.arxivId, "url": SCHEMA.url, "source": KG.sourceListing, "sameAs": OWL.sameAs, "iso": KG.isoCode,
}.items()}


@lru_cache(maxsize=1)
def _closure() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """Super-properties and super-classes of every ontology term (transitive)."""
    onto = rdflib.Graph().parse(SCHEMA_DIR / "ontology.ttl")
    out = []
    for rel in (RDFS.subPropertyOf, RDFS.subClassOf):
        direct = nx.DiGraph((str(s), str(o)) for s, o in onto.subject_objects(rel))
        out.append({n: tuple(sorted(nx.descendants(direct, n))) for n in direct})
    return out[0], out[1]


@lru_cache(maxsize=64)
def _types(kind: str) -> tuple[str, ...]:
    cls = str(KG[kind])
    return tuple(iri(c) for c in (cls, *_closure()[1].get(cls, ())))


@lru_cache(maxsize=256)
def _predicates(predicate: str) -> tuple[str, tuple[str, ...]]:
    p = str(KG[predicate])
    return p, tuple(iri(q) for q in (p, *_closure()[0].get(p, ())))


def _date(value: str) -> str | None:
    """An xsd:date / gYearMonth / gYear literal, or None for an impossible date."""
    if not _ISO.match(value):
        return None
    try:
        datetime.date.fromisoformat(value if len(value) == 10 else (value + "-01-01")[:10])
    except ValueError:
        return None
    return literal(value, _DATE_TYPES[len(value)])


def paper_lines(paper: Paper) -> list[str]:
    """The N-Triples lines about one paper (not its edges)."""
    s = iri(paper_iri(paper.key))
    title = literal(paper.title)
    out = [f"{s} {_P['title']} {title} .\n", f"{s} {_LABEL} {title} .\n",
           f"{s} {_P['abstract']} {literal(paper.abstract)} .\n"]
    if paper.date and (date := _date(paper.date)):
        out.append(f"{s} {_P['date']} {date} .\n")
    if paper.arxiv_id:
        out.append(f"{s} {_P['arxiv']} {literal(paper.arxiv_id)} .\n")
    if paper.url and _SAFE_URL.match(paper.url):
        out.append(f"{s} {_P['url']} <{paper.url}> .\n")
    out += [f"{s} {_P['creator']} {literal(a)} .\n" for a in paper.authors]
    out += [f"{s} {_P['source']} {literal(src)} .\n" for src in paper.sources]
    out += [f"{s} {_A} {t} .\n" for t in _types("Paper")]
    return out


def entity_lines(data: dict, subject: str) -> list[str]:
    """The N-Triples lines about one entity node (``data``: its attributes)."""
    s, name = iri(subject), literal(data[NAME])
    out = [f"{s} {_LABEL} {name} .\n", f"{s} {_PREF} {name} .\n"]
    out += [f"{s} {_ALT} {literal(a)} .\n" for a in data.get(ALIASES, ()) if a != data[NAME]]
    if data.get("wikidata") and _WIKIDATA.match(data["wikidata"]):
        out.append(f"{s} {_P['sameAs']} <http://www.wikidata.org/entity/{data['wikidata']}> .\n")
    if data.get("arxiv"):
        out.append(f"{s} {_P['arxiv']} {literal(data['arxiv'])} .\n")
    if data.get("iso"):
        out.append(f"{s} {_P['iso']} {literal(data['iso'])} .\n")
    out += [f"{s} {_A} {t} .\n" for t in _types(data[KIND])]
    return out


def _edge_lines(s: str, predicate: str, o: str) -> list[str]:
    """The direct triples of one edge: its predicate and every super-property."""
    return [f"{s} {q} {o} .\n" for q in _predicates(predicate)[1]]


def _unit(confidence: float) -> float:
    """``confidence`` clamped to [0, 1]; NaN counts as 0 (``NaN`` is no xsd:decimal)."""
    return 0.0 if math.isnan(confidence) else min(max(confidence, 0.0), 1.0)


def _statement_lines(s: str, predicate: str, o: str, ev: Evidence) -> list[str]:
    """The ``rdf:Statement`` of one edge's evidence from one paper (``s``, ``o``: ``<iri>``)."""
    p = _predicates(predicate)[0]
    source = paper_iri(ev.paper)
    st = iri(statement_iri(s[1:-1], p, o[1:-1], source))
    confidence = literal(f"{_unit(ev.confidence):.3f}", _DECIMAL)
    return [f"{st} {_A} {_STMT[0]} .\n", f"{st} {_STMT[1]} {s} .\n", f"{st} {_STMT[2]} <{p}> .\n",
            f"{st} {_STMT[3]} {o} .\n", f"{st} {_STMT[4]} <{source}> .\n",
            f"{st} {_STMT[5]} {literal(ev.sentence)} .\n", f"{st} {_STMT[6]} {confidence} .\n"]


def _statement_block(s: str, predicate: str, o: str, ev: Evidence, source: str, sentence: str) -> str:
    """``encode_block(_statement_lines(s, predicate, o, ev))`` made directly.

    ``source``: the IRI of ``ev.paper``; ``sentence``: ``literal(ev.sentence)``. The seven lines share
    their subject and differ in their predicate, so their sorted order is the predicates' order
    (:data:`_STATEMENT_ORDER`, checked against the vocabulary when this module is imported).
    """
    p = _predicates(predicate)[0]
    st = f"<{statement_iri(s[1:-1], p, o[1:-1], source)}>"
    c = ev.confidence
    c = 0.0 if c != c else (1.0 if c > 1.0 else (0.0 if c < 0.0 else c))
    return (f"{st} {_STMT[3]} {o} .\0{st} {_STMT[2]} <{p}> .\0{st} {_STMT[1]} {s} .\0{st} {_A} {_STMT[0]} .\0"
            f"{st} {_STMT[4]} <{source}> .\0{st} {_STMT[6]} \"{c:.3f}\"^^<{_DECIMAL}> .\0{st} {_STMT[5]} {sentence} .\n")


#: The predicates of a statement block in the order :func:`_statement_block` writes them.
_STATEMENT_ORDER = (_STMT[3], _STMT[2], _STMT[1], _A, _STMT[4], _STMT[6], _STMT[5])
if list(_STATEMENT_ORDER) != sorted(_STATEMENT_ORDER):  # a vocabulary change would break the sorted files
    raise ImportError("kg.export.lines: statement predicates are no longer in sorted order; fix _statement_block")


def encode_block(lines: Iterable[str]) -> str:
    """One block (the lines of one subject) as one line: sorted, unique, joined by NUL."""
    return "".join(sorted(set(lines)))[:-1].replace("\n", "\0") + "\n"


def decode_block(block: str) -> str:
    """The N-Triples lines of an encoded block."""
    return block.replace("\0", "\n")


def node_iri(node: str, overrides: dict[str, str] | None = None) -> str:
    """The IRI of a graph node id: ``paper:<key>`` or ``<Type>:<name>`` (``overrides`` settle slug clashes)."""
    if overrides and node in overrides:
        return overrides[node]
    return _plain_iri(node)


@lru_cache(maxsize=1 << 16)
def _plain_iri(node: str) -> str:
    kind, _, rest = node.partition(":")
    return paper_iri(rest) if kind == "paper" else entity_iri(kind, rest)


def contribution_blocks(c: Contribution, overrides: dict[str, str] | None = None) -> list[str]:
    """The encoded blocks of one paper: the paper with its outgoing edges, and one per statement.

    Direct triples of edges from an entity belong to the entity's block
    (:func:`entity_blocks`).
    """
    paper = paper_lines(c.paper)
    pid = f"paper:{c.paper.key}"
    blocks = []
    sources: dict[str, str] = {}
    sentences: dict[str, str] = {}
    for u, v, k, ev in c.edges:
        s, o = f"<{node_iri(u, overrides)}>", f"<{node_iri(v, overrides)}>"
        if u == pid:
            paper += _edge_lines(s, k, o)
        source = sources.get(ev.paper) or sources.setdefault(ev.paper, paper_iri(ev.paper))
        sentence = sentences.get(ev.sentence) or sentences.setdefault(ev.sentence, literal(ev.sentence))
        blocks.append(_statement_block(s, k, o, ev, source, sentence))
    blocks.append(encode_block(paper))
    return blocks


def iri_overrides(assembler: GraphAssembler) -> dict[str, str]:
    """Entity nodes whose IRI is not the plain slug (a clash with a name sorted earlier)."""
    keys = {key: node for node, key in assembler.entity_keys().items()}
    return {keys[key]: value for key, value in mint_entity_iris(keys).items() if value != entity_iri(*key)}


def entity_blocks(assembler: GraphAssembler, overrides: dict[str, str]) -> list[str]:
    """The encoded blocks of every entity with its outgoing edges, sorted."""
    out_edges: dict[str, list[str]] = {}
    for u, v, k, _ in assembler.edges():
        if not u.startswith("paper:"):
            out_edges.setdefault(u, []).extend(_edge_lines(iri(node_iri(u, overrides)), k, iri(node_iri(v, overrides))))
    return sorted(encode_block(entity_lines(assembler.entity_data(node), node_iri(node, overrides)) + out_edges.get(node, []))
                  for node in assembler.entity_keys())


class BlockSorter:
    """Collects encoded blocks and yields them sorted, spilling sorted shards past ``limit`` characters.

    Shards go to a hidden directory of their own in ``tmpdir`` (:attr:`directory`),
    which :meth:`close` removes; worker processes may write shards there too
    (:func:`write_shard`) and hand them over with :meth:`add_shard`. A killed
    build's shard directories are removed when the next sorter starts and closes.

    >>> s = BlockSorter(limit=4)
    >>> s.extend(["<b> x\\n", "<c> y\\n"]); s.extend(["<a> z\\n"])
    >>> list(s.sorted())
    ['<a> z\\n', '<b> x\\n', '<c> y\\n']
    >>> s.close()
    """

    def __init__(self, tmpdir: Path | str | None = None, limit: int = 1 << 26, fan_in: int = 256):
        self.tmpdir, self.limit, self.fan_in = tmpdir, limit, fan_in
        self._directory: Path | None = None
        self._sweep()
        self.pending: list[str] = []
        self.size = 0
        #: Characters of every block given (the shards' bytes): about the size of the N-Triples.
        self.total = 0
        self.shards: list[Path] = []

    @property
    def directory(self) -> Path:
        """The directory of this sorter's shards (made on first use)."""
        if self._directory is None:
            self._directory = Path(tempfile.mkdtemp(prefix=_SHARD_DIR, dir=self.tmpdir))
        return self._directory

    def extend(self, blocks: Iterable[str]) -> None:
        blocks = blocks if isinstance(blocks, list) else list(blocks)
        self.pending += blocks
        size = sum(map(len, blocks))
        self.size += size
        self.total += size
        if self.size > self.limit:
            self._keep(write_shard(sorted(self.pending), self.directory))
            self.pending, self.size = [], 0

    def add_shard(self, path: Path | str) -> None:
        """Take a shard of sorted blocks written in :attr:`directory` (it is removed with the sorter)."""
        path = Path(path)
        self.total += path.stat().st_size
        self._keep(path)

    def _keep(self, path: Path) -> None:
        self.shards.append(path)
        if len(self.shards) >= self.fan_in:  # keep few files open: merge them into one
            shards, self.shards = self.shards, []
            self.shards.append(write_shard(merge_blocks(_read(p) for p in shards), self.directory))
            for shard in shards:
                shard.unlink()

    def sorted(self, extra: Iterable[str] = ()) -> Iterator[str]:
        """Every block once, sorted: the shards, what is pending, and ``extra`` (sorted)."""
        self.pending.sort()
        yield from merge_blocks([*(_read(p) for p in self.shards), self.pending, extra])

    def close(self) -> None:
        self._sweep()
        self.shards, self.pending = [], []

    def _sweep(self) -> None:
        """Remove this sorter's shards, and those a killed build left in ``tmpdir`` (its orphaned workers' too)."""
        if self._directory is not None:
            shutil.rmtree(self._directory, ignore_errors=True)
            self._directory = None
        for stale in Path(self.tmpdir).glob(f"{_SHARD}*{_SHARD_SUFFIX}") if self.tmpdir else ():
            stale.unlink(missing_ok=True)
        for stale in Path(self.tmpdir).glob(f"{_SHARD_DIR}*") if self.tmpdir else ():
            shutil.rmtree(stale, ignore_errors=True)


def write_shard(blocks: Iterable[str], directory: Path | str) -> Path:
    """Write sorted encoded blocks to a new shard file in ``directory``; its path."""
    fd, name = tempfile.mkstemp(prefix=_SHARD, suffix=_SHARD_SUFFIX, dir=directory)
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
        handle.writelines(blocks)
    return Path(name)


def _read(path: Path) -> Iterator[str]:
    with path.open(encoding="utf-8", newline="\n") as handle:
        yield from handle


def merge_blocks(runs: Iterable[Iterable[str]]) -> Iterator[str]:
    """Merge sorted runs of encoded blocks; a block met twice in a row is given once."""
    previous = None
    for block in heapq.merge(*runs):
        if block != previous:
            yield block
            previous = block


def write_ntriples(blocks: Iterable[str], handle, flush_every: int = 4096) -> int:
    """Write sorted encoded blocks as N-Triples to a binary file; returns the number of triples."""
    count, pending = 0, []
    for block in blocks:
        pending.append(block)
        if len(pending) >= flush_every:
            text = "".join(pending)
            count += text.count("\0") + len(pending)
            handle.write(decode_block(text).encode("utf-8"))
            pending = []
    text = "".join(pending)
    count += text.count("\0") + len(pending)
    handle.write(decode_block(text).encode("utf-8"))
    return count


def entity_iris(graph: nx.MultiDiGraph) -> dict[str, str]:
    """Entity node id -> IRI, unique where slugs clash (needs every entity of the graph)."""
    nodes = {(d[KIND], d[NAME]): n for n, d in graph.nodes(data=True) if d[KIND] != "Paper"}
    return {nodes[key]: value for key, value in mint_entity_iris(nodes).items()}


def graph_lines(graph: nx.MultiDiGraph) -> list[str]:
    """Every line of a networkx graph (as :func:`kg.graph.build_graph` makes it), unsorted, maybe repeated."""
    iris = entity_iris(graph)
    nodes = graph.nodes
    out: list[str] = []
    for node, data in nodes(data=True):
        out += paper_lines(data[PAPER]) if data[KIND] == "Paper" else entity_lines(data, iris[node])
    for u, v, k, data in graph.edges(keys=True, data=True):
        s = iri(iris[u] if u in iris else paper_iri(nodes[u][PAPER].key))
        o = iri(iris[v] if v in iris else paper_iri(nodes[v][PAPER].key))
        out += _edge_lines(s, k, o)
        for ev in data[EVIDENCE]:
            out += _statement_lines(s, k, o, ev)
    return out
