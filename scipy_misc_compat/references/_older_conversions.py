"""Older Pillow conversions, for the rows of ``_changes`` that concern ``convert``.

Each function computes what an older Pillow's ``image.convert`` gave where a later release
changed it, learned from the release notes and checked against the era recordings
(``tests/fixtures/eras``, ``tests/fixtures/legacy_2018``); ``_changes`` says from which
release on each stopped applying.
"""

from __future__ import annotations

import os
from typing import Any, Optional

import numpy as np
from PIL import Image

from .._pixels import GRAY_RAMP, resample_kernels, sixteen_bit_gray

#: Colour modes whose conversion to gray Pillow < 7.0 truncated instead of rounding.
_COLOUR_SOURCES = ("RGB", "RGBA", "RGBX", "CMYK", "P")


#: Pixels per block when converting to gray: keeps the uint32 temporaries at a few MB.
_BLOCK_PIXELS = 1 << 18


#: Fixed-point luma weights (R, G, B) and the divisor, truncated: Pillow 4.3-6.2 used 16 bits,
#: Pillow < 4.3 thousandths (``(299 R + 587 G + 114 B) // 1000``).
SIXTEEN_BIT_WEIGHTS = ((19595, 38470, 7471), 1 << 16)
THOUSANDTHS_WEIGHTS = ((299, 587, 114), 1000)


