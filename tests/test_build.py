"""The build at scale: parallel and Dask builds equal the serial one, updates, slug clashes, shards."""
from __future__ import annotations

import json
import logging
import re

import pyoxigraph as ox
import pytest

import importlib
from kg.build import build
from kg.cli import main
from kg.errors import KGError
from kg.export.lines import BlockSorter
from kg.export.rdf import sorted_triples
from kg.extract import Extractor
from kg.graph import build_graph
from kg.ingest import merge_papers, read_papers
from kg.model import Extraction, Mention, Paper
from kg.progress import Progress
from kg.store import open_store, query

build_module = importlib.import_module("kg.build")
FILES = ("graph.nt", "graph.ttl", "graph.jsonld")


def _files(out) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in FILES}


def _store_matches_nt(out) -> bool:
    """The build's store holds exactly the triples of its graph.nt (as a store holds them: decimals canonical)."""
    expected = ox.Store()
    expected.load(path=str(out / "graph.nt"), format=ox.RdfFormat.N_TRIPLES)
    return {str(q) for q in open_store(out)} == {str(q) for q in expected}


@pytest.fixture(scope="module")
def papers(corpus_dir) -> list[Paper]:
    """About a hundred papers of the bundled corpus."""
    return merge_papers(read_papers([corpus_dir / "004_f7af65009ff3d076.txt", corpus_dir / "002_cb72dc267ce78812.txt"]))


def _jsonl(path, papers):
    with path.open("w", encoding="utf-8") as handle:
        for p in papers:
            handle.write(json.dumps({"title": p.title, "abstract": p.abstract, "id": p.arxiv_id, "date": p.date}) + "\n")
    return path


@pytest.fixture(scope="module")
def halves(papers, tmp_path_factory):
    d = tmp_path_factory.mktemp("in")
    half = len(papers) // 2
    return _jsonl(d / "a.jsonl", papers[:half]), _jsonl(d / "b.jsonl", papers[half:])


@pytest.fixture(scope="module")
def serial(halves, tmp_path_factory):
    """Both halves built in this process, with small chunks."""
    out = tmp_path_factory.mktemp("serial")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(build_module, "CHUNK", 16)
        build(halves, out, html=False, jobs=1)
    return out


class PerPaper:
    """The extractor without a corpus-level pass: each paper alone."""

    def __init__(self):
        self.inner = Extractor()
        self.gazetteer = self.inner.gazetteer

    def __call__(self, paper):
        return self.inner(paper)


@pytest.mark.parametrize("jobs", [2, 3])
def test_build_parallel_output_identical_to_serial(halves, serial, tmp_path, monkeypatch, jobs):
    monkeypatch.setattr(build_module, "CHUNK", 16)
    result = build(halves, tmp_path, html=False, jobs=jobs)
    assert _files(tmp_path) == _files(serial)
    assert _store_matches_nt(tmp_path)
    assert result.papers == result.extracted > 50


