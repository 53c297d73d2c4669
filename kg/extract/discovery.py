"""Discovery of names the gazetteer does not know, with their type and ``introduced`` flag.

Patterns over language, not over any one paper (cue words in ``schema/cues.toml``):

- the title's head: ``TinyBERT: ...``, ``BERTić -- ...``, ``DistilBERT, a ...``,
  ``Introducing X: ...``, ``X Technical Report``, ``The X Model Family: ...``, ``A and B: ...``;
- the object of an introducing verb: ``we present / introduce / propose X``, a
  list (``we present Jais and Jais-chat``, ``A, a 7B model, and B``), a name and
  its version (``Gemma 2``) or marker (``Jais-chat``), not after a preposition,
  an action or a second verb (``a comparison between X and Y``, ``fine-tuning X``);
- a naming word: ``called / dubbed / named / denoted as / referred to as X``
  (also ``X and Y``), the paper's own unless ``popular / so-called`` precedes;
- the paper's own beside "our": ``our model, X``, ``X, our new model``,
  ``our X benchmark``; a sentence's subject: ``X is a new model``;
- a known model and a lower-case variant marker: ``Jais-chat``, ``Falcon-instruct``;
- a dataset after "trained / evaluated on", "results / experiments on" (and
  the names listed after it), or as a dataset's part: ``the X test set``;
- an acronym with its long form: ``Matryoshka Representation Learning (MRL)``,
  typed by the long form's head noun; tasks and fields are left out;
- a name typed by a dataset noun: ``the Foo dataset``, ``datasets such as A,
  B and C``, ``the A, B and C datasets`` (:meth:`NameDiscoverer.datasets`);
- a new technique named by its head noun: ``a novel global-local attention
  mechanism`` (:meth:`NameDiscoverer.methods`), or named in the title and
  repeated in the abstract: ``... with Disentangled Attention``;
- (in :mod:`kg.extract.pipeline`) a name-shaped token built on a known model
  name: ``KR-BERT``, ``GottBERT``, or typed by its own shape: ``ZetaLM``,
  ``ZetaLM-LS`` (Model), ``NimbusQA``, ``KoraGLUE`` (Dataset), a version of a
  known model (``Vicuna-3``).

The type comes from the name (``...Bench`` -> Dataset, ``L^3 Prune`` ->
Technique, built on a model name or ending in ``LM`` -> Model), else from the
head noun of the phrase describing it (:meth:`NameDiscoverer.head_type`): the
title after the name (``GaLore: Memory-Efficient LLM Training by ...``, a
process noun -> Technique; ``... a Dutch Language Model`` -> Model) or an
apposition (``Natural GaLore, a drop-in replacement for AdamW`` has AdamW's
type; ``X, a training method``), else from the nearest cue noun (``benchmark``
-> Dataset, ``objective`` -> Technique, ``model`` -> Model); a name without
any is a Model. A title name the abstract says is trained ("X is trained on")
is a Model whatever its description. One name has one type within a paper.

>>> from kg.model import Paper
>>> d = NameDiscoverer(model_stems=["BERT"])
>>> p = Paper("t:x", "KoSum: A Benchmark for Korean", "We introduce KoSum. Our model, dubbed FooNet, wins.")
>>> [(f.name, f.type, f.introduced) for f in d(p)]
[('KoSum', 'Dataset', True), ('KoSum', 'Dataset', True), ('FooNet', 'Model', True)]
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache
from collections.abc import Iterable, Iterator
from itertools import islice

import ahocorasick

from kg.extract.gazetteer import load_cues
from kg.extract.languages import language_names
from kg.extract.mentions import Scan, SubstringIndex, lower_same_length
from kg.model import Paper

__all__ = ["DISTINCT_VARIANTS", "Found", "NameDiscoverer", "is_name_shaped"]

_WORDS = re.compile(r"[^\s,;:()\"]+")
_VERSION = re.compile(r"(?:v|V)?\d+(?:\.\d+)*")
#: a measure, no name: "5B-token (corpus)", "300k-sentence", "10M words", "a 3Gb dataset", "1.2-trillion-token",
#: "5-shot (MMLU)"
_MEASURE = re.compile(r"\d[\d.,]*[\s-]?(?:[KMBTkmbt]|thousand|million|billion|trillion)?[- ]?(?:tokens?|words?|"
                      r"sentences?|examples?|instances?|samples?|documents?|pairs?|questions?|dialogues?|hours?|"
                      r"images?|pages?|parameters?|params?|shots?)\b"
                      r"|\d[\d.,]*\s?[KMGTP]i?[Bb]\Z")
#: a date, no name: "(July 3, 2021)", "March 2023", "Sept. 2024"
_DATE = re.compile(r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
                   r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s+\d{1,4}(?:st|nd|rd|th)?\Z")
#: a count of data right after a name: "X, which contains 10k dialogues", "X (5,000 clinical notes)", "X with 300k pairs"
_DATA_COUNT = re.compile(r"[\s,(:]*(?:(?:which|that)\s+)?(?:contains?|containing|consists?\s+of|consisting\s+of|comprises?|"
                         r"comprising|with|of)?\s*(?:over|more than|about|around|nearly|~)?\s*\d[\d,.]*\s?[kKmMbB]?\+?\s+"
                         r"(?:[a-z-]+\s+){0,2}?(?:dialogues?|conversations?|questions?|examples?|instances?|samples?|"
                         r"sentences?|(?:sentence|question-answer|QA)\s+pairs|documents?|articles?|notes?|utterances?|"
                         r"reviews?|tweets?|posts?|abstracts?|images?|hours?|commits?|files?|pages?|"
                         r"(?:terabytes|gigabytes|TB|GB)\s+of)\b")
#: what joins the languages of a pair written as one word
_PAIR_SEPARATOR = re.compile(r"[-\u2013\u2014/]")
#: a capitalised word and one or two sizes or versions after it: "Mistral 7B", "Llama 2", "Falcon 180B v1.0"
_SIZED_NAME = re.compile(r"(?P<name>(?:[A-Z][^\W\d_A-Z]{2,}|[A-Z][^\W\d_A-Z]+[A-Z][^\W\d_]*)(?: (?:\d+x)?\d+(?:\.\d+)?[BMK]?| v\d+(?:\.\d+)*){1,2}"
                         r"(?:-[A-Z][a-z]+)?)(?![\w.-])")
#: a version number after a name: " 2.0", " v2", " 12" (not a size, a percentage or a range, nor a score:
#: "BC5CDR-chem 93.74"; a decimal version has a one-digit major)
_VERSION_AFTER = re.compile(r" v?(?:\d\.\d{1,2}|\d{1,2})(?![\w.%/-])")
#: a word of capitalised plain words joined by hyphens ("Token-Wise", "Expert-Specialized") opens the name the
#: capitalised words after it close: "Token-Wise Clipping", "Consistency-Checking Network"
_HYPHENED_CAPITALS = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)+")
_CAPITALISED_AFTER = re.compile(r"(?: [A-Z][a-z]+(?:-[A-Z][a-z]+)*){1,3}(?![\w-])")
#: a bracketed acronym of a prefix and a stem after a name: " (GAML-BERT)"
_STEMMED_ACRONYM_NEXT = re.compile(r" \([\w.]+-(?P<stem>[^()\s]+)\)")
#: naming words beside schema/cues.toml's: "the resultant models, denoted as ZetaLM-LS", "referred to as Kora"
_MORE_NAMING_WORDS = ("denoted as", "denoted by", "referred to as", "coined as", "termed as", "refer to as",
                      "refer to it as", "hereafter", "henceforth")
_LOWER_OR_STOP_NEXT = re.compile(r" [a-z]|[.,;:)]")
#: capitalised words a number follows that name no model: "we present Algorithm 1", "Table 2"
_NUMBERED_NOUNS = frozenset({"Table", "Figure", "Fig", "Section", "Algorithm", "Appendix", "Equation", "Eq", "Step",
                             "Stage", "Phase", "Task", "Level", "Type", "Version", "Part", "Chapter", "Theorem",
                             "Lemma", "Experiment", "Study", "Round", "Track", "Subtask", "Setting", "Case"})
#: a head noun after a name that says what it names: "the Falcon series", "Kora models", "the Zeta benchmark"
_HEAD_NOUN_NEXT = re.compile(r" (?:series|family|suite|models?|benchmark|dataset|corpus|collection|leaderboard)\b")
#: words before a naming word that say the name is another's: "a popular model called BERT", "the so-called"
_KNOWN_BEFORE = re.compile(r"\b(?:so-|popular|well-known|widely[- ]used|existing|famous|prior|previous|standard|"
                           r"established|commonly|known)\b", re.I)
_OUR_NOUNS = (r"(?P<noun>models?|benchmarks?|datasets?|corpus|corpora|LLMs?|encoders?|system|checkpoints?|students?|"
              r"assistants?|chatbots?|variants?)")
#: "Our model, ZetaLM, is", "our best model ZetaLM-Chat outperforms" (a name-shaped one), "our dataset (KoraSet)"
_OUR_NOUN_NAME = re.compile(r"[Oo]ur (?:[\w-]+ ){0,3}?" + _OUR_NOUNS
                            + r"(?:, | \()(?P<name>[A-Z][\w.+-]*[\w+])(?=[,;:)]|\.(?:\s|$)| \(| and [A-Z])")
#: ... and a name-shaped one right after the noun, before a verb: "our best model ZetaLM-Chat outperforms ..."
_OUR_NOUN_THEN_NAME = re.compile(r"[Oo]ur (?:[\w-]+ ){0,2}?" + _OUR_NOUNS
                                 + r" (?P<name>[A-Z][\w.+-]*[\w+])(?= [a-z]+ |[,;:)]|\.(?:\s|$))")
#: a lower-case word hyphened to the end of a name: "BERT-based", which names no model of the paper's own
_LOWER_TAIL = re.compile(r"-[a-z]+$")
#: the second of two names set beside "our models": "Our models, ZetaCoder and ZetaGeeX, achieve ..."
_AND_NAME = re.compile(r" and (?P<name>[A-Z][\w.+-]*[\w+])(?=[,;:)]|\.(?:\s|$)| \()")


def _and_name(text: str, at: int) -> list[tuple[int, str]]:
    """``[(start, name)]`` of a name-shaped second name right after ``at``: " and ZetaGeeX", else ``[]``."""
    second = _AND_NAME.match(text, at)
    return [(second.start("name"), second.group("name"))] if second and is_name_shaped(second.group("name")) else []


#: "our Retrieval-Enhanced Transformer (RETRO)": a capitalised long form and its acronym
_OUR_LONG_FORM = re.compile(r"[Oo]ur (?P<long>(?:[A-Z][\w-]*\s+){1,5}?[A-Z][\w-]*)\s+\((?P<name>[A-Z][\w.+-]*[\w+])\)")
#: "ZetaLM, our new model": the name before ", our"
_NAME_OUR = re.compile(r"(?<![\w-])(?P<name>[A-Z][\w.+-]*[\w+]), [Oo]ur $")
_OUR_NOUN = re.compile(r"[Oo]ur (?:[\w-]+ ){0,3}?" + _OUR_NOUNS + r"\b")
#: a name right after a model noun: "... BERT model, IceKora." / "... BERT model (IceKora)"
#: a name set off by what follows it: a comma, a bracket, a colon or the sentence's end
_SET_OFF_NAME = r"(?P<name>[A-Z][\w+-]*[\w+])(?=[,;:)]|\.(?:\s|$)| \(|$)"
_NAME_AFTER_NOUN = re.compile(r"(?:, | \()" + _SET_OFF_NAME)
#: nouns of a dataset's part, after its name or before "of" and its name
_PART_NOUNS = ("test set", "validation set", "dev set", "development set", "evaluation set", "held-out set",
               "split", "splits", "subset", "subsets", "portion", "partition")
_PART_AT = re.compile(r"(?:(?:test|validation|dev|development|evaluation|held-out) )?"
                      r"(?P<noun>set|splits?|subsets?|portion|partition)\b")
#: the name right before a part noun, after at most one of "test / validation / dev ..."
_PART_QUALIFIERS = frozenset({"test", "testing", "validation", "dev", "development", "training", "train", "evaluation",
                              "held-out", "eval"})
_PART_NAME = re.compile(r"[A-Za-z][\w.+-]*[\w+]")


def _word_before_part(text: str, i: int) -> tuple[int, str] | None:
    """``(start, word)`` of the name-shaped word before a part noun at ``i``, past one qualifier ("test")."""
    end = i - 1
    if end < 1 or text[end] != " ":
        return None
    start = text.rfind(" ", 0, end) + 1
    if text[start:end] in _PART_QUALIFIERS:
        end = start - 1
        if end < 1:
            return None
        start = text.rfind(" ", 0, end) + 1
    word = text[start:end]
    if not word or word.islower() or not _PART_NAME.fullmatch(word):
        return None
    return start, word
_OF_NAME = re.compile(r" of (?:the )?(?P<name>[A-Za-z][\w.+-]*[\w+])(?![\w-])"
                      r"(?=[,;:)]|\.(?:\s|$)|$| \(| (?:and|or|to|for|with|as|in|from)\b)")
#: a description set off by commas, then "and" / "or": ", a multilingual ZetaLM, and "
_APPOSED_THEN_AND = re.compile(r",\s+(?:an?|the|our)\s+(?:[^,.;:()]|(?<=\d)\.(?=\d)){1,120}?,\s+(?:and|or)\s+(?=[A-Za-z0-9])")
#: a name right after a singular dataset noun: "a large dataset USPTO-3M at", "the benchmark KoraQA."
_NAME_AFTER_DATASET = re.compile(r" (?P<name>[A-Z][\w.+-]*[\w+])(?=[,;:)]|\.(?:\s|$)|$| \(| (?:at|of|with|for|and|that|which|to|in|is|was|contains|consisting)\b)")
#: words before an introducing verb that make it an adjective: "we use the open-source Zorro model"
_ARTICLES = frozenset({"the", "a", "an", "our", "its", "their"})
#: a possessive after a name (at most one word between) makes it the owner: "our JDExplore d-team's", "Zhipu's"
_OWNER_NEXT = re.compile(r"(?:\s[\w-]+)?['\u2019]s\b")
#: nouns after a name that say the sentence is about what it gives: "we present Transformer-XL results"
_RESULT_NOUN_NEXT = re.compile(r" (?:results?|performance|scores?|outputs?|predictions?|accuracy|numbers)\b")
#: what a step of the paper's work yields, and the name after it: "fine-tune LLaMA on X to obtain ZetaLM",
#: "..., yielding Llemma", "resulting in Tulu 2, a suite of ...", "the resulting model, ZetaLM-Chat,", "call the
#: result Kora-Chat", "release the result as HingKora", "we compress Mistral 7B into Zorro-4B by ..."
#: (not "the technology used to create Gemini models": "used to" reads what others made)
_RESULT_WORDS = ("to obtain", "to produce", "to create", "to derive", "we obtain", "and obtain", "then obtain",
                 "resulting in", "yielding", "producing", "to yield", "which yields", "this yields",
                 "the resulting model", "the resulting models", "the final model", "our resulting model",
                 "our resulting models", "our final model", "call the result", "name the result", "term the result",
                 "release the result", "denote the result", "into ", "gives", "produces", "yields", "the model that",
                 "the model which", "the model we", "our model that", "that we ", "which we ")
#: the name after a result word: "... a 1.1B model, Zorro", "ZetaLM-Chat", "Tulu 2"
_RESULT_TAIL = (r"\s*(?:(?i:an?|the|our)\s+(?:[\w.-]+\s+){0,3}?"
                r"(?i:models?|LLMs?|LMs?|checkpoints?|variants?|versions?|students?),?\s+(?:(?:called|named|dubbed)\s+)?)?"
                r"(?P<name>(?:[A-Z]|[a-z]{1,2}(?=[A-Z]))[\w.+-]*[\w+])(?P<version>" + _VERSION_AFTER.pattern + ")?"
                r"(?=[,;:)]|\.(?:\s|$)| \(| -+ | and [A-Z]"
                r"| (?:which|that|with|on|for|is|was|outperforms|achieves|by|using|via|through)\b)")
_RESULT_NAME = re.compile(r"(?i:(?:to|we|and|then) (?:obtain|produce|create|derive)|to yield|resulting in"
                          r"|yielding|producing"
                          r"|(?:which |this )?yields|gives|produces|(?:the|our) (?:resulting|final) models?,?"
                          r"|(?:call|name|term|release|denote) the result(?:ing [\w-]+)?(?: as)?|into)\s" + _RESULT_TAIL)
#: "we compress Mistral 7B into Zorro-4B", "distil GPT-4 into ...": what comes before "into" for it to name a result
_INTO_LEAD = re.compile(r"(?i:compress|distil|prun|quanti[sz]|sparsif|binari[sz])\w* (?:[^\s.;,«»]+ ){1,5}?$")
#: "X, the model that SPARC produces from Phi-3": a name set before what the paper's work made
_MODEL_THAT = re.compile(r"(?P<name>[A-Z][\w.+-]*[\w+]),\s+$")
#: "ManualQA, a dataset of 25k questions over manuals that we introduce": the verb after the description
_WE_INTRODUCE = re.compile(r"(?:that|which) we (?:also |here |newly )?(?:introduce|release|present|propose|construct|collect"
                           r"|build|create|curate|compile|assemble|publish|open-source)\b")
_NAME_DESCRIBED = re.compile(r"(?<![\w\-.])(?P<name>[A-Z][\w\-+.]*\w),\s+(?:an?|the)\s+[^.;:()]{1,100}?\s+$")
#: number formats, not names: "quantize BERT into INT8", "FP16"
_NUMBER_FORMAT = re.compile(r"(?:INT|FP|BF|NF|UINT|E\dM)\d+")
_METHOD_NOUNS = (r"(?:method|methodology|approach|technique|recipes?|algorithm|strategy|scheme|paradigm|pipeline|procedure"
                 r"|mechanism|protocol|function|tokenizer)")
#: verbs of what a method does to models (stems): quantize, prune, compress, distil, sparsify, binarize, merge, turn
_REWORKS = r"(?:quanti[sz]|prun|compress|distil|sparsif|binari[sz]|merg|turn)"
#: what describes a name right after it, up to the noun that says what it is: "X, a principled distillation "
_DESCRIBED_AS = r"(?:,\s+|\s+is\s+|\s+as\s+)(?:an?|the)\s+(?:(?!(?:model|models|LLM|that|which|who|our|its)\b)[\w-]+\s+){0,5}?"
#: what names it right after such a noun: "(method), dubbed X", "(framework) which we call X"
_CALLING = r",?\s+(?:which\s+)?(?:we\s+)?(?:dubbed|called|named|termed|coined|call|name)\s+"
_CALLED = _CALLING + "$"  # ... ending where the name starts
#: a description after a name (in quotes or not) that makes it a method: "X, a principled distillation method",
#: "X is a simple recipe", "'X', a technique that", "X as a general PEFT method", "the (X) method", "our X approach"
#: ("framework" is not among them: GUIDELINES.md makes a framework that yields a model a Model)
_METHOD_AFTER = re.compile(r"[\"'\u2019\u201d)]?(?:\s*\([^()]{1,40}\))?(?:" + _DESCRIBED_AS + r"|\s+)" + _METHOD_NOUNS
                           + r"\b(?!\s+(?:model|LLM|LM)s?\b)|\s+(?:can|could|may)\s+(?:also\s+|readily\s+|easily\s+|then\s+)?"
                           r"be\s+(?:readily\s+|easily\s+|directly\s+|seamlessly\s+)?(?:applied|combined|plugged|integrated)\b"
                           # what it does to models: "X for quantizing the weights", "X prunes LLMs", "X turns any LLM into"
                           r"|\s+(?:for\s+" + _REWORKS + r"\w*ing|" + _REWORKS + r"\w*?(?:es|s)\s+(?:the\s+|any\s+|all\s+|a\s+|an\s+)?"
                           r"(?:[\w-]+\s+){0,3}?(?:LLMs?|LMs?|models?|weights|activations|networks|transformers))\b")
#: ... and before it: "a contrastive learning method, dubbed X", "a simple method, X,", "fine-tuned with X", "applying X to"
_METHOD_BEFORE = re.compile(_METHOD_NOUNS + r"s?" + _CALLED + r"|\b(?:an?|our)\s+(?:[\w-]+\s+){0,4}?" + _METHOD_NOUNS + r",\s+$"
                            # the name in brackets after the description or its long form: "a Knowledge-aware
                            # Prompt-tuning approach with synergistic optimization (KnowPrompt)", "a novel span
                            # representation approach, named Packed Levitated Markers (PL-Marker)"
                            + r"|\b(?:an?|our)\s+(?:[\w-]+\s+){0,4}?" + _METHOD_NOUNS
                            + r"(?:\s+(?:with|for|of|via)\s+(?:[\w-]+\s+){0,3}?[\w-]+)?\s+\($"
                            + r"|" + _METHOD_NOUNS + r"s?" + _CALLING + r"(?:[A-Z][\w-]*\s+){1,6}\($"
                            + r"|\b(?:(?:fine-?tuned|trained|tuned|adapted|compressed|pruned|quantized|distilled|aligned)\s+with"
                            r"|applying|apply|applies|combined\s+with|equipped\s+with)\s+(?:the\s+|our\s+)?$")
#: a framework after or before a name: "X, a simple framework for ...", "a novel X (...) framework", "a contrastive
#: learning framework, dubbed X" (a method only where its model has a name of its own: NameDiscoverer.__call__)
_FRAMEWORK_AFTER = re.compile(r"(?:\s*\([^()]{1,80}\))?(?:" + _DESCRIBED_AS + r")?\s*framework\b")
_FRAMEWORK_BEFORE = re.compile(r"framework" + _CALLED)
#: the last word :data:`_METHOD_BEFORE` matches before a name (looked at before the pattern is tried)
_METHOD_BEFORE_LAST = ("dubbed", "called", "named", "termed", "coined", "call", "name", "with", "applying", "apply",
                       "applies", "the", "our", ",", "(")
#: a capitalised word that opens a sentence as an adverb, not a name: "However", "Recently", "Here"
_SENTENCE_ADVERB = re.compile(r"[A-Z][a-z]*ly|However|Moreover|Furthermore|Thus|Therefore|Hence|Here|Instead|Nevertheless|"
                              r"Nonetheless|Meanwhile|Overall|First|Second|Third|Finally|Also|Yet|Still|Indeed|Today|"
                              r"Then|Next|Now|Further|Besides|Likewise|Otherwise|Accordingly|Consequently|Specifically|"
                              r"Importantly|Similarly|Notably|Additionally|Together|Altogether|Afterwards")
_RESULT_NOUN_FIRSTS = frozenset("rpsoan")
#: words that end the search for a name after an introducing verb before any is found
_NOT_BEFORE_NAME = frozenset({"that", "which", "who", "to", "for", "with", "by", "in", "on", "of", "from", "between",
                              "among", "where", "when", "whether", "how", "what", "why", "using", "upon", "into", "as",
                              "than", "about", "across", "via", "through", "over", "against", "under", "within",
                              "without", "like", "such", "if", "while", "at"})
#: after a plural model noun and a phrase, the list of its members: "several models for Icelandic, including X"
_LIST_LATER = re.compile(r"[^.;:()«»]*?,\s+(?:including|such as)\s+")
_PLURAL_MODELS = re.compile(r"\b(?:models|LLMs|LMs|encoders|decoders|variants|checkpoints)\b")
_CLAUSE_WORDS = frozenset({"that", "which", "who", "where", "when", "whether", "how", "what", "why", "if", "while"})
#: a lower-case word after "and", no article or number: a second verb ("a benchmark and evaluate ZetaLM")
_VERB_NEXT = re.compile(r" (?!(?:the|a|an|our|its|their|two|three|four|five|several|many|new)\b)[a-z]")
#: words in -ing that go on to a list, not an action: "all artifacts, including ..."
_LISTING = frozenset({"including", "containing", "comprising"})
#: words in -ing that name a thing ("a training recipe", "an embedding model"), not an action ("showing ZetaLM")
_NOMINAL_ING = frozenset({"training", "learning", "modeling", "modelling", "reasoning", "processing", "understanding",
                          "embedding", "encoding", "decoding", "computing", "ranking", "tuning", "prompting", "scaling",
                          "pretraining", "finetuning", "planning", "writing", "reading", "pruning", "sampling",
                          "routing", "caching", "indexing", "parsing", "tagging", "labeling", "labelling", "matching",
                          "understanding", "answering", "retrieving", "programming", "following", "instruction",
                          "speaking", "thinking", "editing", "coding", "building", "engineering", "mining"})
#: "and" / "or" and the next word: "Jais and Jais-chat"
_COORDINATED_NEXT = re.compile(r" (?:and|or) ([A-Za-z0-9][^\s,;:()\"]*[\w+])")
#: a name and a lower-case marker after a hyphen: "Jais-chat", "Zorro-large", "Kora-7b-instruct"
_MARKED_NAME = re.compile(r"(?P<base>[A-Z][A-Za-z]+)(?:-[\w.]+)*?-(?P<marker>[a-z]+)")
_ACRONYM = re.compile(r"\(([A-Z0-9][A-Za-z0-9\-]*[A-Z][A-Za-z0-9\-]*)\)")
_QUANTITY = re.compile(r"[\d.,]+\+?\s*(?:[KMGT]?B|[kmb]|M|K|%|x)?\+?", re.I)
#: verbs that present a name as new, not only as used ("we present X" against "we train X")
_STRONG_INTRO = re.compile(r"\b(?:present|introduce|propose|release|dub|name|call|develop|buil[dt]|create|design"
                           r"|construct)", re.I)


#: plural head nouns of a lower-case long form that names a class of models, not one: "language models (BiLM)"
_CLASS_HEADS = frozenset({"models", "networks", "encoders", "decoders", "transformers", "llms", "lms"})


def _spelled_out(text: str, name: str) -> list[str] | None:
    """The words of the long form ``name`` is given for in brackets ("video question answering (VideoQA)"), or
    None: its letters spell the long form, or where it mixes cases its capitals do, each lower-case run starting a
    word of it ("Video", not "Multi-Agent Zeta Code Generation (ZetaCoder)").

    >>> _spelled_out("We study video question answering (VideoQA).", "VideoQA")
    ['video', 'question', 'answering']
    """
    at = text.find(f"({name})")
    if at < 0 or " " in name:
        return None
    letters = [c.lower() for c in name if c.isalpha()]
    words = _LONG_WORD.findall(text, max(0, at - 120), at)
    long = _long_form(words, letters) if len(letters) >= 2 else None
    capitals = [c.lower() for c in name if c.isupper()] if not long and not name.isupper() else ()
    if len(capitals) >= 2:
        long = _long_form(words, capitals)
        lowered = [w.lower() for w in long or ()]
        if any(not any(w.startswith(part.lower()) for w in lowered) for part in re.findall(r"[A-Z][a-z]+", name)):
            long = None
    return long


def _intro_strength(m: re.Match) -> str:
    """"intro" for an introducing verb that presents a name as new ("we present X"), else "intro-weak" ("we train X")."""
    return "intro" if _STRONG_INTRO.search(m.group()) else "intro-weak"
_ARTICLE_BEFORE = re.compile(r"(?:^|\W)(?:a|an|the|our)\s+$", re.I)
# two or three capitalised words; written to start with a capital, so the regex engine skips ahead to one
_TITLE_PHRASE = re.compile(r"[A-Z][\w\-]*\s+(?:[A-Z][\w\-]*\s+)?[A-Z][a-z\-]+\b")
_FUNCTION_WORDS = frozenset({"of", "for", "with", "and", "or", "the", "to", "in", "on", "by", "from", "but", "as"})
_LONG_WORD = re.compile(r"[A-Za-z]\w*")
_LEADING_THE = re.compile(r"\s*the\s+", re.IGNORECASE)
_TWO_OR_MORE_NAMES = re.compile(r",\s|\s(?:and|or|&)\s")
_TITLE_HEAD = re.compile(r"^\s*(?P<head>[^:]{1,60}?)\s*(?::|\s(?:--?|\u2013|\u2014)\s|,\s+(?:an?|the)\s)")
#: a title that is a name and a report: "Kestrel Technical Report", "Kestrel 1.5 Model Card"
_REPORT_TITLE = re.compile(r"^\s*(?P<head>[^:]{1,40}?)\s+(?:Technical Report|Tech(?:nical)? Report|Model Card|System Card)\s*$")
#: capitalised nouns that end a dataset's name: "Czech National Corpus", "Uniform Bar Examination"
_DATASET_HEADS = ("Corpus", "Corpora", "Treebank", "Benchmark", "Leaderboard", "Dataset", "Examination", "Exam", "Exams",
                  "Track", "Challenge", "Collection", "Suite")
#: a name headed by a capitalised dataset noun, after "the" (and a word such as "existing") in running text: "the
#: Czech National Corpus", "the existing Norwegian Dependency Treebank", "the Open PL LLM Leaderboard", "the Uniform
#: Bar Examination", "the TREC 2019 Deep Learning Track" (capitalised words or numbers, "of" / "for" / "and" between;
#: not the start of a longer name: "the Russian Corpus of Linguistic Acceptability")
_HEADED_DATASET = re.compile(r"\bthe (?:(?:existing|original|popular|public|publicly available|recent|standard|"
                             r"well-known|widely used|large-scale|new|newly (?:created|released))\s)?"
                             r"(?P<name>(?:[A-Z0-9](?:[\w'\u2019+-]|\.(?=\w))*\s(?:(?:of|for|and|on|in)\s(?=[A-Z]))?){1,5}"
                             rf"(?:{'|'.join(_DATASET_HEADS)})(?:\s\d+(?:\.\d+)?)?)(?![\w-])(?!\s(?:of|for)\s[A-Z])")
#: capitalised words that describe a dataset rather than name it: "the Large Dataset", "the New Benchmark"
_DESCRIBING_CAPITALS = frozenset({"Large", "New", "Novel", "Big", "Small", "Public", "Open", "General", "Standard",
                                  "Original", "Final", "Full", "Clean", "Human", "Extended", "Annotated", "Multilingual",
                                  "Massive", "Comprehensive", "Unified", "Diverse", "Challenging", "First", "Synthetic",
                                  "Evaluation", "Training", "Test", "This", "Our", "Each", "Every", "Same", "Entire",
                                  "Multi", "Modal", "Multimodal", "Cross", "Lingual", "Crosslingual", "Zero", "Few", "Shot",
                                  "Domain", "Task", "Scale", "Fine", "Grained",
                                  # the modalities a model joins: "A Versatile Vision-Language Model"
                                  "Vision", "Visual", "Language", "Linguistic", "Speech", "Audio", "Text", "Image",
                                  "Video"})


def _describing_only(name: str) -> bool:
    """Whether the name is describing words only: "A Large-scale Multilingual dataset" names no dataset.

    >>> [_describing_only(n) for n in ("Large-scale Multilingual", "Multi-Modal", "Open Assistant", "budget forcing")]
    [True, True, False, False]
    """
    parts = _NAME_PARTS.split(name)
    return (any(p in _DESCRIBING_CAPITALS for p in parts)
            and all(p in _DESCRIBING_CAPITALS or p.islower() or not p for p in parts))


#: the heads a text must hold for the pattern to be tried ("Exam" stands for "Examination" and "Exams" too)
_DATASET_HEAD_WORDS = tuple(h for h in _DATASET_HEADS if not any(o != h and o in h for o in _DATASET_HEADS))
#: a title's rest that evaluates: the name heading it is a benchmark ("TAPE: Assessing Few-shot Russian Language
#: Understanding", "HellaSwag: Can a Machine Really Finish Your Sentence?"; 29 of 30 such gold titles)
_EVALUATING_REST = re.compile(r"\s*(?:Benchmarking|Assessing|Evaluating|Measuring|Testing|Can)\b")
#: "The Kestrel Model Family", "The Zorro Corpus": an article, one name and type nouns
_THE_NAME_NOUNS = re.compile(r"The (?P<name>\S+) (?P<noun>(?:Model|Models|Family|Series|Dataset|Corpus|Benchmark|Suite|"
                             r"Collection|LLM|LLMs|Language Models?)(?: (?:Family|Series|Suite|Collection))?)")
#: a bare lower-case phrase after an introducing verb of "we", up to a clause or an apposition: "we propose meta-buffer
#: to store ...", "We introduce discrete latent variables to tackle ..."
_BARE_METHOD = re.compile(r"[Ww]e\s+(?:(?:first|also|further|then|here|additionally)\s+)?(?:propose|introduce|present|develop"
                          r"|design|devise)\s+(?P<name>[a-z][a-z-]*[a-z](?:\s+[a-z][a-z-]*[a-z]){0,3}?)"
                          r"(?=,|\.(?:\s|$)|\s\(|\s(?:to|that|which|for|as|where|with|by)\b)")
#: ... and one set after a method noun the paper introduces: "we propose a novel prompting strategy, least-to-most
#: prompting.", "We introduce a new prompting approach, analogical prompting, which ...", "a debiasing method, called
#: confidence regularization,": the phrase after the noun's comma (and naming word), and the verb and article before
#: the noun
_APPOSED_NAME = re.compile(r"(?:(?:called|named|dubbed|termed|coined)\s+)?(?P<name>[a-z][a-z-]*[a-z](?:\s+[a-z][a-z-]*[a-z]){0,3}?)(?=[,.;(]|\s+(?:that|which|to|for|where)\b)")
_APPOSED_LEAD = re.compile(r"(?:propos|introduc|present|develop|design)\w*\s+(?:a|an)\s+(?:[\w-]+\s+){0,4}?[\w-]+$")
#: a word that introduces the title's name: "Introducing Kestrel: ..."
_TITLE_LEAD = re.compile(r"(?:Introducing|Presenting|Meet) ")
#: the method nouns whose comma :data:`_APPOSED_NAME` follows
_APPOSED_NOUNS = ("method", "approach", "technique", "strategy", "algorithm", "framework", "paradigm", "objective",
                  "mechanism", "scheme", "procedure", "recipe")
_METHOD_NOUNS_NEXT = tuple(f" {noun} " for noun in _APPOSED_NOUNS)


@lru_cache(maxsize=64)
def _title_head(title: str) -> re.Match | None:
    """The match of a title's head (``TinyBERT`` in ``TinyBERT: ...``), once per title for every pattern."""
    return _TITLE_HEAD.match(title)


