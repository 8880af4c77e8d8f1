"""The blocked, threaded engine is bit-identical to the straightforward evaluation.

``_scaling.evaluate_whole`` is the specification (each legacy step on the whole array,
replayed against scipy 1.1.0's recordings); ``_scaling.evaluate`` takes the fast
paths. Hypothesis searches dtypes, shapes, layouts (non-contiguous, Fortran,
big-endian), NaN/inf and scalars of every type, with blocks made tiny so that
blocking, threading and the lookup table are all exercised on small arrays.
"""

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st
from hypothesis.extra import numpy as hnp

from scipy_misc_compat import _engine, _scaling

DTYPES = ["i1", "u1", "i2", "u2", "i4", "u4", "i8", "u8", "f2", "f4", "f8", ">f8", ">i2", ">u2", ">f4"]
SCALARS = st.one_of(
    st.integers(-70000, 70000), st.floats(-1e5, 1e5, allow_nan=False),
    st.sampled_from([np.float32(0.25), np.float64(3.5), np.int16(-7), np.uint8(9), np.float16(2.0), 0, 1, 0.0,
                     float("nan"), np.int64(2 ** 40)]))


@pytest.fixture(autouse=True)
def tiny_blocks(monkeypatch):
    monkeypatch.setattr(_engine, "BLOCK_ELEMENTS", 64)
    monkeypatch.setattr(_engine, "PARALLEL_THRESHOLD", 256)


@st.composite
def arrays(draw):
    dtype = np.dtype(draw(st.sampled_from(DTYPES)))
    shape = draw(hnp.array_shapes(min_dims=1, max_dims=3, min_side=1, max_side=40))
    array = draw(hnp.arrays(dtype, shape, elements=hnp.from_dtype(dtype, allow_nan=True, allow_infinity=True)))
    layout = draw(st.sampled_from(["c", "fortran", "reversed", "strided"]))
    if layout == "fortran":
        array = np.asfortranarray(array)
    elif layout == "reversed":
        array = array[::-1]
    elif layout == "strided" and array.shape[0] > 2:
        array = array[::2]
    return array


def same(fast, reference):
    assert fast.dtype == reference.dtype and fast.shape == reference.shape
    assert np.array_equal(fast, reference), (fast, reference)


@settings(max_examples=500, deadline=None)
@given(arrays(), SCALARS, SCALARS, st.sampled_from([(255, 0), (200, 100), (254.5, 0.5), (np.uint8(128), 0)]))
def test_bytescale_chain(data, cmin, scale, high_low):
    high, low = high_low
    steps = _scaling.bytescale_steps(cmin, scale, low, high)
    same(_scaling.evaluate(data, steps, np.uint8), _scaling.evaluate_whole(data, steps, np.uint8))


@settings(max_examples=300, deadline=None)
@given(arrays(), SCALARS, SCALARS, st.sampled_from([(65535, 0), (np.int32(1000), np.int32(5)), (255.5, 0.25)]))
def test_mode_i_chain(data, cmin, cmax, high_low):
    high, low = high_low
    steps = _scaling.mode_i_steps(cmin, cmax, high, low)
    same(_scaling.evaluate(data, steps, np.uint32), _scaling.evaluate_whole(data, steps, np.uint32))


@settings(max_examples=200, deadline=None)
@given(arrays())
def test_minimum_and_maximum(data):
    low, high = _engine.minimum_and_maximum(data)
    for got, want in ((low, data.min()), (high, data.max())):
        assert type(got) is type(want)
        assert np.array_equal(got, want, equal_nan=data.dtype.kind == "f")


@pytest.mark.parametrize("dtype", ["f8", "f4", "u2", "i4", "i2"])
def test_full_size_blocks_and_threads(monkeypatch, dtype):
    monkeypatch.setattr(_engine, "BLOCK_ELEMENTS", 1 << 15)
    monkeypatch.setattr(_engine, "PARALLEL_THRESHOLD", 1 << 19)
    rng = np.random.default_rng(7)
    data = (rng.standard_normal((700, 1001)) * 3000).astype(dtype)  # not a multiple of the block size
    if data.dtype.kind == "f":
        data[3, 5], data[-1, -1], data[100, 7] = np.nan, np.inf, -np.inf
    for steps in (_scaling.bytescale_steps(data.min(), 0.01, 0, 255),
                  _scaling.bytescale_steps(np.float32(-20.5), np.float64(1.7), np.float32(3.5), 250),
                  _scaling.mode_i_steps(np.float64(-3000), np.float64(3000), 65535, 0)):
        out = np.uint32 if len(steps) == 5 and steps[0][1] is np.multiply else np.uint8
        same(_scaling.evaluate(data, steps, out), _scaling.evaluate_whole(data, steps, out))
        same(_scaling.evaluate(data.T, steps, out), _scaling.evaluate_whole(data.T, steps, out))
