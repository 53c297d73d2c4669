"""Relation extraction: typed edges with their evidence sentence.

Each sentence of the title and abstract becomes a *skeleton*, its entity
mentions replaced by placeholders (``«M0»`` for a Model, ``«D1»`` Dataset,
``«L2»`` Language, ``«T3»`` Technique), and the cue patterns of
``schema/relations.toml`` run over it. A pattern names its subject ``{X}`` and
object ``{Y}`` slots; without ``{X}`` the subject is the paper's own model
(the name heading the title, or introduced by "we present / propose X",
"called X"), else the paper itself. Block words ("unlike", "not", "rather
than") before an object or a cue drop the match, so contrasts give no edge.

>>> from kg.model import Mention, Paper
>>> p = Paper("t:x", "TinyBERT: Distilling BERT", "We evaluate TinyBERT on GLUE. Unlike DistilBERT, we use no SQuAD.")
>>> ms = [Mention("TinyBERT", "TinyBERT", "Model", 0, 8), Mention("BERT", "BERT", "Model", 21, 25),
...       Mention("TinyBERT", "TinyBERT", "Model", 38, 46), Mention("GLUE", "GLUE", "Dataset", 50, 54),
...       Mention("DistilBERT", "DistilBERT", "Model", 63, 73), Mention("SQuAD", "SQuAD", "Dataset", 85, 90)]
>>> sorted((r.subject[1], r.predicate, r.object[1]) for r in extract_relations(p, ms))
[('TinyBERT', 'distillsFrom', 'BERT'), ('TinyBERT', 'evaluatedOn', 'GLUE')]
"""
from __future__ import annotations

import bisect
import operator
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache, reduce
from pathlib import Path
from collections.abc import Callable, Iterable, Iterator

import ahocorasick

from kg.errors import KGError
from kg.extract.literals import Leading, any_of, lead_words, matcher, required_literals
from kg.extract.languages import BACKGROUND
from kg.extract.sentences import split_sentences
from kg.link import _SEPARATORS as _LINK_SEPARATORS, fold
from kg.model import LINEAGE_PREDICATES, Mention, Paper, Relation

__all__ = ["DEFAULT_RELATIONS", "RelationExtractor", "extract_relations", "introduced_datasets", "load_relation_table",
           "paper_sentences"]

DEFAULT_RELATIONS = Path(__file__).resolve().parents[2] / "schema" / "relations.toml"

#: Placeholder letter of each entity type.
TYPE_CODE = {"Model": "M", "Dataset": "D", "Language": "L", "Technique": "T"}
_TYPE_OF_CODE = {v: k for k, v in TYPE_CODE.items()}
#: Object type of each predicate.
OBJECT_TYPE = {**{p: "Model" for p in LINEAGE_PREDICATES}, "outperforms": "Model", "evaluatedOn": "Dataset",
               "trainedOn": "Dataset", "forLanguage": "Language", "usesTechnique": "Technique"}
_MODEL_OBJECT = frozenset(p for p, t in OBJECT_TYPE.items() if t == "Model")
_INTRO, _NAME = 1, 2
#: Aux bits of a sentence holding a literal that may begin a match of block_object, before_default,
#: technique_contrast, dataset_source: the clause windows cut from it need those regexes only then.
_BLOCK_OBJECT, _BLOCK_DEFAULT, _CONTRAST, _SOURCE = 4, 8, 16, 32
_WINDOW_CUES = _BLOCK_OBJECT | _BLOCK_DEFAULT | _CONTRAST | _SOURCE
#: Aux bit of a sentence whose lower-cased text holds one of the naming words ("called", "dubbed").
_NAMING = 64
#: Aux bit of a sentence whose lower-cased text holds one of the ``others_subject_hint`` words.
_OTHERS = 128
#: Aux bit of a sentence whose lower-cased text holds one of the ``technique_object_hint`` words (see _acted_on).
_ACTED = 256
#: How many rule masks ``_active_rules`` keeps listed.
_ACTIVE_KEPT = 1 << 14
_SECOND = operator.itemgetter(1)
#: the placeholders of each type but Technique (which keeps its words), by number: «M0», «M1», ...
_PLACEHOLDERS = {etype: tuple(f"«{code}{i}»" for i in range(64)) for etype, code in TYPE_CODE.items()
                 if etype != "Technique"}
_PLACEHOLDER = re.compile(r"«([MDLT])(\d+)»")
#: Keep _may_break (its fast pre-check) in step with these characters and words.
_CLAUSE_BREAK = re.compile(r"[,;:()]|\b(?:while|whereas|but|although|though)\b", re.IGNORECASE)
#: what ends the part of a sentence a list belongs to (a comma does not: "languages like English, Arabic, ...")
_PART_BREAK = re.compile(r"[;:()]|\b(?:while|whereas|but|although|though|yet)\b", re.IGNORECASE)
_WORDS_BEFORE = re.compile(r"(?:\S+\s+){0,4}$")
_SPACE = re.compile(r"\s+")
#: a clause that lists examples of what the clause before it names: ", such as X and Y"
_EXAMPLES_OPEN = re.compile(r"\s*(?:such as|like|including|e\.g\.|namely)\b")
#: what stands between two items of a list, after the comma: "«T1», «T2», and «T3»"
_LIST_GAP = re.compile(r"\s*(?:and|or)?\s*")
#: what a name holding another's has besides it when it is that one's next version: "MiniLMv2", "Orca 2"
_VERSION_REST = re.compile(r"[\s-]*v?\d+(?:\.\d+)*", re.IGNORECASE)
#: the stand-ins that may name the paper's one dataset from afar: "this (novel) dataset", not "the corpus" nor "it"
_OWN_ANAPHOR = re.compile(r"(?!the\b|it\b)\w", re.IGNORECASE)
#: A dataset named as the source of another ("retrieved from Common Crawl"): a poor antecedent of "this corpus".
_FROM_BEFORE = re.compile(r"\b(?:from|of)\s+(?:the\s+)?(?:\S+\s+)?$", re.IGNORECASE)
#: How an apposition's lineage cue begins: "based on", "fine-tuned from", "initialized with".
_APPOSITION_CUE = re.compile(r"(?:based|built|initiali[sz]ed|derived|fine-?tuned|finetuned|distill?ed|pruned|quanti[sz]ed|"
                             r"trained|adapted|obtained|created|evolved|extended)\b", re.IGNORECASE)
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
#: Between a name and the cue of its apposition: "«M1» («M2»), based on", "«M1», which is built on".
_APPOSITION_GAP = re.compile(r"\)?(?:\s*\(«[A-Z]\d+»\))?\s*,?\s*(?:(?:which|that) (?:is|are|was|were) )?")
_SUBJECT_BEFORE = re.compile(
    r"(?<!\bfrom )(?<!\bof )(?<!\bwith )(?<!\bthan )(?<!\bto )(?<!\bon )(?<!\bby )(?<!\bas )(?<!\bover )"
    # the object of a verb of matching is no subject: "X matches GPT-4 and surpasses LLaMA"
    r"(?<!\bmatches )(?<!\bmatching )(?<!\brivals )(?<!\brivaling )(?<!\brivalling )(?<!\bequals )(?<!\bequaling )"
    r"(?<!\breaches )(?<!\breaching )(?<!\bapproaches )(?<!\bapproaching )"
    r"«M(\d+)»[)\s]*(?:[^\s«»]+\s+){0,3}$", re.IGNORECASE)


#: A relative clause after a model, the cue's subject its antecedent: "TinyBERT, which distills «M2»",
#: "a model that was pruned from" (only auxiliaries between the pronoun and the cue: "which we distil" is ours).
_RELATIVE_SUBJECT = re.compile(r"«M(\d+)»[)\s]*,?\s*(?:which|that|who)\s+"
                               r"(?:(?:is|was|are|were|has|have|had|been|being|also|itself|first|further|then)\s+){0,3}$",
                               re.IGNORECASE)
#: A verb right after a list: its last item, after a bare comma, is the next clause's subject (see _COMMA_LAST).
_NEXT_CLAUSE = re.compile(r"[)\s]+(?:is|was|are|were|has|have|had|can|could|will|would|does|did|remains|uses|achieves"
                          r"|outperforms|performs|reaches|shows|obtains)\b", re.IGNORECASE)
#: The last item of a list after a comma alone (no "and" / "or"): "«M1», «M2»", "«M1», the «M2» large".
_COMMA_LAST = re.compile(r",\s*(?:the\s+)?«[A-Z]\d+»[^«,]*$")
#: The default relations a paper with no model of its own also gives the models a sentence studies (one it
#: quantizes, fine-tunes or builds on, not a teacher nor a rival), at a lower confidence.
_STUDIED_PREDICATES, _STUDIED_DISCOUNT = frozenset({"evaluatedOn", "usesTechnique"}), 0.9
#: from a technique's name to the model it is applied on: "(outperforms) LoRA on fine-tuning «M4»", "GPTQ on «M4»"
_TECHNIQUE_ON = re.compile(r"[^,;.«»]{1,40}?\s(?:on|across|for|with)\s+(?:(?:the|fine-?tuning|finetuning|tuning|quantizing|pruning)\s+)?")
#: A non-restrictive relative clause after a model, up to the end of the text: "Vicuna, which relies on ".
_RELATIVE_CLAUSE = re.compile(r"«M(\d+)»[)\s]*,\s*(?:which|who)\s+(?:[^\s«»,;()]+\s+){0,5}$", re.IGNORECASE)
#: An apposition after a model, up to the end of the text: "Llama2-Chat-70B, the best open-access ".
_APPOSITION_OF = re.compile(r"«M(\d+)»[)\s]*,\s*(?:the|a|an)\s+(?:[^\s«»,;()]+\s+){0,5}$", re.IGNORECASE)
#: An apposition opening after a list: ", fine-tuned from", ", a chat model", ", which".
_APPOSED_AFTER = re.compile(r"\s*,\s*(?:\w+ly\s+)?(?:an?\s|the\s|which\s|[\w-]+ed\b)", re.IGNORECASE)
#: Where a relative clause or an apposition after a model may open: see _asides.
_ASIDE = re.compile(r"«M\d+»[)\s]*(?:,\s*(?:which|who|that|the|a|an)|\s*(?:which|who|that))\b", re.IGNORECASE)
#: Words whose object a placeholder after them is: "of «M1», and «M2», a pruned version of ..."
_PREPOSITION_BEFORE = re.compile(r"\b(?:of|from|with|than|to|by|over|into|like|as|such as|including)\s+(?:the\s+)?$",
                                 re.IGNORECASE)
#: A closed bracket: an aside ("GPT-4 (trained with more compute) on SQuAD").
_BRACKETED = re.compile(r"\([^()]*\)")
#: A clause whose grammatical subject is a model: "«M1» is trained on 1T tokens sourced from ...".
#: the own model named later as what a tuned model serves: "... used to train FooBERT", "a retriever for FooBERT"
_SERVES_OWN = re.compile(r"\b(?:(?:pre-?)?train(?:s|ed|ing)?|for)\s+(?:the\s+|our\s+|an?\s+)?(?:[\w-]+\s+)?«M(\d+)»", re.IGNORECASE)

_WE_BEFORE = re.compile(r"\bwe\s+(?:\w+\s+)?$", re.IGNORECASE)  # "Starting from RoBERTa, we train FooBERT": the result

#: where a clause begins: a gerund there is the clause's subject ("Distilling BERT is expensive")
_GERUND_SUBJECT = re.compile(r"(?:^|\bthat\s+|[;:,]\s*|\b(?:while|whereas|although|though|since|because|but|and)\s+)$", re.IGNORECASE)
_GERUND = re.compile(r"[a-z]+ing\b", re.IGNORECASE)

