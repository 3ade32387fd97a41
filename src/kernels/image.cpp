// Image kernels (RGB, 3 bytes per pixel, row-major). Freestanding like kernels.cpp.
#include "kernels/kernels.h"

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#elif defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace {
inline int32_t clampi(int32_t v, int32_t lo, int32_t hi) { return v < lo ? lo : (v > hi ? hi : v); }

// Rounded division by d, q = (x + d / 2) / d for 0 <= x <= 255 * d, as a multiply and a shift
// in 32 bits (vector lanes have no integer division). The (mul, shift) pair is checked against
// the division for every x in range before use; `exact` is false when none was found (then the
// callers divide).
struct RoundDiv {
  uint32_t d, half, mul = 0, shift = 0;
  bool exact = false;
  explicit RoundDiv(uint32_t dd) : d(dd), half(dd / 2) {
    for (uint32_t s = 16; s <= 31 && !exact; ++s) {
      uint64_t mm = ((uint64_t(1) << s) + d - 1) / d;  // ceil(2^s / d)
      uint64_t ymax = 255ull * d + half;
      if (ymax * mm >= (uint64_t(1) << 32)) break;
      bool ok = true;
      for (uint64_t y = 0; y <= ymax && ok; ++y) ok = ((y * mm) >> s) == y / d;
      if (ok) mul = uint32_t(mm), shift = s, exact = true;
    }
  }
  // The same (mul, shift) also serves sums held in 16-bit lanes when both the largest sum and mul
  // fit in 16 bits (d <= 257, shift >= 16): then q is the high half of a 16x16-bit product,
  // shifted (SIMD does eight of those at once, against four 32-bit ones).
  bool narrow() const { return exact && mul < 65536 && 255u * d + half < 65536 && shift >= 16; }
  uint8_t q16(uint16_t y) const { return uint8_t(uint16_t((uint32_t(y) * mul) >> 16) >> (shift - 16)); }
  // out[i] = q(x[i]): one loop per case, so the multiply-shift one vectorizes.
  void row(const uint32_t* x, uint8_t* out, int32_t n) const {
    if (exact) {
      const uint32_t h = half, mm = mul, s = shift;
      for (int32_t i = 0; i < n; ++i) out[i] = uint8_t(((x[i] + h) * mm) >> s);
    } else {
      for (int32_t i = 0; i < n; ++i) out[i] = uint8_t((x[i] + half) / d);
    }
  }
};

