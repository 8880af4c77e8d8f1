"""Measure what ``imsave(..., exact=True)`` stores for each dtype x format, as a Markdown table.

Usage: ``python tools/exact_table.py``. Each cell is measured, not declared: the
array is saved, the file is inspected (PNG bit depth and colour type, TIFF sample
type, BMP mode), and the round trip through ``imread(..., exact=True)`` is checked.
README.md includes the output; ``tests/test_docs_tables.py`` keeps them equal.
"""

import io
import os
import sys

import numpy as np
import png
import tifffile
from PIL import Image

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from scipy_misc_compat import imread, imsave  # noqa: E402

VALUE_SETS = [
    ("bool", "bool", [[False, True]]),
    ("uint8", "uint8", [[0, 255]]),
    ("uint16", "uint16", [[0, 65535]]),
    ("int8/16/32/64, uint32/64", "int32", [[0, 200]]),
    ("", "int32", [[0, 60000]]),
    ("", "int32", [[-1, 5]]),
    ("", "int32", [[0, 70000]]),
    ("float16/32/64", "float32", [[0.5, np.nan]]),
    ("", "float64", [[0.0, 7.0]]),
    ("complex64/128", "complex64", [[1 + 2j, 0]]),
]
FORMATS = ["PNG", "TIFF", "BMP"]
PNG_COLOUR = {0: "gray", 2: "RGB", 3: "palette", 4: "gray+alpha", 6: "RGBA"}


def describe(format_name, data, array):
    """How the file holds the samples; "+dtype" where the recorded dtype restores the array's."""
    if format_name == "PNG":
        reader = png.Reader(bytes=data)
        reader.preamble()
        stored = "%d-bit %s" % (reader.bitdepth, PNG_COLOUR[reader.color_type])
        natural = {1: np.dtype(bool), 8: np.dtype(np.uint8), 16: np.dtype(np.uint16)}[reader.bitdepth]
    elif format_name == "TIFF":
        with tifffile.TiffFile(io.BytesIO(data)) as tiff:
            page = tiff.pages[0]
            natural = page.dtype
            stored = "same dtype" if natural == array.dtype else "%s" % natural
    else:
        with Image.open(io.BytesIO(data)) as image:
            stored = "mode %s" % image.mode
            natural = np.asarray(image).dtype
    return stored if natural == array.dtype else stored + " +dtype"


def cell(format_name, array):
    buffer = io.BytesIO()
    try:
        imsave(buffer, array, format=format_name, exact=True)
    except ValueError:
        return "refused"
    back = imread(io.BytesIO(buffer.getvalue()), exact=True)
    assert back.dtype == array.dtype and np.array_equal(back, array, equal_nan=array.dtype.kind in "fc")
    return describe(format_name, buffer.getvalue(), array)


def table():
    lines = ["| dtype | values | " + " | ".join("%s 2-D | %s HxWx3" % (f, f) for f in FORMATS) + " |",
             "|---|---|" + "---|---|" * len(FORMATS)]
    for label, dtype, values in VALUE_SETS:
        gray = np.array(values, dtype=dtype)
        colour = np.repeat(gray[:, :, None], 3, axis=2)
        if dtype == "bool":
            span = "False, True"
        elif gray.dtype.kind == "f":
            span = "non-integers, NaN" if np.isnan(gray).any() else "integers"
        elif gray.dtype.kind == "c":
            span = "complex"
        else:
            span = "%d..%d" % (gray.min(), gray.max())
        cells = [cell(f, a) for f in FORMATS for a in (gray, colour)]
        lines.append("| %s | %s | %s |" % (label or "", span, " | ".join(cells)))
    return "\n".join(lines)


if __name__ == "__main__":
    print(table())
