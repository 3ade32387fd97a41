// The Engine interface on V8 10.2 from Debian's libnode108 (see engine.h for how options map to
// V8 flags). libnode's V8 is built without pointer compression and without the sandbox, so no
// V8_* configuration macro is defined here (config.gypi: v8_enable_pointer_compression 0,
// v8_enable_31bit_smis_on_64bit_arch 0).
#include <fmt/format.h>
#include <libplatform/libplatform.h>
#include <v8.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <map>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "engine/disk_cache.h"
#include "engine/engine.h"
#include "engine/plugin_abi.h"
#include "engine/v8_workers.h"
#include "support/hash.h"

namespace ml::engine {
namespace {

std::once_flag g_init_once;
std::unique_ptr<v8::Platform> g_platform;
std::string g_init_error;
std::mutex g_flags_mutex;  // V8 flags are process-wide: set + compile under this lock
std::string g_current_flags;

std::string flags_for(const EngineOptions& o) {
  std::string f = o.optimizing_tier ? "--no-liftoff --no-wasm-dynamic-tiering --wasm-tier-up"
                                    : "--liftoff --no-wasm-tier-up --no-wasm-dynamic-tiering";
  f += o.simd ? " --experimental-wasm-simd" : " --no-experimental-wasm-simd";
  // Extra V8 flags for experiments (e.g. "--trace-wasm-inlining"); not needed for normal use.
  if (const char* extra = std::getenv("MULTILINGUAL_V8_FLAGS"); extra && *extra) f += std::string(" ") + extra;
  return f;
}

// Caller holds g_flags_mutex.
void apply_flags(const std::string& f) {
  if (g_current_flags == f) return;
  v8::V8::SetFlagsFromString(f.c_str(), f.size());
  g_current_flags = f;
}

void init_v8(const EngineOptions& o) {
  std::call_once(g_init_once, [&] {
    {
      std::lock_guard lk(g_flags_mutex);
      apply_flags(flags_for(o));
    }
    g_platform = v8::platform::NewDefaultPlatform();
    v8::V8::InitializePlatform(g_platform.get());
#if !defined(__SANITIZE_ADDRESS__) && !defined(ML_NO_WASM_TRAP_HANDLER)
    // Out-of-bounds memory accesses are caught by V8's SIGSEGV handler (guard regions around each
    // linear memory) instead of an explicit bounds check before every load and store; without
    // this call V8 compiles a compare-and-branch into every memory access. Non-WebAssembly faults
    // are passed on to the previous handler. (Left off under AddressSanitizer, which owns SIGSEGV.)
    v8::V8::EnableWebAssemblyTrapHandler(/*use_v8_signal_handler=*/true);
#endif
    if (!v8::V8::Initialize()) g_init_error = "v8::V8::Initialize() failed";
  });
  if (!g_init_error.empty()) throw WasmError(ErrorKind::Unavailable, g_init_error);
}

uint64_t hash_bytes(std::span<const uint8_t> b) {
  return hash64(std::string_view(reinterpret_cast<const char*>(b.data()), b.size()));
}

// Process-wide cache of compiled code: (hash, flags) -> bytes + CompiledWasmModule.
struct CompiledEntry {
  std::vector<uint8_t> bytes;
  std::shared_ptr<v8::CompiledWasmModule> compiled;
};
std::mutex g_cache_mutex;
std::multimap<std::pair<uint64_t, std::string>, CompiledEntry> g_cache;

}  // namespace

// Also used by the worker threads (v8_workers.cpp).
std::string exception_text(v8::Isolate* iso, v8::Local<v8::Context> ctx, v8::TryCatch& tc) {
  if (!tc.HasCaught()) return "unknown error";
  v8::Local<v8::Value> ex = tc.Exception();
  v8::Local<v8::String> s;
  if (!ex->ToString(ctx).ToLocal(&s)) return "unprintable exception";
  v8::String::Utf8Value u(iso, s);
  return *u ? std::string(*u) : std::string("?");
}


namespace {

class V8Engine;

// WasmStreaming is V8's one public way to hand back serialized code (the disk cache): the
// embedder's streaming callback receives what WebAssembly.compileStreaming was called with, here
// an External pointing at this job.
struct StreamJob {
  std::span<const uint8_t> wire;
  const std::vector<uint8_t>* serialized = nullptr;
  bool accepted = false;  // V8 took the serialized code (else it compiled the bytes)
};

void streaming_callback(const v8::FunctionCallbackInfo<v8::Value>& info) {
  std::shared_ptr<v8::WasmStreaming> s = v8::WasmStreaming::Unpack(info.GetIsolate(), info.Data());
  if (info.Length() < 1 || !info[0]->IsExternal()) {
    s->Abort(v8::MaybeLocal<v8::Value>());
    return;
  }
  auto* job = static_cast<StreamJob*>(info[0].As<v8::External>()->Value());
  job->accepted = s->SetCompiledModuleBytes(job->serialized->data(), job->serialized->size());
  s->OnBytesReceived(job->wire.data(), job->wire.size());
  s->Finish();
}

class V8Module final : public Module {
 public:
  V8Module(ModuleInfo info, bool cached, bool from_disk = false)
      : info_(std::move(info)), cached_(cached), from_disk_(from_disk) {}
  const ModuleInfo& info() const override { return info_; }
  bool from_cache() const override { return cached_; }
  bool from_disk_cache() const override { return from_disk_; }
  v8::Global<v8::WasmModuleObject> object;
  V8Engine* owner = nullptr;

