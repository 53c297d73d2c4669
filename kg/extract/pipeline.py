"""The extractor: linked mentions, then relations, for one paper at a time.

Mentions come from four finders, merged longest-span first: curated (and
learned) phrases, discovered names (:mod:`kg.extract.discovery`), name-shaped
tokens linked by :class:`kg.link.Linker` (``BERT_LARGE`` -> ``BERT``), typed
as a dataset edition (``IWSLT17``, ``COPA-HR``) or discovered when built on a
known model name (``KR-BERT``), and languages in language contexts.

One Aho-Corasick scan per paper finds the curated phrases (and their plurals),
the learned ones and the language names, each set resolved on its own, and
where discovery's cue words start (:meth:`kg.extract.mentions.PhraseMatcher.scan`
gives a :class:`~kg.extract.mentions.Scan` every discovery pattern reads);
name-shaped tokens are linked once per distinct spelling (cached).

Streaming: ``Extractor()(paper)`` needs nothing but the paper. A corpus-level
pass, :meth:`Extractor.learn`, first discovers the names of all papers, so a
name introduced in paper A links to the same node when paper B mentions it
(deterministic: the result does not depend on the order of the papers).
:meth:`Extractor.extract_many` gives the same extractions for a chunk of
papers, one stage at a time (as ``kg build`` runs it: :mod:`kg.parallel`).

>>> from kg.model import Paper
>>> ex = Extractor()
>>> p = Paper("t:x", "KR-BERT: A Korean BERT", "We compare KR-BERT with BERT-base on KorQuAD.")
>>> sorted({(m.name, m.type, m.introduced) for m in ex(p).mentions})
[('BERT', 'Model', False), ('KR-BERT', 'Model', True), ('KorQuAD', 'Dataset', False), ('Korean', 'Language', False)]
"""
from __future__ import annotations

import gc
import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import replace
from operator import itemgetter

import ahocorasick

from kg.extract.discovery import DISTINCT_VARIANTS, Found, NameDiscoverer, _names_before, is_name_shaped
from kg.extract.gazetteer import Gazetteer, load_cues, load_gazetteer
from kg.extract.languages import LanguageFinder, language_names
from kg.extract.mentions import PhraseMatcher, Scan, SubstringIndex, name_tokens, overlaps, strip_affixes
from kg.extract.relations import _default_extractor, extract_relations
from kg.extract.rescore import load_rescorer
from kg.link import Linker, name_signs, normalize
from kg.model import Entity, Extraction, Mention, Paper

__all__ = ["Extractor"]

_TYPE_ORDER = {"Model": 0, "Dataset": 1, "Technique": 2, "Language": 3}
_DATASET_SUFFIX = re.compile(r"(?P<base>.*?[A-Za-z])(?:[-_ ]?'?(?:\d{2}|\d{4})|-(?P<code>[A-Z]{2}))")
#: two-letter ISO 639-1 codes: "COPA-HR" is COPA in Croatian, "COCO-LM" is no dataset of COCO
_LANGUAGE_CODES = frozenset(code for code in language_names().values() if len(code) == 2)
#: ... and country codes that mark a dataset's version in a language as well: "COCO-CN", "MMLU-JP"
_VERSION_CODES = _LANGUAGE_CODES | {"cn", "jp", "kr", "tw", "br"}
#: a shared task's number after its dataset's name: "SemEval-2019 Task 6", "SemEval 2020 Shared Task 12"
_TASK_NUMBER = re.compile(r"[ -](?:[Ss]hared[ -])?[Tt]ask[ -]?(\d{1,2}[A-Za-z]?)\b")
_LIST_SEP_AT = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
_LIST_SEP_BEFORE = re.compile(r"(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$")
_ACRONYM_PLURAL = re.compile(r"[A-Z]{2,}s")
_LIST_NAME = re.compile(r"(?:[A-Z0-9]|[a-z]+[A-Z0-9])[\w\-+]*(?:\.[\w\-+]+)*(?: [A-Z0-9][\w\-+]*(?:\.[\w\-+]+)*){0,2}")
_COORDINATED = re.compile(r"\b([A-Za-z][\w\-]*),?\s+(?:and|or)\s+$")
_HYPHEN_OR_UNDERSCORE = re.compile(r"[-_]")
_ARTICLE_END = re.compile(r"(?<![\w-])(?:[Aa]n?|[Oo]ur|[Ii]ts) $")
_HYPHEN_OR_SPACE = re.compile(r"[-\s]")
_START = itemgetter(0)
#: a bracketed name right after a span / right before it: "... Transformer (ChatGPT)", "DialoGPT (dialogue ..."
_BRACKETED_AFTER = re.compile(r"\s*\(\s*([^()\s,;][^(),;]{0,39}?)\s*\)")
_BRACKETED_BEFORE = re.compile(r"([A-Za-z][\w.+-]*)\s*\(\s*(?:[a-z][\w-]*\s+){0,2}$")
#: a title's name and its colon: what follows describes it
_TITLE_HEAD = re.compile(r"[^\s:]+:\s*")
_WORD_BEFORE = re.compile(r"([A-Za-z][\w-]*) $")
#: what comes before the first word of a sentence, a title or a title's part
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?:;]\s+|\s--?\s+|\|\|\s*)$")
_OPENING_WORDS = frozenset({"the", "a", "an", "our", "its", "their", "this", "these", "that", "those", "and", "or", "of",
                            "for", "with", "on", "in", "to", "from", "by", "via", "using", "towards", "toward"})
#: Papers whose stages :meth:`Extractor.mentions_many` runs together: enough that each stage's tables stay in the
#: CPU caches, few enough that what one stage hands the next is still young for the garbage collector (a whole
#: chunk of 500 at once was ~20% slower than paper by paper: each collection walked its scans and tokens)
STAGE_BATCH = 16


def _merge_order(c: tuple) -> tuple:
    """A candidate's place in the merge: longest first, then by priority, start and name."""
    return c[0] - c[1], c[6], c[0], c[2]


def _one_spelling(chosen: list[tuple]) -> dict[tuple[str, str], str]:
    """Names of one paper and type that the linker's key folds together ("SemEval 2021", "SemEval-2021"), each
    mapped to one of them: a curated or learned name before a discovered one, then the first in text order.

    >>> _one_spelling([(0, 12, "SemEval-2021", "Dataset", True, 0.8, 2), (40, 52, "SemEval 2021", "Dataset", False, 0.9, 0)])
    {('Dataset', 'SemEval-2021'): 'SemEval 2021'}
    """
    first: dict[tuple[str, str], tuple[int, str]] = {}
    names: dict[tuple[str, str], set[str]] = {}
    for _, _, name, etype, _, _, priority in chosen:
        key = (etype, normalize(name))
        names.setdefault(key, set()).add(name)
        if key not in first or priority < first[key][0]:
            first[key] = (priority, name)
    return {(key[0], name): first[key][1] for key, group in names.items() if len(group) > 1
            for name in group if name != first[key][1]}


def _text_order(c: tuple) -> tuple:
    """A candidate's place in text order: by start, longest first, then by name."""
    return c[0], -c[1], c[2]


#: a later version after a name: " v2", " 2.0", " 3" before punctuation or "and" / "or"
_NEW_VERSION = re.compile(r" (?:v[2-9](?:\.\d{1,2})?|[2-9]\.\d{1,2}|[2-9](?=[,;:.)]|$| (?:and|or|\()\b))(?![\w%/-]|\.\d)")
#: a year after a known dataset: its edition, a dataset of its own ("OffensEval 2020", "AIME-2024"; GUIDELINES: WMT'18)
_EDITION = re.compile(r"[ -](?:19|20)\d\d(?![\w%/-]|\.\d| (?:dumps?|snapshots?|versions?)\b)")
#: a number: "2023", "52.4" (no hyphen, no letter)
_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)*")
#: an acronym in brackets right after a name: " (GRPO)", " (R-Tuning)"
_ACRONYM_AFTER = re.compile(r" \([A-Z][\w-]*\)")
#: a description set after a name: "Faithful CoT, a reasoning framework"
_APPOSITION_AFTER = re.compile(r",\s+(?:a|an)\s")
#: an indefinite article and up to two words ending where a name starts: "a ", "a selective "
_INDEFINITE_BEFORE = re.compile(r"(?<![\w-])(?:an?|An?)\s+(?:[\w-]+\s+){0,2}$")
_URL = re.compile(r"(?:https?://|www\.)[^\s()<>\"]+")
#: "our" right before a name, or before a few words and a comma or bracket opening it: "our DiJiang-7B achieves",
#: "our final method, MC-SMoE", "our proposed Dual-stage Mixed Fine-tuning (DMT)"
#: (words of a noun phrase only: not "our experiments on SuperGLUE tasks (KoraNLI, ...)")
_OURS_BEFORE = re.compile(r"\bour\s+(?:(?:(?!(?:on|of|in|at|with|for|to|from|by|and|or|than|as)\s)[\w-]+\s+){0,4}?"
                          r"[\w-]+\s*[,(]\s*)?$", re.IGNORECASE)
