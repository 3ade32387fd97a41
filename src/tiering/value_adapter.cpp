#include "tiering/value_adapter.h"
#include "support/english.h"

#include <unordered_map>

#include "interp/code.h"
#include "wasm/compiled_program.h"

namespace ml::tiering {

namespace iv = ml::interp;

namespace {

std::optional<wasm::Type> tuple_type(const iv::ValueVec& items, std::string& why, int depth, const ClassCheck* classes,
                                     InstanceTypes* env) {
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
    else if (auto t = compiled_type(x, why, depth + 1, classes, env); t && t->known()) ts.push_back(*t);
    else {
      if (t) why = "an empty list";
      why = "a tuple holding " + why;
      return std::nullopt;
    }
  }
  return wasm::Type::tuple_of(ts);
}

std::optional<wasm::Type> list_type(const iv::ValueVec& items, std::string& why, int depth, const ClassCheck* classes,
                                    InstanceTypes* env) {
  // the common case, a list of one scalar kind, in one tight pass
  if (!items.empty() && (items[0].is_int() || items[0].is_float() || items[0].is_bool())) {
    iv::VT t0 = items[0].t;
    bool same = true;
    for (const auto& x : items) same &= x.t == t0;
    if (same)
      return wasm::Type::list_of(t0 == iv::VT::Int ? wasm::kInt : t0 == iv::VT::Float ? wasm::kFloat : wasm::kBool);
  }
  wasm::Type el{wasm::Base::Unknown, 0};
  bool have = false, nones = false;
  for (const auto& x : items) {
    // None among instances: an empty slot (address 0), which compiled code checks before use
    if (x.is_none() && (!have || el.is_obj())) {
      nones = true;
      continue;
    }
    auto t = compiled_type(x, why, depth + 1, classes, env);
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
  if (nones && !el.is_obj()) {
    why = have ? "a list mixing None and " + el.a_name() : std::string("a list of None");
    return std::nullopt;
  }
  return wasm::Type::list_of(el);
}

}  // namespace

std::optional<wasm::Type> compiled_type(const iv::Value& v, std::string& why, int depth, const ClassCheck* classes,
                                        InstanceTypes* instances) {
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
  if (v.is(iv::OK::Tuple) || v.is(iv::OK::Inst) || v.is(iv::OK::List)) {
    if (!instances) {  // a value typed on its own
      InstanceTypes own(classes);
      own.observe(v);
      return compiled_type(v, why, depth, classes, &own);
    }
  }
  if (v.is(iv::OK::Tuple)) return tuple_type(v.as<iv::TupleObj>()->v, why, depth, classes, instances);
  if (v.is(iv::OK::Inst)) return instances->type_of(v.as<iv::InstObj>(), why);
  if (!v.is(iv::OK::List)) {
    why = v.is(iv::OK::Big) ? std::string("an int beyond 64 bits") : with_article(iv::type_name(v));
    return std::nullopt;
  }
  if (depth >= 4) {
    why = "containers nested more than 4 deep";
    return std::nullopt;
  }
  return list_type(v.as<iv::ListObj>()->v, why, depth, classes, instances);
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
