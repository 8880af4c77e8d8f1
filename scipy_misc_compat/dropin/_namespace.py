"""The rest of scipy 1.1.0's ``scipy.misc``: finite differences, datasets, aliases.

scipy history: ``derivative``, ``central_diff_weights``, ``ascent``, ``face`` and
``electrocardiogram`` were deprecated in scipy 1.10 and removed in 1.15 (the
datasets moved to ``scipy.datasets``); the aliases ``comb``, ``factorial``,
``factorial2``, ``factorialk``, ``logsumexp``, ``pade``, ``info``, ``source``,
``who`` were deprecated in 1.0 and removed in 1.3.

``derivative``, ``central_diff_weights``, ``pade`` and the factorials are
re-implemented here (checked against values recorded from scipy 1.1.0,
``tests/fixtures/namespace``; scipy deprecated ``pade`` in 1.18); ``who`` and
``source`` too, because numpy 2.0 removed them. The datasets come from
``_datasets`` (scipy.datasets' files, without scipy). ``comb`` and ``logsumexp``
forward to scipy, loaded on first use, with an ``ImportError`` that says what to
install when it is missing.
"""

from __future__ import annotations

import importlib
import inspect
import sys
import types
from fractions import Fraction
from typing import Any, Callable, Dict, List, Optional, Sequence

import numpy as np

from ._datasets import ascent, electrocardiogram, face  # re-exported: scipy.misc's names

# --- finite differences ----------------------------------------------------------------------

#: Central-difference coefficients (numerators, denominator) that scipy 1.1.0 used
#: directly for the first and second derivative with 3, 5, 7 and 9 points.
_TABULATED_WEIGHTS = {
    (1, 3): ([-1, 0, 1], 2.0),
    (1, 5): ([1, -8, 0, 8, -1], 12.0),
    (1, 7): ([-1, 9, -45, 0, 45, -9, 1], 60.0),
    (1, 9): ([3, -32, 168, -672, 0, 672, -168, 32, -3], 840.0),
    (2, 3): ([1, -2.0, 1], 1.0),
    (2, 5): ([-1, 16, -30, 16, -1], 12.0),
    (2, 7): ([2, -27, 270, -490, 270, -27, 2], 180.0),
    (2, 9): ([-9, 128, -1008, 8064, -14350, 8064, -1008, 128, -9], 5040.0),
}


def central_diff_weights(Np: int, ndiv: int = 1) -> np.ndarray:  # noqa: N803 (scipy's name)
    """Weights for an ``Np``-point central ``ndiv``-th derivative on unit spacing.

    The derivative is ``w[0]*f(x - h*dx) + ... + w[-1]*f(x + h*dx)`` divided by
    ``dx**ndiv``, with ``h = Np // 2``. scipy 1.1.0 inverted a Vandermonde matrix in
    floating point; here the system is solved in exact rational arithmetic and then
    rounded, so results agree with scipy 1.1.0's to about 1e-9 relative (less for
    large ``Np``, where scipy's own values were inaccurate).

    Raises
    ------
    ValueError
        ``Np < ndiv + 1`` or ``Np`` even (scipy 1.1.0's checks and messages).

    Examples
    --------
    >>> from scipy_misc_compat.misc import central_diff_weights
    >>> central_diff_weights(5, 2) * 12
    array([ -1.,  16., -30.,  16.,  -1.])
    """
    if Np < ndiv + 1:
        raise ValueError("Number of points must be at least the derivative order + 1.")
    if Np % 2 == 0:
        raise ValueError("The number of points must be odd.")
    half = Np >> 1
    offsets = range(-half, half + 1)
    # Row `ndiv` of the inverse of V[j][k] = x_j**k, times ndiv!: the weights w with
    # sum_j w_j x_j**k == ndiv! when k == ndiv, else 0.
    factorial = 1
    for factor in range(2, ndiv + 1):
        factorial *= factor
    powers = [[Fraction(x) ** k for x in offsets] for k in range(Np)]  # powers[k][j] = x_j**k
    target = [Fraction(factorial if k == ndiv else 0) for k in range(Np)]
    return np.array([float(w) for w in _solve(powers, target)])


