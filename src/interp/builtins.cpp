// Builtin types, the exception hierarchy, and builtin functions.
#include <sys/mman.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <iostream>

#include "interp/code.h"

namespace ml::interp {

void check_output(std::ostream& out) {
  if (out.good()) return;
  int err = errno ? errno : EIO;
  out.clear();
  raise_errno(err);
}

void raise_errno(int err, const std::string* path) {
  const char* cls = err == ENOENT ? "FileNotFoundError" : err == EEXIST ? "FileExistsError"
                    : err == EACCES || err == EPERM ? "PermissionError" : err == ENOTDIR ? "NotADirectoryError"
                    : err == EISDIR ? "IsADirectoryError" : "OSError";
  ValueVec args{Value::integer(err), mk_str(std::strerror(err))};
  if (path) args.push_back(mk_str(*path));
  throw PyError(make_exception(I->e(cls), std::move(args)));
}

Value make_class(const std::string& name, ValueVec bases, Ref<DictObj> ns);
Value exec_source(const std::string& text, DictObj* globals, bool eval_mode);  // importer.cpp
const Value* meta_special(const Value& cls, std::string_view name);  // metaclass.cpp

// ---------------------------------------------------------------- helpers
void def_native(DictObj* d, const std::string& name, NativeFn fn) {
  d->set(str_key(name), Value::obj(new NativeObj(name, std::move(fn))));
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
void check_args(std::string_view fname, int nargs, int min, int max) {
  if (nargs < min || (max >= 0 && nargs > max)) {
    std::string exp = min == max ? std::to_string(min) : (max < 0 ? msg("runtime.arg_at_least", {{"min", std::to_string(min)}}) : msg("runtime.arg_range", {{"min", std::to_string(min)}, {"max", std::to_string(max)}}));
    raise_id("TypeError", "runtime.wrong_arg_count", {{"name", std::string(fname)}, {"expected", exp}, {"given", std::to_string(nargs)}});
  }
}
// Builtins reject keyword arguments they do not take, as Python does, rather than ignore them.
static void check_keywords(std::string_view fname, KwArgs* kw, std::initializer_list<std::string_view> allowed) {
  if (!kw) return;
  for (auto& [k, v] : kw->items) {
    std::string_view name = str_of(k);
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end())
      raise_id("TypeError", "runtime.unexpected_keyword", {{"name", std::string(fname)}, {"arg", std::string(name)}});
  }
}
void check_no_kw(std::string_view fname, KwArgs* kw) {
  if (kw && !kw->empty()) raise_id("TypeError", "runtime.takes_no_keywords", {{"name", std::string(fname)}});
}

static ClassObj* mk_type(const std::string& name, ClassObj* base) {
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
struct SuperObj : Object {
  ClassObj* start;  // look after this class in the MRO
  Value self;
  SuperObj(ClassObj* s, Value o) : Object(OK::Super, I->t_super), start(s), self(std::move(o)) {}
};

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

// ---------------------------------------------------------------- conversions
static Value to_int(const Value& x, KwArgs* kw, int nargs, Value* args) {
  if (nargs >= 2 || kw_find(kw, "base")) {
    Value b = nargs >= 2 ? args[1] : kw_get(kw, "base");
    if (!x.is(OK::Str) && !x.is(OK::Bytes)) raise_id("TypeError", "runtime.int_explicit_base");
    std::string s = x.is(OK::Str) ? str_of(x) : x.as<BytesObj>()->s;
    int64_t base = as_index(b);
    if (base != 0 && (base < 2 || base > 36)) raise_id("ValueError", "runtime.int_base_range");
    return parse_int(s, (int)base);
  }
  switch (x.t) {
    case VT::Int: return x;
    case VT::Bool: return Value::integer(x.b);
    case VT::Float: {
      if (std::isnan(x.f)) raise_id("ValueError", "runtime.float_nan_to_int");
      if (std::isinf(x.f)) raise_id("OverflowError", "runtime.float_inf_to_int");
      double t = std::trunc(x.f);
      if (std::fabs(t) < 9.2e18) return Value::integer((int64_t)t);
      mpz_t z;
      mpz_init(z);
      mpz_set_d(z, t);
      Value r = int_from_mpz(z);
      mpz_clear(z);
      return r;
    }
    default: break;
  }
  if (x.is(OK::Big)) return x.o->type == I->t_int ? x : int_from_mpz(x.as<BigObj>()->z);
  if (x.is(OK::Str)) return parse_int(str_of(x), 10);
  if (x.is(OK::Bytes)) return parse_int(x.as<BytesObj>()->s, 10);
  if (x.is(OK::Inst)) {
    if (const Value* m = x.o->type->find("__int__")) return call1(*m, x);
    if (const Value* m = x.o->type->find("__index__")) return call1(*m, x);
    if (const Value* m = x.o->type->find("__trunc__")) return call1(*m, x);
  }
  raise_id("TypeError", "runtime.int_arg_type", {{"type", type_name(x)}});
}

static Value to_float(const Value& x) {
  switch (x.t) {
    case VT::Float: return x;
    case VT::Int: return Value::flt((double)x.i);
    case VT::Bool: return Value::flt(x.b ? 1.0 : 0.0);
    default: break;
  }
  if (x.is(OK::Big)) return Value::flt(to_double(x));
  if (x.is(OK::Str)) return parse_float(str_of(x));
  if (x.is(OK::Inst)) {
    if (const Value* m = x.o->type->find("__float__")) return call1(*m, x);
    if (const Value* m = x.o->type->find("__index__")) return Value::flt(to_double(call1(*m, x)));
  }
  raise_id("TypeError", "runtime.float_arg_type", {{"type", type_name(x)}});
}

static Value iter_next_or(const Value& it, Value* def, bool has_def) {
  Value out;
  if (next(it, out)) return out;
  if (has_def) return *def;
  throw PyError(make_exception(I->e("StopIteration"), {}));
}

static void sort_values(ValueVec& v, const Value& key, bool reverse) {
  if (key.is_none()) {
    auto cmp = [&](const Value& a, const Value& b) { return reverse ? lt(b, a) : lt(a, b); };
    std::stable_sort(v.begin(), v.end(), cmp);
    return;
  }
  std::vector<std::pair<Value, size_t>> keyed;
  keyed.reserve(v.size());
  for (size_t i = 0; i < v.size(); ++i) keyed.emplace_back(call1(key, v[i]), i);
  std::stable_sort(keyed.begin(), keyed.end(), [&](const auto& a, const auto& b) {
    return reverse ? lt(b.first, a.first) : lt(a.first, b.first);
  });
  ValueVec out;
  out.reserve(v.size());
  for (auto& [k, i] : keyed) out.push_back(v[i]);
  v = std::move(out);
}
void sort_list(ValueVec& v, const Value& key, bool reverse) { sort_values(v, key, reverse); }

static Value minmax(Value* args, int nargs, KwArgs* kw, bool is_max) {
  const char* name = is_max ? "max" : "min";
  if (nargs == 0) raise_id("TypeError", "runtime.expected_at_least_one", {{"name", std::string(name)}});
  Value key = kw_get(kw, "key");
  const Value* def = kw_find(kw, "default");
  ValueVec items = nargs == 1 ? to_vec(args[0]) : ValueVec(args, args + nargs);
  if (items.empty()) {
    if (def) return *def;
    raise_id("ValueError", "runtime.empty_sequence", {{"name", std::string(name)}});
  }
  Value best = items[0];
  Value bestk = key.is_none() ? best : call1(key, best);
  for (size_t i = 1; i < items.size(); ++i) {
    Value k = key.is_none() ? items[i] : call1(key, items[i]);
    if (is_max ? lt(bestk, k) : lt(k, bestk)) { best = items[i]; bestk = k; }
  }
  return best;
}

static Value round_value(Value* args, int nargs, KwArgs* kw) {
  check_args("round", nargs, 1, 2);
  Value x = args[0];
  Value nd = nargs > 1 ? args[1] : kw_get(kw, "ndigits");
  if (x.is(OK::Inst)) {
    if (const Value* m = x.o->type->find("__round__")) return nd.is_none() ? call1(*m, x) : call2(*m, x, nd);
  }
  if (nd.is_none()) {
    if (is_intlike(x)) return x.t == VT::Bool ? Value::integer(x.b) : x;
    double d = to_double(x);
    if (std::isnan(d)) raise_id("ValueError", "runtime.float_nan_to_int");
    if (std::isinf(d)) raise_id("OverflowError", "runtime.float_inf_to_int");
    double r = std::nearbyint(d);
    return to_int(Value::flt(r), nullptr, 1, &x);
  }
  int64_t n = as_index(nd);
  if (is_intlike(x)) {
    if (n >= 0) return x.t == VT::Bool ? Value::integer(x.b) : x;
    // round to 10**-n with half-even
    Value p = int_pow(Value::integer(10), Value::integer(-n));
    Value q = binop(ast::BinOp::FloorDiv, x, p);
    Value r = binop(ast::BinOp::Sub, x, binop(ast::BinOp::Mul, q, p));
    Value twice = binop(ast::BinOp::Mul, r, Value::integer(2));
    if (lt(p, twice) || (eq(twice, p) && truthy(binop(ast::BinOp::Mod, q, Value::integer(2))))) q = binop(ast::BinOp::Add, q, Value::integer(1));
    return binop(ast::BinOp::Mul, q, p);
  }
  double d = to_double(x);
  if (!std::isfinite(d)) return x;
  if (n > 300) return x;
  if (n < -300) return Value::flt(0.0 * d);
  char buf[512];
  if (n >= 0) {
    std::snprintf(buf, sizeof buf, "%.*f", (int)n, d);
    return Value::flt(std::strtod(buf, nullptr));
  }
  double p = std::pow(10.0, (double)-n);
  double y = std::nearbyint(d / p) * p;
  return Value::flt(y);
}

static Value make_file(const std::string& path, const std::string& mode) {
  std::string m = mode;
  if (m.find('b') == std::string::npos) m += "";
  std::FILE* fp = std::fopen(path.c_str(), m.c_str());
  if (!fp) {
    raise_errno(errno, &path);
  }
  auto* f = new FileObj();
  f->fp = fp;
  f->path = path;
  f->mode = mode;
  return Value::obj(f);
}

static Value reversed_of(const Value& v) {
  if (v.is(OK::List) || v.is(OK::Tuple) || v.is(OK::Str) || v.is(OK::Range) || v.is(OK::Bytes)) {
    ValueVec items = to_vec(v);
    std::reverse(items.begin(), items.end());
    size_t i = 0;
    auto keep = std::make_shared<ValueVec>(std::move(items));
    return Value::obj(new IterObj([keep, i](Value& out) mutable {
      if (i >= keep->size()) return false;
      out = (*keep)[i++];
      return true;
    }));
  }
  if (v.is(OK::Dict) || v.is(OK::DictView)) {
    ValueVec ks;
    if (v.is(OK::Dict)) v.as<DictObj>()->for_each([&](const Value& k, const Value&) { ks.push_back(k); });
    else ks = to_vec(v);
    std::reverse(ks.begin(), ks.end());
    return iter(mk_list(std::move(ks)));
  }
  if (v.is(OK::Inst)) {
    if (const Value* m = v.o->type->find("__reversed__")) return call1(*m, v);
    int64_t n = len(v);
    Value keep = v;
    return Value::obj(new IterObj([keep, n](Value& out) mutable {
      if (n <= 0) return false;
      out = getitem(keep, Value::integer(--n));
      return true;
    }));
  }
  raise_id("TypeError", "runtime.not_reversible", {{"type", type_name(v)}});
}

static std::string read_all(std::FILE* fp) {
  std::string s;
  char buf[65536];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, fp)) > 0) s.append(buf, n);
  return s;
}

