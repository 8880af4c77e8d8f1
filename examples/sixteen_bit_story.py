"""The classic 16-bit PNG recipe of the scipy.misc era, unchanged.

Run it with:  python -m scipy_misc_compat run examples/sixteen_bit_story.py
"""
from __future__ import print_function

import os
import tempfile

import numpy as np
from scipy.misc import imread, imsave, toimage

depth = np.array([[0, 1000, 20000], [40000, 65535, 123]], dtype=np.int32)
path = os.path.join(tempfile.mkdtemp(), "depth16.png")
toimage(depth, high=depth.max(), low=depth.min(), mode="I").save(path)
back = imread(path)
print("16-bit round trip:", back.dtype, "equal:", np.array_equal(depth, back))

counts = np.array([[0, 7, 100]], dtype=np.int64)
imsave(path, counts)
print("imsave rescales:", counts.tolist(), "->", imread(path).tolist())
