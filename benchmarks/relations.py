"""Relation extraction alone: speed on the bundled corpus, and quality given gold entities.

Speed: the mentions of every bundled paper are found once (the full
extractor), then ``extract_relations`` alone runs over all papers, best of
``--repeat`` runs; papers/s is printed beside the full extractor's rate in the
same run. The same for ``--synthetic`` papers of the recombined corpus that
``benchmarks/build.py`` builds (``benchmarks/corpus.py``, seed 0): the build's
own mix of sentences.

Quality given gold entities ("oracle mentions"): each gold paper's entities
(names and aliases) are located in its title and abstract and handed to
``extract_relations``; its relations are scored against the gold ones like
``kg eval`` does, on every split of ``tests/gold/`` (those with a
``<split>-papers.jsonl`` on their own papers; held-out last, its errors never
listed). This isolates the relation patterns from entity errors.

    python -m benchmarks.relations [--repeat 3] [--synthetic 2000] [--show-errors]
"""
from __future__ import annotations

import argparse
import io
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script, benchmarks/ is not on the path
    sys.path.insert(0, str(ROOT))

from kg.build import DEFAULT_CORPUS
from kg.eval import GOLD_PREDICATES, PAPER, Report, _score_relations, normalise_name
from kg.extract.pipeline import Extractor
from kg.extract.relations import extract_relations
from kg.extract.sentences import _split_default
from kg.ingest import merge_papers, normalise_title, read_papers
from kg.model import Mention, Paper

GOLD = ROOT / "tests" / "gold"


def oracle_mentions(paper: Paper, entities: list[dict]) -> list[Mention]:
    """Gold entities located in ``paper.text``: longest surface first, no overlaps."""
    surfaces = sorted(((s, e) for e in entities for s in (e["name"], *e.get("aliases", ()))),
                      key=lambda se: -len(se[0]))
    taken: list[tuple[int, int]] = []
    out = []
    for surface, e in surfaces:
        for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", paper.text, re.IGNORECASE):
            if any(m.start() < b and a < m.end() for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            out.append(Mention(m.group(0), e["name"], e["type"], m.start(), m.end(), bool(e.get("introduced"))))
    return sorted(out, key=lambda m: (m.start, -m.end))


def oracle_report(split: str, papers: dict[str, Paper]) -> Report:
    """Relations given gold entities on one split (its own ``<split>-papers.jsonl`` if it has one)."""
    report = Report()
    own = GOLD / f"{split}-papers.jsonl"
    if own.is_file():
        papers = {normalise_title(p.title): p for p in merge_papers(read_papers([own]))}
    for line in (GOLD / f"{split}.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        paper = papers[normalise_title(record["title"])]
        report.papers += 1
        gold = {(r["subject"], r["predicate"], r["object"]) for r in record["relations"]}
        predicted = {(PAPER if r.subject[0] == "Paper" else r.subject[1], r.predicate, r.object[1])
                     for r in extract_relations(paper, oracle_mentions(paper, record["entities"]))
                     if r.predicate in GOLD_PREDICATES}
        _score_relations(gold, predicted, record["title"][:48], report)
    return report


def time_synthetic(n: int, repeat: int) -> None:
    """``extract_relations`` alone on ``n`` papers of the build benchmark's recombined corpus."""
    from benchmarks.corpus import write_corpus

    buf = io.StringIO()
    write_corpus(n, buf, seed=0)
    path = Path(f"/tmp/kg-bench-relations-{n}.jsonl")
    path.write_text(buf.getvalue(), encoding="utf-8")
    try:
        papers = merge_papers(read_papers([path]))
    finally:
        path.unlink()
    extractor = Extractor()
    extractor.learn(papers)
    t0 = time.process_time()
    inputs = [(p, extractor.mentions(p)) for p in papers]
    mentions = time.process_time() - t0
    best = float("inf")
    for _ in range(repeat):
        _split_default.cache_clear()
        t0 = time.process_time()
        n_rel = sum(len(extract_relations(p, ms, linker=extractor._curated)) for p, ms in inputs)
        best = min(best, time.process_time() - t0)
    print(f"{len(papers):,} recombined papers (benchmarks/corpus.py, seed 0): extract_relations alone "
          f"{len(papers) / best:,.0f} papers/s ({best * 1e3 / len(papers):.3f} ms/paper, {n_rel} relations); "
          f"mentions {len(papers) / mentions:,.0f} papers/s")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--synthetic", type=int, default=2000, help="recombined papers to time too (0: none)")
    ap.add_argument("--show-errors", action="store_true")
    args = ap.parse_args(argv)
    papers = merge_papers(read_papers([DEFAULT_CORPUS]))
    extractor = Extractor()
    extractor.learn(papers)
    t0 = time.process_time()
    extractions = [extractor(p) for p in papers]
    full = time.process_time() - t0  # CPU time: the machine is shared
    inputs = [(e.paper, list(e.mentions)) for e in extractions]
    print(f"{len(papers)} papers")
    for label, clear in (("sentence cache cold", True), ("sentence cache warm", False)):
        best = float("inf")
        for _ in range(args.repeat):
            if clear:
                _split_default.cache_clear()
            t0 = time.process_time()
            n = sum(len(extract_relations(p, ms)) for p, ms in inputs)
            best = min(best, time.process_time() - t0)
        print(f"extract_relations alone, {label}: {len(papers) / best:,.0f} papers/s "
              f"({best * 1e3 / len(papers):.3f} ms/paper, {n} relations)")
    print(f"full extractor (mentions + relations): {len(papers) / full:,.0f} papers/s")
    if args.synthetic:
        time_synthetic(args.synthetic, args.repeat)
    by_title = {normalise_title(p.title): p for p in papers}
    splits = sorted(p.stem for p in GOLD.glob("*.jsonl") if not p.stem.endswith("-papers"))
    for split in sorted(splits, key=lambda s: s == "heldout"):  # held-out last
        report = oracle_report(split, by_title)
        print(f"{split} relations given gold entities:")
        for key in ("overall", "lineage", "evaluatedOn", "forLanguage", "usesTechnique", "trainedOn", "outperforms"):
            s = report.relations[key]
            print(f"  {key:<14} P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f} (gold {s.tp + s.fn})")
        if args.show_errors and split.startswith("dev"):  # never list held-out errors: it is not tuned on
            for e in report.errors:
                print(f"  {e.kind:<6} {e.title:<50} {e.item}")


if __name__ == "__main__":
    main()
