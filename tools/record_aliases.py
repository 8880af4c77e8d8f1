"""Record what each removed numpy/Pillow name did, on a stack that still had it.

Usage (from the repository root; builds the venvs of ``tools/record_legacy.py``)::

    python tools/record_aliases.py

Evaluates the probes of ``tests/alias_probes.py`` with each name bound to the library's own
object: on the reference stack (numpy 1.23.5 + Pillow 9.3.0) for most names, on the 2018
stack (Python 3.7 + numpy 1.15.4 + Pillow 5.3.0) for names already gone from those
(``RECORDED_ON_2018``). Writes ``tests/fixtures/legacy_aliases/probes.json``; the worker
fails if a name is missing where it is recorded, so the removal versions stay honest.
"""

import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tools"))
sys.path.insert(0, os.path.join(ROOT, "tests"))

import alias_probes  # noqa: E402
import record_legacy  # noqa: E402

OUT = os.path.join(ROOT, "tests", "fixtures", "legacy_aliases", "probes.json")

WORKER = r"""
import importlib, json, sys, warnings
sys.path.insert(0, sys.argv[1])
import alias_probes
import numpy, PIL
names = json.loads(sys.argv[2])
results = {}
for qualified in names:
    module_name, _, name = qualified.rpartition(".")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        module = importlib.import_module(module_name)
        value = getattr(module, name)  # AttributeError: the name is not on this stack
    results[qualified] = [[probe, alias_probes.evaluate(probe, value)] for probe in alias_probes.PROBES[qualified]]
print(json.dumps({"python": "%d.%d.%d" % sys.version_info[:3], "numpy": numpy.__version__,
                  "pillow": PIL.__version__, "results": results}))
"""


def record(stack, names):
    python = record_legacy.environment(stack)
    output = subprocess.run([python, "-c", WORKER, os.path.join(ROOT, "tests"), json.dumps(sorted(names))],
                            check=True, capture_output=True, text=True).stdout
    return json.loads(output)


def main():
    late = set(alias_probes.PROBES) - alias_probes.RECORDED_ON_2018
    recordings = [record("reference", late), record("2018", alias_probes.RECORDED_ON_2018)]
    cases = {}
    for recording in recordings:
        stack = "Python %s, numpy %s, Pillow %s" % (recording["python"], recording["numpy"], recording["pillow"])
        for qualified, probes in recording["results"].items():
            cases[qualified] = {"recorded_on": stack, "probes": probes}
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as handle:
        json.dump({"how": "tools/record_aliases.py", "cases": dict(sorted(cases.items()))}, handle, indent=1,
                  sort_keys=True)
        handle.write("\n")
    print("recorded %d names, %d probes -> %s" % (len(cases), sum(len(c["probes"]) for c in cases.values()), OUT))


if __name__ == "__main__":
    main()
