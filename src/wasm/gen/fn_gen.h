// Generating one function's body (FnGen): expressions, statements, calls, loops, recursion
// and SIMD, each in its own file of src/wasm/gen.
#pragma once
#include "wasm/gen/gen.h"

namespace ml::wasm::gen {

class FnGen : public Emit {
 public:
  FnGen(Gen& g, FuncSpec& s, Function& f) : Emit(g, &f), S(s) {}
  FuncSpec& S;
  struct Ctl {
    bool brk = false, cont = false, tail = false;
  };
  std::vector<Ctl> ctl;
  std::map<std::string, uint32_t> locals;
  uint32_t rem = 0;  // the call-depth local (a parameter of functions, a local of the module body)

  Function& f() { return *F; }
  Type ty(const Expr& e) const {
    auto it = S.types.find(&e);
    if (it == S.types.end()) fail("expression the typer did not see", e.loc);
    return it->second;
  }
  void open(Op o, int64_t bt = kVoidBlock, bool brk = false, bool cont = false) {
    F->block(o, bt);
    ctl.push_back({brk, cont});
  }
  void close() {
    F->op(Op::End);
    ctl.pop_back();
  }
  uint32_t label(bool brk) const {
    for (size_t i = ctl.size(); i-- > 0;)
      if (brk ? ctl[i].brk : ctl[i].cont) return static_cast<uint32_t>(ctl.size() - 1 - i);
    throw std::logic_error("no enclosing loop");
  }

  // ---- self-recursion in tail position: `return A + f(...)` inside f (ints)
  // The last call becomes another turn of a loop around the body, adding A to an
  // accumulator that every return adds in (`return v` returns acc + v). The turn takes a
  // frame of the call-depth budget like the call would, A and the arguments are evaluated
  // in Python's order, and the sums are exact or the overflow makes the interpreter run the
  // call (a different association can only overflow, never give another result).
  bool tail_mode = false;
  uint32_t acc = 0;
  struct TailForm {
    const Expr* a = nullptr;     // the other operand
    const Expr* call = nullptr;  // the self-call
    bool call_first = false;     // f(...) + A: A is evaluated after the arguments
  };
  bool is_self_call(const Expr& e) const {
    if (e.kind != ExprKind::Call) return false;
    auto ci = S.calls.find(&e);
    return ci != S.calls.end() && ci->second.kind == CallInfo::User && ci->second.callee == &S;
  }
  static bool simple(const Expr& e) {  // no calls, no subscripts, nothing that raises but overflow
    switch (e.kind) {
      case ExprKind::Name: case ExprKind::Int: case ExprKind::True: case ExprKind::False: return true;
      case ExprKind::UnaryOp: return e.un == ast::UnaryOp::Neg && simple(*e.a);
      case ExprKind::BinOp:
        return (e.bin == BinOp::Add || e.bin == BinOp::Sub || e.bin == BinOp::Mul) && simple(*e.a) && simple(*e.b);
      default: return false;
    }
  }
  std::optional<TailForm> tail_form(const Expr& v) const {
    if (v.kind != ExprKind::BinOp || v.bin != BinOp::Add || !(ty(v) == kInt)) return std::nullopt;
    auto intish = [&](const Expr& x) { Type t = ty(x); return t == kInt || t == kBool; };
    if (is_self_call(*v.b) && intish(*v.a)) return TailForm{v.a.get(), v.b.get(), false};
    if (is_self_call(*v.a) && intish(*v.b) && simple(*v.b)) return TailForm{v.b.get(), v.a.get(), true};
    return std::nullopt;
  }
  bool has_tail_return(const ast::Body& b) const {
    for (const auto& s : b) {
      if (s->kind == StmtKind::Return && s->value && S.types.count(s->value.get()) && tail_form(*s->value)) return true;
      if (has_tail_return(s->body) || has_tail_return(s->orelse)) return true;
    }
    return false;
  }
  // The arguments of a call of this same function, evaluated in order into fresh locals.
  std::vector<uint32_t> self_call_args(const Expr& call);
  void tail_return(const Stmt& s, const TailForm& tf);

