// libFuzzer target: the lexer takes any bytes in any language and either gives tokens or a
// located CompileError; anything else (a crash, another exception, a sanitizer report) is a bug.
#include "fuzz_input.h"
#include "lang/error_text.h"
#include "lex/lexer.h"
#include "support/diagnostic.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto in = ml::fuzz::decode_input(data, size);
  try {
    auto toks = ml::tokenize(in.source, *in.pack);
    (void)toks;
  } catch (const ml::CompileError& e) {
    (void)ml::render(e, *in.pack);  // rendering the message must hold too
  }
  return 0;
}
