"""``exact=True`` for arrays and PIL images: values are kept, or a ValueError says why not.

The legacy functions always rescaled; their ``exact=True`` variants never rescale,
clip, round or convert. Each refuses (``ExactStorageError``, a ``ValueError``) the
legacy-only arguments that would change data, and inputs no exact mode can hold.
"""

from __future__ import annotations

from typing import Any, Optional

import numpy as np
from PIL import Image

from ._exact_codecs import ExactStorageError, pillow_samples

#: dtype of a 2-D array -> the PIL mode holding it unchanged.
GRAY_MODES = {np.dtype(bool): "1", np.dtype(np.uint8): "L", np.dtype(np.uint16): "I;16",
              np.dtype(np.int32): "I", np.dtype(np.float32): "F"}

#: channels of a uint8 HxWxC array -> the PIL modes holding it unchanged (first is the default).
COLOR_MODES = {2: ("LA",), 3: ("RGB", "YCbCr"), 4: ("RGBA", "CMYK")}

#: Modes whose samples ``fromimage(exact=True)`` returns as they are.
_SAMPLE_MODES_HINT = "1, L, P, LA, RGB, RGBA, I;16, I, F"


def refuse_rescaling(function: str, cmin: Any = None, cmax: Any = None, high: Any = 255, low: Any = 0) -> None:
    """``exact=True`` accepts only the identity mapping (cmin/cmax unset or 0/255, high 255, low 0)."""
    identity = (cmin is None or cmin == 0) and (cmax is None or cmax == 255) and high == 255 and low == 0
    if not identity:
        raise ExactStorageError(
            "%s(exact=True) never rescales, but cmin=%r, cmax=%r, high=%r, low=%r would change the values; "
            "drop them, or call without exact=True for scipy 1.1.0's rescaling." % (function, cmin, cmax, high, low))


def exact_bytescale(data: Any) -> np.ndarray:
    """``data`` as uint8 when every value is an integer in 0..255, else ExactStorageError."""
    array = np.asarray(data)
    if array.dtype == np.uint8:
        return data if isinstance(data, np.ndarray) else array
    if array.dtype.kind not in "biuf":
        raise ExactStorageError("bytescale(exact=True) needs real numbers; got %s data." % array.dtype)
    if array.size:
        with np.errstate(invalid="ignore"):
            fits = bool(np.all((array >= 0) & (array <= 255) & (array == np.floor(array))))
        if not fits:
            raise ExactStorageError(
                "bytescale(exact=True): %s data with values %s..%s are not all integers in 0..255; uint8 cannot "
                "hold them unchanged (without exact=True they are rescaled, as scipy 1.1.0 did)."
                % (array.dtype, array.min(), array.max()))
    return array.astype(np.uint8)


def exact_toimage(arr: Any, pal: Any = None, mode: Optional[str] = None,
                  channel_axis: Optional[int] = None) -> Image.Image:
    """A PIL image whose pixels equal ``arr``; see ``toimage(exact=True)``."""
    data = np.asarray(arr)
    if data.ndim == 3:
        data = np.moveaxis(data, -1 if channel_axis is None else channel_axis, -1)
        if data.dtype != np.uint8 or data.shape[2] not in COLOR_MODES:
            raise ExactStorageError(
                "toimage(exact=True): PIL holds multi-channel images only as uint8 with 2, 3 or 4 channels; got "
                "%s with shape %s (channels last). imsave(..., exact=True) to PNG or TIFF stores it unchanged."
                % (data.dtype, data.shape))
        natural = COLOR_MODES[data.shape[2]]
        return _image(data, _check_mode(mode, natural, data), pal=None)
    if data.ndim != 2:
        raise ExactStorageError("toimage(exact=True) needs a 2-D or 3-D array; got shape %s." % (data.shape,))
    natural_mode = GRAY_MODES.get(data.dtype.newbyteorder("="))
    if natural_mode is None:
        raise ExactStorageError(
            "toimage(exact=True): no PIL mode holds %s pixels unchanged (modes hold bool, uint8, uint16, int32, "
            "float32). Convert explicitly (e.g. arr.astype(np.int32)) if that is what you want, or "
            "imsave(..., exact=True) to TIFF." % data.dtype)
    allowed = (natural_mode, "P") if natural_mode == "L" else (natural_mode,)
    chosen = _check_mode(mode, allowed, data)
    if pal is not None and natural_mode != "L":
        raise ExactStorageError("toimage(exact=True): pal= needs uint8 indices; got %s." % data.dtype)
    return _image(data, "P" if pal is not None else chosen, pal)


def _check_mode(mode: Optional[str], allowed: tuple, data: np.ndarray) -> str:
    if mode is None:
        return allowed[0]
    if mode not in allowed:
        raise ExactStorageError("toimage(exact=True): mode=%r would change %s pixels of shape %s; use %s."
                                % (mode, data.dtype, data.shape, " or ".join(repr(m) for m in allowed)))
    return mode


def _image(data: np.ndarray, mode: str, pal: Any) -> Image.Image:
    height, width = data.shape[:2]
    if mode == "1":
        return Image.frombytes("1", (width, height), np.packbits(data, axis=1).tobytes())
    raw = {"I;16": "<u2", "I": "=i4", "F": "=f4"}.get(mode, "u1")
    image = Image.frombytes("L" if mode == "P" else mode, (width, height), data.astype(raw).tobytes())
    if mode == "P":
        palette = np.repeat(np.arange(256, dtype=np.uint8), 3) if pal is None else np.asarray(pal)
        if palette.dtype != np.uint8:
            raise ExactStorageError("toimage(exact=True): pal= must be a uint8 array; got %s." % palette.dtype)
        image.putpalette(palette.tobytes())
    return image


def exact_fromimage(im: Any, flatten: bool = False, mode: Optional[str] = None) -> np.ndarray:
    """The image's samples unchanged; see ``fromimage(exact=True)``."""
    if not isinstance(im, Image.Image):
        raise TypeError("Input is not a PIL image (got %s)." % type(im).__name__)
    if flatten:
        raise ExactStorageError("fromimage(exact=True) returns the samples unchanged; flatten=True would convert "
                                "them to float luma. Drop flatten, or call without exact=True.")
    if mode is not None and mode != im.mode:
        raise ExactStorageError("fromimage(exact=True) returns the samples unchanged; mode=%r would convert a "
                                "mode %r image. Drop mode, or call without exact=True." % (mode, im.mode))
    return pillow_samples(im)


__all__ = ["exact_bytescale", "exact_toimage", "exact_fromimage", "refuse_rescaling", "GRAY_MODES", "COLOR_MODES"]
