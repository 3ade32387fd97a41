// Calling compiled code with a host's own values, marshalled straight into and out of linear
// memory (no intermediate copies): the interpreter bridge passes interpreter lists this way,
// CompiledProgram::call passes wasm::Values. A host describes its values with an adapter:
//
//   struct Adapter {
//     using V = ...;                                   // the host's value type
//     static const void* list_id(const V&);            // identity of a list
//     static size_t list_size(const V&);
//     static const V& list_at(const V&, size_t);
//     static uint64_t slot_bits(const V&, Type);       // an int/float/bool element as its 8-byte slot
//     static V from_slot(uint64_t bits, Type);         // and back
//     static V none();
//     static V new_list(std::vector<V>&&);
//     static void refill(const V& list, std::vector<V>&&);  // a list passed in, changed by the call
//     // strings and tuples (immutable; laid out once per object, made anew when read back;
//     // a list inside a tuple is still the host's list, refilled when the call changed it)
//     static const void* value_id(const V&);           // identity of a str or tuple
//     static bool is_str(const V&);
//     static const std::string& str_utf8(const V&);    // valid UTF-8 (the type check made sure)
//     static V new_str(std::string&&);
//     static size_t tuple_size(const V&);
//     static const V& tuple_at(const V&, size_t);
//     static V new_tuple(std::vector<V>&&);
//   };
//
// Identity is kept both ways: a list passed twice is one list in linear memory, and a list
// the compiled code returns or stores that was passed in is that same host list. A list
// passed in is refilled only when the call changed it (its header or any slot differs).
#pragma once
#include <array>
#include <concepts>
#include <cstring>
#include <deque>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "wasm/compiled_program.h"

namespace ml::wasm {

template <class A>
struct BasicOutcome {
  using V = typename A::V;
  CallOutcome::Kind kind = CallOutcome::Fallback;
  V result = A::none();
  std::string output, reason;
  ErrorText error;  // kind == Error
};

namespace host_detail {

// The identities and addresses a call lays out: most calls have a handful, kept in the map
// itself (no allocation per call); past kIndexAt entries they are indexed by a hash map. Only
// what these calls use: find() (null when absent), emplace() of a key not there yet, at().
template <class K, class Val>
class SmallMap {
 public:
  using Entry = std::pair<K, Val>;
  Entry* find(const K& k) const {
    if (index_) {
      auto it = index_->find(k);
      return it == index_->end() ? nullptr : &entry(it->second);
    }
    for (size_t i = 0; i < n_; ++i)
      if (entry(i).first == k) return &entry(i);
    return nullptr;
  }
  Entry* end() const { return nullptr; }
  void emplace(const K& k, Val v) {
    size_t i = n_++;
    if (i < kInline) small_[i] = Entry(k, std::move(v));
    else rest_.emplace_back(k, std::move(v));
    if (index_) {
      index_->emplace(k, i);
    } else if (n_ > kIndexAt) {
      index_.emplace();
      index_->reserve(n_ * 2);
      for (size_t j = 0; j < n_; ++j) index_->emplace(entry(j).first, j);
    }
  }
  const Val& at(const K& k) const {
    const Entry* e = find(k);
    if (!e) throw engine::WasmError(engine::ErrorKind::Memory, "a value missing from the call's layout");
    return e->second;
  }
  void reserve(size_t n) {
    if (n > kInline) rest_.reserve(n - kInline);
  }
  size_t size() const { return n_; }

