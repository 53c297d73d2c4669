"""Probe sentences: invented names in common phrasings of abstracts, each with the mentions it must give.

The names are made up (ZetaLM, KoraBERT, NimbusQA) so the gazetteer cannot
help: each probe checks one class of phrasing, not one paper. ``want`` lists
``(name, type, introduced)`` that must be among the paper's mentions (as
linked names); ``never`` lists surfaces that must not be a mention.
"""
from __future__ import annotations

import pytest

from kg.extract.pipeline import Extractor
from kg.model import Paper

# (title, abstract, want, never)
PROBES = [
    # a one-word name ending in a technique word, joined to the word before, is a technique
    ("ZorbAttention: faster KV caches", "We propose ZorbAttention to allocate the KV budget among layers.",
     {("ZorbAttention", "Technique", True)}, ()),
    ("KoraNorm: stable training", "We introduce KoraNorm, which rescales activations.",
     {("KoraNorm", "Technique", True)}, ()),
    # a size glued after a versioned name keeps the version's model: "Llama 2-7B" is LLaMA-2, "Llama 3-8B" LLaMA-3
    ("Memory-light optimizers", "We pre-train Llama 2-7B and compare with Llama 3-8B.",
     {("LLaMA-2", "Model", False), ("LLaMA-3", "Model", False)}, ("Llama",)),
    # the names listed after a new dataset noun and its description, at a colon: the paper's own datasets; not
    # capitalised words, nor what the description says are labels
    ("Multi-lingual evaluation of code models", "We present new benchmarks for evaluating code models: ZorbXP and "
     "Multilingual KoraEval, and NimbusQA-X.", {("ZorbXP", "Dataset", True), ("NimbusQA-X", "Dataset", True)}, ()),
    ("Domain tests", "We evaluate on three benchmarks in different domains: Medicine, Law and Finance.", set(),
     ("Law", "Finance")),
    ("A hate speech corpus", "We annotate a new dataset with three labels: CLEAN, OFFENSIVE and HATE.", set(),
     ("CLEAN", "HATE")),
    # a capitalised word the text also writes in lower case is an ordinary word, unless the paper presents it
    ("A reading study", "We present the first free-form multiple-choice Chinese machine reading Comprehension dataset "
     "(C3). Machine reading comprehension is hard.", set(), ("Comprehension",)),
    ("Bridging gaps", "We contribute Bridge, a method that helps tutors bridge knowledge gaps.",
     {("Bridge", "Technique", True)}, ()),
    # a short name glued onto a model's, spelled by the words before it, names the long form: no BERT here
    ("Speech models", "Self-supervised methods like Zorbo-unit BERT (ZuBERT) use unlabeled speech. We distill ZuBERT.",
     {("ZuBERT", "Model", False)}, ("BERT",)),
    ("Distilling Hidden-unit BERT", "We distill HuBERT into a small student.", {("HuBERT", "Model", False)}, ("BERT",)),
    # the modalities a model joins name no model: "called Visual-Linguistic BERT" names no "Visual-Linguistic"
    ("Zorb-VLBERT: Pre-training of Generic Visual-Linguistic Representations",
     "We introduce a new representation, called Visual-Linguistic Zorbformer.", set(), ("Visual-Linguistic",)),
    # a task acronym is no model: knowledge graph completion (KGC)
    ("Do PLMs help graph completion?", "Pre-trained models encourage PLM-based knowledge graph completion (KGC) "
     "models. However, these models are still behind the SOTA KGC models. We propose a PLM-based KGC model named ZorbKG.",
     {("ZorbKG", "Model", True)}, ("KGC",)),
    # a new name the paper calls "our" is its own (after a few words and a comma too); a curated one is not
    ("Sparse activation", "We sparsify experts. Remarkably, on phones, our ZetaSparse-7B achieves 11 tokens per second.",
     {("ZetaSparse-7B", "Model", True)}, ()),
    ("Merging experts", "We merge experts, and our final method, MZ-SMoE, compresses them further.",
     {("MZ-SMoE", "Technique", True)}, ()),
    ("Baselines", "We fine-tune BERT on ZetaQA. Our BERT baseline is strong.", {("BERT", "Model", False)}, ()),
    # after a naming word and an article, the capitalised words are the whole name
    ("Recurrent blocks", "We also introduce an RNN block called the Zeta Recurrent Unit that matches them.",
     {("Zeta Recurrent Unit", "Model", True)}, ("Unit",)),
    # a name with a possessive is its owner's: the name without it
    ("KoraScan: what is in my data", "We present KoraScan. We open-source KoraScan's code and artifacts.",
     {("KoraScan", "Model", True)}, ("KoraScan's",)),
    # software named after a technique is no mention of it
    ("Release", "We release KoraBERT in the transformers library and on Hugging Face Transformers.", set(),
     ("transformers", "Transformers")),
    # a bare lower-case phrase the paper's "we" introduces is its own technique; not what a paper presents that is none
    ("Thought templates", "We propose zeta-buffer to store high-level thoughts, and we further introduce kora "
     "distillation, which compresses them.", {("zeta-buffer", "Technique", True), ("kora distillation", "Technique", True)},
     ()),
    # a known technique presented with its acronym is the paper's own; described with an article, it is not
    ("Policy optimization", "We introduce Group Relative Policy Optimization (GRPO), a variant of PPO.",
     {("group relative policy optimization", "Technique", True)}, ()),
    ("Sparse models", "We present ZetaMoE. ZetaMoE is a Mixture-of-Experts (MoE) model. We introduce Zeta, a selective "
     "State Space Model (SSM).", {("mixture of experts", "Technique", False), ("state space model", "Technique", False)},
     ()),
    # a known name of several words heading the title is the paper's own, unless the title says it evaluates it
    ("Pile of Law: Learning Responsible Data Filtering", "We present a 256GB corpus of legal texts.",
     {("Pile of Law", "Dataset", True)}, ()),
    # ... after an article too: "The Pile of Law: ..."
    ("The Pile of Law: Learning Responsible Data Filtering", "We present a 256GB corpus of legal texts.",
     {("Pile of Law", "Dataset", True)}, ()),
    ("Tree of Thoughts: Evaluating Its Limits", "We test Tree of Thoughts on ZetaQA.",
     {("tree of thoughts", "Technique", False)}, ()),
    # ... or set after the method noun the paper introduces; not a participle there
    ("Reasoning", "We propose a novel prompting strategy, kora-to-zeta prompting, which solves easy parts first.",
     {("kora-to-zeta prompting", "Technique", True)}, ()),
    ("Reasoning", "We propose a new leakage detection method, demonstrating that it scales.", set(), ("demonstrating",)),
    # ... a technique the gazetteer knows too, unlike one the paper uses or describes with an article
    ("Uncertainty", "We introduce semantic entropy, an entropy over meanings.", {("semantic entropy", "Technique", True)},
     ()),
    ("Uncertainty", "We use semantic entropy and we propose a semantic entropy method for ZetaLM.",
     {("semantic entropy", "Technique", False)}, ()),
    ("Reasoning checks", "We propose to search the web. We present extensive results on ZetaQA, we propose practical strategies to cut costs, we "
     "develop baseline models for it and we propose training verifiers to judge answers.", set(),
     ("to search", "extensive results", "practical strategies", "baseline models", "training verifiers")),
    # the name of what a step of the work yields is the paper's own; not what others' work was "used to create"
    ("Efficient models", "We continue pretraining Kora-7B on math papers, yielding Zorblax, a model for proofs.",
     {("Zorblax", "Model", True)}, ()),
    ("Efficient models", "We build on ideas from the methods used to create Nimbus models.", set(), ("Nimbus",)),
    # ... a plain word too where the sentence ends after it ("to obtain Kantu."); "producing" is a result word
    ("Andean models", "We further pretrain mT5-base on our corpus to obtain Kantu. Kantu translates well.",
     {("Kantu", "Model", True)}, ()),
    ("Code-switched chat", "We fine-tune Gemma-2B on 300k dialogues, producing Chaska.", {("Chaska", "Model", True)}, ()),
    ("Efficient models", "Our recipe is simple to obtain. Results improve.", set(), ("Results",)),
    # a second verb of a "we" whose own verb introduces nothing: "We mine ..., and train Tumar, a ... model"
    ("Translation", "We mine 5.2M sentence pairs from OPUS, and train Tumar, a 600M-parameter many-to-many model, "
     "on them.", {("Tumar", "Model", True), ("OPUS", "Dataset", False)}, ()),
    ("Efficient models", "We combine two tricks, resulting in Kestrel 2, a suite of improved models.",
     {("Kestrel 2", "Model", True)}, ()),
    ("Efficient models", "Our student, ZetaTiny, matches its teacher.", {("ZetaTiny", "Model", True)}, ()),
    ("Efficient models", "Starting from Kora-7B, we drop half of its layers and obtain Zorblax, a small encoder.",
     {("Zorblax", "Model", True)}, ()),
    ("Efficient models", "We apply DPO to Kora-7B and call the result Zorro-Chat.", {("Zorro-Chat", "Model", True)}, ()),
    ("Efficient models", "We continue pretraining Kora on tweets and release the result as TweetKora.",
     {("TweetKora", "Model", True)}, ()),
    ("Efficient models", "We compress Kora-7B into Zorro-4B by removing 40% of its heads.",
     {("Zorro-4B", "Model", True)}, ()),
    ("Efficient models", "We sparsify Kora-1B and name the resulting checkpoints Zorro-50 and Zorro-70.",
     {("Zorro-50", "Model", True), ("Zorro-70", "Model", True)}, ()),
    ("Efficient models", "We quantize ZetaLM into INT8 with little loss.", set(), ("INT8",)),
    # introduced after the description ("that we introduce", "a new collection we assembled"), a known name
    # by a result phrase, a second name after a long description with a decimal in it
    ("Manual QA", "Kora-QA is trained on ZetaManuals, a dataset of 25k questions over manuals that we introduce.",
     {("ZetaManuals", "Dataset", True)}, ()),
    ("Public domain", "It was trained on newspapers from Zeta-19, a new collection we assembled, in English.",
     {("Zeta-19", "Dataset", True)}, ()),
    ("Camels", "We incorporate these advances into Tülu, resulting in Tülu 2, a suite of improved models.",
     {("Tülu 2", "Model", True)}, ()),
    ("Bilingual chat", "We present Zeta-Base, a 6B-parameter model pretrained on 1.2T tokens of Korean and English "
     "web text, and Zeta-Chat, its conversational counterpart.", {("Zeta-Base", "Model", True), ("Zeta-Chat", "Model", True)}, ()),
    ("Upcycling experts", "Applying it to Kora-1B gives Zorro-8x1B, a sparse model.", {("Zorro-8x1B", "Model", True)}, ()),
    ("Self-play", "ZetaPhi, the model that our method produces from Phi-3, improves by 7 points.",
     {("ZetaPhi", "Model", True)}, ()),
    # a name the paper describes or applies as a method is a technique, unless the abstract trains it
    ("Better sentence embeddings", "We introduce a contrastive learning method, dubbed KoraDef, that uses definitions.",
     {("KoraDef", "Technique", True)}, ()),
    ("Rank allocation", "We propose ZetaRank, which assigns each layer its own rank. Fine-tuned with ZetaRank, "
     "Kora-7B improves by 2 points.", {("ZetaRank", "Technique", True)}, ()),
    ("Long inputs", "We present Zorblax, a simple approach to long inputs. Zorblax is pretrained on C4.",
     {("Zorblax", "Model", True)}, ()),
    # a name said to be a language is one: "X is a low-resource language", "X, a tonal language"
    ("Low-resource NLP", "Swahili is a low-resource language. Yoruba, a tonal language, lacks resources.",
     {("Swahili", "Language", False), ("Yoruba", "Language", False)}, ()),
    # the first name of a list after "benchmarks:" (a capital after a colon opens a clause elsewhere)
    ("Evaluation", "We test on three benchmarks: Zorbo, Quxset, and Flimflam.",
     {("Zorbo", "Dataset", False), ("Quxset", "Dataset", False), ("Flimflam", "Dataset", False)}, ()),
    ("The Zorbo dataset: Word prediction in context", "We introduce the Zorbo dataset.", set(), ("Word",)),
    # ... or says what it does to models: "for quantizing ...", "turns any LLM into ..."
    ("4-bit transformers", "We propose QuarzQ for quantizing both weights and activations of LLMs to 4 bits.",
     {("QuarzQ", "Technique", True)}, ()),
    ("Text encoders", "We introduce Enc2Vec. Enc2Vec turns any decoder-only LLM into a strong text encoder.", {("Enc2Vec", "Technique", True)}, ()),
    # a list of three languages is a language context by itself; a script is no language
    ("Resources for Nigeria", "Hausa, Igbo and Yoruba together have more than 150 million speakers.",
     {("Hausa", "Language", False), ("Igbo", "Language", False), ("Yoruba", "Language", False)}, ()),
    ("One model, two scripts", "Serbian is written in both Cyrillic and Latin script.",
     {("Serbian", "Language", False)}, ("Latin",)),
    # two names joined by "and", one of them known, are two names, not one
    ("Commonsense with attention", "BERT's attentions serve tasks such as the Zorbo Pronoun Problem and Winograd "
     "Schema Challenge.", {("WSC", "Dataset", False)}, ("Zorbo Pronoun Problem and Winograd Schema Challenge",)),
    # ... in a title's case, or after another word before the script noun, or as "Latin-based" models
    ("Models for Kannada in Native and Latin Scripts", "We train models for Kannada text in the Latin and native "
     "scripts; unlike English and Latin-based LLMs, ours read both.", {("Kannada", "Language", False)}, ("Latin",)),
    # a second verb of the same subject introduces too; a name the abstract trains is a model, whatever its shape
    ("Polish reading comprehension", "We collect ZetaSet, 70k questions, and train KoraQA, an encoder-only reader, on it.",
     {("KoraQA", "Model", True)}, ()),
    # naming cues: denoted as, referred to as, which we call, termed
    ("A study of scaling", "The resultant models, denoted as ZetaLM-LS, are better than ZetaLM.",
     {("ZetaLM-LS", "Model", True)}, ()),
    ("A study of scaling", "We propose a model referred to as Zorblax that works well.",
     {("Zorblax", "Model", True)}, ()),
    ("A study of scaling", "We build a retriever which we call Kestrel.", {("Kestrel", "Model", True)}, ()),
    ("A study of scaling", "Our model, termed NimbusLM, beats GPT-4.",
     {("NimbusLM", "Model", True), ("GPT-4", "Model", False)}, ()),
    # a naming word before a capitalised task is no name
    ("A study of tagging", "We study the Named Entity Recognition task with BERT.", {("BERT", "Model", False)},
     ("Entity",)),
    # a coordinated list after an introducing verb introduces every member; -chat makes a distinct model
    ("A study of Arabic models", "We present Jais and Jais-chat, Arabic-centric models.",
     {("Jais", "Model", True), ("Jais-Chat", "Model", True)}, ()),
    ("A study of code models", "We release KoraLM-instruct, KoraLM-coder, KoraLM-math and KoraLM-70B.",
     {("KoraLM-instruct", "Model", True), ("KoraLM-coder", "Model", True), ("KoraLM-math", "Model", True),
      ("KoraLM-70B", "Model", True)}, ()),
    ("A study of code models", "We open-source ZetaCoder-7B, ZetaCoder-34B, and ZetaCoder-Python.",
     {("ZetaCoder-7B", "Model", True), ("ZetaCoder-34B", "Model", True), ("ZetaCoder-Python", "Model", True)}, ()),
    ("A study of versions", "We introduce Nimbus 1.5 and Nimbus 2, two open models.",
     {("Nimbus 1.5", "Model", True), ("Nimbus 2", "Model", True)}, ()),
    # a version after a name-shaped word
    ("A study of versions", "We introduce ZetaLM 2, the successor of ZetaLM.",
     {("ZetaLM 2", "Model", True)}, ()),
    # "called X N-Chat": the version and the chat marker are the name's
    ("Open chat models", "Our fine-tuned models, called Zorro 2-Chat, are optimized for dialogue.",
     {("Zorro 2-Chat", "Model", True)}, ("Zorro",)),
    # name-shaped tokens typed by their own shape: a model's ending, a model-shaped head, a dataset's ending
    ("A study of scaling", "We train ZetaLM-XS and ZetaLM-MoE, and align them into ZetaLM-DPO and ZetaLM-SFT.",
     {("ZetaLM-XS", "Model", True), ("ZetaLM-MoE", "Model", True), ("ZetaLM-DPO", "Model", False),
      ("ZetaLM-SFT", "Model", False)}, ("DPO", "SFT")),
    ("A study of chat models", "Experiments show that ZetaLM-Chat surpasses KestrelLM on five-shot MMLU.",
     {("ZetaLM-Chat", "Model", False), ("KestrelLM", "Model", False), ("MMLU", "Dataset", False)}, ()),
    ("A study of QA", "Our retriever is better on zero-shot NimbusQA and on Kora-Bench.",
     {("NimbusQA", "Dataset", False), ("Kora-Bench", "Dataset", False)}, ()),
    # a version of a known model is a model of its own; not a range of sizes ("Falcon-7/40/180B")
    ("A study of versions", "Our model is better than Vicuna-3 and the Falcon-7/40/180B models.",
     {("Vicuna-3", "Model", False)}, ("Falcon-7",)),
    # a known model and a lower-case variant marker anywhere: a model of its own
    ("A study of Arabic models", "Results show that Jais-chat outperforms Falcon-instruct and Vicuna-coder.",
     {("Jais-Chat", "Model", False), ("Falcon-Instruct", "Model", False), ("Vicuna-coder", "Model", False)}, ()),
    ("A study of data", "We compare against Self-instruct and chat-based models and Human-chat.", set(),
     ("Human-chat", "chat-based")),
    # an acronym of mixed case spelled by its capitals; a known acronym keeps its node
    ("A study of encoders", "Bidirectional Zeta Encoder (BiZE) is a new encoder.", {("BiZE", "Model", False)}, ()),
    ("A study of tuning", "The model was fine-tuned using Quantized Low-Rank Adaptation (QLoRA) on our data.",
     {("QLoRA", "Technique", False)}, ()),
    # a name after "train / fine-tune / evaluate X on" is a dataset
    ("A study of tuning", "We fine-tune ZetaLM on NimbusInstruct and evaluate it on KoraMath.",
     {("ZetaLM", "Model", False), ("NimbusInstruct", "Dataset", False), ("KoraMath", "Dataset", False)}, ()),
    # a name after "the" and before a head noun, or before a colon, after an introducing verb
    ("A study of open models", "We introduce the Kestrel series: 7B and 40B decoder-only models.",
     {("Kestrel", "Model", True)}, ()),
    # a name headed by a capitalised dataset noun after "the", not a capitalised description
    ("A study of exams", "GPT-4 passes the Uniform Notary Examination and ranks on the Open Ko-LLM Leaderboard.",
     {("Uniform Notary Examination", "Dataset", False), ("Open Ko-LLM Leaderboard", "Dataset", False)}, ()),
    ("A study of corpora", "We train on the Icelandic Gigaword Corpus, not the Large Dataset.",
     {("Icelandic Gigaword Corpus", "Dataset", False)}, ("Large Dataset", "Gigaword")),
    ("A study of corpora", "We present the Zorrostack: an 825 GiB English text corpus.",
     {("Zorrostack", "Dataset", True)}, ()),
    # ... not a known technique: the Transformer named as the architecture is no contribution of the paper
    ("A study of corpora", "We present the Transformer models.", {("Transformer", "Technique", False)}, ()),
    # a title head whose rest evaluates is a benchmark
    ("Zorro: Assessing Few-shot Swahili Understanding", "We present Zorro.", {("Zorro", "Dataset", True)}, ()),
    ("Kestrel: Can Language Models Count Sheep?", "We present Kestrel, a hard test.", {("Kestrel", "Dataset", True)}, ()),
    # title heads: "The X: ...", capitalised words before a known model's name
    ("The Zorrostack: A Dataset of Source Code", "We present a dataset of code.", {("Zorrostack", "Dataset", True)}, ()),
    ("Baby Llama: Distillation from an Ensemble", "We distil teachers into a small student.",
     {("Baby Llama", "Model", True)}, ()),
    ("Deep Learning: A Survey", "We review methods.", set(), ("Deep Learning",)),
    # "our X benchmark" is the paper's own; a naming word names the paper's own, but after "popular"
    ("A study of biomedical NLP", "We created a leaderboard featuring our ZetaBLU benchmark.",
     {("ZetaBLU", "Dataset", True)}, ()),
    ("A study of French", "A unified evaluation benchmark, called KoraFLUE (Kora Language Evaluation), is shared.",
     {("KoraFLUE", "Dataset", True)}, ()),
    ("A study of encoders", "We fine-tune a popular model called BERT on our data.", {("BERT", "Model", False)}, ()),
    # a name set off by commas after its new description (a framework is a method: the tuned gold types 42 of
    # 55 names described as frameworks Technique); a lower-case description is no long form
    ("A study of distillation", "We introduce a novel framework, Kora, which distills BERT into a student.",
     {("Kora", "Technique", True), ("BERT", "Model", False)}, ()),
    ("A study of Swahili", "We build a Swahili question answering dataset (SwaQuAD) with 10k questions.",
     {("SwaQuAD", "Dataset", True)}, ("Swahili question answering dataset",)),
    # hostile near-misses: capitalised sentence starts, tables, metrics, hardware, libraries, organisations
    ("A study of things", "We present Experiments on GLUE and Analysis of BERT. We release Code and Data.",
     {("GLUE", "Dataset", False), ("BERT", "Model", False)}, ("Experiments", "Analysis", "Code", "Data")),
    ("A study of things", "We use A100 GPUs for 1,000 GPU-hours with PyTorch, as in Table 2 and Section 3.", set(),
     ("A100", "GPU-hours", "PyTorch", "Table 2", "Section 3", "Table", "Section")),
    ("A study of things", "COVID-19 tweets were collected; BLEU-4, ROUGE-L and F1 are reported for Google models.",
     set(), ("COVID-19", "BLEU-4", "ROUGE-L", "F1", "Google")),
    ("A study of things", "Moreover, Results improve. However, Nimbus does not.", set(), ("Moreover", "Results")),
    # "our model, X", "X, our new model", "our dataset (X)"; not "Moreover, our model"; a size word after it is dropped
    ("A study of tuning", "Our model, ZetaLM, is fine-tuned from Qwen2.5.", {("ZetaLM", "Model", True)}, ()),
    ("A study of tuning", "ZetaLM, our new model, beats GPT-4. Moreover, our model is small.",
     {("ZetaLM", "Model", True)}, ("Moreover",)),
    ("A study of data", "We release our dataset (KoraSet) and our code.", {("KoraSet", "Dataset", True)}, ()),
    ("A study of Arabic", "Our largest model, KoraGPT2-mega, has 1.5B parameters.", {("KoraGPT2", "Model", True)}, ()),
    # a name of capitalised words ending in a word for a way of working on models is a method
    ("Kora Alignment: Subverting Safely-Aligned Language Models", "We show that Kora Alignment subverts models with "
     "100 examples.", {("Kora Alignment", "Technique", True)}, ()),
    ("Zeta Upcycling: Training Experts from Dense Checkpoints", "We propose Zeta Upcycling, which reuses a dense "
     "checkpoint.", {("Zeta Upcycling", "Technique", True)}, ()),
    # a protocol, a function or a tokenizer the paper names is a method
    ("Contamination", "We present a novel investigation protocol named Zeta Slot Guessing (ZS-Guessing), applicable to "
     "open models.", {("ZS-Guessing", "Technique", True)}, ()),
    ("Sparsity", "We propose a novel zReLU function, which is designed to improve LLM activation sparsity.",
     {("zReLU", "Technique", True)}, ()),
    ("Tokenizers", "We also introduce a novel efficient Swahili tokenizer, KoraTok, using a combination of BPE and "
     "Unigram.", {("KoraTok", "Technique", True)}, ()),
    # a known model describing the new one, then its name: "the first Icelandic BERT model, IceKora"
    ("A study of Icelandic", "We present the first Icelandic BERT model, IceKora.", {("IceKora", "Model", True)}, ()),
    ("A study of widths", "We propose a novel dynamic BERT model that adapts its width.", {("BERT", "Model", False)}, ()),
    # "trained on A and B": every listed name; "Kora++"
    ("A study of data", "We train on ZetaInstruct and SlimZeta, then evaluate on KoraBench-Hard.",
     {("ZetaInstruct", "Dataset", False), ("SlimZeta", "Dataset", False), ("KoraBench-Hard", "Dataset", False)}, ()),
    ("A study of things", "We present Kora++, an improved encoder.", {("Kora++", "Model", True)}, ()),
    # an acronym after its capitalised long form is one entity; a long form is typed by its head
    ("A study of reading", "We construct the Kora Reading Comprehension Dataset (KRCD).",
     {("Kora Reading Comprehension Dataset", "Dataset", True)}, ()),
    ("A study of decoders", "We present Open Zeta Transformers (OZT), a suite of decoder-only models.",
     {("OZT", "Model", True)}, ()),
    # a dataset's parts: "the X test set", "the X validation split", "the test split of X", "GLUE tasks (A, B)"
    ("A study of NLI", "We report results on the ZetaNLI test set and the KoraSum validation split.",
     {("ZetaNLI", "Dataset", False), ("KoraSum", "Dataset", False)}, ()),
    ("A study of QA", "We evaluate on the test split of KoraQA-2 and a portion of ZetaWeb.",
     {("KoraQA-2", "Dataset", False), ("ZetaWeb", "Dataset", False)}, ()),
    ("A study of GLUE", "Our experiments on SuperGLUE tasks (KoraNLI, KoraSST and KoraQQP) show gains.",
     {("KoraNLI", "Dataset", False), ("KoraSST", "Dataset", False), ("KoraQQP", "Dataset", False)}, ()),
    ("A study of GLUE", "Our experiments on KoraGLUE show gains.", {("KoraGLUE", "Dataset", False)}, ()),
    ("A study of sets", "We use a set of ZetaLM models and a subset of the KoraLM parameters.",
     {("ZetaLM", "Model", False), ("KoraLM", "Model", False)}, ()),
    # a list after an introducing verb goes on after a description set off by commas, not inside it
    ("A study of code models", "We present ZetaLM, a 7B model, and ZetaCoder, a code model.",
     {("ZetaLM", "Model", True), ("ZetaCoder", "Model", True)}, ()),
    ("A study of corpora", "We present ZetaLM, a model trained on Wikipedia and BookCorpus.",
     {("ZetaLM", "Model", True), ("BookCorpus", "Dataset", False)}, ()),
    # a name right after a singular dataset noun; a lower-case model identifier before "model"
    ("A study of patents", "Our contributions include a large dataset USPTO-9Z at the subclass level.",
     {("USPTO-9Z", "Dataset", False)}, ()),
    ("A study of code", "It matches the OpenAI code-zorro-001 model, not a 4-bit model or the int-8 model.",
     {("code-zorro-001", "Model", False)}, ("4-bit", "int-8")),
    # the predecessor of a new versioned name is an entity of its own
    ("Kestrel 2.0: An Open Model", "We present Kestrel 2.0, improving on Kestrel.",
     {("Kestrel 2.0", "Model", True), ("Kestrel", "Model", False)}, ()),
    # more naming words: hereafter, henceforth, refer to as; an introducing verb as an adjective names nothing
    ("A study of news", "We train a compact model (hereafter Kora) on news.", {("Kora", "Model", True)}, ()),
    ("A study of retrieval", "We propose a model, which we refer to as Kestrel, for retrieval.",
     {("Kestrel", "Model", True)}, ()),
    ("A study of systems", "Our system, henceforth ZetaRet, is fast.", {("ZetaRet", "Model", True)}, ()),
    ("A study of things", "We use the open-source Zorro model.", set(), ("Zorro",)),
    ("A study of state", "Models which we refer to as generalized state space models (GSSMs) are fast.", set(),
     ("GSSMs",)),
    # a modifier after a name is no name of the paper's; a quoted name; counts in thousands name no model
    ("A study of retrieval", "We build a ZetaLM-based retriever and a KoraBERT-like encoder.",
     {("ZetaLM", "Model", False), ("KoraBERT", "Model", False)}, ("ZetaLM-based",)),
    ("A study of retrieval", 'We present "Kestrel", a model for retrieval.', {("Kestrel", "Model", True)}, ()),
    ("A study of tuning", "We fine-tune Llama-3-8B-Instruct and Mistral-7B-v0.3 on KoraInstruct-50K.",
     {("KoraInstruct-50K", "Dataset", False)}, ()),
    ("A study of things", "We present GPT-4-class performance with a 7B model and Transformer-XL results.",
     {("GPT-4", "Model", False), ("Transformer-XL", "Model", False)}, ("GPT-4-class",)),
    ("A study of things", "We train on 8 H100 GPUs with Python 3.10 and CUDA 12. In Stage 2, we present Phase 3.",
     set(), ("H100", "Python 3.10", "CUDA 12", "Stage 2", "Phase 3", "Python")),
    # a known model and a capitalised variant marker: a model of its own
    ("A study of variants", "We compare Jais-Coder and Falcon-Math with Vicuna-Med.",
     {("Jais-Coder", "Model", False), ("Falcon-Math", "Model", False), ("Vicuna-Med", "Model", False)}, ()),
    # the object of an introducing verb is no name of the paper's when a preposition, a clause, an action or a
    # second verb comes before the name
    ("A study of things", "We present a comparison between ZetaLM and KoraLM on reasoning.",
     {("ZetaLM", "Model", False), ("KoraLM", "Model", False)}, ()),
    ("A study of things", "We present an empirical study showing ZetaLM is biased.", {("ZetaLM", "Model", False)}, ()),
    ("A study of things", "We introduce a benchmark and evaluate ZetaLM and KoraLM on it.",
     {("ZetaLM", "Model", False), ("KoraLM", "Model", False)}, ()),
    ("A study of things", "We propose fine-tuning ZetaLM with adapters.", {("ZetaLM", "Model", False)}, ()),
    ("A study of things", "We develop a pipeline using ZetaLM as the teacher.", {("ZetaLM", "Model", False)}, ()),
    ("A study of things", "We release all artifacts, including 7B and 34B models, the Zeta-Pile-2 dataset, and code.",
     {("Zeta-Pile-2", "Dataset", True)}, ()),
    ("A study of things", "We call the resulting models ZetaGPT.", {("ZetaGPT", "Model", True)}, ()),
    # title heads: a dash, "Introducing X", "X Technical Report", "The X Model Family", "A and B", a variant name
    ("Kestrel \u2014 An Open Model for Retrieval", "We train a model.", {("Kestrel", "Model", True)}, ()),
    ("Introducing Kestrel: An Open Model for Retrieval", "We train a model.", {("Kestrel", "Model", True)},
     ("Introducing Kestrel",)),
    ("Kestrel 1.5 Technical Report", "We describe a model.", {("Kestrel 1.5", "Model", True)}, ()),
    ("The Kestrel Model Family: Open Retrieval", "We describe a model.", {("Kestrel", "Model", True)}, ()),
    ("KoraBERT Models: Building Encoders for Swahili", "We train a model.", {("KoraBERT", "Model", True)},
     ("KoraBERT Models",)),
    ("Kestrel Model: An Open Multilingual Model", "We describe a model.", {("Kestrel", "Model", True)}, ("Kestrel Model",)),
    ("Kestrel and Zorro: Two Open Models", "We train two models, Kestrel and Zorro.",
     {("Kestrel", "Model", True), ("Zorro", "Model", True)}, ()),
    # ... plain words the abstract does not use are no names
    ("Text and Patterns: For Effective Reasoning, It Takes Two", "We study what prompts hold.", set(), ("Text", "Patterns")),
    # a naming word before a description and a method noun names what follows the noun
    ("Prompts", 'We name this Pre-trained Kora Tuning framework "ZPT".', {("ZPT", "Technique", True)}, ("Tuning",)),
    # capitalised words from the introducing verb to an acronym are its long form, spelled or not
    ("Code agents", "This paper introduces Multi-Agent Zeta Code Generation (ZetaCoder), a novel solution.",
     {("ZetaCoder", "Model", True)}, ("Multi-Agent",)),
    # what a model is not, and the plural of a known name, are no new models
    ("A study of encoders", "We compare BERT and non-BERT models with multilingual XLMs.", {("BERT", "Model", False)},
     ("non-BERT", "XLMs")),
    # a disease a dataset is about is no name of it
    ("Kora NER for Vietnamese", "We present the first manually-annotated COVID-19 domain-specific dataset for "
     "Vietnamese.", set(), ("COVID-19",)),
    # an acronym built on a name before it is no acronym of that name and the words after it
    ("Sparse models", "We propose a dense training framework for Kora models (DS-Kora) that saves memory.",
     {("DS-Kora", "Model", True)}, ("Kora models",)),
    ("Kestrel-Instruct: Instruction-tuned Retrieval", "We tune a model.", {("Kestrel-Instruct", "Model", True)}, ()),
    ("Kestrel-Med: A Medical Model", "We adapt Kestrel to medicine.",
     {("Kestrel-Med", "Model", True), ("Kestrel", "Model", False)}, ()),
    ("Towards Kestrel: Efficient Retrieval", "We train a model.", set(), ("Kestrel", "Towards Kestrel")),
    # the paper's own name as a sentence's subject, with "is a new" or a description set off by commas;
    # not a sentence adverb ("However, a new model ..."); "we name our model X"; "and the X models"
    ("A study of retrieval", "Kestrel is a new open model for retrieval.", {("Kestrel", "Model", True)}, ()),
    ("A study of retrieval", "Kestrel, a new benchmark for retrieval, is introduced.",
     {("Kestrel", "Dataset", True)}, ()),
    ("A study of retrieval", "However, a new model is needed. Recently, a novel approach was proposed.", set(),
     ("However", "Recently")),
    ("A study of retrieval", "We name our model Kestrel.", {("Kestrel", "Model", True)}, ()),
    ("A study of retrieval", "We also release KoraSet and the Kestrel models.", {("Kestrel", "Model", True)}, ()),
    ("A study of tagging", "We compare on the two Named Entity Recognition (NER) tasks Conll 2003 and GermEval 2014.",
     set(), ("Entity Recognition", "Recognition", "Entity")),
    ("A study of stance", "Zero-shot stance detection (ZSSD) aims to detect the stance towards an unseen target.",
     set(), ("Zero-shot stance detection", "ZSSD")),
    # datasets: after "benchmarks (e.g., ...", after "experiments / results / baselines on", past a bracketed aside;
    # a model's possessive data is no dataset name
    ("A study of reasoning", "We evaluate on benchmarks (e.g., KoraReason, ZetaMath and NimbusCode).",
     {("KoraReason", "Dataset", False), ("ZetaMath", "Dataset", False), ("NimbusCode", "Dataset", False)}, ()),
    ("A study of reasoning", "Experiments on MMLU, KoraReason and ZetaMath show gains.",
     {("KoraReason", "Dataset", False), ("ZetaMath", "Dataset", False)}, ()),
    ("A study of reasoning", "Our model outperforms baselines on KoraReason (+5.2), ZetaMath (+3.1) and NimbusCode.",
     {("KoraReason", "Dataset", False), ("ZetaMath", "Dataset", False), ("NimbusCode", "Dataset", False)}, ()),
    ("A study of data", "Widely used datasets (e.g., Alpaca's 52k data) contain many low-quality instances.", set(),
     ("Alpaca's 52k",)),
    ("A study of versions", "We introduce Nimbus 1.5 and compare it with Nimbus 1.0 and Nimbus.",
     {("Nimbus 1.5", "Model", True), ("Nimbus 1.0", "Model", False), ("Nimbus", "Model", False)}, ()),
    # hostile: a section after "our dataset (", a known name "is a new model", "(hereafter the teacher)"
    ("A study of things", "Our model (Table 2) and our dataset (Section 3) are small.", set(),
     ("Section 3", "Table 2", "Section", "Table")),
    ("A study of things", "GPT-4 is a new model. Wikipedia is a new corpus.",
     {("GPT-4", "Model", False), ("Wikipedia", "Dataset", False)}, ()),
    ("A study of things", "We train a teacher (hereafter the teacher) and a student.", set(), ("the teacher",)),
    # a list after an introducing verb stops at the first item that is no name
    ("A study of retrieval", "We present Kestrel, a retriever, and evaluate it on MMLU.",
     {("Kestrel", "Model", True), ("MMLU", "Dataset", False)}, ()),
    # a language pair or a measure is no name; the name set off after "a ... corpus," is the dataset's
    ("A study of translation", "We also build a Kazakh-English parallel corpus, KazParC, with 300k sentence pairs.",
     {("KazParC", "Dataset", True), ("Kazakh", "Language", False)}, ("Kazakh-English",)),
    ("A study of pretraining", "We pretrain ZetaLM on a 300B-token corpus, KoraWeb, and on a 5B-token Swahili corpus.",
     {("KoraWeb", "Dataset", False), ("Swahili", "Language", False)}, ("300B-token", "5B-token Swahili")),
    # a count of data after a new name makes it a dataset; a count of parameters does not
    ("A study of dialogue", "We collect KoraDialog, which contains 10k dialogues. We release ZetaMed (5,000 clinical notes).",
     {("KoraDialog", "Dataset", True), ("ZetaMed", "Dataset", True)}, ()),
    ("A study of scaling", "We present ZetaLM, which contains 7B parameters.", {("ZetaLM", "Model", True)}, ()),
    # a list of languages after a cue word is in context from its first member on, English too
    ("ZetaQA: a benchmark", "ZetaQA contains QA instances in 7 languages, namely English, Arabic, German and Hindi.",
     {("English", "Language", False), ("Arabic", "Language", False), ("German", "Language", False),
      ("Hindi", "Language", False)}, ()),
    ("Kestrel: open models", "Kestrel models cover the languages of English, Thai, Malay and Indonesian.",
     {("English", "Language", False), ("Thai", "Language", False), ("Indonesian", "Language", False)}, ()),
    ("ZetaGLUE: A Benchmark for Legal Language Understanding in English", "We present ZetaGLUE.",
     {("English", "Language", False)}, ()),
    ("A study of reasoning", "We introduce a new English reading comprehension benchmark, ZetaRC.",
     {("English", "Language", False), ("ZetaRC", "Dataset", True)}, ()),
    # a variety before a list's last member; a three-letter name with an ISO 639-1 code (Lao), not Dan or Gal
    ("ZetaQA: a benchmark", "ZetaQA has questions in 4 languages, namely Arabic, Hindi, Lao and Simplified Chinese. "
     "Dan and Gal wrote them.", {("Arabic", "Language", False), ("Lao", "Language", False),
                                 ("Chinese", "Language", False)}, ("Dan", "Gal")),
    # an acronym named with its long form takes the long form's shape: "Kora-Bench Hard (KBH)" is a dataset
    ("A study of reasoning", "We focus on a suite of 23 challenging tasks which we call Kora-Bench Hard (KBH).",
     {("Kora-Bench Hard", "Dataset", True)}, ()),
    # "develop" or "build" introduces a known name as "present" does; a known technique named only as the
    # kind of what is developed is not introduced
    ("A study of code", "Furthermore, we have developed coding-specialized models, WizardCoder and Zeta-Coder. "
     "We develop a Monte Carlo Tree Search (MCTS) protocol to explore layers. We build BERT-based classifiers.",
     {("WizardCoder", "Model", True), ("Monte Carlo tree search", "Technique", False), ("BERT", "Model", False)},
     ()),
    # an introducing verb in the past or perfect tense introduces as the present does
    ("A study of code models", "Furthermore, we have developed coding-specialized models, Kora-Code and "
     "Kora-Code-Chat. We trained Tumar, a 600M-parameter model, on them. To this end, we have built ZetaCorpus, "
     "a large-scale financial corpus.",
     {("Kora-Code", "Model", True), ("Kora-Code-Chat", "Model", True), ("Tumar", "Model", True),
      ("ZetaCorpus", "Dataset", True)}, ()),
    # what the abstract says a title's name is comes before what the title's rest is about
    ("Zorca: Progressive Learning from Explanation Traces", "We develop Zorca, a 13-billion parameter model that "
     "learns to imitate the reasoning of larger models.", {("Zorca", "Model", True)}, ()),
    ("Kestrel: Monolingual Language Models for 350 Languages", "We release Kestrel, a suite of monolingual "
     "language models up to 125M parameters for 350 languages.", {("Kestrel", "Model", True)}, ()),
    # a new name shaped like a dataset's: a task acronym, a GLUE-like suite, a pile, "Bench" inside it
    ("ZetaNLI: Evaluating Cross-lingual Sentence Representations",
     "We construct ZetaNLI by extending a development and test set to 15 languages.",
     {("ZetaNLI", "Dataset", True)}, ()),
    ("A study of legal text", "We present KoraLUE, which gathers seven legal tasks, and release Zeta-Pile-2 with "
     "55B tokens of mathematics.", {("KoraLUE", "Dataset", True), ("Zeta-Pile-2", "Dataset", True)}, ()),
    # a curated technique with a proper name is the paper's own after an introducing verb; a generic one is not
    ("A study of streaming", "We introduce StreamingLLM, an efficient framework for streaming. We propose a novel "
     "knowledge distillation method and introduce LoRA into the encoder.",
     {("StreamingLLM", "Technique", True), ("knowledge distillation", "Technique", False),
      ("LoRA", "Technique", False)}, ()),
    # English as the language of the paper's own data or models: in a list with another language in context,
    # after "languages and", in a hyphenated modifier, after a noun of data and "in", in a title after "into"
    ("A study of pretraining", "We pretrain ZetaLM on Swahili and English text, and train two trilingual models, "
     "one for Hausa, Igbo, and English.", {("English", "Language", False), ("Hausa", "Language", False)}, ()),
    ("A study of translation", "ZetaMT covers 11 Indic languages and English.", {("English", "Language", False)}, ()),
    ("A study of law", "We release KoraLaw, 256GB of English-language legal data.",
     {("English", "Language", False)}, ()),
    ("A study of compliance", "We introduce ZetaQA, 9,400 questions in English written by analysts.",
     {("English", "Language", False)}, ()),
    ("Translating Classical Poetry into English with Retrieval", "We present ZetaMT.",
     {("English", "Language", False)}, ()),
    ("Open Bilingual Chat Models for Korean and English", "We present ZetaChat.",
     {("English", "Language", False), ("Korean", "Language", False)}, ()),
    # English named as others' language or the comparison is a mention of the paper (taking no relation:
    # tests/test_probes_relations.py); not inside a word or name of its own
    ("KoraBERT: a Polish model", "Unlike the isolating English language, Polish is fusional. Work on languages "
     "other than English is rare.", {("Polish", "Language", False), ("English", "Language", False)}, ()),
    ("KoraBERT: a Polish model", "Polish is fusional. Models are trained on English-centric data or on English "
     "Wikipedia, and fail on non-English tasks.", {("Polish", "Language", False)}, ("English",)),
    # "named entity recognition (...)" names no new thing; a participle after a typed head noun ends the phrase
    ("A study of Chinese NER", "We evaluate on named entity recognition (People Daily, MSRA-NER) and on XNLI.",
     {("XNLI", "Dataset", False)}, ("Daily",)),
    ("A study of documents", "We introduce ZetaDocs, a new evaluation benchmark consisting of seven document tasks.",
     {("ZetaDocs", "Dataset", True)}, ()),
    # a later version of a known name is a name of its own; a first version or a count is not
    ("A study of safety", "We evaluate Llama Guard 3 and Llama Guard on ToxicChat, and train on The Stack v2.",
     {("Llama Guard 3", "Model", False), ("Llama Guard", "Model", False), ("The Stack v2", "Dataset", False)}, ()),
    ("A study of depth", "We compare BERT 12 layers deep with GPT-2 3 times, on SQuAD 1.1 and SQuAD 2.0.",
     {("BERT", "Model", False), ("GPT-2", "Model", False), ("SQuAD", "Dataset", False),
      ("SQuAD 2.0", "Dataset", False)}, ("BERT 12", "GPT-2 3")),
    ("Know What You Don't Know: Unanswerable Questions for SQuAD",
     "We present SQuAD 2.0, the latest version of SQuAD.", {("SQuAD 2.0", "Dataset", True), ("SQuAD", "Dataset", False)},
     ()),
    ("A study of adaptation", "We release Zürich 2, a suite of Llama-2 models finetuned on our mixture.",
     {("Zürich 2", "Model", True)}, ()),
    ("A study of adaptation", "We release Tülu 2 and compare it with Tülu.", {("Tülu 2", "Model", True),
                                                                             ("Tülu", "Model", False)}, ()),
    # both names after "our benchmarks," are the paper's own datasets, typed by the noun
    ("A study of QA", "Our benchmarks, ZetaQA and KoraEval, are hard.",
     {("ZetaQA", "Dataset", True), ("KoraEval", "Dataset", True)}, ()),
    # "we compile X: 4 terabytes of ...": a dataset the paper makes
    ("A study of code", "We compile ZetaCommits: 4 terabytes of Git commits across 350 programming languages.",
     {("ZetaCommits", "Dataset", True)}, ()),
    # a title whose rest begins with a verb and its object has no head noun to type the name by
    ("ZetaMath: Bootstrap Your Own Mathematical Questions for Language Models",
     "We propose ZetaMath, a fine-tuned language model for mathematical reasoning.", {("ZetaMath", "Model", True)}, ()),
    ("NimbusQA: A Benchmark of Questions for Language Models", "We present NimbusQA to test reading.",
     {("NimbusQA", "Dataset", True)}, ()),
    ("A study of language models", "We report perplexity on WikiText-2 and WikiText-103.",
     {("WikiText-2", "Dataset", False), ("WikiText-103", "Dataset", False)}, ()),
    # a name in quotes described as a method; a listed benchmark's score or an abbreviation is no part of a name
    ("ZorbPrompter: reasoning", "We propose 'ZorbPrompter', a technique that improves arithmetic in LLMs.",
     {("ZorbPrompter", "Technique", True)}, ()),
    ("A study of math", "It is best on six benchmarks (e.g., KoraMath 74.4% to 83.2%).", {("KoraMath", "Dataset", False)},
     ("KoraMath 74.4",)),
    ("A study of math", "It is strong on in-domain benchmarks (Avg. 80.1%). We release it.", set(), ("Avg",)),
    # the chat / instruct variant of the paper's own model is the paper's too
    ("Qwen Technical Report", "We introduce Qwen, our model series: Qwen, the base models, and Qwen-Chat, the chat "
     "models.", {("Qwen", "Model", True), ("Qwen-Chat", "Model", True)}, ()),
    ("A study of chat models", "We introduce ZorbLM. We compare with Qwen-Chat.", {("Qwen-Chat", "Model", False)}, ()),
    # a new name built on a known technique's name is a technique (not with a size, nor on an architecture
    # that names models: "JetMoE-8B")
    ("A study of quantization", "We propose IR-QLoRA for pushing quantized LLMs with LoRA to be accurate.",
     {("IR-QLoRA", "Technique", True)}, ()),
    ("A study of adapters", "We present IncreLoRA, which allocates ranks incrementally, and ZetaLoRAPrune.",
     {("IncreLoRA", "Technique", True)}, ()),
    ("A study of experts", "We release JetZorbMoE-8B, trained with less than $0.1 million.",
     {("JetZorbMoE-8B", "Model", True)}, ()),
    # a model's spelled-out name standing for another name is not that model: within a longer capitalised
    # name, before another bracketed name, in brackets after another name; it is where it stands alone
    ("ChatGPT in medicine", "Chat Generative Pre-trained Transformer (ChatGPT) answers exam questions.",
     {("ChatGPT", "Model", False)}, ("Generative Pre-trained Transformer",)),
    ("ZorbGPT: Open Multimodal Generative Pre-trained Transformer for Biology", "We present ZorbGPT.",
     {("ZorbGPT", "Model", True)}, ("Generative Pre-trained Transformer",)),
    ("A study of dialogue", "We present a conversational model, ZorbDialo (dialogue generative pre-trained "
     "transformer).", {("ZorbDialo", "Model", True)}, ("generative pre-trained transformer",)),
    ("A study of scaling", "Generative Pre-trained Transformers (GPTs) have been scaled to 175B parameters.",
     {("GPT", "Model", False)}, ()),
    ("A study of pruning", "We show that large-scale generative pretrained transformer (GPT) models can be pruned.",
     {("GPT", "Model", False)}, ()),
    # a name the gazetteer matches only as written (HiPPO, cs) is not the same word in another case
    ("Open medical models", "We introduce Hippo, a family of 7B models fine-tuned from Mistral.",
     {("Hippo", "Model", True)}, ()),
    # a title's name nothing else types is a technique where a method word stands near it in the abstract,
    # else a model
    ("Zorbix: Less Is More", "Long inputs are costly for language models. Zorbix, simple to plug into any toolkit, "
     "halves the latency.", {("Zorbix", "Technique", True)}, ()),
    ("Zorbix: Less Is More", "Long inputs are costly for language models. Zorbix halves the latency.",
     {("Zorbix", "Model", True)}, ()),
    # a name ending in a size in billions names a model wherever a dataset's place would type it (not one in
    # millions of examples, nor a known dataset's size in tokens)
    ("A study of math", "Evaluated on KoraMath, ZorbScale-7B achieves the best results among open models.",
     {("ZorbScale-7B", "Model", False)}, ()),
    # a lower-case word is no name the gazetteer spells only with inner capitals (MiniMA, MIMICS, ParaPhraser),
    # as written it is; a lower-case alias of its own is the name ("nocaps")
    ("A study of optimizers", "Our optimizer converges to flatter minima; a paraphraser mimics it. We compare "
     "with MiniMA and evaluate on nocaps.", {("MiniMA", "Model", False), ("NoCaps", "Dataset", False)},
     ("minima", "paraphraser", "mimics")),
]


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


@pytest.mark.parametrize("title,abstract,want,never", PROBES, ids=[p[1][:50] for p in PROBES])
def test_probe(extractor, title, abstract, want, never):
    mentions = extractor(Paper("t:probe", title, abstract)).mentions
    got = {(m.name, m.type, m.introduced) for m in mentions}
    assert want <= got, f"missing {sorted(want - got)}; got {sorted(got)}"
    surfaces = {m.surface for m in mentions}
    assert not surfaces & set(never), f"unwanted {sorted(surfaces & set(never))}"
