"""Replay the seeded dense sweep recorded from scipy 1.1.0 (numpy 1.23.5 + Pillow 9.3.0).

``tests/sweep_cases.py`` says what the sweep varies; ``tools/record_sweep.py`` recorded
``tests/fixtures/sweep``. Outputs must be bit-identical (values, dtype, shape) and
exceptions of the same class, on every Pillow the package supports.
"""

import json

import numpy as np
import pytest

import scipy_misc_compat
import sweep_cases
from legacy_fixture_codec import load_fixture_set

FIXTURES, MANIFEST, OUTPUTS = load_fixture_set("sweep", "sweep.json", "outputs.npz")
CASES = MANIFEST["cases"]


def recorded_output(outcome):
    flat = OUTPUTS[outcome["dtype"]]
    size = int(np.prod(outcome["shape"], dtype=np.int64))
    return flat[outcome["offset"]:outcome["offset"] + size].reshape(outcome["shape"])


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_same_as_scipy_1_1_0(case):
    expected = case["outcome"]
    try:
        ours = np.asarray(sweep_cases.run_case(scipy_misc_compat, case))
    except Exception as error:  # compared with the recorded outcome below
        classes = [c.__name__ for c in type(error).__mro__]
        assert "error" in expected, "%s raised %r; scipy 1.1.0 returned %s" % (case["id"], error, expected)
        assert expected["error"] in classes, "%s raised %r; scipy 1.1.0 raised %s" % (case["id"], error,
                                                                                     expected["error"])
        return
    assert "error" not in expected, "%s returned; scipy 1.1.0 raised %s" % (case["id"], expected["error"])
    reference = recorded_output(expected)
    assert (ours.dtype.str, list(ours.shape)) == (reference.dtype.str, list(reference.shape)), case["id"]
    different = ours.view(np.uint8) != reference.view(np.uint8) if ours.size else np.zeros(0, bool)
    assert ours.tobytes() == reference.tobytes(), "%s: %d of %d bytes differ from scipy 1.1.0's" % (
        case["id"], int(np.count_nonzero(different)), different.size)


def test_sweep_is_the_generator_s_and_the_reference_stack_s():
    regenerated = sweep_cases.all_cases()
    recorded = [{key: value for key, value in case.items() if key != "outcome"} for case in CASES]
    assert recorded == json.loads(json.dumps(regenerated)), "tests/sweep_cases.py changed: re-record the sweep"
    stack = MANIFEST["recorded_with"]
    assert (stack["numpy"], stack["pillow"], stack["scipy_pilutil"]) == ("1.23.5", "9.3.0", "1.1.0")


def test_sweep_varies_each_axis_and_every_interp():
    """The sweep holds what would have caught Pillow 13's resize change: axes varied independently."""
    resized = [case for case in CASES if case["function"] == "imresize" and "error" not in case["outcome"]]
    kinds = set()
    for case in resized:
        if isinstance(case["size"], list):
            kinds.add(tuple(_kind(n_in, n_out) for n_in, n_out in zip(case["shape"], case["size"])))
    assert kinds >= {(a, b) for a in ("shrink", "grow", "keep") for b in ("shrink", "grow", "keep")}
    assert {case["interp"] for case in resized} == set(sweep_cases.INTERPS)
    assert {case["source"] for case in resized} == set(sweep_cases.RESIZE_INPUTS)
    assert {type(case["size"]).__name__ for case in resized} == {"list", "int", "float"}


def _kind(n_in, n_out):
    return "keep" if n_in == n_out else ("shrink" if n_out < n_in else "grow")
