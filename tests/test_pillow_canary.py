"""The Pillow canary: every Pillow operation the package still delegates, against Pillow 9.3.0.

``scipy_misc_compat.pipeline._pillow_delegated`` lists the operations; ``tests/pillow_canary_ops.py``
runs each on seeded random inputs; ``tests/fixtures/pillow_canary`` holds what Pillow 9.3.0
returned (``tools/record_canary.py``). A Pillow release that changes one of them fails
here with the operation's name, before users see different numbers from a legacy function.
"""

import os

import numpy as np
import PIL
import pytest

import pillow_canary_ops as ops
from scipy_misc_compat.pipeline import _pillow_delegated
from scipy_misc_compat.references import _older_conversions

FIXTURES = os.path.join(os.path.dirname(__file__), "fixtures", "pillow_canary")
with np.load(os.path.join(FIXTURES, "results.npz")) as _results:
    RECORDED = dict(_results)
with np.load(os.path.join(FIXTURES, "jpeg_files.npz")) as _files:
    JPEG_FILES = {name: data.tobytes() for name, data in _files.items()}
REFUSED = _older_conversions.CONVERSIONS_REFUSED_BY_PILLOW_9_3


def recorded(operation):
    prefix = operation + "|"
    return {key[len(prefix):]: value for key, value in RECORDED.items() if key.startswith(prefix)}


@pytest.mark.parametrize("operation", _pillow_delegated.delegated_names())
def test_delegated_operation_gives_pillow_9_3_results(operation):
    expected = recorded(operation)
    assert expected, "no recorded Pillow 9.3 results for %r: run tools/record_canary.py" % operation
    # Conversions the package makes through RGB (as Pillow 9.3 did) are run that way.
    ours = ops.run(operation, REFUSED, JPEG_FILES, _older_conversions.CONVERSIONS_THROUGH_RGB_IN_PILLOW_9_3)
    changed = []
    for key, value in expected.items():
        if key not in ours:  # a conversion the package refuses itself, as Pillow 9.3 did
            assert value.dtype.kind == "U", "%s %s: Pillow 9.3 converted it, the package refuses it" % (operation, key)
            continue
        mine = ours[key]
        if (mine.dtype, mine.shape) != (value.dtype, value.shape) or mine.tobytes() != value.tobytes():
            changed.append(key)
    assert not changed, ("Pillow %s changed the delegated operation %r (%s) on %d of %d inputs, e.g. %s: the "
                         "legacy functions would no longer give scipy 1.1.0's results. Own this step (as "
                         "_resample owns resize) or refuse this Pillow." % (
                             PIL.__version__, operation, _describe(operation), len(changed), len(expected),
                             changed[:5]))


def _describe(operation):
    return next(d.pillow_call for d in _pillow_delegated.DELEGATED if d.name == operation)


def test_refused_conversions_are_exactly_what_pillow_9_3_refused_and_this_pillow_performs():
    refused_by_9_3 = {tuple(key.split("->")) for key, value in recorded("convert").items() if value.dtype.kind == "U"}
    table = {(source, target) for source, targets in REFUSED.items() for target in targets}
    covered = {(s, t) for s in ops.SOURCE_MODES for t in ops.TARGET_MODES}
    assert table & covered <= refused_by_9_3, "the table refuses conversions that Pillow 9.3 performed"
    installed = ops.run("convert", {}, None)
    performed_now = {tuple(key.split("->")) for key, value in installed.items() if value.dtype.kind != "U"}
    assert refused_by_9_3 & performed_now <= table, (
        "Pillow %s performs conversions that Pillow 9.3 refused and the table misses: %s"
        % (PIL.__version__, sorted(refused_by_9_3 & performed_now - table)))


def test_every_delegated_operation_has_a_canary():
    prefixes = {key.split("|")[0] for key in RECORDED}
    assert prefixes == set(_pillow_delegated.delegated_names())
