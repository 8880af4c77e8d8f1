"""Exception classes for the places where scipy 1.1.0 raised an odd built-in type.

scipy 1.1.0 sometimes failed with an exception its code never meant to raise
(``AttributeError`` for a list given to ``bytescale``, ``UnboundLocalError`` for a
negative ``channel_axis``).  Legacy code may catch those types, so we raise them
too, but through subclasses that also derive from the type a reader would
expect, with a message that says what was wrong.
"""

from __future__ import annotations

from PIL import UnidentifiedImageError


class NotAnArrayError(AttributeError, TypeError):
    """A numpy array was required (scipy 1.1.0 raised ``AttributeError`` here)."""


class ChannelAxisError(UnboundLocalError, ValueError):
    """``channel_axis`` was not 0, 1 or 2 (scipy 1.1.0 raised ``UnboundLocalError``)."""


class NotAFileError(AttributeError, TypeError):
    """``imread`` got neither a path nor a file object (scipy 1.1.0 raised ``AttributeError`` here)."""


class UnreadableImageError(OSError):
    """A file could not be decoded as an image; the message names the file and the decoder's complaint.

    Every decoding failure becomes one: Pillow's ``OSError`` ("image file is truncated"),
    its ``UnidentifiedImageError`` (raised as ``UnidentifiedImageFileError``, which is both,
    so ``except PIL.UnidentifiedImageError`` clauses written for scipy 1.1.0 still work),
    and what decoders raise on bad data (``SyntaxError``, ``struct.error``, ``EOFError``,
    pypng's and tifffile's errors), so a pipeline needs to catch only this (or ``OSError``).
    A file that cannot be opened at all keeps its own error (``FileNotFoundError``, ...).
    """


class UnidentifiedImageFileError(UnreadableImageError, UnidentifiedImageError):
    """No decoder recognised the file (scipy 1.1.0 raised Pillow's ``UnidentifiedImageError``)."""


class ImageTooLargeError(UnreadableImageError):
    """The image declares more pixels than ``PIL.Image.MAX_IMAGE_PIXELS`` allows (twice it, as Pillow).

    Pillow's decompression-bomb protection, applied to every decoder used here. To read
    such images deliberately, raise or lift the limit: ``PIL.Image.MAX_IMAGE_PIXELS = None``.
    """


class TextModeFileError(UnreadableImageError, TypeError):
    """A file object opened in text mode (scipy 1.1.0 raised Pillow's ``UnidentifiedImageError``, an ``OSError``)."""


__all__ = ["NotAnArrayError", "ChannelAxisError", "NotAFileError", "UnreadableImageError", "ImageTooLargeError",
           "TextModeFileError", "UnidentifiedImageFileError"]
