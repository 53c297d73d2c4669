"""Linking: normalisation, size variants, distinct names kept apart, blocking, caching."""
from __future__ import annotations

import doctest

import pytest

import kg.link
from kg.link import Linker, normalize, size_stripped
from kg.model import Entity

ENTITIES = [
    Entity("BERT", "Model", frozenset({"BERT-Base"})),
    Entity("mBERT", "Model", frozenset({"multilingual BERT", "M-BERT"})),
    Entity("RoBERTa", "Model"),
    Entity("ALBERT", "Model"),
    Entity("DistilBERT", "Model"),
    Entity("DistilmBERT", "Model"),
    Entity("GPT-2", "Model"),
    Entity("GPT-3", "Model"),
    Entity("T5", "Model"),
    Entity("mT5", "Model"),
    Entity("LLaMA-2", "Model", frozenset({"Llama 2"})),
    Entity("LLaMA-2-Chat", "Model", frozenset({"Llama 2-Chat"})),
    Entity("Mistral 7B", "Model", frozenset({"Mistral"})),
    Entity("Mistral-Instruct", "Model", frozenset({"Mistral-7B-Instruct"})),
    Entity("Gemma", "Model"),
    Entity("Gemma-IT", "Model"),
    Entity("Falcon", "Model"),
    Entity("Tk-Instruct", "Model"),
    Entity("UltraChat", "Dataset"),
    Entity("XLM-R", "Model", frozenset({"XLM-RoBERTa"})),
    Entity("quantization", "Technique"),
    Entity("knowledge distillation", "Technique"),
    Entity("EUR-Lex", "Dataset", frozenset({"EURLEX"})),
]


@pytest.fixture(scope="module")
def linker() -> Linker:
    return Linker(ENTITIES)


def test_link_doctests():
    assert doctest.testmod(kg.link).failed == 0


@pytest.mark.parametrize("surface, name", [
    ("BERT", "BERT"), ("bert", "BERT"), ("BERT-base", "BERT"), ("BERT_LARGE", "BERT"), ("bert-large-uncased", "BERT"),
    ("BERTBASE", "BERT"), ("BERT-Large-Cased", "BERT"), ("mBERT-base", "mBERT"), ("M-BERT", "mBERT"),
    ("Multilingual BERT", "mBERT"), ("roberta-large", "RoBERTa"), ("Llama-2-7b", "LLaMA-2"),
    ("llama 2 13B", "LLaMA-2"), ("xlm-roberta-base", "XLM-R"), ("XLMR", "XLM-R"), ("gpt2", "GPT-2"),
    ("GPT-2-XL", "GPT-2"), ("quantisation", None), ("quantizaton", "quantization"),
    ("knowledge-distillation", "knowledge distillation"), ("Knowledge  Distilation", "knowledge distillation"),
    # a doubled letter is a slip of the pen, not another model (an inserted other letter is: DistilmBERT)
    ("DistillBERT", "DistilBERT"),
])
def test_link_variants_resolve_to_one_node(linker, surface, name):
    hit = linker.link(surface)
    assert (hit.name if hit else None) == name


@pytest.mark.parametrize("surface, name", [
    ("RoBERTa", "RoBERTa"), ("ALBERT", "ALBERT"), ("mBERT", "mBERT"), ("GPT-3", "GPT-3"), ("mT5", "mT5"),
    ("T5", "T5"), ("DistilmBERT", "DistilmBERT"), ("DistilBERT", "DistilBERT"),
    ("EURLEX57K", None), ("EUR-Lex-large", None), ("EURLEX", "EUR-Lex"),
    ("GPT-4", None), ("mT0", None), ("T5X", None), ("CamemBERT", None), ("DistilRoBERTa", None), ("BERTić", None),
])
def test_link_distinct_models_never_merge(linker, surface, name):
    hit = linker.link(surface)
    assert (hit.name if hit else None) == name


@pytest.mark.parametrize("surface, name", [
    # a chat / instruction-tuned model is fineTunedFrom its base, never the base; sizes in the middle go
    ("Llama-2-7b-chat", "LLaMA-2-Chat"), ("LLAMA-2-CHAT", "LLaMA-2-Chat"), ("Llama 2-Chat", "LLaMA-2-Chat"),
    ("llama-2-13B-chat-hf", "LLaMA-2-Chat"), ("Llama2Chat", "LLaMA-2-Chat"), ("Llama-2-70b", "LLaMA-2"),
    ("Mistral-7B-Instruct", "Mistral-Instruct"), ("mistral-7b-instruct-v0.2", "Mistral-Instruct"),
    ("Mistral-7B", "Mistral 7B"), ("gemma-2b-it", "Gemma-IT"), ("Gemma-7B-IT", "Gemma-IT"), ("Gemma-7B", "Gemma"),
    # a known base without a curated variant gives <base>-<Marker>
    ("Falcon-40B-instruct", "Falcon-Instruct"), ("bert-base-chat", "BERT-Chat"), ("GPT-2-XL-Instruct", "GPT-2-Instruct"),
    # names that merely end in a marker word are themselves
    ("Tk-Instruct", "Tk-Instruct"), ("Tk-Instruct-3B", "Tk-Instruct"), ("UltraChat", "UltraChat"),
    # an unknown base is no match, a two-letter marker needs a parameter count before it, a version alone is no marker
    ("FooLM-7B-chat", None), ("BERT-it", None), ("LLaMA-2-v2", None),
])
def test_link_chat_and_instruct_variants_are_distinct(linker, surface, name):
    hit = linker.link(surface)
    assert (hit.name if hit else None) == name


