"""The ``kg`` command line. Argument parsing and exit codes only; the work is
done by plain functions of the package."""
from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

import click

from kg.errors import KGError

__all__ = ["cli", "main"]

log = logging.getLogger("kg")


def _table(variables, rows, limit: int | None = None) -> str:
    shown = rows if limit is None else rows[:limit]
    cells = [list(variables)] + [["" if v is None else str(v) for v in row] for row in shown]
    widths = [min(max(len(r[i]) for r in cells), 80) for i in range(len(variables))]
    def fmt(r):
        return "  ".join((c if len(c) <= 80 else c[:77] + "...").ljust(w) for c, w in zip(r, widths)).rstrip()
    lines = [fmt(cells[0]), "  ".join("-" * w for w in widths)] + [fmt(r) for r in cells[1:]]
    if limit is not None and len(rows) > limit:
        lines.append(f"... {len(rows) - limit} more rows (use --format csv for all)")
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors.")
@click.version_option(package_name="kg")
def cli(verbose: int, quiet: bool) -> None:
    """kg: a knowledge graph of language-model research."""
    level = logging.ERROR if quiet else (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    logging.basicConfig(level=level, format="kg: %(levelname)s: %(message)s", force=True)


@cli.command()
@click.argument("inputs", nargs=-1)
@click.option("-o", "--out", default="out", show_default=True, type=click.Path(file_okay=False), help="Output directory.")
@click.option("--format", "fmt", type=click.Choice(["listing", "jsonl", "arxiv"]), help="Force an input format.")
@click.option("--skip-bad", is_flag=True, help="Skip bad records and unreadable files with a warning.")
@click.option("--no-html", is_flag=True, help="Do not write graph.html.")
@click.option("--no-store", is_flag=True,
              help="Do not build the SPARQL store (the first kg query or kg serve builds it from graph.nt).")
@click.option("--progress/--no-progress", default=None,
              help="Progress bar (default: on a terminal, for long inputs; log lines otherwise, with -v).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Worker processes (default: every core, at most one per 250 papers).")
@click.option("--executor", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where extraction runs: this machine, or a Dask cluster (--scheduler).")
@click.option("--scheduler", help="Dask scheduler address, tcp://host:8786 (with --executor dask).")
@click.option("--update", "update_dir", type=click.Path(file_okay=False),
              help="Add INPUTS to the existing build in this directory instead of building anew.")
def build(inputs, out, fmt, skip_bad, no_html, no_store, progress, jobs, executor, scheduler, update_dir):
    """Build the graph of INPUTS (files, directories, globs; default: the bundled corpus)."""
    from kg.build import build as run_build

    if logging.getLogger().level <= logging.WARNING:  # progress lines unless --quiet
        logging.getLogger("kg.progress").setLevel(logging.INFO)
    result = run_build(inputs or None, update_dir or out, format=fmt, errors="skip" if skip_bad else "raise",
                       html=not no_html, progress=progress, jobs=jobs, executor=executor, scheduler=scheduler,
                       update=update_dir is not None, store=not no_store)
    entities = ", ".join(f"{n} {t}" for t, n in result.entity_counts().items())
    click.echo(f"{result.papers} papers, {entities}; {result.edge_total()} edges, "
               f"{result.triples} triples in {result.seconds:.1f} s")
    if update_dir is not None:
        click.echo(f"  {result.extracted} papers new or changed" + ("" if result.files else "; nothing written"))
    for path in result.files:
        click.echo(f"  wrote {path}")
    if logging.getLogger().level <= logging.INFO and result.stages:  # -v: where the time went
        click.echo("  seconds by stage: " + ", ".join(f"{stage} {s:.2f}" for stage, s in result.stages.items()))


@cli.command()
@click.argument("out", default="out", type=click.Path(file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def stats(out, as_json):
    """Papers, entities by type and edges by predicate of a build."""
    from kg.stats import graph_stats

    figures = graph_stats(out)
    if as_json:
        click.echo(json.dumps(figures, indent=2))
        return
    click.echo(f"papers    {figures['papers']}")
    click.echo("entities")
    for t, n in figures["entities"].items():
        click.echo(f"  {t:<14}{n}")
    click.echo("edges")
    for p, n in figures["edges"].items():
        click.echo(f"  {p:<14}{n}")
    click.echo(f"triples   {figures['triples']}")


@cli.command()
@click.argument("out", type=click.Path(file_okay=False))
@click.argument("sparql", required=False)
@click.option("-f", "--file", "query_file", type=click.File("r", encoding="utf-8"), help="Read the query from a file.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json", "xml", "turtle", "nt", "jsonld"]),
              default="table", show_default=True, help="Results format (xml: SPARQL XML, or RDF/XML for graphs).")
@click.option("--limit", type=int, default=200, show_default=True, help="Rows shown in a table.")
@click.option("--engine", type=click.Choice(["oxigraph", "rdflib"]), default="oxigraph", show_default=True,
              help="oxigraph: the build's store; rdflib: rdflib's in-memory store (parses graph.nt, slow).")
def query(out, sparql, query_file, fmt, limit, engine):
    """Run a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) over the build in OUT.

    The project prefixes (kg:, model:, dataset:, rdfs:, skos:, prov:, dcterms: ...) are declared for you.
    """
    from kg.store import NATIVE_FORMATS, open_engine
    from kg.store import query as run_query

    if query_file is not None:
        sparql = query_file.read()
    if not sparql:
        raise click.UsageError("give a query, or -f FILE")
    # rows are written by Oxigraph in the asked format as they are evaluated (tsv for a table)
    result = run_query(open_engine(out, engine), sparql, result_format=fmt if fmt in NATIVE_FORMATS else "tsv")
    if fmt == "table":
        if result.kind == "select":
            click.echo(_table(result.variables, result.short_rows(), limit))
        elif result.kind == "ask":
            click.echo("yes" if result.boolean else "no")
        else:
            click.echo(result.serialize("turtle").decode("utf-8"), nl=False)
        return
    data = result.serialize(fmt)
    sys.stdout.buffer.write(data if data.endswith(b"\n") else data + b"\n")
    sys.stdout.flush()


# -- kg eval -----------------------------------------------------------------

@cli.command(name="eval")
@click.argument("gold", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("-g", "--graph", "out", default="out", show_default=True, type=click.Path(),
              help="The build's output directory (or its graph.nt), or another annotation of the same papers "
                   "(.jsonl): annotator agreement.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--show-errors", type=click.IntRange(min=0), default=20, show_default=True,
              help="Misses and false hits listed, each (0: none).")
def eval_(gold, out, as_json, show_errors):
    """Score the build in --graph against GOLD JSON Lines files: P/R/F1 per entity type and relation."""
    from kg.eval import evaluate, format_report

    report = evaluate(gold, out)
    if as_json:
        click.echo(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(format_report(report, show_errors))


# -- kg serve / kg push ------------------------------------------------------

@cli.command()
@click.argument("out", type=click.Path(file_okay=False))
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=int, default=7878, show_default=True, help="Port (0: any free port).")
@click.option("--timeout", type=float, default=30.0, show_default=True, help="Seconds before a query is stopped.")
@click.option("--max-results", type=int, default=100_000, show_default=True, help="Rows (or triples) an answer may hold.")
@click.option("--workers", type=int, default=2, show_default=True, help="Queries answered at once.")
@click.option("--memory/--disk", default=None,
              help="Answer from an in-memory copy of the graph (faster; ~400 MB per million triples per worker) "
                   "or from the on-disk store. Default: in memory when graph.nt is under 256 MB.")
@click.option("--cache-mb", type=click.FloatRange(min=0), default=0, show_default=True,
              help="Keep the answers to repeated queries (same query text and Accept header) in up to this many MB; "
                   "0: no cache.")
def serve(out, host, port, timeout, max_results, workers, memory, cache_mb):
    """Serve the build in OUT: a read-only SPARQL 1.1 endpoint at /sparql and the HTML view at /."""
    from kg.serve import Limits
    from kg.serve import serve as run_serve

    def ready(url):
        click.echo(f"serving {out}: SPARQL endpoint {url}/sparql, HTML view {url}/ (Ctrl-C stops)", err=True)

    run_serve(out, host, port, Limits(timeout, max_results), workers, ready=ready, memory=memory,
              cache_bytes=int(cache_mb * (1 << 20)))


@cli.command()
@click.argument("out", type=click.Path(file_okay=False))
@click.option("--endpoint", required=True, help="The server's SPARQL 1.1 Graph Store Protocol URL.")
@click.option("--graph", "graph_iri", help="Named graph to replace (default: the default graph).")
@click.option("--update", "update_endpoint",
              help="The server's SPARQL Update URL, for the atomic swap (default: found next to --endpoint).")
@click.option("--timeout", type=float, default=600.0, show_default=True, help="Seconds to wait for the server.")
def push(out, endpoint, graph_iri, update_endpoint, timeout):
    """Load the build in OUT into a triple store, replacing the graph atomically."""
    from kg.push import push as run_push

    result = run_push(out, endpoint, graph_iri, update=update_endpoint, timeout=timeout)
    how = {"update": f"atomically (one SPARQL update: {result.inserted} triples in, "
                     f"{'all the old' if result.deleted is None else result.deleted} out)",
           "unchanged": "atomically (unchanged: nothing written)",
           "move": "atomically (a staging graph moved onto the target)",
           "put": "atomically (one PUT of the whole graph)" if result.atomic else "with one PUT"}[result.method]
    click.echo(f"pushed {result.triples} triples ({result.bytes / 1e6:.1f} MB) to {result.target} {how} "
               f"in {result.seconds:.1f} s: HTTP {result.status}")


# -- kg diff -----------------------------------------------------------------

@cli.command()
@click.argument("old", type=click.Path(file_okay=False))
@click.argument("new", type=click.Path(file_okay=False))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def diff(old, new, fmt):
    """Papers, entities and edges (with evidence) added and removed from build OLD to build NEW."""
    from kg.diff import diff_builds, format_diff

    click.echo(format_diff(diff_builds(old, new), fmt))


# -- kg lineage / kg check ---------------------------------------------------

@cli.command()
@click.argument("out", type=click.Path(file_okay=False))
@click.argument("name")
@click.option("--down", is_flag=True, help="Descendants (what derives from NAME) instead of ancestry.")
@click.option("--depth", type=click.IntRange(min=1), help="Follow at most this many edges from NAME.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def lineage(out, name, down, depth, fmt):
    """The ancestry tree of model NAME (--down: its descendants), each step with its paper and evidence."""
    from kg.lineage import lineage as run_lineage

    found = run_lineage(out, name, down=down, depth=depth)
    click.echo(json.dumps(found.to_dict(), indent=2, ensure_ascii=False) if fmt == "json" else found.tree())


@cli.command()
@click.argument("out", type=click.Path(file_okay=False))
@click.option("--strict", is_flag=True, help="Exit non-zero when anything is found (for pipelines).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def check(out, strict, fmt):
    """Consistency report: lineage cycles, parents introduced after their children, names typed
    differently by different papers, models that outperform what they derive from."""
    from kg.check import CheckFailed, check as run_check, format_report

    report = run_check(out)
    click.echo(format_report(report, fmt))
    if strict and report:
        raise CheckFailed(f"{len(report.findings)} consistency finding{'s' if len(report.findings) != 1 else ''} (--strict)")


# -- kg view -----------------------------------------------------------------

@cli.command()
@click.argument("out", type=click.Path(file_okay=False))
@click.argument("name")
@click.option("--hops", type=click.IntRange(min=0), default=2, show_default=True,
              help="Draw the nodes within this many links of NAME.")
@click.option("--lineage", is_flag=True, help="Draw NAME's whole ancestry and descendants as a tree instead.")
@click.option("--max-nodes", type=click.IntRange(min=1), default=20_000, show_default=True,
              help="Draw at most this many nodes of a neighbourhood (the best-connected).")
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="HTML file to write (default: OUT/view-NAME.html, or OUT/lineage-NAME.html).")
def view(out, name, hops, lineage, max_nodes, output):
    """Write an HTML view of the entity NAME (a label or alias) of the build in OUT: its neighbourhood or lineage."""
    from kg.view import view as run_view

    result = run_view(out, name, hops=hops, lineage=lineage, path=output, max_nodes=max_nodes)
    what = "lineage tree" if lineage else f"{hops}-hop neighbourhood"
    click.echo(f"{result.name}: {what}, {result.nodes} nodes, {result.edges} edges; wrote {result.path}")


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; a :class:`KGError` becomes one line on stderr and exit code 1."""
    try:
        cli.main(args=argv, prog_name="kg", standalone_mode=False)
    except KGError as err:
        click.echo(f"kg: error: {err}", err=True)
        return 1
    except click.exceptions.Abort:
        click.echo("kg: aborted", err=True)
        return 130
    except click.ClickException as err:
        err.show()
        return err.exit_code
    except BrokenPipeError:
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
