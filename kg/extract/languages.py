"""Languages: every ISO 639 language by its English name, found only in language contexts.

The names come from ``language_data`` (the data package of ``langcodes``):
each 2- or 3-letter code's English name, and the spellings papers use beside
it from ``schema/languages.tsv`` ("Bengali" and "Bangla", "Farsi" for
Persian), each found under its row's label. A capitalised name is a mention only
where the text treats it as a language (the cue tables are in
``schema/cues.toml``): a cue word follows within three words ("Turkish BERT
models", "Dutch NLP tasks"), a cue word precedes it ("for Czech", "into
Croatian"), a model name follows it, or it shares a list with such a mention
("Bosnian, Croatian, Montenegrin and Serbian"). Regional varieties are
languages of their own ("Brazilian Portuguese", "Levantine Arabic"). English is
the paper's language only in the title or before a few words of its own
("English Tweets"); named elsewhere as a language ("languages other than
English") it is a mention of :data:`BACKGROUND` confidence, which takes no
relation, as are the languages listed with it ("such as English and Chinese").

>>> finder = LanguageFinder()
>>> [(m.name, m.start) for m in finder.find("A German BERT. Even so, we test it for Czech, Slovak and Polish.")]
[('German', 2), ('Czech', 39), ('Slovak', 46), ('Polish', 57)]
>>> iso_code("Montenegrin"), iso_code("Klingonese"), iso_code("Farsi")
('cnr', None, 'fa')
>>> [m.name for m in finder.find("Results for Bangla, Farsi and Hindi.")]
['Bengali', 'Persian', 'Hindi']
>>> [m.name for m in finder.find("We translate it into Brazilian Portuguese. Portuguese Man o' War. In Czech, too.")]
['Brazilian Portuguese', 'Czech']
>>> [(m.name, m.confidence) for m in finder.find("Unlike English, it is fusional: a Polish BERT.")]
[('English', 0.5), ('Polish', 0.9)]
>>> [(m.name, m.confidence) for m in finder.find("High-resource languages such as English and Chinese.")]
[('English', 0.5), ('Chinese', 0.5)]
>>> [(m.name, m.start) for m in finder.find("Gains on English NLP tasks hold; English Wikipedia is the corpus.")]
[('English', 9)]
>>> [m.name for m in finder.find("MT for Latin American, Caribbean and African Creole languages: Acholi, Dholuo and Wolof.")]
['Acholi', 'Luo', 'Wolof']
>>> [m.name for m in finder.find("Videos in American Sign Language. German Sign Language (DGS) glosses.")]
['American Sign Language', 'German Sign Language']
"""
from __future__ import annotations

import re
from functools import lru_cache

from language_data.name_data import CODE_TO_NAMES

from kg.errors import KGError
from kg.extract.gazetteer import SCHEMA_DIR, load_cues
from kg.model import Entity, Mention

__all__ = ["BACKGROUND", "LanguageFinder", "iso_code", "language_labels", "language_names"]

#: Labels and other spellings of languages (see the module's docstring).
DEFAULT_LANGUAGES = SCHEMA_DIR / "languages.tsv"

_CODE = re.compile(r"[a-z]{2,3}")
_REGIONAL = re.compile(r"[a-z]{2,3}-(?:[A-Z]{2}|[0-9]{3})")  # a language of a region: pt-BR, es-419
# a capitalised word ("\b[A-Z][a-z]+\b", written capital first, so the regex
# engine skips ahead to capitals); two adjacent ones may form one name
_NAME = re.compile(r"[A-Z][a-z\u00E0-\u024F]+(?:[ -][A-Z][a-z\u00E0-\u024F]+)?")
_CAP_WORD = re.compile(r"[A-Z](?<=\b[A-Z])[a-z\u00E0-\u024F]+\b")
# a Bantu language's own name, its noun-class prefix in lower case: "isiZulu", "chiShona", "tshiVenda" (spellings of
# schema/languages.tsv, found beside the capitalised names)
_PREFIXED = re.compile(r"\b(?:isi|chi|si|xi|tshi)[A-Z][a-z]+\b")
# what joins the two sides of a language pair: "English-German", "English-to-French", "German→English"
_PAIR_GAP = frozenset({"-", "\u2013", "\u2014", "/", "-to-", "to", "\u2192", "->", "<->", "\u2194", "into", "\u2013to\u2013"})
_WORD = re.compile(r"[\w\-.]+|[,;:()]")
#: a demonym naming a dialect: "the Algerian dialect", "Saudi dialectal text", "Egyptian dialects"
_DIALECT = re.compile(r"\b([A-Z][a-z]+) [Dd]ialect(?:s|al)?\b")
_CODE_IN_BRACKETS = re.compile(r"\s*\(\s*[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?\s*\)")
_LIST_JOIN = {",", "and", "or", "&", "as", "well"}
#: a sign language, which says it is a language: "American Sign Language", "German Sign Language"
_SIGN_LANGUAGE = re.compile(r"\b(?:[A-Z][a-z\u00E0-\u024F]+ ){1,2}Sign Language\b")


