// _functools: reduce, partial, cmp_to_key, wraps, lru_cache and cache (functools.py builds on it).
#include <cmath>
#include <numeric>

#include "interp/code.h"
#include "interp/int_str_limit.h"
#include "interp/lib/lib_modules.h"
#include "interp/lib/libutil.h"

namespace ml::interp {

void sort_list(ValueVec& v, const Value& key, bool reverse);
Value make_class(const std::string& name, ValueVec bases, Ref<DictObj> ns);

void init_functools() {
  Value m = lib_module("_functools");
  DictObj* d = module_dict(m);
  def_native(d, "reduce", [](ARGS) -> Value {
    check_args("reduce", n, 2, 3);
    Value it = iter(a[1]);
    Value acc;
    if (n > 2) acc = a[2];
    else if (!next(it, acc)) raise_id("TypeError", "runtime.reduce_empty");
    Value x;
    while (next(it, x)) acc = call2(a[0], acc, x);
    return acc;
  });
  def_native(d, "partial", [](ARGS) -> Value {
    check_args("partial", n, 1, -1);
    Value f = a[0];
    auto bound = std::make_shared<ValueVec>(a + 1, a + n);
    auto bkw = std::make_shared<KwArgs>();
    if (kw) *bkw = *kw;
    return Value::obj(new NativeObj("partial", [f, bound, bkw](ARGS) -> Value {
      ValueVec args = *bound;
      args.insert(args.end(), a, a + n);
      KwArgs k2 = *bkw;
      if (kw) for (auto& it : kw->items) k2.items.push_back(it);
      return call(f, args.data(), (int)args.size(), k2.empty() ? nullptr : &k2);
    }));
  });
  auto identity_deco = [](ARGS) -> Value { return a[0]; };
  def_native(d, "wraps", [](ARGS) -> Value {
    Value wrapped = a[0];
    return Value::obj(new NativeObj("wraps", [wrapped](ARGS) -> Value {
      if (a[0].is(OK::Func) && wrapped.is(OK::Func)) {
        a[0].as<FuncObj>()->name = wrapped.as<FuncObj>()->name;
        a[0].as<FuncObj>()->qualname = wrapped.as<FuncObj>()->qualname;
        a[0].as<FuncObj>()->doc = wrapped.as<FuncObj>()->doc;
      }
      return a[0];
    }));
  });
  def_native(d, "lru_cache", [identity_deco](ARGS) -> Value {
    if (n == 1 && (a[0].is(OK::Func) || a[0].is(OK::Native))) return a[0];
    return Value::obj(new NativeObj("lru_cache", identity_deco));
  });
  def_native(d, "cache", identity_deco);
  def_native(d, "cmp_to_key", [](ARGS) -> Value {
    Value cmp = a[0];
    // key objects: a class with __lt__ calling cmp
    Ref<DictObj> ns(new DictObj());
    def_native(ns.get(), "__init__", [](ARGS) -> Value { setattr(a[0], "obj", a[1]); return Value(); });
    def_native(ns.get(), "__lt__", [cmp](ARGS) -> Value {
      return Value::boolean(lt(call2(cmp, getattr(a[0], "obj"), getattr(a[1], "obj")), Value::integer(0)));
    });
    extern Value make_class(const std::string&, ValueVec, Ref<DictObj>);
    return make_class("K", {}, ns);
  });
}


}  // namespace ml::interp
