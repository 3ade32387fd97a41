// Subcommands that only need the front end: check, tokens, ast, translate.
#include <fmt/format.h>

#include <iostream>

#include "cli/commands.h"
#include "lang/error_text.h"
#include "lex/lexer.h"
#include "translate/translate.h"
#include "parse/ast_dump.h"
#include "parse/parser.h"

namespace ml::cli {

LoadedSource load_source(const Options& opt) {
  LoadedSource ls;
  const auto& reg = LanguageRegistry::instance();
  try {
    ls.src = read_source_file(opt.file);
  } catch (const SourceReadError& e) {
    // said in the program's language: --lang, else the one its first part is written in
    const LanguagePack* pack = reg.find(opt.lang.empty() ? reg.detect(e.start) : opt.lang);
    throw std::runtime_error(pack ? pack->message(e.id, e.args) : e.what());
  }
  std::string code = opt.lang;
  if (code.empty()) code = reg.detect(ls.src->text);
  ls.pack = reg.find(code);
  if (!ls.pack) {
    std::string known;
    for (const auto& c : reg.codes()) known += (known.empty() ? "" : ", ") + c;
    throw std::runtime_error(fmt::format("unknown language '{}' (installed: {})", code, known));
  }
  return ls;
}

int cmd_check(const Options& opt) {
  auto ls = load_source(opt);
  try {
    parse_program(ls.src, *ls.pack);
  } catch (const CompileError& e) {
    std::cerr << render(e, *ls.pack);
    return 1;
  }
  fmt::print("{}: ok ({})\n", ls.src->path, ls.pack->code);
  return 0;
}

int cmd_tokens(const Options& opt) {
  auto ls = load_source(opt);
  try {
    for (const auto& t : tokenize(ls.src, *ls.pack)) {
      std::string detail;
      switch (t.kind) {
        case Tok::Keyword: detail = fmt::format("{} ({})", t.text, concept_key(t.kw)); break;
        case Tok::Str: detail = fmt::format("{}{:?}", t.text, t.value); break;
        case Tok::Int: detail = t.value; break;
        case Tok::Float: detail = fmt::format("{}", t.fval); break;
        case Tok::Newline: case Tok::Indent: case Tok::Dedent: case Tok::End: break;
        default: detail = t.text;
      }
      fmt::print("{}:{}\t{}\t{}\n", t.loc.line, t.loc.col, tok_kind_name(t.kind), detail);
    }
  } catch (const CompileError& e) {
    std::cerr << render(e, *ls.pack);
    return 1;
  }
  return 0;
}

int cmd_ast(const Options& opt) {
  auto ls = load_source(opt);
  try {
    fmt::print("{}", ast::dump(parse_program(ls.src, *ls.pack)));
  } catch (const CompileError& e) {
    std::cerr << render(e, *ls.pack);
    return 1;
  }
  return 0;
}

int cmd_translate(const Options& opt) {
  auto ls = load_source(opt);
  const auto* to = LanguageRegistry::instance().find(opt.to);
  if (!to) throw std::runtime_error(fmt::format("unknown language '{}'", opt.to));
  try {
    std::cout << translate_source(ls.src, *ls.pack, *to);
  } catch (const CompileError& e) {
    std::cerr << render(e, *ls.pack);
    return 1;
  }
  return 0;
}

}  // namespace ml::cli
