# recorded on: reference
"""DCGAN-style image utilities (2017): save a grid of generated samples, center-crop and resize."""
from __future__ import print_function

import hashlib
import os
import sys
import tempfile

import numpy as np
import scipy.misc


def inverse_transform(images):
    return (images + 1.) / 2.


def merge(images, size):
    h, w = images.shape[1], images.shape[2]
    img = np.zeros((np.int(h * size[0]), np.int(w * size[1]), 3), dtype=np.float)
    for idx, image in enumerate(images):
        i = idx % size[1]
        j = idx // size[1]
        img[j * h:j * h + h, i * w:i * w + w, :] = image
    return img


def center_crop(x, crop_h, crop_w, resize_h=6, resize_w=6):
    h, w = x.shape[:2]
    j = int(round((h - crop_h) / 2.))
    i = int(round((w - crop_w) / 2.))
    return scipy.misc.imresize(x[j:j + crop_h, i:i + crop_w], [resize_h, resize_w])


def digest(array):
    return hashlib.md5(np.ascontiguousarray(array).tobytes()).hexdigest()[:12]


out = sys.argv[1] if len(sys.argv) > 1 else tempfile.mkdtemp()
rng = np.random.RandomState(0)
batch = rng.uniform(-1, 1, (6, 8, 8, 3)).astype(np.float32)
grid = merge(inverse_transform(batch), [2, 3])
path = os.path.join(out, "train_00_0001.png")
scipy.misc.imsave(path, grid)
back = scipy.misc.imread(path)
crop = center_crop(back, 10, 12)
print("grid", grid.shape, "saved", back.dtype, int(back.sum()), digest(back))
print("crop", crop.shape, crop.dtype, int(crop.sum()), digest(crop))
flags = (back[..., 0] > 128).astype(np.bool)
print("bright", int(flags.sum()), "of", np.int(flags.size))