#: a word written as a model's name: a capital, a lower-case letter and an ending "LM" or "Former" (ZetaLM, MPCFormer)
_MODEL_WORD = re.compile(r"[A-Z][A-Za-z]*[a-z][A-Za-z]*(?:LM|Former)")
#: a one-word name written as a dataset's: NimbusQA, Zeta-Bench, KoraEval
_DATASET_WORD = re.compile(r"[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*-?(?:QA|Bench|Eval)")
#: a version number after a hyphen: "Kora-3", "ZetaLM-1.5"
_VERSION_PART = re.compile(r"\d{1,2}(?:\.\d{1,2})?")
#: a lower-case model identifier: two words of letters and a number, hyphenated ("code-cushman-001")
_LOWER_MODEL_ID = re.compile(r"[a-z]{2,}(?:-[a-z]{2,})+-[0-9][\w.]*|[a-z]{2,}-[0-9][\w.]*-[a-z]{2,}")
_MODEL_NOUN = re.compile(r" models?\b")
#: signs glued after a name that make another name of it: "HumanEval+", "QuIP#" (not "BERT+CRF", two names)
_GLUED_SIGNS = re.compile(r"[+#]+(?![\w+#])")
#: a capitalised name and a version after a space: "Kestrel 2.0", "ZetaLM 2"
_VERSIONED_NAME = re.compile(r"(?P<base>[A-Z][\w-]*[A-Za-z]) v?\d{1,2}(?:\.\d{1,2})*")
#: a capitalised name and a variant marker: "Kestrel-Med", "Kestrel-Instruct"
_VARIANT_NAME = re.compile(r"(?P<base>[A-Z][\w]*[A-Za-z])-(?P<marker>[A-Za-z]+)")
_STEM = re.compile(r"[A-Z][A-Za-z]*[A-Z][A-Za-z]*|[A-Z]{3,}")
#: after a technique, followers that say it is applied ("LoRA-based")
_APPLIED_FOLLOWERS = ("based", "style")
#: architectures that name the class of models built with them, named as such also before "based" and "models":
#: "Transformer-based models", "large Transformer models", "sparse MoE models" (GUIDELINES; "Transformer-like" is a
#: likeness)
_BACKBONES = ("transformer", "transformers", "moe")
#: after a learning paradigm, words that make it the name of tasks: "few-shot learning benchmarks"
_TASK_FOLLOWERS = (" tasks", " benchmark")
#: after a technique, words that make it a property: "pruning-friendly"
_ATTRIBUTE_FOLLOWERS = ("-friendly", " friendly")
#: software named after a one-word technique: "the transformers library" (a "knowledge distillation toolkit" is
#: for the technique)
_SOFTWARE_FOLLOWERS = (" library", " libraries")
#: ... or after its maker: "Hugging Face Transformers"
_SOFTWARE_MAKER = re.compile(r"hugging\s?face(?:'s)?\s+$", re.IGNORECASE)
#: plurals of models: after a participle ("instruction-tuned LLMs") they name a class of models
_MODEL_CLASS_NOUNS = (" models", "-models", " llms", " lms", " language mod", " variants")
#: every follower above, for one test before the others
_ANY_FOLLOWER = _TASK_FOLLOWERS + _ATTRIBUTE_FOLLOWERS + _MODEL_CLASS_NOUNS + _SOFTWARE_FOLLOWERS
#: a short capital tag glued to a technique's name: "S-" (LoRA), "-FA" (after LoRA)
_TAG_BEFORE = re.compile(r"(?<![\w-])[A-Z]{1,3}-$")
_TAG_AFTER = re.compile(r"-[A-Z]{1,3}(?![\w-])")


def _dataset_stems(gazetteer: Gazetteer):
    """An Aho-Corasick automaton of the gazetteer's one-word dataset names of four characters or more with
    two capitals (value: the name's length): what a new dataset's name may end in ("KoraGLUE")."""
    automaton = ahocorasick.Automaton()
    for name in sorted({e.name for e in gazetteer.entities
                        if e.type == "Dataset" and _STEM.fullmatch(e.name) and len(e.name) >= 4}):
        automaton.add_word(name, len(name))
    if len(automaton):
        automaton.make_automaton()
    return automaton


def _technique_stems(gazetteer: Gazetteer) -> list[str]:
    """Technique names as written that other names are built on: one word, two capitals or more (LoRA, KD, DPO)."""
    return sorted({surface for e in gazetteer.entities if e.type == "Technique"
                   for surface in (e.name, *e.aliases) if _STEM.fullmatch(surface)})


def _model_stems(gazetteer: Gazetteer, cues: dict) -> list[str]:
    """Model names that other names are built on: one word, two capitals or more (BERT, RoBERTa, LLaMA)."""
    disc = cues["discovery"]
    stems = {e.name for e in gazetteer.entities if e.type == "Model" and _STEM.fullmatch(e.name) and len(e.name) >= 4}
    return sorted((stems | set(disc["stems_extra"])) - set(disc["stems_exclude"]))


class _SpanIndex:
    """Spans sorted by start, for the ones overlapping a range in logarithmic time (a long text with many
    names stays linear: a scan of every span per token would be quadratic).

    >>> _SpanIndex([(10, 14), (0, 3), (20, 40)]).overlapping(2, 12)
    [(0, 3), (10, 14)]
    """

    def __init__(self, spans):
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]
        self.longest = max((e - s for s, e in self.spans), default=0)

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        """The spans ``(s, e)`` with ``s < end`` and ``start < e``, by start."""
        lo = bisect_left(self.starts, start - self.longest)
        hi = bisect_left(self.starts, end)
        return [(s, e) for s, e in self.spans[lo:hi] if start < e]


def _lowered_name(core: str, entity: Entity) -> bool:
    """Whether ``core`` writes one of ``entity``'s names with a capital lowered (past its first letter), and none
    without: capitals added are a title's or an emphasis ("Self-Supervised", "GROVER"), capitals lost another word.

    >>> e = Entity("ULTRA", "Model")
    >>> _lowered_name("Ultra-Small", e), _lowered_name("ULTRA-Large", e), _lowered_name("ArXiv", Entity("arXiv", "Dataset"))
    (True, False, False)
    >>> _lowered_name("GROVER", Entity("Grover", "Model")), _lowered_name("Self-Supervised", Entity("self-supervised", "Technique"))
    (False, False)
    """
    folded, lowered = core.casefold(), False
    for name in (entity.name, *entity.aliases):
        at = folded.find(name.casefold())
        if at < 0:
            continue
        if not any(n.isupper() and w.islower() for n, w in zip(name[1:], core[at + 1:at + len(name)])):
            return False
        lowered = True
    return lowered


