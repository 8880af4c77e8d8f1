"""The drop-in: ``install()`` of ``scipy.misc``, its non-image names and datasets, and the removed
numpy/Pillow names legacy code used."""
