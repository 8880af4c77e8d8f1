"""Speed and memory of the legacy paths, as ratios against baselines measured in the same run.

Usage::

    python benchmarks/bench.py [--size 4096] [--repeat 5] [--quick]

For each target it prints the measured ratio and whether it meets the target:

- bytescale on SIZE x SIZE float64/float32/uint16/int32, defaults and with
  cmin/cmax/high/low: speed-up over the legacy formula evaluated with plain numpy
  (target >= 3), time over the floor = one min+max pass plus one cast pass
  (target <= 1.5), peak extra memory over the uint8 output (tracemalloc, <= 1.1);
- toimage(mode='I') and imsave of a float64 image: peak extra memory over the input
  size (imsave target < 1.5);
- imread/imsave of a 4-megapixel RGB image: time over Pillow doing the same work
  directly (target <= 1.05).

Times are the best of ``--repeat`` runs; everything is measured in one process, so
the ratios, not the milliseconds, are what to compare between machines.
"""

from __future__ import annotations

import argparse
import os
import platform
import tempfile
import tracemalloc

import numpy as np
from PIL import Image

import installed  # noqa: E402  (benchmarks/installed.py: the installed package, kernels compiled or not)
from installed import best_time  # noqa: E402
import scipy_misc_compat  # noqa: E402
from scipy_misc_compat import bytescale, imread, imsave, toimage  # noqa: E402
from scipy_misc_compat.pipeline import _engine



def peak_memory(function):
    """Peak bytes allocated (tracemalloc sees numpy's allocations) while ``function`` runs."""
    tracemalloc.start()
    tracemalloc.reset_peak()
    try:
        function()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def legacy_formula(data, cmin=None, cmax=None, high=255, low=0):
    """scipy 1.1.0's formula written plainly, as a user would (the speed baseline)."""
    cmin = data.min() if cmin is None else cmin
    cmax = data.max() if cmax is None else cmax
    scale = float(high - low) / ((cmax - cmin) or 1)
    return (((data - cmin) * scale + low).clip(low, high) + 0.5).astype(np.uint8)


def floor(data):
    """The least any bytescale must do: find min and max, and write one uint8 per pixel."""
    data.min(), data.max()
    return data.astype(np.uint8)


def test_images(size):
    rng = np.random.default_rng(0)
    return {
        "float64": rng.standard_normal((size, size)) * 100,
        "float32": (rng.standard_normal((size, size)) * 100).astype(np.float32),
        "uint16": rng.integers(0, 65536, (size, size)).astype(np.uint16),
        "int32": rng.integers(-50000, 50000, (size, size)).astype(np.int32),
    }


def choose_kernel(name):
    """Select a compiled kernel level (``_kernels.levels()``) or none; return a description."""
    if _engine._kernels is None:
        return "not built (numpy alone)"
    levels = _engine._kernels.levels()
    if name == "none":
        _engine._kernels = None
        return "switched off (numpy alone); built: %s" % ", ".join(levels)
    if name != "best":
        _engine._kernels.set_level(name)
    else:
        name = levels[-1]
    return "%s (built: %s)" % (name, ", ".join(levels))


def verdict(value, limit, larger_is_better=False):
    ok = value >= limit if larger_is_better else value <= limit
    return "ok " if ok else "MISS"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=4096)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="512x512 images, 2 repeats (a smoke test)")
    parser.add_argument("--kernel", default="best",
                        help="compiled kernel level to use (see the header line), or 'none' for numpy alone")
    args = parser.parse_args()
    installed.describe()
    if args.quick:
        args.size, args.repeat = 512, 2
    print("scipy-misc-compat %s | Python %s | numpy %s | Pillow %s | %s | %d CPUs, %d worker threads | kernel %s" % (
        scipy_misc_compat.__version__, platform.python_version(), np.__version__, Image.__version__,
        platform.machine(), os.cpu_count() or 1, _engine.worker_count(), choose_kernel(args.kernel)))
    print("\nbytescale, %dx%d: speed-up vs legacy formula (>= 3), time / floor (<= 1.5), "
          "peak memory / uint8 output (<= 1.1)" % (args.size, args.size))
    rows = []
    for name, data in test_images(args.size).items():
        with_arguments = {"cmin": data.min() / 2 + data.max() / 4, "cmax": data.max() * 0.9, "high": 250, "low": 5}
        for label, kwargs in (("defaults", {}), ("cmin/cmax/high/low", with_arguments)):
            ours = best_time(lambda data=data, kwargs=kwargs: bytescale(data, **kwargs), args.repeat)
            legacy = best_time(lambda data=data, kwargs=kwargs: legacy_formula(data, **kwargs), args.repeat)
            lowest = best_time(lambda data=data: floor(data), args.repeat)
            memory = peak_memory(lambda data=data, kwargs=kwargs: bytescale(data, **kwargs)) / float(data.size)
            rows.append((name, label, legacy / ours, ours / lowest, memory))
            print("  %-8s %-19s %6.1f ms | x%5.2f %s | %5.2f %s | %5.2f %s" % (
                name, label, ours * 1e3, legacy / ours, verdict(legacy / ours, 3, True), ours / lowest,
                verdict(ours / lowest, 1.5), memory, verdict(memory, 1.1)))

    print("\nother legacy paths, %dx%d float64 input: peak extra memory / input size" % (args.size, args.size))
    image = test_images(args.size)["float64"]
    directory = tempfile.mkdtemp()
    path = os.path.join(directory, "x.png")
    for label, function, limit in (
            ("toimage(mode='I')", lambda: toimage(image, mode="I"), None),
            ("toimage()", lambda: toimage(image), None),
            ("imsave(.png)", lambda: imsave(path, image), 1.5)):
        ratio = peak_memory(function) / float(image.nbytes)
        print("  %-20s %5.2f %s" % (label, ratio, verdict(ratio, limit) if limit else ""))

    print("\nimread/imsave of a 4-megapixel RGB PNG: time / Pillow directly (<= 1.05)")
    rgb = np.random.default_rng(1).integers(0, 256, (1536, 2731, 3)).astype(np.uint8)  # about 4.2 MP
    Image.fromarray(rgb).save(path)
    encoded = open(path, "rb").read()

    def pillow_read():
        with Image.open(path) as opened:
            return np.array(opened)

    def pillow_write():
        Image.fromarray(rgb).save(os.path.join(directory, "pillow.png"))

    repeat = max(3, args.repeat)
    for label, ours, theirs in (("imread", lambda: imread(path), pillow_read),
                                ("imsave", lambda: imsave(os.path.join(directory, "ours.png"), rgb), pillow_write)):
        ratio = best_time(ours, repeat) / best_time(theirs, repeat)
        print("  %-8s %5.3f %s" % (label, ratio, verdict(ratio, 1.05)))
    del encoded
    speedups = [row[2] for row in rows]
    print("\nsummary: speed-up vs legacy %.1f..%.1f, time/floor %.2f..%.2f, memory/output %.2f..%.2f" % (
        min(speedups), max(speedups), min(r[3] for r in rows), max(r[3] for r in rows),
        min(r[4] for r in rows), max(r[4] for r in rows)))


if __name__ == "__main__":
    main()
