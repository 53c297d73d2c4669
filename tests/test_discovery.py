"""Name discovery regressions found while integrating: what is introduced, what a name spans."""
from __future__ import annotations

import pytest

from kg.extract.pipeline import Extractor
from kg.model import Paper


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


@pytest.mark.parametrize("abstract, name, introduced", [
    ("We introduce two smaller versions of distilled BERT models for Basque.", "BERT", False),
    ("We present a family of RoBERTa models trained from scratch.", "RoBERTa", False),
    ("We introduce FooBERT, a compact model for Basque.", "FooBERT", True),
    ("We propose QuuxLM and BarLM, two models for Welsh.", "BarLM", True),
    # other subjects that speak for the paper
    ("This technical report describes Zorbo, a family of Czech language models.", "Zorbo", True),
    ("We continue pretraining BART on our corpus and show our resulting model, mZorbo, to boost results.", "mZorbo", True),
    ("With a large database, our Retrieval-Enhanced Zorbformer (REZO) matches GPT-3.", "REZO", True),
    ("We train several language models for Icelandic, including IceZorb, that achieve good results.", "IceZorb", True),
    ("To train them we introduce a corpus of Icelandic text, the Icelandic Zorb Crawl Corpus (IZC), of web texts.",
     "Icelandic Zorb Crawl Corpus", True),
    # the making of the object presents it, a curated name too: "describes the development of X"
    ("This report describes the development of Zorbo, an instruction-tuned model for Thai.", "Zorbo", True),
    ("This report describes the development of WangchanLion, an instruction-tuned model for Thai.", "WangchanLion", True),
    ("We describe the training of BERT on Thai text.", "BERT", False),
    # "we train X" presents a known name as the paper's own only where a description follows it
    ("Using our corpus, we train COSMO: a generalizable conversation model that is more natural.", "COSMO", True),
    ("We train COSMO on our corpus and compare it with BlenderBot.", "COSMO", False),
    ("We train BERT, as in earlier work, on Thai text.", "BERT", False),
    # a name-shaped name right after "our model" and before a verb is the paper's own, not "BERT-based"
    ("Across entity types, our model ZorbSyn consistently outperforms earlier methods.", "ZorbSyn", True),
    ("Our best model ZorbLM-Chat outperforms GPT-4.", "ZorbLM-Chat", True),
    ("Our model BERT-based classifier works well.", "BERT", False),
    # a curated name that is also a language's (Wanda is a Bantu language) is still the paper's own
    ("We introduce a pruning method, termed Wanda, designed to induce sparsity.", "Wanda", True),
    # a lower-case name after the method noun's comma and a naming word: the name is what follows the naming word
    ("We introduce a novel debiasing method, called zorbic regularization, which helps.", "zorbic regularization", True),
])
def test_discovery_introduced_is_the_object_not_its_complement(extractor, abstract, name, introduced):
    mentions = extractor(Paper("t:x", "A study of small models", abstract)).mentions
    flags = {m.introduced for m in mentions if m.name == name}
    assert flags == {introduced}


@pytest.mark.parametrize("text, spans", [
    ("We release Distil-BERT-base-xx and compare it with Distil-BERT-base.",
     {"Distil-BERT-base-xx": "Distil-BERT-base-xx", "Distil-BERT": "DistilBERT"}),
    ("Results of BERT-base and BERT-large on GLUE.", {"BERT-base": "BERT", "BERT-large": "BERT"}),
])
def test_discovery_a_name_glued_to_other_words_is_not_the_shorter_name(extractor, text, spans):
    paper = Paper("t:x", "A title", text)
    found = {paper.text[m.start:m.end]: m.name for m in extractor(paper).mentions if m.type == "Model"}
    assert found == spans


@pytest.mark.parametrize("title", ["a novel We propose  attention mechanism", "A novel  gated  sparse attention mechanism"])
def test_discovery_method_names_with_runs_of_spaces(extractor, title):
    paper = Paper("t:x", title, "We use a novel  gated  sparse attention mechanism.")
    for m in extractor(paper).mentions:  # found where it is, named with single spaces
        assert "  " not in m.name and paper.text[m.start:m.end].split() == m.name.split() or m.type != "Technique"


def test_discovery_listed_connector_needs_a_space_after_it():
    """"methods such as X" lists X; a connector that ends the title does not reach into the abstract."""
    from kg.extract.discovery import NameDiscoverer

    d = NameDiscoverer()
    listed = Paper("t:a", "A study", "We compare methods such as FooPrune and BarQuant.")
    assert [(f.name, f.type) for f in d.listed(listed)] == [("FooPrune", "Technique"), ("BarQuant", "Technique")]
    title_end = Paper("t:b", "Pruning methods such as", "FooPrune and BarQuant work.")
    assert d.listed(title_end) == []


