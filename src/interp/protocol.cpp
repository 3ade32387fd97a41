// The generic object protocol: strings' code points, calling, and attributes (subscripting and
// iteration are in protocol_items.cpp).
#include <cmath>

#include "interp/attrcache.h"
#include "interp/bytearray.h"
#include "interp/direct_call.h"
#include "interp/runtime.h"

namespace ml::interp {

Value metaclass_call(const Value& cls, Value* args, int nargs, KwArgs* kw);  // metaclass.cpp
bool metaclass_getattr(const Value& cls, std::string_view name, Value& out);
const Value* meta_special(const Value& cls, std::string_view name);
Value generic_alias(const Value& cls, const Value& args);

// ---------------------------------------------------------------- utf-8 / strings
std::vector<uint32_t> decode_utf8(std::string_view s) {
  std::vector<uint32_t> out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    unsigned char c = s[i];
    uint32_t cp;
    int n;
    if (c < 0x80) { cp = c; n = 1; }
    else if ((c >> 5) == 6) { cp = c & 0x1F; n = 2; }
    else if ((c >> 4) == 14) { cp = c & 0x0F; n = 3; }
    else { cp = c & 0x07; n = 4; }
    for (int k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (s[i + k] & 0x3F);
    out.push_back(cp);
    i += n;
  }
  return out;
}

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) out += (char)cp;
  else if (cp < 0x800) { out += (char)(0xC0 | (cp >> 6)); out += (char)(0x80 | (cp & 0x3F)); }
  else if (cp < 0x10000) { out += (char)(0xE0 | (cp >> 12)); out += (char)(0x80 | ((cp >> 6) & 0x3F)); out += (char)(0x80 | (cp & 0x3F)); }
  else { out += (char)(0xF0 | (cp >> 18)); out += (char)(0x80 | ((cp >> 12) & 0x3F)); out += (char)(0x80 | ((cp >> 6) & 0x3F)); out += (char)(0x80 | (cp & 0x3F)); }
}

static size_t cp_offset(const std::string& s, int64_t idx) {  // byte offset of code point idx
  size_t i = 0;
  int64_t n = 0;
  while (i < s.size()) {
    if (n == idx) return i;
    unsigned char c = s[i];
    i += c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
    ++n;
  }
  return s.size();
}

Value str_index(StrObj* s, int64_t i) {
  int64_t n = s->length();
  if (i < 0) i += n;
  if (i < 0 || i >= n) raise_id("IndexError", "runtime.index_out_of_range", {{"type", "string"}});
  if (s->ascii) return mk_str(std::string(1, s->s[i]));
  size_t off = cp_offset(s->s, i);
  unsigned char c = s->s[off];
  size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
  return mk_str(s->s.substr(off, len));
}

Value str_slice(StrObj* s, int64_t start, int64_t stop, int64_t step) {
  if (s->length() == (int64_t)s->s.size()) {
    if (step == 1) return mk_str(stop > start ? s->s.substr(start, stop - start) : std::string());
    std::string out;
    if (step > 0) for (int64_t i = start; i < stop; i += step) out += s->s[i];
    else for (int64_t i = start; i > stop; i += step) out += s->s[i];
    return mk_str(std::move(out));
  }
  auto cps = decode_utf8(s->s);
  std::string out;
  if (step > 0) for (int64_t i = start; i < stop; i += step) append_utf8(out, cps[i]);
  else for (int64_t i = start; i > stop; i += step) append_utf8(out, cps[i]);
  return mk_str(std::move(out));
}

