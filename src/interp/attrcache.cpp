// Attribute access through per-site caches (see attrcache.h). Every miss, and every receiver
// that is not a plain instance, takes the full protocol (getattr/setattr/lookup_method), so the
// caches only ever shortcut to what that protocol would have answered.
#include "interp/attrcache.h"

namespace ml::interp {

void AttrSite::init(std::string n) {
  name = std::move(n);
  key = intern_str(name);
  hash = str_hash_sv(name);
}

static AttrSite::Entry& refill(AttrSite& s, ClassObj* t) {
  if (s.epoch != g_class_epoch) {
    for (auto& w : s.ways) {
      w.type = nullptr;
      w.shape = nullptr;
      w.slot = -1;
    }
    s.epoch = g_class_epoch;
    s.next_way = 0;
  }
  AttrSite::Entry& e = s.ways[s.next_way];
  s.next_way = (s.next_way + 1) % AttrSite::kWays;
  e.type = t;
  e.shape = nullptr;
  e.slot = -1;
  e.ta = t->find(s.name, s.hash);
  const Value* ta = e.ta;
  e.method = ta && (ta->is(OK::Func) || ta->is(OK::Native));
  // A descriptor object (its class defines __get__, e.g. functools.cached_property) is read
  // through the full protocol; a data descriptor (__set__/__delete__) is written through it.
  ClassObj* dt = ta && ta->is(OK::Inst) ? ta->o->type : nullptr;
  bool descriptor = dt && dt->find("__get__");
  bool data_descriptor = dt && (dt->find("__set__") || dt->find("__delete__"));
  e.load_generic = ta && (ta->is(OK::Property) || ta->is(OK::StaticMethod) || ta->is(OK::ClassMethod) || descriptor);
  const Value* sa = t->find("__setattr__");
  e.store_generic = (ta && ta->is(OK::Property)) || data_descriptor || (sa && sa->is(OK::Func)) || !t->allows_attr(s.name);
  return e;
}

static inline AttrSite::Entry& check(AttrSite& s, ClassObj* t) {
  if (__builtin_expect(s.epoch == g_class_epoch, 1)) {
    for (auto& w : s.ways)
      if (w.type == t) return w;
  }
  return refill(s, t);
}

// check() for an instance: a way that saw its shape (which implies its class), else its class's
// way, then told where the name sits in this shape.
[[gnu::always_inline]] static inline AttrSite::Entry& check_inst(AttrSite& s, InstObj* in) {
  const Shape* sh = in->shape;
  if (__builtin_expect(sh != nullptr && s.epoch == g_class_epoch, 1)) {
    for (int i = 0; i < AttrSite::kWays; ++i)
      if (s.ways[i].shape == sh) {
        s.mru = (uint8_t)i;
        return s.ways[i];
      }
  }
  AttrSite::Entry& e = check(s, in->type);
  if (sh) {
    e.shape = sh;
    e.slot = sh->slot_of(s.name, s.hash);
    e.grown = nullptr;
    s.mru = (uint8_t)(&e - s.ways);
  }
  return e;
}

// The name's entry in an instance dict, trying where it was last time first. The key bits come
// first: a method called on an instance rules its dict out without reading the entries.
// (Always inlined: GCC's unit-growth limits otherwise leave these out of line, about 10% more
// instructions on attribute-heavy programs.)
[[gnu::always_inline]] static inline Value* inst_find(AttrSite& s, DictObj* d) {
  if (!d->may_hold(s.hash)) return nullptr;
  if (s.idx < d->entries.size()) {
    DictObj::Entry& e = d->entries[s.idx];
    if (e.key.t == VT::Obj && (e.key.o == s.key.o || (e.hash == s.hash && e.key.is(OK::Str) && str_of(e.key) == s.name)))
      return &e.value;
  }
  if (d == s.miss_dict && d->version == s.miss_version) return nullptr;
  int64_t i;
  if (d->index.empty()) {  // a small dict: scan it here, the interned key first
    i = -1;
    for (size_t k = 0; k < d->entries.size(); ++k) {
      DictObj::Entry& e = d->entries[k];
      if (e.hash == s.hash && e.key.t == VT::Obj && (e.key.o == s.key.o || (e.key.is(OK::Str) && str_of(e.key) == s.name))) {
        i = (int64_t)k;
        break;
      }
    }
  } else {
    i = d->find_str_index(s.name, s.hash);
  }
  if (i < 0) {
    s.miss_dict = d;
    s.miss_version = d->version;
    return nullptr;
  }
  s.idx = (uint32_t)i;
  return &d->entries[i].value;
}

// The cached paths of attr_load: true with `out` set on a hit.
[[gnu::always_inline]] static inline bool load_cached(AttrSite& s, const Value& o, Value& out) {
  if (o.is(OK::Inst)) {
    auto* in = o.as<InstObj>();
    AttrSite::Entry& e = check_inst(s, in);
    if (!e.load_generic) {
      if (in->shape) {
        if (e.slot >= 0) {
          out = in->slots[e.slot];
          return true;
        }
      } else if (Value* v = inst_find(s, in->dict_.get())) {
        out = *v;
        return true;
      }
      if (e.ta) {
        out = e.method ? Value::obj(new BoundObj(o, *e.ta)) : *e.ta;
        return true;
      }
    }
  } else if (o.is(OK::Module)) {
    if (Value* v = o.as<ModuleObj>()->dict->find_str(s.name, s.hash)) {
      out = *v;
      return true;
    }
  }
  return false;
}

Value attr_load_slow(AttrSite& s, const Value& o) {
  Value out;
  if (load_cached(s, o, out)) return out;
  return getattr(o, s.name);
}

bool attr_load_opt(AttrSite& s, const Value& o, Value& out) {
  return load_cached(s, o, out) || getattr_opt(o, s.name, out);
}

void attr_store_slow(AttrSite& s, const Value& o, Value v) {
  if (o.is(OK::Inst)) {
    auto* in = o.as<InstObj>();
    AttrSite::Entry& e = check_inst(s, in);
    if (!e.store_generic) {
      if (in->shape) {
        if (e.slot >= 0) {
          in->slots[e.slot] = std::move(v);
          return;
        }
        if (!e.grown) e.grown = const_cast<Shape*>(in->shape)->add(s.name, s.hash);
        if (e.grown) {
          inst_append(in, e.grown, std::move(v));
          return;
        }
      }
      DictObj* d = in->dict();
      if (Value* slot = inst_find(s, d)) {
        *slot = std::move(v);
        return;
      }
      d->set(s.key, std::move(v));
      s.idx = (uint32_t)(d->entries.size() - 1);  // a new key is appended
      return;
    }
  }
  setattr(o, s.name, std::move(v));
}

void attr_method_slow(AttrSite& s, const Value& o, Value& func, bool& self_needed) {
  if (o.t != VT::Obj || (o.o->kind != OK::Module && o.o->kind != OK::Class && o.o->kind != OK::Super)) {
    if (o.is(OK::Inst)) {
      auto* in = o.as<InstObj>();
      AttrSite::Entry& e = check_inst(s, in);
      if (e.method && (in->shape ? e.slot < 0 : !inst_find(s, in->dict_.get()))) {
        func = *e.ta;
        self_needed = true;
        return;
      }
    } else if (AttrSite::Entry& e = check(s, type_of(o)); e.method) {
      if (o.t == VT::Obj) s.mru = (uint8_t)(&e - s.ways);  // for attr_method's inline try
      func = *e.ta;
      self_needed = true;
      return;
    }
  }
  lookup_method(o, s.name, func, self_needed);
}

}  // namespace ml::interp
