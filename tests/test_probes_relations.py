"""Probes of relation extraction: invented sentences of common phrasings, grouped by class.

Each probe is ``"want | [title ||] abstract"``: ``want`` lists ``subject predicate object``
edges separated by ``;``; an edge written ``!s p o`` must not be extracted, and ``-`` means
no edge at all. Without a title the paper is ``FooBERT: a model``, so FooBERT is the paper's
own model, and title edges are not counted. Names are located by hand (``NAMES``), so the
probes test the relation patterns alone, not the entity stage.
"""
from __future__ import annotations

import re

import pytest

from kg.extract.relations import extract_relations
from kg.model import Mention, Paper

DEFAULT_TITLE = "FooBERT: a model"

NAMES = {
    **dict.fromkeys(["FooBERT", "RoBERTa", "ZetaLM", "ZetaLM-Chat", "ZetaLM-Instruct", "LLaMA", "LLaMA-2-Chat",
                     "KoraBERT", "KoraBERT-Large", "KoraDistil", "KoraDistilBERT", "BERT", "GPT-4", "GPT-3.5",
                     "GPT-2", "T5", "Mistral", "Vicuna", "DistilBERT", "TinyBERT", "TinyRoBERTa", "CamemBERT",
                     "Alpaca", "NimbusLM", "NimbusLM-Chat", "LLaMA-2", "ZetaLM-4bit", "SwaLlama", "SwaLlama-Instruct",
                     "Bactrian-X", "Falcon", "Q-Falcon", "GPTQ", "DeBERTa", "mBERT"], "Model"),
    **dict.fromkeys(["SQuAD", "GLUE", "MMLU", "BBH", "TyDiQA", "C4", "RedPajama", "GSM8K", "MATH", "ShareGPT",
                     "the Pile", "The Stack", "OSCAR", "HellaSwag", "ARC", "MT-Bench", "NimbusQA", "KoraQA",
                     "XNLI", "RACE", "HumanEval", "Wikipedia", "Common Crawl", "Super-NaturalInstructions",
                     "CC-100", "MADLAD-400", "KiswahiliQA", "WikiText-2"],
                    "Dataset"),
    **dict.fromkeys(["Hindi", "Tamil", "Swahili", "German", "French", "English"], "Language"),
    **dict.fromkeys(["LoRA", "knowledge distillation", "instruction tuning", "contrastive learning",
                     "mixture of experts", "quantization", "rotary position embeddings", "RLHF",
                     "direct preference optimization", "DPO", "pruning", "Pruning", "Quantization"], "Technique"),
}
#: surface -> canonical name, where they differ
CANONICAL = {"Pruning": "pruning", "Quantization": "quantization"}
_FIND = re.compile("|".join(rf"(?<![\w-]){re.escape(n)}(?!\w)" for n in sorted(NAMES, key=len, reverse=True)))

