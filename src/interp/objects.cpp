// Core objects: constructors, classes, hashing, equality, ordering, errors. (The dict and set
// tables are in dict_set.cpp, repr/str in objects_repr.cpp.)
#include <unordered_map>
#include <utf8proc.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "interp/bytearray.h"
#include "interp/code.h"
#include "interp/runtime.h"
#include "interp/shape.h"
#include "lang/pack.h"

namespace ml::interp {

const Value* meta_special(const Value& cls, std::string_view name);  // metaclass.cpp

Interp* I = nullptr;

// ---------------------------------------------------------------- constructors
// ---------------------------------------------------------------- object memory
// Free lists per 16-byte size class up to kPoolMax bytes, refilled from 64 KiB blocks that are
// kept for the life of the process (like CPython's small-object allocator, minus returning
// empty arenas). A block is carved one cell at a time as the free list runs dry, not linked up
// in advance: a program that makes few objects of a size then touches (and keeps resident) a
// few of its pages rather than all 64 KiB. Objects are only ever made and dropped by the one
// running interpreter (their reference counts are not atomic either), so the lists take no
// lock. Under AddressSanitizer every object is its own allocation, so that use-after-free is
// still caught.
#if defined(__SANITIZE_ADDRESS__)
#define ML_OBJECT_POOL 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ML_OBJECT_POOL 0
#endif
#endif
#ifndef ML_OBJECT_POOL
#define ML_OBJECT_POOL 1
#endif

namespace {
constexpr size_t kGrain = 16, kPoolMax = 256, kBlock = 64 << 10;
struct FreeCell { FreeCell* next; };
FreeCell* g_free[kPoolMax / kGrain + 1];
struct Carve { char* next = nullptr; char* end = nullptr; };  // the uncarved rest of a block
Carve g_carve[kPoolMax / kGrain + 1];

[[gnu::noinline]] void* refill(size_t cls) {
  size_t sz = cls * kGrain;
  Carve& c = g_carve[cls];
  if (static_cast<size_t>(c.end - c.next) < sz) {
    c.next = static_cast<char*>(::operator new(kBlock));
    c.end = c.next + kBlock / sz * sz;
  }
  void* p = c.next;
  c.next += sz;
  return p;
}
}  // namespace

void* object_alloc(size_t n) {
  if (!ML_OBJECT_POOL || n > kPoolMax) return ::operator new(n);
  size_t cls = (n + kGrain - 1) / kGrain;
  if (FreeCell* c = g_free[cls]) {
    g_free[cls] = c->next;
    return c;
  }
  return refill(cls);
}

void object_free(void* p, size_t n) noexcept {
  if (!ML_OBJECT_POOL || n > kPoolMax) {
    ::operator delete(p);
    return;
  }
  size_t cls = (n + kGrain - 1) / kGrain;
  auto* c = static_cast<FreeCell*>(p);
  c->next = g_free[cls];
  g_free[cls] = c;
}

StrObj::StrObj(std::string v) : Object(OK::Str, I->t_str), s(std::move(v)) {}
int64_t StrObj::length() {
  if (ncp < 0) {
    int64_t n = 0;
    bool asc = true;
    for (unsigned char c : s) {
      if ((c & 0xC0) != 0x80) ++n;
      if (c >= 0x80) asc = false;
    }
    ncp = n;
    ascii = asc;
  }
  return ncp;
}
BigObj::BigObj() : Object(OK::Big, I->t_int) { mpz_init(z); }
BigObj::~BigObj() { mpz_clear(z); }
ListObj::ListObj() : Object(OK::List, I->t_list) {}
ListObj::ListObj(ValueVec items) : Object(OK::List, I->t_list), v(std::move(items)) {}
TupleObj::TupleObj() : Object(OK::Tuple, I->t_tuple) {}
TupleObj::TupleObj(ValueVec items) : Object(OK::Tuple, I->t_tuple), v(std::move(items)) {}
BytesObj::BytesObj(std::string v) : Object(OK::Bytes, I->t_bytes), s(std::move(v)) {}
DictObj::DictObj() : Object(OK::Dict, I->t_dict) {}
SetObj::SetObj(bool frozen)
    : Object(frozen ? OK::FrozenSet : OK::Set, frozen ? I->t_frozenset : I->t_set), table(8) {}
CellObj::CellObj() : Object(OK::Cell, I->t_cell) {}
DictViewObj::DictViewObj(DictObj* dict, Which w)
    : Object(OK::DictView, w == Keys ? I->t_dict_keys : w == Values ? I->t_dict_values : I->t_dict_items), d(dict), which(w) {}
SliceObj::SliceObj(Value a, Value b, Value c)
    : Object(OK::Slice, I->t_slice), start(std::move(a)), stop(std::move(b)), step(std::move(c)) {}
RangeObj::RangeObj(int64_t a, int64_t b, int64_t c) : Object(OK::Range, I->t_range), start(a), stop(b), step(c) {}
int64_t RangeObj::len() const {
  // in 128 bits: stop - start overflows 64 for ranges spanning most of the int64 line
  __int128 a = start, b = stop, s = step;
  if (s > 0) return a < b ? (int64_t)((b - a + s - 1) / s) : 0;
  return a > b ? (int64_t)((a - b - s - 1) / (-s)) : 0;
}
ModuleObj::ModuleObj(std::string n) : Object(OK::Module, I->t_module), name(std::move(n)), dict(new DictObj()) {}
ClassObj::ClassObj(std::string n)
    : Object(OK::Class, I ? I->t_type : nullptr), name(std::move(n)), dict(new DictObj()) { dict->class_dict = true; }
// A new class may reuse this address: caches that remember this one must not match it.
ClassObj::~ClassObj() {
  ++g_class_epoch;
  delete root_shape;
}
NativeObj::NativeObj(std::string n, NativeFn f) : Object(OK::Native, I->t_builtin), name(std::move(n)), fn(std::move(f)) {}
BoundObj::BoundObj(Value s, Value f) : Object(OK::Bound, I->t_method), self(std::move(s)), func(std::move(f)) {}
PropertyObj::PropertyObj() : Object(OK::Property, I->t_property) {}
WrapperObj::WrapperObj(OK k, Value f)
    : Object(k, k == OK::StaticMethod ? I->t_staticmethod : I->t_classmethod), func(std::move(f)) {}
IterObj::IterObj(std::function<bool(Value&)> n) : Object(OK::Iter, I->t_iterator), next(std::move(n)) {}
FuncObj::FuncObj(const FuncCode* c, Ref<DictObj> g) : Object(OK::Func, I->t_function), code(c), globals(std::move(g)) {}
CoroObj::CoroObj() : Object(OK::Coro, I->t_coroutine) {}
FileObj::FileObj() : Object(OK::File, I->t_file) {}
FileObj::~FileObj() { if (fp && !closed) std::fclose(fp); }

Value mk_str(std::string s) {
  if (s.size() == 1 && (unsigned char)s[0] < 128) return I->small_strs[(unsigned char)s[0]];
  return Value::obj(new StrObj(std::move(s)));
}
Value mk_str(std::string_view s) { return mk_str(std::string(s)); }
Value mk_str(const char* s) { return mk_str(std::string(s)); }
Value mk_list(ValueVec v) { return Value::obj(new ListObj(std::move(v))); }
Value mk_tuple(ValueVec v) {
  if (v.empty() && I->empty_tuple.is_obj()) return I->empty_tuple;
  return Value::obj(new TupleObj(std::move(v)));
}
Value mk_dict() { return Value::obj(new DictObj()); }
Value mk_bytes(std::string s) { return Value::obj(new BytesObj(std::move(s))); }
Value mk_set(bool frozen) { return Value::obj(new SetObj(frozen)); }
Value str_key(std::string_view s) { return mk_str(std::string(s)); }

// ---------------------------------------------------------------- str hashes, interned names
static int64_t str_hash(StrObj* s) {
  if (s->hash < 0) {
    uint64_t h = 1469598103934665603ULL;  // FNV-1a
    for (unsigned char c : s->s) { h ^= c; h *= 1099511628211ULL; }
    s->hash = (int64_t)(h & 0x3FFFFFFFFFFFFFFFULL);
  }
  return s->hash;
}
static int64_t hash_sv(std::string_view sv) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : sv) { h ^= c; h *= 1099511628211ULL; }
  return (int64_t)(h & 0x3FFFFFFFFFFFFFFFULL);
}

