/* The passes of Pillow 9.3.0's resize, for scipy_misc_compat._resample.
 *
 * Written from the algorithm's description (see _resample.py's docstring); the
 * numpy code there computes the same bits and is the fallback without a compiler.
 * Arrays are C-contiguous (rows, columns, bands); each call computes output rows
 * [first, stop) and releases the GIL, so Python runs row ranges on several threads.
 *
 *   horizontal(src, out, start, count, weights, first, stop)
 *   vertical(src, out, start, count, weights, first, stop)
 *       uint8 pixels take int32 fixed-point weights (22 fractional bits); int32 and
 *       float32 pixels take float64 weights and accumulate in double precision, in
 *       tap order.  `start`/`count` are int32, one per output pixel of the pass.
 *   resize(src, out, h_start, h_count, h_weights, v_start, v_count, v_weights, first, stop)
 *       uint8 only: both passes, the horizontal pass's rows kept in a cache-sized buffer.
 *   gather(src, out, rows, columns, first, stop)
 *       NEAREST: out[y, x] = src[rows[y], columns[x]] (all indices valid).
 *   lanczos(x, out)
 *       Pillow's Lanczos weight function, with the C library's sin.
 *   instruction_set(), available_loops(), use_loops(name)
 *       which loops run the uint8 passes (portable, avx2, avx512vnni), and a choice of them.
 *
 * The uint8 passes have portable loops and vector ones (_resample_simd.h, on x86-64), all
 * integer arithmetic with the same results. Bit-identity of the others needs plain IEEE
 * double arithmetic: setup.py turns off FMA contraction.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define PRECISION_BITS 22
#define HALF (1 << (PRECISION_BITS - 1))
#define CHUNK 2048 /* elements of a vertical pass row accumulated at a time (fits L1) */

/* ---- scratch memory -------------------------------------------------------------------------
 * A pass needs a few buffers (a plan of its weights, strips, the fused passes' rows). malloc()
 * serves large ones with fresh mmap()ed pages, which the kernel zeroes on first touch: for a
 * 4-megapixel resize that was about a sixth of the time. So each call takes one block, carves it
 * (arena_take), and gives it back for the next call: up to SCRATCH_SLOTS blocks of at most
 * SCRATCH_KEEP bytes are kept. Blocks change hands only while the GIL is held (free-threaded
 * builds have none to rely on: there every call allocates its own). */
#define SCRATCH_SLOTS 4
#define SCRATCH_KEEP ((size_t)16 << 20)
#define ALIGNMENT 64

#ifndef Py_GIL_DISABLED
static char *kept_block[SCRATCH_SLOTS];
static size_t kept_size[SCRATCH_SLOTS];
#endif

/* A block of at least `size` bytes (NULL when out of memory); call with the GIL held. */
static char *scratch_take(size_t size, size_t *got)
{
#ifndef Py_GIL_DISABLED
    int best = -1;
    for (int i = 0; i < SCRATCH_SLOTS; i++) /* the smallest kept block that is large enough */
        if (kept_block[i] && kept_size[i] >= size && (best < 0 || kept_size[i] < kept_size[best])) best = i;
    if (best >= 0) {
        char *block = kept_block[best];
        *got = kept_size[best];
        kept_block[best] = NULL;
        return block;
    }
#endif
    *got = size;
    return malloc(size > 0 ? size : 1);
}

/* Back for the next call (or freed); call with the GIL held. */
static void scratch_give(char *block, size_t size)
{
#ifndef Py_GIL_DISABLED
    if (block && size <= SCRATCH_KEEP) {
        int slot = 0; /* an empty slot, else the one holding the smallest block */
        for (int i = 1; i < SCRATCH_SLOTS && kept_block[slot]; i++)
            if (!kept_block[i] || kept_size[i] < kept_size[slot]) slot = i;
        if (!kept_block[slot] || kept_size[slot] < size) { /* keep the larger of the two */
            free(kept_block[slot]);
            kept_block[slot] = block;
            kept_size[slot] = size;
            return;
        }
    }
#endif
    free(block);
}

typedef struct {
    char *base;
    size_t used, size;
} arena;

/* `bytes` (aligned to ALIGNMENT) from the block; NULL when they do not fit (a sizing mistake). */
static void *arena_take(arena *a, size_t bytes)
{
    uintptr_t at = ((uintptr_t)(a->base + a->used) + ALIGNMENT - 1) & ~(uintptr_t)(ALIGNMENT - 1);
    size_t offset = (size_t)(at - (uintptr_t)a->base);
    if (offset + bytes > a->size) return NULL;
    a->used = offset + bytes;
    return a->base + offset;
}

/* What arena_take needs for pieces of these sizes, at most. */
#define ARENA_BYTES(bytes) ((size_t)(bytes) + ALIGNMENT)

static inline uint8_t clip8(int32_t total)
{
    int32_t value = total >> PRECISION_BITS;
    return value < 0 ? 0 : (value > 255 ? 255 : (uint8_t)value);
}

static inline int32_t round_to_int32(double total)
{
    /* Pillow's ROUND_UP: half away from zero; x86's cast gives INT32_MIN when out of range or NaN. */
    double rounded = total >= 0.0 ? floor(total + 0.5) : -floor(fabs(total) + 0.5);
    if (!(rounded > -2147483648.0 && rounded < 2147483648.0))
        return INT32_MIN;
    return (int32_t)rounded;
}

/* Vectorised loops: an AVX2 version beside the baseline one where the toolchain can pick at run
 * time (GNU ifunc); the arithmetic is integer or unfused IEEE double, so both give the same bits. */
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__linux__)
#define VECTOR_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define VECTOR_CLONES
#endif

/* ---- horizontal pass ----------------------------------------------------------------------
 * Each output pixel reads `count` neighbours in its row. Done on strips of STRIP rows: the strip
 * is transposed into a small buffer (column-major: all its rows' pixel x side by side), so each
 * output column of the strip is one vector loop over STRIP * bands elements, as in the vertical
 * pass. Every element still sums the same products in tap order. */

/* Transpose an 8x8 block of bytes: dst[j * dst_stride + i] = src[i * src_stride + j]. Three rounds of
 * swapping 1-, 2- and 4-byte halves between row pairs in 64-bit words (little-endian byte order). */
static inline void transpose8x8(const uint8_t *src, Py_ssize_t src_stride, uint8_t *dst, Py_ssize_t dst_stride)
{
    uint64_t a[8], t;
    for (int i = 0; i < 8; i++) memcpy(&a[i], src + i * src_stride, 8);
    for (int i = 0; i < 8; i += 2) {
        t = ((a[i] >> 8) ^ a[i + 1]) & 0x00FF00FF00FF00FFULL; a[i + 1] ^= t; a[i] ^= t << 8;
    }
    for (int i = 0; i < 8; i++) if ((i & 2) == 0) {
        t = ((a[i] >> 16) ^ a[i + 2]) & 0x0000FFFF0000FFFFULL; a[i + 2] ^= t; a[i] ^= t << 16;
    }
    for (int i = 0; i < 4; i++) {
        t = ((a[i] >> 32) ^ a[i + 4]) & 0x00000000FFFFFFFFULL; a[i + 4] ^= t; a[i] ^= t << 32;
    }
    for (int j = 0; j < 8; j++) memcpy(dst + j * dst_stride, &a[j], 8);
}

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define HAVE_TRANSPOSE8X8 1
#else
#define HAVE_TRANSPOSE8X8 0
#endif

/* rows x columns bytes from src (row stride src_stride) to dst transposed (dst[c * dst_stride + r]). */
static void transpose_bytes(const uint8_t *src, Py_ssize_t src_stride, uint8_t *dst, Py_ssize_t dst_stride,
                            Py_ssize_t rows, Py_ssize_t columns)
{
    Py_ssize_t r8 = HAVE_TRANSPOSE8X8 ? rows - rows % 8 : 0, c8 = HAVE_TRANSPOSE8X8 ? columns - columns % 8 : 0;
    for (Py_ssize_t c0 = 0; c0 < c8; c0 += 8)
        for (Py_ssize_t r0 = 0; r0 < r8; r0 += 8)
            transpose8x8(src + r0 * src_stride + c0, src_stride, dst + c0 * dst_stride + r0, dst_stride);
    for (Py_ssize_t r = 0; r < rows; r++)  /* the edges the 8x8 blocks left */
        for (Py_ssize_t c = (r < r8 ? c8 : 0); c < columns; c++) dst[c * dst_stride + r] = src[r * src_stride + c];
}

