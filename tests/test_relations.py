"""Relation extraction: a case table of invented sentences, then the bundled build."""
from __future__ import annotations

import re

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.errors import KGError
from kg.extract.relations import RelationExtractor, extract_relations, load_relation_table
from kg.model import Mention, Paper
from kg.vocab import KG, PROV, RDF, RDFS

# surface -> (type, canonical name) for every invented name the cases use
NAMES = {
    "PicoLM": "Model", "GPT-2": "Model", "NanoBERT": "Model", "RoBERTa": "Model", "KiwiLM": "Model",
    "LLaMA": "Model", "SqueezeT5": "Model", "T5": "Model", "Q4Llama": "Model", "MedGemma": "Model",
    "Gemma": "Model", "CymBERT": "Model", "XLM-R": "Model", "DanskBERT": "Model", "TinyLlamaX": "Model",
    "fooBERT": "Model", "barBERT": "Model", "BERT": "Model", "Zeta": "Model", "DistilBERT": "Model",
    "GPT-4": "Model", "AlphaLM": "Model", "BetaLM": "Model", "Mistral": "Model", "OwlLM": "Model",
    "OwlLM-7B-Chat": "Model", "OwlLM-Instruct": "Model",
    "SwaCorp": "Dataset", "SwaQA": "Dataset", "SwaBench": "Dataset", "OwlLMBase": "Model", "OwlGemma": "Model", "GLM": "Model", "ZetaChat": "Model", "WikiText": "Dataset",
    "GLUE": "Dataset", "SuperGLUE": "Dataset", "C4": "Dataset", "SQuAD": "Dataset", "OSCAR": "Dataset",
    "Welsh": "Language", "Danish": "Language", "Swahili": "Language",
    "LoRA": "Technique", "masked language modeling": "Technique", "quantization": "Technique",
    "knowledge distillation": "Technique", "Transformer": "Technique",
}
_FIND = re.compile("|".join(rf"(?<![\w-]){re.escape(n)}(?!\w)" for n in sorted(NAMES, key=len, reverse=True)))


def paper_with_mentions(title: str, abstract: str) -> tuple[Paper, list[Mention]]:
    paper = Paper("t:test", title, abstract)
    mentions = [Mention(m.group(0), m.group(0), NAMES[m.group(0)], m.start(), m.end())
                for m in _FIND.finditer(paper.text)]
    return paper, mentions


def _triple(r) -> tuple[str, str, str]:
    """A relation as ``(subject, predicate, object)`` names, ``@paper`` for the paper."""
    return ("@paper" if r.subject[0] == "Paper" else r.subject[1], r.predicate, r.object[1])


def triples(title: str, abstract: str) -> set[tuple[str, str, str]]:
    paper, mentions = paper_with_mentions(title, abstract)
    out = set()
    for r in extract_relations(paper, mentions):
        out.add(_triple(r))
        assert r.paper == paper.key and r.sentence in paper.text
        assert 0 < r.confidence <= 1
    return out