#: a model described by the words up to a cue that follow it ("DistilBERT, a distilled version")
_DESCRIBED_BEFORE = re.compile(r"«M(\d+)»\)?\s*(?:,|\(|--|—|:)\s*(?:an?|the)\s+[^«»,;()]*$", re.IGNORECASE)
#: "versions of " right before a name: versions of that name itself
_OF_THE = re.compile(r"\s+of\s+(?:the\s+)?")

_CLAUSE_SUBJECT = re.compile(r"^\s*(?:(?:the|a|an|our)\s+)?«M(\d+)»[)\s]*(?:is|was|are|were|has been|have been|had been)\s",
                             re.IGNORECASE)


def _list_of(code: str, suffix: str = "") -> str:
    """A list of placeholders of type ``code`` ("«M1», «M2» and the «M3»"), each optionally followed by ``suffix``.

    An item after the first may carry its maker's name or a size before it: "Anthropic's «M1» and
    Google's «M2»", "«M1», «M2», Base «M3»".

    >>> bool(re.fullmatch(_list_of("M", "(?: large)?"), "«M1» large, «M2», and «M3»"))
    True
    >>> bool(re.fullmatch(_list_of("M"), "«M1» and Google's «M2»"))
    True
    """
    one = f"«{code}\\d+»{suffix}"
    return rf"{one}(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+|\s*/\s*)(?:the\s+|[\w-]+['’]s\s+|(?:base|large|small)\s+)?{one})*"


@dataclass(frozen=True, slots=True)
class Rule:
    """One compiled cue pattern."""

    predicate: str
    regex: re.Pattern
    confidence: float
    explicit_subject: bool
    source: str
    trigger: tuple[str, ...] = ()
    named_only_without_own: bool = False
    only_without_own: bool = False
    #: the named subject's objects stay open to the sentence's default subject ("objects = 'shared'")
    shared_objects: bool = False


def load_relation_table(path: Path | str = DEFAULT_RELATIONS) -> dict:
    """The cue tables of ``schema/relations.toml`` as a dict."""
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except OSError as err:
        raise KGError(f"{path}: cannot read the relation cue table: {err}") from err
    except tomllib.TOMLDecodeError as err:
        raise KGError(f"{path}: not valid TOML: {err}") from err


def introduced_datasets(mentions: Iterable[Mention]) -> list[tuple[str, str]]:
    """The ``("Dataset", name)`` keys of the datasets a paper introduces, sorted: where its languages go when it
    has no model of its own."""
    return sorted({("Dataset", m.name) for m in mentions if m.introduced and m.type == "Dataset"})


def paper_sentences(paper: Paper) -> list[tuple[int, str]]:
    """``(offset into paper.text, sentence)``: the title, then the abstract's sentences."""
    base = len(paper.title) + 1
    return [(0, paper.title)] + [(base + o, s) for o, s in split_sentences(paper.abstract)]


#: a data noun right after a Technique's words (kept as they are in a skeleton): "an instruction-tuning dataset"
_DATA_NOUN_NEXT = re.compile(r"-?\s*(?:data(?:sets?)?|corpus|corpora|benchmarks?|mixtures?|collections?)\b", re.IGNORECASE)


#: how far after an introducing verb its clause is read for the names it presents (characters)
_INTRO_REACH = 600


#: after a model's name, words that make it a comparison: "ChatGPT-like", "GPT-4 level"
_LIKENESS = re.compile(r"[\s-](?:like|style|level|grade)\b", re.IGNORECASE)
#: what ends a title's head: "TinyBERT: ...", "BERTić -- ..."
_TITLE_REST = re.compile(r"\s*(?::|--|—)\s*")


def _held_names(head: Iterable[str], models: set[str]) -> Iterator[tuple[str, str]]:
    """``(name, other)``: each of the title's own names (``head``) with each other model of ``models`` its
    name holds, not as its version ("MiniLMv2" is MiniLM's next version) nor inside a longer one of
    ``models`` ("LLaMA" in "Sheared LLaMA" of a paper naming LLaMA-2).

    >>> list(_held_names(["MiniLMv2", "Sheared LLaMA"], {"MiniLM", "LLaMA", "LLaMA-2"}))
    []
    >>> list(_held_names(["SenseBERT"], {"BERT"}))
    [('SenseBERT', 'BERT')]
    """
    for name in head:
        for y in models:
            if (len(y) >= 3 and y in name and not _VERSION_REST.fullmatch(name.replace(y, "", 1))
                    and not any(y in z and y != z for z in models)):
                yield name, y


