"""Comparing two images, or two directories of images, for regression runs (the ``compare`` command).

Two files with the same bytes are equal without being decoded; only pairs that differ are
read and measured. Images are read as stored (``imread(..., exact=True)``: full depth,
natural dtype, no legacy conversion), so a 16-bit PNG compares as uint16 and a palette
image by its indices; ``.npy`` files are compared too, and any other file by its bytes.
Statistics are computed over row blocks, so comparing two 20k x 20k images needs a few tens
of MiB beyond the images themselves. ``compare_dirs`` streams its results (in path order)
and can spread the pairs over a process pool; every function here is pure and its results
are picklable, so multiprocessing, Dask or Ray can map ``compare_files`` over many files.
"""

from __future__ import annotations

import io
import math
import os
from dataclasses import asdict, dataclass, field
from typing import Any, Callable, Iterable, Iterator, List, Optional, Tuple, Union

import numpy as np
from PIL import Image

from ..exact._exact_codecs import read_exact
from ..pipeline._io import read_bytes, reading, write_to

IMAGE_EXTENSIONS = (".png", ".tif", ".tiff", ".jpg", ".jpeg", ".bmp", ".gif", ".webp", ".ppm", ".pgm", ".pbm",
                    ".npy")
_BLOCK_ELEMENTS = 1 << 22  # rows per block: about 4 M samples, 32 MiB of float64 differences


@dataclass(frozen=True)
class Tolerance:
    """How different two images may be and still pass.

    A pair passes when shape, dtype and mode agree, the share of samples that differ by
    more than ``max_abs`` is at most ``max_share``, and the PSNR is at least ``min_psnr``
    (when given). The default is exact: no sample may differ.
    """

    max_abs: float = 0.0  #: largest |a - b| per sample still counted as equal
    max_share: float = 0.0  #: share (0..1) of samples allowed to differ by more than ``max_abs``
    min_psnr: Optional[float] = None  #: in dB; a pair below it fails

    def __post_init__(self) -> None:
        if not (self.max_abs >= 0):
            raise ValueError("tolerance: max_abs must be >= 0, not %r" % (self.max_abs,))
        if not (0 <= self.max_share <= 1):
            raise ValueError("tolerance: max_share is a share of samples, from 0 to 1, not %r" % (self.max_share,))

    def describe(self) -> str:
        parts = ["max |a-b| %s" % _number(self.max_abs)] if self.max_abs else []
        parts += ["share %s" % _number(self.max_share)] if self.max_share else []
        parts += ["PSNR >= %s dB" % _number(self.min_psnr)] if self.min_psnr is not None else []
        return ", ".join(parts)


TOLERANCE_EXACT = Tolerance()


def as_tolerance(tolerance: Union[None, float, Tolerance]) -> Tolerance:
    """A ``Tolerance`` from one (None: exact), or from a number: the largest |a - b| per sample."""
    if tolerance is None:
        return TOLERANCE_EXACT
    return tolerance if isinstance(tolerance, Tolerance) else Tolerance(max_abs=float(tolerance))


