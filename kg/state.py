"""What a build keeps for ``kg build --update``: the merged papers and each paper's contribution.

Saved as ``OUT/kg-state.pickle`` beside the graph files. It holds plain
values only (tuples, dicts, strings, numbers) and is read back by an
unpickler that refuses every class or function, so a state file from
elsewhere cannot run code when ``kg build --update`` loads it.

>>> import tempfile
>>> from pathlib import Path
>>> out = Path(tempfile.mkdtemp())
>>> save_state(out, BuildState()).name
'kg-state.pickle'
>>> len(load_state(out).contributions)
0
"""
from __future__ import annotations

import pickle
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import GraphNotFoundError
from kg.export.rdf import atomic_write
from kg.graph import Contribution, Evidence, GraphAssembler
from kg.ingest import PaperMerger
from kg.model import Entity, Paper

__all__ = ["STATE_FILE", "BuildState", "load_state", "save_state", "write_state"]

STATE_FILE = "kg-state.pickle"
_VERSION = 3
#: Papers or contributions per pickle in the state file.
_CHUNK = 2000
_PAPER_FIELDS = Paper.__slots__


@dataclass
class BuildState:
    """The merged papers (with the indexes that merge new records into them) and the contributions."""

    merger: PaperMerger = field(default_factory=PaperMerger)
    contributions: dict[str, Contribution] = field(default_factory=dict)

    def assembler(self, entities: tuple[Entity, ...] = ()) -> GraphAssembler:
        """A graph assembler holding every contribution."""
        asm = GraphAssembler(entities)
        for c in self.contributions.values():
            asm.add(c)
        return asm


def save_state(out: Path, state: BuildState) -> Path:
    """Write ``state`` to ``out/kg-state.pickle`` (atomically); see :func:`write_state`."""
    path = Path(out) / STATE_FILE
    atomic_write(path, lambda handle: write_state(handle, state))
    return path


def write_state(handle, state: BuildState) -> None:
    """Write ``state`` to a binary file, as :func:`load_state` reads it.

    Values go as plain tuples (pickled 3-4x faster than the dataclasses), in
    pickles of :data:`_CHUNK` items one after another with the memo cleared
    between them, so no memo ever holds the whole build; a contribution names
    its paper by key.
    """
    merger = state.merger
    pickler = pickle.Pickler(handle, protocol=pickle.HIGHEST_PROTOCOL)

    def dump(value) -> None:
        pickler.dump(value)
        pickler.clear_memo()

    dump({"version": _VERSION, "groups": len(merger.groups), "contributions": len(state.contributions),
          "by_title": merger.by_title, "by_arxiv": merger.by_arxiv})
    groups = list(merger.groups.items())
    for i in range(0, len(groups), _CHUNK):
        dump([(g, _paper_tuple(p)) for g, p in groups[i:i + _CHUNK]])
    papers = {p.key: p for p in merger.groups.values()}
    contributions = list(state.contributions.values())
    for i in range(0, len(contributions), _CHUNK):
        dump([(c.paper.key, None if papers.get(c.paper.key) is c.paper else _paper_tuple(c.paper), c.entities,
               tuple((u, v, k, (ev.paper, ev.sentence, ev.confidence)) for u, v, k, ev in c.edges))
              for c in contributions[i:i + _CHUNK]])


def _paper_tuple(paper: Paper) -> tuple:
    return tuple(getattr(paper, f) for f in _PAPER_FIELDS)


class _PlainUnpickler(pickle.Unpickler):
    """Reads plain values only: any class or function in the file is refused."""

    def find_class(self, module: str, name: str):
        raise pickle.UnpicklingError(f"refused {module}.{name}: a build state holds plain values only")


def _load(handle):
    return _PlainUnpickler(handle).load()


def load_state(out: Path | str) -> BuildState:
    """The state of the build in ``out``; a clear error if there is none or it is unreadable."""
    path = Path(out) / STATE_FILE
    if not path.is_file():
        raise GraphNotFoundError(f"{out}: no build to update here (no {STATE_FILE}); run 'kg build --out {out}' first")
    try:
        with path.open("rb") as handle:
            header = _load(handle)  # a fresh unpickler (memo) for each pickle, as they were written
            if not isinstance(header, dict) or header.get("version") != _VERSION:
                raise ValueError("written by another version of kg")
            merger = PaperMerger()
            merger.by_title, merger.by_arxiv = header["by_title"], header["by_arxiv"]
            while len(merger.groups) < header["groups"]:
                merger.groups.update((g, Paper(*t)) for g, t in _load(handle))
            papers = {p.key: p for p in merger.groups.values()}
            contributions: dict[str, Contribution] = {}
            while len(contributions) < header["contributions"]:
                for key, t, entities, edges in _load(handle):
                    contributions[key] = Contribution(papers[key] if t is None else Paper(*t), entities,
                                                      tuple((u, v, k, Evidence(*ev)) for u, v, k, ev in edges))
    except (OSError, EOFError, ValueError, KeyError, TypeError, AttributeError, pickle.UnpicklingError) as err:
        raise GraphNotFoundError(f"{path}: cannot read the build state ({err}); rebuild with 'kg build --out {out}'") from err
    return BuildState(merger, contributions)
