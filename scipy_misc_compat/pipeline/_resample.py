"""Pillow 9.3.0's ``Image.resize``, computed by this package.

scipy 1.1.0's ``imresize`` is ``toimage`` -> ``Image.resize`` -> ``fromimage``, so its
numbers are whatever the installed Pillow's resampling computes. That has moved:
Pillow 13.0 runs the vertical pass first whenever the height shrinks (different
rounding of the intermediate image), and Pillow-SIMD uses other arithmetic
altogether. Here the reference algorithm (Pillow 9.3.0, which 5.3 to 12.1 share) is
reimplemented from its description and checked against recorded Pillow 9.3 output,
so that the installed Pillow no longer decides the result.

The algorithm, as Pillow documents and as recorded behaviour confirms:

* NEAREST maps output pixel ``i`` to input ``floor(x_i)`` where ``x_0 = scale / 2``
  and ``x_{i+1} = x_i + scale`` (a running double-precision sum, ``scale = in/out``).
* The other filters are separable convolutions: the horizontal pass first, on the
  rows the vertical pass needs, then the vertical pass; a pass is skipped when its
  axis keeps its size. Output pixel ``i`` of a pass has its centre at
  ``(i + 0.5) * scale`` and takes the inputs ``[trunc(c - s + 0.5), trunc(c + s + 0.5))``
  clipped to the image, where ``s`` is the filter's support times ``max(scale, 1)``;
  their weights are the filter at ``(j - c + 0.5) / max(scale, 1)``, normalised by
  their sequential sum.
* 8-bit bands use weights in fixed point with 22 fractional bits (rounded half away
  from zero), start from one half, and clip ``sum >> 22`` to 0..255; the intermediate
  image is 8-bit.
* ``I`` and ``F`` accumulate ``pixel * weight`` in double precision over the taps in
  order; ``F`` stores the sum as float32 (also between the passes), ``I`` rounds half
  away from zero to int32.
* ``LA`` and ``RGBA`` are resampled premultiplied by alpha (except NEAREST); ``1``
  and ``P`` always use NEAREST; a same-size resize is a copy.

Only the filters scipy's ``interp`` reaches are here (NEAREST, LANCZOS, BILINEAR,
BICUBIC). The compiled kernels (``_resample_kernels.c``) compute the passes on all
cores; without them, numpy computes the same bits, more slowly.
"""

from __future__ import annotations

import math
from typing import Any, Callable, Dict, List, NamedTuple, Optional, Tuple

import numpy as np
from PIL import Image

from ._engine import map_row_ranges
from .._pixels import image_from_pixels, premultiply, unpremultiply
from .._pixels import resample_kernels as _resample_kernels
from ..references import current_reference

NEAREST, LANCZOS, BILINEAR, BICUBIC = 0, 1, 2, 3

#: Fractional bits of the 8-bit fixed-point weights (32 bits less 8 for the pixel, 2 for headroom).
PRECISION_BITS = 22
#: Modes whose bands are 8-bit and resampled with fixed-point weights.
EIGHT_BIT_MODES = ("L", "LA", "La", "RGB", "RGBA", "RGBa", "RGBX", "CMYK", "YCbCr", "LAB", "HSV")
#: Modes resampled premultiplied by alpha (any filter but NEAREST; NEAREST too where the reference says so),
#: and their premultiplied forms.
PREMULTIPLIED = {"LA": "La", "RGBA": "RGBa"}


def _bilinear(x: np.ndarray) -> np.ndarray:
    x = np.abs(x)
    return np.where(x < 1.0, 1.0 - x, 0.0)


def _bicubic(x: np.ndarray) -> np.ndarray:
    # Keys' cubic with a = -0.5, in Pillow's operation order (the weights must be bit-equal).
    a = -0.5
    x = np.abs(x)
    near = (((a + 2.0) * x - (a + 3.0)) * x) * x + 1.0
    far = (((x - 5.0) * x + 8.0) * x - 4.0) * a
    return np.where(x < 1.0, near, np.where(x < 2.0, far, 0.0))


def _sinc(x: float) -> float:
    if x == 0.0:
        return 1.0
    x = x * math.pi
    return math.sin(x) / x  # the C library's sin, as Pillow's (numpy's own sin may differ in the last bit)


