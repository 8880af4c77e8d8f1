"""install()/uninstall() in every environment users have, and their exact undo.

The environment CI runs in is tested in-process (the newest stack has a recent scipy,
the oldest has none). Other scipy layouts are simulated in subprocesses with small
stand-in ``scipy`` packages put first on ``PYTHONPATH``: scipy 2.0 (no ``scipy.misc``),
scipy 1.2 (``scipy.misc`` with its own ``derivative`` and ``face``), scipy 1.15-1.18
(an empty ``scipy.misc`` that warns on import).
"""

import importlib.util
import json
import os
import subprocess
import sys
import textwrap
import threading
import warnings

import numpy as np
import pytest

import scipy_misc_compat
from scipy_misc_compat import install, installed, is_installed, uninstall

HAVE_SCIPY = importlib.util.find_spec("scipy") is not None
IMAGE_NAMES = ["bytescale", "fromimage", "imfilter", "imread", "imresize", "imrotate", "imsave", "imshow", "toimage"]

FAKE_SCIPY = {
    "scipy2": {
        "scipy/__init__.py": "__version__ = '2.0.0'\n",
        "scipy/special.py": "def comb(n, k, exact=False):\n    return 'fake comb'\n",
        "scipy/ndimage/__init__.py": "",
    },
    "scipy1_2": {
        "scipy/__init__.py": "__version__ = '1.2.3'\n",
        "scipy/misc/__init__.py": "def derivative(*a, **k):\n    return 'scipy own derivative'\n"
                                  "def face(gray=False):\n    return 'scipy own face'\n",
        "scipy/ndimage/__init__.py": "",
    },
    "scipy1_17": {
        "scipy/__init__.py": "__version__ = '1.17.0'\n",
        "scipy/misc/__init__.py": "import warnings\nwarnings.warn('scipy.misc is deprecated and has no "
                                  "attribute', DeprecationWarning, stacklevel=2)\n",
        "scipy/ndimage/__init__.py": "",
    },
}


def run_python(code, tmp_path, fake=None):
    """Run ``code`` in a fresh interpreter (warnings are errors), with a stand-in scipy if asked."""
    env = {}
    if fake:
        root = tmp_path / fake
        for relative, content in FAKE_SCIPY[fake].items():
            path = root / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content)
        env["PYTHONPATH"] = str(root)
    import os
    completed = subprocess.run([sys.executable, "-W", "error", "-c", textwrap.dedent(code)],
                               capture_output=True, text=True, env=dict(os.environ, **env))
    assert completed.returncode == 0, completed.stdout + completed.stderr
    return completed.stdout


def test_scipy_without_misc_gets_the_whole_module(tmp_path):
    out = run_python("""
        import scipy, scipy_misc_compat
        scipy_misc_compat.install()
        import scipy.misc
        from scipy.misc import imread, imsave, imresize, bytescale, derivative
        from scipy.misc.pilutil import toimage
        import scipy.ndimage
        assert scipy.misc is scipy_misc_compat.misc and toimage is scipy_misc_compat.toimage
        assert scipy.ndimage.imread.__name__ == 'ndimage_imread'
        print(scipy.misc.comb(5, 2))                   # forwarded to (the stand-in) scipy.special
        ndimage = scipy.ndimage
        scipy_misc_compat.uninstall()
        import sys
        assert 'scipy.misc' not in sys.modules and not hasattr(scipy, 'misc')
        assert not hasattr(ndimage, 'imread')
        assert 'scipy.ndimage' in sys.modules          # kept: numpy 2 cannot load its extensions twice
        print('ok')
    """, tmp_path, fake="scipy2")
    assert out.split() == ["fake", "comb", "ok"]


def test_scipy_1_2_keeps_what_it_still_provides_unless_replaced(tmp_path):
    out = run_python("""
        import scipy_misc_compat
        scipy_misc_compat.install()
        import scipy.misc
        print(scipy.misc.derivative(), '|', scipy.misc.face())
        assert scipy.misc.imread is scipy_misc_compat.imread
        scipy_misc_compat.uninstall()
        assert not hasattr(scipy.misc, 'imread') and scipy.misc.derivative() == 'scipy own derivative'
        scipy_misc_compat.install(replace=True)
        import scipy.misc                           # uninstall forgot the modules install had imported
        assert scipy.misc.derivative is scipy_misc_compat.misc.derivative
        scipy_misc_compat.uninstall()
        import scipy.misc
        assert scipy.misc.derivative() == 'scipy own derivative'
        print('ok')
    """, tmp_path, fake="scipy1_2")
    assert out.splitlines() == ["scipy own derivative | scipy own face", "ok"]


def test_scipy_1_17_deprecation_warning_is_not_triggered_by_install(tmp_path):
    out = run_python("""
        import scipy_misc_compat
        scipy_misc_compat.install()               # -W error: scipy.misc's warning would be fatal
        from scipy.misc import imread, imsave, bytescale, imresize
        print(bytescale.__module__)
    """, tmp_path, fake="scipy1_17")
    assert out.strip() == "scipy_misc_compat.legacy"


