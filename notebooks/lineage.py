# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Model lineage
#
# Which models were distilled, compressed, fine-tuned from or based on which?
# This notebook builds the knowledge graph of the bundled corpus (the paper
# listings in `data/papers/`) through the Python API and answers each question
# twice: once with SPARQL over the graph's store (`g.query`), once with
# networkx over the same graph (`g.nx`), and checks that both agree.
#
# Lineage edges point from the derived model (the *child*) to the model it
# derives from (the *parent*): `TinyBERT kg:distillsFrom BERT`. The
# relations are `kg:distillsFrom`, `kg:compresses`, `kg:fineTunedFrom` and
# `kg:basedOn`, each also stated as their super-property `kg:derivedFrom`.
# Every edge keeps the paper and the sentence it was read from.
#
# Nothing below assumes what the extractor found: where the graph holds no
# answer to a question, the cell says so.

# %%
import tempfile
from collections import Counter

import matplotlib.pyplot as plt
import networkx as nx
from IPython.display import display

import kg
from kg.lineage import LINEAGE_RELATIONS as LINEAGE  # distillsFrom ... basedOn, derivedFrom

# %% tags=["parameters"]
CORPUS = None  # files or directories of paper listings; None: the bundled corpus
BUILD_OPTIONS = {}  # more keyword arguments for kg.build

# %% [markdown]
# ## Build and load
#
# `kg.build` writes the RDF files and the SPARQL store into `out`;
# `kg.load` opens them as a `Graph`.

# %%
out = tempfile.mkdtemp(prefix="kg-lineage-")
result = kg.build(CORPUS, out=out, html=False, **BUILD_OPTIONS)
g = kg.load(result)
print(f"{result.papers} papers, {result.triples:,} triples in {out}")
result.edge_counts()

# %% [markdown]
# The lineage relations, for both views: in SPARQL a `VALUES` list, in
# networkx the edge keys (the most specific relation of each edge).

# %%
LINEAGE_VALUES = "VALUES ?relation { " + " ".join(f"kg:{r}" for r in LINEAGE) + " }"

G = g.nx  # every paper and entity; edges keyed by relation, each with its evidence
lineage_edges = [(u, v, k) for u, v, k in G.edges(keys=True) if k in LINEAGE]
L = nx.DiGraph()  # child -> parent, one edge per pair, its relations in "relations"
for child, parent, relation in lineage_edges:
    if L.has_edge(child, parent):
        L.edges[child, parent]["relations"].append(relation)
    else:
        L.add_edge(child, parent, relations=[relation])
print(f"{len(lineage_edges)} lineage edges between {L.number_of_nodes()} models")


def label(node):
    """The name networkx keeps for a node."""
    return G.nodes[node]["name"]


def evidence(u, v, relation):
    """(paper title, date, sentence) of every paper stating the edge u -relation-> v."""
    found = []
    for ev in G.edges[u, v, relation]["evidence"]:
        paper = G.nodes.get(f"paper:{ev.paper}", {}).get("paper")
        found.append((paper.title if paper else ev.paper, paper.date if paper else None, ev.sentence))
    return found


# %% [markdown]
# ## 1. What do TinyBERT, MobileBERT and RoBERTa derive from?
#
# First the names: `g.entity` resolves a name or alias (ignoring case,
# spaces and hyphens) and lists the papers naming the entity.

# %%
asked = ["TinyBERT", "MobileBERT", "RoBERTa"]
models = {}
for name in asked:
    try:
        models[name] = g.entity(name)
    except LookupError as err:
        print(f"{name}: {err}")
for name, entity in models.items():
    print(f"{name} -> {entity.type} {entity.name!r}, aliases {entity.aliases}, named in {len(entity.papers)} papers")

# %% [markdown]
# **SPARQL.** Each lineage edge is also an `rdf:Statement` carrying its
# paper (`prov:wasDerivedFrom`) and sentence (`kg:evidence`). Keyword
# arguments of `g.query` bind variables (here `?m` to each model asked
# about), so names never have to be pasted into the query text.

