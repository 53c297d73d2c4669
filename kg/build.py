"""The build: inputs -> papers -> extractions -> graph -> RDF, store and HTML.

Inputs are read lazily, one record at a time, and merged as they come
(:class:`kg.ingest.PaperMerger`); only the merged papers are held, which the
graph holds anyway. Extraction runs in chunks on an executor
(:mod:`kg.parallel`: this process, ``jobs`` processes, or Dask); each chunk
comes back as its contributions and its sorted N-Triples blocks, which are
spilled to sorted shards and merged into ``graph.nt`` in one pass, and
loaded meanwhile into a new SPARQL store by a background thread
(:class:`StoreLoader`). Turtle and JSON-LD are pyoxigraph's serialisations
of ``graph.nt`` (a big one's JSON-LD written by a child process at the same
time). ``graph.html`` draws the whole graph up to :data:`HTML_FULL_MAX`
nodes, else an overview of the best-connected entities. The output does
not depend on the executor or the number of jobs. :attr:`BuildResult.stages`
says where the time went.

``update=True`` adds the papers of ``inputs`` to the build in ``out``:
only new or changed papers are extracted, the store is changed in one
transaction, and nothing is written when nothing changed.

>>> import tempfile
>>> result = build(["data/papers"], tempfile.mkdtemp(), html=False)  # doctest: +SKIP
"""
from __future__ import annotations

import functools
import gc
import logging
import os
import queue
import shutil
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import cached_property
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from kg.diff import update_store
from kg.errors import KGError
from kg.export.lines import (BlockSorter, contribution_blocks, decode_block, entity_blocks, iri_overrides,
                             write_ntriples)
from kg.export import rdf
from kg.export.rdf import DerivedWriters, temporary, write_derived_files
from kg.extract import Extractor
from kg.graph import EVIDENCE, Contribution, GraphAssembler, entity_id
from kg.ingest import read_papers
from kg.model import ENTITY_TYPES, Paper
from kg.parallel import ProcessExecutor, SerialExecutor, extract_chunk, get_executor, observe_chunk
from kg.progress import Progress, Stopwatch
from kg.state import STATE_FILE, BuildState, load_state, write_state
from kg.store import STORE_DIR, build_store, remove_store, restore_store

__all__ = ["DEFAULT_CORPUS", "HTML_FULL_MAX", "PROGRESS_FROM", "BuildResult", "build", "chunked", "overview_graph"]

log = logging.getLogger(__name__)

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent / "data" / "papers"
#: Show a progress bar from this many papers on.
PROGRESS_FROM = 2000
#: Papers per chunk of work sent to an executor (at most).
CHUNK = 500
#: ``graph.html`` draws the whole graph up to this many nodes (papers and entities), else an overview.
HTML_FULL_MAX = 3000
#: Entities drawn in the overview of a bigger graph, and evidence sentences kept per link.
OVERVIEW_NODES, OVERVIEW_EVIDENCE = 500, 3
#: Characters of N-Triples blocks per bulk load into the store.
STORE_BATCH = 1 << 24
#: The RDF files of a build, in the order they are written.
RDF_FILES = ("graph.nt", "graph.ttl", "graph.jsonld")


class BuildResult:
    """What a build produced, for the summary line and for callers; ``graph`` is made on first use."""

    def __init__(self, out: Path, assembler: GraphAssembler, papers: int, triples: int, seconds: float,
                 files: list[Path], extracted: int = 0, stages: dict[str, float] | None = None):
        self.out, self.assembler, self.papers, self.triples = out, assembler, papers, triples
        self.seconds, self.files, self.extracted = seconds, files, extracted
        #: Wall-clock seconds per stage (``ingest``, ``extract``, ``store`` ...); see :func:`build`.
        self.stages = stages or {}
        #: CPU seconds of the main thread per stage (worker stages: the workers' wall seconds).
        self.stage_cpu: dict[str, float] = {}

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


