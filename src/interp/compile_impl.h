// The compiler's internal interface (shared by compile.cpp and stmts.cpp).
#pragma once
#include <algorithm>
#include <functional>
#include <map>

#include "interp/nodes.h"
#include "interp/scope.h"

namespace ml::interp {

// Leaves that other nodes look into (an operand read in place, a pure subscript index).
struct Const : ENode {
  Value v;
  explicit Const(Value x) : v(std::move(x)) {}
  Value eval(Frame&) override { return v; }
};

// A node that can give its value's truth as a C++ bool without making the value (a comparison
// tested by an if or a while).
struct TruthNode {
  virtual ~TruthNode() = default;
  virtual bool truth(Frame& fr) = 0;
};

// The truth of a test's value: bools, None and ints inline, the rest through truthy().
[[gnu::always_inline]] inline bool test_truth(const Value& v) {
  if (v.t == VT::Bool) return v.b;
  if (v.t == VT::None) return false;
  if (v.t == VT::Int) return v.i != 0;
  return truthy(v);
}

// The truth of a test (an if's, a while's, a `not`'s operand), without making a bool value
// where the test is a comparison.
struct Test {
  EP e;
  TruthNode* tn = nullptr;
  void set(EP x) {
    e = std::move(x);
    tn = dynamic_cast<TruthNode*>(e.get());
  }
  [[gnu::always_inline]] bool operator()(Frame& fr) {
    if (tn) return tn->truth(fr);
    return test_truth(e->eval(fr));
  }
};

[[noreturn]] void unbound_local(const std::string& name);

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
// A global name (or a builtin), read through a cache of where the last lookup found it, valid
// while neither dict gained or lost keys (a rebinding changes the value in place).
struct LoadGlobal : ENode {
  std::string name;
  int64_t h;
  DictObj *cg = nullptr, *cb = nullptr;
  uint64_t cgv = 0, cbv = 0;
  Value* cptr = nullptr;
  // The value where it lives: valid until the program next runs (it may rebind the name).
  [[gnu::always_inline]] const Value& find(Frame& fr) {
    DictObj* g = fr.globals;
    if (__builtin_expect(g == cg && g->version == cgv && (!cb || cb->version == cbv), 1)) return *cptr;
    return find_slow(fr);
  }
  const Value& find_slow(Frame& fr);  // (compile_names.cpp)
  Value eval(Frame& fr) override { return find(fr); }
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

// `a, b, *c = value` (the store itself in compile.cpp).
struct StoreUnpack : TNode {
  std::vector<TP> targets;
  int star = -1;
  // `a, b, c = seq` into plain local variables (no star, at most kLocal of them): their slots,
  // so a tuple or list of the right length is unpacked without a copy of its items vector and
  // without a virtual store per name. first_slot >= 0 when they are consecutive slots (names
  // get slots in order of first use, so they mostly are): then no slot table is read.
  static constexpr size_t kLocal = 16;
  static constexpr unsigned kObjOrUndef = 4;
  static_assert(((unsigned)VT::Obj & kObjOrUndef) && ((unsigned)VT::Undef & kObjOrUndef) &&
                !((unsigned)VT::None & kObjOrUndef) && !((unsigned)VT::Bool & kObjOrUndef) &&
                !((unsigned)VT::Int & kObjOrUndef) && !((unsigned)VT::Float & kObjOrUndef));
  std::vector<int> local_slots;
  int first_slot = -1;
  void prepare();
  void store(Frame& fr, Value v) override;
  void del(Frame& fr) override;
  // Stores the items of `v` into local_slots when `v` is a tuple or list of their number;
  // false (nothing done) otherwise. Items and old values that are not objects (ints, floats,
  // None, unbound) need no reference counting, so are copied on a loop of their own until an
  // object is met.
  [[gnu::always_inline]] bool store_locals(Frame& fr, const Value& v) {
    size_t nl = local_slots.size();
    if (!nl || v.t != VT::Obj) return false;
    const ValueVec* items;
    // (exactly a tuple or a list: a subclass may iterate its own way, with __iter__)
    if (v.o->type == I->t_tuple) items = &static_cast<TupleObj*>(v.o)->v;
    else if (v.o->type == I->t_list) items = &static_cast<ListObj*>(v.o)->v;
    else return false;
    if (items->size() != nl) return false;
    const Value* src = items->data();
    size_t i = 0;
    if (first_slot >= 0) {
      Value* d = fr.slots + first_slot;
      // Bit 2 of the tag is set for objects and unbound slots only (kObjOrUndef): one test
      // for both sides, then the 16 bytes copied as they are.
      for (; i < nl; ++i) {
        if (((unsigned)src[i].t | (unsigned)d[i].t) & kObjOrUndef) break;
        std::memcpy((void*)&d[i], (const void*)&src[i], sizeof(Value));
      }
      if (i == nl) return true;
    }
    store_locals_refs(fr, src, i);
    return true;
  }
  // The items from `from` on, with their reference counts.
  void store_locals_refs(Frame& fr, const Value* src, size_t from);
};

// An operand of a binary operator, a comparison or an attribute access: a local variable or a constant is read in
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

// Whether `e` is `local + k` or `local - k` (k a small int constant, negated for `-`), the
// node's int arithmetic then done by the caller in place (compile.cpp).
bool local_plus_int(const ENode* e, int& slot, int64_t& k);

// Whether `name` (as written in the program's language) is the builtin `canon`.
bool is_canonical(const LanguagePack* pack, const std::string& name, const char* canon);
// The nodes of `await a`, `yield a` (a may be null) and `yield from a` (compile_calls.cpp).
EP make_await(EP a);
EP make_yield(EP a);
EP make_yield_from(EP a);

struct SeqItem;
struct SliceParts;

struct NameRef {
  enum Kind { Local, Cell, Free, Global, ClassNS, ClassFree } kind = Global;
  int idx = -1;
};

struct Compiler {
  CompiledUnit* unit;
  ScopeTable& tables;
  const LanguagePack* pack;
  Scope* scope;
  FuncCode* code;  // null at module level
  bool repl;
  // Code here can suspend mid-expression (a generator's yield, a coroutine's await): calls
  // must not reserve the callee's frame before their arguments are evaluated.
  bool may_suspend = false;
  std::map<std::string, int> slots;
  int extra_slots = 0;
  std::string qualprefix;

