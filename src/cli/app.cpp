// The `multilingual` command line: subcommands are registered here and implemented in
// their own files (commands_front.cpp, command_run.cpp, repl.cpp, ...).
#include "cli/app.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <iostream>

#include "cli/commands.h"
#include "lang/pack.h"

namespace ml::cli {

int run_app(int argc, char** argv) {
  CLI::App app{"multilingual: write programs in your own human language; heavy work runs as WebAssembly"};
  app.set_version_flag("--version", std::string("multilingual ") + ML_VERSION);
  app.require_subcommand(1);
  app.fallthrough();

  Options opt;
  auto add_lang = [&](CLI::App* sub) {
    sub->add_option("--lang", opt.lang, "human language of the source (en, fr, es, de, ...); default: detected");
  };
  auto add_file = [&](CLI::App* sub) { sub->add_option("file", opt.file, "program file ('-' for stdin)")->required(); };

  auto* run = app.add_subcommand("run", "run a program");
  add_file(run);
  add_lang(run);
  run->add_option("--backend", opt.backend, "auto | interpreter | wasm (default: from config, else auto)");
  run->add_flag("--explain", opt.explain, "list each function, the backend it ran on, and why");
  run->add_option("--config", opt.config, "configuration file (multilingual.toml)");
  run->add_option("--emit", opt.emit, "wat: after the run, print (to stderr) the WebAssembly text of each function that ran compiled");
  run->add_option("--timeout-ms", opt.timeout_ms,
                  "stop the program with a TimeoutError after this many milliseconds (0 = no limit)")
      ->check(CLI::NonNegativeNumber);

  auto* check = app.add_subcommand("check", "parse a program and report errors without running it");
  add_file(check);
  add_lang(check);

  auto* tokens = app.add_subcommand("tokens", "print the tokens of a program");
  add_file(tokens);
  add_lang(tokens);

  auto* ast = app.add_subcommand("ast", "print the syntax tree of a program");
  add_file(ast);
  add_lang(ast);

  auto* translate = app.add_subcommand("translate", "re-render a program in another human language");
  add_file(translate);
  add_lang(translate);
  translate->add_option("--to", opt.to, "target language code")->required();

  auto* repl = app.add_subcommand("repl", "interactive session (:lang L to switch language, :quit to leave)");
  repl->add_option("--lang", opt.lang, "human language (default en)");

  auto* langs = app.add_subcommand("languages", "list the installed language packs");

  register_extra_commands(app, opt);

  // CLI11 reads an argument written "[a,b]" as a list of values and splits it, which would
  // break JSON arrays given to `call`; a trailing space (which JSON ignores) keeps it whole.
  std::vector<std::string> args(argv + 1, argv + argc);
  if (!args.empty() && args[0] == "call")
    for (auto& a : args)
      if (a.size() >= 2 && a.front() == '[' && a.back() == ']') a += ' ';
  std::reverse(args.begin(), args.end());  // CLI11 takes the vector form reversed
  try {
    app.parse(args);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  try {
    if (*run) return cmd_run(opt);
    if (*check) return cmd_check(opt);
    if (*tokens) return cmd_tokens(opt);
    if (*ast) return cmd_ast(opt);
    if (*translate) return cmd_translate(opt);
    if (*repl) return cmd_repl(opt);
    if (*langs) {
      const auto& reg = LanguageRegistry::instance();
      for (const auto& code : reg.codes()) {
        const auto* p = reg.find(code);
        fmt::print("{:4} {} ({})\n", code, p->name, p->english_name);
      }
      return 0;
    }
    return run_extra_command(app, opt);
  } catch (const std::exception& e) {
    std::cerr << "multilingual: " << e.what() << "\n";
    return 2;
  }
}

}  // namespace ml::cli
