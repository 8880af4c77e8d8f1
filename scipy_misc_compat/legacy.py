"""scipy 1.1.0's ``scipy.misc`` image functions, with their exact semantics.

This module is the legacy API: a thin, documented layer over the building
blocks (``_scaling`` for the arithmetic, ``_convert`` for arrays and PIL images,
``_io`` for files).  Each function has scipy 1.1.0's signature and defaults and
returns what scipy 1.1.0 returned on its stack (numpy 1.x, Pillow 9.3), on every
supported numpy and Pillow.  They emit no deprecation or other warnings.

scipy history: deprecated in scipy 1.0.0, removed in scipy 1.3.0 (1.1.0 and
1.2.x share one implementation).
"""

from __future__ import annotations

from typing import Any, Optional

import numpy as np
from PIL import Image

from .pipeline._convert import channel_axis_of, legacy_fromimage, legacy_toimage
from .dropin._datachange import report_change
from .exact._exact import exact_bytescale, exact_fromimage, exact_toimage, refuse_rescaling
from .exact._exact_codecs import ExactStorageError, exact_writer, read_exact
from .pipeline._io import check_readable, open_image, read_bytes, reading, resolve_format, save_image, write_to
from .pipeline._legacy_image import LegacyImage
from .pipeline._scaling import legacy_bytescale
from .pipeline._transform import legacy_imfilter, legacy_imresize, legacy_imrotate, legacy_imshow


def bytescale(data: np.ndarray, cmin: Any = None, cmax: Any = None, high: Any = 255, low: Any = 0, *,
              exact: bool = False) -> np.ndarray:
    """Rescale an array linearly to uint8, as scipy 1.1.0 did (or, with ``exact=True``, never).

    .. warning:: This changes values: ``cmin..cmax`` is mapped onto ``low..high``.

    Computes ``(((data - cmin) * scale + low).clip(low, high) + 0.5).astype(uint8)``
    with ``scale = (high - low) / (cmax - cmin)``, in the dtypes numpy 1.x chose
    for each step, so results are bit-identical to scipy 1.1.0 on numpy 2 too.

    Parameters
    ----------
    data : ndarray
        Image data. A uint8 array is returned as it is (the same object, no
        scaling). ``numpy.ma.MaskedArray`` input gives a masked result.
    cmin, cmax : scalar, optional
        Input values mapped to ``low`` and ``high``. Default ``data.min()`` and
        ``data.max()``.
    high, low : scalar, optional
        Output range, ``0 <= low <= high <= 255``. Default 255 and 0.
    exact : bool, keyword-only, optional
        Not in scipy. ``True`` returns ``data`` as uint8 only if every value is
        an integer in 0..255 (no rescaling), else raises ``ValueError``;
        ``cmin``/``cmax``/``high``/``low`` other than the identity are refused.

    Returns
    -------
    ndarray of uint8
        Same shape as ``data``.

    Raises
    ------
    ValueError
        ``high > 255``, ``low < 0``, ``high < low``, or ``cmax - cmin < 0``.
        As in scipy 1.1.0, ``cmax - cmin`` is computed in the scalars' own dtype,
        so integer data spanning more than its dtype's range (int16 from -30000
        to 30000) wraps and raises "`cmax` should be larger than `cmin`."
    TypeError
        Boolean data with default ``cmin``/``cmax`` (numpy cannot subtract bools).
    AttributeError
        ``data`` is not an array (a ``NotAnArrayError``, also a ``TypeError``).

    Notes
    -----
    Integer data is shifted (``data - cmin``) in its own dtype, wrapping around
    as scipy 1.1.0 did; float32 data is scaled by a factor computed in float64
    and rounded to float32, as numpy 1.x did.

    Examples
    --------
    (Outputs as scipy 1.1.0 printed them on numpy 1.23.5 + Pillow 9.3.0; likewise below.)

    >>> import numpy as np
    >>> from scipy_misc_compat import bytescale
    >>> img = np.array([[0.5, 2.25, 7.0], [3.0, -1.0, 4.75]])
    >>> bytescale(img)
    array([[ 48, 104, 255],
           [128,   0, 183]], dtype=uint8)
    >>> bytescale(img, high=200, low=100)
    array([[119, 141, 200],
           [150, 100, 172]], dtype=uint8)
    >>> bytescale(img, cmin=0, cmax=5)
    array([[ 26, 115, 255],
           [153,   0, 242]], dtype=uint8)
    """
    if exact:
        refuse_rescaling("bytescale", cmin, cmax, high, low)
        return exact_bytescale(data)
    result = legacy_bytescale(data, cmin=cmin, cmax=cmax, high=high, low=low)
    report_change("bytescale", data, result)
    return result


