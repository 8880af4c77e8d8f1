import os
import sys

# The fixture codec is shared with tools/record_worker.py, which imports it by path.
sys.path.insert(0, os.path.dirname(__file__))
