"""JPEG under reference 2018: scipy 1.1.0's reads and writes as on Pillow 5.3.0 with IJG libjpeg 9c.

``tools/record_jpeg_2018.py`` made the files with Pillow 5.3.0 (4:2:0 / 4:2:2 / 4:4:4,
progressive, optimised, gray, CMYK, qualities 50-95, odd sizes, and the image edges at each
subsampling) and recorded what scipy 1.1.0's ``imread`` returned for each ``mode`` and ``flatten``, and the files its
``imsave`` and ``toimage(...).save`` wrote (sizes from 1x1, float input, qualities 1-100,
each subsampling, optimize, progressive, every mode): compared here by their decoded
pixels and then byte for byte.
"""

import io
import os

import numpy as np
import pytest
from PIL import Image

import scipy_misc_compat
from legacy_fixture_codec import load_fixture_set

FIXTURES, MANIFEST, ARRAYS = load_fixture_set("jpeg_2018", "cases.json", "arrays.npz")
CASES = MANIFEST["cases"]


def run(case, tmp_path):
    if case["function"] == "imread":
        return scipy_misc_compat.imread(os.path.join(FIXTURES, "files", case["file"]), flatten=case["flatten"],
                                        mode=case["mode"])
    path = str(tmp_path / "out.jpg")
    if case["function"] == "imsave":
        scipy_misc_compat.imsave(path, ARRAYS[case["input"]])
    else:
        scipy_misc_compat.toimage(ARRAYS[case["input"]], **case["toimage"]).save(path, **case["params"])
    return path


def differences(case, result):
    if "outcome" in case and "error" in case["outcome"]:
        return ["no error (expected %s)" % case["outcome"]["error"]]
    if case["function"] in ("imsave", "toimage_save"):
        with open(os.path.join(FIXTURES, "written", case["written"]), "rb") as handle:
            expected_bytes = handle.read()
        with open(result, "rb") as handle:
            got_bytes = handle.read()
        expected = np.asarray(Image.open(io.BytesIO(expected_bytes)))
        got = np.asarray(Image.open(io.BytesIO(got_bytes)))
        if got.shape != expected.shape or not (got == expected).all():
            return ["decoded pixels differ"]
        return [] if got_bytes == expected_bytes else ["same pixels, but not the bytes Pillow 5.3 wrote"]
    expected = ARRAYS[case["outcome"]["array"]]
    if result.dtype != expected.dtype or result.shape != expected.shape:
        return ["%s %s instead of %s %s" % (result.dtype, result.shape, expected.dtype, expected.shape)]
    differing = int(np.sum(result != expected))
    return ["%d values differ" % differing] if differing else []


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_reference_2018_reads_and_writes_jpeg_as_scipy_1_1_0_did(case, tmp_path):
    with scipy_misc_compat.use_reference("2018"):
        try:
            problems = differences(case, run(case, tmp_path))
        except Exception as error:
            expected = case.get("outcome", {}).get("error")
            if expected and expected in [cls.__name__ for cls in type(error).__mro__]:
                return
            problems = ["%s: %s" % (type(error).__name__, error)]
    assert not problems, (case["id"], problems)  # every case: none is left unreproduced


def test_catalogue_was_recorded_on_the_2018_stack():
    stack = MANIFEST["recorded_with"]
    assert (stack["numpy"], stack["pillow"], stack["scipy"]) == ("1.15.4", "5.3.0", "1.1.0")
    assert len(MANIFEST["files"]) >= 50 and len(CASES) >= 800


def test_without_jpeglib_reference_2018_says_what_to_install(tmp_path):
    import subprocess
    import sys
    code = ("import sys\nclass Block:\n    def find_spec(self, name, path=None, target=None):\n"
            "        if name == 'jpeglib':\n            raise ImportError('No module named jpeglib')\n"
            "sys.meta_path.insert(0, Block())\nimport scipy_misc_compat\n"
            "with scipy_misc_compat.use_reference('2018'):\n"
            "    try:\n        scipy_misc_compat.imread(%r)\n"
            "    except ImportError as error:\n        print(error)\n"
            % os.path.join(FIXTURES, "files", "gray_q75_8x8.jpg"))
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "pip install jpeglib" in completed.stdout, completed.stdout + completed.stderr


def test_other_save_options_leave_the_file_to_the_installed_pillow(tmp_path):
    picture = np.arange(8 * 8 * 3, dtype=np.uint8).reshape(8, 8, 3)
    with scipy_misc_compat.use_reference("2018"):
        scipy_misc_compat.toimage(picture).save(str(tmp_path / "dpi.jpg"), dpi=(300, 300))
        with pytest.raises(TypeError):  # Pillow's own complaint, not ours
            scipy_misc_compat.toimage(picture).save(str(tmp_path / "bad.jpg"), subsampling=[2, 2])
    with Image.open(str(tmp_path / "dpi.jpg")) as saved:
        assert saved.info["dpi"] == (300, 300)
    assert sorted(os.listdir(str(tmp_path))) == ["dpi.jpg"]
