"""Messages true for the reader: what to install, one line before a script runs, help for every command,
no tracebacks when the reader goes away, and the removed ``np.math`` restored."""

import os
import subprocess
import sys
import textwrap

import pytest

WITHOUT_JPEGLIB = textwrap.dedent("""
    import sys
    class Block:
        def find_spec(self, name, path=None, target=None):
            if name == "jpeglib":
                raise ImportError("hidden for this test")
    sys.meta_path.insert(0, Block())
    from scipy_misc_compat.cli import main
    sys.exit(main(sys.argv[1:]))
""")


def without_jpeglib(*arguments, cwd=None):
    return subprocess.run([sys.executable, "-c", WITHOUT_JPEGLIB] + list(arguments), capture_output=True, text=True,
                          cwd=cwd)


def test_run_checks_the_reference_s_library_before_the_script_starts(tmp_path):
    script = tmp_path / "writes.py"
    script.write_text("open('started', 'w').close()\n")
    refused = without_jpeglib("run", "--reference", "2018", str(script), cwd=str(tmp_path))
    assert refused.returncode == 2, refused.stderr
    assert refused.stderr.strip().splitlines() == [
        "scipy-misc-compat run: reference 2018 reads and writes JPEG with IJG libjpeg through jpeglib, which is not "
        "installed: pip install jpeglib"]
    assert not (tmp_path / "started").exists()
    assert without_jpeglib("run", "--reference", "pillow-9.0", str(script), cwd=str(tmp_path)).returncode == 0


def test_info_says_when_the_reference_s_library_is_missing():
    environment = dict(os.environ, SCIPY_MISC_COMPAT_REFERENCE="pillow-7.0")
    completed = subprocess.run([sys.executable, "-c", WITHOUT_JPEGLIB, "info"], capture_output=True, text=True,
                               env=environment)
    assert "but jpeglib is not installed: JPEG files cannot be read or written as this reference did (pip install " \
           "jpeglib)" in completed.stdout


@pytest.mark.parametrize("command", ["run", "scan", "migrate", "compare", "which-reference", "info"])
def test_every_command_prints_its_help(command):
    completed = subprocess.run([sys.executable, "-m", "scipy_misc_compat", command, "--help"], capture_output=True,
                               text=True)
    assert completed.returncode == 0 and completed.stdout.startswith("usage: scipy-misc-compat " + command)
    assert "legacy reference:" not in completed.stdout  # info --help does not run info


def test_a_reader_that_goes_away_ends_the_command_quietly(tmp_path):
    for index in range(3):
        (tmp_path / ("%d.txt" % index)).write_text("x")
    shell = "%s -m scipy_misc_compat %%s | head -c 10 >/dev/null" % sys.executable
    for arguments in ("compare --json --jobs 1 %s %s" % (tmp_path, tmp_path), "--help", "compare --help"):
        completed = subprocess.run(["bash", "-c", shell % arguments], capture_output=True, text=True)
        assert "Traceback" not in completed.stderr and "BrokenPipeError" not in completed.stderr, completed.stderr


def test_np_math_is_restored_for_a_2017_script(tmp_path):
    script = tmp_path / "pose.py"
    script.write_text("import numpy as np\nprint(np.math.floor(2.7), np.math.pi == 3.141592653589793)\n")
    completed = subprocess.run([sys.executable, "-m", "scipy_misc_compat", "run", str(script)], capture_output=True,
                               text=True)
    assert completed.returncode == 0 and completed.stdout == "2 True\n", completed.stderr