def _found(extractor, title, abstract):
    return {(m.name, m.type, m.introduced) for m in extractor(Paper("t:x", title, abstract)).mentions}


@pytest.mark.parametrize("abstract, expected", [
    # apposition after the name, a new dataset
    ("We test on GreekSUM, a newly introduced summarization dataset for Greek.", ("GreekSUM", "Dataset", True)),
    ("We release Medical Meadow, a new dataset of medical questions.", ("Medical Meadow", "Dataset", True)),
    # apposition before the name
    ("We also build a new sentiment benchmark, SKSent, for Slovak.", ("SKSent", "Dataset", True)),
    # a name between dashes after its description
    ("In this work, a Polish BERT-based language model -- HerBERT -- is trained.", ("HerBERT", "Model", True)),
    # a language and a known model named as a new model
    ("We compare it with a new Finnish BERT model trained from scratch.", ("Finnish BERT", "Model", True)),
    # a plain capitalised word after an introducing verb, before its apposition
    ("In this study, we present Bioformer, a compact BERT model for text mining.", ("Bioformer", "Model", True)),
    # ... and a size or version after the word (recall round)
    ("We introduce Quokka 7B, a language model engineered for speed.", ("Quokka 7B", "Model", True)),
    ("We present Wombat 2 (a family of chat models) for everyone.", ("Wombat 2", "Model", True)),
])
def test_discovery_described_names(extractor, abstract, expected):
    assert expected in _found(extractor, "A study of small models", abstract)


@pytest.mark.parametrize("abstract, absent", [
    ("Finally, a new dataset of questions is released.", "Finally"),
    ("BERT, a language model, is used as the baseline.", "BERT"),  # described, not named: not introduced
    ("We present Transformer-based models for Welsh.", "Transformer"),
])
def test_discovery_described_names_not_overreaching(extractor, abstract, absent):
    found = _found(extractor, "A study of small models", abstract)
    assert not any(name == absent and (etype == "Dataset" or introduced) for name, etype, introduced in found)


def test_discovery_new_datasets_listed_after_namely_with_asides(extractor):
    abstract = ("We also created three new scientific benchmark datasets namely, FOO-NER (entity-recognition), "
                "BAR-QA (extractive QA) and BAR-IR (IR) to accelerate research.")
    found = _found(extractor, "A study of small models", abstract)
    assert {("FOO-NER", "Dataset", True), ("BAR-QA", "Dataset", True), ("BAR-IR", "Dataset", True)} <= found


def test_discovery_acronym_of_a_title_long_form_is_introduced(extractor):
    abstract = "We evaluate this approach with Label Supervised LLaMA (LS-LLaMA), based on LLaMA-2-7B."
    found = _found(extractor, "Label Supervised LLaMA Finetuning", abstract)
    assert ("LS-LLaMA", "Model", True) in found
    # the same acronym when the title does not name it is not the paper's own
    assert ("LS-LLaMA", "Model", False) in _found(extractor, "A study of small models", abstract)


@pytest.mark.parametrize("abstract, acronym, not_a_name", [
    ("We introduce the Variational Open-Domain (VOD) framework for question answering.", "VOD", "Open-Domain"),
    ("We propose the Gated Fusion-Augmented Encoder (GFAE), a new model.", "GFAE", "Fusion-Augmented"),
    ("We present Sparse-Quantized Representation (SpQR), a new compressed format.", "SpQR", "Sparse-Quantized"),
])
def test_discovery_hyphenated_word_of_a_spelled_out_acronym_is_no_name(extractor, abstract, acronym, not_a_name):
    mentions = extractor(Paper("t:x", "A study", abstract)).mentions
    names = {m.name for m in mentions}
    # the acronym names the entity, or is how the text writes the long form it names (a technique)
    assert not_a_name not in names, names
    assert any(acronym in m.name or m.surface == acronym for m in mentions), mentions


