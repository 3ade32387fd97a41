// What a function's body looks like to the hot policy.
#pragma once
#include <set>
#include <string>

#include "parse/ast.h"

namespace ml::tiering {

// No loops, comprehensions, lambdas or calls of the program's own functions (`program_functions`,
// by name): the body's interpreted cost is bounded by its size.
bool straight_line(const ast::Body& body, const std::set<std::string>& program_functions);

}  // namespace ml::tiering
