"""Record which ``Image.convert`` mode pairs Pillow 5.3.0 (the 2018 stack), or every era's Pillow, refused.

Usage (from the repository root; builds the venvs of ``tools/record_legacy.py``)::

    python tools/record_conversions_2018.py          # Pillow 5.3.0: tests/fixtures/conversions_2018.json
    python tools/record_conversions_2018.py --eras   # every minor 4.0-9.3: tests/fixtures/eras/conversions.json

Converts a new 3x2 image of every mode to every mode on Pillow 5.3.0 and writes the outcome
of each pair ("ok", or the exception's type) to ``tests/fixtures/conversions_2018.json``.
``tests/test_legacy_2018.py`` checks that reference 2018 refuses exactly the pairs Pillow
5.3.0 refused (``references._older_conversions.CONVERSIONS_REFUSED_BY_PILLOW_5_3`` lists those Pillow 9.3
performs; measured: no pair goes the other way).
"""

import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tools"))

import record_legacy  # noqa: E402

OUT = os.path.join(ROOT, "tests", "fixtures", "conversions_2018.json")
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
    if sys.argv[1:] != ["--eras"]:
        python = record_legacy.environment("2018")
        subprocess.run([python, "-c", WORKER, OUT, json.dumps(MODES)], check=True)
        return
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
