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


// The namespace locals() shows for a frame: a class body's namespace, the module's globals, or
// for a function a new dict of its bound variables in CPython's order (co_varnames: positional
// then keyword-only parameters, *args, **kwargs, other locals; then cells; then free variables).
static Value frame_locals(Interp& in, Frame* fr) {
  DictObj* g = in.caller_globals ? in.caller_globals : in.globals.get();
  if (!fr) return Value::obj(g);
  if (fr->ns) return Value::obj(fr->ns);
  if (!fr->func || fr->func->code->is_module || !fr->slots) return Value::obj(g);
  const FuncCode* c = fr->func->code;
  std::vector<int> order;
  for (int i = 0; i < c->npos; ++i) order.push_back(i);
  int kw0 = c->npos + (c->vararg_slot >= 0 ? 1 : 0);
  for (int i = 0; i < c->nkwonly; ++i) order.push_back(kw0 + i);
  if (c->vararg_slot >= 0) order.push_back(c->vararg_slot);
  if (c->kwarg_slot >= 0) order.push_back(c->kwarg_slot);
  auto is_cell = [&](int i) { return std::find(c->cell_slots.begin(), c->cell_slots.end(), i) != c->cell_slots.end(); };
  for (int i = c->nparams; i < (int)c->slot_names.size(); ++i) if (!is_cell(i)) order.push_back(i);
  for (int i = c->nparams; i < (int)c->slot_names.size(); ++i) if (is_cell(i)) order.push_back(i);
  // As in CPython up to 3.12, each call in the same frame returns the same dict, brought up to
  // date: bound variables set, unbound ones removed, keys the program added itself kept.
  if (!fr->locals) fr->locals = Ref<DictObj>(new DictObj());
  DictObj* d = fr->locals.get();
  Value out = Value::obj(d);
  auto put = [&](const std::string& name, const Value* v) {
    if (name.empty() || name[0] == '.') return;
    Value key = mk_str(name);
    if (v) d->set(key, *v);
    else if (d->find(key)) d->erase(key);
  };
  for (int i : order) {
    if (i >= (int)c->slot_names.size()) continue;
    const Value& v = fr->slots[i];
    if (is_cell(i)) {
      const CellObj* cl = v.is(OK::Cell) ? v.as<CellObj>() : nullptr;
      put(c->slot_names[i], cl && cl->bound ? &cl->v : nullptr);
    } else {
      put(c->slot_names[i], v.t != VT::Undef ? &v : nullptr);
    }
  }
  for (size_t i = 0; i < c->freevars.size() && i < fr->func->closure.size(); ++i) {
    CellObj* cl = fr->func->closure[i].get();
    put(c->freevars[i], cl && cl->bound ? &cl->v : nullptr);
  }
  return out;
}

static ClassObj* g_code_type = nullptr;
std::string source_path(const SourceFile* src);  // frame_objects.cpp

// A frame's f_locals (frame_objects.cpp): a module's are its globals.
Value frame_locals_of(Frame* fr) {
  if (!fr->func && !fr->ns) return fr->globals ? Value::obj(fr->globals) : mk_dict();
  return frame_locals(*I, fr);
}

// The names of the `global` statements at the start of lines of exec'd source: with separate
// globals and locals, what the code assigns to them belongs in the globals.
static std::vector<std::string> global_names(const std::string& src) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < src.size()) {
    size_t end = src.find('\n', pos);
    if (end == std::string::npos) end = src.size();
    size_t i = src.find_first_not_of(" \t", pos);
    if (i < end && src.compare(i, 6, "global") == 0 && i + 6 < end && (src[i + 6] == ' ' || src[i + 6] == '\t')) {
      std::string name;
      for (size_t j = i + 7; j <= end; ++j) {
        char c = j < end ? src[j] : ',';
        if (c == ',' || c == ';' || c == '#') {
          if (!name.empty()) out.push_back(name);
          name.clear();
          if (c != ',') break;
        } else if (c != ' ' && c != '\t') {
          name += c;
        }
      }
    }
    pos = end + 1;
  }
  return out;
}

// f.__code__: what inspect and programs read of a function's code (names, counts, flags, where
// it was defined), made on each read.
Value function_code(const FuncObj* f) { return code_object(f->code); }

