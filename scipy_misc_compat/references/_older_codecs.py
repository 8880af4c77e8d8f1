"""Older Pillow codecs, for the rows of ``_changes`` that concern reading and writing files."""

from __future__ import annotations

import contextlib
import os
import tempfile
from typing import Any, Dict, Iterator, Optional

import numpy as np
from PIL import Image


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
        raise ImportError("references before pillow-9.0 (2018 too) read and write JPEG with IJG libjpeg 9c, as "
                          "Pillow's wheels had it, through jpeglib: pip install jpeglib") from None
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


def tiff_ycbcr_as_rgb(image: Image.Image, mode: str = "RGB") -> Optional[Image.Image]:
    """Pillow 5.3 read an uncompressed 8-bit YCbCr TIFF as mode RGB holding the YCbCr samples
    (Pillow 9.3 failed on it, Pillow < 5.3 and > 10 open it as YCbCr: ``mode``). ``image`` is the
    file opened by Pillow; its strips are read from its file only for such a TIFF. None for any
    other file."""
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
        return Image.frombytes(mode, (width, height), b"".join(strips)[:width * height * 3])
    except Exception:  # not a TIFF whose tags Pillow can parse: Pillow's own error follows
        return None


# --- the rows' computations (``_changes``) ---------------------------------------------------------


def ijg_decode(reference: Any, source: Any, head: bytes) -> Optional[Image.Image]:
    """A JPEG (``head``: its first bytes; ``source``: a path or the file's bytes) as Pillow < 9.0
    decoded it with IJG libjpeg 9b/9c/9d (the same pixels); None for other files and CMYK."""
    return jpeg_decode(source) if is_jpeg(head) else None


def ijg_encode(reference: Any, image: Image.Image, params: Dict[str, Any]) -> Optional[bytes]:
    """The JPEG file Pillow < 9.0 wrote with IJG libjpeg, or None for what ``jpeg_encode`` does not cover."""
    return jpeg_encode(image, params)


def ycbcr_tiff_as_rgb(reference: Any, image: Image.Image) -> Optional[Image.Image]:
    """An opened file as Pillow 5.3-5.4 gave it where it differs (``tiff_ycbcr_as_rgb``); else None."""
    return tiff_ycbcr_as_rgb(image)


def ycbcr_tiff_as_ycbcr(reference: Any, image: Image.Image) -> Optional[Image.Image]:
    """An uncompressed YCbCr TIFF as Pillow < 5.3 opened it: YCbCr, its samples read as they are."""
    return tiff_ycbcr_as_rgb(image, "YCbCr")
