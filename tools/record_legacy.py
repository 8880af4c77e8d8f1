"""Record what scipy 1.1.0's image functions return, as fixtures for the tests.

Usage (from the repository root, network access to the package index needed)::

    python tools/record_legacy.py                 # reference: numpy 1.23.5 + Pillow 9.3.0
    python tools/record_legacy.py --stack 2018    # documentation only: the 2018 stack
    python tools/record_legacy.py --stack pillow-8.2   # one era (tools/record_eras.py: all of them)
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

#: Every Pillow minor release of the eras, and the release recorded for it (``tools/record_eras.py``):
#: the newest patch of that minor, as ``pip install Pillow==X.Y.*`` gave it then.
ERA_RELEASES = {"pillow-4.0": "4.0.0", "pillow-4.1": "4.1.1", "pillow-4.2": "4.2.1", "pillow-4.3": "4.3.0",
                "pillow-5.0": "5.0.0", "pillow-5.1": "5.1.0", "pillow-5.2": "5.2.0", "pillow-5.3": "5.3.0",
                "pillow-5.4": "5.4.1", "pillow-6.0": "6.0.0", "pillow-6.1": "6.1.0", "pillow-6.2": "6.2.2",
                "pillow-7.0": "7.0.0", "pillow-7.1": "7.1.2", "pillow-7.2": "7.2.0", "pillow-8.0": "8.0.1",
                "pillow-8.1": "8.1.2", "pillow-8.2": "8.2.0", "pillow-8.3": "8.3.2", "pillow-8.4": "8.4.0",
                "pillow-9.0": "9.0.1", "pillow-9.1": "9.1.1", "pillow-9.2": "9.2.0", "pillow-9.3": "9.3.0"}


def era_stack(name):
    """The recording stack of an era: scipy 1.1.0 installed, numpy 1.15.4, that Pillow release."""
    release = ERA_RELEASES[name]
    python = "3.6" if tuple(int(part) for part in release.split(".")[:2]) < (5, 2) else "3.7"  # cp37 from 5.2
    return {"python": python, "packages": ["scipy==1.1.0", "numpy==1.15.4", "Pillow==" + release],
            "out": "tests/fixtures/eras/%s/catalogue" % name,
            "label": "scipy 1.1.0 installed, numpy 1.15.4 + Pillow %s (Python %s)" % (release, python)}


STACKS.update((name, era_stack(name)) for name in ERA_RELEASES)


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
            command += ["--installed-scipy", "--reuse-files", os.path.join(ROOT, STACKS["reference"]["out"], "files")]
            if args.stack == "2018":
                command += ["--namespace-out", os.path.join(ROOT, "tests/fixtures/namespace")]
        subprocess.run(command, check=True)


if __name__ == "__main__":
    main()