#define STRIP 64
/* The portable horizontal pass's two strips (transposed input, then output) of `item`-byte samples. */
#define STRIPS_BYTES(in_w, out_w, bands, item) (((size_t)(in_w) + (size_t)(out_w)) * STRIP * (size_t)(bands) * (item))
#define TILE 32 /* input columns transposed at a time */
#define MAX_BANDS 4

/* One strip of rows; BANDS is a constant in the specialised versions, so the loops unroll. */
#define HORIZONTAL_STRIP(TYPE, ACC, WEIGHT, INIT, STORE, BANDS)                                 \
    for (Py_ssize_t y0 = first; y0 < stop; y0 += STRIP) {                                        \
        Py_ssize_t rows = stop - y0 < STRIP ? stop - y0 : STRIP, lane = rows * (BANDS);          \
        if ((BANDS) == 1 && sizeof(TYPE) == 1)                                                   \
            transpose_bytes((const uint8_t *)(src + y0 * in_width), in_width, (uint8_t *)strip, lane, rows, in_width); \
        else /* transposed in tiles of TILE columns, so the strip lines written stay in L1 */    \
        for (Py_ssize_t x0 = 0; x0 < in_width; x0 += TILE) {                                     \
            Py_ssize_t x1 = in_width - x0 < TILE ? in_width : x0 + TILE;                         \
            for (Py_ssize_t r = 0; r < rows; r++) {                                              \
                const TYPE *row = src + (y0 + r) * in_width * (BANDS);                           \
                TYPE *into = strip + r * (BANDS);                                                \
                for (Py_ssize_t x = x0; x < x1; x++)                                             \
                    for (Py_ssize_t b = 0; b < (BANDS); b++) into[x * lane + b] = row[x * (BANDS) + b]; \
            }                                                                                    \
        }                                                                                        \
        for (Py_ssize_t x = 0; x < out_width; x++) {                                             \
            const WEIGHT *k = weights + x * width;                                               \
            ACC total[STRIP * MAX_BANDS];                                                        \
            for (Py_ssize_t i = 0; i < lane; i++) total[i] = INIT;                               \
            const TYPE *column = strip + (Py_ssize_t)start[x] * lane;                            \
            for (int j = 0; j < count[x]; j++, column += lane) {                                 \
                WEIGHT weight = k[j];                                                            \
                for (Py_ssize_t i = 0; i < lane; i++) total[i] += (ACC)column[i] * weight;       \
            }                                                                                    \
            TYPE *column_out = ostrip + x * lane; /* contiguous: the clip/convert vectorises */  \
            for (Py_ssize_t i = 0; i < lane; i++) column_out[i] = STORE(total[i]);               \
        }                                                                                        \
        /* back to rows, in tiles of TILE columns (scattered stores across rows were the cost) */\
        if ((BANDS) == 1 && sizeof(TYPE) == 1)                                                   \
            transpose_bytes((const uint8_t *)ostrip, lane, (uint8_t *)(out + y0 * out_width), out_width, out_width, rows); \
        else                                                                                     \
        for (Py_ssize_t x0 = 0; x0 < out_width; x0 += TILE) {                                    \
            Py_ssize_t x1 = out_width - x0 < TILE ? out_width : x0 + TILE;                       \
            for (Py_ssize_t r = 0; r < rows; r++) {                                              \
                TYPE *target = out + (y0 + r) * out_width * (BANDS);                             \
                const TYPE *from = ostrip + r * (BANDS);                                         \
                for (Py_ssize_t x = x0; x < x1; x++)                                             \
                    for (Py_ssize_t b = 0; b < (BANDS); b++) target[x * (BANDS) + b] = from[x * lane + b]; \
            }                                                                                    \
        }                                                                                        \
    }

#define HORIZONTAL(NAME, TYPE, ACC, WEIGHT, INIT, STORE)                                        \
    VECTOR_CLONES static void NAME(const TYPE *restrict src, TYPE *restrict out,                 \
                                   Py_ssize_t in_width, Py_ssize_t out_width, Py_ssize_t bands,  \
                                   const int32_t *restrict start, const int32_t *restrict count, \
                                   const WEIGHT *restrict weights, int width, Py_ssize_t first,  \
                                   Py_ssize_t stop, TYPE *restrict strip, TYPE *restrict ostrip) \
    {                                                                                            \
        switch (bands) {                                                                         \
        case 1: HORIZONTAL_STRIP(TYPE, ACC, WEIGHT, INIT, STORE, 1) break;                       \
        case 2: HORIZONTAL_STRIP(TYPE, ACC, WEIGHT, INIT, STORE, 2) break;                       \
        case 3: HORIZONTAL_STRIP(TYPE, ACC, WEIGHT, INIT, STORE, 3) break;                       \
        default: HORIZONTAL_STRIP(TYPE, ACC, WEIGHT, INIT, STORE, 4) break;                      \
        }                                                                                        \
    }
#define STORE_FLOAT(total) ((float)(total))
HORIZONTAL(horizontal_u8, uint8_t, int32_t, int32_t, HALF, clip8)
HORIZONTAL(horizontal_f32, float, double, double, 0.0, STORE_FLOAT)
HORIZONTAL(horizontal_i32, int32_t, double, double, 0.0, round_to_int32)

/* ---- vertical pass: each output row is a weighted sum of `count` input rows ----------------
 * Vectorised across the row; each element still adds its taps in order. */

/* `origin`: the input row src starts at (start[] counts from row 0 of the image). */
VECTOR_CLONES static void vertical_u8(const uint8_t *src, uint8_t *out, Py_ssize_t row_length, const int32_t *start,
                        const int32_t *count, const int32_t *weights, int width, Py_ssize_t first,
                        Py_ssize_t stop, Py_ssize_t origin)
{
    int32_t total[CHUNK];
    for (Py_ssize_t y = first; y < stop; y++) {
        const int32_t *k = weights + y * width;
        for (Py_ssize_t begin = 0; begin < row_length; begin += CHUNK) {
            Py_ssize_t n = row_length - begin < CHUNK ? row_length - begin : CHUNK;
            for (Py_ssize_t i = 0; i < n; i++) total[i] = HALF;
            for (int j = 0; j < count[y]; j++) {
                const uint8_t *row = src + ((Py_ssize_t)start[y] - origin + j) * row_length + begin;
                int32_t weight = k[j];
                for (Py_ssize_t i = 0; i < n; i++) total[i] += row[i] * weight;
            }
            uint8_t *target = out + y * row_length + begin;
            for (Py_ssize_t i = 0; i < n; i++) target[i] = clip8(total[i]);
        }
    }
}

#define VERTICAL_32(NAME, TYPE, STORE)                                                          \
    VECTOR_CLONES static void NAME(const TYPE *src, TYPE *out, Py_ssize_t row_length,            \
                                   const int32_t *start,                                         \
                     const int32_t *count, const double *weights, int width, Py_ssize_t first,   \
                     Py_ssize_t stop)                                                            \
    {                                                                                            \
        double total[CHUNK];                                                                     \
        for (Py_ssize_t y = first; y < stop; y++) {                                              \
            const double *k = weights + y * width;                                               \
            for (Py_ssize_t begin = 0; begin < row_length; begin += CHUNK) {                     \
                Py_ssize_t n = row_length - begin < CHUNK ? row_length - begin : CHUNK;          \
                for (Py_ssize_t i = 0; i < n; i++) total[i] = 0.0;                               \
                for (int j = 0; j < count[y]; j++) {                                             \
                    const TYPE *row = src + ((Py_ssize_t)start[y] + j) * row_length + begin;     \
                    double weight = k[j];                                                        \
                    for (Py_ssize_t i = 0; i < n; i++) total[i] += (double)row[i] * weight;      \
                }                                                                                \
                TYPE *target = out + y * row_length + begin;                                     \
                for (Py_ssize_t i = 0; i < n; i++) target[i] = STORE(total[i]);                  \
            }                                                                                    \
        }                                                                                        \
    }
VERTICAL_32(vertical_f32, float, STORE_FLOAT)
VERTICAL_32(vertical_i32, int32_t, round_to_int32)