def _lanczos_python(x: np.ndarray) -> np.ndarray:
    return np.array([_sinc(v) * _sinc(v / 3.0) if -3.0 <= v < 3.0 else 0.0 for v in x.ravel().tolist()],
                    dtype=np.float64).reshape(x.shape)


def _lanczos(x: np.ndarray) -> np.ndarray:
    if _resample_kernels is None:
        return _lanczos_python(x)
    x = np.ascontiguousarray(x, dtype=np.float64)
    out = np.empty_like(x)
    _resample_kernels.lanczos(x, out)  # the same C library sin, without a Python call per tap
    return out


#: resample number -> (support, weight function)
FILTERS: Dict[int, Tuple[float, Callable[[np.ndarray], np.ndarray]]] = {
    LANCZOS: (3.0, _lanczos),
    BILINEAR: (1.0, _bilinear),
    BICUBIC: (2.0, _bicubic),
}


class Taps(NamedTuple):
    """The inputs each output pixel of one pass reads: ``length[i]`` of them from ``start[i]``."""

    start: np.ndarray  #: int32, one per output pixel
    length: np.ndarray  #: int32, one per output pixel
    weights: np.ndarray  #: float64 (outputs, width): normalised weights, 0 beyond ``length``

    @property
    def width(self) -> int:
        return int(self.weights.shape[1])

    def fixed_point(self) -> np.ndarray:
        """The weights as int32 with ``PRECISION_BITS`` fractional bits, rounded half away from zero."""
        scaled = self.weights * float(1 << PRECISION_BITS)
        return np.where(scaled < 0, np.trunc(scaled - 0.5), np.trunc(scaled + 0.5)).astype(np.int32)


def convolution_taps(in_size: int, out_size: int, resample: int) -> Taps:
    """Pillow 9.3's taps for one axis of a convolution resize (see the module docstring)."""
    support, weight = FILTERS[resample]
    scale = float(in_size) / out_size
    filter_scale = max(scale, 1.0)
    support = support * filter_scale
    width = int(math.ceil(support)) * 2 + 1
    centers = (np.arange(out_size, dtype=np.float64) + 0.5) * scale
    start = np.maximum(np.trunc(centers - support + 0.5), 0).astype(np.int64)
    stop = np.minimum(np.trunc(centers + support + 0.5), in_size).astype(np.int64)
    count = stop - start
    positions = start[:, None] + np.arange(width)
    used = np.arange(width) < count[:, None]
    weights = np.where(used, weight((positions.astype(np.float64) - centers[:, None] + 0.5) * (1.0 / filter_scale)),
                       0.0)
    total = np.zeros(out_size)
    for column in weights.T:  # sequentially, as the C loop adds them (numpy's sum is pairwise)
        total += column
    safe_total = np.where(total != 0.0, total, 1.0)
    return Taps(start.astype(np.int32), count.astype(np.int32), weights / safe_total[:, None])


def nearest_indices(in_size: int, out_size: int) -> np.ndarray:
    """Pillow 9.3's NEAREST source index per output pixel (-1 where it falls outside, left black)."""
    step = float(in_size) / out_size
    positions = np.full(out_size, step)
    positions[0] = step * 0.5
    positions = np.cumsum(positions)  # a running sum, rounding as the C loop's ``x += step`` does
    indices = np.where(positions < 0, -1, np.trunc(positions)).astype(np.int64)
    return np.where(indices < in_size, indices, -1)


# --- the passes -------------------------------------------------------------------------------


