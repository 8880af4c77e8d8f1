"""Comparing two images, or two directories of images, for regression runs (the ``compare`` command).

Images are read as stored (``imread(..., exact=True)``: full depth, natural dtype, no
legacy conversion), so a 16-bit PNG compares as uint16 and a palette image by its
indices; ``.npy`` files are compared too. Statistics are computed over row blocks, so
comparing two 20k x 20k images needs a few tens of MiB beyond the images themselves.
"""

from __future__ import annotations

import filecmp
import io
import math
import os
from dataclasses import asdict, dataclass, field
from typing import Any, Callable, Iterator, List, Optional, Tuple

import numpy as np
from PIL import Image

from ..exact._exact_codecs import read_exact
from ..pipeline._io import read_bytes, reading, write_to

IMAGE_EXTENSIONS = (".png", ".tif", ".tiff", ".jpg", ".jpeg", ".bmp", ".gif", ".webp", ".ppm", ".pgm", ".pbm",
                    ".npy")
_BLOCK_ELEMENTS = 1 << 22  # rows per block: about 4 M samples, 32 MiB of float64 differences


@dataclass
class Comparison:
    """The result of comparing image ``a`` with image ``b``."""

    a: str
    b: str
    equal: bool = False  #: same shape, dtype and mode, and no sample differs by more than the tolerance
    problem: str = ""  #: why they could not be compared sample by sample (missing, unreadable, shape), else ''
    shape: Tuple[Tuple[int, ...], Tuple[int, ...]] = ((), ())
    dtype: Tuple[str, str] = ("", "")
    mode: Tuple[str, str] = ("", "")
    differing_pixels: int = 0  #: pixels (positions) where some channel differs by more than the tolerance
    total_pixels: int = 0
    max_abs_difference: float = 0.0
    bounding_box: Optional[Tuple[int, int, int, int]] = None  #: (top, left, bottom, right), rows/columns inclusive
    psnr: float = math.inf  #: in dB, against the dtype's range (floats: the data range of ``a``); inf when equal
    mismatches: List[str] = field(default_factory=list)  #: "dtype", "mode" when they differ
    #: one side is an empty file and the other is missing: what a save that failed left on an old stack
    failed_save: bool = False

    def as_dict(self) -> dict:
        result = asdict(self)
        for key in ("max_abs_difference", "psnr"):
            value = result[key]
            result[key] = value if math.isfinite(value) else (None if key == "psnr" else str(value))
        return result

    def describe(self) -> str:
        """One line for people."""
        if self.problem:
            return "DIFFERENT %s: %s" % (self.b, self.problem)
        header = "equal    " if self.equal else "DIFFERENT"
        parts = []
        for what in self.mismatches:
            pair = getattr(self, what)
            parts.append("%s %s vs %s" % (what, pair[0], pair[1]))
        if self.differing_pixels:
            top, left, bottom, right = self.bounding_box  # type: ignore[misc]
            parts.append("%d of %d pixels differ (%.3g%%), max |a-b| %s, rows %d..%d, columns %d..%d, PSNR %.2f dB" % (
                self.differing_pixels, self.total_pixels, 100.0 * self.differing_pixels / self.total_pixels,
                _number(self.max_abs_difference), top, bottom, left, right, self.psnr))
        elif self.max_abs_difference:
            parts.append("within tolerance (max |a-b| %s)" % _number(self.max_abs_difference))
        return "%s %s%s" % (header, self.b, (": " + "; ".join(parts)) if parts else "")


WHICH_REFERENCE_HINT = ("If the golden files were made on another stack (scipy.misc's results changed with the "
                        "Pillow release), `scipy-misc-compat which-reference --golden GOLDEN --outputs OUT -- "
                        "SCRIPT [ARGS...]` runs the pipeline under every reference and says which one, if any, "
                        "reproduces them; README.md, 'Which reference?'.")


FAILED_SAVES_HINT = ("An empty file on one side only is what a save that failed (RGBA as JPEG, mode F as PNG) left "
                     "on Pillow < 9.1; this package leaves the path as it was. To reproduce those files, rerun with "
                     "SCIPY_MISC_COMPAT_FAILED_SAVES=as-recorded (or `scipy-misc-compat run --failed-saves "
                     "as-recorded`).")


def reference_hint(results: List[Comparison]) -> Optional[str]:
    """What to try next: where images differ sample by sample, ``which-reference`` (which never
    presumes a reference: a real regression looks the same); where only empty files stand against
    missing ones, the failed-saves option (Pillow < 9.1 left them behind)."""
    unequal = [result for result in results if not result.equal]
    if any(not result.failed_save and not result.problem for result in unequal):
        return WHICH_REFERENCE_HINT
    if unequal and all(result.failed_save for result in unequal):
        return FAILED_SAVES_HINT
    return None