def test_default_jobs_start_no_more_workers_than_the_papers_are_worth(halves, serial, tmp_path, monkeypatch):
    """Left to the default, a many-core machine starts one worker per 250 papers at most; --jobs is kept."""
    import kg.parallel as parallel

    monkeypatch.setattr(parallel, "default_jobs", lambda: 64)
    started = []
    monkeypatch.setattr(parallel.ProcessExecutor, "__init__",
                        lambda self, extractor, jobs, init=parallel.ProcessExecutor.__init__:
                        started.append(jobs) or init(self, extractor, jobs))
    assert isinstance(parallel.get_executor(extractor=Extraction, papers=200), parallel.SerialExecutor)
    parallel.get_executor(extractor=Extraction, papers=600).close()
    parallel.get_executor(extractor=Extraction, jobs=5, papers=600).close()
    assert started == [3, 5]
    monkeypatch.setattr(build_module, "CHUNK", 16)
    result = build(halves, tmp_path, html=False)
    assert _files(tmp_path) == _files(serial)
    workers = -(-result.papers // 250)  # the learn pass and the extraction each
    assert started[2:] == ([workers, workers] if workers > 1 else [])


def test_build_dask_local_cluster_identical_to_serial(halves, serial, tmp_path, monkeypatch):
    distributed = pytest.importorskip("distributed")
    monkeypatch.setattr(build_module, "CHUNK", 16)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster:
        build(halves, tmp_path, html=False, executor="dask", scheduler=cluster.scheduler_address)
    assert _files(tmp_path) == _files(serial)


def test_build_dask_unreachable_scheduler_is_clear_error(halves, tmp_path, monkeypatch):
    pytest.importorskip("distributed")
    monkeypatch.setattr("kg.parallel.DASK_TIMEOUT", "1s")
    with pytest.raises(KGError, match="Dask scheduler"):
        build(halves, tmp_path, html=False, executor="dask", scheduler="tcp://127.0.0.1:9")


def test_build_update_equals_full_build_and_is_idempotent(halves, tmp_path, monkeypatch):
    monkeypatch.setattr("kg.state._CHUNK", 7)  # the state file in many pickles
    a, b = halves
    full = tmp_path / "full"
    build(halves, full, html=False, extractor=PerPaper())
    build([a], tmp_path, html=False, extractor=PerPaper())
    result = build([b], tmp_path, html=True, update=True, extractor=PerPaper())
    assert result.extracted == result.papers - len(a.read_text().splitlines())
    assert _files(tmp_path) == _files(full)
    title = json.loads(b.read_text().splitlines()[0])["title"]
    answer = query(open_store(tmp_path), f"ASK {{ ?p dcterms:title {json.dumps(title)} }}")
    assert answer.boolean
    before = {p.name: p.stat().st_mtime_ns for p in tmp_path.iterdir()}
    again = build([b], tmp_path, html=False, update=True, extractor=PerPaper())
    assert again.extracted == 0 and again.files == []
    assert _files(tmp_path) == _files(full)
    assert {p.name: p.stat().st_mtime_ns for p in tmp_path.iterdir()} == before


def test_build_update_replaces_changed_paper(halves, tmp_path, papers):
    a, _ = halves
    build([a], tmp_path, html=False)
    first = json.loads(a.read_text().splitlines()[0])
    changed = dict(first, abstract=first["abstract"] + " We also evaluate on GLUE with BERT.")
    new = tmp_path / "new.jsonl"
    new.write_text(json.dumps(changed) + "\n")
    result = build([new], tmp_path, html=False, update=True)
    assert result.extracted == 1
    assert query(open_store(tmp_path), "ASK { ?s kg:evidence ?e FILTER(CONTAINS(?e, 'also evaluate on GLUE')) }").boolean
    abstracts = query(open_store(tmp_path), f"SELECT ?a WHERE {{ ?p dcterms:title {json.dumps(first['title'])} ; "
                                            "dcterms:abstract ?a }").rows
    assert abstracts == [(changed["abstract"],)]


def test_build_failed_update_leaves_build_as_it_was(halves, tmp_path):
    a, _ = halves
    build([a], tmp_path, html=False)
    before = _files(tmp_path)
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"title": "Fine", "abstract": "A paper."}\n{"title": \n')
    with pytest.raises(KGError):
        build([bad], tmp_path, html=False, update=True)
    assert _files(tmp_path) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]
    assert query(open_store(tmp_path), "ASK { ?p dcterms:title 'Fine' }").boolean is False


def test_build_update_without_build_is_clear_error(halves, tmp_path, capsys):
    assert main(["build", "--update", str(tmp_path), str(halves[0])]) == 1
    assert "kg build" in capsys.readouterr().err


