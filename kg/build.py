"""The build: inputs -> papers -> extractions -> graph -> RDF, store and HTML.

Inputs are read lazily, one record at a time, and merged as they come
(:class:`kg.ingest.PaperMerger`); only the merged papers are held, which the
graph holds anyway. Extraction runs in chunks on an executor
(:mod:`kg.parallel`: this process, ``jobs`` processes, or Dask); each chunk
comes back as its contributions and its sorted N-Triples blocks, which are
spilled to sorted shards and merged into ``graph.nt`` in one pass. Turtle
and JSON-LD are pyoxigraph's serialisations of that file. The output does
not depend on the executor or the number of jobs.

``update=True`` adds the papers of ``inputs`` to the build in ``out``:
only new or changed papers are extracted, the store is changed in one
transaction, and nothing is written when nothing changed.

>>> import tempfile
>>> result = build(["data/papers"], tempfile.mkdtemp(), html=False)  # doctest: +SKIP
"""
from __future__ import annotations

import logging
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import cached_property
from pathlib import Path

import networkx as nx

from kg.diff import update_store
from kg.errors import KGError
from kg.export.lines import BlockSorter, contribution_blocks, entity_blocks, iri_overrides, write_ntriples
from kg.export.rdf import temporary, write_derived
from kg.extract import Extractor
from kg.graph import Contribution, GraphAssembler, entity_id
from kg.ingest import read_papers
from kg.model import ENTITY_TYPES, Paper
from kg.parallel import get_executor
from kg.progress import Progress
from kg.state import BuildState, load_state, save_state
from kg.store import STORE_DIR, build_store

__all__ = ["DEFAULT_CORPUS", "PROGRESS_FROM", "BuildResult", "build", "chunked"]

log = logging.getLogger(__name__)

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent / "data" / "papers"
#: Show a progress bar from this many papers on.
PROGRESS_FROM = 2000
#: Papers per chunk of work sent to an executor (at most).
CHUNK = 500
#: The RDF files of a build, in the order they are written.
RDF_FILES = ("graph.nt", "graph.ttl", "graph.jsonld")


class BuildResult:
    """What a build produced, for the summary line and for callers; ``graph`` is made on first use."""

    def __init__(self, out: Path, assembler: GraphAssembler, papers: int, triples: int, seconds: float,
                 files: list[Path], extracted: int = 0):
        self.out, self.assembler, self.papers, self.triples = out, assembler, papers, triples
        self.seconds, self.files, self.extracted = seconds, files, extracted

    @cached_property
    def graph(self) -> nx.MultiDiGraph:
        return self.assembler.graph()

    def entity_counts(self) -> dict[str, int]:
        counts = Counter(etype for etype, _ in self.assembler.entity_keys().values())
        return {t: counts.get(t, 0) for t in ENTITY_TYPES}

    def edge_counts(self) -> dict[str, int]:
        return dict(sorted(Counter(k for _, _, k, _ in self.assembler.edges()).items()))

    def edge_total(self) -> int:
        return sum(self.edge_counts().values())


def chunked(items: list, size: int) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _ingest(inputs, state: BuildState, format, errors) -> tuple[list[Paper], list[str]]:
    """Merge the records of ``inputs`` into ``state``: the papers to extract, and paper keys that went away."""
    merger = state.merger
    before = dict(merger.groups)
    touched = {merger.add(record) for record in read_papers(inputs, format=format, errors=errors)}
    todo, gone = [], []
    for group in touched:
        paper, old = merger.groups[group], before.get(group)
        if old == paper and paper.key in state.contributions:
            continue
        if old is not None and old.key != paper.key:
            gone.append(old.key)
        todo.append(paper)
    todo.sort(key=lambda p: p.key)
    return todo, gone