def _convolve_numpy(pixels: np.ndarray, taps: Taps, axis: int) -> np.ndarray:
    """One pass along ``axis`` (0 rows, 1 columns) of an (H, W, bands) array, in numpy."""
    moved = np.moveaxis(pixels, axis, 0)
    shape = (len(taps.start),) + moved.shape[1:]
    extra = (slice(None),) + (None,) * (moved.ndim - 1)
    last = moved.shape[0] - 1
    if pixels.dtype == np.uint8:
        fixed = taps.fixed_point()
        total = np.full(shape, 1 << (PRECISION_BITS - 1), dtype=np.int64)
        for j in range(taps.width):
            total += moved[np.minimum(taps.start + j, last)].astype(np.int64) * fixed[:, j][extra]
        out = np.clip(total >> PRECISION_BITS, 0, 255).astype(np.uint8)
    else:
        total = np.zeros(shape, dtype=np.float64)
        with np.errstate(invalid="ignore", over="ignore"):
            for j in range(taps.width):
                used = (j < taps.length)[extra]
                term = moved[np.minimum(taps.start + j, last)].astype(np.float64) * taps.weights[:, j][extra]
                total += np.where(used, term, 0.0)  # only the taps in range, as in C (inf * 0 is NaN)
            out = _store_32bit(total, pixels.dtype)
    return np.moveaxis(out, 0, axis)


def _store_32bit(total: np.ndarray, dtype: np.dtype) -> np.ndarray:
    if dtype == np.float32:
        return total.astype(np.float32)
    # int32: round half away from zero; x86's conversion gives INT32_MIN for NaN or out-of-range sums.
    rounded = np.where(total >= 0, np.floor(total + 0.5), -np.floor(np.abs(total) + 0.5))
    valid = np.abs(rounded) < 2.0 ** 31
    return np.where(valid, np.where(valid, rounded, 0).astype(np.int32), np.int32(-2 ** 31))


def _kernel_taps(taps: Taps, dtype: np.dtype) -> List[np.ndarray]:
    """A pass's taps as the kernels take them: start, count, weights (fixed point for uint8)."""
    weights = taps.fixed_point() if dtype == np.uint8 else taps.weights
    return [taps.start, taps.length, np.ascontiguousarray(weights)]


def _rows_by_kernel(kernel: Callable[..., None], arguments: List[Any], out: np.ndarray) -> np.ndarray:
    """``kernel(*arguments, first, stop)`` over row ranges of ``out``, on the threads ``map_row_ranges`` uses."""
    map_row_ranges(lambda first, stop: kernel(*arguments, first, stop), out.shape[0], out.size)
    return out


def convolve(pixels: np.ndarray, taps: Taps, axis: int) -> np.ndarray:
    """One convolution pass along ``axis`` of an (H, W, bands) uint8/int32/float32 array."""
    if _resample_kernels is None:
        return _convolve_numpy(pixels, taps, axis)
    pixels = np.ascontiguousarray(pixels)
    shape = list(pixels.shape)
    shape[axis] = len(taps.start)
    out = np.empty(shape, dtype=pixels.dtype)
    kernel = _resample_kernels.vertical if axis == 0 else _resample_kernels.horizontal
    return _rows_by_kernel(kernel, [pixels, out] + _kernel_taps(taps, pixels.dtype), out)


def _fused_resize(pixels: np.ndarray, horizontal: Taps, vertical: Taps) -> np.ndarray:
    """Both passes of a uint8 resize in one compiled call per row range (the same bits as two calls)."""
    pixels = np.ascontiguousarray(pixels)
    out = np.empty((len(vertical.start), len(horizontal.start), pixels.shape[2]), dtype=np.uint8)
    arguments = [pixels, out] + _kernel_taps(horizontal, pixels.dtype) + _kernel_taps(vertical, pixels.dtype)
    return _rows_by_kernel(_resample_kernels.resize, arguments, out)


def convolution_resize(pixels: np.ndarray, width: int, height: int, resample: int) -> np.ndarray:
    """Pillow 9.3's two-pass resize of an (H, W, bands) array: horizontal first, then vertical."""
    in_height, in_width = pixels.shape[:2]
    vertical = convolution_taps(in_height, height, resample) if height != in_height else None
    if width != in_width:
        horizontal = convolution_taps(in_width, width, resample)
        if vertical is not None and pixels.dtype == np.uint8 and _resample_kernels is not None:
            return _fused_resize(pixels, horizontal, vertical)  # reads only the rows the vertical pass needs
        if vertical is not None:  # only the rows the vertical pass reads
            first, stop = int(vertical.start[0]), int(vertical.start[-1] + vertical.length[-1])
            pixels = pixels[first:stop]
            vertical = Taps(vertical.start - first, vertical.length, vertical.weights)
        pixels = convolve(pixels, horizontal, axis=1)
    if vertical is not None:
        pixels = convolve(pixels, vertical, axis=0)
    return pixels


