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
from . import _older_filters as filters
from . import _older_geometry as geometry
from . import _older_saving as saving

# The steps, and what their rows' ``older`` computations take and give (``Reference`` has one method each).
REFUSE = "refuse"  #: (source mode, target mode) -> True where that Pillow refused the conversion
CONVERT = "convert"  #: (image, mode) -> the converted image
PALETTE = "palette"  #: (palette bytes) -> the palette putpalette stored
ROTATE = "rotate"  #: (image, angle, resample) -> the rotated image
RESIZE_NEAREST_PREMULTIPLIED = "resize-nearest-premultiplied"  #: () -> True
DECODE = "decode"  #: (path or bytes, first bytes) -> the decoded image
OPENED = "opened"  #: (image opened by the installed Pillow) -> the image that Pillow gave
ENCODE_JPEG = "encode-jpeg"  #: (image, save options) -> the file's bytes
UNLOADABLE_ARRAY = "unloadable-array"  #: (image whose pixels fail to load) -> what np.array gave, False: raised
FAILED_SAVE_KEEPS_FILE = "failed-save-keeps-file"  #: () -> True
FILTER = "filter"  #: (image, ImageFilter filter) -> the filtered image
UNKNOWN_FORMAT = "unknown-format"  #: (file extension) -> the exception Pillow raised for it


class Change(NamedTuple):
    since: Tuple[int, int]  #: the first Pillow minor release with the later behaviour
    step: str  #: which ``Reference`` method asks
    what: str  #: the later behaviour, and before it the older one
    older: Callable[..., Any]  #: computes the older behaviour (None: not this case)
    proof: Tuple[str, ...]  #: recorded case ids (prefixes) that show the difference
    needs: Optional[str] = None  #: the pip package the older computation needs, if any
    first: Optional[Tuple[int, int]] = None  #: a behaviour of a few releases only: the first that had it

    def applies_to(self, pillow: Tuple[int, int]) -> bool:
        """Whether a reference on this Pillow minor release has the older behaviour of this row."""
        return pillow < self.since and (self.first is None or pillow >= self.first)


def _true(reference: Any, *args: Any) -> bool:
    return True


