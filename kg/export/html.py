"""The interactive HTML view: one self-contained, offline pyvis page.

The drawable network is a pyvis :class:`~pyvis.network.Network` of pyvis
``Node`` and ``Edge`` rows, added as ``add_node``/``add_edge`` would but
without their duplicate scans (linear per call, so quadratic for a large
graph), and vis-network options; its ``get_network_data()`` is the page's data. The page
is our own template (``templates/view.html``, ``view.css``, ``view.js``) with
pyvis's copy of vis-network inlined: no CDN, no Bootstrap, nothing fetched.

Every title, name and sentence is data: it travels as JSON inside a
``<script type="application/json">`` block with ``<``, ``>`` and ``&``
escaped, and the page puts it on screen with ``textContent`` only.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("Model:A", kind="Model", name="</script><b>A", aliases=())
>>> "</script><b>" in generate_html(g)
False
"""
from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterable
from itertools import chain
from functools import lru_cache
from pathlib import Path

import networkx as nx
import pyvis
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup
from pyvis.edge import Edge
from pyvis.network import Network
from pyvis.node import Node

from kg.export.layout import layered_positions, layout_positions
from kg.export.rdf import atomic_write
from kg.graph import ALIASES, EVIDENCE, KIND, NAME, PAPER
from kg.model import ENTITY_TYPES, LINEAGE_PREDICATES, PREDICATES

__all__ = ["BIG", "MAX_NODES", "PHYSICS_MAX", "STYLE", "generate_html", "script_json", "write_html"]

TEMPLATES = Path(__file__).resolve().parent / "templates"
VIS_JS = Path(pyvis.__file__).resolve().parent / "lib" / "vis-9.1.2" / "vis-network.min.js"
#: Up to this many drawn nodes the page relaxes the precomputed layout with physics; above it,
#: the layout stays as computed and the page says how to narrow the view.
PHYSICS_MAX = 300
#: The most nodes a page draws: 20,000 open in headless Chromium in ~4 s (benchmarks/view.py).
MAX_NODES = 20_000
#: From this many drawn nodes the page saves work: no hover, no edges while dragging or zooming.
BIG = 1500

#: Colour and vis-network shape of every node type; colour, width and direction phrases of every predicate.
STYLE = {
    "types": {
        "Paper": ("#9aa5b1", "square"), "Model": ("#2f6fdf", "dot"), "Dataset": ("#16a34a", "diamond"),
        "Language": ("#ea7a12", "triangle"), "Technique": ("#9333ea", "hexagon"),
    },
    "predicates": {
        "introduces": ("#e11d48", 1.6, "Introduces", "Introduced by"),
        "mentions": ("#c3cad3", 0.8, "Mentions", "Mentioned in"),
        "distillsFrom": ("#db2777", 2.6, "Distilled from", "Distilled into"),
        "compresses": ("#be185d", 2.6, "Compresses", "Compressed by"),
        "fineTunedFrom": ("#2563eb", 2.6, "Fine-tuned from", "Fine-tuned into"),
        "basedOn": ("#4f46e5", 2.6, "Based on", "Basis of"),
        "derivedFrom": ("#7c3aed", 2.6, "Derived from", "Derived into"),
        "evaluatedOn": ("#22a06b", 1.2, "Evaluated on", "Evaluates"),
        "trainedOn": ("#0d9488", 1.4, "Trained on", "Training data of"),
        "forLanguage": ("#f59e0b", 1.4, "For language", "Language of"),
        "usesTechnique": ("#b794f4", 1.0, "Uses technique", "Used by"),
        "outperforms": ("#ef8354", 1.4, "Outperforms", "Outperformed by"),
    },
}
_FALLBACK = ("#888888", "dot")
_FALLBACK_EDGE = ("#999999", 1.0, "", "")
_LINEAGE = frozenset((*LINEAGE_PREDICATES, "derivedFrom"))
_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_SAFE_URL = re.compile(r"^https?://[^\s\"'<>`]+$")
LABEL_MAX = 32


