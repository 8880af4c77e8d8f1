"""The canary's operations: each delegated Pillow operation on seeded random inputs.

Shared by ``tools/record_canary.py`` (run on Pillow 9.3.0) and
``tests/test_pillow_canary.py`` (run on the installed Pillow). Each operation name is
one of ``scipy_misc_compat.pipeline._pillow_delegated.DELEGATED``; ``run(name)`` returns a dict of
named result arrays (or error class names). Imports numpy and Pillow only.
"""

import io

import numpy as np
from PIL import Image, ImageFilter

SEED = 93
SOURCE_MODES = ("1", "L", "P", "RGB", "RGBA", "CMYK", "YCbCr", "LAB", "HSV", "I", "F", "LA", "PA", "I;16", "RGBX",
                "RGBa", "I;16L", "I;16B")
TARGET_MODES = ("1", "L", "P", "RGB", "RGBA", "RGBX", "CMYK", "YCbCr", "LAB", "HSV", "I", "F", "LA", "PA", "I;16",
                "La", "RGBa", "I;16L", "I;16B", "I;16N")
FILTERS = ("BLUR", "CONTOUR", "DETAIL", "EDGE_ENHANCE", "EDGE_ENHANCE_MORE", "EMBOSS", "FIND_EDGES", "SMOOTH",
           "SMOOTH_MORE", "SHARPEN")


def random_image(rng, mode, size):
    width, height = size
    if mode == "F":
        return Image.frombytes("F", size, (rng.standard_normal((height, width)) * 300).astype(np.float32).tobytes())
    if mode == "I":
        return Image.frombytes("I", size, rng.randint(-100000, 100000, (height, width)).astype(np.int32).tobytes())
    if mode in ("I;16", "I;16L", "I;16B"):
        return Image.frombytes(mode, size, rng.randint(0, 65536, (height, width)).astype("<u2").tobytes())
    if mode == "1":
        return Image.frombytes("1", size, np.packbits(rng.randint(0, 2, (height, width)).astype(bool), 1).tobytes())
    if mode in ("P", "PA"):
        bands = 1 if mode == "P" else 2
        image = Image.frombytes(mode, size, rng.randint(0, 256, (height, width, bands)).astype(np.uint8).tobytes())
        image.putpalette(rng.randint(0, 256, 768).astype(np.uint8).tobytes())
        return image
    bands = len(Image.new(mode, (1, 1)).getbands())
    raw = rng.randint(0, 256, (height, width, bands)).astype(np.uint8)
    return Image.frombytes(mode, size, raw.tobytes())


def _array(image):
    return np.asarray(image.convert("RGBA") if image.mode == "PA" else image).copy()


def _rotate(rng):
    results = {}
    for mode in ("L", "RGB", "RGBA"):
        for resample, name in ((0, "nearest"), (2, "bilinear"), (3, "bicubic")):
            for index in range(6):
                size = (int(rng.randint(1, 24)), int(rng.randint(1, 24)))
                angle = float(np.round(rng.uniform(-720, 720), 3))
                image = random_image(rng, mode, size)
                results["%s/%s/%d/%r" % (mode, name, index, angle)] = _array(image.rotate(angle, resample=resample))
    return results


def _filter(rng):
    results = {}
    for mode in ("L", "RGB", "RGBA"):
        for name in FILTERS:
            for size in ((1, 1), (1, 7), (6, 1), (int(rng.randint(2, 30)), int(rng.randint(2, 30)))):
                image = random_image(rng, mode, size)
                results["%s/%s/%dx%d" % (mode, name, size[0], size[1])] = _array(image.filter(getattr(ImageFilter,
                                                                                                     name)))
    return results


def _convert(rng, refused, through_rgb=None):
    results = {}
    for source in SOURCE_MODES:
        image = random_image(rng, source, (int(rng.randint(1, 17)), int(rng.randint(1, 17))))
        for target in TARGET_MODES:
            if target in refused.get(source, ()):
                continue
            key = "%s->%s" % (source, target)
            source_image = image.convert("RGB") if target in (through_rgb or {}).get(source, ()) else image
            try:
                results[key] = _array(source_image.convert(target))
            except (ValueError, OSError) as error:
                results[key] = np.array(type(error).__name__)
    return results


