"""Extraction time on hostile abstracts of growing length: does any stage grow faster than the text?

The reader accepts records of up to a million characters, so one long, odd
abstract must not stall a build. Each pattern below is repeated to abstracts
of ``--sizes`` characters and extracted once (``Extractor.__call__``: mentions
and relations); the CPU seconds and the growth from one size to the next are
printed. Text that grows 4x should cost about 4x; a ratio near 16x per 4x
means a quadratic stage. The patterns are the shapes that stress the
extractor: no full stop at all (one sentence), many introduced names, long
lists, many language names, brackets and dashes::

    python benchmarks/hostile.py                       # sizes 5,000 / 20,000 / 80,000 characters
    python benchmarks/hostile.py --sizes 10000,40000
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script, benchmarks/ is not on the path
    sys.path.insert(0, str(ROOT))

from kg.extract import Extractor
from kg.model import Paper

#: name -> a unit repeated to the wanted length (no full stop unless the pattern is about them)
PATTERNS = {
    "introduced names, no full stop": "We present ZetaLM and build KoraLM and train NimbusLM ",
    "a list of models": "ZetaLM-7B, KoraBERT-base, NimbusLM-2, ",
    "a list of languages": "Hausa, Igbo, Yoruba, Swahili and Czech, ",
    "relation cues, no full stop": "ZetaLM outperforms BERT on GLUE and is distilled from RoBERTa using LoRA ",
    "brackets and dashes": "(ZetaLM) -- KoraQA (KQA) -- ",
    "ordinary sentences": "We fine-tune LLaMA-2 on GSM8K and outperform Mistral 7B. ",
}


def time_once(extractor: Extractor, text: str) -> float:
    """CPU seconds of one extraction of a paper with this abstract."""
    paper = Paper("t:hostile", "A study", text)
    start = time.process_time()
    extractor(paper)
    return time.process_time() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5000,20000,80000", help="abstract lengths in characters, comma separated")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    extractor = Extractor()
    time_once(extractor, "We present ZetaLM.")  # compile the cue tables before timing
    print(f"{'pattern':<34}" + "".join(f"{size:>12,}" for size in sizes) + "   growth per step (text grows "
          + "/".join(f"{b / a:.0f}x" for a, b in zip(sizes, sizes[1:])) + ")")
    worst = 0.0
    for name, unit in PATTERNS.items():
        seconds = [time_once(extractor, (unit * (size // len(unit) + 1))[:size]) for size in sizes]
        growth = [b / a if a > 0 else float("inf") for a, b in zip(seconds, seconds[1:])]
        worst = max([worst, *(g / (s2 / s1) for g, s1, s2 in zip(growth, sizes, sizes[1:]))])
        print(f"{name:<34}" + "".join(f"{s:>11.2f}s" for s in seconds) + "   "
              + " / ".join(f"{g:.1f}x" for g in growth))
    print(f"worst growth against the text's: {worst:.1f}x (about 1x is linear; the step's size ratio is quadratic)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