  // ---- the base case of a self-recursive function, evaluated at the call site
  // `def f(n): if n < 2: return n ...`: a self-call f(a) tests the guard on a's value first
  // and takes the base value without making the call (GCC's partial inlining does this for
  // the same C++). The guard and the value are pure (parameters, literals, arithmetic,
  // comparisons), so evaluating them here is unobservable, and the callee's depth check is
  // made here too: RecursionError comes at the same depth as without it.
  struct BaseCase {
    const Expr* cond = nullptr;
    const Expr* value = nullptr;
  };
  std::optional<BaseCase> base_;
  bool base_known_ = false;
  bool pure(const Expr& e) const;
  const BaseCase* base_case();
  void self_call_with_base_case(const Expr& e, uint32_t h);

  // ---- one level of a small self-recursive function inlined into itself
  // `fib(n - 1)` inside fib becomes fib's body run on fresh locals (a block whose returns
  // branch out with the value), so each real call does two levels of the work: about half
  // the calls, which V8 does not inline itself. The inlined level takes a frame of the
  // call-depth budget like the call would, so RecursionError comes at the same depth.
  int inline_depth_ = 0;
  int inline_ret_ = -1;  // ctl index of the block a return branches to (-1: a real return)
  std::optional<bool> inlinable_;
  static int size_of(const Expr* e);
  static int size_of(const ast::Body& b);
  bool inlinable();
  // into_acc: the call is the A of `acc += A` in a tail-mode body; the inlined body adds its
  // returns straight into that accumulator (another association of the same sum: it can
  // only overflow where the other would not, which falls back, never a different result)
  // and the block leaves no value.
  bool inline_into_acc_ = false;
  void inline_self_call(const Expr& e, bool into_acc = false);
  void return_now() {
    if (inline_ret_ < 0) F->op(Op::Return);
    else F->op(Op::Br, static_cast<int64_t>(ctl.size() - 1 - static_cast<size_t>(inline_ret_)));
  }

  // ---- values
  void convert(Type from, Type to, Loc loc = {});
  // ---- int-or-float values (num.cpp)
  void num_box(Type from, int line);
  void num_unbox(Type to);
  void num_split(uint32_t v, int64_t bt, const std::function<void(Type, uint32_t)>& k);
  void num_split_or(Type t, uint32_t v, int64_t bt, const std::function<void(Type, uint32_t)>& k);
  void num_binop(BinOp op, Type lt, Type rt, Type res, Loc loc, const std::function<void()>& pl,
                 const std::function<void()>& pr);
  void num_compare(CmpOp op, Type lt, uint32_t a, Type rt, uint32_t b, Loc loc);
  void num_print();
  void truthy(Type t) {  // value of type t on the stack -> i32 0/1
    if (t.is_num()) { num_unbox(kBool); return; }
    if (t.is_list() || t.is_str() || t.is_tuple()) { F->mem(Op::I32Load, 2, 0); F->i32(0); F->op(Op::I32Ne); }
    else if (t == kInt) { F->op(Op::I64Eqz); F->op(Op::I32Eqz); }
    else if (t == kFloat) { F->f64(0); F->op(Op::F64Ne); }
    else if (t.is_obj()) { F->i32(0); F->op(Op::I32Ne); }  // an instance (without __bool__/__len__), or None
  }
  void load(Type t, uint32_t off = 0) {
    if (t == kInt || t.is_num()) F->mem(Op::I64Load, 3, off);
    else if (t == kFloat) F->mem(Op::F64Load, 3, off);
    else F->mem(Op::I32Load, 2, off);
  }
  void store(Type t, uint32_t off = 0) {
    if (t == kInt || t.is_num()) F->mem(Op::I64Store, 3, off);
    else if (t == kFloat) F->mem(Op::F64Store, 3, off);
    else F->mem(Op::I32Store, 2, off);
  }
  // the offset of field `name` in an instance of type t (laid out like a tuple)
  static uint32_t field_offset(Type t, const std::string& name) {
    return kListHeader + kSlot * static_cast<uint32_t>(t.field_index(name));
  }

