"""The names a reference goes by: ``pillow-X.Y`` for every Pillow minor release 4.0-9.3, and two aliases.

A reference means scipy 1.1.0 (= 1.2.x) on the pip wheels of one Pillow release, with
numpy >= 1.14: what those image functions returned was fixed by the Pillow wheel and
nothing else (``tests/fixtures/eras``). ``2018`` is ``pillow-5.3`` (Python 3.7 + numpy
1.15.4 + Pillow 5.3.0, the stack of 2016-2019), ``2022`` is ``pillow-9.3`` (numpy 1.23.5 +
Pillow 9.3.0, the last stack the unmodified code runs on; the default).
"""

from __future__ import annotations

import re
from typing import Any, Dict, Tuple

PillowVersion = Tuple[int, int]

#: Every Pillow minor release a reference can name, oldest first.
PILLOW_MINORS: Tuple[PillowVersion, ...] = (
    (4, 0), (4, 1), (4, 2), (4, 3), (5, 0), (5, 1), (5, 2), (5, 3), (5, 4), (6, 0), (6, 1), (6, 2),
    (7, 0), (7, 1), (7, 2), (8, 0), (8, 1), (8, 2), (8, 3), (8, 4), (9, 0), (9, 1), (9, 2), (9, 3))

#: The names of before ``pillow-X.Y``, kept: alias -> the Pillow release it stands for.
ALIASES: Dict[str, PillowVersion] = {"2018": (5, 3), "2022": (9, 3)}
DEFAULT = "2022"

_PILLOW_NAME = re.compile(r"^pillow-(\d+)\.(\d+)(?:\.\d+)?$", re.IGNORECASE)


def pillow_name(version: PillowVersion) -> str:
    return "pillow-%d.%d" % version


def range_text() -> str:
    return "'%s' ... '%s' (every minor release), '2018' (= pillow-5.3) or '2022' (= pillow-9.3, the default)" % (
        pillow_name(PILLOW_MINORS[0]), pillow_name(PILLOW_MINORS[-1]))


def parse(name: Any, argument: str = "name") -> Tuple[str, PillowVersion]:
    """``(canonical name, Pillow minor)`` of a reference name; ValueError naming ``argument`` and the range.

    ``pillow-8.2.0`` means ``pillow-8.2``; the aliases keep their spelling.
    """
    text = str(name).strip()
    if text in ALIASES:
        return text, ALIASES[text]
    match = _PILLOW_NAME.match(text)
    if match:
        version = (int(match.group(1)), int(match.group(2)))
        if version in PILLOW_MINORS:
            return pillow_name(version), version
    raise ValueError("unknown legacy reference %r (%s): choose %s" % (name, argument, range_text()))


def all_names() -> Tuple[str, ...]:
    """Every canonical name: the aliases, then ``pillow-4.0`` ... ``pillow-9.3``."""
    return tuple(ALIASES) + tuple(pillow_name(version) for version in PILLOW_MINORS)


__all__ = ["PillowVersion", "PILLOW_MINORS", "ALIASES", "DEFAULT", "pillow_name", "parse", "all_names", "range_text"]
