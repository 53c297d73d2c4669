"""RDF export: N-Triples, Turtle and JSON-LD files of a build, byte-identical for the same graph.

The triples are sorted N-Triples lines (:mod:`kg.export.lines`); ``graph.nt``
is written from them, and Turtle and JSON-LD are pyoxigraph's serialisations
of ``graph.nt`` read back as a stream (~1M triples/s, never the whole graph
in memory), with the project prefixes.

>>> import io
>>> nt = b'<https://w3id.org/lmkg/id/model/bert> <http://www.w3.org/2000/01/rdf-schema#label> "BERT" .\\n'
>>> out = io.BytesIO()
>>> write_derived(io.BytesIO(nt), out, "graph.ttl")
>>> out.getvalue().decode().splitlines()[-1]
'model:bert rdfs:label "BERT" .'
"""
from __future__ import annotations

import glob
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from kg.errors import KGError
from kg.export.lines import graph_lines
from kg.vocab import PREFIXES

__all__ = ["FORMATS", "DerivedWriters", "atomic_write", "graph_triples", "sorted_triples", "temporary", "write_derived",
           "write_derived_files", "write_rdf"]

#: File name -> pyoxigraph format, for every RDF file a build writes.
FORMATS = {"graph.ttl": ox.RdfFormat.TURTLE, "graph.nt": ox.RdfFormat.N_TRIPLES, "graph.jsonld": ox.RdfFormat.JSON_LD}


def graph_triples(graph: nx.MultiDiGraph) -> Iterator[ox.Triple]:
    """Every triple of the graph, unsorted (the lines of :mod:`kg.export.lines` as terms)."""
    return ox.parse("".join(graph_lines(graph)).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)


def sorted_triples(graph: nx.MultiDiGraph) -> list[ox.Triple]:
    """Every triple of the graph once, in the order of their sorted N-Triples lines."""
    lines = sorted(set(graph_lines(graph)))
    return list(ox.parse("".join(lines).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES))


def atomic_write(path: Path, write) -> None:
    """Call ``write(binary file)`` on a temporary file, then move it over ``path``."""
    tmp = temporary(path)
    try:
        with open(tmp, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def temporary(path: Path) -> Path:
    """A new empty file beside ``path`` (same directory, so it can replace it), with the usual permissions.

    Temporaries of ``path`` left by a killed process are removed first (one writer per directory).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    for stale in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        stale.unlink(missing_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)
    return Path(tmp)


def write_derived(nt, handle, name: str) -> None:
    """Write ``name`` (``graph.ttl`` or ``graph.jsonld``) to ``handle`` from N-Triples (a path or binary file)."""
    fmt = FORMATS[name]
    source = {"path": str(nt)} if isinstance(nt, (str, Path)) else {"input": nt}
    triples = ox.parse(**source, format=ox.RdfFormat.N_TRIPLES)
    ox.serialize(triples, handle, fmt, prefixes=PREFIXES if fmt == ox.RdfFormat.TURTLE else None)


#: From this size of N-Triples on, :func:`write_derived_files` writes one file in a child process
#: (and a build writes both with :class:`DerivedWriters`).
CHILD_FROM = 32 << 20
# the N-Triples file whole, or ("follow") as the parent writes it, until the parent closes our stdin
_CHILD = """import io, json, select, sys, pyoxigraph as ox
nt, out, fmt, prefixes, follow = sys.argv[1:6]

class Follow(io.RawIOBase):
    def __init__(self, path):
        self.file, self.done = open(path, "rb", buffering=0), False
    def readable(self):
        return True
    def readinto(self, buffer):
        while True:
            done = self.done  # seen before the read: this read gets the rest
            n = self.file.readinto(buffer)
            if n or done:
                return n
            self.done = bool(select.select([sys.stdin], [], [], 0.02)[0])

source = io.BufferedReader(Follow(nt), 1 << 20) if follow == "follow" else open(nt, "rb")
with source, open(out, "wb") as handle:
    ox.serialize(ox.parse(input=source, format=ox.RdfFormat.N_TRIPLES), handle, getattr(ox.RdfFormat, fmt),
                 prefixes=json.loads(prefixes))
"""


def _child(nt: Path, name: str, path: Path, follow: bool = False) -> subprocess.Popen:
    """A child process writing ``name`` to ``path`` from the N-Triples file ``nt`` (``follow``: as it is written)."""
    prefixes = PREFIXES if FORMATS[name] == ox.RdfFormat.TURTLE else None
    return subprocess.Popen([sys.executable, "-c", _CHILD, str(nt), str(path), _FORMAT_NAMES[name],
                             json.dumps(prefixes), "follow" if follow else "whole"],
                            stdin=subprocess.PIPE if follow else None, stderr=subprocess.PIPE)


class DerivedWriters:
    """Writes ``graph.ttl`` and ``graph.jsonld`` (``targets``: name -> path) from the N-Triples file ``nt``
    while it is being written, in one child process each.

    The children read ``nt`` as it grows; :meth:`finish` tells them it is
    complete and waits for them (an error if one failed); :meth:`abort` kills
    them. The files are the bytes :func:`write_derived_files` writes, and the
    caller's process is free while the children serialise.
    """

    def __init__(self, nt: Path, targets: dict[str, Path]):
        self.children = {name: _child(nt, name, path, follow=True) for name, path in targets.items()}

    def finish(self) -> None:
        """``nt`` is complete: wait for the children to write their files."""
        for child in self.children.values():
            child.stdin.close()
        failed = []
        for name, child in self.children.items():
            err = child.stderr.read()
            child.stderr.close()
            if child.wait():
                failed.append(_failure(name, err))
        if failed:
            raise KGError("; ".join(failed))

    def abort(self) -> None:
        """Stop the children (their files are the caller's to remove)."""
        for child in self.children.values():
            child.kill()
            child.wait()


def write_derived_files(nt: Path, targets: dict[str, Path]) -> None:
    """Write every ``name -> path`` of ``targets`` (``graph.ttl``, ``graph.jsonld``) from the N-Triples file ``nt``.

    For a big file the last one is written by a child process meanwhile (the
    serialisers hold the GIL): the same bytes in about half the time on two cores.
    """
    items = list(targets.items())
    child = child_name = None
    if len(items) > 1 and Path(nt).stat().st_size >= CHILD_FROM:
        child_name, path = items.pop()
        child = _child(nt, child_name, path)
    try:
        for name, path in items:
            with open(path, "wb") as handle:
                write_derived(nt, handle, name)
    finally:
        if child is not None:
            _, err = child.communicate()
    if child is not None and child.returncode:
        raise KGError(_failure(child_name, err))


def _failure(name: str, err: bytes) -> str:
    """The message for a child that failed to write ``name``: the end of what it printed."""
    return f"writing {name} failed: {err.decode(errors='replace').strip()[-300:]}"


_FORMAT_NAMES = {"graph.ttl": "TURTLE", "graph.nt": "N_TRIPLES", "graph.jsonld": "JSON_LD"}


def write_rdf(triples: list[ox.Triple], out: Path, names=tuple(FORMATS)) -> list[Path]:
    """Write the sorted triples in every format of :data:`FORMATS` into ``out``."""
    written = []
    for name in names:
        fmt = FORMATS[name]
        prefixes = PREFIXES if fmt != ox.RdfFormat.N_TRIPLES else None
        atomic_write(out / name, lambda h, fmt=fmt, prefixes=prefixes: ox.serialize(triples, h, fmt, prefixes=prefixes))
        written.append(out / name)
    return written
