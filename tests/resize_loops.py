"""The resize kernels' sets of loops (portable, avx2, avx512vnni), for tests that run each.

The best set the CPU has runs by default, so every other test covers it; tests that replay
recorded cases or compare with the numpy twin run the others with ``running(name)``.
"""

import contextlib

from scipy_misc_compat.pipeline import _resample

KERNELS = _resample._resample_kernels


def available():
    """The sets this CPU runs, slowest first; none without the compiled kernels."""
    return [] if KERNELS is None else KERNELS.available_loops()


def other_than_best():
    return available()[:-1]


@contextlib.contextmanager
def running(loops):
    previous = KERNELS.use_loops(loops)
    try:
        yield
    finally:
        KERNELS.use_loops(previous)
