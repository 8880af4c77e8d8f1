"""Reliability: hostile files, non-image inputs, bomb limits, failed saves, threads."""

import errno
import io
import os
import sys
import threading

import numpy as np
import pytest
from PIL import Image

import scipy_misc_compat
from scipy_misc_compat import ImageTooLargeError, imread, imresize, imsave

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tools"))

import fuzz_imread  # noqa: E402


def test_hostile_corpus_gives_arrays_or_documented_errors():
    report = fuzz_imread.fuzz(count=300, seed=11)
    assert report["files"] == 300
    assert report["crashes"] == 0 and report["hangs"] == 0
    assert report["problems"] == []
    counts = report["counts"]
    assert counts["legacy: array"] > 0 and counts["exact: array"] > 0
    print(dict(counts))


@pytest.mark.parametrize("exact", [False, True])
def test_non_image_inputs(tmp_path, exact):
    text = tmp_path / "notes.png"
    text.write_text("hello")
    with pytest.raises(OSError, match="notes.png"):
        imread(str(text), exact=exact)
    with pytest.raises(FileNotFoundError, match="missing.png"):
        imread(str(tmp_path / "missing.png"), exact=exact)
    with pytest.raises(IsADirectoryError):
        imread(str(tmp_path), exact=exact)
    with open(text) as text_mode, pytest.raises(TypeError, match="text mode"):
        imread(text_mode, exact=exact)
    with pytest.raises(TypeError, match="path or a binary file object"):
        imread(42, exact=exact)


@pytest.mark.parametrize("exact", [False, True])
def test_decompression_bomb_limit_stays_and_can_be_lifted(tmp_path, monkeypatch, exact):
    path = str(tmp_path / "big.png")
    imsave(path, np.zeros((30, 40), np.uint8), exact=True)
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 500)  # 1200 pixels > 2 x 500
    with pytest.raises(ImageTooLargeError, match="big.png"):
        imread(path, exact=exact)
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", None)  # lifted deliberately
    assert imread(path, exact=exact).shape == (30, 40)


def test_imresize_refuses_huge_outputs_before_allocating(monkeypatch):
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)
    with pytest.raises(ValueError, match="exceeds the limit"):
        imresize(np.zeros((4, 4)), (100, 100))
    assert imresize(np.zeros((4, 4)), (20, 20)).shape == (20, 20)


def test_disk_full_during_save_keeps_the_previous_file(tmp_path, monkeypatch):
    target = tmp_path / "out.png"
    imsave(str(target), np.zeros((2, 2), np.uint8))
    before = target.read_bytes()

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Image.Image, "save", full)
    with pytest.raises(OSError, match="No space"):
        imsave(str(target), np.ones((2, 2), np.uint8))
    with pytest.raises(OSError, match="No space"):
        imsave(str(target), np.ones((2, 2), np.uint8), exact=True)
    assert target.read_bytes() == before and os.listdir(str(tmp_path)) == ["out.png"]


def test_exact_refusal_leaves_existing_file(tmp_path):
    target = tmp_path / "out.png"
    target.write_bytes(b"keep me")
    with pytest.raises(ValueError):
        imsave(str(target), np.array([[-1, 2]]), exact=True)
    assert target.read_bytes() == b"keep me" and os.listdir(str(tmp_path)) == ["out.png"]


def test_threads_give_the_same_results_as_sequential_calls(tmp_path):
    rng = np.random.default_rng(3)
    arrays = [rng.standard_normal((40, 50)) for _ in range(16)]
    sequential = []
    for index, array in enumerate(arrays):
        path = str(tmp_path / ("seq%d.png" % index))
        imsave(path, array)
        sequential.append(imread(path))
    parallel = [None] * len(arrays)
    errors = []

    def work(index):
        try:
            scipy_misc_compat.install(without_scipy=True) if "scipy" not in sys.modules else None
            path = str(tmp_path / ("par%d.png" % index))
            imsave(path, arrays[index])
            parallel[index] = imread(path)
            exact_path = str(tmp_path / ("par%d.tif" % index))
            imsave(exact_path, arrays[index], exact=True)
            assert np.array_equal(imread(exact_path, exact=True), arrays[index])
        except Exception as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(arrays))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    scipy_misc_compat.uninstall()
    assert not errors
    for got, want in zip(parallel, sequential):
        assert np.array_equal(got, want)


def test_file_object_reads_leave_the_object_open():
    buffer = io.BytesIO()
    imsave(buffer, np.zeros((2, 2), np.uint8), format="PNG")
    buffer.seek(0)
    imread(buffer)
    assert not buffer.closed