def test_link_variant_markers_come_from_the_caller():
    plain = Linker(ENTITIES, variants={})
    assert plain.link("Llama-2-7b-chat") is None and plain.variant_split("Llama-2-7b-chat") is None
    assert Linker(ENTITIES, variants={"sft": "SFT"}).link("llama-2-7b-sft").name == "LLaMA-2-SFT"


def test_link_exact_only_when_fuzzy_is_off(linker):
    assert linker.link("quantizaton", fuzzy=False) is None
    assert linker.link("quantizaton").name == "quantization"


def test_link_cache_is_transparent_and_cleared_on_add():
    linker = Linker(ENTITIES, cache_size=4)
    first = [linker.link(s) for s in ["BERT_LARGE", "FooNet", "gpt2", "quantizaton", "bert", "FooNet-7B"]]
    again = [linker.link(s) for s in ["BERT_LARGE", "FooNet", "gpt2", "quantizaton", "bert", "FooNet-7B"]]
    assert first == again and len(linker._cache) <= 4
    linker.add(Entity("FooNet", "Model"))
    assert linker.link("FooNet").name == "FooNet" and linker.link("FooNet-7B").name == "FooNet"


def test_link_blocking_finds_the_same_as_a_full_scan():
    """Fuzzy candidates blocked by prefix and length give what scoring every name would."""
    from rapidfuzz import fuzz, process

    names = [f"model{i:05d}net" for i in range(3000)] + ["transformerxl", "longformer"]
    linker = Linker([Entity(n, "Technique") for n in names])
    for query in ["model01234nett", "modl01234net", "transformer-xll", "longformerr", "zzzzzzzzzz"]:
        key = normalize(query)
        full = process.extractOne(key, [n for n in names if len(n) >= 9], scorer=fuzz.ratio, score_cutoff=92)
        blocked = linker.fuzzy(key)
        expect = full[0] if full and full[0][:3] == key[:3] and abs(len(full[0]) - len(key)) <= 2 else None
        assert (blocked.name if blocked else None) == expect


def test_link_pickles_without_its_cache(linker):
    import pickle

    linker.link("BERT_LARGE")
    clone = pickle.loads(pickle.dumps(linker))
    assert clone._cache == {} and clone.link("BERT_LARGE").name == "BERT"


@pytest.mark.parametrize("text, keys", [
    ("bert-large-uncased", ["bertlarge", "bert"]), ("LLaMA-2-7B", ["llama2"]), ("Mixtral-8x7B", ["mixtral"]),
    ("BERT", []), ("T5-11B", ["t5"]),
])
def test_link_size_stripped(text, keys):
    assert size_stripped(text) == keys


@pytest.mark.parametrize("a, b", [("XLM-R", "xlm_r"), ("Tiny-BERT", "TinyBERT"), ("BERTić", "bertic"), ("GPT 2", "gpt-2")])
def test_link_normalize_equates_spellings(a, b):
    assert normalize(a) == normalize(b) == normalize(normalize(a))


@pytest.mark.parametrize("text", ["BERT_LARGE", "Llama-2-7b-chat", "e.g. (v1.5)", "XLM-R", "BERTić", "Ⅻ-Net", "", "__",
                                  "BERT+CRF", "BERT +", "+#", "C# code"])
def test_link_normalize_keeps_letters_and_digits_only(text):
    from kg.link import fold, normalize

    assert normalize(text) == "".join(c for c in fold(text) if c.isalnum())


@pytest.mark.parametrize("text, key", [("HumanEval+", "humaneval+"), ("QuIP# ", "quip#"), ("SPLADE++", "splade++"),
                                       ("Min-K%++", "mink++"), ("Outlier Suppression+", "outliersuppression+"),
                                       ("T0++", "t0++"), ("Bangla2B+", "bangla2b+")])
def test_link_normalize_keeps_the_signs_that_end_a_name(text, key):
    assert normalize(text) == key == normalize(key)


def test_link_a_sign_makes_another_name():
    """ "HumanEval+" is not HumanEval, exactly nor fuzzily; a curated "SPLADE++" is not shadowed by SPLADE."""
    linker = Linker([Entity("HumanEval", "Dataset"), Entity("SPLADE", "Model"), Entity("SPLADE++", "Model"),
                     Entity("Outlier Suppression", "Technique")])
    # "Outlier Suppression+" is close enough for the fuzzy step, which takes a misspelling
    assert [linker.link(s) for s in ["HumanEval+", "QuIP#", "Outlier Suppression+"]] == [None] * 3
    assert linker.link("Outlier Supression").name == "Outlier Suppression"
    assert linker.link("SPLADE++").name == "SPLADE++" and linker.link("splade").name == "SPLADE"


def test_link_numbers_link_only_where_digit_keys_are_known():
    """A number never links to a name with letters, but a name made of digits keeps its size variants."""
    linker = Linker([Entity("BERT", "Model"), Entity("COCO", "Dataset")])
    assert [linker.link(s) for s in ["2199", "52.4", "1-2", "2019-large"]] == [None] * 4
    linker.add(Entity("2019", "Model"))
    assert linker.link("2019-large").name == "2019" and linker.link("2019").name == "2019"


def test_link_point_release_and_glued_size_are_the_model():
    linker = Linker([*ENTITIES, Entity("BioBERT", "Model"), Entity("LLaMA-3", "Model")],
                    count=r"(?:(?:\d+x)?\d+(?:\.\d+)?[bmk]|\d{1,2}l)")
    assert linker.link("BioBERTBase-v1.1").name == "BioBERT"  # a glued size under a point release
    assert linker.link("BERT-12L").name == "BERT"  # a layer count
    assert linker.link("BioBERT-v2") is None  # a major version is another model
    assert linker.unglued("biobert12l") == ["biobert"]
