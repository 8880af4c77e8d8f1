"""numpy and Pillow names that legacy scripts use beside ``scipy.misc``, put back with their old meaning.

A 2017 script that calls ``scipy.misc.imread`` usually also writes ``np.float`` or
``Image.ANTIALIAS``; numpy and Pillow removed those names, so the script stops before
reaching a single ``scipy.misc`` call. ``install(legacy_aliases=True)`` (and ``run``, by
default) restores each name of ``LEGACY_ALIASES`` that the installed library lacks.

How: a module-level ``__getattr__`` (PEP 562) is chained in front of the module's own,
so only *missing* names are served and nothing the installed library defines is ever
shadowed (numpy 2 re-used ``np.bool`` and ``np.long`` with new meanings: those stay
numpy's). Nothing is written into the libraries' namespaces, ``dir()`` is unchanged, and
``uninstall()`` puts the original ``__getattr__`` back. No warning by default;
``warn_on_legacy_aliases()`` (or ``SCIPY_MISC_COMPAT_WARN_LEGACY_ALIASES=1``) warns once
per alias with its modern spelling, to see what to migrate.

Each alias's behaviour is checked against the library version that still had the name
(``tests/test_legacy_aliases.py`` replays ``tests/fixtures/legacy_aliases``, recorded by
``tools/record_aliases.py``). The removal versions were measured by importing every
numpy release from 1.15.4 to 2.4.6 and Pillow 5.3.0 to 13.0.0.
"""

from __future__ import annotations

import builtins
import importlib
import threading
import types
import warnings
from dataclasses import dataclass
from typing import Any, Callable, Dict, List, Optional, Tuple

import numpy as np

from ._switches import OptInSwitch

ENVIRONMENT_VARIABLE = "SCIPY_MISC_COMPAT_WARN_LEGACY_ALIASES"


class LegacyAliasWarning(UserWarning):
    """A restored numpy/Pillow name was used (only with ``warn_on_legacy_aliases()``)."""


@dataclass(frozen=True)
class LegacyAlias:
    """One removed name: where it lived, when it went, what it meant, how to write it today."""

    module: str  #: the module it was an attribute of, e.g. ``numpy`` or ``PIL.Image``
    name: str
    removed_in: str  #: e.g. ``numpy 1.24``
    modern: str  #: today's spelling, as the README shows it (``float``, ``np.float64``, ``a.item()``)
    resolve: Callable[[], Any]  #: builds the object from what is installed
    #: What ``migrate`` writes instead of ``module.name``: ``"float"`` (a builtin) or ``".float64"``
    #: (another attribute of the same module); None when no exact expression replaces it.
    rewrite: Optional[str] = None

    @property
    def qualified(self) -> str:
        return self.module + "." + self.name

    @property
    def shown(self) -> str:
        """``np.float``, ``Image.ANTIALIAS``: how legacy code spells it."""
        return _SHORT_MODULE.get(self.module, self.module) + "." + self.name


_SHORT_MODULE = {"numpy": "np", "PIL.Image": "Image", "PIL.ImageMath": "ImageMath"}


def _numpy(name: str) -> Callable[[], Any]:
    return lambda: getattr(np, name)


def _attribute(module: str, name: str) -> Callable[[], Any]:
    return lambda: getattr(importlib.import_module(module), name)


def _module(name: str) -> Callable[[], Any]:
    return lambda: importlib.import_module(name)


def _constant(value: Any) -> Callable[[], Any]:
    return lambda: value


def _type_alias(name: str, removed_in: str, target: str) -> LegacyAlias:
    """``np.<name>`` was ``np.<target>`` (or the builtin ``<target>`` when it has no ``np.``)."""
    if target.startswith("np."):
        return LegacyAlias("numpy", name, removed_in, target, _numpy(target[3:]), "." + target[3:])
    return LegacyAlias("numpy", name, removed_in, target, _constant(getattr(builtins, target)), target)


# --- numpy functions whose modern spelling is not a plain rename -------------------------------

def asscalar(a: Any) -> Any:
    """``np.asscalar(a)``: ``a.item()`` (numpy < 1.23)."""
    return a.item()


