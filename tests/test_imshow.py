"""imshow runs the viewer without a shell: arguments are kept, nothing is injected."""

import json
import os
import sys
import tempfile

import numpy as np
import pytest
from PIL import Image

from scipy_misc_compat import bytescale, imshow

RECORDER = """
import json, os, sys
from PIL import Image
import numpy as np
path = sys.argv[-1]
with Image.open(path) as image:
    pixels = np.asarray(image).tolist()
json.dump({"argv": sys.argv[1:], "exists": os.path.exists(path), "pixels": pixels}, open(%r, "w"))
sys.exit(int(os.environ.get("FAKE_VIEWER_STATUS", "0")))
"""


@pytest.fixture
def fake_viewer(tmp_path, monkeypatch):
    """A viewer script recording its arguments and the image it was shown."""
    record = tmp_path / "record.json"
    script = tmp_path / "viewer.py"
    script.write_text(RECORDER % str(record))

    def use(extra_arguments=""):
        monkeypatch.setenv("SCIPY_PIL_IMAGE_VIEWER", '"%s" "%s" %s' % (sys.executable, script, extra_arguments))
        return record
    return use


@pytest.fixture
def private_tempdir(tmp_path, monkeypatch):
    directory = tmp_path / "temp"
    directory.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(directory))
    return directory


def test_viewer_gets_its_arguments_and_the_image(fake_viewer, private_tempdir):
    record = fake_viewer("--flag 'two words'")
    shown = np.array([[0, 50, 100]])
    imshow(shown)
    seen = json.loads(record.read_text())
    assert seen["argv"][:2] == ["--flag", "two words"]
    assert seen["argv"][2].endswith(".png") and seen["exists"]
    assert seen["pixels"] == bytescale(shown).tolist()  # rescaled by toimage, as scipy 1.1.0 showed it
    assert os.listdir(private_tempdir) == []  # the temporary file is removed


def test_no_shell_injection_through_the_variable(fake_viewer, private_tempdir, tmp_path):
    witness = tmp_path / "pwned"
    record = fake_viewer("; touch %s" % witness)
    imshow(np.zeros((2, 2)))
    assert not witness.exists()
    assert json.loads(record.read_text())["argv"][:2] == [";", "touch"]


def test_no_shell_injection_through_the_file_name(fake_viewer, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # where a shell would run the injected relative command
    witness = tmp_path / "pwned2"
    odd = tmp_path / "dir; touch pwned2; echo "
    odd.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(odd))
    record = fake_viewer()
    imshow(np.zeros((2, 2)))
    assert not witness.exists()
    assert json.loads(record.read_text())["argv"][0].startswith(str(odd))


def test_failing_viewer_raises_and_cleans_up(fake_viewer, private_tempdir, monkeypatch):
    fake_viewer()
    monkeypatch.setenv("FAKE_VIEWER_STATUS", "3")
    with pytest.raises(RuntimeError, match="status 3"):
        imshow(np.zeros((2, 2)))
    assert os.listdir(private_tempdir) == []


def test_missing_viewer_raises_runtime_error(monkeypatch, private_tempdir, tmp_path):
    monkeypatch.setenv("SCIPY_PIL_IMAGE_VIEWER", str(tmp_path / "no-such-viewer"))
    with pytest.raises(RuntimeError, match="no-such-viewer"):
        imshow(np.zeros((2, 2)))
    assert os.listdir(private_tempdir) == []


def test_default_viewer_is_see(monkeypatch):
    from scipy_misc_compat.pipeline._transform import viewer_command
    monkeypatch.delenv("SCIPY_PIL_IMAGE_VIEWER", raising=False)
    assert viewer_command() == ["see"]
    assert Image  # Pillow is what writes the PNG the viewer reads