 private:
  ModuleInfo info_;
  bool cached_, from_disk_;
};

// Watchdog: one thread per engine; arm() before a call, disarm() after.
class Watchdog {
 public:
  explicit Watchdog(v8::Isolate* iso) : iso_(iso), thread_([this] { run(); }) {}
  ~Watchdog() {
    {
      std::lock_guard lk(m_);
      stop_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }
  void arm(uint32_t ms) {
    std::lock_guard lk(m_);
    deadline_ = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    armed_ = true;
    fired_ = false;
    cv_.notify_all();
  }
  // Returns true if the watchdog fired during this call.
  bool disarm() {
    std::lock_guard lk(m_);
    armed_ = false;
    return fired_;
  }

 private:
  void run() {
    std::unique_lock lk(m_);
    while (!stop_) {
      if (!armed_) {
        cv_.wait(lk);
        continue;
      }
      if (cv_.wait_until(lk, deadline_) == std::cv_status::timeout && armed_ && !stop_ &&
          std::chrono::steady_clock::now() >= deadline_) {
        fired_ = true;
        armed_ = false;
        iso_->TerminateExecution();
      }
    }
  }
  v8::Isolate* iso_;
  std::mutex m_;
  std::condition_variable cv_;
  std::chrono::steady_clock::time_point deadline_;
  bool armed_ = false, fired_ = false, stop_ = false;
  std::thread thread_;
};

struct HostSlot {
  HostFunction fn;
  std::string* error_sink;
};

class V8Instance;
class V8Engine;

// Taking a v8::Locker that this thread does not hold yet restores V8's per-thread state, and
// dropping it archives that state again: microseconds, on every crossing into compiled code if
// each call took and dropped its own. So a thread that calls into an isolate keeps it locked,
// entered, with an open handle scope and its context entered, until the thread ends (or the
// engine goes); each call then only opens a nested handle scope. Another thread that wants the
// isolate waits until the holder ends or the engine goes: a program runs on the thread that
// runs it (interp/program_stack.h), which holds the isolate until its engine is destroyed.
struct Hold {
  const V8Engine* engine;
  v8::Isolate* iso;
  std::unique_ptr<v8::Locker> locker;
  // v8::HandleScope cannot be made with new: it lives here, built with ::new
  alignas(v8::HandleScope) unsigned char scope[sizeof(v8::HandleScope)];
  v8::Local<v8::Context> context;
  void enter(v8::Global<v8::Context>& ctx) {
    iso->Enter();
    ::new (scope) v8::HandleScope(iso);
    context = ctx.Get(iso);
    context->Enter();
  }
  void exit() {
    context->Exit();
    reinterpret_cast<v8::HandleScope*>(scope)->~HandleScope();
    iso->Exit();
  }
};
struct ThreadHolds {
  std::vector<std::unique_ptr<Hold>> held;  // in the order taken (isolates are exited in reverse)
  const V8Engine* last = nullptr;           // the engine this thread used last (a held one)
  ~ThreadHolds() {
    while (!held.empty()) {
      held.back()->exit();
      held.pop_back();
    }
  }
};
thread_local ThreadHolds t_holds;

class V8Engine final : public Engine {
 public:
  explicit V8Engine(const EngineOptions& o) : opts_(o) {
    if (opts_.max_memory_pages == 0) opts_.max_memory_pages = opts_.memory_pages;
    if (opts_.max_memory_pages > kMaxPages) opts_.max_memory_pages = kMaxPages;
    if (opts_.memory_pages > opts_.max_memory_pages) opts_.memory_pages = opts_.max_memory_pages;
    init_v8(opts_);
    flags_ = flags_for(opts_);
    {
      std::lock_guard lk(g_flags_mutex);
      apply_flags(flags_);
    }
    allocator_.reset(v8::ArrayBuffer::Allocator::NewDefaultAllocator());
    v8::Isolate::CreateParams params;
    params.array_buffer_allocator = allocator_.get();
    iso_ = v8::Isolate::New(params);
    // before the context exists: V8 installs WebAssembly.compileStreaming only with a callback
    iso_->SetWasmStreamingCallback(streaming_callback);
    if (opts_.cache)
      if (auto dir = DiskCache::default_directory())
        disk_ = std::make_unique<DiskCache>(*dir, std::string(v8::V8::GetVersion()) + " " + flags_);
    {
      v8::Locker lock(iso_);
      v8::Isolate::Scope is(iso_);
      v8::HandleScope hs(iso_);
      context_.Reset(iso_, v8::Context::New(iso_));
      // No promises run here: without this, every call that returns to the host would check
      // the (empty) microtask queue.
      iso_->SetMicrotasksPolicy(v8::MicrotasksPolicy::kExplicit);
    }
    watchdog_ = std::make_unique<Watchdog>(iso_);
  }
  ~V8Engine() override {
    watchdog_.reset();
    release_this_thread();
    {
      v8::Locker lock(iso_);
      v8::Isolate::Scope is(iso_);
      local_cache_.clear();
      context_.Reset();
    }
    iso_->Dispose();
  }

  std::string name() const override { return "V8 " + std::string(v8::V8::GetVersion()); }
  const EngineOptions& options() const override { return opts_; }
  CacheStats cache_stats() const override { return stats_; }

