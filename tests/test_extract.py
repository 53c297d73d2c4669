"""Entity extraction: phrase matching, name-shaped tokens, discovery, languages, the pipeline.

Sentences here are written for the tests, never taken from the corpus.
"""
from __future__ import annotations

import doctest

import pytest

import kg.extract.discovery
import kg.extract.gazetteer
import kg.extract.languages
import kg.extract.mentions
import kg.extract.pipeline
from kg.extract import Extractor
from kg.extract.mentions import PhraseMatcher, SubstringIndex, name_tokens
from kg.model import Entity, Paper


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def test_curated_gazetteer_gives_each_spelling_one_entry():
    """No name or alias of ``schema/gazetteer.tsv`` is another entry's once case and separators go (as the
    phrase scan reads them): lists made apart ("ESimCSE" a Model in one, a Technique in another) must not both
    land. A sign keeps names apart ("CodeT5" / "CodeT5+")."""
    owners: dict[tuple, set[str]] = {}
    for entity in kg.extract.gazetteer.load_gazetteer().entities:
        for spelling in (entity.name, *entity.aliases):
            lowered = spelling.lower()
            key = (kg.extract.mentions._NON_ALNUM.sub(" ", lowered).split(), kg.extract.mentions._SIGN.findall(lowered))
            owners.setdefault(repr(key), set()).add(f"{entity.name} ({entity.type})")
    assert {key: names for key, names in owners.items() if len(names) > 1} == {}


@pytest.mark.parametrize("module", [kg.extract.mentions, kg.extract.gazetteer, kg.extract.languages,
                                    kg.extract.discovery, kg.extract.pipeline])
def test_extract_doctests(module):
    assert doctest.testmod(module).failed == 0


# -- phrase matching ---------------------------------------------------------
def _pm(*surfaces, exact=()):
    types = {"pruning": "Technique", "knowledge distillation": "Technique"}
    return PhraseMatcher([(s, Entity(s, types.get(s, "Model"))) for s in surfaces], set(exact))


@pytest.mark.parametrize("text, found", [
    ("We prune BERT.", ["BERT"]),
    ("KR-BERT and GottBERT are not BERT_x nor BERT-2.", []),
    ("Structured layer-pruning of bert", ["pruning"]),  # short all-capital names keep their case
    ("via knowledge distillation, (BERT)", ["knowledge distillation", "BERT"]),
    ("Knowledge Distillation", ["knowledge distillation"]),
    ("GLUE, glue and Glue", ["GLUE"]),
    ("The Pile and the pile", ["Pile"]),
    ("BERT-base beats BERT", ["BERT-base", "BERT"]),
    ("", []),
])
def test_mentions_phrase_matcher_whole_words_and_case(text, found):
    pm = _pm("BERT", "BERT-base", "pruning", "knowledge distillation", "GLUE", "Pile", exact={"Pile"})
    assert [e.name for _, _, e in pm.find(text)] == found


def test_mentions_phrase_matcher_offsets_and_longest_match():
    pm = _pm("masked language model", "language model", "model")
    text = "A masked language model_ and a language model."
    assert [(text[s:e], e_.name) for s, e, e_ in pm.find(text)] == [
        ("masked language model", "masked language model"), ("language model", "language model")]


def test_mentions_phrase_matcher_non_ascii_and_sigma():
    pm = _pm("BERTić", "ΣBERT", "İnce", exact={"ΣBERT", "İnce"})
    text = "Über BERTić, ΣBERT and İnce; not σbert or ince."
    assert [text[s:e] for s, e, _ in pm.find(text)] == ["BERTić", "ΣBERT", "İnce"]


def test_mentions_phrase_matcher_layers_resolve_apart():
    gaz = [("BERT", Entity("BERT", "Model")), ("BERT base", Entity("BERT", "Model"))]
    learned = [("BERT base model", Entity("Foo", "Model")), ("KoBERT", Entity("KoBERT", "Model"))]
    pm = PhraseMatcher.layered([(gaz, set()), (learned, {s for s, _ in learned})])
    first, second = pm.find_layers("A BERT base model and KoBERT.")
    assert [e.name for _, _, e in first] == ["BERT"]
    assert [e.name for _, _, e in second] == ["Foo", "KoBERT"]


# -- name-shaped tokens ------------------------------------------------------
@pytest.mark.parametrize("text, tokens", [
    ("We compare BERT_LARGE, KR-BERT's and LLaMA-2-7B (2.2x).", ["BERT_LARGE", "KR-BERT", "LLaMA-2-7B", "2.2x"]),
    ("Plain lower-case words and Capitalised ones.", []),
    ("mT5, iPhone, e.g. GPT-4o and x86_64.", ["mT5", "iPhone", "GPT-4o", "x86_64"]),
    ("Émile uses BERTić and ΔBERT.", ["BERTić", "BERT"]),
    ("Models' names: XLM-R.", ["XLM-R"]),
    ("Gains brought by FooNet-Mini.In particular, Qwen2.5 wins.", ["FooNet-Mini", "Qwen2.5"]),
])
def test_mentions_name_tokens(text, tokens):
    assert [t for _, _, t in name_tokens(text)] == tokens
    assert all(text[s:e] == t for s, e, t in name_tokens(text))


def test_mentions_name_tokens_as_the_plain_definition():
    """The fast token pattern finds what its plain definition does: a token after no letter or digit."""
    import random
    import re

    from kg.extract.mentions import _TOKEN_BODY, _trimmed_name

    plain = re.compile(r"(?<![A-Za-z0-9\u00C0-\u024F])(?:" + _TOKEN_BODY + ")")
    rng = random.Random(7)
    alphabet = "aZb9_-.'\\+ é,ɏ()αÀ:x\n2T"
    ascii_only = "aZb9_-.'\\+ ,()sx:\n2T"  # ASCII texts take the byte-class path
    for i in range(30_000):
        letters = ascii_only if i % 3 == 2 else alphabet
        text = "".join(rng.choice(letters) for _ in range(rng.randint(0, 14)))
        expected = [(m.start(), m.start() + len(_trimmed_name(m.group())), _trimmed_name(m.group()))
                    for m in plain.finditer(text) if _trimmed_name(m.group())]
        assert name_tokens(text) == expected, text


