# recorded on: 2018
"""scipy-lectures-style image processing (2017): misc.face, misc.ascent, imsave, scipy.ndimage.imread."""
from __future__ import print_function

import os
import sys
import tempfile

import numpy as np
import scipy.ndimage
from scipy import misc

out = sys.argv[1] if len(sys.argv) > 1 else tempfile.mkdtemp()
face = misc.face(gray=True)
print("face", face.shape, face.dtype, "mean %.6f" % face.mean(), "max", np.int(face.max()))
colour = misc.face()
print("colour", colour.shape, int(colour[::7, ::5].astype(np.int64).sum()))
ascent = misc.ascent()
print("ascent", ascent.shape, ascent.dtype.kind, int(ascent.sum()))
crop = face[100:-100, 100:-100][::4, ::4]
path = os.path.join(out, "face_crop.png")
misc.imsave(path, crop)
back = scipy.ndimage.imread(path)
print("crop", crop.shape, "back", back.shape, back.dtype, int(back.astype(np.float_).sum()), bool((back == crop).all()))
ecg = misc.electrocardiogram()
print("ecg", ecg.shape, "mean %.8f" % np.float(ecg.mean()))
