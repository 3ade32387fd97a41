// A small module for the engine tests, built by cmake/kernels.cmake into
// ${CMAKE_BINARY_DIR}/kernels/engine_test.wasm (imports env.memory and env.host_add).
#include <stdint.h>
#define EXPORT(n) __attribute__((export_name(#n)))

__attribute__((import_module("env"), import_name("host_add"))) int32_t host_add(int32_t a, int32_t b);

EXPORT(add) int32_t add(int32_t a, int32_t b) { return a + b; }
EXPORT(add64) int64_t add64(int64_t a, int64_t b) { return a + b; }
EXPORT(mulf) float mulf(float a, float b) { return a * b; }
EXPORT(divd) double divd(double a, double b) { return a / b; }
EXPORT(idiv) int32_t idiv(int32_t a, int32_t b) { return a / b; }
EXPORT(boom) void boom(void) { __builtin_trap(); }
EXPORT(spin) int32_t spin(void) {
  volatile int32_t x = 0;
  for (;;) x = x + 1;
  return x;
}
// Unbounded recursion through an indirect call (no frame in linear memory): V8's stack overflows.
int32_t deep(int32_t n);
static int32_t (*volatile deep_ptr)(int32_t) = deep;
EXPORT(deep) int32_t deep(int32_t n) { return deep_ptr(n + 1) * 3 + 1; }
// Unbounded recursion with a frame in linear memory: the C stack runs below address 0.
EXPORT(deep_mem) int32_t deep_mem(int32_t n) {
  volatile int32_t pad[16];
  pad[n & 15] = n;
  return deep_mem(n + 1) + pad[(n + 1) & 15];
}
EXPORT(load_at) int32_t load_at(uint32_t addr) { return *(volatile int32_t*)(uintptr_t)addr; }
EXPORT(store_at) void store_at(uint32_t addr, int32_t v) { *(volatile int32_t*)(uintptr_t)addr = v; }
EXPORT(grow) int32_t grow(int32_t pages) { return __builtin_wasm_memory_grow(0, pages); }
EXPORT(pages) int32_t pages(void) { return __builtin_wasm_memory_size(0); }
EXPORT(call_host) int32_t call_host(int32_t a, int32_t b) { return host_add(a, b) * 2; }
EXPORT(sum_bytes) uint32_t sum_bytes(const uint8_t* p, int32_t n) {
  uint32_t s = 0;
  for (int32_t i = 0; i < n; ++i) s += p[i];
  return s;
}