 private:
  static constexpr size_t kInline = 8, kIndexAt = 16;
  Entry& entry(size_t i) const { return i < kInline ? small_[i] : rest_[i - kInline]; }
  mutable std::array<Entry, kInline> small_{};
  mutable std::vector<Entry> rest_;
  std::optional<std::unordered_map<K, size_t>> index_;
  size_t n_ = 0;
};

struct Planned {
  const void* id;
  uint32_t header, data, n;
  Type type;
};

// Values held at an address in linear memory (the rest are scalars in their slot).
inline bool by_address(Type t) { return t.is_list() || t.is_str() || t.is_tuple() || t.is_obj(); }

// Hosts whose values include instances of the program's classes.
template <class A>
concept HasInstances = requires(const typename A::V& v, const std::string& n) {
  A::for_each_field(v, [](std::string_view, const typename A::V&) {});
  A::set_field(v, n, A::none());
  { A::new_instance(n) } -> std::same_as<typename A::V>;  // an instance of the class named n, no attributes
  { A::is_none(v) } -> std::same_as<bool>;
};

// None, for hosts that have instances (a field or list item of instance type may hold it).
template <class A>
bool is_none(const typename A::V& v) {
  if constexpr (HasInstances<A>) return A::is_none(v);
  else return false;
}

// A field's value read from its slot (a field that only ever held None reads as None).
template <class A, class R>
typename A::V field_value(R& rd, uint64_t b, Type ft) {
  if (ft.is_list()) return rd.list(static_cast<uint32_t>(b), ft);
  if (by_address(ft)) return rd.value(static_cast<uint32_t>(b), ft);
  if (ft == kNone) return A::none();
  return A::from_slot(b, ft);
}

template <class A>
struct Layout {
  using V = typename A::V;
  uint64_t next;
  SmallMap<const void*, uint32_t> addr;  // list (or str/tuple/instance) identity -> header address
  std::vector<Planned> lists;
  std::vector<const V*> values;  // lists[i]'s host value
  std::vector<std::pair<uint32_t, std::vector<uint8_t>>> blobs;  // strings and tuples, laid out
  // Instances: laid out like tuples, but the host's own objects: a changed field is written
  // back after the call, and an instance compiled code returns is the one passed in.
  struct PlannedObj {
    uint32_t header;
    Type type;
    const V* value;
    uint32_t first, n;  // its slots (as written) in obj_slots
  };
  std::vector<PlannedObj> objs;
  std::vector<uint64_t> obj_slots;
  // The fields compiled code uses (Prepared::fields_used); null: all of them.
  const std::vector<std::pair<uint32_t, uint64_t>>* used = nullptr;
  // Which fields of instances of type t are copied: bit k for field k (from the 64th on, all).
  uint64_t field_mask(Type t) const {
    if (!used) return ~uint64_t(0);
    for (const auto& [tid, mask] : *used)
      if (tid == t.tid) return mask;
    return 0;
  }
  // Field values read from instances (plan keeps pointers to them). Made on first use: a deque
  // allocates when constructed, and most calls pass no instance.
  std::optional<std::deque<V>> held;

  uint32_t plan_obj(const V& v, Type t) {
    if constexpr (HasInstances<A>) {
      if (auto it = addr.find(A::value_id(v)); it != addr.end()) return it->second;
      const auto& fs = t.fields();
      uint32_t n = static_cast<uint32_t>(fs.size());
      uint32_t h = alloc(kListHeader + uint64_t(n) * kSlot);
      addr.emplace(A::value_id(v), h);
      uint32_t first = static_cast<uint32_t>(obj_slots.size());
      obj_slots.resize(obj_slots.size() + n);
      // (the type was made from these attributes: each has its field)
      // Only the fields compiled code uses are copied in (and so compared after the call):
      // the others stay empty slots it never reads, and what they hold is not laid out at all
      // (a list of points in a field the call does not touch costs nothing).
      const uint64_t mask = field_mask(t);
      A::for_each_field(v, [&](std::string_view name, const V& x) {
        size_t i = 0;
        while (i < n && fs[i].first != name) ++i;
        if (i == n || (i < 64 && !((mask >> i) & 1))) return;
        Type ft = fs[i].second;
        uint64_t b = is_none<A>(x)    ? 0  // None, in a field of instance type: an empty slot
                     : by_address(ft) ? plan_value((held ? *held : held.emplace()).emplace_back(x), ft)
                                      : A::slot_bits(x, ft);
        obj_slots[first + i] = b;  // (after plan_value, which may grow obj_slots)
      });
      objs.push_back(PlannedObj{h, t, &v, first, n});
      return h;
    } else {
      throw engine::WasmError(engine::ErrorKind::Memory, "this host has no instances");
    }
  }

