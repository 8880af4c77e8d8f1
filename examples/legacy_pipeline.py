"""A small legacy pipeline, written as it was against scipy 1.1.0 (only the import changed).

Run it with ``python examples/legacy_pipeline.py [OUTPUT_DIR]``. It writes a 16-bit
PNG with the classic ``toimage(..., mode='I')`` recipe, reads it back, and shows the
``imsave`` rescaling pitfall, printing what scipy 1.1.0 printed.
"""

import os
import sys
import tempfile

import numpy as np

from scipy_misc_compat import bytescale, imread, imsave, toimage


def main(output_dir):
    depth = np.array([[0, 1000, 20000], [40000, 65535, 123]], dtype=np.int32)
    img = toimage(depth, high=depth.max(), low=depth.min(), mode="I")
    path16 = os.path.join(output_dir, "depth16.png")
    img.save(path16)
    back = imread(path16)
    print("16-bit round trip:", back.dtype, "equal:", np.array_equal(depth, back))

    counts = np.array([[0, 7, 100]], dtype=np.int64)
    path8 = os.path.join(output_dir, "counts.png")
    imsave(path8, counts)
    print("imsave rescales:", counts.tolist(), "->", imread(path8).tolist())

    print("bytescale:", bytescale(np.array([[-1.5, 0.25, 2.0]], dtype=np.float32)).tolist())


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else tempfile.mkdtemp())
