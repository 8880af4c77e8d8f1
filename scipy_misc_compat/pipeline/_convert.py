"""Arrays to PIL images and back, as scipy 1.1.0's ``toimage`` and ``fromimage`` did."""

from __future__ import annotations

from typing import Any, NamedTuple, Optional, Sequence

import numpy as np
from PIL import Image

from .. import _compat
from .._errors import ChannelAxisError
from ._legacy_image import LegacyImage, as_legacy_image
from .._pixels import GRAY_RAMP, image_from_pixels
from ._scaling import legacy_bytescale, legacy_mode_i_values
from ..references import current_reference

def _mode_error(mode: Any, shape: Sequence[int]) -> ValueError:
    """scipy 1.1.0's "Mode is unknown or incompatible with input array shape.", made specific."""
    allowed = "None, 'L', 'P', 'F', 'I' or '1'" if len(shape) == 2 else "None, 'RGB', 'RGBA', 'YCbCr' or 'CMYK'"
    return ValueError("Mode is unknown or incompatible with input array shape: mode=%r for shape %s "
                      "(use %s)." % (mode, tuple(shape), allowed))

#: The 3-D modes scipy 1.1.0 accepted, and their channel counts.
_COLOR_MODE_CHANNELS = {"RGB": 3, "RGBA": 4, "YCbCr": 3, "CMYK": 4}

#: For a channel axis, the transpose that moves channels last.
_CHANNELS_LAST = {0: (1, 2, 0), 1: (0, 2, 1), 2: (0, 1, 2)}


class LegacyPixels(NamedTuple):
    """The image scipy 1.1.0's ``toimage`` made, as an array: ``np.asarray`` of it, its mode and palette."""

    mode: str
    pixels: np.ndarray  #: (rows, columns) or (rows, columns, bands), possibly a non-contiguous view
    palette: Optional[bytes] = None  #: mode ``P`` only

    def to_image(self) -> Image.Image:
        palette = None if self.palette is None else current_reference().palette(self.palette)
        return image_from_pixels(self.mode, self.pixels, palette)


def legacy_toimage(arr: Any, high: Any = 255, low: Any = 0, cmin: Any = None, cmax: Any = None,
                   pal: Any = None, mode: Optional[str] = None, channel_axis: Optional[int] = None) -> LegacyImage:
    """scipy 1.1.0's ``toimage``; see ``scipy_misc_compat.toimage`` for the contract."""
    return as_legacy_image(legacy_pixels(arr, high, low, cmin, cmax, pal, mode, channel_axis).to_image())


def legacy_pixels(arr: Any, high: Any = 255, low: Any = 0, cmin: Any = None, cmax: Any = None,
                  pal: Any = None, mode: Optional[str] = None, channel_axis: Optional[int] = None) -> LegacyPixels:
    """What ``legacy_toimage`` makes, before it becomes a PIL image (same checks, same errors)."""
    data = np.asarray(arr)
    if np.iscomplexobj(data):
        raise ValueError("Cannot convert a complex-valued array.")
    if not _has_image_shape(data.shape):
        raise ValueError("'arr' does not have a suitable array shape for any mode "
                         "(got shape %s; expected 2-D, or 3-D with 3 or 4 channels)." % (data.shape,))
    if data.ndim == 2:
        return _gray_pixels(data, high, low, cmin, cmax, pal, mode)
    return _color_pixels(data, high, low, cmin, cmax, mode, channel_axis)


def _has_image_shape(shape: Sequence[int]) -> bool:
    return len(shape) == 2 or (len(shape) == 3 and (3 in shape or 4 in shape))