  // TerminateExecution is V8's one thread-safe way in; a call about to start sees the flag
  // instead (both sides use sequentially consistent atomics, so one of them always acts).
  void interrupt() override {
    interrupted_.store(true);
    if (calls_running_.load() > 0) iso_->TerminateExecution();
    // The workers of a split call run in their own isolates: each is stopped too, also when the
    // calling thread's own part has already returned and it is waiting for theirs. (This takes
    // locks: call it from a thread, such as the watchdog's, not from a signal handler.)
    std::lock_guard lk(splitting_mutex_);
    for (WorkerPool* p : splitting_) p->stop();
  }
  // A split call's workers, stopped by interrupt() while registered (see V8Instance::call_split).
  void begin_split(WorkerPool* p) {
    std::lock_guard lk(splitting_mutex_);
    splitting_.push_back(p);
  }
  void end_split(WorkerPool* p) {
    std::lock_guard lk(splitting_mutex_);
    std::erase(splitting_, p);
  }
  // Makes this thread hold the isolate (see ThreadHolds).
  void hold_on_this_thread() {
    if (t_holds.last == this) return;
    for (const auto& h : t_holds.held)
      if (h->engine == this) {
        t_holds.last = this;
        return;
      }
    auto h = std::make_unique<Hold>();
    h->engine = this;
    h->iso = iso_;
    h->locker = std::make_unique<v8::Locker>(iso_);
    h->enter(context_);
    t_holds.held.push_back(std::move(h));
    t_holds.last = this;
  }
  // Isolates are entered and exited in a stack: those held after this one are exited first and
  // entered again after.
  void release_this_thread() {
    if (t_holds.last == this) t_holds.last = nullptr;
    auto& held = t_holds.held;
    size_t i = 0;
    while (i < held.size() && held[i]->engine != this) ++i;
    if (i == held.size()) return;
    for (size_t k = held.size(); k-- > i;) held[k]->exit();
    held.erase(held.begin() + long(i));
    for (size_t k = i; k < held.size(); ++k) held[k]->enter(context_of(*held[k]));
  }
  static v8::Global<v8::Context>& context_of(const Hold& h);
  // True once per interrupt(): the call that observes it ends with WasmError{Timeout} or
  // {Interrupted}.
  bool take_interrupt() { return interrupted_.exchange(false); }

  std::shared_ptr<Module> compile(std::span<const uint8_t> bytes) override {
    ModuleInfo info = parse_module_info(bytes);  // throws Compile on malformed headers
    uint64_t h = hash_bytes(bytes);
    auto same = [&](const std::vector<uint8_t>& v) {
      return v.size() == bytes.size() && std::memcmp(v.data(), bytes.data(), v.size()) == 0;
    };
    if (opts_.cache) {
      auto range = local_cache_.equal_range(h);
      for (auto it = range.first; it != range.second; ++it)
        if (same(it->second.first)) {
          ++stats_.hits;
          auto m = std::make_shared<V8Module>(it->second.second->info(), true);
          m->owner = this;
          v8::Locker lock(iso_);
          v8::Isolate::Scope is(iso_);
          v8::HandleScope hs(iso_);
          m->object.Reset(iso_, it->second.second->object.Get(iso_));
          return m;
        }
    }
    v8::Locker lock(iso_);
    v8::Isolate::Scope is(iso_);
    v8::HandleScope hs(iso_);
    v8::Local<v8::Context> ctx = context_.Get(iso_);
    v8::Context::Scope cs(ctx);
    v8::Local<v8::WasmModuleObject> obj;
    bool cached = false;
    if (opts_.cache) {
      std::lock_guard lk(g_cache_mutex);
      auto range = g_cache.equal_range({h, flags_});
      for (auto it = range.first; it != range.second; ++it)
        if (same(it->second.bytes)) {
          if (v8::WasmModuleObject::FromCompiledModule(iso_, *it->second.compiled).ToLocal(&obj)) {
            cached = true;
            ++stats_.hits;
          }
          break;
        }
    }
    bool from_disk = false;
    if (!cached && disk_) from_disk = cached = load_from_disk(bytes, ctx, obj);
    if (!cached) {
      ++stats_.misses;
      v8::TryCatch tc(iso_);
      v8::MaybeLocal<v8::WasmModuleObject> r;
      {
        std::lock_guard lk(g_flags_mutex);
        apply_flags(flags_);
        r = v8::WasmModuleObject::Compile(iso_, v8::MemorySpan<const uint8_t>(bytes.data(), bytes.size()));
      }
      if (!r.ToLocal(&obj)) {
        std::string msg = exception_text(iso_, ctx, tc);
        if (!opts_.simd && msg.find("simd") != std::string::npos)
          msg += " (the module uses SIMD but simd = false; enable simd or use the scalar module)";
        throw WasmError(ErrorKind::Compile, "WebAssembly compilation failed: " + msg);
      }
      if (disk_) {
        v8::OwnedBuffer data = obj->GetCompiledModule().Serialize();
        disk_->store(bytes, std::span<const uint8_t>(data.buffer.get(), data.size));
      }
    }
    if (opts_.cache && (!cached || from_disk)) {  // other engines of this process share it
      std::lock_guard lk(g_cache_mutex);
      g_cache.insert({{h, flags_},
                      CompiledEntry{std::vector<uint8_t>(bytes.begin(), bytes.end()),
                                    std::make_shared<v8::CompiledWasmModule>(obj->GetCompiledModule())}});
    }
    auto m = std::make_shared<V8Module>(std::move(info), cached, from_disk);
    m->owner = this;
    m->object.Reset(iso_, obj);
    if (opts_.cache) {
      auto keep = std::make_shared<V8Module>(m->info(), true);
      keep->object.Reset(iso_, obj);
      local_cache_.insert({h, {std::vector<uint8_t>(bytes.begin(), bytes.end()), keep}});
    }
    return m;
  }

  std::unique_ptr<Instance> instantiate(const std::shared_ptr<Module>& module,
                                        std::vector<HostFunction> imports) override;