def test_without_scipy_only_misc_is_provided(tmp_path):
    out = run_python("""
        import sys
        class NoScipy:                             # as if scipy were not installed, whatever this venv has
            def find_spec(self, name, path, target=None):
                if name == 'scipy' or name.startswith('scipy.'):
                    raise ModuleNotFoundError("No module named 'scipy'", name=name)
        sys.meta_path.insert(0, NoScipy())
        import scipy_misc_compat
        try:
            scipy_misc_compat.install()
        except ImportError as error:
            print('refused:', 'without_scipy=True' in str(error))
        scipy_misc_compat.install(without_scipy=True)
        from scipy.misc import imread, derivative, who
        try:
            import scipy.linalg
        except ImportError as error:
            print('linalg:', 'only scipy.misc' in str(error))
        from scipy.misc import comb  # importable (so `from scipy.misc import *` works), not callable
        try:
            comb(5, 2)
        except ImportError as error:
            print('comb:', 'pip install scipy' in str(error))
    """, tmp_path)
    assert out.split() == ["refused:", "True", "linalg:", "True", "comb:", "True"]


@pytest.mark.skipif(HAVE_SCIPY, reason="this stack has scipy; the scipy-less stack (oldest) runs it")
def test_without_scipy_in_process():
    with pytest.raises(ImportError, match="without_scipy=True"):
        install()
    with installed(without_scipy=True):
        import scipy.misc
        from scipy.misc import imread, derivative  # noqa: F401
        assert scipy.misc.imread is scipy_misc_compat.imread
        with pytest.raises(ImportError, match="only scipy.misc"):
            import scipy.linalg  # noqa: F401
        from scipy.misc import comb
        with pytest.raises(ImportError, match="pip install scipy"):
            comb(5, 2)
    assert "scipy" not in sys.modules and "scipy.misc" not in sys.modules


@pytest.mark.skipif(not HAVE_SCIPY, reason="this stack has no scipy; the newest stack (with scipy) runs it")
def test_with_real_scipy_in_process():
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # scipy's own "scipy.misc is deprecated" must not surface
        with installed():
            import scipy.misc
            import scipy.ndimage
            from scipy.misc import imread, imsave, comb  # noqa: F401
            from scipy.misc.pilutil import imresize  # noqa: F401
            assert scipy.misc.bytescale is scipy_misc_compat.bytescale
            assert scipy.ndimage.imread.__name__ == "ndimage_imread"
            assert comb(5, 2) == 10


def module_state():
    import sys
    state = {name: module for name, module in sys.modules.items() if name == "scipy" or name.startswith("scipy.")}
    attributes = {name: dict(vars(module)) for name, module in state.items() if module is not None}
    return state, attributes


def test_uninstall_restores_exactly_the_previous_state():
    before = module_state()
    with installed(without_scipy=True):
        assert is_installed()
        import scipy.misc  # noqa: F401
    assert not is_installed()
    after = module_state()
    # Modules install() imported as dependencies (scipy.ndimage pulls in numpy.fft, scipy.special)
    # may stay: numpy 2 cannot load its extensions twice. Nothing of scipy.misc's stays.
    assert after[0].keys() >= before[0].keys()
    assert not [name for name in after[0].keys() - before[0].keys() if name.startswith("scipy.misc")]
    assert all(after[0][name] is module for name, module in before[0].items())
    newly_imported = [module for name, module in after[0].items() if name not in before[0]]
    for name, attributes in before[1].items():  # a newly imported submodule may be an attribute of its parent
        kept = {key: value for key, value in after[1][name].items()
                if key in attributes or not any(value is module for module in newly_imported)}
        assert kept == attributes, name


def test_install_and_uninstall_are_idempotent():
    assert install(without_scipy=True) is True
    assert install(without_scipy=True) is False
    assert uninstall() is True
    assert uninstall() is False


def test_install_from_many_threads():
    before = module_state()
    barrier = threading.Barrier(8)
    results = []

    def worker():
        barrier.wait()
        results.append(install(without_scipy=True))
        import scipy.misc
        results.append(scipy.misc.bytescale(np.array([[0.0, 1.0]])).tolist())

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results.count(True) == 1 and results.count(False) == 7
    assert results.count([[0, 255]]) == 8
    assert uninstall() is True
    assert module_state()[0].keys() == before[0].keys()


# --- the whole namespace: star imports, doccer ----------------------------------------------------

SCIPY_1_1_0_MISC_NAMES = sorted(scipy_misc_compat.misc.__all__)
_HAVE_SCIPY = importlib.util.find_spec("scipy") is not None


def _star_import(module_name):
    namespace = {}
    exec("from %s import *" % module_name, namespace)
    return sorted(name for name in namespace if name != "__builtins__")


def test_star_import_of_the_package_namespace_works_with_or_without_scipy():
    assert _star_import("scipy_misc_compat.misc") == SCIPY_1_1_0_MISC_NAMES


def test_star_import_of_scipy_misc_after_install_gives_every_scipy_1_1_0_name():
    with scipy_misc_compat.installed(without_scipy=True):
        assert _star_import("scipy.misc") == SCIPY_1_1_0_MISC_NAMES


def test_scipy_misc_doccer_after_install_is_the_docstring_helper_module():
    with open(os.path.join(os.path.dirname(__file__), "fixtures", "namespace", "extras.json")) as handle:
        recorded = json.load(handle)["doccer"]
    with scipy_misc_compat.installed(without_scipy=True):
        import scipy.misc.doccer as doccer
        if not _HAVE_SCIPY:
            with pytest.raises(ImportError, match="pip install scipy"):
                doccer.docformat()
            return
        assert set(recorded["names"]) <= set(dir(doccer))
        assert doccer.docformat("Head.\n\n    %(x)s\n", {"x": "one\ntwo"}) == recorded["docformat"]