// ---------------------------------------------------------------- calls
Value call0(const Value& f) { return call(f, nullptr, 0, nullptr); }
// The runtime calls special methods (__add__, __eq__, __getitem__...) through these: a plain
// function among them is called direct (direct_call.h), as a call written in the code is.
Value call1(const Value& f, Value a) {
  if (f.is(OK::Func) && direct_ok(f.as<FuncObj>(), 1)) {
    DirectSlots ds(f.as<FuncObj>());
    ds.slots[0] = std::move(a);
    return run_direct(f.as<FuncObj>(), ds.slots, 1);
  }
  return call(f, &a, 1, nullptr);
}
Value call2(const Value& f, Value a, Value b) {
  if (f.is(OK::Func) && direct_ok(f.as<FuncObj>(), 2)) {
    DirectSlots ds(f.as<FuncObj>());
    ds.slots[0] = std::move(a);
    ds.slots[1] = std::move(b);
    return run_direct(f.as<FuncObj>(), ds.slots, 2);
  }
  Value args[2] = {std::move(a), std::move(b)};
  return call(f, args, 2, nullptr);
}

static Value call_with_self(const Value& f, const Value& self, Value* args, int nargs, KwArgs* kw) {
  if ((!kw || kw->empty()) && f.is(OK::Func) && direct_ok(f.as<FuncObj>(), nargs + 1))
    return call_direct_with_self(f.as<FuncObj>(), self, args, nargs);
  if (nargs < 8) {
    Value buf[8];
    buf[0] = self;
    for (int i = 0; i < nargs; ++i) buf[i + 1] = args[i];
    return call(f, buf, nargs + 1, kw);
  }
  ValueVec buf;
  buf.reserve(nargs + 1);
  buf.push_back(self);
  for (int i = 0; i < nargs; ++i) buf.push_back(args[i]);
  return call(f, buf.data(), nargs + 1, kw);
}

Value make_instance(ClassObj* cls) { return Value::obj(new InstObj(cls)); }

Value retype_builtin(Value obj, ClassObj* cls) {
  if (obj.t == VT::Float && cls != I->t_float && cls->is_subclass(I->t_float)) return float_subclass_instance(obj.f, cls);
  if ((obj.t == VT::Int || obj.t == VT::Bool) && cls->is_subclass(I->t_int)) {
    // an int subclass's object is a heap int (small values too), which can carry a class
    auto* b = new BigObj();
    mpz_set_si(b->z, obj.t == VT::Int ? obj.i : obj.b);
    b->type = cls;
    incref(cls);
    return Value::obj(b);
  }
  if (!obj.is_obj() || obj.o->type == cls) return obj;
  switch (obj.o->kind) {
    case OK::Big: {
      auto* b = new BigObj();
      mpz_set(b->z, obj.as<BigObj>()->z);
      b->type = cls;
      incref(cls);
      return Value::obj(b);
    }
    case OK::Str:  // strings are shared (interned names, one-character strings): copy
      obj = Value::obj(new StrObj(str_of(obj)));
      obj.o->type = cls;
      incref(cls);
      break;
    case OK::Tuple:  // tuples may be shared (the empty one): the subclass gets its own
      obj = Value::obj(new TupleObj(obj.as<TupleObj>()->v));
      [[fallthrough]];
    case OK::FrozenSet:  // frozenset(x) may hand back x itself: the subclass gets its own
      if (obj.o->kind == OK::FrozenSet) {
        Value own = mk_set(true);
        own.as<SetObj>()->merge(obj.as<SetObj>());
        obj = std::move(own);
      }
      [[fallthrough]];
    case OK::Dict: case OK::List: case OK::Set:
      obj.o->type = cls;
      incref(cls);
      break;
    default:
      break;
  }
  return obj;
}

// What a class call needs from the class (its __new__ and __init__), remembered for the last
// classes called while no class has changed (g_class_epoch; a class that dies bumps it too).
struct CtorEntry {
  const ClassObj* cls = nullptr;
  uint64_t epoch = 0;
  const Value* nw = nullptr;
  const Value* init = nullptr;
  const Value* ctor = nullptr;  // the builtin base's constructor (its dict's "__ctor__")
};
static CtorEntry& ctor_entry(ClassObj* cls) {
  static CtorEntry cache[64];
  CtorEntry& e = cache[((uintptr_t)cls >> 4) & 63];
  if (e.cls != cls || e.epoch != g_class_epoch) {
    e.cls = cls;
    e.epoch = g_class_epoch;
    e.nw = cls->find("__new__");
    e.init = cls->find("__init__");
    ClassObj* base = cls->builtin ? cls : cls->builtin_base;
    e.ctor = base ? base->dict->find_str("__ctor__", str_hash_sv("__ctor__")) : nullptr;
  }
  return e;
}

