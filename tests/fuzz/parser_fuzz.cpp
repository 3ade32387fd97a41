// libFuzzer target: the parser (with the lexer under it) gives a tree or a located
// CompileError for any input; the tree must dump without fault.
#include "fuzz_input.h"
#include "lang/error_text.h"
#include "parse/ast_dump.h"
#include "parse/parser.h"
#include "support/diagnostic.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto in = ml::fuzz::decode_input(data, size);
  try {
    auto m = ml::parse_program(in.source, *in.pack);
    (void)ml::ast::dump(m);
  } catch (const ml::CompileError& e) {
    (void)ml::render(e, *in.pack);
  }
  return 0;
}
