"""``which-reference``: the golden files a legacy script wrote on five era stacks are each traced back.

``tools/record_golden.py`` ran ``tests/data/golden_scripts/thumbnail_cache.py`` unmodified with scipy
1.1.0 installed on the wheels of Pillow 4.0, 5.3, 7.0, 8.2 and 9.3 (``tests/fixtures/golden``). For
each set, every reference runs the script; the one that made the set must be among those that
reproduce every file (ties are the eras the script cannot tell apart), and the verdict is one of them.
"""

import os
import subprocess
import sys

import pytest

from scipy_misc_compat import which_reference
from scipy_misc_compat.references import reference_named

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCRIPT = os.path.join(ROOT, "tests", "data", "golden_scripts", "thumbnail_cache.py")
GOLDEN = os.path.join(ROOT, "tests", "fixtures", "golden", "thumbnail_cache")
RECORDED = sorted(os.listdir(GOLDEN))


@pytest.mark.parametrize("era", RECORDED)
def test_the_stack_that_made_the_golden_files_is_named(era, tmp_path):
    outputs = str(tmp_path / "out")
    result = which_reference(os.path.join(GOLDEN, era), outputs, [SCRIPT, outputs])
    reproducing = [result.best] + result.ties
    assert reference_named(era) in [reference_named(name) for name in reproducing], result.verdict()
    others = [name for name in RECORDED if name != era]  # the script tells the recorded stacks apart
    assert not any(reference_named(name) in [reference_named(r) for r in reproducing] for name in others)
    assert all(run.identical + run.differing > 0 for run in result.runs)


def test_the_command_prints_a_line_per_reference_and_the_verdict_last(tmp_path):
    outputs = str(tmp_path / "out")
    command = [sys.executable, "-m", "scipy_misc_compat", "which-reference", "--golden",
               os.path.join(GOLDEN, "pillow-7.0"), "--outputs", outputs, "--references", "2018,pillow-7.0,2022",
               "--", SCRIPT, outputs]
    completed = subprocess.run(command, capture_output=True, text=True)
    lines = completed.stdout.strip().splitlines()
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert [line.split()[0] for line in lines[:3]] == ["pillow-5.3", "pillow-7.0", "pillow-9.3"]
    assert "0 differing" in lines[1] and "differing, worst max |a-b|" in lines[0]
    assert lines[-1] == "best: pillow-7.0"


def test_no_reference_reproducing_them_exits_1_and_names_the_closest(tmp_path):
    import numpy as np
    from PIL import Image
    golden = tmp_path / "golden"
    golden.mkdir()
    outputs = str(tmp_path / "out")
    for name in os.listdir(os.path.join(GOLDEN, "pillow-9.3")):
        if name.endswith(".png"):  # a regression: every gray preview one level brighter
            samples = np.asarray(Image.open(os.path.join(GOLDEN, "pillow-9.3", name)))
            bumped = np.clip(samples.astype(int) + (1 if "gray" in name else 0), 0, 255).astype(np.uint8)
            Image.fromarray(bumped).save(str(golden / name))
    completed = subprocess.run([sys.executable, "-m", "scipy_misc_compat", "which-reference", "--golden",
                                str(golden), "--outputs", outputs, "--references", "pillow-9.2,2022", "--", SCRIPT,
                                outputs], capture_output=True, text=True)
    assert completed.returncode == 1, completed.stdout + completed.stderr
    assert completed.stdout.strip().splitlines()[-1] == "best: none (closest: pillow-9.3)"


@pytest.mark.parametrize("arguments, message", [
    (["--golden", "/no/such/dir", "--outputs", "out", "--", "x.py"], "is not a directory"),
    (["--golden", GOLDEN, "--outputs", GOLDEN, "--", "x.py"], "must not be or hold the golden directory"),
    (["--golden", GOLDEN, "--outputs", os.path.dirname(GOLDEN), "--", "x.py"], "must not be or hold"),
    (["--golden", GOLDEN, "--outputs", "out"], "name the script to run after --"),
    (["--golden", GOLDEN, "--outputs", "out", "--references", "pillow-3.9", "--", "x.py"], "unknown legacy reference"),
])
def test_usage_errors_exit_2_and_touch_nothing(arguments, message, tmp_path):
    completed = subprocess.run([sys.executable, "-m", "scipy_misc_compat", "which-reference"] + arguments,
                               capture_output=True, text=True, cwd=str(tmp_path))
    assert completed.returncode == 2 and message in completed.stderr, completed.stderr
    assert sorted(os.listdir(GOLDEN)) == RECORDED
