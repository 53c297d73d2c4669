"""Mention finding: gazetteer phrases and name-shaped tokens.

:class:`PhraseMatcher` runs one Aho-Corasick scan over a paper for every
curated (or learned) surface form. Names that are short or all capitals
(``GLUE``, ``RACE``, ``OPT``) and names flagged ``cs`` in the gazetteer match
with their exact case; the rest match case-insensitively. Model and dataset
names must stand alone as a token: ``BERT`` is not found inside ``KR-BERT``
or ``GottBERT`` (those go to :func:`name_tokens` and linking), while a
technique may end a hyphenated word (``layer-pruning``).

>>> from kg.model import Entity
>>> pm = PhraseMatcher([("BERT", Entity("BERT", "Model")), ("pruning", Entity("pruning", "Technique"))])
>>> [(s, e, ent.name) for s, e, ent in pm.find("KR-BERT and BERT use layer-pruning.")]
[(12, 16, 'BERT'), (27, 34, 'pruning')]
>>> [t for _, _, t in name_tokens("We compare BERT_LARGE, KR-BERT's and LLaMA-2-7B (2.2x).")]
['BERT_LARGE', 'KR-BERT', 'LLaMA-2-7B', '2.2x']
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter

import ahocorasick

from kg.model import Entity

__all__ = ["PhraseMatcher", "Scan", "SubstringIndex", "lower_same_length", "name_tokens", "overlaps", "strip_affixes"]

_NAME_TYPES = frozenset({"Model", "Dataset"})
_TOKEN_BODY = r"[A-Za-z0-9\u00C0-\u024F][\w\-.+'\\\u00C0-\u024F]*[\w+\u00C0-\u024F]|[A-Za-z0-9]"
_TOKEN = re.compile(_TOKEN_BODY)
#: the next sentence glued to a name by a missing space: "... brought by ERNIE-Tiny.In particular"
_GLUED_SENTENCE = re.compile(r"(?<=\w)\.[A-Z][a-z]+$")
# The same tokens, skipping in C those that cannot be names: a token (group 1)
# is tried only where no token can be under way (after no letter or digit) and
# only if its first character is no ASCII letter or a later one is no ASCII
# lower-case letter (a superset of the names; _trimmed_name checks the rest).
# The pattern starts with the character before the token, matched over the
# text with a space put before it: the regex engine then skips ahead to the
# next character that is no letter or digit instead of trying every position.
_MAYBE_NAME = re.compile(r"[^A-Za-z0-9\u00C0-\u024F](?=[^A-Za-z]|.[a-z\-.'\\]*+[\w+\u00C0-\u024F])("
                         + _TOKEN_BODY + ")")
_POSSESSIVE = re.compile(r"(?:'s|s'|')$")


def lower_same_length(text: str) -> str:
    """``text.lower()``, keeping every character at its offset."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _case_sensitive(surface: str, exact: frozenset[str] | set[str]) -> bool:
    if surface in exact or len(surface) <= 3 or _FUNCTION_WORD_PART.match(surface):
        return True
    return len(surface) <= 5 and not any(c.islower() for c in surface)


#: A name that starts with a short word written in capitals which, in lower case, is a function word:
#: matched in any case, "IS-BERT" would be "is BERT" and "ON-LSTM" "on LSTM".
_FUNCTION_WORD_PART = re.compile(r"(?:A|AN|AS|AT|BE|BY|DO|IF|IN|IS|IT|NO|OF|ON|OR|SO|TO|UP|US|WE)[-\s]")


#: The ``is_name`` of a phrase that names a model only when capitalised as written: see _described_model.
_CAPITALISED = 2
_FIRST_WORD = re.compile(r"([A-Z][a-z]+)[ -](.+)")


