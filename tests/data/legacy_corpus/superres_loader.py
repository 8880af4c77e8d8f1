# recorded on: reference
"""Super-resolution training pairs (2017): Pillow ANTIALIAS upscale, scipy.misc bicubic downscale, toimage."""
from __future__ import print_function

import hashlib
import os
import sys
import tempfile

import numpy as np
import scipy.misc
from PIL import Image

here = os.path.dirname(os.path.abspath(__file__))
source = os.path.join(here, "..", "..", "..", "examples", "data", "gradient.png")
out = sys.argv[1] if len(sys.argv) > 1 else tempfile.mkdtemp()

hr = scipy.misc.imread(source, mode="RGB").astype(np.float_)
lr = scipy.misc.imresize(hr, 0.5, interp="bicubic")
bigger = Image.open(source).convert("RGB").resize((2 * hr.shape[1], 2 * hr.shape[0]), Image.ANTIALIAS)
bigger = np.asarray(bigger)
normalised = (hr / 127.5) - 1.0
image = scipy.misc.toimage(normalised, cmin=-1.0, cmax=1.0)
image.save(os.path.join(out, "hr.png"))
again = scipy.misc.imread(os.path.join(out, "hr.png"))
print("hr", hr.shape, hr.dtype, "lr", lr.shape, lr.dtype, int(lr.sum()))
print("antialias x2", bigger.shape, int(bigger.astype(np.int64).sum()), hashlib.md5(bigger.tobytes()).hexdigest()[:12])
print("toimage", image.mode, image.size, int(again.sum()), np.float(again.mean()) > 0)
