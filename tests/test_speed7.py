"""Parallel builds without the pipe traffic: workers write shard files, Turtle and JSON-LD follow graph.nt."""
from __future__ import annotations

import importlib
import io
import os
import threading
import time

import pytest

from kg.build import build
from kg.errors import KGError
from kg.export.lines import BlockSorter, write_shard
from kg.export.rdf import DerivedWriters, write_derived
from kg.model import Extraction, Mention, Paper, Relation
from kg.parallel import ProcessExecutor, extract_chunk
from kg.state import STATE_FILE, load_state

build_module = importlib.import_module("kg.build")
NT = b"".join(b'<https://w3id.org/lmkg/id/model/m%04d> <http://www.w3.org/2000/01/rdf-schema#label> "M %d" .\n'
              % (i, i) for i in range(3000))


def _two_mentions(paper: Paper) -> Extraction:
    mentions = (Mention("BERT", "BERT", "Model", 0, 4), Mention("GLUE", "GLUE", "Dataset", 5, 9))
    relation = Relation(("Model", "BERT"), "evaluatedOn", ("Dataset", "GLUE"), paper.key, paper.title, 0.8)
    return Extraction(paper, mentions, (relation,))


def test_speed7_extract_chunk_writes_its_blocks_to_a_shard(tmp_path):
    papers = [Paper(f"t:{i}", f"Paper {i}", "BERT on GLUE.") for i in range(5)]
    parts, blocks, _ = extract_chunk(papers, _two_mentions)
    same_parts, path, _ = extract_chunk(papers, _two_mentions, shards=str(tmp_path))
    assert same_parts == parts
    assert isinstance(path, str) and path.startswith(str(tmp_path))
    with open(path, encoding="utf-8", newline="\n") as handle:
        assert handle.readlines() == blocks == sorted(blocks)


class _Prepared:
    """An extractor that says whether it was prepared, and where."""

    def __init__(self):
        self.prepared_in = None

    def prepare(self):
        import os
        self.prepared_in = os.getpid()

    def __call__(self, paper):
        return _two_mentions(paper)


def test_speed7_workers_share_what_the_extractor_prepared_before_the_fork():
    """The relation cue table is built once in the parent, not once per worker (32 workers had made the bundled
    build take 20 s instead of 5)."""
    import os

    from kg.extract.pipeline import Extractor
    from kg.extract.relations import _default_extractor

    extractor = _Prepared()
    executor = ProcessExecutor(extractor, 2)
    try:
        assert extractor.prepared_in == os.getpid()
        [(parts, _, _)] = list(executor.map([[Paper("t:0", "Paper 0", "BERT on GLUE.")]]))
        assert len(parts) == 1
    finally:
        executor.close()
    _default_extractor.cache_clear()
    Extractor().prepare()  # the real one: the cue table is there before any paper
    assert _default_extractor.cache_info().currsize == 1


def test_speed7_sorter_takes_shards_and_counts_them(tmp_path):
    blocks = [f"<s{i:04d}> <p> \"{i}\" .\n" for i in range(400)]
    sorter = BlockSorter(tmpdir=tmp_path, fan_in=3)
    for i in range(0, 300, 50):  # six worker shards: merged into one at the third and the sixth
        sorter.add_shard(write_shard(blocks[i:i + 50], sorter.directory))
    sorter.extend(blocks[300:])
    assert sorter.total == sum(map(len, blocks))
    assert len(sorter.shards) == 2
    assert list(sorter.sorted([blocks[0]])) == blocks
    directory = sorter.directory
    assert directory.parent == tmp_path and directory.name.startswith(".")
    sorter.close()
    assert not list(tmp_path.iterdir())


def test_speed7_parallel_build_leaves_no_shards_and_sweeps_a_killed_builds(tmp_path, corpus_dir, monkeypatch):
    monkeypatch.setattr(build_module, "CHUNK", 16)
    out = tmp_path / "out"
    out.mkdir()
    debris = out / ".kg-shards-k1ll3d"
    debris.mkdir()
    (debris / "kg-shard-x.nt0").write_text("<half a line")
    seen = []
    add_shard = BlockSorter.add_shard
    monkeypatch.setattr(BlockSorter, "add_shard", lambda self, path: (seen.append(path), add_shard(self, path)))
    build([corpus_dir / "004_f7af65009ff3d076.txt"], out, html=False, jobs=2, store=False)
    assert len(seen) > 1  # every chunk came back as a shard file the worker wrote
    assert sorted(p.name for p in out.iterdir()) == ["graph.jsonld", "graph.nt", "graph.ttl", STATE_FILE]


