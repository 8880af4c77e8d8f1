"""Reading and writing image files: paths, file objects, atomic replacement."""

from __future__ import annotations

import contextlib
import io
import os
from typing import IO, Any, Callable, Iterator, Optional

from PIL import Image, UnidentifiedImageError

from .._errors import (ImageTooLargeError, NotAFileError, TextModeFileError, UnidentifiedImageFileError,
                      UnreadableImageError)
from ..references import current_reference, failed_saves


@contextlib.contextmanager
def reading(name: Any) -> Iterator[None]:
    """Turn whatever decoding ``name`` raises into an ``OSError`` or ``ValueError`` naming the file.

    A decoder's ``OSError`` (no errno: Pillow's "image file is truncated", "cannot
    identify image file") becomes ``UnreadableImageError`` (``UnidentifiedImageFileError``,
    also Pillow's ``UnidentifiedImageError``, for the latter: scipy 1.1.0's types stay
    caught); ``FileNotFoundError`` and other errors of opening the file keep their type,
    as do ``ValueError``s; Pillow's ``DecompressionBombError`` becomes
    ``ImageTooLargeError``; anything else a decoder raises on bad data (``SyntaxError``,
    ``struct.error``, ``EOFError``, ``IndexError``, ...) becomes ``UnreadableImageError``.
    """
    try:
        yield
    except UnreadableImageError as error:
        raise with_file_name(error, name) from None
    except Image.DecompressionBombError as error:
        raise ImageTooLargeError("%s: %s (set PIL.Image.MAX_IMAGE_PIXELS to read it deliberately)"
                                 % (describe_target(name), error)) from error
    except UnidentifiedImageError:  # Pillow names what it was given (for compare: a BytesIO), not the file
        raise UnidentifiedImageFileError("cannot identify image file %s" % describe_target(name)) from None
    except OSError as error:
        if error.errno is None and type(error) is OSError:  # the decoder's complaint, not the file system's
            raise UnreadableImageError(str(with_file_name(error, name))) from None
        raise with_file_name(error, name) from None
    except ValueError as error:
        raise with_file_name(error, name) from None
    except ImportError:  # an optional codec that is not installed: its message says what to install
        raise
    except MemoryError as error:
        raise ImageTooLargeError("%s: not enough memory to decode it (%s)" % (describe_target(name), error)) \
            from error
    except Exception as error:
        raise UnreadableImageError("%s: cannot decode this image (%s: %s)"
                                   % (describe_target(name), type(error).__name__, error)) from error


def open_image(name: Any) -> Image.Image:
    """``Image.open`` after checking that ``name`` is something to read.

    Use it as a context manager, inside ``reading(name)``: a file opened from a path
    is closed on exit (a file object given by the caller stays open, as Pillow leaves it).
    """
    check_readable(name)
    reference = current_reference()
    if not reference.reads_differently():
        return Image.open(name)
    return _open_as_reference(name, reference)


#: How many first bytes of a file a reference's decoders look at.
_HEAD_BYTES = 16


def _open_as_reference(name: Any, reference: Any) -> Image.Image:
    """Open ``name`` as the reference's Pillow did, where its decoders differ (e.g. JPEG by IJG libjpeg).

    A path is read once, by whichever decoder the first bytes call for (jpeglib reads
    the path itself); a file object is read into memory, as Pillow would buffer it."""
    if is_path(name):
        with open(os.fsdecode(name), "rb") as handle:
            head = handle.read(_HEAD_BYTES)
        source: Any = name
        decodable: Any = name
    else:
        data = read_bytes(name)
        head, source, decodable = data[:_HEAD_BYTES], io.BytesIO(data), data
    decoded = reference.decoded(decodable, head)
    if decoded is not None:
        return decoded
    image = Image.open(source)
    as_given = reference.opened(image)
    if as_given is None:
        return image
    image.close()  # its samples are copied: the file it holds is no longer needed
    return as_given


def check_readable(name: Any) -> None:
    """A path, or a file object opened in binary mode; otherwise a TypeError saying what to pass."""
    if is_path(name):
        return
    if not hasattr(name, "read"):
        raise NotAFileError("imread: name must be a path or a binary file object, not %s" % type(name).__name__)
    if isinstance(name, io.TextIOBase) or "b" not in getattr(name, "mode", "b"):
        raise TextModeFileError("imread: %s is open in text mode; open it with 'rb'." % describe_target(name))


def with_file_name(error: Exception, name: Any) -> Exception:
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


def save_image(image: Image.Image, target: Any, format: Optional[str] = None, **params: Any) -> None:  # noqa: A002
    """Save a legacy image to a path (atomically) or to a binary file object, as Pillow would.

    For a file object, Pillow's own rules apply (``format``, else the object's
    ``name``). For a path, the format comes from ``format`` or the extension, and the
    file is written as ``write_legacy_file`` says.
    """
    if format is None and format_from_name(target) is None:
        older = current_reference().unknown_extension_error(_extension(target))
        if older is not None:
            raise older
    if is_path(target):
        path = target_path(target)
        chosen = resolve_format(path, format)
        Image.init()
        if chosen.upper() not in Image.SAVE:  # Pillow's KeyError, raised before the file is touched
            raise KeyError(chosen.upper())
        write_legacy_file(path, lambda handle: image.save(handle, chosen, **params))
    elif format is None:
        image.save(target, **params)
    else:
        image.save(target, format, **params)