@pytest.mark.parametrize("abstract, present, absent", [
    ("We evaluate on the ZetaNews corpus and the KiQA dataset.", {"ZetaNews", "KiQA"}, set()),
    ("This dataset, a purely LM-generated corpus, beats GPT-annotated data.", set(), {"LM-generated"}),
    ("We use Parliamentary corpora.", set(), {"Parliamentary"}),  # (Twitter, a source of text, is a known dataset)
    ("We fine-tune on ZetaInstruct, a dataset of 10k instructions, and KiQA, a large benchmark.", {"ZetaInstruct", "KiQA"}, set()),
    ("However, a dataset of 10k is small. In Kenya, a corpus of news was built.", set(), {"However", "Kenya"}),
    ("We train on ZetaInstruct. Evaluated on KiQA-2, it wins.", {"ZetaInstruct", "KiQA-2"}, set()),
    # a task measured on a name: "3D classification on ZetaNet40"; not a describing word, nor a plural
    ("It improves zero-shot 3D classification on ZetaNet40 and ScanZetaNN.", {"ZetaNet40", "ScanZetaNN"}, set()),
    ("We study named entity recognition on Code-Switched text and retrieval on CPUs.", set(),
     {"Code-Switched", "CPUs"}),
    ("We evaluate on NER and QA, then train on ProX-curated data.", set(), {"NER", "QA", "ProX-curated"}),
    ("We introduce ZI-TOZ, a Higher Order Theory of Zeta benchmark.", {"ZI-TOZ"}, {"Zeta", "Theory of Zeta"}),
    ("It gains on the goal-oriented VLN benchmarks ZEVERIE and ZOON. It also improves.", {"ZEVERIE", "ZOON"}, {"VLN"}),
    ("We test on public benchmarks, for example, ZestX-ray14, ZSNA Pneumonia and ZovidX-2.",
     {"ZestX-ray14", "ZSNA Pneumonia", "ZovidX-2"}, set()),
    # a word before the noun says what kind of data the name after it is
    ("It improves the success rate on the fine-grained VLN benchmark Zeta2R.", {"Zeta2R"}, {"VLN"}),
    ("We apply our captioner to the large-scale 3D dataset Kobjaverse, resulting in 660k pairs.", set(), {"3D"}),
    # an acronym in an indefinite description is the kind of data, a name after "new" or "our" stays one
    ("We introduce ZetaNav, a large-scale and diverse in-domain VLN dataset.", {"ZetaNav"}, {"VLN"}),
    ("Evaluation includes a newly introduced ZCOUNT benchmark.", {"ZCOUNT"}, set()),
    ("We host a leaderboard featuring our ZLURB benchmark (short for Zeta Language Understanding).", {"ZLURB"}, set()),
])
def test_discovery_names_before_a_singular_dataset_noun(extractor, abstract, present, absent):
    names = {name for name, etype, _ in _found(extractor, "A study", abstract) if etype == "Dataset"}
    assert present <= names and not (absent & names), names


@pytest.mark.parametrize("abstract, present, absent", [
    ("Results on XSum, CNN/DailyMail and ZetaSum show gains.", {("ZetaSum", "Dataset")}, set()),
    ("We compare BERT, RoBERTa and Zorro-2 on GLUE.", {("Zorro-2", "Model")}, set()),
    ("We discuss SQuAD and ZetaSum.", set(), {("ZetaSum", "Dataset")}),  # one known item is not enough
    ("We compare GPT-3, GPT-Neo/J and GPT-2.", set(), {("GPT-Neo/J", "Model")}),  # a pair, not one name
])
def test_discovery_new_name_listed_with_known_names_of_one_type(extractor, abstract, present, absent):
    found = {(name, etype) for name, etype, _ in _found(extractor, "A study", abstract)}
    assert present <= found and not (absent & found), found


@pytest.mark.parametrize("abstract, present, absent", [
    ("We compare against strong baselines such as Zorro and Kiwi.", {("Zorro", "Model"), ("Kiwi", "Model")}, set()),
    ("We train with optimizers such as Adam and Lion.", {("Adam", "Technique"), ("Lion", "Technique")}, set()),
    ("It uses techniques, including Supervised probing and Outlier analysis.", set(),
     {("Supervised", "Technique"), ("Outlier", "Technique")}),
    ("We study languages such as French and Twi; models such as These fail.", set(), {("These", "Model")}),
])
def test_discovery_capitalised_words_listed_after_a_plural_head(extractor, abstract, present, absent):
    found = {(name, etype) for name, etype, _ in _found(extractor, "A study", abstract)}
    assert present <= found and not (absent & found), found


def test_discovery_name_ending_in_a_known_model_is_a_model(extractor):
    found = _found(extractor, "InstructRetro: Instruction Tuning post Retrieval-Augmented Pretraining",
                   "After instruction tuning on Retro, InstructRetro improves over GPT.")
    assert ("InstructRetro", "Model", True) in found and ("RETRO", "Model", False) in found


def test_discovery_hyphenated_techniques_form_one_named_technique(extractor):
    found = _found(extractor, "A study of subword regularization",
                   "We apply BPE-Dropout to translation. We also use knowledge-distillation.")
    assert ("BPE-Dropout", "Technique", False) in found
    assert ("knowledge distillation", "Technique", False) in found
    assert not any(name == "dropout" for name, _, _ in found)