def alen(a: Any) -> int:
    """``np.alen(a)``: the length of the first axis; 1 for a scalar or 0-d array (numpy < 1.23)."""
    try:
        return len(a)
    except TypeError:
        return 1


def asfarray(a: Any, dtype: Any = np.float64) -> np.ndarray:
    """``np.asfarray``: ``a`` as an array of ``dtype``, float64 when ``dtype`` is not inexact (numpy < 2.0)."""
    if not np.issubdtype(dtype, np.inexact):
        dtype = np.float64
    return np.asarray(a, dtype=dtype)


class _CastTable:
    """``np.cast[type](x)``: ``np.asarray(x).astype(type)`` (numpy < 2.0)."""

    def __getitem__(self, key: Any) -> Callable[[Any], np.ndarray]:
        target = np.dtype(key).type
        return lambda x: np.asarray(x).astype(target)


_KIND_ORDER = "buifc"


def type_dict() -> Dict[Any, type]:
    """``np.typeDict`` (numpy < 1.24): ``np.sctypeDict``, which then also held every type character."""
    table = dict(np.sctypeDict)
    for char in np.typecodes["All"]:
        table.setdefault(char, np.dtype(char).type)
    return table


def find_common_type(array_types: Any, scalar_types: Any) -> Optional[np.dtype]:
    """``np.find_common_type`` (numpy < 2.0): the common type of the arrays, unless a scalar is of a
    higher kind (bool < unsigned < signed < float < complex): then the two promoted together."""
    arrays = _promote_all([np.dtype(t) for t in array_types])
    scalars = _promote_all([np.dtype(t) for t in scalar_types])
    if arrays is None or scalars is None:
        return scalars if arrays is None else arrays
    if arrays.kind not in _KIND_ORDER or scalars.kind not in _KIND_ORDER:
        return None
    if _KIND_ORDER.index(scalars.kind) > _KIND_ORDER.index(arrays.kind):
        return np.promote_types(scalars, arrays)
    return arrays


def _promote_all(dtypes: List[np.dtype]) -> Optional[np.dtype]:
    if not dtypes:
        return None
    common = dtypes[0]
    for dtype in dtypes[1:]:
        common = np.promote_types(common, dtype)
    return common


def in1d(ar1: Any, ar2: Any, assume_unique: bool = False, invert: bool = False, **kind: Any) -> np.ndarray:
    """``np.in1d``: ``np.isin`` of the flattened ``ar1`` (numpy < 2.4)."""
    return np.isin(np.asarray(ar1).ravel(), ar2, assume_unique=assume_unique, invert=invert, **kind)


def msort(a: Any) -> np.ndarray:
    """``np.msort(a)``: ``np.sort(a, axis=0)`` (numpy < 2.0)."""
    return np.sort(a, axis=0)


def is_image_type(t: Any) -> bool:
    """``Image.isImageType(t)``: whether ``t`` has Pillow's image core attribute ``im`` (Pillow < 12)."""
    return hasattr(t, "im")


def image_math_eval(expression: str, _dict: Optional[Dict[str, Any]] = None, **kw: Any) -> Any:
    """``ImageMath.eval(expression, _dict, **kw)`` (Pillow < 12): ``unsafe_eval`` with the names of
    ``_dict`` and ``kw`` (``kw`` wins), which Pillow >= 12 takes as keywords only."""
    from PIL import ImageMath
    return ImageMath.unsafe_eval(expression, **dict(_dict or {}, **kw))


def _namespace_function(name: str) -> Callable[[], Any]:
    def resolve() -> Any:
        from . import _namespace
        return getattr(_namespace, name)
    return resolve


_NUMPY_1_24 = "numpy 1.24"
_NUMPY_2_0 = "numpy 2.0"

