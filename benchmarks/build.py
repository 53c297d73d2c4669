"""Build throughput, memory and scaling on synthetic corpora: ``kg build`` with --jobs 1 and --jobs 2.

Generates corpora of the given sizes (the bundled corpus recombined,
:mod:`benchmarks.corpus`, same ``--seed`` same corpus), builds each in a
child process with every ``--jobs`` value, and prints per run: papers/s,
peak RSS of the build with its worker processes (the sum over the process
tree, sampled every 50 ms), output size and the seconds per stage; then the
scaling ratios (largest size over smallest, against the linear ratio) and
the --jobs speed-ups.

``--extractor trivial`` swaps extraction for a trivial one (name-shaped
tokens become Model mentions, one relation per paper: about the number of
mentions and edges the real extractor finds) to measure everything else:
ingest, contributions and lines, graph, sort and merge, Turtle and JSON-LD,
store, state and HTML. ``--store both`` (the default) builds each corpus
with and without the SPARQL store (``kg build --no-store``): the issue's
end-to-end figure is "parse, extract, link, graph, Turtle written", and the
store, loaded on a background thread, costs about as much CPU again as all
of that; the targets are checked on the builds without it, and both are
printed. ``--stream N`` also reads an N-record arXiv snapshot
file and checks that the reader's memory does not grow with the file.

    python benchmarks/build.py                                  # 10k and 100k, jobs 1 and 2, real extractor
    python benchmarks/build.py --sizes 2000,10000 --extractor trivial
    python benchmarks/build.py --sizes 10000 --jobs 1 --stream 50000
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

#: Targets of issue 7, on a 2-core machine.
TARGET_RATE, TARGET_SPEEDUP, TARGET_RSS, TARGET_RATIO = 2000, 1.7, 2 << 30, 11.0
#: The arXiv reader may grow by at most this much over a --stream file.
STREAM_GROWTH_MAX = 64 << 20
_NAME = re.compile(r"\b[A-Z][A-Za-z]*(?:[A-Z][A-Za-z]*|-?[0-9][A-Za-z0-9.]*|-[A-Z][A-Za-z0-9]*)\b")


class TrivialExtractor:
    """Name-shaped tokens as Model mentions and one ``basedOn`` relation: extraction at almost no cost."""

    def __init__(self):
        from kg.extract.gazetteer import load_gazetteer

        self.gazetteer = load_gazetteer()

    def __call__(self, paper):
        from kg.model import Extraction, Mention, Relation

        text = paper.text
        mentions = tuple(Mention(m.group(), m.group(), "Model", m.start(), m.end()) for m in _NAME.finditer(text))
        relations = ()
        if len(mentions) >= 2 and mentions[0].name != mentions[1].name:
            relations = (Relation(("Model", mentions[0].name), "basedOn", ("Model", mentions[1].name), paper.key,
                                  paper.title, 0.7),)
        return Extraction(paper, mentions, relations)


def _child_build(corpus: str, out: str, jobs: int, extractor: str, html: bool, store: bool) -> None:
    """Run one build in this (child) process; print its figures as JSON on the last line."""
    from kg.build import build

    import resource

    def cpu() -> float:
        return sum(r.ru_utime + r.ru_stime for r in map(resource.getrusage,
                                                         (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)))

    start, cpu_start = time.perf_counter(), cpu()
    result = build([corpus], out, jobs=jobs, html=html, progress=False, store=store,
                   extractor=TrivialExtractor() if extractor == "trivial" else None)
    seconds = time.perf_counter() - start
    print(json.dumps({"papers": result.papers, "triples": result.triples, "seconds": seconds,
                      "cpu": cpu() - cpu_start, "stages": result.stages, "stage_cpu": result.stage_cpu}))


def _child_stream(path: str) -> None:
    """Read an arXiv snapshot file record by record; print RSS after 10% and at the end."""
    import psutil

    from kg.ingest import read_papers

    proc = psutil.Process()
    total = sum(1 for _ in open(path, "rb"))
    marks, count, start = {}, 0, time.perf_counter()
    for _ in read_papers([path]):
        count += 1
        if count in (total // 10, total):
            marks[count] = proc.memory_info().rss
    print(json.dumps({"records": count, "rss": marks, "seconds": time.perf_counter() - start}))


def _tree_memory(proc, pss: bool) -> int:
    """RSS (or PSS: pages shared by forked workers counted once) summed over ``proc`` and its descendants."""
    import psutil

    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            total += p.memory_full_info().pss if pss else p.memory_info().rss
        except (psutil.Error, AttributeError):
            pass
    return total


def run_child(args: list[str]) -> tuple[dict, float, dict]:
    """Run this script with ``args`` in a child: (its JSON line, wall seconds, {"rss", "pss"}: peak tree sums).

    RSS is sampled every 50 ms, PSS (slower to read) every 0.5 s.
    """
    import psutil

    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, __file__, *args], stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    watched, peak, ticks = psutil.Process(proc.pid), {"rss": 0, "pss": 0}, 0
    while proc.poll() is None:
        try:
            peak["rss"] = max(peak["rss"], _tree_memory(watched, False))
            if ticks % 10 == 0:
                peak["pss"] = max(peak["pss"], _tree_memory(watched, True))
        except psutil.Error:
            pass
        ticks += 1
        time.sleep(0.05)
    wall = time.perf_counter() - start
    output = proc.stdout.read()
    if proc.returncode:
        raise SystemExit(f"child {args} failed with exit code {proc.returncode}")
    return json.loads(output.strip().splitlines()[-1]), wall, peak


def _size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _mb(n: float) -> str:
    return f"{n / 2**20:,.0f} MB"


def make_corpus(n: int, path: Path, seed: int, fmt: str = "jsonl") -> Path:
    from benchmarks.corpus import write_corpus

    if not path.exists():
        tmp = path.with_suffix(".part")
        with tmp.open("w", encoding="utf-8") as handle:
            write_corpus(n, handle, seed=seed, fmt=fmt)
        tmp.replace(path)
    return path


def bench_builds(sizes, jobs_list, extractor, html, seed, work: Path, stores=(False, True)) -> dict:
    runs = {}
    for n in sizes:
        t = time.perf_counter()
        corpus = make_corpus(n, work / f"corpus-{n}-{seed}.jsonl", seed)
        print(f"\n== {n:,} papers ({_mb(corpus.stat().st_size)} of JSON lines, made in "
              f"{time.perf_counter() - t:.1f} s), {extractor} extractor", flush=True)
        for store, jobs in ((store, jobs) for store in stores for jobs in jobs_list):
            out = work / f"out-{n}-{jobs}"
            shutil.rmtree(out, ignore_errors=True)
            figures, wall, peak = run_child(["--child-build", str(corpus), str(out), str(jobs), extractor,
                                             "html" if html else "no-html", "store" if store else "no-store"])
            sizes_out = {p.name: _size(p) for p in sorted(out.iterdir())}
            rate = figures["papers"] / figures["seconds"]
            runs[(n, jobs, store)] = {**figures, "wall": wall, "peak_rss": peak["rss"], "peak_pss": peak["pss"], "rate": rate,
                               "sizes": sizes_out}
            print(f"-- jobs {jobs}, {'with' if store else 'no'} store: {figures['seconds']:.1f} s in build() ({wall:.1f} s with start-up; "
                  f"{figures['cpu']:.1f} CPU s), {rate:,.0f} papers/s, {figures['triples']:,} triples, "
                  f"peak RSS {_mb(peak['rss'])} (PSS {_mb(peak['pss'])})")
            print("   output " + ", ".join(f"{name} {_mb(b)}" for name, b in sizes_out.items()))
            stages = figures["stages"]
            cpu = figures["stage_cpu"]
            print("   stages, wall s (main-thread CPU s) " + ", ".join(
                f"{k} {v:.2f}" + (f" ({cpu[k]:.2f})" if k in cpu else "") for k, v in stages.items()))
            shutil.rmtree(out, ignore_errors=True)
    return runs


def report(all_runs: dict, sizes, jobs_list) -> None:
    print("\n== summary")
    print(f"{'papers':>8} {'jobs':>4} {'store':>5} {'seconds':>8} {'CPU s':>7} {'papers/s':>9} {'peak RSS':>9} "
          f"{'peak PSS':>9} {'triples':>10}")
    for (n, jobs, store), r in sorted(all_runs.items()):
        print(f"{n:>8,} {jobs:>4} {'yes' if store else 'no':>5} {r['seconds']:>8.1f} {r['cpu']:>7.1f} "
              f"{r['rate']:>9,.0f} {_mb(r['peak_rss']):>9} {_mb(r['peak_pss']):>9} {r['triples']:>10,}")
    for store in sorted({store for *_, store in all_runs}):
        print(f"-- targets, builds {'with' if store else 'without'} the store:")
        _targets({(n, jobs): r for (n, jobs, s), r in all_runs.items() if s == store}, sizes, jobs_list)
    load = os.getloadavg()[0]
    print(f"(load average now {load:.1f} on {os.cpu_count()} cores: a busy machine stretches seconds, not CPU s)")


def _targets(runs: dict, sizes, jobs_list) -> None:
    small, large = min(sizes), max(sizes)
    for jobs in jobs_list:
        if small != large:
            ratio = runs[(large, jobs)]["seconds"] / runs[(small, jobs)]["seconds"]
            linear = large / small
            limit = TARGET_RATIO * linear / 10
            cpu_ratio = runs[(large, jobs)]["cpu"] / runs[(small, jobs)]["cpu"]
            print(f"jobs {jobs}: {large:,} takes {ratio:.2f}x the time of {small:,} ({cpu_ratio:.2f}x the CPU s; "
                  f"linear {linear:.1f}x; target <= {limit:.1f}x): {'ok' if ratio <= limit else 'MISSED'}")
    for n in sizes:
        rate1 = runs[(n, jobs_list[0])]["rate"]
        print(f"{n:,} papers, jobs {jobs_list[0]}: {rate1:,.0f} papers/s (target >= {TARGET_RATE:,}): "
              f"{'ok' if rate1 >= TARGET_RATE else 'MISSED'}")
        for jobs in jobs_list[1:]:
            speedup = runs[(n, jobs)]["rate"] / rate1
            print(f"{n:,} papers, jobs {jobs}: {speedup:.2f}x jobs {jobs_list[0]} (target >= {TARGET_SPEEDUP}x): "
                  f"{'ok' if speedup >= TARGET_SPEEDUP else 'MISSED'}")
    peak = max(r["peak_rss"] for r in runs.values())
    pss = max(r["peak_pss"] for r in runs.values())
    print(f"largest peak RSS {_mb(peak)}, PSS {_mb(pss)} (target < {_mb(TARGET_RSS)}): "
          f"{'ok' if peak < TARGET_RSS else ('ok in PSS' if pss < TARGET_RSS else 'MISSED')}")


def bench_stream(n: int, seed: int, work: Path) -> bool:
    path = make_corpus(n, work / f"arxiv-{n}-{seed}.jsonl", seed, fmt="arxiv")
    figures, wall, _ = run_child(["--child-stream", str(path)])
    rss = {int(k): v for k, v in figures["rss"].items()}
    first, last = rss[min(rss)], rss[max(rss)]
    growth = last - first
    ok = growth < STREAM_GROWTH_MAX
    print(f"\n== streaming: {figures['records']:,} arXiv snapshot records ({_mb(path.stat().st_size)}) read in "
          f"{figures['seconds']:.1f} s ({figures['records'] / figures['seconds']:,.0f} records/s); RSS "
          f"{_mb(first)} after {min(rss):,}, {_mb(last)} after {max(rss):,}: growth {growth / 2**20:+.1f} MB "
          f"(bound {_mb(STREAM_GROWTH_MAX)}): {'ok' if ok else 'MISSED'}")
    return ok


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--child-build":
        corpus, out, jobs, extractor, html, store = argv[1:7]
        _child_build(corpus, out, int(jobs), extractor, html == "html", store == "store")
        return 0
    if argv and argv[0] == "--child-stream":
        _child_stream(argv[1])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000", help="corpus sizes, comma separated")
    parser.add_argument("--jobs", default="1,2", help="--jobs values, comma separated; the first is the baseline")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--extractor", choices=["real", "trivial"], default="real")
    parser.add_argument("--no-html", action="store_true", help="builds without graph.html")
    parser.add_argument("--store", choices=["both", "yes", "no"], default="both",
                        help="builds with the SPARQL store, without it (kg build --no-store) or both")
    parser.add_argument("--stream", type=int, default=0, metavar="N",
                        help="also read an N-record arXiv snapshot file and check its memory stays flat")
    parser.add_argument("--workdir", type=Path, help="where corpora and builds go (default: a temporary directory; "
                                                     "corpora there are reused)")
    args = parser.parse_args(argv)
    sizes = sorted(int(s) for s in args.sizes.split(","))
    jobs_list = [int(j) for j in args.jobs.split(",")]
    work = args.workdir or Path(tempfile.mkdtemp(prefix="kg-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"kg build benchmark: sizes {sizes}, jobs {jobs_list}, seed {args.seed}, {os.cpu_count()} cores, in {work}")
    ok = True
    if sizes:
        stores = {"both": (False, True), "yes": (True,), "no": (False,)}[args.store]
        runs = bench_builds(sizes, jobs_list, args.extractor, not args.no_html, args.seed, work, stores)
        report(runs, sizes, jobs_list)
    if args.stream:
        ok = bench_stream(args.stream, args.seed, work)
    if args.workdir is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
