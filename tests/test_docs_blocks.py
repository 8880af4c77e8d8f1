"""Every code block in MIGRATION.md runs in the tests (and README.md's console sessions too).

``python`` blocks are doctests (``>>>``), collected by ``--doctest-glob=*.md``;
``console`` blocks are shell sessions, run here: the blocks of one document run in
order, in one scratch directory holding ``legacy/`` (a copy of
``tests/data/migrate_project``); each ``$ command`` runs in bash with this
interpreter's scripts first on PATH, and its output (stdout and stderr, in order)
must equal the lines that follow it. A line ``...`` stands for any number of lines.
"""

import os
import re
import shutil
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROJECT = os.path.join(ROOT, "tests", "data", "migrate_project")
DOCS = ("README.md", "MIGRATION.md")
FENCE = re.compile(r"^```(\w*)\n(.*?)^```$", re.M | re.S)


def blocks(document):
    with open(os.path.join(ROOT, document)) as handle:
        return [(match.group(1), match.group(2)) for match in FENCE.finditer(handle.read())]


def test_every_block_is_executed(document="MIGRATION.md"):
    for language, body in blocks(document):
        runnable = language == "console" or language == "python" and body.lstrip().startswith(">>>")
        assert runnable, "%s has a block the tests do not run:\n%s" % (document, body)


def commands_and_outputs(session):
    """[(command, [expected output lines])] of a console block."""
    steps = []
    for line in session.splitlines():
        if line.startswith("$ "):
            steps.append((line[2:], []))
        else:
            steps[-1][1].append(line)
    return steps


def matches(expected, actual):
    pattern = "\n".join(".*?" if line == "..." else re.escape(line) for line in expected)
    return re.fullmatch(pattern, "\n".join(actual), re.S) is not None


@pytest.mark.parametrize("document", DOCS)
def test_console_sessions(document, tmp_path):
    sessions = [body for language, body in blocks(document) if language == "console"]
    shutil.copytree(PROJECT, str(tmp_path / "legacy"))
    environment = dict(os.environ, PYTHONUNBUFFERED="1", COLUMNS="80",
                       PATH=os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", ""))
    for session in sessions:
        for command, expected in commands_and_outputs(session):
            completed = subprocess.run(["bash", "-c", command], cwd=str(tmp_path), env=environment,
                                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            actual = [line.rstrip() for line in completed.stdout.splitlines()]
            assert matches([line.rstrip() for line in expected], actual), "$ %s\n%s" % (command, completed.stdout)
