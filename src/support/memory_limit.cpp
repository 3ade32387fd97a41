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
}  // namespace

void check_allocation(size_t n) {
  if (n < kCheckedBytes || !t_checked) return;
  uint64_t limit = g_limit.load(std::memory_order_relaxed);
  if (limit && (n > limit || resident_memory() > limit - n)) throw std::bad_alloc();
}

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

