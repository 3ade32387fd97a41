// The C++ stack a program runs on. Deep recursion needs far more than the 8 MiB a process's
// main thread may grow to: a program runs on a stack of its own (RunOptions::stack_bytes,
// committed only as it is used), so that RecursionError, not a crash, ends it.
#pragma once
#include <cstddef>
#include <functional>

namespace ml::interp {

// Runs fn on a stack of `bytes` and returns when it has; what fn throws is thrown here. The
// stack is switched to on the calling thread (no thread is made: a thread costs its start, and
// the allocator's heap for it); each thread keeps its stack for the next run, with the pages a
// deep run touched given back. A run inside a run (on this stack already) gets a thread.
void run_on_program_stack(size_t bytes, const std::function<void()>& fn);

}  // namespace ml::interp
