"""The interactive HTML view: one self-contained pyvis page."""
from __future__ import annotations

from pathlib import Path

import networkx as nx
from pyvis.network import Network

from kg.export.rdf import atomic_write
from kg.graph import KIND, NAME

__all__ = ["COLOURS", "write_html"]

COLOURS = {"Paper": "#9e9e9e", "Model": "#1f77b4", "Dataset": "#2ca02c", "Language": "#ff7f0e", "Technique": "#9467bd"}


def write_html(graph: nx.MultiDiGraph, path: Path, title: str = "kg") -> Path:
    net = Network(height="900px", width="100%", directed=True, cdn_resources="in_line", heading="")
    net.toggle_physics(False)
    for node, data in sorted(graph.nodes(data=True)):
        net.add_node(node, label=data[NAME][:40], title=data[NAME], color=COLOURS.get(data[KIND], "#888"))
    for u, v, key in sorted(graph.edges(keys=True)):
        net.add_edge(u, v, title=key, label=key if key not in ("mentions", "introduces") else "")
    html = net.generate_html()
    atomic_write(path, lambda h: h.write(html.encode("utf-8")))
    return path
