"""``compare``: compare two images or two directories of images (for regression runs)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import List, Optional

from ..tools._compare import Comparison, Tolerance, compare_dirs, compare_files, reference_hint
from . import command_parser

DESCRIPTION = """\
Compare two files, or two directories matched by relative path. Files with the same
bytes are equal without being decoded; images that differ (PNG, TIFF, JPEG, BMP, GIF,
WebP, PNM and .npy) are read as stored (full bit depth, natural dtype, palette indices,
no rescaling) and measured: the pixels and the share of samples that differ, the largest
absolute difference, the changed region and the PSNR; shape, dtype and mode mismatches are
named. Any other file is compared by its bytes.

Exit status: 0 when every pair is equal within the tolerance; 1 when some differ;
2 on a usage error, or when a file is missing, unreadable or present on one side only
(those are reported and counted too)."""

EPILOG = """\
examples:
  scipy-misc-compat compare expected.png actual.png
  scipy-misc-compat compare golden/ output/ --html report.html      # a page to look at
  scipy-misc-compat compare golden/ output/ --failures-only --jobs 4
  scipy-misc-compat compare golden/ output/ --tolerance 1 --max-share 0.001 --min-psnr 50
  scipy-misc-compat compare golden/ output/ --junit-xml compare.xml  # for CI systems
  scipy-misc-compat compare --json golden/ output/ > report.json
  scipy-misc-compat compare golden/ output/ --diff-image diffs/     # one .diff.png per differing pair
"""


def _cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))  # type: ignore[attr-defined]  # the CPUs this process may use
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def build_parser() -> argparse.ArgumentParser:
    parser = command_parser("compare", DESCRIPTION, EPILOG)
    parser.add_argument("a", metavar="A", help="a file or a directory (the golden one)")
    parser.add_argument("b", metavar="B", help="a file or a directory (the result to check)")
    parser.add_argument("--tolerance", type=float, default=0.0, metavar="T",
                        help="largest absolute difference per sample still counted as equal (default 0)")
    parser.add_argument("--max-share", type=float, default=0.0, metavar="S",
                        help="share of samples (0 to 1) allowed to differ by more than T (default 0)")
    parser.add_argument("--min-psnr", type=float, default=None, metavar="DB",
                        help="a pair with a lower PSNR (in dB) fails (default: not checked)")
    parser.add_argument("--jobs", type=int, default=_cpus(), metavar="N",
                        help="processes comparing pairs at once (default: the CPUs available, %(default)s here)")
    parser.add_argument("--diff-image", metavar="OUT",
                        help="write a PNG of where they differ (for directories: a directory of them)")
    parser.add_argument("--html", metavar="FILE",
                        help="write one self-contained page: summary, then each failing pair as golden | new | "
                             "difference heatmap")
    parser.add_argument("--junit-xml", metavar="FILE", help="write a JUnit XML report (one test case per pair)")
    parser.add_argument("--failures-only", action="store_true", help="print (and put in the page) only the pairs "
                        "that fail")
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


def _checked(parser: argparse.ArgumentParser, arguments: argparse.Namespace) -> Tolerance:
    if arguments.jobs < 1:
        parser.error("--jobs must be at least 1, not %s" % arguments.jobs)
    for path in (arguments.a, arguments.b):
        if not os.path.exists(path):
            parser.error("%s: no such file or directory" % path)
    if os.path.isdir(arguments.a) != os.path.isdir(arguments.b):
        parser.error("%s is a %s and %s a %s: compare two files or two directories" % (
            arguments.a, "directory" if os.path.isdir(arguments.a) else "file", arguments.b,
            "directory" if os.path.isdir(arguments.b) else "file"))
    try:
        return Tolerance(arguments.tolerance, arguments.max_share, arguments.min_psnr)
    except ValueError as error:
        parser.error(str(error).replace("tolerance: max_abs", "--tolerance").replace("max_share", "--max-share"))
        raise  # not reached: parser.error exits


def main(argv: Optional[List[str]] = None) -> int:
    parser = build_parser()
    arguments = parser.parse_args(argv)
    tolerance = _checked(parser, arguments)
    if os.path.isdir(arguments.a):
        show = sys.stderr.isatty() if arguments.progress is None else arguments.progress
        results = compare_dirs(arguments.a, arguments.b, tolerance, arguments.diff_image, arguments.jobs,
                               ProgressBar() if show and not arguments.json else None)
    else:
        results = iter([compare_files(arguments.a, arguments.b, tolerance, arguments.diff_image)])
    counts = {"equal": 0, "different": 0, "error": 0}
    failing: List[Comparison] = []  # only the failures are kept: a large tree keeps memory flat
    listed = []  # for --json and --junit-xml: every pair (as a small dict), or only the failing ones
    for result in results:
        counts[result.status] += 1
        if not result.equal:
            failing.append(result)
        if not arguments.json and (not arguments.failures_only or not result.equal):
            print(result.describe())
        if (arguments.json or arguments.junit_xml) and (not arguments.failures_only or not result.equal):
            listed.append(result.as_dict())
    compared = sum(counts.values())
    if not compared:
        print("scipy-misc-compat compare: nothing to compare: %s and %s hold no files" % (arguments.a, arguments.b),
              file=sys.stderr)
        return 2
    hint = reference_hint(failing)
    if arguments.html:
        from ..tools._report import write_html_report
        write_html_report(arguments.html, arguments.a, arguments.b, tolerance, counts, failing, arguments.failures_only)
    if arguments.junit_xml:
        from ..tools._report import write_junit_xml
        write_junit_xml(arguments.junit_xml, listed, tolerance)
    if arguments.json:
        json.dump({"equal": not failing, "status": _status(counts), "tolerance": tolerance.__dict__,
                   "compared": compared, "different": counts["different"], "errors": counts["error"], "hint": hint,
                   "pairs": listed}, sys.stdout, indent=2)
        print()
    else:
        rule = tolerance.describe()
        print("%d of %d compared equal%s%s" % (counts["equal"], compared, " (tolerance: %s)" % rule if rule else "",
                                               "; %d different, %d errors" % (counts["different"], counts["error"])
                                               if failing else ""))
        if failing and compared > 1:
            print("failing:")
            for result in failing:
                print("  %-9s %s" % (result.status.upper(), result.b))
        if hint:
            print("hint: " + hint, file=sys.stderr)
    return _status(counts)


def _status(counts: dict) -> int:
    return 2 if counts["error"] else 1 if counts["different"] else 0


__all__ = ["main", "build_parser"]
