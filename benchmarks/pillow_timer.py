"""Times ``Image.resize`` in another Python (Pillow-SIMD's venv) for ``bench_resize.py --pillow-simd``.

Run by the benchmark with that venv's interpreter; imports only numpy and PIL. Reads one JSON
request per line on stdin and answers one JSON line on stdout:

- ``{"describe": true}`` -> ``{"pillow": version, "distribution": name, "python": version}``
- ``{"shape": [rows, columns(, bands)], "seed": n, "size": [width, height], "resample": r,
  "repeat": k}`` -> ``{"seconds": best of k}``; the image (uniform random uint8 from
  ``numpy.random.RandomState(seed)``, as ``bench_resize.py`` makes it) is built once, untimed.
"""

import json
import platform
import sys
import time

import numpy as np
import PIL
from PIL import Image

try:
    from importlib import metadata
except ImportError:  # Python < 3.8
    metadata = None  # type: ignore[assignment]


def distribution():
    if metadata is None:
        return "unknown"
    for name in ("Pillow-SIMD", "Pillow"):
        try:
            metadata.distribution(name)
            return name
        except metadata.PackageNotFoundError:
            continue
    return "unknown"


def main():
    images = {}
    for line in sys.stdin:
        request = json.loads(line)
        if request.get("describe"):
            answer = {"pillow": PIL.__version__, "distribution": distribution(), "python": platform.python_version()}
        else:
            key = (tuple(request["shape"]), request["seed"])
            if key not in images:
                array = np.random.RandomState(request["seed"]).randint(0, 256, key[0]).astype(np.uint8)
                images[key] = Image.fromarray(array)
            image, size, resample = images[key], tuple(request["size"]), request["resample"]
            best = float("inf")
            for _ in range(request["repeat"]):
                start = time.perf_counter()
                image.resize(size, resample)
                best = min(best, time.perf_counter() - start)
            answer = {"seconds": best}
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