Value intern_str(std::string_view s) {
  auto it = I->interned.find(s);
  if (it != I->interned.end()) return it->second;
  Value v = mk_str(s);
  v.as<StrObj>()->hash = hash_sv(s);
  I->interned.emplace(std::string(s), v);
  return v;
}
int64_t str_hash_sv(std::string_view s) { return hash_sv(s); }

// ---------------------------------------------------------------- classes
const Value* ClassObj::find(std::string_view attr) const { return find(attr, hash_sv(attr)); }
const Value* ClassObj::find(std::string_view attr, int64_t h) const {
  for (ClassObj* c : mro) {
    if (Value* v = c->dict->find_str(attr, h)) return v;
  }
  return nullptr;
}
Value ClassObj::lookup(std::string_view attr) const {
  const Value* v = find(attr);
  return v ? *v : Value();
}
bool ClassObj::is_subclass(const ClassObj* other) const {
  for (ClassObj* c : mro)
    if (c == other) return true;
  return false;
}

bool ClassObj::allows_attr(std::string_view attr) const {
  if (!slotted) return true;
  for (const auto& s : slot_names)
    if (s == attr) return true;
  return false;
}

// Attribute dicts of objects of builtin kinds (list, int, str...) whose class is a user subclass:
// few objects have one, so they live in a table instead of a field of every object.
static std::unordered_map<const Object*, Ref<DictObj>>& extra_dicts() {
  static auto* table = new std::unordered_map<const Object*, Ref<DictObj>>();
  return *table;
}
DictObj* extra_dict(Object* o, bool create) {
  if (o->has_extra) return extra_dicts()[o].get();
  if (!create) return nullptr;
  o->has_extra = true;
  Ref<DictObj> d(new DictObj());
  extra_dicts()[o] = d;
  return d.get();
}
void drop_extra_dict(Object* o) {
  // moved out first: freeing the dict may free other objects with their own extra dicts
  auto it = extra_dicts().find(o);
  if (it == extra_dicts().end()) return;
  Ref<DictObj> d = std::move(it->second);
  extra_dicts().erase(it);
}

