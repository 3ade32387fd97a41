// datetime's time zones: the abstract tzinfo, the fixed-offset timezone (timezone.utc), and
// what makes a datetime aware: utcoffset/dst/tzname, astimezone, timestamp and comparisons in
// UTC (the rest of datetime is in datetime.cpp).
#include <chrono>
#include <cmath>
#include <ctime>

#include "interp/lib/datetime_impl.h"

namespace ml::interp::dtimpl {


std::string offset_text(int64_t us, const char* colon) {
  char sign = us < 0 ? '-' : '+';
  if (us < 0) us = -us;
  int64_t s = us / 1000000, frac = us % 1000000;
  char b[48];
  std::snprintf(b, sizeof b, "%c%02lld%s%02lld", sign, (long long)(s / 3600), colon, (long long)((s / 60) % 60));
  std::string out = b;
  if (s % 60 || frac) {
    std::snprintf(b, sizeof b, "%s%02lld", colon, (long long)(s % 60));
    out += b;
  }
  if (frac) {
    std::snprintf(b, sizeof b, ".%06lld", (long long)frac);
    out += b;
  }
  return out;
}

bool parse_offset(std::string_view s, int64_t& us) {
  if (s == "Z") { us = 0; return true; }
  if (s.size() < 3 || (s[0] != '+' && s[0] != '-')) return false;
  int sign = s[0] == '-' ? -1 : 1;
  int64_t parts[3] = {0, 0, 0}, frac = 0;
  size_t pos = 1;
  for (int i = 0; i < 3 && pos < s.size(); ++i) {
    if (i > 0) {
      if (s[pos] != ':') return false;
      ++pos;
    }
    if (pos + 2 > s.size() || !std::isdigit((unsigned char)s[pos]) || !std::isdigit((unsigned char)s[pos + 1])) return false;
    parts[i] = (s[pos] - '0') * 10 + (s[pos + 1] - '0');
    pos += 2;
  }
  if (pos < s.size()) {
    if (s[pos] != '.' || s.size() - pos - 1 != 6) return false;
    for (size_t k = pos + 1; k < s.size(); ++k) {
      if (!std::isdigit((unsigned char)s[k])) return false;
      frac = frac * 10 + (s[k] - '0');
    }
  }
  if (parts[1] > 59 || parts[2] > 59) return false;
  us = sign * (((parts[0] * 60 + parts[1]) * 60 + parts[2]) * 1000000 + frac);
  return true;
}

Value tz_arg(const Value* v) {
  if (!v || v->is_none()) return Value();
  if (!type_of(*v)->is_subclass(t_tzinfo)) raise_id("TypeError", "runtime.tzinfo_type", {{"type", type_name(*v)}});
  return *v;
}

Value tz_call(const Value& dt, const char* method) {
  Value tz = getattr(dt, "tzinfo");
  if (tz.is_none()) return Value();
  Value r = call1(getattr(tz, method), dt);
  if (method[0] != 't' && !r.is_none() && !is_td(r))
    raise_id("TypeError", "runtime.tzinfo_result_type", {{"method", method}, {"type", type_name(r)}});
  return r;
}

bool offset_us(const Value& dt, int64_t& off) {
  Value r = tz_call(dt, "utcoffset");
  if (r.is_none()) return false;
  off = td_us(r);
  return true;
}

Value timezone_of(int64_t us, Value name) {
  Value args[2] = {make_td(0, 0, us), name};
  return call(Value::obj(t_timezone), args, name.is_none() ? 1 : 2);
}

// tzinfo.fromutc's general algorithm (CPython's): dt holds UTC time with tzinfo self.
static Value generic_fromutc(const Value& dt) {
  Value off = tz_call(dt, "utcoffset");
  if (off.is_none()) raise_id("ValueError", "runtime.fromutc_none", {{"method", "utcoffset"}});
  Value dst = tz_call(dt, "dst");
  if (dst.is_none()) raise_id("ValueError", "runtime.fromutc_none", {{"method", "dst"}});
  int64_t delta = td_us(off) - td_us(dst);
  Value moved = dt;
  if (delta) {
    moved = binop(ast::BinOp::Add, dt, make_td(0, 0, delta));
    dst = tz_call(moved, "dst");
    if (dst.is_none()) raise_id("ValueError", "runtime.fromutc_none", {{"method", "dst"}});
  }
  return binop(ast::BinOp::Add, moved, dst);
}

static void init_tzinfo() {
  for (const char* m : {"utcoffset", "dst", "tzname"}) {
    std::string name = m;
    def_method(t_tzinfo, m, [name](ARGS) -> Value { raise_id("NotImplementedError", "runtime.tzinfo_abstract", {{"method", name}}); });
  }
  def_method(t_tzinfo, "fromutc", [](ARGS) -> Value {
    check_args("fromutc", n, 2, 2);
    if (!is_dt(a[1])) raise_id("TypeError", "runtime.fromutc_argument");
    if (!getattr(a[1], "tzinfo").same(a[0])) raise_id("ValueError", "runtime.fromutc_not_self");
    return generic_fromutc(a[1]);
  });
}

static void init_timezone() {
  def_method(t_timezone, "__init__", [](ARGS) -> Value {
    check_args("timezone", n, 2, 3);
    const Value* off = &a[1];
    if (!is_td(*off)) raise_id("TypeError", "runtime.timezone_offset_type", {{"type", type_name(*off)}});
    int64_t us = td_us(*off);
    if (us <= -86400000000LL || us >= 86400000000LL) raise_id("ValueError", "runtime.timezone_offset_range", {{"offset", repr(*off)}});
    const Value* name = arg_at(a + 2, n - 2, kw, 0, "name");
    if (name && !name->is(OK::Str)) raise_id("TypeError", "runtime.timezone_name_type", {{"type", type_name(*name)}});
    auto* in = a[0].as<InstObj>();
    in->set_attr("_offset", *off);
    in->set_attr("_name", name ? *name : Value());
    return Value();
  });
  auto tzname = [](const Value& self) {
    Value name = getattr(self, "_name");
    if (!name.is_none()) return name;
    int64_t us = td_us(getattr(self, "_offset"));
    return mk_str(us ? "UTC" + offset_text(us, ":") : std::string("UTC"));
  };
  def_method(t_timezone, "utcoffset", [](ARGS) -> Value { check_args("utcoffset", n, 2, 2); return getattr(a[0], "_offset"); });
  def_method(t_timezone, "dst", [](ARGS) -> Value { check_args("dst", n, 2, 2); return Value(); });
  def_method(t_timezone, "tzname", [tzname](ARGS) -> Value { check_args("tzname", n, 2, 2); return tzname(a[0]); });
  def_method(t_timezone, "__str__", [tzname](ARGS) -> Value { return tzname(a[0]); });
  def_method(t_timezone, "fromutc", [](ARGS) -> Value {
    check_args("fromutc", n, 2, 2);
    if (!is_dt(a[1])) raise_id("TypeError", "runtime.fromutc_argument");
    if (!getattr(a[1], "tzinfo").same(a[0])) raise_id("ValueError", "runtime.fromutc_not_self");
    return binop(ast::BinOp::Add, a[1], getattr(a[0], "_offset"));
  });
  def_method(t_timezone, "__repr__", [](ARGS) -> Value {
    // CPython's timezone(timedelta(0)) is the one timezone.utc
    Value name = getattr(a[0], "_name");
    if (name.is_none() && td_us(getattr(a[0], "_offset")) == 0) return mk_str("datetime.timezone.utc");
    std::string r = "datetime.timezone(" + repr(getattr(a[0], "_offset"));
    if (!name.is_none()) r += ", " + repr(name);
    return mk_str(r + ")");
  });
  def_method(t_timezone, "__eq__", [](ARGS) -> Value {
    if (!type_of(a[1])->is_subclass(t_timezone)) return I->not_impl;
    return Value::boolean(td_us(getattr(a[0], "_offset")) == td_us(getattr(a[1], "_offset")));
  });
  def_method(t_timezone, "__hash__", [](ARGS) -> Value { return Value::integer(hash_value(Value::integer(td_us(getattr(a[0], "_offset"))))); });
  def_method(t_timezone, "__getinitargs__", [](ARGS) -> Value {
    Value name = getattr(a[0], "_name");
    return name.is_none() ? mk_tuple({getattr(a[0], "_offset")}) : mk_tuple({getattr(a[0], "_offset"), name});
  });
}

void init_tz_classes(DictObj* module) {
  t_tzinfo = lib_class("datetime", "tzinfo");
  t_timezone = lib_class("datetime", "timezone", {Value::obj(t_tzinfo)});
  module->set(str_key("tzinfo"), Value::obj(t_tzinfo));
  module->set(str_key("timezone"), Value::obj(t_timezone));
  init_tzinfo();
  init_timezone();
  Value utc = timezone_of(0);
  t_timezone->dict->set(str_key("utc"), utc);
  module->set(str_key("UTC"), utc);
  t_timezone->dict->set(str_key("min"), timezone_of(-(86400000000LL - 60000000)));
  t_timezone->dict->set(str_key("max"), timezone_of(86400000000LL - 60000000));
}

// The local time zone at POSIX time `t`, as a fixed-offset timezone named by the C library.
static Value local_timezone(std::time_t t) {
  std::tm tmv;
  localtime_r(&t, &tmv);
  return timezone_of((int64_t)tmv.tm_gmtoff * 1000000, mk_str(tmv.tm_zone ? tmv.tm_zone : ""));
}

// Seconds since the epoch of a naive datetime taken as local time.
static int64_t local_to_posix(const Value& dt) {
  std::tm tmv{};
  tmv.tm_year = (int)iattr(dt, "year") - 1900;
  tmv.tm_mon = (int)iattr(dt, "month") - 1;
  tmv.tm_mday = (int)iattr(dt, "day");
  tmv.tm_hour = (int)iattr(dt, "hour");
  tmv.tm_min = (int)iattr(dt, "minute");
  tmv.tm_sec = (int)iattr(dt, "second");
  tmv.tm_isdst = -1;
  return (int64_t)std::mktime(&tmv);
}

// Microseconds since the epoch of an aware datetime.
static int64_t aware_posix_us(const Value& dt, int64_t off) {
  int64_t ord, us;
  dt_split(dt, ord, us);
  return (ord - ymd_to_ord(1970, 1, 1)) * 86400000000LL + us - off;
}

static Value utc_from_posix_us(int64_t us, Value tz) {
  return dt_from(ymd_to_ord(1970, 1, 1), us, true, std::move(tz));
}

void init_aware_methods() {
  for (const char* m : {"utcoffset", "dst", "tzname"}) {
    const char* name = m;
    def_method(t_datetime, m, [name](ARGS) -> Value { check_args(name, n, 1, 1); return tz_call(a[0], name); });
  }
  def_method(t_datetime, "astimezone", [](ARGS) -> Value {
    check_args("astimezone", n, 1, 2);
    const Value* tzv = arg_at(a + 1, n - 1, kw, 0, "tz");
    Value tz = tz_arg(tzv);
    int64_t off, posix_us;
    if (offset_us(a[0], off)) posix_us = aware_posix_us(a[0], off);
    else posix_us = local_to_posix(a[0]) * 1000000 + iattr(a[0], "microsecond");
    if (tz.is_none()) tz = local_timezone((std::time_t)(posix_us >= 0 ? posix_us / 1000000 : -((-posix_us + 999999) / 1000000)));
    Value utc = utc_from_posix_us(posix_us, tz);
    return call1(getattr(tz, "fromutc"), utc);
  });
  def_method(t_datetime, "timestamp", [](ARGS) -> Value {
    int64_t off;
    if (offset_us(a[0], off)) return Value::flt((double)aware_posix_us(a[0], off) / 1e6);
    return Value::flt((double)local_to_posix(a[0]) + (double)iattr(a[0], "microsecond") / 1e6);
  });
  def_method(t_datetime, "timetz", [](ARGS) -> Value {
    Value t = call(getattr(a[0], "time"), nullptr, 0);
    t.as<InstObj>()->set_attr("tzinfo", getattr(a[0], "tzinfo"));
    return t;
  });
  auto now = [](ARGS) -> Value {
    Value tz = tz_arg(arg_at(a + 1, n - 1, kw, 0, "tz"));
    auto t = std::chrono::system_clock::now();
    int64_t us = std::chrono::duration_cast<std::chrono::microseconds>(t.time_since_epoch()).count();
    if (tz.is_none()) {
      std::time_t tt = (std::time_t)(us / 1000000);
      std::tm tmv;
      localtime_r(&tt, &tmv);
      return make_dt(tmv.tm_year + 1900, tmv.tm_mon + 1, tmv.tm_mday, tmv.tm_hour, tmv.tm_min, tmv.tm_sec, us % 1000000);
    }
    return call1(getattr(tz, "fromutc"), utc_from_posix_us(us, tz));
  };
  t_datetime->dict->set(str_key("now"), Value::obj(new WrapperObj(OK::ClassMethod, Value::obj(new NativeObj("now", now)))));
  auto fromtimestamp = [](ARGS) -> Value {
    check_args("fromtimestamp", n, 2, 3);
    Value tz = tz_arg(arg_at(a + 2, n - 2, kw, 0, "tz"));
    double ts = to_double(a[1]);
    int64_t us = (int64_t)std::llround(ts * 1e6);
    if (!tz.is_none()) return call1(getattr(tz, "fromutc"), utc_from_posix_us(us, tz));
    int64_t secs = us >= 0 ? us / 1000000 : -((-us + 999999) / 1000000);
    std::time_t tt = (std::time_t)secs;
    std::tm tmv;
    localtime_r(&tt, &tmv);
    return make_dt(tmv.tm_year + 1900, tmv.tm_mon + 1, tmv.tm_mday, tmv.tm_hour, tmv.tm_min, tmv.tm_sec, us - secs * 1000000);
  };
  t_datetime->dict->set(str_key("fromtimestamp"), Value::obj(new WrapperObj(OK::ClassMethod, Value::obj(new NativeObj("fromtimestamp", fromtimestamp)))));
  t_datetime->dict->set(str_key("utcfromtimestamp"), Value::obj(new WrapperObj(OK::ClassMethod, Value::obj(new NativeObj("utcfromtimestamp", [](ARGS) -> Value {
    check_args("utcfromtimestamp", n, 2, 2);
    return utc_from_posix_us((int64_t)std::llround(to_double(a[1]) * 1e6), Value());
  })))));
}

}  // namespace ml::interp::dtimpl
