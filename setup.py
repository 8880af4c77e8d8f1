"""Build configuration that pyproject.toml cannot express: the optional C kernels.

Everything else (metadata, dependencies, packages) is in pyproject.toml. The kernels
(``scipy_misc_compat/_kernels.c``) make the legacy arithmetic a single pass; without a C
compiler the build skips them and ``_engine`` uses numpy alone (same results, slower).
"""

import sys

from setuptools import Extension, setup

# Bit-identity with numpy needs plain IEEE arithmetic: no fused multiply-add contraction
# (gcc and clang contract by default in C), no fast-math.
FLAGS = [] if sys.platform == "win32" else ["-O3", "-ffp-contract=off", "-fno-fast-math", "-g0"]

setup(ext_modules=[
    Extension("scipy_misc_compat._kernels", ["scipy_misc_compat/_kernels.c"], extra_compile_args=FLAGS, optional=True),
    # Pillow 9.3.0's resize passes (_resample.py has the numpy version of the same bits).
    Extension("scipy_misc_compat._resample_kernels", ["scipy_misc_compat/_resample_kernels.c"],
              extra_compile_args=FLAGS, optional=True),
])