// ---------------------------------------------------------------- the builtins
void Interp::init_builtins() {
  DictObj* b = builtins.get();
  auto fn = [&](const std::string& name, NativeFn f) { def_native(b, name, std::move(f)); };

  fn("print", [](Interp& in, Value* a, int n, KwArgs* kw) -> Value { check_keywords("print", kw, {"sep", "end", "file", "flush"});
    std::string sep = " ", end = "\n";
    Value file;
    bool flush = false;
    if (kw) {
      for (auto& [k, v] : kw->items) {
        const std::string& key = str_of(k);
        if (key == "sep") { if (!v.is_none()) sep = to_str(v); }
        else if (key == "end") { if (!v.is_none()) end = to_str(v); }
        else if (key == "file") file = v;
        else if (key == "flush") flush = truthy(v);
        else raise_id("TypeError", "runtime.print_keyword", {{"name", key}});
      }
    }
    std::string out;
    for (int i = 0; i < n; ++i) {
      if (i) out += sep;
      out += to_str(a[i]);
    }
    out += end;
    if (file.is_none()) {
      // print() writes to sys.stdout: a program (contextlib.redirect_stdout) may replace it
      auto sys = in.modules.find("sys");
      if (sys != in.modules.end()) {
        DictObj* sd = sys->second.as<ModuleObj>()->dict.get();
        Value* cur = sd->find_str("stdout", str_hash_sv("stdout"));
        Value* orig = sd->find_str("__stdout__", str_hash_sv("__stdout__"));
        if (cur && orig && !cur->same(*orig) && !cur->is_none()) file = *cur;
      }
    }
    if (!file.is_none()) {
      call1(getattr(file, "write"), mk_str(out));
      if (flush) {
        Value f;
        if (getattr_opt(file, "flush", f)) call0(f);
      }
      return Value();
    }
    in.out->write(out.data(), (std::streamsize)out.size());
    if (flush) in.out->flush();
    check_output(*in.out);
    return Value();
  });
  fn("len", [](Interp&, Value* a, int n, KwArgs* kw) -> Value { check_keywords("len", kw, {});
    check_args("len", n, 1, 1);
    return Value::integer(len(a[0]));
  });
  fn("repr", [](Interp&, Value* a, int n, KwArgs* kw) -> Value { check_keywords("repr", kw, {}); check_args("repr", n, 1, 1); return mk_str(repr(a[0])); });
  fn("ascii", [](Interp&, Value* a, int n, KwArgs* kw) -> Value { check_keywords("ascii", kw, {}); check_args("ascii", n, 1, 1); return mk_str(repr(a[0])); });
  fn("abs", [](Interp&, Value* a, int n, KwArgs* kw) -> Value { check_keywords("abs", kw, {});
    check_args("abs", n, 1, 1);
    Value x = a[0];
    if (x.t == VT::Int) return x.i < 0 ? unary(ast::UnaryOp::Neg, x) : x;
    if (x.t == VT::Float) return Value::flt(std::fabs(x.f));
    if (x.t == VT::Bool) return Value::integer(x.b);
    if (x.is(OK::Big)) return mpz_sgn(x.as<BigObj>()->z) < 0 ? unary(ast::UnaryOp::Neg, x) : x;
    if (x.is(OK::Inst)) if (const Value* m = x.o->type->find("__abs__")) return call1(*m, x);
    raise_id("TypeError", "runtime.bad_operand_abs", {{"type", type_name(x)}});
  });
  fn("min", [](Interp&, Value* a, int n, KwArgs* kw) { check_keywords("min", kw, {"key", "default"}); return minmax(a, n, kw, false); });
  fn("max", [](Interp&, Value* a, int n, KwArgs* kw) { check_keywords("max", kw, {"key", "default"}); return minmax(a, n, kw, true); });
  fn("sum", [](Interp&, Value* a, int n, KwArgs* kw) -> Value { check_keywords("sum", kw, {"start"});
    check_args("sum", n, 1, 2);
    Value acc = n > 1 ? a[1] : (kw_find(kw, "start") ? kw_get(kw, "start") : Value::integer(0));
    if (acc.is(OK::Str)) raise_id("TypeError", "runtime.sum_strings");
    for_each(a[0], [&](const Value& x) {
      if (acc.t == VT::Int && x.t == VT::Int) {
        int64_t r;
        if (!__builtin_add_overflow(acc.i, x.i, &r)) { acc.i = r; return; }
      }
      if (acc.t == VT::Float && x.t == VT::Float) { acc.f += x.f; return; }
      acc = binop(ast::BinOp::Add, acc, x);
    });
    return acc;
  });
  fn("sorted", [](Interp&, Value* a, int n, KwArgs* kw) -> Value { check_keywords("sorted", kw, {"key", "reverse"});
    check_args("sorted", n, 1, 1);
    ValueVec v = to_vec(a[0]);
    sort_values(v, kw_get(kw, "key"), truthy(kw_get(kw, "reverse")));
    return mk_list(std::move(v));
  });
  fn("reversed", [](Interp&, Value* a, int n, KwArgs* kw) -> Value { check_keywords("reversed", kw, {}); check_args("reversed", n, 1, 1); return reversed_of(a[0]); });
  fn("enumerate", [](Interp&, Value* a, int n, KwArgs* kw) -> Value { check_keywords("enumerate", kw, {"start"});
    check_args("enumerate", n, 1, 2);
    Value it = iter(a[0]);
    Value st = n > 1 ? a[1] : (kw_find(kw, "start") ? kw_get(kw, "start") : Value::integer(0));
    int64_t i = as_index(st);
    return Value::obj(new IterObj([it, i](Value& out) mutable {
      Value x;
      if (!next(it, x)) return false;
      out = mk_tuple({Value::integer(i++), std::move(x)});
      return true;
    }));
  });
  fn("zip", [](Interp&, Value* a, int n, KwArgs* kw) -> Value { check_keywords("zip", kw, {"strict"});
    auto its = std::make_shared<ValueVec>();
    for (int i = 0; i < n; ++i) its->push_back(iter(a[i]));
    bool strict = truthy(kw_get(kw, "strict"));
    return Value::obj(new IterObj([its, strict](Value& out) {
      if (its->empty()) return false;
      ValueVec row;
      for (size_t k = 0; k < its->size(); ++k) {
        Value x;
        if (!next((*its)[k], x)) {
          if (strict && k > 0) raise_id("ValueError", "runtime.zip_shorter", {{"index", std::to_string(k + 1)}});
          return false;
        }
        row.push_back(std::move(x));
      }
      out = mk_tuple(std::move(row));
      return true;
    }));
  });
  fn("map", [](Interp&, Value* a, int n, KwArgs* kw) -> Value { check_keywords("map", kw, {});
    check_args("map", n, 2, -1);
    Value f = a[0];
    auto its = std::make_shared<ValueVec>();
    for (int i = 1; i < n; ++i) its->push_back(iter(a[i]));
    return Value::obj(new IterObj([f, its](Value& out) {
      ValueVec row;
      for (auto& it : *its) {
        Value x;
        if (!next(it, x)) return false;
        row.push_back(std::move(x));
      }
      out = call(f, row.data(), (int)row.size());
      return true;
    }));
  });
  fn("filter", [](Interp&, Value* a, int n, KwArgs* kw) -> Value { check_keywords("filter", kw, {});
    check_args("filter", n, 2, 2);
    Value f = a[0], it = iter(a[1]);
    return Value::obj(new IterObj([f, it](Value& out) {
      Value x;
      while (next(it, x)) {
        if (f.is_none() ? truthy(x) : truthy(call1(f, x))) { out = std::move(x); return true; }
      }
      return false;
    }));
  });
  fn("any", [](Interp&, Value* a, int n, KwArgs* kw) -> Value { check_keywords("any", kw, {});
    check_args("any", n, 1, 1);
    Value it = iter(a[0]), x;
    while (next(it, x)) if (truthy(x)) return Value::boolean(true);
    return Value::boolean(false);
  });
  fn("all", [](Interp&, Value* a, int n, KwArgs* kw) -> Value { check_keywords("all", kw, {});
    check_args("all", n, 1, 1);
    Value it = iter(a[0]), x;
    while (next(it, x)) if (!truthy(x)) return Value::boolean(false);
    return Value::boolean(true);
  });
  fn("round", [](Interp&, Value* a, int n, KwArgs* kw) { check_keywords("round", kw, {"ndigits"}); return round_value(a, n, kw); });
  fn("pow", [](Interp&, Value* a, int n, KwArgs* kw) -> Value { check_keywords("pow", kw, {});
    check_args("pow", n, 2, 3);
    if (n == 3 && !a[2].is_none()) {
      mpz_t b, e, m;
      mpz_init(b); mpz_init(e); mpz_init(m);
      to_mpz(a[0], b); to_mpz(a[1], e); to_mpz(a[2], m);
      if (mpz_sgn(m) == 0) { mpz_clear(b); mpz_clear(e); mpz_clear(m); raise_id("ValueError", "runtime.pow_modulus_zero"); }
      if (mpz_sgn(e) < 0) {
        if (!mpz_invert(b, b, m)) { mpz_clear(b); mpz_clear(e); mpz_clear(m); raise_id("ValueError", "runtime.pow_not_invertible"); }
        mpz_neg(e, e);
      }
      mpz_powm(b, b, e, m);
      if (mpz_sgn(b) != 0 && mpz_sgn(m) < 0) mpz_add(b, b, m);
      Value r = int_from_mpz(b);
      mpz_clear(b); mpz_clear(e); mpz_clear(m);
      return r;
    }
    return binop(ast::BinOp::Pow, a[0], a[1]);
  });
  fn("divmod", [](Interp&, Value* a, int n, KwArgs* kw) -> Value { check_keywords("divmod", kw, {});
    check_args("divmod", n, 2, 2);
    return mk_tuple({binop(ast::BinOp::FloorDiv, a[0], a[1]), binop(ast::BinOp::Mod, a[0], a[1])});
  });
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
  fn("hash", [](Interp&, Value* a, int n, KwArgs* kw) -> Value { check_keywords("hash", kw, {}); check_args("hash", n, 1, 1); return Value::integer(hash_value(a[0])); });
  fn("iter", [](Interp&, Value* a, int n, KwArgs* kw) -> Value { check_keywords("iter", kw, {});
    check_args("iter", n, 1, 2);
    if (n == 2) {
      Value f = a[0], sentinel = a[1];
      return Value::obj(new IterObj([f, sentinel](Value& out) {
        out = call0(f);
        return !eq(out, sentinel);
      }));
    }
    return iter(a[0]);
  });
  fn("next", [](Interp&, Value* a, int n, KwArgs* kw) -> Value { check_keywords("next", kw, {});
    check_args("next", n, 1, 2);
    if (!(a[0].is(OK::Iter) || a[0].is(OK::Gen) || (a[0].is(OK::Inst) && a[0].o->type->find("__next__"))))
      raise_id("TypeError", "runtime.not_iterator", {{"type", type_name(a[0])}});
    return iter_next_or(a[0], n > 1 ? &a[1] : nullptr, n > 1);
  });
  fn("chr", [](Interp&, Value* a, int n, KwArgs* kw) -> Value { check_keywords("chr", kw, {});
    check_args("chr", n, 1, 1);
    int64_t c = as_index(a[0]);
    if (c < 0 || c > 0x10FFFF) raise_id("ValueError", "runtime.chr_range");
    std::string s;
    append_utf8(s, (uint32_t)c);
    return mk_str(std::move(s));
  });
  fn("ord", [](Interp&, Value* a, int n, KwArgs* kw) -> Value { check_keywords("ord", kw, {});
    check_args("ord", n, 1, 1);
    if (a[0].is(OK::Bytes) && a[0].as<BytesObj>()->s.size() == 1) return Value::integer((unsigned char)a[0].as<BytesObj>()->s[0]);
    if (!a[0].is(OK::Str)) raise_id("TypeError", "runtime.ord_type", {{"type", type_name(a[0])}});
    auto cps = decode_utf8(str_of(a[0]));
    if (cps.size() != 1) raise_id("TypeError", "runtime.ord_length", {{"length", std::to_string(cps.size())}});
    return Value::integer(cps[0]);
  });
  auto radix = [](const Value& v, int base, const char* prefix) {
    std::string d = int_to_string(Value::integer(0).t == VT::Int && v.t == VT::Bool ? Value::integer(v.b) : v, base);
    if (!is_intlike(v)) raise_id("TypeError", "runtime.not_integer", {{"type", type_name(v)}});
    if (d[0] == '-') return mk_str("-" + std::string(prefix) + d.substr(1));
    return mk_str(prefix + d);
  };
  fn("hex", [radix](Interp&, Value* a, int n, KwArgs* kw) { check_keywords("hex", kw, {}); check_args("hex", n, 1, 1); return radix(a[0], 16, "0x"); });
  fn("oct", [radix](Interp&, Value* a, int n, KwArgs* kw) { check_keywords("oct", kw, {}); check_args("oct", n, 1, 1); return radix(a[0], 8, "0o"); });
  fn("bin", [radix](Interp&, Value* a, int n, KwArgs* kw) { check_keywords("bin", kw, {}); check_args("bin", n, 1, 1); return radix(a[0], 2, "0b"); });
  fn("open", [](Interp&, Value* a, int n, KwArgs* kw) -> Value { check_keywords("open", kw, {"mode", "buffering", "encoding", "errors", "newline", "closefd"});
    check_args("open", n, 1, 3);
    std::string path = to_str(a[0]);
    std::string mode = n > 1 ? to_str(a[1]) : (kw_find(kw, "mode") ? to_str(kw_get(kw, "mode")) : "r");
    return make_file(path, mode);
  });
  fn("input", [](Interp& in, Value* a, int n, KwArgs* kw) -> Value { check_keywords("input", kw, {});
    if (n > 0) {
      std::string p = to_str(a[0]);
      in.out->write(p.data(), (std::streamsize)p.size());
      in.out->flush();
      check_output(*in.out);
    }
    std::string line;
    if (!in.in || !std::getline(*in.in, line)) raise_id("EOFError", "runtime.eof_reading_line");
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return mk_str(std::move(line));
  });
  fn("id", [](Interp&, Value* a, int n, KwArgs* kw) -> Value { check_keywords("id", kw, {});
    check_args("id", n, 1, 1);
    if (a[0].is_obj()) return Value::integer((int64_t)(uintptr_t)a[0].o);
    return Value::integer((int64_t)hash_value(a[0]) * 16 + (int)a[0].t);
  });
  fn("callable", [](Interp&, Value* a, int n, KwArgs* kw) -> Value { check_keywords("callable", kw, {});
    check_args("callable", n, 1, 1);
    const Value& v = a[0];
    bool r = v.is(OK::Func) || v.is(OK::Native) || v.is(OK::Bound) || v.is(OK::Class) ||
             (v.is(OK::Inst) && v.o->type->find("__call__"));
    return Value::boolean(r);
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
  // eval/exec: with globals (and locals, merged into a namespace of their own whose new and
  // changed names go back to locals); without, in the main program's globals.
  for (bool ev : {true, false}) {
    fn(ev ? "eval" : "exec", [ev](Interp& in, Value* a, int n, KwArgs* kw) -> Value {
      check_args(ev ? "eval" : "exec", n, 1, 3);
      Value text = a[0];
      if (text.is(OK::Bytes)) text = mk_str(text.as<BytesObj>()->s);
      if (!text.is(OK::Str)) type_error(std::string(ev ? "eval" : "exec") + "() arg 1 must be a string, bytes or code object");
      Value g = n > 1 ? a[1] : kw_find(kw, "globals") ? *kw_find(kw, "globals") : Value();
      Value l = n > 2 ? a[2] : kw_find(kw, "locals") ? *kw_find(kw, "locals") : Value();
      if (!g.is_none() && !g.is(OK::Dict)) type_error("globals must be a dict");
      DictObj* gd = g.is(OK::Dict) ? g.as<DictObj>() : in.globals.get();
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
        if (!old || !old->same(v)) setitem(l, k, v);
      });
      return r;
    });
  }
  fn("globals", [](Interp& in, Value*, int, KwArgs* kw) -> Value { check_keywords("globals", kw, {}); return Value::obj(in.globals.get()); });
  fn("dir", [](Interp& in, Value* a, int n, KwArgs* kw) -> Value { check_keywords("dir", kw, {});
    ValueVec names;
    auto add_dict = [&](DictObj* d) { d->for_each([&](const Value& k, const Value&) { if (k.is(OK::Str)) names.push_back(k); }); };
    if (n == 0) add_dict(in.globals.get());
    else if (a[0].is(OK::Module)) add_dict(a[0].as<ModuleObj>()->dict.get());
    else {
      if (a[0].is(OK::Inst)) add_dict(a[0].as<InstObj>()->dict.get());
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
  fn("locals", [](Interp& in, Value*, int, KwArgs* kw) -> Value { check_keywords("locals", kw, {}); return Value::obj(in.globals.get()); });

  // ---- types with constructors
  auto ctor = [&](ClassObj* t, NativeFn f) {
    t->dict->set(str_key("__ctor__"), Value::obj(new NativeObj(t->name, std::move(f))));
    b->set(str_key(t->name), Value::obj(t));
  };
  ctor(t_int, [](Interp&, Value* a, int n, KwArgs* kw) -> Value {
    if (n == 0) return Value::integer(0);
    return to_int(a[0], kw, n, a);
  });
  ctor(t_float, [](Interp&, Value* a, int n, KwArgs*) -> Value {
    check_args("float", n, 0, 1);
    return n ? to_float(a[0]) : Value::flt(0.0);
  });
  ctor(t_str, [](Interp&, Value* a, int n, KwArgs* kw) -> Value {
    if (n == 0) return mk_str("");
    if (a[0].is(OK::Bytes) && (n > 1 || kw_find(kw, "encoding"))) return mk_str(a[0].as<BytesObj>()->s);
    return mk_str(to_str(a[0]));
  });
  ctor(t_bool, [](Interp&, Value* a, int n, KwArgs*) -> Value {
    check_args("bool", n, 0, 1);
    return Value::boolean(n ? truthy(a[0]) : false);
  });
  ctor(t_list, [](Interp&, Value* a, int n, KwArgs*) -> Value {
    check_args("list", n, 0, 1);
    return n ? mk_list(to_vec(a[0])) : mk_list();
  });
  ctor(t_tuple, [](Interp&, Value* a, int n, KwArgs*) -> Value {
    check_args("tuple", n, 0, 1);
    if (n && a[0].is(OK::Tuple) && a[0].o->type == I->t_tuple) return a[0];  // a subclass instance is copied
    return n ? mk_tuple(to_vec(a[0])) : mk_tuple();
  });
  auto set_ctor = [](bool frozen) {
    return [frozen](Interp&, Value* a, int n, KwArgs*) -> Value {
      check_args(frozen ? "frozenset" : "set", n, 0, 1);
      if (frozen && n && a[0].is(OK::FrozenSet)) return a[0];
      Value s = mk_set(frozen);
      if (n) s.as<SetObj>()->update(a[0]);
      return s;
    };
  };
  ctor(t_set, set_ctor(false));
  ctor(t_frozenset, set_ctor(true));
  ctor(t_dict, [](Interp&, Value* a, int n, KwArgs* kw) -> Value {
    check_args("dict", n, 0, 1);
    Value d = mk_dict();
    auto* dd = d.as<DictObj>();
    if (n) {
      if (a[0].is(OK::Dict)) a[0].as<DictObj>()->for_each([&](const Value& k, const Value& v) { dd->set(k, v); });
      else if (a[0].is(OK::Inst) && a[0].o->type->find("keys")) {
        Value keys = call0(getattr(a[0], "keys"));
        for_each(keys, [&](const Value& k) { dd->set(k, getitem(a[0], k)); });
      } else {
        for_each(a[0], [&](const Value& item) {
          ValueVec kv = to_vec(item);
          if (kv.size() != 2) raise_id("ValueError", "runtime.dict_update_length", {{"length", std::to_string(kv.size())}});
          dd->set(kv[0], kv[1]);
        });
      }
    }
    if (kw) for (auto& [k, v] : kw->items) dd->set(k, v);
    return d;
  });
  ctor(t_bytes, [](Interp&, Value* a, int n, KwArgs*) -> Value {
    if (n == 0) return mk_bytes("");
    if (a[0].is(OK::Str)) return mk_bytes(str_of(a[0]));
    if (a[0].is(OK::Bytes)) return a[0].o->type == I->t_bytes ? a[0] : mk_bytes(a[0].as<BytesObj>()->s);
    if (is_intlike(a[0])) return mk_bytes(std::string((size_t)as_index(a[0]), '\0'));
    std::string s;
    for_each(a[0], [&](const Value& x) {
      int64_t c = as_index(x);
      if (c < 0 || c > 255) raise_id("ValueError", "runtime.bytes_range");
      s += (char)c;
    });
    return mk_bytes(std::move(s));
  });
  ctor(t_range, [](Interp&, Value* a, int n, KwArgs*) -> Value {
    check_args("range", n, 1, 3);
    int64_t start = 0, stop, step = 1;
    if (n == 1) stop = as_index(a[0]);
    else { start = as_index(a[0]); stop = as_index(a[1]); if (n == 3) step = as_index(a[2]); }
    if (step == 0) raise_id("ValueError", "runtime.range_step_zero");
    return Value::obj(new RangeObj(start, stop, step));
  });
  ctor(t_slice, [](Interp&, Value* a, int n, KwArgs*) -> Value {
    check_args("slice", n, 1, 3);
    if (n == 1) return Value::obj(new SliceObj(Value(), a[0], Value()));
    return Value::obj(new SliceObj(a[0], a[1], n > 2 ? a[2] : Value()));
  });
  ctor(t_object, [](Interp&, Value*, int n, KwArgs*) -> Value {
    check_args("object", n, 0, 0);
    return make_instance(I->t_object);
  });
  ctor(t_type, [](Interp&, Value* a, int n, KwArgs*) -> Value {
    if (n == 1) return Value::obj(type_of(a[0]));
    check_args("type", n, 3, 3);
    ValueVec bases = to_vec(a[1]);
    Ref<DictObj> ns(new DictObj());
    a[2].as<DictObj>()->for_each([&](const Value& k, const Value& v) { ns->set(k, v); });
    return make_class(str_of(a[0]), std::move(bases), ns);
  });
  ctor(t_property, [](Interp&, Value* a, int n, KwArgs* kw) -> Value {
    auto* p = new PropertyObj();
    Value pv = Value::obj(p);
    if (n > 0) p->fget = a[0];
    if (n > 1) p->fset = a[1];
    if (n > 2) p->fdel = a[2];
    if (const Value* v = kw_find(kw, "fget")) p->fget = *v;
    if (const Value* v = kw_find(kw, "fset")) p->fset = *v;
    return pv;
  });
  ctor(t_staticmethod, [](Interp&, Value* a, int n, KwArgs*) -> Value {
    check_args("staticmethod", n, 1, 1);
    return Value::obj(new WrapperObj(OK::StaticMethod, a[0]));
  });
  ctor(t_classmethod, [](Interp&, Value* a, int n, KwArgs*) -> Value {
    check_args("classmethod", n, 1, 1);
    return Value::obj(new WrapperObj(OK::ClassMethod, a[0]));
  });
  ctor(t_super, [](Interp&, Value* a, int n, KwArgs*) -> Value {
    check_args("super", n, 2, 2);
    if (!a[0].is(OK::Class)) raise_id("TypeError", "runtime.super_not_type", {{"type", type_name(a[0])}});
    return Value::obj(new SuperObj(a[0].as<ClassObj>(), a[1]));
  });
  def_method(t_property, "setter", [](Interp&, Value* a, int n, KwArgs*) -> Value {
    check_args("setter", n, 2, 2);
    auto* old = a[0].as<PropertyObj>();
    auto* p = new PropertyObj();
    Value pv = Value::obj(p);
    p->fget = old->fget;
    p->fset = a[1];
    p->fdel = old->fdel;
    return pv;
  });
  def_method(t_property, "getter", [](Interp&, Value* a, int n, KwArgs*) -> Value {
    check_args("getter", n, 2, 2);
    auto* old = a[0].as<PropertyObj>();
    auto* p = new PropertyObj();
    Value pv = Value::obj(p);
    p->fget = a[1];
    p->fset = old->fset;
    p->fdel = old->fdel;
    return pv;
  });
  def_method(t_property, "deleter", [](Interp&, Value* a, int n, KwArgs*) -> Value {
    check_args("deleter", n, 2, 2);
    auto* old = a[0].as<PropertyObj>();
    auto* p = new PropertyObj();
    Value pv = Value::obj(p);
    p->fget = old->fget;
    p->fset = old->fset;
    p->fdel = a[1];
    return pv;
  });
  // object's methods
  def_method(t_object, "__init__", [](Interp&, Value*, int, KwArgs*) -> Value { return Value(); });
  t_object->dict->find(str_key("__init__"))->as<NativeObj>()->name = "object.__init__";
  // object.__new__(cls, *args): a bare instance of cls, or for a subclass of a builtin type
  // (tuple, list, dict, set) that type's value built from args and given the class cls; so a
  // user __new__ can call object.__new__ / tuple.__new__ / super().__new__.
  t_object->dict->set(str_key("__new__"), Value::obj(new WrapperObj(OK::StaticMethod, Value::obj(new NativeObj("object.__new__",
      [](Interp&, Value* a, int n, KwArgs* kw) -> Value {
        if (n < 1 || !a[0].is(OK::Class)) raise_id("TypeError", "runtime.object_new_not_type");
        auto* cls = a[0].as<ClassObj>();
        ClassObj* base = cls->builtin ? cls : cls->builtin_base;
        if (!base || base == I->t_object || cls->is_exception) {
          Value obj = make_instance(cls);
          if (cls->is_exception) obj.as<InstObj>()->dict->set(str_key("args"), mk_tuple(ValueVec(a + 1, a + n)));
          return obj;
        }
        const Value* ctor = base->dict->find_str("__ctor__", str_hash_sv("__ctor__"));
        if (!ctor) raise_id("TypeError", "runtime.cannot_create_instances", {{"type", cls->name}});
        Value obj = call(*ctor, a + 1, n - 1, kw);
        return retype_builtin(obj, cls);
      })))));
  def_method(t_object, "__str__", [](Interp&, Value* a, int, KwArgs*) -> Value {
    // object.__str__ -> repr
    if (a[0].is(OK::Inst)) {
      if (const Value* m = a[0].o->type->find("__repr__")) return call1(*m, a[0]);
    }
    return mk_str(repr(a[0]));
  });
  def_method(t_object, "__eq__", [](Interp&, Value* a, int n, KwArgs*) -> Value {
    check_args("__eq__", n, 2, 2);
    return a[0].same(a[1]) ? Value::boolean(true) : I->not_impl;
  });
  def_method(t_object, "__ne__", [](Interp&, Value* a, int n, KwArgs*) -> Value {
    check_args("__ne__", n, 2, 2);
    return Value::boolean(!eq(a[0], a[1]));
  });
  def_method(t_object, "__hash__", [](Interp&, Value* a, int, KwArgs*) -> Value {
    return Value::integer((int64_t)(((uintptr_t)a[0].o >> 4) & 0x3FFFFFFFFFFFFFFFULL));
  });
  def_method(t_object, "__setattr__", [](Interp&, Value* a, int n, KwArgs*) -> Value {
    check_args("__setattr__", n, 3, 3);
    if (a[0].is(OK::Inst)) a[0].as<InstObj>()->dict->set(a[1], a[2]);
    else setattr(a[0], str_of(a[1]), a[2]);
    return Value();
  });
  def_method(t_object, "__getattribute__", [](Interp&, Value* a, int n, KwArgs*) -> Value {
    check_args("__getattribute__", n, 2, 2);
    return getattr(a[0], str_of(a[1]));
  });
  def_method(t_object, "__repr__", [](Interp&, Value* a, int, KwArgs*) -> Value {
    char buf[64];
    std::snprintf(buf, sizeof buf, " object at %p>", (void*)a[0].o);
    return mk_str("<__main__." + type_name(a[0]) + buf);
  });
  def_method(t_object, "__format__", [](Interp&, Value* a, int n, KwArgs*) -> Value {
    check_args("__format__", n, 2, 2);
    return format_value(mk_str(to_str(a[0])), str_of(a[1]));
  });
  // these generic ones must not shadow the protocol's defaults for builtin instances
  t_object->dict->erase(str_key("__str__"));
  t_object->dict->erase(str_key("__repr__"));
  t_object->dict->erase(str_key("__eq__"));
  t_object->dict->erase(str_key("__hash__"));
  t_object->dict->erase(str_key("__format__"));
  // object.__setattr__ / __delattr__ stay: they are the raw operations a class's own
  // __setattr__ (a frozen dataclass, a proxy) falls back to; setattr() only calls user ones.
  def_method(t_object, "__delattr__", [](Interp&, Value* a, int n, KwArgs*) -> Value {
    check_args("__delattr__", n, 2, 2);
    if (a[0].is(OK::Inst)) {
      if (!a[0].as<InstObj>()->dict->erase(a[1]))
        raise_id("AttributeError", "runtime.no_attribute", {{"type", type_name(a[0])}, {"name", str_of(a[1])}});
    } else {
      delattr(a[0], str_of(a[1]));
    }
    return Value();
  });

  // exceptions: BaseException.__init__ stores args
  def_method(exc["BaseException"], "__init__", [](Interp&, Value* a, int n, KwArgs*) -> Value {
    if (a[0].is(OK::Inst)) a[0].as<InstObj>()->dict->set(str_key("args"), mk_tuple(ValueVec(a + 1, a + n)));
    return Value();
  });
  def_method(exc["BaseException"], "with_traceback", [](Interp&, Value* a, int, KwArgs*) -> Value { return a[0]; });
  for (auto& [name, cls] : exc) b->set(str_key(name), Value::obj(cls));
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
  ex("TimeoutError", "OSError");
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
}

Interp::~Interp() {
  // Objects are intentionally not torn down one by one (cycles); the process owns the memory.
  if (I == this) I = nullptr;
  munmap(stack, stack_cap * sizeof(Value));  // frames have cleared their slots on the way out
}

}  // namespace ml::interp