def _without_filler(before: list[str]) -> list[str]:
    """The words before a name, a last "both" / "either" dropped (in place): "supports both English and Chinese"."""
    if before and before[-1].lower() in ("both", "either"):
        before.pop()
    return before


def _after_non(text: str, start: int) -> bool:
    """Whether "non-" comes right before ``start``: "non-English" is no language."""
    return text[max(0, start - 4):start].lower() in ("non-", "non ")


@lru_cache(maxsize=1)
def language_names() -> dict[str, str]:
    """English name or other spelling -> ISO 639 code, for every language with a 2- or 3-letter code, and
    BCP 47 tag for the regional varieties ``language_data`` names ("Brazilian Portuguese": ``pt-BR``).

    Where two codes share a name the shorter (ISO 639-1) code wins.
    """
    table: dict[str, str] = {}
    for code in sorted(CODE_TO_NAMES, key=lambda c: (len(c), c)):
        names = CODE_TO_NAMES[code]
        name = names.get("en") if _CODE.fullmatch(code) or _REGIONAL.fullmatch(code) else None
        if name and name[0].isupper() and name not in table:
            table[name] = code
    for label, spellings in _language_rows():
        code = next((table[s] for s in (label, *spellings) if s in table), None)
        if code is None:
            raise KGError(f"{DEFAULT_LANGUAGES}: no spelling of {label!r} is an ISO 639 English name")
        for spelling in (label, *spellings):
            table.setdefault(spelling, code)
    return table


@lru_cache(maxsize=1)
def language_labels() -> dict[str, str]:
    """Spelling -> label of its language's node, for the spellings of ``schema/languages.tsv`` (other names are
    their own label)."""
    return {spelling: label for label, spellings in _language_rows() for spelling in (label, *spellings)}


@lru_cache(maxsize=1)
def _language_rows(path=DEFAULT_LANGUAGES) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``(label, other spellings)`` of each row of ``schema/languages.tsv`` (read once)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise KGError(f"cannot read language names {path}: {err.strerror}") from err
    rows = []
    for number, line in enumerate(lines, 1):
        if line.strip() and not line.startswith("#"):
            label, _, aliases = line.partition("\t")
            if not aliases.strip():
                raise KGError(f"{path}:{number}: a label, a tab and its other spellings (|-separated)")
            rows.append((label.strip(), tuple(a.strip() for a in aliases.split("|") if a.strip())))
    return tuple(rows)


def iso_code(name: str) -> str | None:
    """The ISO 639 code of a language's English name."""
    return language_names().get(name)


#: the confidence of a language named only as others' or as the comparison ("languages other than English"): an
#: entity the paper mentions, which takes no relation
BACKGROUND = 0.5
# English in a word or name of its own: "English-centric", "English-speaking", "English Wikipedia" (not before an
# acronym: "English NLP tasks", "English GLUE" name the language)
_ENGLISH_COMPOUND = re.compile(r"[-\u2013](?:centric|oriented|heavy|dominant|dominated|speaking|focused|first)\b"
                               r"| [A-Z][a-z]")
