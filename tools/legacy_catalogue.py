"""The catalogue of legacy cases recorded from scipy 1.1.0.

Imported by the recorder inside the reference environment (Python 3.7+, numpy
1.15+, Pillow 5.3+), so it uses only numpy and PIL and plain Python 3.7 syntax.
Every case is ``(case_id, function, args, kwargs)``; arguments may contain the
markers built by the helpers below (input files, PIL images), which the recorder
and the tests resolve the same way.

Inputs are generated from fixed seeds with ``numpy.random.RandomState``, whose
streams are stable across numpy versions; the recorder stores them in the
fixtures anyway, so the tests never regenerate them.
"""

import itertools

import numpy as np

ALL_DTYPES = ["bool", "uint8", "int8", "uint16", "int16", "uint32", "int32", "uint64", "int64",
              "float16", "float32", "float64"]
INT_DTYPES = [d for d in ALL_DTYPES if d[0] in "ui"]
FLOAT_DTYPES = ["float16", "float32", "float64"]


# --- markers for arguments that are not plain values ---------------------------------------------

def input_file(name):
    """The path of a committed input file."""
    return {"$file": name}


def input_fileobj(name):
    """A committed input file, opened in binary mode."""
    return {"$open": name}


def input_pathlib(name):
    """A committed input file as ``pathlib.Path``."""
    return {"$pathlib": name}


def opened_image(name):
    """``PIL.Image.open`` of a committed input file."""
    return {"$image_file": name}


def new_image(mode, size, data):
    """``PIL.Image.frombytes(mode, size, data.tobytes())``."""
    return {"$image_new": [mode, list(size), np.ascontiguousarray(data)]}


def output_path(extension):
    """A fresh path in a temporary directory, with this extension ('' for none)."""
    return {"$out_path": extension}


def output_buffer():
    """A fresh ``io.BytesIO``."""
    return {"$out_buffer": True}


def output_pathlib(extension):
    """A fresh ``pathlib.Path`` in a temporary directory."""
    return {"$out_pathlib": extension}


def output_named_file(extension):
    """A fresh file opened with ``open(path, 'wb')`` (it has a ``name``)."""
    return {"$out_named_file": extension}


def missing_path():
    return {"$missing": True}


def missing_directory_path(extension):
    """A path inside a directory that does not exist."""
    return {"$missing_dir": extension}


def directory_path():
    return {"$directory": True}


# --- input arrays ------------------------------------------------------------------------------

def _rng(seed):
    return np.random.RandomState(seed)


def _full_range_random(dtype, shape, seed):
    rng = _rng(seed)
    dtype = np.dtype(dtype)
    if dtype.kind == "b":
        return rng.randint(0, 2, size=shape).astype(bool)
    if dtype.kind in "ui":
        info = np.iinfo(dtype)
        return (rng.randint(0, 2 ** 16, size=shape).astype(np.float64) / 65535.0
                * (float(info.max) - float(info.min)) + float(info.min)).clip(info.min, info.max).astype(dtype)
    return (rng.standard_normal(shape) * 1000.0).astype(dtype)


def _small_random(dtype, shape, seed):
    rng = _rng(seed)
    dtype = np.dtype(dtype)
    if dtype.kind == "b":
        return rng.randint(0, 2, size=shape).astype(bool)
    if dtype.kind == "u":
        return rng.randint(0, 250, size=shape).astype(dtype)
    if dtype.kind == "i":
        return rng.randint(-100, 120, size=shape).astype(dtype)
    return (rng.uniform(-3.0, 7.0, size=shape)).astype(dtype)


def _extremes(dtype):
    dtype = np.dtype(dtype)
    if dtype.kind == "b":
        return np.array([[False, True, True], [False, False, True]])
    if dtype.kind in "ui":
        info = np.iinfo(dtype)
        return np.array([[info.min, info.max, 0], [info.min + 1, info.max - 1, 1]], dtype=dtype)
    info = np.finfo(dtype)
    return np.array([[info.min, info.max, 0.0], [info.tiny, -info.tiny, 1.0]], dtype=dtype)


