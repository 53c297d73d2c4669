"""How big the HTML view is and how soon it is drawn and answers a click, in headless Chromium.

For the bundled corpus and synthetic graphs of our shape (papers mention
entities, models derive from models, evidence sentences on every edge) of
500, 5,000 and 20,000 nodes it prints: the time to write the page in Python,
its size, the time from navigation until vis-network has drawn the graph
(the page's ``afterDrawing``, with the layout precomputed), the time a click
on a node takes to open the details panel, and their sum ("interactive").
The baseline is pyvis's own page (``Network.add_node``/``add_edge`` and
``write_html``, its default physics) for the 500-node graph, timed until its
stabilization is done. Targets: bundled corpus < 2 s, 5,000 nodes < 5 s,
20,000 nodes open.

    python benchmarks/view.py                 # everything (~2-3 minutes)
    python benchmarks/view.py --sizes 5000    # one synthetic size, no baseline
    python benchmarks/view.py --out out       # an existing build instead of building the corpus
    python benchmarks/view.py --sizes 100000 --no-baseline   # past MAX_NODES: the best-connected 20,000 drawn

Pages are opened from disk with every network request refused; the browser
is Debian's chromium (``--chromium PATH``).
"""
from __future__ import annotations

import sys
from pathlib import Path

# this file is named html.py: keep its directory off the path so ``import html`` finds the standard library
_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]
sys.path.insert(0, str(_HERE.parent))

import argparse  # noqa: E402
import random  # noqa: E402
import shutil  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402

import networkx as nx  # noqa: E402

from kg.export.html import write_html  # noqa: E402
from kg.graph import ALIASES, EVIDENCE, KIND, NAME, PAPER, Evidence  # noqa: E402
from kg.model import Paper  # noqa: E402

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
WORDS = ("efficient sparse multilingual distilled robust adaptive contrastive retrieval augmented low-resource "
         "instruction tuned compact quantized long-context cross-lingual benchmark evaluation").split()
SHARES = (("Paper", 0.45), ("Model", 0.35), ("Dataset", 0.08), ("Language", 0.03), ("Technique", 0.09))
LINEAGE = ("distillsFrom", "compresses", "fineTunedFrom", "basedOn")


def synthetic_graph(nodes: int, seed: int = 0) -> nx.MultiDiGraph:
    """A graph of ``nodes`` nodes shaped like a build: papers mention and introduce entities, models derive."""
    rng = random.Random(seed)
    g = nx.MultiDiGraph()
    ids: dict[str, list[str]] = {}
    for kind, share in SHARES:
        count = max(1, round(nodes * share))
        ids[kind] = []
        for i in range(count):
            name = f"{kind[0]}{i}-" + "-".join(rng.sample(WORDS, 2))
            if kind == "Paper":
                title = " ".join(rng.sample(WORDS, 6)).capitalize() + f" {i}"
                paper = Paper(key=f"p{i}", title=title, abstract="", date=f"20{10 + i % 15}-0{1 + i % 9}-01")
                g.add_node(f"paper:p{i}", **{KIND: "Paper", NAME: title, PAPER: paper})
                ids[kind].append(f"paper:p{i}")
            else:
                g.add_node(f"{kind}:{name}", **{KIND: kind, NAME: name, ALIASES: (name.upper(),)})
                ids[kind].append(f"{kind}:{name}")

    def pick(kind: str) -> str:  # Zipf-like popularity
        items = ids[kind]
        return items[min(int(rng.paretovariate(1.2)) - 1, len(items) - 1)]

    def evidence(paper: str, sentence: str) -> dict:
        return {EVIDENCE: (Evidence(paper.removeprefix("paper:"), sentence, round(rng.random(), 3)),)}

    for paper in ids["Paper"]:
        for kind in rng.choices(("Model", "Dataset", "Technique", "Language"), (6, 2, 2, 1), k=rng.randint(2, 5)):
            target = pick(kind)
            g.add_edge(paper, target, key="mentions", **evidence(paper, f"We compare our method with {target}."))
    models = ids["Model"]
    for i, model in enumerate(models):
        paper = ids["Paper"][i % len(ids["Paper"])]
        g.add_edge(paper, model, key="introduces", **evidence(paper, f"We introduce {model}, a new model."))
        if i and rng.random() < 0.6:
            parent = models[rng.randrange(max(0, i - 200), i)]
            g.add_edge(model, parent, key=rng.choice(LINEAGE),
                       **evidence(paper, f"{model} is derived from {parent} with fewer layers."))
        g.add_edge(model, pick("Dataset"), key="evaluatedOn", **evidence(paper, "It is evaluated on the benchmark."))
        if rng.random() < 0.5:
            g.add_edge(model, pick("Technique"), key="usesTechnique", **evidence(paper, "It uses the technique."))
    return g