_MISS = object()
#: Lower-case markers after a model's name that make a distinct model, as chat / instruct do (schema/cues.toml
#: [variant]), but named as written: "Kora-coder", "ZetaLM-math" (a size marker, "-base", names the same model).
DISTINCT_VARIANTS = ("chat", "instruct", "coder", "math", "med", "sft", "dpo", "rlhf", "vision")
_CLAUSE_END = re.compile(r"[.;]")
#: A lower-case word (not "and" / "or") right after a capitalised word: "Supervised probing" is no name "Supervised".
_LOWER_WORD_NEXT = re.compile(r" (?!(?:and|or)\b)[a-z]")
#: A name right after training or evaluating "on": "trained on ZetaInstruct", "we evaluate on KiQA"
#: (the verb, and its object at most, "fine-tune ZetaLM on", end the text before " on "; the name follows it).
#: a training or evaluating verb, a noun of results or a task measured, as one word before " on " or its object
#: ("3D classification on ModelNet40")
_ON_VERB_WORD = re.compile(r"(?i:(?:pre-?)?train(?:ed|ing|s)?|(?:fine-?)?tun(?:ed|ing|es?)|finetun(?:ed|ing|es?)"
                           r"|evaluat(?:ed|ing|es?)|test(?:ed|ing|s)?|benchmark(?:ed|ing|s)?|experiments|results"
                           r"|performance|accuracy|gains|improvements|baselines|sota|state-of-the-art"
                           r"|classification|segmentation|detection|recognition|captioning|retrieval|parsing|grounding"
                           r"|answering|summari[sz]ation|localization|tagging|labell?ing|extraction)")


def _on_object(word: str) -> bool:
    """An object between a verb and " on ": a pronoun or a name ("it", "ZetaLM", "mT5")."""
    return word in ("it", "them") or (bool(word) and not word.islower() and word[:1].isalnum())
_ON_NAME = re.compile(r"(?:the )?(?P<name>[A-Z][\w.+-]*[A-Za-z0-9])(?![\w-])")
#: A name set before a singular dataset noun by apposition: "ZetaInstruct, a dataset of", "KiQA, a large benchmark for".
#: an indefinite description before a dataset noun: "a (new, large) ..." (the name may follow it: "a corpus, X")
_INDEFINITE_BEFORE = re.compile(r"\b(?:an?|one|two|three|new)\s+(?:[\w-]+\s+){0,3}$", re.I)
#: an indefinite article and lower-case words before a name and a dataset noun: "a large-scale and diverse in-domain"
_INDEFINITE_DESCRIPTION = re.compile(r"\b[Aa]n?\s+(?:(?!(?:the|our|its|their|this|these|of|for|with|from|on|in|to|by|at|as|new|"
                                     r"newly|novel|introduc\w*|[a-z]+ing)\s)[a-z][\w-]*\s+){0,5}$")
_APPOSED_TO_DATASET = re.compile(r"(?<![\w-])(?P<name>[A-Z][\w.+-]*[A-Za-z0-9]),\s+an?\s+(?:[\w-]+\s+){0,3}$")
#: A name ending in a lower-case participle describes the data: "LM-generated", "GPT-annotated", "web-crawled".
_DESCRIBING_END = re.compile(r"-[a-z]+(?:ed|ing)$")
#: What may come before an acronym's long form after an introducing verb: "the Weight-" (Decomposed ...).
_LEAD_IN = re.compile(r"\s*(?:(?:the|a|an)\s+)?()(?:[A-Za-z]+-)*", re.IGNORECASE)
_NAME_PARTS = re.compile(r"[\s\-_]")
#: a bracket opened by a naming word: "(named", "(called"
_NAMING_BRACKET = re.compile(r"\((?:named|called|dubbed|termed|coined)\s")
#: a name-shaped word in brackets right after a name: " (SBERT)"
_SHORT_FORM = re.compile(r" \(([A-Za-z][\w.+-]*[\w+])\)")
#: a version at the end of a name: "Proof-Pile-2", "SQuAD v2", "XNLI 1.0"
_VERSION_TAIL = re.compile(r"[\s\-_]v?\d+(?:\.\d+)*$")
_SELF = re.compile(r"\b(?:we|our|this (?:paper|work|study|article|report)|here)\b", re.I)
#: the patterns that type a name by a description of it ("a new benchmark, X", "X, a corpus of ...")
_DESCRIPTION_HOWS = frozenset({"dataset", "described"})


