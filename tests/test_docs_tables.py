"""Tables in the docs are measured, and stay equal to what the code does."""

import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tools"))

import alias_table  # noqa: E402
import exact_table  # noqa: E402


def test_readme_exact_table_is_the_measured_one():
    with open(os.path.join(ROOT, "README.md")) as handle:
        readme = handle.read()
    assert exact_table.table() in readme


def test_readme_alias_table_is_the_restored_names_table():
    with open(os.path.join(ROOT, "README.md")) as handle:
        readme = handle.read()
    assert alias_table.table() in readme


def test_readme_reference_tables_are_the_recorded_eras_and_the_table_of_changes():
    import reference_table
    with open(os.path.join(ROOT, "README.md")) as handle:
        readme = handle.read()
    assert reference_table.eras_table() in readme
    assert reference_table.changes_table() in readme