# a regional adjective: "Mozambican", "Levantine", "Maghrebi", "Egyptian", "Cantonese" (a language itself: left alone)
_DEMONYM = re.compile(r"(?!(?:Clean|Plain|Mean|Boolean|Ocean|Median|Human|Wiki|Multi|Semi|Anti)\b)"
                      r"[A-Z][a-z]+(?:ian|can|ean|ine|ese|ish|i)")
#: a period or register of a language, which names a variety as a demonym does: "Classical Chinese", "Rabbinic Hebrew"
_PERIODS = frozenset({"Classical", "Rabbinic", "Biblical", "Ancient", "Medieval", "Archaic"})
_WORD_BEFORE = re.compile(r"\b([A-Z][a-z]+) \Z")
_CAP = re.compile(r"[A-Z][a-z]+")
# modifiers a variety shares with a list before it: "Egyptian, Gulf and " (before "Maghrebi Arabic")
_SHARED_MODIFIERS = re.compile(r"\b[A-Z][a-z]+(?:, [A-Z][a-z]+)*,? (?:and|or) \Z")
#: members a list of languages needs to be a language context by itself (see LanguageFinder._in_context)
_LIST_MIN = 3
#: a name said to be a language: "Swahili is a low-resource language", "English, the dominant language"
_IS_A_LANGUAGE = re.compile(r"(?:\s+(?:is|was|remains)|,)\s+(?:a|an|the|one of the)\s+(?:[\w-]+\s+){0,3}?languages?\b",
                            re.IGNORECASE)
#: a script, not a language: "Latin script", "the Arabic alphabet", "Arabic and Latin Scripts" (a title's case),
#: "the Latin and native scripts", "Latin-script"; and, for the script every European language shares,
#: "Latin-based" ("English and Latin-based LLMs")
_SCRIPT_NEXT = re.compile(r"(?:\s+(?:and|or)\s+[\w-]+)?\s+(?:[Ss]cripts?|[Aa]lphabets?|[Cc]haracters|[Oo]rthography|"
                          r"[Tt]ransliteration)\b|-script(?:ed)?\b|(?<=Latin)-based\b")
#: a region the name begins: "Latin America", "Latin American countries"
_REGION_NEXT = re.compile(r"\s+Americ(?:a|an|ans)\b")
#: what follows a language named as a noun of its own: a punctuation mark or a verb
_BARE_AFTER = re.compile(r"\s*[,.;:)]|\s+(?:is|was|has|had)\b")
_THE_BEFORE = re.compile(r"\bthe\s+$", re.I)
_BILINGUAL = re.compile(r"\b(?:(?:bi|tri)lingual\s*\(?|in both)\s*$", re.I)
# the paper presenting its own work earlier in the sentence: "We introduce NeuSpell, a toolkit for spelling correction
# in English" (English after "in" / "for" there is the language of what the paper makes)
_OWN_WORK = re.compile(r"\b(?:[Ww]e|[Tt]his (?:paper|work|study|article))\b[^.;!?]*?"
                       r"\b(?:introduc|present|propos|releas|develop|buil[dt]|creat|construct|curat)\w*")