Value construct(ClassObj* cls, Value* args, int nargs, KwArgs* kw) {
  CtorEntry& ce = ctor_entry(cls);
  if (const Value* nw = ce.nw; nw && !cls->builtin) {
    // user-level __new__ (staticmethod implied)
    const Value& fn = nw->is(OK::StaticMethod) ? nw->as<WrapperObj>()->func : *nw;
    if (fn.is(OK::Func) || cls->builtin_base == I->t_type) {
      Value obj = call_with_self(fn, Value::obj(cls), args, nargs, kw);
      if (type_of(obj)->is_subclass(cls)) {
        if (const Value* init = cls->find("__init__"); init && init->is(OK::Func)) call_with_self(*init, obj, args, nargs, kw);
      }
      return obj;
    }
  }
  ClassObj* base = cls->builtin ? cls : cls->builtin_base;
  if (base && base != I->t_object && !base->is_exception) {
    // builtin type (or a user subclass of one): its constructor lives in dict "__ctor__"
    const Value* ctor = ce.ctor;
    if (!ctor) raise_id("TypeError", "runtime.cannot_create_instances", {{"type", cls->name}});
    const Value* init = cls->builtin ? nullptr : cls->find("__init__");
    bool user_init = init && init->is(OK::Func);
    // A mutable container's arguments are its __init__'s (list.__new__ takes none): a subclass
    // with its own __init__ starts empty and that __init__ gets the arguments.
    bool starts_empty = user_init && (base == I->t_list || base == I->t_dict || base == I->t_set);
    Value obj = starts_empty ? call(*ctor, nullptr, 0, nullptr) : call(*ctor, args, nargs, kw);
    if (cls->builtin) return obj;
    obj = retype_builtin(obj, cls);
    if (user_init) call_with_self(*init, obj, args, nargs, kw);
    return obj;
  }
  Value obj = make_instance(cls);
  if (cls->is_exception) {
    ValueVec a(args, args + nargs);
    obj.as<InstObj>()->set_attr("args", mk_tuple(std::move(a)));
  }
  const Value* init = ce.init;
  if (init && !(init->is(OK::Native) && init->as<NativeObj>()->name == "object.__init__")) {
    Value r = call_with_self(*init, obj, args, nargs, kw);
    if (!r.is_none()) raise_id("TypeError", "runtime.init_returned_value", {{"type", type_name(r)}});
  } else if ((nargs || (kw && !kw->empty())) && !cls->is_exception) {
    raise_id("TypeError", "runtime.takes_no_arguments", {{"name", cls->name}});
  }
  return obj;
}

// A bound builtin method (`append = l.append`): its receiver goes first. Out of line, so that
// call() itself keeps a small frame.
[[gnu::noinline]] static Value call_bound_native(NativeObj* n, Value* args, int nargs, KwArgs* kw) {
  if (nargs < 8) {
    Value buf[8];
    buf[0] = n->self;
    for (int i = 0; i < nargs; ++i) buf[i + 1] = args[i];
    return n->fn(*I, buf, nargs + 1, kw);
  }
  ValueVec buf;
  buf.reserve(nargs + 1);
  buf.push_back(n->self);
  for (int i = 0; i < nargs; ++i) buf.push_back(args[i]);
  return n->fn(*I, buf.data(), nargs + 1, kw);
}

