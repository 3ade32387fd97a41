#pragma once
// The operation registry: every named operation, its arguments, and its implementation written
// once against a Machine, which is either native (the kernels linked into this program) or a
// WebAssembly instance of the same kernels. Marshalling is shared, so both backends see the same
// bytes and give identical results.
#include <memory>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "engine/engine.h"
#include "runtime/value.h"

namespace ml::runtime {

// A bad call: unknown name, wrong arguments, or a result the operation cannot represent.
class CallError : public std::runtime_error {
 public:
  enum class Kind { UnknownFunction, Arguments, Domain, Backend };
  CallError(Kind k, std::string msg) : std::runtime_error(std::move(msg)), kind_(k) {}
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

// Where kernels run: buffers, pointer arguments, calls.
class Machine {
 public:
  struct Buf {
    uint64_t id = 0;
  };
  virtual ~Machine() = default;
  virtual bool is_wasm() const = 0;
  virtual Buf alloc(uint64_t bytes) = 0;                     // uninitialised
  virtual Buf input(const void* data, uint64_t bytes) = 0;    // read-only input (native: no copy)
  // A buffer a kernel writes a result into, for `host` (bytes long) to receive: natively `host`
  // itself (no copy), in WebAssembly a buffer of linear memory that collect() copies to `host`.
  virtual Buf output(void* host, uint64_t bytes) = 0;
  virtual void collect(Buf b, void* host, uint64_t bytes) = 0;
  virtual uint8_t* ptr(Buf b) = 0;                           // valid until the next alloc/call
  virtual engine::Val arg(Buf b) = 0;                        // the pointer argument for a kernel
  virtual std::vector<engine::Val> call(std::string_view kernel, std::span<const engine::Val> args) = 0;
  engine::Val call1(std::string_view kernel, std::initializer_list<engine::Val> args) {
    auto r = call(kernel, std::span<const engine::Val>(args.begin(), args.size()));
    return r.empty() ? engine::Val() : r[0];
  }
  // Threads a split call may use, the calling thread included (1 when `parallel` is off).
  virtual unsigned threads() const { return 1; }
  // Calls `kernel` once per argument list, the lists running at once on up to threads() threads,
  // and returns when all have; the first error is rethrown after every list has stopped. The
  // kernels called this way take their share of the work from a counter they share, so their
  // results do not depend on how many threads ran or how the work fell between them.
  virtual void call_split(std::string_view kernel, const std::vector<std::vector<engine::Val>>& lists) {
    for (const auto& a : lists) call(kernel, a);
  }
  bool parallel = false;  // may split work across threads
};

// The kernels linked into this program.
std::unique_ptr<Machine> make_native_machine();
// The kernels in a WebAssembly instance (buffers placed from __heap_base upwards).
std::unique_ptr<Machine> make_wasm_machine(engine::Instance& instance);
// Names of every kernel function (the exports the .wasm modules must have).
std::vector<std::string> kernel_export_names();

struct Operation {
  std::string name;      // canonical, with its category prefix: "matrix_multiply"
  std::string category;  // numeric matrix string crypto data json search image
  std::string params;    // "(a: matrix, b: matrix) -> matrix"
  std::string summary;
  size_t min_args = 0, max_args = 0;
  // Runs on either machine; null for native-only operations.
  Value (*run)(Machine&, const std::vector<Value>&) = nullptr;
  // Native-only implementation (operations taking callbacks) and why it is native-only.
  Value (*run_native_only)(const std::vector<Value>&) = nullptr;
  std::string native_only_reason;
  // For operations that run on WASM only for some arguments (e.g. sort of numbers): returns an
  // empty string if WASM can run these arguments, else the reason it cannot.
  std::string (*wasm_unsupported)(const std::vector<Value>&) = nullptr;
};

const std::vector<Operation>& operations();
const Operation* find_operation(std::string_view canonical_name);
// The category prefixes of name resolution, in order.
const std::vector<std::string>& operation_prefixes();
// Resolves a user-facing name: exact canonical name, then a prefix + name, then aliases, ignoring
// case and '-' vs '_'. Throws CallError{UnknownFunction} listing close names.
const Operation& resolve_operation(std::string_view name);
// Up to `max` canonical names closest to `name` by edit distance.
std::vector<std::string> close_operation_names(std::string_view name, size_t max = 5);

// Checks arity, then runs op on machine (or natively for native-only operations).
Value run_operation(const Operation& op, Machine& machine, const std::vector<Value>& args);

}  // namespace ml::runtime
