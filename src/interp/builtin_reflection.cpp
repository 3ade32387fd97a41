// Builtins that look at or change objects and namespaces: isinstance/issubclass, getattr and
// friends, vars, dir, eval/exec, globals/locals, exit.
#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <iostream>

#include "interp/builtins_impl.h"
#include "interp/code.h"

namespace ml::interp {


// compile(), eval() and exec().
static void register_code_execution(DictObj* b, ClassObj* t_object) {
  auto fn = [&](const std::string& name, NativeFn f) { def_native(b, name, std::move(f)); };

  // compile(source, filename, mode): a code object for exec/eval. The source is parsed here, so
  // that compile() raises its SyntaxError; exec and eval run it from its text.
  ClassObj* t_code = mk_type("code", t_object);
  fn("compile", [t_code](Interp&, Value* a, int n, KwArgs* kw) -> Value {
    check_keywords("compile", kw, {"source", "filename", "mode", "flags", "dont_inherit", "optimize"});
    check_args("compile", n, 0, 6);
    Value src = n > 0 ? a[0] : kw_get(kw, "source");
    Value file = n > 1 ? a[1] : kw_get(kw, "filename");
    Value mode = n > 2 ? a[2] : kw_get(kw, "mode");
    if (src.is(OK::Bytes)) src = mk_str(src.as<BytesObj>()->s);
    if (!src.is(OK::Str)) raise_id("TypeError", "runtime.compile_source_type");
    std::string m = mode.is(OK::Str) ? str_of(mode) : "";
    if (m != "exec" && m != "eval" && m != "single") raise_id("ValueError", "runtime.compile_mode");
    check_source(str_of(src), m == "eval");
    Value code = make_instance(t_code);
    InstObj* c = code.as<InstObj>();
    c->set_attr("co_filename", file.is(OK::Str) ? file : mk_str("<string>"));
    c->set_attr("co_name", mk_str("<module>"));
    c->set_attr("co_source", src);
    c->set_attr("co_mode", mode);
    return code;
  });
  // eval/exec: with globals (and locals, merged into a namespace of their own whose new and
  // changed names go back to locals); without, in the caller's module globals.
  for (bool ev : {true, false}) {
    fn(ev ? "eval" : "exec", [ev, t_code](Interp& in, Value* a, int n, KwArgs* kw) -> Value {
      check_args(ev ? "eval" : "exec", n, 1, 3);
      Value text = a[0];
      if (text.is(OK::Inst) && text.o->type == t_code)
        if (Value* s = text.as<InstObj>()->find_attr("co_source")) text = *s;
      if (text.is(OK::Bytes)) text = mk_str(text.as<BytesObj>()->s);
      if (!text.is(OK::Str)) type_error(std::string(ev ? "eval" : "exec") + "() arg 1 must be a string, bytes or code object");
      Value g = n > 1 ? a[1] : kw_find(kw, "globals") ? *kw_find(kw, "globals") : Value();
      Value l = n > 2 ? a[2] : kw_find(kw, "locals") ? *kw_find(kw, "locals") : Value();
      if (!g.is_none() && !g.is(OK::Dict)) type_error("globals must be a dict");
      DictObj* gd = g.is(OK::Dict) ? g.as<DictObj>() : in.caller_globals ? in.caller_globals : in.globals.get();
      std::string src = str_of(text);
      if (ev) {  // leading blanks are allowed in eval, as in Python
        size_t b = src.find_first_not_of(" \t");
        src = b == std::string::npos ? "" : src.substr(b);
      }
      if (l.is_none() || (l.is(OK::Dict) && l.o == gd)) return exec_source(src, gd, ev);
      Value ns = mk_dict();
      DictObj* nd = ns.as<DictObj>();
      gd->for_each([&](const Value& k, const Value& v) { nd->set(k, v); });
      for_each(l, [&](const Value& k) { nd->set(k, getitem(l, k)); });
      Value r = exec_source(src, nd, ev);
      nd->for_each([&](const Value& k, const Value& v) {
        Value* old = gd->find(k);
        if (k.is(OK::Str) && str_of(k) == "__builtins__") return;  // exec's own, not the program's
        if (!old || !old->same(v)) setitem(l, k, v);
      });
      return r;
    });
  }
  fn("globals", [](Interp& in, Value*, int, KwArgs* kw) -> Value {
    check_keywords("globals", kw, {});
    return Value::obj(in.caller_globals ? in.caller_globals : in.globals.get());
  });
  fn("dir", [](Interp& in, Value* a, int n, KwArgs* kw) -> Value { check_keywords("dir", kw, {});
    ValueVec names;
    auto add_dict = [&](DictObj* d) { d->for_each([&](const Value& k, const Value&) { if (k.is(OK::Str)) names.push_back(k); }); };
    if (n == 0) add_dict(in.caller_globals ? in.caller_globals : in.globals.get());
    else if (a[0].is(OK::Module)) add_dict(a[0].as<ModuleObj>()->dict.get());
    else {
      if (a[0].is(OK::Inst)) add_dict(a[0].as<InstObj>()->dict());
      ClassObj* t = a[0].is(OK::Class) ? a[0].as<ClassObj>() : type_of(a[0]);
      for (ClassObj* c : t->mro) add_dict(c->dict.get());
    }
    sort_values(names, Value(), false);
    ValueVec uniq;
    for (auto& x : names) if (uniq.empty() || !eq(uniq.back(), x)) uniq.push_back(x);
    return mk_list(std::move(uniq));
  });
  fn("exit", [](Interp&, Value* a, int n, KwArgs* kw) -> Value { check_keywords("exit", kw, {});
    throw PyError(make_exception(I->e("SystemExit"), n ? ValueVec{a[0]} : ValueVec{}));
  });
  b->set(str_key("quit"), *b->find(str_key("exit")));
  fn("locals", [](Interp& in, Value*, int, KwArgs* kw) -> Value {
    check_keywords("locals", kw, {});
    return Value::obj(in.caller_globals ? in.caller_globals : in.globals.get());
  });
}

void Interp::init_builtin_reflection(DictObj* b) {
  auto fn = [&](const std::string& name, NativeFn f) { def_native(b, name, std::move(f)); };

  // Abstract base classes (collections.abc, abc.ABC) decide membership through their
  // __subclasshook__ classmethod: True, False, or NotImplemented (= no opinion).
  auto subclass_of = [](ClassObj* sub, ClassObj* cls) -> bool {
    if (sub->is_subclass(cls)) return true;
    if (!cls->find("__subclasshook__")) return false;
    Value r = call1(getattr(Value::obj(cls), "__subclasshook__"), Value::obj(sub));
    return r.t == VT::Bool && truthy(r);
  };
  fn("isinstance", [subclass_of](Interp&, Value* a, int n, KwArgs* kw) -> Value { check_keywords("isinstance", kw, {});
    check_args("isinstance", n, 2, 2);
    std::function<bool(const Value&)> test = [&](const Value& c) -> bool {
      if (c.is(OK::Tuple)) {
        for (auto& x : c.as<TupleObj>()->v) if (test(x)) return true;
        return false;
      }
      if (!c.is(OK::Class)) {
        Value check;  // typing's aliases (typing.Sequence) answer through __instancecheck__
        if (getattr_opt(c, "__instancecheck__", check)) return truthy(call1(check, a[0]));
        raise_id("TypeError", "runtime.isinstance_arg");
      }
      if (type_of(a[0]) == c.o) return true;
      if (const Value* m = meta_special(c, "__instancecheck__")) return truthy(call2(*m, c, a[0]));
      return subclass_of(type_of(a[0]), c.as<ClassObj>());
    };
    return Value::boolean(test(a[1]));
  });
  fn("issubclass", [subclass_of](Interp&, Value* a, int n, KwArgs* kw) -> Value { check_keywords("issubclass", kw, {});
    check_args("issubclass", n, 2, 2);
    if (!a[0].is(OK::Class)) raise_id("TypeError", "runtime.issubclass_first");
    std::function<bool(const Value&)> test = [&](const Value& c) -> bool {
      if (c.is(OK::Tuple)) {
        for (auto& x : c.as<TupleObj>()->v) if (test(x)) return true;
        return false;
      }
      if (!c.is(OK::Class)) {
        Value check;
        if (getattr_opt(c, "__subclasscheck__", check)) return truthy(call1(check, a[0]));
        raise_id("TypeError", "runtime.issubclass_second");
      }
      if (const Value* m = meta_special(c, "__subclasscheck__")) return truthy(call2(*m, c, a[0]));
      return subclass_of(a[0].as<ClassObj>(), c.as<ClassObj>());
    };
    return Value::boolean(test(a[1]));
  });
  fn("getattr", [](Interp&, Value* a, int n, KwArgs* kw) -> Value { check_keywords("getattr", kw, {});
    check_args("getattr", n, 2, 3);
    if (!a[1].is(OK::Str)) raise_id("TypeError", "runtime.attribute_name_str");
    if (n == 3) {
      Value out;
      try {
        if (getattr_opt(a[0], str_of(a[1]), out)) return out;
      } catch (PyError& e) {
        if (!type_of(e.exc)->is_subclass(I->e("AttributeError"))) throw;
      }
      return a[2];
    }
    return getattr(a[0], str_of(a[1]));
  });
  fn("setattr", [](Interp&, Value* a, int n, KwArgs* kw) -> Value { check_keywords("setattr", kw, {});
    check_args("setattr", n, 3, 3);
    setattr(a[0], str_of(a[1]), a[2]);
    return Value();
  });
  fn("delattr", [](Interp&, Value* a, int n, KwArgs* kw) -> Value { check_keywords("delattr", kw, {});
    check_args("delattr", n, 2, 2);
    delattr(a[0], str_of(a[1]));
    return Value();
  });
  fn("hasattr", [](Interp&, Value* a, int n, KwArgs* kw) -> Value { check_keywords("hasattr", kw, {});
    check_args("hasattr", n, 2, 2);
    Value out;
    try {
      return Value::boolean(getattr_opt(a[0], str_of(a[1]), out));
    } catch (PyError& e) {
      if (type_of(e.exc)->is_subclass(I->e("AttributeError"))) return Value::boolean(false);
      throw;
    }
  });
  fn("format", [](Interp&, Value* a, int n, KwArgs* kw) -> Value { check_keywords("format", kw, {});
    check_args("format", n, 1, 2);
    return format_value(a[0], n > 1 ? str_of(a[1]) : "");
  });
  fn("vars", [](Interp&, Value* a, int n, KwArgs* kw) -> Value { check_keywords("vars", kw, {});
    check_args("vars", n, 1, 1);
    return getattr(a[0], "__dict__");
  });
  register_code_execution(b, t_object);
}

}  // namespace ml::interp
