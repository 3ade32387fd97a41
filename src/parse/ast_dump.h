#pragma once
#include <string>

#include "parse/ast.h"

namespace ml::ast {
// An indented, language-independent rendering of the tree (for `multilingual ast`).
std::string dump(const Module& m);
}
