"""`scan` and `migrate`: every import style, notebooks, syntax errors, and a migrated project run without scipy."""

import json
import os
import shutil
import subprocess
import sys
import textwrap

import numpy as np
import pytest

from scipy_misc_compat.tools._migrate import analyse_source

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
CORPUS = os.path.join(DATA, "scan_corpus")
PROJECT = os.path.join(DATA, "migrate_project")


def cli(*arguments, cwd=None):
    return subprocess.run([sys.executable, "-m", "scipy_misc_compat"] + list(arguments), capture_output=True,
                          text=True, cwd=cwd)


def read(path):
    with open(path) as handle:
        return handle.read()


def migrated(source):
    report = analyse_source(textwrap.dedent(source), rewrite=True)
    assert report.understood, [use.note for use in report.uses]
    return report.new_source


REWRITES = [
    ("import scipy.misc\nscipy.misc.imsave('a.png', x)\n",
     "import scipy_misc_compat\nscipy_misc_compat.imsave('a.png', x)\n"),
    ("import scipy.misc as sm\nsm.imsave('a.png', x)\n",
     "import scipy_misc_compat.misc as sm\nsm.imsave('a.png', x)\n"),
    ("from scipy import misc\nmisc.imread(p)\n", "from scipy_misc_compat import misc\nmisc.imread(p)\n"),
    ("from scipy.misc import imread as read  # note\n", "from scipy_misc_compat import imread as read  # note\n"),
    ("from scipy.misc import (imread,\n    comb)\n", "from scipy_misc_compat.misc import (imread,\n    comb)\n"),
    ("from scipy.misc import *\n", "from scipy_misc_compat.misc import *\n"),
    ("from scipy.misc.pilutil import imresize\n", "from scipy_misc_compat import imresize\n"),
    ("import scipy.misc.pilutil as pu\npu.toimage(a)\n", "import scipy_misc_compat.legacy as pu\npu.toimage(a)\n"),
    ("import scipy.misc\nscipy.misc.pilutil.imrotate(a, 3)\nscipy.misc.face()\nm = scipy.misc\n",
     "import scipy_misc_compat\nscipy_misc_compat.imrotate(a, 3)\nscipy_misc_compat.misc.face()\n"
     "m = scipy_misc_compat.misc\n"),
    ("import scipy\nscipy.misc.imread(p)\n", "import scipy_misc_compat\nscipy_misc_compat.imread(p)\n"),
    ("import scipy\nscipy.misc.imread(p), scipy.linalg.norm(v)\n",
     "import scipy\nimport scipy_misc_compat\nscipy_misc_compat.imread(p), scipy.linalg.norm(v)\n"),
    ("import scipy.misc, os\nscipy.misc.imread(p), scipy.special.gamma(3)\n",
     "import scipy, scipy_misc_compat, os\nscipy_misc_compat.imread(p), scipy.special.gamma(3)\n"),
    ("from scipy import misc, ndimage  # both\n",
     "from scipy import ndimage  # both\nfrom scipy_misc_compat import misc\n"),
    ("def f():\n    import scipy.misc\n    return scipy.misc.imread(p)\n",
     "def f():\n    import scipy_misc_compat\n    return scipy_misc_compat.imread(p)\n"),
    ("try:\n    from scipy.misc import imread\nexcept ImportError:\n    from imageio import imread\n",
     "try:\n    from scipy_misc_compat import imread\nexcept ImportError:\n    from imageio import imread\n"),
]


@pytest.mark.parametrize("source, expected", REWRITES)
def test_rewrites(source, expected):
    assert migrated(source) == expected
    assert migrated(expected) == expected  # idempotent
    assert analyse_source(expected).uses == []  # nothing left to find


NOT_SCIPY_MISC = [
    "def f(scipy):\n    return scipy.misc.imread(p)\n",  # a parameter named scipy
    "import scipy.ndimage\nscipy.ndimage.zoom(a, 2)\n",
    "from mylib import misc\nmisc.imread(p)\n",
    "f(imread=1)\nx.misc.imread\n",
]


