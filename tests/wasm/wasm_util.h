// Helpers for the wasm tests: parse a program, call a function compiled.
#pragma once
#include <memory>
#include <string>

#include "lang/pack.h"
#include "parse/parser.h"
#include "wasm/compiled_program.h"

namespace ml::wasmtest {

using wasm::Value;

inline engine::Engine& shared_engine() {
  static auto e = engine::create_engine({});
  return *e;
}

struct Prog {
  ast::Module module;
  std::unique_ptr<wasm::CompiledProgram> cp;
  Prog(const std::string& text, const std::string& lang = "en") {
    auto sf = std::make_shared<SourceFile>();
    sf->path = "t.multi";
    sf->text = text;
    const LanguagePack* p = LanguageRegistry::instance().find(lang);
    if (!p) throw std::runtime_error("no pack " + lang);
    module = parse_program(sf, *p);
    cp = std::make_unique<wasm::CompiledProgram>(module, *p, &shared_engine());
  }
  wasm::CallOutcome call(const std::string& f, std::vector<Value> args) { return cp->call(f, args); }
  // "repr" of the result, "fallback: reason" or "Error: message"
  std::string run(const std::string& f, std::vector<Value> args) {
    auto o = cp->call(f, args);
    if (o.kind == wasm::CallOutcome::Ok) return o.output + wasm::repr(o.result);
    if (o.kind == wasm::CallOutcome::Error) return o.output + o.error_class + ": " + o.message;
    return "fallback: " + o.reason;
  }
};

inline Value I(int64_t v) { return Value::of_int(v); }
inline Value F(double v) { return Value::of_float(v); }
inline Value B(bool v) { return Value::of_bool(v); }
inline Value L(std::vector<Value> v) { return Value::of_list(std::move(v)); }

}  // namespace ml::wasmtest
