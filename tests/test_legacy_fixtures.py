"""Replay every case recorded from scipy 1.1.0 and compare exactly.

The fixtures in ``tests/fixtures/legacy`` were recorded by ``tools/record_legacy.py``
from scipy 1.1.0's own ``pilutil.py`` on numpy 1.23.5 + Pillow 9.3.0 (see the
README there).  Each case names a function, its arguments and the outcome: an
array (dtype, shape, values), a PIL image (mode, size, raw bytes, palette), a
written file, or an exception type.
"""

import os

import pytest

import resize_loops
import scipy_misc_compat
from legacy_fixture_codec import load_fixture_set, replay_case

FIXTURES, MANIFEST, ARRAYS = load_fixture_set("legacy", "cases.json", "arrays.npz")
CASES = MANIFEST["cases"]


#: Cases where we deliberately do not reproduce scipy 1.1.0's stack, each with the reason.
#: The test checks that the difference is exactly this: the reference failed to decode the file,
#: we decode it where the installed Pillow can (and then behave as for any other image of that
#: mode); where it cannot (old Pillow), we fail as the reference did.
DELIBERATE_DIFFERENCES = {
    "imread/ycbcr.tif/": "Pillow 9.3 misread its own uncompressed YCbCr TIFF as RGBX and raised "
                         "'image file is truncated'; newer Pillow decodes it correctly. Reproducing a "
                         "decoder bug would only turn a readable file into a crash.",
}


def _deliberate_difference(case_id):
    return next((reason for prefix, reason in DELIBERATE_DIFFERENCES.items() if case_id.startswith(prefix)), None)


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_same_outcome_as_scipy_1_1_0(case):
    expected = case["outcome"]
    ours, problems = replay_case(scipy_misc_compat, case, ARRAYS, os.path.join(FIXTURES, "files"),
                                 os.path.join(FIXTURES, "written"))
    context = "%s: ours=%s" % (case["id"], {k: v for k, v in ours.items() if k in ("kind", "type", "message",
                                                                                  "mode", "dtype", "shape")})
    if _deliberate_difference(case["id"]) and "truncated" not in ours.get("message", ""):
        assert expected["kind"] == "error" and "truncated" in expected["message"], context
        return
    assert not problems, context + "\n" + "\n".join(problems)


@pytest.mark.parametrize("loops", resize_loops.other_than_best())
def test_imresize_cases_with_every_other_set_of_loops(loops):
    """The resize passes' other loops (portable, AVX2 where AVX-512 VNNI runs) replay the same cases."""
    failing = []
    with resize_loops.running(loops):
        for case in (case for case in CASES if case["function"] == "imresize"):
            _, problems = replay_case(scipy_misc_compat, case, ARRAYS, os.path.join(FIXTURES, "files"),
                                      os.path.join(FIXTURES, "written"))
            if problems:
                failing.append("%s: %s" % (case["id"], "; ".join(problems)))
    assert not failing, "\n".join(failing[:10])


def test_fixtures_come_from_the_reference_stack():
    stack = MANIFEST["recorded_with"]
    assert (stack["numpy"], stack["pillow"]) == ("1.23.5", "9.3.0")
    assert len(CASES) > 500


WRITING_CASES = [case for case in CASES if case["function"] in ("imsave", "toimage_save")]


@pytest.mark.parametrize("case", WRITING_CASES, ids=[case["id"] for case in WRITING_CASES])
def test_saves_written_in_place_as_pillow_9_3_did_give_the_same_files(case):
    with scipy_misc_compat.use_reference("2022", failed_saves="as-recorded"):
        problems = replay_case(scipy_misc_compat, case, ARRAYS, os.path.join(FIXTURES, "files"),
                               os.path.join(FIXTURES, "written"))[1]
    assert not problems, case["id"] + "\n" + "\n".join(problems)
