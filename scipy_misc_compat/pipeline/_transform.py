"""scipy 1.1.0's Pillow-based transforms: imresize, imrotate, imfilter, imshow.

Each is ``toimage`` -> one Pillow operation -> ``fromimage``, as in scipy 1.1.0.
The resize is computed by this package (``_resample``: Pillow 9.3.0's algorithm,
which Pillow 13 and Pillow-SIMD no longer compute); for the modes whose image is
just its pixel array (all but ``P`` and ``1``) no PIL image is built at all.
``rotate`` and the ``ImageFilter`` filters are still Pillow's: ``_pillow_delegated``
lists them with the Pillow versions they were verified on, and the tests compare
them with recorded Pillow 9.3 results.
"""

from __future__ import annotations

import os
import shlex
from typing import Any, Optional, Tuple

import numpy as np
from PIL import Image, ImageFilter

from . import _resample
from ..references import current_reference
from ._convert import legacy_fromimage, legacy_pixels, legacy_toimage

#: scipy 1.1.0's interpolation names and the Pillow resampling filter numbers they
#: passed (0 NEAREST, 1 LANCZOS, 2 BILINEAR, 3 BICUBIC; the numbers Pillow still accepts).
RESAMPLE_FILTERS = {"nearest": 0, "lanczos": 1, "bilinear": 2, "bicubic": 3, "cubic": 3}

#: scipy 1.1.0's filter names and the Pillow filters they applied.
IMAGE_FILTERS = {
    "blur": ImageFilter.BLUR,
    "contour": ImageFilter.CONTOUR,
    "detail": ImageFilter.DETAIL,
    "edge_enhance": ImageFilter.EDGE_ENHANCE,
    "edge_enhance_more": ImageFilter.EDGE_ENHANCE_MORE,
    "emboss": ImageFilter.EMBOSS,
    "find_edges": ImageFilter.FIND_EDGES,
    "smooth": ImageFilter.SMOOTH,
    "smooth_more": ImageFilter.SMOOTH_MORE,
    "sharpen": ImageFilter.SHARPEN,
}


class UnknownInterpolationError(KeyError, ValueError):
    """``interp`` is not one of scipy's names (scipy 1.1.0 raised ``KeyError``)."""

    def __str__(self) -> str:  # KeyError would print the repr of its argument
        return str(self.args[0])


def resample_filter(interp: Any) -> int:
    try:
        return RESAMPLE_FILTERS[interp]
    except (KeyError, TypeError):
        raise UnknownInterpolationError(
            "interp=%r is not one of %s" % (interp, ", ".join(sorted(RESAMPLE_FILTERS)))) from None


def legacy_output_size(image_size: Tuple[int, int], size: Any) -> Tuple[int, int]:
    """The (width, height) scipy 1.1.0 resized to, from its ``size`` argument.

    A signed integer (Python or numpy) is a percentage, a float a fraction, both
    truncated towards zero; anything else is indexed as (rows, columns).
    Unsigned numpy integers and bools fall into the last case and fail there, as
    they did.
    """
    if np.issubdtype(type(size), np.signedinteger):
        return tuple(int(n) for n in (np.array(image_size) * (size / 100.0)).astype(int))  # type: ignore
    if np.issubdtype(type(size), np.floating):
        return tuple(int(n) for n in (np.array(image_size) * size).astype(int))  # type: ignore
    return (size[1], size[0])


def legacy_imresize(arr: Any, size: Any, interp: str = "bilinear", mode: Optional[str] = None) -> np.ndarray:
    image = legacy_pixels(arr, mode=mode)
    height, width = image.pixels.shape[:2]
    width_height = legacy_output_size((width, height), size)
    check_output_pixels(width_height)
    resample = resample_filter(interp)
    new_size = _resample.positive_size(width_height)
    if image.mode in ("P", "1") or new_size is None:
        # fromimage converts P and 1 images; a size Pillow refuses raises its error, as in scipy 1.1.0.
        return legacy_fromimage(_resample.resize_image(image.to_image(), width_height, resample))
    # fromimage of these modes is the pixel array itself (uint8, int32 or float32).
    return _resample.resize_pixels(image.pixels, image.mode, new_size[0], new_size[1], resample)


def check_output_pixels(width_height: Any) -> None:
    """Refuse, before allocating, an output beyond Pillow's decompression-bomb limit (2 x MAX_IMAGE_PIXELS).

    scipy 1.1.0 would have tried to allocate it. Lift the limit deliberately with
    ``PIL.Image.MAX_IMAGE_PIXELS = None`` (or a larger number).
    """
    limit = Image.MAX_IMAGE_PIXELS
    try:
        width, height = (int(n) for n in width_height)
    except (TypeError, ValueError):
        return  # not two integers: Pillow raises what scipy 1.1.0 raised
    if limit is not None and width > 0 and height > 0 and width * height > 2 * limit:
        raise ValueError("imresize: an output of %d x %d pixels exceeds the limit of %d pixels (twice "
                         "PIL.Image.MAX_IMAGE_PIXELS); raise that limit to allow it." % (height, width, 2 * limit))


def legacy_imrotate(arr: Any, angle: Any, interp: str = "bilinear") -> np.ndarray:
    image = legacy_toimage(np.asarray(arr))
    resample = resample_filter(interp)
    rotated = current_reference().rotation(image, angle, resample)
    if rotated is None:
        rotated = image.rotate(angle, resample=resample)  # type: ignore[arg-type]
    return legacy_fromimage(rotated)


def legacy_imfilter(arr: Any, ftype: str) -> np.ndarray:
    image = legacy_toimage(arr)  # converted first: its errors come before an unknown ftype's
    if ftype not in IMAGE_FILTERS:
        raise ValueError("Unknown filter type: %r (use one of %s)." % (ftype, ", ".join(sorted(IMAGE_FILTERS))))
    filtered = current_reference().filtered(image, IMAGE_FILTERS[ftype])
    return legacy_fromimage(filtered if filtered is not None else image.filter(IMAGE_FILTERS[ftype]))


def viewer_command() -> list:
    """The viewer from ``SCIPY_PIL_IMAGE_VIEWER`` (default ``see``), split like a shell would split it."""
    return shlex.split(os.environ.get("SCIPY_PIL_IMAGE_VIEWER", "see"))


def legacy_imshow(arr: Any) -> None:
    image = legacy_toimage(arr)
    import subprocess  # only imshow needs these (imported on first use: import time)
    import tempfile
    descriptor, path = tempfile.mkstemp(suffix=".png")
    os.close(descriptor)
    try:
        try:
            image.save(path, format="PNG")
        except Exception as error:
            raise RuntimeError("Error saving temporary image data: %s" % error) from error
        command = viewer_command() + [path]
        try:
            status = subprocess.run(command, shell=False).returncode
        except OSError as error:  # not found, not executable
            raise RuntimeError("Could not execute image viewer %r: %s" % (command[0], error)) from error
        if status != 0:
            raise RuntimeError("Could not execute image viewer: %r exited with status %d." % (command[0], status))
    finally:
        os.unlink(path)


__all__ = ["legacy_imresize", "legacy_imrotate", "legacy_imfilter", "legacy_imshow", "RESAMPLE_FILTERS",
           "IMAGE_FILTERS", "UnknownInterpolationError"]
