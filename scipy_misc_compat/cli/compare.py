"""``compare``: compare two images or two directories of images (for regression runs)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import List, Optional

from ..tools._compare import compare_directories, compare_files, reference_hint
from . import command_parser

DESCRIPTION = """\
Compare two images, or two directories of images matched by relative path
(PNG, TIFF, JPEG, BMP, GIF, WebP, PNM and .npy). Images are read as stored: full
bit depth, natural dtype, palette indices, no rescaling. For each pair it
reports shape, dtype and mode mismatches, the number of pixels that differ, the
largest absolute difference, the bounding box of the differences and the PSNR.

Exit status: 0 when everything is equal within the tolerance, 1 otherwise
(a difference, a mismatch, a file missing on one side or unreadable),
2 on a usage error."""

EPILOG = """\
examples:
  scipy-misc-compat compare expected.png actual.png
  scipy-misc-compat compare --tolerance 1 --diff-image where.png expected.png actual.png
  scipy-misc-compat compare --json golden/ output/ > report.json
  scipy-misc-compat compare golden/ output/ --diff-image diffs/   # one .diff.png per differing pair
"""


def build_parser() -> argparse.ArgumentParser:
    parser = command_parser("compare", DESCRIPTION, EPILOG)
    parser.add_argument("a", metavar="A", help="an image file or a directory (the reference)")
    parser.add_argument("b", metavar="B", help="an image file or a directory (the result to check)")
    parser.add_argument("--tolerance", type=float, default=0.0, metavar="T",
                        help="largest absolute difference per sample still counted as equal (default 0)")
    parser.add_argument("--diff-image", metavar="OUT",
                        help="write a PNG of where they differ (for directories: a directory of them)")
    parser.add_argument("--json", action="store_true", help="print one JSON document instead of text")
    parser.add_argument("--progress", dest="progress", action="store_true", default=None,
                        help="show a progress bar on directories (default: when stderr is a terminal)")
    parser.add_argument("--no-progress", dest="progress", action="store_false", help="never show it")
    return parser


class ProgressBar:
    """A one-line bar on stderr, redrawn in place."""

    def __init__(self, stream=sys.stderr, width: int = 30) -> None:  # type: ignore[no-untyped-def]
        self.stream, self.width = stream, width

    def __call__(self, done: int, total: int, name: str) -> None:
        filled = self.width * done // total if total else self.width
        line = "\r[%s%s] %d/%d %s" % ("#" * filled, "." * (self.width - filled), done, total, name[-40:])
        self.stream.write(line.ljust(self.width + 60) + ("\n" if done == total else ""))
        self.stream.flush()


def main(argv: Optional[List[str]] = None) -> int:
    parser = build_parser()
    arguments = parser.parse_args(argv)
    if arguments.tolerance < 0:
        parser.error("--tolerance must be >= 0, not %s" % arguments.tolerance)
    directories = [os.path.isdir(path) for path in (arguments.a, arguments.b)]
    if directories[0] != directories[1]:
        parser.error("compare two files or two directories, not one of each")
    if directories[0]:
        show = sys.stderr.isatty() if arguments.progress is None else arguments.progress
        results = compare_directories(arguments.a, arguments.b, arguments.tolerance, arguments.diff_image,
                                      ProgressBar() if show and not arguments.json else None)
    else:
        results = [compare_files(arguments.a, arguments.b, arguments.tolerance, arguments.diff_image)]
    equal = all(result.equal for result in results)
    hint = reference_hint(results)
    if arguments.json:
        json.dump({"equal": equal, "tolerance": arguments.tolerance, "compared": len(results),
                   "different": sum(not result.equal for result in results), "hint": hint,
                   "pairs": [result.as_dict() for result in results]}, sys.stdout, indent=2)
        print()
    else:
        for result in results:
            print(result.describe())
        tolerance = " (tolerance %s)" % arguments.tolerance if arguments.tolerance else ""
        print("%d of %d compared equal%s" % (sum(result.equal for result in results), len(results), tolerance))
        if hint:
            print("hint: " + hint, file=sys.stderr)
    return 0 if equal and results else 1


__all__ = ["main", "build_parser"]
