#include "engine/v8_workers.h"

#include <fmt/format.h>

#include <condition_variable>
#include <mutex>
#include <thread>
#include <unordered_map>

namespace ml::engine {

// Shared with v8_engine.cpp (defined there).
v8::Local<v8::Value> to_js(v8::Isolate* iso, const Val& v);
std::string exception_text(v8::Isolate* iso, v8::Local<v8::Context> ctx, v8::TryCatch& tc);

namespace {

// The shared memory crosses isolates as V8's structured clone of a WebAssembly.Memory: its
// SharedArrayBuffer travels as the backing store itself.
class MemoryWriter final : public v8::ValueSerializer::Delegate {
 public:
  explicit MemoryWriter(v8::Isolate* iso) : iso_(iso) {}
  void ThrowDataCloneError(v8::Local<v8::String> message) override {
    iso_->ThrowException(v8::Exception::Error(message));
  }
  v8::Maybe<uint32_t> GetSharedArrayBufferId(v8::Isolate*, v8::Local<v8::SharedArrayBuffer> sab) override {
    store = sab->GetBackingStore();
    return v8::Just<uint32_t>(0);
  }
  std::shared_ptr<v8::BackingStore> store;

 private:
  v8::Isolate* iso_;
};

class MemoryReader final : public v8::ValueDeserializer::Delegate {
 public:
  explicit MemoryReader(std::shared_ptr<v8::BackingStore> store) : store_(std::move(store)) {}
  v8::MaybeLocal<v8::SharedArrayBuffer> GetSharedArrayBufferFromId(v8::Isolate* iso, uint32_t) override {
    return v8::SharedArrayBuffer::New(iso, store_);
  }

 private:
  std::shared_ptr<v8::BackingStore> store_;
};

v8::Local<v8::String> str(v8::Isolate* iso, std::string_view s) {
  return v8::String::NewFromUtf8(iso, s.data(), v8::NewStringType::kNormal, int(s.size())).ToLocalChecked();
}

}  // namespace

struct WorkerPool::Worker {
  // What the starting thread hands over.
  unsigned index = 0;
  std::shared_ptr<v8::CompiledWasmModule> compiled;
  std::vector<uint8_t> memory_clone;
  std::shared_ptr<v8::BackingStore> store;

  std::mutex m;
  std::condition_variable cv;
  bool ready = false, stop = false, busy = false;
  bool cancel = false;  // the current job is to stop (set under m with TerminateExecution)
  std::string start_error;
  // The current job and its outcome.
  std::string name;
  std::vector<Val> args;
  std::unique_ptr<WasmError> error;

  std::atomic<v8::Isolate*> iso{nullptr};
  v8::Global<v8::Function> sync_memory;
  std::thread thread;