# %%
PARENTS = f"""
SELECT ?model (STRAFTER(STR(?relation), "#") AS ?how) ?parent ?title ?date ?evidence WHERE {{
  {LINEAGE_VALUES}
  ?m skos:prefLabel ?model ; ?relation ?p .
  ?p skos:prefLabel ?parent .
  ?st rdf:subject ?m ; rdf:predicate ?relation ; rdf:object ?p ;
      prov:wasDerivedFrom ?paper ; kg:evidence ?evidence .
  ?paper dcterms:title ?title .
  OPTIONAL {{ ?paper dcterms:date ?date }}
}} ORDER BY ?model ?parent ?how ?date ?title"""
parents = g.query(PARENTS, m=list(models.values()))  # an empty list binds nothing: no rows
for name, entity in models.items():
    rows = [r for r in parents if r.model == entity.name]
    if not rows:
        print(f"{entity.name}: no lineage edge in this graph\n")
    for r in rows:
        print(f"{r.model} {r.how} {r.parent}\n"
              f"    {r.title}{f' ({r.date})' if r.date else ''}\n    \"{r.evidence}\"\n")

# %% [markdown]
# **networkx.** The same answer from the out-edges of each model node.

# %%
nx_parents = set()
for name, entity in models.items():
    found = [(v, k) for _, v, k in G.out_edges(entity.node, keys=True) if k in LINEAGE]
    if not found:
        print(f"{entity.name}: no lineage edge in this graph")
    for parent, relation in sorted(found):
        for title, date, sentence in evidence(entity.node, parent, relation):
            nx_parents.add((entity.name, relation, label(parent), sentence))
            print(f"{entity.name} {relation} {label(parent)}: \"{sentence}\"")

sparql_parents = {(r.model, r.how, r.parent, r.evidence) for r in parents}
assert nx_parents == sparql_parents, "SPARQL and networkx disagree"
print(f"\nSPARQL and networkx agree: {len(nx_parents)} (edge, sentence) pairs")

# %% [markdown]
# The lineage API walks the whole ancestry (parents, their parents, ...)
# and prints it as a tree with the evidence of every step.

# %%
for name, entity in models.items():
    print(g.lineage(entity.name).tree(), end="\n\n")

# %% [markdown]
# ## 2. Everything descended from BERT
#
# The descendants of BERT are the models with a lineage path *to* BERT. In
# SPARQL that is the property path `kg:derivedFrom+`; in networkx the
# ancestors of BERT in the child -> parent graph `L`.

# %%
try:
    bert = g.entity("BERT", type="Model")
except LookupError as err:
    bert = None
    print(err)

DESCENDANT_EDGES = f"""
SELECT DISTINCT ?child (STRAFTER(STR(?relation), "#") AS ?how) ?parent WHERE {{
  {LINEAGE_VALUES}
  ?c kg:derivedFrom+ ?root .
  ?p kg:derivedFrom* ?root .
  ?st rdf:subject ?c ; rdf:predicate ?relation ; rdf:object ?p .
  ?c skos:prefLabel ?child . ?p skos:prefLabel ?parent .
}} ORDER BY ?parent ?child ?how"""
tree_rows = g.query(DESCENDANT_EDGES, root=[bert] if bert else [])
descendants = nx.ancestors(L, bert.node) if bert and bert.node in L else set()
print(f"{len(descendants)} models descend from BERT; {len(tree_rows)} lineage edges among them")
assert {r.child for r in tree_rows} - {"BERT"} == {label(n) for n in descendants}, "SPARQL and networkx disagree"
tree_rows.df()

# %% [markdown]
# Drawn as a tree growing left to right: BERT at the root, each model one
# column to the right of the model it derives from (arrows point from a model
# to what was derived from it); edge colours tell the relation. A model
# derived from a second model of the tree gets a dashed, curved edge from it.

# %%
COLOURS = {"distillsFrom": "#db2777", "compresses": "#f59e0b", "fineTunedFrom": "#2563eb",
           "basedOn": "#16a34a", "derivedFrom": "#7c3aed"}


def tree_layout(tree, root):
    """Positions and the tree edges: x is the depth; leaves top to bottom in depth-first order, each parent
    level with the middle of its children. In a DAG each node hangs under one parent of the level above."""
    depth = nx.single_source_shortest_path_length(tree, root)
    children = {n: [] for n in depth}
    for node, d in depth.items():
        if node != root:
            children[min((p for p in tree.predecessors(node) if depth.get(p) == d - 1), key=label)].append(node)
    pos, leaves = {}, []

    def place(node):
        kids = sorted(children[node], key=label)
        for kid in kids:
            place(kid)
        if kids:
            y = sum(pos[k][1] for k in kids) / len(kids)
        else:
            y = -len(leaves)
            leaves.append(node)
        pos[node] = (depth[node], y)

    place(root)
    return pos, {(parent, kid) for parent, kids in children.items() for kid in kids}


