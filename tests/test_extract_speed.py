"""Speed-only rewrites of the extraction stages give what the plain code gives.

Each fast path is checked against a reference written the obvious way (the
code it replaced), on crafted edge cases and on the bundled corpus.
"""
from __future__ import annotations

import random
import re

import pytest

from kg.extract import Extractor
from kg.extract.literals import Leading
from kg.extract.relations import (_OTHERS, TYPE_CODE, _default_extractor, _skeleton, _spaced,
                                  paper_sentences)
from kg.ingest import merge_papers, read_papers
from kg.model import Mention


def _reference_skeleton(text, offset, sentence, mentions):
    """The skeleton as the code before the fast path built it: every piece through _spaced."""
    end = offset + len(sentence)
    parts, here, positions, cursor, length = [], [], [], offset, 0
    for m in mentions:
        if m.start < offset:
            continue
        if m.start >= end:
            break
        if m.start < cursor or m.end > end or m.type not in TYPE_CODE:
            continue
        gap = _spaced(text[cursor:m.start])
        token = _spaced(text[m.start:m.end]) if m.type == "Technique" else f"«{TYPE_CODE[m.type]}{len(here)}»"
        parts += (gap, token)
        positions.append(length + len(gap))
        length += len(gap) + len(token)
        here.append(m)
        cursor = m.end
    parts.append(_spaced(text[cursor:end]))
    return "".join(parts), here, positions


def _mentions_of(text, spans):
    return [Mention(text[s:e], text[s:e], etype, s, e) for s, e, etype in spans]


@pytest.fixture(scope="module")
def corpus(corpus_dir):
    papers = merge_papers(read_papers([corpus_dir]))
    extractor = Extractor()
    return [(paper, extractor.mentions(paper)) for paper in papers[:150]]


@pytest.mark.parametrize("text,spans", [
    ("We tune BERT and pruning on GLUE.", [(8, 12, "Model"), (17, 24, "Technique"), (28, 32, "Dataset")]),
    ("We  tune BERT\nwith «x» and pruning.", [(9, 13, "Model"), (27, 34, "Technique")]),
    ("A Task named Foo and BERT.", [(2, 6, "Task"), (13, 16, "Model"), (21, 25, "Model")]),
    ("BERT BERT overlapping", [(0, 4, "Model"), (2, 6, "Model"), (5, 9, "Model")]),
])
def test_skeleton_matches_reference(text, spans):
    mentions = _mentions_of(text, spans)
    for cut in range(len(text) + 1):  # every split into two sentences, mentions across the cut included
        for offset, sentence in ((0, text[:cut]), (cut, text[cut:])):
            assert _skeleton(text, offset, sentence, mentions) == _reference_skeleton(text, offset, sentence, mentions)


def test_skeleton_many_placeholders():
    # more mentions than the table of placeholders holds
    words = [f"M{i}" for i in range(80)]
    text = " ".join(words) + "."
    spans, at = [], 0
    for i, w in enumerate(words):
        spans.append((at, at + len(w), ("Model", "Dataset", "Language", "Technique")[i % 4]))
        at += len(w) + 1
    mentions = _mentions_of(text, spans)
    got = _skeleton(text, 0, text, mentions)
    assert got == _reference_skeleton(text, 0, text, mentions)
    assert "«L78»" in got[0]


def test_skeleton_on_corpus(corpus):
    for paper, mentions in corpus:
        for offset, sentence in paper_sentences(paper):
            assert (_skeleton(paper.text, offset, sentence, mentions)
                    == _reference_skeleton(paper.text, offset, sentence, mentions))


@pytest.mark.parametrize("pattern", [
    r"\b(?:learn|learned|learning|learnt) from «M\d+»",
    r"(?:is|as|was|of) (?:trained|built)",
    r"\b(?:perform|outperform|match|exact match)s? «M\d+»",
    r"(?:re|are|rere)\w*",
])
def test_leading_with_prefixed_literals(pattern):
    regex = re.compile(pattern, re.IGNORECASE)
    lead = Leading(regex)
    words = ["learn", "learned", "learning", "learnt", "from", "«M1»", "is", "as", "was", "of", "trained", "built",
             "perform", "outperforms", "match", "exact", "are", "rere", "re", "X", "ſ", "ı"]
    rng = random.Random(7)
    for _ in range(400):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 12)))
        text = "".join(c.upper() if rng.random() < 0.2 else c for c in text)
        low = text.lower()
        assert [m.span() for m in lead.finditer(text, low)] == [m.span() for m in regex.finditer(text)], text
        first = regex.search(text)
        got = lead.search(text, low)
        assert (got and got.span()) == (first and first.span()), text


