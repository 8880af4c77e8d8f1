import os
import sys

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
