// The playground's entry points: the front end and the interpreter compiled to wasm32
// (Emscripten), called from JavaScript (web/playground/worker.js, web/wasm/run_node.mjs).
//
// A run offers the program's functions to the code generator as `multilingual run` does
// (--backend auto by default): those that compile run in the JavaScript engine's own
// WebAssembly engine (browser_engine.cpp), inside the interpreted run.
//
// Text goes in as NUL-terminated UTF-8 in the module's memory; what a program prints comes out
// through ml_js_write as bytes (JavaScript decodes them as a stream, so a character split
// across two writes stays whole). Results that are not a stream are JSON text in a buffer that
// ml_result() returns: entry points set it and return nothing, because a program with
// generators switches stacks through Asyncify, and a call into the module that has been
// unwound and rewound does not hand its return value back to JavaScript.
#include <emscripten/emscripten.h>

#include <cstdio>
#include <iostream>
#include <memory>
#include <sstream>
#include <streambuf>
#include <string>
#include <vector>

#include "interp/code.h"  // FuncCode::interpret_only
#include "interp/interpreter.h"
#include "interp/runtime.h"  // PyError
#include "lex/lexer.h"
#include "lang/error_text.h"  // render
#include "lang/pack.h"
#include "translate/translate.h"
#include "parse/parser.h"
#include "support/diagnostic.h"
#include "support/memory_limit.h"
#include "support/source.h"
#include "tiering/compiled_calls.h"
#include "tiering/policy.h"
#include "wasm/standalone.h"
#include "web_json.h"

// fd 1: the program's output; fd 2: errors, rendered as `multilingual run` prints them.
EM_JS(void, ml_js_write, (int fd, const char* p, int n), {
  Module.onWrite(fd, HEAPU8.slice(p, p + n));
});

namespace {

using ml::LanguagePack;
using ml::LanguageRegistry;

class JsBuf : public std::streambuf {
 public:
  explicit JsBuf(int fd) : fd_(fd) { setp(buf_, buf_ + sizeof buf_); }
  int sync() override {
    if (pptr() > pbase()) ml_js_write(fd_, pbase(), int(pptr() - pbase()));
    setp(buf_, buf_ + sizeof buf_);
    return 0;
  }
  int overflow(int c) override {
    sync();
    if (c != EOF) {
      *pptr() = char(c);
      pbump(1);
    }
    return c == EOF ? 0 : c;
  }