/* ---- the 8-bit passes with 16-bit multiply-adds (x86-64, chosen at run time) -------------------
 * VPMADDWD multiplies 16-bit pairs and adds each pair into a 32-bit lane: two taps per lane.
 * The 22-bit weights do not fit 16 bits, so each is split, k = high * 2^SPLIT + low with
 * 0 <= low < 2^SPLIT, and the pass sums pixel * high and pixel * low in separate lanes, then
 * (high_sum << SPLIT) + low_sum. That is the same integer as the sum of pixel * k (all in
 * wrapping 32-bit arithmetic, whose result the true sum fits), so every output bit is the
 * portable loops' (tests/test_resample.py compares every set with the numpy version).
 * Pixel <= 255 and |high| < 2^15 keep every product and pair sum exact: SPLIT = 11 allows
 * weights up to 16 (normalised weights are near 1); larger ones take the portable loops.
 *
 * _resample_simd.h holds the loops, compiled here twice: for AVX2 and for AVX-512 VNNI (on
 * 256-bit vectors: VPDPWSSD does VPMADDWD's products and the sum in one instruction). The best
 * one the CPU has runs; use_loops() picks another (for the tests and benchmarks). */
#if (defined(__GNUC__) || defined(__clang__)) && defined(__x86_64__)
#include <immintrin.h>
#define HAVE_AVX2_PASSES 1
/* VPDPWSSD's intrinsic and cpu test name: gcc 9 and clang 8 have both */
#if (defined(__clang__) && __clang_major__ >= 8) || (!defined(__clang__) && __GNUC__ >= 9)
#define HAVE_VNNI_PASSES 1
#else
#define HAVE_VNNI_PASSES 0
#endif
#define SPLIT 11
#define LOW_MASK ((1 << SPLIT) - 1)
#define AVX2 __attribute__((target("avx2")))
#else
#define HAVE_AVX2_PASSES 0
#define HAVE_VNNI_PASSES 0
#endif

/* The loops a uint8 pass can run, in order of speed. */
enum { PORTABLE_LOOPS, AVX2_LOOPS, VNNI_LOOPS };
static const char *const LOOP_NAMES[] = {"portable", "avx2", "avx512vnni"};
static int forced_loops = -1; /* use_loops()'s choice; -1: the best the CPU has */

static int best_loops(void)
{
#if HAVE_AVX2_PASSES
    __builtin_cpu_init();
#if HAVE_VNNI_PASSES
    if (__builtin_cpu_supports("avx512vnni") && __builtin_cpu_supports("avx512vl")) return VNNI_LOOPS;
#endif
    if (__builtin_cpu_supports("avx2")) return AVX2_LOOPS;
#endif
    return PORTABLE_LOOPS;
}

static int chosen_loops(void) { return forced_loops >= 0 ? forced_loops : best_loops(); }

#if HAVE_AVX2_PASSES
/* Whether every weight splits into 16-bit halves (see above). */
static int weights_split(const int32_t *weights, Py_ssize_t n)
{
    for (Py_ssize_t i = 0; i < n; i++)
        if ((weights[i] >> SPLIT) > INT16_MAX || (weights[i] >> SPLIT) < INT16_MIN) return 0;
    return 1;
}

/* Two taps' 16-bit halves side by side in each 32-bit lane: (first, second). */
static inline int32_t pair(int32_t first, int32_t second)
{
    return (int32_t)(((uint32_t)(uint16_t)first) | ((uint32_t)second << 16));
}

/* Horizontal, 3 or 4 bands: each output pixel sums `count` neighbouring pixels. Output pixels go
 * in pairs (x, x + 1), one per 128-bit half: each half loads 16 bytes at its pixel's taps (taps
 * 0-3: 4 bytes a pixel, or 3), and two byte shuffles widen them to 16 bits as (tap 0, tap 1) and
 * (tap 2, tap 3) per band, so a multiply-add leaves each band's sum in its own lane of its
 * pixel's half. A pair has as many groups of four taps as the larger of its two needs (the other
 * gets zero weights). Two rows at a time share the weights. */
typedef struct {
    __m256i *weights; /* per pair of output pixels, per group of four taps: four vectors (see plan_horizontal) */
    Py_ssize_t *group; /* pair p's first group; p + 1's marks its end */
    int32_t *offsets; /* pair p's first taps: bytes into a row, pixel x's then x + 1's */
    uint8_t *padded; /* the image's last row followed by 16 zero bytes (a load may pass a row's end) */
    Py_ssize_t in_row, out_row; /* bytes */
    int bands;
    __m256i taps01, taps23; /* the byte shuffles for this many bands */
    __m128i narrow; /* back from 4 bytes a pixel to `bands` */
} horizontal_plan;

/* Halves of taps t, t + 1 of pixel x (0 beyond its count), as the pair a multiply-add takes. */
static int32_t tap_pair(const int32_t *k, int32_t count, Py_ssize_t t, int high)
{
    int32_t first = t < count ? k[t] : 0, second = t + 1 < count ? k[t + 1] : 0;
    return high ? pair(first >> SPLIT, second >> SPLIT) : pair(first & LOW_MASK, second & LOW_MASK);
}

/* Groups of four taps over all pairs of output pixels (the plan's size). */
static Py_ssize_t pair_groups(const int32_t *count, Py_ssize_t out_width)
{
    Py_ssize_t total = 0;
    for (Py_ssize_t x = 0; x < out_width; x += 2) {
        int32_t most = x + 1 < out_width && count[x + 1] > count[x] ? count[x + 1] : count[x];
        total += (most + 3) / 4;
    }
    return total;
}

static size_t plan_bytes(const int32_t *count, Py_ssize_t in_row, Py_ssize_t out_width)
{
    Py_ssize_t pairs = (out_width + 1) / 2;
    return ARENA_BYTES((pairs + 1) * sizeof(Py_ssize_t)) + ARENA_BYTES((2 * pairs + 2) * sizeof(int32_t))
           + ARENA_BYTES((pair_groups(count, out_width) * 4 + 1) * 32) + ARENA_BYTES(in_row + 16);
}

/* The plan of a horizontal pass over the image src (in_height rows), in memory (plan_bytes). */
AVX2 static int plan_horizontal(horizontal_plan *plan, arena *memory, const uint8_t *src, Py_ssize_t in_height,
                                Py_ssize_t in_width, Py_ssize_t out_width, int bands, const int32_t *start,
                                const int32_t *count, const int32_t *weights, int width)
{
    Py_ssize_t pairs = (out_width + 1) / 2, in_row = in_width * bands;
    plan->group = arena_take(memory, (pairs + 1) * sizeof(Py_ssize_t));
    plan->offsets = arena_take(memory, (2 * pairs + 2) * sizeof(int32_t));
    plan->padded = arena_take(memory, in_row + 16);
    if (!plan->group || !plan->offsets || !plan->padded) return 0;
    memcpy(plan->padded, src + (in_height - 1) * in_row, in_row);
    memset(plan->padded + in_row, 0, 16);
    plan->group[0] = 0;
    for (Py_ssize_t p = 0; p < pairs; p++) {
        Py_ssize_t x = 2 * p, next = x + 1 < out_width ? x + 1 : x; /* an odd width's last pair: x twice */
        int32_t most = count[x] > count[next] ? count[x] : count[next];
        plan->group[p + 1] = plan->group[p] + (most + 3) / 4;
    }
    plan->weights = arena_take(memory, (plan->group[pairs] * 4 + 1) * sizeof(__m256i));
    if (!plan->weights) return 0;
    for (Py_ssize_t p = 0; p < pairs; p++) {
        Py_ssize_t x = 2 * p, next = x + 1 < out_width ? x + 1 : x;
        const int32_t *k = weights + x * width, *k_next = weights + next * width;
        plan->offsets[2 * p] = (int32_t)(start[x] * bands);
        plan->offsets[2 * p + 1] = (int32_t)(start[next] * bands);
        for (Py_ssize_t g = plan->group[p]; g < plan->group[p + 1]; g++) {
            Py_ssize_t t = 4 * (g - plan->group[p]);
            __m256i *into = plan->weights + 4 * g;
            /* [pixel x's pair | pixel x + 1's], high halves of taps t, t + 1, then low; then taps t + 2, t + 3 */
            for (int half = 0; half < 2; half++) {
                int32_t mine = tap_pair(k, count[x], t + 2 * half, 1);
                int32_t theirs = tap_pair(k_next, count[next], t + 2 * half, 1);
                into[2 * half] = _mm256_setr_epi32(mine, mine, mine, mine, theirs, theirs, theirs, theirs);
                mine = tap_pair(k, count[x], t + 2 * half, 0), theirs = tap_pair(k_next, count[next], t + 2 * half, 0);
                into[2 * half + 1] = _mm256_setr_epi32(mine, mine, mine, mine, theirs, theirs, theirs, theirs);
            }
        }
    }
    plan->in_row = in_row;
    plan->out_row = out_width * bands;
    plan->bands = bands;
    /* band b of taps t, t + 1: bytes t * bands + b and (t + 1) * bands + b, each widened (0x80: zero) */
    int8_t shuffles[2][32];
    for (int first_tap = 0; first_tap < 2; first_tap++)
        for (int i = 0; i < 32; i++) {
            int b = (i % 16) / 4, tap = 2 * first_tap + (i % 4) / 2;
            shuffles[first_tap][i] = i % 2 == 0 && b < bands ? (int8_t)(tap * bands + b) : (int8_t)0x80;
        }
    plan->taps01 = _mm256_loadu_si256((const __m256i *)shuffles[0]);
    plan->taps23 = _mm256_loadu_si256((const __m256i *)shuffles[1]);
    int8_t narrow[16];
    for (int i = 0; i < 16; i++) narrow[i] = i < 4 * bands ? (int8_t)(i / bands * 4 + i % bands) : (int8_t)0x80;
    plan->narrow = _mm_loadu_si128((const __m128i *)narrow);
    return 1;
}