  // The module from code this engine serialized in an earlier process, if an intact entry
  // exists and V8 accepts it; a rejected entry is removed (compile() then rewrites it).
  bool load_from_disk(std::span<const uint8_t> bytes, v8::Local<v8::Context> ctx, v8::Local<v8::WasmModuleObject>& out) {
    std::optional<std::vector<uint8_t>> data = disk_->load(bytes);
    if (!data) return false;
    StreamJob job{bytes, &*data};
    v8::TryCatch tc(iso_);
    v8::Local<v8::Value> wa, fn, result;
    if (!ctx->Global()->Get(ctx, v8::String::NewFromUtf8Literal(iso_, "WebAssembly")).ToLocal(&wa) || !wa->IsObject() ||
        !wa.As<v8::Object>()->Get(ctx, v8::String::NewFromUtf8Literal(iso_, "compileStreaming")).ToLocal(&fn) ||
        !fn->IsFunction())
      return false;
    v8::Local<v8::Value> arg = v8::External::New(iso_, &job);
    {
      std::lock_guard lk(g_flags_mutex);
      apply_flags(flags_);
      if (!fn.As<v8::Function>()->Call(ctx, wa, 1, &arg).ToLocal(&result) || !result->IsPromise()) return false;
      // Deserializing finishes on this thread's task queue; bounded, in case it never settles.
      auto promise = result.As<v8::Promise>();
      auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(10);
      while (promise->State() == v8::Promise::kPending && std::chrono::steady_clock::now() < give_up) {
        while (v8::platform::PumpMessageLoop(g_platform.get(), iso_)) {
        }
        iso_->PerformMicrotaskCheckpoint();
        if (promise->State() == v8::Promise::kPending) std::this_thread::sleep_for(std::chrono::microseconds(50));
      }
      if (promise->State() != v8::Promise::kFulfilled || !promise->Result()->IsWasmModuleObject()) return false;
      out = promise->Result().As<v8::WasmModuleObject>();
    }
    if (!job.accepted) {
      disk_->remove(bytes);
      return false;  // V8 compiled the bytes instead: count it as a miss, store a fresh entry
    }
    ++stats_.hits;
    ++stats_.disk_hits;
    return true;
  }

  v8::Isolate* iso_ = nullptr;
  v8::Global<v8::Context> context_;
  EngineOptions opts_;
  std::string flags_;
  std::unique_ptr<Watchdog> watchdog_;
  std::atomic<int> calls_running_{0};
  std::atomic<bool> interrupted_{false};

 private:
  std::mutex splitting_mutex_;
  std::vector<WorkerPool*> splitting_;
  std::unique_ptr<v8::ArrayBuffer::Allocator> allocator_;
  std::unordered_multimap<uint64_t, std::pair<std::vector<uint8_t>, std::shared_ptr<V8Module>>> local_cache_;
  CacheStats stats_;
  std::unique_ptr<DiskCache> disk_;
};

v8::Global<v8::Context>& V8Engine::context_of(const Hold& h) { return const_cast<V8Engine*>(h.engine)->context_; }

}  // namespace

v8::Local<v8::Value> to_js(v8::Isolate* iso, const Val& v) {
  switch (v.type) {
    case ValType::I32: return v8::Integer::New(iso, v.i32);
    case ValType::I64: return v8::BigInt::New(iso, v.i64);
    case ValType::F32: return v8::Number::New(iso, v.f32);
    case ValType::F64: return v8::Number::New(iso, v.f64);
  }
  return v8::Undefined(iso);
}

namespace {

bool from_js(v8::Local<v8::Context> ctx, v8::Local<v8::Value> js, ValType t, Val& out) {
  switch (t) {
    case ValType::I32: {
      int32_t x;
      if (!js->Int32Value(ctx).To(&x)) return false;
      out = Val::I32(x);
      return true;
    }
    case ValType::I64: {
      v8::Local<v8::BigInt> b;
      if (!js->ToBigInt(ctx).ToLocal(&b)) return false;
      out = Val::I64(b->Int64Value());
      return true;
    }
    case ValType::F32:
    case ValType::F64: {
      double d;
      if (!js->NumberValue(ctx).To(&d)) return false;
      out = t == ValType::F32 ? Val::F32(float(d)) : Val::F64(d);
      return true;
    }
  }
  return false;
}

void host_trampoline(const v8::FunctionCallbackInfo<v8::Value>& info) {
  auto* slot = static_cast<HostSlot*>(info.Data().As<v8::External>()->Value());
  v8::Isolate* iso = info.GetIsolate();
  v8::Local<v8::Context> ctx = iso->GetCurrentContext();
  std::vector<Val> args(slot->fn.type.params.size());
  for (size_t i = 0; i < args.size(); ++i)
    if (!from_js(ctx, info[int(i)], slot->fn.type.params[i], args[i])) return;
  try {
    std::vector<Val> res = slot->fn.fn(args);
    if (res.size() != slot->fn.type.results.size())
      throw std::runtime_error(fmt::format("host function {} returned {} values, its type says {}",
                                           slot->fn.name, res.size(), slot->fn.type.results.size()));
    if (res.size() == 1) info.GetReturnValue().Set(to_js(iso, res[0]));
    else if (res.size() > 1) {
      v8::Local<v8::Array> arr = v8::Array::New(iso, int(res.size()));
      for (size_t i = 0; i < res.size(); ++i) arr->Set(ctx, uint32_t(i), to_js(iso, res[i])).Check();
      info.GetReturnValue().Set(arr);
    }
  } catch (const std::exception& e) {
    *slot->error_sink = fmt::format("host function {}.{} failed: {}", slot->fn.module, slot->fn.name, e.what());
    iso->ThrowException(v8::Exception::Error(
        v8::String::NewFromUtf8(iso, slot->error_sink->c_str()).ToLocalChecked()));
  }
}

class V8Instance final : public Instance {
 public:
  V8Instance(V8Engine* eng, std::shared_ptr<Module> mod) : eng_(eng), mod_(std::move(mod)) {}
  ~V8Instance() override {
    workers_.reset();
    v8::Locker lock(eng_->iso_);
    v8::Isolate::Scope is(eng_->iso_);
    funcs_.clear();
    memory_.Reset();
    exports_.Reset();
    instance_.Reset();
  }
  const ModuleInfo& info() const override { return mod_->info(); }