// One row of the horizontal pass: out[i] = rounded mean of the d = 2r + 1 samples of its channel
// around it, edges clamped. Small radii sum the shifted row directly (vectorized over the row's
// bytes); larger ones take differences of a running (prefix) sum per channel, O(1) per sample.
void box_hrow(const uint8_t* row, int32_t w, int32_t r, const RoundDiv& div, uint32_t* sum, uint8_t* out) {
  const int32_t stride = w * 3;
  if (r <= 3 && w > 2 * r) {
    // one pass per tap over the interior, each a straight loop over bytes (vectorized)
    const int32_t lo = 3 * r, hi = stride - 3 * r;
    for (int32_t i = lo; i < hi; ++i) sum[i] = row[i - 3 * r];
    for (int32_t k = -3 * r + 3; k <= 3 * r; k += 3)
      for (int32_t i = lo; i < hi; ++i) sum[i] += row[i + k];
    for (int32_t x = 0; x < w; ++x) {
      if (x == r && w - r > r) x = w - r;  // interior done above
      for (int c = 0; c < 3; ++c) {
        uint32_t s = 0;
        for (int32_t k = -r; k <= r; ++k) s += row[clampi(x + k, 0, w - 1) * 3 + c];
        sum[x * 3 + c] = s;
      }
    }
  } else {
    // prefix[t] (per channel) = sum of the clamped samples at pixels -r .. t - r - 1; kept in
    // `sum` shifted by one window: sum[x] = prefix[x + d] - prefix[x], computed as it goes.
    uint32_t p[3] = {0, 0, 0};
    uint32_t* pre = sum + stride;  // the caller's scratch holds 2 * stride + 6 * r + 3 words
    for (int32_t t = 0; t <= w + 2 * r; ++t) {
      for (int c = 0; c < 3; ++c) pre[t * 3 + c] = p[c];
      if (t < w + 2 * r) {
        const uint8_t* px = row + clampi(t - r, 0, w - 1) * 3;
        p[0] += px[0], p[1] += px[1], p[2] += px[2];
      }
    }
    const int32_t span = (2 * r + 1) * 3;
    for (int32_t i = 0; i < stride; ++i) sum[i] = pre[i + span] - pre[i];
  }
  div.row(sum, out, stride);
}
// Small radii (R <= 3: the usual 3x3 box is R = 1) when every sum fits 16-bit lanes: each output
// byte is made in one pass from its 2R + 1 taps, horizontally from the source row and vertically
// from the horizontal rows, with no 32-bit column sums stored and reloaded. Same arithmetic as
// the general path: each pass sums its taps exactly and rounds with the same division, here the
// high half of a 16x16-bit product, shifted. Written with SIMD128 in WebAssembly and SSE2
// natively (sixteen bytes a step, as two vectors of eight 16-bit sums): left to the
// auto-vectorizer, the sums were widened to 32-bit lanes and the loop ran about 3x slower.
#if defined(__wasm_simd128__)
using V16 = v128_t;
inline V16 v_load(const uint8_t* p) { return wasm_v128_load(p); }
inline void v_store(uint8_t* p, V16 v) { wasm_v128_store(p, v); }
inline V16 v_splat16(uint16_t x) { return wasm_i16x8_splat(int16_t(x)); }
inline V16 v_lo16(V16 v) { return wasm_u16x8_extend_low_u8x16(v); }
inline V16 v_hi16(V16 v) { return wasm_u16x8_extend_high_u8x16(v); }
inline V16 v_add16(V16 a, V16 b) { return wasm_i16x8_add(a, b); }
inline V16 v_mulhi_shr16(V16 a, V16 m, uint32_t sh) {
  V16 lo = wasm_u32x4_extmul_low_u16x8(a, m), hi = wasm_u32x4_extmul_high_u16x8(a, m);
  return wasm_u16x8_shr(wasm_i16x8_shuffle(lo, hi, 1, 3, 5, 7, 9, 11, 13, 15), sh);
}
inline V16 v_pack8(V16 lo, V16 hi) { return wasm_u8x16_narrow_i16x8(lo, hi); }
#define MLK_BLUR_SIMD 1
#elif defined(__SSE2__)
using V16 = __m128i;
inline V16 v_load(const uint8_t* p) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p)); }
inline void v_store(uint8_t* p, V16 v) { _mm_storeu_si128(reinterpret_cast<__m128i*>(p), v); }
inline V16 v_splat16(uint16_t x) { return _mm_set1_epi16(int16_t(x)); }
inline V16 v_lo16(V16 v) { return _mm_unpacklo_epi8(v, _mm_setzero_si128()); }
inline V16 v_hi16(V16 v) { return _mm_unpackhi_epi8(v, _mm_setzero_si128()); }
inline V16 v_add16(V16 a, V16 b) { return _mm_add_epi16(a, b); }
inline V16 v_mulhi_shr16(V16 a, V16 m, uint32_t sh) {
  return _mm_srl_epi16(_mm_mulhi_epu16(a, m), _mm_cvtsi32_si128(int(sh)));
}
inline V16 v_pack8(V16 lo, V16 hi) { return _mm_packus_epi16(lo, hi); }
#define MLK_BLUR_SIMD 1
#endif

// out[i] = q(half + sum over the T sources of src[k][i]) for i < n (the sources are read only).
template <int T>
void sum_div_row(const uint8_t* const* src, uint8_t* out, int32_t n, uint16_t half, uint16_t mul, uint32_t sh) {
  int32_t i = 0;
#if defined(MLK_BLUR_SIMD)
  const V16 vh = v_splat16(half), vm = v_splat16(mul);
  for (; i + 16 <= n; i += 16) {
    V16 lo = vh, hi = vh;
    for (int k = 0; k < T; ++k) {
      V16 v = v_load(src[k] + i);
      lo = v_add16(lo, v_lo16(v));
      hi = v_add16(hi, v_hi16(v));
    }
    v_store(out + i, v_pack8(v_mulhi_shr16(lo, vm, sh), v_mulhi_shr16(hi, vm, sh)));
  }
#endif
  for (; i < n; ++i) {
    uint32_t s = half;
    for (int k = 0; k < T; ++k) s += src[k][i];
    out[i] = uint8_t(((s * mul) >> 16) >> sh);
  }
}

