"""Thumbnail and augmentation cache of an image dataset, written the way 2017 code was.

Colour photos -> gray previews, smoothed previews, RGBA augmentations (nearest-neighbour
resize and rotation), JPEG thumbnails and WEB-palette previews, every result written as an
image file: the golden files whose stack ``which-reference`` has to find. Run as
``python thumbnail_cache.py OUT`` (scipy <= 1.2 installed) or ``scipy-misc-compat run
thumbnail_cache.py OUT``.
"""
from __future__ import print_function

import os
import sys

import numpy as np
from scipy.misc import imfilter, imread, imresize, imrotate, imsave, toimage

out = sys.argv[1]
photos = os.path.join(out, "photos")
os.makedirs(photos)

rng = np.random.RandomState(2017)
for index, (height, width) in enumerate([(48, 64), (61, 45)]):
    y, x = np.mgrid[0:height, 0:width].astype(float)
    photo = np.stack([x * 255.0 / width, y * 255.0 / height, (x + y) % 32 * 8.0], axis=-1)
    photo += rng.normal(0, 20, photo.shape)
    imsave(os.path.join(photos, "photo_%d.png" % index), np.clip(photo, 0, 255).astype(np.uint8))

for name in sorted(os.listdir(photos)):
    path = os.path.join(photos, name)
    stem = os.path.splitext(name)[0]
    gray = imread(path, mode="L")
    imsave(os.path.join(out, stem + "_gray.png"), gray)
    imsave(os.path.join(out, stem + "_smooth.png"), imfilter(gray, "smooth"))
    colour = imread(path)
    alpha = np.where(colour[..., 0] > 128, 255, 90).astype(np.uint8)
    rgba = np.dstack([colour, alpha])
    imsave(os.path.join(out, stem + "_small.png"), imresize(rgba, (24, 32), interp="nearest"))
    imsave(os.path.join(out, stem + "_rotated.png"), imrotate(rgba, 30, interp="nearest"))
    toimage(colour).save(os.path.join(out, stem + "_thumb.jpg"), quality=85)
    imsave(os.path.join(out, stem + "_web.png"), imread(path, mode="P"))
print("wrote", len(os.listdir(out)) - 1, "files into", out)
