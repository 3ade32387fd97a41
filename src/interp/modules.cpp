// The builtin modules made at start-up: _string, sys, builtins, and init_modules, which
// registers every library module (the others are in src/interp/lib, one file each).
#include <chrono>
#include <cmath>
#include <ctime>
#include <numeric>
#include <thread>

#include "interp/int_str_limit.h"
#include "interp/code.h"
#include "interp/lib/lib_modules.h"

namespace ml::interp {

void sort_list(ValueVec& v, const Value& key, bool reverse);
Value make_class(const std::string& name, ValueVec bases, Ref<DictObj> ns);
void init_frame_objects(DictObj* sys);  // frame_objects.cpp: sys._getframe and frame objects

#define ARGS Interp &, Value *a, int n, KwArgs *kw

static Value new_module(const std::string& name) {
  auto* m = new ModuleObj(name);
  Value v = Value::obj(m);
  I->modules[name] = v;
  return v;
}
static DictObj* MD(const Value& m) { return m.as<ModuleObj>()->dict.get(); }

static void init_misc_modules() {
  Value s = new_module("_string");
  DictObj* d = MD(s);
  d->set(str_key("ascii_lowercase"), mk_str("abcdefghijklmnopqrstuvwxyz"));
  d->set(str_key("ascii_uppercase"), mk_str("ABCDEFGHIJKLMNOPQRSTUVWXYZ"));
  d->set(str_key("ascii_letters"), mk_str("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"));
  d->set(str_key("digits"), mk_str("0123456789"));
  d->set(str_key("hexdigits"), mk_str("0123456789abcdefABCDEF"));
  d->set(str_key("octdigits"), mk_str("01234567"));
  d->set(str_key("punctuation"), mk_str("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"));
  d->set(str_key("whitespace"), mk_str(" \t\n\r\x0b\x0c"));
  d->set(str_key("printable"), mk_str("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ \t\n\r\x0b\x0c"));
  def_native(d, "capwords", [](ARGS) -> Value {
    Value words = call0(getattr(a[0], "split"));
    ValueVec out;
    for_each(words, [&](const Value& w) { out.push_back(call0(getattr(w, "capitalize"))); });
    return call1(getattr(mk_str(" "), "join"), mk_list(std::move(out)));
  });

  Value sys = new_module("sys");
  DictObj* sd = MD(sys);
  def_native(sd, "exit", [](ARGS) -> Value {
    throw PyError(make_exception(I->e("SystemExit"), n ? ValueVec{a[0]} : ValueVec{}));
  });
  def_native(sd, "getrecursionlimit", [](Interp& in, Value*, int, KwArgs*) -> Value { return Value::integer(in.recursion_limit); });
  def_native(sd, "setrecursionlimit", [](Interp& in, Value* a, int, KwArgs*) -> Value {
    in.recursion_limit = (int)std::min<int64_t>(as_index(a[0]), 20000);
    return Value();
  });
  set_max_str_digits(kDefaultMaxStrDigits);  // each interpreter starts at Python's default
  def_native(sd, "get_int_max_str_digits", [](ARGS) -> Value { return Value::integer(max_str_digits()); });
  def_native(sd, "set_int_max_str_digits", [](ARGS) -> Value {
    int64_t d = n ? as_index(a[0]) : kDefaultMaxStrDigits;
    if (d != 0 && d < kMaxStrDigitsThreshold)
      raise_id("ValueError", "runtime.int_max_str_digits_range", {{"min", std::to_string(kMaxStrDigitsThreshold)}});
    set_max_str_digits(int(std::min<int64_t>(d, INT32_MAX)));
    return Value();
  });
  sd->set(str_key("argv"), mk_list());
  sd->set(str_key("maxsize"), Value::integer(INT64_MAX));
  sd->set(str_key("version"), mk_str("3.11 (multilingual)"));
  sd->set(str_key("platform"), mk_str("linux"));
  init_sys_streams(sd);
  init_frame_objects(sd);

  init_os();  // lib/os.cpp
  init_signal();  // lib/signal.cpp
}

void init_modules() {
  {  // builtins: the module whose namespace is the builtins themselves
    Value b = new_module("builtins");
    b.as<ModuleObj>()->dict = I->builtins;
  }
  init_math();
  init_json();  // lib/json.cpp
  init_traceback();
  init_random();  // lib/random.cpp
  init_time();  // lib/time.cpp
  init_datetime();  // lib/datetime.cpp
  init_functools();
  init_collections();
  init_itertools();
  init_misc_modules();
  init_re();
  init_struct();
  init_zlib();
  init_binascii();
  init_tomllib();
  init_ml_text();
  init_weakref();
  init_gc();
  init_pickle_accel();
  init_coswitch();
  init_unicodedata();
  init_ast();
  init_lsprof();
  init_array();
  init_etree();
#if !defined(__EMSCRIPTEN__)
  // Not in the playground's wasm build, which has none of these libraries and no sockets:
  // importing bz2, lzma, sqlite3, socket or select there is an ImportError (their modules import
  // these).
  init_bz2();
  init_lzma();
  init_sqlite3();
  init_socket();
  init_pyexpat();
#endif
}

}  // namespace ml::interp
