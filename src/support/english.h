// English text built from names: the indefinite article a diagnostic puts before a type or
// class name ("an int", "a list[float]", "an Account"), for the --explain reasons, which are
// written in English.
#pragma once
#include <string>
#include <string_view>

namespace ml {

inline std::string with_article(std::string_view noun) {
  char c = noun.empty() ? 'x' : noun[0];
  if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  bool vowel = c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
  return (vowel ? "an " : "a ") + std::string(noun);
}

}  // namespace ml
