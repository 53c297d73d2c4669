"""The notebooks run top to bottom (nbclient, one kernel per notebook) and stay paired with their .py files.

Each notebook is executed twice: on the bundled corpus, as a reader runs it,
and on the hand-made lineage corpus (``tests/data/lineage``), whose graph
holds lineage edges whatever the real relation extractor finds today, so the
cells that draw and tabulate lineage run on something non-empty. The second
run injects its corpus through the notebook's ``parameters`` cell.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
jupytext = pytest.importorskip("jupytext")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
NAMES = ("lineage", "landscape")
CELL_TIMEOUT = 120  # seconds per cell
LINEAGE_CORPUS = ROOT / "tests" / "data" / "lineage" / "papers.jsonl"

# The parameters cell that points a notebook at the lineage corpus and its scripted extractor.
LINEAGE_PARAMETERS = f"""
import sys
sys.path.insert(0, {str(ROOT / 'tests')!r})
from conftest import LINEAGE_CORPUS, LineageScriptedExtractor
CORPUS = [LINEAGE_CORPUS]
BUILD_OPTIONS = {{"extractor": LineageScriptedExtractor(), "jobs": 1}}
"""


@pytest.fixture(scope="module")
def nb_kernel(tmp_path_factory):
    """A kernelspec running this interpreter (whatever ``python3`` means elsewhere), found through JUPYTER_PATH."""
    base = tmp_path_factory.mktemp("jupyter")
    spec = base / "kernels" / "kg-nb-python"
    spec.mkdir(parents=True)
    spec.joinpath("kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "kg notebooks", "language": "python"}))
    saved = {k: os.environ.get(k) for k in ("JUPYTER_PATH", "MPLBACKEND", "PYTHONPATH")}
    os.environ["JUPYTER_PATH"] = os.pathsep.join(filter(None, [str(base), saved["JUPYTER_PATH"]]))
    os.environ["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"  # Agg-rendered, headless
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), saved["PYTHONPATH"]]))
    yield "kg-nb-python"
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


def nb_run(name: str, kernel: str, cwd: Path, parameters: str | None = None):
    """Execute ``notebooks/<name>.ipynb`` in ``cwd``; a failing cell raises ``CellExecutionError``."""
    nb = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    if parameters is not None:
        cell = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", ()))
        cell.source = parameters
    client = nbclient.NotebookClient(nb, timeout=CELL_TIMEOUT, kernel_name=kernel,
                                     resources={"metadata": {"path": str(cwd)}})
    client.execute()
    return nb


def nb_text(nb) -> str:
    """Every text output of an executed notebook (streams and plain-text results), joined."""
    parts = []
    for cell in nb.cells:
        for output in cell.get("outputs", ()):
            if output.get("output_type") == "stream":
                parts.append(output["text"])
            elif "data" in output:
                parts.append(output["data"].get("text/plain", ""))
                parts.append(output["data"].get("text/html", ""))
    return "\n".join(parts)


def nb_errors(nb) -> list[str]:
    return [o.get("ename", "") for c in nb.cells for o in c.get("outputs", ()) if o.get("output_type") == "error"]


@pytest.mark.parametrize("name", NAMES)
def test_notebooks_run_on_the_bundled_corpus(name, nb_kernel, tmp_path):
    nb = nb_run(name, nb_kernel, tmp_path)
    assert nb_errors(nb) == []
    assert any(o.get("output_type") == "display_data" and "image/png" in o.get("data", {})
               for c in nb.cells for o in c.get("outputs", ())), "no figure drawn"


def test_notebooks_lineage_answers_on_a_corpus_with_lineage(nb_kernel, tmp_path):
    nb = nb_run("lineage", nb_kernel, tmp_path, LINEAGE_PARAMETERS)
    text = nb_text(nb)
    # derivations with their evidence sentences, read from the graph
    assert "TinyBERT distillsFrom BERT" in text and '"TinyBERT is distilled from BERT."' in text
    assert "RoBERTa basedOn BERT" in text
    assert "MobileBERT: no model or other entity named 'MobileBERT'" in text
    # BERT's descendants, the teachers, the compressed models and their benchmarks
    assert "8 models descend from BERT; 8 lineage edges among them" in text
    assert "Q8BERT: GLUE" in text and "DistilBERT: SQuAD" in text and "MiniDistil: (no benchmark recorded)" in text
    assert "TinyBERT and RoBERTa are related by lineage:" in text
    assert "TinyBERT -distillsFrom-> BERT" in text and "BERT <-basedOn- RoBERTa" in text


def test_notebooks_landscape_answers_on_a_corpus_with_lineage(nb_kernel, tmp_path):
    nb = nb_run("landscape", nb_kernel, tmp_path, LINEAGE_PARAMETERS)
    text = nb_text(nb)
    assert "2 languages have at least one model" in text and "French" in text and "Dutch" in text
    records = [json.loads(line) for line in LINEAGE_CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert f"{sum('date' in r for r in records)} of {len(records)} papers carry a date" in text and "GLUE" in text
    assert "3 families of 2 or more models" in text and "(a cycle)" in text
    assert "The BERT family" in text and "<iframe srcdoc=" in text and "CamemBERT" in text


@pytest.mark.parametrize("name", NAMES)
def test_notebooks_ipynb_and_py_are_in_sync(name):
    """``jupytext --sync notebooks/<name>.py`` after editing either file."""
    ipynb = jupytext.read(NOTEBOOKS / f"{name}.ipynb")
    py = jupytext.read(NOTEBOOKS / f"{name}.py")

    def cells(nb):
        return [(c.cell_type, c.source.strip(), tuple(c.metadata.get("tags", ()))) for c in nb.cells]

    assert cells(ipynb) == cells(py)
    assert ipynb.metadata.get("jupytext", {}).get("formats") == "ipynb,py:percent"


@pytest.mark.parametrize("name", NAMES)
def test_notebooks_are_stored_without_outputs(name):
    nb = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(not c.outputs and c.execution_count is None for c in code)
