/*
 * Single-pass kernels for the legacy arithmetic (see _engine.py, which decides when to use them).
 *
 * numpy evaluates a legacy chain such as ((data - cmin) * scale + low).clip(low, high) + 0.5
 * one operation per pass over the data; chain() runs the same operations, in the same order
 * and the same dtypes (numpy 1.x's, resolved in Python by _engine.ChainPlan), element by
 * element, and casts to the output type: one pass.
 *
 * Bit-identity with numpy:
 * - float32 and float64 operations are IEEE single/double operations, as in numpy's loops.
 *   This file must be compiled without contraction into fused multiply-adds and without
 *   fast-math (setup.py passes -ffp-contract=off -fno-fast-math); float arithmetic is then
 *   evaluated in its own precision (FLT_EVAL_METHOD 0 on x86-64 and arm64).
 * - integer operations wrap around in their type, as numpy's do (unsigned arithmetic).
 * - conversions are C conversions, which are numpy's casts for every value they meet here:
 *   int -> float and float32 -> float64 round to nearest (or are exact).
 * - the final float -> integer cast is only defined for finite values within the output
 *   type's range; numpy's result for other values (NaN, out of range) depends on which of
 *   its loops handles the element. chain() therefore reports whether every value was
 *   castable, and _engine computes a block that was not with numpy instead.
 *
 * chain() releases the GIL while it computes, so _engine's threads run in parallel.
 */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

/* Type codes shared with _engine.py (_KERNEL_TYPES). */
enum { T_INT8, T_UINT8, T_INT16, T_UINT16, T_INT32, T_UINT32, T_FLOAT32 = 8, T_FLOAT64 = 9 };

/*
 * The fused chain. The legacy chains, in numpy 1.x's dtypes, all have this shape (a step
 * that is absent is an identity here: x * 1, x / 1, x - 0, x + 0 change at most the sign
 * of a zero, which neither clip nor the final cast can see):
 *
 *     x = source                  (integer sources: x - int_subtract, wrapping in the source type)
 *     x = float_type(x)           (numpy's cast: exact, or round to nearest)
 *     x = (x - a) * b / c + d     (in float_type; "- a" and "+ d" only when `shifts`, "/ c" only
 *                                  when `divide`)
 *     x = clip(x, low, high)      (only when asked; NaN stays NaN, as in numpy.clip)
 *     x = x + e
 *     out = uint8/uint32(x)
 *
 * bytescale is (x - cmin) * scale + low, clip(low, high), + 0.5; toimage(mode='I') is
 * (x * 1.0 - cmin) * (high - low) / (cmax - cmin) + low, where x * 1.0 is the conversion.
 * _engine.ChainPlan.fused() maps a chain onto this shape, or says it cannot.
 *
 * Packed by _engine.py with struct format "=dddddddqiiiiii" (88 bytes).
 */
typedef struct {
    double a, b, c, d, low, high, e;
    int64_t int_subtract;
    int32_t float_type, shifts, divide, clip_low, clip_high, out_type;
} fused_t;

static int item_size(int type)
{
    switch (type) {
    case T_INT8: case T_UINT8: return 1;
    case T_INT16: case T_UINT16: return 2;
    case T_INT32: case T_UINT32: case T_FLOAT32: return 4;
    case T_FLOAT64: return 8;
    default: return 0;
    }
}

/* Three simple loops per sub-block of SUB_BLOCK elements, each of which compilers vectorize:
   compute each value from the source and truncate it into an integer buffer, where a value
   that is not castable (NaN, or outside (-1, limit)) becomes -1000; find whether any -1000
   is there (then the caller discards the block); narrow into the output. */
#define SUB_BLOCK 1024
#define NOT_CASTABLE -1000

#define FUSED_LOOP(stype, utype, ftype, SHIFTS, DIVIDE, CLIP_LOW, CLIP_HIGH, otype, wide, INTEGER) \
    do {                                                                                \
        const stype *p = (const stype *)source;                                         \
        otype *o = (otype *)out;                                                        \
        const utype shift = (utype)f->int_subtract;                                     \
        wide truncated[SUB_BLOCK], negative = 0;                                        \
        Py_ssize_t start, m, j;                                                         \
        (void)shift;                                                                    \
        for (start = 0; start < n; start += SUB_BLOCK) {                               \
            m = n - start < SUB_BLOCK ? n - start : SUB_BLOCK;                          \
            for (j = 0; j < m; j++) {                                                   \
                ftype x = INTEGER ? (ftype)(stype)((utype)p[start + j] - shift) : (ftype)p[start + j]; \
                if (SHIFTS) x = x - a;                                                  \
                x = x * b;                                                              \
                if (DIVIDE) x = x / c;                                                  \
                if (SHIFTS) x = x + d;                                                  \
                if (CLIP_LOW) x = x < low ? low : x;                                    \
                if (CLIP_HIGH) x = x > high ? high : x;                                 \
                x = x + e;                                                              \
                truncated[j] = (wide)((x > (ftype)-1.0) & (x < limit) ? x : (ftype)NOT_CASTABLE); \
            }                                                                           \
            for (j = 0; j < m; j++) negative |= truncated[j];                           \
            if (negative < 0) return 0;                                                 \
            for (j = 0; j < m; j++) o[start + j] = (otype)truncated[j];                 \
        }                                                                               \
    } while (0)