def _number(value: float) -> str:
    return "%d" % value if math.isfinite(value) and value == int(value) else "%.6g" % value


def read_for_comparison(path: str) -> Tuple[np.ndarray, str]:
    """The stored samples and the PIL mode ('' for ``.npy``); OSError/ValueError naming the file otherwise."""
    if path.lower().endswith(".npy"):
        with reading(path):
            return np.load(path, allow_pickle=False), ""
    with reading(path):
        data = read_bytes(path)  # read once: the mode from its header, the samples from the same bytes
        with Image.open(io.BytesIO(data)) as image:
            mode = image.mode
        return read_exact(data), mode


def compare_files(path_a: str, path_b: str, tolerance: float = 0.0,
                  diff_image: Optional[str] = None) -> Comparison:
    """Compare two image files; with ``diff_image``, write a picture of where they differ.

    Examples
    --------
    >>> import os, tempfile, numpy as np
    >>> from scipy_misc_compat import imsave
    >>> folder = tempfile.mkdtemp()
    >>> a = np.zeros((4, 6), np.uint8); b = a.copy(); b[1:3, 2] = [5, 9]
    >>> imsave(os.path.join(folder, 'a.png'), a, exact=True)
    >>> imsave(os.path.join(folder, 'b.png'), b, exact=True)
    >>> result = compare_files(os.path.join(folder, 'a.png'), os.path.join(folder, 'b.png'))
    >>> result.equal, result.differing_pixels, result.max_abs_difference, result.bounding_box
    (False, 2, 9.0, (1, 2, 2, 2))
    >>> compare_files(os.path.join(folder, 'a.png'), os.path.join(folder, 'b.png'), tolerance=9).equal
    True
    """
    result = Comparison(path_a, path_b)
    try:
        a, mode_a = read_for_comparison(path_a)
        b, mode_b = read_for_comparison(path_b)
    except (OSError, ValueError) as error:
        if _same_bytes(path_a, path_b):  # e.g. the empty files of two failed saves: nothing to decode, nothing differs
            result.equal = True
        else:
            result.problem = str(error)
        return result
    result.shape, result.dtype, result.mode = (a.shape, b.shape), (str(a.dtype), str(b.dtype)), (mode_a, mode_b)
    result.mismatches = [what for what in ("dtype", "mode") if getattr(result, what)[0] != getattr(result, what)[1]]
    if a.shape != b.shape:
        result.problem = "shape %s vs %s" % (a.shape, b.shape)
        return result
    compare_arrays(a, b, tolerance, result)
    result.equal = not result.mismatches and result.differing_pixels == 0
    if diff_image is not None and not result.equal:
        write_diff_image(a, b, tolerance, diff_image)
    return result


def _same_bytes(path_a: str, path_b: str) -> bool:
    try:
        return filecmp.cmp(path_a, path_b, shallow=False)
    except OSError:
        return False


def compare_arrays(a: np.ndarray, b: np.ndarray, tolerance: float, result: Comparison) -> None:
    """Fill ``result``'s statistics. NaN equals NaN; a NaN against a number is an infinite difference."""
    rows = a.shape[0] if a.ndim else 1
    result.total_pixels = int(np.prod(a.shape[:2])) if a.ndim >= 2 else int(a.size)
    squared_error, rows_hit, columns_hit = 0.0, [], []
    for start, differs, difference in _blocks(a, b, tolerance, rows):
        result.differing_pixels += int(np.count_nonzero(differs))
        if difference.size:
            result.max_abs_difference = max(result.max_abs_difference, float(difference.max()))
            finite = np.isfinite(difference)  # a NaN against a number counts as differing, not in the PSNR
            squared_error += float(np.square(difference, where=finite, out=np.zeros_like(difference)).sum())
        if differs.any():
            hit_rows = np.flatnonzero(differs.any(axis=1)) if differs.ndim > 1 else np.flatnonzero(differs)
            rows_hit += [start + int(hit_rows[0]), start + int(hit_rows[-1])]
            if differs.ndim > 1:
                hit_columns = np.flatnonzero(differs.any(axis=0))
                columns_hit += [int(hit_columns[0]), int(hit_columns[-1])]
    if rows_hit:
        result.bounding_box = (min(rows_hit), min(columns_hit or [0]), max(rows_hit), max(columns_hit or [0]))
    result.psnr = _psnr(squared_error / max(a.size, 1), _peak(a))


