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
# # The landscape at a glance
#
# What the bundled corpus covers: which languages have models, which
# techniques come up year by year, which benchmarks models are evaluated on,
# and which model families the lineage relations tie together, ending with
# an interactive view of one family.
#
# The graph is built through the Python API; the questions are SPARQL
# queries (`g.query(...).df()` gives pandas tables) and networkx walks
# (`g.nx`). No answer is written into the text: every number below comes
# from the graph built here.

# %%
import tempfile
from collections import Counter

import matplotlib.pyplot as plt
import networkx as nx
import pandas as pd
from IPython.display import display

import kg
from kg.lineage import LINEAGE_RELATIONS as LINEAGE  # distillsFrom ... basedOn, derivedFrom


def chart(title, draw, data, empty, figsize=(10, 4)):
    """A figure drawn by ``draw(ax, data)``, or the sentence ``empty`` where there is no data."""
    fig, ax = plt.subplots(figsize=figsize)
    if data is not None and len(data):
        draw(ax, data)
    else:
        ax.text(0.5, 0.5, empty, ha="center", va="center")
        ax.axis("off")
    ax.set_title(title)
    fig.tight_layout()
    plt.show()


# %% tags=["parameters"]
CORPUS = None  # files or directories of paper listings; None: the bundled corpus
BUILD_OPTIONS = {}  # more keyword arguments for kg.build

# %%
out = tempfile.mkdtemp(prefix="kg-landscape-")
result = kg.build(CORPUS, out=out, html=False, **BUILD_OPTIONS)
g = kg.load(result)
print(f"{result.papers} papers, {result.triples:,} triples")
print("entities:", result.entity_counts())
print("edges:   ", result.edge_counts())

# %% [markdown]
# ## Models per language
#
# A model counts for a language when the graph says it is for that language
# (`?model kg:forLanguage ?language`), or when a paper about that language
# names it.

# %%
MODELS_PER_LANGUAGE = """
SELECT ?language (COUNT(DISTINCT ?m) AS ?models) (COUNT(DISTINCT ?paper) AS ?papers) WHERE {
  ?l a kg:Language ; skos:prefLabel ?language .
  ?m a kg:Model .
  { ?m kg:forLanguage ?l } UNION { ?paper kg:forLanguage ?l ; kg:mentions ?m }
} GROUP BY ?language ORDER BY DESC(?models) ?language"""
languages = g.query(MODELS_PER_LANGUAGE).df()
print(f"{len(languages)} languages have at least one model")
languages.head(10)

# %%
def bars(ax, top):
    ax.bar(top["language"], top["models"], color="#ea7a12")
    ax.tick_params(axis="x", rotation=60)
    ax.set_ylabel("models")


chart("Models per language", bars, languages.head(20), "no model is tied to a language in this graph")

# %% [markdown]
# ## Techniques by year
#
# The listings carry a date for some papers only; the undated ones are left
# out here. A technique counts for a year when a paper of that year names or
# uses it.

# %%
dated = g.query("""SELECT (COUNT(DISTINCT ?p) AS ?dated) WHERE { ?p a kg:Paper ; dcterms:date ?d }""")[0].dated
print(f"{dated} of {result.papers} papers carry a date")

TECHNIQUES_BY_YEAR = """
SELECT ?year ?technique (COUNT(DISTINCT ?paper) AS ?papers) WHERE {
  ?paper dcterms:date ?date ; kg:mentions|kg:usesTechnique ?t .
  ?t a kg:Technique ; skos:prefLabel ?technique .
  BIND(SUBSTR(STR(?date), 1, 4) AS ?year)
} GROUP BY ?year ?technique ORDER BY ?year ?technique"""
by_year = g.query(TECHNIQUES_BY_YEAR).df()
if len(by_year):
    table = by_year.pivot_table(index="year", columns="technique", values="papers", fill_value=0, aggfunc="sum")
    leading = table.sum().sort_values(ascending=False).head(8).index
    display(table[leading].T)  # a row per technique, a column per year
else:
    table, leading = None, []
    print("No dated paper names a technique in this graph.")