#define SIMD_TARGET "avx2"
#define SIMD(name) name##_avx2
#define MULTIPLY_ADD(sum, a, b) _mm256_add_epi32((sum), _mm256_madd_epi16((a), (b)))
#include "_resample_simd.h"
#undef SIMD_TARGET
#undef SIMD
#undef MULTIPLY_ADD

#if HAVE_VNNI_PASSES
#define SIMD_TARGET "avx2,avx512vnni,avx512vl"
#define SIMD(name) name##_vnni
#define MULTIPLY_ADD(sum, a, b) _mm256_dpwssd_epi32((sum), (a), (b))
#include "_resample_simd.h"
#undef SIMD_TARGET
#undef SIMD
#undef MULTIPLY_ADD
#define SIMD_CALL(loops, name, ...) ((loops) == VNNI_LOOPS ? name##_vnni(__VA_ARGS__) : name##_avx2(__VA_ARGS__))
#else
#define SIMD_CALL(loops, name, ...) name##_avx2(__VA_ARGS__)
#endif

/* The loops a uint8 pass runs: the chosen vector ones where the pass suits them, else portable. */
static int u8_pass_loops(Py_ssize_t row_length, Py_ssize_t bands, const int32_t *weights, Py_ssize_t n_weights,
                         int vertical)
{
    /* the vertical loops read 32 bytes of a row at a time; the horizontal plan keeps int32 offsets */
    if (vertical ? row_length < 32 : (bands != 3 && bands != 4) || row_length > INT32_MAX) return PORTABLE_LOOPS;
    int loops = chosen_loops();
    return loops != PORTABLE_LOOPS && weights_split(weights, n_weights) ? loops : PORTABLE_LOOPS;
}

/* The vertical loops' weight pairs: two vectors per pair of taps. */
#define PAIRS_BYTES(width) (((size_t)(width) + 1) * sizeof(__m256i))

/* Scratch memory a uint8 pass with the vector loops needs. */
static size_t u8_pass_simd_bytes(Py_ssize_t in_row, const int32_t *count, Py_ssize_t out_w, int width, int vertical)
{
    return vertical ? ARENA_BYTES(PAIRS_BYTES(width)) : plan_bytes(count, in_row, out_w);
}

/* A uint8 pass with the vector loops: 0 done, -1 the scratch memory was short. Called without the GIL. */
static int u8_pass_simd(int loops, const uint8_t *src, uint8_t *out, Py_ssize_t in_h, Py_ssize_t in_w,
                        Py_ssize_t out_w, Py_ssize_t bands, const int32_t *start, const int32_t *count,
                        const int32_t *weights, int width, Py_ssize_t first, Py_ssize_t stop, int vertical,
                        arena *memory)
{
    if (vertical) {
        __m256i *pairs = arena_take(memory, PAIRS_BYTES(width));
        if (!pairs) return -1;
        SIMD_CALL(loops, vertical_u8, src, out, in_w * bands, start, count, weights, width, first, stop, 0, pairs);
        return 0;
    }
    horizontal_plan plan;
    if (!plan_horizontal(&plan, memory, src, in_h, in_w, out_w, (int)bands, start, count, weights, width)) return -1;
    SIMD_CALL(loops, horizontal_u8, src, out, in_h, &plan, out_w, first, stop);
    return 0;
}
#endif


/* ---- NEAREST: a gather of whole pixels -------------------------------------------------- */

/* An output row whose source row equals the previous one's (every upscale) is a copy of it. */
#define REPEATED_ROW(PIXEL)                                                                     \
    if (y > first && rows[y] == rows[y - 1]) {                                                   \
        memcpy(out + y * out_width * (PIXEL), out + (y - 1) * out_width * (PIXEL), out_width * (PIXEL)); \
        continue;                                                                                \
    }

#define GATHER(NAME, TYPE)                                                                      \
    static void NAME(const char *src, char *out, Py_ssize_t in_width, Py_ssize_t out_width,      \
                     const int64_t *rows, const int64_t *columns, Py_ssize_t first, Py_ssize_t stop) \
    {                                                                                            \
        for (Py_ssize_t y = first; y < stop; y++) {                                              \
            REPEATED_ROW(sizeof(TYPE))                                                           \
            const TYPE *row = (const TYPE *)src + rows[y] * in_width;                            \
            TYPE *target = (TYPE *)out + y * out_width;                                          \
            for (Py_ssize_t x = 0; x < out_width; x++) target[x] = row[columns[x]];              \
        }                                                                                        \
    }
GATHER(gather_1, uint8_t)
GATHER(gather_2, uint16_t)
GATHER(gather_4, uint32_t)
GATHER(gather_8, uint64_t)

/* 3-byte pixels move as one 4-byte word each (the 4th byte is overwritten by the next pixel), the
 * last pixel of a row byte by byte so nothing outside the row is read or written. */
static void gather_3(const char *src, char *out, Py_ssize_t in_width, Py_ssize_t out_width, const int64_t *rows,
                     const int64_t *columns, Py_ssize_t first, Py_ssize_t stop)
{
    for (Py_ssize_t y = first; y < stop; y++) {
        REPEATED_ROW(3)
        const uint8_t *row = (const uint8_t *)src + rows[y] * in_width * 3;
        uint8_t *target = (uint8_t *)out + y * out_width * 3;
        Py_ssize_t x = 0;
        for (; x + 1 < out_width; x++) {
            Py_ssize_t at = columns[x];
            if (at + 1 >= in_width) { /* 4-byte read would pass the row's end */
                memcpy(target + 3 * x, row + 3 * at, 3);
                continue;
            }
            uint32_t word;
            memcpy(&word, row + 3 * at, 4);
            memcpy(target + 3 * x, &word, 4);
        }
        for (; x < out_width; x++) memcpy(target + 3 * x, row + 3 * columns[x], 3);
    }
}

static void gather_any(const char *src, char *out, Py_ssize_t in_width, Py_ssize_t out_width, Py_ssize_t pixel,
                       const int64_t *rows, const int64_t *columns, Py_ssize_t first, Py_ssize_t stop)
{
    for (Py_ssize_t y = first; y < stop; y++) {
        REPEATED_ROW(pixel)
        const char *row = src + rows[y] * in_width * pixel;
        char *target = out + y * out_width * pixel;
        for (Py_ssize_t x = 0; x < out_width; x++) memcpy(target + x * pixel, row + columns[x] * pixel, pixel);
    }
}

/* ---- NEAREST with byte shuffles (x86 SSSE3) ------------------------------------------------
 * Every output row reads the same columns, so the gather is planned once per call: the output
 * bytes in groups of 16, each group's source bytes within a 32-byte window of the source row
 * (nearest indices only grow, so the window is narrow unless the downscale is strong), fetched
 * with two unaligned loads and two PSHUFB. Groups whose
 * window is wider (strong downscales) or would read past the row end are copied byte by byte.
 * The bytes moved are the same as gather_N's. */

typedef struct {
    int32_t base;      /* first source byte of the window, or -1: copy this group byte by byte */
    uint8_t low[16];   /* PSHUFB masks: window byte for output byte i, 0x80 where the other half serves */
    uint8_t high[16];
} shuffle_group;

#if (defined(__GNUC__) || defined(__clang__)) && defined(__x86_64__)
#include <immintrin.h>
#define HAVE_SHUFFLE_GATHER 1

static int shuffles_available(void)
{
    __builtin_cpu_init();
    return __builtin_cpu_supports("ssse3");
}

