"""The Python API: a built graph to query with SPARQL, walk with networkx, and look things up in.

Build (or open) a graph, then ask it questions:

>>> import kg, tempfile
>>> g = kg.load(kg.build(out=tempfile.mkdtemp(), html=False))  # doctest: +SKIP
>>> g.entity("tinybert")  # doctest: +SKIP
EntityInfo(Model 'TinyBERT', aliases=('Tiny-BERT',), 2 papers)

Keyword arguments bind query variables to values (a list binds several),
so names never need quoting into the text:

>>> g.query("SELECT ?name (COUNT(DISTINCT ?p) AS ?papers) WHERE { ?p kg:mentions ?m . "
...         "?m skos:prefLabel ?name } GROUP BY ?name ORDER BY ?name", name=["BERT", "RoBERTa"])  # doctest: +SKIP
name     papers
-------  ------
BERT     195
RoBERTa  96
(2 rows)
>>> _.df()  # doctest: +SKIP
      name  papers
0     BERT     195
1  RoBERTa      96

The project prefixes (``kg:``, ``model:``, ``skos:``, ``dcterms:`` ...; see
:data:`kg.vocab.PREFIXES`) are declared in every query. ``g.nx`` is the
same graph in networkx (nodes ``"<Type>:<name>"`` and ``"paper:<key>"``,
edges keyed by predicate with their ``evidence``), ``g.entity(name)`` one
entity with its aliases and papers, ``g.lineage(name)`` what a model derives
from, ``g.view(nodes)`` the interactive HTML view of some nodes and
``g.view_of(name)`` the one ``kg view`` draws for an entity.

``import kg`` stays cheap: this module is imported on first use of
``kg.load``, and pandas and networkx only when ``.df()`` or ``.nx`` is used.
"""
from __future__ import annotations

import html as _html
import re
from collections import namedtuple
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.errors import GraphNotFoundError, KGError, QueryError
from kg.model import ENTITY_TYPES
from kg.store import execute, open_store
from kg.vocab import PREFIXES

__all__ = ["EntityInfo", "Graph", "PaperRef", "Rows", "View", "load", "to_term"]

_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {f"{_XSD}{t}" for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger",
                                     "positiveInteger", "negativeInteger", "nonPositiveInteger",
                                     "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte")}
_FLOATS = {f"{_XSD}{t}" for t in ("decimal", "double", "float")}
_BOOLEAN = f"{_XSD}boolean"
#: Rows shown by ``repr`` of a :class:`Rows` (all of them are in ``.df()``).
SHOWN = 20


# ------------------------------------------------------------------ values and terms


def to_term(value: Any) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """The RDF term a Python value binds a query variable to.

    ``str`` is a plain literal, ``int``/``float``/``bool`` typed literals;
    pyoxigraph and rdflib terms pass through, an :class:`EntityInfo` is its IRI.

    >>> to_term("BERT")
    <Literal value=BERT datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#string>>
    >>> to_term(3).datatype.value
    'http://www.w3.org/2001/XMLSchema#integer'
    >>> to_term(ox.NamedNode("https://w3id.org/lmkg/id/model/bert")).value
    'https://w3id.org/lmkg/id/model/bert'
    """
    if isinstance(value, (ox.NamedNode, ox.BlankNode, ox.Literal)):
        return value
    if isinstance(value, EntityInfo):
        return ox.NamedNode(value.iri)
    if isinstance(value, (str, bool, int, float)) and type(value).__module__ == "builtins":
        return ox.Literal(value)
    module = type(value).__module__
    if module.startswith("rdflib"):
        from rdflib import BNode, Literal, URIRef

        if isinstance(value, URIRef):
            return ox.NamedNode(str(value))
        if isinstance(value, BNode):
            return ox.BlankNode(str(value))
        if isinstance(value, Literal):
            if value.language:
                return ox.Literal(str(value), language=value.language)
            if value.datatype:
                return ox.Literal(str(value), datatype=ox.NamedNode(str(value.datatype)))
            return ox.Literal(str(value))
    raise QueryError(f"cannot bind a {type(value).__name__} ({value!r}) to a query variable; "
                     "use str, int, float, bool or an RDF term")


