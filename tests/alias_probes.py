"""What each restored numpy/Pillow name must do: expressions over it, recorded where it still existed.

``tools/record_aliases.py`` evaluates every probe with ``N`` bound to the library's own
object (numpy 1.23.5 + Pillow 9.3.0 for most names; Python 3.7 + numpy 1.15.4 + Pillow
5.3.0 for names gone by then) and writes ``tests/fixtures/legacy_aliases/probes.json``;
``test_legacy_aliases.py`` evaluates them again with ``N`` the alias restored on today's
stack. Results are compared through ``describe``, which spells a value the same way on
numpy 1 and 2 (numpy 2 changed scalar reprs and the bool type's name).

Keep this file importable on Python 3.7 with numpy 1.15 (the recorder runs it there).
"""

import contextlib
import io
import math
import sys

#: The stack each name is recorded on: "2022" = numpy 1.23.5 + Pillow 9.3.0 (scipy-misc-compat's
#: reference), "2018" = Python 3.7 + numpy 1.15.4 + Pillow 5.3.0 (for names 1.23.5/9.3.0 lack).
RECORDED_ON_2018 = {"numpy.rank", "numpy.loads", "numpy.asscalar", "numpy.alen", "PIL.PILLOW_VERSION",
                    "PIL.Image.PILLOW_VERSION"}

_TYPE = ("N", "np.dtype(N).str", "np.array([0, 1], dtype=N).tolist()")
_FLOAT_TYPE = ("N", "np.dtype(N).str", "N(1.5)", "np.array([1, 2], dtype=N).tolist()")
_CONSTANT = ("N", "math.copysign(1.0, N)", "type(N).__name__")
_RESAMPLE = ("int(N)", "pixels(Image.fromarray(np.arange(12, dtype=np.uint8).reshape(3, 4) * 20).resize((7, 5), N))")

