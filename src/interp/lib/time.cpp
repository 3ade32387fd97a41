// Python's time module: clocks, sleep, and calendar time (localtime, gmtime, mktime, strftime,
// asctime, ctime) with struct_time as a named tuple.
#include <chrono>
#include <cmath>
#include <ctime>
#include <thread>

#include "interp/lib/libutil.h"

namespace ml::interp {

namespace {

// time.struct_time: a named tuple class, made on first use (stdlib/_namedtuple.py).
Value struct_time_class() {
  static Value cls;
  if (cls.is_none()) {
    ValueVec fields;
    for (const char* f : {"tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst"})
      fields.push_back(mk_str(f));
    Value args[2] = {mk_str("struct_time"), mk_list(std::move(fields))};
    cls = call(getattr(import_module("_namedtuple"), "namedtuple"), args, 2);
    incref(cls.o);  // kept for the whole run
  }
  return cls;
}

Value to_struct_time(const std::tm& t) {
  // Python: Monday is 0, January is 1, day of the year counts from 1.
  Value args[9] = {Value::integer(t.tm_year + 1900), Value::integer(t.tm_mon + 1), Value::integer(t.tm_mday),
                   Value::integer(t.tm_hour), Value::integer(t.tm_min), Value::integer(t.tm_sec),
                   Value::integer((t.tm_wday + 6) % 7), Value::integer(t.tm_yday + 1), Value::integer(t.tm_isdst)};
  return call(struct_time_class(), args, 9);
}

std::tm from_struct_time(const Value& v) {
  ValueVec f = to_vec(v);
  if (f.size() < 9) raise_id("TypeError", "runtime.time_tuple_size");
  std::tm t{};
  t.tm_year = (int)as_index(f[0]) - 1900;
  t.tm_mon = (int)as_index(f[1]) - 1;
  t.tm_mday = (int)as_index(f[2]);
  t.tm_hour = (int)as_index(f[3]);
  t.tm_min = (int)as_index(f[4]);
  t.tm_sec = (int)as_index(f[5]);
  t.tm_wday = (int)((as_index(f[6]) + 1) % 7);
  t.tm_yday = (int)as_index(f[7]) - 1;
  t.tm_isdst = (int)as_index(f[8]);
  return t;
}

double now() {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::tm broken_down(Value* a, int n, bool local) {
  std::time_t secs = n > 0 && !a[0].is_none() ? (std::time_t)std::floor(to_double(a[0])) : (std::time_t)std::floor(now());
  std::tm t{};
  if (local) localtime_r(&secs, &t);
  else gmtime_r(&secs, &t);
  return t;
}

std::tm now_or(Value* a, int n, int i) {
  if (n > i && !a[i].is_none()) return from_struct_time(a[i]);
  return broken_down(nullptr, 0, true);
}

std::string format_tm(const std::string& fmt, const std::tm& t) {
  if (fmt.empty()) return "";
  std::string buf(256 + fmt.size() * 4, '\0');
  size_t k = std::strftime(buf.data(), buf.size(), fmt.c_str(), &t);
  buf.resize(k);
  return buf;
}

}  // namespace

void init_time() {
  Value m = lib_module("time");
  DictObj* d = module_dict(m);
  def_native(d, "time", [](ARGS) -> Value { return Value::flt(now()); });
  def_native(d, "time_ns", [](ARGS) -> Value {
    return Value::integer((int64_t)std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch()).count());
  });
  auto mono = [](ARGS) -> Value {
    return Value::flt(std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count());
  };
  auto mono_ns = [](ARGS) -> Value {
    return Value::integer((int64_t)std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch()).count());
  };
  def_native(d, "perf_counter", mono);
  def_native(d, "monotonic", mono);
  def_native(d, "perf_counter_ns", mono_ns);
  def_native(d, "monotonic_ns", mono_ns);
  def_native(d, "process_time", [](ARGS) -> Value { return Value::flt((double)std::clock() / CLOCKS_PER_SEC); });
  def_native(d, "sleep", [](ARGS) -> Value {
    check_args("sleep", n, 1, 1);
    double s = to_double(a[0]);
    if (s < 0) raise_id("ValueError", "runtime.sleep_negative");
    std::this_thread::sleep_for(std::chrono::duration<double>(s));
    return Value();
  });
  def_native(d, "localtime", [](ARGS) -> Value { check_args("localtime", n, 0, 1); return to_struct_time(broken_down(a, n, true)); });
  def_native(d, "gmtime", [](ARGS) -> Value { check_args("gmtime", n, 0, 1); return to_struct_time(broken_down(a, n, false)); });
  def_native(d, "mktime", [](ARGS) -> Value {
    check_args("mktime", n, 1, 1);
    std::tm t = from_struct_time(a[0]);
    std::time_t r = std::mktime(&t);
    if (r == (std::time_t)-1) raise_id("OverflowError", "runtime.mktime_range");
    return Value::flt((double)r);
  });
  def_native(d, "strftime", [](ARGS) -> Value {
    check_args("strftime", n, 1, 2);
    if (!a[0].is(OK::Str)) raise_id("TypeError", "runtime.argument_one_must_be_str", {{"name", "strftime"}, {"type", type_name(a[0])}});
    return mk_str(format_tm(str_of(a[0]), now_or(a, n, 1)));
  });
  def_native(d, "asctime", [](ARGS) -> Value { return mk_str(format_tm("%a %b %e %H:%M:%S %Y", now_or(a, n, 0))); });
  def_native(d, "ctime", [](ARGS) -> Value { return mk_str(format_tm("%a %b %e %H:%M:%S %Y", broken_down(a, n, true))); });
  def_native(d, "struct_time", [](ARGS) -> Value { return call(struct_time_class(), a, n, kw); });
  d->set(str_key("timezone"), Value::integer(0));
  d->set(str_key("altzone"), Value::integer(0));
  d->set(str_key("daylight"), Value::integer(0));
  d->set(str_key("tzname"), mk_tuple({mk_str("UTC"), mk_str("UTC")}));
}

}  // namespace ml::interp
