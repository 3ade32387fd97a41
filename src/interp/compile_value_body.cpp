// Function bodies made only of `if`s and `return`s (`if n < 2: return n` then
// `return fib(n - 1) + fib(n - 2)`, a getter, a lambda) compiled into one expression that gives
// the return value: the call runs it without statement nodes, Exec results or the frame's
// retval (FuncCode::value_body).
#include "interp/compile_impl.h"

namespace ml::interp {

using namespace ast;

namespace {

// Stands for a statement of the body in Frame::stmt, which says the line a frame is at
// (f_lineno, sys._getframe): one store as a path starts, where a statement would do the same.
struct LineMark : SNode {
  Exec exec(Frame&) override { return Exec::Normal; }
};

// What one path of the body returns, located at its return statement (or at its `if`, for a
// nested choice): an error leaving it is located there, as the statement would locate it.
struct ReturnBranch {
  EP e;
  int slot = -1;  // e is a LoadLocal: the local is read in place
  Loc loc;
  std::unique_ptr<LineMark> mark;  // at loc
  [[gnu::always_inline]] Value eval(Frame& fr) {
    if (slot >= 0) {
      const Value& v = fr.slots[slot];
      if (__builtin_expect(v.t != VT::Undef, 1)) return v;
    }
    if (mark) fr.stmt = mark.get();
    // The three handlers are written out here and in ValueIf rather than shared through a
    // helper taking a lambda: that helper cost 1.8% more instructions on a recursive call.
    try {
      return e->eval(fr);
    } catch (PyError& x) {
      annotate(x, loc);
      throw;
    } catch (const std::bad_alloc&) {
      raise_memory_error(loc);
    } catch (const std::length_error&) {
      raise_memory_error(loc);
    }
  }
};

// `if test: <yes> else: <no>`, each side a return (or another choice); `loc` is the if's.
struct ValueIf : ENode {
  Test test;
  ReturnBranch yes, no;
  Value eval(Frame& fr) override {
    bool t;
    try {
      t = test(fr);
    } catch (PyError& x) {
      annotate(x, loc);
      throw;
    } catch (const std::bad_alloc&) {
      raise_memory_error(loc);
    } catch (const std::length_error&) {
      raise_memory_error(loc);
    }
    return t ? yes.eval(fr) : no.eval(fr);
  }
};

// How the statements b[from..] end when they are only ifs and returns: 1 every path returns,
// 0 some path runs off the end (returning None), -1 they are something else (or a statement
// follows one that always returns: the statement form keeps such code, and its errors).
int shape(const Body& b, size_t from) {
  if (from == b.size()) return 0;
  const Stmt& s = *b[from];
  bool last = from + 1 == b.size();
  if (s.kind == StmtKind::Return) return last ? 1 : -1;
  if (s.kind != StmtKind::If || shape(s.body, 0) != 1) return -1;
  if (s.orelse.empty()) return shape(b, from + 1);
  return last ? shape(s.orelse, 0) : -1;
}

ReturnBranch branch(Compiler& c, const Body& b, size_t from) {
  ReturnBranch r;
  if (from == b.size()) {  // running off the end
    r.e = std::make_unique<Const>(Value());
    return r;
  }
  const Stmt& s = *b[from];
  r.loc = s.loc;
  r.mark = std::make_unique<LineMark>();
  r.mark->loc = s.loc;
  if (s.kind == StmtKind::Return) {
    r.e = s.value ? c.expr(*s.value) : std::make_unique<Const>(Value());
    if (auto* l = dynamic_cast<LoadLocal*>(r.e.get())) r.slot = l->slot;
    return r;
  }
  auto* n = new ValueIf();
  r.e.reset(n);
  n->loc = s.loc;
  n->test.set(c.expr(*s.value));
  n->yes = branch(c, s.body, 0);
  n->no = s.orelse.empty() ? branch(c, b, from + 1) : branch(c, s.orelse, 0);
  return r;
}

}  // namespace

bool compile_value_body(Compiler& c, FuncCode* code, const Body& body, size_t from) {
  if (shape(body, from) < 0) return false;
  ReturnBranch r = branch(c, body, from);
  code->value_body = std::move(r.e);
  code->value_loc = r.loc;
  return true;
}

}  // namespace ml::interp