def toimage(arr: Any, high: Any = 255, low: Any = 0, cmin: Any = None, cmax: Any = None, pal: Any = None,
            mode: Optional[str] = None, channel_axis: Optional[int] = None, *, exact: bool = False) -> Image.Image:
    """Make a PIL image from an array, as scipy 1.1.0 did (or, with ``exact=True``, unchanged).

    .. warning:: With ``mode`` None, ``'L'`` or ``'P'`` (and for every 3-D array)
       the data is rescaled with ``bytescale``; with ``mode='I'`` it is mapped
       linearly onto ``low..high``.

    Parameters
    ----------
    arr : array_like
        2-D, or 3-D with a dimension of length 3 or 4 holding the channels.
    high, low, cmin, cmax : scalar, optional
        Passed to ``bytescale``; for ``mode='I'``, the ramp maps ``cmin..cmax``
        onto ``low..high``; for ``mode='1'``, pixels are set where ``arr > high``.
    pal : array_like, optional
        2-D only: an (N, 3) uint8 palette; the image becomes mode ``'P'``.
    mode : {None, 'L', 'P', 'F', 'I', '1', 'RGB', 'RGBA', 'YCbCr', 'CMYK'}, optional
        2-D: None/'L' give ``L``; 'P' a gray palette image; 'F' float32 data,
        unscaled; 'I' the 32-bit ramp above; '1' the legacy 1-bit image (scipy
        1.1.0 passed one byte per pixel to PIL's packed format, so only every
        eighth pixel of the first ``ceil(width/8)`` bytes of a row can be set;
        reproduced as it was). 3-D: None gives ``RGB`` or ``RGBA`` by channel
        count.
    channel_axis : int, optional
        3-D only: the axis holding the channels; default the first axis of
        length 3, else of length 4 (with ``exact=True``: the last axis).
    exact : bool, keyword-only, optional
        Not in scipy. ``True`` returns an image whose pixels equal ``arr``:
        bool -> ``'1'``, uint8 -> ``'L'`` (``'P'`` with ``pal``), uint16 ->
        ``'I;16'``, int32 -> ``'I'``, float32 -> ``'F'``, uint8 HxWx2/3/4 ->
        ``'LA'``/``'RGB'``/``'RGBA'`` (``'YCbCr'``/``'CMYK'`` on request).
        Other dtypes, and ``high``/``low``/``cmin``/``cmax`` or a ``mode`` that
        would change pixels, raise ``ValueError``.

    Returns
    -------
    LegacyImage
        A ``PIL.Image.Image`` (subclass). Its ``save`` writes a mode ``'I'``
        image to PNG as 16-bit grayscale clipped to 0..65535, as Pillow did in
        scipy 1.1.0's time (Pillow 13 alone refuses to).

    Raises
    ------
    ValueError
        Complex data, an unsuitable shape, a mode that does not fit the shape.
    IndexError, UnboundLocalError
        A ``channel_axis`` outside the array, or negative (as in scipy 1.1.0;
        the latter is a ``ChannelAxisError``, also a ``ValueError``).

    Examples
    --------
    The classic recipe for a 16-bit PNG:

    >>> import os, tempfile
    >>> import numpy as np
    >>> from scipy_misc_compat import toimage, imread
    >>> a = np.array([[0, 1000, 65535]], dtype=np.int32)
    >>> img = toimage(a, high=a.max(), low=a.min(), mode='I')
    >>> img.mode, img.size
    ('I', (3, 1))
    >>> path = os.path.join(tempfile.mkdtemp(), 'x.png')
    >>> img.save(path)
    >>> b = imread(path)
    >>> b.dtype, np.array_equal(a, b)
    (dtype('int32'), True)
    """
    if exact:
        refuse_rescaling("toimage", cmin, cmax, high, low)
        return exact_toimage(arr, pal=pal, mode=mode, channel_axis=channel_axis)
    return _legacy_toimage_reported("toimage", arr, high=high, low=low, cmin=cmin, cmax=cmax, pal=pal, mode=mode,
                                    channel_axis=channel_axis)


