// Helpers shared by the library modules written in C++ (libutil.h).
#include "interp/lib/libutil.h"

namespace ml::interp {

std::string bytes_like(const Value& v) {
  if (v.is(OK::Bytes)) return v.as<BytesObj>()->s;
  Value f;
  if (v.is(OK::Inst) && (getattr_opt(v, "__bytes__", f) || getattr_opt(v, "tobytes", f))) {
    Value b = call0(f);
    if (b.is(OK::Bytes)) return b.as<BytesObj>()->s;
  }
  raise_id("TypeError", "runtime.bytes_like_required", {{"type", type_name(v)}});
}

void def_property(ClassObj* c, const std::string& name, NativeFn fget) {
  auto* p = new PropertyObj();
  p->fget = Value::obj(new NativeObj(c->name + "." + name, std::move(fget)));
  c->dict->set(str_key(name), Value::obj(p));
}

ClassObj* lib_class(const std::string& module, const std::string& name, ValueVec bases) {
  Ref<DictObj> ns(new DictObj());
  ns->set(str_key("__module__"), mk_str(module));
  ns->set(str_key("__qualname__"), mk_str(name));
  Value cv = make_class(name, std::move(bases), ns);
  auto* cls = cv.as<ClassObj>();
  incref(cls);
  return cls;
}

Value lib_module(const std::string& name) {
  auto* m = new ModuleObj(name);
  Value v = Value::obj(m);
  I->modules[name] = v;
  return v;
}

}  // namespace ml::interp
