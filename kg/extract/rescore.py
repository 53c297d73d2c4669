"""A learned second opinion on the rules' edges to datasets, languages and techniques.

The cue rules of :mod:`kg.extract.relations` decide every edge. This module
scores each *candidate* instead: a predicate and an object the paper names
(``evaluatedOn`` / ``trainedOn`` a Dataset, ``forLanguage`` a Language,
``usesTechnique`` a Technique), described by binary features of where and how
the object is named and whether a rule gave the edge. A linear model per
predicate turns the features into a probability; an edge is kept (the rule's,
with its subject and evidence) or added (the paper's own subject, or for a
language the datasets of a paper that introduces no model, as the rules give
them; the first sentence naming the object) when the probability reaches the
threshold, and dropped when it does not.

The weights are data (``schema/rescore.json``), trained by :func:`train`
(scikit-learn's logistic regression, needed only to train) on the gold papers
of the tuned splits and chosen on the measured ones
(``benchmarks/rescore.py --train tuned``); applying them is a dictionary
look-up and a sum per feature.

It is on by default for ``usesTechnique``, ``trainedOn`` and ``forLanguage``
(``Extractor(rescorer=None)`` turns it off; ``evaluatedOn`` stays the rules'):
trained on the 1,270 papers of the tuned splits and scored on the 1,222 papers
of 42 measured splits, it raised relation F1 from 0.624 to 0.630 (paired 95%
interval +0.003 to +0.010), trading precision (0.700 -> 0.693) for recall
(0.563 -> 0.578).
Stops 15 and 17 had found no gain training on 90 and 262 papers
leave-one-split-out: it needs the larger pool.

>>> from kg.model import Mention, Paper, Relation
>>> p = Paper("t:x", "ZetaLM", "We evaluate ZetaLM on GLUE.")
>>> ms = [Mention("ZetaLM", "ZetaLM", "Model", 0, 6, True), Mention("GLUE", "GLUE", "Dataset", 29, 33)]
>>> [(c.predicate, c.object[1], "rule" in c.features) for c in candidates(p, ms, ())]
[('evaluatedOn', 'GLUE', False), ('trainedOn', 'GLUE', False)]
>>> r = Rescorer({"evaluatedOn": {"bias": -1.0, "b:on": 2.0}, "trainedOn": {"bias": -2.0}})
>>> [(x.subject[1], x.predicate, x.object[1]) for x in r(p, ms, ())]
[('ZetaLM', 'evaluatedOn', 'GLUE')]
"""
from __future__ import annotations

import bisect
import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.errors import KGError
from kg.extract.relations import introduced_datasets, load_relation_table, paper_sentences
from kg.model import Mention, Paper, Relation
from kg.vocab import SCHEMA_DIR

__all__ = ["DEFAULT_WEIGHTS", "OBJECT_PREDICATES", "Candidate", "Rescorer", "candidates", "load_rescorer",
           "read_weights", "train", "write_weights"]

#: The shipped weights, with the threshold they were chosen at (``benchmarks/rescore.py --write``).
DEFAULT_WEIGHTS = SCHEMA_DIR / "rescore.json"

#: The predicates scored, by the type of their object.
OBJECT_PREDICATES = {"Dataset": ("evaluatedOn", "trainedOn"), "Language": ("forLanguage",),
                     "Technique": ("usesTechnique",)}
_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")
_OURS = re.compile(r"\b(?:[Ww]e|[Oo]ur|us|[Tt]his (?:paper|work|study))\b")
_BEFORE, _AFTER = 3, 2  # words read on each side of a mention


@dataclass(frozen=True, slots=True)
class Candidate:
    """One possible edge of a paper: ``predicate`` to ``object`` (a ``(type, name)`` pair)."""

    predicate: str
    object: tuple[str, str]
    features: tuple[str, ...]
    rule: tuple[Relation, ...]  # the rules' edges of this predicate and object
    sentence: str  # the first sentence naming the object
    surfaces: frozenset[str]  # how the paper writes the object


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _mention_features(text: str, m: Mention, lo: int, hi: int, same_type: set[tuple[int, int]]) -> set[str]:
    """The words around one mention (within its sentence ``text[lo:hi]``) and its setting."""
    before = text[max(lo, m.start - 50):m.start]
    after = text[m.end:min(hi, m.end + 40)]
    found = {"b:" + w for w in _words(before)[-_BEFORE:]} | {"a:" + w for w in _words(after)[:_AFTER]}
    if before.rstrip().endswith("("):
        found.add("paren")
    if any(abs(s - m.end) < 7 or abs(m.start - e) < 7 for s, e in same_type if (s, e) != (m.start, m.end)):
        found.add("listed")  # "on GLUE, SQuAD and RACE"
    return found


