"""``which-reference``: which reference (Pillow era) made a set of golden files."""

from __future__ import annotations

import argparse
from typing import List, Optional

from . import command_parser

DESCRIPTION = """\
Run SCRIPT once per reference (one per era of Pillow releases whose results differ:
pillow-4.0 ... pillow-9.3), each in a fresh process as `scipy-misc-compat run --reference
NAME` would, into an emptied --outputs directory, and compare what it wrote with the files
in --golden (as `compare` compares directories). Prints one line per reference (identical
and differing files, the worst max |a-b|) and, last, `best: NAME` followed by the other
references that reproduce every golden file too, or `best: none (closest: NAME)`.

Exit status: 0 when some reference reproduces every golden file, 1 when none does,
2 on a usage error. --outputs is emptied before every run."""

EPILOG = """\
examples:
  scipy-misc-compat which-reference --golden golden/ --outputs out/ -- make_figures.py out/
  scipy-misc-compat which-reference --golden golden/ --outputs out/ --references 2018,2022 -- prep.py --dest out/
"""


def build_parser() -> argparse.ArgumentParser:
    parser = command_parser("which-reference", DESCRIPTION, EPILOG)
    parser.add_argument("--golden", required=True, metavar="DIR", help="the golden files (the reference outputs)")
    parser.add_argument("--outputs", required=True, metavar="DIR",
                        help="where the script writes (name it in its arguments); emptied before every run")
    parser.add_argument("--references", metavar="NAMES",
                        help="comma-separated references to try (default: one per era)")
    parser.add_argument("command", nargs=argparse.REMAINDER, metavar="-- SCRIPT [ARGS...]",
                        help="the script (or -m MODULE) and its arguments, after --")
    return parser


def main(argv: Optional[List[str]] = None) -> int:
    from ..tools._which_reference import which_reference
    parser = build_parser()
    arguments = parser.parse_args(argv)
    command = arguments.command[1:] if arguments.command[:1] == ["--"] else arguments.command
    if not command:
        parser.error("name the script to run after --")
    names = [name.strip() for name in arguments.references.split(",")] if arguments.references else None
    try:
        result = which_reference(arguments.golden, arguments.outputs, command, names,
                                 progress=lambda run: print(run.describe(), flush=True))
    except ValueError as error:
        parser.error(str(error))
    print(result.verdict())
    return 0 if result.best is not None else 1


__all__ = ["main", "build_parser"]