@pytest.mark.parametrize("case,title,abstract,expected,absent", [
    # lineage: distillsFrom
    ("title distilling", "PicoLM: Distilling GPT-2 into a Tiny Model", "It is small.",
     {("PicoLM", "distillsFrom", "GPT-2")}, {("PicoLM", "basedOn", "GPT-2")}),
    ("distilled version of", "Small encoders", "We present NanoBERT, a distilled version of RoBERTa.",
     {("NanoBERT", "distillsFrom", "RoBERTa")}, set()),
    ("as teacher", "KiwiLM: small and sweet", "KiwiLM is trained with LLaMA as the teacher.",
     {("KiwiLM", "distillsFrom", "LLaMA")}, set()),
    ("apposition distilled from, second teacher", "Small encoders",
     "We present NanoBERT, distilled from RoBERTa with GPT-2 as a second teacher.",
     {("NanoBERT", "distillsFrom", "RoBERTa"), ("NanoBERT", "distillsFrom", "GPT-2")}, set()),
    # compresses
    ("pruned version of", "Sparse models", "We present SqueezeT5, a pruned version of T5.",
     {("SqueezeT5", "compresses", "T5")}, set()),
    ("title quantized", "Q4Llama: Quantized 4-bit LLaMA", "We apply quantization to every layer.",
     {("Q4Llama", "compresses", "LLaMA"), ("Q4Llama", "usesTechnique", "quantization")},
     {("Q4Llama", "basedOn", "LLaMA")}),
    ("reduce the size of", "Zeta: a model", "We reduce the size of T5 by half with Zeta.",
     {("Zeta", "compresses", "T5")}, set()),
    # fineTunedFrom
    ("fine-tuned from", "Clinical models", "We introduce MedGemma. MedGemma is fine-tuned from Gemma on notes.",
     {("MedGemma", "fineTunedFrom", "Gemma")}, set()),
    ("further pre-train", "CymBERT: a Welsh encoder", "We further pre-train XLM-R on Welsh web text.",
     {("CymBERT", "fineTunedFrom", "XLM-R"), ("CymBERT", "forLanguage", "Welsh")}, set()),
    ("a Y model fine-tuned on", "Clinical models", "We present MedGemma, a Gemma model fine-tuned on notes.",
     {("MedGemma", "fineTunedFrom", "Gemma")}, {("MedGemma", "basedOn", "Gemma")}),
    ("adapt Y to a domain", "KiwiLM: small and sweet", "We adapt LLaMA to law texts.",
     {("KiwiLM", "fineTunedFrom", "LLaMA")}, set()),
    ("starting from", "Zeta: a model", "Starting from LLaMA, we train Zeta on law texts.",
     {("Zeta", "fineTunedFrom", "LLaMA")}, set()),
    ("starting from a baseline", "Zeta: a model", "Starting from LLaMA as a baseline, we show gains.",
     set(), {("Zeta", "fineTunedFrom", "LLaMA")}),
    ("study words after the cue", "Zeta: a model", "We apply our method to T5 and compare it with others.",
     {("Zeta", "basedOn", "T5")}, set()),
    ("study words before the cue", "Zeta: a model", "We compare methods built on T5.", set(),
     {("Zeta", "basedOn", "T5")}),
    ("fine-tune Y to create", "Clinical models", "We fine-tune Gemma on notes to create MedGemma.",
     {("MedGemma", "fineTunedFrom", "Gemma")}, set()),
    # basedOn
    ("X-based in title", "DanskBERT: a Danish RoBERTa-based language model", "We release it.",
     {("DanskBERT", "basedOn", "RoBERTa"), ("DanskBERT", "forLanguage", "Danish")}, set()),
    ("built on", "Small chat models", "We present TinyLlamaX, built on LLaMA.",
     {("TinyLlamaX", "basedOn", "LLaMA")}, set()),
    ("a Y model for", "OwlLM: an owl of a model", "This paper presents a monolingual BERT model for Swahili.",
     {("OwlLM", "basedOn", "BERT"), ("OwlLM", "forLanguage", "Swahili")}, set()),
    ("name-internal with cue", "Ranking with encoders",
     "Ranking needs BERT. We propose two variants, called fooBERT and barBERT, for ranking.",
     {("fooBERT", "basedOn", "BERT"), ("barBERT", "basedOn", "BERT")}, set()),
    ("name-internal: versions of the name itself are no cue", "fooBERT: a model for ranking",
     "Ranking needs BERT. We evaluate several versions of fooBERT on two tasks.", set(),
     {("fooBERT", "basedOn", "BERT")}),
    ("name-internal needs a cue", "Ranking with encoders", "Ranking needs BERT. We propose fooBERT for ranking.",
     set(), {("fooBERT", "basedOn", "BERT")}),
    ("builds on", "Zeta: a model", "Zeta builds on T5 with a new decoder.", {("Zeta", "basedOn", "T5")}, set()),
    ("fine-tuned Y in a study is no lineage", "Zeta: a model", "We compare Zeta with a T5 model fine-tuned on GLUE.",
     set(), {("Zeta", "fineTunedFrom", "T5"), ("Zeta", "basedOn", "T5")}),
    ("Y's architecture", "Zeta: a model", "Zeta keeps T5's encoder architecture.", {("Zeta", "basedOn", "T5")}, set()),
    ("on top of", "Zeta: a model", "We add a memory on top of LLaMA.", {("Zeta", "basedOn", "LLaMA")}, set()),
    # evaluatedOn, trainedOn, forLanguage, usesTechnique, outperforms
    ("evaluated on a list", "Zeta: a model", "We evaluate Zeta on GLUE and SuperGLUE.",
     {("Zeta", "evaluatedOn", "GLUE"), ("Zeta", "evaluatedOn", "SuperGLUE")}, set()),
    ("pre-trained on", "Zeta: a model", "Zeta is pre-trained on C4.",
     {("Zeta", "trainedOn", "C4")}, {("Zeta", "evaluatedOn", "C4")}),
    ("pre-trained from scratch on", "Zeta: a model", "Zeta was pre-trained from scratch on 2B words of C4 text.",
     {("Zeta", "trainedOn", "C4")}, {("Zeta", "evaluatedOn", "C4")}),
    ("a bracketed aside is no training", "Zeta: a model", "Zeta beats GPT-4 (trained with more compute) on SQuAD.",
     {("Zeta", "evaluatedOn", "SQuAD"), ("Zeta", "outperforms", "GPT-4")}, {("Zeta", "trainedOn", "SQuAD")}),
    ("corpus is no benchmark", "Zeta: a model", "We crawl the Danish OSCAR corpus.",
     set(), {("Zeta", "evaluatedOn", "OSCAR")}),
    ("background benchmark", "Zeta: a model", "Earlier encoders did well on GLUE. Zeta is small.", set(),
     {("Zeta", "evaluatedOn", "GLUE")}),
    ("a source is no benchmark", "Zeta: a model", "We build a translation of SQuAD into Welsh.", set(),
     {("Zeta", "evaluatedOn", "SQuAD")}),
    ("language", "Zeta: a model", "We release Zeta for Swahili.", {("Zeta", "forLanguage", "Swahili")}, set()),
    ("technique", "Zeta: a model", "Zeta uses LoRA to adapt.", {("Zeta", "usesTechnique", "LoRA")}, set()),
    ("outperforms a list", "Zeta: a model", "Zeta outperforms BERT and RoBERTa on GLUE.",
     {("Zeta", "outperforms", "BERT"), ("Zeta", "outperforms", "RoBERTa"), ("Zeta", "evaluatedOn", "GLUE")}, set()),
    ("better than", "Zeta: a model", "It scores higher than GPT-4 on SQuAD.",
     {("Zeta", "outperforms", "GPT-4"), ("Zeta", "evaluatedOn", "SQuAD")}, set()),
    ("improves over", "Zeta: a model", "Zeta improves substantially over RoBERTa.",
     {("Zeta", "outperforms", "RoBERTa")}, set()),
    ("outperforms them", "Zeta: a model", "Zeta is close to GPT-4 and BERT at first, and outperforms them later.",
     {("Zeta", "outperforms", "GPT-4"), ("Zeta", "outperforms", "BERT")}, set()),
    ("another model as subject", "Zeta: a model", "We find that GPT-4 clearly outperforms BERT.", set(),
     {("Zeta", "outperforms", "BERT")}),
    ("pruned from", "Zeta: a model", "Zeta is pruned from RoBERTa.", {("Zeta", "compresses", "RoBERTa")}, set()),
    ("apply quantization to", "Zeta: a model", "We apply 4-bit quantization to LLaMA, yielding Zeta.",
     {("Zeta", "compresses", "LLaMA")}, set()),
    ("a version obtained by compression", "Zeta: a model", "Zeta is a 4-layer version of BERT obtained with layer dropping.",
     {("Zeta", "compresses", "BERT")}, {("Zeta", "basedOn", "BERT")}),
    ("a version obtained by compression is no lineage of others'", "Zeta: a model",
     "We compare with a pruned version of BERT obtained with movement pruning.", set(), {("Zeta", "compresses", "BERT")}),
    ("the model is distilled from", "Zeta: a model", "The model is distilled from BERT.", {("Zeta", "distillsFrom", "BERT")}, set()),
    ("a participle of others' models is no lineage", "Zeta: a model", "Models distilled from BERT are common.",
     set(), {("Zeta", "distillsFrom", "BERT")}),
    ("the resulting model names the paper's own", "A study of tuning",
     "We fine-tune GPT-4 on legal text. The resulting model, Zeta, outperforms BERT.",
     {("Zeta", "fineTunedFrom", "GPT-4"), ("Zeta", "outperforms", "BERT")}, set()),
    ("a dataset named without an evaluation word is no benchmark", "Zeta: a model",
     "Zeta retrieves passages from WikiText to answer questions. We convert SQuAD into a cloze format.",
     set(), {("Zeta", "evaluatedOn", "WikiText"), ("Zeta", "evaluatedOn", "SQuAD")}),
    ("fine-tuned on downstream tasks is evaluated", "Zeta: a model",
     "We pre-train Zeta on C4 and fine-tune on a variety of downstream tasks (GLUE, SQuAD, etc).",
     {("Zeta", "evaluatedOn", "GLUE"), ("Zeta", "evaluatedOn", "SQuAD")}, set()),
    ("others' evaluation", "Zeta: a model", "Prior work evaluated BERT on SQuAD.", set(), {("Zeta", "evaluatedOn", "SQuAD")}),
    ("train the model on", "Zeta: a model", "We train Zeta on SwaCorp for 300B tokens.", {("Zeta", "trainedOn", "SwaCorp")}, set()),
    ("examples tuned on are training data", "Zeta: a model",
     "We fine-tune LLaMA on 70K conversations from SwaCorp to obtain Zeta.",
     {("Zeta", "trainedOn", "SwaCorp")}, {("Zeta", "evaluatedOn", "SwaCorp")}),
    ("compared with Y, X improves by", "Zeta: a model", "Compared with RoBERTa, Zeta improves F1 by 2.1 points.",
     {("Zeta", "outperforms", "RoBERTa")}, set()),
    # negation and contrast
    ("unlike ... do not distil", "Zeta: a model", "Unlike DistilBERT, we do not distil from BERT.",
     set(), {("Zeta", "distillsFrom", "BERT"), ("Zeta", "distillsFrom", "DistilBERT")}),
    ("does not outperform", "Zeta: a model", "Zeta does not outperform GPT-4.", set(), {("Zeta", "outperforms", "GPT-4")}),
    ("relative clause of a contrasted model", "Zeta: a model",
     "In contrast to NanoBERT, which distills BERT, Zeta uses no teacher.",
     {("NanoBERT", "distillsFrom", "BERT")}, {("Zeta", "distillsFrom", "BERT")}),
    ("relative clause with an auxiliary", "Zeta: a model", "Unlike DistilBERT, which was distilled from BERT, Zeta is pruned.",
     set(), {("Zeta", "distillsFrom", "BERT")}),
    ("relative clause of the paper's own model", "Zeta: a model", "We present Zeta, which distills BERT into six layers.",
     {("Zeta", "distillsFrom", "BERT")}, set()),
    ("others' work as the clause's subject", "Zeta: a model",
     "Previous work distilled BERT into smaller students; Zeta instead is trained from scratch.",
     set(), {("Zeta", "distillsFrom", "BERT")}),
    ("many approaches as the subject", "Zeta: a model", "Many approaches fine-tune BERT, while Zeta is trained from scratch.",
     set(), {("Zeta", "fineTunedFrom", "BERT")}),
    ("a bare plural opening the clause is others'", "Zeta: a model",
     "Models fine-tuned from BERT are common, but Zeta is trained from scratch.", set(), {("Zeta", "fineTunedFrom", "BERT")}),
    ("our models as the subject stay ours", "Zeta: a model", "Our models are fine-tuned from LLaMA.",
     {("Zeta", "fineTunedFrom", "LLaMA")}, set()),
    ("neither nor", "Zeta: a model", "Neither Zeta nor RoBERTa is trained on C4.", set(), {("Zeta", "trainedOn", "C4")}),
    ("a list does not run into the next clause", "Zeta: a model",
     "Although DistilBERT is distilled from BERT, Zeta is trained from scratch.",
     {("DistilBERT", "distillsFrom", "BERT")}, {("DistilBERT", "distillsFrom", "Zeta")}),
    ("a list before its verb phrase ends", "Zeta: a model", "Zeta is distilled from BERT, RoBERTa and GPT-2 on GLUE.",
     {("Zeta", "distillsFrom", "BERT"), ("Zeta", "distillsFrom", "RoBERTa"), ("Zeta", "distillsFrom", "GPT-2")}, set()),
    ("relative clause with its own subject is ours", "Zeta: a small model", "We start from BERT, which we distil into Zeta.",
     set(), {("BERT", "distillsFrom", "Zeta")}),
    ("comparison clause", "Zeta: a model", "We compare it with recent methods that use LoRA.", set(),
     {("Zeta", "usesTechnique", "LoRA")}),
    ("compatible is not used", "Zeta: a model", "Zeta can be combined with quantization for more gains.", set(),
     {("Zeta", "usesTechnique", "quantization")}),
    ("a technique for future work is not used", "Zeta: a model", "Future work could combine Zeta with quantization.", set(),
     {("Zeta", "usesTechnique", "quantization")}),
    ("than a technique", "Zeta: a model", "Zeta is more efficient than LoRA.", set(), {("Zeta", "usesTechnique", "LoRA")}),
    ("baselines in parentheses", "Zeta: a model", "Zeta outperforms strong baselines (GPT-2, LoRA and quantization).",
     set(), {("Zeta", "usesTechnique", "LoRA"), ("Zeta", "usesTechnique", "quantization")}),
    ("own techniques in parentheses", "Zeta: a model", "Zeta combines two techniques (LoRA and quantization).",
     {("Zeta", "usesTechnique", "LoRA"), ("Zeta", "usesTechnique", "quantization")}, set()),
    ("'the model' opens a sentence about the paper's own model", "Zeta: a model",
     "We present Zeta. The model is finetuned by LoRA to minimize this loss.", {("Zeta", "usesTechnique", "LoRA")}, set()),
    ("'the model' inside a background sentence", "Zeta: a model",
     "We present Zeta. Many recent systems apply LoRA to the model.", set(), {("Zeta", "usesTechnique", "LoRA")}),
    ("replacement for a technique", "Zeta: a model", "Zeta's layer is a drop-in replacement for LoRA.", set(),
     {("Zeta", "usesTechnique", "LoRA")}),
    ("not evaluated", "Zeta: a model", "We do not evaluate on SQuAD.", set(), {("Zeta", "evaluatedOn", "SQuAD")}),
    ("comparison is no lineage", "Zeta: a model", "Compared to RoBERTa, a BERT model trained longer wins.",
     set(), {("RoBERTa", "basedOn", "BERT")}),
    # subject choice
    ("no own model: the paper", "A study of encoders", "Results on GLUE are good. We use knowledge distillation.",
     {("@paper", "evaluatedOn", "GLUE"), ("@paper", "usesTechnique", "knowledge distillation")}, set()),
    ("no own model: the evaluated model", "A study of encoders", "We evaluate BERT on GLUE.",
     {("BERT", "evaluatedOn", "GLUE")}, {("@paper", "evaluatedOn", "GLUE")}),
    ("own model: not the evaluated baseline", "Zeta: a model", "We evaluate BERT on GLUE.",
     {("Zeta", "evaluatedOn", "GLUE")}, {("BERT", "evaluatedOn", "GLUE")}),
    ("language of a named model", "A study of encoders", "Danish language models, such as DanskBERT, are rare.",
     {("DanskBERT", "forLanguage", "Danish")}, {("@paper", "forLanguage", "Danish")}),
    ("no own model: no lineage", "A study of encoders", "We distil BERT into a small model.", set(),
     {("@paper", "distillsFrom", "BERT")}),
    ("background sentence", "Zeta: a model", "BERT uses masked language modeling. RoBERTa is based on BERT.",
     set(), {("Zeta", "usesTechnique", "masked language modeling"), ("Zeta", "basedOn", "BERT")}),
    ("each own model its own parent", "Two models",
     "We introduce AlphaLM and BetaLM. AlphaLM is based on LLaMA, while BetaLM is built on Mistral.",
     {("AlphaLM", "basedOn", "LLaMA"), ("BetaLM", "basedOn", "Mistral")},
     {("AlphaLM", "basedOn", "Mistral"), ("BetaLM", "basedOn", "LLaMA")}),
    ("both models", "Two models", "We introduce AlphaLM and BetaLM. Both models are trained for Swahili.",
     {("AlphaLM", "forLanguage", "Swahili"), ("BetaLM", "forLanguage", "Swahili")}, set()),
    ("appositive names its subject", "Zeta: a model", "We compare with RoBERTa, a robustly optimized BERT recipe.",
     {("RoBERTa", "basedOn", "BERT")}, {("Zeta", "basedOn", "BERT")}),
    # round 2 cues: lineage
    ("bracketed short name, a variant", "Long inputs", "We introduce the Kiwi Language Model (KiwiLM), a RoBERTa variant for long inputs.",
     {("KiwiLM", "basedOn", "RoBERTa")}, set()),
    ("evolves from", "Zeta: a model", "Zeta evolves from the previous recurrent architecture T5 by adding memory.",
     {("Zeta", "basedOn", "T5")}, set()),
    ("extend X to a new model", "Zeta: a model", "We extend BERT to a new model, Zeta, with more layers.",
     {("Zeta", "basedOn", "BERT")}, set()),
    ("built from an architecture", "Encoders", "We present Zeta, an encoder model built from the Mistral architecture.",
     {("Zeta", "basedOn", "Mistral")}, set()),
    ("initialised with the weights of", "Zeta: a model", "Zeta is initialized with the weights of RoBERTa.",
     {("Zeta", "fineTunedFrom", "RoBERTa")}, {("Zeta", "basedOn", "RoBERTa")}),
    ("based on, and trained further", "Zeta: a model", "Zeta is based on Mistral, which we continue pretraining on C4.",
     {("Zeta", "fineTunedFrom", "Mistral")}, {("Zeta", "basedOn", "Mistral")}),
    ("a base model continually pretrained", "Zeta: a Basque model", "Zeta, a Mistral model continually pretrained on Basque, wins.",
     {("Zeta", "fineTunedFrom", "Mistral")}, {("Zeta", "basedOn", "Mistral")}),
    ("continuously pre-trained from", "Zeta: a model", "Zeta-7B and 13B are continuously pre-trained from Mistral on 4B tokens.",
     {("Zeta", "fineTunedFrom", "Mistral")}, set()),
    ("created by pre-training the Y model on", "Zeta: a model",
     "We introduce Zeta, a model created by pre-training the BASE BERT model on a large mathematical corpus.",
     {("Zeta", "fineTunedFrom", "BERT")}, {("Zeta", "basedOn", "BERT")}),
    ("improving upon the Y architecture", "Zeta: a model",
     "We present Zeta, a sequence model improving upon the Mistral (v0.1) architecture.",
     {("Zeta", "basedOn", "Mistral")}, set()),
    ("tuned on D to obtain the model", "Zeta: a model", "We fine-tune Mistral on SwaCorp to obtain Zeta.",
     {("Zeta", "trainedOn", "SwaCorp"), ("Zeta", "fineTunedFrom", "Mistral")}, {("Zeta", "evaluatedOn", "SwaCorp")}),
    ("tuned on D, yielding the model", "Zeta: a model", "We fine-tune Mistral on SwaCorp, yielding Zeta.",
     {("Zeta", "trainedOn", "SwaCorp")}, {("Zeta", "evaluatedOn", "SwaCorp")}),
    ("on D it obtains a score", "Zeta: a model", "On SwaBench, it obtains 70% accuracy.", {("Zeta", "evaluatedOn", "SwaBench")}, set()),
    ("leads Y by", "Zeta: a model", "Zeta leads GPT-2 by 4 points on average.", {("Zeta", "outperforms", "GPT-2")}, set()),
    ("advantages over Y", "Zeta: a model", "Zeta shows clear advantages over RoBERTa.", {("Zeta", "outperforms", "RoBERTa")}, set()),
    ("leads Y to", "Zeta: a model", "Pruning leads BERT to forget.", set(), {("Zeta", "outperforms", "BERT")}),
    ("follows the design of Y", "Zeta: a model", "Zeta follows the design of Mistral with minor modifications.",
     {("Zeta", "basedOn", "Mistral")}, set()),
    ("replicates the Y pretraining procedure", "Zeta: a model", "Zeta replicates the BERT pretraining procedure on Welsh text.",
     {("Zeta", "basedOn", "BERT")}, set()),
    ("using the Y framework", "Zeta: a model", "We pre-train Zeta using the T5 framework.", {("Zeta", "basedOn", "T5")}, set()),
    ("architecturally identical to Y", "Zeta: a model", "Zeta is architecturally identical to LLaMA.",
     {("Zeta", "basedOn", "LLaMA")}, set()),
    ("the Y tokenizer and architecture", "Zeta: a model", "Zeta uses the GPT-2 tokenizer and architecture.",
     {("Zeta", "basedOn", "GPT-2")}, set()),
    ("not following the design of Y", "Zeta: a model", "Unlike BERT, Zeta does not follow the design of GPT-2.",
     set(), {("Zeta", "basedOn", "GPT-2"), ("Zeta", "basedOn", "BERT")}),
    ("based on, trained from scratch", "Zeta: a model", "Zeta is based on the Mistral architecture and trained from scratch.",
     {("Zeta", "basedOn", "Mistral")}, {("Zeta", "fineTunedFrom", "Mistral")}),
    ("training data described", "Zeta: a chemistry model",
     "We propose SwaCorp, a large-scale, high-quality dataset for instruction tuning. "
     "Using SwaCorp, Zeta achieves the best results on SwaBench.",
     {("Zeta", "trainedOn", "SwaCorp"), ("Zeta", "evaluatedOn", "SwaBench")}, {("Zeta", "evaluatedOn", "SwaCorp")}),
    ("training data described before a benchmark", "Zeta: a chemistry model",
     "It includes SwaCorp, a dataset designed for instruction tuning, and SwaBench, a robust benchmark.",
     {("Zeta", "trainedOn", "SwaCorp"), ("Zeta", "evaluatedOn", "SwaBench")}, {("Zeta", "evaluatedOn", "SwaCorp")}),
    ("a corpus released, no model trained", "SwaCorp: a web corpus for pretraining", "We release SwaCorp, a 2T-token web corpus.",
     set(), {("@paper", "trainedOn", "SwaCorp"), ("@paper", "evaluatedOn", "SwaCorp")}),
    ("weights such as", "Zeta: a model", "Zeta works with pre-trained weights such as GPT-2.",
     {("Zeta", "basedOn", "GPT-2")}, set()),
    ("improves X using", "Zeta: a model", "Zeta improves the BERT and RoBERTa models using two novel techniques.",
     {("Zeta", "basedOn", "BERT"), ("Zeta", "basedOn", "RoBERTa")}, set()),
    ("into the X architecture", "Zeta: a model", "We add sparse attention into the T5 architecture.",
     {("Zeta", "basedOn", "T5")}, set()),
    ("and its version, bracketed", "Zeta: a model", "BERT (and its optimized version RoBERTa) is popular.",
     {("RoBERTa", "basedOn", "BERT")}, {("Zeta", "basedOn", "BERT")}),
    ("modify the architecture", "Zeta: a model", "We modify the LLaMA architecture for speed.",
     {("Zeta", "basedOn", "LLaMA")}, set()),
    ("passive adapted, this study", "Zeta: a model", "In this study, the T5 model was adapted for Swahili only.",
     {("Zeta", "fineTunedFrom", "T5"), ("Zeta", "forLanguage", "Swahili")}, set()),
    ("starting from checkpoints such as", "Zeta: a model", "Zeta starts from pre-trained checkpoints such as Mistral.",
     {("Zeta", "fineTunedFrom", "Mistral")}, set()),
    ("study of others blocks lineage", "Zeta: a model", "We study models based on BERT.", set(),
     {("Zeta", "basedOn", "BERT")}),
    ("a re-implementation of", "Zeta: a model", "Zeta is a careful re-implementation of T5 in JAX.",
     {("Zeta", "basedOn", "T5")}, set()),
    ("uses an X architecture", "Zeta: a model", "Zeta uses a Mistral architecture with fewer layers.",
     {("Zeta", "basedOn", "Mistral")}, set()),
    ("with X as the encoder", "Zeta: a model", "With RoBERTa as the encoder, Zeta reaches 80 on GLUE.",
     {("Zeta", "basedOn", "RoBERTa"), ("Zeta", "evaluatedOn", "GLUE")}, set()),
    ("following X, we", "Zeta: a model", "Following RoBERTa, we drop next sentence prediction.",
     {("Zeta", "basedOn", "RoBERTa")}, set()),
    ("following X mid-sentence is no lineage", "Zeta: a model", "We report scores following BERT, as usual.",
     set(), {("Zeta", "basedOn", "BERT")}),
    ("retrain X from scratch", "Zeta: a model", "We retrain the T5 architecture from scratch on Welsh text.",
     {("Zeta", "basedOn", "T5"), ("Zeta", "forLanguage", "Welsh")}, set()),
    ("outperforms X compression methods: not X", "Zeta: a model", "Zeta outperforms all prior BERT compression techniques.",
     set(), {("Zeta", "outperforms", "BERT")}),
    ("outperforms X-based models: not X", "Zeta: a model", "Zeta outperforms RoBERTa-based models on GLUE.",
     {("Zeta", "evaluatedOn", "GLUE")}, {("Zeta", "outperforms", "RoBERTa")}),
    ("is outperformed by our model", "Zeta: a model", "BERT is clearly outperformed by our model on GLUE.",
     {("Zeta", "outperforms", "BERT")}, set()),
    ("more accurate than", "Zeta: a model", "Zeta is more accurate than GPT-2 at half the size.",
     {("Zeta", "outperforms", "GPT-2")}, set()),
    ("existing methods: a technique not used", "Zeta: a model", "Zeta avoids the cost of existing methods such as LoRA.",
     set(), {("Zeta", "usesTechnique", "LoRA")}),
    ("limitations of a technique", "Zeta: a model", "We address the limitations of knowledge distillation.",
     set(), {("Zeta", "usesTechnique", "knowledge distillation")}),
    ("exploration, a noun, is no study of others", "Zeta: a model",
     "Inspired by exploration work on syntax, we extend BERT to a new model.", {("Zeta", "basedOn", "BERT")}, set()),
    ("we explore: a study of others", "Zeta: a model", "We explore models built on BERT.", set(),
     {("Zeta", "basedOn", "BERT")}),
    ("title: X: a Y in", "Zeta: A Danish T5 in Twelve Layers", "It is small.", {("Zeta", "basedOn", "T5")}, set()),
    ("enhances X with", "Zeta: a model", "Zeta enhances RoBERTa with a memory module.", {("Zeta", "basedOn", "RoBERTa")}, set()),
    ("replace the layers of X with", "Zeta: a model", "We replace the attention layers of BERT with convolutions.",
     {("Zeta", "basedOn", "BERT")}, set()),
    ("convert X into", "Zeta: a model", "We convert a pre-trained T5 model into a sparse mixture.",
     {("Zeta", "basedOn", "T5")}, set()),
    ("trained from X checkpoints", "Zeta: a model", "Zeta is trained from LLaMA checkpoints on Welsh text.",
     {("Zeta", "fineTunedFrom", "LLaMA")}, set()),
    ("outperforms a long list", "Zeta: a model",
     "Zeta outperforms strong baselines, including the recent state-of-the-art GPT-2 and T5.",
     {("Zeta", "outperforms", "GPT-2"), ("Zeta", "outperforms", "T5")}, set()),
    ("outperforms ... while another model", "Zeta: a model", "Zeta outperforms prior work on GLUE, while BERT needs more data.",
     set(), {("Zeta", "outperforms", "BERT")}),
    ("compared to X, gains", "Zeta: a model", "Compared to RoBERTa, Zeta achieves consistent improvements.",
     {("Zeta", "outperforms", "RoBERTa")}, set()),
    ("lags behind", "Zeta: a model", "BERT lags far behind our model on SQuAD.", {("Zeta", "outperforms", "BERT")}, set()),
    ("points over", "Zeta: a model", "Zeta gains 2.1 points over T5 on average.", {("Zeta", "outperforms", "T5")}, set()),
    ("no own model: the named model outperforms", "A study of encoders", "We find that GPT-4 clearly outperforms BERT.",
     {("GPT-4", "outperforms", "BERT")}, set()),
    ("no own model: performs better than", "A study of encoders", "Results show that RoBERTa performs better than BERT.",
     {("RoBERTa", "outperforms", "BERT")}, set()),
    ("no own model: a model not heading the clause", "A study of encoders",
     "Our small models distilled with GPT-4 outperform BERT.", set(), {("GPT-4", "outperforms", "BERT")}),
    ("impersonal it: background technique", "Zeta: a model", "However, it remains costly to apply LoRA to large models.",
     set(), {("Zeta", "usesTechnique", "LoRA")}),
    ("makes it: background technique", "Zeta: a model", "The cost of quantization makes it hard to deploy.",
     set(), {("Zeta", "usesTechnique", "quantization")}),
    ("it leverages: own technique", "Zeta: a model", "Instead, it leverages knowledge distillation for speed.",
     {("Zeta", "usesTechnique", "knowledge distillation")}, set()),
    ("a 4-bit X", "Zeta: a model", "Zeta is a 4-bit LLaMA that runs on phones.", {("Zeta", "compresses", "LLaMA")}, set()),
    ("a 90% sparse X", "Zeta: a model", "Zeta is a 90% sparse BERT for search.", {("Zeta", "compresses", "BERT")}, set()),
    ("two names heading the title", "AlphaLM and BetaLM: Swahili models", "Both are evaluated on GLUE.",
     {("AlphaLM", "forLanguage", "Swahili"), ("BetaLM", "forLanguage", "Swahili"), ("AlphaLM", "evaluatedOn", "GLUE"),
      ("BetaLM", "evaluatedOn", "GLUE")}, {("@paper", "evaluatedOn", "GLUE")}),
    ("uses a X-based encoder", "Zeta: a model", "Zeta uses a RoBERTa-based encoder and a small decoder.",
     {("Zeta", "basedOn", "RoBERTa")}, set()),
    ("compared with X-based models is no lineage", "Zeta: a model", "We compare Zeta with BERT-based models.",
     set(), {("Zeta", "basedOn", "BERT")}),
    ("architecture follows X", "Zeta: a model", "The architecture of Zeta closely follows that of GPT-2.",
     {("Zeta", "basedOn", "GPT-2")}, set()),
    ("obtained by merging X", "Zeta: a model", "Zeta is obtained by merging the pre-trained Mistral with a vision encoder.",
     {("Zeta", "basedOn", "Mistral")}, set()),
    ("obtained by pruning X: compresses wins", "Zeta: a model", "Zeta is obtained by pruning LLaMA.",
     {("Zeta", "compresses", "LLaMA")}, {("Zeta", "basedOn", "LLaMA")}),
    ("not only outperforms", "Zeta: a model", "Zeta not only outperforms BERT but also matches GPT-4.",
     {("Zeta", "outperforms", "BERT")}, set()),
    # round 2 cues: training data
    ("as pre-training data", "Zeta: a model", "We use C4 as pre-training data.",
     {("Zeta", "trainedOn", "C4")}, {("Zeta", "evaluatedOn", "C4")}),
    ("use corpora to train", "Zeta: a model", "We use large corpora like OSCAR and C4 to train Zeta.",
     {("Zeta", "trainedOn", "OSCAR"), ("Zeta", "trainedOn", "C4")}, {("Zeta", "evaluatedOn", "C4")}),
    ("serves for pre-training", "Zeta: a model", "The Danish part of OSCAR serves for pre-training.",
     {("Zeta", "trainedOn", "OSCAR")}, set()),
    ("pre-train the model using", "Zeta: a model", "We further pre-train the RoBERTa model using C4.",
     {("Zeta", "trainedOn", "C4"), ("Zeta", "fineTunedFrom", "RoBERTa")}, set()),
    ("this dataset: the last dataset named", "Zeta: a model",
     "We collect new text from the OSCAR data. Then we further pre-train Zeta using this dataset.",
     {("Zeta", "trainedOn", "OSCAR")}, set()),
    ("this corpus: not a dataset it was drawn from", "Zeta: a model",
     "We build OSCAR, a corpus retrieved from C4. We pre-train Zeta on this corpus.",
     {("Zeta", "trainedOn", "OSCAR")}, {("Zeta", "trainedOn", "C4")}),
    ("pre-train on it", "Zeta: a model", "We collect OSCAR, a web crawl of Welsh. We pre-train Zeta on it.",
     {("Zeta", "trainedOn", "OSCAR")}, set()),
    ("pre-training mixture", "Zeta: a model", "Our pre-training mixture includes C4 and OSCAR.",
     {("Zeta", "trainedOn", "C4"), ("Zeta", "trainedOn", "OSCAR")}, {("Zeta", "evaluatedOn", "C4")}),
    ("this dataset outside a training sentence", "Zeta: a model",
     "We release SQuAD data. Results on this dataset are good.", set(), {("Zeta", "evaluatedOn", "SQuAD")}),
    # round 4 cues: lineage
    ("scale up Y to X", "Zeta: a model", "We scale up RoBERTa to Zeta, a 3B model.",
     {("Zeta", "basedOn", "RoBERTa")}, set()),
    ("scaling up in general is no lineage", "Zeta: a model", "Scaling up models is hard for Zeta.",
     set(), {("Zeta", "basedOn", "RoBERTa")}),
    ("a chat variant of Y", "Zeta: a model", "We present Zeta, a chat variant of RoBERTa.",
     {("Zeta", "fineTunedFrom", "RoBERTa")}, {("Zeta", "basedOn", "RoBERTa")}),
    ("X is Y with", "Zeta: a model", "Zeta is essentially RoBERTa with more layers.",
     {("Zeta", "basedOn", "RoBERTa")}, set()),
    ("negated scale up", "Zeta: a model", "We do not scale up RoBERTa to more layers.",
     set(), {("Zeta", "basedOn", "RoBERTa")}),
    ("a modification to Y", "Zeta: a model", "We propose Zeta, an architectural modification to BERT, which predicts.",
     {("Zeta", "basedOn", "BERT")}, set()),
    ("an adaptation to a language is no lineage", "Zeta: a model", "We present Zeta, an adaptation to Danish of a small model.",
     {("Zeta", "forLanguage", "Danish")}, set()),
    ("title: fine-tuning Y for", "Zeta: Fine-tuning RoBERTa for legal text", "We present Zeta.",
     {("Zeta", "fineTunedFrom", "RoBERTa")}, set()),
    ("title without a model name: no lineage", "Efficient tuning: Fine-tuning RoBERTa for legal text", "We fine-tune it.",
     set(), {("@paper", "fineTunedFrom", "RoBERTa")}),
    ("the next generation of Y", "Zeta: a model", "Zeta is the next generation of RoBERTa.",
     {("Zeta", "basedOn", "RoBERTa")}, set()),
    ("a Y model tuned on", "Zeta: a model", "Zeta is a LLaMA model tuned on instructions.",
     {("Zeta", "fineTunedFrom", "LLaMA")}, {("Zeta", "basedOn", "LLaMA")}),
    ("another tuned model is no lineage", "Zeta: a model", "We compare Zeta with a LLaMA model tuned on instructions.",
     set(), {("Zeta", "fineTunedFrom", "LLaMA")}),
    ("a Y model adapted to", "Zeta: a model", "We present Zeta, a RoBERTa model adapted to legal text.",
     {("Zeta", "fineTunedFrom", "RoBERTa")}, {("Zeta", "basedOn", "RoBERTa")}),
    ("the counterpart of Y", "Zeta: a model", "Zeta is the multilingual counterpart of RoBERTa.",
     {("Zeta", "basedOn", "RoBERTa")}, set()),
    ("own chat variant of a named base", "OwlLM-7B-Chat: a chat model",
     "We present OwlLM-7B-Chat, tuned on dialogues. Unlike OwlLM, it follows instructions.",
     {("OwlLM-7B-Chat", "fineTunedFrom", "OwlLM")}, {("OwlLM-7B-Chat", "basedOn", "OwlLM")}),
    ("others' instruct variant: no edge", "Zeta: a model", "We present Zeta. We compare with OwlLM-Instruct and OwlLM.",
     set(), {("OwlLM-Instruct", "fineTunedFrom", "OwlLM")}),
    ("own chat variant, base not named: no edge", "OwlLM-7B-Chat: a chat model",
     "We present OwlLM-7B-Chat, tuned from RoBERTa.", set(), {("OwlLM-7B-Chat", "fineTunedFrom", "OwlLM")}),
    ("distillation of knowledge from", "Zeta: a small model",
     "We present Zeta. It results from the distillation of knowledge from two base versions of RoBERTa.",
     {("Zeta", "distillsFrom", "RoBERTa")}, set()),
    # outperforms: several object lists, sizes after names, "improvements compared to"
    ("outperforms two lists", "Zeta: a model",
     "Zeta outperforms strong baselines (GPT-2 and T5) and multilingual models (XLM-R and LLaMA) on GLUE.",
     {("Zeta", "outperforms", m) for m in ("GPT-2", "T5", "XLM-R", "LLaMA")}, set()),
    ("outperforms list with sizes", "Zeta: a model", "Zeta outperforms BERT large, RoBERTa large, and T5 on GLUE.",
     {("Zeta", "outperforms", m) for m in ("BERT", "RoBERTa", "T5")}, set()),
    ("outperforms, then another verb: one object", "Zeta: a model", "Zeta outperforms BERT and matches RoBERTa.",
     {("Zeta", "outperforms", "BERT")}, {("Zeta", "outperforms", "RoBERTa")}),
    ("improvements compared to", "Zeta: a model",
     "Zeta shows consistent improvements compared to robust baselines like BERT and RoBERTa.",
     {("Zeta", "outperforms", "BERT"), ("Zeta", "outperforms", "RoBERTa")}, set()),
    # the paper's own model named after the study word, or by its base
    ("own model after 'evaluate', based on", "Zeta: a model",
     "We evaluate this approach with Zeta, based on LLaMA, a small model.",
     {("Zeta", "basedOn", "LLaMA")}, set()),
    ("a fine-tuned Y model outperforms: the paper's own", "Zeta: legal models",
     "We show that a lightly fine-tuned LLaMA model vastly outperforms GPT-4 on most tasks.",
     {("Zeta", "fineTunedFrom", "LLaMA"), ("Zeta", "outperforms", "GPT-4")}, {("LLaMA", "outperforms", "GPT-4")}),
    ("a fine-tuned Y model failing: no outperforms", "Zeta: legal models",
     "We show that a fine-tuned LLaMA model fails to outperform GPT-4.",
     set(), {("Zeta", "outperforms", "GPT-4")}),
    ("others' fine-tuned model: no lineage", "Zeta: legal models",
     "Prior work shows that a fine-tuned LLaMA model outperforms GPT-4.",
     set(), {("Zeta", "fineTunedFrom", "LLaMA"), ("Zeta", "outperforms", "GPT-4")}),
    ("our fine-tuned Y", "Zeta: legal models", "Our fine-tuned RoBERTa reaches 90 F1.",
     {("Zeta", "fineTunedFrom", "RoBERTa")}, set()),
    ("generalize the method in Y", "Zeta: a model", "We generalize the attention distillation in LLaMA to all layers.",
     {("Zeta", "basedOn", "LLaMA")}, set()),
    ("best practices from Y", "Zeta: a model", "Our recipe adds best practices from RoBERTa.",
     {("Zeta", "basedOn", "RoBERTa")}, set()),
    # trainedOn: kinds of text after a corpus name, "this carefully curated corpus"
    ("trained on abstracts and articles", "Zeta: a model",
     "Zeta was pre-trained on C4 abstracts and OSCAR full-text articles.",
     {("Zeta", "trainedOn", "C4"), ("Zeta", "trainedOn", "OSCAR")}, {("Zeta", "evaluatedOn", "OSCAR")}),
    ("this carefully curated corpus", "Zeta: a model",
     "We explore a small text source, OSCAR. Pre-training Zeta on this carefully curated corpus works well.",
     {("Zeta", "trainedOn", "OSCAR")}, {("Zeta", "evaluatedOn", "OSCAR")}),
    ("pre-train Y on an amount of text from X", "Zeta: a model", "We pre-train Zeta on 75GB of text from OSCAR and C4.",
     {("Zeta", "trainedOn", "OSCAR"), ("Zeta", "trainedOn", "C4")}, {("Zeta", "evaluatedOn", "OSCAR")}),
    ("a corpus consisting of X", "Zeta: a model",
     "We trained the model with 10 billion parameters on a 4TB corpus consisting of OSCAR and C4.",
     {("Zeta", "trainedOn", "OSCAR"), ("Zeta", "trainedOn", "C4")}, {("Zeta", "evaluatedOn", "C4")}),
    ("use it to pre-train", "Zeta: a model", "We collect OSCAR and use it to pre-train Zeta.",
     {("Zeta", "trainedOn", "OSCAR")}, {("Zeta", "evaluatedOn", "OSCAR")}),
    ("a benchmark built from X is no training data", "Zeta: a model", "We evaluate Zeta on a benchmark built from OSCAR.",
     set(), {("Zeta", "trainedOn", "OSCAR"), ("Zeta", "evaluatedOn", "OSCAR")}),
    ("others' training corpus: neither trainedOn nor evaluatedOn", "Zeta: a model",
     "Unlike BERT, which was trained on C4, Zeta is trained on OSCAR.",
     {("Zeta", "trainedOn", "OSCAR")}, {("Zeta", "trainedOn", "C4"), ("Zeta", "evaluatedOn", "C4")}),
    ("a Y-based model called X", "Zeta: a model", "We propose a RoBERTa-based model called Zeta.",
     {("Zeta", "basedOn", "RoBERTa")}, set()),
    ("Y serves as the backbone of X", "Zeta: a model", "RoBERTa serves as the backbone of Zeta.",
     {("Zeta", "basedOn", "RoBERTa")}, set()),
    ("others' backbone: no edge", "Zeta: a model", "We compare Zeta with BERT, which serves as the backbone of many systems.",
     set(), {("Zeta", "basedOn", "BERT")}),
    ("instruction-tune Y, producing X", "Zeta: a model", "We instruction-tune LLaMA on 50k examples, producing Zeta.",
     {("Zeta", "fineTunedFrom", "LLaMA")}, set()),
    ("prune the weights of Y", "Zeta: a model", "We prune 50% of the weights of LLaMA.",
     {("Zeta", "compresses", "LLaMA")}, {("Zeta", "basedOn", "LLaMA")}),
    ("remove layers of Y", "Zeta: a model", "Zeta removes half of the layers of LLaMA.", {("Zeta", "compresses", "LLaMA")}, set()),
    ("compared with Y, X is better", "Zeta: a model", "Compared with GPT-4, Zeta is 3 points better.",
     {("Zeta", "outperforms", "GPT-4")}, set()),
    ("superior performance to Y", "Zeta: a model", "Zeta shows superior performance to RoBERTa.",
     {("Zeta", "outperforms", "RoBERTa")}, set()),
    ("Y is outperformed by X", "Zeta: a model", "RoBERTa is outperformed by Zeta.", {("Zeta", "outperforms", "RoBERTa")}, set()),
    ("outperformed by: not the paper's model", "Zeta: a model", "Zeta performs better than GPT-4, which is outperformed by LLaMA.",
     {("Zeta", "outperforms", "GPT-4")}, {("Zeta", "outperforms", "LLaMA")}),
    ("after instruction tuning on Y, X", "Zeta: a model",
     "We present Zeta and ZetaChat. After instruction tuning on Zeta, ZetaChat improves over GPT-2.",
     {("ZetaChat", "fineTunedFrom", "Zeta"), ("ZetaChat", "outperforms", "GPT-2")}, {("Zeta", "fineTunedFrom", "Zeta")}),
    ("following Y-style pretraining, X", "Zeta: a model", "Following RoBERTa-style pretraining, Zeta employs a small generator.",
     {("Zeta", "basedOn", "RoBERTa")}, set()),
    ("lower perplexities than a list", "Zeta: a model", "Zeta reaches lower WikiText perplexities than GPT-2, T5, and LLaMA.",
     {("Zeta", "outperforms", m) for m in ("GPT-2", "T5", "LLaMA")}, set()),
    ("a score with decimals on X", "Zeta: a model", "Our best model achieves a perplexity of 29.8 on held-out WikiText articles.",
     {("Zeta", "evaluatedOn", "WikiText")}, set()),
    ("a name describing another is no subject", "Zeta: a model",
     "We introduce ZetaChat, a Zeta variant for dialogue, and show its effectiveness on SQuAD.",
     {("ZetaChat", "evaluatedOn", "SQuAD")}, {("Zeta", "evaluatedOn", "SQuAD")}),
    ("the base named in brackets is not introduced", "Zeta: a model",
     "We present Zeta, a system based on the General Language Model (GLM). Zeta with GLM performs better than GPT-4.",
     {("Zeta", "outperforms", "GPT-4")}, {("GLM", "outperforms", "GPT-4")}),
    ("others' result on a benchmark", "Zeta: a model", "For example, GPT-4 achieved an F1 score of 18.2 on SQuAD.",
     set(), {("Zeta", "evaluatedOn", "SQuAD")}),
    # the paper's own model, unnamed in the sentence, as lineage subject
    ("we fine-tune Y on", "Zeta: a model", "We fine-tune LLaMA on medical dialogues.", {("Zeta", "fineTunedFrom", "LLaMA")}, set()),
    ("we instruction-tune Y with", "Zeta: a model", "We instruction-tune LLaMA with 52K demonstrations.",
     {("Zeta", "fineTunedFrom", "LLaMA")}, set()),
    ("paper without a model: no lineage", "Efficient models", "We fine-tune LLaMA on medical dialogues.",
     set(), {("@paper", "fineTunedFrom", "LLaMA")}),
    ("fine-tuning several models is a study", "Zeta: a model",
     "We fine-tune several models, including LLaMA and GPT-2, on our dataset.", set(), {("Zeta", "fineTunedFrom", "LLaMA")}),
    ("fine-tuning Y to evaluate the method", "Zeta: a model", "To evaluate Zeta, we fine-tune RoBERTa on GLUE.",
     {("Zeta", "evaluatedOn", "GLUE")}, {("Zeta", "fineTunedFrom", "RoBERTa")}),
    ("fine-tuning Y with the method", "Zeta: a model", "Zeta is a method for efficient tuning. We fine-tune RoBERTa on GLUE with it.",
     set(), {("Zeta", "fineTunedFrom", "RoBERTa")}),
    ("we initialize from the Y checkpoint", "Zeta: a model", "We initialize from the RoBERTa checkpoint.",
     {("Zeta", "fineTunedFrom", "RoBERTa")}, set()),
    ("our student mimics Y", "Zeta: a model", "Our student is trained to mimic RoBERTa.",
     {("Zeta", "distillsFrom", "RoBERTa")}, set()),
    ("text collected from Y to train X", "Zeta: a model", "We collect 10GB of Welsh text from OSCAR to train Zeta.",
     {("Zeta", "trainedOn", "OSCAR")}, {("Zeta", "evaluatedOn", "OSCAR")}),
    ("the pre-training corpus of X is Y", "Zeta: a model", "The pre-training corpus of Zeta is OSCAR.",
     {("Zeta", "trainedOn", "OSCAR")}, set()),
    ("tokens of Y during pre-training", "Zeta: a model", "Zeta has seen 1T tokens of C4 during pre-training.",
     {("Zeta", "trainedOn", "C4")}, {("Zeta", "evaluatedOn", "C4")}),
    ("a corpus compiled from", "Zeta: a model", "We train Zeta with a corpus compiled from OSCAR and C4.",
     {("Zeta", "trainedOn", "OSCAR"), ("Zeta", "trainedOn", "C4")}, set()),
    ("a corpus named in brackets", "Zeta: a model", "We pre-train on a Welsh corpus (OSCAR) for 10 epochs.",
     {("Zeta", "trainedOn", "OSCAR")}, set()),
    ("examples selected from Y to test is no training", "Zeta: a model", "We select examples from SQuAD to test Zeta.",
     {("Zeta", "evaluatedOn", "SQuAD")}, {("Zeta", "trainedOn", "SQuAD")}),
    # a dataset's language
    ("title: a Swahili corpus", "SwaCorp: A Large-scale Swahili Corpus for Pre-training", "We introduce SwaCorp.",
     {("SwaCorp", "forLanguage", "Swahili")}, set()),
    ("title: a benchmark for evaluating L", "SwaBench: Benchmark and Resources for Evaluating Swahili Understanding",
     "We release it.", {("SwaBench", "forLanguage", "Swahili")}, set()),
    ("apposition: a dataset of texts in L", "Zeta: a model",
     "Zeta was trained on SwaCorp, a large-scale dataset of forum comments in Welsh.",
     {("SwaCorp", "forLanguage", "Welsh")}, set()),
    ("apposition: a suite of L datasets", "Zeta: a model",
     "Evaluations on SwaBench, a suite of 14 Welsh datasets, favour Zeta.",
     {("SwaBench", "forLanguage", "Welsh")}, set()),
    ("an L dataset (name)", "Zeta: a model",
     "Zeta is trained from a large and clean Welsh dataset (SwaCorp) collected from blogs.",
     {("SwaCorp", "forLanguage", "Welsh")}, set()),
    ("apposition: a dataset for the Welsh language", "Zeta: a model",
     "We test Zeta on SwaQA, a newly introduced question answering dataset for the Welsh language.",
     {("SwaQA", "forLanguage", "Welsh"), ("Zeta", "evaluatedOn", "SwaQA")}, set()),
    ("a corpus retrieved from another is no benchmark", "Corpora", "We build SwaCorp, which is retrieved from C4.",
     set(), {("@paper", "evaluatedOn", "C4")}),
    # sentences about the paper's own work
    ("this efficient architecture", "Zeta: a model", "This efficient architecture incorporates LoRA.",
     {("Zeta", "usesTechnique", "LoRA")}, set()),
    ("title language: the model the abstract introduces", "Multilingual is not enough: BERT for Welsh",
     "We present CymBERT, trained from scratch.",
     {("CymBERT", "forLanguage", "Welsh")}, {("@paper", "forLanguage", "Welsh")}),
    # the paper's own model: named with "we name", not an adjective "open-source", not a bracketed expansion
    ("which we name X", "Chat models", "Our best model, which we name OwlLM, is evaluated on SQuAD.",
     {("OwlLM", "evaluatedOn", "SQuAD")}, {("@paper", "evaluatedOn", "SQuAD")}),
    ("we open-sourced X model weights", "Compact models",
     "We have open-sourced KiwiLM model weights on the Hub. Our models reach 90 F1 on SQuAD.",
     {("KiwiLM", "evaluatedOn", "SQuAD")}, {("@paper", "evaluatedOn", "SQuAD")}),
    ("we provide models (X)", "A Welsh benchmark",
     "We also provide a set of Welsh pre-trained models (CymBERT) trained on OSCAR.",
     {("CymBERT", "trainedOn", "OSCAR")}, {("@paper", "trainedOn", "OSCAR")}),
    ("we provide an exploration of transformers (X): not ours", "Zeta: a model",
     "We provide the first exploration of sentence embeddings from text-to-text transformers (T5). "
     "While T5 is strong, it is unclear how to use LoRA with it.",
     set(), {("T5", "usesTechnique", "LoRA")}),
    ("own models named together are each a subject", "Code models",
     "We introduce OwlLM and KiwiLM: two code models trained with LoRA.",
     {("OwlLM", "usesTechnique", "LoRA"), ("KiwiLM", "usesTechnique", "LoRA")}, set()),
    ("a community introduces X and Y", "Code models for everyone",
     "The Foo community introduces OwlLM and OwlLMBase, two code models. We fine-tuned OwlLMBase on Python, "
     "resulting in the creation of OwlLM.",
     {("OwlLM", "fineTunedFrom", "OwlLMBase")}, set()),
    ("by presenting the X series", "Small models from large ones",
     "We demonstrate our approach by presenting the OwlLM series, pruning the LLaMA model down to 1B parameters.",
     {("OwlLM", "compresses", "LLaMA")}, set()),
    ("by training a model, X, that ...", "Compute-optimal training",
     "We test this by training a compute-optimal model, KiwiLM, that uses less compute. Our model reaches 90 F1 on SQuAD.",
     {("KiwiLM", "evaluatedOn", "SQuAD")}, {("@paper", "evaluatedOn", "SQuAD")}),
    ("we call the resulting models X", "Aligning models",
     "We collect demonstrations, which we use to fine-tune GPT-2 using supervised learning. "
     "We call the resulting models KiwiLM. Outputs from KiwiLM are preferred to outputs from the 175B GPT-4.",
     {("KiwiLM", "fineTunedFrom", "GPT-2"), ("KiwiLM", "outperforms", "GPT-4")}, set()),
    ("X, a Y language model fine-tuned with", "Less is more",
     "We train KiwiLM, a 65B parameter LLaMA language model fine-tuned with the standard loss on 1,000 examples.",
     {("KiwiLM", "fineTunedFrom", "LLaMA")}, {("KiwiLM", "basedOn", "LLaMA")}),
    ("we provide a model fine-tuned ..., X-Instruct, that", "OwlLM: a small model",
     "We also provide a model fine-tuned to follow instructions, OwlLM-Instruct, that is small.",
     {("OwlLM-Instruct", "fineTunedFrom", "OwlLM")}, set()),
    ("open-source as an adjective introduces nothing", "A pruning method",
     "We can run our method on the largest available open-source models, LLaMA and Gemma, in an hour. "
     "We rely on quantization.",
     {("@paper", "usesTechnique", "quantization")}, {("LLaMA", "usesTechnique", "quantization")}),
    ("a bracket after the introduced name is its expansion", "Small encoders",
     "We introduce NanoBERT (BERT for Nano Text). We train it with LoRA.",
     {("NanoBERT", "usesTechnique", "LoRA")}, {("BERT", "usesTechnique", "LoRA")}),
    # lineage cues
    ("its base model, Y", "Zeta: a model",
     "Our model shows a large improvement compared to its base model, LLaMA, on every task.",
     {("Zeta", "fineTunedFrom", "LLaMA"), ("Zeta", "outperforms", "LLaMA")}, set()),
    ("the architecture and tokenizer of Y", "Zeta: a model",
     "Reusing the architecture and tokenizer of Mistral, Zeta is trained on law texts.",
     {("Zeta", "basedOn", "Mistral")}, set()),
    ("Y as its foundation model and further pre-trained", "Clinical models",
     "We introduce MedGemma, a clinical model utilizing Gemma as its foundation model and further pre-trained on C4.",
     {("MedGemma", "fineTunedFrom", "Gemma"), ("MedGemma", "trainedOn", "C4")}, {("Gemma", "trainedOn", "C4")}),
    ("a re-trained Y model", "Tweets", "We introduce KiwiLM, a re-trained RoBERTa model for tweets.",
     {("KiwiLM", "fineTunedFrom", "RoBERTa")}, {("KiwiLM", "basedOn", "RoBERTa")}),
    ("title: retraining Y for", "Zeta: Retraining GPT-2 for Legal Text", "It is small.",
     {("Zeta", "fineTunedFrom", "GPT-2")}, set()),
    ("retrained from scratch reuses the architecture only", "CymBERT: a Welsh encoder",
     "We retrain RoBERTa from scratch on Welsh text.",
     {("CymBERT", "basedOn", "RoBERTa")}, {("CymBERT", "fineTunedFrom", "RoBERTa")}),
    ("a Y-based model -- X --", "Encoders", "A Welsh RoBERTa-based language model -- CymBERT -- is trained.",
     {("CymBERT", "basedOn", "RoBERTa")}, set()),
    ("we pre-trained Y for the L language", "CymBERT: a Welsh encoder",
     "In this paper, we pre-trained RoBERTa specifically for the Welsh language.",
     {("CymBERT", "basedOn", "RoBERTa")}, set()),
    ("data to fine-tune Y", "KiwiLM: small and sweet", "We then mix all collected data to fine-tune Mistral.",
     {("KiwiLM", "fineTunedFrom", "Mistral")}, set()),
    ("data to fine-tune two models is no lineage", "KiwiLM: small and sweet",
     "We use the data to fine-tune Mistral and Gemma.",
     set(), {("KiwiLM", "fineTunedFrom", "Mistral"), ("KiwiLM", "fineTunedFrom", "Gemma")}),
    ("finetuned variants called X, its name holding Y", "Tuned models",
     "We tune Gemma with instructions to produce finetuned variants called OwlGemma.",
     {("OwlGemma", "fineTunedFrom", "Gemma")}, {("OwlGemma", "basedOn", "Gemma")}),
    ("using the Y objective", "Zeta: a model",
     "We present Zeta -- a denoising model pre-trained on web text in many languages using the T5 objective.",
     {("Zeta", "basedOn", "T5")}, set()),
    ("a new baseline consisting of a Y model pre-trained on", "Zeta: a model",
     "We provide a new strong baseline consisting of an XLM-R (Smith et al. 2020) model pre-trained on tweets.",
     {("Zeta", "basedOn", "XLM-R")}, set()),
    ("we employ tuning to enhance Y, an apposition", "Zeta: a model",
     "Subsequently, we employ parameter-efficient tuning to enhance LLaMA, an open model.",
     {("Zeta", "fineTunedFrom", "LLaMA")}, set()),
    ("we initialize X from Y", "Zeta: a model", "We initialize Zeta from Mistral and train it on C4.",
     {("Zeta", "fineTunedFrom", "Mistral"), ("Zeta", "trainedOn", "C4")}, set()),
    ("a smaller version of Y obtained through distillation", "Zeta: a model",
     "Zeta is a smaller version of LLaMA obtained through distillation.",
     {("Zeta", "distillsFrom", "LLaMA")}, set()),
    ("learns from the signals of a model: imitation", "Zeta: a model",
     "Zeta learns from rich explanation traces from GPT-4, guided by LLaMA as the teacher.",
     {("Zeta", "distillsFrom", "GPT-4"), ("Zeta", "distillsFrom", "LLaMA")}, set()),
    # training data
    ("trained on a mix including Z", "Zeta: a model", "Zeta is trained on a mix of web data, including OSCAR and C4.",
     {("Zeta", "trainedOn", "OSCAR"), ("Zeta", "trainedOn", "C4")}, set()),
    ("trained from a dataset named in brackets", "Zeta: a model",
     "We also provide Zeta, trained from a large and clean Welsh dataset (SwaCorp) collected from blogs.",
     {("Zeta", "trainedOn", "SwaCorp")}, {("Zeta", "evaluatedOn", "SwaCorp")}),
    ("another named model heading the sentence is the one trained", "Zeta: a model",
     "We introduce Zeta. BERT is trained on 3B tokens sourced from OSCAR, a large collection of web pages.",
     {("BERT", "trainedOn", "OSCAR")}, {("Zeta", "trainedOn", "OSCAR")}),
    ("a dataset after 'trained on' in a sentence without evaluation is training data", "Zeta: a model",
     "Zeta is trained on freely available text scraped from the web, with a focus on chats with assistants "
     "such as GPT-4, including SwaCorp.",
     {("Zeta", "trainedOn", "SwaCorp")}, {("Zeta", "evaluatedOn", "SwaCorp")}),
    ("... but not in a sentence with evaluation words", "Zeta: a model",
     "Trained on C4, Zeta reaches a new state of the art on SwaQA.",
     {("Zeta", "trainedOn", "C4"), ("Zeta", "evaluatedOn", "SwaQA")}, {("Zeta", "trainedOn", "SwaQA")}),
    ("a title without a model: its technique and benchmark are the introduced model's",
     "Cheap tuning with LoRA: better scores on SQuAD", "We present KiwiLM, a small model.",
     {("KiwiLM", "usesTechnique", "LoRA"), ("KiwiLM", "evaluatedOn", "SQuAD")},
     {("@paper", "usesTechnique", "LoRA"), ("@paper", "evaluatedOn", "SQuAD")}),
    ("a title without a model: its training data is the introduced model's", "Trained on little: BERT meets SwaCorp",
     "We present KiwiLM, a small model.",
     {("KiwiLM", "trainedOn", "SwaCorp")}, {("@paper", "trainedOn", "SwaCorp"), ("@paper", "evaluatedOn", "SwaCorp")}),
    ("instruction-tuned on Z", "Zeta: a model", "We instruction-tune Mistral on SwaCorp, yielding Zeta.",
     {("Zeta", "trainedOn", "SwaCorp"), ("Zeta", "fineTunedFrom", "Mistral")}, {("Zeta", "evaluatedOn", "SwaCorp")}),
    ("obtained by fine-tuning Y on data from Z", "Chat models",
     "We present OwlLM, obtained by fine-tuning LLaMA on dialogues gathered from SwaCorp.",
     {("OwlLM", "trainedOn", "SwaCorp"), ("OwlLM", "fineTunedFrom", "LLaMA")}, {("OwlLM", "evaluatedOn", "SwaCorp")}),
    ("pretraining data (dubbed Y)", "KiwiLM: small and sweet",
     "To pretrain KiwiLM, we collect 10 GB of pretraining data (dubbed 'SwaCorp') from the web.",
     {("KiwiLM", "trainedOn", "SwaCorp")}, set()),
    # outperforms
    ("improves upon models such as Y or Z", "Zeta: a model",
     "Zeta improves upon concurrently released models such as Gemma or Mistral.",
     {("Zeta", "outperforms", "Gemma"), ("Zeta", "outperforms", "Mistral")}, set()),
    ("no model of its own: our fine-tuned 770M Y beats Z", "Rationales help small models",
     "Third, our finetuned 770M T5 model outperforms the few-shot prompted GPT-4 model.",
     {("T5", "outperforms", "GPT-4")}, set()),
    ("preferred over Y", "Zeta: a model", "Zeta generates responses that are often preferred over GPT-2.",
     {("Zeta", "outperforms", "GPT-2")}, set()),
    ("equivalent or preferred is no win", "Zeta: a model",
     "Responses from Zeta are either equivalent or strictly preferred to GPT-4 in 43% of cases.",
     set(), {("Zeta", "outperforms", "GPT-4")}),
    ("a list item with a size before it", "Zeta: a model", "Zeta outperforms the baselines (i.e. BERT, RoBERTa, Base T5).",
     {("Zeta", "outperforms", "BERT"), ("Zeta", "outperforms", "T5")}, set()),
    ("a second rival after a phrase", "Zeta: a model",
     "Zeta outperforms Gemma across all benchmarks, and LLaMA 34B in reasoning.",
     {("Zeta", "outperforms", "Gemma"), ("Zeta", "outperforms", "LLaMA")}, set()),
    ("enhanced performance compared to Y", "Zeta: a model", "Zeta has enhanced performance compared to BERT.",
     {("Zeta", "outperforms", "BERT")}, set()),
    ("a second rival after a benchmark", "Zeta: a model", "Zeta outperforms Gemma on SQuAD by 41.3% to 35.7%, and LLaMA on GLUE.",
     {("Zeta", "outperforms", "Gemma"), ("Zeta", "outperforms", "LLaMA")}, set()),
    ("a list whose items carry bracketed sizes", "Zeta: a model",
     "Zeta significantly outperforms Gemma (280B), GPT-4 (175B), and LLaMA (530B) on many tasks.",
     {("Zeta", "outperforms", "Gemma"), ("Zeta", "outperforms", "GPT-4"), ("Zeta", "outperforms", "LLaMA")}, set()),
    ("well above the score achieved by Y", "Zeta: a model",
     "Our model reaches 83.7% on SQuAD, well above the 65.5% achieved by GPT-2.",
     {("Zeta", "outperforms", "GPT-2")}, set()),
    ("a rival ten words after outperforms", "Zeta: a model",
     "On SQuAD Zeta outperforms all known open base models, as well as the unreleased GPT-4 suite.",
     {("Zeta", "outperforms", "GPT-4")}, set()),
    ("a list with makers' names", "Zeta: a model", "Zeta even outperforms Anthropic's GPT-4 and Google's Gemma.",
     {("Zeta", "outperforms", "GPT-4"), ("Zeta", "outperforms", "Gemma")}, set()),
    ("outperforms models on a benchmark named after a model", "Zeta: a model",
     "Zeta outperforms all previous models on the GPT-4 judged benchmark.",
     set(), {("Zeta", "outperforms", "GPT-4")}),
    # techniques
    ("a technique for future studies is not used", "Zeta: a model",
     "We release our data to facilitate future studies on LoRA.", set(), {("Zeta", "usesTechnique", "LoRA")}),
    ("a technique compressed is not used", "Zeta: Compression of Large Transformer Models", "It is small.",
     set(), {("Zeta", "usesTechnique", "Transformer")}),
    ("a technique used", "Zeta: a Transformer for Legal Text", "It is small.",
     {("Zeta", "usesTechnique", "Transformer")}, set()),
])
def test_relations_case_table(case, title, abstract, expected, absent):
    found = triples(title, abstract)
    assert expected <= found, (case, found)
    assert not (absent & found), (case, found)


