"""The owned resize (``_resample``): compiled kernel == numpy fallback == Pillow 9.3's resize.

The recorded sweep (``test_sweep.py``) proves the legacy results; here random
geometries and modes also compare the two implementations with each other, and with
the installed Pillow where its ``resize`` is still Pillow 9.3's (before 13.0).
"""

import numpy as np
import pytest
from PIL import Image

import resize_loops
from scipy_misc_compat import _compat
from scipy_misc_compat.pipeline import _resample


def _random_image(rng, mode, width, height):
    if mode == "F":
        values = (rng.standard_normal((height, width)) * 500).astype(np.float32)
        values[rng.rand(height, width) < 0.03] = np.inf
        return Image.frombytes("F", (width, height), values.tobytes())
    if mode == "I":
        return Image.frombytes("I", (width, height), rng.randint(-2 ** 31, 2 ** 31 - 1, (height, width))
                               .astype(np.int32).tobytes())
    bands = len(Image.new(mode, (1, 1)).getbands())
    values = rng.randint(0, 256, (height, width, bands)).astype(np.uint8)
    if mode in ("RGBA", "LA"):
        values[..., -1] = rng.choice([0, 1, 128, 255], (height, width))
    return Image.frombytes(mode, (width, height), values.tobytes())


# --- every set of compiled loops against the numpy twin -------------------------------------------
#
# The uint8 passes have vector loops (AVX2, AVX-512 VNNI: 16-bit multiply-adds on split weights)
# beside the portable ones; the best the CPU has runs. use_loops() runs each in turn here, so a
# machine with AVX-512 VNNI tests all three.

needs_kernels = pytest.mark.skipif(_resample._resample_kernels is None,
                                   reason="built without a C compiler: the numpy fallback is the only implementation")


@pytest.fixture(params=resize_loops.available())
def loops(request):
    with resize_loops.running(request.param):
        yield request.param


def _numpy_resize(pixels, width, height, resample):
    horizontal = _resample.convolution_taps(pixels.shape[1], width, resample)
    vertical = _resample.convolution_taps(pixels.shape[0], height, resample)
    return _resample._convolve_numpy(_resample._convolve_numpy(pixels, horizontal, 1), vertical, 0)


def _uint8_pixels(rng, shape):
    pixels = rng.randint(0, 256, shape).astype(np.uint8)
    if rng.rand() < 0.3:  # saturated images reach the clip at both ends
        pixels = np.where(rng.rand(*shape) < 0.5, 0, 255).astype(np.uint8)
    return pixels


@needs_kernels
@pytest.mark.parametrize("seed", range(6))
def test_kernel_equals_numpy_fallback(loops, seed):
    # Every pixel type and band count (the vector horizontal uint8 pass takes 3 and 4 bands; 1 and 2
    # stay portable), each axis and filter, widths that leave 0-3 pixels after the last group of
    # four, rows shorter and longer than one 32-byte block of the vertical pass; uint8 on every set
    # of loops.
    rng = np.random.RandomState(seed)
    for _ in range(100):
        height, width, out_size = (int(n) for n in rng.randint(1, 90, 3))
        dtype = [np.uint8, np.int32, np.float32][rng.randint(3)]
        shape = (height, width, int(rng.randint(1, 5)))
        pixels = (_uint8_pixels(rng, shape) if dtype == np.uint8
                  else (rng.standard_normal(shape) * 1e5).astype(dtype))
        resample = int(rng.choice([_resample.LANCZOS, _resample.BILINEAR, _resample.BICUBIC]))
        for axis in (0, 1):
            taps = _resample.convolution_taps(pixels.shape[axis], out_size, resample)
            compiled = _resample.convolve(pixels, taps, axis)
            fallback = _resample._convolve_numpy(pixels, taps, axis)
            assert compiled.tobytes() == fallback.tobytes(), (loops, dtype, pixels.shape, out_size, resample, axis)


