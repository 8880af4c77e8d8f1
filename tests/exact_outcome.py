"""One spelling of a numeric result, exact: type, dtype, shape, and floats as hex.

Shared by ``tools/record_namespace_extras.py`` (which runs it on Python 3.7 + numpy 1.15 with
scipy 1.1.0: keep it importable there) and ``tests/test_namespace_fixtures.py``.
"""

import numpy as np


def exact(value):
    if isinstance(value, np.ndarray):
        return {"type": "ndarray", "dtype": value.dtype.str, "shape": list(value.shape),
                "values": [float(v).hex() if value.dtype.kind == "f" else int(v) for v in value.ravel()]}
    if isinstance(value, float):
        return {"type": type(value).__name__, "value": value.hex()}
    return {"type": type(value).__name__, "value": int(value)}