Value call(const Value& f, Value* args, int nargs, KwArgs* kw) {
  if (f.t == VT::Obj) {
    switch (f.o->kind) {
      case OK::Func: return call_function(f.as<FuncObj>(), args, nargs, kw);
      case OK::Native: {
        auto* n = f.as<NativeObj>();
        if (n->has_self) return call_bound_native(n, args, nargs, kw);
        return n->fn(*I, args, nargs, kw);
      }
      case OK::Bound: {
        auto* b = f.as<BoundObj>();
        return call_with_self(b->func, b->self, args, nargs, kw);
      }
      case OK::Class:
        if (f.o->type != I->t_type) return metaclass_call(f, args, nargs, kw);
        return construct(f.as<ClassObj>(), args, nargs, kw);
      case OK::StaticMethod: case OK::ClassMethod: return call(f.as<WrapperObj>()->func, args, nargs, kw);
      case OK::Inst: {
        if (const Value* m = f.o->type->find("__call__")) return call_with_self(*m, f, args, nargs, kw);
        break;
      }
      default: {
        // an instance of a user subclass of a builtin type (class C(tuple) with __call__)
        ClassObj* t = type_of(f);
        if (!t->builtin)
          if (const Value* m = t->find("__call__")) return call_with_self(*m, f, args, nargs, kw);
        break;
      }
    }
  }
  raise_id("TypeError", "runtime.not_callable", {{"type", type_name(f)}});
}

// ---------------------------------------------------------------- attributes
static Value bind(const Value& attr, const Value& self) {
  if (attr.is(OK::Func) || attr.is(OK::Native)) return Value::obj(new BoundObj(self, attr));
  if (attr.is(OK::StaticMethod)) return attr.as<WrapperObj>()->func;
  if (attr.is(OK::ClassMethod)) return Value::obj(new BoundObj(Value::obj(type_of(self)), attr.as<WrapperObj>()->func));
  if (attr.is(OK::Property)) {
    auto* p = attr.as<PropertyObj>();
    if (p->fget.is_none()) raise_id("AttributeError", "runtime.property_no_getter");
    return call1(p->fget, self);
  }
  return attr;
}

static Value mro_tuple(ClassObj* c) {
  ValueVec v;
  for (ClassObj* k : c->mro) v.push_back(Value::obj(k));
  return mk_tuple(std::move(v));
}

bool super_getattr(const Value& sup, std::string_view name, Value& out);
bool object_protocol_attr(std::string_view name, Value& out);
bool builtin_dunder(const Value& obj, std::string_view name, bool bound, Value& out);  // builtin_dunders.cpp

// A class's attributes: its own and inherited ones (classmethods bound, descriptors' __get__(None, cls)), then __name__, __mro__, __bases__, ...
static bool class_getattr(const Value& obj, std::string_view name, Value& out) {
  auto* c = obj.as<ClassObj>();
  if (const Value* a = c->find(name)) {
    if (a->is(OK::ClassMethod)) { out = Value::obj(new BoundObj(obj, a->as<WrapperObj>()->func)); return true; }
    if (a->is(OK::StaticMethod)) { out = a->as<WrapperObj>()->func; return true; }
    if (a->is(OK::Inst)) {  // a descriptor read through its class: __get__(None, cls)
      const Value* g = a->o->type->find("__get__");
      if (g && g->is(OK::Func)) {
        Value args[3] = {*a, Value(), obj};
        Value fn = *g;
        out = call(fn, args, 3);
        return true;
      }
    }
    out = *a;
    return true;
  }
  if (name == "__name__" || name == "__qualname__") { out = mk_str(c->name); return true; }
  if (name == "__mro__") { out = mro_tuple(c); return true; }
  if (name == "__bases__") {
    ValueVec v;
    for (auto& b : c->bases) v.push_back(Value::obj(b.get()));
    out = mk_tuple(std::move(v));
    return true;
  }
  if (name == "__dict__") { out = Value::obj(c->dict.get()); return true; }
  if (name == "__class__") { out = Value::obj(c->type); return true; }
  if (name == "__doc__") { out = Value(); return true; }
  if (name == "__module__") { out = mk_str(c->builtin ? "builtins" : "__main__"); return true; }
  if (c == I->t_object && object_protocol_attr(name, out)) return true;
  return c->type != I->t_type && metaclass_getattr(obj, name, out);
}