def test_relations_sentence_about_an_introduced_technique_is_the_papers_own():
    """ "PicoQuant stores weights with quantization": the paper's technique, so its model uses it too."""
    paper, mentions = paper_with_mentions(
        "Chat models", "We present OwlLM, trained with our new method. PicoQuant stores weights with quantization. "
        "Prior work relies on LoRA.")
    at = paper.text.index("PicoQuant")
    mentions = sorted([*mentions, Mention("PicoQuant", "PicoQuant", "Technique", at, at + 9, True)], key=lambda m: m.start)
    found = {(r.subject[1], r.predicate, r.object[1]) for r in extract_relations(paper, mentions)}
    assert ("OwlLM", "usesTechnique", "quantization") in found
    assert ("OwlLM", "usesTechnique", "LoRA") not in found  # background: others' work


def test_relations_one_lineage_predicate_per_pair():
    found = triples("PicoLM: a Tiny GPT-2", "We distil GPT-2 into PicoLM. PicoLM is based on GPT-2.")
    assert {p for s, p, o in found if (s, o) == ("PicoLM", "GPT-2")} == {"distillsFrom"}


def test_relations_evidence_is_the_sentence():
    paper, mentions = paper_with_mentions("Zeta: a model", "Some context here. Zeta outperforms BERT on GLUE.")
    (rel,) = [r for r in extract_relations(paper, mentions) if r.predicate == "outperforms"]
    assert rel.sentence == "Zeta outperforms BERT on GLUE."