  void setup(std::vector<HostFunction> imports) {
    v8::Isolate* iso = eng_->iso_;
    v8::Locker lock(iso);
    v8::Isolate::Scope is(iso);
    v8::HandleScope hs(iso);
    v8::Local<v8::Context> ctx = eng_->context_.Get(iso);
    v8::Context::Scope cs(ctx);
    v8::TryCatch tc(iso);
    auto str = [&](std::string_view s) {
      return v8::String::NewFromUtf8(iso, s.data(), v8::NewStringType::kNormal, int(s.size())).ToLocalChecked();
    };
    v8::Local<v8::Object> wasm_ns =
        ctx->Global()->Get(ctx, str("WebAssembly")).ToLocalChecked().As<v8::Object>();
    v8::Local<v8::Object> import_obj = v8::Object::New(iso);
    auto ns_for = [&](const std::string& m) {
      v8::Local<v8::Value> ns;
      if (import_obj->Get(ctx, str(m)).ToLocal(&ns) && ns->IsObject()) return ns.As<v8::Object>();
      v8::Local<v8::Object> o = v8::Object::New(iso);
      import_obj->Set(ctx, str(m), o).Check();
      return o;
    };
    // Memory import: created from the engine options.
    for (const ImportInfo& im : info().imports) {
      if (im.kind == ExportInfo::Memory) {
        uint32_t initial = std::max(eng_->opts_.memory_pages, im.mem_min);
        uint32_t maximum = eng_->opts_.max_memory_pages;
        if (im.has_max) maximum = std::min(maximum, im.mem_max);
        if (im.mem_min > maximum)
          throw WasmError(ErrorKind::Memory,
                          fmt::format("the module needs at least {} pages ({} bytes) of linear memory, but "
                                      "memory_pages = {} allows only {} bytes; raise memory_pages "
                                      "([wasm] memory_pages in multilingual.toml or --memory-pages)",
                                      im.mem_min, uint64_t(im.mem_min) * kPageSize, maximum,
                                      uint64_t(maximum) * kPageSize));
        initial = std::min(initial, maximum);
        v8::Local<v8::Object> desc = v8::Object::New(iso);
        desc->Set(ctx, str("initial"), v8::Integer::NewFromUnsigned(iso, initial)).Check();
        desc->Set(ctx, str("maximum"), v8::Integer::NewFromUnsigned(iso, maximum)).Check();
        if (im.shared) desc->Set(ctx, str("shared"), v8::True(iso)).Check();
        v8::Local<v8::Value> argv[] = {desc};
        v8::Local<v8::Object> mem;
        v8::Local<v8::Function> ctor =
            wasm_ns->Get(ctx, str("Memory")).ToLocalChecked().As<v8::Function>();
        if (!ctor->NewInstance(ctx, 1, argv).ToLocal(&mem))
          throw WasmError(ErrorKind::Memory,
                          fmt::format("could not reserve linear memory of {} pages (max {}): {}", initial,
                                      maximum, exception_text(iso, ctx, tc)));
        ns_for(im.module)->Set(ctx, str(im.name), mem).Check();
        memory_.Reset(iso, mem);
        max_pages_ = maximum;
      }
    }
    for (HostFunction& hf : imports) {
      auto slot = std::make_unique<HostSlot>(HostSlot{std::move(hf), &host_error_});
      v8::Local<v8::Function> f;
      if (!v8::Function::New(ctx, host_trampoline, v8::External::New(iso, slot.get())).ToLocal(&f))
        throw WasmError(ErrorKind::Link, "could not create host function " + slot->fn.name);
      ns_for(slot->fn.module)->Set(ctx, str(slot->fn.name), f).Check();
      hosts_.push_back(std::move(slot));
    }
    // Check function imports are provided with the right type before V8 links.
    for (const ImportInfo& im : info().imports) {
      if (im.kind != ExportInfo::Function) continue;
      const HostSlot* found = nullptr;
      for (auto& s : hosts_)
        if (s->fn.module == im.module && s->fn.name == im.name) found = s.get();
      if (!found)
        throw WasmError(ErrorKind::Link, fmt::format("the module imports function {}.{} {} which the host "
                                                     "does not provide",
                                                     im.module, im.name, to_string(im.type)));
      if (!(found->fn.type == im.type))
        throw WasmError(ErrorKind::Link,
                        fmt::format("import {}.{}: the module expects {} but the host provides {}", im.module,
                                    im.name, to_string(im.type), to_string(found->fn.type)));
    }
    auto* vm = static_cast<V8Module*>(mod_.get());
    v8::Local<v8::Value> argv[] = {vm->object.Get(iso), import_obj};
    v8::Local<v8::Function> ctor = wasm_ns->Get(ctx, str("Instance")).ToLocalChecked().As<v8::Function>();
    v8::Local<v8::Object> inst;
    if (!ctor->NewInstance(ctx, 2, argv).ToLocal(&inst)) {
      std::string msg = exception_text(iso, ctx, tc);
      if (msg.find("RuntimeError") != std::string::npos)
        throw WasmError(ErrorKind::Trap, "the module's start function trapped: " + msg, classify_trap(msg));
      throw WasmError(ErrorKind::Link, "WebAssembly instantiation failed: " + msg);
    }
    instance_.Reset(iso, inst);
    v8::Local<v8::Object> exports = inst->Get(ctx, str("exports")).ToLocalChecked().As<v8::Object>();
    exports_.Reset(iso, exports);
    if (memory_.IsEmpty()) {
      for (const ExportInfo& e : info().exports)
        if (e.kind == ExportInfo::Memory) {
          v8::Local<v8::Value> m = exports->Get(ctx, str(e.name)).ToLocalChecked();
          if (m->IsWasmMemoryObject()) {
            memory_.Reset(iso, m.As<v8::Object>());
            max_pages_ = eng_->opts_.max_memory_pages;
            break;
          }
        }
    }
    refresh_memory(iso);
    bool shared = false;
    for (const ImportInfo& im : info().imports) shared |= im.kind == ExportInfo::Memory && im.shared;
    split_threads_ = shared && !memory_.IsEmpty() && eng_->opts_.threads > 1 ? eng_->opts_.threads : 1;
  }

