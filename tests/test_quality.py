"""Extraction quality on the hand-annotated gold set must not fall below the
floors in ``tests/gold/floors.json`` (raise them as quality improves).

Floor keys are ``<split>.<entity|relation>[.<type or predicate>].<precision|recall|f1>``;
without a type or predicate the key means the overall (micro-averaged) score.
A split with a ``<split>-papers.jsonl`` beside its gold file (``outside``:
papers that are not in the bundled corpus) is scored on a build of those
papers; the others on the build of the bundled corpus.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.build import build
from kg.eval import evaluate

GOLD = Path(__file__).resolve().parent / "gold"
FLOORS = json.loads((GOLD / "floors.json").read_text(encoding="utf-8"))
SPLITS = sorted({key.split(".")[0] for key in FLOORS})
TABLES = {"entity": "entities", "relation": "relations"}


def _score(report, key: str) -> float:
    _, table, *label, metric = key.split(".")
    scores = getattr(report, TABLES[table])
    return getattr(scores[".".join(label) or "overall"], metric)


def _summary(report) -> str:
    rows = [f"{table} {name}: P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f} (gold {s.tp + s.fn})"
            for table in TABLES.values() for name, s in getattr(report, table).items()]
    return "\n".join(rows)


def test_quality_floors_name_known_scores():
    assert SPLITS and all((GOLD / f"{split}.jsonl").is_file() for split in SPLITS)
    for key in FLOORS:
        _, table, *label, metric = key.split(".")
        assert table in TABLES and metric in ("precision", "recall", "f1"), key


def test_every_gold_split_is_tuned_or_measured():
    """``splits.json`` (read by ``benchmarks/quality.py``) puts each gold split in one group."""
    groups = json.loads((GOLD / "splits.json").read_text(encoding="utf-8"))
    listed = [s for members in groups.values() for s in members]
    on_disk = sorted(p.stem for p in GOLD.glob("*.jsonl") if not p.stem.endswith("-papers"))
    assert sorted(groups) == ["measured", "tuned"]
    assert sorted(listed) == on_disk, "each gold split must be in exactly one group of splits.json"


@pytest.mark.parametrize("split", SPLITS)
def test_quality_at_or_above_floors(built_out, split, tmp_path_factory):
    papers = GOLD / f"{split}-papers.jsonl"
    if papers.is_file():
        built_out = tmp_path_factory.mktemp(split)
        build([papers], built_out, html=False, store=False, jobs=1)
    report = evaluate([GOLD / f"{split}.jsonl"], built_out)
    assert not report.missing, f"gold papers not in the build: {report.missing}"
    below = {key: (round(_score(report, key), 4), floor) for key, floor in FLOORS.items()
             if key.startswith(split + ".") and _score(report, key) < floor}
    assert not below, f"{split}: below floor (score, floor): {below}\n{_summary(report)}"


def test_bootstrap_interval_holds_the_pooled_score_and_narrows_with_more_papers():
    """``benchmarks/quality.py --ci``: the interval holds the pooled F1, is empty of width for identical
    papers and narrows as the papers multiply."""
    import random

    from benchmarks.quality import bootstrap_interval
    from kg.eval import Score

    rng = random.Random(1)
    rows = [(Score(rng.randint(0, 5), rng.randint(0, 3), rng.randint(0, 3)),
             Score(rng.randint(0, 4), rng.randint(0, 3), rng.randint(0, 4))) for _ in range(60)]
    pooled = [sum((r[side] for r in rows), Score()).f1 for side in (0, 1)]
    small = bootstrap_interval(rows, resamples=400)
    large = bootstrap_interval(rows * 8, resamples=400)
    for side in (0, 1):
        lo, hi = small[side]
        assert lo <= pooled[side] <= hi and lo < hi
        assert large[side][1] - large[side][0] < hi - lo
    same = bootstrap_interval([rows[0]] * 10, resamples=50)
    assert same[0][0] == same[0][1] and same[1][0] == same[1][1]


def test_novel_extractor_forgets_the_names_a_split_introduces():
    """``benchmarks/quality.py --novel``: the names the gold marks introduced (and their aliases) leave the
    gazetteer, every other entry stays, and the paper's own name must then be discovered."""
    from benchmarks.quality import novel_extractor
    from kg.eval import read_gold
    from kg.extract import Extractor
    from kg.model import Paper

    full = Extractor()
    novel = novel_extractor("outside", full.gazetteer)
    introduced = {e.name for p in read_gold(GOLD / "outside.jsonl") for e in p.entities if e.introduced}
    known = {e.name for e in full.gazetteer.entities}
    gone = known - {e.name for e in novel.gazetteer.entities}
    assert gone and gone <= known and "Vicuna" in introduced & gone
    assert "BERT" in {e.name for e in novel.gazetteer.entities}
    paper = Paper("t:v", "Vicuna: An Open-Source Chatbot", "We introduce Vicuna-13B, an open-source chatbot.")
    assert full._curated.link("Vicuna", fuzzy=False) is not None and novel._curated.link("Vicuna", fuzzy=False) is None
    assert ("Vicuna", True) in {(m.name, m.introduced) for m in novel(paper).mentions if m.type == "Model"}
