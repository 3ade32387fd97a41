// Helpers for the interpreter tests: parse a program in a language and run it, capturing output.
#pragma once
#include <memory>
#include <string>

#include "interp/interpreter.h"
#include "lang/pack.h"
#include "parse/parser.h"
#include "support/diagnostic.h"

namespace ml::interp::testing {

inline const LanguagePack& pack_for(const std::string& lang) {
  const LanguagePack* p = LanguageRegistry::instance().find(lang);
  if (!p) throw std::runtime_error("no language pack " + lang);
  return *p;
}

// Runs `code` (a program in language `lang`) and returns stdout, followed by the rendered
// error if the program raised.
inline std::string run(const std::string& code, const std::string& lang = "en", const std::string& input = "") {
  auto src = std::make_shared<SourceFile>();
  src->path = "<test>";
  src->text = code;
  if (src->text.empty() || src->text.back() != '\n') src->text += '\n';
  const LanguagePack& pack = pack_for(lang);
  ast::Module m = parse_program(src, pack);
  return run_capture(m, &pack, input);
}

}  // namespace ml::interp::testing
