// The cycle collector. Memory is reference counted; what counting cannot free is a group of
// objects that refer to each other and to which nothing else refers. This finds such groups as
// CPython's collector does (Modules/gcmodule.c): every container (the kinds in kGcKinds) is in
// a table from construction to destruction; a collection copies each candidate's reference
// count, subtracts the references the candidates hold to one another (visiting each one's
// children), and what still has a count left is referred to from outside (a variable of a running
// frame, a module, a C++ temporary, an object that is not a container): it and everything it
// reaches survive. The rest is garbage: its weak references are cleared (their callbacks run),
// the __del__ of its instances runs once, and, unless that brought some of it back, each object
// drops the references it holds, which frees the whole group by ordinary counting.
//
// Safety rests on two rules. A child is visited only where the parent holds a counted reference
// to it (raw pointers, like a class's mro or a frame's function, are never visited), so a
// count can only be left too high, which keeps objects alive, never too low. And an object
// whose count is 0 is being built or destroyed by C++ code: it is neither visited nor freed,
// and whatever it refers to counts as referred to from outside.
//
// Collections run at safe points only: gc.collect(), and check_interrupt() (loop back edges and
// calls), which sees the request that the allocation count made, so that no C++ code is in the
// middle of changing a container. Two generations: new objects are young; a collection of the
// young treats references from old objects as outside ones and makes the survivors old; a full
// collection runs when the old have grown by a quarter since the last one (CPython's rule, which
// keeps the total work linear in the allocations).
#include "interp/gc.h"

#include <algorithm>
#include <iostream>
#include <vector>

#include "interp/runtime.h"
#include "interp/shape.h"

namespace ml::interp {

namespace {

// Where an object's address lands in the open-addressing tables below (PtrSet, Candidates):
// objects are 16-byte aligned, and the multiply spreads neighbours apart.
static size_t ptr_hash(Object* p) { return size_t((uintptr_t(p) >> 4) * 0x9E3779B97F4A7C15ULL >> 20); }

// The tracked objects, each with its tracking sequence number (so that a collection sees them
// in the order they were made, as CPython's lists keep them, and runs finalizers in that
// order): open addressing, linear probing, deletion by backward shift (no tombstones, so that
// lookups stay short in a table that sees many removals).
class PtrSet {
 public:
  struct Slot { Object* p = nullptr; uint64_t seq = 0; };
  size_t size() const { return n_; }
  void insert(Object* p, uint64_t seq) {
    if ((n_ + 1) * 2 > slots_.size()) grow();
    size_t m = slots_.size() - 1, i = ptr_hash(p) & m;
    while (slots_[i].p) {
      if (slots_[i].p == p) return;
      i = (i + 1) & m;
    }
    slots_[i] = Slot{p, seq};
    ++n_;
  }
  // Removes p; returns its sequence number (0 if it was not there).
  uint64_t erase(Object* p) {
    if (slots_.empty()) return 0;
    size_t m = slots_.size() - 1, i = ptr_hash(p) & m;
    while (slots_[i].p != p) {
      if (!slots_[i].p) return 0;
      i = (i + 1) & m;
    }
    uint64_t seq = slots_[i].seq;
    // Move back each following entry that would no longer be found past the hole.
    size_t j = i;
    for (;;) {
      j = (j + 1) & m;
      if (!slots_[j].p) break;
      size_t home = ptr_hash(slots_[j].p) & m;
      if (((j - home) & m) >= ((j - i) & m)) {
        slots_[i] = slots_[j];
        i = j;
      }
    }
    slots_[i] = Slot{};
    --n_;
    return seq;
  }
  template <class F> void for_each(F f) const {
    for (const Slot& s : slots_) if (s.p) f(s.p, s.seq);
  }

