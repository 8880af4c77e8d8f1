"""A 2017 project's tests: they use np.float, np.asscalar and Image.ANTIALIAS next to scipy.misc."""
import numpy as np
import scipy.misc
from PIL import Image


def test_bytescale_maps_the_range_to_uint8():
    data = np.array([[0.0, 0.5, 1.0]], dtype=np.float)
    scaled = scipy.misc.bytescale(data)
    assert scaled.dtype == np.uint8
    assert np.asscalar(scaled[0, -1]) == 255 and np.asscalar(scaled[0, 0]) == 0


def test_imresize_returns_uint8_of_the_requested_size():
    image = np.arange(64, dtype=np.int).reshape(8, 8)
    small = scipy.misc.imresize(image, (4, 2), interp="bilinear")
    assert small.shape == (4, 2) and small.dtype == np.uint8


def test_pillow_antialias_is_lanczos():
    assert Image.ANTIALIAS == Image.LANCZOS
    assert Image.fromarray(np.zeros((4, 4), np.uint8)).resize((8, 8), Image.ANTIALIAS).size == (8, 8)


def test_old_type_aliases():
    assert np.float is float and np.int is int and np.float_ is np.float64
    assert np.product([2, 3]) == 6 and np.NaN != np.NaN