def _extract(papers: list[Paper], assembler: GraphAssembler, sorter: BlockSorter, extractor, *, jobs, executor,
             scheduler, progress) -> None:
    """Extract ``papers`` on the executor into the assembler (contributions) and the sorter (blocks)."""
    if not papers:
        return
    run = get_executor(executor, extractor=extractor, jobs=jobs, scheduler=scheduler)
    size = max(16, min(CHUNK, len(papers) // (8 * max(jobs or 2, 2)) or 1))
    bar = Progress(len(papers), progress if progress is not None or len(papers) >= PROGRESS_FROM else False)
    chunks = list(chunked(papers, size))
    try:
        for chunk, (parts, blocks) in zip(chunks, run.map(chunks)):
            for paper, (entities, edges) in zip(chunk, parts):
                assembler.add(Contribution(paper, entities, edges))
            sorter.extend(blocks)
            bar.update(len(chunk))
    finally:
        bar.close()
        run.close()


def _fixed_blocks(assembler: GraphAssembler, overrides: dict[str, str], fresh: Iterable[str]) -> tuple[set, list]:
    """Blocks made with plain IRIs that a slug clash changed: (wrong blocks, right blocks)."""
    if not overrides:
        return set(), []
    wrong, right = set(), []
    for key in fresh:
        c = assembler.contributions[key]
        if any(entity_id(t, n) in overrides for t, n, _ in c.entities):
            wrong.update(contribution_blocks(c))
            right += contribution_blocks(c, overrides)
    return wrong, right


def _write_rdf(out: Path, assembler: GraphAssembler, sorter: BlockSorter, fresh: list[str],
               load_store: bool) -> tuple[dict, int]:
    """Write the RDF files to temporary files beside their final names: ({name: temporary path}, triples).

    With ``load_store`` a fresh store is loaded from the new N-Triples while
    Turtle and JSON-LD are written (pyoxigraph releases the GIL).
    """
    overrides = iri_overrides(assembler)
    wrong, right = _fixed_blocks(assembler, overrides, fresh)
    extra = sorted(right + entity_blocks(assembler, overrides))
    blocks = (b for b in sorter.sorted(extra) if b not in wrong) if wrong else sorter.sorted(extra)
    tmp = {name: temporary(out / name) for name in RDF_FILES}
    loader = None
    try:
        with tmp["graph.nt"].open("wb") as handle:
            triples = write_ntriples(blocks, handle)
        if load_store:
            loader = _Background(build_store, tmp["graph.nt"], out)
        for name in RDF_FILES[1:]:
            with tmp[name].open("wb") as handle:
                write_derived(tmp["graph.nt"], handle, name)
        if loader:
            loader.join()
    except BaseException:
        if loader:
            loader.thread.join()
        for path in tmp.values():
            path.unlink(missing_ok=True)
        raise
    return tmp, triples


class _Background:
    """``function(*args)`` in a thread; :meth:`join` re-raises its error here."""

    def __init__(self, function, *args):
        self.error: BaseException | None = None

        def run():
            try:
                function(*args)
            except BaseException as err:  # handed to the caller's thread by join()
                self.error = err

        self.thread = threading.Thread(target=run, name="kg-background")
        self.thread.start()

    def join(self) -> None:
        self.thread.join()
        if self.error is not None:
            raise self.error


def build(inputs: Iterable[str | Path] | None = None, out: str | Path = "out", *, format: str | None = None,
          errors: str = "raise", html: bool = True, progress: bool | None = None, extractor: Extractor | None = None,
          jobs: int | None = None, executor: str = "local", scheduler: str | None = None,
          update: bool = False) -> BuildResult:
    """Build the graph of ``inputs`` (default: the bundled corpus) into ``out``.

    Writes ``graph.nt``, ``graph.ttl``, ``graph.jsonld``, the SPARQL store
    ``store/``, ``graph.html`` and the state ``kg-state.pickle`` that
    ``update=True`` builds on. ``jobs``: worker processes (default: every
    core); ``executor="dask"`` with ``scheduler`` runs extraction on a Dask
    cluster. Each file is replaced atomically; a failed update leaves the
    build as it was.
    """
    start = time.perf_counter()
    out = Path(out)
    extractor = extractor or Extractor()
    if update:
        if not inputs:
            raise KGError(f"--update {out}: name the files of papers to add")
        state = load_state(out)
    else:
        inputs = list(inputs) if inputs else [DEFAULT_CORPUS]
        state = BuildState()
    todo, gone = _ingest(inputs, state, format, errors)
    assembler = state.assembler(extractor.gazetteer.entities)
    if not state.merger.groups:
        log.warning("no papers found in %s", ", ".join(map(str, inputs)))
    if update and not todo:
        log.info("nothing new: %s is unchanged", out)
        return BuildResult(out, assembler, len(state.merger), _count_lines(out / "graph.nt"),
                           time.perf_counter() - start, [])
    if todo and hasattr(extractor, "learn"):  # a corpus-level pass: names discovered in any paper
        extractor.learn(state.merger.papers())
    for key in gone:
        assembler.remove(key)
    out.mkdir(parents=True, exist_ok=True)
    sorter = BlockSorter(tmpdir=out)
    try:
        fresh = [p.key for p in todo]
        _extract(todo, assembler, sorter, extractor, jobs=jobs, executor=executor, scheduler=scheduler,
                 progress=progress)
        if update:  # the blocks of the papers kept, made again: entity IRIs may have changed
            new = set(fresh)
            for key, c in assembler.contributions.items():
                if key not in new:
                    sorter.extend(contribution_blocks(c))
                    fresh.append(key)
        tmp, triples = _write_rdf(out, assembler, sorter, fresh, load_store=not update)
    finally:
        sorter.close()
    state.contributions = assembler.contributions
    files = _commit(out, tmp, update)
    files.append(save_state(out, state))
    result = BuildResult(out, assembler, len(state.merger), triples, 0.0, files, extracted=len(todo))
    if html:
        from kg.export.html import write_html

        files.append(write_html(result.graph, out / "graph.html"))
    result.seconds = time.perf_counter() - start
    return result


def _commit(out: Path, tmp: dict[str, Path], update: bool) -> list[Path]:
    """Put the new files in place; an update first changes the store, in one transaction."""
    if update:
        try:
            store = out / STORE_DIR
            if store.is_dir() and (out / "graph.nt").is_file():
                update_store(store, out / "graph.nt", tmp["graph.nt"])
            else:
                build_store(tmp["graph.nt"], out)
        except BaseException:
            for path in tmp.values():
                path.unlink(missing_ok=True)
            raise
    for name, path in tmp.items():
        path.replace(out / name)
    return [out / name for name in RDF_FILES]


def _count_lines(path: Path) -> int:
    count = 0
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            count += chunk.count(b"\n")
    return count
