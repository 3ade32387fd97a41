#pragma once
#include <string>

#include "lang/pack.h"

namespace ml::cli {
// True when `buffer` (the lines typed so far) is an unfinished statement: an open bracket
// or string, a line ending in ':', or an indented block not yet closed by an empty line.
bool needs_more_input(const std::string& buffer, const LanguagePack& pack);
}
