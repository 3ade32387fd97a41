// The replaceable allocation functions ([new.delete]) of the programs this project builds
// (the command-line tool, the test and benchmark binaries): every form goes through the
// memory limit's check. This file is linked into executables only, never into
// libmultilingual.so or the Python extension: a library that replaced its host's operator new
// would mix two allocators across the API (a string built inside, freed outside).
#include <cstdlib>
#include <new>

#include "support/memory_limit.h"

// With ML_MIMALLOC (CMakeLists.txt), C++ allocations come from mimalloc; C code (the libraries'
// malloc) keeps glibc's. Every operator new here has its operator delete here, so the two heaps
// never meet.
#ifdef ML_MIMALLOC
#include <mimalloc.h>
#define ML_MALLOC mi_malloc
#define ML_FREE mi_free
#define ML_MEMALIGN mi_posix_memalign
#else
#define ML_MALLOC std::malloc
#define ML_FREE std::free
#define ML_MEMALIGN posix_memalign
#endif

namespace {

void* allocate(size_t n) {
  ml::support::check_allocation(n);
  if (n == 0) n = 1;
  while (true) {
    if (void* p = ML_MALLOC(n)) return p;
    std::new_handler h = std::get_new_handler();
    if (!h) throw std::bad_alloc();
    h();
  }
}

void* allocate_aligned(size_t n, std::align_val_t al) {
  ml::support::check_allocation(n);
  size_t a = static_cast<size_t>(al);
  if (a < sizeof(void*)) a = sizeof(void*);
  void* p = nullptr;
  if (ML_MEMALIGN(&p, a, n ? n : 1) != 0) throw std::bad_alloc();
  return p;
}

}  // namespace

void* operator new(size_t n) { return allocate(n); }
void* operator new[](size_t n) { return allocate(n); }
void* operator new(size_t n, const std::nothrow_t&) noexcept {
  try {
    return allocate(n);
  } catch (...) {
    return nullptr;
  }
}
void* operator new[](size_t n, const std::nothrow_t&) noexcept {
  try {
    return allocate(n);
  } catch (...) {
    return nullptr;
  }
}
void* operator new(size_t n, std::align_val_t a) { return allocate_aligned(n, a); }
void* operator new[](size_t n, std::align_val_t a) { return allocate_aligned(n, a); }
void operator delete(void* p) noexcept { ML_FREE(p); }
void operator delete[](void* p) noexcept { ML_FREE(p); }
void operator delete(void* p, size_t) noexcept { ML_FREE(p); }
void operator delete[](void* p, size_t) noexcept { ML_FREE(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { ML_FREE(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { ML_FREE(p); }
void operator delete(void* p, std::align_val_t) noexcept { ML_FREE(p); }
void operator delete[](void* p, std::align_val_t) noexcept { ML_FREE(p); }
void operator delete(void* p, size_t, std::align_val_t) noexcept { ML_FREE(p); }
void operator delete[](void* p, size_t, std::align_val_t) noexcept { ML_FREE(p); }
