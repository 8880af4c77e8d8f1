# A legacy script: echoes its argv and __name__, then does what argv asks.
import sys

from scipy.misc import bytescale

print("argv=%r name=%s" % (sys.argv, __name__))
print("scaled=%s" % bytescale(__import__("numpy").array([1.0, 3.0])).tolist())
if len(sys.argv) > 1 and sys.argv[1] == "exit":
    sys.exit(int(sys.argv[2]))
if len(sys.argv) > 1 and sys.argv[1] == "message":
    sys.exit("stopping: " + sys.argv[2])
if len(sys.argv) > 1 and sys.argv[1] == "raise":
    def inner():
        raise ValueError("legacy failure")
    inner()