  void get_var(const Expr& e) {
    const NameRef& r = S.names.at(&e);
    if (r.kind == NameRef::Global) F->op(Op::GlobalGet, G.mglobals.at(r.key));
    else if (r.kind == NameRef::Constant) module_constant(r.key, e.loc);
    else {
      if (S.unbound_reads.count(&e)) check_bound(e, r.key);
      F->get(locals.at(r.key));
    }
  }
  // Locals read where they may not be assigned yet (FuncSpec::unbound_reads): an i32 flag each,
  // set by every assignment; the read raises UnboundLocalError while it is 0.
  std::map<std::string, uint32_t> bound_flags;
  void check_bound(const Expr& e, const std::string& key);
  // the value of a module constant (typer.h's ModuleConstant) read by the function (values.cpp)
  void module_constant(const std::string& name, Loc loc);
  void set_var(const NameRef& r) {
    if (r.kind == NameRef::Global) F->op(Op::GlobalSet, G.mglobals.at(r.key));
    else {
      F->set(locals.at(r.key));
      if (auto it = bound_flags.find(r.key); it != bound_flags.end()) { F->i32(1); F->set(it->second); }
    }
  }

  // ---- lists in loops
  // The length (as i64) and data address of a list local, loaded once before a loop whose
  // body cannot change them: the variable is not rebound there, and nothing there may
  // append to any list (an append through an alias would move the data).
  struct ListCache {
    uint32_t len = 0, data = 0;
  };
  std::map<std::string, ListCache> cache;
  // int locals known to be >= 0 here (range loop variables with a non-negative start and
  // a positive step, not rebound in the loop body)
  std::set<std::string> nonneg;

  // What a loop region does: the locals it binds, the list locals it indexes, whether it
  // may change the length of some list.
  struct Scan {
    bool mutates = false;
    std::set<std::string> assigned, lists;
  };
  const NameRef* local_name(const Expr& e) const {
    if (e.kind != ExprKind::Name) return nullptr;
    auto it = S.names.find(&e);
    if (it == S.names.end() || it->second.kind != NameRef::Local) return nullptr;
    return &it->second;
  }
  void scan_target(const Expr& t, Scan& sc) const {
    if (const NameRef* r = local_name(t)) sc.assigned.insert(r->key);
    else if (t.kind == ExprKind::Name) sc.mutates = true;  // a module variable: keep it simple
    else if (t.kind == ExprKind::Tuple || t.kind == ExprKind::List)
      for (const auto& i : t.items) scan_target(*i, sc);
    else scan_expr(t, sc);
  }
  void scan_expr(const Expr& e, Scan& sc) const;
  void scan_stmts(const ast::Body& b, Scan& sc) const;
  // Loads the cached length/data of the lists the region indexes; returns what it added.
  std::vector<std::string> hoist(const Scan& sc);
  void unhoist(const std::vector<std::string>& ks) {
    for (const auto& k : ks) cache.erase(k);
  }
  const ListCache* cached(const Expr& list) const {
    const NameRef* r = local_name(list);
    if (!r) return nullptr;
    auto it = cache.find(r->key);
    return it == cache.end() ? nullptr : &it->second;
  }
  bool is_nonneg(const Expr& e) const;

  // list[index], list and index evaluated (in Python's order) into locals
  struct Access {
    uint32_t tl = 0, ti = 0;
    const ListCache* c = nullptr;
    bool nonneg = false;
  };
  Access list_index(const Expr& sub);
  void list_len64(const Access& a) {
    if (a.c) { F->get(a.c->len); return; }
    F->get(a.tl); F->mem(Op::I32Load, 2, 0); F->op(Op::I64ExtendI32U);
  }
  // address of list[index]: a negative index counts from the end (unless the index is
  // known non-negative), then one unsigned comparison with the length
  void elem_addr(const Access& a, RtError code, int line);

  void ex_as(const Expr& e, Type want) {
    ex(e);
    convert(ty(e), want);
  }