def test_mentions_substring_index():
    stems = SubstringIndex(["BERT", "GPT", "LLaMA"])
    assert stems.within("KR-BERT") and stems.within("GPT-NeoX") and not stems.within("T5")
    assert not stems.within_other("BERT") and stems.within_other("GottBERT") and stems.within_other("BERTGPT")
    assert not SubstringIndex([]).within("BERT")


# -- the pipeline ------------------------------------------------------------
def test_pipeline_output_does_not_depend_on_caches(extractor):
    papers = [Paper(f"t:{i}", "KR-BERT: A Korean BERT", f"We compare KR-BERT with BERT-base on KorQuAD {i}.")
              for i in range(3)]
    first = [extractor(p) for p in papers]
    fresh = Extractor()
    assert [fresh(p) for p in reversed(papers)][::-1] == first


# -- generalisation: sentences written for these tests ------------------------
def _found(extractor, title, abstract=""):
    return {(m.name, m.type) for m in extractor(Paper("t:case", title, abstract)).mentions}


@pytest.mark.parametrize("title, abstract, present, absent", [
    ("Probing encoders", "We fine-tune RoBERTa-large and bert-base-uncased on MNLI and SST-2.",
     {("RoBERTa", "Model"), ("BERT", "Model"), ("MNLI", "Dataset"), ("SST-2", "Dataset")},
     {("fine-tuning", "Technique")}),
    ("Scaling laws", "We compare GPT-2 with GPT-3, and mT5 with T5 and ALBERT.",
     {("GPT-2", "Model"), ("GPT-3", "Model"), ("mT5", "Model"), ("T5", "Model"), ("ALBERT", "Model")},
     {("BERT", "Model")}),
    ("Translation", "We report BLEU on Flores-101 and on FLORES-200, and on WMT14 and WMT16.",
     {("FLORES-101", "Dataset"), ("FLORES-200", "Dataset"), ("WMT14", "Dataset"), ("WMT16", "Dataset")}, set()),
    ("A note", "Large language models are generic; our model is too.", set(), {("Transformer", "Technique")}),
    # the architecture is named also as a modifier (GUIDELINES): "transformer-based models", "Transformer models"
    ("A note", "Transformer-based models and large transformer models are costly.", {("Transformer", "Technique")}, set()),
    # ... and so are the objective and the architecture a class of models is named by; post-training quantization
    # is a technique of its own beside quantization (GUIDELINES)
    ("A note", "Masked language models (MLMs) and sparse MoE models are costly.",
     {("masked language modeling", "Technique"), ("mixture of experts", "Technique")}, set()),
    ("A note", "We compare post-training quantization (PTQ) with quantization during training.",
     {("post-training quantization", "Technique"), ("quantization", "Technique")}, set()),
    # a task is no dataset, capitalised in a title or not; a title's name whose rest gives no type takes the
    # abstract's ("we construct a new benchmark, Zorbix"); a dataset's versions are datasets of their own
    ("Zorbix: A Reading Comprehension Dataset Requiring Logic", "We introduce a new Reading Comprehension dataset "
     "requiring logical reasoning (Zorbix).", {("Zorbix", "Dataset")}, {("Reading Comprehension", "Dataset")}),
    ("Zorbix: Numerical Reasoning over Hierarchical Tables", "We construct a new large-scale benchmark, Zorbix, "
     "with QA pairs over tables.", {("Zorbix", "Dataset")}, {("Zorbix", "Model")}),
    ("Zorbix: Large-scale Text-to-text Pretraining for Italian", "We introduce Zorbix, the first family of "
     "encoder-decoder models pretrained on Italian.", {("Zorbix", "Model")}, {("Zorbix", "Technique")}),
    ("Safety training", "Vulnerabilities persist despite red-teaming of models such as OpenAI's GPT-4 and "
     "Anthropic's Claude.", {("GPT-4", "Model"), ("Claude", "Model")}, {("OpenAI's GPT-4", "Model")}),
    ("Code models", "We run experiments across multiple language datasets, including Python, Java, and C++. We "
     "publish a 3Gb Chinese Medicine (ChiMed) dataset.", {("ChiMed", "Dataset")},
     {("Python", "Dataset"), ("Java", "Dataset"), ("C++", "Dataset"), ("3Gb", "Dataset")}),
    ("Benchmarks", "While the English NLU benchmark, GLUE, has been the forerunner, we also report IWSLT "
     "English-Vietnamese MT datasets.", {("GLUE", "Dataset")}, {("English NLU", "Dataset"),
                                                              ("English-Vietnamese MT", "Dataset")}),
    ("MultiZorb: A Large-scale Multilingual dataset for Complex NER", "We present MultiZorb, a dataset of 2M "
     "instances. Zorbex is a Challenge Dataset for Document-Level Information Extraction (IE) and a Text-to-SQL "
     "Benchmark.", {("MultiZorb", "Dataset")},
     {("Large-scale Multilingual", "Dataset"), ("IE", "Dataset"), ("Text-to-SQL", "Dataset")}),
    ("Dialogue states", "MultiWOZ 2.1 fixed many errors of MultiWOZ; MultiWOZ 2.2 fixes more.",
     {("MultiWOZ", "Dataset"), ("MultiWOZ 2.1", "Dataset"), ("MultiWOZ 2.2", "Dataset")}, set()),
    # a title head spelling a task names none, nor does its short form: word sense disambiguation, simplification
    ("Word Sense Disambiguation: A Unified Evaluation Framework", "Word Sense Disambiguation (WSD) is a key task. "
     "We compare WSD systems on Zorbsem.", set(), {("Word Sense Disambiguation", "Technique"), ("WSD", "Dataset"),
                                                  ("WSD", "Model")}),
    ("Lexical Simplification with Pretrained Encoders", "Lexical simplification (LS) replaces complex words; BERT "
     "helps LS.", {("BERT", "Model")}, {("LS", "Technique"), ("LS", "Model")}),
    # a task's and a notation's acronym name nothing; a version written apart is that version
    ("Reading documents", "Traditional OCR systems (OCR-1.0) fail on charts; SMILES strings encode molecules.",
     set(), {("OCR", "Model"), ("OCR-1.0", "Model"), ("SMILES", "Model")}),
    ("Judges", "We show promising results for GPT 4 and GPT 3.5 on the task.", {("GPT-4", "Model"),
                                                                             ("GPT-3.5", "Model")}, {("GPT", "Model")}),
    # Standard American English is English (schema/languages.tsv), no language of its own
    ("Dialect robustness", "Most NLP models are trained on Standard American English (SAE) texts.",
     {("English", "Language")}, {("American English", "Language"), ("Standard American English", "Language")}),
    ("Code Search with Contrastive Sampling", "Code search is hard; we use knowledge distillation.",
     {("knowledge distillation", "Technique")}, {("Code Search", "Technique"), ("Code search", "Technique")}),
    ("Sentiment at scale", "We evaluate on the Quokka dataset and on the Zebra-QA benchmark.",
     {("Quokka", "Dataset"), ("Zebra-QA", "Dataset")}, set()),
    ("Topic models", "Results on the Alpha, Beta-2 and Gamma datasets improve.",
     {("Alpha", "Dataset"), ("Beta-2", "Dataset"), ("Gamma", "Dataset")}, set()),
    ("Baselines", "It outperforms ZetaMoE, RoBERTa, FooNet-2 and BASE Layers, trained with DeepSpeed and T5.",
     {("ZetaMoE", "Model"), ("FooNet-2", "Model"), ("BASE Layers", "Model"), ("RoBERTa", "Model")},
     {("DeepSpeed", "Model")}),
    ("Scaling", "We mix data and model parallelism, unlike recurrent or convolutional neural networks.",
     {("data parallelism", "Technique"), ("model parallelism", "Technique"),
      ("recurrent neural network", "Technique"), ("convolutional neural network", "Technique")}, set()),
    ("Translation tasks", "Gains on the FOO-14, BARX-17, LDC and Qux-100 benchmark hold.",
     {("FOO-14", "Dataset"), ("BARX-17", "Dataset"), ("LDC", "Dataset"), ("Qux-100", "Dataset")}, set()),
    ("Reasoning", "We test on Foo-LSAT. We benchmark ten models on ABSA datasets and a 130+GB corpus.",
     set(), {("Foo-LSAT. We", "Dataset"), ("ABSA", "Dataset"), ("130+GB", "Dataset")}),
    ("Translation", "We report scores on WMT22 and IWSLT'12, and on the Conll 2003 corpus.",
     {("WMT22", "Dataset"), ("IWSLT'12", "Dataset"), ("CoNLL-2003", "Dataset")}, set()),
    ("Serving", "KV caches are offloaded with CPU offloading; self attention uses FlashAttention.",
     {("KV caching", "Technique"), ("offloading", "Technique"), ("self-attention", "Technique"),
      ("FlashAttention", "Technique")}, set()),
    ("Routing", "We scale Switch Transformers with a novel token-level expert attention mechanism.",
     {("Switch Transformer", "Model"), ("token-level expert attention", "Technique")}, set()),
    ("Compression", "We propose a novel group-wise quantization scheme and a new training strategy.",
     {("quantization", "Technique")}, {("group-wise quantization", "Technique"), ("training", "Technique")}),
    ("Adapters", "We combine LoRA, prompt tuning and knowledge distillation (KD) with 4-bit quantization.",
     {("LoRA", "Technique"), ("prompt tuning", "Technique"), ("knowledge distillation", "Technique"),
      ("quantization", "Technique")}, set()),
    # gazetteer decisions: a verb or a model-class adjective is not the technique
    ("Chat models", "We release FooLM, an instruction-tuned model, with Gated Linear Units and network pruning.",
     {("instruction tuning", "Technique"), ("gated linear unit", "Technique"), ("pruning", "Technique")}, set()),
    ("Retrieval-Enhanced Pretraining", "By probing into the loss surface we train a Sequence-to-Sequence model.",
     set(), {("retrieval-augmented generation", "Technique"), ("probing", "Technique"),
             ("encoder-decoder", "Technique")}),
    ("Interpretability", "We train probing classifiers and use retrieval-augmented generation (RAG).",
     {("probing", "Technique"), ("retrieval-augmented generation", "Technique")}, set()),
    # a lower-case word before a known model describes it; the gazetteer's capitalised spelling names another
    ("Small models", "We distil BERT into a tiny BERT and deploy a mobile BERT on phones.",
     {("BERT", "Model")}, {("DistilBERT", "Model"), ("TinyBERT", "Model"), ("MobileBERT", "Model")}),
    ("Small models", "We compare Tiny-BERT, Mobile-BERT, Clinical BERT and a multilingual BERT.",
     {("TinyBERT", "Model"), ("MobileBERT", "Model"), ("ClinicalBERT", "Model"), ("mBERT", "Model")}, set()),
    # two versions behind one slash in a list are no name of their own
    ("Jailbreaks", "The attack transfers to open and closed models, including GPT-3.5/4, Vicuna and Zorro-1/2.",
     {("GPT-3.5", "Model"), ("Vicuna", "Model")}, {("GPT-3.5/4", "Model"), ("Zorro-1/2", "Model")}),
    # a name starting with a function word in capitals is matched only as written
    ("Pretrained models", "The most prominent model is BERT, and we stack it on LSTM layers.",
     {("BERT", "Model")}, {("IS-BERT", "Model"), ("ON-LSTM", "Model")}),
    ("Sentence embeddings", "We compare IS-BERT with ON-LSTM.", {("IS-BERT", "Model"), ("ON-LSTM", "Model")}, set()),
    # a sign is part of a name: "(SPLADE)," is SPLADE, not SPLADE++ (punctuation where the signs would be)
    ("Retrievers", "We compare a sparse retriever (SPLADE), a code model (CodeT5), and CodeT5+ on MBPP+.",
     {("SPLADE", "Model"), ("CodeT5", "Model"), ("CodeT5+", "Model"), ("MBPP+", "Dataset")}, {("SPLADE++", "Model")}),
    # ... and a sign glued after a known name makes another name of its type, which no entry need hold
    ("Code models", "We evaluate on HumanEval+ and GSM8K, quantize with QuIP# and tune with LoRA+ rather than LoRA.",
     {("HumanEval+", "Dataset"), ("GSM8K", "Dataset"), ("QuIP#", "Technique"), ("LoRA+", "Technique"),
      ("LoRA", "Technique")}, {("HumanEval", "Dataset"), ("QuIP", "Technique")}),
    # a dialect names its variety though the text names no language by name
    ("A language model for the Tunisian dialect", "We pre-train it on tweets.", {("Tunisian Arabic", "Language")},
     set()),
])
def test_pipeline_entities_in_unseen_sentences(extractor, title, abstract, present, absent):
    found = _found(extractor, title, abstract)
    assert present <= found and not (absent & found)


