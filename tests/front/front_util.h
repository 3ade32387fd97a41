// Helpers for front-end tests: parse text with a named pack, catch the error.
#pragma once
#include <memory>
#include <string>

#include "lang/error_text.h"
#include "lang/pack.h"
#include "parse/ast_dump.h"
#include "parse/parser.h"

namespace ml::test {

inline std::shared_ptr<const SourceFile> make_source(const std::string& text, const std::string& path = "t.multi") {
  auto sf = std::make_shared<SourceFile>();
  sf->path = path;
  sf->text = text;
  return sf;
}

inline const LanguagePack& pack(const std::string& code) {
  const auto* p = LanguageRegistry::instance().find(code);
  if (!p) throw std::runtime_error("no pack " + code);
  return *p;
}

inline std::string dump_of(const std::string& text, const std::string& lang = "en") {
  return ast::dump(parse_program(make_source(text), pack(lang)));
}

// Parses `text`, expecting a CompileError; returns its rendering in `lang`.
inline std::string error_of(const std::string& text, const std::string& lang = "en") {
  try {
    parse_program(make_source(text), pack(lang));
  } catch (const CompileError& e) {
    return render(e, pack(lang));
  }
  return "<no error>";
}

// The dump without its first line and without @line:col positions, to compare trees
// parsed from different languages.
inline std::string shape_of(const std::string& text, const std::string& lang) {
  std::string d = dump_of(text, lang);
  std::string out;
  size_t nl = d.find('\n');
  d = d.substr(nl + 1);
  size_t i = 0;
  while (i < d.size()) {
    size_t at = d.find("  @", i);
    if (at == std::string::npos) { out += d.substr(i); break; }
    size_t eol = d.find('\n', at);
    out += d.substr(i, at - i);
    i = eol;
  }
  return out;
}

}  // namespace ml::test
