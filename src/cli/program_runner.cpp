#include "cli/program_runner.h"

#include <iostream>

#include "cli/ops_builtins.h"
#include "interp/runtime.h"
#include "runtime/backend_selector.h"
#include "runtime/config.h"
#include "parse/parser.h"

namespace ml::cli {

ProgramRunner::ProgramRunner(const LanguagePack& pack, std::string backend, std::string config_file)
    : pack_(&pack), backend_(std::move(backend)), config_file_(std::move(config_file)) {
  if (!backend_.empty() && backend_ != "auto" && backend_ != "interpreter" && backend_ != "wasm")
    throw std::runtime_error("unknown backend '" + backend_ + "' (auto, interpreter, wasm)");
  interp::RunOptions o;
  o.out = &std::cout;
  o.in = &std::cin;
  o.pack = pack_;
  interp_ = std::make_unique<interp::Interpreter>(o);
  register_operation_builtins(*interp_, [this]() -> runtime::BackendSelector& { return selector(); });
}

runtime::BackendSelector& ProgramRunner::selector() {
  if (!selector_) {
    runtime::ConfigOverrides flags;
    if (!config_file_.empty()) flags.config_file = config_file_;
    selector_ = std::make_unique<runtime::BackendSelector>(runtime::load_config(flags).config);
  }
  return *selector_;
}

ProgramRunner::~ProgramRunner() = default;

void ProgramRunner::set_pack(const LanguagePack& pack) {
  pack_ = &pack;
  interp_->set_pack(pack_);
}

static int run_parsed(interp::Interpreter& in, const LanguagePack& pack, std::shared_ptr<const SourceFile> src,
                      bool repl) {
  ast::Module m;
  try {
    m = parse_program(src, pack);
  } catch (const CompileError& e) {
    std::cout.flush();
    std::cerr << render(e, pack);
    return 1;
  }
  try {
    if (repl) in.exec_repl(m);
    else in.exec_module(m);
  } catch (const interp::PyError& e) {
    std::cout.flush();
    if (auto st = interp::Interpreter::exit_status(e)) return *st;
    std::cerr << in.render_error(e);
    return 1;
  }
  std::cout.flush();
  return 0;
}

int ProgramRunner::run_file(std::shared_ptr<const SourceFile> src) { return run_parsed(*interp_, *pack_, src, false); }

int ProgramRunner::run_chunk(std::shared_ptr<const SourceFile> src) {
  int st = run_parsed(*interp_, *pack_, src, true);
  if (st == 0)
    if (auto r = interp_->repr_of_last_expression()) std::cout << *r << "\n";
  return st;
}

std::string ProgramRunner::explain() const { return ""; }

}  // namespace ml::cli
