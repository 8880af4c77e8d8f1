"""`compare` for regression runs: byte-identical shortcut, jobs, tolerances, exit codes, HTML, JUnit XML."""

import os
import pickle
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree

import numpy as np
import pytest
from PIL import Image

from scipy_misc_compat import Comparison, Tolerance, compare_dirs, compare_files, imsave


def cli(*arguments):
    return subprocess.run([sys.executable, "-m", "scipy_misc_compat", "compare"] + [str(a) for a in arguments],
                          capture_output=True, text=True)


@pytest.fixture
def trees(tmp_path):
    """golden/ and new/: six equal images and a text file, one changed (a block +7), one resized, one missing."""
    rng = np.random.RandomState(3)
    picture = rng.randint(0, 200, (40, 60, 3)).astype(np.uint8)
    changed = picture.copy()
    changed[10:20, 30:50] += 7
    for side in ("golden", "new"):
        os.makedirs(str(tmp_path / side / "nested"))
        for index in range(6):
            imsave(str(tmp_path / side / ("same_%d.png" % index)), picture, exact=True)
        (tmp_path / side / "notes.txt").write_text("run 1\n")
    imsave(str(tmp_path / "golden" / "nested" / "changed.png"), picture, exact=True)
    imsave(str(tmp_path / "new" / "nested" / "changed.png"), changed, exact=True)
    imsave(str(tmp_path / "golden" / "wide.png"), picture, exact=True)
    imsave(str(tmp_path / "new" / "wide.png"), picture[:, :50], exact=True)
    imsave(str(tmp_path / "golden" / "gone.png"), picture, exact=True)
    return tmp_path / "golden", tmp_path / "new"


def test_identical_bytes_are_equal_without_decoding(tmp_path):
    for name in ("a.png", "b.png"):
        (tmp_path / name).write_bytes(b"not a PNG at all")  # undecodable, but the same bytes
    result = compare_files(str(tmp_path / "a.png"), str(tmp_path / "b.png"))
    assert result.equal and result.identical_bytes and result.status == "equal"
    (tmp_path / "b.png").write_bytes(b"not a PNG either")
    assert compare_files(str(tmp_path / "a.png"), str(tmp_path / "b.png")).status == "error"


def test_directories_stream_in_path_order_the_same_with_any_number_of_jobs(trees):
    golden, new = trees
    serial = list(compare_dirs(str(golden), str(new)))
    parallel = list(compare_dirs(str(golden), str(new), jobs=2))
    assert [r.as_dict() for r in serial] == [r.as_dict() for r in parallel]
    names = [os.path.relpath(r.a, str(golden)) for r in serial]
    assert names == sorted(names) and len(names) == 10
    statuses = {name: r.status for name, r in zip(names, serial)}
    assert statuses["nested/changed.png"] == statuses["wide.png"] == "different"
    assert statuses["gone.png"] == "error" and statuses["notes.txt"] == "equal"
    assert pickle.loads(pickle.dumps(serial[0])) == serial[0]  # results travel between processes
    first = next(compare_dirs(str(golden), str(new)))  # a generator: nothing is compared ahead
    assert isinstance(first, Comparison)


def test_tolerances_max_abs_share_and_psnr(trees):
    golden, new = trees
    a, b = str(golden / "nested" / "changed.png"), str(new / "nested" / "changed.png")
    exact = compare_files(a, b)
    assert exact.differing_samples == 600 and exact.total_samples == 7200 and exact.share == pytest.approx(1 / 12)
    assert compare_files(a, b, Tolerance(max_abs=7)).equal
    assert not compare_files(a, b, Tolerance(max_share=0.08)).equal
    assert compare_files(a, b, Tolerance(max_share=0.09)).equal
    assert not compare_files(a, b, Tolerance(max_share=0.09, min_psnr=exact.psnr + 0.01)).equal
    assert compare_files(a, b, Tolerance(max_share=0.09, min_psnr=exact.psnr - 0.01)).equal
    with pytest.raises(ValueError, match="max_share"):
        Tolerance(max_share=2)
    assert cli(a, b, "--max-share", "0.09").returncode == 0
    assert cli(a, b, "--max-share", "0.09", "--min-psnr", "99").returncode == 1
    assert cli(a, b, "--max-share", "7").returncode == 2


