"""Reference 2018: every case recorded on the 2018 stack, replayed with ``use_reference('2018')``.

``tests/fixtures/legacy_2018`` was recorded by ``tools/record_legacy.py --stack 2018`` (Python
3.7, scipy 1.1.0 installed, numpy 1.15.4, Pillow 5.3.0) over the same catalogue and input files
as the default reference. The cases not reproduced are listed below, each with the reason;
the test checks that exactly those still differ.
"""

import os

import pytest

import scipy_misc_compat
from legacy_fixture_codec import load_fixture_set, replay_case

FIXTURES, MANIFEST, ARRAYS = load_fixture_set("legacy_2018", "cases.json", "arrays.npz")
INPUT_FILES = os.path.join(os.path.dirname(FIXTURES), "legacy", "files")  # shared with the reference recording
CASES = MANIFEST["cases"]

_UNDEFINED_CAST = ("float -> uint32 cast of NaN / out-of-range values, undefined in C: numpy 1.15 and numpy 2 "
                   "differ, and neither is a result worth reproducing")

#: case id prefix or (prefix, part) -> why it is not reproduced
NOT_REPRODUCED = {
    ("toimage/mode_i/const", ""): _UNDEFINED_CAST, ("toimage/mode_i/huge", ""): _UNDEFINED_CAST,
}

#: Saves that failed and left an empty file behind (Pillow 5.3 opened the path before encoding).
#: Reproduced with ``failed_saves='as-recorded'``; by default a failed save leaves the path as it was.
FAILED_SAVES = ("toimage_save/mode_f_png", "toimage_save/rgba_jpg", "imsave/u8_rgba.jpg", "imsave/f8_rgba.jpg")
WRITING_CASES = [case for case in CASES if case["function"] in ("imsave", "toimage_save")]


def not_reproduced(case_id):
    return next((why for (start, part), why in NOT_REPRODUCED.items()
                 if case_id.startswith(start) and part in case_id), None)


def replay(case, failed_saves="as-recorded"):
    with scipy_misc_compat.use_reference("2018", failed_saves=failed_saves):
        return replay_case(scipy_misc_compat, case, ARRAYS, INPUT_FILES, os.path.join(FIXTURES, "written"))[1]


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_reference_2018_gives_what_scipy_1_1_0_gave_in_2018(case):
    problems = replay(case)
    why = not_reproduced(case["id"])
    if why:
        assert problems, "%s now matches the 2018 recording: remove it from NOT_REPRODUCED (%s)" % (case["id"], why)
    else:
        assert not problems, case["id"] + "\n" + "\n".join(problems)


@pytest.mark.parametrize("case", WRITING_CASES, ids=[case["id"] for case in WRITING_CASES])
def test_atomic_saves_differ_from_2018_only_where_pillow_left_a_broken_file(case):
    problems = replay(case, failed_saves="atomic")
    if case["id"] in FAILED_SAVES:
        assert problems == ["0 files written instead of 1"], problems  # same error, nothing left behind
    else:
        assert not problems, case["id"] + "\n" + "\n".join(problems)


def test_the_recording_is_the_2018_stack_and_few_cases_are_left():
    stack = MANIFEST["recorded_with"]
    assert (stack["numpy"], stack["pillow"]) == ("1.15.4", "5.3.0")
    left = [case["id"] for case in CASES if not_reproduced(case["id"])]
    assert len(CASES) > 4000 and len(left) == 2, left
    broken = [case["id"] for case in WRITING_CASES
              if case["outcome"].get("kind") == "error" and case["outcome"]["written"]]
    assert sorted(broken) == sorted(FAILED_SAVES)


# --- choosing the reference ---------------------------------------------------------------------



def _rgb_to_gray():
    import numpy as np
    from PIL import Image
    rgb = np.array([[[231, 167, 43], [0, 8, 0]]], dtype=np.uint8)
    return scipy_misc_compat.fromimage(Image.fromarray(rgb), mode="L").tolist()


def test_environment_variable_is_read_at_call_time(monkeypatch):
    monkeypatch.delenv("SCIPY_MISC_COMPAT_REFERENCE", raising=False)
    default = _rgb_to_gray()
    assert scipy_misc_compat.reference() == "2022"
    monkeypatch.setenv("SCIPY_MISC_COMPAT_REFERENCE", "2018")
    assert scipy_misc_compat.reference() == "2018"
    older = _rgb_to_gray()
    assert older != default
    with scipy_misc_compat.use_reference("2022"):  # an explicit choice beats the environment
        assert _rgb_to_gray() == default
    monkeypatch.setenv("SCIPY_MISC_COMPAT_REFERENCE", "1999")
    with pytest.raises(ValueError, match="unknown legacy reference '1999'"):
        scipy_misc_compat.reference()


