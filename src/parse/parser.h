// Tokens -> AST, for any language pack. One grammar (Python's), plus the pack's word-order
// surface patterns (e.g. Japanese "範囲(6) 内の 各 i に対して:"), which normalize to the same
// For/While/If/With nodes.
#pragma once
#include <map>
#include <memory>
#include <stdexcept>
#include <string>

#include "lang/pack.h"
#include "parse/ast.h"
#include "support/diagnostic.h"

namespace ml {

// Throws CompileError on lexical or syntax errors.
ast::Module parse_program(std::shared_ptr<const SourceFile> src, const LanguagePack& pack);

// Reads a file (or "-" for stdin) into a SourceFile; throws std::runtime_error if unreadable,
// SourceReadError if it is a device or larger than kMaxSourceBytes (/dev/zero would
// otherwise be read until memory runs out).
std::shared_ptr<const SourceFile> read_source_file(const std::string& path);
inline constexpr size_t kMaxSourceBytes = size_t(64) << 20;

// A refused source: `id` names the pack message ("source.too_large"), with its arguments;
// `start` is what was read before giving up (enough to detect the language of a long one).
struct SourceReadError : std::runtime_error {
  std::string id;
  std::map<std::string, std::string> args;
  std::string start;
  SourceReadError(const std::string& english, std::string id_, std::map<std::string, std::string> args_,
                  std::string start_ = {})
      : std::runtime_error(english), id(std::move(id_)), args(std::move(args_)), start(std::move(start_)) {}
};

}  // namespace ml
