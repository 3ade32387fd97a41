// Source text -> tokens, for one language pack. Python's rules (indentation, implicit line
// joining in brackets, string prefixes), with Unicode identifiers (NFC), decimal digits of
// any script, and the pack's keywords (multi-word spellings, longest match first).
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "lang/pack.h"
#include "lex/token.h"
#include "support/diagnostic.h"

namespace ml {

// The pack's keyword spellings, indexed by their first word.
class KeywordTable {
 public:
  explicit KeywordTable(const LanguagePack& pack);
  struct Entry {
    std::vector<std::string> words;  // NFC, 1..3 words
    Concept concept_;
  };
  // Candidates whose first word is `word`, longest first; nullptr if none.
  const std::vector<Entry>* candidates(const std::string& word) const;

 private:
  std::map<std::string, std::vector<Entry>, std::less<>> by_first_;
};

// A bracket still open at the end of the text (the innermost), as written and where.
struct UnclosedBracket {
  std::string text;
  Loc loc;
};

// Throws CompileError (kind SyntaxError / IndentationError / UnicodeDecodeError) with a location.
// A bracket still open at the end is "'(' was never closed" unless `unclosed` is given: then the
// tokens are returned and the bracket is left there for the parser, which reports it or its own
// error, whichever CPython would (see parse_program).
std::vector<Token> tokenize(std::shared_ptr<const SourceFile> src, const LanguagePack& pack,
                            std::optional<UnclosedBracket>* unclosed = nullptr);

// Checks that `text` is valid UTF-8; throws CompileError(UnicodeDecodeError) at the first bad byte.
void validate_utf8(const std::shared_ptr<const SourceFile>& src);

// Decodes Python string escapes (\n, \t, \xhh, \uXXXX, \N is not supported, octal, ...).
// `bytes` keeps \x as raw bytes; returns false and sets `bad` to the offset of a bad escape.
bool decode_escapes(const std::string& body, bool bytes, std::string& out, size_t& bad);

}  // namespace ml