class Learner:
    """A toy extractor with a corpus-level pass: a title's first word, learned anywhere, is a Model everywhere."""

    def __init__(self):
        self.gazetteer = Extractor().gazetteer
        self.learned: set[str] = set()
        self.seen: list[int] = []

    def learn(self, papers):
        papers = list(papers)
        self.seen.append(len(papers))
        self.learned = {p.title.split()[0] for p in papers if p.title.split()[0].isupper()}

    def __call__(self, paper):
        text = paper.text
        mentions = [Mention(w, w, "Model", text.index(w), text.index(w) + len(w)) for w in sorted(self.learned)
                    if f" {w} " in f" {text} "]
        return Extraction(paper, tuple(mentions))


def test_build_update_links_names_learned_earlier(tmp_path):
    old = _jsonl(tmp_path / "old.jsonl", [Paper("t:a", "ZORB for all", "We train ZORB.")])
    new = _jsonl(tmp_path / "new.jsonl", [Paper("t:b", "On models", "We compare with ZORB here.")])
    out = tmp_path / "out"
    build([old], out, html=False, extractor=Learner())
    learner = Learner()
    result = build([new], out, html=False, update=True, extractor=learner)
    assert learner.seen == [2]
    assert result.graph.has_edge("paper:t:on models", "Model:ZORB", "mentions")


class Fixed:
    """An extractor that mentions given names in every paper."""

    def __init__(self, names):
        self.names = names
        self.gazetteer = Extractor().gazetteer

    def __call__(self, paper):
        return Extraction(paper, tuple(Mention(n, n, "Model", 0, 1) for n in self.names[len(paper.key) % 2::2]))


def test_build_slug_clash_output_equals_whole_graph_export(papers, tmp_path, monkeypatch):
    monkeypatch.setattr(build_module, "CHUNK", 16)
    extractor = Fixed(["BERT-base", "BERT base", "bert base", "GPT-2"])
    _jsonl(tmp_path / "in.jsonl", papers)
    build([tmp_path / "in.jsonl"], tmp_path / "out", html=False, jobs=2, extractor=extractor)
    merged = merge_papers(read_papers([tmp_path / "in.jsonl"]))
    expected = sorted_triples(build_graph([extractor(p) for p in merged], extractor.gazetteer.entities))
    assert (tmp_path / "out" / "graph.nt").read_bytes() == ox.serialize(expected, format=ox.RdfFormat.N_TRIPLES)
    assert b"model/bert-base-" in (tmp_path / "out" / "graph.nt").read_bytes()
    assert _store_matches_nt(tmp_path / "out")  # loaded while extracting, then the clash's blocks fixed


def test_build_slug_clash_within_one_paper_keeps_the_shared_statement(tmp_path):
    """Two names of one paper that share a slug made one statement before the clash was settled: the name that
    keeps the plain slug keeps it, in the store as in graph.nt ("HumanEval" beside "HumanEval+")."""
    paper = {"id": "t:zorb-code", "title": "Zorb: a small code model",
             "abstract": "We evaluate Zorb on HumanEval and HumanEval+. Zorb solves 60% of HumanEval+ problems and "
                         "65% of HumanEval problems."}
    (tmp_path / "in.jsonl").write_text(json.dumps(paper) + "\n", encoding="utf-8")
    build([tmp_path / "in.jsonl"], tmp_path / "out", html=False, jobs=1)
    nt = (tmp_path / "out" / "graph.nt").read_bytes()
    assert b"dataset/humaneval>" in nt and b"dataset/humaneval-" in nt  # the clash happened
    assert _store_matches_nt(tmp_path / "out")


def test_build_block_sorter_spills_and_merges(tmp_path):
    import random
    blocks = [f"<s{i:05d}> <p> \"{i}\" .\0<s{i:05d}> <q> \"x\" .\n" for i in range(3000)]
    random.Random(1).shuffle(blocks)
    sorter = BlockSorter(tmpdir=tmp_path, limit=2000, fan_in=4)
    for i in range(0, len(blocks), 100):
        sorter.extend(blocks[i:i + 100])
    assert sorter.shards
    assert list(sorter.sorted([blocks[0]])) == sorted(blocks)
    sorter.close()
    assert not list(tmp_path.iterdir())


