// Matrix kernels (row-major doubles): the multiply, split into column panels that any number of
// threads take in turn, transpose and determinant. Freestanding like kernels.cpp.
#include "kernels/kernels.h"

namespace {
// Two doubles, as GCC/clang vector extensions: SSE2 natively, f64x2 in the -msimd128 module,
// scalar pairs in the scalar module. Only separate multiplies and adds are used (no fused
// multiply-add exists in WebAssembly, and the native build targets baseline x86-64 without FMA),
// so every lane rounds exactly like the scalar expression c += a * b.
typedef double v2d __attribute__((vector_size(16)));
inline v2d load2(const double* p) {
  v2d v;
  __builtin_memcpy(&v, p, 16);
  return v;
}
inline void store2(double* p, v2d v) { __builtin_memcpy(p, &v, 16); }

// Blocking. A KC x nc block of b is packed into slivers of NR columns (each sliver KC x NR,
// contiguous: one pointer walks it); the rows of a are read in place (MR rows at a time, each
// contiguous in k, reused from L1 across a whole panel); an MR x NR tile of c lives in registers
// for a whole k-block. 4 x 4 keeps 8 two-lane accumulators, 2 b vectors and a broadcast in the
// 16 vector registers of x86-64 (V8 and GCC alike), and needs 16 multiplies and adds per 6 loads.
constexpr int32_t MR = 4, NR = 4, KC = 256;

// bp[s][p][q] = b[k0 + p][j0 + s * NR + q], 0 past column nc.
void pack_b(const double* b, int32_t ldb, int32_t kc, int32_t nc, double* bp) {
  for (int32_t s = 0; s * NR < nc; ++s) {
    int32_t w = nc - s * NR < NR ? nc - s * NR : NR;
    const double* src = b + s * NR;
    double* dst = bp + int64_t(s) * kc * NR;
    if (w == NR)
      for (int32_t p = 0; p < kc; ++p) store2(dst + p * NR, load2(src + int64_t(p) * ldb)),
                                        store2(dst + p * NR + 2, load2(src + int64_t(p) * ldb + 2));
    else
      for (int32_t p = 0; p < kc; ++p)
        for (int32_t q = 0; q < NR; ++q) dst[p * NR + q] = q < w ? src[int64_t(p) * ldb + q] : 0.0;
  }
}

// ap[p * R + r] = a[r][p] for the R rows of a block (kc columns each): the micro-kernel then
// walks a and b with one pointer each, at constant offsets. Read in place, the R rows of a need
// R address registers, and V8 (which has fewer free general registers than GCC) spilled them
// in the inner loop.
template <int R>
void pack_a(const double* a, int32_t lda, int32_t kc, double* ap) {
  for (int32_t p = 0; p < kc; ++p)
    for (int r = 0; r < R; ++r) ap[p * R + r] = a[int64_t(r) * lda + p];
}

// c[R x NR] (+)= packed a[R x kc] * sliver; First: c starts from 0 (its old contents are
// ignored). The products of each element are added in ascending k, so the result is the naive
// triple loop's bit for bit.
template <int R, bool First>
inline void micro(const double* ap, const double* bp, int32_t kc, double* c, int32_t ldc) {
  v2d acc[R][2];
  for (int r = 0; r < R; ++r) {
    if (First) acc[r][0] = acc[r][1] = v2d{0.0, 0.0};
    else acc[r][0] = load2(c + int64_t(r) * ldc), acc[r][1] = load2(c + int64_t(r) * ldc + 2);
  }
  for (int32_t p = 0; p < kc; ++p) {
    v2d b0 = load2(bp), b1 = load2(bp + 2);
    for (int r = 0; r < R; ++r) {
      double x = ap[r];
      v2d as = {x, x};
      acc[r][0] = acc[r][0] + as * b0;
      acc[r][1] = acc[r][1] + as * b1;
    }
    ap += R;
    bp += NR;
  }
  for (int r = 0; r < R; ++r) {
    store2(c + int64_t(r) * ldc, acc[r][0]);
    store2(c + int64_t(r) * ldc + 2, acc[r][1]);
  }
}

// One sliver of columns: w < NR (the last of a panel) goes through a padded R x NR tile (its
// padding columns add 0 * a to lanes that are never stored).
template <int R>
inline void tile(const double* ap, const double* bp, int32_t kc, double* c, int32_t ldc, int32_t w, bool first) {
  if (w == NR) {
    if (first) micro<R, true>(ap, bp, kc, c, ldc);
    else micro<R, false>(ap, bp, kc, c, ldc);
    return;
  }
  double t[R * NR];
  for (int r = 0; r < R; ++r)
    for (int q = 0; q < NR; ++q) t[r * NR + q] = q < w && !first ? c[int64_t(r) * ldc + q] : 0.0;
  micro<R, false>(ap, bp, kc, t, NR);
  for (int r = 0; r < R; ++r)
    for (int q = 0; q < w; ++q) c[int64_t(r) * ldc + q] = t[r * NR + q];
}

// Columns [j0, j0 + nc) of c, every row, every k. The whole panel of b is packed first (each
// KC-row block after the previous one, kpad = nc rounded up to NR), so c may be b itself: the
// panel's columns of b are not read again once its part of c is being written.
void panel(const double* a, const double* b, double* c, int32_t n, int32_t k, int32_t m, int32_t j0, int32_t nc,
           double* bp) {
  if (k == 0) {
    for (int32_t i = 0; i < n; ++i)
      for (int32_t j = 0; j < nc; ++j) c[int64_t(i) * m + j0 + j] = 0.0;
    return;
  }
  const int32_t kpad = (nc + NR - 1) / NR * NR;
  double* ap = bp + int64_t(k) * kpad;  // MR x KC: the block of a being multiplied
  for (int32_t k0 = 0; k0 < k; k0 += KC)
    pack_b(b + int64_t(k0) * m + j0, m, k - k0 < KC ? k - k0 : KC, nc, bp + int64_t(k0) * kpad);
  for (int32_t k0 = 0; k0 < k; k0 += KC) {
    int32_t kc = k - k0 < KC ? k - k0 : KC;
    const double* bk = bp + int64_t(k0) * kpad;
    bool first = k0 == 0;
    int32_t i = 0;
    for (; i + MR <= n; i += MR) {
      pack_a<MR>(a + int64_t(i) * k + k0, k, kc, ap);
      double* ci = c + int64_t(i) * m + j0;
      for (int32_t s = 0; s * NR < nc; ++s) {
        int32_t w = nc - s * NR < NR ? nc - s * NR : NR;
        tile<MR>(ap, bk + int64_t(s) * kc * NR, kc, ci + s * NR, m, w, first);
      }
    }
    for (; i < n; ++i) {  // a single row is already packed
      const double* ai = a + int64_t(i) * k + k0;
      double* ci = c + int64_t(i) * m + j0;
      for (int32_t s = 0; s * NR < nc; ++s) {
        int32_t w = nc - s * NR < NR ? nc - s * NR : NR;
        tile<1>(ai, bk + int64_t(s) * kc * NR, kc, ci + s * NR, m, w, first);
      }
    }
  }
}
}  // namespace