class Extractor:
    """Callable: ``Extractor()(paper) -> Extraction``.

    ``rescorer``: a second opinion on the rules' edges (:class:`kg.extract.rescore.Rescorer`): the shipped
    weights' by default (:func:`kg.extract.rescore.load_rescorer`), ``None`` for the rules' edges alone.
    """

    def __init__(self, gazetteer: Gazetteer | None = None, cues: dict | None = None, rescorer="default"):
        self.rescorer = load_rescorer() if rescorer == "default" else rescorer
        self.gazetteer = gazetteer or load_gazetteer()
        self.cues = cues or load_cues()
        self.stems = _model_stems(self.gazetteer, self.cues)
        self._stem_index = SubstringIndex(self.stems)
        self._size_count = re.compile(self.cues["size"]["counts"])
        #: dataset names other names end in ("KoraGLUE", "ZetaSuperGLUE"), by length
        self._dataset_stems = _dataset_stems(self.gazetteer)
        self.size_words = tuple(self.cues["size"]["words"])
        self.variants = dict(self.cues.get("variant", {}).get("markers", {}))
        self.linker = Linker(self.gazetteer.entities, size_words=self.size_words, count=self.cues["size"]["counts"],
                             variants=self.variants)
        self._curated = self.linker  # the gazetteer's names only, also after learn()
        #: the curated names each paper introduces, by that paper's arXiv id (the gazetteer's arxiv column)
        self._introduced_by: dict[str, set[tuple[str, str]]] = {}
        for entity in self.gazetteer.entities:
            if entity.arxiv:
                self._introduced_by.setdefault(entity.arxiv, set()).add((entity.name, entity.type))
        # (a function of the linker, not a bound method: the extractor is frozen out of garbage collection, so
        # a cycle through it would never be collected)
        self.discover = NameDiscoverer(self.cues, self.stems, known_type=_TypeIn(self._curated),
                                       technique_stems=_technique_stems(self.gazetteer))
        self.languages = LanguageFinder(self.cues)
        self.modifiers = frozenset(self.cues["affix"]["modifiers"])
        self.generic_followers = tuple(self.cues["affix"]["generic_technique_followers"])
        self._generic_prefixes = tuple(sep + w for w in self.generic_followers for sep in "- ")
        component = self.cues.get("component", {})
        self._components = frozenset(component.get("architectures", ()))
        self._component_before = re.compile(component.get("before", "(?!)"))
        self._component_after = re.compile(component.get("after", "(?!)"), re.IGNORECASE)
        self._baselines = frozenset(component.get("baselines", ()))
        self._baseline_before = re.compile(component.get("baseline_before", "(?!)"), re.IGNORECASE)
        self._baseline_after = re.compile(component.get("baseline_after", "(?!)"), re.IGNORECASE)
        self._baseline_not_after = re.compile(component.get("baseline_not_after", "(?!)"), re.IGNORECASE)
        self._variant_words = frozenset(self.variants) | frozenset(DISTINCT_VARIANTS)  # kept on a token: Kora-coder
        self._phrase_pairs = _with_plurals(_names_not_descriptions(self.gazetteer), self.gazetteer.exact_case)
        self._suffixes = (*self.size_words, *self.modifiers)
        # language names ride along in the same scan, as the last layer (case-sensitive)
        self._language_pairs = self.languages.phrases()
        self._language_layer = (self._language_pairs, frozenset(n for n, _ in self._language_pairs))
        # ... and so do the cue words discovery's patterns start at
        self.phrases = PhraseMatcher.layered([(self._phrase_pairs, self.gazetteer.exact_case), self._language_layer],
                                             self._suffixes, self.discover.cue_words, self.cues["size"]["counts"])
        self.learned: tuple[Entity, ...] = ()
        #: name-shaped token -> (offset of its core, core, entity it links to, type of a new name or "")
        self._tokens: dict[str, tuple[int, str, Entity | None, bool]] = {}
        _freeze_heap()

    def __getstate__(self) -> dict:
        state = self.__dict__.copy()
        state["_tokens"] = {}
        return state

    def __setstate__(self, state: dict) -> None:  # in a worker process
        self.__dict__.update(state)
        _freeze_heap()

    # -- corpus-level pass ---------------------------------------------------
    def observe(self, papers: Iterable[Paper]) -> list[tuple]:
        """The new names of ``papers``, for :meth:`learn`: ``(key, name, type, aliases, (base key, marker) or None)``.

        Each paper is read on its own, so chunks of a corpus can be observed
        in parallel (before :meth:`learn`) and their observations chained.
        """
        observed = []
        for paper in papers:
            for found in self._discovered(paper):
                # known names, and known names with a modifier ("BERT-like"), are not learned
                if (self.linker.link(found.name, fuzzy=False) is not None
                        or self.linker.link(strip_affixes(found.name, self.modifiers, self._variant_words)[1], fuzzy=False) is not None
                        or any(self.linker.link(alias, fuzzy=False) is not None for alias in found.aliases)):
                    continue
                key, variant = self._key(found.name), None
                split = self.linker.variant_split(found.name)
                if split is not None:  # FooLM-7B-Chat and FooLM-13B-chat are one model, FooLM-Chat
                    variant = (normalize(split[0]), split[1])
                    key = variant[0] + variant[1]
                observed.append((key, found.name, self._typed(found)[1], tuple(found.aliases), variant))
        return observed

    def learn(self, papers: Iterable[Paper] = (), observed: Iterable[tuple] | None = None) -> tuple[Entity, ...]:
        """Discover the names of all ``papers`` so every paper links them alike.

        Returns the learned entities (also in :attr:`learned`). Names that
        link to the gazetteer are not learned; spellings of one name (same
        key) form one entity named by its most frequent spelling. ``observed``:
        the papers' :meth:`observe` output instead of the papers, in corpus order.
        """
        surfaces: dict[str, Counter] = defaultdict(Counter)
        types: dict[str, Counter] = defaultdict(Counter)
        aliases: dict[str, set] = defaultdict(set)
        variant_of: dict[str, tuple[str, str]] = {}  # key of a chat / instruct name -> (key of its base, marker)
        generic = self.discover.generic_phrases
        for key, name, etype, also, variant in self.observe(papers) if observed is None else observed:
            if variant is not None:
                variant_of[key] = variant
            surfaces[key][name] += 1
            types[key][etype] += 1
            # (a generic phrase is no alias: learned, it would link "large language model" in every paper)
            aliases[key].update(a for a in also if a.lower() not in generic)
        def kind(key: str) -> str:
            return types[key].most_common(1)[0][0]

        def join(key: str, into: str) -> None:  # what was observed of ``key`` is ``into``'s
            surfaces[into].update(surfaces.pop(key))
            types[into].update(types.pop(key))
            aliases[into].update(aliases.pop(key, ()))

        # a size variant of a learned name is that name: FlexiBERT-Large is FlexiBERT, Bioformer8L is Bioformer
        for key in sorted(surfaces, key=lambda k: (-len(k), k)):
            target = next((k for surface in sorted(surfaces[key])
                           for k in (*self.linker._size_stripped(surface), *self.linker.unglued(normalize(surface)))
                           if k != key and k in surfaces and kind(k) == kind(key)), None)
            if target is not None:
                join(key, target)
        # a name and the other spelling a paper gives it ("COVID-Twitter-BERT (CT-BERT)") are one entity
        for key in sorted(surfaces):
            if key not in surfaces or key in variant_of:
                continue
            for other in sorted({self._key(a) for a in aliases.get(key, ())} - {key}):
                if other in surfaces and other not in variant_of and kind(other) == kind(key):
                    join(other, key)
        learned, names = {}, {}
        # a variant is named after its base: ModernBERT-Large-Instruct is ModernBERT-Instruct
        for key in sorted(surfaces, key=lambda k: (k in variant_of, k)):
            name = min(surfaces[key], key=lambda s: (-surfaces[key][s], s))
            etype = min(types[key], key=lambda t: (-types[key][t], _TYPE_ORDER[t]))
            if key in variant_of and etype == "Model":
                base_key, marker = variant_of[key]
                base_name = names.get(base_key)
                if base_name is not None:
                    name = f"{base_name}-{self.variants.get(marker, marker.title())}"
            names[key] = name
            alias_set = frozenset(set(surfaces[key]) | aliases[key]) - {name}
            learned[key] = Entity(name, etype, alias_set)
        self.learned = tuple(learned[key] for key in sorted(learned))
        self.linker = Linker((*self.gazetteer.entities, *self.learned), size_words=self.size_words,
                             count=self.cues["size"]["counts"], variants=self.variants)
        pairs = [(s, e) for e in self.learned for s in (e.name, *sorted(e.aliases))]
        # one scan finds curated and learned phrases; each layer is resolved on its own
        self.phrases = PhraseMatcher.layered([(self._phrase_pairs, self.gazetteer.exact_case),
                                              (pairs, frozenset(s for s, _ in pairs)), self._language_layer],
                                             self._suffixes, self.discover.cue_words, self.cues["size"]["counts"])

        self._tokens = {}
        _freeze_heap()
        return self.learned

    def _key(self, name: str) -> str:
        return normalize(name)

    # -- one paper -----------------------------------------------------------
    def _token(self, token: str) -> tuple[int, str, Entity | None, bool]:
        """What a name-shaped token is, cached: ``(offset, core, linked entity, type of a new name or "")``."""
        info = self._tokens.get(token)
        if info is not None:
            return info
        if _NUMBER.fullmatch(token) and not self.linker.may_link_number(len(token) - token.count(".")):
            # a number ("2023", "52.4"), the most common new token: no name, nothing it links to (the steps
            # below would find as much: no affix, no letter for a shape or a dataset's suffix)
            info = (0, token, None, False if token in self.discover.generic else "")
        else:
            offset, core = strip_affixes(token, self.modifiers, self._variant_words)
            linker = self.linker
            entity = linker.link(core, fuzzy=False)
            if entity is None:  # linker.link(core), without caching the fuzzy look-up of a spelling seen once
                key = normalize(core)
                entity = (linker.fuzzy(key) if key else None) or self._dataset_variant(core)
            if entity is not None and _ACRONYM_PLURAL.fullmatch(core) and core.upper() in (entity.name, *entity.aliases):
                entity = None  # "LMMs" is the plural of LMM (large multimodal model), not the model LMMS
            elif entity is not None and entity.name in self.gazetteer.exact_case and _lowered_name(core, entity):
                entity = None  # a name matched as written (flag cs) loses no capital: "Ultra-Small" is no ULTRA
            elif entity is not None and len(core) <= 3 and core not in (entity.name, *entity.aliases):
                entity = None  # a name of three characters is matched as written, as the phrases are: "FID" is no FiD
            info = (offset, core, entity, "" if entity is not None else
                    core not in self.discover.generic and self._shape_type(core))
        if len(self._tokens) >= 1 << 18:
            self._tokens.clear()
        self._tokens[token] = info
        return info

    def _token_infos(self, text: str) -> list[tuple[int, int, tuple[int, str, Entity | None, bool]]]:
        """``(start, end, what the token is)`` of every name-shaped token of ``text``."""
        cached, token_info = self._tokens.get, self._token
        return [(start, end, cached(token) or token_info(token)) for start, end, token in name_tokens(text)]

    def _discovered(self, paper: Paper, scan: Scan | None = None,
                    tokens: list[tuple[int, int, tuple]] | None = None) -> list[Found]:
        """Discovered names, and new model names among the name-shaped tokens (``KR-BERT``)."""
        scan = scan or self.phrases.scan(paper.text)
        found = self.discover(paper, scan)
        spans = taken = named = None  # the spans of the names found and of the phrases, made for the first new model name
        for start, end, (offset, core, entity, shaped) in self._token_infos(scan.text) if tokens is None else tokens:
            if shaped:
                if spans is None:
                    spans = _SpanIndex((f.start, f.end) for f in found)
                    taken = _SpanIndex((s, e) for s, e, _ in scan.layers[0])
                    named = {f.name: f.type for f in found}
                # a phrase within the token is a part of its name ("DPO" in "ZetaLM-DPO"); one across it wins
                if (not spans.overlapping(start, end)
                        and not any(not (start <= s and e <= end) for s, e in taken.overlapping(start, end))
                        and not (scan.text[end:end + 1] == "/" and scan.text[end + 1:end + 2].isdigit())):  # Falcon-7/40B
                    # a name the patterns found elsewhere in the paper keeps their type: "BiLLM, a ... quantization
                    # scheme" is a technique wherever it stands
                    found.append(Found(core, named.get(core, shaped), start + offset, start + offset + len(core), False,
                                       how="shape"))
            elif (entity is None and scan.text.startswith(" model", end) and core[:1].islower() and _LOWER_MODEL_ID.fullmatch(core)
                  and _MODEL_NOUN.match(scan.text, end) and self.linker.link(core, fuzzy=False) is None):
                # a lower-case model identifier before "model": "the OpenAI code-cushman-001 model"
                found.append(Found(core, "Model", start + offset, start + offset + len(core), False, how="shape"))
        shaped = {f.name for f in found if f.how == "shape"}
        if shaped and "(" in scan.text:  # a name-shaped short form the text spells out as a task or a class of
            # models names none, as discovery's are: "video question answering (VideoQA)", "bidirectional language
            # models (BiLM)"
            tasks = self.discover.task_short_forms(scan.text, shaped) | self.discover.class_short_forms(scan.text, shaped)
            if tasks:
                found = [f for f in found if f.how != "shape" or f.name not in tasks]
        return found

    def _listed_models(self, text: str, chosen: list[tuple], taken: bytearray) -> list[tuple]:
        """Name-shaped names listed with a model are models: "Switch Transformer, StableMoE and BASE Layers".

        From each model mention, the list is followed both ways over ", ", "and", "or"; an
        item that is no mention yet and has a name-shaped word (an inner capital or a digit)
        becomes a model mention. A mention of another type ends the list.
        """
        out: list[tuple] = []
        models = [c for c in chosen if c[3] == "Model"]
        models.sort(key=_START)
        if not models:
            return out
        by_start = None  # the mentions by start, made at the first separator
        seen: set[int] = set()
        for model in models:
            # forward
            pos = model[1]
            while True:
                # a separator is a comma, or spaces then "and" / "or" (the regex alone: quicker than tests before it)
                sep = _LIST_SEP_AT.match(text, pos)
                if not sep:
                    break
                at = sep.end()
                if by_start is None:
                    by_start = {c[0]: c for c in chosen}
                if at in by_start:
                    if by_start[at][3] != "Model":
                        break
                    pos = by_start[at][1]
                    continue
                item = _LIST_NAME.match(text, at)
                if not item or taken.find(1, at, item.end()) >= 0 or not self._model_item(item.group()):
                    break
                if at not in seen:
                    seen.add(at)
                    out.append((at, item.end(), item.group(), "Model", False, 0.7, 4))
                pos = item.end()
            # backward: "StableMoE and Switch Transformer" (a separator is a comma, "and" or "or", then spaces)
            start = model[0]
            sep = _LIST_SEP_BEFORE.search(text, max(0, start - 8), start) if start else None
            # the names before it are read only if the word before it is no mention (a list of mentions ends there)
            if sep and sep.start() and not taken[sep.start() - 1]:
                for start, name in reversed(_names_before(text, sep.start())):
                    if taken.find(1, start, start + len(name)) >= 0 or not self._model_item(name):
                        break
                    if start not in seen:
                        seen.add(start)
                        out.append((start, start + len(name), name, "Model", False, 0.7, 4))
        return out

    def _new_versions(self, text: str, phrases: list[tuple[int, int, Entity]]) -> list[tuple]:
        """A known model or dataset with a later version no entry names: "Llama Guard 3", "The Stack v2", and a
        dataset with a year: "OffensEval 2020".

        The version is a name of its own, of the known name's type (as "Orca 2" is not Orca). Not
        a first version ("SQuAD 1.1" is SQuAD), nor a count ("BERT 12 layers", "GPT-2 3 times").
        """
        out = []
        for start, end, entity in phrases:
            if entity.type not in ("Model", "Dataset") or text[end:end + 1] not in (" ", "-"):
                continue
            version = _NEW_VERSION.match(text, end) or (_EDITION.match(text, end) if entity.type == "Dataset" else None)
            if version is None or self._curated.link(text[start:version.end()], fuzzy=False) is not None:
                continue  # (a version an entry names is a phrase of its own)
            number = version.group().strip()
            # the version of the entity's own name: "Generative Pretrained Transformer 4" is GPT-4
            known = next(filter(None, (self._curated.link(f"{entity.name}{sep}{number}", fuzzy=False)
                                       for sep in (" ", "-", ""))), None)
            # ... or a name learned from the corpus: "StarCoder 2" in a title is the abstract's StarCoder2
            known = known or (self.linker.link(text[start:version.end()], fuzzy=False) if self.learned else None)
            name, etype = (known.name, known.type) if known else (text[start:version.end()], entity.type)
            out.append((start, version.end(), name, etype, False, 0.9, 0))
        return out

    def _signed_names(self, text: str, phrases: list[tuple[int, int, Entity]]) -> list[tuple]:
        """A known name with a sign glued after it that no entry names: "HumanEval+", "QuIP#", "LoRA+".

        The sign makes another name of the known name's type, as a later version does (:meth:`_new_versions`).
        """
        out = []
        for start, end, entity in phrases:
            if text[end:end + 1] not in ("+", "#") or entity.type == "Language":
                continue
            signs = _GLUED_SIGNS.match(text, end)
            if signs is None:
                continue
            surface = text[start:signs.end()]
            known = self.linker.link(surface, fuzzy=False)  # an entry ("SPLADE++"), or a name learned from the corpus
            name, etype = (known.name, known.type) if known else (surface, entity.type)
            out.append((start, signs.end(), name, etype, False, 0.9, 0))
        return out

    def _long_form_of_other(self, text: str, start: int, end: int, entity: Entity) -> bool:
        """A model's spelled-out name standing for another name: in "Chat Generative Pre-trained Transformer
        (ChatGPT)", "DialoGPT (dialogue generative pre-trained transformer)" and "a Chinese Financial Generative
        Pre-trained Transformer framework" the words spell out ChatGPT, DialoGPT and a new model, not GPT.

        Only for a long form of three words or more, never for the model's own name: one such form within a
        longer capitalised name (after a capitalised word that does not open the sentence), or next to a
        bracketed name that is not the model's.
        """
        if entity.type != "Model":
            return False
        surface = text[start:end]
        if surface.count(" ") < 2 or normalize(surface) == normalize(entity.name):
            return False
        after = _BRACKETED_AFTER.match(text, end)
        before = _BRACKETED_BEFORE.search(text, max(0, start - 120), start)
        for other in (after and after.group(1), before and before.group(1)):
            if other and is_name_shaped(other.split()[0]):
                # (a plural acronym is the model's own: "Generative Pre-trained Transformers (GPTs)")
                known = self.linker.link(other, fuzzy=False) or (
                    self.linker.link(other[:-1], fuzzy=False) if _ACRONYM_PLURAL.fullmatch(other) else None)
                if known is None or known.name != entity.name:
                    return True
        word = _WORD_BEFORE.search(text, max(0, start - 40), start)
        if not (surface[0].isupper() and word and word.group(1)[0].isupper()):
            return False
        at = word.start(1)
        return word.group(1).lower() not in _OPENING_WORDS and not _SENTENCE_OPENING.search(text, max(0, at - 8), at)

    def _model_item(self, name: str) -> bool:
        words = name.split()
        return (len(words) <= 3 and is_name_shaped(words[0]) and self.discover.acceptable(name)
                and not _ACRONYM_PLURAL.fullmatch(words[-1])
                and not any(w in self.discover.generic or w.lower() in self.discover.stop for w in words)
                and self.linker.link(name, fuzzy=False) is None and not name[:1].isdigit())

    def _coordinated(self, text: str, phrases: list[tuple[int, int, Entity]]) -> list[tuple]:
        """The first half of "data and model parallelism", "recurrent or convolutional neural networks".

        Before a phrase of two words or more, ``X and`` / ``X or`` names the phrase with
        its first word swapped for X when that is a known name of the same type.
        """
        out = []
        for start, end, entity in phrases:
            if entity.type not in ("Technique", "Dataset") or not text[max(0, start - 8):start].rstrip().endswith(("and", "or")):
                continue  # the pattern's cheap part first: "... and" / "... or" right before
            words = text[start:end].split()
            if len(words) < 2:
                continue
            m = _COORDINATED.search(text, max(0, start - 40), start)
            if not m:
                continue
            other = self.linker.link(" ".join((m.group(1), *words[1:])), fuzzy=False)
            if other is not None and other.type == entity.type and other != entity:
                out.append((m.start(1), m.end(1), other.name, other.type, False, 0.9, 0))
        return out

    def _language_models(self, text: str, phrases: list[tuple[int, int, Entity]],
                         languages: list[tuple[int, int, Entity]]) -> list[tuple]:
        """A language and a known model, alone before a comma, full stop or bracket, name a model of that
        language: "... than German BERT.", "Distilling Romanian BERTs" (not "Dutch BERT models", "Czech BERT-like").

        Read from the language names the scan found (few), each with the model phrase right after it.
        English is left out: "English RoBERTa" is RoBERTa.
        """
        out: list[tuple] = []
        if not languages:
            return out
        models = None
        for lang_start, lang_end, lang in languages:
            name = lang.name
            if text[lang_end:lang_end + 1] != " " or name == "English" or name not in self.languages.names:
                continue
            if models is None:
                models = {start: (end, entity) for start, end, entity in phrases if entity.type == "Model"}
            hit = models.get(lang_end + 1)
            if hit is None or _ARTICLE_END.search(text, max(0, lang_start - 5), lang_start) or _TITLE_HEAD.fullmatch(
                    text, 0, lang_start):
                continue  # "KR-BERT: A Korean BERT" and "RobeCzech: Czech RoBERTa" describe the name before them
            start, (end, entity) = lang_end + 1, hit
            stop = end + 1 if text.startswith("s", end) else end  # "Romanian BERTs"
            if (stop == len(text) or text[stop] in ".,;:()\n" or text.startswith(" (", stop)
                    or (stop > end and text[stop] == " ")):
                # "Bangla BERT-base": the language as written ("Bangla", not its node's label "Bengali")
                out.append((lang_start, stop, f"{text[lang_start:lang_end]} {entity.name}", "Model", False, 0.8, 2))
        return out

    def _dataset_variant(self, name: str) -> Entity | None:
        """A known dataset with a year, edition or language suffix is a dataset of its own.

        ``IWSLT17``, ``WMT'19``, ``SemEval-2017``, ``COPA-HR`` (a known name, then
        two or four digits, or a hyphen and a two- or three-letter code).
        """
        last = name[-1:]
        # the suffix ends in a digit or a capital: checked before the regex runs
        match = _DATASET_SUFFIX.fullmatch(name) if last.isdigit() or last.isupper() else None
        if not match or (match.group("code") and match.group("code").lower() not in _VERSION_CODES):
            return None
        base = self.linker.link(match.group("base"), fuzzy=False)
        return Entity(name, "Dataset") if base is not None and base.type == "Dataset" else None

    def _typed(self, found: Found) -> tuple[str, str]:
        """The canonical name and type of a discovered name."""
        # "Hippo" is no HiPPO: a name matched as written is one only as written
        entity = self._as_written(self.linker, found.name) or self._dataset_variant(found.name)
        if entity is None and found.aliases:  # "Quantized Low-Rank Adaptation (QLoRA)" is QLoRA
            entity = next(filter(None, (self.linker.link(alias, fuzzy=False) for alias in found.aliases)), None)
        if entity is None and (signs := name_signs(found.name)):  # "Contrastive Decoding+" is a technique as its base is
            base = self.linker.link(found.name.rstrip()[:-len(signs)], fuzzy=False)
            if base is not None and base.type != "Language":
                return found.name, base.type
        if entity is None and found.type == "Dataset" and (size := _MODEL_SIZE_TAIL.search(found.name)):
            base = self.linker.link(found.name[:size.start()], fuzzy=False)
            if base is None or base.type != "Dataset":  # (not "OpenWebText-9B", in tokens)
                return found.name, "Model"  # "Evaluated on MwpBench, MathScale-7B achieves ...": a size names a model
        return (entity.name, entity.type) if entity else (found.name, found.type)

    def _as_written(self, linker: Linker, name: str) -> Entity | None:
        """The entity ``linker`` links ``name`` to, not counting a name matched as written in another case ("Bridge"
        is no BRIDGE, "Hippo" no HiPPO)."""
        entity = linker.link(name, fuzzy=False)
        return None if entity is not None and self._other_case(name, entity) else entity

    def _other_case(self, surface: str, entity: Entity) -> bool:
        """Whether the one-word ``surface`` is one of the names of an entity the gazetteer matches as written (flag
        ``cs``), in another case: "Hippo" for HiPPO, "Eagle" for EAGLE (a spelling of its own is an alias: "Flan").

        >>> from kg.extract.gazetteer import parse_gazetteer
        >>> ex = Extractor(gazetteer=parse_gazetteer(["HiPPO\\tTechnique\\t\\t\\t\\tcs", "FLAN\\tDataset\\tFlan\\t\\t\\tcs"]))
        >>> [ex._other_case(name, ex.linker.link(name)) for name in ("Hippo", "HiPPO", "Flan")]
        [True, False, False]
        """
        if entity.name not in self.gazetteer.exact_case or " " in surface:
            return False
        names = (entity.name, *entity.aliases)
        return surface not in names and surface.casefold() in {n.casefold() for n in names}

    def _shape_type(self, core: str) -> str:
        """The type a new name-shaped token's own shape gives, or ``""``: built on a known model name
        (``KR-BERT``), with a size (``Zorro-7B``), written as a model's (``ZetaLM``, ``ZetaLM-LS``,
        ``MPCFormer``), a version of a known model (``Kora-3`` once Kora is known) or a dataset's (``NimbusQA``,
        ``ZetaBench``)."""
        if not self.discover.acceptable(core) or core[:4].lower() == "non-":
            return ""  # (and not what a model is not: "non-BERT models")
        if core[-1] == "s" and not core[-2:-1].islower() and self.linker.link(core[:-1], fuzzy=False) is not None:
            return ""  # the plural of a known name is a class of models, no new one: "multilingual XLMs"
        if core.endswith("Bench") and _DATASET_WORD.fullmatch(core):
            return "Dataset"  # a benchmark named after a model is no model: "VideoChatGPT-Bench", "LLaVA-Bench"
        if self._stem_index.within_other(core):
            return "Model"
        parts = _HYPHEN_OR_UNDERSCORE.split(core)
        if len(parts) > 1 and parts[0][:1].isupper() and any(self._size_count.fullmatch(p.lower()) and p[-1] not in "kK"
                                                              for p in parts[1:]):
            return "Model"  # "Zorro-7B", "Kora-7B-v2" (a count in thousands is mostly of examples: "KoraInstruct-50K")
        if _MODEL_WORD.fullmatch(parts[0]) and parts[0] not in self.discover.generic:
            return "Model"
        if len(parts) > 1 and (_VERSION_PART.fullmatch(parts[-1]) or parts[-1].lower() in self._variant_words):
            # a version or a variant of a known model: "Vicuna-3", "Jais-Coder"
            base = self.linker.link(core[:-len(parts[-1]) - 1], fuzzy=False)
            if base is not None and base.type == "Model":
                return "Model"
        if _DATASET_WORD.fullmatch(core):
            return "Dataset"
        last = len(core) - 1
        for end, length in self._dataset_stems.iter(core) if len(self._dataset_stems) else ():  # "KoraGLUE", "Zeta-SQuAD": a known dataset's name ends it
            prefix = core[:-length].rstrip("-")
            if end == last and prefix and prefix[:1].isalpha() and any(c.islower() for c in prefix):
                return "Dataset"
        return ""

    def _candidates(self, paper: Paper, text: str | None = None, scan: Scan | None = None,
                    tokens: list[tuple] | None = None,
                    found: list[Found] | None = None) -> tuple[list[tuple], list[tuple[int, int, str]]]:
        """Candidate mentions ``(start, end, name, type, introduced, confidence, priority)``, and language names.

        ``scan``, ``tokens`` and ``found``: the paper's phrase scan, name-shaped tokens and discovered names when
        already made (:meth:`mentions_many` makes each for a chunk of papers in turn).
        """
        text = paper.text if text is None else text
        scan = self.phrases.scan(text) if scan is None else scan
        phrases, *learned, languages = scan.layers
        phrases = [p for p in phrases if not self._long_form_of_other(text, *p) and not _word_of_cased_name(text, *p)]
        tokens = self._token_infos(text) if tokens is None else tokens
        out = [(s, e, ent.name, ent.type, False, 1.0, 0) for s, e, ent in phrases]
        out += self._new_versions(text, phrases)
        out += self._signed_names(text, phrases)
        out += self._coordinated(text, phrases)
        out += _technique_compounds(text, phrases)
        out += self._language_models(text, phrases, scan.layers[-1])
        for layer in learned:
            out += [(s, e, ent.name, ent.type, False, 0.8, 1) for s, e, ent in layer]
        names_here: dict[str, tuple[str, str]] = {}
        own_names = []  # the paper's own names, whose predecessors are read below
        for found in self._discovered(paper, scan, tokens) if found is None else found:
            name, etype = self._typed(found)
            # a curated name is the paper's own only as its title's head or after "we present / introduce /
            # propose", "termed", ...: a model or dataset, or a technique with a proper name ("we introduce
            # StreamingLLM", "a method termed Wanda") or as a bare phrase right after the verb ("we propose batch
            # prompting, a ...") or with a new short form ("we propose generalized preference optimization (GPO)");
            # not after "we train" nor in "a novel distillation method" nor "we develop a Monte Carlo Tree Search
            # (MCTS) protocol"
            own = found.introduced and (found.how == "title"
                                        or (known := self._as_written(self._curated, found.name)) is None
                                        or found.how in ("bare", "presented")
                                        or (found.how in ("intro", "naming", "described", "result")
                                            and (known.type != "Technique"
                                                 or (not known.name.islower() and " " not in found.name)
                                                 or _named_with_acronym(text, found))))
            if found.start >= 0:
                out.append((found.start, found.end, name, etype, own, 0.8, 2))
            for surface in (found.name, *found.aliases):
                names_here.setdefault(surface, (name, etype))
            if found.introduced and (" " in found.name or "-" in found.name):
                own_names.append(found.name)
        # a new versioned or variant name's predecessor is an entity of its own, of its type: "Kestrel" beside
        # "Kestrel 2.0" or "Kestrel-Med"
        for surface in own_names:
            m = _VERSIONED_NAME.fullmatch(surface) or _VARIANT_NAME.fullmatch(surface)
            if m and m.re is _VARIANT_NAME and m.group("marker").lower() not in self._variant_words:
                continue
            if (m and m.group("base") not in names_here and self.discover.acceptable(m.group("base"))
                    and self.linker.link(m.group("base"), fuzzy=False) is None):
                base, etype = m.group("base"), names_here[surface][1]
                names_here[base] = (base, etype)
                # ... and so is each other version of it: "Nimbus 1.0" beside "Nimbus 1.5"
                for version in re.finditer(re.escape(base) + r" v?\d{1,2}(?:\.\d{1,2})*(?![\w.-])", text):
                    names_here.setdefault(version.group(), (version.group(), etype))
        # every other occurrence of a name discovered in this paper
        for surface, (name, etype) in names_here.items():
            for start in _occurrences(text, surface):
                out.append((start, start + len(surface), name, etype, False, 0.8, 2))
        # name-shaped tokens that link: BERT_LARGE, bert-large-uncased, BERTBASE; not one on a phrase's
        # span ("BERT" found by the scan too): the phrase's candidate comes first and wins the span
        phrase_spans = {(s, e) for s, e, _ in phrases}
        out += [(at, at + len(core), entity.name, entity.type, False, 0.9, 3)
                for start, _, (offset, core, entity, _) in tokens
                if entity is not None and ((at := start + offset), at + len(core)) not in phrase_spans
                and not _word_of_cased_name(text, at, at + len(core), entity)]
        if "/" in text:
            out += self._slashed_versions(text, out)
        if "ask" in text:
            out += self._numbered_tasks(text, out)
        if "(" in text:  # a dataset's short form the paper spells out as a task names the task: "visual question
            # answering (VQA)", not the VQA dataset, anywhere in the paper
            short = {text[c[0]:c[1]] for c in out if c[3] == "Dataset" and text[c[0]:c[1]].isupper()}
            tasks = self.discover.task_short_forms(text, short, curated=True)
            if tasks:
                out = [c for c in out if c[3] != "Dataset" or text[c[0]:c[1]] not in tasks]
        return out, [(s, e, ent.name) for s, e, ent in languages]

    def _slashed_versions(self, text: str, candidates: list[tuple]) -> list[tuple]:
        """A second version after a slash is a model of its own: "GPT-3.5/4" names GPT-4 too, "Llama-1/2" Llama 2,
        "GPT-4/3.5-based" GPT-3.5; not a second size ("Falcon-7/40B", "Qwen2.5-7B/72B": the same model)."""
        out = []
        for start, end, name, etype, *_ in candidates:
            if etype != "Model" or text[end:end + 1] != "/" or (slashed := _SLASHED_VERSION.match(text, end)) is None:
                continue
            own = _FIRST_VERSION.match(text, start, end)
            if own is None:
                continue
            other = self.linker.link(own.group("prefix") + slashed.group("version"), fuzzy=False)
            if other is not None and other.type == "Model" and other.name != name:
                out.append((slashed.start("version"), slashed.end(), other.name, "Model", False, 0.9, 0))
        return out

    def _numbered_tasks(self, text: str, candidates: list[tuple]) -> list[tuple]:
        """A dataset named with a task's number is that task's dataset: "SemEval-2019 Task 6", "SemEval 2020 Shared
        Task 12" (a known one keeps its name: "SemEval-2018 Task 1" is Affect in Tweets's)."""
        out = []
        for start, end, name, etype, *_ in candidates:
            if etype == "Dataset" and (m := _TASK_NUMBER.match(text, end)):
                full = f"{name} Task {m.group(1)}"
                known = self.linker.link(full, fuzzy=False)
                out.append((start, m.end(), known.name if known and known.type == "Dataset" else full, "Dataset",
                            False, 0.8, 2))
        return out

    def prepare(self) -> None:
        """Build now what extraction otherwise builds on first need, the relation cue table (~0.8 s of CPU), so
        worker processes forked from this one share it instead of each building its own (:mod:`kg.parallel`)."""
        _default_extractor()

    def mentions(self, paper: Paper) -> list[Mention]:
        """The paper's linked mentions, in text order (no relations)."""
        return self._merged(paper, *self._candidates(paper, paper.text))

    def mentions_many(self, papers: Iterable[Paper]) -> list[list[Mention]]:
        """``[self.mentions(p) for p in papers]``, made one stage at a time over all ``papers``.

        Each stage (the phrase scans, the name-shaped tokens, discovery, the
        merging) runs over :data:`STAGE_BATCH` papers before the next, so the
        tables it reads (a 100k-name gazetteer's automaton, the link keys)
        stay in the CPU caches; the mentions are the same.

        >>> from kg.model import Paper
        >>> ex = Extractor()
        >>> papers = [Paper("t:a", "A", "We tune BERT on GLUE."), Paper("t:b", "B", "KR-BERT is new.")]
        >>> ex.mentions_many(papers) == [ex.mentions(p) for p in papers]
        True
        """
        out: list[list[Mention]] = []
        for batch in _batches(papers, STAGE_BATCH):
            scans = [self.phrases.scan(paper.text) for paper in batch]
            tokens = [self._token_infos(paper.text) for paper in batch]
            found = [self._discovered(*args) for args in zip(batch, scans, tokens)]
            out += [self._merged(paper, *self._candidates(paper, paper.text, *args))
                    for paper, *args in zip(batch, scans, tokens, found)]
        return out

    def _merged(self, paper: Paper, candidates: list[tuple], languages: list[tuple]) -> list[Mention]:
        """The mentions the paper's candidates and language names make: longest spans first, in text order."""
        text = paper.text
        chosen = []
        taken = bytearray(len(text) + 1)  # 1 where a chosen span lies
        if "://" in text or "www." in text:  # no entity inside an address: "github.com/WGLab/bioformer"
            urls = [m.span() for m in _URL.finditer(text)]
            candidates = [c for c in candidates if not overlaps(urls, c[0], c[1])]
            languages = [lang for lang in languages if not overlaps(urls, lang[0], lang[1])]
        # a name the paper presents as its own is introduced wherever it is
        # mentioned, whichever finder's candidate wins the span
        introduced = {(c[2], c[3]) for c in candidates if c[4]}
        # ... and so is a new name the paper calls "our": "our TurboSparse-Mixtral-47B achieves" (not a curated
        # one: "our BERT baseline", "our fine-tuned Llama 2")
        if "our " in text or "Our " in text:
            introduced |= {(c[2], c[3]) for c in candidates
                           if (c[2], c[3]) not in introduced and c[3] != "Language"
                           and _OURS_BEFORE.search(text, max(0, c[0] - 60), c[0])
                           and self._curated.link(c[2], fuzzy=False) is None}
        if paper.key.startswith("arxiv:") and (own := self._introduced_by.get(paper.key[6:])):
            # the gazetteer names this paper as the one that introduced a name it mentions: "BERT" in 1810.04805
            introduced |= {(c[2], c[3]) for c in candidates if (c[2], c[3]) in own}
        own_models = {normalize(name) for name, etype in introduced if etype == "Model"}
        if own_models:  # ... and so is its chat / instruct variant: "Qwen" beside "Qwen-Chat"
            for name in {c[2] for c in candidates if c[3] == "Model"}:  # each name once: a paper repeats them
                variant = self.linker.variant_split(name)
                if variant and variant[0] in own_models:
                    introduced.add((name, "Model"))
        # longest first, then by priority, start and name (the candidate's place in the list breaks ties: a stable sort)
        empty = False  # whether an empty span is chosen
        for cand in sorted(candidates, key=_merge_order):
            start, end = cand[0], cand[1]
            if start < end:
                if taken.find(1, start, end) < 0:
                    chosen.append(cand)
                    taken[start:end] = b"\x01" * (end - start)
            # an empty span (none is made so far) is checked against the chosen spans themselves
            elif not overlaps([c[:2] for c in chosen], start, end):
                chosen.append(cand)
                empty = True
        # "Transformer-based models" names no technique; "contrastive-learning-based models" does (a compound name)
        chosen = [c for c in chosen if c[3] != "Technique" or not self._generic_technique(text, c[0], c[1])]
        for cand in self._listed_models(text, chosen, taken):
            chosen.append(cand)
            taken[cand[0]:cand[1]] = b"\x01" * (cand[1] - cand[0])
        # the chosen spans do not overlap: but for empty ones, text order is the order of their starts
        chosen.sort(key=_text_order if empty else _START)
        spelled = _one_spelling(chosen)  # "SemEval 2021" beside "SemEval-2021": one name, as the linker folds them
        if spelled:
            chosen = [(s, e, spelled.get((etype, name), name), etype, *rest) for s, e, name, etype, *rest in chosen]
            introduced |= {(spelled.get((etype, name), name), etype) for name, etype in introduced}
        mentions = [_mention(text[s:e], name, etype, s, e, (name, etype) in introduced, conf)
                    for s, e, name, etype, _, conf, _ in chosen]
        if self._components:
            mentions = [self._as_component(text, m) if m.name in self._components else m for m in mentions]
        if self._baselines:
            mentions = [self._as_baseline(text, m) if m.name in self._baselines else m for m in mentions]
        if languages or "ialect" in text:  # (a dialect may name a variety alone: "the Tunisian dialect")
            model_starts = frozenset(m.start for m in mentions if m.type == "Model")
            dataset_starts = frozenset(m.start for m in mentions if m.type == "Dataset"
                                       and m.name not in self.languages.english_source_next)
            placed = [lang for lang in self.languages.find(text, len(paper.title), model_starts, languages,
                                                           dataset_starts)
                      if taken.find(1, lang.start, lang.end) < 0]
            if placed:
                mentions += placed
                mentions.sort(key=lambda m: (m.start, -m.end, m.name))
        return mentions

    def __call__(self, paper: Paper) -> Extraction:
        mentions = self.mentions(paper)
        relations = extract_relations(paper, mentions, linker=self._curated)
        if self.rescorer is not None:
            relations = self.rescorer(paper, mentions, relations)
        return Extraction(paper, tuple(mentions), tuple(relations))

    def extract_many(self, papers: Iterable[Paper]) -> list[Extraction]:
        """``[self(p) for p in papers]``, made one stage at a time: :meth:`mentions_many`, then the relations of all.

        The relation patterns' tables and the mention finders' (a 100k-name
        gazetteer) no longer evict each other from the CPU caches paper after
        paper: ~5% less CPU a paper over chunks of 500 (``benchmarks/extract.py``).

        >>> from kg.model import Paper
        >>> ex = Extractor()
        >>> papers = [Paper("t:a", "A", "We fine-tune BERT on GLUE."), Paper("t:b", "B", "")]
        >>> ex.extract_many(papers) == [ex(p) for p in papers]
        True
        """
        papers = list(papers)
        mentions = self.mentions_many(papers)
        relations = [extract_relations(paper, found, linker=self._curated) for paper, found in zip(papers, mentions)]
        if self.rescorer is not None:
            relations = [self.rescorer(*args) for args in zip(papers, mentions, relations)]
        return [Extraction(paper, tuple(found), tuple(rels)) for paper, found, rels in zip(papers, mentions, relations)]

    def _as_component(self, text: str, mention: Mention) -> Mention:
        """An architecture named as a part of another model's design is a Technique there: "a hybrid
        Mamba-Transformer model", "Google's novel Griffin architecture" (see ``[component]`` in cues.toml).

        >>> ex = Extractor()
        >>> text = "We present Zorb, which combines Mamba with sliding window attention. Zorb beats Mamba."
        >>> [(m.name, m.type) for m in ex(Paper("t:x", "Zorb", text)).mentions if m.name == "Mamba"]
        [('Mamba', 'Technique'), ('Mamba', 'Model')]
        """
        return self._retyped(text, mention, "Model", "Technique", self._component_before, self._component_after, 50)

    def _as_baseline(self, text: str, mention: Mention) -> Mention:
        """An architecture named as the model results are set against is a Model there: "outperforms strong
        Transformer baselines", "faster than Transformers", "on-par with state-of-the-art Transformers" (see
        ``baselines`` in ``[component]`` of cues.toml).

        >>> ex = Extractor()
        >>> text = "Zorb replaces attention in the Transformer with convolutions and is 3x faster than Transformers."
        >>> [(m.name, m.type) for m in ex(Paper("t:x", "Zorb", text)).mentions if m.name == "Transformer"]
        [('Transformer', 'Technique'), ('Transformer', 'Model')]
        >>> text = "Zorb is competitive with several well-tuned Transformer-based baselines."
        >>> [(m.name, m.type) for m in ex(Paper("t:x", "Zorb", text)).mentions if m.name == "Transformer"]
        [('Transformer', 'Model')]
        """
        if self._baseline_not_after.match(text, mention.end):
            return mention
        return self._retyped(text, mention, "Technique", "Model", self._baseline_before, self._baseline_after, 60)

    @staticmethod
    def _retyped(text: str, mention: Mention, old: str, new: str, before: re.Pattern, after: re.Pattern,
                 window: int) -> Mention:
        """The mention of another's name typed ``old`` retyped ``new`` where ``after`` matches right after it or
        ``before`` ends right before it (within ``window`` characters)."""
        if mention.introduced or mention.type != old:
            return mention
        if after.match(text, mention.end) or before.search(text, max(0, mention.start - window), mention.start):
            return replace(mention, type=new)
        return mention

    def _generic_technique(self, text: str, start: int, end: int) -> bool:
        """Whether the technique name at ``text[start:end]`` is no mention where it stands.

        A one-word technique used as a modifier: before "like" and "models" every one
        ("LSTM-like", "RNN models") but the Transformer and MoE, which annotators mark there too ("Transformer
        models", "MoE models"); before "based" and "style" none: "a LoRA-based method", "an RLHF-style pipeline",
        "LSTM-based encoders" and "Transformer-based models" apply theirs. A name of two words or
        more stays ("contrastive-learning-based models"). A learning paradigm before "tasks" or
        "benchmark(s)" names the tasks: "in-context learning tasks", "few-shot learning benchmarks".
        A participle before a plural of models names a class of models, as "pre-trained language
        models" does: "instruction-tuned LLMs", "quantized models"; but what models are augmented with
        is in them: "retrieval-augmented LMs" use retrieval augmentation. "-friendly" makes a property:
        "a pruning-friendly design". Software named after a technique is none: "the transformers
        library", "Hugging Face Transformers".

        >>> ex = Extractor.__new__(Extractor)
        >>> ex._generic_prefixes = ("-based", " based", "-like", " like", "-models", " models")
        >>> [ex._generic_technique(t, 0, n) for t, n in (("Transformer-based models", 11), ("LoRA-based tuning", 4),
        ...                                              ("Transformer models", 11), ("Transformer-like", 11),
        ...                                              ("few-shot learning tasks", 17), ("few-shot learning from", 17),
        ...                                              ("instruction-tuned LLMs", 17), ("instruction-tuned Vicuna", 17),
        ...                                              ("pruning-friendly design", 7), ("MoE models", 3),
        ...                                              ("transformers library", 12), ("retrieval-augmented LMs", 19))]
        [False, False, False, True, True, False, True, False, True, False, True, False]
        """
        if _SOFTWARE_MAKER.search(text, max(0, start - 16), start):
            return True
        follower = text[end:end + 12].lower()
        if not follower.startswith(_ANY_FOLLOWER) and not follower.startswith(self._generic_prefixes):
            return False  # the common case: none of the followers below
        if follower.startswith(_SOFTWARE_FOLLOWERS):
            return not _HYPHEN_OR_SPACE.search(text, start, end)
        if follower.startswith(_TASK_FOLLOWERS) and text[start:end].lower().endswith("learning"):
            return True
        if follower.startswith(_ATTRIBUTE_FOLLOWERS):
            return True
        if follower.startswith(_MODEL_CLASS_NOUNS) and text.endswith("ed", start, end):
            return not text.endswith("augmented", start, end)
        if not follower.startswith(self._generic_prefixes) or _HYPHEN_OR_SPACE.search(text, start, end):
            return False
        if text[max(0, end - 12):end].lower().endswith(_BACKBONES):
            return follower.startswith(("-like", " like"))
        return not follower.startswith(_APPLIED_FOLLOWERS, 1)