@dataclass(frozen=True, slots=True)
class Found:
    """A discovered name: where it is, its type and whether the paper introduces it."""

    name: str
    type: str
    start: int
    end: int
    introduced: bool
    aliases: tuple[str, ...] = ()
    how: str = "pattern"
    guessed: bool = False  # the type is the default, no word of the text gave it


@lru_cache(maxsize=1 << 16)
def is_name_shaped(word: str) -> bool:
    """A word written as a name: an inner capital or a digit next to letters.

    >>> [is_name_shaped(w) for w in ["GottBERT", "COPA-HR", "Q8BERT", "Large", "2.2x", "model"]]
    [True, True, True, False, False, False]
    """
    letters = [c for c in word if c.isalpha()]
    if len(letters) < 2 or not word[0].isalnum():
        return False
    if any(c.isupper() for c in word[1:]):
        return True
    return word[0].isupper() and any(c.isdigit() for c in word)


_NON_SPACE = re.compile(r"\S+")
#: a size in a name: "JetMoE-8B", "Zeta-KD-1.3B"
_SIZE_PART = re.compile(r"(?<![A-Za-z])\d+(?:\.\d+)?[BMK]\b")
#: architectures whose name also names models built with them: "JetMoE", "OpenMoE", "FLAN-MoE"
_MODEL_NAMING_TECHNIQUES = frozenset({"MoE", "MoD", "SSM", "SSMs", "RNN", "RNNs", "LSTM", "LSTMs", "Transformer",
                                      "Transformers", "Mamba"})
#: the last capitalised part of a one-word name after a lower-case letter: "Retro" in "InstructRetro"
_CAMEL_TAIL = re.compile(r"(?<=[a-z])([A-Z][a-z]{3,})$")
#: the making of the object, before its name: "this report describes the development of Kestrel, an ..."
_MAKING_OF = re.compile(r"the (?:development|creation|construction|design|making) of ")
#: an apposition right after a name: "X, a memory-efficient training strategy ..."
_APPOSITION = re.compile(r",\s+(?:an?|the)\s+([^.;:()]{1,80})")
#: a description right after a name, which presents it: "we train COSMO: a generalizable conversation model",
#: "We pretrain Gannet, a BERT-base-sized encoder" (not "we train BERT on it" nor "we train BERT, as before")
_DESCRIBED_NEXT = re.compile(r"\s*[,:]\s+an?\s")
_LIST_CONNECTOR = re.compile(r"(?:such as|like|including|namely|e\.g\.,?)\s+")
_CONNECTOR_WORDS = ("such as", "like", "including", "namely", "e.g.")
#: a list connector as written: a space before it and, but for "e.g.", one after it
_CONNECTORS_SPACED = (" such as ", " like ", " including ", " namely ", " e.g.")


def _matches_at(pattern: re.Pattern, text: str, starts: Iterable[int]) -> list[re.Match]:
    """``pattern`` matched only at ``starts`` (ascending), non-overlapping as ``finditer`` gives them.

    >>> [m.group() for m in _matches_at(re.compile(r"ab+"), "abb ab abbb", [0, 1, 4, 7])]
    ['abb', 'ab', 'abbb']
    """
    matches, reach = [], 0
    for i in starts:
        m = pattern.match(text, i) if i >= reach else None
        if m:
            matches.append(m)
            reach = m.end()
    return matches


def _find_all(text: str, word: str, skip: int = 1) -> Iterable[int]:
    """Where ``word`` starts in ``text``, plus ``skip`` (one past a leading space)."""
    i = text.find(word)
    while i >= 0:
        yield i + skip
        i = text.find(word, i + 1)


