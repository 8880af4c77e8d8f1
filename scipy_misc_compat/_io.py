"""Reading and writing image files: paths, file objects, atomic replacement."""

from __future__ import annotations

import os
import secrets
from typing import Any, Optional

from PIL import Image

from ._legacy_image import format_from_name


def open_image(name: Any) -> Image.Image:
    """``Image.open`` with the file named in every error.

    Use it as a context manager: a file opened from a path is closed on exit (a
    file object given by the caller stays open, as Pillow leaves it).
    """
    try:
        return Image.open(name)
    except (OSError, ValueError) as error:
        raise _with_file_name(error, name) from None


def _with_file_name(error: Exception, name: Any) -> Exception:
    """The same exception type, with the file named when Pillow's message does not say it."""
    label = describe_target(name)
    if label in str(error):
        return error
    try:
        renamed = type(error)(*error.args)
        renamed.args = ("%s: %s" % (label, error),) if len(error.args) <= 1 else error.args
        return renamed
    except Exception:  # an exception type that cannot be rebuilt: keep it as it is
        return error


def describe_target(target: Any) -> str:
    """A short human name for a path or a file object, for error messages."""
    if isinstance(target, (str, bytes, os.PathLike)):
        return repr(os.fsdecode(target))
    name = getattr(target, "name", None)
    if isinstance(name, (str, bytes)):
        return repr(os.fsdecode(name))
    return "<%s object>" % type(target).__name__


def save_image(image: Image.Image, target: Any, format: Optional[str] = None) -> None:  # noqa: A002
    """Save ``image`` to a path (atomically) or to a binary file object.

    A path is written to a temporary file beside it, then moved over the target
    with ``os.replace``: when encoding fails the previous file is untouched and no
    temporary file is left.  A symbolic link is followed (its target is replaced,
    the link stays); an existing file keeps its permission bits, a new one gets
    the usual ``0o666 & ~umask``.
    """
    if not isinstance(target, (str, bytes, os.PathLike)):
        if format is None:
            image.save(target)
        else:
            image.save(target, format)
        return
    path = os.path.realpath(os.fsdecode(target))
    if format is None:
        format = format_from_name(path)  # noqa: A001
        if format is None:
            raise ValueError("unknown file extension: %r (pass format=, e.g. 'PNG')"
                             % os.path.splitext(path)[1])
    _write_atomically(image, path, format)


def _write_atomically(image: Image.Image, path: str, format: str) -> None:  # noqa: A002
    directory, base = os.path.split(path)
    temporary = os.path.join(directory, ".%s.%s.tmp" % (base, secrets.token_hex(6)))
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            image.save(handle, format)
        if os.path.exists(path):
            os.chmod(temporary, os.stat(path).st_mode & 0o7777)
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


__all__ = ["open_image", "save_image", "describe_target"]
