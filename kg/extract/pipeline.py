"""The extractor: linked mentions, then relations, for one paper at a time.

Mentions come from four finders, merged longest-span first: curated (and
learned) phrases, discovered names (:mod:`kg.extract.discovery`), name-shaped
tokens linked by :class:`kg.link.Linker` (``BERT_LARGE`` -> ``BERT``) or
discovered when built on a known model name (``KR-BERT``), and languages in
language contexts.

Streaming: ``Extractor()(paper)`` needs nothing but the paper. A corpus-level
pass, :meth:`Extractor.learn`, first discovers the names of all papers, so a
name introduced in paper A links to the same node when paper B mentions it
(deterministic: the result does not depend on the order of the papers).

>>> from kg.model import Paper
>>> ex = Extractor()
>>> p = Paper("t:x", "KR-BERT: A Korean BERT", "We compare KR-BERT with BERT-base on KorQuAD.")
>>> sorted({(m.name, m.type, m.introduced) for m in ex(p).mentions})
[('BERT', 'Model', False), ('KR-BERT', 'Model', True), ('Korean', 'Language', False)]
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from kg.extract.discovery import Found, NameDiscoverer
from kg.extract.gazetteer import Gazetteer, load_cues, load_gazetteer
from kg.extract.languages import LanguageFinder
from kg.extract.mentions import PhraseMatcher, lower_same_length, name_tokens, overlaps, strip_affixes
from kg.extract.relations import extract_relations
from kg.link import Linker, normalize
from kg.model import Entity, Extraction, Mention, Paper

__all__ = ["Extractor"]

_TYPE_ORDER = {"Model": 0, "Dataset": 1, "Technique": 2, "Language": 3}
_STEM = re.compile(r"[A-Z][A-Za-z]*[A-Z][A-Za-z]*|[A-Z]{3,}")


def _model_stems(gazetteer: Gazetteer, cues: dict) -> list[str]:
    """Model names that other names are built on: one word, two capitals or more (BERT, RoBERTa, LLaMA)."""
    disc = cues["discovery"]
    stems = {e.name for e in gazetteer.entities if e.type == "Model" and _STEM.fullmatch(e.name) and len(e.name) >= 4}
    return sorted((stems | set(disc["stems_extra"])) - set(disc["stems_exclude"]))


class Extractor:
    """Callable: ``Extractor()(paper) -> Extraction``."""

    def __init__(self, gazetteer: Gazetteer | None = None, cues: dict | None = None):
        self.gazetteer = gazetteer or load_gazetteer()
        self.cues = cues or load_cues()
        self.stems = _model_stems(self.gazetteer, self.cues)
        self.discover = NameDiscoverer(self.cues, self.stems)
        self.languages = LanguageFinder(self.cues)
        self.modifiers = frozenset(self.cues["affix"]["modifiers"])
        self.generic_followers = tuple(self.cues["affix"]["generic_technique_followers"])
        self.size_words = tuple(self.cues["size"]["words"])
        self.linker = Linker(self.gazetteer.entities, size_words=self.size_words, count=self.cues["size"]["counts"])
        self.phrases = PhraseMatcher(self.gazetteer.surfaces(), self.gazetteer.exact_case)
        self.learned: tuple[Entity, ...] = ()
        self._learned_phrases: PhraseMatcher | None = None

    # -- corpus-level pass ---------------------------------------------------
    def learn(self, papers: Iterable[Paper]) -> tuple[Entity, ...]:
        """Discover the names of all ``papers`` so every paper links them alike.

        Returns the learned entities (also in :attr:`learned`). Names that
        link to the gazetteer are not learned; spellings of one name (same
        key) form one entity named by its most frequent spelling.
        """
        surfaces: dict[str, Counter] = defaultdict(Counter)
        types: dict[str, Counter] = defaultdict(Counter)
        aliases: dict[str, set] = defaultdict(set)
        for paper in papers:
            for found in self._discovered(paper):
                if self.linker.link(found.name, fuzzy=False) is not None:
                    continue
                key = self._key(found.name)
                surfaces[key][found.name] += 1
                types[key][found.type] += 1
                aliases[key].update(found.aliases)
        learned = []
        for key in sorted(surfaces):
            name = min(surfaces[key], key=lambda s: (-surfaces[key][s], s))
            etype = min(types[key], key=lambda t: (-types[key][t], _TYPE_ORDER[t]))
            alias_set = frozenset(set(surfaces[key]) | aliases[key]) - {name}
            learned.append(Entity(name, etype, alias_set))
        self.learned = tuple(learned)
        self.linker = Linker((*self.gazetteer.entities, *self.learned), size_words=self.size_words,
                             count=self.cues["size"]["counts"])
        pairs = [(s, e) for e in self.learned for s in (e.name, *sorted(e.aliases))]
        self._learned_phrases = PhraseMatcher(pairs, frozenset(s for s, _ in pairs))
        return self.learned

    def _key(self, name: str) -> str:
        return normalize(name)

    # -- one paper -----------------------------------------------------------
    def _discovered(self, paper: Paper) -> list[Found]:
        found = self.discover(paper)
        spans = [(f.start, f.end) for f in found]
        taken = [(s, e) for s, e, _ in self.phrases.find(paper.text)]
        for start, end, token in name_tokens(paper.text):
            if overlaps(spans, start, end) or overlaps(taken, start, end):
                continue
            offset, core = strip_affixes(token, self.modifiers)
            if self.linker.link(core, fuzzy=False) is not None or core in self.discover.generic:
                continue
            if self._model_shaped(core):
                found.append(Found(core, "Model", start + offset, start + offset + len(core), False, how="shape"))
        return found

    def _model_shaped(self, core: str) -> bool:
        if not self.discover.acceptable(core):
            return False
        if any(stem in core and stem != core for stem in self.stems):
            return True
        parts = re.split(r"[-_]", core)
        return len(parts) > 1 and parts[0][:1].isupper() and bool(
            re.fullmatch(self.cues["size"]["counts"], parts[-1].lower()))

    def _candidates(self, paper: Paper) -> list[tuple]:
        """Candidate mentions: ``(start, end, name, type, introduced, confidence, priority)``."""
        text = paper.text
        lowered = lower_same_length(text)
        out = [(s, e, ent.name, ent.type, False, 1.0, 0) for s, e, ent in self.phrases.find(text, lowered)]
        if self._learned_phrases is not None:
            out += [(s, e, ent.name, ent.type, False, 0.8, 1) for s, e, ent in self._learned_phrases.find(text, lowered)]
        names_here: dict[str, tuple[str, str]] = {}
        for found in self._discovered(paper):
            entity = self.linker.link(found.name, fuzzy=False)
            name, etype = (entity.name, entity.type) if entity else (found.name, found.type)
            if found.start >= 0:
                out.append((found.start, found.end, name, etype, found.introduced, 0.8, 2))
            for surface in (found.name, *found.aliases):
                names_here.setdefault(surface, (name, etype))
        # every other occurrence of a name discovered in this paper
        for surface, (name, etype) in names_here.items():
            for m in re.finditer(r"(?<![\w-])" + re.escape(surface) + r"(?![\w-])", text):
                out.append((m.start(), m.end(), name, etype, False, 0.8, 2))
        # name-shaped tokens that link: BERT_LARGE, bert-large-uncased, BERTBASE
        for start, end, token in name_tokens(text):
            offset, core = strip_affixes(token, self.modifiers)
            entity = self.linker.link(core)
            if entity is not None:
                out.append((start + offset, start + offset + len(core), entity.name, entity.type, False, 0.9, 3))
        return out

    def __call__(self, paper: Paper) -> Extraction:
        text = paper.text
        candidates = self._candidates(paper)
        # a name is introduced when any finder says so, whichever finder's span wins
        introduced = {(c[2], c[3]) for c in candidates if c[4]}
        chosen, spans = [], []
        for cand in sorted(candidates, key=lambda c: (c[0] - c[1], c[6], c[0], c[2])):
            start, end = cand[0], cand[1]
            if not overlaps(spans, start, end):
                chosen.append(cand)
                spans.append((start, end))
        chosen = [c for c in chosen if not (c[3] == "Technique" and self._generic_technique(text, c[1]))]
        mentions = [Mention(text[s:e], name, etype, s, e, (name, etype) in introduced, conf)
                    for s, e, name, etype, _, conf, _ in chosen]
        model_starts = frozenset(m.start for m in mentions if m.type == "Model")
        for lang in self.languages.find(text, len(paper.title), model_starts):
            if not overlaps(spans, lang.start, lang.end):
                mentions.append(lang)
        mentions.sort(key=lambda m: (m.start, -m.end, m.name))
        relations = extract_relations(paper, mentions)
        return Extraction(paper, tuple(mentions), tuple(relations))

    def _generic_technique(self, text: str, end: int) -> bool:
        """``Transformer-based models``: a technique used as a modifier is no mention."""
        rest = text[end:end + 12].lower()
        return any(rest.startswith(("-" + w, " " + w)) for w in self.generic_followers)
