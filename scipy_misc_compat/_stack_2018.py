"""What the 2018 stack computed differently (reference ``2018``: Pillow 5.3.0, IJG libjpeg 9c).

Each function here reproduces one behaviour of scipy 1.1.0 on Python 3.7 + numpy 1.15.4 +
Pillow 5.3.0 that later Pillow changed, learned from the release notes and checked against
the 2018 recording (``tests/fixtures/legacy_2018``, ``tests/test_legacy_2018.py``). The
legacy functions call them only when ``_reference.is_2018()``. NEAREST resizing of RGBA through
premultiplied alpha (Pillow < 8.2) is decided where every resize is, in
``_resample.resize_pixels``.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from typing import Any, Dict, Iterator, Optional

import numpy as np
from PIL import Image

from . import _resample
from ._legacy_image import sixteen_bit_gray

#: Colour modes whose conversion to gray Pillow < 7.0 truncated instead of rounding.
_COLOUR_SOURCES = ("RGB", "RGBA", "RGBX", "CMYK", "P")


#: Pixels per block when converting to gray: keeps the uint32 temporaries at a few MB.
_BLOCK_PIXELS = 1 << 18


def truncated_luma(rgb: np.ndarray) -> np.ndarray:
    """Pillow < 7.0's RGB -> L: ``0.299 R + 0.587 G + 0.114 B`` in 16-bit fixed point, truncated.

    The weights are 19595, 38470 and 7471 / 65536; Pillow 7.0 added half before the shift
    (rounding). Fits all 3,457 pixels recorded on the 2018 stack; ``/ 1000`` in integers
    would miss two, e.g. ``(231, 167, 43)``, which became 171. Computed a block of rows at
    a time, so the only full-size array is the uint8 result."""
    gray = np.empty(rgb.shape[:-1], dtype=np.uint8)
    rows = max(1, _BLOCK_PIXELS // max(1, int(np.prod(rgb.shape[1:-1]))))
    for start in range(0, rgb.shape[0], rows):
        block = rgb[start:start + rows]
        total = block[..., 0].astype(np.uint32) * 19595  # at most 255 * 65536: fits in 32 bits
        total += block[..., 1].astype(np.uint32) * 38470
        total += block[..., 2].astype(np.uint32) * 7471
        np.right_shift(total, 16, out=total)
        gray[start:start + rows] = total
    return gray


#: ``Image.convert`` pairs (source -> targets) Pillow 5.3.0 refused with ValueError and Pillow 9.3.0
#: performs (tools/record_conversions_2018.py, tests/fixtures/conversions_2018.json; no pair goes
#: the other way): gray -> HSV, anything -> PA, colour -> LAB and LAB -> colour.
CONVERSIONS_REFUSED_BY_PILLOW_5_3 = {
    "1": ("HSV", "PA"), "L": ("HSV", "PA"), "LA": ("HSV", "PA"), "I": ("HSV", "PA"), "F": ("HSV", "PA"),
    "I;16": ("HSV", "PA"), "I;16L": ("HSV", "PA"), "I;16B": ("HSV", "PA"),
    "P": ("PA",), "CMYK": ("PA",), "YCbCr": ("PA",), "HSV": ("PA",), "RGBa": ("PA",),
    "RGB": ("LAB", "PA"), "RGBA": ("LAB", "PA"), "RGBX": ("LAB", "PA"),
    "LAB": ("RGB", "RGBA", "RGBX"),
}


def refused_conversion(source: str, target: str) -> bool:
    """Whether Pillow 5.3.0 refused a conversion that Pillow 9.3.0 performs."""
    return target in CONVERSIONS_REFUSED_BY_PILLOW_5_3.get(source, ())


def convert(image: Image.Image, mode: str) -> Optional[Image.Image]:
    """Pillow 5.3's ``image.convert(mode)`` where it differs from Pillow 9.3's; None where it does not.

    (The conversions it refused are refused before, in ``_convert.convert_as_scipy_era``.)"""
    if mode == "P" and image.mode in ("RGB", "CMYK", "YCbCr"):
        return to_web_palette(image if image.mode == "RGB" else image.convert("RGB"))
    if mode == "I;16" and image.mode in ("I", "I;16"):
        return _to_i16_clipped_signed(image)
    if image.mode == "YCbCr" and mode in ("I", "LA"):  # Pillow 5.3 went through RGB (Y is not its luma)
        image = image.convert("RGB")
    if mode not in ("L", "I", "LA") or image.mode not in _COLOUR_SOURCES:
        return None
    rgb_image = image if image.mode in ("RGB", "RGBA", "RGBX") else image.convert("RGBA" if _has_alpha(image) else
                                                                             "RGB")
    # uint8 2-D gives L; no mode argument anywhere here: Pillow 11.3-12.x deprecated fromarray's
    gray = Image.fromarray(truncated_luma(np.asarray(rgb_image)))
    if mode == "L":
        return gray
    if mode == "I":
        return gray.convert("I")  # exact widening
    alpha = rgb_image.getchannel("A") if rgb_image.mode == "RGBA" else Image.new("L", gray.size, 255)
    return Image.merge("LA", (gray, alpha))


# --- RGB -> P: the WEB palette, Floyd-Steinberg, Pillow 5.3's palette lookup ------------------------

_PALETTE_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "web_palette_pillow_5_3.npz")
_web_palette: dict = {}


def _palette_tables() -> tuple:
    """Pillow 5.3's WEB-palette entry for each 4x4x4 colour cell, and the palette
    (tools/record_palette_2018.py; Pillow < 9.2 filled its cell cache with a bug, python-pillow/Pillow#6377)."""
    if not _web_palette:
        with np.load(_PALETTE_FILE) as tables:
            _web_palette.update(cells=tables["cells"], palette=tables["palette"])
    return _web_palette["cells"], _web_palette["palette"]


def to_web_palette(image: Image.Image) -> Image.Image:
    """Pillow 5.3's ``image.convert('P')`` of an RGB image: dithered to the WEB palette."""
    cells, palette = _palette_tables()
    rgb = np.ascontiguousarray(np.asarray(image))
    indices = np.empty(rgb.shape[:2], dtype=np.uint8)
    if _resample._resample_kernels is not None:
        _resample._resample_kernels.dither(rgb, cells, palette, indices)
    else:
        _dither_python(rgb, cells, palette, indices)
    result = Image.fromarray(indices)  # L; putpalette makes it P
    result.putpalette(palette.tobytes())
    return result


def _dither_python(rgb: np.ndarray, cells: np.ndarray, palette: np.ndarray, out: np.ndarray) -> None:
    """The C kernel's loop (``dither`` in _resample_kernels.c), for builds without a compiler."""
    height, width = rgb.shape[:2]
    colours = palette.astype(int).reshape(-1, 3).tolist()
    table = cells.tolist()
    slots = [[0, 0, 0] for _ in range(width + 1)]
    for y in range(height):
        carry, near, last = [0, 0, 0], [0, 0, 0], [0, 0, 0]
        row = rgb[y].tolist()
        for x in range(width):
            value = []
            for c in range(3):
                total = carry[c] + slots[x + 1][c]
                adjusted = row[x][c] + (total // 16 if total >= 0 else -(-total // 16))  # C division
                value.append(0 if adjusted < 0 else 255 if adjusted > 255 else adjusted)
            index = table[(value[0] >> 2) * 4096 + (value[1] >> 2) * 64 + (value[2] >> 2)]
            out[y, x] = index
            for c in range(3):
                error = value[c] - colours[index][c]
                slots[x][c] = 3 * error + near[c]
                near[c] = 5 * error + last[c]
                last[c] = error
                carry[c] = 7 * error
        slots[width] = [near[2], last[2], last[2]]  # what Pillow carries at the right edge


def _to_i16_clipped_signed(image: Image.Image) -> Image.Image:
    """Pillow 5.3's I -> I;16: clipped to the int16 range, its low 16 bits kept (Pillow 9.3 clips to
    0..65535), so 40000 became 32767 and -5 became 32768 (-32768)."""
    return sixteen_bit_gray(np.clip(np.asarray(image), -32768, 32767).astype("<i2"))  # from I (int32) or I;16


def _has_alpha(image: Image.Image) -> bool:
    """A palette image whose conversion keeps alpha (``P`` with transparency converts through RGBA)."""
    return image.mode == "P" and "transparency" in image.info


def rotate(image: Image.Image, angle: float, resample: Any) -> Image.Image:
    """Pillow < 8.2 rotated RGBA through premultiplied RGBa with NEAREST too (0 and 180 degrees
    were a copy and a transposition, as they still are)."""
    if image.mode != "RGBA" or resample != _resample.NEAREST or angle % 360.0 in (0.0, 180.0):
        return image.rotate(angle, resample=resample)
    premultiplied = _resample.premultiply(np.asarray(image))
    rotated = Image.fromarray(premultiplied).rotate(angle, resample=resample)  # RGBA holding RGBa samples
    return Image.fromarray(_resample.unpremultiply(np.asarray(rotated)))  # uint8 (h, w, 4): RGBA


# --- JPEG: IJG libjpeg 9c, as bundled with Pillow 5.3.0's wheels ------------------------------------
#
# Through jpeglib, which bundles that libjpeg (among others) and selects it per call. Decoding
# with fancy upsampling (libjpeg's and Pillow's default) gives Pillow 5.3's pixels; encoding
# with quality 75 and libjpeg's defaults (4:2:0, no optimisation) gives its files. Colour
# spaces other than gray, RGB and YCbCr (CMYK) stay with the installed Pillow.

JPEG_SIGNATURE = b"\xff\xd8\xff"
_JPEG_SPACES = {"L": "JCS_GRAYSCALE", "RGB": "JCS_RGB", "YCbCr": "JCS_YCbCr"}


def _jpeglib() -> Any:
    try:
        import jpeglib
    except ImportError:
        raise ImportError("reference 2018 reads and writes JPEG with IJG libjpeg 9c (Pillow 5.3's) through "
                          "jpeglib: pip install 'scipy-misc-compat[reference2018]'") from None
    return jpeglib


@contextlib.contextmanager
def _scratch_jpeg() -> Iterator[str]:
    """A path in a fresh temporary directory: jpeglib reads and writes named files only."""
    with tempfile.TemporaryDirectory() as directory:
        yield os.path.join(directory, "image.jpg")


def is_jpeg(data: bytes) -> bool:
    return data[:len(JPEG_SIGNATURE)] == JPEG_SIGNATURE


def jpeg_decode(source: Any) -> Optional[Image.Image]:
    """Pillow 5.3's decoding of a JPEG file (a path, or its bytes): gray -> L, colour -> RGB; None for
    CMYK and other colour spaces. jpeglib reads paths only, so bytes go through a temporary file."""
    if isinstance(source, bytes):
        with _scratch_jpeg() as path:
            with open(path, "wb") as handle:
                handle.write(source)
            return jpeg_decode(path)
    jpeglib = _jpeglib()
    with jpeglib.version("9c"):
        decoded = jpeglib.read_spatial(os.fsdecode(source), flags=["+DO_FANCY_UPSAMPLING"])
        if decoded.color_space.name not in ("JCS_RGB", "JCS_GRAYSCALE"):  # by name: jpeglib's enum compares
            return None  # CMYK/YCCK: Pillow's own decoder                  # CMYK equal to RGB
        samples = np.array(decoded.spatial)
    if samples.ndim == 3 and samples.shape[-1] == 1:
        samples = samples[..., 0]
    return Image.fromarray(samples)  # uint8 2-D: L, (h, w, 3): RGB


#: Pillow's ``subsampling`` values -> libjpeg sampling factors of the first component, as jpeglib takes
#: them: (vertical, horizontal) — measured: (2, 1) gave 4:2:2's pixels only as (1, 2).
_SUBSAMPLING = {0: (1, 1), "4:4:4": (1, 1), 1: (1, 2), "4:2:2": (1, 2), 2: (2, 2), "4:2:0": (2, 2)}
#: The ``save`` options Pillow 5.3 handed to libjpeg that change the file; any other option
#: (dpi, exif, icc_profile, qtables, ...) leaves the file to the installed Pillow.
_ENCODER_OPTIONS = {"quality", "subsampling", "optimize", "progressive", "progression"}


def jpeg_encode(image: Image.Image, params: Optional[Dict[str, Any]] = None) -> Optional[bytes]:
    """Pillow 5.3's JPEG file for ``image`` (L, RGB or YCbCr), or None for what it does not cover.

    ``params`` are ``Image.save``'s JPEG options: ``quality`` (1-100; libjpeg's 75 when absent),
    ``subsampling`` (0/1/2, '4:4:4'/'4:2:2'/'4:2:0', -1: libjpeg's 4:2:0), ``optimize``,
    ``progressive``/``progression``. Pillow 5.3 set the quality with ``force_baseline``
    (tables clipped to 8 bits, which matters below quality 25). The files are the bytes
    Pillow 5.3 wrote (tests/test_jpeg_2018.py compares them)."""
    params = dict(params or {})
    space = _JPEG_SPACES.get(image.mode)
    quality = params.get("quality", 75)
    subsampling = params.get("subsampling", -1)
    whole_number = isinstance(quality, (int, np.integer)) and not isinstance(quality, bool)
    if (space is None or not set(params) <= _ENCODER_OPTIONS or not whole_number or not 1 <= quality <= 100
            or (subsampling != -1 and not (isinstance(subsampling, (int, str)) and subsampling in _SUBSAMPLING))):
        return None
    jpeglib = _jpeglib()
    samples = np.asarray(image)
    if samples.ndim == 2:
        samples = samples[..., np.newaxis]
    flags = ["+FORCE_BASELINE"] + (["+OPTIMIZE_CODING"] if params.get("optimize") else [])
    with _scratch_jpeg() as path:
        with jpeglib.version("9c"):
            encoded = jpeglib.from_spatial(np.ascontiguousarray(samples),
                                           in_color_space=getattr(jpeglib.Colorspace, space))
            if subsampling != -1:  # Pillow set the first component's factors, the others stay 1x1
                factors = np.ones((samples.shape[-1], 2), dtype=np.int32)
                factors[0] = _SUBSAMPLING[subsampling]
                encoded.samp_factor = factors
            if params.get("progressive") or params.get("progression"):
                encoded.progressive_mode = True
            encoded.write_spatial(path, qt=int(quality), flags=flags)
        with open(path, "rb") as handle:
            return handle.read()


# --- TIFF ------------------------------------------------------------------------------------------

_PHOTOMETRIC, _COMPRESSION, _STRIP_OFFSETS, _STRIP_BYTE_COUNTS, _BITS = 262, 259, 273, 279, 258


def tiff_ycbcr_as_rgb(image: Image.Image) -> Optional[Image.Image]:
    """Pillow 5.3 read an uncompressed 8-bit YCbCr TIFF as mode RGB holding the YCbCr samples
    (Pillow 9.3 failed on it, later Pillow opens it as YCbCr). ``image`` is the file opened by
    Pillow; its strips are read from its file only for such a TIFF. None for any other file."""
    if image.format != "TIFF":
        return None
    try:
        tags = image.tag_v2  # type: ignore[attr-defined]
        if tags.get(_PHOTOMETRIC) != 6 or tags.get(_COMPRESSION, 1) != 1 or tuple(tags.get(_BITS, ())) != (8, 8, 8):
            return None
        file: Any = image.fp  # type: ignore[attr-defined]  # the file Pillow opened it from (an ImageFile)
        strips = []
        for offset, count in zip(tags[_STRIP_OFFSETS], tags[_STRIP_BYTE_COUNTS]):
            file.seek(offset)
            strips.append(file.read(count))
        width, height = image.size
        return Image.frombytes("RGB", (width, height), b"".join(strips)[:width * height * 3])
    except Exception:  # not a TIFF whose tags Pillow can parse: Pillow's own error follows
        return None


__all__ = ["CONVERSIONS_REFUSED_BY_PILLOW_5_3", "refused_conversion", "truncated_luma", "convert",
           "rotate", "JPEG_SIGNATURE", "is_jpeg", "jpeg_decode", "jpeg_encode", "tiff_ycbcr_as_rgb"]
