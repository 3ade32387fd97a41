// The `multilingual` command line: every subcommand and its flags are declared here; each is
// implemented in its own file (command_run.cpp, command_doctor.cpp, ...).
#include "cli/app.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "cli/manual.h"
#include "runtime/config.h"

namespace ml::cli {

namespace {

// What `run --help` (and the other commands running code) say about their configuration.
constexpr const char* kConfigHelp =
    "Configuration: each key comes from (lowest to highest precedence) the defaults, "
    "pyproject.toml [tool.multilingual.wasm], multilingual.toml [wasm] (both in the working "
    "directory, or the file given with --config), the environment (MULTILINGUAL_BACKEND), then "
    "these flags. A bad file, key or value is an error (file, line, key) before anything runs; "
    "`multilingual doctor` shows where each value came from.";

void add_config_flags(CLI::App* sub, ConfigFlags& f) {
  sub->add_option("--config", f.config, "configuration file (multilingual.toml, or pyproject.toml)");
  sub->add_option("--backend", f.backend, std::string("backend: ") + runtime::kBackendWords);
  sub->add_option("--cranelift", f.cranelift, "optimizing tier on/off (true|false)");
  sub->add_option("--simd", f.simd, "WebAssembly SIMD on/off (true|false)");
  sub->add_option("--cache", f.cache, "compiled-module cache on/off (true|false)");
  sub->add_option("--memory-pages", f.memory_pages, "compiled code's linear memory limit, in 64 KiB pages")
      ->check(CLI::Range(uint32_t(1), runtime::kMaxMemoryPages));
  sub->add_option("--timeout-ms", f.timeout_ms,
                  "stop the program (or operation) with a TimeoutError after this many ms (0 = no limit)")
      ->check(CLI::Range(uint32_t(0), runtime::kMaxTimeoutMs));
  sub->add_option("--max-memory-mb", f.max_memory_mb,
                  "memory a program may use before a MemoryError, in MiB (0 = half the machine's memory)")
      ->check(CLI::Range(uint32_t(0), runtime::kMaxMemoryMb));
  sub->add_option("--kernels-dir", f.kernels_dir, "where the .wasm kernels are");
  sub->footer(kConfigHelp);
}

// Levenshtein distance, for "did you mean" on a mistyped command.
size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] != b[j - 1])});
      diag = up;
    }
  }
  return row[b.size()];
}

// A first argument that is no command: say so, with the nearest command when one is close.
int unknown_command(const CLI::App& app, const std::string& word) {
  std::string best;
  size_t best_d = 3;  // suggest only within two edits
  std::string all;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    const std::string& name = sub->get_name();
    all += (all.empty() ? "" : ", ") + name;
    size_t d = edit_distance(word, name);
    if (d < best_d || (name.rfind(word, 0) == 0 && best.empty())) best_d = d, best = name;
  }
  std::cerr << fmt::format("multilingual: unknown command '{}'", word);
  if (!best.empty()) std::cerr << fmt::format(" (did you mean '{}'?)", best);
  std::cerr << fmt::format("\ncommands: {}\n", all);
  return 2;
}

// `man COMMAND` prints one page in roff; `man --output-dir DIR` writes them all.
int write_manual(const CLI::App& app, const Options& opt) {
  std::vector<std::string> commands{""};
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
    commands.push_back(sub->get_name());
  if (opt.output_dir.empty()) {
    if (std::find(commands.begin(), commands.end(), opt.op) == commands.end()) {
      std::cerr << fmt::format("multilingual man: no command '{}'\n", opt.op);
      return 2;
    }
    std::cout << roff_page(app, opt.op);
    return 0;
  }
  std::error_code ec;
  std::filesystem::create_directories(opt.output_dir, ec);
  for (const std::string& c : commands) {
    std::string path = opt.output_dir + "/" + (c.empty() ? "multilingual" : "multilingual-" + c) + ".1";
    std::ofstream f(path);
    f << roff_page(app, c);
    if (!f.flush()) {
      std::cerr << fmt::format("multilingual man: cannot write '{}'\n", path);
      return 2;
    }
  }
  return 0;
}

}  // namespace

