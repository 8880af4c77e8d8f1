"""Restored numpy/Pillow names behave as they did where they still existed, and leave no trace.

The expected values were recorded on the library versions that still had each name
(``tools/record_aliases.py``, ``tests/fixtures/legacy_aliases``); the probes are in
``alias_probes.py``.
"""

import importlib
import json
import os
import subprocess
import sys
import warnings

import pytest

import alias_probes
import scipy_misc_compat
from scipy_misc_compat.dropin import _aliases

FIXTURE = os.path.join(os.path.dirname(__file__), "fixtures", "legacy_aliases", "probes.json")
with open(FIXTURE) as _handle:
    RECORDED = json.load(_handle)["cases"]
ALIASES = {alias.qualified: alias for alias in scipy_misc_compat.LEGACY_ALIASES}
MODULES = sorted({alias.module for alias in scipy_misc_compat.LEGACY_ALIASES})


def _own(module_name, name):
    """The installed library's own object for ``name`` (None when it has none), before any install."""
    module = importlib.import_module(module_name)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return getattr(module, name)
        except Exception:
            return None


OWN = {qualified: _own(alias.module, alias.name) for qualified, alias in ALIASES.items()}


def test_every_alias_has_probes_and_a_recording():
    assert set(ALIASES) == set(alias_probes.PROBES) == set(RECORDED)
    assert all(len(RECORDED[name]["probes"]) == len(alias_probes.PROBES[name]) for name in ALIASES)


@pytest.mark.parametrize("qualified", sorted(ALIASES))
def test_behaves_as_recorded_where_the_name_still_existed(qualified):
    alias = ALIASES[qualified]
    module = importlib.import_module(alias.module)
    with scipy_misc_compat.installed(without_scipy=True, legacy_aliases=True):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the library's own deprecated names may warn; restored ones do not
            value = getattr(module, alias.name)
    if OWN[qualified] is not None:
        # The installed library still defines the name (np.float on numpy 1.23, np.bool on numpy 2):
        # it is the library's, never shadowed.
        assert value is OWN[qualified]
        return
    for (probe, expected), source in zip(RECORDED[qualified]["probes"], alias_probes.PROBES[qualified]):
        assert probe == source
        assert alias_probes.evaluate(probe, value) == expected, (qualified, probe, RECORDED[qualified]["recorded_on"])


def test_missing_names_are_served_and_uninstall_takes_them_back():
    modules = {name: importlib.import_module(name) for name in MODULES}
    before = {name: vars(module).get("__getattr__") for name, module in modules.items()}
    missing = _aliases.missing_aliases()
    assert {alias.qualified for alias in missing} == {name for name, own in OWN.items() if own is None}
    with scipy_misc_compat.installed(without_scipy=True, legacy_aliases=True):
        for alias in missing:
            assert hasattr(modules[alias.module], alias.name)
            assert alias.name not in vars(modules[alias.module])  # served, never written into the namespace
    assert {name: vars(module).get("__getattr__") for name, module in modules.items()} == before
    for alias in missing:
        assert _own(alias.module, alias.name) is None


def test_install_without_legacy_aliases_restores_nothing():
    with scipy_misc_compat.installed(without_scipy=True):
        for alias in _aliases.missing_aliases():
            assert _own(alias.module, alias.name) is None


def test_no_warning_by_default_and_one_per_name_when_asked():
    alias = ALIASES["numpy.asscalar"]  # gone from every supported numpy (1.23+)
    assert alias in _aliases.missing_aliases()
    module = importlib.import_module(alias.module)
    with scipy_misc_compat.installed(without_scipy=True, legacy_aliases=True):
        with warnings.catch_warnings(record=True) as silent:
            warnings.simplefilter("always")
            getattr(module, alias.name)
        assert silent == []
        scipy_misc_compat.warn_on_legacy_aliases()
        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                getattr(module, alias.name)
                getattr(module, alias.name)
        finally:
            scipy_misc_compat.warn_on_legacy_aliases(False)
    assert len(caught) == 1 and caught[0].category is scipy_misc_compat.LegacyAliasWarning
    assert alias.shown in str(caught[0].message) and alias.removed_in in str(caught[0].message)
    assert alias.modern in str(caught[0].message)
    assert caught[0].filename == __file__  # points at the code that used the name


def test_warning_switched_on_by_the_environment_variable(tmp_path):
    script = tmp_path / "uses_np_float.py"
    script.write_text("import numpy as np\nx = np.float_(1.5)\ny = np.float_(2)\nprint(x + y)\n")
    environment = dict(os.environ, SCIPY_MISC_COMPAT_WARN_LEGACY_ALIASES="1")
    result = subprocess.run([sys.executable, "-m", "scipy_misc_compat", "run", str(script)], capture_output=True,
                            text=True, env=environment)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "3.5"
    own = OWN["numpy.float_"] is not None
    assert ("LegacyAliasWarning" in result.stderr) is not own, result.stderr
    assert result.stderr.count("np.float_ was removed in numpy 2.0") == (0 if own else 1)


def test_run_restores_by_default_and_not_with_the_switch(tmp_path):
    script = tmp_path / "legacy.py"
    script.write_text("import numpy as np\nfrom PIL import Image\nprint(np.float, np.asscalar(np.array([7])), "
                      "int(Image.ANTIALIAS))\n")
    run = [sys.executable, "-m", "scipy_misc_compat", "run"]
    restored = subprocess.run(run + [str(script)], capture_output=True, text=True)
    assert restored.returncode == 0, restored.stderr
    assert restored.stdout.split()[-2:] == ["7", "1"]
    switched_off = subprocess.run(run + ["--no-legacy-aliases", str(script)], capture_output=True, text=True)
    if _aliases.missing_aliases():
        assert switched_off.returncode == 1 and "AttributeError" in switched_off.stderr
    else:
        assert switched_off.returncode == 0


def test_numpy_2_names_with_new_meanings_are_left_alone():
    import numpy as np
    for name, old_meaning in (("bool", bool), ("long", int)):
        own = OWN["numpy." + name]
        with scipy_misc_compat.installed(without_scipy=True, legacy_aliases=True):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # numpy 1.23's own deprecated alias
                value = getattr(np, name)
        # numpy's own object wherever it has one (numpy 2's np.bool / np.long, 1.23's deprecated
        # builtin aliases); the old meaning only where numpy has nothing (1.24 to 1.26).
        assert value is (own if own is not None else old_meaning)
