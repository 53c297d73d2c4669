"""Extraction quality on every gold split, and pooled over the splits nobody tunes on.

Each split of ``tests/gold/`` is scored like ``kg eval`` does: on a build of
its own papers (``<split>-papers.jsonl``) or, without one, on the build of
the bundled corpus. One line per split, then the scores pooled (micro-averaged
over all their papers) for each group of ``tests/gold/splits.json``:
``tuned`` (rules are chosen by their errors) and ``measured`` (never tuned on,
errors never looked at: the honest figure for papers nobody has seen). The
pooled rows are checked against the targets of issues 3 and 4. No errors are
listed: look at a tuned split's with ``kg eval``.

A split with a second, independent annotation (``tests/gold/agreement/<split>-b.jsonl``)
also gets the agreement of the two annotators: the second scored against the
first, like a build. That is the ceiling of what any extractor can score
against one annotator.

    python benchmarks/quality.py               # every split, pooled per group
    python benchmarks/quality.py --json        # the same as JSON
    python benchmarks/quality.py dev3 dev4     # some splits only
    python benchmarks/quality.py --ci          # also a 95% interval over papers for each group's pooled F1
    python benchmarks/quality.py --novel       # as if every paper's own names were new (see below)

The interval (``--ci``) resamples the group's papers with replacement (2,000
times, seed 0) and pools each resample: how much the pooled F1 would move on
another sample of papers like these. A change smaller than its width is not
shown to be one.

The gazetteer knows many well-known models, datasets and techniques, among
them the own names of many gold papers (stop 17: 194 of the tuned splits' and
199 of the measured ones'). ``--novel`` builds each split with the names its
gold says a paper introduces (and their aliases) taken out of the gazetteer,
so they must be discovered from the text, typed and marked introduced as a
new paper's names are: the figure for papers newer than the gazetteer.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script, benchmarks/ is not on the path
    sys.path.insert(0, str(ROOT))

from kg.build import build
from kg.eval import Report, Score, evaluate, normalise_name, normalise_title, read_gold, read_prediction, score_paper
from kg.extract import Extractor
from kg.extract.gazetteer import Gazetteer, load_gazetteer

GOLD = ROOT / "tests" / "gold"
AGREEMENT = GOLD / "agreement"
#: (table, key, measure, target): the quality targets of issues 3 and 4, on papers nobody has seen.
TARGETS = (
    ("entities", "overall", "f1", 0.85), ("entities", "Model", "f1", 0.90), ("entities", "Dataset", "f1", 0.85),
    ("entities", "Language", "f1", 0.95), ("entities", "Technique", "f1", 0.75),
    ("relations", "overall", "f1", 0.70), ("relations", "lineage", "precision", 0.90),
    ("relations", "lineage", "recall", 0.70), ("relations", "evaluatedOn", "f1", 0.80),
    ("relations", "forLanguage", "f1", 0.80),
)


def splits() -> dict[str, list[str]]:
    """``{group: [split, ...]}`` from ``tests/gold/splits.json``."""
    return json.loads((GOLD / "splits.json").read_text(encoding="utf-8"))


def _out(split: str, work: Path, novel: bool) -> Path:
    """Where a split's build goes: its own, or the bundled corpus' build that splits without papers share."""
    if novel:
        return work / f"{split}-novel"
    return work / (split if (GOLD / f"{split}-papers.jsonl").is_file() else "bundled")


def novel_extractor(split: str, gazetteer: Gazetteer | None = None) -> Extractor:
    """An extractor whose gazetteer lacks every name, and alias, that the split's gold says a paper introduces.

    Its papers then read as new ones do: their own names are known to no
    gazetteer and must be discovered from the text, typed and marked introduced.
    """
    names = {normalise_name(n) for paper in read_gold(GOLD / f"{split}.jsonl") for e in paper.entities
             if e.introduced for n in (e.name, *e.aliases)}
    gazetteer = gazetteer or load_gazetteer()
    kept = tuple(e for e in gazetteer.entities if not names & {normalise_name(n) for n in (e.name, *e.aliases)})
    return Extractor(gazetteer=dataclasses.replace(gazetteer, entities=kept))


def score_split(split: str, work: Path, novel: bool = False) -> Report:
    """The report of one split, on a build of its own papers or of the bundled corpus (``novel``: see
    :func:`novel_extractor`)."""
    papers = GOLD / f"{split}-papers.jsonl"
    out = _out(split, work, novel)
    if not (out / "graph.nt").is_file():
        build([papers] if papers.is_file() else None, out, html=False, store=False, progress=False,
              extractor=novel_extractor(split) if novel else None)
    return evaluate([GOLD / f"{split}.jsonl"], out)


def paper_scores(split: str, work: Path, novel: bool = False) -> list[tuple[Score, Score]]:
    """``(entity, relation)`` overall scores of each gold paper of a split already built by :func:`score_split`."""
    predicted = read_prediction(_out(split, work, novel))
    rows = []
    for gold in read_gold(GOLD / f"{split}.jsonl"):
        report = Report()
        score_paper(gold, predicted.get(normalise_title(gold.title)), report)
        rows.append((report.entities["overall"], report.relations["overall"]))
    return rows


def bootstrap_interval(rows: list[tuple[Score, Score]], resamples: int = 2000, seed: int = 0,
                       level: float = 0.95) -> tuple[tuple[float, float], tuple[float, float]]:
    """The ``level`` interval of the pooled entity and relation F1 over resamples of the papers (``rows``).

    >>> one = (Score(tp=3, fp=1, fn=0), Score(tp=1, fp=0, fn=1))
    >>> bootstrap_interval([one] * 5, resamples=50)
    ((0.857..., 0.857...), (0.666..., 0.666...))
    """
    rng = random.Random(seed)
    low, high = int(resamples * (1 - level) / 2), int(resamples * (1 + level) / 2) - 1
    samples: tuple[list[float], list[float]] = ([], [])
    for _ in range(resamples):
        picked = [rows[rng.randrange(len(rows))] for _ in rows]
        for side, values in enumerate(samples):
            total = sum((row[side] for row in picked), Score())
            values.append(total.f1)
    entity, relation = (sorted(values) for values in samples)
    return (entity[low], entity[high]), (relation[low], relation[high])


def pooled(reports: list[Report]) -> Report:
    """The reports' scores added: micro-averaged over all their papers."""
    total = Report(papers=sum(r.papers for r in reports))
    for r in reports:
        for table in ("entities", "relations"):
            scores = getattr(total, table)
            for key, s in getattr(r, table).items():
                scores[key] = scores.get(key, Score()) + s
    return total


