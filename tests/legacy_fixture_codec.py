"""How legacy fixtures store values: JSON for structure, one ``.npz`` for arrays.

Shared by the recorder (which runs on the reference stack, Python 3.7+ and numpy
1.15+, without this package) and the tests.  No pickles: object arrays are
stored as nested lists.

Encoded values:
``{"$array": key}``, ``{"$masked": [data_key, mask_key]}``, ``{"$scalar": key}``
(a numpy scalar, stored 0-d), ``{"$object_array": nested_list}``,
``{"$complex": [re, im]}``, ``{"$list": [...]}``, ``{"$tuple": [...]}``; plain
JSON for None, bool, int, float and str; other ``{"$...": ...}`` dicts are
markers (input files, images) whose contents are encoded recursively.
"""

import json
import re
import os

import numpy as np

FIXTURES_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures")


def load_fixture_set(name, manifest_name, arrays_name):
    """A fixture directory under ``tests/fixtures``: (its path, the JSON manifest, the npz arrays as a dict)."""
    directory = os.path.join(FIXTURES_DIR, name)
    with open(os.path.join(directory, manifest_name)) as handle:
        manifest = json.load(handle)
    with np.load(os.path.join(directory, arrays_name)) as arrays:
        return directory, manifest, dict(arrays)


class ArrayStore(object):
    """Collects arrays under generated keys while encoding."""

    def __init__(self, prefix="a"):
        self.arrays = {}
        self.prefix = prefix
        self._keys_by_content = {}

    def add(self, array):
        """Store ``array`` (identical arrays share one key) and return its key."""
        array = np.asarray(array)
        fortran = array.flags.f_contiguous and not array.flags.c_contiguous
        content = (array.dtype.str, array.shape, fortran, array.tobytes())
        key = self._keys_by_content.get(content)
        if key is None:
            key = "%s%d" % (self.prefix, len(self.arrays))
            self.arrays[key] = array
            self._keys_by_content[content] = key
        return key


def encode(value, store):
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, np.ma.MaskedArray):
        return {"$masked": [store.add(np.asarray(value.data)), store.add(np.ma.getmaskarray(value))]}
    if isinstance(value, np.ndarray):
        if value.dtype == object:
            if all(isinstance(v, (int, float)) for v in value.ravel()):
                return {"$object_array": value.tolist()}
            # e.g. numpy wrapping an image it could not convert into a 0-d object array
            return {"$unconvertible": repr(value.ravel().tolist())}
        return {"$array": store.add(value)}
    if isinstance(value, np.generic):
        return {"$scalar": store.add(np.array(value))}
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return {"$float": repr(value)}
    if isinstance(value, complex):
        return {"$complex": [value.real, value.imag]}
    if isinstance(value, list):
        return {"$list": [encode(v, store) for v in value]}
    if isinstance(value, tuple):
        return {"$tuple": [encode(v, store) for v in value]}
    if isinstance(value, dict) and len(value) == 1 and list(value)[0].startswith("$"):
        (tag, inner), = value.items()
        return {tag: encode(inner, store) if not isinstance(inner, list) else [encode(v, store) for v in inner]}
    if isinstance(value, dict):
        return {"$dict": [[key, encode(item, store)] for key, item in sorted(value.items())]}
    raise TypeError("cannot encode %r" % (value,))


def decode(value, arrays, resolve_marker=None):
    """Inverse of ``encode``; ``resolve_marker(tag, decoded_contents)`` builds marker values."""
    if not isinstance(value, dict):
        return value
    (tag, inner), = value.items()
    if tag == "$array":
        return np.array(arrays[inner])
    if tag == "$masked":
        return np.ma.MaskedArray(np.array(arrays[inner[0]]), mask=np.array(arrays[inner[1]]))
    if tag == "$scalar":
        return arrays[inner][()]
    if tag == "$object_array":
        return np.array(inner, dtype=object)
    if tag == "$unconvertible":
        return inner
    if tag == "$float":
        return float(inner)
    if tag == "$complex":
        return complex(inner[0], inner[1])
    if tag == "$dict":
        return dict((key, decode(item, arrays, resolve_marker)) for key, item in inner)
    if tag == "$list":
        return [decode(v, arrays, resolve_marker) for v in inner]
    if tag == "$tuple":
        return tuple(decode(v, arrays, resolve_marker) for v in inner)
    contents = [decode(v, arrays, resolve_marker) for v in inner] if isinstance(inner, list) else \
        decode(inner, arrays, resolve_marker)
    if resolve_marker is None:
        raise ValueError("no resolver for marker %s" % tag)
    return resolve_marker(tag, contents)