@pytest.mark.parametrize("title, abstract, name, etype", [
    ("ZephyrNet: Small and Fast", "We present ZephyrNet, a compact encoder.", "ZephyrNet", "Model"),
    ("Sparse Prune: An Approach for Compressing Encoders", "We describe Sparse Prune.", "Sparse Prune", "Technique"),
    ("KoQuiz: A Benchmark for Korean Trivia", "We release KoQuiz.", "KoQuiz", "Dataset"),
    ("Faster encoders", "Our compressed model, dubbed TinyFoo, is fast.", "TinyFoo", "Model"),
    ("GradZip: Faster Training", "GradZip, a memory-efficient optimization strategy, halves memory.", "GradZip",
     "Technique"),
    ("FooBERT: Encoders with Braided Attention", "FooBERT relies on braided attention to mix heads.",
     "braided attention", "Technique"),
    # a known technique with a sign is a new one, the paper's own, not the known one
    ("Contrastive Decoding+: Better Greedy Generation", "We present Contrastive Decoding+, which improves fluency.",
     "Contrastive Decoding+", "Technique"),
])
def test_pipeline_introduced_names_and_their_type(extractor, title, abstract, name, etype):
    mentions = extractor(Paper("t:intro", title, abstract)).mentions
    assert any(m.name == name and m.type == etype and m.introduced for m in mentions)