def test_build_progress_log_lines_when_not_a_terminal(halves, tmp_path, monkeypatch, caplog, capsys):
    """stderr is no terminal under pytest: plain INFO lines with papers/s and ETA, no bar."""
    import sys

    assert not sys.stderr.isatty()
    monkeypatch.setattr(build_module, "PROGRESS_FROM", 1)
    monkeypatch.setattr(build_module, "CHUNK", 16)
    monkeypatch.setattr("kg.progress.LOG_EVERY", 0.0)
    caplog.set_level(logging.INFO, logger="kg.progress")
    result = build(halves, tmp_path, html=False, jobs=1)
    lines = [r.getMessage() for r in caplog.records if r.name == "kg.progress"]
    assert len(lines) >= 3 and all(re.fullmatch(r"extracted \d+/%d papers \([\d,]+ papers/s(, ETA \d+ s)?\)"
                                                % result.extracted, line) for line in lines)
    assert "ETA" in lines[0] and lines[-1].startswith(f"extracted {result.extracted}/{result.extracted} ")
    assert not lines[-2].startswith(f"extracted {result.extracted}/")  # the last line once, not again on closing
    assert "papers/s]" not in capsys.readouterr().err  # no tqdm bar


def test_build_progress_bar_on_a_terminal(monkeypatch, capsys, caplog):
    import sys

    caplog.set_level(logging.INFO, logger="kg.progress")
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    progress = Progress(1000, show=None)
    assert progress.bar is not None and not progress.log_lines
    progress.update(400)
    progress.bar.refresh()
    progress.close()
    err = capsys.readouterr().err
    assert "400/1000" in err and "papers/s" in err and not caplog.records


def test_build_cli_jobs_and_update(halves, serial, tmp_path, capsys):
    a, b = halves
    assert main(["build", str(a), "--out", str(tmp_path), "--no-html", "--jobs", "2"]) == 0
    assert main(["build", "--update", str(tmp_path), str(b), "--no-html"]) == 0
    assert "papers new or changed" in capsys.readouterr().out
    assert (tmp_path / "graph.nt").is_file()


@pytest.mark.parametrize("sentence, confidence", [
    ("We use BERT.", 0.9), ('Say "{hi}"\n\tand \\ {0} {st}', 1.5), ("", float("nan")), ("x\ud800y", -0.2), ("z", 1),
])
def test_build_statement_block_equals_its_sorted_lines(sentence, confidence):
    from kg.export.iri import paper_iri
    from kg.export.lines import _statement_block, _statement_lines, encode_block, literal
    from kg.graph import Evidence

    ev = Evidence("arxiv:1810.04805", sentence, confidence)
    s, o = "<https://w3id.org/lmkg/id/model/tinybert>", "<https://w3id.org/lmkg/id/model/bert>"
    fast = _statement_block(s, "distillsFrom", o, ev, paper_iri(ev.paper), literal(ev.sentence))
    assert fast == encode_block(_statement_lines(s, "distillsFrom", o, ev))


def test_build_derived_files_from_child_process_identical(halves, serial, tmp_path, monkeypatch):
    """Big builds write JSON-LD in a child process while Turtle is written here: the same bytes."""
    monkeypatch.setattr("kg.export.rdf.CHILD_FROM", 0)
    monkeypatch.setattr(build_module, "CHUNK", 16)
    build(halves, tmp_path, html=False, jobs=1)
    assert _files(tmp_path) == _files(serial)


