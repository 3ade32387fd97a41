// What the files that fill the builtins module share (builtins.cpp and builtin_*.cpp).
#pragma once
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>

#include "interp/runtime.h"

namespace ml::interp {

// super(): the object super() returns; its attribute lookup is super_getattr().
struct SuperObj : Object {
  ClassObj* start;  // look after this class in the MRO
  Value self;
  SuperObj(ClassObj* s, Value o) : Object(OK::Super, I->t_super), start(s), self(std::move(o)) {}
};

// Builtins are named functions registered from tables: {name as Python spells it, function}.
using BuiltinFn = Value (*)(Interp&, Value* args, int nargs, KwArgs* kw);
struct NamedBuiltin {
  const char* name;
  BuiltinFn fn;
};
void def_natives(DictObj* d, std::span<const NamedBuiltin> table);

// Rejects keyword arguments a builtin does not take, as Python does, rather than ignoring them.
// (CPython words it per function: print, min and max say "... is an invalid keyword argument".)
void check_keyword_names(std::string_view fname, KwArgs* kw, std::initializer_list<std::string_view> allowed,
                         const char* id);
// Inline: most calls pass no keywords, and this runs on every call of a builtin.
inline void check_keywords(std::string_view fname, KwArgs* kw, std::initializer_list<std::string_view> allowed,
                           const char* id = "runtime.unexpected_keyword") {
  if (__builtin_expect(kw != nullptr, 0)) check_keyword_names(fname, kw, allowed, id);
}
ClassObj* mk_type(const std::string& name, ClassObj* base);  // a builtin class (builtins.cpp)
void check_source(const std::string& text, bool eval_mode);  // parse only (importer.cpp)
// int(x) / int(x, base=...) with Python's rules for strings, floats, __int__, __index__, __trunc__.
Value to_int(const Value& x, KwArgs* kw, int nargs, Value* args);
// Sorts in place with Python's key/reverse semantics (stable).
void sort_values(ValueVec& v, const Value& key, bool reverse);
Value exec_source(const std::string& text, DictObj* globals, bool eval_mode);  // importer.cpp
const Value* meta_special(const Value& cls, std::string_view name);          // metaclass.cpp

}  // namespace ml::interp
