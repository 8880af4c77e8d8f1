"""A reference as a value: scipy 1.1.0 on one Pillow release, answering "how does this step behave here?".

The pipeline never compares versions or names: it asks the current ``Reference`` (``current_reference()``)
at the few steps where Pillow releases differed. Each answer comes from the table in ``_changes``:
the rows whose later behaviour came after this reference's Pillow apply their older computation,
the oldest change first (so Pillow 4.0's RGB -> L is 4.3's predecessor, not 7.0's).
"""

from __future__ import annotations

import functools
from typing import Any, Dict, Optional, Tuple

import numpy as np
from PIL import Image

from . import _changes
from ._names import ALIASES, PillowVersion, parse, pillow_name


#: The stacks the aliases were recorded on.
_ALIAS_STACKS = {
    "2022": "scipy 1.1.0 on numpy 1.23.5 + Pillow 9.3.0 (libjpeg-turbo)",
    "2018": "scipy 1.1.0 on Python 3.7 + numpy 1.15.4 + Pillow 5.3.0 (IJG libjpeg 9c)",
}


class Reference:
    """scipy 1.1.0 (= 1.2.x) on the pip wheels of one Pillow minor release, with numpy >= 1.14.

    Attributes
    ----------
    name : str
        As chosen: ``'pillow-8.2'``, or an alias (``'2018'`` = ``'pillow-5.3'``, ``'2022'`` = ``'pillow-9.3'``).
    pillow : tuple of int
        The Pillow minor release, e.g. ``(8, 2)``.
    """

    def __init__(self, name: str, pillow: PillowVersion) -> None:
        self.name = name
        self.pillow = pillow
        self._rows = tuple(change for change in _changes.CHANGES if change.applies_to(pillow))

    def __repr__(self) -> str:
        return "Reference(%r)" % self.name

    def __str__(self) -> str:
        return "%s (%s)" % (self.name, self.description)

    @property
    def description(self) -> str:
        """The stack, in words (``info``, ``show_config()``)."""
        if self.name in _ALIAS_STACKS:
            return _ALIAS_STACKS[self.name]
        era = self.era()
        same = "" if len(era) == 1 else "; the same results from %s to %s" % (era[0], era[-1])
        return "scipy 1.1.0 on %s's wheels%s" % (self.pillow_label, same)

    def __eq__(self, other: Any) -> bool:
        return isinstance(other, Reference) and other.pillow == self.pillow

    def __hash__(self) -> int:
        return hash(self.pillow)

    @property
    def pillow_label(self) -> str:
        return "Pillow %d.%d" % self.pillow

    @property
    def pillow_name(self) -> str:
        """``'pillow-X.Y'``, also for an alias."""
        return pillow_name(self.pillow)

    @property
    def older_changes(self) -> Tuple[_changes.Change, ...]:
        """The rows of ``_changes.CHANGES`` whose later behaviour this reference does not have yet."""
        return self._rows

    def era(self) -> Tuple[str, ...]:
        """Every ``pillow-X.Y`` name whose reference behaves as this one (the same older rows)."""
        return tuple(name for name, other in _all_pillow_references() if other.older_changes == self._rows)

    def _older(self, step: str, *args: Any) -> Any:
        for change in self._rows:
            if change.step == step:
                result = change.older(self, *args)
                if result is not None:
                    return result
        return None

    # --- the steps the pipeline asks about (one per kind of row in _changes) -----------------------

    def refuses_conversion(self, source: str, target: str) -> bool:
        """Whether this reference's Pillow refused ``image.convert(target)`` of mode ``source`` (ValueError)."""
        return bool(self._older(_changes.REFUSE, source, target))

    def older_conversion(self, image: Image.Image, mode: str) -> Optional[Image.Image]:
        """``image.convert(mode)`` as this reference's Pillow computed it where a later Pillow changed it; else None."""
        return self._older(_changes.CONVERT, image, mode)

    def palette(self, palette: bytes) -> bytes:
        """The palette ``putpalette`` stored for ``toimage(..., pal=...)``."""
        older = self._older(_changes.PALETTE, palette)
        return palette if older is None else older

    def rotation(self, image: Image.Image, angle: float, resample: int) -> Optional[Image.Image]:
        """``image.rotate(angle, resample=resample)`` where this reference's Pillow differs; else None."""
        return self._older(_changes.ROTATE, image, angle, resample)

    def premultiplies_nearest(self) -> bool:
        """Whether NEAREST resizing of LA / RGBA went through premultiplied alpha."""
        return bool(self._older(_changes.RESIZE_NEAREST_PREMULTIPLIED))

    def reads_differently(self) -> bool:
        """Whether any row changes how files are decoded or opened for this reference."""
        return any(change.step in (_changes.DECODE, _changes.OPENED) for change in self._rows)

    def decoded(self, source: Any, head: bytes) -> Optional[Image.Image]:
        """The file (a path or its bytes; ``head`` its first bytes) as this reference's Pillow decoded it
        where that differs from the installed Pillow's decoder; else None."""
        return self._older(_changes.DECODE, source, head)

    def opened(self, image: Image.Image) -> Optional[Image.Image]:
        """An image the installed Pillow opened, as this reference's Pillow gave it where it differs; else None."""
        return self._older(_changes.OPENED, image)

    def encoded_jpeg(self, image: Image.Image, params: Dict[str, Any]) -> Optional[bytes]:
        """The JPEG file this reference's Pillow wrote where its encoder differs; else None."""
        return self._older(_changes.ENCODE_JPEG, image, params)

    def array_of_unloadable(self, image: Image.Image) -> Optional[np.ndarray]:
        """What ``np.array(image)`` gave when loading the image failed: None to raise the error."""
        older = self._older(_changes.UNLOADABLE_ARRAY, image)
        return older if isinstance(older, np.ndarray) else None

    def keeps_file_of_failed_save(self) -> bool:
        """Whether a failed save to a new path left the file behind (``failed_saves='as-recorded'``)."""
        return bool(self._older(_changes.FAILED_SAVE_KEEPS_FILE))

    def filtered(self, image: Image.Image, image_filter: Any) -> Optional[Image.Image]:
        """``image.filter(image_filter)`` where this reference's Pillow computed it differently; else None."""
        return self._older(_changes.FILTER, image, image_filter)

    def unknown_extension_error(self, extension: str) -> Optional[Exception]:
        """The exception this reference's Pillow raised saving to an unknown extension, where it differs."""
        return self._older(_changes.UNKNOWN_FORMAT, extension)

    def needs(self) -> Tuple[str, ...]:
        """The optional modules this reference computes with (``pip install`` names), installed or not."""
        return tuple(sorted({change.needs for change in self._rows if change.needs}))


@functools.lru_cache(maxsize=None)
def reference_named(name: str) -> Reference:
    """The ``Reference`` of a name (``pillow-X.Y``, ``pillow-X.Y.Z``, ``2018``, ``2022``); ValueError otherwise."""
    canonical, version = parse(name)
    return Reference(canonical, version)


@functools.lru_cache(maxsize=None)
def _all_pillow_references() -> Tuple[Tuple[str, Reference], ...]:
    from ._names import PILLOW_MINORS
    return tuple((pillow_name(version), reference_named(pillow_name(version))) for version in PILLOW_MINORS)


def distinct_references() -> Tuple[Reference, ...]:
    """One reference per era (``pillow-X.Y`` of its first minor), oldest first: the references whose results
    differ somewhere. ``2018`` and ``2022`` are among them as ``pillow-5.3``'s and ``pillow-9.3``'s eras."""
    seen: Dict[Tuple[_changes.Change, ...], Reference] = {}
    for _, reference in _all_pillow_references():
        seen.setdefault(reference.older_changes, reference)
    return tuple(seen.values())


__all__ = ["Reference", "reference_named", "distinct_references", "ALIASES"]
