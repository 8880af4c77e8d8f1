"""Which recorded stack the legacy functions reproduce: ``2022`` (default) or ``2018``.

- ``2022``: scipy 1.1.0 on numpy 1.23.5 + Pillow 9.3.0 (libjpeg-turbo), the last stack the
  unmodified code runs on.
- ``2018``: scipy 1.1.0 on Python 3.7 + numpy 1.15.4 + Pillow 5.3.0 (IJG libjpeg 9c): what pip
  and conda installed in 2016-2019, so what most old golden files were made with.

Chosen, in order: ``use_reference(name)`` (process-wide, or for a ``with`` block), else the
environment variable ``SCIPY_MISC_COMPAT_REFERENCE`` (read at every call), else ``2022``.
``_stack_2018`` holds the behaviours that differ.
"""

from __future__ import annotations

import os
import threading
from typing import Any, Dict, List, Optional

ENVIRONMENT_VARIABLE = "SCIPY_MISC_COMPAT_REFERENCE"
DEFAULT = "2022"

#: name -> the stack it stands for (README "Which reference?").
REFERENCES: Dict[str, str] = {
    "2022": "scipy 1.1.0 on numpy 1.23.5 + Pillow 9.3.0 (libjpeg-turbo)",
    "2018": "scipy 1.1.0 on Python 3.7 + numpy 1.15.4 + Pillow 5.3.0 (IJG libjpeg 9c)",
}

_lock = threading.Lock()
_chosen: List[Optional[str]] = [None]  # None: follow the environment variable


def _checked(name: Any) -> str:
    text = str(name)
    if text not in REFERENCES:
        raise ValueError("unknown legacy reference %r: choose one of %s" % (name, ", ".join(sorted(REFERENCES))))
    return text


def reference() -> str:
    """The reference the legacy functions reproduce now: ``'2022'`` or ``'2018'``.

    Examples
    --------
    >>> import scipy_misc_compat
    >>> with scipy_misc_compat.use_reference("2018"):
    ...     print(scipy_misc_compat.reference())
    2018
    """
    chosen = _chosen[0]
    if chosen is not None:
        return chosen
    from_environment = os.environ.get(ENVIRONMENT_VARIABLE, "").strip()
    return _checked(from_environment) if from_environment else DEFAULT


def is_2018() -> bool:
    return reference() == "2018"


class use_reference:  # noqa: N801 (used like a function)
    """Reproduce the results of stack ``name`` (``'2018'`` or ``'2022'``; ``None``: the environment's).

    Called on its own, the choice holds for the whole process; used as ``with
    use_reference('2018'): ...`` it holds for the block and the previous choice comes back
    after it. It overrides ``SCIPY_MISC_COMPAT_REFERENCE``.
    """

    def __init__(self, name: Optional[str]) -> None:
        new = None if name is None else _checked(name)
        with _lock:
            self._previous = _chosen[0]
            _chosen[0] = new

    def __enter__(self) -> "use_reference":
        return self

    def __exit__(self, *exc_info: Any) -> None:
        with _lock:
            _chosen[0] = self._previous


__all__ = ["reference", "use_reference", "is_2018", "REFERENCES", "ENVIRONMENT_VARIABLE", "DEFAULT"]