def _legacy_toimage_reported(caller: str, arr: Any, **options: Any) -> LegacyImage:
    """``legacy_toimage``, with a ``DataChangedWarning`` (when switched on) if the pixels differ from ``arr``."""
    image = legacy_toimage(arr, **options)
    data = np.asarray(arr)
    if data.ndim == 3:
        data = np.moveaxis(data, channel_axis_of(data.shape, options.get("channel_axis")), -1)
    report_change(caller, data, np.asarray(image), stacklevel=4)
    return image


def fromimage(im: Image.Image, flatten: bool = False, mode: Optional[str] = None, *,
              exact: bool = False) -> np.ndarray:
    """Copy a PIL image into a numpy array, as scipy 1.1.0 did (or, with ``exact=True``, unconverted).

    Parameters
    ----------
    im : PIL.Image.Image
        The image.
    flatten : bool, optional
        Convert to mode ``'F'`` (float32 luma, ``L = R*299/1000 + G*587/1000 +
        B*114/1000``) after any ``mode`` conversion.
    mode : str, optional
        A Pillow mode to convert to first. When None, a ``'P'`` image becomes
        ``'RGBA'`` if it has a transparent index, else ``'RGB'``.
    exact : bool, keyword-only, optional
        Not in scipy. ``True`` returns the samples as the image holds them:
        ``'1'`` as bool, ``'P'`` as palette indices, ``'I;16'`` as uint16, no
        conversion; ``flatten=True`` or a different ``mode`` raise ``ValueError``.

    Returns
    -------
    ndarray
        MxN for one band, MxNxC for C bands; mode ``'1'`` reads as 0/255 uint8,
        ``'I'`` as int32, ``'F'`` as float32, ``'I;16'`` as uint16.

    Raises
    ------
    TypeError
        ``im`` is not a PIL image.
    ValueError
        Pillow cannot convert to ``mode``.

    Examples
    --------
    >>> from PIL import Image
    >>> from scipy_misc_compat import fromimage
    >>> fromimage(Image.new('RGB', (2, 1), (10, 20, 30)))
    array([[[10, 20, 30],
            [10, 20, 30]]], dtype=uint8)
    >>> fromimage(Image.new('RGB', (2, 1), (10, 20, 30)), flatten=True)
    array([[18.15, 18.15]], dtype=float32)
    """
    if exact:
        return exact_fromimage(im, flatten=flatten, mode=mode)
    return legacy_fromimage(im, flatten=flatten, mode=mode)


def imread(name: Any, flatten: bool = False, mode: Optional[str] = None, *, exact: bool = False) -> np.ndarray:
    """Read an image file into an array, as scipy 1.1.0 did (or, with ``exact=True``, as stored).

    Parameters
    ----------
    name : str, pathlib.Path or binary file object
        The file to read.
    flatten, mode
        As for ``fromimage``.
    exact : bool, keyword-only, optional
        Not in scipy. ``True`` returns the stored samples at full depth and
        natural dtype, without the legacy conversions: 16-bit PNG gives uint16
        (16-bit RGB PNG: uint16 HxWx3), palette images give their indices,
        1-bit images bool, TIFF any numeric dtype; files written by
        ``imsave(..., exact=True)`` give back the saved dtype and shape.
        ``flatten`` and ``mode`` are refused.

    Returns
    -------
    ndarray
        As ``fromimage`` returns it. A 16-bit grayscale PNG gives **int32**, as
        with scipy 1.1.0 (newer Pillow alone would give uint16); palette images
        give their RGB(A) colours, not the indices.

    Raises
    ------
    OSError
        The file is missing, is not an image, or cannot be decoded; the message
        names the file. Decoder failures of other types are raised as
        ``UnreadableImageError`` (an ``OSError``), and images larger than Pillow's
        decompression-bomb limit as ``ImageTooLargeError`` (lift the limit
        deliberately with ``PIL.Image.MAX_IMAGE_PIXELS = None``).
    ValueError
        ``mode`` names a conversion Pillow cannot do.
    TypeError
        ``name`` is neither a path nor a binary file object (e.g. opened in text mode).

    Examples
    --------
    >>> import os, tempfile
    >>> import numpy as np
    >>> from scipy_misc_compat import imsave, imread
    >>> path = os.path.join(tempfile.mkdtemp(), 'x.png')
    >>> imsave(path, np.array([[0, 7, 100]]))
    >>> imread(path)
    array([[  0,  18, 255]], dtype=uint8)
    """
    if exact:
        if flatten or mode is not None:
            raise ExactStorageError("imread(exact=True) returns the stored samples; flatten=%r, mode=%r would "
                                    "convert them. Drop them, or call without exact=True." % (flatten, mode))
        check_readable(name)
        with reading(name):
            return read_exact(read_bytes(name))
    check_readable(name)
    with reading(name), open_image(name) as image:
        return legacy_fromimage(image, flatten=flatten, mode=mode)


