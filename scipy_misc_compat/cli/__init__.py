"""The ``scipy-misc-compat`` command (also ``python -m scipy_misc_compat``)."""

from __future__ import annotations

import argparse
import os
import sys
from typing import List, Optional

from .run import run_command

USAGE = """usage: scipy-misc-compat COMMAND [ARGS...]

Commands:
  run [--no-legacy-aliases] [--reference NAME] [--failed-saves atomic|as-recorded] SCRIPT.py [ARGS...]
  run [OPTIONS] -m MODULE [ARGS...]
           run unmodified legacy code with scipy.misc provided by scipy-misc-compat
           (scipy 1.1.0's imread, imsave, imresize, bytescale, ... and the rest of
           its scipy.misc namespace) and the numpy/Pillow names such code used
           (np.float, Image.ANTIALIAS, ...) restored, as `python SCRIPT.py ARGS...` would;
           --reference NAME gives the numbers of scipy 1.1.0 on another Pillow release:
           pillow-4.0 ... pillow-9.3, 2018 (= pillow-5.3), 2022 (= pillow-9.3, the default);
           --failed-saves as-recorded leaves what its failed saves left (an emptied file)
  scan PATH...
           list every use of scipy.misc in Python files and notebooks (exit 1 if any)
  migrate PATH... [--write]
           rewrite those uses to scipy_misc_compat (a diff unless --write)
  compare A B
           compare two images or two directories of images (regression runs)
  which-reference --golden DIR --outputs DIR -- SCRIPT [ARGS...]
           run SCRIPT under every reference (one per Pillow era) and say which one
           reproduces the golden files
  info
           print the version, the compiled kernels in use, the libraries found
           and the legacy reference (also scipy_misc_compat.show_config())

Options:
  --version  print the version and exit

`scipy-misc-compat COMMAND --help` describes each command.
"""


INFO_USAGE = """usage: scipy-misc-compat info

Print the package version, the Python, the legacy reference in use (and a library it needs
that is missing), what a failed save leaves, the compiled kernels and the instruction set they
use, and the versions of the libraries found. The same as scipy_misc_compat.show_config()."""


def main(argv: Optional[List[str]] = None) -> int:
    """The command; a reader that goes away (``| head``) ends it quietly, with status 141 as a shell tool."""
    try:
        return _main(argv)
    except BrokenPipeError:
        try:  # flush what is left into nothing, so that Python's exit does not complain either
            descriptor = os.open(os.devnull, os.O_WRONLY)
            os.dup2(descriptor, sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return 141  # 128 + SIGPIPE


def _main(argv: Optional[List[str]]) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if not arguments or arguments[0] in ("-h", "--help", "help"):
        print(USAGE)
        return 0 if arguments else 2
    command, rest = arguments[0], arguments[1:]
    if command in ("--version", "-V"):
        from .._version import __version__
        print("scipy-misc-compat %s" % __version__)
        return 0
    if command == "info":
        if rest and rest[0] in ("-h", "--help"):
            print(INFO_USAGE)
            return 0
        if rest:
            print("scipy-misc-compat info takes no arguments\n\n%s" % INFO_USAGE, file=sys.stderr)
            return 2
        from .._info import show_config
        show_config()
        return 0
    if command == "run":
        return run_command(rest)
    if command in ("scan", "migrate", "compare", "which-reference"):
        return _argparse_command(command.replace("-", "_"), rest)
    print("scipy-misc-compat: unknown command %r\n\n%s" % (command, USAGE), file=sys.stderr)
    return 2


def command_parser(command: str, description: str, epilog: str) -> argparse.ArgumentParser:
    """The parser of one command, its description and examples printed as written."""
    return argparse.ArgumentParser(prog="scipy-misc-compat " + command, description=description, epilog=epilog,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)


def _argparse_command(command: str, rest: List[str]) -> int:
    """Run an argparse-based command; its usage errors exit with status 2, as argparse does."""
    from importlib import import_module
    module = import_module("%s.%s" % (__name__, command))
    try:
        return module.main(rest)
    except SystemExit as exit:  # argparse: --help (0) or a usage error (2)
        return exit.code if isinstance(exit.code, int) else 2


__all__ = ["main", "command_parser"]
