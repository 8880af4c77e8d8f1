"""Scripts written the way 2017 code was run unmodified through ``run``, printing what they printed then.

The corpus (``tests/data/legacy_corpus``) mixes ``scipy.misc`` with the numpy/Pillow names that
died with it; ``tools/record_corpus.py`` recorded each script's output on the stack it ran on
(README there). Here each runs through ``scipy-misc-compat run`` (legacy aliases on by default;
``--reference 2018`` where the script's header asks for it),
and the corpus's own pytest suite through ``pytest --scipy-misc-compat-legacy-aliases``.
The datasets come from scipy 1.1.0's wheel through ``SCIPY_MISC_COMPAT_DATASETS`` (no network).
"""

import glob
import importlib.util
import os
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "tests", "data", "legacy_corpus")
SCRIPTS = sorted(glob.glob(os.path.join(CORPUS, "*.py")))
HAVE_SCIPY = importlib.util.find_spec("scipy") is not None
NEEDS_SCIPY = {"lectures_face.py"}  # scipy.ndimage.imread: only where scipy itself is installed


def run_options(script):
    """The ``run`` options a script's header asks for (``# replayed with: --reference 2018``)."""
    with open(script) as handle:
        header = [handle.readline().strip() for _ in range(2)]
    prefix = "# replayed with: "
    return next((line[len(prefix):].split() for line in header if line.startswith(prefix)), [])


def run_script(script, datasets, out, options):
    environment = dict(os.environ, SCIPY_MISC_COMPAT_DATASETS=datasets)
    environment.pop("SCIPY_MISC_COMPAT_REFERENCE", None)
    return subprocess.run([sys.executable, "-m", "scipy_misc_compat", "run"] + options + [script, str(out)],
                          capture_output=True, text=True, env=environment)


def recorded_output(script):
    with open(os.path.join(ROOT, "tests", "fixtures", "legacy_corpus", os.path.basename(script)[:-3] + ".txt")) as f:
        return f.read()


@pytest.mark.parametrize("script", SCRIPTS, ids=[os.path.basename(s) for s in SCRIPTS])
def test_script_prints_what_it_printed_on_its_stack(script, scipy_1_1_0_datasets, tmp_path):
    completed = run_script(script, scipy_1_1_0_datasets, tmp_path, run_options(script))
    if os.path.basename(script) in NEEDS_SCIPY and not HAVE_SCIPY:
        # Without scipy, `run` provides scipy.misc alone: scipy.ndimage says what is missing.
        assert completed.returncode == 1 and "pip install scipy" in completed.stderr, completed.stderr
        return
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout == recorded_output(script)


def test_a_2018_pipeline_needs_reference_2018(scipy_1_1_0_datasets, tmp_path):
    """The JPEG dataset script's 2018 numbers come back only with --reference 2018 (libjpeg 9, Pillow 5.3)."""
    script = os.path.join(CORPUS, "jpeg_dataset_prep.py")
    assert run_options(script) == ["--reference", "2018"]
    default = run_script(script, scipy_1_1_0_datasets, tmp_path, [])
    assert default.returncode == 0, default.stderr
    printed, recorded = default.stdout.splitlines(), recorded_output(script).splitlines()
    differing = [line for line, old in zip(printed, recorded) if line != old]
    assert len(printed) == len(recorded) and len(differing) >= 6, differing  # every line with pixels in it


def test_scripts_stop_without_the_legacy_aliases(tmp_path):
    """The reason the aliases exist: unmodified, these scripts die on np.float before scipy.misc."""
    completed = subprocess.run([sys.executable, "-m", "scipy_misc_compat", "run", "--no-legacy-aliases",
                                os.path.join(CORPUS, "dcgan_utils.py"), str(tmp_path)], capture_output=True, text=True)
    import numpy
    if numpy.lib.NumpyVersion(numpy.__version__) >= "1.24.0":
        assert completed.returncode == 1 and "has no attribute 'int'" in completed.stderr, completed.stderr
    else:  # numpy 1.23 still has np.int (deprecated)
        assert completed.returncode == 0, completed.stderr


def test_the_projects_own_pytest_suite_runs_through_the_plugin(tmp_path):
    suite = os.path.join(CORPUS, "suite")
    completed = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-W",
                                "ignore::DeprecationWarning", "--scipy-misc-compat-legacy-aliases", "--rootdir",
                                suite, "-c", os.path.join(suite, "pytest.ini"), suite],
                               capture_output=True, text=True, cwd=str(tmp_path))
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "4 passed" in completed.stdout