class RelationExtractor:
    """Callable ``(paper, mentions) -> list[Relation]`` built from a cue table (patterns compiled once)."""

    def __init__(self, table: dict | None = None):
        table = table or load_relation_table()
        slots = table["slots"]
        self.self_ref = slots["self"]
        self._list_suffix = dict(slots.get("list_suffix", {}))
        self._list_join = f"(?:{slots['list_join']})" if "list_join" in slots else r"\s+and\s+"
        self._slot = {
            "{a}": rf"(?:(?:«L\d+»|\b(?!{slots['not_modifier']}\b)[\w'’.%/+-]+(?<!ing))\s+){{0,4}}?",
            "{w}": r"(?:(?:«L\d+»|[^\s«»,;:()]+)\s+){0,3}?",
            "{W}": r"(?:(?:«L\d+»,?|[^\s«»;]+)\s+){0,5}?",
            "{sep}": f"(?:{slots['sep']})",
            "{intro}": f"(?:{slots['intro']})",
        }
        try:
            self.rules = []
            for rule in table["rule"]:
                trigger = tuple(t.lower() for t in rule.get("trigger", ()))
                for pattern in rule["patterns"]:
                    # a pattern is a string, or {re = '...', trigger = [...]} with a trigger of its own
                    own_trigger = tuple(t.lower() for t in pattern.get("trigger", ())) if isinstance(pattern, dict) else ()
                    self.rules.append(self._compile(
                        rule["predicate"], pattern["re"] if isinstance(pattern, dict) else pattern,
                        float(rule["confidence"]), own_trigger or trigger,
                        rule.get("named_subject", "any") == "without-own",
                        rule.get("named_subject", "any") == "only-without-own",
                        rule.get("objects", "claimed") == "shared"))
            # the paper's own chat / instruct variant of a model the paper names: "FooLM-Chat" of "FooLM"
            variant = table.get("variant_of_base", {})
            self.variant_lineage = (variant["predicate"], float(variant["confidence"])) if variant else None
            # the title's own model whose name holds another model the title's rest names: see _title_base
            based = table.get("title_name_base", {})
            self.title_base = (based["predicate"], float(based["confidence"])) if based else None
            self.title_rest_block = re.compile(based.get("rest_block", "(?!)"), re.IGNORECASE)
            self.block_object = re.compile(table["block"]["before_object"], re.IGNORECASE)
            self.block_cue = re.compile(table["block"]["before_cue"], re.IGNORECASE)
            comparison = table["block"].get("before_comparison")
            self.block_comparison = re.compile(comparison, re.IGNORECASE) if comparison else None
            others = table["block"].get("others_subject")
            self.others_subject = re.compile(others, re.IGNORECASE) if others else None
            # the words its matches must hold, a cheap test before it
            self._others_words = tuple(table["block"].get("others_subject_hint", ())) if others else ()
            self.block_default = re.compile(table["block"]["before_default"], re.IGNORECASE)
            against = table["block"].get("set_against")
            self.set_against = re.compile(against, re.IGNORECASE) if against else None
            self.technique_contrast = re.compile(table["block"]["technique_contrast"], re.IGNORECASE)
            self.dataset_source = re.compile(table["block"]["dataset_source"], re.IGNORECASE)
            source = table["block"].get("language_source")
            self.language_source = re.compile(source, re.IGNORECASE) if source else None
            contrast = table["block"].get("language_contrast")
            self.language_contrast = re.compile(contrast, re.IGNORECASE) if contrast else None
            acted_on = table["block"].get("technique_object")
            self.technique_object = re.compile(acted_on, re.IGNORECASE) if acted_on else None
            self._technique_object_hint = tuple(table["block"].get("technique_object_hint", ()))
            training = table["block"].get("training_words")
            self.training_words = re.compile(training, re.IGNORECASE) if training else None
            self.training_default = ("trainedOn", float(table["block"].get("training_confidence", 0.6)))
            described = table["block"].get("training_data")
            self.training_data = re.compile(described, re.IGNORECASE) if described else None
            tuning = table["block"].get("tuning_words")
            self.tuning_words = re.compile(tuning, re.IGNORECASE) if tuning else None
            pronoun = table["block"].get("tuned_from_pronoun")
            self.tuned_from_pronoun = re.compile(pronoun, re.IGNORECASE) if pronoun else None
            words = table["block"].get("evaluation_words")
            self.evaluation_words = re.compile(words, re.IGNORECASE) if words else None
            words = table["block"].get("title_evaluation_words")
            self.title_evaluation_words = re.compile(words, re.IGNORECASE) if words else self.evaluation_words
            self.ours_here = re.compile(table["background"]["ours"], re.IGNORECASE)
            strict = table["background"].get("ours_strict")
            self.ours_strict = re.compile(strict, re.IGNORECASE) if strict else self.ours_here
            self.background_strict = frozenset(table["background"].get("strict", ()))
            continues = table["background"].get("continues")
            self.continues = re.compile(continues, re.IGNORECASE) if continues else None
            result = table["background"].get("measured_result")
            self.measured_result = re.compile(result, re.IGNORECASE) if result else None
            self.plural_own = re.compile(table["own"]["plural"], re.IGNORECASE)
            self.background_off = frozenset(table["background"]["off"])
            self.lineage_block = re.compile(table["implicit"]["lineage_block"], re.IGNORECASE)
            finding = table["implicit"].get("gerund_finding")
            self.gerund_finding = re.compile(finding, re.IGNORECASE) if finding else None
            aside = table["implicit"].get("lineage_aside")
            self.lineage_aside = re.compile(aside, re.IGNORECASE) if aside else None
            derivative = table["implicit"].get("own_derivative")
            self.own_derivative = re.compile(derivative, re.IGNORECASE) if derivative else None
            further = table["implicit"].get("further_training")
            self.further_training = re.compile(further, re.IGNORECASE) if further else None
            inner = table["name_internal"]
            self.name_internal = re.compile(inner["cue"], re.IGNORECASE)
            self.name_internal_predicate = inner["predicate"]
            self.name_internal_confidence = float(inner["confidence"])
            self.name_internal_tuned = ((inner["tuned_predicate"], re.compile(inner["tuned_cue"], re.IGNORECASE))
                                        if "tuned_cue" in inner else None)
            self.title_compress_cue = re.compile(inner.get("title_compress_cue", "(?!)"), re.IGNORECASE)
            self.title_distil_cue = re.compile(inner.get("title_distil_cue", "(?!)"), re.IGNORECASE)
            own = table["own"]
            self.title_head = re.compile(own["title_head"])
            self.title_heads = re.compile(own["title_heads"]) if "title_heads" in own else None
            self.intro = re.compile(own["intro"], re.IGNORECASE)
            self.intro_subject = re.compile(own["intro_subject"], re.IGNORECASE)
            self.provide = re.compile(own["provide"], re.IGNORECASE) if "provide" in own else None
            self.provided = re.compile(own["provided"], re.IGNORECASE) if "provided" in own else None
            # a fast literal pre-check for the verbs (lower-cased text, no word boundaries)
            self.intro_hint = re.compile("|".join(sorted({w.lower().rstrip("s") for w in re.findall(
                r"[a-z-]{4,}", own["intro"])})))
            self.naming_words = tuple(own["naming_words"])
            self.naming = re.compile(own["naming"] + r"\s+(?:the\s+|a\s+)?(" + _list_of("M") + ")", re.IGNORECASE)
            self.intro_stop = re.compile(own["intro_stop"], re.IGNORECASE)
            self.ours = re.compile(own["ours"], re.IGNORECASE)
            self.ours_after = re.compile(own["ours_after"], re.IGNORECASE) if "ours_after" in own else None
            self.ours_listed = re.compile(own["ours_listed"], re.IGNORECASE) if "ours_listed" in own else None
            self.passive_intro = re.compile(own["passive"], re.IGNORECASE) if "passive" in own else None
            self.described = re.compile(own["described"], re.IGNORECASE)
            self.appended = re.compile(own["appended"] + r"\s*(" + _list_of("M") + ")", re.IGNORECASE)
            self.appended_stop = re.compile(own["appended_stop"], re.IGNORECASE)
            self.apposed_next = re.compile(own["apposed_next"], re.IGNORECASE) if "apposed_next" in own else None
            self.model_list = re.compile(_list_of("M"), re.IGNORECASE)
            self.self_regex = re.compile(self.self_ref, re.IGNORECASE)
        except (KeyError, TypeError, re.error) as err:
            raise KGError(f"relation cue table: bad entry: {err}") from err
        self.defaults = {etype: (spec["predicate"], float(spec["confidence"]))
                         for etype, spec in table["default"].items()}
        # types whose default relation in a title without a model name goes to the abstract's own models
        self.title_to_own = frozenset(etype for etype, spec in table["default"].items() if spec.get("title_to_own"))
        self.default_skip = {etype: re.compile(r"[^\s]*\s*(?:" + rx + ")", re.IGNORECASE)
                             for etype, rx in table.get("default_skip", {}).items()}
        self.dataset_language = float(table.get("dataset_language", {}).get("confidence", 0.0))
        try:
            self.described_language = [re.compile(rx) for rx in table.get("dataset_language", {}).get("described", [])]
            self.composed_language = re.compile(table.get("dataset_language", {}).get("composed", "(?!)"))
            named = table.get("dataset_language", {})
            self.language_before = re.compile(named.get("named_before", "(?!)"))
            self.language_before_names = frozenset(named.get("named_before_languages", ()))
            self.language_before_not = frozenset(named.get("named_before_not", ()))
        except re.error as err:
            raise KGError(f"relation cue table: bad dataset_language.described entry: {err}") from err
        members = table.get("class_members")
        try:
            self.class_members = (None if members is None else (
                members["predicate"], float(members["confidence"]),
                re.compile(members["after"].replace("{M}", f"(?P<y>{_list_of('M')})"), re.IGNORECASE)))
        except (KeyError, TypeError, ValueError, re.error) as err:
            raise KGError(f"relation cue table: bad class_members entry: {err}") from err
        anaphora = table.get("anaphora", {})
        try:
            self.anaphor = re.compile(anaphora["Dataset"], re.IGNORECASE) if "Dataset" in anaphora else None
            own_anaphor = anaphora.get("own_Dataset")
            self.own_anaphor = re.compile(own_anaphor, re.IGNORECASE) if own_anaphor else None
            the_anaphor = anaphora.get("the_Dataset")
            self.the_anaphor = re.compile(the_anaphor, re.IGNORECASE) if the_anaphor else None
            own_experiment = "|".join(f"(?:{rx})" for rx in anaphora.get("own_experiment", ()))
            self.own_experiment = re.compile(own_experiment, re.IGNORECASE) if own_experiment else None
            self.own_experiment_confidence = float(anaphora.get("own_experiment_confidence", 0.5))
        except re.error as err:
            raise KGError(f"relation cue table: bad anaphora entry: {err}") from err
        self.anaphor_hint = tuple(w.lower() for w in anaphora.get("hint", ()))
        self.anaphor_cue = tuple(w.lower() for w in anaphora.get("cue", ()))
        self.anaphor_own_cue = tuple(w.lower() for w in anaphora.get("own_cue", ()))
        self.anaphor_own_hint = tuple(w.lower() for w in anaphora.get("own_hint", ()))
        # regexes tried only where one of the literals all their matches begin with is
        self._lead = {name: Leading(getattr(self, name)) for name in (
            "intro", "intro_subject", "ours", "ours_here", "ours_strict", "block_object", "technique_contrast")}
        self._anaphor_lead = Leading(self.anaphor) if self.anaphor is not None else None
        self._provide_lead = Leading(self.provide) if self.provide is not None else None
        self._evaluation_lead = Leading(self.evaluation_words) if self.evaluation_words is not None else None
        self._lead_of = {rx: Leading(rx) for rx in (self.block_default, self.dataset_source)}
        # "any of these words in the lower-cased text" as one search
        self._naming_any = any_of(self.naming_words)
        self._anaphor_hint_any = any_of(self.anaphor_hint)
        self._anaphor_cue_any = any_of(self.anaphor_cue)
        self._anaphor_any_cue_any = any_of(self.anaphor_cue + self.anaphor_own_cue)
        self._anaphor_any_hint_any = any_of(self.anaphor_hint + self.anaphor_own_hint)
        self.lineage_rank = {p: i for i, p in enumerate(dict.fromkeys(
            r.predicate for r in self.rules if r.predicate in LINEAGE_PREDICATES))}
        self.codes_needed = {r.predicate: TYPE_CODE[OBJECT_TYPE[r.predicate]] for r in self.rules}
        # consecutive rules with the same object placeholder and trigger, checked once per sentence
        self.groups: list[tuple[str, tuple[str, ...] | None, list[Rule]]] = []
        for rule in self.rules:
            key = ("«" + self.codes_needed[rule.predicate], rule.trigger or None)
            if self.groups and self.groups[-1][:2] == key:
                self.groups[-1][2].append(rule)
            else:
                self.groups.append((*key, [rule]))
        # One Aho-Corasick pass over a sentence finds its trigger strings and the literals each rule's regex
        # needs (up to three sets, one literal of each in every match; see _required); with its placeholders
        # they give a bit mask of the rules worth running, and the rules of a mask are listed once.
        needs = [required_literals(rule.regex.pattern, rule.regex.flags) for rule in self.rules]
        hints = {w for w in self.intro_hint.pattern.split("|") if w}
        name_need = required_literals(self.name_internal.pattern, self.name_internal.flags)[:1]
        # the literals each window cue's matches begin with (None: unknown, so always looked for)
        cue_leads = {bit: lead_words(lead) for bit, lead in (
            (_BLOCK_OBJECT, self._lead["block_object"]), (_BLOCK_DEFAULT, self._lead_of[self.block_default]),
            (_CONTRAST, self._lead["technique_contrast"]), (_SOURCE, self._lead_of[self.dataset_source]))}
        self._cue_bit = {self.block_default: _BLOCK_DEFAULT, self.dataset_source: _SOURCE}
        words = sorted({w for rule in self.rules for w in rule.trigger if w} | {w for n in needs for c in n for w in c}
                       | hints | {w for c in name_need for w in c} | {w for ws in cue_leads.values() for w in ws or ()}
                       | {w for w in self.naming_words if w} | {w for w in self._others_words if w}
                       | {w for w in self._technique_object_hint if w})
        ids = {w: i for i, w in enumerate(words)}
        # per word: (rules it triggers, rules whose first / second / third needed set holds it, aux bits)
        masks = [[0] * 5 for _ in words]
        base = [0] * 5  # the same for rules without a trigger, or without a first / second / third set
        code_mask = {code: 0 for code in TYPE_CODE.values()}
        for r, (rule, need) in enumerate(zip(self.rules, needs)):
            bit = 1 << r
            code_mask[self.codes_needed[rule.predicate]] |= bit
            if not rule.trigger or "" in rule.trigger:
                base[0] |= bit
            else:
                for w in rule.trigger:
                    masks[ids[w]][0] |= bit
            for level in range(3):
                if level < len(need):
                    for w in need[level]:
                        masks[ids[w]][1 + level] |= bit
                else:
                    base[1 + level] |= bit
        # aux bits: _INTRO (a word of intro_hint), _NAME (a literal name_internal needs)
        for w in hints:
            masks[ids[w]][4] |= _INTRO
        for w in name_need[0] if name_need else ():
            masks[ids[w]][4] |= _NAME
        base[4] = 0 if name_need else _NAME
        for w in self.naming_words:
            if w:
                masks[ids[w]][4] |= _NAMING
            else:
                base[4] |= _NAMING  # "" is in every text
        # _OTHERS: the sentence holds a word of others_subject_hint (in its lower case);
        # _ACTED: one of technique_object_hint (what _acted_on looks for first)
        for bit, hint_words in ((_OTHERS, self._others_words), (_ACTED, self._technique_object_hint)):
            for w in hint_words:
                if w:
                    masks[ids[w]][4] |= bit
                else:
                    base[4] |= bit
        for bit, leads in cue_leads.items():
            if leads is None:
                base[4] |= bit
            for w in leads or ():
                masks[ids[w]][4] |= bit
        # the five masks of a word packed in one int, so that a hit costs one OR
        self._width = width = len(self.rules) + 1
        self._base_masks = sum(m << (k * width) for k, m in enumerate(base))
        # each word's value in the automaton is its packed masks: a hit is ORed in as found
        self._words = ahocorasick.Automaton() if words else None
        for w, ms in zip(words, masks):
            self._words.add_word(w, sum(m << (k * width) for k, m in enumerate(ms)))
        if words:
            self._words.make_automaton()
        self._all_rules = (1 << len(self.rules)) - 1
        self._code_masks = tuple(("«" + c, m) for c, m in code_mask.items())
        self._active: dict[int, tuple[tuple[Rule, Callable], ...]] = {}
        # rules a sentence skips as a whole: those for papers without own models, and those whose
        # subject is the paper's own model (not in a background sentence)
        self._only_without_own = sum(1 << r for r, rule in enumerate(self.rules) if rule.only_without_own)
        self._own_subject = sum(1 << r for r, rule in enumerate(self.rules)
                                if rule.predicate in _MODEL_OBJECT and not rule.explicit_subject)
        self._matchers = [matcher(rule.regex) for rule in self.rules]

    def _scan(self, skel: str, low: str) -> tuple[int, int, int]:
        """``(triggered rules, rules whose needed literals are present, aux bits)`` of one sentence, in one pass."""
        packed = self._base_masks
        if self._words is not None:  # each hit's packed masks ORed in, the loop in C
            packed = reduce(operator.or_, map(_SECOND, self._words.iter(low)), packed)
        width = self._width
        full = (1 << width) - 1
        triggered, aux = packed & full, packed >> (4 * width)
        literal = (packed >> width) & (packed >> (2 * width)) & (packed >> (3 * width)) & full
        if "ı" in skel or "ſ" in skel or "İ" in skel or len(low) != len(skel):
            literal = self._all_rules  # letters an ASCII one matches case-insensitively, not by lower()
            aux |= _NAME | _WINDOW_CUES
        return triggered, literal, aux

    def _active_rules(self, skel: str, low: str,
                      scan: tuple[int, int, int] | None = None) -> tuple[tuple[Rule, Callable], ...]:
        """The rules whose object placeholder, trigger string (if any) and needed literals the sentence holds.

        Each with its ``(skel, low) -> matches`` function: see ``_matcher``.
        """
        return self._listed(self._rule_mask(skel, low, scan))

    def _rule_mask(self, skel: str, low: str, scan: tuple[int, int, int] | None = None) -> int:
        """``_active_rules`` as a bit mask (bit ``r``: ``self.rules[r]``)."""
        codes = 0
        for placeholder, mask in self._code_masks:
            if placeholder in skel:
                codes |= mask
        if not codes:
            return 0
        triggered, literal, _ = scan or self._scan(skel, low)
        return codes & triggered & literal

    def _listed(self, rules: int) -> tuple[tuple[Rule, Callable], ...]:
        """The rules of a bit mask, each with its matcher, in table order (listed once per mask)."""
        active = self._active.get(rules)
        if active is None:
            found, rest = [], rules
            while rest:  # the set bits, lowest first: the rules in table order
                r = (rest & -rest).bit_length() - 1
                found.append((self.rules[r], self._matchers[r]))
                rest &= rest - 1
            if len(self._active) >= _ACTIVE_KEPT:
                self._active.clear()  # a long build meets ever new masks: keep memory flat
            active = self._active[rules] = tuple(found)
        return active

    def _compile(self, predicate: str, template: str, confidence: float, trigger: tuple[str, ...] = (),
                 named_only_without_own: bool = False, only_without_own: bool = False,
                 shared_objects: bool = False) -> Rule:
        code = TYPE_CODE[OBJECT_TYPE[predicate]]
        rx = template
        for slot, text in self._slot.items():
            rx = rx.replace(slot, text)
        explicit = "{X}" in rx or "{N}" in rx or "{ND}" in rx
        models, objects = self._list("M"), self._list(code)
        rx = (rx.replace("{X}", f"(?P<x>{models}|{self.self_ref})").replace("{ND}", f"(?P<x>{self._list('D')})")
              .replace("{N}", f"(?P<x>{models})")
              # {Ys}: several object lists, "baselines (A and B) and multilingual models (C and D)"
              .replace("{Ys}", f"(?P<y>{objects}(?:{self._list_join}{objects})*)")
              .replace("{Y}", f"(?P<y>{objects})"))
        return Rule(predicate, re.compile(rx, re.IGNORECASE), confidence, explicit, template, trigger,
                    named_only_without_own, only_without_own, shared_objects)

    def _list(self, code: str) -> str:
        """A list of placeholders of type ``code``, each with the optional suffix of ``[slots.list_suffix]``."""
        suffix = self._list_suffix.get(code)
        return _list_of(code, f"(?:{suffix})?" if suffix else "")

    # -- the paper's own models ------------------------------------------------
    def own_models(self, skeletons: list[tuple[str, list[Mention], list[int]]],
                   intros: list[list[re.Match]] | None = None, lows: list[str] | None = None,
                   scans: list[tuple[int, int, int]] | None = None) -> tuple[list[str], list[str]]:
        """``(title head models, abstract-introduced models)`` by canonical name.

        ``intros``, ``lows``, ``scans``: each skeleton's ``_intros``, ``lower()`` and ``_scan``, if known.
        """
        head, intro = [], []
        for number, (skel, ms, _) in enumerate(skeletons):
            names = intro if number else head
            if number == 0:
                m = self.title_head.match(skel)
                if m:
                    names.append(ms[int(m.group(1))].name)
                elif self.title_heads is not None and (m := self.title_heads.match(skel)):
                    names.extend(ms[int(i)].name for _, i in _PLACEHOLDER.findall(m.group(1)))
            if "«M" not in skel:
                continue
            low = skel.lower() if lows is None else lows[number]
            if "our" in low:
                for m in self._lead["ours"].finditer(skel, low):
                    names.append(ms[int(m.group(1))].name)
                if self.ours_after is not None:
                    names.extend(ms[int(m.group(1))].name for m in self.ours_after.finditer(skel))
                if self.ours_listed is not None and "our models" in low:
                    for m in self.ours_listed.finditer(skel):
                        names.extend(ms[int(i)].name for c, i in _PLACEHOLDER.findall(m.group(1)) if c == "M")
            hinted = (scans[number][2] & _INTRO) if scans is not None else True  # an introducing verb's stem
            if self.passive_intro is not None and hinted and ("introduced" in low or "proposed" in low
                                                              or "presented" in low or "released" in low):
                names.extend(ms[int(m.group(1))].name for m in self.passive_intro.finditer(skel))
            if (scans[number][2] & _NAMING) if scans is not None else self._naming_any(low):
                for m in self.naming.finditer(skel):
                    names.extend(ms[int(i)].name for c, i in _PLACEHOLDER.findall(m.group(1)) if c == "M")
            for m in (self._intros(skel) if intros is None else intros[number]):
                names.extend(ms[i].name for i in self._introduced_after(skel, m.end()))
            if self.provide is not None and ("provid" in low or "train" in low or "offer" in low or "share" in low
                                             or "make available" in low):
                for m in self._provide_lead.finditer(skel, low):
                    names.extend(ms[i].name for i in self._introduced_after(skel, m.end(), appended_only=True))
        head = list(dict.fromkeys(head))
        intro = list(dict.fromkeys(intro))
        if not intro and not head:  # the models flagged introduced, in the sentences naming a model
            intro = list(dict.fromkeys(x.name for skel, ms, _ in skeletons if "«M" in skel
                                       for x in ms if x.introduced and x.type == "Model"))
        return head, intro

    def _intros(self, skel: str, hinted: bool | None = None, low: str | None = None) -> list[re.Match]:
        """Introducing verbs said of the paper's own work ("we present", "this paper introduces").

        ``hinted``: whether the lower-cased sentence holds an ``intro_hint`` word, if known.
        """
        if "«" not in skel or not (self.intro_hint.search(skel.lower()) if hinted is None else hinted):
            return []
        low = skel.lower() if low is None else low
        return [m for m in self._lead["intro"].finditer(skel, low)
                if self._lead["intro_subject"].search(skel, low, 0, m.start())]

    def _introduced_after(self, skel: str, at: int, appended_only: bool = False) -> list[int]:
        """Model placeholders an introducing verb ending at ``at`` presents as the paper's own.

        ``appended_only``: only names appended after a dash, colon or bracket ("we provide models (FooBERT)").
        """
        end = skel.find(".", at, at + _INTRO_REACH)  # (bounded: a text without full stops stays linear)
        rest = skel[at:end if end >= 0 else at + _INTRO_REACH]
        out = []
        stop = self.intro_stop.search(rest)
        first = None if appended_only else _PLACEHOLDER.search(rest, 0, stop.start() if stop else len(rest))
        if first and first.group(1) == "M":
            if not self.described.match(rest, first.end()):
                names = self.model_list.match(rest, first.start())
                out += [int(i) for _, i in _PLACEHOLDER.findall(names.group(0))]
                # "We introduce ZetaLM, pre-trained from Mistral, and ZetaLM-Chat": the second name too
                then = self.apposed_next.match(rest, names.end()) if self.apposed_next else None
                if then:
                    out.append(int(then.group(1)))
        for m in self.appended.finditer(rest):
            if appended_only and not (self.provided and self.provided.search(rest, 0, m.start())):
                continue  # "we provide an exploration of text-to-text transformers (T5)": not a model of ours
            if not self.appended_stop.search(rest, 0, m.start()):
                out += [int(i) for _, i in _PLACEHOLDER.findall(m.group(1))]
        return out

    # -- one paper -------------------------------------------------------------
    def __call__(self, paper: Paper, mentions: list[Mention], linker=None) -> list[Relation]:
        """The paper's relations (``linker``: a :class:`kg.link.Linker` for ``variant_split``, else a default one)."""
        sentences = paper_sentences(paper)
        starts = [m.start for m in mentions]
        if any(map(operator.gt, starts, starts[1:])):
            mentions = sorted(mentions, key=lambda m: (m.start, -m.end))
        if any(m.confidence == BACKGROUND and m.type == "Language" for m in mentions):
            mentions = [m for m in mentions if m.confidence != BACKGROUND or m.type != "Language"]  # no relation
        mentions, anaphors = self._anaphors(paper, sentences, mentions)
        text, starts = paper.text, [m.start for m in mentions]
        skeletons = [_skeleton(text, offset, sentence, mentions, starts) for offset, sentence in sentences]
        lows = [skel.lower() if ms else "" for skel, ms, _ in skeletons]
        scans = [self._scan(skel, low) if ms else (0, 0, 0) for (skel, ms, _), low in zip(skeletons, lows)]
        # (_intros finds none in a sentence without a placeholder or an intro_hint word: not called there)
        intros = [self._intros(skel, True, low) if scan[2] & _INTRO and "«" in skel else []
                  for (skel, _, _), scan, low in zip(skeletons, scans, lows)]
        head, intro = self.own_models(skeletons, intros, lows, scans)
        own = set(head) | set(intro)
        if head:
            defaults = [("Model", n) for n in head]
        elif intro:
            defaults = [("Model", n) for n in intro]
        else:
            defaults = [("Paper", paper.key)]
        # a title naming no model of its own speaks of the model(s) the abstract introduces (see title_to_own)
        title_defaults = [("Model", n) for n in head] if head else (defaults if self.title_to_own else [("Paper", paper.key)])
        found: dict[tuple, tuple[float, int, str]] = {}
        ours_known: dict[int, bool] = {}

        def ours_before(k: int) -> bool:
            """Whether sentence ``k`` speaks of the paper's own work (see ``continues``)."""
            if k < 1:
                return k == 0
            if k not in ours_known:
                skel, ms, _ = skeletons[k]
                ours_known[k] = (any(x.type == "Model" and x.name in own for x in ms)
                                 or bool(self.ours_here.search(skel))
                                 or bool(self.continues.match(skel) and ours_before(k - 1)))
            return ours_known[k]
        defaulted: dict[tuple[str, str], bool] = {}  # datasets given a default evaluatedOn: whether only weakly
        datasets_languages: set = set()  # (language, sentence number) given to a dataset the sentence introduces

        def add(subject, predicate, obj, confidence, number, sentence):
            if subject == obj or (predicate in _MODEL_OBJECT and subject[0] != "Model"):
                return
            if predicate == "forLanguage" and subject[0] == "Model" and (obj, number) in datasets_languages:
                return  # the language this sentence gives a dataset it introduces is the dataset's (_dataset_language)
            if (predicate == "basedOn" and self.further_training is not None
                    and self.further_training.search(sentence)):
                predicate = "fineTunedFrom"  # see further_training
            key = (subject, predicate, obj)
            old = found.get(key)
            if old is None or confidence > old[0]:
                found[key] = (confidence, number, sentence)

        for number, ((skel, ms, positions), (_, sentence)) in enumerate(zip(skeletons, sentences)):
            if not ms:
                continue
            if self.dataset_language:
                datasets_languages |= self._dataset_language(skel, ms, positions, add, number, sentence, intros[number])
            if self.class_members is not None:
                self._class_members(skel, ms, positions, add, number, sentence)
            base = title_defaults if number == 0 else defaults
            if number and len(intro) > 1 and self.plural_own.search(skel):
                base = [("Model", n) for n in intro]  # "both models are trained on ..."
            own_here = [(i, x) for i, x in enumerate(ms) if x.type == "Model" and x.name in own] if own else []
            ana = {i for i, x in enumerate(ms) if (x.start, x.end) in anaphors} if anaphors else ()
            # stand-ins for the paper's own dataset, which it may also be evaluated on
            own_ana = {i for i in ana if anaphors[ms[i].start, ms[i].end]} if ana else ()

            # own models named only to describe another ("LED, a Longformer variant") are no subject after them
            describing = {i for i, _ in own_here if self._describes(skel, positions[i])} if own_here else set()

            # own models named together ("introduces StarCoder and StarCoderBase: ..."): a subject for each
            together: dict[str, list] = {}
            if len(own_here) > 1:
                for group in self.model_list.finditer(skel):
                    names = [ms[int(j)] for _, j in _PLACEHOLDER.findall(group.group(0))]
                    if len(names) > 1 and all(n.name in own for n in names):
                        for n in names:
                            together[n.name] = [(n2.type, n2.name) for n2 in names]

            def subjects_for(at: int, objects: frozenset[int] = frozenset()):
                if number == 0 and len(head) > 1:
                    return base  # "AlphaLM and BetaLM: Swahili models"
                # not an own model named as another's parent ("ZetaLM-Chat is tuned from ZetaLM using DPO")
                before = [x for i, x in own_here if positions[i] < at and i not in describing and i not in parents]
                if before:
                    return together.get(before[-1].name) or [(before[-1].type, before[-1].name)]
                # "We fine-tuned FooBase ..., resulting in Foo": not the own model that is the object
                rest = [x for i, x in own_here if i not in objects and i not in parents]
                if rest:
                    return [(rest[0].type, rest[0].name)]
                if own_here:
                    return [(own_here[0][1].type, own_here[0][1].name)]
                return base

            low, scan, clauses = lows[number], scans[number], _Clauses()
            clauses.cues = scan[2]
            # see _background; a sentence about the paper's own models, or about a technique it introduces
            # ("QLoRA backpropagates gradients ... into LoRA"), is no background
            bg = ([None, None] if number > 0 and not own_here
                  and not any(x.introduced and x.type == "Technique" for x in ms)
                  and not (self.continues is not None and self.continues.match(skel) and ours_before(number - 1))
                  else [False, False])
            studying = evaluated = asides = studied = None  # looked up once a sentence, on first need
            claimed: set[int] = set()
            trained: set[int] = set()
            parents: set[int] = set()  # own models the sentence names as the object of a Model -> Model edge
            set_apart: set[int] = set()  # models it distils from or beats ("We distill RoBERTa into ...")
            named: set[int] = set()  # objects a rule gave to a subject the sentence names ("T5 was trained on C4")
            tuned = False  # whether a rule found a model tuned from another here
            rules = self._rule_mask(skel, low, scan)
            if own:
                rules &= ~self._only_without_own
            if rules & self._own_subject and self._background(skel, low, bg):
                rules &= ~self._own_subject
            others = scan[2] & _OTHERS  # a word others' work starts with (others_subject_hint): see _by_others
            for rule, matches in self._listed(rules):
                implicit_model = rule.predicate in _MODEL_OBJECT
                for m in matches(skel, low):
                    if self._blocked_cue(skel, m, rule.predicate) or (others and self._by_others(skel, m)):
                        # "unlike BERT, which was trained on C4": C4 is then no default benchmark either;
                        # "Prior work evaluated BERT on SQuAD": nor is SQuAD
                        claimed.update(int(i) for _, i in _PLACEHOLDER.findall(m.group("y")))
                        continue
                    antecedent = None
                    if asides is None:
                        asides = _asides(skel)
                    if asides and not rule.explicit_subject and m.start("y") > m.start() and _aside_before(asides, m.start()):
                        # "In contrast to TinyBERT, which distills BERT, ...": TinyBERT's, not the paper's
                        relative = (_RELATIVE_SUBJECT.search(skel, max(0, m.start() - 80), m.start())
                                    or _APPOSITION_OF.search(skel, max(0, m.start() - 80), m.start()))
                        if relative and ms[int(relative.group(1))].name not in own:
                            antecedent = ms[int(relative.group(1))]
                            if not implicit_model:
                                # "ChatDoctor, which was trained on HealthCareMagic": others' data, no edge of ours
                                claimed.update(int(i) for _, i in _PLACEHOLDER.findall(m.group("y")))
                                continue
                    if antecedent is None and implicit_model and not (
                            rule.explicit_subject and _PLACEHOLDER.match(m.group("x") or "")):
                        # no named subject: the paper's own model, so not from background or studies of others
                        if self._background(skel, low, bg) or (m.start("y") > m.start() and self._other_subject(skel, m.start(), ms, own)):
                            continue
                        if rule.predicate in self.lineage_rank:
                            if (self.gerund_finding is not None and m.start("y") > m.start()
                                    and _GERUND_SUBJECT.search(skel, 0, m.start()) and _GERUND.match(skel, m.start())
                                    and "," not in m.group("y") and self.gerund_finding.match(skel, m.end("y"))):
                                # ("Starting from SciBERT, PhysBERT is ...": the comma ends the gerund's clause)
                                continue  # "Distilling BERT is expensive": the act as a clause's subject, no model of ours
                            served = (_SERVES_OWN.search(skel, m.end())
                                      if rule.predicate in ("fineTunedFrom", "compresses") else None)
                            if served and ms[int(served.group(1))].name in own and not _WE_BEFORE.search(
                                    skel, max(0, served.start() - 20), served.start()) and not any(
                                    ms[int(i)].name in own for _, i in _PLACEHOLDER.findall(m.group("y"))):
                                continue  # "We fine-tune T5 to generate questions, which are used to train FooBERT": a tool
                            if studying is None:
                                block = self.lineage_block.search(skel)
                                studying = block.start() if block else len(skel)
                                if self.lineage_aside is not None and self.lineage_aside.search(skel):
                                    studying = -1  # "We also fine-tune LLaMA-2 on the same data for comparison"
                            # "we compare ... with BERT-based models", but not "we evaluate it with OurLM (OLM), based on Y"
                            if studying < m.start() and not self._own_apposition(skel, m.start(), positions, own_here, studying):
                                continue
                    if (not implicit_model and not rule.explicit_subject and bg[0] is not False
                            and m.start("y") > m.start() and self._other_subject(skel, m.start(), ms, own)):
                        continue  # "For example, GPT-3.5 achieved 18 F1 on OntoNotes": others' result; the default decides
                    objects = [int(i) for c, i in _PLACEHOLDER.findall(m.group("y"))]
                    if len(objects) > 1 and _NEXT_CLAUSE.match(skel, m.end("y")) and _COMMA_LAST.search(m.group("y")):
                        objects.pop()  # "Although A is distilled from B, C is trained from scratch": C starts a clause
                    objects = [i for i in objects if not self._blocked_object(skel, positions[i], None, clauses)
                               and (i not in ana or rule.predicate == "trainedOn"
                                    or (rule.predicate == "evaluatedOn" and i in own_ana))]
                    if (implicit_model and len(objects) > 1 and ms[objects[-1]].name in own
                            and any(ms[i].name not in own for i in objects)
                            and (_APPOSED_AFTER.match(skel, m.end("y")) or _NEXT_CLAUSE.match(skel, m.end("y")))):
                        # "pre-trained from Mistral, and ZetaLM-Chat, fine-tuned ...", "outperforms LLaMA, and
                        # ZetaLM-Chat outperforms ...": the own model last in a list of others' starts anew
                        objects.pop()
                    x = m.group("x") if rule.explicit_subject else None
                    if (x and m.start("x") < m.start("y") and x.count("«") > 1
                            and _PREPOSITION_BEFORE.search(skel, max(0, m.start("x") - 20), m.start("x"))):
                        # "pruning the heads of StarCoder, and SlimCoder-4bit, a quantized ...": the list's
                        # first item is a preposition's object, not a subject
                        x = x[_PLACEHOLDER.match(x).end():] if _PLACEHOLDER.match(x) else x
                    # a comparison word before the named subject ("better than X") drops it, but not in a
                    # pattern naming the subject after the object ("Y is outperformed by X")
                    if (x and _PLACEHOLDER.match(x) and m.start("x") < m.start("y")
                            and self._blocked_object(skel, m.start("x"), self.block_default, clauses)):
                        claimed.update(objects)  # "outperforms CamemBERT, a French model": CamemBERT's, not ours
                        continue
                    if antecedent is not None:
                        subjects, x = [(antecedent.type, antecedent.name)], None
                    elif x and _PLACEHOLDER.match(x):
                        subjects = [(ms[int(i)].type, ms[int(i)].name) for _, i in _PLACEHOLDER.findall(x)]
                        if rule.named_only_without_own and own and not all(n in own for _, n in subjects):
                            subjects, x = subjects_for(m.start("y")), None
                    else:
                        subjects = subjects_for(m.start("y"), frozenset(objects))
                    if (implicit_model and x is None and rule.predicate in self.lineage_rank and len(objects) > 1
                            and "," not in m.group("y") and any((ms[i].type, ms[i].name) in subjects for i in objects)):
                        continue  # "We then prune FooBERT and BERT": the own model is a co-object, derived from none
                    if x and not implicit_model:
                        named.update(objects)
                    elif named and not rule.explicit_subject:
                        objects = [i for i in objects if i not in named]  # not also the default subject's
                    for i in objects:
                        obj = (ms[i].type, ms[i].name)
                        if rule.predicate in ("distillsFrom", "outperforms"):
                            set_apart.add(i)
                        if implicit_model and obj[1] in own and obj not in subjects:
                            parents.add(i)
                        tuned = tuned or (rule.predicate == "fineTunedFrom" and any(x[0] == "Model" and obj != x for x in subjects))
                        if rule.predicate == "evaluatedOn" and i in trained:
                            continue
                        if rule.predicate == "trainedOn":
                            trained.add(i)
                        if rule.predicate == "trainedOn" or (x and not rule.shared_objects):
                            claimed.add(i)
                        for subject in subjects:
                            add(subject, rule.predicate, obj, rule.confidence, number, sentence)
            if own_ana and not own and self.own_experiment is not None and self.own_experiment.search(low):
                if asides is None:
                    asides = _asides(skel)
                if studied is None:
                    studied = self._studied_models(skel, ms, positions, clauses, asides, set_apart)
                for i in own_ana:  # see own_experiment: the paper's evaluation on its own dataset
                    obj = (ms[i].type, ms[i].name)
                    add(("Paper", paper.key), "evaluatedOn", obj, self.own_experiment_confidence, number, sentence)
                    for y in studied:  # "we benchmark the dataset on models like mBERT and XLM-R": theirs too
                        add(("Model", y), "evaluatedOn", obj, self.own_experiment_confidence * _STUDIED_DISCOUNT,
                            number, sentence)
                    defaulted[obj] = False  # a sentence evaluates on it: no weak default
            translating = "translat" in low  # once a sentence: a search of it per mention is quadratic
            for i, x in enumerate(ms):
                if (x.type not in self.defaults or i in claimed or i in ana
                        or (x.type in self.background_off and self._background(skel, low, bg)
                            and not (x.type == "Dataset" and self._measured_here(low, own, ms)))
                        or (x.type in self.background_strict and self._background(skel, low, bg, True))
                        or self._blocked_object(skel, positions[i], self.block_default, clauses)):
                    continue
                if x.type == "Technique" and clauses.cues & _CONTRAST and self._technique_contrast(
                        skel, positions[i], clauses):
                    continue
                if x.type == "Technique" and scan[2] & _ACTED and self._acted_on(skel, positions[i]):
                    continue
                if x.type == "Technique" and _DATA_NOUN_NEXT.match(skel, positions[i] + x.end - x.start):
                    continue  # "an instruction-tuning dataset", "SFT data": what the data is for, not a technique used
                if x.type == "Dataset" and self._blocked_object(skel, positions[i], self.dataset_source, clauses):
                    continue
                if x.type == "Dataset" and not own and any(y.type == "Dataset" and y.introduced and y.name != x.name
                                                           for y in ms[:i]):
                    continue  # "Zyda competes favorably with Dolma": a dataset paper's data beside others', no benchmark
                if (x.type == "Language" and others and self._background(skel, low, bg)
                        and self.others_subject.search(self._clause_before(skel, positions[i]))):
                    continue  # "Most prior work targets French": others' language, in a sentence not about ours
                if (x.type == "Language" and self.language_contrast is not None and self._background(skel, low, bg)
                        and self.language_contrast.search(_sentence_part_before(skel, positions[i]))):
                    continue  # "research has focused on high-resource languages such as English": the field's
                if (x.type == "Language" and self.language_source is not None and translating
                        and self.language_source.search(self._clause_before(skel, positions[i]))):
                    continue
                if asides is None:
                    asides = _asides(skel)
                if asides and _aside_before(asides, positions[i]):
                    aside = (_RELATIVE_CLAUSE.search(skel, max(0, positions[i] - 80), positions[i])
                             or _APPOSITION_OF.search(skel, max(0, positions[i] - 80), positions[i]))
                    if aside and ms[int(aside.group(1))].name not in own:
                        # "We compare with Vicuna, which relies on RLHF", "X surpasses Llama2-Chat, the best open
                        # RLHF-based model": the other model's
                        continue
                if x.type in self.default_skip and self.default_skip[x.type].match(skel, _mention_end(skel, positions[i], x)):
                    if not any(k[2] == (x.type, x.name) and k[1] == self.defaults[x.type][0] for k in found):
                        continue
                predicate, confidence = self.defaults[x.type]
                if predicate == "evaluatedOn":
                    # weak when no sentence giving it holds a word of evaluation
                    if evaluated is None and number == 0:
                        evaluated = bool(self.title_evaluation_words and self.title_evaluation_words.search(skel))
                    elif evaluated is None:
                        evaluated = bool(self._evaluation_lead and self._evaluation_lead.search(skel, low))
                    weak = not evaluated
                    if (weak and self.training_words is not None and self.training_words.search(
                            _BRACKETED.sub("", low[:positions[i]]))) or (
                            (tuned or (self.tuned_from_pronoun is not None and own_here and "from" in low
                                       and self.tuned_from_pronoun.search(low)))
                            and self.tuning_words is not None and self.tuning_words.search(low[:positions[i]])):
                        # "Koala is trained on interaction data ..., including ShareGPT", "To build X, we fine-tune
                        # Y on ShareGPT" (a model tuned from another): training data, not a benchmark
                        predicate, confidence = self.training_default
                        trained.add(i)
                    else:
                        defaulted[(x.type, x.name)] = defaulted.get((x.type, x.name), True) and weak
                subjects = subjects_for(positions[i])
                if number == 0 and not head and (x.type in self.title_to_own or predicate == "trainedOn"):
                    # "Multilingual is not enough: BERT for Finnish", "Trained on 100 million words ...: BERT
                    # meets British National Corpus": the model the abstract introduces
                    subjects = defaults
                for subject in subjects:
                    key = (subject, predicate, (x.type, x.name))
                    if key not in found:
                        add(subject, predicate, (x.type, x.name), confidence, number, sentence)
                if not own and predicate in _STUDIED_PREDICATES and subjects == [("Paper", paper.key)]:
                    if studied is None:
                        studied = self._studied_models(skel, ms, positions, clauses, asides, set_apart)
                    for y in studied:  # "We evaluate GPT-4 and LLaMA-2 on MMLU": theirs too (GUIDELINES)
                        add(("Model", y), predicate, (x.type, x.name), confidence * _STUDIED_DISCOUNT, number, sentence)
            if scan[2] & _NAME and self.name_internal.search(skel):
                self._name_internal(skel, positions, own, ms, {x.name for x in mentions if x.type == "Model"},
                                    add, number, sentence)
            if number == 0 and head:
                self._title_name_lineage(head, ms, mentions, add, sentence)
        if own and self.variant_lineage:
            self._variant_of_base(own, skeletons, sentences, add, linker)
        if head and self.title_base and skeletons[0][1]:
            self._title_base(head, skeletons[0][1], found, add, sentences[0][1])
        if self.described_language:
            self._named_language(mentions, sentences, add)
        if not own:
            self._languages_to_datasets(paper, mentions, found)
        if defaulted:
            # a dataset no sentence naming it evaluates on is no benchmark on the default's weak evidence
            weak = self.defaults["Dataset"][1]
            for key in [k for k, v in found.items()
                        if k[1] == "evaluatedOn" and defaulted.get(k[2]) and v[0] <= weak]:
                del found[key]
            # a default benchmark the paper describes as training data is what its subject is trained on
            if training_data := self._training_data(skeletons):
                for key, value in [(k, v) for k, v in found.items()
                                   if k[1] == "evaluatedOn" and k[2][1] in training_data and v[0] <= weak]:
                    del found[key]
                    add(key[0], "trainedOn", key[2], self.training_default[1], *value[1:])
        return self._finish(found, paper)

    def _variant_of_base(self, own: set[str], skeletons, sentences, add, linker=None) -> None:
        """``X-Chat fineTunedFrom X`` for the paper's own chat / instruct variant of a model it names.

        The evidence is the first sentence naming the variant.
        """
        linker = _variant_linker() if linker is None else linker
        bases = {n: split[0] for n in sorted(own) if (split := linker.variant_split(n)) is not None}
        if not bases:
            return
        first: dict[str, int] = {}
        keys: dict[str, str] = {}
        for number, (_, ms, _) in enumerate(skeletons):
            for x in ms:
                if x.type == "Model" and x.name not in first:
                    first[x.name] = number
                    keys[x.name] = " ".join(p for p in _LINK_SEPARATORS.split(fold(x.name)) if p)
        predicate, confidence = self.variant_lineage
        for name, base in bases.items():
            if name not in first:
                continue
            for other, key in keys.items():
                if key == base and other != name:
                    number = first[name]
                    add(("Model", name), predicate, ("Model", other), confidence, number, sentences[number][1])

    def _training_data(self, skeletons) -> frozenset[str]:
        """The datasets the paper describes as training data right after a name (see ``training_data``)."""
        if self.training_data is None:
            return frozenset()
        return frozenset(x.name for skel, ms, positions in skeletons for i, x in enumerate(ms)
                         if x.type == "Dataset" and self.training_data.match(skel, _mention_end(skel, positions[i], x)))

    def _measured_here(self, low: str, own, ms: list[Mention]) -> bool:
        """Whether the sentence reports a figure measured on a dataset and names no model but the paper's own: then
        it is the paper's evaluation, however impersonally put (see ``measured_result``)."""
        return (self.measured_result is not None and bool(self.measured_result.search(low))
                and (not own or not any(x.type == "Model" and x.name not in own for x in ms)))

    def _background(self, skel: str, low: str, known: list, strict: bool = False) -> bool:
        """Whether a sentence (without the paper's own models) speaks of others' work, looked up once.

        ``known`` holds ``[background, strictly background]``, None while not looked up.
        """
        if known[0] is None:
            known[0] = not self._lead["ours_here"].search(skel, low)
        if not strict:
            return known[0]
        if known[1] is None:
            known[1] = known[0] or not self._lead["ours_strict"].search(skel, low)
        return known[1]

    def _anaphors(self, paper: Paper, sentences: list[tuple[int, str]],
                  mentions: list[Mention]) -> tuple[list[Mention], dict[tuple[int, int], bool]]:
        """Mentions plus "this dataset" / "the corpus" in a training or evaluation sentence, standing for the last
        Dataset named; and the stand-ins' spans, each with whether the paper introduces what it stands for.

        The antecedent is the last Dataset mention before the phrase, in its
        sentence or the two before; the stand-in mentions may take a
        ``trainedOn`` edge ("We collect the OSCAR data. Then we pre-train our
        model using this dataset."), and an ``evaluatedOn`` edge when the paper
        introduces the dataset ("We present Belebele, ... We use this dataset
        to evaluate ...").
        """
        if self.anaphor is None or not mentions:
            return mentions, {}
        own = {x.name: x for x in mentions if x.type == "Dataset" and x.introduced}
        # evaluation, and "our dataset" / "the benchmark", only of the paper's own
        cue_any, hint_any = ((self._anaphor_any_cue_any, self._anaphor_any_hint_any) if own
                             else (self._anaphor_cue_any, self._anaphor_hint_any))
        low = paper.abstract.lower()
        if not cue_any(low) or not hint_any(low):  # the cue: a few words, the cheaper test
            return mentions, {}
        extra = []
        own_dataset = next(iter(own.values())) if len(own) == 1 else None  # "We present Belebele, ... this dataset"
        for number, (offset, sentence) in enumerate(sentences):
            low = sentence.lower() if number else ""
            if number == 0 or not cue_any(low):
                continue
            window = sentences[max(0, number - 2)][0]
            found = [(m.start(), m.end(), m.group(), False) for m in self._anaphor_lead.finditer(sentence, low)]
            if own and self.own_anaphor is not None and "our " in low:
                found += [(m.start("n"), m.end("n"), m.group("n"), True) for m in self.own_anaphor.finditer(sentence)]
            if own_dataset and self.the_anaphor is not None and "the dataset" in low:
                found += [(m.start(), m.end(), m.group(), None) for m in self.the_anaphor.finditer(sentence)]
            for at, to, phrase, ours in found:
                start, end = offset + at, offset + to
                if any(x.start < end and start < x.end for x in mentions):
                    continue
                earlier = [x for x in mentions if x.type == "Dataset" and window <= x.start and x.end <= start]
                # a dataset named as the source of another ("retrieved from Common Crawl") only when no other
                earlier = [x for x in earlier if not _FROM_BEFORE.search(paper.text, max(0, x.start - 30), x.start)] or earlier
                if ours:  # "our dataset": the paper's own
                    earlier = [x for x in earlier if x.introduced]
                # "this dataset" / "our benchmark" far from any name: the one dataset the paper introduces
                # ("the dataset", ``ours`` None: the last one named, else the paper's)
                antecedent = (earlier[-1] if earlier else own_dataset if ours is not False or _OWN_ANAPHOR.match(phrase)
                              else None)
                if antecedent is None or (not antecedent.introduced and "bench" in phrase.lower()):
                    continue  # a benchmark is not what one trains on: "presets taken from the benchmark of X"
                extra.append(Mention(phrase, antecedent.name, "Dataset", start, end, antecedent.introduced))
        if not extra:
            return mentions, {}
        return (sorted(mentions + extra, key=lambda x: (x.start, -x.end)),
                {(x.start, x.end): x.introduced for x in extra})

    def _name_internal(self, skel, positions, own, ms, models, add, number, sentence) -> None:
        """``monoBERT`` introduced as one of "two variants" of BERT: basedOn the model its name holds.

        The cue word must come shortly before the name, with no other model's placeholder between.
        """
        for i, x in enumerate(ms):
            if x.type != "Model" or x.name not in own:
                continue
            window = skel[max(0, positions[i] - 60):positions[i]]
            cues = list(self.name_internal.finditer(window))
            if not cues or _OF_THE.fullmatch(window, cues[-1].end()):
                continue  # "we evaluate several versions of ConfliBERT": its own versions, not another's
            between = [ms[int(j)].name for _, j in _PLACEHOLDER.findall(window[cues[-1].end():])]
            described = _DESCRIBED_BEFORE.search(window, 0, cues[-1].start())
            if described and ms[int(described.group(1))].name not in own:
                continue  # "Compared with DistilBERT, a distilled version of BERT, FooBERT ...": DistilBERT's version
            # "finetuned variants called BLOOMZ": tuned from the model its name holds
            predicate = (self.name_internal_tuned[0] if self.name_internal_tuned and self.name_internal_tuned[1].search(window)
                         else self.name_internal_predicate)
            for y in models:
                if any(b not in x.name and b not in own for b in between):
                    break
                if y not in own and len(y) >= 3 and y != x.name and y in x.name:
                    add(("Model", x.name), predicate, ("Model", y), self.name_internal_confidence, number, sentence)

    def _title_name_lineage(self, head, ms, mentions, add, sentence) -> None:
        """The title's own model whose name holds another model the paper names, when the title's rest says
        how it was made smaller: "Shortened LLaMA: A Simple Depth Pruning for Large Language Models" compresses
        LLaMA; "DistilFoo: Distilling ..." distils from it. Nothing when the title names that model itself (the
        rules read that sentence)."""
        compress = self.title_compress_cue.search(sentence)
        if not compress and not self.title_distil_cue.search(sentence):
            return
        predicate = "compresses" if compress else "distillsFrom"
        named = {x.name for x in ms}
        for name, y in _held_names(head, {x.name for x in mentions if x.type == "Model"} - set(head)):
            if y not in named:
                add(("Model", name), predicate, ("Model", y), self.name_internal_confidence, 0, sentence)

    def _title_base(self, head, ms, found, add, sentence) -> None:
        """The title's own model whose name holds another model the title's rest names derives from it, where
        no rule says how: "SenseBERT: Driving Some Sense into BERT", "DocBERT: BERT for Document Classification"
        (``basedOn``, the reuse of a model or its recipe; which names count: :func:`_held_names`), but not one
        that made what the title is about ("ArguGPT: ... essays generated by GPT models").
        ``sentence`` is the title, at offset 0 of the paper's text."""
        predicate, confidence = self.title_base
        models = {x.name for x in ms if x.type == "Model" and not sentence[:x.start].rstrip().endswith(" by")} - set(head)
        pairs = set(_held_names(head, models))
        # ... and one the rest names outside the name, not set against it: "HeRo: RoBERTa and Longformer Hebrew
        # Language Models", not "Vicuna: An Open-Source Chatbot Impressing GPT-4"
        rest = _TITLE_REST.search(sentence)
        if rest:
            own = {x.name for x in ms if x.type == "Model" and x.start < rest.start()} & set(head)
            pairs |= {(name, x.name) for x in ms for name in own
                      if x.type == "Model" and x.start >= rest.end() and x.name in models and x.name != name
                      and x.confidence >= 0.9  # a known model, no name found in this title only
                      and not self.title_rest_block.search(sentence, rest.end(), x.start)
                      and not _LIKENESS.match(sentence, x.end)}
        for name, y in sorted(pairs):
            if not any((("Model", name), p, ("Model", y)) in found for p in LINEAGE_PREDICATES):
                add(("Model", name), predicate, ("Model", y), confidence, 0, sentence)

    def _class_members(self, skel, ms, positions, add, number, sentence) -> None:
        """Models listed right after the technique their class is named by use it ("SSMs like Mamba")."""
        predicate, confidence, after = self.class_members
        for i, x in enumerate(ms):
            if x.type != "Technique":
                continue
            m = after.match(skel, positions[i] + len(_spaced(x.surface)))  # the technique's words, as the skeleton has them
            if m is not None:
                for _, j in _PLACEHOLDER.findall(m.group("y")):
                    add(("Model", ms[int(j)].name), predicate, ("Technique", x.name), confidence, number, sentence)

    def _dataset_language(self, skel, ms, positions, add, number, sentence, intros=None) -> set:
        """``D forLanguage L`` for a dataset described with a language, or introduced in a sentence naming languages.

        Returns the ``(language, sentence number)`` pairs given to a dataset the sentence introduces, from the
        languages after its name: "we also introduce a benchmark named XFUND, which includes samples in 7
        languages (Chinese, ...)" gives XFUND its languages, and the paper's model none from that sentence (the
        paper's, in a paper with no model of its own, go to its datasets: :meth:`_languages_to_datasets`).
        """
        given: set = set()
        if intros is not None and not intros and "«D" not in skel:
            return given  # no dataset described nor introduced here (the common case), checked before the list below
        languages = [x for x in ms if x.type == "Language"]
        if not languages:
            return given
        if "«D" in skel:
            for regex in self.described_language:
                for m in regex.finditer(skel):
                    dataset, lang = ms[int(m.group("d"))], ms[int(m.group("l"))]
                    add((dataset.type, dataset.name), "forLanguage", (lang.type, lang.name),
                        self.dataset_language, number, sentence)
            for m in self.language_before.finditer(skel):  # "English CoNLL 2003", not "Korean BBQ"
                dataset, lang = ms[int(m.group("d"))], ms[int(m.group("l"))]
                if lang.name in self.language_before_names and dataset.name not in self.language_before_not:
                    add((dataset.type, dataset.name), "forLanguage", (lang.type, lang.name),
                        self.dataset_language, number, sentence)
            composed = self.composed_language.match(skel)
            if composed and ms[int(composed.group("d"))].introduced:  # "FinMTEB comprises ... in Chinese and English"
                dataset = ms[int(composed.group("d"))]
                for lang in languages:
                    if lang.start > dataset.start:
                        add((dataset.type, dataset.name), "forLanguage", (lang.type, lang.name),
                            self.dataset_language, number, sentence)
                        given.add(((lang.type, lang.name), number))
        for m in (self._intros(skel) if intros is None else intros):
            first = _PLACEHOLDER.search(skel, m.end())
            if first and first.group(1) == "D" and ms[int(first.group(2))].introduced:
                dataset = ms[int(first.group(2))]  # (not one it extends: "we extend MultiNLI to 15 languages")
                for lang in languages:
                    add((dataset.type, dataset.name), "forLanguage", (lang.type, lang.name),
                        self.dataset_language, number, sentence)
                    if lang.start > dataset.start:
                        given.add(((lang.type, lang.name), number))
        return given

    @staticmethod
    def _languages_to_datasets(paper: Paper, mentions: list[Mention], found: dict) -> None:
        """In a paper that introduces datasets and no model, the languages it targets are its datasets'.

        "MLQA contains QA instances in 7 languages, namely English, Arabic, ...": ``MLQA forLanguage
        Arabic``, not the paper.
        """
        datasets = introduced_datasets(mentions)
        if not datasets:
            return
        paper_subject = ("Paper", paper.key)
        for key in [k for k in found if k[0] == paper_subject and k[1] == "forLanguage"]:
            value = found.pop(key)
            for dataset in datasets:
                new = (dataset, key[1], key[2])
                if new not in found or found[new][0] < value[0]:
                    found[new] = value

    def _named_language(self, mentions: list[Mention], sentences, add) -> None:
        """``D forLanguage L`` for a dataset whose canonical name holds a language the paper names.

        "the first-ever Kazakh Language Understanding Benchmark (KLUB)": the name says what it is for.
        The name, not the surface: "the Dutch OSCAR corpus" is OSCAR, whose name holds no language.
        """
        languages = {m.surface.lower(): m for m in mentions if m.type == "Language"}
        if not languages:
            return
        starts = [offset for offset, _ in sentences]
        for m in mentions:
            if m.type != "Dataset" or " " not in m.name:
                continue
            for word in m.name.lower().split():
                lang = languages.get(word)
                if lang is not None:
                    number = bisect.bisect_right(starts, m.start) - 1
                    add((m.type, m.name), "forLanguage", (lang.type, lang.name), self.dataset_language,
                        number, sentences[number][1])

    def _blocked_cue(self, skel: str, m: re.Match, predicate: str = "") -> bool:
        start = m.start()
        window = _WORDS_BEFORE.search(skel, max(0, start - 40), start).group(0)
        window = window[window.rfind(";") + 1:]  # "We do not train from scratch; instead we fine-tune Y"
        cue = skel[start:m.start("y")] if m.start("y") > start else skel[m.end("y"):m.end()]
        text = window + " " + cue
        return bool(self.block_cue.search(text) or (
            predicate == "outperforms" and self.block_comparison is not None and self.block_comparison.search(text)))

    def _describes(self, skel: str, at: int) -> bool:
        """Whether the placeholder at ``at`` only describes another model: "a «M1» variant", "a «M1»-based model"."""
        end = skel.index("»", at) + 1
        # (the article and one word are read in the 100 characters before it: a long text stays linear)
        return bool(_ARTICLE_BEFORE.search(skel, max(0, at - 100), at)) and bool(self.described.match(skel, end))

    @staticmethod
    def _own_apposition(skel: str, at: int, positions: list[int], own_here, after: int) -> bool:
        """Whether the cue at ``at`` follows one of the paper's own models (after ``after``) as its apposition.

        Only a bracketed alias, a comma and one or two words may come between: "OurLM (OLM), based on Y".
        """
        for i, _ in own_here:
            if (after < positions[i] < at and _APPOSITION_GAP.fullmatch(skel, skel.index("»", positions[i]) + 1, at)
                    and _APPOSITION_CUE.match(skel, at)):
                return True
        return False

    def _other_subject(self, skel: str, at: int, ms: list[Mention], own: set[str]) -> bool:
        """Whether a model not the paper's own is the subject of the cue at ``at`` ("GPT-4 outperforms ...")."""
        before = skel[max(0, at - 120):at]
        if ")" in before:  # "BERT (Devlin et al., 2019) achieved 93 F1 on": asides left out
            before = _BRACKETED.sub("", before)
        window = self._clause_before(before, len(before))
        m = _SUBJECT_BEFORE.search(window) or _CLAUSE_SUBJECT.match(window)
        if not m:  # "Previous work distilled «M1» into students": others', though no model is named
            return bool(self.others_subject and self.others_subject.search(window))
        if ms[int(m.group(1))].name in own:
            return False
        # "a lightly fine-tuned Llama 3 model outperforms GPT-4": the paper's own model, named by its base
        return not (self.own_derivative is not None and self.own_derivative.search(window, 0, m.start()))

    @staticmethod
    def _clause_before(skel: str, at: int, width: int = 60) -> str:
        """The text before ``at`` (at most ``width`` characters) back to the last clause break."""
        window = skel[max(0, at - width):at]
        if not _may_break(window):
            return window
        breaks = list(_CLAUSE_BREAK.finditer(window))
        return window[breaks[-1].end():] if breaks else window

    def _clause_window(self, skel: str, at: int, clauses: _Clauses | None = None) -> tuple[str, str, bool]:
        """``(window, window.lower(), whether block_object ends near it)``, ``window`` being ``_clause_before(skel, at)``.

        Kept in ``clauses`` (one sentence's).
        """
        if clauses is not None and at in clauses:
            return clauses[at]
        window = self._clause_before(skel, at)
        low = window.lower()
        cues = _WINDOW_CUES if clauses is None else clauses.cues
        found = window, low, bool(cues & _BLOCK_OBJECT) and _ends_near(self._lead["block_object"], window, low)
        if clauses is not None:
            clauses[at] = found
        return found

    def _technique_contrast(self, skel: str, at: int, clauses: _Clauses) -> bool:
        """Whether technique_contrast is in the clause before the Technique at ``at``.

        Inside an open parenthesis the clause before it counts too: "outperforms
        strong baselines (NBSVM, «T1» and ULMFit)" lists others' methods.
        """
        lead = self._lead["technique_contrast"]
        window, low, _ = self._clause_window(skel, at, clauses)
        if lead.search(window, low):
            return True
        start = at - len(window)
        if _LIST_GAP.fullmatch(low) and start > 1 and skel[start - 1] == ",":
            # a later item of a list is others' work as the first is: "outperforms other methods such as
            # SayCan, ReAct, and Reflexion"; step back over short items to the clause the list opens in
            comma = start - 1
            for _ in range(8):
                before = self._clause_before(skel, comma, 120)
                if lead.search(before, before.lower()):
                    return True
                comma -= len(before) + 1
                if len(before.split()) > 4 or comma < 1 or skel[comma] != ",":
                    break
        if _EXAMPLES_OPEN.match(low) and start > 1 and skel[start - 1] == ",":
            # "outperforms ... distillation methods, such as OSS-Instruct and «T1»": examples of the clause before
            before = self._clause_before(skel, start - 1, 120)
            if lead.search(before, before.lower()):
                return True
        opened = skel.rfind("(", 0, at)
        if opened <= 0 or skel.rfind(")", 0, at) > opened:
            return False
        return bool(lead.search(*self._clause_window(skel, opened, clauses)[:2]))

    def _by_others(self, skel: str, m: re.Match) -> bool:
        """Whether the clause of the match ``m`` has others' work as its subject ("Prior work evaluated ...")."""
        start = min(m.start(), m.start("y"))
        return bool(self.others_subject.search(self._clause_before(skel, start)))

    def _acted_on(self, skel: str, at: int) -> bool:
        """Whether the Technique at ``at`` is what the sentence compresses or speeds up, not what it uses.

        "Task-Agnostic Compression of Pre-Trained Transformers": technique_object ends just before it.
        Asked only of a sentence whose scan found a technique_object_hint word (the _ACTED bit).
        """
        return self.technique_object is not None and bool(self.technique_object.search(skel, max(0, at - 60), at))

    def _studied_models(self, skel: str, ms: list[Mention], positions: list[int], clauses: _Clauses,
                        asides: list[int], set_apart: set[int] = frozenset()) -> list[str]:
        """The models a sentence of a paper with no model of its own studies: its named models but those it names
        as what another is compared with ("better than GPT-3"), negates, describes in an aside ("BERT, which
        ..."; ``asides``: the sentence's, see :func:`_asides`), sets the result against ("comparable to GPT-4":
        ``set_against``), or names as a teacher or a rival beaten (``set_apart``: "We distill RoBERTa into ...",
        "outperforms systems such as Claude 2").

        >>> from kg.model import Paper
        >>> paper = Paper("t:x", "A study", "Our experiments on MMLU cover GPT-4 and LLaMA-2, unlike PaLM.")
        >>> at = {n: paper.text.index(n) for n in ("GPT-4", "LLaMA-2", "MMLU", "PaLM")}
        >>> found = [Mention(n, n, "Dataset" if n == "MMLU" else "Model", i, i + len(n)) for n, i in at.items()]
        >>> sorted((r.subject[1], r.object[1]) for r in extract_relations(paper, found))
        [('GPT-4', 'MMLU'), ('LLaMA-2', 'MMLU'), ('t:x', 'MMLU')]

        A model a technique is applied on is studied, also after a comparison word: "DoRA outperforms LoRA on
        LLaMA" (``_TECHNIQUE_ON``).
        """
        return [x.name for i, (x, at) in enumerate(zip(ms, positions)) if x.type == "Model" and i not in set_apart
                and ((i and ms[i - 1].type == "Technique" and _TECHNIQUE_ON.fullmatch(skel, positions[i - 1], at))
                     or not self._blocked_object(skel, at, self.block_default, clauses))
                and not (self.set_against and self.set_against.search(skel, max(0, at - 60), at))
                and not (asides and _aside_before(asides, at))]

    def _blocked_object(self, skel: str, at: int, extra: re.Pattern | None = None, clauses: _Clauses | None = None) -> bool:
        """Whether block_object (or ``extra``) ends near the object at ``at``, in its clause: see ``_ends_near``."""
        extra_bit = 0 if extra is None else self._cue_bit.get(extra, _WINDOW_CUES)
        if clauses is not None and not clauses.cues & (_BLOCK_OBJECT | extra_bit):
            return False  # the sentence holds none of the literals their matches begin with
        window, low, blocked = self._clause_window(skel, at, clauses)
        if blocked or extra is None or (clauses is not None and not clauses.cues & extra_bit):
            return blocked
        lead = self._lead_of.get(extra)
        if lead is None:
            lead = self._lead_of[extra] = Leading(extra)
        return _ends_near(lead, window, low)

    def _finish(self, found: dict, paper: Paper) -> list[Relation]:
        # one lineage predicate per pair: the most specific (first listed) wins
        best: dict[tuple, str] = {}
        for (s, p, o) in found:
            if p in self.lineage_rank and (
                    (s, o) not in best or self.lineage_rank[p] < self.lineage_rank[best[(s, o)]]):
                best[(s, o)] = p
        out = []
        for (s, p, o), (confidence, number, sentence) in sorted(found.items(), key=lambda kv: (kv[1][1], kv[0])):
            if p in self.lineage_rank and best[(s, o)] != p:
                continue
            out.append(_relation(s, p, o, paper.key, sentence, confidence))
        return out