def test_exit_codes_say_what_happened(trees, tmp_path):
    golden, new = trees
    assert cli(golden / "same_0.png", new / "same_0.png").returncode == 0
    assert cli(golden / "nested", new / "nested").returncode == 1  # a difference
    every = cli(golden, new, "--jobs", "2")
    assert every.returncode == 2  # gone.png is on one side only
    assert "7 of 10 compared equal; 2 different, 1 errors" in every.stdout
    assert every.stdout.rstrip().endswith("  DIFFERENT %s" % (new / "wide.png"))
    missing = cli(tmp_path / "no" / "such", golden)
    assert missing.returncode == 2 and "no such file or directory" in missing.stderr
    mixed = cli(golden / "same_0.png", new)
    assert mixed.returncode == 2 and "is a file and" in mixed.stderr
    (tmp_path / "empty_a").mkdir()
    (tmp_path / "empty_b").mkdir()
    empty = cli(tmp_path / "empty_a", tmp_path / "empty_b")
    assert empty.returncode == 2 and "nothing to compare" in empty.stderr and "0 of 0" not in empty.stdout


def test_failures_only_and_the_final_list(trees):
    golden, new = trees
    lines = cli(golden, new, "--failures-only").stdout.splitlines()
    assert not any(line.startswith("equal") for line in lines)
    assert lines[lines.index("failing:") + 1:] == ["  ERROR     %s" % (new / "gone.png"),
                                                   "  DIFFERENT %s" % (new / "nested" / "changed.png"),
                                                   "  DIFFERENT %s" % (new / "wide.png")]


def test_junit_xml_has_a_case_per_pair(trees, tmp_path):
    golden, new = trees
    cli(golden, new, "--junit-xml", tmp_path / "compare.xml")
    suite = ElementTree.parse(str(tmp_path / "compare.xml")).getroot().find("testsuite")
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("10", "2", "1")
    failed = {case.get("name"): [child.tag for child in case] for case in suite}
    assert failed[str(new / "gone.png")] == ["error"] and failed[str(new / "wide.png")] == ["failure"]
    assert failed[str(new / "same_0.png")] == []


def _report(trees, tmp_path, *options):
    golden, new = trees
    page = tmp_path / "report.html"
    assert cli(golden, new, "--html", page, *options).returncode == 2
    return page.read_text()


def test_the_html_report_is_one_page_failures_first(trees, tmp_path):
    text = _report(trees, tmp_path)
    assert "2 different, 1 errors; 7 equal" in text and "7 equal pairs (not shown)" in text
    assert text.index("nested/changed.png") < text.index("wide.png") < text.index("gone.png")  # errors last
    assert text.count("data:image/png;base64,") == 2 * 2 + 1 + 1  # golden, new (x2), heatmap, its scale
    assert "src=\"http" not in text and "<script" not in text  # self-contained
    assert "The image changed size: the golden one is 40 x 60 x 3" in text
    assert "only on one side" in text
    for row in ("pixels that differ", "share of samples that differ", "max |a-b|", "PSNR", "changed region"):
        assert row in text


def _chromium():
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(_chromium() is None and not os.environ.get("CI"),
                    reason="no headless Chromium here (.ci/run installs Debian's chromium, and there it must run)")
def test_a_real_browser_shows_the_images_of_the_report(trees, tmp_path):
    assert _chromium(), "CI installs Debian's chromium (.ci/run): it must be there"
    _report(trees, tmp_path, "--failures-only")
    shot = tmp_path / "shot.png"
    subprocess.run([_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    "--window-size=1200,1400", "--screenshot=%s" % shot, (tmp_path / "report.html").as_uri()],
                   capture_output=True, timeout=120, check=True)
    pixels = np.asarray(Image.open(str(shot)).convert("RGB")).astype(int)
    # the heatmap: black where nothing changed, the +7 block (every changed sample equally, so the
    # largest difference) white, 10 x 20 pixels of 40 x 60, drawn at the same scale as the images
    black = np.all(pixels == 0, axis=2)
    rows, columns = np.flatnonzero(black.sum(axis=1) > 150), np.flatnonzero(black.sum(axis=0) > 100)  # the map only
    heat = pixels[rows.min():rows.max() + 1, columns.min():columns.max() + 1]
    assert black.sum() > 40000 and 1.4 < heat.shape[1] / heat.shape[0] < 1.6, heat.shape  # the 40 x 60 map
    white = np.all(heat == 255, axis=2)
    block_rows, block_columns = np.nonzero(white)
    height, width = block_rows.max() - block_rows.min() + 1, block_columns.max() - block_columns.min() + 1
    assert 1.8 < width / height < 2.2 and white.sum() > 0.9 * height * width, (height, width)
    assert abs(block_rows.min() / heat.shape[0] - 10 / 40) < 0.03  # where the block was changed
    assert abs(block_columns.min() / heat.shape[1] - 30 / 60) < 0.03
    # the photographs: many saturated, varied colours (the page itself is gray and white)
    colourful = (pixels.max(axis=2) - pixels.min(axis=2)) > 60
    assert colourful.sum() > 50000, colourful.sum()