__attribute__((target("ssse3"))) static void shuffle_rows(const char *src, char *out, Py_ssize_t in_bytes,
                                                           Py_ssize_t out_bytes, const int64_t *rows,
                                                           const int64_t *columns, Py_ssize_t pixel,
                                                           const shuffle_group *groups, Py_ssize_t first,
                                                           Py_ssize_t stop)
{
    Py_ssize_t n_groups = out_bytes / 16;
    for (Py_ssize_t y = first; y < stop; y++) {
        char *target = out + y * out_bytes;
        if (y > first && rows[y] == rows[y - 1]) {
            memcpy(target, target - out_bytes, out_bytes);
            continue;
        }
        const char *row = src + rows[y] * in_bytes;
        for (Py_ssize_t g = 0; g < n_groups; g++) {
            const shuffle_group *group = groups + g;
            if (group->base >= 0) {
                const char *window = row + group->base;
                __m128i low = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)window),
                                               _mm_loadu_si128((const __m128i *)group->low));
                __m128i high = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(window + 16)),
                                                _mm_loadu_si128((const __m128i *)group->high));
                _mm_storeu_si128((__m128i *)(target + 16 * g), _mm_or_si128(low, high));
            } else {
                for (Py_ssize_t j = 16 * g; j < 16 * g + 16; j++)
                    target[j] = row[columns[j / pixel] * pixel + j % pixel];
            }
        }
        for (Py_ssize_t j = 16 * n_groups; j < out_bytes; j++) target[j] = row[columns[j / pixel] * pixel + j % pixel];
    }
}
#else
#define HAVE_SHUFFLE_GATHER 0
#endif

/* The per-call plan; NULL when no group can use the shuffles (then the plain gathers run). */
static shuffle_group *plan_shuffles(const int64_t *columns, Py_ssize_t in_bytes, Py_ssize_t out_bytes,
                                    Py_ssize_t pixel)
{
    Py_ssize_t n_groups = out_bytes / 16, usable = 0;
    if (n_groups == 0)
        return NULL;
    shuffle_group *groups = malloc(n_groups * sizeof(shuffle_group));
    if (!groups)
        return NULL;
    for (Py_ssize_t g = 0; g < n_groups; g++) {
        /* byte offsets are not monotone within a group when a pixel repeats (upscale): its first
         * byte comes after the previous pixel's last, so take the smallest and the largest */
        Py_ssize_t base = PY_SSIZE_T_MAX, last = 0;
        for (int i = 0; i < 16; i++) {
            Py_ssize_t j = 16 * g + i, offset = columns[j / pixel] * pixel + j % pixel;
            base = offset < base ? offset : base;
            last = offset > last ? offset : last;
        }
        groups[g].base = -1;
        if (last - base >= 32 || base + 32 > in_bytes)
            continue;
        for (int i = 0; i < 16; i++) {
            Py_ssize_t j = 16 * g + i, offset = columns[j / pixel] * pixel + j % pixel - base;
            groups[g].low[i] = offset < 16 ? (uint8_t)offset : 0x80;
            groups[g].high[i] = offset >= 16 ? (uint8_t)(offset - 16) : 0x80;
        }
        groups[g].base = (int32_t)base;
        usable++;
    }
    if (usable * 4 < n_groups) { /* mostly wide windows: the plain gather is as good */
        free(groups);
        return NULL;
    }
    return groups;
}

/* ---- argument checking ------------------------------------------------------------------ */

typedef struct {
    Py_buffer src, out, start, count, weights;
} pass_buffers;

static void release(pass_buffers *b)
{
    PyBuffer_Release(&b->src);
    PyBuffer_Release(&b->out);
    PyBuffer_Release(&b->start);
    PyBuffer_Release(&b->count);
    PyBuffer_Release(&b->weights);
}

static char pixel_type(Py_buffer *buffer)
{
    const char *format = buffer->format ? buffer->format : "B";
    if (*format == '=' || *format == '<' || *format == '@') format++;
    if (strcmp(format, "B") == 0) return 'B';
    if ((strcmp(format, "i") == 0 || strcmp(format, "l") == 0) && buffer->itemsize == 4) return 'i';
    if (strcmp(format, "f") == 0) return 'f';
    return 0;
}

/* The pixel type ('B', 'i' or 'f') of two (rows, columns, bands) arrays of one type and band
 * count (1 to MAX_BANDS), or 0 with the error set. */
static char pixel_arrays(Py_buffer *src, Py_buffer *out)
{
    char type = pixel_type(src);
    if (src->ndim != 3 || out->ndim != 3 || !type || pixel_type(out) != type || src->shape[2] != out->shape[2]
            || src->shape[2] < 1 || src->shape[2] > MAX_BANDS) {
        PyErr_SetString(PyExc_TypeError, "resample pass: unexpected array types or shapes");
        return 0;
    }
    return type;
}

/* Whether a pass's taps are consistent: int32 start and count and weights of `weight_size` bytes,
 * one row per output, each within `inputs`. Sets the error. */
static int check_taps(Py_buffer *start, Py_buffer *count, Py_buffer *weights, Py_ssize_t outputs, Py_ssize_t inputs,
                      Py_ssize_t weight_size)
{
    if (start->itemsize != 4 || count->itemsize != 4 || weights->ndim != 2 || weights->itemsize != weight_size) {
        PyErr_SetString(PyExc_TypeError, "resample pass: unexpected array types or shapes");
        return 0;
    }
    if (start->shape[0] != outputs || count->shape[0] != outputs || weights->shape[0] != outputs
            || weights->shape[1] > INT32_MAX) {
        PyErr_SetString(PyExc_ValueError, "resample pass: inconsistent sizes");
        return 0;
    }
    const int32_t *s = start->buf, *n = count->buf;
    for (Py_ssize_t i = 0; i < outputs; i++) {
        if (s[i] < 0 || n[i] < 0 || n[i] > weights->shape[1] || (Py_ssize_t)s[i] + n[i] > inputs) {
            PyErr_SetString(PyExc_ValueError, "resample pass: taps out of range");
            return 0;
        }
    }
    return 1;
}

static PyObject *run_pass(PyObject *args, int vertical)
{
    PyObject *src_obj, *out_obj, *start_obj, *count_obj, *weights_obj;
    Py_ssize_t first, stop;
    if (!PyArg_ParseTuple(args, "OOOOOnn", &src_obj, &out_obj, &start_obj, &count_obj, &weights_obj, &first, &stop))
        return NULL;
    pass_buffers b;
    memset(&b, 0, sizeof b);
    if (PyObject_GetBuffer(src_obj, &b.src, PyBUF_C_CONTIGUOUS | PyBUF_FORMAT | PyBUF_ND) < 0) goto fail;
    if (PyObject_GetBuffer(out_obj, &b.out, PyBUF_C_CONTIGUOUS | PyBUF_FORMAT | PyBUF_ND | PyBUF_WRITABLE) < 0)
        goto fail;
    if (PyObject_GetBuffer(start_obj, &b.start, PyBUF_C_CONTIGUOUS | PyBUF_FORMAT | PyBUF_ND) < 0) goto fail;
    if (PyObject_GetBuffer(count_obj, &b.count, PyBUF_C_CONTIGUOUS | PyBUF_FORMAT | PyBUF_ND) < 0) goto fail;
    if (PyObject_GetBuffer(weights_obj, &b.weights, PyBUF_C_CONTIGUOUS | PyBUF_FORMAT | PyBUF_ND) < 0) goto fail;

    char type = pixel_arrays(&b.src, &b.out);
    if (!type) goto fail;
    Py_ssize_t in_h = b.src.shape[0], in_w = b.src.shape[1], bands = b.src.shape[2];
    Py_ssize_t out_h = b.out.shape[0], out_w = b.out.shape[1];
    Py_ssize_t outputs = vertical ? out_h : out_w, inputs = vertical ? in_h : in_w;
    if ((vertical ? in_w != out_w : in_h != out_h) || first < 0 || stop > out_h || first > stop) {
        PyErr_SetString(PyExc_ValueError, "resample pass: inconsistent sizes");
        goto fail;
    }
    if (!check_taps(&b.start, &b.count, &b.weights, outputs, inputs, type == 'B' ? 4 : 8)) goto fail;
    Py_ssize_t width = b.weights.shape[1];
    const int32_t *start = b.start.buf, *count = b.count.buf;

    /* the scratch memory: the AVX2 pass's, or the portable horizontal pass's strips (transposed
     * input, then transposed output, see HORIZONTAL); the portable vertical pass needs none */
    int loops = PORTABLE_LOOPS;
    size_t need = 0, item = type == 'B' ? 1 : 4, got;
#if HAVE_AVX2_PASSES
    if (type == 'B') loops = u8_pass_loops(in_w * bands, bands, b.weights.buf, outputs * width, vertical);
    if (loops != PORTABLE_LOOPS) need = u8_pass_simd_bytes(in_w * bands, count, out_w, (int)width, vertical);
#endif
    if (loops == PORTABLE_LOOPS && !vertical) need = ARENA_BYTES(STRIPS_BYTES(in_w, out_w, bands, item));
    char *block = scratch_take(need, &got);
    if (!block) {
        release(&b);
        return PyErr_NoMemory();
    }
    arena memory = {block, 0, got};
    int status = 0;
    Py_BEGIN_ALLOW_THREADS
#if HAVE_AVX2_PASSES
    if (loops != PORTABLE_LOOPS)
        status = u8_pass_simd(loops, b.src.buf, b.out.buf, in_h, in_w, out_w, bands, start, count, b.weights.buf,
                              (int)width, first, stop, vertical, &memory);
    else
#endif
    if (vertical) {
        Py_ssize_t row_length = in_w * bands;
        if (type == 'B')
            vertical_u8(b.src.buf, b.out.buf, row_length, start, count, b.weights.buf, (int)width, first, stop, 0);
        else if (type == 'f')
            vertical_f32(b.src.buf, b.out.buf, row_length, start, count, b.weights.buf, (int)width, first, stop);
        else
            vertical_i32(b.src.buf, b.out.buf, row_length, start, count, b.weights.buf, (int)width, first, stop);
    } else {
        char *strip = arena_take(&memory, STRIPS_BYTES(in_w, out_w, bands, item));
        char *ostrip = strip ? strip + STRIPS_BYTES(in_w, 0, bands, item) : NULL;
        if (!strip)
            status = -1;
        else if (type == 'B')
            horizontal_u8(b.src.buf, b.out.buf, in_w, out_w, bands, start, count, b.weights.buf, (int)width,
                          first, stop, (uint8_t *)strip, (uint8_t *)ostrip);
        else if (type == 'f')
            horizontal_f32(b.src.buf, b.out.buf, in_w, out_w, bands, start, count, b.weights.buf, (int)width,
                           first, stop, (float *)strip, (float *)ostrip);
        else
            horizontal_i32(b.src.buf, b.out.buf, in_w, out_w, bands, start, count, b.weights.buf, (int)width,
                           first, stop, (int32_t *)strip, (int32_t *)ostrip);
    }
    Py_END_ALLOW_THREADS
    scratch_give(block, got);
    release(&b);
    if (status < 0) {
        PyErr_SetString(PyExc_SystemError, "resample pass: scratch memory sized too small");
        return NULL;
    }
    Py_RETURN_NONE;
fail:
    release(&b);
    return NULL;
}

