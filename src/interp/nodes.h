// Evaluation nodes shared by the compiler (compile.cpp) and the statement nodes (stmts.cpp).
#pragma once
#include "interp/code.h"

namespace ml::interp {

#define ML_GUARD(stmt)                      \
  try {                                     \
    stmt;                                   \
  } catch (PyError & e__) {                 \
    annotate(e__, loc);                     \
    throw;                                  \
  }

// An allocation that failed (std::bad_alloc, std::length_error) becomes a MemoryError at `loc`.
[[noreturn]] void raise_memory_error(Loc loc);

// Locates an exception that is handed back instead of thrown (ENode::eval_soft), as the catch
// around the node at `loc` would have located it.
inline void annotate_soft(const Value& exc, Loc loc) {
  PyError e(exc);
  annotate(e, loc);
}

// Runs one statement of a block: an error leaving it is located at the statement (unless a
// node inside located it already), and a failed allocation becomes a MemoryError there. The
// frame records it as its current statement (f_lineno, read only when someone looks).
[[gnu::always_inline]] inline Exec exec_stmt(SNode* s, Frame& fr) {
  fr.stmt = s;
  try {
    return s->exec(fr);
  } catch (PyError& e) {
    annotate(e, s->loc);
    throw;
  } catch (const std::bad_alloc&) {
    raise_memory_error(s->loc);
  } catch (const std::length_error&) {
    raise_memory_error(s->loc);
  }
}

struct Block : SNode {
  std::vector<SP> stmts;
  Exec exec(Frame& fr) override {
    for (auto& s : stmts) {
      Exec r = exec_stmt(s.get(), fr);
      if (r != Exec::Normal) return r;
    }
    return Exec::Normal;
  }
  // What a compound statement runs for this block: its one statement when it has only one
  // (run through exec_stmt, as the block would run it, without the block's own call and
  // loop), else the block itself.
  static SNode* runner(const SP& b) {
    auto* blk = dynamic_cast<Block*>(b.get());
    if (blk && blk->stmts.size() == 1) return blk->stmts[0].get();
    return b.get();
  }
  Exec exec_soft(Frame& fr, Value& exc) override {
    for (auto& s : stmts) {
      Exec r;
      fr.stmt = s.get();
      try {
        r = s->exec_soft(fr, exc);
      } catch (PyError& e) {
        annotate(e, s->loc);
        throw;
      } catch (const std::bad_alloc&) {
        raise_memory_error(s->loc);
      } catch (const std::length_error&) {
        raise_memory_error(s->loc);
      }
      if (exc.t == VT::Obj) {
        annotate_soft(exc, s->loc);
        return Exec::Normal;
      }
      if (r != Exec::Normal) return r;
    }
    return Exec::Normal;
  }
};

// Where a closure cell comes from when a function object is made.
struct CellSrc {
  bool from_slot;  // parent-local cell slot, else parent's closure index
  int idx;
};

struct MakeFunction : ENode {
  const FuncCode* code = nullptr;
  std::vector<EP> defaults;
  std::vector<std::pair<std::string, EP>> kwdefaults;
  std::vector<CellSrc> cells;
  Value eval(Frame& fr) override;
  Value make(Frame& fr);
};

void bind_closure(FuncObj* f, Frame& fr, const std::vector<CellSrc>& cells);
EP make_comp_expr(std::unique_ptr<MakeFunction> mk, EP first, bool is_gen);
bool exc_matches(const Value& exc, const Value& type);
// `yield from sub` inside the running generator of `fr`, sub a generator: hands `sub` to the
// generator's resumers (see gen_send) and returns its return value, or raises its exception.
Value gen_delegate(Frame& fr, Value sub);
Value iter_checked(const Value& v);

}  // namespace ml::interp
