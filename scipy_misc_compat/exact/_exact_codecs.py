"""Lossless file codecs for ``exact=True``: what each format can hold, and writing/reading it.

PNG
    Pillow writes and reads 1-bit, 8-bit (gray, gray+alpha, RGB, RGBA) and 16-bit
    gray; pypng writes and reads 16-bit gray+alpha/RGB/RGBA (no Pillow version can)
    and reads 2/4-bit gray as stored samples (Pillow scales them to 8 bits).
    Integer dtypes other than uint8/uint16 (and arrays of shape HxWx1) are stored at
    the smallest fitting depth, with the dtype and shape recorded in a ``tEXt``
    chunk, so the file stays a standard PNG for every other reader.
TIFF
    tifffile writes and reads every numeric dtype, 2-D and HxWxC (C 1..4); dtype
    (with byte order) and shape are recorded in its JSON image description.
BMP
    Pillow writes and reads bool (1-bit), uint8 gray and uint8 RGB exactly (RGBA
    BMP reads back as RGB, so it is refused).
Anything else (JPEG, WebP, GIF, ...) is refused before a file is opened.
"""

from __future__ import annotations

import io
import json
from typing import IO, Any, Callable, Dict, Optional

import numpy as np
from PIL import Image


#: The tEXt keyword (PNG) and the image-description key (TIFF) holding our metadata.
METADATA_KEY = "scipy-misc-compat"

EXACT_FORMATS = ("PNG", "TIFF", "BMP")

#: What each dtype kind needs to be stored exactly, for error messages.
_TIFF_HINT = "save it as TIFF (every numeric dtype is stored exactly there)"

Writer = Callable[[IO[bytes]], None]


class ExactStorageError(ValueError):
    """``exact=True`` cannot store (or return) this array unchanged; the message says what to do."""


# --- shared checks ---------------------------------------------------------------------------


def _png() -> Any:
    """pypng, imported on first use: ``import scipy_misc_compat`` should not pay for it."""
    import png
    return png


def _tifffile() -> Any:
    """tifffile, imported on first use (it takes about 10 ms to import)."""
    import tifffile
    return tifffile

def _describe(array: np.ndarray) -> str:
    if array.size == 0:
        return "%s array of shape %s" % (array.dtype, array.shape)
    if array.dtype.kind in "biu":
        return "%s array of shape %s, values %s..%s" % (array.dtype, array.shape, array.min(), array.max())
    if array.dtype.kind == "f":
        finite = array[np.isfinite(array)]
        span = "%s..%s" % (finite.min(), finite.max()) if finite.size else "none finite"
        return "%s array of shape %s, finite values %s" % (array.dtype, array.shape, span)
    return "%s array of shape %s" % (array.dtype, array.shape)


def _channels(array: np.ndarray, format_name: str) -> int:
    """1 for 2-D, C for HxWxC with C in 1..4; otherwise refuse."""
    if array.ndim == 2 and array.size:
        return 1
    if array.ndim == 3 and 1 <= array.shape[2] <= 4 and array.size:
        return array.shape[2]
    raise ExactStorageError(
        "exact=True: %s cannot store a %s; images are 2-D (rows, columns) or 3-D with 1 to 4 "
        "channels last, and not empty." % (format_name, _describe(array)))


# --- PNG ---------------------------------------------------------------------------------------

def _png_depth(array: np.ndarray) -> int:
    """The PNG sample depth that holds ``array`` exactly (1, 8 or 16), or refuse."""
    kind = array.dtype.kind
    if kind == "b":
        if array.ndim == 2 or array.shape[2] == 1:
            return 1
        raise ExactStorageError("exact=True: PNG stores bool only as 2-D (1-bit gray); got %s; %s."
                                % (_describe(array), _TIFF_HINT))
    if kind not in "ui":
        raise ExactStorageError("exact=True: PNG stores integers only; got a %s; %s." % (_describe(array), _TIFF_HINT))
    if array.dtype == np.uint8:
        return 8
    if array.dtype == np.uint16:
        return 16
    low, high = int(array.min()), int(array.max())
    if low < 0 or high > 65535:
        raise ExactStorageError("exact=True: PNG holds integers 0..65535; got a %s; %s."
                                % (_describe(array), _TIFF_HINT))
    return 8 if high <= 255 else 16


