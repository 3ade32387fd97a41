// The interpreter's value model: a compact tagged Value (None/Bool/Int/Float inline, everything
// else a pointer to an intrusively refcounted heap Object), and the core object kinds.
#pragma once
#include <gmp.h>

#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "support/source.h"

namespace ml::interp {

struct Object;
struct ClassObj;
struct DictObj;
struct Shape;

enum class VT : uint8_t { None, Bool, Int, Float, Obj, Undef /* unassigned local slot */ };

// Kinds of heap objects (fast switch instead of dynamic_cast).
enum class OK : uint8_t {
  Str, Big, List, Tuple, Dict, Set, FrozenSet, Bytes, Func, Native, Bound, Class, Inst, Module,
  Cell, Gen, Range, Iter, Slice, File, Property, StaticMethod, ClassMethod, Coro, Super, DictView, Other
};

// Heap objects come from free lists kept per size (objects.cpp): programs make and drop small
// objects at a high rate, and glibc's allocator, once its per-thread cache for a size is full,
// takes its slow paths (and merges all its free lists on the next large request).
void* object_alloc(size_t n);
void object_free(void* p, size_t n) noexcept;

// The attribute dict of an object of a user subclass of a builtin type other than object
// (class L(list), class N(int)...), kept beside it (objects.cpp); `create` makes it on first use.
DictObj* extra_dict(Object* o, bool create);
void drop_extra_dict(Object* o);
// Clears the weak references to an object that is being freed and runs their callbacks
// (lib/weakref.cpp).
void clear_weakrefs(Object* o) noexcept;

// The cycle collector (gc.cpp) keeps the containers (kinds in kGcKinds) in its tables from
// construction to destruction; Object::gc holds its flags.
void gc_track(Object* o);
void gc_untrack(Object* o) noexcept;

// The kinds that can hold references to other objects and so be part of a reference cycle.
constexpr uint32_t kGcKinds = 1u << unsigned(OK::List) | 1u << unsigned(OK::Tuple) |
    1u << unsigned(OK::Dict) | 1u << unsigned(OK::Set) | 1u << unsigned(OK::FrozenSet) |
    1u << unsigned(OK::Func) | 1u << unsigned(OK::Bound) | 1u << unsigned(OK::Inst) |
    1u << unsigned(OK::Cell) | 1u << unsigned(OK::Gen) | 1u << unsigned(OK::Coro) |
    1u << unsigned(OK::DictView) | 1u << unsigned(OK::Property) |
    1u << unsigned(OK::StaticMethod) | 1u << unsigned(OK::ClassMethod);

struct Object {
  uint32_t rc = 0;
  OK kind;
  bool has_extra = false;  // has an extra_dict
  bool has_weak = false;   // weak references point at it (lib/weakref.cpp's table)
  uint8_t gc = 0;          // the cycle collector's flags (gc.cpp); 0: not tracked
  ClassObj* type;  // the object's class (never null once constructed)
  Object(OK k, ClassObj* t) : kind(k), type(t) {
    if ((kGcKinds >> unsigned(k)) & 1) gc_track(this);
  }
  virtual ~Object() {
    if (__builtin_expect(has_extra | has_weak | (gc != 0), 0)) {
      if (has_weak) clear_weakrefs(this);
      if (has_extra) drop_extra_dict(this);
      if (gc) gc_untrack(this);
    }
  }
  // The deleting destructor passes the size of the dynamic type.
  static void* operator new(size_t n) { return object_alloc(n); }
  static void operator delete(void* p, size_t n) noexcept { object_free(p, n); }
};

inline void incref(Object* o) { ++o->rc; }
inline void decref(Object* o) {
  if (--o->rc == 0) delete o;
}

// Intrusive smart pointer for C++ fields.
template <class T>
class Ref {
 public:
  Ref() = default;
  Ref(T* p) : p_(p) { if (p_) incref(p_); }  // NOLINT
  Ref(const Ref& r) : p_(r.p_) { if (p_) incref(p_); }
  Ref(Ref&& r) noexcept : p_(r.p_) { r.p_ = nullptr; }
  ~Ref() { if (p_) decref(p_); }
  Ref& operator=(Ref r) noexcept { std::swap(p_, r.p_); return *this; }
  T* get() const { return p_; }
  T* operator->() const { return p_; }
  T& operator*() const { return *p_; }
  explicit operator bool() const { return p_ != nullptr; }
 private:
  T* p_ = nullptr;
};

struct Value {
  VT t = VT::None;
  union {
    bool b;
    int64_t i;
    double f;
    Object* o;
  };

