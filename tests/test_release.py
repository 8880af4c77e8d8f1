"""Release facts: one version, the licence, supported versions backed by CI, the command's --version and
info, lazy imports, the tools without their extra, and read errors that name the file."""

import os
import re
import subprocess
import sys

import numpy as np
import PIL
import pytest
from PIL import Image

import scipy_misc_compat
from scipy_misc_compat import UnreadableImageError, imread

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def read(name):
    with open(os.path.join(ROOT, name)) as handle:
        return handle.read()


def cli(*arguments, **kwargs):
    return subprocess.run([sys.executable, "-m", "scipy_misc_compat"] + list(arguments), capture_output=True,
                          text=True, **kwargs)


def test_one_version_everywhere():
    version = scipy_misc_compat.__version__
    assert 'version = {attr = "scipy_misc_compat._version.__version__"}' in read("pyproject.toml")
    assert re.search(r"^## \[(\S+)\]", read("CHANGELOG.md"), re.M).group(1) == version
    assert cli("--version").stdout.strip() == "scipy-misc-compat %s" % version


def test_licence_file_and_spdx_metadata():
    assert read("LICENSE").startswith("BSD 3-Clause License")
    pyproject = read("pyproject.toml")
    assert 'license = "BSD-3-Clause"' in pyproject and 'license-files = ["LICENSE"]' in pyproject


def test_supported_versions_table_is_what_ci_installs_and_the_metadata_claims():
    readme, ci, pyproject = read("README.md"), read(".ci/run"), read("pyproject.toml")
    rows = dict(re.findall(r"^\| (Python|numpy|Pillow) \| (\S+) \|", readme, re.M))
    assert 'requires-python = ">=%s"' % rows["Python"] in pyproject
    assert '"numpy>=%s"' % rows["numpy"] in pyproject and '"Pillow>=%s"' % rows["Pillow"] in pyproject
    assert '"$(python_for %s)"' % rows["Python"] in ci
    assert '"numpy==%s" "Pillow==%s"' % (rows["numpy"], rows["Pillow"]) in ci
    newest = re.search(r"^\| Python \| \S+ \| (\S+) \|", readme, re.M).group(1)
    classified = re.findall(r"Programming Language :: Python :: (3\.\d+)", pyproject)
    oldest_minor, newest_minor = int(rows["Python"].split(".")[1]), int(newest.split(".")[1])
    assert classified == ["3.%d" % minor for minor in range(oldest_minor, newest_minor + 1)]
    for version in classified:  # every classifier is backed by a CI run
        assert '"$(python_for %s)"' % version in ci, version


def test_info_reports_kernels_versions_and_reference():
    completed = cli("info")
    assert completed.returncode == 0, completed.stderr
    assert "scipy-misc-compat %s" % scipy_misc_compat.__version__ in completed.stdout
    assert "numpy: %s" % np.__version__ in completed.stdout and "Pillow: %s" % PIL.__version__ in completed.stdout
    assert "kernel resize (_resample_kernels): " in completed.stdout
    assert "legacy reference: 2022" in completed.stdout


def test_import_does_not_import_the_codecs_or_the_tools():
    code = ("import sys, scipy_misc_compat\n"
            "print(sorted(m for m in ('tifffile', 'png', 'libcst', 'pooch', 'scipy') if m in sys.modules))")
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert completed.stdout.strip() == "[]", completed.stderr


@pytest.mark.parametrize("command", ["scan", "migrate"])
def test_tools_without_libcst_say_what_to_install_and_exit_2(command, tmp_path):
    script = tmp_path / "a.py"
    script.write_text("import scipy.misc\n")
    blocker = ("import sys\nclass Block:\n    def find_spec(self, name, path=None, target=None):\n"
               "        if name.split('.')[0] == 'libcst':\n            raise ImportError('No module named libcst')\n"
               "sys.meta_path.insert(0, Block())\nfrom scipy_misc_compat.cli import main\n"
               "sys.exit(main([%r, %r]))\n" % (command, str(script)))
    completed = subprocess.run([sys.executable, "-c", blocker], capture_output=True, text=True)
    assert completed.returncode == 2
    assert completed.stderr.strip().splitlines() == [
        "scipy-misc-compat %s: scan and migrate need libcst: pip install libcst" % command]


def _corrupt_files(directory):
    good = directory / "good.png"
    Image.fromarray((np.arange(64 * 64).reshape(64, 64) % 251).astype(np.uint8)).save(str(good))
    data = good.read_bytes()
    files = {
        "garbage_after_signature.png": data[:8] + bytes(range(256)) * 2,
        "half.png": data[:len(data) // 2],
        "forty_bytes.png": data[:40],
        "text.png": b"hello, I am not a png\n",
        "empty.png": b"",
    }
    for name, content in files.items():
        (directory / name).write_bytes(content)
    return sorted(files)


def test_every_undecodable_file_raises_unreadable_image_error_naming_it(tmp_path):
    for name in _corrupt_files(tmp_path):
        path = str(tmp_path / name)
        with pytest.raises(UnreadableImageError) as error:
            imread(path)
        assert path in str(error.value), (name, error.value)
        if "cannot identify" in str(error.value):
            # what scipy 1.1.0 raised for these (Pillow's UnidentifiedImageError) still catches it
            assert isinstance(error.value, PIL.UnidentifiedImageError)


def test_compare_names_the_file_it_cannot_read(tmp_path):
    good = tmp_path / "good.png"
    Image.new("L", (2, 2)).save(str(good))
    completed = cli("compare", str(good), os.path.join(ROOT, "README.md"))
    assert completed.returncode == 2  # unreadable: an error
    assert "cannot identify image file %r" % os.path.join(ROOT, "README.md") in completed.stdout
    assert "BytesIO" not in completed.stdout


def test_setup_cfg_holds_command_options_only():
    """The design card names setup.cfg at the top level: it holds what pyproject.toml cannot say."""
    import configparser
    parser = configparser.ConfigParser()
    parser.read_string(read("setup.cfg"))
    # (an sdist's copy also has the [egg_info] section setuptools writes into it)
    assert [name for name in parser.sections() if name != "egg_info"] == ["build_ext"]
    assert int(parser["build_ext"]["parallel"]) == 2
    assert "setup.cfg" in read("MANIFEST.in")  # the sdist builds the same way
