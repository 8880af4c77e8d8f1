"""The owned resize (``_resample``): compiled kernel == numpy fallback == Pillow 9.3's resize.

The recorded sweep (``test_sweep.py``) proves the legacy results; here random
geometries and modes also compare the two implementations with each other, and with
the installed Pillow where its ``resize`` is still Pillow 9.3's (before 13.0).
"""

import numpy as np
import pytest
from PIL import Image

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


@pytest.mark.parametrize("seed", range(6))
def test_kernel_equals_numpy_fallback(seed):
    if _resample._resample_kernels is None:
        pytest.skip("built without a C compiler: the numpy fallback is the only implementation")
    rng = np.random.RandomState(seed)
    for _ in range(40):
        height, width, out_size = (int(n) for n in rng.randint(1, 70, 3))
        dtype = [np.uint8, np.int32, np.float32][rng.randint(3)]
        bands = int(rng.randint(1, 5))
        pixels = (rng.randint(0, 256, (height, width, bands)) if dtype == np.uint8
                  else rng.standard_normal((height, width, bands)) * 1e5).astype(dtype)
        resample = int(rng.choice([_resample.LANCZOS, _resample.BILINEAR, _resample.BICUBIC]))
        for axis in (0, 1):
            taps = _resample.convolution_taps(pixels.shape[axis], out_size, resample)
            compiled = _resample.convolve(pixels, taps, axis)
            fallback = _resample._convolve_numpy(pixels, taps, axis)
            assert compiled.tobytes() == fallback.tobytes(), (dtype, pixels.shape, out_size, resample, axis)


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
