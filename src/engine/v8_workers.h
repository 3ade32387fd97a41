// Worker threads for an instance whose linear memory is shared (inside the V8 plugin only; see
// EngineOptions::threads in engine.h). Each worker is a thread with its own isolate and context
// holding an instance of the same compiled module, importing the same memory (the shared
// WebAssembly.Memory is passed to it through V8's ValueSerializer, as postMessage does between
// web workers), with its own stack (the module's ml_worker_stack export). Workers start once and
// are reused by every split call until the pool is destroyed.
#pragma once
#include <v8.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "engine/engine.h"

namespace ml::engine {

class WorkerPool {
 public:
  // Starts `workers` workers for `module` on `memory` (the calling isolate's shared
  // WebAssembly.Memory, entered with ctx). Throws WasmError{Link} when a worker cannot
  // instantiate (the workers already started are stopped).
  static std::unique_ptr<WorkerPool> start(v8::Isolate* iso, v8::Local<v8::Context> ctx,
                                           v8::Local<v8::WasmModuleObject> module, v8::Local<v8::Object> memory,
                                           unsigned workers);
  ~WorkerPool();
  unsigned size() const { return unsigned(workers_.size()); }

  // Runs export `name` with lists[i] on worker i (lists.size() <= size()), without waiting.
  void dispatch(const std::string& name, const std::vector<std::vector<Val>>& lists);
  // Waits for the dispatched calls until `deadline` (none: time_point::max()). Past it, or at
  // once with stop_now = true, every running call is terminated; this returns when all have
  // stopped. Returns true when the deadline passed. The first error is left in error().
  bool wait(std::chrono::steady_clock::time_point deadline, bool stop_now = false);
  // Stops every running call at once (they end with WasmError{Timeout}); from any thread.
  void stop();
  // The first error of the last dispatch (nullptr if none).
  const WasmError* error() const { return error_.get(); }

  struct Worker;

 private:
  WorkerPool() = default;
  std::vector<std::unique_ptr<Worker>> workers_;
  std::unique_ptr<WasmError> error_;
};

}  // namespace ml::engine
