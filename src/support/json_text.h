// JSON string literals: the one place text becomes a quoted, escaped JSON string (Python's
// json module, the runtime's values, the playground's replies).
#pragma once
#include <string>
#include <string_view>

namespace ml::json_text {

// Appends `s` (UTF-8) as a JSON string literal, escaping as Python's json.dumps does: `"`, `\`,
// the five short escapes, other control characters as \u00XX; with ensure_ascii, every
// character from U+007F up as \uXXXX (a surrogate pair above U+FFFF). Lone surrogates (which
// Python strings may hold, encoded as three bytes) come out as their \uXXXX escape.
void append_quoted(std::string& out, std::string_view s, bool ensure_ascii = false);
std::string quoted(std::string_view s, bool ensure_ascii = false);

}  // namespace ml::json_text
