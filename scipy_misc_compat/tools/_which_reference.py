"""Which reference made a set of golden files: run a script once per distinct reference and compare.

Each reference of ``references.distinct_references()`` (one per era: the Pillow releases whose
results differ somewhere) runs the script in a fresh process, as ``scipy-misc-compat run
--reference NAME`` does (failed saves as recorded, so that the files an old stack left are
reproduced too), into an emptied outputs directory; the outputs are compared with the golden
files as ``compare`` compares directories. The best reference reproduces every golden file;
ties (references that reproduce them all as well) are listed, so that a set of files which does
not tell two eras apart says so.
"""

from __future__ import annotations

import math
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from typing import Callable, List, Optional, Sequence

from .._info import missing_requirements
from ._compare import Comparison, compare_directories
from ..references import ALIASES, DEFAULT, Reference, distinct_references, reference_named
from ..references._names import pillow_name


@dataclass
class ReferenceRun:
    """How one reference did: the script's exit status, and its outputs against the golden files."""

    reference: str  #: the reference's name (``pillow-X.Y``, the first minor of its era)
    era: List[str] = field(default_factory=list)  #: every minor release with the same results
    exit_status: int = 0
    identical: int = 0  #: golden files reproduced exactly
    differing: int = 0  #: golden files not reproduced (different, missing, or unreadable), and extra outputs
    worst: float = 0.0  #: the largest max |a-b| among the differing files (inf: missing, unreadable, other shape)
    skipped: str = ""  #: why it did not run (a library the reference needs is not installed)
    error: str = ""  #: the last line the script printed to stderr when it failed

    @property
    def reproduces_all(self) -> bool:
        return not self.skipped and self.exit_status == 0 and self.differing == 0 and self.identical > 0

    def describe(self) -> str:
        alias = "".join(" (%s)" % name for name, version in ALIASES.items() if pillow_name(version) == self.reference)
        era = "Pillow %s" % self.era[0][len("pillow-"):] if len(self.era) == 1 else "Pillow %s-%s" % (
            self.era[0][len("pillow-"):], self.era[-1][len("pillow-"):])
        head = "%-18s %-16s" % (self.reference + alias, era)
        if self.skipped:
            return "%s skipped: %s" % (head, self.skipped)
        if self.exit_status:
            reason = ": " + self.error if self.error else ""
            return "%s the script failed (exit %d)%s" % (head, self.exit_status, reason)
        worst = "" if not self.differing else ", worst max |a-b| %s" % (
            "n/a (missing, unreadable or another shape)" if math.isinf(self.worst) else "%g" % self.worst)
        return "%s %d identical, %d differing%s" % (head, self.identical, self.differing, worst)


@dataclass
class WhichReference:
    """The runs of every reference, and the verdict."""

    runs: List[ReferenceRun]
    best: Optional[str] = None  #: the reference that reproduces every golden file (see ``ties``), or None
    ties: List[str] = field(default_factory=list)  #: the others that reproduce every golden file too
    #: when none does: the one with the fewest differing files, then the smallest worst (ties as for ``best``)
    closest: Optional[str] = None

    def verdict(self) -> str:
        """The last line the command prints: ``best: NAME [TIES...]`` or ``best: none (closest: NAME)``."""
        if self.best is not None:
            return "best: " + " ".join([self.best] + self.ties)
        return "best: none (closest: %s)" % (self.closest or "none")


def _preference(reference: Reference) -> tuple:
    """Ties go to the default reference, then the other aliases (2018), then the newest era first."""
    return (reference.pillow != reference_named(DEFAULT).pillow, reference.pillow not in ALIASES.values(),
            tuple(-part for part in reference.pillow))


def _empty_directory(directory: str) -> None:
    os.makedirs(directory, exist_ok=True)
    for name in os.listdir(directory):
        path = os.path.join(directory, name)
        if os.path.isdir(path) and not os.path.islink(path):
            shutil.rmtree(path)
        else:
            os.remove(path)


