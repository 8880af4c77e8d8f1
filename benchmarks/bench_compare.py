"""``compare`` on a regression tree against the loop a user would write, as ratios measured in one run.

Usage::

    python benchmarks/bench_compare.py [--pairs 2000] [--differing 5] [--size 256] [--repeat 3]

Makes two trees of PAIRS 256x256 RGB PNGs (seeded, each image different) in which DIFFERING
pairs differ by one pixel and the others are byte-identical, then times (best of REPEAT):

- the naive serial loop: ``PIL.Image.open`` both files, ``numpy.array_equal`` (the baseline);
- ``scipy-misc-compat compare --jobs 1`` and ``--jobs 2`` (the command, process start included).

Target (issue #20): ``--jobs 1`` at most 0.5x the naive loop, ``--jobs 2`` faster again.
Identical files are settled without decoding, so with 5 differing pairs the work to share is
the byte comparisons; ``--heavy N`` adds a second tree where N pairs differ and are decoded.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile

import numpy as np
from PIL import Image

import installed  # noqa: E402  (benchmarks/installed.py: the installed package, kernels compiled or not)
from installed import best_time  # noqa: E402


def make_trees(root: str, pairs: int, differing: int, size: int) -> None:
    rng = np.random.RandomState(20)
    changed = set(rng.choice(pairs, differing, replace=False).tolist())
    base = rng.randint(0, 256, (size, size, 3)).astype(np.uint8)
    for side in ("golden", "new"):
        os.makedirs(os.path.join(root, side, "batch"))
    for index in range(pairs):
        picture = np.roll(base, index, axis=1)  # every image different, cheap to make
        name = os.path.join("batch", "frame_%05d.png" % index)
        Image.fromarray(picture).save(os.path.join(root, "golden", name))
        if index in changed:
            picture = picture.copy()
            picture[index % size, 7] ^= 1
            Image.fromarray(picture).save(os.path.join(root, "new", name))
        else:
            shutil.copyfile(os.path.join(root, "golden", name), os.path.join(root, "new", name))


def naive_loop(root: str) -> int:
    different = 0
    for folder, _, files in os.walk(os.path.join(root, "golden")):
        for name in files:
            golden = os.path.join(folder, name)
            new = os.path.join(root, "new", os.path.relpath(golden, os.path.join(root, "golden")))
            with Image.open(golden) as a, Image.open(new) as b:
                different += not np.array_equal(np.asarray(a), np.asarray(b))
    return different


def command(root: str, jobs: int) -> int:
    completed = subprocess.run([sys.executable, "-m", "scipy_misc_compat", "compare", "--failures-only", "--jobs",
                                str(jobs), os.path.join(root, "golden"), os.path.join(root, "new")],
                               capture_output=True, text=True)
    return completed.stdout.count("\nDIFFERENT") + completed.stdout.startswith("DIFFERENT")



def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=int, default=2000)
    parser.add_argument("--differing", type=int, default=5)
    parser.add_argument("--size", type=int, default=256)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--heavy", type=int, default=400, help="differing pairs of the second tree (0: none)")
    args = parser.parse_args()
    installed.describe()
    scenario(args.pairs, args.differing, args.size, args.repeat, targets=True)
    if args.heavy:
        scenario(args.pairs, args.heavy, args.size, args.repeat, targets=False)


def scenario(pairs: int, differing: int, size: int, repeat: int, targets: bool) -> None:
    with tempfile.TemporaryDirectory() as root:
        make_trees(root, pairs, differing, size)
        assert naive_loop(root) == command(root, 1) == command(root, 2) == differing
        naive = best_time(lambda: naive_loop(root), repeat)
        one = best_time(lambda: command(root, 1), repeat)
        two = best_time(lambda: command(root, 2), repeat)
    print("%d pairs of %dx%d RGB PNG, %d differing; best of %d" % (pairs, size, size, differing, repeat))
    print("naive serial loop (Image.open + array_equal): %.2f s (baseline)" % naive)
    if targets:
        verdict = "ok" if one / naive <= 0.5 else "MISSED"
        print("compare --jobs 1: %.2f s = %.2fx the naive loop (target <= 0.5): %s" % (one, one / naive, verdict))
        print("compare --jobs 2: %.2f s = %.2fx the naive loop, %.2fx --jobs 1 (target < 1): %s" % (
            two, two / naive, two / one, "ok" if two < one else "MISSED"))
    else:  # every differing pair is decoded and measured: the second process's share
        print("compare --jobs 1: %.2f s = %.2fx the naive loop" % (one, one / naive))
        print("compare --jobs 2: %.2f s = %.2fx the naive loop, %.2fx --jobs 1" % (two, two / naive, two / one))


if __name__ == "__main__":
    main()