def _solve(matrix: List[List[Fraction]], rhs: List[Fraction]) -> List[Fraction]:
    """Exact Gauss-Jordan elimination (the Vandermonde system is square and regular)."""
    size = len(rhs)
    rows = [row[:] + [value] for row, value in zip(matrix, rhs)]
    for column in range(size):
        pivot = next(r for r in range(column, size) if rows[r][column] != 0)
        rows[column], rows[pivot] = rows[pivot], rows[column]
        lead = rows[column][column]
        rows[column] = [value / lead for value in rows[column]]
        for r in range(size):
            if r != column and rows[r][column] != 0:
                factor = rows[r][column]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[column])]
    return [row[-1] for row in rows]


def derivative(func: Callable[..., Any], x0: Any, dx: float = 1.0, n: int = 1, args: Sequence[Any] = (),
               order: int = 3) -> Any:
    """The ``n``-th derivative of ``func`` at ``x0`` by central differences, as scipy 1.1.0.

    ``order`` points spaced ``dx`` apart are used (odd, at least ``n + 1``); for
    ``n`` 1 and 2 with 3 to 9 points the tabulated coefficients scipy used give
    bit-identical results, other combinations use ``central_diff_weights``.

    Examples
    --------
    >>> from scipy_misc_compat.misc import derivative
    >>> print(round(float(derivative(lambda x: x**3 + x**2, 1.0, dx=1e-3)), 6))
    5.000001
    """
    if order < n + 1:
        raise ValueError("'order' (the number of points used to compute the derivative), "
                         "must be at least the derivative order 'n' + 1.")
    if order % 2 == 0:
        raise ValueError("'order' (the number of points used to compute the derivative) must be odd.")
    tabulated = _TABULATED_WEIGHTS.get((n, order))
    if tabulated is not None:
        weights = np.array(tabulated[0]) / tabulated[1]
    else:
        weights = central_diff_weights(order, n)
    half = order >> 1
    total = 0.0
    for k in range(order):  # summed in scipy 1.1.0's order, for identical rounding
        total += weights[k] * func(x0 + (k - half) * dx, *args)
    spacing = dx
    for _ in range(n - 1):
        spacing = spacing * dx
    return total / spacing


# --- numpy's removed helpers ---------------------------------------------------------------------

def who(vardict: Optional[Dict[str, Any]] = None) -> None:
    """Print the numpy arrays in ``vardict`` (default: the caller's globals) as numpy 1.x did.

    numpy 2.0 removed ``numpy.who``; the table is the same: name, shape, bytes and
    dtype of each array, an array seen again under another name marked as an alias
    and counted once.

    Examples
    --------
    >>> import numpy as np
    >>> from scipy_misc_compat.misc import who
    >>> who({'x': np.zeros(2), 'y': np.ones(3)})
    Name            Shape            Bytes            Type
    ===========================================================
    <BLANKLINE>
    x               2                16               float64
    y               3                24               float64
    <BLANKLINE>
    Upper bound on total bytes  =       40
    """
    if vardict is None:
        vardict = sys._getframe(1).f_globals
    rows = []
    first_name_of: Dict[int, str] = {}
    total = 0
    for name, value in vardict.items():
        if not isinstance(value, np.ndarray):
            continue
        original = first_name_of.setdefault(id(value), name)
        if original == name:
            total += value.nbytes
        label = name if original == name else "%s (%s)" % (name, original)
        rows.append((label, " x ".join(map(str, value.shape)), str(value.nbytes), value.dtype.name))
    if rows:
        widths = [max(10, max(len(row[column]) for row in rows)) for column in range(3)]
        header = "Name".ljust(widths[0] + 6) + "Shape".ljust(widths[1] + 7) + "Bytes".ljust(widths[2] + 7) + "Type"
        print(header + "\n" + "=" * (len(header) + 5) + "\n")
        for label, shape, size, dtype in rows:
            print(label.ljust(widths[0] + 6) + shape.ljust(widths[1] + 7) + size.ljust(widths[2] + 7) + dtype)
    print("\nUpper bound on total bytes  =       %d" % total)


def source(object: Any, output: Any = sys.stdout) -> None:  # noqa: A002 (scipy's name)
    """Print the file and source code of ``object``, as ``numpy.source`` did (removed in numpy 2.0)."""
    try:
        print("In file: %s\n" % inspect.getsourcefile(object), file=output)
        print(inspect.getsource(object), file=output)
    except Exception:
        print("Not available for this object.", file=output)


def info(object: Any = None, maxwidth: int = 76, output: Any = sys.stdout,  # noqa: A002 (scipy's name)
         toplevel: str = "scipy") -> None:
    """``numpy.info`` with ``toplevel='scipy'``, as ``scipy.misc.info`` was."""
    np.info(object, maxwidth, output, toplevel)


