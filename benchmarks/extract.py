"""Extraction + linking throughput against a 100,000-name gazetteer, beside spaCy in the same run.

The gazetteer is the curated one (``schema/gazetteer.tsv``) padded with
seeded synthetic names shaped like the field's (``ZorvaBERT``,
``Kestrel-13B``, ``MirakQA``, ``sparse gated distillation``) to ``--names``
names. The abstracts are the bundled corpus recombined
(:func:`benchmarks.corpus.write_corpus`: real sentences, names swapped), so
they are not the same few hundred abstracts over and over.

Three pipelines read the same abstracts:

- ours: :meth:`kg.extract.Extractor.mentions` (phrases, discovery, name-shaped
  tokens linked with blocked rapidfuzz, languages) after the corpus-level
  :meth:`~kg.extract.Extractor.learn` pass; the full call with relation
  patterns is timed too;
- spaCy: a blank English tokenizer and a ``PhraseMatcher`` (``attr="LOWER"``)
  over the same names, matches looked up in a dict (spaCy is in the ``bench``
  extra: ``pip install -e '.[bench]'``; without it the line says so);
- a floor: ``str.split`` and a dict look-up of every word.

The first pass and the pass with relation patterns are timed twice: paper
by paper, and a chunk at a time (``--chunk``, 500 as in ``kg build``) through
:meth:`~kg.extract.Extractor.mentions_many` and
:meth:`~kg.extract.Extractor.extract_many`, which run each stage over the
chunk in turn; their digests must equal the per-paper ones.

The mentions and relations digests (hashes of every mention and relation)
change only when the output does: a speed change must leave them as they were. Rates are abstracts per CPU second of this process (one core; fair on a
shared machine), wall-clock rates beside them. ``--stages`` also prints the
CPU microseconds per abstract of each stage run on its own (the phrase and
cue scan, name-shaped tokens, each discovery pattern, linking new spellings, and the merging of
candidates into mentions)::

    python benchmarks/extract.py                       # 100k names, 5,000 abstracts
    python benchmarks/extract.py --names 20000 --abstracts 2000 --spacy-abstracts 500
    python benchmarks/extract.py --stages
"""
from __future__ import annotations

import argparse
import gc
import hashlib
import io
import random
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
# this directory holds scripts named like standard modules (html.py): keep it off the import path
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]
sys.path.insert(0, str(ROOT))


