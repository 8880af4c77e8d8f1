"""The blocked, threaded engine is bit-identical to the straightforward evaluation.

``_scaling.evaluate_whole`` is the specification (each legacy step on the whole array,
replayed against scipy 1.1.0's recordings); ``_scaling.evaluate`` takes the fast
paths. Hypothesis searches dtypes, shapes, layouts (non-contiguous, Fortran,
big-endian), NaN/inf and scalars of every type, with blocks made tiny so that
blocking, threading and the lookup table are all exercised on small arrays. Every
test runs once per compiled kernel level this machine has (baseline SSE2, AVX2,
AVX-512) and once with the kernels switched off (numpy alone).
"""

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st
from hypothesis.extra import numpy as hnp

from scipy_misc_compat.pipeline import _engine, _scaling

DTYPES = ["i1", "u1", "i2", "u2", "i4", "u4", "i8", "u8", "f2", "f4", "f8", ">f8", ">i2", ">u2", ">f4"]
SCALARS = st.one_of(
    st.integers(-70000, 70000), st.floats(-1e5, 1e5, allow_nan=False),
    st.sampled_from([np.float32(0.25), np.float64(3.5), np.int16(-7), np.uint8(9), np.float16(2.0), 0, 1, 0.0,
                     float("nan"), np.int64(2 ** 40)]))


KERNEL_LEVELS = _engine._kernels.levels() if _engine._kernels is not None else []


@pytest.fixture(autouse=True)
def tiny_blocks(monkeypatch):
    monkeypatch.setattr(_engine, "BLOCK_ELEMENTS", 64)
    monkeypatch.setattr(_engine, "PARALLEL_THRESHOLD", 256)


@pytest.fixture(autouse=True, params=KERNEL_LEVELS + ["numpy only"])
def kernel_level(request, monkeypatch):
    """Each compiled version of the fused kernel, then numpy alone."""
    if request.param == "numpy only":
        monkeypatch.setattr(_engine, "_kernels", None)
        yield request.param
        return
    previous = _engine._kernels.set_level(request.param)
    yield request.param
    _engine._kernels.set_level(previous)


def test_the_compiled_kernels_are_built():
    # setup.py marks them optional (the package works without a C compiler); CI builds them.
    assert KERNEL_LEVELS, "scipy_misc_compat._kernels is missing: install with a C compiler available"


@pytest.mark.parametrize("dtype", ["f8", "f4", "u2", "i2", "i4", "u4"])  # int8 chains run in float16: numpy
def test_legacy_chains_take_the_fused_kernel(dtype, kernel_level):
    if kernel_level == "numpy only":
        return
    data = np.arange(-5, 300).astype(dtype)
    low, high = data.min(), data.max()
    bytescale = _scaling.bytescale_steps(low, _scaling._scale_factor(low, high, 255, 0), 0, 255)
    with_arguments = _scaling.bytescale_steps(np.float64(2.5), 1.5, 5, 250)
    mode_i = _scaling.mode_i_steps(low, high, 65535, 0)
    for steps, out in ((bytescale, np.uint8), (with_arguments, np.uint8), (mode_i, np.uint32)):
        assert _engine.ChainPlan(data.dtype, steps, np.dtype(out)).fused() is not None, (dtype, steps)


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
