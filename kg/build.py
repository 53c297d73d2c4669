"""The build: inputs -> papers -> extractions -> graph -> RDF, store and HTML.

>>> import tempfile
>>> result = build(["data/papers"], tempfile.mkdtemp(), html=False)  # doctest: +SKIP
"""
from __future__ import annotations

import logging
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
from tqdm import tqdm

from kg.export.html import write_html
from kg.export.rdf import sorted_triples, write_rdf
from kg.extract import Extractor
from kg.graph import KIND, build_graph
from kg.ingest import merge_papers, read_papers
from kg.model import ENTITY_TYPES, Extraction, Paper
from kg.store import build_store

__all__ = ["DEFAULT_CORPUS", "BuildResult", "build", "extract_all"]

log = logging.getLogger(__name__)

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent / "data" / "papers"
#: Show a progress bar from this many papers on.
PROGRESS_FROM = 2000


@dataclass
class BuildResult:
    """What a build produced, for the summary line and for callers."""

    out: Path
    graph: nx.MultiDiGraph
    papers: int
    triples: int
    seconds: float
    files: list[Path] = field(default_factory=list)

    def entity_counts(self) -> dict[str, int]:
        counts = Counter(d[KIND] for _, d in self.graph.nodes(data=True))
        return {t: counts.get(t, 0) for t in ENTITY_TYPES}

    def edge_counts(self) -> dict[str, int]:
        return dict(sorted(Counter(k for _, _, k in self.graph.edges(keys=True)).items()))


def _progress(items: list[Paper], show: bool | None) -> Iterable[Paper]:
    show = len(items) >= PROGRESS_FROM and sys.stderr.isatty() if show is None else show
    if show:
        return tqdm(items, desc="extracting", unit="paper", file=sys.stderr)
    return items


def extract_all(papers: Iterable[Paper], extractor: Extractor) -> Iterator[Extraction]:
    for paper in papers:
        yield extractor(paper)


def build(inputs: Iterable[str | Path] | None = None, out: str | Path = "out", *, format: str | None = None,
          errors: str = "raise", html: bool = True, progress: bool | None = None,
          extractor: Extractor | None = None) -> BuildResult:
    """Build the graph of ``inputs`` (default: the bundled corpus) into ``out``.

    Writes ``graph.ttl``, ``graph.nt``, ``graph.jsonld``, the SPARQL store
    ``store/`` and ``graph.html``. Each file is replaced atomically.
    """
    start = time.perf_counter()
    out = Path(out)
    inputs = list(inputs) if inputs else [DEFAULT_CORPUS]
    papers = merge_papers(read_papers(inputs, format=format, errors=errors))
    if not papers:
        log.warning("no papers found in %s", ", ".join(map(str, inputs)))
    extractor = extractor or Extractor()
    graph = build_graph(extract_all(_progress(papers, progress), extractor), extractor.gazetteer.entities)
    triples = sorted_triples(graph)
    out.mkdir(parents=True, exist_ok=True)
    files = write_rdf(triples, out)
    build_store(out / "graph.nt", out)
    if html:
        files.append(write_html(graph, out / "graph.html"))
    return BuildResult(out, graph, len(papers), len(triples), time.perf_counter() - start, files)