// ---------------------------------------------------------------- type / truth
ClassObj* type_of(const Value& v) {
  switch (v.t) {
    case VT::None: return I->t_none;
    case VT::Bool: return I->t_bool;
    case VT::Int: return I->t_int;
    case VT::Float: return I->t_float;
    case VT::Obj: return v.o->type;
    // An unassigned local is caught where it is read; the answers for Undef here and below only
    // keep a missed check from following a null object pointer.
    case VT::Undef: break;
  }
  return I->t_object;
}
std::string type_name(const Value& v) { return type_of(v)->name; }

bool truthy(const Value& v) {
  switch (v.t) {
    case VT::None: return false;
    case VT::Bool: return v.b;
    case VT::Int: return v.i != 0;
    case VT::Float: return v.f != 0.0;
    case VT::Undef: return false;
    case VT::Obj: break;
  }
  switch (v.o->kind) {
    case OK::Str: return !v.as<StrObj>()->s.empty();
    case OK::Big: return mpz_sgn(v.as<BigObj>()->z) != 0;
    case OK::List: return !v.as<ListObj>()->v.empty();
    case OK::Tuple: return !v.as<TupleObj>()->v.empty();
    case OK::Dict: return v.as<DictObj>()->size() != 0;
    case OK::Set: case OK::FrozenSet: return v.as<SetObj>()->size() != 0;
    case OK::Bytes: return !v.as<BytesObj>()->s.empty();
    case OK::Range: return v.as<RangeObj>()->len() != 0;
    case OK::DictView: return v.as<DictViewObj>()->d->size() != 0;
    case OK::Inst: {
      // The __bool__ and __len__ of the last classes tested, while no class has changed
      // (g_class_epoch): `if node:` on instances would otherwise walk the MRO twice.
      struct Entry {
        const ClassObj* cls = nullptr;
        uint64_t epoch = 0;
        const Value *bool_m = nullptr, *len_m = nullptr;
      };
      static Entry cache[16];
      const ClassObj* t = v.o->type;
      Entry& e = cache[((uintptr_t)t >> 4) & 15];
      if (e.cls != t || e.epoch != g_class_epoch) {
        e.cls = t;
        e.epoch = g_class_epoch;
        e.bool_m = t->find("__bool__");
        e.len_m = e.bool_m ? nullptr : t->find("__len__");
      }
      if (const Value* m = e.bool_m ? e.bool_m : e.len_m) {
        Value f = *m;  // the call may change the class
        Value r = call1(f, v);
        return truthy(r);
      }
      return true;
    }
    default: return true;
  }
}

