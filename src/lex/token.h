// Tokens: what the lexer hands the parser. Keywords arrive as concepts, so the parser never
// sees a human language; `text` keeps the user's own spelling for error messages.
#pragma once
#include <string>

#include "lang/concepts.h"
#include "support/source.h"

namespace ml {

enum class Tok { Name, Keyword, Int, Float, Str, Op, Newline, Indent, Dedent, End };

struct Token {
  Tok kind = Tok::End;
  Concept kw = Concept::Pass;  // Keyword
  std::string text;            // source spelling (Name: NFC; Op: the operator; Keyword: as written)
  std::string value;           // Str: decoded value (f-strings: raw body); Int: decimal digits (ASCII)
  long long ival = 0;          // Int when int_fits
  bool int_fits = true;
  double fval = 0;             // Float
  bool imag = false;           // Float: an imaginary literal (2j, 1.5J), fval its imaginary part
  bool is_bytes = false, is_fstring = false, is_raw = false;  // Str prefixes
  Loc loc;                     // first character
  Loc body_loc;                // Str: first character of the body (after prefix and quotes)
  size_t begin = 0, end = 0;   // byte offsets of the token's text in the source

  bool is_op(const char* op) const { return kind == Tok::Op && text == op; }
  bool is_kw(Concept c) const { return kind == Tok::Keyword && kw == c; }
};

const char* tok_kind_name(Tok k);

}  // namespace ml
