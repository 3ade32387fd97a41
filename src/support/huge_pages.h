#pragma once
// Large buffers backed by 2 MiB pages where the system allows it (transparent huge pages in
// "madvise" mode, the Debian default). A fresh 8 MB buffer is 2,000 page faults in 4 KiB pages;
// on virtual machines each costs microseconds (measured here: filling a fresh 8 MB vector took
// 26-33 ms of CPU time in 4 KiB pages and under 7 ms with this advice), which is more than a
// whole WebAssembly kernel call moving that much data.
#include <cstddef>
#include <vector>

namespace ml::support {

// Asks for huge pages over the 2 MiB-aligned part of [p, p + bytes) (nothing below 2 MiB). Only
// advice: pages already touched stay as they are, and it never fails.
void advise_huge_pages(void* p, size_t bytes);

// v.resize(n) for a large fresh vector, its memory advised before the first touch.
template <class T>
void resize_huge(std::vector<T>& v, size_t n) {
  if (v.capacity() < n) {
    v.reserve(n);
    advise_huge_pages(v.data(), n * sizeof(T));
  }
  v.resize(n);
}

}  // namespace ml::support
