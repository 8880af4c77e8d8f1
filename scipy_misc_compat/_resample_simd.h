/* The uint8 passes with 16-bit multiply-adds, for one x86-64 instruction set.
 *
 * Included by _resample_kernels.c once per instruction set, with these macros defined:
 *   SIMD_TARGET           the gcc/clang target string ("avx2", "avx2,avx512vnni,avx512vl")
 *   SIMD(name)            the name suffixed for that set (vertical_u8_avx2, ...)
 *   MULTIPLY_ADD(s, a, b) s + the pairwise products of a and b (VPMADDWD then VPADDD with AVX2;
 *                         one VPDPWSSD with AVX-512 VNNI: the same integers)
 * _resample_kernels.c describes the arithmetic (split weights) and the plan the horizontal pass
 * reads; every set computes the same bits. No include guard: it is meant to be included twice. */

#define SIMD_FUNCTION __attribute__((target(SIMD_TARGET)))
#define SIMD_INLINE __attribute__((target(SIMD_TARGET), always_inline)) static inline

/* The shifted sums: ((high << SPLIT) + low + HALF) >> PRECISION_BITS, where (high << SPLIT) + low is
 * the 32-bit sum of pixel * weight. */
SIMD_INLINE __m256i SIMD(finish)(__m256i high, __m256i low)
{
    __m256i sum = _mm256_add_epi32(_mm256_slli_epi32(high, SPLIT), low);
    return _mm256_srai_epi32(_mm256_add_epi32(sum, _mm256_set1_epi32(HALF)), PRECISION_BITS);
}

/* Vertical: each output row is the weighted sum of `count` input rows. 32 bytes of a row at a
 * time, two taps per multiply-add: the two rows' bytes interleaved and widened to 16 bits. */
SIMD_FUNCTION static void SIMD(vertical_u8)(const uint8_t *src, uint8_t *out, Py_ssize_t row_length,
                                            const int32_t *start, const int32_t *count, const int32_t *weights,
                                            int width, Py_ssize_t first, Py_ssize_t stop, Py_ssize_t origin,
                                            __m256i *pairs)
{
    const __m256i zero = _mm256_setzero_si256();
    for (Py_ssize_t y = first; y < stop; y++) {
        const int32_t *k = weights + y * width;
        int taps = count[y], n_pairs = (taps + 1) / 2;
        for (int p = 0; p < n_pairs; p++) { /* an odd last tap pairs with a zero weight on the same row */
            pairs[2 * p] = _mm256_set1_epi32(tap_pair(k, taps, 2 * p, 1));
            pairs[2 * p + 1] = _mm256_set1_epi32(tap_pair(k, taps, 2 * p, 0));
        }
        const uint8_t *rows = src + ((Py_ssize_t)start[y] - origin) * row_length;
        uint8_t *target = out + y * row_length;
        for (Py_ssize_t begin = 0; begin < row_length; begin += 32) {
            /* the last block ends at the row's end, overlapping the one before (same bytes again) */
            Py_ssize_t at = begin + 32 <= row_length ? begin : row_length - 32;
            __m256i high[4] = {zero, zero, zero, zero}, low[4] = {zero, zero, zero, zero}, w[4];
            for (int p = 0; p < n_pairs; p++) {
                const uint8_t *a = rows + (Py_ssize_t)(2 * p) * row_length + at;
                const uint8_t *b = 2 * p + 1 < taps ? a + row_length : a;
                __m256i va = _mm256_loadu_si256((const __m256i *)a), vb = _mm256_loadu_si256((const __m256i *)b);
                __m256i lo = _mm256_unpacklo_epi8(va, vb), hi = _mm256_unpackhi_epi8(va, vb);
                w[0] = _mm256_unpacklo_epi8(lo, zero), w[1] = _mm256_unpackhi_epi8(lo, zero);
                w[2] = _mm256_unpacklo_epi8(hi, zero), w[3] = _mm256_unpackhi_epi8(hi, zero);
                for (int i = 0; i < 4; i++) {
                    high[i] = MULTIPLY_ADD(high[i], w[i], pairs[2 * p]);
                    low[i] = MULTIPLY_ADD(low[i], w[i], pairs[2 * p + 1]);
                }
            }
            /* lanes hold bytes 0-3|16-19, 4-7|20-23, 8-11|24-27, 12-15|28-31; the packs restore the order */
            __m256i bytes = _mm256_packus_epi16(
                _mm256_packs_epi32(SIMD(finish)(high[0], low[0]), SIMD(finish)(high[1], low[1])),
                _mm256_packs_epi32(SIMD(finish)(high[2], low[2]), SIMD(finish)(high[3], low[3])));
            _mm256_storeu_si256((__m256i *)(target + at), bytes);
        }
    }
}

/* 16 bytes of a row from pixel x's first tap in the low half, from x + 1's in the high half, widened
 * to 16-bit pairs per band: taps 0 and 1 returned, taps 2 and 3 in *taps23 (see horizontal_plan). */
SIMD_INLINE __m256i SIMD(widen_pair)(const uint8_t *row, Py_ssize_t first, Py_ssize_t second, __m256i *taps23,
                                     __m256i shuffle01, __m256i shuffle23)
{
    __m128i low = _mm_loadu_si128((const __m128i *)(row + first));
    __m256i window = _mm256_inserti128_si256(_mm256_castsi128_si256(low),
                                             _mm_loadu_si128((const __m128i *)(row + second)), 1);
    *taps23 = _mm256_shuffle_epi8(window, shuffle23);
    return _mm256_shuffle_epi8(window, shuffle01);
}

/* Pixels x and x + 1 of four rows: result[r] = [x's bands | x + 1's] of row r, int32 after the
 * shift. Row r's taps start at row[r] + first (pixel x) and row[r] + second (x + 1); k: the pair's
 * weights, four vectors per group of four taps. Inlined where `bands` is a constant. */
