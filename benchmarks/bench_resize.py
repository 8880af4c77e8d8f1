"""imresize (the whole legacy call, conversions included) against the installed Pillow's resize.

Usage::

    python benchmarks/bench_resize.py [--size 2048] [--repeat 5]

For 4-megapixel (SIZE x SIZE) gray and RGB uint8 images, every ``interp``, a downscale,
an upscale and two anisotropic resizes (one axis grows, the other shrinks), it prints
``imresize`` time over ``Image.fromarray(a).resize(...)``'s time (the Pillow call
alone; the image is built once, outside the timing), with the package on one thread and
on all the threads it uses (at most the CPUs available). Targets (issue 11): <= 1.2 on
one core, < 1.0 with two; the last line prints the worst ratio of each. The numbers the
package computes are Pillow 9.3.0's whatever Pillow is installed, so on Pillow 13 this
compares different work for anisotropic shrinks (Pillow 13 shrinks the height first,
which is cheaper and gives other numbers).

Times are the best of ``--repeat`` runs in one process; compare ratios, not milliseconds.
"""

from __future__ import annotations

import argparse

import numpy as np
import PIL
from PIL import Image

import installed  # noqa: E402  (benchmarks/installed.py: the installed package, kernels compiled or not)
from installed import best_time  # noqa: E402
from scipy_misc_compat import imresize  # noqa: E402
from scipy_misc_compat.pipeline import _engine, _resample

INTERPS = {"nearest": 0, "bilinear": 2, "bicubic": 3, "lanczos": 1}



def with_threads(count, function):
    saved = _engine.worker_count
    _engine.worker_count = lambda: count
    try:
        return function()
    finally:
        _engine.worker_count = saved


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=2048)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    installed.describe()
    n = args.size
    threads = _engine.worker_count()
    print("Pillow %s, numpy %s, compiled resample kernels: %s, threads: %d" % (
        PIL.__version__, np.__version__, _resample._resample_kernels is not None, threads))
    rng = np.random.RandomState(0)
    geometries = {"down 2x": (n // 2, n // 2), "up 1.5x": (n * 3 // 2, n * 3 // 2),
                  "wider, shorter": (n // 3, n * 3 // 2), "taller, narrower": (n * 3 // 2, n // 3)}
    print("%-5s %-9s %-17s %10s %10s %10s" % ("image", "interp", "rows x columns", "Pillow ms", "1 thread",
                                            "%d threads" % threads))
    worst = {1: 0.0, threads: 0.0}
    for name, shape in (("gray", (n, n)), ("RGB", (n, n, 3))):
        array = rng.randint(0, 256, shape).astype(np.uint8)
        image = Image.fromarray(array)
        for interp, resample in INTERPS.items():
            for label, (rows, columns) in geometries.items():
                size = (columns, rows)
                pillow = best_time(lambda image=image, size=size, resample=resample: image.resize(size, resample),
                              args.repeat)
                ratios = {}
                for count in (1, threads):
                    def call(array=array, shape=(rows, columns), interp=interp):
                        return imresize(array, shape, interp=interp)
                    ours = with_threads(count, lambda call=call: best_time(call, args.repeat))
                    ratios[count] = ours / pillow
                    worst[count] = max(worst[count], ratios[count])
                print("%-5s %-9s %-17s %10.1f %10.2f %10.2f   %s" % (name, interp, "%dx%d" % (rows, columns),
                                                                   pillow * 1e3, ratios[1], ratios[threads], label))
    print("worst ratio: 1 thread %.2f (target <= 1.2), %d threads %.2f (target < 1.0)" % (
        worst[1], threads, worst[threads]))


if __name__ == "__main__":
    main()
