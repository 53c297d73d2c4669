"""Sentence splitting for titles and abstracts.

A period, ``!`` or ``?`` ends a sentence when whitespace and a capital (or a
digit, quote or bracket, or a name like ``mBART`` or ``xP3``) follow, unless the word before it is an abbreviation
listed in ``schema/abbreviations.txt`` (``e.g.``, ``Fig.``, ``et al.``) or an
initial (``J. Smith``). Decimals and versions (``2.0``, ``v1.1``) hold no
whitespace and never split. A period glued to a capitalised word after a
lowercase one (``models.In order``), a common slip in listings, also ends a
sentence. A blank line always does.

>>> split_sentences("We use BERT, e.g. BERT-base v2.0. It works (Devlin et al. 2019). See Fig. 3.")
[(0, 'We use BERT, e.g. BERT-base v2.0.'), (34, 'It works (Devlin et al. 2019).'), (65, 'See Fig. 3.')]
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

__all__ = ["Abbreviations", "load_abbreviations", "split_sentences"]

DEFAULT_ABBREVIATIONS = Path(__file__).resolve().parents[2] / "schema" / "abbreviations.txt"

# a candidate end: punctuation (and closing quotes/brackets), then whitespace,
# then what may start a sentence; or a blank line; or ".In" glued after a lowercase word
_CANDIDATE = re.compile(
    r"""(?P<punct>[.!?]+["'\u201d\u2019)\]]*)(?P<gap>\s+)(?=["'\u201c\u2018(\[]?(?:[A-Z0-9\u00c0-\u00de]|[a-z]{1,4}[A-Z]))"""
    r"""|(?P<blank>\n[ \t]*\n\s*)"""
    r"""|(?P<glued>\.)(?=[A-Z][a-z]+\b)""")
#: _CANDIDATE as the splitter runs it: beginning with the class of a candidate's first character lets the
#: regex engine skip to one (it cannot for _CANDIDATE); each branch is told by that character. The same
#: matches (tests/test_sentences.py checks it). Groups: the punctuation after the first character and the
#: gap; the blank line after its first newline; glued (empty).
_CANDIDATE_FAST = re.compile(
    r"""[.!?\n](?:(?<=[.!?])([.!?]*["'\u201d\u2019)\]]*)(\s+)(?=["'\u201c\u2018(\[]?(?:[A-Z0-9\u00c0-\u00de]|[a-z]{1,4}[A-Z]))"""
    r"""|(?<=\n)([ \t]*\n\s*)"""
    r"""|(?<=\.)()(?=[A-Z][a-z]+\b))""")
_WORD_BEFORE = re.compile(r"(\S+)$")
_NEXT_WORD = re.compile(r"[\"'\u201c\u2018(\[]?([\w-]+)")
_INITIAL = re.compile(r"(?:^|[\s(])[A-Z]$")


class Abbreviations:
    """The abbreviation table: ``never`` (no sentence end after them) and ``maybe`` ones.

    >>> a = Abbreviations(["e.g.", "~al."], ["We"])
    >>> a.ends("e.g.", "We"), a.ends("al.", "Smith"), a.ends("al.", "We"), a.ends("models.", "Smith")
    (False, False, True, True)
    """

    def __init__(self, entries, openers=()):
        self.never: set[str] = set()
        self.maybe: set[str] = set()
        for entry in entries:
            entry = entry.strip().lower()
            if entry.startswith("~"):
                self.maybe.add(entry[1:])
            elif entry:
                self.never.add(entry)
        self.openers = frozenset(openers)
        # "et al." is matched on its last word
        self.maybe |= {e.split()[-1] for e in self.maybe if " " in e}
        self.never |= {e.split()[-1] for e in self.never if " " in e}

    def ends(self, word: str, next_word: str) -> bool:
        """Whether a period closing ``word`` ends the sentence when ``next_word`` follows."""
        key = word.lower().lstrip("([\"'")
        if key in self.never:
            return False
        if key in self.maybe:
            return next_word in self.openers
        return True


def load_abbreviations(path: Path | str = DEFAULT_ABBREVIATIONS) -> Abbreviations:
    """Read an abbreviation file: one per line, ``#`` comments, ``~`` for maybe, ``[openers]`` section."""
    entries, openers, target = [], [], None
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise OSError(f"{path}: cannot read the abbreviation list: {err}") from err
    target = entries
    for line in lines:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line == "[openers]":
            target = openers
            continue
        target.append(line)
    return Abbreviations(entries, openers)


@lru_cache(maxsize=1)
def _default() -> Abbreviations:
    return load_abbreviations()


def split_sentences(text: str, abbreviations: Abbreviations | None = None) -> list[tuple[int, str]]:
    """``(offset, sentence)`` pairs: each sentence is ``text[offset:offset + len(sentence)]``, stripped.

    >>> split_sentences("We use BERT. It works.")
    [(0, 'We use BERT.'), (13, 'It works.')]
    >>> split_sentences("Accuracy rose by 2.5 points, i.e. to 91.3. Code is public.")
    [(0, 'Accuracy rose by 2.5 points, i.e. to 91.3.'), (43, 'Code is public.')]
    """
    if abbreviations is None:
        return list(_split_default(text))
    return _split(text, abbreviations)


@lru_cache(maxsize=8192)
def _split_default(text: str) -> tuple[tuple[int, str], ...]:
    """Cached: a paper's abstract is split by several stages (mentions, relations, evidence)."""
    return tuple(_split(text, _default()))


def _split(text: str, abbr: Abbreviations) -> list[tuple[int, str]]:
    ends: list[tuple[int, int]] = []  # (end of sentence, start of next)
    never, maybe, openers = abbr.never, abbr.maybe, abbr.openers
    for m in _CANDIDATE_FAST.finditer(text):
        at, after = m.span()
        rest, gap, blank, glued = m.groups()
        if blank is not None:
            ends.append((at, after))
            continue
        if glued is not None:
            if not text[max(0, at - 2):at].isalpha() or not text[at - 2:at].islower():
                continue
            word = _word_before(text, max(0, at - 60), at)
            if word and "/" not in word and abbr.ends(word + ".", "In"):
                ends.append((after, after))
            continue
        punct = text[at:after - len(gap)]
        if punct[0] == "." and (not rest or len(punct.rstrip("\"'\u201d\u2019)]")) == 1):
            word = _word_before(text, max(0, at - 60), at)
            key = (word + "." if word else ".").lower().lstrip("([\"'")  # as Abbreviations.ends reads it
            if key in never:
                continue
            nxt = None
            if key in maybe:
                nxt = _NEXT_WORD.match(text, after)
                if (nxt.group(1) if nxt else "") not in openers:
                    continue
            # an initial ("J. Smith"): a capital after a space or bracket; "\n" for _INITIAL's "$"
            if at > 0 and ("A" <= text[at - 1] <= "Z" or text[at - 1] == "\n") and _INITIAL.search(text, max(0, at - 2), at):
                nxt = nxt or _NEXT_WORD.match(text, after)
                if nxt and nxt.group(1) not in openers:
                    continue
        ends.append((at + len(punct), after))
    out, start = [], 0
    for end, nxt_start in ends:
        _add(out, text, start, end)
        start = nxt_start
    _add(out, text, start, len(text))
    return out


def _word_before(text: str, start: int, end: int) -> str | None:
    """``_WORD_BEFORE.search(text, start, end).group(1)`` (None for no match), without the regex's slow scan.

    >>> _word_before("see Fig. 3", 0, 7), _word_before("a b\\n", 0, 4), _word_before("a ", 0, 2)
    ('Fig', 'b', None)
    """
    chunk = text[start:end]
    if chunk.endswith("\n"):
        chunk = chunk[:-1]  # "$" matches before a final newline too
    if not chunk or chunk[-1].isspace():
        return None
    return chunk.rsplit(None, 1)[-1]


def _add(out: list, text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.lstrip()
    start += len(chunk) - len(stripped)
    stripped = stripped.rstrip()
    if stripped:
        out.append((start, stripped))
