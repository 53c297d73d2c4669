"""Probes of how relation subjects are chosen across a whole abstract (the discourse), through the full pipeline.

Each probe is an invented paper, ``"want | title || abstract"``: ``want`` lists ``subject
predicate object`` edges separated by ``;`` (``@paper`` for the paper itself); an edge
written ``!s p o`` must not be extracted. The names are invented (ZetaLM, KoraBERT,
NimbusQA) or well known, and each probe uses names the entity stage finds, so the probe
is about the relations: whose edge a sentence gives when it says "the model", "it",
"our approach", "the 7B variant", "its pass@1", or speaks of others' models first.
The rule (tests/gold/GUIDELINES.md): the subject is the paper's own named model where it
has one, else the paper. The probes read the rules' edges: the learned re-scorer, on by
default, adds and drops ``usesTechnique``, ``trainedOn`` and ``forLanguage`` edges by pooled
figures, not by phrasing (it gives "The training of large models with LoRA is costly" an edge).
"""
from __future__ import annotations

import pytest

from kg.extract.pipeline import Extractor
from kg.model import Paper

PROBES = [
    # "the dataset" of a paper introducing one dataset stands for it where the paper evaluates, for the models too
    '@paper evaluatedOn KoraNER; mBERT evaluatedOn KoraNER; XLM-R evaluatedOn KoraNER | KoraNER: Swahili entities || '
    'We present KoraNER, a named entity corpus of Swahili news. In the end, we benchmark the dataset on different '
    'models like mBERT and XLM-R.',
    # "comparable or better" claims the win ("equivalent or strictly preferred" does not); "the best ... among"
    'ZorbCoder outperforms Codex | ZorbCoder: code models || We present ZorbCoder. We demonstrate that it achieves '
    'equivalent or better performance than similarly sized models, such as Codex.',
    'ZorbMT outperforms mBART | ZorbMT: translation || We present ZorbMT. ZorbMT achieves competitive or even better '
    'performance than a strong pre-trained model mBART.',
    '!ZorbChat outperforms GPT-4 | ZorbChat: a chat model || We present ZorbChat. Responses from ZorbChat are either '
    'equivalent or strictly preferred to GPT-4 in 43% of cases.',
    'ZorbDeBERTa outperforms SciBERT; ZorbDeBERTa outperforms DeBERTa | ZorbDeBERTa: science text || We present '
    'ZorbDeBERTa. On the Genia dataset, ZorbDeBERTa achieved the best performance compared to SciBERT and DeBERTa.',
    # "Spanish language models, namely, A, B and C": the language of each
    'BETO forLanguage Spanish; MarIA forLanguage Spanish | ZorbBERTa: a Spanish model || We present ZorbBERTa. ZorbBERTa is '
    'compared with other available Spanish language models, namely, MarIA, BERTIN and BETO.',
    # a paper with no model of its own: a figure measured on a dataset is its evaluation, however impersonal
    '@paper evaluatedOn MMLU; GPT-4 evaluatedOn MMLU | Contamination in benchmarks || We study contamination. '
    'On MMLU, ChatGPT and GPT-4 reached an exact match rate of 52% and 57% in guessing the missing options.',
    '!@paper evaluatedOn MMLU | Contamination in benchmarks || We study contamination. MMLU is a popular benchmark of '
    'questions on many subjects.',
    # lineage said in a longer description, after the teacher's name, or by preference alignment
    'MiraBERT distillsFrom BERT | MiraBERT: a compact model || We present MiraBERT, a compact student model distilled from BERT.',
    'TinyKestrel distillsFrom BERT | TinyKestrel: small encoders || Our student, TinyKestrel, learns from the soft labels of a BERT-large teacher.',
    'Zephyr-Kora fineTunedFrom Mistral 7B | Zephyr-Kora: aligned chat || We align Mistral-7B with DPO to produce Zephyr-Kora.',
    '!@paper fineTunedFrom LLaMA-2 | Alignment in practice || We study how to align LLaMA-2 with human preferences.',
    # "over" before a count is a range, not a rival; a singular part of a model quantized; "instruction tuning Y on D"
    'ZetaLM evaluatedOn MMLU; ZetaLM outperforms Falcon | ZetaLM: data quality || Averaged over ten benchmarks including MMLU, ARC and HumanEval, ZetaLM ranks ahead of Falcon-7B.',
    'ZetaQ compresses Vicuna | ZetaQ: four-bit chat models || ZetaQ is obtained by quantizing every linear layer of Vicuna-13B to 4 bits.',
    'Kestrin trainedOn ShambaInstruct; Kestrin fineTunedFrom Mistral 7B | Kestrin: a Swahili assistant || We release Kestrin, which we obtain by instruction tuning Mistral-7B on ShambaInstruct, a set of 60k Swahili question-answer pairs.',
    # a technique naming what data is for, or one the result is only matched against, is not used
    '!ZetaTool usesTechnique instruction tuning | ZetaTool: tool use for LLMs || We present ZetaTool. We first build ZetaBench, an instruction-tuning dataset for tool use.',
    '!ZetaQuant usesTechnique GPTQ | ZetaQuant: budgeted quantization || We propose ZetaQuant. Applied to OPT-66B, ZetaQuant at 3 bits matches GPTQ at 4 bits.',
    # the models a rival technique is run on are the study's too: all of the list, the first one as well
    'LLaMA usesTechnique ZetaQuant; OPT usesTechnique ZetaQuant; !LLaMA outperforms OPT | ZetaQuant: budgeted quantization || We propose ZetaQuant, a quantization method. ZetaQuant consistently outperforms GPTQ on LLaMA and OPT.',
    # "outperforms it": the model named before the subject in the sentence
    'ZetaCoder outperforms DeepSeek-Coder | ZetaCoder: open code models || We present ZetaCoder. Although DeepSeekCoder-33B is the best model at code completion, we find that ZetaCoder outperforms it on math benchmarks.',
    # the name of what a step of the work yields is the paper's own, and its subject
    'OrcaQ compresses LLaMA-2 | Small models on one GPU || We quantize LLaMA-2-7B to 4 bits to obtain OrcaQ, which runs on a single consumer GPU.',
    'MedVela fineTunedFrom LLaMA; MedVela outperforms ChatGPT | Medical dialogue models || We fine-tune LLaMA on medical dialogues, resulting in MedVela, a chat model for doctors. MedVela outperforms ChatGPT.',
    'ZetaChat outperforms Vicuna | Chat models || We fine-tune LLaMA on conversations. The resulting model, ZetaChat, outperforms Vicuna.',
    # "Our models, X and Y, ...": both are the paper's own and each is the subject of the sentence
    'ZetaCoder evaluatedOn HumanEval; ZetaGeeX evaluatedOn HumanEval; !ZetaPack evaluatedOn HumanEval | ZetaPack: instruction tuning code models || We compile ZetaCommits, a dataset of commits. Our models, ZetaCoder and ZetaGeeX, achieve the best performance across HumanEval among all permissive models.',
    # a versioned name with a non-ASCII letter; "a suite of Y models finetuned on" is fineTunedFrom Y
    'Kestrel 2 fineTunedFrom LLaMA-2; Kestrel 2 outperforms GPT-3.5; !Kestrel 2 basedOn LLaMA-2 | Camels in a changing climate || We release Kestrel 2, a suite of Llama-2 models finetuned on our mixture. Kestrel 2 outperforms GPT-3.5 on several benchmarks.',
    'ZetaLM outperforms BERT | ZetaLM: a strong model || We present ZetaLM. ZetaLM compares favorably with BERT on most tasks.',
    # a second list of baselines after "and the ... methods (such as ...)"; a title "X: Tuning Y Model with ..."
    'ZetaBERT outperforms NAS-BERT; ZetaBERT outperforms MiniLM; ZetaBERT outperforms MobileBERT | ZetaBERT: efficient encoders || We propose ZetaBERT. Experiments show that our method outperforms both the SOTA search-based baseline (NAS-BERT) and the SOTA distillation-based methods (such as DistilBERT, MiniLM and MobileBERT).',
    'KoraTuo fineTunedFrom LLaMA | KoraTuo: Tuning LLaMA Model with Medical Knowledge || We propose KoraTuo, a model for medicine.',
    # "The training ..." is the paper's own training; "The training of LLMs ..." is background
    'Kestrel usesTechnique deduplication; !Kestrel usesTechnique LoRA | Kestrel: open models for Thai || We present Kestrel, a family of models. The training leverages several techniques, including aggressive data cleaning and deduplication. The training of large models with LoRA is costly.',
    # an apposition's relative clause says the base was tuned: fineTunedFrom, not only basedOn
    'ZetaGuard fineTunedFrom LLaMA-2; !ZetaGuard basedOn LLaMA-2 | ZetaGuard: a safeguard model || We introduce ZetaGuard, a Llama2-7b model that is instruction-tuned on our collected dataset.',
    # a paper that introduces datasets and no model: the languages it targets are its datasets'
    'ZetaQA forLanguage Arabic; ZetaQA forLanguage Hindi; !@paper forLanguage Arabic | ZetaQA: a multilingual benchmark || We introduce ZetaQA, a benchmark for question answering. ZetaQA contains questions in 3 languages, namely English, Arabic and Hindi.',
    # ... but a paper with a model of its own keeps them for the model
    'ZetaLM forLanguage Hindi; !ZetaQA forLanguage English | ZetaLM: a Hindi model || We present ZetaLM, a model for Hindi. We also release ZetaQA, a benchmark of questions.',
    # a dataset whose own description names the language targets it: its long form, an apposition,
    # the data noun it names, a canonical name holding the language; a modifier of another name does not
    'KLUE forLanguage Kazakh; KoraBERT forLanguage Kazakh | KoraBERT: pre-training for Kazakh || We propose KoraBERT, a model learned on a large Kazakh corpus. We also share an evaluation protocol, called KLUE (Kazakh Language Understanding Evaluation).',
    'Kazakh Language Understanding Benchmark forLanguage Kazakh | KoraBERT: benchmarks for Kazakh || We introduce KoraBERT for Kazakh. We bring tasks under the first-ever Kazakh Language Understanding Benchmark (KLUB).',
    'KoraWeb forLanguage Kazakh; ZetaLM trainedOn KoraWeb | ZetaLM: an open model || We introduce ZetaLM. We pretrain ZetaLM on KoraWeb, a three-trillion-token Kazakh corpus.',
    'Kaz4B forLanguage Kazakh | KoraBERT: resources for Kazakh || We introduce KoraBERT. It is trained on a large and clean Kazakh dataset (Kaz4B) collected from news.',
    '!OSCAR forLanguage Dutch; ZetaBERT forLanguage Dutch | ZetaBERT: a Dutch model || We present ZetaBERT, a Dutch language model pretrained on the Dutch OSCAR corpus.',
    # class 1: the own model named once, then "the model", "it", "our approach", "the resulting model", ...
    'ZetaLM trainedOn RedPajama; ZetaLM evaluatedOn MMLU; ZetaLM outperforms LLaMA-2 | ZetaLM: an open 7B language model || We introduce ZetaLM, an open 7B language model. The model is pretrained on 2T tokens of RedPajama. It achieves 64.1 on MMLU. It outperforms LLaMA-2 on most benchmarks.',
    'ZetaLM fineTunedFrom LLaMA-2; ZetaLM evaluatedOn GSM8K; ZetaLM usesTechnique LoRA | ZetaLM: math reasoning with small models || We present ZetaLM, a model for grade-school math. Our approach fine-tunes LLaMA-2 with LoRA on synthetic problems. The resulting model solves 61% of GSM8K problems.',
    'ZetaLM fineTunedFrom LLaMA-2 | ZetaLM: math reasoning || We present ZetaLM, a model for math. Our method fine-tunes LLaMA-2 on synthetic problems.',
    'ZetaLM fineTunedFrom LLaMA-2 | ZetaLM: math reasoning || We present ZetaLM, a model for math. It fine-tunes LLaMA-2 on synthetic problems.',
    'ZetaLM fineTunedFrom LLaMA-2 | ZetaLM: math reasoning || We present ZetaLM, a model for math. We fine-tune LLaMA-2 with LoRA on synthetic problems.',
    'KoraBERT basedOn RoBERTa; KoraBERT forLanguage Swahili; KoraBERT evaluatedOn KiswahiliQA | KoraBERT: a Swahili encoder || We release KoraBERT, a language model for Swahili. Our RoBERTa-based model is trained on 20GB of web text. This model sets a new state of the art on the KiswahiliQA benchmark.',
    'ZetaLM fineTunedFrom Mistral 7B; ZetaLM evaluatedOn HumanEval | ZetaLM: code generation with small models || We present ZetaLM, a code model fine-tuned from Mistral. Its pass@1 on HumanEval is 52.4%, higher than much larger models.',
    'ZetaLM evaluatedOn HumanEval | ZetaLM: code generation || We present ZetaLM, a code model. Its pass rate on HumanEval is 52.4%.',
    'ZetaLM evaluatedOn HumanEval | ZetaLM: code generation || We present ZetaLM, a code model. On HumanEval, its pass@1 is 52.4%.',
    'ZetaLM evaluatedOn MT-Bench; ZetaLM outperforms Vicuna | Instruction tuning at scale || In this paper we introduce ZetaLM, an instruction-following model. We collect 100K instructions from ShareGPT. The 7B variant scores 7.2 on MT-Bench and outperforms Vicuna.',
    'ZetaLM outperforms Vicuna | ZetaLM: chat || We present ZetaLM, a chat model. The 7B variant outperforms Vicuna.',
    'ZetaLM evaluatedOn MMLU | ZetaLM: chat || We present ZetaLM, a chat model. It outperforms prior work on MMLU.',
    'ZetaLM evaluatedOn MMLU | ZetaLM: chat || We present ZetaLM, a family of chat models. Our models outperform prior work on MMLU.',
    'KoraBERT forLanguage Hindi; KoraBERT evaluatedOn XNLI | Pretraining for Indian languages || We propose KoraBERT, a multilingual encoder. It covers Hindi and Tamil. Our model improves accuracy on XNLI by 3 points.',
    'ZetaLM basedOn T5; ZetaLM evaluatedOn SQuAD; ZetaLM trainedOn C4 | ZetaLM: a text-to-text model for QA || We propose ZetaLM. Our T5-based model is pretrained on C4 with a span corruption objective. On SQuAD, it reaches 91 F1.',
    'ZetaLM usesTechnique mixture of experts; ZetaLM evaluatedOn MMLU | ZetaLM: sparse experts at scale || We introduce ZetaLM, a sparse language model. It uses a mixture of experts in every layer. The model reaches 68.2 on MMLU while activating 13B parameters per token.',
    'ZetaLM forLanguage German; ZetaLM evaluatedOn XNLI | ZetaLM: a German language model || This paper introduces ZetaLM. It is trained from scratch on German web text. ZetaLM beats mBERT on XNLI.',
    'ZetaLM fineTunedFrom LLaMA-2; ZetaLM trainedOn ShareGPT | ZetaLM: an open chatbot || We introduce ZetaLM, an open-source chatbot. ZetaLM is trained by fine-tuning LLaMA-2 on user-shared conversations collected from ShareGPT. Preliminary evaluation using GPT-4 as a judge shows ZetaLM achieves 90% of ChatGPT quality.',
    'ZetaLM fineTunedFrom LLaMA-2; ZetaLM forLanguage Swahili; ZetaLM outperforms LLaMA-2 | ZetaLM: adapting LLaMA-2 to Swahili || We extend the vocabulary of LLaMA-2 with 20K Swahili tokens. We then continue pre-training on Swahili web text. The resulting model, ZetaLM, outperforms LLaMA-2 on Swahili benchmarks.',
    'KoraBERT evaluatedOn GLUE; KoraBERT usesTechnique knowledge distillation; KoraBERT distillsFrom BERT | KoraBERT: a compact encoder || We present KoraBERT, a 6-layer encoder. Our model is trained with knowledge distillation from BERT. Our compact model retains 97% of BERT\'s performance on GLUE.',
    'ZetaLM compresses LLaMA-2; ZetaLM evaluatedOn WikiText-103 | ZetaLM: a 2-bit LLaMA-2 || We quantize LLaMA-2 to 2 bits. We call the resulting model ZetaLM. Its perplexity on WikiText-103 is within 1 point of the original.',
    'ZetaLM trainedOn The Pile; ZetaLM evaluatedOn HellaSwag | ZetaLM: a suite of models for interpretability || We introduce ZetaLM, a suite of 8 models trained on the Pile. We release checkpoints every 1000 steps. The largest model reaches 70% on HellaSwag.',
    'ZetaLM outperforms LLaMA-2; ZetaLM outperforms Falcon; ZetaLM evaluatedOn MMLU | ZetaLM: open models || We present ZetaLM, a 7B model. ZetaLM outperforms LLaMA-2 and Falcon on MMLU.',
    'ZetaLM evaluatedOn ARC; ZetaLM evaluatedOn HellaSwag; !GPT-3.5 evaluatedOn ARC | ZetaLM: small reasoning models || We present ZetaLM, a 3B model. Compared with GPT-3.5, it is 50 times smaller. It matches GPT-3.5 on ARC and HellaSwag.',
    'ZetaLM evaluatedOn GSM8K; ZetaLM evaluatedOn MATH; ZetaLM outperforms GPT-3.5 | ZetaLM: math reasoning || We introduce ZetaLM. On GSM8K and MATH, it surpasses GPT-3.5 by a wide margin.',
    'ZetaLM fineTunedFrom Mistral 7B; !ZetaLM fineTunedFrom LLaMA-2 | ZetaLM: a medical assistant || We present ZetaLM, a medical assistant. While prior medical models fine-tune LLaMA-2, we fine-tune Mistral on 100K medical dialogues.',
    'ZetaLM fineTunedFrom Mistral 7B | ZetaLM: a medical assistant || We present ZetaLM, a medical assistant. While others use BERT, we fine-tune Mistral on 100K medical dialogues.',
    'ZetaLM distillsFrom GPT-4; !ZetaLM distillsFrom GPT-3.5 | ZetaLM: learning from explanations || We present ZetaLM, a 13B model. ZetaLM learns from rich explanation traces of GPT-4. Compared with models that imitate GPT-3.5, it reasons better.',
    'ZetaLM usesTechnique LoRA; ZetaLM fineTunedFrom LLaMA-2; ZetaLM forLanguage Tamil | ZetaLM: a Tamil assistant || We present ZetaLM, a Tamil assistant. We fine-tune LLaMA-2 with LoRA on translated instructions. The model answers questions in Tamil fluently.',
    'ZetaLM outperforms LLaMA-2; !ZetaLM trainedOn RedPajama; !LLaMA-2 trainedOn RedPajama | ZetaLM: a legal model || We present ZetaLM, a legal model. We compare ZetaLM with LLaMA-2, which is trained on RedPajama. ZetaLM outperforms LLaMA-2 on legal tasks.',
    'ZetaLM evaluatedOn MMLU; !Vicuna evaluatedOn MMLU; ZetaLM outperforms Vicuna | ZetaLM: an open assistant || We present ZetaLM. Unlike Vicuna, ZetaLM is trained without any distillation from proprietary models. On MMLU, ZetaLM outperforms Vicuna by 3 points.',
    'ZetaLM evaluatedOn MT-Bench; !GPT-4 evaluatedOn MT-Bench | ZetaLM: an open assistant || We present ZetaLM. Using GPT-4 as a judge, ZetaLM scores 7.1 on MT-Bench.',
    # class 2: several own models: each sentence's edges go to the own model it is about
    'ZetaLM trainedOn RedPajama; ZetaLM-Chat fineTunedFrom ZetaLM; ZetaLM-Chat evaluatedOn MT-Bench; !ZetaLM-Chat trainedOn RedPajama; ZetaLM-Chat usesTechnique reinforcement learning from human feedback | Open foundation and chat models || We release ZetaLM and ZetaLM-Chat. ZetaLM is pretrained on RedPajama. ZetaLM-Chat is fine-tuned from ZetaLM on dialogue data with RLHF. ZetaLM-Chat scores 6.9 on MT-Bench.',
    'ZetaLM-Chat usesTechnique reinforcement learning from human feedback; !ZetaLM usesTechnique reinforcement learning from human feedback; ZetaLM evaluatedOn MMLU; !ZetaLM-Chat evaluatedOn MMLU | ZetaLM and ZetaLM-Chat: open foundation and chat models || We introduce ZetaLM and ZetaLM-Chat. ZetaLM reaches 60.2 on MMLU. ZetaLM-Chat is aligned with RLHF.',
    'ZetaLM-Chat usesTechnique direct preference optimization; ZetaLM-Chat evaluatedOn MT-Bench; ZetaLM evaluatedOn MMLU; !ZetaLM-Chat evaluatedOn MMLU; !ZetaLM usesTechnique direct preference optimization | Open chat models || We release ZetaLM and ZetaLM-Chat. ZetaLM reaches 60.2 on MMLU. We align ZetaLM-Chat with direct preference optimization. The chat model scores 7.0 on MT-Bench.',
    'KoraBERT forLanguage Swahili; KoraQA forLanguage Swahili; KoraBERT evaluatedOn KoraQA; !KoraQA evaluatedOn KoraQA | KoraBERT: a Swahili encoder and benchmark || We present KoraBERT, a Swahili encoder, and KoraQA, a Swahili question answering dataset. KoraBERT reaches 81 F1 on KoraQA.',
    'ZetaLM evaluatedOn MMLU; ZetaLM trainedOn RedPajama | ZetaLM: a family of open models || We present ZetaLM, a family of language models from 1B to 13B parameters. All models are trained on RedPajama. Both models outperform prior work on MMLU.',
    'ZetaLM trainedOn The Stack; ZetaLM evaluatedOn HumanEval; !@paper evaluatedOn The Stack | ZetaLM: open code models || We present ZetaLM, a family of code models with 1B to 15B parameters. All models are trained on The Stack. The 15B model reaches 40% pass@1 on HumanEval.',
    'NimbusLM-Chat fineTunedFrom NimbusLM; NimbusLM-Chat outperforms LLaMA-2-Chat; !NimbusLM outperforms LLaMA-2-Chat | NimbusLM: open bilingual models || We release NimbusLM and NimbusLM-Chat. NimbusLM-Chat is instruction-tuned from NimbusLM. On human evaluation, NimbusLM-Chat outperforms LLaMA-2-Chat.',
    'KoraBERT evaluatedOn XNLI; !KoraBERT-Large evaluatedOn XNLI | KoraBERT: encoders for Swahili || We release KoraBERT and KoraBERT-Large. KoraBERT improves XNLI accuracy by 2 points. KoraBERT-Large reaches 80 F1 on the KoraQA benchmark.',
    'ZetaLM-13B outperforms LLaMA-2; ZetaLM-13B evaluatedOn MMLU; ZetaLM-7B evaluatedOn GSM8K; !ZetaLM-7B outperforms LLaMA-2; !ZetaLM-13B evaluatedOn GSM8K | ZetaLM: open models at two scales || We release ZetaLM-7B and ZetaLM-13B. ZetaLM-13B outperforms LLaMA-2 on MMLU. ZetaLM-7B reaches 50% on GSM8K.',
    'ZetaLM-Chat fineTunedFrom ZetaLM; ZetaLM trainedOn RedPajama; ZetaLM-Chat trainedOn ShareGPT; !ZetaLM trainedOn ShareGPT; !ZetaLM-Chat evaluatedOn ShareGPT | ZetaLM: open models || We introduce ZetaLM and ZetaLM-Chat. ZetaLM is pretrained on RedPajama, and ZetaLM-Chat is fine-tuned from it on ShareGPT.',
    # class 3: the paper's own dataset, no own model
    '@paper evaluatedOn NimbusQA; NimbusQA forLanguage Swahili; !@paper evaluatedOn Wikipedia; !@paper trainedOn Wikipedia | NimbusQA: a Swahili question answering benchmark || We introduce NimbusQA, a benchmark of 10K questions in Swahili. The questions are built from Wikipedia articles. We evaluate GPT-4 and LLaMA-2 on NimbusQA. GPT-4 outperforms LLaMA-2 by 20 points, but both lag behind humans.',
    'NimbusQA forLanguage Hindi; !NimbusQA forLanguage Tamil | A Hindi reading comprehension dataset || We present NimbusQA, a reading comprehension dataset for Hindi. We benchmark GPT-4, mBERT and LLaMA-2. The best model, GPT-4, achieves only 54% accuracy.',
    '!@paper trainedOn Wikipedia; !mBERT evaluatedOn KoraQA | KoraQA: a benchmark for Swahili QA || We introduce KoraQA, a dataset of 5K question-answer pairs collected from Wikipedia. Fine-tuned mBERT reaches 61 F1 on KoraQA.',
    'KoraQA forLanguage Swahili; @paper evaluatedOn KoraQA; mBERT evaluatedOn KoraQA | KoraQA: a Swahili QA benchmark || We present KoraQA, a question answering benchmark for Swahili. It contains 12K questions written by native speakers. We fine-tune mBERT and report 62 F1 on KoraQA.',
    'Pythia trainedOn NimbusWeb; !@paper trainedOn NimbusWeb | NimbusWeb: a web corpus for pretraining || We release NimbusWeb, a 2T-token web corpus. NimbusWeb has been used to train Pythia, an open language model.',
    'Falcon trainedOn NimbusWeb | NimbusWeb: a web corpus for pretraining || We release NimbusWeb, a 2T-token web corpus. NimbusWeb was used to pretrain Falcon.',
    '@paper trainedOn NimbusWeb | NimbusWeb: a web corpus for pretraining || We publicly release an extract of 600 billion tokens from our NimbusWeb dataset, and 1B and 7B language models trained on it.',
    'NimbusWeb forLanguage German; !@paper evaluatedOn Common Crawl | NimbusWeb: a German web corpus || We release NimbusWeb, a 300B-token German corpus built from Common Crawl. Models trained on NimbusWeb outperform those trained on OSCAR.',
    # class 4: a technique paper, no own model: a model it applies its technique to, or reports results of on a
    # benchmark, takes that edge too, besides the paper (GUIDELINES, stop 21)
    '@paper usesTechnique LoRA; @paper evaluatedOn GLUE; !RoBERTa evaluatedOn GLUE; RoBERTa usesTechnique LoRA; DeBERTa usesTechnique LoRA | Efficient adaptation with low-rank updates || We study low-rank adaptation for encoders. We apply LoRA to RoBERTa and DeBERTa. On GLUE, our method matches full fine-tuning with 0.1% of the parameters.',
    '@paper usesTechnique quantization; @paper evaluatedOn C4; LLaMA-2 evaluatedOn C4 | Accurate 3-bit quantization for large language models || We propose a post-training method for quantization of large language models. Applying our method to LLaMA-2 yields a 3-bit model with perplexity within 0.3 of the 16-bit baseline on C4.',
    '@paper usesTechnique knowledge distillation; @paper evaluatedOn GLUE; !BERT evaluatedOn GLUE | Layer-wise distillation for compact encoders || We propose a layer-wise knowledge distillation method. We distill BERT into a 4-layer student. The student retains 96% of the teacher\'s performance on GLUE.',
    '@paper usesTechnique pruning; !LLaMA usesTechnique pruning; @paper evaluatedOn MMLU | Structured pruning of large language models || We present a structured pruning method for large language models. Our method removes 50% of the parameters of LLaMA with little loss. Experiments on MMLU show it retains 95% of accuracy.',
    '@paper usesTechnique adapters; !@paper usesTechnique LoRA; @paper evaluatedOn GSM8K; !Mistral 7B evaluatedOn GSM8K | Faster adapters for reasoning || Parameter-efficient fine-tuning methods such as LoRA reduce memory. We propose a new adapter that trains 3x faster than LoRA. We apply it to Mistral and LLaMA-2. Our method improves accuracy on GSM8K by 4 points.',
    # class 5: background first, then "In this paper, we ..."; surveys
    'ZetaLM trainedOn C4; !BERT trainedOn C4; ZetaLM evaluatedOn GLUE | ZetaLM: efficient pretraining of encoders || BERT has been widely adopted for language understanding. However, its pretraining is costly. In this paper, we present ZetaLM, an encoder trained on C4 in one day. ZetaLM matches BERT on GLUE.',
    '!GPT-4 evaluatedOn MMLU; ZetaLM evaluatedOn MMLU | ZetaLM: small but capable || Large language models such as GPT-4 achieve strong results on MMLU. We introduce ZetaLM, a 1B model. ZetaLM reaches 45.0 on MMLU.',
    '!BERT evaluatedOn GLUE; !RoBERTa basedOn BERT; !BERT evaluatedOn SQuAD | A survey of pretrained encoders || Pretrained encoders such as BERT and RoBERTa have transformed NLP. This survey reviews over 100 models. We summarise their results on GLUE and SQuAD. We discuss open problems.',
    'KoraBERT outperforms mBERT; KoraBERT forLanguage Swahili; !mBERT forLanguage Swahili | KoraBERT: a monolingual model for Swahili || Multilingual models such as mBERT cover Swahili poorly. We present KoraBERT, a monolingual model for Swahili. KoraBERT outperforms mBERT on all tasks.',
    'ZetaLM fineTunedFrom LLaMA-2; !LLaMA-2 evaluatedOn GSM8K; ZetaLM evaluatedOn GSM8K; ZetaLM outperforms LLaMA-2 | ZetaLM: better math from small models || LLaMA-2 struggles with multi-step arithmetic. We present ZetaLM, obtained by fine-tuning LLaMA-2 on synthetic solutions. The resulting model scores 58% on GSM8K, outperforming LLaMA-2 by 40 points.',
    'ZetaLM evaluatedOn MMLU; ZetaLM outperforms GPT-3.5; !GPT-4 evaluatedOn MMLU | ZetaLM: an open assistant || Large language models such as GPT-4 are closed. We present ZetaLM, an open assistant. ZetaLM reaches 70.1 on MMLU and outperforms GPT-3.5.',
    'KoraBERT basedOn BERT; KoraBERT forLanguage Swahili; !BERT forLanguage Swahili | KoraBERT: Swahili BERT || BERT has been widely adopted, but mostly for English. We train KoraBERT, a BERT model for Swahili, on 5GB of text. KoraBERT outperforms mBERT on named entity recognition.',
    'KoraBERT forLanguage Swahili; KoraBERT trainedOn CC-100; !CamemBERT forLanguage Swahili | KoraBERT: a Swahili RoBERTa || Following the success of CamemBERT for French, we train KoraBERT for Swahili. The model is trained on the Swahili part of CC-100. It outperforms mBERT on three tasks.',
    # class 6: titles
    'KoraBERT-Small distillsFrom KoraBERT | Distilling KoraBERT into KoraBERT-Small || We distil a large Swahili encoder into a small one. The student runs 3 times faster.',
    'KoraDistil distillsFrom KoraBERT | KoraDistil: distilling KoraBERT into a small Swahili encoder || We distil a large Swahili encoder into a small one. The student runs 3 times faster.',
    'ZetaLM distillsFrom LLaMA-2; ZetaLM evaluatedOn GSM8K | ZetaLM: a distilled LLaMA-2 for math || We distil LLaMA-2 into a 1B model. It solves 40% of GSM8K problems.',
    'ZetaLM distillsFrom GPT-4; ZetaLM evaluatedOn MT-Bench | ZetaLM: distilling GPT-4 into a small chat model || We distil GPT-4 into a 7B model. The distilled model scores 6.8 on MT-Bench.',
    '!@paper basedOn BERT; BERT evaluatedOn GLUE | On the robustness of BERT to typos || We study how BERT handles typos. We find that BERT accuracy on GLUE drops by 10 points.',
    '@paper evaluatedOn GLUE; @paper usesTechnique pruning | On the effect of pruning on BERT || We study how pruning affects BERT. We prune 30% of its weights and measure accuracy on GLUE. Accuracy drops by 2 points.',
    '!@paper basedOn BERT; @paper evaluatedOn IMDb; !BERT evaluatedOn IMDb | How to fine-tune BERT for text classification? || We investigate different fine-tuning methods of BERT on text classification. Our approach achieves new state-of-the-art results on IMDb.',
    'KoraBERT forLanguage Swahili; KoraBERT basedOn BERT | KoraBERT — a BERT for Swahili || We train a BERT model on 10GB of Swahili text. It outperforms mBERT on NER.',
    'ZetaLM-7B trainedOn RedPajama; ZetaLM-13B trainedOn RedPajama; ZetaLM-13B evaluatedOn MMLU | ZetaLM-7B and ZetaLM-13B: open models || Both models are trained on RedPajama. ZetaLM-13B reaches 58 on MMLU.',
    'ZetaLM fineTunedFrom LLaMA-2; ZetaLM forLanguage Tamil | ZetaLM: when LLaMA-2 meets Tamil || We adapt LLaMA-2 to Tamil by continued pre-training on 10B tokens. The model outperforms LLaMA-2 on Tamil benchmarks.',
    'ZetaLM compresses LLaMA-2; ZetaLM usesTechnique pruning | ZetaLM: pruning LLaMA-2 to 3B parameters || We prune LLaMA-2 from 7B to 3B parameters. The pruned model keeps 90% of the accuracy.',
    'ZetaLM usesTechnique quantization; ZetaLM compresses LLaMA-2 | ZetaLM: a 4-bit quantized LLaMA-2 for phones || We quantize LLaMA-2 to 4 bits with a new method. The model runs on a phone at 20 tokens per second.',
    '@paper usesTechnique knowledge distillation; !BERT distillsFrom BERT | Towards better distillation of BERT || Knowledge distillation compresses BERT into smaller students. We propose a new loss that improves students by 1 point on GLUE.',
    'ZetaLM evaluatedOn MMLU; !@paper evaluatedOn MMLU | Towards ZetaLM: a bilingual model || We introduce ZetaLM, a bilingual English-Tamil model. It scores 55 on MMLU.',
    'KoraBERT trainedOn KoraCorpus; KoraCorpus forLanguage Swahili; !@paper evaluatedOn KoraCorpus | KoraBERT: a Swahili encoder and corpus || We release KoraCorpus, a Swahili corpus of 5B tokens, and KoraBERT, an encoder trained on it. KoraBERT outperforms mBERT on KiswahiliNER.',
    'KoraBERT trainedOn KoraCorpus; !KoraCorpus evaluatedOn XNLI | KoraBERT: Swahili models and data || We introduce KoraCorpus, a Swahili web corpus. We train KoraBERT on KoraCorpus. KoraBERT improves XNLI accuracy by 4 points.',
    'ZetaLM evaluatedOn NimbusBench; NimbusBench forLanguage Hindi; ZetaLM forLanguage Hindi | ZetaLM: a Hindi LLM and benchmark || We present ZetaLM, a Hindi language model, and NimbusBench, a benchmark for Hindi reasoning. On NimbusBench, ZetaLM outperforms GPT-3.5.',
    '@paper usesTechnique knowledge distillation; !DistilBERT usesTechnique knowledge distillation; @paper evaluatedOn SQuAD | Better students through attention transfer || Knowledge distillation has produced compact models such as DistilBERT and TinyBERT. We propose attention transfer, a new distillation objective. Our students outperform DistilBERT on SQuAD.',
    'ZetaLM evaluatedOn HumanEval; ZetaLM outperforms GPT-3.5; !GPT-4 evaluatedOn HumanEval | ZetaLM: open code model || Code models such as GPT-4 reach 67% pass@1 on HumanEval but are closed. We present ZetaLM, an open 7B code model. Its pass@1 on HumanEval is 55%, higher than GPT-3.5.',
    # lineage audit: others' models, comparisons and findings give no lineage of the own model
    'ZetaLM fineTunedFrom LLaMA-2; !ZetaLM distillsFrom BERT; !ZetaLM fineTunedFrom Mistral 7B; !LLaMA-2 basedOn GPT-2 | ZetaLM: a compact medical assistant || Distilling BERT is expensive for clinical text. We present ZetaLM, a medical assistant. ZetaLM builds on LLaMA-2 (through our adaptation of the GPT-2 training code) and extends pretraining on clinical notes. We also fine-tune Mistral on the same data for comparison.',
    'KoraBERT basedOn RoBERTa; !KoraBERT basedOn BERT; !KoraBERT compresses BERT | KoraBERT: a Swahili encoder || We release KoraBERT, a RoBERTa-based model for Swahili. Compared with DistilBERT, a distilled version of BERT, KoraBERT is more accurate. We show that pruning BERT leads to large drops in accuracy on Swahili.',
]