/* ---- both uint8 passes, fused ----------------------------------------------------------------
 * The horizontal pass's rows go to a buffer of about FUSED_BUDGET bytes instead of a whole
 * intermediate image, and the vertical pass reads them while they are in cache. Output rows are
 * computed in chunks; the buffer holds the intermediate rows [low, high) the chunk reads, those
 * of the previous chunk that it still needs moved to the front. Every intermediate row is the
 * horizontal pass's, every output row the vertical pass's over them: the same bits. */
#define FUSED_BUDGET (256 * 1024)

typedef struct {
    const int32_t *start, *count, *weights;
    int width;
} taps;

/* Output rows [first, stop) per chunk: as many as the budget holds, at least one. */
static Py_ssize_t chunk_rows(const taps *v, Py_ssize_t row_bytes, Py_ssize_t first, Py_ssize_t stop)
{
    Py_ssize_t widest = 1;
    for (Py_ssize_t y = first; y < stop; y++) widest = v->count[y] > widest ? v->count[y] : widest;
    double step = stop - first > 1 ? (double)(v->start[stop - 1] - v->start[first]) / (double)(stop - first - 1) : 1.0;
    double held = (double)FUSED_BUDGET / (double)(row_bytes > 0 ? row_bytes : 1); /* rows the budget holds */
    double rows = (held - (double)widest) / (step > 1.0 ? step : 1.0);
    return rows < 1.0 ? 1 : (rows > (double)(stop - first) ? stop - first : (Py_ssize_t)rows);
}

/* The intermediate rows the output rows [y0, y1) read. */
static void rows_read(const taps *v, Py_ssize_t y0, Py_ssize_t y1, Py_ssize_t *low, Py_ssize_t *high)
{
    *low = v->start[y0];
    *high = 0;
    for (Py_ssize_t y = y0; y < y1; y++) {
        Py_ssize_t end = (Py_ssize_t)v->start[y] + v->count[y];
        *low = v->start[y] < *low ? v->start[y] : *low;
        *high = end > *high ? end : *high;
    }
    if (*high < *low) *high = *low;
}

/* Intermediate rows the buffer must hold for output rows [first, stop). */
static Py_ssize_t buffer_rows(const taps *v, Py_ssize_t chunk, Py_ssize_t first, Py_ssize_t stop)
{
    Py_ssize_t capacity = 1, low, high;
    for (Py_ssize_t y0 = first; y0 < stop; y0 += chunk) {
        rows_read(v, y0, y0 + chunk < stop ? y0 + chunk : stop, &low, &high);
        capacity = high - low > capacity ? high - low : capacity;
    }
    return capacity;
}

typedef struct {
    Py_ssize_t in_h, in_w, out_h, out_w, bands, chunk, capacity;
    int loops_h, loops_v; /* each pass's loops (PORTABLE_LOOPS, ...) */
} resize_shape;

/* The scratch memory resize_u8 needs. */
static size_t resize_bytes(const resize_shape *s, const taps *h, const taps *v)
{
    size_t bytes = ARENA_BYTES((size_t)s->capacity * s->out_w * s->bands);
#if HAVE_AVX2_PASSES
    if (s->loops_h) bytes += plan_bytes(h->count, s->in_w * s->bands, s->out_w);
    if (s->loops_v) bytes += ARENA_BYTES(PAIRS_BYTES(v->width));
#endif
    if (!s->loops_h) bytes += ARENA_BYTES(STRIPS_BYTES(s->in_w, s->out_w, s->bands, 1));
    return bytes;
}

/* Returns 0, or -1 when the scratch memory was short. Called without the GIL. */
static int resize_u8(const uint8_t *src, uint8_t *out, const resize_shape *s, const taps *h, const taps *v,
                     Py_ssize_t first, Py_ssize_t stop, arena *memory)
{
    Py_ssize_t in_row = s->in_w * s->bands, row_bytes = s->out_w * s->bands, bands = s->bands;
    Py_ssize_t in_w = s->in_w, out_w = s->out_w, low, high;
    uint8_t *buffer = arena_take(memory, (size_t)s->capacity * row_bytes), *strip = NULL;
    if (!buffer) return -1;
#if HAVE_AVX2_PASSES
    horizontal_plan plan;
    __m256i *pairs = NULL;
    if (s->loops_h && !plan_horizontal(&plan, memory, src, s->in_h, in_w, out_w, (int)bands, h->start, h->count,
                                       h->weights, h->width))
        return -1;
    if (s->loops_v && !(pairs = arena_take(memory, PAIRS_BYTES(v->width)))) return -1;
#endif
    if (!s->loops_h && !(strip = arena_take(memory, STRIPS_BYTES(in_w, out_w, bands, 1)))) return -1;
    Py_ssize_t held_low = 0, held_high = 0; /* the intermediate rows in the buffer */
    for (Py_ssize_t y0 = first; y0 < stop; y0 += s->chunk) {
        Py_ssize_t y1 = y0 + s->chunk < stop ? y0 + s->chunk : stop;
        rows_read(v, y0, y1, &low, &high);
        if (low < held_low || low >= held_high) { /* nothing to keep */
            held_low = held_high = low;
        } else if (low > held_low) {
            memmove(buffer, buffer + (low - held_low) * row_bytes, (held_high - low) * row_bytes);
            held_low = low;
        }
        if (high > held_high) { /* the horizontal pass on input rows [held_high, high) */
            const uint8_t *rows = src + held_high * in_row;
            uint8_t *into = buffer + (held_high - held_low) * row_bytes;
            Py_ssize_t n = high - held_high;
#if HAVE_AVX2_PASSES
            if (s->loops_h)
                SIMD_CALL(s->loops_h, horizontal_u8, rows, into, s->in_h - held_high, &plan, out_w, 0, n);
            else
#endif
                horizontal_u8(rows, into, in_w, out_w, bands, h->start, h->count, h->weights, h->width, 0, n, strip,
                              strip + STRIPS_BYTES(in_w, 0, bands, 1));
            held_high = high;
        }
#if HAVE_AVX2_PASSES
        if (s->loops_v)
            SIMD_CALL(s->loops_v, vertical_u8, buffer, out, row_bytes, v->start, v->count, v->weights, v->width, y0, y1,
                      held_low, pairs);
        else
#endif
            vertical_u8(buffer, out, row_bytes, v->start, v->count, v->weights, v->width, y0, y1, held_low);
    }
    return 0;
}

