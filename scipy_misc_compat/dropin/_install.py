"""``install()``: make ``scipy.misc`` (and ``scipy.ndimage.imread``) work again, unmodified.

Three environments are handled:

1. scipy 1.2-1.18: ``scipy.misc`` exists but lacks the image functions (and, from
   1.15, everything): the missing names are added to it; what scipy still provides
   is left alone unless ``replace=True``. Importing it here does not emit scipy's
   "scipy.misc is deprecated" warning.
2. scipy without ``scipy.misc`` (2.0): ``scipy_misc_compat.misc`` is served as
   ``scipy.misc``.
3. no scipy at all, with ``without_scipy=True``: a stand-in ``scipy`` package holds
   only ``misc``; importing any other ``scipy.*`` raises an ImportError saying so.

``uninstall()`` undoes exactly what ``install()`` did: attributes set or replaced,
``sys.modules`` entries added (including scipy's ``scipy.misc`` stubs that ``install``
imported itself; modules it imported for other reasons, e.g. ``scipy.ndimage``, stay),
the import hook. Both are idempotent and serialised by a lock.

Code that ran ``from scipy.misc import imread`` *before* ``install()`` failed then and
is not fixed by a later ``install()``; install first (``python -m scipy_misc_compat
run`` does).
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.util
import sys
import threading
import types
import warnings
from typing import Any, Callable, Dict, Iterator, List, Optional

from . import _aliases
from .. import legacy, misc

_MISSING = object()
_lock = threading.RLock()
_undo: Optional[List[Callable[[], None]]] = None  # None: not installed


def is_installed() -> bool:
    return _undo is not None


def install(*, replace: bool = False, without_scipy: bool = False, legacy_aliases: bool = False) -> bool:
    """Make ``import scipy.misc`` and its scipy 1.1.0 names work; returns False if already installed.

    Parameters
    ----------
    replace : bool, keyword-only
        Also replace names that the installed scipy still provides (``derivative``,
        ``face``, ... in scipy < 1.15) with this package's versions.
    without_scipy : bool, keyword-only
        Where scipy is not installed, provide ``scipy.misc`` anyway (other ``scipy.*``
        imports then fail with an ImportError saying only ``scipy.misc`` is there).
        Without it, ``install()`` raises ImportError when scipy is missing.
    legacy_aliases : bool, keyword-only
        Also restore the numpy and Pillow names legacy scripts use beside ``scipy.misc``
        (``np.float``, ``np.int``, ``np.asscalar``, ``Image.ANTIALIAS``, ...; the table is
        ``scipy_misc_compat.LEGACY_ALIASES``), with their old meaning, where the installed
        numpy/Pillow lacks them; names they still define are never shadowed. ``run`` does
        this by default.

    Examples
    --------
    >>> import scipy_misc_compat
    >>> scipy_misc_compat.install(without_scipy=True)
    True
    >>> from scipy.misc import bytescale
    >>> bytescale is scipy_misc_compat.bytescale
    True
    >>> scipy_misc_compat.uninstall()
    True
    """
    global _undo
    with _lock:
        if _undo is not None:
            return False
        undo: List[Callable[[], None]] = []
        modules_before = set(sys.modules)
        parents_before = _misc_parents_attributes()
        _modules_before_install.clear()
        _modules_before_install.update(modules_before)
        try:
            if _scipy_is_importable():
                _install_into_scipy(replace, undo)
            elif without_scipy:
                _install_without_scipy(undo)
            else:
                raise ImportError("scipy is not installed. Install it (pip install scipy), or call "
                                  "scipy_misc_compat.install(without_scipy=True) to provide scipy.misc alone.")
            if legacy_aliases:
                _aliases.restore(undo)
        except BaseException:
            _run(undo)
            raise
        undo.append(_forget_modules_imported_since(modules_before, parents_before))
        _undo = undo
        return True


def uninstall() -> bool:
    """Undo ``install()`` exactly; returns False if it was not installed."""
    global _undo
    with _lock:
        if _undo is None:
            return False
        undo, _undo = _undo, None
        _run(undo)
        return True


@contextlib.contextmanager
def installed(**options: Any) -> Iterator[None]:
    """``install(**options)`` for the duration of a ``with`` block (nothing undone if it was already installed)."""
    did_install = install(**options)
    try:
        yield
    finally:
        if did_install:
            uninstall()


def _run(undo: List[Callable[[], None]]) -> None:
    for step in reversed(undo):
        step()


# --- the three environments --------------------------------------------------------------------

def _scipy_is_importable() -> bool:
    module = sys.modules.get("scipy")
    if module is not None:
        return not isinstance(module, _ScipyStandIn)
    try:
        return importlib.util.find_spec("scipy") is not None
    except (ImportError, ValueError):  # a broken or deliberately blocked scipy counts as absent
        return False


def _install_into_scipy(replace: bool, undo: List[Callable[[], None]]) -> None:
    import scipy
    existing = _import_quietly("scipy.misc")
    if existing is None:  # scipy 2.0: no scipy.misc at all
        _set_module("scipy.misc", misc, undo)
        _set_attribute(scipy, "misc", misc, undo)
        target = misc
    else:
        for name in misc.__all__:
            if replace or not _has_own(existing, name):
                _set_attribute(existing, name, _resolved(name), undo)
        if replace or not set(misc.__all__) <= set(getattr(existing, "__all__", ())):
            _set_attribute(existing, "__all__", list(misc.__all__), undo)  # `from scipy.misc import *`
        target = existing
    # scipy 1.15-1.18 keep scipy/misc/doccer.py as an empty stub that only warns: replaced like a
    # missing module (its helpers live on in scipy._lib.doccer).
    for name, module, marker in (("pilutil", legacy, "imread"),
                                 ("doccer", _import_quietly("scipy._lib.doccer"), "docformat")):
        present = _import_quietly("scipy.misc." + name)
        if module is not None and (replace or present is None or not hasattr(present, marker)):
            _set_module("scipy.misc." + name, module, undo)  # `import scipy.misc.pilutil` works too
            if target is not misc:
                _set_attribute(target, name, module, undo)
    ndimage = _import_quietly("scipy.ndimage")
    if ndimage is not None and (replace or not _has_own(ndimage, "imread")):
        _set_attribute(ndimage, "imread", ndimage_imread, undo)


def _install_without_scipy(undo: List[Callable[[], None]]) -> None:
    stand_in = _ScipyStandIn("scipy")
    setattr(stand_in, "misc", misc)  # noqa: B010 (the stand-in class declares no attributes)
    _set_module("scipy", stand_in, undo)
    _set_module("scipy.misc", misc, undo)
    _set_module("scipy.misc.pilutil", legacy, undo)
    _set_module("scipy.misc.doccer", misc.doccer, undo)  # a stand-in that says scipy is needed
    finder = _OnlyMiscFinder()
    sys.meta_path.insert(0, finder)
    undo.append(lambda: sys.meta_path.remove(finder))


def _resolved(name: str) -> Any:
    """The object to set on a real ``scipy.misc``: forwarded names resolved where scipy has them."""
    try:
        return getattr(misc, name)
    except ImportError:  # e.g. face() without scipy.datasets: keep the lazy error for call time
        return _unavailable(name)


def _unavailable(name: str) -> Callable[..., Any]:
    def unavailable(*args: Any, **kwargs: Any) -> Any:
        return getattr(misc, name)(*args, **kwargs)  # raises the ImportError saying what to install
    unavailable.__name__ = name
    return unavailable


def ndimage_imread(fname: Any, flatten: bool = False, mode: Optional[str] = None) -> Any:
    """scipy 1.1.0's ``scipy.ndimage.imread``: the same as ``scipy.misc.imread``."""
    return legacy.imread(fname, flatten=flatten, mode=mode)