@pytest.mark.parametrize("name", ["graph.ttl", "graph.jsonld"])
def test_speed7_derived_writers_follow_a_growing_file(tmp_path, name):
    """The children read graph.nt while it is written, in pieces with pauses, and write what a whole file gives."""
    nt, target = tmp_path / "graph.nt", tmp_path / name
    nt.write_bytes(b"")
    writers = DerivedWriters(nt, {name: target})
    with nt.open("wb") as handle:
        for i in range(0, len(NT), 40_000):
            handle.write(NT[i:i + 40_000])
            handle.flush()
            time.sleep(0.03)  # the child reaches the end of what is written and waits
    writers.finish()
    expected = io.BytesIO()
    write_derived(io.BytesIO(NT), expected, name)
    assert target.read_bytes() == expected.getvalue()


def test_speed7_derived_writers_report_a_failed_child(tmp_path):
    nt = tmp_path / "graph.nt"
    nt.write_bytes(b"")
    writers = DerivedWriters(nt, {"graph.ttl": tmp_path / "graph.ttl", "graph.jsonld": tmp_path / "graph.jsonld"})
    nt.write_bytes(b"<a> <b> not N-Triples\n")
    with pytest.raises(KGError, match="(?s)writing graph.ttl failed.*SyntaxError.*writing graph.jsonld failed"):
        writers.finish()


def test_speed7_derived_writers_abort_stops_the_children(tmp_path):
    nt = tmp_path / "graph.nt"
    nt.write_bytes(b"")
    writers = DerivedWriters(nt, {"graph.ttl": tmp_path / "graph.ttl"})
    done = threading.Event()
    threading.Thread(target=lambda: (writers.abort(), done.set()), daemon=True).start()
    assert done.wait(10)  # a child waiting for more N-Triples is killed, not waited for
    assert all(child.returncode is not None for child in writers.children.values())


def test_speed7_big_build_writes_state_while_children_serialise(tmp_path, corpus_dir, monkeypatch):
    """With the children (CHILD_FROM 0) the state is written before they finish, and reads back whole."""
    monkeypatch.setattr("kg.export.rdf.CHILD_FROM", 0)
    order = []
    finish = DerivedWriters.finish
    monkeypatch.setattr(DerivedWriters, "finish", lambda self: (order.append("finish"), finish(self)))
    write_state = build_module.write_state
    monkeypatch.setattr(build_module, "write_state", lambda *args: (order.append("state"), write_state(*args)))
    result = build([corpus_dir / "004_f7af65009ff3d076.txt"], tmp_path, html=False, jobs=1, store=False)
    assert order == ["state", "finish"]
    assert len(load_state(tmp_path).contributions) == result.papers > 10


class _DiesInWorker:
    """``_two_mentions``, but a worker process given the paper "t:die" exits at once, as one killed would."""

    def __init__(self):
        self.parent = os.getpid()

    def __call__(self, paper: Paper) -> Extraction:
        if paper.key == "t:die" and os.getpid() != self.parent:
            os._exit(3)
        return _two_mentions(paper)


def test_speed7_a_worker_that_dies_leaves_no_build_waiting(caplog):
    """A worker process that dies (killed, out of memory) once left its pool waiting for its chunk forever, and
    the build with it: the rest is now extracted in this process, with a warning, and the results are the same."""
    import signal

    def hung(*_):
        raise AssertionError("the executor still waits for the dead worker's chunk")

    chunks = [[Paper(key, key, "BERT on GLUE.")] for key in ("t:0", "t:1", "t:die", "t:3", "t:4", "t:5", "t:6")]
    expected = [extract_chunk(chunk, _two_mentions)[:2] for chunk in chunks]
    executor = ProcessExecutor(_DiesInWorker(), 2)
    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(60)
    try:
        assert [result[:2] for result in executor.map(chunks)] == expected
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
        executor.close()
    assert any("worker process died" in r.getMessage() and "exit code 3" in r.getMessage() for r in caplog.records)
    assert os.getpid() == executor.extractor.parent


def test_speed7_workers_started_by_spawn_get_the_extractor_pickled(monkeypatch):
    """Where there is no fork (Windows) each worker gets the extractor pickled: a
    closure in it once made every parallel build there fail ("Can't pickle local object")."""
    import multiprocessing

    from kg.extract.pipeline import Extractor

    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    extractor = Extractor()
    chunks = [[Paper("t:a", "ZorbBERT: a Welsh BERT", "We fine-tune BERT on GLUE for Welsh.")],
              [Paper("t:b", "A study", "LLaMA outperforms GPT-3 on MMLU.")]]
    expected = [extract_chunk(chunk, extractor)[:2] for chunk in chunks]
    executor = ProcessExecutor(extractor, 2)
    try:
        assert executor.pool._ctx.get_start_method() == "spawn"
        assert [result[:2] for result in executor.map(chunks)] == expected
    finally:
        executor.close()