/* resize(src, out, h_start, h_count, h_weights, v_start, v_count, v_weights, first, stop): uint8
 * (H, W, bands) -> (h, w, bands), output rows [first, stop), both passes fused. */
static PyObject *resize(PyObject *self, PyObject *args)
{
    PyObject *objects[8];
    Py_ssize_t first, stop;
    if (!PyArg_ParseTuple(args, "OOOOOOOOnn", &objects[0], &objects[1], &objects[2], &objects[3], &objects[4],
                          &objects[5], &objects[6], &objects[7], &first, &stop))
        return NULL;
    Py_buffer buffers[8];
    int held = 0;
    PyObject *result = NULL;
    memset(buffers, 0, sizeof buffers);
    for (; held < 8; held++) {
        int flags = PyBUF_C_CONTIGUOUS | PyBUF_FORMAT | PyBUF_ND | (held == 1 ? PyBUF_WRITABLE : 0);
        if (PyObject_GetBuffer(objects[held], &buffers[held], flags) < 0) goto done;
    }
    Py_buffer *src = &buffers[0], *out = &buffers[1];
    char type = pixel_arrays(src, out);
    if (!type) goto done;
    if (type != 'B' || src->shape[0] < 1 || src->shape[1] < 1 || first < 0 || stop > out->shape[0] || first > stop) {
        PyErr_SetString(PyExc_TypeError, "resize: unexpected array types or shapes");
        goto done;
    }
    if (!check_taps(&buffers[2], &buffers[3], &buffers[4], out->shape[1], src->shape[1], 4)
            || !check_taps(&buffers[5], &buffers[6], &buffers[7], out->shape[0], src->shape[0], 4))
        goto done;
    taps h = {buffers[2].buf, buffers[3].buf, buffers[4].buf, (int)buffers[4].shape[1]};
    taps v = {buffers[5].buf, buffers[6].buf, buffers[7].buf, (int)buffers[7].shape[1]};
    resize_shape shape = {src->shape[0], src->shape[1], out->shape[0], out->shape[1], src->shape[2], 1, 1, 0, 0};
#if HAVE_AVX2_PASSES
    shape.loops_h = u8_pass_loops(shape.in_w * shape.bands, shape.bands, h.weights, shape.out_w * h.width, 0);
    shape.loops_v = u8_pass_loops(shape.out_w * shape.bands, shape.bands, v.weights, shape.out_h * v.width, 1);
#endif
    int status = 0;
    if (stop > first) {
        shape.chunk = chunk_rows(&v, shape.out_w * shape.bands, first, stop);
        shape.capacity = buffer_rows(&v, shape.chunk, first, stop);
        size_t got;
        char *block = scratch_take(resize_bytes(&shape, &h, &v), &got);
        if (!block) {
            PyErr_NoMemory();
            goto done;
        }
        arena memory = {block, 0, got};
        Py_BEGIN_ALLOW_THREADS
        status = resize_u8(src->buf, out->buf, &shape, &h, &v, first, stop, &memory);
        Py_END_ALLOW_THREADS
        scratch_give(block, got);
    }
    if (status < 0) {
        PyErr_SetString(PyExc_SystemError, "resize: scratch memory sized too small");
        goto done;
    }
    Py_INCREF(Py_None);
    result = Py_None;
done:
    for (int i = 0; i < held; i++) PyBuffer_Release(&buffers[i]);
    return result;
}

static PyObject *horizontal(PyObject *self, PyObject *args) { return run_pass(args, 0); }
static PyObject *vertical(PyObject *self, PyObject *args) { return run_pass(args, 1); }

static PyObject *gather(PyObject *self, PyObject *args)
{
    PyObject *src_obj, *out_obj, *rows_obj, *columns_obj;
    Py_ssize_t first, stop;
    if (!PyArg_ParseTuple(args, "OOOOnn", &src_obj, &out_obj, &rows_obj, &columns_obj, &first, &stop))
        return NULL;
    Py_buffer src = {0}, out = {0}, rows = {0}, columns = {0};
    PyObject *result = NULL;
    if (PyObject_GetBuffer(src_obj, &src, PyBUF_C_CONTIGUOUS | PyBUF_ND) < 0) goto done;
    if (PyObject_GetBuffer(out_obj, &out, PyBUF_C_CONTIGUOUS | PyBUF_ND | PyBUF_WRITABLE) < 0) goto done;
    if (PyObject_GetBuffer(rows_obj, &rows, PyBUF_C_CONTIGUOUS | PyBUF_ND) < 0) goto done;
    if (PyObject_GetBuffer(columns_obj, &columns, PyBUF_C_CONTIGUOUS | PyBUF_ND) < 0) goto done;
    if (src.ndim < 2 || out.ndim != src.ndim || src.itemsize != out.itemsize || rows.itemsize != 8
            || columns.itemsize != 8 || rows.shape[0] != out.shape[0] || columns.shape[0] != out.shape[1]
            || first < 0 || stop > out.shape[0] || first > stop) {
        PyErr_SetString(PyExc_ValueError, "gather: inconsistent arrays");
        goto done;
    }
    Py_ssize_t pixel = src.itemsize;
    for (int d = 2; d < src.ndim; d++) {
        if (src.shape[d] != out.shape[d]) {
            PyErr_SetString(PyExc_ValueError, "gather: inconsistent arrays");
            goto done;
        }
        pixel *= src.shape[d];
    }
    const int64_t *r = rows.buf, *c = columns.buf;
    for (Py_ssize_t i = 0; i < rows.shape[0]; i++)
        if (r[i] < 0 || r[i] >= src.shape[0]) { PyErr_SetString(PyExc_ValueError, "gather: row out of range"); goto done; }
    for (Py_ssize_t i = 0; i < columns.shape[0]; i++)
        if (c[i] < 0 || c[i] >= src.shape[1]) { PyErr_SetString(PyExc_ValueError, "gather: column out of range"); goto done; }
    Py_ssize_t in_w = src.shape[1], out_w = out.shape[1];
#if HAVE_SHUFFLE_GATHER
    if (pixel <= 4 && in_w * pixel <= INT32_MAX && shuffles_available()) {
        shuffle_group *groups = plan_shuffles(c, in_w * pixel, out_w * pixel, pixel);
        if (groups) {
            Py_BEGIN_ALLOW_THREADS
            shuffle_rows(src.buf, out.buf, in_w * pixel, out_w * pixel, r, c, pixel, groups, first, stop);
            Py_END_ALLOW_THREADS
            free(groups);
            Py_INCREF(Py_None);
            result = Py_None;
            goto done;
        }
    }
#endif
    Py_BEGIN_ALLOW_THREADS
    switch (pixel) {
    case 1: gather_1(src.buf, out.buf, in_w, out_w, r, c, first, stop); break;
    case 2: gather_2(src.buf, out.buf, in_w, out_w, r, c, first, stop); break;
    case 3: gather_3(src.buf, out.buf, in_w, out_w, r, c, first, stop); break;
    case 4: gather_4(src.buf, out.buf, in_w, out_w, r, c, first, stop); break;
    case 8: gather_8(src.buf, out.buf, in_w, out_w, r, c, first, stop); break;
    default: gather_any(src.buf, out.buf, in_w, out_w, pixel, r, c, first, stop);
    }
    Py_END_ALLOW_THREADS
    Py_INCREF(Py_None);
    result = Py_None;
done:
    PyBuffer_Release(&src);
    PyBuffer_Release(&out);
    PyBuffer_Release(&rows);
    PyBuffer_Release(&columns);
    return result;
}

/* ---- the Lanczos weight function ------------------------------------------------------------
 * sinc(x) * sinc(x / 3) on [-3, 3), 0 elsewhere, with sinc(x) = sin(pi x) / (pi x) and the C
 * library's sin, as Pillow computes it (and _resample._lanczos with math.sin, which calls the
 * same function; numpy's own sin may differ in the last bit). Here because a Python loop over
 * every tap of a large resize took milliseconds. lanczos(x, out): float64 arrays of one size. */
#define PI 3.14159265358979323846

static double sinc(double x)
{
    if (x == 0.0) return 1.0;
    x = x * PI;
    return sin(x) / x;
}