def pade(an: Sequence[float], m: int) -> tuple:
    """Pade approximant ``p/q`` of the power series ``an``, with ``q`` of order ``m``, as scipy 1.1.0.

    scipy 1.1.0's signature (``scipy.interpolate.pade`` later added ``n`` and is
    deprecated from scipy 1.18). ``p`` has order ``len(an) - 1 - m`` and ``q(0) == 1``;
    both are returned as ``numpy.poly1d``. The linear system is solved with numpy, so
    coefficients agree with scipy 1.1.0's to rounding (checked to 1e-12 relative).

    Examples
    --------
    >>> from scipy_misc_compat.misc import pade
    >>> p, q = pade([1.0, 1.0, 1.0 / 2, 1.0 / 6, 1.0 / 24], 2)
    >>> print(round(float(p(1) / q(1)), 6))
    2.714286
    """
    coefficients = np.asarray(an, dtype=float)
    total = len(coefficients) - 1
    numerator_order = total - m
    if numerator_order < 0:
        raise ValueError("Order of q <m> must be smaller than len(an)-1.")
    # Unknowns: p_0..p_n, q_1..q_m. Equation k (k = 0..N): p_k - sum_j q_j a_(k-j) = a_k,
    # with p_k = 0 for k > n.
    system = np.zeros((total + 1, total + 1))
    for k in range(total + 1):
        if k <= numerator_order:
            system[k, k] = 1.0
        for j in range(1, min(k, m) + 1):
            system[k, numerator_order + j] = -coefficients[k - j]
    solution = np.linalg.solve(system, coefficients)
    numerator = solution[:numerator_order + 1]
    denominator = np.concatenate(([1.0], solution[numerator_order + 1:]))
    return np.poly1d(numerator[::-1]), np.poly1d(denominator[::-1])


# --- factorials, as scipy 1.1.0 computed them ---------------------------------------------------
#
# scipy 1.1.0's defaults and results: ``factorialk(5, 2)`` is the exact integer 15 (today's
# scipy.special defaults to exact=False and returns 15.000000000000004); with exact=False,
# ``factorial`` and ``factorial2`` return float64 arrays (0-d for a scalar) from the gamma
# function (scipy's, so these need scipy), ``factorial2`` by the odd/even formulas below.
# Checked bit for bit against scipy 1.1.0 (tests/fixtures/namespace/extras.json).

def _gamma(x: np.ndarray, name: str) -> np.ndarray:
    """scipy's gamma function (cephes, as scipy 1.1.0 used: ``math.gamma`` rounds differently)."""
    return import_module_or_explain("scipy.special", name).gamma(x)


def _exact_product(n: int, step: int, below: int) -> int:
    """n * (n - step) * ... down to 1 as a Python int; 0 below ``below``, 1 for n <= 0 above it."""
    if n < below:
        return 0
    value = 1
    for factor in range(n, 0, -step):
        value *= factor
    return value


def _exact(name: str, n: Any, step: int, below: int) -> Any:
    """The exact path of ``factorial``/``factorial2``: a Python int for a scalar, scipy's for arrays."""
    if np.ndim(n) == 0:
        return _exact_product(int(n), step, below)
    return _forwarded_call(name, n, exact=True)


def factorial(n: Any, exact: bool = False) -> Any:
    """``n!``: an exact int with ``exact=True``, else float64 from the gamma function (0 for n < 0).

    scipy 1.1.0's ``scipy.misc.factorial``: with ``exact=False`` (the default) the result
    is a float64 array, 0-d for a scalar ``n`` (``factorial(5)`` is ``array(120.)``); that
    path uses scipy's gamma function, so it needs scipy.

    Examples
    --------
    >>> from scipy_misc_compat.misc import factorial
    >>> factorial(5, exact=True)
    120
    """
    if exact:
        return _exact("factorial", n, 1, 0)
    values = np.asarray(n)
    with np.errstate(all="ignore"):
        return np.where(values >= 0, _gamma(values + 1.0, "factorial"), 0.0)


