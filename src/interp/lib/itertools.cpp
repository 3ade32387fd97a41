// _itertools: the iterator building blocks (itertools.py builds on them).
#include <cmath>
#include <numeric>

#include "interp/code.h"
#include "interp/int_str_limit.h"
#include "interp/lib/lib_modules.h"
#include "interp/lib/libutil.h"

namespace ml::interp {

void sort_list(ValueVec& v, const Value& key, bool reverse);
Value make_class(const std::string& name, ValueVec bases, Ref<DictObj> ns);

void init_itertools() {
  Value m = lib_module("_itertools");
  DictObj* d = module_dict(m);
  def_native(d, "count", [](ARGS) -> Value {
    Value cur = n > 0 ? a[0] : Value::integer(0), step = n > 1 ? a[1] : Value::integer(1);
    return Value::obj(new IterObj([cur, step](Value& out) mutable {
      out = cur;
      cur = binop(ast::BinOp::Add, cur, step);
      return true;
    }));
  });
  def_native(d, "chain", [](ARGS) -> Value {
    auto its = std::make_shared<ValueVec>(a, a + n);
    size_t idx = 0;
    Value cur;
    return Value::obj(new IterObj([its, idx, cur](Value& out) mutable {
      while (true) {
        if (cur.is_none()) {
          if (idx >= its->size()) return false;
          cur = iter((*its)[idx++]);
        }
        if (next(cur, out)) return true;
        cur = Value();
      }
    }));
  });
  def_native(d, "repeat", [](ARGS) -> Value {
    Value x = a[0];
    int64_t times = n > 1 ? as_index(a[1]) : -1;
    return Value::obj(new IterObj([x, times](Value& out) mutable {
      if (times == 0) return false;
      if (times > 0) --times;
      out = x;
      return true;
    }));
  });
  def_native(d, "islice", [](ARGS) -> Value {
    Value it = iter(a[0]);
    int64_t start = 0, stop = -1, step = 1;
    if (n == 2) stop = a[1].is_none() ? -1 : as_index(a[1]);
    else if (n >= 3) { start = a[1].is_none() ? 0 : as_index(a[1]); stop = a[2].is_none() ? -1 : as_index(a[2]); if (n > 3) step = as_index(a[3]); }
    int64_t pos = 0, nexti = start;
    return Value::obj(new IterObj([it, stop, step, pos, nexti](Value& out) mutable {
      while (stop < 0 || pos < stop) {
        Value x;
        if (!next(it, x)) return false;
        int64_t p = pos++;
        if (p == nexti) { nexti += step; out = x; return true; }
      }
      return false;
    }));
  });
  def_native(d, "product", [](ARGS) -> Value {
    std::vector<ValueVec> pools;
    int64_t rep = kw_find(kw, "repeat") ? as_index(kw_get(kw, "repeat")) : 1;
    for (int64_t r = 0; r < rep; ++r)
      for (int i = 0; i < n; ++i) pools.push_back(to_vec(a[i]));
    std::vector<ValueVec> result{{}};
    for (auto& pool : pools) {
      std::vector<ValueVec> next_r;
      for (auto& prefix : result)
        for (auto& x : pool) { ValueVec t = prefix; t.push_back(x); next_r.push_back(std::move(t)); }
      result = std::move(next_r);
    }
    ValueVec out;
    for (auto& r : result) out.push_back(mk_tuple(r));
    return iter(mk_list(std::move(out)));
  });
  def_native(d, "permutations", [](ARGS) -> Value {
    ValueVec pool = to_vec(a[0]);
    size_t r = n > 1 && !a[1].is_none() ? (size_t)as_index(a[1]) : pool.size();
    ValueVec out;
    std::vector<size_t> idx;
    std::vector<bool> used(pool.size(), false);
    std::function<void()> rec = [&]() {
      if (idx.size() == r) {
        ValueVec t;
        for (size_t i : idx) t.push_back(pool[i]);
        out.push_back(mk_tuple(std::move(t)));
        return;
      }
      for (size_t i = 0; i < pool.size(); ++i) {
        if (used[i]) continue;
        used[i] = true; idx.push_back(i);
        rec();
        idx.pop_back(); used[i] = false;
      }
    };
    if (r <= pool.size()) rec();
    return iter(mk_list(std::move(out)));
  });
  def_native(d, "combinations", [](ARGS) -> Value {
    ValueVec pool = to_vec(a[0]);
    size_t r = (size_t)as_index(a[1]);
    ValueVec out;
    std::vector<size_t> idx;
    std::function<void(size_t)> rec = [&](size_t start) {
      if (idx.size() == r) {
        ValueVec t;
        for (size_t i : idx) t.push_back(pool[i]);
        out.push_back(mk_tuple(std::move(t)));
        return;
      }
      for (size_t i = start; i < pool.size(); ++i) { idx.push_back(i); rec(i + 1); idx.pop_back(); }
    };
    rec(0);
    return iter(mk_list(std::move(out)));
  });
  def_native(d, "accumulate", [](ARGS) -> Value {
    ValueVec items = to_vec(a[0]);
    Value f = n > 1 ? a[1] : kw_get(kw, "func");
    ValueVec out;
    Value acc;
    for (size_t i = 0; i < items.size(); ++i) {
      acc = i == 0 ? items[0] : (f.is_none() ? binop(ast::BinOp::Add, acc, items[i]) : call2(f, acc, items[i]));
      out.push_back(acc);
    }
    return iter(mk_list(std::move(out)));
  });
  def_native(d, "zip_longest", [](ARGS) -> Value {
    std::vector<ValueVec> cols;
    size_t mx = 0;
    for (int i = 0; i < n; ++i) { cols.push_back(to_vec(a[i])); mx = std::max(mx, cols.back().size()); }
    Value fill = kw_get(kw, "fillvalue");
    ValueVec out;
    for (size_t r = 0; r < mx; ++r) {
      ValueVec row;
      for (auto& c : cols) row.push_back(r < c.size() ? c[r] : fill);
      out.push_back(mk_tuple(std::move(row)));
    }
    return iter(mk_list(std::move(out)));
  });
  def_native(d, "groupby", [](ARGS) -> Value {
    ValueVec items = to_vec(a[0]);
    Value key = n > 1 ? a[1] : kw_get(kw, "key");
    ValueVec out;
    size_t i = 0;
    while (i < items.size()) {
      Value k = key.is_none() ? items[i] : call1(key, items[i]);
      ValueVec grp;
      while (i < items.size()) {
        Value k2 = key.is_none() ? items[i] : call1(key, items[i]);
        if (!eq(k, k2)) break;
        grp.push_back(items[i++]);
      }
      out.push_back(mk_tuple({k, iter(mk_list(std::move(grp)))}));
    }
    return iter(mk_list(std::move(out)));
  });
}

}  // namespace ml::interp
