"""Reference 2018 over the dense sweep: the same seeded cases recorded on the 2018 stack.

``tools/record_sweep.py --stack 2018`` ran ``tests/sweep_cases.py`` through scipy 1.1.0 on
Python 3.7 + numpy 1.15.4 + Pillow 5.3.0 (``tests/fixtures/sweep_2018``): every axis of
``imresize`` shrinking, growing or kept with every ``interp`` and input kind, rotations,
all filters, and every ``toimage`` -> ``fromimage`` mode pair. Replayed here with
``use_reference('2018')``: outputs bit-identical, exceptions of the same class.
"""

import json

import pytest

import scipy_misc_compat
import sweep_cases
from legacy_fixture_codec import load_fixture_set

FIXTURES, MANIFEST, OUTPUTS = load_fixture_set("sweep_2018", "sweep.json", "outputs.npz")
CASES = MANIFEST["cases"]


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_reference_2018_gives_what_scipy_1_1_0_gave_in_2018(case):
    with scipy_misc_compat.use_reference("2018"):
        problems = sweep_cases.replay_problems(scipy_misc_compat, case, OUTPUTS)
    assert not problems, "%s: %s" % (case["id"], "; ".join(problems))


def test_the_2018_sweep_is_the_generator_s_and_the_2018_stack_s():
    regenerated = sweep_cases.all_cases()
    recorded = [{key: value for key, value in case.items() if key != "outcome"} for case in CASES]
    assert recorded == json.loads(json.dumps(regenerated)), "tests/sweep_cases.py changed: re-record both sweeps"
    stack = MANIFEST["recorded_with"]
    assert (stack["numpy"], stack["pillow"], stack["python"][:3]) == ("1.15.4", "5.3.0", "3.7")
