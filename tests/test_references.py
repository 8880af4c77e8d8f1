"""Names of references: every Pillow minor 4.0-9.3, patch releases, the aliases, and clear errors."""

import pytest

import scipy_misc_compat
from scipy_misc_compat.references import PILLOW_MINORS, all_names, reference_named

MINORS = ["4.0", "4.1", "4.2", "4.3", "5.0", "5.1", "5.2", "5.3", "5.4", "6.0", "6.1", "6.2", "7.0", "7.1", "7.2",
          "8.0", "8.1", "8.2", "8.3", "8.4", "9.0", "9.1", "9.2", "9.3"]


def test_every_minor_release_from_4_0_to_9_3_is_a_name():
    assert ["%d.%d" % version for version in PILLOW_MINORS] == MINORS
    assert all_names() == ("2018", "2022") + tuple("pillow-" + minor for minor in MINORS)


@pytest.mark.parametrize("given, name, pillow", [
    ("pillow-8.2", "pillow-8.2", (8, 2)), ("pillow-8.2.0", "pillow-8.2", (8, 2)),
    ("Pillow-4.0.1", "pillow-4.0", (4, 0)), ("2018", "2018", (5, 3)), ("2022", "2022", (9, 3)),
    (" pillow-9.3 ", "pillow-9.3", (9, 3)),
])
def test_a_name_means_its_minor(given, name, pillow, monkeypatch):
    with scipy_misc_compat.use_reference(given):
        assert scipy_misc_compat.reference() == name
        assert scipy_misc_compat.current_reference().pillow == pillow
    monkeypatch.setenv("SCIPY_MISC_COMPAT_REFERENCE", given)
    assert scipy_misc_compat.reference() == name


def test_aliases_are_the_same_references_as_their_pillow_names():
    assert reference_named("2018") == reference_named("pillow-5.3") != reference_named("2022")
    assert reference_named("2022") == reference_named("pillow-9.3")
    assert reference_named("2018").era() == ("pillow-5.3", "pillow-5.4")


@pytest.mark.parametrize("wrong", ["pillow-3.9", "pillow-9.4", "pillow-10.0", "pillow-5", "1999", "", "9.3"])
def test_anything_else_is_a_value_error_naming_the_range(wrong, monkeypatch):
    with pytest.raises(ValueError, match=r"'pillow-4\.0' \.\.\. 'pillow-9\.3'"):
        scipy_misc_compat.use_reference(wrong or "  ")
    if wrong:
        monkeypatch.setenv("SCIPY_MISC_COMPAT_REFERENCE", wrong)
        with pytest.raises(ValueError, match="SCIPY_MISC_COMPAT_REFERENCE"):
            scipy_misc_compat.reference()


def test_info_names_the_reference_and_its_era():
    import io
    out = io.StringIO()
    with scipy_misc_compat.use_reference("pillow-7.1"):
        scipy_misc_compat.show_config(out)
    assert "legacy reference: pillow-7.1 (scipy 1.1.0 on Pillow 7.1's wheels; the same results from pillow-7.0 " \
           "to pillow-8.1)" in out.getvalue()
