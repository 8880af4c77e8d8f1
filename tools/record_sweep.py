"""Record the dense sweep (``tests/sweep_cases.py``) from scipy 1.1.0 on the reference stack.

Usage (from the repository root, network access to the package index needed)::

    python tools/record_sweep.py               # writes tests/fixtures/sweep/
    python tools/record_sweep.py --stack 2018  # writes tests/fixtures/sweep_2018/ (Python 3.7,
                                               # numpy 1.15.4, Pillow 5.3.0: reference 2018)
    python tools/record_sweep.py --stack pillow-8.2  # tests/fixtures/eras/pillow-8.2/sweep/

Builds (or reuses) the reference venv of ``tools/record_legacy.py`` (Python 3.11,
numpy 1.23.5, Pillow 9.3.0), extracts scipy 1.1.0's ``scipy/misc/pilutil.py`` from its
wheel into a temporary directory, and runs every sweep case through it unmodified.
Writes ``sweep.json`` (the stack, and per case its outcome: dtype, shape and offset,
or the exception's type and the names of its classes) and ``outputs.npz`` (compressed:
per dtype, the flattened outputs of that dtype one after another, at those offsets). Re-recording is deterministic.
"""

import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests"))
sys.path.insert(0, os.path.join(ROOT, "tools"))

WORKER = r'''
import importlib.util, json, sys, warnings
import numpy as np, PIL
sys.path.insert(0, sys.argv[2])
import sweep_cases
warnings.simplefilter("ignore")
spec = importlib.util.spec_from_file_location("legacy_pilutil", sys.argv[1])
pilutil = importlib.util.module_from_spec(spec)
spec.loader.exec_module(pilutil)
cases, arrays = [], {}  # arrays: dtype -> flat outputs of that dtype, concatenated
for case in sweep_cases.all_cases():
    try:
        result = np.asarray(sweep_cases.run_case(pilutil, case))
    except Exception as error:
        case["outcome"] = {"error": type(error).__name__, "classes": [c.__name__ for c in type(error).__mro__]}
    else:
        chunks = arrays.setdefault(result.dtype.str, [])
        case["outcome"] = {"dtype": result.dtype.str, "shape": list(result.shape),
                           "offset": int(sum(chunk.size for chunk in chunks))}
        chunks.append(result.ravel())
    cases.append(case)
np.savez_compressed(sys.argv[3] + "/outputs.npz", **{key: np.concatenate(chunks) for key, chunks in arrays.items()})
with open(sys.argv[3] + "/sweep.json", "w") as handle:
    head = {"recorded_with": {"scipy_pilutil": "1.1.0", "numpy": np.__version__, "pillow": PIL.__version__,
                              "python": sys.version.split()[0]}, "seed": sweep_cases.SEED}
    handle.write(json.dumps(head, sort_keys=True)[:-1] + ', "cases": [\n')
    handle.write(",\n".join(json.dumps(case, sort_keys=True, separators=(",", ":")) for case in cases))
    handle.write("\n]}\n")
print("recorded %d cases (%d errors)" % (len(cases), sum("error" in case["outcome"] for case in cases)))
'''


def sweep_directory(stack):
    """Where the sweep of a recording stack goes, relative to the repository root."""
    if stack.startswith("pillow-"):
        return "tests/fixtures/eras/%s/sweep" % stack
    return os.path.join("tests", "fixtures", "sweep" if stack == "reference" else "sweep_2018")


def main():
    import argparse

    import record_legacy
    import scipy_wheel

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stack", choices=sorted(record_legacy.STACKS), default="reference",
                        help="reference: numpy 1.23.5 + Pillow 9.3.0 (tests/fixtures/sweep); 2018: Python 3.7 + "
                             "numpy 1.15.4 + Pillow 5.3.0 (tests/fixtures/sweep_2018); pillow-X.Y: that era's "
                             "recording stack (tests/fixtures/eras/pillow-X.Y/sweep)")
    stack = parser.parse_args().stack
    python = record_legacy.environment(stack)
    out = os.path.join(ROOT, sweep_directory(stack))
    os.makedirs(out, exist_ok=True)
    with tempfile.TemporaryDirectory() as temp:
        pilutil, = scipy_wheel.extract("scipy/misc/pilutil.py", temp)
        subprocess.run([python, "-c", WORKER, pilutil, os.path.join(ROOT, "tests"), out], check=True)


if __name__ == "__main__":
    main()