def format_from_name(fp: Any) -> Optional[str]:
    """The format Pillow would infer from a path (or a file object's ``name``), or None."""
    name = fp if isinstance(fp, (str, bytes, os.PathLike)) else getattr(fp, "name", None)
    if not isinstance(name, (str, bytes, os.PathLike)):
        return None
    extension = os.path.splitext(os.fsdecode(name))[1].lower()
    return Image.registered_extensions().get(extension)


def _extension(target: Any) -> str:
    name = target if is_path(target) else getattr(target, "name", "")
    return os.path.splitext(os.fsdecode(name))[1].lower() if isinstance(name, (str, bytes, os.PathLike)) else ""


def is_path(target: Any) -> bool:
    return isinstance(target, (str, bytes, os.PathLike))


def target_path(target: Any) -> str:
    """The file a path refers to: a symbolic link is followed, so its target gets replaced."""
    return os.path.realpath(os.fsdecode(target))


def resolve_format(target: Any, format: Optional[str]) -> str:  # noqa: A002
    """``format``, else the one Pillow associates with the target's extension, else ValueError."""
    if format is not None:
        return format
    inferred = format_from_name(target)
    if inferred is None:
        raise ValueError("unknown file extension for %s (pass format=, e.g. 'PNG')" % describe_target(target))
    return inferred


def write_to(target: Any, write: Callable[[IO[bytes]], None]) -> None:
    """Run ``write`` on a binary file object, or atomically on a path."""
    if is_path(target):
        write_atomically(target_path(target), write)
    else:
        write(target)


def write_bytes(target: Any, data: bytes) -> None:
    """Write finished file contents to a binary file object, or atomically to a path."""
    def write(handle: IO[bytes]) -> None:
        handle.write(data)
    write_to(target, write)


def write_legacy_file(path: str, write: Callable[[IO[bytes]], None]) -> None:
    """A legacy save to a path: atomic, unless ``failed_saves()`` is ``'as-recorded'``.

    Then the file is written in place as the reference's Pillow did (``Image.save`` opened
    the path with ``'w+b'`` before encoding): Pillow < 9.1 (reference 2018 too) left whatever a
    failure left, Pillow 9.1 and later (reference 2022) removed the file if the save had created it.
    """
    if failed_saves() == "atomic":
        write_atomically(path, write)
    else:
        write_in_place(path, write, remove_if_created=not current_reference().keeps_file_of_failed_save())


def write_in_place(path: str, write: Callable[[IO[bytes]], None], remove_if_created: bool) -> None:
    """Open ``path`` for writing (emptying it), then ``write``; on failure maybe remove a new file."""
    created = not os.path.exists(path)
    try:
        with open(path, "w+b") as handle:
            write(handle)
    except Exception:  # as Pillow 9.3: an interrupt (not an Exception) leaves the new file
        if created and remove_if_created:
            with contextlib.suppress(OSError):
                os.remove(path)
        raise


def write_atomically(path: str, write: Callable[[IO[bytes]], None]) -> None:
    """Write through a temporary file beside ``path``, then move it over ``path``.

    When ``write`` fails (or is interrupted) the previous file is untouched and no
    temporary file remains. An existing file keeps its permission bits; a new one
    gets ``0o666 & ~umask``.
    """
    directory, base = os.path.split(path)
    temporary = os.path.join(directory, ".%s.%s.tmp" % (base, os.urandom(6).hex()))
    try:
        os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))  # ours alone, umask applied
    except OSError as error:  # name the file the caller asked for, not our temporary one
        raise type(error)(error.errno, error.strerror, path) from None
    try:
        with open(temporary, "wb") as handle:  # opened by name: writers such as tifffile want handle.name
            write(handle)
        if os.path.exists(path):
            os.chmod(temporary, os.stat(path).st_mode & 0o7777)
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


def read_bytes(name: Any) -> bytes:
    """All bytes of a path or of a binary file object (call inside ``reading(name)``)."""
    check_readable(name)
    if is_path(name):
        with open(os.fsdecode(name), "rb") as handle:
            return handle.read()
    data = name.read()
    if not isinstance(data, bytes):
        raise TextModeFileError("imread: %s is open in text mode; open it with 'rb'." % describe_target(name))
    return data


__all__ = ["open_image", "format_from_name", "is_path", "write_atomically", "write_in_place", "reading", "save_image",
           "write_legacy_file", "describe_target", "write_to", "resolve_format",
           "read_bytes", "with_file_name", "check_readable", "write_bytes"]