def _gray_pixels(data: np.ndarray, high: Any, low: Any, cmin: Any, cmax: Any, pal: Any,
                 mode: Optional[str]) -> LegacyPixels:
    if mode == "F":
        return LegacyPixels("F", data.astype(np.float32))
    if mode in (None, "L", "P"):
        gray = legacy_bytescale(data, cmin, cmax, high, low)
        if pal is not None:
            return LegacyPixels("P", gray, as_uint8_bytes(pal))
        return LegacyPixels("P", gray, GRAY_RAMP) if mode == "P" else LegacyPixels("L", gray)
    if mode == "1":
        # scipy 1.1.0 handed PIL one numpy bool byte per pixel as packed 1-bit data, so
        # PIL read each byte as eight pixels: only every eighth pixel of the first
        # ceil(width/8) bytes of each row can be set.  Reproduced as it was.
        packed = (data > high).tobytes()[:data.shape[0] * ((data.shape[1] + 7) // 8)]
        bits = np.unpackbits(np.frombuffer(packed, dtype=np.uint8).reshape(data.shape[0], -1), axis=1)
        return LegacyPixels("1", bits[:, :data.shape[1]].astype(bool))
    values = legacy_mode_i_values(data, high, low, cmin, cmax)  # computed before the mode check, as then
    if mode == "I":
        # uint32 values handed to Pillow as raw mode I bytes: read back as int32 (the same bits).
        return LegacyPixels("I", np.ascontiguousarray(values).view(np.int32))
    raise _mode_error(mode, data.shape)


def as_uint8_bytes(values: Any) -> bytes:
    """Bytes of ``values`` as uint8, wrapping out-of-range numbers as numpy 1.x did."""
    array = np.asarray(values)
    with np.errstate(all="ignore"):
        return array.astype(np.uint8).tobytes()


def channel_axis_of(shape: Sequence[int], channel_axis: Optional[int]) -> int:
    """The channel axis scipy 1.1.0 used: the given one, else the first axis of length 3, then 4."""
    if channel_axis is not None:
        return channel_axis
    for channels in (3, 4):
        if channels in shape:
            return list(shape).index(channels)
    raise ValueError("Could not find channel dimension: no axis of shape %s has length 3 or 4." % (tuple(shape),))


def _color_pixels(data: np.ndarray, high: Any, low: Any, cmin: Any, cmax: Any, mode: Optional[str],
                 channel_axis: Optional[int]) -> LegacyPixels:
    axis = channel_axis_of(data.shape, channel_axis)
    channels = data.shape[axis]  # IndexError for an axis beyond 2, as in scipy 1.1.0
    if channels not in (3, 4):
        raise ValueError("Channel axis dimension is not valid: axis %d of shape %s has length %d, not 3 or 4."
                         % (axis, data.shape, channels))
    bytedata = legacy_bytescale(data, cmin, cmax, high, low)
    if mode is None:
        mode = "RGB" if channels == 3 else "RGBA"
    if mode not in _COLOR_MODE_CHANNELS:
        raise _mode_error(mode, data.shape)
    if _COLOR_MODE_CHANNELS[mode] != channels:
        raise ValueError("Invalid array shape for mode: mode %r needs %d channels, channel axis %d has %d."
                         % (mode, _COLOR_MODE_CHANNELS[mode], axis, channels))
    if axis not in _CHANNELS_LAST:
        raise ChannelAxisError("channel_axis must be 0, 1 or 2 (got %r)." % (axis,))
    return LegacyPixels(mode, np.transpose(bytedata, _CHANNELS_LAST[axis]))


def legacy_fromimage(im: Any, flatten: bool = False, mode: Optional[str] = None) -> np.ndarray:
    """scipy 1.1.0's ``fromimage``; see ``scipy_misc_compat.fromimage`` for the contract."""
    if not isinstance(im, Image.Image):
        raise TypeError("Input is not a PIL image (got %s)." % type(im).__name__)
    im = as_scipy_era_mode(im)
    if mode is not None:
        if mode != im.mode:
            im = convert_as_scipy_era(im, mode)
    elif im.mode == "P":
        # A palette image becomes its colours, with alpha when it has a transparent index.
        im = im.convert("RGBA" if "transparency" in im.info else "RGB")
    if flatten:
        im = convert_as_scipy_era(im, "F")
    elif im.mode == "1":
        im = im.convert("L")  # 1-bit images read as 0/255 uint8
    try:
        return np.array(im)
    except OSError:
        wrapped = current_reference().array_of_unloadable(im)
        if wrapped is None:
            raise
        return wrapped


def as_scipy_era_mode(image: Image.Image) -> Image.Image:
    """A 16-bit grayscale PNG in the mode scipy 1.1.0's Pillow gave it (``I``, int32).

    Pillow <= 10.2 opened these files as ``I``; newer Pillow as ``I;16``.  The
    values are the same; the mode decides later conversions and the dtype.
    """
    if image.format == "PNG" and image.mode == "I;16" and _compat.pillow_opens_16bit_png_as_i16():
        return image.convert("I")
    return image


def convert_as_scipy_era(image: Image.Image, mode: str) -> Image.Image:
    """``image.convert(mode)`` as the reference's Pillow computed it, refusing what it refused."""
    reference = current_reference()
    if reference.refuses_conversion(image.mode, mode):
        raise ValueError("conversion from %s to %s not supported (as with scipy 1.1.0's %s; newer "
                         "Pillow converts it: call image.convert(%r) directly for that)"
                         % (image.mode, mode, reference.pillow_label, mode))
    converted = reference.older_conversion(image, mode)
    if converted is not None:
        return converted
    try:
        return image.convert(mode)
    except ValueError as error:
        if mode in str(error):
            raise
        raise ValueError("conversion from %s to %s not supported (%s)" % (image.mode, mode, error)) from None


__all__ = ["LegacyPixels", "legacy_pixels", "legacy_toimage", "legacy_fromimage", "as_uint8_bytes",
           "as_scipy_era_mode", "convert_as_scipy_era"]