def _batches(papers: Iterable[Paper], size: int) -> Iterator[list[Paper]]:
    """``papers`` in lists of ``size`` (the last one shorter).

    >>> [len(b) for b in _batches(range(5), 2)]
    [2, 2, 1]
    """
    batch: list = []
    for paper in papers:
        batch.append(paper)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _technique_compounds(text: str, phrases: list[tuple[int, int, Entity]]) -> list[tuple]:
    """Named techniques built on known ones, which are not the known ones.

    - Two known technique names joined by a hyphen, one written as a name, are one named
      technique: "BPE-Dropout" is no byte-pair encoding and dropout (neither is
      "knowledge-distillation" two).
    - A known technique written as a name (a capital in it, no space) with a short capital
      tag glued on by a hyphen is a variant of its own: "S-LoRA", "LoRA-FA", "GPTQ-R" are not
      LoRA nor GPTQ. Lower-case words ("LoRA-based", "LoRA-tuned") and numbers
      ("FlashAttention-2", a version) are no tag.

    >>> t, d = Entity("byte-pair encoding", "Technique"), Entity("dropout", "Technique")
    >>> _technique_compounds("with BPE-Dropout and BPE-dropout rates", [(5, 8, t), (9, 16, d), (21, 24, t), (25, 32, d)])
    [(5, 16, 'BPE-Dropout', 'Technique', False, 0.8, 2)]
    >>> lora = Entity("LoRA", "Technique")
    >>> [c[2] for c in _technique_compounds("S-LoRA, LoRA-FA, LoRA-based and LoRA-2", [(2, 6, lora), (8, 12, lora),
    ...                                                                             (17, 21, lora), (32, 36, lora)])]
    ['S-LoRA', 'LoRA-FA']
    """
    out = []
    for (s1, e1, a), (s2, e2, b) in zip(phrases, phrases[1:]):
        if (e1 + 1 == s2 and text[e1] == "-" and a.type == b.type == "Technique" and a != b
                and text[s2:s2 + 1].isupper() and not (text[e2:e2 + 1].isalnum() or text[e2:e2 + 1] == "-")
                and not (s1 and (text[s1 - 1].isalnum() or text[s1 - 1] == "-"))):
            out.append((s1, e2, text[s1:e2], "Technique", False, 0.8, 2))
    for start, end, entity in phrases:
        # the cheap test first: a hyphen right before or after the name
        if entity.type != "Technique" or not (text[start - 1:start] == "-" or text[end:end + 1] == "-"):
            continue
        surface = text[start:end]
        if " " in surface or surface.islower():
            continue
        tag = _TAG_BEFORE.search(text, max(0, start - 5), start) if start and text[start - 1] == "-" else None
        if tag is not None:
            span = (tag.start(), end)
        elif (tag := _TAG_AFTER.match(text, end)) is not None:
            span = (start, tag.end())
        else:
            continue
        if not any(c[:2] == span for c in out):  # "BPE-Dropout" is found once
            out.append((*span, text[span[0]:span[1]], "Technique", False, 0.8, 2))
    return out