if bert is None:
    fig, ax = plt.subplots(figsize=(8, 2))
    ax.text(0.5, 0.5, "BERT is not in this graph", ha="center", va="center")
else:
    tree = nx.DiGraph(L.subgraph(descendants | {bert.node}).reverse(copy=True))  # parent -> child
    tree.add_node(bert.node)
    pos, hung = tree_layout(tree, bert.node)
    levels = max(x for x, _ in pos.values()) + 1
    fig, ax = plt.subplots(figsize=(3 + 3 * levels, 1.5 + 0.3 * (1 - min(y for _, y in pos.values()))))
    for edges, style in (([e for e in tree.edges if e in hung], "arc3"),  # other parents: curved, dashed
                         ([e for e in tree.edges if e not in hung], "arc3,rad=0.25")):
        colours = [COLOURS.get(tree.edges[e]["relations"][0], "#999999") for e in edges]
        nx.draw_networkx_edges(tree, pos, edgelist=edges, ax=ax, edge_color=colours, width=1.5, arrows=True,
                               arrowstyle="-|>", node_size=60, connectionstyle=style,
                               style="solid" if style == "arc3" else "dashed")
    nx.draw_networkx_nodes(tree, pos, ax=ax, node_color="#2f6fdf", node_size=60)
    for node, (x, y) in pos.items():
        ax.annotate(label(node), (x, y), xytext=(6, 0), textcoords="offset points", va="center", fontsize=8,
                    bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.85})
    ax.set_xlim(-0.2, levels - 0.2)
    for relation, colour in COLOURS.items():
        ax.plot([], [], color=colour, label=relation, linewidth=2)
    ax.legend(loc="upper left", bbox_to_anchor=(1, 1), fontsize=8, frameon=False)
    if not descendants:
        ax.text(0.5, 0.1, "no model descends from BERT in this graph", ha="center", transform=ax.transAxes)
ax.set_title("Models descended from BERT")
ax.axis("off")
plt.show()

# %% [markdown]
# ## 3. Which teachers are distilled from most?

# %%
TEACHERS = """
SELECT ?teacher (COUNT(DISTINCT ?s) AS ?students) (GROUP_CONCAT(DISTINCT ?student; separator=", ") AS ?names)
WHERE { ?s kg:distillsFrom ?t . ?t skos:prefLabel ?teacher . ?s skos:prefLabel ?student . }
GROUP BY ?teacher ORDER BY DESC(?students) ?teacher"""
teachers = g.query(TEACHERS)
print(teachers if teachers else "No distillsFrom edge in this graph: no teacher to rank.")

# %%
nx_teachers = Counter(label(v) for u, v, k in lineage_edges if k == "distillsFrom")
print(nx_teachers.most_common(10) or "No distillsFrom edge in this graph.")
assert dict(nx_teachers) == {r.teacher: r.students for r in teachers}

# %% [markdown]
# ## 4. Compressed models and the benchmarks they were evaluated on
#
# A compressed model is the child of a `kg:distillsFrom` or `kg:compresses`
# edge. Its benchmarks come from three places: the model's own
# `kg:evaluatedOn` edges, those of the papers that introduce it, and those of
# the papers that state the compression.

# %%
COMPRESSED = """
SELECT ?model ?benchmark ?via WHERE {
  VALUES ?how { kg:distillsFrom kg:compresses }
  ?m ?how ?parent ; skos:prefLabel ?model .
  {
    ?m kg:evaluatedOn ?d . BIND("model" AS ?via)
  } UNION {
    ?paper kg:introduces ?m ; kg:evaluatedOn ?d . BIND("introducing paper" AS ?via)
  } UNION {
    ?st rdf:subject ?m ; rdf:predicate ?how ; rdf:object ?parent ; prov:wasDerivedFrom ?paper .
    ?paper kg:evaluatedOn ?d . BIND("compression paper" AS ?via)
  }
  ?d skos:prefLabel ?benchmark .
} ORDER BY ?model ?benchmark ?via"""
compressed = g.query(COMPRESSED)
compressed_models = g.query("""SELECT DISTINCT ?model WHERE {
    VALUES ?how { kg:distillsFrom kg:compresses } ?m ?how ?p ; skos:prefLabel ?model } ORDER BY ?model""")
