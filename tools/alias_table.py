"""The README's table of restored numpy/Pillow names, generated from ``scipy_misc_compat.LEGACY_ALIASES``.

Usage: ``python tools/alias_table.py``. ``tests/test_docs_tables.py`` checks that README.md
holds exactly this table, and the recorded probes (``tests/test_legacy_aliases.py``) check
each row's behaviour against the library version that still had the name.
"""

import os
import sys
from itertools import groupby

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from scipy_misc_compat import LEGACY_ALIASES  # noqa: E402


def rewritten(alias):
    if alias.rewrite is None:
        return "reported, left as is"
    if alias.rewrite.startswith("."):
        return "`%s%s`" % (alias.shown.rsplit(".", 1)[0], alias.rewrite)
    return "`%s`" % alias.rewrite


def table():
    lines = ["| removed in | names | today's spelling | `migrate` writes |", "|---|---|---|---|"]
    key = lambda alias: (alias.removed_in, alias.modern, rewritten(alias))  # noqa: E731
    for (removed_in, modern, rewrite), group in groupby(LEGACY_ALIASES, key=key):
        names = ", ".join("`%s`" % alias.shown for alias in group)
        lines.append("| %s | %s | `%s` | %s |" % (removed_in, names, modern, rewrite))
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.stdout.write(table())
