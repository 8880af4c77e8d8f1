"""The package version: the one place it is written (pyproject.toml reads it; CHANGELOG.md lists it)."""

__version__ = "0.4.1"