def check_directories(golden: str, outputs: str) -> None:
    """ValueError unless ``golden`` is a directory and emptying ``outputs`` cannot touch it or the cwd."""
    if not os.path.isdir(golden):
        raise ValueError("--golden %r is not a directory" % golden)
    real_golden, real_outputs = os.path.realpath(golden), os.path.realpath(outputs)
    for protected, what in ((real_golden, "the golden directory"), (os.path.realpath(os.getcwd()),
                                                                     "the current directory")):
        if protected == real_outputs or protected.startswith(real_outputs.rstrip(os.sep) + os.sep):
            raise ValueError("--outputs %r is emptied before every run: it must not be or hold %s" % (outputs, what))


def run_script(reference: str, command: Sequence[str]) -> subprocess.CompletedProcess:
    """``command`` (a script and its arguments, or ``-m MODULE ...``) under ``run --reference``, in a fresh process."""
    environment = dict(os.environ)
    environment.pop("SCIPY_MISC_COMPAT_REFERENCE", None)
    environment.pop("SCIPY_MISC_COMPAT_FAILED_SAVES", None)
    return subprocess.run([sys.executable, "-m", "scipy_misc_compat", "run", "--reference", reference,
                           "--failed-saves", "as-recorded"] + list(command),
                          capture_output=True, text=True, env=environment)


def which_reference(golden: str, outputs: str, command: Sequence[str], references: Optional[Sequence[str]] = None,
                    progress: Optional[Callable[[ReferenceRun], None]] = None) -> WhichReference:
    """Run ``command`` once per reference and say which reproduces the files in ``golden``.

    Parameters
    ----------
    golden : str
        The directory of golden files (compared by relative path, as ``compare`` does).
    outputs : str
        The directory the script writes to (name it in ``command``); emptied before every run.
    command : sequence of str
        The script and its arguments (``['make_figures.py', 'out/']``), or ``['-m', 'module', ...]``.
    references : sequence of str, optional
        The references to try (any names ``use_reference`` takes); default: one per era,
        ``distinct_references()``.
    progress : callable, optional
        Called with each ``ReferenceRun`` as it finishes.

    Returns
    -------
    WhichReference
        ``runs`` (one per reference), ``best`` and ``ties`` (every reference that reproduces all
        golden files; the default reference is preferred, then 2018, then the newest), or
        ``closest`` when none does.

    Raises
    ------
    ValueError
        ``golden`` is not a directory, emptying ``outputs`` would touch it or the current
        directory, ``command`` is empty, or a reference name is unknown.
    """
    check_directories(golden, outputs)
    if not command:
        raise ValueError("which_reference: no script to run (command is empty)")
    chosen = [reference_named(name) for name in references] if references else list(distinct_references())
    runs = []
    for reference in chosen:
        run = ReferenceRun(reference.pillow_name, list(reference.era()))
        missing = missing_requirements(reference)
        if missing:
            run.skipped = "needs %s (pip install %s)" % (", ".join(missing), " ".join(missing))
        else:
            _empty_directory(outputs)
            completed = run_script(reference.pillow_name, command)
            run.exit_status = completed.returncode
            if completed.returncode:
                lines = completed.stderr.strip().splitlines()
                run.error = lines[-1] if lines else ""
            else:
                _tally(run, compare_directories(golden, outputs))
        runs.append(run)
        if progress is not None:
            progress(run)
    return _verdict(runs, chosen)


def _tally(run: ReferenceRun, results: List[Comparison]) -> None:
    for result in results:
        if result.equal:
            run.identical += 1
            continue
        run.differing += 1
        worst = math.inf if (result.problem or result.mismatches) else result.max_abs_difference
        run.worst = max(run.worst, worst)


def _verdict(runs: List[ReferenceRun], chosen: List[Reference]) -> WhichReference:
    result = WhichReference(runs)
    reproducing = sorted((reference for reference, run in zip(chosen, runs) if run.reproduces_all), key=_preference)
    if reproducing:
        result.best = reproducing[0].pillow_name
        result.ties = [reference.pillow_name for reference in reproducing[1:]]
        return result
    ran = [(run.differing, run.worst, _preference(reference), run.reference) for reference, run in zip(chosen, runs)
           if not run.skipped and not run.exit_status]
    if ran:
        result.closest = min(ran)[3]
    return result


__all__ = ["which_reference", "WhichReference", "ReferenceRun", "check_directories"]
