"""``python -m scipy_misc_compat``: the command-line interface."""

import sys

from .cli import main

sys.exit(main())
