// Where the pieces of an f-string body end, the one reading of {expr!conv:spec} that the parser
// (parse/fstring.cpp) and the translator (which rewrites the expressions and keeps the rest)
// share, so the two never split a body differently.
#pragma once
#include <string>
#include <string_view>

namespace ml::fstring {

constexpr size_t npos = std::string_view::npos;

// The end of the expression starting at `i`: the first '}', ':' or '!' (not "!=") outside
// brackets and quotes; npos when the body ends first.
inline size_t expression_end(std::string_view b, size_t i) {
  int depth = 0;
  char quote = 0;
  for (; i < b.size(); ++i) {
    char d = b[i];
    if (quote) {
      if (d == quote) quote = 0;
      continue;
    }
    if (d == '\'' || d == '"') quote = d;
    else if (d == '(' || d == '[' || d == '{') depth++;
    else if ((d == ')' || d == ']' || d == '}') && depth > 0) depth--;
    else if (depth == 0 && (d == '}' || d == ':' || (d == '!' && i + 1 < b.size() && b[i + 1] != '='))) return i;
  }
  return npos;
}

// The end of a format spec starting at `i`: the '}' that closes its field (a spec may nest
// {expr} fields); b.size() when the body ends first.
inline size_t spec_end(std::string_view b, size_t i) {
  int d = 0;
  for (; i < b.size(); ++i) {
    if (b[i] == '{') d++;
    else if (b[i] == '}' && d-- == 0) return i;
  }
  return b.size();
}

// "{x=}" shows its own text: the position of that final '=' (spaces may follow it), or npos
// for an expression that does not end in one ("{a == b}", "{a <= b}" are comparisons).
inline size_t self_documenting_equals(std::string_view expr) {
  size_t e = expr.find_last_not_of(' ');
  if (e == npos || expr[e] != '=') return npos;
  if (e > 0 && std::string_view("=!<>").find(expr[e - 1]) != npos) return npos;
  return e;
}

}  // namespace ml::fstring
