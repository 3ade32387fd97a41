// tomllib (Python 3.11's TOML reader) over toml++: loads(str) and load(binary file) give dicts,
// lists, str, int, float, bool and datetime's date/time/datetime values; a malformed document
// raises tomllib.TOMLDecodeError (a ValueError) saying where.
#include <toml++/toml.h>

#include <algorithm>
#include <vector>

#include "interp/builtins_impl.h"
#include "interp/lib/lib_modules.h"
#include "interp/lib/libutil.h"
#include "support/utf8.h"

namespace ml::interp {

namespace {

ClassObj* t_toml_error = nullptr;

[[noreturn]] void decode_error(const std::string& what, const toml::source_position& at) {
  std::string text = msg("runtime.toml_decode_error", {{"detail", what}, {"line", std::to_string(at.line)},
                                                       {"col", std::to_string(at.column)}});
  throw PyError(make_exception(t_toml_error, ValueVec{mk_str(text)}));
}

// The text of a value as written in the document (for parse_float), from its source region.
std::string source_text(const std::string& doc, const toml::source_region& r) {
  size_t line = 1, pos = 0;
  while (line < r.begin.line && pos < doc.size()) {
    if (doc[pos++] == '\n') ++line;
  }
  size_t start = pos;
  for (uint32_t c = 1; c < r.begin.column && start < doc.size(); ++c) start += size_t(utf8::decode(doc, start).len);
  size_t end = start;
  for (uint32_t c = r.begin.column; c < r.end.column && end < doc.size() && doc[end] != '\n'; ++c)
    end += size_t(utf8::decode(doc, end).len);
  return doc.substr(start, end - start);
}

struct Converter {
  const std::string& doc;
  Value parse_float;  // None: Python floats
  Value datetime_mod;

  Value dt(const char* cls, ValueVec args) {
    if (datetime_mod.is_none()) datetime_mod = import_module("datetime");
    return call(getattr(datetime_mod, cls), args.data(), (int)args.size(), nullptr);
  }
  static Value i(int64_t v) { return Value::integer(v); }

  Value convert(const toml::node& n) {
    if (auto* t = n.as_table()) {
      // toml++ keeps keys sorted; Python's dicts keep the document's order
      std::vector<std::pair<const toml::key*, const toml::node*>> entries;
      for (auto&& [k, v] : *t) entries.emplace_back(&k, &v);
      auto at = [](const toml::key* k) { return std::make_pair(k->source().begin.line, k->source().begin.column); };
      std::stable_sort(entries.begin(), entries.end(), [&](const auto& x, const auto& y) { return at(x.first) < at(y.first); });
      Value d = mk_dict();
      for (auto& [k, v] : entries) d.as<DictObj>()->set(mk_str(std::string(k->str())), convert(*v));
      return d;
    }
    if (auto* a = n.as_array()) {
      ValueVec items;
      for (auto&& v : *a) items.push_back(convert(v));
      return mk_list(std::move(items));
    }
    if (auto* s = n.as_string()) return mk_str(s->get());
    if (auto* x = n.as_integer()) return Value::integer(x->get());
    if (auto* f = n.as_floating_point()) {
      if (parse_float.is_none()) return Value::flt(f->get());
      return call1(parse_float, mk_str(source_text(doc, n.source())));
    }
    if (auto* b = n.as_boolean()) return Value::boolean(b->get());
    if (auto* d = n.as_date()) return dt("date", {i(d->get().year), i(d->get().month), i(d->get().day)});
    if (auto* t = n.as_time()) {
      const toml::time& v = t->get();
      return dt("time", {i(v.hour), i(v.minute), i(v.second), i(v.nanosecond / 1000)});
    }
    if (auto* x = n.as_date_time()) {
      const toml::date_time& v = x->get();
      // an offset makes an aware datetime, its tzinfo a fixed-offset timezone (utc for Z)
      Value tz;
      if (v.offset) tz = dt("timezone", {dt("timedelta", {i(0), i(int64_t(v.offset->minutes) * 60)})});
      return dt("datetime", {i(v.date.year), i(v.date.month), i(v.date.day), i(v.time.hour), i(v.time.minute),
                             i(v.time.second), i(v.time.nanosecond / 1000), tz});
    }
    return Value();
  }
};

Value loads_text(const std::string& text, const Value& parse_float) {
  toml::table doc;
  try {
    doc = toml::parse(text);
  } catch (const toml::parse_error& e) {
    decode_error(std::string(e.description()), e.source().begin);
  }
  Converter c{text, parse_float, Value()};
  return c.convert(doc);
}

Value parse_float_arg(KwArgs* kw) {
  const Value* pf = kw_find(kw, "parse_float");
  if (!pf || (pf->is(OK::Class) && pf->o == I->t_float)) return Value();
  return *pf;
}

}  // namespace

void init_tomllib() {
  Value m = lib_module("tomllib");
  DictObj* d = module_dict(m);
  t_toml_error = lib_class("tomllib", "TOMLDecodeError", {Value::obj(I->e("ValueError"))});
  d->set(str_key("TOMLDecodeError"), Value::obj(t_toml_error));
  def_native(d, "loads", [](ARGS) -> Value {
    check_args("loads", n, 1, 1);
    check_keywords("loads", kw, {"parse_float"});
    if (!a[0].is(OK::Str)) raise_id("TypeError", "runtime.toml_loads_str", {{"type", type_name(a[0])}});
    return loads_text(str_of(a[0]), parse_float_arg(kw));
  });
  def_native(d, "load", [](ARGS) -> Value {
    check_args("load", n, 1, 1);
    check_keywords("load", kw, {"parse_float"});
    Value data = call0(getattr(a[0], "read"));
    if (!data.is(OK::Bytes)) raise_id("TypeError", "runtime.toml_load_binary");
    Value text = call1(getattr(data, "decode"), mk_str("utf-8"));
    return loads_text(str_of(text), parse_float_arg(kw));
  });
}

}  // namespace ml::interp
