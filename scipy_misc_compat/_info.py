"""``show_config()`` and the ``info`` command: what this installation computes with."""

from __future__ import annotations

import sys
from typing import Any, Dict, Optional, TextIO

from .references import FAILED_SAVES, current_reference, failed_saves
from ._version import __version__


_DISTRIBUTIONS = (("numpy", "numpy"), ("Pillow", "Pillow"), ("tifffile", "tifffile"), ("pypng", "pypng"),
                  ("jpeglib", "jpeglib"), ("libcst", "libcst"), ("pooch", "pooch"), ("scipy", "scipy"))


def missing_requirements(reference: Any = None) -> list:
    """The optional modules ``reference`` (default: the one in use) computes with that are not installed."""
    return [name for name in (reference or current_reference()).needs() if not _importable(name)]


def _importable(name: str) -> bool:
    import importlib.util
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):  # a finder that refuses it
        return False


def config() -> Dict[str, Any]:
    """The facts ``show_config`` prints, as a dict (versions are None for what is not installed)."""
    return {
        "scipy-misc-compat": __version__,
        "python": "%d.%d.%d" % sys.version_info[:3],
        "legacy reference": str(current_reference()),
        "reference needs": missing_requirements(),
        "failed saves": "%s (%s)" % (failed_saves(), FAILED_SAVES[failed_saves()]),
        "kernels": _kernels(),
        "versions": {name: _version_of(distribution) for name, distribution in _DISTRIBUTIONS},
    }


def show_config(file: Optional[TextIO] = None) -> None:
    """Print the package version, its compiled kernels, the libraries it uses and the legacy reference.

    Examples
    --------
    >>> import scipy_misc_compat
    >>> scipy_misc_compat.show_config()  # doctest: +ELLIPSIS
    scipy-misc-compat 0...
    python ...
    legacy reference: 2022 (scipy 1.1.0 on numpy 1.23.5 + Pillow 9.3.0 (libjpeg-turbo))
    failed saves: atomic (the path stays as it was: written through a temporary file)
    ...
    """
    facts = config()
    out = file if file is not None else sys.stdout
    print("scipy-misc-compat %s" % facts["scipy-misc-compat"], file=out)
    print("python %s" % facts["python"], file=out)
    print("legacy reference: %s" % facts["legacy reference"], file=out)
    for name in facts["reference needs"]:
        print("  but %s is not installed: JPEG files cannot be read or written as this reference did "
              "(pip install %s)" % (name, name), file=out)
    print("failed saves: %s" % facts["failed saves"], file=out)
    for name, state in facts["kernels"].items():
        print("kernel %s: %s" % (name, state), file=out)
    for name, version in facts["versions"].items():
        print("%s: %s" % (name, version or "not installed"), file=out)


def _kernels() -> Dict[str, str]:
    from .pipeline import _engine, _resample
    if _engine._kernels is None:
        legacy = "not built (numpy fallback, same results, slower)"
    else:  # levels(): the instruction-set levels this CPU runs, the one dispatched to last
        legacy = "compiled, instruction set: %s" % _engine._kernels.levels()[-1]
    resample = _resample._resample_kernels
    if resample is None:
        resize = "not built (numpy fallback, same results, slower)"
    else:
        resize = "compiled, %s" % resample.instruction_set()
    return {"legacy arithmetic (_kernels)": legacy, "resize (_resample_kernels)": resize}


def _version_of(distribution: str) -> Optional[str]:
    """An installed distribution's version, read from its metadata (nothing is imported)."""
    from importlib import metadata
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


__all__ = ["show_config", "config"]