@pytest.mark.parametrize("source", NOT_SCIPY_MISC)
def test_other_code_is_not_reported_or_changed(source):
    report = analyse_source(source, rewrite=True)
    assert report.uses == [] and report.new_source == source


NOT_UNDERSTOOD = [
    ("import scipy.misc\nscipy.misc.imread = my_reader\n", "assigns to"),
    ("import scipy.misc as sm\ndel sm.imsave\n", "assigns to or deletes"),
    ("import importlib\nimportlib.import_module('scipy.misc')\n", "in a string"),
    ("from scipy.misc import lena\n", "no public name 'lena'"),
    ("import scipy.misc\nscipy.misc.imfill(a)\n", "no public name 'imfill'"),
    ("try:\n    import scipy.misc\nexcept ImportError:\n    scipy = None\nscipy.misc.imread(p)\n", "something else"),
]


@pytest.mark.parametrize("source, why", NOT_UNDERSTOOD)
def test_code_not_understood_is_reported_and_the_file_left_alone(source, why):
    report = analyse_source(source, rewrite=True)
    assert not report.understood and report.new_source == source
    assert any(why in use.note for use in report.uses if not use.understood)


def test_scan_lists_uses_with_positions_names_and_notes():
    completed = cli("scan", "--json", CORPUS, PROJECT)
    assert completed.returncode == 2, completed.stderr  # the corpus holds a Python 2 file: an error
    found = json.loads(completed.stdout)
    uses = {(os.path.relpath(use["path"], DATA), use["cell"], use["line"], use["column"], use["name"], use["kind"])
            for use in found["uses"]}
    assert ("migrate_project/pipeline.py", None, 19, 5, "scipy.misc.imsave", "call") in uses
    assert ("migrate_project/pipeline.py", None, 24, 47, "scipy.misc.imrotate", "call") in uses  # via pilutil
    assert ("migrate_project/lib/filters.py", None, 8, 33, "scipy.misc.imfilter", "call") in uses  # sm.imfilter
    assert ("scan_corpus/analysis.ipynb", 2, 3, 1, "scipy.misc.imsave", "call") in uses  # misc from cell 1
    assert ("scan_corpus/monkeypatch.py", None, 4, 1, "scipy.misc.imread", "unsupported") in uses
    assert not any(path.endswith("clean.py") for path, *_ in uses)
    notes = {use["name"]: use["note"] for use in found["uses"] if use["kind"] == "call"}
    assert "rescales" in notes["scipy.misc.imsave"] and notes["scipy.misc.imread"] == ""
    assert [error for error in found["errors"] if "python2.py" in error and "syntax error" in error]
    assert found["files_scanned"] == 10


def test_scan_text_output_and_exit_status(tmp_path):
    completed = cli("scan", os.path.join(CORPUS, "fallback.py"))
    assert completed.returncode == 1
    assert completed.stdout.splitlines()[0].endswith("fallback.py:2:5: import scipy.misc.imread: "
                                                     "from scipy.misc import imread")
    (tmp_path / "ok.py").write_text("import numpy\n")
    (tmp_path / "bad.py").write_text("def (:\n")
    completed = cli("scan", str(tmp_path))
    assert completed.returncode == 2 and completed.stdout == ""  # a file that is not Python: an error
    assert "bad.py: syntax error, skipped (line 1, column 5: invalid syntax)" in completed.stderr
    (tmp_path / "bad.py").write_text("x = 1\ndef f(:\n    pass\n")  # libcst blamed line 3; Python names line 2
    assert "bad.py: syntax error, skipped (line 2, column 7: invalid syntax)" in cli("scan", str(tmp_path)).stderr
    (tmp_path / "bad.py").unlink()
    assert cli("scan", str(tmp_path)).returncode == 0
    missing = cli("scan", str(tmp_path / "no_such.py"))
    assert missing.returncode == 2 and "no_such.py: cannot read (no such file or directory)" in missing.stderr
    assert cli("migrate", str(tmp_path / "no_such.py")).returncode == 2