def candidates(paper: Paper, mentions: Sequence[Mention], relations: Iterable[Relation]) -> list[Candidate]:
    """Every scored predicate to every dataset, language and technique the paper names, in a stable order."""
    sentences = paper_sentences(paper)
    starts = [offset for offset, _ in sentences]
    bounds = starts[1:] + [len(paper.text)]
    by_object: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    spans: dict[str, set[tuple[int, int]]] = defaultdict(set)
    for m in mentions:
        if m.type in OBJECT_PREDICATES:
            by_object[(m.type, m.name)].append(m)
            spans[m.type].add((m.start, m.end))
    ruled: dict[tuple, list[Relation]] = defaultdict(list)
    for r in relations:
        ruled[(r.predicate, r.object)].append(r)
    own = any(m.introduced and m.type == "Model" for m in mentions)
    text, title_end = paper.text, len(paper.title)
    out = []
    for key in sorted(by_object):
        ms = sorted(by_object[key], key=lambda m: m.start)
        numbers = [bisect.bisect_right(starts, m.start) - 1 for m in ms]
        shared = {"n:%d" % min(len(ms), 3), "first:%d" % min(numbers[0], 3)}
        shared |= {"intro"} if any(m.introduced for m in ms) else set()
        shared |= {"title"} if ms[0].start < title_end else set()
        shared |= {"found"} if min(m.confidence for m in ms) < 1 else set()
        shared |= {"own"} if own else set()
        shared |= {"last"} if numbers[-1] == len(sentences) - 1 and len(sentences) > 2 else set()
        for m, number in zip(ms, numbers):
            shared |= _mention_features(text, m, starts[number], bounds[number], spans[key[0]])
        for predicate in OBJECT_PREDICATES[key[0]]:
            rule = tuple(ruled.get((predicate, key), ()))
            features = {"bias"} | shared
            if rule:
                features |= {"rule", "rule:%.1f" % max(r.confidence for r in rule)}
            if any(ruled.get((p, key)) for p in OBJECT_PREDICATES[key[0]] if p != predicate):
                features.add("rule:other")
            out.append(Candidate(predicate, key, tuple(sorted(features)), rule, sentences[numbers[0]][1],
                                 frozenset(m.surface for m in ms) | {key[1]}))
    return out


class Rescorer:
    """Callable: ``Rescorer(weights)(paper, mentions, relations) -> relations``, the scored edges re-decided.

    ``weights`` maps each predicate to ``{feature: weight}``; a predicate without
    weights keeps the rules' edges. ``threshold`` is the probability an edge needs.
    """

    def __init__(self, weights: dict[str, dict[str, float]], threshold: float = 0.5,
                 others_language: re.Pattern | None = None):
        self.weights = weights
        self.threshold = threshold
        self.others_language = others_language

    def probability(self, candidate: Candidate) -> float | None:
        weights = self.weights.get(candidate.predicate)
        if weights is None:
            return None
        z = sum(weights.get(f, 0.0) for f in candidate.features)
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))

    def __call__(self, paper: Paper, mentions: Sequence[Mention], relations: Sequence[Relation]) -> list[Relation]:
        scored = {p for p in self.weights}
        kept = [r for r in relations if not (r.object[0] in OBJECT_PREDICATES and r.predicate in scored)]
        subject = _own_subject(paper, mentions, relations)
        datasets = _own_datasets(mentions)
        for c in candidates(paper, mentions, relations):
            p = self.probability(c)
            if p is None or p < self.threshold:
                continue
            if c.rule:
                kept.extend(c.rule)
            elif c.predicate == "forLanguage" and self._others_only(paper, mentions, c.object):
                continue
            else:
                owners = datasets if c.predicate == "forLanguage" and datasets else (subject,)
                kept.extend(Relation(owner, c.predicate, c.object, paper.key, c.sentence, round(p, 3))
                            for owner in owners if owner != c.object)
        return kept

    def _others_only(self, paper: Paper, mentions: Sequence[Mention], obj: tuple[str, str]) -> bool:
        """Whether the paper names a language only as the field's usual one, set against its own: "datasets exist
        only for a handful of languages (mainly English and Chinese)" (the rules' language_contrast, which
        keeps such a language from their edges, keeps it from the added ones too)."""
        if self.others_language is None:
            return False
        text = paper.text
        return all(self.others_language.search(before) and not _OURS.search(before)
                   for m in mentions if (m.type, m.name) == obj for before in (_sentence_before(text, m.start),))