class _Clauses(dict):
    """One sentence's clause windows by position (see ``RelationExtractor._clause_window``).

    ``cues``: the sentence's aux bits, telling which window cues may match in it
    (set once made: ``_Clauses()`` is dict's own constructor, run in C).
    """

    __slots__ = ("cues",)


def _spaced(text: str) -> str:
    """Runs of whitespace as one space (most text has none to fold); the placeholder brackets « » made harmless."""
    if "  " in text or "\n" in text or "\t" in text or "\r" in text:
        text = _SPACE.sub(" ", text)
    if "«" in text or "»" in text:
        text = text.replace("«", "‹").replace("»", "›")
    return text


def _skeleton(text: str, offset: int, sentence: str, mentions: list[Mention],
              starts: list[int] | None = None) -> tuple[str, list[Mention], list[int]]:
    """The sentence with each mention in it replaced by a placeholder; those mentions and their positions.

    A Technique keeps its words (``quantization of «M2»`` is a cue); its
    position is where they start.

    >>> ms = [Mention("BERT", "BERT", "Model", 4, 8), Mention("pruning", "pruning", "Technique", 13, 20)]
    >>> _skeleton("We  BERT and pruning.", 0, "We  BERT and pruning.", ms)
    ('We «M0» and pruning.', [Mention(surface='BERT', name='BERT', type='Model', start=4, end=8, introduced=False, confidence=1.0), Mention(surface='pruning', name='pruning', type='Technique', start=13, end=20, introduced=False, confidence=1.0)], [3, 12])
    """
    end = offset + len(sentence)
    if starts is None:
        starts = [m.start for m in mentions]
    lo = bisect.bisect_left(starts, offset)
    chunk = text[offset:end]
    # most sentences hold nothing _spaced changes, nor do their pieces then
    plain = not ("  " in chunk or "\n" in chunk or "\t" in chunk or "\r" in chunk or "«" in chunk or "»" in chunk)
    if lo == len(mentions) or starts[lo] >= end:
        return (chunk if plain else _spaced(chunk)), [], []
    parts, here, positions, cursor = [], [], [], offset
    if plain:
        # the pieces are the text's own: a mention's position is its offset less ``shift`` (the sentence's
        # offset, and what the placeholders before it shortened the text by)
        shift = offset
        for k in range(lo, len(mentions)):
            m = mentions[k]
            at = m.start
            if at >= end:
                break
            if at < cursor or m.end > end:
                continue
            etype = m.type
            if etype == "Technique":
                parts.append(text[cursor:m.end])  # the gap and the technique's words
                positions.append(at - shift)
            else:
                tokens = _PLACEHOLDERS.get(etype)
                if tokens is None:
                    continue
                number = len(here)
                token = tokens[number] if number < len(tokens) else f"«{TYPE_CODE[etype]}{number}»"
                parts += (text[cursor:at], token)
                positions.append(at - shift)
                shift += m.end - at - len(token)
            here.append(m)
            cursor = m.end
        parts.append(text[cursor:end])
        return "".join(parts), here, positions
    length = 0
    for k in range(lo, len(mentions)):
        m = mentions[k]
        if m.start >= end:
            break
        if m.start < cursor or m.end > end or m.type not in TYPE_CODE:
            continue
        gap = _spaced(text[cursor:m.start])
        token = _spaced(text[m.start:m.end]) if m.type == "Technique" else f"«{TYPE_CODE[m.type]}{len(here)}»"
        parts += (gap, token)
        positions.append(length + len(gap))
        length += len(gap) + len(token)
        here.append(m)
        cursor = m.end
    parts.append(_spaced(text[cursor:end]))
    return "".join(parts), here, positions


