// Stacks for the worker threads of the .wasm modules (linked into them only). Every instance of a
// shared-memory module starts with the same __stack_pointer, so each worker instance is given its
// own stack from here before it runs anything (engine.h, EngineOptions::threads): the engine asks
// ml_worker_stack(i) for the top of worker i's stack (0 past the last) and sets __stack_pointer.
// Only the split kernels (matrix multiply, box blur) run on workers, with frames under 1 KiB: 16 KiB
// each is ample and keeps the module's minimum memory small (memory_pages may be as low as 20).
#include <stdint.h>

namespace {
constexpr int kWorkers = 7;  // with the calling thread: 8 threads
constexpr int kStackBytes = 16 * 1024;
alignas(16) uint8_t g_stacks[kWorkers][kStackBytes];
}  // namespace

extern "C" __attribute__((export_name("ml_worker_stack"))) int32_t ml_worker_stack(int32_t i) {
  if (i < 0 || i >= kWorkers) return 0;
  return int32_t(reinterpret_cast<uintptr_t>(g_stacks[i] + kStackBytes));
}