  // Arithmetic on two values pushed by pl/pr (types lt/rt), result type rt_res.
  static std::optional<int64_t> int_literal(const Expr* e) {
    if (!e) return std::nullopt;
    if (e->kind == ExprKind::Int && e->int_fits) return e->ival;
    return std::nullopt;
  }
  // Arithmetic on two values pushed by pl/pr (types lt/rt), result type rt_res; le/re are
  // the operand expressions when known (an int literal gets a cheaper overflow check).
  void binop(BinOp op, Type lt, Type rt, Type res, Loc loc, const std::function<void()>& pl,
             const std::function<void()>& pr, const Expr* le = nullptr, const Expr* re = nullptr);

  // Compares two values in locals a (type lt) and b (type rt): i32 on the stack.
  void compare(CmpOp op, Type lt, uint32_t a, Type rt, uint32_t b, Loc loc);

  // Tuple ordering, as Python: the first place where the items differ decides with `op`;
  // when one tuple is a prefix of the other, the lengths decide. A NaN item is left to the
  // interpreter (item identity matters there).
  void tuple_order(CmpOp op, Type lt, uint32_t a, Type rt, uint32_t b, Loc loc);

  // x in list / tuple: an item equal to x (a NaN x is left to the interpreter, which also
  // finds the very same object)
  void member(Type xt, uint32_t x, Type ct, uint32_t c, Loc loc);

  void compare_chain(const Expr& e);

  // truth value of e as an i32, short-circuiting and/or/not
  void test(const Expr& e);

  void ex(const Expr& e);

  void listcomp(const Expr& e);

  // ---- SIMD
  // `for j in range(a, b): X[j] op= <e>` (or `X[j] = <e>`), where every list is indexed by
  // j alone, holds floats and is cached (so no list changes length in the loop), and <e> is
  // built from such elements, loop-invariant int/float locals and literals, + - * and unary
  // minus. Iteration j reads and writes element j only (two lists never share data), so two
  // iterations can run as one f64x2 step with the same IEEE results, in any aliasing. The
  // pairs run only when every list is long enough for the whole range; otherwise the scalar
  // loop runs from the start and raises IndexError where Python would. The scalar loop then
  // finishes an odd last element.
  bool vec_ok(const Expr& e, const std::string& j, std::vector<const ListCache*>& lists) const;
  // the invariant leaves of a vectorized expression, each splat once before the loop
  void vec_splats(const Expr& e, std::map<const Expr*, uint32_t>& splats);
  void vec_emit(const Expr& e, uint32_t off, const std::map<const Expr*, uint32_t>& splats);
  // Runs the leading pairs of iterations of a range(cur, stop) loop with step 1 as SIMD
  // when the body has the shape above; leaves `cur` at the first iteration not run.
  void simd_prefix(const ast::Body& body, const NameRef& target, uint32_t cur, uint32_t stop);

  Scan with_target(Scan sc, const NameRef& target) const {
    if (target.kind == NameRef::Local) sc.assigned.insert(target.key);
    else sc.mutates = true;
    return sc;
  }

  // Loops over range(...) or a list; `bind` stores the current element (on the stack).
  // `target` is the loop variable, `sc` what the loop body does (scan_*; the binding of
  // the loop variable by the loop itself not included), `simd_body` the
  // body's statements when they may be vectorized.
  std::vector<std::string> zip_loop(const Expr& iter, const CallInfo& call, const NameRef& target, const Scan& sc,
                                    const std::function<void()>& bind, const std::function<void()>& body,
                                    const std::function<void(const std::vector<uint32_t>&)>* bind_items);
  std::vector<std::string> sequence_loop(const Expr& iter, const NameRef& target, const Scan& sc,
                                         const std::function<void()>& bind, const std::function<void()>& body);
  void for_loop(const Expr& iter, const NameRef& target, const Scan& sc, const std::function<void()>& bind,
                const std::function<void()>& body, const ast::Body* orelse, const ast::Body* simd_body = nullptr,
                const std::function<void(const std::vector<uint32_t>&)>* bind_items = nullptr);

