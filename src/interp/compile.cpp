// AST -> evaluation nodes. Expression and target nodes live here; statements in stmts.cpp.
#include <cmath>

#include "interp/attrcache.h"
#include "interp/compile_impl.h"
#include "interp/int_str_limit.h"
#include "lang/pack.h"

namespace ml::interp {

using namespace ast;

void TNode::del(Frame&) { raise("SyntaxError", "cannot delete this target"); }

// ================================================================ leaves
struct Const : ENode {
  Value v;
  explicit Const(Value x) : v(std::move(x)) {}
  Value eval(Frame&) override { return v; }
};

[[noreturn]] static void unbound_local(const std::string& name) {
  raise_id("UnboundLocalError", "runtime.unbound_local", {{"name", name}});
}
[[noreturn]] static void undefined_name(const std::string& name) {
  raise_id("NameError", "runtime.undefined_name", {{"name", name}});
}

struct LoadLocal : ENode {
  int slot;
  std::string name;
  Value eval(Frame& fr) override {
    Value& v = fr.slots[slot];
    if (__builtin_expect(v.t == VT::Undef, 0)) ML_GUARD(unbound_local(name));
    return v;
  }
  const Value* ref(Frame& fr) override {
    Value& v = fr.slots[slot];
    return v.t == VT::Undef ? nullptr : &v;
  }
};
struct StoreLocal : TNode {
  int slot;
  std::string name;
  void store(Frame& fr, Value v) override { fr.slots[slot] = std::move(v); }
  void del(Frame& fr) override {
    if (fr.slots[slot].t == VT::Undef) ML_GUARD(unbound_local(name));
    fr.slots[slot] = Value();
    fr.slots[slot].t = VT::Undef;
  }
};
struct LoadCell : ENode {
  int slot;
  std::string name;
  Value eval(Frame& fr) override {
    auto* c = fr.slots[slot].as<CellObj>();
    if (!c->bound) ML_GUARD(unbound_local(name));
    return c->v;
  }
};
struct StoreCell : TNode {
  int slot;
  std::string name;
  void store(Frame& fr, Value v) override {
    auto* c = fr.slots[slot].as<CellObj>();
    c->v = std::move(v);
    c->bound = true;
  }
  void del(Frame& fr) override {
    auto* c = fr.slots[slot].as<CellObj>();
    if (!c->bound) ML_GUARD(unbound_local(name));
    c->v = Value();
    c->bound = false;
  }
};
struct LoadFree : ENode {
  int idx;
  std::string name;
  Value eval(Frame& fr) override {
    CellObj* c = fr.func->closure[idx].get();
    if (!c->bound) ML_GUARD(raise("NameError", "cannot access free variable '" + name + "' where it is not associated with a value in enclosing scope"));
    return c->v;
  }
};
struct StoreFree : TNode {
  int idx;
  void store(Frame& fr, Value v) override {
    CellObj* c = fr.func->closure[idx].get();
    c->v = std::move(v);
    c->bound = true;
  }
  void del(Frame& fr) override {
    CellObj* c = fr.func->closure[idx].get();
    c->v = Value();
    c->bound = false;
  }
};

static int64_t sv_hash(const std::string& s) { return hash_value(mk_str(s)); }

struct LoadGlobal : ENode {
  std::string name;
  int64_t h;
  // cache of the last lookup, valid while neither dict gained or lost keys
  DictObj *cg = nullptr, *cb = nullptr;
  uint64_t cgv = 0, cbv = 0;
  Value* cptr = nullptr;
  Value eval(Frame& fr) override {
    DictObj* g = fr.globals;
    if (g == cg && g->version == cgv && (!cb || cb->version == cbv)) return *cptr;
    if (Value* v = g->find_str(name, h)) {
      cg = g; cgv = g->version; cb = nullptr; cptr = v;
      return *v;
    }
    if (Value* v = I->builtins->find_str(name, h)) {
      cg = g; cgv = g->version; cb = I->builtins.get(); cbv = cb->version; cptr = v;
      return *v;
    }
    ML_GUARD(undefined_name(name));
  }
};
struct StoreGlobal : TNode {
  std::string name;
  Value key;
  void store(Frame& fr, Value v) override { fr.globals->set(key, std::move(v)); }
  void del(Frame& fr) override {
    if (!fr.globals->erase(key)) ML_GUARD(undefined_name(name));
  }
};
struct LoadClassNS : ENode {
  std::string name;
  int64_t h;
  Value eval(Frame& fr) override {
    if (Value* v = fr.ns->find_str(name, h)) return *v;
    if (Value* v = fr.globals->find_str(name, h)) return *v;
    if (Value* v = I->builtins->find_str(name, h)) return *v;
    ML_GUARD(undefined_name(name));
  }
};
struct LoadClassFree : ENode {
  std::string name;
  int64_t h;
  int idx;
  Value eval(Frame& fr) override {
    if (Value* v = fr.ns->find_str(name, h)) return *v;
    CellObj* c = fr.func->closure[idx].get();
    if (!c->bound) ML_GUARD(undefined_name(name));
    return c->v;
  }
};
struct StoreClassNS : TNode {
  std::string name;
  Value key;
  void store(Frame& fr, Value v) override { fr.ns->set(key, std::move(v)); }
  void del(Frame& fr) override {
    if (!fr.ns->erase(key)) ML_GUARD(undefined_name(name));
  }
};

// ================================================================ operators
// An operand of a binary operator or comparison: a local variable or a constant is read in
// place (no virtual call, no reference-count traffic), anything else is evaluated.
struct Operand {
  EP e;
  int slot = -1;               // LoadLocal's slot
  const Value* k = nullptr;    // Const's value
  void set(EP x) {
    e = std::move(x);
    if (auto* l = dynamic_cast<LoadLocal*>(e.get())) slot = l->slot;
    else if (auto* c = dynamic_cast<Const*>(e.get())) k = &c->v;
  }
  bool in_place() const { return k || slot >= 0; }
  [[gnu::always_inline]] const Value& get(Frame& fr, Value& tmp) {
    if (k) return *k;
    if (slot >= 0) {
      const Value& v = fr.slots[slot];
      if (__builtin_expect(v.t != VT::Undef, 1)) return v;
    }
    tmp = e->eval(fr);
    return tmp;
  }
  // The left operand: read in place only when evaluating the right one cannot rebind it
  // (`x + (x := 5)` must add the old x).
  [[gnu::always_inline]] const Value& get_left(Frame& fr, Value& tmp, const Operand& right) {
    if (k || right.in_place()) return get(fr, tmp);
    tmp = e->eval(fr);
    return tmp;
  }
};

template <BinOp OP>
struct BinNode : ENode {
  Operand a, b;
  Value eval(Frame& fr) override {
    Value xt, yt;
    const Value& x = a.get_left(fr, xt, b);
    const Value& y = b.get(fr, yt);
    if (x.t == VT::Int && y.t == VT::Int) {
      int64_t r;
      if constexpr (OP == BinOp::Add) { if (!__builtin_add_overflow(x.i, y.i, &r)) return Value::integer(r); }
      else if constexpr (OP == BinOp::Sub) { if (!__builtin_sub_overflow(x.i, y.i, &r)) return Value::integer(r); }
      else if constexpr (OP == BinOp::Mul) { if (!__builtin_mul_overflow(x.i, y.i, &r)) return Value::integer(r); }
    } else if ((x.t == VT::Float || x.t == VT::Int) && (y.t == VT::Float || y.t == VT::Int)) {
      // At least one float (both ints were handled above): the int converts to the nearest
      // double, as Python's float arithmetic converts it.
      double p = x.t == VT::Float ? x.f : (double)x.i, q = y.t == VT::Float ? y.f : (double)y.i;
      if constexpr (OP == BinOp::Add) return Value::flt(p + q);
      else if constexpr (OP == BinOp::Sub) return Value::flt(p - q);
      else if constexpr (OP == BinOp::Mul) return Value::flt(p * q);
      else if constexpr (OP == BinOp::Div) { if (q != 0.0) return Value::flt(p / q); }
    }
    ML_GUARD(return binop(OP, x, y));
  }
};

static EP make_binnode(BinOp op, EP a, EP b) {
  ENode* n;
  switch (op) {
#define CASE(O) case BinOp::O: { auto* k = new BinNode<BinOp::O>(); k->a.set(std::move(a)); k->b.set(std::move(b)); n = k; break; }
    CASE(Add) CASE(Sub) CASE(Mul) CASE(Div) CASE(FloorDiv) CASE(Mod) CASE(Pow) CASE(MatMul) CASE(LShift)
    CASE(RShift) CASE(BitAnd) CASE(BitOr) CASE(BitXor)
#undef CASE
    default: n = nullptr;
  }
  return EP(n);
}

template <CmpOp OP>
struct CmpNode : ENode {
  Operand a, b;
  Value eval(Frame& fr) override {
    Value xt, yt;
    const Value& x = a.get_left(fr, xt, b);
    const Value& y = b.get(fr, yt);
    if constexpr (OP == CmpOp::Is) return Value::boolean(x.same(y));
    else if constexpr (OP == CmpOp::IsNot) return Value::boolean(!x.same(y));
    if (x.t == VT::Float && y.t == VT::Float) {
      // IEEE comparisons are Python's for floats (NaN compares unequal, and false otherwise).
      if constexpr (OP == CmpOp::Lt) return Value::boolean(x.f < y.f);
      else if constexpr (OP == CmpOp::LtE) return Value::boolean(x.f <= y.f);
      else if constexpr (OP == CmpOp::Gt) return Value::boolean(x.f > y.f);
      else if constexpr (OP == CmpOp::GtE) return Value::boolean(x.f >= y.f);
      else if constexpr (OP == CmpOp::Eq) return Value::boolean(x.f == y.f);
      else if constexpr (OP == CmpOp::NotEq) return Value::boolean(x.f != y.f);
    }
    if (x.t == VT::Int && y.t == VT::Int) {
      if constexpr (OP == CmpOp::Lt) return Value::boolean(x.i < y.i);
      else if constexpr (OP == CmpOp::LtE) return Value::boolean(x.i <= y.i);
      else if constexpr (OP == CmpOp::Gt) return Value::boolean(x.i > y.i);
      else if constexpr (OP == CmpOp::GtE) return Value::boolean(x.i >= y.i);
      else if constexpr (OP == CmpOp::Eq) return Value::boolean(x.i == y.i);
      else if constexpr (OP == CmpOp::NotEq) return Value::boolean(x.i != y.i);
    }
    ML_GUARD(return compare(OP, x, y));
  }
};

static EP make_cmpnode(CmpOp op, EP a, EP b) {
  ENode* n;
  switch (op) {
#define CASE(O) case CmpOp::O: { auto* k = new CmpNode<CmpOp::O>(); k->a.set(std::move(a)); k->b.set(std::move(b)); n = k; break; }
    CASE(Eq) CASE(NotEq) CASE(Lt) CASE(LtE) CASE(Gt) CASE(GtE) CASE(Is) CASE(IsNot) CASE(In) CASE(NotIn)
#undef CASE
    default: n = nullptr;
  }
  return EP(n);
}

struct ChainCmp : ENode {
  EP first;
  std::vector<CmpOp> ops;
  std::vector<EP> rest;
  Value eval(Frame& fr) override {
    Value x = first->eval(fr);
    for (size_t i = 0; i < ops.size(); ++i) {
      Value y = rest[i]->eval(fr);
      Value r;
      ML_GUARD(r = compare(ops[i], x, y));
      if (!truthy(r)) return r;
      if (i + 1 == ops.size()) return r;
      x = std::move(y);
    }
    return Value::boolean(true);
  }
};

struct UnaryNode : ENode {
  UnaryOp op;
  EP a;
  Value eval(Frame& fr) override {
    Value x = a->eval(fr);
    if (op == UnaryOp::Not) return Value::boolean(!truthy(x));
    if (op == UnaryOp::Neg && x.t == VT::Int && x.i != INT64_MIN) return Value::integer(-x.i);
    ML_GUARD(return unary(op, x));
  }
};

struct BoolNode : ENode {
  bool is_and;
  std::vector<EP> items;
  Value eval(Frame& fr) override {
    Value v;
    for (size_t i = 0; i < items.size(); ++i) {
      v = items[i]->eval(fr);
      bool t = truthy(v);
      if (is_and ? !t : t) return v;
    }
    return v;
  }
};

struct IfExpNode : ENode {
  EP test, body, orelse;
  Value eval(Frame& fr) override { return truthy(test->eval(fr)) ? body->eval(fr) : orelse->eval(fr); }
};

struct NamedExprNode : ENode {
  TP target;
  EP value;
  Value eval(Frame& fr) override {
    Value v = value->eval(fr);
    target->store(fr, v);
    return v;
  }
};

// ================================================================ attribute / subscript
struct AttrNode : ENode {
  EP obj;
  AttrSite site;
  Value eval(Frame& fr) override {
    Value o = obj->eval(fr);
    ML_GUARD(return attr_load(site, o));
  }
  // A missing attribute comes back as the AttributeError getattr would raise.
  bool eval_soft(Frame& fr, Value& out, Value& exc) override {
    Value o;
    if (!obj->eval_soft(fr, o, exc)) return false;
    bool found;
    ML_GUARD(found = attr_load_opt(site, o, out));
    if (found) return true;
    exc = attribute_error(o, site.name);
    annotate_soft(exc, loc);
    return false;
  }
};
struct StoreAttr : TNode {
  EP obj;
  AttrSite site;
  void store(Frame& fr, Value v) override {
    Value o = obj->eval(fr);
    ML_GUARD(attr_store(site, o, std::move(v)));
  }
  void del(Frame& fr) override {
    Value o = obj->eval(fr);
    ML_GUARD(delattr(o, site.name));
  }
};

struct SubNode : ENode {
  EP obj, idx;
  bool pure_idx = false;  // idx is a local or a constant: may be evaluated twice
  const Value* ref(Frame& fr) override {
    if (!pure_idx) return nullptr;
    const Value* o = obj->ref(fr);
    if (!o || !o->is(OK::List)) return nullptr;
    Value k = idx->eval(fr);
    if (k.t != VT::Int) return nullptr;
    auto& v = o->as<ListObj>()->v;
    int64_t i = k.i;
    if (i < 0) i += (int64_t)v.size();
    return (uint64_t)i < v.size() ? &v[i] : nullptr;
  }
  Value eval(Frame& fr) override {
    if (pure_idx) {
      if (const Value* p = ref(fr)) return *p;
    }
    Value o = obj->eval(fr);
    Value k = idx->eval(fr);
    if (o.is(OK::List) && k.t == VT::Int) {
      auto& v = o.as<ListObj>()->v;
      int64_t i = k.i;
      if (i < 0) i += (int64_t)v.size();
      if ((uint64_t)i < v.size()) return v[i];
    }
    ML_GUARD(return getitem(o, k));
  }
  // A key missing from a plain dict (no __missing__ to ask) comes back as the KeyError.
  bool eval_soft(Frame& fr, Value& out, Value& exc) override {
    Value o;
    if (!obj->eval_soft(fr, o, exc)) return false;
    Value k = idx->eval(fr);
    if (o.is(OK::Dict) && o.o->type == I->t_dict) {
      Value* v;
      ML_GUARD(v = o.as<DictObj>()->find(k));
      if (v) {
        out = *v;
        return true;
      }
      exc = make_exception(I->e("KeyError"), ValueVec{std::move(k)});
      annotate_soft(exc, loc);
      return false;
    }
    ML_GUARD(out = getitem(o, k));
    return true;
  }
};
struct StoreSub : TNode {
  EP obj, idx;
  void store(Frame& fr, Value v) override {
    Value o = obj->eval(fr);
    Value k = idx->eval(fr);
    if (o.is(OK::List) && k.t == VT::Int) {
      auto& l = o.as<ListObj>()->v;
      int64_t i = k.i;
      if (i < 0) i += (int64_t)l.size();
      if ((uint64_t)i < l.size()) { l[i] = std::move(v); return; }
    }
    ML_GUARD(setitem(o, k, std::move(v)));
  }
  void del(Frame& fr) override {
    Value o = obj->eval(fr);
    Value k = idx->eval(fr);
    ML_GUARD(delitem(o, k));
  }
};

struct SliceNode : ENode {
  EP a, b, c;
  Value eval(Frame& fr) override {
    Value x = a ? a->eval(fr) : Value(), y = b ? b->eval(fr) : Value(), z = c ? c->eval(fr) : Value();
    return Value::obj(new SliceObj(std::move(x), std::move(y), std::move(z)));
  }
};

// obj[a:b:c] and obj[a:b:c] = v: a list or tuple is sliced without making a slice object.
struct SliceParts {
  EP a, b, c;
  void eval(Frame& fr, Value& x, Value& y, Value& z) {
    if (a) x = a->eval(fr);
    if (b) y = b->eval(fr);
    if (c) z = c->eval(fr);
  }
};
struct SliceSubNode : ENode {
  EP obj;
  SliceParts parts;
  Value eval(Frame& fr) override {
    Value o = obj->eval(fr);
    Value x, y, z, out;
    parts.eval(fr, x, y, z);
    ML_GUARD(if (getslice_fast(o, x, y, z, out)) return out);
    ML_GUARD(return getitem(o, Value::obj(new SliceObj(std::move(x), std::move(y), std::move(z)))));
  }
};
struct StoreSlice : TNode {
  EP obj;
  SliceParts parts;
  void store(Frame& fr, Value v) override {
    Value o = obj->eval(fr);
    Value x, y, z;
    parts.eval(fr, x, y, z);
    ML_GUARD(if (setslice_fast(o, x, y, z, v)) return);
    ML_GUARD(setitem(o, Value::obj(new SliceObj(std::move(x), std::move(y), std::move(z))), std::move(v)));
  }
  void del(Frame& fr) override {
    Value o = obj->eval(fr);
    Value x, y, z;
    parts.eval(fr, x, y, z);
    ML_GUARD(delitem(o, Value::obj(new SliceObj(std::move(x), std::move(y), std::move(z)))));
  }
};

// ================================================================ unpacking targets
struct StoreUnpack : TNode {
  std::vector<TP> targets;
  int star = -1;
  // `a, b, c = seq` into plain local variables (no star, at most kLocal of them): their slots,
  // so a tuple or list of the right length is unpacked without a copy of its items vector and
  // without a virtual store per name.
  static constexpr size_t kLocal = 16;
  std::vector<int> local_slots;
  void prepare() {
    if (star >= 0 || targets.size() > kLocal) return;
    std::vector<int> s;
    for (auto& t : targets) {
      auto* l = dynamic_cast<StoreLocal*>(t.get());
      if (!l) return;
      s.push_back(l->slot);
    }
    local_slots = std::move(s);
  }
  void store(Frame& fr, Value v) override {
    size_t nl = local_slots.size();
    if (nl && (v.is(OK::Tuple) || v.is(OK::List))) {
      const ValueVec& src = v.is(OK::Tuple) ? v.as<TupleObj>()->v : v.as<ListObj>()->v;
      if (src.size() == nl) {
        // All items are taken (referenced) before any variable is rebound: dropping a
        // variable's old value may run code (a generator's finally) that changes a list.
        Value* slots = fr.slots;
        const int* ls = local_slots.data();
        Object* old[kLocal];
        for (size_t i = 0; i < nl; ++i) {
          const Value& x = src[i];
          if (x.t == VT::Obj) incref(x.o);
          Value& d = slots[ls[i]];
          old[i] = d.t == VT::Obj ? d.o : nullptr;
          d.t = x.t;
          d.i = x.i;
        }
        for (size_t i = 0; i < nl; ++i)
          if (old[i]) decref(old[i]);
        return;
      }
    }
    ValueVec tmp;
    const ValueVec* items;
    if (v.is(OK::Tuple)) items = &v.as<TupleObj>()->v;
    else if (v.is(OK::List)) { tmp = v.as<ListObj>()->v; items = &tmp; }
    else { ML_GUARD(tmp = to_vec(v)); items = &tmp; }
    size_t n = items->size(), k = targets.size();
    if (star < 0) {
      if (n != k) {
        if (n < k) ML_GUARD(raise_id("ValueError", "runtime.unpack_too_few", {{"expected", std::to_string(k)}, {"got", std::to_string(n)}}));
        ML_GUARD(raise_id("ValueError", "runtime.unpack_too_many", {{"expected", std::to_string(k)}}));
      }
      for (size_t i = 0; i < k; ++i) targets[i]->store(fr, (*items)[i]);
      return;
    }
    if (n < k - 1) ML_GUARD(raise_id("ValueError", "runtime.unpack_too_few_star", {{"expected", std::to_string(k - 1)}, {"got", std::to_string(n)}}));
    size_t after = k - 1 - star;
    for (int i = 0; i < star; ++i) targets[i]->store(fr, (*items)[i]);
    ValueVec mid(items->begin() + star, items->begin() + (n - after));
    targets[star]->store(fr, mk_list(std::move(mid)));
    for (size_t i = 0; i < after; ++i) targets[star + 1 + i]->store(fr, (*items)[n - after + i]);
  }
  void del(Frame& fr) override {
    for (auto& t : targets) t->del(fr);
  }
};

// ================================================================ displays
struct SeqItem { EP e; bool star = false; };

static void add_items(Frame& fr, const std::vector<SeqItem>& items, ValueVec& out) {
  for (auto& it : items) {
    Value v = it.e->eval(fr);
    if (it.star) {
      if (v.is(OK::List) || v.is(OK::Tuple)) {
        const ValueVec& src = v.is(OK::List) ? v.as<ListObj>()->v : v.as<TupleObj>()->v;
        out.insert(out.end(), src.begin(), src.end());
      } else {
        try { for_each(v, [&](const Value& x) { out.push_back(x); }); }
        catch (PyError& e) { annotate(e, it.e->loc); throw; }
      }
    } else {
      out.push_back(std::move(v));
    }
  }
}

struct ListDisplay : ENode {
  std::vector<SeqItem> items;
  Value eval(Frame& fr) override {
    ValueVec out;
    out.reserve(items.size());
    add_items(fr, items, out);
    return mk_list(std::move(out));
  }
};
struct TupleDisplay : ENode {
  std::vector<SeqItem> items;
  Value eval(Frame& fr) override {
    ValueVec out;
    out.reserve(items.size());
    add_items(fr, items, out);
    return mk_tuple(std::move(out));
  }
};
struct SetDisplay : ENode {
  std::vector<SeqItem> items;
  Value folded;  // all items constant (and more than 2): CPython's frozenset constant
  Value eval(Frame& fr) override {
    if (folded.is_obj()) {
      Value s = mk_set();
      s.as<SetObj>()->merge(folded.as<SetObj>());
      return s;
    }
    ValueVec out;
    add_items(fr, items, out);
    Value s = mk_set();
    ML_GUARD(for (auto& x : out) s.as<SetObj>()->add(x));
    return s;
  }
  // CPython compiles {c1, c2, c3, ...} to BUILD_SET + SET_UPDATE of a frozenset constant, which
  // the compiler's constant merging rebuilds once from its own iteration order; the set then
  // iterates in that frozenset's order. Emulated so set literals print like CPython's.
  void fold() {
    if (items.size() <= 2) return;
    ValueVec vals;
    for (auto& it : items) {
      auto* c = dynamic_cast<Const*>(it.e.get());
      if (it.star || !c) return;
      vals.push_back(c->v);
    }
    Value fs1 = mk_set(true);
    for (auto& v : vals) fs1.as<SetObj>()->add(v);
    Value fs2 = mk_set(true);
    fs1.as<SetObj>()->for_each_h([&](const Value& k, int64_t h) { fs2.as<SetObj>()->add_h(k, h); });
    folded = fs2;
  }
};
struct DictDisplay : ENode {
  std::vector<std::pair<EP, EP>> items;  // key null => spread
  Value eval(Frame& fr) override {
    Value d = mk_dict();
    auto* dd = d.as<DictObj>();
    for (auto& [k, v] : items) {
      if (!k) {
        Value m = v->eval(fr);
        if (m.is(OK::Dict)) {
          m.as<DictObj>()->for_each([&](const Value& kk, const Value& vv) { dd->set(kk, vv); });
        } else {
          ML_GUARD({
            Value keys = call0(getattr(m, "keys"));
            for_each(keys, [&](const Value& kk) { dd->set(kk, getitem(m, kk)); });
          });
        }
        continue;
      }
      Value kv = k->eval(fr);
      Value vv = v->eval(fr);
      ML_GUARD(dd->set(kv, std::move(vv)));
    }
    return d;
  }
};

// ================================================================ f-strings
struct FStringNode : ENode {
  std::vector<EP> parts;
  Value eval(Frame& fr) override {
    std::string out;
    for (auto& p : parts) {
      Value v = p->eval(fr);
      out += str_of(v);
    }
    return mk_str(std::move(out));
  }
};
struct FormattedNode : ENode {
  EP value, spec;
  char conv = 0;
  Value eval(Frame& fr) override {
    Value v = value->eval(fr);
    ML_GUARD({
      if (conv == 'r') v = mk_str(repr(v));
      else if (conv == 's') v = mk_str(to_str(v));
      else if (conv == 'a') v = mk_str(repr(v));
      std::string sp = spec ? str_of(spec->eval(fr)) : std::string();
      return format_value(v, sp);
    });
  }
};

// ================================================================ calls
struct CallArg { EP e; Arg::Kind kind; Value name; };

static void build_args(Frame& fr, const std::vector<CallArg>& args, ValueVec& pos, KwArgs& kw, Loc loc) {
  for (auto& a : args) {
    Value v = a.e->eval(fr);
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

template <int N>
struct CallN : ENode {
  EP func;
  EP args[N > 0 ? N : 1];
  Value eval(Frame& fr) override {
    Value f = func->eval(fr);
    Value buf[N > 0 ? N : 1];
    for (int i = 0; i < N; ++i) buf[i] = args[i]->eval(fr);
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
  EP obj;
  AttrSite site;
  std::vector<CallArg> args;
  bool simple = true;
  Value eval(Frame& fr) override { return call_on(fr, obj->eval(fr)); }
  bool eval_soft(Frame& fr, Value& out, Value& exc) override {
    Value o;
    if (!obj->eval_soft(fr, o, exc)) return false;
    out = call_on(fr, std::move(o));
    return true;
  }
  [[gnu::always_inline]] Value call_on(Frame& fr, Value o) {
    Value f;
    bool self_needed;
    ML_GUARD(attr_method(site, o, f, self_needed));
    if (simple && args.size() < 7) {
      Value buf[8];
      int n = 0;
      if (self_needed) buf[n++] = o;
      for (auto& a : args) buf[n++] = a.e->eval(fr);
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
    if (!owner) ML_GUARD(raise("RuntimeError", "super(): no arguments"));
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

// ================================================================ the compiler (expressions)
static bool is_canonical(const LanguagePack* pack, const std::string& name, const char* canon) {
  if (name == canon) return true;
  if (!pack) return false;
  auto it = pack->builtins.find(name);
  return it != pack->builtins.end() && it->second == canon;
}

NameRef Compiler::resolve(const std::string& name) {
  NameRef r;
  Scope* s = scope;
  if (s->kind == Scope::Module) { r.kind = NameRef::Global; return r; }
  auto it = s->syms.find(name);
  if (s->kind == Scope::Class) {
    bool bound = it != s->syms.end() && it->second.bound;
    int fi = s->free_index(name);
    if (!bound && fi >= 0) { r.kind = NameRef::ClassFree; r.idx = fi; return r; }
    r.kind = NameRef::ClassNS;
    return r;
  }
  if (it == s->syms.end()) { r.kind = NameRef::Global; return r; }
  const Sym& y = it->second;
  if (y.global) { r.kind = NameRef::Global; return r; }
  if (y.free) { r.kind = NameRef::Free; r.idx = s->free_index(name); return r; }
  if (y.bound || y.param) {
    auto si = slots.find(name);
    r.idx = si->second;
    r.kind = y.cell ? NameRef::Cell : NameRef::Local;
    return r;
  }
  r.kind = NameRef::Global;
  return r;
}

EP Compiler::load_name(const std::string& name, Loc loc) {
  NameRef r = resolve(name);
  ENode* n = nullptr;
  switch (r.kind) {
    case NameRef::Local: { auto* k = new LoadLocal(); k->slot = r.idx; k->name = name; n = k; break; }
    case NameRef::Cell: { auto* k = new LoadCell(); k->slot = r.idx; k->name = name; n = k; break; }
    case NameRef::Free: { auto* k = new LoadFree(); k->idx = r.idx; k->name = name; n = k; break; }
    case NameRef::Global: { auto* k = new LoadGlobal(); k->name = name; k->h = sv_hash(name); n = k; break; }
    case NameRef::ClassNS: { auto* k = new LoadClassNS(); k->name = name; k->h = sv_hash(name); n = k; break; }
    case NameRef::ClassFree: { auto* k = new LoadClassFree(); k->name = name; k->h = sv_hash(name); k->idx = r.idx; n = k; break; }
  }
  n->loc = loc;
  return EP(n);
}

TP Compiler::store_name(const std::string& name, Loc loc) {
  NameRef r = resolve(name);
  TNode* n = nullptr;
  switch (r.kind) {
    case NameRef::Local: { auto* k = new StoreLocal(); k->slot = r.idx; k->name = name; n = k; break; }
    case NameRef::Cell: { auto* k = new StoreCell(); k->slot = r.idx; k->name = name; n = k; break; }
    case NameRef::Free: { auto* k = new StoreFree(); k->idx = r.idx; n = k; break; }
    case NameRef::Global: { auto* k = new StoreGlobal(); k->name = name; k->key = str_key(name); n = k; break; }
    case NameRef::ClassNS: case NameRef::ClassFree: { auto* k = new StoreClassNS(); k->name = name; k->key = str_key(name); n = k; break; }
  }
  n->loc = loc;
  return TP(n);
}

TP Compiler::target(const Expr& e) {
  switch (e.kind) {
    case ExprKind::Name: return store_name(e.name, e.loc);
    case ExprKind::Attribute: {
      auto* k = new StoreAttr();
      k->loc = e.loc;
      k->obj = expr(*e.a);
      k->site.init(e.name);
      return TP(k);
    }
    case ExprKind::Subscript: {
      if (e.b->kind == ExprKind::Slice) {
        auto* k = new StoreSlice();
        k->loc = e.loc;
        k->obj = expr(*e.a);
        k->parts = slice_parts(*e.b);
        return TP(k);
      }
      auto* k = new StoreSub();
      k->loc = e.loc;
      k->obj = expr(*e.a);
      k->idx = expr(*e.b);
      return TP(k);
    }
    case ExprKind::Tuple: case ExprKind::List: {
      auto* k = new StoreUnpack();
      k->loc = e.loc;
      for (size_t i = 0; i < e.items.size(); ++i) {
        const Expr& x = *e.items[i];
        if (x.kind == ExprKind::Starred) {
          k->star = (int)i;
          k->targets.push_back(target(*x.a));
        } else {
          k->targets.push_back(target(x));
        }
      }
      k->prepare();
      return TP(k);
    }
    case ExprKind::Starred: return target(*e.a);
    default: break;
  }
  throw_syntax("cannot assign to expression", e.loc);
}

void Compiler::throw_syntax(const std::string& m, Loc loc) {
  Value ex = make_exception(I->e("SyntaxError"), ValueVec{mk_str(m)});
  ex.as<InstObj>()->loc = loc;
  ex.as<InstObj>()->loc_set = true;
  ex.as<InstObj>()->src = unit->src.get();
  throw PyError(ex);
}

std::vector<SeqItem> Compiler::seq_items(const std::vector<ExprP>& items) {
  std::vector<SeqItem> out;
  for (auto& x : items) {
    SeqItem si;
    if (x->kind == ExprKind::Starred) { si.star = true; si.e = expr(*x->a); }
    else si.e = expr(*x);
    out.push_back(std::move(si));
  }
  return out;
}

static Value int_literal(const Expr& e) {
  if (e.int_fits) return Value::integer(e.ival);
  return parse_int_unlimited(e.str, 10);  // the lexer checked the digits of decimal literals
}

SliceParts Compiler::slice_parts(const Expr& e) {
  SliceParts p;
  if (e.a) p.a = expr(*e.a);
  if (e.b) p.b = expr(*e.b);
  if (e.c) p.c = expr(*e.c);
  return p;
}

EP Compiler::expr(const Expr& e) {
  EP n = expr_inner(e);
  if (n && n->loc.line == 0) n->loc = e.loc;
  return n;
}

EP Compiler::expr_inner(const Expr& e) {
  switch (e.kind) {
    case ExprKind::Name: return load_name(e.name, e.loc);
    case ExprKind::Int: return EP(new Const(int_literal(e)));
    case ExprKind::Float: return EP(new Const(Value::flt(e.num)));
    case ExprKind::Str: return EP(new Const(mk_str(e.str)));
    case ExprKind::Bytes: return EP(new Const(mk_bytes(e.str)));
    case ExprKind::True: return EP(new Const(Value::boolean(true)));
    case ExprKind::False: return EP(new Const(Value::boolean(false)));
    case ExprKind::None: return EP(new Const(Value()));
    case ExprKind::Ellipsis: return EP(new Const(I->ellipsis));
    case ExprKind::FString: {
      auto* k = new FStringNode();
      for (auto& p : e.items) {
        if (p->kind == ExprKind::Str) k->parts.push_back(EP(new Const(mk_str(p->str))));
        else k->parts.push_back(expr(*p));
      }
      return EP(k);
    }
    case ExprKind::FormattedValue: {
      auto* k = new FormattedNode();
      k->loc = e.loc;
      k->value = expr(*e.a);
      k->conv = e.conv;
      if (e.b) k->spec = expr(*e.b);
      return EP(k);
    }
    case ExprKind::BinOp: {
      EP n = make_binnode(e.bin, expr(*e.a), expr(*e.b));
      n->loc = e.a->loc.line ? e.a->loc : e.loc;  // like CPython: the expression's start
      return n;
    }
    case ExprKind::UnaryOp: {
      if (e.un == UnaryOp::Neg && e.a->kind == ExprKind::Int) {
        Value v = int_literal(*e.a);
        return EP(new Const(unary(UnaryOp::Neg, v)));
      }
      if (e.un == UnaryOp::Neg && e.a->kind == ExprKind::Float) return EP(new Const(Value::flt(-e.a->num)));
      auto* k = new UnaryNode();
      k->op = e.un;
      k->a = expr(*e.a);
      return EP(k);
    }
    case ExprKind::BoolOp: {
      auto* k = new BoolNode();
      k->is_and = e.boolop == BoolOpKind::And;
      for (auto& x : e.items) k->items.push_back(expr(*x));
      return EP(k);
    }
    case ExprKind::Compare: {
      if (e.cmps.size() == 1) {
        EP n = make_cmpnode(e.cmps[0], expr(*e.a), expr(*e.items[0]));
        n->loc = e.loc;
        return n;
      }
      auto* k = new ChainCmp();
      k->first = expr(*e.a);
      k->ops = e.cmps;
      for (auto& x : e.items) k->rest.push_back(expr(*x));
      return EP(k);
    }
    case ExprKind::IfExp: {
      auto* k = new IfExpNode();
      k->body = expr(*e.a);
      k->test = expr(*e.b);
      k->orelse = expr(*e.c);
      return EP(k);
    }
    case ExprKind::NamedExpr: {
      auto* k = new NamedExprNode();
      k->value = expr(*e.a);
      k->target = store_name(e.name, e.loc);
      return EP(k);
    }
    case ExprKind::Lambda: {
      auto mk = function(&e, "<lambda>", e.params.get(), nullptr, e.a.get(), false, e.loc);
      return EP(mk.release());
    }
    case ExprKind::Call: return call(e);
    case ExprKind::Attribute: {
      auto* k = new AttrNode();
      k->obj = expr(*e.a);
      k->site.init(e.name);
      return EP(k);
    }
    case ExprKind::Subscript: {
      if (e.b->kind == ExprKind::Slice) {
        auto* k = new SliceSubNode();
        k->obj = expr(*e.a);
        k->parts = slice_parts(*e.b);
        return EP(k);
      }
      auto* k = new SubNode();
      k->obj = expr(*e.a);
      k->idx = expr(*e.b);
      k->pure_idx = dynamic_cast<LoadLocal*>(k->idx.get()) || dynamic_cast<Const*>(k->idx.get());
      return EP(k);
    }
    case ExprKind::Slice: {
      auto* k = new SliceNode();
      if (e.a) k->a = expr(*e.a);
      if (e.b) k->b = expr(*e.b);
      if (e.c) k->c = expr(*e.c);
      return EP(k);
    }
    case ExprKind::Starred: throw_syntax("can't use starred expression here", e.loc);
    case ExprKind::DoubleStarred: throw_syntax("can't use double starred expression here", e.loc);
    case ExprKind::List: { auto* k = new ListDisplay(); k->items = seq_items(e.items); return EP(k); }
    case ExprKind::Tuple: {
      bool all_const = true;
      for (auto& x : e.items) {
        auto k = x->kind;
        if (!(k == ExprKind::Int || k == ExprKind::Str || k == ExprKind::Float || k == ExprKind::None || k == ExprKind::True || k == ExprKind::False)) all_const = false;
      }
      auto* k = new TupleDisplay();
      k->items = seq_items(e.items);
      if (all_const) {
        Frame dummy;
        Value v = k->eval(dummy);
        delete k;
        return EP(new Const(v));
      }
      return EP(k);
    }
    case ExprKind::Set: {
      auto* k = new SetDisplay();
      k->items = seq_items(e.items);
      try { k->fold(); } catch (PyError&) { k->folded = Value(); }  // unhashable: raise at run time
      return EP(k);
    }
    case ExprKind::Dict: {
      auto* k = new DictDisplay();
      for (size_t i = 0; i < e.items.size(); ++i) {
        if (!e.items[i]) k->items.emplace_back(nullptr, expr(e.values[i]->kind == ExprKind::DoubleStarred ? *e.values[i]->a : *e.values[i]));
        else k->items.emplace_back(expr(*e.items[i]), expr(*e.values[i]));
      }
      return EP(k);
    }
    case ExprKind::ListComp: case ExprKind::SetComp: case ExprKind::DictComp: case ExprKind::GeneratorExp:
      return comprehension(e);
    case ExprKind::Await: { auto* k = new AwaitNode(); k->a = expr(*e.a); return EP(k); }
    case ExprKind::Yield: { auto* k = new YieldNode(); if (e.a) k->a = expr(*e.a); return EP(k); }
    case ExprKind::YieldFrom: { auto* k = new YieldFromNode(); k->a = expr(*e.a); return EP(k); }
  }
  throw_syntax("unsupported expression", e.loc);
}

EP Compiler::call(const Expr& e) {
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
    k->obj = expr(*e.a->a);
    k->site.init(e.a->name);
    k->simple = simple;
    for (auto& a : e.args) k->args.push_back(CallArg{expr(*a.value), a.kind, a.kind == Arg::Keyword ? mk_str(a.name) : Value()});
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
    k->func = std::move(f);
    k->args[0] = std::move(a);
    return EP(k);
  }
  if (simple && e.args.size() <= 4) {
    EP f = expr(*e.a);
    switch (e.args.size()) {
#define CASE(N) case N: { auto* k = new CallN<N>(); k->func = std::move(f); for (int i = 0; i < N; ++i) k->args[i] = expr(*e.args[i].value); return EP(k); }
      CASE(0) CASE(1) CASE(2) CASE(3) CASE(4)
#undef CASE
    }
  }
  auto* k = new CallGeneric();
  k->func = expr(*e.a);
  for (auto& a : e.args) k->args.push_back(CallArg{expr(*a.value), a.kind, a.kind == Arg::Keyword ? mk_str(a.name) : Value()});
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
      else if (seen_default) throw_syntax("non-default argument follows default argument", p->loc);
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

  auto blk = std::make_unique<Block>();
  if (body) {
    if (!body->empty() && (*body)[0]->kind == StmtKind::Expr && (*body)[0]->value && (*body)[0]->value->kind == ExprKind::Str)
      c->doc = mk_str((*body)[0]->value->str);
    for (auto& s : *body) blk->stmts.push_back(sub.stmt(*s));
  } else if (lambda_body) {
    blk->stmts.push_back(sub.return_stmt(sub.expr(*lambda_body), lambda_body->loc));
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
    : unit(parent.unit), tables(parent.tables), pack(parent.pack), scope(s), code(c), repl(false) {}

}  // namespace ml::interp
