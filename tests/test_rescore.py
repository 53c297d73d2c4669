"""The learned re-scorer of edges to datasets, languages and techniques (kg.extract.rescore)."""
from __future__ import annotations

import json
import random
import re

import pytest

from kg.errors import KGError
from kg.extract.relations import load_relation_table
from kg.extract.rescore import Rescorer, candidates, load_rescorer, read_weights, train, write_weights
from kg.model import Mention, Paper, Relation

PAPER = Paper("t:p", "ZetaLM: a model", "We train ZetaLM with LoRA. We evaluate it on GLUE and SQuAD. BERT uses Adam.")


def _mentions():
    text = PAPER.text
    found = []
    for surface, etype, introduced in [("ZetaLM", "Model", True), ("LoRA", "Technique", False), ("GLUE", "Dataset", False),
                                       ("SQuAD", "Dataset", False), ("BERT", "Model", False)]:
        start = text.find(surface, 8 if surface == "ZetaLM" else 0)
        found.append(Mention(surface, surface, etype, start, start + len(surface), introduced))
    return sorted(found, key=lambda m: m.start)


RULES = (Relation(("Model", "ZetaLM"), "evaluatedOn", ("Dataset", "GLUE"), "t:p", "We evaluate it on GLUE and SQuAD.", 0.8),
         Relation(("Model", "ZetaLM"), "outperforms", ("Model", "BERT"), "t:p", "x", 0.9))


def test_rescore_candidates_cover_each_object_and_predicate_with_rule_features():
    got = {(c.predicate, c.object[1]): c for c in candidates(PAPER, _mentions(), RULES)}
    assert set(got) == {("usesTechnique", "LoRA"), ("evaluatedOn", "GLUE"), ("trainedOn", "GLUE"),
                        ("evaluatedOn", "SQuAD"), ("trainedOn", "SQuAD")}
    assert {"rule", "rule:0.8"} <= set(got[("evaluatedOn", "GLUE")].features)
    assert "rule:other" in got[("trainedOn", "GLUE")].features and "rule" not in got[("trainedOn", "GLUE")].features
    # the words around it stop at its sentence end ("LoRA. We ...")
    assert {"b:with", "a:we", "own", "listed"} & set(got[("usesTechnique", "LoRA")].features) == {"b:with", "own"}
    assert "listed" in got[("evaluatedOn", "SQuAD")].features  # "GLUE and SQuAD"
    assert got[("evaluatedOn", "SQuAD")].sentence == "We evaluate it on GLUE and SQuAD."


def test_rescore_candidates_are_deterministic():
    a = candidates(PAPER, _mentions(), RULES)
    assert a == candidates(PAPER, list(reversed(_mentions())), RULES)


def test_rescorer_keeps_drops_and_adds():
    weights = {"evaluatedOn": {"bias": 1.0, "b:and": -5.0}, "usesTechnique": {"bias": 2.0}, "trainedOn": {"bias": -3.0}}
    out = Rescorer(weights)(PAPER, _mentions(), RULES)
    edges = {(r.subject[1], r.predicate, r.object[1]): r for r in out}
    # the rule's edge is kept as it was; SQuAD ("GLUE and SQuAD") scored low; LoRA added with the own subject
    assert edges[("ZetaLM", "evaluatedOn", "GLUE")] is RULES[0]
    assert ("ZetaLM", "evaluatedOn", "SQuAD") not in edges
    added = edges[("ZetaLM", "usesTechnique", "LoRA")]
    assert added.sentence == "We train ZetaLM with LoRA." and 0.5 < added.confidence < 1
    assert ("ZetaLM", "outperforms", "BERT") in edges  # a predicate it does not score is the rules' own