def script_json(value) -> str:
    """JSON that is safe inside an HTML ``<script>`` block: no ``</``, ``<!--`` or ``]]>``.

    >>> script_json({"t": "</script><!--"})
    '{"t":"\\\\u003c/script\\\\u003e\\\\u003c!--"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return re.sub("[<>&\u2028\u2029]", lambda m: _ESCAPES[m[0]], text)


@lru_cache(maxsize=1)
def _assets() -> dict[str, Markup]:
    """vis-network (from pyvis) and our CSS/JS, checked to be safe to inline."""
    out = {}
    for name, path in (("vis_js", VIS_JS), ("view_js", TEMPLATES / "view.js"), ("view_css", TEMPLATES / "view.css")):
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"(?m)^//# sourceMappingURL=.*$", "", text)
        if re.search(r"</(script|style)", text, re.IGNORECASE):
            raise ValueError(f"{path} cannot be inlined: it contains a closing tag")
        out[name] = Markup(text)
    return out


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, keep_trailing_newline=True)


def _label(text: str, kind: str) -> str:
    limit = LABEL_MAX if kind != "Paper" else 24
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def _size(degree: int, kind: str) -> float:
    if kind == "Paper":  # papers stay small: the entities carry the structure
        return round(5.0 + 1.5 * math.log2(1 + degree), 1)
    return round(10.0 + 4.0 * math.log2(1 + degree), 1)


def _draw_order(graph: nx.MultiDiGraph, nodes: Iterable[str]) -> list[str]:
    """Papers first, then entities by degree: vis draws later nodes on top, so hubs and their labels stay visible."""
    return sorted(nodes, key=lambda n: (graph.nodes[n].get(KIND) != "Paper", graph.degree(n), n))


def _paper_meta(data: dict) -> list:
    paper = data.get(PAPER)
    if paper is None:
        return []
    url = paper.url if paper.url and _SAFE_URL.match(paper.url) else ""
    if not url and paper.arxiv_id:
        url = f"https://arxiv.org/abs/{paper.arxiv_id}"
    return [paper.date or "", url]


def _tables(graph: nx.MultiDiGraph, drawn: list[str], context: bool = True) -> tuple[list, list, dict[str, int]]:
    """``info`` rows for drawn nodes then context nodes, and every link touching a drawn node.

    Without ``context``, only links between drawn nodes; each drawn node's
    row then ends with its number of links in the whole graph.
    """
    index = {n: i for i, n in enumerate(drawn)}
    info: list = []
    papers = {d[PAPER].key: n for n, d in graph.nodes(data=True) if d.get(PAPER) is not None}

    def ref(node: str) -> int:
        if node not in index:
            index[node] = len(index)
        return index[node]

    for node in drawn:
        ref(node)
    links = []
    drawn_set = set(drawn)
    if len(drawn_set) == len(graph):
        rows = graph.edges(keys=True, data=EVIDENCE, default=())
    elif not context:
        rows = (row for row in graph.out_edges(drawn, keys=True, data=EVIDENCE, default=()) if row[1] in drawn_set)
    else:
        rows = chain(graph.out_edges(drawn, keys=True, data=EVIDENCE, default=()),
                     graph.in_edges(drawn, keys=True, data=EVIDENCE, default=()))
    edges = sorted({(u, v, k): found for u, v, k, found in rows}.items())
    for (u, v, key), found in edges:
        evidence = []
        for ev in found or ():
            source = papers.get(ev.paper)
            evidence.append([ref(source) if source is not None else -1, ev.sentence, round(ev.confidence, 3)])
        links.append([ref(u), ref(v), key, evidence])
    kinds = [*STYLE["types"]]
    for node in sorted(index, key=index.get):
        data = graph.nodes[node]
        kind = data.get(KIND, "")
        info.append([kinds.index(kind) if kind in kinds else -1, str(data.get(NAME, node)),
                     [a for a in data.get(ALIASES, ()) if a != data.get(NAME)], _paper_meta(data)])
    if not context:
        for row, node in zip(info, drawn):
            row.append(graph.degree(node))
    return info, links, index


def _positions(n: int, pairs: list[tuple[int, int, str]], hierarchical: bool) -> dict[int, tuple[int, int]]:
    """Positions of drawn nodes ``0 .. n-1`` joined by ``pairs`` (from, to, predicate)."""
    if not hierarchical:
        simple = nx.Graph()
        simple.add_nodes_from(range(n))
        simple.add_edges_from((u, v) for u, v, _ in pairs)
        return layout_positions(simple)
    tree = nx.DiGraph()
    tree.add_nodes_from(range(n))
    tree.add_edges_from((u, v) for u, v, k in pairs if k in _LINEAGE and u != v)
    return layered_positions(tree)


def _network(graph: nx.MultiDiGraph, drawn: list[str], index: dict[str, int], links: list,
             hierarchical: bool, big: bool) -> Network:
    """The pyvis network of the drawn nodes (at precomputed positions) and the links between them."""
    net = Network(directed=True, cdn_resources="in_line", height="100%", width="100%")
    pairs = [(u, v, key) for u, v, key, _ in links if u < len(drawn) and v < len(drawn)]
    degrees: Counter = Counter()
    for u, v, _ in pairs:
        degrees[u] += 1
        degrees[v] += 1
    positions = _positions(len(drawn), pairs, hierarchical)
    for node in drawn:
        i = index[node]
        data = graph.nodes[node]
        kind = data.get(KIND, "")
        name = str(data.get(NAME, node))
        degree = degrees[i]
        group = kind if kind in STYLE["types"] else "Other"
        opts = {"group": group, "size": _size(degree, kind), "title": f"{name}\n{kind}"}
        if kind == "Paper":
            opts["font"] = {"size": 10}
        elif big and degree > 20:
            # in a large graph, hubs get larger labels, readable when the whole graph is in view
            opts["font"] = {"size": min(60, round(12 + 0.3 * degree))}
        opts["x"], opts["y"] = positions[i]
        # pyvis's Node, added as Network.add_node would, without its linear duplicate scan
        # in a large graph papers go unlabelled (their titles would bury the entities): hover or click names them
        label = "" if big and kind == "Paper" else _label(name, kind)
        row = Node(i, STYLE["types"].get(kind, _FALLBACK)[1], label=label, **opts).options
        net.nodes.append(row)
        net.node_ids.append(i)
        net.node_map[i] = row
    drawn_ids = set(range(len(drawn)))
    seen: Counter = Counter()
    for i, (u, v, key, _) in enumerate(links):
        if u not in drawn_ids or v not in drawn_ids:
            continue
        colour, width, _, _ = STYLE["predicates"].get(key, _FALLBACK_EDGE)
        opts = {"id": i, "color": colour, "width": width, "title": key}
        directed = key not in ("mentions", "introduces")
        if directed:
            # entity relations are directed, and labelled unless the graph is large (colour, legend and
            # tooltip still name them; 1,000 labels cost more to draw than the rest); lineage arrows stand out
            if not big:
                opts["label"] = key
            opts["arrows"] = {"to": {"enabled": True, "scaleFactor": 0.8 if key in _LINEAGE else 0.45}}
        pair = (min(u, v), max(u, v))
        if seen[pair]:
            opts["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": 0.15 * seen[pair]}
        seen[pair] += 1
        net.edges.append(Edge(u, v, directed, **opts).options)
    return net


def _options(n: int, physics: bool, hierarchical: bool) -> dict:
    groups = {kind: {"shape": shape, "color": {"background": colour, "border": "#ffffff",
                                               "highlight": {"background": colour, "border": "#111827"},
                                               "hover": {"background": colour, "border": "#111827"}}}
              for kind, (colour, shape) in {**STYLE["types"], "Other": _FALLBACK}.items()}
    heavy = n >= BIG
    options = {
        "autoResize": True,
        "groups": groups,
        "nodes": {"borderWidth": 1.5, "borderWidthSelected": 3,
                  "font": {"size": 15, "face": "system-ui, -apple-system, Segoe UI, sans-serif", "color": "#1f2937",
                           "strokeWidth": 4, "strokeColor": "#ffffff"},
                  "scaling": {"label": {"drawThreshold": 7, "maxVisible": 24}}},
        "edges": {"smooth": False, "arrows": {"to": {"enabled": False}},
                  # a label background is much cheaper to draw than a text stroke
                  "font": {"size": 11, "align": "middle", "color": "#4b5563", "strokeWidth": 0,
                           "background": "rgba(248,250,252,0.85)"},
                  "scaling": {"label": {"drawThreshold": 9}},
                  "selectionWidth": 2, "hoverWidth": 1.5},
        "interaction": {"hover": not heavy, "tooltipDelay": 200, "hideEdgesOnDrag": heavy,
                        "hideEdgesOnZoom": heavy, "multiselect": False, "keyboard": False},
        "layout": {"improvedLayout": False, "randomSeed": 1},
        "physics": {"enabled": physics, "solver": "forceAtlas2Based",
                    "forceAtlas2Based": {"gravitationalConstant": -40, "springLength": 90, "avoidOverlap": 0.4},
                    "stabilization": {"enabled": physics, "iterations": 150, "fit": True}},
    }
    if hierarchical:
        options["edges"]["smooth"] = {"enabled": True, "type": "cubicBezier", "forceDirection": "vertical",
                                      "roundness": 0.45}
    return options


def _drawn_index(index: dict[str, int], node: str | None, drawn: int) -> int:
    i = index.get(node, -1) if node is not None else -1
    return i if 0 <= i < drawn else -1


def generate_html(graph: nx.MultiDiGraph, *, nodes: Iterable[str] | None = None, title: str = "Knowledge graph",
                  note: str = "", hierarchical: bool = False, focus: str | None = None,
                  physics_max: int = PHYSICS_MAX, max_nodes: int | None = MAX_NODES) -> str:
    """The page for ``graph``, drawing ``nodes`` (default: all); details come from the whole graph.

    ``hierarchical`` lays the drawn nodes out as a tree (lineage: parents above
    their children). ``note`` is shown under the title; ``focus`` is a node
    selected, with its details open, when the page opens. Up to
    ``physics_max`` drawn nodes, the page relaxes the layout with physics;
    above it the precomputed layout stays and the page says how to narrow
    the view. More than ``max_nodes`` nodes: the best-connected are drawn
    (entities before papers), the note says so, and the details list only
    relations inside the view. Same input, same bytes.
    """
    chosen = set(graph) if nodes is None else set(nodes) & set(graph)
    truncated = max_nodes is not None and len(chosen) > max_nodes
    if truncated:
        # too many to draw: the best-connected entities first, papers last; details only within the view
        keep = sorted(chosen, key=lambda n: (graph.nodes[n].get(KIND) == "Paper", -graph.degree(n), n))[:max_nodes]
        note = (f"{note}; " if note else "") + (f"the {max_nodes:,} best-connected of {len(chosen):,} nodes "
                                                 f"(kg view OUT NAME shows any other)")
        chosen = set(keep)
    drawn = _draw_order(graph, chosen)
    info, links, index = _tables(graph, drawn, context=not truncated)
    net = _network(graph, drawn, index, links, hierarchical, big=len(drawn) > physics_max)
    physics = not hierarchical and len(drawn) <= physics_max
    net.options = _options(len(drawn), physics, hierarchical)
    vis_nodes, vis_edges, _, _, _, options = net.get_network_data()
    counts = Counter(graph.nodes[n].get(KIND) for n in drawn)
    pred_counts = Counter(links[e["id"]][2] for e in vis_edges)
    types = [[k, c, s, counts.get(k, 0)] for k, (c, s) in STYLE["types"].items()]
    known = ("introduces", "mentions", *PREDICATES)
    preds = [[p, *STYLE["predicates"].get(p, _FALLBACK_EDGE), pred_counts[p], p in _LINEAGE]
             for p in (*known, *sorted(set(pred_counts) - set(known))) if pred_counts.get(p)]
    phrases = {p: [*STYLE["predicates"].get(p, (None, None, p, f"{p} (inverse)"))[2:], p in _LINEAGE]
               for p in sorted({link[2] for link in links})}
    data = {"title": title, "note": note, "types": types, "predicates": preds, "phrases": phrases, "physics": physics,
            "hierarchical": hierarchical, "big": len(drawn) > physics_max, "heavy": len(drawn) >= BIG,
            "drawn": len(drawn), "focus": _drawn_index(index, focus, len(drawn)),
            "nodes": vis_nodes, "edges": vis_edges, "options": json.loads(options), "info": info, "links": links}
    page = _environment().get_template("view.html")
    return page.render(title=title, data=Markup(script_json(data)), **_assets())


def write_html(graph: nx.MultiDiGraph, path: Path, title: str = "Knowledge graph", **kwargs) -> Path:
    """Write :func:`generate_html` to ``path`` atomically; returns ``path``."""
    html = generate_html(graph, title=title, **kwargs)
    atomic_write(Path(path), lambda h: h.write(html.encode("utf-8")))
    return Path(path)
