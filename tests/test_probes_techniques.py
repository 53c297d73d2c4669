"""Technique probes: invented sentences, each with the Technique nodes it must give (and no other).

The sentences are written for these tests, never taken from the corpus or a
gold split. They check the gazetteer's Technique rows (names, spellings,
abbreviations, generic names for variants) and the two rules over language in
:mod:`kg.extract.pipeline`: which technique names are generic where they stand
(``_generic_technique``) and which compounds name a technique of their own
(``_technique_compounds``).
"""
from __future__ import annotations

import pytest

from kg.extract import Extractor
from kg.model import Paper


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def techniques(extractor: Extractor, text: str, title: str = "A study of language models") -> set[str]:
    return {m.name for m in extractor(Paper("t:probe", title, text)).mentions if m.type == "Technique"}


# (sentence, the Technique nodes it names)
PROBES = [
    # fairness and safety methods are techniques
    ("We study debiasing of sentence encoders and the detoxification of generated text.", {"debiasing", "detoxification"}),
    ("Controlled text generation steers a language model toward a target attribute.", {"controllable generation"}),
    # in-context examples are in-context learning
    ("With a few in-context examples, the model writes code for event extraction.", {"in-context learning"}),
    # privacy attacks and their defences
    ("We mount training data extraction attacks and an embedding inversion attack on the encoder.",
     {"training data extraction attack", "model inversion"}),
    ("A weight poisoning attack changes the weights; prompt leakage and goal hijacking follow.",
     {"weight poisoning", "prompt leaking", "goal hijacking"}),
    # continual learning settings and search methods
    ("We study class-incremental learning and task-incremental learning with parameter isolation.",
     {"class-incremental learning", "task-incremental learning", "parameter isolation"}),
    ("Substitutes are searched by particle swarm optimization, and labels by nearest neighbor search.",
     {"particle swarm optimization", "nearest neighbor search"}),
    # a decoding method named with its head noun is the method
    ("Quality degrades with beam search decoding; greedy decoding is faster.", {"beam search", "greedy decoding"}),
    # attention and architecture
    ("We adopt grouped-query attention and sliding window attention (SWA) for long inputs.",
     {"grouped-query attention", "sliding window attention"}),
    ("The decoder replaces multi-head attention with multi-head latent attention (MLA).",
     {"self-attention", "multi-head latent attention"}),
    # an acronym goes with the long form the paper gives it
    ("We average weights with stochastic weight averaging (SWA). SWA improves generalization.",
     {"stochastic weight averaging"}),
    ("Our model uses grouped-query attention (GQA). GQA speeds up decoding.", {"grouped-query attention"}),
    ("We compare grouped-query and multi-query attention.", {"grouped-query attention", "multi-query attention"}),
    ("Each block uses RMSNorm, SwiGLU activations and rotary embeddings.",
     {"RMSNorm", "SwiGLU", "rotary position embedding"}),
    ("We swap the GeGLU feed-forward layer for a ReLU one and use Pre-LN.", {"GeGLU", "ReLU", "layer normalization"}),
    ("We use block-sparse attention and kernelized attention.", {"sparse attention", "linear attention"}),
    ("It adds a learned relative position bias to sinusoidal positional encodings.",
     {"relative position encoding", "absolute position embedding"}),
    ("We adopt a sparse mixture-of-experts layer with top-2 routing and expert choice routing.",
     {"mixture of experts", "top-k routing", "expert choice routing"}),
    ("We study selective state space models and mixture-of-depths.", {"state space model", "mixture-of-depths"}),
    ("Training uses stochastic depth and QK normalization.", {"stochastic depth", "QK-norm"}),
    ("We add multi-token prediction and a z-loss to the objective.", {"multi-token prediction", "z-loss"}),
    # pre-training objectives
    ("We pretrain with a masked language model objective and next sentence prediction.",
     {"masked language modeling", "next sentence prediction"}),
    ("The denoising auto-encoder is trained with span corruption.", {"denoising autoencoder", "span corruption"}),
    ("Pre-training combines replaced token detection with dynamic masking.",
     {"replaced token detection", "dynamic masking"}),
    # training recipes and schedules
    ("The model is trained with a warmup-stable-decay learning-rate schedule.", {"warmup-stable-decay schedule"}),
    ("We use cosine annealing after a linear warmup.", {"cosine learning rate schedule", "learning rate warmup"}),
    ("We use bf16 mixed precision and activation checkpointing.",
     {"mixed precision training", "activation checkpointing"}),
    ("We pack sequences with sequence packing and average checkpoints with checkpoint averaging.",
     {"sequence packing", "weight averaging"}),
    ("We apply domain-adaptive pretraining (DAPT) before task-adaptive pretraining.",
     {"domain-adaptive pretraining", "task-adaptive pretraining"}),
    ("We adapt the model by continued pre-training on clinical notes.", {"continued pretraining"}),
    ("ALBERT uses factorized embedding parameterization; we train it with zeroth-order optimization.",
     {"factorized embedding parameterization", "zeroth-order optimization"}),
    ("We use elastic weight consolidation to mitigate forgetting in lifelong learning.",
     {"elastic weight consolidation", "continual learning"}),
    ("We use self-supervised pre-training of speech encoders.", {"self-supervised learning"}),
    # the adjective names the paradigm ("self-supervised speech representation learning", "in a self-supervised fashion")
    ("Our encoder learns speech representations in a self-supervised fashion.", {"self-supervised learning"}),
    # alignment and prompting
    ("We use reinforcement learning with human feedback and PPO.",
     {"reinforcement learning from human feedback", "proximal policy optimization"}),
    ("The model is instruction-finetuned and then aligned with direct preference optimisation.",
     {"instruction tuning", "direct preference optimization"}),
    ("Answers are rated with an LLM-as-a-judge protocol and best-of-n sampling.",
     {"LLM-as-a-judge", "best-of-n sampling"}),
    ("We compare tree-of-thought and graph-of-thoughts prompting with chain-of-verification.",
     {"tree of thoughts", "graph of thoughts", "chain-of-verification"}),
    ("We decode with MBR decoding, min-p sampling and classifier-free guidance.",
     {"minimum Bayes risk decoding", "min-p sampling", "classifier-free guidance"}),
    ("We train with the Muon optimizer, add NEFTune noise and align with RLVR.",
     {"Muon", "NEFTune", "reinforcement learning with verifiable rewards"}),
    ("We apply SnapKV and KIVI and decode with DoLa.", {"SnapKV", "KIVI", "DoLa"}),
    ("We use chain-of-thought prompting and in-context learning.",
     {"chain-of-thought prompting", "in-context learning"}),
    # compression and efficiency
    ("We apply 4-bit GPTQ and compare with AWQ, SpQR and SmoothQuant.", {"GPTQ", "AWQ", "SpQR", "SmoothQuant"}),
    ("We compare mixed-precision quantization with SliceGPT.", {"quantization", "SliceGPT"}),
    ("We use weight-sharing across blocks and a Tucker decomposition of the embeddings.",
     {"weight sharing", "low-rank factorization"}),
    ("We apply structured pruning, token pruning and early exiting.", {"pruning", "early exit"}),
    ("We compress the model with teacher-student training.", {"knowledge distillation"}),
    ("We use KV cache quantization and speculative decoding.", {"KV cache compression", "speculative decoding"}),
    # parameter-efficient tuning
    ("We fine-tune with LoRA adapters, QLoRA and DoRA.", {"LoRA", "QLoRA", "DoRA"}),
    ("We compare adapter tuning, prefix-tuning, soft prompt tuning, P-tuning, BitFit and IA3.",
     {"adapters", "prefix tuning", "prompt tuning", "P-tuning", "BitFit", "(IA)^3"}),
    ("We extend the context with LongLoRA and combine adapters with AdapterFusion.",
     {"LongLoRA", "AdapterFusion", "adapters"}),
    # retrieval
    ("We use retrieval-augmented generation with dense retrieval and a cross-encoder re-ranker.",
     {"retrieval-augmented generation", "cross-encoder"}),
    ("Candidates come from approximate nearest neighbour search.", {"approximate nearest neighbor search"}),
    # a technique before -based / -style is applied, except the Transformer everyone uses
    ("We use a LoRA-based method with LSTM-based encoders.", {"LoRA", "LSTM"}),
    ("We adopt an RLHF-style pipeline and a distillation-based objective.",
     {"reinforcement learning from human feedback", "knowledge distillation"}),
    # a known technique with a short capital tag glued on is a variant of its own
    ("We serve adapters with S-LoRA and compare with LoRA-FA.", {"adapters", "S-LoRA", "LoRA-FA"}),
    ("We fine-tune with Q-LoRA and FlashAttention-2.", {"QLoRA", "FlashAttention"}),
    # evaluation settings and continued pre-training named as an adjective or a verb (GUIDELINES, Technique)
    ("We report zero-shot and 5-shot accuracy of our model.", {"zero-shot learning", "few-shot learning"}),
    ("In the 0-shot setting it trails its k-shot results.", {"zero-shot learning", "few-shot learning"}),
    ("We revisit zero-shot prompting and Zero-shot-CoT.", {"zero-shot prompting", "zero-shot chain-of-thought"}),
    ("One-shot pruning removes half of the weights.", {"pruning"}),
    ("We further pre-train the model on clinical notes.", {"continued pretraining"}),
    ("The model was continually pre-trained on code and then continued training on math.", {"continued pretraining"}),
    ("Our student is distilled from a larger teacher.", {"knowledge distillation"}),
    ("We instruction-tune the model on chat data.", {"instruction tuning"}),
    # a model used to judge others' outputs (as blind annotators since dev34 name it)
    ("We use GPT-4 as a judge; LLM judges and a 13B evaluator LLM agree.", {"LLM-as-a-judge"}),
    # transfer as a method (GUIDELINES, stop 21: blind annotators mark it, background too)
    ("As transfer learning becomes more prevalent, we study cross-lingual transfer.", {"transfer learning", "cross-lingual transfer"}),
    ("It then continues pre-training on code, after secondary pre-training on Chinese text.", {"continued pretraining"}),
    ("The model is instruct-tuned on 10K dialogues.", {"instruction tuning"}),
    # a reward model is named as reward modeling (GUIDELINES: 45 gold mentions of "reward model(s)" in 64 papers)
    ("The reward model prefers longer answers; reward models are gamed.", {"reward modeling"}),
    # the architecture named as a modifier or a plural is named (GUIDELINES)
    ("Unlike Transformer-based models, ours is small.", {"Transformer"}),
    ("Large transformer models and pretrained transformers are costly.", {"Transformer"}),
    # weight averaging as a verb phrase (the tuned gold marks it in 10 of 11 papers that say it so)
    # parameter-efficient fine-tuning as papers spell it, and its older name (no "transfer learning" inside it)
    ("We propose a parameter-efficient finetuning method.", {"parameter-efficient fine-tuning"}),
    ("Experiments on parameter-efficient transfer learning show gains.", {"parameter-efficient fine-tuning"}),
    # a prefix joined or hyphenated, whichever way the gazetteer writes it
    ("We compare rejection sampling finetuning with language-adaptive finetuning.",
     {"rejection sampling fine-tuning", "language-adaptive fine-tuning"}),
    # an attack by its noun: "jailbreaks", "jail-break attack", "jailbreak prompts"
    ("We study jailbreaks of open models and robustness to jail-break attack categories.", {"jailbreaking"}),
    # a model named by its objective names the objective, as masked language models do
    ("A causal language model trained on the new tokenizer segments words better.", {"causal language modeling"}),
    ("The next word prediction objective undoes some of the gains.", {"causal language modeling"}),
    ("We fuse the models by averaging the weights of the fine-tuned checkpoints.", {"weight averaging"}),
    ("We patch the model by interpolating weights before and after fine-tuning.", {"weight averaging"}),
]

