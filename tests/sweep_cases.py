"""The seeded dense sweep of scipy 1.1.0's Pillow-dependent functions.

Shared by the recorder (``tools/record_sweep.py``, run with scipy 1.1.0's own
``pilutil.py`` on the reference stack) and the replay test
(``tests/test_sweep.py``). A case is a small JSON-able dict; its input arrays are
made again from its seed with ``numpy.random.RandomState``, whose streams numpy
keeps identical across releases, so the fixture stores only parameters and outputs.

Each parameter varies on its own:
- ``imresize``: every combination of what happens to each axis (shrink, grow, keep,
  become one pixel; ratios up to 8x, odd sizes), every ``interp``, and every input kind
  (gray uint8 and float, RGB, RGBA, channel-first and channel-middle colour,
  ``mode`` 'F', 'I', 'L', 'P', '1', 'YCbCr', 'CMYK'); ``size`` as a tuple, an int
  percentage and a float fraction.
- ``imrotate``: random angles (negative, beyond 360, fractional), every ``interp``,
  gray / RGB / RGBA.
- ``imfilter``: all ten filters on gray / RGB / RGBA, including 1-pixel-wide images.
- ``toimage`` -> ``fromimage``: every ``toimage`` mode against every ``fromimage``
  mode (and ``flatten``).

Python 3.7 compatible; imports numpy only.
"""

import numpy as np

SEED = 20261201
INTERPS = ("nearest", "lanczos", "bilinear", "bicubic", "cubic")
AXIS_KINDS = ("shrink", "grow", "keep", "one")
#: input kinds of imresize: (name, toimage mode or None, how the array is laid out)
RESIZE_INPUTS = ("gray_u8", "gray_float", "rgb", "rgba", "rgb_first", "rgba_middle", "mode_F", "mode_I",
                 "mode_L", "mode_P", "mode_1", "mode_YCbCr", "mode_CMYK")
ROTATE_INTERPS = ("nearest", "bilinear", "bicubic", "cubic", "lanczos")
FILTERS = ("blur", "contour", "detail", "edge_enhance", "edge_enhance_more", "emboss", "find_edges", "smooth",
           "smooth_more", "sharpen")
TOIMAGE_MODES = (None, "L", "P", "1", "I", "F", "RGB", "RGBA", "YCbCr", "CMYK")
FROMIMAGE_MODES = (None, "flatten", "1", "L", "P", "RGB", "RGBA", "RGBX", "CMYK", "YCbCr", "LAB", "HSV", "I", "F",
                   "LA", "La", "RGBa", "I;16")


