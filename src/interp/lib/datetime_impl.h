// What datetime.cpp and datetime_tz.cpp share: the calendar arithmetic (proleptic Gregorian
// ordinals), the module's classes and the makers of their instances.
#pragma once
#include "interp/lib/libutil.h"

namespace ml::interp::dtimpl {

inline const int kDaysBefore[] = {0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
inline bool is_leap(int64_t y) { return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0); }
inline int days_in_month(int64_t y, int64_t m) {
  static const int dim[] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : dim[m];
}
inline int64_t ymd_to_ord(int64_t y, int64_t m, int64_t d) {
  int64_t y1 = y - 1;
  return y1 * 365 + y1 / 4 - y1 / 100 + y1 / 400 + kDaysBefore[m] + (m > 2 && is_leap(y) ? 1 : 0) + d;
}
inline void ord_to_ymd(int64_t n, int64_t& y, int64_t& m, int64_t& d) {
  // from CPython's _ord2ymd
  n -= 1;
  int64_t n400 = n / 146097; n %= 146097;
  y = n400 * 400 + 1;
  int64_t n100 = n / 36524; n %= 36524;
  int64_t n4 = n / 1461; n %= 1461;
  int64_t n1 = n / 365; n %= 365;
  y += n100 * 100 + n4 * 4 + n1;
  if (n1 == 4 || n100 == 4) { y -= 1; m = 12; d = 31; return; }
  bool leap = n1 == 3 && (n4 != 24 || n100 == 3);
  m = (n + 50) >> 5;
  static const int dim[] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int64_t preceding = kDaysBefore[m] + (m > 2 && leap ? 1 : 0);
  if (preceding > n) {
    m -= 1;
    preceding -= dim[m] + (m == 2 && leap ? 1 : 0);
  }
  d = n - preceding + 1;
}

inline ClassObj *t_date, *t_timedelta, *t_datetime, *t_time, *t_tzinfo, *t_timezone;

inline int64_t iattr(const Value& o, const char* name) { return as_index(getattr(o, name)); }

inline Value make_date(int64_t y, int64_t m, int64_t d, ClassObj* cls = nullptr) {
  if (m < 1 || m > 12) raise_id("ValueError", "runtime.month_range");
  if (d < 1 || d > days_in_month(y, m)) raise_id("ValueError", "runtime.day_range");
  if (y < 1 || y > 9999) raise_id("ValueError", "runtime.year_range", {{"year", std::to_string(y)}});
  Value v = make_instance(cls ? cls : t_date);
  auto* in = v.as<InstObj>();
  in->set_attr("year", Value::integer(y));
  in->set_attr("month", Value::integer(m));
  in->set_attr("day", Value::integer(d));
  return v;
}

inline Value make_td(int64_t days, int64_t secs, int64_t us) {
  // normalize
  secs += us / 1000000; us %= 1000000;
  if (us < 0) { us += 1000000; secs -= 1; }
  days += secs / 86400; secs %= 86400;
  if (secs < 0) { secs += 86400; days -= 1; }
  Value v = make_instance(t_timedelta);
  auto* in = v.as<InstObj>();
  in->set_attr("days", Value::integer(days));
  in->set_attr("seconds", Value::integer(secs));
  in->set_attr("microseconds", Value::integer(us));
  return v;
}
inline void td_parts(const Value& v, int64_t& d, int64_t& s, int64_t& us) { d = iattr(v, "days"); s = iattr(v, "seconds"); us = iattr(v, "microseconds"); }
inline double td_total(const Value& v) {
  int64_t d, s, us;
  td_parts(v, d, s, us);
  return (double)d * 86400 + (double)s + (double)us / 1e6;
}

inline Value make_dt(int64_t y, int64_t mo, int64_t d, int64_t h, int64_t mi, int64_t s, int64_t us,
                     Value tz = Value(), int64_t fold = 0) {
  Value v = make_date(y, mo, d, t_datetime);
  auto* in = v.as<InstObj>();
  if (h < 0 || h > 23) raise_id("ValueError", "runtime.hour_range");
  if (mi < 0 || mi > 59) raise_id("ValueError", "runtime.minute_range");
  if (s < 0 || s > 59) raise_id("ValueError", "runtime.second_range");
  if (us < 0 || us > 999999) raise_id("ValueError", "runtime.microsecond_range");
  in->set_attr("hour", Value::integer(h));
  in->set_attr("minute", Value::integer(mi));
  in->set_attr("second", Value::integer(s));
  in->set_attr("microsecond", Value::integer(us));
  in->set_attr("tzinfo", tz);
  in->set_attr("fold", Value::integer(fold));
  return v;
}
inline bool is_dt(const Value& v) { return v.is(OK::Inst) && v.o->type->is_subclass(t_datetime); }
inline bool is_date(const Value& v) { return v.is(OK::Inst) && v.o->type->is_subclass(t_date); }
inline bool is_td(const Value& v) { return v.is(OK::Inst) && v.o->type->is_subclass(t_timedelta); }

// datetime as (ordinal days, microseconds in day)
inline void dt_split(const Value& v, int64_t& ord, int64_t& usec) {
  ord = ymd_to_ord(iattr(v, "year"), iattr(v, "month"), iattr(v, "day"));
  usec = is_dt(v) ? ((iattr(v, "hour") * 60 + iattr(v, "minute")) * 60 + iattr(v, "second")) * 1000000 + iattr(v, "microsecond") : 0;
}
inline Value dt_from(int64_t ord, int64_t usec, bool dt, Value tz = Value()) {
  ord += usec / 86400000000LL;
  usec %= 86400000000LL;
  if (usec < 0) { usec += 86400000000LL; ord -= 1; }
  int64_t y, m, d;
  ord_to_ymd(ord, y, m, d);
  if (!dt) return make_date(y, m, d);
  int64_t s = usec / 1000000;
  return make_dt(y, m, d, s / 3600, (s / 60) % 60, s % 60, usec % 1000000, tz);
}
inline int64_t td_us(const Value& v) {
  int64_t d, s, us;
  td_parts(v, d, s, us);
  return (d * 86400 + s) * 1000000 + us;
}

// Time zones (datetime_tz.cpp).
void init_tz_classes(DictObj* module);     // tzinfo, timezone (utc, min, max)
void init_aware_methods();                 // utcoffset, dst, tzname, astimezone, ...
Value tz_arg(const Value* v);               // a tzinfo argument checked (None when absent)
Value tz_call(const Value& dt, const char* method);  // dt.tzinfo.<method>(dt), None if naive
// The UTC offset of `dt` in microseconds; false when it is naive (no tzinfo, or one that
// gives None).
bool offset_us(const Value& dt, int64_t& off);
std::string offset_text(int64_t us, const char* colon);  // "+05:30", "-0800", "+01:00:30.5"
// "Z", "+HH[:MM[:SS[.ffffff]]]" or "-...": the offset in microseconds; false when malformed.
bool parse_offset(std::string_view s, int64_t& us);
Value timezone_of(int64_t us, Value name = Value());

}  // namespace ml::interp::dtimpl
