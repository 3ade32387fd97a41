// `multilingual build FILE -o out.wasm`: a whole program (top-level code and every function it
// calls) compiled into one self-contained module. The module body becomes the exported
// `_start` (also exported as `main`); printing goes through imported env.print_* functions
// (web/loader.mjs provides them for node and browsers). Errors: the globals ml_err /
// ml_err_line and the custom section "ml.messages" (JSON: localized class names and
// messages, from the program's language pack) let the loader print the same error text.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "lang/pack.h"
#include "parse/ast.h"
#include "wasm/typer.h"

namespace ml::wasm {

struct StandaloneResult {
  bool ok = false;
  std::vector<uint8_t> wasm;
  std::string wat;
  std::vector<std::string> functions;  // signatures compiled in
  Reason reason;                       // when !ok: the first construct that does not compile
};

StandaloneResult build_standalone(const ast::Module& module, const LanguagePack& pack);

}  // namespace ml::wasm
