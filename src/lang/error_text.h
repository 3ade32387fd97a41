// Located errors as the user reads them, in the program's language:
// "file:line:col: <localized kind>: <localized message>", the source line, a caret.
// (support/diagnostic.h holds the error itself; the words come from the language pack.)
#pragma once
#include <string>

#include "support/diagnostic.h"

namespace ml {

struct LanguagePack;

// The kind name is localized through the pack's messages ("kind.SyntaxError"), if present.
std::string render_error(const LanguagePack& pack, const std::string& kind, const std::string& message,
                         const SourceFile* source, Loc loc);
std::string render(const CompileError& e, const LanguagePack& pack);

}  // namespace ml
