"""Record what the legacy corpus scripts print, run unmodified on the stack they were written for.

Usage (from the repository root; builds the venvs of ``tools/record_legacy.py``)::

    python tools/record_corpus.py

Scripts under ``tests/data/legacy_corpus`` say where they are recorded in their first line:

- ``# recorded on: reference``: numpy 1.23.5 + Pillow 9.3.0 (they still had ``np.float``,
  ``np.int``, ``np.bool``, ``Image.ANTIALIAS``: deprecated, warnings silenced), with scipy
  1.1.0's ``scipy/misc/pilutil.py`` (from its wheel) served as ``scipy.misc``;
- ``# recorded on: 2018``: Python 3.7 with scipy 1.1.0 itself installed (numpy 1.15.4, Pillow
  5.3.0), for scripts that need its datasets or ``scipy.ndimage.imread``, or whose numbers are
  the 2018 stack's (those say ``# replayed with: --reference 2018`` on their second line).

Writes ``tests/fixtures/legacy_corpus/NAME.txt`` (what each printed).
"""

import glob
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tools"))
sys.path.insert(0, os.path.join(ROOT, "tests"))

import record_legacy  # noqa: E402
import scipy_wheel  # noqa: E402

CORPUS = os.path.join(ROOT, "tests", "data", "legacy_corpus")
OUT = os.path.join(ROOT, "tests", "fixtures", "legacy_corpus")

# Serve scipy 1.1.0's pilutil as scipy.misc, then run the script as __main__.
REFERENCE_RUNNER = r"""
import importlib.util, runpy, sys, types, warnings
warnings.simplefilter("ignore")
pilutil_path, script, out = sys.argv[1:4]
spec = importlib.util.spec_from_file_location("scipy.misc.pilutil", pilutil_path)
pilutil = importlib.util.module_from_spec(spec)
spec.loader.exec_module(pilutil)
misc = types.ModuleType("scipy.misc")
misc.__dict__.update((name, getattr(pilutil, name)) for name in pilutil.__all__)
scipy = types.ModuleType("scipy")
scipy.__path__ = []
scipy.misc = misc
sys.modules.update({"scipy": scipy, "scipy.misc": misc, "scipy.misc.pilutil": pilutil})
sys.argv = [script, out]
runpy.run_path(script, run_name="__main__")
"""


def stack_of(script):
    with open(script) as handle:
        first = handle.readline().strip()
    prefix = "# recorded on: "
    if not first.startswith(prefix):
        raise SystemExit("%s: the first line must say '# recorded on: reference' or '2018'" % script)
    return first[len(prefix):]


def main():
    os.makedirs(OUT, exist_ok=True)
    with tempfile.TemporaryDirectory() as temp:
        pilutil, = scipy_wheel.extract("scipy/misc/pilutil.py", temp)
        for script in sorted(glob.glob(os.path.join(CORPUS, "*.py"))):
            stack = stack_of(script)
            python = record_legacy.environment(stack)
            out = tempfile.mkdtemp(dir=temp)
            if stack == "reference":
                command = [python, "-c", REFERENCE_RUNNER, pilutil, script, out]
            else:
                command = [python, "-W", "ignore", script, out]
            printed = subprocess.run(command, check=True, capture_output=True, text=True).stdout
            name = os.path.splitext(os.path.basename(script))[0] + ".txt"
            with open(os.path.join(OUT, name), "w") as handle:
                handle.write(printed)
            print("%s (%s):\n%s" % (name, stack, printed))


if __name__ == "__main__":
    main()