@dataclass
class Comparison:
    """The result of comparing file ``a`` (the golden one) with file ``b``."""

    a: str
    b: str
    equal: bool = False  #: passes: same shape, dtype and mode, and within the tolerance
    problem: str = ""  #: why they could not be compared sample by sample (missing, unreadable, shape), else ''
    error: bool = False  #: missing, unreadable or on one side only (``problem`` says which): exit status 2
    identical_bytes: bool = False  #: the same bytes: equal without decoding
    differing_samples: int = 0  #: samples (channel values) that differ by more than the tolerance's ``max_abs``
    total_samples: int = 0
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

    @property
    def status(self) -> str:
        """``'equal'``, ``'different'`` or ``'error'`` (missing, unreadable, present on one side only)."""
        return "error" if self.error else "equal" if self.equal else "different"

    @property
    def share(self) -> float:
        """The share of samples that differ by more than the tolerance's ``max_abs`` (0..1)."""
        return self.differing_samples / self.total_samples if self.total_samples else 0.0

    def as_dict(self) -> dict:
        result = asdict(self)
        result["status"], result["share"] = self.status, self.share
        for key in ("max_abs_difference", "psnr"):
            value = result[key]
            result[key] = value if math.isfinite(value) else (None if key == "psnr" else str(value))
        return result

    def describe(self) -> str:
        """One line for people."""
        if self.error:
            return "ERROR     %s: %s" % (self.b, self.problem)
        if self.problem:
            return "DIFFERENT %s: %s" % (self.b, self.problem)
        if self.identical_bytes:
            return "equal     %s" % self.b
        header = "equal    " if self.equal else "DIFFERENT"
        parts = []
        for what in self.mismatches:
            pair = getattr(self, what)
            parts.append("%s %s vs %s" % (what, pair[0], pair[1]))
        if self.differing_pixels:
            top, left, bottom, right = self.bounding_box  # type: ignore[misc]
            parts.append("%d of %d pixels differ (%.3g%%), max |a-b| %s, rows %d..%d, columns %d..%d, PSNR %.2f dB%s"
                         % (self.differing_pixels, self.total_pixels, 100.0 * self.differing_pixels / self.total_pixels,
                            _number(self.max_abs_difference), top, bottom, left, right, self.psnr,
                            " (within tolerance)" if self.equal else ""))
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


def compare_files(path_a: str, path_b: str, tolerance: Union[None, float, Tolerance] = None,
                  diff_image: Optional[str] = None) -> Comparison:
    """Compare two files: images sample by sample, anything else by its bytes.

    Parameters
    ----------
    path_a, path_b : str
        The golden file and the file to check.
    tolerance : float or Tolerance, optional
        A number is the largest |a - b| per sample still counted as equal; a ``Tolerance``
        also allows a share of differing samples and a minimum PSNR. Default: exact.
    diff_image : str, optional
        Where to write a picture of the differing pixels (only when they differ).

    Returns
    -------
    Comparison
        Picklable; ``status`` is ``'equal'``, ``'different'`` or ``'error'`` (a file missing or
        unreadable). Files with the same bytes are equal without being decoded.

    Examples
    --------
    >>> import os, tempfile, numpy as np
    >>> from scipy_misc_compat import imsave
    >>> folder = tempfile.mkdtemp()
    >>> a = np.zeros((4, 6), np.uint8); b = a.copy(); b[1:3, 2] = [5, 9]
    >>> imsave(os.path.join(folder, 'a.png'), a, exact=True)
    >>> imsave(os.path.join(folder, 'b.png'), b, exact=True)
    >>> result = compare_files(os.path.join(folder, 'a.png'), os.path.join(folder, 'b.png'))
    >>> result.status, result.differing_pixels, result.max_abs_difference, result.bounding_box
    ('different', 2, 9.0, (1, 2, 2, 2))
    >>> compare_files(os.path.join(folder, 'a.png'), os.path.join(folder, 'b.png'), tolerance=9).equal
    True
    >>> compare_files(os.path.join(folder, 'a.png'), os.path.join(folder, 'a.png')).identical_bytes
    True
    """
    tolerance = as_tolerance(tolerance)
    result = Comparison(path_a, path_b)
    missing = [path for path in (path_a, path_b) if not os.path.isfile(path)]
    if missing:
        result.error, result.problem = True, "missing: %s" % ", ".join(missing)
        return result
    if _same_bytes(path_a, path_b):
        result.equal = result.identical_bytes = True
        return result
    if not is_image_name(path_a) and not is_image_name(path_b):
        result.problem = "the contents differ (not an image: compared by bytes)"
        return result
    try:
        a, mode_a = read_for_comparison(path_a)
        b, mode_b = read_for_comparison(path_b)
    except (OSError, ValueError) as error:
        result.error, result.problem = True, str(error)
        return result
    result.shape, result.dtype, result.mode = (a.shape, b.shape), (str(a.dtype), str(b.dtype)), (mode_a, mode_b)
    result.mismatches = [what for what in ("dtype", "mode") if getattr(result, what)[0] != getattr(result, what)[1]]
    if a.shape != b.shape:
        result.problem = "shape %s vs %s" % (a.shape, b.shape)
        return result
    compare_arrays(a, b, tolerance.max_abs, result)
    result.equal = not result.mismatches and passes(result, tolerance)
    if diff_image is not None and result.differing_pixels:
        write_diff_image(a, b, tolerance.max_abs, diff_image)
    return result


