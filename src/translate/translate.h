#pragma once
#include <memory>
#include <string>

#include "lang/pack.h"
#include "support/source.h"

namespace ml {
// Re-renders a program's keywords and builtin names in another human language (inside
// f-string expressions too), keeping everything else (names, comments, layout) as written.
// The program's own names that the target spells as a keyword or builtin get a trailing '_'.
// Throws CompileError on bad source.
std::string translate_source(std::shared_ptr<const SourceFile> src, const LanguagePack& from,
                             const LanguagePack& to);
}