@pytest.mark.parametrize("title,abstract,mentions", [
    ("", "", []),
    ("«M0»: a «D1» tale", "We present «M0». It beats BERT and «M7».", [("BERT", "Model")]),
    ("X: Y", "We present X.", [("X", "Model"), ("Y", "Model"), ("Q", "Kind")]),
])
def test_relations_odd_input_gives_no_error(title, abstract, mentions):
    paper = Paper("t:odd", title, abstract)
    ms = [Mention(n, n, t, paper.text.find(n), paper.text.find(n) + len(n)) for n, t in mentions if n in paper.text]
    ms += [Mention("far", "far", "Model", 10_000, 10_004), *reversed(ms)]  # out of range, unsorted, repeated
    for r in extract_relations(paper, ms):
        assert r.sentence in paper.text and r.subject != r.object


_WORDS = st.sampled_from(["we", "present", "Zeta", "BERT", "GLUE", "Welsh", "LoRA", "distilled", "from", "not",
                          "outperforms", "a", "based", "on", ",", ".", ":", "(", ")", "«M0»", "e.g.", "than", "\n"])


@settings(max_examples=60, deadline=None)
@given(title=st.lists(_WORDS, max_size=8), abstract=st.lists(_WORDS, max_size=40),
       spans=st.lists(st.tuples(st.integers(-5, 300), st.integers(0, 12),
                                st.sampled_from(["Model", "Dataset", "Language", "Technique"])), max_size=12))