static PyObject *lanczos(PyObject *self, PyObject *args)
{
    PyObject *x_obj, *out_obj;
    if (!PyArg_ParseTuple(args, "OO", &x_obj, &out_obj)) return NULL;
    Py_buffer x = {0}, out = {0};
    PyObject *result = NULL;
    if (PyObject_GetBuffer(x_obj, &x, PyBUF_C_CONTIGUOUS | PyBUF_FORMAT) < 0) goto done;
    if (PyObject_GetBuffer(out_obj, &out, PyBUF_C_CONTIGUOUS | PyBUF_FORMAT | PyBUF_WRITABLE) < 0) goto done;
    if (x.itemsize != 8 || out.itemsize != 8 || x.len != out.len || strcmp(x.format, "d") != 0
            || strcmp(out.format, "d") != 0) {
        PyErr_SetString(PyExc_TypeError, "lanczos: two float64 arrays of one size");
        goto done;
    }
    const double *in = x.buf;
    double *target = out.buf;
    for (Py_ssize_t i = 0; i < x.len / 8; i++)
        target[i] = -3.0 <= in[i] && in[i] < 3.0 ? sinc(in[i]) * sinc(in[i] / 3.0) : 0.0;
    Py_INCREF(Py_None);
    result = Py_None;
done:
    PyBuffer_Release(&x);
    PyBuffer_Release(&out);
    return result;
}

/* Which loops run: the uint8 passes' (portable, avx2 or avx512vnni: chosen_loops) and, for the
 * other passes, the VECTOR_CLONES version the loader picked (gcc's ifunc: the same test its
 * resolvers make). */
static PyObject *instruction_set(PyObject *self, PyObject *unused)
{
    const char *passes = LOOP_NAMES[chosen_loops()];
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__linux__)
    __builtin_cpu_init();
    const char *others = __builtin_cpu_supports("avx2") ? "avx2" : "x86-64 baseline";
#else
    const char *others = "baseline";
#endif
    return PyUnicode_FromFormat("uint8 passes: %s; others: %s", passes, others);
}

/* The loops this CPU can run, slowest first (for the tests and benchmarks). */
static PyObject *available_loops(PyObject *self, PyObject *unused)
{
    int best = best_loops();
    PyObject *names = PyList_New(0);
    for (int i = 0; names && i <= best; i++) {
        PyObject *name = PyUnicode_FromString(LOOP_NAMES[i]);
        if (!name || PyList_Append(names, name) < 0) {
            Py_XDECREF(name);
            Py_CLEAR(names);
            break;
        }
        Py_DECREF(name);
    }
    return names;
}

/* use_loops(name or None): the uint8 passes run these loops (one of available_loops()), or the
 * best again (None). Returns the previous choice (None: the best). For the tests and benchmarks. */
static PyObject *use_loops(PyObject *self, PyObject *arg)
{
    int choice = -1;
    if (arg != Py_None) {
        for (int i = 0; i <= best_loops(); i++) {
            PyObject *name = PyUnicode_FromString(LOOP_NAMES[i]);
            int same = name ? PyObject_RichCompareBool(arg, name, Py_EQ) : -1;
            Py_XDECREF(name);
            if (same < 0) return NULL;
            if (same) choice = i;
        }
        if (choice < 0) {
            PyErr_Format(PyExc_ValueError, "use_loops: %R is not one of this CPU's loops (available_loops())", arg);
            return NULL;
        }
    }
    int previous = forced_loops;
    forced_loops = choice;
    if (previous < 0) Py_RETURN_NONE;
    return PyUnicode_FromString(LOOP_NAMES[previous]);
}

/* ---- reference 2018: RGB -> P with Floyd-Steinberg dithering, as Pillow 5.3 did ----------------
 * (not resampling, but the same kind of owned Pillow step; _stack_2018.py has the Python version).
 * Each pixel: its value plus the carried error / 16 (C division), clipped; the palette entry of
 * its 4x4x4 cell (cells[]); the error goes 7/16 right, 3/16 below-left, 5/16 below, 1/16
 * below-right. Learned from Pillow's output: at the right edge the error Pillow carries into the
 * next row's last pixel is blue's for all three channels (5e+e' for red, e for green and blue). */
static PyObject *dither(PyObject *self, PyObject *args)
{
    PyObject *src_obj, *cells_obj, *palette_obj, *out_obj;
    if (!PyArg_ParseTuple(args, "OOOO", &src_obj, &cells_obj, &palette_obj, &out_obj))
        return NULL;
    Py_buffer src = {0}, cells = {0}, palette = {0}, out = {0};
    PyObject *result = NULL;
    int *slots = NULL;
    if (PyObject_GetBuffer(src_obj, &src, PyBUF_C_CONTIGUOUS | PyBUF_ND) < 0) goto done;
    if (PyObject_GetBuffer(cells_obj, &cells, PyBUF_C_CONTIGUOUS) < 0) goto done;
    if (PyObject_GetBuffer(palette_obj, &palette, PyBUF_C_CONTIGUOUS) < 0) goto done;
    if (PyObject_GetBuffer(out_obj, &out, PyBUF_C_CONTIGUOUS | PyBUF_ND | PyBUF_WRITABLE) < 0) goto done;
    if (src.ndim != 3 || src.shape[2] != 3 || src.itemsize != 1 || out.ndim != 2 || out.itemsize != 1 ||
            out.shape[0] != src.shape[0] || out.shape[1] != src.shape[1] || cells.len != 262144 ||
            palette.len < 768) {
        PyErr_SetString(PyExc_ValueError, "dither: inconsistent arrays");
        goto done;
    }
    Py_ssize_t h = src.shape[0], w = src.shape[1];
    slots = calloc((size_t)(w + 1) * 3, sizeof(int));
    if (!slots) { PyErr_NoMemory(); goto done; }
    const uint8_t *in = src.buf, *cell = cells.buf, *pal = palette.buf;
    uint8_t *target = out.buf;
    Py_BEGIN_ALLOW_THREADS
    for (Py_ssize_t y = 0; y < h; y++) {
        int carry[3] = {0, 0, 0}, near[3] = {0, 0, 0}, last[3] = {0, 0, 0};
        for (Py_ssize_t x = 0; x < w; x++) {
            const uint8_t *pixel = in + (y * w + x) * 3;
            int v[3];
            for (int c = 0; c < 3; c++) {
                int value = pixel[c] + (carry[c] + slots[(x + 1) * 3 + c]) / 16;
                v[c] = value < 0 ? 0 : (value > 255 ? 255 : value);
            }
            int index = cell[(v[0] >> 2) * 4096 + (v[1] >> 2) * 64 + (v[2] >> 2)];
            target[y * w + x] = (uint8_t)index;
            for (int c = 0; c < 3; c++) {
                int error = v[c] - pal[index * 3 + c];
                slots[x * 3 + c] = 3 * error + near[c];
                near[c] = 5 * error + last[c];
                last[c] = error;
                carry[c] = 7 * error;
            }
        }
        slots[w * 3 + 0] = near[2];
        slots[w * 3 + 1] = last[2];
        slots[w * 3 + 2] = last[2];
    }
    Py_END_ALLOW_THREADS
    Py_INCREF(Py_None);
    result = Py_None;
done:
    free(slots);
    PyBuffer_Release(&src);
    PyBuffer_Release(&cells);
    PyBuffer_Release(&palette);
    PyBuffer_Release(&out);
    return result;
}

static PyMethodDef methods[] = {
    {"dither", dither, METH_VARARGS, "dither(rgb, cells, palette, out): Pillow 5.3's RGB -> P (reference 2018)"},
    {"instruction_set", instruction_set, METH_NOARGS, "instruction_set(): the vector loops in use"},
    {"available_loops", available_loops, METH_NOARGS, "available_loops(): the uint8 passes' loops this CPU runs"},
    {"use_loops", use_loops, METH_O,
     "use_loops(name or None): run these uint8 loops (None: the best); returns the previous choice"},
    {"lanczos", lanczos, METH_VARARGS, "lanczos(x, out): Pillow's Lanczos-3 weights of float64 x into out"},
    {"resize", resize, METH_VARARGS,
     "resize(src, out, h_start, h_count, h_weights, v_start, v_count, v_weights, first, stop): both uint8 passes"},
    {"horizontal", horizontal, METH_VARARGS, "horizontal(src, out, start, count, weights, first, stop)"},
    {"vertical", vertical, METH_VARARGS, "vertical(src, out, start, count, weights, first, stop)"},
    {"gather", gather, METH_VARARGS, "gather(src, out, rows, columns, first, stop): NEAREST rows first:stop"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_resample_kernels",
                                    "Pillow 9.3.0's resize passes (see _resample.py).", -1, methods};

PyMODINIT_FUNC PyInit__resample_kernels(void) { return PyModule_Create(&module); }