 private:
  int fd_;
  char buf_[4096];
};

std::vector<uint8_t> compiled;  // the last ml_compile's module

JsBuf out_buf(1), err_buf(2);
std::ostream js_out(&out_buf), js_err(&err_buf);
std::string result;

const LanguagePack* pack_for(const std::string& source, const char* lang) {
  const auto& reg = LanguageRegistry::instance();
  std::string code = lang && *lang && std::string(lang) != "auto" ? lang : reg.detect(source);
  return reg.find(code);
}

// The line and column of the first "path:line:col:" in a rendered error, for the editor's
// marker; 0 when the error has no location.
std::pair<int, int> location_of(const std::string& rendered, const std::string& path) {
  size_t p = rendered.find(path + ":");
  if (p == std::string::npos) return {0, 0};
  int line = 0, col = 0;
  if (std::sscanf(rendered.c_str() + p + path.size(), ":%d:%d:", &line, &col) < 1) return {0, 0};
  return {line, col};
}

// `explain` and `wat`: where each function ran and the text of those that ran compiled (empty
// when the run offered nothing to the code generator).
void set_run_result(int status, const std::string& lang, const std::string& error, const std::string& path,
                    const std::string& explain = "", const std::string& wat = "") {
  auto [line, col] = location_of(error, path);
  web::JsonObject o;
  o.num("status", status).str("lang", lang).num("line", line).num("col", col).str("explain", explain).str("wat", wat);
  result = o.text();
}

// The one engine compiled functions run on, made at the first compiled call and kept: its
// modules belong to the run that made them, and are dropped with it.
ml::engine::Engine& web_engine() {
  static std::unique_ptr<ml::engine::Engine> e = [] {
    ml::engine::EngineOptions o;
    o.memory_pages = 16;
    o.max_memory_pages = ml::engine::kMaxPages;
    return ml::engine::create_engine(o);
  }();
  return *e;
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* ml_result() { return result.c_str(); }

// Every pack: code, names, direction and the spellings the editor highlights.
EMSCRIPTEN_KEEPALIVE void ml_languages() {
  const auto& reg = LanguageRegistry::instance();
  std::string out = "[";
  for (const auto& code : reg.codes()) {
    const LanguagePack* p = reg.find(code);
    web::JsonObject o;
    o.str("code", p->code).str("name", p->name).str("english_name", p->english_name);
    std::vector<std::string> kw, names;
    for (int c = 0; c < ml::kConceptCount; ++c)
      for (const auto& s : p->keywords[c]) kw.push_back(s);
    for (const auto& [concept_, spellings] : p->soft_keywords)
      for (const auto& s : spellings) kw.push_back(s);
    for (const auto& [local, canonical] : p->builtins) names.push_back(local);
    o.strs("keywords", kw).strs("builtins", names);
    out += (out.size() > 1 ? "," : "") + o.text();
  }
  result = out + "]";
}

EMSCRIPTEN_KEEPALIVE void ml_detect(const char* source) {
  web::JsonObject o;
  o.str("lang", LanguageRegistry::instance().detect(source));
  result = o.text();
}

// Runs `source` as `multilingual run --backend BACKEND` does: output on fd 1, the localized
// error (if any) on fd 2; the result names the language, the error's place, and (unless the
// backend is "python") where each function ran.
EMSCRIPTEN_KEEPALIVE void ml_run(const char* source, const char* lang, const char* path, const char* backend) {
  auto src = std::make_shared<ml::SourceFile>();
  src->path = path && *path ? path : "<playground>";
  src->text = source;
  const LanguagePack* pack = pack_for(src->text, lang);
  if (!pack) {
    js_err << "unknown language '" << lang << "'\n";
    js_err.flush();
    set_run_result(2, "", "", src->path);
    return;
  }
  std::unique_ptr<ml::ast::Module> m;
  try {
    ml::validate_utf8(src);
    m = std::make_unique<ml::ast::Module>(ml::parse_program(src, *pack));
  } catch (const ml::CompileError& e) {
    std::string text = ml::render(e, *pack);
    js_err << text;
    js_err.flush();
    set_run_result(1, pack->code, text, src->path);
    return;
  }
  ml::interp::RunOptions o;
  o.out = &js_out;
  std::istringstream no_input;
  o.in = &no_input;
  o.pack = pack;
  // Without threads the program runs on the module's own stack (see web/CMakeLists.txt).
  o.stack_bytes = ML_WEB_STACK_BYTES;
  ml::interp::Interpreter in(o);
  in.set_argv({src->path});
  std::string be = backend ? backend : "auto";
  std::unique_ptr<ml::tiering::CompiledCalls> compiled;
  if (be != "python") {
    ml::tiering::PolicyOptions policy;
    policy.adaptive = be != "wasm";
    compiled = std::make_unique<ml::tiering::CompiledCalls>(*m, *pack, in, web_engine, policy, js_out);
    in.set_compiled_call_hook([&](ml::interp::FuncObj* f, ml::interp::Value* args, int nargs) {
      if (compiled->owns(f)) return compiled->try_call(f, args, nargs);
      f->code->interpret_only = true;  // a library's: never compiled here
      return std::optional<ml::interp::Value>();
    });
  }
  int status = 0;
  std::string error;
  try {
    in.exec_module(*m);
  } catch (const ml::interp::PyError& e) {
    js_out.flush();
    if (auto st = ml::interp::Interpreter::exit_status(e)) {
      status = *st;
    } else {
      error = in.render_error(e);
      js_err << error;
      status = 1;
    }
  }
  js_out.flush();
  js_err.flush();
  std::string explain = compiled ? compiled->explain() : "";
  std::string wat = compiled ? compiled->wat() : "";
  in.set_compiled_call_hook(nullptr);
  set_run_result(status, pack->code, error, src->path, explain, wat);
}

// The program in another language; on a syntax error, the error instead.
EMSCRIPTEN_KEEPALIVE void ml_translate(const char* source, const char* from, const char* to) {
  auto src = std::make_shared<ml::SourceFile>();
  src->path = "<playground>";
  src->text = source;
  const LanguagePack* f = pack_for(src->text, from);
  const LanguagePack* t = LanguageRegistry::instance().find(to);
  web::JsonObject o;
  if (!f || !t) {
    o.str("error", std::string("unknown language '") + (f ? to : from) + "'");
  } else {
    try {
      o.str("text", ml::translate_source(src, *f, *t)).str("from", f->code);
    } catch (const ml::CompileError& e) {
      std::string text = ml::render(e, *f);
      auto [line, col] = location_of(text, src->path);
      o.str("error", text).num("line", line).num("col", col);
    }
  }
  result = o.text();
}

// The whole program compiled to one WebAssembly module (as `multilingual build` does): its
// text and functions, or why it does not compile; the bytes through ml_wasm_bytes/size.
EMSCRIPTEN_KEEPALIVE void ml_compile(const char* source, const char* lang) {
  auto src = std::make_shared<ml::SourceFile>();
  src->path = "<playground>";
  src->text = source;
  compiled.clear();
  web::JsonObject o;
  const LanguagePack* pack = pack_for(src->text, lang);
  if (!pack) {
    o.str("error", "unknown language");
    result = o.text();
    return;
  }
  try {
    ml::ast::Module m = ml::parse_program(src, *pack);
    ml::wasm::StandaloneResult r = ml::wasm::build_standalone(m, *pack);
    o.num("ok", r.ok).strs("functions", r.functions).str("wat", r.wat);
    if (r.ok) compiled = std::move(r.wasm);
    else o.str("reason", r.reason.text());
  } catch (const ml::CompileError& e) {
    o.num("ok", 0).str("error", ml::render(e, *pack));
  } catch (const std::exception& e) {
    o.num("ok", 0).str("error", e.what());
  }
  result = o.text();
}
EMSCRIPTEN_KEEPALIVE const uint8_t* ml_wasm_bytes() { return compiled.data(); }
EMSCRIPTEN_KEEPALIVE int ml_wasm_size() { return int(compiled.size()); }

}  // extern "C"

int main() {
  // Past this the interpreter raises MemoryError instead of the module aborting.
  ml::support::set_memory_limit(uint64_t(1536) << 20);
  return 0;
}
