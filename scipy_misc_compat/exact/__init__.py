"""The exact path (``exact=True``): lossless codecs and the dtype x format table."""