Value code_object(const FuncCode* c) {
  Value code = make_instance(g_code_type);
  InstObj* o = code.as<InstObj>();
  ValueVec varnames, cellvars, freevars;
  auto is_cell = [&](int i) { return std::find(c->cell_slots.begin(), c->cell_slots.end(), i) != c->cell_slots.end(); };
  for (int i = 0; i < (int)c->slot_names.size(); ++i) {
    const std::string& n = c->slot_names[i];
    if (!n.empty() && n[0] != '.' && (i < c->nparams || !is_cell(i))) varnames.push_back(mk_str(n));
  }
  // co_varnames lists keyword-only parameters before *args, as CPython does
  if (c->vararg_slot >= 0 && c->nkwonly > 0 && varnames.size() >= size_t(c->npos + 1 + c->nkwonly)) {
    Value va = varnames[c->npos];
    varnames.erase(varnames.begin() + c->npos);
    varnames.insert(varnames.begin() + c->npos + c->nkwonly, va);
  }
  for (int i : c->cell_slots)
    if (i < (int)c->slot_names.size()) cellvars.push_back(mk_str(c->slot_names[i]));
  for (const auto& n : c->freevars) freevars.push_back(mk_str(n));
  int flags = 0x3;  // CO_OPTIMIZED | CO_NEWLOCALS
  if (c->vararg_slot >= 0) flags |= 0x4;
  if (c->kwarg_slot >= 0) flags |= 0x8;
  if (c->freevars.empty() && c->cell_slots.empty()) flags |= 0x40;  // CO_NOFREE
  if (c->is_gen && c->is_async) flags |= 0x200;
  else if (c->is_gen) flags |= 0x20;
  else if (c->is_async) flags |= 0x80;
  o->set_attr("co_name", mk_str(c->name));
  o->set_attr("co_qualname", mk_str(c->qualname));
  o->set_attr("co_filename", mk_str(source_path(c->src)));
  o->set_attr("co_firstlineno", Value::integer(c->is_module ? 1 : c->loc.line));
  o->set_attr("co_argcount", Value::integer(c->npos));
  o->set_attr("co_posonlyargcount", Value::integer(c->nposonly));
  o->set_attr("co_kwonlyargcount", Value::integer(c->nkwonly));
  o->set_attr("co_nlocals", Value::integer((int64_t)varnames.size()));
  o->set_attr("co_varnames", mk_tuple(std::move(varnames)));
  o->set_attr("co_cellvars", mk_tuple(std::move(cellvars)));
  o->set_attr("co_freevars", mk_tuple(std::move(freevars)));
  o->set_attr("co_flags", Value::integer(flags));
  return code;
}

