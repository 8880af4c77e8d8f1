"""Every numpy and Pillow version difference this package knows, as named flags.

This is the only module that looks at versions.  Each flag is named after the
behaviour, says which release changed it, and is detected by probing the feature
where that is cheap.
"""

from __future__ import annotations

import functools
import io
import warnings
from types import ModuleType

import numpy as np
from PIL import Image

#: numpy < 2.0 promoted by value (``uint8_array + 300`` gave uint16); numpy 2.0
#: adopted NEP 50 (https://numpy.org/neps/nep-0050-scalar-promotion.html).
#: The legacy arithmetic never relies on either: ``_promotion`` reproduces numpy 1.x.
#: Only the tests read this flag, to compare the emulation with the real thing.
NUMPY_HAS_VALUE_BASED_CASTING = np.result_type(np.zeros(1, np.uint8), 300) == np.uint16


@functools.lru_cache(maxsize=None)
def pillow_opens_16bit_png_as_i16() -> bool:
    """Pillow >= 10.3.0 opens 16-bit grayscale PNG as mode ``I;16`` (uint16).

    Up to 10.2.0 it opened them as mode ``I`` (int32), which is what scipy 1.1.0's
    ``imread`` returned (python-pillow/Pillow#7849).  Probed by a round trip.
    """
    buffer = io.BytesIO()
    Image.new("I;16", (1, 1)).save(buffer, format="PNG")
    buffer.seek(0)
    with Image.open(buffer) as reopened:
        return reopened.mode == "I;16"


@functools.lru_cache(maxsize=None)
def pillow_converts_color_to_i16() -> bool:
    """Pillow >= 10.3.0 converts RGB (and RGBA, CMYK, YCbCr) to ``I;16``.

    Pillow 9.3 raised ``ValueError: conversion from RGB to I;16 not supported``
    (python-pillow/Pillow#7918 added the conversion).  Probed directly.
    """
    try:
        Image.new("RGB", (1, 1)).convert("I;16")
    except ValueError:
        return False
    return True


def import_libcst() -> ModuleType:
    """Import libcst (the ``tools`` extra) without a warning that is not ours to fix.

    libcst 1.1.0, the last release for Python 3.8, imports ``typing_inspect``, which
    uses ``mypy_extensions.TypedDict``; mypy_extensions 1.1.0 deprecated that with a
    DeprecationWarning at import time (libcst >= 1.2 no longer imports typing_inspect).
    Raises ImportError when libcst is not installed.
    """
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "mypy_extensions.TypedDict is deprecated", DeprecationWarning)
        import libcst
        import libcst.metadata  # noqa: F401 - the submodule that pulls typing_inspect in
    return libcst


__all__ = ["NUMPY_HAS_VALUE_BASED_CASTING", "pillow_opens_16bit_png_as_i16", "pillow_converts_color_to_i16",
           "import_libcst"]
