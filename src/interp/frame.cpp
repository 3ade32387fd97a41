// Calling user functions (argument binding into frame slots), generators on their own stacks
// (ucontext coroutines), synchronous await, and class creation (C3 MRO).
#include <sys/mman.h>
#include <ucontext.h>

#include <algorithm>

// AddressSanitizer must be told when the C++ stack changes (generators switch stacks with
// swapcontext): otherwise an exception thrown on a generator stack makes it unpoison the
// wrong region and report stack-use-after-scope. See the ASan fiber API.
#if defined(__SANITIZE_ADDRESS__)
#define ML_ASAN_FIBERS 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ML_ASAN_FIBERS 1
#endif
#endif
#ifdef ML_ASAN_FIBERS
#include <sanitizer/asan_interface.h>
#include <sanitizer/common_interface_defs.h>
#endif

#include "interp/interpreter.h"
#include "interp/code.h"

namespace ml::interp {

// ---------------------------------------------------------------- frames
struct DepthGuard {
  DepthGuard() {
    char probe;
    check_interrupt();
    if (++I->depth > I->recursion_limit || (I->stack_low && &probe < I->stack_low)) {
      --I->depth;
      raise_id("RecursionError", "runtime.recursion");
    }
  }
  ~DepthGuard() { --I->depth; }
};

struct SrcGuard {
  const SourceFile* saved;
  explicit SrcGuard(const SourceFile* s) : saved(I->cur_src) { I->cur_src = s; }
  ~SrcGuard() { I->cur_src = saved; }
};

Value run_frame(FuncObj* f, Value* slots, GenObj* gen) {
  Frame fr;
  fr.slots = slots;
  fr.func = f;
  fr.globals = f->globals.get();
  fr.gen = gen;
  SrcGuard sg(f->code->src);
  try {
    f->code->body->exec(fr);
  } catch (PyError& e) {
    leave_frame(e, f->name);
    throw;
  }
  return std::move(fr.retval);
}

void run_module_code(const FuncCode* code, DictObj* globals) {
  Frame fr;
  fr.globals = globals;
  SrcGuard sg(code->src);
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
    Value* d = f->kwdefaults ? f->kwdefaults->find(str_key(c->slot_names[i])) : nullptr;
    if (d) slots[i] = *d;
    else raise_id("TypeError", "runtime.missing_kwonly", {{"name", c->name}, {"arg", c->slot_names[i]}});
  }
}

static Value call_function_inner(FuncObj* f, Value* args, int nargs, KwArgs* kw);

// Reports the call to the profiler, if one is attached, around the real call.
Value call_function(FuncObj* f, Value* args, int nargs, KwArgs* kw) {
  if (__builtin_expect(I->observer != nullptr, 0)) {
    const FuncCode* c = f->code;
    CallObserver* obs = I->observer;
    obs->enter(c, c->qualname.empty() ? c->name : c->qualname, c->src ? c->src->path : std::string(), c->loc.line);
    struct Leave {
      CallObserver* o;
      ~Leave() { o->leave(); }
    } leave{obs};
    return call_function_inner(f, args, nargs, kw);
  }
  return call_function_inner(f, args, nargs, kw);
}