@pytest.mark.parametrize("abstract, present", [
    ("We introduce FooLM, a bilingual (English and Chinese) pre-trained language model.", True),
    ("We train on a publicly available English text source.", True),
    ("Most models are assessed for the English language.", True),
    ("Most models are English-centric and fail on non-English text.", False),
    ("We train an English GPT-2 model on news text.", True),
    ("Unlike English BERT, our model is small.", True),
    ("It is trained on English Wikipedia.", False),
    ("It scores well on all languages the model supports (Arabic, English, French, German and Hindi).", True),
    ("The model supports both English and Chinese.", True),
])
def test_discovery_english_in_a_language_context_only(extractor, abstract, present):
    found = _found(extractor, "A study of small models", abstract)
    assert (("English", "Language", False) in found) is present


@pytest.mark.parametrize("abstract", [
    "In this paper, we propose a novel dynamic BERT model (abbreviated as DynaBERT), which adapts its width.",
    "This paper presents a monolingual BERT model for Galician.",
    "We release two monolingual Galician BERT models, built using 6 and 12 layers.",
])
def test_discovery_known_model_describing_the_new_one_is_not_introduced(extractor, abstract):
    found = _found(extractor, "A study of small models", abstract)
    assert ("BERT", "Model", False) in found and ("BERT", "Model", True) not in found


@pytest.mark.parametrize("abstract, named, kind, absent", [
    ("We also develop a cross-lingual XQR parser, XL-XQR, trained on silver data.", "XL-XQR", "Model", "XQR"),
    ("We construct a large-scale RS image-text dataset, Zeta-Align, for pre-training.", "Zeta-Align", "Dataset", "RS"),
])
def test_discovery_a_word_describing_the_kind_of_the_name_after_it_is_no_name(extractor, abstract, named, kind, absent):
    found = _found(extractor, "A study", abstract)
    assert (named, kind, True) in found and not any(name == absent for name, _, _ in found), found


@pytest.mark.parametrize("abstract, absent", [
    ("Models may have an ability called Theory-of-Zeta (ToZ), which we test.", {"ToZ", "Theory-of-Zeta"}),
    ("We study a phenomenon termed Zeta-Collapse, where outputs shrink.", {"Zeta-Collapse"}),
])
def test_discovery_a_quality_a_naming_word_names_is_no_name(extractor, abstract, absent):
    found = _found(extractor, "A study", abstract)
    assert not any(name in absent for name, _, _ in found), found


@pytest.mark.parametrize("abstract, absent", [
    ("We first collect image-caption (ZC) pairs from listings, then generate path-instruction (ZPI) pairs.",
     {"ZC", "ZPI"}),
    ("We propose quantifying this tradeoff using False Zefusal Rate (FZR).", {"FZR", "False Zefusal Rate"}),
])
def test_discovery_a_kind_of_item_or_a_rate_is_no_name(extractor, abstract, absent):
    found = _found(extractor, "A study", abstract)
    assert not any(name in absent for name, _, _ in found), found


def test_discovery_named_components_of_the_papers_method(extractor):
    abstract = ("We propose FooBERT. Specifically, FooBERT introduces an efficient Bi-Attention structure and a "
                "Direction-Matching Distillation (DMD) scheme to optimize it.")
    found = _found(extractor, "FooBERT: Accurate Binarized BERT", abstract)
    assert {("Bi-Attention", "Technique", True), ("Direction-Matching Distillation", "Technique", True)} <= found


@pytest.mark.parametrize("abstract, absent", [
    # no introducing sentence
    ("Prior work used an efficient Bi-Attention structure.", "Bi-Attention"),
    # an acronym of a known part
    ("Here, our method introduces the sparse MHA module, which stores only large weights.", "MHA"),
    # a model-based scheme is no technique name
    ("We propose a BERT-based scheme for tagging.", "BERT-based"),
])
def test_discovery_named_components_need_an_introduction_and_a_name(extractor, abstract, absent):
    assert not any(name == absent and etype == "Technique" for name, etype, _ in
                   _found(extractor, "A study of small models", abstract))


def test_discovery_compound_technique_as_modifier_is_still_named(extractor):
    found = _found(extractor, "A study of small models",
                   "We train a contrastive-learning-based embedding model and Transformer-based models.")
    assert ("contrastive learning", "Technique", False) in found
    assert ("Transformer", "Technique", False) in found  # the architecture is named as a modifier too (GUIDELINES)


def test_discovery_coordinated_title_head_is_two_names():
    from kg.extract import Extractor
    from kg.model import Paper

    paper = Paper("t:x", "ZetaSBERT and EtaSBERT: Sentence Models for Two Languages",
                  "We release ZetaSBERT and EtaSBERT, sentence models for two languages.")
    names = {f.name for f in Extractor()._discovered(paper)}
    assert {"ZetaSBERT", "EtaSBERT"} <= names and not any(" and " in n for n in names)


