#include "tiering/compiled_calls.h"
#include "support/english.h"

#include <cstring>
#include <ostream>

#include "interp/code.h"
#include "interp/runtime.h"
#include "support/memory_limit.h"
#include "tiering/body_shape.h"
#include "tiering/value_adapter.h"
#include "wasm/host_call.h"

namespace ml::tiering {

namespace iv = ml::interp;

CompiledCalls::CompiledCalls(const ast::Module& module, const LanguagePack& pack, iv::Interpreter& interpreter,
                             std::function<engine::Engine&()> engine, PolicyOptions policy, std::ostream& out)
    : interpreter_(interpreter),
      out_(out),
      policy_(policy),
      program_(module, pack, nullptr, [&] {
        wasm::ProgramOptions o;
        // Starting the engine is the run's one-off cost, not the function's: it is timed apart
        // so that the policy's compile budget goes to compiling.
        o.engine_provider = [this, engine = std::move(engine)]() -> engine::Engine& {
          auto t0 = std::chrono::steady_clock::now();
          engine::Engine& e = engine();
          engine_start_ms_ += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
          policy_.engine_running();
          // Functions that waited for the engine are offered again.
          for (const iv::FuncCode* code : waiting_) code->interpret_only = false;
          waiting_.clear();
          return e;
        };
        o.typer.module_values = [this](const std::string& name) { return module_value(name); };
        return o;
      }()) {
  for (const auto& s : module.body) {
    if (s->kind == ast::StmtKind::FunctionDef && !s->is_async && !s->is_generator && s->decorators.empty()) {
      defs_[s->name].push_back(s.get());
      def_names_.insert(s->name);
    }
    // methods, by their qualified name ("Point.normalize")
    if (s->kind == ast::StmtKind::ClassDef)
      for (const auto& m : s->body)
        if (m->kind == ast::StmtKind::FunctionDef && !m->is_async && !m->is_generator && m->decorators.empty())
          defs_[s->name + "." + m->name].push_back(m.get());
  }
  class_check_ = [this](const iv::ClassObj* cls, std::string& why) { return class_ok(cls, why); };
  source_ = module.source.get();
}

CompiledCalls::~CompiledCalls() = default;

bool CompiledCalls::owns(const iv::FuncObj* f) const { return f->code->src == source_; }

const FunctionState* CompiledCalls::state_of(const iv::FuncCode* code) const {
  auto it = functions_.find(code);
  return it == functions_.end() ? nullptr : &it->second.state;
}

const FunctionState* CompiledCalls::state_of(const std::string& name) const {
  for (const auto& [code, fn] : functions_)
    if (code->name == name && fn.eligible) return &fn.state;
  return nullptr;
}

// The frames running, as compiled code counts them against kRecursionLimit: the program's own
// limit (sys.setrecursionlimit) moves them the other way.
int CompiledCalls::frames_used() const {
  return interpreter_.call_depth() + kRecursionLimit - interpreter_.recursion_limit();
}


// Only the module's own top-level functions (not methods, closures or lambdas), each defined
// once, are compiled: decided at a function's first call.
// A function passed as an argument: one of this module's top-level functions, defined once
// and without a closure, is a value compiled code calls directly (by its definition).
std::optional<wasm::Type> CompiledCalls::function_value(const iv::FuncObj* g) const {
  if (!owns(g) || !g->closure.empty() || !g->code->def) return std::nullopt;
  auto d = defs_.find(g->code->name);
  if (d == defs_.end() || d->second.size() != 1 || d->second.front() != g->code->def) return std::nullopt;
  return wasm::Type::function(g->code->name);
}

bool CompiledCalls::class_ok(const iv::ClassObj* cls, std::string& why) {
  ClassVerdict& v = classes_[cls];
  if (v.epoch == iv::g_class_epoch && v.epoch != 0) {
    why = v.why;
    return v.ok;
  }
  v.epoch = iv::g_class_epoch;
  v.ok = false;
  v.why.clear();
  auto no = [&](std::string w) {
    v.why = with_article(cls->name) + " (" + w + ")";
    why = v.why;
    return false;
  };
  std::string w;
  const ast::Stmt* def = program_.typer().find_class(cls->name, &w);
  if (!def) return no(w);
  iv::Value* bound = globals_ ? globals_->find(iv::mk_str(cls->name)) : nullptr;
  if (!bound || !bound->is(iv::OK::Class) || bound->as<iv::ClassObj>() != cls) return no("not the module's class " + cls->name);
  size_t methods = 0;
  for (const auto& m : def->body) {
    // a def, or a second name for one (`__rmul__ = __mul__`): the class holds that function
    const ast::Stmt* method = m->kind == ast::StmtKind::FunctionDef ? m.get() : program_.typer().method_alias(def, *m);
    if (!method) continue;
    const std::string& name = m->kind == ast::StmtKind::FunctionDef ? m->name : m->targets[0]->name;
    ++methods;
    iv::Value* fv = cls->dict->find(iv::mk_str(name));
    if (!fv || !fv->is(iv::OK::Func) || fv->as<iv::FuncObj>()->code->def != method)
      return no("method " + name + " was replaced");
  }
  size_t callables = 0;
  cls->dict->for_each([&](const iv::Value&, const iv::Value& x) {
    callables += x.is(iv::OK::Func) || x.is(iv::OK::Property) || x.is(iv::OK::StaticMethod) || x.is(iv::OK::ClassMethod) ||
                 x.is(iv::OK::Native) || x.is(iv::OK::Bound);
  });
  if (callables != methods) return no("attributes added to the class");
  bool user_base = def->bases.size() == 1 && program_.typer().find_class(def->bases[0].value->name);
  if (user_base) {
    if (cls->bases.size() != 1 || cls->bases[0]->name != def->bases[0].value->name) return no("another base");
    std::string bw;
    if (!class_ok(cls->bases[0].get(), bw)) return no(bw);
    v.ok = true;  // (a reference into an unordered_map stays valid as it grows)
    return true;
  }
  if (cls->builtin_base != iv::I->t_object) return no("a builtin base");
  v.ok = true;
  return true;
}

// The classes the compiled code makes instances of are still the module's own, unchanged: the
// instances it makes cross back as instances of them.
bool CompiledCalls::classes_made_ok(const iv::FuncObj* f, Signature& sig, std::string& why) {
  const wasm::Prepared& p = *sig.prepared;
  if (!globals_) globals_ = f->globals.get();
  if (f->globals.get() != globals_) {
    why = "a function of another module namespace";
    return false;
  }
  if (sig.construct_keys.empty())
    for (const std::string& n : p.constructs) sig.construct_keys.push_back(iv::mk_str(n));
  made_classes_.clear();
  for (size_t i = 0; i < p.constructs.size(); ++i) {
    const std::string& name = p.constructs[i];
    iv::Value* c = globals_->find(sig.construct_keys[i]);
    if (!c || !c->is(iv::OK::Class)) {
      why = "uses class " + name + ", which is no longer a class";
      return false;
    }
    std::string w;
    if (!class_ok(c->as<iv::ClassObj>(), w)) {
      why = "uses " + w;
      return false;
    }
    made_classes_.emplace_back(&name, c->as<iv::ClassObj>());
  }
  InterpAdapter::classes_from = globals_;
  InterpAdapter::classes_made = &made_classes_;
  return true;
}

namespace {
bool holds(const iv::Value& v, const wasm::ModuleConstant& c) {
  if (c.type == wasm::kInt) return v.is_int() && v.i == c.i;
  if (c.type == wasm::kBool) return v.is_bool() && v.b == (c.i != 0);
  if (c.type == wasm::kFloat) return v.is_float() && std::memcmp(&v.f, &c.f, sizeof c.f) == 0;
  return v.is(iv::OK::Str) && v.as<iv::StrObj>()->s == c.s;
}
}  // namespace

// A module constant's value, from the namespace of the functions called (see
// wasm::TyperOptions::module_values).
std::optional<wasm::ModuleConstant> CompiledCalls::module_value(const std::string& name) const {
  const iv::Value* v = globals_ ? globals_->find(iv::mk_str(name)) : nullptr;
  if (!v) return std::nullopt;
  wasm::ModuleConstant c;
  if (v->is_bool()) {
    c.type = wasm::kBool;
    c.i = v->b;
  } else if (v->is_int()) {
    c.type = wasm::kInt;
    c.i = v->i;
  } else if (v->is_float()) {
    c.type = wasm::kFloat;
    c.f = v->f;
  } else if (v->is(iv::OK::Str) && wasm::is_valid_utf8(v->as<iv::StrObj>()->s)) {
    c.type = wasm::kStr;
    c.s = v->as<iv::StrObj>()->s;
  } else {
    return std::nullopt;
  }
  return c;
}

// Compiled code has each constant's value built in; the program may have rebound the name
// since (through globals(), or a binding the typer does not count), or not bound it yet: then
// the interpreter runs the call, and reads the name as Python does.
bool CompiledCalls::constants_hold(const iv::FuncObj* f, Signature& sig, std::string& why) {
  const auto& names = sig.prepared->constants;
  if (sig.constant_keys.empty())
    for (const std::string& n : names) sig.constant_keys.push_back(iv::mk_str(n));
  for (size_t i = 0; i < names.size(); ++i) {
    const wasm::ModuleConstant* c = program_.typer().module_constant(names[i]);
    const iv::Value* v = f->globals->find(sig.constant_keys[i]);
    if (!c || !v || !holds(*v, *c)) {
      why = "module variable '" + names[i] + "' no longer holds the value compiled in";
      return false;
    }
  }
  return true;
}

CompiledCalls::Function& CompiledCalls::function_of(const iv::FuncCode* code) {
  if (auto* known = static_cast<Function*>(code->tier_state); known && known->owner == this) return *known;
  auto [it, fresh] = functions_.try_emplace(code);
  Function& fn = it->second;
  if (fresh) {
    fn.owner = this;
    if (code->def && code->src == source_) {
      auto d = defs_.find(program_.typer().qualname(code->def));
      fn.eligible = d != defs_.end() && d->second.size() == 1 && d->second.front() == code->def;
      if (fn.eligible) fn.state.straight_line = straight_line(code->def->body, def_names_);
    }
  }
  code->tier_state = &fn;
  return fn;
}

void CompiledCalls::fall_back(const iv::FuncCode* code, Function& fn, const std::string& why) {
  policy_.fell_back(fn.state, why);
  if (policy_.given_up(fn.state)) interpret_for_good(code);
}

std::nullopt_t CompiledCalls::interpret_for_good(const iv::FuncCode* code) {
  code->interpret_only = true;
  return std::nullopt;
}

// The compiled specialization for these argument types, compiled at its first call.
CompiledCalls::Signature& CompiledCalls::signature_for(const iv::FuncCode* code, Function& fn,
                                                             const std::vector<wasm::Type>& types) {
  for (Signature& s : fn.signatures)
    if (s.types == types) return s;
  Signature s;
  s.types = types;
  s.prepared = program_.prepared(code->def, types, &s.why);
  for (const wasm::Type& t : types) s.copies |= t.is_list() || t.is_str() || t.is_tuple() || t.is_obj();
  // (counted in functions, not milliseconds: see PolicyOptions::compile_budget)
  policy_.spent_compiling(s.prepared ? s.prepared->functions : 1);
  fn.signatures.push_back(std::move(s));
  return fn.signatures.back();
}

// The signature for the types of these arguments, typed in full (InstanceTypes); null when an
// argument is refused (the call falls back, said for --explain).
CompiledCalls::Signature* CompiledCalls::typed_signature(const iv::FuncObj* f, Function& fn, const iv::Value* args,
                                                         int nargs) {
  const iv::FuncCode* code = f->code;
  std::string why;
  std::vector<wasm::Type>& types = types_;  // reused: no allocation per call
  if (!globals_) globals_ = f->globals.get();
  const ClassCheck* classes = f->globals.get() == globals_ ? &class_check_ : nullptr;
  // One typing of instances for all the arguments (an instance two of them reach has one type);
  // made on first use: most calls pass no instance, list or tuple.
  std::optional<InstanceTypes> instances;
  for (int i = 0; i < nargs; ++i)
    if (args[i].is(iv::OK::Inst) || args[i].is(iv::OK::List) || args[i].is(iv::OK::Tuple)) {
      if (!instances) instances.emplace(classes);
      instances->observe(args[i]);
    }
  // Each instance the arguments reach is copied in and its changed fields copied back out: a
  // body without loops saves less than that costs once they are more than a few (a task
  // reaching the whole task list), so the adaptive policy leaves such calls to the interpreter.
  if (instances && policy_.options().adaptive && fn.state.straight_line &&
      instances->instances() > size_t(policy_.options().straight_line_instances)) {
    why = "its arguments reach " + std::to_string(instances->instances()) +
          " instances: copying them in and out costs more than compiling a body without loops saves (--backend wasm "
          "compiles it)";
    fall_back(code, fn, why);
    program_.note_not_offered(program_.typer().qualname(code->def), why);
    return nullptr;
  }
  types.clear();
  for (int i = 0; i < nargs; ++i) {
    if (args[i].is(iv::OK::Func)) {
      if (auto ft = function_value(args[i].as<iv::FuncObj>())) {
        types.push_back(*ft);
        continue;
      }
    }
    // Instances cross by copy (in, and their changed fields back out): for a list of them that
    // costs about what an interpreted loop over them does, so the adaptive policy leaves such
    // calls to the interpreter, before looking at every instance (--backend wasm compiles them).
    if (policy_.options().adaptive && args[i].is(iv::OK::List)) {
      const auto& items = args[i].as<iv::ListObj>()->v;
      if (!items.empty() && items[0].is(iv::OK::Inst)) {
        why = "argument " + std::to_string(i + 1) + " is a list of instances: copying them in and out costs about "
              "what the interpreter's loop over them does (--backend wasm compiles it)";
        fall_back(code, fn, why);
        program_.note_not_offered(program_.typer().qualname(code->def), why);
        return nullptr;
      }
    }
    auto t = compiled_type(args[i], why, 0, classes, instances ? &*instances : nullptr);
    if (!t) {
      std::string arg = std::to_string(i + 1);
      const ast::Stmt* def = code->def;
      if (def->params && i < int(def->params->args.size())) arg = "'" + def->params->args[size_t(i)].name + "'";
      why = "argument " + arg + " is " + why;
      fall_back(code, fn, why);
      program_.note_not_offered(program_.typer().qualname(code->def), why);
      return nullptr;
    }
    types.push_back(*t);
  }
  return &signature_for(code, fn, types);
}

// A signature typed before for arguments with the key just made (key_), under the same class
// epoch and namespace.
CompiledCalls::Signature* CompiledCalls::known_signature(Function& fn, const iv::FuncObj* f) {
  const auto& w = key_.words();
  for (const Function::KnownArgs& k : fn.known)
    if (k.epoch == iv::g_class_epoch && k.globals == f->globals.get() && k.words == w) {
      // (an argument reaching too many instances was refused, never remembered)
      return &fn.signatures[k.signature];
    }
  return nullptr;
}

void CompiledCalls::remember_key(Function& fn, const iv::FuncObj* f, const Signature& sig) {
  Function::KnownArgs k{iv::g_class_epoch, f->globals.get(), key_.words(), size_t(&sig - fn.signatures.data())};
  if (fn.known.size() < kKnownKeys) {
    fn.known.push_back(std::move(k));
  } else {
    fn.known[fn.next_known] = std::move(k);
    fn.next_known = (fn.next_known + 1) % kKnownKeys;
  }
}

std::optional<iv::Value> CompiledCalls::try_call(iv::FuncObj* f, iv::Value* args, int nargs) {
  const iv::FuncCode* code = f->code;
  ++offered_calls_;
  Function& fn = function_of(code);
  if (!fn.eligible || policy_.given_up(fn.state)) return interpret_for_good(code);
  // A trial call is timed from here: the crossing includes typing the arguments.
  bool timed = policy_.options().adaptive && fn.state.trial_calls < policy_.options().trial_calls;
  Clock::time_point t0 = timed ? Clock::now() : Clock::time_point();
  if (!f->closure.empty()) return std::nullopt;
  if (!globals_) globals_ = f->globals.get();  // (module constants are read from it while typing)
  // Compiled code takes exactly the declared positional parameters: a call that leaves some
  // out gets the function's defaults here; any other shape (too few or too many arguments,
  // special parameters) is the interpreter's to bind, and to reject with its TypeError.
  std::vector<iv::Value> filled;
  if (!complete_args(f, args, nargs, filled)) return std::nullopt;
  if (!filled.empty()) {
    args = filled.data();
    nargs = int(filled.size());
  }
  std::string why;
  if (!policy_.offer(fn.state, offered_calls_, why)) {
    if (!why.empty()) program_.note_not_offered(program_.typer().qualname(code->def), why);
    if (policy_.given_up(fn.state)) return interpret_for_good(code);
    if (policy_.waits_for_engine(fn.state)) {  // its calls stop asking until the engine starts
      code->interpret_only = true;
      waiting_.push_back(code);
    }
    return std::nullopt;
  }
  // Instances are copied in and out at each call, so what compiling a function that takes one
  // gains is uncertain, while starting the engine costs a run about 100 ms of CPU (richards
  // paid that for four compiled calls): under the adaptive policy such a function does not
  // start the engine by itself, it is offered again once something else has started it.
  if (policy_.options().adaptive && engine_start_ms_ == 0)
    for (int i = 0; i < nargs; ++i)
      if (args[i].is(iv::OK::Inst)) {
        program_.note_not_offered(program_.typer().qualname(code->def),
                                  "takes an instance: not worth starting the WebAssembly engine for (compiled "
                                  "when it runs)");
        code->interpret_only = true;
        waiting_.push_back(code);
        return std::nullopt;
      }
  // The argument types first: a call that cannot compile costs no marshalling of big lists.
  // Arguments that hold containers or instances are typed by their key when a call with the
  // same key was typed before (no walk with hash sets, no allocation).
  bool keyed = false;
  for (int i = 0; i < nargs && !keyed; ++i)
    keyed = args[i].is(iv::OK::Inst) || args[i].is(iv::OK::List) || args[i].is(iv::OK::Tuple);
  keyed = keyed && key_.make(args, nargs);
  Signature* known = keyed ? known_signature(fn, f) : nullptr;
  if (known) ++keyed_calls_;
  if (!known) {
    known = typed_signature(f, fn, args, nargs);
    if (!known) return std::nullopt;
    if (keyed) remember_key(fn, f, *known);
  }
  Signature& sig = *known;
  fn.state.copies |= sig.copies;
  if (!sig.prepared) {
    fall_back(code, fn, sig.why);
    return std::nullopt;
  }
  if (!sig.prepared->constants.empty() && !constants_hold(f, sig, why)) {
    fall_back(code, fn, why);
    program_.note_not_offered(program_.typer().qualname(code->def), why);
    return std::nullopt;
  }
  if (!sig.prepared->constructs.empty() && !classes_made_ok(f, sig, why)) {
    fall_back(code, fn, why);
    program_.note_not_offered(program_.typer().qualname(code->def), why);
    return std::nullopt;
  }
  if (policy_.wants_interpreted_trial(fn.state) && !iv::I->observer) return interpreted_trial(f, fn, args, nargs);
  return run(code, fn, sig, args, nargs, t0);
}

// The call run on the interpreter, timed, for the policy to compare with its compiled calls.
iv::Value CompiledCalls::interpreted_trial(iv::FuncObj* f, Function& fn, iv::Value* args, int nargs) {
  const iv::FuncCode* code = f->code;
  struct Interpreting {  // (its calls, recursive ones included, skip this hook meanwhile)
    const iv::FuncCode* c;
    explicit Interpreting(const iv::FuncCode* code) : c(code) { c->interpret_only = true; }
    ~Interpreting() { c->interpret_only = false; }
  };
  auto t0 = std::chrono::steady_clock::now();
  iv::Value r;
  {
    Interpreting in(code);
    r = iv::call_function(f, args, nargs, nullptr);  // (its errors leave as the call's own)
  }
  double ns = std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - t0).count();
  std::string why;
  if (!policy_.ran_interpreted(fn.state, ns, why)) {
    program_.note_not_offered(program_.typer().qualname(code->def), why);
    interpret_for_good(code);
  }
  return r;
}

