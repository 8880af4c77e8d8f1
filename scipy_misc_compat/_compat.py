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
from typing import Any, Optional

import numpy as np
import PIL
from PIL import Image

#: numpy < 2.0 promoted by value (``uint8_array + 300`` gave uint16); numpy 2.0
#: adopted NEP 50 (https://numpy.org/neps/nep-0050-scalar-promotion.html).
#: The legacy arithmetic never relies on either: ``_promotion`` reproduces numpy 1.x.
#: Only the tests read this flag, to compare the emulation with the real thing.
NUMPY_HAS_VALUE_BASED_CASTING = np.result_type(np.zeros(1, np.uint8), 300) == np.uint16


#: Pillow >= 13.0 runs ``resize``'s vertical pass first when the height shrinks (other rounding).
#: The package never uses Pillow's resize (``_resample`` computes Pillow 9.3's); only the tests
#: read this, to compare ``_resample`` with the installed Pillow where it still computes the same.
PILLOW_RESIZE_MATCHES_9_3 = int(PIL.__version__.split(".")[0]) < 13


def _four_nans_cast_to_uint32() -> int:
    with np.errstate(invalid="ignore"):
        return int(np.full(4, np.nan).astype(np.uint32)[0])


#: numpy 2.0-2.2 cast a float array of exactly four elements to uint32 with the scalar loop, where
#: numpy 1.23.5 (the reference) and numpy >= 2.3 use the vector loop (blocks of four; the scalar loop
#: only for a shorter tail). The two differ where C leaves the cast undefined: NaN, infinities and
#: out-of-range values (NaN -> 0 vs 2**31), so toimage(mode='I') of a constant 2x2 image differed.
#: Probed: the vector loop's NaN is 2**31.
NUMPY_CASTS_FOUR_FLOATS_TO_UINT32_ONE_BY_ONE = _four_nans_cast_to_uint32() == 0


def cast_as_numpy_1(values: np.ndarray, dtype: Any) -> Optional[np.ndarray]:
    """``values.astype(dtype)`` as numpy 1.23.5 makes it, where the installed numpy differs; else None.

    Only the four-floats-to-uint32 case above: cast twice as many, so numpy's vector loop
    takes the first four, as numpy 1.23.5's did.
    """
    if not (NUMPY_CASTS_FOUR_FLOATS_TO_UINT32_ONE_BY_ONE and values.size == 4 and values.dtype.kind == "f"
            and np.dtype(dtype) == np.uint32):
        return None
    flat = np.ravel(values)
    with np.errstate(invalid="ignore"):
        return np.concatenate([flat, flat]).astype(np.uint32)[:4].reshape(np.shape(values))


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


__all__ = ["NUMPY_HAS_VALUE_BASED_CASTING", "NUMPY_CASTS_FOUR_FLOATS_TO_UINT32_ONE_BY_ONE",
           "cast_as_numpy_1", "PILLOW_RESIZE_MATCHES_9_3", "pillow_opens_16bit_png_as_i16",
           "import_libcst"]
