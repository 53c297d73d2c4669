"""Linking: normalise a surface form, block candidates, score them with rapidfuzz.

A surface links to a canonical :class:`~kg.model.Entity` in three steps, each
tried only when the one before finds nothing:

1. exact: the normalised key (accents, case, spaces, hyphens and underscores
   removed) is a known name or alias: ``bert-large`` and ``BERT_LARGE`` differ
   from ``BERT`` only by the size marker, ``Tiny-BERT`` is ``TinyBERT``;
2. size-stripped: trailing size, casing and parameter-count markers are
   removed (``bert-large-uncased`` -> ``bert``, ``LLaMA-2-7B`` -> ``llama2``);
   a chat or instruction-tuned variant is a model of its own, fine-tuned from
   its base: ``Llama-2-7b-chat`` is ``LLaMA-2-Chat`` (size markers dropped
   from the middle), ``Mistral-7B-Instruct`` is ``Mistral-Instruct``, never
   the base; unknown variants of a known base are named ``<base>-<Marker>``;
3. fuzzy: ``rapidfuzz`` scores the key against the names of its block (same
   first three characters, length within two) and accepts one above the
   threshold whose digits are the same. Short keys never go fuzzy, so
   ``mBERT``/``BERT``, ``T5``/``mT5`` and ``GPT-2``/``GPT-3`` stay apart.

>>> from kg.model import Entity
>>> linker = Linker([Entity("BERT", "Model"), Entity("mBERT", "Model", frozenset({"multilingual BERT"})),
...                  Entity("LLaMA-2", "Model", frozenset({"Llama 2"})), Entity("quantization", "Technique")])
>>> [linker.link(s).name for s in ["BERT_LARGE", "bert-large-uncased", "BERTBASE", "Llama-2-7b"]]
['BERT', 'BERT', 'BERT', 'LLaMA-2']
>>> linker.link("Llama-2-7b-chat").name, linker.link("BERT-base-chat").name
('LLaMA-2-Chat', 'BERT-Chat')
>>> linker.link("mBERT-base").name, linker.link("quantizaton").name, linker.link("GPT-3")
('mBERT', 'quantization', None)
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache

from rapidfuzz import fuzz, process

from kg.model import Entity

__all__ = ["DEFAULT_SIZE_WORDS", "DEFAULT_VARIANTS", "Linker", "fold", "name_signs", "normalize", "size_stripped"]

#: Markers that do not change which model a name denotes (see schema/cues.toml).
DEFAULT_SIZE_WORDS = ("base", "large", "small", "medium", "xl", "xxl", "xlarge", "xxlarge", "huge", "uncased", "cased",
                      "hf")
#: Markers of a distinct chat / instruction-tuned model, and the label its node gets (see schema/cues.toml).
DEFAULT_VARIANTS = {"chat": "Chat", "instruct": "Instruct", "it": "IT"}
#: Markers this long may be glued to the name: "Llama2Chat" (short ones would split words: "Orbit").
_MIN_GLUED_VARIANT = 4
DEFAULT_COUNT = r"(?:\d+x)?\d+(?:\.\d+)?[bmk]"
_NO_VARIANT = object()
_MISS = object()
_VERSION = re.compile(r"v\d+(?:\.\d+)*")
_POINT_RELEASE = re.compile(r"v\d+\.\d+(?:\.\d+)*")
_SEPARATORS = re.compile(r"[\s\-_/]+")
_DIGITS = re.compile(r"\d+")


def fold(text: str) -> str:
    """Case-folded text without accents or combining marks.

    >>> fold("BERTić")
    'bertic'
    """
    if text.isascii():  # nothing to decompose; casefold is lower
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """The linking key: :func:`fold` keeping letters and digits only, and the signs that end a name.

    A trailing "+" or "#" makes another name ("HumanEval+", "QuIP#", "SPLADE++"), so the key keeps it.
    Idempotent: ``normalize(normalize(s)) == normalize(s)``.

    >>> normalize("XLM-R"), normalize("Tiny-BERT"), normalize("BERTi\\\\'c"), normalize("HumanEval+ ")
    ('xlmr', 'tinybert', 'bertic', 'humaneval+')
    """
    folded = fold(text)
    if folded.isascii():  # bytes.translate drops the rest in C
        key = folded.encode("ascii").translate(None, _ASCII_NOT_ALNUM).decode("ascii")
    else:
        key = "".join(c for c in folded if c.isalnum())
    return key + name_signs(folded) if key and folded[-1:] in _SIGN_ENDS else key


def name_signs(text: str) -> str:
    """The "+" and "#" signs ending ``text`` (spaces after them aside), which make it another name than without.

    >>> name_signs("SPLADE++"), name_signs("QuIP# "), name_signs("BERT + CRF"), name_signs("BERT")
    ('++', '#', '', '')
    """
    text = text.rstrip()
    return text[len(text.rstrip(_SIGNS)):] if text[-1:] in _SIGNS and text[:-1].rstrip(_SIGNS)[-1:] != " " else ""


_SIGNS = "+#"
#: what a folded text whose key may hold signs ends in
_SIGN_ENDS = frozenset("+# \t\n")


_ASCII_NOT_ALNUM = bytes(c for c in range(128) if not chr(c).isalnum())


@lru_cache(maxsize=4096)
def _parts(text: str) -> tuple[str, ...]:
    """The folded words of ``text`` between spaces, hyphens, underscores and slashes (cached: a surface
    that misses the index is split by the variant and the size steps alike).

    >>> _parts("Llama-2_7b chat")
    ('llama', '2', '7b', 'chat')
    """
    return tuple(p for p in _SEPARATORS.split(fold(text)) if p)


def size_stripped(text: str, size_words: Iterable[str] = DEFAULT_SIZE_WORDS, count: str = DEFAULT_COUNT) -> list[str]:
    """Keys of ``text`` with trailing size markers removed, longest first.

    >>> size_stripped("bert-large-uncased")
    ['bertlarge', 'bert']
    >>> size_stripped("LLaMA-2-7B")
    ['llama2']
    """
    words = set(size_words)
    count_re = re.compile(count)
    parts = list(_parts(text))
    keys = []
    while len(parts) > 1 and (parts[-1] in words or count_re.fullmatch(parts[-1])):
        parts.pop()
        keys.append(normalize("".join(parts)))
    return keys


class Linker:
    """Maps surface forms to canonical entities.

    ``scorer`` and ``threshold`` are the fuzzy comparator and its cut-off
    (0-100); ``min_fuzzy`` is the shortest key that may be matched fuzzily.
    Adding an entity whose key is taken keeps the first one (gazetteer order).

    Results are cached per surface (``cache_size`` entries, then the cache
    starts afresh), and fuzzy candidates are blocked by the key's first three
    characters and its length (within two), so a lookup costs the same with
    a 400-name or a 100,000-name gazetteer.
    """

    def __init__(self, entities: Iterable[Entity] = (), *, size_words: Iterable[str] = DEFAULT_SIZE_WORDS,
                 count: str = DEFAULT_COUNT, variants: Mapping[str, str] = DEFAULT_VARIANTS, scorer: Callable = fuzz.ratio, threshold: float = 92.0,
                 min_fuzzy: int = 9, cache_size: int = 1 << 18):
        self.size_words = tuple(size_words)
        self._words = frozenset(self.size_words)
        self._concat = tuple(sorted(self.size_words, key=len, reverse=True))
        self._concat_lengths = tuple(sorted({len(w) for w in self.size_words if w}, reverse=True))
        self._count = re.compile(count)
        self.variants = {fold(k): v for k, v in variants.items()}
        self._glued_variants = tuple(sorted((k for k in self.variants if len(k) >= _MIN_GLUED_VARIANT),
                                            key=lambda k: (-len(k), k)))
        self._count_tail = re.compile(f"{count}$")
        self.scorer, self.threshold, self.min_fuzzy = scorer, threshold, min_fuzzy
        self.cache_size = cache_size
        self._index: dict[str, Entity] = {}
        #: (first three characters, length) -> [(insertion number, key)] of keys long enough for fuzzy matching
        self._blocks: dict[tuple[str, int], list[tuple[int, str]]] = {}
        self._cache: dict[tuple[str, bool], Entity | None] = {}
        #: how many keys are digits only: while none is, a number ("2199", "52.4") links only fuzzily
        self._digit_keys = 0
        for entity in entities:
            self.add(entity)

    def __len__(self) -> int:
        return len(self._index)

    def __contains__(self, key: str) -> bool:
        return key in self._index

    def __getstate__(self) -> dict:
        state = self.__dict__.copy()
        state["_cache"] = {}
        return state

    def add(self, entity: Entity, surfaces: Iterable[str] = ()) -> None:
        """Index ``entity`` under its name, aliases and extra ``surfaces``."""
        self._cache.clear()
        for surface in (entity.name, *sorted(entity.aliases), *surfaces):
            key = normalize(surface)
            if key and key not in self._index:
                self._index[key] = entity
                self._digit_keys += key.isdigit()
                if len(key) >= self.min_fuzzy:
                    self._blocks.setdefault((key[:3], len(key)), []).append((len(self._index), key))

    def may_link_number(self, digits: int) -> bool:
        """Could a surface whose key is ``digits`` digits long link to an entity?

        Only while some key is digits only, or through the fuzzy step (``digits >= min_fuzzy``).

        >>> Linker([Entity("T5", "Model")]).may_link_number(4), Linker([Entity("1984", "Dataset")]).may_link_number(4)
        (False, True)
        """
        return bool(self._digit_keys) or digits >= self.min_fuzzy

    def exact(self, surface: str) -> Entity | None:
        return self._index.get(normalize(surface))

    def link(self, surface: str, fuzzy: bool = True) -> Entity | None:
        """The entity ``surface`` denotes, or None."""
        hit = self._cache.get((surface, fuzzy), _MISS)  # no KeyError raised on a miss: new spellings are many
        if hit is not _MISS:
            return hit
        if fuzzy:  # the fuzzy step only where the others find nothing
            hit = self.link(surface, False)
            if hit is None:
                key = normalize(surface)
                hit = self.fuzzy(key) if key else None
        else:
            hit = self._link(surface, False)
        if len(self._cache) >= self.cache_size:
            self._cache.clear()
        self._cache[surface, fuzzy] = hit
        return hit

    def _link(self, surface: str, fuzzy: bool) -> Entity | None:
        key = normalize(surface)
        if not key:
            return None
        hit = self._index.get(key)
        if hit is not None:
            return hit
        if not self._digit_keys and key.isdigit():
            # every key the marker steps look up is made of the surface's digits: none is known
            return self.fuzzy(key) if fuzzy else None
        variant = self._variant(surface)
        if variant is not _NO_VARIANT:  # a chat / instruct model never falls back to its base
            return variant
        # size and parameter-count markers name variants of a model only: "EURLEX57K" is no EUR-Lex
        stripped_keys = self._size_stripped(surface)
        for stripped in stripped_keys:
            if stripped in self._index and self._index[stripped].type == "Model":
                return self._index[stripped]
        hit = self._concatenated(key)
        if hit is None:  # a glued marker under a stripped one: "BioBERTBase-v1.1" is BioBERT
            hit = next(filter(None, map(self._concatenated, stripped_keys)), None)
        if hit is not None or not fuzzy:
            return hit
        return self.fuzzy(key)

    def _size_stripped(self, text: str) -> list[str]:
        """:func:`size_stripped` with this linker's markers, compiled once."""
        parts = list(_parts(text))
        keys = []
        # a point release names a checkpoint of the model, a major version another model: "-v1.1", not "-v2"
        while len(parts) > 1 and (parts[-1] in self._words or self._count.fullmatch(parts[-1])
                                  or _POINT_RELEASE.fullmatch(parts[-1])):
            parts.pop()
            keys.append(normalize("".join(parts)))
        return keys

    def _variant(self, surface: str) -> Entity | None | object:
        """The chat / instruct model ``surface`` names, None, or ``_NO_VARIANT`` without a marker.

        Trailing size, count and variant markers are stripped; the variant is
        looked up as the remaining base plus its marker (``llama2chat``), then
        as the linked base's canonical name plus marker; a known base with an
        unknown variant gives a new node ``<base>-<Label>``.
        """
        split = self.variant_split(surface)
        if split is None:
            return _NO_VARIANT
        base_surface, marker = split
        hit = self._index.get(normalize(base_surface) + marker)
        if hit is not None and hit.type == "Model":
            return hit
        base = self.link(base_surface, False)
        if base is None or base.type != "Model":
            return None
        hit = self._index.get(normalize(base.name) + marker)
        if hit is not None and hit.type == "Model":
            return hit
        return Entity(f"{base.name}-{self.variants[marker]}", "Model")

    def variant_split(self, surface: str) -> tuple[str, str] | None:
        """``(base, marker)`` of a chat / instruct variant's name, else None.

        Trailing size and parameter-count markers go with the variant marker,
        and so does a version after it (``Mistral-7B-Instruct-v0.2``).

        >>> Linker().variant_split("Llama-2-7b-chat"), Linker().variant_split("BERT-large")
        (('llama 2', 'chat'), None)
        >>> Linker().variant_split("Mistral-7B-Instruct-v0.2"), Linker().variant_split("Vicuna-13B-v1.5")
        (('mistral', 'instruct'), None)
        """
        parts = list(_parts(surface))
        # endswith(tuple) first: most words end in no marker, and the loop is left out
        if parts and parts[-1] not in self.variants and parts[-1].endswith(self._glued_variants):
            glued = next((m for m in self._glued_variants if parts[-1].endswith(m) and len(parts[-1]) > len(m)), None)
            if glued is not None:
                parts[-1:] = [parts[-1][: -len(glued)], glued]
        marker, end = None, len(parts)
        while end > 1 and (parts[end - 1] in self.variants or parts[end - 1] in self._words
                           or self._count.fullmatch(parts[end - 1]) or _VERSION.fullmatch(parts[end - 1])):
            part = parts[end - 1]
            # a two-letter marker only after a parameter count: "gemma-7b-it", not "BERT-it" (Italian)
            if part in self.variants and (len(part) > 2 or self._count.fullmatch(parts[end - 2])):
                marker = part
            elif part in self.variants or (_VERSION.fullmatch(part) and end < len(parts)
                                           and not _VERSION.fullmatch(parts[end])):
                break  # versions only at the very end: "Mistral-7B-Instruct-v0.2"
            end -= 1
        return None if marker is None else (" ".join(parts[:end]), marker)

    def unglued(self, key: str) -> list[str]:
        """``key`` without a size marker or count glued to its end: ``bioformer8l`` -> ``bioformer``.

        >>> Linker(count="[0-9]+[bml]").unglued("bioformer8l"), Linker().unglued("robertalarge")
        (['bioformer'], ['roberta'])
        """
        keys = [key[:-n] for n in self._concat_lengths if len(key) > n + 1 and key[-n:] in self._words]
        match = self._count_tail.search(key)
        if match and match.start() > 1:
            keys.append(key[: match.start()])
        return keys

    def _concatenated(self, key: str) -> Entity | None:
        # "bertbase", "robertalarge", "llama27b": a size marker glued to a known name
        for n in self._concat_lengths:  # longest marker first, as sorted in _concat
            if len(key) > n and key[-n:] in self._words and self._model(key[:-n]):
                return self._index[key[:-n]]
        match = self._count_tail.search(key)
        if match and match.start() > 0 and self._model(key[: match.start()]):
            return self._index[key[: match.start()]]
        return None

    def _model(self, key: str) -> bool:
        hit = self._index.get(key)
        return hit is not None and hit.type == "Model"

    def fuzzy(self, key: str) -> Entity | None:
        """Best blocked candidate above the threshold with the same digits."""
        if len(key) < self.min_fuzzy:
            return None
        prefix, size = key[:3], len(key)
        block = [k for n in range(size - 2, size + 3) for k in self._blocks.get((prefix, n), ())]
        if not block:
            return None
        block.sort()
        best = process.extractOne(key, [k for _, k in block], scorer=self.scorer, score_cutoff=self.threshold)
        if best is None or _DIGITS.findall(best[0]) != _DIGITS.findall(key) or name_signs(best[0]) != name_signs(key):
            return None
        entity = self._index[best[0]]
        # a model name differing by an inserted letter is another model (DistilBERT / DistilmBERT), unless the
        # letter is doubled, a slip of the pen (DistillBERT)
        if entity.type == "Model" and len(best[0]) != len(key) and not _doubled_once(best[0], key):
            return None
        return entity


def _doubled_once(a: str, b: str) -> bool:
    """Whether the longer of ``a`` and ``b`` is the other with one letter doubled.

    >>> _doubled_once("distilbert", "distillbert"), _doubled_once("distilbert", "distilmbert")
    (True, False)
    """
    short, long = sorted((a, b), key=len)
    if len(long) != len(short) + 1:
        return False
    i = next((i for i, (x, y) in enumerate(zip(short, long)) if x != y), len(short))
    return long[i] == long[i - 1] and long[:i] + long[i + 1:] == short if i else False
