"""The legacy numeric scaling of scipy 1.1.0: ``bytescale`` and the mode-``'I'`` ramp.

These functions are a frozen specification.  They keep scipy 1.1.0's order of
operations and its intermediate dtypes, including its integer wrap-around, and
they reproduce numpy 1.x promotion on every numpy (see ``_promotion``), so that
the uint8 they return equals what scipy 1.1.0 returned, bit for bit.
"""

from __future__ import annotations

from typing import Any, List, Optional, Tuple

import numpy as np

from .. import _compat
from . import _engine, _promotion
from .._errors import NotAnArrayError


#: One step of a legacy chain: ("op", ufunc, scalar) applies ``array <ufunc> scalar``;
#: ("clip", low, high) applies ``array.clip(low, high)``; both in numpy 1.x's dtypes.
Step = Tuple[Any, ...]


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
    value_range = None
    if _engine.accepts(data) and (cmin is None or cmax is None):
        value_range = _engine.minimum_and_maximum(data)  # data.min() and data.max() in one pass
    if cmin is None:
        cmin = data.min() if value_range is None else value_range[0]
    if cmax is None:
        cmax = data.max() if value_range is None else value_range[1]
    steps = bytescale_steps(cmin, _scale_factor(cmin, cmax, high, low), low, high)
    if isinstance(data, np.ma.MaskedArray):
        return _bytescale_masked(data, steps)
    return evaluate(data, steps, np.uint8, value_range)


def _scale_factor(cmin: Any, cmax: Any, high: Any, low: Any) -> Any:
    """``float(high - low) / (cmax - cmin)`` with scipy 1.1.0's checks and scalar types."""
    span = _promotion.scalar_op(np.subtract, cmax, cmin)  # may wrap for integer scalars
    if span < 0:
        raise ValueError("`cmax` should be larger than `cmin`.")
    if span == 0:
        span = 1
    return _promotion.scalar_op(np.true_divide, float(_promotion.scalar_op(np.subtract, high, low)), span)


def bytescale_steps(cmin: Any, scale: Any, low: Any, high: Any) -> List[Step]:
    """``(((data - cmin) * scale + low).clip(low, high) + 0.5)``, then a cast to uint8."""
    return [("op", np.subtract, cmin), ("op", np.multiply, scale), ("op", np.add, low), ("clip", low, high),
            ("op", np.add, 0.5)]


def mode_i_steps(cmin: Any, cmax: Any, high: Any, low: Any) -> List[Step]:
    """``(data*1.0 - cmin)*(high - low)/(cmax - cmin) + low``, then a cast to uint32."""
    return [("op", np.multiply, 1.0), ("op", np.subtract, cmin),
            ("op", np.multiply, _promotion.scalar_op(np.subtract, high, low)),
            ("op", np.true_divide, _promotion.scalar_op(np.subtract, cmax, cmin)), ("op", np.add, low)]


def evaluate(data: np.ndarray, steps: List[Step], out_dtype: Any, value_range: Optional[tuple] = None) -> np.ndarray:
    """The chain on ``data``: blocked and threaded where possible, else the straightforward way."""
    if _engine.accepts(data):
        return _engine.evaluate_blocked(data, steps, np.dtype(out_dtype), value_range)
    return evaluate_whole(data, steps, out_dtype)


def evaluate_whole(data: np.ndarray, steps: List[Step], out_dtype: Any, passthrough: bool = False) -> np.ndarray:
    """The specification: each step on the whole array, in the numpy-1.x dtype, then the cast.

    ``passthrough=True`` applies only the dtype changes and the clips, which is what
    ``numpy.ma`` left in masked slots (the first operand's data) at each step.
    """
    values = data
    for step in steps:
        if step[0] == "clip":
            values = _promotion.clip(values, step[1], step[2])
        else:
            values = _promotion.array_op(step[1], values, step[2], passthrough=passthrough)
    return cast_quietly(values, out_dtype)


def cast_quietly(values: np.ndarray, dtype: Any) -> np.ndarray:
    """``values.astype(dtype)`` as numpy casts it, without the warnings newer numpy adds.

    NaN and out-of-range values become what the C cast makes of them (NaN -> 0),
    as in scipy 1.1.0; numpy >= 1.24 would warn "invalid value encountered in
    cast".  Complex values lose their imaginary part, as the cast did, without
    numpy's ComplexWarning.
    """
    if np.iscomplexobj(values):
        values = values.real
    fixed = _compat.cast_as_numpy_1(values, dtype)
    if fixed is not None:
        return fixed
    with np.errstate(all="ignore"):
        return values.astype(dtype)


def _bytescale_masked(data: np.ma.MaskedArray, steps: List[Step]) -> np.ma.MaskedArray:
    """Masked input: numpy.ma kept the first operand's data in masked slots at each step."""
    values = np.asarray(data.data)
    result = evaluate_whole(values, steps, np.uint8)
    mask = np.ma.getmaskarray(data)
    if mask.any():
        result[mask] = evaluate_whole(values[mask], steps, np.uint8, passthrough=True)
    return np.ma.MaskedArray(result, mask=data.mask)


def legacy_mode_i_values(data: np.ndarray, high: Any, low: Any, cmin: Optional[Any], cmax: Optional[Any]) -> np.ndarray:
    """scipy 1.1.0's ramp for ``toimage(..., mode='I')``, as uint32.

    Out-of-range values wrap or become 0 as numpy's C cast makes them; a constant
    image divides by zero, as it did.
    """
    value_range = None
    if _engine.accepts(data) and (cmin is None or cmax is None):
        value_range = _engine.minimum_and_maximum(data)
    if cmin is None:
        cmin = data.min() if value_range is None else value_range[0]
    if cmax is None:
        cmax = data.max() if value_range is None else value_range[1]
    return evaluate(data, mode_i_steps(cmin, cmax, high, low), np.uint32, value_range)


__all__ = ["legacy_bytescale", "legacy_mode_i_values", "check_byte_range", "bytescale_steps", "mode_i_steps",
           "evaluate", "evaluate_whole", "cast_quietly"]