  // A list, str or tuple of type t: its address.
  uint32_t plan_value(const V& v, Type t) {
    if (t.is_list()) return plan(v, t);
    if (t.is_obj()) return plan_obj(v, t);
    if (auto it = addr.find(A::value_id(v)); it != addr.end()) return it->second;
    std::vector<uint8_t> b;
    auto put = [&](uint32_t at, const void* p, size_t n) { std::memcpy(b.data() + at, p, n); };
    uint32_t h;
    if (t.is_str()) {  // header {len, 0, data, 0}, then the code points (codegen.h)
      std::vector<uint32_t> cps;
      utf8_to_code_points(A::str_utf8(v), cps);
      uint32_t n = static_cast<uint32_t>(cps.size());
      h = alloc(kStrHeader + uint64_t(n) * 4);
      b.resize(kStrHeader + size_t(n) * 4);
      uint32_t hdr[4] = {n, 0, h + kStrHeader, 0};
      put(0, hdr, sizeof hdr);
      if (n) put(kStrHeader, cps.data(), size_t(n) * 4);
    } else {  // a tuple: a list header, then its slots
      uint32_t n = static_cast<uint32_t>(A::tuple_size(v));
      std::vector<uint64_t> slots(n);
      for (uint32_t i = 0; i < n; ++i) {
        Type it = t.item(i);
        const V& x = A::tuple_at(v, i);
        slots[i] = by_address(it) ? plan_value(x, it) : A::slot_bits(x, it);
      }
      h = alloc(kListHeader + uint64_t(n) * kSlot);
      b.resize(kListHeader + size_t(n) * kSlot);
      uint32_t hdr[4] = {n, n, h + kListHeader, 0};
      put(0, hdr, sizeof hdr);
      if (n) put(kListHeader, slots.data(), size_t(n) * kSlot);
    }
    addr.emplace(A::value_id(v), h);
    blobs.emplace_back(h, std::move(b));
    return h;
  }

