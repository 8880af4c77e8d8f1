# recorded on: reference
"""Atari frame preprocessing for a DQN agent (2017): gray, resize, crop, scale to [0, 1]."""
from __future__ import print_function

import hashlib

import numpy as np
from scipy.misc import imresize


def rgb2gray(frame):
    # Written out rather than np.dot: numpy 2's dot rounds differently from numpy 1.23's
    # (BLAS), which would change this script's numbers without scipy.misc being involved.
    return 0.299 * frame[..., 0] + 0.587 * frame[..., 1] + 0.114 * frame[..., 2]


def preprocess(frame):
    gray = rgb2gray(frame).astype(np.uint8)
    small = imresize(gray, (110, 84))            # height shrinks, width shrinks
    cropped = small[18:102, :]
    return cropped.astype(np.float) / 255.0


def preprocess_wide(frame):
    return imresize(frame, (80, 105))            # width grows, height shrinks (issue 11)


rng = np.random.RandomState(1)
frame = rng.randint(0, 256, (210, 160, 3)).astype(np.uint8)
frame[100:140, 60:90] = [200, 72, 72]
state = preprocess(frame)
wide = preprocess_wide(frame)
done = np.bool(state.mean() > 0.5)
print("state", state.shape, state.dtype, "%.10f" % state.sum())
print("wide", wide.shape, wide.dtype, int(wide.sum()), hashlib.md5(wide.tobytes()).hexdigest()[:12])
print("done", done, "frames", np.int(4))