#: Every name restored, in README order. Deliberately not restored (see MIGRATION.md):
#: numpy's ``np.bool``/``np.long`` where numpy 2 re-used them; constants, internal helpers and
#: ``recfromcsv``-style readers; ``ndarray.tostring`` and other methods of C types (``scan`` reports
#: them); Pillow's ``textsize``/``getsize`` family (today's ``textbbox`` differs by a pixel on some
#: fonts), ``ImageOps.gaussian_blur``/``unsharp_mask`` (returned Pillow's internal core object).
LEGACY_ALIASES: Tuple[LegacyAlias, ...] = (
    # Gone before numpy 1.23.5 (numpy 1.15.4, scipy 1.1.0's time, still had them).
    LegacyAlias("numpy", "rank", "numpy 1.18", "np.ndim", _numpy("ndim"), ".ndim"),
    LegacyAlias("numpy", "loads", "numpy 1.22", "pickle.loads", _attribute("pickle", "loads")),
    LegacyAlias("numpy", "asscalar", "numpy 1.23", "a.item()", _constant(asscalar)),
    LegacyAlias("numpy", "alen", "numpy 1.23", "len(np.atleast_1d(a))", _constant(alen)),
    # numpy 1.20 deprecated the aliases of builtins; 1.24 removed them.
    _type_alias("float", _NUMPY_1_24, "float"),
    _type_alias("int", _NUMPY_1_24, "int"),
    _type_alias("bool", _NUMPY_1_24, "bool"),  # numpy >= 2.0 has np.bool (numpy's bool): left alone
    _type_alias("object", _NUMPY_1_24, "object"),
    _type_alias("str", _NUMPY_1_24, "str"),
    _type_alias("complex", _NUMPY_1_24, "complex"),
    _type_alias("unicode", _NUMPY_1_24, "str"),
    _type_alias("long", _NUMPY_1_24, "int"),  # numpy >= 2.0 has np.long (C long): left alone
    LegacyAlias("numpy", "typeDict", _NUMPY_1_24, "np.dtype(key).type", type_dict),
    # numpy 2.0's removals from the main namespace (its _expired_attrs_2_0 list).
    _type_alias("float_", _NUMPY_2_0, "np.float64"),
    _type_alias("complex_", _NUMPY_2_0, "np.complex128"),
    _type_alias("cfloat", _NUMPY_2_0, "np.complex128"),
    _type_alias("singlecomplex", _NUMPY_2_0, "np.complex64"),
    _type_alias("longfloat", _NUMPY_2_0, "np.longdouble"),
    _type_alias("longcomplex", _NUMPY_2_0, "np.clongdouble"),
    _type_alias("clongfloat", _NUMPY_2_0, "np.clongdouble"),
    _type_alias("string_", _NUMPY_2_0, "np.bytes_"),
    _type_alias("unicode_", _NUMPY_2_0, "np.str_"),
    _type_alias("bool8", _NUMPY_2_0, "np.bool_"),
    _type_alias("int0", _NUMPY_2_0, "np.intp"),
    _type_alias("uint0", _NUMPY_2_0, "np.uintp"),
    _type_alias("object0", _NUMPY_2_0, "np.object_"),
    _type_alias("str0", _NUMPY_2_0, "np.str_"),
    _type_alias("bytes0", _NUMPY_2_0, "np.bytes_"),
    _type_alias("void0", _NUMPY_2_0, "np.void"),
    LegacyAlias("numpy", "NaN", _NUMPY_2_0, "np.nan", _numpy("nan"), ".nan"),
    LegacyAlias("numpy", "NAN", _NUMPY_2_0, "np.nan", _numpy("nan"), ".nan"),
    LegacyAlias("numpy", "Inf", _NUMPY_2_0, "np.inf", _numpy("inf"), ".inf"),
    LegacyAlias("numpy", "Infinity", _NUMPY_2_0, "np.inf", _numpy("inf"), ".inf"),
    LegacyAlias("numpy", "infty", _NUMPY_2_0, "np.inf", _numpy("inf"), ".inf"),
    LegacyAlias("numpy", "PINF", _NUMPY_2_0, "np.inf", _numpy("inf"), ".inf"),
    LegacyAlias("numpy", "NINF", _NUMPY_2_0, "-np.inf", _constant(-np.inf)),
    LegacyAlias("numpy", "PZERO", _NUMPY_2_0, "0.0", _constant(0.0)),
    LegacyAlias("numpy", "NZERO", _NUMPY_2_0, "-0.0", _constant(-0.0)),
    LegacyAlias("numpy", "product", _NUMPY_2_0, "np.prod", _numpy("prod"), ".prod"),
    LegacyAlias("numpy", "cumproduct", _NUMPY_2_0, "np.cumprod", _numpy("cumprod"), ".cumprod"),
    LegacyAlias("numpy", "alltrue", _NUMPY_2_0, "np.all", _numpy("all"), ".all"),
    LegacyAlias("numpy", "sometrue", _NUMPY_2_0, "np.any", _numpy("any"), ".any"),
    LegacyAlias("numpy", "round_", _NUMPY_2_0, "np.round", _numpy("round"), ".round"),
    LegacyAlias("numpy", "asfarray", _NUMPY_2_0, "np.asarray(a, dtype=float)", _constant(asfarray)),
    LegacyAlias("numpy", "cast", _NUMPY_2_0, "np.asarray(a).astype(t)", _constant(_CastTable())),
    LegacyAlias("numpy", "find_common_type", _NUMPY_2_0, "np.result_type", _constant(find_common_type)),
    LegacyAlias("numpy", "msort", _NUMPY_2_0, "np.sort(a, axis=0)", _constant(msort)),
    LegacyAlias("numpy", "mat", _NUMPY_2_0, "np.asmatrix", _numpy("asmatrix"), ".asmatrix"),
    # numpy < 2.0 re-exported the standard library's math module as np.math (np.math.floor, np.math.pi).
    LegacyAlias("numpy", "math", _NUMPY_2_0, "math (import math)", _module("math")),
    LegacyAlias("numpy", "safe_eval", _NUMPY_2_0, "ast.literal_eval", _attribute("ast", "literal_eval")),
    LegacyAlias("numpy", "who", _NUMPY_2_0, "scipy_misc_compat.misc.who", _namespace_function("who")),
    LegacyAlias("numpy", "source", _NUMPY_2_0, "inspect.getsource", _namespace_function("source")),
    LegacyAlias("numpy", "AxisError", _NUMPY_2_0, "np.exceptions.AxisError",
                _attribute("numpy.exceptions", "AxisError")),
    LegacyAlias("numpy", "ComplexWarning", _NUMPY_2_0, "np.exceptions.ComplexWarning",
                _attribute("numpy.exceptions", "ComplexWarning")),
    LegacyAlias("numpy", "VisibleDeprecationWarning", _NUMPY_2_0, "np.exceptions.VisibleDeprecationWarning",
                _attribute("numpy.exceptions", "VisibleDeprecationWarning")),
    LegacyAlias("numpy", "RankWarning", _NUMPY_2_0, "np.exceptions.RankWarning",
                _attribute("numpy.exceptions", "RankWarning")),
    # numpy 2.4
    LegacyAlias("numpy", "in1d", "numpy 2.4", "np.isin(a.ravel(), b)", _constant(in1d)),
    LegacyAlias("numpy", "trapz", "numpy 2.4", "np.trapezoid (numpy >= 2.0)", _numpy("trapezoid")),
    # Pillow
    LegacyAlias("PIL", "PILLOW_VERSION", "Pillow 9.0", "PIL.__version__", _attribute("PIL", "__version__"),
                ".__version__"),
    LegacyAlias("PIL.Image", "PILLOW_VERSION", "Pillow 9.0", "PIL.__version__", _attribute("PIL", "__version__")),
    LegacyAlias("PIL.Image", "ANTIALIAS", "Pillow 10.0", "Image.LANCZOS", _attribute("PIL.Image", "LANCZOS"),
                ".LANCZOS"),
    LegacyAlias("PIL.Image", "LINEAR", "Pillow 10.0", "Image.BILINEAR", _attribute("PIL.Image", "BILINEAR"),
                ".BILINEAR"),
    LegacyAlias("PIL.Image", "CUBIC", "Pillow 10.0", "Image.BICUBIC", _attribute("PIL.Image", "BICUBIC"),
                ".BICUBIC"),
    LegacyAlias("PIL.Image", "isImageType", "Pillow 12.0", "isinstance(t, Image.Image)", _constant(is_image_type)),
    LegacyAlias("PIL.ImageMath", "eval", "Pillow 12.0", "ImageMath.unsafe_eval(expression, **names)",
                _constant(image_math_eval)),
)

