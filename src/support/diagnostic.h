// Errors found before a program runs (lexing, parsing) and their rendering.
// Messages are looked up by id in the program's language pack, so a French program gets
// French errors; `args` fill the template's {placeholders}.
#pragma once
#include <map>
#include <memory>
#include <stdexcept>
#include <string>

#include "support/source.h"

namespace ml {

struct LanguagePack;

struct CompileError : std::runtime_error {
  std::string kind;        // Python exception class: "SyntaxError", "IndentationError", "UnicodeDecodeError"
  std::string message_id;  // key into LanguagePack::messages
  std::map<std::string, std::string> args;
  Loc loc;
  std::shared_ptr<const SourceFile> source;

  CompileError(std::string kind, std::string message_id, std::map<std::string, std::string> args,
               Loc loc, std::shared_ptr<const SourceFile> source);
};

// "path:line:col: <localized kind>: <localized message>\n    <source line>\n    ^"
// The kind name is localized through the pack's messages ("kind.SyntaxError"), if present.
std::string render_error(const LanguagePack& pack, const std::string& kind, const std::string& message,
                         const SourceFile* source, Loc loc);
std::string render(const CompileError& e, const LanguagePack& pack);

}  // namespace ml
