"""exact=True: arrays stored and reloaded bit for bit, or a ValueError before any file is touched."""

import io
import os
import warnings

import imageio.v2 as imageio
import numpy as np
import png
import pytest
import tifffile
from hypothesis import given, settings, strategies as st
from hypothesis.extra import numpy as hnp
from PIL import Image

from scipy_misc_compat import (DataChangedWarning, bytescale, fromimage, imread, imsave, toimage,
                               warn_on_data_change)

FIXTURE_FILES = os.path.join(os.path.dirname(__file__), "fixtures", "legacy", "files")
NUMERIC = ["?", "u1", "i1", "u2", "i2", "u4", "i4", "u8", "i8", "f2", "f4", "f8"]


def storable(format_name, array):
    """The specification, written independently of the implementation: can this format hold it?"""
    if array.size == 0 or not (array.ndim == 2 or (array.ndim == 3 and 1 <= array.shape[2] <= 4)):
        return False
    channels = 1 if array.ndim == 2 else array.shape[2]
    kind = array.dtype.kind
    if format_name == "TIFF":
        return kind in "biufc"
    if format_name == "BMP":  # no metadata: only what reads back as written
        return (kind == "b" and array.ndim == 2) or (array.dtype == np.uint8 and (array.ndim == 2 or channels == 3))
    if format_name == "PNG":
        if kind == "b":
            return channels == 1
        return kind in "ui" and int(array.min()) >= 0 and int(array.max()) <= 65535
    return False


@st.composite
def images(draw):
    dtype = np.dtype(draw(st.sampled_from(NUMERIC)))
    height, width = draw(st.integers(1, 6)), draw(st.integers(1, 6))
    shape = draw(st.sampled_from([(height, width), (height, width, 1), (height, width, 2), (height, width, 3),
                                  (height, width, 4)]))
    small = draw(st.booleans())  # mostly values PNG can hold, sometimes the dtype's full range
    if small and dtype.kind in "ui":
        elements = st.integers(0, min(65535, np.iinfo(dtype).max))
    else:
        elements = hnp.from_dtype(dtype, allow_nan=True, allow_infinity=True)
    return draw(hnp.arrays(dtype, shape, elements=elements))


def assert_identical(got, want):
    assert got.dtype == want.dtype and got.shape == want.shape
    assert np.array_equal(got, want, equal_nan=want.dtype.kind in "fc")


@settings(max_examples=300, deadline=None)
@given(images(), st.sampled_from(["PNG", "TIFF", "BMP"]))
def test_round_trip_is_the_identity_or_a_clean_refusal(tmp_path_factory, array, format_name):
    directory = tmp_path_factory.mktemp("exact")
    path = str(directory / ("image." + format_name.lower()))
    with open(path, "wb") as handle:
        handle.write(b"previous")
    if storable(format_name, array):
        imsave(path, array, exact=True)
        assert_identical(imread(path, exact=True), array)
    else:
        with pytest.raises(ValueError):
            imsave(path, array, exact=True)
        with open(path, "rb") as handle:
            assert handle.read() == b"previous"
    assert os.listdir(str(directory)) == [os.path.basename(path)]


@pytest.mark.parametrize("extension", [".jpg", ".webp", ".gif", ".pcx"])
def test_lossy_or_unsupported_formats_are_refused_before_writing(tmp_path, extension):
    path = tmp_path / ("x" + extension)
    with pytest.raises(ValueError, match="PNG"):
        imsave(str(path), np.zeros((2, 2), np.uint8), exact=True)
    assert not path.exists()


def test_canonical_story_int32_png_comes_back_int32(tmp_path):
    a = np.array([[0, 1, 255, 256], [1000, 32767, 32768, 65535]], dtype=np.int32)
    imsave(str(tmp_path / "x.png"), a, exact=True)
    assert_identical(imread(str(tmp_path / "x.png"), exact=True), a)
    with Image.open(tmp_path / "x.png") as image:  # a standard 16-bit gray PNG for other readers
        assert np.array_equal(np.asarray(image).astype(np.int64), a)


def test_seven_stays_seven(tmp_path):
    a = np.array([[0, 7, 100]], dtype=np.int64)
    imsave(str(tmp_path / "x.png"), a, exact=True)
    assert_identical(imread(str(tmp_path / "x.png"), exact=True), a)


@pytest.mark.parametrize("dtype", NUMERIC)
@pytest.mark.parametrize("channels", [None, 1, 2, 3, 4])
def test_tiff_holds_every_numeric_dtype_with_nan_and_inf(tmp_path, dtype, channels):
    shape = (3, 5) if channels is None else (3, 5, channels)
    array = (np.arange(np.prod(shape)).reshape(shape) % 2).astype(dtype)
    if array.dtype.kind == "f":
        array.flat[0], array.flat[1] = np.nan, np.inf
    path = str(tmp_path / "x.tif")
    imsave(path, array, exact=True)
    assert_identical(imread(path, exact=True), array)
    other_reader = tifffile.imread(path).reshape(shape)  # bool is stored as uint8 0/1 for other readers
    assert np.array_equal(other_reader, array, equal_nan=array.dtype.kind == "f")