PROBES = [
    # class 1: several own models
    'ZetaLM-Chat fineTunedFrom ZetaLM | A family of open models || We introduce ZetaLM and ZetaLM-Chat, two open language models. ZetaLM-Chat is further fine-tuned from ZetaLM with DPO.',
    'ZetaLM-Chat fineTunedFrom ZetaLM; ZetaLM-Chat usesTechnique direct preference optimization; !ZetaLM usesTechnique direct preference optimization | A family of open models || We introduce ZetaLM and ZetaLM-Chat. ZetaLM-Chat is fine-tuned from ZetaLM using direct preference optimization.',
    'ZetaLM trainedOn RedPajama; !ZetaLM-Chat trainedOn RedPajama | ZetaLM: open models || We introduce ZetaLM and ZetaLM-Chat. ZetaLM is pretrained on RedPajama. ZetaLM-Chat is obtained by instruction tuning ZetaLM on chat data.',
    'ZetaLM-Chat fineTunedFrom ZetaLM | ZetaLM: open models || We introduce ZetaLM and ZetaLM-Chat. ZetaLM-Chat is obtained by instruction tuning ZetaLM on chat data.',
    'ZetaLM-Chat evaluatedOn MT-Bench; !ZetaLM evaluatedOn MT-Bench | A family of open models || We release ZetaLM and ZetaLM-Chat. ZetaLM-Chat scores 7.1 on MT-Bench.',
    'ZetaLM-Chat outperforms LLaMA-2-Chat; !ZetaLM outperforms LLaMA-2-Chat | A family of open models || We release ZetaLM and ZetaLM-Chat. ZetaLM-Chat outperforms LLaMA-2-Chat on human evaluations.',
    'KoraBERT-Large basedOn KoraBERT | KoraBERT: Swahili encoders || We present KoraBERT and KoraBERT-Large. KoraBERT-Large is a scaled-up version of KoraBERT with 24 layers.',
    'KoraBERT forLanguage Swahili; KoraDistilBERT distillsFrom KoraBERT; !KoraBERT distillsFrom KoraBERT | KoraBERT: Swahili encoders || We present KoraBERT, a Swahili language model, and KoraDistilBERT, a student of KoraBERT.',
    'KoraDistil distillsFrom KoraBERT | Swahili encoders || We present KoraBERT and KoraDistil. KoraDistil is distilled from KoraBERT.',
    'ZetaLM-Instruct fineTunedFrom ZetaLM; ZetaLM evaluatedOn MMLU | A family of open models || We present ZetaLM and ZetaLM-Instruct. ZetaLM achieves 64.1 on MMLU. ZetaLM-Instruct is instruction-tuned from ZetaLM.',
    'ZetaLM fineTunedFrom Mistral; ZetaLM-Chat fineTunedFrom ZetaLM; !ZetaLM fineTunedFrom ZetaLM-Chat | A family of open models || We introduce ZetaLM, continually pretrained from Mistral, and ZetaLM-Chat, fine-tuned from ZetaLM.',
    # class 2: lineage phrasings
    'FooBERT basedOn RoBERTa | FooBERT is initialized from RoBERTa and trained on legal text.',
    'FooBERT basedOn RoBERTa | We initialize FooBERT with the weights of RoBERTa.',
    'FooBERT basedOn RoBERTa | FooBERT is initialized with the weights of RoBERTa.',
    'FooBERT fineTunedFrom RoBERTa | FooBERT continues pre-training RoBERTa on 10GB of clinical notes.',
    'FooBERT fineTunedFrom RoBERTa | We continue pre-training RoBERTa on clinical notes to obtain FooBERT.',
    'FooBERT fineTunedFrom RoBERTa | Starting from RoBERTa, we train FooBERT on 5B tokens of legal text.',
    'FooBERT basedOn RoBERTa | FooBERT is built on top of RoBERTa.',
    'FooBERT basedOn RoBERTa | FooBERT builds upon RoBERTa with a new tokenizer.',
    'FooBERT fineTunedFrom RoBERTa | FooBERT adapts RoBERTa to the legal domain.',
    'FooBERT fineTunedFrom RoBERTa | We adapt RoBERTa to the legal domain.',
    'FooBERT basedOn RoBERTa | FooBERT is a RoBERTa-based model for legal text.',
    'FooBERT basedOn GPT-2 | FooBERT is a GPT-2-style decoder trained on legal text.',
    'FooBERT basedOn RoBERTa | FooBERT is a variant of RoBERTa with sparse attention.',
    'FooBERT basedOn RoBERTa | FooBERT is a successor to RoBERTa.',
    'FooBERT basedOn RoBERTa | FooBERT is an extension of RoBERTa to long documents.',
    'FooBERT distillsFrom RoBERTa | FooBERT is a student of RoBERTa.',
    'FooBERT distillsFrom RoBERTa | FooBERT is a distilled version of RoBERTa.',
    'FooBERT compresses RoBERTa | FooBERT is a smaller version of RoBERTa obtained by pruning.',
    'FooBERT compresses LLaMA | FooBERT is a 4-bit version of LLaMA.',
    'FooBERT compresses RoBERTa | FooBERT is obtained by pruning RoBERTa.',
    'FooBERT compresses RoBERTa | FooBERT is obtained by pruning 40% of the heads of RoBERTa.',
    'FooBERT fineTunedFrom LLaMA | FooBERT is an instruction-tuned LLaMA.',
    'FooBERT fineTunedFrom LLaMA | FooBERT is an instruction-tuned version of LLaMA.',
    'FooBERT fineTunedFrom LLaMA | FooBERT is fine-tuned from LLaMA.',
    'FooBERT fineTunedFrom LLaMA | We fine-tune LLaMA on 52K instructions to obtain FooBERT.',
    'FooBERT fineTunedFrom LLaMA | LLaMA is fine-tuned on 52K instructions to create FooBERT.',
    'FooBERT fineTunedFrom LLaMA | Fine-tuned from LLaMA, FooBERT achieves strong results.',
    'FooBERT fineTunedFrom LLaMA | Fine-tuned from LLaMA on medical dialogues, our model answers patient questions.',
    'FooBERT distillsFrom RoBERTa | Distilled from RoBERTa, FooBERT is 60% faster.',
    'FooBERT basedOn RoBERTa | Built on RoBERTa, FooBERT handles long documents.',
    'FooBERT basedOn RoBERTa | Based on RoBERTa, FooBERT handles long documents.',
    'FooBERT compresses RoBERTa | Pruned from RoBERTa, FooBERT keeps 97% of its accuracy.',
    'FooBERT distillsFrom RoBERTa | We distill RoBERTa into FooBERT.',
    'FooBERT distillsFrom RoBERTa | RoBERTa serves as the teacher of FooBERT.',
    'FooBERT distillsFrom RoBERTa | FooBERT learns from RoBERTa through knowledge distillation.',
    'FooBERT distillsFrom RoBERTa | RoBERTa is distilled into FooBERT.',
    'FooBERT compresses RoBERTa | RoBERTa is pruned to create FooBERT.',
    'FooBERT compresses LLaMA | We quantize LLaMA to 4 bits.',
    'FooBERT fineTunedFrom LLaMA | FooBERT is a LLaMA model fine-tuned on medical dialogues.',
    'FooBERT fineTunedFrom Mistral | FooBERT is obtained by further pretraining Mistral on Hindi text.',
    'FooBERT basedOn Mistral | FooBERT uses the Mistral architecture.',
    'FooBERT basedOn Mistral | FooBERT shares the architecture of Mistral.',
    'FooBERT basedOn T5 | FooBERT follows the T5 architecture.',
    'FooBERT basedOn Mistral | FooBERT is trained on top of Mistral with 2B Hindi tokens.',
    'FooBERT fineTunedFrom Mistral | We take Mistral and fine-tune it on Hindi instructions.',
    'FooBERT fineTunedFrom Mistral | FooBERT is Mistral fine-tuned on Hindi instructions.',
    'FooBERT fineTunedFrom Mistral | FooBERT, a Mistral model instruction-tuned for Hindi, is released.',
    # lineage negatives
    '- | Unlike DistilBERT, FooBERT is not distilled from BERT.',
    '- | Previous work fine-tuned LLaMA on medical data.',
    '!FooBERT fineTunedFrom LLaMA | Models fine-tuned from LLaMA are widely used.',
    '!FooBERT basedOn RoBERTa | We compare FooBERT with RoBERTa-based models.',
    '!FooBERT distillsFrom BERT | Instead of distilling BERT, we train FooBERT from scratch.',
    '!FooBERT fineTunedFrom LLaMA | Rather than fine-tuning LLaMA, we train FooBERT from scratch.',
    '!FooBERT basedOn RoBERTa | TinyRoBERTa is based on RoBERTa, but FooBERT is trained from scratch.',
    # class 3: evaluatedOn
    'FooBERT evaluatedOn MMLU; FooBERT evaluatedOn BBH; FooBERT evaluatedOn TyDiQA | FooBERT improves reasoning benchmarks (MMLU, BBH, TyDiQA).',
    'FooBERT evaluatedOn MMLU; FooBERT evaluatedOn BBH; FooBERT evaluatedOn TyDiQA | Results on reasoning benchmarks (MMLU, BBH, TyDiQA) show consistent gains.',
    'FooBERT evaluatedOn MMLU | FooBERT achieves 75.2% on five-shot MMLU.',
    'FooBERT evaluatedOn MMLU | FooBERT reaches 75.2% accuracy on MMLU (5-shot).',
    'FooBERT evaluatedOn GLUE; FooBERT evaluatedOn SQuAD; FooBERT evaluatedOn RACE | FooBERT obtains state-of-the-art results on GLUE, SQuAD and RACE.',
    'FooBERT evaluatedOn GLUE; FooBERT evaluatedOn SQuAD | Experiments on GLUE and SQuAD show that FooBERT is effective.',
    'FooBERT evaluatedOn GSM8K; FooBERT evaluatedOn MATH | FooBERT performs well across eight benchmarks including GSM8K and MATH.',
    'FooBERT evaluatedOn GSM8K | On GSM8K, FooBERT improves accuracy by 12 points.',
    'FooBERT evaluatedOn HellaSwag; FooBERT evaluatedOn ARC | We evaluate FooBERT on HellaSwag and ARC.',
    'FooBERT evaluatedOn HellaSwag | FooBERT sets a new state of the art on HellaSwag.',
    'FooBERT evaluatedOn SQuAD | Extensive experiments on the SQuAD benchmark demonstrate its effectiveness.',
    'FooBERT evaluatedOn XNLI | FooBERT yields a 3.1 point gain on XNLI.',
    "FooBERT evaluatedOn GLUE | FooBERT retains 97% of the teacher's performance on GLUE.",
    'FooBERT evaluatedOn GLUE | The results on GLUE confirm our findings.',
    'FooBERT evaluatedOn HumanEval | FooBERT scores 48.2 pass@1 on HumanEval.',
    'FooBERT evaluatedOn MMLU; FooBERT evaluatedOn GSM8K | FooBERT is competitive on standard benchmarks such as MMLU and GSM8K.',
    # evaluatedOn negatives
    '!FooBERT evaluatedOn C4 | FooBERT is pretrained on C4.',
    '!FooBERT evaluatedOn the Pile | FooBERT is trained on 300B tokens from the Pile and evaluated on downstream tasks.',
    '!FooBERT evaluatedOn SQuAD | SQuAD has been widely used for reading comprehension.',
    '!FooBERT evaluatedOn SQuAD | Prior work reported results on SQuAD.',
    '!FooBERT evaluatedOn ShareGPT | We fine-tune FooBERT on conversations from ShareGPT.',
    '!FooBERT evaluatedOn Wikipedia | We build FooBERT using data from Wikipedia.',
    '!FooBERT evaluatedOn SQuAD | Unlike prior work, we do not evaluate on SQuAD.',
    # class 4: trainedOn
    'FooBERT trainedOn RedPajama | FooBERT is pretrained on 1.2T tokens of RedPajama.',
    'FooBERT trainedOn RedPajama | We pretrain FooBERT on 1.2 trillion tokens from RedPajama.',
    'FooBERT trainedOn C4; FooBERT trainedOn Wikipedia | FooBERT is trained on a mixture of C4 and Wikipedia.',
    'FooBERT trainedOn Wikipedia | FooBERT is trained using data from Wikipedia.',
    'FooBERT trainedOn OSCAR | FooBERT is trained on the OSCAR corpus.',
    'FooBERT trainedOn OSCAR | We train our model on the Hindi portion of the OSCAR corpus.',
    'FooBERT trainedOn the Pile | FooBERT was pre-trained on the Pile, an 800GB corpus.',
    'FooBERT trainedOn Common Crawl | Our pretraining data comes from Common Crawl.',
    'FooBERT trainedOn ShareGPT | FooBERT is fine-tuned on 70K user-shared conversations from ShareGPT.',
    'FooBERT trainedOn C4 | FooBERT was trained for 1M steps on C4.',
    'FooBERT trainedOn C4; FooBERT evaluatedOn GLUE | After pretraining on C4, FooBERT is evaluated on GLUE.',
    'FooBERT trainedOn Super-NaturalInstructions | FooBERT is instruction-tuned on the Super-NaturalInstructions dataset.',
    'FooBERT trainedOn The Stack | The training corpus is The Stack.',
    'FooBERT trainedOn The Stack | We use The Stack as our pretraining corpus.',
    'FooBERT trainedOn C4 | FooBERT is trained with C4.',
    '!FooBERT trainedOn C4 | Unlike T5, which was trained on C4, FooBERT uses curated data.',
    # class 5: usesTechnique
    'FooBERT usesTechnique LoRA | We fine-tune FooBERT using LoRA.',
    'FooBERT usesTechnique LoRA | FooBERT is trained with LoRA.',
    'FooBERT usesTechnique knowledge distillation | FooBERT is trained via knowledge distillation.',
    'FooBERT usesTechnique instruction tuning | FooBERT is improved through instruction tuning.',
    'FooBERT usesTechnique contrastive learning | Leveraging contrastive learning, FooBERT learns better embeddings.',
    'FooBERT usesTechnique mixture of experts | FooBERT is based on mixture of experts.',
    'FooBERT usesTechnique quantization | We apply quantization to reduce memory.',
    'FooBERT usesTechnique contrastive learning; FooBERT usesTechnique knowledge distillation | FooBERT combines contrastive learning and knowledge distillation.',
    'FooBERT usesTechnique rotary position embeddings | FooBERT is equipped with rotary position embeddings.',
    'FooBERT usesTechnique RLHF | FooBERT is aligned with RLHF.',
    # usesTechnique negatives
    '!FooBERT usesTechnique LoRA | Unlike LoRA, FooBERT updates all weights.',
    '!FooBERT usesTechnique knowledge distillation | FooBERT is trained without knowledge distillation.',
    '!FooBERT usesTechnique LoRA | Instead of LoRA, we use full fine-tuning.',
    '!FooBERT usesTechnique quantization | In future work, we plan to apply quantization.',
    '!FooBERT usesTechnique quantization | Future work could combine FooBERT with quantization.',
    '!FooBERT usesTechnique RLHF | FooBERT does not rely on RLHF.',
    '!FooBERT usesTechnique RLHF | FooBERT outperforms models trained with RLHF.',
    '!FooBERT usesTechnique LoRA | FooBERT is faster than LoRA.',
    # class 6: outperforms
    'FooBERT outperforms RoBERTa | FooBERT surpasses RoBERTa on GLUE.',
    'FooBERT outperforms RoBERTa | FooBERT beats RoBERTa on four of five tasks.',
    'FooBERT outperforms RoBERTa | FooBERT performs better than RoBERTa.',
    'FooBERT outperforms RoBERTa | FooBERT exceeds RoBERTa by 2 points.',
    'FooBERT outperforms RoBERTa | FooBERT outperforms RoBERTa by 3.2 F1.',
    'FooBERT outperforms RoBERTa | Compared to RoBERTa, FooBERT achieves higher accuracy.',
    'FooBERT outperforms GPT-3.5 | FooBERT matches or exceeds GPT-3.5 on most benchmarks.',
    'FooBERT outperforms LLaMA; FooBERT outperforms Vicuna | FooBERT outperforms both LLaMA and Vicuna.',
    'FooBERT outperforms RoBERTa | Our model outperforms RoBERTa while using fewer parameters.',
    'FooBERT outperforms RoBERTa | FooBERT is better than RoBERTa on all tasks.',
    'FooBERT outperforms RoBERTa | FooBERT significantly outperforms strong baselines such as RoBERTa.',
    'FooBERT outperforms RoBERTa | FooBERT achieves better results than RoBERTa.',
    'FooBERT outperforms RoBERTa | FooBERT consistently outperforms RoBERTa.',
    'FooBERT outperforms GPT-4 | FooBERT even outperforms GPT-4 on medical questions.',
    # outperforms negatives
    '!FooBERT outperforms RoBERTa | FooBERT is outperformed by RoBERTa.',
    '!FooBERT outperforms RoBERTa | FooBERT falls short of RoBERTa.',
    '!FooBERT outperforms RoBERTa | FooBERT is comparable to RoBERTa.',
    '!FooBERT outperforms RoBERTa | FooBERT is competitive with RoBERTa.',
    '!FooBERT outperforms RoBERTa | FooBERT performs on par with RoBERTa.',
    '!FooBERT outperforms RoBERTa | FooBERT does not outperform RoBERTa.',
    '!FooBERT outperforms RoBERTa | RoBERTa outperforms FooBERT on SQuAD.',
    '!FooBERT outperforms RoBERTa; !FooBERT outperforms BERT | RoBERTa outperforms BERT.',
    '!FooBERT outperforms GPT-4 | FooBERT still lags behind GPT-4.',
    '!FooBERT outperforms GPT-4 | FooBERT approaches GPT-4 quality.',
    # class 7: forLanguage
    'FooBERT forLanguage Hindi | FooBERT is a language model for Hindi.',
    'FooBERT forLanguage Hindi | FooBERT is a Hindi-specific model.',
    'FooBERT forLanguage Hindi | FooBERT is trained on Hindi data.',
    'FooBERT forLanguage Hindi; FooBERT forLanguage Tamil | FooBERT covers 12 Indic languages, including Hindi and Tamil.',
    'FooBERT forLanguage Hindi; FooBERT forLanguage Tamil | FooBERT is trained in 12 Indic languages, including Hindi and Tamil.',
    'FooBERT forLanguage Swahili | We present the first Swahili language model.',
    'FooBERT forLanguage Swahili | FooBERT achieves state-of-the-art results on Swahili NER.',
    'NimbusQA forLanguage Hindi | NimbusQA: a Hindi question answering dataset || NimbusQA is a Hindi question answering benchmark.',
    'KoraQA forLanguage Swahili | KoraQA: a benchmark || We introduce KoraQA, a Swahili question answering dataset.',
    'FooBERT forLanguage Swahili | FooBERT, a Swahili BERT, is released.',
    'FooBERT forLanguage Swahili | We release FooBERT for Swahili.',
    # forLanguage negatives
    '!FooBERT forLanguage Hindi | Unlike prior Hindi models, FooBERT is multilingual.',
    '!FooBERT forLanguage German | FooBERT is not trained on German data.',
    '!FooBERT forLanguage French | FooBERT outperforms CamemBERT, a French model.',
    # class 8: negation, contrast and others' work
    '- | Unlike DistilBERT, we do not distil.',
    '- | Prior work distilled BERT into smaller students.',
    '- | Many studies fine-tune LLaMA on medical data.',
    '!FooBERT distillsFrom BERT | While TinyBERT is distilled from BERT, FooBERT is trained from scratch.',
    '!FooBERT fineTunedFrom LLaMA | Alpaca, which is fine-tuned from LLaMA, is a popular baseline.',
    '!FooBERT evaluatedOn GLUE | Earlier models were evaluated on GLUE.',
    '!FooBERT basedOn RoBERTa | RoBERTa is a robustly optimized version of BERT.',
    'RoBERTa basedOn BERT | An abstract || RoBERTa is a robustly optimized version of BERT.',
    '!FooBERT usesTechnique pruning | Pruning has been widely studied for BERT.',
    '!FooBERT compresses BERT | Existing methods compress BERT with quantization.',

    # class 1 round 2: several own models
    'ZetaLM-Chat fineTunedFrom ZetaLM; ZetaLM-Chat usesTechnique RLHF; !ZetaLM usesTechnique RLHF | Open models || We release ZetaLM, a 7B base model, and ZetaLM-Chat, which is aligned with RLHF.',
    'ZetaLM evaluatedOn MMLU; ZetaLM-Chat evaluatedOn MT-Bench; !ZetaLM evaluatedOn MT-Bench; !ZetaLM-Chat evaluatedOn MMLU | Open models || We introduce ZetaLM and ZetaLM-Chat. ZetaLM reaches 70.1 on MMLU, while ZetaLM-Chat scores 8.2 on MT-Bench.',
    'ZetaLM trainedOn RedPajama; ZetaLM-Chat trainedOn ShareGPT; !ZetaLM trainedOn ShareGPT | Open models || We introduce ZetaLM and ZetaLM-Chat. ZetaLM is trained on RedPajama. We fine-tune ZetaLM-Chat on ShareGPT conversations.',
    'ZetaLM-Chat fineTunedFrom ZetaLM | Open models || We introduce ZetaLM and ZetaLM-Chat. ZetaLM-Chat is a chat version of ZetaLM.',
    'ZetaLM-Chat fineTunedFrom ZetaLM | Open models || We introduce ZetaLM and its chat variant ZetaLM-Chat.',
    'KoraBERT-Large basedOn KoraBERT | Open models || We present KoraBERT and KoraBERT-Large. KoraBERT-Large is a larger variant of KoraBERT.',
    'KoraDistilBERT distillsFrom KoraBERT; KoraBERT forLanguage Swahili; KoraDistilBERT forLanguage Swahili | Swahili models || We present KoraBERT, a Swahili BERT, and KoraDistilBERT, distilled from KoraBERT.',
    'KoraDistilBERT distillsFrom KoraBERT | KoraBERT: Swahili models || We present KoraBERT. We also distill KoraBERT into KoraDistilBERT, a six-layer student.',
    'ZetaLM outperforms LLaMA; ZetaLM-Chat outperforms Vicuna; !ZetaLM outperforms Vicuna; !ZetaLM-Chat outperforms LLaMA | Open models || We release ZetaLM and ZetaLM-Chat. ZetaLM outperforms LLaMA, and ZetaLM-Chat outperforms Vicuna.',
    'ZetaLM-Chat outperforms Vicuna; !ZetaLM outperforms Vicuna | Open models || We release ZetaLM and ZetaLM-Chat. On MT-Bench, ZetaLM-Chat outperforms Vicuna.',
    'ZetaLM-Chat outperforms LLaMA-2-Chat; ZetaLM outperforms LLaMA | Open models || We introduce ZetaLM and ZetaLM-Chat. Both models outperform their LLaMA counterparts: ZetaLM outperforms LLaMA and ZetaLM-Chat outperforms LLaMA-2-Chat.',
    'ZetaLM-Chat fineTunedFrom ZetaLM | ZetaLM and ZetaLM-Chat: open models || ZetaLM-Chat is obtained by fine-tuning ZetaLM on dialogue data.',
    'ZetaLM-Chat fineTunedFrom ZetaLM; ZetaLM-Chat usesTechnique direct preference optimization; !ZetaLM usesTechnique direct preference optimization | ZetaLM and ZetaLM-Chat: open models || We fine-tune ZetaLM with direct preference optimization to obtain ZetaLM-Chat.',
    'ZetaLM fineTunedFrom Mistral; ZetaLM-Chat fineTunedFrom ZetaLM; !ZetaLM-Chat fineTunedFrom Mistral | Open models || We introduce ZetaLM and ZetaLM-Chat. ZetaLM is continually pretrained from Mistral. ZetaLM-Chat is then instruction-tuned from ZetaLM.',
    'ZetaLM forLanguage Hindi; ZetaLM-Chat forLanguage Hindi | Open models || We introduce ZetaLM and ZetaLM-Chat, two Hindi language models.',
    # class 2 round 2: lineage
    'FooBERT fineTunedFrom LLaMA | FooBERT is created by instruction-tuning LLaMA on 10K examples.',
    'FooBERT fineTunedFrom LLaMA | We instruction-tune LLaMA to produce FooBERT.',
    'FooBERT fineTunedFrom LLaMA | FooBERT results from fine-tuning LLaMA on medical text.',
    'FooBERT basedOn RoBERTa | FooBERT uses RoBERTa as its backbone.',
    'FooBERT basedOn RoBERTa | FooBERT adopts RoBERTa as the encoder.',
    'FooBERT basedOn RoBERTa | FooBERT inherits the architecture of RoBERTa.',
    'FooBERT basedOn RoBERTa | FooBERT is initialised using RoBERTa weights.',
    'FooBERT basedOn RoBERTa | We initialize our model from RoBERTa checkpoints.',
    'FooBERT basedOn RoBERTa | FooBERT, a RoBERTa-like encoder, handles code.',
    'FooBERT basedOn RoBERTa | FooBERT is derived from RoBERTa.',
    'FooBERT fineTunedFrom LLaMA | FooBERT is a fine-tuned LLaMA model for medicine.',
    'FooBERT fineTunedFrom LLaMA | FooBERT is LLaMA further trained on 40B tokens of code.',
    'FooBERT fineTunedFrom LLaMA | We continually pre-train LLaMA on code, resulting in FooBERT.',
    'FooBERT fineTunedFrom LLaMA | Our model is fine-tuned on top of LLaMA.',
    'FooBERT distillsFrom GPT-4 | FooBERT is trained on outputs of GPT-4.',
    'FooBERT distillsFrom GPT-4 | FooBERT is trained to imitate GPT-4.',
    'FooBERT distillsFrom RoBERTa | We use RoBERTa as the teacher and FooBERT as the student.',
    'FooBERT distillsFrom RoBERTa | FooBERT is a compact student distilled from RoBERTa.',
    'FooBERT distillsFrom RoBERTa | Using RoBERTa as a teacher, we distill a 6-layer FooBERT.',
    'FooBERT compresses LLaMA | FooBERT is a pruned LLaMA.',
    'FooBERT compresses LLaMA | FooBERT is LLaMA quantized to 4 bits.',
    'FooBERT compresses LLaMA | FooBERT is a compressed version of LLaMA.',
    'FooBERT compresses LLaMA | FooBERT is obtained by quantizing LLaMA to 3 bits.',
    'FooBERT compresses LLaMA | FooBERT removes half of the layers of LLaMA.',
    'FooBERT compresses LLaMA | FooBERT is a 2-bit LLaMA.',
    'FooBERT compresses LLaMA | We prune LLaMA to 50% sparsity, producing FooBERT.',
    'FooBERT basedOn LLaMA | FooBERT is a successor of LLaMA.',
    'FooBERT basedOn T5 | FooBERT extends T5 with a retrieval module.',
    'FooBERT basedOn T5 | FooBERT is an improved T5.',
    'FooBERT basedOn T5 | FooBERT is a T5 encoder-decoder trained on code.',
    'FooBERT basedOn LLaMA | FooBERT is a LLaMA-architecture model trained from scratch.',
    # negatives
    '!FooBERT distillsFrom RoBERTa | FooBERT could be distilled from RoBERTa in future work.',
    '!FooBERT fineTunedFrom LLaMA | We fine-tune LLaMA, Mistral and FooBERT on the same data.',
    '!FooBERT basedOn RoBERTa | We compare FooBERT with RoBERTa and BERT.',
    '!FooBERT compresses LLaMA | Pruning LLaMA is costly, so we train FooBERT from scratch.',
    '!FooBERT fineTunedFrom LLaMA | Alpaca is fine-tuned from LLaMA on 52K instructions.',
    '!FooBERT distillsFrom BERT | DistilBERT is distilled from BERT.',
    '!FooBERT basedOn BERT | BERT-based models dominate NLP.',
    '!FooBERT fineTunedFrom LLaMA | Fine-tuning LLaMA is expensive.',
    # class 3 round 2: evaluatedOn
    'FooBERT evaluatedOn MMLU; FooBERT evaluatedOn GSM8K; FooBERT evaluatedOn HumanEval | FooBERT is strong on knowledge (MMLU), math (GSM8K) and code (HumanEval).',
    'FooBERT evaluatedOn MMLU; FooBERT evaluatedOn GSM8K | We report zero-shot results on MMLU and GSM8K.',
    'FooBERT evaluatedOn SQuAD | FooBERT improves the F1 score on SQuAD by 2 points.',
    'FooBERT evaluatedOn GLUE | FooBERT attains an average score of 85.1 on the GLUE benchmark.',
    'FooBERT evaluatedOn GLUE; FooBERT evaluatedOn SQuAD | On both GLUE and SQuAD, FooBERT is the best model.',
    'FooBERT evaluatedOn XNLI | FooBERT sets new records on XNLI.',
    'FooBERT evaluatedOn GSM8K; FooBERT evaluatedOn MATH | Evaluated on GSM8K and MATH, FooBERT solves 80% of the problems.',
    'FooBERT evaluatedOn HellaSwag | FooBERT obtains 85.3% accuracy on HellaSwag, close to GPT-4.',
    'FooBERT evaluatedOn GLUE; FooBERT evaluatedOn SQuAD | FooBERT is evaluated on several benchmarks, e.g., GLUE and SQuAD.',
    'FooBERT evaluatedOn MMLU | FooBERT ranks first on MMLU among open models.',
    'FooBERT evaluatedOn TyDiQA | FooBERT shows large gains on TyDiQA.',
    'FooBERT evaluatedOn MT-Bench | FooBERT achieves an MT-Bench score of 7.9.',
    # evaluatedOn negatives
    '!FooBERT evaluatedOn C4 | FooBERT is pre-trained on C4 and evaluated on GLUE.',
    '!FooBERT evaluatedOn RedPajama | FooBERT uses 1T tokens from RedPajama.',
    '!FooBERT evaluatedOn GLUE | GLUE is a popular benchmark for language understanding.',
    '!FooBERT evaluatedOn SQuAD | BERT reached 93.2 F1 on SQuAD.',
    '!FooBERT evaluatedOn ShareGPT | FooBERT is fine-tuned with ShareGPT data.',
    '!FooBERT evaluatedOn Common Crawl | The data is collected from Common Crawl.',
    '!FooBERT evaluatedOn MMLU | We leave evaluation on MMLU to future work.',
    '!FooBERT evaluatedOn OSCAR | We train FooBERT with 30GB of Hindi text from OSCAR and evaluate it on downstream tasks.',
    # class 4 round 2: trainedOn
    'FooBERT trainedOn C4 | FooBERT was pretrained for 500K steps on C4.',
    'FooBERT trainedOn OSCAR; FooBERT trainedOn Wikipedia | Our pretraining corpus combines OSCAR and Wikipedia.',
    'FooBERT trainedOn RedPajama | The model sees 2T tokens drawn from RedPajama during pretraining.',
    'FooBERT trainedOn the Pile | FooBERT is pretrained on 300B tokens of the Pile.',
    'FooBERT trainedOn ShareGPT | FooBERT is trained on 70K conversations collected from ShareGPT.',
    'FooBERT trainedOn Wikipedia | FooBERT is pre-trained on Hindi Wikipedia.',
    'FooBERT trainedOn Common Crawl | We pretrain on a filtered version of Common Crawl.',
    'FooBERT trainedOn OSCAR | FooBERT learns from 40GB of text from OSCAR.',
    'FooBERT trainedOn Super-NaturalInstructions | We instruction-tune FooBERT on Super-NaturalInstructions.',
    'FooBERT trainedOn C4; FooBERT trainedOn the Pile | FooBERT was trained on data from C4 and the Pile.',
    'FooBERT trainedOn RedPajama | Trained on RedPajama, FooBERT matches LLaMA.',
    'FooBERT trainedOn OSCAR | Pretraining data: OSCAR.',
    '!FooBERT trainedOn OSCAR | We do not train on OSCAR.',
    '!FooBERT trainedOn C4 | T5 was trained on C4, whereas FooBERT uses code.',
    # class 5 round 2: usesTechnique
    'FooBERT usesTechnique LoRA | FooBERT is fine-tuned through LoRA.',
    'FooBERT usesTechnique LoRA | We adopt LoRA for efficient adaptation.',
    'FooBERT usesTechnique mixture of experts | FooBERT employs a mixture of experts architecture.',
    'FooBERT usesTechnique contrastive learning; FooBERT usesTechnique knowledge distillation | We train FooBERT by combining contrastive learning with knowledge distillation.',
    'FooBERT usesTechnique quantization | By applying quantization, FooBERT runs on phones.',
    'FooBERT usesTechnique rotary position embeddings | FooBERT incorporates rotary position embeddings.',
    'FooBERT usesTechnique instruction tuning | With instruction tuning, we make FooBERT follow user requests.',
    'FooBERT usesTechnique knowledge distillation | FooBERT relies on knowledge distillation.',
    'FooBERT usesTechnique direct preference optimization | FooBERT is aligned using direct preference optimization.',
    # usesTechnique negatives
    '!FooBERT usesTechnique LoRA | LoRA has become popular for efficient fine-tuning.',
    '!FooBERT usesTechnique quantization | FooBERT is complementary to quantization.',
    '!FooBERT usesTechnique pruning | FooBERT is orthogonal to pruning.',
    '!FooBERT usesTechnique knowledge distillation | FooBERT needs no knowledge distillation.',
    '!FooBERT usesTechnique LoRA | FooBERT outperforms LoRA.',
    '!FooBERT usesTechnique LoRA | Compared with LoRA, FooBERT trains 3x faster.',
    '!FooBERT usesTechnique quantization | Quantization could further shrink FooBERT.',
    '!FooBERT usesTechnique RLHF | Previous models rely on RLHF.',
    # class 6 round 2: outperforms
    'FooBERT outperforms RoBERTa | FooBERT outperforms RoBERTa-large on 7 of 8 tasks.',
    'FooBERT outperforms RoBERTa; FooBERT outperforms BERT | FooBERT outperforms previous models, including RoBERTa and BERT.',
    'FooBERT outperforms GPT-3.5 | FooBERT is preferred over GPT-3.5 by human raters.',
    'FooBERT outperforms LLaMA | With half the parameters, FooBERT outperforms LLaMA.',
    'FooBERT outperforms LLaMA | FooBERT, which has only 1B parameters, beats LLaMA.',
    'FooBERT outperforms LLaMA | FooBERT yields higher accuracy than LLaMA.',
    'FooBERT outperforms LLaMA | FooBERT improves over LLaMA by 4 points.',
    'FooBERT outperforms LLaMA | FooBERT achieves a 5-point gain over LLaMA.',
    'FooBERT outperforms LLaMA; FooBERT outperforms Vicuna | FooBERT is superior to LLaMA and Vicuna.',
    'FooBERT outperforms LLaMA | LLaMA is surpassed by FooBERT on every task.',
    'FooBERT outperforms LLaMA | FooBERT clearly outperforms LLaMA, especially on math.',
    'FooBERT outperforms GPT-3.5 | FooBERT is on par with GPT-4 and exceeds GPT-3.5.',
    '!FooBERT outperforms GPT-4 | FooBERT is on par with GPT-4 and exceeds GPT-3.5.',
    # outperforms negatives
    '!FooBERT outperforms LLaMA | LLaMA still outperforms FooBERT on math.',
    '!FooBERT outperforms GPT-4 | GPT-4 remains better than FooBERT.',
    '!FooBERT outperforms GPT-4 | FooBERT is close to GPT-4.',
    "!FooBERT outperforms GPT-4 | FooBERT reaches 90% of GPT-4's performance.",
    '!FooBERT outperforms LLaMA | FooBERT performs similarly to LLaMA.',
    '!FooBERT outperforms LLaMA | FooBERT matches LLaMA.',
    '!FooBERT outperforms LLaMA; !FooBERT outperforms BERT | LLaMA outperforms BERT by a large margin.',
    '!FooBERT outperforms LLaMA | FooBERT fails to outperform LLaMA.',
    '!FooBERT outperforms LLaMA | FooBERT underperforms LLaMA.',
    '!FooBERT outperforms LLaMA | FooBERT trails LLaMA by 2 points.',
    # class 7 round 2: forLanguage
    'FooBERT forLanguage Hindi; FooBERT forLanguage Tamil | FooBERT supports Hindi and Tamil.',
    'FooBERT forLanguage Hindi | We pretrain FooBERT on 20GB of Hindi text.',
    'FooBERT forLanguage Hindi | FooBERT targets Hindi.',
    'FooBERT forLanguage Hindi; FooBERT forLanguage Tamil | FooBERT is a multilingual model for Indian languages such as Hindi and Tamil.',
    'FooBERT forLanguage Swahili | FooBERT improves Swahili named entity recognition.',
    'FooBERT forLanguage Hindi | FooBERT is the first monolingual Hindi model.',
    'NimbusQA forLanguage Hindi | NimbusQA: a dataset || We present NimbusQA, a question answering dataset in Hindi.',
    'KoraQA forLanguage Swahili | KoraQA: a dataset || KoraQA contains 10K Swahili questions.',
    'FooBERT forLanguage Hindi | Evaluations on Hindi benchmarks show large gains.',
    # forLanguage negatives
    '!FooBERT forLanguage German | FooBERT is compared with a German model.',
    '!FooBERT forLanguage French | CamemBERT, a French BERT, is a strong baseline.',
    '!FooBERT forLanguage Tamil | We leave Tamil to future work.',
    '!FooBERT forLanguage Hindi | Unlike Hindi, Tamil is agglutinative.',
    # round 4: realistic abstracts' classes
    'NimbusLM fineTunedFrom LLaMA-2 | NimbusLM: open models || NimbusLM is initialized from LLaMA-2 and continually pretrained on 200B tokens.',
    'FooBERT fineTunedFrom LLaMA-2 | FooBERT builds on LLaMA-2 (through our adaptation of the training code), and extends pretraining on a curated medical corpus.',
    'FooBERT fineTunedFrom RoBERTa | FooBERT is based on RoBERTa and further pretrained on legal text.',
    'FooBERT usesTechnique LoRA; FooBERT evaluatedOn SQuAD; !FooBERT trainedOn SQuAD | We train FooBERT with LoRA and evaluate it on SQuAD, where it achieves 91 F1.',
    '!FooBERT trainedOn ShareGPT | In contrast to Vicuna, which was trained on ShareGPT, FooBERT uses curated data.',
    '!FooBERT evaluatedOn MMLU | Unlike GPT-4, which achieves 86% on MMLU, FooBERT is small.',
    '!FooBERT usesTechnique RLHF | We compare with Vicuna, which relies on RLHF.',
    'ZetaLM compresses LLaMA; ZetaLM-4bit compresses ZetaLM; !LLaMA compresses ZetaLM | ZetaLM: small models || We introduce ZetaLM, obtained by pruning 40% of the heads of LLaMA, and ZetaLM-4bit, a 4-bit quantized version of ZetaLM.',
    'NimbusLM-Chat fineTunedFrom NimbusLM; NimbusLM-Chat usesTechnique direct preference optimization; NimbusLM-Chat outperforms GPT-3.5; NimbusLM outperforms LLaMA-2; !NimbusLM outperforms GPT-3.5 | NimbusLM: open models || We present NimbusLM and NimbusLM-Chat. NimbusLM-Chat is further fine-tuned from NimbusLM and aligned using direct preference optimization. NimbusLM outperforms LLaMA-2, while NimbusLM-Chat surpasses GPT-3.5 on MT-Bench.',
    # round 5
    'FooBERT fineTunedFrom RoBERTa | FooBERT is a RoBERTa-based encoder further pretrained on court decisions.',
    'FooBERT fineTunedFrom LLaMA | FooBERT, a LLaMA model fine-tuned on medical dialogues, is released.',
    'FooBERT trainedOn GSM8K; FooBERT trainedOn ARC | FooBERT is fine-tuned from LLaMA with a curriculum over the GSM8K and ARC training sets.',
    'FooBERT trainedOn SQuAD | We train FooBERT on the SQuAD training split.',
    '!FooBERT evaluatedOn SQuAD | We train FooBERT on the SQuAD training split.',
    'SwaLlama fineTunedFrom LLaMA-2; SwaLlama trainedOn CC-100; SwaLlama trainedOn MADLAD-400; SwaLlama forLanguage Swahili; !SwaLlama-Instruct trainedOn CC-100 | Instruction following in Swahili || Instruction-tuned models like Alpaca and Vicuna mostly serve English. We present SwaLlama, obtained by continued pretraining of LLaMA-2 on 8B Swahili tokens from CC-100 and MADLAD-400, followed by instruction tuning on a Swahili translation of the Alpaca data.',
    'SwaLlama-Instruct fineTunedFrom SwaLlama; SwaLlama-Instruct evaluatedOn KiswahiliQA; !SwaLlama evaluatedOn KiswahiliQA | Instruction following in Swahili || We present SwaLlama and SwaLlama-Instruct. SwaLlama-Instruct, the instruction-tuned variant, answers 68% of questions correctly on our new KiswahiliQA benchmark, compared to 41% for LLaMA-2-Chat.',
    'SwaLlama-Instruct outperforms Bactrian-X | Instruction following in Swahili || We present SwaLlama and SwaLlama-Instruct. Human raters prefer SwaLlama-Instruct over Bactrian-X in 72% of cases.',
    'Q-Falcon compresses Falcon; Q-Falcon evaluatedOn WikiText-2; Q-Falcon evaluatedOn C4 | Q-Falcon: Accurate 3-bit Quantization of Falcon || We quantize Falcon to 3 bits with a new outlier-aware method, yielding Q-Falcon. Q-Falcon loses less than 1 point of perplexity on WikiText-2 and C4 compared to the FP16 model.',
    '!Q-Falcon basedOn GPTQ; !Q-Falcon outperforms Falcon | Q-Falcon: Accurate 3-bit Quantization of Falcon || Q-Falcon outperforms GPTQ and AWQ quantized versions of Falcon at the same bit-width.',
    # class 1 round 3: which own model a sentence is about
    'ZetaLM-Chat evaluatedOn MT-Bench; !ZetaLM evaluatedOn MT-Bench | Open models || We introduce ZetaLM and ZetaLM-Chat. On MT-Bench, ZetaLM-Chat scores 8.1.',
    'ZetaLM-Chat usesTechnique RLHF; !ZetaLM usesTechnique RLHF | Open models || We introduce ZetaLM and ZetaLM-Chat. Using RLHF, we align ZetaLM-Chat with human preferences.',
    'ZetaLM-Chat trainedOn ShareGPT; !ZetaLM trainedOn ShareGPT | Open models || We introduce ZetaLM and ZetaLM-Chat. With 70K dialogues from ShareGPT, we fine-tune ZetaLM-Chat.',
    'ZetaLM trainedOn RedPajama; !ZetaLM-Chat trainedOn RedPajama | Open models || We introduce ZetaLM-Chat and ZetaLM. ZetaLM is pretrained on RedPajama.',
    'ZetaLM-Chat outperforms Vicuna; !ZetaLM outperforms Vicuna | Open models || We introduce ZetaLM and ZetaLM-Chat. In human evaluation, ZetaLM-Chat is preferred over Vicuna.',
    'ZetaLM evaluatedOn MMLU; ZetaLM-Chat evaluatedOn MMLU | Open models || We introduce ZetaLM and ZetaLM-Chat. Both models are evaluated on MMLU.',
    'ZetaLM evaluatedOn MMLU; ZetaLM-Chat evaluatedOn MMLU | Open models || We introduce ZetaLM and ZetaLM-Chat. ZetaLM and ZetaLM-Chat reach 70% on MMLU.',
    'ZetaLM-Chat usesTechnique direct preference optimization; !ZetaLM usesTechnique direct preference optimization | Open models || We introduce ZetaLM and ZetaLM-Chat. For ZetaLM-Chat, we use direct preference optimization.',
    'KoraBERT-Large evaluatedOn GLUE; !KoraBERT evaluatedOn GLUE | Open models || We present KoraBERT and KoraBERT-Large. The larger KoraBERT-Large reaches 88.1 on GLUE.',
    'ZetaLM outperforms LLaMA; !ZetaLM-Chat outperforms LLaMA | Open models || We introduce ZetaLM and ZetaLM-Chat. The base model ZetaLM outperforms LLaMA on reasoning.',
    'ZetaLM-Chat fineTunedFrom ZetaLM | Open models || We introduce ZetaLM and ZetaLM-Chat, the latter fine-tuned from the former.',
    'ZetaLM-Chat fineTunedFrom ZetaLM | Open models || We train ZetaLM on 2T tokens and then fine-tune it into ZetaLM-Chat.',
    'ZetaLM-Chat fineTunedFrom ZetaLM; ZetaLM-Chat trainedOn ShareGPT | Open models || We introduce ZetaLM and ZetaLM-Chat. To build ZetaLM-Chat, we fine-tune ZetaLM on ShareGPT.',
    'FooBERT evaluatedOn SQuAD; FooBERT evaluatedOn GLUE; !FooBERT trainedOn SQuAD | We fine-tune FooBERT on SQuAD and GLUE.',
    'FooBERT evaluatedOn SQuAD; !FooBERT trainedOn SQuAD | We fine-tune our model on SQuAD, where it reaches 90 F1.',
    'FooBERT fineTunedFrom LLaMA; FooBERT trainedOn GSM8K | Then we fine-tune LLaMA on GSM8K.',
    '!FooBERT trainedOn MMLU | With 500 questions from MMLU, we test the fine-tuned model.',
    # evaluatedOn / forLanguage round 3
    '!FooBERT evaluatedOn MMLU | We translate MMLU into Hindi to build a new benchmark.',
    '!FooBERT evaluatedOn SQuAD | NimbusQA follows the format of SQuAD.',
    '!FooBERT evaluatedOn Wikipedia | We build NimbusQA from Wikipedia articles.',
    '!FooBERT evaluatedOn GLUE | Like GLUE, NimbusQA has nine tasks.',
    '!FooBERT evaluatedOn MMLU | Our benchmark is harder than MMLU.',
    'FooBERT evaluatedOn NimbusQA; FooBERT evaluatedOn MMLU | FooBERT scores 60% on NimbusQA and 70% on MMLU.',
    'FooBERT evaluatedOn GLUE; FooBERT evaluatedOn SQuAD | FooBERT is competitive on GLUE and SQuAD.',
    'FooBERT evaluatedOn HumanEval | FooBERT solves 48% of HumanEval problems.',
    "FooBERT evaluatedOn GSM8K | FooBERT's accuracy on GSM8K rises from 40% to 62%.",
    'FooBERT forLanguage Hindi | FooBERT generates fluent Hindi.',
    'FooBERT forLanguage Hindi; FooBERT forLanguage Tamil | We pretrain FooBERT on Hindi and Tamil.',
    'FooBERT forLanguage Hindi | We present a strong Hindi LLM.',
    'FooBERT forLanguage Swahili | FooBERT is a Swahili-centric model.',
    'FooBERT forLanguage Swahili | FooBERT understands Swahili better than mBERT.',
    '!FooBERT forLanguage English | FooBERT is compared with English models.',
    '!FooBERT forLanguage Hindi | FooBERT is trained on 100 languages, but not on Hindi.',
    '!FooBERT forLanguage French | We translate the data from French.',
    # lineage round 3
    'FooBERT basedOn RoBERTa | FooBERT is a smaller version of RoBERTa.',
    'FooBERT basedOn RoBERTa | FooBERT is a scaled-down RoBERTa with 6 layers.',
    'FooBERT compresses LLaMA | FooBERT is a 50% sparse LLaMA.',
    'FooBERT compresses LLaMA | FooBERT is an 8-bit version of LLaMA.',
    'FooBERT compresses LLaMA | FooBERT is produced by applying 4-bit quantization to LLaMA.',
    'FooBERT fineTunedFrom LLaMA | FooBERT is an instruction-following model tuned from LLaMA.',
    'FooBERT fineTunedFrom LLaMA-2 | FooBERT is a LLaMA-2 7B fine-tune.',
    'FooBERT fineTunedFrom LLaMA | FooBERT is derived from LLaMA through instruction tuning.',
    'FooBERT basedOn LLaMA; !FooBERT fineTunedFrom LLaMA | FooBERT adopts the LLaMA architecture but is trained from scratch.',
    'FooBERT fineTunedFrom T5 | FooBERT is T5 further pretrained on code.',
    'FooBERT fineTunedFrom LLaMA | We obtain FooBERT via supervised fine-tuning of LLaMA.',
    'FooBERT fineTunedFrom LLaMA | FooBERT is the result of fine-tuning LLaMA on 10K examples.',
    'FooBERT distillsFrom RoBERTa; FooBERT distillsFrom BERT | FooBERT is distilled from an ensemble of RoBERTa and BERT.',
    'FooBERT distillsFrom RoBERTa | Knowledge is transferred from RoBERTa to FooBERT.',
    # lineage negatives round 3
    '!FooBERT distillsFrom RoBERTa | FooBERT is not a distilled version of RoBERTa.',
    '!FooBERT fineTunedFrom LLaMA | FooBERT is trained from scratch, not fine-tuned from LLaMA.',
    '!FooBERT basedOn LLaMA | FooBERT does not build on LLaMA.',
    '!FooBERT compresses LLaMA | Unlike pruned versions of LLaMA, FooBERT is dense.',
    '!FooBERT distillsFrom GPT-4 | We use GPT-4 as a judge.',
    '!FooBERT distillsFrom GPT-4 | We evaluate FooBERT with GPT-4 as the evaluator.',
    '!FooBERT basedOn GPT-4 | FooBERT is compared to GPT-4, a proprietary model.',
    '!FooBERT fineTunedFrom LLaMA | LLaMA can be fine-tuned with our method.',
    '!FooBERT fineTunedFrom LLaMA | We apply our method to fine-tune LLaMA and Mistral.',
]


