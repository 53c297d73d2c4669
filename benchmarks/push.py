"""``kg push`` into a real Oxigraph server: the former staging ``PUT`` + ``MOVE`` against the difference update.

Starts ``oxigraph serve`` (the ``oxigraph`` package of the ``test`` extra) on
a temporary directory and a free loopback port, then times, for the bundled
corpus (built into a temporary directory) and a synthetic lineage graph
(:mod:`kg.synthetic`, about 1M triples by default):

- ``MOVE`` (before): the former push, a ``PUT`` into a staging graph and one
  SPARQL ``MOVE`` onto the target, replacing a full target;
- ``PUT``: one Graph Store ``PUT`` straight onto the full target;
- ``kg push``: first push (empty target), again unchanged, again with 1% of
  the triples changed, and replacing a different graph of the same size
  (every triple changed; the bundled corpus only).

Each line: wall time, the server's CPU time (from ``/proc``), bytes the
server wrote to disk, and what the push did::

    python benchmarks/push.py                # corpus and 1M triples: ~15 min (the former push of 1M: 10 min)
    python benchmarks/push.py --no-move-big  # without the former push of 1M: ~3 min
    python benchmarks/push.py --papers 2000 --models 1000 --datasets 20
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote, urlencode

ROOT = Path(__file__).resolve().parent.parent
# benchmarks/html.py would shadow the standard library's html module
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "benchmarks"]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kg.push import move_update, push  # noqa: E402
from kg.synthetic import write_lineage  # noqa: E402

TICK = os.sysconf("SC_CLK_TCK")
MB = 1e6


def oxigraph_binary() -> str:
    found = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
    if not found:
        sys.exit("the oxigraph server is not installed: pip install oxigraph (the test extra)")
    return found


class Server:
    """``oxigraph serve`` on a temporary directory; its CPU time and disk writes from /proc."""

    def __init__(self, location: Path):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        self.process = subprocess.Popen([oxigraph_binary(), "serve", "--location", str(location),
                                         "--bind", f"127.0.0.1:{port}"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.url + "/query?" + urlencode({"query": "ASK {}"}), timeout=2).close()
                return
            except OSError:
                time.sleep(0.2)
        self.stop()
        sys.exit("the oxigraph server did not start")

    def usage(self) -> tuple[float, int]:
        fields = open(f"/proc/{self.process.pid}/stat").read().rsplit(")", 1)[1].split()
        io = dict(line.split(": ") for line in open(f"/proc/{self.process.pid}/io").read().splitlines())
        return (int(fields[11]) + int(fields[12])) / TICK, int(io["write_bytes"])

    def request(self, method: str, path: str, body: bytes, media: str) -> None:
        request = urllib.request.Request(self.url + path, data=body, method=method, headers={"Content-Type": media})
        urllib.request.urlopen(request, timeout=3600).close()

    def count(self, graph: str) -> int:
        text = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
        answer = urllib.request.urlopen(self.url + "/query?" + urlencode({"query": text}), timeout=600).read()
        return int(answer.split(b'"value":"')[1].split(b'"')[0])

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def timed(server: Server, label: str, run) -> tuple[float, float]:
    cpu, written = server.usage()
    start = time.perf_counter()
    what = run() or ""
    wall = time.perf_counter() - start
    cpu2, written2 = server.usage()
    print(f"  {label:44s} {wall:8.1f} s {cpu2 - cpu:8.1f} s {(written2 - written) / MB:9.0f} MB   {what}", flush=True)
    return wall, cpu2 - cpu


def old_push(server: Server, nt: Path, graph: str) -> str:
    """The former ``kg push``: the graph ``PUT`` into a staging graph, then one ``MOVE`` onto the target."""
    staging = "urn:kg:push:bench"
    server.request("PUT", "/store?graph=" + quote(staging, safe=""), nt.read_bytes(), "application/n-triples")
    server.request("POST", "/update", move_update(staging, graph).encode(), "application/sparql-update")
    return "staging PUT + MOVE"


def variant(nt: Path, out: Path, share: float, seed: int = 0) -> Path:
    """A copy of the build in ``nt``'s folder with ``share`` of its triples replaced by new ones."""
    lines = nt.read_bytes().splitlines(keepends=True)
    rng = random.Random(seed)
    changed = set(rng.sample(range(len(lines)), max(1, int(len(lines) * share))))
    kept = [line for i, line in enumerate(lines) if i not in changed]
    new = [f'<https://example.org/bench/{i}> <https://example.org/bench/p> "changed {i}" .\n'.encode()
           for i in changed]
    out.mkdir(parents=True, exist_ok=True)
    (out / "graph.nt").write_bytes(b"".join(sorted(kept + new)))
    return out