# sentences that name no technique: generic words, tasks, metrics, models as a class, ordinary English
NEGATIVES = [
    "We fine-tune our model on the downstream tasks and report accuracy.",
    "Attention to detail matters when learning from data.",
    "We address question answering, sentiment analysis and machine translation.",
    "We report accuracy, F1, BLEU and perplexity.",
    "Unlike Transformer-like models, ours is small.",
    "We evaluate on few-shot learning benchmarks and in-context learning tasks.",
    "The students learn from the teacher in a classroom.",
    "We build an ensemble of annotators and a warm start.",
    "We evaluate on VQAv2, GQA and TextVQA.",
    "The muon detector recorded the events.",
    "We release a dense retriever trained on web questions.",
    "It beats instruction-tuned LLMs and quantized models of the same size.",
    "The index has a pruning-friendly layout.",
    # an adverb after the introducing verb is no name of a method
    "We propose instead to consider links between single words rather than spans.",
]


@pytest.mark.parametrize("text, expected", PROBES, ids=[p[0][:50] for p in PROBES])
def test_technique_probe(extractor, text, expected):
    assert techniques(extractor, text) == expected


@pytest.mark.parametrize("text", NEGATIVES, ids=[t[:50] for t in NEGATIVES])
def test_no_technique(extractor, text):
    assert techniques(extractor, text) == set()


