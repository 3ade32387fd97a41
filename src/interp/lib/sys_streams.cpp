// The parts of `sys` beyond its basics (modules.cpp): sys.stdout / sys.stderr / sys.stdin as
// file-like objects over the interpreter's streams, intern, version_info, byteorder, exc_info.
#include <iostream>

#include "interp/code.h"

namespace ml::interp {

namespace {

#define ARGS Interp &, Value *a, int n, KwArgs *kw

// A text stream object: an instance of a small class whose methods write to (or read from)
// the stream the interpreter was given, so print(file=sys.stdout) and sys.stdout.write
// interleave correctly with print().
Value make_stream(ClassObj* cls, const char* name) {
  Value s = make_instance(cls);
  s.as<InstObj>()->set_attr("name", mk_str(name));
  s.as<InstObj>()->set_attr("encoding", mk_str("utf-8"));
  return s;
}

std::ostream& out_of(const Value& self) {
  Value* nm = self.as<InstObj>()->find_attr("name");
  if (nm && nm->is(OK::Str) && str_of(*nm) == "<stderr>") {
    I->out->flush();
    return std::cerr;
  }
  return *I->out;
}

}  // namespace

void init_sys_streams(DictObj* sd) {
  Value cv = make_class("TextIOWrapper", {}, Ref<DictObj>(new DictObj()));
  auto* cls = cv.as<ClassObj>();
  incref(cls);
  def_method(cls, "write", [](ARGS) -> Value {
    check_args("write", n, 2, 2);
    if (!a[1].is(OK::Str)) raise_id("TypeError", "runtime.argument_must_be_str", {{"name", "write"}, {"type", type_name(a[1])}});
    const std::string& s = str_of(a[1]);
    out_of(a[0]).write(s.data(), (std::streamsize)s.size());
    return Value::integer(len(a[1]));
  });
  def_method(cls, "writelines", [](ARGS) -> Value {
    std::ostream& o = out_of(a[0]);
    for_each(a[1], [&](const Value& x) { o << str_of(x); });
    return Value();
  });
  def_method(cls, "flush", [](ARGS) -> Value { out_of(a[0]).flush(); return Value(); });
  def_method(cls, "isatty", [](ARGS) -> Value { return Value::boolean(false); });
  def_method(cls, "fileno", [](ARGS) -> Value {
    Value* nm = a[0].as<InstObj>()->find_attr("name");
    const std::string& s = str_of(*nm);
    return Value::integer(s == "<stdin>" ? 0 : s == "<stdout>" ? 1 : 2);
  });
  def_method(cls, "readline", [](ARGS) -> Value {
    std::string line;
    if (!std::getline(*I->in, line)) return mk_str("");
    if (!I->in->eof()) line += "\n";
    return mk_str(line);
  });
  def_method(cls, "read", [](ARGS) -> Value {
    std::string all, line;
    while (std::getline(*I->in, line)) all += line + (I->in->eof() ? "" : "\n");
    return mk_str(all);
  });
  def_method(cls, "readlines", [](ARGS) -> Value {
    ValueVec lines;
    std::string line;
    while (std::getline(*I->in, line)) lines.push_back(mk_str(line + (I->in->eof() ? "" : "\n")));
    return mk_list(std::move(lines));
  });
  def_method(cls, "__iter__", [](ARGS) -> Value {
    return Value::obj(new IterObj([](Value& out) {
      std::string line;
      if (!std::getline(*I->in, line)) return false;
      out = mk_str(line + (I->in->eof() ? "" : "\n"));
      return true;
    }));
  });
  Value out = make_stream(cls, "<stdout>"), err = make_stream(cls, "<stderr>"), in = make_stream(cls, "<stdin>");
  for (auto [k, v] : {std::pair{"stdout", out}, {"__stdout__", out}, {"stderr", err}, {"__stderr__", err},
                      {"stdin", in}, {"__stdin__", in}})
    sd->set(str_key(k), v);
  def_native(sd, "intern", [](ARGS) -> Value {
    check_args("intern", n, 1, 1);
    if (!a[0].is(OK::Str)) raise_id("TypeError", "runtime.argument_must_be_str", {{"name", "intern"}, {"type", type_name(a[0])}});
    return a[0];
  });
  def_native(sd, "exc_info", [](ARGS) -> Value {
    if (I->handling.empty()) return mk_tuple({Value(), Value(), Value()});
    Value e = I->handling.back();
    return mk_tuple({Value::obj(type_of(e)), e, exception_traceback(e)});
  });
  def_native(sd, "exception", [](ARGS) -> Value { return I->handling.empty() ? Value() : I->handling.back(); });
  def_native(sd, "getdefaultencoding", [](ARGS) -> Value { return mk_str("utf-8"); });
  def_native(sd, "getsizeof", [](ARGS) -> Value { return Value::integer(a[0].is_obj() ? 56 : 28); });
  sd->set(str_key("hexversion"), Value::integer(0x030B00F0));
  sd->set(str_key("byteorder"), mk_str("little"));
  sd->set(str_key("maxunicode"), Value::integer(0x10FFFF));
  sd->set(str_key("executable"), mk_str("multilingual"));
  sd->set(str_key("implementation_name"), mk_str("multilingual"));
  sd->set(str_key("builtin_module_names"), mk_tuple({mk_str("sys"), mk_str("math"), mk_str("time")}));
  sd->set(str_key("dont_write_bytecode"), Value::boolean(true));
  // The rest of sys (version_info, implementation, flags, float_info, ...) is made in Python on
  // first use, so start-up does not pay for it: the module's __getattr__ asks stdlib/_sysinfo.py.
  // Other names are a plain AttributeError, without running Python code (a miss must stay
  // cheap, and safe where no code may run, as after a time limit has run out).
  def_native(sd, "__getattr__", [](ARGS) -> Value {
    check_args("__getattr__", n, 1, 1);
    static const char* made[] = {"version_info", "implementation", "flags", "float_info", "int_info", "hash_info",
                                 "float_repr_style", "abiflags", "api_version", "warnoptions", "getfilesystemencoding",
                                 "getfilesystemencodeerrors", "getswitchinterval", "setswitchinterval"};
    std::string name = a[0].is(OK::Str) ? str_of(a[0]) : std::string();
    for (const char* m : made)
      if (name == m) return call1(getattr(import_module("_sysinfo"), "lookup"), a[0]);
    throw PyError(make_exception(I->e("AttributeError"), ValueVec{a[0]}));
  });
}

}  // namespace ml::interp