// ---------------------------------------------------------------- hashing
// CPython's numeric hash: n mod (2**61 - 1) with n's sign, so hash(x) == hash(y) whenever
// x == y across int/float/bool; -1 is reserved (it becomes -2).
static const uint64_t kHashMod = (1ULL << 61) - 1;
static constexpr int kHashBits = 61;
static int64_t fix_hash(uint64_t h) { return h == (uint64_t)-1 ? -2 : (int64_t)h; }
// x mod 2**61 - 1 by folding the bits above 61 back in (2**61 = 1 modulo it): no division,
// which costs tens of cycles and ids, large numbers, are hashed at a high rate.
static uint64_t mod_hash(uint64_t x) {
  x = (x & kHashMod) + (x >> kHashBits);
  return x >= kHashMod ? x - kHashMod : x;
}
static int64_t int_hash(int64_t x) {
  if (x >= 0) return (int64_t)mod_hash((uint64_t)x);
  uint64_t ax = (uint64_t)(-(x + 1)) + 1;
  return fix_hash((uint64_t)0 - mod_hash(ax));
}
static int64_t float_hash(double v) {  // _Py_HashDouble
  if (!std::isfinite(v)) return std::isinf(v) ? (v > 0 ? 314159 : -314159) : 0;
  int e;
  double m = std::frexp(v, &e);
  int sign = 1;
  if (m < 0) { sign = -1; m = -m; }
  uint64_t x = 0;
  while (m != 0) {
    x = ((x << 28) & kHashMod) | x >> (kHashBits - 28);
    m *= 268435456.0;
    e -= 28;
    uint64_t y = (uint64_t)m;
    m -= (double)y;
    x += y;
    if (x >= kHashMod) x -= kHashMod;
  }
  e = e >= 0 ? e % kHashBits : kHashBits - 1 - ((-1 - e) % kHashBits);
  x = ((x << e) & kHashMod) | x >> (kHashBits - e);
  return fix_hash(x * (uint64_t)(int64_t)sign);
}
int64_t hash_value_full(const Value& v) {
  switch (v.t) {
    case VT::None: return 0xFCA86420;
    case VT::Bool: return v.b ? 1 : 0;
    case VT::Int: return int_hash(v.i);
    case VT::Float: return float_hash(v.f);
    case VT::Undef: return 0;
    case VT::Obj: break;
  }
  switch (v.o->kind) {
    case OK::Str: return str_hash(v.as<StrObj>());
    case OK::Big: {
      mpz_t r;
      mpz_init(r);
      const mpz_t& z = v.as<BigObj>()->z;
      mpz_tdiv_r_ui(r, z, (unsigned long)kHashMod);  // |r| with z's sign
      uint64_t h = (uint64_t)mpz_get_ui(r);
      bool neg = mpz_sgn(z) < 0;
      mpz_clear(r);
      return fix_hash(neg ? (uint64_t)0 - h : h);
    }
    case OK::Tuple: {  // CPython's xxHash-based tuplehash
      const uint64_t p1 = 11400714785074694791ULL, p2 = 14029467366897019727ULL, p5 = 2870177450012600261ULL;
      uint64_t acc = p5;
      const auto& items = v.as<TupleObj>()->v;
      for (auto& x : items) {
        uint64_t lane = (uint64_t)hash_value(x);
        acc += lane * p2;
        acc = (acc << 31) | (acc >> 33);
        acc *= p1;
      }
      acc += (uint64_t)items.size() ^ (p5 ^ 3527539ULL);
      return acc == (uint64_t)-1 ? 1546275796 : (int64_t)acc;
    }
    case OK::FrozenSet: {  // CPython's frozenset_hash: order-independent
      auto shuffle = [](uint64_t h) { return ((h ^ 89869747ULL) ^ (h << 16)) * 3644798167ULL; };
      uint64_t h = 0;
      v.as<SetObj>()->for_each_h([&](const Value&, int64_t k) { h ^= shuffle((uint64_t)k); });
      h ^= ((uint64_t)v.as<SetObj>()->size() + 1) * 1927868237ULL;
      h ^= (h >> 11) ^ (h >> 25);
      h = h * 69069U + 907133923ULL;
      return h == (uint64_t)-1 ? 590923713 : (int64_t)h;
    }
    case OK::Bytes:
      if (is_bytearray(v)) raise_id("TypeError", "runtime.unhashable", {{"type", type_name(v)}});
      return hash_sv(v.as<BytesObj>()->s) ^ 0x1234;
    case OK::List: case OK::Dict: case OK::Set:
      raise_id("TypeError", "runtime.unhashable", {{"type", type_name(v)}});
    case OK::Inst: {
      if (const Value* m = v.o->type->find("__hash__")) {
        if (m->is_none()) raise_id("TypeError", "runtime.unhashable", {{"type", type_name(v)}});
        Value r = call1(*m, v);
        if (r.is_int()) return hash_value(r);
        return hash_value(r);
      }
      if (v.o->type->find("__eq__") && !v.o->type->is_exception)
        raise_id("TypeError", "runtime.unhashable", {{"type", type_name(v)}});
      return (int64_t)(((uintptr_t)v.o >> 4) & 0x3FFFFFFFFFFFFFFFULL);
    }
    case OK::Bound: {  // equal bound methods (same object, equal function) hash alike
      auto* b = v.as<BoundObj>();
      int64_t self_id = b->self.t == VT::Obj ? (int64_t)((uintptr_t)b->self.o >> 4) : hash_value(b->self);
      return self_id ^ hash_value(b->func);
    }
    default: return (int64_t)(((uintptr_t)v.o >> 4) & 0x3FFFFFFFFFFFFFFFULL);
  }
}

// ---------------------------------------------------------------- equality / ordering
// An int64 against a float, exactly (CPython's float_richcompare): converting the int to a
// double would round above 2**53, making 2**53 + 1 == 9007199254740992.0.
// -1, 0, 1, or 2 when d is nan.
static int cmp_int_float(int64_t i, double d) {
  if (std::isnan(d)) return 2;
  constexpr int64_t kExact = int64_t(1) << 53;
  if (i >= -kExact && i <= kExact) {
    double x = double(i);
    return x < d ? -1 : (x > d ? 1 : 0);
  }
  if (d >= 9223372036854775808.0) return -1;
  if (d < -9223372036854775808.0) return 1;
  double t = std::trunc(d);
  int64_t ti = int64_t(t);
  if (i != ti) return i < ti ? -1 : 1;
  return d > t ? -1 : (d < t ? 1 : 0);
}

