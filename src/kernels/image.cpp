// Image kernels (RGB, 3 bytes per pixel, row-major). Freestanding like kernels.cpp.
#include "kernels/kernels.h"

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