def _named_with_acronym(text: str, found) -> bool:
    """Is a known technique's name of several words presented with its acronym, as a paper names its own:
    "we propose Activation-aware Weight Quantization (AWQ)", "a new technique called Pairwise Ranking Prompting
    (PRP)"; not "a Mixture-of-Experts (MoE) model" nor "a selective State Space Model (SSM)", which describe.
    Or, every word capitalised, with a description set after it: "We propose Faithful CoT, a reasoning framework".

    >>> from kg.extract.discovery import Found
    >>> text = ("We propose Group Relative Policy Optimization (GRPO). It is a Mixture-of-Experts (MoE) model. "
    ...         "We propose Faithful CoT, a framework. We use Knowledge distillation, a method.")
    >>> [_named_with_acronym(text, Found(n, "Technique", text.index(n), text.index(n) + len(n), True))
    ...  for n in ("Group Relative Policy Optimization", "Mixture-of-Experts", "Faithful CoT", "Knowledge distillation")]
    [True, False, True, False]
    """
    name = found.name
    return (found.start >= 0 and name[:1].isupper() and (" " in name or "-" in name)
            and (_ACRONYM_AFTER.match(text, found.end) is not None
                 or (all(w[:1].isupper() for w in name.split()) and _APPOSITION_AFTER.match(text, found.end)))
            and _INDEFINITE_BEFORE.search(text, max(0, found.start - 40), found.start) is None)


