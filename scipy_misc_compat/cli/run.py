"""``run``: execute a legacy script or module with ``scipy.misc`` provided first.

The numpy and Pillow names legacy scripts use beside it (``np.float``,
``Image.ANTIALIAS``, ...: ``scipy_misc_compat.LEGACY_ALIASES``) are restored too, unless
``--no-legacy-aliases`` comes before the script; ``--reference pillow-X.Y`` (or ``2018``) reproduces that
stack's results and ``--failed-saves as-recorded`` what its failed saves left behind
(``scipy_misc_compat.use_reference``).

Behaves like ``python SCRIPT.py ARGS`` / ``python -m MODULE ARGS``: ``sys.argv``,
``__main__``, ``sys.path[0]``, the exit code of ``sys.exit``, and an uncaught
exception's traceback (printed without this runner's own frames, exit status 1).
"""

from __future__ import annotations

import os
import runpy
import sys
import traceback
from typing import List

from ..dropin._install import install
from ..references import FAILED_SAVES, all_names, current_reference, parse, range_text, use_reference

RUN_USAGE = ("usage: scipy-misc-compat run [--no-legacy-aliases] [--reference NAME] "
             "[--failed-saves atomic|as-recorded] SCRIPT.py [ARGS...] | run [OPTIONS] -m MODULE [ARGS...]")
#: option -> its choices (each takes one value)
_CHOICE_OPTIONS = {"--reference": all_names(), "--failed-saves": tuple(FAILED_SAVES)}


def run_command(arguments: List[str]) -> int:
    if not arguments or arguments[0] in ("-h", "--help"):
        print(RUN_USAGE + "\n\nRuns legacy code with scipy.misc's scipy 1.1.0 functions installed "
              "(also where scipy itself is not installed), and the numpy/Pillow names such code used "
              "(np.float, np.int, Image.ANTIALIAS, ...) restored with their old meaning.\n\n"
              "  --no-legacy-aliases  do not restore the removed numpy/Pillow names\n"
              "  --reference NAME     reproduce scipy 1.1.0 on another Pillow release: pillow-4.0 ...\n"
              "                       pillow-9.3 (pillow-8.2.0 means pillow-8.2), 2018 (= pillow-5.3:\n"
              "                       numpy 1.15.4 + Pillow 5.3.0, libjpeg 9c) or 2022 (= pillow-9.3,\n"
              "                       numpy 1.23.5 + Pillow 9.3.0, the default); as\n"
              "                       SCIPY_MISC_COMPAT_REFERENCE=NAME does\n"
              "  --failed-saves as-recorded\n"
              "                       a save that fails leaves at its path what the reference's Pillow\n"
              "                       left (2018: an emptied file); default atomic: the path stays as it\n"
              "                       was; as SCIPY_MISC_COMPAT_FAILED_SAVES=as-recorded does")
        return 0 if arguments else 2
    legacy_aliases, chosen = True, {}
    while arguments and arguments[0] in ("--no-legacy-aliases",) + tuple(_CHOICE_OPTIONS):
        option = arguments[0]
        if option == "--no-legacy-aliases":
            legacy_aliases, arguments = False, arguments[1:]
        elif len(arguments) < 2 or not _is_choice(option, arguments[1]):
            print("scipy-misc-compat run: %s takes %s" % (option, _choices_text(option)), file=sys.stderr)
            return 2
        else:
            chosen[option], arguments = arguments[1], arguments[2:]
    if chosen:
        use_reference(chosen.get("--reference"), failed_saves=chosen.get("--failed-saves"))
    missing = _missing_for_reference()
    if missing:
        print(missing, file=sys.stderr)
        return 2
    if not arguments or arguments[0] == "-m" and len(arguments) < 2:
        print(RUN_USAGE, file=sys.stderr)
        return 2
    if arguments[0] == "-m":
        return _execute(module=arguments[1], argv_tail=arguments[2:], legacy_aliases=legacy_aliases)
    return _execute(script=arguments[0], argv_tail=arguments[1:], legacy_aliases=legacy_aliases)


def _missing_for_reference() -> str:
    """One line when the reference in use computes with a library that is not installed, else ''.

    Checked before the script runs: otherwise it would write some outputs and die at its first JPEG."""
    from .._info import missing_requirements
    try:
        missing = missing_requirements()
        name = current_reference().name
    except ValueError as error:  # SCIPY_MISC_COMPAT_REFERENCE names no reference
        return "scipy-misc-compat run: %s" % error
    if not missing:
        return ""
    return ("scipy-misc-compat run: reference %s reads and writes JPEG with IJG libjpeg through %s, which is not "
            "installed: pip install %s" % (name, " and ".join(missing), " ".join(missing)))


def _is_choice(option: str, value: str) -> bool:
    if option == "--reference":
        try:
            parse(value)
        except ValueError:
            return False
        return True
    return value in _CHOICE_OPTIONS[option]


def _choices_text(option: str) -> str:
    return range_text() if option == "--reference" else "one of " + ", ".join(sorted(_CHOICE_OPTIONS[option]))


def _execute(script: str = "", module: str = "", argv_tail: List[str] = (),  # type: ignore[assignment]
             legacy_aliases: bool = True) -> int:
    # `run` is the explicit opt-in for a scipy-less environment, and for the removed numpy/Pillow names
    install(without_scipy=True, legacy_aliases=legacy_aliases)
    try:
        if module:
            sys.argv = [module] + list(argv_tail)  # runpy replaces argv[0] with the module's path
            sys.path.insert(0, os.getcwd())
            runpy.run_module(module, run_name="__main__", alter_sys=True)
        else:
            if not os.path.exists(script):
                print("scipy-misc-compat run: can't open file %r: No such file or directory" % script,
                      file=sys.stderr)
                return 2
            sys.argv = [script] + list(argv_tail)
            sys.path.insert(0, os.path.dirname(os.path.abspath(script)))
            runpy.run_path(script, run_name="__main__")
    except SystemExit as exit_request:
        return _exit_status(exit_request.code)
    except KeyboardInterrupt:
        raise
    except BaseException as error:  # print it as python would, from the script's first frame on
        _print_script_traceback(error)
        return 1
    return 0


def _is_runner_frame(filename: str) -> bool:
    """This module's frames and runpy's (a file, or "<frozen runpy>" on Python >= 3.11)."""
    if filename.startswith("<frozen runpy"):
        return True
    return os.path.abspath(filename) in (os.path.abspath(__file__), os.path.abspath(runpy.__file__ or ""))


def _exit_status(code: object) -> int:
    """What the interpreter makes of ``sys.exit(code)``."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


def _print_script_traceback(error: BaseException) -> None:
    frames = traceback.extract_tb(error.__traceback__)
    first_script_frame = next((i for i, frame in enumerate(frames) if not _is_runner_frame(frame.filename)),
                              len(frames))
    tb = error.__traceback__
    for _ in range(first_script_frame):
        tb = tb.tb_next if tb is not None else None
    sys.stderr.write("".join(traceback.format_exception(type(error), error, tb)))


__all__ = ["run_command"]
