"""Hostile-file corpus for ``imread``: derive malformed files from valid ones and read them all.

Usage::

    python tools/fuzz_imread.py [--count 5000] [--seed 0] [--keep DIR]

Valid files of every mode the package writes (legacy ``imsave`` to PNG, BMP, TIFF,
GIF, JPEG; ``toimage(mode='I')`` PNG; ``exact=True`` PNG 1/8/16-bit gray and 16-bit
RGB(A), TIFF of several dtypes, BMP) are mutated: truncated at many offsets, bits
flipped, PNG chunks zeroed, duplicated or given wrong CRCs, headers made to declare
huge sizes, files emptied or given the wrong extension. Each file is read with
``imread`` and ``imread(..., exact=True)`` in a worker process; the parent counts
arrays returned, errors by type, crashes (the worker died) and hangs (no answer
within the time limit). An error is acceptable when it is an ``OSError`` or a
``ValueError`` whose message names the file.

Prints the counts; exits 1 if anything was not acceptable. ``tests/test_hostile_files.py``
runs a few hundred files in CI.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import queue
import random
import shutil
import struct
import subprocess
import sys
import tempfile
import threading
import time
import zlib

import numpy as np

HANG_SECONDS = 10.0


# --- the corpus ------------------------------------------------------------------------------

def seed_files(directory):
    """Valid files written by this package; returns their paths."""
    from scipy_misc_compat import imsave, toimage
    rng = np.random.default_rng(0)
    gray = rng.integers(0, 256, (12, 17)).astype(np.uint8)
    rgb = rng.integers(0, 256, (12, 17, 3)).astype(np.uint8)
    rgba = rng.integers(0, 256, (12, 17, 4)).astype(np.uint8)
    paths = []

    def save(name, array, **options):
        path = os.path.join(directory, name)
        imsave(path, array, **options)
        paths.append(path)

    for extension in ("png", "bmp", "tif", "gif", "jpg"):
        save("gray." + extension, gray)
        save("rgb." + extension, rgb)
    save("rgba.png", rgba)
    save("rgba.tif", rgba)
    path = os.path.join(directory, "mode_i.png")
    toimage(gray.astype(np.int32) * 200, high=51000, low=0, mode="I").save(path)
    paths.append(path)
    save("exact_bool.png", gray > 128, exact=True)
    save("exact_u16.png", gray.astype(np.uint16) * 257, exact=True)
    save("exact_i32.png", gray.astype(np.int32) * 200, exact=True)
    save("exact_rgb16.png", rgb.astype(np.uint16) * 257, exact=True)
    save("exact_rgba16.png", rgba.astype(np.uint16) * 257, exact=True)
    save("exact_f32.tif", rng.standard_normal((12, 17)).astype(np.float32), exact=True)
    save("exact_i16.tif", rng.integers(-30000, 30000, (12, 17, 3)).astype(np.int16), exact=True)
    save("exact_gray.bmp", gray, exact=True)
    return paths


def png_chunks(data):
    """(offset, length, type) of each chunk of a PNG."""
    chunks, offset = [], 8
    while offset + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[offset:offset + 8])
        chunks.append((offset, length, kind))
        offset += 12 + length
    return chunks


def with_crc(kind, content):
    return struct.pack(">I", len(content)) + kind + content + struct.pack(">I", zlib.crc32(kind + content) & 0xFFFFFFFF)


def mutations(name, data, rng):
    """(label, bytes) pairs derived from one valid file."""
    size = len(data)
    for cut in sorted(set([0, 1, 4, 8, 12, 16, 24, 33, 50, size // 3, size // 2, size - 12, size - 1]
                          + [rng.randrange(size) for _ in range(6)])):
        if 0 <= cut < size:
            yield "truncated@%d" % cut, data[:cut]
    for _ in range(10):
        flipped = bytearray(data)
        for _ in range(rng.choice([1, 1, 2, 8])):
            position = rng.randrange(size)
            flipped[position] ^= 1 << rng.randrange(8)
        yield "bitflip", bytes(flipped)
    header = bytearray(data)
    for position in range(min(64, size)):
        if rng.random() < 0.3:
            header[position] = rng.randrange(256)
    yield "header_noise", bytes(header)
    yield "empty", b""
    yield "doubled", data + data
    yield "zeros", bytes(size)
    if data.startswith(b"\x89PNG"):
        yield from png_mutations(data, rng)
    if data[:2] == b"BM" and size > 26:
        huge = bytearray(data)
        huge[18:26] = struct.pack("<ii", 2 ** 30, 2 ** 30)
        yield "bmp_huge", bytes(huge)
    if data[:4] in (b"II*\x00", b"MM\x00*"):
        yield "tiff_huge_offsets", data[:4] + struct.pack("<I" if data[:2] == b"II" else ">I", 2 ** 31) + data[8:]
    if data[:3] == b"GIF" and size > 10:
        huge = bytearray(data)
        huge[6:10] = struct.pack("<HH", 65535, 65535)
        yield "gif_huge", bytes(huge)


def png_mutations(data, rng):
    chunks = png_chunks(data)
    for offset, length, kind in chunks:
        zeroed = bytearray(data)
        zeroed[offset + 8:offset + 8 + length] = bytes(length)
        yield "zeroed_%s" % kind.decode("latin-1"), bytes(zeroed)
        wrong_crc = bytearray(data)
        crc_at = offset + 8 + length
        wrong_crc[crc_at:crc_at + 4] = bytes(4)
        yield "crc_%s" % kind.decode("latin-1"), bytes(wrong_crc)
        chunk = data[offset:offset + 12 + length]
        yield "duplicated_%s" % kind.decode("latin-1"), data[:offset] + chunk + data[offset:]
    ihdr_offset, _, _ = chunks[0]
    ihdr = bytearray(data[ihdr_offset + 8:ihdr_offset + 8 + 13])
    for width, height in ((2 ** 31 - 1, 2 ** 31 - 1), (100000, 100000), (0, 5), (1, 2 ** 30)):
        ihdr[0:8] = struct.pack(">II", width, height)
        yield "png_size_%dx%d" % (width, height), data[:8] + with_crc(b"IHDR", bytes(ihdr)) + data[ihdr_offset + 25:]
    for depth, colour in ((16, 3), (3, 0), (8, 7), (1, 2)):
        bad = bytearray(data[ihdr_offset + 8:ihdr_offset + 8 + 13])
        bad[8], bad[9] = depth, colour
        yield "png_header_%d_%d" % (depth, colour), data[:8] + with_crc(b"IHDR", bytes(bad)) + data[ihdr_offset + 25:]


def build_corpus(directory, count, seed):
    """Write about ``count`` files (valid seeds included) into ``directory``; returns their paths."""
    rng = random.Random(seed)
    seeds_dir = os.path.join(directory, "seeds")
    os.makedirs(seeds_dir)
    seeds = seed_files(seeds_dir)
    candidates = []
    for path in seeds:
        with open(path, "rb") as handle:
            data = handle.read()
        base = os.path.basename(path)
        for label, mutated in mutations(base, data, rng):
            candidates.append((base, label, mutated))
    rng.shuffle(candidates)
    extensions = [".png", ".jpg", ".tif", ".bmp", ".gif", ".txt", ""]
    paths = list(seeds)
    while len(paths) < count and candidates:
        base, label, mutated = candidates.pop()
        stem, extension = os.path.splitext(base)
        if rng.random() < 0.1:
            extension = rng.choice(extensions)  # the wrong extension: readers go by content
        path = os.path.join(directory, "%05d_%s_%s%s" % (len(paths), stem, label, extension))
        with open(path, "wb") as handle:
            handle.write(mutated)
        paths.append(path)
    while len(paths) < count:  # more random bit flips of the seeds
        source = rng.choice(seeds)
        with open(source, "rb") as handle:
            data = bytearray(handle.read())
        for _ in range(rng.randrange(1, 6)):
            position = rng.randrange(len(data))
            data[position] ^= 1 << rng.randrange(8)
        path = os.path.join(directory, "%05d_random%s" % (len(paths), os.path.splitext(source)[1]))
        with open(path, "wb") as handle:
            handle.write(bytes(data))
        paths.append(path)
    return paths


# --- reading, in a worker process ------------------------------------------------------------

def classify(path):
    """What imread (legacy and exact) made of one file, as JSON-able records."""
    import warnings
    from scipy_misc_compat import imread
    records = []
    for exact in (False, True):
        start = time.perf_counter()
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # Pillow's DecompressionBombWarning etc.: not the question here
                array = imread(path, exact=exact)
            outcome = {"kind": "array", "dtype": str(array.dtype)}
        except Exception as error:  # the classification is the point
            outcome = {"kind": "error", "type": type(error).__name__,
                       "acceptable": isinstance(error, (OSError, ValueError)),
                       "names_file": os.path.basename(path) in str(error)}
        outcome.update(exact=exact, seconds=time.perf_counter() - start)
        records.append(outcome)
    return records


def worker(paths_file):
    with open(paths_file) as handle:
        paths = [line.rstrip("\n") for line in handle]
    for path in paths:
        print(json.dumps({"path": path, "records": classify(path)}), flush=True)


def run_all(paths, hang_seconds=HANG_SECONDS):
    """Read every path in worker processes; returns (per-file results, crashes, hangs)."""
    results, crashes, hangs = {}, [], []
    pending = list(paths)
    while pending:
        handle, paths_file = tempfile.mkstemp(suffix=".txt")
        with os.fdopen(handle, "w") as listing:
            listing.write("\n".join(pending) + "\n")
        process = subprocess.Popen([sys.executable, os.path.abspath(__file__), "--worker", paths_file],
                                   stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        lines: "queue.Queue" = queue.Queue()
        threading.Thread(target=lambda lines=lines, process=process: [lines.put(line) for line in process.stdout]
                         + [lines.put(None)], daemon=True).start()
        done = 0
        while True:
            try:
                line = lines.get(timeout=hang_seconds)
            except queue.Empty:
                process.kill()
                hangs.append(pending[done])
                done += 1
                break
            if line is None:
                process.wait()
                if done < len(pending):
                    crashes.append((pending[done], process.returncode))
                    done += 1
                break
            record = json.loads(line)
            results[record["path"]] = record["records"]
            done += 1
        process.wait()
        process.stdout.close()
        os.remove(paths_file)
        pending = pending[done:]
    return results, crashes, hangs


def summarize(results, crashes, hangs):
    counts = collections.Counter()
    problems = []
    for path, records in results.items():
        for record in records:
            mode = "exact" if record["exact"] else "legacy"
            if record["kind"] == "array":
                counts["%s: array" % mode] += 1
            else:
                counts["%s: %s" % (mode, record["type"])] += 1
                if not (record["acceptable"] and record["names_file"]):
                    problems.append("%s (%s): %s%s" % (path, mode, record["type"],
                                                       "" if record["names_file"] else ", file not named"))
            if record["seconds"] > HANG_SECONDS / 2:
                problems.append("%s (%s): took %.1f s" % (path, mode, record["seconds"]))
    return counts, problems + ["crash: %s (exit %s)" % crash for crash in crashes] + ["hang: %s" % h for h in hangs]


def fuzz(count, seed=0, keep=None):
    directory = keep or tempfile.mkdtemp(prefix="imread-corpus-")
    try:
        paths = build_corpus(directory, count, seed)
        results, crashes, hangs = run_all(paths)
        counts, problems = summarize(results, crashes, hangs)
        return {"files": len(paths), "counts": counts, "crashes": len(crashes), "hangs": len(hangs),
                "problems": problems}
    finally:
        if keep is None:
            shutil.rmtree(directory, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--keep", help="write the corpus here and keep it")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker)
        return 0
    report = fuzz(args.count, args.seed, args.keep)
    print("files tried: %d (each read twice: legacy and exact=True)" % report["files"])
    for key, value in sorted(report["counts"].items()):
        print("  %-40s %d" % (key, value))
    print("crashes: %d\nhangs: %d\nunacceptable outcomes: %d" % (report["crashes"], report["hangs"],
                                                               len(report["problems"])))
    for problem in report["problems"][:30]:
        print("  " + problem)
    return 1 if report["problems"] else 0


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    sys.exit(main())
