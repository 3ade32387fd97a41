#include "cli/program_runner.h"

#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <condition_variable>
#include <cstdio>
#include <iostream>
#include <mutex>
#include <thread>

#include "cli/ops_builtins.h"
#include "cli/sigint_guard.h"
#include "cli/wasm_bridge.h"
#include "engine/engine.h"
#include "interp/runtime.h"
#include "runtime/backend_selector.h"
#include "runtime/config.h"
#include "support/memory_limit.h"
#include "parse/parser.h"

namespace ml::cli {

ProgramRunner::ProgramRunner(const LanguagePack& pack, const runtime::LoadedConfig& config)
    : pack_(&pack), config_(config) {
  wasm_on_ = config_.config.prefer_backend != runtime::Backend::Native;
  interp::RunOptions o;
  o.out = &std::cout;
  o.in = &std::cin;
  o.pack = pack_;
  interp_ = std::make_unique<interp::Interpreter>(o);
  uint64_t mb = config_.config.max_memory_mb;
  support::set_memory_limit(mb ? mb << 20 : support::physical_memory() / 2);
  register_operation_builtins(*interp_, [this]() -> runtime::BackendSelector& { return selector(); });
}

runtime::BackendSelector& ProgramRunner::selector() {
  if (!selector_) selector_ = std::make_unique<runtime::BackendSelector>(config_.config);
  return *selector_;
}

// One engine for every module of the run (REPL chunks included), started on the first
// compiled call. Programs get linear memory up to wasm32's 4 GiB unless memory_pages was set
// (in multilingual.toml, pyproject.toml or a flag): the interpreter that would otherwise run
// the call has no such limit, and running out means running the call again interpreted.
engine::Engine& ProgramRunner::engine() {
  if (!engine_) {
    support::UncheckedAllocations engine_allocates;
    const runtime::BackendConfig& c = config_.config;
    engine::EngineOptions o;
    o.optimizing_tier = c.cranelift;
    o.simd = c.simd;
    o.cache = c.cache;
    bool set = config_.origin.count("memory_pages") && config_.origin.at("memory_pages") != "default";
    o.max_memory_pages = set ? c.memory_pages : engine::kMaxPages;
    o.memory_pages = std::min<uint32_t>(16, o.max_memory_pages);
    engine_ = engine::create_engine(o);
    running_engine_.store(engine_.get());
  }
  return *engine_;
}

void ProgramRunner::set_argv(std::vector<std::string> argv) { interp_->set_argv(std::move(argv)); }

ProgramRunner::~ProgramRunner() = default;

void ProgramRunner::set_pack(const LanguagePack& pack) {
  pack_ = &pack;
  interp_->set_pack(pack_);
}

// What the program printed that could not be written (a full disk, a closed stdout) is an
// OSError, as in Python; false after reporting one.
static bool flush_output(const LanguagePack& pack, const ast::Module& m) {
  std::cout.flush();
  if (std::cout.good()) return true;
  int err = errno ? errno : EIO;
  std::cout.clear();
  std::cerr << render_error(pack, "OSError", "[Errno " + std::to_string(err) + "] " + std::strerror(err),
                            m.source.get(), Loc{});
  return false;
}

static int run_parsed(interp::Interpreter& in, const LanguagePack& pack, const ast::Module& m, bool repl) {
  try {
    if (repl) in.exec_repl(m);
    else in.exec_module(m);
  } catch (const interp::PyError& e) {
    bool written = flush_output(pack, m);
    if (auto st = interp::Interpreter::exit_status(e)) return written ? *st : 1;
    std::cerr << in.render_error(e);
    // Python's status for a program ended by Ctrl-C: killed by SIGINT, 128 + 2 to the shell
    if (interp::Interpreter::error_kind(e) == "KeyboardInterrupt") return 130;
    return 1;
  }
  return flush_output(pack, m) ? 0 : 1;
}

// Parses `src`; on a syntax error prints it (localized) and returns null.
static std::unique_ptr<ast::Module> parse_or_report(std::shared_ptr<const SourceFile> src, const LanguagePack& pack) {
  try {
    return std::make_unique<ast::Module>(parse_program(std::move(src), pack));
  } catch (const CompileError& e) {
    std::cout.flush();
    std::cerr << render(e, pack);
    return nullptr;
  }
}

namespace {
// `run --timeout-ms`: a thread that, unless the run ends first, asks the interpreter to raise
// TimeoutError; if the program is still running kTimeoutGraceMs later (inside one long native
// or WebAssembly operation, where the interpreter never checks), it ends the process.
class Watchdog {
 public:
  Watchdog(interp::Interpreter& in, const std::atomic<engine::Engine*>& engine, const LanguagePack& pack,
           const SourceFile* src, int ms) {
    if (ms <= 0) return;
    th_ = std::thread([this, &in, &engine, &pack, src, ms] {
      std::unique_lock<std::mutex> lk(mu_);
      if (cv_.wait_for(lk, std::chrono::milliseconds(ms), [this] { return done_; })) return;
      in.interrupt(ms);
      // Compiled code never reaches the interpreter's checks: the engine stops it, and the
      // call, handed back, meets the interrupt at once.
      if (engine::Engine* e = engine.load()) e->interrupt();
      if (cv_.wait_for(lk, std::chrono::milliseconds(ProgramRunner::kTimeoutGraceMs), [this] { return done_; }))
        return;
      std::string text = render_error(pack, "TimeoutError", pack.message("runtime.timeout", {{"ms", std::to_string(ms)}}),
                                      src, Loc{});
      std::fflush(stdout);
      std::cout.flush();
      (void)!::write(2, text.data(), text.size());
      ::_exit(1);
    });
  }
  ~Watchdog() {
    if (!th_.joinable()) return;
    {
      std::lock_guard<std::mutex> lk(mu_);
      done_ = true;
    }
    cv_.notify_all();
    th_.join();
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  bool done_ = false;
  std::thread th_;
};
}  // namespace

int ProgramRunner::run_file(std::shared_ptr<const SourceFile> src) {
  auto m = parse_or_report(std::move(src), *pack_);
  if (!m) return 1;
  if (wasm_on_) attach_bridge(*m);
  modules_.push_back(std::move(m));
  // The engine plugin (V8) loads on the first compile; under a time limit it loads first, so
  // the limit measures the program, not loading libnode.
  if (wasm_on_ && config_.config.timeout_ms > 0) engine::engine_available();
  Watchdog dog(*interp_, running_engine_, *pack_, modules_.back()->source.get(), int(config_.config.timeout_ms));
  SigintGuard ctrl_c(*interp_);
  return run_parsed(*interp_, *pack_, *modules_.back(), false);
}

int ProgramRunner::run_chunk(std::shared_ptr<const SourceFile> src) {
  auto m = parse_or_report(std::move(src), *pack_);
  if (!m) return 1;
  if (wasm_on_) attach_bridge(*m);
  modules_.push_back(std::move(m));
  int st = run_parsed(*interp_, *pack_, *modules_.back(), true);
  if (st == 0)
    if (auto r = interp_->repr_of_last_expression()) std::cout << *r << "\n";
  return st;
}

// Each module gets its bridge; the hook asks the bridge of the module the function came from.
void ProgramRunner::attach_bridge(const ast::Module& m) {
  bool adaptive = config_.config.prefer_backend == runtime::Backend::Auto;
  bridges_.push_back(std::make_unique<WasmBridge>(m, *pack_, [this]() -> engine::Engine& { return engine(); }, adaptive));
  interp_->set_compiled_call_hook([this](interp::FuncObj* f, interp::Value* args, int nargs) {
    for (auto& b : bridges_)
      if (b->owns(f)) return b->try_call(f, args, nargs);
    return std::optional<interp::Value>();
  });
}

void ProgramRunner::set_wasm(bool on) {
  wasm_on_ = on;
  if (!on) interp_->set_compiled_call_hook(nullptr);
  else if (!bridges_.empty()) attach_bridge(*modules_.back());  // re-installs the hook
}

std::string ProgramRunner::emitted_wat() {
  std::string out;
  for (auto& b : bridges_) out += b->wat();
  return out.empty() ? ";; no function ran as WebAssembly\n" : out;
}

std::string ProgramRunner::explain() const {
  if (bridges_.empty()) return "every function ran on the interpreter (--backend python)\n";
  std::string out;
  for (const auto& b : bridges_) out += b->explain();
  return out;
}

}  // namespace ml::cli
