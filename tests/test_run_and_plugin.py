"""`scipy-misc-compat run` and the pytest plugin, driven as a user would drive them."""

import os
import shutil
import subprocess
import sys

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(*arguments, cwd=None):
    return subprocess.run([sys.executable, "-m", "scipy_misc_compat"] + list(arguments), capture_output=True,
                          text=True, cwd=cwd)


def test_run_script_with_arguments():
    script = os.path.join(DATA, "legacy_script.py")
    completed = run("run", script, "--flag", "two words")
    assert completed.returncode == 0, completed.stderr
    assert "argv=%r name=__main__" % [script, "--flag", "two words"] in completed.stdout
    assert "scaled=[0, 255]" in completed.stdout


def test_run_passes_exit_codes_through():
    script = os.path.join(DATA, "legacy_script.py")
    assert run("run", script, "exit", "3").returncode == 3
    completed = run("run", script, "message", "bye")
    assert completed.returncode == 1 and "stopping: bye" in completed.stderr


def test_run_shows_the_scripts_traceback_only():
    completed = run("run", os.path.join(DATA, "legacy_script.py"), "raise")
    assert completed.returncode == 1
    lines = completed.stderr.splitlines()
    assert lines[0] == "Traceback (most recent call last):"
    assert "legacy_script.py" in lines[1]  # the first frame is the script's, not the runner's
    assert "runpy" not in completed.stderr and "cli" not in completed.stderr
    assert lines[-1] == "ValueError: legacy failure"


def test_run_module_with_arguments():
    completed = run("run", "-m", "legacy_pkg", "a", "-b", cwd=DATA)
    assert completed.returncode == 0, completed.stderr
    assert "module argv=['a', '-b'] name=__main__" in completed.stdout
    assert "(4, 4)" in completed.stdout


def test_run_missing_script_and_usage():
    assert run("run", "no_such_script.py").returncode == 2
    assert run().returncode == 2
    help_text = run("--help").stdout
    assert "run [--no-legacy-aliases] [--reference NAME] [--failed-saves atomic|as-recorded] SCRIPT.py" \
        in help_text
    assert "run [OPTIONS] -m MODULE" in help_text
    assert run("run", "--no-legacy-aliases").returncode == 2
    assert run("run", "--no-legacy-aliases", "-m").returncode == 2


def test_console_script_is_installed():
    executable = shutil.which("scipy-misc-compat", path=os.path.dirname(sys.executable))
    assert executable, "the console script scipy-misc-compat is not installed next to this python"
    completed = subprocess.run([executable, "run", os.path.join(DATA, "legacy_script.py")],
                               capture_output=True, text=True)
    assert completed.returncode == 0 and "scaled=[0, 255]" in completed.stdout


def test_readme_main_job_runs_the_legacy_pipeline(tmp_path):
    completed = run("run", os.path.join(ROOT, "examples", "legacy_pipeline.py"), str(tmp_path))
    assert completed.returncode == 0, completed.stderr
    assert "small      (24, 32, 3) uint8" in completed.stdout
    assert (tmp_path / "small.png").exists() and (tmp_path / "edges.png").exists()


def pytest_in(directory, *arguments, env=None):
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:randomly"]
                          + list(arguments), capture_output=True, text=True, cwd=directory, env=env)


def test_plugin_runs_a_legacy_suite_unmodified(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(os.path.join(DATA, "legacy_project"), str(project))
    (project / "pytest.ini").write_text("[pytest]\n")
    completed = pytest_in(str(project), "--scipy-misc-compat")
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "3 passed" in completed.stdout


def test_plugin_is_inactive_unless_asked(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(os.path.join(DATA, "legacy_project"), str(project))
    (project / "pytest.ini").write_text("[pytest]\n")
    completed = pytest_in(str(project), "test_uses_fixture.py")  # only the fixture: works alone
    assert completed.returncode == 0, completed.stdout + completed.stderr
    import importlib.util
    if importlib.util.find_spec("scipy") is None:  # without scipy and without the flag, legacy imports fail
        completed = pytest_in(str(project), "test_legacy_pipeline.py")
        assert completed.returncode != 0 and "scipy" in completed.stdout


def test_plugin_reference_and_failed_saves_options(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    (project / "pytest.ini").write_text("[pytest]\n")
    (project / "test_reference.py").write_text(
        "import os\nimport scipy_misc_compat\n\n"
        "def test_choice():\n"
        "    assert (scipy_misc_compat.reference(), scipy_misc_compat.failed_saves()) == "
        "tuple(os.environ['EXPECTED'].split())\n")
    for options, expected in ([], "2022 atomic"), (["--scipy-misc-compat-reference", "2018"], "2018 atomic"), (
            ["--scipy-misc-compat-reference", "2018", "--scipy-misc-compat-failed-saves", "as-recorded"],
            "2018 as-recorded"):
        completed = pytest_in(str(project), *options, env=dict(os.environ, EXPECTED=expected))
        assert completed.returncode == 0, options + [completed.stdout + completed.stderr]
    for name, expected in ("pillow-8.2.0", "pillow-8.2 atomic"), ("pillow-4.0", "pillow-4.0 atomic"):
        completed = pytest_in(str(project), "--scipy-misc-compat-reference", name, env=dict(os.environ,
                                                                                           EXPECTED=expected))
        assert completed.returncode == 0, completed.stdout + completed.stderr
    refused = pytest_in(str(project), "--scipy-misc-compat-reference", "1999")
    assert refused.returncode != 0 and "unknown legacy reference '1999'" in refused.stderr
    assert "'pillow-4.0' ... 'pillow-9.3'" in refused.stderr


def test_plugin_choices_are_the_package_s():
    import argparse

    import scipy_misc_compat.references as reference
    from scipy_misc_compat import pytest_plugin

    class Group:
        def __init__(self):
            self.options = {}

        def addoption(self, name, **kwargs):
            self.options[name] = kwargs

    group = Group()
    pytest_plugin.pytest_addoption(argparse.Namespace(getgroup=lambda name: group))
    assert "choices" not in group.options["--scipy-misc-compat-reference"]  # any name; checked when configured
    assert set(group.options["--scipy-misc-compat-failed-saves"]["choices"]) == set(reference.FAILED_SAVES)
