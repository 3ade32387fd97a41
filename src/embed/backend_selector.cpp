// multilingual::BackendSelector: the runtime's selector behind a stable, V8-free interface.
#include "multilingual/backend_selector.h"

#include "embed/convert.h"
#include "engine/engine.h"
#include "runtime/backend_selector.h"
#include "runtime/operations.h"

namespace multilingual {

struct BackendSelector::Impl {
  Config config;
  ml::runtime::BackendSelector sel;
  explicit Impl(Config c) : config(std::move(c)), sel(ml::embed::to_runtime(config).config) {}
};

BackendSelector::BackendSelector(Config config) : impl_(std::make_unique<Impl>(std::move(config))) {}
BackendSelector::~BackendSelector() = default;
BackendSelector::BackendSelector(BackendSelector&&) noexcept = default;
BackendSelector& BackendSelector::operator=(BackendSelector&&) noexcept = default;

Value BackendSelector::call_function(std::string_view name, const std::vector<Value>& args) {
  std::vector<ml::runtime::Value> a;
  a.reserve(args.size());
  for (const auto& v : args) a.push_back(ml::embed::unwrap(v));
  try {
    return ml::embed::wrap(impl_->sel.call_function(name, a));
  } catch (const ml::runtime::CallError& e) {
    throw Error("CallError", "CallError", e.what(), {}, std::string("CallError: ") + e.what() + "\n");
  } catch (const ml::engine::WasmError& e) {
    throw Error("WasmError", "WasmError", e.what(), {}, std::string("WasmError: ") + e.what() + "\n");
  } catch (const ml::runtime::ValueError& e) {
    throw Error("ValueError", "ValueError", e.what(), {}, std::string("ValueError: ") + e.what() + "\n");
  }
}

bool BackendSelector::is_wasm_available() const { return impl_->sel.is_wasm_available(); }
Backend BackendSelector::backend() const { return ml::embed::from_runtime(impl_->sel.backend()); }
std::string BackendSelector::reason() const { return impl_->sel.status().reason; }
std::string BackendSelector::module_path() const { return impl_->sel.status().module_path; }
const Config& BackendSelector::config() const { return impl_->config; }
double BackendSelector::preload() { return impl_->sel.preload(); }

std::vector<DetectionStep> BackendSelector::detection() const {
  std::vector<DetectionStep> out;
  for (const auto& s : impl_->sel.status().steps) out.push_back({s.question, s.ok, s.detail});
  return out;
}

CallReport BackendSelector::last_call_report() const {
  const auto& r = impl_->sel.last_call_report();
  return CallReport{r.requested_name, r.function, ml::embed::from_runtime(r.backend), r.fell_back, r.note, r.ms};
}

std::vector<OperationInfo> BackendSelector::operations() {
  std::vector<OperationInfo> out;
  for (const auto& op : ml::runtime::operations())
    out.push_back({op.name, op.category, op.params, op.summary, op.run != nullptr});
  return out;
}

}  // namespace multilingual