def test_masked_language_model_names_its_objective(extractor):
    """A class of models named by its objective names the objective (GUIDELINES, stop 23), in a title too."""
    assert techniques(extractor, "Modern masked language models are trained on ever larger corpora.") == {
        "masked language modeling"}
    assert techniques(extractor, "We train on Slovak web text.", title="SlovakBERT: Slovak Masked Language Model") == {
        "masked language modeling"}


def test_a_generic_abbreviation_is_no_node(extractor):
    """"KV" abbreviates key-value wherever it stands: a method named after it is no "KV" node."""
    text = ("The Key-Value (KV) cache grows with the context. We propose Mixed-precision KV cache (MiKV), "
            "which keeps the KV pairs of important tokens in high precision.")
    names = {m.name for m in extractor(Paper("t:probe", "Compressing the KV cache", text)).mentions}
    assert "KV" not in names


@pytest.mark.parametrize("text, generic", [
    ("We collect MQM annotations of 100k segments and create an MQM dataset for ten language pairs.", "MQM"),
    ("We construct an RS image-text dataset of 5M pairs. On the RS dataset, our model is best.", "RS"),
    ("Radiologists read CXRs daily; we pair 300k CXRs with reports.", "CXRs"),
])
def test_a_scheme_or_field_abbreviation_is_no_node(extractor, text, generic):
    """An annotation scheme (MQM), a field (RS, remote sensing) or a kind of image (CXRs) is no entity."""
    names = {m.name for m in extractor(Paper("t:probe", "A study", text)).mentions}
    assert generic not in names, names


