"""Which reference the legacy functions reproduce now (``_names``: ``pillow-4.0`` ... ``pillow-9.3``,
``2018``, ``2022``).

Chosen, in order: ``use_reference(name)`` (process-wide, or for a ``with`` block), else the
environment variable ``SCIPY_MISC_COMPAT_REFERENCE`` (read at every call), else ``2022``.
``current_reference()`` gives the chosen one as a ``Reference`` value, which the pipeline asks.

What a failed save leaves at the path is chosen the same way (``use_reference(name,
failed_saves=...)``, else ``SCIPY_MISC_COMPAT_FAILED_SAVES``): ``atomic`` by default, as every
save of this package (the path stays as it was); ``as-recorded`` writes in place as the
reference's Pillow did, for the rare golden output that holds the file a failed save left
(see ``_io.write_legacy_file``).
"""

from __future__ import annotations

import os
import threading
from contextvars import ContextVar
from typing import Any, Dict, List, Optional, Tuple

from ._names import DEFAULT, parse
from ._reference import Reference, reference_named

ENVIRONMENT_VARIABLE = "SCIPY_MISC_COMPAT_REFERENCE"
FAILED_SAVES_VARIABLE = "SCIPY_MISC_COMPAT_FAILED_SAVES"

#: what a failed legacy save leaves at the path -> how (README "Which reference?").
FAILED_SAVES: Dict[str, str] = {
    "atomic": "the path stays as it was: written through a temporary file",
    "as-recorded": "written in place as the reference's Pillow did: before pillow-9.1 (2018 too) a failure leaves the "
                   "empty or partial file; from pillow-9.1 (2022 too) it removes a file it created, an existing one "
                   "stays emptied",
}

_Choice = Tuple[Optional[str], Optional[str]]  # reference, failed saves; None: follow the environment variable

_lock = threading.Lock()
_process_choice: List[_Choice] = [(None, None)]  # use_reference(...) called on its own
#: ``with use_reference(...)``: for the code the block runs (this thread, this asyncio task), not for other threads
_block_choice: ContextVar[Optional[_Choice]] = ContextVar("scipy_misc_compat_reference", default=None)


def _choice() -> _Choice:
    block = _block_choice.get()
    return block if block is not None else _process_choice[0]


def _checked(name: Any, choices: Dict[str, str], what: str, argument: str) -> str:
    text = str(name)
    if text not in choices:
        raise ValueError("unknown %s %r (%s): choose one of %s" % (what, name, argument, ", ".join(sorted(choices))))
    return text


def reference() -> str:
    """The name of the reference the legacy functions reproduce now, e.g. ``'2022'`` or ``'pillow-8.2'``.

    Returns
    -------
    str
        The innermost ``with use_reference(...)`` block's choice, else the last
        ``use_reference(...)`` call's, else ``SCIPY_MISC_COMPAT_REFERENCE``, else ``'2022'``;
        spelled as chosen, a patch release as its minor (``pillow-8.2.0`` -> ``pillow-8.2``).

    Raises
    ------
    ValueError
        When ``SCIPY_MISC_COMPAT_REFERENCE`` names no reference (the message names the variable).

    Examples
    --------
    >>> import scipy_misc_compat
    >>> with scipy_misc_compat.use_reference("2018"):
    ...     print(scipy_misc_compat.reference())
    2018
    """
    chosen = _choice()[0]
    if chosen is not None:
        return chosen
    value = os.environ.get(ENVIRONMENT_VARIABLE, "").strip()
    return parse(value, ENVIRONMENT_VARIABLE)[0] if value else DEFAULT


def current_reference() -> Reference:
    """The ``Reference`` the legacy functions reproduce now (see ``reference()``); the pipeline asks it.

    Examples
    --------
    >>> import scipy_misc_compat
    >>> with scipy_misc_compat.use_reference("pillow-8.2.0"):
    ...     chosen = scipy_misc_compat.current_reference()
    >>> chosen.name, chosen.pillow_label
    ('pillow-8.2', 'Pillow 8.2')
    """
    return reference_named(reference())