static bool num_eq(const Value& a, const Value& b, bool& handled) {
  handled = true;
  if ((a.t == VT::Int || a.t == VT::Bool) && (b.t == VT::Int || b.t == VT::Bool)) return a.i == b.i || (a.t == VT::Bool && b.t == VT::Bool && a.b == b.b) ||
                                                                                          ((a.t == VT::Bool ? (int64_t)a.b : a.i) == (b.t == VT::Bool ? (int64_t)b.b : b.i));
  bool af = a.t == VT::Float, bf = b.t == VT::Float;
  bool ai = a.t == VT::Int || a.t == VT::Bool || a.is(OK::Big), bi = b.t == VT::Int || b.t == VT::Bool || b.is(OK::Big);
  if ((af || ai) && (bf || bi)) {
    if (af && bf) return a.f == b.f;
    if (a.is(OK::Big) || b.is(OK::Big)) {
      if (af || bf) {
        double d = af ? a.f : b.f;
        const Value& big = af ? b : a;
        if (!std::isfinite(d) || d != std::floor(d)) return false;
        mpz_t z; mpz_init(z); to_mpz(big, z);
        int c = mpz_cmp_d(z, d);
        mpz_clear(z);
        return c == 0;
      }
      mpz_t x, y; mpz_init(x); mpz_init(y); to_mpz(a, x); to_mpz(b, y);
      bool r = mpz_cmp(x, y) == 0;
      mpz_clear(x); mpz_clear(y);
      return r;
    }
    if (af) return cmp_int_float(b.t == VT::Bool ? (int64_t)b.b : b.i, a.f) == 0;
    return cmp_int_float(a.t == VT::Bool ? (int64_t)a.b : a.i, b.f) == 0;
  }
  handled = false;
  return false;
}

static Value rich_cmp(const Value& a, const Value& b, const char* op, const char* rop) {
  // Returns NotImplemented-ish as None-tagged with t==None? Use a marker: tuple empty
  if (a.is(OK::Inst)) {
    if (const Value* m = a.o->type->find(op)) {
      Value r = call2(*m, a, b);
      if (!r.same(I->not_impl)) return r;
    }
  }
  if (b.is(OK::Inst)) {
    if (const Value* m = b.o->type->find(rop)) {
      Value r = call2(*m, b, a);
      if (!r.same(I->not_impl)) return r;
    }
  }
  Value nr;
  nr.t = VT::Obj;
  nr.o = nullptr;  // marker: not handled
  return nr;
}

// Whether the program made a class deriving from a builtin type other than object (class
// C(tuple)), set in frame.cpp: until it does, equality never looks for such a class's __eq__.
bool g_builtin_subclassed = false;

// A value of a user subclass of a builtin type (class C(tuple)): it may define its own __eq__.
static inline bool user_builtin_sub(const Value& x) {
  return x.t == VT::Obj && !x.o->type->builtin && x.o->kind != OK::Inst;
}

// Their __eq__ (tried from a's side, then b's): false when neither defines one that answers.
[[gnu::noinline]] static bool subclass_eq(const Value& a, const Value& b, bool& out) {
  for (int side = 0; side < 2; ++side) {
    const Value& x = side ? b : a;
    if (!user_builtin_sub(x)) continue;
    const Value* m = x.o->type->find("__eq__");
    if (m && m->is(OK::Func)) {
      Value r = call2(*m, x, side ? a : b);
      if (!r.same(I->not_impl)) {
        out = truthy(r);
        return true;
      }
    }
  }
  return false;
}