class MarkerResolver(object):
    """Turns argument markers into real arguments for one case run."""

    def __init__(self, files_dir, temp_dir):
        self.files_dir = files_dir
        self.temp_dir = temp_dir
        self.to_close = []
        self.outputs = []  # (kind, target) of every output path or buffer handed out

    def __call__(self, tag, contents):
        import io
        import os
        import pathlib
        from PIL import Image
        if tag == "$file":
            return os.path.join(self.files_dir, contents)
        if tag == "$pathlib":
            return pathlib.Path(self.files_dir, contents)
        if tag == "$open":
            handle = open(os.path.join(self.files_dir, contents), "rb")
            self.to_close.append(handle)
            return handle
        if tag == "$image_file":
            return Image.open(os.path.join(self.files_dir, contents))
        if tag == "$image_new":
            mode, size, data = contents
            return Image.frombytes(mode, tuple(size), data.tobytes())
        if tag == "$out_path":
            path = os.path.join(self.temp_dir, "out%d%s" % (len(self.outputs), contents))
            self.outputs.append(("path", path))
            return path
        if tag == "$out_pathlib":
            path = os.path.join(self.temp_dir, "out%d%s" % (len(self.outputs), contents))
            self.outputs.append(("path", path))
            return pathlib.Path(path)
        if tag == "$out_named_file":
            path = os.path.join(self.temp_dir, "out%d%s" % (len(self.outputs), contents))
            self.outputs.append(("path", path))
            handle = open(path, "wb")
            self.to_close.append(handle)
            return handle
        if tag == "$out_buffer":
            buffer = io.BytesIO()
            self.outputs.append(("buffer", buffer))
            return buffer
        if tag == "$func":
            return case_function(contents)
        if tag == "$viewer":
            return self._viewer_command(contents)
        if tag == "$missing":
            return os.path.join(self.temp_dir, "missing.png")
        if tag == "$missing_dir":
            return os.path.join(self.temp_dir, "no", "such", "dir" + contents)
        if tag == "$directory":
            return self.temp_dir
        raise ValueError("unknown marker %s" % tag)

    def _viewer_command(self, kind):
        """A viewer command line for imshow: copies the shown file to an output path, or fails."""
        import os
        import sys
        if kind == "missing":
            return os.path.join(self.temp_dir, "no-such-viewer")
        destination = os.path.join(self.temp_dir, "shown%d.png" % len(self.outputs))
        self.outputs.append(("path", destination))
        script = os.path.join(self.temp_dir, "viewer_%s.py" % kind)
        with open(script, "w") as handle:
            if kind == "copy":
                handle.write("import shutil, sys\nshutil.copyfile(sys.argv[-1], %r)\n" % destination)
            else:
                handle.write("import sys\nsys.exit(3)\n")
        return "%s %s" % (sys.executable, script)

    def close(self):
        for handle in self.to_close:
            handle.close()
        self.to_close = []


def case_function(name):
    """Functions for ``derivative`` cases: numpy ufuncs by name, and a polynomial."""
    if name == "cubic":
        return _cubic
    return getattr(np, name)


def _cubic(x):
    return x ** 3 + x ** 2


def output_payloads(outputs):
    """``(suffix, bytes)`` of what a case wrote to its output paths and buffers.

    Call after ``MarkerResolver.close()`` so that files opened for the case are flushed.
    """
    import os
    payloads = []
    for kind, target in outputs:
        if kind == "path":
            if os.path.isfile(target):
                with open(target, "rb") as handle:
                    payloads.append((os.path.splitext(target)[1], handle.read()))
        elif target.getvalue():
            payloads.append((".bin", target.getvalue()))
    return payloads