// A function's attributes: __name__, __qualname__, __doc__, __module__, __dict__, __defaults__, ...; false when it has none of that name.
static bool function_getattr(const Value& obj, std::string_view name, Value& out) {
  auto* f = obj.as<FuncObj>();
  if (name == "__name__") { out = mk_str(f->name); return true; }
  if (name == "__qualname__") { out = mk_str(f->qualname); return true; }
  if (name == "__doc__") { out = f->doc; return true; }
  if (name == "__module__") {
    Value* mod = f->globals ? f->globals->find(str_key("__name__")) : nullptr;
    out = mod ? *mod : mk_str("__main__");
    return true;
  }
  if (f->attrs) if (Value* v = f->attrs->find(str_key(name))) { out = *v; return true; }
  if (name == "__dict__") { if (!f->attrs) f->attrs = Ref<DictObj>(new DictObj()); out = Value::obj(f->attrs.get()); return true; }
  if (name == "__annotations__") {  // made empty on first use, as in Python
    if (!f->attrs) f->attrs = Ref<DictObj>(new DictObj());
    out = mk_dict();
    f->attrs->set(str_key(name), out);
    return true;
  }
  if (name == "__defaults__") { out = f->defaults.empty() ? Value() : mk_tuple(f->defaults); return true; }
  if (name == "__kwdefaults__") { out = f->kwdefaults ? Value::obj(f->kwdefaults.get()) : Value(); return true; }
  if (name == "__globals__") { out = Value::obj(f->globals.get()); return true; }
  if (name == "__code__") { out = function_code(f); return true; }
  return false;
}

