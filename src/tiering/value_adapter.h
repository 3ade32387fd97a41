// Interpreter values on the compiled side of a call: their compiled types, and the adapter
// wasm::call_host uses to lay them out in linear memory and read results back.
#pragma once
#include <cstdint>
#include <cstring>
#include <functional>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <optional>
#include <string>
#include <vector>

#include "engine/engine.h"
#include "interp/runtime.h"
#include "interp/shape.h"
#include "wasm/codegen.h"
#include "wasm/typer.h"

namespace ml::tiering {

// Interpreter values as a host of compiled calls (wasm/host_call.h): lists are marshalled
// straight between interpreter list objects and linear memory.
struct InterpAdapter {
  using V = interp::Value;
  static const void* list_id(const V& v) { return v.o; }
  static size_t list_size(const V& v) { return v.as<interp::ListObj>()->v.size(); }
  static const V& list_at(const V& v, size_t i) { return v.as<interp::ListObj>()->v[i]; }
  static uint64_t slot_bits(const V& v, wasm::Type t) {
    uint64_t b = 0;
    if (t.is_num())  // an int-or-float field (its ints fit: InstanceTypes checked)
      return v.is_float() ? wasm::num_of_float(v.f) : wasm::num_of_int(v.is_int() ? v.i : int64_t(v.is_bool() && v.b));
    if (t == wasm::kFloat) {
      double d = v.is_float() ? v.f : v.is_int() ? double(v.i) : double(v.is_bool() && v.b);
      std::memcpy(&b, &d, 8);
    } else if (v.is_int()) b = static_cast<uint64_t>(v.i);
    else if (v.is_bool()) b = v.b ? 1 : 0;
    return b;
  }
  static V from_slot(uint64_t b, wasm::Type t) {
    if (t.is_num()) {  // int-or-float (wasm/codegen.h)
      if (wasm::num_is_int(b)) return V::integer(wasm::num_int(b));
      t = wasm::kFloat;
    }
    if (t == wasm::kInt) return V::integer(static_cast<int64_t>(b));
    if (t == wasm::kFloat) {
      double d;
      std::memcpy(&d, &b, 8);
      return V::flt(d);
    }
    return V::boolean((b & 0xFFFFFFFFu) != 0);
  }
  static V none() { return V::none(); }
  static bool is_none(const V& v) { return v.is_none(); }
  static V new_list(std::vector<V>&& items) { return V::obj(new interp::ListObj(std::move(items))); }
  static void refill(const V& list, std::vector<V>&& items) { list.as<interp::ListObj>()->v = std::move(items); }
  // strings and tuples (immutable: a returned one is a new interpreter object)
  static const void* value_id(const V& v) { return v.o; }
  static bool is_str(const V& v) { return v.is(interp::OK::Str); }
  static const std::string& str_utf8(const V& v) { return v.as<interp::StrObj>()->s; }
  static V new_str(std::string&& s) { return interp::mk_str(std::move(s)); }
  static size_t tuple_size(const V& v) { return v.as<interp::TupleObj>()->v.size(); }
  static const V& tuple_at(const V& v, size_t i) { return v.as<interp::TupleObj>()->v[i]; }
  static V new_tuple(std::vector<V>&& items) { return interp::mk_tuple(std::move(items)); }
  // instances of the program's classes: their attributes, read and written in place
  template <class F>
  static void for_each_field(const V& v, F&& f) {
    interp::for_each_attr(v.as<interp::InstObj>(), [&](const V& k, const V& x) { f(std::string_view(k.as<interp::StrObj>()->s), x); });
  }
  static void set_field(const V& v, const std::string& name, V x) { v.as<interp::InstObj>()->set_attr(name, std::move(x)); }
  // The module namespace whose classes instances made by compiled code belong to (set by
  // CompiledCalls before each call that makes some; it checked the classes are unchanged).
  static inline thread_local interp::DictObj* classes_from = nullptr;
  // The classes the call constructs, as CompiledCalls found them bound there just before it:
  // found by name without making a key or hashing (null: look them up in classes_from).
  static inline thread_local const std::vector<std::pair<const std::string*, interp::ClassObj*>>* classes_made =
      nullptr;
  static V new_instance(const std::string& cls) {
    if (classes_made)
      for (const auto& [name, c] : *classes_made)
        if (*name == cls) return interp::make_instance(c);
    interp::Value* c = classes_from ? classes_from->find(interp::mk_str(cls)) : nullptr;
    if (!c || !c->is(interp::OK::Class)) throw engine::WasmError(engine::ErrorKind::Memory, "class " + cls + " is not bound");
    return interp::make_instance(c->as<interp::ClassObj>());
  }
};

// Which classes' instances compiled code may take (the module's own, unchanged since their
// definition); `why` says why not.
using ClassCheck = std::function<bool(const interp::ClassObj*, std::string& why)>;

class InstanceTypes;

// The compiled type of an interpreter value, computed without converting it (the same rules
// as wasm::type_of), so a call that cannot compile costs no marshalling of big lists. On
// failure `why` says what compiled code does not take ("an int beyond 64 bits"). Instances
// are typed by `instances` (one for all the arguments of a call; made for `v` alone when null).
std::optional<wasm::Type> compiled_type(const interp::Value& v, std::string& why, int depth = 0,
                                        const ClassCheck* classes = nullptr, InstanceTypes* instances = nullptr);

// The instance types of one call (instance_types.cpp). A class is typed once for the whole
// call, nominally: its fields take the types of what all its instances the arguments reach
// hold, so a class may refer to itself or to others at any depth (a Packet whose link is a
// Packet or None), and an instance reached through two arguments has one type.
class InstanceTypes {
 public:
  explicit InstanceTypes(const ClassCheck* classes) : check_(classes) {}
  // Finds the instances `v` reaches (through attributes, lists and tuples). Every argument is
  // observed before any type is asked for, so the types cover every instance of the call.
  void observe(const interp::Value& v);
  // The type of `o`'s class for this call, or nullopt with `why`.
  std::optional<wasm::Type> type_of(interp::InstObj* o, std::string& why);
  // How many instances the values observed reach (each is copied in and out of the call).
  size_t instances() const { return seen_.size(); }
 private:
  struct Field {
    bool none = false;                        // some instance holds None there
    const interp::ClassObj* cls = nullptr;    // the class of the instances held there
    const interp::ClassObj* other = nullptr;  // a second class held there (refused)
    std::vector<const interp::Value*> values;  // the other values held there
  };
  struct Class {
    const interp::Shape* shape = nullptr;  // the first instance's attribute layout
    std::vector<std::string> names;         // its attribute names, sorted
    std::map<std::string, Field> fields;
    std::string conflict;                   // why the class cannot be typed
  };
  void observe_instance(interp::InstObj* o);
  void observe_inside(const interp::Value& v, int depth);
  std::optional<wasm::Type> class_type(const interp::ClassObj* c, std::string& why);
  std::optional<wasm::Type> field_type(const interp::ClassObj* c, const std::string& name, const Field& f,
                                       const std::vector<const interp::ClassObj*>& group, std::string& why);
  std::set<const interp::ClassObj*> reach(const interp::ClassObj* c) const;

  const ClassCheck* check_;
  std::unordered_map<const interp::ClassObj*, Class> classes_;
  std::unordered_set<const interp::InstObj*> seen_;
  std::vector<interp::InstObj*> todo_;
  std::unordered_map<const interp::ClassObj*, wasm::Type> types_;
  std::set<const interp::ClassObj*> typing_;  // classes being typed (a cycle through a list is refused)
};

// The call's arguments completed with the function's defaults into `filled` (left empty when
// `args` is already complete); false when only the interpreter can bind them (keyword-only,
// *args or **kwargs parameters, too many or too few arguments).
bool complete_args(const interp::FuncObj* f, const interp::Value* args, int nargs, std::vector<interp::Value>& filled);

}  // namespace ml::tiering
