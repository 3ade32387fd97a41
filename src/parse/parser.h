// Tokens -> AST, for any language pack. One grammar (Python's), plus the pack's word-order
// surface patterns (e.g. Japanese "範囲(6) 内の 各 i に対して:"), which normalize to the same
// For/While/If/With nodes.
#pragma once
#include <memory>

#include "lang/pack.h"
#include "parse/ast.h"
#include "support/diagnostic.h"

namespace ml {

// Throws CompileError on lexical or syntax errors.
ast::Module parse_program(std::shared_ptr<const SourceFile> src, const LanguagePack& pack);

// Reads a file (or "-" for stdin) into a SourceFile; throws std::runtime_error if unreadable.
std::shared_ptr<const SourceFile> read_source_file(const std::string& path);

}  // namespace ml
