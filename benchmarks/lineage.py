"""How fast ``kg lineage`` and ``kg check`` answer on a synthetic lineage graph (kg.synthetic).

Prints, for a few roots up and down, the steps found and the seconds taken by
:func:`kg.lineage.lineage` (one bound query per entity reached, on the
Oxigraph store), against a baseline in the same run: networkx breadth-first
search over the ``kg:derivedFrom`` edges already in memory. Then the seconds of
:func:`kg.check.check` over the whole graph::

    python benchmarks/lineage.py                      # 100k papers, 50k models: about 1M triples
    python benchmarks/lineage.py --papers 10000 --models 5000
"""
from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import networkx as nx

from kg.check import check
from kg.lineage import lineage
from kg.store import build_store
from kg.synthetic import write_lineage
from kg.vocab import PREFIXES


def _dag(nt: Path) -> nx.DiGraph:
    g = nx.DiGraph()
    derived = f"<{PREFIXES['kg']}derivedFrom>"
    with open(nt, encoding="utf-8") as handle:
        for line in handle:
            s, p, o = line.split(" ", 2)
            if p == derived:
                g.add_edge(s[1:-1], o.rstrip(" .\n")[1:-1])
    return g


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, default=100_000)
    parser.add_argument("--models", type=int, default=50_000)
    parser.add_argument("--out", type=Path, help="Where to write the graph (default: a temporary directory).")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = args.out or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        start = time.perf_counter()
        triples = write_lineage(out / "graph.nt", papers=args.papers, models=args.models)
        build_store(out / "graph.nt", out)
        print(f"{triples} triples written and loaded in {time.perf_counter() - start:.1f} s")
        dag = _dag(out / "graph.nt")
        model = PREFIXES["model"]
        last = args.models - 1
        for name, down in [(f"Model {last}", False), (f"model-{last // 2}", False), ("Model 1", True), ("Model 0", True)]:
            start = time.perf_counter()
            found = lineage(out, name, down=down)
            seconds = time.perf_counter() - start
            node = model + "m" + name.replace("-", " ").split()[-1]
            start = time.perf_counter()
            reached = (nx.ancestors if down else nx.descendants)(dag, node) if node in dag else set()
            baseline = time.perf_counter() - start
            assert {n.iri for n in found.nodes} == reached
            print(f"lineage {name!r:16} {'down' if down else 'up':4} {len(found.steps):6} steps "
                  f"{len(reached):6} models  {seconds:7.3f} s  networkx {baseline:.4f} s  "
                  f"({seconds / max(len(reached), 1) * 1000:.2f} ms per model)")
        start = time.perf_counter()
        report = check(out)
        counts = ", ".join(f"{k} {len(v)}" for k, v in report.by_kind().items())
        print(f"check: {counts} in {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()
