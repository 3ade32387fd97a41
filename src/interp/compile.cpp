// AST -> evaluation nodes: operators, attributes, subscripts and slices, assignment targets,
// displays and f-strings, and the compiler's expression switch. Names are compiled in
// compile_names.cpp, calls and functions in compile_calls.cpp, statements in stmts.cpp.
#include <cmath>

#include "interp/attrcache.h"
#include "interp/compile_impl.h"
#include "interp/int_str_limit.h"
#include "lang/pack.h"

namespace ml::interp {

using namespace ast;

void TNode::del(Frame&) { raise_id("SyntaxError", "runtime.cannot_delete_target"); }

// ================================================================ operators
// What a binary operator does once its operands are known: ints and floats inline, the rest
// through the generic protocol.
template <BinOp OP>
[[gnu::always_inline]] static inline Value bin_apply(const Value& x, const Value& y, Loc loc) {
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

template <BinOp OP>
struct BinNode : ENode {
  Operand a, b;
  Value eval(Frame& fr) override {
    Value xt, yt;
    const Value& x = a.get_left(fr, xt, b);
    const Value& y = b.get(fr, yt);
    return bin_apply<OP>(x, y, loc);
  }
};

// Operands known at compile time to be a local variable or a constant: the specialized
// operator nodes below read them without testing which kind they are.
struct LocalOperand {
  int slot;
  EP e;  // the LoadLocal, which raises the UnboundLocalError
  // (No temporary: an unbound local never gives a value, its LoadLocal raises, so the node's
  // result does not depend on a value that would need destroying afterwards.)
  [[gnu::always_inline]] const Value& get(Frame& fr, Value&) {
    const Value& v = fr.slots[slot];
    if (__builtin_expect(v.t == VT::Undef, 0)) unbound(fr);
    return v;
  }
  [[noreturn, gnu::noinline, gnu::cold]] void unbound(Frame& fr) {
    e->eval(fr);
    __builtin_unreachable();
  }
};
struct ConstOperand {
  Value k;
  [[gnu::always_inline]] const Value& get(Frame&, Value&) { return k; }
};

// Both operands computed (calls, attributes, subscripts: `f(n - 1) + f(n - 2)`): evaluated in
// order into values, without asking each time whether they could be read in place.
template <BinOp OP>
struct BinNodeEE : ENode {
  EP a, b;
  Value eval(Frame& fr) override {
    Value x = a->eval(fr);
    Value y = b->eval(fr);
    return bin_apply<OP>(x, y, loc);
  }
};

template <BinOp OP, class A, class B>
struct BinNodeKN : ENode {
  A a;
  B b;
  Value eval(Frame& fr) override {
    Value xt, yt;
    const Value& x = a.get(fr, xt);
    const Value& y = b.get(fr, yt);
    return bin_apply<OP>(x, y, loc);
  }
};

// The six orderings and equalities of two C++ numbers (IEEE's for floats: NaN compares unequal,
// false otherwise, as in Python).
template <CmpOp OP>
constexpr bool kPlainCmp = OP == CmpOp::Lt || OP == CmpOp::LtE || OP == CmpOp::Gt || OP == CmpOp::GtE ||
                           OP == CmpOp::Eq || OP == CmpOp::NotEq;
template <CmpOp OP, class T>
[[gnu::always_inline]] static inline bool plain_cmp(T a, T b) {
  if constexpr (OP == CmpOp::Lt) return a < b;
  else if constexpr (OP == CmpOp::LtE) return a <= b;
  else if constexpr (OP == CmpOp::Gt) return a > b;
  else if constexpr (OP == CmpOp::GtE) return a >= b;
  else if constexpr (OP == CmpOp::Eq) return a == b;
  else return a != b;
}

// The comparison of two known operands; `Truth`: the result as a C++ bool (for an if or a
// while test), else as a Python value.
template <CmpOp OP>
[[gnu::always_inline]] static inline bool cmp_fast(const Value& x, const Value& y, bool& r) {
  if constexpr (kPlainCmp<OP>) {
    if (x.t == VT::Int && y.t == VT::Int) { r = plain_cmp<OP>(x.i, y.i); return true; }
    if (x.t == VT::Float && y.t == VT::Float) { r = plain_cmp<OP>(x.f, y.f); return true; }
  }
  return false;
}
// `x in c` for a dict, set or frozenset of the builtin types (no __contains__ of a subclass) and
// an x that is not a set (looked up as a frozenset): what contains() would do, without its
// dispatch through compare().
template <CmpOp OP>
[[gnu::always_inline]] static inline bool in_fast(const Value& x, const Value& c, bool& r) {
  if constexpr (OP == CmpOp::In || OP == CmpOp::NotIn) {
    if (c.t != VT::Obj || !c.o->type->builtin || x.is(OK::Set)) return false;
    bool found;
    if (c.o->kind == OK::Dict) found = c.as<DictObj>()->find(x) != nullptr;
    else if (c.o->kind == OK::Set || c.o->kind == OK::FrozenSet) found = c.as<SetObj>()->contains(x);
    else return false;
    r = OP == CmpOp::In ? found : !found;
    return true;
  }
  return false;
}
template <CmpOp OP>
[[gnu::always_inline]] static inline Value cmp_apply(const Value& x, const Value& y, Loc loc) {
  if constexpr (OP == CmpOp::Is) return Value::boolean(x.same(y));
  else if constexpr (OP == CmpOp::IsNot) return Value::boolean(!x.same(y));
  bool r;
  if (cmp_fast<OP>(x, y, r)) return Value::boolean(r);
  ML_GUARD(if (in_fast<OP>(x, y, r)) return Value::boolean(r); return compare(OP, x, y));
}
template <CmpOp OP>
[[gnu::always_inline]] static inline bool cmp_truth(const Value& x, const Value& y, Loc loc) {
  if constexpr (OP == CmpOp::Is) return x.same(y);
  else if constexpr (OP == CmpOp::IsNot) return !x.same(y);
  bool r;
  if (cmp_fast<OP>(x, y, r)) return r;
  Value v;
  ML_GUARD(if (in_fast<OP>(x, y, r)) return r; v = compare(OP, x, y));
  if (v.t == VT::Bool) return v.b;
  return truthy(v);  // located as the statement's test, as when the value is tested there
}

template <CmpOp OP>
struct CmpNode : ENode, TruthNode {
  Operand a, b;
  Value eval(Frame& fr) override {
    Value xt, yt;
    const Value& x = a.get_left(fr, xt, b);
    const Value& y = b.get(fr, yt);
    return cmp_apply<OP>(x, y, loc);
  }
  bool truth(Frame& fr) override {
    Value xt, yt;
    const Value& x = a.get_left(fr, xt, b);
    const Value& y = b.get(fr, yt);
    return cmp_truth<OP>(x, y, loc);
  }
};

template <CmpOp OP, class A, class B>
struct CmpNodeKN : ENode, TruthNode {
  A a;
  B b;
  Value eval(Frame& fr) override {
    Value xt, yt;
    const Value& x = a.get(fr, xt);
    const Value& y = b.get(fr, yt);
    return cmp_apply<OP>(x, y, loc);
  }
  bool truth(Frame& fr) override {
    Value xt, yt;
    const Value& x = a.get(fr, xt);
    const Value& y = b.get(fr, yt);
    return cmp_truth<OP>(x, y, loc);
  }
};

// The node for `a OP b` where a is a local and b a local or a constant (the common shapes
// of loop tests and counters: `i < n`, `n - 1`, `x * y`), or null.
template <template <auto, class, class> class Node, auto OP>
static ENode* make_known(EP& a, EP& b) {
  auto* l = dynamic_cast<LoadLocal*>(a.get());
  if (!l) return nullptr;
  if (auto* r = dynamic_cast<LoadLocal*>(b.get())) {
    auto* k = new Node<OP, LocalOperand, LocalOperand>();
    k->a.slot = l->slot;
    k->a.e = std::move(a);
    k->b.slot = r->slot;
    k->b.e = std::move(b);
    return k;
  }
  if (auto* c = dynamic_cast<Const*>(b.get())) {
    auto* k = new Node<OP, LocalOperand, ConstOperand>();
    k->a.slot = l->slot;
    k->a.e = std::move(a);
    k->b.k = c->v;
    return k;
  }
  return nullptr;
}
template <auto OP, class A, class B> using BinKN = BinNodeKN<OP, A, B>;

bool local_plus_int(const ENode* e, int& slot, int64_t& k) {
  constexpr int64_t kSmall = int64_t(1) << 40;  // negating it cannot overflow
  if (auto* n = dynamic_cast<const BinNodeKN<BinOp::Add, LocalOperand, ConstOperand>*>(e)) {
    if (n->b.k.t != VT::Int || n->b.k.i <= -kSmall || n->b.k.i >= kSmall) return false;
    slot = n->a.slot;
    k = n->b.k.i;
    return true;
  }
  if (auto* n = dynamic_cast<const BinNodeKN<BinOp::Sub, LocalOperand, ConstOperand>*>(e)) {
    if (n->b.k.t != VT::Int || n->b.k.i <= -kSmall || n->b.k.i >= kSmall) return false;
    slot = n->a.slot;
    k = -n->b.k.i;
    return true;
  }
  return false;
}
template <auto OP, class A, class B> using CmpKN = CmpNodeKN<OP, A, B>;

static EP make_binnode(BinOp op, EP a, EP b) {
  ENode* n = nullptr;
  switch (op) {
    case BinOp::Add: n = make_known<BinKN, BinOp::Add>(a, b); break;
    case BinOp::Sub: n = make_known<BinKN, BinOp::Sub>(a, b); break;
    case BinOp::Mul: n = make_known<BinKN, BinOp::Mul>(a, b); break;
    default: break;
  }
  if (n) return EP(n);
  auto in_place = [](const EP& x) { return dynamic_cast<LoadLocal*>(x.get()) || dynamic_cast<Const*>(x.get()); };
  if (!in_place(a) && !in_place(b)) {
    switch (op) {
#define CASE(O) case BinOp::O: { auto* k = new BinNodeEE<BinOp::O>(); k->a = std::move(a); k->b = std::move(b); return EP(k); }
      CASE(Add) CASE(Sub) CASE(Mul) CASE(Div) CASE(FloorDiv) CASE(Mod) CASE(Pow) CASE(MatMul) CASE(LShift)
      CASE(RShift) CASE(BitAnd) CASE(BitOr) CASE(BitXor)
#undef CASE
      default: break;
    }
  }
  switch (op) {
#define CASE(O) case BinOp::O: { auto* k = new BinNode<BinOp::O>(); k->a.set(std::move(a)); k->b.set(std::move(b)); n = k; break; }
    CASE(Add) CASE(Sub) CASE(Mul) CASE(Div) CASE(FloorDiv) CASE(Mod) CASE(Pow) CASE(MatMul) CASE(LShift)
    CASE(RShift) CASE(BitAnd) CASE(BitOr) CASE(BitXor)
#undef CASE
    default: n = nullptr;
  }
  return EP(n);
}

static EP make_cmpnode(CmpOp op, EP a, EP b) {
  ENode* n = nullptr;
  switch (op) {
#define CASE(O) case CmpOp::O: n = make_known<CmpKN, CmpOp::O>(a, b); break;
    CASE(Eq) CASE(NotEq) CASE(Lt) CASE(LtE) CASE(Gt) CASE(GtE)
#undef CASE
    default: break;
  }
  if (n) return EP(n);
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

// `not a`, as a value or as a test.
struct NotNode : ENode, TruthNode {
  Test a;
  Value eval(Frame& fr) override { return Value::boolean(!a(fr)); }
  bool truth(Frame& fr) override { return !a(fr); }
};

// `a and b`, `a or b`. As a test (an if's, a while's), each operand's truth is taken once, as
// CPython's jumps take it; as a value, the operand that decided.
struct BoolNode : ENode, TruthNode {
  bool is_and;
  std::vector<EP> items;
  std::vector<TruthNode*> truths;  // items[i] as a TruthNode, or null
  Value eval(Frame& fr) override {
    Value v;
    for (size_t i = 0; i < items.size(); ++i) {
      v = items[i]->eval(fr);
      bool t = test_truth(v);
      if (is_and ? !t : t) return v;
    }
    return v;
  }
  bool truth(Frame& fr) override {
    for (size_t i = 0; i < items.size(); ++i) {
      bool t = truths[i] ? truths[i]->truth(fr) : test_truth(items[i]->eval(fr));
      if (is_and ? !t : t) return t;
    }
    return is_and;
  }
};

struct IfExpNode : ENode {
  Test test;
  EP body, orelse;
  Value eval(Frame& fr) override { return test(fr) ? body->eval(fr) : orelse->eval(fr); }
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
  Operand obj;  // `self.x`: self read in place
  AttrSite site;
  Value eval(Frame& fr) override {
    Value tmp;
    const Value& o = obj.get(fr, tmp);
    ML_GUARD(return attr_load(site, o));
  }
  // A missing attribute comes back as the AttributeError getattr would raise.
  bool eval_soft(Frame& fr, Value& out, Value& exc) override {
    Value o;
    if (!obj.e->eval_soft(fr, o, exc)) return false;
    bool found;
    ML_GUARD(found = attr_load_opt(site, o, out));
    if (found) return true;
    exc = attribute_error(o, site.name);
    annotate_soft(exc, loc);
    return false;
  }
};
struct StoreAttr : TNode {
  Operand obj;  // `self.x = v`: self read in place
  AttrSite site;
  void store(Frame& fr, Value v) override {
    Value tmp;
    const Value& o = obj.get(fr, tmp);
    ML_GUARD(attr_store(site, o, std::move(v)));
  }
  void del(Frame& fr) override {
    Value o = obj.e->eval(fr);
    ML_GUARD(delattr(o, site.name));
  }
};

// The items of a plain list or tuple (a subclass may override []), or null.
static inline const ValueVec* plain_seq(const Value& o) {
  if (o.t != VT::Obj) return nullptr;
  if (o.o->kind == OK::List && o.o->type == I->t_list) return &o.as<ListObj>()->v;
  if (o.o->kind == OK::Tuple && o.o->type == I->t_tuple) return &o.as<TupleObj>()->v;
  return nullptr;
}

struct SubNode : ENode {
  EP obj, idx;
  bool pure_idx = false;  // idx is a local or a constant: may be evaluated twice
  const Value* ref(Frame& fr) override {
    if (!pure_idx) return nullptr;
    const Value* o = obj->ref(fr);
    const ValueVec* v = o ? plain_seq(*o) : nullptr;
    if (!v) return nullptr;
    Value k = idx->eval(fr);
    if (k.t != VT::Int) return nullptr;
    int64_t i = k.i;
    if (i < 0) i += (int64_t)v->size();
    return (uint64_t)i < v->size() ? &(*v)[i] : nullptr;
  }
  Value eval(Frame& fr) override {
    if (pure_idx) {
      if (const Value* p = ref(fr)) return *p;
    }
    Value o = obj->eval(fr);
    Value k = idx->eval(fr);
    if (const ValueVec* v = plain_seq(o); v && k.t == VT::Int) {
      int64_t i = k.i;
      if (i < 0) i += (int64_t)v->size();
      if ((uint64_t)i < v->size()) return (*v)[i];
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
    if (o.is(OK::List) && k.t == VT::Int && o.o->type == I->t_list) {
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
void StoreUnpack::prepare() {
  if (star >= 0 || targets.size() > kLocal) return;
  std::vector<int> s;
  for (auto& t : targets) {
    auto* l = dynamic_cast<StoreLocal*>(t.get());
    if (!l) return;
    s.push_back(l->slot);
  }
  first_slot = s[0];
  for (size_t i = 1; i < s.size(); ++i)
    if (s[i] != s[0] + (int)i) first_slot = -1;
  local_slots = std::move(s);
}

void StoreUnpack::store_locals_refs(Frame& fr, const Value* src, size_t from) {
  // All items are taken (referenced) before any variable is rebound: dropping a variable's
  // old value may run code (a generator's finally) that changes a list. Written out rather
  // than as Value assignments: the out-of-line copy-assignment cost 7% of unpack_sequence.
  size_t nl = local_slots.size();
  Value* slots = fr.slots;
  const int* ls = local_slots.data();
  Object* old[kLocal];
  size_t nold = 0;
  for (size_t i = from; i < nl; ++i) {
    const Value& x = src[i];
    if (x.t == VT::Obj) incref(x.o);
    Value& d = slots[ls[i]];
    if (d.t == VT::Obj) old[nold++] = d.o;
    d.t = x.t;
    d.i = x.i;
  }
  for (size_t i = 0; i < nold; ++i) decref(old[i]);
}

void StoreUnpack::store(Frame& fr, Value v) {
  if (store_locals(fr, v)) return;
  ValueVec tmp;
  const ValueVec* items;
  if (v.is(OK::Tuple) && v.o->type == I->t_tuple) items = &v.as<TupleObj>()->v;
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

void StoreUnpack::del(Frame& fr) {
  for (auto& t : targets) t->del(fr);
}

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
      else if (conv == 'a') v = call1(*I->builtins->find(str_key("ascii")), v);
      std::string sp = spec ? str_of(spec->eval(fr)) : std::string();
      return format_value(v, sp);
    });
  }
};

TP Compiler::target(const Expr& e) {
  switch (e.kind) {
    case ExprKind::Name: return store_name(e.name, e.loc);
    case ExprKind::Attribute: {
      auto* k = new StoreAttr();
      k->loc = e.loc;
      k->obj.set(expr(*e.a));
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
  throw_syntax(msg("syntax.assign_expression"), e.loc);
}

void Compiler::throw_syntax(const std::string& m, Loc loc) {
  Value ex = make_exception(I->e("SyntaxError"), ValueVec{mk_str(m)});
  ex.as<InstObj>()->ex().loc = loc;
  ex.as<InstObj>()->ex().loc_set = true;
  ex.as<InstObj>()->ex().src = unit->src.get();
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

// An imaginary literal: complex is written in the language (stdlib/_complex.py).
static Value imaginary(double im) {
  Value cls = getattr(import_module("_complex"), "complex");
  Value args[2] = {Value::flt(0.0), Value::flt(im)};
  return call(cls, args, 2);
}

EP Compiler::expr_inner(const Expr& e) {
  switch (e.kind) {
    case ExprKind::Name: return load_name(e.name, e.loc);
    case ExprKind::Int: return EP(new Const(int_literal(e)));
    case ExprKind::Float: return EP(new Const(Value::flt(e.num)));
    case ExprKind::Imag: return EP(new Const(imaginary(e.num)));
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
      if (e.un == UnaryOp::Not) {
        auto* k = new NotNode();
        k->a.set(expr(*e.a));
        return EP(k);
      }
      auto* k = new UnaryNode();
      k->op = e.un;
      k->a = expr(*e.a);
      return EP(k);
    }
    case ExprKind::BoolOp: {
      auto* k = new BoolNode();
      k->is_and = e.boolop == BoolOpKind::And;
      for (auto& x : e.items) {
        k->items.push_back(expr(*x));
        k->truths.push_back(dynamic_cast<TruthNode*>(k->items.back().get()));
      }
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
      k->test.set(expr(*e.b));
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
      k->obj.set(expr(*e.a));
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
    case ExprKind::Starred: throw_syntax(msg("syntax.starred_here"), e.loc);
    case ExprKind::DoubleStarred: throw_syntax(msg("syntax.double_starred_here"), e.loc);
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
    case ExprKind::Await: return make_await(expr(*e.a));
    case ExprKind::Yield: return make_yield(e.a ? expr(*e.a) : nullptr);
    case ExprKind::YieldFrom: return make_yield_from(expr(*e.a));
  }
  throw_syntax(msg("syntax.unsupported_expression"), e.loc);
}

}  // namespace ml::interp