CHANGES: Tuple[Change, ...] = tuple(sorted((
    Change((4, 1), UNKNOWN_FORMAT, "saving to an unknown or empty extension raises ValueError('unknown file "
           "extension: ...'); before: KeyError(extension)", saving.unknown_extension_key_error,
           ("imsave/err/unknown_ext", "imsave/err/buffer_noformat")),
    Change((4, 2), ENCODE_JPEG, "saving RGBA as JPEG raises OSError; before: alpha dropped, the file written",
           saving.rgba_jpeg_without_alpha, ("imsave/u8_rgba.jpg", "toimage_save/rgba_jpg")),
    Change((4, 3), CONVERT, "CMYK -> other modes: (255 - C)(255 - K) / 255 per channel; before: "
           "255 - min(255, C + K), then as from RGB", conversions.subtractive_cmyk, ("fromimage/CMYK/RGB",)),
    Change((4, 3), CONVERT, "RGB/RGBA/RGBX -> L, I, LA: the 16-bit fixed-point luma (truncated until 7.0); before: "
           "(299 R + 587 G + 114 B) // 1000", conversions.thousandths_gray, ("golden thumbnail_cache/pillow-4.0",)),
    Change((4, 3), FILTER, "the dividing ImageFilter kernels (blur, detail, edge_enhance, smooth, smooth_more, "
           "sharpen) round; before: truncated", filters.truncated_kernel_filter, ("imfilter/uint8/gray/smooth",)),
    Change((5, 3), OPENED, "an uncompressed YCbCr TIFF opens as RGB holding the YCbCr samples (5.3-5.4; later "
           "Pillow fails to load it); before: as YCbCr", codecs.ycbcr_tiff_as_ycbcr, ("imread/ycbcr.tif/YCbCr",)),
    Change((7, 0), CONVERT, "RGB/RGBA/CMYK/P -> L, I, LA round the 16-bit fixed-point luma; before: truncated",
           conversions.truncated_gray, ("fromimage/RGB/L", "imread/rgb.png/L")),
    Change((9, 0), CONVERT, "P -> L, I, LA round the palette's luma; before: truncated (RGB -> L rounds from 7.0)",
           conversions.truncated_palette_gray, ("imread/p.png/L",)),
    Change((9, 2), CONVERT, "RGB/CMYK/YCbCr -> P quantises to the WEB palette with a correct colour cache "
           "(python-pillow/Pillow#6377); before: a cell table with the cache bug", conversions.web_palette_dither,
           ("fromimage/RGB/P",)),
    Change((9, 1), CONVERT, "I -> I;16 clips to 0..65535; before: to the int16 range, low 16 bits kept",
           conversions.i16_clipped_signed, ("fromimage/I/I;16",)),
    Change((6, 0), CONVERT, "YCbCr -> LA takes Y as the luma; before: through RGB",
           conversions.ycbcr_to_la_through_rgb, ("fromimage/YCbCr/LA",)),
    Change((7, 0), CONVERT, "YCbCr -> I takes Y as the luma; before: through RGB",
           conversions.ycbcr_to_i_through_rgb, ("fromimage/YCbCr/I",)),
    Change((6, 0), REFUSE, "anything -> PA converts; before: ValueError", conversions.refused_to_pa,
           ("every mode pair on each era's wheels",)),
    Change((6, 2), REFUSE, "P -> HSV converts; Pillow 6.0 and 6.1 alone: ValueError",
           conversions.refused_palette_to_hsv, ("sweep convert/P->HSV",), first=(6, 0)),
    Change((6, 2), REFUSE, "gray (1, L, LA, I, F, I;16) -> HSV converts; before: ValueError",
           conversions.refused_to_hsv, ("sweep convert/L->HSV",)),
    Change((9, 3), REFUSE, "RGB/RGBA/RGBX <-> LAB convert; before: ValueError", conversions.refused_with_lab,
           ("sweep convert/RGB->LAB",)),
    Change((10, 0), REFUSE, "colour -> I;16*, colour -> La/RGBa, RGBa -> others, * -> LAB convert (Pillow 10-11); "
           "Pillow 9.3 and before: ValueError", conversions.refused_by_pillow_9_3, ("sweep toimage->fromimage",)),
    Change((12, 0), CONVERT, "RGBA -> PA keeps alpha; Pillow 9.3 and before: through RGB",
           conversions.through_rgb, ("pillow_canary convert",)),
    Change((9, 1), PALETTE, "putpalette keeps a short palette short; before: written over the 256-entry gray ramp",
           conversions.short_palette_over_gray_ramp, ("toimage/pal",)),
    Change((8, 2), ROTATE, "NEAREST rotation of RGBA is not premultiplied; before: it was",
           geometry.premultiplied_nearest_rotation, ("imrotate/rgba",)),
    Change((8, 2), RESIZE_NEAREST_PREMULTIPLIED, "NEAREST resize of LA/RGBA is not premultiplied "
           "(python-pillow/Pillow#5304); before: it was", geometry.premultiplied_nearest_resize, ("imresize/rgba",)),
    Change((9, 0), DECODE, "JPEG through libjpeg-turbo; before: IJG libjpeg 9b/9c/9d (the same pixels)",
           codecs.ijg_decode, ("jpeg_2018",), needs="jpeglib"),
    Change((9, 0), ENCODE_JPEG, "JPEG through libjpeg-turbo; before: IJG libjpeg 9b/9c/9d (the same files)",
           codecs.ijg_encode, ("jpeg_2018 written",), needs="jpeglib"),
    Change((6, 0), OPENED, "an uncompressed YCbCr TIFF fails to load (Pillow 9.3); 5.3-5.4: opened as RGB holding "
           "the YCbCr samples", codecs.ycbcr_tiff_as_rgb, ("imread/ycbcr.tif",), first=(5, 3)),
    # np.array(image) of an image whose pixels fail to load (a truncated PNG): numpy 1.15 (the era recordings)
    # swallowed the error of older Pillow's array interface and wrapped the image in a 0-d object array;
    # Pillow 8.3-9.1 raised it past numpy; on Pillow 9.2 numpy 1.15 wrapped it again; the 2022 reference
    # (Pillow 9.3) runs numpy 1.23.5, which raises it.
    Change((8, 3), UNLOADABLE_ARRAY, "the load error is raised; before: a 0-d object array holding the image",
           conversions.wrapped_in_object_array, ("imread/truncated.png",)),
    Change((9, 3), UNLOADABLE_ARRAY, "the load error (numpy 1.23.5, the 2022 stack); Pillow 9.2 on numpy 1.15: a "
           "0-d object array again", conversions.wrapped_in_object_array, ("imread/truncated.png",), first=(9, 2)),
    Change((8, 4), CONVERT, "P with a transparent index -> LA keeps the transparency; Pillow 8.3 alone: alpha 255 "
           "(and the palette's luma truncated, as until 9.0)", conversions.transparency_dropped_to_la,
           ("imread/p_trns.png/LA",), first=(8, 3)),
    Change((9, 1), FAILED_SAVE_KEEPS_FILE, "a failed save removes the file it created (python-pillow/Pillow#6134); "
           "before: the emptied file stayed", _true, ("imsave/u8_rgba.jpg",)),
), key=lambda change: change.since))


__all__ = ["Change", "CHANGES", "REFUSE", "CONVERT", "PALETTE", "ROTATE", "RESIZE_NEAREST_PREMULTIPLIED", "DECODE",
           "OPENED", "ENCODE_JPEG", "UNLOADABLE_ARRAY", "FAILED_SAVE_KEEPS_FILE", "FILTER", "UNKNOWN_FORMAT"]