def _word_spans(text: str, word: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each place ``word`` stands in ``text`` as a word of its own ("Text" in "Text and ...",
    not in "Context")."""
    for i in _find_all(text, word, 0):
        end = i + len(word)
        if not text[i - 1:i].isalnum() and not text[end:end + 1].isalnum():
            yield i, end


def _find_word(text: str, word: str) -> bool:
    """Whether ``word`` stands in ``text`` as a word of its own (see :func:`_word_spans`)."""
    return next(_word_spans(text, word), None) is not None


#: a description after a name: "X, a drop-in replacement for AdamW", "X is a benchmark", "... (ART), a framework"
_DESCRIBED = re.compile(r"[)\"\u201d]?[,:]?\s+(?:is\s+|which is\s+)?(?:a|an|the)\s+([^.;:()]{0,80})")
_PHRASE_TOKENS = re.compile(r"[\w\-^'+.]*\w|[,.;:()!?\"]")


#: who introduces a paper's own names: "we present X", "this technical report describes X" (not "our work
#: presents X": rare, and a subject starting with "o" costs the scan for them ~3% of the first pass)
_INTRO_SUBJECTS = ("we", *(f"this {w}" for w in ("paper", "work", "study", "article", "report", "technical report")))


class NameDiscoverer:
    """Finds new names in one paper: ``discoverer(paper) -> list[Found]``."""

    def __init__(self, cues: dict | None = None, model_stems=(), known_type=None, technique_stems=()):
        cues = cues or load_cues()
        disc = cues["discovery"]
        # "\b(?:we|this paper|...)": written as a first letter, then the boundary
        # before it, then the rest, which lets the regex engine skip ahead to
        # the first letters instead of trying the alternatives everywhere
        self.intro = re.compile(_by_first_letter([*_INTRO_SUBJECTS, "here we"])
                                + r"\b(?:\s+\w+){0,2}?\s+(?:" + "|".join(map(re.escape, disc["intro_verbs"])) + r")\s+",
                                re.I)
        naming_words = [*disc["naming_words"], *(w for w in _MORE_NAMING_WORDS if w not in disc["naming_words"])]
        self.naming = re.compile(_by_first_letter(naming_words) + r"\s+", re.I)
        self._intro_lower = re.compile(self.intro.pattern)
        self._and_intro = re.compile(r"\band (?:then |also |further |finally )?(?:"
                                     + "|".join(map(re.escape, disc["intro_verbs"])) + r")\s+", re.I)
        #: the subjects the introducing pattern starts with ("we", "this paper", ...; ASCII lower case)
        self._intro_subjects = _INTRO_SUBJECTS
        self.naming_words = tuple(w.lower() for w in naming_words)
        self.title_stop = frozenset(disc["title_stop"])
        self.generic = frozenset(disc["generic_names"])
        self.generic_phrases = frozenset(p.lower() for p in disc["generic_phrases"])
        self.stop = frozenset(disc["stop_words"])
        self.type_cues = {t: frozenset(cues["types"][t]) for t in ("Dataset", "Technique", "Model")}
        #: cue word or pair -> (rank, type) of the first type that lists it (Dataset, Technique, Model), for type_near
        self._cue_rank: dict[str, tuple[int, str]] = {}
        for rank, etype in enumerate(("Dataset", "Technique", "Model")):
            for word in self.type_cues[etype]:
                self._cue_rank.setdefault(word, (rank, etype))
                self._cue_rank.setdefault(word + ".", (rank, etype))  # ending a sentence: "a text corpus."
        #: the last words of the cue pairs ("set" of "test set"): a pair is looked up only where one ends
        self._pair_ends = frozenset(cue.rsplit(" ", 1)[1] for cue in self._cue_rank if " " in cue)
        #: the words that can type a name in :meth:`type_near`: a cue word, or the end of a cue pair
        self._near_words = frozenset(self._cue_rank) | self._pair_ends
        self.technique_endings = tuple(cues["types"]["technique_name_endings"])
        desc = cues["description"]
        self.process_heads = frozenset(desc["process"])
        self.head_boundaries = frozenset(desc["boundaries"])
        self.not_heads = frozenset(desc["not_heads"])
        self.collective = frozenset(desc["collective"])
        self.model_endings = tuple(desc["model_name_endings"])
        self.technique_camel_endings = tuple(desc["technique_name_camel_endings"])
        self.dataset_endings = tuple(desc["dataset_name_endings"])
        listed = {w: t for t in ("Technique", "Model") for w in desc["listed_" + t]}
        self._listed_type = listed
        #: the type of a name already known (the gazetteer's), or None: ``known_type("AdamW") -> "Technique"``
        self.known_type = known_type
        self._same_type = re.compile(r"^(?:[\w\-]+\s+){0,4}?(?:" + "|".join(map(re.escape, desc["same_type_as"]))
                                     + r")\s+(?:for|to|of)\s+(?:the\s+)?(?P<name>[\w\-.]*\w)", re.I)
        trained = "|".join(map(re.escape, desc["trained"]))
        self._trained_after = re.compile(r"\s+(?:is|was|are|were)\s+(?:\w+\s+)?(?:" + trained + r")\b", re.I)
        self._trained_before = re.compile(r"\b(?:" + trained + r")(?:s|ed)?\s+$", re.I)
        acro = cues["acronym"]
        self.acronym_heads = {w: t for t in ("Technique", "Dataset", "Model") for w in acro[t]}
        self.task_heads = frozenset(acro["tasks"])
        self.not_entities = frozenset(acro["not_entities"]) | self.task_heads
        method = cues["method"]
        self.variant_heads = frozenset(method["variant_heads"])
        self.novelty = tuple(w.lower() for w in method["novelty"])
        self.title_heads = frozenset(method["title_heads"])
        self.bare_not_words = frozenset(method["bare_not_words"])
        #: a title head as a title phrase ends in it ("Attention"): a title without any has no title technique
        self._title_head_word = re.compile("|".join(sorted(re.escape(h[0].upper() + h[1:]) for h in self.title_heads
                                                           if "a" <= h[:1] <= "z")) or "(?!)")
        # the novelty word first, so the regex engine skips ahead to its first letters; the article is checked after
        self._method = re.compile(_by_first_letter(method["novelty"]) + r"\s+(?P<name>(?:[\w\-]+\s+){2,3}?)(?:"
                                  + "|".join(method["nouns"]) + r")s?\b", re.I)
        self._method_lower = re.compile(self._method.pattern)
        self.dataset_words = frozenset(w for w in cues["types"]["Dataset"] if " " not in w) - {"questions", "exam", "suite"}
        nouns = "|".join(sorted(self.dataset_words, key=len, reverse=True))
        self._dataset_noun = re.compile(_by_first_letter(self.dataset_words) + r"\b")
        # after a dataset noun, a list: "datasets: A, B and C", "benchmarks for code models: A, B", "benchmarks
        # such as A, B", "corpora (A, B)"
        self._after_dataset = re.compile(r"(?:(?P<between>(?:\s+[\w-]+){1,8}?)\s*:"
                                         r"|\s*(?::|\((?:\s*(?:e\.g\.|i\.e\.|including|such as|namely),?)?"
                                         r"|,?\s+(?:such as|including|namely|like|e\.g\.|for (?:example|instance)),?))\s*")
        self.languages = frozenset(language_names())
        self.model_stems = tuple(sorted({s for s in model_stems if s}, key=len, reverse=True))
        self._stems = SubstringIndex(self.model_stems)
        self.technique_stems = frozenset(technique_stems) - _MODEL_NAMING_TECHNIQUES
        #: every cue word the patterns start at, by group: a :class:`~kg.extract.mentions.PhraseMatcher`
        #: built with them finds them in its scan (:meth:`scan` finds them alone)
        self.component_nouns = tuple(method["component_nouns"])
        self.generic_modifiers = tuple(cues["affix"]["modifiers"])
        #: lower-case markers of a distinct model after a known one's name: "Jais-chat", "Falcon-instruct"
        self._variant_markers = frozenset([*cues.get("variant", {}).get("markers", {}), *DISTINCT_VARIANTS]) - {"it"}
        #: a hyphen and a lower-case marker ending a word: "-chat" in "Jais-chat" (the regex engine skips to "-")
        self._variant_hyphen = re.compile("-(?:" + "|".join(sorted(self._variant_markers, key=len, reverse=True))
                                          + r")(?![\w-])")
        #: lower-case markers after a name's hyphen that keep it a name: "Jais-chat", "Zorro-large", "Kora-coder"
        self.name_markers = frozenset([*cues.get("variant", {}).get("markers", {}), *DISTINCT_VARIANTS,
                                       *cues["size"]["words"]])
        self._introducing = re.compile(r"\b(?:" + "|".join(map(re.escape, disc["intro_verbs"] + ["devise", "devises"]))
                                       + r")\b")
        self.cue_words = {"subject": self._intro_subjects, "naming": self.naming_words,
                          "dataset": tuple(sorted(self.dataset_words)), "novelty": self.novelty,
                          "connector": _CONNECTOR_WORDS, "component": self.component_nouns,
                          "our": ("our",), "result": _RESULT_WORDS,
                          "part": _PART_NOUNS,
                          # "and" before an introducing verb (where a second verb of a "we" may be: _triggers)
                          "and_verb": tuple(f"and {lead}{verb.lower()}" for verb in disc["intro_verbs"]
                                            for lead in ("", "then ", "also ", "further ", "finally "))}
        self._cue_words = CueIndex(self.cue_words)
        #: name -> :meth:`acceptable` (the same names come back paper after paper)
        self._acceptable: dict[str, bool] = {}
        #: name -> :meth:`type_of_name`
        self._name_types: dict[str, str | None] = {}

    def scan(self, paper: Paper) -> Scan:
        """The paper's text read for the patterns: lower-cased, and where its cue words start (no phrases)."""
        text = paper.text
        lowered = lower_same_length(text)
        return Scan(text, lowered, [], self._cue_words.starts(lowered, True))

    # -- helpers -------------------------------------------------------------
    def acceptable(self, name: str) -> bool:
        """Could ``name`` be a name: not generic, no stop word, no version number, some letter (cached)."""
        ok = self._acceptable.get(name)
        if ok is not None:
            return ok
        stripped = name.strip()
        low = stripped.lower()
        ok = (bool(stripped) and stripped not in self.generic and low not in self.stop
              and low not in self.generic_phrases and not _VERSION.fullmatch(stripped) and any(c.isalpha() for c in stripped)
              and not _MEASURE.match(stripped) and not _DATE.match(stripped) and not self._languages_only(stripped)
              and "'s " not in stripped and "\u2019s " not in stripped  # "OpenAI's GPT-4": an owner's, GPT-4
              and not stripped.endswith(("'s", "\u2019s"))  # "open-source WIMBD's code": the owner, WIMBD
              and not _describing_only(stripped))
        if len(self._acceptable) >= 1 << 16:
            self._acceptable.clear()
        self._acceptable[name] = ok
        return ok

    def _languages_only(self, name: str) -> bool:
        """A language pair or list written as one word, no name: "Kazakh-English", "English–German"; or languages
        and a generic word: "English NLU (benchmark)", "English-Vietnamese MT (datasets)"; or a language of several
        words: "American Sign Language", "Haitian Creole"."""
        if " " in name and name in self.languages:
            return True
        parts = _PAIR_SEPARATOR.split(name)
        if len(parts) > 1 and all(p in self.languages for p in parts):
            return True
        words = [w for part in name.split() for w in _PAIR_SEPARATOR.split(part)]
        return (len(words) > 1 and any(w in self.languages for w in words)
                and all(w in self.languages or w in self.generic for w in words))

    def __getstate__(self) -> dict:
        state = self.__dict__.copy()
        state["_acceptable"], state["_name_types"] = {}, {}
        return state

    def type_near(self, before: str, after: str = "") -> str | None:
        """Type of the nearest cue noun: the words before (nearest first), then after.

        A word and the pair it ends (in reading order from the name) are looked
        up at once in :attr:`_cue_rank`; the words after are read only if those
        before name no type.
        """
        rank, pair_ends = self._cue_rank, self._pair_ends
        words = _WORDS.findall(before.lower())[::-1][:8]
        for side in range(2):
            if side:  # a full stop may end a cue word ("an English text corpus."): both are in the table
                if _DATA_COUNT.match(after):
                    return "Dataset"  # "X, which contains 10k dialogues", "X (5,000 clinical notes)"
                words = _WORDS.findall(after.lower())[:8]
            if self._near_words.isdisjoint(words):
                continue  # no cue word, nor a pair's last word, on this side
            previous = None
            for word in words:
                hit = rank.get(word)
                if previous is not None and word in pair_ends:
                    pair = rank.get(f"{previous} {word}")
                    if pair is not None and (hit is None or pair < hit):
                        hit = pair
                if hit is not None:
                    return hit[1]
                previous = word
        return None

    def type_of_name(self, name: str) -> str | None:
        """The type the name's own shape gives (``...Bench`` -> Dataset, built on a model name -> Model), or None."""
        etype = self._name_types.get(name, _MISS)
        if etype is not _MISS:
            return etype
        etype = self._type_of_name(name)
        if len(self._name_types) >= 1 << 16:
            self._name_types.clear()
        self._name_types[name] = etype
        return etype

    def _type_of_name(self, name: str) -> str | None:
        low = name.lower()
        if low.endswith(("bench", "benchmark", "corpus", "qa", "dataset", "eval")):
            return "Dataset"
        if self._stems.within(name) or (name[-1:].islower() and self._on_known_model(name)):
            return "Model"
        core = _VERSION_TAIL.sub("", name)
        if core.endswith(self.dataset_endings) or "bench" in _NAME_PARTS.split(low)[:-1]:
            return "Dataset"  # "XNLI", "FLUE", "Proof-Pile-2", "BIG-Bench Hard"
        if "-" in name and name.rsplit("-", 1)[1].lower() in self._variant_markers:
            return "Model"  # "Kestrel-Instruct", "Jais-chat": a chat / instruct / coder model
        first = _NAME_PARTS.split(name)[0]
        if first != name and any(first.endswith(end) and len(first) > len(end) + 1 and first[:1].isupper()
                                 and any(c.islower() for c in first) for end in self.model_endings):
            return "Model"  # "ZetaLM-MoE", "ZetaLM-LS": a variant of a model-shaped name
        last = _NAME_PARTS.split(low)[-1]
        if (last in self.technique_endings and last != low) or self._on_known_technique(name):
            return "Technique"
        if " " not in name and any(name.endswith(end) and len(name) > len(end) + 1 and name[-len(end) - 1].isalnum()
                                   for end in self.technique_camel_endings):
            return "Technique"  # "SqueezeAttention", "pRMSNorm"
        core = name.split()[-1]
        if any(core.endswith(end) and len(core) > len(end) and core[-len(end) - 1].isalnum()
               for end in self.model_endings):
            return "Model"
        return None

    def _on_known_technique(self, name: str) -> bool:
        """A name built on a known technique's name (``technique_stems``, as written), with no size: "IR-QLoRA",
        "Meta-KD", "Step-DPO", and in one word on a mixed-case one ("IncreLoRA", "MELoRA", "LoRAPrune"); not
        on an architecture that names models ("JetMoE", "CrisisTransformers": :data:`_MODEL_NAMING_TECHNIQUES`).

        >>> d = NameDiscoverer(technique_stems=["LoRA", "KD", "MoE", "DARE"])
        >>> [d._on_known_technique(n) for n in ("IR-LoRA", "Meta-KD", "IncreLoRA", "LoRAPrune", "JetMoE", "Zeta-KD-7B",
        ...                                     "DaReCzech")]
        [True, True, True, True, False, False, False]
        """
        if not self.technique_stems or _SIZE_PART.search(name):
            return False
        parts = [p for p in _NAME_PARTS.split(name) if p]
        if len(parts) > 1:
            return parts[0] in self.technique_stems or parts[-1] in self.technique_stems
        for cut in range(2, len(name) - 1):
            for piece, rest in ((name[cut:], name[:cut]), (name[:cut], name[cut:])):
                if piece in self.technique_stems and rest[:1].isupper() and not piece.isupper():
                    return True
        return False

    def _on_known_model(self, name: str) -> bool:
        """A one-word name ending in a known model's name after a capital: "InstructRetro" (Retro), not "Dropout".

        >>> NameDiscoverer(known_type={"Retro": "Model"}.get)._on_known_model("InstructRetro")
        True
        """
        m = _CAMEL_TAIL.search(name) if self.known_type is not None and " " not in name else None
        return bool(m) and self.known_type(m.group(1)) == "Model"

    def head_type(self, phrase: str) -> str | None:
        """The type the head noun of a describing phrase gives: the last word before a boundary.

        A process noun or a method word makes a Technique, a model word a Model,
        a dataset word a Dataset; a phrase that starts with a verb has no head.
        After a collective noun ("a family of", "a subset of") the head is the noun after "of";
        a typed noun followed by "and" / "or" is the head of the first of two
        coordinated phrases.

        >>> d = NameDiscoverer()
        >>> [d.head_type(p) for p in ["Memory-Efficient LLM Training by Gradient Low-Rank Projection",
        ...                           "a pure German Language Model", "A Benchmark for Korean",
        ...                           "Accelerating GaLore for memory-efficient LLM Training",
        ...                           "a family of models obtained by fine-tuning", "A Suite of Models and Data",
        ...                           "a more concise, balanced, and manually verified subset of the dataset"]]
        ['Technique', 'Model', 'Dataset', None, 'Model', 'Model', 'Dataset']
        """
        words = []
        for token in _PHRASE_TOKENS.findall(phrase.lower()):
            if token == "of" and len(words) >= 1 and words[-1] in self.collective:
                words = []
                continue
            if token in ("and", "or") and words and self._typed_noun(words[-2] if words[-1] == "," and len(words) > 1
                                                                      else words[-1]):
                break
            if token in ".;:()!?\"" or token in self.head_boundaries:
                break
            if (token.endswith(("ing", "ed")) and words and token not in self.process_heads
                    and self._typed_noun(words[-1])):
                break  # "a new benchmark consisting of seven tasks", "models finetuned on": a participle after the head
            if token in {"a", "an", "the", "our", "its"} and not words:
                continue
            words.append(token)
        words = [w for w in words if w != ","]
        while words and words[-1] in {"and", "or"}:
            words.pop()
        if not words or words[0] in self.not_heads:
            return None
        first = words[0]
        if len(words) > 1 and first.endswith("ing") and first not in self.process_heads and "-" not in first:
            return None  # "Accelerating GaLore ...", "Teaching ALBERT to Ponder": a verb, no head noun
        if len(words) > 1 and words[1] in _DETERMINERS:
            return None  # "Bootstrap Your Own Questions", "Align the Model": a verb and its object, no head noun
        head = words[-1]
        pair = f"{words[-2]} {head}" if len(words) > 1 else head
        return self._typed_noun(head, pair)

    def _typed_noun(self, head: str, pair: str | None = None) -> str | None:
        """The type a head noun (or the pair of words ending in it) names, or None; a hyphenated head has its
        last part's ("Knowledge-aware Prompt-tuning": a tuning, a Technique)."""
        last = head.rsplit("-", 1)[-1]
        for form in (pair or head, head, head[:-1] if head.endswith("s") else head, last):
            if form in self.type_cues["Dataset"]:
                return "Dataset"
            if form in self.type_cues["Technique"] or form in self.process_heads:
                return "Technique"
            if form in self.type_cues["Model"]:
                return "Model"
        return None

    # -- patterns ------------------------------------------------------------
    def title(self, paper: Paper) -> list[Found]:
        match = _title_head(paper.title) or (_REPORT_TITLE.match(paper.title)
                                             if "Report" in paper.title or "Card" in paper.title else None)
        if not match:
            return []
        head = match.group("head").strip()
        words = head.split()
        if len(words) > 1 and self.known_type is not None and not _EVALUATING_REST.match(paper.title, match.end()):
            # "Buffer of Thoughts: ...", "Pile of Law: ...", "The Common Pile v0.1: ...": a known name heads it
            for name in (head, head[4:]) if head.startswith("The ") else (head,):
                known = self.known_type(name)
                if known is not None:
                    start = paper.title.index(name)
                    return [Found(name, known, start, start + len(name), True, how="title")]
        noun_type = None
        if len(words) > 1:
            lead = _TITLE_LEAD.match(head) if head[0] in "IPM" else None
            if lead:
                head = head[lead.end():]  # "Introducing Kestrel: ..."
            named = _THE_NAME_NOUNS.fullmatch(head) if head.startswith("The ") else None
            if named and (self._plain_word(named.group("name")) or is_name_shaped(named.group("name"))):
                # "The Kestrel Model Family: ...": the name, typed by the nouns after it
                head, noun_type = named.group("name"), self._typed_noun(named.group("noun").split()[0].lower())
            elif (len(words) == 2 and words[1] in ("Model", "Models")
                  and (self._plain_word(words[0]) or is_name_shaped(words[0]))):
                head, noun_type = words[0], "Model"  # "Aya Model: ...", "IgboBERT Models: ...": the name before the noun
            if len(words) == 3 and words[1] == "and":
                return self._title_pair(paper, head, match)  # "Kestrel and Zorro: ..."
            words = head.split()
        if len(words) == 1:
            ok = self.acceptable(head) and (is_name_shaped(head) or (head[0].isupper()
                                                                     and head.lower() not in self.title_stop))
        elif len(words) == 2 and _VERSION.fullmatch(words[1]):
            ok = is_name_shaped(words[0]) or words[0][0].isupper()
        elif len(words) == 2 and words[0] == "The" and self._plain_word(words[1]):
            if self.known_type is None or self.known_type(head) is None:
                head = words[1]  # "The Stack: ...": the name after the article, unless known with it
            ok = True
        elif (len(words) <= 3 and all(w[:1].isupper() for w in words) and self.known_type is not None
              and self.known_type(words[-1]) == "Model" and not any(w.lower() in self.title_stop for w in words)
              and not (len(words) == 2 and words[0] in self.languages)):
            ok = True  # "Baby Llama: ...": a known model's name after capitalised words names a model
        else:
            # (not a task spelled in title case: "Word Sense Disambiguation: ...", "Humor Detection: ...")
            ok = (len(words) <= 4 and all(w[0].isupper() or is_name_shaped(w) for w in words)
                  and not any(w.lower() in self.title_stop or w.lower() in self.stop for w in words)
                  and head in paper.abstract
                  and not (words[-1].lower() in self.task_heads and not any(is_name_shaped(w) for w in words)))
        if not ok or not self.acceptable(head):
            return []
        start = paper.title.index(head)
        rest = paper.title[match.end():]
        # what the abstract says the name is ("we develop Orca, a 13-billion parameter model") before what the
        # title's rest is about ("Orca: Progressive Learning from ..."): the paper's topic, not always the name's
        etype = (self.type_of_name(head) or noun_type or self._appositive_type(head, paper.abstract)
                 or self._rest_type(rest))
        if etype is None and _said_of(head, paper.abstract, lambda at, end: bool(
                _METHOD_WORD.search(paper.abstract, max(0, at - 60), min(len(paper.abstract), end + 60)))):
            etype = "Technique"  # nothing typed it, but a method word stands near it: "ONION ... the first method"
        if etype == "Technique" and self._is_trained(head, paper.abstract):
            etype = "Model"  # "LLM-Detector ... a novel method ... LLM-Detector is trained on ...": a model
        return [Found(head, etype or "Model", start, start + len(head), True, how="title", guessed=etype is None)]

    def _title_pair(self, paper: Paper, head: str, match: re.Match) -> list[Found]:
        """Two names heading a title: "Jais and Jais-chat: ...", each a name of the rest's type; a plain word
        only if the abstract uses it too ("Text and Patterns: For Effective Chain of Thought ..." names none)."""
        found = []
        rest = paper.title[match.end():]
        for name in (head.split()[0], head.split()[2]):
            plain = not (is_name_shaped(name) or _MARKED_NAME.fullmatch(name))
            if (plain and not (self._plain_word(name) and _find_word(paper.abstract, name))) or not self.acceptable(name):
                return []
            start = paper.title.index(name)
            etype = self.type_of_name(name) or self._rest_type(rest) or "Model"
            found.append(Found(name, etype, start, start + len(name), True, how="title"))
        if len({f.type for f in found}) > 1:
            found = [replace(f, type=found[0].type) for f in found]
        return found

    def _rest_type(self, rest: str) -> str | None:
        """The type a title's rest gives the name heading it: a benchmark where it evaluates ("TAPE: Assessing
        ..."), else its head noun's or a cue word's."""
        if _EVALUATING_REST.match(rest):
            return "Dataset"
        return self.head_type(rest) or self.type_near("", rest)

    def _appositive_type(self, name: str, abstract: str) -> str | None:
        """The type a description gives the name: "GaLore, a memory-efficient training strategy"."""
        m = None
        for at in _find_all(abstract, name, 0):  # the text after the name, no pattern compiled per name
            m = _DESCRIBED.match(abstract, at + len(name))
            if m:
                break
        return (self._description_type(m.group(1)) or self.type_near("", m.group(1))) if m else None

    def _description_type(self, description: str) -> str | None:
        """The type a describing phrase gives: its head noun's, or the known name's it replaces."""
        same = self._same_type.match(description) if self.known_type else None
        known = self.known_type(same.group("name")) if same else None
        return known or self.head_type(description)

    def _lead_start(self, sentence: str, after: int, at: int, how: str) -> int | None:
        """Where the capitalised words before the name at ``at`` begin, if they are the name's (see
        ``_capitalised_lead``); after a naming word, past an article: "an RNN block called the Linear Recurrent
        Unit" names the Linear Recurrent Unit."""
        between = sentence[after:at]
        article = _LEADING_THE.match(between) if how == "naming" else None
        if article:
            between = between[article.end():]
        return at - len(between.lstrip()) if self._capitalised_lead(between) else None

    def _capitalised_lead(self, between: str) -> bool:
        """One or two capitalised words, none a stop word: "Romanian" in "we introduce Romanian BERT"."""
        words = between.split()
        return 0 < len(words) <= 2 and not between.endswith((",", "(")) and all(
            w[0].isupper() and w.isalpha() and w.lower() not in self.stop and w.lower() not in self.title_stop
            and w not in self.generic for w in words)

    def _is_trained(self, name: str, abstract: str) -> bool:
        """Whether the abstract says the name is trained, or names models by it: "X is trained on", "we fine-tune X",
        "finetuning X models", "our X-7B"."""
        for at, end in _word_spans(abstract, name):
            if (self._trained_after.match(abstract, end) or self._trained_before.search(abstract, max(0, at - 40), at)
                    or _MODEL_NOUN_AFTER.match(abstract, end) or _SIZE_AFTER.match(abstract, end)):
                return True
        return False

    @staticmethod
    def _used_as_method(name: str, text: str) -> bool:
        """Whether the text describes the name as a method, or applies it as one: "X, a knowledge distillation
        method", "a contrastive learning method, dubbed X", "fine-tuned with X", "X can be readily applied to"."""
        return _said_of(name, text, lambda at, end: bool(_METHOD_AFTER.match(text, end) or (
            text[at - 1:at] in (" ", "(") and text[max(0, at - 90):at].rstrip().endswith(_METHOD_BEFORE_LAST)
            and _METHOD_BEFORE.search(text, max(0, at - 90), at))))

    @staticmethod
    def _framework(name: str, text: str) -> bool:
        """Whether the text calls the name a framework: "LoraHub, a simple framework", "a framework, dubbed X"."""
        return _said_of(name, text, lambda at, end: bool(_FRAMEWORK_AFTER.match(text, end)
                                                         or _FRAMEWORK_BEFORE.search(text, max(0, at - 60), at)))

    def _sized(self, name: str, names) -> bool:
        """Whether another name is this one with a size or variant marker: "TinyAgent-1.1B", "Jais-chat"."""
        for other in names:
            rest = other[len(name) + 1:] if other.startswith(name) and other[len(name):len(name) + 1] in "- " else ""
            if rest and (rest[0].isdigit() or rest.split("-")[0].lower() in self._variant_markers):
                return True
        return False

    def _names_at(self, text: str, pos: int, limit: int = 30,
                  naming: bool = False) -> list[tuple[int, int, str, tuple[str, ...]]]:
        """Name-shaped words (or "Long Form (ACRO)") from ``pos``: one, or a list "A, B and C".

        Each item is a name-shaped word ("KoraLM-70B"), a name and a variant or
        size marker ("Jais-chat", "Zorro-large"), a word and its version
        ("Gemma 2", "ZetaLM 1.5") or, right at ``pos`` or later in the list, a
        plain capitalised word that a comma, bracket, "and" / "or" or the
        sentence end closes ("we present Jais and Jais-chat"). After a naming
        word (``naming``) the plain word needs no closing ("which we call Kestrel").
        """
        out = []
        words = islice(_WORDS.finditer(text, pos), limit)  # read lazily: the loop mostly stops at the first words
        w = next(words, None)
        skipped = 0  # words read before the first name
        while w is not None:
            word = w.group()
            if word[-1] == ".":
                word = word.rstrip(".")
            if word.islower():  # a word with no capital is neither name-shaped nor a plain name
                if out:
                    break
                # a preposition, a clause, a second verb or an action before any name: the object is no name
                # ("we present a comparison between ZetaLM and KoraLM", "we propose fine-tuning ZetaLM",
                # "we introduce a benchmark and evaluate ZetaLM")
                if word in _NOT_BEFORE_NAME or text[w.end():w.end() + 1] in ".;":
                    listed = (None if naming or word in _CLAUSE_WORDS
                              else _LIST_LATER.match(text, w.start(), min(len(text), w.start() + 80)))
                    if listed and _PLURAL_MODELS.search(text, pos, w.start()):
                        # "we train several language models for Icelandic, including IceBERT, that ...": the list
                        words = islice(_WORDS.finditer(text, listed.end()), limit)
                        w = next(words, None)
                        continue
                    break
                if not naming:
                    if (word[-3:] == "ing" and len(word) > 5 and word not in _LISTING
                            and (not skipped or ("-" not in word and word not in _NOMINAL_ING))):
                        break
                    if skipped and (word == "and" or word == "or") and _VERB_NEXT.match(text, w.end()):
                        break
                skipped += 1
                w = next(words, None)
                continue
            if not out:
                if word.lower() in _NOT_BEFORE_NAME or (not naming and _NAMING_BRACKET.search(text, pos, w.start())):
                    break  # a naming word in a bracket reads its own names: "two Foo models (named Foo8L and Foo16L)"
                skipped += 1
            # a plain word is a name right at pos, after "the" there ("we present the Pile: ..."), or in a list
            plain = (bool(out) or w.start() == pos or naming or (w.start() == pos + 4 and text[pos:pos + 4].lower() == "the ")
                     or (w.start() == pos + 1 and text[pos] in "\"'\u201c\u2018"))  # 'we present "Kestrel"'
            item = self._item(text, w, word, plain, naming)
            if item is not None:
                out.append(item)
                # the list goes on after ", ", " and ", ", or ", and after a description set off by commas:
                # "we propose mZeta, a multilingual ZetaLM, and xKora"
                sep = ((text.startswith(",", item[1]) and _APPOSED_THEN_AND.match(text, item[1]))
                       or _ITEM_SEP.match(text, item[1]))
                if sep is None:
                    break
                w = next(words, None)
                while w is not None and (w.start() < sep.end() or (w.start() == sep.end() and w.group() == "the")):
                    w = next(words, None)  # "... and the Kestrel models": the article is no item
                continue
            if out or text[w.end():w.end() + 1] in ".;":
                break
            w = next(words, None)
        if out and ("(" in text[out[0][1]:out[0][1] + 120] or (out[0][0] > pos and text[out[0][0] - 1] == "(")):
            spelled = self._spelled_out(text, pos)
            # "the Variational Open-Domain (VOD) framework": VOD; the acronym itself after a long form of
            # capitalised words: "the Kora Reading Comprehension Dataset (KRCD)"
            if spelled and (out[0][0] < spelled[0] or (out[0][0] == spelled[0]
                                                      and all(w[:1].isupper() for w in spelled[3][0].split()))):
                return [spelled]
        if not out:
            acro = _ACRONYM.search(text, pos, min(len(text), pos + 160))
            if acro and not _CLAUSE_END.search(text, pos, acro.start()):
                words = text[pos:acro.start()].split()
                caps = [i for i, w in enumerate(words) if w[:1].isupper()]
                # the capitalised words before it ("a new corpus of Icelandic text, the Icelandic Common Crawl
                # Corpus (IC3)"), else (one word or none) from the first capitalised one ("the Cross-lingual
                # Natural language inference corpus (XNLI)", "ARabic language GENeration (ARGEN)")
                run = _capitalised_run(words)
                long = run if " " in run else " ".join(words[caps[0]:]) if caps else ""
                # (not a list of names before an acronym: "on the MATH, GSM8K, and BIG-Bench Hard (BBH) tasks")
                if long and "," not in long and self.acceptable(acro.group(1)):
                    # "a framework for MoE models (DS-MoE)", "a BERT model trained from scratch (BERTu)": the words
                    # start with the name it is built on, no long form; nor is a generic phrase one ("Listwise
                    # Reranker with a Large Language Model (LRL)": no LRL called "Large Language Model", which
                    # would then be every paper's)
                    first, short = long.split()[0], acro.group(1)
                    built_on = first in short.split("-")[1:] or (
                        short.startswith(first) and short != first and self.known_type is not None
                        and self.known_type(first) == "Model")
                    generic = long.lower() in self.generic_phrases
                    out.append((acro.start(1), acro.end(1), acro.group(1), () if built_on or generic else (long,)))
        return out

    def _spelled_out(self, text: str, pos: int) -> tuple[int, int, str, tuple[str, ...]] | None:
        """The acronym whose long form starts at ``pos`` (after an article at most), with that long form: the
        words its letters spell, or capitalised words all the way from ``pos``.

        >>> NameDiscoverer()._spelled_out("the Weight-Decomposed Low-Rank Adaptation (DoRA), which", 0)
        (43, 47, 'DoRA', ('Weight-Decomposed Low-Rank Adaptation',))
        >>> NameDiscoverer()._spelled_out("the Variational Open-Domain (VOD) framework", 0)
        (29, 32, 'VOD', ('Variational Open-Domain',))
        >>> NameDiscoverer()._spelled_out("Bioformer (BF-1), a compact model", 0) is None
        True
        >>> NameDiscoverer()._spelled_out("Multi-Agent Zeta Code Generation (ZetaCoder), a", 0)
        (34, 43, 'ZetaCoder', ('Multi-Agent Zeta Code Generation',))
        """
        acro = _ACRONYM.search(text, pos, min(len(text), pos + 160))
        if acro is None or _CLAUSE_END.search(text, pos, acro.start()) or not self.acceptable(acro.group(1)):
            return None
        acronym = acro.group(1).rstrip("s")
        if not acronym.isupper():  # "DoRA", "iACE": the capitals spell the initials
            acronym = "".join(c for c in acronym if c.isupper())
        letters = [c.lower() for c in acronym if c.isalpha()]
        words = list(_LONG_WORD.finditer(text, pos, acro.start()))
        long = _long_form([w.group() for w in words], letters) if len(letters) >= 2 else None
        lead = _LEAD_IN.fullmatch(text, pos, words[len(words) - len(long)].start()) if long else None
        if lead is not None:  # an article, and the first parts of a hyphenated word
            return acro.start(1), acro.end(1), acro.group(1), (text[lead.end(1):words[-1].end()],)
        # capitalised words all the way from ``pos`` are the long form even where the acronym spells only some
        # of them: "introduces Multi-Agent Assistant Code Generation (AgentCoder)"
        between = text[pos:acro.start()].split()
        run = _capitalised_run(between)
        if (len(between) < 2 or len(run.split()) != len(between) or not run[:1].isupper()
                or not text.startswith(" (", acro.start() - 1) or "and" in between or "or" in between):
            return None  # not "SciDeBERTa and SciDeBERTa(CS)"
        return acro.start(1), acro.end(1), acro.group(1), (run,)

    def _item(self, text: str, w: re.Match, word: str, plain: bool,
              naming: bool) -> tuple[int, int, str, tuple[str, ...]] | None:
        """The list item of :meth:`_names_at` that starts at word ``w``, or None."""
        start = w.start()
        item = None
        if plain and word.isalpha():
            sized = _SIZED_NAME.match(text, start)
            if sized and word not in _NUMBERED_NOUNS and self._plain_word(word):
                # "We introduce Mistral 7B, a ...", "we present Llama 2 (...)": a word and its size or version
                item = start, sized.end("name"), sized.group("name"), ()
        if item is None:
            if is_name_shaped(word) and self.acceptable(word):
                version = _VERSION_AFTER.match(text, start + len(word))  # "we present SQuAD 2.0, ..."
                closed = (_CAPITALISED_AFTER.match(text, start + len(word)) if _HYPHENED_CAPITALS.fullmatch(word)
                          else None)
                end = version.end() if version else closed.end() if closed else start + len(word)
                item = start, end, text[start:end], ()
            elif "-" in word and (marked := _MARKED_NAME.fullmatch(word)) and self._plain_word(marked.group("base")) \
                    and marked.group("marker").lower() in self.name_markers:
                item = start, start + len(word), word, ()  # "Jais-chat", "Zorro-large"
            elif plain and self._plain_name(text, w, None, naming):
                item = start, start + len(word), word, ()
            elif word.endswith("+") and self._plain_word(word.rstrip("+")):
                item = start, start + len(word), word, ()  # "Kora++"
            else:
                return None
        # what is no name of the paper's after all
        if word[-1:] == "s" and len(word) > 2 and word[:-1].isupper() and word[:-1].isalpha():
            return None  # "generalized state space models (GSSMs)": a kind of model, many of them
        if "-" in word:
            tail = word.rsplit("-", 1)[1]
            if tail.lower() in self.generic_modifiers or (tail.islower() and len(tail) > 3 and tail not in self.name_markers):
                return None  # "we build a ZetaLM-based retriever", "GPT-4-class performance": a modifier
        end = start + len(word)
        if _OWNER_NEXT.match(text, end):
            return None  # "we describe our JDExplore d-team's submission": whose it is, not what it is
        bracket = _STEMMED_ACRONYM_NEXT.match(text, end) if text.startswith(" (", end) else None
        if bracket and bracket.group("stem") == word and bracket.end() <= end + 64:
            return None  # "Gradient Aligned Mutual Learning BERT (GAML-BERT)": the last word of a long form
        if text[end + 1:end + 2] in _RESULT_NOUN_FIRSTS and _RESULT_NOUN_NEXT.match(text, end):
            return None  # "we present Transformer-XL results": what the name gives, not the name
        return item

    def _plain_word(self, word: str) -> bool:
        """A capitalised word that may be a name: no stop word, language or generic name."""
        return (word[:1].isupper() and word.isalpha() and len(word) > 2 and self.acceptable(word)
                and word.lower() not in self.title_stop
                and (word not in self.languages  # (a language's name the gazetteer gives another type: "Wanda")
                     or (self.known_type is not None and self.known_type(word) not in (None, "Language"))))

    def _plain_name(self, text: str, w: re.Match, end: int | None = None, naming: bool = False) -> bool:
        """A capitalised word right after an introducing verb is a name when a comma, a bracket, the sentence
        end or "and" / "or" and another name close it: "we present Bioformer, a compact BERT model", "we
        present Jais and Jais-chat" (not "we present Transformer-based ..."); after a naming word it needs
        none ("which we call Kestrel that"). ``end``: where the name ends when a size or version follows
        the word ("Mistral 7B, a ...")."""
        word = w.group().rstrip(".")
        end = w.start() + len(word) if end is None else end
        if not self._plain_word(word):
            return False
        if end < len(text) and text[end] in "\"'\u201d\u2019":
            end += 1  # 'we present "Kestrel", a model
        if text[end:end + 2] in (", ", " (") or end == len(text):
            return True
        if _HEAD_NOUN_NEXT.match(text, end):  # "we introduce the Falcon series", "the Kora benchmark"
            return True
        if naming and _LOWER_OR_STOP_NEXT.match(text, end) and not text.startswith(_METHOD_NOUNS_NEXT, end):
            # not "named Entity Recognition", "called Llama 2-Chat"; nor a word before a method noun: "we name
            # this Prompt Tuning framework PPT" names PPT
            return True
        if end < len(text) and text[end] in ".;:" and (end + 1 == len(text) or text[end + 1].isspace()):
            return True
        m = _COORDINATED_NEXT.match(text, end)
        if not m:
            return False
        if is_name_shaped(m.group(1)) or _MARKED_NAME.fullmatch(m.group(1)):
            return True
        sized = _SIZED_NAME.match(text, m.start(1))  # "Nimbus 1.5 and Nimbus 2, ..."
        after = sized.end() if sized else m.end(1)
        return text[after:after + 2] in (", ", " (", ". ") or after == len(text)

    def _triggers(self, abstract: str, lowered: str, cues: dict[str, list[int]],
                  ) -> tuple[list[tuple[int, str]], list[tuple[int, int, int, str]]]:
        """The sentences, and introducing verbs and naming words: ``(sentence number, start, end, how)``.

        One scan of the whole abstract (neither pattern can cross a sentence
        end), ordered as a scan of each sentence in turn would give them; the
        abstract is split into sentences only when something is found.
        ``lowered`` is the abstract lower-cased, ``cues`` where its subjects and naming words start.
        """
        ascii_text = abstract.isascii()
        if ascii_text:
            # the case-sensitive pattern over the lower-cased text, tried only where a subject
            # starts ("here we" holds "we"), non-overlapping as finditer would give them
            starts = cues["subject"]  # sorted and distinct, as the scan gives them
            if "here " in lowered:
                here = [i - 5 for i in starts if i >= 5 and lowered.startswith("here ", i - 5)]
                if here:
                    starts = sorted({*starts, *here})
            matches = _matches_at(self._intro_lower, lowered, starts)
        else:
            matches = self.intro.finditer(abstract)
        raw = [(0, m.start(), m.end(), _intro_strength(m)) for m in matches]
        # a second verb of the same subject: "We collect X and train Y"; also after a "we" whose own verb
        # introduces nothing: "We mine sentence pairs from OPUS, and train Tumar, a 600M-parameter model"
        ends = [end for _, _, end, _ in raw]
        hits = {start for _, start, _, _ in raw}
        if cues.get("and_verb"):  # (the scan's cue index knows where "and" + an introducing verb is: few papers)
            ends += [i + 3 for i in cues["subject"] if i not in hits and lowered.startswith("we ", i)]
        for end in ends:
            # (in the rest of the sentence, and at most 200 characters on: text without full stops stays linear)
            hi = abstract.find(". ", end, end + 200)
            hi = min(len(abstract), end + 200) if hi < 0 else hi
            at = abstract.find(" and ", end, hi)
            while at >= 0:
                m = self._and_intro.match(abstract, at + 1)
                if m:
                    raw.append((0, m.start(), m.end(), _intro_strength(m)))
                at = abstract.find(" and ", at + 5, hi)
        if ascii_text:  # where the naming words are, then the pattern there only
            matches = filter(None, (self.naming.match(abstract, i) for i in cues["naming"])) if cues["naming"] else ()
        else:
            matches = self.naming.finditer(abstract)
        # a naming word as written in lower case ("called X", "we call X"), not in a title-cased phrase ("Named Entity")
        raw += [(1, m.start(), m.end(), "naming") for m in matches
                if (abstract[m.start()].islower() or abstract.startswith("We ", m.start()))
                and not abstract.startswith("entit", m.end())]  # "named entity recognition (People Daily)"
        if not raw:
            return [], []
        if len(raw) == 1:  # the common case, as below: one sentence, the hit in it
            _, start, end, how = raw[0]
            lo, hi = _sentence_around(abstract, start)
            return [(lo, abstract[lo:hi])], [(0, start, end, how)]
        # the sentence around each hit, found locally (a full stop, ! or ? before a capital or digit);
        # a hit before the end of the sentence of the hit before it is in that sentence (hits start at letters)
        bounds, hi = [], -1
        for start in sorted(start for _, start, _, _ in raw):
            if start >= hi:
                bounds.append(_sentence_around(abstract, start))
                hi = bounds[-1][1]
        sentences = [(lo, abstract[lo:hi]) for lo, hi in bounds]
        starts = [lo for lo, _ in bounds]
        hits = sorted((bisect_right(starts, start) - 1, order, start, end, how) for order, start, end, how in raw)
        return sentences, [(i, start, end, how) for i, _, start, end, how in hits]

    def introduced(self, paper: Paper, scan: Scan | None = None) -> list[Found]:
        scan = scan or self.scan(paper)
        text, found = scan.text, []
        base = len(paper.title) + 1
        # offsets in the text, made offsets in the abstract
        subjects, naming = scan.cues["subject"], scan.cues["naming"]
        if not (subjects and subjects[-1] >= base) and not (naming and naming[-1] >= base) and text.isascii():
            return found  # no subject nor naming word in the abstract: nothing to trigger on
        cues = {"subject": [i - base for i in subjects if i >= base], "naming": [i - base for i in naming if i >= base],
                "and_verb": [i - base for i in scan.cues["and_verb"] if i >= base]}
        sentences, triggers = self._triggers(paper.abstract, scan.lowered[base:], cues)
        title = _title_head(paper.title) if triggers else None
        title_head = title.group("head").strip() if title else ""
        if _TWO_OR_MORE_NAMES.search(title_head):  # "A and B: ..." heads two names, each found on its own
            title_head = ""
        for i, m_start, m_end, how in triggers:
            offset, sentence = sentences[i]
            m_start, m_end = m_start - offset, m_end - offset
            if how == "naming" and _QUALITY_NOUN_BEFORE.search(sentence, max(0, m_start - 30), m_start):
                continue  # "an ability called Theory-of-Mind (ToM)": what a name calls a quality is no model
            if how != "naming":
                seg = sentence[m_start:m_end].split()
                if len(seg) > 2 and seg[-2].lower() in _ARTICLES:
                    continue  # "we use the open-source Zorro model": an adjective, not an introducing verb
                making = _MAKING_OF.match(sentence, m_end)
                if making:  # "describes the development of X" presents X as new
                    m_end, how = making.end(), "intro"
            for s, e, name, aliases in self._names_at(sentence, m_end, naming=how == "naming"):
                if aliases and self._languages_only(aliases[0]):
                    continue  # "a dataset of American Sign Language (ASL) videos": a language, no new name
                if (aliases and aliases[0].lower().split()[-1] in _METRIC_HEADS) or _UNITS_AFTER.match(sentence, e):
                    continue  # a metric, "False Refusal Rate (FRR)"; a kind of item, "image-caption (IC) pairs"
                if (title_head and title_head.endswith(" " + name) and not aliases
                        and sentence.startswith(title_head, s - len(title_head) + len(name))):
                    # "introduces Natural GaLore" names the title's "Natural GaLore", not only "GaLore"
                    s, name = s - len(title_head) + len(name), title_head
                elif not aliases and (lead := self._lead_start(sentence, m_end, s, how)) is not None:
                    # "introduces Romanian BERT, the first ...": the capitalised words before it are the name's
                    s, name = lead, sentence[lead:e]
                # words between the verb and the name ("we propose a novel dynamic BERT model"): the name may
                # only describe the new one
                described_here = not aliases and bool(sentence[m_end:s].strip())
                described = _DESCRIBED_THEN_NAMED.match(sentence, e) if described_here else None
                kind = described and is_name_shaped(described.group("name")) and self._typed_noun(described.group("noun"))
                if kind:  # "a cross-lingual AMR parser, XL-AMR": the first word says what kind of parser the name is
                    s, e, name = described.start("name"), described.end("name"), described.group("name")
                noun = _MODEL_NOUN_AFTER.match(sentence, e) if described_here else None
                if noun and self.known_type is not None and self.known_type(name) == "Model":
                    # "we propose a novel dynamic BERT model (...)": a known model describes the new one,
                    # named after it: "we present the first Icelandic BERT model, IceKora."
                    named = _NAME_AFTER_NOUN.match(sentence, noun.end())
                    if not named or not (is_name_shaped(named.group("name")) or self._plain_word(named.group("name"))):
                        continue
                    s, e, name = named.start("name"), named.end("name"), named.group("name")
                apposition = _APPOSITION.match(sentence, e)
                # a weak verb's name that a description follows is presented as new: "we train COSMO: a ... model"
                name_how = "intro" if how == "intro-weak" and _DESCRIBED_NEXT.match(sentence, e) else how
                # (a long form the acronym spells, not the words before it: "an LLM based model for X (GED)")
                long_head = aliases[0].lower().split()[-1].split("-")[-1] if aliases and _spells(aliases[0], name) else ""
                # an acronym is typed by its long form's head first: "Open Pre-trained Transformers (OPT)"
                head_noun = _HEAD_NOUN_NEXT.match(sentence, e)  # "the Zeta-Pile-2 dataset", "the Falcon series"
                etype = (self.type_of_name(name) or (aliases and self.type_of_name(aliases[0]))
                         or self.acronym_heads.get(long_head) or kind
                         or (head_noun and self._typed_noun(head_noun.group().strip()))
                         or (apposition and self._description_type(apposition.group(1)))
                         or self.type_near(sentence[max(0, m_start - 60):s])
                         or self.type_near("", sentence[e:]) or "Model")
                # a naming word names the paper's own, but for a known name ("a popular model called BERT")
                own = how.startswith("intro") or not _KNOWN_BEFORE.search(sentence, max(0, m_start - 40), m_start)
                if aliases and (etype == "Model" or not long_head):
                    # a model goes by its acronym, and so does what a long form it does not spell names:
                    # "Retrieval Augmented FineTuning (RAFT)" is RAFT
                    found.append(Found(name, etype, base + offset + s, base + offset + e, own, aliases, name_how))
                elif aliases:
                    long = aliases[0]
                    ls = text.find(long, base + offset)
                    found.append(Found(long, etype, ls, ls + len(long), own, (name,), name_how))
                else:
                    short = _SHORT_FORM.match(sentence, e)  # "we present Sentence-BERT (SBERT)": SBERT is its alias
                    also = (short.group(1),) if short and _abbreviates(short.group(1), name) else ()
                    found.append(Found(name, etype, base + offset + s, base + offset + e, own, also, name_how))
        return found

    def acronyms(self, paper: Paper, scan: Scan | None = None) -> list[Found]:
        text, found = (scan or self.scan(paper)).text, []
        for m in _ACRONYM.finditer(text):
            acro = m.group(1)
            letters = [c for c in acro.rstrip("s").lower() if c.isalpha()]  # ASCII: lower-cased at once
            if not self.acceptable(acro) or len(letters) < 2:
                continue
            window = max(0, m.start() - 120)
            words = _LONG_WORD.findall(text, window, m.start())
            long = _long_form(words, letters)
            capitals = [c.lower() for c in acro if c.isupper()] if not long and not acro.isupper() else ()
            if not long and len(capitals) >= 2 and len(capitals) < len(letters):
                long = _long_form(words, capitals)  # "Bidirectional Zeta Encoder (BiZE)": the capitals spell it
                # a lower-case model or dataset "long form" is a description: "a Swahili QA dataset (SwaQuAD)"
                described = bool(long) and not all(w[:1].isupper() for w in long)
            else:
                described = False
            prefix, _, stem = acro.partition("-")
            if not stem and words and acro != words[-1] and acro.endswith(words[-1]) and words[-1][:1].isupper():
                prefix, stem = acro[:-len(words[-1])], words[-1]  # "Hidden-unit BERT (HuBERT)", unhyphenated
            if not long and stem and words and words[-1] == stem and len(prefix) >= 2:
                # "Label Supervised LLaMA (LS-LLaMA)": the prefix's letters spell the words before the stem
                long = _long_form(words[:-1], [c.lower() for c in prefix if c.isalpha()])
                long = long + [stem] if long else None
            if not long:
                continue
            head = long[-1].lower().split("-")[-1]
            # a known long form keeps its type: "a reward model (RM)" is the technique reward modeling
            known = self.known_type(" ".join(long)) if self.known_type is not None else None
            if known:
                described = False
            etype = known or self.acronym_heads.get(head) or self.acronym_heads.get(long[-1].lower())
            if etype is None and self._stems.within(acro):
                etype = "Model"  # "Label Supervised LLaMA (LS-LLaMA)": a short name built on a model's
            if etype is None or (head in self.not_entities and not known) or (described and etype != "Technique"):
                continue
            start = list(_LONG_WORD.finditer(text, window, m.start()))[len(words) - len(long)].start()
            while start > 1 and text[start - 1] == "-" and text[start - 2].isalnum():  # "Weight-Decomposed ..."
                start = text.rfind(" ", 0, start - 1) + 1
            end = m.start() - 1 if text[m.start() - 1] == " " else m.start()
            phrase = text[start:end]
            if phrase.lower() in self.generic_phrases:
                continue
            # a long form the title holds is the paper's subject: "Label Supervised LLaMA Finetuning"
            own = len(phrase.split()) > 1 and m.start() > len(paper.title) and phrase.lower() in paper.title.lower()
            if etype == "Model":  # a model goes by its short name: "General Language Model (GLM)" is GLM
                found.append(Found(acro, etype, m.start(1), m.end(1), own, (phrase,), "acronym"))
            else:
                # a plural short form names the singular too: "process reward models (PRMs)" ... "our PRM"
                short = (acro, acro[:-1]) if acro.endswith("s") and acro[-2:-1].isupper() else (acro,)
                found.append(Found(phrase, etype, start, end, own, short, "acronym"))
        return found

    def task_short_forms(self, text: str, names: set[str], curated: bool = False) -> set[str]:
        """The names the text gives as the short form of a task or field, no gazetteer name: "Multilingual Neural
        Machine Translation (MNMT)" (see [acronym] tasks); with ``curated``, gazetteer names too, spelled out in
        lower case ("visual question answering (VQA)", not "Massive Multitask Language Understanding (MMLU)")."""
        tasks = set()
        for name in names:
            if not curated and self.known_type is not None and self.known_type(name):
                continue
            long = _spelled_out(text, name)
            if (long and long[-1].lower().split("-")[-1] in self.task_heads
                    and not (curated and long[-1][:1].isupper())):
                tasks.add(name)
        return tasks

    @staticmethod
    def class_short_forms(text: str, names: set[str]) -> set[str]:
        """The names the text gives as the short form of a class of models, spelled out in lower case with a
        plural head: "frozen bidirectional language models (BiLM)", as "large language models (LLMs)" is.

        >>> NameDiscoverer.class_short_forms("We build on bidirectional language models (BiLM). BiLM works.",
        ...                                  {"BiLM"})
        {'BiLM'}
        """
        out = set()
        for name in names:
            long = _spelled_out(text, name)
            if long and long[-1] in _CLASS_HEADS and all(w.islower() for w in long):
                out.add(name)
        return out

    def datasets(self, paper: Paper, scan: Scan | None = None) -> list[Found]:
        """Names a dataset word types: "the Foo dataset", "datasets such as Foo, Bar-2 and Baz QA",
        "the A, B and C datasets".

        A name is one to three words, each capitalised or name-shaped, not
        at the start of a sentence unless name-shaped, and no language name.
        The dataset words are found first; only the text around them is read.
        """
        scan = scan or self.scan(paper)
        text, found = scan.text, []
        if text.isascii():  # where the nouns are, then the pattern there only
            matches = _matches_at(self._dataset_noun, text, scan.cues["dataset"])
        else:
            matches = self._dataset_noun.finditer(text)
        for m in matches:
            names: list[tuple[int, str]] = []
            if m.start() > 1 and text[m.start() - 1] == " ":
                items = _names_before(text, m.start() - 1)
                if len(items) < 2 and m.group().endswith(("s", "ora")) and not m.group().endswith("us"):  # not "corpus"
                    items = []  # "ABSA datasets", "Twitter corpora": a task or a source, not a name
                elif (len(items) == 1 and items[0][1].isupper()
                      and _INDEFINITE_DESCRIPTION.search(text, max(0, items[0][0] - 80), items[0][0])):
                    items = []  # "a large-scale in-domain VLN dataset": a kind of data, no name (but "a newly
                    # introduced RemoteCount benchmark")
                # else "the Foo dataset", or a list: "the A, B and C datasets" ("... and C benchmark" too)
                names += [(start, self._strip_stop(name)) for start, name in items]
            lo = max(0, m.start() - 60)  # the pattern holds a comma: looked for first
            apposed = (m.group() in ("dataset", "corpus", "benchmark", "collection", "treebank")
                       and text.find(",", lo, m.start()) >= 0 and _APPOSED_TO_DATASET.search(text, lo, m.start()))
            if apposed and is_name_shaped(apposed.group("name")):
                names.append((apposed.start("name"), apposed.group("name")))  # "on ZetaInstruct, a dataset of ..."
            # "a large dataset USPTO-3M at ...", "a 300B-token corpus, KoraWeb."
            comma = text.startswith(", ", m.end()) and _INDEFINITE_BEFORE.search(text, max(0, m.start() - 40), m.start())
            if (text[m.end() + 1 + bool(comma):m.end() + 2 + bool(comma)].isupper()
                    and m.group() in ("dataset", "corpus", "benchmark", "treebank")):
                after = _NAME_AFTER_DATASET.match(text, m.end() + bool(comma))
                if after:  # a name before the noun then says what kind of data the name after it is: "the
                    # fine-grained VLN benchmark R2R", "the 3D dataset Objaverse"
                    names = []
                if after and is_name_shaped(after.group("name")):
                    names.append((after.start("name"), after.group("name")))  # "a large dataset USPTO-3M at ..."
            elif text[m.end() + 1:m.end() + 2].isupper() and m.group() in ("datasets", "benchmarks", "corpora"):
                # "the VLN benchmarks REVERIE and SOON": a list of names right after the plural noun
                items = _listed_names(text, m.end() + 1, 6)
                if len(items) > 1 and all(is_name_shaped(name) for _, name in items):
                    names = items
            tail = self._after_dataset.match(text, m.end())
            listed = _listed_names(text, tail.end()) if tail else []
            if tail and (between := tail.group("between")):
                # words between the noun and the colon ("benchmarks for code models: ..."): names only, no
                # capitalised words ("benchmarks in three domains: Medicine, Law and Finance") nor what the words
                # say are labels ("a dataset annotated with three labels: CLEAN, OFFENSIVE and HATE")
                listed = [] if _LABEL_NOUNS.search(between) else [
                    (s, name) for s, name in listed if any(map(is_name_shaped, name.split()))]
            # "we created three new benchmark datasets namely, A (...), B and C": the paper's own
            new = bool(listed) and bool(_NEW_BEFORE.search(text, max(0, m.start() - 50), m.start()))
            for start, name in names + listed:
                if name:
                    start = text.index(name, start)
                    if self._dataset_name(text, start, name):
                        # "our BLURB benchmark": the paper's own
                        ours = len(names) == 1 and (start, name) in names and text.endswith("our ", 0, start)
                        found.append(Found(name, "Dataset", start, start + len(name),
                                           ours or (new and (start, name) in listed), how="described" if ours else "dataset"))
        return found

    def headed(self, paper: Paper, scan: Scan | None = None) -> list[Found]:
        """Names headed by a capitalised dataset noun after "the" in the abstract: "we train on the Czech National
        Corpus", "GPT-4 passes the Uniform Bar Examination" (a title capitalises every word, so it is not read).

        >>> d = NameDiscoverer()
        >>> [f.name for f in d.headed(Paper("t:1", "A Corpus Study", "We train on the Czech National Corpus and "
        ...                                  "the Open PL LLM Leaderboard (OPLL). The Benchmark is hard; the Large Dataset too."))]
        ['Czech National Corpus']
        """
        text = (scan or self.scan(paper)).text
        start = len(paper.title)
        found = []
        for m in _HEADED_DATASET.finditer(text, start):
            if text.startswith(" (", m.end("name")):
                continue  # the long form of an acronym, which names it: "the Massive ... Benchmark (MMTEB)"
            name = m.group("name")
            words = name.split()
            # a name of its own, not a capitalised description ("the Large Dataset"): a language, a name-shaped
            # word or a number, or a word the text does not write in lower case elsewhere ("the Uniform Bar Examination")
            if not any(w in self.languages or is_name_shaped(w) or w[0].isdigit()
                       or (w not in _DESCRIBING_CAPITALS and f" {w.lower()} " not in text) for w in words[:-1]):
                continue
            if self.acceptable(name):
                new = bool(_NEW_BEFORE.search(text, max(0, m.start() - 50), m.start()))
                found.append(Found(name, "Dataset", m.start("name"), m.end("name"), new, how="dataset"))
        return found

    def listed(self, paper: Paper, scan: Scan | None = None) -> list[Found]:
        """Name-shaped names listed after a plural head noun: "methods such as PEFT and GaLore" -> Technique."""
        scan = scan or self.scan(paper)
        text, lowered, found = scan.text, scan.lowered, []
        # the connector first (rarer than the nouns), spaced as written, then the word before it
        starts = [i for i in scan.cues["connector"] if i and lowered.startswith(_CONNECTORS_SPACED, i - 1)]
        for m in filter(None, (_LIST_CONNECTOR.match(lowered, i) for i in starts)):
            before = lowered[max(0, m.start() - 16):m.start()].rstrip(" ,").rsplit(None, 1)
            etype = self._listed_type.get(before[-1]) if before else None
            if etype is None:
                continue
            for start, name in _listed_names(text, m.end()):
                if (self._listed_name(text, start, name) and self.acceptable(name) and name not in self.languages
                        and not any(w.lower() in self.title_stop or w in self.generic for w in name.split())):
                    found.append(Found(name, self.type_of_name(name) or etype, start, start + len(name), False,
                                       how="listed"))
        return found

    def mates(self, paper: Paper, scan: Scan | None = None) -> list[Found]:
        """A new name listed with known names of one type is of that type: "XSum, CNN/DailyMail and ZetaSum".

        Read from each gazetteer match (the scan's first layer) a list
        follows; two or more known items of one type, and none of another,
        type the name-shaped items no gazetteer knows.
        """
        scan = scan or self.scan(paper)
        text, found, seen = scan.text, [], set()
        for start, end, entity in (scan.layers[0] if scan.layers else ()):
            sep = _ITEM_SEP.match(text, end) if start not in seen and entity.type in ("Model", "Dataset") else None
            if sep is None:
                continue
            items = [(start, text[start:end])] + _listed_names(text, sep.end())
            seen.update(s for s, _ in items)
            types = [entity.type] + [self.known_type(name) if self.known_type else None for _, name in items[1:]]
            known = {t for t in types if t is not None}
            if known != {entity.type} or sum(t is not None for t in types) < 2:
                continue
            for (s, name), etype in zip(items, types):
                if (etype is None and is_name_shaped(name) and " " not in name and "/" not in name and self.acceptable(name)
                        and name not in self.languages):
                    found.append(Found(name, entity.type, s, s + len(name), False, how="listed"))
        return found

    def trained_on(self, paper: Paper, scan: Scan | None = None) -> list[Found]:
        """A mixed-case name right after "trained / evaluated / fine-tuned on" is a dataset: "we train on ZetaInstruct".

        All-capital names are left out: after "evaluated on" they are mostly tasks (NER, QA).
        """
        scan = scan or self.scan(paper)
        text, lowered, found = scan.text, scan.lowered, []
        at = lowered.find(" on ")
        while at >= 0:  # each " on " (a few an abstract): the verb before it, the name after it
            m = _ON_NAME.match(text, at + 4)
            verb = m is not None and self._on_verb(text, at)
            at = lowered.find(" on ", at + 4)
            if not verb:
                continue
            name = m.group("name").rstrip(".")
            items = [(m.start("name"), name)]
            after = m.start("name") + len(name)
            aside = _ASIDE.match(text, after)  # "KoraReason (+5.2), ZetaMath ..."
            sep = _ITEM_SEP.match(text, aside.end() if aside else after)
            if sep:  # and the names listed after it: "trained on C4 and SlimZeta"
                items += [(start, name) for start, name in _listed_names(text, sep.end(), 6) if " " not in name]
            found += [Found(name, "Dataset", start, start + len(name), False, how="dataset")
                      for start, name in items if self._new_dataset_name(name)]
        return found

    def parts(self, paper: Paper, scan: Scan | None = None) -> list[Found]:
        """Name-shaped names of a dataset's part: "the ZetaNLI test set", "the KoraSum validation split",
        "the test split of KoraQA-2", "GLUE tasks (KoraNLI, KoraSST and KoraQQP)"."""
        scan = scan or self.scan(paper)
        text, found = scan.text, []
        for i in scan.cues.get("part", ()):
            m = _PART_AT.match(text, i)
            if not m:
                continue
            names: list[tuple[int, str]] = []
            lead = _word_before_part(text, i)
            if lead:
                names.append(lead)  # "the ZetaNLI test set"
            of = _OF_NAME.match(text, m.end()) if text.startswith(" of ", m.end()) and m.group("noun") != "set" else None
            if of:
                names.append((of.start("name"), of.group("name")))  # "the test split of KoraQA-2"
            found += self._part_names(names)
        # "GLUE tasks (MNLI, QQP)": the tasks listed after a known dataset's name
        for _, end, entity in (scan.layers[0] if scan.layers and " tasks (" in text else ()):
            if entity.type == "Dataset" and text.startswith(" tasks (", end):
                found += self._part_names(_listed_names(text, end + 8, 8))
        return found

    def _part_names(self, names: list[tuple[int, str]]) -> list[Found]:
        """The name-shaped names of ``names`` no gazetteer knows, as datasets."""
        found = []
        for start, name in names:
            name = name.rstrip(".")
            if self._new_dataset_name(name):
                found.append(Found(name, "Dataset", start, start + len(name), False, how="dataset"))
        return found

    def _new_dataset_name(self, name: str) -> bool:
        """A one-word, mixed-case, name-shaped name no gazetteer knows: "ZetaNLI", not "NER" nor "LM-generated"."""
        return (" " not in name and is_name_shaped(name) and not name.isupper() and self.acceptable(name)
                and name not in self.languages and not _DESCRIBING_END.search(name.lower())
                and not (name[-1] == "s" and name[:-1].isupper())  # "CWEs": a plural, a class of things
                and (self.known_type is None or self.known_type(name) is None))

    def ours(self, paper: Paper, scan: Scan | None = None) -> list[Found]:
        """A name set beside "our" and a model or dataset noun is the paper's own: "Our model, ZetaLM, is ...",
        "ZetaLM, our new model, ...", "our best model ZetaLM-Chat outperforms ..."."""
        scan = scan or self.scan(paper)
        text, found = scan.text, []
        for i in scan.cues.get("our", ()):
            # the name after a comma or bracket, or before ", our": looked for only where one is near
            after = _OUR_NOUN_NAME.match(text, i) if (text.find(", ", i, i + 50) >= 0
                                                      or text.find(" (", i, i + 50) >= 0) else None
            if after is None:
                after = _OUR_NOUN_THEN_NAME.match(text, i)
                if after and (not is_name_shaped(after.group("name")) or _LOWER_TAIL.search(after.group("name"))):
                    after = None  # not "our model BERT-based classifier"
            if after:
                noun = after.group("noun")
                names = [(after.start("name"), after.group("name"))]
                if noun.endswith("s"):  # "Our models, ZetaCoder and ZetaGeeX, ..."
                    names += _and_name(text, after.end("name"))
            else:
                before = _NAME_OUR.search(text, max(0, i - 60), i + 4) if text.endswith(", ", 0, i) else None
                if not before:
                    found += self._our_long_form(text, i)
                    continue
                noun_m = _OUR_NOUN.match(text, i)
                if not noun_m:
                    continue
                noun, names = noun_m.group("noun"), [(before.start("name"), before.group("name"))]
            for start, name in names:
                name = name.rstrip(".")
                while "-" in name and name.rsplit("-", 1)[1].islower() and name.rsplit("-", 1)[1] not in self.name_markers:
                    name = name.rsplit("-", 1)[0]  # "AraGPT2-mega" is AraGPT2 (a size word, as the tokens read it)
                lead = text[max(0, start - 2):start].strip()
                if (not (is_name_shaped(name) or (self._plain_word(name) and lead and lead not in ".!?:"))
                        or not self.acceptable(name) or name in self.languages):
                    continue  # not "Moreover, our model ..."
                etype = self.type_of_name(name) or self._typed_noun(noun.lower()) or "Model"
                if etype in ("Model", "Dataset"):
                    found.append(Found(name, etype, start, start + len(name), True, how="described"))
        return found

    def _our_long_form(self, text: str, i: int) -> list[Found]:
        """An acronym after "our" and its capitalised long form: "our Retrieval-Enhanced Transformer (RETRO)
        obtains ...", the paper's own, typed by the long form's last word."""
        m = _OUR_LONG_FORM.match(text, i)
        if not m or not self.acceptable(m.group("name")) or m.group("name") in self.languages:
            return []
        long = m.group("long")
        etype = self._typed_noun(long.rsplit(" ", 1)[-1].lower()) or "Model"
        if etype not in ("Model", "Dataset"):
            return []
        return [Found(m.group("name"), etype, m.start("name"), m.end("name"), True, (long,), how="described")]

    def results(self, paper: Paper, scan: Scan | None = None) -> list[Found]:
        """The name of what a step of the paper's work yields is its own: "we continue pretraining Code Llama
        on ..., yielding Llemma", "replace BERT with ALBERT to create Sentence-ALBERT", "the resulting model,
        ZetaLM-Chat, ..." (a name-shaped word, or a plain one a comma or bracket closes); also a name set
        before what says so: "X, a dataset of 25k questions that we introduce", "X, the model that our
        method produces".

        >>> d = NameDiscoverer()
        >>> p = Paper("t:x", "Efficient Models", "We quantize Kora-13B to 4 bits to obtain Zorro, a small model.")
        >>> [(f.name, f.type, f.introduced) for f in d.results(p)]
        [('Zorro', 'Model', True)]
        """
        scan = scan or self.scan(paper)
        text, found = scan.text, []
        for i in scan.cues.get("result", ()):
            if text.endswith(("used ", "use ", "uses "), 0, i):
                continue  # "the technology used to create Gemini models": what others made
            if text.startswith(("that we ", "which we ", "the model ", "our model "), i):
                found += self._named_before(text, i)
            elif not text.startswith("into ", i) or _INTO_LEAD.search(text, max(0, i - 80), i):
                found += self._result_names(text, i)
        return found

    def _named_before(self, text: str, i: int) -> list[Found]:
        """The name set before "that we introduce ..." or "the model that ..." at ``i``, as the paper's own."""
        if text.startswith(("that we ", "which we "), i):
            before = _NAME_DESCRIBED.search(text, max(0, i - 140), i) if _WE_INTRODUCE.match(text, i) else None
        else:
            before = _MODEL_THAT.search(text, max(0, i - 60), i)
        name = before.group("name") if before else ""
        if not before or not is_name_shaped(name) or not self.acceptable(name) or name in self.languages:
            return []
        if before.re is _MODEL_THAT:
            etype = "Model"
        else:
            etype = self.type_of_name(name) or self._description_type(text[before.end("name") + 2:i]) or "Model"
        if etype not in ("Model", "Dataset"):
            return []
        return [Found(name, etype, before.start("name"), before.end("name"), True, how="result")]

    def _result_names(self, text: str, i: int) -> list[Found]:
        """The name (or two, "A and B") after the result words at ``i``, as the paper's own."""
        m = _RESULT_NAME.match(text, i)
        if not m:
            return []
        name, start = m.group("name").rstrip("."), m.start("name")
        # a comma, a bracket, a dash or the sentence end closes a plain word: "to obtain Kantu."
        closed = (text.startswith((",", " (", " -", ". "), m.end()) or text.endswith(".", m.end())
                  or m.end() == len(text))
        if (not (is_name_shaped(name) or (closed and self._plain_word(name))) or not self.acceptable(name)
                or name in self.languages or name in self.generic or _NUMBER_FORMAT.fullmatch(name)):
            return []
        if m.group("version") and (self._plain_word(name) or not name.isascii()):
            name += m.group("version")  # "resulting in Tulu 2"
        names = [(start, name), *_and_name(text, m.end())]  # "name the resulting checkpoints Zorro-50 and Zorro-70"
        apposition = _APPOSITION.match(text, start + len(name))
        etype = self.type_of_name(name) or (apposition and self._description_type(apposition.group(1))) or "Model"
        if etype not in ("Model", "Dataset"):
            return []
        return [Found(n, etype, at, at + len(n), True, how="result") for at, n in names]

    @staticmethod
    def _on_verb(text: str, at: int) -> bool:
        """Does a training or evaluating verb (and its object at most) end the text at ``at`` (before " on ")?

        "trained on", "fine-tune ZetaLM on", "evaluate our model on", "fine-tune A and B on", "results on":
        the last words before " on " are read, none is searched for.
        """
        start = text.rfind(" ", 0, at) + 1
        last = text[start:at]
        if last.islower() and last not in ("it", "them"):
            # a verb or a noun right before " on " ("trained on", "results on"), or "the / our X on"
            before = text[text.rfind(" ", 0, start - 1) + 1:start - 1] if start > 1 else ""
            if before.lower() not in _ARTICLES:
                return bool(_ON_VERB_WORD.fullmatch(last))
        words = text[max(0, at - 80):at].split()[-5:]
        if not words:
            return False
        if _ON_VERB_WORD.fullmatch(words[-1]):
            return True
        if len(words) < 3:
            return len(words) == 2 and _on_object(words[-1]) and bool(_ON_VERB_WORD.fullmatch(words[-2]))
        if _on_object(words[-1]):
            if _ON_VERB_WORD.fullmatch(words[-2]):
                return True  # "fine-tune ZetaLM on", "evaluate it on"
            if words[-2] == "and" and len(words) >= 4 and _on_object(words[-3].rstrip(",")):
                return bool(_ON_VERB_WORD.fullmatch(words[-4]))  # "fine-tune A and B on"
            return False
        return words[-2].lower() in ("our", "the", "a", "an") and bool(_ON_VERB_WORD.fullmatch(words[-3]))

    def variants(self, paper: Paper, scan: Scan | None = None) -> list[Found]:
        """A known model's name and a lower-case variant marker is a model of its own: "Jais-chat", "Falcon-instruct".

        Only plain names (a capitalised word the gazetteer knows as a model): a name-shaped
        one ("KoraLM-coder") is a name-shaped token, found with its marker by the pipeline.
        """
        scan = scan or self.scan(paper)
        text, found = scan.text, []
        if self.known_type is None:
            return found
        for m in self._variant_hyphen.finditer(text):
            i = m.start() + 1
            if i < 3:
                continue
            start = i - 1
            while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-."):
                start -= 1
            base = text[start:i - 1]
            if (base[:1].isupper() and not is_name_shaped(base) and self.acceptable(base)
                    and self.known_type(base) == "Model"):
                found.append(Found(text[start:m.end()], "Model", start, m.end(), False, how="variant"))
        return found

    @staticmethod
    def _listed_name(text: str, start: int, name: str) -> bool:
        """Could a listed item be a name: its first word name-shaped, or capitalised ("such as Zorro") with
        no lower-case word after the item ("Supervised probing" is no name "Supervised")."""
        word = name.split()[0]
        return is_name_shaped(word) or (len(word) > 2 and word[0].isupper() and word[1:].isalpha()
                                        and not _LOWER_WORD_NEXT.match(text, start + len(name)))

    def _strip_stop(self, name: str) -> str:
        words = name.split()
        while words and (words[0].lower() in self.stop or words[0].lower() in self.title_stop or words[0] in self.generic):
            words.pop(0)
        return " ".join(words)

    def _dataset_name(self, text: str, start: int, name: str) -> bool:
        if (not self.acceptable(name) or name in self.languages or name.split()[-1].lower() in self.dataset_words
                or name.split()[0] in _NUMBERED_NOUNS  # "our dataset (Section 3)"
                or "'s " in name or name.endswith("'s")  # "Alpaca's 52k data": the data of a model
                or name.split()[-1].lower() in self.not_entities
                or _QUANTITY.fullmatch(name) or text.startswith(" et al", start + len(name))
                or _DESCRIBING_END.search(name)):  # "a purely LM-generated corpus"
            return False
        first = name.split()[0]
        before = text[:start].rstrip()
        head = before[:-1].split()[-1:] if before.endswith(":") else []
        # a capital after a colon opens a clause (or a title's subtitle: "The X dataset: Word prediction"), but not
        # after a plural dataset noun: "three benchmarks: Zorbo, ..."
        plural = head and head[0].lower() in self.dataset_words and head[0].lower().endswith(("s", "corpora"))
        sentence_start = not before or before[-1] in ".!?\n" or (before[-1] == ":" and not plural)
        return is_name_shaped(first) or not sentence_start or len(name.split()) > 1

    def methods(self, paper: Paper, scan: Scan | None = None) -> list[Found]:
        """A new technique named by its head noun: "a novel global-local attention mechanism".

        Two or three words before a method noun after "novel / new / proposed";
        the last must be a technique head ("attention", "distillation",
        "training", ...) and none a generic word.
        """
        scan = scan or self.scan(paper)
        text, found = scan.text, []
        if text.isascii():  # the pattern only where a novelty word is, case-sensitive over the lower-cased text
            matches = _matches_at(self._method_lower, scan.lowered, scan.cues["novelty"])
        else:
            matches = self._method.finditer(text)
        for m in matches:
            if not _ARTICLE_BEFORE.search(text[max(0, m.start() - 5):m.start()]):
                continue
            spans = [w.span() for w in _NON_SPACE.finditer(text, m.start("name"), m.end("name"))]
            while spans and text[spans[0][0]:spans[0][1]].lower() in self.stop:
                spans.pop(0)
            words = [text[s:e] for s, e in spans]
            name = " ".join(words)
            head = words[-1].lower().split("-")[-1] if words else ""
            if (len(words) < 2 or self.acronym_heads.get(head) != "Technique" or head in self.variant_heads
                    or name.lower() in self.generic_phrases or any(w.lower() in self.generic_phrases for w in words[:-1])
                    or any(w.lower() in _FUNCTION_WORDS for w in words)):
                continue
            found.append(Found(name, "Technique", spans[0][0], spans[-1][1], True, how="method"))
        return found

    def bare_methods(self, paper: Paper, scan: Scan | None = None) -> list[Found]:
        """A bare lower-case phrase the paper's "we" introduces: "we propose meta-buffer to store ...", or one set
        after the method noun it introduces: "we propose a novel prompting strategy, least-to-most prompting."

        One to four words with no article, number or capital right after the verb (or the noun's comma), ending
        where a clause or an apposition starts; none may be a stop word, an adverb or one of [method]
        bare_not_words, and a phrase of several words must not start with a verb ("we propose training verifiers"),
        nor a phrase after the comma ("a new method, demonstrating ..."). A technique, the paper's own, even where
        the gazetteer knows it ("we propose batch prompting, a simple ...").
        """
        scan = scan or self.scan(paper)
        found, base, text = [], len(paper.title) + 1, scan.text
        # where "we" starts a word of the abstract, as the scan found its subjects
        bare = [m for i in scan.cues["subject"] if i >= base and scan.lowered.startswith("we ", i)
                and not text[i - 1].isalnum() and (m := _BARE_METHOD.match(text, i))]
        apposed = [m for at in _find_all(text, ", ", 0) if at >= base and text.endswith(_APPOSED_NOUNS, base, at)
                   and (m := _APPOSED_NAME.match(text, at + 2)) and _APPOSED_LEAD.search(text, max(base, at - 80), at)]
        for m in sorted(bare + apposed, key=lambda m: m.start("name")):
            words = m.group("name").split()
            if (any(w in self.stop or w in self.bare_not_words or w.endswith("ly") for w in words)
                    or words[0].endswith("ing") and (len(words) > 1 or m.re is _APPOSED_NAME)
                    or m.group("name") in self.generic_phrases):
                continue
            found.append(Found(m.group("name"), "Technique", m.start("name"), m.end("name"), True, how="bare"))
        return found

    def title_techniques(self, paper: Paper, scan: Scan | None = None) -> list[Found]:
        """A technique the title names and the abstract repeats: "... BERT with Disentangled Attention".

        Two or three capitalised content words ending in a technique head of
        [method] title_heads; the mention is the abstract's spelling.
        """
        found, lowered = [], None
        if not self._title_head_word.search(paper.title):
            return found  # a phrase's last word, "[A-Z][a-z-]+", is a head only as written capitalised
        for m in _TITLE_PHRASE.finditer(paper.title):
            words = m.group().split()
            if (words[-1].lower() not in self.title_heads
                    or any(w.lower() in self.stop or w.lower() in self.title_stop or w.lower() in _FUNCTION_WORDS
                           for w in words)):
                continue
            if lowered is None:  # lower-cased only for a title phrase worth looking for
                lowered = paper.abstract.lower()
            at = lowered.find(m.group().lower())
            if at < 0:
                continue
            start = len(paper.title) + 1 + at
            name = (scan or self.scan(paper)).text[start:start + len(m.group())]
            if name.lower() not in self.generic_phrases:
                found.append(Found(name, "Technique", start, start + len(name), True, how="title-technique"))
        return found

    def described(self, paper: Paper, scan: Scan | None = None) -> list[Found]:
        """A name set beside a description of what it is, typed and flagged by it.

        - apposition after the name: "GreekSUM, a newly introduced summarization dataset";
        - apposition before it: "a new sentiment benchmark, SKSent";
        - between dashes after it: "a Polish BERT-based language model -- HerBERT -- is trained";
        - a language and a known model before "model": "a new Finnish BERT model".

        The description's head noun gives the type (only a dataset or a model
        word counts); "new", "novel", "our" in it make the name introduced.
        """
        scan = scan or self.scan(paper)
        text, lowered, found = scan.text, scan.lowered, []
        for i in scan.cues["novelty"]:  # only where "new", "newly" or "novel" is, after an article
            if lowered.startswith("proposed", i) or not lowered.endswith(("a ", "an ", "our "), max(0, i - 4), i):
                continue
            article = _ARTICLE_END.search(lowered, max(0, i - 6), i)
            if not article:
                continue
            before = _NAME_BEFORE.search(text, max(0, article.start() - 60), article.start())
            desc = _NOVEL_DESCRIPTION.match(text, i) if before else None
            if desc and (before.group().endswith(", ") or self.known_type is None
                         or self.known_type(before.group("name")) is None):
                # "GreekSUM, a newly introduced summarization dataset", "Kestrel is a new model" (not a known
                # name: "GPT-4 is a new model" speaks of another's)
                self._described(found, text, before.group("name"), before.start("name"), desc.group())
            after = _DESCRIPTION_THEN_NAME.match(text, i)
            if after:  # "a new sentiment benchmark, SKSent,"
                self._described(found, text, after.group("name"), after.start("name"), after.group("desc"), before=True)
            model = _LANGUAGE_MODEL.match(text, i) if self.known_type is not None else None
            if model:  # "a new Finnish BERT model"
                language, known = model.group("name").split(" ", 1)
                if language in self.languages and self.known_type(known) == "Model":
                    found.append(Found(model.group("name"), "Model", model.start("name"), model.end("name"), True,
                                       how="language-model"))
        if " -- " in text or " \u2013 " in text or " \u2014 " in text:
            for m in _DASHED.finditer(text):  # the name between the dashes first, then the description before
                desc = _DESCRIPTION_BEFORE_DASH.search(text, max(0, m.start() - 70), m.start())
                if desc:
                    self._described(found, text, m.group("name"), m.start("name"), desc.group("desc"), before=True,
                                    own=True)
        return found

    def _described(self, found: list[Found], text: str, name: str, start: int, description: str,
                   before: bool = False, own: bool = False) -> None:
        name = name.rstrip(".")
        words = name.split()
        if (not self.acceptable(name) or name in self.languages or words[0].lower() in self.title_stop
                or any(w.lower() in self.stop or w in self.generic for w in words)):
            return
        if not is_name_shaped(words[0]):  # a plain capitalised word only as a name of two, or within a sentence
            before_name = text[max(0, start - 80):start].rstrip(" ")
            # ... or as the sentence's subject: "Kestrel is a new model", "Kestrel, a new benchmark, is"
            at_start = (not before_name or before_name[-1] in ".!?:\n") and (
                len(words) > 1 or _SENTENCE_ADVERB.fullmatch(name) or not self._plain_word(name))
            # ... or set off by commas after its description: "a novel framework, Kora, which ..."
            if ((before and not (len(words) == 1 and self._plain_word(name) and text.startswith(",", start + len(name))))
                    or (len(words) == 1 and at_start) or not all(w[:1].isupper() for w in words)):
                return
        etype = self.type_of_name(name) or self.head_type(_NOVELTY_LEAD.sub("", description))
        if etype not in ("Dataset", "Model", "Technique"):
            return
        new = own or any(w in _NEW_WORDS for w in description.lower().split())
        if etype != "Dataset" and not new:
            return  # "BERT, a language model ...", "LoRA, a popular method ..." describe, they do not name
        found.append(Found(name, etype, start, start + len(name), new, how="described"))

    def components(self, paper: Paper, scan: Scan | None = None) -> list[Found]:
        """A named part of the paper's method: "BiBERT introduces an efficient Bi-Attention structure".

        Before a component noun ([method] component_nouns), after an article
        and up to three lower-case words: one name-shaped word or two to three
        capitalised ones. The sentence must introduce something (an
        introducing verb after "we" / "our" / "this paper" or the title's name).
        """
        scan = scan or self.scan(paper)
        text, lowered, found = scan.text, scan.lowered, []
        head = _title_head(paper.title)
        own_name = head.group("head").strip().lower() if head else None
        for i in scan.cues["component"]:
            if i < 3 or lowered[i - 1] != " ":
                continue
            # the word before the noun must be a name's (capitalised) or an acronym's bracket, before any pattern
            word_start = text.rfind(" ", 0, i - 1) + 1
            if not (text[word_start:word_start + 1].isupper() or text[i - 2] == ")"):
                continue
            m = _COMPONENT_BEFORE.search(text, max(0, i - 90), i)
            if not m:
                continue
            name = m.group("name")
            words = name.split()
            if (not (len(words) == 1 and is_name_shaped(name) and not name.isupper() or len(words) > 1)
                    or not self.acceptable(name)):  # "the sparse MHA module": an acronym of a known part
                continue
            if (any(w.lower() in self.stop or w.lower() in _FUNCTION_WORDS or w in self.languages
                    or w in self.generic for w in words)
                    or (self.known_type is not None and self.known_type(name) in ("Model", "Dataset"))
                    or name.lower().endswith(tuple("-" + w for w in self.generic_modifiers))):
                continue
            lo, _ = _sentence_around(text, m.start())
            before = lowered[lo:m.start()]
            if not (self._introducing.search(before) and (_SELF.search(before) or (own_name and own_name in before))):
                continue
            found.append(Found(name, "Technique", m.start("name"), m.end("name"), True, how="component"))
        return found

    def __call__(self, paper: Paper, scan: Scan | None = None) -> list[Found]:
        """Every name found in ``paper``; ``scan`` is its text as read by a phrase matcher with :attr:`cue_words`."""
        scan = scan or self.scan(paper)  # one reading of the text for every pattern
        text, cues = scan.text, scan.cues
        # a pattern read only where its cue words are (in ASCII text) is not called without them
        plain = not text.isascii()
        found = self.title(paper)
        found += self.introduced(paper, scan)
        if "(" in text:
            found += self.acronyms(paper, scan)
        if plain or cues["dataset"]:
            found += self.datasets(paper, scan)
        if any(word in text for word in _DATASET_HEAD_WORDS):
            found += self.headed(paper, scan)
        if plain or cues["novelty"]:
            found += self.methods(paper, scan)
        found += self.title_techniques(paper, scan)
        found += self.bare_methods(paper, scan)
        if cues["connector"]:
            found += self.listed(paper, scan)
        found += self.described(paper, scan)
        if cues["component"]:
            found += self.components(paper, scan)
        if scan.layers and scan.layers[0]:
            found += self.mates(paper, scan)
        found += self.trained_on(paper, scan)
        found += self.variants(paper, scan)
        if cues.get("our"):
            found += self.ours(paper, scan)
        if cues.get("result"):
            found += self.results(paper, scan)
        if cues.get("part") or " tasks (" in text:
            found += self.parts(paper, scan)
        if found:
            # (not a name the paper presents as its title's head or after an introducing verb: "Mixout: ...", "We
            # contribute Bridge, a method ..."; a naming word's list may have split a long name: "named Natural
            # Language Planning and Action (Natala)" names no "Action")
            found = [f for f in found if f.how in _PRESENTING or not _ordinary_word(f.name, text)]
            # (nor two names joined, one of them known: "tasks such as the Pronoun Disambiguation Problem and
            # Winograd Schema Challenge")
            if self.known_type is not None and any(" and " in f.name for f in found):
                found = [f for f in found if " and " not in f.name
                         or not any(self.known_type(part) for part in f.name.split(" and "))]
        # one name, one type in a paper: the first finding's (the title's, when it names it), but a name of
        # the paper's own that the abstract says is trained is a model whatever its shape or description
        # ("HerbaQA ... we train HerbaQA, an encoder-only reader, on it")
        # ... and a framework whose model has a name of its own is a method ("ToolLLM, a general tool-use
        # framework ... to obtain ToolLLaMA"), not one whose models carry its name with a size ("TinyAgent-1.1B")
        # ... though a title's guessed type comes after a description's: "MultiHiertt: Numerical Reasoning over ..."
        # is the "new large-scale benchmark, MultiHiertt" of the abstract
        # a new short form of a known technique or dataset is that name wherever else a pattern finds it: "we
        # train a reward model (RM)" names no model RM; a paper that presents the short form presents the known
        # name as its own ("we propose generalized preference optimization (GPO)")
        short = {alias for f in found if f.how == "acronym" and f.type != "Model"
                 and self.known_type is not None and self.known_type(f.name)
                 for alias in f.aliases if not self.known_type(alias)}
        if short:
            presented = {f.name for f in found if f.name in short and f.introduced and f.how != "intro-weak"}
            found = [f for f in found if f.how == "acronym" or f.name not in short]
            found = [replace(f, introduced=True, how="presented")
                     if f.how == "acronym" and presented.intersection(f.aliases) else f for f in found]
        if "(" in text:  # a short form the text spells out as a task names none: "MNMT models"
            tasks = self.task_short_forms(text, {f.name for f in found if f.how != "title"})
            if tasks:
                found = [f for f in found if f.name not in tasks or f.how == "title"]
        described = {f.name for f in found if f.how in _DESCRIPTION_HOWS}
        own = {f.name for f in found if f.introduced and f.type == "Model"}
        types: dict[str, str] = {}
        for f in sorted(found, key=lambda f: f.guessed and f.name in described):
            if f.name not in types:
                if f.type != "Model" and f.introduced and self._is_trained(f.name, paper.abstract):
                    types[f.name] = "Model"
                elif (f.type == "Model" and f.introduced
                      and ((not self._stems.within(f.name) and self.type_of_name(f.name) != "Dataset"
                            and self._used_as_method(f.name, paper.text))
                           or (len(own) > 1 and self._framework(f.name, paper.text) and not self._sized(f.name, own)))
                      and not self._is_trained(f.name, paper.abstract)):
                    types[f.name] = "Technique"
                else:
                    types[f.name] = f.type
        return [f if f.type == types[f.name] else replace(f, type=types[f.name]) for f in found]


#: words that begin a noun phrase: one right after the first word makes that word a verb
_DETERMINERS = frozenset({"a", "an", "the", "your", "our", "its", "their", "my", "this", "these", "those", "every"})
#: "newly introduced", "new": what precedes the head noun phrase of a description
_NOVELTY_LEAD = re.compile(r"^(?:(?:new|newly|novel|first)\s+)+(?:\w+ed\s+)?", re.I)
#: the last word of a metric's long form: "False Refusal Rate (FRR)"
_METRIC_HEADS = frozenset({"rate", "rates", "ratio", "error", "accuracy"})
#: after a short form, the items it is a kind of: "image-caption (IC) pairs"
_UNITS_AFTER = re.compile(r"\)? (?:pairs|triples|triplets|samples|examples|instances|annotations|labels|sentences"
                          r"|utterances|snippets|items)\b")
#: a noun for a quality or a phenomenon, right before a naming word: "an ability called", "a phenomenon termed"
_QUALITY_NOUN_BEFORE = re.compile(r"\b(?:abilit(?:y|ies)|capabilit(?:y|ies)|capacit(?:y|ies)|phenomen(?:on|a)|"
                                  r"behaviou?rs?|skills?|propert(?:y|ies)|traits?|notions?|concepts?) $")
#: after a word, a description's head noun and a name set off after it: " image-text dataset, LHRS-Align"
_DESCRIBED_THEN_NAMED = re.compile(r"(?: (?!(?:on|in|of|for|with|to|by|and|or|from|than|as|at|that|which|is|are|was|were|"
                                   r"we|it|its|their|our|the|a|an)\b)[a-z][\w-]*){0,3} (?P<noun>[a-z]+), "
                                   + _SET_OFF_NAME)
#: a model noun right after a name: "a monolingual BERT model", "two Galician RoBERTa models"
_MODEL_NOUN_AFTER = re.compile(r"\s+(?:models?|architectures?|variants?|encoders?)\b")
#: a parameter count right after a name: "Zorb-7B", "Zeta 1.1B"
#: words that call a name a method when they stand near it (see NameDiscoverer.title)
_METHOD_WORD = re.compile(r"\b(?:method|approach|framework|algorithm|technique|strategy|toolkit|library|pipeline"
                          r"|scheme|mechanism|paradigm|recipe|procedure|tool|platform|metric|objective)s?\b", re.I)
_SIZE_AFTER = re.compile(r"[- ]\d+(?:\.\d+)?[BM]\b")
_NEW_WORDS = frozenset({"new", "newly", "novel", "our", "first"})
_NAME_TOKEN = r"[A-Z][\w\-+.]*\w"
#: an article, up to three lower-case words and a name, ending where a component noun starts
_COMPONENT_BEFORE = re.compile(r"(?<![\w\-])(?:an?|our|the)\s+(?:[a-z][\w\-]*\s+){0,3}?"
                               r"(?P<name>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,2})\s+(?:\([A-Z][\w\-]*\)\s+)?$")
#: an article ending where a novelty word starts
_ARTICLE_END = re.compile(r"(?<![\w\-])(?:an?|our)\s+$")
#: a name and a comma before the article: "GreekSUM, "
_NAME_BEFORE = re.compile(rf"(?<![\w\-.])(?P<name>{_NAME_TOKEN}(?: {_NAME_TOKEN})?)(?:,\s+| (?:is|was) )$")
#: the description from the novelty word: "newly introduced summarization dataset for ..."
_NOVEL_DESCRIPTION = re.compile(r"(?:new|newly|novel)\b[^.;:(),]{1,60}", re.I)
#: "new sentiment benchmark, SKSent," / "new dataset, Foo."
_DESCRIPTION_THEN_NAME = re.compile(r"(?P<desc>(?:[Nn]ew|[Nn]ewly|[Nn]ovel)\b[^.;:(),]{1,60}?),\s+"
                                    rf"(?P<name>{_NAME_TOKEN})(?=[,.;:)]|\s+(?:and|which|that|is|was|consisting|containing|with)\b)")
#: "a Polish BERT-based language model -- HerBERT -- is trained": the name between dashes ...
_DASHED = re.compile(rf" (?:--|\u2013|\u2014) (?P<name>{_NAME_TOKEN}) (?:--|\u2013|\u2014)\s")
#: ... and the description before it, after an article
_DESCRIPTION_BEFORE_DASH = re.compile(r"(?<![\w\-])(?:an?|our)\s+(?P<desc>[^.;:()]{1,60}?)$")
#: "a new Finnish BERT model", "our custom Galician RoBERTa models"
_LANGUAGE_MODEL = re.compile(r"(?:new|novel)\s+(?P<name>[A-Z][a-z]+ [A-Z][\w]*[A-Z][\w]*)\s+models?\b")


def _said_of(name: str, text: str, said) -> bool:
    """Whether ``said(start, end)`` holds at a whole-word occurrence of ``name`` in ``text`` ("X-based" is none)."""
    for at in _find_all(text, name, 0):
        end = at + len(name)
        if (end < len(text) and (text[end].isalnum() or text[end] == "-")) or (at and text[at - 1].isalnum()):
            continue
        if said(at, end):
            return True
    return False


#: how a name is found when the paper presents it: its title's head, or after "we present" / "we contribute"
_PRESENTING = frozenset({"title", "intro", "intro-weak"})


def _ordinary_word(name: str, text: str) -> bool:
    """Whether ``name`` is one capitalised word the text also writes in lower case: an ordinary word, no name
    ("free-form multiple-Choice Chinese machine reading Comprehension dataset (C3)" beside "Machine reading
    comprehension tasks ...").

    >>> [_ordinary_word(n, "reading Comprehension dataset; reading comprehension tasks; Kestrel is a model")
    ...  for n in ("Comprehension", "Kestrel")]
    [True, False]
    """
    return name[:1].isupper() and name[1:].islower() and name.isalpha() and _find_word(text, name.lower())


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit() or is_name_shaped(word)


# a word of a name: full stops only inside it ("v1.5"), never ending it (a sentence end); a double hyphen is a
# dash between words ("OpenLLaMA--across")
_IN_WORD = r"(?:[\w+'/]|-(?!-))*(?:\.(?:[\w+'/]|-(?!-))+)*"
_LIST_ITEM = re.compile(rf"([A-Z0-9]{_IN_WORD}(?: [A-Z0-9]{_IN_WORD}){{0,2}})")


_NAME_WORD = re.compile(rf"[A-Z0-9]{_IN_WORD}|[a-z]+[A-Z0-9]{_IN_WORD}")
_LIST_SEP = re.compile(r"(,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)")


#: small words inside a long form: "Bias Benchmark for QA", "Data Selection with Importance Resampling"
_LONG_FORM_JOINS = frozenset({"of", "for", "and", "&", "on", "in", "with", "to", "via", "by", "from", "over", "at"})


def _capitalised_run(words: list[str]) -> str:
    """The capitalised words that end ``words`` (with "of", "for", "with", ... between them), or ``""``: the long
    form before an acronym, not the description before it.

    >>> _capitalised_run("a new corpus of Icelandic text, the Icelandic Common Crawl Corpus".split())
    'Icelandic Common Crawl Corpus'
    >>> _capitalised_run("the Bias Benchmark for QA".split()), _capitalised_run("a new dataset".split())
    ('Bias Benchmark for QA', '')
    """
    i = len(words)
    while i > 0 and (words[i - 1][:1].isupper() or words[i - 1][:1].isdigit()
                     or (words[i - 1] in _LONG_FORM_JOINS and i > 1 and words[i - 2][:1].isupper())):
        i -= 1
    while i < len(words) and words[i] in _LONG_FORM_JOINS:
        i += 1
    return " ".join(words[i:])


def _capitalised_tail(chunk: str) -> str:
    """The last one to three capitalised or name-shaped words of ``chunk``, single-spaced."""
    words = chunk.split(" ")
    tail: list[str] = []
    while words and len(tail) < 3 and _NAME_WORD.fullmatch(words[-1]) and words[-1].lower() not in _PRONOUNS:
        tail.insert(0, words.pop())
    while tail and _QUANTITY.fullmatch(tail[0]):  # "12GB Wikipedia"
        tail.pop(0)
    if len(words) > 1 and words[-1] == "of" and words[-2][:1].isupper():
        return ""  # the end of a longer capitalised phrase: "a Higher Order Theory of Mind benchmark"
    return " ".join(tail)


_CAPITAL_OR_DIGIT = re.compile(r"[A-Z0-9]")
_PRONOUNS = frozenset({"we", "our", "it", "its", "they", "their", "this", "these", "that", "those", "i"})


def _names_before(text: str, end: int, window: int = 200) -> list[tuple[int, str]]:
    """``(start, name)`` of the capitalised names that end at ``end``: one, or a list "A, B and C"."""
    lo = max(0, end - window)
    # the last name ends the window: without a capital or digit after the last space there is none
    if not _CAPITAL_OR_DIGIT.search(text, text.rfind(" ", lo, end) + 1 or lo, end):
        return []
    parts = _LIST_SEP.split(text[lo:end])
    out: list[tuple[int, str]] = []
    pos = end
    for i in range(len(parts) - 1, -1, -2):  # names at even indices, separators between
        chunk = parts[i]
        name = _capitalised_tail(chunk)
        if not name:
            break
        pos -= len(chunk)
        out.insert(0, (pos + len(chunk) - len(name), name))
        if len(name) != len(chunk) or i == 0:
            break  # the list starts here: "on the A, B datasets"
        pos -= len(parts[i - 1])
    return out


def _listed_names(text: str, pos: int, limit: int = 8) -> list[tuple[int, str]]:
    """``(start, name)`` of a list of capitalised names from ``pos``: "A, B-2 and C D".

    >>> _listed_names("Code Llama, GPT-3.5 and GPT-4's ability", 0)
    [(0, 'Code Llama'), (12, 'GPT-3.5'), (24, 'GPT-4')]
    """
    out = []
    while len(out) < limit:
        m = _LIST_ITEM.match(text, pos)
        if not m or _ABBREVIATION_BEFORE_NUMBER.match(text, m.start(1)):
            break  # "(Avg. 80.1%)": an abbreviation before a figure, no name
        name = m.group(1).rstrip(".")
        if name.endswith("'s"):
            name = name[:-2]  # "GPT-3.5 and GPT-4's ability": the possessive is no part of the name
        slash = _VERSION_SLASH.search(name)
        if slash:
            name = name[:slash.start()]  # "GPT-3.5/4": two versions, each found on its own
        while " " in name and not _VERSION_AFTER.match(text, m.start(1) + name.rindex(" ")):
            last = name.rsplit(" ", 1)[1]
            if not _NUMBER_WORD.fullmatch(last):
                break
            name = name[:-len(last) - 1]  # "GSM8K 74.4% to 83.2%": a score after the name, no version of it
        out.append((m.start(1), name))
        end = m.start(1) + len(name)
        aside = _ASIDE.match(text, end)  # "NASA-QA (extractive QA) and NASA-IR"
        sep = _ITEM_SEP.match(text, aside.end() if aside else end)
        if not sep:
            break
        pos = sep.end()
    return out


_ASIDE = re.compile(r"\s*\([^()]{1,40}\)")
_ABBREVIATION_BEFORE_NUMBER = re.compile(r"[A-Z][a-z]{1,3}\.\s+\d")
_NUMBER_WORD = re.compile(r"v?\d[\d.]*")
_VERSION_SLASH = re.compile(r"(?<=\d)/(?=\d)")
_ITEM_SEP = re.compile(r"\s*(?:,\s*(?:and|or)?|and|or)\s+|\s*,\s*")
#: what a list after a dataset's description may name instead of datasets: "annotated with three labels: ..."
_LABEL_NOUNS = re.compile(r"\b(?:labels?|class(?:es)?|categories|types|tags|aspects|dimensions|levels|domains|subsets)\b")
#: "new" or "novel" before a dataset noun, in the same clause
_NEW_BEFORE = re.compile(r"\b(?:new|novel)\b[^.;:,]*$", re.I)
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z0-9])")


