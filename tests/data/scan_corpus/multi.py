import scipy
from scipy import misc, ndimage  # two modules on one line

print(scipy.misc.imresize, scipy.linalg.norm, misc.face, ndimage.zoom)
