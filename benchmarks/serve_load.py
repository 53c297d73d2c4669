"""A bounded load test of ``kg serve`` on loopback: throughput, latency and memory.

Starts ``kg serve`` on a build (by default the bundled corpus, built into a
temporary directory), sends ``--queries`` SPARQL queries from a pool of
``--concurrency`` client threads (a mix of lineage look-ups, mention joins,
transitive ASKs, GROUP BY counts and CONSTRUCTs, in JSON, CSV, XML and
Turtle), and prints throughput, latency p50/p95/max and the resident memory
of the server (its process and its query workers) after the first and the
last ``--window`` queries::

    python benchmarks/serve_load.py                   # 1,000 queries, 16 at a time
    python benchmarks/serve_load.py --out out --queries 5000 --workers 4

Every answer must be HTTP 200 with a body; any other answer is counted as an
error and the exit code is 1.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import psutil

ROOT = Path(__file__).resolve().parent.parent
MB = 1 << 20

#: Query templates; ``{label}`` is a model's label as a SPARQL string literal.
TEMPLATES = (
    "SELECT ?parent ?how ?evidence WHERE {{ ?m rdfs:label {label} . ?s rdf:subject ?m ; rdf:predicate ?how ; "
    "rdf:object ?p ; kg:evidence ?evidence . ?p rdfs:label ?parent . FILTER(?how != kg:mentions) }}",
    "SELECT ?paper ?title WHERE {{ ?m rdfs:label {label} . ?paper kg:mentions|kg:introduces ?m ; "
    "dcterms:title ?title }} LIMIT 50",
    "ASK {{ ?m rdfs:label {label} ; kg:derivedFrom+ ?ancestor }}",
    "SELECT ?p (COUNT(*) AS ?n) WHERE {{ ?s ?p ?o }} GROUP BY ?p ORDER BY DESC(?n)",
    "CONSTRUCT {{ ?paper kg:mentions ?m . ?m ?p ?o }} WHERE {{ ?m rdfs:label {label} ; ?p ?o . "
    "OPTIONAL {{ ?paper kg:mentions ?m }} }}",
)
ACCEPT = {"select": ("application/sparql-results+json", "text/csv", "application/sparql-results+xml"),
          "construct": ("text/turtle", "application/n-triples")}


def start_server(out: Path | str, *options: str) -> tuple[subprocess.Popen, str]:
    """``kg serve OUT --port 0 OPTIONS...`` (on the default host); the process and its base URL."""
    argv = [sys.executable, "-m", "kg", "serve", str(out), "--port", "0", *options]
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    proc = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    lines = []
    for line in proc.stderr:
        lines.append(line)
        found = re.search(r"(http://\S+?)/sparql", line)
        if found:
            threading.Thread(target=proc.stderr.read, daemon=True).start()  # keep the pipe drained
            return proc, found[1]
    proc.wait()
    raise RuntimeError(f"kg serve did not start: {''.join(lines)}")


def stop_server(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def rss(pid: int) -> int:
    """Resident bytes of a process and all its children (the server and its query workers)."""
    root = psutil.Process(pid)
    total = 0
    for process in (root, *root.children(recursive=True)):
        try:
            total += process.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return total


def post(url: str, text: str, accept: str, timeout: float = 120.0) -> tuple[int, bytes]:
    request = urllib.request.Request(url + "/sparql", data=urlencode({"query": text}).encode(), method="POST",
                                     headers={"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


def workload(url: str, n: int) -> list[tuple[str, str]]:
    """``n`` (query, Accept) pairs cycling over the templates, the models of the build and the formats."""
    status, body = post(url, "SELECT DISTINCT ?l WHERE { ?m a kg:Model ; rdfs:label ?l } ORDER BY ?l",
                        "application/sparql-results+json")
    if status != 200:
        raise RuntimeError(f"cannot list the models: HTTP {status} {body[:200]!r}")
    labels = [b["l"]["value"] for b in json.loads(body)["results"]["bindings"]] or ["BERT"]
    out = []
    for i in range(n):
        template = TEMPLATES[i % len(TEMPLATES)]
        text = template.format(label=json.dumps(labels[(i // len(TEMPLATES)) % len(labels)]))
        kinds = ACCEPT["construct" if text.startswith("CONSTRUCT") else "select"]
        out.append((text, kinds[i % len(kinds)]))
    return out


@dataclass
class LoadReport:
    """What a load run measured: latencies (s), errors, memory after each phase (bytes), wall time (s)."""

    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    rss: list[int] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def growth(self) -> int:
        """Memory growth between the end of the first phase and the end of the last."""
        return self.rss[-1] - self.rss[0]

    def percentile(self, q: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]

    def summary(self) -> str:
        n = len(self.latencies)
        return (f"{n} queries, {len(self.errors)} errors, {n / self.seconds:.1f} queries/s; latency "
                f"p50 {self.percentile(0.5) * 1000:.1f} ms, p95 {self.percentile(0.95) * 1000:.1f} ms, "
                f"max {max(self.latencies) * 1000:.1f} ms, mean {statistics.fmean(self.latencies) * 1000:.1f} ms; "
                f"server RSS {' -> '.join(f'{r / MB:.1f}' for r in self.rss)} MB (growth {self.growth / MB:+.1f} MB)")


def run_load(url: str, pid: int, queries: list[tuple[str, str]], concurrency: int, window: int) -> LoadReport:
    """Send ``queries`` from ``concurrency`` threads in three phases (the first ``window``, the middle,
    the last ``window``), sampling the server's memory after each."""
    report = LoadReport()
    lock = threading.Lock()

    def one(item):
        text, accept = item
        start = time.perf_counter()
        try:
            status, body = post(url, text, accept)
            problem = None if status == 200 and body else f"HTTP {status}: {body[:120]!r}"
        except OSError as err:
            problem = f"{type(err).__name__}: {err}"
        with lock:
            report.latencies.append(time.perf_counter() - start)
            if problem:
                report.errors.append(f"{problem} for {text[:80]!r}")

    phases = [queries[:window], queries[window:len(queries) - window], queries[len(queries) - window:]]
    start = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        for phase in phases:
            list(pool.map(one, phase))
            report.rss.append(rss(pid))
    report.seconds = time.perf_counter() - start
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", help="a build to serve (default: build the bundled corpus into a temporary directory)")
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--window", type=int, default=200, help="queries before the first and after the last memory sample")
    parser.add_argument("--workers", type=int, default=2, help="the server's query workers")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        out = args.out
        if out is None:
            sys.path.insert(0, str(ROOT))
            from kg.build import build

            out = build(None, Path(scratch) / "out").out
        proc, url = start_server(out, "--workers", str(args.workers))
        try:
            queries = workload(url, args.queries)
            report = run_load(url, proc.pid, queries, args.concurrency, args.window)
        finally:
            stop_server(proc)
    print(f"kg serve on {url}, {args.workers} workers, {args.concurrency} concurrent clients")
    print(report.summary())
    for error in report.errors[:10]:
        print("error:", error)
    return 1 if report.errors else 0


if __name__ == "__main__":
    sys.exit(main())
