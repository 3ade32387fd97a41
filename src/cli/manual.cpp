// The manual's layout: a man page on the terminal (--help) and in roff (`multilingual man`).
// The flags come from the command line's own declarations (app.cpp), the rest from
// manual_pages.cpp, so the two cannot disagree.
#include "cli/manual.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <sstream>

namespace ml::cli {

namespace {

constexpr const char* kEnvironment =
    "MULTILINGUAL_BACKEND  auto, interpreter or wasm, unless a flag says otherwise\n"
    "MULTILINGUAL_PATH  more folders (separated by ':') where `import` looks for modules\n"
    "MULTILINGUAL_CACHE_DIR  the disk cache of compiled WebAssembly (else $XDG_CACHE_HOME/multilingual/wasm, "
    "else ~/.cache/multilingual/wasm)\n"
    "MULTILINGUAL_LANG_DIR  the language packs, instead of the installed ones\n"
    "MULTILINGUAL_KERNELS_DIR  the WebAssembly kernels, instead of the installed ones\n"
    "MULTILINGUAL_LIB_DIR  the standard library's modules, instead of the installed ones\n"
    "MULTILINGUAL_WEB_DIR  the web page's files, instead of the installed ones\n"
    "MULTILINGUAL_ENGINE_PLUGIN  the engine plugin (libmlv8.so), instead of the installed one\n"
    "(`multilingual doctor` shows where each was found.)";

constexpr const char* kFiles =
    "multilingual.toml  section [wasm]: backend, cranelift (the optimizing tier), simd, parallel, "
    "cache, memory_pages, timeout_ms, max_memory_mb, kernels_dir; read from the working folder "
    "or --config\n"
    "pyproject.toml  the same keys under [tool.multilingual.wasm]\n"
    "Precedence, lowest first: the defaults, pyproject.toml, multilingual.toml, the environment, the "
    "flags. A bad file, key or value is an error naming file, line and key before anything runs.";

std::string page_name(std::string_view command) {
  return command.empty() ? "multilingual" : "multilingual-" + std::string(command);
}

// Splits "term  text" lines (two spaces separate the term) into pairs.
std::vector<std::pair<std::string, std::string>> term_lines(std::string_view text) {
  std::vector<std::pair<std::string, std::string>> out;
  std::istringstream in{std::string(text)};
  for (std::string line; std::getline(in, line);) {
    size_t gap = line.find("  ");
    if (gap == std::string::npos) out.emplace_back("", line);
    else out.emplace_back(line.substr(0, gap), line.substr(line.find_first_not_of(' ', gap)));
  }
  return out;
}

std::vector<std::string> paragraphs(std::string_view text) {
  std::vector<std::string> out;
  size_t at = 0;
  while (at <= text.size()) {
    size_t end = text.find("\n\n", at);
    out.emplace_back(text.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at));
    if (end == std::string_view::npos) break;
    at = end + 2;
  }
  return out;
}

// Words filled into lines of at most `width` columns, each starting with `indent`.
std::string fill(std::string_view text, size_t indent, size_t width = 80) {
  std::string out, line(indent, ' ');
  size_t used = indent;
  std::istringstream in{std::string(text)};
  for (std::string word; in >> word;) {
    if (used > indent && used + 1 + word.size() > width) {
      out += line + "\n";
      line.assign(indent, ' ');
      used = indent;
    }
    if (used > indent) line += ' ', ++used;
    line += word;
    used += word.size();
  }
  return out + line + "\n";
}

std::vector<const CLI::Option*> flags_of(const CLI::App* app, bool positional) {
  return app->get_options([positional](const CLI::Option* o) {
    return o->get_positional() == positional && !o->get_group().empty();
  });
}

class ManFormatter : public CLI::Formatter {
 public:
  // The command's positionals (or its flags) as (term, text) pairs.
  std::vector<std::pair<std::string, std::string>> terms_of(const CLI::App* app, bool positional) const {
    std::vector<std::pair<std::string, std::string>> out;
    for (const CLI::Option* o : flags_of(app, positional))
      out.emplace_back(make_option_name(o, positional) + (positional ? "" : make_option_opts(o)), make_option_desc(o));
    return out;
  }

  std::string make_help(const CLI::App* app, std::string name, CLI::AppFormatMode mode) const override {
    if (mode == CLI::AppFormatMode::Sub) return CLI::Formatter::make_help(app, name, mode);
    const bool top = app->get_parent() == nullptr;
    // A nested command (bench pyperf) is named with its parents, as it is typed.
    std::string command = top ? "" : app->get_name();
    for (const CLI::App* p = top ? nullptr : app->get_parent(); p && p->get_parent(); p = p->get_parent())
      command = p->get_name() + " " + command;
    std::string page_id = command;
    std::replace(page_id.begin(), page_id.end(), ' ', '-');
    std::string out = "NAME\n" + fill(page_name(page_id) + " - " + app->get_description(), 4) + "\nSYNOPSIS\n";
    std::string usage = make_usage(app, top ? "multilingual" : "multilingual " + command);
    out += fill(usage.substr(usage.find(':') + 1), 4);
    const ManualPage* page = manual_page(command);
    if (page) {
      out += "\nDESCRIPTION\n";
      bool first = true;
      for (const std::string& p : paragraphs(page->description)) out += (first ? "" : "\n") + fill(p, 4), first = false;
    }
    if (top) out += "\nCOMMANDS\n" + list(sub_lines(app));
    auto args = terms_of(app, true), opts = terms_of(app, false);
    if (!args.empty()) out += "\nARGUMENTS\n" + list(args);
    if (!opts.empty()) out += "\nOPTIONS\n" + list(opts);
    if (!page) return out;
    out += "\nEXAMPLES\n";
    for (const auto& [cmd, what] : page->examples) out += "    " + std::string(cmd) + "\n" + fill(what, 8);
    out += "\nEXIT STATUS\n" + list(term_lines(page->exit_status));
    if (page->configuration) {
      out += "\nENVIRONMENT\n" + list(term_lines(kEnvironment));
      out += "\nFILES\n" + list(term_lines(kFiles));
    }
    out += "\nSEE ALSO\n" + fill(top ? "multilingual COMMAND --help; man multilingual-run (and each command)"
                                      : "multilingual --help; man multilingual",
                                  4);
    return out;
  }

