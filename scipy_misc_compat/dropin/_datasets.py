"""``ascent()``, ``face()`` and ``electrocardiogram()`` without scipy: the files ``scipy.datasets`` uses.

scipy 1.1.0 shipped the three data files inside ``scipy/misc``; scipy 1.10 moved them to
``scipy.datasets``, which downloads them with pooch from the URLs below into pooch's
cache directory ``scipy-data``. This module fetches the same files into the same cache
(so nothing is downloaded twice), checks each by sha256, and loads it as scipy 1.1.0 did
(values, dtype and shape checked against scipy 1.1.0: ``tests/fixtures/namespace/extras.json``).

Offline: set ``SCIPY_MISC_COMPAT_DATASETS`` to a directory holding ``ascent.dat``,
``ecg.dat`` and ``face.dat`` (copied from an online machine's cache, or an old scipy's
``scipy/misc`` directory: its ``ascent.dat`` is a different pickle of the same image and is
accepted by its own hash). pooch is needed only to download.
"""

from __future__ import annotations

import bz2
import hashlib
import io
import os
import pickle
from typing import Dict, Tuple

import numpy as np

ENVIRONMENT_VARIABLE = "SCIPY_MISC_COMPAT_DATASETS"

#: file -> (URL scipy.datasets downloads it from, accepted sha256 digests). The first digest is
#: scipy.datasets' registry entry; ascent.dat as shipped in scipy < 1.10 was another pickle.
REGISTRY: Dict[str, Tuple[str, Tuple[str, ...]]] = {
    "ascent.dat": ("https://raw.githubusercontent.com/scipy/dataset-ascent/main/ascent.dat",
                   ("03ce124c1afc880f87b55f6b061110e2e1e939679184f5614e38dacc6c1957e2",
                    "e8a84939484463ab8051aedc5b40aa262ab33a91d6458a6cd13c6a1cad5a023d")),
    "ecg.dat": ("https://raw.githubusercontent.com/scipy/dataset-ecg/main/ecg.dat",
                ("f20ad3365fb9b7f845d0e5c48b6fe67081377ee466c3a220b7f69f35c8958baf",)),
    "face.dat": ("https://raw.githubusercontent.com/scipy/dataset-face/main/face.dat",
                 ("9d8b0b4d081313e2b485748c770472e5a95ed1738146883d84c7030493e82886",)),
}

_HELP = ("Set %s to a directory holding ascent.dat, ecg.dat and face.dat (from an online machine's "
         "pooch cache 'scipy-data', or an old scipy's scipy/misc directory) to work offline." % ENVIRONMENT_VARIABLE)


class DatasetUnavailableError(OSError):
    """A dataset file could not be found, downloaded or verified."""


def data_file_bytes(name: str) -> bytes:
    """The verified contents of one registry file: from ``SCIPY_MISC_COMPAT_DATASETS``, else pooch's cache."""
    url, digests = REGISTRY[name]
    directory = os.environ.get(ENVIRONMENT_VARIABLE)
    if directory:
        path = os.path.join(directory, name)
        if not os.path.isfile(path):
            raise DatasetUnavailableError("%s: not found (%s=%s names the directory that should hold it)"
                                          % (path, ENVIRONMENT_VARIABLE, directory))
    else:
        path = _download(name, url, digests[0])
    with open(path, "rb") as handle:
        data = handle.read()
    digest = hashlib.sha256(data).hexdigest()
    if digest not in digests:
        raise DatasetUnavailableError("%s: sha256 %s is not scipy's %s (expected %s)"
                                      % (path, digest, name, " or ".join(digests)))
    return data


def _download(name: str, url: str, digest: str) -> str:
    try:
        import pooch
    except ImportError:
        raise ImportError("scipy.misc's datasets are downloaded with pooch on first use: pip install pooch. "
                          + _HELP) from None
    try:
        return pooch.retrieve(url, known_hash="sha256:" + digest, fname=name, path=pooch.os_cache("scipy-data"),
                              progressbar=False)
    except Exception as error:  # no network, a proxy, a changed file
        raise DatasetUnavailableError("could not download %s from %s (%s: %s). %s"
                                      % (name, url, type(error).__name__, error, _HELP)) from error


def ascent() -> np.ndarray:
    """The 512x512 "ascent" image, as scipy 1.1.0's ``scipy.misc.ascent()`` (int64 values 0..255).

    Examples
    --------
    >>> from scipy_misc_compat.misc import ascent
    >>> image = ascent()  # doctest: +SKIP
    >>> image.shape, image.dtype  # doctest: +SKIP
    ((512, 512), dtype('int64'))
    """
    # Unpickled only after its sha256 matched one of scipy's files.
    return np.array(pickle.load(io.BytesIO(data_file_bytes("ascent.dat"))))


def face(gray: bool = False) -> np.ndarray:
    """The 768x1024 raccoon face, RGB uint8 (read-only), or gray (0.21 R + 0.71 G + 0.07 B, truncated).

    As scipy 1.1.0's ``scipy.misc.face``."""
    pixels = np.frombuffer(bz2.decompress(data_file_bytes("face.dat")), dtype=np.uint8).reshape(768, 1024, 3)
    if gray:
        return (0.21 * pixels[:, :, 0] + 0.71 * pixels[:, :, 1] + 0.07 * pixels[:, :, 2]).astype(np.uint8)
    return pixels  # read-only (a view of the decompressed bytes), as scipy 1.1.0's was


def electrocardiogram() -> np.ndarray:
    """scipy 1.1.0's electrocardiogram: 108000 samples at 360 Hz, in millivolts (float64)."""
    with np.load(io.BytesIO(data_file_bytes("ecg.dat"))) as archive:
        samples = archive["ecg"].astype(int)  # uint16 -> int, so the offset cannot wrap
    return (samples - 1024) / 200.0


__all__ = ["ascent", "face", "electrocardiogram", "data_file_bytes", "DatasetUnavailableError", "REGISTRY",
           "ENVIRONMENT_VARIABLE"]
