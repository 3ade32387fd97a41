// AddressSanitizer must be told when the C++ stack changes (generators and the program's own
// stack are switched to with Boost.Context's fcontext): otherwise an exception thrown on
// another stack makes it unpoison the wrong region and report stack-use-after-scope. See the
// ASan fiber API. In normal builds these are no-ops.
#pragma once
#include <cstddef>

#if defined(__SANITIZE_ADDRESS__)
#define ML_ASAN_FIBERS 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ML_ASAN_FIBERS 1
#endif
#endif
#ifdef ML_ASAN_FIBERS
#include <sanitizer/asan_interface.h>
#include <sanitizer/common_interface_defs.h>
#endif

namespace ml::interp {

// Just before switching to the stack [bottom, bottom + size); a stack left for good passes
// fake_save null.
inline void fiber_leave(void** fake_save, const void* bottom, size_t size) {
#ifdef ML_ASAN_FIBERS
  __sanitizer_start_switch_fiber(fake_save, bottom, size);
#else
  (void)fake_save, (void)bottom, (void)size;
#endif
}

// Just after arriving on a stack: `fake` is what fiber_leave saved when this stack was left
// (null on a stack's first entry); from_bottom and from_size, when given, receive the stack
// switched from.
inline void fiber_arrived(void* fake, const void** from_bottom, size_t* from_size) {
#ifdef ML_ASAN_FIBERS
  __sanitizer_finish_switch_fiber(fake, from_bottom, from_size);
#else
  (void)fake, (void)from_bottom, (void)from_size;
#endif
}

// A stack about to be used again: the frames its last user left poisoned are not there.
inline void fiber_stack_reused(void* low, size_t size) {
#ifdef ML_ASAN_FIBERS
  ASAN_UNPOISON_MEMORY_REGION(low, size);
#else
  (void)low, (void)size;
#endif
}

}  // namespace ml::interp