  Value() : i(0) {}
  static Value none() { return Value(); }
  static Value boolean(bool v) { Value r; r.t = VT::Bool; r.i = 0; r.b = v; return r; }
  static Value integer(int64_t v) { Value r; r.t = VT::Int; r.i = v; return r; }
  static Value flt(double v) { Value r; r.t = VT::Float; r.f = v; return r; }
  // Takes a new reference (increments).
  static Value obj(Object* p) { Value r; r.t = VT::Obj; r.o = p; incref(p); return r; }

  Value(const Value& v) : t(v.t), i(v.i) { if (t == VT::Obj) incref(o); }
  Value(Value&& v) noexcept : t(v.t), i(v.i) { v.t = VT::None; }
  ~Value() { if (t == VT::Obj) decref(o); }
  Value& operator=(const Value& v) {
    if (v.t == VT::Obj) incref(v.o);
    if (t == VT::Obj) decref(o);
    t = v.t; i = v.i;
    return *this;
  }
  // Inline at every use: the compiler otherwise makes an out-of-line copy that the evaluation
  // nodes then call for each result they store.
  [[gnu::always_inline]] Value& operator=(Value&& v) noexcept {
    if (this != &v) {
      if (t == VT::Obj) decref(o);
      t = v.t; i = v.i; v.t = VT::None;
    }
    return *this;
  }

  bool is_none() const { return t == VT::None; }
  bool is_int() const { return t == VT::Int; }
  bool is_float() const { return t == VT::Float; }
  bool is_bool() const { return t == VT::Bool; }
  bool is_obj() const { return t == VT::Obj; }
  bool is(OK k) const { return t == VT::Obj && o->kind == k; }
  template <class T> T* as() const { return static_cast<T*>(o); }
  // Identity (Python `is`).
  bool same(const Value& v) const {
    if (t != v.t) return false;
    switch (t) {
      case VT::None: return true;
      case VT::Bool: return b == v.b;
      case VT::Int: return i == v.i;
      case VT::Float: return f == v.f || (f != f && v.f != v.f);
      case VT::Obj: return o == v.o;
      case VT::Undef: return true;
    }
    return false;
  }
};

using ValueVec = std::vector<Value>;

// ---------------------------------------------------------------- core object kinds
struct StrObj : Object {
  std::string s;        // UTF-8
  int64_t ncp = -1;     // number of code points (-1 = not yet computed)
  int64_t hash = -1;    // cached hash (-1 = not computed)
  bool ascii = false;
  StrObj(std::string v);
  int64_t length();  // code points
};

struct BigObj : Object {
  mpz_t z;
  BigObj();
  ~BigObj() override;
};

struct ListObj : Object {
  ValueVec v;
  ListObj();
  explicit ListObj(ValueVec items);
};

struct TupleObj : Object {
  ValueVec v;
  TupleObj();
  explicit TupleObj(ValueVec items);
};

struct BytesObj : Object {
  std::string s;
  explicit BytesObj(std::string v);
};

// Insertion-ordered hash map with Python key semantics.
struct DictObj : Object {
  struct Entry { Value key, value; int64_t hash; };
  static constexpr int64_t kTombstone = -1;  // no Python hash is -1
  // Below this many entries there is no index: a scan of the hashes is faster than probing,
  // and most dicts (instance attributes, keyword arguments) stay that small.
  static constexpr size_t kSmall = 8;
  // Bit (hash mixed down to 0..63) set for every key added since the dict was last emptied: a
  // clear bit proves a key absent without probing (a missed attribute or method, a missed
  // get()). Next to `entries`, so that a lookup reads one cache line of the dict.
  uint64_t key_bits = 0;
  static uint64_t hash_bit(int64_t h) { return uint64_t(1) << ((uint64_t(h) * 0x9E3779B97F4A7C15ULL) >> 58); }
  bool may_hold(int64_t h) const { return key_bits & hash_bit(h); }
  std::vector<Entry> entries;  // may hold tombstones (key.t == None && hash == kTombstone)
  std::vector<int32_t> index;  // open addressing, -1 empty; empty while the dict is small
  size_t used = 0;             // live entries
  Value default_factory;       // defaultdict
  uint64_t version = 0;        // changes whenever a key is added/removed (lookup caches)
  bool class_dict = false;     // a class's namespace: every change bumps g_class_epoch
  DictObj();