  static int32_t sort_reverse(const Expr& call) {
    for (const auto& a : call.args)
      if (a.kind == ast::Arg::Keyword && a.name == "reverse") return a.value->kind == ExprKind::True ? 1 : 0;
    return 0;
  }
  static std::string sort_helper(Type el) {
    return el == kInt ? "sort_int" : el == kFloat ? "sort_float" : el == kBool ? "sort_bool" : "sort_str";
  }

  void print_value(const Expr& a);

  void put(const std::string& s) {
    if (s.empty()) return;
    auto [addr, n] = G.str(s);
    F->i32(static_cast<int32_t>(addr)); F->i32(static_cast<int32_t>(n)); F->op(Op::Call, G.import("print_str"));
  }

  // ---- expression kinds of ex() (expr.cpp)
  void unary_expr(const Expr& e, Type t);
  void bool_op_expr(const Expr& e, Type t);
  void fstring_expr(const Expr& e, Type t);
  void tuple_expr(const Expr& e, Type t);
  void subscript_expr(const Expr& e, Type t);
  void list_expr(const Expr& e, Type t);
  void call(const Expr& e);
  void user_call(const Expr& e, const CallInfo& ci);
  void method_call(const Expr& e, const CallInfo& ci, Type t);
  void math_call(const Expr& e, const CallInfo& ci);
  void builtin_call(const Expr& e, const CallInfo& ci, Type t);
  // ---- instances made here, lists of empty slots, instance uses (objects.cpp)
  void construct(const Expr& e, const CallInfo& ci);
  void none_fill_list(const Expr& e, const Expr& count);
  void instance(const Expr& o);
  void operator_call(const Expr& e, const CallInfo& ci);
  // Does evaluating e call one of the program's functions (a call, or an operator method)?
  bool calls_program(const Expr& e) const;
  const Expr* arg_or_default(const Expr& e, const FuncSpec* callee, size_t i, size_t first) const;
  std::optional<bool> self_assigned_;
  bool assigned_in_body(const std::string& name);

  // Call depth (see Gen::recursive): a recursive function needs one frame of `rem`.
  void enter(int line) {
    if (!G.recursive.count(&S)) return;
    F->get(rem); F->op(Op::I32Eqz); err_if(RtError::Recursion, line);
    F->get(rem); F->i32(1); F->op(Op::I32Sub); F->set(rem);
  }
  // rem for calls made by the module body / the exported entry: limit - nonrec
  void start_rem(uint32_t into, int line) {
    F->op(Op::GlobalGet, G.g_limit); F->i32(G.nonrec); F->op(Op::I32Sub); F->tee(into);
    F->i32(0); F->op(Op::I32LtS); err_if(RtError::Recursion, line);
  }

  // ---- statements
  void stmts(const ast::Body& b) {
    for (const auto& s : b) {
      stmt(*s);
      if (s.get() == guard_.stmt) nonneg.insert(guard_.key);
    }
  }
  // `if n < C: return ...` (C >= 0) opening a function whose body never assigns the int
  // parameter n: every statement after it runs with n >= C >= 0 (a tail turn that rebinds n
  // goes back through the guard), so `n - 1` needs no overflow check there.
  struct GuardFact {
    const Stmt* stmt = nullptr;
    std::string key;
  } guard_;
  GuardFact guard_fact() const;

  void store_target(const Expr& tg, uint32_t v, Type vt);
  // l[a:b] = v (no step) through list_setslice; leaves its i32 result (1: copied in place).
  void call_list_setslice(const Expr& tg, uint32_t v);
  void unpack(const Expr& tg, uint32_t v, Type vt);
  bool temp_slice_assign(const Stmt& s);
  void list_insert_pop(const Expr& e, const CallInfo& ci, Type t);

  void aug_assign_stmt(const Stmt& s);
  void while_stmt(const Stmt& s);
  void for_stmt(const Stmt& s);
  void stmt(const Stmt& s);

};

}  // namespace ml::wasm::gen