  void run();
  void job(v8::Isolate* iso, v8::Local<v8::Context> ctx, v8::Local<v8::Object> exports,
           std::unordered_map<std::string, v8::Global<v8::Function>>& funcs);
};

void WorkerPool::Worker::run() {
  std::unique_ptr<v8::ArrayBuffer::Allocator> allocator(v8::ArrayBuffer::Allocator::NewDefaultAllocator());
  v8::Isolate::CreateParams params;
  params.array_buffer_allocator = allocator.get();
  v8::Isolate* isolate = v8::Isolate::New(params);
  {
    v8::Locker lock(isolate);
    v8::Isolate::Scope is(isolate);
    v8::HandleScope hs(isolate);
    v8::Local<v8::Context> ctx = v8::Context::New(isolate);
    v8::Context::Scope cs(ctx);
    v8::TryCatch tc(isolate);
    std::unordered_map<std::string, v8::Global<v8::Function>> funcs;
    v8::Local<v8::Object> exports;
    auto fail = [&](const std::string& what) {
      std::lock_guard lk(m);
      start_error = fmt::format("worker {}: {}: {}", index, what, exception_text(isolate, ctx, tc));
      ready = true;
      cv.notify_all();
    };
    [&] {
      MemoryReader reader(store);
      v8::ValueDeserializer des(isolate, memory_clone.data(), memory_clone.size(), &reader);
      v8::Local<v8::Value> memory;
      if (!des.ReadHeader(ctx).FromMaybe(false) || !des.ReadValue(ctx).ToLocal(&memory) ||
          !memory->IsWasmMemoryObject())
        return fail("could not receive the shared memory");
      v8::Local<v8::WasmModuleObject> module;
      if (!v8::WasmModuleObject::FromCompiledModule(isolate, *compiled).ToLocal(&module))
        return fail("could not load the compiled module");
      v8::Local<v8::Object> env = v8::Object::New(isolate), imports = v8::Object::New(isolate);
      env->Set(ctx, str(isolate, "memory"), memory).Check();
      imports->Set(ctx, str(isolate, "env"), env).Check();
      v8::Local<v8::Object> wasm_ns =
          ctx->Global()->Get(ctx, str(isolate, "WebAssembly")).ToLocalChecked().As<v8::Object>();
      v8::Local<v8::Function> ctor =
          wasm_ns->Get(ctx, str(isolate, "Instance")).ToLocalChecked().As<v8::Function>();
      v8::Local<v8::Value> argv[] = {module, imports};
      v8::Local<v8::Object> inst;
      if (!ctor->NewInstance(ctx, 2, argv).ToLocal(&inst)) return fail("could not instantiate the module");
      exports = inst->Get(ctx, str(isolate, "exports")).ToLocalChecked().As<v8::Object>();
      // Its own stack: the module's stack pointer starts where every instance's does.
      v8::Local<v8::Value> sp, stack_fn;
      if (!exports->Get(ctx, str(isolate, "__stack_pointer")).ToLocal(&sp) || !sp->IsObject() ||
          !exports->Get(ctx, str(isolate, "ml_worker_stack")).ToLocal(&stack_fn) || !stack_fn->IsFunction())
        return fail("the module exports no __stack_pointer and ml_worker_stack");
      v8::Local<v8::Value> idx[] = {v8::Integer::New(isolate, int32_t(index))};
      v8::Local<v8::Value> top;
      if (!stack_fn.As<v8::Function>()->Call(ctx, v8::Undefined(isolate), 1, idx).ToLocal(&top) ||
          top->Int32Value(ctx).FromMaybe(0) == 0)
        return fail(fmt::format("the module has no stack for worker {}", index));
      if (!sp.As<v8::Object>()->Set(ctx, str(isolate, "value"), top).FromMaybe(false))
        return fail("could not set the worker's stack pointer");
      // An empty JS function: calling it lets the isolate handle pending interrupts, among them
      // V8's notice that another isolate grew the shared memory (atomic accesses are bounds-
      // checked against the instance's own idea of the memory's size, updated only then).
      v8::Local<v8::Script> script;
      v8::Local<v8::Value> sync_fn;
      if (!v8::Script::Compile(ctx, str(isolate, "(function () {})")).ToLocal(&script) ||
          !script->Run(ctx).ToLocal(&sync_fn) || !sync_fn->IsFunction())
        return fail("could not create the memory-sync function");
      sync_memory.Reset(isolate, sync_fn.As<v8::Function>());
      std::lock_guard lk(m);
      ready = true;
      cv.notify_all();
    }();
    iso.store(isolate);
    if (start_error.empty()) {
      std::unique_lock lk(m);
      for (;;) {
        cv.wait(lk, [&] { return stop || busy; });
        if (stop) break;
        // A termination requested for an earlier job that had already returned is stale; one
        // for this job sets `cancel` under the same lock, before or after this point.
        isolate->CancelTerminateExecution();
        if (cancel) {
          error = std::make_unique<WasmError>(ErrorKind::Timeout, fmt::format("'{}' was stopped on worker {}", name, index));
        } else {
          lk.unlock();
          {
            v8::HandleScope job_scope(isolate);
            job(isolate, ctx, exports, funcs);
          }
          lk.lock();
        }
        name.clear();
        busy = false;
        cv.notify_all();
      }
    }
    funcs.clear();
    sync_memory.Reset();
  }
  iso.store(nullptr);
  isolate->Dispose();
}

void WorkerPool::Worker::job(v8::Isolate* isolate, v8::Local<v8::Context> ctx, v8::Local<v8::Object> exports,
                             std::unordered_map<std::string, v8::Global<v8::Function>>& funcs) {
  v8::Local<v8::Function> fn;
  if (auto it = funcs.find(name); it != funcs.end()) fn = it->second.Get(isolate);
  else {
    v8::Local<v8::Value> f;
    if (!exports->Get(ctx, str(isolate, name)).ToLocal(&f) || !f->IsFunction()) {
      error = std::make_unique<WasmError>(ErrorKind::MissingExport, fmt::format("the module has no function '{}'", name));
      return;
    }
    fn = f.As<v8::Function>();
    funcs[name].Reset(isolate, fn);
  }
  std::vector<v8::Local<v8::Value>> argv;
  for (const Val& v : args) argv.push_back(to_js(isolate, v));
  v8::TryCatch tc(isolate);
  // The empty function only returns undefined; an empty result means the call did not run: a
  // termination requested meanwhile (handled below as for the kernel) or an exception.
  bool synced = !sync_memory.Get(isolate)->Call(ctx, v8::Undefined(isolate), 0, nullptr).IsEmpty();
  v8::MaybeLocal<v8::Value> r;
  if (synced) r = fn->Call(ctx, v8::Undefined(isolate), int(argv.size()), argv.data());
  if (tc.HasTerminated() || isolate->IsExecutionTerminating()) {
    isolate->CancelTerminateExecution();
    if (r.IsEmpty())
      error = std::make_unique<WasmError>(ErrorKind::Timeout, fmt::format("'{}' was stopped on worker {}", name, index));
    return;
  }
  if (!synced) {
    error = std::make_unique<WasmError>(
        ErrorKind::Host, fmt::format("'{}' could not start on worker thread {}: the memory-sync call failed: {}", name,
                                     index + 1, exception_text(isolate, ctx, tc)));
    return;
  }
  if (r.IsEmpty()) {
    std::string msg = exception_text(isolate, ctx, tc);
    TrapKind tk = classify_trap(msg);
    error = std::make_unique<WasmError>(
        ErrorKind::Trap, fmt::format("'{}' trapped on worker thread {} ({}): {}", name, index + 1, to_string(tk), msg), tk);
  }
}

std::unique_ptr<WorkerPool> WorkerPool::start(v8::Isolate* iso, v8::Local<v8::Context> ctx,
                                              v8::Local<v8::WasmModuleObject> module, v8::Local<v8::Object> memory,
                                              unsigned workers) {
  v8::TryCatch tc(iso);
  MemoryWriter writer(iso);
  v8::ValueSerializer ser(iso, &writer);
  ser.WriteHeader();
  if (!ser.WriteValue(ctx, memory).FromMaybe(false) || !writer.store)
    throw WasmError(ErrorKind::Link, "the shared memory cannot be passed to worker threads: " +
                                         exception_text(iso, ctx, tc));
  std::pair<uint8_t*, size_t> buf = ser.Release();
  std::vector<uint8_t> clone(buf.first, buf.first + buf.second);
  free(buf.first);  // allocated by the default ValueSerializer::Delegate::ReallocateBufferMemory (realloc)
  auto compiled = std::make_shared<v8::CompiledWasmModule>(module->GetCompiledModule());
  std::unique_ptr<WorkerPool> pool(new WorkerPool);
  for (unsigned i = 0; i < workers; ++i) {
    auto w = std::make_unique<Worker>();
    w->index = i;
    w->compiled = compiled;
    w->memory_clone = clone;
    w->store = writer.store;
    Worker* wp = w.get();
    w->thread = std::thread([wp] { wp->run(); });
    pool->workers_.push_back(std::move(w));
  }
  std::string errors;
  for (auto& w : pool->workers_) {
    std::unique_lock lk(w->m);
    w->cv.wait(lk, [&] { return w->ready; });
    if (!w->start_error.empty()) errors += (errors.empty() ? "" : "; ") + w->start_error;
  }
  if (!errors.empty()) throw WasmError(ErrorKind::Link, "worker threads could not start: " + errors);
  return pool;
}

WorkerPool::~WorkerPool() {
  for (auto& w : workers_) {
    {
      std::lock_guard lk(w->m);
      w->stop = true;
    }
    w->cv.notify_all();
    if (v8::Isolate* i = w->iso.load(); i && w->busy) i->TerminateExecution();
  }
  for (auto& w : workers_) w->thread.join();
}

void WorkerPool::dispatch(const std::string& name, const std::vector<std::vector<Val>>& lists) {
  error_.reset();
  for (size_t i = 0; i < lists.size() && i < workers_.size(); ++i) {
    Worker& w = *workers_[i];
    {
      std::lock_guard lk(w.m);
      w.name = name;
      w.args = lists[i];
      w.error.reset();
      w.cancel = false;
      w.busy = true;
    }
    w.cv.notify_all();
  }
}

void WorkerPool::stop() {
  for (auto& w : workers_) {
    std::lock_guard lk(w->m);
    if (w->busy) {
      w->cancel = true;
      if (v8::Isolate* i = w->iso.load()) i->TerminateExecution();
    }
  }
}

bool WorkerPool::wait(std::chrono::steady_clock::time_point deadline, bool stop_now) {
  bool timed_out = false;
  auto terminate = [&] { stop(); };
  if (stop_now) terminate();
  for (auto& w : workers_) {
    std::unique_lock lk(w->m);
    if (!w->cv.wait_until(lk, deadline, [&] { return !w->busy; })) {
      lk.unlock();
      timed_out = true;
      terminate();
      lk.lock();
      w->cv.wait(lk, [&] { return !w->busy; });
    }
  }
  for (auto& w : workers_)
    if (w->error && !error_) error_ = std::move(w->error);
  return timed_out;
}

}  // namespace ml::engine