def _sentence_part_before(skel: str, at: int, width: int = 100) -> str:
    """The text before ``at`` (at most ``width`` characters) back to a break stronger than a list's comma."""
    window = skel[max(0, at - width):at]
    breaks = list(_PART_BREAK.finditer(window))
    return window[breaks[-1].end():] if breaks else window


def _asides(skel: str) -> list[int]:
    """Where a model's relative clause or apposition opens in a skeleton ("«M1», which", "«M2», the"): the
    windows _RELATIVE_SUBJECT, _RELATIVE_CLAUSE and _APPOSITION_OF look in, found once a sentence."""
    if "«M" not in skel:
        return []
    return [m.end() for m in _ASIDE.finditer(skel)]


def _aside_before(asides: list[int], at: int) -> bool:
    """Whether an aside of :func:`_asides` opens at most 80 characters before ``at``."""
    return any(at - 80 <= a <= at for a in asides)


def _mention_end(skel: str, at: int, mention: Mention) -> int:
    """Where the mention at ``at`` ends in its skeleton: after its placeholder, or after a Technique's words."""
    if mention.type == "Technique":
        return at + len(_spaced(mention.surface))
    return skel.index("»", at) + 1


def _may_break(window: str) -> bool:
    """False when ``_CLAUSE_BREAK`` surely finds nothing in ``window`` (no break character, no break word)."""
    if "," in window or ";" in window or ":" in window or "(" in window or ")" in window:
        return True
    if "ı" in window or "ſ" in window or "İ" in window:
        return True  # letters the regex folds to i or s, lower() does not
    low = window.lower()
    return "while" in low or "whereas" in low or "but" in low or "though" in low