  uint32_t alloc(uint64_t n) {
    uint64_t a = (next + 7) & ~uint64_t(7);
    if (a + n > 0xF0000000ull) throw engine::WasmError(engine::ErrorKind::Memory, "arguments too large for linear memory");
    next = a + n;
    return static_cast<uint32_t>(a);
  }
  // First pass: an address for every list (header, then its slots).
  uint32_t plan(const V& v, Type t) {
    const void* id = A::list_id(v);
    if (auto it = addr.find(id); it != addr.end()) return it->second;
    uint32_t n = static_cast<uint32_t>(A::list_size(v));
    uint32_t h = alloc(kListHeader);
    addr.emplace(id, h);
    uint32_t d = alloc(uint64_t(n) * kSlot);
    lists.push_back({id, h, d, n, t});
    values.push_back(&v);
    Type el = t.elem();
    if (el.is_obj()) {
      objs.reserve(objs.size() + n);
      obj_slots.reserve(obj_slots.size() + size_t(n) * el.fields().size());
      addr.reserve(addr.size() + n);
    }
    if (by_address(el))
      for (uint32_t i = 0; i < n; ++i)
        if (!is_none<A>(A::list_at(v, i))) plan_value(A::list_at(v, i), el);
    return h;
  }
  // Calls f(i, bits) with the slot bits of each element of planned list k, as written.
  template <class F>
  void each_slot(size_t k, F&& f) const {
    const V& l = *values[k];
    const uint32_t n = lists[k].n;
    const Type el = lists[k].type.elem();
    if (el.is_list()) {
      for (uint32_t i = 0; i < n; ++i) f(i, uint64_t(addr.at(A::list_id(A::list_at(l, i)))));
    } else if (el.is_obj()) {  // (None: an empty slot)
      for (uint32_t i = 0; i < n; ++i) {
        const V& x = A::list_at(l, i);
        f(i, is_none<A>(x) ? uint64_t(0) : uint64_t(addr.at(A::value_id(x))));
      }
    } else if (el.is_str() || el.is_tuple()) {
      for (uint32_t i = 0; i < n; ++i) f(i, uint64_t(addr.at(A::value_id(A::list_at(l, i)))));
    } else if (el == kInt) {
      for (uint32_t i = 0; i < n; ++i) f(i, A::slot_bits(A::list_at(l, i), kInt));
    } else if (el == kFloat) {
      for (uint32_t i = 0; i < n; ++i) f(i, A::slot_bits(A::list_at(l, i), kFloat));
    } else {
      for (uint32_t i = 0; i < n; ++i) f(i, A::slot_bits(A::list_at(l, i), el));
    }
  }
  // Second pass: write headers and slots into memory.
  void write(uint8_t* mem) const {
    for (const auto& [at, bytes] : blobs) std::memcpy(mem + at, bytes.data(), bytes.size());
    for (const auto& o : objs) {
      uint32_t hdr[4] = {o.n, o.n, o.header + kListHeader, 0};
      std::memcpy(mem + o.header, hdr, sizeof hdr);
      if (o.n) std::memcpy(mem + o.header + kListHeader, obj_slots.data() + o.first, size_t(o.n) * kSlot);
    }
    for (size_t k = 0; k < lists.size(); ++k) {
      const Planned& p = lists[k];
      uint32_t hdr[4] = {p.n, p.n, p.data, 0};
      std::memcpy(mem + p.header, hdr, sizeof hdr);
      uint8_t* d = mem + p.data;
      each_slot(k, [d](uint32_t i, uint64_t b) { std::memcpy(d + uint64_t(i) * kSlot, &b, 8); });
    }
  }
};

template <class A>
struct Reader {
  using V = typename A::V;
  const uint8_t* mem;
  uint64_t size;
  const Layout<A>& layout;
  SmallMap<uint32_t, size_t> input;    // header address -> planned index
  SmallMap<uint32_t, V> fresh;         // lists the call made
  SmallMap<uint32_t, const V*> objs;   // instances passed in, by header address
  SmallMap<uint32_t, V> made;          // instances the call made, by header address

