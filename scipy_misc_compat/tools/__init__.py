"""Migration and regression tools: ``compare``, ``which-reference``, ``scan``/``migrate``."""