def nearest_resize(pixels: np.ndarray, width: int, height: int) -> np.ndarray:
    """Pillow 9.3's NEAREST resize of an array whose first two axes are rows and columns."""
    rows = nearest_indices(pixels.shape[0], height)
    columns = nearest_indices(pixels.shape[1], width)
    if (rows >= 0).all() and (columns >= 0).all():
        if _resample_kernels is None:
            return np.ascontiguousarray(pixels[rows][:, columns])
        source = np.ascontiguousarray(pixels)
        out = np.empty((height, width) + pixels.shape[2:], dtype=pixels.dtype)
        map_row_ranges(lambda first, stop: _resample_kernels.gather(source, out, rows, columns, first, stop),
                       height, out.nbytes)
        return out
    out = np.zeros((height, width) + pixels.shape[2:], dtype=pixels.dtype)
    inside_rows, inside_columns = np.flatnonzero(rows >= 0), np.flatnonzero(columns >= 0)
    out[np.ix_(inside_rows, inside_columns)] = pixels[np.ix_(rows[inside_rows], columns[inside_columns])]
    return out


# --- arrays in a PIL mode, and PIL images -----------------------------------------------------


def resize_pixels(pixels: np.ndarray, mode: str, width: int, height: int, resample: int) -> np.ndarray:
    """Resize the pixel array of a PIL image of ``mode`` as Pillow 9.3's ``Image.resize`` did.

    ``pixels`` is ``np.asarray(image)``: (H, W) for one band, (H, W, bands) otherwise.
    Returns the same layout. ``width`` and ``height`` must be positive.
    """
    if (height, width) == pixels.shape[:2]:
        return pixels.copy()
    if mode in ("1", "P"):
        resample = NEAREST
    premultiplied = mode in PREMULTIPLIED and (resample != NEAREST or current_reference().premultiplies_nearest())
    if resample == NEAREST and not premultiplied:
        return nearest_resize(pixels, width, height)
    bands = pixels if pixels.ndim == 3 else pixels[:, :, None]
    if premultiplied:
        bands = premultiply(bands)
    resized = nearest_resize(bands, width, height) if resample == NEAREST else convolution_resize(
        bands, width, height, resample)
    if premultiplied:
        resized = unpremultiply(resized)
    return resized if pixels.ndim == 3 else resized[:, :, 0]


def can_resize(image: Image.Image) -> bool:
    """Whether ``resize_image`` computes this image's mode itself."""
    return image.mode in EIGHT_BIT_MODES or image.mode in ("1", "P", "I", "F")


def resize_image(image: Image.Image, size: Any, resample: int) -> Image.Image:
    """``image.resize(size, resample)`` with Pillow 9.3's results, whatever Pillow is installed.

    Arguments Pillow would refuse (a size that is not two positive integers, an
    unknown filter, a mode this module does not compute) are handed to the installed
    Pillow, so the error is the one scipy 1.1.0's Pillow raised.
    """
    width_height = positive_size(size)
    if width_height is None or resample not in (NEAREST, LANCZOS, BILINEAR, BICUBIC) or not can_resize(image):
        return image.resize(size, resample=resample)
    width, height = width_height
    pixels = resize_pixels(np.asarray(image), image.mode, width, height, resample)
    resized = image_from_pixels(image.mode, pixels, image.getpalette() if image.mode == "P" else None)
    resized.info.update(image.info)
    return resized


def positive_size(size: Any) -> Optional[Tuple[int, int]]:
    """``size`` as (width, height) when Pillow accepts it: two positive integers; else None."""
    try:
        width, height = size
    except (TypeError, ValueError):
        return None
    if not all(isinstance(n, (int, np.integer)) and not isinstance(n, (bool, np.bool_)) for n in (width, height)):
        return None
    if width < 1 or height < 1:
        return None
    return int(width), int(height)


__all__ = ["NEAREST", "LANCZOS", "BILINEAR", "BICUBIC", "Taps", "convolution_taps", "nearest_indices",
           "convolution_resize", "nearest_resize", "premultiply", "unpremultiply", "resize_pixels",
           "resize_image", "can_resize", "positive_size"]
