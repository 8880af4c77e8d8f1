"""A module with every public name of scipy 1.1.0's ``scipy.misc``.

``install()`` serves this module (or its names) as ``scipy.misc``; it can also be
imported directly: ``from scipy_misc_compat import misc``. Image functions come from
``scipy_misc_compat.legacy``; ``derivative``, ``central_diff_weights``, ``who``,
``source``, ``info``, ``pade``, ``ascent``, ``face`` and ``electrocardiogram`` (through
``scipy.datasets``) from ``_namespace``; ``comb``, ``factorial``, ``factorial2``,
``factorialk``, ``logsumexp`` and ``doccer`` are looked up in scipy on
first use.
"""

from typing import Any

from . import legacy as pilutil
from ._namespace import (FORWARDED, ascent, central_diff_weights, derivative, doccer as _doccer, electrocardiogram,
                         face, factorial, factorial2, factorialk, forwarded, info, pade, source, who)
from .legacy import bytescale, fromimage, imfilter, imread, imresize, imrotate, imsave, imshow, toimage

#: scipy 1.1.0's ``scipy.misc.__all__``, in its order.
__all__ = ["who", "source", "info", "doccer", "pade", "comb", "factorial", "factorial2", "factorialk", "logsumexp",
           "fromimage", "toimage", "imsave", "imread", "bytescale", "imrotate", "imresize", "imshow", "imfilter",
           "central_diff_weights", "derivative", "ascent", "face", "electrocardiogram"]


def __getattr__(name: str) -> Any:
    """Names that live in scipy: loaded on first use (ImportError with what to install if missing)."""
    if name in FORWARDED:
        return forwarded(name)
    if name == "doccer":
        return _doccer()
    raise AttributeError("module 'scipy.misc' (scipy-misc-compat) has no attribute %r" % name)


def __dir__() -> list:
    return sorted(set(globals()) | set(__all__))


_ = (pilutil, bytescale, fromimage, imfilter, imread, imresize, imrotate, imsave, imshow, toimage,
     central_diff_weights, derivative, info, source, who, ascent, face, electrocardiogram, pade, factorial, factorial2,
     factorialk)  # re-exported
