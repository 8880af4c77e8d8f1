"""The rest of scipy 1.1.0's scipy.misc, against values recorded from scipy 1.1.0 itself.

Recorded on the 2018 stack (scipy 1.1.0 installed; ``tools/record_legacy.py --stack
2018``). ``derivative`` with tabulated coefficients must match bit for bit;
``central_diff_weights`` solves scipy's linear system exactly instead of inverting it
in floating point: the weights match to a relative 1e-12 (measured worst: 3e-13), and
derivatives built on them to 1e-13 of the summed terms' magnitude (measured: 5e-16),
the rounding scale of the method itself (numpy's own sin/exp/power also moved by an
ulp between numpy 1.15 and today).
Names forwarded to today's scipy are compared where scipy is installed, and must
raise an ImportError naming what to install where it is not.
"""

import importlib.util
import json
import os

import numpy as np
import pytest

from exact_outcome import exact
from legacy_fixture_codec import ArrayStore, MarkerResolver, call_case, decode, observe, case_function
from scipy_misc_compat import misc
from scipy_misc_compat.dropin._namespace import FORWARDED, _TABULATED_WEIGHTS

FIXTURES = os.path.join(os.path.dirname(__file__), "fixtures", "namespace")
with open(os.path.join(FIXTURES, "cases.json")) as _handle:
    CASES = json.load(_handle)["cases"]
with np.load(os.path.join(FIXTURES, "arrays.npz")) as _arrays:
    ARRAYS = dict(_arrays)
HAVE_SCIPY = importlib.util.find_spec("scipy") is not None
FORWARDED_FUNCTIONS = set(FORWARDED)


def run(case, tmp_path):
    resolver = MarkerResolver(FIXTURES, str(tmp_path))
    args = [decode(a, ARRAYS, resolver) for a in case["args"]]
    kwargs = {k: decode(v, ARRAYS, resolver) for k, v in case["kwargs"].items()}
    result, error = call_case(misc, case["function"], args, kwargs)
    store = ArrayStore("ours")
    return observe(result, error, args, store), store.arrays


def value_of(outcome, arrays):
    """The recorded value, whether it was recorded as an array or as a scalar/tuple/str."""
    return decode(outcome["value"], arrays)


def derivative_term_scale(case):
    """sum |w_k f(x_k)| / dx**n: the magnitude whose rounding bounds any central-difference result."""
    kwargs = {k: decode(v, ARRAYS) for k, v in case["kwargs"].items()}
    func = case_function(case["args"][0]["$func"])
    x0 = decode(case["args"][1], ARRAYS)
    order, n, dx = kwargs.get("order", 3), kwargs.get("n", 1), kwargs.get("dx", 1.0)
    weights = misc.central_diff_weights(order, n)
    half = order // 2
    terms = [abs(weights[k] * func(x0 + (k - half) * dx, *kwargs.get("args", ()))) for k in range(order)]
    return sum(terms) / dx ** n


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_same_result_as_scipy_1_1_0(case, tmp_path):
    expected = case["outcome"]
    ours, ours_arrays = run(case, tmp_path)
    function = case["function"]
    needs_scipy = function in FORWARDED_FUNCTIONS or (
        function in ("factorial", "factorial2") and not case["kwargs"].get("exact", False))  # scipy's gamma
    if needs_scipy and not HAVE_SCIPY:
        assert ours["kind"] == "error" and "ImportError" in ours["mro"], ours
        assert "pip install scipy" in ours["message"]
        return
    if expected["kind"] == "error":
        assert ours["kind"] == "error" and expected["type"] in ours["mro"], ours
        return
    got, want = value_of(ours, ours_arrays), value_of(expected, ARRAYS)
    if function in FORWARDED_FUNCTIONS:
        # Today's scipy: equal values; a 0-d array may now be a scalar (see MIGRATION.md).
        for g, w in zip(got if isinstance(want, tuple) else [got], want if isinstance(want, tuple) else [want]):
            np.testing.assert_allclose(np.asarray(g, dtype=float), np.asarray(w, dtype=float), rtol=1e-12)
        return
    assert ours["kind"] == expected["kind"], (ours, expected)
    if function == "central_diff_weights":
        np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-12 * np.max(np.abs(want)))
    elif function == "pade_coefficients":  # re-implemented linear solve: equal to rounding
        for g, w in zip(got, want):
            np.testing.assert_allclose(g, w, rtol=1e-12)
    elif function == "derivative" and bit_exact_derivative(case):
        np.testing.assert_array_equal(got, want)
    elif function == "derivative":
        assert np.all(np.abs(got - want) <= 1e-13 * derivative_term_scale(case)), (got, want)
    else:
        assert got == want if isinstance(want, str) else np.array_equal(got, want), (got, want)


def bit_exact_derivative(case):
    """Tabulated coefficients on a polynomial at dyadic points: every value is exact on every numpy,
    so scipy 1.1.0's coefficients and summation order must reproduce its result bit for bit.
    (numpy's sin/exp/power differ by an ulp between numpy releases, so those are compared by
    the rounding scale instead.)"""
    kwargs = case["kwargs"]
    tabulated = (kwargs.get("n", 1), kwargs.get("order", 3)) in _TABULATED_WEIGHTS
    return tabulated and case["args"][0] == {"$func": "cubic"} and decode(kwargs.get("dx"), ARRAYS) == 0.5


def test_namespace_has_every_scipy_1_1_0_name():
    names = ["who", "source", "info", "doccer", "pade", "comb", "factorial", "factorial2", "factorialk",
             "logsumexp", "fromimage", "toimage", "imsave", "imread", "bytescale", "imrotate", "imresize", "imshow",
             "imfilter", "central_diff_weights", "derivative", "ascent", "face", "electrocardiogram"]
    assert sorted(misc.__all__) == sorted(names)
    assert set(names) <= set(dir(misc))


# --- defaults and datasets, recorded from scipy 1.1.0 (tools/record_namespace_extras.py) -------------

with open(os.path.join(FIXTURES, "extras.json")) as _handle:
    EXTRAS = json.load(_handle)


@pytest.mark.parametrize("function", ["factorial", "factorial2", "factorialk", "comb"])
def test_scipy_1_1_0_defaults_and_exact_results(function):
    cases = [case for case in EXTRAS["forwarded_defaults"] if case["function"] == function]
    if function != "factorialk" and not HAVE_SCIPY:  # gamma / comb are scipy's
        with pytest.raises(ImportError, match="pip install scipy"):
            getattr(misc, function)(*cases[0]["args"])
        return
    wrong = []
    for case in cases:
        args = [np.array(a) if isinstance(a, list) else a for a in case["args"]]
        ours = exact(getattr(misc, function)(*args))
        if function == "comb":  # today's scipy: a float64 scalar, as then; compare the value
            ours["type"] = "float64" if ours["type"] == "float" else ours["type"]
        if ours != case["outcome"]:
            wrong.append((case["args"], ours, case["outcome"]))
    assert not wrong, wrong[:5]


def test_factorialk_is_the_exact_integer_by_default():
    assert misc.factorialk(5, 2) == 15 and type(misc.factorialk(5, 2)) is int
    with pytest.raises(NotImplementedError):
        misc.factorialk(5, 2, exact=False)