 private:
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
    n_ = 0;
    for (const Slot& s : old) if (s.p) insert(s.p, s.seq);
  }
  std::vector<Slot> slots_;
  size_t n_ = 0;
};

// Object::gc flags. kNursery (both generation bits) marks an object in the nursery; its other
// bits then hold its slot there (a nursery object was never collected, so it has no kFinalized).
constexpr uint8_t kYoung = 1, kOld = 2, kFinalized = 4, kNursery = 3;
constexpr uint32_t kNurserySlots = 64;  // what fits in the six bits above kNursery
bool in_nursery(const Object* o) { return (o->gc & kNursery) == kNursery; }

struct State {
  // Most containers die within a few allocations of their making (argument tuples, bound
  // methods, temporary lists): the newest young objects wait in a ring, where tracking and
  // untracking cost a store each, and only those that outlive kNurserySlots more allocations
  // (or a collection) move to the hash set.
  PtrSet::Slot nursery[kNurserySlots];
  uint32_t nursery_next = 0;
  PtrSet young, old;
  bool enabled = true, collecting = false;
  int64_t threshold[3] = {700, 10, 10};
  uint64_t seq = 0;              // the last tracking sequence number given
  int64_t count0 = 0;            // young allocations minus deallocations since the last collection
  int64_t young_runs = 0;        // young collections since the last full one
  size_t old_at_full = 0;        // the number of old objects the last full collection left
  int64_t collections[3] = {0, 0, 0}, collected[3] = {0, 0, 0};
};

// Built at compile time (no guard to test on each call) and never destroyed: objects die after
// static destructors run.
union StateHolder {
  State s;
  constexpr StateHolder() : s() {}
  ~StateHolder() {}
};
constinit StateHolder g_state;
State& st() { return g_state.s; }

// Calls f(child) for every object `o` holds a counted reference to (the children that can take
// part in a cycle; CPython's tp_traverse).
template <class F> void traverse(Object* o, F&& f) {
  auto val = [&](const Value& v) { if (v.t == VT::Obj) f(v.o); };
  switch (o->kind) {
    case OK::List:
      for (auto& v : static_cast<ListObj*>(o)->v) val(v);
      break;
    case OK::Tuple:
      for (auto& v : static_cast<TupleObj*>(o)->v) val(v);
      break;
    case OK::Dict: {
      auto* d = static_cast<DictObj*>(o);
      for (auto& e : d->entries) { val(e.key); val(e.value); }
      val(d->default_factory);
      break;
    }
    case OK::Set: case OK::FrozenSet:
      for (auto& s : static_cast<SetObj*>(o)->table) val(s.key);
      break;
    case OK::Inst: {
      auto* in = static_cast<InstObj*>(o);
      if (in->shape) for (uint32_t i = 0; i < in->shape->size; ++i) val(in->slots[i]);
      if (in->dict_) f(in->dict_.get());
      if (const ExcState* ex = in->exc_state()) {
        val(ex->cause); val(ex->context);
        for (auto& t : ex->tb) val(t.globals);
      }
      break;
    }
    case OK::Func: {
      auto* fn = static_cast<FuncObj*>(o);
      for (auto& v : fn->defaults) val(v);
      if (fn->kwdefaults) f(fn->kwdefaults.get());
      for (auto& c : fn->closure) if (c) f(c.get());
      if (fn->globals) f(fn->globals.get());
      if (fn->attrs) f(fn->attrs.get());
      val(fn->doc);
      break;
    }
    case OK::Bound: {
      auto* b = static_cast<BoundObj*>(o);
      val(b->self); val(b->func);
      break;
    }
    case OK::Cell:
      val(static_cast<CellObj*>(o)->v);
      break;
    case OK::Gen: {
      auto* g = static_cast<GenObj*>(o);
      if (g->func) f(g->func.get());
      for (auto& v : g->slots) val(v);
      break;
    }
    case OK::Coro: {
      auto* c = static_cast<CoroObj*>(o);
      if (c->func) f(c->func.get());
      for (auto& v : c->slots) val(v);
      val(c->driver); val(c->result);
      break;
    }
    case OK::DictView:
      if (auto* d = static_cast<DictViewObj*>(o)->d.get()) f(d);
      break;
    case OK::Property: {
      auto* p = static_cast<PropertyObj*>(o);
      val(p->fget); val(p->fset); val(p->fdel);
      break;
    }
    case OK::StaticMethod: case OK::ClassMethod:
      val(static_cast<WrapperObj*>(o)->func);
      break;
    default:
      break;
  }
}

// Drops the references `o` holds that can make a cycle, leaving it valid to use (CPython's
// tp_clear): containers are emptied, instance attributes and cells set to None. Generators
// keep theirs (their frame may still run, to close them); a cycle through one is broken at
// another member.
void clear(Object* o) {
  switch (o->kind) {
    case OK::List: { ValueVec gone; gone.swap(static_cast<ListObj*>(o)->v); break; }
    case OK::Tuple: { ValueVec gone; gone.swap(static_cast<TupleObj*>(o)->v); break; }
    case OK::Dict: {
      auto* d = static_cast<DictObj*>(o);
      Value f = std::move(d->default_factory);
      d->default_factory = Value();
      d->clear();
      break;
    }
    case OK::Set: case OK::FrozenSet: static_cast<SetObj*>(o)->clear(); break;
    case OK::Inst: {
      auto* in = static_cast<InstObj*>(o);
      if (in->shape)
        for (uint32_t i = 0; i < in->shape->size; ++i) { Value gone = std::move(in->slots[i]); in->slots[i] = Value(); }
      if (in->exc_state()) {
        ExcState& ex = in->ex();
        Value c = std::move(ex.cause), x = std::move(ex.context);
        ex.cause = Value(); ex.context = Value();
      }
      break;
    }
    case OK::Func: {
      auto* fn = static_cast<FuncObj*>(o);
      for (auto& v : fn->defaults) { Value gone = std::move(v); v = Value(); }
      break;
    }
    case OK::Cell: {
      auto* c = static_cast<CellObj*>(o);
      Value gone = std::move(c->v);
      c->v = Value();
      c->bound = false;
      break;
    }
    case OK::Bound: {
      auto* b = static_cast<BoundObj*>(o);
      Value s = std::move(b->self), f = std::move(b->func);
      b->self = Value(); b->func = Value();
      break;
    }
    case OK::Property: {
      auto* p = static_cast<PropertyObj*>(o);
      Value a = std::move(p->fget), b = std::move(p->fset), c = std::move(p->fdel);
      p->fget = Value(); p->fset = Value(); p->fdel = Value();
      break;
    }
    case OK::StaticMethod: case OK::ClassMethod: {
      auto* w = static_cast<WrapperObj*>(o);
      Value gone = std::move(w->func);
      w->func = Value();
      break;
    }
    default:
      break;
  }
}

// Moves the object in a nursery slot to the young hash set.
void evict(State& s, PtrSet::Slot& sl) {
  sl.p->gc = kYoung;
  s.young.insert(sl.p, sl.seq);
  sl = PtrSet::Slot{};
}

// Empties the nursery into the young hash set, so that a collection, or a caller listing the
// tracked objects, sees every young object there.
void flush_nursery(State& s) {
  for (PtrSet::Slot& sl : s.nursery) if (sl.p) evict(s, sl);
}

// The candidates of one collection, with each one's position (to find a child among them):
// an open-addressing table from address to position, looked up once per reference followed.
struct Candidates {
  std::vector<Object*> objs;
  std::vector<int64_t> refs;
  std::vector<std::pair<Object*, uint32_t>> index;
  size_t mask = 0;
  int64_t find(Object* p) const {
    for (size_t i = ptr_hash(p) & mask;; i = (i + 1) & mask) {
      if (index[i].first == p) return int64_t(index[i].second);
      if (!index[i].first) return -1;
    }
  }
  void build_index() {
    size_t cap = 16;
    while (cap < objs.size() * 2) cap *= 2;
    mask = cap - 1;
    index.assign(cap, {nullptr, 0});
    for (uint32_t i = 0; i < objs.size(); ++i) {
      size_t k = ptr_hash(objs[i]) & mask;
      while (index[k].first) k = (k + 1) & mask;
      index[k] = {objs[i], i};
    }
  }
};

// Which of `c.objs` are referred to from outside the group, directly or through other members:
// reach[i] true. `extra` is subtracted from every count (the references the collector itself
// holds).
std::vector<bool> reachable(Candidates& c, int64_t extra) {
  size_t n = c.objs.size();
  c.refs.assign(n, 0);
  for (size_t i = 0; i < n; ++i) c.refs[i] = int64_t(c.objs[i]->rc) - extra;
  for (size_t i = 0; i < n; ++i) {
    if (c.objs[i]->rc == 0) continue;  // being built or destroyed: its children count as outside
    traverse(c.objs[i], [&](Object* ch) {
      int64_t j = c.find(ch);
      if (j >= 0) --c.refs[j];
    });
  }
  std::vector<bool> reach(n, false);
  std::vector<size_t> work;
  for (size_t i = 0; i < n; ++i)
    if (c.refs[i] > 0 || c.objs[i]->rc == 0) { reach[i] = true; work.push_back(i); }
  while (!work.empty()) {
    size_t i = work.back();
    work.pop_back();
    if (c.objs[i]->rc == 0) continue;
    traverse(c.objs[i], [&](Object* ch) {
      int64_t j = c.find(ch);
      if (j >= 0 && !reach[j]) { reach[j] = true; work.push_back(size_t(j)); }
    });
  }
  return reach;
}

void report_ignored(const Value& where, PyError& e) {
  if (I->out) I->out->flush();
  std::cerr << "Exception ignored in: " << repr(where) << "\n" << type_name(e.exc) << ": " << to_str(e.exc) << "\n";
}

// Runs what Python runs before freeing garbage: weak reference callbacks, then each instance's
// __del__ (once in its life, as PEP 442 has it). True if any Python code ran.
bool finalize(const std::vector<Object*>& garbage) {
  bool ran = false;
  for (Object* o : garbage)
    if (o->has_weak) { clear_weakrefs(o); ran = true; }
  for (Object* o : garbage) {
    if (o->kind != OK::Inst || (o->gc & kFinalized) || !o->type) continue;
    const Value* del = o->type->find("__del__");
    if (!del) continue;
    o->gc |= kFinalized;
    ran = true;
    Value fn = *del;
    try {
      call1(fn, Value::obj(o));
    } catch (PyError& e) {
      report_ignored(fn, e);
    } catch (...) {
    }
  }
  return ran;
}

// One collection of the young objects, or of all (`full`). Returns the number of unreachable
// objects found.
int64_t collect(bool full) {
  State& s = st();
  if (s.collecting || !I) return 0;
  s.collecting = true;
  struct Done { State& s; ~Done() { s.collecting = false; } } done{s};
  flush_nursery(s);
  Candidates c;
  std::vector<uint64_t> seqs;  // each candidate's tracking number
  c.objs.reserve(s.young.size() + (full ? s.old.size() : 0));
  seqs.reserve(c.objs.capacity());
  s.young.for_each([&](Object* p, uint64_t q) { c.objs.push_back(p); seqs.push_back(q); });
  if (full) s.old.for_each([&](Object* p, uint64_t q) { c.objs.push_back(p); seqs.push_back(q); });
  c.build_index();
  std::vector<bool> reach = reachable(c, 0);

  // Survivors grow old. The garbage is put in the order it was made (CPython's lists keep that
  // order, and its finalizers run in it); only the garbage is sorted, usually a few objects.
  std::vector<std::pair<uint64_t, Object*>> dead;
  for (size_t i = 0; i < c.objs.size(); ++i) {
    Object* o = c.objs[i];
    if (!reach[i]) { dead.emplace_back(seqs[i], o); continue; }
    if (o->gc & kYoung) {
      s.old.insert(o, s.young.erase(o));
      o->gc = uint8_t((o->gc & ~kYoung) | kOld);
    }
  }
  std::sort(dead.begin(), dead.end());
  std::vector<Object*> garbage;
  garbage.reserve(dead.size());
  for (auto& d : dead) garbage.push_back(d.second);
  int gen = full ? 2 : 0;
  s.count0 = 0;
  s.collections[gen]++;
  if (full) { s.young_runs = 0; } else { s.young_runs++; }
  int64_t found = int64_t(garbage.size());
  if (!garbage.empty()) {
    // Held while finalizers run and while the group is taken apart, so that none is freed
    // before every member has dropped its references.
    for (Object* o : garbage) incref(o);
    std::vector<bool> back(garbage.size(), false);
    if (finalize(garbage)) {
      // Python code ran: anything it stored away (resurrected) survives, with what it reaches.
      Candidates g;
      g.objs = garbage;
      g.build_index();
      back = reachable(g, 1);
    }
    for (size_t i = 0; i < garbage.size(); ++i) if (!back[i]) clear(garbage[i]);
    for (Object* o : garbage) decref(o);
  }
  s.collected[gen] += found;
  if (full) s.old_at_full = s.old.size();
  return found;
}

// gc_track's rare cases: `out`, pushed out of the nursery, moves to the young hash set; the
// allocation count passed threshold 0 (`over`).
__attribute__((noinline)) void track_slow(State& s, PtrSet::Slot out, bool over) {
  if (out.p) evict(s, out);
  if (over && s.enabled && !s.collecting && s.threshold[0] > 0 && I) {
    // Asked of the interpreter, which collects at its next safe point (check_interrupt): the
    // object being made is not finished yet. A time limit or a signal already pending wins;
    // each later allocation asks again until a collection runs.
    int expected = 0;
    I->interrupt_ms.compare_exchange_strong(expected, Interp::kGcPending, std::memory_order_relaxed);
  }
}

}  // namespace

