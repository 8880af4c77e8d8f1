"""Exception classes for the places where scipy 1.1.0 raised an odd built-in type.

scipy 1.1.0 sometimes failed with an exception its code never meant to raise
(``AttributeError`` for a list given to ``bytescale``, ``UnboundLocalError`` for a
negative ``channel_axis``).  Legacy code may catch those types, so we raise them
too, but through subclasses that also derive from the type a reader would
expect, with a message that says what was wrong.
"""

from __future__ import annotations


class NotAnArrayError(AttributeError, TypeError):
    """A numpy array was required (scipy 1.1.0 raised ``AttributeError`` here)."""


class ChannelAxisError(UnboundLocalError, ValueError):
    """``channel_axis`` was not 0, 1 or 2 (scipy 1.1.0 raised ``UnboundLocalError``)."""


__all__ = ["NotAnArrayError", "ChannelAxisError"]
