// Nominal instance types for the arguments of one compiled call: each class the arguments
// reach gets one type, its fields typed by what all its instances hold. Classes that refer to
// each other (directly or round a cycle) are typed together as a group (Type::object_group),
// so a linked list or a tree of any depth has a finite type; other classes keep the plain
// structural type (Type::object), the one instances made by compiled code have too.
#include <algorithm>

#include "support/english.h"
#include "tiering/value_adapter.h"

namespace ml::tiering {

namespace iv = ml::interp;

namespace {
bool scalar(const iv::Value& x) { return x.is_int() || x.is_float() || x.is_bool() || x.is(iv::OK::Str); }
}  // namespace

void InstanceTypes::observe(const iv::Value& v) {
  observe_inside(v, 0);
  while (!todo_.empty()) {
    iv::InstObj* o = todo_.back();
    todo_.pop_back();
    observe_instance(o);
  }
}

// The instances inside a list or tuple (a list of numbers or strings is not walked: one look at
// its first item says it holds no instance, and compiled_type refuses a list mixing kinds).
void InstanceTypes::observe_inside(const iv::Value& v, int depth) {
  if (v.is(iv::OK::Inst)) {
    auto* o = v.as<iv::InstObj>();
    if (seen_.insert(o).second) todo_.push_back(o);
    return;
  }
  if (depth > 4) return;  // compiled_type refuses deeper nesting
  const iv::ValueVec* items = v.is(iv::OK::List) ? &v.as<iv::ListObj>()->v
                              : v.is(iv::OK::Tuple) ? &v.as<iv::TupleObj>()->v
                                                    : nullptr;
  if (!items || items->empty() || (v.is(iv::OK::List) && scalar((*items)[0]))) return;
  for (const auto& x : *items)
    if (!scalar(x) && !x.is_none()) observe_inside(x, depth + 1);
}

void InstanceTypes::observe_instance(iv::InstObj* o) {
  Class& c = classes_[o->type];
  bool first = c.names.empty() && c.fields.empty() && c.conflict.empty() && !c.shape;
  if (first || o->shape != c.shape) {
    std::vector<std::string> names;
    bool ok = true;
    iv::for_each_attr(o, [&](const iv::Value& k, const iv::Value&) {
      if (k.is(iv::OK::Str)) names.push_back(k.as<iv::StrObj>()->s);
      else ok = false;
    });
    std::sort(names.begin(), names.end());
    if (!ok) c.conflict = with_article(o->type->name) + " with an attribute that is not a str";
    else if (first) c.names = std::move(names);
    else if (names != c.names) c.conflict = o->type->name + " instances with different attributes";
    if (first) c.shape = o->shape;
  }
  if (!c.conflict.empty()) return;
  iv::for_each_attr(o, [&](const iv::Value& k, const iv::Value& x) {
    Field& f = c.fields[k.as<iv::StrObj>()->s];
    if (x.is_none()) {
      f.none = true;
    } else if (x.is(iv::OK::Inst)) {
      const iv::ClassObj* cls = x.as<iv::InstObj>()->type;
      if (!f.cls) f.cls = cls;
      else if (f.cls != cls && !f.other) f.other = cls;
      observe_inside(x, 0);
    } else {
      f.values.push_back(&x);
      if (!scalar(x)) observe_inside(x, 1);
    }
  });
}

// The classes c's instances reach through their fields (c included).
std::set<const iv::ClassObj*> InstanceTypes::reach(const iv::ClassObj* c) const {
  std::set<const iv::ClassObj*> out{c};
  std::vector<const iv::ClassObj*> todo{c};
  while (!todo.empty()) {
    const iv::ClassObj* d = todo.back();
    todo.pop_back();
    auto it = classes_.find(d);
    if (it == classes_.end()) continue;
    for (const auto& [n, f] : it->second.fields)
      if (f.cls && out.insert(f.cls).second) todo.push_back(f.cls);
  }
  return out;
}

std::optional<wasm::Type> InstanceTypes::type_of(iv::InstObj* o, std::string& why) {
  if (!seen_.count(o)) observe(iv::Value::obj(o));  // (not observed yet: a value typed on its own)
  return class_type(o->type, why);
}

std::optional<wasm::Type> InstanceTypes::class_type(const iv::ClassObj* c, std::string& why) {
  if (auto it = types_.find(c); it != types_.end()) return it->second;
  if (!check_ || !(*check_)(c, why)) {
    if (why.empty()) why = with_article(c->name);
    return std::nullopt;
  }
  auto it = classes_.find(c);
  if (it == classes_.end()) {
    why = with_article(c->name) + " not found among the arguments";
    return std::nullopt;
  }
  if (!it->second.conflict.empty()) {
    why = it->second.conflict;
    return std::nullopt;
  }
  if (typing_.count(c)) {
    why = c->name + " instances that refer to each other through a list or tuple";
    return std::nullopt;
  }
  // c's group: the classes it reaches that reach it back
  std::vector<const iv::ClassObj*> group;
  for (const iv::ClassObj* d : reach(c))
    if (d == c || reach(d).count(c)) group.push_back(d);
  bool cyclic = group.size() > 1;
  for (const auto& [n, f] : it->second.fields) cyclic |= f.cls == c;
  std::sort(group.begin(), group.end(), [](auto* a, auto* b) { return a->name < b->name; });
  for (const iv::ClassObj* d : group) typing_.insert(d);
  std::vector<wasm::Type::ClassFields> shapes;
  bool ok = true;
  for (const iv::ClassObj* d : group) {
    if (d != c && check_ && !(*check_)(d, why)) {
      if (why.empty()) why = with_article(d->name);
      ok = false;
      break;
    }
    const Class& dc = classes_.at(d);
    if (!dc.conflict.empty()) {
      why = dc.conflict;
      ok = false;
      break;
    }
    wasm::Type::ClassFields cf{d->name, {}};
    for (const auto& [n, f] : dc.fields) {
      auto t = field_type(d, n, f, cyclic ? group : std::vector<const iv::ClassObj*>{}, why);
      if (!t) {
        ok = false;
        break;
      }
      cf.fields.emplace_back(n, *t);
    }
    if (!ok) break;
    shapes.push_back(std::move(cf));
  }
  for (const iv::ClassObj* d : group) typing_.erase(d);
  if (!ok) return std::nullopt;
  if (!cyclic) {
    wasm::Type t = wasm::Type::object(c->name, std::move(shapes[0].fields));
    types_[c] = t;
    return t;
  }
  std::vector<wasm::Type> ts = wasm::Type::object_group(std::move(shapes));
  for (size_t k = 0; k < group.size(); ++k) types_[group[k]] = ts[k];
  return types_[c];
}

// The type of field `name` of class c: an instance (of a class of c's group: a reference to
// it; else that class's type), which may be None; None alone; or the one type of every other
// value held there.
std::optional<wasm::Type> InstanceTypes::field_type(const iv::ClassObj* c, const std::string& name, const Field& f,
                                                    const std::vector<const iv::ClassObj*>& group, std::string& why) {
  auto say = [&](std::string w) -> std::optional<wasm::Type> {
    why = with_article(c->name) + " whose attribute '" + name + "' " + w;
    return std::nullopt;
  };
  if (f.other) {
    auto [a, b] = std::minmax(f.cls->name, f.other->name);
    return say("holds " + with_article(a) + " and " + with_article(b));
  }
  if (f.cls) {
    if (!f.values.empty()) return say("holds " + with_article(f.cls->name) + " and other values");
    auto g = std::find(group.begin(), group.end(), f.cls);
    if (g != group.end()) return wasm::Type::group_ref(static_cast<size_t>(g - group.begin()));
    std::string w;
    auto t = class_type(f.cls, w);
    if (!t) return say("is " + w);
    return t;
  }
  if (f.values.empty()) return wasm::kNone;
  const iv::Value& x0 = *f.values[0];
  std::string w;
  auto t0 = compiled_type(x0, w, 1, check_, this);
  if (!t0 || !t0->known()) {
    if (t0) w = "an empty list";
    return say("is " + w);
  }
  if (f.none) return say("holds None and " + t0->a_name());
  bool scalar0 = x0.is_int() || x0.is_float() || x0.is_bool();
  auto number = [](const iv::Value& x) { return x.is_int() || x.is_float(); };
  bool ints_and_floats = false;
  for (size_t i = 1; i < f.values.size(); ++i) {
    const iv::Value& x = *f.values[i];
    if (scalar0 && x.t == x0.t) continue;
    if (number(x0) && number(x)) {
      ints_and_floats = true;
      continue;
    }
    auto t = compiled_type(x, w, 1, check_, this);
    if (!t) return say("is " + w);
    if (*t == *t0 || (!t->known() && t->depth == t0->depth)) continue;
    return say("holds " + t0->a_name() + " and " + t->a_name());
  }
  if (!ints_and_floats) return t0;
  // ints in some instances, floats in others (Point(0, 0, 0) and Point(1.5, 2, 0)): the
  // field is int-or-float, whose ints have 50 bits (wasm/codegen.h)
  for (const iv::Value* x : f.values)
    if (x->is_int() && !wasm::num_fits(x->i)) return say("holds floats and an int beyond 50 bits");
  return wasm::kNum;
}

}  // namespace ml::tiering
