#pragma once
// The operations library: every named operation written once, in freestanding C++ over flat
// buffers (no libc, no allocation: callers pass every output and scratch buffer). kernels.cpp is
// compiled twice: natively into mlkernels (the fallback backend) and with
// clang --target=wasm32 into kernels_simd.wasm / kernels_scalar.wasm (cmake/kernels.cmake).
// In the .wasm modules every pointer is an i32 offset into linear memory and each function is
// exported under its C name. The runtime (src/runtime) marshals values to and from these buffers
// identically for both backends, so both give bit-identical results.
//
// Conventions: counts are int32_t; a negative return value is an error code (below).
#include <stddef.h>
#include <stdint.h>

#if defined(__wasm__)
#define MLK_API extern "C" __attribute__((visibility("default")))
#define MLK_EXPORT(name) __attribute__((export_name(#name)))
#else
#define MLK_API extern "C"
#define MLK_EXPORT(name)
#endif

enum : int32_t {
  MLK_OK = 0,
  MLK_ERR_OVERFLOW = -1,    // result does not fit in 64 bits
  MLK_ERR_CAPACITY = -2,    // an output buffer is too small (caller retries with more)
  MLK_ERR_SINGULAR = -3,    // (unused: a singular matrix has determinant 0)
};

// ---- numeric ----
// F(n), iteratively, exact for 0 <= n <= 92; returns -1 (MLK_ERR_OVERFLOW) above.
MLK_API MLK_EXPORT(mlk_fibonacci) int64_t mlk_fibonacci(int32_t n);
// F(n) by the naive doubly recursive definition (the seed benchmark's workload).
MLK_API MLK_EXPORT(mlk_fibonacci_recursive) int64_t mlk_fibonacci_recursive(int32_t n);
// Prime factors of n (>= 2) in ascending order with multiplicity into out[cap]; returns count.
// n < 2 gives 0 factors.
MLK_API MLK_EXPORT(mlk_prime_factors) int32_t mlk_prime_factors(int64_t n, int64_t* out, int32_t cap);
MLK_API MLK_EXPORT(mlk_gcd) int64_t mlk_gcd(int64_t a, int64_t b);  // >= 0; gcd(0,0) = 0
// lcm(a, b) >= 0; -1 when it does not fit in int64 (or |INT64_MIN| involved).
MLK_API MLK_EXPORT(mlk_lcm) int64_t mlk_lcm(int64_t a, int64_t b);
// n! in base 10^9 limbs (little-endian) into limbs[cap]; returns limb count, or -2 if cap is too
// small. mlk_factorial_limbs_needed(n) is a safe capacity.
MLK_API MLK_EXPORT(mlk_factorial_limbs_needed) int32_t mlk_factorial_limbs_needed(int32_t n);
MLK_API MLK_EXPORT(mlk_factorial) int32_t mlk_factorial(int32_t n, uint32_t* limbs, int32_t cap);

// ---- matrix (row-major doubles) ----
// c[n x m] = a[n x k] * b[k x m]; each element summed over k in ascending order from 0.0, so the
// result is the naive triple loop's bit for bit, however the work is split. The columns of c are
// cut into panels of panel_width columns; each call takes panels in turn from *next_panel
// (an atomic counter, 0 at the start) until none is left, so any number of threads may call
// it at once with the same counter, each with its own scratch of
// mlk_matrix_multiply_scratch_doubles(k, panel_width) doubles. One call with *next_panel = 0
// does it all. c may be b itself (then holding max(n, k) rows of m): a panel of b is packed
// whole into the scratch before that panel of c is written, so the product needs no third matrix.
MLK_API MLK_EXPORT(mlk_matrix_multiply) void mlk_matrix_multiply(const double* a, const double* b, double* c,
                                                                 int32_t n, int32_t k, int32_t m,
                                                                 int32_t panel_width, double* scratch,
                                                                 int32_t* next_panel);
