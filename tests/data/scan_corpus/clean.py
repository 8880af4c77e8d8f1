# Uses scipy, but not scipy.misc; a parameter named scipy is not the package.
import scipy.ndimage


def f(scipy, imread=None):
    return scipy.misc.imread