BY_QUALIFIED_NAME: Dict[str, LegacyAlias] = {alias.qualified: alias for alias in LEGACY_ALIASES}


# --- the opt-in warning ----------------------------------------------------------------------

_switch = OptInSwitch(ENVIRONMENT_VARIABLE)
_warned: set = set()
_lock = threading.RLock()


def warn_on_legacy_aliases(enabled: Optional[bool] = True) -> None:
    """Warn (``LegacyAliasWarning``, once per name) when code uses a restored numpy/Pillow name.

    ``None`` defers to the environment variable ``SCIPY_MISC_COMPAT_WARN_LEGACY_ALIASES``.
    Off by default: restored names then behave exactly as they did, silently.

    Examples
    --------
    >>> import warnings
    >>> import scipy_misc_compat
    >>> scipy_misc_compat.warn_on_legacy_aliases()
    >>> import numpy as np
    >>> with scipy_misc_compat.installed(without_scipy=True, legacy_aliases=True):
    ...     with warnings.catch_warnings(record=True) as caught:
    ...         warnings.simplefilter("always")
    ...         _ = np.asscalar(np.array([7]))
    >>> print(caught[0].message)
    np.asscalar was removed in numpy 1.23; scipy-misc-compat restored it. Today's spelling: a.item()
    >>> scipy_misc_compat.warn_on_legacy_aliases(False)
    """
    with _lock:
        _switch.set(enabled)
        _warned.clear()


