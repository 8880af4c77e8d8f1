"""What a benchmark measures: the installed scipy_misc_compat, and whether its C kernels are compiled.

The benchmarks import the package as users do (the checkout is not put first on ``sys.path``:
a checkout installed with ``pip install .`` but not built in place would otherwise measure the
numpy fallback). ``describe()`` prints where the package comes from and says loudly when the
kernels are missing.
"""

from __future__ import annotations

import os
import sys
import time

import scipy_misc_compat
from scipy_misc_compat._info import config


def kernels_compiled() -> bool:
    return all(state.startswith("compiled") for state in config()["kernels"].values())


def describe(out=sys.stdout) -> None:  # type: ignore[no-untyped-def]
    print("scipy_misc_compat %s from %s" % (scipy_misc_compat.__version__, os.path.dirname(scipy_misc_compat.__file__)),
          file=out)
    for name, state in config()["kernels"].items():
        print("  kernel %s: %s" % (name, state), file=out)
    if not kernels_compiled():
        banner = "!" * 78
        print("%s\n!! The C kernels are NOT compiled here: these numbers measure the numpy fallback, not\n"
              "!! the package as built. Build it (pip install .) or run from an installed copy.\n%s"
              % (banner, banner), file=out)


def best_time(function, repeat: int) -> float:  # type: ignore[no-untyped-def]
    """The shortest of ``repeat`` runs of ``function()``, in seconds: the least disturbed by the machine."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best
