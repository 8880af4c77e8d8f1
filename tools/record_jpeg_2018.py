"""Record a JPEG catalogue on the 2018 stack: what scipy 1.1.0 read from and wrote to JPEG files.

Usage (from the repository root; builds the 2018 venv of ``tools/record_legacy.py``)::

    python tools/record_jpeg_2018.py

On Python 3.7 + scipy 1.1.0 + numpy 1.15.4 + Pillow 5.3.0 (whose wheel bundles IJG libjpeg
9c) it writes ``tests/fixtures/jpeg_2018``:

- ``files/``: seeded JPEGs made by that Pillow: colour at 4:2:0, 4:2:2 and 4:4:4, progressive,
  optimised, gray, CMYK, qualities 50 to 95, odd sizes; and an edge sweep (1x1, single rows and
  columns, one short of and one past an MCU) at each subsampling;
- ``cases.json`` + ``arrays.npz``: ``scipy.misc.imread`` of each file with every ``mode``
  and with ``flatten=True`` (the array, or the exception type);
- ``written/``: the files ``scipy.misc.imsave`` and ``toimage(...).save`` wrote (compared by their
  decoded pixels): every size class, gray and colour, float input, each quality, subsampling,
  ``optimize``, ``progressive``, the modes JPEG holds (and the exception for those it does not).
"""

import os
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tools"))

import record_legacy  # noqa: E402

OUT = os.path.join(ROOT, "tests", "fixtures", "jpeg_2018")

