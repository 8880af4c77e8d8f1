"""Record golden files: what a legacy script wrote, run unmodified on the wheels of several eras.

Usage (from the repository root; builds the venvs of ``tools/record_legacy.py``)::

    python tools/record_golden.py            # every script of tests/data/golden_scripts on each era below

Runs ``python SCRIPT OUT`` with scipy 1.1.0 installed (numpy 1.15.4) and the era's Pillow, and
copies what it wrote to ``tests/fixtures/golden/SCRIPT/ERA/``: the golden files of a user who
ran that script on that stack. ``tests/test_which_reference.py`` checks that ``which-reference``
names the stack that made each set.
"""

import glob
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tools"))
sys.path.insert(0, os.path.join(ROOT, "tests"))

import record_legacy  # noqa: E402

SCRIPTS = os.path.join(ROOT, "tests", "data", "golden_scripts")
OUT = os.path.join(ROOT, "tests", "fixtures", "golden")
#: early 2017, 2018 (= reference 2018), 2020, 2021, 2022 (= reference 2022)
ERAS = ("pillow-4.0", "pillow-5.3", "pillow-7.0", "pillow-8.2", "pillow-9.3")


def main():
    for script in sorted(glob.glob(os.path.join(SCRIPTS, "*.py"))):
        stem = os.path.splitext(os.path.basename(script))[0]
        for era in ERAS:
            with tempfile.TemporaryDirectory() as temp:
                written = os.path.join(temp, "out")
                subprocess.run([record_legacy.environment(era), "-W", "ignore", script, written], check=True)
                destination = os.path.join(OUT, stem, era)
                shutil.rmtree(destination, ignore_errors=True)
                shutil.copytree(written, destination)
            print("recorded %s on %s" % (stem, era))


if __name__ == "__main__":
    main()
