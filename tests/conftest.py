"""Shared fixtures. The bundled corpus is built once per session."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "papers"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """The bundled corpus built into a temporary directory: the BuildResult."""
    from kg.build import build

    return build([CORPUS], tmp_path_factory.mktemp("out"))


@pytest.fixture(scope="session")
def built_out(built) -> Path:
    return built.out


@pytest.fixture(scope="session")
def lineage_out(tmp_path_factory) -> Path:
    """A small synthetic lineage graph (kg.synthetic) as a build: graph.nt and its store."""
    from kg.store import build_store
    from kg.synthetic import write_lineage

    out = tmp_path_factory.mktemp("lineage")
    write_lineage(out / "graph.nt", papers=400, models=200, datasets=8, max_depth=6)
    build_store(out / "graph.nt", out)
    return out


# -- lineage helper: a hand-made corpus stating lineage plainly ---------------

LINEAGE_CORPUS = DATA / "lineage" / "papers.jsonl"


class LineageScriptedExtractor:
    """Reads the plain statements of ``tests/data/lineage/papers.jsonl`` ("X is distilled from Y")
    into mentions and relations, so lineage, check and query tests know the graph exactly,
    whatever the real relation extractor finds."""

    import re as _re
    import types as _types

    gazetteer = _types.SimpleNamespace(entities=())
    NAME = r"(?P<{}>[A-Z][\w-]*)"
    PATTERNS = [  # (pattern, predicate, subject type, object type)
        (r"{c} is distilled from {p}", "distillsFrom", "Model", "Model"),
        (r"{c} compresses {p}", "compresses", "Model", "Model"),
        (r"{c} is fine-tuned from {p}", "fineTunedFrom", "Model", "Model"),
        (r"{c} is based on {p}", "basedOn", "Model", "Model"),
        (r"{c} outperforms {p}", "outperforms", "Model", "Model"),
        (r"{c} is evaluated on {p}", "evaluatedOn", "Model", "Dataset"),
        (r"{c} is a {p} model", "forLanguage", "Model", "Language"),
    ]

    def __call__(self, paper):
        from kg.extract.relations import paper_sentences
        from kg.model import Extraction, Mention, Relation

        mentions, relations = {}, []
        for offset, sentence in paper_sentences(paper):
            for kind, pattern in (("Model", r"We introduce {c}"), ("Dataset", r"We release the {c} dataset")):
                for m in self._re.finditer(pattern.format(c=self.NAME.format("c")), sentence):
                    start = offset + m.start("c")
                    mentions[start] = Mention(m["c"], m["c"], kind, start, start + len(m["c"]), introduced=True)
            for pattern, predicate, stype, otype in self.PATTERNS:
                regex = pattern.format(c=self.NAME.format("c"), p=self.NAME.format("p"))
                for m in self._re.finditer(regex, sentence):
                    for group, etype in (("c", stype), ("p", otype)):
                        start = offset + m.start(group)
                        mentions.setdefault(start, Mention(m[group], m[group], etype, start, start + len(m[group])))
                    relations.append(Relation((stype, m["c"]), predicate, (otype, m["p"]), paper.key, sentence, 0.9))
        return Extraction(paper, tuple(mentions[k] for k in sorted(mentions)), tuple(relations))


@pytest.fixture(scope="session")
def lineage_corpus_out(tmp_path_factory) -> Path:
    """``tests/data/lineage/papers.jsonl`` built (store included) with :class:`LineageScriptedExtractor`."""
    from kg.build import build

    return build([LINEAGE_CORPUS], tmp_path_factory.mktemp("lineage-corpus"), html=False, jobs=1,
                 extractor=LineageScriptedExtractor()).out
# -- html: a small hand-made build with lineage, dated papers and hostile names ----------------

#: A title that would run script if it were ever put on a page as HTML.
HTML_XSS_TITLE = ('<script>window.__kgXss=1</script><img src=x onerror="window.__kgXss=2;alert(1)">'
                  "\"'><svg onload=alert(1)> Attack")
#: A model name with quotes, braces and SPARQL keywords.
HTML_HOSTILE_NAME = "Evil\"'} ; DROP ALL <script>alert(1)</script>"


def html_family_graph():
    """The networkx graph of the ``html_family_out`` build (see there)."""
    import networkx as nx

    from kg.graph import ALIASES, EVIDENCE, KIND, NAME, PAPER, Evidence
    from kg.ingest._text import paper_key
    from kg.model import Paper

    g = nx.MultiDiGraph()
    papers = {}

    def paper(title, date, *introduces, mentions=()):
        key = paper_key(title, None)
        papers[title] = key
        g.add_node(f"paper:{key}", **{KIND: "Paper", NAME: title,
                                      PAPER: Paper(key=key, title=title, abstract=f"{title}.", date=date,
                                                   url=f"https://example.org/{len(papers)}", sources=("t.txt:1",))})
        for node in introduces:
            g.add_edge(f"paper:{key}", node, key="introduces",
                       **{EVIDENCE: (Evidence(key, f"We introduce {g.nodes[node][NAME]}.", 0.9),)})
        for node in mentions:
            g.add_edge(f"paper:{key}", node, key="mentions",
                       **{EVIDENCE: (Evidence(key, f"We compare with {g.nodes[node][NAME]}.", 0.8),)})

    def entity(kind, name, *aliases):
        g.add_node(f"{kind}:{name}", **{KIND: kind, NAME: name, ALIASES: tuple(sorted(aliases))})
        return f"{kind}:{name}"

    def edge(u, v, predicate, title, sentence):
        g.add_edge(u, v, key=predicate, **{EVIDENCE: (Evidence(papers[title], sentence, 0.95),)})

    transformer = entity("Technique", "Transformer")
    bert = entity("Model", "BERT", "BERT-base", "bert-large-uncased")
    tiny = entity("Model", "TinyBERT", "Tiny-BERT")
    distil = entity("Model", "DistilBERT")
    roberta = entity("Model", "RoBERTa")
    xlmr = entity("Model", "XLM-R", "XLM-RoBERTa")
    ner = entity("Model", "XLM-R-NER")
    distilroberta = entity("Model", "DistilRoBERTa")
    gpt2 = entity("Model", "GPT-2")
    evil = entity("Model", HTML_HOSTILE_NAME, "evil model")
    glue = entity("Dataset", "GLUE")
    english = entity("Language", "English")
    paper("Attention Is All You Need", "2017-06-12", transformer)
    paper("BERT: Pre-training of Deep Bidirectional Transformers", "2018-10-11", bert, mentions=(transformer,))
    paper("TinyBERT: Distilling BERT for Natural Language Understanding", "2019-09-23", tiny, mentions=(bert, glue))
    paper("DistilBERT, a distilled version of BERT", "2019-10-02", distil, mentions=(bert,))
    paper("RoBERTa: A Robustly Optimized BERT Pretraining Approach", "2019-07-26", roberta, distilroberta,
          mentions=(bert,))
    paper("Unsupervised Cross-lingual Representation Learning at Scale", "2019-11-05", xlmr, ner,
          mentions=(roberta,))
    paper("Language Models are Unsupervised Multitask Learners", "2019-02-14", gpt2, mentions=(transformer,))
    paper(HTML_XSS_TITLE, "2020-01-01", evil, mentions=(bert,))
    edge(bert, transformer, "basedOn", "BERT: Pre-training of Deep Bidirectional Transformers",
         "BERT is based on the Transformer encoder.")
    edge(tiny, bert, "distillsFrom", "TinyBERT: Distilling BERT for Natural Language Understanding",
         "TinyBERT is distilled from BERT-base with a two-stage learning framework.")
    edge(distil, bert, "distillsFrom", "DistilBERT, a distilled version of BERT",
         "DistilBERT is a smaller version of BERT obtained by knowledge distillation.")
    edge(roberta, bert, "basedOn", "RoBERTa: A Robustly Optimized BERT Pretraining Approach",
         "RoBERTa builds on BERT's masked language modeling strategy.")
    edge(distilroberta, roberta, "distillsFrom", "RoBERTa: A Robustly Optimized BERT Pretraining Approach",
         "DistilRoBERTa is distilled from RoBERTa-base.")
    edge(xlmr, roberta, "basedOn", "Unsupervised Cross-lingual Representation Learning at Scale",
         "XLM-R follows the RoBERTa training recipe.")
    edge(ner, xlmr, "fineTunedFrom", "Unsupervised Cross-lingual Representation Learning at Scale",
         "XLM-R-NER is fine-tuned from XLM-R on named entities.")
    edge(gpt2, transformer, "basedOn", "Language Models are Unsupervised Multitask Learners",
         "GPT-2 is a Transformer decoder.")
    edge(evil, bert, "compresses", HTML_XSS_TITLE, "<img src=x onerror=\"window.__kgXss=3\"> compresses BERT.")
    edge(tiny, glue, "evaluatedOn", "TinyBERT: Distilling BERT for Natural Language Understanding",
         "TinyBERT is evaluated on the GLUE benchmark.")
    edge(bert, english, "forLanguage", "BERT: Pre-training of Deep Bidirectional Transformers",
         "BERT is pre-trained on English Wikipedia.")
    return g


@pytest.fixture(scope="session")
def html_family_out(tmp_path_factory) -> Path:
    """A build directory (graph.nt only) of :func:`html_family_graph`: BERT's family tree and a hostile paper."""
    from kg.export.rdf import sorted_triples, write_rdf

    out = tmp_path_factory.mktemp("family")
    write_rdf(sorted_triples(html_family_graph()), out, names=("graph.nt",))
    return out
