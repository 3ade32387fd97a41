// GMP for the wasm32 build: GMP's own mini-gmp (mpz) and mini-mpq, built from Debian's gmp
// source package (scripts/build-web.sh), plus the three calls the interpreter uses that the
// mini versions leave out.
#pragma once
#include <math.h>
#include <stdarg.h>

#include "mini-gmp.h"
#include "mini-mpq.h"

static inline void mpz_inits(mpz_ptr x, ...) {
  va_list ap;
  va_start(ap, x);
  for (; x; x = va_arg(ap, mpz_ptr)) mpz_init(x);
  va_end(ap);
}

static inline void mpz_clears(mpz_ptr x, ...) {
  va_list ap;
  va_start(ap, x);
  for (; x; x = va_arg(ap, mpz_ptr)) mpz_clear(x);
  va_end(ap);
}

// d * 2^exp == z with 0.5 <= |d| < 1, d truncated toward zero as GMP's own does.
static inline double mpz_get_d_2exp(signed long* exp, mpz_srcptr z) {
  if (mpz_sgn(z) == 0) {
    *exp = 0;
    return 0.0;
  }
  size_t bits = mpz_sizeinbase(z, 2);
  *exp = (signed long)bits;
  if (bits <= 53) return ldexp(mpz_get_d(z), -(int)bits);
  mpz_t t;
  mpz_init(t);
  mpz_tdiv_q_2exp(t, z, bits - 53);
  double d = ldexp(mpz_get_d(t), -53);
  mpz_clear(t);
  return d;
}
