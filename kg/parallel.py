"""Where extraction runs: in this process, in worker processes, or on a Dask cluster.

Work goes out in chunks of papers; each chunk comes back as the chunk's
contributions (:class:`kg.graph.Contribution`, without the papers, which the
caller holds), its sorted N-Triples blocks (:mod:`kg.export.lines`) and the
seconds spent extracting and making lines. Given a ``shards`` directory, a
chunk's blocks are written to a shard file there and its path comes back
instead: worker processes on this machine then send no text through the pipe.
Results come back in the order the chunks went out, so every executor gives
the same graph and the same files as the serial one.

>>> from kg.model import Extraction, Paper
>>> ex = get_executor("serial", extractor=Extraction)  # finds nothing: the paper's own block only
>>> [len(blocks) for _, blocks, _ in ex.map([[Paper("t:x", "X", "Y.")]])]
[1]
>>> ex.close()
"""
from __future__ import annotations

import collections
import logging
import multiprocessing
import os
import time
from collections.abc import Callable, Iterable, Iterator

from kg.errors import KGError
from kg.export.lines import contribution_blocks, write_shard
from kg.graph import contribution
from kg.model import Extraction, Paper

__all__ = ["EXECUTORS", "ChunkResult", "DaskExecutor", "ProcessExecutor", "SerialExecutor", "default_jobs",
           "extract_chunk", "get_executor", "observe_chunk"]

log = logging.getLogger(__name__)

#: How long to wait for a Dask scheduler to answer.
DASK_TIMEOUT = "20s"
#: How often, in seconds, a wait for a worker's chunk checks that no worker process has died.
WORKER_CHECK = 0.5
#: ``(per paper: (entities, edges) of its contribution, sorted encoded blocks of the chunk (or the
#: path of the shard file holding them), (CPU seconds extracting, CPU seconds making contributions and lines))``
ChunkResult = tuple[list[tuple[tuple, tuple]], list[str] | str, tuple[float, float]]


