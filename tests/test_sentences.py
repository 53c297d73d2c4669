"""Sentence splitting: a case table of invented abstracts."""
from __future__ import annotations

import pytest

from kg.extract.sentences import Abbreviations, load_abbreviations, split_sentences


@pytest.mark.parametrize("text,expected", [
    ("We train a model. It is small.", ["We train a model.", "It is small."]),
    ("We present mBART. mBART is small. So is xP3.", ["We present mBART.", "mBART is small.", "So is xP3."]),
    ("It beats e.g. mT5 models.", ["It beats e.g. mT5 models."]),
    ("Results improve, e.g. on parsing. We release code.", ["Results improve, e.g. on parsing.", "We release code."]),
    ("We use adapters, i.e. Small layers. They help.", ["We use adapters, i.e. Small layers.", "They help."]),
    ("As in Smith et al. (2020), we prune. It works.", ["As in Smith et al. (2020), we prune.", "It works."]),
    ("As shown by Smith et al. Our model wins.", ["As shown by Smith et al.", "Our model wins."]),
    ("It scores 91.5 on the test set. Gains are 2.3 points.", ["It scores 91.5 on the test set.", "Gains are 2.3 points."]),
    ("We release FooLM v2.0 and v1.1. Both are open.", ["We release FooLM v2.0 and v1.1.", "Both are open."]),
    ("See Fig. 3 for details. Table 2 lists sizes.", ["See Fig. 3 for details.", "Table 2 lists sizes."]),
    ("Cf. Sec. 4 and Eq. 2. Done.", ["Cf. Sec. 4 and Eq. 2.", "Done."]),
    ("Our model (ver. 2) is fast. It is small.", ["Our model (ver. 2) is fast.", "It is small."]),
    ("See Alg. 1 and Thm. 2 for the proof. Done.", ["See Alg. 1 and Thm. 2 for the proof.", "Done."]),
    ("It scores 90.1% on SQuAD v2.0 (Rajpurkar et al., 2018). Zeta is next.",
     ["It scores 90.1% on SQuAD v2.0 (Rajpurkar et al., 2018).", "Zeta is next."]),
    ("Does it work? Yes! We show it.", ["Does it work?", "Yes!", "We show it."]),
    ("We compare vs. Baselines. Ours wins.", ["We compare vs. Baselines.", "Ours wins."]),
    ("Written by J. Doe and K. Roe. We agree.", ["Written by J. Doe and K. Roe.", "We agree."]),
    ("Large models.In order to help, we prune.", ["Large models.", "In order to help, we prune."]),
    ("Code is at github.com/Foo/Bar. Enjoy.", ["Code is at github.com/Foo/Bar.", "Enjoy."]),
    ("It ends (as expected.) Then more.", ["It ends (as expected.)", "Then more."]),
    ('We say "it works." Then stop.', ['We say "it works."', "Then stop."]),
    ("Tasks, etc. are covered. The end.", ["Tasks, etc. are covered.", "The end."]),
    ("We cover tasks, parsing, tagging, etc. The rest follows.", ["We cover tasks, parsing, tagging, etc.", "The rest follows."]),
    ("First paragraph\n\nsecond paragraph", ["First paragraph", "second paragraph"]),
    ("lowercase after period. then no split", ["lowercase after period. then no split"]),
    ("   ", []),
    ("", []),
])
def test_sentences_split_table(text, expected):
    assert [s for _, s in split_sentences(text)] == expected


@pytest.mark.parametrize("text", [
    "We use BERT, e.g. BERT-base v2.0. It works (Devlin et al. 2019). See Fig. 3.",
    "  Leading space. And  trailing space.  ",
    "One.Two. Three.\n\nFour",
])
def test_sentences_offsets_point_into_text(text):
    for offset, sentence in split_sentences(text):
        assert text[offset:offset + len(sentence)] == sentence
        assert sentence == sentence.strip()


def test_sentences_abbreviation_table_is_data():
    abbr = load_abbreviations()
    assert not abbr.ends("e.g.", "We") and not abbr.ends("Fig.", "3")
    assert abbr.ends("al.", "We") and not abbr.ends("al.", "Smith")
    custom = Abbreviations(["foo."])
    assert [s for _, s in split_sentences("A foo. Bar. Baz.", custom)] == ["A foo. Bar.", "Baz."]


def test_sentences_fast_candidate_regex_matches_the_readable_one():
    import random
    from kg.extract.sentences import _CANDIDATE, _CANDIDATE_FAST

    pieces = ["e.g.", "et al.", "J.", "Fig.", " ", "  ", "\n", "\n \n", ". ", "?! ", "!", '"', "\u201d", ")", "(",
              "models.In", "In", "We", "the", "v2.0", "3", "\u00c9t\u00e9", "x.Y", "..."]
    rnd = random.Random(7)
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 10)))
        assert [m.span() for m in _CANDIDATE.finditer(text)] == [m.span() for m in _CANDIDATE_FAST.finditer(text)], text