@needs_kernels
@pytest.mark.parametrize("bands", [1, 2, 3, 4])
def test_fused_uint8_resize_equals_two_numpy_passes(loops, bands):
    # Both passes in one call (intermediate rows in a cache-sized buffer, kept across chunks of
    # output rows): random geometries, then strong down- and upscales whose tap windows span
    # many chunks, weights of exactly 1 (odd integer upscales) and single-pixel sides.
    rng = np.random.RandomState(10 + bands)
    geometries = [tuple(int(n) for n in rng.randint(1, 80, 4)) for _ in range(50)]
    geometries += [(3000, 7, 5, 3), (7, 3000, 2, 4), (400, 450, 1200, 1350), (9, 11, 45, 55), (1, 40, 3, 13),
                   (40, 1, 13, 3), (600, 700, 61, 1)]
    for height, width, new_height, new_width in geometries:
        if new_height == height or new_width == width:
            continue
        pixels = _uint8_pixels(rng, (height, width, bands))
        for resample in (_resample.LANCZOS, _resample.BILINEAR, _resample.BICUBIC):
            fused = _resample.convolution_resize(pixels, new_width, new_height, resample)
            twin = _numpy_resize(pixels, new_width, new_height, resample)
            assert fused.tobytes() == twin.tobytes(), (loops, pixels.shape, new_width, new_height, resample)


@needs_kernels
@pytest.mark.parametrize("workers", [1, 2, 3, 7])
def test_row_ranges_give_the_same_bits(loops, workers, monkeypatch):
    # Threads compute row ranges of the output; a range that ends at the image's last row reads it
    # from a padded copy. Any split gives the bits of one range.
    from scipy_misc_compat.pipeline import _engine
    monkeypatch.setattr(_engine, "worker_count", lambda: workers)
    monkeypatch.setattr(_engine, "PARALLEL_THRESHOLD", 0)
    rng = np.random.RandomState(workers)
    pixels = _uint8_pixels(rng, (301, 257, 3))
    for new_width, new_height in ((128, 150), (600, 97), (90, 700)):
        ours = _resample.convolution_resize(pixels, new_width, new_height, _resample.BICUBIC)
        assert ours.tobytes() == _numpy_resize(pixels, new_width, new_height, _resample.BICUBIC).tobytes()


@needs_kernels
def test_weights_beyond_the_split_range_take_the_portable_loops(loops):
    # The vector loops split each weight into 16-bit halves, which holds for weights below 16;
    # larger ones (not from Pillow's filters, which normalise) must still give the twin's bits.
    rng = np.random.RandomState(3)
    pixels = rng.randint(0, 4, (40, 50, 3)).astype(np.uint8)
    for axis, size in ((0, 40), (1, 50)):
        taps = _resample.convolution_taps(size, 30, _resample.BILINEAR)
        heavy = _resample.Taps(taps.start, taps.length, taps.weights * 40.0)
        compiled = _resample.convolve(pixels, heavy, axis)
        assert compiled.tobytes() == _resample._convolve_numpy(pixels, heavy, axis).tobytes()


@needs_kernels
def test_concurrent_calls_share_scratch_memory_safely(loops):
    # Each call takes a block of scratch memory from a small cache and gives it back (under the
    # GIL); many threads resizing different geometries at once must each get their own.
    from concurrent.futures import ThreadPoolExecutor
    rng = np.random.RandomState(5)
    jobs = [(_uint8_pixels(rng, (int(h), int(w), 3)), int(nw), int(nh))
            for h, w, nw, nh in rng.randint(20, 300, (24, 4))]
    expected = [_numpy_resize(pixels, nw, nh, _resample.LANCZOS) for pixels, nw, nh in jobs]
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda job: _resample.convolution_resize(job[0], job[1], job[2], _resample.LANCZOS),
                                jobs * 3))
    for result, want in zip(results, expected * 3):
        assert result.tobytes() == want.tobytes()


@needs_kernels
def test_use_loops_names_the_choices():
    kernels = _resample._resample_kernels
    assert kernels.available_loops()[0] == "portable"
    previous = kernels.use_loops("portable")
    try:
        assert "uint8 passes: portable" in kernels.instruction_set()
        with pytest.raises(ValueError, match="not one of this CPU's loops"):
            kernels.use_loops("sse9")
    finally:
        kernels.use_loops(previous)
    assert "uint8 passes: %s" % kernels.available_loops()[-1] in kernels.instruction_set()


