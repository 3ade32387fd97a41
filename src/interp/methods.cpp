// Methods of the builtin types: list, dict, set, tuple, int, float, files, generators (str's are in
// methods_str.cpp, bytes' in methods_bytes.cpp).
#include <unistd.h>
#include <utf8proc.h>

#include <algorithm>
#include <cmath>

#include "interp/code.h"

namespace ml::interp {

// The builtin item operations, without a subclass's __getitem__/__setitem__ (protocol.cpp)
Value getitem_builtin(const Value& obj, const Value& key);
void setitem_builtin(const Value& obj, const Value& key, Value v);

void sort_list(ValueVec& v, const Value& key, bool reverse);

void init_str_methods(ClassObj* t);  // methods_str.cpp

#define ARGS Interp &, Value *a, int n, KwArgs *kw
#define UNUSED_KW (void)kw

static ValueVec& L(const Value& v) { return v.as<ListObj>()->v; }
static void at_most(const char* name, int given, int max) {
  if (given > max)
    raise_id("TypeError", "runtime.takes_at_most", {{"name", name}, {"max", std::to_string(max)}, {"given", std::to_string(given)}});
}
static const std::string& S(const Value& v) {
  if (!v.is(OK::Str)) raise_id("TypeError", "runtime.must_be_str", {{"type", type_name(v)}});
  return str_of(v);
}

static void init_list_methods(ClassObj* t) {
  def_method(t, "append", [](ARGS) -> Value { check_args("append", n, 2, 2); L(a[0]).push_back(a[1]); return Value(); });
  def_method(t, "extend", [](ARGS) -> Value {
    check_args("extend", n, 2, 2);
    ValueVec items = to_vec(a[1]);
    L(a[0]).insert(L(a[0]).end(), items.begin(), items.end());
    return Value();
  });
  def_method(t, "insert", [](ARGS) -> Value {
    check_args("insert", n, 3, 3);
    auto& l = L(a[0]);
    int64_t i = as_index(a[1]), sz = (int64_t)l.size();
    if (i < 0) i = std::max<int64_t>(0, i + sz);
    if (i > sz) i = sz;
    l.insert(l.begin() + i, a[2]);
    return Value();
  });
  def_method(t, "pop", [](ARGS) -> Value {
    check_args("pop", n, 1, 2);
    auto& l = L(a[0]);
    if (l.empty()) raise_id("IndexError", "runtime.pop_empty_list");
    int64_t i = n > 1 ? as_index(a[1]) : (int64_t)l.size() - 1;
    if (i < 0) i += (int64_t)l.size();
    if (i < 0 || i >= (int64_t)l.size()) raise_id("IndexError", "runtime.pop_index");
    Value v = l[i];
    l.erase(l.begin() + i);
    return v;
  });
  def_method(t, "remove", [](ARGS) -> Value {
    check_args("remove", n, 2, 2);
    auto& l = L(a[0]);
    for (size_t i = 0; i < l.size(); ++i)
      if (eq(l[i], a[1])) { l.erase(l.begin() + i); return Value(); }
    raise_id("ValueError", "runtime.list_remove_missing");
  });
  def_method(t, "index", [](ARGS) -> Value {
    check_args("index", n, 2, 4);
    auto& l = L(a[0]);
    int64_t st = n > 2 ? as_index(a[2]) : 0, en = n > 3 ? as_index(a[3]) : (int64_t)l.size();
    if (st < 0) st = std::max<int64_t>(0, st + (int64_t)l.size());
    if (en < 0) en += (int64_t)l.size();
    for (int64_t i = st; i < std::min<int64_t>(en, l.size()); ++i)
      if (eq(l[i], a[1])) return Value::integer(i);
    raise_id("ValueError", "runtime.not_in_list", {{"value", repr(a[1])}});
  });
  def_method(t, "count", [](ARGS) -> Value {
    check_args("count", n, 2, 2);
    int64_t c = 0;
    for (auto& x : L(a[0])) if (eq(x, a[1])) ++c;
    return Value::integer(c);
  });
  def_method(t, "sort", [](ARGS) -> Value {
    check_args("sort", n, 1, 1);
    ValueVec v = L(a[0]);
    sort_list(v, kw_get(kw, "key"), truthy(kw_get(kw, "reverse")));
    L(a[0]) = std::move(v);
    return Value();
  });
  def_method(t, "reverse", [](ARGS) -> Value { std::reverse(L(a[0]).begin(), L(a[0]).end()); return Value(); });
  def_method(t, "copy", [](ARGS) -> Value { return mk_list(L(a[0])); });
  def_method(t, "clear", [](ARGS) -> Value { L(a[0]).clear(); return Value(); });
  // list.__init__ (re)fills the list: what super().__init__(items) in a subclass's __init__ does
  def_method(t, "__init__", [](ARGS) -> Value {
    at_most("list", n - 1, 1);
    ValueVec items;
    if (n > 1) for_each(a[1], [&](const Value& v) { items.push_back(v); });
    L(a[0]) = std::move(items);
    return Value();
  });
  def_method(t, "__len__", [](ARGS) -> Value { return Value::integer((int64_t)L(a[0]).size()); });
  def_method(t, "__getitem__", [](ARGS) -> Value { return getitem_builtin(a[0], a[1]); });
  def_method(t, "__setitem__", [](ARGS) -> Value { setitem_builtin(a[0], a[1], a[2]); return Value(); });
  def_method(t, "__contains__", [](ARGS) -> Value {
    for (size_t i = 0; i < L(a[0]).size(); ++i) if (eq(L(a[0])[i], a[1])) return Value::boolean(true);
    return Value::boolean(false);
  });
  def_method(t, "__iter__", [](ARGS) -> Value { return iter(a[0]); });
}

static DictObj* D(const Value& v) {
  if (!v.is(OK::Dict)) raise_id("TypeError", "runtime.descriptor_received_a", {{"owner", "dict"}, {"type", type_name(v)}});
  return v.as<DictObj>();
}

static void init_dict_methods(ClassObj* t) {
  def_method(t, "get", [](ARGS) -> Value {
    check_args("get", n, 2, 3);
    Value* v = D(a[0])->find(a[1]);
    return v ? *v : (n > 2 ? a[2] : Value());
  });
  def_method(t, "keys", [](ARGS) -> Value { check_args("keys", n, 1, 1); return Value::obj(new DictViewObj(D(a[0]), DictViewObj::Keys)); });
  def_method(t, "values", [](ARGS) -> Value { check_args("values", n, 1, 1); return Value::obj(new DictViewObj(D(a[0]), DictViewObj::Values)); });
  def_method(t, "items", [](ARGS) -> Value { check_args("items", n, 1, 1); return Value::obj(new DictViewObj(D(a[0]), DictViewObj::Items)); });
  def_method(t, "pop", [](ARGS) -> Value {
    check_args("pop", n, 2, 3);
    Value* v = D(a[0])->find(a[1]);
    if (!v) {
      if (n > 2) return a[2];
      throw PyError(make_exception(I->e("KeyError"), ValueVec{a[1]}));
    }
    Value r = *v;
    D(a[0])->erase(a[1]);
    return r;
  });
  def_method(t, "popitem", [](ARGS) -> Value {
    DictObj* d = D(a[0]);
    for (size_t i = d->entries.size(); i-- > 0;) {
      if (d->entries[i].hash == DictObj::kTombstone) continue;
      Value k = d->entries[i].key, v = d->entries[i].value;
      d->erase(k);
      return mk_tuple({k, v});
    }
    throw PyError(make_exception(I->e("KeyError"), ValueVec{mk_str(msg("runtime.popitem_empty"))}));
  });
  def_method(t, "setdefault", [](ARGS) -> Value {
    check_args("setdefault", n, 2, 3);
    Value* v = D(a[0])->find(a[1]);
    if (v) return *v;
    Value d = n > 2 ? a[2] : Value();
    D(a[0])->set(a[1], d);
    return d;
  });
  def_method(t, "update", [](ARGS) -> Value {
    DictObj* d = D(a[0]);
    if (n > 1) {
      if (a[1].is(OK::Dict)) {
        ValueVec ks, vs;
        a[1].as<DictObj>()->for_each([&](const Value& k, const Value& v) { ks.push_back(k); vs.push_back(v); });
        for (size_t i = 0; i < ks.size(); ++i) d->set(ks[i], vs[i]);
      } else {
        for_each(a[1], [&](const Value& item) {
          ValueVec kv = to_vec(item);
          if (kv.size() != 2) raise_id("ValueError", "runtime.dict_update_length", {{"length", std::to_string(kv.size())}});
          d->set(kv[0], kv[1]);
        });
      }
    }
    if (kw) for (auto& [k, v] : kw->items) d->set(k, v);
    return Value();
  });
  def_method(t, "copy", [](ARGS) -> Value {
    Value r = mk_dict();
    D(a[0])->for_each([&](const Value& k, const Value& v) { r.as<DictObj>()->set(k, v); });
    return r;
  });
  def_method(t, "clear", [](ARGS) -> Value { D(a[0])->clear(); return Value(); });
  t->dict->set(str_key("fromkeys"), Value::obj(new WrapperObj(OK::ClassMethod, Value::obj(new NativeObj("fromkeys", [](ARGS) -> Value {
    Value r = mk_dict();
    Value def = n > 2 ? a[2] : Value();
    for_each(a[1], [&](const Value& k) { r.as<DictObj>()->set(k, def); });
    return r;
  })))));
  def_method(t, "__len__", [](ARGS) -> Value { return Value::integer((int64_t)D(a[0])->size()); });
  def_method(t, "__init__", [](ARGS) -> Value {  // dict.__init__ updates, as CPython's does
    at_most("dict", n - 1, 1);
    return call(getattr(a[0], "update"), a + 1, n - 1, kw);
  });
  def_method(t, "__getitem__", [](ARGS) -> Value {
    Value* v = D(a[0])->find(a[1]);
    if (v) return *v;
    return getitem_builtin(a[0], a[1]);
  });
  def_method(t, "__setitem__", [](ARGS) -> Value { D(a[0])->set(a[1], a[2]); return Value(); });
  def_method(t, "__contains__", [](ARGS) -> Value { return Value::boolean(D(a[0])->find(a[1]) != nullptr); });
  def_method(t, "__iter__", [](ARGS) -> Value { return iter(a[0]); });
}

static SetObj* SD(const Value& v) { return v.as<SetObj>(); }

static void init_set_methods(ClassObj* t, ClassObj* ft) {
  auto both = [&](const std::string& name, NativeFn f) {
    def_method(t, name, f);
    def_method(ft, name, f);
  };
  def_method(t, "add", [](ARGS) -> Value { check_args("add", n, 2, 2); SD(a[0])->add(a[1]); return Value(); });
  def_method(t, "remove", [](ARGS) -> Value {
    check_args("remove", n, 2, 2);
    if (!SD(a[0])->discard(a[1])) throw PyError(make_exception(I->e("KeyError"), ValueVec{a[1]}));
    return Value();
  });
  def_method(t, "discard", [](ARGS) -> Value { check_args("discard", n, 2, 2); SD(a[0])->discard(a[1]); return Value(); });
  def_method(t, "pop", [](ARGS) -> Value {
    check_args("pop", n, 1, 1);
    Value k;
    if (!SD(a[0])->pop(k)) throw PyError(make_exception(I->e("KeyError"), ValueVec{mk_str(msg("runtime.set_pop_empty"))}));
    return k;
  });
  def_method(t, "clear", [](ARGS) -> Value { SD(a[0])->clear(); return Value(); });
  def_method(t, "update", [](ARGS) -> Value {
    for (int i = 1; i < n; ++i) SD(a[0])->update(a[i]);
    return Value();
  });
  both("copy", [](ARGS) -> Value {
    check_args("copy", n, 1, 1);
    if (a[0].is(OK::FrozenSet)) return a[0];
    return set_copy(a[0]);
  });
  both("union", [](ARGS) -> Value {
    Value r = set_copy(a[0]);
    for (int i = 1; i < n; ++i) r.as<SetObj>()->update(a[i]);
    return r;
  });
  both("intersection", [](ARGS) -> Value {
    if (n == 1) return set_copy(a[0]);
    Value r = a[0];
    for (int i = 1; i < n; ++i) r = set_intersection(r, a[i]);
    return r;
  });
  both("difference", [](ARGS) -> Value {
    if (n == 1) return set_copy(a[0]);
    Value r = set_difference(a[0], a[1]);
    for (int i = 2; i < n; ++i) set_difference_update(r.as<SetObj>(), a[i]);
    return r;
  });
  both("symmetric_difference", [](ARGS) -> Value {
    check_args("symmetric_difference", n, 2, 2);
    return set_symmetric_difference(a[0], a[1]);
  });
  def_method(t, "intersection_update", [](ARGS) -> Value {
    Value r = a[0];
    for (int i = 1; i < n; ++i) r = set_intersection(r, a[i]);
    if (n > 1) SD(a[0])->swap_bodies(SD(r));
    return Value();
  });
  def_method(t, "difference_update", [](ARGS) -> Value {
    for (int i = 1; i < n; ++i) set_difference_update(SD(a[0]), a[i]);
    return Value();
  });
  def_method(t, "symmetric_difference_update", [](ARGS) -> Value {
    check_args("symmetric_difference_update", n, 2, 2);
    set_symmetric_difference_update(SD(a[0]), a[1]);
    return Value();
  });
  both("issubset", [](ARGS) -> Value {
    check_args("issubset", n, 2, 2);
    Value other = a[1];
    if (!other.is(OK::Set) && !other.is(OK::FrozenSet)) { other = mk_set(); SD(other)->update(a[1]); }
    if (SD(a[0])->size() > SD(other)->size()) return Value::boolean(false);
    bool ok = true;
    SD(a[0])->for_each_h([&](const Value& k, int64_t h) { if (ok && !SD(other)->contains_h(k, h)) ok = false; });
    return Value::boolean(ok);
  });
  both("issuperset", [](ARGS) -> Value {
    check_args("issuperset", n, 2, 2);
    bool ok = true;
    for_each(a[1], [&](const Value& k) { if (ok && !SD(a[0])->contains(k)) ok = false; });
    return Value::boolean(ok);
  });
  both("isdisjoint", [](ARGS) -> Value {
    check_args("isdisjoint", n, 2, 2);
    bool ok = true;
    for_each(a[1], [&](const Value& k) { if (ok && SD(a[0])->contains(k)) ok = false; });
    return Value::boolean(ok);
  });
  both("__len__", [](ARGS) -> Value { return Value::integer((int64_t)SD(a[0])->size()); });
  def_method(t, "__init__", [](ARGS) -> Value {  // set.__init__ refills the set
    at_most("set", n - 1, 1);
    call(getattr(a[0], "clear"), nullptr, 0, nullptr);
    if (n > 1) call(getattr(a[0], "update"), a + 1, 1, nullptr);
    return Value();
  });
  both("__contains__", [](ARGS) -> Value { return Value::boolean(contains(a[0], a[1])); });
}

// An awaitable that resumes the async generator `gen` (sending `sent`, or throwing `exc`) when
// it is awaited.
static Value resume_later(Value gen, Value sent, Value exc) {
  auto* co = new CoroObj();
  co->thunk = [gen, sent, exc]() {
    bool done;
    Value r = exc.is_none() ? gen_send(gen.as<GenObj>(), sent, done) : gen_throw(gen.as<GenObj>(), exc, done);
    if (done) throw PyError(make_exception(I->e("StopAsyncIteration"), {}));
    return r;
  };
  return Value::obj(co);
}


// open()'s file objects.
static void init_file_methods(Interp& in) {
  // files
  ClassObj* f = in.t_file;
  auto F = [](const Value& v) {
    auto* fo = v.as<FileObj>();
    if (fo->closed || !fo->fp) raise_id("ValueError", "runtime.closed_file");
    return fo;
  };
  // Up to `size` units (bytes in binary mode, characters of UTF-8 text otherwise; all when
  // negative), ending after a newline when `line`.
  auto read_units = [](std::FILE* fp, int64_t size, bool text, bool line) {
    std::string s;
    int64_t count = 0;
    int c;
    while ((size < 0 || count < size || text) && (c = std::fgetc(fp)) != EOF) {
      if (!text || (c & 0xC0) != 0x80) {  // a byte, or the first byte of a character
        if (size >= 0 && count == size) {
          std::ungetc(c, fp);
          break;
        }
        ++count;
      }
      s += (char)c;
      if (line && c == '\n') break;
    }
    return s;
  };
  def_method(f, "read", [F, read_units](ARGS) -> Value {
    auto* fo = F(a[0]);
    int64_t size = n > 1 && !a[1].is_none() ? as_index(a[1]) : -1;
    bool binary = fo->mode.find('b') != std::string::npos;
    std::string s;
    if (size < 0) {
      char buf[65536];
      size_t k;
      while ((k = std::fread(buf, 1, sizeof buf, fo->fp)) > 0) s.append(buf, k);
    } else if (binary) {
      s.resize(size);
      s.resize(std::fread(s.data(), 1, size, fo->fp));
    } else {
      s = read_units(fo->fp, size, true, false);
    }
    if (binary) return mk_bytes(s);
    return mk_str(std::move(s));
  });
  def_method(f, "readline", [F, read_units](ARGS) -> Value {
    check_args("readline", n, 1, 2);
    auto* fo = F(a[0]);
    int64_t size = n > 1 && !a[1].is_none() ? as_index(a[1]) : -1;
    bool binary = fo->mode.find('b') != std::string::npos;
    std::string line = read_units(fo->fp, size, !binary, true);
    if (binary) return mk_bytes(line);
    return mk_str(std::move(line));
  });
  def_method(f, "readlines", [](ARGS) -> Value { return mk_list(to_vec(a[0])); });
  def_method(f, "fileno", [F](ARGS) -> Value { return Value::integer(::fileno(F(a[0])->fp)); });
  def_method(f, "write", [F](ARGS) -> Value {
    check_args("write", n, 2, 2);
    auto* fo = F(a[0]);
    const std::string& s = a[1].is(OK::Bytes) ? a[1].as<BytesObj>()->s : S(a[1]);
    std::fwrite(s.data(), 1, s.size(), fo->fp);
    return Value::integer(a[1].is(OK::Str) ? len(a[1]) : (int64_t)s.size());
  });
  def_method(f, "writelines", [F](ARGS) -> Value {
    auto* fo = F(a[0]);
    for_each(a[1], [&](const Value& x) { std::fwrite(S(x).data(), 1, S(x).size(), fo->fp); });
    return Value();
  });
  def_method(f, "flush", [](ARGS) -> Value {
    auto* fo = a[0].as<FileObj>();
    if (fo->fp && !fo->closed) std::fflush(fo->fp);
    return Value();
  });
  def_method(f, "close", [](ARGS) -> Value {
    auto* fo = a[0].as<FileObj>();
    if (fo->fp && !fo->closed) { std::fclose(fo->fp); fo->closed = true; }
    return Value();
  });
  // seek/tell/truncate work in byte offsets (CPython's text-mode cookies are byte offsets too
  // for a UTF-8 file read from its start).
  def_method(f, "seek", [F](ARGS) -> Value {
    check_args("seek", n, 2, 3);
    auto* fo = F(a[0]);
    int64_t off = as_index(a[1]);
    int whence = n > 2 ? (int)as_index(a[2]) : SEEK_SET;
    if (whence < 0 || whence > 2) raise_id("ValueError", "library.io.bad_whence", {{"whence", std::to_string(whence)}});
    if (std::fseek(fo->fp, (long)off, whence) != 0) raise_errno(errno);
    return Value::integer((int64_t)std::ftell(fo->fp));
  });
  def_method(f, "tell", [F](ARGS) -> Value {
    long pos = std::ftell(F(a[0])->fp);
    if (pos < 0) raise_errno(errno);
    return Value::integer((int64_t)pos);
  });
  def_method(f, "truncate", [F](ARGS) -> Value {
    check_args("truncate", n, 1, 2);
    auto* fo = F(a[0]);
    std::fflush(fo->fp);
    int64_t size = n > 1 && !a[1].is_none() ? as_index(a[1]) : (int64_t)std::ftell(fo->fp);
    if (::ftruncate(::fileno(fo->fp), (off_t)size) != 0) raise_errno(errno);
    return Value::integer(size);
  });
  auto mode_has = [F](const Value& v, const char* chars) {
    const std::string& m = F(v)->mode;
    return Value::boolean(m.find_first_of(chars) != std::string::npos);
  };
  def_method(f, "readable", [mode_has](ARGS) -> Value { return mode_has(a[0], "r+"); });
  def_method(f, "writable", [mode_has](ARGS) -> Value { return mode_has(a[0], "wax+"); });
  def_method(f, "seekable", [F](ARGS) -> Value { return Value::boolean(std::ftell(F(a[0])->fp) >= 0); });
  def_method(f, "isatty", [F](ARGS) -> Value { return Value::boolean(::isatty(::fileno(F(a[0])->fp)) != 0); });
  def_method(f, "__enter__", [](ARGS) -> Value { return a[0]; });
  def_method(f, "__exit__", [](ARGS) -> Value {
    auto* fo = a[0].as<FileObj>();
    if (fo->fp && !fo->closed) { std::fclose(fo->fp); fo->closed = true; }
    return Value::boolean(false);
  });
  def_method(f, "__iter__", [](ARGS) -> Value { return iter(a[0]); });
}


// generators, async generators, iterators, coroutines, range.
static void init_iterator_methods(Interp& in) {
  // generators
  ClassObj* g = in.t_generator;
  def_method(g, "send", [](ARGS) -> Value {
    bool done;
    Value r = gen_send(a[0].as<GenObj>(), n > 1 ? a[1] : Value(), done);
    if (done) throw PyError(make_exception(I->e("StopIteration"), r.is_none() ? ValueVec{} : ValueVec{r}));
    return r;
  });
  def_method(g, "__next__", [](ARGS) -> Value {
    bool done;
    Value r = gen_send(a[0].as<GenObj>(), Value(), done);
    if (done) throw PyError(make_exception(I->e("StopIteration"), r.is_none() ? ValueVec{} : ValueVec{r}));
    return r;
  });
  def_method(g, "__iter__", [](ARGS) -> Value { return a[0]; });
  def_method(g, "close", [](ARGS) -> Value {
    gen_close(a[0].as<GenObj>());
    return Value();
  });
  def_method(g, "throw", [](ARGS) -> Value {
    if (n < 2) raise_id("TypeError", "runtime.throw_no_argument");
    Value exc = a[1];
    if (exc.is(OK::Class)) exc = call(exc, nullptr, 0);  // g.throw(ValueError)
    if (!exc.is(OK::Inst) || !exc.o->type->is_exception) raise_id("TypeError", "runtime.not_an_exception");
    bool done;
    Value r = gen_throw(a[0].as<GenObj>(), exc, done);
    if (done) throw PyError(make_exception(I->e("StopIteration"), r.is_none() ? ValueVec{} : ValueVec{r}));
    return r;
  });
  // async generators: __anext__/asend/athrow/aclose give awaitables that resume the generator
  // when awaited (an await inside it then suspends the coroutine driving the awaiter)
  ClassObj* ag = in.t_async_generator;
  def_method(ag, "__aiter__", [](ARGS) -> Value { return a[0]; });
  def_method(ag, "__anext__", [](ARGS) -> Value { return resume_later(a[0], Value(), Value()); });
  def_method(ag, "asend", [](ARGS) -> Value { return resume_later(a[0], n > 1 ? a[1] : Value(), Value()); });
  def_method(ag, "athrow", [](ARGS) -> Value {
    if (n < 2) raise_id("TypeError", "runtime.throw_no_argument");
    Value exc = a[1];
    if (exc.is(OK::Class)) exc = call(exc, nullptr, 0);
    if (!exc.is(OK::Inst) || !exc.o->type->is_exception) raise_id("TypeError", "runtime.not_an_exception");
    return resume_later(a[0], Value(), exc);
  });
  def_method(ag, "aclose", [](ARGS) -> Value {
    Value gen = a[0];
    auto* co = new CoroObj();
    co->thunk = [gen]() { gen_close(gen.as<GenObj>()); return Value(); };
    return Value::obj(co);
  });
  ClassObj* it2 = in.t_iterator;
  def_method(it2, "__next__", [](ARGS) -> Value {
    Value out;
    if (!a[0].as<IterObj>()->next(out)) throw PyError(make_exception(I->e("StopIteration"), {}));
    return out;
  });
  def_method(it2, "__iter__", [](ARGS) -> Value { return a[0]; });
  ClassObj* co = in.t_coroutine;
  def_method(co, "send", [](ARGS) -> Value {
    bool done;
    Value r = coro_send(a[0].as<CoroObj>(), n > 1 ? a[1] : Value(), done);
    if (done) throw PyError(make_exception(I->e("StopIteration"), r.is_none() ? ValueVec{} : ValueVec{r}));
    return r;
  });
  def_method(co, "throw", [](ARGS) -> Value {
    if (n < 2) raise_id("TypeError", "runtime.throw_no_argument");
    Value exc = a[1];
    if (exc.is(OK::Class)) exc = call(exc, nullptr, 0);
    if (!exc.is(OK::Inst) || !exc.o->type->is_exception) raise_id("TypeError", "runtime.not_an_exception");
    bool done;
    Value r = coro_throw(a[0].as<CoroObj>(), exc, done);
    if (done) throw PyError(make_exception(I->e("StopIteration"), r.is_none() ? ValueVec{} : ValueVec{r}));
    return r;
  });
  def_method(co, "close", [](ARGS) -> Value { coro_close(a[0].as<CoroObj>()); return Value(); });
  ClassObj* r = in.t_range;
  def_method(r, "index", [](ARGS) -> Value {
    auto* rg = a[0].as<RangeObj>();
    if (!contains(a[0], a[1])) raise_id("ValueError", "runtime.not_in_range", {{"value", repr(a[1])}});
    return Value::integer((as_index(a[1]) - rg->start) / rg->step);
  });
  def_method(r, "count", [](ARGS) -> Value { return Value::integer(contains(a[0], a[1]) ? 1 : 0); });
  // slice.indices(length): (start, stop, step) clipped to a sequence of that length
  def_method(in.t_slice, "indices", [](ARGS) -> Value {
    check_args("indices", n, 2, 2);
    int64_t len = as_index(a[1]);
    if (len < 0) raise_id("ValueError", "runtime.slice_length_negative");
    int64_t start, stop, step;
    slice_indices(a[0].as<SliceObj>(), len, start, stop, step);
    return mk_tuple({Value::integer(start), Value::integer(stop), Value::integer(step)});
  });
}

static void init_misc_methods(Interp& in) {
  ClassObj* t = in.t_tuple;
  def_method(t, "count", [](ARGS) -> Value {
    int64_t c = 0;
    for (auto& x : a[0].as<TupleObj>()->v) if (eq(x, a[1])) ++c;
    return Value::integer(c);
  });
  def_method(t, "index", [](ARGS) -> Value {
    auto& v = a[0].as<TupleObj>()->v;
    for (size_t i = 0; i < v.size(); ++i) if (eq(v[i], a[1])) return Value::integer((int64_t)i);
    raise_id("ValueError", "runtime.tuple_index_missing");
  });
  def_method(t, "__len__", [](ARGS) -> Value { return Value::integer(len(a[0])); });
  def_method(t, "__getitem__", [](ARGS) -> Value { return getitem(a[0], a[1]); });

  ClassObj* it = in.t_int;
  def_method(it, "bit_length", [](ARGS) -> Value {
    if (a[0].t == VT::Int || a[0].t == VT::Bool) {
      int64_t x = a[0].t == VT::Int ? a[0].i : a[0].b;
      uint64_t u = x < 0 ? (uint64_t)(-(x + 1)) + 1 : (uint64_t)x;
      return Value::integer(u ? 64 - __builtin_clzll(u) : 0);
    }
    return Value::integer((int64_t)mpz_sizeinbase(a[0].as<BigObj>()->z, 2));
  });
  def_method(it, "bit_count", [](ARGS) -> Value {
    mpz_t z;
    mpz_init(z);
    to_mpz(a[0], z);
    mpz_abs(z, z);
    int64_t c = (int64_t)mpz_popcount(z);
    mpz_clear(z);
    return Value::integer(c);
  });
  def_method(it, "conjugate", [](ARGS) -> Value { return a[0]; });
  def_method(it, "__index__", [](ARGS) -> Value { return a[0].t == VT::Bool ? Value::integer(a[0].b) : a[0]; });
  def_method(it, "__add__", [](ARGS) -> Value { return binop(ast::BinOp::Add, a[0], a[1]); });
  def_method(it, "__sub__", [](ARGS) -> Value { return binop(ast::BinOp::Sub, a[0], a[1]); });
  def_method(it, "__mul__", [](ARGS) -> Value { return binop(ast::BinOp::Mul, a[0], a[1]); });
  def_method(it, "__eq__", [](ARGS) -> Value { return Value::boolean(eq(a[0], a[1])); });
  def_method(it, "__hash__", [](ARGS) -> Value { return Value::integer(hash_value(a[0])); });
  def_method(it, "__format__", [](ARGS) -> Value { return format_value(a[0], S(a[1])); });
  def_method(it, "__str__", [](ARGS) -> Value { return mk_str(repr(a[0])); });
  def_method(it, "__repr__", [](ARGS) -> Value { return mk_str(repr(a[0])); });

  ClassObj* ft = in.t_float;
  def_method(ft, "is_integer", [](ARGS) -> Value { return Value::boolean(std::isfinite(a[0].f) && a[0].f == std::floor(a[0].f)); });
  def_method(ft, "conjugate", [](ARGS) -> Value { return a[0]; });
  def_method(ft, "as_integer_ratio", [](ARGS) -> Value {
    double d = a[0].f;
    if (!std::isfinite(d)) raise_id("ValueError", "runtime.integer_ratio");
    mpq_t q;
    mpq_init(q);
    mpq_set_d(q, d);
    Value num = int_from_mpz(mpq_numref(q)), den = int_from_mpz(mpq_denref(q));
    mpq_clear(q);
    return mk_tuple({num, den});
  });
  def_method(ft, "__format__", [](ARGS) -> Value { return format_value(a[0], S(a[1])); });
  def_method(ft, "__str__", [](ARGS) -> Value { return mk_str(repr(a[0])); });
  def_method(ft, "__repr__", [](ARGS) -> Value { return mk_str(repr(a[0])); });
  init_file_methods(in);
  init_iterator_methods(in);
}

// int.__repr__, dict.__repr__, ...: each builtin type's own (programs compare them by identity,
// as pprint does, and call them through super()). A subclass's value is shown as its builtin.
static void init_builtin_reprs() {
  for (ClassObj* t : {I->t_int, I->t_float, I->t_bool, I->t_str, I->t_bytes, I->t_list, I->t_tuple, I->t_dict, I->t_set,
                      I->t_frozenset, I->t_none, I->t_range}) {
    def_method(t, "__repr__", [](ARGS) -> Value {
      check_args("__repr__", n, 1, 1);
      const Value& v = a[0];
      if (!v.is_obj() || v.o->type->builtin) return mk_str(repr(v));
      switch (v.o->kind) {
        case OK::List: return mk_str(repr(mk_list(v.as<ListObj>()->v)));
        case OK::Tuple: return mk_str(repr(mk_tuple(v.as<TupleObj>()->v)));
        case OK::Dict: {
          Value d = mk_dict();
          v.as<DictObj>()->for_each([&](const Value& k, const Value& x) { d.as<DictObj>()->set(k, x); });
          return mk_str(repr(d));
        }
        default: return mk_str(repr(v));
      }
    });
  }
}

static void init_dict_view_methods() {
  for (ClassObj* t : {I->t_dict_keys, I->t_dict_values, I->t_dict_items}) {
    def_method(t, "__len__", [](ARGS) -> Value { return Value::integer(len(a[0])); });
    def_method(t, "__iter__", [](ARGS) -> Value { return iter(a[0]); });
    def_method(t, "__contains__", [](ARGS) -> Value { return Value::boolean(contains(a[0], a[1])); });
    def_method(t, "__reversed__", [](ARGS) -> Value {
      ValueVec v = to_vec(a[0]);
      std::reverse(v.begin(), v.end());
      return iter(mk_list(std::move(v)));
    });
  }
  for (ClassObj* t : {I->t_dict_keys, I->t_dict_items}) {
    def_method(t, "isdisjoint", [](ARGS) -> Value {
      check_args("isdisjoint", n, 2, 2);
      bool ok = true;
      for_each(a[1], [&](const Value& k) { if (ok && dict_view_contains(a[0].as<DictViewObj>(), k)) ok = false; });
      return Value::boolean(ok);
    });
  }
}

void init_bytes_methods();  // methods_bytes.cpp
void init_metaclass_support();  // metaclass.cpp

void init_type_methods() {
  init_dict_view_methods();
  init_builtin_reprs();
  init_bytes_methods();
  init_metaclass_support();
  init_str_methods(I->t_str);
  init_list_methods(I->t_list);
  init_dict_methods(I->t_dict);
  init_set_methods(I->t_set, I->t_frozenset);
  init_misc_methods(*I);
  init_float_subclass_methods(I->t_float);  // after float's own methods, which it wraps
}

}  // namespace ml::interp
