// The generic object protocol, second half: slicing, subscripting, len, `in`, and iteration.
#include <cmath>

#include "interp/attrcache.h"
#include "interp/bytearray.h"
#include "interp/runtime.h"

namespace ml::interp {

Value metaclass_call(const Value& cls, Value* args, int nargs, KwArgs* kw);  // metaclass.cpp
bool metaclass_getattr(const Value& cls, std::string_view name, Value& out);
const Value* meta_special(const Value& cls, std::string_view name);
Value generic_alias(const Value& cls, const Value& args);

// ---------------------------------------------------------------- slices
void slice_indices(const Value& lo, const Value& hi, const Value& by, int64_t len, int64_t& start, int64_t& stop,
                   int64_t& step) {
  auto index = [](const Value& v) -> int64_t {
    if (v.t == VT::Int) return v.i;
    if (!is_intlike(v) && !type_lookup(v, "__index__"))
      raise_id("TypeError", "runtime.slice_indices");
    return as_index(v);
  };
  step = by.is_none() ? 1 : index(by);
  if (step == 0) raise_id("ValueError", "runtime.slice_step_zero");
  auto clamp = [&](const Value& v, int64_t def) -> int64_t {
    if (v.is_none()) return def;
    int64_t x = v.is(OK::Big) && !mpz_fits_slong_p(v.as<BigObj>()->z) ? (mpz_sgn(v.as<BigObj>()->z) < 0 ? INT64_MIN / 2 : INT64_MAX / 2) : index(v);
    if (x < 0) {
      x += len;
      if (x < 0) x = step < 0 ? -1 : 0;
    } else if (x >= len) {
      x = step < 0 ? len - 1 : len;
    }
    return x;
  };
  start = clamp(lo, step < 0 ? len - 1 : 0);
  stop = clamp(hi, step < 0 ? -1 : len);
}

void slice_indices(const SliceObj* s, int64_t len, int64_t& start, int64_t& stop, int64_t& step) {
  slice_indices(s->start, s->stop, s->step, len, start, stop, step);
}

static int64_t slice_count(int64_t a, int64_t b, int64_t st) {
  if (st > 0) return a < b ? (b - a + st - 1) / st : 0;
  return a > b ? (a - b - st - 1) / (-st) : 0;
}

static ValueVec slice_vec(const ValueVec& v, const Value& lo, const Value& hi, const Value& by) {
  int64_t a, b, st;
  slice_indices(lo, hi, by, (int64_t)v.size(), a, b, st);
  if (st == 1) return ValueVec(v.begin() + a, v.begin() + std::max(a, b));
  ValueVec out;
  out.reserve(slice_count(a, b, st));
  if (st > 0) for (int64_t i = a; i < b; i += st) out.push_back(v[i]);
  else for (int64_t i = a; i > b; i += st) out.push_back(v[i]);
  return out;
}
static ValueVec slice_vec(const ValueVec& v, const SliceObj* s) { return slice_vec(v, s->start, s->stop, s->step); }

bool getslice_fast(const Value& obj, const Value& lo, const Value& hi, const Value& by, Value& out) {
  if (obj.is(OK::List)) {
    out = mk_list(slice_vec(obj.as<ListObj>()->v, lo, hi, by));
    return true;
  }
  if (obj.is(OK::Tuple)) {
    out = mk_tuple(slice_vec(obj.as<TupleObj>()->v, lo, hi, by));
    return true;
  }
  return false;
}

// l[lo:hi:by] = items (items already taken from the right-hand side).
static void list_assign_slice(ValueVec& l, const Value& lo, const Value& hi, const Value& by, const ValueVec& items) {
  int64_t a, b, st;
  slice_indices(lo, hi, by, (int64_t)l.size(), a, b, st);
  if (st == 1) {
    if (b < a) b = a;
    if (b - a == (int64_t)items.size()) {
      std::copy(items.begin(), items.end(), l.begin() + a);
      return;
    }
    l.erase(l.begin() + a, l.begin() + b);
    l.insert(l.begin() + a, items.begin(), items.end());
    return;
  }
  int64_t n = slice_count(a, b, st);
  if (n != (int64_t)items.size())
    raise_id("ValueError", "runtime.extended_slice_size", {{"given", std::to_string(items.size())}, {"size", std::to_string(n)}});
  for (int64_t k = 0; k < n; ++k) l[a + k * st] = items[k];
}

bool setslice_fast(const Value& obj, const Value& lo, const Value& hi, const Value& by, Value& v) {
  if (!obj.is(OK::List)) return false;
  ValueVec& l = obj.as<ListObj>()->v;
  // A list or tuple on the right is read in place, unless it is the target itself.
  if ((v.is(OK::List) || v.is(OK::Tuple)) && v.o != obj.o) {
    list_assign_slice(l, lo, hi, by, v.is(OK::List) ? v.as<ListObj>()->v : v.as<TupleObj>()->v);
  } else {
    ValueVec items = to_vec(v);
    list_assign_slice(l, lo, hi, by, items);
  }
  return true;
}

// ---------------------------------------------------------------- items
[[noreturn]] static void index_error(const char* what) {
  raise_id("IndexError", "runtime.index_out_of_range", {{"type", what}});
}

static Value dict_missing(DictObj* d, const Value& key) {
  if (!d->type->builtin || d->type != I->t_dict) {
    if (const Value* m = d->type->find("__missing__")) return call2(*m, Value::obj(d), key);
  }
  throw PyError(make_exception(I->e("KeyError"), ValueVec{key}));
}

// The item method (__getitem__, __len__...) a user subclass of list or dict defines over its
// builtin's; the builtin's own natives use the *_builtin operations, which skip this.
// A method a Python subclass of a builtin type defines itself (found before the builtin base).
static const Value* subclass_method(const Value& v, const char* name) {
  if (v.t != VT::Obj || v.o->type->builtin) return nullptr;
  for (ClassObj* c : v.o->type->mro) {
    if (c->builtin) return nullptr;
    if (const Value* m = c->dict->find_str(name, str_hash_sv(name))) return m->is(OK::Func) ? m : nullptr;
  }
  return nullptr;
}

static const Value* item_override(const Value& v, const char* name) {
  if (v.t != VT::Obj || v.o->type->builtin || (v.o->kind != OK::List && v.o->kind != OK::Dict)) return nullptr;
  for (ClassObj* c : v.o->type->mro) {
    if (c->builtin) return nullptr;
    if (const Value* m = c->dict->find_str(name, str_hash_sv(name))) return m->is(OK::Func) ? m : nullptr;
  }
  return nullptr;
}

Value getitem_builtin(const Value& obj, const Value& key);
Value getitem(const Value& obj, const Value& key) {
  if (obj.t == VT::Obj && !obj.o->type->builtin)
    if (const Value* m = item_override(obj, "__getitem__")) return call2(*m, obj, key);
  return getitem_builtin(obj, key);
}

Value getitem_builtin(const Value& obj, const Value& key) {
  if (obj.t == VT::Obj) {
    switch (obj.o->kind) {
      case OK::List: case OK::Tuple: {
        const ValueVec& v = obj.o->kind == OK::List ? obj.as<ListObj>()->v : obj.as<TupleObj>()->v;
        if (key.t == VT::Int || key.t == VT::Bool) {
          int64_t i = key.t == VT::Int ? key.i : key.b;
          if (i < 0) i += (int64_t)v.size();
          if (i < 0 || i >= (int64_t)v.size()) index_error(obj.o->kind == OK::List ? "list" : "tuple");
          return v[i];
        }
        if (key.is(OK::Slice)) {
          ValueVec r = slice_vec(v, key.as<SliceObj>());
          return obj.o->kind == OK::List ? mk_list(std::move(r)) : mk_tuple(std::move(r));
        }
        if (key.is(OK::Big)) {
          if (mpz_fits_slong_p(key.as<BigObj>()->z)) return getitem(obj, Value::integer(as_index(key)));
          index_error(obj.o->kind == OK::List ? "list" : "tuple");
        }
        raise_id("TypeError", "runtime.seq_indices", {{"type", obj.o->kind == OK::List ? "list" : "tuple"}, {"key", type_name(key)}});
      }
      case OK::Str: {
        auto* s = obj.as<StrObj>();
        if (key.t == VT::Int || key.t == VT::Bool) return str_index(s, key.t == VT::Int ? key.i : key.b);
        if (key.is(OK::Slice)) {
          int64_t a, b, st;
          slice_indices(key.as<SliceObj>(), s->length(), a, b, st);
          return str_slice(s, a, b, st);
        }
        raise_id("TypeError", "runtime.str_indices", {{"key", type_name(key)}});
      }
      case OK::Dict: {
        auto* d = obj.as<DictObj>();
        if (Value* v = d->find(key)) return *v;
        if (!d->type->builtin && d->type->find("__getitem__") && d->type->find("__getitem__")->is(OK::Func))
          return call2(*d->type->find("__getitem__"), obj, key);
        return dict_missing(d, key);
      }
      case OK::Bytes: {
        auto& s = obj.as<BytesObj>()->s;
        if (key.is(OK::Slice)) {
          int64_t a, b, st;
          slice_indices(key.as<SliceObj>(), (int64_t)s.size(), a, b, st);
          std::string out;
          if (st > 0) for (int64_t i = a; i < b; i += st) out += s[i];
          else for (int64_t i = a; i > b; i += st) out += s[i];
          return mk_bytes_like(obj, std::move(out));
        }
        int64_t i = as_index(key);
        if (i < 0) i += (int64_t)s.size();
        if (i < 0 || i >= (int64_t)s.size()) index_error("index");
        return Value::integer((unsigned char)s[i]);
      }
      case OK::Range: {
        auto* r = obj.as<RangeObj>();
        if (key.is(OK::Slice)) {
          int64_t a, b, st;
          slice_indices(key.as<SliceObj>(), r->len(), a, b, st);
          return Value::obj(new RangeObj(r->start + a * r->step, r->start + b * r->step, r->step * st));
        }
        int64_t i = as_index(key), n = r->len();
        if (i < 0) i += n;
        if (i < 0 || i >= n) index_error("range object");
        return Value::integer(r->start + i * r->step);
      }
      case OK::Inst: {
        if (const Value* m = obj.o->type->find("__getitem__")) return call2(*m, obj, key);
        break;
      }
      case OK::Class: {
        auto* c = obj.as<ClassObj>();
        if (const Value* m = meta_special(obj, "__getitem__")) return call2(*m, obj, key);
        // __class_getitem__ is an implicit classmethod: it receives the class subscripted
        if (const Value* m = c->find("__class_getitem__")) {
          const Value& f = m->is(OK::ClassMethod) || m->is(OK::StaticMethod) ? m->as<WrapperObj>()->func : *m;
          if (m->is(OK::StaticMethod)) return call1(f, key);
          return call2(f, obj, key);
        }
        return generic_alias(obj, key);  // list[int]: a types.GenericAlias
      }
      default: break;
    }
  }
  raise_id("TypeError", "runtime.not_subscriptable", {{"type", type_name(obj)}});
}

void setitem_builtin(const Value& obj, const Value& key, Value v);
void setitem(const Value& obj, const Value& key, Value v) {
  if (obj.t == VT::Obj && !obj.o->type->builtin)
    if (const Value* m = item_override(obj, "__setitem__")) {
      Value args[3] = {obj, key, std::move(v)};
      call(*m, args, 3);
      return;
    }
  setitem_builtin(obj, key, std::move(v));
}

void setitem_builtin(const Value& obj, const Value& key, Value v) {
  if (is_bytearray(obj)) return bytearray_setitem(obj, key, v);
  if (obj.t == VT::Obj) {
    switch (obj.o->kind) {
      case OK::List: {
        auto& l = obj.as<ListObj>()->v;
        if (key.t == VT::Int || key.t == VT::Bool) {
          int64_t i = key.t == VT::Int ? key.i : key.b;
          if (i < 0) i += (int64_t)l.size();
          if (i < 0 || i >= (int64_t)l.size()) raise_id("IndexError", "runtime.list_assignment_index");
          l[i] = std::move(v);
          return;
        }
        if (key.is(OK::Slice)) {
          auto* s = key.as<SliceObj>();
          setslice_fast(obj, s->start, s->stop, s->step, v);
          return;
        }
        raise_id("TypeError", "runtime.seq_indices", {{"type", "list"}, {"key", type_name(key)}});
      }
      case OK::Dict: {
        auto* d = obj.as<DictObj>();
        if (!d->type->builtin) {
          if (const Value* m = d->type->find("__setitem__"); m && m->is(OK::Func)) {
            Value args[3] = {obj, key, std::move(v)};
            call(*m, args, 3);
            return;
          }
        }
        d->set(key, std::move(v));
        return;
      }
      case OK::Inst: {
        if (const Value* m = obj.o->type->find("__setitem__")) {
          Value args[3] = {obj, key, std::move(v)};
          call(*m, args, 3);
          return;
        }
        break;
      }
      default: break;
    }
  }
  raise_id("TypeError", "runtime.no_item_assignment", {{"type", type_name(obj)}});
}

void delitem(const Value& obj, const Value& key) {
  if (obj.t == VT::Obj && !obj.o->type->builtin)
    if (const Value* m = item_override(obj, "__delitem__")) { call2(*m, obj, key); return; }
  if (is_bytearray(obj)) return bytearray_delitem(obj, key);
  if (obj.is(OK::List)) {
    auto& l = obj.as<ListObj>()->v;
    if (key.is(OK::Slice)) {
      int64_t a, b, st;
      slice_indices(key.as<SliceObj>(), (int64_t)l.size(), a, b, st);
      std::vector<char> del(l.size(), 0);
      if (st > 0) for (int64_t i = a; i < b; i += st) del[i] = 1;
      else for (int64_t i = a; i > b; i += st) del[i] = 1;
      ValueVec out;
      for (size_t i = 0; i < l.size(); ++i) if (!del[i]) out.push_back(l[i]);
      l = std::move(out);
      return;
    }
    int64_t i = as_index(key);
    if (i < 0) i += (int64_t)l.size();
    if (i < 0 || i >= (int64_t)l.size()) raise_id("IndexError", "runtime.list_assignment_index");
    l.erase(l.begin() + i);
    return;
  }
  if (obj.is(OK::Dict)) {
    if (!obj.as<DictObj>()->erase(key)) throw PyError(make_exception(I->e("KeyError"), ValueVec{key}));
    return;
  }
  if (obj.is(OK::Inst)) {
    if (const Value* m = obj.o->type->find("__delitem__")) { call2(*m, obj, key); return; }
  }
  raise_id("TypeError", "runtime.no_item_deletion", {{"type", type_name(obj)}});
}

// A class is iterated, sized and searched (`for c in Color`, `len(Color)`, `x in Color`) by its
// metaclass's __iter__, __len__ and __contains__, or by the classmethod-like hooks
// __class_iter__ / __class_len__ / __class_contains__ it defines itself (the library's enum
// uses those). Returns false when there is neither.
static bool class_hook(const Value& cls, const char* name, Value* arg, Value& out) {
  if (const Value* m = meta_special(cls, "__" + std::string(name + 8))) {
    out = arg ? call2(*m, cls, *arg) : call1(*m, cls);
    return true;
  }
  const Value* h = cls.as<ClassObj>()->find(name);
  if (!h) return false;
  const Value& f = h->is(OK::ClassMethod) || h->is(OK::StaticMethod) ? h->as<WrapperObj>()->func : *h;
  out = arg ? call2(f, cls, *arg) : call1(f, cls);
  return true;
}

int64_t len(const Value& v) {
  if (v.t == VT::Obj && !v.o->type->builtin)
    if (const Value* m = item_override(v, "__len__")) {
      int64_t n = as_index(call1(*m, v));
      if (n < 0) value_error("__len__() should return >= 0");
      return n;
    }
  if (v.is(OK::Class)) {
    Value r;
    if (class_hook(v, "__class_len__", nullptr, r)) return as_index(r);
  }
  if (v.t == VT::Obj) {
    switch (v.o->kind) {
      case OK::Str: return v.as<StrObj>()->length();
      case OK::List: return (int64_t)v.as<ListObj>()->v.size();
      case OK::Tuple: return (int64_t)v.as<TupleObj>()->v.size();
      case OK::Dict: return (int64_t)v.as<DictObj>()->size();
      case OK::Set: case OK::FrozenSet: return (int64_t)v.as<SetObj>()->size();
      case OK::DictView: return (int64_t)v.as<DictViewObj>()->d->size();
      case OK::Bytes: return (int64_t)v.as<BytesObj>()->s.size();
      case OK::Range: return v.as<RangeObj>()->len();
      case OK::Inst:
        if (const Value* m = v.o->type->find("__len__")) {
          Value r = call1(*m, v);
          int64_t n = as_index(r);
          if (n < 0) raise_id("ValueError", "runtime.len_negative");
          return n;
        }
        break;
      default: break;
    }
  }
  raise_id("TypeError", "runtime.no_len", {{"type", type_name(v)}});
}

bool contains(const Value& c, const Value& item) {
  if (c.t == VT::Obj && !c.o->type->builtin && c.o->kind != OK::Inst)
    if (const Value* m = subclass_method(c, "__contains__")) return truthy(call2(*m, c, item));
  if (c.is(OK::Class)) {
    Value r, it = item;
    if (class_hook(c, "__class_contains__", &it, r)) return truthy(r);
  }
  if (c.t == VT::Obj) {
    switch (c.o->kind) {
      case OK::List: case OK::Tuple: {
        const ValueVec& v = c.o->kind == OK::List ? c.as<ListObj>()->v : c.as<TupleObj>()->v;
        for (size_t i = 0; i < v.size(); ++i)
          if (v[i].same(item) || eq(v[i], item)) return true;
        return false;
      }
      case OK::Str:
        if (!item.is(OK::Str)) raise_id("TypeError", "runtime.in_string_operand", {{"type", type_name(item)}});
        return str_of(c).find(str_of(item)) != std::string::npos;
      case OK::Dict: return c.as<DictObj>()->find(item) != nullptr;
      case OK::DictView: return dict_view_contains(c.as<DictViewObj>(), item);
      case OK::Set: case OK::FrozenSet: {
        if (item.is(OK::Set)) {
          // set membership of a set: compare as frozenset
          Value f = mk_set(true);
          f.as<SetObj>()->merge(item.as<SetObj>());
          return c.as<SetObj>()->contains(f);
        }
        return c.as<SetObj>()->contains(item);
      }
      case OK::Bytes:
        if (item.is(OK::Bytes)) return c.as<BytesObj>()->s.find(item.as<BytesObj>()->s) != std::string::npos;
        return c.as<BytesObj>()->s.find((char)as_index(item)) != std::string::npos;
      case OK::Range: {
        if (!(item.t == VT::Int || item.t == VT::Bool)) {
          if (item.t == VT::Float && item.f == std::floor(item.f)) return contains(c, Value::integer((int64_t)item.f));
          return false;
        }
        auto* r = c.as<RangeObj>();
        int64_t x = item.t == VT::Int ? item.i : item.b;
        if (r->step > 0 ? (x < r->start || x >= r->stop) : (x > r->start || x <= r->stop)) return false;
        return (x - r->start) % r->step == 0;
      }
      case OK::Inst:
        if (const Value* m = c.o->type->find("__contains__")) return truthy(call2(*m, c, item));
        break;
      default: break;
    }
  }
  Value it = iter(c);
  Value x;
  while (next(it, x))
    if (x.same(item) || eq(x, item)) return true;
  return false;
}

// ---------------------------------------------------------------- iteration
Value iter(const Value& v) {
  if (v.is(OK::Class)) {
    Value r;
    if (class_hook(v, "__class_iter__", nullptr, r)) return iter(r);
  }
  if (v.t == VT::Obj) {
    // A user subclass of a builtin type (class L(list)) whose class overrides __iter__.
    if (v.o->kind != OK::Inst && !v.o->type->builtin)
      if (const Value* m = v.o->type->find("__iter__"); m && m->is(OK::Func)) return call1(*m, v);
    switch (v.o->kind) {
      case OK::List: {
        Value keep = v;
        size_t i = 0;
        return Value::obj(new IterObj([keep, i](Value& out) mutable {
          auto& l = keep.as<ListObj>()->v;
          if (i >= l.size()) return false;
          out = l[i++];
          return true;
        }));
      }
      case OK::Tuple: {
        Value keep = v;
        size_t i = 0;
        return Value::obj(new IterObj([keep, i](Value& out) mutable {
          auto& l = keep.as<TupleObj>()->v;
          if (i >= l.size()) return false;
          out = l[i++];
          return true;
        }));
      }
      case OK::Str: {
        Value keep = v;
        size_t off = 0;
        return Value::obj(new IterObj([keep, off](Value& out) mutable {
          const std::string& s = str_of(keep);
          if (off >= s.size()) return false;
          unsigned char c = s[off];
          size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
          out = mk_str(s.substr(off, n));
          off += n;
          return true;
        }));
      }
      case OK::Set: case OK::FrozenSet: {
        Ref<SetObj> s(v.as<SetObj>());
        size_t i = 0, n0 = s->size();
        return Value::obj(new IterObj([s, i, n0](Value& out) mutable {
          if (s->size() != n0) raise_id("RuntimeError", "runtime.set_changed_size");
          while (i < s->table.size() && s->table[i].key.t == VT::Undef) ++i;
          if (i >= s->table.size()) return false;
          out = s->table[i++].key;
          return true;
        }));
      }
      case OK::DictView: {
        Ref<DictObj> d = v.as<DictViewObj>()->d;
        auto which = v.as<DictViewObj>()->which;
        size_t i = 0, n0 = d->size();
        return Value::obj(new IterObj([d, which, i, n0](Value& out) mutable {
          if (d->size() != n0) raise_id("RuntimeError", "runtime.dict_changed_size");
          while (i < d->entries.size() && d->entries[i].hash == DictObj::kTombstone) ++i;
          if (i >= d->entries.size()) return false;
          auto& e = d->entries[i++];
          if (which == DictViewObj::Keys) out = e.key;
          else if (which == DictViewObj::Values) out = e.value;
          else out = mk_tuple({e.key, e.value});
          return true;
        }));
      }
      case OK::Dict: {
        Ref<DictObj> d(v.as<DictObj>());
        size_t i = 0, n0 = d->size();
        return Value::obj(new IterObj([d, i, n0](Value& out) mutable {
          if (d->size() != n0) raise_id("RuntimeError", "runtime.dict_changed_size");
          while (i < d->entries.size() && d->entries[i].hash == DictObj::kTombstone) ++i;
          if (i >= d->entries.size()) return false;
          out = d->entries[i++].key;
          return true;
        }));
      }
      case OK::Range: {
        auto* r = v.as<RangeObj>();
        // counted, not compared with stop: the step past the last item may leave int64
        int64_t cur = r->start, left = r->len(), step = r->step;
        return Value::obj(new IterObj([cur, left, step](Value& out) mutable {
          if (left <= 0) return false;
          out = Value::integer(cur);
          cur = (int64_t)((uint64_t)cur + (uint64_t)step);
          --left;
          return true;
        }));
      }
      case OK::Bytes: {
        Value keep = v;
        size_t i = 0;
        return Value::obj(new IterObj([keep, i](Value& out) mutable {
          auto& s = keep.as<BytesObj>()->s;
          if (i >= s.size()) return false;
          out = Value::integer((unsigned char)s[i++]);
          return true;
        }));
      }
      case OK::Iter: case OK::Gen: return v;
      case OK::File: {
        Value keep = v;
        return Value::obj(new IterObj([keep](Value& out) {
          auto* f = keep.as<FileObj>();
          if (!f->fp || f->closed) raise_id("ValueError", "runtime.closed_file");
          std::string line;
          int c;
          while ((c = std::fgetc(f->fp)) != EOF) {
            line += (char)c;
            if (c == '\n') break;
          }
          if (line.empty()) return false;
          out = mk_str(std::move(line));
          return true;
        }));
      }
      case OK::Inst: {
        if (const Value* m = v.o->type->find("__iter__")) return call1(*m, v);
        if (const Value* gi = v.o->type->find("__getitem__")) {
          Value keep = v, fn = *gi;
          int64_t i = 0;
          return Value::obj(new IterObj([keep, fn, i](Value& out) mutable {
            try {
              out = call2(fn, keep, Value::integer(i++));
              return true;
            } catch (PyError& e) {
              if (type_of(e.exc)->is_subclass(I->e("IndexError")) || type_of(e.exc)->is_subclass(I->e("StopIteration"))) return false;
              throw;
            }
          }));
        }
        break;
      }
      default: break;
    }
  }
  raise_id("TypeError", "runtime.not_iterable", {{"type", type_name(v)}});
}

bool next(const Value& it, Value& out) {
  if (it.is(OK::Iter)) return it.as<IterObj>()->next(out);
  if (it.is(OK::Gen)) {
    bool done;
    Value r = gen_send(it.as<GenObj>(), Value(), done);
    if (done) return false;
    out = std::move(r);
    return true;
  }
  if (it.is(OK::Inst)) {
    const Value* m = it.o->type->find("__next__");
    if (!m) raise_id("TypeError", "runtime.not_iterator", {{"type", type_name(it)}});
    try {
      out = call1(*m, it);
      return true;
    } catch (PyError& e) {
      if (type_of(e.exc)->is_subclass(I->e("StopIteration"))) return false;
      throw;
    }
  }
  raise_id("TypeError", "runtime.not_iterator", {{"type", type_name(it)}});
}

ValueVec to_vec(const Value& iterable) {
  // (a subclass of list or tuple may iterate its own way: __iter__)
  if (iterable.is(OK::List) && iterable.o->type == I->t_list) return iterable.as<ListObj>()->v;
  if (iterable.is(OK::Tuple) && iterable.o->type == I->t_tuple) return iterable.as<TupleObj>()->v;
  ValueVec out;
  if (iterable.is(OK::Range)) {
    auto* r = iterable.as<RangeObj>();
    int64_t n = r->len();
    out.reserve(n);
    for (int64_t k = 0, i = r->start; k < n; ++k, i = (int64_t)((uint64_t)i + (uint64_t)r->step)) out.push_back(Value::integer(i));
    return out;
  }
  Value it = iter(iterable);
  Value x;
  while (next(it, x)) out.push_back(std::move(x));
  return out;
}

}  // namespace ml::interp