def factorial2(n: Any, exact: bool = False) -> Any:
    """``n!!``: an exact int with ``exact=True``, else float64 from the gamma function (0 for n < -1).

    scipy 1.1.0's ``scipy.misc.factorial2``; ``factorial2(5)`` is a 0-d float64 array
    (the non-exact path needs scipy's gamma function).

    Examples
    --------
    >>> from scipy_misc_compat.misc import factorial2
    >>> factorial2(7, exact=True)
    105
    """
    if exact:
        return _exact("factorial2", n, 2, -1)
    values = np.asarray(n).astype(float)
    half = values / 2.0
    with np.errstate(all="ignore"):
        gamma = _gamma(half + 1, "factorial2")
        odd = gamma / np.sqrt(np.pi) * np.power(2.0, half + 0.5)
        even = gamma * np.power(2.0, half)
        return np.where(values >= -1, np.where(values % 2 == 1, odd, even), 0.0)


def factorialk(n: int, k: int, exact: bool = True) -> int:
    """The multifactorial ``n(!!...!)`` with ``k`` exclamation marks, as an exact int.

    scipy 1.1.0's ``scipy.misc.factorialk``: exact by default, 0 for ``n < 1 - k``, 1 for
    ``n <= 0`` above that; ``exact=False`` raised NotImplementedError.

    Examples
    --------
    >>> from scipy_misc_compat.misc import factorialk
    >>> factorialk(5, 2)
    15
    """
    if not exact:
        raise NotImplementedError
    return _exact_product(int(n), int(k), 1 - int(k))


def _forwarded_call(name: str, *args: Any, **kwargs: Any) -> Any:
    return getattr(import_module_or_explain("scipy.special", name), name)(*args, **kwargs)


def import_module_or_explain(module_name: str, name: str) -> Any:
    try:
        return importlib.import_module(module_name)
    except ImportError as error:
        raise ImportError("scipy.misc.%s needs %s here (%s). Install it with: pip install scipy"
                          % (name, module_name, error)) from None


# --- names that forward to scipy ---------------------------------------------------------------

#: name -> (module, attribute, what to install when it is missing)
FORWARDED = {
    "comb": ("scipy.special", "comb", "scipy"),
    "logsumexp": ("scipy.special", "logsumexp", "scipy"),
}

def forwarded(name: str) -> Any:
    """The object scipy provides for ``name`` today, or ImportError saying what to install."""
    module_name, attribute, requirement = FORWARDED[name]
    try:
        module = importlib.import_module(module_name)
        return getattr(module, attribute)
    except (ImportError, AttributeError) as error:
        raise ImportError(
            "scipy.misc.%s comes from %s.%s, which is not available here (%s). Install it with: "
            "pip install %s" % (name, module_name, attribute, error, requirement)) from None


def comb(N: Any, k: Any, exact: bool = False, repetition: bool = False) -> Any:  # noqa: N803 (scipy's name)
    """The number of combinations of ``N`` things taken ``k`` at a time: ``scipy.special.comb``.

    scipy 1.1.0's signature and defaults; results are today's scipy's (equal to 1.1.0's,
    checked against its recording). Needs scipy.
    """
    # `repetition` passed only when asked for, so a scipy.special.comb without it still serves the rest
    return forwarded("comb")(N, k, exact=exact, **({"repetition": True} if repetition else {}))


def logsumexp(a: Any, axis: Any = None, b: Any = None, keepdims: bool = False, return_sign: bool = False) -> Any:
    """``log(sum(b * exp(a)))`` computed stably: ``scipy.special.logsumexp`` (scipy 1.1.0's signature). Needs scipy."""
    return forwarded("logsumexp")(a, axis=axis, b=b, keepdims=keepdims, return_sign=return_sign)


class _ScipyModuleNotInstalled(types.ModuleType):
    """Stands for a scipy module where scipy is absent, so ``from scipy.misc import *`` still works:
    any attribute raises an ImportError that says what to install."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        raise ImportError("%s is scipy's own module (%s.%s needs it): pip install scipy"
                          % (self.__name__, self.__name__, name))


def doccer() -> types.ModuleType:
    """scipy's docstring helpers, which scipy 1.1.0 exposed as ``scipy.misc.doccer`` (now ``scipy._lib.doccer``).

    Where scipy is not installed, a stand-in whose attributes raise ImportError saying so.
    """
    try:
        return importlib.import_module("scipy._lib.doccer")
    except ImportError:
        return _ScipyModuleNotInstalled("scipy.misc.doccer")


__all__ = ["central_diff_weights", "derivative", "who", "source", "info", "pade", "forwarded", "doccer", "FORWARDED",
           "factorial", "factorial2", "factorialk", "comb", "logsumexp",
           "ascent", "face", "electrocardiogram"]