PROBES = {
    "numpy.float": _TYPE + ("N('7.5')",),
    "numpy.int": _TYPE + ("N('7')", "N(7.9)"),
    "numpy.bool": _TYPE + ("N(2)", "N(0)"),
    "numpy.object": _TYPE,
    "numpy.str": _TYPE + ("N(7)",),
    "numpy.complex": _TYPE + ("N(1, 2)",),
    "numpy.unicode": _TYPE + ("N(7)",),
    "numpy.long": _TYPE + ("N('7')",),
    "numpy.typeDict": ("N['float64'] is np.float64", "N['f'] is np.float32", "N[np.dtype('u1').char] is np.uint8"),
    "numpy.rank": ("N(np.zeros((2, 3)))", "N(5)", "N([[1, 2]])"),
    "numpy.math": ("N is math", "N.floor(2.5)", "N.pi", "N.gcd(12, 18)"),
    "numpy.loads": ("N(np.array([1, 2], dtype=np.int16).dumps())",),
    "numpy.asscalar": ("N(np.array([5]))", "N(np.array([[2.5]]))", "N(np.float32(1.5))", "N(np.zeros(2))"),
    "numpy.alen": ("N([1, 2, 3])", "N(np.zeros((4, 2)))", "N(7)", "N(np.float64(2))", "N([[1], [2]])"),
    "numpy.float_": _FLOAT_TYPE,
    "numpy.complex_": _FLOAT_TYPE,
    "numpy.cfloat": _FLOAT_TYPE,
    "numpy.singlecomplex": _FLOAT_TYPE,
    "numpy.longfloat": _FLOAT_TYPE,
    "numpy.longcomplex": _FLOAT_TYPE,
    "numpy.clongfloat": _FLOAT_TYPE,
    "numpy.string_": ("N", "np.dtype(N).str", "N(b'ab')", "np.array([b'a', b'bc'], dtype=N).dtype.str"),
    "numpy.unicode_": ("N", "np.dtype(N).str", "N('ab')", "np.array(['a', 'bc'], dtype=N).dtype.str"),
    "numpy.bool8": _TYPE + ("N(2)",),
    "numpy.int0": _TYPE + ("N(7.9)",),
    "numpy.uint0": _TYPE + ("N(7.9)",),
    "numpy.object0": _TYPE,
    "numpy.str0": ("N", "np.dtype(N).str", "N('ab')"),
    "numpy.bytes0": ("N", "np.dtype(N).str", "N(b'ab')"),
    "numpy.void0": ("N", "np.dtype(N).str", "N(b'ab').tobytes()"),
    "numpy.NaN": _CONSTANT,
    "numpy.NAN": _CONSTANT,
    "numpy.Inf": _CONSTANT,
    "numpy.Infinity": _CONSTANT,
    "numpy.infty": _CONSTANT,
    "numpy.PINF": _CONSTANT,
    "numpy.NINF": _CONSTANT,
    "numpy.PZERO": _CONSTANT,
    "numpy.NZERO": _CONSTANT,
    "numpy.product": ("N([1, 2, 3, 4])", "N(np.arange(1, 7).reshape(2, 3), axis=0)", "N([2, 3], dtype=np.float32)",
                      "N([])", "N(np.array([200, 2], dtype=np.uint8))"),
    "numpy.cumproduct": ("N([1, 2, 3])", "N(np.arange(1, 7).reshape(2, 3), axis=1)", "N([[1, 2], [3, 4]])"),
    "numpy.alltrue": ("N([1, 1, 0])", "N([[1, 1], [1, 0]], axis=1)", "N([])", "N(np.ones((2, 2)), axis=0)"),
    "numpy.sometrue": ("N([0, 0, 1])", "N([[0, 0], [1, 0]], axis=1)", "N([])"),
    "numpy.round_": ("N([0.5, 1.5, 2.675], 2)", "N(np.array([1.2345, -2.5]), decimals=1)", "N(2.5)",
                     "N(np.array([15, 25], dtype=np.int32), -1)"),
    "numpy.asfarray": ("N([1, 2])", "N(np.array([1, 2], dtype=np.float32))", "N([1, 2], dtype=np.int32)",
                       "N([1, 2], dtype=np.float16)", "N(np.array([7], dtype=np.uint8))"),
    "numpy.cast": ("N[np.float32]([1, 2])", "N[np.int8](np.array([1.7, -1.7]))", "N[np.uint8]([300, -1])",
                   "N['f8']([1])"),
    "numpy.find_common_type": (
        "N([np.float32], [np.int64])", "N([np.int8], [np.float64])", "N([np.int32, np.float32], [])",
        "N([], [np.int64, np.complex64])", "N([np.uint8], [np.int8])", "N([np.int64, np.uint64], [])",
        "N([np.float16], [np.complex128])", "N([np.bool_], [np.int8])", "N([np.int16], [np.bool_])",
        "N([], [])", "N(['f4', 'i2'], ['u8'])"),
    "numpy.msort": ("N(np.array([[3, 1], [2, 4], [0, 9]]))", "N([3, 1, 2])"),
    "numpy.mat": ("N([[1, 2], [3, 4]])", "N('1 2; 3 4')", "(N([[1, 2]]) * N([[3], [4]]))"),
    "numpy.safe_eval": ("N('[1, 2.5, (3, \"x\")]')", "N('{\"a\": -1}')", "N('__import__(\"os\")')"),
    "numpy.who": ("printed(N, {'x': np.zeros(2), 'y': np.ones((3, 4), dtype=np.uint8), 'z': 1})",),
    "numpy.source": ("'def describe(value):' in printed(lambda: N(describe, sys.stdout))",),
    "numpy.AxisError": ("N.__name__", "issubclass(N, ValueError) and issubclass(N, IndexError)",
                        "isinstance(caught(lambda: np.zeros(2).sum(axis=3)), N)"),
    "numpy.ComplexWarning": ("N.__name__", "issubclass(N, RuntimeWarning)",
                             "warned(lambda: np.array([1 + 2j]).astype(float)) is N"),
    "numpy.VisibleDeprecationWarning": ("N.__name__", "issubclass(N, UserWarning)"),
    "numpy.RankWarning": ("N.__name__", "issubclass(N, Warning)",
                          "warned(lambda: np.polyfit([1, 1, 1], [1, 2, 3], 2)) is N"),
    "numpy.in1d": ("N([1, 2, 3], [2])", "N([[1, 5], [2, 7]], [5, 7], invert=True)", "N([3, 3], [3], True)"),
    "numpy.trapz": ("N([1, 2, 3])", "N([1, 2, 3], dx=0.5)", "N([[1, 2], [3, 4]], axis=0)", "N([1, 4], x=[0, 3])"),
    "PIL.Image.ANTIALIAS": _RESAMPLE,
    "PIL.Image.LINEAR": _RESAMPLE,
    "PIL.Image.CUBIC": _RESAMPLE,
    "PIL.Image.isImageType": ("N(Image.new('L', (1, 1)))", "N(np.zeros(2))", "N('x')", "N(None)"),
    "PIL.PILLOW_VERSION": ("N == PIL.__version__", "type(N).__name__"),
    "PIL.Image.PILLOW_VERSION": ("N == PIL.__version__", "type(N).__name__"),
    "PIL.ImageMath.eval": ("pixels(N('a + b', a=Image.new('L', (2, 1), 3), b=2))",
                           "pixels(N('convert(a * 2, \"L\")', {'a': Image.new('L', (1, 1), 100)}))",
                           "N('a.mode', a=Image.new('L', (1, 1)))"),
}


