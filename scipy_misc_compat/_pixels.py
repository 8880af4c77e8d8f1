"""Bottom floor: PIL images from pixel arrays and the pixel arithmetic Pillow does inside.

Nothing here knows a reference or a version; every other module may import it.
"""

from __future__ import annotations

import importlib
from typing import Any

import numpy as np
from PIL import Image

resample_kernels: Any  # the compiled extension module (_resample_kernels.c), or None
try:
    resample_kernels = importlib.import_module(__package__ + "._resample_kernels")
except ImportError:  # built without a C compiler: numpy computes the same bits
    resample_kernels = None


#: scipy 1.1.0's default palette for ``toimage(..., mode='P')``: the gray ramp (also Pillow's default palette).
GRAY_RAMP = np.repeat(np.arange(256, dtype=np.uint8), 3).tobytes()


def pil_size(rows: int, columns: int) -> tuple:
    return (columns, rows)  # PIL sizes are (width, height)


def image_from_pixels(mode: str, pixels: np.ndarray, palette: Any = None) -> Image.Image:
    """The PIL image of ``mode`` whose ``np.asarray`` is ``pixels`` (with ``palette`` for ``P``)."""
    if mode == "1":
        # Bool pixels as Pillow's packed 1-bit raw data (eight pixels a byte).
        image = Image.frombytes("1", pil_size(*pixels.shape), np.packbits(pixels, axis=-1).tobytes())
    else:
        image = Image.frombytes(mode, pil_size(*pixels.shape[:2]), np.ascontiguousarray(pixels))
    if palette is not None:
        image.putpalette(palette)
    return image


def sixteen_bit_gray(samples: np.ndarray) -> Image.Image:
    """The ``I;16`` image of a 2-D array of little-endian 16-bit samples (signed ones read as unsigned)."""
    height, width = samples.shape
    return Image.frombuffer("I;16", (width, height), np.ascontiguousarray(samples), "raw", "I;16", 0, 1)


def premultiply(pixels: np.ndarray) -> np.ndarray:
    """Pillow's RGBA -> RGBa (and LA -> La): colour * alpha / 255, rounded, on an (H, W, bands) array."""
    out = np.empty_like(pixels)
    alpha = pixels[..., -1:]
    out[..., -1:] = alpha
    # colour * alpha + 128 <= 65153: exact in uint16, half the memory of wider temporaries.
    product = pixels[..., :-1].astype(np.uint16)
    product *= alpha
    product += 128
    out[..., :-1] = ((product >> 8) + product) >> 8
    return out


def unpremultiply(pixels: np.ndarray) -> np.ndarray:
    """Pillow's RGBa -> RGBA (and La -> LA): colour * 255 / alpha, truncated and clipped; alpha 0 kept."""
    out = pixels.copy()
    alpha = pixels[..., -1:].astype(np.uint16)
    scaled = pixels[..., :-1].astype(np.uint16)
    scaled *= 255  # <= 65025: exact in uint16
    scaled //= np.maximum(alpha, 1)
    np.minimum(scaled, 255, out=scaled)
    partial = (alpha != 0) & (alpha != 255)
    np.copyto(out[..., :-1], scaled, where=partial, casting="unsafe")
    return out


__all__ = ["GRAY_RAMP", "resample_kernels", "pil_size", "image_from_pixels", "sixteen_bit_gray", "premultiply",
           "unpremultiply"]