  Value* find(const Value& key);                    // nullptr if absent
  Value* find_str(std::string_view key, int64_t h);  // fast path for str keys
  int64_t find_str_index(std::string_view key, int64_t h);  // entry index or -1
  void set(const Value& key, Value v);
  bool erase(const Value& key);
  size_t size() const { return used; }
  void clear();
  // Room for n entries (and an index sized for them) in an empty dict, so that filling it
  // does not grow it step by step.
  void reserve(size_t n);
  template <class F> void for_each(F f) const {
    for (auto& e : entries) if (e.hash != kTombstone) f(e.key, e.value);
  }
  void rebuild(size_t cap);
 private:
  int64_t lookup(const Value& key, int64_t h);  // entry index or -1
};

// CPython's set layout (Objects/setobject.c): an open-addressing table probed linearly for up
// to 9 slots, then with the perturbed recurrence i = 5i + 1 + perturb. Iteration walks the table,
// so with CPython's hashes (ints, floats, bools, tuples of those) a set prints in CPython's
// order: print({3, 1, 2}) -> {1, 2, 3}. str hashes are randomized in CPython; ours are fixed,
// so sets of strings have an arbitrary but reproducible order. None hashes to CPython 3.12's
// constant (3.11's depends on an address).
struct SetObj : Object {
  struct Slot {
    Value key;         // t == Undef: empty (hash 0) or deleted (hash -1)
    int64_t hash = 0;
    Slot() { key.t = VT::Undef; }
  };
  std::vector<Slot> table;  // power of two, >= 8
  size_t fill = 0;          // active + deleted
  size_t used = 0;          // active
  size_t finger = 0;        // pop() position
  explicit SetObj(bool frozen = false);