def test_lanczos_weights_equal_the_python_loop_bit_for_bit():
    # The compiled weight function calls the C library's sin as math.sin does; numpy's sin may
    # differ in the last bit, which would move a 22-bit weight. Random points, a fine grid of the
    # support, its ends and zero.
    rng = np.random.RandomState(0)
    x = np.concatenate([rng.uniform(-3.5, 3.5, 20000), np.linspace(-3, 3, 6001),
                        [0.0, -0.0, 3.0, -3.0, np.nextafter(3.0, 0.0), np.nextafter(-3.0, -4.0), 1e-300]])
    ours = _resample._lanczos(x)
    assert ours.view(np.int64).tolist() == _resample._lanczos_python(x).view(np.int64).tolist()


@pytest.mark.parametrize("pixel_shape", [(), (2,), (3,), (4,), (5,)])
@pytest.mark.parametrize("dtype", [np.uint8, np.int32, np.float64])
def test_nearest_gather_equals_numpy_indexing(pixel_shape, dtype):
    # Every pixel size the kernel specialises (1, 2, 3, 4, 8 bytes and any other), with
    # repeated source rows (upscales) and the last source column (3-byte pixels move as words).
    rng = np.random.RandomState(len(pixel_shape) * 7 + np.dtype(dtype).itemsize)
    for _ in range(30):
        height, width, new_height, new_width = (int(n) for n in rng.randint(1, 60, 4))
        pixels = rng.randint(0, 256, (height, width) + pixel_shape).astype(dtype)
        rows = _resample.nearest_indices(height, new_height)
        columns = _resample.nearest_indices(width, new_width)
        expected = pixels[np.clip(rows, 0, None)][:, np.clip(columns, 0, None)]
        expected[rows < 0] = 0
        expected[:, columns < 0] = 0
        ours = _resample.nearest_resize(pixels, new_width, new_height)
        assert ours.tobytes() == expected.tobytes(), (pixels.shape, new_height, new_width)


@pytest.mark.parametrize("bands", [1, 2, 3, 4])
def test_nearest_byte_shuffles_equal_numpy_indexing_on_wide_rows(bands):
    # Rows long enough for the 16-byte shuffle groups: upscales (repeated pixels, so byte offsets
    # go backwards inside a group), mild and strong downscales (windows wider than 32 bytes fall
    # back to byte copies), and groups ending at the row's last bytes.
    rng = np.random.RandomState(100 + bands)
    for _ in range(40):
        height, width = int(rng.randint(1, 12)), int(rng.randint(16, 400))
        new_height, new_width = int(rng.randint(1, 12)), int(rng.randint(1, 600))
        pixels = rng.randint(0, 256, (height, width, bands)).astype(np.uint8)
        rows = _resample.nearest_indices(height, new_height)
        columns = _resample.nearest_indices(width, new_width)
        if (rows < 0).any() or (columns < 0).any():
            continue
        expected = pixels[rows][:, columns]
        ours = _resample.nearest_resize(pixels, new_width, new_height)
        assert ours.tobytes() == expected.tobytes(), (pixels.shape, new_height, new_width)


@pytest.mark.skipif(not _compat.PILLOW_RESIZE_MATCHES_9_3,
                    reason="Pillow >= 13 resizes differently; the sweep fixtures cover it")
@pytest.mark.parametrize("mode", ["L", "LA", "RGB", "RGBA", "CMYK", "YCbCr", "I", "F"])
def test_equals_installed_pillow_where_its_resize_is_9_3(mode):
    rng = np.random.RandomState(sum(map(ord, mode)))
    for _ in range(60):
        width, height, new_width, new_height = (int(n) for n in rng.randint(1, 90, 4))
        image = _random_image(rng, mode, width, height)
        for resample in (0, 1, 2, 3):
            expected = image.resize((new_width, new_height), resample)
            ours = _resample.resize_image(image, (new_width, new_height), resample)
            assert ours.tobytes() == expected.tobytes(), (mode, (width, height), (new_width, new_height), resample)