def _occurrences(text: str, surface: str) -> list[int]:
    """Starts of ``surface`` in ``text`` standing alone: no letter, digit, ``_`` or ``-`` either side.

    >>> _occurrences("KR-BERT, BERT and BERT-base", "BERT")
    [9]
    """
    out, n, start = [], len(surface), text.find(surface) if surface else -1
    while start >= 0:
        before = text[start - 1] if start else " "
        after = text[start + n] if start + n < len(text) else " "
        if not (before.isalnum() or before in "_-" or after.isalnum() or after in "_-"):
            out.append(start)
            start = text.find(surface, start + n)
        else:
            start = text.find(surface, start + 1)
    return out


def _names_not_descriptions(gazetteer: Gazetteer) -> list[tuple[str, Entity]]:
    """The gazetteer's surfaces less a model's long forms that describe it by another model, after an article:
    in "ALBERT: A Lite BERT for ..." the text names BERT, the model ALBERT is based on.

    >>> g = Gazetteer((Entity("BERT", "Model"), Entity("ALBERT", "Model", frozenset({"A Lite BERT"}))))
    >>> [s for s, _ in _names_not_descriptions(g)]
    ['BERT', 'ALBERT']
    """
    models = {e.name for e in gazetteer.entities if e.type == "Model"}
    out = []
    for surface, entity in gazetteer.surfaces():
        words = surface.split()
        if (entity.type == "Model" and len(words) > 2 and words[0].lower() in ("a", "an", "the")
                and any(w in models and w != entity.name for w in words[1:])):
            continue
        out.append((surface, entity))
    return out