  template <class T> T get(uint64_t a) const {
    if (a + sizeof(T) > size) throw engine::WasmError(engine::ErrorKind::Memory, "compiled code left a list outside linear memory");
    T v;
    std::memcpy(&v, mem + a, sizeof v);
    return v;
  }
  bool unchanged(size_t k) const {
    const Planned& p = layout.lists[k];
    if (get<uint32_t>(p.header) != p.n || get<uint32_t>(uint64_t(p.header) + 8) != p.data) return false;
    if (uint64_t(p.data) + uint64_t(p.n) * kSlot > size) return false;
    const uint8_t* d = mem + p.data;
    bool same = true;
    layout.each_slot(k, [&](uint32_t i, uint64_t b) {
      uint64_t now;
      std::memcpy(&now, d + uint64_t(i) * kSlot, 8);
      same &= now == b;
    });
    return same;
  }
  std::vector<V> items(uint32_t a, Type t) {
    uint32_t n = get<uint32_t>(a), d = get<uint32_t>(uint64_t(a) + 8);
    if (uint64_t(d) + uint64_t(n) * kSlot > size) throw engine::WasmError(engine::ErrorKind::Memory, "corrupt list in linear memory");
    std::vector<V> out;
    out.reserve(n);
    const Type el = t.elem();
    const uint8_t* slots = mem + d;
    auto bits = [slots](uint32_t i) {
      uint64_t b;
      std::memcpy(&b, slots + uint64_t(i) * kSlot, 8);
      return b;
    };
    if (el.is_list()) {
      for (uint32_t i = 0; i < n; ++i) out.push_back(list(static_cast<uint32_t>(bits(i)), el));
    } else if (el.is_str() || el.is_tuple() || el.is_obj()) {
      for (uint32_t i = 0; i < n; ++i) out.push_back(value(static_cast<uint32_t>(bits(i)), el));
    } else if (!el.known()) {
      for (uint32_t i = 0; i < n; ++i) out.push_back(A::none());
    } else if (el == kInt) {
      for (uint32_t i = 0; i < n; ++i) out.push_back(A::from_slot(bits(i), kInt));
    } else if (el == kFloat) {
      for (uint32_t i = 0; i < n; ++i) out.push_back(A::from_slot(bits(i), kFloat));
    } else {
      for (uint32_t i = 0; i < n; ++i) out.push_back(A::from_slot(bits(i), el));
    }
    return out;
  }
  // A str or tuple of type t at address a (a new host value).
  V value(uint32_t a, Type t) {
    if (t.is_obj()) {
      if (a == 0) return A::none();  // an empty slot of a `[None] * n` list
      if (auto it = objs.find(a); it != objs.end()) return *it->second;
      return made_instance(a, t);
    }
    uint32_t n = get<uint32_t>(a), d = get<uint32_t>(uint64_t(a) + 8);
    if (t.is_str()) {
      if (uint64_t(d) + uint64_t(n) * 4 > size) throw engine::WasmError(engine::ErrorKind::Memory, "corrupt string in linear memory");
      std::vector<uint32_t> cps(n);
      if (n) std::memcpy(cps.data(), mem + d, size_t(n) * 4);
      for (uint32_t c : cps)
        if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
          throw engine::WasmError(engine::ErrorKind::Memory, "compiled code made an invalid code point");
      return A::new_str(code_points_to_utf8(cps.data(), cps.size()));
    }
    if (n != t.tn || uint64_t(d) + uint64_t(n) * kSlot > size)
      throw engine::WasmError(engine::ErrorKind::Memory, "corrupt tuple in linear memory");
    std::vector<V> items;
    for (uint32_t i = 0; i < n; ++i) {
      uint64_t b = get<uint64_t>(uint64_t(d) + uint64_t(i) * kSlot);
      Type it = t.item(i);
      if (it.is_list()) items.push_back(list(static_cast<uint32_t>(b), it));
      else if (by_address(it)) items.push_back(value(static_cast<uint32_t>(b), it));
      else items.push_back(A::from_slot(b, it));
    }
    return A::new_tuple(std::move(items));
  }
  // An instance compiled code made (Cls(...)): a new host instance with its fields, given in
  // the order its __init__ assigned them.
  V made_instance(uint32_t a, Type t) {
    if constexpr (HasInstances<A>) {
      if (auto it = made.find(a); it != made.end()) return it->second;
      const auto& fs = t.fields();
      if (get<uint32_t>(a) != fs.size()) throw engine::WasmError(engine::ErrorKind::Memory, "corrupt instance in linear memory");
      V inst = A::new_instance(t.class_name());
      made.emplace(a, inst);  // before the fields: an instance may refer to itself
      const std::vector<uint32_t>* order = t.field_order_index();
      size_t n = order ? order->size() : fs.size();
      for (size_t k = 0; k < n; ++k) {
        size_t i = order ? (*order)[k] : k;
        uint64_t b = get<uint64_t>(uint64_t(a) + kListHeader + i * kSlot);
        A::set_field(inst, fs[i].first, field_value<A>(*this, b, fs[i].second));
      }
      return inst;
    } else {
      (void)a;
      (void)t;
      throw engine::WasmError(engine::ErrorKind::Memory, "compiled code left an instance it was not given");
    }
  }
  // The fields of the instances passed in that the call changed, written back.
  void write_back() {
    if constexpr (HasInstances<A>) {
      std::vector<std::pair<const V*, std::pair<std::string, V>>> sets;
      for (const auto& o : layout.objs) {
        const auto& fs = o.type.fields();
        for (size_t i = 0; i < fs.size(); ++i) {
          uint64_t b = get<uint64_t>(uint64_t(o.header) + kListHeader + i * kSlot);
          if (b == layout.obj_slots[o.first + i]) continue;
          V x = field_value<A>(*this, b, fs[i].second);
          sets.emplace_back(o.value, std::make_pair(fs[i].first, std::move(x)));
        }
      }
      for (auto& [obj, f] : sets) A::set_field(*obj, f.first, std::move(f.second));
    }
  }
  // The host value of the list at header address a.
  V list(uint32_t a, Type t) {
    if (auto it = input.find(a); it != input.end()) return *layout.values[it->second];
    if (auto it = fresh.find(a); it != fresh.end()) return it->second;
    V made = A::new_list({});
    fresh.emplace(a, made);  // before the elements: a list may contain itself
    A::refill(made, items(a, t));
    return made;
  }
};

}  // namespace host_detail

// An int, float or bool result as the host's value.
template <class A>
typename A::V scalar_result(const engine::Val& r, Type t) {
  if (t == kInt || t.is_num()) return A::from_slot(static_cast<uint64_t>(r.i64), t);
  if (t == kFloat) {
    uint64_t b;
    std::memcpy(&b, &r.f64, 8);
    return A::from_slot(b, t);
  }
  return A::from_slot(r.i32 ? 1 : 0, t);
}

// A number or bool argument as the engine value its parameter takes.
template <class A>
engine::Val scalar_arg(const typename A::V& v, Type t) {
  uint64_t b = A::slot_bits(v, t);
  if (t == kInt) return engine::Val::I64(static_cast<int64_t>(b));
  if (t == kFloat) {
    double d;
    std::memcpy(&d, &b, 8);
    return engine::Val::F64(d);
  }
  return engine::Val::I32(b ? 1 : 0);
}

// call_prepared when no argument and no result lives in linear memory (most hot calls: numbers
// in, a number out): nothing to lay out before the call or to read back after it.
template <class A>
BasicOutcome<A> call_scalars(CompiledProgram& prog, const Prepared& p, std::span<const typename A::V> args,
                             int depth) {
  engine::Val vals[8];
  for (size_t i = 0; i < args.size(); ++i) vals[i] = scalar_arg<A>(args[i], p.params[i]);
  RawOutcome raw = prog.run_prepared(p, std::span<const engine::Val>(vals, args.size()), depth, 0);
  BasicOutcome<A> out;
  out.kind = raw.kind;
  switch (raw.kind) {
    case CallOutcome::Ok:
      if (!(p.ret == kNone)) out.result = scalar_result<A>(raw.result, p.ret);
      break;
    case CallOutcome::Fallback:
      out.reason = std::move(raw.reason);
      CompiledProgram::note_fallback(p, out.reason);
      break;
    case CallOutcome::Error: out.error = std::move(raw.error); break;
  }
  if (!raw.output.empty()) out.output = std::move(raw.output);
  return out;
}

// Runs a prepared function (CompiledProgram::prepared) on args, which have the types it was
// prepared for. Never throws for program errors: see CallOutcome.
template <class A>
BasicOutcome<A> call_prepared(CompiledProgram& prog, const Prepared& pr, std::span<const typename A::V> args,
                              int depth = 0) {
  using V = typename A::V;
  const Prepared* p = &pr;
  if (p->params.size() != args.size()) {
    BasicOutcome<A> out;
    out.reason = "argument count";
    return out;
  }
  bool scalars = args.size() <= 8 && !host_detail::by_address(p->ret);
  for (size_t i = 0; scalars && i < args.size(); ++i) scalars = !host_detail::by_address(p->params[i]);
  if (scalars) return call_scalars<A>(prog, *p, args, depth);
  BasicOutcome<A> out;
  host_detail::Layout<A> lay{p->heap_base, {}, {}, {}, {}, {}, {}, {}, {}};
  if (p->fields_known) lay.used = &p->fields_used;
  engine::Val small[16];
  std::vector<engine::Val> big;
  engine::Val* vals = small;
  if (args.size() > std::size(small)) {
    big.resize(args.size());
    vals = big.data();
  }
  uint32_t end = 0;
  try {
    uint32_t addrs_small[16] = {};
    std::vector<uint32_t> addrs_big;
    uint32_t* addrs = addrs_small;
    if (args.size() > std::size(addrs_small)) {
      addrs_big.assign(args.size(), 0);
      addrs = addrs_big.data();
    }
    for (size_t i = 0; i < args.size(); ++i) {
      Type t = p->params[i];
      if (host_detail::by_address(t)) addrs[i] = lay.plan_value(args[i], t);
    }
    end = static_cast<uint32_t>((lay.next + 15) & ~uint64_t(15));
    if (!lay.lists.empty() || !lay.blobs.empty() || !lay.objs.empty()) {
      p->inst->ensure_memory(end);
      lay.write(p->inst->memory_data());
    }
    for (size_t i = 0; i < args.size(); ++i) {
      Type t = p->params[i];
      vals[i] = host_detail::by_address(t) ? engine::Val::I32(static_cast<int32_t>(addrs[i]))
                                           : scalar_arg<A>(args[i], t);
    }
  } catch (const engine::WasmError& e) {
    out.reason = std::string("arguments do not fit in linear memory: ") + e.what();
    CompiledProgram::note_fallback(*p, out.reason);
    return out;
  }
  RawOutcome raw = prog.run_prepared(*p, std::span<const engine::Val>(vals, args.size()), depth, end);
  if (raw.kind == CallOutcome::Fallback) {
    out.reason = raw.reason;
    CompiledProgram::note_fallback(*p, out.reason);
    return out;
  }
  if (lay.lists.empty() && lay.objs.empty() && !host_detail::by_address(p->ret)) {
    // scalars only (the common case): nothing to read back from linear memory
    if (raw.kind == CallOutcome::Ok && !(p->ret == kNone)) out.result = scalar_result<A>(raw.result, p->ret);
    out.kind = raw.kind;
    if (!raw.output.empty()) out.output = std::move(raw.output);
    if (raw.kind == CallOutcome::Error) out.error = std::move(raw.error);
    return out;
  }
  host_detail::Reader<A> rd{p->inst->memory_data(), p->inst->memory_size(), lay, {}, {}, {}, {}};
  for (size_t k = 0; k < lay.lists.size(); ++k) rd.input.emplace(lay.lists[k].header, k);
  for (const auto& o : lay.objs) rd.objs.emplace(o.header, o.value);
  try {
    // Lists passed in that the call changed get their new contents (inner lists on their own).
    std::vector<std::pair<size_t, std::vector<V>>> refills;
    for (size_t k = 0; k < lay.lists.size(); ++k)
      if (!rd.unchanged(k)) refills.emplace_back(k, rd.items(lay.lists[k].header, lay.lists[k].type));
    if (raw.kind == CallOutcome::Ok || raw.kind == CallOutcome::Error) rd.write_back();
    for (auto& [k, items] : refills) A::refill(*lay.values[k], std::move(items));
    if (raw.kind == CallOutcome::Ok && !(p->ret == kNone)) {
      const engine::Val& r = raw.result;
      Type t = p->ret;
      if (t.is_list()) out.result = rd.list(static_cast<uint32_t>(r.i32), t);
      else if (host_detail::by_address(t)) out.result = rd.value(static_cast<uint32_t>(r.i32), t);
      else out.result = scalar_result<A>(r, t);
    }
  } catch (const engine::WasmError& e) {
    out.reason = e.what();
    CompiledProgram::note_fallback(*p, out.reason);
    return out;
  }
  out.kind = raw.kind;
  out.output = std::move(raw.output);
  out.error = std::move(raw.error);
  return out;
}

// Runs name(args) compiled, for argument types `types` (the host's, computed as type_of
// would), compiling it first when needed; the call is counted for --explain.
template <class A>
BasicOutcome<A> call_host(CompiledProgram& prog, const std::string& name, std::span<const typename A::V> args,
                          const std::vector<Type>& types, int depth = 0) {
  BasicOutcome<A> out;
  const Prepared* p = prog.prepare(name, types, &out.reason, nullptr);
  if (!p) return out;
  return call_prepared<A>(prog, *p, args, depth);
}

}  // namespace ml::wasm
