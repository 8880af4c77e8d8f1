"""The README's tables of references: the eras (``tests/fixtures/eras/eras.json``) and the behaviour
changes (``scipy_misc_compat.references.CHANGES``). ``tests/test_docs_tables.py`` checks that
README.md holds exactly these.

Usage::

    python tools/reference_table.py
"""

import json
import os

from scipy_misc_compat.references import CHANGES

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
#: When each era's wheels were what pip installed (first release of the era to the next era's).
_YEARS = {"pillow-4.0": "Jan-Apr 2017", "pillow-4.1": "Apr-Jul 2017", "pillow-4.2": "Jul-Oct 2017",
          "pillow-4.3": "Oct 2017-Oct 2018", "pillow-5.3": "Oct 2018-Apr 2019", "pillow-6.0": "Apr-Oct 2019",
          "pillow-6.2": "Oct 2019-Jan 2020", "pillow-7.0": "Jan 2020-Apr 2021", "pillow-8.2": "Apr-Jul 2021",
          "pillow-8.3": "Jul-Oct 2021", "pillow-8.4": "Oct 2021-Jan 2022", "pillow-9.0": "Jan-Apr 2022",
          "pillow-9.1": "Apr-Jul 2022", "pillow-9.2": "Jul-Oct 2022", "pillow-9.3": "Oct 2022 on (the last)"}


def _minor(name):
    return name[len("pillow-"):]


def eras_table():
    with open(os.path.join(ROOT, "tests", "fixtures", "eras", "eras.json")) as handle:
        eras = json.load(handle)["eras"]
    lines = ["| era (any of these names) | pip installed it | alias |", "|---|---|---|"]
    for era in eras:
        names = era["minors"]
        span = names[0] if len(names) == 1 else "%s ... %s" % (names[0], _minor(names[-1]))
        alias = {"pillow-5.3": "`2018`", "pillow-9.3": "`2022` (default)"}.get(names[0], "")
        if "pillow-5.3" in names[1:]:
            alias = "`2018`"
        lines.append("| `%s` | %s | %s |" % (span, _YEARS[names[0]], alias))
    return "\n".join(lines)


def changes_table():
    lines = ["| from Pillow | what changed (before: what older references compute) |", "|---|---|"]
    for change in CHANGES:
        when = "%d.%d" % change.since
        if change.first is not None:  # a behaviour of a few releases only
            when += " (the older one from %d.%d)" % change.first
        lines.append("| %s | %s |" % (when, change.what.replace("|", "\\|")))
    return "\n".join(lines)


if __name__ == "__main__":
    print(eras_table())
    print()
    print(changes_table())
