"""pytest plugin: run a legacy project's test suite against scipy-misc-compat, unmodified.

Inactive unless asked for:

- ``pytest --scipy-misc-compat`` installs ``scipy.misc`` (``install(without_scipy=True)``)
  before any test module is imported, and uninstalls it at the end of the session;
- the ``scipy_misc_compat_installed`` fixture does the same for one test.
"""

from __future__ import annotations

from typing import Any, Iterator

import pytest


def pytest_addoption(parser: Any) -> None:
    group = parser.getgroup("scipy-misc-compat")
    group.addoption("--scipy-misc-compat", action="store_true", default=False,
                    help="provide scipy 1.1.0's scipy.misc (imread, imsave, imresize, ...) from scipy-misc-compat "
                         "for the whole session, so that a legacy test suite runs unmodified")


def pytest_configure(config: Any) -> None:
    if config.getoption("scipy_misc_compat", default=False):
        from scipy_misc_compat import install
        config._scipy_misc_compat_installed = install(without_scipy=True)


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