template <int R>
void box_hrow16(const uint8_t* row, int32_t w, const RoundDiv& div, uint8_t* out) {
  const int32_t stride = w * 3;
  auto edge = [&](int32_t x) {
    for (int c = 0; c < 3; ++c) {
      uint32_t s = 0;
      for (int32_t k = -R; k <= R; ++k) s += row[clampi(x + k, 0, w - 1) * 3 + c];
      out[x * 3 + c] = div.q16(uint16_t(s + div.half));
    }
  };
  if (w <= 2 * R) {
    for (int32_t x = 0; x < w; ++x) edge(x);
    return;
  }
  for (int32_t x = 0; x < R; ++x) edge(x);
  // interior bytes i in [3R, stride - 3R): tap k reads row[i + 3k], k = -R..R
  const uint8_t* taps[2 * R + 1];
  for (int k = 0; k <= 2 * R; ++k) taps[k] = row + 3 * k;
  sum_div_row<2 * R + 1>(taps, out + 3 * R, stride - 6 * R, uint16_t(div.half), uint16_t(div.mul), div.shift - 16);
  for (int32_t x = w - R; x < w; ++x) edge(x);
}

template <int R>
void box_band16(const uint8_t* src, int32_t w, int32_t h, uint8_t* out, int32_t y0, int32_t y1, const RoundDiv& div,
                uint8_t* ring) {
  const int32_t stride = w * 3, ring_rows = 2 * R + 2;
  int32_t made = clampi(y0 - R, 0, h - 1);
  auto hrow = [&](int32_t y) -> const uint8_t* {
    for (; made <= y; ++made) box_hrow16<R>(src + int64_t(made) * stride, w, div, ring + int64_t(made % ring_rows) * stride);
    return ring + int64_t(y % ring_rows) * stride;
  };
  for (int32_t y = y0; y < y1; ++y) {
    const uint8_t* t[2 * R + 1];
    for (int32_t k = R; k >= -R; --k) t[k + R] = hrow(clampi(y + k, 0, h - 1));  // the lowest row first
    sum_div_row<2 * R + 1>(t, out + int64_t(y) * stride, stride, uint16_t(div.half), uint16_t(div.mul), div.shift - 16);
  }
}
}  // namespace

int32_t mlk_image_box_blur_scratch_bytes(int32_t w, int32_t radius) {
  int64_t stride = int64_t(w) * 3;
  // ring of 2r + 2 horizontal rows, column sums, the horizontal sums + prefix sums
  int64_t bytes = (2 * int64_t(radius) + 2) * stride + 4 * stride + 4 * (2 * stride + 6 * int64_t(radius) + 3) + 64;
  return bytes > 0x7fffffff ? -1 : int32_t(bytes);
}

void mlk_image_box_blur(const uint8_t* src, int32_t w, int32_t h, int32_t radius, uint8_t* out, int32_t band,
                        uint8_t* scratch, int32_t* next_band) {
  if (w <= 0 || h <= 0) return;
  if (radius < 0) radius = 0;
  if (band < 1) band = 1;
  const int32_t r = radius, ring_rows = 2 * r + 2;
  const int32_t stride = w * 3;
  const RoundDiv div(uint32_t(2 * r + 1));
  uint8_t* ring = scratch;
  uint32_t* col = reinterpret_cast<uint32_t*>(ring + int64_t(ring_rows) * stride + (-(int64_t(ring_rows) * stride) & 3));
  uint32_t* hsum = col + stride;
  const int32_t bands = (h + band - 1) / band;
  for (;;) {
    int32_t t = __atomic_fetch_add(next_band, 1, __ATOMIC_RELAXED);
    if (t >= bands) return;
    const int32_t y0 = t * band, y1 = y0 + band < h ? y0 + band : h;
    if (div.narrow() && r >= 1 && r <= 3) {
      if (r == 1) box_band16<1>(src, w, h, out, y0, y1, div, ring);
      else if (r == 2) box_band16<2>(src, w, h, out, y0, y1, div, ring);
      else box_band16<3>(src, w, h, out, y0, y1, div, ring);
      continue;
    }
    // Horizontal rows are made as the window reaches them, into a ring of 2r + 2 rows (the
    // window's rows plus the one entering): each band reads its source rows once, writes its
    // output rows once, and needs no pass over the whole image in between.
    int32_t made = clampi(y0 - r, 0, h - 1);
    auto hrow = [&](int32_t y) -> const uint8_t* {
      for (; made <= y; ++made) box_hrow(src + int64_t(made) * stride, w, r, div, hsum, ring + int64_t(made % ring_rows) * stride);
      return ring + int64_t(y % ring_rows) * stride;
    };
    for (int32_t i = 0; i < stride; ++i) col[i] = 0;
    for (int32_t k = -r; k <= r; ++k) {
      const uint8_t* hr = hrow(clampi(y0 + k, 0, h - 1));
      for (int32_t i = 0; i < stride; ++i) col[i] += hr[i];
    }
    for (int32_t y = y0; y < y1; ++y) {
      uint8_t* o = out + int64_t(y) * stride;
      div.row(col, o, stride);
      if (y + 1 == y1) break;
      // the running sum moves down one row: the row entering, minus the row leaving
      const uint8_t* in = hrow(clampi(y + r + 1, 0, h - 1));
      const uint8_t* outgoing = ring + int64_t(clampi(y - r, 0, h - 1) % ring_rows) * stride;
      for (int32_t i = 0; i < stride; ++i) col[i] = col[i] + in[i] - outgoing[i];
    }
  }
}