def _note_use(alias: LegacyAlias) -> None:
    if not _switch.is_on() or alias.qualified in _warned:
        return
    with _lock:
        if alias.qualified in _warned:
            return
        _warned.add(alias.qualified)
    # stacklevel 3: the code that named the attribute (this helper, then __getattr__)
    warnings.warn("%s was removed in %s; scipy-misc-compat restored it. Today's spelling: %s"
                  % (alias.shown, alias.removed_in, alias.modern), LegacyAliasWarning, stacklevel=3)


# --- restoring -----------------------------------------------------------------------------

def missing_aliases() -> List[LegacyAlias]:
    """The aliases whose name the installed numpy/Pillow no longer provides (what ``restore`` adds)."""
    return [alias for alias in LEGACY_ALIASES if not _provides(importlib.import_module(alias.module), alias.name)]


def _provides(module: types.ModuleType, name: str) -> bool:
    """Whether ``module`` still has ``name`` itself (deprecated but present counts: it is the library's)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            getattr(module, name)
        except AttributeError:
            return False
        except Exception:  # e.g. numpy's RuntimeError for a name it removed with a message
            return False
    return True


def restore(undo: List[Callable[[], None]]) -> List[LegacyAlias]:
    """Serve every missing alias from its module's ``__getattr__``; appends to ``undo`` how to take it back."""
    restored = missing_aliases()
    by_module: Dict[str, Dict[str, Tuple[LegacyAlias, Any]]] = {}
    for alias in restored:
        by_module.setdefault(alias.module, {})[alias.name] = (alias, alias.resolve())
    for module_name, served in by_module.items():
        _chain_getattr(importlib.import_module(module_name), served, undo)
    return restored


def _chain_getattr(module: types.ModuleType, served: Dict[str, Tuple[LegacyAlias, Any]],
                   undo: List[Callable[[], None]]) -> None:
    namespace = vars(module)
    previous = namespace.get("__getattr__")

    def __getattr__(name: str) -> Any:
        entry = served.get(name)
        if entry is not None:
            _note_use(entry[0])
            return entry[1]
        if previous is not None:
            return previous(name)
        raise AttributeError("module %r has no attribute %r" % (module.__name__, name))

    __getattr__.scipy_misc_compat_aliases = tuple(served)  # type: ignore[attr-defined]
    namespace["__getattr__"] = __getattr__

    def take_back() -> None:
        if namespace.get("__getattr__") is __getattr__:
            if previous is None:
                del namespace["__getattr__"]
            else:
                namespace["__getattr__"] = previous
    undo.append(take_back)


__all__ = ["LegacyAlias", "LegacyAliasWarning", "LEGACY_ALIASES", "BY_QUALIFIED_NAME", "warn_on_legacy_aliases",
           "missing_aliases", "restore"]