/* Which optional steps run is decided once per call, not per element. bytescale's shapes (clip
   both ways, no division, uint8 out) have loops of their own, compiled for every instruction set
   (below); anything else (toimage(mode='I'), unusual bytescale arguments) runs the general loop,
   compiled once: it is rarely hot, and vectorizing its many variants for three instruction sets
   would cost most of the build's time (measured: 43 s of a 45 s compile). */
#define FUSED_CONSTANTS(ftype)                                                          \
        const ftype a = (ftype)f->a, b = (ftype)f->b, c = (ftype)f->c, d = (ftype)f->d;  \
        const ftype low = (ftype)f->low, high = (ftype)f->high, e = (ftype)f->e;        \
        const ftype limit = f->out_type == T_UINT8 ? (ftype)256.0 : (ftype)4294967296.0;

#define FUSED_OUT_BYTESCALE(stype, utype, ftype, INTEGER)                               \
    do {                                                                                \
        FUSED_CONSTANTS(ftype)                                                          \
        if (f->out_type == T_UINT32 || f->divide || !f->clip_low || !f->clip_high)      \
            return fused_general(source, source_type, out, f, n);                       \
        else if (f->shifts)                                                             \
            FUSED_LOOP(stype, utype, ftype, 1, 0, 1, 1, uint8_t, int32_t, INTEGER);     \
        else                                                                            \
            FUSED_LOOP(stype, utype, ftype, 0, 0, 1, 1, uint8_t, int32_t, INTEGER);     \
    } while (0)

#define FUSED_OUT_GENERAL(stype, utype, ftype, INTEGER)                                 \
    do {                                                                                \
        FUSED_CONSTANTS(ftype)                                                          \
        if (f->out_type == T_UINT32)                                                    \
            FUSED_LOOP(stype, utype, ftype, f->shifts, f->divide, f->clip_low, f->clip_high, \
                       uint32_t, int64_t, INTEGER);                                     \
        else                                                                            \
            FUSED_LOOP(stype, utype, ftype, f->shifts, f->divide, f->clip_low, f->clip_high, \
                       uint8_t, int32_t, INTEGER);                                      \
    } while (0)

#define FUSED_SOURCE(OUT, stype, utype, INTEGER)                                        \
    do {                                                                                \
        if (f->float_type == T_FLOAT32) OUT(stype, utype, float, INTEGER);              \
        else OUT(stype, utype, double, INTEGER);                                        \
    } while (0)

#define FUSED_SWITCH(OUT)                                                               \
    switch (source_type) {                                                              \
    case T_INT8: FUSED_SOURCE(OUT, int8_t, uint8_t, 1); break;                          \
    case T_UINT8: FUSED_SOURCE(OUT, uint8_t, uint8_t, 1); break;                        \
    case T_INT16: FUSED_SOURCE(OUT, int16_t, uint16_t, 1); break;                       \
    case T_UINT16: FUSED_SOURCE(OUT, uint16_t, uint16_t, 1); break;                     \
    case T_INT32: FUSED_SOURCE(OUT, int32_t, uint32_t, 1); break;                       \
    case T_UINT32: FUSED_SOURCE(OUT, uint32_t, uint32_t, 1); break;                     \
    case T_FLOAT32: FUSED_SOURCE(OUT, float, uint32_t, 0); break;                       \
    default: FUSED_SOURCE(OUT, double, uint64_t, 0); break;                             \
    }                                                                                   \
    return 1;

#define FUSED_BODY FUSED_SWITCH(FUSED_OUT_BYTESCALE)

#if defined(__GNUC__) && !defined(__clang__)
__attribute__((optimize("no-tree-vectorize", "no-unswitch-loops")))
#endif
static int fused_general(const char *source, int source_type, char *out, const fused_t *f, Py_ssize_t n)
{
    FUSED_SWITCH(FUSED_OUT_GENERAL)
}

typedef int (*fused_function)(const char *, int, char *, const fused_t *, Py_ssize_t);