def test_big_endian_dtypes_come_back_as_they_were(tmp_path):
    for name, array in [("x.tif", np.arange(6, dtype=">f8").reshape(2, 3)),
                        ("x.png", np.arange(6, dtype=">u2").reshape(2, 3) * 1000)]:
        imsave(str(tmp_path / name), array, exact=True)
        assert_identical(imread(str(tmp_path / name), exact=True), array)


@pytest.mark.parametrize("channels", [2, 3, 4])
def test_sixteen_bit_colour_png_is_a_standard_png(tmp_path, channels):
    array = np.random.RandomState(channels).randint(0, 65536, size=(4, 5, channels)).astype(np.uint16)
    path = str(tmp_path / "x.png")
    imsave(path, array, exact=True)
    with open(path, "rb") as handle:
        width, height, rows, info = png.Reader(bytes=handle.read()).read()  # another reader: pypng
    assert info["bitdepth"] == 16
    assert np.array_equal(np.vstack(list(rows)).reshape(4, 5, channels), array)
    assert_identical(imread(path, exact=True), array)


@pytest.mark.parametrize("dtype,shape", [("u1", (4, 5)), ("u2", (4, 5)), ("u1", (4, 5, 3)), ("u1", (4, 5, 4))])
def test_other_readers_see_the_same_values(tmp_path, dtype, shape):
    array = np.random.RandomState(1).randint(0, 256 if dtype == "u1" else 65536, size=shape).astype(dtype)
    for name in ("x.png", "x.tif"):
        path = str(tmp_path / name)
        imsave(path, array, exact=True)
        with warnings.catch_warnings():  # imageio on Pillow < 10.3 warns that it reads 16-bit PNG as int32
            warnings.simplefilter("ignore", UserWarning)
            assert np.array_equal(np.asarray(imageio.imread(path)), array), name
        with Image.open(path) as image:
            assert np.array_equal(np.asarray(image).astype(array.dtype), array), name


def test_reading_files_this_package_did_not_write_returns_stored_samples():
    gray16 = imread(os.path.join(FIXTURE_FILES, "gray16.png"), exact=True)
    assert gray16.dtype == np.uint16 and gray16.max() > 32767
    rgb16 = imread(os.path.join(FIXTURE_FILES, "rgb16.png"), exact=True)
    assert rgb16.dtype == np.uint16 and rgb16.shape == (5, 7, 3)
    with open(os.path.join(FIXTURE_FILES, "rgb16.png"), "rb") as handle:
        width, height, pixels, info = png.Reader(bytes=handle.read()).read_flat()
    assert np.array_equal(rgb16.ravel(), np.asarray(pixels))
    indices = imread(os.path.join(FIXTURE_FILES, "p.png"), exact=True)
    with Image.open(os.path.join(FIXTURE_FILES, "p.png")) as image:
        assert image.mode == "P" and np.array_equal(indices, np.asarray(image))
    assert imread(os.path.join(FIXTURE_FILES, "onebit.png"), exact=True).dtype == bool
    floats = imread(os.path.join(FIXTURE_FILES, "float.tif"), exact=True)
    assert floats.dtype == np.float32


def test_png_refusal_names_dtype_and_range_and_suggests_tiff(tmp_path):
    with pytest.raises(ValueError, match=r"int16.*-5\.\.3.*TIFF"):
        imsave(str(tmp_path / "x.png"), np.array([[-5, 3]], dtype=np.int16), exact=True)
    with pytest.raises(ValueError, match="float64.*TIFF"):
        imsave(str(tmp_path / "x.png"), np.array([[0.5, 3.0]]), exact=True)


def test_file_objects(tmp_path):
    buffer = io.BytesIO()
    array = np.arange(12, dtype=np.uint16).reshape(3, 4) * 5000
    imsave(buffer, array, format="PNG", exact=True)
    buffer.seek(0)
    assert_identical(imread(buffer, exact=True), array)
    with pytest.raises(ValueError, match="format="):
        imsave(io.BytesIO(), array, exact=True)


# --- toimage / fromimage / bytescale ----------------------------------------------------------

@pytest.mark.parametrize("dtype,mode", [("?", "1"), ("u1", "L"), ("u2", "I;16"), ("i4", "I"), ("f4", "F")])
def test_toimage_exact_modes_hold_the_pixels(dtype, mode):
    array = (np.arange(20).reshape(4, 5) * 3001 % 70000).astype(dtype)
    if dtype == "f4":
        array[0, 0] = np.nan
    image = toimage(array, exact=True)
    assert image.mode == mode
    assert_identical(fromimage(image, exact=True), array)


@pytest.mark.parametrize("channels,mode", [(2, "LA"), (3, "RGB"), (4, "RGBA")])
def test_toimage_exact_colour(channels, mode):
    array = np.random.RandomState(0).randint(0, 256, size=(3, 4, channels)).astype(np.uint8)
    image = toimage(array, exact=True)
    assert image.mode == mode
    assert_identical(fromimage(image, exact=True), array)
    assert_identical(fromimage(toimage(np.moveaxis(array, -1, 0), channel_axis=0, exact=True), exact=True), array)