def _sentence_around(text: str, pos: int) -> tuple[int, int]:
    """``(start, end)`` of the sentence of ``text`` around ``pos``, without splitting the whole text.

    >>> text = "We use v2.5 here. We propose X! It works"
    >>> [text[slice(*_sentence_around(text, p))] for p in (3, 21, 35)]
    ['We use v2.5 here.', 'We propose X!', 'It works']
    """
    start, i = 0, pos
    while i > 0:
        j = text.rfind(".", 0, i)  # the last of ".", "!" and "?": the others looked for after the full stop only
        j = max(j, text.rfind("!", j + 1, i), text.rfind("?", j + 1, i))
        if j < 0:
            break
        m = _SENTENCE_END.match(text, j)
        if m and m.end() <= pos:
            start = m.end()
            break
        i = j
    m = _SENTENCE_END.search(text, pos)
    return start, (m.start() + 1 if m else len(text))


class CueIndex:
    """Where groups of cue words start in a text: one Aho-Corasick scan for all of them.

    >>> cues = CueIndex({"subject": ["we"], "noun": ["dataset", "datasets"]})
    >>> cues.starts("we release two datasets; the dataset ...")
    {'subject': [0], 'noun': [15, 29]}
    """

    def __init__(self, groups: dict[str, Iterable[str]]):
        self.groups = tuple(groups)
        table: dict[str, list[str]] = {}
        for group, words in groups.items():
            for word in words:
                table.setdefault(word, []).append(group)
        self._automaton = ahocorasick.Automaton()
        for word, in_groups in table.items():
            self._automaton.add_word(word, (len(word) - 1, tuple(in_groups)))
        if len(self._automaton):
            self._automaton.make_automaton()

    def starts(self, text: str, word_start: bool = False) -> dict[str, list[int]]:
        """Every group's sorted, distinct starts of its words in ``text``.

        With ``word_start``, only starts after no word character (``\\b`` before
        a word that starts with a letter, in ASCII text): "we" in "we said", not in "power".

        >>> CueIndex({"subject": ["we"]}).starts("we lower power; we", word_start=True)
        {'subject': [0, 16]}
        """
        out: dict[str, set[int]] = {group: set() for group in self.groups}
        if len(self._automaton):
            for last, (length, in_groups) in self._automaton.iter(text):
                at = last - length
                if word_start and at and (text[at - 1].isalnum() or text[at - 1] == "_"):
                    continue
                for group in in_groups:
                    out[group].add(at)
        return {group: sorted(at) for group, at in out.items()}


