"""Record the catalogue and the sweep on the pip wheels of every Pillow era (or the ones named).

Usage (from the repository root, network access to the package index needed)::

    python tools/record_eras.py                       # every era of record_legacy.ERA_RELEASES
    python tools/record_eras.py pillow-4.0 pillow-8.2

For each era, a venv with scipy 1.1.0 installed from its wheel, numpy 1.15.4 and that
Pillow release (Python 3.6 below Pillow 5.2, whose wheels start at cp37, else 3.7) runs
``tools/record_legacy.py --stack NAME`` (the catalogue, on the reference's input files:
``tests/fixtures/eras/NAME/catalogue``) and ``tools/record_sweep.py --stack NAME``
(``tests/fixtures/eras/NAME/sweep``). ``tests/test_eras.py`` replays both under the
era's reference name. Re-recording is deterministic.
"""

import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tools"))
sys.path.insert(0, os.path.join(ROOT, "tests"))

import record_legacy  # noqa: E402


def main():
    names = sys.argv[1:] or sorted(record_legacy.ERA_RELEASES)
    unknown = [name for name in names if name not in record_legacy.ERA_RELEASES]
    if unknown:
        raise SystemExit("not recorded eras: %s (choose from %s)" % (", ".join(unknown),
                                                                   ", ".join(sorted(record_legacy.ERA_RELEASES))))
    for name in names:
        for tool in ("record_legacy.py", "record_sweep.py"):
            subprocess.run([sys.executable, os.path.join(ROOT, "tools", tool), "--stack", name], check=True)


if __name__ == "__main__":
    main()