// A good panel width for m columns, k rows of b, on `threads` threads (a multiple of 4).
MLK_API MLK_EXPORT(mlk_matrix_multiply_panel_width) int32_t mlk_matrix_multiply_panel_width(int32_t m, int32_t k,
                                                                                           int32_t threads);
// Scratch doubles per thread (-1: too many for 32 bits).
MLK_API MLK_EXPORT(mlk_matrix_multiply_scratch_doubles) int32_t mlk_matrix_multiply_scratch_doubles(
    int32_t k, int32_t panel_width);
MLK_API MLK_EXPORT(mlk_matrix_transpose) void mlk_matrix_transpose(const double* a, double* out, int32_t rows,
                                                                   int32_t cols);
// Determinant by Gaussian elimination with partial pivoting; `a` (n x n) is overwritten.
MLK_API MLK_EXPORT(mlk_matrix_determinant) double mlk_matrix_determinant(double* a, int32_t n);

// ---- strings (UTF-8 bytes; an invalid byte counts as one unit, code point U+FFFD) ----
// Reverses the code points of s into out (same byte length).
MLK_API MLK_EXPORT(mlk_string_reverse) void mlk_string_reverse(const uint8_t* s, int32_t len, uint8_t* out);
// 1 if s reads the same backwards ignoring ASCII case and every ASCII character that is not a
// letter or digit (non-ASCII code points compare exactly), else 0.
// scratch: len uint32 entries.
MLK_API MLK_EXPORT(mlk_string_is_palindrome) int32_t mlk_string_is_palindrome(const uint8_t* s, int32_t len,
                                                                             uint32_t* scratch);
// Code point frequencies in order of first appearance: out_cp[i], out_count[i]; returns the
// number of distinct code points. table: scratch of mlk_string_table_size(len) int32 entries.
MLK_API MLK_EXPORT(mlk_string_table_size) int32_t mlk_string_table_size(int32_t len);
MLK_API MLK_EXPORT(mlk_string_char_frequency) int32_t mlk_string_char_frequency(const uint8_t* s, int32_t len,
                                                                               int32_t* table, uint32_t* out_cp,
                                                                               int32_t* out_count);
// Longest substring without a repeated code point (the first one if several): returns its
// length in code points; *start_byte / *len_bytes locate it. table as above; positions:
// scratch of 2 * len int32 entries.
MLK_API MLK_EXPORT(mlk_string_longest_unique) int32_t mlk_string_longest_unique(const uint8_t* s, int32_t len,
                                                                               int32_t* table, int32_t* positions,
                                                                               int32_t* start_byte,
                                                                               int32_t* len_bytes);

// ---- crypto ----
MLK_API MLK_EXPORT(mlk_fnv1a64) uint64_t mlk_fnv1a64(const uint8_t* data, int32_t len);
// SHA-256 (FIPS 180-4) of data into out[32].
MLK_API MLK_EXPORT(mlk_sha256) void mlk_sha256(const uint8_t* data, int32_t len, uint8_t* out);
// out[i] = data[i] ^ key[i % key_len] (its own inverse). key_len 0 copies data. out may be data itself.
MLK_API MLK_EXPORT(mlk_xor_cipher) void mlk_xor_cipher(const uint8_t* data, int32_t len, const uint8_t* key,
                                                       int32_t key_len, uint8_t* out);

// ---- data ----
// Stable ascending sort of doubles in place (NaN last); scratch: n doubles.
MLK_API MLK_EXPORT(mlk_data_sort) void mlk_data_sort(double* a, int32_t n, double* scratch);
MLK_API MLK_EXPORT(mlk_data_sum) double mlk_data_sum(const double* a, int32_t n);  // left to right

// ---- search (doubles) ----
// Leftmost index of x in ascending a, or -1.
MLK_API MLK_EXPORT(mlk_binary_search) int32_t mlk_binary_search(const double* a, int32_t n, double x);
MLK_API MLK_EXPORT(mlk_linear_search) int32_t mlk_linear_search(const double* a, int32_t n, double x);