namespace {
// One row of the horizontal [1 4 6 4 1] pass, rounded to 8 bits.
void gauss_hrow(const uint8_t* r, uint8_t* t, int32_t w) {
  const int64_t stride = int64_t(w) * 3;
  const uint32_t wt[5] = {1, 4, 6, 4, 1};
  auto edge = [&](int32_t x) {
    for (int c = 0; c < 3; ++c) {
      uint32_t s = 0;
      for (int k = -2; k <= 2; ++k) s += wt[k + 2] * r[clampi(x + k, 0, w - 1) * 3 + c];
      t[x * 3 + c] = uint8_t((s + 8) >> 4);
    }
  };
  if (w < 5) {
    for (int32_t x = 0; x < w; ++x) edge(x);
    return;
  }
  edge(0), edge(1);
  // interior: a straight loop over bytes with constant offsets (vectorizes, 16-bit lanes)
  for (int64_t i = 6; i < stride - 6; ++i)
    t[i] = uint8_t((uint32_t(r[i - 6]) + 4u * r[i - 3] + 6u * r[i] + 4u * r[i + 3] + uint32_t(r[i + 6]) + 8u) >> 4);
  edge(w - 2), edge(w - 1);
}
}  // namespace

void mlk_image_gaussian_blur(const uint8_t* src, int32_t w, int32_t h, uint8_t* tmp, uint8_t* out) {
  if (w <= 0 || h <= 0) return;
  const int64_t stride = int64_t(w) * 3;
  // Horizontal pass into tmp, then vertical from tmp, both rounding (as two whole passes would).
  // Row by row: horizontal row y + 2 is made just before output row y needs it, so the vertical
  // pass reads rows still in cache. With h >= 5 the horizontal rows live in a ring of 5 rows at
  // the start of tmp (rows y - 2 .. y + 2 are 5 distinct slots); otherwise at their own offsets.
  auto hrow = [&](int32_t row) { return tmp + int64_t(h >= 5 ? row % 5 : row) * stride; };
  int32_t made = 0;  // horizontal rows [0, made) are done
  for (int32_t y = 0; y < h; ++y) {
    int32_t need = y + 3 < h ? y + 3 : h;
    for (; made < need; ++made) gauss_hrow(src + int64_t(made) * stride, hrow(made), w);
    const uint8_t* r0 = hrow(clampi(y - 2, 0, h - 1));
    const uint8_t* r1 = hrow(clampi(y - 1, 0, h - 1));
    const uint8_t* r2 = hrow(y);
    const uint8_t* r3 = hrow(clampi(y + 1, 0, h - 1));
    const uint8_t* r4 = hrow(clampi(y + 2, 0, h - 1));
    uint8_t* o = out + int64_t(y) * stride;
    for (int64_t i = 0; i < stride; ++i)
      o[i] = uint8_t((uint32_t(r0[i]) + 4u * r1[i] + 6u * r2[i] + 4u * r3[i] + uint32_t(r4[i]) + 8u) >> 4);
  }
}