bool eq(const Value& a, const Value& b) {
  if (a.t != VT::Obj && b.t != VT::Obj) {
    if (a.t == b.t) {
      switch (a.t) {
        case VT::None: return true;
        case VT::Bool: return a.b == b.b;
        case VT::Int: return a.i == b.i;
        case VT::Float: return a.f == b.f;
        default: break;
      }
    }
  }
  if (g_builtin_subclassed && (user_builtin_sub(a) || user_builtin_sub(b))) {
    bool r;
    if (subclass_eq(a, b, r)) return r;
  }
  bool handled;
  bool r = num_eq(a, b, handled);
  if (handled) return r;
  if (a.t == VT::Obj && b.t == VT::Obj) {
    if (a.o == b.o && a.o->kind != OK::Inst) return true;
    OK ka = a.o->kind, kb = b.o->kind;
    if (ka == OK::Str && kb == OK::Str) return a.as<StrObj>()->s == b.as<StrObj>()->s;
    if (ka == kb) {
      switch (ka) {
        case OK::List: case OK::Tuple: {
          const ValueVec& x = ka == OK::List ? a.as<ListObj>()->v : a.as<TupleObj>()->v;
          const ValueVec& y = ka == OK::List ? b.as<ListObj>()->v : b.as<TupleObj>()->v;
          if (x.size() != y.size()) return false;
          for (size_t i = 0; i < x.size(); ++i)
            if (!(x[i].same(y[i]) || eq(x[i], y[i]))) return false;
          return true;
        }
        case OK::Dict: {
          auto* x = a.as<DictObj>(); auto* y = b.as<DictObj>();
          if (x->size() != y->size()) return false;
          bool ok = true;
          x->for_each([&](const Value& k, const Value& v) {
            if (!ok) return;
            Value* o = y->find(k);
            if (!o || !eq(v, *o)) ok = false;
          });
          return ok;
        }
        case OK::Bytes: return a.as<BytesObj>()->s == b.as<BytesObj>()->s;
        case OK::Bound: {  // obj.m == obj.m: the same object and equal functions, as in CPython
          auto* x = a.as<BoundObj>(); auto* y = b.as<BoundObj>();
          return x->self.same(y->self) && (x->func.same(y->func) || eq(x->func, y->func));
        }
        case OK::Range: {
          auto* x = a.as<RangeObj>(); auto* y = b.as<RangeObj>();
          return x->start == y->start && x->stop == y->stop && x->step == y->step;
        }
        default: break;
      }
    }
    bool va = ka == OK::DictView && a.as<DictViewObj>()->set_like(), vb = kb == OK::DictView && b.as<DictViewObj>()->set_like();
    if ((va || ka == OK::Set || ka == OK::FrozenSet) && (vb || kb == OK::Set || kb == OK::FrozenSet) && (va || vb)) {
      // a keys/items view equals any set-like with the same elements
      if (len(a) != len(b)) return false;
      const Value& view = va ? a : b;
      const Value& other = va ? b : a;
      bool ok = true;
      for_each(other, [&](const Value& k) { if (ok && !dict_view_contains(view.as<DictViewObj>(), k)) ok = false; });
      return ok;
    }
    if ((ka == OK::Set || ka == OK::FrozenSet) && (kb == OK::Set || kb == OK::FrozenSet)) {
      auto* x = a.as<SetObj>(); auto* y = b.as<SetObj>();
      if (x->size() != y->size()) return false;
      bool ok = true;
      x->for_each_h([&](const Value& k, int64_t h) { if (ok && !y->contains_h(k, h)) ok = false; });
      return ok;
    }
  }
  if (a.is(OK::Inst) || b.is(OK::Inst)) {
    Value r = rich_cmp(a, b, "__eq__", "__eq__");
    if (!(r.t == VT::Obj && r.o == nullptr)) return truthy(r);
    if (r.t == VT::Obj) r.t = VT::None;
    return a.same(b);
  }
  if (a.is(OK::Class) || b.is(OK::Class) || a.is(OK::Func) || b.is(OK::Native) || a.is(OK::Native)) return a.same(b);
  return a.same(b);
}

static int seq_cmp(const ValueVec& x, const ValueVec& y) {
  size_t n = std::min(x.size(), y.size());
  for (size_t i = 0; i < n; ++i) {
    if (x[i].same(y[i]) || eq(x[i], y[i])) continue;
    return lt(x[i], y[i]) ? -1 : 1;
  }
  return x.size() < y.size() ? -1 : (x.size() > y.size() ? 1 : 0);
}

[[noreturn]] static void cmp_error(const char* op, const Value& a, const Value& b) {
  raise_id("TypeError", "runtime.not_orderable", {{"op", op}, {"left", type_name(a)}, {"right", type_name(b)}});
}

// Three-way for orderable builtins; returns false when not applicable.
static bool builtin_cmp(const Value& a, const Value& b, int& out) {
  auto isnum = [](const Value& v) { return v.t == VT::Int || v.t == VT::Bool || v.t == VT::Float || v.is(OK::Big); };
  if (isnum(a) && isnum(b)) {
    if (a.t == VT::Float || b.t == VT::Float) {
      if (a.is(OK::Big) || b.is(OK::Big)) {
        const Value& big = a.is(OK::Big) ? a : b;
        double d = a.is(OK::Big) ? to_double(b) : to_double(a);
        mpz_t z; mpz_init(z); to_mpz(big, z);
        bool nan = std::isnan(d);
        int c = nan ? 0 : mpz_cmp_d(z, d);  // any sign-carrying int, 2 included
        mpz_clear(z);
        if (nan) { out = 2; return true; }
        out = a.is(OK::Big) ? (c > 0) - (c < 0) : (c < 0) - (c > 0);
        return true;
      }
      if (a.t != VT::Float || b.t != VT::Float) {
        bool af = a.t == VT::Float;
        const Value& n = af ? b : a;
        int c = cmp_int_float(n.t == VT::Bool ? (int64_t)n.b : n.i, af ? a.f : b.f);
        out = c == 2 || !af ? c : -c;
        return true;
      }
      double x = a.f, y = b.f;
      if (std::isnan(x) || std::isnan(y)) { out = 2; return true; }
      out = x < y ? -1 : (x > y ? 1 : 0);
      return true;
    }
    if (a.is(OK::Big) || b.is(OK::Big)) {
      mpz_t x, y; mpz_init(x); mpz_init(y); to_mpz(a, x); to_mpz(b, y);
      int c = mpz_cmp(x, y);
      mpz_clear(x); mpz_clear(y);
      out = (c > 0) - (c < 0);
      return true;
    }
    int64_t x = a.t == VT::Bool ? a.b : a.i, y = b.t == VT::Bool ? b.b : b.i;
    out = x < y ? -1 : (x > y ? 1 : 0);
    return true;
  }
  if (a.t == VT::Obj && b.t == VT::Obj && a.o->kind == b.o->kind) {
    switch (a.o->kind) {
      case OK::Str: { int c = a.as<StrObj>()->s.compare(b.as<StrObj>()->s); out = (c > 0) - (c < 0); return true; }
      case OK::Bytes: { int c = a.as<BytesObj>()->s.compare(b.as<BytesObj>()->s); out = (c > 0) - (c < 0); return true; }
      case OK::List: out = seq_cmp(a.as<ListObj>()->v, b.as<ListObj>()->v); return true;
      case OK::Tuple: out = seq_cmp(a.as<TupleObj>()->v, b.as<TupleObj>()->v); return true;
      default: break;
    }
  }
  return false;
}

