// AST -> evaluation nodes: calls (positional, keyword and star arguments, method calls without
// a bound method, generator expressions consumed in place), function and lambda objects,
// comprehensions, await and yield.
#include "interp/attrcache.h"
#include "interp/compile_impl.h"
#include "interp/direct_call.h"
#include "lang/pack.h"

namespace ml::interp {

using namespace ast;

// ================================================================ calls
// A positional argument: a local variable, or a local plus or minus a small int constant
// (`f(n - 1)`, `g(i + 1)`) on ints, made without a virtual call; anything else (and those on
// other operands: floats, big ints, an overflow, an unbound local) evaluated by its node.
struct ArgExpr {
  EP e;
  enum Kind : uint8_t { Eval, Local, LocalAddInt } kind = Eval;
  int slot = 0;
  int64_t k = 0;
  ArgExpr() = default;
  explicit ArgExpr(EP x) { set(std::move(x)); }
  void set(EP x) {
    e = std::move(x);
    if (auto* l = dynamic_cast<LoadLocal*>(e.get())) {
      kind = Local;
      slot = l->slot;
    } else if (local_plus_int(e.get(), slot, k)) {
      kind = LocalAddInt;
    }
  }
  [[gnu::always_inline]] Value get(Frame& fr) const {
    if (kind == Local) {
      const Value& v = fr.slots[slot];
      if (__builtin_expect(v.t != VT::Undef, 1)) return v;
    } else if (kind == LocalAddInt) {
      const Value& v = fr.slots[slot];
      int64_t r;
      if (__builtin_expect(v.t == VT::Int, 1) && !__builtin_add_overflow(v.i, k, &r)) return Value::integer(r);
    }
    return e->eval(fr);
  }
};

struct CallArg { ArgExpr e; Arg::Kind kind; Value name; };

static void build_args(Frame& fr, const std::vector<CallArg>& args, ValueVec& pos, KwArgs& kw, Loc loc) {
  for (auto& a : args) {
    Value v = a.e.get(fr);
    switch (a.kind) {
      case Arg::Positional: pos.push_back(std::move(v)); break;
      case Arg::Keyword: kw.items.emplace_back(a.name, std::move(v)); break;
      case Arg::Star:
        if (v.is(OK::Tuple) || v.is(OK::List)) {
          const ValueVec& src = v.is(OK::List) ? v.as<ListObj>()->v : v.as<TupleObj>()->v;
          pos.insert(pos.end(), src.begin(), src.end());
        } else {
          try { for_each(v, [&](const Value& x) { pos.push_back(x); }); }
          catch (PyError& e) { annotate(e, loc); throw; }
        }
        break;
      case Arg::DoubleStar:
        if (v.is(OK::Dict)) {
          v.as<DictObj>()->for_each([&](const Value& k, const Value& x) { kw.items.emplace_back(k, x); });
        } else {
          try {
            Value keys = call0(getattr(v, "keys"));
            for_each(keys, [&](const Value& k) { kw.items.emplace_back(k, getitem(v, k)); });
          } catch (PyError& e) { annotate(e, loc); throw; }
        }
        break;
    }
  }
}

// The callee of a call with positional arguments: any expression, or a global name read
// through its cache without a virtual call (`fib(n - 1)`).
struct ExprCallee {
  EP e;
  void set(EP x) { e = std::move(x); }
  [[gnu::always_inline]] Value get(Frame& fr) { return e->eval(fr); }
};
struct GlobalCallee {
  EP e;
  LoadGlobal* g = nullptr;
  void set(EP x) {
    e = std::move(x);
    g = static_cast<LoadGlobal*>(e.get());
  }
  [[gnu::always_inline]] Value get(Frame& fr) { return g->find(fr); }
};

template <int N, class Callee = ExprCallee>
struct CallN : ENode {
  Callee func;
  ArgExpr args[N > 0 ? N : 1];
  bool may_suspend = true;  // the arguments may yield or await (direct_call.h)
  Value eval(Frame& fr) override {
    Value f = func.get(fr);
    if (f.is(OK::Func) && !may_suspend && direct_ok(f.as<FuncObj>(), N)) {
      FuncObj* fn = f.as<FuncObj>();
      DirectSlots ds(fn);
      for (int i = 0; i < N; ++i) ds.put(i, [&] { return args[i].get(fr); });
      ML_GUARD(return run_direct_inline(fn, ds.slots, N));
    }
    Value buf[N > 0 ? N : 1];
    for (int i = 0; i < N; ++i) buf[i] = args[i].get(fr);
    try {
      if (f.is(OK::Func)) return call_function(f.as<FuncObj>(), buf, N, nullptr);
      return call(f, buf, N, nullptr);
    } catch (PyError& e) {
      annotate(e, loc);
      throw;
    }
  }
};

struct CallGeneric : ENode {
  EP func;
  std::vector<CallArg> args;
  Value eval(Frame& fr) override {
    Value f = func->eval(fr);
    ValueVec pos;
    KwArgs kw;
    build_args(fr, args, pos, kw, loc);
    ML_GUARD(return call(f, pos.data(), (int)pos.size(), kw.empty() ? nullptr : &kw));
  }
};

// obj.name(args) without allocating a bound method
struct CallMethod : ENode {
  Operand obj;  // `self.m()`: self read without a virtual call
  AttrSite site;
  std::vector<CallArg> args;
  bool simple = true;
  bool may_suspend = true;  // the arguments may yield or await (direct_call.h)
  // (A copy: the arguments may rebind the variable, `self.m(self := x)`.)
  Value eval(Frame& fr) override {
    Value tmp;
    return call_on(fr, obj.get(fr, tmp));
  }
  bool eval_soft(Frame& fr, Value& out, Value& exc) override {
    Value o;
    if (!obj.e->eval_soft(fr, o, exc)) return false;
    out = call_on(fr, std::move(o));
    return true;
  }
  [[gnu::always_inline]] Value call_on(Frame& fr, Value o) {
    Value f;
    bool self_needed;
    ML_GUARD(attr_method(site, o, f, self_needed));
    if (simple && args.size() < 7) {
      int nargs = (int)args.size() + (self_needed ? 1 : 0);
      if (f.is(OK::Func) && !may_suspend && direct_ok(f.as<FuncObj>(), nargs)) {
        FuncObj* fn = f.as<FuncObj>();
        DirectSlots ds(fn);
        int n = 0;
        if (self_needed) ds.slots[n++] = std::move(o);
        for (auto& a : args) ds.put(n++, [&] { return a.e.get(fr); });
        ML_GUARD(return run_direct_inline(fn, ds.slots, n));
      }
      Value buf[8];
      int n = 0;
      if (self_needed) buf[n++] = o;
      for (auto& a : args) buf[n++] = a.e.get(fr);
      ML_GUARD(return call(f, buf, n, nullptr));
    }
    ValueVec pos;
    if (self_needed) pos.push_back(o);
    KwArgs kw;
    build_args(fr, args, pos, kw, loc);
    ML_GUARD(return call(f, pos.data(), (int)pos.size(), kw.empty() ? nullptr : &kw));
  }
};

// super() with no arguments
struct SuperNode : ENode {
  EP self;
  Value eval(Frame& fr) override {
    ClassObj* owner = fr.func ? fr.func->owner : nullptr;
    if (!owner) ML_GUARD(raise_id("RuntimeError", "runtime.super_no_arguments"));
    Value s = self->eval(fr);
    Value sup = I->builtins->find(str_key("super")) ? *I->builtins->find(str_key("super")) : Value();
    ML_GUARD(return call2(sup, Value::obj(owner), s));
  }
};

// ================================================================ functions
void bind_closure(FuncObj* f, Frame& fr, const std::vector<CellSrc>& cells) {
  f->closure.reserve(cells.size());
  for (auto& c : cells) {
    if (c.from_slot) f->closure.emplace_back(fr.slots[c.idx].as<CellObj>());
    else f->closure.push_back(fr.func->closure[c.idx]);
  }
}

Value MakeFunction::make(Frame& fr) {
  auto* f = new FuncObj(code, Ref<DictObj>(fr.globals));
  Value fv = Value::obj(f);
  for (auto& d : defaults) f->defaults.push_back(d->eval(fr));
  if (!kwdefaults.empty()) {
    f->kwdefaults = Ref<DictObj>(new DictObj());
    for (auto& [n, e] : kwdefaults) f->kwdefaults->set(str_key(n), e->eval(fr));
  }
  bind_closure(f, fr, cells);
  if (code->direct) {
    f->direct_max = code->npos;
    f->direct_min = code->npos - (int)f->defaults.size();
  }
  f->name = code->name;
  f->qualname = code->qualname;
  f->doc = code->doc;
  return fv;
}
Value MakeFunction::eval(Frame& fr) { return make(fr); }

// comprehension: make the implicit function and call it with the first iterable
struct CompExpr : ENode {
  std::unique_ptr<MakeFunction> mk;
  EP first;
  bool is_gen = false;
  Value eval(Frame& fr) override {
    Value it = first->eval(fr);
    if (is_gen) ML_GUARD(it = iter(it));
    Value f = mk->make(fr);
    ML_GUARD(return call_function(f.as<FuncObj>(), &it, 1, nullptr));
  }
};

// list(genexpr), tuple(...), set(...), frozenset(...): these builtins take every value at once
// and run no code of the program between two of them, so the generator expression runs in
// place into the result (no generator object, no stack switch per value); it behaves as
// the generator would, whatever the callee turns out to be at run time.
struct CallOnGenExpr : ENode {
  EP func;
  std::unique_ptr<CompExpr> arg;
  Value eval(Frame& fr) override {
    Value f = func->eval(fr);
    ClassObj* c = f.is(OK::Class) ? f.as<ClassObj>() : nullptr;
    if (c && !I->observer && (c == I->t_list || c == I->t_tuple || c == I->t_set || c == I->t_frozenset)) {
      bool to_set = c == I->t_set || c == I->t_frozenset;
      Value out = to_set ? mk_set(c == I->t_frozenset) : mk_list();
      PushSink sink;
      if (to_set) sink.set = out.as<SetObj>();
      else sink.list = out.as<ListObj>();
      Value it = arg->first->eval(fr);
      ML_GUARD(it = iter(it));
      Value fn = arg->mk->make(fr);
      ML_GUARD(run_genexpr_in_place(fn.as<FuncObj>(), std::move(it), sink));
      if (c == I->t_tuple) return mk_tuple(std::move(out.as<ListObj>()->v));
      return out;
    }
    Value a = arg->eval(fr);
    ML_GUARD(return call(f, &a, 1, nullptr));
  }
};

EP make_comp_expr(std::unique_ptr<MakeFunction> mk, EP first, bool is_gen) {
  auto* k = new CompExpr();
  k->loc = mk->loc;
  k->mk = std::move(mk);
  k->first = std::move(first);
  k->is_gen = is_gen;
  return EP(k);
}

// ================================================================ await / yield
struct AwaitNode : ENode {
  EP a;
  Value eval(Frame& fr) override {
    Value v = a->eval(fr);
    ML_GUARD(return run_await(v));
  }
};
struct YieldNode : ENode {
  EP a;
  Value eval(Frame& fr) override {
    Value v = a ? a->eval(fr) : Value();
    return gen_yield(fr, std::move(v));
  }
};
struct YieldFromNode : ENode {
  EP a;
  Value eval(Frame& fr) override {
    Value src = a->eval(fr);
    if (src.is(OK::Coro)) ML_GUARD(return run_await(src));
    Value it = src;
    if (!src.is(OK::Gen)) ML_GUARD(it = iter(src));
    if (it.is(OK::Gen)) {
      if (fr.gen && !fr.gen->is_async) ML_GUARD(return gen_delegate(fr, std::move(it)));
      auto* g = it.as<GenObj>();
      Value sent;
      while (true) {
        bool done;
        Value r;
        ML_GUARD(r = gen_send(g, sent, done));
        if (done) return r;
        sent = gen_yield(fr, std::move(r));
      }
    }
    Value x;
    while (true) {
      bool more;
      ML_GUARD(more = next(it, x));
      if (!more) break;
      gen_yield(fr, x);
    }
    return Value();
  }
};

EP make_await(EP a) {
  auto* k = new AwaitNode();
  k->a = std::move(a);
  return EP(k);
}
EP make_yield(EP a) {
  auto* k = new YieldNode();
  k->a = std::move(a);
  return EP(k);
}
EP make_yield_from(EP a) {
  auto* k = new YieldFromNode();
  k->a = std::move(a);
  return EP(k);
}

// eval(), exec() and globals() called without a globals argument see the globals of the module
// whose code calls them, and locals(), vars() and dir() its local names: the call is made with
// that module's dict in I->caller_globals and the calling frame in I->caller_frame.
struct WithCallerGlobals : ENode {
  EP call;
  Value eval(Frame& fr) override {
    struct Restore {
      DictObj* saved = I->caller_globals;
      Frame* saved_frame = I->caller_frame;
      ~Restore() { I->caller_globals = saved; I->caller_frame = saved_frame; }
    } restore;
    I->caller_globals = fr.globals;
    I->caller_frame = &fr;
    return call->eval(fr);
  }
};

EP Compiler::call(const Expr& e) {
  NameRef::Kind where = e.a->kind == ExprKind::Name ? resolve(e.a->name).kind : NameRef::Local;
  if (where == NameRef::Global || where == NameRef::ClassNS)
    for (const char* canon : {"eval", "exec", "globals", "locals", "vars", "dir"})
      if (is_canonical(pack, e.a->name, canon)) {
        auto* k = new WithCallerGlobals();
        k->call = call_inner(e);
        return EP(k);
      }
  return call_inner(e);
}

template <class Node>
EP Compiler::call_n(Node* k, EP f, const Expr& e) {
  EP node(k);
  k->may_suspend = may_suspend;
  k->func.set(std::move(f));
  for (size_t i = 0; i < e.args.size(); ++i) k->args[i].set(expr(*e.args[i].value));
  return node;
}

EP Compiler::call_inner(const Expr& e) {
  bool simple = true;
  for (auto& a : e.args) if (a.kind != Arg::Positional) simple = false;
  // zero-argument super()
  if (e.a->kind == ExprKind::Name && e.args.empty() && is_canonical(pack, e.a->name, "super") &&
      resolve(e.a->name).kind == NameRef::Global && scope->kind == Scope::Function && code && code->nparams > 0) {
    std::string first;
    for (auto& [nm, idx] : slots)
      if (idx == 0) first = nm;
    if (!first.empty()) {
      auto* k = new SuperNode();
      k->self = load_name(first, e.loc);
      return EP(k);
    }
  }
  if (e.a->kind == ExprKind::Attribute) {
    auto* k = new CallMethod();
    k->obj.set(expr(*e.a->a));
    k->site.init(e.a->name);
    k->simple = simple;
    k->may_suspend = may_suspend;
    for (auto& a : e.args) k->args.push_back(CallArg{ArgExpr(expr(*a.value)), a.kind, a.kind == Arg::Keyword ? mk_str(a.name) : Value()});
    return EP(k);
  }
  if (simple && e.args.size() == 1 && e.args[0].value->kind == ExprKind::GeneratorExp) {
    EP f = expr(*e.a);
    EP a = expr(*e.args[0].value);
    if (auto* comp = dynamic_cast<CompExpr*>(a.get()); comp && comp->is_gen) {
      auto* k = new CallOnGenExpr();
      k->loc = e.loc;
      k->func = std::move(f);
      k->arg.reset(static_cast<CompExpr*>(a.release()));
      return EP(k);
    }
    auto* k = new CallN<1>();
    k->may_suspend = may_suspend;
    k->func.set(std::move(f));
    k->args[0].set(std::move(a));
    return EP(k);
  }
  if (simple && e.args.size() <= 4) {
    EP f = expr(*e.a);
    bool global = dynamic_cast<LoadGlobal*>(f.get()) != nullptr;
    switch (e.args.size()) {
#define CASE(N)                                                                         \
  case N: {                                                                             \
    if (global) return call_n(new CallN<N, GlobalCallee>(), std::move(f), e); \
    return call_n(new CallN<N>(), std::move(f), e);                        \
  }
      CASE(0) CASE(1) CASE(2) CASE(3) CASE(4)
#undef CASE
    }
  }
  auto* k = new CallGeneric();
  k->func = expr(*e.a);
  for (auto& a : e.args) k->args.push_back(CallArg{ArgExpr(expr(*a.value)), a.kind, a.kind == Arg::Keyword ? mk_str(a.name) : Value()});
  return EP(k);
}

// ================================================================ function compilation
std::unique_ptr<MakeFunction> Compiler::function(const void* node, const std::string& name, const Params* params,
                                                 const Body* body, const Expr* lambda_body, bool is_async, Loc loc,
                                                 const std::function<SP(Compiler&)>& builder) {
  Scope* child = tables.of.at(node);
  auto code = std::make_unique<FuncCode>();
  FuncCode* c = code.get();
  unit->codes.push_back(std::move(code));
  c->name = name;
  c->qualname = qualprefix.empty() ? name : qualprefix + "." + name;
  c->src = unit->src.get();
  c->loc = loc;
  // a def statement (lambdas have no body, class bodies and comprehensions no parameters)
  if (params && body && !lambda_body) c->def = static_cast<const ast::Stmt*>(node);
  c->is_async = is_async;
  c->is_gen = child->has_yield;

  auto mk = std::make_unique<MakeFunction>();
  mk->loc = loc;
  mk->code = c;
  // defaults are evaluated in the enclosing scope
  if (params) {
    std::vector<const Param*> pos;
    for (auto& p : params->posonly) pos.push_back(&p);
    for (auto& p : params->args) pos.push_back(&p);
    bool seen_default = false;
    for (auto* p : pos) {
      if (p->default_value) { mk->defaults.push_back(expr(*p->default_value)); seen_default = true; }
      else if (seen_default) throw_syntax(msg("syntax.non_default_argument"), p->loc);
    }
    for (auto& p : params->kwonly)
      if (p.default_value) mk->kwdefaults.emplace_back(p.name, expr(*p.default_value));
  }
  // closure cells come from the current (enclosing) scope
  for (auto& fv : child->freevars) {
    NameRef r = resolve(fv);
    if (r.kind == NameRef::Cell) mk->cells.push_back(CellSrc{true, r.idx});
    else if (r.kind == NameRef::Free || r.kind == NameRef::ClassFree) mk->cells.push_back(CellSrc{false, r.idx});
    else {
      // the enclosing scope is a class whose freevars hold it
      int fi = scope->free_index(fv);
      mk->cells.push_back(CellSrc{false, fi < 0 ? 0 : fi});
    }
  }
  c->freevars = child->freevars;

  // compile the body in the child scope
  Compiler sub(*this, child, c);
  sub.qualprefix = child->kind == Scope::Class ? c->qualname : c->qualname + ".<locals>";
  // slots: params first
  if (params) {
    for (auto& p : params->posonly) sub.add_slot(p.name);
    for (auto& p : params->args) sub.add_slot(p.name);
    c->nposonly = (int)params->posonly.size();
    c->npos = (int)(params->posonly.size() + params->args.size());
    if (params->vararg) c->vararg_slot = sub.add_slot(params->vararg->name);
    for (auto& p : params->kwonly) sub.add_slot(p.name);
    c->nkwonly = (int)params->kwonly.size();
    if (params->kwarg) c->kwarg_slot = sub.add_slot(params->kwarg->name);
  }
  if (child->comp) { sub.add_slot(".0"); c->npos = 1; }
  c->nparams = (int)sub.slots.size();
  if (child->kind == Scope::Function) for (auto& n : child->order) {
    const Sym& y = child->syms.at(n);
    if ((y.bound || y.param) && !y.global && !y.free && !y.nonlocal) sub.add_slot(n);
  }
  for (auto& [n, idx] : sub.slots)
    if (child->syms.count(n) && child->syms.at(n).cell) c->cell_slots.push_back(idx);
  std::sort(c->cell_slots.begin(), c->cell_slots.end());
  c->simple = c->vararg_slot < 0 && c->kwarg_slot < 0 && c->nkwonly == 0 && c->cell_slots.empty();
  // Cells are no bar to a direct call: run_direct makes them, as call_function does.
  c->direct = c->vararg_slot < 0 && c->kwarg_slot < 0 && c->nkwonly == 0 && !c->is_gen && !c->is_async &&
              child->kind == Scope::Function;

  auto blk = std::make_unique<Block>();
  // A plain function that only tests and returns runs as one expression (code.h, value_body).
  bool plain = child->kind == Scope::Function && !c->is_gen && !c->is_async;
  if (body) {
    bool has_doc = !body->empty() && (*body)[0]->kind == StmtKind::Expr && (*body)[0]->value &&
                   (*body)[0]->value->kind == ExprKind::Str;
    if (has_doc) c->doc = mk_str((*body)[0]->value->str);
    if (!plain || !compile_value_body(sub, c, *body, has_doc ? 1 : 0))
      for (auto& s : *body) blk->stmts.push_back(sub.stmt(*s));
  } else if (lambda_body) {
    if (plain) {
      c->value_body = sub.expr(*lambda_body);
      c->value_loc = lambda_body->loc;
    } else {
      blk->stmts.push_back(sub.return_stmt(sub.expr(*lambda_body), lambda_body->loc));
    }
  } else if (builder) {
    blk->stmts.push_back(builder(sub));
  }
  c->body = std::move(blk);
  c->nslots = (int)sub.slots.size() + sub.extra_slots;
  c->slot_names.resize(c->nslots);
  for (auto& [n, idx] : sub.slots) c->slot_names[idx] = n;
  return mk;
}

int Compiler::add_slot(const std::string& name) {
  auto it = slots.find(name);
  if (it != slots.end()) return it->second;
  int idx = (int)slots.size() + extra_slots;
  slots[name] = idx;
  return idx;
}

Compiler::Compiler(Compiler& parent, Scope* s, FuncCode* c)
    : unit(parent.unit), tables(parent.tables), pack(parent.pack), scope(s), code(c), repl(false) {
  // A comprehension runs in its own function but can await what its enclosing one can.
  may_suspend = c && (c->is_gen || c->is_async || (s->comp && parent.may_suspend));
}

}  // namespace ml::interp
