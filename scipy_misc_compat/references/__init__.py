"""References: which Pillow release's results the legacy functions reproduce.

``_names`` (the names), ``_changes`` (the one table of behaviours that changed, with the
computations of the older ones in ``_older_*``), ``_reference`` (a reference as a value the
pipeline asks), ``_choice`` (which one is in use: ``use_reference``, the environment).
A new era is a row in ``_changes`` and a recording in ``tests/fixtures/eras``.
"""

from ._changes import CHANGES, Change
from ._choice import (ENVIRONMENT_VARIABLE, FAILED_SAVES, FAILED_SAVES_VARIABLE, current_reference, failed_saves,
                      reference, use_reference)
from ._names import ALIASES, DEFAULT, PILLOW_MINORS, all_names, parse, range_text
from ._reference import Reference, distinct_references, reference_named

__all__ = ["CHANGES", "Change", "ENVIRONMENT_VARIABLE", "FAILED_SAVES", "FAILED_SAVES_VARIABLE", "current_reference",
           "failed_saves", "reference", "use_reference", "ALIASES", "DEFAULT", "PILLOW_MINORS", "all_names", "parse",
           "range_text", "Reference", "distinct_references", "reference_named"]