def _chunk_size(papers: int, jobs: int | None) -> int:
    """Papers per chunk: about eight chunks per worker, from 16 to :data:`CHUNK` papers."""
    return max(16, min(CHUNK, papers // (8 * max(jobs or 2, 2)) or 1))


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


def _extract(papers: list[Paper], run, assembler: GraphAssembler, sorter: BlockSorter, loader: StoreLoader | None,
             *, jobs, progress, watch: Stopwatch) -> None:
    """Extract ``papers`` on the executor ``run`` (closed at the end) into the assembler (contributions),
    the sorter and the store loader (blocks).

    ``watch`` gets ``extract`` and ``lines`` (worker CPU seconds, summed over
    workers), ``assemble`` (this process) and ``extract wall`` (the whole loop).
    """
    start = time.perf_counter()
    size = _chunk_size(len(papers), jobs)
    serial = isinstance(run, SerialExecutor)
    bar = Progress(len(papers), progress if progress is not None or len(papers) >= PROGRESS_FROM else False)
    chunks = list(chunked(papers, size))
    work = extract_chunk
    if isinstance(run, ProcessExecutor):  # workers on this machine write their blocks to shard files, not to the pipe
        work = functools.partial(extract_chunk, shards=str(sorter.directory))
    try:
        for chunk, (parts, blocks, (extract_s, lines_s)) in zip(chunks, run.map(chunks, work)):
            mark, cpu = time.perf_counter(), time.thread_time()
            for paper, (entities, edges) in zip(chunk, parts):
                assembler.add(Contribution(paper, entities, edges))
            if isinstance(blocks, str):  # a shard file
                sorter.add_shard(blocks)
                if loader is not None:
                    loader.add([Path(blocks).read_bytes().decode("utf-8")])
            else:
                sorter.extend(blocks)
                if loader is not None:
                    loader.add(blocks)
            watch.add("assemble", time.perf_counter() - mark, time.thread_time() - cpu)
            watch.add("extract", extract_s, extract_s if serial else None)
            watch.add("lines", lines_s, lines_s if serial else None)
            bar.update(len(chunk))
            gc.freeze()  # what the graph holds is no cyclic garbage: later collections skip it
    finally:
        bar.close()
        run.close()
        watch.add("extract wall", time.perf_counter() - start)


def _learn(extractor, papers: list[Paper], executor: str, *, jobs: int | None, scheduler: str | None) -> None:
    """The extractor's corpus-level pass; its per-paper part (``observe``) on the executor when that is parallel."""
    parallel = hasattr(extractor, "observe")
    run = (get_executor(executor, extractor=extractor, jobs=jobs, scheduler=scheduler, papers=len(papers))
           if parallel else None)
    try:
        if run is None or isinstance(run, SerialExecutor):
            extractor.learn(papers)
        else:
            chunks = chunked(papers, _chunk_size(len(papers), jobs))
            extractor.learn(observed=[o for part in run.map(chunks, observe_chunk) for o in part])
    finally:
        if run is not None:
            run.close()


def _fixed_blocks(assembler: GraphAssembler, overrides: dict[str, str],
                  fresh: Iterable[str]) -> tuple[set, list, list]:
    """Blocks made with plain IRIs that a slug clash changed: (wrong blocks, right blocks), only those that differ,
    and the blocks of the same papers that stay as they were (a triple of a wrong block may be one of theirs too:
    two names that shared a slug made one statement)."""
    if not overrides:
        return set(), [], []
    wrong, right, still = set(), [], []
    for key in fresh:
        c = assembler.contributions[key]
        if any(entity_id(t, n) in overrides for t, n, _ in c.entities):
            old, new = contribution_blocks(c), contribution_blocks(c, overrides)
            kept = set(old) & set(new)
            wrong.update(b for b in old if b not in kept)
            right += [b for b in new if b not in kept]
            still += kept
    return wrong, right, still


def _write_rdf(out: Path, assembler: GraphAssembler, sorter: BlockSorter, fresh: list[str],
               loader: StoreLoader | None, state: BuildState, watch: Stopwatch) -> tuple[dict, int]:
    """Write the RDF files and the state to temporary files beside their final names: ({name: temporary path}, triples).

    ``loader`` (a fresh build) has every paper's blocks already; it gets the
    entity blocks and the slug-clash fixes, and finishes while Turtle and
    JSON-LD are written. A big graph's Turtle and JSON-LD are written by child
    processes from the N-Triples as they are made (:class:`DerivedWriters`),
    and the state meanwhile.
    """
    with watch("entities"):
        overrides = iri_overrides(assembler)
        wrong, right, still = _fixed_blocks(assembler, overrides, fresh)
        entities = entity_blocks(assembler, overrides)
        extra = sorted(right + entities)
    if loader is not None:
        loader.fix(wrong, right, still)
        loader.add(entities)
        loader.close()
    blocks = (b for b in sorter.sorted(extra) if b not in wrong) if wrong else sorter.sorted(extra)
    tmp = {name: temporary(out / name) for name in (*RDF_FILES, STATE_FILE)}
    derived = {name: tmp[name] for name in RDF_FILES[1:]}
    writers = None
    try:
        if sorter.total >= rdf.CHILD_FROM and os.name == "posix":  # the children select() on a pipe
            writers = DerivedWriters(tmp["graph.nt"], derived)
        with watch("sort/merge"), tmp["graph.nt"].open("wb") as handle:
            triples = write_ntriples(blocks, handle)
        with watch("state"), tmp[STATE_FILE].open("wb") as handle:
            write_state(handle, state)
            handle.flush()
            os.fsync(handle.fileno())
        with watch("turtle/json-ld"):
            if writers is not None:
                writers.finish()
            else:
                write_derived_files(tmp["graph.nt"], derived)
        if loader is not None:
            with watch("store wait"):
                loader.finish()
    except BaseException:
        if writers is not None:
            writers.abort()
        for path in tmp.values():
            path.unlink(missing_ok=True)
        raise
    return tmp, triples


class StoreLoader:
    """Loads a fresh store from blocks as they come, in a background thread, and swaps it in at the end.

    Blocks are batched (:data:`STORE_BATCH` characters) into pyoxigraph
    ``bulk_load`` calls, which release the GIL: the store fills while
    papers are extracted. :meth:`fix` takes out the triples of blocks that
    a slug clash changed, once everything is loaded. The new store is built
    in ``out/.store.new`` and replaces ``out/store`` as :func:`kg.store.build_store`
    does; :meth:`abort` removes it.
    """

    def __init__(self, out: Path, batch: int | None = None):
        self.out, self.batch = out, batch or STORE_BATCH
        self.path, self.old = out / f".{STORE_DIR}.new", out / f".{STORE_DIR}.old"
        restore_store(out)
        for leftover in (self.path, self.old):
            shutil.rmtree(leftover, ignore_errors=True)
        self.store = ox.Store(str(self.path))
        self.pending: list[str] = []
        self.size = 0
        self.seconds = 0.0
        self.removals: list[str] = []
        self.error: BaseException | None = None
        self.queue: queue.Queue = queue.Queue(maxsize=2)
        self.thread = threading.Thread(target=self._run, name="kg-store", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while (data := self.queue.get()) is not None:
            if self.error is not None:
                continue
            start = time.perf_counter()
            try:
                self.store.bulk_load(input=data, format=ox.RdfFormat.N_TRIPLES)
            except BaseException as err:  # handed to the caller by finish()
                self.error = err
            self.seconds += time.perf_counter() - start

    def add(self, blocks: Iterable[str]) -> None:
        blocks = blocks if isinstance(blocks, list) else list(blocks)
        self.pending += blocks
        self.size += sum(map(len, blocks))
        if self.size >= self.batch:
            self._flush()

    def _flush(self) -> None:
        if self.pending:
            self.queue.put(decode_block("".join(self.pending)).encode("utf-8"))
            self.pending, self.size = [], 0

    def fix(self, wrong: set[str], right: list[str], still: Iterable[str] = ()) -> None:
        """Blocks loaded that a slug clash made wrong, the blocks that replace them, and loaded blocks that stay
        (whose triples are kept though a wrong block has them too)."""
        if wrong:
            keep = {line for block in (*right, *still) for line in decode_block(block).splitlines(keepends=True)}
            self.removals = sorted({line for block in wrong for line in decode_block(block).splitlines(keepends=True)}
                                   - keep)
            self.add(right)

    def close(self) -> None:
        """Every block is given: load the rest (in the background)."""
        self._flush()
        self.queue.put(None)

    def finish(self) -> None:
        """Wait for the loads, take out the fixed triples, optimise and put the store in place."""
        self.thread.join()
        if self.error is not None:
            raise self.error
        start = time.perf_counter()
        if self.removals:
            for triple in ox.parse(input="".join(self.removals).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES):
                self.store.remove(ox.Quad(triple.subject, triple.predicate, triple.object))
        self.store.optimize()
        self.store.flush()
        del self.store
        final = self.out / STORE_DIR
        if final.exists():
            final.rename(self.old)
        self.path.rename(final)
        shutil.rmtree(self.old, ignore_errors=True)
        self.seconds += time.perf_counter() - start

    def abort(self) -> None:
        """Stop loading and remove the unfinished store."""
        if self.thread.is_alive():
            self.pending = []
            self.error = self.error or KGError("aborted")
            self.queue.put(None)
            self.thread.join()
        self.__dict__.pop("store", None)
        shutil.rmtree(self.path, ignore_errors=True)


def _frozen_gc(function):
    """Run ``function`` with the objects it builds moved out of the cyclic garbage collector's way.

    What a build holds (papers, contributions: tuples and strings) is no
    cyclic garbage, but with a big heap every collection walks all of it and
    time grows faster than the input; :func:`gc.freeze` after each chunk
    stops that, and everything is handed back to the collector at the end.
    """
    @functools.wraps(function)
    def run(*args, **kwargs):
        gc.freeze()
        try:
            return function(*args, **kwargs)
        finally:
            gc.unfreeze()
    return run


@_frozen_gc
def build(inputs: Iterable[str | Path] | None = None, out: str | Path = "out", *, format: str | None = None,
          errors: str = "raise", html: bool = True, progress: bool | None = None, extractor: Extractor | None = None,
          jobs: int | None = None, executor: str = "local", scheduler: str | None = None,
          update: bool = False, store: bool = True) -> BuildResult:
    """Build the graph of ``inputs`` (default: the bundled corpus) into ``out``.

    Writes ``graph.nt``, ``graph.ttl``, ``graph.jsonld``, the SPARQL store
    ``store/``, ``graph.html`` and the state ``kg-state.pickle`` that
    ``update=True`` builds on. ``jobs``: worker processes (default: every
    core); ``executor="dask"`` with ``scheduler`` runs extraction on a Dask
    cluster. ``store=False`` leaves the SPARQL store out (the first
    ``kg query``, ``kg serve`` or :func:`kg.load` builds it from ``graph.nt``);
    a store of an earlier build is removed before the new files go in, and
    an update still keeps an existing store in step. Each file is replaced
    atomically; a failed update leaves the build as it was.
    """
    start = time.perf_counter()
    watch = Stopwatch()
    out = Path(out)
    with watch("setup"):
        extractor = extractor or Extractor()
    with watch("ingest"):
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
                           time.perf_counter() - start, [], stages=watch.seconds)
    gc.freeze()
    if todo and hasattr(extractor, "learn"):  # a corpus-level pass: names discovered in any paper
        with watch("learn"):
            _learn(extractor, state.merger.papers(), executor, jobs=jobs, scheduler=scheduler)
    for key in gone:
        assembler.remove(key)
    out.mkdir(parents=True, exist_ok=True)
    # workers are forked before the store loader starts its thread
    run = get_executor(executor, extractor=extractor, jobs=jobs, scheduler=scheduler, papers=len(todo)) if todo else None
    sorter = BlockSorter(tmpdir=out)
    loader = None
    try:
        loader = None if update or not store else StoreLoader(out)
        fresh = [p.key for p in todo]
        if run is not None:
            _extract(todo, run, assembler, sorter, loader, jobs=jobs, progress=progress, watch=watch)
        if update:  # the blocks of the papers kept, made again: entity IRIs may have changed
            with watch("lines"):
                new = set(fresh)
                for key, c in assembler.contributions.items():
                    if key not in new:
                        sorter.extend(contribution_blocks(c))
                        fresh.append(key)
        state.contributions = assembler.contributions
        tmp, triples = _write_rdf(out, assembler, sorter, fresh, loader, state, watch=watch)
    except BaseException:
        if run is not None:
            run.close()
        if loader is not None:
            loader.abort()
        raise
    finally:
        sorter.close()
    if loader is not None:
        watch.add("store", loader.seconds)
    with watch("store" if update else "commit"):
        files = _commit(out, tmp, update, store)
    result = BuildResult(out, assembler, len(state.merger), triples, 0.0, files, extracted=len(todo),
                         stages=watch.seconds)
    if html:
        with watch("html"):
            files.append(_write_view(result, out / "graph.html"))
    result.seconds = time.perf_counter() - start
    result.stage_cpu = watch.cpu
    return result


def _write_view(result: BuildResult, path: Path) -> Path:
    """``graph.html``: the whole graph up to :data:`HTML_FULL_MAX` nodes, else an overview (:func:`overview_graph`)."""
    from kg.export.html import write_html

    asm = result.assembler
    nodes = len(asm.contributions) + len(asm.entity_keys())
    if nodes <= HTML_FULL_MAX:
        return write_html(result.graph, path)
    graph = overview_graph(asm)
    note = (f"Overview: the {graph.number_of_nodes():,} entities named by the most papers, of "
            f"{len(asm.entity_keys()):,} entities and {len(asm.contributions):,} papers (at most "
            f"{OVERVIEW_EVIDENCE} evidence sentences per link); kg view OUT NAME shows any entity's "
            f"neighbourhood, kg query the rest.")
    return write_html(graph, path, note=note)


def overview_graph(assembler: GraphAssembler, size: int | None = None, evidence: int | None = None) -> nx.MultiDiGraph:
    """The ``size`` entities named by the most papers, the links between them and their best ``evidence``.

    The view of a build too big to draw whole: no papers, each link with its
    most confident evidence sentences. Ties go to the smaller node id, so the
    same build gives the same overview.
    """
    size = OVERVIEW_NODES if size is None else size
    evidence = OVERVIEW_EVIDENCE if evidence is None else evidence
    uses = Counter()
    for u, v, _, found in assembler.edges():
        for node in (u, v):
            if not node.startswith("paper:"):
                uses[node] += len(found)
    chosen = set(sorted(assembler.entity_keys(), key=lambda n: (-uses[n], n))[:size])
    g = nx.MultiDiGraph()
    g.add_nodes_from((node, assembler.entity_data(node)) for node in sorted(chosen))
    for u, v, k, found in assembler.edges():
        if u in chosen and v in chosen:
            best = sorted(found, key=lambda ev: (-ev.confidence, ev.paper))[:evidence]
            g.add_edge(u, v, key=k, **{EVIDENCE: tuple(sorted(best))})
    return g


def _commit(out: Path, tmp: dict[str, Path], update: bool, store: bool = True) -> list[Path]:
    """Put the new files in place; an update first changes the store, in one transaction.

    A build without a store (``store=False``) first removes the store of an
    earlier build, so no store ever answers for a graph it does not hold.
    """
    try:
        if update and (out / STORE_DIR).is_dir() and (out / "graph.nt").is_file():
            update_store(out / STORE_DIR, out / "graph.nt", tmp["graph.nt"])
        elif update and store:
            build_store(tmp["graph.nt"], out)
        elif not store:
            remove_store(out)
    except BaseException:
        for path in tmp.values():
            path.unlink(missing_ok=True)
        raise
    for name, path in tmp.items():
        path.replace(out / name)
    return [out / name for name in tmp]


def _count_lines(path: Path) -> int:
    count = 0
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            count += chunk.count(b"\n")
    return count
