"""Record what scipy 1.1.0's image functions return, as fixtures for the tests.

Usage (from the repository root, network access to the package index needed)::

    python tools/record_legacy.py                 # reference: numpy 1.23.5 + Pillow 9.3.0
    python tools/record_legacy.py --stack 2018    # documentation only: the 2018 stack
    python tools/compare_records.py               # which cases differ between the two

``reference`` builds a Python 3.11 venv with numpy 1.23.5, Pillow 9.3.0 and pypng
(for 16-bit RGB input files), downloads scipy 1.1.0's wheel with pip, extracts
``scipy/misc/pilutil.py`` to a temporary directory and runs it unmodified over
``tools/legacy_catalogue.py``; it writes ``tests/fixtures/legacy``, and what each
``examples/*.py`` prints with that pilutil as ``scipy.misc`` (``tests/fixtures/examples``).

``2018`` builds a Python 3.7 venv with the stack of 2018 (scipy 1.1.0 installed
from its wheel, numpy 1.15.4, Pillow 5.3.0), replays the same catalogue on the
reference input files, and writes ``tests/fixtures/legacy_2018``; it also records the
rest of scipy 1.1.0's ``scipy.misc`` namespace (``derivative``, ``central_diff_weights``,
``comb``, ..., ``who``) into ``tests/fixtures/namespace``, the only stack where scipy
1.1.0 itself runs.

Environments and the wheel are cached under ``~/.cache/scipy-misc-compat``.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests"))

import scipy_wheel  # noqa: E402

STACKS = {
    "reference": {
        "python": "3.11",
        "packages": ["numpy==1.23.5", "Pillow==9.3.0", "pypng==0.20220715.0"],
        "out": "tests/fixtures/legacy",
        "label": "scipy 1.1.0 pilutil.py on numpy 1.23.5 + Pillow 9.3.0",
    },
    "2018": {
        "python": "3.7",
        "packages": ["scipy==1.1.0", "numpy==1.15.4", "Pillow==5.3.0"],
        "out": "tests/fixtures/legacy_2018",
        "label": "scipy 1.1.0 installed, numpy 1.15.4 + Pillow 5.3.0 (2018)",
    },
}


def find_python(version):
    """An interpreter of this minor version: this one, or pyenv's."""
    if "%d.%d" % sys.version_info[:2] == version:
        return sys.executable
    root = subprocess.run(["pyenv", "root"], capture_output=True, text=True).stdout.strip()
    for name in sorted(os.listdir(os.path.join(root, "versions")), reverse=True):
        if name.startswith(version + "."):
            return os.path.join(root, "versions", name, "bin", "python3")
    raise SystemExit("no Python %s found (install it with pyenv)" % version)


def environment(stack_name):
    """A cached venv with the stack's packages; returns its python."""
    stack = STACKS[stack_name]
    venv = os.path.join(scipy_wheel.cache_dir(), "record-venv-" + stack_name)
    python = os.path.join(venv, "bin", "python")
    marker = os.path.join(venv, "installed.txt")
    wanted = "\n".join(stack["packages"])
    if not (os.path.exists(marker) and open(marker).read() == wanted):
        shutil.rmtree(venv, ignore_errors=True)
        subprocess.run([find_python(stack["python"]), "-m", "venv", venv], check=True)
        subprocess.run([python, "-m", "pip", "install", "-q"] + stack["packages"], check=True)
        with open(marker, "w") as handle:
            handle.write(wanted)
    return python


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stack", choices=sorted(STACKS), default="reference")
    args = parser.parse_args()
    stack = STACKS[args.stack]
    python = environment(args.stack)
    command = [python, os.path.join(ROOT, "tools", "record_worker.py"), "--out", os.path.join(ROOT, stack["out"]),
               "--stack-label", stack["label"]]
    with tempfile.TemporaryDirectory() as temp:
        if args.stack == "reference":
            pilutil, = scipy_wheel.extract("scipy/misc/pilutil.py", temp)
            command += ["--pilutil", pilutil, "--examples-out", os.path.join(ROOT, "tests/fixtures/examples")]
        else:
            command += ["--installed-scipy", "--reuse-files", os.path.join(ROOT, STACKS["reference"]["out"], "files"),
                        "--namespace-out", os.path.join(ROOT, "tests/fixtures/namespace")]
        subprocess.run(command, check=True)


if __name__ == "__main__":
    main()