def pyvis_baseline(graph: nx.MultiDiGraph, path: Path) -> Path:
    """pyvis's own page for ``graph``: its add_node/add_edge and template, default physics."""
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="in_line")
    index = {n: i for i, n in enumerate(graph)}
    for n, data in graph.nodes(data=True):
        net.add_node(index[n], label=str(data.get(NAME, n))[:30], title=str(data.get(NAME, n)))
    for u, v, k in graph.edges(keys=True):
        net.add_edge(index[u], index[v], title=k)
    net.write_html(str(path))
    return path


class Browser:
    def __init__(self, executable: str):
        from playwright.sync_api import sync_playwright

        self.manager = sync_playwright().start()
        self.browser = self.manager.chromium.launch(executable_path=executable, args=ARGS)

    def close(self):
        self.browser.close()
        self.manager.stop()

    def _open(self, path: Path):
        url = path.resolve().as_uri()
        context = self.browser.new_context(viewport={"width": 1400, "height": 900})
        refused = []
        context.route("**/*", lambda r: r.continue_() if r.request.url == url else (refused.append(r.request.url),
                                                                                      r.abort()))
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        return context, page, url, refused, errors

    def measure(self, path: Path, timeout: float = 180.0) -> dict:
        """Seconds until drawn (from navigation start) and until a click on a node opened its details."""
        context, page, url, refused, errors = self._open(path)
        try:
            page.goto(url, wait_until="commit", timeout=timeout * 1000)
            page.wait_for_function("() => window.kgReady !== undefined", timeout=timeout * 1000, polling=50)
            drawn = page.evaluate("() => window.kgReady") / 1000
            # a real click on the best-connected node inside the canvas
            x, y = page.evaluate("""() => {
                const v = window.kgView, net = v.network, box = document.getElementById('network').getBoundingClientRect();
                let best = null;
                for (const id of net.body.nodeIndices) {
                    const p = net.canvasToDOM(net.getPosition(id)), size = v.nodes.get(id).size;
                    if (p.x < 20 || p.y < 20 || p.x > box.width - 20 || p.y > box.height - 20) continue;
                    if (!best || size > best[0]) best = [size, p.x + box.left, p.y + box.top];
                }
                return [best[1], best[2]]; }""")
            start = time.perf_counter()
            page.mouse.click(x, y)
            page.wait_for_selector("#details:not([hidden])", timeout=timeout * 1000)
            click = time.perf_counter() - start
            nodes = page.evaluate("() => window.kgView.network.body.nodeIndices.length")
            return {"drawn": drawn, "click": click, "interactive": drawn + click, "nodes": nodes,
                    "refused": len(refused), "errors": len(errors)}
        finally:
            context.close()

    def measure_pyvis(self, path: Path, timeout: float = 240.0) -> dict:
        """Seconds until pyvis's page has stabilized (its loading bar faded), from navigation start."""
        context, page, url, refused, errors = self._open(path)
        try:
            page.goto(url, wait_until="commit")
            page.wait_for_function("() => { const b = document.getElementById('loadingBar');"
                                   " return b && b.style.opacity === '0'; }", timeout=timeout * 1000, polling=100)
            done = page.evaluate("() => performance.now()") / 1000
            return {"drawn": done, "refused": len(refused), "errors": len(errors)}
        finally:
            context.close()