int run_app(int argc, char** argv) {
  CLI::App app{"write programs in your own human language; heavy work runs as WebAssembly"};
  app.set_version_flag("--version", std::string("multilingual ") + ML_VERSION);
  app.require_subcommand(1);
  use_manual_layout(app);  // before the subcommands, which take the layout from it

  Options opt;
  auto add_lang = [&](CLI::App* sub) {
    sub->add_option("--lang", opt.lang, "human language of the source (en, fr, es, de, ...); default: detected");
  };
  auto add_file = [&](CLI::App* sub) { sub->add_option("file", opt.file, "program file ('-' for stdin)")->required(); };
  auto add_emit = [&](CLI::App* sub, const char* what) {
    sub->add_option("--emit", opt.emit, what)->check(CLI::IsMember({"wat"}));
  };

  auto* run = app.add_subcommand("run", "run a program");
  add_file(run);
  run->add_option("args", opt.argv, "arguments for the program (sys.argv[1:]); put them after -- if they start with -");
  add_lang(run);
  add_config_flags(run, opt.cfg);
  run->add_flag("--explain", opt.explain, "list each function, the backend it ran on, and why");
  add_emit(run, "wat: after the run, print (to stderr) the WebAssembly text of each function that ran compiled");

  auto* check = app.add_subcommand("check", "parse a program and report errors without running it");
  auto* tokens = app.add_subcommand("tokens", "print the tokens of a program");
  auto* ast = app.add_subcommand("ast", "print the syntax tree of a program");
  for (auto* sub : {check, tokens, ast}) {
    add_file(sub);
    add_lang(sub);
  }

  auto* translate = app.add_subcommand("translate", "re-render a program in another human language");
  add_file(translate);
  add_lang(translate);
  translate->add_option("--to", opt.to, "target language code")->required();

  auto* repl = app.add_subcommand("repl", "interactive session (:lang L to switch language, :quit to leave)");
  repl->add_option("--lang", opt.lang, "human language (default en)");
  add_config_flags(repl, opt.cfg);

  auto* profile = app.add_subcommand("profile", "run a program and show where its time goes, per function");
  add_file(profile);
  add_lang(profile);
  add_config_flags(profile, opt.cfg);
  profile->add_option("--sort", opt.sort, "cumulative | total | calls")
      ->check(CLI::IsMember({"cumulative", "total", "calls"}))
      ->capture_default_str();
  profile->add_option("--limit", opt.limit, "rows to show (0 = all)")->check(CLI::NonNegativeNumber)->capture_default_str();

  auto* build = app.add_subcommand("build", "compile a whole program to one .wasm (run it: node web/loader.mjs out.wasm)");
  add_file(build);
  add_lang(build);
  add_config_flags(build, opt.cfg);
  build->add_option("-o,--output", opt.output, "where to write the module (default: FILE's name with .wasm, here)");
  add_emit(build, "also print the module as text: wat");

  auto* doctor = app.add_subcommand("doctor", "show how the backend is chosen, step by step, and why");
  add_config_flags(doctor, opt.cfg);

  auto* call = app.add_subcommand("call", "run one library operation: call NAME ARGS... (arguments as JSON)");
  add_config_flags(call, opt.cfg);
  call->add_option("name", opt.op, "operation name, e.g. fibonacci or numeric_fibonacci");
  // (JSON arrays are protected from CLI11's "[a,b]" list syntax below.)
  call->add_option("args", opt.args, "arguments as JSON, e.g. 30 or '[[1,2],[3,4]]'; '-' reads one per line from stdin, @FILE from a file");
  call->add_flag("--list", opt.list, "list every operation");
  call->add_flag("-v,--verbose", opt.verbose, "print which backend ran and how long it took");

  auto* bench = app.add_subcommand("bench", "measure the seed's operations on every backend (table, JSON, SVG plot)");
  bench->add_option("ops", opt.bench.ops, "operations (matmul xor fib json_parse json_tape blur montecarlo; default all)");
  bench->add_option("--sizes", opt.bench.sizes, "seed | quick | compare")->capture_default_str();
  bench->add_option("--json", opt.bench.json_path, "write the results as JSON to FILE ('-' = stdout)");
  bench->add_option("--plot", opt.bench.plot_path, "write an SVG bar chart (log scale) to FILE.svg");
  bench->add_option("--backends", opt.bench.backends, "only these backends")->delimiter(',');
  bench->add_option("--budget-ms", opt.bench.budget_ms, "time budget per case")->capture_default_str();
  auto* pyperf = bench->add_subcommand(
      "pyperf", "the pyperformance programs under the interpreter, auto and python3, in turn: ratios, geometric means");
  pyperf->add_option("names", opt.pyperf.names, "programs (default: every NAME.py with a NAME.expected)");
  pyperf->add_option("--dir", opt.pyperf.dir, "folder of the programs (default: the source tree's tests/pyperf)");
  pyperf->add_option("--python", opt.pyperf.python, "the python to compare with (default /usr/bin/python3)");
  pyperf->add_option("--runs", opt.pyperf.runs, "runs of each, the best counts")->capture_default_str();
  pyperf->add_option("--plot", opt.pyperf.plot_path, "write an SVG bar chart of the ratios to FILE.svg");

  auto* langs = app.add_subcommand("languages", "list the installed language packs");

  auto* serve = app.add_subcommand("serve", "serve the web page (and the modules `build` writes) over HTTP on localhost");
  serve->add_option("dir", opt.file, "folder of the .wasm files (default: the working directory)");
  serve->add_option("--port", opt.port, "TCP port on 127.0.0.1")->check(CLI::Range(1, 65535))->capture_default_str();

  auto* man = app.add_subcommand("man", "print a command's manual page in roff (for man -l -), or write them all");
  man->add_option("command", opt.op, "the command whose page to print (none: multilingual's own)");
  man->add_option("--output-dir", opt.output_dir, "write every page (multilingual.1, multilingual-run.1, ...) into this folder");

  struct Entry {
    CLI::App* sub;
    int (*fn)(const Options&);
  };
  const Entry commands[] = {{run, cmd_run},         {check, cmd_check},       {tokens, cmd_tokens},
                            {ast, cmd_ast},         {translate, cmd_translate}, {repl, cmd_repl},
                            {profile, cmd_profile}, {build, cmd_build},       {doctor, cmd_doctor},
                            {call, cmd_call},       {bench, cmd_bench},       {langs, cmd_languages},
                            {serve, cmd_serve}};

  std::vector<std::string> args(argv + 1, argv + argc);
  if (!args.empty() && !args[0].empty() && args[0][0] != '-' &&
      std::none_of(std::begin(commands), std::end(commands), [&](const Entry& c) { return c.sub->get_name() == args[0]; }) &&
      args[0] != "man")
    return unknown_command(app, args[0]);
  // CLI11 reads an argument written "[a,b]" as a list of values and splits it, which would
  // break JSON arrays given to `call`; a trailing space (which JSON ignores) keeps it whole.
  if (!args.empty() && args[0] == "call")
    for (auto& a : args)
      if (a.size() >= 2 && a.front() == '[' && a.back() == ']') a += ' ';
  std::reverse(args.begin(), args.end());  // CLI11 takes the vector form reversed
  try {
    app.parse(args);
  } catch (const CLI::ParseError& e) {
    int status = app.exit(e);
    return status == 0 ? 0 : 2;  // --help and --version are not errors; every usage error is 2
  }
  try {
    if (*man) return write_manual(app, opt);
    if (*pyperf) return cli_bench_pyperf(opt.pyperf, std::cout, std::cerr);
    for (const Entry& c : commands)
      if (*c.sub) return c.fn(opt);
  } catch (const runtime::ConfigError& e) {
    std::cerr << "configuration error: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "multilingual: " << e.what() << "\n";
    return 2;
  }
  return 2;
}

}  // namespace ml::cli