bool getattr_opt(const Value& obj, std::string_view name, Value& out) {
  if (obj.is(OK::Super)) return super_getattr(obj, name, out);
  ClassObj* t = type_of(obj);
  bool inst = obj.is(OK::Inst);
  if (inst || (obj.t == VT::Obj && !t->builtin && obj.o->kind != OK::Class)) {
    const Value* ta = t->find(name);
    if (ta && ta->is(OK::Property)) { out = bind(*ta, obj); return true; }
    // A descriptor (an instance whose class defines __get__: cached_property, a user
    // property-like class): a data descriptor (with __set__/__delete__) wins over the instance
    // dict, a non-data one only when the instance has no such attribute.
    if (ta && ta->is(OK::Inst)) {
      ClassObj* dt = ta->o->type;
      const Value* g = dt->find("__get__");
      if (g && g->is(OK::Func)) {
        bool data = dt->find("__set__") || dt->find("__delete__");
        if (data || !obj.is(OK::Inst) || !obj.as<InstObj>()->find_attr(name, str_hash_sv(name))) {
          Value args[3] = {*ta, obj, Value::obj(t)};
          Value fn = *g;
          out = call(fn, args, 3);
          return true;
        }
      }
    }
    if (inst) {
      if (Value* iv = obj.as<InstObj>()->find_attr(name, str_hash_sv(name))) { out = *iv; return true; }
    } else if (DictObj* xd = extra_dict(obj.o, false)) {
      if (Value* iv = xd->find_str(name, str_hash_sv(name))) { out = *iv; return true; }
    }
    if (ta) { out = bind(*ta, obj); return true; }
    if (name == "__class__") { out = Value::obj(t); return true; }
    if (name == "__doc__") { out = Value(); return true; }  // a class without a docstring
    if (name == "__dict__" && !t->slotted) {
      out = Value::obj(inst ? obj.as<InstObj>()->dict() : extra_dict(obj.o, true));
      return true;
    }
    if (t->is_exception) {
      const ExcState* es = obj.as<InstObj>()->exc_state();  // null: never raised or chained
      if (name == "__cause__") { out = es ? es->cause : Value(); return true; }
      if (name == "__context__") { out = es ? es->context : Value(); return true; }
      if (name == "__suppress_context__") { out = Value::boolean(es && es->suppress_context); return true; }
      if (name == "__traceback__") { out = exception_traceback(obj); return true; }
      // OSError(errno, strerror, filename): the arguments by name (None when not given)
      if ((name == "errno" || name == "strerror" || name == "filename" || name == "filename2") &&
          t->is_subclass(I->e("OSError"))) {
        Value* args = obj.as<InstObj>()->find_attr("args", hash_value(str_key("args")));
        size_t i = name == "errno" ? 0 : name == "strerror" ? 1 : name == "filename" ? 2 : 4;
        const ValueVec* v = args && args->is(OK::Tuple) ? &args->as<TupleObj>()->v : nullptr;
        out = v && v->size() >= 2 && v->size() <= 5 && i < v->size() ? (*v)[i] : Value();
        return true;
      }
      // SystemExit.code: the exit status or message (None without arguments, the tuple with several)
      if (name == "code" && t->is_subclass(I->e("SystemExit"))) {
        Value* args = obj.as<InstObj>()->find_attr("args", str_hash_sv("args"));
        const ValueVec* v = args && args->is(OK::Tuple) ? &args->as<TupleObj>()->v : nullptr;
        out = !v || v->empty() ? Value() : v->size() == 1 ? (*v)[0] : *args;
        return true;
      }
      // StopIteration.value: what the generator returned (its first argument)
      if (name == "value" && t->is_subclass(I->e("StopIteration"))) {
        Value* args = obj.as<InstObj>()->find_attr("args", str_hash_sv("args"));
        out = args && args->is(OK::Tuple) && !args->as<TupleObj>()->v.empty() ? args->as<TupleObj>()->v[0] : Value();
        return true;
      }
    }
    if (const Value* ga = t->find("__getattr__"); ga && name != "__getattr__") {
      out = call2(*ga, obj, mk_str(std::string(name)));
      return true;
    }
    if (inst) {
      if (!object_protocol_attr(name, out)) return false;  // object's own __eq__, __hash__...
      out = Value::obj(new BoundObj(obj, out));
      return true;
    }
  }
  if (obj.t == VT::Obj) {
    switch (obj.o->kind) {
      case OK::Class: return class_getattr(obj, name, out);
      case OK::Module: {
        auto* m = obj.as<ModuleObj>();
        if (Value* v = m->dict->find_str(name, str_hash_sv(name))) { out = *v; return true; }
        if (name == "__name__") { out = mk_str(m->name); return true; }
        if (name == "__dict__") { out = Value::obj(m->dict.get()); return true; }
        // A module-level __getattr__(name) answers the names the module lacks (PEP 562); its
        // AttributeError means "no such attribute", so hasattr and `from m import x` see a miss.
        if (Value* ga = m->dict->find_str("__getattr__", str_hash_sv("__getattr__")); ga && name != "__getattr__") {
          Value f = *ga;
          try {
            out = call1(f, mk_str(std::string(name)));
          } catch (PyError& e) {
            if (!type_of(e.exc)->is_subclass(I->e("AttributeError"))) throw;
            return false;
          }
          return true;
        }
        return false;
      }
      case OK::Func:
        if (function_getattr(obj, name, out)) return true;
        break;
      case OK::Native:
        if (name == "__name__") { out = mk_str(obj.as<NativeObj>()->name); return true; }
        break;
      case OK::Bound:
        if (name == "__self__") { out = obj.as<BoundObj>()->self; return true; }
        if (name == "__func__") { out = obj.as<BoundObj>()->func; return true; }
        // a method reads the rest of its attributes from its function
        if (name != "__class__" && getattr_opt(obj.as<BoundObj>()->func, name, out)) return true;
        break;
      case OK::Property:
        if (name == "fget") { out = obj.as<PropertyObj>()->fget; return true; }
        break;
      case OK::Slice:
        if (name == "start") { out = obj.as<SliceObj>()->start; return true; }
        if (name == "stop") { out = obj.as<SliceObj>()->stop; return true; }
        if (name == "step") { out = obj.as<SliceObj>()->step; return true; }
        break;
      case OK::Range:
        if (name == "start") { out = Value::integer(obj.as<RangeObj>()->start); return true; }
        if (name == "stop") { out = Value::integer(obj.as<RangeObj>()->stop); return true; }
        if (name == "step") { out = Value::integer(obj.as<RangeObj>()->step); return true; }
        break;
      case OK::Gen: case OK::Coro: {
        // generator, async generator and coroutine objects name their function
        const FuncObj* f = obj.is(OK::Gen) ? obj.as<GenObj>()->func.get() : obj.as<CoroObj>()->func.get();
        if (f && name == "__name__") { out = mk_str(f->name); return true; }
        if (f && name == "__qualname__") { out = mk_str(f->qualname); return true; }
        if (name == "gi_running" || name == "ag_running" || name == "cr_running") {
          const Value& drv = obj.is(OK::Coro) ? obj.as<CoroObj>()->driver : obj;
          out = Value::boolean(drv.is(OK::Gen) && drv.as<GenObj>()->running);
          return true;
        }
        break;
      }
      case OK::File:
        if (name == "closed") { out = Value::boolean(obj.as<FileObj>()->closed); return true; }
        if (name == "name") { out = mk_str(obj.as<FileObj>()->path); return true; }
        if (name == "mode") { out = mk_str(obj.as<FileObj>()->mode); return true; }
        break;
      default: break;
    }
  }
  if (name == "__class__") { out = Value::obj(t); return true; }
  if (name == "__doc__") { out = Value(); return true; }  // builtin values carry no docstrings here
  if (t == I->t_int || t == I->t_bool || t == I->t_float) {
    if (name == "real") { out = obj.t == VT::Bool ? Value::integer(obj.b) : obj; return true; }
    if (name == "imag") { out = obj.t == VT::Float ? Value::flt(0) : Value::integer(0); return true; }
    if (name == "numerator" && t != I->t_float) { out = obj; return true; }
    if (name == "denominator" && t != I->t_float) { out = Value::integer(1); return true; }
  }
  if (const Value* ta = t->find(name)) { out = bind(*ta, obj); return true; }
  if (obj.is(OK::Big) && t != I->t_int && (name == "real" || name == "numerator")) {
    out = call1(Value::obj(I->t_int), obj);  // an int subclass's: the plain int, as in CPython
    return true;
  }
  if (obj.is(OK::Big) && t != I->t_int && (name == "imag" || name == "denominator")) {
    out = Value::integer(name == "imag" ? 0 : 1);
    return true;
  }
  if (!obj.is(OK::Inst) && builtin_dunder(obj, name, true, out)) return true;
  return false;
}