def _described_model(surface: str, models: set[str]) -> bool:
    """Whether ``surface`` is a capitalised word before another model's name ("Clinical BERT", "Tiny-BERT").

    Written in lower case ("a clinical BERT", "a tiny BERT") those words describe
    the other model; only as the gazetteer spells them do they name this one.

    >>> [_described_model(s, {"bert", "roberta", "mistral 7b"}) for s in ("Tiny-BERT", "Mistral 7B", "XLM-RoBERTa")]
    [True, False, False]
    """
    m = _FIRST_WORD.fullmatch(surface)
    return bool(m) and m.group(2).lower() in models and m.group(2).lower() != surface.lower()


def _joined(text: str, i: int, step: int) -> bool:
    """Does a hyphen/underscore/dot at ``i`` glue the word to an alphanumeric one?"""
    j = i + step
    return 0 <= i < len(text) and text[i] in "-_." and 0 <= j < len(text) and text[j].isalnum()


@dataclass(frozen=True, slots=True)
class Scan:
    """A text as one scan of a :class:`PhraseMatcher` read it, for every finder after it.

    ``lowered`` is the text lower-cased character for character, ``layers``
    each layer's phrase matches ``(start, end, entity)``, and ``cues`` the
    sorted, distinct offsets where the matcher's cue words start a word
    (after no letter or digit), by group: what the discovery patterns are
    tried at, found in the same pass as the phrases.

    >>> pm = PhraseMatcher([("BERT", Entity("BERT", "Model"))], cues={"subject": ["we"], "noun": ["dataset"]})
    >>> scan = pm.scan("We tune BERT; weights of datasets")
    >>> [(s, e, ent.name) for s, e, ent in scan.layers[0]], scan.cues
    ([(8, 12, 'BERT')], {'subject': [0, 14], 'noun': [25]})
    """

    text: str
    lowered: str
    layers: list[list[tuple[int, int, Entity]]]
    cues: dict[str, list[int]]


