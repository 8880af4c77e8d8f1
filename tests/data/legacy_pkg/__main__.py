import sys

from scipy.misc import imresize

print("module argv=%r name=%s" % (sys.argv[1:], __name__))
print(imresize(__import__("numpy").eye(2), 200, interp="nearest").shape)