def test_migrate_shows_a_diff_and_writes_only_when_asked(tmp_path):
    project = str(tmp_path / "project")
    shutil.copytree(PROJECT, project)
    before = {name: read(os.path.join(project, name)) for name in ("pipeline.py", "lib/filters.py")}
    completed = cli("migrate", project)
    assert completed.returncode == 0, completed.stderr
    assert "\n-import scipy.misc  # the images\n" in completed.stdout
    assert "\n+import scipy_misc_compat  # the images\n" in completed.stdout
    assert all(read(os.path.join(project, name)) == text for name, text in before.items())
    assert cli("migrate", "--write", project).returncode == 0
    again = cli("migrate", project)
    assert again.returncode == 0 and again.stdout == "" and "would migrate 0 files" in again.stderr
    assert cli("scan", project).returncode == 0


def test_migrate_leaves_files_it_does_not_understand(tmp_path):
    for name in ("monkeypatch.py", "dynamic.py", "python2.py"):
        shutil.copy(os.path.join(CORPUS, name), str(tmp_path))
    completed = cli("migrate", "--write", str(tmp_path))
    assert completed.returncode == 2  # python2.py cannot be parsed: an error, not just "left unchanged" (1)
    assert "monkeypatch.py:4:1: not migrated" in completed.stderr and "python2.py: syntax error" in completed.stderr
    for name in ("monkeypatch.py", "dynamic.py", "python2.py"):
        assert read(os.path.join(str(tmp_path), name)) == read(os.path.join(CORPUS, name))
    os.remove(str(tmp_path / "python2.py"))
    assert cli("migrate", "--write", str(tmp_path)).returncode == 1  # only uses not understood left


def test_migrate_notebook_keeps_magics_and_other_cells(tmp_path):
    notebook = str(tmp_path / "analysis.ipynb")
    shutil.copy(os.path.join(CORPUS, "analysis.ipynb"), notebook)
    assert cli("migrate", "--write", notebook).returncode == 0
    before, after = (json.loads(read(path)) for path in (os.path.join(CORPUS, "analysis.ipynb"), notebook))
    assert after["cells"][1]["source"] == ["%matplotlib inline\n", "import numpy as np\n",
                                           "from scipy_misc_compat import misc\n"]
    for index in (0, 2, 3):
        assert after["cells"][index] == before["cells"][index]
    assert after["metadata"] == before["metadata"]


BLOCK_SCIPY = """
import runpy, sys
class NoScipy:
    def find_spec(self, name, path=None, target=None):
        if name == "scipy" or name.startswith("scipy."):
            raise ModuleNotFoundError("No module named %r (blocked by the test)" % name)
sys.meta_path.insert(0, NoScipy())
sys.path.insert(0, ".")
sys.argv = sys.argv[1:]
runpy.run_path(sys.argv[0], run_name="__main__")
"""


def test_migrated_project_runs_without_scipy_and_gives_identical_outputs(tmp_path):
    original, project = str(tmp_path / "original"), str(tmp_path / "migrated")
    shutil.copytree(PROJECT, original)
    shutil.copytree(PROJECT, project)
    assert cli("migrate", "--write", project).returncode == 0
    outputs = {}
    for name, command in (("legacy", [sys.executable, "-m", "scipy_misc_compat", "run", "pipeline.py"]),
                          ("migrated", [sys.executable, "-c", BLOCK_SCIPY, "pipeline.py"])):
        out = str(tmp_path / ("out-" + name))
        os.mkdir(out)
        completed = subprocess.run(command + [out], capture_output=True, text=True,
                                   cwd=original if name == "legacy" else project)
        assert completed.returncode == 0, completed.stderr
        outputs[name] = out
    names = sorted(os.listdir(outputs["legacy"]))
    assert names == sorted(os.listdir(outputs["migrated"])) and len(names) == 9
    for name in names:
        legacy, new = (os.path.join(outputs[which], name) for which in ("legacy", "migrated"))
        if name.endswith(".npy"):
            a, b = np.load(legacy), np.load(new)
            assert a.dtype == b.dtype and np.array_equal(a, b), name
        else:
            assert cli("compare", legacy, new).returncode == 0, name


