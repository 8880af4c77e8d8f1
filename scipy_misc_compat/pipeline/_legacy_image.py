"""The PIL image type that ``toimage`` returns, and how legacy images are written.

scipy 1.1.0's ``toimage(..., mode='I')`` returned a mode ``I`` image whose
``.save('x.png')`` wrote a 16-bit grayscale PNG, values clipped to 0..65535:
Pillow up to 11.2 encoded mode ``I`` that way.  Pillow 11.3 deprecated it and
Pillow 13 refuses it.  ``LegacyImage.save`` writes the same file on every Pillow
by handing Pillow the equivalent ``I;16`` image, which all versions can save.
"""

from __future__ import annotations

import os
from typing import IO, Any, Optional, Union

import numpy as np
from PIL import Image

from . import _io
from ._io import format_from_name
from .._pixels import sixteen_bit_gray
from ..references import current_reference

PathOrFile = Union[str, bytes, "os.PathLike[str]", IO[bytes]]


def as_sixteen_bit_gray(image: Image.Image) -> Image.Image:
    """A mode ``I`` image as the ``I;16`` image that scipy-era Pillow wrote to PNG (clipped)."""
    return sixteen_bit_gray(np.clip(np.asarray(image, dtype=np.int32), 0, 65535).astype("<u2"))


class LegacyImage(Image.Image):
    """A ``PIL.Image.Image`` whose ``save`` writes mode ``I`` to PNG as scipy 1.1.0's Pillow did.

    Saved to a path, it is written like ``imsave`` writes (atomically: a failed save leaves
    the path as it was, where Pillow's own ``save`` truncates an existing file first).
    Everything else is plain Pillow; images derived from it (``convert``, ``resize``, ...)
    are ordinary ``PIL.Image.Image`` objects.
    """

    def save(self, fp: Any, format: Optional[str] = None, **params: Any) -> None:  # noqa: A002
        if _io.is_path(fp) and not params.get("append"):  # append edits the file in place, as Pillow does
            return _io.save_image(self, fp, format, **params)  # calls back with a file object
        target = (format or format_from_name(fp) or "").upper()
        if self.mode == "I" and target == "PNG":
            return as_sixteen_bit_gray(self).save(fp, format, **params)
        if target in ("JPEG", "JPG"):
            encoded = current_reference().encoded_jpeg(self, params)
            if encoded is not None:
                return _io.write_bytes(fp, encoded)
        return super().save(fp, format, **params)


def as_legacy_image(image: Image.Image) -> LegacyImage:
    """Give an image made by this package the ``LegacyImage`` behaviour (no copy)."""
    image.__class__ = LegacyImage
    return image  # type: ignore[return-value]


__all__ = ["LegacyImage", "as_legacy_image", "format_from_name", "sixteen_bit_gray", "as_sixteen_bit_gray"]
