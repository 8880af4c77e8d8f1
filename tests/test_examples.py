"""The examples, run unchanged through `scipy-misc-compat run`, print what scipy 1.1.0 printed.

``tests/fixtures/examples/*.txt`` is what each ``examples/*.py`` printed when
``tools/record_legacy.py`` ran it with scipy 1.1.0's own ``pilutil.py`` as ``scipy.misc``.
"""

import glob
import os
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLES = sorted(glob.glob(os.path.join(ROOT, "examples", "*.py")))


@pytest.mark.parametrize("script", EXAMPLES, ids=[os.path.basename(s) for s in EXAMPLES])
def test_example_prints_what_scipy_1_1_0_printed(script, tmp_path):
    completed = subprocess.run([sys.executable, "-m", "scipy_misc_compat", "run", script, str(tmp_path)],
                               capture_output=True, text=True)
    assert completed.returncode == 0, completed.stderr
    recorded = os.path.join(ROOT, "tests", "fixtures", "examples", os.path.basename(script)[:-3] + ".txt")
    with open(recorded) as handle:
        assert completed.stdout == handle.read()
