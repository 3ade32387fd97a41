// Subcommands that reach the WebAssembly runtime and the measuring tools: doctor, call,
// bench, profile.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands.h"
#include "perf/bench_command.h"
#include "runtime/cli_commands.h"
#include "runtime/config.h"

namespace ml::cli {

namespace {

struct RuntimeFlags {
  std::string config, backend, kernels_dir;
  std::optional<bool> cranelift, simd, cache;
  std::optional<uint32_t> memory_pages, timeout_ms;
  std::string op;
  std::vector<std::string> args;
  bool list = false, verbose = false;
};

RuntimeFlags g_flags;
CLI::App* g_doctor = nullptr;
CLI::App* g_call = nullptr;
CLI::App* g_bench = nullptr;
CLI::App* g_profile = nullptr;
CLI::App* g_build = nullptr;
std::string g_output, g_emit;
perf::BenchOptions g_bench_opt;
std::string g_sort = "cumulative";
int g_limit = 30;

void add_runtime_flags(CLI::App* sub, RuntimeFlags& f) {
  sub->add_option("--config", f.config, "configuration file (multilingual.toml or pyproject.toml)");
  sub->add_option("--backend", f.backend, "auto | native | python | wasm");
  sub->add_option("--cranelift", f.cranelift, "optimizing tier on/off (true|false)");
  sub->add_option("--simd", f.simd, "SIMD on/off (true|false)");
  sub->add_option("--cache", f.cache, "compiled-module cache on/off (true|false)");
  sub->add_option("--memory-pages", f.memory_pages, "linear memory limit in 64 KiB pages");
  sub->add_option("--timeout-ms", f.timeout_ms, "interrupt a WebAssembly call after this many ms (0 = never)");
  sub->add_option("--kernels-dir", f.kernels_dir, "where the .wasm kernels are");
}

runtime::ConfigOverrides overrides(const RuntimeFlags& f) {
  runtime::ConfigOverrides o;
  if (!f.config.empty()) o.config_file = f.config;
  if (!f.backend.empty()) {
    auto b = runtime::parse_backend(f.backend);
    if (!b) throw std::runtime_error(fmt::format("unknown backend '{}' (auto, native, python, wasm)", f.backend));
    o.backend = *b;
  }
  o.cranelift = f.cranelift;
  o.simd = f.simd;
  o.cache = f.cache;
  o.memory_pages = f.memory_pages;
  o.timeout_ms = f.timeout_ms;
  if (!f.kernels_dir.empty()) o.kernels_dir = f.kernels_dir;
  return o;
}

}  // namespace

void register_extra_commands(CLI::App& app, Options& opt) {
  g_doctor = app.add_subcommand("doctor", "show how the backend is chosen, step by step, and why");
  add_runtime_flags(g_doctor, g_flags);
  g_call = app.add_subcommand("call", "run one library operation: call NAME ARGS... (arguments as JSON)");
  add_runtime_flags(g_call, g_flags);
  g_call->add_option("name", g_flags.op, "operation name, e.g. fibonacci or numeric_fibonacci");
  // (run_app protects JSON arrays from CLI11's "[a,b]" list syntax; see there.)
  g_call->add_option("args", g_flags.args, "arguments as JSON, e.g. 30 or '[[1,2],[3,4]]'");
  g_call->add_flag("--list", g_flags.list, "list every operation");
  g_call->add_flag("-v,--verbose", g_flags.verbose, "print which backend ran and how long it took");

  g_bench = app.add_subcommand("bench", "measure the seed's operations on every backend (table, JSON, SVG plot)");
  g_bench->add_option("ops", g_bench_opt.ops, "operations (matmul xor fib json blur montecarlo; default all)");
  g_bench->add_option("--sizes", g_bench_opt.sizes, "seed | quick | compare")->capture_default_str();
  g_bench->add_option("--json", g_bench_opt.json_path, "write the results as JSON to FILE ('-' = stdout)");
  g_bench->add_option("--plot", g_bench_opt.plot_path, "write an SVG bar chart (log scale) to FILE.svg");
  g_bench->add_option("--backends", g_bench_opt.backends, "only these backends")->delimiter(',');
  g_bench->add_option("--budget-ms", g_bench_opt.budget_ms, "time budget per case")->capture_default_str();

  g_profile = app.add_subcommand("profile", "run a program and show where its time goes, per function");
  g_profile->add_option("file", opt.file, "program file")->required();
  g_profile->add_option("--lang", opt.lang, "human language of the source; default: detected");
  g_profile->add_option("--sort", g_sort, "cumulative | total | calls")->capture_default_str();
  g_profile->add_option("--limit", g_limit, "rows to show (0 = all)")->capture_default_str();
  g_profile->add_option("--backend", opt.backend, "auto | interpreter | wasm");

  g_build = app.add_subcommand("build", "compile a whole program to one .wasm (run it: node web/loader.mjs out.wasm)");
  g_build->add_option("file", opt.file, "program file")->required();
  g_build->add_option("--lang", opt.lang, "human language of the source; default: detected");
  g_build->add_option("-o,--output", g_output, "where to write the module");
  g_build->add_option("--emit", g_emit, "also print the module as text: wat");
}

int run_extra_command(CLI::App&, const Options& opt) {
  if (g_bench && *g_bench) return perf::cli_bench(g_bench_opt);
  if (g_profile && *g_profile) return cmd_profile(opt, g_sort, g_limit);
  if (g_build && *g_build) return cmd_build(opt, g_output, g_emit);
  if (g_doctor && *g_doctor) return runtime::cli_doctor(overrides(g_flags));
  if (g_call && *g_call) {
    if (g_flags.list) return runtime::cli_list_operations();
    if (g_flags.op.empty()) throw std::runtime_error("call: an operation name is needed (see call --list)");
    return runtime::cli_call(g_flags.op, g_flags.args, overrides(g_flags), std::cout, std::cerr, g_flags.verbose);
  }
  return 2;
}

}  // namespace ml::cli