std::optional<iv::Value> CompiledCalls::run(const iv::FuncCode* code, Function& fn, Signature& sig,
                                            const iv::Value* args, int nargs, Clock::time_point t0) {
  const wasm::Prepared& p = *sig.prepared;
  wasm::CompiledProgram::count_call(p);
  bool timed = t0 != Clock::time_point();
  // An interrupt asked for while the engine was still being made found no engine to stop.
  iv::check_interrupt();
  Stop stop = Stop::None;
  int32_t stopped_at = 0;
  wasm::BasicOutcome<InterpAdapter> out = call_engine(p, args, nargs, stop, stopped_at);
  InterpAdapter::classes_made = nullptr;  // (set for this call only, by classes_made_ok)
  if (stop == Stop::NotStarted) {
    // An interrupt the interpreter may already have raised (Ctrl-C caught by the program)
    // kept the call from starting: nothing ran, so it runs interpreted this once.
    iv::check_interrupt();
    return std::nullopt;
  }
  if (stop == Stop::Cut) {
    // The engine stopped the call while it ran: the program's time ran out, or Ctrl-C. Raise it
    // here, at the call; never run the call again interpreted (part of it ran). An interrupt no
    // longer pending was a Ctrl-C the interpreter raised meanwhile: this is the next one.
    try {
      iv::check_interrupt();
      interpreter_.interrupt_keyboard();
      iv::check_interrupt();
    } catch (iv::PyError& e) {
      // Located at the loop the compiled code was running (the call site joins the traceback
      // as the error leaves the caller's frame).
      if (wasm::pos_line(stopped_at) > 0) iv::annotate(e, Loc{wasm::pos_line(stopped_at), first_column(stopped_at)});
      throw;
    }
  }
  switch (out.kind) {
    case wasm::CallOutcome::Fallback:
      fall_back(code, fn, out.reason);
      iv::check_interrupt();  // stopped by the program's time limit: no second run interpreted
      return std::nullopt;
    case wasm::CallOutcome::Ok: {
      double ns = timed ? std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - t0).count() : 0;
      std::string why;
      if (!policy_.ran_compiled(fn.state, ns, why)) {
        program_.note_not_offered(program_.typer().qualname(code->def), why);
        interpret_for_good(code);
      }
      if (!sig.ran) {
        sig.ran = true;
        ran_.emplace(p.key, std::make_pair(code->def, sig.types));
      }
      if (!out.output.empty()) write_output(out.output);
      return std::move(out.result);
    }
    case wasm::CallOutcome::Error:
      if (!out.output.empty()) write_output(out.output);
      raise_error(out.error);
  }
  return std::nullopt;
}

