// Small helpers shared by the library modules written in C++ (src/interp/lib): argument lookup,
// properties, and the classes a module defines.
#pragma once
#include <string>
#include <string_view>

#include "interp/code.h"

namespace ml::interp {

#define ARGS Interp &, Value *a, int n, KwArgs *kw

// The i-th argument of a native function, given by position or by keyword `name`; nullptr when
// neither was given.
inline const Value* arg_at(Value* a, int n, KwArgs* kw, int i, std::string_view name) {
  if (i < n) return &a[i];
  return kw_find(kw, name);
}
inline Value arg_or(Value* a, int n, KwArgs* kw, int i, std::string_view name, Value dflt) {
  const Value* v = arg_at(a, n, kw, i, name);
  return v ? *v : dflt;
}

// The bytes of a bytes-like argument: bytes, bytearray, or an object converting itself through
// __bytes__ (memoryview) or tobytes() (array.array); TypeError for anything else.
std::string bytes_like(const Value& v);

// A read-only attribute computed by `fget` (called with the instance as a[0]).
void def_property(ClassObj* c, const std::string& name, NativeFn fget);

// A class made in C++ for module `module` (its __module__, so it prints as <class 'mod.Name'>);
// kept alive for the whole run.
ClassObj* lib_class(const std::string& module, const std::string& name, ValueVec bases = {});

// A new module registered under `name` (found by import before any source file).
Value lib_module(const std::string& name);
inline DictObj* module_dict(const Value& m) { return m.as<ModuleObj>()->dict.get(); }

}  // namespace ml::interp
