# Uses the plugin's fixture instead of the command-line flag.
def test_fixture_provides_scipy_misc(scipy_misc_compat_installed):
    from scipy.misc import imread  # noqa: F401
    import scipy.misc
    assert scipy.misc.imread.__module__ == "scipy_misc_compat.legacy"