def failed_saves() -> str:
    """What a failed legacy save leaves at its path: ``'atomic'`` (default) or ``'as-recorded'``.

    ``atomic``: the path stays as it was (an existing file keeps its contents, a new one is
    not created). ``as-recorded``: the file is written in place, as the reference's Pillow
    wrote it, so a failure leaves what it left: under ``2018`` the emptied or partial file
    (Pillow 5.3 opened the path for writing before encoding), under ``2022`` an existing file
    emptied and a new one removed (Pillow 9.3). The exception raised is the same either way.
    Saves of the ``exact`` path are always atomic.

    Returns
    -------
    str
        Chosen like ``reference()``: ``use_reference(..., failed_saves=...)``, else
        ``SCIPY_MISC_COMPAT_FAILED_SAVES``, else ``'atomic'``.

    Examples
    --------
    >>> import scipy_misc_compat
    >>> scipy_misc_compat.failed_saves()
    'atomic'
    >>> with scipy_misc_compat.use_reference("2018", failed_saves="as-recorded"):
    ...     print(scipy_misc_compat.failed_saves())
    as-recorded
    """
    chosen = _choice()[1]
    if chosen is not None:
        return chosen
    value = os.environ.get(FAILED_SAVES_VARIABLE, "").strip()
    return _checked(value, FAILED_SAVES, "failed-save handling", FAILED_SAVES_VARIABLE) if value else "atomic"


class use_reference:  # noqa: N801 (used like a function)
    """Reproduce the results of stack ``name`` with the legacy functions.

    Called on its own, the choice holds for the whole process (every thread); used as
    ``with use_reference('2018'): ...`` it holds for the code the block runs (the current
    thread or asyncio task; other threads keep theirs) and the previous choice comes back
    after it. Either way it overrides the environment variables.

    Parameters
    ----------
    name : {'pillow-4.0', ..., 'pillow-9.3', '2018', '2022', None}
        ``'pillow-X.Y'`` (a patch release such as ``'pillow-8.2.0'`` means its minor): scipy
        1.1.0 on that Pillow release's pip wheels; ``'2022'`` is ``'pillow-9.3'`` (numpy
        1.23.5 + Pillow 9.3.0, the default), ``'2018'`` is ``'pillow-5.3'`` (Python 3.7 +
        numpy 1.15.4 + Pillow 5.3.0). JPEG before ``pillow-9.0`` goes through IJG libjpeg 9c
        (``pip install jpeglib``); ``None``: ``SCIPY_MISC_COMPAT_REFERENCE``'s.
    failed_saves : {None, 'atomic', 'as-recorded'}
        ``'as-recorded'`` also reproduces what a failed save left at its path (Pillow 5.3:
        an emptied file, the previous contents lost); ``None`` follows
        ``SCIPY_MISC_COMPAT_FAILED_SAVES``, else ``'atomic'``: the path stays as it was, as
        every save of this package leaves it. See ``failed_saves()``.

    Raises
    ------
    ValueError
        For any other ``name`` or ``failed_saves`` (the message names the range of choices).

    Examples
    --------
    >>> import scipy_misc_compat
    >>> with scipy_misc_compat.use_reference("2018", failed_saves="as-recorded"):
    ...     print(scipy_misc_compat.reference(), scipy_misc_compat.failed_saves())
    2018 as-recorded
    >>> scipy_misc_compat.reference()
    '2022'
    """

    def __init__(self, name: Optional[str], failed_saves: Optional[str] = None) -> None:
        self._choice: _Choice = (
            None if name is None else parse(name)[0],
            None if failed_saves is None else _checked(failed_saves, FAILED_SAVES, "failed-save handling",
                                                       "failed_saves"))
        with _lock:  # called on its own: for the process; __enter__ takes it back for a block
            self._previous_process_choice = _process_choice[0]
            _process_choice[0] = self._choice

    def __enter__(self) -> "use_reference":
        with _lock:
            _process_choice[0] = self._previous_process_choice
        self._token = _block_choice.set(self._choice)
        return self

    def __exit__(self, *exc_info: Any) -> None:
        _block_choice.reset(self._token)


__all__ = ["reference", "current_reference", "use_reference", "failed_saves", "FAILED_SAVES", "ENVIRONMENT_VARIABLE",
           "FAILED_SAVES_VARIABLE"]
