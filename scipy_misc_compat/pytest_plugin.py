"""pytest plugin: run a legacy project's test suite against scipy-misc-compat, unmodified.

Inactive unless asked for:

- ``pytest --scipy-misc-compat`` installs ``scipy.misc`` (``install(without_scipy=True)``)
  before any test module is imported, and uninstalls it at the end of the session;
- ``pytest --scipy-misc-compat-legacy-aliases`` does the same and also restores the numpy
  and Pillow names legacy code used (``np.float``, ``Image.ANTIALIAS``, ...:
  ``install(legacy_aliases=True)``);
- the ``scipy_misc_compat_installed`` fixture does the same as the first for one test.
"""

from __future__ import annotations

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


def pytest_configure(config: Any) -> None:
    aliases = config.getoption("scipy_misc_compat_legacy_aliases", default=False)
    if aliases or config.getoption("scipy_misc_compat", default=False):
        from scipy_misc_compat import install
        config._scipy_misc_compat_installed = install(without_scipy=True, legacy_aliases=aliases)


def pytest_unconfigure(config: Any) -> None:
    if getattr(config, "_scipy_misc_compat_installed", False):
        from scipy_misc_compat import uninstall
        uninstall()


@pytest.fixture
def scipy_misc_compat_installed() -> Iterator[None]:
    """``scipy.misc`` provided by scipy-misc-compat for the duration of one test."""
    from scipy_misc_compat import installed
    with installed(without_scipy=True):
        yield
