// Python's regular-expression syntax translated to PCRE2's, and the replacement templates of
// re.sub / Match.expand. Pure string work: no interpreter objects (re.cpp wraps it).
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace ml::interp::re_syntax {

// re's flag values (CPython's).
enum : int64_t {
  kTemplate = 1, kIgnoreCase = 2, kLocale = 4, kMultiline = 8, kDotAll = 16, kUnicode = 32,
  kVerbose = 64, kDebug = 128, kAscii = 256
};

// A pattern Python rejects: `pos` is a byte offset into the pattern (or template).
struct SyntaxError {
  std::string msg;
  size_t pos;
};

struct Translated {
  std::string pcre;               // the pattern in PCRE2's syntax
  std::vector<uint32_t> src_pos;  // for each byte of `pcre`, the byte of the Python pattern it came from
  std::vector<int> parent;        // parent[g]: the capturing group enclosing group g (0: none)
  int64_t inline_flags = 0;       // global flags set inside the pattern: (?i), (?a)...
};

// Throws SyntaxError for what Python's re would reject and PCRE2 would accept or read otherwise
// (unknown escapes such as \p, \Z inside a class, a group reference to an unknown group...).
Translated translate(const std::string& pattern, bool bytes, int64_t flags);

// A replacement template: literal text and group references, in order.
struct TemplatePart {
  std::string text;  // literal text (when group < 0)
  int group = -1;
};
// `group_of(name)` is the group number of a name, or -1. Throws SyntaxError (re.error), or
// IndexError via `unknown_name` for \g<name> naming no group.
std::vector<TemplatePart> parse_template(const std::string& repl, bool bytes, int ngroups,
                                         const std::function<int(const std::string&)>& group_of,
                                         const std::function<void(const std::string&)>& unknown_name);

}  // namespace ml::interp::re_syntax
