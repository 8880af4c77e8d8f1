# A legacy project's test, unmodified since 2017: it imports from scipy.misc.
import numpy as np
from scipy.misc import bytescale, imread, imresize, imsave


def test_thumbnail_roundtrip(tmp_path):
    image = np.arange(48, dtype=float).reshape(6, 8)
    path = str(tmp_path / "thumb.png")
    imsave(path, imresize(image, 50))
    assert imread(path).shape == (3, 4)


def test_bytescale_range():
    assert bytescale(np.array([2.0, 4.0])).tolist() == [0, 255]
