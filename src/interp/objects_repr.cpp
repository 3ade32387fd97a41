// repr() and str() of every builtin type (containers with recursion guards, strings with
// Python's quoting and escapes) and of instances through __repr__/__str__.
#include <utf8proc.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "interp/bytearray.h"
#include "interp/runtime.h"
#include "interp/shape.h"
#include "lang/pack.h"

namespace ml::interp {

const Value* meta_special(const Value& cls, std::string_view name);  // metaclass.cpp

std::string str_repr(std::string_view s) {
  bool has_sq = s.find('\'') != std::string_view::npos, has_dq = s.find('"') != std::string_view::npos;
  char q = (has_sq && !has_dq) ? '"' : '\'';
  std::string out(1, q);
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = s[i];
    if (c == (unsigned char)q || c == '\\') { out += '\\'; out += (char)c; }
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else if (c < 0x20 || c == 0x7f) { char buf[8]; std::snprintf(buf, sizeof buf, "\\x%02x", c); out += buf; }
    else if (c >= 0x80) {
      // Python escapes the characters str.isprintable() refuses (U+00A0, U+200B, ...)
      size_t len = (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
      uint32_t cp = decode_utf8(s.substr(i, len))[0];
      auto cat = utf8proc_category((utf8proc_int32_t)cp);
      if (cat == UTF8PROC_CATEGORY_CC || cat == UTF8PROC_CATEGORY_CF || cat == UTF8PROC_CATEGORY_CS || cat == UTF8PROC_CATEGORY_CO ||
          cat == UTF8PROC_CATEGORY_CN || cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL || cat == UTF8PROC_CATEGORY_ZP) {
        char buf[16];
        std::snprintf(buf, sizeof buf, cp < 0x100 ? "\\x%02x" : cp < 0x10000 ? "\\u%04x" : "\\U%08x", cp);
        out += buf;
      } else {
        out.append(s.substr(i, len));
      }
      i += len - 1;
    }
    else out += (char)c;
  }
  out += q;
  return out;
}

static std::string bytes_repr(std::string_view s) {
  bool has_sq = s.find('\'') != std::string_view::npos, has_dq = s.find('"') != std::string_view::npos;
  char q = (has_sq && !has_dq) ? '"' : '\'';
  std::string out = "b";
  out += q;
  for (unsigned char c : s) {
    if (c == (unsigned char)q || c == '\\') { out += '\\'; out += (char)c; }
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else if (c < 0x20 || c >= 0x7f) { char buf[8]; std::snprintf(buf, sizeof buf, "\\x%02x", c); out += buf; }
    else out += (char)c;
  }
  out += q;
  return out;
}

static int repr_depth = 0;
struct ReprGuard {
  ReprGuard() { if (++repr_depth > 500) { --repr_depth; raise("RecursionError", msg("runtime.recursion")); } }
  ~ReprGuard() { --repr_depth; }
};

// The containers whose repr is being built (CPython's Py_ReprEnter): a container met again
// inside its own repr prints as `[...]` / `{...}` instead of recursing.
static std::vector<const Object*> repr_active;
struct ReprEnter {
  bool again;
  explicit ReprEnter(const Object* o) : again(std::find(repr_active.begin(), repr_active.end(), o) != repr_active.end()) {
    if (!again) repr_active.push_back(o);
  }
  ~ReprEnter() {
    if (!again) repr_active.pop_back();
  }
};

// The __repr__ a subclass of a core builtin type defines, if any (the core types' own are skipped).
static const Value* subtype_repr(const ClassObj* t) {
  for (const ClassObj* c : t->mro) {
    if (c->builtin && c->mro.size() <= 2) return nullptr;  // reached list, dict, tuple, object...
    if (const Value* m = c->dict->find_str("__repr__", str_hash_sv("__repr__")))
      return m->is(OK::Func) || m->is(OK::Native) ? m : nullptr;
  }
  return nullptr;
}

// "mod.Name" for a class defined in module `mod` ("Name" for builtins and __main__-less classes).
static std::string class_path(const ClassObj* c) {
  const Value* mod = c->dict->find_str("__module__", str_hash_sv("__module__"));
  // A type made in C++ prints bare unless it names its module (datetime.datetime, as CPython).
  if (c->builtin) return mod && mod->is(OK::Str) && str_of(*mod) != "builtins" ? str_of(*mod) + "." + c->name : c->name;
  const Value* qual = c->dict->find_str("__qualname__", str_hash_sv("__qualname__"));
  std::string name = qual && qual->is(OK::Str) ? str_of(*qual) : c->name;
  if (!mod || !mod->is(OK::Str)) return "__main__." + name;
  if (str_of(*mod) == "builtins") return name;
  return str_of(*mod) + "." + name;
}

std::string repr(const Value& v) {
  switch (v.t) {
    case VT::None: return "None";
    case VT::Bool: return v.b ? "True" : "False";
    case VT::Int: return std::to_string(v.i);
    case VT::Float: return float_repr(v.f);
    case VT::Undef: return "<unassigned>";  // never reached: unassigned locals are caught when read
    case VT::Obj: break;
  }
  // A subclass of a builtin (a namedtuple, a list subclass, or a type made in C++ on a builtin's
  // layout: Counter, OrderedDict, deque) may define its own __repr__.
  if (v.o->kind != OK::Inst && v.o->kind != OK::Class) {
    if (const Value* m = subtype_repr(v.o->type)) {
      Value r = call1(*m, v);
      if (!r.is(OK::Str)) raise_id("TypeError", "runtime.repr_returned_non_string", {{"type", type_name(r)}});
      return str_of(r);
    }
  }
  ReprGuard g;
  switch (v.o->kind) {
    case OK::Str: return str_repr(v.as<StrObj>()->s);
    case OK::Big: return int_to_string(v);
    case OK::Bytes:
      if (is_bytearray(v)) return "bytearray(" + bytes_repr(v.as<BytesObj>()->s) + ")";
      return bytes_repr(v.as<BytesObj>()->s);
    case OK::List: {
      ReprEnter re(v.o);
      if (re.again) return "[...]";
      std::string out = "[";
      auto& l = v.as<ListObj>()->v;
      for (size_t i = 0; i < l.size(); ++i) {
        if (i) out += ", ";
        out += repr(l[i]);
      }
      return out + "]";
    }
    case OK::Tuple: {
      auto& l = v.as<TupleObj>()->v;
      std::string out = "(";
      for (size_t i = 0; i < l.size(); ++i) {
        if (i) out += ", ";
        out += repr(l[i]);
      }
      if (l.size() == 1) out += ",";
      return out + ")";
    }
    case OK::Dict: {
      ReprEnter re(v.o);
      if (re.again) return "{...}";
      std::string out = "{";
      bool first = true;
      v.as<DictObj>()->for_each([&](const Value& k, const Value& x) {
        if (!first) out += ", ";
        first = false;
        out += repr(k) + ": " + repr(x);
      });
      return out + "}";
    }
    case OK::Set: case OK::FrozenSet: {
      auto* d = v.as<SetObj>();
      bool frozen = v.o->kind == OK::FrozenSet;
      // A subclass shows its own name as the call: P({1}), P(); a set shows braces alone.
      bool named = frozen || !v.o->type->builtin;
      std::string name = v.o->type->builtin ? (frozen ? "frozenset" : "set") : v.o->type->name;
      if (d->size() == 0) return name + "()";
      ReprEnter re(v.o);
      if (re.again) return name + "(...)";
      std::string out = named ? name + "({" : "{";
      bool first = true;
      d->for_each([&](const Value& k) {
        if (!first) out += ", ";
        first = false;
        out += repr(k);
      });
      return out + (named ? "})" : "}");
    }
    case OK::DictView: {
      auto* dv = v.as<DictViewObj>();
      ReprEnter re(v.o);
      if (re.again) return "...";
      std::string out = dv->which == DictViewObj::Keys ? "dict_keys([" : dv->which == DictViewObj::Values ? "dict_values([" : "dict_items([";
      bool first = true;
      dv->d->for_each([&](const Value& k, const Value& x) {
        if (!first) out += ", ";
        first = false;
        if (dv->which == DictViewObj::Keys) out += repr(k);
        else if (dv->which == DictViewObj::Values) out += repr(x);
        else out += "(" + repr(k) + ", " + repr(x) + ")";
      });
      return out + "])";
    }
    case OK::Range: {
      auto* r = v.as<RangeObj>();
      std::string out = "range(" + std::to_string(r->start) + ", " + std::to_string(r->stop);
      if (r->step != 1) out += ", " + std::to_string(r->step);
      return out + ")";
    }
    case OK::Func: return "<function " + v.as<FuncObj>()->qualname + ">";
    case OK::Native: return "<built-in function " + v.as<NativeObj>()->name + ">";
    case OK::Bound: return "<bound method of " + repr(v.as<BoundObj>()->self) + ">";
    case OK::Class: {
      auto* c = v.as<ClassObj>();
      if (const Value* m = meta_special(v, "__repr__")) {
        Value r = call1(*m, v);
        if (!r.is(OK::Str)) raise_id("TypeError", "runtime.repr_returned_non_string", {{"type", type_name(r)}});
        return str_of(r);
      }
      return "<class '" + class_path(c) + "'>";
    }
    case OK::Module: return "<module '" + v.as<ModuleObj>()->name + "'>";
    case OK::Slice: {
      auto* s = v.as<SliceObj>();
      return "slice(" + repr(s->start) + ", " + repr(s->stop) + ", " + repr(s->step) + ")";
    }
    case OK::Gen: return "<generator object " + v.as<GenObj>()->func->name + ">";
    case OK::Coro: return "<coroutine object>";
    case OK::File: return "<_io.TextIOWrapper name='" + v.as<FileObj>()->path + "'>";
    case OK::Inst: {
      if (v.same(I->not_impl)) return "NotImplemented";
      if (v.same(I->ellipsis)) return "Ellipsis";
      if (const Value* m = v.o->type->find("__repr__")) {
        Value r = call1(*m, v);
        if (!r.is(OK::Str)) raise_id("TypeError", "runtime.repr_returned_non_string", {{"type", type_name(r)}});
        return str_of(r);
      }
      if (v.o->type->is_exception) {
        std::string out = v.o->type->name + "(";
        Value* args = v.as<InstObj>()->find_attr("args", str_hash_sv("args"));
        if (args && args->is(OK::Tuple)) {
          auto& l = args->as<TupleObj>()->v;
          for (size_t i = 0; i < l.size(); ++i) { if (i) out += ", "; out += repr(l[i]); }
        }
        return out + ")";
      }
      char buf[64];
      std::snprintf(buf, sizeof buf, " object at %p>", (void*)v.o);
      return "<" + class_path(v.o->type) + buf;
    }
    default: {
      if (v.same(I->ellipsis)) return "Ellipsis";
      if (v.same(I->not_impl)) return "NotImplemented";
      char buf[64];
      std::snprintf(buf, sizeof buf, " object at %p>", (void*)v.o);
      return "<" + type_name(v) + buf;
    }
  }
}

std::string to_str(const Value& v) {
  if (v.is(OK::Str) && v.o->type == I->t_str) return str_of(v);
  if (v.is_obj() && v.o->kind != OK::Inst && v.o->kind != OK::Class && !v.o->type->builtin) {
    if (const Value* m = v.o->type->find("__str__"); m && m->is(OK::Func)) {
      Value r = call1(*m, v);
      if (!r.is(OK::Str)) raise_id("TypeError", "runtime.str_returned_non_string", {{"type", type_name(r)}});
      return str_of(r);
    }
  }
  if (v.is(OK::Inst)) {
    if (const Value* m = v.o->type->find("__str__")) {
      Value r = call1(*m, v);
      if (!r.is(OK::Str)) raise_id("TypeError", "runtime.str_returned_non_string", {{"type", type_name(r)}});
      return str_of(r);
    }
    if (v.o->type->is_exception && !v.o->type->find("__repr__")) return exc_message(v);
  }
  if (v.is(OK::Str)) return str_of(v);
  return repr(v);
}

}  // namespace ml::interp