def call_case(api, function, args, kwargs):
    """Run one case against ``api`` (scipy's pilutil or this package); returns (result, error)."""
    import os
    if "_viewer" in kwargs:
        kwargs = dict(kwargs)
        previous = os.environ.get("SCIPY_PIL_IMAGE_VIEWER")
        os.environ["SCIPY_PIL_IMAGE_VIEWER"] = kwargs.pop("_viewer")
        try:
            return call_case(api, function, args, kwargs)
        finally:
            if previous is None:
                del os.environ["SCIPY_PIL_IMAGE_VIEWER"]
            else:
                os.environ["SCIPY_PIL_IMAGE_VIEWER"] = previous
    try:
        if function == "pade_coefficients":  # pade returns poly1d objects: compare their coefficients
            p, q = api.pade(*args, **kwargs)
            return (np.asarray(p.coeffs), np.asarray(q.coeffs)), None
        if function == "who_output":
            import io
            import contextlib
            captured = io.StringIO()
            with contextlib.redirect_stdout(captured):
                api.who(*args, **kwargs)
            return captured.getvalue(), None
        if function == "toimage_save":
            kwargs = dict(kwargs)
            path, fmt = kwargs.pop("_path"), kwargs.pop("_format")
            image = api.toimage(*args, **kwargs)
            if fmt is None:
                image.save(path)
            else:
                image.save(path, fmt)
            return None, None
        return getattr(api, function)(*args, **kwargs), None
    except Exception as error:  # the recorded outcome
        return None, error


def observe(result, error, args, store):
    """A JSON-able description of one outcome (arrays go to ``store``)."""
    from PIL import Image
    if error is not None:
        return {"kind": "error", "type": type(error).__name__,
                "mro": [cls.__name__ for cls in type(error).__mro__], "message": str(error)}
    if isinstance(result, np.ndarray):
        return {"kind": "array", "value": encode(result, store), "dtype": str(result.dtype),
                "shape": list(result.shape), "class": type(result).__name__,
                "same_object": bool(args) and result is args[0]}
    if isinstance(result, Image.Image):
        palette = result.getpalette() if result.mode in ("P", "PA") else None
        if palette is not None:
            palette = encode(np.array(palette, dtype=np.uint8), store)
        return {"kind": "image", "mode": result.mode, "size": list(result.size),
                "pixels": encode(np.frombuffer(result.tobytes(), dtype=np.uint8), store),
                "palette": palette}
    if result is None:
        return {"kind": "none"}
    if isinstance(result, (tuple, list)) or np.isscalar(result) or isinstance(result, str):
        return {"kind": "value", "value": encode(result if not isinstance(result, list) else tuple(result), store),
                "type": type(result).__name__}
    return {"kind": "other", "repr": repr(result)}


def decoded_file(path_or_bytes):
    """What today's Pillow decodes from a written file: format, mode, size, samples."""
    import io
    from PIL import Image
    source = io.BytesIO(path_or_bytes) if isinstance(path_or_bytes, bytes) else path_or_bytes
    with Image.open(source) as image:
        return image.format, image.mode, image.size, np.array(image)


def _without_addresses(text):
    return re.sub(r" at 0x[0-9A-Fa-f]+", " at 0x...", text)


def _array_differences(got, want, label):
    if type(got) is not type(want):
        return ["%s: %s instead of %s" % (label, type(got).__name__, type(want).__name__)]
    if isinstance(want, str):  # unconvertible values are compared by repr (memory addresses aside)
        same = _without_addresses(got) == _without_addresses(want)
        return [] if same else ["%s: %s instead of %s" % (label, got, want)]
    problems = []
    if isinstance(want, np.ma.MaskedArray):
        if not np.array_equal(np.ma.getmaskarray(got), np.ma.getmaskarray(want)):
            problems.append("%s: different mask" % label)
        got, want = got.data, want.data
    if got.dtype != want.dtype or got.shape != want.shape:
        return problems + ["%s: %s %s instead of %s %s" % (label, got.dtype, got.shape, want.dtype, want.shape)]
    if want.dtype.kind in "fc":
        equal = (got == want) | (np.isnan(got) & np.isnan(want))
    else:
        equal = got == want
    if not np.all(equal):
        diff = np.abs(got.astype(np.float64) - want.astype(np.float64)) if want.dtype.kind in "biuf" else None
        detail = "" if diff is None else ", max abs difference %g" % np.nanmax(np.where(equal, 0, diff))
        problems.append("%s: %d of %d values differ%s" % (label, np.size(equal) - np.count_nonzero(equal),
                                                          np.size(equal), detail))
    return problems


