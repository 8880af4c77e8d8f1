"""The ``scipy-misc-compat`` command (also ``python -m scipy_misc_compat``)."""

from __future__ import annotations

import sys
from typing import List, Optional

from .run import run_command

USAGE = """usage: scipy-misc-compat run SCRIPT.py [ARGS...]
       scipy-misc-compat run -m MODULE [ARGS...]

Commands:
  run   run unmodified legacy code with scipy.misc provided by scipy-misc-compat
        (scipy 1.1.0's imread, imsave, imresize, bytescale, ... and the rest of
        its scipy.misc namespace), as `python SCRIPT.py ARGS...` would
"""


def main(argv: Optional[List[str]] = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if not arguments or arguments[0] in ("-h", "--help", "help"):
        print(USAGE)
        return 0 if arguments else 2
    command, rest = arguments[0], arguments[1:]
    if command == "run":
        return run_command(rest)
    print("scipy-misc-compat: unknown command %r\n\n%s" % (command, USAGE), file=sys.stderr)
    return 2


__all__ = ["main"]