WORKER = r"""
import json, os, sys, warnings
warnings.simplefilter("ignore")
import numpy as np, scipy, PIL
from PIL import Image
from scipy import misc
out = sys.argv[1]
rng = np.random.RandomState(2018)

def picture(height, width, channels):
    y, x = np.mgrid[0:height, 0:width]
    base = [(x * 255.0 / max(width - 1, 1)), (y * 255.0 / max(height - 1, 1)), ((x + y) * 7.0) % 256][:channels]
    noise = rng.randint(-40, 41, (height, width, channels))
    return np.clip(np.stack(base, axis=-1) + noise, 0, 255).astype(np.uint8)

files = {}
def save(name, array, mode, **params):
    image = Image.fromarray(array.reshape(array.shape[:2]) if mode == "L" else array, mode)
    image.save(os.path.join(out, "files", name), "JPEG", **params)
    files[name] = {"mode": mode, "size": list(image.size), "params": params}

for (height, width) in ((9, 13), (17, 33), (8, 8), (5, 7)):
    colour = picture(height, width, 3)
    tag = "%dx%d" % (width, height)
    save("rgb_420_q75_%s.jpg" % tag, colour, "RGB", quality=75, subsampling=2)
    save("rgb_422_q90_%s.jpg" % tag, colour, "RGB", quality=90, subsampling=1)
    save("rgb_444_q95_%s.jpg" % tag, colour, "RGB", quality=95, subsampling=0)
    save("rgb_420_q50_progressive_%s.jpg" % tag, colour, "RGB", quality=50, progressive=True)
    save("gray_q75_%s.jpg" % tag, picture(height, width, 1), "L", quality=75)
colour = picture(11, 19, 3)
save("rgb_420_q85_optimized_19x11.jpg", colour, "RGB", quality=85, optimize=True)
cmyk = np.concatenate([colour, picture(11, 19, 1)], axis=-1)
save("cmyk_q80_19x11.jpg", cmyk, "CMYK", quality=80)

# The decoder at the image edges, swept: single pixels, rows and columns, sizes one short of and
# one past an MCU, at each subsampling (fancy upsampling reaches past the edge there).
main_rng, rng = rng, np.random.RandomState(2020)  # its own stream: the cases below keep their inputs
edge_files = set()
for (height, width) in ((1, 1), (1, 17), (17, 1), (2, 3), (3, 2), (15, 16), (16, 15), (31, 47)):
    tag = "%dx%d" % (width, height)
    edge_colour = picture(height, width, 3)
    for label, subsampling in (("444", 0), ("422", 1), ("420", 2)):
        edge_files.add("edge_rgb_%s_%s.jpg" % (label, tag))
        save("edge_rgb_%s_%s.jpg" % (label, tag), edge_colour, "RGB", quality=75, subsampling=subsampling)
    edge_files.add("edge_gray_%s.jpg" % tag)
    save("edge_gray_%s.jpg" % tag, picture(height, width, 1), "L", quality=75)
rng = main_rng

cases, arrays = [], {}
modes = [None, "L", "P", "RGB", "RGBA", "CMYK", "YCbCr", "I", "F", "1", "LA"]
for name in sorted(files):
    for mode in ([None, "L", "RGB", "YCbCr"] if name in edge_files else modes):
        for flatten in (False, True):
            case_id = "imread/%s/%s/%s" % (name, mode, "flat" if flatten else "asis")
            try:
                value = misc.imread(os.path.join(out, "files", name), flatten=flatten, mode=mode)
                key = "a%d" % len(arrays)
                arrays[key] = value
                outcome = {"array": key, "dtype": value.dtype.str, "shape": list(value.shape)}
            except Exception as error:
                outcome = {"error": type(error).__name__, "message": str(error)[:200]}
            cases.append({"id": case_id, "function": "imread", "file": name, "mode": mode, "flatten": flatten,
                          "outcome": outcome})
saved = {"u8_rgb": picture(9, 13, 3), "u8_gray": picture(10, 6, 1)[..., 0],
         "f8_rgb": picture(7, 11, 3).astype(np.float64) / 3.0 - 20, "u8_rgb_odd": picture(17, 33, 3)}
for label, value in sorted(saved.items()):
    key = "a%d" % len(arrays)
    arrays[key] = value
    written = "imsave_%s.jpg" % label
    misc.imsave(os.path.join(out, "written", written), value)
    cases.append({"id": "imsave/%s" % label, "function": "imsave", "input": key, "written": written})

# The encoder, swept: imsave of every size class (1 pixel, single rows/columns, partial and whole
# 8x8 / 16x16 blocks), gray and colour, integer and float; toimage(...).save with each quality,
# subsampling, optimize and progressive; the modes a JPEG can hold and the ones it cannot.
rng = np.random.RandomState(2019)  # its own stream: the files above keep their bytes
def stored(value):
    key = "a%d" % len(arrays)
    arrays[key] = value
    return key

def record_write(case_id, function, value, written, toimage_kwargs=None, params=None):
    path = os.path.join(out, "written", written)
    case = {"id": case_id, "function": function, "input": stored(value), "toimage": toimage_kwargs or {},
            "params": params or {}}
    try:
        if function == "imsave":
            misc.imsave(path, value)
        else:
            misc.toimage(value, **case["toimage"]).save(path, **case["params"])
        case["written"] = written
    except Exception as error:
        case["outcome"] = {"error": type(error).__name__, "message": str(error)[:200]}
        if os.path.exists(path):
            os.remove(path)  # the empty file Pillow 5.3 left: tests/test_legacy_2018.py covers that
    cases.append(case)

sizes = [(1, 1), (1, 9), (9, 1), (2, 2), (5, 7), (8, 8), (8, 16), (16, 8), (9, 13), (15, 17), (16, 16),
         (17, 33), (31, 47), (48, 64)]
for height, width in sizes:
    for kind, channels in (("rgb", 3), ("gray", 1)):
        value = picture(height, width, channels)
        value = value[..., 0] if channels == 1 else value
        label = "sweep_u8_%s_%dx%d" % (kind, width, height)
        record_write("imsave/" + label, "imsave", value, "imsave_%s.jpg" % label)
for label, value in (("f4_gray", picture(13, 9, 1)[..., 0].astype(np.float32) * 0.5 + 3),
                     ("f8_rgb_negative", picture(10, 14, 3).astype(np.float64) - 300.0),
                     ("f8_constant", np.full((6, 5), 7.0)), ("i32_gray_wide", picture(9, 12, 1)[..., 0] * 1000),
                     ("u16_rgb", picture(8, 9, 3).astype(np.uint16) * 257)):
    record_write("imsave/sweep_" + label, "imsave", value, "imsave_sweep_%s.jpg" % label)
colour, gray = picture(19, 23, 3), picture(19, 23, 1)[..., 0]
for quality in (1, 5, 24, 25, 50, 75, 85, 95, 100):
    for kind, value in (("rgb", colour), ("gray", gray)):
        record_write("toimage_save/%s_q%d" % (kind, quality), "toimage_save", value,
                     "toimage_%s_q%d.jpg" % (kind, quality), params={"quality": quality})
for label, params in (("subsampling0", {"subsampling": 0}), ("subsampling1", {"subsampling": 1}),
                      ("subsampling2", {"subsampling": 2}), ("q90_subsampling0", {"quality": 90, "subsampling": 0}),
                      ("subsampling_444", {"subsampling": "4:4:4"}), ("subsampling_422", {"subsampling": "4:2:2"}),
                      ("subsampling_default", {"subsampling": -1}), ("optimize_false", {"optimize": False}),
                      ("optimize", {"optimize": True}), ("progressive", {"progressive": True}),
                      ("q60_progressive_optimize", {"quality": 60, "progressive": True, "optimize": True})):
    for kind, value in (("rgb", colour), ("gray", gray)):
        record_write("toimage_save/%s_%s" % (kind, label), "toimage_save", value, "toimage_%s_%s.jpg" % (kind, label),
                     params=params)
four = np.concatenate([colour, gray[..., None]], axis=-1)
for label, value, kwargs in (("ycbcr", colour, {"mode": "YCbCr"}), ("cmyk", four, {"mode": "CMYK"}),
                             ("mode_1", gray, {"mode": "1"}), ("mode_p", gray, {"mode": "P"}),
                             ("mode_p_rgb", colour, {"mode": "P"}), ("mode_i", gray, {"mode": "I"}),
                             ("mode_f", gray.astype(np.float32), {"mode": "F"}), ("rgba", four, {"mode": "RGBA"})):
    record_write("toimage_save/" + label, "toimage_save", value, "toimage_%s.jpg" % label, toimage_kwargs=kwargs)
np.savez_compressed(os.path.join(out, "arrays.npz"), **arrays)
with open(os.path.join(out, "cases.json"), "w") as handle:
    json.dump({"recorded_with": {"python": "%d.%d.%d" % sys.version_info[:3], "numpy": np.__version__,
                                 "pillow": PIL.__version__, "scipy": scipy.__version__},
               "files": files, "cases": cases}, handle, indent=0, sort_keys=True)
print(len(cases), "cases,", len(files), "files")
"""


def main():
    python = record_legacy.environment("2018")
    shutil.rmtree(OUT, ignore_errors=True)
    for sub in ("files", "written"):
        os.makedirs(os.path.join(OUT, sub))
    subprocess.run([python, "-c", WORKER, OUT], check=True)


if __name__ == "__main__":
    main()