  std::vector<Val> call(std::string_view name, std::span<const Val> args) override {
    ExportFunction f = function(name);
    std::vector<Val> out(funcs_[f.index].type->results.size());
    call(f, args, out);
    return out;
  }

  ExportFunction function(std::string_view name) override {
    for (uint32_t i = 0; i < funcs_.size(); ++i)
      if (funcs_[i].name == name) return ExportFunction{i};
    const ExportInfo* e = info().find_export(name);
    if (!e || e->kind != ExportInfo::Function)
      throw WasmError(ErrorKind::MissingExport,
                      e ? fmt::format("export '{}' is not a function", name)
                        : fmt::format("the module has no export named '{}'", name));
    v8::Isolate* iso = eng_->iso_;
    eng_->hold_on_this_thread();
    v8::Isolate::Scope is(iso);
    v8::HandleScope hs(iso);
    v8::Local<v8::Context> ctx = eng_->context_.Get(iso);
    v8::Context::Scope cs(ctx);
    v8::Local<v8::Value> fv =
        exports_.Get(iso)->Get(ctx, v8::String::NewFromUtf8(iso, e->name.c_str()).ToLocalChecked()).ToLocalChecked();
    if (!fv->IsFunction()) throw WasmError(ErrorKind::MissingExport, fmt::format("export '{}' is not callable", name));
    funcs_.push_back(Export{e->name, &e->type, v8::Global<v8::Function>(iso, fv.As<v8::Function>())});
    return ExportFunction{uint32_t(funcs_.size() - 1)};
  }

  void call(ExportFunction f, std::span<const Val> args, std::span<Val> results) override {
    if (f.index >= funcs_.size()) throw WasmError(ErrorKind::MissingExport, "no such export handle");
    const Export& ex = funcs_[f.index];
    const std::string& name = ex.name;
    const FuncType& type = *ex.type;
    check_signature(name, type, args);
    if (results.size() != type.results.size())
      throw WasmError(ErrorKind::Signature, fmt::format("'{}' has type {}: room for {} result(s) given", name,
                                                        to_string(type), results.size()));
    v8::Isolate* iso = eng_->iso_;
    eng_->hold_on_this_thread();  // and so the engine's context is entered (see ThreadHolds)
    v8::Isolate::Scope is(iso);
    v8::HandleScope hs(iso);
    v8::Local<v8::Context> ctx = eng_->context_.Get(iso);
    v8::Local<v8::Function> fn = ex.fn.Get(iso);
    v8::Local<v8::Value> argv[16];
    std::vector<v8::Local<v8::Value>> big;
    v8::Local<v8::Value>* pargs = argv;
    if (args.size() > 16) {
      big.resize(args.size());
      pargs = big.data();
    }
    for (size_t i = 0; i < args.size(); ++i) pargs[i] = to_js(iso, args[i]);
    host_error_.clear();
    v8::TryCatch tc(iso);
    uint32_t timeout = eng_->opts_.timeout_ms;
    eng_->calls_running_.fetch_add(1);
    // (a plain load first: taking the flag is an atomic exchange, for the rare interrupted call)
    if (eng_->interrupted_.load() && eng_->take_interrupt()) {
      eng_->calls_running_.fetch_sub(1);
      throw WasmError(ErrorKind::Interrupted, fmt::format("'{}' was not started: the program was interrupted", name));
    }
    if (timeout) eng_->watchdog_->arm(timeout);
    v8::MaybeLocal<v8::Value> r = fn->Call(ctx, v8::Undefined(iso), int(args.size()), pargs);
    bool fired = timeout ? eng_->watchdog_->disarm() : false;
    eng_->calls_running_.fetch_sub(1);
    if (fired || tc.HasTerminated()) {
      iso->CancelTerminateExecution();
      if (r.IsEmpty() && eng_->take_interrupt()) {
        refresh_memory(iso);
        throw WasmError(ErrorKind::Timeout, fmt::format("'{}' was interrupted (time limit or Ctrl-C)", name));
      }
      if (r.IsEmpty()) {
        refresh_memory(iso);
        throw WasmError(ErrorKind::Timeout,
                        fmt::format("'{}' did not finish within timeout_ms = {} ms and was interrupted "
                                    "(raise timeout_ms in [wasm] of multilingual.toml, or 0 for no limit)",
                                    name, timeout));
      }
    }
    refresh_memory(iso);
    v8::Local<v8::Value> res;
    if (!r.ToLocal(&res)) {
      if (!host_error_.empty()) throw WasmError(ErrorKind::Host, host_error_);
      std::string msg = exception_text(iso, ctx, tc);
      TrapKind tk = classify_trap(msg);
      throw WasmError(ErrorKind::Trap, fmt::format("'{}' trapped ({}): {}", name, to_string(tk), msg), tk);
    }
    if (results.size() == 1) {
      if (!from_js(ctx, res, type.results[0], results[0]))
        throw WasmError(ErrorKind::Signature, fmt::format("could not read the result of '{}'", name));
    } else if (results.size() > 1) {
      v8::Local<v8::Object> arr = res.As<v8::Object>();
      for (size_t i = 0; i < results.size(); ++i)
        if (!from_js(ctx, arr->Get(ctx, uint32_t(i)).ToLocalChecked(), type.results[i], results[i]))
          throw WasmError(ErrorKind::Signature, fmt::format("could not read result {} of '{}'", i, name));
    }
  }

