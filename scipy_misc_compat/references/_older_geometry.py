"""Older Pillow geometry, for the rows of ``_changes`` that concern ``rotate``."""

from __future__ import annotations

from typing import Any, Optional

import numpy as np
from PIL import Image

from .._pixels import premultiply, unpremultiply

NEAREST = 0  # Image.NEAREST (Image.Resampling.NEAREST since Pillow 9.1)


def premultiplied_nearest_rotation(reference: Any, image: Image.Image, angle: float,
                                   resample: Any) -> Optional[Image.Image]:
    """Pillow < 8.2 rotated RGBA through premultiplied RGBa with NEAREST too (0 and 180 degrees
    were a copy and a transposition, as they still are); None where that made no difference."""
    if image.mode != "RGBA" or resample != NEAREST or angle % 360.0 in (0.0, 180.0):
        return None
    premultiplied = premultiply(np.asarray(image))
    rotated = Image.fromarray(premultiplied).rotate(angle, resample=resample)  # RGBA holding RGBa samples
    return Image.fromarray(unpremultiply(np.asarray(rotated)))  # uint8 (h, w, 4): RGBA


def premultiplied_nearest_resize(reference: Any) -> bool:
    """Pillow < 8.2 resized LA / RGBA premultiplied by alpha with NEAREST too (python-pillow/Pillow#5304)."""
    return True