class PhraseMatcher:
    """Longest leftmost non-overlapping gazetteer matches in a text.

    A matcher may hold several *layers* of phrases (the curated gazetteer,
    then names learned from the corpus) scanned together but resolved apart:
    :meth:`find_layers` gives each layer's matches as if it were alone, for
    the price of one scan. ``cues`` (group -> words) are found in the same
    scan wherever they start a word (:meth:`scan`).
    """

    def __init__(self, pairs: Iterable[tuple[str, Entity]], exact_case: frozenset[str] | set[str] = frozenset(),
                 suffixes: Iterable[str] = (), cues: Mapping[str, Iterable[str]] | None = None, sizes: str = "(?!)"):
        self._init([(pairs, exact_case)], suffixes, cues, sizes)

    @classmethod
    def layered(cls, layers: Iterable[tuple[Iterable[tuple[str, Entity]], frozenset[str] | set[str]]],
                suffixes: Iterable[str] = (), cues: Mapping[str, Iterable[str]] | None = None,
                sizes: str = "(?!)") -> PhraseMatcher:
        """A matcher of several ``(pairs, exact_case)`` layers."""
        matcher = cls.__new__(cls)
        matcher._init(list(layers), suffixes, cues, sizes)
        return matcher

    def _init(self, layers: list, suffixes: Iterable[str] = (), cues: Mapping[str, Iterable[str]] | None = None,
              sizes: str = "(?!)") -> None:
        #: words that may follow a model or dataset name after a hyphen: "bert-base-uncased", "GLUE-style"
        self.suffixes = frozenset(w.lower() for w in suffixes)
        #: ... and sizes, a regular expression of the lower-cased word: "Llama 2-7B" is Llama 2
        self._size = re.compile(sizes).fullmatch
        self.cue_groups = tuple(cues or ())
        # One automaton holds every phrase, each key padded with a space
        # either side, scanned over the lower-cased text with every character
        # that is not a letter or digit made a space (see _haystack): only
        # whole-word occurrences come out of the C scan, and each is checked
        # against the text (lower-cased, or as written for case-sensitive
        # phrases). The few case-sensitive phrases whose lower-casing is not
        # one character for one (Σ, İ) go to a second automaton over the text.
        self._words = ahocorasick.Automaton()
        self._exact = ahocorasick.Automaton()
        self.layers = len(layers)
        self.size = 0
        tables: tuple[dict[str, list], dict[str, list]] = ({}, {})
        seen: set[tuple[int, bool, str]] = set()
        layers = [(list(pairs), exact_case) for pairs, exact_case in layers]
        spellings = [surface for pairs, _ in layers for surface, entity in pairs if entity.type == "Model"]
        models = {surface.lower() for surface in spellings}
        described = {surface for surface in spellings if _described_model(surface, models)}
        described_keys = {surface.lower() for surface in described}
        # a phrase also spelled in lower case in the gazetteer ("multilingual BERT") names its model as written;
        # an all-capital spelling of a described one (LEGAL-BERT as Legal-BERT) does not
        free = {surface.lower() for surface in spellings if surface not in described
                and (surface[:1].islower() or surface.lower() not in described_keys)}
        for layer, (pairs, exact_case) in enumerate(layers):
            for surface, entity in pairs:
                exact = _case_sensitive(surface, exact_case)
                key = surface if exact else surface.lower()
                if not key or (layer, exact, key) in seen:
                    continue
                seen.add((layer, exact, key))
                self.size += 1
                is_name = entity.type in _NAME_TYPES
                if is_name and not exact and surface in described and key not in free:
                    is_name = _CAPITALISED
                if exact and not _lowers_in_place(surface):
                    tables[1].setdefault(surface, []).append((layer, True, surface, entity, is_name))
                else:
                    lowered = "".join(c.lower() for c in key) if exact else key
                    word_key = " " + _NON_ALNUM.sub(" ", lowered) + " "
                    tables[0].setdefault(word_key, []).append((layer, exact, key, entity, is_name))
        # a hit's value: (start as the end offset less it, length, the one entry or None, the entries,
        # None for a phrase); the haystack of _words has a space before and after each key's words
        for automaton, table, pad in ((self._words, tables[0], 1), (self._exact, tables[1], 0)):
            for key, entries in table.items():
                # as scanned before: case-insensitive phrases first, then layer by layer
                entries.sort(key=lambda e: (e[1], e[0]))
                # the one entry of most keys beside the tuple, so a hit resolves it without a loop
                length = len(key) - 2 * pad
                # a key with a sign ("CodeT5+") is checked against the text: "(CodeT5)," has its words, not its sign
                single = entries[0] if len(entries) == 1 and not _SIGN.search(entries[0][2]) else None
                automaton.add_word(key, (length + 2 * pad - 1, length, single, tuple(entries), None))
        # a cue word is a key with a space before it only: a word that starts with it ("we" in "we", "weights");
        # its value ends in its groups. Its key never ends in a space ("e.g." is " e g"), so it is never a
        # phrase's key (those end in one)
        cue_table: dict[str, list[str]] = {}
        ordered = set()
        for group, words in (cues or {}).items():
            keys = {key for key in (" " + _NON_ALNUM.sub(" ", word.lower()).rstrip() for word in words) if key.strip()}
            # a key another key of its group starts finds no other start ("datasets" after "dataset"): left out,
            # so no start is found twice; and where no key holds another after its first character, the
            # starts come out of the scan (in the order their matches end) ascending
            keys = sorted(key for key in keys if not any(other != key and key.startswith(other) for other in keys))
            if not any(other != key and other in key[1:] for key in keys for other in keys):
                ordered.add(group)
            for key in keys:
                cue_table.setdefault(key, []).append(group)
        #: cue groups whose starts need no sorting
        self._ordered_cues = frozenset(ordered)
        for key, groups in cue_table.items():
            self._words.add_word(key, (len(key) - 1, 0, None, (), tuple(groups)))
        for automaton in (self._words, self._exact):
            if len(automaton):
                automaton.make_automaton()

    def find(self, text: str, lowered: str | None = None) -> list[tuple[int, int, Entity]]:
        """The first layer's matches: ``(start, end, entity)``."""
        return self.find_layers(text, lowered)[0]

    def find_layers(self, text: str, lowered: str | None = None) -> list[list[tuple[int, int, Entity]]]:
        """Every layer's matches, each resolved on its own."""
        return self.scan(text, lowered).layers

    def scan(self, text: str, lowered: str | None = None) -> Scan:
        """Every layer's matches, each resolved on its own, and where the cue words start."""
        lowered = lower_same_length(text) if lowered is None else lowered
        found: list[list] = [[] for _ in range(self.layers)]
        cues: dict[str, list[int]] = {group: [] for group in self.cue_groups}
        size = len(text)
        glued_after = self._glued_after
        if len(self._words):
            for last, (back, length, single, entries, groups) in self._words.iter(_haystack(lowered)):
                start = last - back  # an offset in the text: the haystack's leading space is the key's
                if single is None:
                    if groups is not None:  # a cue word
                        for group in groups:
                            cues[group].append(start)
                    else:
                        self._resolve(text, lowered, start, start + length, entries, found)
                    continue
                # the common case, one entry, as _resolve would resolve it
                layer, exact, key, entity, is_name = single
                if exact and not text.startswith(key, start):
                    continue
                if is_name:
                    if is_name is _CAPITALISED and text[start].islower():
                        continue  # "a clinical BERT": BERT, described; "Clinical BERT" is the name
                    # joined or glued only after "-", "_" or ".": checked here before the calls
                    end = start + length
                    if ((start > 1 and text[start - 1] in "-_." and text[start - 2].isalnum())
                            or (end < size and text[end] in "-_." and glued_after(text, end))):
                        continue
                    found[layer].append((start, end, entity))
                else:
                    found[layer].append((start, start + length, entity))
        if len(self._exact):
            for end, (_, length, _, entries, _) in self._exact.iter(text):
                end += 1
                start = end - length
                if not ((start > 0 and text[start - 1].isalnum()) or (end < size and text[end].isalnum())):
                    self._resolve(text, lowered, start, end, entries, found)
        ordered = self._ordered_cues
        if len(ordered) < len(cues):
            cues = {group: sorted(set(starts)) if len(starts) > 1 and group not in ordered else starts
                    for group, starts in cues.items()}
        return Scan(text, lowered, [_leftmost_longest(f) for f in found], cues)

    def _resolve(self, text: str, lowered: str, start: int, end: int, entries: tuple, found: list[list]) -> None:
        """Add the matches of a key's ``entries`` at ``text[start:end]`` to their layers' lists in ``found``."""
        loose, hit = [], set()
        glued_after = self._glued_after
        for entry in entries:
            layer, exact, key, entity, is_name = entry
            if (text if exact else lowered)[start:end] != key:
                if not exact and _SIGN.findall(key) == _SIGN.findall(lowered, start, end):
                    loose.append(entry)  # same words, other separators: "self attention", "Conll 2003"
                continue
            if is_name and (_joined(text, start - 1, -1) or glued_after(text, end)
                            or is_name is _CAPITALISED and text[start].islower()):
                continue
            found[layer].append((start, end, entity))
            hit.add(layer)
        for layer, _, _, entity, is_name in loose:
            if layer not in hit and not (is_name and (_joined(text, start - 1, -1) or glued_after(text, end)
                                                      or is_name is _CAPITALISED and text[start].islower())):
                found[layer].append((start, end, entity))
                hit.add(layer)

    def _glued_after(self, text: str, end: int) -> bool:
        """Is a word glued after ``end`` that is not one of :attr:`suffixes`?

        Every glued word counts: ``BERT-base`` is BERT, ``Distil-BERT-base-ro`` is not Distil-BERT.
        """
        while _joined(text, end, 1):
            word = _GLUED_WORD.match(text, end + 1)
            if not (word and (word.group().lower() in self.suffixes or self._size(word.group().lower()))):
                return True
            end = word.end()
        return False