def pixels(image):
    return [image.mode, list(image.size), list(image.getdata())]


def caught(function):
    try:
        function()
    except Exception as error:
        return error
    return None


def warned(function):
    import warnings
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        function()
    return seen[0].category if seen else None


def printed(function, *args):
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        function(*args)
    return buffer.getvalue()


def describe(value):
    """A JSON-able spelling of ``value`` that is the same for the same value on numpy 1 and 2."""
    import numpy as np
    if isinstance(value, type) and issubclass(value, np.generic):
        return ["numpy type", np.dtype(value).str]  # numpy 2 renamed some (float128 -> longdouble)
    if isinstance(value, type):
        return ["type", value.__module__, value.__name__]
    if isinstance(value, np.matrix):
        return ["matrix", value.dtype.str, list(value.shape), value.tolist()]
    if isinstance(value, np.ndarray):
        return ["ndarray", value.dtype.str, list(value.shape), describe(value.tolist())]
    if isinstance(value, np.generic):
        return ["scalar", value.dtype.str, describe(value.item())]
    if isinstance(value, np.dtype):
        return ["dtype", value.str]
    if isinstance(value, float):
        return ["float", repr(value)]
    if isinstance(value, complex):
        return ["complex", repr(value)]
    if isinstance(value, bytes):
        return ["bytes", list(bytearray(value))]
    if isinstance(value, (list, tuple)):
        return [type(value).__name__, [describe(item) for item in value]]
    if isinstance(value, dict):
        return ["dict", sorted([str(key), describe(item)] for key, item in value.items())]
    if value is None or isinstance(value, (bool, int, str)):
        return [type(value).__name__, value]
    return ["object", type(value).__name__]


def evaluate(probe, alias_object):
    """``describe`` of the probe's value, or of the exception type it raised."""
    import warnings
    import numpy as np
    import PIL
    from PIL import Image
    namespace = {"N": alias_object, "np": np, "PIL": PIL, "Image": Image, "math": math, "sys": sys, "pixels": pixels,
                 "caught": caught, "warned": warned, "printed": printed, "describe": describe}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return describe(eval(probe, namespace))
        except Exception as error:
            return ["raises", type(error).__name__]
