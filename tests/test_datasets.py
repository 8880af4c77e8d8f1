"""ascent(), face(), electrocardiogram() without scipy and offline: scipy's files, verified, loaded as 1.1.0 did.

The files come from scipy 1.1.0's own wheel (``scipy_wheel``: the package index is the only
network CI has), pointed at through ``SCIPY_MISC_COMPAT_DATASETS``; face.dat and ecg.dat
there are byte-identical to scipy.datasets' registry files, ascent.dat is the older pickle
of the same image (accepted by its own hash). The arrays are compared with scipy 1.1.0's
(tests/fixtures/namespace/extras.json: dtype, shape, sha256 of the bytes).
"""

import hashlib
import json
import os
import shutil
import subprocess
import sys

import numpy as np
import pytest

from scipy_misc_compat import misc
from scipy_misc_compat.dropin import _datasets

with open(os.path.join(os.path.dirname(__file__), "fixtures", "namespace", "extras.json")) as _handle:
    RECORDED = json.load(_handle)["datasets"]


def digest(array):
    return {"dtype": array.dtype.str, "shape": list(array.shape), "writeable": bool(array.flags.writeable),
            "sha256": hashlib.sha256(np.ascontiguousarray(array).tobytes()).hexdigest()}


@pytest.mark.parametrize("call", sorted(RECORDED))
def test_offline_directory_gives_scipy_1_1_0_arrays(call, scipy_1_1_0_datasets, monkeypatch):
    monkeypatch.setenv(_datasets.ENVIRONMENT_VARIABLE, scipy_1_1_0_datasets)
    assert digest(eval("misc." + call)) == RECORDED[call]


def test_registry_files_are_the_ones_scipy_shipped(scipy_1_1_0_datasets):
    for name, (url, digests) in _datasets.REGISTRY.items():
        with open(os.path.join(scipy_1_1_0_datasets, name), "rb") as handle:
            assert hashlib.sha256(handle.read()).hexdigest() in digests
        assert url.startswith("https://raw.githubusercontent.com/scipy/dataset-")


def test_a_file_that_is_not_scipys_is_refused_before_loading(tmp_path, monkeypatch):
    (tmp_path / "ascent.dat").write_bytes(b"not a pickle of the ascent image")
    monkeypatch.setenv(_datasets.ENVIRONMENT_VARIABLE, str(tmp_path))
    with pytest.raises(OSError, match="sha256") as error:
        misc.ascent()
    assert str(tmp_path / "ascent.dat") in str(error.value)


def test_a_missing_file_names_the_directory(tmp_path, monkeypatch):
    monkeypatch.setenv(_datasets.ENVIRONMENT_VARIABLE, str(tmp_path))
    with pytest.raises(OSError, match="face.dat: not found") as error:
        misc.face()
    assert _datasets.ENVIRONMENT_VARIABLE in str(error.value)


def test_without_the_directory_it_downloads_into_scipy_datasets_cache_or_says_why_not(tmp_path):
    # A fresh cache and (on CI) no route to GitHub: a clear error naming the offline variable,
    # or, without pooch, what to install. With network access and pooch, the download succeeds.
    code = ("import os, sys\nos.environ.pop(%r, None)\nfrom scipy_misc_compat import misc\n"
            "try:\n    print(misc.electrocardiogram().shape)\n"
            "except (OSError, ImportError) as error:\n    print(type(error).__name__, error)\n"
            % _datasets.ENVIRONMENT_VARIABLE)
    environment = dict(os.environ, XDG_CACHE_HOME=str(tmp_path))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=environment)
    assert result.returncode == 0, result.stderr
    output = result.stdout.strip()
    assert output == "(108000,)" or (_datasets.ENVIRONMENT_VARIABLE in output and (
        "pip install pooch" in output or "could not download ecg.dat" in output)), output
    if output == "(108000,)":
        assert os.path.exists(os.path.join(str(tmp_path), "scipy-data", "ecg.dat"))


def test_files_already_in_scipy_datasets_cache_are_used_without_downloading(tmp_path, scipy_1_1_0_datasets):
    pytest.importorskip("pooch", reason="pooch is in the test extra; it is what reads the cache")
    cache = tmp_path / "scipy-data"
    cache.mkdir()
    shutil.copy(os.path.join(scipy_1_1_0_datasets, "ecg.dat"), str(cache))
    code = ("import os\nos.environ.pop(%r, None)\nfrom scipy_misc_compat import misc\n"
            "import hashlib\nprint(hashlib.sha256(misc.electrocardiogram().tobytes()).hexdigest())\n"
            % _datasets.ENVIRONMENT_VARIABLE)
    environment = dict(os.environ, XDG_CACHE_HOME=str(tmp_path), HTTPS_PROXY="http://127.0.0.1:9")  # no network
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=environment)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == RECORDED["electrocardiogram()"]["sha256"]
