"""``migrate``: rewrite ``scipy.misc`` imports and references to ``scipy_misc_compat``."""

from __future__ import annotations

import argparse
import sys
from typing import List, Optional

from ..pipeline._io import write_bytes
from ..tools._migrate import require_libcst
from .scan import scan_paths, source_parser

DESCRIPTION = """\
Rewrite imports of scipy.misc and the references through them to
scipy_misc_compat, keeping formatting and comments (a concrete syntax tree, not
regular expressions):

  import scipy.misc             -> import scipy_misc_compat
  scipy.misc.imread(...)        -> scipy_misc_compat.imread(...)
  import scipy.misc as sm       -> import scipy_misc_compat.misc as sm
  from scipy import misc        -> from scipy_misc_compat import misc
  from scipy.misc import imsave -> from scipy_misc_compat import imsave

Removed numpy/Pillow names with an exact modern spelling are rewritten too
(np.float -> float, np.float_ -> np.float64, Image.ANTIALIAS -> Image.LANCZOS);
the others (np.asscalar, x.tostring(), ...) are reported by `scan` and left.

The results are those of scipy 1.1.0, and scipy need not be installed. Without
--write, prints a unified diff and changes nothing. A file that uses scipy.misc
in a way this command does not understand (assigning to it, naming it in a
string, a name scipy 1.1.0 did not have) is reported and left unchanged.
Running it again changes nothing.

Exit status: 0 when every file was migrated (or would be, without --write),
1 when some file was left unchanged (a use not understood), 2 on a usage error or
when a path does not exist or a file cannot be parsed."""

EPILOG = """\
examples:
  scipy-misc-compat migrate src/            # show the diff
  scipy-misc-compat migrate src/ --write    # apply it
"""


def build_parser() -> argparse.ArgumentParser:
    parser = source_parser("migrate", DESCRIPTION, EPILOG)
    parser.add_argument("--write", action="store_true", help="rewrite the files in place (atomically)")
    return parser


def main(argv: Optional[List[str]] = None) -> int:
    arguments = build_parser().parse_args(argv)
    try:
        require_libcst()
    except ImportError as missing:  # one line, exit 2: not "uses found" (1)
        print("scipy-misc-compat migrate: %s" % missing, file=sys.stderr)
        return 2
    reports = scan_paths(arguments.paths, rewrite=True)
    changed = left = failed = 0
    for report in reports:
        for error in report.errors:
            print(error, file=sys.stderr)
        if report.errors:
            left += 1
            failed += 1
            continue
        if not report.understood:
            left += 1
            for use in report.uses:
                if not use.understood:
                    print("%s: not migrated: %s (%s)" % (use.location(), use.code, use.note), file=sys.stderr)
            continue
        if report.new_bytes is None:
            continue
        changed += 1
        if arguments.write:
            write_bytes(report.path, report.new_bytes)
        else:
            sys.stdout.write(report.diff)
    verb = "migrated" if arguments.write else "would migrate"
    print("%s %d file%s; %d left unchanged (syntax errors or uses not understood)" % (
        verb, changed, "" if changed == 1 else "s", left), file=sys.stderr)
    return 2 if failed else 1 if left else 0  # 2: a path that is not there, or a file that is not Python


__all__ = ["main", "build_parser"]
