"""Record the Pillow canary's results on Pillow 9.3.0 (scipy 1.1.0's reference stack).

Usage (from the repository root)::

    python tools/record_canary.py          # writes tests/fixtures/pillow_canary/

Runs every operation of ``scipy_misc_compat.pipeline._pillow_delegated.DELEGATED`` through
``tests/pillow_canary_ops.py`` in the reference venv of ``tools/record_legacy.py``
(Python 3.11, numpy 1.23.5, Pillow 9.3.0) and writes ``results.npz`` (compressed; keys
``operation|case``) and ``jpeg_files.npz`` (the JPEG files Pillow 9.3.0 encoded, which the
decode canary reads). Deterministic: inputs come from fixed seeds.
"""

import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tools"))

WORKER = r'''
import ast, sys
import numpy as np, PIL
sys.path.insert(0, sys.argv[1] + "/tests")
import pillow_canary_ops as ops
source = open(sys.argv[1] + "/scipy_misc_compat/pipeline/_pillow_delegated.py").read()
names = [call.args[0].value for call in ast.walk(ast.parse(source))
         if isinstance(call, ast.Call) and getattr(call.func, "id", "") == "Delegated"]
assert PIL.__version__ == "9.3.0", PIL.__version__
files = ops.jpeg_files()
results = {}
for name in names:
    for key, value in ops.run(name, {}, files).items():
        results[name + "|" + key] = value
out = sys.argv[1] + "/tests/fixtures/pillow_canary"
np.savez_compressed(out + "/results.npz", **results)
np.savez_compressed(out + "/jpeg_files.npz", **{k: np.frombuffer(v, np.uint8) for k, v in files.items()})
print("recorded %d results of %d operations on Pillow %s" % (len(results), len(names), PIL.__version__))
'''


def main():
    import record_legacy

    python = record_legacy.environment("reference")
    os.makedirs(os.path.join(ROOT, "tests", "fixtures", "pillow_canary"), exist_ok=True)
    subprocess.run([python, "-c", WORKER, ROOT], check=True)


if __name__ == "__main__":
    main()
