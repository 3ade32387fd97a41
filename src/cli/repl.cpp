// `multilingual repl`: line editing and history (readline), multi-line blocks, `:lang L` to
// switch human language, `:wasm` to toggle the WebAssembly backend, `:explain` to see
// where each function ran, `:quit` to leave.
#include <readline/history.h>
#include <readline/readline.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "tiering/runner.h"
#include "cli/repl_input.h"

namespace ml::cli {

namespace {

std::string history_path() {
  const char* home = std::getenv("HOME");
  return home ? std::string(home) + "/.multilingual_history" : std::string();
}

// Reads one line; readline when interactive, plain getline otherwise (pipes, tests).
bool read_line(const char* prompt, std::string& line, bool tty) {
  if (tty) {
    char* l = readline(prompt);
    if (!l) return false;
    line = l;
    if (!line.empty()) add_history(l);
    std::free(l);
    return true;
  }
  return static_cast<bool>(std::getline(std::cin, line));
}

void run_buffer(tiering::Runner& runner, std::string& buffer, int chunk) {
  auto src = std::make_shared<SourceFile>();
  src->path = "<repl:" + std::to_string(chunk) + ">";
  src->text = buffer;
  buffer.clear();
  runner.run_chunk(src);
}

}  // namespace

int cmd_repl(const Options& opt) {
  const auto& reg = LanguageRegistry::instance();
  const LanguagePack* pack = reg.find(opt.lang.empty() ? "en" : opt.lang);
  if (!pack) throw std::runtime_error("unknown language '" + opt.lang + "'");
  bool tty = isatty(0);
  std::string hist = history_path();
  if (tty && !hist.empty()) read_history(hist.c_str());
  auto config = load_configuration(opt.cfg);
  // Unless the configuration asks for a backend, the session starts interpreted (`:wasm` turns
  // compiling on): a prompt should answer without waiting for the engine to start.
  if (config.origin["backend"] == "default") config.config.prefer_backend = runtime::Backend::Native;
  tiering::Runner runner(*pack, config);
  if (tty) std::cout << "multilingual " << ML_VERSION << " [" << pack->code << "] -- :lang L, :wasm, :explain, :quit\n";
  std::string buffer, line;
  int chunk = 0;
  while (true) {
    std::string prompt = buffer.empty() ? ">>> " : "... ";
    if (!read_line(prompt.c_str(), line, tty)) break;
    if (buffer.empty() && !line.empty() && line[0] == ':') {
      if (line == ":quit" || line == ":q" || line == ":exit") break;
      if (line.rfind(":lang", 0) == 0) {
        std::string code = line.size() > 6 ? line.substr(6) : "";
        const auto* p = reg.find(code);
        if (!p) {
          std::cerr << "unknown language '" << code << "'\n";
          continue;
        }
        runner.set_pack(*p);
        std::cout << "[" << p->code << "] " << p->name << "\n";
        continue;
      }
      if (line == ":wasm") {
        runner.set_wasm(!runner.wasm());
        std::cout << "WebAssembly backend " << (runner.wasm() ? "on" : "off") << "\n";
        continue;
      }
      if (line == ":explain") {
        std::cout << runner.explain();
        continue;
      }
      std::cerr << "commands: :lang L, :wasm, :explain, :quit\n";
      continue;
    }
    buffer += line + "\n";
    if (needs_more_input(buffer, runner.pack())) continue;
    run_buffer(runner, buffer, ++chunk);
  }
  // End of input inside a block or an open bracket: run what was typed, so the block runs and
  // an unclosed bracket is reported, as Python does.
  if (buffer.find_first_not_of(" \t\r\n") != std::string::npos) run_buffer(runner, buffer, ++chunk);
  if (tty && !hist.empty()) write_history(hist.c_str());
  return 0;
}

}  // namespace ml::cli
