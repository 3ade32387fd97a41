// The subcommands of `multilingual`, one function each. Exit status: 0 success, 1 the
// program failed (error printed, localized), 2 usage or environment problem.
#pragma once
#include <memory>
#include <string>

#include "lang/pack.h"
#include "support/source.h"

namespace CLI { class App; }

namespace ml::cli {

struct Options {
  std::string file;
  std::string lang;     // "" = detect
  std::string to;       // translate target
  std::string backend;  // run: auto | interpreter | wasm
  std::string config;   // explicit config file
  bool explain = false;
  int timeout_ms = 0;   // run: > 0 = stop the program with a TimeoutError after this long
  std::string emit;     // run: "wat" prints the WebAssembly text of the compiled functions
};

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
int cmd_profile(const Options& opt, const std::string& sort, int limit);
int cmd_build(const Options& opt, const std::string& output, const std::string& emit);

// Subcommands from the runtime side (doctor, call, bench, profile, build): registered and
// dispatched in commands_extra.cpp.
void register_extra_commands(CLI::App& app, Options& opt);
int run_extra_command(CLI::App& app, const Options& opt);

}  // namespace ml::cli