def png_writer(array: np.ndarray) -> Writer:
    """Validate ``array`` for PNG and return the function that writes it."""
    channels = _channels(array, "PNG")
    depth = _png_depth(array)
    height, width = array.shape[:2]
    metadata = json.dumps({"dtype": array.dtype.str, "shape": list(array.shape)})
    if depth == 16 and channels > 1:
        return lambda handle: _write_png_with_pypng(handle, array, channels, metadata)
    samples = array.reshape(height, width, channels)
    if depth == 1:
        image = Image.frombytes("1", (width, height), np.packbits(samples[:, :, 0], axis=1).tobytes())
    elif depth == 16:
        image = Image.frombytes("I;16", (width, height), samples.astype("<u2").tobytes())
    else:
        mode = {1: "L", 2: "LA", 3: "RGB", 4: "RGBA"}[channels]
        image = Image.frombytes(mode, (width, height), samples.astype(np.uint8).tobytes())
    from PIL import PngImagePlugin  # Pillow's PNG plugin loads on first use, as Pillow itself does it
    info = PngImagePlugin.PngInfo()
    info.add_text(METADATA_KEY, metadata)
    return lambda handle: image.save(handle, format="PNG", pnginfo=info)


def _write_png_with_pypng(handle: IO[bytes], array: np.ndarray, channels: int, metadata: str) -> None:
    height, width = array.shape[:2]
    writer = _png().Writer(width, height, greyscale=channels <= 2, alpha=channels in (2, 4), bitdepth=16)
    packed_rows = array.astype(">u2").reshape(height, width * channels).view(np.uint8)
    encoded = io.BytesIO()
    writer.write_packed(encoded, packed_rows)
    chunks = list(_png().Reader(bytes=encoded.getvalue()).chunks())
    text = (b"tEXt", METADATA_KEY.encode("latin-1") + b"\0" + metadata.encode("latin-1"))
    _png().write_chunks(handle, chunks[:1] + [text] + chunks[1:])  # after IHDR


def check_pixel_count(width: int, height: int) -> None:
    """Pillow's decompression-bomb limit (twice ``MAX_IMAGE_PIXELS``), for the decoders that are not Pillow."""
    limit = Image.MAX_IMAGE_PIXELS
    if limit is not None and width * height > 2 * limit:
        from .._errors import ImageTooLargeError
        raise ImageTooLargeError("image of %d x %d pixels exceeds the limit of %d pixels (PIL.Image.MAX_IMAGE_PIXELS "
                                 "x 2; set PIL.Image.MAX_IMAGE_PIXELS to read it deliberately)"
                                 % (width, height, 2 * limit))


def read_png(data: bytes) -> np.ndarray:
    """The stored samples of a PNG at their natural depth, with our recorded dtype/shape applied."""
    reader = _png().Reader(bytes=data)
    reader.preamble()
    check_pixel_count(reader.width, reader.height)
    depth, colour_type = reader.bitdepth, reader.color_type
    if (depth == 16 and colour_type != 0) or (colour_type == 0 and depth in (2, 4)):
        samples = _read_png_with_pypng(data)
    else:
        with Image.open(io.BytesIO(data)) as image:
            samples = pillow_samples(image)
            if depth == 16 and samples.dtype != np.uint16:  # Pillow <= 10.2 opened these as mode I
                samples = samples.astype(np.uint16)
    return _apply_metadata(samples, _png_metadata(data))


def _read_png_with_pypng(data: bytes) -> np.ndarray:
    width, height, pixels, info = _png().Reader(bytes=data).read_flat()
    dtype = np.uint16 if info["bitdepth"] == 16 else np.uint8
    samples = np.frombuffer(pixels, dtype=dtype).reshape(height, width, info["planes"])
    return samples[:, :, 0] if info["planes"] == 1 else samples


def _png_metadata(data: bytes) -> Optional[Dict[str, Any]]:
    for chunk_type, content in _png().Reader(bytes=data).chunks():
        if chunk_type == b"tEXt":
            keyword, _, text = content.partition(b"\0")
            if keyword == METADATA_KEY.encode("latin-1"):
                return json.loads(text.decode("latin-1"))
        if chunk_type == b"IDAT":
            break
    return None


# --- TIFF --------------------------------------------------------------------------------------