/*
 * The same code compiled for several instruction sets, chosen at run time: on x86-64 with
 * GCC, AVX-512 (x86-64-v4) and AVX2 (x86-64-v3) versions beside the baseline (SSE2), which
 * process 4 or 2 times more values per instruction. All compute the same IEEE results
 * (contraction stays off in every version). set_level() lets the tests run each one the
 * machine supports.
 */
static int fused_baseline(const char *source, int source_type, char *out, const fused_t *f, Py_ssize_t n)
{
    FUSED_BODY
}

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define KERNELS_X86_LEVELS 1
__attribute__((target("arch=x86-64-v3")))
static int fused_v3(const char *source, int source_type, char *out, const fused_t *f, Py_ssize_t n)
{
    FUSED_BODY
}

__attribute__((target("arch=x86-64-v4")))
static int fused_v4(const char *source, int source_type, char *out, const fused_t *f, Py_ssize_t n)
{
    FUSED_BODY
}
#endif

static const char *level_names[] = {"baseline", "x86-64-v3", "x86-64-v4"};
static fused_function level_functions[3] = {fused_baseline, NULL, NULL};
static int level_count = 1, level = 0;

static void find_levels(void)
{
#ifdef KERNELS_X86_LEVELS
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") && __builtin_cpu_supports("bmi2")) {
        level_functions[1] = fused_v3;
        level_count = 2;
        if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw")
                && __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512dq")) {
            level_functions[2] = fused_v4;
            level_count = 3;
        }
    }
#endif
    level = level_count - 1;
}

/* levels() -> the instruction-set levels this machine runs, best last. */
static PyObject *levels(PyObject *self, PyObject *unused)
{
    PyObject *names = PyList_New(level_count);
    int k;
    (void)self; (void)unused;
    for (k = 0; names != NULL && k < level_count; k++) {
        PyObject *name = PyUnicode_FromString(level_names[k]);
        if (name == NULL || PyList_SetItem(names, k, name) < 0) { /* SetItem steals name, even on failure */
            Py_DECREF(names);
            return NULL;
        }
    }
    return names;
}

/* set_level(name) -> the previous level's name: which compiled version chain() uses. */
static PyObject *set_level(PyObject *self, PyObject *args)
{
    const char *name;
    int k, previous = level;
    (void)self;
    if (!PyArg_ParseTuple(args, "s", &name))
        return NULL;
    for (k = 0; k < level_count; k++) {
        if (strcmp(name, level_names[k]) == 0) {
            level = k;
            return PyUnicode_FromString(level_names[previous]);
        }
    }
    PyErr_Format(PyExc_ValueError, "set_level: %s is not one of this machine's levels", name);
    return NULL;
}

/* chain(source, source_type, out, parameters) -> bool: every value was castable (else discard `out`). */
static PyObject *chain(PyObject *self, PyObject *args)
{
    Py_buffer source, out, parameters;
    int source_type, castable;
    Py_ssize_t count;
    fused_t f;
    (void)self;
    if (!PyArg_ParseTuple(args, "y*iw*y*", &source, &source_type, &out, &parameters))
        return NULL;
    count = item_size(source_type) ? source.len / item_size(source_type) : 0;
    memset(&f, 0, sizeof(f));
    if (parameters.len == (Py_ssize_t)sizeof(fused_t))
        memcpy(&f, parameters.buf, sizeof(fused_t));
    if (!item_size(source_type) || parameters.len != (Py_ssize_t)sizeof(fused_t)
            || (f.out_type != T_UINT8 && f.out_type != T_UINT32) || out.len != count * item_size(f.out_type)
            || (f.float_type != T_FLOAT32 && f.float_type != T_FLOAT64)) {
        PyBuffer_Release(&source); PyBuffer_Release(&out); PyBuffer_Release(&parameters);
        PyErr_SetString(PyExc_ValueError, "chain: inconsistent buffers, types or parameters");
        return NULL;
    }
    Py_BEGIN_ALLOW_THREADS
    castable = level_functions[level]((const char *)source.buf, source_type, (char *)out.buf, &f, count);
    Py_END_ALLOW_THREADS
    PyBuffer_Release(&source); PyBuffer_Release(&out); PyBuffer_Release(&parameters);
    return PyBool_FromLong(castable);
}

static PyMethodDef methods[] = {
    {"chain", chain, METH_VARARGS, "chain(source, source_type, out, parameters) -> bool"},
    {"levels", levels, METH_NOARGS, "levels() -> instruction-set levels this machine runs, best last"},
    {"set_level", set_level, METH_VARARGS, "set_level(name) -> previous level: the version chain() uses"},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_kernels", "Single-pass kernels for the legacy arithmetic (see _engine.py).", -1, methods
};

PyMODINIT_FUNC PyInit__kernels(void)
{
    find_levels();
    return PyModule_Create(&module);
}
