// Python's datetime module: date, datetime, time and timedelta (proleptic Gregorian ordinals,
// microsecond resolution, naive times): arithmetic, comparisons, isoformat, strftime, strptime.
#include <chrono>
#include <cmath>
#include <ctime>

#include "interp/lib/datetime_impl.h"

namespace ml::interp {
using namespace dtimpl;

static std::string two(int64_t x) { char b[8]; std::snprintf(b, sizeof b, "%02lld", (long long)x); return b; }

static std::string strftime_impl(const Value& v, const std::string& fmt) {
  static const char* days[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
  static const char* months[] = {"", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"};
  int64_t y = iattr(v, "year"), m = iattr(v, "month"), d = iattr(v, "day");
  int64_t h = is_dt(v) ? iattr(v, "hour") : 0, mi = is_dt(v) ? iattr(v, "minute") : 0, s = is_dt(v) ? iattr(v, "second") : 0;
  int64_t us = is_dt(v) ? iattr(v, "microsecond") : 0;
  int64_t wd = (ymd_to_ord(y, m, d) + 6) % 7;
  std::string out;
  for (size_t i = 0; i < fmt.size(); ++i) {
    if (fmt[i] != '%' || i + 1 >= fmt.size()) { out += fmt[i]; continue; }
    char c = fmt[++i];
    char buf[32];
    switch (c) {
      case 'Y': std::snprintf(buf, sizeof buf, "%04lld", (long long)y); out += buf; break;
      case 'y': out += two(y % 100); break;
      case 'm': out += two(m); break;
      case 'd': out += two(d); break;
      case 'H': out += two(h); break;
      case 'I': out += two(h % 12 == 0 ? 12 : h % 12); break;
      case 'p': out += h < 12 ? "AM" : "PM"; break;
      case 'M': out += two(mi); break;
      case 'S': out += two(s); break;
      case 'f': std::snprintf(buf, sizeof buf, "%06lld", (long long)us); out += buf; break;
      case 'A': out += days[wd]; break;
      case 'a': out += std::string(days[wd]).substr(0, 3); break;
      case 'B': out += months[m]; break;
      case 'b': out += std::string(months[m]).substr(0, 3); break;
      case 'j': std::snprintf(buf, sizeof buf, "%03lld", (long long)(ymd_to_ord(y, m, d) - ymd_to_ord(y, 1, 1) + 1)); out += buf; break;
      case 'w': out += std::to_string((wd + 1) % 7); break;
      case 'z': {
        int64_t off;
        if (is_dt(v) && offset_us(v, off)) out += offset_text(off, "");
        break;
      }
      case 'Z': {
        Value name = is_dt(v) ? tz_call(v, "tzname") : Value();
        if (!name.is_none()) out += to_str(name);
        break;
      }
      case '%': out += '%'; break;
      default: out += '%'; out += c;
    }
  }
  return out;
}


static std::string time_iso(const Value& v, const std::string& spec);

// The single bytes argument (of `size` bytes, optionally followed by a tzinfo) that CPython's
// date, datetime and time pickles pass to the constructor; null for an ordinary call.
static const std::string* pickle_state(const Value* a, int n, size_t size) {
  if ((n != 1 && n != 2) || !a[0].is(OK::Bytes)) return nullptr;
  const std::string& s = a[0].as<BytesObj>()->s;
  return s.size() == size ? &s : nullptr;
}
static int64_t st_byte(const std::string& s, size_t i) { return (unsigned char)s[i]; }

// date's (and so datetime's) methods: str, isoformat, replace, arithmetic, comparisons.
static void init_date_methods() {
  // date / datetime methods
  // "YYYY-MM-DD", and for a datetime sep + the time (to `spec`) + the UTC offset if aware
  auto date_str = [](const Value& v, const std::string& sep, const std::string& spec) {
    char b[32];
    std::snprintf(b, sizeof b, "%04lld-%02lld-%02lld", (long long)iattr(v, "year"), (long long)iattr(v, "month"), (long long)iattr(v, "day"));
    std::string s = b;
    if (is_dt(v)) {
      s += sep + time_iso(v, spec);
      int64_t off;
      if (offset_us(v, off)) s += offset_text(off, ":");
    }
    return s;
  };
  def_method(t_date, "__str__", [date_str](ARGS) -> Value { return mk_str(date_str(a[0], " ", "auto")); });
  def_method(t_date, "isoformat", [date_str](ARGS) -> Value {
    const Value* sep = arg_at(a + 1, n - 1, kw, 0, "sep");
    const Value* spec = arg_at(a + 1, n - 1, kw, 1, "timespec");
    return mk_str(date_str(a[0], sep ? str_of(*sep) : "T", spec ? str_of(*spec) : "auto"));
  });
  def_method(t_date, "__repr__", [](ARGS) -> Value {
    std::string s = "datetime." + a[0].o->type->name + "(" + std::to_string(iattr(a[0], "year")) + ", " + std::to_string(iattr(a[0], "month")) + ", " + std::to_string(iattr(a[0], "day"));
    if (is_dt(a[0])) {
      int64_t h = iattr(a[0], "hour"), mi = iattr(a[0], "minute"), sec = iattr(a[0], "second"), us = iattr(a[0], "microsecond");
      if (h || mi || sec || us) s += ", " + std::to_string(h) + ", " + std::to_string(mi);
      if (sec || us) s += ", " + std::to_string(sec);
      if (us) s += ", " + std::to_string(us);
      if (iattr(a[0], "fold")) s += ", fold=1";  // before the tzinfo, as CPython writes it
      Value tz = getattr(a[0], "tzinfo");
      if (!tz.is_none()) s += ", tzinfo=" + repr(tz);
    }
    return mk_str(s + ")");
  });
  def_method(t_date, "strftime", [](ARGS) -> Value { return mk_str(strftime_impl(a[0], str_of(a[1]))); });
  def_method(t_date, "__format__", [](ARGS) -> Value {
    if (str_of(a[1]).empty()) return mk_str(to_str(a[0]));
    return mk_str(strftime_impl(a[0], str_of(a[1])));
  });
  def_method(t_date, "weekday", [](ARGS) -> Value { return Value::integer((ymd_to_ord(iattr(a[0], "year"), iattr(a[0], "month"), iattr(a[0], "day")) + 6) % 7); });
  def_method(t_date, "isoweekday", [](ARGS) -> Value { return Value::integer((ymd_to_ord(iattr(a[0], "year"), iattr(a[0], "month"), iattr(a[0], "day")) + 6) % 7 + 1); });
  def_method(t_date, "toordinal", [](ARGS) -> Value { return Value::integer(ymd_to_ord(iattr(a[0], "year"), iattr(a[0], "month"), iattr(a[0], "day"))); });
  def_method(t_date, "replace", [](ARGS) -> Value {
    int64_t y = iattr(a[0], "year"), mo = iattr(a[0], "month"), dd = iattr(a[0], "day");
    if (const Value* v = kw_find(kw, "year")) y = as_index(*v);
    if (const Value* v = kw_find(kw, "month")) mo = as_index(*v);
    if (const Value* v = kw_find(kw, "day")) dd = as_index(*v);
    if (is_dt(a[0])) {
      int64_t h = iattr(a[0], "hour"), mi = iattr(a[0], "minute"), s = iattr(a[0], "second"), us = iattr(a[0], "microsecond");
      if (const Value* v = kw_find(kw, "hour")) h = as_index(*v);
      if (const Value* v = kw_find(kw, "minute")) mi = as_index(*v);
      if (const Value* v = kw_find(kw, "second")) s = as_index(*v);
      if (const Value* v = kw_find(kw, "microsecond")) us = as_index(*v);
      Value tz = getattr(a[0], "tzinfo");
      if (const Value* v = kw_find(kw, "tzinfo")) tz = tz_arg(v);
      return make_dt(y, mo, dd, h, mi, s, us, tz);
    }
    return make_date(y, mo, dd);
  });
  def_method(t_date, "__add__", [](ARGS) -> Value {
    if (!is_td(a[1])) return I->not_impl;
    int64_t ord, us, d, s, u;
    dt_split(a[0], ord, us);
    td_parts(a[1], d, s, u);
    bool dt = is_dt(a[0]);
    return dt_from(ord + d, us + (dt ? s * 1000000 + u : 0), dt, dt ? getattr(a[0], "tzinfo") : Value());
  });
  def_method(t_date, "__radd__", [](ARGS) -> Value { return call2(*t_date->find("__add__"), a[0], a[1]); });
  def_method(t_date, "__sub__", [](ARGS) -> Value {
    int64_t ord, us;
    dt_split(a[0], ord, us);
    if (is_td(a[1])) {
      int64_t d, s, u;
      td_parts(a[1], d, s, u);
      bool dt = is_dt(a[0]);
      return dt_from(ord - d, us - (dt ? s * 1000000 + u : 0), dt, dt ? getattr(a[0], "tzinfo") : Value());
    }
    if (is_date(a[1])) {
      if (is_dt(a[0]) != is_dt(a[1])) return I->not_impl;
      int64_t ord2, us2;
      dt_split(a[1], ord2, us2);
      int64_t off1 = 0, off2 = 0;
      if (is_dt(a[0]) && !getattr(a[0], "tzinfo").same(getattr(a[1], "tzinfo"))) {
        bool aware1 = offset_us(a[0], off1), aware2 = offset_us(a[1], off2);
        if (aware1 != aware2) raise_id("TypeError", "runtime.tz_naive_aware_sub");
      }
      return make_td(ord - ord2, 0, (us - off1) - (us2 - off2));
    }
    return I->not_impl;
  });
  // -1/0/1; 2 when a naive and an aware datetime meet (equal: never; ordered: TypeError).
  // Aware datetimes compare in UTC unless they share one tzinfo object (CPython's rule).
  auto dcmp = [](const Value& x, const Value& y) -> int {
    int64_t o1, u1, o2, u2;
    dt_split(x, o1, u1);
    dt_split(y, o2, u2);
    if (is_dt(x) && is_dt(y) && !getattr(x, "tzinfo").same(getattr(y, "tzinfo"))) {
      int64_t off1 = 0, off2 = 0;
      bool aware1 = offset_us(x, off1), aware2 = offset_us(y, off2);
      if (aware1 != aware2) return 2;
      u1 -= off1;
      u2 -= off2;
      o1 += u1 / 86400000000LL - (u1 < 0 && u1 % 86400000000LL ? 1 : 0);
      o2 += u2 / 86400000000LL - (u2 < 0 && u2 % 86400000000LL ? 1 : 0);
      u1 = ((u1 % 86400000000LL) + 86400000000LL) % 86400000000LL;
      u2 = ((u2 % 86400000000LL) + 86400000000LL) % 86400000000LL;
    }
    if (o1 != o2) return o1 < o2 ? -1 : 1;
    return u1 < u2 ? -1 : (u1 > u2 ? 1 : 0);
  };
  // date and datetime compare only with their own kind (a datetime is never equal to a date)
  auto comparable = [](const Value& x, const Value& y) { return is_date(y) && is_dt(x) == is_dt(y); };
  def_method(t_date, "__eq__", [dcmp, comparable](ARGS) -> Value { return Value::boolean(comparable(a[0], a[1]) && dcmp(a[0], a[1]) == 0); });
  auto order = [dcmp, comparable](const Value& x, const Value& y, int want) -> Value {
    if (!comparable(x, y)) return I->not_impl;
    int c = dcmp(x, y);
    if (c == 2) raise_id("TypeError", "runtime.tz_naive_aware_cmp");
    switch (want) {
      case 0: return Value::boolean(c < 0);
      case 1: return Value::boolean(c <= 0);
      case 2: return Value::boolean(c > 0);
      default: return Value::boolean(c >= 0);
    }
  };
  def_method(t_date, "__lt__", [order](ARGS) -> Value { return order(a[0], a[1], 0); });
  def_method(t_date, "__le__", [order](ARGS) -> Value { return order(a[0], a[1], 1); });
  def_method(t_date, "__gt__", [order](ARGS) -> Value { return order(a[0], a[1], 2); });
  def_method(t_date, "__ge__", [order](ARGS) -> Value { return order(a[0], a[1], 3); });
  def_method(t_date, "__hash__", [](ARGS) -> Value {
    int64_t o, u, off;
    dt_split(a[0], o, u);
    if (is_dt(a[0]) && offset_us(a[0], off)) u -= off;
    return Value::integer(hash_value(Value::integer(o * 86400000000LL + u)));
  });
}


// ISO 8601 as datetime.fromisoformat reads it (CPython 3.11): YYYY-MM-DD or YYYYMMDD, then for
// a datetime any one separator and HH[:MM[:SS[.f...]]] (or HHMMSS), then Z or +/-HH:MM[...].
// Fields out of range are left to the constructors, which name the field as CPython does.
static bool parse_iso_datetime(const std::string& s, bool want_time, int64_t& y, int64_t& mo, int64_t& d,
                               int64_t f[4], bool& aware, int64_t& off) {
  size_t pos = 0;
  auto num = [&](size_t count, int64_t& out) {
    if (pos + count > s.size()) return false;
    out = 0;
    for (size_t k = pos; k < pos + count; ++k) {
      if (!std::isdigit((unsigned char)s[k])) return false;
      out = out * 10 + (s[k] - '0');
    }
    pos += count;
    return true;
  };
  if (!num(4, y)) return false;
  bool extended = pos < s.size() && s[pos] == '-';
  if (extended) ++pos;
  if (!num(2, mo)) return false;
  if (extended && (pos >= s.size() || s[pos++] != '-')) return false;
  if (!num(2, d)) return false;
  if (pos == s.size()) return true;
  if (!want_time) return false;
  ++pos;  // the separator, any one character
  if (!num(2, f[0])) return false;
  bool colons = pos < s.size() && s[pos] == ':';
  for (int part = 1; part < 3 && pos < s.size(); ++part) {
    char c = s[pos];
    if (c == '.' || c == ',' || c == '+' || c == '-' || c == 'Z') break;
    if (colons && s[pos++] != ':') return false;
    if (!num(2, f[part])) return false;
  }
  if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
    ++pos;
    size_t digits = 0;
    int64_t us = 0;
    while (pos < s.size() && std::isdigit((unsigned char)s[pos])) {
      if (digits < 6) us = us * 10 + (s[pos] - '0');
      ++digits;
      ++pos;
    }
    if (!digits) return false;
    for (size_t k = digits; k < 6; ++k) us *= 10;
    f[3] = us;
  }
  if (pos == s.size()) return true;
  aware = true;
  return parse_offset(std::string_view(s).substr(pos), off) && off > -86400000000LL && off < 86400000000LL;
}

// today, fromisoformat, fromordinal, now, utcnow, strptime; datetime's own methods.
static void init_alternate_constructors() {
  auto now_parts = [](bool utc) {
    auto now = std::chrono::system_clock::now();
    std::time_t tt = std::chrono::system_clock::to_time_t(now);
    std::tm tmv;
    if (utc) gmtime_r(&tt, &tmv);
    else localtime_r(&tt, &tmv);
    int64_t us = std::chrono::duration_cast<std::chrono::microseconds>(now.time_since_epoch()).count() % 1000000;
    return make_dt(tmv.tm_year + 1900, tmv.tm_mon + 1, tmv.tm_mday, tmv.tm_hour, tmv.tm_min, tmv.tm_sec, us);
  };
  t_date->dict->set(str_key("today"), Value::obj(new WrapperObj(OK::ClassMethod, Value::obj(new NativeObj("today", [now_parts](ARGS) -> Value {
    Value dt = now_parts(false);
    if (a[0].is(OK::Class) && a[0].as<ClassObj>() == t_datetime) return dt;
    return make_date(iattr(dt, "year"), iattr(dt, "month"), iattr(dt, "day"));
  })))));
  t_date->dict->set(str_key("fromisoformat"), Value::obj(new WrapperObj(OK::ClassMethod, Value::obj(new NativeObj("fromisoformat", [](ARGS) -> Value {
    check_args("fromisoformat", n, 2, 2);
    if (!a[1].is(OK::Str)) raise_id("TypeError", "runtime.fromisoformat_str");
    bool want_dt = a[0].as<ClassObj>()->is_subclass(t_datetime);
    int64_t y, mo, dd, f[4] = {0, 0, 0, 0}, off = 0;
    bool aware = false;
    if (!parse_iso_datetime(str_of(a[1]), want_dt, y, mo, dd, f, aware, off))
      raise_id("ValueError", "runtime.isoformat_invalid", {{"text", repr(a[1])}});
    if (!want_dt) return make_date(y, mo, dd);
    Value v = make_dt(y, mo, dd, f[0], f[1], f[2], f[3], aware ? timezone_of(off) : Value());
    return v;
  })))));
  t_date->dict->set(str_key("fromordinal"), Value::obj(new WrapperObj(OK::ClassMethod, Value::obj(new NativeObj("fromordinal", [](ARGS) -> Value {
    return dt_from(as_index(a[1]), 0, a[0].as<ClassObj>() == t_datetime);
  })))));
  t_datetime->dict->set(str_key("utcnow"), Value::obj(new WrapperObj(OK::ClassMethod, Value::obj(new NativeObj("utcnow", [now_parts](ARGS) -> Value { return now_parts(true); })))));
  t_datetime->dict->set(str_key("strptime"), Value::obj(new WrapperObj(OK::ClassMethod, Value::obj(new NativeObj("strptime", [](ARGS) -> Value {
    std::tm tmv{};
    const char* end = ::strptime(str_of(a[1]).c_str(), str_of(a[2]).c_str(), &tmv);
    if (!end || *end) raise_id("ValueError", "runtime.time_data_mismatch", {{"data", repr(a[1])}, {"format", repr(a[2])}});
    return make_dt(tmv.tm_year + 1900, tmv.tm_mon + 1, tmv.tm_mday, tmv.tm_hour, tmv.tm_min, tmv.tm_sec, 0);
  })))));
  // timetuple() / utctimetuple(): time.struct_time (tm_isdst -1: not known without a tzinfo;
  // 0 for UTC); a date's has zero time fields
  for (const char* name : {"timetuple", "utctimetuple"}) {
    bool utc = name[0] == 'u';
    def_method(t_date, name, [utc](ARGS) -> Value {
      Value self = a[0];
      int64_t off, isdst = -1;
      if (is_dt(self) && utc && offset_us(self, off)) self = binop(ast::BinOp::Sub, self, make_td(0, 0, off));
      if (is_dt(self) && !utc) {
        Value dst = tz_call(self, "dst");
        if (!dst.is_none()) isdst = td_us(dst) ? 1 : 0;
      }
      int64_t y = iattr(self, "year"), mo = iattr(self, "month"), d = iattr(self, "day");
      int64_t ord = ymd_to_ord(y, mo, d);
      Value hv, miv, sv;
      bool has_time = getattr_opt(self, "hour", hv) && getattr_opt(self, "minute", miv) && getattr_opt(self, "second", sv);
      ValueVec f = {Value::integer(y), Value::integer(mo), Value::integer(d),
                    has_time ? hv : Value::integer(0), has_time ? miv : Value::integer(0), has_time ? sv : Value::integer(0),
                    Value::integer((ord + 6) % 7), Value::integer(ord - ymd_to_ord(y, 1, 1) + 1), Value::integer(utc ? 0 : isdst)};
      return call(getattr(import_module("time"), "struct_time"), f.data(), (int)f.size());
    });
  }
  def_method(t_datetime, "date", [](ARGS) -> Value { return make_date(iattr(a[0], "year"), iattr(a[0], "month"), iattr(a[0], "day")); });
}


// timedelta's methods.
static void init_timedelta_methods() {
  // timedelta
  def_method(t_timedelta, "total_seconds", [](ARGS) -> Value { return Value::flt(td_total(a[0])); });
  def_method(t_timedelta, "__str__", [](ARGS) -> Value {
    int64_t d, s, us;
    td_parts(a[0], d, s, us);
    std::string out;
    if (d) out = std::to_string(d) + (std::llabs(d) == 1 ? " day, " : " days, ");
    char b[32];
    std::snprintf(b, sizeof b, "%lld:%02lld:%02lld", (long long)(s / 3600), (long long)((s / 60) % 60), (long long)(s % 60));
    out += b;
    if (us) { std::snprintf(b, sizeof b, ".%06lld", (long long)us); out += b; }
    return mk_str(out);
  });
  def_method(t_timedelta, "__repr__", [](ARGS) -> Value {
    int64_t d, s, us;
    td_parts(a[0], d, s, us);
    std::string out = "datetime.timedelta(";
    std::vector<std::string> parts;
    if (d) parts.push_back("days=" + std::to_string(d));
    if (s) parts.push_back("seconds=" + std::to_string(s));
    if (us) parts.push_back("microseconds=" + std::to_string(us));
    for (size_t i = 0; i < parts.size(); ++i) out += (i ? ", " : "") + parts[i];
    return mk_str(out + (parts.empty() ? "0)" : ")"));
  });
  auto td_us = [](const Value& v) {
    int64_t d, s, us;
    td_parts(v, d, s, us);
    return (d * 86400 + s) * 1000000 + us;
  };
  def_method(t_timedelta, "__add__", [td_us](ARGS) -> Value {
    if (is_td(a[1])) return make_td(0, 0, td_us(a[0]) + td_us(a[1]));
    if (is_date(a[1])) return call2(*t_date->find("__add__"), a[1], a[0]);
    return I->not_impl;
  });
  def_method(t_timedelta, "__radd__", [td_us](ARGS) -> Value {
    if (is_date(a[1])) return call2(*t_date->find("__add__"), a[1], a[0]);
    return I->not_impl;
  });
  def_method(t_timedelta, "__sub__", [td_us](ARGS) -> Value {
    if (!is_td(a[1])) return I->not_impl;
    return make_td(0, 0, td_us(a[0]) - td_us(a[1]));
  });
  def_method(t_timedelta, "__neg__", [td_us](ARGS) -> Value { return make_td(0, 0, -td_us(a[0])); });
  def_method(t_timedelta, "__abs__", [td_us](ARGS) -> Value { return make_td(0, 0, std::llabs(td_us(a[0]))); });
  def_method(t_timedelta, "__mul__", [td_us](ARGS) -> Value {
    if (is_intlike(a[1])) return make_td(0, 0, td_us(a[0]) * as_index(a[1]));
    if (a[1].t == VT::Float) return make_td(0, 0, (int64_t)std::llround((double)td_us(a[0]) * a[1].f));
    return I->not_impl;
  });
  def_method(t_timedelta, "__rmul__", [td_us](ARGS) -> Value { return call2(*t_timedelta->find("__mul__"), a[0], a[1]); });
  def_method(t_timedelta, "__truediv__", [td_us](ARGS) -> Value {
    if (is_td(a[1])) return Value::flt((double)td_us(a[0]) / (double)td_us(a[1]));
    return make_td(0, 0, (int64_t)std::llround((double)td_us(a[0]) / to_double(a[1])));
  });
  def_method(t_timedelta, "__floordiv__", [td_us](ARGS) -> Value {
    if (is_td(a[1])) return binop(ast::BinOp::FloorDiv, Value::integer(td_us(a[0])), Value::integer(td_us(a[1])));
    return make_td(0, 0, td_us(a[0]) / as_index(a[1]));
  });
  def_method(t_timedelta, "__eq__", [td_us](ARGS) -> Value { return Value::boolean(is_td(a[1]) && td_us(a[0]) == td_us(a[1])); });
  def_method(t_timedelta, "__lt__", [td_us](ARGS) -> Value { return Value::boolean(td_us(a[0]) < td_us(a[1])); });
  def_method(t_timedelta, "__le__", [td_us](ARGS) -> Value { return Value::boolean(td_us(a[0]) <= td_us(a[1])); });
  def_method(t_timedelta, "__gt__", [td_us](ARGS) -> Value { return Value::boolean(td_us(a[0]) > td_us(a[1])); });
  def_method(t_timedelta, "__ge__", [td_us](ARGS) -> Value { return Value::boolean(td_us(a[0]) >= td_us(a[1])); });
  def_method(t_timedelta, "__hash__", [td_us](ARGS) -> Value { return Value::integer(td_us(a[0])); });
  def_method(t_timedelta, "__bool__", [td_us](ARGS) -> Value { return Value::boolean(td_us(a[0]) != 0); });
}

// datetime.time: a time of day (naive, microsecond resolution).
static bool is_time(const Value& v) { return v.is(OK::Inst) && v.o->type->is_subclass(t_time); }
static Value make_time(int64_t h, int64_t mi, int64_t s, int64_t us, ClassObj* cls = nullptr) {
  if (h < 0 || h > 23) raise_id("ValueError", "runtime.hour_range");
  if (mi < 0 || mi > 59) raise_id("ValueError", "runtime.minute_range");
  if (s < 0 || s > 59) raise_id("ValueError", "runtime.second_range");
  if (us < 0 || us > 999999) raise_id("ValueError", "runtime.microsecond_range");
  Value v = make_instance(cls ? cls : t_time);
  auto* in = v.as<InstObj>();
  in->set_attr("hour", Value::integer(h));
  in->set_attr("minute", Value::integer(mi));
  in->set_attr("second", Value::integer(s));
  in->set_attr("microsecond", Value::integer(us));
  in->set_attr("tzinfo", Value());
  in->set_attr("fold", Value::integer(0));
  return v;
}
static int64_t time_us(const Value& v) {
  return ((iattr(v, "hour") * 60 + iattr(v, "minute")) * 60 + iattr(v, "second")) * 1000000 + iattr(v, "microsecond");
}
// isoformat with CPython's timespecs: auto, hours, minutes, seconds, milliseconds, microseconds
static std::string time_iso(const Value& v, const std::string& spec) {
  char b[32];
  int64_t h = iattr(v, "hour"), mi = iattr(v, "minute"), s = iattr(v, "second"), us = iattr(v, "microsecond");
  if (spec == "hours") std::snprintf(b, sizeof b, "%02lld", (long long)h);
  else if (spec == "minutes") std::snprintf(b, sizeof b, "%02lld:%02lld", (long long)h, (long long)mi);
  else if (spec == "seconds" || (spec == "auto" && !us)) std::snprintf(b, sizeof b, "%02lld:%02lld:%02lld", (long long)h, (long long)mi, (long long)s);
  else if (spec == "milliseconds") std::snprintf(b, sizeof b, "%02lld:%02lld:%02lld.%03lld", (long long)h, (long long)mi, (long long)s, (long long)(us / 1000));
  else if (spec == "microseconds" || spec == "auto") std::snprintf(b, sizeof b, "%02lld:%02lld:%02lld.%06lld", (long long)h, (long long)mi, (long long)s, (long long)us);
  else raise_id("ValueError", "runtime.timespec_unknown");
  return b;
}

static void init_time_class(DictObj* d) {
  t_time = new ClassObj("time");
  incref(t_time);
  t_time->builtin = true;
  t_time->mro = {t_time, I->t_object};
  t_time->bases.emplace_back(I->t_object);
  d->set(str_key("time"), Value::obj(t_time));
  t_time->dict->set(str_key("__ctor__"), Value::obj(new NativeObj("time", [](ARGS) -> Value {
    check_args("time", n, 0, 5);
    if (const std::string* st = pickle_state(a, n, 6)) {  // time(state) as CPython's pickles call it
      const std::string& b = *st;
      return make_time(st_byte(b, 0) & 0x7F, st_byte(b, 1), st_byte(b, 2),
                       (st_byte(b, 3) << 16) | (st_byte(b, 4) << 8) | st_byte(b, 5));
    }
    const char* names[] = {"hour", "minute", "second", "microsecond"};
    int64_t f[4] = {0, 0, 0, 0};
    for (int i = 0; i < 4; ++i) {
      if (i < n) f[i] = as_index(a[i]);
      else if (const Value* v = kw_find(kw, names[i])) f[i] = as_index(*v);
    }
    return make_time(f[0], f[1], f[2], f[3]);
  })));
  def_method(t_time, "__repr__", [](ARGS) -> Value {
    int64_t s = iattr(a[0], "second"), us = iattr(a[0], "microsecond");
    std::string r = "datetime." + a[0].o->type->name + "(" + std::to_string(iattr(a[0], "hour")) + ", " + std::to_string(iattr(a[0], "minute"));
    if (s || us) r += ", " + std::to_string(s);
    if (us) r += ", " + std::to_string(us);
    return mk_str(r + ")");
  });
  def_method(t_time, "__str__", [](ARGS) -> Value { return mk_str(time_iso(a[0], "auto")); });
  def_method(t_time, "isoformat", [](ARGS) -> Value {
    const Value* spec = arg_at(a + 1, n - 1, kw, 0, "timespec");
    return mk_str(time_iso(a[0], spec ? str_of(*spec) : "auto"));
  });
  // strftime on the day CPython uses for a time: 1900-01-01
  auto strf = [](const Value& t, const std::string& fmt) {
    Value dt = make_dt(1900, 1, 1, iattr(t, "hour"), iattr(t, "minute"), iattr(t, "second"), iattr(t, "microsecond"));
    return mk_str(strftime_impl(dt, fmt));
  };
  def_method(t_time, "strftime", [strf](ARGS) -> Value { check_args("strftime", n, 2, 2); return strf(a[0], str_of(a[1])); });
  def_method(t_time, "__format__", [strf](ARGS) -> Value {
    std::string spec = n > 1 ? str_of(a[1]) : "";
    return spec.empty() ? mk_str(time_iso(a[0], "auto")) : strf(a[0], spec);
  });
  def_method(t_time, "replace", [](ARGS) -> Value {
    const char* names[] = {"hour", "minute", "second", "microsecond"};
    int64_t f[4];
    for (int i = 0; i < 4; ++i) {
      const Value* v = arg_at(a + 1, n - 1, kw, i, names[i]);
      f[i] = v ? as_index(*v) : iattr(a[0], names[i]);
    }
    return make_time(f[0], f[1], f[2], f[3], a[0].o->type);
  });
  auto cmp = [](const Value& x, const Value& y) { int64_t p = time_us(x), q = time_us(y); return p < q ? -1 : p > q ? 1 : 0; };
  def_method(t_time, "__eq__", [cmp](ARGS) -> Value { return is_time(a[1]) ? Value::boolean(cmp(a[0], a[1]) == 0) : I->not_impl; });
  def_method(t_time, "__ne__", [cmp](ARGS) -> Value { return is_time(a[1]) ? Value::boolean(cmp(a[0], a[1]) != 0) : I->not_impl; });
  def_method(t_time, "__lt__", [cmp](ARGS) -> Value { return is_time(a[1]) ? Value::boolean(cmp(a[0], a[1]) < 0) : I->not_impl; });
  def_method(t_time, "__le__", [cmp](ARGS) -> Value { return is_time(a[1]) ? Value::boolean(cmp(a[0], a[1]) <= 0) : I->not_impl; });
  def_method(t_time, "__gt__", [cmp](ARGS) -> Value { return is_time(a[1]) ? Value::boolean(cmp(a[0], a[1]) > 0) : I->not_impl; });
  def_method(t_time, "__ge__", [cmp](ARGS) -> Value { return is_time(a[1]) ? Value::boolean(cmp(a[0], a[1]) >= 0) : I->not_impl; });
  def_method(t_time, "__hash__", [](ARGS) -> Value { return Value::integer(hash_value(Value::integer(time_us(a[0])))); });
  def_method(t_time, "__reduce__", [](ARGS) -> Value {  // CPython's state: the fields packed in 6 bytes
    int64_t us = iattr(a[0], "microsecond");
    std::string b{char(iattr(a[0], "hour")), char(iattr(a[0], "minute")), char(iattr(a[0], "second")),
                  char(us >> 16), char((us >> 8) & 0xFF), char(us & 0xFF)};
    return mk_tuple({Value::obj(a[0].o->type), mk_tuple({mk_bytes(std::move(b))})});
  });
  // time.fromisoformat("HH[:MM[:SS[.fff[fff]]]]")
  t_time->dict->set(str_key("fromisoformat"), Value::obj(new WrapperObj(OK::ClassMethod, Value::obj(new NativeObj("fromisoformat", [](ARGS) -> Value {
    check_args("fromisoformat", n, 2, 2);
    if (!a[1].is(OK::Str)) raise_id("TypeError", "runtime.fromisoformat_str");
    std::string s = str_of(a[1]);
    int64_t f[4] = {0, 0, 0, 0};
    auto bad = [&]() { raise_id("ValueError", "runtime.isoformat_invalid", {{"text", repr(a[1])}}); };
    auto digits = [&](size_t at, size_t count) -> int64_t {
      if (at + count > s.size()) bad();
      int64_t v = 0;
      for (size_t k = at; k < at + count; ++k) {
        if (!std::isdigit((unsigned char)s[k])) bad();
        v = v * 10 + (s[k] - '0');
      }
      return v;
    };
    f[0] = digits(0, 2);
    size_t pos = 2;
    for (int part = 1; part < 3 && pos < s.size(); ++part) {
      if (s[pos] != ':') bad();
      f[part] = digits(pos + 1, 2);
      pos += 3;
    }
    if (pos < s.size()) {
      if (s[pos] != '.' && s[pos] != ',') bad();
      size_t count = s.size() - pos - 1;
      if (count != 3 && count != 6) bad();
      f[3] = digits(pos + 1, count) * (count == 3 ? 1000 : 1);
    }
    return make_time(f[0], f[1], f[2], f[3], a[0].as<ClassObj>());
  })))));
  t_time->dict->set(str_key("min"), make_time(0, 0, 0, 0));
  t_time->dict->set(str_key("max"), make_time(23, 59, 59, 999999));
  t_time->dict->set(str_key("resolution"), make_td(0, 0, 1));
  def_method(t_datetime, "time", [](ARGS) -> Value {
    return make_time(iattr(a[0], "hour"), iattr(a[0], "minute"), iattr(a[0], "second"), iattr(a[0], "microsecond"));
  });
  t_datetime->dict->set(str_key("combine"), Value::obj(new WrapperObj(OK::ClassMethod, Value::obj(new NativeObj("combine", [](ARGS) -> Value {
    check_args("combine", n, 3, 4);
    const Value* tzv = arg_at(a + 3, n - 3, kw, 0, "tzinfo");
    if (!is_date(a[1])) raise_id("TypeError", "runtime.combine_date", {{"type", type_name(a[1])}});
    if (!is_time(a[2])) raise_id("TypeError", "runtime.combine_time", {{"type", type_name(a[2])}});
    return make_dt(iattr(a[1], "year"), iattr(a[1], "month"), iattr(a[1], "day"), iattr(a[2], "hour"),
                   iattr(a[2], "minute"), iattr(a[2], "second"), iattr(a[2], "microsecond"),
                   tzv ? tz_arg(tzv) : getattr(a[2], "tzinfo"));
  })))));
}

void init_datetime() {
  Value m = lib_module("datetime");
  DictObj* d = module_dict(m);
  t_date = new ClassObj("date");
  incref(t_date);
  t_date->builtin = true;
  t_date->mro = {t_date, I->t_object};
  t_date->bases.emplace_back(I->t_object);
  t_datetime = new ClassObj("datetime");
  incref(t_datetime);
  t_datetime->builtin = true;
  t_datetime->mro = {t_datetime, t_date, I->t_object};
  t_datetime->bases.emplace_back(t_date);
  t_timedelta = new ClassObj("timedelta");
  incref(t_timedelta);
  t_timedelta->builtin = true;
  t_timedelta->mro = {t_timedelta, I->t_object};
  t_timedelta->bases.emplace_back(I->t_object);
  d->set(str_key("date"), Value::obj(t_date));
  d->set(str_key("datetime"), Value::obj(t_datetime));
  d->set(str_key("timedelta"), Value::obj(t_timedelta));
  for (ClassObj* c : {t_date, t_datetime, t_timedelta}) c->dict->set(str_key("__module__"), mk_str("datetime"));

  t_date->dict->set(str_key("__ctor__"), Value::obj(new NativeObj("date", [](ARGS) -> Value {
    if (const std::string* st = pickle_state(a, n, 4))  // date(state) as CPython's pickles call it
      return make_date(st_byte(*st, 0) * 256 + st_byte(*st, 1), st_byte(*st, 2), st_byte(*st, 3));
    int64_t y = n > 0 ? as_index(a[0]) : as_index(kw_get(kw, "year"));
    int64_t mo = n > 1 ? as_index(a[1]) : as_index(kw_get(kw, "month"));
    int64_t dd = n > 2 ? as_index(a[2]) : as_index(kw_get(kw, "day"));
    return make_date(y, mo, dd);
  })));
  t_datetime->dict->set(str_key("__ctor__"), Value::obj(new NativeObj("datetime", [](ARGS) -> Value {
    if (const std::string* st = pickle_state(a, n, 10)) {  // datetime(state[, tzinfo])
      const std::string& b = *st;
      int64_t us = (st_byte(b, 7) << 16) | (st_byte(b, 8) << 8) | st_byte(b, 9);
      return make_dt(st_byte(b, 0) * 256 + st_byte(b, 1), st_byte(b, 2) & 0x7F, st_byte(b, 3), st_byte(b, 4),
                     st_byte(b, 5), st_byte(b, 6), us, n > 1 ? tz_arg(&a[1]) : Value(), st_byte(b, 2) >> 7);
    }
    const char* names[] = {"year", "month", "day", "hour", "minute", "second", "microsecond"};
    int64_t f[7] = {0, 0, 0, 0, 0, 0, 0};
    for (int i = 0; i < 7; ++i) {
      if (i < n) f[i] = as_index(a[i]);
      else if (const Value* v = kw_find(kw, names[i])) f[i] = as_index(*v);
      else if (i < 3) raise_id("TypeError", "runtime.function_missing_argument", {{"name", names[i]}});
    }
    Value tz = tz_arg(arg_at(a, n, kw, 7, "tzinfo"));
    const Value* fold = kw_find(kw, "fold");
    return make_dt(f[0], f[1], f[2], f[3], f[4], f[5], f[6], tz, fold ? as_index(*fold) : 0);
  })));
  t_timedelta->dict->set(str_key("__ctor__"), Value::obj(new NativeObj("timedelta", [](ARGS) -> Value {
    const char* names[] = {"days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks"};
    double f[7] = {0, 0, 0, 0, 0, 0, 0};
    for (int i = 0; i < 7; ++i) {
      if (i < n) f[i] = to_double(a[i]);
      else if (const Value* v = kw_find(kw, names[i])) f[i] = to_double(*v);
    }
    double days = f[0] + f[6] * 7;
    double secs = f[1] + f[4] * 60 + f[5] * 3600;
    double us = f[2] + f[3] * 1000;
    double dint = std::floor(days);
    secs += (days - dint) * 86400;
    double sint = std::floor(secs);
    us += (secs - sint) * 1e6;
    return make_td((int64_t)dint, (int64_t)sint, (int64_t)std::llround(us));
  })));
  init_date_methods();
  init_alternate_constructors();
  init_timedelta_methods();
  init_time_class(d);
  init_tz_classes(d);
  init_aware_methods();
}

}  // namespace ml::interp
