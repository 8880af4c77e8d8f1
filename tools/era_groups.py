"""Which Pillow minor releases gave the same outcomes: the eras, from the recordings of every minor.

Usage (after ``tools/record_eras.py`` recorded each minor into ``tests/fixtures/eras/``)::

    python tools/era_groups.py            # each minor compared with its era's first, then the eras
    python tools/era_groups.py --prune    # then keep one compact recording per era

Compares the catalogue (outcomes, arrays, written files decoded) and the sweep (outcomes and
output bytes) of each minor with the first minor of the current era; a minor whose recordings
equal it belongs to that era. Prints each change with the case groups that show it (the
``proof`` of the rows in ``scipy_misc_compat/references/_changes.py``) and the eras, and writes
``tests/fixtures/eras/eras.json``: per era its minors and its first minor.

``--prune`` deletes the recordings of all but each era's first minor, and the first minors of
the eras of ``2018`` and ``2022`` (their recordings are ``legacy_2018``/``sweep_2018`` and
``legacy``/``sweep``), and stores each kept recording as the cases whose outcome differs from
the 2018 recording, byte for byte (``delta.json``, ``delta.npz``, ``written/``): every other
case had exactly the 2018 outcome. ``tests/test_eras.py`` replays the whole catalogue and sweep
under each era's name from the 2018 recording and that delta.
"""

import argparse
import collections
import json
import os
import shutil
import sys

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tools"))
sys.path.insert(0, os.path.join(ROOT, "tests"))

import compare_records  # noqa: E402
import record_legacy  # noqa: E402
from legacy_fixture_codec import compare_outcomes, compare_written  # noqa: E402

ERAS_DIR = os.path.join(ROOT, "tests", "fixtures", "eras")


def catalogue_differences(old, new):
    (old_manifest, old_arrays), (new_manifest, new_arrays) = compare_records.load(old), compare_records.load(new)
    new_cases = {case["id"]: case for case in new_manifest["cases"]}
    groups = collections.OrderedDict()
    for case in old_manifest["cases"]:
        twin = new_cases[case["id"]]
        problems = compare_outcomes(twin["outcome"], new_arrays, case["outcome"], old_arrays) or compare_written(
            compare_records.payloads(new, twin["outcome"]["written"]),
            compare_records.payloads(old, case["outcome"]["written"]))
        if problems:
            groups.setdefault(compare_records.group_of(case["id"]), []).append(case["id"])
    return groups


def sweep_differences(old, new):
    def load(directory):
        with open(os.path.join(directory, "sweep.json")) as handle:
            cases = json.load(handle)["cases"]
        with np.load(os.path.join(directory, "outputs.npz")) as outputs:
            return cases, dict(outputs)

    def result(case, outputs):
        outcome = case["outcome"]
        if "error" in outcome:
            return ("error", outcome["error"])
        size = int(np.prod(outcome["shape"]))
        values = outputs[outcome["dtype"]][outcome["offset"]:outcome["offset"] + size]
        return (outcome["dtype"], tuple(outcome["shape"]), values.tobytes())

    (old_cases, old_outputs), (new_cases, new_outputs) = load(old), load(new)
    groups = collections.OrderedDict()
    for before, after in zip(old_cases, new_cases):
        if result(before, old_outputs) != result(after, new_outputs):
            groups.setdefault("sweep " + before["id"].rsplit("/", 1)[0], []).append(before["id"])
    return groups


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--prune", action="store_true", help="delete the recordings that repeat their era's first")
    args = parser.parse_args()
    names = [name for name in record_legacy.ERA_RELEASES if os.path.isdir(os.path.join(ERAS_DIR, name))]
    eras = [[names[0]]]
    for name in names[1:]:
        old, new = os.path.join(ERAS_DIR, eras[-1][0]), os.path.join(ERAS_DIR, name)
        groups = catalogue_differences(os.path.join(old, "catalogue"), os.path.join(new, "catalogue"))
        groups.update(sweep_differences(os.path.join(old, "sweep"), os.path.join(new, "sweep")))
        if not groups:
            eras[-1].append(name)
            continue
        eras.append([name])
        print("%s -> %s: %d cases differ" % (eras[-2][0], name, sum(len(ids) for ids in groups.values())))
        for group, ids in groups.items():
            print("    %s: %d, e.g. %s" % (group, len(ids), ids[0]))
    print("eras: " + " | ".join(era[0] if len(era) == 1 else "%s-%s" % (era[0], era[-1][len("pillow-"):])
                                for era in eras))
    with open(os.path.join(ERAS_DIR, "eras.json"), "w") as handle:
        json.dump({"recorded": {name: record_legacy.ERA_RELEASES[name] for name in names},
                   "eras": [{"first": era[0], "minors": era} for era in eras]}, handle, indent=1)
        handle.write("\n")
    if args.prune:
        for era in eras:
            for name in era[1:]:
                shutil.rmtree(os.path.join(ERAS_DIR, name))
            if "pillow-5.3" in era or "pillow-9.3" in era:
                shutil.rmtree(os.path.join(ERAS_DIR, era[0]))
            else:
                write_delta(os.path.join(ERAS_DIR, era[0]))


BASE_CATALOGUE = os.path.join(ROOT, "tests", "fixtures", "legacy_2018")
BASE_SWEEP = os.path.join(ROOT, "tests", "fixtures", "sweep_2018")


