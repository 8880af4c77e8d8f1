"""Every era: the catalogue and the sweep recorded on that Pillow release's wheels, replayed under its name.

``tools/record_eras.py`` recorded scipy 1.1.0 (installed from its wheel, numpy 1.15.4) on every Pillow
minor release 4.0-9.3; ``tools/era_groups.py`` grouped the minors whose recordings are identical into
eras (``tests/fixtures/eras/eras.json``) and kept, for each era's first minor, the cases whose outcome
differs from the 2018 recording (``eras/pillow-X.Y/delta.*``): the whole catalogue and sweep of an era
is the 2018 recording with that delta. The eras of ``2018`` (pillow-5.3) and ``2022`` (pillow-9.3) are
replayed by their own tests (``test_legacy_2018``, ``test_legacy_fixtures``, the sweeps).

Checked here: each era replays exactly under its ``pillow-X.Y`` name (the cases not reproduced are
listed with the reason), and the table of changes (``references._changes``) groups the minors into
exactly the recorded eras.
"""

import json
import os

import numpy as np
import pytest

import scipy_misc_compat
import sweep_cases
from legacy_fixture_codec import FIXTURES_DIR, load_fixture_set, replay_case
from scipy_misc_compat.references import reference_named

ERAS_DIR = os.path.join(FIXTURES_DIR, "eras")
with open(os.path.join(ERAS_DIR, "eras.json")) as _handle:
    ERAS = json.load(_handle)["eras"]
BASE_DIR, BASE, BASE_ARRAYS = load_fixture_set("legacy_2018", "cases.json", "arrays.npz")
INPUT_FILES = os.path.join(FIXTURES_DIR, "legacy", "files")
_, BASE_SWEEP, BASE_OUTPUTS = load_fixture_set("sweep_2018", "sweep.json", "outputs.npz")
#: The eras replayed here: those with a delta (2018's and 2022's have their own tests).
DELTA_ERAS = [era["first"] for era in ERAS if os.path.isdir(os.path.join(ERAS_DIR, era["first"]))]

_UNDEFINED_CAST = ("float -> uint32 cast of NaN / out-of-range values, undefined in C: numpy 1.15 and numpy 2 "
                   "differ, and neither is a result worth reproducing")
_YCBCR_TIFF = ("this Pillow failed to load its own uncompressed YCbCr TIFF ('image file is truncated'); as under "
               "reference 2022, the package decodes it where the installed Pillow can (test_legacy_fixtures)")

#: (era or "*", case id prefix) -> why that era's recording is not reproduced there
NOT_REPRODUCED = {
    ("*", "toimage/mode_i/const"): _UNDEFINED_CAST, ("*", "toimage/mode_i/huge"): _UNDEFINED_CAST,
}
#: Eras whose Pillow failed on the YCbCr TIFF (a deliberate difference, as for 2022).
YCBCR_TIFF_FAILED = {"pillow-6.0", "pillow-6.2", "pillow-7.0", "pillow-8.2", "pillow-8.3", "pillow-8.4", "pillow-9.0",
                     "pillow-9.1", "pillow-9.2"}


def _load_delta(name):
    directory = os.path.join(ERAS_DIR, name)
    with open(os.path.join(directory, "delta.json")) as handle:
        delta = json.load(handle)
    with np.load(os.path.join(directory, "delta.npz")) as arrays:
        delta_arrays = dict(arrays)
    with np.load(os.path.join(directory, "delta_sweep.npz")) as outputs:
        sweep_outputs = dict(outputs)
    return delta, delta_arrays, sweep_outputs


DELTAS = {name: _load_delta(name) for name in DELTA_ERAS}


def not_reproduced(era, case_id):
    for (which, prefix), why in NOT_REPRODUCED.items():
        if which in ("*", era) and case_id.startswith(prefix):
            return why
    if era in YCBCR_TIFF_FAILED and case_id.startswith("imread/ycbcr.tif/"):
        return _YCBCR_TIFF
    return None


def _catalogue_of(era):
    """(case, arrays, written dir) for every catalogue case of the era: 2018's, with the era's delta."""
    delta, delta_arrays, _ = DELTAS[era]
    changed = {case["id"]: case["outcome"] for case in delta["cases"]}
    arrays = dict(BASE_ARRAYS, **delta_arrays)
    for case in BASE["cases"]:
        if case["id"] in changed:
            yield dict(case, outcome=changed[case["id"]]), arrays, os.path.join(ERAS_DIR, era, "written")
        else:
            yield case, arrays, os.path.join(BASE_DIR, "written")


FUNCTIONS = sorted({case["function"] for case in BASE["cases"]})


@pytest.mark.parametrize("function", FUNCTIONS)
@pytest.mark.parametrize("era", DELTA_ERAS)
def test_era_catalogue_replays_under_its_name(era, function):
    failures, unexpected_matches = [], []
    with scipy_misc_compat.use_reference(era, failed_saves="as-recorded"):
        for case, arrays, written in _catalogue_of(era):
            if case["function"] != function:
                continue
            problems = replay_case(scipy_misc_compat, case, arrays, INPUT_FILES, written)[1]
            why = not_reproduced(era, case["id"])
            if why and not problems and why != _YCBCR_TIFF:
                unexpected_matches.append(case["id"])
            elif problems and not why:
                failures.append("%s: %s" % (case["id"], "; ".join(problems)))
    assert not failures, "%d cases differ:\n%s" % (len(failures), "\n".join(failures))
    assert not unexpected_matches, "now reproduced, remove from NOT_REPRODUCED: %s" % unexpected_matches