// compile(), eval() and exec().
static void register_code_execution(DictObj* b, ClassObj* t_object) {
  auto fn = [&](const std::string& name, NativeFn f) { def_native(b, name, std::move(f)); };

  // compile(source, filename, mode): a code object for exec/eval. The source is parsed here, so
  // that compile() raises its SyntaxError; exec and eval run it from its text.
  ClassObj* t_code = mk_type("code", t_object);
  g_code_type = t_code;
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
      // Without namespaces, code run from a function sees (a snapshot of) its locals, as in Python.
      if (g.is_none() && l.is_none() && in.caller_frame) {
        Value fl = frame_locals(in, in.caller_frame);
        if (!(fl.is(OK::Dict) && fl.o == gd)) l = fl;
      }
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
      std::vector<std::string> declared = global_names(src);
      nd->for_each([&](const Value& k, const Value& v) {
        Value* old = gd->find(k);
        if (k.is(OK::Str) && str_of(k) == "__builtins__") return;  // exec's own, not the program's
        if (old && old->same(v)) return;
        // a name the code declared `global` goes to the globals, the others to the locals
        bool global = k.is(OK::Str) && std::find(declared.begin(), declared.end(), str_of(k)) != declared.end();
        if (global) gd->set(k, v);
        else setitem(l, k, v);
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
    // (a builtin type's constructor, kept in its dict as __ctor__, is not an attribute)
    auto add_dict = [&](DictObj* d) {
      d->for_each([&](const Value& k, const Value&) { if (k.is(OK::Str) && str_of(k) != "__ctor__") names.push_back(k); });
    };
    if (n == 0) add_dict(frame_locals(in, in.caller_frame).as<DictObj>());
    else if (a[0].is(OK::Module)) add_dict(a[0].as<ModuleObj>()->dict.get());
    else {
      ClassObj* t = a[0].is(OK::Class) ? a[0].as<ClassObj>() : type_of(a[0]);
      // an instance whose class defines __dir__ lists what it returns, sorted
      if (const Value* d = a[0].is(OK::Class) ? nullptr : t->find("__dir__"); d && d->is(OK::Func)) {
        Value self = a[0];
        ValueVec listed = to_vec(call(*d, &self, 1, nullptr));
        sort_values(listed, Value(), false);
        return mk_list(std::move(listed));
      }
      if (a[0].is(OK::Inst)) add_dict(a[0].as<InstObj>()->dict());
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
  fn("locals", [](Interp& in, Value*, int n, KwArgs* kw) -> Value {
    check_keywords("locals", kw, {});
    check_args("locals", n, 0, 0);
    return frame_locals(in, in.caller_frame);
  });
  fn("vars", [](Interp& in, Value* a, int n, KwArgs* kw) -> Value { check_keywords("vars", kw, {});
    check_args("vars", n, 0, 1);
    if (n == 0) return frame_locals(in, in.caller_frame);
    Value d;
    if (!getattr_opt(a[0], "__dict__", d)) raise_id("TypeError", "runtime.vars_no_dict");
    return d;
  });
  // __import__(name, globals, locals, fromlist, level): what the import statement does, as a
  // function. Without a fromlist it returns the top-level package of a dotted name, as Python's.
  fn("__import__", [](Interp& in, Value* a, int n, KwArgs* kw) -> Value {
    check_keywords("__import__", kw, {"name", "globals", "locals", "fromlist", "level"});
    check_args("__import__", n, 0, 5);
    Value name = n > 0 ? a[0] : kw_get(kw, "name");
    Value g = n > 1 ? a[1] : kw_find(kw, "globals") ? *kw_find(kw, "globals") : Value();
    Value from = n > 3 ? a[3] : kw_find(kw, "fromlist") ? *kw_find(kw, "fromlist") : Value();
    Value lv = n > 4 ? a[4] : kw_find(kw, "level") ? *kw_find(kw, "level") : Value::integer(0);
    if (!name.is(OK::Str)) raise_id("TypeError", "runtime.import_name_str");
    if (lv.t != VT::Int || lv.i < 0) raise_id("ValueError", "runtime.import_level");
    std::string nm = str_of(name);
    if (nm.empty() && lv.i == 0) raise_id("ValueError", "runtime.import_empty_name");
    DictObj* gd = g.is(OK::Dict) ? g.as<DictObj>() : in.caller_globals ? in.caller_globals : in.globals.get();
    std::string full = resolve_module_name(std::string(size_t(lv.i), '.') + nm, gd);
    Value m = import_module_from(full, gd);
    bool has_from = !from.is_none() && truthy(from);
    if (has_from) {
      // `from pkg import sub` imports a submodule that is not yet an attribute of the package
      Value path, out;
      if (getattr_opt(m, "__path__", path))
        for_each(from, [&](const Value& item) {
          if (item.is(OK::Str) && str_of(item) != "*" && !getattr_opt(m, str_of(item), out)) {
            try {
              import_module_from(full + "." + str_of(item), gd);
            } catch (PyError& e) {
              if (!type_of(e.exc)->is_subclass(I->e("ModuleNotFoundError"))) throw;
            }
          }
        });
      return m;
    }
    if (lv.i > 0 || nm.find('.') == std::string::npos) {
      if (lv.i == 0) return m;
      // relative without a fromlist: the package the first component of `name` names
      size_t dot = nm.find('.');
      std::string first = dot == std::string::npos ? nm : nm.substr(0, dot);
      return import_module_from(std::string(size_t(lv.i), '.') + first, gd);
    }
    return import_module_from(nm.substr(0, nm.find('.')), gd);
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
      ClassObj* t = type_of(a[0]);
      if (subclass_of(t, c.as<ClassObj>())) return true;
      // A class may give its instances another __class__ (a property, as unittest.mock's specs
      // do): isinstance then answers for that class too, as CPython's does.
      Value claimed;
      if (t->find("__class__") && getattr_opt(a[0], "__class__", claimed) && claimed.is(OK::Class) &&
          claimed.o != t)
        return subclass_of(claimed.as<ClassObj>(), c.as<ClassObj>());
      return false;
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
  register_code_execution(b, t_object);
}

}  // namespace ml::interp