@pytest.mark.parametrize("text, languages", [
    ("We pretrain a Swahili BERT and test it for Czech.", ["Swahili", "Czech"]),
    ("A Korean-specific tokenizer.", ["Korean"]),
    ("On the English-to-Estonian and German–English translation tasks.", ["English", "Estonian", "German", "English"]),
    ("The Basque model is small.", ["Basque"]),
    # English standing alone is the language named, if only as others' (a mention without relations)
    ("Even so, Are we sure? English is used everywhere.", ["English"]),
    ("Results on English Wikipedia and in non-English, English-centric settings.", []),
    ("A new corpus for evaluation in both English and Chinese.", ["English", "Chinese"]),
    ("Models for Bosnian, Croatian, Montenegrin and Serbian.", ["Bosnian", "Croatian", "Montenegrin", "Serbian"]),
    ("The model supports Swahili, Yoruba and Hausa, and targets Czech.", ["Swahili", "Yoruba", "Hausa", "Czech"]),
    ("It improves Swahili named entity recognition and Czech sentiment analysis.", ["Swahili", "Czech"]),
    ("Swahili is spoken widely.", ["Swahili"]),
    ("Polish the outputs before use.", []),
    # three letters only for an ISO 639-1 language or a row of languages.tsv: Fon, not Dan
    ("Fon-French translation; Dan went home.", ["Fon", "French"]),
    # other spellings (schema/languages.tsv) under one label; a list through them keeps its context
    ("Our experiments on Hindi, Bengali and Tamil show gains.", ["Hindi", "Bengali", "Tamil"]),
    ("A Bangla corpus and a Farsi dataset; African languages such as Kinyarwanda and Luganda.",
     ["Bengali", "Persian", "Kinyarwanda", "Luganda"]),
    ("A Sorani corpus, Darija tweets and Bahasa Indonesia models.", ["Central Kurdish", "Moroccan Arabic", "Indonesian"]),
    ("An English-Yorùbá corpus; the three African languages Hausa, Igbo and Yorùbá.",
     ["English", "Yoruba", "Hausa", "Igbo", "Yoruba"]),
    ("We study the languages Hausa and Igbo, not the programming languages Python and Java.", ["Hausa", "Igbo"]),
    # a demonym before "dialect" names a variety of the language the text names (or of its only known one)
    ("We pre-train an Arabic model on Saudi dialectal tweets.", ["Arabic", "Saudi Arabic"]),
    ("A language model for the Tunisian dialect.", ["Tunisian Arabic"]),
    ("German dialects and the Danish dialect are hard.", ["German", "Danish"]),
    # a list goes on through members' codes in brackets and two spellings of one member
    ("Six African languages: Hausa (hau), Igbo (ibo), Swahili/Kiswahili (swa) and Yoruba (yor).",
     ["Hausa", "Igbo", "Swahili", "Swahili", "Yoruba"]),
    # a Bantu language's own name with its lower-case prefix; hyphenated and joined spellings keep a list going
    ("Transfer from chiShona and isiZulu to tshiVenda works best.", ["Shona", "Zulu", "Venda"]),
    ("Reviews in five languages (English, Hausa, Igbo, Nigerian-Pidgin, and Yoruba).",
     ["English", "Hausa", "Igbo", "Nigerian Pidgin", "Yoruba"]),
    ("Questions in Azerbaijani, Crimean Tatar, Karakalpak, Kazakh and Uzbek.",
     ["Azerbaijani", "Crimean Tatar", "Karakalpak", "Kazakh", "Uzbek"]),
    # languages listed with English named as the comparison share its standing (mentions without relations)
    ("NLP serves high-resource languages such as English and Chinese.", ["English", "Chinese"]),
    # a regional variety is a language of its own (a BCP 47 name, or a demonym before a language), its cue
    # before it; "In" is a cue itself
    ("We translate it into Brazilian Portuguese and Egyptian Arabic. In Czech, it fails.",
     ["Brazilian Portuguese", "Egyptian Arabic", "Czech"]),
    ("Results for Mozambican Portuguese and Levantine Arabic; Clean English text.",
     ["Mozambican Portuguese", "Levantine Arabic", "English"]),
    # a list of modifiers shares the language after the last one: three varieties
    ("We annotate Egyptian, Gulf and Maghrebi Arabic tweets.", ["Egyptian Arabic", "Gulf Arabic", "Maghrebi Arabic"]),
    # Modern Standard Arabic is Arabic; subsets, low-resource, tokens and exams are language contexts
    ("It handles Modern Standard Arabic and dialectal Arabic.", ["Arabic", "Arabic"]),
    ("Indonesian, Malay and Tagalog are low-resource. The Swahili and Yoruba subsets are hard.",
     ["Indonesian", "Malay", "Tagalog", "Swahili", "Yoruba"]),
    # a language standing as a noun of its own is named (as a mention without relations); a people is not
    ("The exception to this is Finnish, which lags behind. We thank the Dutch.", ["Finnish"]),
    ("Knowledge of a related language, in this case, Portuguese, helps. Portuguese Man o' War.", ["Portuguese"]),
    # a period or register before a language names a variety, as a demonym does
    ("A model for Rabbinic Hebrew texts and for Medieval Latin charters.", ["Rabbinic Hebrew", "Medieval Latin"]),
    # the written standards of Norwegian are Norwegian; PanGu is a model, no language
    ("A Norwegian corpus in Norwegian Bokmål and Norwegian Nynorsk. We compare with Pangu, a model.",
     ["Norwegian", "Norwegian", "Norwegian"]),
])
def test_languages_only_in_language_contexts(text, languages):
    from kg.extract.languages import LanguageFinder

    assert [m.name for m in LanguageFinder().find(text)] == languages


