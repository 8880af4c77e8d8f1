#!/usr/bin/env python
"""A legacy pipeline (scipy 1.1.0 era): writes its results into the directory given as argv[1]."""
import os
import sys

import numpy as np
import scipy.misc  # the images
from scipy.misc import imread as read_image, imsave
from scipy.misc import (bytescale,
                        toimage)  # kept on one import

from lib import filters


def main(out):
    ramp = np.linspace(-3.5, 900.25, 48 * 64).reshape(48, 64)
    counts = np.arange(48 * 64, dtype=np.int32).reshape(48, 64) % 300
    imsave(os.path.join(out, "ramp.png"), ramp)           # legacy: bytescaled
    scipy.misc.imsave(os.path.join(out, "counts.png"), counts)
    np.save(os.path.join(out, "reread.npy"), read_image(os.path.join(out, "ramp.png")))
    np.save(os.path.join(out, "scaled.npy"), bytescale(counts, cmin=10, cmax=200, low=5, high=250))
    np.save(os.path.join(out, "toimage.npy"), np.asarray(toimage(ramp, mode="I", high=60000, low=0)))
    np.save(os.path.join(out, "small.npy"), scipy.misc.imresize(ramp, 0.5, interp="bicubic"))
    np.save(os.path.join(out, "rotated.npy"), scipy.misc.pilutil.imrotate(counts, 30))
    np.save(os.path.join(out, "filtered.npy"), filters.edges(ramp))
    np.save(os.path.join(out, "weights.npy"), scipy.misc.central_diff_weights(5))


if __name__ == "__main__":
    main(sys.argv[1])
