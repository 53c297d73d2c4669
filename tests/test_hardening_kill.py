"""Nothing lost: a ``kg build`` killed (SIGKILL) at any moment leaves the
previous output complete and valid, and the next build succeeds.

The previous output is a build of the same corpus, so a complete output is
byte-identical to it: every file keeps its bytes (hence parses), the store
opens and holds the same triples. Kill moments are drawn from seeded random
numbers, stratified over the part of the run that touches the output
directory (measured on a first build), so every seed lands somewhere else in
it; a final build over the debris must succeed and leave no temporary files.
The builds are started ahead and held before their first line, so that a
kill lands in the build, not in Python's start-up.
"""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

import kg.store
from kg.store import STORE_DIR, open_store

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
KILLS = 6  # seeds; each kills one build
POLL = 0.002


# ``kg build`` in its own process, imported ahead and held until told to go, so kills land in the build
# rather than in Python's start-up (which takes longer than the build on a busy machine).
_HELD = "import sys; import kg.build; from kg.cli import main; sys.stdin.readline(); sys.exit(main(sys.argv[1:]))"


class Builds:
    """Hands out ``kg build`` processes, starting the next one (held at the start line) while one runs."""

    def __init__(self, corpus: Path, out: Path):
        self.argv = [sys.executable, "-c", _HELD, "-q", "build", str(corpus), "--out", str(out)]
        self.env = dict(os.environ, PYTHONPATH=str(ROOT))
        self.next = self._spawn()

    def _spawn(self) -> subprocess.Popen:
        return subprocess.Popen(self.argv, cwd=ROOT, env=self.env, stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    def start(self) -> subprocess.Popen:
        proc, self.next = self.next, self._spawn()
        proc.stdin.write(b"go\n")
        proc.stdin.close()
        return proc

    def close(self) -> None:
        self.next.kill()
        self.next.communicate()


def _listing(out: Path) -> dict[str, tuple[int, int]]:
    """Name -> (size, mtime) of every entry of ``out``, temporary ones included."""
    found = {}
    for entry in os.scandir(out):
        try:
            stat = entry.stat(follow_symlinks=False)
        except FileNotFoundError:  # renamed away while listing
            continue
        found[entry.name] = (stat.st_size, stat.st_mtime_ns)
    return found


def _first_change(proc: subprocess.Popen, out: Path) -> float | None:
    """Wait until the build first touches ``out``; the moment (perf_counter), or None if it exited first."""
    before = _listing(out)
    while proc.poll() is None:
        if _listing(out) != before:
            return time.perf_counter()
        time.sleep(POLL)
    return None


def _store_quads(out: Path) -> set[str]:
    store = ox.Store.read_only(str(out / STORE_DIR))
    return {str(q) for q in store}


def _snapshot(out: Path) -> tuple[dict[str, bytes], set[str]]:
    files = {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file() and not p.name.startswith(".")}
    return files, _store_quads(out)


def _assert_complete(out: Path, files: dict[str, bytes], quads: set[str], when: str) -> None:
    visible = {p.name for p in out.iterdir() if not p.name.startswith(".")}
    assert set(files) <= visible <= set(files) | {STORE_DIR}, f"{when}: output entries {sorted(visible)}"
    for name, data in files.items():
        assert (out / name).read_bytes() == data, f"{when}: {name} differs from the previous output"
    assert {str(q) for q in open_store(out)} == quads, f"{when}: the store lost or changed triples"
    assert (out / STORE_DIR).is_dir()


@pytest.fixture(scope="module")
def builds(tmp_path_factory, corpus_dir):
    out = tmp_path_factory.mktemp("kill") / "out"
    out.mkdir()
    builds = Builds(corpus_dir, out)
    yield out, builds
    builds.close()


@pytest.fixture(scope="module")
def previous(builds):
    """A complete build of the bundled corpus, its snapshot, and how long the output-touching part took."""
    out, runner = builds
    proc = runner.start()
    started = _first_change(proc, out)
    proc.wait(timeout=600)
    ended = time.perf_counter()
    err = proc.stderr.read()
    assert proc.returncode == 0, err.decode()
    assert started is not None
    files, quads = _snapshot(out)
    assert {"graph.ttl", "graph.nt", "graph.jsonld"} <= set(files) and quads
    return out, runner, files, quads, ended - started


@pytest.mark.parametrize("seed", range(KILLS))
def test_hardening_kill_build_leaves_previous_output(previous, seed):
    out, runner, files, quads, window = previous
    rng = random.Random(seed)
    # stratified: seed k kills in the k-th of KILLS slices of the window, squared to crowd the early
    # slices, where the RDF files and the store are written (the HTML view comes last)
    at = ((seed + rng.random()) / KILLS) ** 2 * window
    proc = runner.start()
    try:
        started = _first_change(proc, out)
        if started is not None:
            time.sleep(max(0.0, started + at - time.perf_counter()))
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=60)
    debris = sorted(set(_listing(out)) - set(files) - {STORE_DIR})
    _assert_complete(out, files, quads, f"killed {at:+.2f} s after the first write (seed {seed}), leaving {debris}")


def test_hardening_kill_next_build_succeeds_and_cleans_up(previous):
    """Runs after the kills: a build over their debris succeeds and leaves only the output."""
    out, runner, files, quads, _ = previous
    proc = runner.start()
    proc.wait(timeout=600)
    assert proc.returncode == 0, proc.stderr.read().decode()
    _assert_complete(out, files, quads, "after the next build")
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == []


def test_hardening_kill_between_store_swaps_keeps_a_store(tmp_path, built_out, monkeypatch):
    """A build that dies after moving the old store aside, before the new one takes its place."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.nt").write_bytes((built_out / "graph.nt").read_bytes())
    kg.store.build_store(out / "graph.nt", out)
    before = _store_quads(out)
    real_rename = Path.rename

    def dying_rename(self, target):
        if Path(target).name == STORE_DIR:
            raise KeyboardInterrupt("killed between the two renames")
        return real_rename(self, target)

    inode = (out / STORE_DIR).stat().st_ino
    monkeypatch.setattr(Path, "rename", dying_rename)
    with pytest.raises(KeyboardInterrupt):
        kg.store.build_store(out / "graph.nt", out)
    monkeypatch.undo()
    assert not (out / STORE_DIR).exists()
    assert {str(q) for q in open_store(out)} == before
    assert (out / STORE_DIR).stat().st_ino == inode, "the previous store was rebuilt, not kept"
    kg.store.build_store(out / "graph.nt", out)
    assert _store_quads(out) == before


def test_hardening_kill_build_sweeps_debris_of_a_killed_build(tmp_path):
    """Spilled sort shards and temporaries a killed build left behind are removed by the next build."""
    src = tmp_path / "in.jsonl"
    src.write_text('{"title": "BERT", "abstract": "We distil BERT on GLUE."}\n', encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    debris = [out / "kg-shard-k1ll3d.nt0", out / ".graph.nt.k1ll3d.tmp", out / ".graph.html.k1ll3d.tmp"]
    for path in debris:
        path.write_text("<half a line")
    from kg.build import build

    build([src], out)
    assert not [p.name for p in debris if p.exists()]
    assert (out / "graph.nt").read_text(encoding="utf-8").endswith(" .\n")