def tiff_writer(array: np.ndarray) -> Writer:
    """Validate ``array`` for TIFF and return the function that writes it."""
    channels = _channels(array, "TIFF")
    if array.dtype.kind not in "biufc":
        raise ExactStorageError("exact=True: TIFF stores numeric arrays; got a %s." % _describe(array))
    options: Dict[str, Any] = {"photometric": "minisblack"}
    if channels in (3, 4):
        options = {"photometric": "rgb"}
    elif channels == 2:
        options["planarconfig"] = "contig"
    metadata = {METADATA_KEY: {"dtype": array.dtype.str}}
    # tifffile packs bool as 1-bit samples, which it reads back wrongly for several samples per
    # pixel: bool is stored as uint8 0/1 (the recorded dtype gives bool back).
    samples = array.view(np.uint8) if array.dtype == bool else array
    return lambda handle: _tifffile().imwrite(handle, samples, metadata=metadata, **options)


def read_tiff(data: bytes) -> np.ndarray:
    with _tifffile().TiffFile(io.BytesIO(data)) as tiff:
        shape = tiff.series[0].shape
        check_pixel_count(int(np.prod(shape[:-1], dtype=np.int64)) if len(shape) > 1 else 1, int(shape[-1]))
        samples = tiff.asarray()
        recorded = next((m.get(METADATA_KEY) for m in (tiff.shaped_metadata or ()) if METADATA_KEY in m), None)
    return _apply_metadata(samples, recorded)


# --- BMP ---------------------------------------------------------------------------------------

def bmp_writer(array: np.ndarray) -> Writer:
    """BMP has no room for metadata: only arrays it gives back as they were (2-D gray, HxWx3 RGB)."""
    channels = _channels(array, "BMP")
    gray = array.ndim == 2
    if array.dtype == bool and gray:
        mode = "1"
    elif array.dtype == np.uint8 and (gray or channels == 3):
        mode = "L" if gray else "RGB"
    else:
        raise ExactStorageError(
            "exact=True: BMP stores only 2-D bool, 2-D uint8 and HxWx3 uint8 exactly (RGBA reads back as RGB); "
            "got a %s; use PNG or TIFF." % _describe(array))
    height, width = array.shape[:2]
    pixels = array.reshape(height, width, channels)
    if mode == "1":
        image = Image.frombytes("1", (width, height), np.packbits(pixels[:, :, 0], axis=1).tobytes())
    else:
        image = Image.frombytes(mode, (width, height), np.ascontiguousarray(pixels).tobytes())
    return lambda handle: image.save(handle, format="BMP")


# --- dispatch ----------------------------------------------------------------------------------

_WRITERS = {"PNG": png_writer, "TIFF": tiff_writer, "BMP": bmp_writer}


def exact_writer(array: np.ndarray, format_name: str) -> Writer:
    """The writer storing ``array`` unchanged in ``format_name``, or ExactStorageError (nothing written)."""
    factory = _WRITERS.get(format_name.upper())
    if factory is None:
        raise ExactStorageError(
            "exact=True cannot store into %s: it is lossy or cannot hold arrays unchanged. Exact formats: "
            "PNG (bool, integers 0..65535), TIFF (every numeric dtype), BMP (uint8 gray/RGB)." % format_name)
    return factory(np.asarray(array))


def read_exact(data: bytes) -> np.ndarray:
    """The samples stored in an image file's bytes, at full depth, without conversions."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return read_png(data)
    if data[:4] in (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+"):
        return read_tiff(data)
    with Image.open(io.BytesIO(data)) as image:
        return pillow_samples(image)


def pillow_samples(image: Image.Image) -> np.ndarray:
    """An image's samples as Pillow holds them: '1' as bool, 'P' as indices, no conversion.

    Pillow's array interface gives mode '1' as bool bytes of 0x00/0xFF; numpy's own bools
    are 0x01, and ``tobytes``, ``view(np.uint8)``, hashes and ``np.save`` see the
    difference. Bools are returned with canonical 0/1 bytes.
    """
    samples = np.array(image)
    if samples.dtype == bool:
        return samples.view(np.uint8) != 0
    return samples


def _apply_metadata(samples: np.ndarray, recorded: Optional[Dict[str, Any]]) -> np.ndarray:
    """Give back the dtype and shape recorded at write time (values were checked to fit then)."""
    if not recorded:
        return samples
    dtype = np.dtype(recorded["dtype"])
    shape = tuple(recorded.get("shape", samples.shape))
    restored = samples.astype(dtype)
    if not np.array_equal(restored, samples, equal_nan=samples.dtype.kind in "fc"):
        raise ExactStorageError("the file's recorded dtype %s does not hold its samples; the file was "
                                "changed after it was written" % dtype)
    return restored.reshape(shape)


__all__ = ["pillow_samples", "ExactStorageError", "EXACT_FORMATS", "exact_writer", "read_exact", "METADATA_KEY"]