def _by_first_letter(words) -> str:
    """A pattern for ``\\b(?:word|...)`` that starts with a character class of the first letters.

    The regex engine skips ahead to those letters instead of trying every
    alternative at every position. Words must not be prefixes of one another.

    >>> _by_first_letter(["we", "here we"])
    '[hw](?<=\\\\b[hw])(?:(?<=h)ere\\\\ we|(?<=w)e)'
    """
    firsts = "".join(sorted({w[0].lower() for w in words}))
    rests = "|".join(f"(?<={re.escape(w[0].lower())}){re.escape(w[1:])}" for w in sorted(words, key=lambda w: (-len(w), w)))
    return f"[{firsts}](?<=\\b[{firsts}])(?:{rests})"


def _abbreviates(short: str, name: str) -> bool:
    """Is ``short`` a shorter spelling of ``name``: the same first letter, then its letters and digits in
    order within ``name`` (as Schwartz and Hearst's abbreviation rule reads them)?

    >>> [_abbreviates(*pair) for pair in [("SBERT", "Sentence-BERT"), ("CT-BERT", "COVID-Twitter-BERT"),
    ...                                   ("GPT-4", "Kora")]]
    [True, True, False]
    """
    want = [c for c in short.lower() if c.isalnum()]
    have = iter(name.lower())
    return (1 < len(want) < len(name) and want[0] == name[:1].lower()
            and all(any(c == h for h in have) for c in want))


