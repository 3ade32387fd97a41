// `multilingual build FILE -o out.wasm [--emit wat]`: a whole program as one WebAssembly
// module, run by `node web/loader.mjs out.wasm` or web/index.html.
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "lang/error_text.h"
#include "parse/parser.h"
#include "wasm/standalone.h"

namespace ml::cli {

int cmd_build(const Options& opt) {
  load_configuration(opt.cfg);  // the same errors as every command, though a module needs no engine
  auto ls = load_source(opt);
  // Without -o the module is written here, named after the program (prog.py -> prog.wasm).
  std::string output = opt.output;
  if (output.empty()) output = std::filesystem::path(opt.file == "-" ? "stdin" : opt.file).stem().string() + ".wasm";
  ast::Module m;
  try {
    m = parse_program(ls.src, *ls.pack);
  } catch (const CompileError& e) {
    std::cerr << render(e, *ls.pack);
    return 1;
  }
  auto r = wasm::build_standalone(m, *ls.pack);
  if (!r.ok) {
    std::cerr << fmt::format("{}: cannot build a standalone module: {}\n", ls.src->path, r.reason.text());
    std::cerr << "(`multilingual run --backend wasm --explain` runs it with per-function fallback instead)\n";
    return 1;
  }
  if (opt.emit == "wat") std::cout << r.wat;
  std::ofstream out(output, std::ios::binary);
  out.write(reinterpret_cast<const char*>(r.wasm.data()), static_cast<std::streamsize>(r.wasm.size()));
  out.close();
  if (!out) throw std::runtime_error("cannot write '" + output + "'");
  std::cerr << fmt::format("{}: {} bytes, functions: {}\n", output, r.wasm.size(), fmt::join(r.functions, ", "));
  return 0;
}

}  // namespace ml::cli
