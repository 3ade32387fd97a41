// `multilingual profile FILE`: runs a program and prints a cProfile-like table of its functions.
#include <fmt/format.h>

#include <iostream>
#include <optional>
#include <unordered_map>
#include <vector>

#include "cli/commands.h"
#include "cli/sigint_guard.h"
#include "tiering/runner.h"
#include "perf/profiler.h"

namespace ml::cli {

namespace {

// Feeds the interpreter's call events into the profiler, one profiler id per function code.
class ProfilerObserver : public interp::CallObserver {
 public:
  explicit ProfilerObserver(perf::Profiler& p) : p_(p) {}
  void enter(const void* key, const std::string& name, const std::string& file, int line) override {
    auto it = ids_.find(key);
    if (it == ids_.end()) it = ids_.emplace(key, Ids{name, file, line, p_.function(name, file, line, "interpreter")}).first;
    keys_.push_back(key);
    p_.enter(it->second.interpreted);
  }
  void leave() override {
    keys_.pop_back();
    p_.leave();
  }
  // A call that ran as WebAssembly is one row of its own, with backend "wasm" (the calls it
  // made inside WebAssembly are not seen one by one).
  void ran_compiled() override {
    Ids& ids = ids_.at(keys_.back());
    if (!ids.compiled) ids.compiled = p_.function(ids.name, ids.file, ids.line, "wasm");
    p_.relabel_top(*ids.compiled);
  }

 private:
  struct Ids {
    std::string name, file;
    int line;
    perf::Profiler::FuncId interpreted;
    std::optional<perf::Profiler::FuncId> compiled;
  };
  perf::Profiler& p_;
  std::unordered_map<const void*, Ids> ids_;
  std::vector<const void*> keys_;
};

}  // namespace

int cmd_profile(const Options& opt) {
  auto key = perf::parse_sort_key(opt.sort);
  if (!key) throw std::runtime_error("unknown sort key '" + opt.sort + "' (cumulative, total, calls)");
  auto config = load_configuration(opt.cfg);
  auto ls = load_source(opt);
  tiering::Runner runner(*ls.pack, config);
  runner.set_argv({opt.file});
  perf::Profiler profiler;
  ProfilerObserver observer(profiler);
  runner.interpreter().set_call_observer(&observer);
  int status = run_interruptible(runner, ls.src);  // Ctrl-C: KeyboardInterrupt, status 130
  runner.interpreter().set_call_observer(nullptr);
  std::cout << "\n" << profiler.report(*key, static_cast<size_t>(opt.limit < 0 ? 0 : opt.limit));
  return status;
}

}  // namespace ml::cli
