// unicodedata over Debian's utf8proc (already behind str's case mapping and classification):
// normalize/is_normalized (NFC, NFD, NFKC, NFKD), category, combining, bidirectional,
// mirrored, decimal/digit. Character names (name, lookup) are not in utf8proc's tables and
// are not offered; unidata_version is utf8proc's Unicode version.
#include <utf8proc.h>

#include <cstdlib>

#include "interp/lib/lib_modules.h"
#include "interp/lib/libutil.h"
#include "support/utf8.h"

namespace ml::interp {

namespace {

// The one code point of a one-character str argument of function `fn`.
char32_t one_char(const char* fn, const Value& v) {
  if (!v.is(OK::Str)) raise_id("TypeError", "runtime.unicodedata_char", {{"function", fn}, {"type", type_name(v)}});
  const std::string& s = str_of(v);
  auto d = utf8::decode(s, 0);
  if (s.empty() || (size_t)d.len != s.size()) raise_id("TypeError", "runtime.unicodedata_char", {{"function", fn}, {"type", "str"}});
  return d.cp;
}

int norm_options(const Value& form) {
  std::string f = form.is(OK::Str) ? str_of(form) : "";
  int stable = UTF8PROC_STABLE;
  if (f == "NFC") return stable | UTF8PROC_COMPOSE;
  if (f == "NFD") return stable | UTF8PROC_DECOMPOSE;
  if (f == "NFKC") return stable | UTF8PROC_COMPOSE | UTF8PROC_COMPAT;
  if (f == "NFKD") return stable | UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT;
  raise_id("ValueError", "runtime.unicodedata_form");
}

std::string normalized(const Value& form, const Value& text) {
  int opts = norm_options(form);
  if (!text.is(OK::Str)) raise_id("TypeError", "runtime.unicodedata_char", {{"function", "normalize"}, {"type", type_name(text)}});
  const std::string& s = str_of(text);
  utf8proc_uint8_t* out = nullptr;
  utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t*)s.data(), (utf8proc_ssize_t)s.size(), &out,
                                    (utf8proc_option_t)opts);
  if (n < 0) return s;  // invalid UTF-8 cannot be in a str; kept as it is
  std::string r((const char*)out, (size_t)n);
  std::free(out);
  return r;
}

const char* bidi_name(int c) {
  static const char* names[] = {"", "L", "LRE", "LRO", "R", "AL", "RLE", "RLO", "PDF", "EN", "ES", "ET", "AN",
                                "CS", "NSM", "BN", "B", "S", "WS", "ON", "LRI", "RLI", "FSI", "PDI"};
  return c >= 0 && c < (int)(sizeof names / sizeof *names) ? names[c] : "";
}

// decimal(ch[, default]) / digit(ch[, default]): the digit's value, else default or ValueError
Value digit_of(const char* fn, Value* a, int n, bool superscripts) {
  check_args(fn, n, 1, 2);
  char32_t c = one_char(fn, a[0]);
  int v = utf8::digit_value(c);
  if (v < 0 && superscripts) {  // digit() also counts superscript and circled digits' kin: ¹²³⁰-⁹
    if (c == 0xB9) v = 1;
    else if (c == 0xB2 || c == 0xB3) v = (int)(c - 0xB0);
    else if (c == 0x2070) v = 0;
    else if (c >= 0x2074 && c <= 0x2079) v = (int)(c - 0x2070);
    else if (c >= 0x2080 && c <= 0x2089) v = (int)(c - 0x2080);
  }
  if (v >= 0) return Value::integer(v);
  if (n > 1) return a[1];
  raise_id("ValueError", superscripts ? "runtime.unicodedata_not_digit" : "runtime.unicodedata_not_decimal");
}

}  // namespace

void init_unicodedata() {
  Value m = lib_module("unicodedata");
  DictObj* d = module_dict(m);
  d->set(str_key("unidata_version"), mk_str(utf8proc_unicode_version()));
  def_native(d, "normalize", [](ARGS) -> Value {
    check_args("normalize", n, 2, 2);
    return mk_str(normalized(a[0], a[1]));
  });
  def_native(d, "is_normalized", [](ARGS) -> Value {
    check_args("is_normalized", n, 2, 2);
    return Value::boolean(normalized(a[0], a[1]) == str_of(a[1]));
  });
  def_native(d, "category", [](ARGS) -> Value {
    check_args("category", n, 1, 1);
    return mk_str(utf8proc_category_string((utf8proc_int32_t)one_char("category", a[0])));
  });
  def_native(d, "combining", [](ARGS) -> Value {
    check_args("combining", n, 1, 1);
    return Value::integer(utf8proc_get_property((utf8proc_int32_t)one_char("combining", a[0]))->combining_class);
  });
  def_native(d, "bidirectional", [](ARGS) -> Value {
    check_args("bidirectional", n, 1, 1);
    return mk_str(bidi_name(utf8proc_get_property((utf8proc_int32_t)one_char("bidirectional", a[0]))->bidi_class));
  });
  def_native(d, "mirrored", [](ARGS) -> Value {
    check_args("mirrored", n, 1, 1);
    return Value::integer(utf8proc_get_property((utf8proc_int32_t)one_char("mirrored", a[0]))->bidi_mirrored ? 1 : 0);
  });
  def_native(d, "decimal", [](ARGS) -> Value { return digit_of("decimal", a, n, false); });
  def_native(d, "digit", [](ARGS) -> Value { return digit_of("digit", a, n, true); });
}

}  // namespace ml::interp
