"""Fetch scipy 1.1.0's wheel from the package index (cached) and extract files from it.

Used at record time (``tools/record_legacy.py`` runs scipy's ``pilutil.py``) and
at test time (``tests/test_scipy_suite.py`` runs scipy's ``test_pilutil.py``).
Nothing from the wheel is committed to this repository.
"""

import glob
import os
import subprocess
import sys
import zipfile

SCIPY_VERSION = "1.1.0"
PIP_DOWNLOAD = ["download", "--no-deps", "--only-binary=:all:", "--python-version", "3.7",
                "--platform", "manylinux1_x86_64", "scipy==" + SCIPY_VERSION]


def cache_dir():
    """Where downloads and recording environments are kept between runs."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    path = os.path.join(base, "scipy-misc-compat")
    os.makedirs(path, exist_ok=True)
    return path


def fetch_wheel():
    """Path of the scipy 1.1.0 cp37 manylinux wheel, downloaded with pip on first use."""
    directory = os.path.join(cache_dir(), "wheels")
    pattern = os.path.join(directory, "scipy-%s-*.whl" % SCIPY_VERSION)
    found = glob.glob(pattern)
    if not found:
        subprocess.run([sys.executable, "-m", "pip", "-q"] + PIP_DOWNLOAD + ["-d", directory], check=True)
        found = glob.glob(pattern)
    if not found:
        raise RuntimeError("pip did not download scipy %s into %s" % (SCIPY_VERSION, directory))
    return found[0]


def extract(members_prefix, destination):
    """Extract every wheel member under ``members_prefix`` into ``destination``; returns their paths."""
    paths = []
    with zipfile.ZipFile(fetch_wheel()) as wheel:
        for member in wheel.namelist():
            if member.startswith(members_prefix) and not member.endswith("/"):
                paths.append(wheel.extract(member, destination))
    return paths
