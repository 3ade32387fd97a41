// multilingual::BackendSelector: named library operations (fibonacci, matrix_multiply,
// xor_cipher, ...) run on the WebAssembly kernels or natively, as the detection flow decides,
// with per-call fallback and reports.
//
//   multilingual::BackendSelector sel;                  // Backend::Auto
//   int64_t f = sel.call("fibonacci", 30).as_int();     // 832040
//   sel.backend()                                        // Backend::Wasm when it loaded
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "multilingual/config.h"
#include "multilingual/value.h"

namespace multilingual {

struct DetectionStep {
  std::string question;
  bool ok = false;
  std::string detail;
};

struct CallReport {
  std::string requested_name, function;  // as asked, and the operation it resolved to
  Backend backend = Backend::Python;     // where the result came from
  bool fell_back = false;
  std::string note;  // why not WebAssembly, if it was not
  double ms = 0;
};

struct OperationInfo {
  std::string name, category, params, summary;
  bool runs_on_wasm = false;
};

class BackendSelector {
 public:
  explicit BackendSelector(Config config = {});
  ~BackendSelector();
  BackendSelector(BackendSelector&&) noexcept;
  BackendSelector& operator=(BackendSelector&&) noexcept;

  // Throws multilingual::Error: kind "CallError" (unknown name, with close names; bad
  // arguments), "WasmError" (WebAssembly forced and failed).
  Value call_function(std::string_view name, const std::vector<Value>& args);
  template <class... A>
  Value call(std::string_view name, A&&... args) {
    return call_function(name, std::vector<Value>{Value(std::forward<A>(args))...});
  }

  bool is_wasm_available() const;
  Backend backend() const;                 // Wasm or Python
  std::string reason() const;              // why that backend
  std::vector<DetectionStep> detection() const;
  std::string module_path() const;         // the .wasm used or looked for
  CallReport last_call_report() const;
  const Config& config() const;
  double preload();                        // runs each kernel once; ms taken

  static std::vector<OperationInfo> operations();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace multilingual
