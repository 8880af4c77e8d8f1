"""Blocked, multi-threaded evaluation of the legacy arithmetic, bit-identical to ``_scaling``.

The straightforward formulas in ``_scaling`` allocate several full-size temporaries
(float64 for integer input). Here the same element-wise steps, with the same
numpy-1.x dtypes (``_promotion``), run on cache-sized blocks written straight into
the output, on all cores (numpy and the kernels release the GIL).

Where the compiled kernel (``_kernels.c``) was built and the chain fits its fused
shape (both legacy chains do, for float32/float64 and integer inputs up to 32 bits),
a block's whole chain is one pass in C instead of one numpy call per operation; a
block the kernel cannot reproduce exactly (a NaN or out-of-range value reaching the
final cast) is computed with numpy instead. Otherwise the steps run as numpy calls
on each block, and integer inputs whose value range is small go through a lookup
table: the chain is evaluated once per possible value and the table is gathered,
which is exact because every step is element-wise. Without a C compiler the package
still works, on numpy alone.

Only plain numeric ndarrays of at least one dimension take these paths; masked
arrays, subclasses, object arrays and 0-d arrays use the straightforward code.
"""

from __future__ import annotations

import importlib
import os
import struct
import threading
from typing import TYPE_CHECKING, Any, Callable, List, Optional, Tuple

if TYPE_CHECKING:
    from concurrent.futures import ThreadPoolExecutor

import numpy as np

from .. import _compat
from . import _promotion

_kernels: Any  # the compiled extension module, or None
try:
    _kernels = importlib.import_module("scipy_misc_compat._kernels")
except ImportError:  # built without a C compiler (setup.py marks the extension optional)
    _kernels = None

#: Elements per block (512 KiB of float64): large enough that per-call overhead vanishes, small enough
#: to stay in cache; a multiple of every SIMD width (see "splitting into blocks").
BLOCK_ELEMENTS = 1 << 16
#: Below this many elements, threads cost more than they save.
PARALLEL_THRESHOLD = 1 << 19
#: Integer inputs spanning at most this many values use a lookup table.
TABLE_LIMIT = 1 << 16

_pool: Optional["ThreadPoolExecutor"] = None


def worker_count() -> int:
    """Threads used for large arrays: the CPUs available to this process (at most 8)."""
    try:
        available = len(os.sched_getaffinity(0))  # type: ignore[attr-defined]
    except AttributeError:
        available = os.cpu_count() or 1
    return max(1, min(8, available))


def _executor() -> "ThreadPoolExecutor":
    global _pool
    if _pool is None:
        from concurrent.futures import ThreadPoolExecutor  # on first parallel call: it imports logging
        _pool = ThreadPoolExecutor(max_workers=worker_count(), thread_name_prefix="scipy-misc-compat")
    return _pool


def accepts(data: Any) -> bool:
    """Whether ``data`` can take the fast paths (everything else uses the straightforward code)."""
    return type(data) is np.ndarray and data.ndim >= 1 and data.size > 0 and data.dtype.kind in "iuf"


# --- splitting into blocks -------------------------------------------------------------------
#
# Blocks are ranges of the C-order (flat) element index, BLOCK_ELEMENTS long and starting at
# multiples of it. That matters for one thing: numpy's casts of NaN or out-of-range floats to
# integers differ between its vectorised loop and the scalar loop that finishes an array. The
# straightforward code casts one whole contiguous array; casting aligned blocks of a multiple
# of every vector width sends each element through the same loop as it would have taken there.

def flat_ranges(size: int) -> List[Tuple[int, int]]:
    return [(start, min(start + BLOCK_ELEMENTS, size)) for start in range(0, size, BLOCK_ELEMENTS)]


def flat_block(data: np.ndarray, start: int, stop: int) -> np.ndarray:
    """Elements ``start:stop`` of ``data`` in C order: a view when contiguous, else a block-sized copy."""
    if data.flags.c_contiguous:
        return data.reshape(-1)[start:stop]
    return data.flat[start:stop]


def map_ranges(function: Callable[[int, int], None], size: int) -> None:
    """Call ``function(start, stop)`` for every block, on several threads for large arrays."""
    ranges = flat_ranges(size)
    workers = worker_count() if size >= PARALLEL_THRESHOLD else 1
    if workers == 1 or len(ranges) < 2:
        for start, stop in ranges:
            function(start, stop)
        return
    groups = [ranges[i::workers] for i in range(workers)]

    def run_group(group: List[Tuple[int, int]]) -> None:
        for start, stop in group:
            function(start, stop)
    list(_executor().map(run_group, groups))