def test_a_shared_task_and_its_data_are_one_node(extractor):
    """"the BabyLM Challenge" and "the BabyLM dataset" name one Dataset."""
    text = "We enter the BabyLM Challenge. Our model is trained on the BabyLM dataset and wins the BabyLM shared task."
    found = {(m.name, m.type) for m in extractor(Paper("t:probe", "A small model", text)).mentions}
    assert found == {("BabyLM", "Dataset")}, found


@pytest.mark.parametrize("text, edges, absent", [
    ("Pre-trained sequence-to-sequence models such as T5 and BART rank passages well.",
     {("T5", "sequence-to-sequence"), ("BART", "sequence-to-sequence")}, set()),
    ("Selective state-space models (SSMs) like Mamba overcome the cost of attention.",
     {("Mamba", "state space model")}, set()),
    ("State space models are faster than Mamba on long inputs.", set(), {("Mamba", "state space model")}),
])
def test_models_listed_after_their_class_use_its_technique(extractor, text, edges, absent):
    """Named models listed right after the technique their class is named by use it ("SSMs like Mamba")."""
    result = extractor(Paper("t:probe", "A study of sequence models", text))
    used = {(r.subject[1], r.object[1]) for r in result.relations if r.predicate == "usesTechnique"}
    assert edges <= used and not (absent & used), used


@pytest.mark.parametrize("text, technique", [
    ("We combine the LLM with static code analysis to find vulnerabilities.", "static analysis"),
    ("Objects exchange information through message passing over the scene graph.", "message passing"),
    ("We propose a dual-scale graph transformer for long-term action planning.", "graph transformer"),
])
def test_program_and_graph_techniques_are_known(extractor, text, technique):
    """Techniques of code and graph papers the gazetteer holds: static analysis, message passing, graph transformer."""
    assert technique in techniques(extractor, text)