def test_others_bit_is_the_hint(corpus):
    rx = _default_extractor()
    for paper, _ in corpus:
        for _, sentence in paper_sentences(paper):
            low = sentence.lower()
            assert bool(rx._scan(sentence, low)[2] & _OTHERS) == any(w in low for w in rx._others_words)


def test_every_lead_matcher_is_its_regex(corpus):
    """Each regex the relation stage tries at its lead literals finds what the regex's own finditer / search does,
    over every sentence skeleton of the papers and the start of each (a window cut from it)."""
    rx = _default_extractor()
    leads = [lead for lead in (*rx._lead.values(), *rx._lead_of.values(), rx._anaphor_lead, rx._evaluation_lead,
                               rx._provide_lead) if lead is not None]
    texts = []
    for paper, mentions in corpus[:60]:
        for offset, sentence in paper_sentences(paper):
            skel = _skeleton(paper.text, offset, sentence, mentions)[0]
            texts += [skel, skel[: len(skel) // 2], sentence]
    texts += ["The model is ours.", "İt is ours; ſo we", "both models", "  the  base model"]
    for text in texts:
        low = text.lower()
        for rule, matches in zip(rx.rules, rx._matchers):
            assert [m.span() for m in matches(text, low)] == [m.span() for m in rule.regex.finditer(text)], (
                rule.source, text)
        for lead in leads:
            assert [m.span() for m in lead.finditer(text, low)] == [m.span() for m in lead.regex.finditer(text)]
            got, first = lead.search(text, low), lead.regex.search(text)
            assert (got and got.span()) == (first and first.span()), (lead.regex.pattern, text)


def test_leads_after_a_start_anchor():
    from kg.extract.literals import lead_words

    lead = Leading(re.compile(r"\b(?:we|^(?:the|both) models?)\b", re.IGNORECASE))
    assert sorted(lead_words(lead)) == ["both", "the", "we"]
    text = "The model we use; the models"
    assert [m.group() for m in lead.finditer(text, text.lower())] == ["The model", "we"]


def test_fast_relation_is_the_dataclass():
    from dataclasses import fields

    from kg.extract.relations import _relation
    from kg.model import Relation

    # the fast constructor sets every field the dataclass has, in its order
    assert [f.name for f in fields(Relation)] == ["subject", "predicate", "object", "paper", "sentence", "confidence"]
    args = (("Model", "A"), "basedOn", ("Model", "B"), "t:x", "A is based on B.", 0.8)
    fast, slow = _relation(*args), Relation(*args)
    assert fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow)


def test_leads_lengthened_by_a_group():
    from kg.extract.literals import lead_words

    lead = Leading(re.compile(r"\b(?:this|that|these) (?:data|corpus)", re.IGNORECASE))
    assert sorted(lead_words(lead)) == ["that", "these", "this"]  # "th", then the group's own
    text = "This corpus and that data, these models"
    assert [m.group() for m in lead.finditer(text, text.lower())] == ["This corpus", "that data"]


def test_acted_bit_is_the_hint(corpus):
    from kg.extract.relations import _ACTED

    rx = _default_extractor()
    assert rx._technique_object_hint  # the table has hint words, so the bit is tested
    for paper, _ in corpus:
        for _, sentence in paper_sentences(paper):
            low = sentence.lower()
            assert bool(rx._scan(sentence, low)[2] & _ACTED) == any(w in low for w in rx._technique_object_hint)


def _plain_token(extractor, token):
    """What a name-shaped token is, through every linking step (the code before the number fast path)."""
    from kg.extract.mentions import strip_affixes
    from kg.extract.pipeline import _ACRONYM_PLURAL, _lowered_name
    from kg.link import normalize

    offset, core = strip_affixes(token, extractor.modifiers, extractor._variant_words)
    entity = extractor.linker.link(core, fuzzy=False)
    shaped = entity is None and core not in extractor.discover.generic and extractor._shape_type(core)
    if entity is None:
        key = normalize(core)
        entity = (extractor.linker.fuzzy(key) if key else None) or extractor._dataset_variant(core)
    if entity is not None and _ACRONYM_PLURAL.fullmatch(core) and core.upper() in (entity.name, *entity.aliases):
        entity, shaped = None, core not in extractor.discover.generic and extractor._shape_type(core)
    elif entity is not None and entity.name in extractor.gazetteer.exact_case and _lowered_name(core, entity):
        entity, shaped = None, core not in extractor.discover.generic and extractor._shape_type(core)
    return offset, core, entity, shaped if entity is None else ""


_NUMBERS = ["0", "7", "2023", "52.4", "1.5.2", "00123", "12345678", "123456789", "1234567890123", "3.14159265358"]


def test_number_tokens_as_the_linking_steps(corpus):
    from kg.extract.gazetteer import load_gazetteer
    from kg.extract.mentions import name_tokens
    from kg.model import Entity

    base = load_gazetteer()
    # a gazetteer with a key of digits only, and one whose fuzzy block a long number falls in
    digits = base.extended((Entity("2023", "Dataset"), Entity("123456788", "Dataset")))
    tokens = {t for paper, _ in corpus for _, _, t in name_tokens(paper.text)} | set(_NUMBERS)
    assert sum(t.replace(".", "").isdigit() for t in tokens) > 50  # the corpus has numbers of its own
    for extractor in (Extractor(), Extractor(gazetteer=digits)):
        for token in sorted(tokens):
            assert extractor._token(token) == _plain_token(extractor, token), token
    assert Extractor(gazetteer=digits)._token("2023")[2] == Entity("2023", "Dataset")


def _plain_leftmost_longest(found):
    found = sorted(found, key=lambda f: (f[0], -f[1]))  # by start, the longest first (ties in their order)
    out, reach = [], -1
    for start, end, entity in found:
        if start >= reach:
            out.append((start, end, entity))
            reach = end
    return out


def test_leftmost_longest_as_the_plain_sort():
    from kg.extract.mentions import _leftmost_longest

    rng = random.Random(3)
    for _ in range(3000):
        found = []
        for i in range(rng.randint(0, 7)):
            start = rng.randint(0, 30)
            found.append((start, start + rng.randint(0, 6), i))
        if rng.random() < 0.5:  # as a scan mostly gives them: by end
            found.sort(key=lambda f: f[1])
        assert _leftmost_longest(list(found)) == _plain_leftmost_longest(found), found


def _plain_mentions(extractor, paper):
    """``Extractor.mentions`` as written before the speed round: every candidate's order through a tuple, the
    chosen spans and the languages sorted together at the end."""
    from kg.extract.mentions import overlaps
    from kg.extract.pipeline import _URL, _mention, _one_spelling

    text = paper.text
    chosen, taken = [], bytearray(len(text) + 1)
    candidates, languages = extractor._candidates(paper, text)
    if "://" in text or "www." in text:
        urls = [m.span() for m in _URL.finditer(text)]
        candidates = [c for c in candidates if not overlaps(urls, c[0], c[1])]
        languages = [lang for lang in languages if not overlaps(urls, lang[0], lang[1])]
    introduced = {(c[2], c[3]) for c in candidates if c[4]}
    for _, _, _, _, i in sorted([(c[0] - c[1], c[6], c[0], c[2], i) for i, c in enumerate(candidates)]):
        start, end = candidates[i][0], candidates[i][1]
        if taken.find(1, start, end) < 0 if start < end else not overlaps([c[:2] for c in chosen], start, end):
            chosen.append(candidates[i])
            taken[start:end] = b"\x01" * (end - start)
    chosen = [c for c in chosen if not (c[3] == "Technique" and extractor._generic_technique(text, c[0], c[1]))]
    for cand in extractor._listed_models(text, chosen, taken):
        chosen.append(cand)
        taken[cand[0]:cand[1]] = b"\x01" * (cand[1] - cand[0])
    spelled = _one_spelling(sorted(chosen, key=lambda c: (c[0], -c[1], c[2])))
    introduced = {(spelled.get((etype, name), name), etype) for name, etype in introduced}
    mentions = [_mention(text[s:e], spelled.get((etype, name), name), etype, s, e,
                         (spelled.get((etype, name), name), etype) in introduced, conf)
                for s, e, name, etype, _, conf, _ in chosen]
    mentions = [extractor._as_component(text, m) if m.name in extractor._components else m for m in mentions]
    mentions = [extractor._as_baseline(text, m) if m.name in extractor._baselines else m for m in mentions]
    model_starts = frozenset(m.start for m in mentions if m.type == "Model")
    for lang in extractor.languages.find(text, len(paper.title), model_starts, languages):
        if taken.find(1, lang.start, lang.end) < 0:
            mentions.append(lang)
    mentions.sort(key=lambda m: (m.start, -m.end, m.name))
    return mentions


def test_mentions_as_the_plain_merge(corpus):
    from kg.model import Paper

    extractor = Extractor()
    papers = [paper for paper, _ in corpus] + [
        Paper("t:lang", "A Galician BERT", "We train Galician BERT and compare it with mBERT for Galician and Basque."),
        Paper("t:url", "Code", "BERT and GPT-2 at https://github.com/Foo/BERT-tools; see www.example.org/GPT-2."),
        Paper("t:arch", "Zorb", "Zorb combines Mamba with attention and is 3x faster than Transformers and Mamba."),
    ]
    assert any(m.type == "Language" for p in papers for m in extractor.mentions(p))
    for paper in papers:
        assert extractor.mentions(paper) == _plain_mentions(extractor, paper), paper.key


def _plain_scan_layers(matcher, text):
    """The phrase layers of ``matcher.scan(text)`` with every hit, one-entry ones too, resolved by ``_resolve``."""
    from kg.extract.mentions import _haystack, lower_same_length

    lowered = lower_same_length(text)
    found = [[] for _ in range(matcher.layers)]
    for last, (back, length, _, entries, groups) in matcher._words.iter(_haystack(lowered)) if len(matcher._words) else ():
        if groups is None:
            matcher._resolve(text, lowered, last - back, last - back + length, entries, found)
    for end, (_, length, _, entries, _) in matcher._exact.iter(text) if len(matcher._exact) else ():
        start, end = end + 1 - length, end + 1
        if not ((start > 0 and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum())):
            matcher._resolve(text, lowered, start, end, entries, found)
    return [_plain_leftmost_longest(f) for f in found]


def test_scan_as_every_hit_resolved_alike(corpus):
    from kg.extract.mentions import PhraseMatcher
    from kg.model import Entity

    extractor = Extractor()
    texts = [paper.text for paper, _ in corpus] + [
        "KR-BERT, BERT-base and bert_large; a clinical BERT, Clinical BERT and GLUE-style GLUE.",
        "self attention and self-attention, Conll 2003 and CoNLL-2003; ΣBERT and xΣBERT and ΣBERT-base.",
    ]
    sigma = PhraseMatcher([("ΣBERT", Entity("ΣBERT", "Model")), ("BERT", Entity("BERT", "Model"))],
                          suffixes=["base"])
    for matcher in (extractor.phrases, sigma):
        for text in texts:
            assert matcher.scan(text).layers == _plain_scan_layers(matcher, text), text
    assert [e.name for _, _, e in sigma.find(texts[-1])] == ["ΣBERT", "ΣBERT"]


# -- name discovery (kg/extract/discovery.py): each fast path against the plain code it replaced ----------------

def _plain_long_form(words, letters):
    """The long form as first written: every tail from one word, the length (its words but short function
    words) checked after the spelling."""
    from kg.extract.discovery import _LONG_FORM_GLUE, _initials

    if not letters:
        return None
    for n in range(1, len(words) + 1):
        tail = words[-n:]
        content = sum(w not in _LONG_FORM_GLUE for w in tail)
        if content > len(letters) + 2:
            return None
        initial = tail[0][0]
        if initial.lower() != letters[0] or not initial.isalpha():
            continue
        it = iter("".join(_initials(w) for w in tail))
        if all(ch in it for ch in letters) and content >= max(2, len(letters) - 2):
            return tail
    return None


def test_long_form_as_the_plain_loop():
    from kg.extract.discovery import _long_form

    vocab = ["Weight", "Decomposed", "Low", "Rank", "Adaptation", "the", "of", "Open", "Pre", "trained", "a", "in",
             "with", "Transformers", "REtrieval", "Zeta", "Encoder", "Bidirectional", "dual-Path", "x", "Net", "Rotary",
             "rank"]
    rng = random.Random(3)
    found = 0
    for _ in range(4000):
        words = [rng.choice(vocab) for _ in range(rng.randint(0, 9))]
        if words and rng.random() < 0.5:  # spelled by a tail, a letter dropped or added at times
            letters = [w[0].lower() for w in words[-rng.randint(1, len(words)):]]
            letters = letters[1:] if rng.random() < 0.2 else letters + list(rng.choice(["", "x", "r"]))
        else:
            letters = [rng.choice("wdlraoptbzxne") for _ in range(rng.randint(0, 6))]
        got = _long_form(words, letters)
        assert got == _plain_long_form(words, letters), (words, letters)
        found += got is not None
    assert found > 400


def _plain_title_techniques(d, paper, scan):
    """:meth:`NameDiscoverer.title_techniques` without the look for a capitalised head first."""
    from kg.extract.discovery import _FUNCTION_WORDS, _TITLE_PHRASE, Found

    found = []
    for m in _TITLE_PHRASE.finditer(paper.title):
        words = m.group().split()
        if (words[-1].lower() not in d.title_heads
                or any(w.lower() in d.stop or w.lower() in d.title_stop or w.lower() in _FUNCTION_WORDS for w in words)):
            continue
        at = paper.abstract.lower().find(m.group().lower())
        if at < 0:
            continue
        start = len(paper.title) + 1 + at
        name = scan.text[start:start + len(m.group())]
        if name.lower() not in d.generic_phrases:
            found.append(Found(name, "Technique", start, start + len(name), True, how="title-technique"))
    return found


def _plain_used_as_method(name, text):
    """:meth:`NameDiscoverer._used_as_method` with the pattern before the name tried at every mention."""
    from kg.extract.discovery import _METHOD_AFTER, _METHOD_BEFORE, _find_all

    for at in _find_all(text, name, 0):
        end = at + len(name)
        if (end < len(text) and (text[end].isalnum() or text[end] == "-")) or (at and text[at - 1].isalnum()):
            continue
        if _METHOD_AFTER.match(text, end) or _METHOD_BEFORE.search(text, max(0, at - 90), at):
            return True
    return False


def _plain_type_near(d, before, after=""):
    """:meth:`NameDiscoverer.type_near` reading every word, and every pair, of both sides."""
    from kg.extract.discovery import _DATA_COUNT, _WORDS

    words = _WORDS.findall(before.lower())[::-1][:8]
    for side in range(2):
        if side:
            if _DATA_COUNT.match(after):
                return "Dataset"
            words = _WORDS.findall(after.lower())[:8]
        previous = None
        for word in words:
            hit = d._cue_rank.get(word)
            if previous is not None:
                pair = d._cue_rank.get(f"{previous} {word}")
                if pair is not None and (hit is None or pair < hit):
                    hit = pair
            if hit is not None:
                return hit[1]
            previous = word
    return None


def _plain_discover(d, paper, scan):
    """:meth:`NameDiscoverer.__call__` as first written: every pattern called, the paper's names typed alike."""
    from dataclasses import replace

    found = (d.title(paper) + d.introduced(paper, scan) + d.acronyms(paper, scan) + d.datasets(paper, scan)
             + d.headed(paper, scan) + d.methods(paper, scan) + _plain_title_techniques(d, paper, scan)
             + d.bare_methods(paper, scan) + d.listed(paper, scan)
             + d.described(paper, scan) + d.components(paper, scan) + d.mates(paper, scan)
             + d.trained_on(paper, scan) + d.variants(paper, scan) + d.ours(paper, scan) + d.results(paper, scan)
             + d.parts(paper, scan))
    # a capitalised word the text also writes in lower case is no name, unless the title or an introducing verb
    # presents it
    found = [f for f in found if f.how in ("title", "intro", "intro-weak")
             or not (f.name[:1].isupper() and f.name[1:].islower() and f.name.isalpha()
                     and re.search(r"(?<![^\W_])" + re.escape(f.name.lower()) + r"(?![^\W_])", scan.text))]
    short = {alias for f in found if f.how == "acronym" and f.type != "Model" and d.known_type(f.name)
             for alias in f.aliases if not d.known_type(alias)}
    presented = {f.name for f in found if f.name in short and f.introduced and f.how != "intro-weak"}
    found = [replace(f, introduced=True, how="presented") if f.how == "acronym" and presented & set(f.aliases) else f
             for f in found if f.how == "acronym" or f.name not in short]
    tasks = d.task_short_forms(paper.text, {f.name for f in found if f.how != "title"})
    found = [f for f in found if f.name not in tasks or f.how == "title"]
    own = {f.name for f in found if f.introduced and f.type == "Model"}
    types = {}
    described = {f.name for f in found if f.how in ("dataset", "described")}
    for f in sorted(found, key=lambda f: f.guessed and f.name in described):
        if f.name not in types:
            if f.type != "Model" and f.introduced and d._is_trained(f.name, paper.abstract):
                types[f.name] = "Model"
            elif (f.type == "Model" and f.introduced
                  and ((not d._stems.within(f.name) and d.type_of_name(f.name) != "Dataset"
                        and _plain_used_as_method(f.name, paper.text))
                       or (len(own) > 1 and d._framework(f.name, paper.text) and not d._sized(f.name, own)))
                  and not d._is_trained(f.name, paper.abstract)):
                types[f.name] = "Technique"
            else:
                types[f.name] = f.type
    return [f if f.type == types[f.name] else replace(f, type=types[f.name]) for f in found]


@pytest.fixture(scope="module")
def discovery_papers(corpus_dir):
    """The bundled corpus, its abstracts' sentences recombined (seeded), and crafted papers: non-ASCII text, no
    cue word at all, dashes, naming words, methods named before a name, title heads."""
    from kg.model import Paper

    papers = merge_papers(read_papers([corpus_dir]))
    rng = random.Random(11)
    sentences = [s for p in papers for s in re.split(r"(?<=[.!?]) (?=[A-Z])", p.abstract)]
    mixed = [Paper(f"t:mix{i}", rng.choice(papers).title, " ".join(rng.sample(sentences, rng.randint(2, 9))))
             for i in range(300)]
    crafted = [
        Paper("t:a", "KoSum: A Benchmark for Korean", "We introduce KoSum. Our model, dubbed FooNet, wins."),
        Paper("t:b", "Zorro", "Zorro is trained on KoraQA. We propose Zorro, a distillation method. Zorro runs."),
        Paper("t:c", "Rotary Gating Attention for Long Inputs", "We study rotary gating attention (RGA) on tasks."),
        Paper("t:d", "Ünïcode Wörk: a study", "Wir stellen vor: we present Ünï, called Ünï-chat; e.g. a model -- "
              "FooLM -- is trained. Here we propose the Zeta Reading Dataset (ZRD). It was fine-tuned with Kora."),
        Paper("t:e", "Plain words only", "nothing here to find, no cue at all"),
        Paper("t:f", "A new framework", "A contrastive framework, dubbed Kora, and a method called Zeta. "
              "We apply Kora. Applying the Zeta to BERT works. We present Kora and Zeta; we present Kora again."),
    ]
    return papers + mixed + crafted


def test_discovery_as_the_plain_code(discovery_papers):
    """Every pattern not called without its cues, title techniques looked for after a head only, the method
    pattern tried after its last words only, sentence bounds shared by the hits in one sentence: the same names."""
    extractor = Extractor()
    d = extractor.discover
    named = 0
    for paper in discovery_papers:
        for scan in (extractor.phrases.scan(paper.text), d.scan(paper)):
            got = d(paper, scan)
            assert got == _plain_discover(d, paper, scan), paper.key
            assert d.title_techniques(paper, scan) == _plain_title_techniques(d, paper, scan), paper.key
            named += len(got)
    assert named > 1000


def test_used_as_method_and_type_near_as_the_plain_code(discovery_papers):
    extractor = Extractor()
    d = extractor.discover
    for paper in discovery_papers[-310:]:
        text = paper.text
        for name in {w.strip(".,;:()") for w in text.split()} - {""}:
            assert d._used_as_method(name, text) == _plain_used_as_method(name, text), (paper.key, name)
        for cut in range(0, len(text), 7):
            before, after = text[max(0, cut - 60):cut], text[cut:]
            assert d.type_near(before, after) == _plain_type_near(d, before, after), (paper.key, cut)


def _load_bench_corpus():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "benchmarks" / "corpus.py"
    spec = importlib.util.spec_from_file_location("kg_bench_corpus", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def batch_papers(corpus_dir, tmp_path_factory):
    """The bundled corpus, then 300 recombined abstracts (benchmarks/corpus.py) and an empty one."""
    from kg.model import Paper

    path = tmp_path_factory.mktemp("speed6") / "mixed.jsonl"
    with path.open("w", encoding="utf-8") as out:
        _load_bench_corpus().write_corpus(300, out, seed=6)
    return (merge_papers(read_papers([corpus_dir])) + merge_papers(read_papers([path]))
            + [Paper("t:empty", "", ""), Paper("t:url", "Code", "BERT at https://github.com/Foo/BERT-tools.")])


@pytest.mark.parametrize("learned", [False, True])
def test_extract_many_as_each_paper_alone(batch_papers, learned):
    """Stage by stage over chunks (one at a batch boundary, one across several) gives each paper's own call,
    cold caches or warm, with learned names or without."""
    from kg.extract.pipeline import STAGE_BATCH

    extractor = Extractor()
    if learned:
        extractor.learn(batch_papers)
    sizes = (1, STAGE_BATCH - 1, STAGE_BATCH, STAGE_BATCH + 1, 3 * STAGE_BATCH + 5, 500)
    chunks, at = [], 0
    for i in range(len(batch_papers)):  # cut the papers into chunks of every size above, in turn
        if at >= len(batch_papers):
            break
        chunks.append(batch_papers[at:at + sizes[i % len(sizes)]])
        at += len(chunks[-1])
    many = [ex for chunk in chunks for ex in extractor.extract_many(chunk)]
    alone = [extractor(paper) for paper in batch_papers]
    assert sum(len(ex.relations) for ex in alone) > 500 and sum(len(ex.mentions) for ex in alone) > 3000
    assert many == alone
    assert [m for chunk in chunks for m in extractor.mentions_many(iter(chunk))] == [list(ex.mentions) for ex in alone]


def test_extract_many_of_nothing():
    extractor = Extractor()
    assert extractor.extract_many([]) == [] and extractor.mentions_many(iter(())) == []


def test_extract_chunk_runs_the_chunk_stage_by_stage():
    """The build's chunks go through extract_many, and give what each paper's call gives."""
    from kg.model import Paper
    from kg.parallel import extract_chunk

    class Counting(Extractor):
        calls = 0

        def extract_many(self, papers):
            Counting.calls += 1
            return super().extract_many(papers)

    papers = [Paper("t:a", "KR-BERT: A Korean BERT", "We compare KR-BERT with BERT-base on KorQuAD."),
              Paper("t:b", "Plain", "We fine-tune RoBERTa on GLUE with LoRA.")]
    extractor = Counting()
    many = extract_chunk(papers, extractor)
    assert Counting.calls == 1
    assert many[:2] == extract_chunk(papers, lambda paper: Extractor.__call__(extractor, paper))[:2]


def test_span_index_finds_exactly_the_overlapping_spans():
    """``pipeline._SpanIndex`` (which keeps a long text with many names linear) gives what a scan of every
    span gives: the spans ``(s, e)`` with ``s < end`` and ``start < e``."""
    import random

    from kg.extract.pipeline import _SpanIndex

    rng = random.Random(7)
    for _ in range(200):
        spans = [(s, s + rng.randint(0, 30)) for s in (rng.randint(-1, 300) for _ in range(rng.randint(0, 40)))]
        index = _SpanIndex(spans)
        for _ in range(20):
            start = rng.randint(-5, 320)
            end = start + rng.randint(0, 40)
            assert index.overlapping(start, end) == sorted((s, e) for s, e in spans if s < end and start < e)