def _sentence_before(text: str, at: int) -> str:
    start = max(text.rfind(". ", 0, at), text.rfind("? ", 0, at), text.rfind("! ", 0, at))
    return text[start + 2 if start >= 0 else 0:at]


def _own_datasets(mentions: Sequence[Mention]) -> list[tuple[str, str]]:
    """The datasets a paper with no model of its own introduces: the subjects of the languages it targets."""
    if any(m.introduced and m.type == "Model" for m in mentions):
        return []
    return introduced_datasets(mentions)


def _own_subject(paper: Paper, mentions: Sequence[Mention], relations: Sequence[Relation]) -> tuple[str, str]:
    """The subject (a model or the paper) the rules give the paper's edges most often, else its first introduced
    model, else the paper. (Not a dataset the rules give its languages: a corpus is trained on by no corpus.)"""
    counts = Counter(r.subject for r in relations if r.object[0] in OBJECT_PREDICATES and r.subject[0] != "Dataset")
    if counts:
        return min(counts, key=lambda s: (-counts[s], s))
    own = next((m for m in mentions if m.introduced and m.type == "Model"), None)
    return ("Model", own.name) if own else ("Paper", paper.key)


# -- training ----------------------------------------------------------------

def train(rows: Iterable[tuple[str, tuple[str, ...], bool]], c: float = 1.0) -> dict[str, dict[str, float]]:
    """Weights per predicate from ``(predicate, features, label)`` rows: an L2 logistic regression each.

    Deterministic for the same rows (the lbfgs solver, no shuffling); weights are rounded to 4 places.
    """
    try:
        import numpy as np
        from scipy.sparse import csr_matrix
        from sklearn.linear_model import LogisticRegression
    except ImportError as err:
        raise KGError("training the re-scorer needs scikit-learn: pip install 'kg[learn]'") from err
    by_predicate: dict[str, list[tuple[tuple[str, ...], bool]]] = defaultdict(list)
    for predicate, features, label in rows:
        by_predicate[predicate].append((features, bool(label)))
    weights = {}
    for predicate, data in sorted(by_predicate.items()):
        vocabulary = sorted({f for features, _ in data for f in features})
        index = {f: i for i, f in enumerate(vocabulary)}
        labels = [label for _, label in data]
        if len(set(labels)) < 2:  # nothing to learn: every candidate one way
            weights[predicate] = {"bias": 8.0 if labels[0] else -8.0}
            continue
        # one row per candidate, a 1 per feature it has: sparse, as thousands of papers give tens of
        # thousands of features
        columns = [sorted(index[f] for f in set(features)) for features, _ in data]
        x = csr_matrix((np.ones(sum(map(len, columns))), [i for row in columns for i in row],
                        np.cumsum([0, *map(len, columns)])), shape=(len(data), len(vocabulary)))
        model = LogisticRegression(C=c, max_iter=5000, fit_intercept=False).fit(x, labels)
        weights[predicate] = {f: round(float(w), 4) for f, w in zip(vocabulary, model.coef_[0]) if round(float(w), 4)}
    return weights


def write_weights(weights: dict, path: str | Path, **meta) -> None:
    """Write ``weights`` (and what they were trained on, ``meta``) as sorted JSON, atomically."""
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps({"meta": meta, "weights": weights}, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    tmp.replace(path)


def read_weights(path: str | Path) -> dict[str, dict[str, float]]:
    """The weights of a file :func:`write_weights` wrote."""
    return _read(path)[0]


def _read(path: str | Path) -> tuple[dict[str, dict[str, float]], dict]:
    """``(weights, meta)`` of a file :func:`write_weights` wrote."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        weights, meta = data["weights"], data.get("meta", {})
        if not isinstance(weights, dict) or not all(isinstance(w, dict) for w in weights.values()):
            raise TypeError("each predicate's weights must be an object")
        if not isinstance(meta, dict):
            raise TypeError("meta must be an object")
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise KGError(f"{path}: not a re-scorer weights file: {err}") from err
    return weights, meta


@lru_cache(maxsize=4)
def load_rescorer(path: str | Path = DEFAULT_WEIGHTS) -> Rescorer:
    """The re-scorer of a weights file, at the threshold its ``meta`` gives (0.5 without one); read once.

    >>> r = load_rescorer()
    >>> sorted(r.weights), r.threshold
    (['forLanguage', 'trainedOn', 'usesTechnique'], 0.45)
    """
    weights, meta = _read(path)
    contrast = load_relation_table()["block"].get("language_contrast")
    return Rescorer(weights, float(meta.get("threshold", 0.5)), re.compile(contrast, re.IGNORECASE) if contrast else None)