SWEEP_KINDS = sorted({case["function"] for case in BASE_SWEEP["cases"]})


@pytest.mark.parametrize("kind", SWEEP_KINDS)
@pytest.mark.parametrize("era", DELTA_ERAS)
def test_era_sweep_replays_under_its_name(era, kind):
    delta, _, outputs = DELTAS[era]
    changed = {case["id"]: case["outcome"] for case in delta["sweep"]}
    failures = []
    with scipy_misc_compat.use_reference(era):
        for case in BASE_SWEEP["cases"]:
            if case["function"] != kind:
                continue
            if case["id"] in changed:
                problems = sweep_cases.replay_problems(scipy_misc_compat, dict(case, outcome=changed[case["id"]]),
                                                       outputs)
            else:
                problems = sweep_cases.replay_problems(scipy_misc_compat, case, BASE_OUTPUTS)
            if problems and not not_reproduced(era, case["id"]):
                failures.append("%s: %s" % (case["id"], "; ".join(problems)))
    assert not failures, "%d cases differ:\n%s" % (len(failures), "\n".join(failures))


@pytest.mark.parametrize("era", DELTA_ERAS)
def test_each_era_was_recorded_on_its_own_pillow_whole(era):
    delta = DELTAS[era][0]
    assert delta["recorded_with"]["pillow"].rsplit(".", 1)[0] == era[len("pillow-"):]
    assert delta["sweep_recorded_with"]["pillow"] == delta["recorded_with"]["pillow"]
    assert delta["recorded_cases"] == len(BASE["cases"]) and delta["recorded_sweep_cases"] == len(BASE_SWEEP["cases"])


def test_the_table_groups_the_minors_into_the_recorded_eras():
    recorded = [[reference_named(name) for name in era["minors"]] for era in ERAS]
    for era in recorded:  # one era: the same rows of the table apply to every minor
        assert len({reference.older_changes for reference in era}) == 1, [r.name for r in era]
    for earlier, later in zip(recorded, recorded[1:]):  # next eras: some row tells them apart
        assert earlier[0].older_changes != later[0].older_changes, (earlier[0].name, later[0].name)
    assert [name for era in ERAS for name in era["minors"]] == [
        reference.pillow_name for reference in map(reference_named, scipy_misc_compat.references.all_names()[2:])]


def test_every_row_of_the_table_names_its_proof():
    for change in scipy_misc_compat.references.CHANGES:
        assert change.proof and change.what, change


with open(os.path.join(ERAS_DIR, "conversions.json")) as _handle:
    CONVERSIONS = json.load(_handle)


@pytest.mark.parametrize("minor", sorted(CONVERSIONS))
def test_each_minor_refuses_exactly_the_conversions_its_pillow_refused(minor):
    from PIL import Image

    from scipy_misc_compat.pipeline._convert import convert_as_scipy_era
    recorded = CONVERSIONS[minor]
    assert recorded["recorded_with"]["pillow"].rsplit(".", 1)[0] == minor[len("pillow-"):]
    wrong = []
    with scipy_misc_compat.use_reference(minor):
        for pair, outcome in sorted(recorded["outcomes"].items()):
            source, target = pair.split(">")
            if outcome not in ("ok", "ValueError"):
                continue  # a mode that Pillow could not make (I;16N): nothing to convert
            try:
                convert_as_scipy_era(Image.new(source, (3, 2)), target)
                ours = "ok"
            except ValueError:
                ours = "ValueError"
            if ours != outcome:
                wrong.append("%s: %s (Pillow: %s)" % (pair, ours, outcome))
    assert not wrong, wrong


IMAGE_FILTER_NAMES = ("BLUR", "CONTOUR", "DETAIL", "EDGE_ENHANCE", "EDGE_ENHANCE_MORE", "EMBOSS", "FIND_EDGES",
                      "SMOOTH", "SMOOTH_MORE", "SHARPEN")


@pytest.mark.parametrize("name", IMAGE_FILTER_NAMES)
def test_the_filter_twin_rounds_as_the_installed_pillow(name):
    """The truncating filter of Pillow < 4.3 is the rounding one with one step changed: the rounding one
    must equal the installed Pillow's filter bit for bit (every geometry, border and tie)."""
    from PIL import Image, ImageFilter

    from scipy_misc_compat.references._older_filters import _kernel_of, filtered_band
    weights, scale, offset = _kernel_of(getattr(ImageFilter, name))
    rng = np.random.RandomState(43)
    for _ in range(200):
        height, width = (int(n) for n in rng.randint(1, 24, 2))
        band = rng.randint(0, 256, (height, width)).astype(np.uint8)
        expected = np.asarray(Image.fromarray(band).filter(getattr(ImageFilter, name)))
        assert np.array_equal(filtered_band(band, weights, scale, offset, rounded=True), expected), (height, width)
