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
