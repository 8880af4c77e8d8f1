"""The legacy pipeline: scipy 1.1.0's arithmetic, array <-> image conversion, file I/O and transforms,
asking ``references.current_reference()`` where Pillow releases differed."""
