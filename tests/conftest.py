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
