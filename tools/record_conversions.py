"""Record which ``Image.convert`` mode pairs every Pillow minor release 4.0-9.3 refused.

Usage (from the repository root; builds the venvs of ``tools/record_legacy.py``)::

    python tools/record_conversions.py   # -> tests/fixtures/eras/conversions.json

Converts a new 3x2 image of every mode to every mode on each minor's wheels and writes the
outcome of each pair ("ok", or the exception's type), per minor. ``tests/test_eras.py`` checks
that every reference refuses exactly the pairs its Pillow refused.
"""

import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tools"))

import record_legacy  # noqa: E402

MODES = ["1", "L", "P", "RGB", "RGBA", "RGBX", "CMYK", "YCbCr", "LAB", "HSV", "I", "F", "LA", "La", "RGBa", "PA",
         "I;16", "I;16L", "I;16B", "I;16N"]

WORKER = r"""
import json, sys, warnings
import numpy as np, PIL
from PIL import Image
warnings.simplefilter("ignore")
modes = json.loads(sys.argv[2])
outcomes = {}
for source in modes:
    for target in modes:
        try:
            Image.new(source, (3, 2)).convert(target)
            outcomes[source + ">" + target] = "ok"
        except Exception as error:
            outcomes[source + ">" + target] = type(error).__name__
with open(sys.argv[1], "w") as handle:
    json.dump({"recorded_with": {"python": sys.version.split()[0], "numpy": np.__version__,
                                 "pillow": PIL.__version__}, "outcomes": outcomes}, handle, indent=0, sort_keys=True)
print(len(outcomes), "pairs,", sum(v != "ok" for v in outcomes.values()), "refused")
"""


def main():
    import json
    import tempfile
    recorded = {}
    with tempfile.TemporaryDirectory() as temp:
        for name in record_legacy.ERA_RELEASES:
            out = os.path.join(temp, name + ".json")
            subprocess.run([record_legacy.environment(name), "-c", WORKER, out, json.dumps(MODES)], check=True)
            with open(out) as handle:
                recorded[name] = json.load(handle)
    with open(os.path.join(ROOT, "tests", "fixtures", "eras", "conversions.json"), "w") as handle:
        json.dump(recorded, handle, indent=0, sort_keys=True)


if __name__ == "__main__":
    main()