#: a version after a model's name and a slash: "GPT-3.5/4", "LLaMA-V1/V2", "GPT-4/3.5-based" (not a size: "7/40B")
_SLASHED_VERSION = re.compile(r"/(?P<version>[Vv]?\d{1,2}(?:\.\d{1,2})?)(?![\w.]*\d*[BMKT]\b)(?=[\s,;:.)]|-based\b|$)")
#: ... and the model's name up to its own version: "GPT-" in "GPT-3.5-turbo"
_FIRST_VERSION = re.compile(r"(?P<prefix>[^\d/]*?[-\s]?)[Vv]?\d{1,2}(?:\.\d{1,2})?(?![\d])")
#: a model's size in billions of parameters or a size word ending a name: "Lucie-7B", "Cabuxa 7B", "E5-RoPE-Base"
#: (millions are a dataset's examples as often: "USPTO-3M"; trillions its tokens: "RedPajama-1T")
_MODEL_SIZE_TAIL = re.compile(r"[-_ ](?:\d{1,3}(?:\.\d+)?B|Base|Large)$")


def _word_of_cased_name(text: str, start: int, end: int, entity: Entity) -> bool:
    """Whether ``text[start:end]`` is a lower-case word that the entity's names spell only with capitals inside:
    "minima" is no MiniMA, "mimics" no MIMICS, "paraphraser" no ParaPhraser (a lower-case spelling of its own in
    the gazetteer names it: "nocaps" for NoCaps). A LaTeX macro's name stands for the name ("\\squad" for SQuAD).

    >>> [_word_of_cased_name(t, 0, len(t.split()[0]), Entity("MiniMA", "Model")) for t in ("minima of", "MiniMA is")]
    [True, False]
    """
    surface = text[start:end]
    if not (surface.isalpha() and surface.islower()) or text[start - 1:start] == "\\":
        return False
    same = [n for n in (entity.name, *entity.aliases) if n.lower() == surface]
    return bool(same) and all(n[1:] != n[1:].lower() for n in same)


