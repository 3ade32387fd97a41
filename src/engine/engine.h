#pragma once
// The WebAssembly engine interface: compile bytes -> Module, instantiate with host imports ->
// Instance, call exports by name, access linear memory. Errors are one typed exception,
// WasmError, whose kind says what went wrong. The V8 implementation is in v8_engine.cpp; V8's
// headers never leak out of this folder.
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace ml::engine {

enum class ValType : uint8_t { I32, I64, F32, F64 };
std::string_view to_string(ValType t);

// One WebAssembly value.
struct Val {
  ValType type = ValType::I32;
  union {
    int32_t i32;
    int64_t i64;
    float f32;
    double f64;
  };
  Val() : i64(0) {}
  static Val I32(int32_t v) { Val x; x.type = ValType::I32; x.i32 = v; return x; }
  static Val I64(int64_t v) { Val x; x.type = ValType::I64; x.i64 = v; return x; }
  static Val F32(float v) { Val x; x.type = ValType::F32; x.f32 = v; return x; }
  static Val F64(double v) { Val x; x.type = ValType::F64; x.f64 = v; return x; }
  bool operator==(const Val& o) const;
};
std::string to_string(const Val& v);

struct FuncType {
  std::vector<ValType> params, results;
  bool operator==(const FuncType&) const = default;
};
std::string to_string(const FuncType& t);  // "(i32, f64) -> i64"

enum class ErrorKind : uint8_t {
  Unavailable,    // no engine in this build / platform
  Compile,        // bytes are not a valid module (corrupt, truncated, unsupported feature)
  Link,           // instantiation failed: missing or mismatched import
  MissingExport,  // no export of that name (or not a function)
  Signature,      // arguments do not match the export's parameter types
  Trap,           // the module trapped at run time (see TrapKind)
  Memory,         // linear memory limit reached / memory access from the host out of range
  Timeout,        // timeout_ms elapsed, or interrupt() stopped the call while it ran
  Interrupted,    // interrupt() came before the call started: nothing of it ran
  Host,           // a host (imported) function threw
};
std::string_view to_string(ErrorKind k);

enum class TrapKind : uint8_t {
  None, Unreachable, OutOfBounds, DivByZero, IntegerOverflow, InvalidConversion,
  StackOverflow, IndirectCall, Other
};
std::string_view to_string(TrapKind k);
// The kind of trap an engine's error message (V8's wording) describes.
TrapKind classify_trap(const std::string& message);

class WasmError : public std::runtime_error {
 public:
  WasmError(ErrorKind kind, std::string message, TrapKind trap = TrapKind::None)
      : std::runtime_error(std::move(message)), kind_(kind), trap_(trap) {}
  ErrorKind kind() const { return kind_; }
  TrapKind trap() const { return trap_; }

 private:
  ErrorKind kind_;
  TrapKind trap_;
};

// How options map to V8 (flags are process-wide in V8, so they are applied with
// V8::SetFlagsFromString before each isolate is created and before each compilation; the
// module cache key includes them so modules compiled under other flags are never reused):
//   optimizing_tier = true  -> "--no-liftoff --no-wasm-dynamic-tiering": every function is
//                              compiled by TurboFan up front (best steady-state speed; the
//                              seed's `cranelift = true`).
//   optimizing_tier = false -> "--liftoff --no-wasm-tier-up": baseline compiler only.
//   simd = true/false       -> "--experimental-wasm-simd" / "--no-experimental-wasm-simd"
//                              (with SIMD off, a module using v128 fails to compile).
//   memory_pages            -> initial pages of the linear memory the engine creates for a
//                              module that imports env.memory (never below the module's own
//                              minimum).
//   max_memory_pages        -> maximum of that memory (0 = memory_pages); growing past it is a
//                              WasmError{Memory} naming the bytes needed and the limit.
//   timeout_ms              -> a watchdog thread calls Isolate::TerminateExecution() when a call
//                              runs longer; the call ends with WasmError{Timeout} and the
//                              isolate is reset with CancelTerminateExecution().
//   cache                   -> compiled modules are kept in a process-wide cache keyed by a
//                              hash of the bytes (plus flags); a second load shares the
//                              compiled code (V8 CompiledWasmModule) instead of compiling.
//                              They are also serialized to disk (disk_cache.h), so the next
//                              process loads them instead of compiling them again.
struct EngineOptions {
  bool optimizing_tier = true;
  bool simd = true;
  uint32_t memory_pages = 1024;
  uint32_t max_memory_pages = 0;
  uint32_t timeout_ms = 0;
  bool cache = true;
  // Threads an instance's call_split may use, the calling thread included. With more than one,
  // an instance of a module whose imported memory is shared starts threads - 1 workers on its
  // first split call, each a thread with its own V8 isolate holding an instance of the same
  // compiled module on the same memory; they live as long as the instance and are reused.
  uint32_t threads = 1;
};

constexpr uint64_t kPageSize = 65536;
constexpr uint32_t kMaxPages = 65536;  // wasm32 addresses 4 GiB: 65536 pages of 64 KiB

struct ExportInfo {
  std::string name;
  enum Kind : uint8_t { Function, Memory, Global, Table } kind = Function;
  FuncType type;  // for functions
};
struct ImportInfo {
  std::string module, name;
  ExportInfo::Kind kind = ExportInfo::Function;
  FuncType type;                      // for functions
  uint32_t mem_min = 0, mem_max = 0;  // for memories (mem_max 0 = none)
  bool has_max = false;
  bool shared = false;  // a shared memory (threads)
};

// What a module declares, read from its binary (sections type/import/function/memory/export).
struct ModuleInfo {
  std::vector<ImportInfo> imports;
  std::vector<ExportInfo> exports;
  const ExportInfo* find_export(std::string_view name) const;
};
// Parses the module header and sections; throws WasmError{Compile} on malformed input.
ModuleInfo parse_module_info(std::span<const uint8_t> bytes);

class Module {
 public:
  virtual ~Module() = default;
  virtual const ModuleInfo& info() const = 0;
  virtual bool from_cache() const = 0;  // true when this load reused compiled code
  virtual bool from_disk_cache() const { return false; }  // ... serialized by an earlier process
};

// A host function the module can import.
struct HostFunction {
  std::string module = "env", name;
  FuncType type;
  std::function<std::vector<Val>(std::span<const Val>)> fn;
};

// An exported function of an instance, looked up once (Instance::function) and called many
// times without its name being looked up again.
struct ExportFunction {
  uint32_t index = 0;
};

class Instance {
 public:
  virtual ~Instance() = default;
  virtual ExportFunction function(std::string_view name) = 0;  // throws MissingExport
  // Calls it with `args`; `results` has room for its results. Throws as call(name, args).
  virtual void call(ExportFunction f, std::span<const Val> args, std::span<Val> results) = 0;
  // Calls an exported function. Throws WasmError: MissingExport, Signature, Trap, Timeout.
  virtual std::vector<Val> call(std::string_view name, std::span<const Val> args) = 0;
  std::vector<Val> call(std::string_view name, std::initializer_list<Val> args) {
    return call(name, std::span<const Val>(args.begin(), args.size()));
  }
  virtual bool has_memory() const = 0;
  virtual uint64_t memory_size() const = 0;  // bytes
  virtual uint32_t memory_max_pages() const = 0;
  // Grows so that memory_size() >= bytes; throws WasmError{Memory} with a clear message.
  virtual void ensure_memory(uint64_t bytes) = 0;
  // Grows by `pages`; returns the previous size in pages; WasmError{Memory} past the limit.
  virtual uint32_t memory_grow(uint32_t pages) = 0;
  virtual void memory_write(uint64_t offset, std::span<const uint8_t> data) = 0;
  virtual void memory_read(uint64_t offset, std::span<uint8_t> out) const = 0;
  // Direct pointer to linear memory (valid until the next grow or call). nullptr if none.
  virtual uint8_t* memory_data() = 0;
  // True when memory_data() is the instance's memory itself, so a host may read and write a few
  // bytes through it with no call; false for an engine that hands out a copy (the browser's).
  virtual bool memory_is_direct() const { return true; }
  // Reads an exported i32 global (e.g. __heap_base); throws MissingExport.
  virtual int64_t global_value(std::string_view name) = 0;
  virtual const ModuleInfo& info() const = 0;
  // Threads call_split runs on, the calling thread included (1 without workers).
  virtual unsigned threads() const { return 1; }
  // Calls `name` once per argument list, lists 1.. on the workers while the calling thread runs
  // list 0, and returns when all have finished. More lists than threads() is an error. The first
  // error (a trap in any thread, a timeout: timeout_ms bounds the whole split call and stops every
  // thread) is thrown once all have stopped; the instance stays usable.
  virtual void call_split(std::string_view name, const std::vector<std::vector<Val>>& lists) {
    for (const auto& a : lists) call(name, std::span<const Val>(a.data(), a.size()));
  }
};

struct CacheStats {
  uint64_t hits = 0, misses = 0;
  uint64_t disk_hits = 0;  // hits on code an earlier process compiled (counted in hits too)
};

// A thread that calls into an engine keeps it locked for that thread's life (V8 restores and
// archives per-thread state whenever a thread takes or drops the lock, which would cost
// microseconds per call): use an engine from one thread at a time, and destroy it on the
// thread that used it or after that thread has ended.
class Engine {
 public:
  virtual ~Engine() = default;
  virtual std::string name() const = 0;  // "V8 10.2.x"
  virtual const EngineOptions& options() const = 0;
  virtual std::shared_ptr<Module> compile(std::span<const uint8_t> bytes) = 0;
  virtual std::unique_ptr<Instance> instantiate(const std::shared_ptr<Module>& module,
                                                std::vector<HostFunction> imports = {}) = 0;
  virtual CacheStats cache_stats() const = 0;
  // Stops the call running now, from any thread (a program's time limit, Ctrl-C); that call
  // ends with WasmError{Timeout}, or if none runs, the next one with WasmError{Interrupted}
  // without running. The engine stays usable.
  virtual void interrupt() = 0;
};

// True when this build has a WebAssembly engine and it works on this platform.
bool engine_available(std::string* reason = nullptr);
std::string engine_version();
// Creates the V8 engine; throws WasmError{Unavailable} if it cannot.
std::unique_ptr<Engine> create_engine(const EngineOptions& options = {});
// Clears the process-wide compiled-module cache (tests, benchmarks of cold loads).
void clear_module_cache();

}  // namespace ml::engine