_NON_ALNUM = re.compile(r"[\W_]")
#: signs that make a name another ("CodeT5+", "C#", "Min-K%"), unlike separators ("-", "_", ".", " ")
_SIGN = re.compile(r"[+#%*&@]")
_ASCII_WORDS = bytes(c if chr(c).isalnum() and c < 128 else 32 for c in range(256))


def _haystack(lowered: str) -> str:
    """``lowered`` with every character but letters and digits made a space, padded with a space."""
    if lowered.isascii():
        return " " + lowered.encode("ascii").translate(_ASCII_WORDS).decode("ascii") + " "
    return " " + _NON_ALNUM.sub(" ", lowered) + " "


def _lowers_in_place(surface: str) -> bool:
    """Is every character's lower case one character, the same in any context (not Σ)?"""
    return all(len(c.lower()) == 1 for c in surface) and "\u03a3" not in surface


_GLUED_WORD = re.compile(r"[A-Za-z0-9]+")


_START, _END = itemgetter(0), itemgetter(1)


def _leftmost_longest(found: list[tuple[int, int, Entity]]) -> list[tuple[int, int, Entity]]:
    if len(found) < 2:  # the language and learned layers: mostly nothing to choose from
        return found
    reach = -1
    for start, end, _ in found:  # mostly by start already, none overlapping nor empty: the answer as it is
        if start < reach or start == end:
            break
        reach = end
    else:
        return found
    # by start, the longest first at one start (ties in scan order): two stable sorts on plain keys
    found.sort(key=_END, reverse=True)
    found.sort(key=_START)
    out, reach = [], -1
    for start, end, entity in found:
        if start >= reach:
            out.append((start, end, entity))
            reach = end
    return out


