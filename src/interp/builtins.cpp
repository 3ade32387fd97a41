// The builtins module and the interpreter's start: helpers the builtins share, super(), the
// type objects and the exception hierarchy.
#include <sys/mman.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <iostream>

#include "interp/builtins_impl.h"
#include "interp/code.h"
#include "support/os_error.h"

namespace ml::interp {

void check_output(std::ostream& out) {
  if (out.good()) return;
  int err = errno ? errno : EIO;
  out.clear();
  raise_errno(err);
}

std::string errno_text(int err) {
  if (const char* name = errno_name(err)) return msg(std::string("errno.") + name);
  return std::strerror(err);
}

void raise_errno(int err, const std::string* path) {
  const char* cls = err == ENOENT ? "FileNotFoundError" : err == EEXIST ? "FileExistsError"
                    : err == EACCES || err == EPERM ? "PermissionError" : err == ENOTDIR ? "NotADirectoryError"
                    : err == EISDIR ? "IsADirectoryError" : err == ETIMEDOUT ? "TimeoutError"
                    : err == EAGAIN || err == EALREADY || err == EINPROGRESS ? "BlockingIOError"
                    : err == EINTR ? "InterruptedError" : err == EPIPE || err == ESHUTDOWN ? "BrokenPipeError"
                    : err == ECONNABORTED ? "ConnectionAbortedError" : err == ECONNREFUSED ? "ConnectionRefusedError"
                    : err == ECONNRESET ? "ConnectionResetError" : err == ECHILD ? "ChildProcessError"
                    : err == ESRCH ? "ProcessLookupError" : "OSError";
  ValueVec args{Value::integer(err), mk_str(errno_text(err))};
  if (path) args.push_back(mk_str(*path));
  throw PyError(make_exception(I->e(cls), std::move(args)));
}

Value make_class(const std::string& name, ValueVec bases, Ref<DictObj> ns);

// ---------------------------------------------------------------- helpers
void def_native(DictObj* d, const std::string& name, NativeFn fn) {
  d->set(str_key(name), Value::obj(new NativeObj(name, std::move(fn))));
}
void def_natives(DictObj* d, std::span<const NamedBuiltin> table) {
  for (const NamedBuiltin& f : table) def_native(d, f.name, f.fn);
}
void def_method(ClassObj* c, const std::string& name, NativeFn fn) {
  c->dict->set(str_key(name), Value::obj(new NativeObj(c->name + "." + name, std::move(fn))));
}
const Value* kw_find(KwArgs* kw, std::string_view name) {
  if (!kw) return nullptr;
  for (auto& [k, v] : kw->items)
    if (str_of(k) == name) return &v;
  return nullptr;
}
Value kw_get(KwArgs* kw, std::string_view name) {
  const Value* v = kw_find(kw, name);
  return v ? *v : Value();
}
void wrong_arg_count(std::string_view fname, int nargs, int min, int max) {
  std::string exp = min == max ? std::to_string(min) : (max < 0 ? msg("runtime.arg_at_least", {{"min", std::to_string(min)}}) : msg("runtime.arg_range", {{"min", std::to_string(min)}, {"max", std::to_string(max)}}));
  raise_id("TypeError", "runtime.wrong_arg_count", {{"name", std::string(fname)}, {"expected", exp}, {"given", std::to_string(nargs)}});
}
// Builtins reject keyword arguments they do not take, as Python does, rather than ignore them.
void check_keyword_names(std::string_view fname, KwArgs* kw, std::initializer_list<std::string_view> allowed, const char* id) {
  for (auto& [k, v] : kw->items) {
    std::string_view name = str_of(k);
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end())
      raise_id("TypeError", id, {{"name", std::string(fname)}, {"arg", std::string(name)}});
  }
}
void check_no_kw(std::string_view fname, KwArgs* kw) {
  if (kw && !kw->empty()) raise_id("TypeError", "runtime.takes_no_keywords", {{"name", std::string(fname)}});
}

