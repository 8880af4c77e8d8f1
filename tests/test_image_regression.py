"""The ``legacy_image_regression`` fixture: golden images inside a project's own tests (under xdist too)."""

import os
import subprocess
import sys

import numpy as np
import pytest
from PIL import Image

TEST_MODULE = '''
import os
import numpy as np
from scipy_misc_compat import imresize

SHIFT = int(os.environ.get("SHIFT", "0"))


def gradient():
    rows, columns = np.mgrid[0:24, 0:32]
    return (rows * 8 + columns).astype(np.uint8)


def test_thumbnail(legacy_image_regression):
    thumbnail = imresize(gradient(), (12, 16), interp="bicubic").astype(int)
    thumbnail[2:4, 5:9] += SHIFT
    legacy_image_regression.check(np.clip(thumbnail, 0, 255).astype(np.uint8))


def test_float_map(legacy_image_regression):
    legacy_image_regression.check(gradient() / 7.0, "float_map")


def test_tolerant(legacy_image_regression):
    picture = gradient().astype(int)
    picture[0, :3] += SHIFT
    legacy_image_regression.check(np.clip(picture, 0, 255).astype(np.uint8), "tolerant", tolerance=1)
'''


def run(project, *arguments, shift=0, quiet=True):
    environment = dict(os.environ, SHIFT=str(shift))
    return subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider"] + ["-q"] * quiet + list(arguments),
                          cwd=str(project), capture_output=True, text=True, env=environment)


@pytest.fixture
def project(tmp_path):
    (tmp_path / "pytest.ini").write_text("[pytest]\n")
    (tmp_path / "test_figures.py").write_text(TEST_MODULE)
    return tmp_path


def test_missing_baselines_fail_until_written_on_purpose(project):
    first = run(project)
    assert first.returncode == 1 and "3 failed" in first.stdout
    assert "no baseline test_thumbnail" in first.stdout and "--legacy-image-regen" in first.stdout
    assert not (project / "test_figures").exists()  # nothing made up
    regen = run(project, "--legacy-image-regen")
    assert regen.returncode == 0, regen.stdout
    assert sorted(os.listdir(str(project / "test_figures"))) == ["float_map.tif", "test_thumbnail.png", "tolerant.png"]
    assert run(project).returncode == 0


def test_a_change_fails_and_leaves_the_obtained_image_and_a_heatmap(project, tmp_path):
    assert run(project, "--legacy-image-regen").returncode == 0
    results = tmp_path / "results"
    changed = run(project, "--legacy-image-results", str(results), shift=1)
    assert changed.returncode == 1 and "1 failed, 2 passed" in changed.stdout  # the tolerant check allows 1
    assert "test_thumbnail differs from its baseline" in changed.stdout and "8 of 192 pixels differ" in changed.stdout
    assert sorted(os.listdir(str(results))) == ["test_thumbnail.diff.png", "test_thumbnail.obtained.png"]
    obtained = np.asarray(Image.open(str(results / "test_thumbnail.obtained.png")))
    baseline = np.asarray(Image.open(str(project / "test_figures" / "test_thumbnail.png")))
    assert np.array_equal(obtained.astype(int) - baseline, np.pad(np.full((2, 4), 1), ((2, 8), (5, 7))))
    heat = np.asarray(Image.open(str(results / "test_thumbnail.diff.png")))
    assert heat.shape == (12, 16, 3) and np.array_equal(np.any(heat != 0, axis=2), obtained != baseline)
    tolerant = run(project, shift=2)
    assert "tolerant differs" in tolerant.stdout and "tolerance: max |a-b| 1" in tolerant.stdout


def test_under_xdist_the_workers_share_the_baselines(project):
    pytest.importorskip("xdist", reason="pytest-xdist is in the test extra")
    assert run(project, "-n", "2", "--legacy-image-regen").returncode == 0
    parallel = run(project, "-n", "2")
    assert parallel.returncode == 0 and "3 passed" in parallel.stdout, parallel.stdout


def test_the_header_says_whether_scipy_misc_is_provided_and_which_reference(project):
    (project / "test_nothing.py").write_text("def test_nothing():\n    pass\n")
    plain = run(project, "test_nothing.py", quiet=False)
    assert "scipy-misc-compat: scipy.misc not provided" in plain.stdout
    chosen = run(project, "test_nothing.py", "--scipy-misc-compat-reference", "2018", quiet=False)
    assert "scipy-misc-compat: scipy.misc provided; legacy reference 2018 (scipy 1.1.0 on Python 3.7" in chosen.stdout
    (project / "test_legacy.py").write_text("from scipy.misc import imread\n\ndef test_imports():\n    assert imread\n")
    assert run(project, "test_legacy.py", "--scipy-misc-compat-reference", "pillow-7.0").returncode == 0