class SubstringIndex:
    """Which of many words occur inside a string: one Aho-Corasick scan, not a loop over the words.

    >>> stems = SubstringIndex(["BERT", "GPT"])
    >>> stems.within("KR-BERT"), stems.within_other("BERT"), stems.within_other("GottBERT"), stems.within("T5")
    (True, False, True, False)
    """

    def __init__(self, words: Iterable[str]):
        self._automaton = ahocorasick.Automaton()
        for word in words:
            if word and word not in self._automaton:
                self._automaton.add_word(word, len(word))
        if len(self._automaton):
            self._automaton.make_automaton()

    def __len__(self) -> int:
        return len(self._automaton)

    def within(self, text: str) -> bool:
        """Does any word occur in ``text``?"""
        if not len(self._automaton):
            return False
        for _ in self._automaton.iter(text):
            return True
        return False

    def within_other(self, text: str) -> bool:
        """Does a word other than ``text`` itself occur in ``text``?"""
        if not len(self._automaton):
            return False
        return any(length != len(text) for _, length in self._automaton.iter(text))


def name_tokens(text: str) -> list[tuple[int, int, str]]:
    """Tokens that may be names: with an inner capital, a digit or an underscore.

    A trailing possessive or full stop is left out of the token.
    """
    if text.isascii():
        return _ascii_name_tokens(text)
    out = []
    for match in _MAYBE_NAME.finditer(" " + text):
        trimmed = _trimmed_name(match.group(1))
        if trimmed:
            start = match.start(1) - 1  # an offset in the text, without the space before it
            out.append((start, start + len(trimmed), trimmed))
    return out


#: ASCII characters by class: "A" a capital, "0" a digit or underscore, "a" a lower-case letter, "-" the other
#: characters a token holds (``-.+'\\``), " " the characters between tokens
_ASCII_CLASSES = bytes(65 if chr(c).isupper() else 48 if chr(c).isdigit() or c == 95 else 97 if chr(c).islower()
                       else 45 if chr(c) in "-.+'\\" else 32 for c in range(128)) + b" " * 128
_LEADING = "_-.+'\\"  # token characters no token starts with
_TRAILING = "-.'\\"  # token characters no token ends with


