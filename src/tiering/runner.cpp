#include "tiering/runner.h"

#include <cerrno>
#include <cstring>
#include <iostream>

#include "engine/engine.h"
#include "interp/code.h"
#include "interp/runtime.h"
#include "lang/error_text.h"
#include "parse/parser.h"
#include "runtime/backend_selector.h"
#include "support/memory_limit.h"
#include "support/os_error.h"
#include "tiering/compiled_calls.h"
#include "tiering/engine_setup.h"
#include "tiering/ops_builtins.h"
#include "tiering/watchdog.h"

namespace ml::tiering {

Runner::Runner(const LanguagePack& pack, const runtime::LoadedConfig& config, Streams streams)
    : pack_(&pack),
      config_(config),
      out_(streams.out ? streams.out : &std::cout),
      err_(streams.err ? streams.err : &std::cerr),
      policy_(policy_options(config)) {
  wasm_on_ = config_.config.prefer_backend != runtime::Backend::Native;
  interp::RunOptions o;
  o.out = out_;
  o.in = streams.in ? streams.in : &std::cin;
  o.pack = pack_;
  o.err = err_;
  interp_ = std::make_unique<interp::Interpreter>(o);
  uint64_t mb = config_.config.max_memory_mb;
  support::set_memory_limit(mb ? mb << 20 : support::physical_memory() / 2);
  register_operation_builtins(*interp_, [this]() -> runtime::BackendSelector& { return selector(); });
}

Runner::~Runner() = default;

runtime::BackendSelector& Runner::selector() {
  if (!selector_) selector_ = std::make_unique<runtime::BackendSelector>(config_.config);
  return *selector_;
}

// One engine for every module of the run (REPL chunks included), started on the first
// compiled call.
engine::Engine& Runner::engine() {
  if (!engine_) {
    support::UncheckedAllocations engine_allocates;
    engine_ = engine::create_engine(engine_options(config_));
    running_engine_.store(engine_.get());
    if (engine_made_) engine_made_();
  }
  return *engine_;
}

void Runner::on_engine_made(std::function<void()> f) {
  engine_made_ = std::move(f);
  if (engine_made_ && engine_) engine_made_();
}

void Runner::set_argv(std::vector<std::string> argv) { interp_->set_argv(std::move(argv)); }

void Runner::set_pack(const LanguagePack& pack) {
  pack_ = &pack;
  interp_->set_pack(pack_);
}

// What the program printed that could not be written (a full disk, a closed stdout) is an
// OSError, as in Python; false after reporting one.
bool Runner::flush_output(const ast::Module& m) {
  out_->flush();
  if (out_->good()) return true;
  int err = errno ? errno : EIO;
  out_->clear();
  const char* name = errno_name(err);
  std::string text = name ? pack_->message(std::string("errno.") + name) : std::strerror(err);
  *err_ << render_error(*pack_, "OSError", "[Errno " + std::to_string(err) + "] " + text,
                        m.source.get(), Loc{});
  return false;
}

int Runner::run_parsed(const ast::Module& m, bool repl) {
  try {
    if (repl) interp_->exec_repl(m);
    else interp_->exec_module(m);
  } catch (const interp::PyError& e) {
    bool written = flush_output(m);
    if (auto st = interp::Interpreter::exit_status(e)) return written ? *st : 1;
    if (!interp_->reported(e)) *err_ << interp_->render_error(e);
    // Python's status for a program ended by Ctrl-C: killed by SIGINT, 128 + 2 to the shell
    if (interp::Interpreter::error_kind(e) == "KeyboardInterrupt") return 130;
    return 1;
  }
  return flush_output(m) ? 0 : 1;
}

// Parses `src`; on a syntax error prints it (localized) and returns null.
std::unique_ptr<ast::Module> Runner::parse_or_report(std::shared_ptr<const SourceFile> src) {
  try {
    return std::make_unique<ast::Module>(parse_program(std::move(src), *pack_));
  } catch (const CompileError& e) {
    out_->flush();
    *err_ << render(e, *pack_);
    return nullptr;
  }
}

int Runner::run_file(std::shared_ptr<const SourceFile> src) {
  auto m = parse_or_report(std::move(src));
  if (!m) return 1;
  if (wasm_on_) attach(*m);
  modules_.push_back(std::move(m));
  // The engine plugin (V8) loads on the first compile; under a time limit it loads first, so
  // the limit measures the program, not loading libnode.
  if (wasm_on_ && config_.config.timeout_ms > 0) engine::engine_available();
  Watchdog dog(*interp_, running_engine_, *pack_, modules_.back()->source.get(), int(config_.config.timeout_ms));
  return run_parsed(*modules_.back(), false);
}

int Runner::run_file(const std::string& path) {
  std::shared_ptr<const SourceFile> src;
  try {
    src = read_source_file(path);
  } catch (const SourceReadError& e) {
    *err_ << pack_->message(e.id, e.args) << "\n";
    return 1;
  } catch (const std::exception& e) {
    *err_ << e.what() << "\n";
    return 1;
  }
  return run_file(std::move(src));
}

int Runner::run_string(std::string text, std::string path) {
  auto src = std::make_shared<SourceFile>();
  src->path = std::move(path);
  src->text = std::move(text);
  return run_file(std::move(src));
}

int Runner::run_chunk(std::shared_ptr<const SourceFile> src) {
  auto m = parse_or_report(std::move(src));
  if (!m) return 1;
  if (wasm_on_) attach(*m);
  modules_.push_back(std::move(m));
  int st = run_parsed(*modules_.back(), true);
  if (st == 0)
    if (auto r = interp_->repr_of_last_expression()) *out_ << *r << "\n";
  return st;
}

// Each module gets its compiled calls; the hook asks those of the module the function came from.
void Runner::attach(const ast::Module& m) {
  compiled_.push_back(std::make_unique<CompiledCalls>(m, *pack_, *interp_,
                                                      [this]() -> engine::Engine& { return engine(); }, policy_, *out_));
  interp_->set_compiled_call_hook([this](interp::FuncObj* f, interp::Value* args, int nargs) {
    for (auto& c : compiled_)
      if (c->owns(f)) return c->try_call(f, args, nargs);
    f->code->interpret_only = true;  // another module's (a library's): never compiled here
    return std::optional<interp::Value>();
  });
}

void Runner::set_wasm(bool on) {
  wasm_on_ = on;
  if (!on) interp_->set_compiled_call_hook(nullptr);
  else if (!compiled_.empty()) attach(*modules_.back());  // re-installs the hook
}

std::string Runner::emitted_wat() {
  std::string out;
  for (auto& c : compiled_) out += c->wat();
  return out.empty() ? ";; no function ran as WebAssembly\n" : out;
}

std::string Runner::explain() const {
  if (compiled_.empty()) return "every function ran on the interpreter (--backend python)\n";
  std::string out;
  for (const auto& c : compiled_) out += c->explain();
  return out;
}

void Runner::interrupt_compiled_code() {
  if (engine::Engine* e = running_engine_.load()) e->interrupt();
}

}  // namespace ml::tiering
