#include "interp/interpreter.h"

#include <unistd.h>

#include <algorithm>
#include <exception>
#include <iostream>
#include <sstream>

#include "interp/code.h"
#include "interp/gc.h"
#include "interp/program_stack.h"
#include "lang/error_text.h"
#include "lang/pack.h"
#include "support/diagnostic.h"
#include "support/memory_limit.h"
#include "support/utf8.h"

namespace ml::interp {

Interpreter::Interpreter(RunOptions opts) : opts_(opts) {
  Interp* prev = I;
  st_ = std::make_unique<Interp>();
  st_->out = opts.out ? opts.out : &std::cout;
  st_->in = opts.in ? opts.in : &std::cin;
  st_->recursion_limit = opts.recursion_limit;
  set_pack(opts.pack);
  I = prev ? prev : st_.get();
}

Interpreter::~Interpreter() {
  if (I == st_.get()) I = nullptr;
  // Values may hold cycles; the interpreter state is released as a whole. The cycle collector
  // forgets every object it tracks: what leaks here may run code of this interpreter's (a
  // __del__) that no later collection must call.
  gc_forget_all();
  st_.release();
}

void Interpreter::set_pack(const LanguagePack* pack) {
  Interp* prev = I;
  I = st_.get();
  st_->pack = pack;
  install_builtin_aliases(pack, true);  // localized builtin names -> builtins, modules, exceptions
  I = prev;
}

void Interpreter::register_builtin(const std::string& name, NativeBuiltin fn) {
  Interp* prev = I;
  I = st_.get();
  def_native(st_->builtins.get(), name, [fn](Interp&, Value* a, int n, KwArgs* kw) -> Value {
    std::vector<Value> args(a, a + n);
    std::vector<std::pair<std::string, Value>> kws;
    if (kw) for (auto& [k, v] : kw->items) kws.emplace_back(str_of(k), v);
    return fn(args, kws);
  });
  I = prev;
}

int Interpreter::call_depth() const { return st_->depth; }
int Interpreter::recursion_limit() const { return st_->recursion_limit; }

void Interpreter::set_compiled_call_hook(std::function<std::optional<Value>(FuncObj*, Value*, int)> hook) {
  st_->try_call_compiled = std::move(hook);
  st_->call_hooks = st_->observer || st_->try_call_compiled;
}

void Interpreter::set_argv(const std::vector<std::string>& argv) {
  Interp* prev = I;
  I = st_.get();
  auto it = st_->modules.find("sys");
  if (it != st_->modules.end()) {
    ValueVec items;
    for (const auto& a : argv) items.push_back(mk_str(a));
    it->second.as<ModuleObj>()->dict->set(str_key("argv"), Value::obj(new ListObj(std::move(items))));
  }
  I = prev;
}

void Interpreter::interrupt(int ms) { st_->interrupt_ms.store(ms > 0 ? ms : 1, std::memory_order_relaxed); }

void Interpreter::interrupt_keyboard() {
  st_->post_interrupt(Interp::kKeyboardInterrupt);  // a time limit that ran out stays the error to raise
}

bool Interpreter::keyboard_interrupt_pending() const {
  return st_->interrupt_ms.load(std::memory_order_relaxed) == Interp::kKeyboardInterrupt;
}

void handle_interrupt() {
  int expected = Interp::kGcPending;
  if (I->interrupt_ms.compare_exchange_strong(expected, 0, std::memory_order_relaxed)) {
    gc_run_requested();
    return;
  }
  expected = Interp::kSignalPending;
  if (I->interrupt_ms.compare_exchange_strong(expected, 0, std::memory_order_relaxed)) {
    if (run_signal_handlers) run_signal_handlers();
    return;
  }
  expected = Interp::kKeyboardInterrupt;
  // Raised once: a program that catches it goes on, until the next Ctrl-C.
  if (I->interrupt_ms.compare_exchange_strong(expected, 0, std::memory_order_relaxed))
    throw PyError(make_exception(I->e("KeyboardInterrupt"), {}));
  raise_id("TimeoutError", "runtime.timeout", {{"ms", std::to_string(I->interrupt_ms.load(std::memory_order_relaxed))}});
}

void Interpreter::set_call_observer(CallObserver* observer) {
  st_->observer = observer;
  st_->call_hooks = st_->observer || st_->try_call_compiled;
}

// What CPython does as the main module ends (normally or by sys.exit): waits for the threads
// still running (threading's _shutdown), then runs the atexit functions; each only when the
// program imported that module.
static void run_exit_hooks() {
  auto sys = I->modules.find("sys");
  if (sys == I->modules.end()) return;
  // sys.modules is made by the first import: a program without one imported neither module.
  // (Asked for through getattr, the missing name would go to sys's __getattr__ and come back
  // as a thrown AttributeError: the process's first throw maps the unwinder and its tables.)
  Value* mv = sys->second.as<ModuleObj>()->dict->find(str_key("modules"));
  if (!mv || !mv->is(OK::Dict)) return;
  DictObj* mods = mv->as<DictObj>();
  for (auto [mod, fn] : {std::pair{"threading", "_shutdown"}, {"atexit", "_run_exitfuncs"}}) {
    const Value* m = mods->find(str_key(mod));
    Value f;
    if (m && getattr_opt(*m, fn, f)) call0(f);
  }
}

// A child made by os.fork ends here, as the command line would have ended it: its output
// flushed, an uncaught error's traceback written, the status of sys.exit (1 after an error).
// (A program run on a thread of its own, see program_stack.h, would leave a child with a copy
// of that thread only: the thread that reports a run's end is not there.)
[[noreturn]] static void end_forked_child(const Interpreter& in, Interp* S, const PyError* e) {
  S->out->flush();
  std::cout.flush();
  int status = 0;
  if (e) {
    if (auto st = Interpreter::exit_status(*e)) status = *st;
    else {
      if (!in.reported(*e)) std::cerr << in.render_error(*e);
      status = Interpreter::error_kind(*e) == "KeyboardInterrupt" ? 130 : 1;
    }
  }
  std::cerr.flush();
  std::fflush(nullptr);
  ::_exit(status);
}

void Interpreter::run(const ast::Module& m, bool repl) {
  const pid_t started = ::getpid();
  Interp* prev = I;
  I = st_.get();
  struct Restore { Interp* p; ~Restore() { I = p; } } restore{prev};
  Interp* S = st_.get();
  S->has_last_expr = false;
  S->last_expr = Value();
  size_t bytes = opts_.stack_bytes;
  run_on_program_stack(bytes, [&]() {
    support::CheckedAllocations checked;  // the program's memory limit (a MemoryError past it)
    I = S;
    char probe;
    S->stack_low = &probe - bytes + (size_t(1) << 20);
    S->depth = 1;  // the module's own frame counts towards the recursion limit, as in Python
    S->handling.clear();
    S->sources.push_back(m.source);
    if (!repl && m.source && !m.source->path.empty() && m.source->path[0] != '<' && m.source->path != "-")
    {
      S->globals->set(str_key("__file__"), mk_str(m.source->path));
      auto sys = S->modules.find("sys");
      Value* argv = sys->second.as<ModuleObj>()->dict->find(str_key("argv"));
      if (argv && argv->is(OK::List) && argv->as<ListObj>()->v.empty()) argv->as<ListObj>()->v.push_back(mk_str(m.source->path));
    }
    auto unit = compile_module(m, S->pack, repl);
    const FuncCode* code = unit->module_code;
    S->units.push_back(std::move(unit));
    try {
      run_module_code(code, S->globals.get());
    } catch (PyError& e) {
      if (!repl && opts_.err && !exit_status(e)) {
        S->out->flush();
        *opts_.err << render_error(e);
        opts_.err->flush();
        reported_ = e.exc.o;
      }
      if (!repl) run_exit_hooks();  // after sys.exit or an uncaught error too, as CPython does
      if (::getpid() != started) end_forked_child(*this, S, &e);
      throw;
    }
    if (!repl) run_exit_hooks();
    if (::getpid() != started) end_forked_child(*this, S, nullptr);
    S->out->flush();
    check_output(*S->out);
  });
  S->out->flush();
}

void Interpreter::exec_module(const ast::Module& m) { run(m, false); }
void Interpreter::exec_repl(const ast::Module& m) { run(m, true); }

std::optional<std::string> Interpreter::repr_of_last_expression() {
  if (!st_->has_last_expr || st_->last_expr.is_none()) return std::nullopt;
  Interp* prev = I;
  I = st_.get();
  std::string r;
  try {
    r = repr(st_->last_expr);
  } catch (...) {
    I = prev;
    throw;
  }
  I = prev;
  return r;
}

std::string Interpreter::error_kind(const PyError& e) {
  if (e.exc.is_obj()) return e.exc.o->type->name;
  return "Exception";
}

bool Interpreter::reported(const PyError& e) const { return e.exc.is_obj() && e.exc.o == reported_; }

std::optional<int> Interpreter::exit_status(const PyError& e) {
  if (!e.exc.is(OK::Inst) || e.exc.o->type->name != "SystemExit") return std::nullopt;
  Value* args = e.exc.as<InstObj>()->find_attr("args", hash_value(mk_str("args")));
  if (!args || !args->is(OK::Tuple) || args->as<TupleObj>()->v.empty()) return 0;
  const Value& code = args->as<TupleObj>()->v[0];
  if (code.is_none()) return 0;
  if (code.t == VT::Int) return (int)code.i;
  return 1;
}

namespace {
// The call chain of an error raised inside a function, outermost first, like Python's
// "Traceback (most recent call last):" (header from the pack): one "  file:line: function"
// line and the source line per frame. Runs of the same frame (deep recursion) are folded
// after three, as Python does. Empty when the error did not leave a function.
std::string render_traceback(const InstObj* in) {
  const ExcState* es = in->exc_state();
  if (!es || es->tb.size() < 2) return "";
  const auto& tb = es->tb;
  std::string header = msg("runtime.traceback_header");
  if (!header.empty() && header.back() != ':' && header.compare(header.size() - std::min<size_t>(3, header.size()), 3, "\xef\xbc\x9a") != 0)
    header += ':';
  std::string out = header + "\n";
  auto same = [](const ExcState::TBEntry& a, const ExcState::TBEntry& b) {
    return a.src == b.src && a.loc.line == b.loc.line && a.name == b.name;
  };
  size_t repeats = 0;
  for (size_t k = tb.size(); k-- > 0;) {
    const auto& f = tb[k];
    if (k + 1 < tb.size() && same(f, tb[k + 1])) {
      if (++repeats >= 3) continue;
    } else {
      if (repeats >= 3) out += "  [... x" + std::to_string(repeats - 2) + "]\n";
      repeats = 0;
    }
    out += "  " + (f.src ? f.src->path : std::string("<unknown>")) + ":" + std::to_string(f.loc.line) + ": " +
           (f.name.empty() ? std::string("<module>") : f.name) + "\n";
    if (f.src) {
      std::string_view line = f.src->line_text(f.loc.line);
      size_t b = line.find_first_not_of(" \t");
      if (b != std::string_view::npos) out += "    " + utf8::escape_for_terminal(line.substr(b)) + "\n";
    }
  }
  if (repeats >= 3) out += "  [... x" + std::to_string(repeats - 2) + "]\n";
  return out;
}
}  // namespace

namespace {
// One exception as the command line shows it: its traceback, then "file:line:col: Kind: message"
// with the source line (the pack's words where it has them).
std::string render_one(const Value& exc, const LanguagePack* pack) {
  std::string kind = exc.is_obj() ? exc.o->type->name : std::string("Exception");
  std::string message;
  try {
    if (kind == "KeyError" && exc.is(OK::Inst)) {
      Value* args = exc.as<InstObj>()->find_attr("args", hash_value(mk_str("args")));
      std::string key = args && args->is(OK::Tuple) && !args->as<TupleObj>()->v.empty() ? repr(args->as<TupleObj>()->v[0]) : "";
      message = msg("runtime.key_error", {{"key", key}});
    } else if (kind == "AssertionError" && exc_message(exc).empty()) {
      message = msg("runtime.assertion_failed");
    } else {
      message = exc_message(exc);
    }
  } catch (...) {
    message = "<exception str() failed>";
  }
  const SourceFile* src = nullptr;
  Loc loc;
  std::string out;
  if (exc.is(OK::Inst)) {
    auto* in = exc.as<InstObj>();
    if (const ExcState* es = in->exc_state()) {
      src = es->src;
      loc = es->loc;
    }
    out = render_traceback(in);
  }
  if (pack) return out + ml::render_error(*pack, kind, message, src, loc);
  if (src) out += src->path + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.col) + ": ";
  out += kind;
  if (!message.empty()) out += ": " + message;
  out += "\n";
  return out;
}

// The exception after the ones it came from, as Python prints them: its __cause__ ("raise ...
// from ...") or, unless suppressed, the __context__ it was raised while handling, each shown
// once (a chain can loop back on itself).
std::string render_chain(const Value& exc, const LanguagePack* pack, std::vector<const Object*>& seen) {
  std::string out;
  if (exc.is_obj()) seen.push_back(exc.o);
  const ExcState* es = exc.is(OK::Inst) ? exc.as<InstObj>()->exc_state() : nullptr;
  auto unseen = [&](const Value& v) { return v.is_obj() && std::find(seen.begin(), seen.end(), v.o) == seen.end(); };
  if (es && !es->cause.is_none() && unseen(es->cause))
    out = render_chain(es->cause, pack, seen) + "\n" + msg("runtime.chain_cause") + "\n\n";
  else if (es && es->cause.is_none() && !es->suppress_context && !es->context.is_none() && unseen(es->context))
    out = render_chain(es->context, pack, seen) + "\n" + msg("runtime.chain_context") + "\n\n";
  return out + render_one(exc, pack);
}
}  // namespace

std::string Interpreter::render_error(const PyError& e) const {
  Interp* prev = I;
  I = st_.get();
  struct Restore { Interp* p; ~Restore() { I = p; } } restore{prev};
  std::vector<const Object*> seen;
  return render_chain(e.exc, st_->pack, seen);
}

std::string run_capture(const ast::Module& m, const LanguagePack* pack, const std::string& stdin_text) {
  std::ostringstream out;
  std::istringstream in(stdin_text);
  RunOptions o;
  o.out = &out;
  o.in = &in;
  o.pack = pack;
  Interpreter interp(o);
  try {
    interp.exec_module(m);
  } catch (const PyError& e) {
    out << interp.render_error(e);
  }
  return out.str();
}

}  // namespace ml::interp