def _spells(long: str, acronym: str) -> bool:
    """Do the initials of every word of ``long`` spell ``acronym`` (its capitals, when it has lower-case letters)?

    >>> _spells("Open Pre-trained Transformers", "OPT"), _spells("LLM based model for Error Detection", "GED")
    (True, False)
    """
    letters = [c.lower() for c in (acronym if acronym.isupper() else "".join(c for c in acronym if c.isupper()))
               if c.isalpha()]
    words = _LONG_WORD.findall(long)
    tail = _long_form(words, letters) if len(letters) >= 2 else None
    return tail is not None and len(tail) == len(words)


_LONG_FORM_GLUE = frozenset({"of", "for", "with", "the", "to", "in", "on", "by", "from", "a", "an"})


def _long_form(words: list[str], letters: list[str]) -> list[str] | None:
    """The shortest tail of ``words`` whose initials (:func:`_initials`: hyphen parts count) spell ``letters``."""
    if not letters:  # "(12-BERT)": a prefix with no letter spells nothing
        return None
    first = letters[0]
    # from the shortest tail long enough: two words, or the letters but two; a short function word inside
    # (not "and" / "or", which join two names) counts for none ("Table-to-Text in African languages (TaTa)")
    fewest, most, content = max(2, len(letters) - 2), len(letters) + 2, 0
    for n in range(1, len(words) + 1):
        content += words[-n] not in _LONG_FORM_GLUE
        if content > most:
            break
        initial = words[-n][0]  # the tail's first word's, checked before the tail is made
        if content < fewest or initial.lower() != first or not initial.isalpha():
            continue
        tail = words[-n:]
        it = iter("".join(map(_initials, tail)))
        if all(ch in it for ch in letters):
            return tail
    return None


_CAPITALS_THEN_LOWER = re.compile(r"[A-Z]{2,}(?=[a-z])")


def _initials(word: str) -> str:
    """The letters a word gives an acronym, lower-cased: each hyphen part's first, and all of a run of capitals
    that opens a part before lower-case letters ("REtrieval" gives "re", as in "Forward-Looking Active REtrieval
    augmented generation (FLARE)"; "BERT" gives "b").

    >>> [_initials(w) for w in ("Forward-Looking", "REtrieval", "GENeration", "BERT", "PaLM")]
    ['fl', 're', 'gen', 'b', 'p']
    """
    out = []
    for part in word.split("-"):
        if part:
            run = _CAPITALS_THEN_LOWER.match(part)
            out.append(run.group().lower() if run else part[0].lower())
    return "".join(out)