# --- removed numpy/Pillow names --------------------------------------------------------------

REMOVED_NAME_REWRITES = [
    ("import numpy as np\nx = np.zeros(2, dtype=np.float)\n", "import numpy as np\nx = np.zeros(2, dtype=float)\n"),
    ("import numpy\ny = numpy.product([1, 2]) + numpy.NaN\n", "import numpy\ny = numpy.prod([1, 2]) + numpy.nan\n"),
    ("from PIL import Image\nim.resize((2, 2), Image.ANTIALIAS)\n",
     "from PIL import Image\nim.resize((2, 2), Image.LANCZOS)\n"),
    ("import PIL.Image\nPIL.Image.CUBIC\n", "import PIL.Image\nPIL.Image.BICUBIC\n"),
    ("import numpy as np\nnp.float_(1) + np.bool8(0)\n", "import numpy as np\nnp.float64(1) + np.bool_(0)\n"),
]


@pytest.mark.parametrize("source, expected", REMOVED_NAME_REWRITES)
def test_removed_names_with_an_exact_spelling_are_rewritten_idempotently(source, expected):
    assert migrated(source) == expected
    assert migrated(expected) == expected
    report = analyse_source(source)
    assert report.uses and all(use.kind == "removed" and "removed in" in use.note for use in report.uses)


@pytest.mark.parametrize("source", [
    "import numpy as np\nnp.asscalar(a)\n",            # no expression spells it exactly: reported, kept
    "from numpy import float\n",
    "import numpy as np\na.tostring()\n",
    "import numpy as np\nnp.trapz([1, 2])\n",           # np.trapezoid is numpy >= 2.0 only
])
def test_removed_names_without_an_exact_spelling_are_reported_and_kept(source):
    report = analyse_source(source, rewrite=True)
    assert [use.kind for use in report.uses] == ["removed"]
    assert report.new_source == source


@pytest.mark.parametrize("source", [
    "import numpy as np\nnp.float = float\n",            # the script's own shim
    "import numpy as np\ndef f(np):\n    return np.float\n",  # a parameter, not numpy
    "import xml.etree.ElementTree as ET\nET.tostring(e)\n",  # a module function, not ndarray.tostring
    "import numpy as np\nnp.float64(1).tobytes()\n",
])
def test_lookalikes_of_removed_names_are_not_reported(source):
    assert analyse_source(source, rewrite=True).uses == []


def test_migrate_never_imports_the_package_twice(tmp_path):
    for source in ("import scipy\nimport scipy.misc\nimg = scipy.misc.imread('a.png')\nv = scipy.__version__\n",
                   "import scipy.misc\nimport scipy_misc_compat\nimg = scipy.misc.imread('a.png')\n",
                   "import scipy.misc\n\ndef f():\n    import scipy.misc\n    return scipy.misc.imread('x')\n"):
        new = analyse_source(source, rewrite=True).new_source
        for block in new.split("def f():"):
            assert block.count("import scipy_misc_compat\n") == 1, new


def test_removed_methods_are_reported_on_call_results_too():
    uses = analyse_source("import numpy as np\nraw = np.zeros(3).tostring()\nload('x')[0].tostring()\n").uses
    assert [(use.line, use.name, use.kind) for use in uses] == [(2, "ndarray.tostring", "removed"),
                                                               (3, "ndarray.tostring", "removed")]


def test_scan_reports_removed_names_with_the_release_that_removed_them(tmp_path):
    script = tmp_path / "old.py"
    script.write_text("import numpy as np\nfrom PIL import Image\nx = np.int(3)\nImage.LINEAR\n")
    completed = cli("scan", str(script))
    assert completed.returncode == 1
    assert "removed numpy.int: np.int  [removed in numpy 1.24; restored by `run`; migrate writes int]" in \
        completed.stdout
    assert "removed PIL.Image.LINEAR" in completed.stdout and "Pillow 10.0" in completed.stdout
    assert "0 uses of scipy.misc and 2 of removed numpy/Pillow names" in completed.stderr