#: The fewest papers worth a worker process of their own: a fork and its first chunk cost about what
#: extracting a hundred papers does, so a small corpus on a many-core machine starts few workers.
PAPERS_PER_WORKER = 250


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def worker_count(jobs: int, papers: int | None = None) -> int:
    """Workers to start for ``papers`` papers on ``jobs`` cores: at most one per :data:`PAPERS_PER_WORKER`.

    >>> worker_count(64, 576), worker_count(64, 100_000), worker_count(2, 576), worker_count(8)
    (3, 64, 2, 8)
    """
    if papers is None:
        return jobs
    return max(1, min(jobs, -(-papers // PAPERS_PER_WORKER)))


def extract_chunk(papers: list[Paper], extractor: Callable[[Paper], Extraction],
                  shards: str | None = None) -> ChunkResult:
    """Extract a chunk of papers: their contributions, their sorted blocks and the time each took.

    ``shards``: a directory where the blocks go as a shard file (:func:`kg.export.lines.write_shard`),
    whose path comes back in their place.
    """
    start = time.thread_time()
    many = getattr(extractor, "extract_many", None)  # one stage at a time over the chunk (Extractor.extract_many)
    extractions = many(papers) if many is not None else [extractor(paper) for paper in papers]
    middle = time.thread_time()
    parts, blocks = [], []
    for ex in extractions:
        c = contribution(ex)
        parts.append((c.entities, c.edges))
        blocks += contribution_blocks(c)
    blocks.sort()
    if shards is not None:
        blocks = str(write_shard(blocks, shards))
    return parts, blocks, (middle - start, time.thread_time() - middle)


def observe_chunk(papers: list[Paper], extractor) -> list[tuple]:
    """The new names of a chunk of papers, for the extractor's corpus-level pass (``Extractor.observe``)."""
    return extractor.observe(papers)


class SerialExecutor:
    """Extraction in this process."""

    def __init__(self, extractor):
        self.extractor = extractor

    def map(self, chunks: Iterable[list[Paper]], function=extract_chunk) -> Iterator:
        """``function(chunk, extractor)`` of each chunk, in order (default :func:`extract_chunk`)."""
        for chunk in chunks:
            yield function(chunk, self.extractor)

    def close(self) -> None:
        pass


_WORKER_EXTRACTOR = None


def _init_worker(extractor) -> None:
    global _WORKER_EXTRACTOR
    _WORKER_EXTRACTOR = extractor


def _worker_chunk(function, papers: list[Paper]):
    return function(papers, _WORKER_EXTRACTOR)


class _Window:
    """Keeps at most ``size`` chunks in flight and yields their results in order."""

    def __init__(self, size: int):
        self.size = size

    def run(self, submit, chunks: Iterable, result) -> Iterator:
        pending: collections.deque = collections.deque()
        for chunk in chunks:
            pending.append(submit(chunk))
            if len(pending) >= self.size:
                yield result(pending.popleft())
        while pending:
            yield result(pending.popleft())


class ProcessExecutor:
    """Extraction in ``jobs`` worker processes on this machine (forked where the platform allows).

    A worker process that dies (killed, out of memory) takes its chunk with it, and a pool waits for that chunk
    forever: once one has died, the workers are stopped and the chunks still to come are extracted in this
    process, with a warning; the results are the same.
    """

    def __init__(self, extractor, jobs: int):
        prepare = getattr(extractor, "prepare", None)
        if prepare is not None:  # before the fork: built once, not once per worker
            prepare()
        self.extractor = extractor
        methods = multiprocessing.get_all_start_methods()
        # (spawned workers, where there is no fork (Windows), get the extractor pickled)
        context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        before = set(multiprocessing.active_children())
        self.pool = context.Pool(jobs, initializer=_init_worker, initargs=(extractor,))
        self.workers = [p for p in multiprocessing.active_children() if p not in before]  # the pool's processes
        self.broken = False
        self.window = _Window(4 * jobs)

    def map(self, chunks: Iterable[list[Paper]], function=extract_chunk) -> Iterator:
        submit = lambda c: (c, None if self.broken else self.pool.apply_async(_worker_chunk, (function, c)))  # noqa: E731
        return self.window.run(submit, chunks, lambda job: self._result(function, *job))

    def _result(self, function, chunk: list[Paper], pending):
        """The chunk's result from its worker; made here once a worker has died."""
        while pending is not None and not pending.ready():
            if self.broken or any(p.exitcode is not None for p in self.workers):
                self._stop_workers()
                pending = None
            else:
                pending.wait(WORKER_CHECK)
        return function(chunk, self.extractor) if pending is None else pending.get()

    def _stop_workers(self) -> None:
        if not self.broken:
            codes = sorted({p.exitcode for p in self.workers if p.exitcode is not None})
            log.warning("a worker process died (exit code %s: killed, or out of memory?); the rest is extracted "
                        "in this process", ", ".join(map(str, codes)))
            self.broken = True
            self.close()

    def close(self) -> None:
        self.pool.terminate()
        self.pool.join()


class DaskExecutor:
    """Extraction on a running Dask cluster (``scheduler``: its address, ``tcp://host:8786``).

    The extractor is sent to every worker once; chunks are tasks, gathered in order.
    """

    def __init__(self, extractor, scheduler: str, window: int | None = None):
        try:
            from distributed import Client
        except ImportError as err:
            raise KGError("--executor dask needs the 'distributed' package: pip install 'dask[distributed]'") from err
        try:
            self.client = Client(scheduler, timeout=DASK_TIMEOUT, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as err:
            raise KGError(f"cannot reach the Dask scheduler at {scheduler}: {err}") from err
        workers = max(1, sum(w.get("nthreads", 1) for w in self.client.scheduler_info()["workers"].values()))
        [self.extractor] = self.client.scatter([extractor], broadcast=True)
        self.window = _Window(window or 4 * workers)

    def map(self, chunks: Iterable[list[Paper]], function=extract_chunk) -> Iterator:
        submit = lambda c: self.client.submit(function, c, self.extractor, pure=False)  # noqa: E731
        return self.window.run(submit, chunks, lambda f: f.result())

    def close(self) -> None:
        self.client.close()


EXECUTORS = ("local", "dask")


def get_executor(name: str = "local", *, extractor, jobs: int | None = None, scheduler: str | None = None,
                 papers: int | None = None):
    """An executor by name: ``local`` (``jobs`` processes; 1: this process) or ``dask`` (needs ``scheduler``).

    ``papers``: how many papers it will extract, if known: with ``jobs`` left to the default (every core),
    ``local`` then starts no more workers than they are worth (:func:`worker_count`); ``jobs`` given is kept.
    """
    if name == "dask":
        if not scheduler:
            raise KGError("--executor dask needs --scheduler tcp://host:port")
        return DaskExecutor(extractor, scheduler)
    if name not in ("local", "serial"):
        raise KGError(f"unknown executor {name!r}; choose one of {', '.join(EXECUTORS)}")
    jobs = worker_count(default_jobs(), papers) if jobs is None else jobs
    if jobs < 1:
        raise KGError(f"--jobs must be at least 1, not {jobs}")
    if name == "serial" or jobs == 1:
        return SerialExecutor(extractor)
    return ProcessExecutor(extractor, jobs)
