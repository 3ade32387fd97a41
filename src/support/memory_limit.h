#pragma once
// A program's memory limit. The executables replace operator new (replace_new.cpp) so that on a
// thread that asked for checking (the interpreter's), a request of kCheckedBytes or more fails
// with std::bad_alloc (the interpreter turns it into a located MemoryError) when the memory
// the process holds plus the request would pass the limit. The embedding library leaves its
// host's allocator alone, so there only the machine's own limits apply. Growing containers and strings
// (the way programs run out of memory) always pass through such requests, so checking only
// them keeps the common small allocations as cheap as the library's own.
#include <cstddef>
#include <cstdint>

namespace ml::support {

constexpr size_t kCheckedBytes = size_t(1) << 20;

void set_memory_limit(uint64_t bytes);  // 0 = no limit
uint64_t memory_limit();
uint64_t physical_memory();  // bytes of RAM on this machine (0 if unknown)
uint64_t resident_memory();  // bytes the process holds now

// Throws std::bad_alloc if a request of n bytes on this thread would pass the limit.
void check_allocation(size_t n);

// While alive, this thread's large allocations are checked against the limit.
class CheckedAllocations {
 public:
  CheckedAllocations();
  ~CheckedAllocations();
  CheckedAllocations(const CheckedAllocations&) = delete;
  CheckedAllocations& operator=(const CheckedAllocations&) = delete;

 private:
  bool prev_;
};

// While alive, this thread's allocations are not checked: code that cannot take a
// std::bad_alloc (the WebAssembly engine is built without exceptions) runs under it.
class UncheckedAllocations {
 public:
  UncheckedAllocations();
  ~UncheckedAllocations();
  UncheckedAllocations(const UncheckedAllocations&) = delete;
  UncheckedAllocations& operator=(const UncheckedAllocations&) = delete;

 private:
  bool prev_;
};

}  // namespace ml::support
