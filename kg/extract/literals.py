"""Literal pre-checks for regexes: the plain strings every match must hold or begin with.

A regex whose matches all hold one of a few literals need not run on a text
holding none of them; one whose matches all begin with one of a few literals
need only be tried where one starts. :mod:`kg.extract.relations` uses them to
skip most of its cue patterns on most sentences, with one Aho-Corasick pass.

>>> [sorted(c) for c in required_literals(r"\\bteachers? of «M\\d+»")]
[['teacher']]
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

import ahocorasick

__all__ = ["Leading", "any_of", "lead_words", "matcher", "required_literals"]

#: up to this many literals, :class:`Leading` finds them with ``str.find``, one after the other
_FEW = 3
#: at most this many lead literals are made by lengthening literals with a group's (see _leads)
_MOST_LEADS = 64


def required_literals(pattern: str, flags: int = 0, most: int = 3, shortest: int = 3) -> tuple[frozenset[str], ...]:
    """Up to ``most`` sets of lower-case literals, every match of ``pattern`` holding one literal of each.

    Only ASCII literals count, so ``text.lower()`` holding none of a set rules
    a match out (but for the letters ``ı ſ İ``, which the caller checks). Sets
    with a literal shorter than ``shortest`` (not counting spaces) are left out,
    as nearly every text holds one; the longest literals come first.

    >>> [sorted(c) for c in required_literals(r"\\b(?:better|higher) (?:\\w+ )?than «M\\d+»")]
    [['better', 'higher'], ['than ']]
    >>> required_literals(r"\\w+|we")
    ()
    """
    try:
        found = _needs(list(_parsed(pattern, flags)))
    except Exception:  # an unusual construct: no pre-check, the regex alone decides
        return ()
    found = sorted({c for c in found if _score(c)[0] >= shortest}, key=lambda c: (_score(c), sorted(c)), reverse=True)
    return tuple(found[:most])


@lru_cache(maxsize=1024)
def _parsed(pattern: str, flags: int) -> tuple:
    """The regex parser's items of ``pattern``, parsed once for both :func:`required_literals` and :class:`Leading`
    (parsing is most of the time a relation table takes to load; the items are only read)."""
    return tuple(re._parser.parse(pattern, flags))


def _score(literals: frozenset[str]) -> tuple[int, int]:
    return min(len(w.strip()) for w in literals), -len(literals)


def _needs(items: list) -> list[frozenset[str]]:
    """Sets of literals in a sequence of parsed regex items, every match holding one literal of each."""
    parser = re._parser
    found, run = [], []

    def close():
        if run:
            found.append(frozenset(["".join(run)]))
            run.clear()

    for op, arg in items:
        if op is parser.LITERAL and chr(arg).isascii():
            run.append(chr(arg).lower())
            continue
        close()
        if op is parser.SUBPATTERN:
            found += _needs(list(arg[3]))
        elif op is parser.ATOMIC_GROUP:
            found += _needs(list(arg))
        elif op in (parser.MAX_REPEAT, parser.MIN_REPEAT, parser.POSSESSIVE_REPEAT) and arg[0] >= 1:
            found += _needs(list(arg[2]))
        elif op is parser.BRANCH:
            best = [max(_needs(list(branch)), key=_score, default=None) for branch in arg[1]]
            if all(best):
                found.append(frozenset().union(*best))
    close()
    return found


def _leads(items: list) -> set[str] | None:
    """Lower-case literals one of which begins every match of a parsed regex sequence (None: unknown).

    Literals, then a group whose matches all begin with literals, begin with
    both: ``th(?:is|at)`` (as the parser factors ``this|that``) begins with
    ``this`` or ``that``, not only ``th``.
    """
    parser = re._parser
    prefixes = [""]
    for op, arg in items:
        if op is parser.LITERAL and (chr(arg).isascii() or chr(arg) in "«»"):
            prefixes = [p + chr(arg).lower() for p in prefixes]
            continue
        if prefixes == [""] and (
                (op is parser.AT and arg in (parser.AT_BOUNDARY, parser.AT_BEGINNING, parser.AT_BEGINNING_STRING))
                or op in (parser.ASSERT, parser.ASSERT_NOT)):
            continue  # zero-width before the first character ("\\b", "^", a look-around)
        if op is parser.SUBPATTERN:
            sub = _leads(list(arg[3]))
        elif op is parser.ATOMIC_GROUP:
            sub = _leads(list(arg))
        elif op is parser.BRANCH:
            subs = [_leads(list(branch)) for branch in arg[1]]
            sub = None if any(s is None for s in subs) else set().union(*subs)
        elif op in (parser.MAX_REPEAT, parser.MIN_REPEAT, parser.POSSESSIVE_REPEAT) and arg[0] >= 1:
            sub = _leads(list(arg[2]))
        else:
            sub = None
        if prefixes == [""]:
            return sub
        # literals read, then something else: they are the prefixes, lengthened by the group's own if it has them
        if sub is not None and "" not in sub and len(prefixes) * len(sub) <= _MOST_LEADS:
            prefixes = [p + s for p in prefixes for s in sorted(sub)]
        break
    return None if "" in prefixes else set(prefixes)


def lead_words(lead: Leading) -> list[str] | None:
    """The literals every match of a :class:`Leading` regex begins with; None when unknown."""
    return None if lead.automaton is None else list(lead.automaton.keys())


def matcher(regex: re.Pattern) -> Callable[[str, str], Iterable[re.Match]]:
    """``(sentence, sentence.lower()) -> matches``: through :class:`Leading` when that pays.

    Not when every match begins with a placeholder (the regex engine skips to
    its uncased ``«`` itself) or may begin with a one-letter literal.
    """
    lead = Leading(regex)
    words = list(lead.automaton.keys()) if lead.automaton is not None else []
    if not words or all(w.startswith("«") for w in words) or min(map(len, words)) < 2:
        return lambda text, low: regex.finditer(text)
    return lead.finditer


class Leading:
    """A regex whose matches all begin with one of a few literals, tried only where the text holds one.

    ``search`` and ``finditer`` give what the regex's own would, given the
    sentence and its ``lower()``; a sentence with letters ``lower()`` does not
    fold as the regex does (``ı ſ İ``) is searched the ordinary way.

    >>> lead = Leading(re.compile(r"\\b(?:we|our) (?:model|method)", re.IGNORECASE))
    >>> [m.group(0) for m in lead.finditer("Our model beats theirs; we model it.", "our model beats theirs; we model it.")]
    ['Our model', 'we model']
    """

    def __init__(self, regex: re.Pattern):
        self.regex = regex
        try:
            leads = _leads(list(_parsed(regex.pattern, regex.flags)))
        except Exception:  # an unusual construct: the regex alone
            leads = None
        self.automaton = None
        if leads:
            # a literal that begins with another finds no start the other does not ("learned" after "learn"):
            # left out, fewer literals are more often a few, and more often none within another. In sorted
            # order the last literal kept before one is a prefix of it if any literal is
            kept: list[str] = []
            for w in sorted(leads):
                if not (kept and w.startswith(kept[-1])):
                    kept.append(w)
            leads = set(kept)
        #: the literals themselves when they are a few: ``str.find`` finds them faster than an automaton
        self._few = tuple(sorted(leads)) if leads and len(leads) <= _FEW else None
        if leads:
            self.automaton = ahocorasick.Automaton()
            for w in leads:
                self.automaton.add_word(w, len(w) - 1)
            self.automaton.make_automaton()
        # no literal within another (the automaton finds none in any literal but the literal itself): it
        # gives each start once, ascending (by end, so by start)
        self._ascending = bool(leads) and not any(back != len(w) - 1 for w in leads
                                                  for _, back in self.automaton.iter(w))
        #: how the starts may be read one by one, ascending, without listing them all first: 1 with
        #: ``str.find`` (one literal), 2 from the automaton (no literal within another), else 0
        self._lazy = (1 if len(self._few) == 1 else 0) if self._few else (2 if self._ascending else 0)

    def _starts(self, text: str, low: str) -> list[int] | None:
        if self.automaton is None or len(low) != len(text) or "ı" in text or "ſ" in text or "İ" in text:
            return None
        if self._few is None:
            if self._ascending:
                return [end - back for end, back in self.automaton.iter(low)]
            return sorted({end - back for end, back in self.automaton.iter(low)})
        starts, find = [], low.find
        for word in self._few:
            at = find(word)
            while at >= 0:
                starts.append(at)
                at = find(word, at + 1)
        return starts if len(self._few) == 1 else sorted(set(starts))

    def search(self, text: str, low: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
        endpos = len(text) if endpos is None else endpos
        lazy = self._lazy
        if lazy and len(low) == len(text) and "ı" not in text and "ſ" not in text and "İ" not in text:
            # the starts one by one, up to the first that matches (most searches stop early)
            match = self.regex.match
            if lazy == 1:
                find, word = low.find, self._few[0]
                at = find(word, pos)
                while 0 <= at <= endpos:
                    m = match(text, at, endpos)
                    if m:
                        return m
                    at = find(word, at + 1)
                return None
            for end, back in self.automaton.iter(low):
                start = end - back
                if start > endpos:
                    return None
                if start >= pos:
                    m = match(text, start, endpos)
                    if m:
                        return m
            return None
        starts = self._starts(text, low)
        if starts is None:
            return self.regex.search(text, pos, endpos)
        for start in starts:
            if pos <= start <= endpos:
                m = self.regex.match(text, start, endpos)
                if m:
                    return m
        return None

    def finditer(self, text: str, low: str) -> list[re.Match]:
        if self._lazy == 2 and len(low) == len(text) and "ı" not in text and "ſ" not in text and "İ" not in text:
            # the automaton's starts as it finds them, no list of them made
            out, after, match = [], 0, self.regex.match
            for end, back in self.automaton.iter(low):
                start = end - back
                if start >= after:
                    m = match(text, start)
                    if m:
                        out.append(m)
                        after = max(m.end(), start + 1)
            return out
        starts = self._starts(text, low)
        if starts is None:
            return list(self.regex.finditer(text))
        out, after = [], 0
        for start in starts:
            if start >= after:
                m = self.regex.match(text, start)
                if m:
                    out.append(m)
                    after = max(m.end(), start + 1)
        return out


def any_of(words: tuple[str, ...]):
    """``text -> any(w in text for w in words)``, with one Aho-Corasick pass for more than a few words.

    >>> any_of(("this corpus", "on it", "the new", "corpora"))("we train on it.")
    True
    """
    if len(words) <= 3 or "" in words:
        return lambda text: any(w in text for w in words)
    automaton = ahocorasick.Automaton()
    for w in words:
        automaton.add_word(w, w)
    automaton.make_automaton()
    return lambda text: next(automaton.iter(text), None) is not None
