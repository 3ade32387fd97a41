// Errors found before a program runs (lexing, parsing).
// Messages are looked up by id in the program's language pack (lang/error_text.h renders them),
// so a French program gets French errors; `args` fill the template's {placeholders}.
#pragma once
#include <map>
#include <memory>
#include <stdexcept>
#include <string>

#include "support/source.h"

namespace ml {

struct CompileError : std::runtime_error {
  std::string kind;        // Python exception class: "SyntaxError", "IndentationError", "UnicodeDecodeError"
  std::string message_id;  // key into LanguagePack::messages
  std::map<std::string, std::string> args;
  Loc loc;
  std::shared_ptr<const SourceFile> source;

  CompileError(std::string kind, std::string message_id, std::map<std::string, std::string> args,
               Loc loc, std::shared_ptr<const SourceFile> source);
};

}  // namespace ml