SIMD_INLINE void SIMD(pixel_pair)(const uint8_t *const row[4], Py_ssize_t first, Py_ssize_t second, const __m256i *k,
                                  Py_ssize_t groups, __m256i shuffle01, __m256i shuffle23, int bands,
                                  __m256i result[4])
{
    __m256i high[4], low[4];
    for (int r = 0; r < 4; r++) high[r] = low[r] = _mm256_setzero_si256(); /* no taps: the sum is HALF, its shift 0 */
    for (Py_ssize_t g = 0; g < groups; g++, k += 4, first += 4 * bands, second += 4 * bands) {
        for (int r = 0; r < 4; r++) {
            __m256i t23, t01 = SIMD(widen_pair)(row[r], first, second, &t23, shuffle01, shuffle23);
            high[r] = MULTIPLY_ADD(MULTIPLY_ADD(high[r], t01, k[0]), t23, k[2]);
            low[r] = MULTIPLY_ADD(MULTIPLY_ADD(low[r], t01, k[1]), t23, k[3]);
        }
    }
    for (int r = 0; r < 4; r++) result[r] = SIMD(finish)(high[r], low[r]);
}

/* The first n (<= 4) pixels of `four` (4 bytes each) to target as `bands` bytes each; `room`: bytes
 * from target to its row's end. A 3-band 16-byte store writes 4 bytes of the next pixels, which the
 * next four then write. */
SIMD_INLINE void SIMD(store_pixels)(uint8_t *target, __m128i four, Py_ssize_t n, Py_ssize_t room,
                                    __m128i narrow, int bands)
{
    if (bands == 3) four = _mm_shuffle_epi8(four, narrow);
    if (room >= 16) {
        _mm_storeu_si128((__m128i *)target, four);
        return;
    }
    uint8_t bytes[16];
    _mm_storeu_si128((__m128i *)bytes, four);
    memcpy(target, bytes, n * bands);
}

/* Rows [first, stop), four at a time (a short last group repeats its last row, stored once), four
 * output pixels (two pairs) at a time. A 16-byte load may pass a row's end into the next row (those
 * pixels have weight zero); the image's last row is read from the plan's padded copy. */
SIMD_INLINE void SIMD(horizontal_rows)(const uint8_t *src, uint8_t *out, Py_ssize_t in_height,
                                       const horizontal_plan *plan, Py_ssize_t out_width, Py_ssize_t first,
                                       Py_ssize_t stop, int bands)
{
    const __m256i taps01 = plan->taps01, taps23 = plan->taps23, *weights = plan->weights;
    const __m256i order = _mm256_setr_epi32(0, 4, 1, 5, 2, 6, 3, 7);
    const __m128i narrow = plan->narrow;
    const Py_ssize_t *group = plan->group, in_row = plan->in_row, out_row = plan->out_row;
    const int32_t *offsets = plan->offsets;
    const uint8_t *padded = plan->padded;
    Py_ssize_t last_pair = (out_width + 1) / 2 - 1;
    for (Py_ssize_t y = first; y < stop; y += 4) {
        Py_ssize_t rows = stop - y < 4 ? stop - y : 4;
        const uint8_t *row[4];
        for (Py_ssize_t r = 0; r < 4; r++) {
            Py_ssize_t at = y + (r < rows ? r : rows - 1);
            row[r] = at == in_height - 1 ? padded : src + at * in_row;
        }
        for (Py_ssize_t x = 0; x < out_width; x += 4) {
            Py_ssize_t n = out_width - x < 4 ? out_width - x : 4;
            Py_ssize_t p = x / 2, q = p + 1 <= last_pair ? p + 1 : last_pair; /* past the end: the last again */
            __m256i at_p[4], at_q[4];
            SIMD(pixel_pair)(row, offsets[2 * p], offsets[2 * p + 1], weights + 4 * group[p],
                             group[p + 1] - group[p], taps01, taps23, bands, at_p);
            SIMD(pixel_pair)(row, offsets[2 * q], offsets[2 * q + 1], weights + 4 * group[q],
                             group[q + 1] - group[q], taps01, taps23, bands, at_q);
            Py_ssize_t room = out_row - x * bands;
            uint8_t *target = out + y * out_row + x * bands;
            for (int r = 0; r < 4; r += 2) {
                /* saturating packs (int32 -> int16 -> 0..255: the clip), then pixels back in order */
                __m256i bytes = _mm256_packus_epi16(_mm256_packs_epi32(at_p[r], at_q[r]),
                                                    _mm256_packs_epi32(at_p[r + 1], at_q[r + 1]));
                bytes = _mm256_permutevar8x32_epi32(bytes, order);
                if (r < rows)
                    SIMD(store_pixels)(target + r * out_row, _mm256_castsi256_si128(bytes), n, room, narrow, bands);
                if (r + 1 < rows)
                    SIMD(store_pixels)(target + (r + 1) * out_row, _mm256_extracti128_si256(bytes, 1), n, room,
                                       narrow, bands);
            }
        }
    }
}

SIMD_FUNCTION static void SIMD(horizontal_u8)(const uint8_t *src, uint8_t *out, Py_ssize_t in_height,
                                              const horizontal_plan *plan, Py_ssize_t out_width, Py_ssize_t first,
                                              Py_ssize_t stop)
{
    if (plan->bands == 3)
        SIMD(horizontal_rows)(src, out, in_height, plan, out_width, first, stop, 3);
    else
        SIMD(horizontal_rows)(src, out, in_height, plan, out_width, first, stop, 4);
}

#undef SIMD_FUNCTION
#undef SIMD_INLINE
