try:
    from scipy.misc import imread
except ImportError:  # scipy >= 1.3
    from imageio import imread


def load(path):
    return imread(path)
