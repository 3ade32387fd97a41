#pragma once
#include <memory>
#include <string>

#include "lang/pack.h"
#include "support/source.h"

namespace ml {
// Re-renders a program's keywords and builtin names in another human language, keeping
// everything else (names, comments, layout) as written. Names that would collide with a
// keyword of the target language get a trailing '_'. Throws CompileError on bad source.
std::string translate_source(std::shared_ptr<const SourceFile> src, const LanguagePack& from,
                             const LanguagePack& to);
}
