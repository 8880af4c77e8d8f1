"""Record how Pillow 5.3.0 (the 2018 stack) picked WEB palette colours, for reference 2018's RGB -> P.

Usage (from the repository root; builds the 2018 venv of ``tools/record_legacy.py``)::

    python tools/record_palette_2018.py

``convert('P')`` maps a colour to the palette entry Pillow's cache holds for its 4x4x4 cell
(measured: every colour of a cell gets the same entry, on every Pillow); Pillow < 9.2 filled
that cache with a bug (python-pillow/Pillow#6377), so 49,672 of the 262,144 cells differ from
later Pillow. This converts one colour per cell with ``dither=NONE`` on Pillow 5.3.0 and writes
the 262,144 entries and the WEB palette to ``scipy_misc_compat/data/web_palette_pillow_5_3.npz``
(package data, read by ``references._older_conversions``).
"""

import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tools"))

import record_legacy  # noqa: E402

OUT = os.path.join(ROOT, "scipy_misc_compat", "data", "web_palette_pillow_5_3.npz")

WORKER = r"""
import sys, numpy as np, PIL
from PIL import Image
assert PIL.__version__ == "5.3.0", PIL.__version__
red, green, blue = np.meshgrid(np.arange(64), np.arange(64), np.arange(64), indexing="ij")
for offset in (0, 3):  # every colour of a cell maps to the same entry
    cells = np.stack([4 * red + offset, 4 * green + offset, 4 * blue + offset], -1).reshape(512, 512, 3)
    image = Image.fromarray(cells.astype(np.uint8), "RGB").convert("P", dither=Image.NONE)
    entries = np.asarray(image).reshape(-1)
    if offset == 0:
        first = entries
    assert (entries == first).all()
palette = np.array(image.getpalette()[:768], dtype=np.uint8)
np.savez_compressed(sys.argv[1], cells=first.astype(np.uint8), palette=palette)
print("cells", first.size, "palette", palette.size)
"""


def main():
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    subprocess.run([record_legacy.environment("2018"), "-c", WORKER, OUT], check=True)


if __name__ == "__main__":
    main()