def test_rescorer_gives_an_added_language_to_the_datasets_of_a_paper_without_a_model():
    """As the rules do: in a paper that introduces datasets and no model, the languages it targets are theirs."""
    paper = Paper("t:d", "XQ: a benchmark", "We release XQ and XQ-lite, with questions in Hausa. We apply LoRA.")
    text = paper.text
    spans = [("XQ", "Dataset", True, text.find("XQ ")), ("XQ-lite", "Dataset", True, text.find("XQ-lite")),
             ("Hausa", "Language", False, text.find("Hausa")), ("LoRA", "Technique", False, text.find("LoRA"))]
    ms = [Mention(n, n, t, at, at + len(n), intro) for n, t, intro, at in spans]
    weights = {"forLanguage": {"bias": 2.0}, "usesTechnique": {"bias": 2.0}}
    edges = {(r.subject, r.predicate, r.object[1]) for r in Rescorer(weights)(paper, ms, ())}
    assert edges == {(("Dataset", "XQ"), "forLanguage", "Hausa"), (("Dataset", "XQ-lite"), "forLanguage", "Hausa"),
                     (("Paper", "t:d"), "usesTechnique", "LoRA")}
    # with a model of its own, the language is the model's
    own = [*ms, Mention("ZetaLM", "ZetaLM", "Model", 0, 0, True)]
    assert (("Model", "ZetaLM"), "forLanguage", "Hausa") in {
        (r.subject, r.predicate, r.object[1]) for r in Rescorer(weights)(paper, own, ())}


def test_rescorer_adds_no_edge_to_a_dataset_the_rules_give_only_languages():
    """A corpus the rules say is for a language is no subject of the edges the re-scorer adds: it is trained on by
    no corpus (once a paper's own corpus was given ``trainedOn`` itself)."""
    paper = Paper("t:c", "IceCorp", "To train IceBERT we introduce IceCorp, a corpus of Icelandic text.")
    text = paper.text
    spans = [("IceBERT", "Model", False), ("IceCorp", "Dataset", True), ("Icelandic", "Language", False)]
    ms = [Mention(n, n, t, text.find(n + " "), text.find(n + " ") + len(n), intro) for n, t, intro in spans]
    rules = (Relation(("Dataset", "IceCorp"), "forLanguage", ("Language", "Icelandic"), "t:c", text, 0.7),)
    out = Rescorer({"trainedOn": {"bias": 2.0}})(paper, ms, rules)
    assert {(r.subject, r.predicate, r.object[1]) for r in out if r.predicate == "trainedOn"} == {
        (("Paper", "t:c"), "trainedOn", "IceCorp")}


def test_rescorer_adds_no_language_named_only_as_the_fields_usual_one():
    """The rules' language_contrast ("mainly English", "high-resource languages such as ...") keeps a language from
    the added edges too, unless the same sentence part speaks of the paper's own work."""
    paper = Paper("t:l", "PolQ", "Such datasets exist only for a few languages (mainly English and Chinese). "
                                 "We release PolQ, questions in Polish. Unlike most work, mainly we study Czech.")
    text = paper.text
    names = [("PolQ", "Dataset", True), ("English", "Language", False), ("Chinese", "Language", False),
             ("Polish", "Language", False), ("Czech", "Language", False)]
    ms = sorted((Mention(n, n, t, text.find(n, 5), text.find(n, 5) + len(n), intro) for n, t, intro in names),
                key=lambda m: m.start)
    weights = {"forLanguage": {"bias": 2.0}}
    contrast = re.compile(load_relation_table()["block"]["language_contrast"], re.IGNORECASE)
    added = {r.object[1] for r in Rescorer(weights, others_language=contrast)(paper, ms, ())}
    assert added == {"Polish", "Czech"}
    # without the contrast words every language is added
    assert {r.object[1] for r in Rescorer(weights)(paper, ms, ())} == {"English", "Chinese", "Polish", "Czech"}
    # the shipped re-scorer reads them from the relation table
    assert load_rescorer().others_language is not None


def test_rescorer_drops_a_rule_edge_it_scores_low():
    out = Rescorer({"evaluatedOn": {"bias": -4.0}})(PAPER, _mentions(), RULES)
    assert [r.predicate for r in out] == ["outperforms"]


