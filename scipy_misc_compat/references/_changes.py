"""THE table: every behaviour of scipy 1.1.0's image functions that changed with a Pillow release.

One row per change: the first Pillow minor release with the later behaviour (``since``), the
pipeline step that asks about it, what changed in words, the computation of the older
behaviour (called by every reference older than ``since``, as ``older(reference, *step
arguments)``; None where it does not apply), and the recorded cases that show it. The
installed Pillow computes everything else; where it no longer computes what Pillow 9.3 did,
a row with ``since`` after 9.3 brings 9.3's behaviour back for every reference.

Adding an era is adding its rows (and its recording in ``tests/fixtures/eras``);
``tests/test_eras.py`` replays every recording under its name and checks each row's proof.
"""

from __future__ import annotations

from typing import Any, Callable, NamedTuple, Optional, Tuple

from . import _older_codecs as codecs
from . import _older_conversions as conversions
from . import _older_geometry as geometry

# The steps, and what their rows' ``older`` computations take and give (``Reference`` has one method each).
REFUSE = "refuse"  #: (source mode, target mode) -> True where that Pillow refused the conversion
CONVERT = "convert"  #: (image, mode) -> the converted image
PALETTE = "palette"  #: (palette bytes) -> the palette putpalette stored
ROTATE = "rotate"  #: (image, angle, resample) -> the rotated image
RESIZE_NEAREST_PREMULTIPLIED = "resize-nearest-premultiplied"  #: () -> True
DECODE = "decode"  #: (path or bytes, first bytes) -> the decoded image
OPENED = "opened"  #: (image opened by the installed Pillow) -> the image that Pillow gave
ENCODE_JPEG = "encode-jpeg"  #: (image, save options) -> the file's bytes
UNLOADABLE_ARRAY = "unloadable-array"  #: (image whose pixels fail to load) -> what np.array gave
FAILED_SAVE_KEEPS_FILE = "failed-save-keeps-file"  #: () -> True


class Change(NamedTuple):
    since: Tuple[int, int]  #: the first Pillow minor release with the later behaviour
    step: str  #: which ``Reference`` method asks
    what: str  #: the later behaviour, and before it the older one
    older: Callable[..., Any]  #: computes the older behaviour (None: not this case)
    proof: Tuple[str, ...]  #: recorded case ids (prefixes) that show the difference
    needs: Optional[str] = None  #: the pip package the older computation needs, if any


def _true(reference: Any, *args: Any) -> bool:
    return True


CHANGES: Tuple[Change, ...] = tuple(sorted((
    Change((7, 0), CONVERT, "RGB/RGBA/CMYK/P -> L, I, LA round the 16-bit fixed-point luma; before: truncated",
           conversions.truncated_gray, ("fromimage/RGB/L", "imread/rgb.png/L")),
    Change((9, 2), CONVERT, "RGB/CMYK/YCbCr -> P quantises to the WEB palette with a correct colour cache "
           "(python-pillow/Pillow#6377); before: a cell table with the cache bug", conversions.web_palette_dither,
           ("fromimage/RGB/P",)),
    Change((9, 3), CONVERT, "I -> I;16 clips to 0..65535; before: to the int16 range, low 16 bits kept",
           conversions.i16_clipped_signed, ("fromimage/I/I;16",)),
    Change((9, 3), CONVERT, "YCbCr -> I / LA take Y as the luma; before: through RGB",
           conversions.ycbcr_through_rgb, ("fromimage/YCbCr/LA",)),
    Change((9, 3), REFUSE, "gray -> HSV, anything -> PA, colour <-> LAB convert; before: ValueError",
           conversions.refused_by_pillow_5_3, ("sweep toimage->fromimage",)),
    Change((10, 0), REFUSE, "colour -> I;16*, colour -> La/RGBa, RGBa -> others, * -> LAB convert (Pillow 10-11); "
           "Pillow 9.3 and before: ValueError", conversions.refused_by_pillow_9_3, ("sweep toimage->fromimage",)),
    Change((12, 0), CONVERT, "RGBA -> PA keeps alpha; Pillow 9.3 and before: through RGB",
           conversions.through_rgb, ("pillow_canary convert",)),
    Change((9, 1), PALETTE, "putpalette keeps a short palette short (python-pillow/Pillow#5552); before: written "
           "over the 256-entry gray ramp", conversions.short_palette_over_gray_ramp, ("toimage/pal",)),
    Change((8, 2), ROTATE, "NEAREST rotation of RGBA is not premultiplied; before: it was",
           geometry.premultiplied_nearest_rotation, ("imrotate/rgba",)),
    Change((8, 2), RESIZE_NEAREST_PREMULTIPLIED, "NEAREST resize of LA/RGBA is not premultiplied "
           "(python-pillow/Pillow#5304); before: it was", geometry.premultiplied_nearest_resize, ("imresize/rgba",)),
    Change((9, 0), DECODE, "JPEG through libjpeg-turbo; before: IJG libjpeg 9b/9c/9d (the same pixels)",
           codecs.ijg_decode, ("jpeg_2018",), needs="jpeglib"),
    Change((9, 0), ENCODE_JPEG, "JPEG through libjpeg-turbo; before: IJG libjpeg 9b/9c/9d (the same files)",
           codecs.ijg_encode, ("jpeg_2018 written",), needs="jpeglib"),
    Change((6, 0), OPENED, "an uncompressed YCbCr TIFF fails to load (Pillow 9.3); before: opened as RGB holding "
           "the YCbCr samples", codecs.ycbcr_tiff_as_rgb, ("imread/ycbcr.tif",)),
    Change((9, 0), UNLOADABLE_ARRAY, "np.array of an image that fails to load raises; before: numpy wrapped the "
           "image in a 0-d object array", conversions.wrapped_in_object_array, ("imread/truncated.png",)),
    Change((9, 1), FAILED_SAVE_KEEPS_FILE, "a failed save removes the file it created (python-pillow/Pillow#6134); "
           "before: the emptied file stayed", _true, ("imsave/u8_rgba.jpg",)),
), key=lambda change: change.since))


__all__ = ["Change", "CHANGES", "REFUSE", "CONVERT", "PALETTE", "ROTATE", "RESIZE_NEAREST_PREMULTIPLIED", "DECODE",
           "OPENED", "ENCODE_JPEG", "UNLOADABLE_ARRAY", "FAILED_SAVE_KEEPS_FILE"]
