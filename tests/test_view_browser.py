"""The HTML view in a real browser: headless Chromium driven by playwright, pages opened from disk.

Checked: no console errors and no network request besides the file itself,
the drawn node and edge counts equal the graph's, search focuses the right
node, the details panel shows evidence, filters and the hide-papers toggle,
and a hostile title runs nothing. Screenshots go to ``test-artifacts/``.
Skipped (with the reason) only when Chromium or playwright is missing.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import HTML_HOSTILE_NAME, HTML_XSS_TITLE, ROOT, html_family_graph
from kg.export.html import write_html
from kg.load import load_graph
from kg.view import view

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    if not Path(CHROMIUM).is_file():
        pytest.skip(f"no Chromium at {CHROMIUM}: install Debian's chromium package to run the browser tests")
    manager = sync_api.sync_playwright().start()
    try:
        chromium = manager.chromium.launch(executable_path=CHROMIUM, args=ARGS)
    except Exception as err:  # a broken install: say why, as a skip
        manager.stop()
        pytest.skip(f"Chromium at {CHROMIUM} does not start: {err}")
    yield chromium
    chromium.close()
    manager.stop()


class Page:
    """A page opened from a file, recording console errors, requests and dialogs."""

    def __init__(self, browser, path: Path, width: int = 1400, height: int = 900):
        self.url = path.resolve().as_uri()
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type in ("error", "warning") else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        # anything other than the file itself is refused (and recorded above)
        self.context.route("**/*", lambda route: route.continue_() if route.request.url == self.url else route.abort())
        self.page.goto(self.url)
        self.page.wait_for_function("() => window.kgReady !== undefined", timeout=60_000)

    def js(self, expression: str, arg=None):
        return self.page.evaluate(expression, arg)

    def close(self):
        self.context.close()

    def node_id(self, name: str) -> int:
        return self.js("n => window.kgView.find(n)[0]", name)

    def click_node(self, node: int) -> None:
        x, y = self.js("""id => {
            const v = window.kgView, p = v.network.canvasToDOM(v.network.getPosition(id));
            const box = document.getElementById('network').getBoundingClientRect();
            return [box.left + p.x, box.top + p.y];
        }""", node)
        self.page.mouse.click(x, y)


@pytest.fixture(scope="module")
def bundled_page(browser, built_out):
    page = Page(browser, built_out / "graph.html")
    yield page
    page.close()


@pytest.fixture(scope="module")
def family_page(browser, tmp_path_factory):
    path = write_html(html_family_graph(), tmp_path_factory.mktemp("page") / "family.html")
    page = Page(browser, path)
    yield page
    page.close()


def test_view_browser_bundled_page_is_offline_and_draws_the_whole_graph(bundled_page, built_out):
    graph = load_graph(built_out)
    page = bundled_page
    assert page.errors == [] and page.dialogs == []
    assert page.requests == [page.url]
    drawn = page.js("""() => { const b = window.kgView.network.body;
        return [b.nodeIndices.length, b.edgeIndices.length, window.kgView.nodes.length]; }""")
    assert drawn == [graph.number_of_nodes(), graph.number_of_edges(), graph.number_of_nodes()]
    # above the physics threshold: precomputed layout, and the page says how to narrow the view
    assert page.js("() => window.kgView.network.physics.physicsEnabled") is False
    assert "kg view OUT NAME --hops 2" in page.page.inner_text("#big")
    ARTIFACTS.mkdir(exist_ok=True)
    page.page.screenshot(path=str(ARTIFACTS / "view-bundled.png"))


def test_view_browser_search_focuses_the_node(bundled_page):
    page = bundled_page
    page.page.fill("#search", "tiny bert")
    assert page.page.inner_text("#matches li:first-child").startswith("TinyBERT")
    page.page.press("#search", "Enter")
    selected = page.js("() => window.kgView.network.getSelectedNodes()")
    assert len(selected) == 1
    assert page.js("id => window.kgView.nodes.get(id).label", selected[0]) == "TinyBERT"
    assert page.page.inner_text("#details h2") == "TinyBERT"
    page.page.fill("#search", "no such thing at all")
    assert page.page.inner_text("#matches") == "No node by that name or alias"
    page.page.press("#search", "Escape")


def test_view_browser_alias_search_and_clicked_node_show_evidence(family_page):
    page = family_page
    page.page.fill("#search", "XLM-RoBERTa")
    page.js("() => { window.kgMoved = false; window.kgView.network.once('animationFinished', () => window.kgMoved = true); }")
    page.page.press("#search", "Enter")
    assert page.page.inner_text("#details h2") == "XLM-R"
    page.page.wait_for_function("() => window.kgMoved === true")  # the focus animation
    # the node sits in the middle of the part of the canvas the details panel leaves free
    x, y = page.js("""() => { const v = window.kgView.network, id = v.getSelectedNodes()[0];
        const p = v.canvasToDOM(v.getPosition(id)), box = document.getElementById('network');
        const free = box.clientWidth - document.getElementById('details').offsetWidth - 24;
        return [p.x - free / 2, p.y - box.clientHeight / 2]; }""")
    assert abs(x) < 5 and abs(y) < 5
    page.page.click("#close")
    assert page.page.is_hidden("#details")
    page.click_node(page.node_id("TinyBERT"))
    details = page.page.inner_text("#details")
    assert "TinyBERT is distilled from BERT-base with a two-stage learning framework." in details
    assert "TinyBERT: Distilling BERT for Natural Language Understanding" in details
    assert "2019-09-23" in details and "Also known as: Tiny-BERT" in details
    assert page.page.inner_text("#details .badge") == "Model"
    assert page.errors == [] and page.requests == [page.url]


def test_view_browser_filters_and_hide_papers(family_page):
    page = family_page
    graph = html_family_graph()
    papers = sum(1 for _, d in graph.nodes(data=True) if d["kind"] == "Paper")
    counts = "() => [window.kgView.network.body.nodeIndices.length, window.kgView.network.body.edgeIndices.length]"
    assert page.js(counts) == [len(graph), graph.number_of_edges()]
    page.page.check("#hide-papers")
    entity_edges = sum(1 for u, v in graph.edges() if not u.startswith("paper:") and not v.startswith("paper:"))
    assert page.js(counts) == [len(graph) - papers, entity_edges]
    assert page.page.is_checked('#types input[data-key="Paper"]') is False
    page.page.uncheck('#predicates input[data-key="distillsFrom"]')
    distills = sum(1 for _, _, k in graph.edges(keys=True) if k == "distillsFrom")
    assert page.js(counts) == [len(graph) - papers, entity_edges - distills]
    assert page.page.inner_text("#counts").startswith(f"{len(graph) - papers} of {len(graph)} nodes")
    page.page.check('#predicates input[data-key="distillsFrom"]')
    page.page.uncheck("#hide-papers")
    assert page.js(counts) == [len(graph), graph.number_of_edges()]


def test_view_browser_hostile_title_runs_nothing(family_page):
    page = family_page
    page.page.fill("#search", "attack")
    page.page.press("#search", "Enter")
    assert page.page.inner_text("#details h2") == HTML_XSS_TITLE
    page.js("n => window.kgView.focusNode(window.kgView.find(n)[0])", "evil model")
    assert page.page.inner_text("#details h2") == HTML_HOSTILE_NAME
    assert '<img src=x onerror="window.__kgXss=3"> compresses BERT.' in page.page.inner_text("#details")
    # hover the hostile paper: vis puts its tooltip on screen as text too
    page.click_node(page.node_id("attack"))
    page.page.wait_for_timeout(300)
    assert page.js("() => window.__kgXss") is None
    assert page.dialogs == []
    assert page.js("() => document.querySelectorAll('img, svg, iframe, object, embed').length") == 0
    assert page.js("() => document.scripts.length") == 3
    assert page.errors == [] and page.requests == [page.url]


def test_view_browser_lineage_page_opens_on_the_entity(browser, html_family_out, tmp_path):
    result = view(html_family_out, "roberta", lineage=True, path=tmp_path / "lineage.html")
    page = Page(browser, result.path)
    try:
        assert page.errors == [] and page.requests == [page.url]
        assert page.js("() => window.kgView.network.body.nodeIndices.length") == result.nodes
        assert page.page.inner_text("#details h2") == "RoBERTa"
        assert page.js("() => window.kgView.network.getSelectedNodes().length") == 1
        assert page.page.is_hidden(".switch")  # no papers drawn: no hide-papers toggle
        # every drawn node is inside the canvas, left of the details panel
        inside = page.js("""() => { const v = window.kgView.network, w = document.getElementById('network').clientWidth;
            const panel = document.getElementById('details').offsetWidth;
            return v.body.nodeIndices.every(id => { const p = v.canvasToDOM(v.getPosition(id));
                return p.x > 0 && p.x < w - panel && p.y > 0; }); }""")
        assert inside
        ARTIFACTS.mkdir(exist_ok=True)
        page.page.screenshot(path=str(ARTIFACTS / "view-lineage.png"))
    finally:
        page.close()


def test_view_browser_truncated_page_counts_relations_outside_the_view(browser, tmp_path):
    from kg.export.html import generate_html

    graph = html_family_graph()
    path = tmp_path / "cut.html"
    path.write_text(generate_html(graph, max_nodes=5), encoding="utf-8")
    page = Page(browser, path)
    try:
        assert page.errors == [] and page.js("() => window.kgView.network.body.nodeIndices.length") == 5
        page.js("n => window.kgView.focusNode(window.kgView.find(n)[0])", "BERT")
        shown = page.js("() => window.kgView.edgeView.length")
        meta = page.page.inner_text("#details")
        assert f"{graph.degree('Model:BERT')} relations, " in meta and "of them in this view" in meta
        assert "5 best-connected of 20 nodes" in page.page.inner_text("#note")
        assert shown < graph.number_of_edges()
    finally:
        page.close()
