"""What the 2018 stack computed differently (reference ``2018``: Pillow 5.3.0, IJG libjpeg 9c).

Each function here reproduces one behaviour of scipy 1.1.0 on Python 3.7 + numpy 1.15.4 +
Pillow 5.3.0 that later Pillow changed, learned from the release notes and checked against
the 2018 recording (``tests/fixtures/legacy_2018``, ``tests/test_legacy_2018.py``). The
legacy functions call them only when ``_reference.is_2018()``.
"""

from __future__ import annotations

from typing import Optional

import numpy as np
from PIL import Image

from . import _resample

#: Colour modes whose conversion to gray Pillow < 7.0 truncated instead of rounding.
_COLOUR_SOURCES = ("RGB", "RGBA", "RGBX", "CMYK", "P")


def truncated_luma(rgb: np.ndarray) -> np.ndarray:
    """Pillow < 7.0's RGB -> L: ``(299 R + 587 G + 114 B) / 1000``, truncated (7.0 rounds in fixed point)."""
    channels = rgb.astype(np.int32)
    return ((channels[..., 0] * 299 + channels[..., 1] * 587 + channels[..., 2] * 114) // 1000).astype(np.uint8)


def convert(image: Image.Image, mode: str) -> Optional[Image.Image]:
    """Pillow 5.3's ``image.convert(mode)`` where it differs from Pillow 9.3's; None where it does not."""
    if mode == "I;16" and image.mode in ("I", "I;16"):
        return _to_i16_clipped_signed(image)
    if image.mode == "YCbCr" and mode in ("I", "LA"):  # Pillow 5.3 went through RGB (Y is not its luma)
        image = image.convert("RGB")
    if mode not in ("L", "I", "LA") or image.mode not in _COLOUR_SOURCES:
        return None
    rgb_image = image if image.mode in ("RGB", "RGBA", "RGBX") else image.convert("RGBA" if _has_alpha(image) else
                                                                             "RGB")
    pixels = np.asarray(rgb_image)
    gray = truncated_luma(pixels)
    if mode == "L":
        return Image.fromarray(gray, "L")
    if mode == "I":
        return Image.fromarray(gray.astype(np.int32), "I")
    alpha = pixels[..., 3] if pixels.shape[-1] == 4 and rgb_image.mode == "RGBA" else np.full_like(gray, 255)
    return Image.fromarray(np.stack([gray, alpha], axis=-1), "LA")


def _to_i16_clipped_signed(image: Image.Image) -> Image.Image:
    """Pillow 5.3's I -> I;16: clipped to the int16 range, its low 16 bits kept (Pillow 9.3 clips to
    0..65535), so 40000 became 32767 and -5 became 32768 (-32768)."""
    values = np.asarray(image).astype(np.int64)
    clipped = np.clip(values, -32768, 32767).astype(np.int16).view(np.uint16)
    return Image.frombytes("I;16", image.size, clipped.astype("<u2").tobytes())


def _has_alpha(image: Image.Image) -> bool:
    """A palette image whose conversion keeps alpha (``P`` with transparency converts through RGBA)."""
    return image.mode == "P" and "transparency" in image.info


def nearest_resize_premultiplied(pixels: np.ndarray, width: int, height: int) -> np.ndarray:
    """Pillow < 8.2 resized RGBA with NEAREST through premultiplied RGBa, as every other filter
    (a same-size resize was a plain copy)."""
    if pixels.shape[:2] == (height, width):
        return pixels.copy()
    return _resample.unpremultiply(_resample.nearest_resize(_resample.premultiply(pixels), width, height))


def rotate(image: Image.Image, angle: float, resample: int) -> Image.Image:
    """Pillow < 8.2 rotated RGBA through premultiplied RGBa with NEAREST too (0 and 180 degrees
    were a copy and a transposition, as they still are)."""
    if image.mode != "RGBA" or resample != Image.NEAREST or angle % 360.0 in (0.0, 180.0):
        return image.rotate(angle, resample=resample)
    premultiplied = _resample.premultiply(np.asarray(image))
    rotated = Image.frombytes("RGBA", image.size, premultiplied.tobytes()).rotate(angle, resample=resample)
    return Image.fromarray(_resample.unpremultiply(np.asarray(rotated)), "RGBA")


__all__ = ["truncated_luma", "convert", "nearest_resize_premultiplied", "rotate"]