ClassObj* mk_type(const std::string& name, ClassObj* base) {
  auto* c = new ClassObj(name);
  incref(c);
  c->builtin = true;
  c->mro.push_back(c);
  if (base) {
    c->bases.emplace_back(base);
    for (ClassObj* m : base->mro) c->mro.push_back(m);
  }
  return c;
}

// ---------------------------------------------------------------- super

// object's own __hash__, __eq__, __ne__, __repr__, __str__ and __format__, as read from the class
// object (object.__hash__(x)) or through super(): they are not in object's dict, where they
// would shadow the protocol's defaults for builtin instances (objects.cpp looks those up first).
bool object_protocol_attr(std::string_view name, Value& out) {
  static Ref<DictObj> d;
  if (!d) {
    d = Ref<DictObj>(new DictObj());
    def_native(d.get(), "__hash__", [](Interp&, Value* a, int n, KwArgs*) -> Value {
      check_args("__hash__", n, 1, 1);
      if (!a[0].is_obj()) return Value::integer(hash_value(a[0]));
      return Value::integer((int64_t)(((uintptr_t)a[0].o >> 4) & 0x3FFFFFFFFFFFFFFFULL));
    });
    def_native(d.get(), "__eq__", [](Interp&, Value* a, int n, KwArgs*) -> Value {
      check_args("__eq__", n, 2, 2);
      return a[0].same(a[1]) ? Value::boolean(true) : I->not_impl;
    });
    def_native(d.get(), "__ne__", [](Interp&, Value* a, int n, KwArgs*) -> Value {
      check_args("__ne__", n, 2, 2);
      return a[0].same(a[1]) ? Value::boolean(false) : I->not_impl;
    });
    def_native(d.get(), "__repr__", [](Interp&, Value* a, int n, KwArgs*) -> Value {
      check_args("__repr__", n, 1, 1);
      if (!a[0].is(OK::Inst)) return mk_str(repr(a[0]));
      char buf[64];
      std::snprintf(buf, sizeof buf, " object at %p>", (void*)a[0].o);
      Value mod;
      std::string m = getattr_opt(Value::obj(a[0].o->type), "__module__", mod) && mod.is(OK::Str) ? str_of(mod) : "__main__";
      return mk_str("<" + (m == "builtins" ? "" : m + ".") + a[0].o->type->name + buf);
    });
    def_native(d.get(), "__str__", [](Interp&, Value* a, int n, KwArgs*) -> Value {
      check_args("__str__", n, 1, 1);
      return mk_str(repr(a[0]));
    });
    def_native(d.get(), "__format__", [](Interp&, Value* a, int n, KwArgs*) -> Value {
      check_args("__format__", n, 2, 2);
      if (a[1].is(OK::Str) && !str_of(a[1]).empty())
        type_error("unsupported format string passed to " + type_name(a[0]) + ".__format__");
      return mk_str(to_str(a[0]));
    });
  }
  if (Value* v = d->find_str(name, str_hash_sv(name))) { out = *v; return true; }
  return false;
}

bool super_getattr(const Value& sup, std::string_view name, Value& out) {
  auto* s = sup.as<SuperObj>();
  // A class is looked at as a class (classmethods, __new__) when it derives from `start`; else
  // as an instance of its metaclass (super() inside a metaclass's methods).
  bool as_class = s->self.is(OK::Class) && s->self.as<ClassObj>()->is_subclass(s->start);
  ClassObj* t = as_class ? s->self.as<ClassObj>() : type_of(s->self);
  auto& mro = t->mro;
  auto it = std::find(mro.begin(), mro.end(), s->start);
  if (it == mro.end()) raise_id("TypeError", "runtime.super_not_instance");
  for (++it; it != mro.end(); ++it) {
    if (Value* v = (*it)->dict->find(str_key(name))) {
      if (v->is(OK::Func) || v->is(OK::Native)) {
        if (as_class) out = *v;
        else out = Value::obj(new BoundObj(s->self, *v));
      } else if (v->is(OK::ClassMethod)) {
        out = Value::obj(new BoundObj(as_class ? s->self : Value::obj(t), v->as<WrapperObj>()->func));
      } else if (v->is(OK::StaticMethod)) {
        out = v->as<WrapperObj>()->func;
      } else if (v->is(OK::Property)) {
        out = call1(v->as<PropertyObj>()->fget, s->self);
      } else {
        out = *v;
      }
      return true;
    }
  }
  if (!as_class && object_protocol_attr(name, out)) {
    out = Value::obj(new BoundObj(s->self, out));
    return true;
  }
  return false;
}