def line(name: str, r: Report) -> str:
    e, rel, lin = r.entities, r.relations, r.relations["lineage"]
    return (f"  {name:<22}{r.papers:>4} {e['overall'].f1:7.3f} {e['Technique'].f1:6.3f} {rel['overall'].f1:7.3f} "
            f"{lin.precision:6.3f} {lin.recall:6.3f} {rel['evaluatedOn'].f1:6.3f} {rel['forLanguage'].f1:6.3f}"
            f" {rel['overall'].tp + rel['overall'].fn:5d}")


def checks(r: Report) -> list[str]:
    out = []
    for table, key, measure, target in TARGETS:
        value = getattr(getattr(r, table)[key], measure)
        out.append(f"    {'entity' if table == 'entities' else 'relation'} {key} {measure} {value:.3f} "
                   f"(target >= {target:.2f}): {'ok' if value >= target else 'MISSED'}")
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("only", nargs="*", help="splits to score (default: every split of splits.json)")
    parser.add_argument("--json", action="store_true", help="print JSON: each split's and each group's report")
    parser.add_argument("--ci", action="store_true", help="a 95%% interval over papers for each group's pooled F1")
    parser.add_argument("--novel", action="store_true",
                        help="take the names the gold says each paper introduces out of the gazetteer first, "
                             "as if every paper were new")
    args = parser.parse_args(argv)
    logging.getLogger("kg").setLevel(logging.ERROR)
    groups = splits()
    wanted = args.only or [s for members in groups.values() for s in members]
    with tempfile.TemporaryDirectory(prefix="kg-quality-") as tmp:
        reports = {s: score_split(s, Path(tmp), args.novel) for s in wanted}
        rows = {s: paper_scores(s, Path(tmp), args.novel) for s in wanted} if args.ci else {}
    agreement = {s: evaluate([GOLD / f"{s}.jsonl"], AGREEMENT / f"{s}-b.jsonl") for s in wanted
                 if (AGREEMENT / f"{s}-b.jsonl").is_file()}
    grouped = {g: pooled([reports[s] for s in members if s in reports]) for g, members in groups.items()
               if any(s in reports for s in members)}
    if args.json:
        print(json.dumps({"splits": {s: r.as_dict() for s, r in reports.items()},
                          "pooled": {g: r.as_dict() for g, r in grouped.items()},
                          "agreement": {s: r.as_dict() for s, r in agreement.items()}}, indent=1))
        return
    print(f"  {'split':<22}{'n':>4} {'entity':>7} {'tech':>6} {'relation':>7} {'lin P':>6} {'lin R':>6} "
          f"{'evalOn':>6} {'forLang':>6} {'rels':>5}")
    for group, members in groups.items():
        for s in members:
            if s in reports:
                print(line(s, reports[s]))
    print("pooled (micro-averaged over the group's papers):")
    for group, report in grouped.items():
        print(line(f"{group} ({sum(s in reports for s in groups[group])} splits)", report))
    for group in grouped if rows else ():
        (e_lo, e_hi), (r_lo, r_hi) = bootstrap_interval([row for s in groups[group] for row in rows.get(s, ())])
        print(f"  {group}: 95% interval over papers (2,000 bootstrap resamples): entity F1 {e_lo:.3f}-{e_hi:.3f}, "
              f"relation F1 {r_lo:.3f}-{r_hi:.3f}")
    if agreement:
        print("two annotators of the same papers (the second scored against the first):")
        for s, report in agreement.items():
            print(line(f"{s} agreement", report))
            print(line(f"{s} kg", reports[s]))
        if len(agreement) > 1:
            print(line("agreement, pooled", pooled(list(agreement.values()))))
            print(line("kg on those, pooled", pooled([reports[s] for s in agreement])))
    if "measured" in grouped:
        print("targets, on the measured splits (papers nobody tunes on):")
        print("\n".join(checks(grouped["measured"])))


if __name__ == "__main__":
    main()
