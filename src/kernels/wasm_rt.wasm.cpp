// The few libc functions clang may emit calls to when compiling kernels.cpp for wasm32 with
// -nostdlib (loops recognised as memcpy/memset). Only linked into the .wasm modules (files named
// *.wasm.cpp are excluded from the native libraries).
#include <stddef.h>
#include <stdint.h>

extern "C" {
void* memcpy(void* dst, const void* src, size_t n) {
  return __builtin_memcpy(dst, src, n);  // lowered to memory.copy with -mbulk-memory
}
void* memmove(void* dst, const void* src, size_t n) { return __builtin_memmove(dst, src, n); }
void* memset(void* dst, int c, size_t n) { return __builtin_memset(dst, c, n); }
int memcmp(const void* a, const void* b, size_t n) {
  const uint8_t* x = static_cast<const uint8_t*>(a);
  const uint8_t* y = static_cast<const uint8_t*>(b);
  for (size_t i = 0; i < n; ++i)
    if (x[i] != y[i]) return x[i] < y[i] ? -1 : 1;
  return 0;
}
}
