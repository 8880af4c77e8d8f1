from scipy.misc import imread
print "python 2"