def imsave(name: Any, arr: Any, format: Optional[str] = None, *, exact: bool = False) -> None:  # noqa: A002
    """Save an array as an image file, as scipy 1.1.0 did (or, with ``exact=True``, unchanged).

    .. warning:: The data is always rescaled with ``bytescale`` to the full
       0..255 range (uint8 input excepted): saving ``[[0, 7, 100]]`` stores
       ``[[0, 18, 255]]``.

    Parameters
    ----------
    name : str, pathlib.Path or binary file object
        Where to write. A path is replaced atomically: on any failure the
        previous file is untouched and nothing else is left behind.
    arr : array_like
        MxN (gray), MxNx3 (RGB) or MxNx4 (RGBA); converted with
        ``toimage(arr, channel_axis=2)``.
    format : str, optional
        A Pillow format name. Default: from the file name's extension; needed
        for file objects without a name and for unusual extensions.
    exact : bool, keyword-only, optional
        Not in scipy. ``True`` stores ``arr`` bit for bit, so that
        ``imread(name, exact=True)`` returns an equal array of the same dtype
        and shape: PNG holds bool and integers 0..65535 (uint8/uint16 natively,
        other integer dtypes at the smallest fitting depth with the dtype
        recorded in the file), 2-D or HxWx1..4; TIFF every numeric dtype; BMP
        bool, uint8 gray and uint8 RGB. Anything else (a lossy format, values the
        format cannot hold) raises ``ValueError`` before any file is touched.

    Raises
    ------
    ValueError
        As ``toimage``; or an unknown file extension.
    KeyError
        An unknown ``format`` name (as Pillow raised in scipy 1.1.0's time).
    OSError
        Pillow cannot write this mode in this format (e.g. RGBA as JPEG).

    Examples
    --------
    >>> import io
    >>> import numpy as np
    >>> from scipy_misc_compat import imsave
    >>> buffer = io.BytesIO()
    >>> imsave(buffer, np.zeros((2, 3, 3)), format='PNG')
    >>> buffer.getvalue()[:4]
    b'\\x89PNG'
    """
    if exact:
        writer = exact_writer(np.asarray(arr), resolve_format(name, format))
        write_to(name, writer)
        return
    save_image(_legacy_toimage_reported("imsave", arr, channel_axis=2), name, format)


def imresize(arr: Any, size: Any, interp: str = "bilinear", mode: Optional[str] = None) -> np.ndarray:
    """Resize an image array with Pillow, as scipy 1.1.0 did.

    .. warning:: The array goes through ``toimage(arr, mode=mode)`` first, so with
       ``mode`` None (or ``'L'``/``'P'``) it is **rescaled to uint8** and the result
       is uint8 in 0..255, not the input's range. Pass ``mode='F'`` to resize 2-D
       float data without rescaling.

    Parameters
    ----------
    arr : array_like
        2-D, or 3-D with 3 or 4 channels (see ``toimage``).
    size : int, float or tuple
        A signed integer (Python or numpy) is a percentage of the current size, a
        float (Python or numpy) a fraction of it, both truncated towards zero; a
        tuple is the output ``(rows, columns)``. Unsigned numpy integers fall into
        the tuple case and fail (``TypeError``), as in scipy 1.1.0.
    interp : {'nearest', 'lanczos', 'bilinear', 'bicubic', 'cubic'}, optional
        Pillow's resampling filter (``'cubic'`` is ``'bicubic'``).
    mode : str, optional
        Passed to ``toimage``.

    Returns
    -------
    ndarray
        As ``fromimage`` returns the resized image: uint8 for the default mode,
        float32 for ``mode='F'``, int32 for ``mode='I'``.

    Raises
    ------
    KeyError
        Unknown ``interp`` (an ``UnknownInterpolationError``, also a ``ValueError``).
    TypeError, IndexError, ValueError
        A ``size`` of another type, or a zero output size, as scipy 1.1.0 (Pillow) raised.

    Notes
    -----
    Modern replacements differ: ``PIL.Image.resize`` takes ``(width, height)``;
    ``skimage.transform.resize`` keeps the dtype's range as floats in [0, 1] (or the
    input range with ``preserve_range=True``) and anti-aliases when downscaling.

    Examples
    --------
    >>> import numpy as np
    >>> from scipy_misc_compat import imresize
    >>> imresize(np.array([[0.0, 1.0], [2.0, 3.0]]), 200, interp='nearest')
    array([[  0,   0,  85,  85],
           [  0,   0,  85,  85],
           [170, 170, 255, 255],
           [170, 170, 255, 255]], dtype=uint8)
    >>> imresize(np.array([[0.0, 1.0], [2.0, 3.0]]), (1, 2), mode='F')
    array([[1., 2.]], dtype=float32)
    """
    return legacy_imresize(arr, size, interp=interp, mode=mode)