def test_rescore_train_learns_and_is_deterministic():
    rows = [("usesTechnique", ("bias", "b:with"), True)] * 6 + [("usesTechnique", ("bias", "b:unlike"), False)] * 6
    rows += [("forLanguage", ("bias",), True)] * 3
    weights = train(rows)
    assert weights == train(rows)
    r = Rescorer(weights)
    assert weights["usesTechnique"]["b:with"] > 0 > weights["usesTechnique"]["b:unlike"]
    assert weights["forLanguage"] == {"bias": 8.0}  # one label only: nothing to learn
    assert r.threshold == 0.5


def test_rescore_weights_round_trip_and_bad_file(tmp_path):
    path = tmp_path / "w.json"
    write_weights({"usesTechnique": {"bias": 0.5}}, path, trained_on=["train1"])
    assert read_weights(path) == {"usesTechnique": {"bias": 0.5}}
    assert not list(tmp_path.glob("*.tmp"))
    (tmp_path / "bad.json").write_text("{\"weights\": [1, 2]}", encoding="utf-8")
    with pytest.raises(KGError, match="not a re-scorer weights file"):
        read_weights(tmp_path / "bad.json")


def test_extractor_rescores_with_the_shipped_weights_by_default():
    from kg.extract import Extractor
    from kg.extract.rescore import DEFAULT_WEIGHTS, load_rescorer

    shipped = load_rescorer()
    assert Extractor().rescorer is shipped and Extractor(rescorer=None).rescorer is None
    # the rules keep evaluatedOn; the file says how the weights were made
    assert sorted(shipped.weights) == ["forLanguage", "trainedOn", "usesTechnique"]
    meta = json.loads(DEFAULT_WEIGHTS.read_text(encoding="utf-8"))["meta"]
    assert meta["trained_on"] == "tuned" and meta["threshold"] == shipped.threshold


def test_shipped_rescorer_keeps_the_rules_other_edges_and_evidence():
    from kg.extract import Extractor

    paper = Paper("t:p", "ZetaLM", "We present ZetaLM. ZetaLM is fine-tuned from LLaMA with LoRA on KoraQA. "
                  "Its training relies on contrastive learning. Prior work used knowledge distillation.")
    rules = Extractor(rescorer=None)(paper).relations
    rescored = Extractor()(paper).relations
    scored = ("usesTechnique", "trainedOn", "forLanguage")
    edges = lambda rels, keep: {(r.subject[1], r.predicate, r.object[1]) for r in rels if keep(r.predicate)}  # noqa: E731
    # lineage and evaluation edges are the rules'; an edge it adds has the evidence and the probability it scored
    assert edges(rules, lambda p: p not in scored) == edges(rescored, lambda p: p not in scored)
    assert ("ZetaLM", "fineTunedFrom", "LLaMA") in edges(rescored, str)
    added = [r for r in rescored if r not in rules]
    assert all(r.sentence in paper.text and r.confidence >= 0.45 for r in added)


def test_rescore_train_on_a_sparse_matrix_fits_as_a_dense_one():
    """Thousands of gold papers give tens of thousands of features: the candidates are a sparse matrix, fitted
    to the same weights as the dense one (a feature named twice in a row counts once)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    rng = random.Random(5)
    vocabulary = [f"b:w{i}" for i in range(40)]
    rows = [("usesTechnique", ("bias", *rng.sample(vocabulary, 4), vocabulary[0]), rng.random() < 0.4)
            for _ in range(300)]
    features = sorted({f for _, fs, _ in rows for f in fs})
    dense = np.zeros((len(rows), len(features)))
    for i, (_, fs, _) in enumerate(rows):
        dense[i, [features.index(f) for f in fs]] = 1.0
    model = LogisticRegression(C=1.0, max_iter=5000, fit_intercept=False).fit(dense, [r[2] for r in rows])
    expected = {f: round(float(w), 4) for f, w in zip(features, model.coef_[0]) if round(float(w), 4)}
    assert train(rows)["usesTechnique"] == expected