def build_bundled(tmp: Path) -> nx.MultiDiGraph:
    from kg.build import build

    return build(None, tmp / "bundled", html=False).graph


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[500, 5000, 20000], help="Synthetic graph sizes.")
    parser.add_argument("--out", help="An existing build directory to use as the bundled corpus.")
    parser.add_argument("--no-baseline", action="store_true", help="Skip pyvis's own page (the slow baseline).")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    parser.add_argument("--keep", help="Directory to keep the pages in (default: a temporary one).")
    args = parser.parse_args(argv)
    tmp = Path(args.keep or tempfile.mkdtemp(prefix="kg-html-bench-"))
    tmp.mkdir(parents=True, exist_ok=True)
    cases = []
    if args.out:
        from kg.load import load_graph

        cases.append(("bundled corpus", load_graph(args.out)))
    else:
        cases.append(("bundled corpus", build_bundled(tmp)))
    cases += [(f"synthetic {n:,}", synthetic_graph(n)) for n in args.sizes]
    browser = Browser(args.chromium)
    rows = []
    baseline = None
    try:
        for label, graph in cases:
            path = tmp / f"{label.replace(' ', '-').replace(',', '')}.html"
            start = time.perf_counter()
            write_html(graph, path, title=label)
            written = time.perf_counter() - start
            figures = browser.measure(path)
            rows.append((label, graph.number_of_nodes(), graph.number_of_edges(), written,
                         path.stat().st_size / 1e6, figures))
            print(f"{label}: {graph.number_of_nodes():,} nodes, {graph.number_of_edges():,} edges; "
                  f"written in {written:.2f} s, {path.stat().st_size / 1e6:.1f} MB; drawn {figures['drawn']:.2f} s, "
                  f"click answered in {figures['click'] * 1000:.0f} ms", flush=True)
            if not args.no_baseline and graph.number_of_nodes() == 500:
                base = pyvis_baseline(graph, tmp / "pyvis-500.html")
                baseline = (browser.measure_pyvis(base), figures)
                print(f"  pyvis's own page, default physics: stabilized after {baseline[0]['drawn']:.1f} s", flush=True)
    finally:
        browser.close()
    print()
    print(f"{'graph':<19}{'nodes':>9}{'drawn':>8}{'edges':>9}{'write s':>9}{'MB':>7}{'drawn s':>9}{'click ms':>10}"
          f"{'interactive s':>15}{'refused':>9}{'errors':>8}")
    for label, n, e, written, size, f in rows:
        print(f"{label:<19}{n:>9,}{f['nodes']:>8,}{e:>9,}{written:>9.2f}{size:>7.1f}{f['drawn']:>9.2f}"
              f"{f['click'] * 1000:>10.0f}{f['interactive']:>15.2f}{f['refused']:>9}{f['errors']:>8}")
    if baseline is not None:
        base, ours = baseline
        print(f"\n500 nodes: pyvis's own page with its default physics {base['drawn']:.1f} s until stable, "
              f"{base['refused']} network requests refused; ours {ours['interactive']:.2f} s to interactive "
              f"({base['drawn'] / ours['interactive']:.0f}x sooner).")
    targets = {"bundled corpus": 2.0, "synthetic 5,000": 5.0}
    for label, _, _, _, _, f in rows:
        if label in targets:
            verdict = "met" if f["interactive"] < targets[label] else "MISSED"
            print(f"target {label} < {targets[label]:.0f} s: {verdict} ({f['interactive']:.2f} s)")
    if not args.keep:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