def test_sign_languages_are_languages_wherever_named():
    """A sign language's name says it is a language: no context needed, the language in it ("German") is no
    mention of its own, and a dataset "of" one with its short form is no new dataset."""
    ex = Extractor()
    paper = Paper("t:s", "Signs", "We release a dataset of American Sign Language (ASL) videos. "
                                  "It also covers German Sign Language.")
    assert [(m.name, m.type) for m in ex(paper).mentions] == [
        ("American Sign Language", "Language"), ("German Sign Language", "Language")]


def test_languages_named_only_as_nouns_take_no_relation():
    from kg.extract.languages import BACKGROUND, LanguageFinder

    assert [(m.name, m.confidence) for m in LanguageFinder().find("The exception to this is Finnish, which lags.")] == [
        ("Finnish", BACKGROUND)]


def test_pipeline_learned_size_variants_merge():
    ex = Extractor()
    papers = [Paper("t:a", "ZetaBERT: A Tiny Encoder", "We present ZetaBERT."),
              Paper("t:b", "Probing", "We evaluate ZetaBERT-Large and ZetaBERT-Base on SQuAD.")]
    learned = ex.learn(papers)
    assert [e.name for e in learned] == ["ZetaBERT"]
    assert {m.name for m in ex(papers[1]).mentions if m.type == "Model"} == {"ZetaBERT"}


def test_pipeline_learned_method_named_like_a_model_stays_a_method():
    """A name a description makes a method ("a ... quantization scheme") is one wherever the paper writes it,
    though its shape is a model's (ends in "LM"); one built on a known model's name stays a model."""
    ex = Extractor()
    papers = [Paper("t:a", "ZorbLLM: Pushing the Limit of Post-Training Quantization",
                    "We present ZorbLLM, a 1-bit post-training quantization scheme for LLMs. ZorbLLM keeps accuracy. "
                    "With ZorbLLM, a 7B model runs on one GPU."),
              Paper("t:b", "ZorbBERT: Pruning Encoders", "We present ZorbBERT, a structured pruning method for encoders.")]
    assert {(e.name, e.type) for e in ex.learn(papers)} == {("ZorbLLM", "Technique"), ("ZorbBERT", "Model")}


def test_pipeline_learned_chat_variants_are_their_own_model():
    ex = Extractor()
    papers = [Paper("t:a", "ZetaLM: A Tiny Decoder", "We present ZetaLM and ZetaLM-7B-Chat."),
              Paper("t:b", "Probing", "We evaluate ZetaLM-13B-chat, ZetaLM-13B and Llama-2-7b-chat on MMLU.")]
    learned = ex.learn(papers)
    assert [e.name for e in learned] == ["ZetaLM", "ZetaLM-Chat"] and "ZetaLM-7B-Chat" in learned[1].aliases
    assert [m.name for m in ex(papers[1]).mentions if m.type == "Model"] == ["ZetaLM-Chat", "ZetaLM", "LLaMA-2-Chat"]


@pytest.mark.parametrize("text, models", [
    ("We fine-tune Llama-2-7b-chat and Mistral-7B-Instruct-v0.2.", ["LLaMA-2-Chat", "Mistral-Instruct"]),
    ("Compared with Llama-2-7b and gemma-7b-it.", ["LLaMA-2", "Gemma-IT"]),
    ("Results for Qwen-7B-Chat and Llama 2 Chat.", ["Qwen-Chat", "LLaMA-2-Chat"]),
    ("Baselines: Falcon-40B-instruct and bert-large-uncased.", ["Falcon-Instruct", "BERT"]),
])
def test_pipeline_chat_and_instruct_variants_link_apart_from_the_base(extractor, text, models):
    paper = Paper("t:v", "A study", text)
    assert [m.name for m in extractor.mentions(paper) if m.type == "Model"] == models