# --- helpers that remember how to undo ---------------------------------------------------------

def _import_quietly(name: str) -> Optional[types.ModuleType]:
    """Import ``name`` without its deprecation warnings (scipy >= 1.15 warns on ``import scipy.misc``)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            return importlib.import_module(name)
    except ImportError:
        return None


def _has_own(module: types.ModuleType, name: str) -> bool:
    """Whether ``module`` defines ``name`` itself (without triggering lazy loaders or warnings)."""
    return name in vars(module)


def _set_attribute(owner: Any, name: str, value: Any, undo: List[Callable[[], None]]) -> None:
    previous = vars(owner).get(name, _MISSING)
    setattr(owner, name, value)

    def restore() -> None:
        if previous is _MISSING:
            owner.__dict__.pop(name, None)
        else:
            setattr(owner, name, previous)
    undo.append(restore)


#: sys.modules' names when install() began: a module it replaces that install() itself imported
#: (scipy 1.15's scipy.misc.doccer stub) is dropped on uninstall, not put back.
_modules_before_install: set = set()


def _set_module(name: str, module: types.ModuleType, undo: List[Callable[[], None]]) -> None:
    previous = sys.modules.get(name, _MISSING)
    if name not in _modules_before_install:
        previous = _MISSING
    sys.modules[name] = module

    def restore() -> None:
        if previous is _MISSING:
            sys.modules.pop(name, None)
        else:
            sys.modules[name] = previous  # type: ignore[assignment]
    undo.append(restore)


def _forget_modules_imported_since(before: set, parents_before: Dict[str, Dict[str, Any]]) -> Callable[[], None]:
    """Undo step: drop the ``scipy.misc`` modules that ``install()`` imported (scipy's stubs).

    Only those: importing ``scipy.ndimage`` also imports numpy and scipy extension modules
    (``numpy.fft``, ``scipy.special``, ...) that numpy 2 refuses to load twice in a process
    ("cannot load module more than once per process"), so they stay imported. The import
    system also set each dropped module as an attribute of its parent: that attribute gets
    back the value it had (``parents_before``) or goes.
    """
    imported: Dict[str, Any] = {name: sys.modules[name] for name in set(sys.modules) - before
                                if _is_misc_module(name)}

    def forget() -> None:
        for name, module in imported.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
            parent_name, _, child = name.rpartition(".")
            parent = sys.modules.get(parent_name)
            if parent is None or parent_name not in before or vars(parent).get(child) is not module:
                continue
            previous = parents_before.get(parent_name, {}).get(child, _MISSING)
            if previous is _MISSING:
                delattr(parent, child)
            else:
                setattr(parent, child, previous)
    return forget


def _is_misc_module(name: str) -> bool:
    return name == "scipy.misc" or name.startswith("scipy.misc.")


def _misc_parents_attributes() -> Dict[str, Dict[str, Any]]:
    """The attributes of the already imported parents of ``scipy.misc`` modules, before install."""
    return {name: dict(vars(sys.modules[name])) for name in ("scipy", "scipy.misc")
            if isinstance(sys.modules.get(name), types.ModuleType)}


class _ScipyStandIn(types.ModuleType):
    """The ``scipy`` package where scipy is not installed: it holds ``misc`` and nothing else."""

    __path__: List[str] = []

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        raise AttributeError("scipy is not installed: scipy-misc-compat provides only scipy.misc, not scipy.%s "
                             "(pip install scipy)" % name)


class _OnlyMiscFinder:  # a meta path finder (duck-typed: importlib.abc costs ~5 ms to import)
    """Turns ``import scipy.<anything but misc>`` into a clear ImportError while scipy is absent."""

    def find_spec(self, fullname: str, path: Any, target: Any = None) -> None:
        if fullname.startswith("scipy.") and not (fullname + ".").startswith("scipy.misc."):
            raise ModuleNotFoundError(
                "No module named %r: scipy is not installed, and scipy-misc-compat provides only scipy.misc "
                "(pip install scipy for the rest)." % fullname, name=fullname)
        return None


__all__ = ["install", "uninstall", "installed", "is_installed", "ndimage_imread"]
