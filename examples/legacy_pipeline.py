"""A legacy image pipeline, written as 2017 code was: it imports from scipy.misc.

Run it unchanged with:  python -m scipy_misc_compat run examples/legacy_pipeline.py [OUTPUT_DIR]
(no scipy needed). It reads an image shipped with the repository, makes a gray
version, resizes it, rescales a difference image, saves the results and prints a
summary: the numbers scipy 1.1.0 printed.
"""
from __future__ import print_function

import os
import sys
import tempfile

import numpy as np
from scipy.misc import bytescale, imread, imresize, imsave

here = os.path.dirname(os.path.abspath(__file__))
output_dir = sys.argv[1] if len(sys.argv) > 1 else tempfile.mkdtemp()

rgb = imread(os.path.join(here, "data", "gradient.png"))
gray = imread(os.path.join(here, "data", "gradient.png"), flatten=True)
small = imresize(rgb, 50)                      # percent
thumb = imresize(gray, (12, 16), interp="bicubic")
edges = np.abs(np.diff(gray, axis=1))
edges8 = bytescale(edges)

imsave(os.path.join(output_dir, "small.png"), small)
imsave(os.path.join(output_dir, "edges.png"), edges8)

print("input      %s %s" % (rgb.shape, rgb.dtype))
print("gray       %s %s mean=%.4f" % (gray.shape, gray.dtype, gray.mean()))
print("small      %s %s sum=%d" % (small.shape, small.dtype, small.sum()))
print("thumb      %s %s sum=%d" % (thumb.shape, thumb.dtype, thumb.sum()))
print("edges8     %s %s sum=%d" % (edges8.shape, edges8.dtype, edges8.sum()))