class LanguageFinder:
    """Finds language mentions in language contexts."""

    def __init__(self, cues: dict | None = None):
        table = (cues or load_cues())["languages"]
        self.next = frozenset(table["next"])
        self.previous = frozenset(table["previous"])
        self.english_next = frozenset(table["english_next"])
        self.english_not_next = frozenset(table["english_not_next"])
        self.english_dataset_next = frozenset(table.get("english_dataset_next", ()))
        self.english_source_next = frozenset(table.get("english_source_next", ()))
        self.english_title_previous = frozenset(table["english_title_previous"])
        self.english_data = frozenset(table["english_data"])
        self.english_background_previous = frozenset(table.get("english_background_previous", ()))
        self.list_cues = frozenset(table.get("list_cues", ()))
        self.of_heads = frozenset(table.get("of_heads", ()))
        ambiguous = {a.rstrip("-") for a in table["ambiguous"]}
        self.labels = language_labels()
        # (three letters only for a language with an ISO 639-1 code, Lao, Twi, or a row of languages.tsv, Fon;
        # not Dan, Gal, Ron)
        self.names = {n: c for n, c in language_names().items()
                      if (len(n) > 3 or (len(n) == 3 and (len(c) == 2 or n in self.labels))) and n not in ambiguous}
        self.pair_firsts = frozenset(re.split("[ -]", n)[0] for n in self.names if re.fullmatch(r"\w+[ -]\w+", n))
        #: demonym -> the known varieties it names: "Tunisian" -> ["Tunisian Arabic"]
        self.varieties: dict[str, list[str]] = {}
        for n in sorted(self.names):
            first, _, rest = n.partition(" ")
            if rest in self.names:
                self.varieties.setdefault(first, []).append(n)

    def phrases(self) -> list[tuple[str, Entity]]:
        """``(name, entity)`` of every name :meth:`candidates` can find, for a phrase matcher (case-sensitive)."""
        return [(name, Entity(self.labels.get(name, name), "Language")) for name in sorted(self.names)
                if _NAME.fullmatch(name) or _PREFIXED.fullmatch(name) or _SIGN_LANGUAGE.fullmatch(name)]

    def find(self, text: str, title_end: int = 0, model_starts: frozenset[int] = frozenset(),
             spans: list[tuple[int, int, str]] | None = None,
             dataset_starts: frozenset[int] = frozenset()) -> list[Mention]:
        """Language mentions of ``text``; offsets below ``title_end`` are the title.

        ``model_starts`` are the offsets where model mentions begin: a
        language right before one is in context ("Galician BERT").
        ``spans`` are the language names in ``text`` if already found
        (``(start, end, name)``, as :meth:`candidates` gives them).
        ``dataset_starts``: where dataset mentions begin, but for the sources of
        ``english_source_next``: English right before one is the dataset's ("English CoNLL 2003").
        """
        spans = self.candidates(text) if spans is None else spans
        mentions = (self._in_context(text, self._varieties(text, spans), title_end, model_starts, dataset_starts)
                    if spans else [])
        return self._dialects(text, mentions) if "ialect" in text else mentions

    def _dialects(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """``mentions`` with a variety a demonym before "dialect" names, of the language the text names: "the
        Algerian dialect" (of Arabic) is Algerian Arabic, "Saudi dialectal text" Saudi Arabic. The language is the
        one the demonym makes a known variety of, else the only language the text names besides English, else the
        language of the demonym's only known variety ("the Tunisian dialect": Tunisian Arabic)."""
        named = {m.name for m in mentions if m.confidence > BACKGROUND and " " not in m.name and m.name != "English"}
        taken = {m.start for m in mentions}
        added = []
        for word in _DIALECT.finditer(text):
            demonym = word.group(1)
            if word.start() in taken or not self._demonym(demonym):
                continue
            known = [lang for lang in sorted(named) if f"{demonym} {lang}" in self.names]
            only = self.varieties.get(demonym, ())
            variety = (f"{demonym} {known[0]}" if known else f"{demonym} {next(iter(named))}" if len(named) == 1
                       else only[0] if len(only) == 1 else None)
            if variety:
                added.append(Mention(demonym, self.labels.get(variety, variety), "Language", word.start(),
                                     word.end(1), False, 0.9))
        return sorted(mentions + added, key=lambda m: m.start) if added else mentions

    def _varieties(self, text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """``spans`` with the regional varieties named by a demonym before a language ("Mozambican Portuguese",
        "Levantine Arabic"), and those a list shares ("Egyptian, Gulf and Maghrebi Arabic": three varieties)."""
        out = []
        for start, end, name in spans:
            if " " not in name:
                word = _WORD_BEFORE.search(text, max(0, start - 24), start)
                if word and self._demonym(word.group(1)):
                    start, name = word.start(1), f"{word.group(1)} {name}"
            if " " in name:
                head = name.rsplit(" ", 1)[1]
                shared = _SHARED_MODIFIERS.search(text, max(0, start - 80), start)
                if shared:
                    for word in _CAP.finditer(shared.group()):
                        variety = f"{word.group()} {head}"
                        if variety in self.names or self._demonym(word.group()):
                            out.append((shared.start() + word.start(), shared.start() + word.end(),
                                        self.labels.get(variety, variety)))
            out.append((start, end, name))
        return out

    def _demonym(self, word: str) -> bool:
        """Whether ``word`` is a regional adjective that may name a variety, no language itself ("Levantine")."""
        return (bool(_DEMONYM.fullmatch(word)) or word in _PERIODS) and word not in self.names

    def candidates(self, text: str) -> list[tuple[int, int, str]]:
        """Every language name in ``text``, in or out of context: ``(start, end, name)``."""
        spans = []
        names, firsts = self.names, self.pair_firsts
        reach = 0
        for word in _CAP_WORD.finditer(text):
            start, end = word.span()
            if start < reach:
                continue
            name = word.group()
            if name in firsts:  # "Modern Greek", "Haitian Creole"
                pair = _CAP_WORD.match(text, end + 1) if text[end:end + 1] in (" ", "-") else None
                both = f"{name}{text[end]}{pair.group()}" if pair else ""
                if both in names:
                    spans.append((start, pair.end(), self.labels.get(both, both)))
                    reach = pair.end()
                    continue
            if name in names:
                spans.append((start, end, self.labels.get(name, name)))
        for word in _PREFIXED.finditer(text):
            if word.group() in names:
                spans.append((word.start(), word.end(), self.labels.get(word.group(), word.group())))
        if "Sign Language" in text:
            spans = self._sign_languages(text, spans)
        return sorted(spans)

    def _sign_languages(self, text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """``spans`` with the sign languages ISO 639 names ("American Sign Language"), in place of the names
        inside them ("German" in "German Sign Language")."""
        signs = []
        for match in _SIGN_LANGUAGE.finditer(text):
            words = match.group().split(" ")
            # the longest name: "Old French Sign Language" before "French Sign Language"
            name = next((" ".join(words[i:]) for i in range(len(words) - 2) if " ".join(words[i:]) in self.names), None)
            if name:
                signs.append((match.end() - len(name), match.end(), self.labels.get(name, name)))
        if not signs:
            return spans
        inside = [(start, end) for start, end, _ in signs]
        return signs + [span for span in spans if not any(s <= span[0] < e for s, e in inside)]

    def _in_context(self, text: str, spans: list[tuple[int, int, str]], title_end: int, model_starts,
                    dataset_starts: frozenset[int] = frozenset()) -> list[Mention]:
        mentions, in_context = [], []
        for start, end, name in spans:
            ok = self._context(text, start, end, name, start < title_end, model_starts, dataset_starts)
            in_context.append(ok)
        # both sides of a language pair are in context: "English-German translation", "English-to-French"
        for i in range(len(spans) - 1):
            if text[spans[i][1]:spans[i + 1][0]].strip().lower() in _PAIR_GAP:
                in_context[i] = in_context[i + 1] = True
        # a list whose first member follows a word that announces languages is in context as a whole, English
        # too: "in 7 languages, namely English, Arabic and Hindi", "covering the languages of English, Thai and Lao"
        # (not after "in" or "like": "datasets were released in English, French and Chinese" is background)
        i, listed_english = 0, set()
        while i < len(spans):
            j = i
            while j + 1 < len(spans) and self._listed(text, spans, j, j + 1):
                j += 1
            if j > i and self._cue_before(text, spans[i][0], self.list_cues):
                in_context[i:j + 1] = [True] * (j + 1 - i)
            elif j - i + 1 >= _LIST_MIN and not any(spans[k][2] == "English" for k in range(i, j + 1)):
                # a list of languages is a language context by itself: "Hausa, Igbo and Yoruba have ..."
                in_context[i:j + 1] = [True] * (j + 1 - i)
            elif j - i + 1 >= _LIST_MIN:
                # ... with English in it, it names languages, if maybe others' ("released in English, French and
                # Chinese"): English is named as a language, and the list shares its standing below
                listed_english.update(k for k in range(i, j + 1) if spans[k][2] == "English")
            i = j + 1
        # a list of languages shares the context of any member
        self._share_along_lists(text, spans, in_context)
        # English named only as others' language or the comparison, and the languages listed with it ("such as
        # English and Chinese"): mentions that take no relation
        background = [not ok and name == "English" and (k in listed_english
                                                        or self._english_background(text, start, end, model_starts))
                      for k, ((start, end, name), ok) in enumerate(zip(spans, in_context))]
        if any(background):
            self._share_along_lists(text, spans, background, in_context)
        # ... and English on its own, wherever the text names it ("lags behind English", "its English score"): every
        # gold paper that writes it so marks it (25 of 25 without another context), though it shares that with no list
        for k, ((start, end, name), ok) in enumerate(zip(spans, in_context)):
            if name == "English" and not ok and not background[k]:
                background[k] = not _after_non(text, start) and not _ENGLISH_COMPOUND.match(text, end)
            elif not ok and not background[k]:
                # another language standing as a noun of its own ("The exception is Finnish, which ..."): named as
                # a language, though not said to be the paper's
                background[k] = self._bare_noun(text, start, end)
        for (start, end, name), ok, weak in zip(spans, in_context, background):
            if _SCRIPT_NEXT.match(text, end) or _REGION_NEXT.match(text, end):  # "written in Latin script"
                continue
            if ok or weak:
                mentions.append(Mention(text[start:end], name, "Language", start, end, False, 0.9 if ok else BACKGROUND))
        return mentions

    def _share_along_lists(self, text: str, spans, marked: list[bool], keep: list[bool] | None = None) -> None:
        """Marks every member of a list of languages (A, B, C and D) that a marked member reaches through listed
        neighbours, but those ``keep`` holds: rightwards in one sweep, then leftwards in one (a member reached
        leftwards has its right neighbour marked already, so no third sweep is needed)."""
        for order, step in ((range(1, len(spans)), -1), (range(len(spans) - 2, -1, -1), 1)):
            for i in order:
                if (not marked[i] and marked[i + step] and not (keep and keep[i])
                        and self._listed(text, spans, i, i + step)):
                    marked[i] = True

    @staticmethod
    def _listed(text: str, spans, i: int, j: int) -> bool:
        a, b = sorted((i, j))
        between = text[spans[a][1]:spans[b][0]]
        if between == "/":
            return True  # two spellings of one member: "Swahili/Kiswahili"
        # (a member's code in brackets is no gap: "Fon (fon), Igbo (ibo), and Yoruba (yor)")
        gap = _WORD.findall(_CODE_IN_BRACKETS.sub("", between) if "(" in between else between)
        if len(gap) > 1 and gap[-1].istitle() and gap[-1].isalpha():
            gap = gap[:-1]  # a variety before the next member: "Vietnamese and Simplified Chinese"
        return 0 < len(gap) <= 3 and all(w.lower() in _LIST_JOIN for w in gap)

    def _cue_before(self, text: str, start: int, cues: frozenset[str] | None = None) -> bool:
        """Whether a cue word (of ``cues``, else any of ``previous``) or "languages of / ( / : / and" comes right
        before ``start``."""
        before = _without_filler([w.lower() for w in _WORD.findall(text[max(0, start - 40):start])])
        if len(before) > 1 and before[-1] in ("of", "(", ":", "and") and before[-2] in ("languages", "language"):
            return True
        return bool(before) and before[-1] in (self.previous if cues is None else cues) and before[-1] not in {"and", "or"}

    def _data_before(self, text: str, start: int) -> bool:
        """Whether "in" right before ``start`` follows a noun of data: "questions in", "comments in"."""
        before = _WORD.findall(text[max(0, start - 40):start])[-2:]
        return len(before) == 2 and before[1] == "in" and before[0].lower() in self.english_data

    def _context(self, text: str, start: int, end: int, name: str, in_title: bool, model_starts,
                 dataset_starts: frozenset[int] = frozenset()) -> bool:
        if _after_non(text, start):
            return False  # "non-English tasks", "non-Arabic speakers"
        if name.endswith(" Sign Language"):
            return True  # the name says it is a language
        if _BILINGUAL.search(text, max(0, start - 16), start):
            return True  # "a bilingual (English and Chinese) model", "bilingual English-Chinese"
        if name == "English":
            return end + 1 in dataset_starts or self._english_context(text, start, end, in_title, model_starts)
        return self._general_context(text, start, end, model_starts)

    @staticmethod
    def _bare_noun(text: str, start: int, end: int) -> bool:
        """Whether the name stands as a noun of its own, no adjective before a noun: "The exception is Finnish, which
        ..." (not "the Dutch," the people)."""
        return bool(_BARE_AFTER.match(text, end)) and not _THE_BEFORE.search(text, max(0, start - 5), start)

    def _english_context(self, text: str, start: int, end: int, in_title: bool, model_starts) -> bool:
        """Whether English is stated as the language of the paper's own models or data (see ``english_next``)."""
        after = _WORD.findall(text[end:end + 60])[:3]
        if in_title and (end in model_starts or end + 1 in model_starts):
            return True
        first = after[0].lower().strip("-.") if after else ""
        if in_title and (self._cue_before(text, start, self.english_title_previous) or (
                text[end:end + 1] in ("", "\n") and self._cue_before(text, start))):
            return True  # "Translating Poetry into English with ...", "... Legal Language Understanding in English"
        if self._cue_before(text, start, frozenset()):
            return True  # "11 Indic languages and English", "languages (English, ...)"
        if first == "language" and text[end:end + 1] == "-":
            # "English-language legal data", not "the largest English-language models" (others')
            return len(after) < 2 or after[1].lower().strip("-.") not in self.english_not_next
        if self._data_before(text, start):
            return True  # "9,400 questions in English", "Reddit comments in English"
        if self._cue_before(text, start, self.english_title_previous) and _OWN_WORK.search(
                text, max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), 0), start):
            return True  # "We introduce NeuSpell, an open-source toolkit for spelling correction in English"
        if first in self.english_next or (in_title and first in self.next):
            return True
        # a dataset noun after a modifier or two: "an open-domain English table-to-text dataset"
        words = [w.lower().strip("-.") for w in after]
        return any(w in self.english_dataset_next
                   and all(v.islower() and v not in self.english_not_next for v in words[:i])
                   for i, w in enumerate(words[1:], 1))

    def _english_background(self, text: str, start: int, end: int, model_starts) -> bool:
        """Whether English is named as a language, if only as others' or the comparison ("languages other than
        English", "trained on English data"): not in a word of its own ("non-English", "English-centric") nor
        in a name ("English Wikipedia")."""
        if _after_non(text, start):
            return False
        if end + 1 in model_starts:
            return True  # "an English GPT-2 model", "unlike English BERT": the model's language
        if _ENGLISH_COMPOUND.match(text, end):
            return False
        return (self._general_context(text, start, end, model_starts)
                or self._cue_before(text, start, self.english_background_previous))

    def _general_context(self, text: str, start: int, end: int, model_starts) -> bool:
        """Whether a cue word, a model name or a cue before makes the name at ``start:end`` a language."""
        after = _WORD.findall(text[end:end + 60])[:3]
        rest = text[end:end + 2]
        if end + 1 in model_starts or end in model_starts:
            return True
        if _IS_A_LANGUAGE.match(text, end):
            return True  # "Swahili is a low-resource language", "English is the dominant language of the web"
        if rest.startswith("-") and after and after[0].strip("-.").lower() in self.next:
            return True
        for word in after:
            if word in ",;:()":
                break
            if word.lower().strip("-.") in self.next:
                return True
        before = _WORD.findall(text[max(0, start - 40):start])
        while (len(before) > 1 and before[-1].istitle() and before[-1].isalpha()
               and before[-1].lower() not in self.previous):
            before.pop()  # a variety or script: "into Brazilian Portuguese", "on Modern Standard Arabic"
        _without_filler(before)
        if len(before) > 1 and before[-1] == "," and before[-2].lower() in ("e.g.", "i.e."):
            before.pop()  # "languages, e.g., Swahili and Finnish"
        if len(before) > 1 and before[-1].lower() == "of" and before[-2].lower() in self.of_heads:
            return True  # "speakers of Swahili", "dialects of Arabic"
        return bool(before) and before[-1].lower() in self.previous and before[-1] not in {"and", "or"}
