"""Build configuration that pyproject.toml cannot express: the optional C kernels.

Everything else (metadata, dependencies, packages) is in pyproject.toml. The kernels
(``scipy_misc_compat/_kernels.c``, ``_resample_kernels.c``) make the legacy arithmetic and
``imresize`` fast; without a C compiler the build says so, skips them and produces a
pure-Python wheel: ``_engine`` and ``_resample`` then compute the same results with numpy.

On CPython >= 3.11 the kernels use only the stable ABI (``Py_LIMITED_API`` 3.11: buffers
joined the limited API in 3.11), so one ``cp311-abi3`` wheel serves every later CPython.
"""

import os
import sys
import sysconfig
import tempfile

from setuptools import Extension, setup

# Bit-identity with numpy needs plain IEEE arithmetic: no fused multiply-add contraction
# (gcc and clang contract by default in C), no fast-math.
FLAGS = [] if sys.platform == "win32" else ["-O3", "-ffp-contract=off", "-fno-fast-math", "-g0"]
# The resize kernels' integer sums never overflow (Pillow's 22-bit weights bound them), and CPython's
# -fwrapv (wrapping signed arithmetic) cost their loops' address arithmetic about 15% (measured).
RESAMPLE_FLAGS = FLAGS + ([] if sys.platform == "win32" else ["-fno-wrapv"])
# The free-threaded build has no stable ABI.
LIMITED_API = sys.version_info >= (3, 11) and not sysconfig.get_config_var("Py_GIL_DISABLED")
MACROS = [("Py_LIMITED_API", "0x030B0000")] if LIMITED_API else []


def have_c_compiler():
    """Whether a C compiler works here (compiles a one-line file), without failing the build."""
    try:
        from setuptools._distutils.ccompiler import new_compiler
        from setuptools._distutils.sysconfig import customize_compiler
    except ImportError:  # a setuptools without its vendored distutils: let the build try
        return True
    compiler = new_compiler()
    customize_compiler(compiler)
    with tempfile.TemporaryDirectory() as directory:
        source = os.path.join(directory, "probe.c")
        with open(source, "w") as handle:
            handle.write("int probe(void) { return 0; }\n")
        try:
            compiler.compile([source], output_dir=directory)
        except Exception:  # CompileError, a missing executable (OSError), ...
            return False
    return True


def kernels():
    if os.environ.get("SCIPY_MISC_COMPAT_NO_KERNELS") or not have_c_compiler():
        print("scipy-misc-compat: no working C compiler found (or SCIPY_MISC_COMPAT_NO_KERNELS is set): "
              "building without the C kernels. Everything works and gives the same results, computed "
              "with numpy, more slowly. Install a C compiler (gcc, clang or MSVC) and reinstall for speed.",
              file=sys.stderr)
        return []
    return [
        Extension("scipy_misc_compat._kernels", ["scipy_misc_compat/_kernels.c"], extra_compile_args=FLAGS,
                  define_macros=MACROS, py_limited_api=LIMITED_API, optional=True),
        # Pillow 9.3.0's resize passes (_resample.py has the numpy version of the same bits).
        Extension("scipy_misc_compat._resample_kernels", ["scipy_misc_compat/_resample_kernels.c"],
                  depends=["scipy_misc_compat/_resample_simd.h"], extra_compile_args=RESAMPLE_FLAGS,
                  define_macros=MACROS, py_limited_api=LIMITED_API, optional=True),
    ]


EXTENSIONS = kernels()
setup(ext_modules=EXTENSIONS,
      options={"bdist_wheel": {"py_limited_api": "cp311"}} if LIMITED_API and EXTENSIONS else {})