# -- any text ----------------------------------------------------------------
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PIECES = st.sampled_from(["BERT", "bert-base-uncased", "GLUE", " ", ", ", ". ", "-", "_", "'s", "(", ")", "We propose ",
                           "dubbed ", "the ", " dataset", " datasets", "Korean", "English-to-German", "LoRA", "ΣBERT",
                           "İnce", "e.g. ", "7B", "a novel ", " attention mechanism", "KD", "x86_64", "\u0301", "\ud800",
                           "Foo", "and ", "or ", "Transformer-based", "2.2x"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=st.lists(_PIECES, max_size=8).map("".join), abstract=st.lists(_PIECES | st.text(max_size=5), max_size=30)
       .map("".join))
def test_pipeline_any_text_gives_consistent_mentions(extractor, title, abstract):
    paper = Paper("t:any", title, abstract)
    mentions = extractor.mentions(paper)
    text = paper.text
    assert all(0 <= m.start < m.end <= len(text) and text[m.start:m.end] == m.surface for m in mentions)
    assert mentions == sorted(mentions, key=lambda m: (m.start, -m.end, m.name))
    assert extractor.mentions(paper) == mentions  # cached or not, the same


# -- the type of a new name from the head noun of its description (round 4) ----
@pytest.mark.parametrize("title, abstract, name, etype", [
    # the title after the colon: a process noun heads it -> Technique
    ("WarpLore: Memory-Efficient LLM Training by Gradient Sketching", "WarpLore cuts memory.", "WarpLore",
     "Technique"),
    ("QuillPrune: Hardware-Aware Structured Pruning of Encoders", "QuillPrune is fast.", "QuillPrune", "Technique"),
    ("Tessa: A Robustly Tuned Decoding Algorithm for Chat", "Tessa is fast.", "Tessa", "Technique"),
    # a model noun heads it -> Model, even with a process word before the head
    ("Owlet: a Distillation-Trained Language Model for Welsh", "Owlet is small.", "Owlet", "Model"),
    ("Marlin: Compact Encoders for Legal Text", "Marlin is small.", "Marlin", "Model"),
    # a dataset noun heads it -> Dataset
    ("Crane: A Reading Comprehension Benchmark for Law", "Crane is hard.", "Crane", "Dataset"),
    # a name that says it is a language model stays a Model, whatever its description
    ("ZipperLM: Structured Pruning of Language Models", "ZipperLM is small.", "ZipperLM", "Model"),
    # a title that starts with a verb has no head: the abstract's apposition decides
    ("Swift Pelican: Accelerating Pelican for LLM Fine-tuning",
     "This work introduces Swift Pelican, a training method for low-rank gradients.", "Swift Pelican", "Technique"),
    ("Heron: Teaching Encoders to Rhyme", "We present Heron, a language model for poems.", "Heron", "Model"),
    # "a drop-in replacement for AdamW" has AdamW's type
    ("Kestrel: Accelerating Adam for LLM Training and Fine-tuning",
     "We introduce Kestrel, a simple drop in replacement for AdamW.", "Kestrel", "Technique"),
    # a name the abstract says is trained is a model, even when called a method
    ("Wren: Improving Spam Detection with Instruction Tuning",
     "We propose Wren, a novel method for spam detection. Wren is trained on open data.", "Wren", "Model"),
    # capitalised words between the introducing verb and a name belong to it
    ("The rise of Basque models", "This paper introduces Basque RoBERTa, the first Basque language model.",
     "Basque RoBERTa", "Model"),
    ("Scaling optimizers", "This work introduces Natural GradLore, a training strategy for encoders.",
     "Natural GradLore", "Technique"),
])
def test_pipeline_type_from_description_head(extractor, title, abstract, name, etype):
    mentions = extractor(Paper("t:head", title, abstract)).mentions
    assert any(m.name == name and m.type == etype and m.introduced for m in mentions), \
        sorted({(m.name, m.type, m.introduced) for m in mentions})


@pytest.mark.parametrize("phrase, etype", [
    ("Memory-Efficient LLM Training by Gradient Low-Rank Projection", "Technique"),
    ("An Approach For Gradient-Based Model Merging", "Technique"),
    ("Hardware-Aware Scalable Attention Mechanism for the Decode-Phase", "Technique"),
    ("A Smarter French Language Model", "Model"),
    ("Binary Pre-trained Foundation Transformer with Low-rank Estimation", "Model"),
    ("Neural Agglomerative Embeddings of Text", "Model"),
    ("a corpus of Korean news", "Dataset"),
    ("Accelerating GaLore for memory-efficient LLM Training", None),
    ("Towards Scalable Training of Transformer Models", None),
    ("fast, performant and private Transformer inference with MPC", None),
])
def test_discovery_head_type(extractor, phrase, etype):
    assert extractor.discover.head_type(phrase) == etype


@pytest.mark.parametrize("abstract, present, absent", [
    ("Alternative methods such as GradFold and SketchOpt approximate optimizer states.",
     {("GradFold", "Technique"), ("SketchOpt", "Technique")}, set()),
    ("It beats strong baselines like ZetaNet, Hash Layers and RoBERTa.",
     {("ZetaNet", "Model"), ("RoBERTa", "Model")}, set()),
    ("We study methods such as pruning and models like Czech ones.", set(),
     {("Czech", "Model"), ("pruning", "Model")}),
])
def test_pipeline_listed_after_plural_head(extractor, abstract, present, absent):
    found = _found(extractor, "Listing", abstract)
    assert present <= found and not (absent & found), sorted(found)


def test_pipeline_technique_named_by_paper_is_no_fine_tuned_model(extractor):
    """The brief's case, invented names: a method fine-tunes nothing, the paper uses it."""
    paper = Paper("t:lore", "Natural FooLore: Accelerating FooLore for memory-efficient LLM Training and Fine-tuning",
                  "Methods like PEFT and FooLore approximate optimizer states. This work introduces Natural FooLore, "
                  "a simple drop in replacement for AdamW. By fine-tuning RoBERTa on the GLUE benchmark using "
                  "Natural FooLore, we reduce the gap.")
    extraction = extractor(paper)
    types = {m.name: m.type for m in extraction.mentions}
    assert types["Natural FooLore"] == "Technique" and types["FooLore"] == "Technique"
    triples = {(r.subject[1], r.predicate, r.object[1]) for r in extraction.relations}
    assert not any(p == "fineTunedFrom" for _, p, _ in triples)
    assert ("t:lore", "usesTechnique", "Natural FooLore") in triples


def test_mentions_scan_cues_beside_phrases():
    """Cue words come out of the phrase scan at word starts, and never hide a phrase spelled like them."""
    we = Entity("WE", "Dataset")
    eg = Entity("e.g.", "Technique")
    pm = PhraseMatcher([("WE", we), ("e.g.", eg)], cues={"subject": ["we"], "connector": ["e.g."], "empty": ["-"]})
    scan = pm.scan("WE and we, e.g. weights; owe")
    assert [(s, e, ent.name) for s, e, ent in scan.layers[0]] == [(0, 2, "WE"), (11, 15, "e.g.")]
    assert scan.cues == {"subject": [0, 7, 16], "connector": [11], "empty": []}


def test_pipeline_learn_from_observed_chunks_equals_learn_from_papers(corpus_dir):
    from kg.ingest import merge_papers, read_papers

    papers = merge_papers(read_papers([corpus_dir]))[:200]
    whole = Extractor().learn(papers)
    observer = Extractor()
    observed = [o for i in range(0, len(papers), 37) for o in observer.observe(papers[i:i + 37])]
    assert observer.learn(observed=observed) == whole and len(whole) > 10


def test_extract_long_form_describing_by_another_model_names_that_model(extractor):
    # "A Lite BERT" describes ALBERT by BERT: the text names BERT, not ALBERT a second time
    p = Paper("t:x", "ALBERT: A Lite BERT for Self-supervised Learning", "We present two parameter-reduction techniques.")
    names = [(m.surface, m.name) for m in extractor(p).mentions]
    assert ("ALBERT", "ALBERT") in names and ("BERT", "BERT") in names


def test_extract_nothing_inside_an_address(extractor):
    p = Paper("t:x", "A study", "We compare with BERT. Code: https://github.com/foo/finbert and www.example.org/RoBERTa.")
    assert [m.name for m in extractor(p).mentions] == ["BERT"]


def test_extract_size_suffix_glued_to_a_learned_name_is_that_name():
    ex = Extractor()
    papers = [Paper("t:a", "Fooformer: a compact model", "We pretrained two Fooformer models (named Fooformer8L and "
                    "Fooformer16L). Fooformer8L outperformed BioBERTBase-v1.1.")]
    ex.learn(papers)
    names = {m.surface: m.name for m in ex(papers[0]).mentions}
    assert names["Fooformer8L"] == names["Fooformer16L"] == "Fooformer"
    assert names["BioBERTBase-v1.1"] == "BioBERT"


@pytest.mark.parametrize("abstract, name", [
    ("GottBERT outperforms German BERT. The model is open.", "German BERT"),
    ("It compares with Swedish BERT (KB-BERT), a strong baseline.", "Swedish BERT"),
    ("Results of Dutch BERT models and a Czech BERT-like model.", None),
    ("We start from English RoBERTa. It transfers well.", None),
    ("It beats monolingual Bangla BERT, a strong baseline.", "Bangla BERT"),  # as written, not "Bengali BERT"
])
def test_extract_language_and_known_model_alone_name_a_model(extractor, abstract, name):
    names = {m.name for m in extractor(Paper("t:x", "A study", abstract)).mentions if m.type == "Model"}
    language_models = {n for n in names if " " in n}
    assert language_models == ({name} if name else set())


def test_extract_language_and_known_model_after_a_title_name_describe_it(extractor):
    """"ZorbCzech: Czech RoBERTa" describes ZorbCzech (based on RoBERTa), as "KR-BERT: A Korean BERT" does."""
    mentions = extractor(Paper("t:x", "ZorbCzech: Czech RoBERTa, a monolingual model", "We present ZorbCzech.")).mentions
    assert {m.name for m in mentions if m.type == "Model"} == {"ZorbCzech", "RoBERTa"}


def test_pipeline_fast_mention_is_the_constructors():
    """The pipeline builds mentions through their slots: the same fields, the same value as ``Mention(...)``."""
    import dataclasses

    from kg.extract.pipeline import _mention
    from kg.model import Mention

    assert [f.name for f in dataclasses.fields(Mention)] == ["surface", "name", "type", "start", "end",
                                                             "introduced", "confidence"]
    args = ("bert-base", "BERT", "Model", 10, 19, True, 0.9)
    made = _mention(*args)
    assert type(made) is Mention and made == Mention(*args) and hash(made) == hash(Mention(*args))
    assert repr(made) == repr(Mention(*args))


def test_mentions_scan_cue_starts_sorted_and_distinct():
    """A cue word that another of its group starts ("datasets") adds no start twice; nested cue words
    ("as" in "such as") still give ascending starts."""
    pm = PhraseMatcher([("BERT", Entity("BERT", "Model"))],
                       cues={"noun": ["dataset", "datasets"], "connector": ["such as", "as", "like"]})
    scan = pm.scan("Two datasets, such as BERT data; as well as dataset-like ones")
    assert scan.cues == {"noun": [4, 44], "connector": [14, 19, 33, 41, 52]}
    assert [(s, e) for s, e, _ in scan.layers[0]] == [(22, 26)]


@pytest.mark.parametrize("title, abstract, spellings", [
    ("Kora-Tweet-BERT: a model for tweets", "In this work, we release Kora-Tweet-BERT (KT-BERT), a transformer-based "
     "model. Pretrained models, such as KT-BERT, are trained on one domain.", {"Kora-Tweet-BERT", "KT-BERT"}),
    # a shorter spelling in brackets right after an introduced name, not spelled by its initials
    ("Kora-Sentence-BERT: Sentence Embeddings", "We present Kora-Sentence-BERT (KSBERT), a modification of the "
     "pretrained BERT network. KSBERT reduces the effort.", {"Kora-Sentence-BERT", "KSBERT"}),
])
def test_extract_a_new_name_and_its_acronym_are_one_entity(title, abstract, spellings):
    """The corpus-level pass joins a new name and the other spelling a paper gives it: "Kora-Tweet-BERT
    (KT-BERT)" and a later "KT-BERT" are one node, with the other spelling as an alias."""
    ex = Extractor()
    papers = [Paper("t:a", title, abstract)]
    ex.learn(papers)
    models = {(m.surface, m.name) for m in ex(papers[0]).mentions if m.type == "Model"}
    assert {surface for surface, _ in models} >= spellings
    assert len({name for _, name in models if name != "BERT"}) == 1
    learned = [e for e in ex.learned if e.type == "Model"]
    assert len(learned) == 1 and spellings <= {learned[0].name, *learned[0].aliases}


def test_extractor_is_freed_when_dropped():
    """The extractor is frozen out of garbage collection (``_freeze_heap``): a reference cycle through it would
    keep every extractor a process makes, ~11 MB each (one per ``kg.build.build`` call in a notebook)."""
    import gc
    import weakref

    extractor = Extractor()
    extractor.learn([Paper("t:a", "KoraBERT: a model", "We present KoraBERT, a BERT model for Kora.")])
    extractor(Paper("t:a", "KoraBERT: a model", "We present KoraBERT, a BERT model for Kora."))
    ref = weakref.ref(extractor)
    del extractor
    gc.collect()
    assert ref() is None


@pytest.mark.parametrize("abstract, short, name", [
    # a new short form of a known technique is that technique, also where "we train" would make it a new model
    ("We train a reward model (RM) on human preferences. The RM then ranks the answers of ZetaLM.", "RM",
     "reward modeling"),
    ("We add a contrastive learning (CL) objective; CL is applied to KoraBERT.", "CL", "contrastive learning"),
    # ... also a long form ending in a word no acronym's head may be ("models"), and the singular of a plural
    # short form, where "our" or "a new" would make it the paper's own model
    ("Verifiers, also known as process reward models (PRMs), score each step. We train our PRM on KoraMath.",
     "PRM", "process reward model"),
    ("We use a process reward model (PRM). A new PRM is released.", "PRM", "process reward model"),
])
def test_extract_new_short_form_of_a_known_name_is_that_name(extractor, abstract, short, name):
    mentions = extractor(Paper("t:a", "A study", abstract)).mentions
    assert {(m.name, m.type) for m in mentions if m.surface == short} == {(name, "Technique")}
    assert not any(m.introduced for m in mentions if m.surface == short)


def test_extract_known_name_presented_with_a_new_short_form_is_the_papers_own(extractor):
    """"A framework called Token Merging (TM)": the paper presents the known technique as its own, and TM is that
    technique, not a new model."""
    abstract = "We introduce a framework called Token Merging (TM). TM halves the cost of ZetaLM."
    mentions = extractor(Paper("t:a", "A study", abstract)).mentions
    assert {(m.name, m.type, m.introduced) for m in mentions if m.surface in ("Token Merging", "TM")} == {
        ("token merging", "Technique", True)}


@pytest.mark.parametrize("text, present, absent", [
    # the plural of an acronym is no name the acronym's capitals spell: "LMMs" is not the model LMMS
    ("Recent LMMs fail; LMMS is a sense model.", {("LMMS", "Model")}, {"LMMs"}),
    # a known dataset and a country code is its version in that language, as with a language code
    ("We report results on COCO-CN and MMLU-JP.", {("COCO-CN", "Dataset"), ("MMLU-JP", "Dataset")}, set()),
    # a name matched only as written (flag cs) is not a size variant's base in another case: "Ultra-Small" is no
    # ULTRA, "ULTRA-Large" is
    ("An Ultra-Small model beats ULTRA-Large.", {("ULTRA", "Model")}, {"Ultra-Small"}),
    # a name of three characters is matched as written, as a token as well as a phrase: "FID" (the image metric)
    # is no FiD (Fusion-in-Decoder)
    ("Our retriever feeds FiD-large, and images get a better FID score.", {("FiD", "Model")}, {"FID"}),
    # a dataset's short form spelled out as a task in lower case is the task throughout the paper; spelled out
    # in title case it is the dataset's own name
    ("Visual question answering (VQA) is hard. KoraVL answers VQA questions on OK-VQA.", {("OK-VQA", "Dataset")}, {"VQA"}),
    ("We test on Massive Multitask Language Understanding (MMLU).", {("MMLU", "Dataset")}, set()),
])
def test_pipeline_acronym_plurals_and_country_versions(extractor, text, present, absent):
    mentions = extractor.mentions(Paper("t:x", "A study", text))
    assert present <= {(m.name, m.type) for m in mentions}
    assert not absent & {m.surface for m in mentions}


def test_languages_a_sentence_gives_a_dataset_are_not_the_models(extractor):
    """The paper's model is named in the sentence that introduces a dataset and its languages: they are the dataset's."""
    paper = Paper("t:x", "KoraLM: Multilingual Forms",
                  "We present KoraLM, a multimodal model. To evaluate KoraLM, we also introduce a benchmark dataset named "
                  "ZetaForms, which includes samples in 3 languages (Swahili, Hindi, Czech).")
    edges = {(r.subject[1], r.predicate, r.object[1]) for r in extractor(paper).relations if r.predicate == "forLanguage"}
    assert edges == {("ZetaForms", "forLanguage", lang) for lang in ("Swahili", "Hindi", "Czech")}


@pytest.mark.parametrize("abstract, edge", [
    # English before a dataset noun, a modifier or two between, is the language of the paper's data ...
    ("We present ZetaQA, an open-domain English table-to-text dataset.", ("ZetaQA", "forLanguage", "English")),
    ("We present ZetaQA, a new English reading comprehension benchmark.", ("ZetaQA", "forLanguage", "English")),
    # ... not before others' models
    ("We present ZetaQA. Most English language models are trained on web data.", None),
    # after "in" / "for" in the sentence presenting the paper's own work, English is its language ...
    ("We introduce ZetaQA, an open-source toolkit for spelling correction in English.",
     ("ZetaQA", "forLanguage", "English")),
    # ... not elsewhere
    ("We present ZetaQA. It outperforms the toolkits for spelling correction in English.", None),
])
def test_english_before_a_dataset_noun_is_the_data_language(abstract, edge):
    extraction = Extractor()(Paper("t:x", "ZetaQA: a dataset", abstract))
    edges = {(r.subject[1], r.predicate, r.object[1]) for r in extraction.relations if r.predicate == "forLanguage"}
    assert edges == ({edge} if edge else set())


def test_slashed_version_names_a_second_model_whose_digits_are_no_alias():
    from kg.graph import ALIASES, build_graph
    ex = Extractor()
    extraction = ex(Paper("t:s", "A study", "We test GPT-3.5/4, Llama-1/2 and GPT-4/3.5-based agents, not Falcon-7/40B."))
    names = {(m.name, m.surface) for m in extraction.mentions}
    assert {("GPT-3.5", "GPT-3.5"), ("GPT-4", "4"), ("LLaMA-2", "2"), ("GPT-3.5", "3.5")} <= names
    assert not any(m.surface == "40B" for m in extraction.mentions)
    graph = build_graph([extraction])
    assert "4" not in graph.nodes["Model:GPT-4"][ALIASES]


def test_a_curated_name_is_introduced_by_the_paper_its_arxiv_id_names():
    """The gazetteer's arxiv column names the paper that introduced a name: read from an arXiv listing, that paper
    introduces it, however its abstract words it; another paper mentioning the name does not."""
    from kg.extract.gazetteer import parse_gazetteer

    ex = Extractor(gazetteer=parse_gazetteer(["Kestrel\tModel\t\t\t2203.15556\t", "MMLU\tDataset\t\t\t2009.03300\t"]))
    abstract = "We train a model, Kestrel, with the same compute as before. Kestrel does well on MMLU."

    def introduced(key):
        return {(m.name, m.introduced) for m in ex(Paper(key, "Training Compute-Optimal Models", abstract)).mentions}

    assert introduced("arxiv:2203.15556") == {("Kestrel", True), ("MMLU", False)}
    assert introduced("arxiv:2301.00001") == {("Kestrel", False), ("MMLU", False)}
    assert introduced("t:training compute-optimal models") == {("Kestrel", False), ("MMLU", False)}


def test_twitter_as_a_source_of_text_is_a_dataset():
    """GUIDELINES: Twitter named as the source of a paper's text is the Dataset Twitter (34 of the 51 tuned papers
    naming it mark it so); a model named after it is not, nor the lower-case word."""
    ex = Extractor()
    paper = Paper("t:x", "A study of tweets",
                  "We collect 10,000 posts from Twitter and fine-tune COVID-Twitter-BERT on them; twitter users agree.")
    found = {(m.surface, m.name, m.type) for m in ex(paper).mentions}
    assert ("Twitter", "Twitter", "Dataset") in found
    assert not any(name == "Twitter" and surface != "Twitter" for surface, name, _ in found)
