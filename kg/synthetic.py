"""Synthetic lineage graphs of our shape, for benchmarks and tests.

Papers introduce and mention models; models derive from earlier models
(``kg:distillsFrom``, ``kg:compresses``, ``kg:fineTunedFrom``, ``kg:basedOn``,
each materialised as ``kg:derivedFrom`` and ``prov:wasDerivedFrom`` as the
real exports are) in a DAG of bounded depth, and are evaluated on datasets of
Zipf-like popularity. 100k papers and 50k models make about 1M triples.

>>> lines = list(lineage_ntriples(papers=20, models=10, datasets=3))
>>> len(lines) > 100, lines == sorted(lines)
(True, True)
>>> any("derivedFrom" in line for line in lines)
True
"""
from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

from kg.prefixes import PREFIXES

__all__ = ["LINEAGE_KINDS", "lineage_ntriples", "write_lineage"]

#: The specific lineage predicates, each under ``kg:derivedFrom``.
LINEAGE_KINDS = ("distillsFrom", "compresses", "fineTunedFrom", "basedOn")
_RDF = PREFIXES["rdf"]


def _iri(prefix: str, local: str) -> str:
    return f"<{PREFIXES[prefix]}{local}>"


def _literal(text: str, datatype: str | None = None) -> str:
    return f'"{text}"' + (f"^^<{PREFIXES['xsd']}{datatype}>" if datatype else "")


def lineage_ntriples(papers: int = 100_000, models: int = 50_000, datasets: int = 1_000, *,
                     max_depth: int = 30, seed: int = 0) -> Iterator[str]:
    """N-Triples lines (sorted, no newline) of a synthetic lineage graph.

    Model ``m0`` is a root with many descendants; dataset ``d0`` the most
    popular. The same arguments give the same lines.
    """
    rng = random.Random(seed)
    kind_of = {k: _iri("kg", k) for k in LINEAGE_KINDS}
    a, label, title = f"<{_RDF}type>", _iri("rdfs", "label"), _iri("dcterms", "title")
    derived, prov = _iri("kg", "derivedFrom"), _iri("prov", "wasDerivedFrom")
    lines: list[str] = []
    add = lines.append
    for d in range(datasets):
        node = _iri("dataset", f"d{d}")
        add(f"{node} {a} {_iri('kg', 'Dataset')} .")
        add(f"{node} {label} {_literal(f'Dataset {d}')} .")
    depth = [0] * models
    for m in range(models):
        node = _iri("model", f"m{m}")
        add(f"{node} {a} {_iri('kg', 'Model')} .")
        add(f"{node} {a} {_iri('kg', 'Entity')} .")
        add(f"{node} {label} {_literal(f'Model {m}')} .")
        add(f"{node} {_iri('skos', 'prefLabel')} {_literal(f'Model {m}')} .")
        dataset = min(int(rng.paretovariate(1.0)) - 1, datasets - 1)
        add(f"{node} {_iri('kg', 'evaluatedOn')} {_iri('dataset', f'd{dataset}')} .")
        if m == 0 or rng.random() < 0.02:
            continue
        parents = {rng.randrange(max(0, m - 50), m)}
        if rng.random() < 0.5:
            parents.add(rng.randrange(m))
        parents = {p for p in parents if depth[p] < max_depth}
        if not parents:
            continue
        depth[m] = max(depth[p] for p in parents) + 1
        for p in parents:
            parent = _iri("model", f"m{p}")
            add(f"{node} {kind_of[rng.choice(LINEAGE_KINDS)]} {parent} .")
            add(f"{node} {derived} {parent} .")
            add(f"{node} {prov} {parent} .")
    for p in range(papers):
        node = _iri("paper", f"p{p}")
        add(f"{node} {a} {_iri('kg', 'Paper')} .")
        add(f"{node} {title} {_literal(f'Paper {p} on language models')} .")
        add(f"{node} {_iri('dcterms', 'date')} {_literal(f'20{10 + p % 15}-01-01', 'date')} .")
        if p < models:
            add(f"{node} {_iri('kg', 'introduces')} {_iri('model', f'm{p}')} .")
        for m in {rng.randrange(models), rng.randrange(models)}:
            add(f"{node} {_iri('kg', 'mentions')} {_iri('model', f'm{m}')} .")
    yield from sorted(set(lines))


def write_lineage(path: Path | str, **sizes) -> int:
    """Write :func:`lineage_ntriples` to ``path``; returns the number of triples."""
    count = 0
    with open(path, "w", encoding="utf-8") as handle:
        for line in lineage_ntriples(**sizes):
            handle.write(line + "\n")
            count += 1
    return count