def test_discovery_acronym_with_a_number_prefix_is_no_error(extractor):
    # "(12-BERT)": the prefix before the stem has no letter to spell a long form with
    found = _found(extractor, "A study of small models", "We train Foo 12 BERT (12-BERT) here.")
    assert all(name != "Foo 12 BERT" for name, _, _ in found)


@pytest.mark.parametrize("abstract", [
    "We describe our JDExplore d-team's submission to the SuperGLUE leaderboard.",
    "This technical report describes our JDExplore team's submission to the SuperGLUE leaderboard.",
    "We present Zhipu's new model for Czech.",
])
def test_discovery_an_owner_before_a_possessive_is_not_introduced(extractor, abstract):
    names = {m.name for m in extractor(Paper("t:x", "A study of small models", abstract)).mentions}
    assert not names & {"JDExplore", "Zhipu"}


def test_discovery_a_double_hyphen_is_a_dash_between_names(extractor):
    text = "We fuse three LLMs with different architectures--Llama-2, MPT, and OpenLLaMA--across many benchmarks."
    names = {m.name for m in extractor(Paper("t:x", "A study of fusion", text)).mentions}
    assert "OpenLLaMA" in names and not any("--" in n for n in names)


def test_discovery_an_examination_named_by_its_acronym_is_no_model(extractor):
    text = "We evaluate GPT-4 on the Multistate Bar Examination (MBE) and the Multistate Essay Exam (MEE)."
    models = {m.name for m in extractor(Paper("t:x", "A study of exams", text)).mentions if m.type == "Model"}
    assert models == {"GPT-4"}


@pytest.mark.parametrize("abstract, types", [
    ("We introduce Zorb, an open model which uses Google's novel Griffin architecture.", {"Technique"}),
    ("We introduce Zorb. We replace most self-attention layers with Mamba layers.", {"Technique"}),
    ("We introduce Zorb, which combines Mamba with sliding window attention.", {"Technique"}),
    ("We introduce Zorb and compare it with Mamba on long inputs.", {"Model"}),
])
def test_discovery_an_architecture_named_as_a_part_is_a_technique(extractor, abstract, types):
    found = {m.type for m in extractor(Paper("t:x", "Zorb: a hybrid model", abstract)).mentions
             if m.name in ("Mamba", "Griffin")}
    assert found == types


@pytest.mark.parametrize("title, abstract, types", [
    # a framework whose model has a name of its own is a method; the model is the model
    ("Zorb: Tool Use for Language Models",
     "We introduce Zorb, a general tool-use framework. Based on it, we fine-tune LLaMA to obtain an LLM, ZorbLlama.",
     {"Zorb": "Technique", "ZorbLlama": "Model"}),
    # ... but a framework whose models carry its name, with a size or not, is a model
    ("Zorb: Chat Translation", "We propose Zorb, a framework for translation during chat. We finetune Zorb models "
     "on human-written data.", {"Zorb": "Model"}),
    ("Zorb: Agents at the Edge",
     "We introduce Zorb, a framework for training small agents. Our Zorb-1.1B and Zorb-7B models run on phones.",
     {"Zorb": "Model"}),
    # a quantization scheme or a pruning methodology is a method
    ("Zorbit: Binary Weights", "We present Zorbit, a 1-bit post-training quantization scheme.", {"Zorbit": "Technique"}),
    # ... and so is a name the method noun follows (after its long form too), a method "as" which it is proposed, a
    # name set off after "a ... method," and a mechanism; a title whose rest says what it improves says nothing
    ("ZRT: Improving LLM Safety with Automatic Red-Teaming",
     "We propose a Multi-round Zeta Red-Teaming (ZRT) method, which writes adversarial prompts.", {"ZRT": "Technique"}),
    ("Zorbix: Parameter-Efficient Adaptation", "Our time-efficient Zorbix approach shares knowledge across languages.",
     {"Zorbix": "Technique"}),
    ("KoraMix: Mixtures for Tuning", "We propose KoraMix as a general parameter-efficient fine-tuning method.",
     {"KoraMix": "Technique"}),
    ("ZetaDelta: Your Fine-Tune May Be One Bit", "We introduce a simple method, ZetaDelta, which stores deltas in 1 bit.",
     {"ZetaDelta": "Technique"}),
    ("Fast long-context decoding", "We propose ZorbAttn, a trainable sparse attention mechanism for long inputs.",
     {"ZorbAttn": "Technique"}),
    # a title whose rest is headed by a hyphenated process noun ("Prompt-tuning"), and a name in brackets after a
    # method's description or after the long form a method is named by
    ("KoraPrompt: Knowledge-aware Prompt-tuning with Synergistic Optimization", "We study relation labels.",
     {"KoraPrompt": "Technique"}),
    ("KoraPrompt: Relation Labels Matter", "We propose a label-aware prompt-tuning approach with synergistic "
     "optimization (KoraPrompt). KoraPrompt wins on five datasets.", {"KoraPrompt": "Technique"}),
    ("Span representations for extraction", "We propose a novel span representation approach, named Packed Zeta "
     "Markers (PZ-Marker), to consider the spans. PZ-Marker wins on six benchmarks.", {"PZ-Marker": "Technique"}),
])
def test_discovery_framework_or_model(extractor, title, abstract, types):
    found = {m.name: m.type for m in extractor(Paper("t:x", title, abstract)).mentions if m.name in types}
    assert found == types


