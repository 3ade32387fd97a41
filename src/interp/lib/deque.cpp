// collections.deque: a list (so every list operation applies) whose object also records
// maxlen; adding to a full deque drops items from the other end, as in Python.
#include "interp/lib/lib_modules.h"
#include "interp/lib/libutil.h"

namespace ml::interp {

namespace {

ClassObj* t_deque = nullptr;

struct DequeObj : ListObj {
  int64_t maxlen = -1;  // -1: unbounded
};

int64_t maxlen_of(const Value& v) {
  auto* d = dynamic_cast<DequeObj*>(v.as<ListObj>());
  return d ? d->maxlen : -1;
}

ValueVec& items(const Value& v) {
  if (!v.is(OK::List) || !type_of(v)->is_subclass(t_deque))
    raise_id("TypeError", "runtime.descriptor_received_a", {{"owner", "collections.deque"}, {"type", type_name(v)}});
  return v.as<ListObj>()->v;
}

// Keeps at most maxlen items, dropping from the front (after appends on the right) or the back.
void trim(const Value& dq, bool drop_front) {
  int64_t m = maxlen_of(dq);
  ValueVec& v = items(dq);
  if (m < 0 || (int64_t)v.size() <= m) return;
  size_t extra = v.size() - (size_t)m;
  if (drop_front) v.erase(v.begin(), v.begin() + (long)extra);
  else v.resize((size_t)m);
}

Value make(const Value& iterable, int64_t maxlen) {
  auto* d = new DequeObj();
  d->type = t_deque;
  d->maxlen = maxlen;
  Value dq = Value::obj(d);
  if (!iterable.is_none()) {
    d->v = to_vec(iterable);
    trim(dq, true);
  }
  return dq;
}

Value ctor(ARGS) {
  check_args("deque", n, 0, 2);
  Value it = arg_or(a, n, kw, 0, "iterable", Value());
  Value m = arg_or(a, n, kw, 1, "maxlen", Value());
  int64_t maxlen = -1;
  if (!m.is_none()) {
    if (!is_intlike(m)) raise_id("TypeError", "runtime.integer_required");
    maxlen = as_index(m);
    if (maxlen < 0) raise_id("ValueError", "runtime.maxlen_negative");
  }
  return make(it, maxlen);
}

void init_methods(ClassObj* t) {
  def_property(t, "maxlen", [](ARGS) -> Value {
    int64_t m = maxlen_of(a[0]);
    return m < 0 ? Value() : Value::integer(m);
  });
  def_method(t, "append", [](ARGS) -> Value {
    check_args("append", n, 2, 2);
    items(a[0]).push_back(a[1]);
    trim(a[0], true);
    return Value();
  });
  def_method(t, "appendleft", [](ARGS) -> Value {
    check_args("appendleft", n, 2, 2);
    ValueVec& v = items(a[0]);
    v.insert(v.begin(), a[1]);
    trim(a[0], false);
    return Value();
  });
  def_method(t, "extend", [](ARGS) -> Value {
    check_args("extend", n, 2, 2);
    ValueVec add = to_vec(a[1]);
    ValueVec& v = items(a[0]);
    v.insert(v.end(), add.begin(), add.end());
    trim(a[0], true);
    return Value();
  });
  def_method(t, "extendleft", [](ARGS) -> Value {
    check_args("extendleft", n, 2, 2);
    ValueVec add = to_vec(a[1]);
    ValueVec& v = items(a[0]);
    v.insert(v.begin(), add.rbegin(), add.rend());
    trim(a[0], false);
    return Value();
  });
  def_method(t, "insert", [](ARGS) -> Value {
    check_args("insert", n, 3, 3);
    ValueVec& v = items(a[0]);
    int64_t m = maxlen_of(a[0]);
    if (m >= 0 && (int64_t)v.size() >= m) raise_id("IndexError", "runtime.deque_full");
    int64_t i = as_index(a[1]), len = (int64_t)v.size();
    if (i < 0) i = std::max<int64_t>(0, i + len);
    v.insert(v.begin() + std::min(i, len), a[2]);
    return Value();
  });
  def_method(t, "popleft", [](ARGS) -> Value {
    check_args("popleft", n, 1, 1);
    ValueVec& v = items(a[0]);
    if (v.empty()) raise_id("IndexError", "runtime.pop_empty_deque");
    Value x = v.front();
    v.erase(v.begin());
    return x;
  });
  def_method(t, "pop", [](ARGS) -> Value {
    check_args("pop", n, 1, 1);
    ValueVec& v = items(a[0]);
    if (v.empty()) raise_id("IndexError", "runtime.pop_empty_deque");
    Value x = v.back();
    v.pop_back();
    return x;
  });
  def_method(t, "rotate", [](ARGS) -> Value {
    check_args("rotate", n, 1, 2);
    ValueVec& v = items(a[0]);
    int64_t k = n > 1 ? as_index(a[1]) : 1, len = (int64_t)v.size();
    if (len > 1) {
      k %= len;
      if (k < 0) k += len;
      std::rotate(v.begin(), v.begin() + (long)(len - k), v.end());
    }
    return Value();
  });
  def_method(t, "remove", [](ARGS) -> Value {
    check_args("remove", n, 2, 2);
    ValueVec& v = items(a[0]);
    for (size_t i = 0; i < v.size(); ++i)
      if (v[i].same(a[1]) || eq(v[i], a[1])) {
        v.erase(v.begin() + (long)i);
        return Value();
      }
    raise_id("ValueError", "runtime.not_in_deque", {{"value", repr(a[1])}});
  });
  auto copy = [](ARGS) -> Value {
    Value c = make(Value(), maxlen_of(a[0]));
    c.as<ListObj>()->v = items(a[0]);
    c.o->type = a[0].o->type;
    return c;
  };
  def_method(t, "copy", copy);
  def_method(t, "__copy__", copy);
  def_method(t, "__repr__", [](ARGS) -> Value {
    std::string body = repr(mk_list(items(a[0])));
    int64_t m = maxlen_of(a[0]);
    return mk_str(type_name(a[0]) + "(" + body + (m >= 0 ? ", maxlen=" + std::to_string(m) : "") + ")");
  });
  def_method(t, "__reduce__", [](ARGS) -> Value {
    int64_t m = maxlen_of(a[0]);
    return mk_tuple({Value::obj(a[0].o->type), mk_tuple({mk_list(items(a[0])), m < 0 ? Value() : Value::integer(m)})});
  });
  t->dict->set(str_key("__ctor__"), Value::obj(new NativeObj("deque", ctor)));
}

}  // namespace

void init_deque(DictObj* collections) {
  t_deque = new ClassObj("deque");
  incref(t_deque);
  t_deque->builtin = true;
  t_deque->mro = {t_deque, I->t_list, I->t_object};
  t_deque->bases.emplace_back(I->t_list);
  t_deque->dict->set(str_key("__module__"), mk_str("collections"));
  init_methods(t_deque);
  collections->set(str_key("deque"), Value::obj(t_deque));
}

}  // namespace ml::interp
