"""Which recorded cases differ between two recordings (default: the 2018 stack vs the reference).

Usage::

    python tools/compare_records.py [REFERENCE_DIR OTHER_DIR] [--verbose]

Written files are decoded by the Pillow running this script for both sides.
Prints one line per differing case group and a total; MIGRATION.md quotes it.
"""

import argparse
import collections
import json
import os
import sys

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests"))

from legacy_fixture_codec import compare_outcomes, compare_written  # noqa: E402


def load(directory):
    with open(os.path.join(directory, "cases.json")) as handle:
        manifest = json.load(handle)
    with np.load(os.path.join(directory, "arrays.npz")) as arrays:
        return manifest, dict(arrays)


def payloads(directory, names):
    result = []
    for name in names:
        with open(os.path.join(directory, "written", name), "rb") as handle:
            result.append(handle.read())
    return result


def group_of(case_id):
    """The case id without its last component(s) that vary within a group."""
    parts = case_id.split("/")
    if parts[0] in ("imread", "fromimage") and len(parts) == 4:
        return "/".join(parts[:3])
    return "/".join(parts[:2] if len(parts) > 2 else parts)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("reference", nargs="?", default=os.path.join(ROOT, "tests/fixtures/legacy"))
    parser.add_argument("other", nargs="?", default=os.path.join(ROOT, "tests/fixtures/legacy_2018"))
    parser.add_argument("--verbose", action="store_true", help="print every differing case")
    args = parser.parse_args()
    (ref, ref_arrays), (other, other_arrays) = load(args.reference), load(args.other)
    other_cases = {case["id"]: case for case in other["cases"]}
    groups = collections.OrderedDict()
    differing = 0
    for case in ref["cases"]:
        twin = other_cases[case["id"]]
        problems = compare_outcomes(twin["outcome"], other_arrays, case["outcome"], ref_arrays)
        if not problems:
            problems = compare_written(payloads(args.other, twin["outcome"]["written"]),
                                       payloads(args.reference, case["outcome"]["written"]))
        if problems:
            differing += 1
            groups.setdefault(group_of(case["id"]), []).append((case["id"], problems))
            if args.verbose:
                print("%s: %s" % (case["id"], "; ".join(problems)))
    print("reference: %s" % ref["recorded_with"]["label"])
    print("other:     %s" % other["recorded_with"]["label"])
    for group, items in groups.items():
        print("- %s: %d case(s), e.g. %s" % (group, len(items), "; ".join(items[0][1])))
    print("%d of %d cases differ" % (differing, len(ref["cases"])))


if __name__ == "__main__":
    main()