def _load_corpus_module():
    import importlib.util

    spec = importlib.util.spec_from_file_location("kg_bench_corpus", HERE / "corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


write_corpus = _load_corpus_module().write_corpus

from kg.build import CHUNK  # noqa: E402
from kg.extract import Extractor  # noqa: E402
from kg.extract.relations import extract_relations  # noqa: E402
from kg.extract.gazetteer import Gazetteer, load_gazetteer  # noqa: E402
from kg.ingest import merge_papers, read_papers  # noqa: E402
from kg.model import Entity  # noqa: E402

__all__ = ["synthetic_gazetteer", "main"]

_SYLLABLES = ["ka", "lo", "mi", "zu", "ren", "tor", "vel", "qua", "sin", "dar", "bri", "mon", "xel", "nov", "pa",
              "ti", "gor", "lun", "fae", "ost", "ryn", "hal", "ces", "vik", "om", "bel", "zan", "trak", "ely", "jun"]
_STEMS = ["BERT", "RoBERTa", "GPT", "T5", "LLaMA", "ELECTRA", "BART", "XLM", "Mistral", "Qwen", "Phi", "Gemma",
          "ViT", "LM", "Former", "Net", "Coder", "Chat"]
_SIZES = ["", "", "", "-7B", "-13B", "-1.3B", "-XL", "-Large", "-v2", "-2", "-3.5", "-Mini", "-Instruct"]
_DATA_TAILS = ["QA", "Bench", "-Eval", "Set", "NLI", "Sum", " Corpus", " Benchmark", "-Instruct", "Code"]
_TECH_HEADS = ["attention", "distillation", "pruning", "quantization", "tuning", "decoding", "regularization",
               "adapters", "routing", "sampling", "normalization", "pretraining"]
_TECH_MODS = ["sparse", "gated", "low-rank", "contrastive", "adaptive", "hierarchical", "dynamic", "rotary",
              "structured", "progressive", "cross-layer", "multi-query", "grouped", "local", "mixed-precision"]


def _word(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(n))


def synthetic_gazetteer(names: int = 100_000, seed: int = 0, base: Gazetteer | None = None) -> Gazetteer:
    """The curated gazetteer plus seeded synthetic entities up to ``names`` entities.

    >>> g = synthetic_gazetteer(1000, seed=1)
    >>> len(g.entities), len({e.key for e in g.entities})
    (1000, 1000)
    """
    base = base or load_gazetteer()
    rng = random.Random(seed)
    entities = list(base.entities)
    seen = {e.key for e in entities} | {("Model", e.name) for e in entities}
    while len(entities) < names:
        roll = rng.random()
        if roll < 0.7:
            word = _word(rng, rng.randint(1, 3))
            shape = rng.random()
            if shape < 0.4:
                name = word.capitalize() + rng.choice(_STEMS)
            elif shape < 0.7:
                name = rng.choice(_STEMS) + "-" + word.capitalize()
            elif shape < 0.85:
                name = word.upper()[: rng.randint(3, 6)] + rng.choice(["", "-2", "-3", "2"])
            else:
                name = word.capitalize() + rng.choice(["LM", "Net", "GPT", "Coder"])
            name += rng.choice(_SIZES)
            etype, aliases = "Model", frozenset({name.replace("-", " ")} - {name})
        elif roll < 0.88:
            name = _word(rng, rng.randint(1, 3)).capitalize() + rng.choice(_DATA_TAILS)
            etype, aliases = "Dataset", frozenset()
        else:
            name = " ".join([rng.choice(_TECH_MODS), _word(rng, 2), rng.choice(_TECH_HEADS)])
            etype, aliases = "Technique", frozenset()
        if (etype, name) in seen:
            continue
        seen.add((etype, name))
        entities.append(Entity(name, etype, aliases))
    return base.extended(entities[len(base.entities):])


def _rate(count: int, cpu: float, wall: float) -> str:
    return f"{count / cpu:9,.0f} abstracts/s  ({count / wall:,.0f}/s wall)"


def _timed(fn, items) -> tuple[float, float]:
    cpu, wall = time.process_time(), time.perf_counter()
    for item in items:
        fn(item)
    return time.process_time() - cpu, time.perf_counter() - wall


def stage_times(extractor: Extractor, papers: list, repeats: int = 3) -> dict[str, float]:
    """CPU microseconds per abstract of each extraction stage run on its own (best of ``repeats``).

    Stages run alone keep their tables in the CPU caches, so they add up to
    less than the whole pipeline; "new spellings linked" is the name-shaped
    tokens again with the token and link caches emptied first.
    """
    from kg.extract.mentions import name_tokens

    discover = extractor.discover
    scans = [extractor.phrases.scan(p.text) for p in papers]
    stages = {
        "phrase + cue scan": lambda p, s: extractor.phrases.scan(p.text),
        "name-shaped tokens": lambda p, s: name_tokens(p.text),
        "token look-ups": lambda p, s: extractor._token_infos(p.text),
        "discovery": lambda p, s: discover(p, s),
        **{f"  {name}": (lambda f: lambda p, s: f(p, s))(getattr(discover, name))
           for name in ("introduced", "datasets", "acronyms", "listed", "methods", "title_techniques",
                                "described", "components")},
        "  title": lambda p, s: discover.title(p),
    }
    out = {}
    for name, fn in stages.items():
        best = float("inf")
        for _ in range(repeats):
            cpu = time.process_time()
            for paper, scan in zip(papers, scans):
                fn(paper, scan)
            best = min(best, time.process_time() - cpu)
        out[name] = best / len(papers) * 1e6
    best = float("inf")
    for _ in range(repeats):
        extractor._tokens.clear()
        extractor.linker._cache.clear()
        cpu = time.process_time()
        for paper in papers:
            extractor._token_infos(paper.text)
        best = min(best, time.process_time() - cpu)
    out["new spellings linked"] = best / len(papers) * 1e6 - out["token look-ups"]
    out["merging + mentions"] = _merging_time(extractor, papers, scans, repeats)
    return out


def _merging_time(extractor: Extractor, papers: list, scans: list, repeats: int) -> float:
    """CPU microseconds per abstract of the rest of ``mentions()``: candidates merged, lists followed,
    languages placed, ``Mention`` objects made, with the scan, the token look-ups and discovery answered
    from their results for these papers (held for this measurement only, then put back)."""
    scan_of = {p.text: scan for p, scan in zip(papers, scans)}
    tokens_of = {p.text: extractor._token_infos(p.text) for p in papers}
    found_of = {p.key: extractor.discover(p, scan) for p, scan in zip(papers, scans)}
    discoverer = type(extractor.discover)
    call = discoverer.__call__
    extractor.phrases.scan, extractor._token_infos = scan_of.__getitem__, tokens_of.__getitem__
    discoverer.__call__ = lambda self, paper, scan=None: list(found_of[paper.key])  # a fresh list: it is extended
    try:
        best = float("inf")
        for _ in range(repeats):
            cpu = time.process_time()
            for paper in papers:
                extractor.mentions(paper)
            best = min(best, time.process_time() - cpu)
    finally:
        del extractor.phrases.scan, extractor._token_infos
        discoverer.__call__ = call
    return best / len(papers) * 1e6


def _digest(papers: list, found: list) -> str:
    """sha256 of every paper's key and what was found in it."""
    digest = hashlib.sha256()
    for paper, items in zip(papers, found, strict=True):
        digest.update(repr((paper.key, items)).encode())
    return digest.hexdigest()


def run(names: int, abstracts: int, spacy_abstracts: int, seed: int, stages: bool = False,
        chunk: int = CHUNK) -> int:
    buf = io.StringIO()
    write_corpus(abstracts, buf, seed=seed)
    path = Path(f"/tmp/kg-bench-extract-{seed}-{abstracts}.jsonl")
    path.write_text(buf.getvalue(), encoding="utf-8")
    papers = merge_papers(read_papers([path]))
    path.unlink()
    chars = sum(len(p.text) for p in papers) / max(1, len(papers))
    print(f"{len(papers):,} abstracts of {chars:,.0f} characters on average (bundled corpus recombined, seed {seed})")

    t = time.perf_counter()
    gazetteer = synthetic_gazetteer(names, seed=seed)
    surfaces = [s for s, _ in gazetteer.surfaces()]
    print(f"gazetteer: {len(gazetteer.entities):,} names, {len(surfaces):,} surface forms "
          f"({time.perf_counter() - t:.1f} s to generate)")

    t = time.perf_counter()
    extractor = Extractor(gazetteer=gazetteer)
    print(f"ours: extractor built in {time.perf_counter() - t:.1f} s ({len(extractor.linker):,} link keys, "
          f"{len(extractor.stems):,} model stems)")
    cpu, wall = _timed(lambda _: extractor.learn(papers), [None])
    print(f"ours: learn pass over the corpus {wall:.1f} s ({len(extractor.learned):,} names learned)")

    # the relation cue table is compiled once per process, on first use: done here, outside the timed passes
    # (at 5,000 abstracts it would add ~50 us to every abstract of the first pass with relations)
    t = time.perf_counter()
    extract_relations(papers[0], [])
    print(f"ours: relation cue table compiled in {time.perf_counter() - t:.2f} s (once per process)")

    chunks = [papers[i:i + chunk] for i in range(0, len(papers), chunk)]
    cold_cpu, cold_wall = _timed(extractor.mentions, papers)
    # the same first pass a chunk at a time, each stage over the chunk (as `kg build` runs it), from the same
    # cold caches: the token and link caches emptied and garbage collected, as learn() leaves them
    extractor._tokens.clear()
    extractor.linker._cache.clear()
    gc.collect()
    chunk_cpu, chunk_wall = _timed(extractor.mentions_many, chunks)  # each chunk's result dropped, as above
    cpu, wall = _timed(extractor.mentions, papers)
    full_cpu, full_wall = _timed(extractor, papers)
    full_chunk_cpu, full_chunk_wall = _timed(extractor.extract_many, chunks)
    chunked_extractions = [ex for c in chunks for ex in extractor.extract_many(c)]  # for the digests
    chunked_found = [list(ex.mentions) for ex in chunked_extractions]
    # a digest of every mention, so a speed change can show its output is byte-identical
    digest, mentions = hashlib.sha256(), 0
    for paper in papers:
        found = extractor.mentions(paper)
        mentions += len(found)
        digest.update(repr((paper.key, found)).encode())
    print(f"ours  extraction + linking, first pass   {_rate(len(papers), cold_cpu, cold_wall)}")
    print(f"ours  extraction + linking, first pass, in chunks of {chunk}  {_rate(len(papers), chunk_cpu, chunk_wall)}"
          f"  ({cold_cpu / chunk_cpu:.3f}x per paper)")
    print(f"ours  extraction + linking, second pass  {_rate(len(papers), cpu, wall)}  "
          f"{mentions / len(papers):.1f} mentions per abstract")
    print(f"ours  mentions digest {digest.hexdigest()[:16]} (sha256 of every paper's key and mentions); "
          f"in chunks {_digest(papers, chunked_found)[:16]}")
    print(f"ours  with relation patterns             {_rate(len(papers), full_cpu, full_wall)}")
    print(f"ours  with relation patterns, in chunks of {chunk}  {_rate(len(papers), full_chunk_cpu, full_chunk_wall)}"
          f"  ({full_cpu / full_chunk_cpu:.3f}x per paper)")
    # ... and of every relation, so a speed change of the relation stage can show its output is unchanged
    found = [extractor(paper).relations for paper in papers]
    relations = sum(map(len, found))
    print(f"ours  relations digest {_digest(papers, found)[:16]} ({relations / len(papers):.1f} relations per abstract); "
          f"in chunks {_digest(papers, [e.relations for e in chunked_extractions])[:16]}")
    ours = len(papers) / cold_cpu
    if stages:
        print("ours  stages alone, CPU us per abstract:")
        for name, us in stage_times(extractor, papers).items():
            print(f"        {name:24s} {us:6.1f}")

    lookup = {s.lower(): s for s in surfaces}
    texts = [p.text for p in papers]
    split_cpu, split_wall = _timed(lambda text: [lookup.get(w.lower()) for w in text.split()], texts)
    print(f"floor str.split + dict look-up           {_rate(len(texts), split_cpu, split_wall)}")

    try:
        import spacy
        from spacy.matcher import PhraseMatcher
    except ImportError:
        print("spaCy: not installed (pip install -e '.[bench]'), no PhraseMatcher baseline in this run; "
              f"ours is {ours / (len(texts) / split_cpu):.2f}x the str.split floor")
        return 0
    nlp = spacy.blank("en")
    t = time.perf_counter()
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    tokenizer = spacy.blank("en").tokenizer  # patterns tokenized apart, so the text tokenizer stays as fast as it is
    for start in range(0, len(surfaces), 5000):
        matcher.add("NAME", list(tokenizer.pipe(surfaces[start:start + 5000])))
    print(f"spaCy: PhraseMatcher of {len(surfaces):,} patterns built in {time.perf_counter() - t:.1f} s")
    sample = texts[:spacy_abstracts]

    def spacy_pipeline(text: str) -> list:
        doc = nlp.make_doc(text)
        return [lookup.get(doc[s:e].text.lower()) for _, s, e in matcher(doc)]

    sp_cpu, sp_wall = _timed(spacy_pipeline, sample)
    print(f"spaCy tokenizer + PhraseMatcher          {_rate(len(sample), sp_cpu, sp_wall)}  ({len(sample):,} abstracts)")
    print(f"ratio ours (first pass) / spaCy: {ours / (len(sample) / sp_cpu):.1f}x")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--names", type=int, default=100_000, help="gazetteer size (default 100,000)")
    parser.add_argument("--abstracts", type=int, default=5000, help="abstracts for our pipeline (default 5,000)")
    parser.add_argument("--spacy-abstracts", type=int, default=1000, help="abstracts for spaCy (default 1,000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--stages", action="store_true", help="also time each extraction stage on its own")
    parser.add_argument("--chunk", type=int, default=CHUNK,
                        help=f"papers per chunk of the chunked passes (default {CHUNK}, as `kg build`)")
    args = parser.parse_args(argv)
    return run(args.names, args.abstracts, args.spacy_abstracts, args.seed, args.stages, args.chunk)


if __name__ == "__main__":
    sys.exit(main())