static Value call_function_inner(FuncObj* f, Value* args, int nargs, KwArgs* kw) {
  const FuncCode* c = f->code;
  if (__builtin_expect((bool)I->try_call_compiled, 0)) {
    if (!kw) {
      std::optional<Value> r;
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
  for (int s : c->cell_slots) {
    auto* cell = new CellObj();
    if (s < c->nparams) { cell->v = std::move(slots[s]); cell->bound = true; }
    slots[s] = Value::obj(cell);
  }
  if (c->is_gen) {
    return Value::obj(new GenObj(Ref<FuncObj>(f), ValueVec(slots, slots + c->nslots), c->is_async));
  }
  if (c->is_async) {
    auto* co = new CoroObj();
    co->func = Ref<FuncObj>(f);
    co->slots.assign(slots, slots + c->nslots);
    return Value::obj(co);
  }
  return run_frame(f, slots, nullptr);
}

// ---------------------------------------------------------------- generators
static constexpr size_t kGenStack = 1 << 20;   // 1 MiB (lazily committed)
static constexpr size_t kStackMargin = 64 << 10;

struct GenState {
  ucontext_t ctx, caller;
  char* stack = nullptr;
  Value transfer;
  std::exception_ptr exc;
  bool done = false;
  char* saved_low = nullptr;
  int saved_depth = 0;
#ifdef ML_ASAN_FIBERS
  const void* caller_bottom = nullptr;  // the resuming stack, for the switch back
  size_t caller_size = 0;
#endif
};

// ASan fiber annotations around each swapcontext (no-ops in normal builds).
static inline void fiber_leave(void** fake_save, const void* bottom, size_t size) {
#ifdef ML_ASAN_FIBERS
  __sanitizer_start_switch_fiber(fake_save, bottom, size);
#else
  (void)fake_save, (void)bottom, (void)size;
#endif
}
static inline void fiber_arrived(void* fake, GenState* from_caller) {
#ifdef ML_ASAN_FIBERS
  if (from_caller) __sanitizer_finish_switch_fiber(fake, &from_caller->caller_bottom, &from_caller->caller_size);
  else __sanitizer_finish_switch_fiber(fake, nullptr, nullptr);
#else
  (void)fake, (void)from_caller;
#endif
}

static std::vector<char*> stack_pool;

static char* alloc_stack() {
  if (!stack_pool.empty()) {
    char* s = stack_pool.back();
    stack_pool.pop_back();
#ifdef ML_ASAN_FIBERS
    ASAN_UNPOISON_MEMORY_REGION(s + 4096, kGenStack - 4096);  // frames left by its last generator
#endif
    return s;
  }
  void* p = mmap(nullptr, kGenStack, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED) raise("MemoryError", "cannot allocate generator stack");
  mprotect(p, 4096, PROT_NONE);  // guard page
  return (char*)p;
}
static void free_stack(char* s) {
  if (stack_pool.size() < 64) stack_pool.push_back(s);
  else munmap(s, kGenStack);
}

GenObj::GenObj(Ref<FuncObj> f, ValueVec s, bool async_gen)
    : Object(OK::Gen, I->t_generator), func(std::move(f)), slots(std::move(s)), is_async(async_gen) {}

GenObj::~GenObj() {
  if (st) {
    // A suspended generator's stack still holds references; they are leaked (like an
    // unclosed generator whose finally blocks never run).
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

static GenObj* g_starting = nullptr;

static void gen_entry() {
  GenObj* g = g_starting;
  GenState* st = g->st;
  fiber_arrived(nullptr, st);
  try {
    Value r = run_frame(g->func.get(), g->slots.data(), g);
    st->transfer = std::move(r);
  } catch (...) {
    st->exc = std::current_exception();
  }
  st->done = true;
  fiber_leave(nullptr, st_caller_bottom(st), st_caller_size(st));  // this stack is done
  swapcontext(&st->ctx, &st->caller);
}

Value gen_send(GenObj* g, Value sent, bool& done) {
  done = false;
  if (g->finished) { done = true; return Value(); }
  if (g->running) value_error("generator already executing");
  // A generator resumed from inside another one (`yield from` chains, generators iterating
  // generators) runs one level deeper: endless chains end in RecursionError, as calls do.
  if (I->depth + 1 > I->recursion_limit) raise_id("RecursionError", "runtime.recursion");
  if (!g->started) {
    if (!sent.is_none()) type_error("can't send non-None value to a just-started generator");
    g->st = new GenState();
    g->st->stack = alloc_stack();
    getcontext(&g->st->ctx);
    g->st->ctx.uc_stack.ss_sp = g->st->stack;
    g->st->ctx.uc_stack.ss_size = kGenStack;
    g->st->ctx.uc_link = nullptr;
    makecontext(&g->st->ctx, gen_entry, 0);
    g->started = true;
    g_starting = g;
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
  void* fake = nullptr;
  fiber_leave(&fake, st->stack, kGenStack);
  swapcontext(&st->caller, &st->ctx);
  fiber_arrived(fake, nullptr);
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

Value gen_yield(Frame& fr, Value v) {
  GenObj* g = fr.gen;
  if (!g) raise("SyntaxError", "'yield' outside function");
  GenState* st = g->st;
  st->transfer = std::move(v);
  void* fake = nullptr;
  fiber_leave(&fake, st_caller_bottom(st), st_caller_size(st));
  swapcontext(&st->ctx, &st->caller);
  fiber_arrived(fake, st);  // resumed, perhaps from another stack than last time
  return std::move(st->transfer);
}

// ---------------------------------------------------------------- await
Value run_await(const Value& a) {
  if (a.is(OK::Coro)) {
    auto* c = a.as<CoroObj>();
    if (c->done) raise("RuntimeError", "cannot reuse already awaited coroutine");
    c->done = true;
    if (c->thunk) return c->thunk();
    if (!c->func) return c->result;
    DepthGuard dg;
    return run_frame(c->func.get(), c->slots.data(), nullptr);
  }
  if (a.is(OK::Gen)) {
    Value last;
    bool done = false;
    while (true) {
      Value r = gen_send(a.as<GenObj>(), Value(), done);
      if (done) return r;
    }
  }
  if (a.is(OK::Inst)) {
    if (const Value* m = a.o->type->find("__await__")) {
      Value it = call1(*m, a);
      if (it.is(OK::Gen)) return run_await(it);
      Value x;
      Value itr = iter(it);
      while (next(itr, x)) {}
      return Value();
    }
  }
  type_error("object " + type_name(a) + " can't be used in 'await' expression");
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
    if (!cand) type_error("Cannot create a consistent method resolution order (MRO) for bases of " + name);
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

Value make_class(const std::string& name, ValueVec bases, Ref<DictObj> ns) {
  auto* cls = new ClassObj(name);
  Value cv = Value::obj(cls);
  cls->dict = ns;
  if (bases.empty()) bases.push_back(Value::obj(I->t_object));
  std::vector<std::vector<ClassObj*>> seqs;
  std::vector<ClassObj*> direct;
  for (auto& b : bases) {
    if (!b.is(OK::Class)) type_error("bases must be types");
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
  // __init_subclass__ / __set_name__ are not supported; methods learn their class for super()
  ns->for_each([&](const Value&, const Value& v) { set_owner(v, cls); });
  // a class defining __eq__ without __hash__ is unhashable
  if (ns->find(str_key("__eq__")) && !ns->find(str_key("__hash__")) && !cls->is_exception) ns->set(str_key("__hash__"), Value());
  return cv;
}

}  // namespace ml::interp
