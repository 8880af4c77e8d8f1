"""numpy 1.x type promotion, reproduced on every numpy.

scipy 1.1.0's arithmetic ran under numpy 1.x "value-based casting": the dtype of
``array - scalar`` depended on the scalar's *value*, and an operation between two
scalars promoted Python ints to int64 and Python floats to float64.  numpy 2.0
replaced this with NEP 50 (https://numpy.org/neps/nep-0050-scalar-promotion.html),
under which the same expressions give other dtypes and therefore other numbers.

The helpers here decide the numpy-1.x result dtype themselves and then call the
ufunc with that dtype spelled out, which every numpy evaluates the same way.
The rules were checked against numpy 1.23.5 (``tests/test_promotion.py`` repeats
the check whenever the tests run on numpy 1.x).
"""

from __future__ import annotations

from typing import Any

import numpy as np

# numpy 1.x ordered kinds into these categories when deciding whether a scalar's
# value (rather than its dtype) takes part in promotion: bool < integer <
# inexact (float and complex share a category), anything else last.
_KIND_CATEGORY = {"b": 0, "u": 1, "i": 1, "f": 2, "c": 2}


def _category(dtype: np.dtype) -> int:
    return _KIND_CATEGORY.get(dtype.kind, 3)


def is_python_scalar(value: Any) -> bool:
    """True for builtin numbers (not numpy scalars), which never overflow."""
    return isinstance(value, (int, float, complex)) and not isinstance(value, np.generic)


def is_scalar_like(value: Any) -> bool:
    """Whether numpy 1.x treated ``value`` as a scalar in promotion (0-d arrays included)."""
    return np.ndim(value) == 0


def _own_dtype(value: Any) -> np.dtype:
    """The dtype a scalar has when its value is not consulted."""
    if isinstance(value, np.generic) or isinstance(value, np.ndarray):
        return value.dtype
    return np.asarray(value).dtype  # Python int -> int64 (or wider), float -> float64


def _value_dtype(value: Any) -> tuple:
    """The smallest dtype numpy 1.x considered able to hold the scalar's value.

    Also returns whether that dtype is unsigned but the value would fit the
    signed integer of the same size ("small unsigned"): numpy 1.x then used the
    signed type when promoting with a signed or inexact type, so that
    ``int8_array + 1`` stayed int8.
    """
    if isinstance(value, np.ndarray):
        value = value[()]
    dtype = np.min_scalar_type(value)
    small_unsigned = dtype.kind == "u" and int(value) <= np.iinfo(dtype.str.replace("u", "i")).max
    return dtype, small_unsigned


def result_type(*operands: Any) -> np.dtype:
    """The dtype numpy 1.x gave to a ufunc applied to ``operands``.

    Arrays (ndim > 0) contribute their dtype.  Scalars and 0-d arrays contribute
    the smallest dtype holding their value when no scalar is of a higher kind
    category than every array; otherwise (and when all operands are scalars) they
    contribute their own dtype.
    """
    arrays = [op for op in operands if not is_scalar_like(op)]
    scalars = [op for op in operands if is_scalar_like(op)]
    entries = [(np.asarray(a).dtype, False) for a in arrays]
    scalar_own = [_own_dtype(s) for s in scalars]
    if not arrays or not scalars:
        return _promote_all(entries + [(dtype, False) for dtype in scalar_own])
    use_values = max(_category(d) for d, _ in entries) >= max(map(_category, scalar_own))
    if use_values:
        entries += [_value_dtype(s) for s in scalars]
    else:
        entries += [(dtype, False) for dtype in scalar_own]
    return _promote_all(entries)


def _promote_pair(first: tuple, second: tuple) -> tuple:
    (dtype1, small1), (dtype2, small2) = first, second
    if small1 and dtype2.kind not in "bu":
        dtype1 = np.dtype(dtype1.str.replace("u", "i"))
    elif small2 and dtype1.kind not in "bu":
        dtype2 = np.dtype(dtype2.str.replace("u", "i"))
    return np.promote_types(dtype1, dtype2), small1 and small2


def _promote_all(entries: list) -> np.dtype:
    result = entries[0]
    for entry in entries[1:]:
        result = _promote_pair(result, entry)
    return result[0]


def as_dtype(value: Any, dtype: np.dtype) -> Any:
    """``value`` converted to ``dtype`` the way numpy 1.x cast an operand (unsafe cast)."""
    if isinstance(value, np.ndarray) and value.dtype == dtype:
        return value
    with np.errstate(all="ignore"):
        return np.asarray(value).astype(dtype)


def scalar_op(ufunc: np.ufunc, left: Any, right: Any) -> Any:
    """``left <op> right`` for two scalars, as numpy 1.x computed it.

    Two Python numbers use Python arithmetic (exact integers).  Otherwise both
    are promoted to their common dtype; integer results wrap silently, as numpy
    1.x scalars did (its overflow RuntimeWarning is not emitted: a drop-in must
    not make ``-W error`` pipelines fail).
    """
    if is_python_scalar(left) and is_python_scalar(right):
        return _PYTHON_OPERATORS[ufunc](left, right)
    dtype = result_type(left, right)
    with np.errstate(all="ignore"):
        return ufunc(as_dtype(left, dtype), as_dtype(right, dtype))[()]


def array_op(ufunc: np.ufunc, array: np.ndarray, scalar: Any, *, passthrough: bool = False) -> np.ndarray:
    """``array <op> scalar`` with the numpy-1.x result dtype.

    With ``passthrough=True`` only the dtype conversion happens: that is what
    ``numpy.ma`` left in masked positions (the first operand's data).
    """
    dtype = result_type(array, scalar)
    if passthrough:
        return as_dtype(array, dtype)
    with np.errstate(all="ignore"):
        return ufunc(array, as_dtype(scalar, dtype), dtype=dtype)


def clip(array: np.ndarray, low: Any, high: Any) -> np.ndarray:
    """``array.clip(low, high)`` with the numpy-1.x result dtype and NaN-bound rule.

    numpy 1.17-1.26 treated a NaN bound as "no bound" (with a DeprecationWarning);
    numpy 2 returns NaN everywhere instead.  The numpy-1.x meaning is kept, quietly.
    """
    dtype = result_type(array, low, high)
    values = as_dtype(array, dtype)
    low_bound, high_bound = clip_bound(low, dtype), clip_bound(high, dtype)
    if low_bound is None and high_bound is None:
        return values.copy() if values is array else values
    with np.errstate(all="ignore"):
        return np.clip(values, low_bound, high_bound)


def clip_bound(value: Any, dtype: np.dtype) -> Any:
    """A clip bound in ``dtype``, or None for NaN (numpy 1.x: no bound on that side)."""
    bound = as_dtype(value, dtype)
    if bound.dtype.kind in "fc" and np.isnan(bound):
        return None
    return bound


_PYTHON_OPERATORS: "dict[Any, Any]" = {
    np.subtract: lambda a, b: a - b,
    np.add: lambda a, b: a + b,
    np.multiply: lambda a, b: a * b,
    np.true_divide: lambda a, b: a / b,
}

__all__ = ["result_type", "scalar_op", "array_op", "clip", "clip_bound", "as_dtype", "is_python_scalar"]
