import os
import shutil
import sys

import pytest

# The fixture codec is shared with tools/record_worker.py, which imports it by path.
sys.path.insert(0, os.path.dirname(__file__))

# Legacy code used as test material (run in subprocesses), not tests of this repository.
collect_ignore = ["data"]


def pytest_report_header(config):
    import numpy
    import PIL

    import scipy_misc_compat

    return "scipy_misc_compat from %s; numpy %s; Pillow %s" % (
        os.path.dirname(scipy_misc_compat.__file__), numpy.__version__, PIL.__version__)


@pytest.fixture(scope="session")
def scipy_1_1_0_datasets(tmp_path_factory):
    """A directory holding ascent.dat, ecg.dat and face.dat from scipy 1.1.0's wheel (pip, cached):
    what ``SCIPY_MISC_COMPAT_DATASETS`` names on an offline machine."""
    import scipy_wheel
    directory = tmp_path_factory.mktemp("scipy_1_1_0_datasets")
    for path in scipy_wheel.extract("scipy/misc/", str(directory)):
        if path.endswith(".dat"):
            shutil.copy(path, str(directory))
    return str(directory)
