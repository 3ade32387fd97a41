#include "tiering/value_adapter.h"
#include "support/english.h"

#include <unordered_map>

#include "interp/code.h"
#include "wasm/compiled_program.h"

namespace ml::tiering {

namespace iv = ml::interp;

namespace {

std::optional<wasm::Type> tuple_type(const iv::ValueVec& items, std::string& why, int depth, const ClassCheck* classes) {
  if (items.size() > static_cast<size_t>(wasm::kMaxTupleItems)) {
    why = "a tuple of more than " + std::to_string(wasm::kMaxTupleItems) + " items";
    return std::nullopt;
  }
  if (depth >= 4) {
    why = "containers nested more than 4 deep";
    return std::nullopt;
  }
  std::vector<wasm::Type> ts;
  for (const auto& x : items) {
    if (x.is_bool()) ts.push_back(wasm::kBool);
    else if (x.is_int()) ts.push_back(wasm::kInt);
    else if (x.is_float()) ts.push_back(wasm::kFloat);
    else if (auto t = compiled_type(x, why, depth + 1, classes); t && t->known()) ts.push_back(*t);
    else {
      if (t) why = "an empty list";
      why = "a tuple holding " + why;
      return std::nullopt;
    }
  }
  return wasm::Type::tuple_of(ts);
}

std::optional<wasm::Type> list_type(const iv::ValueVec& items, std::string& why, int depth, const ClassCheck* classes) {
  // the common case, a list of one scalar kind, in one tight pass
  if (!items.empty() && (items[0].is_int() || items[0].is_float() || items[0].is_bool())) {
    iv::VT t0 = items[0].t;
    bool same = true;
    for (const auto& x : items) same &= x.t == t0;
    if (same)
      return wasm::Type::list_of(t0 == iv::VT::Int ? wasm::kInt : t0 == iv::VT::Float ? wasm::kFloat : wasm::kBool);
  }
  wasm::Type el{wasm::Base::Unknown, 0};
  bool have = false;
  for (const auto& x : items) {
    auto t = compiled_type(x, why, depth + 1, classes);
    if (!t) {
      why = "a list holding " + why;
      return std::nullopt;
    }
    if (!have) {
      el = *t;
      have = true;
      continue;
    }
    if (*t == el || (!t->known() && t->depth == el.depth)) continue;
    if (!el.known() && el.depth == t->depth) {
      el = *t;
      continue;
    }
    why = "a list mixing " + el.name() + " and " + t->name();
    return std::nullopt;
  }
  return wasm::Type::list_of(el);
}

}  // namespace

// An instance of a class the check accepts: its attributes (str names, values compiled code
// takes) are its fields.
static std::optional<wasm::Type> instance_type(iv::InstObj* o, std::string& why, int depth, const ClassCheck* classes) {
  const iv::ClassObj* cls = o->type;
  if (!classes || !(*classes)(cls, why)) {
    if (why.empty()) why = with_article(cls->name);
    return std::nullopt;
  }
  if (depth >= 4) {
    why = "objects nested more than 4 deep";
    return std::nullopt;
  }
  // The common case, instances holding numbers only, of the shape the last one of the class
  // had: the same attribute names and kinds in the same order give the same type.
  struct Last {
    std::vector<std::pair<std::string, iv::VT>> attrs;
    wasm::Type type;
  };
  static thread_local std::unordered_map<const iv::ClassObj*, Last> last;
  auto it = last.find(cls);
  if (it != last.end() && it->second.attrs.size() == o->attr_count() && it->second.type.class_name() == cls->name) {
    size_t i = 0;
    bool same = true;
    iv::for_each_attr(o, [&](const iv::Value& k, const iv::Value& x) {
      if (!same) return;
      const auto& [key, vt] = it->second.attrs[i++];
      same = x.t == vt && (x.is_int() || x.is_float() || x.is_bool()) && k.as<iv::StrObj>()->s == key;
    });
    if (same) return it->second.type;
  }
  std::vector<std::pair<std::string, wasm::Type>> fields;
  Last now;
  bool scalars = true;
  bool ok = true;
  iv::for_each_attr(o, [&](const iv::Value& k, const iv::Value& x) {
    if (!ok) return;
    if (!k.is(iv::OK::Str)) { ok = false; why = with_article(cls->name) + " with an attribute that is not a str"; return; }
    const std::string& name = k.as<iv::StrObj>()->s;
    auto t = compiled_type(x, why, depth + 1, classes);
    if (!t || !t->known()) {
      ok = false;
      if (t) why = "an empty list";
      why = with_article(cls->name) + " whose attribute '" + name + "' is " + why;
      return;
    }
    fields.emplace_back(name, *t);
    scalars &= x.is_int() || x.is_float() || x.is_bool();
    now.attrs.emplace_back(name, x.t);
  });
  if (!ok) return std::nullopt;
  wasm::Type t = wasm::Type::object(cls->name, std::move(fields));
  if (scalars) {
    now.type = t;
    last[cls] = std::move(now);
  }
  return t;
}

std::optional<wasm::Type> compiled_type(const iv::Value& v, std::string& why, int depth, const ClassCheck* classes) {
  if (v.is_bool()) return wasm::kBool;
  if (v.is_int()) return wasm::kInt;
  if (v.is_float()) return wasm::kFloat;
  if (v.is(iv::OK::Str)) {
    if (!wasm::is_valid_utf8(v.as<iv::StrObj>()->s)) {
      why = "a string that is not valid UTF-8";
      return std::nullopt;
    }
    return wasm::kStr;
  }
  if (v.is(iv::OK::Tuple)) return tuple_type(v.as<iv::TupleObj>()->v, why, depth, classes);
  if (v.is(iv::OK::Inst)) return instance_type(v.as<iv::InstObj>(), why, depth, classes);
  if (!v.is(iv::OK::List)) {
    why = v.is(iv::OK::Big) ? std::string("an int beyond 64 bits") : with_article(iv::type_name(v));
    return std::nullopt;
  }
  if (depth >= 4) {
    why = "containers nested more than 4 deep";
    return std::nullopt;
  }
  return list_type(v.as<iv::ListObj>()->v, why, depth, classes);
}

bool complete_args(const iv::FuncObj* f, const iv::Value* args, int nargs, std::vector<iv::Value>& filled) {
  const iv::FuncCode* c = f->code;
  if (c->vararg_slot >= 0 || c->kwarg_slot >= 0 || c->nkwonly > 0 || nargs > c->npos) return false;
  if (nargs == c->npos) return true;
  int ndef = int(f->defaults.size());
  int first_default = c->npos - ndef;
  if (nargs < first_default) return false;
  filled.assign(args, args + nargs);
  for (int i = nargs; i < c->npos; ++i) filled.push_back(f->defaults[size_t(i - first_default)]);
  return true;
}

}  // namespace ml::tiering
