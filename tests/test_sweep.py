"""Replay the seeded dense sweep recorded from scipy 1.1.0 (numpy 1.23.5 + Pillow 9.3.0).

``tests/sweep_cases.py`` says what the sweep varies; ``tools/record_sweep.py`` recorded
``tests/fixtures/sweep``. Outputs must be bit-identical (values, dtype, shape) and
exceptions of the same class, on every Pillow the package supports.
"""

import json

import pytest

import resize_loops
import scipy_misc_compat
import sweep_cases
from legacy_fixture_codec import load_fixture_set

FIXTURES, MANIFEST, OUTPUTS = load_fixture_set("sweep", "sweep.json", "outputs.npz")
CASES = MANIFEST["cases"]


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_same_as_scipy_1_1_0(case):
    problems = sweep_cases.replay_problems(scipy_misc_compat, case, OUTPUTS)
    assert not problems, "%s: %s" % (case["id"], "; ".join(problems))


@pytest.mark.parametrize("loops", resize_loops.other_than_best())
def test_imresize_cases_with_every_other_set_of_loops(loops):
    """The resize passes' other loops (portable, AVX2 where AVX-512 VNNI runs) replay the same cases."""
    failing = []
    with resize_loops.running(loops):
        for case in (case for case in CASES if case["function"] == "imresize"):
            problems = sweep_cases.replay_problems(scipy_misc_compat, case, OUTPUTS)
            if problems:
                failing.append("%s: %s" % (case["id"], "; ".join(problems)))
    assert not failing, "\n".join(failing[:10])


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