Value attribute_error(const Value& obj, std::string_view name) {
  std::string m;
  if (obj.is(OK::Module))
    m = msg("runtime.module_no_attribute", {{"module", obj.as<ModuleObj>()->name}, {"name", std::string(name)}});
  else if (obj.is(OK::Class))
    m = msg("runtime.type_no_attribute", {{"type", obj.as<ClassObj>()->name}, {"name", std::string(name)}});
  else
    m = msg("runtime.no_attribute", {{"type", type_name(obj)}, {"name", std::string(name)}});
  return make_exception(I->e("AttributeError"), ValueVec{mk_str(std::move(m))});
}

Value getattr(const Value& obj, std::string_view name) {
  Value out;
  if (getattr_opt(obj, name, out)) return out;
  throw PyError(attribute_error(obj, name));
}

// object.__setattr__: into the instance's dict (or the extra dict of a builtin subclass's
// object); a slotted class takes only its slots' names.
void store_attr(const Value& obj, std::string_view name, Value v) {
  ClassObj* t = obj.o->type;
  if (!t->allows_attr(name)) {
    if (t->find(name)) raise("AttributeError", "'" + t->name + "' object attribute '" + std::string(name) + "' is read-only");
    raise_id("AttributeError", "runtime.no_attribute", {{"type", t->name}, {"name", std::string(name)}});
  }
  if (obj.is(OK::Inst)) obj.as<InstObj>()->set_attr(name, std::move(v));
  else extra_dict(obj.o, true)->set(str_key(name), std::move(v));
}