def _parse(probe: str):
    want, text = probe.split(" | ", 1)
    title, abstract = text.split(" || ", 1) if " || " in text else (DEFAULT_TITLE, text)
    present, absent, nothing = set(), set(), False
    for item in filter(None, (w.strip() for w in want.split(";"))):
        if item == "-":
            nothing = True
        elif item.startswith("!"):
            absent.add(tuple(item[1:].split(" ", 2)))
        else:
            present.add(tuple(item.split(" ", 2)))
    return title, abstract, present, absent, nothing


def extracted(title: str, abstract: str) -> set[tuple[str, str, str]]:
    """The paper's edges as ``(subject, predicate, object)`` (``@paper`` for the paper), title edges of the default title left out."""
    paper = Paper("t:probe", title, abstract)
    mentions = [Mention(m.group(0), CANONICAL.get(m.group(0), m.group(0)), NAMES[m.group(0)], m.start(), m.end())
                for m in _FIND.finditer(paper.text)]
    return {("@paper" if r.subject[0] == "Paper" else r.subject[1], r.predicate, r.object[1])
            for r in extract_relations(paper, mentions) if not (title == DEFAULT_TITLE and r.sentence == title)}


@pytest.mark.parametrize("probe", PROBES, ids=[p.split(" | ", 1)[1][-60:] for p in PROBES])
def test_probes_relations_phrasing(probe):
    title, abstract, present, absent, nothing = _parse(probe)
    got = extracted(title, abstract)
    assert present <= got, f"missing {sorted(present - got)}; got {sorted(got)}"
    assert not absent & got, f"unwanted {sorted(absent & got)}"
    if nothing:
        assert not got, f"wanted no edge, got {sorted(got)}"


def test_probes_relations_table_is_well_formed():
    """Every probe names only known entities, so a typo cannot make a probe pass vacuously."""
    for probe in PROBES:
        _, _, present, absent, _ = _parse(probe)
        for s, p, o in present | absent:
            assert s in NAMES or s == "@paper", (probe, s)
            assert o in NAMES, (probe, o)