  size_t size() const { return used; }
  bool contains(const Value& key);
  bool contains_h(const Value& key, int64_t h);
  void add(const Value& key);
  void add_h(const Value& key, int64_t h);
  bool discard(const Value& key);  // false if absent
  bool discard_h(const Value& key, int64_t h);
  bool pop(Value& out);            // false if empty
  void clear();
  void resize(size_t minused);
  void merge(const SetObj* other);      // set |= other (CPython's set_merge)
  void update(const Value& iterable);   // set_update_internal
  void swap_bodies(SetObj* other);
  template <class F> void for_each(F f) const {
    for (auto& s : table) if (s.key.t != VT::Undef) f(s.key);
  }
  template <class F> void for_each_h(F f) const {
    for (auto& s : table) if (s.key.t != VT::Undef) f(s.key, s.hash);
  }
 private:
  Slot* lookup(const Value& key, int64_t h);  // active slot or nullptr
};

// dict.keys() / .values() / .items(): live views of a dict.
struct DictViewObj : Object {
  enum Which : uint8_t { Keys, Values, Items };
  Ref<DictObj> d;
  Which which;
  DictViewObj(DictObj* dict, Which w);
  bool set_like() const { return which != Values; }
};

struct CellObj : Object {
  Value v;
  bool bound = false;
  CellObj();
};

struct SliceObj : Object {
  Value start, stop, step;
  SliceObj(Value a, Value b, Value c);
};

struct RangeObj : Object {
  int64_t start, stop, step;
  RangeObj(int64_t a, int64_t b, int64_t c);
  int64_t len() const;
};

struct ModuleObj : Object {
  std::string name;
  Ref<DictObj> dict;
  explicit ModuleObj(std::string n);
};

// Bumped whenever any class's namespace changes or a class dies: attribute caches keyed by a
// class (attrcache.h) hold while it is unchanged.
extern uint64_t g_class_epoch;

// Methods/attributes of a class live in `dict`; `mro` includes the class itself first.
struct ClassObj : Object {
  std::string name;
  std::vector<Ref<ClassObj>> bases;
  std::vector<ClassObj*> mro;  // raw: classes are kept alive by bases / globals
  Ref<DictObj> dict;
  bool builtin = false;
  bool is_exception = false;
  ClassObj* builtin_base = nullptr;  // the builtin type instances are made of (object, Exception...)
  // __slots__ in this class and every base but object: instances have no __dict__, and only
  // the names in slot_names (all the classes' slots) can be set on them.
  bool slotted = false;
  std::vector<std::string> slot_names;
  bool allows_attr(std::string_view name) const;
  Shape* root_shape = nullptr;  // the empty layout its instances start with (shape.h)
  ClassObj(std::string n);
  ~ClassObj() override;
  Value lookup(std::string_view attr) const;  // via MRO; None-tagged with t==None if absent -> use find
  const Value* find(std::string_view attr) const;
  const Value* find(std::string_view attr, int64_t h) const;  // h: the name's str hash
  bool is_subclass(const ClassObj* other) const;
};

// What an exception instance carries besides its attributes: cause/context and where it was
// raised. Held apart and made on first use, so that an ordinary instance stays small.
struct ExcState {
  Value cause, context;
  Loc loc;
  const SourceFile* src = nullptr;
  bool loc_set = false;
  bool suppress_context = false;
  bool tb_pending = false;  // left a frame: the caller's next location is a new entry
  // Traceback, innermost frame first: where the error was located in each frame it left.
  // `name` is the frame's function ("<module>" at top level), filled in as the error leaves it.
  // `frame` (at `pos` in the chain, running `code`) is read only while it still runs
  // (frame_objects.cpp checks); `back` is its caller then, and `globals` its module's.
  struct TBEntry {
    const SourceFile* src;
    Loc loc;
    std::string name;
    const struct FuncCode* code = nullptr;
    struct Frame* frame = nullptr;
    struct Frame* back = nullptr;
    int pos = -1;
    Value globals;
  };
  std::vector<TBEntry> tb;
};

// An instance keeps its attributes by slot, laid out by its shape (shape.h), until something
// needs them as a dict (`__dict__`, vars(), del, too many names): then, for good, in `dict_`.
struct InstObj : Object {
  const Shape* shape;      // null: the attributes are in dict_
  Value* slots = nullptr;  // shape->size values (room for cap)
  uint32_t cap = 0;
  Ref<DictObj> dict_;
  explicit InstObj(ClassObj* cls);
  ~InstObj() override;
  // The instance's __dict__: switches the instance to keeping its attributes there.
  DictObj* dict();
  Value* find_attr(std::string_view name, int64_t h);
  Value* find_attr(std::string_view name);
  void set_attr(std::string_view name, Value v);
  void set_attr(const Value& key, Value v);  // key: a str, or anything for a dict-mode instance
  bool del_attr(std::string_view name);
  size_t attr_count() const;
  ExcState& ex() {
    if (!exc_) exc_.reset(new ExcState());
    return *exc_;
  }
  const ExcState* exc_state() const { return exc_.get(); }  // null: never raised or chained
 private:
  std::unique_ptr<ExcState> exc_;
};

struct Interp;
struct KwArgs;
// A builtin function implemented in C++.
using NativeFn = std::function<Value(Interp&, Value* args, int nargs, KwArgs* kw)>;
struct NativeObj : Object {
  std::string name;
  NativeFn fn;
  Value self;  // bound receiver for native methods (None if unbound)
  bool has_self = false;
  NativeObj(std::string n, NativeFn f);
};

struct BoundObj : Object {
  Value self, func;
  BoundObj(Value s, Value f);
};

struct PropertyObj : Object {
  Value fget, fset, fdel;
  PropertyObj();
};

struct WrapperObj : Object {  // staticmethod / classmethod
  Value func;
  WrapperObj(OK k, Value f);
};

// Keyword arguments passed to a call: names (as values of StrObj) and values, in order.
struct KwArgs {
  std::vector<std::pair<Value, Value>> items;  // (StrObj, value)
  bool empty() const { return items.empty(); }
};

// Generic iterator (wraps a C++ step function).
struct IterObj : Object {
  std::function<bool(Value&)> next;  // false = exhausted
  IterObj(std::function<bool(Value&)> n);
};

// Helpers to build values
Value mk_str(std::string s);
Value mk_str(std::string_view s);
Value mk_str(const char* s);
Value mk_list(ValueVec v = {});
Value mk_tuple(ValueVec v = {});
Value mk_dict();
Value mk_bytes(std::string s);
Value mk_set(bool frozen = false);

inline const std::string& str_of(const Value& v) { return v.as<StrObj>()->s; }

}  // namespace ml::interp
