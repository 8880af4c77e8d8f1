"""A module with every public name of scipy 1.1.0's ``scipy.misc``.

``install()`` serves this module (or its names) as ``scipy.misc``; it can also be
imported directly: ``from scipy_misc_compat import misc``. Image functions come from
``scipy_misc_compat.legacy``; everything else from ``_namespace`` (``comb``, ``logsumexp`` and ``doccer`` use scipy
on first use; ``from scipy_misc_compat.misc import *`` works without it).
"""

from typing import Any

from . import legacy as pilutil
from .dropin._namespace import (ascent, central_diff_weights, comb, derivative, doccer as _doccer, electrocardiogram,
                                face, factorial, factorial2, factorialk, info, logsumexp, pade, source, who)
from .legacy import bytescale, fromimage, imfilter, imread, imresize, imrotate, imsave, imshow, toimage

#: scipy 1.1.0's ``scipy.misc.__all__``, in its order.
__all__ = ["who", "source", "info", "doccer", "pade", "comb", "factorial", "factorial2", "factorialk", "logsumexp",
           "fromimage", "toimage", "imsave", "imread", "bytescale", "imrotate", "imresize", "imshow", "imfilter",
           "central_diff_weights", "derivative", "ascent", "face", "electrocardiogram"]


def __getattr__(name: str) -> Any:
    """``doccer``, scipy's module: loaded on first use (a stand-in saying what to install if missing)."""
    if name == "doccer":
        return _doccer()
    raise AttributeError("module 'scipy.misc' (scipy-misc-compat) has no attribute %r" % name)


def __dir__() -> list:
    return sorted(set(globals()) | set(__all__))


_ = (pilutil, bytescale, fromimage, imfilter, imread, imresize, imrotate, imsave, imshow, toimage,
     central_diff_weights, derivative, info, source, who, ascent, face, electrocardiogram, pade, factorial, factorial2,
     factorialk, comb, logsumexp)  # re-exported
