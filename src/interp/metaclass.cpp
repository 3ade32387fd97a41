// Metaclasses: the class statement's metaclass (explicit `metaclass=` or the most derived type
// of the bases), __prepare__, the call of the metaclass that makes the class, a metaclass's
// __call__ when its classes are called, its attributes read through its classes, and type's own
// __new__/__init__/__call__ that a metaclass reaches with super().
#include <functional>

#include "interp/runtime.h"

namespace ml::interp {

Value make_class(const std::string& name, ValueVec bases, Ref<DictObj> ns, ClassObj* meta, KwArgs* kw);  // frame.cpp
Value construct(ClassObj* cls, Value* args, int nargs, KwArgs* kw);  // protocol.cpp

#define ARGS Interp &, Value *a, int n, KwArgs *kw

// What a metaclass (not type itself) defines for `name`, or null.
const Value* meta_special(const Value& cls, std::string_view name) {
  ClassObj* meta = cls.o->type;
  if (meta == I->t_type) return nullptr;
  for (ClassObj* c : meta->mro) {
    if (c == I->t_type) return nullptr;
    if (const Value* v = c->dict->find_str(name, str_hash_sv(name))) return v;
  }
  return nullptr;
}

static Value call_with(const Value& f, const Value& self, Value* args, int nargs, KwArgs* kw) {
  ValueVec buf;
  buf.reserve(nargs + 1);
  buf.push_back(self);
  for (int i = 0; i < nargs; ++i) buf.push_back(args[i]);
  return call(f, buf.data(), nargs + 1, kw);
}

// Calling a class whose metaclass defines __call__ runs it (type.__call__ makes the instance).
Value metaclass_call(const Value& cls, Value* args, int nargs, KwArgs* kw) {
  if (const Value* c = meta_special(cls, "__call__")) return call_with(*c, cls, args, nargs, kw);
  return construct(cls.as<ClassObj>(), args, nargs, kw);
}

// An attribute a class does not have, found on its metaclass: methods bind to the class.
bool metaclass_getattr(const Value& cls, std::string_view name, Value& out) {
  const Value* v = cls.o->type->find(name);
  if (!v) return false;
  if (v->is(OK::Func) || v->is(OK::Native)) out = Value::obj(new BoundObj(cls, *v));
  else if (v->is(OK::ClassMethod)) out = Value::obj(new BoundObj(Value::obj(cls.o->type), v->as<WrapperObj>()->func));
  else if (v->is(OK::StaticMethod)) out = v->as<WrapperObj>()->func;
  else if (v->is(OK::Property)) out = call1(v->as<PropertyObj>()->fget, cls);
  else out = *v;
  return true;
}

// The most derived of the explicit metaclass and the bases' types (Python's rule), or a
// TypeError when neither of two derives from the other.
static Value winning_meta(Value meta, const ValueVec& bases) {
  if (!meta.is(OK::Class)) return meta;  // a plain callable is called as it is
  ClassObj* win = meta.as<ClassObj>();
  for (const Value& b : bases) {
    ClassObj* bt = type_of(b);
    if (win->is_subclass(bt)) continue;
    if (bt->is_subclass(win)) { win = bt; continue; }
    raise_id("TypeError", "runtime.metaclass_conflict");
  }
  return Value::obj(win);
}

bool class_needs_metaclass(ValueVec& bases, const KwArgs& kw) {
  // Bases that are not classes (typing.NamedTuple, Generic[T]) name the classes to use
  // through __mro_entries__, before the metaclass is chosen (Python's resolve_bases).
  for (size_t i = 0; i < bases.size(); ++i) {
    Value me;
    if (bases[i].is(OK::Class) || !getattr_opt(bases[i], "__mro_entries__", me) || me.is_none()) continue;
    ValueVec repl = to_vec(call1(me, mk_tuple(bases)));
    bases.erase(bases.begin() + (long)i);
    bases.insert(bases.begin() + (long)i, repl.begin(), repl.end());
    i += repl.size();
    --i;
  }
  if (!kw.empty()) return true;
  for (const Value& b : bases)
    if (b.is(OK::Class) && b.o->type != I->t_type) return true;
  return false;
}

// The class statement with keywords or a metaclass: `body` fills the namespace.
Value build_class(const std::string& name, ValueVec bases, KwArgs& kw, const std::function<void(DictObj*)>& body) {
  Value meta = Value::obj(I->t_type);
  for (auto it = kw.items.begin(); it != kw.items.end(); ++it)
    if (str_of(it->first) == "metaclass") {
      meta = it->second;
      kw.items.erase(it);
      break;
    }
  meta = winning_meta(meta, bases);
  Value bases_t = mk_tuple(bases);
  Ref<DictObj> ns;
  Value prep;
  if (meta.is(OK::Class) && meta.o != I->t_type && getattr_opt(meta, "__prepare__", prep)) {
    Value args[2] = {mk_str(name), bases_t};
    Value d = call(prep, args, 2, &kw);
    if (!d.is(OK::Dict)) raise_id("TypeError", "runtime.prepare_not_mapping", {{"name", name}, {"type", type_name(d)}});
    ns = Ref<DictObj>(d.as<DictObj>());
  } else {
    ns = Ref<DictObj>(new DictObj());
  }
  body(ns.get());
  if (meta.is(OK::Class) && meta.o == I->t_type) return make_class(name, std::move(bases), ns, I->t_type, &kw);
  Value args[3] = {mk_str(name), bases_t, Value::obj(ns.get())};
  return call(meta, args, 3, &kw);
}

// list[int] and int | None are made by the types module (written in the language).
Value generic_alias(const Value& cls, const Value& args) {
  return call2(getattr(import_module("types"), "GenericAlias"), cls, args);
}
Value class_union(const Value& a, const Value& b) { return call2(getattr(import_module("types"), "_union"), a, b); }

void init_metaclass_support() {
  ClassObj* t = I->t_type;
  // type.__new__(meta, name, bases, ns, **kw)
  t->dict->set(str_key("__new__"), Value::obj(new WrapperObj(OK::StaticMethod, Value::obj(new NativeObj("type.__new__", [](ARGS) -> Value {
    if (n == 2 && a[0].is(OK::Class)) return Value::obj(type_of(a[1]));
    if (n != 4) raise_id("TypeError", "runtime.type_new_arg_count", {{"given", std::to_string(n - 1)}});
    if (!a[0].is(OK::Class) || !a[0].as<ClassObj>()->is_subclass(I->t_type))
      raise_id("TypeError", "runtime.type_new_not_type", {{"type", type_name(a[0])}});
    if (!a[1].is(OK::Str)) raise_id("TypeError", "runtime.type_new_argument", {{"index", "1"}, {"expected", "str"}, {"type", type_name(a[1])}});
    if (!a[2].is(OK::Tuple)) raise_id("TypeError", "runtime.type_new_argument", {{"index", "2"}, {"expected", "tuple"}, {"type", type_name(a[2])}});
    if (!a[3].is(OK::Dict)) raise_id("TypeError", "runtime.type_new_argument", {{"index", "3"}, {"expected", "dict"}, {"type", type_name(a[3])}});
    Ref<DictObj> ns(new DictObj());
    a[3].as<DictObj>()->for_each([&](const Value& k, const Value& v) { ns->set(k, v); });
    return make_class(str_of(a[1]), a[2].as<TupleObj>()->v, ns, a[0].as<ClassObj>(), kw);
  })))));
  def_method(t, "__init__", [](ARGS) -> Value {
    if (n != 2 && n != 4) raise_id("TypeError", "runtime.type_init_args");
    return Value();
  });
  def_method(t, "__call__", [](ARGS) -> Value {
    if (n < 1 || !a[0].is(OK::Class)) raise_id("TypeError", "runtime.descriptor_method", {{"name", "__call__"}, {"owner", "type"}});
    return construct(a[0].as<ClassObj>(), a + 1, n - 1, kw);
  });
  def_method(t, "mro", [](ARGS) -> Value {
    check_args("mro", n, 1, 1);
    ValueVec v;
    for (ClassObj* c : a[0].as<ClassObj>()->mro) v.push_back(Value::obj(c));
    return mk_list(std::move(v));
  });
  // object.__init_subclass__(): the end of a chain of super().__init_subclass__(**kw) calls,
  // where no keyword may be left.
  I->t_object->dict->set(str_key("__init_subclass__"), Value::obj(new WrapperObj(OK::ClassMethod, Value::obj(new NativeObj("__init_subclass__", [](ARGS) -> Value {
    if (kw && !kw->empty() && n > 0 && a[0].is(OK::Class))
      raise_id("TypeError", "runtime.init_subclass_keywords", {{"name", a[0].as<ClassObj>()->name}});
    return Value();
  })))));
}

}  // namespace ml::interp
