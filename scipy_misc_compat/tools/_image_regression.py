"""Golden-image checks inside tests: ``legacy_image_regression.check(array_or_image, name)``.

The pytest plugin's ``legacy_image_regression`` fixture is an ``ImageRegression`` bound to the
test: its baselines live beside the test file, in a folder named after the test module
(``tests/test_figures.py`` -> ``tests/test_figures/NAME.png``), written with
``imsave(..., exact=True)`` so that a baseline holds the array itself (PNG for integers that
fit, TIFF otherwise). A check compares the obtained image with the baseline as ``compare``
does (exact by default; the same tolerances), and on failure writes the obtained image and a
difference heatmap into the results folder and says where. ``--legacy-image-regen`` writes
(or rewrites) the baselines instead; a missing baseline fails the test, so that CI never
makes one up. Every test writes only its own files, so pytest-xdist workers do not collide.
"""

from __future__ import annotations

import os
import re
from typing import Any, Optional, Union

import numpy as np
from PIL import Image

from ..exact._exact_codecs import ExactStorageError
from ._compare import Tolerance, compare_files, read_for_comparison


class ImageRegressionError(AssertionError):
    """A golden-image check failed: the message says how, and where the obtained image was written."""


def _as_array(image: Any) -> np.ndarray:
    if isinstance(image, Image.Image):
        return np.asarray(image.convert("RGBA") if image.mode == "P" else image)
    array = np.asarray(image)
    if array.dtype == object or array.ndim not in (2, 3):
        raise TypeError("legacy_image_regression.check: image must be a 2-D or 3-D array or a PIL image, not %s"
                        % type(image).__name__)
    return array


def _write(path_stem: str, array: np.ndarray) -> str:
    """The array stored exactly: PNG where it fits, else TIFF; returns the path written."""
    from ..legacy import imsave
    for extension in (".png", ".tif"):
        try:
            imsave(path_stem + extension, array, exact=True)
        except ExactStorageError:
            continue
        return path_stem + extension
    raise ExactStorageError("legacy_image_regression: %s arrays of shape %s cannot be stored exactly"
                            % (array.dtype, array.shape))


class ImageRegression:
    """Checks arrays or PIL images against baseline files kept beside a test."""

    def __init__(self, baseline_dir: str, results_dir: str, default_name: str, regenerate: bool = False,
                 tolerance: Optional[Tolerance] = None) -> None:
        self.baseline_dir, self.results_dir = baseline_dir, results_dir
        self.default_name, self.regenerate = default_name, regenerate
        self.tolerance = tolerance or Tolerance()

    def baseline(self, name: str) -> Optional[str]:
        for extension in (".png", ".tif"):
            path = os.path.join(self.baseline_dir, name + extension)
            if os.path.exists(path):
                return path
        return None

    def check(self, image: Any, name: Optional[str] = None, *, tolerance: Union[None, float, Tolerance] = None,
              max_share: float = 0.0, min_psnr: Optional[float] = None) -> None:
        """Compare ``image`` with the baseline ``name`` (default: the test's name).

        Parameters
        ----------
        image : array_like or PIL.Image.Image
            What the test made: a 2-D or 3-D array of any dtype ``imsave(..., exact=True)`` stores,
            or a PIL image (a palette image is compared by its colours).
        name : str, optional
            The baseline's file name without extension; letters, digits, ``-``, ``_`` and ``.``.
        tolerance, max_share, min_psnr
            As for ``compare``: the largest |a - b| per sample, the share of samples allowed
            beyond it, the lowest PSNR (or a ``Tolerance``). Default: exact.

        Raises
        ------
        ImageRegressionError
            The baseline is missing (rerun with ``--legacy-image-regen`` to write it), or the image
            differs from it; the obtained image and a heatmap are written into the results folder.
        """
        name = name or self.default_name
        if not re.fullmatch(r"[\w.-]+", name):
            raise ValueError("legacy_image_regression.check: name %r may hold letters, digits, '-', '_' and '.'"
                             % name)
        array = _as_array(image)
        if isinstance(tolerance, Tolerance):
            rule = tolerance
        else:
            rule = Tolerance(float(tolerance or 0.0), max_share, min_psnr) if (tolerance or max_share or
                                                                              min_psnr is not None) else self.tolerance
        baseline = self.baseline(name)
        if self.regenerate:
            os.makedirs(self.baseline_dir, exist_ok=True)
            if baseline is not None:
                os.remove(baseline)  # the new one may take the other format
            _write(os.path.join(self.baseline_dir, name), array)
            return
        os.makedirs(self.results_dir, exist_ok=True)
        obtained = _write(os.path.join(self.results_dir, name + ".obtained"), array)
        if baseline is None:
            raise ImageRegressionError("no baseline %s in %s: run pytest with --legacy-image-regen to write it from "
                                       "this result (%s), look at it, and commit it" % (name, self.baseline_dir,
                                                                                        obtained))
        result = compare_files(baseline, obtained, rule)
        if result.equal:
            os.remove(obtained)
            return
        heatmap_path = self._heatmap(baseline, obtained, name)
        raise ImageRegressionError("%s differs from its baseline %s: %s%s; obtained image: %s%s" % (
            name, baseline, result.describe().split(": ", 1)[-1], " (tolerance: %s)" % rule.describe()
            if rule.describe() else "", obtained, "; heatmap: %s" % heatmap_path if heatmap_path else ""))

    def _heatmap(self, baseline: str, obtained: str, name: str) -> Optional[str]:
        from ._report import heatmap
        a, _ = read_for_comparison(baseline)
        b, _ = read_for_comparison(obtained)
        if a.shape != b.shape:
            return None
        difference = np.abs(a.astype(np.float64) - b.astype(np.float64))
        if difference.ndim == 3:
            difference = difference.max(axis=2)
        path = os.path.join(self.results_dir, name + ".diff.png")
        Image.fromarray(heatmap(difference)).save(path)
        return path


__all__ = ["ImageRegression", "ImageRegressionError"]
