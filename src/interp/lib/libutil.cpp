// Helpers shared by the library modules written in C++ (libutil.h).
#include "interp/lib/libutil.h"

namespace ml::interp {

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
