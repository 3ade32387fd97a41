// The hash tables: the insertion-ordered dict (scanned while small, indexed beyond) and the
// set (CPython's table, so sets iterate in CPython's order), set algebra, and dict views.
#include <algorithm>

#include "interp/runtime.h"

namespace ml::interp {

// ---------------------------------------------------------------- dict
int64_t DictObj::lookup(const Value& key, int64_t h) {
  if (!may_hold(h)) return -1;
  if (index.empty()) {  // small: a scan of at most kSmall entries (tombstones never match)
    for (size_t k = 0; k < entries.size(); ++k) {
      Entry& en = entries[k];
      if (en.hash == h && (en.key.same(key) || eq(en.key, key))) return (int64_t)k;
    }
    return -1;
  }
  size_t mask = index.size() - 1;
  size_t i = (size_t)h & mask;
  while (true) {
    int32_t e = index[i];
    if (e < 0) return -1;
    Entry& en = entries[e];
    if (en.hash == h && (en.key.same(key) || eq(en.key, key))) return e;
    i = (i + 1) & mask;
  }
}

static uint64_t g_dict_version = 0;
uint64_t g_class_epoch = 1;

// Drops tombstones; a dict of fewer than kSmall entries keeps no index (lookups scan), a larger
// one gets an index of at least `cap` slots. Entries are reserved up to the next rebuild so
// that filling the dict does not reallocate them on the way.
void DictObj::rebuild(size_t cap) {
  version = ++g_dict_version;
  size_t n = 8;
  while (n < cap) n <<= 1;
  bool small = used < kSmall;
  std::vector<Entry> ne;
  ne.reserve(small ? kSmall : n * 2 / 3 + 1);
  for (auto& en : entries)
    if (en.hash != kTombstone) ne.push_back(std::move(en));
  entries = std::move(ne);
  if (small) {
    index.clear();
    return;
  }
  index.assign(n, -1);
  size_t mask = n - 1;
  for (size_t k = 0; k < entries.size(); ++k) {
    size_t i = (size_t)entries[k].hash & mask;
    while (index[i] >= 0) i = (i + 1) & mask;
    index[i] = (int32_t)k;
  }
}

Value* DictObj::find(const Value& key) {
  int64_t h = hash_value(key);
  int64_t e = lookup(key, h);
  return e < 0 ? nullptr : &entries[e].value;
}

int64_t DictObj::find_str_index(std::string_view key, int64_t h) {
  if (!may_hold(h)) return -1;
  if (index.empty()) {
    for (size_t k = 0; k < entries.size(); ++k) {
      Entry& en = entries[k];
      if (en.hash == h && en.key.is(OK::Str) && en.key.as<StrObj>()->s == key) return (int64_t)k;
    }
    return -1;
  }
  size_t mask = index.size() - 1;
  size_t i = (size_t)h & mask;
  while (true) {
    int32_t e = index[i];
    if (e < 0) return -1;
    Entry& en = entries[e];
    if (en.hash == h && en.key.is(OK::Str) && en.key.as<StrObj>()->s == key) return e;
    i = (i + 1) & mask;
  }
}

Value* DictObj::find_str(std::string_view key, int64_t h) {
  int64_t e = find_str_index(key, h);
  return e < 0 ? nullptr : &entries[e].value;
}

void DictObj::set(const Value& key, Value v) {
  if (class_dict) ++g_class_epoch;  // even a replaced value: caches classify what they found
  int64_t h = hash_value(key);
  int64_t e = lookup(key, h);
  if (e >= 0) { entries[e].value = std::move(v); return; }
  if (index.empty() ? entries.size() >= kSmall : (entries.size() + 1) * 3 >= index.size() * 2)
    rebuild((used + 1) * 3);  // compacts; builds an index once the dict is no longer small
  if (index.empty()) {
    if (entries.capacity() == 0) entries.reserve(4);
    entries.push_back(Entry{key, std::move(v), h});
    key_bits |= hash_bit(h);
    ++used;
    version = ++g_dict_version;
    return;
  }
  size_t mask = index.size() - 1;
  size_t i = (size_t)h & mask;
  while (index[i] >= 0) i = (i + 1) & mask;
  index[i] = (int32_t)entries.size();
  entries.push_back(Entry{key, std::move(v), h});
  key_bits |= hash_bit(h);
  ++used;
  version = ++g_dict_version;
}

bool DictObj::erase(const Value& key) {
  int64_t h = hash_value(key);
  int64_t e = lookup(key, h);
  if (e < 0) return false;
  if (class_dict) ++g_class_epoch;
  entries[e].key = Value();
  entries[e].value = Value();
  entries[e].hash = kTombstone;
  --used;
  version = ++g_dict_version;
  // keep the index slot pointing at the tombstone (probe chains stay intact)
  if (used == 0) { entries.clear(); index.clear(); key_bits = 0; }
  return true;
}

void DictObj::reserve(size_t n) {
  if (used != 0 || entries.size() != 0) return;
  if (n < kSmall) {
    entries.reserve(n < 4 ? 4 : kSmall);
    return;
  }
  // the size set() would have grown the index to by the time it held n entries
  size_t cap = 8;
  while (n * 3 >= cap * 2) cap <<= 1;
  entries.reserve(cap * 2 / 3 + 1);
  index.assign(cap, -1);
}

void DictObj::clear() {
  if (class_dict) ++g_class_epoch;
  entries.clear();
  index.clear();
  key_bits = 0;
  used = 0;
  version = ++g_dict_version;
}

// ---------------------------------------------------------------- set (CPython's table)
static constexpr size_t kLinearProbes = 9;
static constexpr int kPerturbShift = 5;

SetObj::Slot* SetObj::lookup(const Value& key, int64_t h) {
restart:
  size_t mask = table.size() - 1;
  size_t perturb = (size_t)h;
  size_t i = (size_t)h & mask;
  while (true) {
    size_t probes = i + kLinearProbes <= mask ? kLinearProbes : 0;
    for (size_t j = i;; ++j) {
      Slot& e = table[j];
      if (e.key.t == VT::Undef) {
        if (e.hash == 0) return nullptr;
      } else if (e.hash == h) {
        if (e.key.same(key)) return &e;
        Value start = e.key;
        size_t size0 = table.size();
        bool same = eq(start, key);
        if (table.size() != size0 || !table[j].key.same(start)) goto restart;  // mutated by __eq__
        if (same) return &table[j];
      }
      if (probes-- == 0) break;
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

bool SetObj::contains(const Value& key) { return lookup(key, hash_value(key)) != nullptr; }
bool SetObj::contains_h(const Value& key, int64_t h) { return lookup(key, h) != nullptr; }
void SetObj::add(const Value& key) { add_h(key, hash_value(key)); }

void SetObj::add_h(const Value& key, int64_t h) {
restart:
  size_t mask = table.size() - 1;
  size_t perturb = (size_t)h;
  size_t i = (size_t)h & mask;
  Slot* freeslot = nullptr;
  while (true) {
    size_t probes = i + kLinearProbes <= mask ? kLinearProbes : 0;
    for (size_t j = i;; ++j) {
      Slot& e = table[j];
      if (e.key.t == VT::Undef) {
        if (e.hash == 0) {
          if (freeslot) {
            freeslot->key = key;
            freeslot->hash = h;
            ++used;
            return;
          }
          e.key = key;
          e.hash = h;
          ++fill;
          ++used;
          if (fill * 5 >= mask * 3) resize(used > 50000 ? used * 2 : used * 4);
          return;
        }
        if (!freeslot) freeslot = &e;  // deleted
      } else if (e.hash == h) {
        if (e.key.same(key)) return;
        Value start = e.key;
        size_t size0 = table.size();
        bool same = eq(start, key);
        if (table.size() != size0 || !table[j].key.same(start)) goto restart;
        if (same) return;
      }
      if (probes-- == 0) break;
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

// set_insert_clean: a key known to be absent, into a table without deleted slots.
static void insert_clean(std::vector<SetObj::Slot>& table, Value key, int64_t h) {
  size_t mask = table.size() - 1;
  size_t perturb = (size_t)h;
  size_t i = (size_t)h & mask;
  while (true) {
    if (table[i].key.t == VT::Undef) { table[i].key = std::move(key); table[i].hash = h; return; }
    if (i + kLinearProbes <= mask) {
      for (size_t j = 1; j <= kLinearProbes; ++j)
        if (table[i + j].key.t == VT::Undef) { table[i + j].key = std::move(key); table[i + j].hash = h; return; }
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

void SetObj::resize(size_t minused) {
  size_t n = 8;
  while (n <= minused) n <<= 1;
  std::vector<Slot> old(n);
  old.swap(table);
  for (auto& e : old)
    if (e.key.t != VT::Undef) insert_clean(table, std::move(e.key), e.hash);
  fill = used;
}

bool SetObj::discard(const Value& key) { return discard_h(key, hash_value(key)); }
bool SetObj::discard_h(const Value& key, int64_t h) {
  Slot* e = lookup(key, h);
  if (!e) return false;
  e->key = Value();
  e->key.t = VT::Undef;
  e->hash = -1;
  --used;
  return true;
}

bool SetObj::pop(Value& out) {
  if (used == 0) return false;
  size_t mask = table.size() - 1;
  size_t i = finger & mask;
  while (table[i].key.t == VT::Undef) i = (i + 1) & mask;
  out = std::move(table[i].key);
  table[i].key = Value();
  table[i].key.t = VT::Undef;
  table[i].hash = -1;
  --used;
  finger = i + 1;
  return true;
}

void SetObj::clear() {
  std::vector<Slot>(8).swap(table);
  fill = used = 0;
}

void SetObj::merge(const SetObj* other) {
  if (other == this || other->used == 0) return;
  if ((fill + other->used) * 5 >= (table.size() - 1) * 3) resize((used + other->used) * 2);
  if (fill == 0 && table.size() == other->table.size() && other->fill == other->used) {
    for (size_t i = 0; i < table.size(); ++i)
      if (other->table[i].key.t != VT::Undef) table[i] = other->table[i];
    fill = used = other->used;
    return;
  }
  if (fill == 0) {
    fill = used = other->used;
    for (auto& e : other->table)
      if (e.key.t != VT::Undef) insert_clean(table, e.key, e.hash);
    return;
  }
  std::vector<Slot> keys;  // other may change under __eq__
  for (auto& e : other->table) if (e.key.t != VT::Undef) keys.push_back(e);
  for (auto& e : keys) add_h(e.key, e.hash);
}

void SetObj::update(const Value& iterable) {
  if (iterable.is(OK::Set) || iterable.is(OK::FrozenSet)) { merge(iterable.as<SetObj>()); return; }
  if (iterable.is(OK::Dict)) {
    DictObj* d = iterable.as<DictObj>();
    if ((fill + d->size()) * 5 >= (table.size() - 1) * 3) resize((used + d->size()) * 2);
    std::vector<std::pair<Value, int64_t>> keys;
    for (auto& e : d->entries) if (e.hash != DictObj::kTombstone) keys.emplace_back(e.key, e.hash);
    for (auto& [k, h] : keys) add_h(k, h);
    return;
  }
  ::ml::interp::for_each(iterable, [&](const Value& x) { add(x); });
}

void SetObj::swap_bodies(SetObj* other) {
  std::swap(table, other->table);
  std::swap(fill, other->fill);
  std::swap(used, other->used);
  std::swap(finger, other->finger);
}

// Set algebra with CPython's algorithms, so results come out in CPython's order. The result
// has the kind (set / frozenset) of `a`.
static bool is_anyset(const Value& v) { return v.is(OK::Set) || v.is(OK::FrozenSet); }
static Value new_set_like(const Value& a) { return mk_set(a.is(OK::FrozenSet)); }

Value set_copy(const Value& a) {
  Value r = new_set_like(a);
  r.as<SetObj>()->merge(a.as<SetObj>());
  return r;
}

Value set_union(const Value& a, const Value& b) {
  Value r = set_copy(a);
  if (!b.same(a)) r.as<SetObj>()->update(b);
  return r;
}

Value set_intersection(const Value& a, const Value& b) {
  if (a.same(b)) return set_copy(a);
  Value r = new_set_like(a);
  SetObj* rs = r.as<SetObj>();
  if (is_anyset(b)) {
    SetObj* so = a.as<SetObj>();
    SetObj* other = b.as<SetObj>();
    if (other->size() > so->size()) std::swap(so, other);
    Value keep_so = Value::obj(so), keep_other = Value::obj(other);
    std::vector<SetObj::Slot> keys;
    for (auto& e : other->table) if (e.key.t != VT::Undef) keys.push_back(e);
    for (auto& e : keys)
      if (so->contains_h(e.key, e.hash)) rs->add_h(e.key, e.hash);
    return r;
  }
  SetObj* so = a.as<SetObj>();
  for_each(b, [&](const Value& k) {
    int64_t h = hash_value(k);
    if (so->contains_h(k, h)) rs->add_h(k, h);
  });
  return r;
}

void set_difference_update(SetObj* so, const Value& other) {
  if (other.is_obj() && other.o == so) { so->clear(); return; }
  if (is_anyset(other)) {
    Value o = other;
    if ((o.as<SetObj>()->size() >> 3) > so->size()) o = set_intersection(Value::obj(so), other);
    std::vector<SetObj::Slot> keys;
    for (auto& e : o.as<SetObj>()->table) if (e.key.t != VT::Undef) keys.push_back(e);
    for (auto& e : keys) so->discard_h(e.key, e.hash);
  } else {
    for_each(other, [&](const Value& k) { so->discard(k); });
  }
  if (so->fill - so->used > (so->table.size() - 1) / 4)
    so->resize(so->used > 50000 ? so->used * 2 : so->used * 4);
}

Value set_difference(const Value& a, const Value& b) {
  SetObj* so = a.as<SetObj>();
  size_t other_size;
  if (is_anyset(b)) other_size = b.as<SetObj>()->size();
  else if (b.is(OK::Dict)) other_size = b.as<DictObj>()->size();
  else other_size = (size_t)-1;
  if (other_size == (size_t)-1 || (so->size() >> 2) > other_size) {
    Value r = set_copy(a);
    set_difference_update(r.as<SetObj>(), b);
    return r;
  }
  Value r = new_set_like(a);
  std::vector<SetObj::Slot> keys;
  for (auto& e : so->table) if (e.key.t != VT::Undef) keys.push_back(e);
  for (auto& e : keys) {
    bool in = is_anyset(b) ? b.as<SetObj>()->contains_h(e.key, e.hash) : b.as<DictObj>()->find(e.key) != nullptr;
    if (!in) r.as<SetObj>()->add_h(e.key, e.hash);
  }
  return r;
}

void set_symmetric_difference_update(SetObj* so, const Value& other) {
  if (other.is_obj() && other.o == so) { so->clear(); return; }
  Value o = other;
  if (!is_anyset(o)) {
    o = mk_set();
    o.as<SetObj>()->update(other);
  }
  std::vector<SetObj::Slot> keys;
  for (auto& e : o.as<SetObj>()->table) if (e.key.t != VT::Undef) keys.push_back(e);
  for (auto& e : keys)
    if (!so->discard_h(e.key, e.hash)) so->add_h(e.key, e.hash);
}

Value set_symmetric_difference(const Value& a, const Value& b) {
  Value r = new_set_like(a);
  r.as<SetObj>()->update(b);
  set_symmetric_difference_update(r.as<SetObj>(), a);
  return r;
}

bool dict_view_contains(const DictViewObj* v, const Value& item) {
  switch (v->which) {
    case DictViewObj::Keys: return v->d->find(item) != nullptr;
    case DictViewObj::Items: {
      if (!item.is(OK::Tuple) || item.as<TupleObj>()->v.size() != 2) return false;
      const Value* x = v->d->find(item.as<TupleObj>()->v[0]);
      return x && (x->same(item.as<TupleObj>()->v[1]) || eq(*x, item.as<TupleObj>()->v[1]));
    }
    case DictViewObj::Values: {
      bool found = false;
      v->d->for_each([&](const Value&, const Value& x) { if (!found && (x.same(item) || eq(x, item))) found = true; });
      return found;
    }
  }
  return false;
}

// CPython's dictviews_{and,or,sub,xor}: the result is a set.
Value dict_view_binop(ast::BinOp op, const Value& a0, const Value& b0) {
  using ast::BinOp;
  if (op == BinOp::BitAnd) {
    Value self = a0, other = b0;
    if (!(self.is(OK::DictView) && self.as<DictViewObj>()->set_like())) std::swap(self, other);
    int64_t len_self = len(self);
    if (other.is(OK::Set) && len_self <= len(other)) return set_intersection(other, self);
    if (other.is(OK::DictView) && other.as<DictViewObj>()->set_like() && len(other) > len_self) std::swap(self, other);
    Value r = mk_set();
    for_each(other, [&](const Value& k) { if (dict_view_contains(self.as<DictViewObj>(), k)) r.as<SetObj>()->add(k); });
    return r;
  }
  Value r = mk_set();
  r.as<SetObj>()->update(a0);
  switch (op) {
    case BinOp::BitOr: r.as<SetObj>()->update(b0); break;
    case BinOp::Sub: set_difference_update(r.as<SetObj>(), b0); break;
    case BinOp::BitXor: set_symmetric_difference_update(r.as<SetObj>(), b0); break;
    default: break;
  }
  return r;
}

}  // namespace ml::interp
