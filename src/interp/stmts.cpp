// Statement nodes, comprehensions, and module compilation (pattern matching: compile_match.cpp).
#include "interp/attrcache.h"
#include "interp/compile_impl.h"
#include "interp/direct_call.h"
#include "lang/pack.h"

namespace ml::interp {

using namespace ast;

Value make_class(const std::string& name, ValueVec bases, Ref<DictObj> ns);
std::string annotation_text(const ast::Expr& e);  // annotations.cpp
// An annotation kept as its text (`from __future__ import annotations`).
struct AnnotationText : ENode {
  Value text;
  explicit AnnotationText(std::string t) : text(mk_str(std::move(t))) {}
  Value eval(Frame&) override { return text; }
};
// metaclass.cpp: the class statement through its metaclass, when it has one or keywords.
bool class_needs_metaclass(ValueVec& bases, const KwArgs& kw);  // resolves __mro_entries__ too
Value build_class(const std::string& name, ValueVec bases, KwArgs& kw, const std::function<void(DictObj*)>& body);

// ================================================================ iteration helper
template <class F>
static bool iterate(const Value& src, F f) {  // f returns false to stop; returns false if stopped
  if (src.is(OK::Range)) {
    auto* r = src.as<RangeObj>();
    int64_t n = r->len(), step = r->step;  // counted: the step past the last may leave int64
    for (int64_t k = 0, i = r->start; k < n; ++k, i = (int64_t)((uint64_t)i + (uint64_t)step))
      if (!f(Value::integer(i))) return false;
    return true;
  }
  // (a subclass of list or tuple may iterate its own way: __iter__)
  if (src.is(OK::List) && src.o->type == I->t_list) {
    auto* l = src.as<ListObj>();
    for (size_t i = 0; i < l->v.size(); ++i) {
      Value x = l->v[i];
      if (!f(std::move(x))) return false;
    }
    return true;
  }
  if (src.is(OK::Tuple) && src.o->type == I->t_tuple) {
    auto* t = src.as<TupleObj>();
    for (size_t i = 0; i < t->v.size(); ++i)
      if (!f(t->v[i])) return false;
    return true;
  }
  Value it = iter(src);
  Value x;
  while (next(it, x))
    if (!f(std::move(x))) return false;
  return true;
}

// ================================================================ simple statements
struct ExprStmt : SNode {
  EP e;
  bool record = false;
  Exec exec(Frame& fr) override {
    Value v = e->eval(fr);
    if (record) { I->last_expr = std::move(v); I->has_last_expr = true; }
    return Exec::Normal;
  }
  Exec exec_soft(Frame& fr, Value& exc) override {
    Value v;
    if (!e->eval_soft(fr, v, exc)) return Exec::Normal;
    if (record) { I->last_expr = std::move(v); I->has_last_expr = true; }
    return Exec::Normal;
  }
};

struct AssignStmt : SNode {
  std::vector<TP> targets;
  EP value;
  Exec exec(Frame& fr) override {
    Value v = value->eval(fr);
    if (targets.size() == 1) { targets[0]->store(fr, std::move(v)); return Exec::Normal; }
    for (auto& t : targets) t->store(fr, v);
    return Exec::Normal;
  }
  Exec exec_soft(Frame& fr, Value& exc) override {
    Value v;
    if (!value->eval_soft(fr, v, exc)) return Exec::Normal;
    if (targets.size() == 1) { targets[0]->store(fr, std::move(v)); return Exec::Normal; }
    for (auto& t : targets) t->store(fr, v);
    return Exec::Normal;
  }
};

// `x = value` where x is a local variable: stored in its slot without a target node.
struct AssignLocalStmt : SNode {
  int slot;
  EP value;
  Exec exec(Frame& fr) override {
    Value v = value->eval(fr);
    fr.slots[slot] = std::move(v);
    return Exec::Normal;
  }
  Exec exec_soft(Frame& fr, Value& exc) override {
    Value v;
    if (!value->eval_soft(fr, v, exc)) return Exec::Normal;
    fr.slots[slot] = std::move(v);
    return Exec::Normal;
  }
};

// `a, b, c = value` where a, b and c are local variables: a local's tuple or list is read in
// place and its items go straight to their slots (no value copied out, no virtual store).
struct UnpackLocalsStmt : SNode {
  Operand value;
  std::unique_ptr<StoreUnpack> target;
  Exec exec(Frame& fr) override {
    Value tmp;
    const Value& v = value.get(fr, tmp);
    if (!target->store_locals(fr, v)) target->store(fr, Value(v));
    return Exec::Normal;
  }
  Exec exec_soft(Frame& fr, Value& exc) override {
    if (value.in_place()) return exec(fr);
    Value v;
    if (!value.e->eval_soft(fr, v, exc)) return Exec::Normal;
    if (!target->store_locals(fr, v)) target->store(fr, std::move(v));
    return Exec::Normal;
  }
};

// `name: annotation [= value]` in a class body or at module level: the annotation is recorded
// in __annotations__ (dataclasses and typing read it). An annotation that cannot be evaluated
// yet (a forward reference) is kept as its name, as `from __future__ import annotations` would.
struct AnnotateStmt : SNode {
  std::string name;
  EP annotation;
  TP target;  // null without a value
  EP value;
  Exec exec(Frame& fr) override {
    DictObj* ns = fr.ns ? fr.ns : fr.globals;
    Value ann;
    ML_GUARD(ann = annotation->eval(fr));
    Value* d = ns->find(str_key("__annotations__"));
    if (!d || !d->is(OK::Dict)) {
      ns->set(str_key("__annotations__"), mk_dict());
      d = ns->find(str_key("__annotations__"));
    }
    d->as<DictObj>()->set(mk_str(name), ann);
    if (target) {
      Value v;
      ML_GUARD(v = value->eval(fr));
      target->store(fr, std::move(v));
    }
    return Exec::Normal;
  }
};

struct AugName : SNode {
  EP load;
  TP store;
  EP value;
  BinOp op;
  Exec exec(Frame& fr) override {
    Value a = load->eval(fr);
    Value b = value->eval(fr);
    Value r;
    if (a.t == VT::Int && b.t == VT::Int) {
      int64_t x;
      if (op == BinOp::Add && !__builtin_add_overflow(a.i, b.i, &x)) r = Value::integer(x);
      else if (op == BinOp::Sub && !__builtin_sub_overflow(a.i, b.i, &x)) r = Value::integer(x);
      else ML_GUARD(r = inplace_op(op, a, b));
    } else {
      ML_GUARD(r = inplace_op(op, a, b));
    }
    a = Value();
    store->store(fr, std::move(r));
    return Exec::Normal;
  }
};
struct AugAttr : SNode {
  EP obj, value;
  AttrSite site;  // read and written through the same cache
  BinOp op;
  Exec exec(Frame& fr) override {
    Value o = obj->eval(fr);
    ML_GUARD({
      Value a = attr_load(site, o);
      Value b = value->eval(fr);
      attr_store(site, o, inplace_op(op, a, b));
    });
    return Exec::Normal;
  }
};
struct AugSub : SNode {
  EP obj, idx, value;
  BinOp op;
  Exec exec(Frame& fr) override {
    Value o = obj->eval(fr);
    Value k = idx->eval(fr);
    ML_GUARD({
      Value a = getitem(o, k);
      Value b = value->eval(fr);
      setitem(o, k, inplace_op(op, a, b));
    });
    return Exec::Normal;
  }
};

struct IfStmt : SNode {
  Test test;
  SP body, orelse;
  SNode *run_body = nullptr, *run_orelse = nullptr;  // Block::runner of each
  Exec exec(Frame& fr) override {
    if (test(fr)) return exec_stmt(run_body, fr);
    if (run_orelse) return exec_stmt(run_orelse, fr);
    return Exec::Normal;
  }
  Exec exec_soft(Frame& fr, Value& exc) override {
    bool b = test(fr);
    if (b) return body->exec_soft(fr, exc);
    if (orelse) return orelse->exec_soft(fr, exc);
    return Exec::Normal;
  }
};

void raise_memory_error(Loc loc) {
  PyError e(make_exception(I->e("MemoryError"), {}));
  annotate(e, loc);
  throw e;
}

struct WhileStmt : SNode {
  Test test;
  SP body, orelse;
  SNode* run_body = nullptr;  // Block::runner(body)
  Exec exec(Frame& fr) override {
    while (true) {
      check_interrupt();
      if (!test(fr)) break;
      Exec r = exec_stmt(run_body, fr);
      if (r == Exec::Break) return Exec::Normal;
      if (r == Exec::Return) return r;
    }
    if (orelse) return orelse->exec(fr);
    return Exec::Normal;
  }
};

struct ForStmt : SNode {
  TP target;
  EP iter_e;
  SP body, orelse;
  SNode* run_body = nullptr;  // Block::runner(body)
  bool is_async = false;
  Exec exec(Frame& fr) override {
    Value src = iter_e->eval(fr);
    Exec result = Exec::Normal;
    bool broke = false;
    if (is_async && !src.is(OK::Gen)) {
      Value ait;
      ML_GUARD(ait = call1(*type_lookup(src, "__aiter__"), src));
      while (true) {
        Value x;
        try {
          x = run_await(call1(*type_lookup(ait, "__anext__"), ait));
        } catch (PyError& e) {
          if (type_of(e.exc)->is_subclass(I->e("StopAsyncIteration"))) break;
          annotate(e, loc);
          throw;
        }
        target->store(fr, std::move(x));
        Exec r = body->exec(fr);
        if (r == Exec::Break) { broke = true; break; }
        if (r == Exec::Return) return r;
      }
    } else {
      bool ok;
      try {
        ok = iterate(src, [&](Value x) {
          check_interrupt();
          target->store(fr, std::move(x));
          Exec r = exec_stmt(run_body, fr);
          if (r == Exec::Break) { broke = true; return false; }
          if (r == Exec::Return) { result = r; return false; }
          return true;
        });
      } catch (PyError& e) {
        annotate(e, loc);
        throw;
      }
      (void)ok;
    }
    if (result == Exec::Return) return result;
    if (!broke && orelse) return orelse->exec(fr);
    return Exec::Normal;
  }
};

struct SimpleStmt : SNode {
  Exec what;
  explicit SimpleStmt(Exec w) : what(w) {}
  Exec exec(Frame&) override { return what; }
};

struct ReturnStmt : SNode {
  EP value;
  Exec exec(Frame& fr) override {
    if (value) fr.retval = value->eval(fr);
    else fr.retval = Value();
    return Exec::Return;
  }
  Exec exec_soft(Frame& fr, Value& exc) override {
    if (!value) return exec(fr);
    Value v;
    if (!value->eval_soft(fr, v, exc)) return Exec::Normal;
    fr.retval = std::move(v);
    return Exec::Return;
  }
};

SP Compiler::return_stmt(EP value, Loc loc) {
  auto* r = new ReturnStmt();
  r->loc = loc;
  r->value = std::move(value);
  return SP(r);
}

struct FuncDefStmt : SNode {
  std::unique_ptr<MakeFunction> mk;
  std::vector<EP> decorators;
  std::vector<std::pair<Value, EP>> annotations;  // parameter name (or "return"), annotation
  TP target;
  Exec exec(Frame& fr) override {
    std::vector<Value> decs;
    for (auto& d : decorators) decs.push_back(d->eval(fr));
    Value f = mk->make(fr);
    if (!annotations.empty()) {
      // evaluated when the def runs, in its scope, as in Python
      Value ann = mk_dict();
      for (auto& [k, e] : annotations) ann.as<DictObj>()->set(k, e->eval(fr));
      auto* fo = f.as<FuncObj>();
      if (!fo->attrs) fo->attrs = Ref<DictObj>(new DictObj());
      fo->attrs->set(str_key("__annotations__"), ann);
    }
    for (size_t i = decs.size(); i-- > 0;) ML_GUARD(f = call1(decs[i], f));
    target->store(fr, std::move(f));
    return Exec::Normal;
  }
};

struct ClassDefStmt : SNode {
  std::string name, qualname;
  std::unique_ptr<MakeFunction> body_fn;
  std::vector<EP> bases;
  std::vector<std::pair<std::string, EP>> keywords;  // metaclass=, and __init_subclass__'s
  std::vector<EP> decorators;
  TP target;
  Exec exec(Frame& fr) override {
    std::vector<Value> decs;
    for (auto& d : decorators) decs.push_back(d->eval(fr));
    ValueVec bs;
    for (auto& b : bases) bs.push_back(b->eval(fr));
    KwArgs kw;
    for (auto& [k, e] : keywords) kw.items.emplace_back(str_key(k), e->eval(fr));
    Value fnv = body_fn->make(fr);
    auto* fn = fnv.as<FuncObj>();
    auto body = [&](DictObj* ns) {
      // The defining module's name: classes print as <class 'mod.Name'>.
      Value* modname = fr.globals ? fr.globals->find(str_key("__name__")) : nullptr;
      ns->set(str_key("__module__"), modname && modname->is(OK::Str) ? *modname : mk_str("__main__"));
      ns->set(str_key("__qualname__"), mk_str(qualname));
      if (!fn->code->doc.is_none()) ns->set(str_key("__doc__"), fn->code->doc);
      Frame cf;
      cf.func = fn;
      cf.globals = fr.globals;
      cf.ns = ns;
      FrameLink link(cf);
      fn->code->body->exec(cf);
    };
    Value cls;
    if (class_needs_metaclass(bs, kw)) {
      ML_GUARD(cls = build_class(name, std::move(bs), kw, body));
    } else {
      Ref<DictObj> ns(new DictObj());
      body(ns.get());
      ML_GUARD(cls = make_class(name, std::move(bs), ns));
    }
    for (size_t i = decs.size(); i-- > 0;) ML_GUARD(cls = call1(decs[i], cls));
    target->store(fr, std::move(cls));
    return Exec::Normal;
  }
};

// ================================================================ exceptions
bool exc_matches(const Value& exc, const Value& type) {
  if (type.is(OK::Tuple)) {
    for (auto& t : type.as<TupleObj>()->v)
      if (exc_matches(exc, t)) return true;
    return false;
  }
  if (!type.is(OK::Class)) raise_id("TypeError", "runtime.catch_non_exception");
  return type_of(exc)->is_subclass(type.as<ClassObj>());
}

struct Handler {
  EP type;
  TP name;
  SP body;
};

// An error raised while `handled` was being handled has it as its __context__, as a raise
// statement sets it; not when that would close a loop of contexts.
static void chain_context(const Value& err, const Value& handled) {
  if (!err.is(OK::Inst) || err.same(handled) || !err.o->type->is_exception) return;
  ExcState& es = err.as<InstObj>()->ex();
  if (!es.context.is_none()) return;
  for (const Value* c = &handled; c->is(OK::Inst);) {
    if (c->same(err)) return;
    const ExcState* cs = c->as<InstObj>()->exc_state();
    if (!cs) break;
    c = &cs->context;
  }
  es.context = handled;
}

struct TryStmt : SNode {
  SP body, orelse, finalbody;
  std::vector<Handler> handlers;
  Exec exec(Frame& fr) override {
    Exec r = Exec::Normal;
    bool has_exc = false, pending = false;
    Value exc, pend;
    try {
      // Errors the body's statements detect themselves come back in `exc` without a throw.
      r = body->exec_soft(fr, exc);
      has_exc = exc.t == VT::Obj;
    } catch (PyError& e) {
      has_exc = true;
      exc = e.exc;
    }
    if (has_exc) {
      Handler* h = nullptr;
      bool match_error = false;
      Value merr;
      for (auto& hh : handlers) {
        if (!hh.type) { h = &hh; break; }
        try {
          Value t = hh.type->eval(fr);
          if (exc_matches(exc, t)) { h = &hh; break; }
        } catch (PyError& e) {
          match_error = true;
          merr = e.exc;
          break;
        }
      }
      if (match_error) { pending = true; pend = merr; }
      else if (h) {
        // The frame that catches the error is the outermost one of its traceback.
        if (exc.is(OK::Inst) && !exc.as<InstObj>()->ex().tb.empty() && exc.as<InstObj>()->ex().tb.back().name.empty())
          exc.as<InstObj>()->ex().tb.back().name = fr.func ? fr.func->name : std::string("<module>");
        I->handling.push_back(exc);
        size_t depth = I->handling.size();
        if (h->name) h->name->store(fr, exc);
        try {
          r = h->body->exec(fr);
        } catch (PyError& e) {
          pending = true;
          pend = e.exc;
          chain_context(pend, exc);
        }
        I->handling.resize(depth - 1);
        if (h->name) {
          try { h->name->del(fr); } catch (PyError&) {}
        }
      } else {
        pending = true;
        pend = exc;
      }
    } else if (r == Exec::Normal && orelse) {
      try {
        r = orelse->exec(fr);
      } catch (PyError& e) {
        pending = true;
        pend = e.exc;
      }
    }
    if (finalbody) {
      Value saved_ret = fr.retval;
      Exec fr2 = finalbody->exec(fr);
      if (fr2 != Exec::Normal) return fr2;
      fr.retval = saved_ret;
    }
    if (pending) throw PyError(pend);
    return r;
  }
};

struct RaiseStmt : SNode {
  EP exc, cause;
  Exec exec(Frame& fr) override {
    if (!exc) {
      if (I->handling.empty()) ML_GUARD(raise_id("RuntimeError", "runtime.no_active_exception"));
      throw PyError(I->handling.back());
    }
    PyError err(make(fr));
    annotate(err, loc);
    throw err;
  }
  // In a try body the exception is handed to the try statement without a C++ throw.
  Exec exec_soft(Frame& fr, Value& out) override {
    if (!exc) {
      if (I->handling.empty()) ML_GUARD(raise_id("RuntimeError", "runtime.no_active_exception"));
      out = I->handling.back();
      return Exec::Normal;
    }
    out = make(fr);
    annotate_soft(out, loc);
    return Exec::Normal;
  }
  // The exception `raise exc from cause` raises, its cause and context set.
  Value make(Frame& fr) {
    Value v = exc->eval(fr);
    ML_GUARD({
      if (v.is(OK::Class)) v = call0(v);
      if (!v.is(OK::Inst) || !v.o->type->is_exception) raise_id("TypeError", "runtime.not_an_exception");
    });
    auto* in = v.as<InstObj>();
    if (cause) {
      Value c = cause->eval(fr);
      if (c.is(OK::Class)) ML_GUARD(c = call0(c));
      in->ex().cause = c;
      in->ex().suppress_context = true;
    }
    if (!I->handling.empty() && in->ex().context.is_none() && !I->handling.back().same(v)) in->ex().context = I->handling.back();
    return v;
  }
};

struct AssertStmt : SNode {
  EP test, msg_e;
  Exec exec(Frame& fr) override {
    if (truthy(test->eval(fr))) return Exec::Normal;
    ValueVec args;
    if (msg_e) args.push_back(msg_e->eval(fr));
    PyError err(make_exception(I->e("AssertionError"), std::move(args)));
    annotate(err, loc);
    throw err;
  }
};

struct DelStmt : SNode {
  std::vector<TP> targets;
  Exec exec(Frame& fr) override {
    for (auto& t : targets) t->del(fr);
    return Exec::Normal;
  }
};

// ================================================================ with
struct WithStmt : SNode {
  EP ctx;
  TP target;
  SP body;  // the rest (nested withs for several items)
  bool is_async = false;
  Exec exec(Frame& fr) override {
    Value mgr = ctx->eval(fr);
    Value exit_fn, val;
    ML_GUARD({
      const char* en = is_async ? "__aenter__" : "__enter__";
      const char* ex = is_async ? "__aexit__" : "__exit__";
      exit_fn = getattr(mgr, ex);
      val = call0(getattr(mgr, en));
      if (is_async) val = run_await(val);
    });
    if (target) target->store(fr, val);
    Exec r = Exec::Normal;
    bool has_exc = false;
    Value exc;
    try {
      r = body->exec(fr);
    } catch (PyError& e) {
      has_exc = true;
      exc = e.exc;
    }
    if (has_exc) {
      Value args[3] = {Value::obj(type_of(exc)), exc, Value()};
      Value sup;
      I->handling.push_back(exc);
      try {
        sup = call(exit_fn, args, 3);
        if (is_async) sup = run_await(sup);
      } catch (...) {
        I->handling.pop_back();
        throw;
      }
      I->handling.pop_back();
      if (!truthy(sup)) throw PyError(exc);
      return Exec::Normal;
    }
    Value args[3];
    ML_GUARD({
      Value rr = call(exit_fn, args, 3);
      if (is_async) run_await(rr);
    });
    return r;
  }
};

// ================================================================ imports
struct ImportStmt : SNode {
  std::vector<std::pair<std::string, TP>> names;  // module name, target
  std::vector<bool> bind_top;
  Exec exec(Frame& fr) override {
    for (size_t i = 0; i < names.size(); ++i) {
      Value m;
      ML_GUARD(m = import_module_from(names[i].first, fr.globals));
      if (bind_top[i]) {
        std::string top = names[i].first.substr(0, names[i].first.find('.'));
        ML_GUARD(m = import_module_from(top, fr.globals));
      }
      names[i].second->store(fr, m);
    }
    return Exec::Normal;
  }
};

struct ImportFromStmt : SNode {
  std::string module;
  std::vector<std::pair<std::string, TP>> names;
  bool star = false;
  void bind(Frame& fr, const Value& k, const Value& v) {
    if (fr.ns) fr.ns->set(k, v);
    else fr.globals->set(k, v);
  }
  Exec exec(Frame& fr) override {
    Value m;
    std::string full;
    ML_GUARD(full = resolve_module_name(module, fr.globals); m = import_module_from(full, fr.globals));
    if (star) {
      DictObj* md = m.as<ModuleObj>()->dict.get();
      Value* all = md->find(str_key("__all__"));
      if (all) {
        ML_GUARD(for_each(*all, [&](const Value& k) { bind(fr, k, getattr(m, str_of(k))); }));
      } else {
        md->for_each([&](const Value& k, const Value& v) {
          if (!str_of(k).empty() && str_of(k)[0] != '_') bind(fr, k, v);
        });
      }
      return Exec::Normal;
    }
    for (auto& [n, t] : names) {
      Value v;
      if (!getattr_opt(m, n, v)) {
        // a submodule of a package
        try {
          v = import_module_from(full + "." + n, fr.globals);
        } catch (PyError& e) {
          if (!e.exc.is(OK::Inst) || e.exc.o->type->name != "ModuleNotFoundError") ML_GUARD(throw);
          ML_GUARD(raise_id("ImportError", "runtime.cannot_import_name", {{"name", n}, {"module", full}}));
        }
      }
      t->store(fr, v);
    }
    return Exec::Normal;
  }
};

// ================================================================ comprehensions
struct CompLoop {
  TP target;
  EP iter;  // null at level 0 (the implicit parameter)
  std::vector<Test> ifs;
};

struct CompBody : SNode {
  int kind = 0;  // 0 list, 1 set, 2 dict, 3 generator
  std::vector<CompLoop> loops;
  EP elt, val;
  Exec exec(Frame& fr) override {
    Value result;
    if (kind == 0) result = mk_list();
    else if (kind == 1) result = mk_set();
    else if (kind == 2) result = mk_dict();
    run(fr, 0, result);
    fr.retval = kind == 3 ? Value() : result;
    return Exec::Return;
  }
  // false: a generator expression was closed at its yield (gen_yield_item)
  bool run(Frame& fr, size_t level, Value& result) {
    Value src = level == 0 ? fr.slots[0] : loops[level].iter->eval(fr);
    CompLoop& L = loops[level];
    bool last = level + 1 == loops.size();
    try {
      return iterate(src, [&](Value x) {
        L.target->store(fr, std::move(x));
        for (auto& c : L.ifs)
          if (!c(fr)) return true;
        if (!last) return run(fr, level + 1, result);
        switch (kind) {
          case 0: result.as<ListObj>()->v.push_back(elt->eval(fr)); break;
          case 1: result.as<SetObj>()->add(elt->eval(fr)); break;
          case 2: {
            Value k = elt->eval(fr);
            Value v = val->eval(fr);
            result.as<DictObj>()->set(k, std::move(v));
            break;
          }
          default:
            if (PushSink* s = fr.sink) {
              if (s->list) s->list->v.push_back(elt->eval(fr));
              else s->set->add(elt->eval(fr));
            } else {
              return gen_yield_item(fr, elt->eval(fr));
            }
            break;
        }
        return true;
      });
    } catch (PyError& e) {
      annotate(e, loc);
      throw;
    }
  }
};

EP Compiler::comprehension(const Expr& e) {
  int kind = e.kind == ExprKind::ListComp ? 0 : e.kind == ExprKind::SetComp ? 1 : e.kind == ExprKind::DictComp ? 2 : 3;
  const char* nm = kind == 0 ? "<listcomp>" : kind == 1 ? "<setcomp>" : kind == 2 ? "<dictcomp>" : "<genexpr>";
  auto first = expr(*e.gens[0].iter);
  auto mk = function(&e, nm, nullptr, nullptr, nullptr, false, e.loc, [&](Compiler& sub) -> SP {
    auto* b = new CompBody();
    b->loc = e.loc;
    b->kind = kind;
    for (size_t i = 0; i < e.gens.size(); ++i) {
      CompLoop L;
      if (i > 0) L.iter = sub.expr(*e.gens[i].iter);
      L.target = sub.target(*e.gens[i].target);
      for (auto& c : e.gens[i].ifs) {
        L.ifs.emplace_back();
        L.ifs.back().set(sub.expr(*c));
      }
      b->loops.push_back(std::move(L));
    }
    b->elt = sub.expr(*e.a);
    if (kind == 2) b->val = sub.expr(*e.b);
    return SP(b);
  });
  return make_comp_expr(std::move(mk), std::move(first), kind == 3);
}

// ================================================================ statement compilation
SP Compiler::block(const Body& b) {
  auto* blk = new Block();
  for (auto& s : b) blk->stmts.push_back(stmt(*s));
  if (!b.empty()) blk->loc = b[0]->loc;
  return SP(blk);
}

static SP with_loc(SNode* n, Loc loc) {
  n->loc = loc;
  return SP(n);
}

SP Compiler::ann_assign_stmt(const Stmt& s) {
  if (scope->kind != Scope::Function && s.targets[0]->kind == ExprKind::Name) {
    auto* n = new AnnotateStmt();
    n->name = s.targets[0]->name;
    n->annotation = unit->future_annotations ? EP(new AnnotationText(annotation_text(*s.extra))) : expr(*s.extra);
    if (s.value) {
      n->value = expr(*s.value);
      n->target = target(*s.targets[0]);
    }
    return with_loc(n, s.loc);
  }
  if (!s.value) return with_loc(new SimpleStmt(Exec::Normal), s.loc);
  auto* n = new AssignStmt();
  n->value = expr(*s.value);
  n->targets.push_back(target(*s.targets[0]));
  return with_loc(n, s.loc);
}

SP Compiler::aug_assign_stmt(const Stmt& s) {
  const Expr& t = *s.targets[0];
  if (t.kind == ExprKind::Name) {
    auto* n = new AugName();
    n->load = load_name(t.name, t.loc);
    n->store = store_name(t.name, t.loc);
    n->value = expr(*s.value);
    n->op = s.op;
    return with_loc(n, s.loc);
  }
  if (t.kind == ExprKind::Attribute) {
    auto* n = new AugAttr();
    n->obj = expr(*t.a);
    n->site.init(t.name);
    n->value = expr(*s.value);
    n->op = s.op;
    return with_loc(n, s.loc);
  }
  if (t.kind == ExprKind::Subscript) {
    auto* n = new AugSub();
    n->obj = expr(*t.a);
    n->idx = expr(*t.b);
    n->value = expr(*s.value);
    n->op = s.op;
    return with_loc(n, s.loc);
  }
  throw_syntax(msg("syntax.augmented_target"), s.loc);
}

SP Compiler::function_def_stmt(const Stmt& s) {
  auto* n = new FuncDefStmt();
  for (auto& d : s.decorators) n->decorators.push_back(expr(*d));
  n->mk = function(&s, s.name, s.params.get(), &s.body, nullptr, s.is_async, s.loc);
  auto annotate = [&](const std::string& name, const ast::ExprP& a) {
    if (!a) return;
    EP e = unit->future_annotations ? EP(new AnnotationText(annotation_text(*a))) : expr(*a);
    n->annotations.emplace_back(mk_str(name), std::move(e));
  };
  if (const ast::Params* p = s.params.get()) {
    for (auto& q : p->posonly) annotate(q.name, q.annotation);
    for (auto& q : p->args) annotate(q.name, q.annotation);
    if (p->vararg) annotate(p->vararg->name, p->vararg->annotation);
    for (auto& q : p->kwonly) annotate(q.name, q.annotation);
    if (p->kwarg) annotate(p->kwarg->name, p->kwarg->annotation);
  }
  annotate("return", s.returns);
  n->target = store_name(s.name, s.loc);
  return with_loc(n, s.loc);
}

SP Compiler::class_def_stmt(const Stmt& s) {
  auto* n = new ClassDefStmt();
  n->name = s.name;
  n->qualname = qualprefix.empty() ? s.name : qualprefix + "." + s.name;
  for (auto& d : s.decorators) n->decorators.push_back(expr(*d));
  for (auto& b : s.bases) {
    if (b.kind == Arg::Positional) n->bases.push_back(expr(*b.value));
    else if (b.kind == Arg::Keyword) n->keywords.emplace_back(b.name, expr(*b.value));
  }
  n->body_fn = function(&s, s.name, nullptr, &s.body, nullptr, false, s.loc);
  n->target = store_name(s.name, s.loc);
  return with_loc(n, s.loc);
}

SP Compiler::try_stmt(const Stmt& s) {
  auto* n = new TryStmt();
  n->body = block(s.body);
  for (auto& h : s.handlers) {
    Handler hh;
    if (h.type) hh.type = expr(*h.type);
    if (!h.name.empty()) hh.name = store_name(h.name, h.loc);
    hh.body = block(h.body);
    n->handlers.push_back(std::move(hh));
  }
  if (!s.orelse.empty()) n->orelse = block(s.orelse);
  if (!s.finalbody.empty()) n->finalbody = block(s.finalbody);
  return with_loc(n, s.loc);
}

SP Compiler::with_stmt(const Stmt& s) {
  // nest the items: with a, b: body  ==  with a: with b: body
  SP inner = block(s.body);
  for (size_t i = s.items.size(); i-- > 0;) {
    auto* n = new WithStmt();
    n->ctx = expr(*s.items[i].context);
    if (s.items[i].target) n->target = target(*s.items[i].target);
    n->body = std::move(inner);
    n->is_async = s.is_async;
    n->loc = s.loc;
    inner = SP(n);
  }
  return inner;
}

SP Compiler::stmt(const Stmt& s) {
  switch (s.kind) {
    case StmtKind::Expr: {
      auto* n = new ExprStmt();
      n->e = expr(*s.value);
      n->record = repl && scope->kind == Scope::Module;
      return with_loc(n, s.loc);
    }
    case StmtKind::Assign: {
      EP value = expr(*s.value);
      std::vector<TP> targets;
      for (auto& t : s.targets) targets.push_back(target(*t));
      if (targets.size() == 1) {
        if (auto* l = dynamic_cast<StoreLocal*>(targets[0].get())) {
          auto* n = new AssignLocalStmt();
          n->slot = l->slot;
          n->value = std::move(value);
          return with_loc(n, s.loc);
        }
        if (auto* u = dynamic_cast<StoreUnpack*>(targets[0].get()); u && !u->local_slots.empty()) {
          auto* n = new UnpackLocalsStmt();
          n->value.set(std::move(value));
          n->target.reset(static_cast<StoreUnpack*>(targets[0].release()));
          return with_loc(n, s.loc);
        }
      }
      auto* n = new AssignStmt();
      n->value = std::move(value);
      n->targets = std::move(targets);
      return with_loc(n, s.loc);
    }
    case StmtKind::AnnAssign: return ann_assign_stmt(s);
    case StmtKind::AugAssign: return aug_assign_stmt(s);
    case StmtKind::If: {
      auto* n = new IfStmt();
      n->test.set(expr(*s.value));
      n->body = block(s.body);
      n->run_body = Block::runner(n->body);
      if (!s.orelse.empty()) {
        n->orelse = block(s.orelse);
        n->run_orelse = Block::runner(n->orelse);
      }
      return with_loc(n, s.loc);
    }
    case StmtKind::While: {
      auto* n = new WhileStmt();
      n->test.set(expr(*s.value));
      n->body = block(s.body);
      n->run_body = Block::runner(n->body);
      if (!s.orelse.empty()) n->orelse = block(s.orelse);
      return with_loc(n, s.loc);
    }
    case StmtKind::For: {
      auto* n = new ForStmt();
      n->iter_e = expr(*s.iter);
      n->target = target(*s.targets[0]);
      n->body = block(s.body);
      n->run_body = Block::runner(n->body);
      n->is_async = s.is_async;
      if (!s.orelse.empty()) n->orelse = block(s.orelse);
      return with_loc(n, s.loc);
    }
    case StmtKind::Break: return with_loc(new SimpleStmt(Exec::Break), s.loc);
    case StmtKind::Continue: return with_loc(new SimpleStmt(Exec::Continue), s.loc);
    case StmtKind::Pass: case StmtKind::Global: case StmtKind::Nonlocal:
      return with_loc(new SimpleStmt(Exec::Normal), s.loc);
    case StmtKind::Return: return return_stmt(s.value ? expr(*s.value) : nullptr, s.loc);
    case StmtKind::FunctionDef: return function_def_stmt(s);
    case StmtKind::ClassDef: return class_def_stmt(s);
    case StmtKind::Try: return try_stmt(s);
    case StmtKind::Raise: {
      auto* n = new RaiseStmt();
      if (s.value) n->exc = expr(*s.value);
      if (s.extra) n->cause = expr(*s.extra);
      return with_loc(n, s.loc);
    }
    case StmtKind::With: return with_stmt(s);
    case StmtKind::Import: {
      auto* n = new ImportStmt();
      for (auto& a : s.names) {
        bool top = a.asname.empty() && a.name.find('.') != std::string::npos;
        std::string bindname = a.asname.empty() ? a.name.substr(0, a.name.find('.')) : a.asname;
        n->names.emplace_back(a.name, store_name(bindname, s.loc));
        n->bind_top.push_back(top);
      }
      return with_loc(n, s.loc);
    }
    case StmtKind::ImportFrom: {
      auto* n = new ImportFromStmt();
      n->module = s.module;
      for (auto& a : s.names) {
        if (a.name == "*") { n->star = true; continue; }
        n->names.emplace_back(a.name, store_name(a.asname.empty() ? a.name : a.asname, s.loc));
      }
      return with_loc(n, s.loc);
    }
    case StmtKind::Assert: {
      auto* n = new AssertStmt();
      n->test = expr(*s.value);
      if (s.extra) n->msg_e = expr(*s.extra);
      return with_loc(n, s.loc);
    }
    case StmtKind::Del: {
      auto* n = new DelStmt();
      for (auto& t : s.targets) n->targets.push_back(target(*t));
      return with_loc(n, s.loc);
    }
    case StmtKind::Match: return match_stmt(s);
  }
  throw_syntax(msg("syntax.unsupported_statement"), s.loc);
}

std::unique_ptr<CompiledUnit> compile_module(const ast::Module& m, const LanguagePack* pack, bool repl) {
  auto unit = std::make_unique<CompiledUnit>();
  unit->src = m.source;
  for (auto& s : m.body)
    if (s->kind == StmtKind::ImportFrom && s->module == "__future__")
      for (auto& n : s->names) unit->future_annotations |= n.name == "annotations";
  ScopeTable tables = analyze_scopes(m);
  auto code = std::make_unique<FuncCode>();
  code->name = "<module>";
  code->is_module = true;
  code->src = m.source.get();
  Compiler c(unit.get(), tables, pack, tables.root.get(), nullptr, repl);
  auto blk = std::make_unique<Block>();
  for (auto& s : m.body) blk->stmts.push_back(c.stmt(*s));
  code->body = std::move(blk);
  unit->module_code = code.get();
  unit->codes.push_back(std::move(code));
  return unit;
}

}  // namespace ml::interp