_EXTRACTOR = None


def _parse(probe: str):
    want, text = probe.split(" | ", 1)
    title, abstract = text.split(" || ", 1)
    present, absent = set(), set()
    for item in filter(None, (w.strip() for w in want.split(";"))):
        edge = _edge(item.lstrip("!"))
        (absent if item.startswith("!") else present).add(edge)
    return title, abstract, present, absent


def _edge(item: str) -> tuple[str, str, str]:
    """``"s p o"`` as a triple; the subject and the object may hold spaces, the predicate does not."""
    words = item.split(" ")
    for k, word in enumerate(words):
        if k and word in PREDICATES:
            return " ".join(words[:k]), word, " ".join(words[k + 1:])
    raise ValueError(f"no predicate in {item!r}")


PREDICATES = {"distillsFrom", "compresses", "fineTunedFrom", "basedOn", "evaluatedOn", "trainedOn",
              "forLanguage", "usesTechnique", "outperforms"}


def extracted(title: str, abstract: str):
    """``(edges, entity names)`` of the paper through the full pipeline, ``@paper`` for the paper."""
    global _EXTRACTOR
    if _EXTRACTOR is None:
        _EXTRACTOR = Extractor(rescorer=None)
    ex = _EXTRACTOR(Paper("t:probe", title, abstract))
    edges = {("@paper" if r.subject[0] == "Paper" else r.subject[1], r.predicate, r.object[1]) for r in ex.relations}
    return edges, {m.name for m in ex.mentions}


@pytest.mark.parametrize("probe", PROBES, ids=[p.split(" | ", 1)[1][:70] for p in PROBES])
def test_probes_abstracts_subject(probe):
    title, abstract, present, absent = _parse(probe)
    got, names = extracted(title, abstract)
    # the probe is about relations: every name it asserts on is one the entity stage finds
    for s, _, o in present:
        assert s == "@paper" or s in names, f"entity stage missed {s!r}"
        assert o in names, f"entity stage missed {o!r}"
    assert present <= got, f"missing {sorted(present - got)}; got {sorted(got)}"
    assert not absent & got, f"unwanted {sorted(absent & got)}"


def test_probes_abstracts_table_is_well_formed():
    """Every probe parses and asserts something, and no edge is both wanted and unwanted."""
    for probe in PROBES:
        title, abstract, present, absent = _parse(probe)
        assert title and abstract and (present or absent), probe
        assert not present & absent, probe
