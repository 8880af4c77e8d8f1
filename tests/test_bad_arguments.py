"""Bad arguments to every public function: scipy 1.1.0's exception type where it raised, a clear message.

Legacy types come from the recordings (``tests/fixtures/legacy``) or, for calls not
in the catalogue, from running scipy 1.1.0 on its reference stack; where scipy's type
was accidental (AttributeError, UnboundLocalError) ours is a subclass that is also
the type a reader expects.
"""

import io

import numpy as np
import pytest
from PIL import Image

from scipy_misc_compat import (bytescale, fromimage, imfilter, imread, imresize, imrotate, imsave, imshow,
                               toimage)

GRAY = np.zeros((4, 5))
CASES = [
    # (id, call, exception types it must be, regex the message must match)
    ("bytescale/list", lambda: bytescale([1, 2]), (AttributeError, TypeError), "numpy"),
    ("bytescale/none", lambda: bytescale(None), (AttributeError, TypeError), "numpy array"),
    ("bytescale/strings", lambda: bytescale(np.array([["a", "b"]])), (TypeError,), ""),
    ("bytescale/objects", lambda: bytescale(np.array([["a", None]], dtype=object)), (TypeError,), ""),
    ("bytescale/empty", lambda: bytescale(np.zeros((0, 3))), (ValueError,), "zero-size"),
    ("bytescale/high", lambda: bytescale(GRAY, high=256), (ValueError,), "high"),
    ("bytescale/low", lambda: bytescale(GRAY, low=-1), (ValueError,), "low"),
    ("bytescale/order", lambda: bytescale(GRAY, high=5, low=10), (ValueError,), "high"),
    ("bytescale/cmax", lambda: bytescale(GRAY, cmin=5, cmax=1), (ValueError,), "cmax"),
    ("bytescale/int16 wrap", lambda: bytescale(np.array([[-30000, 30000]], np.int16)), (ValueError,), "cmax"),
    ("toimage/complex", lambda: toimage(GRAY + 1j), (ValueError,), "complex"),
    ("toimage/none", lambda: toimage(None), (ValueError,), "shape"),
    ("toimage/0-d", lambda: toimage(np.array(3.0)), (ValueError,), r"shape \(\)"),
    ("toimage/1-d", lambda: toimage(np.arange(4.0)), (ValueError,), "shape"),
    ("toimage/5-d", lambda: toimage(np.zeros((2, 3, 4, 5, 6))), (ValueError,), "shape"),
    ("toimage/empty", lambda: toimage(np.zeros((0, 5))), (ValueError,), ""),
    ("toimage/strings", lambda: toimage(np.array([["a", "b"], ["c", "d"]])), (TypeError,), ""),
    ("toimage/mode", lambda: toimage(GRAY, mode="XYZ"), (ValueError,), "mode='XYZ'"),
    ("toimage/3d mode", lambda: toimage(np.zeros((4, 5, 3)), mode="L"), (ValueError,), "mode='L'"),
    ("toimage/channel_axis 5", lambda: toimage(np.zeros((4, 5, 3)), channel_axis=5), (IndexError,), ""),
    ("toimage/channel_axis -1", lambda: toimage(np.zeros((4, 5, 3)), channel_axis=-1),
     (UnboundLocalError, ValueError), "channel_axis"),
    ("toimage/no channel axis", lambda: toimage(np.zeros((5, 6, 7))), (ValueError,), "shape"),
    ("toimage/bad channels", lambda: toimage(np.zeros((3, 6, 7)), channel_axis=1), (ValueError,), "length 6"),
    ("fromimage/array", lambda: fromimage(GRAY), (TypeError,), "PIL image"),
    ("fromimage/none", lambda: fromimage(None), (TypeError,), "NoneType"),
    ("fromimage/mode", lambda: fromimage(Image.new("L", (2, 2)), mode="XYZ"), (ValueError,), "XYZ"),
    ("imread/none", lambda: imread(None), (AttributeError, TypeError), "path or a binary file"),
    ("imread/int", lambda: imread(42), (AttributeError, TypeError), "int"),
    ("imread/text mode", lambda: imread(io.StringIO("x")), (OSError, TypeError), "text mode"),
    ("imsave/none array", lambda: imsave(io.BytesIO(), None, format="PNG"), (ValueError,), "shape"),
    ("imsave/unknown format", lambda: imsave(io.BytesIO(), GRAY, format="NOPE"), (KeyError,), "NOPE"),
    ("imsave/bool", lambda: imsave(io.BytesIO(), GRAY > 0, format="PNG"), (TypeError,), ""),
    ("imresize/interp", lambda: imresize(GRAY, 50, interp="bogus"), (KeyError, ValueError), "bogus"),
    ("imresize/negative", lambda: imresize(GRAY, -50), (ValueError,), "> 0"),
    ("imresize/zero", lambda: imresize(GRAY, (0, 3)), (ValueError,), "> 0"),
    ("imresize/none", lambda: imresize(GRAY, None), (TypeError,), ""),
    ("imresize/uint size", lambda: imresize(GRAY, np.uint8(50)), (IndexError,), ""),
    ("imresize/huge", lambda: imresize(GRAY, (2 ** 20, 2 ** 20)), (ValueError,), "limit"),
    ("imrotate/interp", lambda: imrotate(GRAY, 30, interp="bogus"), (KeyError, ValueError), "bogus"),
    ("imrotate/angle", lambda: imrotate(GRAY, None), (TypeError,), ""),
    ("imrotate/lanczos", lambda: imrotate(GRAY, 30, interp="lanczos"), (ValueError,), ""),
    ("imfilter/ftype", lambda: imfilter(GRAY, "gaussian"), (ValueError,), "gaussian"),
    ("imfilter/none", lambda: imfilter(GRAY, None), (ValueError,), "None"),
    ("imshow/shape", lambda: imshow(np.arange(3.0)), (ValueError,), "shape"),
]


@pytest.mark.parametrize("call,types,message", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_argument(call, types, message):
    with pytest.raises(types[0]) as raised:
        call()
    for expected in types[1:]:
        assert isinstance(raised.value, expected), type(raised.value).__mro__
    assert raised.match(message)


@pytest.mark.parametrize("array", [np.zeros((3, 4), ">f8"), np.zeros((6, 8))[::2, ::2], np.full((3, 3), np.nan),
                                   np.array([[np.inf, -np.inf, 0.0]])])
def test_unusual_but_valid_arrays_work(array):
    assert bytescale(array).dtype == np.uint8
    assert toimage(array).mode == "L"
