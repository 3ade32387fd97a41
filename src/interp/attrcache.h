// Inline caches for the attribute accesses written in the code (`o.name`, `o.name = v`,
// `o.name(...)`): each site remembers what the last receiver's class holds under the name
// (valid while g_class_epoch is unchanged) and the slot the name has in the last instance layout
// (shape) of that class, so a repeated access is a few compares instead of hashing and walking
// the MRO. Instances that keep a dict instead are looked up where the name sat last time.
#pragma once
#include <string>

#include "interp/runtime.h"
#include "interp/shape.h"

namespace ml::interp {

struct AttrSite {
  std::string name;
  Value key;         // the interned name: instance dicts written through a site hold it
  int64_t hash = 0;
  // What type->find(name) returned, for the last few receiver classes (sites in a base class's
  // methods see each subclass), all valid while g_class_epoch equals `epoch`.
  struct Entry {
    ClassObj* type = nullptr;
    const Value* ta = nullptr;   // the class attribute (points into a class dict), or null
    bool method = false;         // ta is a plain function/builtin: binds self
    bool load_generic = true;    // a property, static/class method... : the full protocol
    bool store_generic = true;   // a property or a __setattr__ on the class
    // The last instance layout of this class seen here (shape.h), where the name sits in it
    // (-1: not there), and for a store of a new name, the layout with it added.
    const Shape* shape = nullptr;
    int32_t slot = -1;
    Shape* grown = nullptr;
  };
  static constexpr int kWays = 4;
  Entry ways[kWays];
  uint64_t epoch = 0;
  uint8_t next_way = 0;        // the way a miss fills next
  uint8_t mru = 0;             // the way the last access used: tried first, inline
  uint32_t idx = 0;            // where the name was in the last instance dict's entries
  // The last instance dict found without the name, and its version then: a method called
  // again and again on the same object skips the dict. (A dict's version is unique to its
  // set of keys; a dict never changed is empty, so a new dict at a freed one's address
  // cannot be mistaken for it.)
  const DictObj* miss_dict = nullptr;
  uint64_t miss_version = 0;

  void init(std::string n);
};

// The access through the site's other ways, or the full protocol (attrcache.cpp).
Value attr_load_slow(AttrSite& s, const Value& obj);
void attr_store_slow(AttrSite& s, const Value& obj, Value v);
void attr_method_slow(AttrSite& s, const Value& obj, Value& func, bool& self_needed);

// The way last used, when it saw this instance's shape (its slot is only ever >= 0 with a
// shape), under the current class epoch. Inline at each site: the common hit is then a few
// compares and a load, without the calls' register saves.
[[gnu::always_inline]] inline const AttrSite::Entry* attr_mru(const AttrSite& s, const Value& o) {
  if (!o.is(OK::Inst)) return nullptr;
  const AttrSite::Entry& m = s.ways[s.mru];
  const Shape* sh = o.as<InstObj>()->shape;
  return m.shape == sh && sh && s.epoch == g_class_epoch ? &m : nullptr;
}

inline Value attr_load(AttrSite& s, const Value& o) {
  const AttrSite::Entry* m = attr_mru(s, o);
  if (m && m->slot >= 0 && !m->load_generic) return o.as<InstObj>()->slots[m->slot];
  return attr_load_slow(s, o);
}
// attr_load, false instead of AttributeError when the attribute is missing.
bool attr_load_opt(AttrSite& s, const Value& obj, Value& out);
// The AttributeError getattr raises for `obj.name` (not raised).
Value attribute_error(const Value& obj, std::string_view name);
inline void attr_store(AttrSite& s, const Value& o, Value v) {
  const AttrSite::Entry* m = attr_mru(s, o);
  if (m && !m->store_generic) {
    if (m->slot >= 0) {
      o.as<InstObj>()->slots[m->slot] = std::move(v);
      return;
    }
    if (m->grown) {  // a name added, as __init__ does: the next layout is known
      inst_append(o.as<InstObj>(), m->grown, std::move(v));
      return;
    }
  }
  attr_store_slow(s, o, std::move(v));
}
// lookup_method (runtime.h) through the cache: `func` unbound when self_needed.
// A method of a builtin object (`memo.get(k)`, `out.append(x)`) is found the same way, by its
// class alone: the way the last such call used, tried inline.
inline void attr_method(AttrSite& s, const Value& o, Value& func, bool& self_needed) {
  const AttrSite::Entry* m = attr_mru(s, o);
  if (m && m->slot < 0 && m->method) {
    func = *m->ta;
    self_needed = true;
    return;
  }
  if (o.t == VT::Obj && o.o->kind != OK::Inst && o.o->kind != OK::Module && o.o->kind != OK::Class &&
      o.o->kind != OK::Super) {
    const AttrSite::Entry& w = s.ways[s.mru];
    if (w.type == o.o->type && w.method && s.epoch == g_class_epoch) {
      func = *w.ta;
      self_needed = true;
      return;
    }
  }
  attr_method_slow(s, o, func, self_needed);
}

}  // namespace ml::interp