# %%
def stacked(ax, table):
    table.plot(kind="bar", stacked=True, ax=ax, colormap="tab10", rot=0)
    ax.set_ylabel("dated papers")
    ax.legend(title="technique", bbox_to_anchor=(1, 1), loc="upper left", fontsize=8)


chart("The most frequent techniques, by year", stacked, None if table is None else table[leading],
      "no dated paper names a technique")

# %% [markdown]
# ## The most evaluated-on benchmarks
#
# Who is evaluated on a benchmark: a model (`?model kg:evaluatedOn ?d`) or
# a paper reporting results on it.

# %%
BENCHMARKS = """
SELECT ?benchmark (COUNT(DISTINCT ?s) AS ?evaluations) WHERE {
  ?s kg:evaluatedOn ?d . ?d skos:prefLabel ?benchmark .
} GROUP BY ?benchmark ORDER BY DESC(?evaluations) ?benchmark LIMIT 15"""
benchmarks = g.query(BENCHMARKS).df()


def horizontal_bars(ax, top):
    ax.barh(top["benchmark"][::-1], top["evaluations"][::-1], color="#16a34a")
    ax.set_xlabel("papers and models evaluated on it")


chart("Most evaluated-on benchmarks", horizontal_bars, benchmarks, "no evaluatedOn edge in this graph", (8, 4))
benchmarks

# %% [markdown]
# ## The largest families
#
# A family is a connected group of models under the lineage relations
# (distilled, compressed, fine-tuned from, based on, derived from), whatever
# the direction. Its roots are the members derived from nothing.

# %%
G = g.nx
lineage = nx.DiGraph((u, v) for u, v, k in G.edges(keys=True) if k in LINEAGE)  # child -> parent


def label(node):
    return G.nodes[node]["name"]


families = sorted(nx.weakly_connected_components(lineage), key=lambda c: (-len(c), min(map(label, c))))
rows = []
for members in families[:10]:
    roots = sorted((label(n) for n in members if lineage.out_degree(n) == 0)) or ["(a cycle)"]
    rows.append({"models": len(members), "roots": ", ".join(roots),
                 "members": ", ".join(sorted(map(label, members)))})
print(f"{len(families)} families of 2 or more models; the largest:")
if rows:
    display(pd.DataFrame(rows))
else:
    print("none: this graph holds no lineage edge")

# %% [markdown]
# ## One family, interactive
#
# `g.view(nodes)` draws some nodes of the graph in the interactive HTML
# view (hover or click a node for its papers and evidence); in a notebook it
# is shown inline. We draw the largest family as a tree. Where the graph
# holds no family, we draw the most-named model with the models most often
# named beside it, and the papers that name them together.
#
# (`g.view_of(name, lineage=True)` draws what `kg view --lineage` draws: one
# model with everything it derives from and everything derived from it.)

# %%
def by_count(counter):
    """Keys by decreasing count, then by label."""
    return sorted(counter, key=lambda n: (-counter[n], label(n)))


view = None
if families:
    family = sorted(families[0], key=label)
    # named after the member most of the family derives from
    head = max(family, key=lambda n: (len(nx.ancestors(lineage, n)), -family.index(n)))
    title = f"The {label(head)} family"
    view = g.view(family, title=title, note=f"{len(family)} models tied by lineage", hierarchical=True, focus=head)
else:
    named = Counter(v for u, v, k in G.edges(keys=True) if k in ("mentions", "introduces")
                    and G.nodes[v]["kind"] == "Model")
    if named:
        centre = by_count(named)[0]
        papers = [p for p in G.predecessors(centre) if G.nodes[p]["kind"] == "Paper"]
        beside = Counter(m for p in papers for m in set(G.successors(p))
                         if m != centre and G.nodes[m]["kind"] == "Model")
        models = [centre] + by_count(beside)[:8]
        shared = Counter({p: len(set(G.successors(p)) & set(models)) for p in papers})
        shared = [p for p in by_count(shared) if shared[p] >= 2][:30]
        title = f"{label(centre)} and the models named beside it"
        view = g.view(models + shared, title=title,
                      note=f"no lineage family in this graph: {len(models)} models, {len(shared)} papers naming them")
    else:
        title = "This graph names no model: nothing to draw."
print(title)
if view is not None:
    print(f"saved to {view.save(f'{out}/family.html')}")
view
