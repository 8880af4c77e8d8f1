"""Every Pillow operation whose numbers are still part of a legacy result, in one place.

The package computes ``Image.resize`` itself (``_resample``: Pillow 13 and Pillow-SIMD
changed it). What remains below is delegated to the installed Pillow because it was
measured to give Pillow 9.3.0's results on every Pillow listed in ``VERIFIED_ON``.
``tests/test_pillow_canary.py`` runs each one on seeded random inputs against results
recorded on Pillow 9.3.0 (``tools/record_canary.py``), so a Pillow release that changes
one fails CI with the operation's name before users get different numbers; CI runs it on
the oldest and newest Pillow and on the versions in between listed here.

Conversions that Pillow 9.3.0 refused and newer Pillow performs are refused by the
package (``references._older_conversions.CONVERSIONS_REFUSED_BY_PILLOW_9_3``, a row of the
table of changes), so they are not delegated.
"""

from __future__ import annotations

from typing import NamedTuple, Tuple

#: Pillow releases on which every operation below gave Pillow 9.3.0's results.
VERIFIED_ON: Tuple[str, ...] = ("9.3.0", "10.4.0", "11.3.0", "12.1.0", "13.0.0")


class Delegated(NamedTuple):
    """One Pillow operation the legacy functions still call."""

    name: str  #: the canary's name for it (the test reports failures under this name)
    pillow_call: str  #: what is called
    used_by: str  #: which legacy functions' numbers depend on it


DELEGATED: Tuple[Delegated, ...] = (
    Delegated("rotate", "Image.rotate(angle, resample) with NEAREST, BILINEAR, BICUBIC on L, RGB, RGBA",
              "imrotate"),
    Delegated("filter", "Image.filter(f) with the ten ImageFilter kernels on L, RGB, RGBA", "imfilter"),
    Delegated("convert", "Image.convert(mode) between every pair of modes Pillow 9.3 converted "
                         "(palette lookups, colour to gray weights, YCbCr, CMYK, 32-bit and 16-bit modes)",
              "fromimage(mode=..., flatten=...), imread(mode=..., flatten=...), imresize/imsave of P and 1 images"),
    Delegated("frombytes_1", "Image.frombytes('1', ...) unpacking of packed bits", "toimage(mode='1')"),
    Delegated("png", "PNG encode and decode (L, LA, P, RGB, RGBA, 1, I;16)", "imsave, imread, toimage(...).save"),
    Delegated("jpeg_decode", "JPEG decode (libjpeg-turbo since Pillow 9.3's wheels) of baseline, progressive, "
                             "4:2:0 / 4:4:4 colour and gray files", "imread"),
    Delegated("jpeg_encode", "JPEG encode with Pillow's defaults (quality 75, 4:2:0), compared decoded", "imsave"),
    Delegated("bmp_tiff_gif", "BMP, TIFF and GIF encode and decode", "imsave, imread"),
)


def delegated_names() -> Tuple[str, ...]:
    return tuple(operation.name for operation in DELEGATED)


__all__ = ["VERIFIED_ON", "Delegated", "DELEGATED", "delegated_names"]