def bytescale_arrays(dtype):
    """Named arrays of one dtype for bytescale."""
    seed = ALL_DTYPES.index(dtype) * 100
    arrays = [
        ("small", _small_random(dtype, (4, 5), seed)),
        ("full", _full_range_random(dtype, (5, 6), seed + 1)),
        ("extremes", _extremes(dtype)),
        ("const", np.full((2, 3), 1 if dtype == "bool" else 7, dtype=dtype)),
        ("empty", np.zeros((0, 3), dtype=dtype)),
        ("zero_d", np.array(5, dtype=dtype) if dtype != "bool" else np.array(True)),
        ("one_d", _small_random(dtype, (6,), seed + 2)),
        ("three_d", _small_random(dtype, (2, 3, 4), seed + 3)),
    ]
    if dtype in FLOAT_DTYPES:
        arrays += [
            ("nan", np.array([[0.0, np.nan, 2.0], [3.0, 4.0, 5.0]], dtype=dtype)),
            ("inf", np.array([[0.0, np.inf, 2.0], [-np.inf, 4.0, 5.0]], dtype=dtype)),
            ("unit", _rng(seed + 4).uniform(0, 1, size=(24, 24)).astype(dtype)),
            ("wide", (_rng(seed + 5).standard_normal((24, 24)) * 300 + 50).astype(dtype)),
            ("half_steps", (np.arange(-4, 516, dtype=np.float64).reshape(20, 26) / 2.0).astype(dtype)),
        ]
    if dtype in ("int16", "int8", "int32", "int64"):
        info = np.iinfo(dtype)
        arrays.append(("wraps", np.array([[-(info.max // 10) * 9, 0, (info.max // 10) * 9]], dtype=dtype)))
    if dtype in ("uint16", "uint32"):
        arrays.append(("high_values", np.array([[60000, 60001, 65535], [1000, 70, 30000]], dtype=dtype)))
    return arrays


def _scalar_variants(dtype, array):
    """cmin/cmax pairs of every scalar type, inside and outside the data range."""
    kinds = []
    if array.size == 0 or dtype == "bool":
        return [{"cmin": 0, "cmax": 1}, {"cmin": False, "cmax": True}, {"cmin": 0.0, "cmax": 2.5}]
    finite = array[np.isfinite(array.astype(np.float64))] if array.dtype.kind == "f" else array
    if finite.size == 0:
        return kinds
    lo, hi = finite.min(), finite.max()
    span = float(hi) - float(lo)
    inner_lo = float(lo) + span / 4.0
    inner_hi = float(hi) - span / 4.0
    kinds.append({"cmin": _bounded_int(inner_lo), "cmax": _bounded_int(inner_hi)})
    kinds.append({"cmin": inner_lo, "cmax": inner_hi})
    kinds.append({"cmin": float(lo) - span, "cmax": float(hi) + span})
    kinds.append({"cmin": np.float32(inner_lo), "cmax": np.float32(inner_hi)})
    kinds.append({"cmin": np.float64(inner_lo), "cmax": np.float64(inner_hi)})
    kinds.append({"cmin": np.float16(3), "cmax": np.float16(60)})
    kinds.append({"cmin": np.int16(-30000), "cmax": np.int16(30000)})
    kinds.append({"cmin": np.uint8(3), "cmax": np.uint8(200)})
    kinds.append({"cmin": np.int64(_bounded_int(inner_lo)), "cmax": np.int64(_bounded_int(inner_hi))})
    kinds.append({"cmin": -200, "cmax": 70000})
    kinds.append({"cmin": lo})
    kinds.append({"cmax": hi})
    kinds.append({"cmin": 5, "cmax": 5})
    kinds.append({"cmin": 10, "cmax": 3})
    kinds.append({"cmin": np.array(2.5), "cmax": np.array(90)})
    return kinds


def _bounded_int(value):
    """``int(value)`` kept within int64 (and finite) so that it can become any scalar type."""
    if value != value:
        return 0
    return int(max(-2.0 ** 62, min(2.0 ** 62, value)))


HIGH_LOW_VARIANTS = [
    {"high": 200, "low": 100},
    {"high": 10, "low": 10},
    {"high": 254.5, "low": 0.5},
    {"high": np.uint8(200), "low": np.uint8(50)},
    {"high": np.float32(250.25), "low": np.float64(3.75)},
    {"high": np.int16(128), "low": 0},
    {"high": 256},
    {"low": -1},
    {"high": 5, "low": 10},
    {"high": float("nan")},
]


STRESS_VARIANTS = [
    {},
    {"cmin": np.float64(0.1), "cmax": np.float64(0.9)},
    {"cmin": 0.1, "cmax": 0.9},
    {"cmin": np.float32(0.1), "cmax": np.float32(0.93)},
    {"cmin": np.float64(0.1), "cmax": np.float64(0.9), "low": np.float64(1.5), "high": np.float32(250.5)},
]


def bytescale_cases():
    for dtype in ALL_DTYPES:
        for name, array in bytescale_arrays(dtype):
            base = "bytescale/%s/%s" % (dtype, name)
            yield base, "bytescale", [array], {}
            if name in ("small", "full", "extremes", "nan", "unit", "wide", "half_steps", "wraps", "high_values",
                        "empty", "const"):
                for i, kwargs in enumerate(_scalar_variants(dtype, array)):
                    yield "%s/c%d" % (base, i), "bytescale", [array], kwargs
            if name in ("small", "full", "unit", "half_steps", "wraps"):
                for i, kwargs in enumerate(HIGH_LOW_VARIANTS):
                    yield "%s/h%d" % (base, i), "bytescale", [array], kwargs
                yield base + "/all", "bytescale", [array], {"cmin": 1, "cmax": 100, "high": 220, "low": 20}
    # Rounding stress: enough pixels that a float32-vs-float64 difference in the scale
    # factor or in the clip bounds (about 1 pixel in 200,000 under NEP 50) would show.
    for dtype in FLOAT_DTYPES:
        data = _rng(600 + FLOAT_DTYPES.index(dtype)).uniform(-0.2, 1.2, size=(128, 128)).astype(dtype)
        for i, kwargs in enumerate(STRESS_VARIANTS):
            yield "bytescale/stress/%s/s%d" % (dtype, i), "bytescale", [data], kwargs
    # Layout and subclass variants.
    sample = _small_random("float64", (6, 8), 7)
    yield "bytescale/layout/fortran", "bytescale", [np.asfortranarray(sample)], {}
    yield "bytescale/layout/strided", "bytescale", [sample[::2, ::3]], {}
    yield "bytescale/layout/bigendian", "bytescale", [sample.astype(">f8")], {}
    yield "bytescale/layout/bigendian_i2", "bytescale", [(sample * 100).astype(">i2")], {}
    masked = np.ma.MaskedArray(data=sample, mask=sample > 4)
    yield "bytescale/masked/float", "bytescale", [masked], {}
    yield "bytescale/masked/float_lowhigh", "bytescale", [masked], {"cmin": 0, "cmax": 5, "low": 30, "high": 90}
    yield "bytescale/masked/int", "bytescale", [np.ma.MaskedArray(data=[1, 2, 3], mask=[False, False, True])], {}
    yield "bytescale/masked/nomask", "bytescale", [np.ma.MaskedArray(data=sample)], {}
    yield "bytescale/list", "bytescale", [[1, 2, 3]], {}
    yield "bytescale/complex", "bytescale", [np.array([[1 + 2j, 3 - 1j]])], {}
    yield "bytescale/object", "bytescale", [np.array([[1, 5, 9]], dtype=object)], {}
    yield "bytescale/string", "bytescale", [np.array([["a", "b"]])], {}
    yield "bytescale/longdouble", "bytescale", [np.array([[1.0, 2.5, 9.0]], dtype=np.longdouble)], {}
    yield ("bytescale/int8_python_cmin", "bytescale", [np.array([[-128, 0, 127]], dtype=np.int8)],
           {"cmin": -200, "cmax": 200})


# --- toimage -----------------------------------------------------------------------------------

TOIMAGE_2D_DTYPES = ["bool", "uint8", "int8", "uint16", "int16", "int32", "uint32", "int64", "float16", "float32",
                     "float64"]
TOIMAGE_2D_MODES = [None, "L", "P", "F", "I", "1", "RGB", "LA", "X"]


def toimage_cases():
    for dtype in TOIMAGE_2D_DTYPES:
        seed = 1000 + TOIMAGE_2D_DTYPES.index(dtype)
        small = _small_random(dtype, (5, 7), seed)
        full = _full_range_random(dtype, (4, 9), seed)
        for mode in TOIMAGE_2D_MODES:
            yield "toimage/2d/%s/small/%s" % (dtype, mode), "toimage", [small], {"mode": mode}
            yield "toimage/2d/%s/full/%s" % (dtype, mode), "toimage", [full], {"mode": mode}
        for i, kwargs in enumerate([{"high": 200, "low": 20}, {"cmin": 0, "cmax": 100}, {"high": 100},
                                    {"high": full.max(), "low": full.min()}]):
            for mode in (None, "I", "1"):
                kwargs_mode = dict(kwargs, mode=mode)
                yield "toimage/2d/%s/kw%d/%s" % (dtype, i, mode), "toimage", [small], kwargs_mode
    # The canonical 16-bit recipe, and its limits.
    ramp = np.array([[0, 1, 255, 256], [1000, 32767, 32768, 65535]], dtype=np.int32)
    yield "toimage/mode_i/canonical", "toimage", [ramp], {"high": ramp.max(), "low": ramp.min(), "mode": "I"}
    yield "toimage/mode_i/defaults", "toimage", [ramp], {"mode": "I"}
    yield "toimage/mode_i/const", "toimage", [np.full((2, 2), 9, dtype=np.int32)], {"mode": "I"}
    yield "toimage/mode_i/negative", "toimage", [ramp - 40000], {"high": 0, "low": -40000, "mode": "I"}
    yield "toimage/mode_i/huge", "toimage", [ramp], {"high": 2 ** 32 + 5, "low": 0, "mode": "I"}
    yield "toimage/mode_i/float_kw", "toimage", [ramp.astype(np.float32)], {"high": 1000.5, "low": 2.25, "mode": "I"}
    yield "toimage/mode_i/np_scalars", "toimage", [ramp.astype(np.float32)], {
        "high": np.int32(65535), "low": np.int32(0), "cmin": np.float32(0), "cmax": np.float64(65535), "mode": "I"}
    yield "toimage/mode_i/empty", "toimage", [np.zeros((0, 4), dtype=np.int32)], {"mode": "I"}
    yield "toimage/mode_x/empty", "toimage", [np.zeros((0, 4), dtype=np.int32)], {"mode": "X"}
    # Mode '1': the packed-bits quirk at many widths.
    for width in (1, 3, 7, 8, 9, 15, 16, 17, 24):
        data = _small_random("int16", (3, width), 2000 + width) * 3
        yield "toimage/mode_1/width%d" % width, "toimage", [data], {"mode": "1"}
    yield "toimage/mode_1/facts", "toimage", [np.array([[0, 300, 10, 400] * 4] * 3)], {"mode": "1"}
    yield "toimage/mode_1/high", "toimage", [np.array([[0, 300, 10, 400] * 4] * 3)], {"mode": "1", "high": 5}
    # Palettes.
    gray = _small_random("float64", (4, 6), 3000)
    palettes = [
        ("list256", [[i, 255 - i, (i * 7) % 256] for i in range(256)]),
        ("array256", _rng(3001).randint(0, 256, size=(256, 3)).astype(np.uint8)),
        ("short16", _rng(3002).randint(0, 256, size=(16, 3)).astype(np.uint8)),
        ("float_wrap", np.linspace(0, 400, 256 * 3).reshape(256, 3)),
        ("ints_wrap", [[300, -1, 5]] * 256),
        ("flat", list(range(256)) * 3),
    ]
    for name, pal in palettes:
        for mode in (None, "L", "P"):
            yield "toimage/pal/%s/%s" % (name, mode), "toimage", [gray], {"pal": pal, "mode": mode}
    yield "toimage/pal/with_F", "toimage", [gray], {"pal": palettes[0][1], "mode": "F"}
    yield "toimage/pal/3d_ignored", "toimage", [_small_random("uint8", (4, 5, 3), 3003)], {"pal": palettes[0][1]}
    # 3-D: every layout and channel axis.
    shapes = [(4, 5, 3), (4, 5, 4), (3, 4, 5), (4, 3, 5), (5, 3, 4), (3, 3, 3), (4, 4, 4), (3, 4, 4),
              (4, 3, 4), (4, 4, 3), (2, 5, 6), (3, 2, 4), (6, 3, 2)]
    for shape in shapes:
        shape_name = "x".join(map(str, shape))
        data = _small_random("float64", shape, 4000 + sum(shape))
        for axis in (None, 0, 1, 2, -1, 3):
            yield "toimage/3d/%s/axis%s" % (shape_name, axis), "toimage", [data], {"channel_axis": axis}
        for mode in ("RGB", "RGBA", "YCbCr", "CMYK", "L", "P", "I"):
            yield "toimage/3d/%s/mode_%s" % (shape_name, mode), "toimage", [data], {"mode": mode}
    for dtype in ("uint8", "uint16", "int16", "float32", "bool", "int64"):
        data = _small_random(dtype, (3, 4, 3), 4100)
        yield "toimage/3d/dtype_%s" % dtype, "toimage", [data], {}
        yield "toimage/3d/dtype_%s_kw" % dtype, "toimage", [data], {"high": 180, "low": 30, "cmin": 1, "cmax": 90}
    # Errors and odd inputs.
    yield "toimage/err/complex", "toimage", [np.ones((3, 3), dtype=complex)], {}
    yield "toimage/err/one_d", "toimage", [np.arange(5)], {}
    yield "toimage/err/zero_d", "toimage", [np.array(5)], {}
    yield "toimage/err/four_d", "toimage", [np.zeros((2, 3, 4, 3))], {}
    yield "toimage/err/empty", "toimage", [np.zeros((0, 5))], {}
    yield "toimage/err/empty_3d", "toimage", [np.zeros((0, 5, 3))], {}
    yield "toimage/err/bool", "toimage", [np.ones((3, 3), dtype=bool)], {}
    yield "toimage/err/string", "toimage", [np.array([["a", "b"], ["c", "d"]])], {}
    yield "toimage/list", "toimage", [[[1, 2, 3], [4, 5, 6]]], {}
    yield "toimage/object", "toimage", [np.array([[1, 2], [3, 4]], dtype=object)], {}
    yield "toimage/nan", "toimage", [np.array([[0.0, np.nan], [1.0, 2.0]])], {}
    yield "toimage/nan_F", "toimage", [np.array([[0.0, np.nan], [np.inf, 2.0]])], {"mode": "F"}
    yield "toimage/fortran", "toimage", [np.asfortranarray(_small_random("float64", (5, 6), 5000))], {}
    yield "toimage/bigendian", "toimage", [_small_random("int16", (5, 6), 5001).astype(">i2")], {"mode": "I"}


def toimage_save_cases():
    """``toimage(...).save(path)``, read back."""
    ramp = np.array([[0, 1, 255, 256], [1000, 32767, 32768, 65535]], dtype=np.int32)
    wide = np.array([[-5, 0, 70000], [65535, 65536, 2 ** 31 - 1]], dtype=np.int64)
    small = _small_random("float64", (4, 6), 6000)
    cases = [
        ("canonical_png", [ramp], {"high": ramp.max(), "low": ramp.min(), "mode": "I"}, ".png", None),
        ("canonical_tif", [ramp], {"high": ramp.max(), "low": ramp.min(), "mode": "I"}, ".tif", None),
        ("mode_i_clip_png", [wide], {"high": wide.max(), "low": wide.min(), "mode": "I"}, ".png", None),
        ("mode_i_default_png", [small], {"mode": "I"}, ".png", None),
        ("mode_i_format_png", [ramp], {"high": 65535, "low": 0, "mode": "I"}, "", "PNG"),
        ("mode_f_png", [small], {"mode": "F"}, ".png", None),
        ("mode_f_tif", [small], {"mode": "F"}, ".tif", None),
        ("mode_l_png", [small], {}, ".png", None),
        ("mode_p_png", [small], {"mode": "P"}, ".png", None),
        ("mode_p_gif", [small], {"mode": "P"}, ".gif", None),
        ("mode_1_png", [small * 40], {"mode": "1"}, ".png", None),
        ("mode_1_bmp", [small * 40], {"mode": "1"}, ".bmp", None),
        ("rgba_jpg", [_small_random("uint8", (4, 5, 4), 6001)], {}, ".jpg", None),
        ("cmyk_tif", [_small_random("uint8", (4, 5, 4), 6002)], {"mode": "CMYK"}, ".tif", None),
        ("ycbcr_jpg", [_small_random("uint8", (4, 5, 3), 6003)], {"mode": "YCbCr"}, ".jpg", None),
    ]
    for name, args, kwargs, extension, fmt in cases:
        yield "toimage_save/" + name, "toimage_save", args, dict(kwargs, _path=output_path(extension), _format=fmt)


# --- fromimage and imread ----------------------------------------------------------------------

CONVERT_MODES = [None, "L", "P", "RGB", "RGBA", "CMYK", "YCbCr", "I", "F", "1", "LA", "I;16"]


def input_image_files():
    """Names and makers of the input files (called by the recorder with PIL at hand)."""
    from PIL import Image
    rng = _rng(7000)
    size = (7, 5)
    rgb = rng.randint(0, 256, size=(5, 7, 3)).astype(np.uint8)
    rgba = rng.randint(0, 256, size=(5, 7, 4)).astype(np.uint8)
    gray = rng.randint(0, 256, size=(5, 7)).astype(np.uint8)
    gray16 = (rng.randint(0, 65536, size=(5, 7))).astype(np.uint16)
    gray16[0, :3] = [0, 32767, 65535]
    gray16_low = rng.randint(0, 256, size=(5, 7)).astype(np.uint16)
    floats = (rng.standard_normal((5, 7)) * 100).astype(np.float32)
    int32 = rng.randint(-2 ** 31, 2 ** 31 - 1, size=(5, 7)).astype(np.int32)
    palette = rng.randint(0, 256, size=768).astype(np.uint8)
    indices = rng.randint(0, 16, size=(5, 7)).astype(np.uint8)

    def from_array(mode, array):
        if mode in ("I;16",):
            return Image.frombytes(mode, size, array.astype("<u2").tobytes())
        return Image.frombytes(mode, size, np.ascontiguousarray(array).tobytes())

    def p_image(transparency):
        image = from_array("L", indices)
        image.putpalette(palette.tobytes())
        if transparency is not None:
            image.info["transparency"] = transparency
        return image

    def save(name, image, **params):
        def make(path):
            image.save(path, **params)
        return name, make

    files = [
        save("gray8.png", from_array("L", gray)),
        save("gray16.png", from_array("I;16", gray16)),
        save("gray16_low.png", from_array("I;16", gray16_low)),
        save("la.png", from_array("LA", np.dstack([gray, indices * 16]))),
        save("rgb.png", from_array("RGB", rgb)),
        save("rgba.png", from_array("RGBA", rgba)),
        save("p.png", p_image(None)),
        save("p_trns.png", p_image(3), transparency=3),
        save("onebit.png", from_array("L", (gray > 128).astype(np.uint8) * 255).convert("1")),
        save("cmyk.tif", from_array("CMYK", rgba)),
        save("cmyk.jpg", from_array("CMYK", rgba), quality=95),
        save("float.tif", from_array("F", floats)),
        save("i16.tif", from_array("I;16", gray16)),
        save("i32.tif", from_array("I", int32)),
        save("p.gif", p_image(None)),
        save("gray.gif", from_array("L", gray)),
        save("rgb.bmp", from_array("RGB", rgb)),
        save("gray.bmp", from_array("L", gray)),
        save("gray.jpg", from_array("L", gray), quality=90),
        save("rgb.jpg", from_array("RGB", rgb), quality=90),
        save("rgb.tif", from_array("RGB", rgb)),
        save("ycbcr.tif", from_array("YCbCr", rgb)),
    ]
    files += [
        ("rgb16.png", lambda path: _write_png16(path, (rng.randint(0, 65536, size=(5, 7, 3))), "RGB")),
        ("rgba16.png", lambda path: _write_png16(path, (rng.randint(0, 65536, size=(5, 7, 4))), "RGBA")),
        ("la16.png", lambda path: _write_png16(path, (rng.randint(0, 65536, size=(5, 7, 2))), "LA")),
        ("empty.png", lambda path: open(path, "wb").close()),
        ("not_an_image.png", lambda path: _write_bytes(path, b"this is text, not a PNG\n")),
        ("truncated.png", lambda path: _write_truncated(path, from_array("RGB", rgb))),
    ]
    return files


def _write_bytes(path, data):
    with open(path, "wb") as handle:
        handle.write(data)


def _write_truncated(path, image):
    import io
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    _write_bytes(path, buffer.getvalue()[: len(buffer.getvalue()) // 2])


def _write_png16(path, samples, mode):
    """16-bit-per-channel PNG through pypng (Pillow cannot write them)."""
    import png
    height, width, planes = samples.shape
    writer = png.Writer(width, height, greyscale=mode == "LA", alpha="A" in mode, bitdepth=16)
    with open(path, "wb") as handle:
        writer.write(handle, samples.reshape(height, width * planes).tolist())


def fromimage_cases():
    rng = _rng(8000)
    size = (6, 4)
    images = [
        ("L", new_image("L", size, rng.randint(0, 256, size=(4, 6)).astype(np.uint8))),
        ("RGB", new_image("RGB", size, rng.randint(0, 256, size=(4, 6, 3)).astype(np.uint8))),
        ("RGBA", new_image("RGBA", size, rng.randint(0, 256, size=(4, 6, 4)).astype(np.uint8))),
        ("LA", new_image("LA", size, rng.randint(0, 256, size=(4, 6, 2)).astype(np.uint8))),
        ("I16", new_image("I;16", size, rng.randint(0, 65536, size=(4, 6)).astype("<u2"))),
        ("I", new_image("I", size, rng.randint(-2 ** 31, 2 ** 31 - 1, size=(4, 6)).astype(np.int32))),
        ("F", new_image("F", size, (rng.standard_normal((4, 6)) * 300).astype(np.float32))),
        ("CMYK", new_image("CMYK", size, rng.randint(0, 256, size=(4, 6, 4)).astype(np.uint8))),
        ("YCbCr", new_image("YCbCr", size, rng.randint(0, 256, size=(4, 6, 3)).astype(np.uint8))),
        ("1", new_image("1", size, rng.randint(0, 256, size=(4, 1)).astype(np.uint8))),
    ]
    for name, image in images:
        for mode in CONVERT_MODES:
            for flatten in (False, True):
                yield ("fromimage/%s/%s/%s" % (name, mode, "flat" if flatten else "asis"), "fromimage", [image],
                       {"flatten": flatten, "mode": mode})
    for name in ("p.png", "p_trns.png", "onebit.png", "gray16.png"):
        yield "fromimage/file/" + name, "fromimage", [opened_image(name)], {}
    yield "fromimage/err/array", "fromimage", [np.zeros((3, 3))], {}
    yield "fromimage/err/string", "fromimage", ["image.png"], {}
    yield "fromimage/err/none", "fromimage", [None], {}
    yield "fromimage/err/badmode", "fromimage", [images[0][1]], {"mode": "XYZ"}


#: Input files that are not readable images: one case each is enough.
BROKEN_INPUT_FILES = ("empty.png", "not_an_image.png", "truncated.png")


def imread_cases(file_names):
    for name in file_names:
        if name in BROKEN_INPUT_FILES:
            yield "imread/%s" % name, "imread", [input_file(name)], {}
            continue
        for mode in CONVERT_MODES:
            for flatten in (False, True):
                yield ("imread/%s/%s/%s" % (name, mode, "flat" if flatten else "asis"), "imread",
                       [input_file(name)], {"flatten": flatten, "mode": mode})
    yield "imread/fileobj/rgba.png", "imread", [input_fileobj("rgba.png")], {}
    yield "imread/fileobj/gray16.png", "imread", [input_fileobj("gray16.png")], {}
    yield "imread/pathlib/p_trns.png", "imread", [input_pathlib("p_trns.png")], {}
    yield "imread/err/missing", "imread", [missing_path()], {}
    yield "imread/err/directory", "imread", [directory_path()], {}


def imsave_cases():
    rng = _rng(9000)
    arrays = [
        ("u8_gray", rng.randint(0, 256, size=(5, 6)).astype(np.uint8)),
        ("f8_gray", rng.standard_normal((5, 6))),
        ("i64_story", np.array([[0, 7, 100]], dtype=np.int64)),
        ("u16_gray", rng.randint(0, 65536, size=(5, 6)).astype(np.uint16)),
        ("u8_rgb", rng.randint(0, 256, size=(5, 6, 3)).astype(np.uint8)),
        ("f4_rgb", rng.standard_normal((5, 6, 3)).astype(np.float32)),
        ("u8_rgba", rng.randint(0, 256, size=(5, 6, 4)).astype(np.uint8)),
        ("f8_rgba", rng.uniform(0, 1, size=(5, 6, 4))),
    ]
    extensions = [".png", ".bmp", ".tif", ".gif", ".jpg"]
    for name, array in arrays:
        for extension in extensions:
            yield "imsave/%s%s" % (name, extension), "imsave", [output_path(extension), array], {}
    yield "imsave/format/png_noext", "imsave", [output_path(""), arrays[1][1], "PNG"], {}
    yield "imsave/format/png_odd_ext", "imsave", [output_path(".data"), arrays[4][1]], {"format": "png"}
    yield "imsave/pathlib/png", "imsave", [output_pathlib(".png"), arrays[5][1]], {}
    yield "imsave/named_file/bmp", "imsave", [output_named_file(".bmp"), arrays[1][1]], {}
    yield "imsave/named_file/tif_format", "imsave", [output_named_file(".img"), arrays[4][1], "TIFF"], {}
    yield "imsave/format/buffer_png", "imsave", [output_buffer(), arrays[4][1]], {"format": "PNG"}
    yield "imsave/format/buffer_bmp", "imsave", [output_buffer(), arrays[0][1], "BMP"], {}
    yield "imsave/err/unknown_ext", "imsave", [output_path(".xyz"), arrays[0][1]], {}
    yield "imsave/err/unknown_format", "imsave", [output_path(".png"), arrays[0][1]], {"format": "NOPE"}
    yield "imsave/err/buffer_noformat", "imsave", [output_buffer(), arrays[0][1]], {}
    yield "imsave/err/channels_first", "imsave", [output_path(".png"), rng.uniform(size=(3, 5, 6))], {}
    yield "imsave/err/five_channels", "imsave", [output_path(".png"), rng.uniform(size=(4, 3, 5))], {}
    yield "imsave/channel_axis_2_wins", "imsave", [output_path(".png"), rng.uniform(size=(3, 4, 3))], {}
    yield "imsave/err/bool", "imsave", [output_path(".png"), np.ones((3, 3), dtype=bool)], {}
    yield "imsave/err/one_d", "imsave", [output_path(".png"), np.arange(4)], {}
    yield "imsave/err/missing_dir", "imsave", [missing_directory_path(".png"), arrays[0][1]], {}


# --- transforms --------------------------------------------------------------------------------

INTERPS = ["nearest", "lanczos", "bilinear", "bicubic", "cubic"]
TRANSFORM_DTYPES = ["uint8", "float32", "float64", "int32"]


def _transform_inputs(dtype, seed):
    """A 2-D, an RGB and an RGBA array of one dtype (values spanning more than 0..255)."""
    rng = _rng(seed)

    def values(shape):
        if dtype == "uint8":
            return rng.randint(0, 256, size=shape).astype(dtype)
        if dtype == "int32":
            return rng.randint(-5000, 70000, size=shape).astype(dtype)
        return (rng.standard_normal(shape) * 40 + 10).astype(dtype)
    return [("gray", values((6, 9))), ("rgb", values((6, 9, 3))), ("rgba", values((6, 9, 4)))]


RESIZE_SIZES = [
    ("pct50", 50), ("pct150", 150), ("frac0.5", 0.5), ("frac1.7", 1.7), ("down", (4, 5)), ("up", (11, 13)),
    ("np_int", np.int64(150)), ("np_int16", np.int16(40)), ("np_float32", np.float32(0.6)),
    ("np_float16", np.float16(1.101)),
]


def imresize_cases():
    for dtype in TRANSFORM_DTYPES:
        for shape_name, array in _transform_inputs(dtype, 11000 + TRANSFORM_DTYPES.index(dtype)):
            modes = (None, "F", "L") if shape_name == "gray" else (None,)
            for interp in INTERPS:
                for size_name, size in RESIZE_SIZES:
                    for mode in modes:
                        yield ("imresize/%s/%s/%s/%s/%s" % (dtype, shape_name, interp, size_name, mode), "imresize",
                               [array, size], {"interp": interp, "mode": mode})
            yield "imresize/%s/%s/mode_F_3d" % (dtype, shape_name), "imresize", [array, 50], {"mode": "F"}
            yield "imresize/%s/%s/mode_I" % (dtype, shape_name), "imresize", [array, (4, 7)], {"mode": "I"}
    gray = _transform_inputs("float64", 11100)[0][1]
    yield "imresize/err/uint_size", "imresize", [gray, np.uint8(50)], {}
    yield "imresize/err/bool_size", "imresize", [gray, True], {}
    yield "imresize/err/zero_size", "imresize", [gray, (0, 5)], {}
    yield "imresize/err/zero_percent", "imresize", [gray, 0], {}
    yield "imresize/err/negative", "imresize", [gray, (-3, 5)], {}
    yield "imresize/err/float_tuple", "imresize", [gray, (3.5, 4.0)], {}
    yield "imresize/err/list_size", "imresize", [gray, [3, 4]], {}
    yield "imresize/err/short_tuple", "imresize", [gray, (3,)], {}
    yield "imresize/err/interp", "imresize", [gray, 50], {"interp": "bogus"}
    yield "imresize/err/interp_case", "imresize", [gray, 50], {"interp": "Bilinear"}
    yield "imresize/err/one_d", "imresize", [np.arange(5.0), 50], {}
    yield "imresize/err/complex", "imresize", [gray + 1j, 50], {}
    yield "imresize/mode_P", "imresize", [gray, 200], {"mode": "P", "interp": "bicubic"}
    yield "imresize/mode_1", "imresize", [gray * 10, (7, 9)], {"mode": "1"}
    yield "imresize/pct_float_like_int", "imresize", [gray, 100.0], {}
    yield "imresize/longdouble", "imresize", [gray, np.longdouble(1.101)], {}
    yield "imresize/channels_first", "imresize", [_transform_inputs("uint8", 11200)[1][1].transpose(2, 0, 1), 50], {}
    yield "imresize/doc_f", "imresize", [np.array([[1, 2], [3, 4]]), (4, 4)], {"mode": "F"}
    yield "imresize/doc_f_frac", "imresize", [np.array([[1, 2], [3, 4]]), 2.0], {"mode": "F"}
    yield "imresize/doc_f_pct", "imresize", [np.array([[1, 2], [3, 4]]), 200], {"mode": "F"}


ANGLES = [0, 90, 30, -17, 45.5, 180, 270, 400, 720, -360.25, np.float32(12.5), np.int64(33)]


def imrotate_cases():
    for dtype in TRANSFORM_DTYPES:
        for shape_name, array in _transform_inputs(dtype, 12000 + TRANSFORM_DTYPES.index(dtype)):
            for interp in INTERPS:
                for angle in ANGLES:
                    yield ("imrotate/%s/%s/%s/%r" % (dtype, shape_name, interp, angle), "imrotate",
                           [array, angle], {"interp": interp})
    square = _transform_inputs("float64", 12100)[0][1][:6, :6]
    for angle in (90, 180, 270, 45):
        yield "imrotate/square/%r" % angle, "imrotate", [square, angle], {}
    yield "imrotate/err/interp", "imrotate", [square, 10], {"interp": "bogus"}
    yield "imrotate/err/angle_str", "imrotate", [square, "ten"], {}
    yield "imrotate/err/one_d", "imrotate", [np.arange(4.0), 10], {}
    yield "imrotate/list", "imrotate", [[[0, 1, 2], [3, 4, 5]], 90], {}


FILTERS = ["blur", "contour", "detail", "edge_enhance", "edge_enhance_more", "emboss", "find_edges", "smooth",
           "smooth_more", "sharpen"]


def imfilter_cases():
    for dtype in ("uint8", "float64"):
        for shape_name, array in _transform_inputs(dtype, 13000 + (dtype == "float64")):
            for ftype in FILTERS:
                yield "imfilter/%s/%s/%s" % (dtype, shape_name, ftype), "imfilter", [array, ftype], {}
    gray = _transform_inputs("float64", 13100)[0][1]
    yield "imfilter/err/unknown", "imfilter", [gray, "gaussian"], {}
    yield "imfilter/err/unknown_case", "imfilter", [gray, "BLUR"], {}
    yield "imfilter/err/shape_first", "imfilter", [np.arange(5.0), "gaussian"], {}
    yield "imfilter/err/bool", "imfilter", [np.ones((3, 3), dtype=bool), "blur"], {}


def viewer(kind):
    """A ``SCIPY_PIL_IMAGE_VIEWER`` command: 'copy' saves the shown file, 'fail' exits 3, 'missing'."""
    return {"$viewer": kind}


def imshow_cases():
    rng = _rng(14000)
    yield "imshow/gray", "imshow", [rng.standard_normal((5, 7))], {"_viewer": viewer("copy")}
    yield "imshow/rgb", "imshow", [rng.randint(0, 256, size=(5, 7, 3)).astype(np.uint8)], {"_viewer": viewer("copy")}
    yield "imshow/rgba", "imshow", [rng.uniform(size=(5, 7, 4))], {"_viewer": viewer("copy")}
    yield "imshow/err/viewer_fails", "imshow", [rng.standard_normal((5, 7))], {"_viewer": viewer("fail")}
    yield "imshow/err/viewer_missing", "imshow", [rng.standard_normal((5, 7))], {"_viewer": viewer("missing")}
    yield "imshow/err/shape", "imshow", [np.arange(4.0)], {"_viewer": viewer("copy")}


def all_cases(input_file_names):
    return itertools.chain(bytescale_cases(), toimage_cases(), toimage_save_cases(), fromimage_cases(),
                           imread_cases(input_file_names), imsave_cases(), imresize_cases(), imrotate_cases(),
                           imfilter_cases(), imshow_cases())


# --- the rest of scipy.misc 1.1.0 (recorded where scipy 1.1.0 itself is installed) -------------

def function(name):
    """A callable both sides can build: a numpy ufunc by name, or one of the codec's test functions."""
    return {"$func": name}


def namespace_cases():
    for np_points in (1, 2, 3, 4, 5, 7, 9, 11, 13):
        for ndiv in (0, 1, 2, 3, 4, 6):
            yield ("misc/central_diff_weights/%d/%d" % (np_points, ndiv), "central_diff_weights",
                   [np_points], {"ndiv": ndiv})
    functions = ["sin", "exp", "cubic", "power"]
    for name in functions:
        args = (3.0,) if name == "power" else ()
        for n in (1, 2, 3, 4):
            for order in (3, 5, 7, 9, 11, 4):
                for x0, dx in ((0.5, 1e-3), (1.0, 1e-6), (2.0, 0.5)):
                    yield ("misc/derivative/%s/n%d/o%d/%g/%g" % (name, n, order, x0, dx), "derivative",
                           [function(name), x0], {"dx": dx, "n": n, "order": order, "args": args})
    yield "misc/derivative/array_x0", "derivative", [function("sin"), np.array([0.1, 0.2, 0.3])], {}
    for n, k in ((5, 2), (10, 3), (0, 0), (3, 5), (60, 30)):
        for exact in (False, True):
            yield "misc/comb/%d/%d/%s" % (n, k, exact), "comb", [n, k], {"exact": exact}
    yield "misc/comb/array", "comb", [np.array([5, 6, 7]), np.array([2, 3, 4])], {}
    for n in (0, 1, 5, 10, 20, 25):
        for exact in (False, True):
            yield "misc/factorial/%d/%s" % (n, exact), "factorial", [n], {"exact": exact}
            yield "misc/factorial2/%d/%s" % (n, exact), "factorial2", [n], {"exact": exact}
        yield "misc/factorialk/%d/3" % n, "factorialk", [n, 3], {"exact": True}
    yield "misc/factorial/array", "factorial", [np.array([3, 4, 5])], {}
    yield "misc/factorial/negative", "factorial", [-1], {}
    rng = _rng(15000)
    values = rng.standard_normal((3, 4))
    yield "misc/logsumexp/all", "logsumexp", [values], {}
    yield "misc/logsumexp/axis0", "logsumexp", [values], {"axis": 0}
    yield "misc/logsumexp/b", "logsumexp", [values], {"b": np.abs(values)}
    yield "misc/logsumexp/sign", "logsumexp", [values], {"b": values, "return_sign": True}
    yield "misc/pade/exp", "pade_coefficients", [[1.0, 1.0, 1.0 / 2, 1.0 / 6, 1.0 / 24], 2], {}
    yield "misc/pade/exp_m", "pade_coefficients", [[1.0, 1.0, 1.0 / 2, 1.0 / 6, 1.0 / 24, 1.0 / 120], 2], {"n": 3}
    yield "misc/who/arrays", "who_output", [{"alpha": np.zeros((2, 3)), "b": np.arange(5), "c": 3}], {}
    yield "misc/who/empty", "who_output", [{}], {}
