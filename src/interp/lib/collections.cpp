// _collections: Counter, defaultdict, OrderedDict, and namedtuple (written in stdlib/_namedtuple.py,
// imported on first use); collections.py builds on it, and deque is in deque.cpp.
#include <cmath>
#include <numeric>

#include "interp/code.h"
#include "interp/int_str_limit.h"
#include "interp/lib/lib_modules.h"
#include "interp/lib/libutil.h"

namespace ml::interp {

void sort_list(ValueVec& v, const Value& key, bool reverse);
Value make_class(const std::string& name, ValueVec bases, Ref<DictObj> ns);

static ClassObj *t_counter, *t_defaultdict, *t_ordereddict;

static void counter_add(DictObj* d, const Value& k, const Value& inc) {
  Value* cur = d->find(k);
  d->set(k, cur ? binop(ast::BinOp::Add, *cur, inc) : inc);
}


static Value make_counter(Value* a, int n, KwArgs* kw) {
  Value d = mk_dict();
  d.o->type = t_counter;
  if (n > 0) {
    if (a[0].is(OK::Dict)) a[0].as<DictObj>()->for_each([&](const Value& k, const Value& v) { counter_add(d.as<DictObj>(), k, v); });
    else for_each(a[0], [&](const Value& x) { counter_add(d.as<DictObj>(), x, Value::integer(1)); });
  }
  if (kw) for (auto& [k, v] : kw->items) counter_add(d.as<DictObj>(), k, v);
  return d;
}

static ClassObj* dict_subtype(const std::string& name) {
  auto* c = new ClassObj(name);
  incref(c);
  c->builtin = true;
  c->mro = {c, I->t_dict, I->t_object};
  c->bases.emplace_back(I->t_dict);
  c->dict->set(str_key("__module__"), mk_str("collections"));
  return c;
}

void init_collections() {
  Value m = lib_module("_collections");
  DictObj* d = module_dict(m);
  t_counter = dict_subtype("Counter");
  t_defaultdict = dict_subtype("defaultdict");
  t_ordereddict = dict_subtype("OrderedDict");
  d->set(str_key("Counter"), Value::obj(t_counter));
  d->set(str_key("defaultdict"), Value::obj(t_defaultdict));
  d->set(str_key("OrderedDict"), Value::obj(t_ordereddict));
  t_counter->dict->set(str_key("__ctor__"), Value::obj(new NativeObj("Counter", [](ARGS) { return make_counter(a, n, kw); })));
  def_method(t_counter, "__missing__", [](ARGS) -> Value { return Value::integer(0); });
  def_method(t_counter, "most_common", [](ARGS) -> Value {
    ValueVec items;
    a[0].as<DictObj>()->for_each([&](const Value& k, const Value& v) { items.push_back(mk_tuple({k, v})); });
    std::stable_sort(items.begin(), items.end(), [](const Value& x, const Value& y) {
      return lt(y.as<TupleObj>()->v[1], x.as<TupleObj>()->v[1]);
    });
    if (n > 1 && !a[1].is_none()) {
      int64_t k = as_index(a[1]);
      if (k < (int64_t)items.size()) items.resize(std::max<int64_t>(0, k));
    }
    return mk_list(std::move(items));
  });
  def_method(t_counter, "update", [](ARGS) -> Value {
    if (n > 1) {
      if (a[1].is(OK::Dict)) a[1].as<DictObj>()->for_each([&](const Value& k, const Value& v) { counter_add(a[0].as<DictObj>(), k, v); });
      else for_each(a[1], [&](const Value& x) { counter_add(a[0].as<DictObj>(), x, Value::integer(1)); });
    }
    return Value();
  });
  def_method(t_counter, "elements", [](ARGS) -> Value {
    ValueVec out;
    a[0].as<DictObj>()->for_each([&](const Value& k, const Value& v) { for (int64_t i = 0; i < as_index(v); ++i) out.push_back(k); });
    return iter(mk_list(std::move(out)));
  });
  def_method(t_counter, "total", [](ARGS) -> Value {
    Value s = Value::integer(0);
    a[0].as<DictObj>()->for_each([&](const Value&, const Value& v) { s = binop(ast::BinOp::Add, s, v); });
    return s;
  });
  t_defaultdict->dict->set(str_key("__ctor__"), Value::obj(new NativeObj("defaultdict", [](ARGS) -> Value {
    Value d2 = mk_dict();
    d2.o->type = t_defaultdict;
    if (n > 0) d2.as<DictObj>()->default_factory = a[0];
    if (n > 1) a[1].as<DictObj>()->for_each([&](const Value& k, const Value& v) { d2.as<DictObj>()->set(k, v); });
    return d2;
  })));
  def_method(t_defaultdict, "__missing__", [](ARGS) -> Value {
    auto* dd = a[0].as<DictObj>();
    if (dd->default_factory.is_none()) throw PyError(make_exception(I->e("KeyError"), ValueVec{a[1]}));
    Value v = call0(dd->default_factory);
    dd->set(a[1], v);
    return v;
  });
  t_ordereddict->dict->set(str_key("__ctor__"), Value::obj(new NativeObj("OrderedDict", [](ARGS) -> Value {
    Value dict_ctor = *I->t_dict->dict->find(str_key("__ctor__"));
    Value d = call(dict_ctor, a, n, kw);  // always a new dict
    d.o->type = t_ordereddict;
    return d;
  })));
  init_deque(d);
  // OrderedDict's own methods: reordering and popping from either end.
  def_method(t_ordereddict, "move_to_end", [](ARGS) -> Value {
    check_args("move_to_end", n, 2, 3);
    auto* d = a[0].as<DictObj>();
    bool last = n > 2 ? truthy(a[2]) : (kw_find(kw, "last") ? truthy(*kw_find(kw, "last")) : true);
    Value* v = d->find(a[1]);
    if (!v) throw PyError(make_exception(I->e("KeyError"), ValueVec{a[1]}));
    Value keep = *v;
    d->erase(a[1]);
    if (last) { d->set(a[1], keep); return Value(); }
    std::vector<std::pair<Value, Value>> rest;
    d->for_each([&](const Value& k, const Value& x) { rest.emplace_back(k, x); });
    d->clear();
    d->set(a[1], keep);
    for (auto& [k, x] : rest) d->set(k, x);
    return Value();
  });
  def_method(t_ordereddict, "popitem", [](ARGS) -> Value {
    auto* d = a[0].as<DictObj>();
    bool last = n > 1 ? truthy(a[1]) : (kw_find(kw, "last") ? truthy(*kw_find(kw, "last")) : true);
    if (d->size() == 0) throw PyError(make_exception(I->e("KeyError"), ValueVec{mk_str(msg("runtime.dict_empty"))}));
    Value key, val;
    bool found = false;
    d->for_each([&](const Value& k, const Value& x) {
      if (!last && found) return;
      key = k;
      val = x;
      found = true;
    });
    d->erase(key);
    return mk_tuple({key, val});
  });
  def_method(t_ordereddict, "fromkeys", [](ARGS) -> Value {
    int skip = n > 0 && a[0].is(OK::Class) ? 1 : 0;
    Value d = call(Value::obj(t_ordereddict), nullptr, 0);
    Value fill = n > skip + 1 ? a[skip + 1] : Value();
    for_each(a[skip], [&](const Value& k) { d.as<DictObj>()->set(k, fill); });
    return d;
  });
  // Their reprs, as Python's (3.11): Counter({...}) by count, OrderedDict([(k, v), ...]),
  // defaultdict(factory, {...}), deque([...]); a subclass shows its own name.
  auto plain_dict = [](const Value& v) {
    Value d = mk_dict();
    v.as<DictObj>()->for_each([&](const Value& k, const Value& x) { d.as<DictObj>()->set(k, x); });
    return d;
  };
  def_method(t_counter, "__repr__", [plain_dict](ARGS) -> Value {
    if (a[0].as<DictObj>()->size() == 0) return mk_str(type_name(a[0]) + "()");
    Value items = call0(getattr(a[0], "most_common"));
    Value d = mk_dict();
    for_each(items, [&](const Value& kv) { d.as<DictObj>()->set(kv.as<TupleObj>()->v[0], kv.as<TupleObj>()->v[1]); });
    return mk_str(type_name(a[0]) + "(" + repr(d) + ")");
  });
  def_method(t_ordereddict, "__repr__", [](ARGS) -> Value {
    if (a[0].as<DictObj>()->size() == 0) return mk_str(type_name(a[0]) + "()");
    ValueVec items;
    a[0].as<DictObj>()->for_each([&](const Value& k, const Value& x) { items.push_back(mk_tuple({k, x})); });
    return mk_str(type_name(a[0]) + "(" + repr(mk_list(std::move(items))) + ")");
  });
  def_method(t_defaultdict, "__repr__", [plain_dict](ARGS) -> Value {
    return mk_str(type_name(a[0]) + "(" + repr(a[0].as<DictObj>()->default_factory) + ", " + repr(plain_dict(a[0])) + ")");
  });
  // namedtuple is written in the language (stdlib/_namedtuple.py: a real tuple subclass);
  // imported on first use so programs that never call it do not pay for it.
  def_native(d, "namedtuple", [](ARGS) -> Value {
    return call(getattr(import_module("_namedtuple"), "namedtuple"), a, n, kw);
  });
}

}  // namespace ml::interp