@pytest.mark.parametrize("abstract, languages", [
    ("It is trained on both Swahili and Yoruba.", {"Swahili", "Yoruba"}),
    ("It works in both directions, for either task.", set()),
    ("It helps speakers of Swahili and dialects of Arabic.", {"Swahili", "Arabic"}),
    ("Typologically diverse languages, e.g., Swahili and Finnish, are covered.", {"Swahili", "Finnish"}),
])
def test_discovery_languages_after_both_of_and_eg(extractor, abstract, languages):
    found = {m.name for m in extractor(Paper("t:x", "Zorb: a model", abstract)).mentions if m.type == "Language"}
    assert found == languages


def test_discovery_acronym_built_on_a_known_name_has_no_long_form(extractor):
    """"a BERT model trained from scratch (BERTza)": the words start with the name the acronym is built on."""
    abstract = ("We pre-train and compare two models on the new corpus: a monolingual BERT model trained from scratch "
                "(BERTza), and a further pre-trained multilingual BERT (mBERTza).")
    mentions = extractor(Paper("t:x", "A study of Swahili", abstract)).mentions
    assert {(m.surface, m.name) for m in mentions} >= {("BERT", "BERT"), ("BERTza", "BERTza")}, mentions


def test_discovery_a_short_form_spelled_out_as_a_task_names_nothing(extractor):
    """"Multilingual Zeta Machine Translation (MZMT) models": MZMT is a task, not a model, wherever it stands."""
    abstract = ("Multilingual Zeta Machine Translation (MZMT) models are trained on bilingual corpora. We train "
                "MZMT models on WMT and find that Kora Graph Network (KGN) layers help.")
    names = {m.name for m in extractor(Paper("t:x", "A study of translation", abstract)).mentions}
    assert "MZMT" not in names and "WMT" in names, names


@pytest.mark.parametrize("abstract, types", [
    # the Transformer results are set against is a Model there (GUIDELINES), the one inside a model a Technique
    ("Zorb outperforms strong Transformer baselines on three language pairs.", {"Model"}),
    ("Zorb is 3x faster than Transformers of the same size.", {"Model"}),
    ("Zorb replaces attention in the Transformer with convolutions.", {"Technique"}),
    # ... not a modifier, nor software
    ("Zorb is much smaller than the transformer-based model it replaces.", {"Technique"}),
    ("Zorb surpasses state-of-the-art transformer frameworks such as PyTorch.", {"Technique"}),
])
def test_discovery_the_compared_transformer_is_a_model(extractor, abstract, types):
    found = {m.type for m in extractor(Paper("t:x", "Zorb: a fast model", abstract)).mentions
             if m.name == "Transformer"}
    assert found == types


@pytest.mark.parametrize("abstract, datasets", [
    # a known dataset with a year is its edition, a dataset of its own; not a dump of it
    ("Zorb ranks first in OffensEval 2020 and third in OffensEval-2019.", {"OffensEval 2020", "OffensEval-2019"}),
    ("Zorb scores 40% on AIME 2024.", {"AIME 2024"}),
    ("We pretrain Zorb on the Wikipedia 2018 dump.", {"Wikipedia"}),
])
def test_discovery_a_dataset_edition_is_a_dataset_of_its_own(extractor, abstract, datasets):
    found = {m.name for m in extractor(Paper("t:x", "Zorb: a model", abstract)).mentions if m.type == "Dataset"}
    assert found == datasets


def test_discovery_one_paper_gives_one_spelling_of_a_name(extractor):
    """"SemEval-2021 Task 1" in the title, "SemEval 2021 Task 1" in the abstract: one name, as the linker folds them."""
    paper = Paper("t:x", "Team Zorb at SemEval-2021 Task 1: Lexical Complexity Prediction",
                  "This paper describes the performance of team Zorb at SemEval 2021 Task 1 - Lexical Complexity "
                  "Prediction.")
    found = [(m.surface, m.name) for m in extractor(paper).mentions if m.type == "Dataset"]
    assert found == [("SemEval-2021 Task 1", "SemEval-2021 Task 1"), ("SemEval 2021 Task 1", "SemEval-2021 Task 1")]


