// _weakref: the weak cells under stdlib/weakref.py. A cell points at an object without counting
// as a reference to it; objects are reference counted, so when the last real reference goes the
// object's destructor (Object::~Object, through has_weak) clears every cell pointing at it and
// calls their callbacks, as CPython does at the same moment. Objects kept alive by a reference
// cycle die when the cycle collector (gc.cpp) finds them: it clears their weak references
// first, while the objects are still whole.
#include <iostream>
#include <unordered_map>
#include <vector>

#include "interp/lib/lib_modules.h"
#include "interp/lib/libutil.h"

namespace ml::interp {

namespace {

ClassObj* t_cell = nullptr;

// The cell of one weakref.ref: `owner` is the Python ref object that holds it (its only holder,
// so not counted: the owner outlives the cell), `callback` is called with the owner when the
// target dies.
struct WeakCell : Object {
  Object* target = nullptr;
  Object* owner = nullptr;
  Value callback;
  WeakCell() : Object(OK::Other, t_cell) {}
  ~WeakCell() override;
};

std::unordered_map<Object*, std::vector<WeakCell*>>& table() {
  static auto* t = new std::unordered_map<Object*, std::vector<WeakCell*>>();
  return *t;
}

WeakCell::~WeakCell() {
  if (!target) return;
  auto it = table().find(target);
  if (it == table().end()) return;
  auto& cells = it->second;
  std::erase(cells, this);
  if (cells.empty()) {
    target->has_weak = false;
    table().erase(it);
  }
}

WeakCell* cell_of(const Value& v) {
  auto* c = v.is(OK::Other) ? dynamic_cast<WeakCell*>(v.o) : nullptr;
  if (!c) raise_id("TypeError", "runtime.descriptor_received_a", {{"owner", "weak cell"}, {"type", type_name(v)}});
  return c;
}

// The builtin types whose instances CPython cannot refer to weakly (their subclasses can).
bool weakrefable(const Value& v) {
  if (v.t != VT::Obj) return false;
  ClassObj* t = v.o->type;
  return !(t == I->t_str || t == I->t_tuple || t == I->t_list || t == I->t_dict || t == I->t_bytes || t == I->t_int);
}

// Callbacks due while others run are queued and run in order by the outermost clearing: a
// callback that drops the last reference to another watched object does not nest.
std::vector<std::pair<Value, Value>>* pending = nullptr;

void run_callbacks(std::vector<std::pair<Value, Value>>& due) {
  for (size_t i = 0; i < due.size(); ++i) {
    auto [cb, owner] = std::move(due[i]);
    try {
      call1(cb, owner);
    } catch (PyError& e) {
      // Nowhere to raise it (the object died inside some other operation): reported as
      // CPython reports it, and dropped.
      if (I->out) I->out->flush();
      std::cerr << "Exception ignored in: " << repr(cb) << "\n" << type_name(e.exc) << ": " << to_str(e.exc) << "\n";
    } catch (...) {
    }
  }
}

}  // namespace

void clear_weakrefs(Object* o) noexcept {
  auto it = table().find(o);
  if (it == table().end()) return;
  std::vector<WeakCell*> cells = std::move(it->second);
  table().erase(it);
  o->has_weak = false;
  std::vector<std::pair<Value, Value>> due;
  for (WeakCell* c : cells) {
    c->target = nullptr;
    if (!c->callback.is_none() && c->owner && I) due.emplace_back(c->callback, Value::obj(c->owner));
  }
  if (due.empty()) return;
  if (pending) {  // inside another clearing's callbacks: run after them
    for (auto& d : due) pending->push_back(std::move(d));
    return;
  }
  std::vector<std::pair<Value, Value>> queue = std::move(due);
  pending = &queue;
  try {
    run_callbacks(queue);
  } catch (...) {
  }
  pending = nullptr;
}

void init_weakref() {
  Value m = lib_module("_weakref");
  DictObj* d = module_dict(m);
  t_cell = lib_class("_weakref", "cell");
  // cell(obj, owner, callback): a new cell pointing at obj
  def_native(d, "cell", [](ARGS) -> Value {
    check_args("cell", n, 3, 3);
    if (!weakrefable(a[0])) raise_id("TypeError", "runtime.weakref_unsupported", {{"type", type_name(a[0])}});
    auto* c = new WeakCell();
    Value cv = Value::obj(c);
    c->target = a[0].o;
    c->owner = a[1].t == VT::Obj ? a[1].o : nullptr;
    c->callback = a[2];
    table()[c->target].push_back(c);
    c->target->has_weak = true;
    return cv;
  });
  def_native(d, "get", [](ARGS) -> Value {
    check_args("get", n, 1, 1);
    WeakCell* c = cell_of(a[0]);
    return c->target ? Value::obj(c->target) : Value();
  });
  // owners(obj): the ref objects pointing at obj (weakref.getweakrefs)
  def_native(d, "owners", [](ARGS) -> Value {
    check_args("owners", n, 1, 1);
    ValueVec out;
    if (a[0].t == VT::Obj && a[0].o->has_weak)
      for (WeakCell* c : table()[a[0].o])
        if (c->owner) out.push_back(Value::obj(c->owner));
    return mk_list(std::move(out));
  });
  def_native(d, "count", [](ARGS) -> Value {
    check_args("count", n, 1, 1);
    if (a[0].t != VT::Obj || !a[0].o->has_weak) return Value::integer(0);
    return Value::integer((int64_t)table()[a[0].o].size());
  });
}

}  // namespace ml::interp