// ---- JSON (RFC 8259) ----
// Tape entries are uint64: tag in the top 8 bits, payload in the low 56.
enum : uint32_t {
  MLK_J_NULL = 'n', MLK_J_TRUE = 't', MLK_J_FALSE = 'f',
  MLK_J_INT = 'l',      // next word: int64 value
  MLK_J_DOUBLE = 'd',   // next word: IEEE-754 bits
  MLK_J_STRING = 's',   // payload: byte offset in the string pool; next word: byte length
  MLK_J_NUMTEXT = 'N',  // (stringify input only) number already formatted: like 's'
  MLK_J_ARRAY = '[',    // payload: tape index of the matching ']' (low 32 bits) and the number
                        // of values inside (bits 32..55, at most 0xffffff: more saturate)
  MLK_J_ARRAY_END = ']',
  MLK_J_OBJECT = '{',   // payload: as '[' (its values are the key/value pairs); inside, key
                        // string then value
  MLK_J_OBJECT_END = '}',
};
// Parses text[len] (unescaping strings in place, so the pool of 's' offsets is text itself).
// Returns the tape length (>= 0); -2 when tape_cap words are not enough; otherwise
// -(3 + byte offset of the first error). Integers that do not fit int64, and numbers with a
// fraction or exponent, are doubles (exact for up to 15 significant digits and |exp10| <= 22,
// otherwise within a few ulps; both backends run this same code).
MLK_API MLK_EXPORT(mlk_json_parse) int32_t mlk_json_parse(uint8_t* text, int32_t len, uint64_t* tape,
                                                          int32_t tape_cap, int32_t max_depth);
// Counts over a tape: out[0..7] = objects, arrays, strings, ints, doubles, bools, nulls, max depth;
// *sum = sum of all numbers (in tape order).
MLK_API MLK_EXPORT(mlk_json_tape_stats) void mlk_json_tape_stats(const uint64_t* tape, int32_t n, int64_t* out,
                                                                 double* sum);
// Writes compact JSON for a tape whose 's'/'N' payloads point into pool; returns bytes written
// or -2 if out_cap is too small.
MLK_API MLK_EXPORT(mlk_json_stringify) int32_t mlk_json_stringify(const uint64_t* tape, int32_t n,
                                                                  const uint8_t* pool, uint8_t* out,
                                                                  int32_t out_cap);

// ---- image (RGB, 8 bits per channel, row-major, 3 bytes per pixel) ----
// Separable box blur of the given radius with clamped edges; each pass rounds to nearest (the
// horizontal pass to 8 bits, then the vertical one over those). Rows are cut into bands of
// `band` rows; each call takes bands in turn from *next_band (an atomic counter, 0 at the start)
// until none is left, so any number of threads may call it at once with the same counter, each
// with its own scratch of mlk_image_box_blur_scratch_bytes(w, radius) bytes (-1: too large).
MLK_API MLK_EXPORT(mlk_image_box_blur) void mlk_image_box_blur(const uint8_t* src, int32_t w, int32_t h,
                                                               int32_t radius, uint8_t* out, int32_t band,
                                                               uint8_t* scratch, int32_t* next_band);
MLK_API MLK_EXPORT(mlk_image_box_blur_scratch_bytes) int32_t mlk_image_box_blur_scratch_bytes(int32_t w,
                                                                                             int32_t radius);
// Separable 5-tap binomial (Gaussian sigma ~1) blur [1 4 6 4 1]/16, clamped edges.
MLK_API MLK_EXPORT(mlk_image_gaussian_blur) void mlk_image_gaussian_blur(const uint8_t* src, int32_t w, int32_t h,
                                                                         uint8_t* tmp, uint8_t* out);

// ---- Monte Carlo ----
// Estimates pi from `samples` points drawn with splitmix64 from `seed`.
MLK_API MLK_EXPORT(mlk_monte_carlo_pi) double mlk_monte_carlo_pi(int64_t samples, int64_t seed);
