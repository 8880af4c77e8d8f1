"""scipy-misc-compat: scipy 1.1.0's ``scipy.misc`` image functions on today's numpy and Pillow."""

from .dropin._aliases import LEGACY_ALIASES, LegacyAlias, LegacyAliasWarning, warn_on_legacy_aliases
from .dropin._datachange import DataChangedWarning, warn_on_data_change
from ._errors import (ChannelAxisError, ImageTooLargeError, NotAnArrayError, UnidentifiedImageFileError,
                      UnreadableImageError)
from .exact._exact_codecs import ExactStorageError
from .dropin._install import install, installed, is_installed, uninstall
from .pipeline._legacy_image import LegacyImage
from .references import current_reference, failed_saves, reference, use_reference
from .pipeline._transform import UnknownInterpolationError
from .legacy import bytescale, fromimage, imfilter, imread, imresize, imrotate, imsave, imshow, toimage
from ._info import show_config
from .tools._compare import Comparison, Tolerance, compare_dirs, compare_files
from .tools._which_reference import WhichReference, which_reference
from ._version import __version__
from . import misc

__all__ = [
    "bytescale", "toimage", "fromimage", "imread", "imsave", "imresize", "imrotate", "imfilter", "imshow",
    "LegacyImage", "NotAnArrayError", "ChannelAxisError", "UnreadableImageError", "UnidentifiedImageFileError",
    "ImageTooLargeError", "UnknownInterpolationError", "ExactStorageError",
    "DataChangedWarning", "warn_on_data_change", "LEGACY_ALIASES", "LegacyAlias", "LegacyAliasWarning",
    "warn_on_legacy_aliases", "install", "uninstall", "installed", "is_installed", "misc", "show_config",
    "reference", "current_reference", "use_reference", "failed_saves", "which_reference", "WhichReference",
    "compare_files", "compare_dirs", "Comparison", "Tolerance",
    "__version__",
]
