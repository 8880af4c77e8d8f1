"""Record, from scipy 1.1.0 itself, what the datasets and the forwarded names return with their defaults.

Usage (from the repository root; builds the 2018 venv of ``tools/record_legacy.py``)::

    python tools/record_namespace_extras.py

On Python 3.7 + scipy 1.1.0 + numpy 1.15.4 it records into
``tests/fixtures/namespace/extras.json``:

- ``ascent()``, ``face()``, ``face(gray=True)``, ``electrocardiogram()``: dtype, shape and the
  sha256 of the array's bytes (scipy 1.1.0 shipped the data files; today they come from
  ``scipy.datasets``' registry);
- ``factorial``, ``factorial2``, ``factorialk`` and ``comb`` called with scipy 1.1.0's defaults
  (``factorialk(5, 2)`` was the exact integer 15), each result's type and exact value;
- the public names of ``scipy.misc.doccer`` and what ``docformat`` makes of a docstring.
"""

import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tools"))

import record_legacy  # noqa: E402

OUT = os.path.join(ROOT, "tests", "fixtures", "namespace", "extras.json")

WORKER = r"""
import hashlib, json, sys, warnings
warnings.simplefilter("ignore")
sys.path.insert(0, sys.argv[1])
import numpy as np, scipy, scipy.misc as misc
from exact_outcome import exact

def digest(array):
    return {"dtype": array.dtype.str, "shape": list(array.shape), "writeable": bool(array.flags.writeable),
            "sha256": hashlib.sha256(np.ascontiguousarray(array).tobytes()).hexdigest()}

datasets = {"ascent()": digest(misc.ascent()), "face()": digest(misc.face()),
            "face(gray=True)": digest(misc.face(gray=True)), "electrocardiogram()": digest(misc.electrocardiogram())}
calls = []
for n in list(range(-3, 41)) + [100]:
    calls.append(["factorial", [n]])
    calls.append(["factorial2", [n]])
    for k in (1, 2, 3, 4):
        calls.append(["factorialk", [n, k]])
    for k in (0, 1, 2, 5, 17):
        calls.append(["comb", [n, k]])
calls += [["factorial", [[3, 4, -1]]], ["factorial2", [[3, 4, -1]]], ["comb", [[5, 6], [2, 3]]]]
forwarded = []
for function, args in calls:
    try:
        outcome = exact(getattr(misc, function)(*[np.array(a) if isinstance(a, list) else a for a in args]))
    except Exception as error:
        outcome = {"type": "raises", "value": type(error).__name__}
    forwarded.append({"function": function, "args": args, "outcome": outcome})
doccer = {"names": sorted(n for n in dir(misc.doccer) if not n.startswith("_") and n not in
                          ("absolute_import", "division", "print_function", "sys")),
          "docformat": misc.doccer.docformat("Head.\n\n    %(x)s\n", {"x": "one\ntwo"})}
print(json.dumps({"recorded_with": {"python": "%d.%d.%d" % sys.version_info[:3], "numpy": np.__version__,
                                    "scipy": scipy.__version__},
                  "datasets": datasets, "forwarded_defaults": forwarded, "doccer": doccer}, indent=1, sort_keys=True))
"""


def main():
    python = record_legacy.environment("2018")
    output = subprocess.run([python, "-c", WORKER, os.path.join(ROOT, "tests")], check=True, capture_output=True,
                            text=True).stdout
    with open(OUT, "w") as handle:
        handle.write(output)
    print("wrote", OUT)


if __name__ == "__main__":
    main()