void setattr(const Value& obj, std::string_view name, Value v) {
  if (obj.is(OK::Inst) || (obj.t == VT::Obj && !obj.o->type->builtin && obj.o->kind != OK::Class)) {
    ClassObj* t = obj.o->type;
    if (const Value* ta = t->find(name); ta && ta->is(OK::Property)) {
      auto* p = ta->as<PropertyObj>();
      if (p->fset.is_none()) raise_id("AttributeError", "runtime.cant_set_attribute", {{"name", std::string(name)}});
      call2(p->fset, obj, std::move(v));
      return;
    }
    if (const Value* ta = t->find(name); ta && ta->is(OK::Inst)) {  // data descriptor
      const Value* st = ta->o->type->find("__set__");
      if (st && st->is(OK::Func)) {
        Value args[3] = {*ta, obj, std::move(v)};
        Value fn = *st;
        call(fn, args, 3);
        return;
      }
    }
    if (const Value* sa = t->find("__setattr__"); sa && sa->is(OK::Func)) {
      Value args[3] = {obj, mk_str(std::string(name)), std::move(v)};
      call(*sa, args, 3);
      return;
    }
    store_attr(obj, name, std::move(v));
    return;
  }
  if (obj.is(OK::Class)) { obj.as<ClassObj>()->dict->set(str_key(name), std::move(v)); return; }
  if (obj.is(OK::Module)) { obj.as<ModuleObj>()->dict->set(str_key(name), std::move(v)); return; }
  if (obj.is(OK::Func)) {
    auto* f = obj.as<FuncObj>();
    if (name == "__name__") { f->name = to_str(v); return; }
    if (name == "__doc__") { f->doc = v; return; }
    if (name == "__qualname__") { f->qualname = to_str(v); return; }
    if (!f->attrs) f->attrs = Ref<DictObj>(new DictObj());
    f->attrs->set(str_key(name), std::move(v));
    return;
  }
  raise_id("AttributeError", "runtime.no_attribute", {{"type", type_name(obj)}, {"name", std::string(name)}});
}

void delattr(const Value& obj, std::string_view name) {
  if (obj.is(OK::Inst)) {
    if (const Value* da = obj.o->type->find("__delattr__"); da && da->is(OK::Func)) {
      call2(*da, obj, mk_str(std::string(name)));
      return;
    }
    if (obj.as<InstObj>()->del_attr(name)) return;
  } else if (obj.t == VT::Obj && obj.o->has_extra) {
    if (extra_dict(obj.o, false)->erase(str_key(name))) return;
  } else if (obj.is(OK::Class)) {
    if (obj.as<ClassObj>()->dict->erase(str_key(name))) return;
  } else if (obj.is(OK::Module)) {
    if (obj.as<ModuleObj>()->dict->erase(str_key(name))) return;
  }
  raise_id("AttributeError", "runtime.no_attribute", {{"type", type_name(obj)}, {"name", std::string(name)}});
}

bool lookup_method(const Value& obj, std::string_view name, Value& func, bool& self_needed) {
  if (obj.t == VT::Obj && (obj.o->kind == OK::Module || obj.o->kind == OK::Class || obj.o->kind == OK::Super)) {
    func = getattr(obj, name);
    self_needed = false;
    return true;
  }
  ClassObj* t = type_of(obj);
  const Value* ta = t->find(name);
  if (ta) {
    if ((ta->is(OK::Func) || ta->is(OK::Native)) &&
        !(obj.is(OK::Inst) && obj.as<InstObj>()->attr_count() && obj.as<InstObj>()->find_attr(name, str_hash_sv(name)))) {
      func = *ta;
      self_needed = true;
      return true;
    }
  }
  func = getattr(obj, name);
  self_needed = false;
  return true;
}

const Value* type_lookup(const Value& obj, std::string_view name) { return type_of(obj)->find(name); }

}  // namespace ml::interp
