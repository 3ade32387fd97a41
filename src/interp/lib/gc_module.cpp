// _gc: the cycle collector's controls (src/interp/gc.cpp), under stdlib/gc.py.
#include "interp/gc.h"
#include "interp/lib/lib_modules.h"
#include "interp/lib/libutil.h"

namespace ml::interp {

namespace {

Value int_tuple(const int64_t v[3]) {
  return mk_tuple({Value::integer(v[0]), Value::integer(v[1]), Value::integer(v[2])});
}

Value objects_list(const std::vector<Object*>& objs) {
  ValueVec out;
  out.reserve(objs.size());
  for (Object* o : objs) out.push_back(Value::obj(o));
  return mk_list(std::move(out));
}

}  // namespace

void init_gc() {
  Value m = lib_module("_gc");
  DictObj* d = module_dict(m);
  def_native(d, "collect", [](ARGS) -> Value {
    check_args("collect", n, 0, 1);
    Value g = arg_or(a, n, kw, 0, "generation", Value::integer(2));
    int64_t gen = as_index(g);
    if (gen < 0 || gen > 2) value_error("invalid generation");
    return Value::integer(gc_collect(int(gen)));
  });
  def_native(d, "enable", [](ARGS) -> Value { check_args("enable", n, 0, 0); gc_set_enabled(true); return Value(); });
  def_native(d, "disable", [](ARGS) -> Value { check_args("disable", n, 0, 0); gc_set_enabled(false); return Value(); });
  def_native(d, "isenabled", [](ARGS) -> Value { check_args("isenabled", n, 0, 0); return Value::boolean(gc_enabled()); });
  def_native(d, "get_count", [](ARGS) -> Value {
    check_args("get_count", n, 0, 0);
    int64_t c[3];
    gc_counts(c);
    return int_tuple(c);
  });
  def_native(d, "get_threshold", [](ARGS) -> Value {
    check_args("get_threshold", n, 0, 0);
    int64_t t[3];
    gc_thresholds(t);
    return int_tuple(t);
  });
  def_native(d, "set_threshold", [](ARGS) -> Value {
    check_args("set_threshold", n, 1, 3);
    int64_t t[3];
    gc_thresholds(t);
    for (int i = 0; i < n; ++i) t[i] = as_index(a[i]);
    gc_set_thresholds(t);
    return Value();
  });
  def_native(d, "get_stats", [](ARGS) -> Value {
    check_args("get_stats", n, 0, 0);
    int64_t runs[3], found[3];
    gc_stats(runs, found);
    ValueVec out;
    for (int i = 0; i < 3; ++i) {
      Value s = mk_dict();
      s.as<DictObj>()->set(mk_str("collections"), Value::integer(runs[i]));
      s.as<DictObj>()->set(mk_str("collected"), Value::integer(found[i]));
      s.as<DictObj>()->set(mk_str("uncollectable"), Value::integer(0));
      out.push_back(std::move(s));
    }
    return mk_list(std::move(out));
  });
  def_native(d, "is_tracked", [](ARGS) -> Value {
    check_args("is_tracked", n, 1, 1);
    return Value::boolean(a[0].t == VT::Obj && gc_is_tracked(a[0].o));
  });
  def_native(d, "is_finalized", [](ARGS) -> Value {
    check_args("is_finalized", n, 1, 1);
    return Value::boolean(a[0].t == VT::Obj && gc_is_finalized(a[0].o));
  });
  def_native(d, "get_objects", [](ARGS) -> Value {
    check_args("get_objects", n, 0, 1);
    return objects_list(gc_objects());
  });
  // The tracked objects that refer to any of the arguments.
  def_native(d, "get_referrers", [](ARGS) -> Value {
    std::vector<Object*> out, kids;
    for (Object* o : gc_objects()) {
      kids.clear();
      gc_referents(o, kids);
      bool hit = false;
      for (Object* k : kids)
        for (int i = 0; i < n && !hit; ++i) hit = a[i].t == VT::Obj && a[i].o == k;
      if (hit) out.push_back(o);
    }
    return objects_list(out);
  });
  def_native(d, "get_referents", [](ARGS) -> Value {
    std::vector<Object*> out;
    for (int i = 0; i < n; ++i)
      if (a[i].t == VT::Obj) gc_referents(a[i].o, out);
    return objects_list(out);
  });
}

}  // namespace ml::interp
