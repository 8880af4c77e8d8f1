"""Runs the legacy catalogue on a reference stack and writes the fixtures.

Started by ``tools/record_legacy.py`` inside the reference environment (old
numpy and Pillow, scipy 1.1.0's ``pilutil.py``); Python 3.7 compatible, and
without this package.  Usage::

    python record_worker.py --out DIR (--pilutil FILE | --installed-scipy) [--reuse-files DIR]
"""

import argparse
import importlib.util
import json
import os
import platform
import shutil
import sys
import tempfile
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "tests"))

import numpy as np  # noqa: E402
import PIL  # noqa: E402

import legacy_catalogue  # noqa: E402
import legacy_fixture_codec as codec  # noqa: E402


def load_pilutil(args):
    if args.installed_scipy:
        from scipy.misc import pilutil
        return pilutil
    spec = importlib.util.spec_from_file_location("legacy_pilutil", args.pilutil)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def make_input_files(files_dir):
    os.makedirs(files_dir, exist_ok=True)
    names = []
    for name, make in legacy_catalogue.input_image_files():
        make(os.path.join(files_dir, name))
        names.append(name)
    return names


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--pilutil")
    parser.add_argument("--installed-scipy", action="store_true")
    parser.add_argument("--reuse-files")
    parser.add_argument("--stack-label", default="")
    parser.add_argument("--namespace-out", help="with --installed-scipy: also record scipy.misc's other names here")
    parser.add_argument("--examples-out", help="also record what examples/*.py print with this pilutil as scipy.misc")
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    pilutil = load_pilutil(args)

    out = os.path.abspath(args.out)
    os.makedirs(out, exist_ok=True)
    if args.reuse_files:
        files_dir = os.path.abspath(args.reuse_files)
        file_names = sorted(n for n in os.listdir(files_dir))
        file_names = [n for n, _ in legacy_catalogue.input_image_files() if n in file_names]
    else:
        files_dir = os.path.join(out, "files")
        if os.path.isdir(files_dir):
            shutil.rmtree(files_dir)
        file_names = make_input_files(files_dir)

    write_fixture(out, args, file_names, record(pilutil, legacy_catalogue.all_cases(file_names), files_dir, out))
    if args.examples_out:
        record_examples(pilutil, os.path.abspath(args.examples_out))
    if args.namespace_out:
        import scipy.misc
        namespace_dir = os.path.abspath(args.namespace_out)
        cases = record(scipy.misc, legacy_catalogue.namespace_cases(), files_dir, namespace_dir)
        write_fixture(namespace_dir, args, [], cases)


def record(api, catalogue, files_dir, out):
    """Run every case of ``catalogue`` against ``api``; returns (cases, arrays)."""
    written_dir = os.path.join(out, "written")
    if os.path.isdir(written_dir):
        shutil.rmtree(written_dir)
    os.makedirs(written_dir)
    store = codec.ArrayStore()
    cases = []
    seen = set()
    for case_id, function, case_args, case_kwargs in catalogue:
        assert case_id not in seen, case_id
        seen.add(case_id)
        encoded_args = [codec.encode(a, store) for a in case_args]
        encoded_kwargs = dict((k, codec.encode(v, store)) for k, v in case_kwargs.items())
        temp_dir = tempfile.mkdtemp()
        resolver = codec.MarkerResolver(files_dir, temp_dir)
        try:
            real_args = [codec.decode(a, store.arrays, resolver) for a in encoded_args]
            real_kwargs = dict((k, codec.decode(v, store.arrays, resolver)) for k, v in encoded_kwargs.items())
            result, error = codec.call_case(api, function, real_args, real_kwargs)
            outcome = codec.observe(result, error, real_args, store)
            resolver.close()  # flush files opened for the case before reading them
            outcome["written"] = save_outputs(resolver, written_dir, case_id)
        finally:
            resolver.close()
            shutil.rmtree(temp_dir, ignore_errors=True)
        cases.append({"id": case_id, "function": function, "args": encoded_args, "kwargs": encoded_kwargs,
                      "outcome": outcome})
    return cases, store.arrays


def write_fixture(out, args, file_names, recorded):
    cases, arrays = recorded
    np.savez_compressed(os.path.join(out, "arrays.npz"), **arrays)
    manifest = {
        "recorded_with": {
            "label": args.stack_label,
            "python": platform.python_version(),
            "numpy": np.__version__,
            "pillow": PIL.__version__,
            "pilutil": "installed scipy" if args.installed_scipy else "scipy 1.1.0 wheel, scipy/misc/pilutil.py",
        },
        "input_files": file_names,
        "cases": cases,
    }
    write_manifest(os.path.join(out, "cases.json"), manifest)
    print("recorded %d cases into %s" % (len(cases), out))


def record_examples(pilutil, out):
    """Run each example script with scipy.misc served by scipy 1.1.0's pilutil; keep what it prints."""
    import contextlib
    import glob
    import io
    import runpy
    import types
    misc = types.ModuleType("scipy.misc")
    misc.__dict__.update(dict((name, getattr(pilutil, name)) for name in pilutil.__all__))
    scipy = types.ModuleType("scipy")
    scipy.__path__ = []
    scipy.misc = misc
    sys.modules.update({"scipy": scipy, "scipy.misc": misc})
    os.makedirs(out, exist_ok=True)
    for script in sorted(glob.glob(os.path.join(os.path.dirname(HERE), "examples", "*.py"))):
        printed = io.StringIO()
        saved_argv = sys.argv
        sys.argv = [script, tempfile.mkdtemp()]
        try:
            with contextlib.redirect_stdout(printed):
                runpy.run_path(script, run_name="__main__")
        finally:
            sys.argv = saved_argv
        name = os.path.splitext(os.path.basename(script))[0] + ".txt"
        with open(os.path.join(out, name), "w") as handle:
            handle.write(printed.getvalue())
        print("recorded the output of %s" % os.path.basename(script))


def write_manifest(path, manifest):
    """JSON with one case per line, so that re-recordings diff readably."""
    cases = manifest.pop("cases")
    head = json.dumps(manifest, sort_keys=True)
    with open(path, "w") as handle:
        handle.write(head[:-1] + ', "cases": [\n')
        handle.write(",\n".join(json.dumps(case, sort_keys=True) for case in cases))
        handle.write("\n]}\n")


def save_outputs(resolver, written_dir, case_id):
    """Copy what the case wrote (files or buffers) next to the fixtures; returns their names."""
    names = []
    for index, (suffix, data) in enumerate(codec.output_payloads(resolver.outputs)):
        name = "%s.%d%s" % (case_id.replace("/", "__"), index, suffix)
        with open(os.path.join(written_dir, name), "wb") as handle:
            handle.write(data)
        names.append(name)
    return names


if __name__ == "__main__":
    main()
