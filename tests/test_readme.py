"""The README's examples are what the commands print on the bundled corpus.

Every ```console block whose commands are ``kg query``, ``kg lineage`` or
``kg check`` on ``out`` is run against a build of the bundled corpus; the
lines shown under each ``$`` command must be its output (stdout and stderr),
exactly; a block line ``...`` means the output goes on. The ``>>>``
examples run as doctests.
"""
from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_RUNNABLE = re.compile(r"^kg (query|lineage|check) out\b")


def _examples() -> list[tuple[str, list[str]]]:
    """``(command, shown output lines)`` of every runnable console example."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    examples = []
    for block in re.findall(r"```console\n(.*?)```", text, re.S):
        lines = block.splitlines()
        i = 0
        while i < len(lines):
            if not lines[i].startswith("$ "):
                i += 1
                continue
            command = lines[i][2:]
            i += 1
            while not _complete(command):
                command += "\n" + lines[i]
                i += 1
            shown = []
            while i < len(lines) and not lines[i].startswith("$ "):
                shown.append(lines[i])
                i += 1
            while shown and not shown[-1]:
                shown.pop()
            if _RUNNABLE.match(command):
                examples.append((command, shown))
    return examples


def _complete(command: str) -> bool:
    try:
        shlex.split(command)
    except ValueError:  # an open quote: the command goes on on the next line
        return False
    return True


EXAMPLES = _examples()


def test_readme_has_runnable_examples():
    assert {c.split()[1] for c, _ in EXAMPLES} == {"query", "lineage", "check"}


@pytest.mark.parametrize("command, shown", EXAMPLES, ids=[c.splitlines()[0][:60] for c, _ in EXAMPLES])
def test_readme_example_output(built_out, command, shown):
    line = _RUNNABLE.sub(lambda m: f"{shlex.quote(sys.executable)} -m kg {m.group(1)} {shlex.quote(str(built_out))}",
                         command)
    run = subprocess.run(line, shell=True, cwd=ROOT, capture_output=True, text=True, timeout=120)
    printed = (run.stdout + run.stderr).rstrip("\n").splitlines()
    if shown and shown[-1] == "...":
        shown = shown[:-1]
        printed = printed[:len(shown)]
    assert printed == shown


def test_readme_python_examples():
    """The README's ``>>>`` examples (the Python API on a fresh build of the bundled corpus) run as doctests."""
    import doctest

    failures, tried = doctest.testfile(str(ROOT / "README.md"), module_relative=False,
                                       optionflags=doctest.NORMALIZE_WHITESPACE)
    assert tried >= 8 and failures == 0
