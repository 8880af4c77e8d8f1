"""The numpy-1.x promotion emulation against numpy 1.x itself.

On numpy 1.x the real operators are the reference, so these tests compare every
combination directly.  On numpy 2 the reference is gone (NEP 50) and the tests are
skipped; CI's oldest stack (numpy 1.23.5) runs them.
"""

import itertools
import warnings

import numpy as np
import pytest

from scipy_misc_compat.pipeline import _promotion
from scipy_misc_compat._compat import NUMPY_HAS_VALUE_BASED_CASTING

pytestmark = pytest.mark.skipif(
    not NUMPY_HAS_VALUE_BASED_CASTING,
    reason="needs numpy 1.x as the reference; runs in the numpy 1.23.5 CI job",
)

ARRAY_DTYPES = ["?", "u1", "i1", "u2", "i2", "u4", "i4", "u8", "i8", "f2", "f4", "f8", "c8", "c16"]
SCALARS = [
    True, 0, 1, -1, 200, 300, -200, 70000, -40000, 2**31, 2**40, -2**40, 2**63, 0.5, -0.5,
    1e10, 1e40, float("nan"), float("inf"), 1j,
    np.bool_(True), np.uint8(3), np.int8(-3), np.uint16(300), np.int16(-30000), np.int32(5),
    np.uint32(7), np.int64(-2), np.uint64(9), np.float16(0.5), np.float32(1e-3), np.float32(1e30),
    np.float64(0.25), np.float64(1e300), np.complex64(1j), np.array(3.0), np.array(-7),
]


@pytest.mark.parametrize("dtype", ARRAY_DTYPES)
def test_array_scalar_dtype_matches_numpy1(dtype):
    array = np.ones(3, dtype=dtype)
    for scalar in SCALARS:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            expected = np.add(array, scalar).dtype
        assert _promotion.result_type(array, scalar) == expected, (dtype, scalar)


def test_scalar_scalar_results_match_numpy1():
    for left, right in itertools.product(SCALARS, repeat=2):
        for ufunc in (np.subtract, np.multiply):
            with warnings.catch_warnings(), np.errstate(all="ignore"):
                warnings.simplefilter("ignore")
                try:
                    expected = _python_or_numpy(ufunc, left, right)
                except TypeError:
                    with pytest.raises(TypeError):
                        _promotion.scalar_op(ufunc, left, right)
                    continue
                got = _promotion.scalar_op(ufunc, left, right)
            # Python and numpy float64 scalars mix freely (np.float64 subclasses float);
            # only the value and its dtype matter to the legacy arithmetic.
            assert np.asarray(got).dtype == np.asarray(expected).dtype, (ufunc, left, right)
            np.testing.assert_array_equal(got, expected)


def _python_or_numpy(ufunc, left, right):
    """What the legacy source's operator expression gave: ``left - right``, ``left * right``."""
    return {np.subtract: lambda a, b: a - b, np.multiply: lambda a, b: a * b}[ufunc](left, right)


def test_three_operand_clip_matches_numpy1():
    for dtype in ARRAY_DTYPES[:12]:
        array = np.ones(3, dtype=dtype)
        for low, high in [(0, 255), (0.0, 255.5), (np.float64(1), np.float64(2)), (np.uint8(1), 300)]:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                expected = array.clip(low, high).dtype
            assert _promotion.result_type(array, low, high) == expected, (dtype, low, high)
