import importlib

misc = importlib.import_module("scipy.misc")