def _axis_output(rng, size, kind):
    if kind == "keep":
        return size
    if kind == "one":
        return 1
    if kind == "shrink":
        return int(rng.randint(max(1, -(-size // 8)), size)) if size > 1 else 1
    return int(rng.randint(size + 1, min(8 * size, 32) + 1))


def _input_size(rng, kind):
    # "grow" needs room to grow, "shrink" room to shrink; odd and tiny sizes come up often.
    if kind == "shrink":
        return int(rng.choice([2, 3, 5, 7, 9, 13, 17, 24, 31]))
    return int(rng.choice([1, 2, 3, 4, 5, 7, 11, 16, 19]))


def imresize_cases():
    rng = np.random.RandomState(SEED)
    cases = []
    for source in RESIZE_INPUTS:
        for interp in INTERPS[:4]:
            for row_kind in AXIS_KINDS:
                for column_kind in AXIS_KINDS:
                    rows, columns = _input_size(rng, row_kind), _input_size(rng, column_kind)
                    size = [_axis_output(rng, rows, row_kind), _axis_output(rng, columns, column_kind)]
                    cases.append({"function": "imresize", "source": source, "shape": [rows, columns], "size": size,
                                  "interp": interp, "seed": int(rng.randint(2 ** 31))})
        for interp in INTERPS:
            percent = int(rng.randint(5, 400))
            fraction = float(np.round(rng.uniform(0.05, 4.0), 3))
            for size in (percent, fraction):
                shape = [int(rng.randint(1, 25)), int(rng.randint(1, 25))]
                cases.append({"function": "imresize", "source": source, "shape": shape, "size": size,
                              "interp": interp, "seed": int(rng.randint(2 ** 31))})
    for case in cases:
        case["id"] = "imresize/%s/%s/%s->%s" % (case["source"], case["interp"], "x".join(map(str, case["shape"])),
                                                case["size"] if not isinstance(case["size"], list)
                                                else "x".join(map(str, case["size"])))
    return cases


def imrotate_cases():
    rng = np.random.RandomState(SEED + 1)
    cases = []
    for source in ("gray_u8", "rgb", "rgba"):
        for interp in ROTATE_INTERPS:
            for _ in range(8):
                angle = float(np.round(rng.uniform(-720, 720), 2)) if rng.rand() < 0.7 else int(rng.randint(-400, 400))
                shape = [int(rng.randint(1, 21)), int(rng.randint(1, 21))]
                cases.append({"function": "imrotate", "source": source, "shape": shape, "angle": angle,
                              "interp": interp, "seed": int(rng.randint(2 ** 31)),
                              "id": "imrotate/%s/%s/%s/%r" % (source, interp, "x".join(map(str, shape)), angle)})
    return cases


def imfilter_cases():
    rng = np.random.RandomState(SEED + 2)
    cases = []
    for source in ("gray_u8", "gray_float", "rgb", "rgba"):
        for ftype in FILTERS:
            for shape in ([1, int(rng.randint(1, 12))], [int(rng.randint(2, 6)), 1],
                          [int(rng.randint(2, 20)), int(rng.randint(2, 20))]):
                cases.append({"function": "imfilter", "source": source, "shape": shape, "ftype": ftype,
                              "seed": int(rng.randint(2 ** 31)),
                              "id": "imfilter/%s/%s/%s" % (source, ftype, "x".join(map(str, shape)))})
    return cases


def convert_cases():
    rng = np.random.RandomState(SEED + 3)
    cases = []
    for to_mode in TOIMAGE_MODES:
        for from_mode in FROMIMAGE_MODES:
            shape = [int(rng.randint(1, 9)), int(rng.randint(1, 9))]
            cases.append({"function": "toimage_fromimage", "to_mode": to_mode, "from_mode": from_mode,
                          "shape": shape, "seed": int(rng.randint(2 ** 31)),
                          "id": "convert/%s->%s" % (to_mode, from_mode)})
    return cases


def all_cases():
    return imresize_cases() + imrotate_cases() + imfilter_cases() + convert_cases()


def _colour(rng, shape, channels, layout="last"):
    values = rng.randint(0, 256, tuple(shape) + (channels,)).astype(np.uint8)
    if layout == "first":
        return np.ascontiguousarray(np.moveaxis(values, -1, 0))
    if layout == "middle":
        return np.ascontiguousarray(np.moveaxis(values, -1, 1))
    return values


def source_array(source, shape, seed):
    """The input of a case; returns (array, toimage/imresize mode or None)."""
    rng = np.random.RandomState(seed)
    if source == "gray_u8":
        return rng.randint(0, 256, shape).astype(np.uint8), None
    if source == "gray_float":
        return rng.standard_normal(shape) * 37.5 + 3.0, None
    if source == "rgb":
        return _colour(rng, shape, 3), None
    if source == "rgba":
        values = _colour(rng, shape, 4)
        values[..., 3] = rng.choice([0, 1, 77, 128, 254, 255], shape)  # alpha edge cases
        return values, None
    if source == "rgb_first":
        return _colour(rng, shape, 3, "first"), None
    if source == "rgba_middle":
        return _colour(rng, shape, 4, "middle"), None
    if source == "mode_F":
        return (rng.standard_normal(shape) * 1000.0).astype(np.float64), "F"
    if source == "mode_I":
        return rng.randint(-70000, 70000, shape).astype(np.int32), "I"
    if source in ("mode_L", "mode_P", "mode_1"):
        return rng.randint(0, 300, shape).astype(np.int64), source[5:]
    if source == "mode_YCbCr":
        return _colour(rng, shape, 3), "YCbCr"
    if source == "mode_CMYK":
        return _colour(rng, shape, 4), "CMYK"
    raise ValueError(source)


def toimage_input(to_mode, shape, seed):
    """An input array that ``toimage(..., mode=to_mode)`` accepts."""
    rng = np.random.RandomState(seed)
    if to_mode in ("RGB", "YCbCr"):
        return rng.randint(0, 256, tuple(shape) + (3,)).astype(np.uint8)
    if to_mode in ("RGBA", "CMYK"):
        return rng.randint(0, 256, tuple(shape) + (4,)).astype(np.uint8)
    if to_mode in ("I", "F"):
        return rng.randint(-1000, 70000, shape).astype(np.int32)
    return rng.standard_normal(shape) * 100.0


def run_case(api, case):
    """Call the case's function(s) through ``api`` (scipy 1.1.0's pilutil, or this package)."""
    function = case["function"]
    if function == "imresize":
        arr, mode = source_array(case["source"], case["shape"], case["seed"])
        size = tuple(case["size"]) if isinstance(case["size"], list) else case["size"]
        return api.imresize(arr, size, interp=case["interp"], mode=mode)
    if function == "imrotate":
        arr, _ = source_array(case["source"], case["shape"], case["seed"])
        return api.imrotate(arr, case["angle"], interp=case["interp"])
    if function == "imfilter":
        arr, _ = source_array(case["source"], case["shape"], case["seed"])
        return api.imfilter(arr, case["ftype"])
    if function == "toimage_fromimage":
        image = api.toimage(toimage_input(case["to_mode"], case["shape"], case["seed"]), mode=case["to_mode"])
        if case["from_mode"] == "flatten":
            return api.fromimage(image, flatten=True)
        return api.fromimage(image, mode=case["from_mode"])
    raise ValueError(function)


def recorded_output(outcome, outputs):
    """The recorded array of a case: its slice of the flat outputs of its dtype."""
    flat = outputs[outcome["dtype"]]
    size = int(np.prod(outcome["shape"], dtype=np.int64))
    return flat[outcome["offset"]:outcome["offset"] + size].reshape(outcome["shape"])


def replay_problems(api, case, outputs):
    """What differs between ``api``'s outcome of ``case`` and the recorded one (empty: bit-identical)."""
    expected = case["outcome"]
    try:
        ours = np.asarray(run_case(api, case))
    except Exception as error:
        classes = [cls.__name__ for cls in type(error).__mro__]
        if "error" not in expected:
            return ["raised %r; scipy 1.1.0 returned %s" % (error, expected)]
        return [] if expected["error"] in classes else ["raised %r; scipy 1.1.0 raised %s" % (error, expected["error"])]
    if "error" in expected:
        return ["returned; scipy 1.1.0 raised %s" % expected["error"]]
    reference = recorded_output(expected, outputs)
    if (ours.dtype.str, list(ours.shape)) != (reference.dtype.str, list(reference.shape)):
        return ["%s %s instead of %s %s" % (ours.dtype.str, list(ours.shape), reference.dtype.str,
                                            list(reference.shape))]
    if ours.tobytes() != reference.tobytes():
        different = ours.view(np.uint8) != reference.view(np.uint8)
        return ["%d of %d bytes differ from scipy 1.1.0's" % (int(np.count_nonzero(different)), different.size)]
    return []