def test_build_overview_html_for_big_graph(halves, tmp_path, monkeypatch):
    """Above HTML_FULL_MAX nodes graph.html draws the best-connected entities only, with a note."""
    monkeypatch.setattr(build_module, "HTML_FULL_MAX", 10)
    result = build(halves, tmp_path, jobs=1)
    overview = build_module.overview_graph(result.assembler, size=5, evidence=1)
    assert overview.number_of_nodes() == 5 and not any(n.startswith("paper:") for n in overview)
    assert all(len(d["evidence"]) == 1 for *_, d in overview.edges(data=True))
    uses = {n: sum(len(d["evidence"]) for *_, d in result.graph.edges(n, data=True))
            + sum(len(d["evidence"]) for *_, d in result.graph.in_edges(n, data=True)) for n in overview}
    others = [n for n in result.graph if not n.startswith("paper:") and n not in overview]
    top = min(uses.values())
    assert all(sum(len(d["evidence"]) for *_, d in result.graph.in_edges(n, data=True))
               + sum(len(d["evidence"]) for *_, d in result.graph.edges(n, data=True)) <= top for n in others)
    page = (tmp_path / "graph.html").read_text(encoding="utf-8")
    entities = len(result.assembler.entity_keys())
    assert f"Overview: the {min(entities, 500)} entities named by the most papers, of {entities} entities" in page
    assert len(page) < 2_000_000


def test_build_update_refuses_a_state_file_that_would_run_code(halves, tmp_path, capsys):
    """A build state is read with an unpickler that refuses every class: a planted pickle runs nothing."""
    import os
    import pickle

    from kg.cli import main
    from kg.state import STATE_FILE

    first, second = halves
    out = tmp_path / "o"
    assert main(["build", str(first), "--out", str(out), "--no-html", "-j", "1"]) == 0
    marker = tmp_path / "ran"

    class Payload:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    (out / STATE_FILE).write_bytes(pickle.dumps(Payload()))
    assert main(["build", "--update", str(out), str(second), "--no-html"]) == 1
    assert not marker.exists()
    assert "cannot read the build state" in capsys.readouterr().err


def _open_and_count(out) -> int:
    return len(open_store(out))


def test_build_without_store_files_identical_store_built_on_first_open(halves, serial, tmp_path, caplog):
    out = tmp_path / "out"
    build(halves, out, html=False, jobs=1, store=False)
    assert _files(out) == _files(serial)
    assert not (out / "store").exists()
    with caplog.at_level(logging.WARNING, logger="kg.store"):
        assert _store_matches_nt(out)
    assert "building the SPARQL store" in caplog.text
    caplog.clear()
    assert _store_matches_nt(out)  # opened, not built again
    assert "building" not in caplog.text


def test_build_without_store_removes_the_stale_store_of_an_earlier_build(halves, tmp_path):
    a, b = halves
    build([a], tmp_path, html=False, jobs=1)
    assert (tmp_path / "store").is_dir()
    (tmp_path / ".store.old").mkdir()  # as a build killed while swapping stores leaves it
    build([a, b], tmp_path, html=False, jobs=1, store=False)
    assert not (tmp_path / "store").exists() and not (tmp_path / ".store.old").exists()
    assert _store_matches_nt(tmp_path)  # rebuilt from the new graph, not the old store


def test_build_update_without_store_keeps_an_existing_store_in_step(halves, tmp_path):
    a, b = halves
    build([a], tmp_path, html=False, jobs=1)
    build([b], tmp_path, html=False, update=True, store=False)
    assert (tmp_path / "store").is_dir()
    assert _store_matches_nt(tmp_path)


def test_build_without_store_concurrent_first_queries_build_it_once(halves, tmp_path):
    import multiprocessing

    build(halves, tmp_path, html=False, jobs=1, store=False)
    with multiprocessing.get_context("spawn").Pool(3) as pool:
        counts = pool.map(_open_and_count, [tmp_path] * 3)
    assert len(set(counts)) == 1 and counts[0] > 0
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".store.")) == [".store.lock"]


def test_build_cli_no_store(halves, tmp_path, capsys):
    assert main(["build", str(halves[0]), "--out", str(tmp_path), "--no-html", "--no-store", "-j", "1"]) == 0
    assert not (tmp_path / "store").exists()
    capsys.readouterr()
    assert main(["query", str(tmp_path), "ASK { ?p a kg:Paper }"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "yes\n" and "building the SPARQL store" in captured.err