int32_t mlk_matrix_multiply_panel_width(int32_t m, int32_t k, int32_t threads) {
  // Four panels per thread at least when splitting (a thread that starts late, or is descheduled
  // on a busy machine, holds up the others by at most one small panel), at most 256 columns (a
  // packed KC x 256 block of b is 512 KiB: in L2 beside the rows of a), and narrow enough that a
  // whole packed panel (k x width) stays within 2 MiB per thread.
  if (threads < 1) threads = 1;
  int32_t per = threads == 1 ? 1 : 4 * threads;
  int32_t w = (m + per - 1) / per;
  w = (w + NR - 1) / NR * NR;
  if (w > 256) w = 256;
  if (w < 64) w = 64;
  int64_t fit = k > 0 ? (int64_t(2) << 20) / 8 / k / NR * NR : w;
  if (w > fit) w = fit < NR ? NR : int32_t(fit);
  return w;
}

int32_t mlk_matrix_multiply_scratch_doubles(int32_t k, int32_t panel_width) {
  int64_t d = int64_t(k < 1 ? 1 : k) * ((panel_width + NR - 1) / NR * NR) + MR * KC;
  return d > INT32_MAX ? -1 : int32_t(d);
}

void mlk_matrix_multiply(const double* a, const double* b, double* c, int32_t n, int32_t k, int32_t m,
                         int32_t panel_width, double* scratch, int32_t* next_panel) {
  if (panel_width < NR) panel_width = NR;
  int32_t panels = (m + panel_width - 1) / panel_width;
  for (;;) {
    int32_t t = __atomic_fetch_add(next_panel, 1, __ATOMIC_RELAXED);
    if (t >= panels) return;
    int32_t j0 = t * panel_width;
    int32_t nc = m - j0 < panel_width ? m - j0 : panel_width;
    panel(a, b, c, n, k, m, j0, nc, scratch);
  }
}

void mlk_matrix_transpose(const double* a, double* out, int32_t rows, int32_t cols) {
  const int32_t B = 32;
  for (int32_t i0 = 0; i0 < rows; i0 += B)
    for (int32_t j0 = 0; j0 < cols; j0 += B) {
      int32_t i1 = i0 + B < rows ? i0 + B : rows, j1 = j0 + B < cols ? j0 + B : cols;
      for (int32_t i = i0; i < i1; ++i)
        for (int32_t j = j0; j < j1; ++j) out[int64_t(j) * rows + i] = a[int64_t(i) * cols + j];
    }
}

double mlk_matrix_determinant(double* a, int32_t n) {
  double det = 1.0;
  for (int32_t col = 0; col < n; ++col) {
    int32_t piv = col;
    double best = __builtin_fabs(a[int64_t(col) * n + col]);
    for (int32_t r = col + 1; r < n; ++r) {
      double v = __builtin_fabs(a[int64_t(r) * n + col]);
      if (v > best) best = v, piv = r;
    }
    if (best == 0.0) return 0.0;
    if (piv != col) {
      for (int32_t j = 0; j < n; ++j) {
        double t = a[int64_t(col) * n + j];
        a[int64_t(col) * n + j] = a[int64_t(piv) * n + j];
        a[int64_t(piv) * n + j] = t;
      }
      det = -det;
    }
    double p = a[int64_t(col) * n + col];
    det *= p;
    for (int32_t r = col + 1; r < n; ++r) {
      double f = a[int64_t(r) * n + col] / p;
      if (f == 0.0) continue;
      double* row = a + int64_t(r) * n;
      const double* prow = a + int64_t(col) * n;
      for (int32_t j = col + 1; j < n; ++j) row[j] -= f * prow[j];
    }
  }
  return det;
}