def test_use_reference_as_a_block_and_for_the_process(monkeypatch):
    monkeypatch.delenv("SCIPY_MISC_COMPAT_REFERENCE", raising=False)
    with scipy_misc_compat.use_reference("2018"):
        assert scipy_misc_compat.reference() == "2018"
        with scipy_misc_compat.use_reference("2022"):
            assert scipy_misc_compat.reference() == "2022"
        assert scipy_misc_compat.reference() == "2018"
    assert scipy_misc_compat.reference() == "2022"
    scipy_misc_compat.use_reference("2018")
    try:
        assert scipy_misc_compat.reference() == "2018"
    finally:
        scipy_misc_compat.use_reference(None)  # back to the environment's (default) choice
    assert scipy_misc_compat.reference() == "2022"
    with pytest.raises(ValueError, match="'pillow-4.0' ... 'pillow-9.3'"):
        scipy_misc_compat.use_reference("2020")


def test_a_with_block_holds_for_its_thread_and_a_call_for_every_thread(monkeypatch):
    import threading
    monkeypatch.delenv("SCIPY_MISC_COMPAT_REFERENCE", raising=False)
    seen = {}

    def look(key):
        seen[key] = scipy_misc_compat.reference()

    def in_thread(key):
        thread = threading.Thread(target=look, args=(key,))
        thread.start()
        thread.join()

    with scipy_misc_compat.use_reference("2018"):
        look("block")
        in_thread("other thread during the block")
    scipy_misc_compat.use_reference("2018")
    try:
        in_thread("other thread after a call")
        with scipy_misc_compat.use_reference("2022"):
            look("block inside a call")
        look("after that block")
    finally:
        scipy_misc_compat.use_reference(None)
    assert seen == {"block": "2018", "other thread during the block": "2022", "other thread after a call": "2018",
                    "block inside a call": "2022", "after that block": "2018"}


def test_run_reference_option(tmp_path):
    import subprocess
    import sys
    script = tmp_path / "gray.py"
    script.write_text("import numpy as np\nfrom scipy.misc import fromimage\nfrom PIL import Image\n"
                      "print(fromimage(Image.fromarray(np.array([[[231, 167, 43]]], np.uint8)), mode='L')[0, 0])\n")
    run = [sys.executable, "-m", "scipy_misc_compat", "run"]
    values = [subprocess.run(run + options + [str(script)], capture_output=True, text=True).stdout.strip()
              for options in ([], ["--reference", "2018"], ["--reference", "2022"])]
    assert values[0] == values[2] != values[1], values
    refused = subprocess.run(run + ["--reference", "1999", str(script)], capture_output=True, text=True)
    assert refused.returncode == 2 and "--reference takes 'pillow-4.0' ... 'pillow-9.3'" in refused.stderr


def test_run_failed_saves_option(tmp_path):
    import subprocess
    import sys
    script = tmp_path / "save.py"
    script.write_text("import numpy as np\nfrom scipy.misc import imsave\n"
                      "try:\n    imsave('out.jpg', np.zeros((2, 2, 4), np.uint8))\n"
                      "except IOError as e:\n    print(e)\n")
    run = [sys.executable, "-m", "scipy_misc_compat", "run"]
    for options, left in ([], False), (["--reference", "2018", "--failed-saves", "as-recorded"], True):
        completed = subprocess.run(run + options + [str(script)], capture_output=True, text=True, cwd=str(tmp_path))
        assert "cannot write mode RGBA as JPEG" in completed.stdout, completed.stderr
        assert (tmp_path / "out.jpg").exists() is left
    refused = subprocess.run(run + ["--failed-saves", "never", str(script)], capture_output=True, text=True)
    assert refused.returncode == 2 and "--failed-saves takes one of as-recorded, atomic" in refused.stderr


def test_dithering_kernel_equals_the_python_version():
    import numpy as np
    from scipy_misc_compat.pipeline import _resample
    from scipy_misc_compat.references import _older_conversions as conversions
    if _resample._resample_kernels is None:
        pytest.skip("built without a C compiler: the Python version is the only one")
    cells, palette = conversions._palette_tables()
    rng = np.random.RandomState(2018)
    for _ in range(20):
        height, width = (int(n) for n in rng.randint(1, 30, 2))
        rgb = rng.randint(0, 256, (height, width, 3)).astype(np.uint8)
        kernel, python = np.empty((height, width), np.uint8), np.empty((height, width), np.uint8)
        _resample._resample_kernels.dither(rgb, cells, palette, kernel)
        conversions._dither_python(rgb, cells, palette, python)
        assert (kernel == python).all(), (height, width)


def test_gray_conversion_is_the_same_whatever_the_block_size(monkeypatch):
    import numpy as np
    from scipy_misc_compat.references import _older_conversions as conversions
    rgb = np.random.RandomState(7).randint(0, 256, (37, 23, 4)).astype(np.uint8)
    whole = conversions.truncated_luma(rgb)  # one block
    monkeypatch.setattr(conversions, "_BLOCK_PIXELS", 50)  # two rows per block, the last one short
    assert np.array_equal(conversions.truncated_luma(rgb), whole)
    monkeypatch.setattr(conversions, "_BLOCK_PIXELS", 1)  # one row per block
    assert np.array_equal(conversions.truncated_luma(rgb), whole)
