// The subcommands of `multilingual`, one function each, in a file each (command_NAME.cpp).
// Exit status: 0 success, 1 the program failed (error printed, localized), 2 usage,
// configuration or environment problem.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "lang/pack.h"
#include "perf/bench_command.h"
#include "cli/pyperf_bench.h"
#include "runtime/config.h"
#include "support/source.h"

namespace ml::cli {

// The configuration flags every command that runs code takes (run, repl, profile, build, call,
// doctor): each overrides the same key of multilingual.toml / pyproject.toml / the environment.
struct ConfigFlags {
  std::string config;   // --config FILE
  std::string backend;  // --backend auto | python | wasm (interpreter, native: python)
  std::optional<bool> cranelift, simd, cache;
  std::optional<uint32_t> memory_pages, timeout_ms, max_memory_mb;
  std::string kernels_dir;
};

struct Options {
  std::string file;
  std::string lang;  // "" = detect
  std::string to;    // translate target
  ConfigFlags cfg;
  bool explain = false;
  std::string emit;    // run, build: "wat" prints the WebAssembly text
  std::string output;  // build -o
  std::vector<std::string> argv;  // run: arguments after the file (and after --), for sys.argv
  std::string sort = "cumulative";  // profile
  int limit = 30;                   // profile
  std::string op;                   // call
  std::vector<std::string> args;    // call: JSON arguments
  bool list = false, verbose = false;
  int port = 8000;                  // serve
  std::string output_dir;           // man: write every page here
  perf::BenchOptions bench;
  PyperfOptions pyperf;             // bench pyperf
};

// The one configuration of a command: files, environment and flags, in that precedence.
// Throws runtime::ConfigError (file, line, key) for any bad value, before anything runs.
runtime::LoadedConfig load_configuration(const ConfigFlags& flags);
runtime::ConfigOverrides config_overrides(const ConfigFlags& flags);  // the flags alone

// The source and the pack to read it with (--lang, else detected). Exits with a message on
// unknown languages or unreadable files (throws std::runtime_error).
struct LoadedSource {
  std::shared_ptr<const SourceFile> src;
  const LanguagePack* pack;
};
LoadedSource load_source(const Options& opt);

int cmd_run(const Options& opt);
int cmd_check(const Options& opt);
int cmd_tokens(const Options& opt);
int cmd_ast(const Options& opt);
int cmd_translate(const Options& opt);
int cmd_repl(const Options& opt);
int cmd_profile(const Options& opt);
int cmd_build(const Options& opt);
int cmd_doctor(const Options& opt);
int cmd_call(const Options& opt);
int cmd_bench(const Options& opt);
int cmd_languages(const Options& opt);
int cmd_serve(const Options& opt);

}  // namespace ml::cli