def test_toimage_exact_palette_keeps_indices():
    indices = np.array([[0, 1], [2, 3]], dtype=np.uint8)
    palette = np.array([[255, 0, 0], [0, 255, 0], [0, 0, 255], [9, 9, 9]], dtype=np.uint8)
    image = toimage(indices, pal=palette, exact=True)
    assert image.mode == "P"
    assert_identical(fromimage(image, exact=True), indices)


@pytest.mark.parametrize("arguments", [
    dict(high=200), dict(low=3), dict(cmin=1), dict(cmax=100), dict(mode="L"), dict(mode="F"),
])
def test_toimage_exact_refuses_what_would_change_pixels(arguments):
    with pytest.raises(ValueError):
        toimage(np.arange(6, dtype=np.int32).reshape(2, 3), exact=True, **arguments)


@pytest.mark.parametrize("array", [np.zeros((2, 2), np.int64), np.zeros((2, 2), np.float64),
                                   np.zeros((2, 2, 3), np.uint16)])
def test_toimage_exact_refuses_dtypes_no_mode_holds(array):
    with pytest.raises(ValueError, match="exact=True"):
        toimage(array, exact=True)


def test_fromimage_exact_returns_samples_unconverted():
    palette_image = Image.new("P", (2, 1), 5)
    assert_identical(fromimage(palette_image, exact=True), np.array([[5, 5]], dtype=np.uint8))
    assert fromimage(Image.new("1", (3, 1), 1), exact=True).dtype == bool
    for arguments in (dict(flatten=True), dict(mode="RGB")):
        with pytest.raises(ValueError):
            fromimage(palette_image, exact=True, **arguments)


def test_imread_exact_refuses_conversions(tmp_path):
    path = os.path.join(FIXTURE_FILES, "rgb.png")
    for arguments in (dict(flatten=True), dict(mode="L")):
        with pytest.raises(ValueError):
            imread(path, exact=True, **arguments)


def test_bytescale_exact():
    assert_identical(bytescale(np.array([[0.0, 7.0, 255.0]]), exact=True), np.array([[0, 7, 255]], np.uint8))
    for data in (np.array([[0.5]]), np.array([[256]]), np.array([[-1]]), np.array([[np.nan]])):
        with pytest.raises(ValueError, match="0..255"):
            bytescale(data, exact=True)
    with pytest.raises(ValueError, match="never rescales"):
        bytescale(np.array([[1, 2]]), cmin=1, exact=True)
    assert_identical(bytescale(np.array([[1, 2]]), cmin=0, cmax=255, exact=True), np.array([[1, 2]], np.uint8))


# --- DataChangedWarning -----------------------------------------------------------------------

@pytest.fixture
def warnings_switch(monkeypatch):
    monkeypatch.delenv("SCIPY_MISC_COMPAT_WARN_DATA_CHANGE", raising=False)
    yield
    warn_on_data_change(None)


def test_data_change_warning_is_off_by_default(warnings_switch, tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        imsave(str(tmp_path / "x.png"), np.array([[0, 7, 100]]))
        bytescale(np.array([[0.5, 1.5]]))


def test_data_change_warning_by_function(warnings_switch, tmp_path):
    warn_on_data_change()
    with pytest.warns(DataChangedWarning, match=r"imsave changed the data: int64 values 0\.\.100 .*exact=True"):
        imsave(str(tmp_path / "x.png"), np.array([[0, 7, 100]], dtype=np.int64))
    with pytest.warns(DataChangedWarning, match="toimage changed the data"):
        toimage(np.array([[0, 70000]], dtype=np.int32), mode="I")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        imsave(str(tmp_path / "y.png"), np.array([[0, 7, 100]], dtype=np.uint8))  # stored unchanged: silent


def test_data_change_warning_by_environment(warnings_switch, monkeypatch):
    monkeypatch.setenv("SCIPY_MISC_COMPAT_WARN_DATA_CHANGE", "1")
    with pytest.warns(DataChangedWarning, match="dtype narrowed from float64 to uint8"):
        bytescale(np.array([[0.25, 1.5]]))


@pytest.mark.parametrize("format_name", ["png", "bmp", "tif"])
def test_bool_round_trip_keeps_canonical_bytes(tmp_path, format_name):
    """Bool results hold numpy's 0/1 bytes (Pillow's array interface gives mode '1' as 0x00/0xFF)."""
    import hashlib
    saved = np.random.RandomState(3).rand(5, 11) > 0.5
    path = str(tmp_path / ("bits." + format_name))
    imsave(path, saved, exact=True)
    read = imread(path, exact=True)
    assert read.dtype == bool
    assert read.tobytes() == saved.tobytes()
    assert set(np.unique(read.view(np.uint8))) <= {0, 1}
    assert hashlib.sha256(read).hexdigest() == hashlib.sha256(saved).hexdigest()
    image = toimage(saved, exact=True)
    assert fromimage(image, exact=True).tobytes() == saved.tobytes()