def _exact_outcome(outcome, arrays):
    """An outcome with its arrays replaced by their dtype, shape and bytes: equal means identical."""
    def resolve(value):
        if isinstance(value, dict):
            if len(value) == 1 and list(value)[0] in ("$array", "$scalar"):
                array = arrays[list(value.values())[0]]
                return ("array", array.dtype.str, array.shape, array.tobytes())
            return tuple(sorted((key, resolve(item)) for key, item in value.items()))
        if isinstance(value, list):
            return tuple(resolve(item) for item in value)
        return value
    return resolve({key: item for key, item in outcome.items() if key != "written"})


def _moved_arrays(value, arrays, store):
    """``value`` with its array references moved from ``arrays`` into ``store``."""
    if isinstance(value, dict):
        if len(value) == 1 and list(value)[0] in ("$array", "$scalar"):
            (tag, key), = value.items()
            return {tag: store.add(arrays[key])}
        return {key: _moved_arrays(item, arrays, store) for key, item in value.items()}
    if isinstance(value, list):
        return [_moved_arrays(item, arrays, store) for item in value]
    return value


def write_delta(era_dir):
    """Replace an era's full recording by the cases whose outcome differs from the 2018 recording."""
    from legacy_fixture_codec import ArrayStore
    from record_worker import write_manifest
    catalogue = os.path.join(era_dir, "catalogue")
    (era, era_arrays), (base, base_arrays) = compare_records.load(catalogue), compare_records.load(BASE_CATALOGUE)
    base_cases = {case["id"]: case for case in base["cases"]}
    store, cases = ArrayStore("d"), []
    written_dir = os.path.join(era_dir, "written")
    shutil.rmtree(written_dir, ignore_errors=True)  # the delta of an earlier recording
    os.makedirs(written_dir)
    for case in era["cases"]:
        twin = base_cases[case["id"]]
        outcome = case["outcome"]
        same = _exact_outcome(outcome, era_arrays) == _exact_outcome(twin["outcome"], base_arrays) and (
            compare_records.payloads(catalogue, outcome["written"])
            == compare_records.payloads(BASE_CATALOGUE, twin["outcome"]["written"]))
        if same:
            continue
        for name in outcome["written"]:
            shutil.copy(os.path.join(catalogue, "written", name), written_dir)
        cases.append({"id": case["id"], "outcome": _moved_arrays(outcome, era_arrays, store)})
    sweep_cases, outputs = _sweep_delta(os.path.join(era_dir, "sweep"))
    np.savez_compressed(os.path.join(era_dir, "delta.npz"), **store.arrays)
    np.savez_compressed(os.path.join(era_dir, "delta_sweep.npz"), **outputs)
    with open(os.path.join(era_dir, "sweep", "sweep.json")) as handle:
        sweep_stack = json.load(handle)["recorded_with"]
    write_manifest(os.path.join(era_dir, "delta.json"), {
        "recorded_with": era["recorded_with"], "sweep_recorded_with": sweep_stack,
        "base": {"catalogue": "legacy_2018", "sweep": "sweep_2018"},
        "recorded_cases": len(era["cases"]), "recorded_sweep_cases": _sweep_count(os.path.join(era_dir, "sweep")),
        "sweep": sweep_cases, "cases": cases})
    shutil.rmtree(catalogue)
    shutil.rmtree(os.path.join(era_dir, "sweep"))
    print("%s: %d catalogue and %d sweep cases differ from 2018" % (os.path.basename(era_dir), len(cases),
                                                                   len(sweep_cases)))


def _load_sweep(directory):
    with open(os.path.join(directory, "sweep.json")) as handle:
        cases = json.load(handle)["cases"]
    with np.load(os.path.join(directory, "outputs.npz")) as outputs:
        return cases, dict(outputs)


def _sweep_count(directory):
    return len(_load_sweep(directory)[0])


def _sweep_output(outcome, outputs):
    size = int(np.prod(outcome["shape"]))
    return outputs[outcome["dtype"]][outcome["offset"]:outcome["offset"] + size]


def _sweep_delta(directory):
    """The sweep cases whose outcome differs from the 2018 sweep: (id and outcome each, outputs by dtype)."""
    (cases, outputs), (base_cases, base_outputs) = _load_sweep(directory), _load_sweep(BASE_SWEEP)
    kept, chunks = [], {}
    for case, twin in zip(cases, base_cases):
        assert case["id"] == twin["id"]
        outcome, base = case["outcome"], twin["outcome"]
        if "error" in outcome:
            if outcome != base:
                kept.append({"id": case["id"], "outcome": outcome})
            continue
        values = _sweep_output(outcome, outputs)
        if "error" not in base and (outcome["dtype"], outcome["shape"]) == (base["dtype"], base["shape"]) and \
                values.tobytes() == _sweep_output(base, base_outputs).tobytes():
            continue
        dtype_chunks = chunks.setdefault(outcome["dtype"], [])
        moved = dict(outcome, offset=int(sum(chunk.size for chunk in dtype_chunks)))
        dtype_chunks.append(values)
        kept.append({"id": case["id"], "outcome": moved})
    return kept, {dtype: np.concatenate(parts) for dtype, parts in chunks.items()}


if __name__ == "__main__":
    main()