def test_relations_any_text_and_spans(title, abstract, spans):
    paper = Paper("t:prop", " ".join(title), " ".join(abstract))
    ms = sorted((Mention("x", f"N{s}", t, s, s + n) for s, n, t in spans), key=lambda m: m.start)
    for r in extract_relations(paper, ms):
        assert r.sentence in paper.text and 0 < r.confidence <= 1 and r.subject != r.object


def test_relations_no_regex_compiled_per_paper(monkeypatch):
    extractor = RelationExtractor()
    paper, mentions = paper_with_mentions("Zeta: a model", "Zeta, a distilled version of BERT, beats GPT-4 on GLUE.")

    def fail(*args, **kwargs):
        raise AssertionError("a regular expression compiled while extracting")

    monkeypatch.setattr(re, "compile", fail)
    monkeypatch.setattr(re, "_compile", fail)
    assert extractor(paper, mentions)


def test_relations_bad_table_is_a_clear_error(tmp_path):
    bad = tmp_path / "relations.toml"
    bad.write_text("[slots\n", encoding="utf-8")
    with pytest.raises(KGError, match="not valid TOML"):
        load_relation_table(bad)
    table = load_relation_table()
    table["rule"] = [{"predicate": "basedOn", "confidence": 0.5, "patterns": ["({Y}"]}]
    with pytest.raises(KGError, match="bad entry"):
        RelationExtractor(table)


