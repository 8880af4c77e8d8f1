"""Randomised check of the legacy arithmetic against numpy 1.x evaluating it natively.

On numpy 1.x the plain expressions below *are* scipy 1.1.0's arithmetic (the formula
is documented in FACTS: ``((data - cmin) * scale + low).clip(low, high) + 0.5`` cast
to uint8, with ``scale = float(high - low) / (cmax - cmin)``), because numpy 1.x
applies value-based promotion itself.  Our implementation spells the dtypes out so
that numpy 2 gives the same numbers; here hypothesis searches for an input where the
two disagree.  numpy 2 cannot serve as the oracle, so these run in CI's numpy 1.23.5 job.
"""

import warnings

import numpy as np
import pytest

from hypothesis import given, settings, strategies as st
from hypothesis.extra import numpy as hnp

from scipy_misc_compat import bytescale, toimage
from scipy_misc_compat._compat import NUMPY_HAS_VALUE_BASED_CASTING

pytestmark = pytest.mark.skipif(not NUMPY_HAS_VALUE_BASED_CASTING,
                                reason="numpy 1.x is the oracle; runs in the numpy 1.23.5 CI job")

DTYPES = [np.int8, np.uint8, np.int16, np.uint16, np.int32, np.uint32, np.int64, np.uint64,
          np.float16, np.float32, np.float64]
SCALAR_TYPES = [int, float, np.int8, np.uint8, np.int16, np.uint16, np.int32, np.int64, np.float16, np.float32,
                np.float64]


def native_bytescale(data, cmin, cmax, high, low):
    """The documented legacy formula, evaluated by numpy 1.x with its own promotion."""
    if data.dtype == np.uint8:
        return data  # uint8 passes through unscaled
    if cmin is None:
        cmin = data.min()
    if cmax is None:
        cmax = data.max()
    cscale = cmax - cmin
    if cscale < 0:
        raise ValueError
    elif cscale == 0:
        cscale = 1
    scale = float(high - low) / cscale
    return ((((data - cmin) * scale + low).clip(low, high)) + 0.5).astype(np.uint8)


@st.composite
def scalar(draw, magnitude):
    kind = draw(st.sampled_from(SCALAR_TYPES))
    value = draw(st.floats(-magnitude, magnitude, allow_nan=False))
    if kind is int or np.dtype(kind).kind in "iu":
        info = np.iinfo(np.int64 if kind is int else kind)
        return kind(int(max(info.min, min(info.max, value))))
    return kind(value)


@st.composite
def case(draw):
    dtype = draw(st.sampled_from(DTYPES))
    data = draw(hnp.arrays(dtype, hnp.array_shapes(min_dims=1, max_dims=3, max_side=6),
                           elements=hnp.from_dtype(np.dtype(dtype), allow_nan=False, allow_infinity=False)))
    cmin = draw(st.none() | scalar(70000.0))
    cmax = draw(st.none() | scalar(70000.0))
    low = draw(st.sampled_from([0, 3, 0.5, np.uint8(10), np.float32(2.25)]))
    high = draw(st.sampled_from([255, 200, 254.5, np.uint8(128), np.float64(99.5)]))
    return data, cmin, cmax, high, low


def outcome(function, *args):
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        try:
            return function(*args)
        except Exception as error:  # the exception type is part of the behaviour
            return type(error)


@settings(max_examples=400, deadline=None)
@given(case())
def test_bytescale_equals_numpy1_evaluation(drawn):
    data, cmin, cmax, high, low = drawn
    expected = outcome(native_bytescale, data, cmin, cmax, high, low)
    got = outcome(bytescale, data, cmin, cmax, high, low)
    if isinstance(expected, type):
        assert isinstance(got, type) and issubclass(got, expected), (expected, got)
    else:
        assert got.dtype == expected.dtype and np.array_equal(got, expected)


def native_mode_i(data, high, low):
    cmin, cmax = data.min(), data.max()
    values = (data * 1.0 - cmin) * (high - low) / (cmax - cmin) + low
    return values.astype(np.uint32)


@settings(max_examples=200, deadline=None)
@given(hnp.arrays(st.sampled_from([np.int16, np.int32, np.uint16, np.float32, np.float64]),
                  hnp.array_shapes(min_dims=2, max_dims=2, min_side=1, max_side=6),
                  elements=st.integers(0, 30000)),
       st.sampled_from([(65535, 0), (np.int32(1000), np.int32(5)), (255.5, 0.25)]))
def test_mode_i_ramp_equals_numpy1_evaluation(data, high_low):
    high, low = high_low
    expected = outcome(native_mode_i, data, high, low)
    got = np.asarray(toimage(data, high=high, low=low, mode="I")).astype(np.uint32)
    assert np.array_equal(got, expected)
