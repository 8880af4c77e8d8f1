"""scipy-misc-compat: scipy 1.1.0's ``scipy.misc`` image functions on today's numpy and Pillow."""

from ._errors import ChannelAxisError, NotAnArrayError
from ._legacy_image import LegacyImage
from .legacy import bytescale, fromimage, imread, imsave, toimage

__version__ = "0.1.0"

__all__ = [
    "bytescale", "toimage", "fromimage", "imread", "imsave",
    "LegacyImage", "NotAnArrayError", "ChannelAxisError", "__version__",
]