def passes(result: Comparison, tolerance: Tolerance) -> bool:
    """Whether measured samples are within the tolerance (share of differing samples, PSNR)."""
    if result.share > tolerance.max_share:
        return False
    return tolerance.min_psnr is None or result.psnr >= tolerance.min_psnr


def is_image_name(path: str) -> bool:
    return path.lower().endswith(IMAGE_EXTENSIONS)


_CHUNK = 1 << 20  # bytes read at a time when comparing files: few calls, little memory


def _same_bytes(path_a: str, path_b: str) -> bool:
    """Whether two files hold the same bytes (sizes first; then 1 MiB at a time)."""
    try:
        if os.path.getsize(path_a) != os.path.getsize(path_b):
            return False
        with open(path_a, "rb") as a, open(path_b, "rb") as b:
            while True:
                chunk = a.read(_CHUNK)
                if chunk != b.read(_CHUNK):
                    return False
                if not chunk:
                    return True
    except OSError:
        return False


def compare_arrays(a: np.ndarray, b: np.ndarray, tolerance: float, result: Comparison) -> None:
    """Fill ``result``'s statistics. NaN equals NaN; a NaN against a number is an infinite difference."""
    rows = a.shape[0] if a.ndim else 1
    result.total_pixels = int(np.prod(a.shape[:2])) if a.ndim >= 2 else int(a.size)
    result.total_samples = int(a.size)
    squared_error, rows_hit, columns_hit = 0.0, [], []
    for start, differs, difference in _blocks(a, b, tolerance, rows):
        result.differing_pixels += int(np.count_nonzero(differs))
        result.differing_samples += int(np.count_nonzero(difference > tolerance))
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


def relative_files(directory: str) -> Iterator[str]:
    """Relative paths of every file under ``directory``, in sorted order (walked lazily)."""
    for folder, subfolders, files in os.walk(directory):
        subfolders.sort()
        for name in sorted(files):
            yield os.path.relpath(os.path.join(folder, name), directory)


def pair_names(dir_a: str, dir_b: str) -> List[str]:
    """Every relative path present under either directory, sorted (names only: memory stays small)."""
    return sorted(set(relative_files(dir_a)) | set(relative_files(dir_b)))


def _compare_pair(task: Tuple[str, str, str, Tolerance, Optional[str]]) -> Comparison:
    """One pair of ``compare_dirs``: a module-level function, so a process pool can run it."""
    dir_a, dir_b, name, tolerance, diff_dir = task
    path_a, path_b = os.path.join(dir_a, name), os.path.join(dir_b, name)
    missing = [path for path in (path_a, path_b) if not os.path.exists(path)]
    if missing:
        present = path_b if missing[0] == path_a else path_a
        empty = os.path.getsize(present) == 0
        side = "the golden directory" if missing[0] == path_a else "the new directory"
        return Comparison(path_a, path_b, failed_save=empty, error=True, problem="only on one side: %s is missing%s"
                          % (missing[0], " (%s is an empty file, as a failed save left it)" % present if empty else
                             " from %s" % side))
    diff = None if diff_dir is None else os.path.join(diff_dir, os.path.splitext(name)[0] + ".diff.png")
    return compare_files(path_a, path_b, tolerance, diff)


