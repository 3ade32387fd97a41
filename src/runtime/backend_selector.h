#pragma once
// BackendSelector: runs named operations on WebAssembly (the kernels in V8) or natively, chosen
// by the seed's auto-detection flow, with transparent per-call fallback, call reports and
// per-function statistics.
//
//   BackendSelector sel;                         // Backend::Auto, default config
//   Value r = sel.call("fibonacci", 30);          // "numeric_fibonacci"
//   sel.status().chosen, sel.last_call_report().backend, sel.stats()
#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "engine/engine.h"
#include "runtime/config.h"
#include "runtime/operations.h"
#include "runtime/value.h"

namespace ml::runtime {

struct DetectionStep {
  std::string question;  // "WebAssembly engine built in?"
  bool ok = false;
  std::string detail;    // what was found / why not
};

struct BackendStatus {
  Backend requested = Backend::Auto;
  Backend chosen = Backend::Native;
  std::string reason;                // one line: why `chosen`
  std::vector<DetectionStep> steps;  // the detection flow, in order, as far as it went
  std::string module_path;           // the .wasm used (or looked for)
  std::string engine;                // "V8 10.2..." when loaded
  double load_ms = 0;                // compile + instantiate
  bool module_from_cache = false;
};

struct CallReport {
  std::string requested_name, function;
  Backend backend = Backend::Native;  // where the result came from
  bool fell_back = false;
  std::string note;  // why native (fallback reason, native-only reason), or empty
  double ms = 0;
};

struct FunctionStats {
  uint64_t calls = 0, wasm_calls = 0, native_calls = 0, fallbacks = 0;
  double total_ms = 0, min_ms = 0, max_ms = 0;
  double mean_ms() const { return calls ? total_ms / double(calls) : 0; }
};

// The directories searched for the kernel modules: only kernels_dir when the configuration sets
// it; otherwise, in order, $MULTILINGUAL_KERNELS_DIR, the build directory baked in at build time, next to the executable
// (<exe dir>/kernels, <exe dir>), <exe dir>/../share/multilingual/kernels.
std::vector<std::filesystem::path> kernel_search_path(const BackendConfig& cfg);
// Threads split operations use under `cfg` (the calling thread included): the machine's cores
// (at most 8) when parallel is on, else 1.
unsigned parallel_threads(const BackendConfig& cfg);
// kernels_simd.wasm when simd and vectorization are on, else kernels_scalar.wasm.
std::string kernel_module_name(const BackendConfig& cfg);

class BackendSelector {
 public:
  explicit BackendSelector(BackendConfig config = {});
  ~BackendSelector();
  BackendSelector(const BackendSelector&) = delete;
  BackendSelector& operator=(const BackendSelector&) = delete;

  // Runs an operation. Throws CallError (unknown name: lists close names; bad arguments),
  // engine::WasmError when the WASM backend was forced and failed (or timed out).
  Value call_function(std::string_view name, const std::vector<Value>& args);
  template <class... A>
  Value call(std::string_view name, A&&... args) {
    return call_function(name, std::vector<Value>{to_value(std::forward<A>(args))...});
  }

  bool is_wasm_available() const { return instance_ != nullptr; }
  Backend backend() const { return status_.chosen; }
  const BackendStatus& status() const { return status_; }
  const CallReport& last_call_report() const { return last_; }
  const std::map<std::string, FunctionStats>& stats() const { return stats_; }
  void reset_stats() { stats_.clear(); }
  const BackendConfig& config() const { return config_; }
  // Warm-up: runs every WASM-capable kernel once on a tiny input (first-call costs paid now).
  // Returns the time taken in ms.
  double preload();

  static Value to_value(Value v) { return v; }
  static Value to_value(int v) { return Value::integer(v); }
  static Value to_value(int64_t v) { return Value::integer(v); }
  static Value to_value(double v) { return Value::number(v); }
  static Value to_value(bool v) { return Value::boolean(v); }
  static Value to_value(const char* v) { return Value::str(v); }
  static Value to_value(std::string v) { return Value::str(std::move(v)); }
  static Value to_value(std::vector<double> v) { return Value::numbers(std::move(v)); }
  static Value to_value(Matrix m) { return Value::matrix(std::move(m)); }

 private:
  void detect();
  Value run_native(const Operation& op, const std::vector<Value>& args);

  BackendConfig config_;
  BackendStatus status_;
  CallReport last_;
  std::map<std::string, FunctionStats> stats_;
  std::unique_ptr<engine::Engine> engine_;
  std::shared_ptr<engine::Module> module_;
  std::unique_ptr<engine::Instance> instance_;
};

}  // namespace ml::runtime
