// _ml_text: the localized messages of the library modules written in the language itself
// (stdlib/*.py), so an error raised by statistics.mean([]) reads in the program's language as the
// interpreter's own errors do.
//
//   from _ml_text import text as _t
//   raise StatisticsError(_t("statistics.mean_empty", "mean requires at least one data point"))
//   raise ValueError(_t("textwrap.bad_width", "invalid width {width} (must be > 0)", width=repr(w)))
//
// text(id, english, **fields) looks `library.<id>` up in the pack the interpreter runs with (the
// main program's language), then in the English pack, and fills its {placeholders} with str() of
// the keyword arguments. The English text at the call site is CPython's wording and must equal the
// English pack's template (tests/lang/messages_test.cpp checks both, and that every pack has every
// id with the same placeholders); it is the text used when no pack has the id. An id that starts
// with "runtime." or "errno." names one of the interpreter's own messages instead (a dataclass's
// __init__ reports a missing argument in the words the interpreter uses for functions, pathlib an
// OSError's strerror as os does).
#include "interp/code.h"
#include "interp/lib/lib_modules.h"
#include "interp/lib/libutil.h"
#include "lang/pack.h"

namespace ml::interp {

void init_ml_text() {
  Value m = lib_module("_ml_text");
  def_native(module_dict(m), "text", [](ARGS) -> Value {
    check_args("text", n, 2, 2);
    std::string id = to_str(a[0]);
    std::map<std::string, std::string> fields;
    if (kw)
      for (auto& [k, v] : kw->items) fields[to_str(k)] = to_str(v);
    bool own = id.rfind("runtime.", 0) == 0 || id.rfind("errno.", 0) == 0;
    std::string full = own ? id : "library." + id;
    std::string text = msg(full, fields);
    if (text != full) return mk_str(std::move(text));
    return mk_str(fill_template(to_str(a[1]), fields));
  });
}

}  // namespace ml::interp
