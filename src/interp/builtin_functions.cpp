// Builtin functions over values: print, len, min/max, sorted, zip, map, round, iter/next, chr/ord,
// open, input, ...
#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <iostream>

#include "interp/builtins_impl.h"
#include "interp/code.h"

namespace ml::interp {

static Value iter_next_or(const Value& it, Value* def, bool has_def) {
  Value out;
  if (next(it, out)) return out;
  if (has_def) return *def;
  throw PyError(make_exception(I->e("StopIteration"), {}));
}

void sort_values(ValueVec& v, const Value& key, bool reverse) {
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

// hex(), oct(), bin(): Python's prefixed digits, the sign before the prefix.
static Value radix_text(const Value& v, int base, const char* prefix) {
  std::string d = int_to_string(Value::integer(0).t == VT::Int && v.t == VT::Bool ? Value::integer(v.b) : v, base);
  if (!is_intlike(v)) raise_id("TypeError", "runtime.not_integer", {{"type", type_name(v)}});
  if (d[0] == '-') return mk_str("-" + std::string(prefix) + d.substr(1));
  return mk_str(prefix + d);
}

// map, filter, any/all, round, pow, divmod, hash, iter/next, chr/ord, hex/oct/bin.
static Value builtin_map(Interp&, Value* a, int n, KwArgs* kw) {
  check_keywords("map", kw, {});
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
}

static Value builtin_filter(Interp&, Value* a, int n, KwArgs* kw) {
  check_keywords("filter", kw, {});
  check_args("filter", n, 2, 2);
  Value f = a[0], it = iter(a[1]);
  return Value::obj(new IterObj([f, it](Value& out) {
    Value x;
    while (next(it, x)) {
      if (f.is_none() ? truthy(x) : truthy(call1(f, x))) { out = std::move(x); return true; }
    }
    return false;
  }));
}

static Value builtin_any(Interp&, Value* a, int n, KwArgs* kw) {
  check_keywords("any", kw, {});
  check_args("any", n, 1, 1);
  Value it = iter(a[0]), x;
  while (next(it, x)) if (truthy(x)) return Value::boolean(true);
  return Value::boolean(false);
}

static Value builtin_all(Interp&, Value* a, int n, KwArgs* kw) {
  check_keywords("all", kw, {});
  check_args("all", n, 1, 1);
  Value it = iter(a[0]), x;
  while (next(it, x)) if (!truthy(x)) return Value::boolean(false);
  return Value::boolean(true);
}

static Value builtin_round(Interp&, Value* a, int n, KwArgs* kw) {
  check_keywords("round", kw, {"ndigits"}); return round_value(a, n, kw);
}

static Value builtin_pow(Interp&, Value* a, int n, KwArgs* kw) {
  check_keywords("pow", kw, {});
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
}

static Value builtin_divmod(Interp&, Value* a, int n, KwArgs* kw) {
  check_keywords("divmod", kw, {});
  check_args("divmod", n, 2, 2);
  auto num = [](const Value& v) { return v.t == VT::Int || v.t == VT::Float || v.t == VT::Bool; };
  if (num(a[0]) && num(a[1]) && (a[0].t == VT::Float || a[1].t == VT::Float) && to_double(a[1]) == 0)
    raise_id("ZeroDivisionError", "runtime.float_divmod");
  return mk_tuple({binop(ast::BinOp::FloorDiv, a[0], a[1]), binop(ast::BinOp::Mod, a[0], a[1])});
}

static Value builtin_hash(Interp&, Value* a, int n, KwArgs* kw) {
  check_keywords("hash", kw, {}); check_args("hash", n, 1, 1); return Value::integer(hash_value(a[0]));
}

static Value builtin_iter(Interp&, Value* a, int n, KwArgs* kw) {
  check_keywords("iter", kw, {});
  check_args("iter", n, 1, 2);
  if (n == 2) {
    Value f = a[0], sentinel = a[1];
    return Value::obj(new IterObj([f, sentinel](Value& out) {
      out = call0(f);
      return !eq(out, sentinel);
    }));
  }
  return iter(a[0]);
}

static Value builtin_next(Interp&, Value* a, int n, KwArgs* kw) {
  check_keywords("next", kw, {});
  check_args("next", n, 1, 2);
  if (!(a[0].is(OK::Iter) || a[0].is(OK::Gen) || (a[0].is(OK::Inst) && a[0].o->type->find("__next__"))))
    raise_id("TypeError", "runtime.not_iterator", {{"type", type_name(a[0])}});
  return iter_next_or(a[0], n > 1 ? &a[1] : nullptr, n > 1);
}

static Value builtin_chr(Interp&, Value* a, int n, KwArgs* kw) {
  check_keywords("chr", kw, {});
  check_args("chr", n, 1, 1);
  int64_t c = as_index(a[0]);
  if (c < 0 || c > 0x10FFFF) raise_id("ValueError", "runtime.chr_range");
  std::string s;
  append_utf8(s, (uint32_t)c);
  return mk_str(std::move(s));
}

static Value builtin_ord(Interp&, Value* a, int n, KwArgs* kw) {
  check_keywords("ord", kw, {});
  check_args("ord", n, 1, 1);
  if (a[0].is(OK::Bytes) && a[0].as<BytesObj>()->s.size() == 1) return Value::integer((unsigned char)a[0].as<BytesObj>()->s[0]);
  if (!a[0].is(OK::Str)) raise_id("TypeError", "runtime.ord_type", {{"type", type_name(a[0])}});
  auto cps = decode_utf8(str_of(a[0]));
  if (cps.size() != 1) raise_id("TypeError", "runtime.ord_length", {{"length", std::to_string(cps.size())}});
  return Value::integer(cps[0]);
}

static Value builtin_hex(Interp&, Value* a, int n, KwArgs* kw) {
  check_keywords("hex", kw, {}); check_args("hex", n, 1, 1); return radix_text(a[0], 16, "0x");
}

static Value builtin_oct(Interp&, Value* a, int n, KwArgs* kw) {
  check_keywords("oct", kw, {}); check_args("oct", n, 1, 1); return radix_text(a[0], 8, "0o");
}

static Value builtin_bin(Interp&, Value* a, int n, KwArgs* kw) {
  check_keywords("bin", kw, {}); check_args("bin", n, 1, 1); return radix_text(a[0], 2, "0b");
}

static const NamedBuiltin kIterationAndNumbers[] = {
    {"map", builtin_map},
    {"filter", builtin_filter},
    {"any", builtin_any},
    {"all", builtin_all},
    {"round", builtin_round},
    {"pow", builtin_pow},
    {"divmod", builtin_divmod},
    {"hash", builtin_hash},
    {"iter", builtin_iter},
    {"next", builtin_next},
    {"chr", builtin_chr},
    {"ord", builtin_ord},
    {"hex", builtin_hex},
    {"oct", builtin_oct},
    {"bin", builtin_bin},
};

// open, input, id, callable.
static Value builtin_open(Interp&, Value* a, int n, KwArgs* kw) {
  check_keywords("open", kw, {"mode", "buffering", "encoding", "errors", "newline", "closefd"});
  check_args("open", n, 1, 3);
  std::string mode = n > 1 ? to_str(a[1]) : (kw_find(kw, "mode") ? to_str(kw_get(kw, "mode")) : "r");
  if (is_intlike(a[0]) && !a[0].is_bool()) {
    // an open file descriptor (os.pipe's, os.open's): the file object owns it from now on
    int fd = (int)as_index(a[0]);
    std::FILE* fp = ::fdopen(fd, mode.c_str());
    if (!fp) raise_errno(errno);
    auto* f = new FileObj();
    f->fp = fp;
    f->path = std::to_string(fd);
    f->mode = mode;
    return Value::obj(f);
  }
  Value path = a[0], fspath;
  if (path.is(OK::Inst) && getattr_opt(path, "__fspath__", fspath)) path = call0(fspath);
  if (path.is(OK::Bytes)) return make_file(path.as<BytesObj>()->s, mode);
  if (!path.is(OK::Str)) raise_id("TypeError", "runtime.path_type", {{"name", "open"}, {"type", type_name(a[0])}});
  return make_file(str_of(path), mode);
}

static Value builtin_input(Interp& in, Value* a, int n, KwArgs* kw) {
  check_keywords("input", kw, {});
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
}

static Value builtin_id(Interp&, Value* a, int n, KwArgs* kw) {
  check_keywords("id", kw, {});
  check_args("id", n, 1, 1);
  if (a[0].is_obj()) return Value::integer((int64_t)(uintptr_t)a[0].o);
  // Wraps (unsigned arithmetic) rather than overflowing: a float's hash times 16 need not fit.
  return Value::integer((int64_t)((uint64_t)hash_value(a[0]) * 16 + (uint64_t)a[0].t));
}

static Value builtin_callable(Interp&, Value* a, int n, KwArgs* kw) {
  check_keywords("callable", kw, {});
  check_args("callable", n, 1, 1);
  const Value& v = a[0];
  bool r = v.is(OK::Func) || v.is(OK::Native) || v.is(OK::Bound) || v.is(OK::Class) ||
           (v.is(OK::Inst) && v.o->type->find("__call__")) ||
           (v.t == VT::Obj && !type_of(v)->builtin && type_of(v)->find("__call__"));  // class C(tuple)
  return Value::boolean(r);
}

static const NamedBuiltin kIoAndIdentity[] = {
    {"open", builtin_open},
    {"input", builtin_input},
    {"id", builtin_id},
    {"callable", builtin_callable},
};

static Value builtin_print(Interp& in, Value* a, int n, KwArgs* kw) {
  check_keywords("print", kw, {"sep", "end", "file", "flush"}, "runtime.invalid_keyword");
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
}

static Value builtin_len(Interp&, Value* a, int n, KwArgs* kw) {
  check_keywords("len", kw, {});
  check_args("len", n, 1, 1);
  return Value::integer(len(a[0]));
}

static Value builtin_repr(Interp&, Value* a, int n, KwArgs* kw) {
  check_keywords("repr", kw, {}); check_args("repr", n, 1, 1); return mk_str(repr(a[0]));
}

// ascii(x): repr(x) with every non-ASCII character escaped (\xe9, \u20ac, \U0001f600)
static Value builtin_ascii(Interp&, Value* a, int n, KwArgs* kw) {
  check_keywords("ascii", kw, {});
  check_args("ascii", n, 1, 1);
  std::string out;
  char buf[16];
  for (uint32_t c : decode_utf8(repr(a[0]))) {
    if (c < 0x80) { out += (char)c; continue; }
    std::snprintf(buf, sizeof buf, c < 0x100 ? "\\x%02x" : c < 0x10000 ? "\\u%04x" : "\\U%08x", c);
    out += buf;
  }
  return mk_str(out);
}

static Value builtin_abs(Interp&, Value* a, int n, KwArgs* kw) {
  check_keywords("abs", kw, {});
  check_args("abs", n, 1, 1);
  Value x = a[0];
  if (x.t == VT::Int) return x.i < 0 ? unary(ast::UnaryOp::Neg, x) : x;
  if (x.t == VT::Float) return Value::flt(std::fabs(x.f));
  if (x.t == VT::Bool) return Value::integer(x.b);
  if (x.is(OK::Big)) return mpz_sgn(x.as<BigObj>()->z) < 0 ? unary(ast::UnaryOp::Neg, x) : x;
  if (x.is(OK::Inst)) if (const Value* m = x.o->type->find("__abs__")) return call1(*m, x);
  raise_id("TypeError", "runtime.bad_operand_abs", {{"type", type_name(x)}});
}

static Value builtin_min(Interp&, Value* a, int n, KwArgs* kw) {
  check_keywords("min", kw, {"key", "default"}, "runtime.invalid_keyword"); return minmax(a, n, kw, false);
}

static Value builtin_max(Interp&, Value* a, int n, KwArgs* kw) {
  check_keywords("max", kw, {"key", "default"}, "runtime.invalid_keyword"); return minmax(a, n, kw, true);
}

static Value builtin_sum(Interp&, Value* a, int n, KwArgs* kw) {
  check_keywords("sum", kw, {"start"});
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
}

static Value builtin_sorted(Interp&, Value* a, int n, KwArgs* kw) {
  check_keywords("sorted", kw, {"key", "reverse"});
  check_args("sorted", n, 1, 1);
  ValueVec v = to_vec(a[0]);
  sort_values(v, kw_get(kw, "key"), truthy(kw_get(kw, "reverse")));
  return mk_list(std::move(v));
}

static Value builtin_reversed(Interp&, Value* a, int n, KwArgs* kw) {
  check_keywords("reversed", kw, {}); check_args("reversed", n, 1, 1); return reversed_of(a[0]);
}

static Value builtin_enumerate(Interp&, Value* a, int n, KwArgs* kw) {
  check_keywords("enumerate", kw, {"start"});
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
}

static Value builtin_zip(Interp&, Value* a, int n, KwArgs* kw) {
  check_keywords("zip", kw, {"strict"});
  auto its = std::make_shared<ValueVec>();
  for (int i = 0; i < n; ++i) its->push_back(iter(a[i]));
  bool strict = truthy(kw_get(kw, "strict"));
  return Value::obj(new IterObj([its, strict](Value& out) {
    if (its->empty()) return false;
    ValueVec row;
    for (size_t k = 0; k < its->size(); ++k) {
      Value x;
      if (!next((*its)[k], x)) {
        if (!strict) return false;
        // strict: every argument must end together, as CPython words it
        auto arg = [](const char* one, const char* many, size_t i) {
          if (i == 1) raise_id("ValueError", one, {{"index", "2"}});
          raise_id("ValueError", many, {{"index", std::to_string(i + 1)}, {"last", std::to_string(i)}});
        };
        if (k > 0) arg("runtime.zip_shorter", "runtime.zip_shorter_many", k);
        for (size_t j = 1; j < its->size(); ++j)
          if (next((*its)[j], x)) arg("runtime.zip_longer", "runtime.zip_longer_many", j);
        its->clear();
        return false;
      }
      row.push_back(std::move(x));
    }
    out = mk_tuple(std::move(row));
    return true;
  }));
}

static const NamedBuiltin kCore[] = {
    {"print", builtin_print},
    {"len", builtin_len},
    {"repr", builtin_repr},
    {"ascii", builtin_ascii},
    {"abs", builtin_abs},
    {"min", builtin_min},
    {"max", builtin_max},
    {"sum", builtin_sum},
    {"sorted", builtin_sorted},
    {"reversed", builtin_reversed},
    {"enumerate", builtin_enumerate},
    {"zip", builtin_zip},
};

void Interp::init_builtin_functions(DictObj* b) {
  def_natives(b, kCore);
  def_natives(b, kIterationAndNumbers);
  def_natives(b, kIoAndIdentity);
}

}  // namespace ml::interp