def map_row_ranges(function: Callable[[int, int], None], rows: int, elements: int) -> None:
    """Call ``function(first, stop)`` over contiguous row ranges, one per thread for large outputs.

    For row-independent work (each output row computed from the input alone), so the
    split never changes a result.
    """
    workers = min(worker_count(), rows) if elements >= PARALLEL_THRESHOLD else 1
    if workers <= 1:
        function(0, rows)
        return
    bounds = [rows * i // workers for i in range(workers + 1)]
    list(_executor().map(lambda i: function(bounds[i], bounds[i + 1]), range(workers)))


# --- the compiled kernels ------------------------------------------------------------------
#
# Codes shared with _kernels.c. Only native-byte-order types up to 32 bits (and float64) are
# handled there; everything else stays with numpy.

_KERNEL_TYPES = {np.dtype(name): code for name, code in (
    ("int8", 0), ("uint8", 1), ("int16", 2), ("uint16", 3), ("int32", 4), ("uint32", 5), ("float32", 8),
    ("float64", 9))}
_FUSED = struct.Struct("=dddddddqiiiiii")  # _kernels.c's fused_t
#: The fused chain's slots, in order (see _kernels.c): which ufunc may fill each.
_FUSED_SLOTS = (("a", np.subtract), ("b", np.multiply), ("c", np.true_divide), ("d", np.add), ("clip", None),
                ("e", np.add))


def kernel_type(array: np.ndarray) -> Optional[int]:
    """The kernels' code for ``array``'s dtype, or None when a kernel cannot read it directly."""
    if _kernels is None or not (array.flags.c_contiguous and array.flags.aligned):
        return None
    return _KERNEL_TYPES.get(array.dtype)


# --- reductions ----------------------------------------------------------------------------

def minimum_and_maximum(data: np.ndarray) -> Tuple[Any, Any]:
    """``(data.min(), data.max())``, on all cores (NaN propagates, as in ``min``/``max``).

    Contiguous data is split into one chunk per thread (numpy's min and max are fastest
    on long runs); other layouts go block by block, each block copied once.
    """
    pairs: List[Any]
    if data.flags.c_contiguous and data.size >= PARALLEL_THRESHOLD:
        flat, step = data.reshape(-1), -(-data.size // worker_count())
        chunks = [flat[start:start + step] for start in range(0, data.size, step)]
        pairs = list(_executor().map(lambda chunk: (chunk.min(), chunk.max()), chunks))
    else:
        pairs = [None] * len(flat_ranges(data.size))

        def reduce(start: int, stop: int) -> None:
            block = flat_block(data, start, stop)
            pairs[start // BLOCK_ELEMENTS] = (block.min(), block.max())

        map_ranges(reduce, data.size)
    return (np.minimum.reduce(np.array([low for low, _ in pairs], dtype=data.dtype)),
            np.maximum.reduce(np.array([high for _, high in pairs], dtype=data.dtype)))


# --- chains of legacy steps ------------------------------------------------------------------

class ChainPlan:
    """A legacy chain (see ``_scaling.Step``) with its numpy-1.x dtypes resolved once per call.

    Result dtypes depend only on the input dtype and the scalars' values, so they are
    the same for every block as for the whole array. Two kinds of step are skipped
    because they cannot change any value that the rest of the chain sees: adding or
    subtracting a float zero, and multiplying by a float one, in an unchanged float
    dtype (only the sign of a zero could change, and clip/cast ignore it).
    """

    def __init__(self, dtype: np.dtype, steps: List[Tuple[Any, ...]], out_dtype: np.dtype) -> None:
        self.dtype = np.dtype(dtype)
        self.operations: List[Tuple[Any, ...]] = []
        current = self.dtype
        for step in steps:
            probe = np.empty(1, dtype=current)
            if step[0] == "clip":
                result = _promotion.result_type(probe, step[1], step[2])
                bounds = (_promotion.clip_bound(step[1], result), _promotion.clip_bound(step[2], result))
                self.operations.append(("clip", result, bounds))
            else:
                ufunc, scalar = step[1], step[2]
                result = _promotion.result_type(probe, scalar)
                converted = _promotion.as_dtype(scalar, result)
                if not _is_identity(ufunc, converted, current, result):
                    self.operations.append(("op", result, ufunc, converted))
            current = result
        self.out_dtype = out_dtype

    def fused(self) -> Optional[bytes]:
        """The chain as ``_kernels.chain``'s parameters, or None when it does not fit the fused shape.

        It fits when, after at most one add/subtract in an integer input's own dtype,
        every step is in one float dtype and the steps fill the slots
        ``(x - a) * b / c + d``, clip, ``+ e`` in that order (both legacy chains do; a
        leading ``* 1.0``, the cast of mode 'I', is exact and dropped); an empty slot is
        an identity that changes no value the cast can see.
        """
        dtype = self.dtype
        if _kernels is None or dtype not in _KERNEL_TYPES or self.out_dtype not in (np.uint8, np.uint32):
            return None
        operations, int_subtract = list(self.operations), 0
        if dtype.kind in "iu" and operations and operations[0][0] == "op" and operations[0][1] == dtype \
                and operations[0][2] in (np.subtract, np.add):
            shift = int(operations.pop(0)[3])
            int_subtract = shift if self.operations[0][2] is np.subtract else -shift
        float_types = {operation[1] for operation in operations}
        if len(float_types) != 1 or float_types.pop() not in (np.float32, np.float64):
            return None
        float_type = operations[0][1]
        if dtype.kind == "f" and dtype.itemsize > float_type.itemsize:
            return None
        if operations[0][0] == "op" and operations[0][2] is np.multiply and float(operations[0][3]) == 1.0:
            operations.pop(0)  # x * 1.0 == x for every float, NaN and infinities included
        values = {"a": 0.0, "b": 1.0, "c": 1.0, "d": 0.0, "e": 0.0}
        bounds: Tuple[Any, Any] = (None, None)
        slot = 0
        for operation in operations:
            ufunc = None if operation[0] == "clip" else operation[2]
            while slot < len(_FUSED_SLOTS) and _FUSED_SLOTS[slot][1] is not ufunc:
                slot += 1
            if slot == len(_FUSED_SLOTS):
                return None
            if ufunc is None:
                bounds = operation[2]
            else:
                values[_FUSED_SLOTS[slot][0]] = float(operation[3])
            slot += 1
        low, high = bounds
        return _FUSED.pack(values["a"], values["b"], values["c"], values["d"],
                           0.0 if low is None else float(low), 0.0 if high is None else float(high), values["e"],
                           int_subtract, _KERNEL_TYPES[float_type], values["a"] != 0.0 or values["d"] != 0.0,
                           values["c"] != 1.0, low is not None, high is not None, _KERNEL_TYPES[self.out_dtype])

    def apply(self, block: np.ndarray, out: np.ndarray, scratch: "Scratch", fused: Optional[bytes] = None) -> None:
        """``out[...] = cast(chain(block))``: by the kernel when it can, else numpy through scratch buffers."""
        code = kernel_type(block) if fused is not None else None
        if code is not None and out.flags.c_contiguous and _kernels.chain(block, code, out, fused):
            return
        values = self.values(block, scratch)
        with np.errstate(all="ignore"):
            np.copyto(out, values.real if values.dtype.kind == "c" else values, casting="unsafe")
        fixed = _compat.cast_as_numpy_1(values, out.dtype)
        if fixed is not None:
            out[...] = fixed

    def values(self, block: np.ndarray, scratch: "Scratch") -> np.ndarray:
        """The chain's last intermediate (before the cast), in a scratch buffer.

        The first step reads the input block; every later step works in place, or
        moves to the (only) buffer of its new dtype: element-wise ufuncs allow it.
        """
        values = block
        with np.errstate(all="ignore"):
            for operation in self.operations:
                target = values if values is not block and values.dtype == operation[1] else \
                    scratch.get(operation[1], block.shape)
                if operation[0] == "clip":
                    low, high = operation[2]
                    if low is None and high is None:
                        if target is not values:
                            np.copyto(target, values, casting="unsafe")
                    elif values.dtype == operation[1]:
                        np.clip(values, low, high, out=target)
                    else:
                        np.clip(values, low, high, out=target, dtype=operation[1], casting="unsafe")  # type: ignore[call-overload]  # numpy 1.23 stubs
                else:
                    operation[2](values, operation[3], out=target, dtype=operation[1])
                values = target
        return values


def _is_identity(ufunc: Any, scalar: np.ndarray, before: np.dtype, after: np.dtype) -> bool:
    if before != after or after.kind != "f":
        return False
    if ufunc in (np.add, np.subtract):
        return bool(scalar == 0)
    if ufunc in (np.multiply, np.true_divide):
        return bool(scalar == 1)
    return False


class Scratch:
    """Per-thread reusable buffers, one per dtype."""

    def __init__(self) -> None:
        self._buffers: dict = {}

    def get(self, dtype: np.dtype, shape: Tuple[int, ...]) -> np.ndarray:
        size = int(np.prod(shape, dtype=np.int64))
        buffer = self._buffers.get(dtype)
        if buffer is None or buffer.size < size:
            buffer = self._buffers[dtype] = np.empty(max(size, BLOCK_ELEMENTS), dtype=dtype)
        return buffer[:size].reshape(shape)


def _scratch_for_this_thread(cache: dict) -> Scratch:
    key = threading.get_ident()
    scratch = cache.get(key)
    if scratch is None:
        scratch = cache[key] = Scratch()
    return scratch


def evaluate_blocked(data: np.ndarray, steps: List[Tuple[Any, ...]], out_dtype: np.dtype,
                     value_range: Optional[Tuple[Any, Any]] = None) -> np.ndarray:
    """The chain on ``data`` (``accepts(data)``), without full-size temporaries."""
    plan = ChainPlan(data.dtype, steps, out_dtype)
    fused = plan.fused()
    if data.dtype.kind in "iu" and fused is None:  # the fused kernel beats a table lookup
        if value_range is None:
            value_range = minimum_and_maximum(data)
        if data.dtype.itemsize <= 2 and data.size >= 4 << (8 * data.dtype.itemsize):
            value_range = _all_values_range(data.dtype)  # index by the raw bits: no subtraction pass
        table = _table(data, plan, *value_range)
        if table is not None:
            return _gather(data, table, int(value_range[0]))
    out, source, flat_out = _memory_ordered(data, out_dtype)
    scratches: dict = {}

    def work(start: int, stop: int) -> None:
        plan.apply(flat_block(source, start, stop), flat_out[start:stop], _scratch_for_this_thread(scratches),
                   fused)

    map_ranges(work, data.size)
    return out


def _memory_ordered(data: np.ndarray, out_dtype: Any) -> Tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The output in the layout numpy gives ufunc results (order 'K'), and both arrays in that memory order.

    Returns ``(out, source, flat_out)``: ``source`` is ``data`` with its axes in the
    output's memory order and ``flat_out`` the output's memory as one flat view, so
    that flat block k of ``source`` lands in flat block k of the output's memory,
    where the straightforward code's cast put it.
    """
    out = np.empty_like(data, dtype=out_dtype)
    order = sorted(range(out.ndim), key=lambda axis: -out.strides[axis])
    flat_out = out.transpose(order).reshape(-1)
    if not np.may_share_memory(flat_out, out):  # a copy would silently drop what is written into it
        raise RuntimeError("internal error: output layout is not contiguous in memory order")
    return out, data.transpose(order), flat_out


def _table(data: np.ndarray, plan: ChainPlan, low_value: Any, high_value: Any) -> Optional[np.ndarray]:
    """The chain's result for every integer value in ``low_value..high_value``, when a table is exact.

    Exact when each value's pre-cast result is a finite number the output type holds
    (then the cast is a plain truncation, the same in every numpy loop), and
    worthwhile when the array has several elements per table entry.
    """
    span = int(high_value) - int(low_value) + 1
    if span > TABLE_LIMIT or data.size < 4 * span:
        return None
    values = np.arange(int(low_value), int(high_value) + 1, dtype=data.dtype)
    precast = plan.values(values, Scratch())
    limits = np.iinfo(plan.out_dtype)
    with np.errstate(all="ignore"):
        exact = bool(np.all(np.isfinite(precast) & (precast > limits.min - 1) & (precast < limits.max + 1)))
    return precast.astype(plan.out_dtype) if exact else None


def _all_values_range(dtype: np.dtype) -> Tuple[int, int]:
    info = np.iinfo(dtype)
    return int(info.min), int(info.max)


def _gather(data: np.ndarray, table: np.ndarray, offset: int) -> np.ndarray:
    out, source, flat_out = _memory_ordered(data, table.dtype)
    scratches: dict = {}
    raw_bits = data.dtype.itemsize <= 2 and table.size == 1 << (8 * data.dtype.itemsize)
    start_value = data.dtype.type(offset)  # subtracted in intp with wrap-around: exact for in-range results
    if raw_bits and data.dtype.kind == "i":  # table position of value v is v's two's-complement bits
        table = np.concatenate([table[-offset:], table[:-offset]])

    def work(start: int, stop: int) -> None:
        block = flat_block(source, start, stop)
        if raw_bits:
            np.take(table, block.view(block.dtype.str.replace("i", "u")), out=flat_out[start:stop])
            return
        positions = _scratch_for_this_thread(scratches).get(np.dtype(np.intp), block.shape)
        np.subtract(block, start_value, out=positions, dtype=np.intp, casting="unsafe")
        np.take(table, positions, out=flat_out[start:stop])

    map_ranges(work, data.size)
    return out


__all__ = ["accepts", "kernel_type", "minimum_and_maximum", "ChainPlan", "evaluate_blocked", "map_ranges",
           "flat_ranges", "flat_block", "worker_count", "BLOCK_ELEMENTS"]
