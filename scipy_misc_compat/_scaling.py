"""The legacy numeric scaling of scipy 1.1.0: ``bytescale`` and the mode-``'I'`` ramp.

These functions are a frozen specification.  They keep scipy 1.1.0's order of
operations and its intermediate dtypes, including its integer wrap-around, and
they reproduce numpy 1.x promotion on every numpy (see ``_promotion``), so that
the uint8 they return equals what scipy 1.1.0 returned, bit for bit.
"""

from __future__ import annotations

from typing import Any, Optional

import numpy as np

from . import _promotion
from ._errors import NotAnArrayError


def check_byte_range(high: Any, low: Any) -> None:
    """Validate ``high``/``low`` as scipy 1.1.0 did (same order, same messages)."""
    if high > 255:
        raise ValueError("`high` should be less than or equal to 255.")
    if low < 0:
        raise ValueError("`low` should be greater than or equal to 0.")
    if high < low:
        raise ValueError("`high` should be greater than or equal to `low`.")


def legacy_bytescale(data: Any, cmin: Any = None, cmax: Any = None, high: Any = 255, low: Any = 0) -> Any:
    """scipy 1.1.0's ``bytescale``; see ``scipy_misc_compat.bytescale`` for the contract."""
    dtype = getattr(data, "dtype", None)
    if dtype is None:
        raise NotAnArrayError(
            "bytescale: `data` must be a numpy array (got %s); scipy 1.1.0 raised "
            "AttributeError here. Wrap it with numpy.asarray()." % type(data).__name__
        )
    if dtype == np.uint8:
        return data  # scipy 1.1.0 returned uint8 input itself, unscaled and uncopied
    check_byte_range(high, low)
    if cmin is None:
        cmin = data.min()
    if cmax is None:
        cmax = data.max()
    scale = _scale_factor(cmin, cmax, high, low)
    if isinstance(data, np.ma.MaskedArray):
        return _bytescale_masked(data, cmin, scale, low, high)
    return _scale_to_uint8(data, cmin, scale, low, high)


def _scale_factor(cmin: Any, cmax: Any, high: Any, low: Any) -> Any:
    """``float(high - low) / (cmax - cmin)`` with scipy 1.1.0's checks and scalar types."""
    span = _promotion.scalar_op(np.subtract, cmax, cmin)  # may wrap for integer scalars
    if span < 0:
        raise ValueError("`cmax` should be larger than `cmin`.")
    if span == 0:
        span = 1
    return _promotion.scalar_op(np.true_divide, float(_promotion.scalar_op(np.subtract, high, low)), span)


def _scale_to_uint8(data: np.ndarray, cmin: Any, scale: Any, low: Any, high: Any,
                    passthrough: bool = False) -> np.ndarray:
    """``(((data - cmin) * scale + low).clip(low, high) + 0.5).astype(uint8)``.

    Every step takes the numpy-1.x dtype.  ``passthrough=True`` applies only the
    dtype changes and the clip, which is what ``numpy.ma`` left in masked slots.
    """
    shifted = _promotion.array_op(np.subtract, data, cmin, passthrough=passthrough)
    scaled = _promotion.array_op(np.multiply, shifted, scale, passthrough=passthrough)
    del shifted
    scaled = _promotion.array_op(np.add, scaled, low, passthrough=passthrough)
    clipped = _promotion.clip(scaled, low, high)
    del scaled
    rounded = _promotion.array_op(np.add, clipped, 0.5, passthrough=passthrough)
    del clipped
    return cast_quietly(rounded, np.uint8)


def cast_quietly(values: np.ndarray, dtype: Any) -> np.ndarray:
    """``values.astype(dtype)`` as numpy casts it, without the warnings newer numpy adds.

    NaN and out-of-range values become what the C cast makes of them (NaN -> 0),
    as in scipy 1.1.0; numpy >= 1.24 would warn "invalid value encountered in
    cast".  Complex values lose their imaginary part, as the cast did, without
    numpy's ComplexWarning.
    """
    if np.iscomplexobj(values):
        values = values.real
    with np.errstate(all="ignore"):
        return values.astype(dtype)


def _bytescale_masked(data: np.ma.MaskedArray, cmin: Any, scale: Any, low: Any, high: Any) -> np.ma.MaskedArray:
    """Masked input: numpy.ma kept the first operand's data in masked slots at each step."""
    values = np.asarray(data.data)
    result = _scale_to_uint8(values, cmin, scale, low, high)
    mask = np.ma.getmaskarray(data)
    if mask.any():
        result[mask] = _scale_to_uint8(values[mask], cmin, scale, low, high, passthrough=True)
    return np.ma.MaskedArray(result, mask=data.mask)


def legacy_mode_i_values(data: np.ndarray, high: Any, low: Any, cmin: Optional[Any], cmax: Optional[Any]) -> np.ndarray:
    """scipy 1.1.0's ramp for ``toimage(..., mode='I')``, as uint32.

    ``(data*1.0 - cmin)*(high - low)/(cmax - cmin) + low`` with the numpy-1.x
    dtypes, then a C cast to uint32 (out-of-range values wrap or become 0 as
    numpy's cast makes them; a constant image divides by zero).
    """
    if cmin is None:
        cmin = data.min()
    if cmax is None:
        cmax = data.max()
    values = _promotion.array_op(np.multiply, data, 1.0)
    values = _promotion.array_op(np.subtract, values, cmin)
    values = _promotion.array_op(np.multiply, values, _promotion.scalar_op(np.subtract, high, low))
    values = _promotion.array_op(np.true_divide, values, _promotion.scalar_op(np.subtract, cmax, cmin))
    values = _promotion.array_op(np.add, values, low)
    return cast_quietly(values, np.uint32)


__all__ = ["legacy_bytescale", "legacy_mode_i_values", "check_byte_range"]
