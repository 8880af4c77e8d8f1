"""``scan``: list every use of ``scipy.misc`` in Python files and notebooks."""

from __future__ import annotations

import argparse
import json
import sys
from typing import List, Optional

from ..tools._migrate import require_libcst
from ..tools._source_files import FileReport, analyse_file, iter_source_files
from . import command_parser

DESCRIPTION = """\
Find every use of scipy.misc in Python files and Jupyter notebooks: imports
(`import scipy.misc`, `from scipy import misc`, `from scipy.misc import imread as
read`, `scipy.misc.pilutil`) and references through them (`sm.imsave`,
`scipy.misc.imresize`, `read(...)`), resolved through aliases and scopes. Calls
that may change data (legacy imsave/toimage/bytescale rescale to uint8) carry a
note. Also the numpy and Pillow names legacy code used that were removed since
(`np.float`, `np.asscalar`, `Image.ANTIALIAS`, ... and calls of `.tostring()`),
with the release that removed each. Files with syntax errors are reported and
skipped.

Exit status: 1 if any use was found, 0 if none, 2 on a usage error or when a path does
not exist or a file cannot be parsed (the error names its line and column)."""

EPILOG = """\
examples:
  scipy-misc-compat scan src/ notebooks/analysis.ipynb
  scipy-misc-compat scan --json . > uses.json
  scipy-misc-compat scan src || echo "scipy.misc is still used"
"""


def source_parser(command: str, description: str, epilog: str) -> argparse.ArgumentParser:
    """A parser taking PATH... (files or directories of Python files and notebooks)."""
    parser = command_parser(command, description, epilog)
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or directories (searched for *.py, *.ipynb)")
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = source_parser("scan", DESCRIPTION, EPILOG)
    parser.add_argument("--json", action="store_true", help="print one JSON document instead of text")
    return parser


def scan_paths(paths: List[str], rewrite: bool = False) -> List[FileReport]:
    """Analyse every file; unreadable files become reports with an error, never an exception."""
    reports = []
    for path in iter_source_files(paths):
        try:
            reports.append(analyse_file(path, rewrite=rewrite))
        except (OSError, ValueError) as error:
            reports.append(FileReport(path, errors=["%s: cannot read (%s)" % (path, error)]))
    return reports


def main(argv: Optional[List[str]] = None) -> int:
    arguments = build_parser().parse_args(argv)
    try:
        require_libcst()
    except ImportError as missing:  # one line, exit 2: not "uses found" (1)
        print("scipy-misc-compat scan: %s" % missing, file=sys.stderr)
        return 2
    reports = scan_paths(arguments.paths)
    uses = [use for report in reports for use in report.uses]
    errors = [error for report in reports for error in report.errors]
    if arguments.json:
        json.dump({"files_scanned": len(reports), "uses": [use.as_dict() for use in uses], "errors": errors},
                  sys.stdout, indent=2)
        print()
    else:
        for use in uses:
            note = "  [%s]" % use.note if use.note else ""
            print("%s: %s %s: %s%s" % (use.location(), use.kind, use.name, use.code, note))
        for error in errors:
            print(error, file=sys.stderr)
        files = len({use.path for use in uses})
        removed = sum(use.kind == "removed" for use in uses)
        misc = len(uses) - removed
        also = " and %d of removed numpy/Pillow names" % removed if removed else ""
        print("%d use%s of scipy.misc%s in %d of %d file%s scanned" % (
            misc, "" if misc == 1 else "s", also, files, len(reports), "" if len(reports) == 1 else "s"),
            file=sys.stderr)
    return 2 if errors else 1 if uses else 0  # 2: a path that is not there, or a file that is not Python


__all__ = ["main", "build_parser", "scan_paths"]