  unsigned threads() const override { return split_threads_; }
  void call_split(std::string_view name, const std::vector<std::vector<Val>>& lists) override;

  bool has_memory() const override { return !memory_.IsEmpty(); }
  uint64_t memory_size() const override { return mem_size_; }
  uint32_t memory_max_pages() const override { return max_pages_; }
  uint8_t* memory_data() override { return mem_data_; }

  uint32_t memory_grow(uint32_t pages) override {
    require_memory();
    uint64_t cur = mem_size_ / kPageSize;
    if (cur + pages > max_pages_)
      throw WasmError(ErrorKind::Memory, limit_message((cur + pages) * kPageSize));
    v8::Isolate* iso = eng_->iso_;
    v8::Locker lock(iso);
    v8::Isolate::Scope is(iso);
    v8::HandleScope hs(iso);
    v8::Local<v8::Context> ctx = eng_->context_.Get(iso);
    v8::Context::Scope cs(ctx);
    v8::TryCatch tc(iso);
    v8::Local<v8::Object> mem = memory_.Get(iso);
    v8::Local<v8::Function> grow =
        mem->Get(ctx, v8::String::NewFromUtf8Literal(iso, "grow")).ToLocalChecked().As<v8::Function>();
    v8::Local<v8::Value> argv[] = {v8::Integer::NewFromUnsigned(iso, pages)};
    v8::Local<v8::Value> r;
    if (!grow->Call(ctx, mem, 1, argv).ToLocal(&r))
      throw WasmError(ErrorKind::Memory, limit_message((cur + pages) * kPageSize) + " (engine: " +
                                             exception_text(iso, ctx, tc) + ")");
    refresh_memory(iso);
    return uint32_t(cur);
  }

  void ensure_memory(uint64_t bytes) override {
    require_memory();
    if (bytes <= mem_size_) return;
    uint64_t need_pages = (bytes + kPageSize - 1) / kPageSize;
    if (need_pages > max_pages_) throw WasmError(ErrorKind::Memory, limit_message(bytes));
    memory_grow(uint32_t(need_pages - mem_size_ / kPageSize));
  }

  void memory_write(uint64_t offset, std::span<const uint8_t> data) override {
    check_range(offset, data.size());
    if (!data.empty()) std::memcpy(mem_data_ + offset, data.data(), data.size());
  }
  void memory_read(uint64_t offset, std::span<uint8_t> out) const override {
    check_range(offset, out.size());
    if (!out.empty()) std::memcpy(out.data(), mem_data_ + offset, out.size());
  }

  int64_t global_value(std::string_view name) override {
    const ExportInfo* e = info().find_export(name);
    if (!e || e->kind != ExportInfo::Global)
      throw WasmError(ErrorKind::MissingExport, fmt::format("the module has no exported global '{}'", name));
    v8::Isolate* iso = eng_->iso_;
    v8::Locker lock(iso);
    v8::Isolate::Scope is(iso);
    v8::HandleScope hs(iso);
    v8::Local<v8::Context> ctx = eng_->context_.Get(iso);
    v8::Context::Scope cs(ctx);
    v8::Local<v8::Value> g =
        exports_.Get(iso)->Get(ctx, v8::String::NewFromUtf8(iso, e->name.c_str()).ToLocalChecked()).ToLocalChecked();
    v8::Local<v8::Value> v = g.As<v8::Object>()->Get(ctx, v8::String::NewFromUtf8Literal(iso, "value")).ToLocalChecked();
    if (v->IsBigInt()) return v.As<v8::BigInt>()->Int64Value();
    return int64_t(v->NumberValue(ctx).FromMaybe(0));
  }

 private:
  static void check_signature(const std::string& name, const FuncType& type, std::span<const Val> args) {
    if (args.size() != type.params.size())
      throw WasmError(ErrorKind::Signature, fmt::format("'{}' has type {} but was called with {} argument(s)",
                                                        name, to_string(type), args.size()));
    for (size_t i = 0; i < args.size(); ++i)
      if (args[i].type != type.params[i])
        throw WasmError(ErrorKind::Signature,
                        fmt::format("'{}' has type {}: argument {} is {} but should be {}", name,
                                    to_string(type), i + 1, to_string(args[i].type), to_string(type.params[i])));
  }
  void require_memory() const {
    if (memory_.IsEmpty()) throw WasmError(ErrorKind::Memory, "the module has no linear memory");
  }
  void check_range(uint64_t offset, uint64_t n) const {
    require_memory();
    if (offset > mem_size_ || n > mem_size_ - offset)
      throw WasmError(ErrorKind::Memory, fmt::format("host access [{}, {}) is outside linear memory of {} bytes",
                                                     offset, offset + n, mem_size_));
  }
  std::string limit_message(uint64_t needed) const {
    uint64_t need_pages = (needed + kPageSize - 1) / kPageSize;
    return fmt::format(
        "out of WebAssembly linear memory: {} bytes ({} pages of 64 KiB) are needed but memory_pages = {} "
        "allows {} bytes; raise memory_pages to at least {} ([wasm] memory_pages in multilingual.toml, "
        "[tool.multilingual.wasm] in pyproject.toml, or --memory-pages)",
        needed, need_pages, max_pages_, uint64_t(max_pages_) * kPageSize, need_pages);
  }
  // (inside a HandleScope of the caller's)
  void refresh_memory(v8::Isolate* iso) {
    if (memory_.IsEmpty()) return;
    v8::Local<v8::Object> m = memory_.Get(iso);
    v8::Local<v8::ArrayBuffer> buf = v8::Local<v8::WasmMemoryObject>::Cast(m)->Buffer();
    mem_data_ = static_cast<uint8_t*>(buf->Data());
    mem_size_ = buf->ByteLength();
  }