void gc_track(Object* o) {
  State& s = st();
  uint32_t i = s.nursery_next++ % kNurserySlots;
  PtrSet::Slot& sl = s.nursery[i];
  PtrSet::Slot out = sl;
  sl = PtrSet::Slot{o, ++s.seq};
  o->gc = uint8_t(kNursery | (i << 2));
  bool over = ++s.count0 > s.threshold[0];
  // One test and a tail call for both rare cases, so that the common path saves no registers.
  if (__builtin_expect((out.p != nullptr) | over, 0)) track_slow(s, out, over);
}

void gc_untrack(Object* o) noexcept {
  State& s = st();
  if (in_nursery(o)) {
    s.nursery[o->gc >> 2] = PtrSet::Slot{};
    if (s.count0 > 0) --s.count0;
  } else if (o->gc & kYoung) {
    s.young.erase(o);
    if (s.count0 > 0) --s.count0;
  } else if (o->gc & kOld) {
    s.old.erase(o);
  }
  o->gc = 0;
}

void gc_forget_all() {
  State& s = st();
  flush_nursery(s);
  s.young.for_each([](Object* p, uint64_t) { p->gc = 0; });
  s.old.for_each([](Object* p, uint64_t) { p->gc = 0; });
  s.young = PtrSet();
  s.old = PtrSet();
  s.count0 = 0;
  s.old_at_full = 0;
}

