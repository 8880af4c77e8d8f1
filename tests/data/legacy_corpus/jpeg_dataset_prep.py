# recorded on: 2018
# replayed with: --reference 2018
"""Image-classification dataset preparation (2017): JPEG photos -> gray and colour 64x64 arrays,
augmented with rotations, thumbnails written back as JPEG. Its numbers depend on the stack it ran
on (libjpeg 9 vs libjpeg-turbo, Pillow < 7 truncating RGB -> L): golden files made in 2018 are
reproduced by ``run --reference 2018``, and differ under the default reference."""
from __future__ import print_function

import glob
import hashlib
import os
import sys

import numpy as np
from scipy.misc import imread, imresize, imrotate, imsave, toimage

out = sys.argv[1]


def digest(array):
    return hashlib.md5(np.ascontiguousarray(array).tobytes()).hexdigest()[:12]


def fake_photo(rng, height, width):
    """Smooth colour gradients with noise and a bright object: enough structure for JPEG."""
    y, x = np.mgrid[0:height, 0:width].astype(np.float)
    photo = np.stack([x * 255.0 / width, y * 255.0 / height, (x + y) % 64 * 4.0], axis=-1)
    photo += rng.normal(0, 12, photo.shape)
    top, left = rng.randint(0, height // 2), rng.randint(0, width // 2)
    photo[top:top + height // 4, left:left + width // 3] = rng.randint(150, 256, 3)
    return np.clip(photo, 0, 255).astype(np.uint8)


# 1. the "downloaded" photos: JPEG files at odd sizes
rng = np.random.RandomState(2017)
photos = os.path.join(out, "photos")
os.makedirs(photos)
for index, (height, width) in enumerate([(97, 130), (120, 90), (75, 75), (143, 211)]):
    imsave(os.path.join(photos, "img_%03d.jpg" % index), fake_photo(rng, height, width))

# 2. the dataset: colour and gray 64x64 arrays, scaled to [0, 1]
colour, gray, flat = [], [], []
for path in sorted(glob.glob(os.path.join(photos, "*.jpg"))):
    colour.append(imresize(imread(path, mode="RGB"), (64, 64)).astype(np.float) / 255.0)
    gray.append(imresize(imread(path, mode="L"), (64, 64), interp="bicubic"))
    flat.append(imread(path, flatten=True))
colour, gray = np.array(colour, dtype=np.float32), np.array(gray)
# float32 sums accumulated in float64 (exact here): numpy 1.15 and numpy 2 add float32 in another
# order, which would change the last digits without scipy.misc being involved
print("colour", colour.shape, colour.dtype, "%.6f" % colour.sum(dtype=np.float64), digest(colour))
print("gray", gray.shape, gray.dtype, int(gray.sum()), digest(gray))
print("flatten", [f.shape for f in flat], "%.3f" % sum(f.sum(dtype=np.float64) for f in flat))

# 3. augmentation: rotations of the colour images with an alpha channel, nearest neighbour
rgba = np.concatenate([(colour[0] * 255).astype(np.uint8), np.full((64, 64, 1), 255, np.uint8)], axis=-1)
rgba[:8, :8, 3] = 0
for angle in (15, 90, 200):
    rotated = imrotate(rgba, angle, interp="nearest")
    print("rotated", angle, rotated.shape, int(rotated[..., :3].sum()), digest(rotated))

# 4. thumbnails written back as JPEG (quality 90), and what a reader gets from them
for index, image in enumerate(gray):
    toimage(image).save(os.path.join(out, "thumb_%d.jpg" % index), quality=90)
thumbs = [imread(os.path.join(out, "thumb_%d.jpg" % index)) for index in range(len(gray))]
print("thumbs", [digest(t) for t in thumbs])
print("labels", np.int(len(thumbs)), np.bool(len(thumbs) == 4))