def _lineage(out) -> set[tuple[str, str, str, str]]:
    """(subject label, predicate, object label, evidence) of every lineage statement in the build."""
    store = ox.Store()
    store.load(path=str(out / "graph.nt"), format=ox.RdfFormat.N_TRIPLES)
    query = f"""SELECT ?s ?p ?o ?ev WHERE {{
      ?st a <{RDF.Statement}> ; <{RDF.subject}> ?x ; <{RDF.predicate}> ?p ; <{RDF.object}> ?y ;
          <{KG.evidence}> ?ev ; <{PROV.wasDerivedFrom}> ?paper .
      ?x <{RDFS.label}> ?s . ?y <{RDFS.label}> ?o .
      VALUES ?p {{ <{KG.distillsFrom}> <{KG.compresses}> <{KG.fineTunedFrom}> <{KG.basedOn}> }} }}"""
    return {(r["s"].value, r["p"].value.rsplit("#", 1)[-1], r["o"].value, r["ev"].value) for r in store.query(query)}


def test_relations_bundled_lineage_of_known_families(built_out):
    edges = {(s, p, o): ev for s, p, o, ev in _lineage(built_out)}
    expected = {
        ("TinyBERT", "distillsFrom", "BERT"): "Distilling BERT",
        ("DistilBERT", "distillsFrom", "BERT"): "distilled version of BERT",
        ("MobileBERT", "distillsFrom", "BERT"): "teacher",
        ("Q8BERT", "compresses", "BERT"): "BERT",
        ("RobBERT", "basedOn", "RoBERTa"): "RoBERTa-based",
        ("RoBERTa", "basedOn", "BERT"): "BERT",
    }
    for edge, words in expected.items():
        assert edge in edges, edge
        assert words in edges[edge], (edge, edges[edge])


