"""`compare`: two images or two directories, as a regression run uses it."""

import json
import math
import os
import subprocess
import sys

import numpy as np
import pytest
from PIL import Image

from scipy_misc_compat import imread, imsave
from scipy_misc_compat.tools._compare import compare_files


def cli(*arguments):
    return subprocess.run([sys.executable, "-m", "scipy_misc_compat", "compare"] + [str(a) for a in arguments],
                          capture_output=True, text=True)


@pytest.fixture
def pair(tmp_path):
    a = np.random.RandomState(1).randint(0, 250, (30, 40, 3)).astype(np.uint8)
    b = a.copy()
    b[5:8, 10:20, 2] += 4
    b[20, 33, 0] += 1
    imsave(str(tmp_path / "a.png"), a, exact=True)
    imsave(str(tmp_path / "b.png"), b, exact=True)
    return tmp_path / "a.png", tmp_path / "b.png", a, b


def test_differences_are_counted_located_and_measured(pair):
    path_a, path_b, a, b = pair
    result = compare_files(str(path_a), str(path_b))
    assert not result.equal and result.differing_pixels == 31 and result.total_pixels == 1200
    assert result.max_abs_difference == 4 and result.bounding_box == (5, 10, 20, 33)
    mse = np.mean((a.astype(float) - b) ** 2)
    assert result.psnr == pytest.approx(10 * math.log10(255 ** 2 / mse))
    tolerant = compare_files(str(path_a), str(path_b), tolerance=1)
    assert tolerant.differing_pixels == 30 and tolerant.bounding_box == (5, 10, 7, 19)
    assert compare_files(str(path_a), str(path_b), tolerance=4).equal
    assert compare_files(str(path_a), str(path_a)).psnr == math.inf


def test_command_exit_status_text_and_json(pair, tmp_path):
    path_a, path_b, _, _ = pair
    same = cli(path_a, path_a)
    assert same.returncode == 0 and same.stdout.startswith("equal")
    different = cli(path_a, path_b)
    assert different.returncode == 1
    assert "31 of 1200 pixels differ" in different.stdout and "rows 5..20, columns 10..33" in different.stdout
    assert cli(path_a, path_b, "--tolerance", "4").returncode == 0
    report = json.loads(cli(path_a, path_b, "--json").stdout)
    assert report["equal"] is False and report["pairs"][0]["differing_pixels"] == 31
    assert report["pairs"][0]["bounding_box"] == [5, 10, 20, 33]
    assert json.loads(cli(path_a, path_a, "--json").stdout)["pairs"][0]["psnr"] is None  # infinite
    assert cli(path_a, path_b, "--tolerance", "-1").returncode == 2
    assert cli(path_a, tmp_path).returncode == 2  # a file and a directory


def test_diff_image_marks_exactly_the_differing_pixels(pair, tmp_path):
    path_a, path_b, a, b = pair
    out = tmp_path / "where.png"
    assert cli(path_a, path_b, "--tolerance", "1", "--diff-image", out).returncode == 1
    picture = np.asarray(Image.open(str(out)))
    red = np.all(picture == (255, 0, 0), axis=2)
    assert np.array_equal(red, (np.abs(a.astype(int) - b) > 1).any(axis=2))
    assert not cli(path_a, path_a, "--diff-image", tmp_path / "none.png").returncode
    assert not (tmp_path / "none.png").exists()  # nothing to show