print(f"{len(compressed_models)} compressed models: {', '.join(compressed_models.column('model')) or 'none'}")
if compressed:
    table = compressed.df().groupby(["model", "benchmark"])["via"].agg(lambda v: ", ".join(sorted(set(v))))
    display(table.reset_index())
else:
    print("No benchmark is recorded for a compressed model in this graph.")

# %%
nx_compressed = {}
for child, parent, relation in lineage_edges:
    if relation not in ("distillsFrom", "compresses"):
        continue
    benchmarks = nx_compressed.setdefault(label(child), set())
    benchmarks |= {label(d) for _, d, k in G.out_edges(child, keys=True) if k == "evaluatedOn"}
    papers = {u for u, _, k in G.in_edges(child, keys=True) if k == "introduces"}
    papers |= {f"paper:{ev.paper}" for ev in G.edges[child, parent, relation]["evidence"]}
    for paper in papers & set(G):
        benchmarks |= {label(d) for _, d, k in G.out_edges(paper, keys=True) if k == "evaluatedOn"}
for model, benchmarks in sorted(nx_compressed.items()):
    print(f"{model}: {', '.join(sorted(benchmarks)) or '(no benchmark recorded)'}")
if not nx_compressed:
    print("No compressed model in this graph.")
sparql_compressed = {}
for r in compressed:
    sparql_compressed.setdefault(r.model, set()).add(r.benchmark)
assert {m: b for m, b in nx_compressed.items() if b} == sparql_compressed, "SPARQL and networkx disagree"

# %% [markdown]
# A broader view that needs no lineage edge: papers that apply a compression
# technique (a technique whose name says distillation, pruning, quantization,
# low-rank or compression), with the benchmarks they report.

# %%
COMPRESSION_PAPERS = """
SELECT ?technique ?paper ?benchmark WHERE {
  ?t a kg:Technique ; skos:prefLabel ?technique .
  FILTER(REGEX(?technique, "distil|prun|quantiz|low-rank|compress", "i"))
  ?paper kg:usesTechnique|kg:mentions ?t .
  OPTIONAL { ?paper kg:evaluatedOn/skos:prefLabel ?benchmark }
}"""
uses = g.query(COMPRESSION_PAPERS).df()
if len(uses):
    by_technique = uses.groupby("technique").agg(
        papers=("paper", "nunique"),
        benchmarks=("benchmark", lambda b: ", ".join(f"{n} ({c})" for n, c in Counter(b.dropna()).most_common(5))))
    display(by_technique.sort_values(["papers", "technique"], ascending=[False, True]))
else:
    print("No compression technique is named in this graph.")

# %% [markdown]
# ## 5. A path between two models
#
# How are TinyBERT and RoBERTa related? First through lineage alone (edges
# followed either way); if lineage does not connect them, through the whole
# graph, where papers link the models they name.

# %%
a, b = "TinyBERT", "RoBERTa"
ends = [models.get(n) for n in (a, b)]


def describe(path, graph):
    """One line per hop: the relation and its direction."""
    hops = []
    for u, v in zip(path, path[1:]):
        if graph.has_edge(u, v):
            hops.append(f"{label(u)} -{sorted(graph[u][v])[0]}-> {label(v)}")
        else:
            hops.append(f"{label(u)} <-{sorted(graph[v][u])[0]}- {label(v)}")
    return hops


path = None
if all(ends):
    connected = g.query("ASK { ?a (kg:derivedFrom|^kg:derivedFrom)+ ?b }", a=ends[0], b=ends[1])
    lineage_graph = G.edge_subgraph((u, v, k) for u, v, k in lineage_edges)
    try:
        path = nx.shortest_path(lineage_graph.to_undirected(as_view=True), ends[0].node, ends[1].node)
    except (nx.NetworkXNoPath, nx.NodeNotFound):
        path = None
    assert connected == (path is not None), "SPARQL and networkx disagree"
    if path:
        print(f"{a} and {b} are related by lineage:")
        print("\n".join(describe(path, G)))
    else:
        print(f"Lineage does not connect {a} and {b} in this graph.")
        try:
            path = nx.shortest_path(G.to_undirected(as_view=True), ends[0].node, ends[1].node)
            print("Through the whole graph:")
            print("\n".join(describe(path, G)))
        except nx.NetworkXNoPath:
            print(f"Nothing connects {a} and {b} in this graph.")
else:
    print(f"{' and '.join(n for n, e in zip((a, b), ends) if e is None)} not in this graph: no path to look for.")