def _python(term) -> Any:
    """A result term as a Python value: IRIs and plain literals as ``str``, numbers and booleans typed."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        try:
            if datatype in _INTEGERS:
                return int(term.value)
            if datatype in _FLOATS:
                return float(term.value)
        except ValueError:
            return term.value
        if datatype == _BOOLEAN:
            return term.value in ("true", "1")
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.NamedNode):
        return term.value
    return str(term)  # an RDF-star triple


# ------------------------------------------------------------------ binding variables

# Strings, IRIs and comments, which may hold braces and keywords that are not syntax.
_SKIP = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
                   r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\x00-\x20]*>|#[^\n]*', re.S)
_WHERE = re.compile(r"(?<![\w:?$])WHERE(?![\w:-])", re.IGNORECASE)


def _syntax_only(text: str) -> str:
    """``text`` with strings, IRIs and comments blanked out (same length)."""
    return _SKIP.sub(lambda m: " " * len(m.group()), text)


def _where_brace(code: str) -> int | None:
    """Index of the ``{`` that opens the query's outer WHERE group (in blanked ``code``).

    That is the first top-level ``{`` after the first top-level ``WHERE``, or
    the first top-level ``{`` when the query omits the keyword.
    """
    wheres = {m.start() for m in _WHERE.finditer(code)}
    depth, seen_where, first = 0, False, None
    for i, ch in enumerate(code):
        if depth == 0 and i in wheres:
            seen_where = True
        if ch == "{":
            if depth == 0:
                if seen_where:
                    return i
                first = i if first is None else first
            depth += 1
        elif ch == "}":
            depth -= 1
    return None if seen_where else first


def bind(text: str, bindings: dict[str, Any]) -> str:
    """``text`` with each binding as a ``VALUES`` block at the top of its WHERE group.

    Binding happens before the query's own patterns, filters and aggregates
    run, as if the variable had been written as the value; a list or tuple
    binds the variable to each of its values in turn.

    >>> bind('SELECT ?m WHERE { ?m skos:prefLabel ?name }', {"name": "BERT"})
    'SELECT ?m WHERE { VALUES ?name { "BERT" } ?m skos:prefLabel ?name }'
    >>> bind('SELECT ?m WHERE { ?m ?p ?o }', {"nme": "BERT"})
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: cannot bind ?nme: the query has no variable ?nme
    """
    if not bindings:
        return text
    code = _syntax_only(text)
    blocks = []
    for name, value in bindings.items():
        if not re.search(rf"[?$]{re.escape(name)}(?![\w\u00b7\u0300-\u036f\u203f-\u2040])", code):
            raise QueryError(f"cannot bind ?{name}: the query has no variable ?{name}")
        values = value if isinstance(value, (list, tuple, set, frozenset)) else [value]
        terms = " ".join(str(to_term(v)) for v in (sorted(values, key=str) if isinstance(values, (set, frozenset))
                                                    else values))
        blocks.append(f"VALUES ?{name} {{ {terms} }}")
    at = _where_brace(code)
    if at is None:
        raise QueryError("cannot bind variables: the query has no WHERE { ... } group")
    return f"{text[:at + 1]} {' '.join(blocks)}{text[at + 1:]}"


# ------------------------------------------------------------------ results


class Rows:
    """The rows of a SELECT answer: iterate for named tuples, ``.df()`` for a pandas DataFrame.

    IRIs and plain literals come back as ``str``, numeric and boolean
    literals as ``int``/``float``/``bool``, unbound values as ``None``.

    >>> rows = Rows(("name", "papers"), [("BERT", 195), ("RoBERTa", 96)])
    >>> [r.name for r in rows]
    ['BERT', 'RoBERTa']
    >>> rows[0].papers, len(rows), rows.variables
    (195, 2, ('name', 'papers'))
    >>> rows.column("papers")
    [195, 96]
    >>> print(rows)
    name     papers
    -------  ------
    BERT     195
    RoBERTa  96
    (2 rows)
    """

    def __init__(self, variables: Iterable[str], rows: Iterable[tuple]):
        self.variables = tuple(variables)
        self._row = namedtuple("Row", self.variables, rename=True)
        self._rows = [self._row(*r) for r in rows]

    def __iter__(self) -> Iterator[tuple]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)

    def __bool__(self) -> bool:
        return bool(self._rows)

    def __getitem__(self, index):
        return self._rows[index]

    def __eq__(self, other) -> bool:
        if isinstance(other, Rows):
            return self.variables == other.variables and self._rows == other._rows
        return NotImplemented

    def column(self, name: str) -> list:
        """The values of one variable, in row order."""
        try:
            i = self.variables.index(name)
        except ValueError as err:
            raise KeyError(f"no variable {name!r}; the rows have {', '.join(self.variables)}") from err
        return [r[i] for r in self._rows]

    def dicts(self) -> list[dict[str, Any]]:
        """The rows as dicts keyed by variable name."""
        return [dict(zip(self.variables, r)) for r in self._rows]

    def df(self):
        """The rows as a :class:`pandas.DataFrame`, one column per variable (pandas imported here)."""
        import pandas as pd

        return pd.DataFrame([tuple(r) for r in self._rows], columns=list(self.variables))

    def _cells(self) -> list[list[str]]:
        return [["" if v is None else str(v) for v in r] for r in self._rows[:SHOWN]]

    def __repr__(self) -> str:
        cells = [list(self.variables)] + self._cells()
        widths = [min(max(len(c[i]) for c in cells), 60) for i in range(len(self.variables))]

        def line(cells):
            return "  ".join((c if len(c) <= 60 else c[:57] + "...").ljust(w)
                             for c, w in zip(cells, widths)).rstrip()

        lines = [line(cells[0]), "  ".join("-" * w for w in widths)] + [line(c) for c in cells[1:]]
        if len(self) > SHOWN:
            lines.append(f"... {len(self) - SHOWN} more")
        lines.append(f"({len(self)} row{'' if len(self) == 1 else 's'})")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        esc = _html.escape
        head = "".join(f"<th>{esc(v)}</th>" for v in self.variables)
        body = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in r) + "</tr>" for r in self._cells())
        more = f"<p>... {len(self) - SHOWN} more</p>" if len(self) > SHOWN else ""
        return (f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{more}"
                f"<p>({len(self)} row{'' if len(self) == 1 else 's'})</p>")


@dataclass(frozen=True, slots=True)
class PaperRef:
    """A paper as :meth:`Graph.entity` lists it: ``introduces`` when the paper presents the entity."""

    title: str
    date: str | None
    iri: str
    introduces: bool = False


@dataclass(frozen=True, slots=True, repr=False)
class EntityInfo:
    """One entity: canonical name, type, IRI, aliases and the papers naming it.

    ``node`` is its node in :attr:`Graph.nx`; an ``EntityInfo`` passed as a
    query binding binds its IRI.
    """

    name: str
    type: str
    iri: str
    aliases: tuple[str, ...] = ()
    papers: tuple[PaperRef, ...] = ()

    @property
    def node(self) -> str:
        return f"{self.type}:{self.name}"

    @property
    def label(self) -> str:
        """The canonical name (``skos:prefLabel``): the same as :attr:`name`."""
        return self.name

    def __repr__(self) -> str:
        papers = f"{len(self.papers)} paper{'' if len(self.papers) == 1 else 's'}"
        return f"EntityInfo({self.type} {self.name!r}, aliases={self.aliases!r}, {papers})"


class View:
    """An interactive HTML view (:mod:`kg.export.html`): shown inline in a notebook, or saved.

    ``html`` is the self-contained page, ``path`` the file it was written to
    (if any); in Jupyter the view renders in an ``<iframe>`` of ``height`` pixels.
    """

    def __init__(self, html: str, height: int = 600, path: Path | None = None):
        self.html, self.height, self.path = html, height, path

    def save(self, path: str | Path) -> Path:
        """Write the page to ``path`` atomically; returns the path."""
        from kg.export.rdf import atomic_write

        path = Path(path)
        atomic_write(path, lambda h: h.write(self.html.encode("utf-8")))
        return path

    def _repr_html_(self) -> str:
        return (f'<iframe srcdoc="{_html.escape(self.html, quote=True)}" '
                f'style="width:100%;height:{self.height}px;border:1px solid #ddd"></iframe>')

    def __repr__(self) -> str:
        return f"<View: {len(self.html):,} characters of HTML>"


# ------------------------------------------------------------------ the graph

_ENTITY = """
SELECT ?e ?label WHERE {
  { ?e skos:prefLabel ?name } UNION { ?e skos:altLabel ?name }
  ?e a ?type ; skos:prefLabel ?label .
}"""
_ENTITY_NOCASE = """
SELECT DISTINCT ?e ?label WHERE {
  { ?e skos:prefLabel ?l } UNION { ?e skos:altLabel ?l }
  FILTER(LCASE(STR(?l)) = LCASE(?name))
  ?e a ?type ; skos:prefLabel ?label .
}"""
_ALIASES = "SELECT ?alias WHERE { ?e skos:altLabel ?alias }"
_PAPERS = """
SELECT ?paper ?title ?date (BOUND(?intro) AS ?introduces) WHERE {
  ?paper kg:mentions ?e ; dcterms:title ?title .
  OPTIONAL { ?paper dcterms:date ?date }
  OPTIONAL { ?paper kg:introduces ?e . BIND(true AS ?intro) }
}"""


def _out_of(source) -> Path:
    out = getattr(source, "out", source)
    if not isinstance(out, (str, Path)):
        raise TypeError(f"kg.load() takes a build directory or a kg.build() result, not {type(source).__name__}")
    return Path(out)


def _rows(result) -> Rows | bool:
    """Oxigraph's answer as :class:`Rows` of Python values (a ``bool`` for ASK)."""
    if isinstance(result, ox.QueryBoolean):
        return bool(result)
    if isinstance(result, ox.QuerySolutions):
        variables = tuple(v.value for v in result.variables)
        return Rows(variables, (tuple(_python(s[v]) for v in variables) for s in result))
    return Rows(("subject", "predicate", "object"),
                ((_python(t.subject), _python(t.predicate), _python(t.object)) for t in result))


class Graph:
    """A built graph: SPARQL over its Oxigraph store, networkx over its triples.

    Made by :func:`load`; the store is opened read-only on the first query and
    the networkx graph loaded on first use of :attr:`nx`.
    """

    def __init__(self, out: str | Path):
        self.out = Path(out)
        if not (self.out / "graph.nt").is_file():
            raise GraphNotFoundError(f"{self.out}: no graph here; run kg.build(out={str(self.out)!r}) first")

    def __repr__(self) -> str:
        return f"<kg.Graph {str(self.out)!r}>"

    @cached_property
    def store(self) -> ox.Store:
        """The build's Oxigraph store, opened read-only."""
        return open_store(self.out)

    def query(self, sparql: str, **bindings) -> Rows | bool:
        """Run a SPARQL query with the project prefixes declared; keyword arguments bind variables.

        SELECT gives :class:`Rows`, ASK a ``bool``, CONSTRUCT and DESCRIBE
        :class:`Rows` of ``(subject, predicate, object)``. A binding's value
        is a ``str`` (a plain literal), number, ``bool``, RDF term,
        :class:`EntityInfo` (its IRI), or a list of these (one solution per
        value). A malformed query raises :class:`~kg.errors.QueryError` with
        its line and column; an update (INSERT, DELETE ...) is refused.
        """
        return execute(self.store, bind(sparql, bindings), _rows)

    @cached_property
    def nx(self):
        """The graph in networkx (a ``MultiDiGraph``, :func:`kg.load.load_graph`), loaded on first use."""
        from kg.load import load_graph

        return load_graph(self.out)

    def entity(self, name: str, type: str | None = None) -> EntityInfo:
        """The entity called ``name``: its label or an alias, ignoring case, spaces and hyphens.

        Names resolve as :func:`kg.lineage.find_entity` resolves them (a model
        wins over other types, an exact label over a folded one); ``type``
        (``"Model"``, ``"Dataset"``, ``"Language"``, ``"Technique"``) asks for
        that type only. An unknown name raises
        :class:`~kg.lineage.UnknownNameError` (a ``LookupError``) listing close
        names. Papers are sorted by date (undated last), then title.
        """
        from kg.lineage import UnknownNameError, find_entity

        if type is None:
            found = find_entity(self.store, name)
            iri, label, kind = found.iri, found.label, found.type
        elif type not in ENTITY_TYPES:
            raise KGError(f"unknown entity type {type!r}; choose one of {', '.join(ENTITY_TYPES)}")
        else:
            rows = (self.query(_ENTITY, name=name, type=ox.NamedNode(PREFIXES["kg"] + type))
                    or self.query(_ENTITY_NOCASE, name=name, type=ox.NamedNode(PREFIXES["kg"] + type)))
            if not rows:
                raise UnknownNameError(f"no {type} named {name!r} in the graph")
            (label, iri), kind = min((r.label, r.e) for r in rows), type
        node = ox.NamedNode(iri)
        aliases = tuple(sorted(set(self.query(_ALIASES, e=node).column("alias")) - {label}))
        papers = sorted({PaperRef(r.title, r.date, r.paper, r.introduces) for r in self.query(_PAPERS, e=node)},
                        key=lambda p: (p.date is None, p.date or "", p.title, p.iri))
        return EntityInfo(label, kind, iri, aliases, tuple(papers))

    def node(self, name: str, type: str | None = None) -> str:
        """The :attr:`nx` node of the entity called ``name`` (see :meth:`entity`): ``"Model:TinyBERT"``."""
        return self.entity(name, type).node

    def lineage(self, name: str, *, down: bool = False, depth: int | None = None):
        """What the model ``name`` derives from (``down=True``: what derives from it), ``depth`` steps at most.

        Delegates to :func:`kg.lineage.lineage` over this build's store: a
        :class:`~kg.lineage.Lineage` whose ``steps`` carry child, relation,
        parent, paper title, date, evidence and confidence; ``.tree()`` prints
        it, ``.to_dict()`` is JSON.

        >>> print(g.lineage("TinyBERT").tree())  # doctest: +SKIP
        TinyBERT: ancestry
        └─ BERT  (distillsFrom)
              TinyBERT: Distilling BERT for Natural Language Understanding (2019-09-23)
              "TinyBERT is distilled from BERT."
        """
        from kg.lineage import lineage

        return lineage(self.store, name, down=down, depth=depth)

    def view(self, nodes: Iterable[str] | None = None, *, title: str | None = None, note: str = "",
             hierarchical: bool = False, focus: str | None = None, height: int = 600) -> View:
        """The interactive view drawing ``nodes`` (networkx node ids or entity names; default: all).

        Details of the drawn nodes (papers, evidence) come from the whole
        graph. ``hierarchical`` draws lineage as a tree; ``focus`` (a node or
        name) is selected when the page opens.
        """
        from kg.export.html import generate_html

        drawn = None if nodes is None else [self._node_id(n) for n in nodes]
        options = {"title": title} if title is not None else {}
        html = generate_html(self.nx, nodes=drawn, note=note, hierarchical=hierarchical,
                             focus=None if focus is None else self._node_id(focus), **options)
        return View(html, height=height)

    def view_of(self, name: str, *, lineage: bool = False, hops: int = 2, height: int = 600) -> View:
        """What ``kg view`` draws for ``name``: its ``hops``-link neighbourhood, or its lineage tree.

        ``lineage=True`` draws the entity with everything it derives from and
        everything derived from it, parents above children. The page is also
        written where ``kg view`` writes it (``OUT/view-<name>.html`` or
        ``OUT/lineage-<name>.html``), which :attr:`View.path` names.
        """
        from kg.view import view

        written = view(self.out, name, hops=hops, lineage=lineage, graph=self.nx)
        return View(written.path.read_text(encoding="utf-8"), height=height, path=written.path)

    def _node_id(self, node: str) -> str:
        return node if node in self.nx else self.node(node)


def load(source: str | Path | Any = "out") -> Graph:
    """The graph of a build: a build directory, or what :func:`kg.build` returned.

    >>> import kg
    >>> g = kg.load(kg.build(out="out"))  # doctest: +SKIP
    >>> g.entity("TinyBERT").type  # doctest: +SKIP
    'Model'
    """
    return Graph(_out_of(source))