  void start_workers();

  V8Engine* eng_;
  std::shared_ptr<Module> mod_;
  unsigned split_threads_ = 1;  // threads call_split uses; its workers start on its first use
  std::unique_ptr<WorkerPool> workers_;
  v8::Global<v8::Object> instance_, exports_, memory_;
  // Exported functions looked up so far; an ExportFunction is an index here.
  struct Export {
    std::string name;
    const FuncType* type;
    v8::Global<v8::Function> fn;
  };
  std::deque<Export> funcs_;  // a deque: an Export stays put while a call runs
  std::vector<std::unique_ptr<HostSlot>> hosts_;
  std::string host_error_;
  uint8_t* mem_data_ = nullptr;
  uint64_t mem_size_ = 0;
  uint32_t max_pages_ = 0;
};

// The workers start on the first split call (when the options ask for threads and the memory
// the module imports is shared), so instances that never split pay nothing for them.
void V8Instance::start_workers() {
  v8::Isolate* iso = eng_->iso_;
  v8::Locker lock(iso);
  v8::Isolate::Scope is(iso);
  v8::HandleScope hs(iso);
  v8::Local<v8::Context> ctx = eng_->context_.Get(iso);
  v8::Context::Scope cs(ctx);
  auto* vm = static_cast<V8Module*>(mod_.get());
  workers_ = WorkerPool::start(iso, ctx, vm->object.Get(iso), memory_.Get(iso), split_threads_ - 1);
}

void V8Instance::call_split(std::string_view name, const std::vector<std::vector<Val>>& lists) {
  if (split_threads_ <= 1 || lists.size() <= 1) return Instance::call_split(name, lists);
  if (!workers_) start_workers();
  if (lists.size() > threads())
    throw WasmError(ErrorKind::Signature,
                    fmt::format("'{}' was split {} ways but the instance has {} threads", name, lists.size(), threads()));
  const ExportInfo* e = info().find_export(name);
  for (const auto& a : lists) {  // the checks call() makes, before any thread starts
    bool ok = e && e->kind == ExportInfo::Function && a.size() == e->type.params.size();
    for (size_t i = 0; ok && i < a.size(); ++i) ok = a[i].type == e->type.params[i];
    if (!ok) {
      call(name, std::span<const Val>(a.data(), a.size()));  // throws the precise error
      return;
    }
  }
  auto deadline = std::chrono::steady_clock::time_point::max();
  if (uint32_t t = eng_->opts_.timeout_ms) deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(t);
  struct Registered {  // interrupt() reaches the workers from dispatch until the last has stopped
    V8Engine* eng;
    WorkerPool* pool;
    ~Registered() { eng->end_split(pool); }
  } registered{eng_, workers_.get()};
  eng_->begin_split(workers_.get());
  workers_->dispatch(std::string(name), std::vector<std::vector<Val>>(lists.begin() + 1, lists.end()));
  try {
    call(name, std::span<const Val>(lists[0].data(), lists[0].size()));
  } catch (...) {
    workers_->wait(deadline, /*stop=*/true);
    throw;
  }
  if (workers_->wait(deadline))
    throw WasmError(ErrorKind::Timeout,
                    fmt::format("'{}' did not finish within timeout_ms = {} ms on {} threads and was interrupted "
                                "(raise timeout_ms in [wasm] of multilingual.toml, or 0 for no limit)",
                                name, eng_->opts_.timeout_ms, threads()));
  if (const WasmError* err = workers_->error()) {
    // A worker stopped by interrupt() while this thread waited: the interrupt is this call's.
    if (err->kind() == ErrorKind::Timeout && eng_->take_interrupt())
      throw WasmError(ErrorKind::Timeout, fmt::format("'{}' was interrupted: the program's time ran out", name));
    throw *err;
  }
}

std::unique_ptr<Instance> V8Engine::instantiate(const std::shared_ptr<Module>& module,
                                                std::vector<HostFunction> imports) {
  auto* vm = dynamic_cast<V8Module*>(module.get());
  if (!vm || vm->owner != this)
    throw WasmError(ErrorKind::Link, "the module was compiled by another engine; compile it with this one");
  auto inst = std::make_unique<V8Instance>(this, module);
  inst->setup(std::move(imports));
  return inst;
}

}  // namespace

static bool v8_available(std::string* reason) {
  try {
    EngineOptions o;
    init_v8(o);
    if (reason) *reason = "V8 " + std::string(v8::V8::GetVersion()) + " (libnode108) is linked in";
    return true;
  } catch (const std::exception& e) {
    if (reason) *reason = e.what();
    return false;
  }
}

}  // namespace ml::engine

// Exported to loader.cpp (plugin_abi.h).
#define ML_PLUGIN_EXPORT extern "C" __attribute__((visibility("default")))
ML_PLUGIN_EXPORT bool ml_v8_engine_available(std::string* reason) { return ml::engine::v8_available(reason); }
ML_PLUGIN_EXPORT std::string* ml_v8_engine_version() { return new std::string(v8::V8::GetVersion()); }
ML_PLUGIN_EXPORT ml::engine::Engine* ml_v8_create_engine(const ml::engine::EngineOptions* options) {
  return new ml::engine::V8Engine(*options);
}
ML_PLUGIN_EXPORT void ml_v8_clear_module_cache() {
  std::lock_guard lk(ml::engine::g_cache_mutex);
  ml::engine::g_cache.clear();
}
