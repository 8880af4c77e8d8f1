"""imresize (the whole legacy call, conversions included) against a Pillow's resize alone.

Usage::

    python benchmarks/bench_resize.py [--size 2048] [--repeat 5]
    python benchmarks/bench_resize.py --pillow-simd VENV [--rounds 3] [--loops avx2]
    python benchmarks/bench_resize.py --make-pillow-simd VENV

For 4-megapixel (SIZE x SIZE) gray and RGB uint8 images, every ``interp``, a downscale,
an upscale and two anisotropic resizes (one axis grows, the other shrinks): 32 cases. Each
prints ``imresize`` time over ``Image.fromarray(a).resize(...)``'s time (the Pillow call
alone; the image is built once, outside the timing), with the package on one thread and on
all the threads it uses (at most the CPUs available).

Against the installed Pillow (the default): targets (issue 11) <= 1.2 on one core, < 1.0
with two; the last line prints the worst ratio of each. The numbers the package computes are
Pillow 9.3.0's whatever Pillow is installed, so on Pillow 13 this compares different work for
anisotropic shrinks (Pillow 13 shrinks the height first, which is cheaper and gives other
numbers).

Against Pillow-SIMD (``--pillow-simd VENV``): Pillow-SIMD replaces Pillow, so it lives in a
venv of its own; ``benchmarks/pillow_timer.py`` times its ``resize`` there, case by case,
interleaved with the installed package's runs in ``--rounds`` rounds (each case's best over
all rounds). Its numbers differ from Pillow's (16-bit weights) and it runs the vertical pass
first when the height shrinks; ours keeps Pillow 9.3's bits. Targets (issue 21), one thread:
every case <= 1.5x Pillow-SIMD and the geometric mean <= 1.0; two threads faster again.
``--loops NAME`` runs the uint8 passes with other loops than the best the CPU has (``portable``,
``avx2``, ``avx512vnni``: whichever ``available_loops()`` lists), e.g. AVX2 alone as Pillow-SIMD.
Building it here (Debian: ``apt-get install libjpeg-dev zlib1g-dev`` first) is what
``--make-pillow-simd VENV`` does::

    python3 -m venv VENV
    VENV/bin/pip install numpy
    CC="cc -mavx2" VENV/bin/pip install --no-binary :all: Pillow-SIMD

Times are the best of ``--repeat`` runs; compare ratios, not milliseconds.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys

import numpy as np
import PIL
from PIL import Image

import installed  # noqa: E402  (benchmarks/installed.py: the installed package, kernels compiled or not)
from installed import best_time  # noqa: E402
from scipy_misc_compat import imresize  # noqa: E402
from scipy_misc_compat.pipeline import _engine, _resample

INTERPS = {"nearest": 0, "bilinear": 2, "bicubic": 3, "lanczos": 1}
IMAGES = (("gray", 0), ("RGB", 1))  # kind, seed
TIMER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pillow_timer.py")


def image_shape(kind, n):
    return (n, n) if kind == "gray" else (n, n, 3)


def make_arrays(n):
    """The test image of each kind: the same recipe as pillow_timer.py, so both sides resize the same pixels."""
    return {kind: np.random.RandomState(seed).randint(0, 256, image_shape(kind, n)).astype(np.uint8)
            for kind, seed in IMAGES}


def cases(n):
    """(kind, seed, interp, label, rows, columns) for the 32 cases."""
    geometries = (("down 2x", n // 2, n // 2), ("up 1.5x", n * 3 // 2, n * 3 // 2),
                  ("wider, shorter", n // 3, n * 3 // 2), ("taller, narrower", n * 3 // 2, n // 3))
    return [(kind, seed, interp, label, rows, columns) for kind, seed in IMAGES for interp in INTERPS
            for label, rows, columns in geometries]


def with_threads(count, function):
    saved = _engine.worker_count
    _engine.worker_count = lambda: count
    try:
        return function()
    finally:
        _engine.worker_count = saved


def time_ours(array, rows, columns, interp, threads, repeat):
    return with_threads(threads, lambda: best_time(lambda: imresize(array, (rows, columns), interp=interp), repeat))


def describe_kernels(threads):
    installed.describe()
    kernels = _resample._resample_kernels
    print("Pillow %s, numpy %s, compiled resample kernels: %s (%s), threads: %d" % (
        PIL.__version__, np.__version__, kernels is not None,
        kernels.instruction_set() if kernels is not None else "numpy only", threads))


def geometric_mean(values):
    return math.exp(sum(math.log(v) for v in values) / len(values))


def against_installed_pillow(args):
    n, threads = args.size, _engine.worker_count()
    describe_kernels(threads)
    print("%-5s %-9s %-17s %10s %10s %10s" % ("image", "interp", "rows x columns", "Pillow ms", "1 thread",
                                            "%d threads" % threads))
    worst = {1: 0.0, threads: 0.0}
    arrays = make_arrays(n)
    images = {kind: Image.fromarray(array) for kind, array in arrays.items()}
    for kind, _, interp, label, rows, columns in cases(n):
        array, image, resample = arrays[kind], images[kind], INTERPS[interp]
        pillow = best_time(lambda image=image, size=(columns, rows), resample=resample: image.resize(size, resample),
                           args.repeat)
        ratios = {count: time_ours(array, rows, columns, interp, count, args.repeat) / pillow
                  for count in (1, threads)}
        for count, ratio in ratios.items():
            worst[count] = max(worst[count], ratio)
        print("%-5s %-9s %-17s %10.1f %10.2f %10.2f   %s" % (kind, interp, "%dx%d" % (rows, columns),
                                                           pillow * 1e3, ratios[1], ratios[threads], label))
    print("worst ratio: 1 thread %.2f (target <= 1.2), %d threads %.2f (target < 1.0)" % (
        worst[1], threads, worst[threads]))


def venv_python(venv):
    for candidate in (os.path.join(venv, "bin", "python"), os.path.join(venv, "Scripts", "python.exe"), venv):
        if os.path.isfile(candidate):
            return candidate
    sys.exit("bench_resize: no Python in %s (make one with --make-pillow-simd %s)" % (venv, venv))


class PillowTimer:
    """pillow_timer.py running in another interpreter, one JSON line per request."""

    def __init__(self, python):
        self.process = subprocess.Popen([python, TIMER], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        universal_newlines=True)

    def ask(self, **request):
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            sys.exit("bench_resize: pillow_timer.py stopped (see its error above)")
        return json.loads(line)

    def close(self):
        self.process.stdin.close()
        self.process.wait()


def against_pillow_simd(args):
    n, threads = args.size, _engine.worker_count()
    timer = PillowTimer(venv_python(args.pillow_simd))
    other = timer.ask(describe=True)
    if other["distribution"] != "Pillow-SIMD":
        sys.exit("bench_resize: %s has %s %s, not Pillow-SIMD" % (args.pillow_simd, other["distribution"],
                                                                  other["pillow"]))
    describe_kernels(threads)
    print("against Pillow-SIMD %s (Python %s, one thread); best of %d runs in each of %d interleaved rounds" % (
        other["pillow"], other["python"], args.repeat, args.rounds))
    best = {}
    arrays = make_arrays(n)
    for _ in range(args.rounds):
        for case in cases(n):
            kind, seed, interp, label, rows, columns = case
            array = arrays[kind]
            simd = timer.ask(shape=list(image_shape(kind, n)), seed=seed, size=[columns, rows],
                             resample=INTERPS[interp], repeat=args.repeat)["seconds"]
            times = [simd] + [time_ours(array, rows, columns, interp, count, args.repeat) for count in (1, threads)]
            best[case] = [min(pair) for pair in zip(best.get(case, times), times)]
    timer.close()
    print("%-5s %-9s %-17s %-17s %9s %9s %9s %9s" % ("image", "interp", "rows x columns", "", "SIMD ms", "ours ms",
                                                    "1 thread", "%d threads" % threads))
    ratios = {1: [], threads: []}
    for case in cases(n):
        kind, seed, interp, label, rows, columns = case
        simd, one, many = best[case]
        ratios[1].append(one / simd)
        ratios[threads].append(many / simd)
        print("%-5s %-9s %-17s %-17s %9.1f %9.1f %9.2f %9.2f" % (kind, interp, "%dx%d" % (rows, columns), label,
                                                              simd * 1e3, one * 1e3, one / simd, many / simd))
    for count in sorted(set(ratios)):
        print("%d thread(s): worst %.2f, geometric mean %.2f" % (count, max(ratios[count]),
                                                                  geometric_mean(ratios[count])))
    print("targets, one thread: every case <= 1.5, geometric mean <= 1.0; %d threads faster again" % threads)


def make_pillow_simd(venv):
    """Build Pillow-SIMD from its sdist into a new venv (needs libjpeg and zlib headers, and a C compiler)."""
    subprocess.check_call([sys.executable, "-m", "venv", venv])
    python = venv_python(venv)
    subprocess.check_call([python, "-m", "pip", "install", "numpy"])
    environment = dict(os.environ, CC="cc -mavx2")
    subprocess.check_call([python, "-m", "pip", "install", "--no-binary", ":all:", "Pillow-SIMD"], env=environment)
    print("Pillow-SIMD is in %s: python benchmarks/bench_resize.py --pillow-simd %s" % (venv, venv))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=2048)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--pillow-simd", metavar="VENV", help="time Pillow-SIMD installed in this venv instead")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds against Pillow-SIMD")
    parser.add_argument("--make-pillow-simd", metavar="VENV", help="build Pillow-SIMD into a new venv and stop")
    parser.add_argument("--loops", help="the uint8 passes' loops to run (default: the best this CPU has)")
    args = parser.parse_args()
    if args.loops:
        if _resample._resample_kernels is None:
            sys.exit("bench_resize: --loops needs the compiled kernels")
        _resample._resample_kernels.use_loops(args.loops)
    if args.make_pillow_simd:
        make_pillow_simd(args.make_pillow_simd)
    elif args.pillow_simd:
        against_pillow_simd(args)
    else:
        against_installed_pillow(args)


if __name__ == "__main__":
    main()