def _with_plurals(pairs, exact_case) -> list:
    """``pairs`` and, after each case-insensitive one ending in a word of four letters or more, its plural.

    >>> [s for s, _ in _with_plurals([("KV cache", 1), ("LoRA", 2), ("adapters", 3), ("GLUE", 4)], set())]
    ['KV cache', 'KV caches', 'LoRA', 'adapters', 'GLUE']
    """
    from kg.extract.mentions import _case_sensitive

    out = []
    for surface, entity in pairs:
        out.append((surface, entity))
        last = surface.rsplit(" ", 1)[-1]
        if (len(last) >= 4 and last.isalpha() and (last.islower() or " " in surface) and not last.endswith("s")
                and not _case_sensitive(surface, exact_case)):
            out.append((surface + "s", entity))
    return out


def _mention(surface: str, name: str, etype: str, start: int, end: int, introduced: bool, confidence: float, *,
             _new=object.__new__, _surface=Mention.surface.__set__, _name=Mention.name.__set__,
             _type=Mention.type.__set__, _start=Mention.start.__set__, _end=Mention.end.__set__,
             _introduced=Mention.introduced.__set__, _confidence=Mention.confidence.__set__) -> Mention:
    """``Mention(surface, name, etype, start, end, introduced, confidence)``, in half the time.

    A frozen dataclass's ``__init__`` sets each field through
    ``object.__setattr__`` (~1 us for a mention's seven); the slot descriptors
    set them directly. The result is the same value (a test checks it against
    the constructor and the field list).

    >>> _mention("bert", "BERT", "Model", 3, 7, False, 0.9) == Mention("bert", "BERT", "Model", 3, 7, False, 0.9)
    True
    """
    mention = _new(Mention)
    _surface(mention, surface)
    _name(mention, name)
    _type(mention, etype)
    _start(mention, start)
    _end(mention, end)
    _introduced(mention, introduced)
    _confidence(mention, confidence)
    return mention


class _TypeIn:
    """``known_type(name)``: the type ``linker`` links ``name`` to, or None (what "a replacement for AdamW" describes).

    A class, not a closure, so that an extractor pickles: worker processes started by "spawn" (where there is no
    fork: Windows) receive it pickled.

    >>> _TypeIn(Linker([Entity("AdamW", "Technique")]))("AdamW")
    'Technique'
    """

    def __init__(self, linker: Linker):
        self.linker = linker

    def __call__(self, name: str) -> str | None:
        entity = self.linker.link(name, fuzzy=False)
        return entity.type if entity else None


def _freeze_heap() -> None:
    """Leave the extractor's long-lived tables (a 100k-name gazetteer is ~1M objects) out of garbage collection.

    Every full collection would otherwise walk them all: without this, the
    collections set off by the mentions of a few thousand abstracts cost
    ~100 us an abstract. Objects freed later are still freed by reference
    counting; only cycles among them would wait for :func:`gc.unfreeze`.
    """
    gc.collect()
    gc.freeze()