// The compiled call's outcome (returned in place, not moved: a call is a few hundred
// nanoseconds), or how the engine stopped it.
wasm::BasicOutcome<InterpAdapter> CompiledCalls::call_engine(const wasm::Prepared& p, const iv::Value* args, int nargs,
                                                             Stop& stop, int32_t& stopped_at) {
  try {
    support::UncheckedAllocations engine_allocates;  // V8 cannot take a bad_alloc
    return wasm::call_prepared<InterpAdapter>(program_, p, std::span<const iv::Value>(args, size_t(nargs)),
                                              frames_used());
  } catch (const engine::WasmError& e) {
    if (e.kind() == engine::ErrorKind::Interrupted) stop = Stop::NotStarted;
    else if (e.kind() == engine::ErrorKind::Timeout) {
      stop = Stop::Cut;
      try {
        stopped_at = static_cast<int32_t>(p.inst->global_value("ml_err_line"));
      } catch (const engine::WasmError&) {
        stopped_at = 0;  // a module without the global (not made by our code generator)
      }
    }
    else throw;
  }
  return {};
}

// The column of a compiled source position; when it has none, the line's first non-blank
// character.
int CompiledCalls::first_column(int32_t pos) const {
  if (int col = wasm::pos_col(pos)) return col;
  int col = 1;
  for (char c : source_->line_text(wasm::pos_line(pos))) {
    if (c != ' ' && c != '\t') break;
    col++;
  }
  return col;
}

// The same exception the interpreter would raise, located at the failing line.
void CompiledCalls::raise_error(const wasm::ErrorText& er) {
  int col = er.col ? er.col : first_column(er.line);
  try {
    iv::raise(er.error_class, er.message);
  } catch (iv::PyError& e) {
    iv::annotate(e, Loc{er.line, col});
    throw;
  }
}

void CompiledCalls::write_output(const std::string& s) {
  // print() of the interpreter writes to the same stream: keep the order.
  out_ << s;
  iv::check_output(out_);
}

std::string CompiledCalls::wat() {
  std::string out;
  for (const auto& [key, what] : ran_) out += ";; " + key + "\n" + program_.wat(what.first, what.second) + "\n";
  return out;
}

}  // namespace ml::tiering