def test_relations_default_extractor_is_built_once():
    """Compiling the pattern tables costs ~0.2 s: extract_relations must reuse one extractor per process."""
    from kg.extract.relations import _default_extractor

    assert _default_extractor() is _default_extractor()


def test_relations_use_the_callers_linker(monkeypatch):
    """The pipeline's own Linker tells chat variants apart: no second Linker is built beside it."""
    from kg.extract import relations
    from kg.link import Linker

    def no_second_linker():
        raise AssertionError("built a Linker of its own")

    monkeypatch.setattr(relations, "_variant_linker", no_second_linker)
    paper, mentions = paper_with_mentions("OwlLM-7B-Chat: a chat model",
                                          "We present OwlLM-7B-Chat, tuned on dialogues. Unlike OwlLM, it follows instructions.")
    found = {(r.subject[1], r.predicate, r.object[1]) for r in extract_relations(paper, mentions, linker=Linker())}
    assert ("OwlLM-7B-Chat", "fineTunedFrom", "OwlLM") in found


@pytest.mark.parametrize("skeleton", [
    "Unlike «M0», we do not use «D1».",
    "It is better than «M0» and more accurate compared with «M1» on «D2».",
    "A translation of «D0» derived from «D1», instead of «D2».",
    "Existing methods rely on distillation of «M0», as opposed to pruning.",
    "We train «M0» on «D1» and evaluate it on «D2».",
    "İt is NOT «M0»; neither «M1» nor «M2».",
])
def test_relations_scan_tells_which_window_cues_can_match(skeleton):
    from kg.extract import relations as R

    x = RelationExtractor()
    aux = x._scan(skeleton, skeleton.lower())[2]
    cues = {R._BLOCK_OBJECT: x.block_object, R._BLOCK_DEFAULT: x.block_default,
            R._CONTRAST: x.technique_contrast, R._SOURCE: x.dataset_source}
    for bit, regex in cues.items():
        if not aux & bit:  # a cue the scan rules out must not match anywhere in the sentence
            assert regex.search(skeleton) is None, (bit, regex.pattern)


@pytest.fixture(scope="module")
def full_extractor():
    from kg.extract import Extractor
    return Extractor()


def _check_found(extractor, case, title, abstract, expected, absent):
    """The relations the full extractor (discovery included) finds hold ``expected`` and none of ``absent``."""
    paper = Paper("t:test", title, abstract)
    found = {_triple(r) for r in extractor(paper).relations}
    assert expected <= found, (case, found)
    assert not (absent & found), (case, found)


