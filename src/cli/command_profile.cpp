// `multilingual profile FILE`: runs a program and prints a cProfile-like table of its functions.
#include <fmt/format.h>

#include <iostream>
#include <unordered_map>

#include "cli/commands.h"
#include "cli/program_runner.h"
#include "perf/profiler.h"

namespace ml::cli {

namespace {

// Feeds the interpreter's call events into the profiler, one profiler id per function code.
class ProfilerObserver : public interp::CallObserver {
 public:
  explicit ProfilerObserver(perf::Profiler& p) : p_(p) {}
  void enter(const void* key, const std::string& name, const std::string& file, int line) override {
    auto it = ids_.find(key);
    if (it == ids_.end()) it = ids_.emplace(key, p_.function(name, file, line, "interpreter")).first;
    p_.enter(it->second);
  }
  void leave() override { p_.leave(); }

 private:
  perf::Profiler& p_;
  std::unordered_map<const void*, perf::Profiler::FuncId> ids_;
};

}  // namespace

int cmd_profile(const Options& opt, const std::string& sort, int limit) {
  auto key = perf::parse_sort_key(sort);
  if (!key) throw std::runtime_error("unknown sort key '" + sort + "' (cumulative, total, calls)");
  auto ls = load_source(opt);
  ProgramRunner runner(*ls.pack, opt.backend, opt.config);
  perf::Profiler profiler;
  ProfilerObserver observer(profiler);
  runner.interpreter().set_call_observer(&observer);
  int status = runner.run_file(ls.src);
  runner.interpreter().set_call_observer(nullptr);
  std::cout << "\n" << profiler.report(*key, static_cast<size_t>(limit < 0 ? 0 : limit));
  return status;
}

}  // namespace ml::cli