def compare_outcomes(got, got_arrays, want, want_arrays):
    """Differences between two observed outcomes, as readable strings (empty when identical).

    Errors match when ``want``'s exception type is ``got``'s type or one of its bases.
    """
    if got["kind"] != want["kind"]:
        return ["%s instead of %s (%s)" % (_summary(got), _summary(want), want.get("message", ""))]
    kind = want["kind"]
    if kind == "error":
        return [] if want["type"] in got["mro"] else ["%s instead of %s" % (got["type"], want["type"])]
    problems = []
    if kind == "array":
        for key in ("dtype", "shape", "class", "same_object"):
            if got[key] != want[key]:
                problems.append("%s %r instead of %r" % (key, got[key], want[key]))
        if not problems:
            problems += _array_differences(decode(got["value"], got_arrays), decode(want["value"], want_arrays),
                                           "values")
    elif kind == "value":
        problems += _value_differences(decode(got["value"], got_arrays), decode(want["value"], want_arrays))
    elif kind == "image":
        if (got["mode"], got["size"]) != (want["mode"], want["size"]):
            return ["image %s %s instead of %s %s" % (got["mode"], got["size"], want["mode"], want["size"])]
        problems += _array_differences(decode(got["pixels"], got_arrays), decode(want["pixels"], want_arrays),
                                       "pixels")
        if (got["palette"] is None) != (want["palette"] is None):
            problems.append("palette presence differs")
        elif want["palette"] is not None:
            problems += _array_differences(decode(got["palette"], got_arrays), decode(want["palette"], want_arrays),
                                           "palette")
    return problems


def _value_differences(got, want, label="value"):
    """Scalars, strings and tuples of arrays, compared exactly (NaN equal to NaN)."""
    if isinstance(want, tuple):
        if not isinstance(got, tuple) or len(got) != len(want):
            return ["%s: %r instead of %r" % (label, got, want)]
        problems = []
        for index, (g, w) in enumerate(zip(got, want)):
            problems += _value_differences(g, w, "%s[%d]" % (label, index))
        return problems
    if isinstance(want, str) or isinstance(got, str):
        return [] if got == want else ["%s: %r instead of %r" % (label, got, want)]
    got_array, want_array = np.asarray(got), np.asarray(want)
    if got_array.shape != want_array.shape:
        return ["%s: shape %s instead of %s" % (label, got_array.shape, want_array.shape)]
    if want_array.dtype.kind in "fc" and got_array.dtype.kind in "fc":
        equal = np.array_equal(got_array, want_array, equal_nan=True)
    else:
        equal = np.array_equal(got_array, want_array)
    return [] if equal else ["%s: %r instead of %r" % (label, got, want)]


def compare_written(got_payloads, want_payloads):
    """Differences between written files, both decoded by the installed Pillow."""
    if len(got_payloads) != len(want_payloads):
        return ["%d files written instead of %d" % (len(got_payloads), len(want_payloads))]
    problems = []
    for got, want in zip(got_payloads, want_payloads):
        if not want or not got:  # an empty file (a failed save): nothing to decode, compare the bytes
            if got != want:
                problems.append("file of %d bytes instead of %d" % (len(got), len(want)))
            continue
        got_file, want_file = decoded_file(got), decoded_file(want)
        if got_file[:3] != want_file[:3]:
            problems.append("file %s %s %s instead of %s %s %s" % (got_file[:3] + want_file[:3]))
        else:
            problems += _array_differences(got_file[3], want_file[3], "decoded file")
    return problems


def _summary(outcome):
    if outcome["kind"] == "error":
        return "%s" % outcome["type"]
    if outcome["kind"] == "array":
        return "array %s %s" % (outcome["dtype"], tuple(outcome["shape"]))
    return outcome["kind"]


def replay_case(module, case, arrays, files_dir, written_dir):
    """Run one recorded case against ``module``: (our outcome, what differs from the recording).

    Inputs come from ``files_dir``; the files the recording wrote are in ``written_dir`` and are
    compared by their decoded pixels.
    """
    import shutil
    import tempfile
    temp_dir = tempfile.mkdtemp()
    resolver = MarkerResolver(files_dir, temp_dir)
    try:
        try:
            args = [decode(a, arrays, resolver) for a in case["args"]]
            kwargs = {k: decode(v, arrays, resolver) for k, v in case["kwargs"].items()}
            result, error = call_case(module, case["function"], args, kwargs)
            store = ArrayStore("ours")
            outcome = observe(result, error, args, store)
        finally:
            resolver.close()  # flushes what the case wrote
        problems = compare_outcomes(outcome, store.arrays, case["outcome"], arrays)
        expected = []
        for name in case["outcome"]["written"]:
            with open(os.path.join(written_dir, name), "rb") as handle:
                expected.append(handle.read())
        problems += compare_written([data for _, data in output_payloads(resolver.outputs)], expected)
        return outcome, problems
    finally:
        shutil.rmtree(temp_dir, ignore_errors=True)
