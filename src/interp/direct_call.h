// Direct calls of plain Python functions (FuncCode::direct): the caller reserves the callee's
// slots on the interpreter's value stack and puts the arguments straight into them, instead of
// building an argument vector that the generic binding (frame.cpp) then copies into a frame.
//
// A call site may reserve the slots before it evaluates the arguments only where evaluating
// them cannot suspend (no `yield` or `await` in the calling code): a suspended frame must not
// hold a reservation that the resumer's calls would then overwrite.
#pragma once
#include <new>

#include "interp/nodes.h"

namespace ml::interp {

// Whether `f` called with `n` positional arguments (and nothing else) can go direct: the
// missing ones have defaults, the value stack has room, and no profiler or compiled tier
// wants to see the call.
[[gnu::always_inline]] inline bool direct_ok(const FuncObj* f, int n) {
  const FuncCode* c = f->code;
  return n <= f->direct_max && n >= f->direct_min && I->stack_top + (size_t)c->nslots <= I->stack_cap &&
         (!I->call_hooks || (!I->observer && (c->interpret_only || !I->try_call_compiled)));
}

// The callee's slots on the value stack (all None on arrival: frames clear theirs on the way
// out), released when the call is over, normally or by an exception.
struct DirectSlots {
  Value* slots;
  size_t saved;
  int n;
  [[gnu::always_inline]] explicit DirectSlots(const FuncObj* f)
      : slots(I->stack + I->stack_top), saved(I->stack_top), n(f->code->nslots) {
    I->stack_top += (size_t)n;
  }
  [[gnu::always_inline]] ~DirectSlots() {
    for (int i = 0; i < n; ++i) slots[i] = Value();
    I->stack_top = saved;
  }
  DirectSlots(const DirectSlots&) = delete;
  DirectSlots& operator=(const DirectSlots&) = delete;
  // Puts argument `i` in its slot: the slot holds None, so the value is made there in place.
  template <class Make>
  [[gnu::always_inline]] void put(int i, Make&& make) {
    new (&slots[i]) Value(make());
  }
};

// ---------------------------------------------------------------- entering a frame
[[noreturn, gnu::cold]] void recursion_error();  // undoes the depth's increment (frame.cpp)

// One more Python frame: the recursion limit, the room left on the C++ stack, and an
// interrupt asked for from another thread.
struct DepthGuard {
  [[gnu::always_inline]] DepthGuard() {
    char probe;
    check_interrupt();
    // (No stack_low, null, compares below every address.)
    if (__builtin_expect(++I->depth > I->recursion_limit || (uintptr_t)&probe < (uintptr_t)I->stack_low, 0))
      recursion_error();
  }
  [[gnu::always_inline]] ~DepthGuard() { --I->depth; }
};

// Links `fr` as the innermost running frame (sys._getframe's chain, and the source file that
// errors are located in) until it is left.
struct FrameLink {
  Frame& fr;
  [[gnu::always_inline]] explicit FrameLink(Frame& f) : fr(f) {
    fr.back = I->cur_frame;
    I->cur_frame = &fr;
  }
  [[gnu::always_inline]] ~FrameLink() { I->cur_frame = fr.back; }
};

// The value of a body compiled as one expression (FuncCode::value_body): an error leaving it
// is located as its statement would locate it.
[[gnu::always_inline]] inline Value run_value_body(const FuncCode* c, Frame& fr) {
  try {
    return c->value_body->eval(fr);
  } catch (PyError& e) {
    annotate(e, c->value_loc);
    throw;
  } catch (const std::bad_alloc&) {
    raise_memory_error(c->value_loc);
  } catch (const std::length_error&) {
    raise_memory_error(c->value_loc);
  }
}

// Runs a function's body in a frame whose slots are bound (the call paths inline it).
[[gnu::always_inline]] inline Value run_frame_inline(FuncObj* f, Value* slots, GenObj* gen,
                                                     PushSink* sink = nullptr) {
  Frame fr;
  fr.slots = slots;
  fr.func = f;
  fr.globals = f->globals.get();
  fr.gen = gen;
  fr.sink = sink;
  const FuncCode* c = f->code;
  FrameLink link(fr);
  try {
    if (c->value_body) return run_value_body(c, fr);
    c->body->exec(fr);
  } catch (PyError& e) {
    leave_frame(e, f->name);
    throw;
  }
  return std::move(fr.retval);
}

// The cells of the variables that closures capture, a parameter's holding its argument.
void make_cells(const FuncCode* c, Value* slots);

// Runs `f` (direct_ok) in `slots` whose first `nargs` hold the arguments: fills in the
// defaults of the others and marks its locals unbound. Inline at the call sites of the
// interpreted code, where calls are most frequent; run_direct is the out-of-line copy.
[[gnu::always_inline]] inline Value run_direct_inline(FuncObj* f, Value* slots, int nargs) {
  const FuncCode* c = f->code;
  DepthGuard dg;
  if (nargs < c->npos) {
    const Value* defs = f->defaults.data() + (f->defaults.size() - (size_t)(c->npos - nargs));
    for (int i = nargs; i < c->npos; ++i) slots[i] = *defs++;
  }
  for (int i = c->nparams; i < c->nslots; ++i) slots[i].t = VT::Undef;
  if (__builtin_expect(!c->cell_slots.empty(), 0)) make_cells(c, slots);
  return run_frame_inline(f, slots, nullptr);
}
Value run_direct(FuncObj* f, Value* slots, int nargs);

// A call of `f` (direct_ok for 1 + nargs) with `self` first and `args` copied after it.
inline Value call_direct_with_self(FuncObj* f, const Value& self, const Value* args, int nargs) {
  DirectSlots ds(f);
  ds.slots[0] = self;
  for (int i = 0; i < nargs; ++i) ds.slots[i + 1] = args[i];
  return run_direct(f, ds.slots, nargs + 1);
}

}  // namespace ml::interp