 private:
  static std::vector<std::pair<std::string, std::string>> sub_lines(const CLI::App* app) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const CLI::App* s : app->get_subcommands([](const CLI::App*) { return true; }))
      out.emplace_back(s->get_name(), s->get_description());
    return out;
  }
  // The text in a column after the terms (as wide as the longest short term needs); a long
  // term on its own line, the text under it.
  static std::string list(const std::vector<std::pair<std::string, std::string>>& items) {
    constexpr size_t kLongTerm = 20;
    size_t column = 0;
    for (const auto& item : items)
      if (item.first.size() <= kLongTerm) column = std::max(column, 4 + item.first.size() + 2);
    std::string out;
    for (const auto& [term, text] : items) {
      if (term.empty()) {
        out += fill(text, 4);
      } else if (term.size() <= kLongTerm) {
        std::string f = fill(text, column);
        out += "    " + term + f.substr(4 + term.size());
      } else {
        out += "    " + term + "\n" + fill(text, column ? column : 8);
      }
    }
    return out;
  }
};

// roff: a backslash is \e, a hyphen in a flag or command is \-, and a line may not start with
// a dot or an apostrophe.
std::string roff_text(std::string_view s, bool hyphens = false) {
  std::string out;
  for (char c : s) {
    if (c == '\\') out += "\\e";
    else if (c == '-' && hyphens) out += "\\-";
    else out += c;
  }
  if (!out.empty() && (out[0] == '.' || out[0] == '\'')) out.insert(0, "\\&");
  return out;
}

void roff_terms(std::string& out, const std::vector<std::pair<std::string, std::string>>& items, bool bold) {
  for (const auto& [term, text] : items) {
    if (term.empty()) {
      out += ".PP\n" + roff_text(text) + "\n";
      continue;
    }
    out += ".TP\n" + std::string(bold ? ".B " : "") + roff_text(term, true) + "\n" + roff_text(text) + "\n";
  }
}

}  // namespace

void use_manual_layout(CLI::App& app) { app.formatter(std::make_shared<ManFormatter>()); }

std::string roff_page(const CLI::App& app, std::string_view command) {
  const CLI::App* sub = command.empty() ? &app : app.get_subcommand(std::string(command));
  const ManualPage* page = manual_page(command);
  std::string name = page_name(command), upper;
  for (char c : name) upper += char(c >= 'a' && c <= 'z' ? c - 32 : c);
  std::string out = ".TH " + upper + " 1 \"\" \"multilingual " ML_VERSION "\" \"User Commands\"\n";
  out += ".SH NAME\n" + roff_text(name, true) + " \\- " + roff_text(sub->get_description()) + "\n";
  ManFormatter f;
  std::string usage = f.make_usage(sub, command.empty() ? "multilingual" : "multilingual " + std::string(command));
  size_t colon = usage.find(':');
  std::string synopsis = usage.substr(colon + 1);
  while (!synopsis.empty() && (synopsis.back() == '\n' || synopsis.back() == ' ')) synopsis.pop_back();
  while (!synopsis.empty() && synopsis.front() == ' ') synopsis.erase(0, 1);
  out += ".SH SYNOPSIS\n" + roff_text(synopsis, true) + "\n";
  if (page) {
    out += ".SH DESCRIPTION\n";
    for (const std::string& p : paragraphs(page->description)) out += ".PP\n" + roff_text(p) + "\n";
  }
  if (command.empty()) {
    out += ".SH COMMANDS\n";
    for (const CLI::App* s : app.get_subcommands([](const CLI::App*) { return true; }))
      out += ".TP\n.BR multilingual\\-" + roff_text(s->get_name(), true) + " (1)\n" + roff_text(s->get_description()) + "\n";
  }
  auto args = f.terms_of(sub, true), opts = f.terms_of(sub, false);
  if (!args.empty()) out += ".SH ARGUMENTS\n", roff_terms(out, args, true);
  if (!opts.empty()) out += ".SH OPTIONS\n", roff_terms(out, opts, true);
  if (page) {
    out += ".SH EXAMPLES\n";
    for (const auto& [cmd, what] : page->examples)
      out += ".TP\n.B " + roff_text(cmd, true) + "\n" + roff_text(what) + "\n";
    out += ".SH EXIT STATUS\n";
    roff_terms(out, term_lines(page->exit_status), false);
    if (page->configuration) {
      out += ".SH ENVIRONMENT\n";
      roff_terms(out, term_lines(kEnvironment), true);
      out += ".SH FILES\n";
      roff_terms(out, term_lines(kFiles), true);
    }
  }
  out += ".SH SEE ALSO\n";
  out += command.empty() ? ".BR multilingual\\-run (1)\n" : ".BR multilingual (1)\n";
  return out;
}

}  // namespace ml::cli
