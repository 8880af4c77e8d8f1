"""Older Pillow ``ImageFilter`` kernels, for the row of ``_changes`` that concerns ``imfilter``.

Pillow's 3x3 and 5x5 kernel filters weigh the neighbourhood (the kernel applied upside down),
divide by the kernel's scale and add its offset; the border rows and columns (one for 3x3,
two for 5x5) are copied, and an image smaller than the kernel is copied whole. Before Pillow
4.3 the exact sum was divided and truncated to 0..255; since, the weights are divided first
in float32, the sum starts at offset + 1/2 and is truncated (rounded). Every band is filtered on its own.
The rounded form is kept as the twin that tests compare with the installed Pillow.
"""

from __future__ import annotations

from typing import Any, Optional

import numpy as np
from PIL import Image


def _float32_sums(band: np.ndarray, kernel: np.ndarray, scale: int, start: float) -> np.ndarray:
    """Pillow's float32 sums of every interior pixel, in its operation order.

    The weights are divided by the scale first (float32); each kernel row multiplies the
    image row at the opposite side of the centre (the kernel is applied upside down),
    left to right, and is added to the running sum, which starts at ``start``."""
    size = kernel.shape[0]
    margin = size // 2
    height, width = band.shape
    rows, columns = height - 2 * margin, width - 2 * margin
    weights = kernel.astype(np.float32) / np.float32(scale)
    samples = band.astype(np.float32)
    total = np.full((rows, columns), start, dtype=np.float32)
    for row in range(size):
        source = samples[size - 1 - row:size - 1 - row + rows]
        line = source[:, 0:columns] * weights[row, 0]
        for column in range(1, size):
            line = line + source[:, column:column + columns] * weights[row, column]
        total = total + line
    return total


def _integer_sums(band: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    """The exact weighted sums of every interior pixel (integer weights, the kernel upside down)."""
    size = kernel.shape[0]
    margin = size // 2
    rows, columns = band.shape[0] - 2 * margin, band.shape[1] - 2 * margin
    samples = band.astype(np.int32)  # 25 taps of 255 * |weight| <= 255 * 100 each: far inside int32
    total = np.zeros((rows, columns), dtype=np.int32)
    for row in range(size):
        for column in range(size):
            if kernel[row, column]:
                total += int(kernel[row, column]) * samples[size - 1 - row:size - 1 - row + rows,
                                                            column:column + columns]
    return total


def filtered_band(band: np.ndarray, kernel: np.ndarray, scale: int, offset: int, rounded: bool) -> np.ndarray:
    """One uint8 band filtered as Pillow did: ``rounded`` (4.3 and later: float32 weights divided by the
    scale, half added) or truncated (before: the exact sum divided by the scale, truncated)."""
    size = kernel.shape[0]
    margin = size // 2
    out = band.copy()
    if band.shape[0] < size or band.shape[1] < size:
        return out
    if rounded:  # the running sum starts at offset + 1/2 (measured: adding 1/2 last differs at ties)
        values = np.trunc(np.clip(_float32_sums(band, kernel, scale, offset + 0.5), 0, 255))
    else:  # sum / scale + offset, truncated towards zero, clipped: the same as floor for what is kept
        values = np.clip(np.floor_divide(_integer_sums(band, kernel) + offset * scale, scale), 0, 255)
    out[margin:band.shape[0] - margin, margin:band.shape[1] - margin] = values.astype(np.uint8)
    return out


def _kernel_of(image_filter: Any) -> Optional[tuple]:
    arguments = getattr(image_filter, "filterargs", None)
    if arguments is None:
        return None
    (width, height), scale, offset, weights = arguments
    if width != height or any(float(w) != int(w) for w in weights) or float(scale) != int(scale):
        return None
    return np.array(weights, dtype=np.int64).reshape(height, width), int(scale), int(offset)


def truncated_kernel_filter(reference: Any, image: Image.Image, image_filter: Any) -> Optional[Image.Image]:
    """``image.filter(image_filter)`` as Pillow < 4.3 for the kernels that divide (scale > 1): truncated."""
    kernel = _kernel_of(image_filter)
    if kernel is None or kernel[1] == 1 or image.mode not in ("L", "RGB", "RGBA"):
        return None
    weights, scale, offset = kernel
    pixels = np.asarray(image)
    if pixels.ndim == 2:
        return Image.fromarray(filtered_band(pixels, weights, scale, offset, rounded=False))
    bands = [filtered_band(np.ascontiguousarray(pixels[..., band]), weights, scale, offset, rounded=False)
             for band in range(pixels.shape[-1])]
    return Image.fromarray(np.stack(bands, axis=-1))  # uint8 (h, w, 3 or 4): RGB or RGBA


__all__ = ["filtered_band", "truncated_kernel_filter"]