def _frombytes_1(rng):
    results = {}
    for width in (1, 7, 8, 9, 17):
        raw = rng.randint(0, 256, 3 * ((width + 7) // 8)).astype(np.uint8).tobytes()
        results["width %d" % width] = np.asarray(Image.frombytes("1", (width, 3), raw)).copy()
    return results


def _roundtrip(image, format_name, **params):
    buffer = io.BytesIO()
    image.save(buffer, format=format_name, **params)
    buffer.seek(0)
    with Image.open(buffer) as reopened:
        if reopened.mode == "I;16" and format_name == "PNG":
            # Pillow >= 10.3 opens 16-bit gray PNG as I;16; the package converts it to I as Pillow 9.3
            # opened it (_convert.as_scipy_era_mode): compare what the package then sees.
            return np.asarray(reopened.convert("I")).copy()
        return _array(reopened)


def _png(rng):
    results = {}
    for mode in ("L", "LA", "P", "RGB", "RGBA", "1", "I;16"):
        image = random_image(rng, mode, (int(rng.randint(1, 40)), int(rng.randint(1, 40))))
        results[mode] = _roundtrip(image, "PNG")
    return results


def jpeg_inputs(rng):
    """(name, image, save parameters) of the JPEG files the decode canary reads."""
    smooth = np.cumsum(rng.randint(-6, 7, (37, 53, 3)), axis=1) + 128
    colour = Image.frombytes("RGB", (53, 37), np.clip(smooth, 0, 255).astype(np.uint8).tobytes())
    return [
        ("rgb_420_q75", colour, {"quality": 75}),
        ("rgb_444_q90", colour, {"quality": 90, "subsampling": 0}),
        ("rgb_progressive_q60", colour, {"quality": 60, "progressive": True}),
        ("gray_q85", colour.convert("L"), {"quality": 85}),
        ("rgb_422_q50", colour, {"quality": 50, "subsampling": 1}),
    ]


def _jpeg_encode(rng):
    results = {}
    for name, image, _ in jpeg_inputs(rng):
        results[name] = _roundtrip(image, "JPEG")  # Pillow's defaults, as imsave(...jpg) used
    return results


def _jpeg_decode(rng, files):
    results = {}
    for name, data in files.items():
        with Image.open(io.BytesIO(data)) as image:
            results[name] = _array(image)
    return results


def _bmp_tiff_gif(rng):
    results = {}
    for format_name, modes in (("BMP", ("1", "L", "P", "RGB")), ("TIFF", ("1", "L", "P", "RGB", "RGBA", "I", "F",
                                                                          "CMYK", "I;16")),
                               ("GIF", ("L", "P"))):
        for mode in modes:
            image = random_image(rng, mode, (int(rng.randint(1, 30)), int(rng.randint(1, 30))))
            results["%s/%s" % (format_name, mode)] = _roundtrip(image, format_name)
    return results


def jpeg_files():
    """The JPEG files encoded on Pillow 9.3.0 that the decode canary reads (made by the recorder)."""
    files = {}
    for name, image, params in jpeg_inputs(np.random.RandomState(SEED)):
        buffer = io.BytesIO()
        image.save(buffer, format="JPEG", **params)
        files[name] = buffer.getvalue()
    return files


def run(name, refused, files=None, through_rgb=None):
    """The results of one delegated operation on its seeded inputs."""
    rng = np.random.RandomState(SEED + sum(map(ord, name)))
    if name == "rotate":
        return _rotate(rng)
    if name == "filter":
        return _filter(rng)
    if name == "convert":
        return _convert(rng, refused, through_rgb)
    if name == "frombytes_1":
        return _frombytes_1(rng)
    if name == "png":
        return _png(rng)
    if name == "jpeg_encode":
        return _jpeg_encode(np.random.RandomState(SEED))
    if name == "jpeg_decode":
        return _jpeg_decode(rng, files)
    if name == "bmp_tiff_gif":
        return _bmp_tiff_gif(rng)
    raise ValueError(name)
