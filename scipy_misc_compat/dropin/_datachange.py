"""An opt-in warning for the legacy functions that change data.

Off by default, so that drop-in behaviour (and ``-W error`` pipelines) stay
unchanged. Switch it on with ``warn_on_data_change()`` or by setting the
environment variable ``SCIPY_MISC_COMPAT_WARN_DATA_CHANGE=1``; then legacy
``bytescale``, ``toimage`` and ``imsave`` emit ``DataChangedWarning`` whenever the
values they produce differ from the values they were given.
"""

from __future__ import annotations

import warnings
from typing import Any, Optional

import numpy as np

from ._switches import OptInSwitch

ENVIRONMENT_VARIABLE = "SCIPY_MISC_COMPAT_WARN_DATA_CHANGE"

_switch = OptInSwitch(ENVIRONMENT_VARIABLE)


class DataChangedWarning(UserWarning):
    """A legacy function stored values other than the ones it was given (``exact=True`` would not)."""


def warn_on_data_change(enabled: Optional[bool] = True) -> None:
    """Switch ``DataChangedWarning`` on (default) or off; ``None`` defers to the environment variable.

    Examples
    --------
    >>> import warnings
    >>> import numpy as np
    >>> from scipy_misc_compat import bytescale, warn_on_data_change, DataChangedWarning
    >>> warn_on_data_change()
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     _ = bytescale(np.array([[0, 7, 100]]))
    >>> print(caught[0].message)
    bytescale changed the data: int64 values 0..100 were mapped to uint8 0..255 (2 of 3 values differ; dtype narrowed from int64 to uint8). Pass exact=True to keep values unchanged, or to get an error saying why they cannot be.
    >>> warn_on_data_change(False)
    """
    _switch.set(enabled)


def is_enabled() -> bool:
    return _switch.is_on()


def report_change(function: str, original: Any, stored: np.ndarray, stacklevel: int = 3) -> None:
    """Warn when ``stored`` (same layout as ``original``) holds other values; no-op when switched off."""
    if not is_enabled():
        return
    description = describe_change(np.asarray(original), np.asarray(stored))
    if description:
        warnings.warn("%s changed the data: %s. Pass exact=True to keep values unchanged, or to get an error "
                      "saying why they cannot be." % (function, description), DataChangedWarning,
                      stacklevel=stacklevel)


def describe_change(original: np.ndarray, stored: np.ndarray) -> Optional[str]:
    """How ``stored`` differs from ``original``: range mapped, values clipped, dtype narrowed; None if equal."""
    if original.shape != stored.shape:
        return "shape %s was stored as %s" % (original.shape, stored.shape)
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if original.dtype.kind == "c":
            original = original.real
        differs = ~((original == stored) | (_isnan(original) & _isnan(stored)))
    changed = int(np.count_nonzero(differs))
    narrowed = original.dtype != stored.dtype and not np.can_cast(original.dtype, stored.dtype, "safe")
    if not changed and not narrowed:
        return None
    parts = []
    if original.size and original.dtype.kind in "biuf":
        parts.append("%s values %s..%s were mapped to %s %s..%s" % (
            original.dtype, _bound(np.nanmin, original), _bound(np.nanmax, original), stored.dtype,
            _bound(np.nanmin, stored), _bound(np.nanmax, stored)))
    details = ["%d of %d values differ" % (changed, original.size)]
    if narrowed:
        details.append("dtype narrowed from %s to %s" % (original.dtype, stored.dtype))
    return "%s (%s)" % (", ".join(parts) or "values changed", "; ".join(details))


def _isnan(values: np.ndarray) -> np.ndarray:
    return np.isnan(values) if values.dtype.kind == "f" else np.zeros(values.shape, dtype=bool)


def _bound(reduce: Any, values: np.ndarray) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = reduce(values.astype(np.float64) if values.dtype.kind == "b" else values)
    return result.item() if hasattr(result, "item") else result


__all__ = ["DataChangedWarning", "warn_on_data_change", "is_enabled", "report_change", "describe_change",
           "ENVIRONMENT_VARIABLE"]