def _blocks(a: np.ndarray, b: np.ndarray, tolerance: float,
            rows: int) -> Iterator[Tuple[int, np.ndarray, np.ndarray]]:
    """(first row, pixel-differs mask, |a - b| in float64) per block of rows."""
    if a.ndim == 0:
        a, b = a.reshape(1), b.reshape(1)
    per_row = max(1, a[0].size)
    step = max(1, _BLOCK_ELEMENTS // per_row)
    for start in range(0, rows, step):
        block_a, block_b = a[start:start + step].astype(np.float64), b[start:start + step].astype(np.float64)
        with np.errstate(invalid="ignore"):  # inf - inf
            difference = np.abs(block_a - block_b)
        difference[(block_a == block_b) | np.isnan(block_a) & np.isnan(block_b)] = 0.0  # inf == inf, NaN "==" NaN
        difference[np.isnan(difference)] = np.inf  # NaN against a number
        differs: Any = difference > tolerance
        if differs.ndim > 2:
            differs = differs.any(axis=tuple(range(2, differs.ndim)))
        yield start, differs, difference


def _peak(a: np.ndarray) -> float:
    if a.dtype == bool:
        return 1.0
    if a.dtype.kind in "ui":
        info = np.iinfo(a.dtype)
        return float(info.max) if a.dtype.kind == "u" else float(info.max) - float(info.min)
    finite = a[np.isfinite(a)] if a.size else a
    span = float(finite.max() - finite.min()) if finite.size else 0.0
    return span or 1.0


def _psnr(mse: float, peak: float) -> float:
    return math.inf if mse == 0 else 10.0 * math.log10(peak * peak / mse)


def write_diff_image(a: np.ndarray, b: np.ndarray, tolerance: float, path: str) -> None:
    """An RGB PNG: ``a`` as dimmed gray, pixels that differ beyond the tolerance in red."""
    if a.ndim < 2:
        a, b = a.reshape(1, -1), b.reshape(1, -1)
    gray = a.astype(np.float64)
    if gray.ndim == 3:
        gray = gray[..., :3].mean(axis=2)
    finite = np.isfinite(gray)
    low, high = (gray[finite].min(), gray[finite].max()) if finite.any() else (0.0, 0.0)
    scaled = np.where(finite, (gray - low) / ((high - low) or 1.0) * 100.0 + 30.0, 0.0).astype(np.uint8)
    picture = np.repeat(scaled[..., np.newaxis], 3, axis=2)
    for start, differs, _ in _blocks(a, b, tolerance, a.shape[0]):
        picture[start:start + differs.shape[0]][differs] = (255, 0, 0)
    image = Image.fromarray(picture.reshape(picture.shape[0], -1, 3))
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    write_to(path, lambda handle: image.save(handle, format="PNG"))


def image_files(directory: str) -> List[str]:
    """Relative paths of the image files under ``directory``, sorted."""
    found = []
    for folder, subfolders, files in os.walk(directory):
        subfolders.sort()
        for name in files:
            if name.lower().endswith(IMAGE_EXTENSIONS):
                found.append(os.path.relpath(os.path.join(folder, name), directory))
    return sorted(found)


def compare_directories(dir_a: str, dir_b: str, tolerance: float = 0.0, diff_dir: Optional[str] = None,
                        progress: Optional[Callable[[int, int, str], None]] = None) -> List[Comparison]:
    """Compare the images of two directories, matched by relative path; a file on one side only is a problem."""
    names = sorted(set(image_files(dir_a)) | set(image_files(dir_b)))
    results = []
    for done, name in enumerate(names):
        if progress is not None:
            progress(done, len(names), name)
        path_a, path_b = os.path.join(dir_a, name), os.path.join(dir_b, name)
        missing = [path for path in (path_a, path_b) if not os.path.exists(path)]
        if missing:
            present = path_b if missing[0] == path_a else path_a
            empty = os.path.getsize(present) == 0
            results.append(Comparison(path_a, path_b, failed_save=empty, problem="missing: %s%s" % (
                missing[0], " (%s is an empty file, as a failed save left it)" % present if empty else "")))
            continue
        diff = None
        if diff_dir is not None:
            diff = os.path.join(diff_dir, os.path.splitext(name)[0] + ".diff.png")
        results.append(compare_files(path_a, path_b, tolerance, diff))
    if progress is not None:
        progress(len(names), len(names), "")
    return results


__all__ = ["Comparison", "compare_files", "compare_arrays", "compare_directories", "write_diff_image",
           "read_for_comparison", "image_files", "IMAGE_EXTENSIONS"]