void gc_run_requested() {
  State& s = st();
  if (!s.enabled || s.collecting) return;
  // A full collection after threshold[1] * threshold[2] young ones (CPython's middle generation
  // runs every threshold[1] young collections and its oldest every threshold[2] middle ones),
  // when the old have grown by a quarter: a heap being built up is then traversed a few times in
  // all, not once every ten young collections.
  int64_t every = s.threshold[1] * std::max<int64_t>(s.threshold[2], 1);
  bool full = s.young_runs >= every && s.old.size() > s.old_at_full + s.old_at_full / 4;
  collect(full);
}

// Generation 0 collects the young objects; 1 and 2 (there are two generations here) all.
int64_t gc_collect(int generation) { return collect(generation >= 1); }

bool gc_enabled() { return st().enabled; }
void gc_set_enabled(bool on) { st().enabled = on; }
bool gc_is_tracked(const Object* o) { return o->gc & (kYoung | kOld); }
bool gc_is_finalized(const Object* o) { return !in_nursery(o) && (o->gc & kFinalized); }
void gc_counts(int64_t out[3]) {
  State& s = st();
  out[0] = s.count0;
  out[1] = s.young_runs;
  out[2] = 0;
}
void gc_thresholds(int64_t out[3]) { for (int i = 0; i < 3; ++i) out[i] = st().threshold[i]; }
void gc_set_thresholds(const int64_t t[3]) { for (int i = 0; i < 3; ++i) st().threshold[i] = t[i]; }
void gc_stats(int64_t collections[3], int64_t collected[3]) {
  for (int i = 0; i < 3; ++i) { collections[i] = st().collections[i]; collected[i] = st().collected[i]; }
}
std::vector<Object*> gc_objects() {
  std::vector<Object*> out;
  std::vector<std::pair<uint64_t, Object*>> order;
  auto add = [&](Object* p, uint64_t q) { if (p->rc) order.emplace_back(q, p); };
  for (const PtrSet::Slot& sl : st().nursery) if (sl.p) add(sl.p, sl.seq);
  st().old.for_each(add);
  st().young.for_each(add);
  std::sort(order.begin(), order.end());
  for (auto& [q, p] : order) out.push_back(p);
  return out;
}
void gc_referents(Object* o, std::vector<Object*>& out) {
  if (o->gc && o->rc) traverse(o, [&](Object* ch) { out.push_back(ch); });
}

}  // namespace ml::interp