def _ends_near(regex: re.Pattern | Leading, window: str, low: str | None = None) -> bool:
    """Whether ``regex`` matches in ``window`` at most four words before its end, with no placeholder after it;
    up to seven before a last item of a list ("without extensive human annotations or distillation").

    ``low``: ``window.lower()``, for a :class:`Leading` regex.
    """
    last = None
    for last in (regex.finditer(window, low) if isinstance(regex, Leading) else regex.finditer(window)):
        pass
    if last is None:
        return False
    rest = window[last.end():]
    if "«" in rest:
        return False
    words = rest.split()
    return len(words) <= 3 or (len(words) <= 6 and words[-1] in ("or", "nor"))


def _relation(subject: tuple[str, str], predicate: str, obj: tuple[str, str], paper: str, sentence: str,
              confidence: float, *, _new=object.__new__, _subject=Relation.subject.__set__,
              _predicate=Relation.predicate.__set__, _object=Relation.object.__set__, _paper=Relation.paper.__set__,
              _sentence=Relation.sentence.__set__, _confidence=Relation.confidence.__set__) -> Relation:
    """``Relation(subject, predicate, obj, paper, sentence, confidence)``, its slots set directly.

    A frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``;
    the slot descriptors set them in a fraction of the time. The same value (a
    test checks it against the constructor and the field list):

    >>> _relation(("Model", "A"), "basedOn", ("Model", "B"), "t:x", "A is B.", 0.8) == Relation(
    ...     ("Model", "A"), "basedOn", ("Model", "B"), "t:x", "A is B.", 0.8)
    True
    """
    relation = _new(Relation)
    _subject(relation, subject)
    _predicate(relation, predicate)
    _object(relation, obj)
    _paper(relation, paper)
    _sentence(relation, sentence)
    _confidence(relation, confidence)
    return relation


@lru_cache(maxsize=1)
def _variant_linker():
    from kg.link import Linker
    return Linker()


@lru_cache(maxsize=1)
def _default_extractor() -> RelationExtractor:
    return RelationExtractor()


def extract_relations(paper: Paper, mentions: list[Mention], extractor: RelationExtractor | None = None,
                      linker=None) -> list[Relation]:
    """The relations one paper's sentences state, each with its evidence sentence and confidence.

    ``mentions`` must be sorted by start offset (as :class:`kg.extract.pipeline.Extractor` makes them).
    ``linker``: the caller's :class:`kg.link.Linker` (its ``variant_split`` tells a chat / instruct
    variant's base); without one a default ``Linker()`` is built once, on first need.
    """
    return (extractor or _default_extractor())(paper, mentions, linker)