@pytest.mark.parametrize("case,title,abstract,expected,absent", [
    ("evaluate on this novel dataset: the one the paper introduces", "Zorba: A Reading Comprehension Dataset",
     "We present Zorba, a reading comprehension dataset. It spans 122 languages. Questions come from books. "
     "We evaluate a range of models on this novel dataset.", {("@paper", "evaluatedOn", "Zorba")}, set()),
    ("use this dataset to evaluate", "Zorba: A Reading Comprehension Dataset",
     "We present Zorba, a reading comprehension dataset. We use this dataset to evaluate multilingual models.",
     {("@paper", "evaluatedOn", "Zorba")}, set()),
    ("experiments in our dataset", "Zorba: A Dataset of Numerical Reasoning",
     "We present Zorba, a new question answering dataset. We conduct comprehensive experiments in our dataset.",
     {("@paper", "evaluatedOn", "Zorba")}, set()),
    ("our baselines for this dataset achieve", "Zorba: A Dataset of Incomplete Questions",
     "We present Zorba, a dataset of 13K questions. We construct a baseline model for this dataset, finding that "
     "it achieves 31.1% F1.", {("@paper", "evaluatedOn", "Zorba")}, set()),
    ("models trained as baselines for our dataset", "Zorba: A Collection of Datasets for Summarization",
     "We introduce Zorba, a collection of datasets. We trained several models as baselines for our dataset.",
     {("@paper", "evaluatedOn", "Zorba")}, set()),
    ("what a sentence says the own dataset is for is no experiment", "Zorba: A Dataset of Numerical Reasoning",
     "We present Zorba, a new question answering dataset. We hope this dataset will help to train better models.",
     set(), {("@paper", "evaluatedOn", "Zorba")}),
    ("what the own dataset is: no evaluation", "Zorba: A Dataset of Numerical Reasoning",
     "We present Zorba, a new question answering dataset. This dataset consists of 8k questions from reports.",
     set(), {("@paper", "evaluatedOn", "Zorba")}),
    ("a dataset the paper does not introduce is no benchmark of its own", "Zeta: a model",
     "We present Zeta. It is tuned with presets taken from the benchmark of GermEval and trained on the benchmark.",
     set(), {("Zeta", "trainedOn", "GermEval"), ("Zeta", "evaluatedOn", "GermEval")}),
    ("a dataset paper's title names it, reports no result", "Zorba: A Comprehensive Benchmark for Welsh Understanding",
     "Recent models have improved language understanding.", set(), {("@paper", "evaluatedOn", "Zorba")}),
    ("a title that evaluates on a dataset", "Evaluating Code Models on Zorba, a Repository-Level Benchmark",
     "We present Zorba, a benchmark of 1,000 repository tasks.", {("@paper", "evaluatedOn", "Zorba")}, set()),
    ("a dataset paper's data beside others' is no benchmark", "Zorbset: A 1T Dataset for Open Language Modeling",
     "We present Zorbset. Our evaluations show that Zorbset competes favorably with open datasets like Dolma.",
     set(), {("@paper", "evaluatedOn", "Dolma")}),
    ("use X to evaluate", "Zeta: a Welsh model", "We present Zeta. We use MMLU to evaluate Zeta.", {("Zeta", "evaluatedOn", "MMLU")}, set()),
])
def test_relations_own_dataset_under_another_name(full_extractor, case, title, abstract, expected, absent):
    """The paper's own dataset, evaluated on as "this dataset", "our dataset", "it"; a dataset paper's title
    reports no result. Names found by the full extractor, which knows which dataset the paper introduces."""
    _check_found(full_extractor, case, title, abstract, expected, absent)


@pytest.mark.parametrize("case,title,abstract,expected,absent", [
    ("we fine-tuned the Y family of models", "ZorbGLM: scientific language models",
     "We present ZorbGLM. We fine-tuned the ChatGLM family of language models with our data.",
     {("ZorbGLM", "fineTunedFrom", "ChatGLM")}, set()),
    ("continual pre-training and instruction tuning of Y", "Zorb-Med: medical models",
     "We introduce Zorb-Med, developed through continual pre-training and instruction tuning of LLaMA using medical data.",
     {("Zorb-Med", "fineTunedFrom", "LLaMA")}, {("Zorb-Med", "basedOn", "LLaMA")}),
    ("after finetuning the Y model on", "Zorb1: simple scaling",
     "After supervised finetuning the Qwen2.5 language model on our data, our model Zorb1 exceeds o1-preview.",
     {("Zorb1", "fineTunedFrom", "Qwen2.5")}, set()),
    ("based on Y, which we continue pretraining", "Zorba: a Basque model",
     "We introduce Zorba. Zorba is based on Llama 2, which we continue pretraining on a new Basque corpus.",
     {("Zorba", "fineTunedFrom", "LLaMA-2")}, {("Zorba", "basedOn", "LLaMA-2")}),
    ("X, a prompt-tuned version of Y", "A study of medical question answering",
     "GPT-4 outperforms models fine-tuned on medicine (Zorb-PaLM, a prompt-tuned version of Flan-PaLM).",
     {("Zorb-PaLM", "fineTunedFrom", "Flan-PaLM")}, {("Zorb-PaLM", "basedOn", "Flan-PaLM")}),
    ("title: the name holds Y, the rest prunes", "Trimmed LLaMA: A Simple Depth Pruning for Large Language Models",
     "We remove blocks of LLaMA and keep its accuracy.", {("Trimmed LLaMA", "compresses", "LLaMA")}, set()),
    ("title: the name holds Y, the rest distils", "ZorbBERT: Distilling for Speed",
     "We make BERT faster.", {("ZorbBERT", "distillsFrom", "BERT")}, set()),
    ("outperform LLMs like A, B and C (a language-specialised class between)", "Zorb-Chat: Darija models",
     "We present Zorb-Chat. Our models outperform both state-of-the-art and Arabic-specialized LLMs like LLaMA, "
     "Jais, and AceGPT.", {("Zorb-Chat", "outperforms", m) for m in ("LLaMA", "Jais", "AceGPT")}, set()),
    ("after an enumerator", "A study of ChatGPT",
     "We find that: 1) ChatGPT falls short on paraphrase tasks; 2) ChatGPT outperforms all BERT models on inference.",
     {("ChatGPT", "outperforms", "BERT")}, set()),
    ("an increase in score compared to Y", "Zorblik: a Polish model",
     "We present Zorblik. Zorblik demonstrates significant improvements, achieving a 9 point increase in average "
     "score compared to Mistral-7B on the task.",
     {("Zorblik", "outperforms", "Mistral 7B")}, set()),
    ("outperforms a distillation from Y: neither lineage nor a win over Y", "Zorbalign: a pipeline",
     "We propose Zorbalign. Zorbalign outperforms both direct distillation from GPT-4o and GPT-4o-based methods.",
     set(), {("Zorbalign", "distillsFrom", "GPT-4o"), ("Zorbalign", "outperforms", "GPT-4o")}),
    ("examples of the methods it outperforms", "Zorbalign: a pipeline",
     "We propose Zorbalign. Zorbalign outperforms both direct distillation from GPT-4o and leading GPT-4o-based "
     "distillation methods, such as OSS-Instruct and Evol-Instruct.", set(), {("Zorbalign", "usesTechnique", "Evol-Instruct")}),
    ("without A or B", "ZorbCoder: a code model",
     "We present ZorbCoder, a code model aligned without extensive human annotations or distillation.",
     set(), {("ZorbCoder", "usesTechnique", "knowledge distillation")}),
    ("others' models as examples of a Y-based class", "Zorb: a French model",
     "We present Zorb. Zorb is competitive with BERT-based French language models such as CamemBERT and FlauBERT.",
     {("CamemBERT", "basedOn", "BERT"), ("FlauBERT", "basedOn", "BERT")}, {("Zorb", "basedOn", "BERT")}),
    ("title: from Y to", "ZorBERT: from BERT to Mixture-of-Experts via Importance-Guided Adaptation",
     "We present ZorBERT.", {("ZorBERT", "basedOn", "BERT")}, set()),
    ("a smaller model (X) can outperform a larger model (Y)", "Distilling Reasoning into Smaller Language Models",
     "We show cases where a much smaller model (GPT-2 large) can outperform a 10X larger model (GPT-3 6B).",
     {("GPT-2", "outperforms", "GPT-3")}, set()),
    ("title: the next version is no compression", "ZorbLMv2: Pruning Attention Heads",
     "We present ZorbLMv2 and compare it with ZorbLM.", set(), {("ZorbLMv2", "compresses", "ZorbLM")}),
    ("title: the rest names the base outside the name", "Zorbo: RoBERTa and Longformer Models for Welsh",
     "We present Zorbo.", {("Zorbo", "basedOn", "RoBERTa"), ("Zorbo", "basedOn", "Longformer")}, set()),
    ("title: ... with Y", "Zorbo: Speaker-Aware Emotion Recognition with RoBERTa",
     "We present Zorbo.", {("Zorbo", "basedOn", "RoBERTa")}, set()),
    ("title: a model the rest sets against the own one", "Zorbo: An Open Chatbot Impressing GPT-4 with ChatGPT Quality",
     "We present Zorbo.", set(), {("Zorbo", "basedOn", "GPT-4"), ("Zorbo", "basedOn", "ChatGPT")}),
    ("superior performance in ... compared to Y", "ZorbMamba: a clinical model",
     "ZorbMamba demonstrates superior performance in modeling clinical language across extended text lengths "
     "compared to Mamba.", {("ZorbMamba", "outperforms", "Mamba")}, set()),
    ("better overall performance against models such as Y", "Zorb: small models",
     "Our best model, Zorb-3B, achieves better overall performance against existing 7B models such as LLaVA-1.5.",
     {("Zorb", "outperforms", "LLaVA-1.5")}, set()),
    ("title: a Y-like capability", "Zorbo: Towards ChatGPT-Like Capabilities on Drug Molecule Graphs",
     "We present Zorbo.", set(), {("Zorbo", "basedOn", "ChatGPT")}),
])
def test_relations_lineage_phrasings_with_discovered_names(full_extractor, case, title, abstract, expected, absent):
    """How abstracts say a model was trained further from or made smaller than another, with own names
    the extractor discovers."""
    _check_found(full_extractor, case, title, abstract, expected, absent)


def test_relations_a_dataset_opening_a_sentence_on_what_it_holds_takes_its_languages():
    """"ZorbBench comprises ... in Chinese and English": the paper's own dataset is for those languages, and its own
    model gets none of them from that sentence."""
    paper = Paper("t:x", "ZorbBench: a finance benchmark",
                  "ZorbBench comprises 64 datasets in both Chinese and English. We also develop a model, Zorb-E5.")
    names = [("ZorbBench", "Dataset", True), ("Chinese", "Language", False), ("English", "Language", False),
             ("Zorb-E5", "Model", True)]
    mentions = sorted((Mention(n, n, t, m.start(), m.end(), own) for n, t, own in names
                       for m in re.finditer(re.escape(n), paper.text)), key=lambda m: m.start)
    edges = {(r.subject[1], r.predicate, r.object[1]) for r in extract_relations(paper, mentions)}
    assert {("ZorbBench", "forLanguage", "Chinese"), ("ZorbBench", "forLanguage", "English")} <= edges
    assert not {("Zorb-E5", "forLanguage", "Chinese"), ("Zorb-E5", "forLanguage", "English")} & edges


def test_relations_english_before_a_datasets_name_is_its_language(full_extractor):
    """"English CoNLL 2003" says the dataset's language; "Korean BBQ" names a Korean version of BBQ, and
    "English Wikipedia" a part of a source that holds every language."""
    _check_found(full_extractor, "English before a dataset's name", "Zorb: a tagger",
                 "We present Zorb. Zorb improves results on English CoNLL 2003 and on Korean BBQ. It is pre-trained "
                 "on English Wikipedia.", {("CoNLL-2003", "forLanguage", "English")},
                 {("BBQ", "forLanguage", "Korean"), ("Wikipedia", "forLanguage", "English")})