def imrotate(arr: Any, angle: Any, interp: str = "bilinear") -> np.ndarray:
    """Rotate an image array counter-clockwise by ``angle`` degrees, as scipy 1.1.0 did.

    .. warning:: The array is rescaled to uint8 by ``toimage`` first.

    The output has the input's size (corners are cut, uncovered areas are 0).

    Parameters
    ----------
    arr : array_like
        2-D, or 3-D with 3 or 4 channels.
    angle : float
        Degrees, counter-clockwise.
    interp : {'nearest', 'bilinear', 'bicubic', 'cubic', 'lanczos'}, optional
        Pillow's resampling filter. Pillow's ``rotate`` refuses ``'lanczos'``
        (``ValueError``), as it did in scipy 1.1.0's time.

    Returns
    -------
    ndarray of uint8

    Examples
    --------
    >>> import numpy as np
    >>> from scipy_misc_compat import imrotate
    >>> imrotate(np.array([[0, 1], [2, 3]]), 90, interp='nearest')
    array([[ 85, 255],
           [  0, 170]], dtype=uint8)
    """
    return legacy_imrotate(arr, angle, interp=interp)


def imfilter(arr: Any, ftype: str) -> np.ndarray:
    """Apply one of Pillow's fixed filters to an image array, as scipy 1.1.0 did.

    .. warning:: The array is rescaled to uint8 by ``toimage`` first.

    Parameters
    ----------
    arr : array_like
        2-D, or 3-D with 3 or 4 channels.
    ftype : str
        One of ``'blur'``, ``'contour'``, ``'detail'``, ``'edge_enhance'``,
        ``'edge_enhance_more'``, ``'emboss'``, ``'find_edges'``, ``'smooth'``,
        ``'smooth_more'``, ``'sharpen'``.

    Returns
    -------
    ndarray of uint8

    Raises
    ------
    ValueError
        Unknown ``ftype`` (checked after the array is converted, as in scipy 1.1.0).

    Examples
    --------
    >>> import numpy as np
    >>> from scipy_misc_compat import imfilter
    >>> imfilter(np.eye(3), 'find_edges')
    array([[255,   0,   0],
           [  0, 255,   0],
           [  0,   0, 255]], dtype=uint8)
    """
    return legacy_imfilter(arr, ftype)


def imshow(arr: Any) -> None:
    """Show an image array in an external viewer, as scipy 1.1.0 did.

    .. warning:: The array is rescaled to uint8 by ``toimage`` first.

    Writes the image to a temporary PNG, runs the viewer named by the environment
    variable ``SCIPY_PIL_IMAGE_VIEWER`` (default ``see``) with the file's path as
    its last argument, waits for it, and removes the file. The variable may hold
    a command with arguments (``"eog --new-instance"``); it is split like a shell
    would split it but **no shell runs**, so neither the variable nor the file name
    can inject commands (scipy 1.1.0 used ``os.system``).

    Raises
    ------
    RuntimeError
        The viewer could not be started or exited with a non-zero status, or the
        temporary file could not be written.
    """
    legacy_imshow(arr)


__all__ = ["bytescale", "toimage", "fromimage", "imread", "imsave", "imresize", "imrotate", "imfilter", "imshow"]