// ---------------------------------------------------------------- the builtins
void Interp::init_builtins() {
  DictObj* b = builtins.get();
  init_builtin_functions(b);
  init_builtin_reflection(b);
  init_builtin_types(b);
  b->set(str_key("NotImplemented"), not_impl);
  b->set(str_key("Ellipsis"), ellipsis);
  b->set(str_key("__name__"), mk_str("__main__"));
}

// ---------------------------------------------------------------- interpreter state
Interp::Interp() {
  I = this;
  t_type = nullptr;
  t_object = mk_type("object", nullptr);
  t_type = mk_type("type", t_object);
  t_type->type = t_type;
  t_object->type = t_type;
  t_none = mk_type("NoneType", t_object);
  t_int = mk_type("int", t_object);
  t_bool = mk_type("bool", t_int);
  t_float = mk_type("float", t_object);
  t_str = mk_type("str", t_object);
  t_list = mk_type("list", t_object);
  t_tuple = mk_type("tuple", t_object);
  t_dict = mk_type("dict", t_object);
  for (ClassObj* c : {t_object, t_type, t_none, t_int, t_bool, t_float, t_str, t_list, t_tuple, t_dict}) c->dict->type = t_dict;
  t_set = mk_type("set", t_object);
  t_frozenset = mk_type("frozenset", t_object);
  t_bytes = mk_type("bytes", t_object);
  t_function = mk_type("function", t_object);
  t_builtin = mk_type("builtin_function_or_method", t_object);
  t_method = mk_type("method", t_object);
  t_module = mk_type("module", t_object);
  t_cell = mk_type("cell", t_object);
  t_generator = mk_type("generator", t_object);
  t_range = mk_type("range", t_object);
  t_iterator = mk_type("iterator", t_object);
  t_slice = mk_type("slice", t_object);
  t_file = mk_type("TextIOWrapper", t_object);
  t_property = mk_type("property", t_object);
  t_staticmethod = mk_type("staticmethod", t_object);
  t_classmethod = mk_type("classmethod", t_object);
  t_coroutine = mk_type("coroutine", t_object);
  t_async_generator = mk_type("async_generator", t_object);
  t_super = mk_type("super", t_object);
  t_ellipsis = mk_type("ellipsis", t_object);
  t_dict_keys = mk_type("dict_keys", t_object);
  t_dict_values = mk_type("dict_values", t_object);
  t_dict_items = mk_type("dict_items", t_object);
  // the dicts of the types created before `type` existed
  for (int c = 0; c < 128; ++c) small_strs[c] = Value::obj(new StrObj(std::string(1, (char)c)));
  ellipsis = Value::obj(new InstObj(t_ellipsis));
  ClassObj* t_ni = mk_type("NotImplementedType", t_object);
  not_impl = Value::obj(new InstObj(t_ni));
  empty_tuple = Value::obj(new TupleObj());

  // exception hierarchy
  auto ex = [&](const std::string& name, const std::string& base) {
    ClassObj* c = mk_type(name, base.empty() ? t_object : exc[base]);
    c->is_exception = true;
    exc[name] = c;
  };
  ex("BaseException", "");
  ex("SystemExit", "BaseException");
  ex("KeyboardInterrupt", "BaseException");
  ex("GeneratorExit", "BaseException");
  ex("Exception", "BaseException");
  ex("ArithmeticError", "Exception");
  ex("ZeroDivisionError", "ArithmeticError");
  ex("OverflowError", "ArithmeticError");
  ex("FloatingPointError", "ArithmeticError");
  ex("AssertionError", "Exception");
  ex("AttributeError", "Exception");
  ex("BufferError", "Exception");
  ex("ReferenceError", "Exception");
  ex("EOFError", "Exception");
  ex("ImportError", "Exception");
  ex("ModuleNotFoundError", "ImportError");
  ex("LookupError", "Exception");
  ex("IndexError", "LookupError");
  ex("KeyError", "LookupError");
  ex("MemoryError", "Exception");
  ex("NameError", "Exception");
  ex("UnboundLocalError", "NameError");
  ex("OSError", "Exception");
  ex("FileNotFoundError", "OSError");
  ex("FileExistsError", "OSError");
  ex("PermissionError", "OSError");
  ex("IsADirectoryError", "OSError");
  ex("NotADirectoryError", "OSError");
  ex("ChildProcessError", "OSError");
  ex("ProcessLookupError", "OSError");
  ex("TimeoutError", "OSError");
  ex("BlockingIOError", "OSError");
  ex("InterruptedError", "OSError");
  ex("ConnectionError", "OSError");
  ex("BrokenPipeError", "ConnectionError");
  ex("ConnectionAbortedError", "ConnectionError");
  ex("ConnectionRefusedError", "ConnectionError");
  ex("ConnectionResetError", "ConnectionError");
  ex("RuntimeError", "Exception");
  ex("NotImplementedError", "RuntimeError");
  ex("RecursionError", "RuntimeError");
  ex("StopIteration", "Exception");
  ex("StopAsyncIteration", "Exception");
  ex("SyntaxError", "Exception");
  ex("IndentationError", "SyntaxError");
  ex("TypeError", "Exception");
  ex("ValueError", "Exception");
  ex("UnicodeError", "ValueError");
  ex("UnicodeDecodeError", "UnicodeError");
  ex("UnicodeEncodeError", "UnicodeError");
  ex("Warning", "Exception");
  ex("UserWarning", "Warning");
  ex("DeprecationWarning", "Warning");
  for (const char* w : {"PendingDeprecationWarning", "SyntaxWarning", "RuntimeWarning", "FutureWarning",
                        "ImportWarning", "UnicodeWarning", "BytesWarning", "ResourceWarning", "EncodingWarning"})
    ex(w, "Warning");
  exc["IOError"] = exc["OSError"];
  exc["EnvironmentError"] = exc["OSError"];

  builtins = Ref<DictObj>(new DictObj());
  globals = Ref<DictObj>(new DictObj());
  // Frame slots for deep recursion: 16 MiB of address space, committed by the kernel only as
  // frames reach it (new Value[] would write all of it at start-up). Zeroed memory is an array
  // of None values (VT::None == 0, payload 0).
  static_assert(int(VT::None) == 0);
  stack_cap = 1 << 20;
  void* mem = mmap(nullptr, stack_cap * sizeof(Value), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (mem == MAP_FAILED) throw std::bad_alloc();
  stack = static_cast<Value*>(mem);
  init_builtins();
  init_type_methods();
  init_modules();
  globals->set(str_key("__name__"), mk_str("__main__"));
  globals->set(str_key("__builtins__"), modules["builtins"]);  // the module in __main__, as in CPython
}

Interp::~Interp() {
  // Objects are intentionally not torn down one by one (cycles); the process owns the memory.
  if (I == this) I = nullptr;
  munmap(stack, stack_cap * sizeof(Value));  // frames have cleared their slots on the way out
}

}  // namespace ml::interp