static bool set_subset(SetObj* x, SetObj* y) {
  if (x->size() > y->size()) return false;
  bool ok = true;
  x->for_each_h([&](const Value& k, int64_t h) { if (ok && !y->contains_h(k, h)) ok = false; });
  return ok;
}

static Value order(ast::CmpOp op, const Value& a, const Value& b) {
  int c;
  if (builtin_cmp(a, b, c)) {
    if (c == 2) return Value::boolean(false);
    switch (op) {
      case ast::CmpOp::Lt: return Value::boolean(c < 0);
      case ast::CmpOp::LtE: return Value::boolean(c <= 0);
      case ast::CmpOp::Gt: return Value::boolean(c > 0);
      default: return Value::boolean(c >= 0);
    }
  }
  bool as = a.is(OK::Set) || a.is(OK::FrozenSet), bs = b.is(OK::Set) || b.is(OK::FrozenSet);
  if (as && bs) {
    SetObj* x = a.as<SetObj>(); SetObj* y = b.as<SetObj>();
    switch (op) {
      case ast::CmpOp::Lt: return Value::boolean(x->size() < y->size() && set_subset(x, y));
      case ast::CmpOp::LtE: return Value::boolean(set_subset(x, y));
      case ast::CmpOp::Gt: return Value::boolean(x->size() > y->size() && set_subset(y, x));
      default: return Value::boolean(set_subset(y, x));
    }
  }
  const char *name, *rname, *sym;
  switch (op) {
    case ast::CmpOp::Lt: name = "__lt__"; rname = "__gt__"; sym = "<"; break;
    case ast::CmpOp::LtE: name = "__le__"; rname = "__ge__"; sym = "<="; break;
    case ast::CmpOp::Gt: name = "__gt__"; rname = "__lt__"; sym = ">"; break;
    default: name = "__ge__"; rname = "__le__"; sym = ">="; break;
  }
  if (a.is(OK::Inst) || b.is(OK::Inst)) {
    Value r = rich_cmp(a, b, name, rname);
    if (!(r.t == VT::Obj && r.o == nullptr)) return r;
    r.t = VT::None;
  }
  cmp_error(sym, a, b);
}

bool lt(const Value& a, const Value& b) {
  if (a.t == VT::Int && b.t == VT::Int) return a.i < b.i;
  return truthy(order(ast::CmpOp::Lt, a, b));
}

Value compare(ast::CmpOp op, const Value& a, const Value& b) {
  switch (op) {
    case ast::CmpOp::Eq: return Value::boolean(eq(a, b));
    case ast::CmpOp::NotEq: {
      if (a.is(OK::Inst) && a.o->type->find("__ne__")) return Value::boolean(truthy(call2(*a.o->type->find("__ne__"), a, b)));
      return Value::boolean(!eq(a, b));
    }
    case ast::CmpOp::Is: return Value::boolean(a.same(b));
    case ast::CmpOp::IsNot: return Value::boolean(!a.same(b));
    case ast::CmpOp::In: return Value::boolean(contains(b, a));
    case ast::CmpOp::NotIn: return Value::boolean(!contains(b, a));
    default: return order(op, a, b);
  }
}

// ---------------------------------------------------------------- errors
ClassObj* Interp::e(std::string_view name) const {
  auto it = exc.find(name);
  return it == exc.end() ? exc.find("Exception")->second : it->second;
}