def _ascii_name_tokens(text: str) -> list[tuple[int, int, str]]:
    """:func:`name_tokens` of an ASCII text, read from a byte string of character classes.

    In ASCII, every run of token characters holds one token (the run less its
    leading ``_-.+'\\`` and trailing ``-.'\\``), and only a run with a digit or an
    underscore, or a capital after its first character, can hold a name. The
    text's classes, with a space before them, mark those characters "0" once a
    capital that starts a word is made a lower-case letter (``" A"`` ->
    ``" a"``) and the other capitals digits: ``bytes.find`` then jumps from one
    such run to the next, and no other word is looked at.

    >>> _ascii_name_tokens("The (KR-BERT) and _x2.")
    [(5, 12, 'KR-BERT'), (19, 21, 'x2')]
    """
    classes = (b" " + text.encode("ascii").translate(_ASCII_CLASSES)).replace(b" A", b" a").replace(b"A", b"0")
    find, rfind, size, run_name = classes.find, classes.rfind, len(classes), _run_name
    out = []
    i = find(48)
    while i >= 0:
        end = find(32, i)
        if end < 0:
            end = size
        start = rfind(32, 0, i)  # the space before the run: the run's offset in the text
        offset, trimmed = run_name(text[start:end - 1])
        if trimmed:
            start += offset
            out.append((start, start + len(trimmed), trimmed))
        i = find(48, end)
    return out


@lru_cache(maxsize=1 << 16)
def _run_name(run: str) -> tuple[int, str]:
    """The offset of a run's token and its name (:func:`_trimmed_name`), ``""`` if it is none.

    >>> _run_name("'GPT-4's"), _run_name("-based")
    ((1, 'GPT-4'), (1, ''))
    """
    token = run.lstrip(_LEADING)
    offset = len(run) - len(token)
    token = token.rstrip(_TRAILING)
    return offset, (_trimmed_name(token) if token else "")


@lru_cache(maxsize=1 << 16)
def _trimmed_name(token: str) -> str:
    """``token`` without a possessive, a full stop or a glued next sentence if it is name-shaped, else ``""``.

    >>> [_trimmed_name(t) for t in ["ERNIE-Tiny.In", "BERT's", "Qwen2.5", "GPT-4.", "model"]]
    ['ERNIE-Tiny', 'BERT', 'Qwen2.5', 'GPT-4', '']
    """
    if not (any(c.isdigit() or c == "_" for c in token) or any(c.isupper() for c in token[1:])):
        return ""
    return _GLUED_SENTENCE.sub("", _POSSESSIVE.sub("", token)).rstrip(".")


def strip_affixes(token: str, modifiers: frozenset[str] | set[str],
                  keep: frozenset[str] | set[str] = frozenset()) -> tuple[int, str]:
    """Drop lower-case words glued by hyphens around a name: ``(offset, core)``.

    A trailing word in ``keep`` (a chat / instruct marker) ends the name and
    is not dropped, nor is anything before it.

    >>> strip_affixes("model-CamemBERTav2-designed", {"based"})
    (6, 'CamemBERTav2')
    >>> strip_affixes("RoBERTa-based", {"based"})
    (0, 'RoBERTa')
    >>> strip_affixes("bert-large-uncased", {"based"})
    (0, 'bert-large-uncased')
    >>> strip_affixes("Llama-2-7b-chat", {"based"}), strip_affixes("Llama-2-7b-chat", {"based"}, {"chat"})
    ((0, 'Llama-2-7b'), (0, 'Llama-2-7b-chat'))
    """
    parts = token.split("-")
    if len(parts) == 1 or all(p.islower() or p.isdigit() for p in parts):
        return 0, token
    lo, hi = 0, len(parts)
    while hi - lo > 1 and parts[hi - 1].lower() not in keep and (
            parts[hi - 1].lower() in modifiers or (parts[hi - 1].isalpha() and parts[hi - 1].islower()
                                                   and len(parts[hi - 1]) > 3)):
        hi -= 1
    while hi - lo > 1 and parts[lo].isalpha() and parts[lo].islower() and len(parts[lo]) > 3:
        lo += 1
    offset = sum(len(p) + 1 for p in parts[:lo])
    return offset, "-".join(parts[lo:hi])


def overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)
