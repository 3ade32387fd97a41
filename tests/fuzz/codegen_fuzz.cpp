// libFuzzer target: programs that parse go through the WebAssembly compiler: each top-level
// function is specialized for argument types chosen by the input (int, float, bool, str,
// list[int], list[float]), generated when the typer accepts it, and the module's bytes are
// read back by the engine's module parser (no engine runs here); the whole program is also
// built as a standalone module. A refusal is fine; a crash, a sanitizer report or bytes that
// are not a well-formed module are bugs.
#include "engine/engine.h"
#include "fuzz_input.h"
#include "parse/parser.h"
#include "support/diagnostic.h"
#include "wasm/codegen.h"
#include "wasm/standalone.h"
#include "wasm/typer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto in = ml::fuzz::decode_input(data, size);
  ml::ast::Module m;
  try {
    m = ml::parse_program(in.source, *in.pack);
  } catch (const ml::CompileError&) {
    return 0;
  }
  const ml::wasm::Type choices[] = {ml::wasm::kInt, ml::wasm::kFloat, ml::wasm::kBool, ml::wasm::kStr,
                                    ml::wasm::Type::list_of(ml::wasm::kInt),
                                    ml::wasm::Type::list_of(ml::wasm::kFloat)};
  size_t pick = size > 1 ? data[size - 1] : 0;
  ml::wasm::Typer typer(m, *in.pack);
  for (const auto& s : m.body) {
    if (s->kind != ml::ast::StmtKind::FunctionDef || !s->params) continue;
    std::vector<ml::wasm::Type> types;
    for (size_t i = 0; i < s->params->args.size(); ++i) types.push_back(choices[(pick + i) % 6]);
    ml::wasm::FuncSpec* spec = typer.specialize(s.get(), types);
    if (!spec || spec->state == ml::wasm::FuncSpec::Failed) continue;
    ml::wasm::GeneratedModule g = ml::wasm::generate(typer, spec);
    if (!g.wasm.empty()) (void)ml::engine::parse_module_info(g.wasm);  // throws only on malformed bytes
  }
  auto r = ml::wasm::build_standalone(m, *in.pack);
  if (r.ok) (void)ml::engine::parse_module_info(r.wasm);
  return 0;
}
