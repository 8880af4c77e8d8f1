"""scipy 1.1.0's own tests for these functions, run against this package.

``scipy/misc/tests/test_pilutil.py`` and its ``data/`` are taken from the scipy
1.1.0 wheel (downloaded with pip on first use and cached, see ``scipy_wheel``),
extracted to a temporary directory, and run with only their imports adapted:
``scipy.misc`` becomes ``scipy_misc_compat`` and scipy's private
``suppress_warnings`` becomes numpy's public one.  No assertion is changed and
nothing of them is committed here.
"""

import os
import re
import subprocess
import sys

import scipy_wheel

#: Import lines of test_pilutil.py and what they become. Nothing else is edited.
IMPORT_ADAPTATIONS = [
    ("from scipy._lib._numpy_compat import suppress_warnings", "from numpy.testing import suppress_warnings"),
    ("from scipy import misc", "import scipy_misc_compat as misc"),
    # test_imresize iterates over ``np.sctypes['float']``, removed in numpy 2.0: on numpy 2
    # the test module's ``np`` is numpy plus that one table (see NUMPY_WITH_SCTYPES).
    ("import numpy as np\n", "from numpy_with_sctypes import np\n"),
]

#: A module giving numpy back its ``sctypes['float']`` table where numpy 2 removed it.
NUMPY_WITH_SCTYPES = """
import numpy as np
if not hasattr(np, "sctypes"):  # removed in numpy 2.0; the float list as numpy 1.x had it
    import types
    np = types.SimpleNamespace(**{name: getattr(np, name) for name in dir(np) if not name.startswith("__")})
    np.sctypes = {"float": [np.float16, np.float32, np.float64, np.longdouble]}
"""


def adapted_test_source(source):
    for old, new in IMPORT_ADAPTATIONS:
        assert source.count(old) == 1, "scipy's test file changed: %r" % old
        source = source.replace(old, new)
    return source


def test_scipy_1_1_0_pilutil_tests_pass_against_this_package(tmp_path):
    scipy_wheel.extract("scipy/misc/tests/", str(tmp_path))
    tests_dir = tmp_path / "scipy" / "misc" / "tests"
    original = tests_dir / "test_pilutil.py"
    (tests_dir / "test_pilutil_adapted.py").write_text(adapted_test_source(original.read_text()))
    for name in ("test_pilutil.py", "test_common.py", "test_doccer.py", "__init__.py"):
        (tests_dir / name).unlink()
    (tests_dir / "numpy_with_sctypes.py").write_text(NUMPY_WITH_SCTYPES)
    (tmp_path / "pytest.ini").write_text("[pytest]\n")  # not this repository's settings
    completed = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tests_dir)],
        cwd=str(tmp_path), capture_output=True, text=True, env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"))
    report = completed.stdout + completed.stderr
    assert completed.returncode == 0, report
    passed = int(re.search(r"(\d+) passed", report).group(1))
    assert passed == 20, report  # every test in the file
    assert "failed" not in report, report