def compare_dirs(dir_a: str, dir_b: str, tolerance: Union[None, float, Tolerance] = None,
                 diff_dir: Optional[str] = None, jobs: int = 1,
                 progress: Optional[Callable[[int, int, str], None]] = None) -> Iterator[Comparison]:
    """Compare two directories file by file, matched by relative path; yields one result per path, in order.

    Parameters
    ----------
    dir_a, dir_b : str
        The golden directory and the one to check. A file on one side only is an error result.
    tolerance : float or Tolerance, optional
        As for ``compare_files``.
    diff_dir : str, optional
        Where to write a ``.diff.png`` per differing image pair (mirroring the tree).
    jobs : int
        Processes comparing pairs at once (1: in this process). Results come in path order either way.
    progress : callable, optional
        ``progress(done, total, name)`` before each pair and once at the end.

    Yields
    ------
    Comparison
        One per relative path present on either side; nothing is kept after it is yielded.

    Raises
    ------
    ValueError
        When either directory does not exist.
    """
    for directory in (dir_a, dir_b):
        if not os.path.isdir(directory):
            raise ValueError("%s: no such directory" % directory)
    tolerance = as_tolerance(tolerance)
    names = pair_names(dir_a, dir_b)
    results = _in_order(dir_a, dir_b, names, tolerance, diff_dir, jobs)
    yield from _report(results, names, progress)


#: Pairs a worker takes at once: enough to make the round trip worth it, few enough to share evenly.
_PAIRS_PER_TASK = 32


def _compare_chunk(task: Tuple[str, str, List[str], Tolerance, Optional[str]]) -> List[Optional[Comparison]]:
    """A worker's share of ``compare_dirs``: None for a pair of identical files (rebuilt by the caller:
    less to send back), else its comparison."""
    dir_a, dir_b, names, tolerance, diff_dir = task
    results = (_compare_pair((dir_a, dir_b, name, tolerance, diff_dir)) for name in names)
    return [None if result.identical_bytes else result for result in results]


def _in_order(dir_a: str, dir_b: str, names: List[str], tolerance: Tolerance, diff_dir: Optional[str],
              jobs: int) -> Iterator[Comparison]:
    """Every pair's result in path order: in this process, or by ``jobs`` worker processes taking
    ``_PAIRS_PER_TASK`` pairs at a time (at most ``2 * jobs`` tasks in flight, so memory stays flat)."""
    if jobs <= 1:
        yield from (_compare_pair((dir_a, dir_b, name, tolerance, diff_dir)) for name in names)
        return
    import collections
    from concurrent.futures import ProcessPoolExecutor
    pending: Any = collections.deque()
    with ProcessPoolExecutor(jobs, mp_context=_pool_context()) as pool:
        for start in range(0, len(names), _PAIRS_PER_TASK):
            chunk = names[start:start + _PAIRS_PER_TASK]
            pending.append((chunk, pool.submit(_compare_chunk, (dir_a, dir_b, chunk, tolerance, diff_dir))))
            while len(pending) > 2 * jobs or (pending and pending[0][1].done()):
                yield from _unpacked(dir_a, dir_b, *pending.popleft())
        while pending:
            yield from _unpacked(dir_a, dir_b, *pending.popleft())


def _unpacked(dir_a: str, dir_b: str, chunk: List[str], future: Any) -> Iterator[Comparison]:
    for name, result in zip(chunk, future.result()):
        yield result if result is not None else Comparison(os.path.join(dir_a, name), os.path.join(dir_b, name),
                                                            equal=True, identical_bytes=True)


def _pool_context() -> Any:
    """fork where there is one and nothing else runs (a worker starts in milliseconds, numpy and Pillow
    already imported); spawn otherwise (forking a process with threads can deadlock)."""
    import multiprocessing
    import threading
    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _report(results: Iterable[Comparison], names: List[str],
            progress: Optional[Callable[[int, int, str], None]]) -> Iterator[Comparison]:
    for done, (name, result) in enumerate(zip(names, results)):
        if progress is not None:
            progress(done, len(names), name)
        yield result
    if progress is not None:
        progress(len(names), len(names), "")


def compare_directories(dir_a: str, dir_b: str, tolerance: Union[None, float, Tolerance] = None,
                        diff_dir: Optional[str] = None,
                        progress: Optional[Callable[[int, int, str], None]] = None) -> List[Comparison]:
    """``compare_dirs`` in this process, as a list."""
    return list(compare_dirs(dir_a, dir_b, tolerance, diff_dir, 1, progress))


__all__ = ["Comparison", "Tolerance", "as_tolerance", "compare_files", "compare_dirs", "compare_arrays",
           "compare_directories", "write_diff_image", "read_for_comparison", "relative_files",
           "pair_names", "IMAGE_EXTENSIONS", "reference_hint"]