static const std::map<std::string, std::string, std::less<>>& english_messages() {
  static const std::map<std::string, std::string, std::less<>> m = {
      {"runtime.undefined_name", "name '{name}' is not defined"},
      {"runtime.unsupported_operand", "unsupported operand type(s) for {op}: '{left}' and '{right}'"},
      {"runtime.not_callable", "'{type}' object is not callable"},
      {"runtime.division_by_zero", "division by zero"},
      {"runtime.index_out_of_range", "{type} index out of range"},
      {"runtime.key_error", "{key}"},
      {"runtime.no_attribute", "'{type}' object has no attribute '{name}'"},
      {"runtime.recursion", "maximum recursion depth exceeded"},
      {"runtime.wrong_arg_count", "{name}() takes {expected} positional arguments but {given} were given"},
      {"runtime.assertion_failed", "assertion failed"},
      {"runtime.not_iterable", "'{type}' object is not iterable"},
      {"runtime.invalid_literal_int", "invalid literal for int() with base 10: {value}"},
      {"runtime.import_error", "No module named '{name}'"},
      {"runtime.traceback_header", "Traceback (most recent call last):"},
      {"runtime.chain_cause", "The above exception was the direct cause of the following exception:"},
      {"runtime.chain_context", "During handling of the above exception, another exception occurred:"},
      {"runtime.unbound_local", "cannot access local variable '{name}' where it is not associated with a value"},
      {"runtime.overflow", "integer result too large"},
  };
  return m;
}

std::string msg(std::string_view id, const std::map<std::string, std::string>& args) {
  if (I && I->pack) {
    // The pack fills the template ({{ and }} are literal braces) and falls back to English.
    std::string m = I->pack->message(id, args);
    if (m != id) return m;
    if (id.substr(0, 8) == "runtime.") {
      m = I->pack->message(id.substr(8), args);
      if (m != id.substr(8)) return m;
    }
  }
  // Without a pack (an embedding that gave none), the English pack still has every id.
  try {
    std::string m = LanguageRegistry::instance().english().message(id, args);
    if (m != id) return m;
  } catch (const std::exception&) {
    // no language directory: the built-in English texts below
  }
  auto& m = english_messages();
  auto it = m.find(id);
  if (it != m.end()) return fill_template(it->second, args);
  return std::string(id);
}

Value make_exception(ClassObj* cls, ValueVec args) {
  auto* inst = new InstObj(cls);
  Value v = Value::obj(inst);
  inst->set_attr("args", mk_tuple(std::move(args)));
  return v;
}

void raise(ClassObj* cls, std::string m) {
  ValueVec a;
  a.push_back(mk_str(std::move(m)));
  throw PyError(make_exception(cls, std::move(a)));
}
void raise(std::string_view cls, std::string m) { raise(I->e(cls), std::move(m)); }
void raise_id(std::string_view cls, std::string_view id, const std::map<std::string, std::string>& args) {
  raise(I->e(cls), msg(id, args));
}
void type_error(std::string m) { raise("TypeError", std::move(m)); }
void value_error(std::string m) { raise("ValueError", std::move(m)); }

// A traceback entry for `loc` in the innermost frame running.
static ExcState::TBEntry tb_entry(Loc loc) {
  ExcState::TBEntry t{};
  t.src = current_source();
  t.loc = loc;
  if (Frame* f = I->cur_frame) {
    t.code = frame_code(f);
    t.frame = f;
    t.back = f->back;
    t.pos = frame_chain_pos(f);
    if (f->globals) t.globals = Value::obj(f->globals);
  }
  return t;
}

void annotate(PyError& e, Loc loc) {
  if (!e.exc.is(OK::Inst)) return;
  ExcState* in = &e.exc.as<InstObj>()->ex();
  if (in->loc_set) {
    if (in->tb_pending) {
      in->tb_pending = false;
      in->tb.push_back(tb_entry(loc));
    }
    return;
  }
  in->loc_set = true;
  in->loc = loc;
  in->src = current_source();
  in->tb.clear();
  in->tb.push_back(tb_entry(loc));
  in->tb_pending = false;
}

void leave_frame(PyError& e, const std::string& name) {
  if (!e.exc.is(OK::Inst)) return;
  ExcState* in = &e.exc.as<InstObj>()->ex();
  if (in->tb.empty() || in->tb_pending) return;
  in->tb.back().name = name;
  in->tb_pending = true;
}

std::string exc_message(const Value& exc) {
  if (!exc.is(OK::Inst)) return to_str(exc);
  auto* in = exc.as<InstObj>();
  if (!in->type->is_exception) return to_str(exc);
  if (in->type->find("__str__") && in->type->find("__str__")->is(OK::Func)) return to_str(exc);
  Value* args = in->find_attr("args", hash_sv("args"));
  if (!args || !args->is(OK::Tuple)) return "";
  auto& l = args->as<TupleObj>()->v;
  if (l.empty()) return "";
  if (l.size() == 1) {
    if (in->type->is_subclass(I->e("KeyError"))) return repr(l[0]);
    return to_str(l[0]);
  }
  // OSError(errno, strerror[, filename[, winerror[, filename2]]]), as CPython prints it
  if (l.size() <= 5 && in->type->is_subclass(I->e("OSError"))) {
    std::string s = "[Errno " + to_str(l[0]) + "] " + to_str(l[1]);
    if (l.size() >= 3 && !l[2].is_none()) s += ": " + repr(l[2]);
    if (l.size() >= 5 && !l[4].is_none()) s += " -> " + repr(l[4]);
    return s;
  }
  return repr(*args);
}

}  // namespace ml::interp
