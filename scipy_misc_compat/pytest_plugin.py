"""pytest plugin: run a legacy project's test suite against scipy-misc-compat, unmodified.

Inactive unless asked for:

- ``pytest --scipy-misc-compat`` installs ``scipy.misc`` (``install(without_scipy=True)``)
  before any test module is imported, and uninstalls it at the end of the session;
- ``pytest --scipy-misc-compat-legacy-aliases`` does the same and also restores the numpy
  and Pillow names legacy code used (``np.float``, ``Image.ANTIALIAS``, ...:
  ``install(legacy_aliases=True)``);
- ``pytest --scipy-misc-compat-reference pillow-7.0`` (or ``2018``, ``2022``; with or without
  the above) reproduces that Pillow release's results for the whole session (``use_reference``), and
  ``--scipy-misc-compat-failed-saves as-recorded`` what its failed saves left behind;
- the ``scipy_misc_compat_installed`` fixture does the same as the first for one test;
- the ``legacy_image_regression`` fixture checks images against baselines kept beside the test
  (``legacy_image_regression.check(array_or_image, name)``; ``--legacy-image-regen`` writes them,
  ``--legacy-image-results DIR`` is where failures leave the obtained image and a heatmap).

The header of the run says whether ``scipy.misc`` is provided and which reference is in use.
"""

from __future__ import annotations

import os
import re
from typing import Any, Iterator

import pytest


def pytest_addoption(parser: Any) -> None:
    group = parser.getgroup("scipy-misc-compat")
    group.addoption("--scipy-misc-compat", action="store_true", default=False,
                    help="provide scipy 1.1.0's scipy.misc (imread, imsave, imresize, ...) from scipy-misc-compat "
                         "for the whole session, so that a legacy test suite runs unmodified")
    group.addoption("--scipy-misc-compat-legacy-aliases", action="store_true", default=False,
                    help="--scipy-misc-compat, and restore the numpy/Pillow names legacy code used beside scipy.misc "
                         "(np.float, np.int, Image.ANTIALIAS, ...) with their old meaning")
    # The failed-saves choices are spelled out (FAILED_SAVES; tests/test_run_and_plugin.py checks them), and
    # reference names are checked in pytest_configure: importing the package here would load numpy and
    # Pillow into every pytest run of the machine.
    group.addoption("--scipy-misc-compat-reference", default=None, metavar="NAME",
                    help="the Pillow release whose results the legacy functions reproduce: pillow-4.0 ... pillow-9.3, "
                         "2018 (= pillow-5.3, libjpeg 9c) or 2022 (= pillow-9.3, the default); as "
                         "SCIPY_MISC_COMPAT_REFERENCE")
    group.addoption("--scipy-misc-compat-failed-saves", choices=("atomic", "as-recorded"), default=None,
                    help="as-recorded: a failed save leaves at its path what the reference's Pillow left (2018: an "
                         "emptied file); atomic (default): the path stays as it was")


    group.addoption("--legacy-image-regen", action="store_true", default=False,
                    help="legacy_image_regression: write (or rewrite) the baselines from this run's images")
    group.addoption("--legacy-image-results", metavar="DIR", default=None,
                    help="legacy_image_regression: where a failing check writes the obtained image and its heatmap "
                         "(default: the run's temporary directory)")


def pytest_configure(config: Any) -> None:
    reference = config.getoption("scipy_misc_compat_reference", default=None)
    failed_saves = config.getoption("scipy_misc_compat_failed_saves", default=None)
    if reference or failed_saves:
        from scipy_misc_compat import use_reference
        try:
            config._scipy_misc_compat_reference = use_reference(reference, failed_saves=failed_saves)
        except ValueError as error:
            raise pytest.UsageError("--scipy-misc-compat-reference: %s" % error) from None
    aliases = config.getoption("scipy_misc_compat_legacy_aliases", default=False)
    # choosing a reference is for legacy code that imports scipy.misc: it implies the shim
    if aliases or reference or config.getoption("scipy_misc_compat", default=False):
        from scipy_misc_compat import install
        config._scipy_misc_compat_installed = install(without_scipy=True, legacy_aliases=aliases)


def pytest_unconfigure(config: Any) -> None:
    if getattr(config, "_scipy_misc_compat_reference", None) is not None:
        from scipy_misc_compat import use_reference
        use_reference(None)  # back to the environment's choice
    if getattr(config, "_scipy_misc_compat_installed", False):
        from scipy_misc_compat import uninstall
        uninstall()


def pytest_report_header(config: Any) -> str:
    """One line: whether scipy.misc is provided by this package, and the reference in use."""
    if not (getattr(config, "_scipy_misc_compat_installed", False) or
            getattr(config, "_scipy_misc_compat_reference", None) is not None):
        return "scipy-misc-compat: scipy.misc not provided (--scipy-misc-compat provides it)"
    from scipy_misc_compat import current_reference
    return "scipy-misc-compat: scipy.misc provided; legacy reference %s" % current_reference()


@pytest.fixture
def legacy_image_regression(request: Any, tmp_path_factory: Any) -> Any:
    """Check images against baselines beside the test: ``legacy_image_regression.check(image, name)``."""
    from scipy_misc_compat.tools._image_regression import ImageRegression
    test_file = str(request.node.fspath)
    baseline_dir = os.path.join(os.path.dirname(test_file), os.path.splitext(os.path.basename(test_file))[0])
    results = request.config.getoption("legacy_image_results") or str(tmp_path_factory.getbasetemp().joinpath(
        "legacy_image_results"))
    name = re.sub(r"[^\w.-]+", "_", request.node.name).strip("_")
    return ImageRegression(baseline_dir, results, name, request.config.getoption("legacy_image_regen"))


@pytest.fixture
def scipy_misc_compat_installed() -> Iterator[None]:
    """``scipy.misc`` provided by scipy-misc-compat for the duration of one test."""
    from scipy_misc_compat import installed
    with installed(without_scipy=True):
        yield
