// Python's time module: clocks, sleep, and calendar time (localtime, gmtime, mktime, strftime,
// asctime, ctime) with struct_time as a named tuple.
#include <cerrno>
#include <chrono>
#include <time.h>
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
    // printed with its module, as CPython's structseq is: time.struct_time(tm_year=...)
    def_method(cls.as<ClassObj>(), "__repr__", [](ARGS) -> Value {
      static const char* names[] = {"tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst"};
      ValueVec f = to_vec(a[0]);
      std::string s = "time.struct_time(";
      for (size_t i = 0; i < f.size() && i < 9; ++i) s += std::string(i ? ", " : "") + names[i] + "=" + repr(f[i]);
      return mk_str(s + ")");
    });
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

// time.strptime(text, format): glibc's strptime on the text, with Python's defaults for what the
// format leaves out (1900-01-01 00:00:00), weekday and day of the year worked out from the date
// and tm_isdst -1; ValueError when the text does not match or is not used up.
Value strptime_value(const std::string& text, const std::string& fmt) {
  std::tm t{};
  t.tm_year = 0;
  t.tm_mday = 1;
  const char* end = ::strptime(text.c_str(), fmt.c_str(), &t);
  if (!end) value_error("time data " + str_repr(text) + " does not match format " + str_repr(fmt));
  if (*end) value_error("unconverted data remains: " + std::string(end));
  std::tm c = t;
  c.tm_isdst = 0;
  timegm(&c);  // fills in tm_wday and tm_yday (in UTC: no time zone shifts the date)
  t.tm_wday = c.tm_wday;
  t.tm_yday = c.tm_yday;
  t.tm_isdst = -1;
  return to_struct_time(t);
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
    // A signal cuts the sleep short: its Python handler runs (and may raise), then the sleep goes
    // on for the time left, as CPython does (PEP 475).
    auto until = std::chrono::steady_clock::now() + std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::duration<double>(s));
    while (true) {
      auto left = std::chrono::duration_cast<std::chrono::nanoseconds>(until - std::chrono::steady_clock::now()).count();
      if (left <= 0) break;
      timespec ts{(time_t)(left / 1000000000), (long)(left % 1000000000)};
      if (nanosleep(&ts, nullptr) == 0) break;
      if (errno == EINTR) check_interrupt();
    }
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
  def_native(d, "strptime", [](ARGS) -> Value {
    check_args("strptime", n, 1, 2);
    if (!a[0].is(OK::Str)) type_error("strptime() argument 1 must be str, not " + type_name(a[0]));
    std::string fmt = n > 1 ? (a[1].is(OK::Str) ? str_of(a[1]) : (type_error("strptime() argument 2 must be str, not " + type_name(a[1])), "")) : "%a %b %d %H:%M:%S %Y";
    return strptime_value(str_of(a[0]), fmt);
  });
  // struct_time(sequence) as in CPython (9 fields; the 10th and 11th, tm_zone and tm_gmtoff, are
  // dropped); nine separate arguments are also taken
  def_native(d, "struct_time", [](ARGS) -> Value {
    if (n != 1) return call(struct_time_class(), a, n, kw);
    ValueVec f = to_vec(a[0]);
    if (f.size() < 9 || f.size() > 11) raise_id("TypeError", "runtime.time_tuple_size");
    return call(struct_time_class(), f.data(), 9);
  });
  d->set(str_key("timezone"), Value::integer(0));
  d->set(str_key("altzone"), Value::integer(0));
  d->set(str_key("daylight"), Value::integer(0));
  d->set(str_key("tzname"), mk_tuple({mk_str("UTC"), mk_str("UTC")}));
}

}  // namespace ml::interp