def describe(result) -> str:
    deleted = "all" if result.deleted is None else result.deleted
    return f"kg push: {result.method}, {result.inserted} in, {deleted} out"


def bench(server: Server, name: str, out: Path, other: Path | None, move: bool,
          work: Path) -> dict[str, tuple[float, float]]:
    nt = out / "graph.nt"
    triples = sum(1 for _ in open(nt, "rb"))
    print(f"\n{name}: {triples:,} triples, {nt.stat().st_size / MB:.1f} MB of N-Triples")
    print(f"  {'':44s} {'wall':>10s} {'server CPU':>10s} {'written':>12s}")
    store = f"{server.url}/store"
    figures = {}
    graph = f"https://example.org/bench/{name}/kg"
    figures["first"] = timed(server, "kg push, first (empty target)", lambda: describe(push(out, store, graph)))
    figures["unchanged"] = timed(server, "kg push, unchanged", lambda: describe(push(out, store, graph)))
    changed = variant(nt, work / f"{name}-changed", 0.01)
    figures["changed"] = timed(server, "kg push, 1% of the triples changed", lambda: describe(push(changed, store, graph)))
    if other is not None:
        figures["replace"] = timed(server, "kg push, replacing a different graph",
                                   lambda: describe(push(other, store, graph)))
        push(out, store, graph)
    assert server.count(graph) == triples
    if move:
        old = f"https://example.org/bench/{name}/old"
        server.request("PUT", "/store?graph=" + quote(old, safe=""), changed.joinpath("graph.nt").read_bytes(),
                       "application/n-triples")
        figures["move"] = timed(server, "before: staging PUT + MOVE onto a full target",
                                lambda: old_push(server, nt, old))
        assert server.count(old) == triples
        figures["put"] = timed(server, "one PUT onto the full target", lambda: server.request(
            "PUT", "/store?graph=" + quote(old, safe=""), changed.joinpath("graph.nt").read_bytes(),
            "application/n-triples") or "Graph Store PUT")
        server.request("POST", "/update", f"DROP SILENT GRAPH <{old}>".encode(), "application/sparql-update")
    server.request("POST", "/update", f"DROP SILENT GRAPH <{graph}>".encode(), "application/sparql-update")
    return figures


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--papers", type=int, default=100_000)
    parser.add_argument("--models", type=int, default=50_000)
    parser.add_argument("--datasets", type=int, default=1_000)
    parser.add_argument("--no-move-big", action="store_true", help="skip the former push on the synthetic graph")
    args = parser.parse_args(argv)
    from kg.build import build

    with tempfile.TemporaryDirectory(prefix="kg-push-bench-") as tmp:
        work = Path(tmp)
        corpus = work / "corpus"
        build([ROOT / "data" / "papers"], corpus, html=False, progress=False)
        lineage = work / "lineage"
        lineage.mkdir()
        write_lineage(lineage / "graph.nt", papers=args.papers, models=args.models, datasets=args.datasets)
        # a different graph of the corpus's size, for the full replacement
        other = work / "other"
        other.mkdir()
        size = sum(1 for _ in open(corpus / "graph.nt", "rb"))
        write_lineage(other / "graph.nt", papers=size // 10, models=size // 20, datasets=50)
        server = Server(work / "oxigraph")
        try:
            print(f"Oxigraph server {server.url}; load average {os.getloadavg()[0]:.1f} ({os.cpu_count()} cores)")
            small = bench(server, "corpus", corpus, other, True, work)
            big = bench(server, "lineage", lineage, None, not args.no_move_big, work)
        finally:
            server.stop()
        print(f"\nload average after: {os.getloadavg()[0]:.1f}")
        for name, figures in (("bundled corpus", small), ("synthetic graph", big)):
            if "move" in figures:
                replace = "replace" if "replace" in figures else "changed"
                for i, what in ((0, "wall"), (1, "server CPU")):
                    print(f"{name}, {what}: kg push replaces the graph "
                          f"{figures['move'][i] / figures[replace][i]:.1f}x faster than the former staging PUT + MOVE"
                          + ("" if replace == "replace" else " (1% of the triples changed)")
                          + f"; an unchanged re-push {figures['move'][i] / max(figures['unchanged'][i], 0.01):.0f}x")

if __name__ == "__main__":
    main()
