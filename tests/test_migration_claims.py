"""Numbers MIGRATION.md states about third-party replacements, measured here.

scikit-image needs scipy, and the oldest CI stack deliberately has no scipy (it tests
``install()`` without scipy), so scikit-image is installed on Python >= 3.10 only
(pyproject's ``test`` extra) and these tests run in the newest CI job.
"""

import os

import numpy as np
import pytest

from scipy_misc_compat import fromimage, imresize

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
transform = pytest.importorskip("skimage.transform", reason="scikit-image needs scipy; the scipy-less stack "
                                "(oldest) cannot have it")
color = pytest.importorskip("skimage.color")


def migration_text():
    with open(os.path.join(ROOT, "MIGRATION.md")) as handle:
        return handle.read()


def wave_image():
    """The picture the table was measured on: smooth waves and a sharp vertical edge."""
    y, x = np.mgrid[0:120, 0:160]
    return ((np.sin(x / 7.0) * np.cos(y / 11.0) + 1) * 100 + (x > 80) * 50).astype(np.uint8)


def skimage_resize_table():
    image = wave_image()
    lines = ["| output shape (from 120 x 160) | `resize(img, shape)` x 255, rounded | "
             "`resize(img, shape, order=1, preserve_range=True, anti_aliasing=False)`, rounded |",
             "|---|---|---|"]
    for shape in ((60, 80), (45, 70), (240, 320)):
        legacy = imresize(image, shape).astype(np.int64)
        cells = []
        for modern in (np.round(transform.resize(image, shape) * 255),
                       np.round(transform.resize(image, shape, order=1, preserve_range=True, anti_aliasing=False))):
            difference = np.abs(modern - legacy)
            cells.append("max %d, mean %.2f, %.0f%% of pixels differ" % (
                difference.max(), difference.mean(), 100.0 * np.count_nonzero(difference) / difference.size))
        lines.append("| %d x %d | %s |" % (shape + (" | ".join(cells),)))
    return "\n".join(lines)


def test_skimage_resize_table_is_the_measured_one():
    assert skimage_resize_table() in migration_text(), skimage_resize_table()


def test_skimage_rgb2gray_weights_differ_from_flatten():
    from PIL import Image
    pixel = Image.new("RGB", (1, 1), (10, 20, 30))
    legacy = float(fromimage(pixel, flatten=True)[0, 0])
    modern = float(color.rgb2gray(np.array([[[10, 20, 30]]], np.uint8))[0, 0] * 255)
    assert "`flatten=True` gives %.2f" % legacy in migration_text()
    assert "`rgb2gray(...) * 255` gives %.2f" % modern in migration_text()


def test_forwarded_names_equal_scipy_special():
    special = pytest.importorskip("scipy.special")
    from scipy_misc_compat import misc
    assert misc.comb(10, 3) == special.comb(10, 3) and misc.comb(30, 7, exact=True) == special.comb(30, 7, exact=True)
    assert misc.factorial(5, exact=True) == special.factorial(5, exact=True)
    assert misc.factorial2(7, exact=True) == special.factorial2(7, exact=True)
    assert misc.factorialk(10, 3, exact=True) == special.factorialk(10, 3, exact=True)
    values = np.array([1.0, 2.0, 3.0])
    assert misc.logsumexp(values) == special.logsumexp(values)


def test_modern_derivative_is_adaptive():
    differentiate = pytest.importorskip("scipy.differentiate", reason="scipy >= 1.15 has scipy.differentiate")
    from scipy_misc_compat.misc import derivative
    assert derivative(lambda x: x ** 3, 1.0, dx=1.0) == 4.0
    assert round(float(differentiate.derivative(lambda x: x ** 3, 1.0).df), 12) == 3.0
    assert "was 4.0, the modern one gives 3.0" in migration_text()