def truncated_luma(rgb: np.ndarray, weights: tuple = SIXTEEN_BIT_WEIGHTS) -> np.ndarray:
    """Pillow < 7.0's RGB -> L: ``0.299 R + 0.587 G + 0.114 B`` in fixed point, truncated.

    With the 16-bit weights 19595, 38470 and 7471 / 65536 (Pillow 4.3-6.2; 7.0 added half
    before the shift: rounding) it fits all 3,457 pixels recorded on the 2018 stack, where
    thousandths would miss two, e.g. ``(231, 167, 43)``, which became 171; Pillow < 4.3 used
    thousandths. Computed a block of rows at a time, so the only full-size array is the
    uint8 result."""
    (red, green, blue), divisor = weights
    gray = np.empty(rgb.shape[:-1], dtype=np.uint8)
    rows = max(1, _BLOCK_PIXELS // max(1, int(np.prod(rgb.shape[1:-1]))))
    for start in range(0, rgb.shape[0], rows):
        block = rgb[start:start + rows]
        total = block[..., 0].astype(np.uint32) * red  # at most 255 * 65536: fits in 32 bits
        total += block[..., 1].astype(np.uint32) * green
        total += block[..., 2].astype(np.uint32) * blue
        np.floor_divide(total, divisor, out=total)
        gray[start:start + rows] = total
    return gray


def _refused_in(table: dict) -> Any:
    """A REFUSE row's computation: True for the pairs of ``table`` (source -> targets), else None."""
    def refused(reference: Any, source: str, target: str) -> Optional[bool]:
        return True if target in table.get(source, ()) else None
    return refused


#: ``Image.convert`` pairs (source mode -> targets) that Pillow 9.3.0, scipy 1.1.0's reference,
#: refused with ``ValueError`` and a newer Pillow performs. Measured by converting a new image of
#: every mode to every mode on Pillow 9.3.0, 10.4.0, 11.3.0, 12.1.0 and 13.0.0;
#: ``tests/test_pillow_canary.py`` checks it against the installed Pillow 9.3 on the oldest stack.
#: Pillow 10.0-10.4 added colour -> I;16*, colour -> La/RGBa, RGBa -> others and I;16N
#: (python-pillow/Pillow#7918 and the 10.x conversion work); 11.x added * -> LAB.
CONVERSIONS_REFUSED_BY_PILLOW_9_3 = {
    "1": ("LAB", "I;16N"),
    "L": ("LAB", "I;16N"),
    "P": ("LAB",),
    "RGB": ("La", "RGBa", "I;16", "I;16L", "I;16B", "I;16N"),
    "RGBA": ("La", "I;16", "I;16L", "I;16B", "I;16N"),
    "RGBX": ("La", "RGBa", "I;16", "I;16L", "I;16B", "I;16N"),
    "CMYK": ("LAB", "La", "RGBa", "I;16", "I;16L", "I;16B", "I;16N"),
    "YCbCr": ("LAB", "La", "RGBa", "I;16", "I;16L", "I;16B", "I;16N"),
    "HSV": ("LAB", "La", "RGBa", "I;16", "I;16L", "I;16B", "I;16N"),
    "I": ("LAB", "I;16N"),
    "F": ("LAB", "I;16N"),
    "LA": ("LAB", "I;16N"),
    "RGBa": ("1", "L", "RGB", "RGBX", "CMYK", "YCbCr", "LAB", "HSV", "I", "F", "LA", "La", "I;16", "I;16L",
             "I;16B", "I;16N"),
    "I;16": ("LAB", "I;16N"),
    "I;16L": ("LAB", "I;16N"),
    "I;16B": ("LAB", "I;16N"),
    "I;16N": ("1", "L", "P", "RGB", "RGBA", "RGBX", "CMYK", "YCbCr", "LAB", "HSV", "I", "F", "LA", "I;16",
              "I;16L", "I;16B", "PA"),
    "PA": ("LAB", "La", "RGBa", "I;16", "I;16L", "I;16B", "I;16N"),
}


#: Conversions Pillow 9.3.0 made through RGB, dropping alpha, and Pillow >= 12.0 makes directly
#: (keeping alpha, another palette): source -> targets. Measured on 9.3.0 and 12.1.0 / 13.0.0;
#: on every Pillow, converting to RGB first gives 9.3.0's result.
CONVERSIONS_THROUGH_RGB_IN_PILLOW_9_3 = {"RGBA": ("PA",)}


def through_rgb(reference: Any, image: Image.Image, mode: str) -> Optional[Image.Image]:
    """A conversion Pillow 9.3.0 made through RGB (``CONVERSIONS_THROUGH_RGB_IN_PILLOW_9_3``); else None."""
    if mode in CONVERSIONS_THROUGH_RGB_IN_PILLOW_9_3.get(image.mode, ()):
        return image.convert("RGB").convert(mode)
    return None


refused_by_pillow_9_3 = _refused_in(CONVERSIONS_REFUSED_BY_PILLOW_9_3)


#: ``Image.convert`` pairs (source -> targets) that older Pillow refused with ValueError, by the first
#: release that performs them (every mode converted to every mode on each era's wheels, and
#: tools/record_conversions.py): anything -> PA from 6.0, gray -> HSV from 6.2,
#: colour <-> LAB from 9.3. P -> HSV is the odd one: Pillow 6.0 and 6.1 refused it, 5.3 and 6.2 did not.
_NOT_PA = ("1", "L", "LA", "I", "F", "I;16", "I;16L", "I;16B", "P", "CMYK", "YCbCr", "HSV", "RGBa", "RGB", "RGBA",
           "RGBX")
CONVERSIONS_TO_PA_REFUSED_BEFORE_6_0 = {source: ("PA",) for source in _NOT_PA}
CONVERSIONS_TO_HSV_REFUSED_BEFORE_6_2 = {source: ("HSV",) for source in ("1", "L", "LA", "I", "F", "I;16", "I;16L",
                                                                          "I;16B")}
CONVERSIONS_WITH_LAB_REFUSED_BEFORE_9_3 = {"RGB": ("LAB",), "RGBA": ("LAB",), "RGBX": ("LAB",),
                                           "LAB": ("RGB", "RGBA", "RGBX")}


refused_to_pa = _refused_in(CONVERSIONS_TO_PA_REFUSED_BEFORE_6_0)
refused_to_hsv = _refused_in(CONVERSIONS_TO_HSV_REFUSED_BEFORE_6_2)
refused_with_lab = _refused_in(CONVERSIONS_WITH_LAB_REFUSED_BEFORE_9_3)


refused_palette_to_hsv = _refused_in({"P": ("HSV",)})


def web_palette_dither(reference: Any, image: Image.Image, mode: str) -> Optional[Image.Image]:
    """Colour -> P as Pillow < 9.2: Floyd-Steinberg to the WEB palette with the buggy cell cache."""
    if mode == "P" and image.mode in ("RGB", "CMYK", "YCbCr"):
        return to_web_palette(image if image.mode == "RGB" else image.convert("RGB"))
    return None


def i16_clipped_signed(reference: Any, image: Image.Image, mode: str) -> Optional[Image.Image]:
    """I -> I;16 as Pillow 5.3: clipped to the int16 range, its low 16 bits kept (Pillow 9.3 clips to
    0..65535), so 40000 became 32767 and -5 became 32768 (-32768)."""
    if mode == "I;16" and image.mode in ("I", "I;16"):
        return sixteen_bit_gray(np.clip(np.asarray(image), -32768, 32767).astype("<i2"))  # from I or I;16
    return None


def _ycbcr_through_rgb(targets: tuple) -> Any:
    def through_rgb(reference: Any, image: Image.Image, mode: str) -> Optional[Image.Image]:
        """YCbCr -> ``targets`` went through RGB (Y is not the luma), then as RGB converted."""
        if image.mode != "YCbCr" or mode not in targets:
            return None
        rgb = image.convert("RGB")
        converted = reference.older_conversion(rgb, mode)
        return converted if converted is not None else rgb.convert(mode)
    return through_rgb


ycbcr_to_la_through_rgb = _ycbcr_through_rgb(("LA",))
ycbcr_to_i_through_rgb = _ycbcr_through_rgb(("I",))


def _gray_from_colour(image: Image.Image, mode: str, weights: tuple, sources: tuple) -> Optional[Image.Image]:
    """Colour -> L / I / LA with a truncated fixed-point luma (``truncated_luma``)."""
    if mode not in ("L", "I", "LA") or image.mode not in sources:
        return None
    rgb_image = image if image.mode in ("RGB", "RGBA", "RGBX") else image.convert("RGBA" if _has_alpha(image) else
                                                                             "RGB")
    # uint8 2-D gives L; no mode argument anywhere here: Pillow 11.3-12.x deprecated fromarray's
    gray = Image.fromarray(truncated_luma(np.asarray(rgb_image), weights))
    if mode == "L":
        return gray
    if mode == "I":
        return gray.convert("I")  # exact widening
    alpha = rgb_image.getchannel("A") if rgb_image.mode == "RGBA" else Image.new("L", gray.size, 255)
    return Image.merge("LA", (gray, alpha))


def truncated_gray(reference: Any, image: Image.Image, mode: str) -> Optional[Image.Image]:
    """Colour -> L / I / LA as Pillow < 7.0: the 16-bit fixed-point luma truncated."""
    return _gray_from_colour(image, mode, SIXTEEN_BIT_WEIGHTS, _COLOUR_SOURCES)


def thousandths_gray(reference: Any, image: Image.Image, mode: str) -> Optional[Image.Image]:
    """RGB / RGBA / RGBX -> L / I / LA as Pillow < 4.3: ``(299 R + 587 G + 114 B) // 1000``."""
    return _gray_from_colour(image, mode, THOUSANDTHS_WEIGHTS, ("RGB", "RGBA", "RGBX"))


def subtractive_cmyk(reference: Any, image: Image.Image, mode: str) -> Optional[Image.Image]:
    """CMYK -> anything as Pillow < 4.3: RGB = 255 - min(255, C + K) per channel, then from RGB."""
    if image.mode != "CMYK" or mode == "CMYK":
        return None
    cmyk = np.asarray(image).astype(np.int16)
    rgb = Image.fromarray((255 - np.minimum(cmyk[..., :3] + cmyk[..., 3:], 255)).astype(np.uint8))  # (h, w, 3): RGB
    if mode == "RGB":
        return rgb
    converted = reference.older_conversion(rgb, mode)
    return converted if converted is not None else rgb.convert(mode)


def truncated_palette_gray(reference: Any, image: Image.Image, mode: str) -> Optional[Image.Image]:
    """P -> L / I / LA as Pillow < 9.0: the palette's luma truncated, as colour -> L before 7.0."""
    return truncated_gray(reference, image, mode) if image.mode == "P" else None


def short_palette_over_gray_ramp(reference: Any, palette: bytes) -> Optional[bytes]:
    """Pillow < 9.1 wrote a short palette over the default gray ramp: 256 entries, the rest gray."""
    if len(palette) < len(GRAY_RAMP):
        return bytes(palette) + GRAY_RAMP[len(palette):]
    return None


def _has_alpha(image: Image.Image) -> bool:
    """A palette image whose conversion keeps alpha (``P`` with transparency converts through RGBA)."""
    return image.mode == "P" and "transparency" in image.info


# --- RGB -> P: the WEB palette, Floyd-Steinberg, Pillow 5.3's palette lookup ------------------------

_PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_PALETTE_FILE = os.path.join(_PACKAGE, "data", "web_palette_pillow_5_3.npz")
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
    if resample_kernels is not None:
        resample_kernels.dither(rgb, cells, palette, indices)
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


def wrapped_in_object_array(reference: Any, image: Image.Image) -> np.ndarray:
    """numpy swallowed the error older Pillow raised loading a damaged file (a truncated PNG) and
    wrapped the image object in a 0-d object array, which scipy 1.1.0 returned."""
    wrapped = np.empty((), dtype=object)
    wrapped[()] = image
    return wrapped


def transparency_dropped_to_la(reference: Any, image: Image.Image, mode: str) -> Optional[Image.Image]:
    """P with a transparent index -> LA as Pillow 8.3: the palette's luma (truncated), alpha 255."""
    if image.mode != "P" or mode != "LA" or "transparency" not in image.info:
        return None
    gray = Image.fromarray(truncated_luma(np.asarray(image.convert("RGB"))))
    return Image.merge("LA", (gray, Image.new("L", gray.size, 255)))