@pytest.mark.parametrize("abstract, datasets", [
    # a shared task's number names the task's dataset, not the whole campaign
    ("Our system ranks first in SemEval 2020 Shared Task 12 and third in SemEval-2019 task 6.",
     {"SemEval 2020 Task 12", "SemEval-2019 Task 6"}),
    # a known task keeps its curated name
    ("We evaluate on SemEval 2014 Task 4.", {"SemEval-2014 Task 4"}),
    # no number, no task: the campaign
    ("We took part in SemEval-2021.", {"SemEval-2021"}),
])
def test_discovery_a_numbered_shared_task_is_a_dataset_of_its_own(extractor, abstract, datasets):
    found = {m.name for m in extractor(Paper("t:x", "Team Zorb: a system", abstract)).mentions if m.type == "Dataset"}
    assert found == datasets


@pytest.mark.parametrize("title", ["Pre-Trained Models: Past, Present and Future", "Foundation Models for Law",
                                   "Refining Czech GEC: Insights from Many Experiments"])
def test_discovery_a_generic_title_head_is_no_name(extractor, title):
    paper = Paper("t:x", title, "Large pre-trained models have achieved great success.")
    assert not [m for m in extractor(paper).mentions if m.type in ("Model", "Technique", "Dataset")]


def test_discovery_a_task_acronym_is_no_model(extractor):
    """"knowledge bases (KBQA)" names the task: "a novel BERT-based KBQA model" is no model called KBQA."""
    paper = Paper("t:x", "A study of knowledge bases",
                  "Existing studies on question answering on knowledge bases (KBQA) assume i.i.d. data. "
                  "In addition, we propose a novel BERT-based KBQA model.")
    assert "KBQA" not in {m.name for m in extractor(paper).mentions}


def test_discovery_a_generic_phrase_is_no_long_form_of_an_acronym():
    """"Zorb Reranker with a Large Language Model (ZRL)": ZRL is new, but "Large Language Model" is not its name,
    or every other paper's "large language model" would link to it."""
    ex = Extractor()
    papers = [Paper("t:a", "Reranking with LLMs", "We propose Zorb Reranker with a Large Language Model (ZRL). ZRL wins."),
              Paper("t:b", "A survey", "A large language model answers questions.")]
    ex.learn(papers)
    surfaces = {m.surface for m in ex(papers[0]).mentions if m.name == "ZRL"}
    # the whole phrase may spell it ("with a" spell no letter), never its generic end alone
    assert "ZRL" in surfaces and surfaces <= {"ZRL", "Zorb Reranker with a Large Language Model"}
    assert not [m for m in ex(papers[1]).mentions if m.type == "Model"]


@pytest.mark.parametrize("abstract, absent, present", [
    ("It improves accuracy on the 5-shot MMLU benchmark by 1.9%.", "5-shot MMLU", "MMLU"),
    ("We release ZorbWeb, a new 1.2-trillion-token corpus of web text.", "1.2-trillion-token", "ZorbWeb"),
    # nor is a date
    ("Zorb ranks first on the SuperGLUE benchmark (July 3, 2021).", "July 3", "SuperGLUE"),
    # nor a score after a listed name: a decimal version has a one-digit major ("Kora 2.5")
    ("We reach new F1 scores on three datasets: ZorbNER-chem 93.74, ZorbNER-disease 90.69.", "ZorbNER-chem 93.74",
     "ZorbNER-chem"),
])
def test_discovery_a_measure_is_no_name(extractor, abstract, absent, present):
    names = {m.name for m in extractor(Paper("t:x", "A study of data", abstract)).mentions}
    assert absent not in names and present in names


def test_discovery_a_list_before_an_acronym_is_no_long_form(extractor):
    """An acronym after a list of names spells the last one, not the list ("MATH, GSM8K, and BIG-Bench Hard")."""
    text = "We pretrain a model on our curated dataset, achieving gains on the MATH, GSM8K, and BIG-Bench Hard (BBH) tasks."
    mentions = extractor(Paper("t:x", "A study of data", text)).mentions
    assert {"MATH", "GSM8K", "BIG-Bench Hard"} <= {m.name for m in mentions}
    assert not any(m.introduced for m in mentions)