  Compiler(CompiledUnit* u, ScopeTable& t, const LanguagePack* p, Scope* s, FuncCode* c, bool r)
      : unit(u), tables(t), pack(p), scope(s), code(c), repl(r) {}
  Compiler(Compiler& parent, Scope* s, FuncCode* c);

  NameRef resolve(const std::string& name);
  EP load_name(const std::string& name, Loc loc);
  TP store_name(const std::string& name, Loc loc);
  TP target(const ast::Expr& e);
  EP expr(const ast::Expr& e);
  EP expr_inner(const ast::Expr& e);
  EP call(const ast::Expr& e);
  EP call_inner(const ast::Expr& e);
  template <class Node>
  EP call_n(Node* k, EP f, const ast::Expr& e);  // a CallN's parts
  SliceParts slice_parts(const ast::Expr& e);
  EP comprehension(const ast::Expr& e);
  std::vector<SeqItem> seq_items(const std::vector<ast::ExprP>& items);
  std::unique_ptr<MakeFunction> function(const void* node, const std::string& name, const ast::Params* params,
                                         const ast::Body* body, const ast::Expr* lambda_body, bool is_async, Loc loc,
                                         const std::function<SP(Compiler&)>& builder = nullptr);
  int add_slot(const std::string& name);
  [[noreturn]] void throw_syntax(const std::string& m, Loc loc);

  SP stmt(const ast::Stmt& s);
  SP block(const ast::Body& b);
  SP return_stmt(EP value, Loc loc);
  SP match_stmt(const ast::Stmt& s);
  SP ann_assign_stmt(const ast::Stmt& s);
  SP aug_assign_stmt(const ast::Stmt& s);
  SP function_def_stmt(const ast::Stmt& s);
  SP class_def_stmt(const ast::Stmt& s);
  SP try_stmt(const ast::Stmt& s);
  SP with_stmt(const ast::Stmt& s);
  struct PNode;
  std::unique_ptr<PNode> pattern(const ast::Expr& e);
};

// Compiles the function body b[from..] into code->value_body when it is only ifs and returns
// (compile_value_body.cpp); false (nothing compiled) otherwise.
bool compile_value_body(Compiler& c, FuncCode* code, const ast::Body& b, size_t from);

}  // namespace ml::interp