def test_mismatches_and_unreadable_files(tmp_path):
    gray = np.arange(12, dtype=np.uint8).reshape(3, 4)
    imsave(str(tmp_path / "u8.png"), gray, exact=True)
    imsave(str(tmp_path / "u16.png"), gray.astype(np.uint16) * 257 // 257, exact=True)
    Image.fromarray(gray).convert("P").save(str(tmp_path / "p.png"))
    imsave(str(tmp_path / "wide.png"), np.zeros((3, 5), np.uint8), exact=True)
    (tmp_path / "junk.png").write_bytes(b"not an image")
    dtype = compare_files(str(tmp_path / "u8.png"), str(tmp_path / "u16.png"))
    assert not dtype.equal and dtype.mismatches == ["dtype", "mode"] and dtype.differing_pixels == 0
    mode = compare_files(str(tmp_path / "u8.png"), str(tmp_path / "p.png"))
    assert "mode" in mode.mismatches and not mode.equal
    shape = compare_files(str(tmp_path / "u8.png"), str(tmp_path / "wide.png"))
    assert shape.problem == "shape (3, 4) vs (3, 5)"
    junk = cli(tmp_path / "u8.png", tmp_path / "junk.png")
    assert junk.returncode == 2 and "ERROR" in junk.stdout and "junk.png" in junk.stdout  # unreadable: an error


def test_nan_equals_nan_and_inf_equals_inf(tmp_path):
    a = np.array([[1.0, np.nan, np.inf, -np.inf]], np.float32)
    b = a.copy()
    imsave(str(tmp_path / "a.tif"), a, exact=True)
    imsave(str(tmp_path / "b.tif"), b, exact=True)
    assert compare_files(str(tmp_path / "a.tif"), str(tmp_path / "b.tif")).equal
    b[0, 0] = np.nan
    np.save(str(tmp_path / "a.npy"), a)
    np.save(str(tmp_path / "b.npy"), b)
    result = compare_files(str(tmp_path / "a.npy"), str(tmp_path / "b.npy"))
    assert result.differing_pixels == 1 and result.max_abs_difference == math.inf


def test_directories_match_by_relative_path_with_a_progress_bar(tmp_path):
    for side in ("golden", "output"):
        os.makedirs(str(tmp_path / side / "nested"))
    image = np.arange(20, dtype=np.uint8).reshape(4, 5)
    for side in ("golden", "output"):
        imsave(str(tmp_path / side / "same.png"), image)
        imsave(str(tmp_path / side / "nested" / "changed.png"), image if side == "golden" else image[::-1])
    imsave(str(tmp_path / "golden" / "only-golden.png"), image)
    completed = cli(tmp_path / "golden", tmp_path / "output", "--progress", "--diff-image", tmp_path / "diffs")
    assert completed.returncode == 2  # a file on one side only
    lines = completed.stdout.splitlines()
    assert "1 of 3 compared equal; 1 different, 1 errors" in lines
    assert lines[-2:] == ["  DIFFERENT %s" % (tmp_path / "output" / "nested" / "changed.png"),
                          "  ERROR     %s" % (tmp_path / "output" / "only-golden.png")]
    assert any("nested/changed.png" in line and line.startswith("DIFFERENT") for line in lines)
    assert any("only on one side" in line and "only-golden.png" in line for line in lines)
    assert "[##############################] 3/3" in completed.stderr
    assert os.listdir(str(tmp_path / "diffs" / "nested")) == ["changed.diff.png"]
    assert imread(str(tmp_path / "diffs" / "nested" / "changed.diff.png")).shape == (4, 5, 3)
    quiet = cli(tmp_path / "golden", tmp_path / "golden")
    assert quiet.returncode == 0 and quiet.stderr == ""  # no terminal: no bar


@pytest.mark.parametrize("command", ["scan", "migrate", "compare", "run", "which-reference"])
def test_every_command_has_help(command):
    completed = subprocess.run([sys.executable, "-m", "scipy_misc_compat", command, "--help"], capture_output=True,
                               text=True)
    assert completed.returncode == 0 and "usage: scipy-misc-compat" in completed.stdout
    if command != "run":
        assert "examples:" in completed.stdout and "Exit status" in completed.stdout


def test_differing_images_point_to_which_reference_never_to_a_reference(tmp_path):
    """Golden JPEGs written on the 2018 stack vs today's, and a real +5 regression: both get the same
    neutral pointer to which-reference (a hint naming 2018 would hide the regression)."""
    import os
    import subprocess
    import sys

    import numpy as np

    import scipy_misc_compat
    rng = np.random.RandomState(7)
    picture = rng.randint(0, 256, (24, 32, 3)).astype(np.uint8)
    for reference, folder in (("2018", "golden"), ("2022", "today")):
        os.makedirs(str(tmp_path / folder))
        with scipy_misc_compat.use_reference(reference):
            scipy_misc_compat.imsave(str(tmp_path / folder / "out.jpg"), picture)
    compare = [sys.executable, "-m", "scipy_misc_compat", "compare"]
    different = subprocess.run(compare + [str(tmp_path / "golden"), str(tmp_path / "today")], capture_output=True,
                               text=True)
    assert different.returncode == 1 and "which-reference --golden" in different.stderr
    assert "2018" not in different.stderr
    for folder, offset in (("a", 0), ("b", 5)):  # a PNG that differs by 5: no stack explains that
        os.makedirs(str(tmp_path / folder))
        scipy_misc_compat.imsave(str(tmp_path / folder / "out.png"), np.clip(picture.astype(int) + offset, 0, 255)
                                 .astype(np.uint8), exact=True)
    unrelated = subprocess.run(compare + [str(tmp_path / "a"), str(tmp_path / "b")], capture_output=True, text=True)
    assert unrelated.returncode == 1 and "which-reference --golden" in unrelated.stderr
    chosen = dict(os.environ, SCIPY_MISC_COMPAT_REFERENCE="2018")  # already chosen: still names no reference
    again = subprocess.run(compare + [str(tmp_path / "golden"), str(tmp_path / "today")], capture_output=True,
                           text=True, env=chosen)
    assert "which-reference" in again.stderr and "2018" not in again.stderr


def test_empty_files_a_failed_save_left_are_recognised(tmp_path):
    """Golden outputs of the 2018 stack hold the empty file a failed save left; today's run leaves none."""
    import scipy_misc_compat
    picture = np.arange(24, dtype=np.uint8).reshape(2, 3, 4)
    for folder, failed_saves in (("golden", "as-recorded"), ("today", "atomic"), ("again", "as-recorded")):
        os.makedirs(str(tmp_path / folder))
        with scipy_misc_compat.use_reference("2018", failed_saves=failed_saves):
            with pytest.raises(OSError):
                imsave(str(tmp_path / folder / "rgba.jpg"), picture)
    same = cli(tmp_path / "golden", tmp_path / "again")
    assert same.returncode == 0 and "1 of 1 compared equal" in same.stdout  # two empty files: the same bytes
    different = cli(tmp_path / "golden", tmp_path / "today", "--json")
    report = json.loads(different.stdout)
    assert different.returncode == 2 and report["pairs"][0]["failed_save"]  # on one side only: an error
    assert "SCIPY_MISC_COMPAT_FAILED_SAVES=as-recorded" in report["hint"]
    assert "which-reference" not in report["hint"]  # nothing else differs
    imsave(str(tmp_path / "golden" / "gray.png"), picture[..., 0])
    imsave(str(tmp_path / "today" / "gray.png"), picture[..., 0] // 2)
    unrelated = cli(tmp_path / "golden", tmp_path / "today")
    assert unrelated.returncode == 2 and "FAILED_SAVES" not in unrelated.stderr  # a real difference besides
