"""File handling beyond scipy 1.1.0: atomic replacement, permissions, symlinks, clear errors."""

import io
import os
import stat

import numpy as np
import pytest
from PIL import Image

import scipy_misc_compat
from scipy_misc_compat import ChannelAxisError, NotAnArrayError, bytescale, imread, imsave, toimage

RGBA = np.zeros((2, 3, 4), dtype=np.uint8)
GRAY = np.arange(6, dtype=np.uint8).reshape(2, 3)


def test_failed_save_keeps_the_previous_file_and_leaves_nothing(tmp_path):
    target = tmp_path / "out.jpg"
    target.write_bytes(b"previous contents")
    with pytest.raises(OSError):
        imsave(str(target), RGBA)  # Pillow cannot write RGBA as JPEG
    assert target.read_bytes() == b"previous contents"
    assert sorted(os.listdir(tmp_path)) == ["out.jpg"]


@pytest.mark.parametrize("image, name", [(lambda: toimage(RGBA, channel_axis=2), "out.jpg"),
                                         (lambda: toimage(GRAY, mode="F"), "out.png")])
def test_failed_save_of_a_toimage_result_keeps_the_previous_file(tmp_path, image, name):
    # Pillow's own Image.save opens the path for writing first: an existing file is emptied
    target = tmp_path / name
    target.write_bytes(b"previous contents")
    with pytest.raises(OSError, match="cannot write mode"):
        image().save(str(target))
    assert target.read_bytes() == b"previous contents"
    assert sorted(os.listdir(tmp_path)) == [name]


def test_toimage_result_saved_to_a_path_takes_pillow_save_options(tmp_path):
    toimage(GRAY).save(str(tmp_path / "plain.png"))
    toimage(GRAY).save(tmp_path / "small.png", optimize=True, compress_level=9)
    with Image.open(tmp_path / "small.png") as saved:
        assert np.array_equal(np.asarray(saved), GRAY)
    with pytest.raises(ValueError, match="unknown file extension"):
        toimage(GRAY).save(str(tmp_path / "out.unknown"))
    assert sorted(os.listdir(tmp_path)) == ["plain.png", "small.png"]


@pytest.mark.parametrize("reference, existing, left", [
    ("2018", True, b""), ("2018", False, b""),   # Pillow 5.3 opened the path, then failed: an empty file
    ("2022", True, b""), ("2022", False, None),  # Pillow 9.3 removed the file only if it had created it
])
def test_failed_saves_as_recorded_leave_what_the_references_pillow_left(tmp_path, reference, existing, left):
    target = tmp_path / "out.jpg"
    if existing:
        target.write_bytes(b"previous contents")
    with scipy_misc_compat.use_reference(reference, failed_saves="as-recorded"):
        with pytest.raises(OSError, match="cannot write mode RGBA as JPEG"):
            imsave(str(target), RGBA)
        with pytest.raises(KeyError):  # Pillow's format lookup failed before it opened the path
            imsave(str(tmp_path / "other.png"), GRAY, format="NOPE")
    assert (target.read_bytes() if target.exists() else None) == left
    assert sorted(os.listdir(tmp_path)) == (["out.jpg"] if left is not None else [])


def test_failed_saves_setting_from_the_environment(tmp_path, monkeypatch):
    target = tmp_path / "out.png"
    target.write_bytes(b"previous contents")
    monkeypatch.setenv("SCIPY_MISC_COMPAT_FAILED_SAVES", "as-recorded")
    assert scipy_misc_compat.failed_saves() == "as-recorded"
    with pytest.raises(OSError):
        toimage(GRAY, mode="F").save(str(target))
    assert target.read_bytes() == b""
    with scipy_misc_compat.use_reference(None, failed_saves="atomic"):  # a call beats the environment
        target.write_bytes(b"previous contents")
        with pytest.raises(OSError):
            toimage(GRAY, mode="F").save(str(target))
        assert target.read_bytes() == b"previous contents"
    monkeypatch.setenv("SCIPY_MISC_COMPAT_FAILED_SAVES", "sometimes")
    with pytest.raises(ValueError, match="SCIPY_MISC_COMPAT_FAILED_SAVES.*as-recorded, atomic"):
        scipy_misc_compat.failed_saves()
    with pytest.raises(ValueError, match="failed_saves"):
        scipy_misc_compat.use_reference("2018", failed_saves="never")


def test_failed_save_to_a_new_path_creates_nothing(tmp_path):
    with pytest.raises(KeyError):
        imsave(str(tmp_path / "out.png"), GRAY, format="NOPE")
    assert os.listdir(tmp_path) == []


def test_interrupted_save_leaves_nothing(tmp_path, monkeypatch):
    target = tmp_path / "out.png"
    imsave(str(target), GRAY)
    before = target.read_bytes()

    def interrupt(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(Image.Image, "save", interrupt)
    with pytest.raises(KeyboardInterrupt):
        imsave(str(target), GRAY[::-1])
    assert target.read_bytes() == before
    assert os.listdir(tmp_path) == ["out.png"]


def test_existing_file_keeps_its_permissions(tmp_path):
    target = tmp_path / "out.png"
    target.write_bytes(b"")
    os.chmod(target, 0o640)
    imsave(str(target), GRAY)
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o640
    assert np.array_equal(imread(str(target)), GRAY)


def test_new_file_gets_the_umask_default(tmp_path):
    umask = os.umask(0o022)
    try:
        imsave(str(tmp_path / "new.png"), GRAY)
    finally:
        os.umask(umask)
    assert stat.S_IMODE(os.stat(tmp_path / "new.png").st_mode) == 0o644


def test_symlink_is_followed_and_kept(tmp_path):
    real = tmp_path / "real.png"
    imsave(str(real), GRAY)
    link = tmp_path / "link.png"
    link.symlink_to(real)
    imsave(str(link), GRAY[::-1])
    assert link.is_symlink()
    assert np.array_equal(imread(str(real)), GRAY[::-1])


def test_file_objects_are_written_in_place_and_left_open():
    buffer = io.BytesIO()
    imsave(buffer, GRAY, format="PNG")
    assert not buffer.closed
    buffer.seek(0)
    assert np.array_equal(imread(buffer), GRAY)


def test_reading_a_missing_file_names_it(tmp_path):
    missing = str(tmp_path / "nowhere.png")
    with pytest.raises(FileNotFoundError, match="nowhere.png"):
        imread(missing)


def test_reading_a_non_image_names_it(tmp_path):
    path = tmp_path / "notes.png"
    path.write_text("not an image")
    with pytest.raises(OSError, match="notes.png"):
        imread(str(path))


def test_unknown_extension_says_what_to_do(tmp_path):
    with pytest.raises(ValueError, match="format="):
        imsave(str(tmp_path / "x.unknown"), GRAY)


def test_odd_legacy_exception_types_are_also_the_expected_ones():
    with pytest.raises(AttributeError) as legacy_type:
        bytescale([1, 2, 3])
    assert isinstance(legacy_type.value, (TypeError, NotAnArrayError))
    assert "numpy.asarray" in str(legacy_type.value)
    with pytest.raises(UnboundLocalError) as legacy_type:
        toimage(np.zeros((4, 5, 3)), channel_axis=-1)
    assert isinstance(legacy_type.value, (ValueError, ChannelAxisError))
    assert "channel_axis" in str(legacy_type.value)
