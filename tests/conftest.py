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
