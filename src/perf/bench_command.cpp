#include "perf/bench_command.h"

#include <fmt/format.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include "engine/engine.h"
#include "perf/backends.h"
#include "perf/bench.h"

namespace ml::perf {

namespace {

std::string self_exe() {
  std::error_code ec;
  auto p = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::string() : p.string();
}

std::string cpu_model() {
  std::ifstream f("/proc/cpuinfo");
  std::string line;
  while (std::getline(f, line))
    if (line.rfind("model name", 0) == 0) {
      auto c = line.find(':');
      return c == std::string::npos ? line : line.substr(c + 2);
    }
  return "unknown";
}

bool write_file(const std::string& path, const std::string& text, std::ostream& out, std::ostream& err) {
  if (path == "-") {
    out << text;
    return true;
  }
  std::ofstream f(path, std::ios::binary);
  f << text;
  if (!f) {
    err << fmt::format("bench: cannot write {}\n", path);
    return false;
  }
  return true;
}

}  // namespace

int cli_bench(const BenchOptions& opt) { return cli_bench(opt, std::cout, std::cerr); }

int cli_bench(const BenchOptions& opt, std::ostream& out, std::ostream& err) {
  std::vector<Workload> ws;
  try {
    ws = workloads(opt.sizes);
  } catch (const std::invalid_argument& e) {
    err << "bench: " << e.what() << "\n";
    return 2;
  }
  for (auto& o : opt.ops)
    if (std::find(operation_names().begin(), operation_names().end(), o) == operation_names().end()) {
      std::string all;
      for (auto& n : operation_names()) all += (all.empty() ? "" : ", ") + n;
      err << fmt::format("bench: unknown operation '{}' (operations: {})\n", o, all);
      return 2;
    }
  if (!opt.ops.empty())
    std::erase_if(ws, [&](const Workload& w) { return std::find(opt.ops.begin(), opt.ops.end(), w.op) == opt.ops.end(); });

  // Backends: native and wasm from the runtime; interpreted/compiled as registered by the CLI,
  // else as child processes of the multilingual binary.
  auto names = [] {
    std::vector<std::string> n;
    for (auto& b : registered_backends()) n.push_back(b.name);
    return n;
  };
  auto has = [&](const std::string& n) {
    auto v = names();
    return std::find(v.begin(), v.end(), n) != v.end();
  };
  if (!has("native") || !has("wasm")) register_runtime_backends(opt.kernels_dir);
  std::string binary = opt.multilingual_binary;
  if (binary.empty()) {
    std::string self = self_exe();
    if (std::filesystem::path(self).filename() == "multilingual") binary = self;
  }
  ProgramBackendOptions po;
  po.programs_dir = opt.programs_dir;
  HarnessOptions ho;
  ho.budget_ms = opt.budget_ms;
  ho.min_reps = opt.min_reps;
  ho.progress = opt.progress ? ProgressMode::Auto : ProgressMode::None;
  ho.progress_out = &err;
  if (&err == &std::cerr) ho.progress_out = &std::cerr;
  ho.backends = opt.backends;
  Harness h(ho);
  for (auto [name, run_backend] : {std::pair<std::string, std::string>{"interpreted", "interpreter"},
                                   std::pair<std::string, std::string>{"compiled", "wasm"}}) {
    if (has(name)) continue;
    if (!binary.empty()) {
      h.add_backend(name, subprocess_program_backend(binary, run_backend, po),
                    fmt::format("{} run --backend {} (child process)", binary, run_backend));
    } else {
      std::string why = "no multilingual binary to run the programs (pass its path, or run `multilingual bench`)";
      h.add_backend(name, [why, name](const Workload& w) {
        Case c;
        c.op = w.op, c.size = w.size, c.backend = name, c.skip = why;
        return c;
      });
    }
  }

  if (!has("python")) {
    if (std::system("python3 -c pass >/dev/null 2>&1") == 0)
      h.add_backend("python", python_backend("python3", po), "bench/programs/<op>.py run by python3 (child process)");
  }

  auto t0 = std::chrono::steady_clock::now();
  auto results = h.run(ws);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

  if (!opt.quiet_table) {
    out << fmt::format("multilingual bench --sizes {} ({} cases in {:.1f} s)\n\n", opt.sizes, results.size(), secs);
    print_table(out, results);
    bool any_mem = std::any_of(results.begin(), results.end(), [](const Result& r) { return r.memory_table && r.ok; });
    if (any_mem) {
      out << "\nMemory (peak during the first calls; child processes: the peak RSS of a run doing the work once)\n";
      print_memory_table(out, results);
    }
  }
  int rc = 0;
  if (!opt.json_path.empty()) {
    std::map<std::string, std::string> meta;
    meta["sizes"] = opt.sizes;
    meta["cpu"] = cpu_model();
    meta["cores"] = std::to_string(std::thread::hardware_concurrency());
    utsname u{};
    if (uname(&u) == 0) meta["system"] = std::string(u.sysname) + " " + u.release + " " + u.machine;
    meta["engine"] = engine::engine_version();
    std::time_t now = std::time(nullptr);
    char buf[64];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
    meta["date"] = buf;
    meta["seconds"] = fmt::format("{:.1f}", secs);
    meta["timing"] = fmt::format(
        "median_ms/min_ms/max_ms: warm calls; first_ms: the first (cold) call. native/wasm: calls in this process "
        "(wasm's first call compiles and instantiates the module). python/interpreted/compiled: each run is a "
        "fresh child process doing the '# bench:work' lines twice (once when the first time exceeds {} ms); "
        "median over the second (warm) runs, first_ms = median of the first runs (for compiled: V8 start-up + "
        "compiling the functions included). See each result's note.",
        kRerunBelowMs);
    if (!write_file(opt.json_path, to_json(results, meta), out, err)) rc = 1;
  }
  if (!opt.plot_path.empty())
    if (!write_file(opt.plot_path, to_svg(results, fmt::format("multilingual bench --sizes {}: median time per operation", opt.sizes)), out, err))
      rc = 1;
  return rc;
}

}  // namespace ml::perf
