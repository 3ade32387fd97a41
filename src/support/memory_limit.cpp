#include "support/memory_limit.h"

#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <new>

namespace ml::support {

namespace {
std::atomic<uint64_t> g_limit{0};
thread_local bool t_checked = false;

// Fails a large request that would take the process past the limit.
inline void check(size_t n) {
  if (n < kCheckedBytes || !t_checked) return;
  uint64_t limit = g_limit.load(std::memory_order_relaxed);
  if (limit && (n > limit || resident_memory() > limit - n)) throw std::bad_alloc();
}

void* allocate(size_t n) {
  check(n);
  if (n == 0) n = 1;
  while (true) {
    if (void* p = std::malloc(n)) return p;
    std::new_handler h = std::get_new_handler();
    if (!h) throw std::bad_alloc();
    h();
  }
}

void* allocate_aligned(size_t n, std::align_val_t al) {
  check(n);
  size_t a = static_cast<size_t>(al);
  if (a < sizeof(void*)) a = sizeof(void*);
  void* p = nullptr;
  if (posix_memalign(&p, a, n ? n : 1) != 0) throw std::bad_alloc();
  return p;
}
}  // namespace

void set_memory_limit(uint64_t bytes) { g_limit.store(bytes, std::memory_order_relaxed); }
uint64_t memory_limit() { return g_limit.load(std::memory_order_relaxed); }

uint64_t physical_memory() {
  long pages = sysconf(_SC_PHYS_PAGES), size = sysconf(_SC_PAGE_SIZE);
  return pages > 0 && size > 0 ? uint64_t(pages) * uint64_t(size) : 0;
}

uint64_t resident_memory() {
  // /proc/self/statm: size resident shared text lib data dt, in pages
  std::FILE* f = std::fopen("/proc/self/statm", "r");
  if (!f) return 0;
  unsigned long long size = 0, resident = 0;
  int got = std::fscanf(f, "%llu %llu", &size, &resident);
  std::fclose(f);
  return got == 2 ? resident * uint64_t(sysconf(_SC_PAGE_SIZE)) : 0;
}

CheckedAllocations::CheckedAllocations() : prev_(t_checked) { t_checked = true; }
CheckedAllocations::~CheckedAllocations() { t_checked = prev_; }
UncheckedAllocations::UncheckedAllocations() : prev_(t_checked) { t_checked = false; }
UncheckedAllocations::~UncheckedAllocations() { t_checked = prev_; }

}  // namespace ml::support

// The replaceable allocation functions ([new.delete]): every form goes through the check.
void* operator new(size_t n) { return ml::support::allocate(n); }
void* operator new[](size_t n) { return ml::support::allocate(n); }
void* operator new(size_t n, const std::nothrow_t&) noexcept {
  try {
    return ml::support::allocate(n);
  } catch (...) {
    return nullptr;
  }
}
void* operator new[](size_t n, const std::nothrow_t&) noexcept {
  try {
    return ml::support::allocate(n);
  } catch (...) {
    return nullptr;
  }
}
void* operator new(size_t n, std::align_val_t a) { return ml::support::allocate_aligned(n, a); }
void* operator new[](size_t n, std::align_val_t a) { return ml::support::allocate_aligned(n, a); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, size_t) noexcept { std::free(p); }
void operator delete[](void* p, size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, size_t, std::align_val_t) noexcept { std::free(p); }
