// Calling user functions (argument binding into frame slots), generators on their own stacks
// (Boost.Context fcontext coroutines), synchronous await, and class creation (C3 MRO).
#include <sys/mman.h>

#if defined(__EMSCRIPTEN__)
#include "interp/fcontext_emscripten.h"
#else
#include <boost/context/detail/fcontext.hpp>
#endif

#include <algorithm>

// (glibc's swapcontext is not used: it saves and restores the signal mask with two system
// calls per switch; fcontext switches in user space, a few instructions each way.)
#include "interp/fiber_asan.h"
#include "interp/interpreter.h"
#include "interp/code.h"
#include "interp/direct_call.h"

namespace ml::interp {

// ---------------------------------------------------------------- frames
Value run_frame(FuncObj* f, Value* slots, GenObj* gen) { return run_frame_inline(f, slots, gen); }

void run_module_code(const FuncCode* code, DictObj* globals) {
  Frame fr;
  fr.globals = globals;
  fr.mcode = code;
  FrameLink link(fr);
  try {
    code->body->exec(fr);
  } catch (PyError& e) {
    leave_frame(e, "<module>");
    throw;
  }
}

struct SlotAlloc {
  Value* slots;
  int n;
  size_t saved_top;
  ValueVec heap;
  explicit SlotAlloc(int nslots) : n(nslots), saved_top(I->stack_top) {
    if (I->stack_top + nslots <= I->stack_cap) {
      slots = I->stack + I->stack_top;
      I->stack_top += nslots;
    } else {
      heap.resize(nslots);
      slots = heap.data();
    }
  }
  ~SlotAlloc() {
    if (heap.empty()) {
      for (int i = 0; i < n; ++i) slots[i] = Value();
      I->stack_top = saved_top;
    }
  }
};

static void bind_args(FuncObj* f, Value* slots, Value* args, int nargs, KwArgs* kw) {
  const FuncCode* c = f->code;
  int npos = c->npos;
  // mark parameters unset
  for (int i = 0; i < c->nparams; ++i) slots[i].t = VT::Undef;
  int ncopy = std::min(nargs, npos);
  for (int i = 0; i < ncopy; ++i) slots[i] = args[i];
  if (nargs > npos) {
    if (c->vararg_slot < 0) {
      int ndef = (int)f->defaults.size();
      std::string expected = ndef ? msg("runtime.arg_range", {{"min", std::to_string(npos - ndef)}, {"max", std::to_string(npos)}}) : std::to_string(npos);
      raise_id("TypeError", "runtime.wrong_arg_count", {{"name", c->name}, {"expected", expected}, {"given", std::to_string(nargs)}});
    }
    slots[c->vararg_slot] = mk_tuple(ValueVec(args + npos, args + nargs));
  } else if (c->vararg_slot >= 0) {
    slots[c->vararg_slot] = mk_tuple();
  }
  Value kwdict;
  if (c->kwarg_slot >= 0) {
    kwdict = mk_dict();
    slots[c->kwarg_slot] = kwdict;
  }
  if (kw) {
    for (auto& [k, v] : kw->items) {
      const std::string& name = str_of(k);
      int found = -1;
      for (int i = c->nposonly; i < c->nparams; ++i) {
        if (i == c->vararg_slot || i == c->kwarg_slot) continue;
        if (c->slot_names[i] == name) { found = i; break; }
      }
      if (found >= 0) {
        if (slots[found].t != VT::Undef) raise_id("TypeError", "runtime.multiple_values", {{"name", c->name}, {"arg", name}});
        slots[found] = v;
      } else if (c->kwarg_slot >= 0) {
        kwdict.as<DictObj>()->set(k, v);
      } else {
        raise_id("TypeError", "runtime.unexpected_keyword", {{"name", c->name}, {"arg", name}});
      }
    }
  }
  // defaults
  int ndef = (int)f->defaults.size();
  std::vector<std::string> missing;
  for (int i = nargs < npos ? nargs : npos; i < npos; ++i) {
    if (slots[i].t != VT::Undef) continue;
    int di = i - (npos - ndef);
    if (di >= 0) slots[i] = f->defaults[di];
    else missing.push_back("'" + c->slot_names[i] + "'");
  }
  if (!missing.empty()) {
    std::string names = missing[0];
    for (size_t i = 1; i + 1 < missing.size(); ++i) names += ", " + missing[i];
    if (missing.size() > 1) names = msg("runtime.list_and", {{"items", names}, {"last", missing.back()}});
    if (missing.size() == 1) raise_id("TypeError", "runtime.missing_positional_one", {{"name", c->name}, {"args", names}});
    raise_id("TypeError", "runtime.missing_positional", {{"name", c->name}, {"count", std::to_string(missing.size())}, {"args", names}});
  }
  int kw0 = c->vararg_slot >= 0 ? c->vararg_slot + 1 : npos;
  for (int i = kw0; i < kw0 + c->nkwonly; ++i) {
    if (slots[i].t != VT::Undef) continue;
    Value* d = f->kwdefaults ? f->kwdefaults->find_str(c->slot_names[i], str_hash_sv(c->slot_names[i])) : nullptr;
    if (d) slots[i] = *d;
    else raise_id("TypeError", "runtime.missing_kwonly", {{"name", c->name}, {"arg", c->slot_names[i]}});
  }
}

static Value call_function_inner(FuncObj* f, Value* args, int nargs, KwArgs* kw);

// The cells of the variables that closures capture, a parameter's holding its argument.
void make_cells(const FuncCode* c, Value* slots) {
  for (int s : c->cell_slots) {
    auto* cell = new CellObj();
    if (s < c->nparams) { cell->v = std::move(slots[s]); cell->bound = true; }
    slots[s] = Value::obj(cell);
  }
}

// Reports the call to the profiler around the real call.
[[gnu::noinline]] static Value call_function_observed(FuncObj* f, Value* args, int nargs, KwArgs* kw) {
  const FuncCode* c = f->code;
  CallObserver* obs = I->observer;
  obs->enter(c, c->qualname.empty() ? c->name : c->qualname, c->src ? c->src->path : std::string(), c->loc.line);
  struct Leave {
    CallObserver* o;
    ~Leave() { o->leave(); }
  } leave{obs};
  return call_function_inner(f, args, nargs, kw);
}

// The observed call is out of line so that this one is two tail calls (no frame of its own).
Value call_function(FuncObj* f, Value* args, int nargs, KwArgs* kw) {
  if (__builtin_expect(I->observer != nullptr, 0)) return call_function_observed(f, args, nargs, kw);
  return call_function_inner(f, args, nargs, kw);
}

// Compiled (engine) calls under way, and how many were when the coroutine being driven was
// last resumed: a coroutine cannot be suspended while compiled code runs on its own stack (the
// engine's frames there would be left behind while others enter it).
static int g_compiled_depth = 0;
static int g_coro_compiled_base = 0;
// The engine takes its stack limit from the stack it was first entered on: entered later from
// a generator's stack elsewhere in memory it sees a stack overflow and fails. So compiled code
// runs only on the stack of its first call (the program's own stack, or a generator stack at
// the same address, reused from the pool); elsewhere functions are interpreted.
static const char* g_cur_stack = nullptr;  // the generator stack running (null: the program's)
static const char* g_engine_stack = nullptr;
static bool g_engine_entered = false;

static Value call_function_inner(FuncObj* f, Value* args, int nargs, KwArgs* kw) {
  const FuncCode* c = f->code;
  if (__builtin_expect((bool)I->try_call_compiled, 0) && !c->interpret_only) {
    if (!g_engine_entered) {
      g_engine_entered = true;
      g_engine_stack = g_cur_stack;
    }
    if (!kw && g_cur_stack == g_engine_stack) {
      std::optional<Value> r;
      struct InEngine {
        InEngine() { ++g_compiled_depth; }
        ~InEngine() { --g_compiled_depth; }
      } in_engine;
      try {
        r = I->try_call_compiled(f, args, nargs);
      } catch (PyError& e) {
        leave_frame(e, f->name);  // a compiled function's error is a frame of the traceback too
        throw;
      }
      if (r) {
        if (I->observer) I->observer->ran_compiled();
        return *r;
      }
    }
  }
  DepthGuard dg;
  SlotAlloc sa(c->nslots);
  Value* slots = sa.slots;
  if (c->simple && !kw && nargs == c->npos) {
    for (int i = 0; i < nargs; ++i) slots[i] = args[i];
  } else {
    bind_args(f, slots, args, nargs, kw);
  }
  for (int i = c->nparams; i < c->nslots; ++i) slots[i].t = VT::Undef;
  if (!c->cell_slots.empty()) make_cells(c, slots);
  if (c->is_gen) {
    return Value::obj(new GenObj(Ref<FuncObj>(f), ValueVec(slots, slots + c->nslots), c->is_async));
  }
  if (c->is_async) {
    auto* co = new CoroObj();
    co->func = Ref<FuncObj>(f);
    co->slots.assign(slots, slots + c->nslots);
    return Value::obj(co);
  }
  return run_frame_inline(f, slots, nullptr);
}

Value run_direct(FuncObj* f, Value* slots, int nargs) { return run_direct_inline(f, slots, nargs); }

void recursion_error() {
  --I->depth;
  raise_id("RecursionError", "runtime.recursion");
}

// A StopIteration escaping a generator's body is a RuntimeError (PEP 479): otherwise it would
// silently end the loop that drives the generator.
[[noreturn]] static void generator_raised_stop(PyError& e) {
  Value err = make_exception(I->e("RuntimeError"), {mk_str(msg("runtime.generator_stop_iteration"))});
  err.as<InstObj>()->ex().cause = e.exc;
  err.as<InstObj>()->ex().context = e.exc;
  err.as<InstObj>()->ex().suppress_context = true;
  PyError re(std::move(err));
  re.exc.as<InstObj>()->ex().tb = e.exc.as<InstObj>()->ex().tb;
  throw re;
}
static bool is_stop_iteration(const PyError& e) {
  return e.exc.is(OK::Inst) && e.exc.o->type->is_subclass(I->e("StopIteration"));
}

void run_genexpr_in_place(FuncObj* f, Value it, PushSink& sink) {
  const FuncCode* c = f->code;
  DepthGuard dg;
  SlotAlloc sa(c->nslots);
  Value* slots = sa.slots;
  slots[0] = std::move(it);
  for (int i = 1; i < c->nslots; ++i) slots[i].t = VT::Undef;
  make_cells(c, slots);
  try {
    run_frame_inline(f, slots, nullptr, &sink);
  } catch (PyError& e) {
    if (is_stop_iteration(e)) generator_raised_stop(e);
    throw;
  }
}

// ---------------------------------------------------------------- generators
#if defined(__EMSCRIPTEN__)
static constexpr size_t kGenStack = 256 << 10;  // wasm32: no lazy commit, locals live in wasm locals
#else
static constexpr size_t kGenStack = 1 << 20;   // 1 MiB (lazily committed)
#endif
static constexpr size_t kStackMargin = 64 << 10;

#if defined(__EMSCRIPTEN__)
namespace bctx = emfiber;
#else
namespace bctx = boost::context::detail;
#endif

struct GenState {
  bctx::fcontext_t ctx = nullptr;     // the generator's side while it is suspended
  bctx::fcontext_t caller = nullptr;  // the resumer's side while the generator runs
  char* stack = nullptr;
  Value transfer;
  Value thrown;            // gen_throw: raised at the yield when resumed
  bool has_thrown = false;
  std::exception_ptr exc;
  bool done = false;
  // `yield from` over a generator: the delegate that resumers drive directly (gen_send),
  // `delegating` while the switch back that hands it over is in flight, and an exception the
  // delegate ended with, raised in this generator at its `yield from` when it is resumed.
  Value yf;
  bool delegating = false;
  std::exception_ptr throw_in;
  char* saved_low = nullptr;
  int saved_depth = 0;
  // While suspended: the innermost frame open on this stack, and the generator's own frame at
  // the bottom of them, whose `back` is pointed at each resumer's frame (as CPython's f_back).
  Frame* inner = nullptr;
  Frame* bottom = nullptr;
  // A coroutine driven by send() can be suspended from a function it called (an await, or a
  // thread's wait, below its own frame), and others run before it is resumed: the frames it
  // has open must keep their slots, so it gets a value stack of its own (lazily committed).
  Value* vstack = nullptr;
  size_t vtop = 0;
  ~GenState() {
    if (vstack) munmap(vstack, kCoroValues * sizeof(Value));
  }
  static constexpr size_t kCoroValues = 1 << 16;
#ifdef ML_ASAN_FIBERS
  const void* caller_bottom = nullptr;  // the resuming stack, for the switch back
  size_t caller_size = 0;
#endif
};

// Arrived on a stack; `from_caller`, when given, remembers the resuming stack for the switch back.
static inline void fiber_arrived(void* fake, GenState* from_caller) {
#ifdef ML_ASAN_FIBERS
  if (from_caller) fiber_arrived(fake, &from_caller->caller_bottom, &from_caller->caller_size);
  else fiber_arrived(fake, nullptr, nullptr);
#else
  fiber_arrived(fake, nullptr, nullptr);
  (void)from_caller;
#endif
}

static std::vector<char*> stack_pool;

static char* alloc_stack() {
  if (!stack_pool.empty()) {
    char* s = stack_pool.back();
    stack_pool.pop_back();
    fiber_stack_reused(s + 4096, kGenStack - 4096);  // frames left by its last generator
    return s;
  }
  void* p = mmap(nullptr, kGenStack, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED) raise_id("MemoryError", "runtime.generator_stack");
  mprotect(p, 4096, PROT_NONE);  // guard page
  return (char*)p;
}
static void free_stack(char* s) {
  if (stack_pool.size() < 64) stack_pool.push_back(s);
  else munmap(s, kGenStack);
}

GenObj::GenObj(Ref<FuncObj> f, ValueVec s, bool async_gen)
    : Object(OK::Gen, async_gen ? I->t_async_generator : I->t_generator), func(std::move(f)), slots(std::move(s)), is_async(async_gen) {}

GenObj::~GenObj() {
  if (st) {
    // Dropped while paused (a for loop left by break, the last reference gone): closed, as
    // CPython does, so its finally blocks run and its with blocks are left. An error there
    // cannot go anywhere (CPython prints "Exception ignored"); it is dropped.
    if (st->stack && !finished && !running && I) {
      rc = 1;  // alive again while it runs
      try {
        gen_close(this);
      } catch (...) {
      }
      rc = 0;
    }
    // One that ignored GeneratorExit keeps its references: they are leaked.
    if (st->stack) free_stack(st->stack);
    delete st;
  }
}

#ifdef ML_ASAN_FIBERS
static const void* st_caller_bottom(GenState* st) { return st->caller_bottom; }
static size_t st_caller_size(GenState* st) { return st->caller_size; }
#else
static const void* st_caller_bottom(GenState*) { return nullptr; }
static size_t st_caller_size(GenState*) { return 0; }
#endif

// The generator stack's entry: `t` carries the GenState and the context that resumed it first.
static void gen_entry(bctx::transfer_t t) {
  auto* g = static_cast<GenObj*>(t.data);
  GenState* st = g->st;
  st->caller = t.fctx;
  fiber_arrived(nullptr, st);
  try {
    try {
      Value r = run_frame(g->func.get(), g->slots.data(), g);
      st->transfer = std::move(r);
    } catch (PyError& e) {
      if (is_stop_iteration(e)) generator_raised_stop(e);
      throw;
    }
  } catch (...) {
    st->exc = std::current_exception();
  }
  st->done = true;
  fiber_leave(nullptr, st_caller_bottom(st), st_caller_size(st));  // this stack is done
  bctx::jump_fcontext(st->caller, nullptr);  // never resumed: gen_send frees the stack
  __builtin_unreachable();
}

// The coroutine being driven by send() whose stack we are on (innermost), or null: where an
// await that must wait suspends to.
static GenObj* g_coro_driver = nullptr;

// Back from a generator's stack: the frames it left open there are taken out of the running
// chain until it is resumed.
static void suspended_frames(GenState* st, Frame* outer_frame) {
  st->inner = st->bottom = nullptr;
  if (!st->done && I->cur_frame != outer_frame) {
    for (Frame* f = I->cur_frame; f; f = f->back)
      if (f->back == outer_frame) {
        st->inner = I->cur_frame;
        st->bottom = f;
        break;
      }
  }
  I->cur_frame = outer_frame;
}

// Switches into `g` once: runs it until its next yield (or its end).
static Value resume(GenObj* g, Value sent, bool& done) {
  // A generator resumed from inside another one (`yield from` chains, generators iterating
  // generators) runs one level deeper: endless chains end in RecursionError, as calls do.
  if (I->depth + 1 > I->recursion_limit) raise_id("RecursionError", "runtime.recursion");
  if (!g->started) {
    if (!sent.is_none()) raise_id("TypeError", "runtime.generator_send_first");
    g->st = new GenState();
    g->st->stack = alloc_stack();
    g->st->ctx = bctx::make_fcontext(g->st->stack + kGenStack, kGenStack - 4096, gen_entry);
    g->started = true;
  }
  GenState* st = g->st;
  st->transfer = std::move(sent);
  st->saved_low = I->stack_low;
  st->saved_depth = I->depth;
  size_t handling = I->handling.size();
  I->stack_low = st->stack + 4096 + kStackMargin;
  g->running = true;
  Value keep = Value::obj(g);  // the generator must outlive its own run
  I->depth++;                  // restored from st->saved_depth below
  GenObj* outer_driver = g_coro_driver;
  int outer_compiled_base = g_coro_compiled_base;
  const char* outer_stack = g_cur_stack;
  g_cur_stack = st->stack;
  Value* outer_vstack = I->stack;
  size_t outer_vtop = I->stack_top, outer_vcap = I->stack_cap;
  if (g->is_coro) {
    g_coro_driver = g;
    g_coro_compiled_base = g_compiled_depth;
    if (!st->vstack) {
      void* mem = mmap(nullptr, GenState::kCoroValues * sizeof(Value), PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
      if (mem == MAP_FAILED) raise_id("MemoryError", "runtime.generator_stack");
      st->vstack = static_cast<Value*>(mem);  // zero bytes: every slot None
    }
    I->stack = st->vstack;
    I->stack_top = st->vtop;
    I->stack_cap = GenState::kCoroValues;
  }
  Frame* outer_frame = I->cur_frame;
  if (st->inner) {
    st->bottom->back = outer_frame;
    I->cur_frame = st->inner;
  }
  void* fake = nullptr;
  fiber_leave(&fake, st->stack, kGenStack);
  st->ctx = bctx::jump_fcontext(st->ctx, g).fctx;
  fiber_arrived(fake, nullptr);
  suspended_frames(st, outer_frame);
  if (g->is_coro) {
    st->vtop = I->stack_top;
    I->stack = outer_vstack;
    I->stack_top = outer_vtop;
    I->stack_cap = outer_vcap;
  }
  g_coro_driver = outer_driver;
  g_coro_compiled_base = outer_compiled_base;
  g_cur_stack = outer_stack;
  g->running = false;
  I->stack_low = st->saved_low;
  I->depth = st->saved_depth;
  I->handling.resize(std::min(handling, I->handling.size()));
  if (st->done) {
    g->finished = true;
    done = true;
    Value r = std::move(st->transfer);
    std::exception_ptr ex = st->exc;
    free_stack(st->stack);
    st->stack = nullptr;
    if (ex) {
      st->exc = nullptr;
      std::rethrow_exception(ex);
    }
    return r;
  }
  return std::move(st->transfer);
}

// While a generator runs `yield from` over another generator, whoever resumes it drives that
// delegate directly, recursing down the chain on the resumer's own stack, instead of switching
// into every generator of the chain for each value: a chain of n generators costs n calls per
// value, not 2n stack switches. The delegating generator is switched back into only when its
// delegate ends, with the delegate's return value or its exception.
Value gen_send(GenObj* g, Value sent, bool& done) {
  done = false;
  if (g->finished) { done = true; return Value(); }
  if (g->running) raise_id("ValueError", "runtime.generator_running");
  while (true) {
    GenState* st = g->st;
    if (st && st->yf.is(OK::Gen)) {
      Value keep = Value::obj(g);
      char probe;
      if (I->depth + 1 > I->recursion_limit || (I->stack_low && &probe < I->stack_low)) raise_id("RecursionError", "runtime.recursion");
      bool sub_done = false;
      Value r;
      g->running = true;
      I->depth++;
      try {
        r = gen_send(st->yf.as<GenObj>(), std::move(sent), sub_done);
      } catch (...) {
        st->throw_in = std::current_exception();
        sub_done = true;
      }
      I->depth--;
      g->running = false;
      if (!sub_done) return r;
      st->yf = Value();
      sent = std::move(r);
    }
    Value r = resume(g, std::move(sent), done);
    if (done || !g->st->delegating) return r;
    g->st->delegating = false;  // g handed over a delegate: its first value comes from there
    sent = Value();
  }
}

// Hands `v` to the resumer and waits to be resumed.
static void switch_out(GenState* st, Value v) {
  st->transfer = std::move(v);
  void* fake = nullptr;
  fiber_leave(&fake, st_caller_bottom(st), st_caller_size(st));
  st->caller = bctx::jump_fcontext(st->caller, nullptr).fctx;
  fiber_arrived(fake, st);  // resumed, perhaps from another stack than last time
}

static void raise_thrown(GenState* st) {
  st->has_thrown = false;
  Value exc = std::move(st->thrown);
  st->thrown = Value();
  throw PyError(std::move(exc));
}

static Value yield_out(GenObj* g, Value v) {
  GenState* st = g->st;
  switch_out(st, std::move(v));
  if (st->has_thrown) raise_thrown(st);
  return std::move(st->transfer);
}

bool gen_yield_item(Frame& fr, Value v) {
  GenObj* g = fr.gen;
  GenState* st = g->st;
  switch_out(st, std::move(v));
  if (st->has_thrown) {
    if (g->closing) {
      st->has_thrown = false;
      st->thrown = Value();
      return false;
    }
    raise_thrown(st);
  }
  st->transfer = Value();
  return true;
}

Value gen_yield(Frame& fr, Value v) {
  GenObj* g = fr.gen;
  if (!g) raise_id("SyntaxError", "runtime.yield_outside_function");
  return yield_out(g, std::move(v));
}

// Suspends the driven coroutine `drv` from wherever its body has got to (an inline await, or
// an async generator it is iterating, each perhaps on another generator stack): the resumer
// state that resume() set for the driver's own stack is put back as it was here when resumed.
static Value coro_suspend(GenObj* drv, Value v) {
  struct Restore {
    char* low = I->stack_low;
    int depth = I->depth;
    ~Restore() { I->stack_low = low; I->depth = depth; }
  } restore;
  return yield_out(drv, std::move(v));
}

bool suspend_driven_coroutine(Value v, Value& sent) {
  if (!g_coro_driver || g_compiled_depth > g_coro_compiled_base) return false;
  sent = coro_suspend(g_coro_driver, std::move(v));
  return true;
}

Value gen_delegate(Frame& fr, Value sub) {
  GenState* st = fr.gen->st;
  st->yf = std::move(sub);
  st->delegating = true;
  Value r = gen_yield(fr, Value());  // back here when the delegate has ended
  if (st->throw_in) {
    std::exception_ptr e = st->throw_in;
    st->throw_in = nullptr;
    std::rethrow_exception(e);
  }
  return r;
}

Value gen_throw(GenObj* g, Value exc, bool& done) {
  done = false;
  if (g->running) raise_id("ValueError", "runtime.generator_running");
  if (!g->started || g->finished) {
    g->finished = true;
    throw PyError(std::move(exc));
  }
  GenState* st = g->st;
  if (st->yf.is(OK::Gen)) {
    // Delegating (`yield from`): the delegate gets the exception first, as in Python; if it
    // ends, this generator goes on at its `yield from` with the delegate's result or error.
    bool sub_done = false;
    Value r;
    g->running = true;
    try {
      r = gen_throw(st->yf.as<GenObj>(), std::move(exc), sub_done);
    } catch (...) {
      st->throw_in = std::current_exception();
      sub_done = true;
    }
    g->running = false;
    if (!sub_done) return r;
    st->yf = Value();
    return gen_send(g, std::move(r), done);
  }
  st->thrown = std::move(exc);
  st->has_thrown = true;
  return gen_send(g, Value(), done);
}

void gen_close(GenObj* g) {
  if (g->finished) return;
  if (!g->started) {
    g->finished = true;
    return;
  }
  bool done = false;
  struct Closing {
    GenObj* g;
    ~Closing() { g->closing = false; }
  } closing{g};
  g->closing = true;
  try {
    gen_throw(g, make_exception(I->e("GeneratorExit"), {}), done);
  } catch (PyError& e) {
    ClassObj* t = type_of(e.exc);
    if (t->is_subclass(I->e("GeneratorExit")) || t->is_subclass(I->e("StopIteration"))) return;
    throw;
  }
  if (!done) raise_id("RuntimeError", "runtime.generator_ignored_exit");
}

// ---------------------------------------------------------------- await
Value run_await(const Value& a) {
  if (a.is(OK::Coro)) {
    auto* c = a.as<CoroObj>();
    if (c->done) raise_id("RuntimeError", "runtime.coroutine_reused");
    c->done = true;
    if (c->thunk) return c->thunk();
    if (!c->func) return c->result;
    DepthGuard dg;
    return run_frame(c->func.get(), c->slots.data(), nullptr);
  }
  if (a.is(OK::Gen)) {
    // A generator-based coroutine (types.coroutine) or an __await__ generator: what it yields
    // goes to the driver of the coroutine running (if none, asyncio.run's synchronous loop,
    // it is dropped), what the driver sends or throws back goes into it.
    GenObj* g = a.as<GenObj>();
    bool done = false;
    Value r = gen_send(g, Value(), done);
    while (!done) {
      GenObj* drv = g_coro_driver;
      if (!drv) {
        r = gen_send(g, Value(), done);
        continue;
      }
      Value sent;
      try {
        sent = coro_suspend(drv, std::move(r));
      } catch (PyError& e) {
        r = gen_throw(g, e.exc, done);
        continue;
      }
      r = gen_send(g, std::move(sent), done);
    }
    return r;
  }
  if (a.is(OK::Inst)) {
    if (const Value* m = a.o->type->find("__await__")) {
      Value it = call1(*m, a);
      if (it.is(OK::Gen)) return run_await(it);
      Value x;
      Value itr = iter(it);
      while (next(itr, x))
        if (g_coro_driver) coro_suspend(g_coro_driver, x);
      return Value();
    }
  }
  raise_id("TypeError", "runtime.not_awaitable", {{"type", type_name(a)}});
}

// ---------------------------------------------------------------- classes
static std::vector<ClassObj*> c3_merge(std::vector<std::vector<ClassObj*>> seqs, const std::string& name) {
  std::vector<ClassObj*> out;
  while (true) {
    seqs.erase(std::remove_if(seqs.begin(), seqs.end(), [](auto& s) { return s.empty(); }), seqs.end());
    if (seqs.empty()) return out;
    ClassObj* cand = nullptr;
    for (auto& s : seqs) {
      ClassObj* h = s[0];
      bool in_tail = false;
      for (auto& t : seqs)
        if (std::find(t.begin() + 1, t.end(), h) != t.end()) { in_tail = true; break; }
      if (!in_tail) { cand = h; break; }
    }
    if (!cand) raise_id("TypeError", "runtime.mro_conflict", {{"names", name}});
    out.push_back(cand);
    for (auto& s : seqs)
      if (!s.empty() && s[0] == cand) s.erase(s.begin());
  }
}

static void set_owner(const Value& v, ClassObj* cls) {
  if (v.is(OK::Func)) { if (!v.as<FuncObj>()->owner) v.as<FuncObj>()->owner = cls; }
  else if (v.is(OK::StaticMethod) || v.is(OK::ClassMethod)) set_owner(v.as<WrapperObj>()->func, cls);
  else if (v.is(OK::Property)) {
    auto* p = v.as<PropertyObj>();
    set_owner(p->fget, cls);
    set_owner(p->fset, cls);
    set_owner(p->fdel, cls);
  }
}

// __slots__: the class is slotted (no __dict__ on its instances) when it and every class it
// inherits from, but object and the other builtin types, declare __slots__ without "__dict__".
static void set_slots(ClassObj* cls, DictObj* ns) {
  const Value* own = ns->find(str_key("__slots__"));
  if (!own) return;
  ValueVec names = own->is(OK::Str) ? ValueVec{*own} : to_vec(*own);
  for (auto& n : names) {
    if (!n.is(OK::Str)) type_error("__slots__ items must be strings, not '" + type_name(n) + "'");
    if (ns->find(n)) value_error(repr(n) + " in __slots__ conflicts with class variable");
  }
  bool slotted = true;
  std::vector<std::string> all;
  for (auto& n : names) all.push_back(str_of(n));
  for (size_t i = 1; i < cls->mro.size(); ++i) {
    ClassObj* c = cls->mro[i];
    if (c->builtin) continue;
    if (!c->slotted) { slotted = false; break; }
    all.insert(all.end(), c->slot_names.begin(), c->slot_names.end());
  }
  for (auto& s : all)
    if (s == "__dict__") slotted = false;
  cls->slotted = slotted && !cls->is_exception;
  cls->slot_names = std::move(all);
}

Value make_class(const std::string& name, ValueVec bases, Ref<DictObj> ns, ClassObj* meta, KwArgs* kw);
Value make_class(const std::string& name, ValueVec bases, Ref<DictObj> ns) {
  return make_class(name, std::move(bases), std::move(ns), I->t_type, nullptr);
}

// type.__new__(meta, name, bases, ns, **kw): `meta` is the new class's type; `kw` goes to the
// parent's __init_subclass__.
Value make_class(const std::string& name, ValueVec bases, Ref<DictObj> ns, ClassObj* meta, KwArgs* kw) {
  auto* cls = new ClassObj(name);
  Value cv = Value::obj(cls);
  if (meta != cls->type) {
    incref(meta);  // a class keeps its metaclass alive
    cls->type = meta;
  }
  cls->dict = ns;
  ns->class_dict = true;
  // A base that is not a class (typing.Generic[T], a subscripted alias) names the classes to
  // use instead through __mro_entries__, as in Python.
  for (size_t i = 0; i < bases.size(); ++i) {
    Value me;
    if (!bases[i].is(OK::Class) && getattr_opt(bases[i], "__mro_entries__", me) && !me.is_none()) {
      ValueVec repl = to_vec(call1(me, mk_tuple(bases)));
      bases.erase(bases.begin() + (long)i);
      bases.insert(bases.begin() + (long)i, repl.begin(), repl.end());
      i += repl.size() - (repl.empty() ? 0 : 1);
      if (repl.empty()) --i;
    }
  }
  // duplicates (two Generic[...] bases) keep their first place
  for (size_t i = 0; i < bases.size(); ++i)
    for (size_t j = i + 1; j < bases.size();)
      if (bases[j].is(OK::Class) && bases[j].o == bases[i].o) bases.erase(bases.begin() + (long)j);
      else ++j;
  if (bases.empty()) bases.push_back(Value::obj(I->t_object));
  std::vector<std::vector<ClassObj*>> seqs;
  std::vector<ClassObj*> direct;
  for (auto& b : bases) {
    if (!b.is(OK::Class)) raise_id("TypeError", "runtime.bases_not_types");
    auto* bc = b.as<ClassObj>();
    cls->bases.emplace_back(bc);
    seqs.push_back(bc->mro);
    direct.push_back(bc);
    if (bc->is_exception) cls->is_exception = true;
  }
  seqs.push_back(direct);
  cls->mro.push_back(cls);
  for (ClassObj* c : c3_merge(seqs, name)) cls->mro.push_back(c);
  for (ClassObj* c : cls->mro) {
    if (c->builtin && c != I->t_object) { cls->builtin_base = c; break; }
  }
  if (!cls->builtin_base) cls->builtin_base = I->t_object;
  if (cls->builtin_base != I->t_object && !cls->is_exception) {
    extern bool g_builtin_subclassed;  // objects.cpp: equality then looks for such a class's __eq__
    g_builtin_subclassed = true;
  }
  set_slots(cls, ns.get());
  // __init_subclass__ and __class_getitem__ are implicit classmethods (as type.__new__ makes
  // them), so that super().__init_subclass__(**kw) passes the class along
  for (const char* implicit : {"__init_subclass__", "__class_getitem__"})
    if (Value* f = ns->find(str_key(implicit)); f && f->is(OK::Func)) {
      Value wrapped = Value::obj(new WrapperObj(OK::ClassMethod, *f));
      ns->set(str_key(implicit), wrapped);
    }
  // methods learn their class for super()
  ns->for_each([&](const Value&, const Value& v) { set_owner(v, cls); });
  // a class defining __eq__ without __hash__ is unhashable
  if (ns->find(str_key("__eq__")) && !ns->find(str_key("__hash__")) && !cls->is_exception) ns->set(str_key("__hash__"), Value());
  // As in Python's type.__new__: descriptors learn their name, then the parent's
  // __init_subclass__ (an implicit classmethod) sees the new class.
  std::vector<std::pair<Value, Value>> named;
  ns->for_each([&](const Value& k, const Value& v) {
    if (v.is(OK::Inst) && v.o->type->find("__set_name__")) named.emplace_back(k, v);
  });
  for (auto& [k, v] : named) call2(getattr(v, "__set_name__"), cv, k);
  for (size_t i = 1; i < cls->mro.size(); ++i) {
    if (const Value* h = cls->mro[i]->dict->find(str_key("__init_subclass__"))) {
      Value f = h->is(OK::ClassMethod) || h->is(OK::StaticMethod) ? h->as<WrapperObj>()->func : *h;
      call(f, &cv, 1, kw);
      break;
    }
  }
  return cv;
}


// ---------------------------------------------------------------- coroutine.send/throw/close
static GenObj* coro_driver(CoroObj* c) {
  if (!c->driver.is_obj()) {
    if (c->done || !c->func) return nullptr;
    auto* g = new GenObj(c->func, std::move(c->slots), false);
    g->is_coro = true;
    c->driver = Value::obj(g);
    c->done = true;  // from now on only send/throw run it
  }
  return c->driver.as<GenObj>();
}

Value coro_send(CoroObj* c, Value sent, bool& done) {
  GenObj* g = coro_driver(c);
  if (!g) {
    // a ready-made awaitable (asyncio.sleep, gather): its value at once
    done = true;
    return run_await(Value::obj(c));
  }
  if (g->finished) raise_id("RuntimeError", "runtime.coroutine_reused");
  return gen_send(g, std::move(sent), done);
}

Value coro_throw(CoroObj* c, Value exc, bool& done) {
  GenObj* g = coro_driver(c);
  if (!g) throw PyError(std::move(exc));
  return gen_throw(g, std::move(exc), done);
}

void coro_close(CoroObj* c) {
  if (c->driver.is_obj()) gen_close(c->driver.as<GenObj>());
  c->done = true;
}

}  // namespace ml::interp