@pytest.mark.parametrize("abstract, task", [
    ("We introduce ZorbQA, a video question answering (VideoQA) benchmark. VideoQA models fail on ZorbQA.", "VideoQA"),
    ("We study multilingual neural machine translation (MNMT) and release ZorbMT. MNMT is hard.", "MNMT"),
    # ... or as a class of models: no model of its own
    ("We build on frozen bidirectional language models (BiLM). Our ZorbQA and the frozen BiLM work.", "BiLM"),
])
def test_discovery_short_form_of_a_task_is_no_name(extractor, abstract, task):
    """A short form the paper spells out as a task is no dataset or model, its capitals spelling the task when
    it mixes cases ("video question answering (VideoQA)")."""
    names = {m.name for m in extractor(Paper("t:x", "X", abstract)).mentions}
    assert task not in names and {"ZorbQA", "ZorbMT"} & names


def test_discovery_a_benchmark_named_after_a_model_is_a_dataset(extractor):
    """A name-shaped "...Bench" built on a model's name is the benchmark, not a model: "VideoChatGPT-Bench"."""
    paper = Paper("t:x", "X", "ZorbLM sets a new state of the art on VideoChatGPT-Bench and on ZorbBERT-Bench.")
    types = {m.name: m.type for m in extractor(paper).mentions}
    assert types["VideoChatGPT-Bench"] == types["ZorbBERT-Bench"] == "Dataset"


@pytest.mark.parametrize("title, abstract, acronym, long", [
    ("TaTa: A Multilingual Table-to-Text Dataset for African Languages",
     "We create Table-to-Text in African languages (TaTa), the first large multilingual table-to-text dataset.",
     "TaTa", "Table-to-Text in African languages"),
    ("A study of data", "We release Zorb-to-Text in Welsh dialects (ZoTa), a new table-to-text dataset for Welsh.",
     "ZoTa", "Zorb-to-Text in Welsh dialects"),
])
def test_discovery_a_function_word_in_a_long_form_spells_no_letter(extractor, title, abstract, acronym, long):
    """"Table-to-Text in African languages (TaTa)": "in" spells no letter of the acronym, so the long form
    reaches back past it; its first word alone is no name of its own."""
    mentions = extractor(Paper("t:x", title, abstract)).mentions
    named = {m.surface: m.name for m in mentions}
    assert named[acronym] == named[long]
    assert long.split()[0] not in {m.name for m in mentions}
    assert {m.type for m in mentions if m.name == named[acronym]} == {"Dataset"}


@pytest.mark.parametrize("abstract, acronym, long", [
    ("We propose Zorb-Looking Active REtrieval augmented generation (ZLARE), a generic method.", "ZLARE",
     "Zorb-Looking Active REtrieval augmented generation"),
    ("We present the REtrieval-Augmented Zorb Model (REAZM), which reads documents.", "REAZM",
     "REtrieval-Augmented Zorb Model"),
])
def test_discovery_capitals_opening_a_word_spell_an_acronym(extractor, abstract, acronym, long):
    """A run of capitals that opens a word gives the acronym all its letters ("REtrieval" gives R and E): the
    whole long form names the new method, not its first word alone."""
    mentions = extractor(Paper("t:x", "A study", abstract)).mentions
    named = {m.surface: m.name for m in mentions}
    assert named[acronym] == named[long]
    assert all(m.introduced for m in mentions if m.name == named[acronym])
    assert long.split()[0].split("-")[0] not in {m.name for m in mentions}


@pytest.mark.parametrize("abstract, name", [
    ("We propose two components: Zorb Migration and Token-Wise Clipping.", "Token-Wise Clipping"),
    ("Moreover, we propose a novel architecture, Consistency-Checking Network (CCN), that reasons.",
     "Consistency-Checking Network"),
    ("We propose Expert-Specialized Fine-Tuning, which tunes the experts.", "Expert-Specialized Fine-Tuning"),
])
def test_discovery_a_hyphened_capitalised_word_opens_a_longer_name(extractor, abstract, name):
    """"Token-Wise Clipping": capitalised words joined by a hyphen describe the name the capitalised words after
    them close; alone ("Token-Wise") they are no name."""
    mentions = extractor(Paper("t:x", "A study", abstract)).mentions
    assert name in {m.surface for m in mentions if m.introduced}
    assert name.split()[0] not in {m.name for m in mentions}


def test_discovery_a_known_name_ending_a_long_form_is_not_introduced(extractor):
    """"Gradient Aligned Mutual Learning BERT (GAML-BERT)": BERT is the last word of the new name's long form,
    not a name the paper presents."""
    paper = Paper("t:x", "A study of early exits",
                  "We propose a novel framework, Zorb Aligned Mutual Learning BERT (ZAML-BERT), for early exiting.")
    mentions = extractor(paper).mentions
    assert {m.name for m in mentions if m.introduced} == {"ZAML-BERT"}
    assert "Zorb Aligned Mutual Learning BERT" in {m.surface for m in mentions if m.name == "ZAML-BERT"}
